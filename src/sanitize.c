/*
 * sanitize.c - strip what could drive a terminal out of remote text.
 * See sanitize.h for what goes.  Works on raw bytes so that it is safe to
 * run on anything, valid UTF-8 or not.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sanitize.h"
#include "uwidth.h"

static int
drop_cp(int32_t cp, unsigned flags)
{
	if (cp == '\n')
		return !(flags & SANITIZE_KEEP_NL);
	if (cp == '\t')
		return !(flags & SANITIZE_KEEP_TAB);
	if (cp < 0x20 || cp == 0x7f)
		return 1;
	if (cp >= 0x80 && cp <= 0x9f)
		return 1;
	if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
		return 1;
	return 0;
}

/* Replacement for a dropped control: a space keeps words apart where a
 * control (CR, FF, VT, tab) separated them. */
static int
space_for(int32_t cp)
{
	return cp == '\r' || cp == '\f' || cp == '\v' || cp == '\t' ||
	    cp == '\n';
}

char *
sanitize_text(const char *s, size_t n, unsigned flags, size_t *outlen)
{
	char *out, *q;
	size_t i, k;
	int32_t cp;

	/* Each invalid byte may become 3 bytes of U+FFFD. */
	if (n > (SIZE_MAX - 1) / 3 || (out = malloc(n * 3 + 1)) == NULL)
		return NULL;
	for (i = 0, q = out; i < n; i += k) {
		k = u8_decode(s + i, n - i, &cp);
		if (drop_cp(cp, flags)) {
			if (space_for(cp))
				*q++ = ' ';
			continue;
		}
		if (cp == 0xfffd && !(k == 3 && memcmp(s + i, "\xef\xbf\xbd",
		    3) == 0)) {
			memcpy(q, "\xef\xbf\xbd", 3);
			q += 3;
			continue;
		}
		memcpy(q, s + i, k);
		q += k;
	}
	*q = '\0';
	if (outlen)
		*outlen = (size_t)(q - out);
	return out;
}

int
sanitize_is_clean(const char *s, size_t n, unsigned flags)
{
	size_t i, k;
	int32_t cp;

	for (i = 0; i < n; i += k) {
		k = u8_decode(s + i, n - i, &cp);
		if (drop_cp(cp, flags))
			return 0;
		if (cp == 0xfffd && !(k == 3 && memcmp(s + i, "\xef\xbf\xbd",
		    3) == 0))
			return 0;
	}
	return 1;
}
