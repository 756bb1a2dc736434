#!/bin/sh
# tui_net.sh - the reader with pages from a local HTTP server (tests/
# httpd.py on 127.0.0.1; nothing else is contacted): a URL opens, a slow
# page loads in the background while the reader stays usable and Esc
# cancels it (also the URL lede was started with), an HTTP error is one
# line in the status line, and a fetched page is in the library's history
# afterwards.
. "$top_srcdir/tests/tui_lib.sh"

"$PYTHON3" "$top_srcdir/tests/httpd.py" "$top_srcdir/tests/net" \
    "$TUI_TMP/port" "$TUI_TMP/requests.log" 2>"$TUI_TMP/httpd.err" &
SERVER=$!
TUI_ON_EXIT='kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null'
i=0
while [ ! -s "$TUI_TMP/port" ]; do
	i=$((i + 1))
	[ $i -lt 100 ] && kill -0 "$SERVER" 2>/dev/null ||
	    fail "httpd.py did not start: $(cat "$TUI_TMP/httpd.err")"
	sleep 0.1
done
BASE=http://127.0.0.1:$(cat "$TUI_TMP/port")

tui_start 100 30 --theme "$top_srcdir/themes/default" "$BASE/page/article.html"
tui_wait "Zeppelin returns to the harbour"
tui_expect_style "Zeppelin returns to the harbour" "fg=3 bg=default bold"

# A slow page: the progress shows, the reader still scrolls, Esc cancels.
tui_keys O
tui_wait "open:"
tui_keys -l "$BASE/slow"
tui_keys Enter
tui_wait "fetching '$BASE/slow'"
tui_keys Tab
tui_wait "Links ("
tui_keys R
tui_wait "Zeppelin returns to the harbour"
tui_wait "fetching '$BASE/slow'"
tui_keys Escape
tui_wait "cancelled '$BASE/slow'"
tui_wait "Zeppelin returns to the harbour"

# An error while a page loads stays on the status line: the progress,
# redrawn ten times a second, once wiped it at once.
tui_keys O
tui_wait "open:"
tui_keys -l "$BASE/slow"
tui_keys Enter
tui_wait "fetching '$BASE/slow'"
tui_keys / z q x j Enter
tui_wait "pattern not found: 'zqxj'"
sleep 1
tui_screen | tail -1 | grep -q "pattern not found: 'zqxj'" ||
    fail "the progress wiped the error"
tui_keys Escape
tui_wait "cancelled '$BASE/slow'"

# An HTTP error: one line, the article stays.
tui_keys O
tui_wait "open:"
tui_keys -l "$BASE/status/404"
tui_keys Enter
tui_wait "cannot fetch '$BASE/status/404': HTTP 404"
tui_expect_style "cannot fetch" "fg=7 bg=1 bold"
tui_wait "Zeppelin returns to the harbour"

# Another page, then back: the first one again.
tui_keys O
tui_wait "open:"
tui_keys -l "$BASE/page/second.html"
tui_keys Enter
tui_wait "Lighthouse keepers recall the storm"
tui_keys h
tui_wait "Zeppelin returns to the harbour"
tui_alive
tui_stop

# The library lists what was read, from the cache's history.
tui_start 100 30 --theme "$top_srcdir/themes/default"
tui_wait "History"
tui_wait "Lighthouse keepers recall the storm"
tui_wait "Zeppelin returns to the harbour"
tui_alive
tui_stop

# A slow URL given to lede loads with the screen up: its progress shows,
# Esc cancels it, and the reader stays (it once waited with a blank
# screen, echoing keys, with no way to cancel).
tui_start 100 30 --theme "$top_srcdir/themes/default" "$BASE/slow"
tui_wait "fetching '$BASE/slow'"
tui_wait "No article open"
tui_keys Escape
tui_wait "cancelled '$BASE/slow'"
tui_alive
tui_keys q
tui_exited 0

# A theme that does not load is said once the URL's page is up (the page
# loading in the background once wiped the message at once).
tui_stop
tui_start 100 30 --theme nosuch "$BASE/page/article.html"
tui_wait "Zeppelin returns to the harbour"
tui_wait "unknown theme 'nosuch'"
tui_alive
tui_keys q
tui_exited 0
exit 0
