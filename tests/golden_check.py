#!/usr/bin/env python3
"""Compare `lede --json` (stdin) with a golden case's expected.json."""
import json
import sys


def blocks_of(d):
    return [b.get("type") for b in d.get("blocks", [])]


def main():
    exp = json.load(open(sys.argv[1], encoding="utf-8"))
    case = sys.argv[2]
    got = json.load(sys.stdin)
    text = got.get("text") or ""
    errs = []
    for k in ("title", "deck", "byline", "site_name", "lang", "published",
              "modified"):
        if k in exp and got.get(k) != exp[k]:
            errs.append("%s: got %r, want %r" % (k, got.get(k), exp[k]))
    if "text_starts" in exp and not text.startswith(exp["text_starts"]):
        errs.append("text starts %r" % text[:60])
    if "text_ends" in exp and not text.rstrip().endswith(exp["text_ends"]):
        errs.append("text ends %r" % text[-60:])
    for s in exp.get("text_has", []):
        if s not in text:
            errs.append("text lacks %r" % s)
    for s in exp.get("text_lacks", []):
        if s in text:
            errs.append("text has %r" % s)
    if "paragraphs" in exp:
        n = blocks_of(got).count("paragraph")
        if n != exp["paragraphs"]:
            errs.append("%d paragraphs, want %d" % (n, exp["paragraphs"]))
    if "blocks" in exp and blocks_of(got) != exp["blocks"]:
        errs.append("blocks %r" % blocks_of(got))
    if "figures" in exp:
        figs = [b for b in got.get("blocks", []) if b.get("type") == "figure"]
        if len(figs) != len(exp["figures"]):
            errs.append("%d figures, want %d" % (len(figs), len(exp["figures"])))
        for f, e in zip(figs, exp["figures"]):
            for k, v in e.items():
                if f.get(k) != v:
                    errs.append("figure %s: got %r, want %r" % (k, f.get(k), v))
    if "related" in exp:
        groups = {}
        for l in got.get("links", []):
            if l.get("kind") == "related":
                groups[l.get("group")] = groups.get(l.get("group"), 0) + 1
        if groups != exp["related"]:
            errs.append("related %r" % groups)
    for e in errs:
        print("FAIL %s: %s" % (case, e))
    if not errs:
        print("ok %s" % case)
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
