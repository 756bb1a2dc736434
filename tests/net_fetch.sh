#!/bin/sh
# net_fetch.sh - fetching and the cache-first source, through the core
# library alone (tests/net_drv), against tests/httpd.py on 127.0.0.1:
# redirects, loop, 404/500, timeout, cancel, size cap, gzip, not HTML,
# ETag and Last-Modified revalidation, freshness, --no-cache, offline and
# the fallback to the cached copy when the server is gone.

. "$top_srcdir/tests/net_lib.sh"
DRV=$top_builddir/tests/net_drv
[ -x "$DRV" ] || { echo "no $DRV"; exit 99; }
server_start
OUT=$WORK/out
ERR=$WORK/err

run() {
	"$DRV" "$@" >"$OUT" 2>"$ERR"
	RC=$?
}

# A plain page, with our User-Agent.
run fetch "$BASE/page/article.html"
expect_grep "200 for a page" "^status 200" "$OUT"
expect_grep "page body" "^<!DOCTYPE html>" "$OUT"
expect_grep "ETag kept" '^etag "' "$OUT"
expect_grep "content type kept" "^type text/html; charset=utf-8" "$OUT"
expect_grep "user agent" "ua=lede/[0-9]" "$LOG"

# Redirect chain: the final URL is kept; relative Location works.
run fetch "$BASE/redirect/4"
expect_grep "redirect chain followed" "^final $BASE/page/article.html" \
    "$OUT"
run fetch "$BASE/relative"
expect_grep "relative redirect" "^final $BASE/page/second.html" "$OUT"

# Redirect loop: bounded, one clear line.
run fetch "$BASE/loop"
[ $RC -eq 1 ] || fail "loop exit status $RC"
expect_grep "redirect loop stops" "too many redirects (more than 10)$" \
    "$ERR"
[ "$(wc -l <"$ERR")" -eq 1 ] || fail "loop: more than one line"

# Errors by status.
run fetch "$BASE/status/404"
expect_grep "404" "cannot fetch '$BASE/status/404': HTTP 404 Not Found$" \
    "$ERR"
run fetch "$BASE/status/500"
expect_grep "500" "HTTP 500 Internal Server Error$" "$ERR"

# Timeout and cancel on a slow answer.
run fetch -t 1500 "$BASE/slow"
expect_grep "timeout" "cannot fetch '$BASE/slow': timed out after 2 s$" \
    "$ERR"
run fetch -c 300 "$BASE/slow"
[ $RC -eq 3 ] || fail "cancel exit status $RC"
expect_grep "cancel" "^cancelled after" "$OUT"

(sleep 0.5; echo) | "$DRV" fetch -W "$BASE/slow" >"$OUT" 2>"$ERR"
expect_grep "cancel on input, as the reader does" \
    "^cancelled by input after [0-9]* of 60 bytes" "$OUT"
# (stdin stays open and silent while sleep runs)
sleep 1 | "$DRV" fetch -W "$BASE/page/second.html" >"$OUT" 2>"$ERR"
expect_grep "wait loop completes a fetch" "^status 200" "$OUT"

# Size cap, streamed (chunked) and declared (Content-Length).
run fetch -m 100000 "$BASE/big/400000"
expect_grep "cap on a chunked body" "larger than 100000 bytes$" "$ERR"
run fetch -m 100000 "$BASE/bigcl/400000"
expect_grep "cap on a declared body" "larger than 100000 bytes$" "$ERR"
run fetch -m 100000 "$BASE/big/50000"
expect_grep "under the cap" "^length 50000$" "$OUT"

# gzip: decoded, same bytes as the file.
run fetch "$BASE/gzip/article.html"
expect_grep "gzip decoded" "^length $(wc -c <"$top_srcdir/tests/net/article.html")$" \
    "$OUT"

# deflate, with and without its zlib header: decoded.
run fetch "$BASE/deflate/article.html"
expect_grep "deflate decoded" "^length $(wc -c <"$top_srcdir/tests/net/article.html")$" \
    "$OUT"
run fetch "$BASE/rawdeflate/article.html"
expect_grep "raw deflate decoded" "^length $(wc -c <"$top_srcdir/tests/net/article.html")$" \
    "$OUT"
# Longer raw deflate answers, where zlib holds output back once the
# input is used up (there is no trailer after it).
for size in 16385 16389 20000 40000 100000; do
	run fetch "$BASE/rawdeflate/$size"
	expect_grep "raw deflate of $size bytes whole" "^length $size$" "$OUT"
done
# A compressed answer cut short is an error, not half a page.
run fetch "$BASE/gzipcut/article.html"
expect_grep "cut gzip refused" \
    "cannot fetch '$BASE/gzipcut/article.html': compressed answer cut short$" \
    "$ERR"
run fetch "$BASE/brotli/article.html"
expect_grep "unknown encoding refused" \
    "cannot fetch '$BASE/brotli/article.html': an encoding lede does not read$" \
    "$ERR"

# Answers that are not HTTP, or whose header is too long, and a proxy
# that does not answer: each said as it is.
run fetch "$BASE/nothttp"
expect_grep "not HTTP" "cannot fetch '$BASE/nothttp': the server's answer is not HTTP$" \
    "$ERR"
