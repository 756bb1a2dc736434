#!/bin/sh
# tui_hostile.sh - the hostile fixtures (tests/hostile/) in the reader: their
# escape sequences must come out inert on a real terminal.  tmux would act
# on a leaked one: OSC 0/2 sets the pane title, OSC 52 fills a paste buffer
# (set-clipboard is on), CSI 2J clears the screen, OSC 8 makes a hyperlink.
. "$top_srcdir/tests/tui_lib.sh"

for page in "$top_srcdir"/tests/hostile/*.html; do
	name=$(basename "$page")
	tui_start 100 30 --theme "$top_srcdir/themes/default" "$page"
	tui_wait "Kestrelwatch"
	title=$(tmx display-message -p -t lede '#{pane_title}')
	case $title in
	*pwned*|*evil*) fail "$name: the page set the pane title: $title" ;;
	esac
	bufs=$(tmx list-buffers 2>/dev/null)
	[ -z "$bufs" ] || fail "$name: the page wrote a paste buffer: $bufs"
	# The whole article, scrolled through: no debris of a sequence.
	tui_keys G
	tui_keys g
	scr=$(tui_screen)
	case $scr in
	*'[2J'*|*']52;'*|*']0;'*|*']8;'*) fail "$name: escape debris on screen" ;;
	esac
	# Search still works on the text, so the screen is the lede screen.
	tui_keys / K e s t r e l w a t c h Enter
	tui_wait "Kestrelwatch"
	tui_alive
	title=$(tmx display-message -p -t lede '#{pane_title}')
	case $title in
	*pwned*|*evil*) fail "$name: the page set the pane title: $title" ;;
	esac
	[ -z "$(tmx list-buffers 2>/dev/null)" ] ||
	    fail "$name: the page wrote a paste buffer"
	tui_stop
	echo "ok $name"
done
