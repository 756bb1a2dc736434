# tui_lib.sh - shared by the tmux tests of the reader (tests/tui_*.sh).
# Sourced, not run.  Each test gets its own tmux server (own socket, killed
# on exit, even on failure), a temporary HOME so no user config or cache
# leaks in, TERM=xterm-256color, and the built-in theme unless it asks.
#
#   tui_start W H [lede args...]   start lede in a W x H window
#   tui_keys KEY...                tmux send-keys
#   tui_wait TEXT [SECONDS]        poll the screen until TEXT shows (10 s)
#   tui_gone TEXT [SECONDS]        poll until TEXT is gone (10 s)
#   tui_style TEXT [N]             style of TEXT ("fg=3 bg=default bold")
#   tui_expect_style TEXT STYLE    wait until TEXT has STYLE, else fail
#   tui_alive                      fail if lede has exited
#   tui_exited STATUS              wait until lede has quit with STATUS
#   tui_stop                       end lede and its tmux server
#   tui_step_to KEY TEXT           press KEY until the status shows TEXT
#   fail MESSAGE                   print the screen and exit 1

: "${TMUX_BIN:=$(command -v tmux 2>/dev/null)}"
if [ -z "$TMUX_BIN" ] || [ ! -x "$TMUX_BIN" ]; then
	echo "tmux not found: skipped"
	exit 77
fi
: "${PYTHON3:=$(command -v python3 2>/dev/null)}"
if [ -z "$PYTHON3" ]; then
	echo "python3 not found: skipped"
	exit 77
fi
: "${LEDE:?LEDE must name the lede binary}"
: "${top_srcdir:?top_srcdir must be set}"

SOCK=lede-test-$$
TUI_TMP=$(mktemp -d "${TMPDIR:-/tmp}/lede-tui.XXXXXX")
export HOME="$TUI_TMP/home" XDG_CONFIG_HOME="$TUI_TMP/home/.config" \
	XDG_CACHE_HOME="$TUI_TMP/home/.cache"
mkdir -p "$XDG_CONFIG_HOME/lede" "$XDG_CACHE_HOME"
unset NO_COLOR BROWSER LEDE_EXPORT_DIR LEDE_IMAGE_VIEWER
# A UTF-8 terminal, whatever the machine's locale (a test may set another).
unset LC_ALL LC_CTYPE LANGUAGE
LANG=C.UTF-8
export LANG
# Proxies from the environment would send 127.0.0.1 elsewhere.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
NO_PROXY='*'
export NO_PROXY

# A test may set TUI_ON_EXIT to more cleaning (a server to stop).
TUI_ON_EXIT=:
tui_cleanup() {
	"$TMUX_BIN" -L "$SOCK" kill-server >/dev/null 2>&1
	eval "$TUI_ON_EXIT"
	rm -rf "$TUI_TMP"
}
trap tui_cleanup EXIT
trap 'exit 1' INT TERM HUP

tmx() {
	"$TMUX_BIN" -L "$SOCK" "$@"
}

tui_screen() {
	tmx capture-pane -p -t lede 2>/dev/null
}

tui_screen_e() {
	tmx capture-pane -p -e -t lede 2>/dev/null
}

fail() {
	echo "FAIL: $*"
	echo "--- screen ---"
	tui_screen
	echo "--------------"
	exit 1
}

# Extra environment for lede: set TUI_ENV="VAR=value ..." before tui_start.
tui_start() {
	w=$1 h=$2
	shift 2
	cat >"$TUI_TMP/tmux.conf" <<EOC
set -g status off
set -g remain-on-exit on
set -g escape-time 10
set -g set-clipboard on
EOC
	args=
	for a in "$@"; do
		args="$args '$(printf %s "$a" | sed "s/'/'\\\\''/g")'"
	done
	# A server that is still shutting down refuses us: try again.
	n=0
	# The shell says how lede ended ("lede exited: 0") and is gone too.
	until tmx -f "$TUI_TMP/tmux.conf" new-session -d -s lede -x "$w" \
	    -y "$h" "cd '$TUI_TMP' && env TERM=xterm-256color $TUI_ENV \
	    '$LEDE' $args; echo \"lede exited: \$?\"" 2>/dev/null; do
		n=$((n + 1))
		[ $n -lt 100 ] || fail "cannot start tmux"
		sleep 0.1
	done
}

# Stop lede and its tmux server (before the next tui_start).
tui_stop() {
	tmx kill-server >/dev/null 2>&1
	n=0
	while tmx has-session >/dev/null 2>&1 && [ $n -lt 100 ]; do
		n=$((n + 1))
		sleep 0.1
	done
}

tui_keys() {
	tmx send-keys -t lede "$@"
}

tui_wait() {
	text=$1 limit=${2:-10}
	i=0
	while [ $i -lt $((limit * 20)) ]; do
		if tui_screen | grep -qF -- "$text"; then
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	fail "timed out waiting for '$text'"
}

tui_gone() {
	text=$1 limit=${2:-10}
	i=0
	while [ $i -lt $((limit * 20)) ]; do
		if ! tui_screen | grep -qF -- "$text"; then
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	fail "timed out waiting for '$text' to go"
}

tui_style() {
	tui_screen_e | "$PYTHON3" "$top_srcdir/tests/tui_cells.py" style "$@"
}

# Polls: the key that gives TEXT its style may not have been read yet.
tui_expect_style() {
	i=0
	while :; do
		if got=$(tui_style "$1"); then
			[ "$got" = "$2" ] && return 0
		else
			got="(not on the screen)"
		fi
		i=$((i + 1))
		[ $i -lt 100 ] || fail "'$1' has style '$got', expected '$2'"
		sleep 0.05
	done
}

tui_alive() {
	dead=$(tmx display-message -p -t lede '#{pane_dead}' 2>/dev/null)
	[ "$dead" = 0 ] || fail "lede exited (pane dead: '$dead')"
}

tui_exited() {
	i=0
	# The shell's line may have scrolled into the history.
	until tmx capture-pane -p -S -100 -t lede 2>/dev/null |
	    grep -q "^lede exited: $1\$"; do
		i=$((i + 1))
		[ $i -lt 200 ] || fail "lede did not exit with status $1"
		sleep 0.05
	done
}

# Press KEY (a link step: < or >) one at a time, each time waiting for
# the status line to change, until it shows TEXT.  Never overshoots onto
# a link that a later Enter would try to fetch.
tui_step_to() {
	k=$1 text=$2 n=0
	while ! tui_screen | tail -1 | grep -qF -- "$text"; do
		n=$((n + 1))
		[ $n -le 20 ] || fail "cannot reach the link '$text'"
		before=$(tui_screen | tail -1)
		tui_keys "$k"
		i=0
		while [ "$(tui_screen | tail -1)" = "$before" ]; do
			i=$((i + 1))
			[ $i -lt 200 ] || fail "'$k' changed nothing"
			sleep 0.05
		done
	done
}

tui_resize() {
	tmx resize-window -t lede -x "$1" -y "$2" || fail "cannot resize"
}