run fetch "$BASE/bighdr"
expect_grep "header too long" "an answer header over 100 KB$" "$ERR"
env http_proxy=http://127.0.0.1:9 NO_PROXY= no_proxy= "$DRV" fetch \
    "http://lede-test.invalid/x" >"$OUT" 2>"$ERR"
expect_grep "dead proxy" "connection refused by the proxy$" "$ERR"
# A host NO_PROXY names is reached directly: the refusal is its own.
env -u no_proxy http_proxy=http://127.0.0.1:9 \
    NO_PROXY=other.test,.localhost "$DRV" fetch "http://localhost:9/x" \
    >"$OUT" 2>"$ERR"
expect_grep "no proxy for localhost" "connection refused$" "$ERR"

# Not HTML; empty; refused.
run fetch "$BASE/image"
expect_grep "not HTML" "cannot open '$BASE/image': not HTML (image/png)$" \
    "$ERR"
run fetch "$BASE/empty"
expect_grep "empty" "empty answer$" "$ERR"

# TLS: https to a plain-HTTP port fails the handshake.
run fetch "https://127.0.0.1:$PORT/page/article.html"
expect_grep "TLS error" "cannot fetch 'https://127.0.0.1:$PORT/page/article.html': TLS error: " \
    "$ERR"
# Only http and https.
run fetch "ftp://127.0.0.1:$PORT/x"
expect_grep "other schemes refused" "not an http or https URL$" "$ERR"

# A conditional request answered 304.
ETAG=$("$DRV" fetch "$BASE/page/article.html" | sed -n 's/^etag //p')
run fetch -e "$ETAG" "$BASE/page/article.html"
expect_grep "304 on a matching ETag" "^status 304" "$OUT"

# Cache-first loading.
C=$WORK/cache
: >"$LOG"
run load -d "$C" "$BASE/page/article.html"
expect_grep "first load from the network" "^from_cache 0" "$OUT"
run load -d "$C" "$BASE/page/article.html"
expect_grep "second load revalidated from the cache" "^from_cache 1" "$OUT"
[ "$(log_count "GET /page/article.html inm=-")" -eq 1 ] ||
    fail "first request should carry no If-None-Match"
[ "$(log_count "GET /page/article.html inm=$ETAG")" -eq 1 ] &&
    ok "second request sends If-None-Match" ||
    fail "second request sends If-None-Match: $(cat "$LOG")"

run load -d "$C" "$BASE/lm/second.html"
run load -d "$C" "$BASE/lm/second.html"
expect_grep "Last-Modified revalidation" "^from_cache 1" "$OUT"
expect_grep "If-Modified-Since sent" "GET /lm/second.html inm=- ims=Wed, 21" \
    "$LOG"

run load -d "$C" "$BASE/fresh/second.html"
run load -d "$C" "$BASE/fresh/second.html"
expect_grep "fresh copy used" "^from_cache 1" "$OUT"
[ "$(log_count "GET /fresh/")" -eq 1 ] && ok "fresh copy: no request" ||
    fail "a fresh copy should not be fetched again"
run load -d "$C" -r "$BASE/fresh/second.html"
[ "$(log_count "GET /fresh/")" -eq 2 ] && ok "reload asks even when fresh" ||
    fail "a reload should ask the server"

run load -d "$C" -n "$BASE/page/article.html"
expect_grep "--no-cache fetches" "^from_cache 0" "$OUT"
[ "$(tail -n 1 "$LOG" | grep -c 'inm=-')" -eq 1 ] ||
    fail "--no-cache must not send validators"

# A fragment is a place in the page: the same cache entry.
run load -d "$C" -o "$BASE/page/article.html#comments"
expect_grep "fragment ignored by the cache" "^from_cache 1" "$OUT"

# The redirect's final URL is the base; the cache finds it by either URL.
run load -d "$C" "$BASE/redirect/2"
expect_grep "final URL from a redirect" "^url $BASE/page/article.html" "$OUT"

# A 404 is an error and is not cached.
run load -d "$C" "$BASE/status/404"
[ $RC -eq 1 ] || fail "404 load exit status $RC"
run load -d "$C" -o "$BASE/status/404"
expect_grep "404 not cached" "not in the cache (offline)$" "$ERR"

# Server gone: offline works, online falls back with a warning.
OLD=$BASE
server_stop
run load -d "$C" -o "$OLD/page/article.html"
expect_grep "offline from the cache" "^from_cache 1" "$OUT"
expect_grep "offline bytes" "^<!DOCTYPE html>" "$OUT"
run load -d "$C" "$OLD/page/article.html"
expect_grep "fallback to the copy" "^from_cache 1" "$OUT"
expect_grep "fallback warning" "connection refused; showing the copy cached" \
    "$ERR"
run load -d "$C" -o "$OLD/page/never.html"
expect_grep "offline miss" "cannot open '$OLD/page/never.html': not in the cache (offline)$" \
    "$ERR"
run fetch "$OLD/page/article.html"
expect_grep "refused" "connection refused$" "$ERR"

[ $FAILS -eq 0 ] || { echo "$FAILS failed"; exit 1; }
exit 0
