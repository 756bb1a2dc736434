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
exit $fail
