#!/bin/sh
# bench/cache.sh - not a test: build a cache of N (10,000) articles and
# report how long listing them and a full-text search take, in process
# (tests/net_drv bench) and as whole lede commands.  Issue 6 asks for
# well under a tenth of a second.
#   sh bench/cache.sh [N]      (from the build directory, or via
#                               `make bench-cache`)
N=${1:-10000}
LEDE=${LEDE:-src/lede}
NET_DRV=${NET_DRV:-tests/net_drv}
[ -x "$NET_DRV" ] || { echo "build $NET_DRV first (make check)"; exit 1; }
D=$(mktemp -d "${TMPDIR:-/tmp}/lede-bench-cache.XXXXXX") || exit 1
trap 'rm -rf "$D"' EXIT

ms() { echo $(( $(date +%s%N) / 1000000 )); }

t0=$(ms)
"$NET_DRV" fill "$D" "$N" || exit 1
t1=$(ms)
echo "built a cache of $N articles in $((t1 - t0)) ms," \
    "$(du -k "$D/cache.db" | cut -f1) KiB"
echo "-- in process (cache_list, cache_history_list, cache_search):"
COMMON=$("$NET_DRV" word 3)
MID=$("$NET_DRV" word 300)
RARE=$("$NET_DRV" word 5000)
"$NET_DRV" bench "$D" "$MID"
"$NET_DRV" bench "$D" "$COMMON" | grep search
"$NET_DRV" bench "$D" "$RARE" | grep search
"$NET_DRV" bench "$D" "$COMMON $MID" | grep search

# Whole commands: process start, opening the cache, printing; best of 5.
best() {
	b=999999
	for i in 1 2 3 4 5; do
		s=$(ms)
		"$@" >/dev/null 2>&1
		e=$(ms)
		[ $((e - s)) -lt $b ] && b=$((e - s))
	done
	echo $b
}
if [ -x "$LEDE" ]; then
	echo "-- whole commands (best of 5):"
	echo "lede --cache-list ($("$LEDE" --cache-dir "$D" --cache-list |
	    wc -l) lines): $(best "$LEDE" --cache-dir "$D" --cache-list) ms"
	for q in "$COMMON" "$MID" "$RARE" "$COMMON $MID"; do
		echo "lede --search '$q' ($("$LEDE" --cache-dir "$D" --search \
		    "$q" | grep -c '^[0-9]') shown): $(best "$LEDE" \
		    --cache-dir "$D" --search "$q") ms"
	done
else
	echo "no $LEDE: whole-command figures skipped"
fi
