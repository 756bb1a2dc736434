#!/bin/sh
# tui_sample.sh - the reader in a real terminal (tmux): the article's parts
# in their theme colours, scrolling, headings, links, search, following a
# link and coming back, $BROWSER and the image viewer, the links pane, and
# the bundled sample.
. "$top_srcdir/tests/tui_lib.sh"

ART="$top_srcdir/tests/tui/article.html"
THEME="$top_srcdir/themes/default"
cat >"$TUI_TMP/opener" <<'EOS'
#!/bin/sh
printf '%s\n' "$@" >"$OPENED.tmp" && mv "$OPENED.tmp" "$OPENED"
EOS
chmod +x "$TUI_TMP/opener"
TUI_ENV="BROWSER='$TUI_TMP/opener --new-tab'"
TUI_ENV="$TUI_ENV LEDE_IMAGE_VIEWER='$TUI_TMP/opener'"
TUI_ENV="$TUI_ENV OPENED='$TUI_TMP/opened'"

tui_start 100 30 --theme "$THEME" "$ART"
tui_wait "Harbour lights return to Port Elm"

# The header block and the body in their roles' colours (themes/default).
tui_expect_style "Harbour lights return to Port Elm" "fg=3 bg=default bold"
tui_expect_style "After forty years in the dark" "fg=6 bg=default italic"
tui_expect_style "Mara Quill" "fg=2 bg=default"
tui_expect_style "Published: 2024-03-02" "fg=5 bg=default"
tui_expect_style "[image]" "fg=5 bg=default bold"
tui_expect_style "The restored lamps along" "fg=7 bg=default italic"
tui_expect_style "Photo: Ian Vell" "fg=7 bg=default dim"
tui_expect_style "The twelve cast-iron lamps" "fg=default bg=default"
# Quoted speech inside a paragraph, a link and its number.
tui_expect_style "“We kept the old glass" "fg=6 bg=default"
tui_expect_style "Port Elm Silver Band" "fg=4 bg=default underline"
tui_expect_style "[1]" "fg=4 bg=default"
# The status line: title and progress.
tui_wait "1/"
tui_expect_style "%" "fg=0 bg=7"

# A block quote: its bar and its text.
tui_keys j j j j j j
tui_wait "The harbour has been a dark place"
tui_expect_style "The harbour has been a dark place" "fg=6 bg=default"
tui_screen | grep -q "^ *│ The harbour has been" || fail "no quote bar"
tui_expect_style "│ The harbour has been" "fg=6 bg=default bold"

# Top and bottom, with progress.
tui_keys G
tui_wait "100%"
tui_wait "Silver band marks its centenary"
tui_keys g
tui_wait "Harbour lights return to Port Elm"
tui_keys j
tui_wait " 2/"
tui_keys k
tui_wait " 1/"
# The mouse wheel scrolls three lines.
tui_keys -l "$(printf '\033[<65;30;10M')"
tui_wait " 4/"
tui_keys -l "$(printf '\033[<64;30;10M')"
tui_wait " 1/"

# Next heading puts it at the top of the pane.
tui_keys ']'
i=0
while [ "$(tui_screen | head -1 | sed 's/^ *//')" != "A long restoration" ]; do
	i=$((i + 1))
	[ $i -lt 200 ] || fail "] did not bring the heading to the top"
	sleep 0.05
done
tui_keys ']'
tui_wait "What comes next"
tui_keys '['
tui_wait "A long restoration"
# Next paragraph.
tui_keys g '}' '}'
i=0
while ! tui_screen | head -1 | grep -q "2 March 2024\|\[image\]\|The twelve"; do
	i=$((i + 1))
	[ $i -lt 200 ] || fail "} did not move by paragraphs"
	sleep 0.05
done

# Search: matches highlighted (the current one apart), case-smart, n moves on.
tui_keys g / l a m p s Enter
tui_wait "lamps"
tui_expect_style "lamps" "fg=0 bg=2 bold"
tui_keys / L A M P S Enter
tui_wait "pattern not found: 'LAMPS'"
tui_expect_style "pattern not found" "fg=7 bg=1 bold"
tui_keys / L a m p s Enter
tui_wait "Lamps along the quay"
tui_expect_style "Lamps along the quay" "fg=0 bg=2 bold"
tui_keys Escape
i=0
while [ "$(tui_style "Lamps along the quay")" = "fg=0 bg=2 bold" ]; do
	i=$((i + 1))
	[ $i -lt 200 ] || fail "Esc did not clear the search"
	sleep 0.05
