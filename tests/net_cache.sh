#!/bin/sh
# net_cache.sh - lede itself against tests/httpd.py on 127.0.0.1: pages
# fetched and read, the charset from the Content-Type header, links
# resolved against the final URL, errors as one line, ETag revalidation,
# history, --cache-list, --search, --cache-prune, --no-cache, SIGKILL in
# the middle of a fetch, a corrupt database moved aside, and reading again
# with --offline after the server is gone.

. "$top_srcdir/tests/net_lib.sh"
[ -x "$LEDE" ] || { echo "no lede binary"; exit 99; }
server_start
C=$WORK/cache
OUT=$WORK/out
ERR=$WORK/err

lede() {
	"$LEDE" --cache-dir "$C" "$@" >"$OUT" 2>"$ERR"
	RC=$?
}

A=$BASE/page/article.html
lede --dump "$A"
[ $RC -eq 0 ] || fail "dump exit status $RC: $(cat "$ERR")"
expect_grep "article read over http" "old zeppelin that once carried" "$OUT"
[ -s "$ERR" ] && fail "dump printed on stderr: $(cat "$ERR")"

# Second open: revalidated with If-None-Match, the 304 used.
lede --dump "$A"
expect_grep "article from the cache" "old zeppelin that once carried" "$OUT"
[ "$(log_count "GET /page/article.html inm=\"")" -eq 1 ] &&
    ok "second open sends If-None-Match" ||
    fail "second open sends If-None-Match: $(cat "$LOG")"

# --json records too; redirects: links resolve against the final URL.
lede --json "$BASE/redirect/2"
expect_grep "json over http" '"title"' "$OUT"
expect_grep "relative link against the final URL" \
    "\"$BASE/page/second.html\"" "$OUT"

# The charset comes from the Content-Type header alone.
lede --dump "$BASE/euckr"
expect_grep "EUC-KR from the header" "평양에서 열린 회담에서" "$OUT"

# gzip through the whole pipeline.
lede --dump "$BASE/gzip/second.html"
expect_grep "gzip page read" "lighthouse keepers told the story" "$OUT"

# Errors are one line.
for route in status/404 status/500 loop image; do
	lede --dump "$BASE/$route"
	if [ $RC -ne 1 ] || [ "$(wc -l <"$ERR")" -ne 1 ]; then
		fail "$route: status $RC, stderr: $(cat "$ERR")"
	else
		ok "$route: $(cat "$ERR")"
	fi
done
expect_grep "not HTML message" "not HTML (image/png)" "$ERR"

# A stale copy whose revalidation gets a 5xx is shown, with a warning.
lede --dump "$BASE/flaky/article.html"
expect_grep "flaky page read" "old zeppelin" "$OUT"
lede --dump "$BASE/flaky/article.html"
[ $RC -eq 0 ] && ok "5xx on revalidation: exit 0" ||
    fail "5xx on revalidation: exit status $RC: $(cat "$ERR")"
expect_grep "5xx on revalidation: the cached copy" "old zeppelin" "$OUT"
expect_grep "5xx on revalidation: a warning" \
    "HTTP 503.*showing the copy cached" "$ERR"
[ "$(log_count "GET /flaky/article.html")" -eq 2 ] ||
    fail "flaky page: not revalidated: $(cat "$LOG")"

# History and the library commands.
lede --cache-list
expect_grep "cache-list title and site" \
    "Zeppelin returns to the harbour — Local Test Gazette  $A" "$OUT"
expect_grep "cache-list Korean page" "$BASE/euckr" "$OUT"
expect_nogrep "cache-list has no error pages" "status/404" "$OUT"
lede --search "zeppelin harbour"
expect_grep "search finds the article" "Zeppelin returns.*$A" "$OUT"
lede --search "평양"
expect_grep "search in Korean" "$BASE/euckr" "$OUT"
lede --search "nosuchwordanywhere"
[ $RC -eq 1 ] && ok "no match exits 1" || fail "no match exit status $RC"
expect_grep "no match message" "no cached article matches" "$ERR"

# --no-cache and local files leave the cache alone.
"$LEDE" --cache-dir "$WORK/nocache" --no-cache --dump "$A" >/dev/null 2>&1
[ ! -e "$WORK/nocache/cache.db" ] && ok "--no-cache writes nothing" ||
    fail "--no-cache created a cache"
[ "$(tail -n 1 "$LOG" | grep -c 'inm=-')" -eq 1 ] ||
    fail "--no-cache sent a validator"
"$LEDE" --cache-dir "$WORK/files" --dump "$top_srcdir/tests/net/second.html" \
    >/dev/null 2>&1
[ ! -e "$WORK/files/cache.db" ] && ok "a local file is not cached" ||
    fail "a local file touched the cache"

# A cache that cannot open: the page is read, the error said once.
: >"$WORK/notadir"
"$LEDE" --cache-dir "$WORK/notadir/c" --dump "$A" >"$OUT" 2>"$ERR"
RC=$?
[ $RC -eq 0 ] && [ "$(wc -l <"$ERR")" -eq 1 ] &&
    ok "unusable cache: one warning: $(cat "$ERR")" ||
    fail "unusable cache: status $RC, stderr: $(cat "$ERR")"
