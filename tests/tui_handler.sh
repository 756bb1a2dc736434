#!/bin/sh
# tui_handler.sh - links lede cannot read (mailto, a PDF, an image) go to
# the user's handler ($BROWSER) as an argv, and lede keeps running; no
# fetch is tried (the URLs point at a closed port).
. "$top_srcdir/tests/tui_lib.sh"

cat >"$TUI_TMP/opener" <<'EOS'
#!/bin/sh
printf '%s\n' "$@" >"$OPENED.tmp" && mv "$OPENED.tmp" "$OPENED"
EOS
chmod +x "$TUI_TMP/opener"
TUI_ENV="BROWSER='$TUI_TMP/opener' OPENED='$TUI_TMP/opened'"

opened() { # expected argv, one per line
	i=0
	while [ ! -f "$TUI_TMP/opened" ]; do
		i=$((i + 1))
		[ $i -lt 200 ] || fail "the handler was not run for $1"
		sleep 0.05
	done
	[ "$(cat "$TUI_TMP/opened")" = "$1" ] ||
	    fail "handler got: $(cat "$TUI_TMP/opened") (wanted $1)"
	rm -f "$TUI_TMP/opened"
}

tui_start 100 30 "$top_srcdir/tests/tui/handler.html"
tui_wait "Links that are not articles"
# The scheme is written in capitals: schemes are case-insensitive.
tui_step_to '>' "MAILTO:desk@gazette.example"
tui_keys Enter
opened "MAILTO:desk@gazette.example"
tui_wait "outside lede"
tui_step_to '>' "harbour-2024.pdf"
tui_keys Enter
opened "http://127.0.0.1:9/reports/harbour-2024.pdf"
tui_step_to '>' "quay.JPG"
tui_keys Enter
opened "http://127.0.0.1:9/img/quay.JPG?w=640"
tui_alive
tui_wait "Links that are not articles"
tui_stop
echo "ok: mailto, PDF and image links went to the handler"
