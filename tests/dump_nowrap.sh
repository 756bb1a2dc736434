#!/bin/sh
# dump_nowrap.sh - issue 7's text format: `lede --dump --no-wrap` gives one
# line per paragraph (tests/nowrap_check.py) for the pages kept in tests/
# and samples/, and for every page of the shared corpus when it is there;
# on trafilatura-dev, every "with" segment the --json text holds is in the
# dump too (link numbers stand after sentences, never inside them).
: "${LEDE:?}" "${top_srcdir:?}"
PY=${PYTHON3:-python3}
command -v "$PY" >/dev/null 2>&1 || exit 77
check="$top_srcdir/tests/nowrap_check.py"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0 n=0

# one PAGE URL [SEGMENTS]
one() {
	n=$((n + 1))
	"$LEDE" --json --url "$2" "$1" >"$tmp/j" 2>/dev/null || return 0
	if ! "$LEDE" --dump --no-wrap --url "$2" "$1" >"$tmp/d" 2>"$tmp/e"; then
		echo "FAIL $1: --dump failed where --json did not: $(cat "$tmp/e")"
		fail=1
		return 0
	fi
	if ! "$PY" "$check" "$tmp/j" "$tmp/d" ${3:+--with "$3"} \
	    >"$tmp/out"; then
		echo "FAIL $1:"
		sed 's/^/  /' "$tmp/out" | head -5
		fail=1
	fi
}

for p in $(find "$top_srcdir/tests/golden" "$top_srcdir/tests/spec" \
    "$top_srcdir/samples" -name '*.html' | sort); do
	one "$p" "http://example.org/page.html"
done

corpus="$top_srcdir/../shared/corpus"
if [ -d "$corpus/trafilatura-dev" ]; then
	# Unpack pages with their URL (and segments) into a list.
	"$PY" - "$corpus" "$tmp" >"$tmp/list" <<'PY'
import gzip, json, os, sys
corpus, tmp = sys.argv[1:3]
k = 0
def put(src, url, segs=None):
    global k
    k += 1
    page = os.path.join(tmp, "p%d.html" % k)
    with gzip.open(src, "rb") as f, open(page, "wb") as g:
        g.write(f.read())
    seg = ""
    if segs is not None:
        seg = os.path.join(tmp, "s%d.json" % k)
        with open(seg, "w", encoding="utf-8") as f:
            json.dump(segs, f)
    print("%s\t%s\t%s" % (page, url or "http://example.org/", seg))
gt = json.load(open(os.path.join(corpus, "extraction-dev/ground-truth.json")))
for key in sorted(gt):
    src = os.path.join(corpus, "extraction-dev/html", key + ".html.gz")
    if os.path.exists(src):
        put(src, gt[key].get("url"))
for d in json.load(open(os.path.join(corpus, "trafilatura-dev/evaldata.json"))):
    put(os.path.join(corpus, "trafilatura-dev/html", d["file"] + ".gz"),
        d.get("url"), d["with"])
rd = os.path.join(corpus, "readability-dev")
for fn in sorted(os.listdir(rd)):
    if fn.endswith(".source.html.gz"):
        put(os.path.join(rd, fn), "http://fakehost/test/page.html")
PY
	while IFS='	' read -r page url seg; do
		one "$page" "$url" "$seg"
	done <"$tmp/list"
fi
echo "dump_nowrap: $n pages checked"
exit $fail
