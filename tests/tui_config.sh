#!/bin/sh
# tui_config.sh - the config file (options, key bindings, a bad line that
# is reported while lede still starts), themes by name and from the config,
# NO_COLOR, and the help screen listing every action of keys.def with its
# keys.
. "$top_srcdir/tests/tui_lib.sh"

ART="$top_srcdir/tests/tui/article.html"
CONF="$XDG_CONFIG_HOME/lede/config"

# A bad line: reported with its number; the other lines still apply.
cat >"$CONF" <<EOC
width = 40
bogus = 1
bind x quit
bind ^J down
EOC
tui_start 100 30 "$ART"
tui_wait "config line 2: unknown option 'bogus'"
tui_expect_style "config line 2" "fg=7 bg=1 bold"
tui_wait "Harbour lights return to"
tui_screen | head -29 | awk '{ sub(/ +$/, ""); if (length($0) > 70) exit 1 }' ||
    fail "width = 40 was not applied"
tui_keys C-j
tui_wait " 2/"
tui_keys x
tui_exited 0
tui_stop

# Every binding the config accepts works, however many keys it adds: 300
# new keys (Hangul syllables) bound to "down", then one more to quit.
"$PYTHON3" -c '
for i in range(300):
    print("bind %s down" % chr(0xac00 + i))
print("bind %s quit" % chr(0xac00 + 300))
' >"$CONF"
tui_start 100 30 "$ART"
tui_wait "Harbour lights return to"
tui_keys -l "$(printf '\352\260\200')"
tui_wait " 2/"
tui_keys -l "$("$PYTHON3" -c 'print(chr(0xac00 + 300))')"
tui_exited 0
tui_stop

# A line quoted in the status line reaches the terminal clean: no escape,
# C1 control or bidi override (U+202E would reverse the rest of the line).
# tmux drops some of these from its screen: read lede's raw output (lede
# starts a moment late so pipe-pane sees all of it).
printf 'x\033[2J\302\233y\342\200\256abc = 1\n' >"$CONF"
printf '#!/bin/sh\nsleep 1\nexec "%s" "$@"\n' "$LEDE" >"$TUI_TMP/late"
chmod +x "$TUI_TMP/late"
REAL_LEDE=$LEDE
LEDE=$TUI_TMP/late
tui_start 100 30 "$ART"
LEDE=$REAL_LEDE
tmx pipe-pane -t lede -o "cat >>'$TUI_TMP/raw'"
tui_wait "config line 1: unknown option 'x"
tui_wait "abc'"
tui_keys q
tui_exited 0
grep -q "unknown option" "$TUI_TMP/raw" || fail "no raw output"
for bad in '\342\200\256' '\302\233'; do
	! grep -q "$(printf "$bad")" "$TUI_TMP/raw" ||
	    fail "'$bad' in the status line reached the terminal"
done
tui_stop

# theme = mono from the config: no colour, attributes only.
printf 'theme = mono\n' >"$CONF"
tui_start 100 30 "$ART"
tui_wait "Harbour lights return to Port Elm"
PLAIN_BOLD="fg=default bg=default bold"
tui_expect_style "Harbour lights return to Port Elm" "$PLAIN_BOLD"
tui_expect_style "Port Elm Silver Band" "fg=default bg=default underline"
tui_stop

# --theme beats the config; #rrggbb on a 256-colour terminal is mapped to
# the nearest palette colour (#b58900 -> 136).
tui_start 100 30 --theme solarized-dark "$ART"
tui_wait "Harbour lights return to Port Elm"
case $(tui_style "Harbour lights return to Port Elm") in
"fg=136 bg="*" bold") ;;
*) fail "solarized title: $(tui_style "Harbour lights return to Port Elm")" ;;
esac
tui_stop

