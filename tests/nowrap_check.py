#!/usr/bin/env python3
"""nowrap_check.py - `lede --dump --no-wrap` keeps every paragraph on one
line: each paragraph, heading, quote paragraph and list item of the page's
`lede --json` blocks must be found whole inside one line of the dump (link
numbers aside), and no line may end in white space or hold a control
character.  With --with SEGMENTS.json (a list of strings), every segment
found in the JSON text must be found in the dump too (the trafilatura
corpus's check).

usage: nowrap_check.py PAGE.json PAGE.dump [--with SEGMENTS.json]
Prints one line per problem; exits 1 if there is any.
"""
import json
import re
import sys

MARK = re.compile(r"\[\d+\]")


def norm(s):
    return re.sub(r"\s+", " ", MARK.sub("", s)).strip()


def expected(blocks, out):
    for b in blocks:
        t = b.get("type")
        if t in ("paragraph", "heading"):
            out.extend(b.get("text", "").split("\n"))
        elif t == "quote":
            expected(b.get("blocks", []), out)
        elif t == "list":
            for item in b.get("items", []):
                out.extend(item.split("\n"))
        elif t == "figure" and b.get("caption"):
            out.extend(b["caption"].split("\n"))


def main():
    args = sys.argv[1:]
    segs = None
    if "--with" in args:
        i = args.index("--with")
        with open(args[i + 1], encoding="utf-8") as f:
            segs = json.load(f)
        del args[i:i + 2]
    jpath, dpath = args
    with open(jpath, encoding="utf-8") as f:
        doc = json.load(f)
    with open(dpath, encoding="utf-8") as f:
        dump = f.read()
    lines = dump.split("\n")
    bad = 0
    for n, ln in enumerate(lines, 1):
        if ln != ln.rstrip():
            print(f"{dpath}:{n}: trailing white space")
            bad += 1
        if re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", ln):
            print(f"{dpath}:{n}: control character")
            bad += 1
    normed = [norm(ln) for ln in lines]
    paras = []
    expected(doc.get("blocks", []), paras)
    for p in paras:
        p = norm(p)
        if p and not any(p in ln for ln in normed):
            print(f"{dpath}: paragraph not on one line: {p[:70]!r}")
            bad += 1
    if segs is not None:
        jt = re.sub(r"\s+", " ", doc.get("text", "")).strip()
        dt = re.sub(r"\s+", " ", dump).strip()
        for s in segs:
            s = re.sub(r"\s+", " ", s).strip()
            if s in jt and s not in dt:
                print(f"{dpath}: segment in --json text, not in --dump: "
                      f"{s[:70]!r}")
                bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
