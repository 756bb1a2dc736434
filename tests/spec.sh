#!/bin/sh
# spec.sh - spec examples: each tests/spec/NAME.html is dumped with the
# options on its "<!-- lede-args: ... -->" line (default --width 60) and
# the base URL https://example.test/NAME.html, and must print exactly
# tests/spec/NAME.expected.
: "${LEDE:?}" "${top_srcdir:?}"
dir="$top_srcdir/tests/spec"
[ -x "$LEDE" ] || exit 77
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0
n=0
for html in "$dir"/*.html; do
	name=$(basename "$html" .html)
	exp="$dir/$name.expected"
	[ -f "$exp" ] || { echo "FAIL $name: no $name.expected"; fail=1; continue; }
	args=$(sed -n 's/.*<!-- lede-args: \(.*\) -->.*/\1/p' "$html" | head -n 1)
	[ -n "$args" ] || args="--width 60"
	# $args is ours (a fixture line), split on purpose.
	# shellcheck disable=SC2086
	if ! "$LEDE" --dump $args --url "https://example.test/$name.html" \
	    "$html" >"$tmp/out" 2>"$tmp/err"; then
		echo "FAIL $name: lede exited non-zero: $(cat "$tmp/err")"
		fail=1
		continue
	fi
	if ! cmp -s "$exp" "$tmp/out"; then
		echo "FAIL $name: output differs (- expected, + got):"
		diff -u "$exp" "$tmp/out" | sed -n '3,60p'
		fail=1
		continue
	fi
	n=$((n + 1))
done
echo "$n spec examples pass"
exit $fail
