#!/bin/sh
# tui_export.sh - selecting in the reader and exporting (issue 7): three
# paragraphs with quoted speech, a link and a block quote selected with the
# keyboard, saved to a file (default name from the title, in
# $LEDE_EXPORT_DIR; never overwritten without asking), piped to a command,
# copied with OSC 52 (read back from tmux's buffer); a selection made by
# dragging the mouse.  A line selection (V) exports exactly its lines'
# text, also on the bundled sample (issue 7's "done means") and in CJK.
. "$top_srcdir/tests/tui_lib.sh"

ART="$top_srcdir/tests/tui/article.html"
OUT="$TUI_TMP/out"
mkdir -p "$OUT"
# The expected text, with the page's own file:// URL in its header.
url="file://$(cd "$top_srcdir/tests/tui" && pwd -P)/article.html"
EXP="$TUI_TMP/expected.txt"
sed "s|@URL@|$url|" "$top_srcdir/tests/tui/export-expected.txt" >"$EXP"
size=$(wc -c <"$EXP" | tr -d ' ')
TUI_ENV="LEDE_EXPORT_DIR='$OUT'"
FILE="$OUT/harbour-lights-return-to-port-elm.txt"

# s, then the file name typed over the default one; waits for the file.
save_as() {
	tui_keys s
	tui_wait "save to:"
	tui_keys C-u
	tui_keys -l "$1"
	tui_keys Enter
	wait_file "$1"
}

wait_file() {
	i=0
	while [ ! -s "$1" ]; do
		i=$((i + 1))
		[ $i -lt 200 ] || fail "no file '$1'"
		sleep 0.05
	done
}

tui_start 100 30 --theme "$top_srcdir/themes/default" "$ART"
tui_wait "Harbour lights return to Port Elm"

# Keyboard: find the first paragraph, select it and the next two.
tui_keys / T h e Space t w e l v e Enter
tui_keys v j j
tui_wait "3 paragraphs selected"
tui_expect_style "The twelve cast-iron lamps" "fg=0 bg=7"
tui_expect_style "“We kept the old glass" "fg=0 bg=7"
tui_expect_style "A long restoration" "fg=3 bg=default bold"

# Save: the prompt offers the default name; the file is the expected text.
tui_keys s
tui_wait "save to: $FILE"
tui_keys Enter
tui_wait "saved $size bytes to '$FILE'"
wait_file "$FILE"
cmp -s "$FILE" "$EXP" || {
	diff -u "$EXP" "$FILE"
	fail "the saved selection differs"
}
# Never overwrite without asking: n keeps the file, y replaces it.
printf 'keep me\n' >"$FILE"
tui_keys s Enter
tui_wait "overwrite 'harbour-lights-return-to-port-elm.txt'? (y/n)"
tui_keys n
tui_wait "not saved"
[ "$(cat "$FILE")" = "keep me" ] || fail "overwritten without asking"
tui_keys s Enter
tui_wait "overwrite 'harbour-lights-return-to-port-elm.txt'? (y/n)"
# One key answers, as the (y/n) says.
tui_keys y
tui_wait "saved $size bytes"
cmp -s "$FILE" "$EXP" || fail "the file was not replaced"

# Pipe: the command gets the same text on its standard input.
tui_keys '|'
tui_wait "pipe to:"
tui_keys -l "tee $OUT/piped.txt"
tui_keys Enter
# The command's output stays on the screen until Enter.
tui_wait "lede: 'tee' done [press Enter]"
tui_wait "Silver Band played as the"
tui_keys Enter
tui_wait "piped $size bytes to 'tee'"
cmp -s "$OUT/piped.txt" "$EXP" || fail "the piped text differs"
# The shell runs the line: quotes, pipes and redirections work.
tui_keys '|'
tui_wait "pipe to:"
tui_keys -l "tr a-z A-Z | grep -c \"HARBOUR LIGHTS\" > '$OUT/shell.txt'"
tui_keys Enter
tui_wait "lede: 'tr' done [press Enter]"
tui_keys Enter
tui_wait "piped $size bytes to 'tr'"
[ "$(cat "$OUT/shell.txt")" = 1 ] || fail "the shell line did not run whole"

# Clipboard: OSC 52 reaches tmux (set-clipboard on), whose buffer holds it.
tui_keys y
tui_wait "copied $size bytes to the clipboard (OSC 52"
i=0
until tmx show-buffer >"$OUT/clip.txt" 2>/dev/null && [ -s "$OUT/clip.txt" ]; do
	i=$((i + 1))
	[ $i -lt 200 ] || fail "tmux received no OSC 52"
	sleep 0.05
done
cmp -s "$OUT/clip.txt" "$EXP" || {
	diff -u "$EXP" "$OUT/clip.txt"
	fail "the OSC 52 text differs"
}

