#!/bin/sh
# The bundled sample through --dump and --json: every part of the seed
# article in its place (issue 2's "done means"), none of the page chrome.
set -u
: "${LEDE:?}" "${top_srcdir:?}" "${PYTHON3:=python3}"
exec "$PYTHON3" - "$LEDE" "$top_srcdir" <<'PY'
import json, re, subprocess, sys
lede, top = sys.argv[1], sys.argv[2]
page = top + '/samples/hani-nk-russia.html'
seed = open(top + '/tests/seed/hani-nk-russia.txt', encoding='utf-8').read().split('\n')
fails = []
def check(cond, what):
    print(('ok   ' if cond else 'FAIL ') + what)
    if not cond:
        fails.append(what)

dump = subprocess.run([lede, '--dump', '--no-wrap', page], capture_output=True,
                      text=True, timeout=30)
check(dump.returncode == 0, 'dump exits 0 (%s)' % dump.stderr.strip())
out = dump.stdout
title, deck, caption = seed[0], seed[3], seed[4]
body = [l for l in seed[7:] if l.strip()]
end = body.index('By Jung E-gil, staff reporter')
paras = body[:end]
check(title in out, 'title shown')
check(deck in out, 'deck shown')
check('Jung E-gil' in out, 'byline shown')
check('2023-09-15' in out and re.search(r'15:36', out) is not None, 'dates shown')
check(out.count(caption) == 1, 'caption shown once (got %d)' % out.count(caption))
for i, p in enumerate(paras):
    check(p in out, 'body paragraph %d shown' % (i + 1))
# The export format is the article's own text: related stories are in
# the reader, in --json and in --dump --related.
rels = ['S. Korea’s top court halts deportation', 'What Kim Jong-un wants from Putin']
check(not any(r in out for r in rels), 'no related stories in plain --dump')
rdump = subprocess.run([lede, '--dump', '--no-wrap', '--related', page],
                       capture_output=True, text=True, timeout=30)
rout = rdump.stdout
last = rout.find(paras[-1])
check(last >= 0, 'body in --dump --related')
for rel in rels:
    pos = rout.find(rel)
    check(pos > last, 'related story after the body: %s' % rel)
check('hani.co.kr/arti/politics/defense/1108720.html' in rout,
      'link to the original Korean article kept')
for chrome in ['Skip to main content', 'Share on Facebook', 'Font size', 'Privacy Policy',
               'Unauthorized reproduction', 'Subscribe', 'Advertisement', 'North Korea\n']:
    check(chrome not in out, 'no page chrome: %r' % chrome)

js = subprocess.run([lede, '--json', page], capture_output=True, text=True, timeout=30)
check(js.returncode == 0, 'json exits 0')
try:
    d = json.loads(js.stdout)
except ValueError as e:
    d = {}
    check(False, 'json parses: %s' % e)
check(d.get('title') == title, 'json title')
check(d.get('deck') == deck, 'json deck')
check((d.get('byline') or '').startswith('Jung E-gil'), 'json byline: %r' % d.get('byline'))
check((d.get('published') or '').startswith('2023-09-15T15:36') and
      (d.get('published') or '').endswith('+09:00'), 'json published: %r' % d.get('published'))
check((d.get('modified') or '').startswith('2023-09-15T15:36'), 'json modified')
check(d.get('site_name') == 'The Hankyoreh', 'json site_name')
check(d.get('lang') == 'en', 'json lang')
text = d.get('text') or ''
check(all(p in text for p in paras), 'json text holds every paragraph')
check(caption not in text, 'json text has no caption')
check('Most viewed' not in text, 'json text has no related list')
figs = [b for b in d.get('blocks', []) if b.get('type') == 'figure']
check(len(figs) == 1 and figs[0].get('caption') == caption, 'one figure with its caption')
rel = [l for l in d.get('links', []) if l.get('kind') == 'related']
check(len(rel) >= 5, 'related links: %d' % len(rel))
check(all(l['url'].startswith('http') for l in d.get('links', [])), 'links are absolute')
print('sample: %d checks failed' % len(fails) if fails else 'sample: all checks passed')
sys.exit(1 if fails else 0)
PY
