#!/usr/bin/env python3
"""gen_long.py N - print an article page with N paragraphs (about five
lines each at 80 columns), headings every 50, for the long-article tmux
test and the key benchmark (bench/keys.sh).  Paragraph k says "Paragraph
k of N" so a test can tell where it is."""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
out = ["<!DOCTYPE html><html lang=en><head><meta charset=utf-8>",
       "<title>A very long article</title>",
       '<meta property="og:title" content="A very long article">',
       "</head><body><article><h1>A very long article</h1>"]
words = ("the tide came in over the flats and the gulls rose from the mud "
         "while the ferry waited at the slip for the late passengers "
         "and the harbour master wrote the times in his book").split()
for k in range(1, n + 1):
    if k % 50 == 1:
        out.append("<h2>Part %d</h2>" % (k // 50 + 1))
    body = " ".join(words[(k + i) % len(words)] for i in range(60))
    out.append("<p>Paragraph %d of %d: %s.</p>" % (k, n, body))
out.append("<p>The very end of the long article.</p>")
out.append("</article></body></html>")
print("\n".join(out))