# Esc clears the selection; V selects lines.
tui_keys Escape
tui_gone "selected"

# A line selection exports exactly its lines' text: from the second line
# of one paragraph to the third of the next (which shows the link), not
# the whole paragraphs; rejoined, wrapped at 80, the link renumbered.
tui_keys / S a t u r d a y Space e v e n i n g Enter
tui_keys V j j j j j j
tui_wait "-- LINES -- 7 lines, 2 paragraphs selected"
save_as "$OUT/lines.txt"
sed "s|@URL@|$url|" "$top_srcdir/tests/tui/export-lines-expected.txt" \
    >"$TUI_TMP/lines-expected.txt"
cmp -s "$OUT/lines.txt" "$TUI_TMP/lines-expected.txt" || {
	diff -u "$TUI_TMP/lines-expected.txt" "$OUT/lines.txt"
	fail "the line selection's export differs"
}
grep -q "The twelve\|switch was thrown" "$OUT/lines.txt" &&
    fail "a line selection exported whole paragraphs"
tui_keys Escape
tui_gone "selected"
tui_keys g V j j j
tui_wait "-- LINES -- 4 lines of the header selected"
# Header lines export as the header, with the deck when it was selected
# (a part's citation leaves it out otherwise).
save_as "$OUT/head.txt"
grep -q "^After forty years in the dark" "$OUT/head.txt" ||
    fail "the selected deck was not exported"
grep -q "cast-iron" "$OUT/head.txt" && fail "header lines exported the body"
tui_keys Escape
# A paragraph selection of the header alone is the header, not the whole
# article as it once was.
tui_keys g v
tui_wait "-- PARAGRAPHS -- 1 line of the header selected"
save_as "$OUT/title.txt"
grep -q "^Harbour lights return to Port Elm" "$OUT/title.txt" ||
    fail "no title in the header's export"
grep -q "cast-iron\|^After forty years" "$OUT/title.txt" &&
    fail "a paragraph selection of the title exported more"
tui_keys Escape

# Mouse: press on one line and release three lines down selects them.
tui_keys g
tui_wait "Harbour lights return to Port Elm"
row=$(tui_screen | grep -n "The twelve cast-iron lamps" | cut -d: -f1)
[ -n "$row" ] || fail "paragraph not on screen"
tui_keys -l "$(printf '\033[<0;30;%dM' "$row")"
tui_keys -l "$(printf '\033[<0;30;%dm' $((row + 6)))"
tui_wait "-- LINES -- 7 lines, 2 paragraphs selected"
tui_expect_style "The twelve cast-iron lamps" "fg=0 bg=7"
save_as "$OUT/mouse.txt"
grep -q "^The twelve cast-iron lamps" "$OUT/mouse.txt" || fail "mouse export"
grep -q "^“We kept the old glass" "$OUT/mouse.txt" || fail "mouse export"
grep -q "^> The harbour" "$OUT/mouse.txt" && fail "mouse export too long"
# The drag ended on the second line of the paragraph: the text stops there.
grep -q "sea wall well$" "$OUT/mouse.txt" || fail "mouse export cut wrong"
grep -q "before sunset" "$OUT/mouse.txt" && fail "mouse export too long"
tui_alive
tui_stop

# A selection outlives a resize and a wider or narrower column: the
# same paragraphs stay selected, and s saves them, not the article.
tui_start 100 30 --theme "$top_srcdir/themes/default" "$ART"
tui_wait "Harbour lights return to Port Elm"
tui_keys / T h e Space t w e l v e Enter
tui_keys v j
tui_wait "2 paragraphs selected"
tui_resize 60 24
tui_wait "2 paragraphs selected"
tui_keys -
tui_wait "reading column:"
tui_expect_style "The twelve" "fg=0 bg=7"
tui_expect_style "the switch was thrown" "fg=0 bg=7"
save_as "$OUT/resized.txt"
grep -q "^The twelve cast-iron lamps" "$OUT/resized.txt" || fail "resize: first"
grep -q "switch was thrown" "$OUT/resized.txt" || fail "resize: second"
grep -q "harbour has been a dark place\|A long restoration" \
    "$OUT/resized.txt" && fail "resize: more than was selected"
tui_alive
tui_stop

# Nothing selected: the whole article.  export-width = 0 in the config:
# one line per paragraph.
printf 'export-width = 0\n' >"$XDG_CONFIG_HOME/lede/config"
rm -f "$FILE"
tui_start 100 30 "$ART"
tui_wait "Harbour lights return to Port Elm"
tui_keys s
tui_wait "save to: $FILE"
tui_keys Enter
tui_wait "saved"
wait_file "$FILE"
grep -q "^The twelve cast-iron lamps .* thousand pounds\.$" "$FILE" ||
    fail "export-width = 0 still wraps"