done

# Link selection: > selects the first link, its URL shows below.
tui_keys g '>'
tui_wait "[1] https://gazette.example/tags/silver-band"
tui_expect_style "Port Elm Silver Band" "fg=0 bg=6"
tui_keys '>'
tui_wait "[2] https://gazette.example/2023/11/council-lighting-plan"
tui_expect_style "lighting plan" "fg=0 bg=6"
tui_keys '<'
tui_wait "[1] https://gazette.example/tags/silver-band"
tui_expect_style "Port Elm Silver Band" "fg=0 bg=6"
tui_expect_style "lighting plan" "fg=4 bg=default underline"

# o opens the selected link with $BROWSER (its words, then the URL).
tui_keys o
i=0
while [ ! -f "$TUI_TMP/opened" ]; do
	i=$((i + 1))
	[ $i -lt 200 ] || fail "\$BROWSER was not run"
	sleep 0.05
done
[ "$(cat "$TUI_TMP/opened")" = "--new-tab
https://gazette.example/tags/silver-band" ] ||
    fail "\$BROWSER got: $(cat "$TUI_TMP/opened")"
rm -f "$TUI_TMP/opened"

# i opens the image of the figure on screen.
tui_keys g i
i=0
while [ ! -f "$TUI_TMP/opened" ]; do
	i=$((i + 1))
	[ $i -lt 200 ] || fail "the image viewer was not run"
	sleep 0.05
done
grep -q '/img/quay-lamps.jpg$' "$TUI_TMP/opened" ||
    fail "viewer got: $(cat "$TUI_TMP/opened")"

# Enter follows a link into lede; h comes back to the same place.
tui_keys G
tui_wait "Read the history of the"
tui_step_to '<' "second.html"
tui_screen | tail -1 | grep -qF "second.html" || fail "cannot select the link"
before=$(tui_screen | head -3)
tui_keys Enter
tui_wait "Second page marker"
tui_wait "A short history of the north quay"
tui_keys h
tui_wait "Read the history of the"
[ "$(tui_screen | head -3)" = "$before" ] ||
    fail "back did not restore the place"
tui_keys l
tui_wait "Second page marker"
tui_keys BSpace
tui_wait "Read the history of the"

# The links pane lists the links and related stories; Tab goes there.
tui_keys Tab
tui_wait "Links ("
tui_wait "Related stories"
tui_wait "Lifeboat crew honoured for winter rescue"
tui_keys Tab
tui_wait "Library"
tui_keys BTab
tui_wait "Links ("

tui_keys q
tui_exited 0
tui_stop

# With no source, lede opens the library; Enter on a sample reads it, and
# its headline is in the title colour.
tui_start 100 30 --theme "$THEME"
tui_wait "Library"
tui_wait "Samples"
tui_wait "hani-nk-russia.html"
tui_keys g
i=0
while [ "$(tui_style "hani-nk-russia.html")" != "fg=0 bg=6" ]; do
	i=$((i + 1))
	[ $i -lt 40 ] || fail "cannot select the sample in the library"
	tui_keys j
	sleep 0.1
done
tui_keys Enter
tui_wait "North Korea"
tui_expect_style "N. Korean nuclear threat" "fg=3 bg=default bold"
# Its photo's caption, quoted speech and related stories.
tui_wait "[image]"
tui_expect_style "North Korean leader Kim Jong-un sits down" \
    "fg=7 bg=default italic"
tui_keys / W e Space h a v e Space m a n y Enter
tui_wait "We have many issues"
tui_expect_style "We have many" "fg=0 bg=2 bold"
tui_keys Escape
i=0
while [ "$(tui_style "“We have many issues")" != "fg=6 bg=default" ]; do
	i=$((i + 1))
	[ $i -lt 200 ] ||
	    fail "quoted speech: $(tui_style "“We have many issues")"
	sleep 0.05
done
tui_keys '#'
tui_wait "Most viewed articles"
tui_wait "S. Korea’s top court halts deportation"
tui_keys R
tui_wait "“We have many issues"
# O opens a file typed at the prompt; back returns to the sample.
tui_keys O
tui_wait "open:"
tui_keys -l "$ART"
tui_keys Enter
tui_wait "Harbour lights return to Port Elm"
tui_keys h
tui_wait "N. Korean nuclear threat"
tui_alive
exit 0
