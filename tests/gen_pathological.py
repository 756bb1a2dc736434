#!/usr/bin/env python3
"""Write the pathological inputs of tests/pathological.sh into a directory.

Each file is made here rather than stored: a 20 MB page would bloat the
repository.  usage: gen_pathological.py OUTDIR
"""
import os
import random
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def write(name, data):
    with open(os.path.join(out, name), 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode('utf-8'))


PARA = ('<p>The summit elevates North Korea into a major variable that could '
        'rattle the global security environment as far away as Europe.</p>\n')

write('empty.html', b'')
write('blank.html', b'   \n\t\n')
rnd = random.Random(7)
write('binary.bin', bytes(rnd.randrange(256) for _ in range(200000)))
write('nul.html', b'<html><body><p>before\0after</p>' + b'\0' * 1000 + b'</body></html>')
write('nested-blockquote.html',
      '<html><body><article>' + PARA * 3 + '<blockquote>' * 10000 +
      'deep quote text' + '</blockquote>' * 10000 + PARA + '</article></body></html>')
write('nested-div.html',
      '<html><body>' + '<div>' * 20000 + PARA * 5 + '</div>' * 20000 + '</body></html>')
write('unclosed.html', '<html><body><article>' + '<p><b><i><span>word ' * 5000)
write('huge-word.html',
      '<html><body><article>' + PARA * 3 + '<p>' + 'x' * (1 << 20) + '</p>' +
      PARA + '</article></body></html>')
body = ''.join('<div class="story"><h2>Headline %d</h2>%s</div>\n' % (i, PARA * 4)
               for i in range(20 * 1024 * 1024 // (len(PARA) * 4 + 40)))
write('huge-page.html', '<html><head><title>Big</title></head><body><article>' +
      body + '</article></body></html>')
write('entity-storm.html',
      '<html><body><article><p>' + '&amp;&lt;&#x1b;&#27;&#x9b;&nbsp;&#0;&#xD800;' * 50000 +
      '</p></article></body></html>')
esc = '\x1b[2J\x1b]0;pwned\x07\x1b]52;c;ZXZpbA==\x07\x9b31m\x7f\x08\r\u202e'
write('controls.html',
      '<html><head><title>Title ' + esc + ' here</title>'
      '<meta property="og:title" content="OG &#x1b;[31m title"></head><body><article>'
      '<h1>Head' + esc + 'line</h1>' + ('<p>Body ' + esc + ' text with words enough to be an article paragraph here.</p>') * 6 +
      '<a href="http://x.test/\x1b[1m">link' + esc + '</a></article></body></html>')
write('truncated.html', ('<html><head><title>Cut</title></head><body><article>' + PARA * 10)[:-37])
write('bad-utf8.html', b'<html><head><meta charset="utf-8"><title>Bad \xff\xfe bytes</title></head>'
      b'<body><article><p>Text \xc3\x28 with \xed\xa0\x80 invalid \xf8\x88\x80\x80\x80 sequences '
      b'and enough words to be kept as the body of an article here.</p></article></body></html>')
write('not-html.txt', 'Just a line of plain text, no markup at all.\n' * 20)
# Unterminated OSC introducers, 7-bit and C1: each must not start a long
# scan for a terminator (was quadratic: 1 MiB took 42 s).
write('osc-storm.html', b'<html><body><article><p>' + b'\x1b]' * (1 << 20) +
      b'</p></article></body></html>')
write('c1-osc-storm.html', b'<html><head><meta charset="utf-8"></head>'
      b'<body><article><p>' + b'\xc2\x9d' * (1 << 20) +
      b'</p></article></body></html>')
# Millions of small elements in a comment section: every one is freed when
# the section goes, and finding each one's arena must not walk all chunks
# (was quadratic: 6 MB took 10.6 s).
write('small-elements.html', '<html><body><article>' + PARA * 10 +
      '</article><div class="comments">' + '<i a=b>x</i>' * 250000 +
      '</div></body></html>')
# A letter under 200,000 combining marks: composing (NFC) orders marks in
# square time, so a run is composed piece by piece.
write('mark-storm.html', '<html><body><article>' + PARA * 5 + '<p>a' +
      '\u0301\u0323' * 200000 + '</p></article></body></html>')
# Marks and K-sign next to markup: composing must not eat a '>' or make
# a tag out of text.
write('nfc-markup.html', '<html><body><article><p>\u0301\u0338' + PARA[3:] +
      '<p>a <\u212a and some text > b, x &lt\u037e y.</p>' + PARA * 5 +
      '</article></body></html>')
# Many comments and scripts before the article: stripping the code before
# the parse must stay linear (looking for each comment's end to the end of
# the page once made every comment cost the whole page).
write('comment-storm.html', '<html><head>' +
      '<!-- c --><script>var a = 1;</script>' * 100000 +
      '</head><body><article>' + PARA * 5 + '</article></body></html>')
