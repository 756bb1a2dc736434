#!/bin/sh
# bench/run.sh - `make bench`: run lede's pipeline over the corpus and print
# the figures (a benchmark, not a test): extraction-dev F1/P/R,
# trafilatura-dev P/R/F, readability-dev and trafilatura-dev metadata
# accuracy (the corpus's own scorers), the pipeline's median ms per page
# against the bare libxml2 parse of the same pages (their UTF-8, with the
# pipeline's parse options; see bench.c), and peak memory.
# Environment: CORPUS (default $top_srcdir/../shared/corpus), BENCH_REPS
# (timing repetitions per page for every corpus, default 3), BENCH_KEEP=1
# keeps outputs.
set -eu
top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
top_builddir=${top_builddir:-.}
CORPUS=${CORPUS:-$top_srcdir/../shared/corpus}
PYTHON3=${PYTHON3:-python3}
REPS=${BENCH_REPS:-3}
BENCH=$top_builddir/bench/bench

if [ ! -d "$CORPUS/extraction-dev" ]; then
	echo "bench: no corpus at '$CORPUS' (set CORPUS)" >&2
	exit 1
fi
(cd "$top_builddir" && make bench/bench >/dev/null) || exit 1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lede-bench.XXXXXX")
if [ "${BENCH_KEEP:-0}" = 1 ]; then
	echo "outputs kept in $tmp"
else
	trap 'rm -rf "$tmp"' EXIT INT TERM
fi

# Unpack the pages and write one manifest per corpus: path, name, URL.
"$PYTHON3" - "$CORPUS" "$tmp" <<'PY'
import gzip, json, os, sys
corpus, tmp = sys.argv[1], sys.argv[2]
def unpack(src, dst):
    with gzip.open(src, "rb") as f, open(dst, "wb") as g:
        g.write(f.read())
# extraction-dev
gt = json.load(open(os.path.join(corpus, "extraction-dev/ground-truth.json")))
os.makedirs(os.path.join(tmp, "pages/ex"))
with open(os.path.join(tmp, "ex.list"), "w") as m:
    for k in sorted(gt):
        src = os.path.join(corpus, "extraction-dev/html", k + ".html.gz")
        if not os.path.exists(src):
            continue
        dst = os.path.join(tmp, "pages/ex", k + ".html")
        unpack(src, dst)
        m.write("%s\t%s\t%s\n" % (dst, k, gt[k].get("url") or ""))
# trafilatura-dev
ev = json.load(open(os.path.join(corpus, "trafilatura-dev/evaldata.json")))
os.makedirs(os.path.join(tmp, "pages/tr"))
with open(os.path.join(tmp, "tr.list"), "w") as m:
    for d in ev:
        src = os.path.join(corpus, "trafilatura-dev/html", d["file"] + ".gz")
        if not os.path.exists(src):
            continue
        dst = os.path.join(tmp, "pages/tr", d["file"])
        unpack(src, dst)
        m.write("%s\t%s\t%s\n" % (dst, d["file"], d.get("url") or ""))
# readability-dev
rd = os.path.join(corpus, "readability-dev")
os.makedirs(os.path.join(tmp, "pages/rd"))
with open(os.path.join(tmp, "rd.list"), "w") as m:
    for fn in sorted(os.listdir(rd)):
        if not fn.endswith(".json") or fn == "index.json":
            continue
        d = json.load(open(os.path.join(rd, fn)))
        dst = os.path.join(tmp, "pages/rd", d["name"] + ".html")
        unpack(os.path.join(rd, d["name"] + ".source.html.gz"), dst)
        m.write("%s\t%s\t%s\n" % (dst, d["name"], d.get("base_url") or ""))
PY

for c in ex tr rd; do
	mkdir -p "$tmp/out-$c"
done
# Timing: each page REPS times, the best of each kept; medians printed.
echo "== timing (read, decode, parse, extract, render at 80 columns)"
printf 'extraction-dev:  '
"$BENCH" "$tmp/ex.list" "$tmp/out-ex" "$REPS"
printf 'trafilatura-dev: '
"$BENCH" "$tmp/tr.list" "$tmp/out-tr" "$REPS"
printf 'readability-dev: '
"$BENCH" "$tmp/rd.list" "$tmp/out-rd" "$REPS"
echo "== accuracy (corpus scorers)"
"$PYTHON3" "$top_srcdir/bench/score_dir.py" "$CORPUS" "$tmp"
