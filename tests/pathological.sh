#!/bin/sh
# Pathological inputs: each gives output or a clear one-line error (exit 1),
# never a crash or a hang, and no control character reaches the output.
set -u
: "${LEDE:?}" "${top_srcdir:?}" "${PYTHON3:=python3}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT INT TERM
"$PYTHON3" "$top_srcdir/tests/gen_pathological.py" "$dir" || exit 99

fail=0
check() { # mode file
	mode=$1 f=$2
	timeout 60 "$LEDE" "$mode" "$dir/$f" >"$dir/out" 2>"$dir/err"
	rc=$?
	case $rc in
	0) ;;
	1)	if [ "$(wc -l <"$dir/err")" -ne 1 ] ||
		    ! grep -q '^lede: ' "$dir/err"; then
			echo "FAIL $mode $f: exit 1 without a one-line message:"
			head -c 300 "$dir/err"
			fail=1
		fi ;;
	124) echo "FAIL $mode $f: timed out"; fail=1 ;;
	*) echo "FAIL $mode $f: exit $rc"; head -c 300 "$dir/err"; fail=1 ;;
	esac
	# No C0 (but tab, newline), DEL, C1, ESC or bidi override in output.
	if "$PYTHON3" - "$dir/out" <<'PY'
import re, sys
t = open(sys.argv[1], 'rb').read().decode('utf-8', 'replace')
bad = re.search('[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]', t)
sys.exit(0 if bad else 1)
PY
	then
		echo "FAIL $mode $f: control character in output"
		fail=1
	fi
	echo "ok $mode $f (exit $rc)"
}

for f in $(ls "$dir" | grep -v '^out$\|^err$'); do
	check --dump "$f"
	check --json "$f"
done
check --dump missing-file
# Empty input must be an error, not an empty article.
"$LEDE" --dump "$dir/empty.html" >/dev/null 2>&1
[ $? -eq 1 ] || { echo "FAIL empty input is not an error"; fail=1; }

# expect RC PATTERN ARGS...: the exit status and a line of stderr.
expect() {
	want=$1 pat=$2
	shift 2
	timeout 60 "$LEDE" "$@" >"$dir/out" 2>"$dir/err"
	rc=$?
	if [ $rc -ne "$want" ] ||
	    { [ -n "$pat" ] && ! grep -q -- "$pat" "$dir/err"; }; then
		echo "FAIL $*: exit $rc (want $want), stderr: $(head -c 300 \
		    "$dir/err")"
		fail=1
	else
		echo "ok $* (exit $rc): $(head -n 1 "$dir/err")"
	fi
}
# Binary data is refused (naming the file), not shown as mojibake.
printf '\037\213\010\000\000\000\000\000\000\003<p>gz</p>' >"$dir/page.html.gz"
expect 1 "^lede: cannot read '$dir/page.html.gz': binary data, not HTML\$" \
    --dump "$dir/page.html.gz"
expect 1 "binary data, not HTML" --json "$dir/binary.bin"
# Every failure to read a page names it.
expect 1 "^lede: cannot read '$dir/blank.html': " --dump "$dir/blank.html"
expect 1 "^lede: cannot read standard input: " --dump - <"$dir/blank.html"
# An unknown --encoding is a usage error, before anything is read.
expect 2 "unknown encoding 'klingon'" --dump --encoding klingon \
    "$dir/not-html.txt"
# Past the document's limit of blocks the page is cut, and says so.
"$PYTHON3" -c "print('<html><body><article>' + ''.join('<p>Paragraph %d has a few words.</p>' % i for i in range(200010)) + '</article></body></html>')" >"$dir/many-paragraphs.html"
expect 0 "^lede: warning: the page was cut after 200000 paragraphs\$" \
    --dump --no-wrap "$dir/many-paragraphs.html"
grep -q "^Paragraph 199999 has" "$dir/out" || {
	echo "FAIL many-paragraphs: the first 200000 are not all there"
	fail=1
}
# A range past the last block is an error, not just the header.
printf '<html><body><article><p>%s</p><p>%s</p></article></body></html>' \
    "The first paragraph of the article with words enough to be body text." \
    "The second paragraph of the article with words enough to be kept." \
    >"$dir/two.html"
expect 1 "range 5-9 is past the last paragraph (2)" --dump --range 5-9 \
    "$dir/two.html"
expect 0 "" --dump --range 2 "$dir/two.html"
grep -q "second paragraph" "$dir/out" ||
    { echo "FAIL --range 2: $(cat "$dir/out")"; fail=1; }
# The cache commands take no source.
expect 2 "takes no source" --cache-dir "$dir/c" --cache-list extra
# A full output device is an error with its reason, for every output.
if [ -w /dev/full ]; then
	for args in "--help" "--version" "--json $dir/two.html" \
	    "--dump $dir/two.html"; do
		# shellcheck disable=SC2086
		"$LEDE" $args >/dev/full 2>"$dir/err"
		rc=$?
		if [ $rc -ne 1 ] || ! grep -q "^lede: cannot write output: " \
		    "$dir/err"; then
			echo "FAIL $args >/dev/full: exit $rc, $(cat "$dir/err")"
			fail=1
		else
			echo "ok $args >/dev/full: $(cat "$dir/err")"
		fi
	done
fi
exit $fail
