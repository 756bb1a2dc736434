#!/usr/bin/env python3
"""Score one benchmark run: the outputs bench/bench wrote for the three
corpora, with the corpus's own scorers (run unchanged, as subprocesses).

usage: score_dir.py CORPUS OUTDIR
OUTDIR holds out-ex/ (extraction-dev, <id>.txt), out-tr/ (trafilatura-dev,
<file>.txt and <file>.json) and out-rd/ (readability-dev, <name>.json).
"""
import os
import subprocess
import sys


def run(args):
    r = subprocess.run([sys.executable] + args, capture_output=True,
                       text=True, check=False)
    return (r.stdout.strip().splitlines() or ["(no output)"])[-1]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    corpus, out = sys.argv[1], sys.argv[2]
    sc = lambda name: os.path.join(corpus, name)
    if os.path.isdir(os.path.join(out, "out-ex")):
        print("extraction-dev   ", run([sc("score_extraction.py"),
              sc("extraction-dev/ground-truth.json"),
              os.path.join(out, "out-ex")]))
    if os.path.isdir(os.path.join(out, "out-tr")):
        print("trafilatura-dev  ", run([sc("score_snippets.py"),
              sc("trafilatura-dev/evaldata.json"),
              os.path.join(out, "out-tr")]))
        print("trafilatura meta ", run([sc("score_meta.py"), "trafilatura",
              sc("trafilatura-dev"), os.path.join(out, "out-tr")]))
    if os.path.isdir(os.path.join(out, "out-rd")):
        print("readability meta ", run([sc("score_meta.py"), "readability",
              sc("readability-dev"), os.path.join(out, "out-rd")]))


if __name__ == "__main__":
    main()
