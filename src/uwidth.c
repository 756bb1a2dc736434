/*
 * uwidth.c - display width and grapheme clusters (utf8proc).  See uwidth.h.
 */
#include <utf8proc.h>

#include "uwidth.h"

size_t
u8_decode(const char *s, size_t n, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k;

	if (n == 0) {
		*cp = 0xfffd;
		return 1;
	}
	k = utf8proc_iterate((const utf8proc_uint8_t *)s,
	    n > 4 ? 4 : (utf8proc_ssize_t)n, &c);
	if (k < 1) {
		*cp = 0xfffd;
		return 1;
	}
	*cp = c;
	return (size_t)k;
}

int
u8_cpwidth(int32_t cp)
{
	const utf8proc_property_t *p;

	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return 0;
	p = utf8proc_get_property(cp);
	/* Zero-width format characters (ZWJ, ZWSP, bidi marks). */
	if (p->category == UTF8PROC_CATEGORY_CF)
		return 0;
	return utf8proc_charwidth(cp);
}

size_t
u8_grapheme(const char *s, size_t n)
{
	utf8proc_int32_t prev, c, state = 0;
	size_t i, k;
	int32_t cp;

	if (n == 0)
		return 0;
	i = u8_decode(s, n, &cp);
	prev = cp;
	while (i < n) {
		k = u8_decode(s + i, n - i, &cp);
		c = cp;
		if (utf8proc_grapheme_break_stateful(prev, c, &state))
			break;
		prev = c;
		i += k;
	}
	return i;
}

int
u8_grapheme_width(const char *s, size_t len)
{
	size_t i, k;
	int32_t cp;
	int w = 0, cw;

	/* A cluster is as wide as its widest part: a base letter with marks
	 * is 1, an emoji ZWJ sequence or one with VS16 is 2. */
	for (i = 0; i < len; i += k) {
		k = u8_decode(s + i, len - i, &cp);
		if (cp == 0xfe0f && w == 1)
			cw = 2;
		else
			cw = u8_cpwidth(cp);
		if (cw > w)
			w = cw;
	}
	return w;
}

int
u8_width(const char *s, size_t n)
{
	size_t i, k;
	int w = 0;

	for (i = 0; i < n; i += k) {
		k = u8_grapheme(s + i, n - i);
		w += u8_grapheme_width(s + i, k);
	}
	return w;
}
