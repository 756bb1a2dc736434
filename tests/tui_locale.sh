#!/bin/sh
# tui_locale.sh - the reader in a terminal whose locale is not UTF-8
# (LANG=C).  Text is shown as --dump gives it there: quotes and dashes
# made plain, accents dropped, a middle dot as ".", what has no ASCII as
# "?" as wide as it was, so wrapped lines keep their columns.  Never the
# UTF-8 bytes themselves, which ncurses shows as "~@" debris.
. "$top_srcdir/tests/tui_lib.sh"

TUI_ENV="LANG=C"
tui_start 100 30 "$top_srcdir/tests/tui/article.html"
tui_wait "Harbour lights return to Port Elm"
tui_wait '"We kept the old glass in a shed for forty years'
tui_wait "Mara Quill . The Coastal Gazette"
tui_wait "| The harbour has been a dark place at night"
tui_screen | grep -q '~@\|~T\|M-' && fail "UTF-8 shown as debris"
tui_screen | LC_ALL=C grep -q '[^ -~]' && fail "non-ASCII on an ASCII terminal"
# Search finds and marks text as in a UTF-8 terminal.
tui_keys / S a t u r d a y Enter
tui_expect_style "Saturday" "fg=0 bg=2 bold"
tui_keys / c a f e Enter
tui_wait "pattern not found: 'cafe'"
tui_alive
tui_stop

# CJK: each wide character is "??"; the title's 8 characters fill 16
# columns, and a wrapped paragraph's lines stay within the text column.
tui_start 60 20 "$top_srcdir/tests/tui/export-cjk.html"
tui_wait "????????????????"
tui_screen | LC_ALL=C grep -q '[^ -~]' && fail "non-ASCII on an ASCII terminal"
tui_screen | awk 'length($0) > 60 { bad = 1 } END { exit !bad }' &&
    fail "a line wider than the terminal"
n=$(tui_screen | grep -c '??????????????????????????????')
[ "$n" -ge 2 ] || fail "the CJK paragraph did not wrap as wide characters"
tui_alive
exit 0
