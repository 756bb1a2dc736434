#!/bin/sh
# render_widths.sh - the width property (tests/render_widths.c) over the
# pages kept in tests/ and samples/, and over the shared corpus when it is
# there (its pages are gzipped: unpacked to a temporary directory first).
# All pages go to one process, which renders each at widths 1..200.
: "${top_srcdir:?}" "${top_builddir:?}"
prog="$top_builddir/tests/render_widths"
[ -x "$prog" ] || exit 77
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
list="$tmp/list"
: >"$list"
# Pages of our own, small enough to render 200 times (the 20 MB
# pathological page has its own test).
find "$top_srcdir/tests" "$top_srcdir/samples" -name '*.html' -size -2048k \
    2>/dev/null | sort >>"$list"
corpus="$top_srcdir/../shared/corpus"
if [ -d "$corpus" ]; then
	i=0
	# Every page but readability-dev's *.expected.html.gz (its answers).
	for gz in $(find "$corpus" -name '*.html.gz' ! -name '*.expected.html.gz' |
	    sort); do
		i=$((i + 1))
		gzip -dc "$gz" >"$tmp/c$i.html" 2>/dev/null || continue
		echo "$tmp/c$i.html" >>"$list"
	done
fi
[ -s "$list" ] || exit 77
# shellcheck disable=SC2046
exec "$prog" $(cat "$list")
