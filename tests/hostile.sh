#!/bin/sh
# hostile.sh - escape sequences and controls planted in a page's title,
# deck, body, alt text, link text and URLs (raw bytes, character
# references, windows-1252 C1 holes, UTF-16) must come out inert: the
# --dump and --json output holds no ESC, no C0 but newline and tab, no
# DEL, no C1, no bidi override or isolate, in its bytes or in any JSON
# string once decoded.  With --color, lede's own SGR is the only escape.
# Sequences are removed whole, so no "[2J" is left behind either.
# Real text (the word Kestrelwatch) must survive, so an empty output or a
# failing run is a failure, never a pass.
set -u
dir="$top_srcdir/tests/hostile"
[ -n "${PYTHON3:-}" ] || { echo "python3 needed"; exit 77; }
[ -x "$LEDE" ] || { echo "FAIL: no binary $LEDE"; exit 1; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
for f in "$dir"/*.html; do
	b=$(basename "$f" .html)
	for mode in dump60 dump20 nowrap ansi json; do
		case $mode in
		dump60) set -- --dump --width 60 ;;
		dump20) set -- --dump --width 20 ;;
		nowrap) set -- --dump --no-wrap ;;
		ansi) set -- --dump --color --width 60 ;;
		json) set -- --json ;;
		esac
		LC_ALL=C.UTF-8 "$LEDE" "$@" "$f" >"$tmp/$b.$mode" \
		    2>"$tmp/$b.$mode.err"
		rc=$?
		if [ $rc -ne 0 ]; then
			echo "FAIL: $b $mode: lede exited $rc:" \
			    "$(head -c 300 "$tmp/$b.$mode.err")"
			fail=1
		fi
	done
done
"$PYTHON3" - "$tmp" <<'PY' || fail=1
import json, os, re, sys

d = sys.argv[1]
BAD = re.compile('[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]')
SGR = re.compile(r'\x1b\[[0-9;]*m')
bad = 0


def check_text(name, s, ansi=False):
    global bad
    if ansi:
        s = SGR.sub('', s)
    m = BAD.search(s)
    if m:
        i = m.start()
        print('FAIL %s: U+%04X at %d: %r' % (name, ord(m.group()), i,
                                             s[max(0, i - 30):i + 30]))
        bad = 1
        return False
    return True


def strings(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, dict):
        for k, x in v.items():
            yield k
            yield from strings(x)
    elif isinstance(v, list):
        for x in v:
            yield from strings(x)


n = 0
for fn in sorted(os.listdir(d)):
    if fn.endswith('.err'):
        continue
    n += 1
    raw = open(os.path.join(d, fn), 'rb').read()
    try:
        s = raw.decode('utf-8')
    except UnicodeDecodeError as e:
        print('FAIL %s: output is not UTF-8: %s' % (fn, e))
        bad = 1
        continue
    ok = check_text(fn, s, ansi=fn.endswith('.ansi'))
    if fn.endswith('.ansi'):
        s = SGR.sub('', s)
    if fn.endswith('.json'):
        try:
            doc = json.loads(s)
        except ValueError as e:
            print('FAIL %s: not JSON: %s' % (fn, e))
            bad = 1
            continue
        for t in strings(doc):
            if not check_text(fn + ' (decoded string)', t):
                ok = False
                break
        s = ' '.join(strings(doc))
    # Sequences go whole: no "[2J" or "]52;" debris left as text.
    for debris in ('[2J', ']52;', ']8;;', ']0;', '[31m', '[?1049h'):
        if debris in s:
            print('FAIL %s: escape debris %r left in the text' % (fn, debris))
            bad = 1
            ok = False
    if 'Kestrelwatch' not in s:
        print('FAIL %s: the article text is missing' % fn)
        bad = 1
        ok = False
    if ok:
        print('ok %s (%d bytes)' % (fn, len(raw)))
print('%d outputs checked' % n)
if n == 0:
    print('FAIL: nothing was checked')
    bad = 1
sys.exit(bad)
PY
exit $fail