grep -q "^Marker paragraph: quiet water" "$FILE" || fail "not the whole article"
# The export format is the article's own text: its related stories stay
# in the reader (and in lede --dump --related).
grep -q "Lifeboat crew honoured" "$FILE" && fail "related stories exported"
tui_stop

# Issue 7's "done means", on the bundled sample: three paragraphs, one with
# Kim's quoted speech (shown in the inline-quote colour), selected by line
# and then by paragraph; both exports are the header and exactly those
# paragraphs, the quote kept in its marks, wrapped at 80 (the default).
rm -f "$XDG_CONFIG_HOME/lede/config"
HANI="$top_srcdir/samples/hani-nk-russia.html"
HEXP="$top_srcdir/tests/tui/export-hani-expected.txt"
tui_start 100 30 --theme "$top_srcdir/themes/default" "$HANI"
tui_wait "N. Korean nuclear threat"
tui_keys / B u t Space b e y o n d Space t h a t Enter
tui_wait "But beyond that"
tui_expect_style "We have many issues" "fg=6 bg=default"
tui_keys V j j j j j j j j j j j j j j j j
tui_wait "-- LINES -- 17 lines, 3 paragraphs selected"
tui_expect_style "“We have many issues" "fg=0 bg=7"
save_as "$OUT/hani-lines.txt"
cmp -s "$OUT/hani-lines.txt" "$HEXP" || {
	diff -u "$HEXP" "$OUT/hani-lines.txt"
	fail "the sample's line selection differs"
}
tui_keys Escape
tui_gone "selected"
tui_keys v j j
tui_wait "-- PARAGRAPHS -- 17 lines, 3 paragraphs selected"
save_as "$OUT/hani-paras.txt"
cmp -s "$OUT/hani-paras.txt" "$HEXP" || {
	diff -u "$HEXP" "$OUT/hani-paras.txt"
	fail "the sample's paragraph selection differs"
}
tui_alive
tui_stop

# CJK: lines broken between two characters rejoin without a space (Chinese,
# Japanese); Korean, broken at its spaces, keeps them.  The screen wraps
# each paragraph; export-width = 0 gives each back on one line, as written.
CJK="$top_srcdir/tests/tui/export-cjk.html"
printf 'export-width = 0\n' >"$XDG_CONFIG_HOME/lede/config"
tui_start 100 30 "$CJK"
tui_wait "港口的灯重新点亮"
tui_wait "捐支付"
tui_screen | grep -q "港口的十二盏.*奏乐" &&
    fail "the test page did not wrap"
tui_keys /
tui_keys -l "港口的十二"
tui_keys Enter
tui_keys V j j j j j j j j j
tui_wait "-- LINES -- 10 lines, 3 paragraphs selected"
save_as "$OUT/cjk.txt"
curl_url="file://$(cd "$top_srcdir/tests/tui" && pwd -P)/export-cjk.html"
sed "s|@URL@|$curl_url|" "$top_srcdir/tests/tui/export-cjk-expected.txt" \
    >"$TUI_TMP/cjk-expected.txt"
cmp -s "$OUT/cjk.txt" "$TUI_TMP/cjk-expected.txt" || {
	diff -u "$TUI_TMP/cjk-expected.txt" "$OUT/cjk.txt"
	fail "the CJK line selection differs"
}
# Search across a break between two CJK characters (no space there).
tui_keys Escape
tui_gone "selected"
tui_screen | grep -q "村民募\$" || fail "the CJK page no longer breaks there"
tui_keys /
tui_keys -l "村民募捐支付"
tui_keys Enter
tui_gone "pattern not found"
i=0
until [ "$(tui_style "捐支付")" != "$(tui_style "人们在日落")" ]; do
	i=$((i + 1))
	[ $i -lt 200 ] || fail "the match's second part is not marked"
	sleep 0.05
done
# From the second line of the Chinese paragraph: the rest of it, no space.
tui_keys Escape
tui_gone "selected"
tui_keys /
tui_keys -l "捐支付"
tui_keys Enter
tui_keys V
tui_wait "-- LINES -- 1 line,"
tui_keys j
save_as "$OUT/cjk2.txt"
sed -n 5p "$OUT/cjk2.txt" >"$TUI_TMP/got2"
printf '%s%s\n' '捐支付，募得一万一千多英镑。' \
    '人们在日落之前就沿着海堤聚集，银乐队在开关拨动时奏乐。' >"$TUI_TMP/want2"
cmp -s "$TUI_TMP/got2" "$TUI_TMP/want2" || {
	cat "$OUT/cjk2.txt"
	fail "the CJK selection from mid-paragraph differs"
}
[ "$(wc -l <"$OUT/cjk2.txt" | tr -d ' ')" = 5 ] || fail "more than was selected"
tui_alive
exit 0
