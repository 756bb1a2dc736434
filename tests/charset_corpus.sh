#!/bin/sh
# charset_corpus.sh - every page in tests/charsets/ (copied from the shared
# corpus with its index.json) decodes to the text a strict reference
# decoder gives, with no U+FFFD; pages whose meta lies come out as what
# the bytes are; the snippets the origin projects expect appear.  Then
# the same pages with every declaration and BOM removed must still be
# recognised by the byte check.
set -u
dir="$top_srcdir/tests/charsets"
tool="$top_builddir/tests/charset_tool"
# The pages are for internal testing only and are left out of release
# tarballs; a tree without them has nothing to check.
[ -f "$dir/index.json" ] || { echo "no $dir/index.json"; exit 77; }
[ -n "${PYTHON3:-}" ] || { echo "python3 needed"; exit 77; }
[ -x "$tool" ] || { echo "missing $tool"; exit 1; }
exec "$PYTHON3" - "$dir" "$tool" <<'PY'
import gzip, html, json, os, re, subprocess, sys, tempfile

d, tool = sys.argv[1], sys.argv[2]
# actual encoding -> (Python reference codec, iconv names lede may pick)
FAM = {
    'shift_jis': ('cp932', {'CP932'}),
    'gb2312': ('gb18030', {'GB18030'}),
    'big5': ('big5hkscs', {'BIG5-HKSCS', 'CP950'}),
    'euc-kr': ('cp949', {'CP949'}),
    'utf-16le': ('utf-16', {'UTF-16LE'}),
    'windows-1250': ('cp1250', {'WINDOWS-1250'}),
    'iso-8859-1': ('cp1252', {'WINDOWS-1252'}),
    'windows-1251': ('cp1251', {'WINDOWS-1251'}),
    'euc-jp': ('euc_jp', {'EUC-JP-MS', 'EUC-JP'}),
    'utf-8': ('utf-8', {'UTF-8'}),
}
SNIPPET_KEYS = ('title', 'dek', 'with', 'body_contains', 'text',
                'site_name')
fails = 0
tmp = tempfile.mkdtemp()


def bad(msg):
    global fails
    fails += 1
    print('FAIL ' + msg)


def decode(path):
    p = subprocess.run([tool, path], capture_output=True)
    if p.returncode != 0:
        return None, p.stderr.decode(errors='replace').strip()
    head, _, body = p.stdout.partition(b'\n')
    return head.decode().split('\t'), body


CP1252 = bytes(range(0x80, 0xa0)).decode('cp1252', errors='replace')


def html_fixups(s):
    """What lede does to decoded text besides decoding: references to
    &#128;..&#159; read as windows-1252 (as in browsers), references to
    other controls made raw, escape sequences removed, NUL as U+FFFD."""
    def ref(m):
        v = int(m.group(2), 16) if m.group(1) else int(m.group(2))
        if v in (0, 9, 10, 13) or 0x20 <= v < 0x7f or v > 0x9f:
            return m.group(0)
        if v >= 0x80 and CP1252[v - 0x80] != '\ufffd':
            return CP1252[v - 0x80]
        return chr(v)
    s = re.sub(r'&#([xX])?([0-9a-fA-F]{1,8}|[0-9]{1,8});?',
               lambda m: ref(m) if m.group(1) or m.group(2).isdigit()
               else m.group(0), s)
    s = re.sub('\x1b\\[[0-?]*[ -/]*[@-~]', '', s)
    s = re.sub('\x1b[\\]PX^_][^<>]*?(\x07|\x1b\\\\)', '', s)
    return s.replace('\x00', '\ufffd')


def flat(s):
    s = re.sub(r'<[^>]*>', ' ', s)
    return re.sub(r'\s+', ' ', html.unescape(s))


for rec in json.load(open(os.path.join(d, 'index.json'))):
    name = rec['file']
    raw = gzip.open(os.path.join(d, name)).read()
    actual = rec['actual_encoding'].split()[0].lower()
    codec, names = FAM[actual]
    path = os.path.join(tmp, name[:-3])
    open(path, 'wb').write(raw)
    meta, out = decode(path)
    if meta is None:
        bad('%s: tool failed: %s' % (name, out))
        continue
    src, label, iname, repl = meta
    ref = html_fixups(raw.decode(codec))   # strict: the bytes are valid
    got = out.decode('utf-8')          # lede's output must be valid UTF-8
    status = []
    if iname not in names:
        bad('%s: read as %s (from %s %r), bytes are %s' %
            (name, iname, src, label, actual))
    if int(repl) != 0 or '\ufffd' in got and '\ufffd' not in ref:
        bad('%s: %s U+FFFD in output of valid %s' % (name, repl, actual))
    if len(got) != len(ref):
        bad('%s: %d characters, reference has %d' %
            (name, len(got), len(ref)))
    else:
        diff = sum(1 for a, b in zip(got, ref) if a != b)
        # Vendor tables differ on a handful of code points (wave dash).
        if diff * 1000 > len(ref):
            bad('%s: %d characters differ from the reference' %
                (name, diff))
        status.append('%d/%d chars differ' % (diff, len(ref)))
    fg = flat(got)
    exp = rec.get('expect') or {}
    nsnip = 0
    for k in SNIPPET_KEYS:
        v = exp.get(k)
        for s in (v if isinstance(v, list) else [v]):
            if not isinstance(s, str):
                continue
            s = re.sub(r'\s+', ' ', s.strip())[:80]
            nsnip += 1
            if s not in got and s not in fg:
                bad('%s: expected %s not found: %r' % (name, k, s))
    # The byte check alone, with every declaration and BOM gone.
    stripped = re.sub(rb'(?i)(charset|encoding)\s*=\s*["\']?[-\w]+', b'',
                      raw)
    stripped = re.sub(rb'c\x00h\x00a\x00r\x00s\x00e\x00t\x00', b'',
                      stripped)
    if stripped[:2] in (b'\xff\xfe', b'\xfe\xff'):
        stripped = stripped[2:]
    if stripped[:3] == b'\xef\xbb\xbf':
        stripped = stripped[3:]
    spath = path + '.nodecl'
    open(spath, 'wb').write(stripped)
    smeta, _ = decode(spath)
    if smeta is None or smeta[2] not in names:
        bad('%s: undeclared, sniffed as %s, bytes are %s' %
            (name, smeta and smeta[2], actual))
    print('ok %-50s %-8s %-13s -> %-12s fffd=%s %s, %d snippets, '
          'sniffed %s' % (name, src, label, iname, repl, ', '.join(status),
                          nsnip, smeta and smeta[2]))
print('%d failure(s)' % fails)
sys.exit(1 if fails else 0)
PY
