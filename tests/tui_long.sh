#!/bin/sh
# tui_long.sh - a very long article (over 10,000 lines) in the reader:
# paging, the end, search far away, headings, and back to the top.
. "$top_srcdir/tests/tui_lib.sh"

"$PYTHON3" "$top_srcdir/tests/gen_long.py" 2000 >"$TUI_TMP/long.html" ||
    fail "cannot make the long article"
tui_start 100 30 --theme "$top_srcdir/themes/default" "$TUI_TMP/long.html"
tui_wait "Paragraph 1 of 2000"

# The status line gives the line count: over 10,000.
total=$(tui_screen | tail -1 | sed -n 's|.* 1/\([0-9]*\) .*|\1|p')
[ -n "$total" ] && [ "$total" -gt 10000 ] || fail "total lines '$total'"

# Page down a while: every page shows new paragraphs, never a blank screen.
for i in 1 2 3 4 5 6 7 8 9 10; do
	tui_keys Space
done
tui_wait " $((1 + 10 * 27))/$total"
tui_screen | grep -q "Paragraph [0-9]* of 2000" || fail "blank page"
tui_keys C-d C-d C-u
tui_wait " $((1 + 10 * 27 + 14))/$total"

# The end, then search backwards and forwards across thousands of lines.
tui_keys G
tui_wait "The very end of the long article."
tui_wait "100%"
tui_keys '?' P a r a g r a p h Space 1 5 0 0 Space Enter
tui_wait "Paragraph 1500 of 2000"
tui_expect_style "Paragraph 1500 of 2000" "fg=0 bg=2 bold"
tui_keys g
tui_wait "Paragraph 1 of 2000"
tui_keys n
tui_wait "search hit the top"
tui_wait "Paragraph 1500 of 2000"
tui_keys / p a r t Space 3 3 Enter
tui_wait "Part 33"
tui_keys ']'
tui_wait "Part 34"
tui_keys '[' '['
tui_wait "Part 32"
tui_keys g
tui_wait " 1/$total"
tui_alive
tui_stop

# A long session: the library keeps the last 256 places read.  The 257th
# once dropped two of them (and lost track of one string).
mkdir -p "$TUI_TMP/many"
i=0
while [ $i -lt 257 ]; do
	i=$((i + 1))
	printf '<html><head><title>Visit %03d</title></head><body><article>'\
'<h1>Visit %03d</h1><p>The %03dth place read in one session, a short '\
'page.</p></article></body></html>\n' $i $i $i >"$TUI_TMP/many/v$i.html"
done
tui_start 100 300 "$TUI_TMP/many/v1.html"
tui_wait "Visit 001"
i=1
while [ $i -lt 257 ]; do
	i=$((i + 1))
	tui_keys O
	tui_keys -l "$TUI_TMP/many/v$i.html"
	tui_keys Enter
done
tui_wait "Visit 257"
tui_keys L
tui_wait "This session"
n=$(tui_screen | grep -c "^   Visit [0-9][0-9][0-9] *$")
[ "$n" = 256 ] || fail "the library lists $n places of this session, not 256"
tui_screen | grep -q "^   Visit 001 *$" && fail "the oldest place is still listed"
tui_alive
exit 0
