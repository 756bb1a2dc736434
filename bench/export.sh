#!/bin/sh
# bench/export.sh - `make bench-export`: issue 7's figure.  Each corpus's
# own scorer on `lede --dump --no-wrap` (the export format: header, text,
# link numbers and list) next to the same scorer on `lede --json`'s text,
# and on `--dump --no-wrap --no-header --no-links` (the text alone).
# Prints figures; not a test.  Environment: LEDE, CORPUS.
set -eu
top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
LEDE=${LEDE:-src/lede}
CORPUS=${CORPUS:-$top_srcdir/../shared/corpus}
PYTHON3=${PYTHON3:-python3}
if [ ! -d "$CORPUS/extraction-dev" ]; then
	echo "bench-export: no corpus at '$CORPUS' (set CORPUS)" >&2
	exit 1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lede-bench-export.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# Pages with their URL and output name: ex (extraction-dev), tr.
"$PYTHON3" - "$CORPUS" "$tmp" <<'PY'
import gzip, json, os, sys
corpus, tmp = sys.argv[1:3]
def put(m, src, dst, url):
    with gzip.open(src, "rb") as f, open(dst, "wb") as g:
        g.write(f.read())
    m.write("%s\t%s\t%s\n" % (dst, os.path.basename(dst)[:-5], url or "x"))
os.makedirs(os.path.join(tmp, "p"))
with open(os.path.join(tmp, "ex.list"), "w") as m:
    gt = json.load(open(os.path.join(corpus, "extraction-dev/ground-truth.json")))
    for k in sorted(gt):
        src = os.path.join(corpus, "extraction-dev/html", k + ".html.gz")
        if os.path.exists(src):
            put(m, src, os.path.join(tmp, "p", k + ".html"), gt[k].get("url"))
with open(os.path.join(tmp, "tr.list"), "w") as m:
    for d in json.load(open(os.path.join(corpus, "trafilatura-dev/evaldata.json"))):
        # The scorer reads <file>.txt: keep the name, add .html.
        put(m, os.path.join(corpus, "trafilatura-dev/html", d["file"] + ".gz"),
            os.path.join(tmp, "p", d["file"] + ".html"), d.get("url"))
PY

# One page: three outputs.
run() {
	c=$1 page=$2 name=$3 url=$4
	"$LEDE" --json --url "$url" "$page" 2>/dev/null |
	    "$PYTHON3" -c 'import json,sys; print(json.load(sys.stdin).get("text",""))' \
	    >"$tmp/$c-json/$name.txt" 2>/dev/null || :
	"$LEDE" --dump --no-wrap --url "$url" "$page" \
	    >"$tmp/$c-dump/$name.txt" 2>/dev/null || :
	"$LEDE" --dump --no-wrap --no-header --no-links --url "$url" "$page" \
	    >"$tmp/$c-text/$name.txt" 2>/dev/null || :
}
for c in ex tr; do
	for v in json dump text; do
		mkdir -p "$tmp/$c-$v"
	done
	while IFS='	' read -r page name url; do
		run "$c" "$page" "$name" "$url"
	done <"$tmp/$c.list"
done

echo "== export: the corpus scorers on --dump --no-wrap and on --json text"
for v in json dump text; do
	case $v in
	json) what="--json text" ;;
	dump) what="--dump --no-wrap" ;;
	text) what="--dump --no-wrap --no-header --no-links" ;;
	esac
	ex=$("$PYTHON3" "$CORPUS/score_extraction.py" \
	    "$CORPUS/extraction-dev/ground-truth.json" "$tmp/ex-$v" | tail -n 1)
	tr=$("$PYTHON3" "$CORPUS/score_snippets.py" \
	    "$CORPUS/trafilatura-dev/evaldata.json" "$tmp/tr-$v" | tail -n 1)
	printf '%-40s extraction-dev  %s\n' "$what" "$ex"
	printf '%-40s trafilatura-dev %s\n' "$what" "$tr"
done
