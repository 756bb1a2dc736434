#!/bin/sh
# cjk_wrap.sh - lede --dump --width 40 of Japanese, Chinese and Korean
# pages (tests/charsets): no line wider than 40 columns counted the way
# wcwidth does (independently, with Python's unicodedata); Japanese and
# Chinese lines never start with closing punctuation or small kana and
# never end with opening punctuation (kinsoku); Korean lines break at
# spaces, never inside a word, unless the word alone is wider than 40.
set -u
dir="$top_srcdir/tests/charsets"
[ -f "$dir/index.json" ] || { echo "no $dir"; exit 77; }
[ -n "${PYTHON3:-}" ] || { echo "python3 needed"; exit 77; }
[ -x "$LEDE" ] || { echo "FAIL: no binary $LEDE"; exit 1; }
exec "$PYTHON3" - "$dir" "$LEDE" <<'PY'
import gzip, json, os, subprocess, sys, tempfile, unicodedata

d, lede = sys.argv[1], sys.argv[2]
W = 40


def cw(ch):
    o = ord(ch)
    cat = unicodedata.category(ch)
    if o == 0xad:
        return 1
    if cat in ('Mn', 'Me', 'Cf') or 0x1160 <= o <= 0x11ff or o == 0x200b:
        return 0
    return 2 if unicodedata.east_asian_width(ch) in 'WF' else 1


def width(s):
    return sum(cw(c) for c in s)


CLOSE = set('、。，．・：；？！）」』】〕〉》｝］’”ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々ー，。！？）')
OPEN = set('（「『【〔〈《｛［‘“')


def hangul(c):
    return 0xac00 <= ord(c) <= 0xd7a3


tmp = tempfile.mkdtemp()
fails = 0
checked = {'ja': 0, 'zh': 0, 'ko': 0}
for rec in json.load(open(os.path.join(d, 'index.json'))):
    name = rec['file']
    raw = gzip.open(os.path.join(d, name)).read()
    path = os.path.join(tmp, name[:-3])
    open(path, 'wb').write(raw)
    p = subprocess.run([lede, '--dump', '--width', str(W), path],
                       capture_output=True, env=dict(os.environ,
                                                     LC_ALL='C.UTF-8'))
    if p.returncode != 0:
        print('FAIL %s: exit %d: %s' % (name, p.returncode,
                                         p.stderr.decode()[:200]))
        fails += 1
        continue
    lines = p.stdout.decode('utf-8').split('\n')
    q = subprocess.run([lede, '--dump', '--no-wrap', path],
                       capture_output=True, env=dict(os.environ,
                                                     LC_ALL='C.UTF-8'))
    paras = q.stdout.decode('utf-8').split('\n')
    text = ''.join(lines)
    kana = sum(1 for c in text if 0x3040 <= ord(c) <= 0x30ff)
    han = sum(1 for c in text if 0x4e00 <= ord(c) <= 0x9fff)
    hg = sum(1 for c in text if hangul(c))
    lang = 'ko' if hg > 200 else 'ja' if kana > 30 else \
        'zh' if han > 200 else None
    bad = 0
    for i, l in enumerate(lines):
        if width(l) > W:
            print('FAIL %s: line %d is %d columns: %r' % (name, i + 1,
                                                         width(l), l))
            bad += 1
    for i in range(len(lines) - 1):
        a, b = lines[i], lines[i + 1]
        if not a or not b:
            continue
        # Where the two lines meet in the unwrapped paragraph: a space
        # there was consumed by the wrap (UAX #14 allows any break after
        # a space); none means the break fell between two characters.
        a_, b_ = a.strip(), b.strip()
        if not a_ or not b_:
            continue
        word = None
        for para in paras:
            x = para.find(a_ + b_)
            if x >= 0:
                word = para[:x + len(a_)].split(' ')[-1] + \
                    para[x + len(a_):].split(' ')[0]
                break
        if word is None:
            continue            # joined with a space, or not a paragraph
        if lang in ('ja', 'zh'):
            if b_[0] in CLOSE:
                print('FAIL %s: line %d starts with %r' % (name, i + 2,
                                                            b_[0]))
                bad += 1
            if a_[-1] in OPEN:
                print('FAIL %s: line %d ends with %r' % (name, i + 1,
                                                          a_[-1]))
                bad += 1
        if lang == 'ko' and hangul(a_[-1]) and hangul(b_[0]) and \
                width(word) <= W:
            print('FAIL %s: line %d splits the word %r' % (name, i + 1, word))
            bad += 1
    if lang:
        checked[lang] += 1
    fails += bad
    print('%s %-50s %-4s %d lines' % ('ok  ' if not bad else 'FAIL', name,
                                       lang or '-', len(lines)))
print('pages checked by language: %s' % checked)
if not all(checked.values()):
    print('FAIL: a language has no page')
    fails += 1
sys.exit(1 if fails else 0)
PY
