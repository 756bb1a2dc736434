/*
 * uwidth.c - display width and grapheme clusters (utf8proc).  See uwidth.h.
 */
#include <utf8proc.h>

#include "uwidth.h"

size_t
u8_whole(const char *s, size_t n)
{
	size_t j = n, need;
	unsigned char c;

	while (j > 0 && n - j < 4 && ((unsigned char)s[j - 1] & 0xc0) == 0x80)
		j--;
	if (j == 0)
		return n;
	c = (unsigned char)s[j - 1];
	if (c < 0xc0)
		return n;
	need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
	return j - 1 + need > n ? j - 1 : n;
}

size_t
u8_decode(const char *s, size_t n, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k;

	if (n == 0) {
		*cp = 0xfffd;
		return 1;
	}
	if ((unsigned char)s[0] < 0x80) {
		*cp = (unsigned char)s[0];
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

/* Prepended concatenation marks and the soft hyphen are format
 * characters that terminals still draw in a cell (glibc gives them 1). */
static int
visible_format(int32_t cp)
{
	return cp == 0xad || (cp >= 0x600 && cp <= 0x605) || cp == 0x6dd ||
	    cp == 0x70f || cp == 0x890 || cp == 0x891 || cp == 0x8e2 ||
	    cp == 0x110bd || cp == 0x110cd;
}

int
u8_cpwidth(int32_t cp)
{
	const utf8proc_property_t *p;

	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return 0;
	/* Hangul medial vowels and final consonants join the leading
	 * consonant's two cells (as glibc's wcwidth has it). */
	if ((cp >= 0x1160 && cp <= 0x11ff) || (cp >= 0xd7b0 && cp <= 0xd7ff))
		return 0;
	/* Circled numbers on black squares and the Yijing hexagrams are
	 * wide in glibc, narrow in utf8proc: the wider wins. */
	if ((cp >= 0x3248 && cp <= 0x324f) || (cp >= 0x4dc0 && cp <= 0x4dff))
		return 2;
	p = utf8proc_get_property(cp);
	/* Zero-width format characters (ZWJ, ZWSP, bidi marks). */
	if (p->category == UTF8PROC_CATEGORY_CF)
		return visible_format(cp);
	/* Spacing marks (Devanagari vowel signs) take a cell in terminals,
	 * as wcwidth says, though utf8proc counts them as 0. */
	if (p->category == UTF8PROC_CATEGORY_MC)
		return (cp >= 0x302e && cp <= 0x302f) ||
		    (cp >= 0x16ff0 && cp <= 0x16ff1) ? 2 : 1;
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

	/* The sum of the code points' cells, as a terminal that places them
	 * one by one (wcwidth, ncurses) advances the cursor: a base with
	 * marks is 1, a flag 2, an emoji ZWJ family may be 6.  A terminal
	 * that draws the family as one 2-cell glyph gets a shorter line,
	 * never a longer one.  VS16 asks for emoji presentation, which is 2
	 * cells wherever it is honoured, so it raises a 1-cell base to 2. */
	for (i = 0; i < len; i += k) {
		k = u8_decode(s + i, len - i, &cp);
		cw = u8_cpwidth(cp);
		if (cp == 0xfe0f && w == 1)
			cw = 1;
		w += cw;
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

size_t
u8_space(const char *s, size_t n)
{
	int32_t cp;
	size_t k;

	if (n == 0)
		return 0;
	if (s[0] == ' ' || s[0] == '\t')
		return 1;
	if ((unsigned char)s[0] < 0xc2)
		return 0;
	k = u8_decode(s, n, &cp);
	if (cp == 0xa0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200a) ||
	    cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f)
		return k;
	return 0;
}

int
u8_wide_at(const char *s, size_t n)
{
	int32_t cp;

	if (n == 0)
		return 0;
	u8_decode(s, n, &cp);
	return u8_cpwidth(cp) == 2;
}

int
u8_wide_before(const char *s, size_t n)
{
	size_t i = n;

	while (i > 0 && ((unsigned char)s[i - 1] & 0xc0) == 0x80)
		i--;
	return i > 0 ? u8_wide_at(s + i - 1, n - i + 1) : 0;
}
