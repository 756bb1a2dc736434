#!/bin/sh
# golden_extract.sh - reader mode on golden pages: each tests/golden/<case>
# holds source.html and expected.json (the key fields `lede --json` must
# give: metadata, where the text starts and ends, what it must and must
# not contain, block and figure shapes, related-link groups).  A case whose
# page already lives elsewhere in the tree names it in expected.json's
# "source" (relative to the top) instead of keeping a copy.
: "${LEDE:?}" "${top_srcdir:?}"
PY=${PYTHON3:-python3}
command -v "$PY" >/dev/null 2>&1 || exit 77
fail=0
for dir in "$top_srcdir"/tests/golden/*/; do
	case=$(basename "$dir")
	url=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1])).get("url",""))' "$dir/expected.json")
	src=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1])).get("source",""))' "$dir/expected.json")
	src=${src:+$top_srcdir/$src}
	src=${src:-$dir/source.html}
	if ! out=$("$LEDE" --json --url "$url" "$src"); then
		echo "FAIL $case: lede exited non-zero"
		fail=1
		continue
	fi
	if ! printf '%s\n' "$out" | "$PY" "$top_srcdir/tests/golden_check.py" \
	    "$dir/expected.json" "$case"; then
		fail=1
	fi
done
exit $fail
