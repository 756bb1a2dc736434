#!/bin/sh
# bench/keys.sh - instructions the reader spends per key press, for a short
# article and a very long one (over 10,000 lines): lede runs under
# valgrind --tool=callgrind in a tmux terminal of 100x30, gets the keys one
# at a time, and only the event handler (handle_event in src/ui.c: the
# key's work plus the painting) is counted (--toggle-collect).  A key
# repaints only what changed, so the figures for the two articles should
# be about the same.  A benchmark: it prints figures, it is not a test.
#
#   bench/keys.sh                 (from the build directory, or set LEDE)
# Environment: LEDE (the binary), KEYS_N (presses per key, default 30).
set -eu
top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
LEDE=${LEDE:-./src/lede}
N=${KEYS_N:-30}
N=$(( (N + 1) / 2 * 2 ))	# pairs
TMUX_BIN=${TMUX_BIN:-$(command -v tmux || true)}
PYTHON3=${PYTHON3:-python3}
for t in valgrind callgrind_annotate "$TMUX_BIN"; do
	if ! command -v "$t" >/dev/null 2>&1; then
		echo "bench/keys.sh: needs $t" >&2
		exit 1
	fi
done
[ -x "$LEDE" ] || { echo "bench/keys.sh: no lede at '$LEDE'" >&2; exit 1; }
LEDE=$(cd "$(dirname "$LEDE")" && pwd)/$(basename "$LEDE")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lede-keys.XXXXXX")
SOCK=lede-bench-$$
trap '"$TMUX_BIN" -L "$SOCK" kill-server >/dev/null 2>&1; rm -rf "$tmp"' \
    EXIT INT TERM
mkdir -p "$tmp/home"
cp "$top_srcdir/tests/tui/article.html" "$tmp/short.html"
"$PYTHON3" "$top_srcdir/tests/gen_long.py" 2000 >"$tmp/long.html"

tmx() {
	"$TMUX_BIN" -L "$SOCK" "$@"
}

wait_for() {
	i=0
	until tmx capture-pane -p -t bench 2>/dev/null | grep -qF -- "$1"; do
		i=$((i + 1))
		if [ $i -gt 1200 ]; then
			echo "bench/keys.sh: timed out waiting for '$1'" >&2
			exit 1
		fi
		sleep 0.05
	done
}

# run FILE KEY BACK: lines of the article, and instructions per press,
# pressing KEY and BACK in turn so that both articles scroll every time.
run() {
	file=$1 key=$2 back=$3 out=$tmp/cg.out
	rm -f "$out"
	printf 'set -g status off\nset -g remain-on-exit on\n' >"$tmp/tmux.conf"
	tmx -f "$tmp/tmux.conf" new-session -d -s bench -x 100 -y 30 \
	    "env HOME='$tmp/home' XDG_CONFIG_HOME='$tmp/home/.config' \
	    XDG_CACHE_HOME='$tmp/home/.cache' TERM=xterm-256color \
	    valgrind --tool=callgrind --callgrind-out-file='$out' \
	    --toggle-collect='handle_event*' '$LEDE' --no-cache '$file' \
	    2>'$tmp/vg.log'"
	wait_for " 1/"
	lines=$(tmx capture-pane -p -t bench | tail -1 |
	    sed -n 's|.* 1/\([0-9]*\) .*|\1|p')
	k=0
	while [ $k -lt "$N" ]; do
		if [ $((k % 2)) = 0 ]; then
			tmx send-keys -t bench "$key"
		else
			tmx send-keys -t bench "$back"
		fi
		# One key at a time: each press is handled and painted.
		sleep 0.15
		k=$((k + 1))
	done
	tmx send-keys -t bench q
	i=0
	while [ "$(tmx display-message -p -t bench '#{pane_dead}')" != 1 ]; do
		i=$((i + 1))
		[ $i -lt 1200 ] || { echo "lede did not quit" >&2; exit 1; }
		sleep 0.05
	done
	tmx kill-server >/dev/null 2>&1 || true
	sleep 0.2
	ir=$(callgrind_annotate "$out" 2>/dev/null |
	    sed -n 's/^ *\([0-9,]*\) .*PROGRAM TOTALS.*/\1/p' | tr -d ,)
	# N presses plus the q that quits (handled, nothing painted).
	echo "$lines $((ir / (N + 1)))"
}

printf '%-8s %-10s %8s %14s\n' article keys lines "instr/key"
for pair in "j k" "Space b" "C-d C-u"; do
	for which in short long; do
		set -- $pair
		set -- $(run "$tmp/$which.html" "$1" "$2")
		printf '%-8s %-10s %8s %14s\n' "$which" "$(echo $pair | tr ' ' /)" \
		    "$1" "$2"
	done
done