# On an 8-colour terminal the same theme comes down to the nearest of the
# eight colours, its background included.
TUI_ENV="TERM=xterm"
tui_start 100 30 --theme solarized-dark "$ART"
tui_wait "The twelve cast-iron"
tui_expect_style "Harbour lights return to Port Elm" "fg=3 bg=0 bold"
tui_expect_style "The twelve cast-iron" "fg=7 bg=0"
tui_stop
TUI_ENV=

# On a true-colour terminal (direct colour, from ncurses-term) the theme's
# #rrggbb colours reach the screen exactly.
if infocmp xterm-direct >/dev/null 2>&1; then
	TUI_ENV="TERM=xterm-direct"
	tui_start 100 30 --theme solarized-dark "$ART"
	tui_wait "The twelve cast-iron"
	tui_expect_style "Harbour lights return to Port Elm" \
	    "fg=#b58900 bg=#002b36 bold"
	tui_expect_style "The twelve cast-iron" "fg=#839496 bg=#002b36"
	tui_stop
	TUI_ENV=
else
	echo "no xterm-direct terminfo (ncurses-term): true colour not checked"
fi

# An unknown theme: a message, the built-in look, lede runs.
rm -f "$CONF"
tui_start 100 30 --theme no-such-theme "$ART"
tui_wait "unknown theme 'no-such-theme'"
tui_expect_style "Harbour lights return to Port Elm" "fg=3 bg=default bold"
tui_stop
# From the config, with its line, and counted with the other problems.
printf 'width = 70\nbogus = 1\ntheme = no-such-theme\n' >"$CONF"
tui_start 100 30 "$ART"
tui_wait "config line 2: unknown option 'bogus' (and 1 more)"
tui_stop
printf 'width = 70\ntheme = no-such-theme\n' >"$CONF"
tui_start 100 30 "$ART"
tui_wait "config line 2: unknown theme 'no-such-theme'"
tui_stop
rm -f "$CONF"

# NO_COLOR: no colours; search hits still show (reverse video).
TUI_ENV="NO_COLOR=1"
tui_start 100 30 "$ART"
tui_wait "Harbour lights return to Port Elm"
tui_expect_style "Harbour lights return to Port Elm" "$PLAIN_BOLD"
tui_keys / q u a y Enter
tui_wait "quay"
tui_expect_style "quay" "fg=default bg=default bold reverse"
tui_stop
TUI_ENV=

# The help lists every action with its keys; a rebound key shows.
# (A tall terminal: the whole help on one screen.)
printf 'bind K help\n' >"$CONF"
tui_start 100 70 "$ART"
tui_wait "Harbour lights"
tui_keys F1
tui_wait "lede keys"
tui_wait "quit (close the help)"
seen="$TUI_TMP/help.txt"
tui_screen >"$seen"
sed -n 's/^KEY([A-Z_]*, "\([^"]*\)".*/\1/p' "$top_srcdir/src/keys.def" \
    >"$TUI_TMP/actions"
[ "$(wc -l <"$TUI_TMP/actions")" -gt 30 ] || fail "cannot read keys.def"
while read -r a; do
	grep -qF "[$a]" "$seen" || fail "help does not list '$a'"
done <"$TUI_TMP/actions"
grep -q "^ *? F1 K  *show this help" "$seen" || fail "help: no 'K' for help"
grep -q "^ *j Down ^E  *scroll down one line" "$seen" ||
    fail "help: no keys for 'down'"
tui_keys q
tui_wait "Harbour lights return to Port Elm"
tui_gone "lede keys"
# On a short terminal the help scrolls.
tui_resize 100 20
tui_keys F1
tui_wait "lede keys"
tui_keys G
tui_wait "quit (close the help)"
tui_gone "lede keys"
tui_keys g
tui_wait "lede keys"
tui_keys Escape
tui_gone "lede keys"
tui_resize 100 70
# ? in the article searches backwards; K (rebound) opens the help.
tui_keys '?'
tui_wait "?"
tui_keys Escape K
tui_wait "lede keys"
tui_keys Escape
tui_gone "lede keys"
tui_alive
exit 0
