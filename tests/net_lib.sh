# net_lib.sh - sourced by the network tests: start tests/httpd.py on
# 127.0.0.1 with a free port, stop it on exit.  Sets $PORT, $BASE, $LOG,
# $WORK.  Nothing here touches any other host.

: "${top_srcdir:?}" "${top_builddir:?}"
PYTHON3=${PYTHON3:-python3}
command -v "$PYTHON3" >/dev/null 2>&1 || { echo "no python3: skip"; exit 77; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/lede-net.XXXXXX") || exit 99
LOG=$WORK/requests.log
SERVER_PID=
: >"$LOG"
# Never use the user's cache, even by accident.
XDG_CACHE_HOME=$WORK/xdg; export XDG_CACHE_HOME
# Proxies from the environment would send 127.0.0.1 elsewhere.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
NO_PROXY='*'; export NO_PROXY

server_start() {
	rm -f "$WORK/port"
	"$PYTHON3" "$top_srcdir/tests/httpd.py" "$top_srcdir/tests/net" \
	    "$WORK/port" "$LOG" 2>"$WORK/httpd.err" &
	SERVER_PID=$!
	i=0
	while [ ! -s "$WORK/port" ]; do
		i=$((i + 1))
		if [ $i -gt 100 ] || ! kill -0 "$SERVER_PID" 2>/dev/null; then
			echo "httpd.py did not start:"; cat "$WORK/httpd.err"
			exit 99
		fi
		sleep 0.1
	done
	PORT=$(cat "$WORK/port")
	BASE=http://127.0.0.1:$PORT
}

server_stop() {
	if [ -n "$SERVER_PID" ]; then
		kill "$SERVER_PID" 2>/dev/null
		wait "$SERVER_PID" 2>/dev/null
		SERVER_PID=
	fi
}

cleanup() {
	server_stop
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

FAILS=0
fail() {
	echo "FAIL: $*"
	FAILS=$((FAILS + 1))
}
ok() {
	echo "ok: $*"
}
# expect_grep DESC PATTERN FILE
expect_grep() {
	if grep -q -- "$2" "$3"; then ok "$1"; else
		fail "$1: no '$2' in:"; sed 's/^/    /' "$3" | head -20
	fi
}
expect_nogrep() {
	if grep -q -- "$2" "$3"; then
		fail "$1: unexpected '$2' in:"; sed 's/^/    /' "$3" | head -20
	else ok "$1"; fi
}
# count of log lines matching a pattern
log_count() {
	grep -c -- "$1" "$LOG"
}
