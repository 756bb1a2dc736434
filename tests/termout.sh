#!/bin/sh
# termout.sh - outside a UTF-8 locale, --dump writes the locale's charset
# (LANG=C: ASCII, accents dropped, the rest "?") within the width, and
# --json stays lossless JSON through \u escapes; in a UTF-8 locale the
# text comes out as it is.
set -u
page="$top_srcdir/tests/text/nonascii.html"
[ -n "${PYTHON3:-}" ] || { echo "python3 needed"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0

LANG=C LC_ALL=C "$LEDE" --dump --width 40 "$page" >"$tmp/c.txt" ||
    { echo "FAIL: LANG=C --dump exit $?"; fail=1; }
LANG=C LC_ALL=C "$LEDE" --json "$page" >"$tmp/c.json" ||
    { echo "FAIL: LANG=C --json exit $?"; fail=1; }
utf8=
for l in C.UTF-8 C.utf8 en_US.UTF-8; do
	if LC_ALL=$l "$PYTHON3" -c 'import locale,sys; locale.setlocale(locale.LC_ALL, ""); sys.exit(0)' 2>/dev/null; then
		utf8=$l
		break
	fi
done
if [ -n "$utf8" ]; then
	LANG=$utf8 LC_ALL=$utf8 "$LEDE" --dump --width 40 "$page" \
	    >"$tmp/u.txt" || { echo "FAIL: $utf8 --dump exit $?"; fail=1; }
else
	: >"$tmp/u.txt"
fi

"$PYTHON3" - "$tmp" "$utf8" <<'PY' || fail=1
import json, sys
d, utf8 = sys.argv[1], sys.argv[2]
bad = 0
c = open(d + '/c.txt', 'rb').read()
hi = [b for b in c if b >= 0x80]
if hi:
    print('FAIL: LANG=C --dump has %d non-ASCII bytes' % len(hi)); bad = 1
t = c.decode('ascii', 'replace')
for want in ('cafe', 'creme brulee', 'Zurich', "d'or"):
    if want not in t:
        print('FAIL: LANG=C --dump lacks %r' % want); bad = 1
long_ = [l for l in t.split('\n') if len(l) > 40]
if long_:
    print('FAIL: LANG=C lines over 40 columns: %r' % long_[:3]); bad = 1
j = open(d + '/c.json', 'rb').read()
if any(b >= 0x80 for b in j):
    print('FAIL: LANG=C --json is not ASCII'); bad = 1
try:
    doc = json.loads(j)
    s = json.dumps(doc, ensure_ascii=False)
    for want in ('crème brûlée', '한겨레', '東京から来ました', '👨\u200d👩\u200d👧'):
        if want not in s:
            print('FAIL: LANG=C --json lost %r' % want); bad = 1
except ValueError as e:
    print('FAIL: LANG=C --json does not parse: %s' % e); bad = 1
if utf8:
    u = open(d + '/u.txt', 'rb').read().decode('utf-8')
    for want in ('crème brûlée', '한겨레'):
        if want not in u:
            print('FAIL: %s --dump lacks %r' % (utf8, want)); bad = 1
print('LANG=C dump: %d bytes, all ASCII: %s; json parses; utf-8 locale: %s'
      % (len(c), not hi, utf8 or 'none'))
sys.exit(bad)
PY
exit $fail
