#!/bin/sh
# tui_export.sh - selecting in the reader and exporting (issue 7): three
# paragraphs with quoted speech, a link and a block quote selected with the
# keyboard, saved to a file (default name from the title, in
# $LEDE_EXPORT_DIR; never overwritten without asking), piped to a command,
# copied with OSC 52 (read back from tmux's buffer); a selection made by
# dragging the mouse.
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

wait_file() {
	i=0
	while [ ! -s "$1" ]; do
		i=$((i + 1))
		[ $i -lt 100 ] || fail "no file '$1'"
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
tui_keys n Enter
tui_wait "not saved"
[ "$(cat "$FILE")" = "keep me" ] || fail "overwritten without asking"
tui_keys s Enter
tui_wait "overwrite 'harbour-lights-return-to-port-elm.txt'? (y/n)"
tui_keys y Enter
tui_wait "saved $size bytes"
cmp -s "$FILE" "$EXP" || fail "the file was not replaced"

# Pipe: the command gets the same text on its standard input.
tui_keys '|'
tui_wait "pipe to:"
tui_keys -l "tee $OUT/piped.txt"
tui_keys Enter
# The command's output stays on the screen until Enter.
tui_wait "lede: 'tee' done [press Enter]"
tui_wait "Port Elm Silver Band [1] played"
tui_keys Enter
tui_wait "piped $size bytes to 'tee'"
cmp -s "$OUT/piped.txt" "$EXP" || fail "the piped text differs"

# Clipboard: OSC 52 reaches tmux (set-clipboard on), whose buffer holds it.
tui_keys y
tui_wait "copied $size bytes to the clipboard (OSC 52"
i=0
until tmx show-buffer >"$OUT/clip.txt" 2>/dev/null && [ -s "$OUT/clip.txt" ]; do
	i=$((i + 1))
	[ $i -lt 100 ] || fail "tmux received no OSC 52"
	sleep 0.05
done
cmp -s "$OUT/clip.txt" "$EXP" || {
	diff -u "$EXP" "$OUT/clip.txt"
	fail "the OSC 52 text differs"
}

# Esc clears the selection; V selects lines.
tui_keys Escape
tui_gone "selected"
tui_keys g V j j j
tui_wait "-- LINES -- 4 lines"
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
tui_keys s
tui_wait "save to:"
tui_keys C-u
tui_keys -l "$OUT/mouse.txt"
tui_keys Enter
wait_file "$OUT/mouse.txt"
grep -q "^The twelve cast-iron lamps" "$OUT/mouse.txt" || fail "mouse export"
grep -q "^“We kept the old glass" "$OUT/mouse.txt" || fail "mouse export"
grep -q "^> The harbour" "$OUT/mouse.txt" && fail "mouse export too long"
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
grep -q "Lifeboat crew honoured" "$FILE" || fail "no related stories"
exit 0
