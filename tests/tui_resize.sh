#!/bin/sh
# tui_resize.sh - every size, down to 1x1, keeps lede running and its
# screen right: the reading column follows the width, panes go side by
# side on a wide terminal, and the screen is whole again after each size.
. "$top_srcdir/tests/tui_lib.sh"

ART="$top_srcdir/tests/tui/article.html"
tui_start 100 30 --theme "$top_srcdir/themes/default" "$ART"
tui_wait "Harbour lights return to Port Elm"

# Lines never pass the right edge and the title keeps its colour.
check_size() {
	w=$1
	tui_alive
	tui_screen | awk -v w="$w" '{ if (length($0) > w) exit 1 }' ||
	    fail "a line wider than $w"
}

for size in "20 5" "1 1" "100 30" "2 1" "9 3" "20 5" "50 12" "1 1" \
    "40 2" "10 2" "100 30"; do
	set -- $size
	tui_resize "$1" "$2"
	check_size "$1"
	case $size in
	"100 30")
		tui_wait "          Harbour lights return to Port Elm"
		tui_expect_style "Harbour lights return to Port Elm" \
		    "fg=3 bg=default bold"
		;;
	"20 5")
		tui_wait "return to Port Elm"
		tui_wait "Harbour lights"
		;;
	"50 12")
		tui_wait "Harbour lights return to Port Elm"
		tui_wait "After forty years in the dark, the old lamps"
		;;
	"9 3") tui_wait "too small" ;;
	esac
done

# Resizes while keys arrive, then the middle of the article stays.
tui_keys j j j j j j j j j j
tui_resize 60 20
tui_keys j j
tui_resize 30 8
tui_resize 100 30
# The place is kept: the title has scrolled off, the body is there.
tui_wait "Ada Penrose, who chairs the trust"
tui_gone "          Harbour lights return to Port Elm"
tui_alive

# Wide: library | article | links side by side.
tui_resize 160 40
tui_wait "Library"
tui_wait "Links (7)"
tui_wait "Lifeboat crew honoured"
tui_wait "Ada Penrose, who chairs the trust"
line=$(tui_screen | grep -F "Links (7)")
case $line in
*Library*"│"*"│ Links (7)"*) ;;
*) fail "not side by side: '$line'" ;;
esac
# z zooms the focused pane, z again puts the panes back.
tui_keys z
tui_gone "Links (7)"
tui_keys z
tui_wait "Links (7)"
# Tab moves the focus (the focused pane's title is highlighted).
tui_keys Tab
tui_wait "Links (7)"
i=0
while [ "$(tui_style "Links (7)")" != "fg=6 bg=default bold" ]; do
	i=$((i + 1))
	[ $i -lt 200 ] || fail "Tab did not focus the links pane"
	sleep 0.05
done
tui_resize 1 1
tui_alive
tui_resize 160 40
tui_wait "Links (7)"
tui_alive
tui_stop

# A resize in the middle of a mouse drag ends the drag: its anchor was a
# line number of the old width, and the release once selected from there.
tui_start 100 30 --theme "$top_srcdir/themes/default" "$ART"
tui_wait "The twelve cast-iron lamps"
row=$(tui_screen | grep -n "^ *pounds\.$" | cut -d: -f1)
[ -n "$row" ] || fail "the paragraph's end is not on screen"
tui_keys -l "$(printf '\033[<0;30;%dM' "$row")"
tui_resize 60 30
tui_wait "After forty years in the dark, the old"
tui_keys -l "$(printf '\033[<0;30;%dm' 2)"
tui_keys n
tui_wait "no search yet"
case $(tui_style "After forty years") in
*"bg=7"*) fail "the drag went on after the resize" ;;
esac
tui_alive
exit 0