expect_grep "unusable cache: page still read" "old zeppelin" "$OUT"

# SIGKILL in the middle of a fetch: the cache opens, every page is there.
lede --cache-list
BEFORE=$(wc -l <"$OUT")
"$LEDE" --cache-dir "$C" --dump "$BASE/slow" >/dev/null 2>&1 &
PID=$!
i=0
until grep -q "GET /slow" "$LOG" || [ $i -gt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
sleep 0.3
kill -9 $PID 2>/dev/null
wait $PID 2>/dev/null
lede --cache-list
[ $RC -eq 0 ] && [ ! -s "$ERR" ] && [ "$(wc -l <"$OUT")" -eq "$BEFORE" ] &&
    ok "cache intact after SIGKILL ($BEFORE pages)" ||
    fail "after SIGKILL: status $RC, $(wc -l <"$OUT") of $BEFORE pages," \
    "$(cat "$ERR")"

# The server goes away: --offline shows the pages again.
server_stop
lede --offline --dump "$A"
expect_grep "offline reopening" "old zeppelin that once carried" "$OUT"
lede --offline --dump "$BASE/euckr"
expect_grep "offline Korean page" "평양에서 열린 회담에서" "$OUT"
lede --offline --dump "$BASE/page/second.html"
[ $RC -eq 1 ] && expect_grep "offline miss" "not in the cache (offline)" \
    "$ERR" || fail "offline miss exit status $RC"
lede --dump "$A"
expect_grep "server gone: the cached copy" "old zeppelin" "$OUT"
expect_grep "server gone: a warning" "showing the copy cached" "$ERR"

# A cache that cannot be written (a full disk, a read-only file system;
# here its lock cannot be taken) is still read, and says so, once.
mv "$C/cache.lock" "$WORK/cache.lock.saved"
mkdir "$C/cache.lock"
lede --offline --dump "$A"
expect_grep "unwritable cache: the page" "old zeppelin" "$OUT"
expect_grep "unwritable cache: says so" \
    "reading the cache only, nothing is stored" "$ERR"
[ "$(wc -l <"$ERR")" -eq 1 ] && ok "unwritable cache: one line" ||
    fail "unwritable cache: $(cat "$ERR")"
lede --cache-list
[ $RC -eq 0 ] && [ "$(wc -l <"$OUT")" -eq "$BEFORE" ] &&
    ok "unwritable cache: listed" ||
    fail "unwritable cache list: status $RC, $(cat "$ERR")"
lede --cache-prune 0B
[ $RC -eq 1 ] && expect_grep "unwritable cache: prune refused" \
    "cannot prune: " "$ERR" || fail "unwritable prune: status $RC"
rmdir "$C/cache.lock"
mv "$WORK/cache.lock.saved" "$C/cache.lock"

# Pruning by age and size.
lede --cache-prune 1d
expect_grep "prune by age keeps new pages" "^removed 0 pages" "$OUT"
lede --cache-prune 1x
[ $RC -eq 2 ] && ok "bad prune limit is a usage error" ||
    fail "bad prune limit exit status $RC"
# An overflowing size (2^34 G wrapped to 0), a number with no unit and an
# ambiguous "m" are refused, and remove nothing.
for spec in 17179869184G 0 5m; do
	lede --cache-prune "$spec"
	[ $RC -eq 2 ] && ok "prune limit $spec is a usage error" ||
	    fail "prune limit $spec: exit status $RC: $(cat "$OUT")"
done
expect_grep "ambiguous m asks" "5min for minutes or 5M for megabytes" "$ERR"
lede --cache-list
[ "$(wc -l <"$OUT")" -eq "$BEFORE" ] && ok "refused prunes removed nothing" ||
    fail "pages left after refused prunes: $(wc -l <"$OUT") of $BEFORE"
lede --cache-prune 0B
expect_grep "prune by size" "^removed $BEFORE pages" "$OUT"
lede --cache-list
[ ! -s "$OUT" ] && ok "cache empty after prune" ||
    fail "pages left: $(cat "$OUT")"
lede --search zeppelin
[ $RC -eq 1 ] && ok "pruned articles leave the index" ||
    fail "search after prune: $(cat "$OUT")"

# A corrupt database is moved aside with a message, never overwritten.
printf 'not a database at all\n%01000d\n' 0 >"$WORK/junk"
cp "$WORK/junk" "$C/cache.db"
rm -f "$C/cache.db-wal" "$C/cache.db-shm"
lede --cache-list
[ $RC -eq 0 ] && ok "corrupt cache: lede goes on" ||
    fail "corrupt cache: status $RC"
expect_grep "corrupt cache message" "moved aside to" "$ERR"
ASIDE=$(ls "$C"/cache.db.bad-* 2>/dev/null | grep -v -- -wal | head -n 1)
if [ -n "$ASIDE" ] && cmp -s "$ASIDE" "$WORK/junk"; then
	ok "corrupt file kept byte for byte"
else
	fail "corrupt file not kept ($ASIDE)"
fi

[ $FAILS -eq 0 ] || { echo "$FAILS failed"; exit 1; }
exit 0
