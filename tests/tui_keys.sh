#!/bin/sh
# tui_keys.sh - every default key of keys.def does what the help says, in
# a real terminal (tmux).  Keys with more to check (search, links, export,
# help, resize) also have their own tests; this one covers the rest.
. "$top_srcdir/tests/tui_lib.sh"

ART="$top_srcdir/tests/tui/article.html"
"$PYTHON3" "$top_srcdir/tests/gen_long.py" 300 >"$TUI_TMP/long.html" ||
    fail "cannot make the long article"

# key KEY... EXPECT: press, then wait for EXPECT on the screen.
key() {
	eval "last=\${$#}"
	while [ $# -gt 1 ]; do
		tui_keys "$1"
		shift
	done
	tui_wait "$last"
}

tui_start 100 30 --theme "$top_srcdir/themes/default" "$TUI_TMP/long.html"
tui_wait " 1/"
page=27		# 29 rows less two lines of context
key Down " 2/"
key Up " 1/"
key C-e " 2/"
key C-y " 1/"
key NPage " $((1 + page))/"
key PPage " 1/"
key Space " $((1 + page))/"
key b " 1/"
key C-f " $((1 + page))/"
key C-b " 1/"
key C-d " 15/"
key C-u " 1/"
key End "100%"
key Home " 1/"
key G "100%"
key g " 1/"
# Paragraphs: } goes to the next block start (the top line is a block's
# first line), { back.
pos() {
	tui_screen | tail -1 | sed -n 's|.* \([0-9]*\)/[0-9]* .*|\1|p'
}
tui_keys '}'
tui_wait "Part 1"
p1=$(pos)
tui_keys '}'
tui_wait "Paragraph 1 of 300"
i=0
while [ "$(pos)" = "$p1" ]; do
	i=$((i + 1))
	[ $i -lt 200 ] || fail "} did not move"
	sleep 0.05
done
tui_screen | head -1 | grep -q "^ *Paragraph 1 of 300" ||
    fail "} did not put the paragraph at the top"
key '{' " $p1/"
key ']' "Part 2"
tui_screen | head -1 | grep -q "^ *Part 2" || fail "] did not go to Part 2"
key '[' " $p1/"
# The reading column: = widens, - narrows.
key = "reading column: 84"
key - "reading column: 80"
key - "reading column: 76"
awk_ok=$(tui_screen | head -29 | awk '{ sub(/ +$/, ""); if (length($0) > 88) print "long" }')
[ -z "$awk_ok" ] || fail "the column did not narrow"
key = "reading column: 80"
# Never wider than the pane: at its width, - narrows at once.
for i in 1 2 3 4 5 6 7 8; do tui_keys =; done
tui_wait "(the pane's width)"
w=$(tui_screen | tail -1 | sed -n 's/^reading column: \([0-9]*\).*/\1/p')
[ -n "$w" ] && [ "$w" -le 100 ] || fail "the column grew past the pane ($w)"
key - "reading column: $(((w - 1) / 4 * 4))"
for i in 1 2 3 4; do tui_keys -; done
tui_wait "reading column: 80"
# ^L repaints; the screen is the same.
before=$(tui_screen | head -29)
tui_keys C-l
tui_gone "reading column"
[ "$(tui_screen | head -29)" = "$before" ] || fail "^L changed the screen"
# ^A selects everything.
total=$(tui_screen | tail -1 | sed -n 's|.* [0-9]*/\([0-9]*\) .*|\1|p')
key C-a "-- LINES -- $total lines, 307 paragraphs selected"
key Escape "A very long article"
tui_gone "selected"
tui_stop

tui_start 100 30 --theme "$top_srcdir/themes/default" "$ART"
tui_wait "Harbour lights return to Port Elm"
# ] and [ step through the headings of the last screen too, naming each
# (the view cannot bring them up: ] once said "no next heading" with
# headings below), and ] past the last says so.
key ']' "A long restoration"
at=$(tui_screen | tail -1 | sed -n 's|.* \([0-9]*\)/[0-9]* .*|\1|p')
key ']' "heading: What comes next (the last screen)"
key ']' "heading: Links (the last screen)"
tui_keys ']' ']'
tui_wait "no next heading"
end=$(tui_screen | tail -1 | sed -n 's|.* \([0-9]*\)/[0-9]* .*|\1|p')
key '[' "heading: Links (the last screen)"
tui_keys '[' '['
tui_wait " $at/"
[ "$end" != "$at" ] || fail "] did not reach the end"
key g " 1/"
# Search finds words across the break of a wrapped line (the first
# paragraph breaks after "were lit on" at 100 columns), and marks both
# parts as the current match.
tui_screen | grep -q "lit on\$" || fail "the test page no longer breaks there"
tui_keys / l i t Space o n Space S a t u r d a y Enter
tui_expect_style "Saturday evening" "fg=0 bg=2 bold"
tui_gone "pattern not found"
# Between Latin words the break took a space: no match without it.
tui_keys / o n S a t u r d a y Enter
tui_wait "pattern not found: 'onSaturday'"
tui_keys Escape
# ^N and ^P move between links like > and <.
key C-n "[1] https://gazette.example/tags/silver-band"
key C-n "[2] https://gazette.example/2023/11/council-lighting-plan"
key C-p "[1] https://gazette.example/tags/silver-band"
# N goes back to the previous match.
key / l a m p s Enter "lamps"
# The status line counts the matches.
tui_wait "match 1 of 6"
key n "match 2 of 6"
key N "match 1 of 6"
# One match says so, and so does coming back round to it.
key / S a t u r d a y Space e v e n i n g Enter "the only match"
# The match the search went to stands apart from the others.
tui_expect_style "Saturday evening" "fg=0 bg=2 bold"
key n "continued at the top (match 1 of 1)"
# Enter follows; Left and Right go back and forward.
tui_keys Escape G
tui_wait "Read the history of the"
tui_step_to '<' "second.html"
key Enter "Second page marker"
key Left "Read the history of the"
key Right "Second page marker"
key Left "Read the history of the"
# L, # and R show the library, the links and the article (narrow screen:
# one pane at a time).
key L "Library"
tui_gone "Read the history of the"
key '#' "Links (7)"
# The status line shows the selected link's address.
key j "[2] https://gazette.example/2023/11/council-lighting-plan"
key k "[1] https://gazette.example/tags/silver-band"
# An article's key in the links pane says so (it once did nothing).
key V "key V does nothing here (F1 for help)"
key R "Read the history of the"
tui_gone "Links (7)"
# In the links pane, a number then Enter opens that link.
tui_keys '#'
tui_wait "Links (7)"
key 4 "link 4 (Enter opens)"
key Enter "Second page marker"
tui_alive
tui_stop

# A search pattern longer than lede keeps is refused, not cut short: the
# cut one matched a line the whole pattern is not on.
printf 'width = 400\n' >"$XDG_CONFIG_HOME/lede/config"
tui_start 420 20 "$top_srcdir/tests/tui/article.html"
tui_wait "We kept the old glass"
tui_keys z
tui_wait "zoomed"
line=$(tui_screen | grep "We kept the old glass" | sed 's/^ *//; s/ *$//')
[ "$(printf %s "$line" | wc -c)" -gt 255 ] || fail "the line is too short"
tui_keys G /
tui_keys -l "$(printf %s "$line" | head -c 260)NOT-IN-THE-TEXT"
tui_keys Enter
tui_wait "search pattern too long"
tui_gone "search hit the bottom"
tui_alive
tui_stop

# A link of the text that a related list also holds is listed once, under
# "In the article" with the text's words (it once took the list's).
rm -f "$XDG_CONFIG_HOME/lede/config"
P='The council met on Monday evening and voted, after a long debate that ran late, to fund the harbour lights for ten more years.'
cat >"$TUI_TMP/dup.html" <<EOP
<html><head><title>Harbour vote</title></head><body><article>
<h1>Harbour vote passes</h1><p>$P See <a href="/b.html">the first
report</a>.</p><p>$P</p><p>$P</p></article><aside><h3>Related</h3><ul>
<li><a href="/b.html">Related: lamps first lit</a></li>
<li><a href="/c.html">Storm closes the quay road</a></li></ul></aside>
</body></html>
EOP
tui_start 60 30 "$TUI_TMP/dup.html"
tui_wait "Harbour vote passes"
tui_keys '#'
tui_wait "2 Storm closes the quay road"
screen=$(tui_screen)
printf '%s\n' "$screen" | grep -q "the first report" ||
    fail "the article's link is not listed with its own text"
printf '%s\n' "$screen" | grep -q "Related: lamps first lit" &&
    fail "the article's link took the related list's text"
[ "$(printf '%s\n' "$screen" | grep -c "In the article")" = 1 ] ||
    fail "'In the article' is listed twice"
tui_alive
exit 0
