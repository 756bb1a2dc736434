/*
 * charset_refs.c - numeric character references to control code points,
 * resolved before the HTML parser sees them.
 *
 * HTML reads &#128;..&#159; as windows-1252 (&#146; is an apostrophe,
 * &#150; a dash: old pages are full of them); libxml2 takes them as C1
 * controls, which sanitizing then deletes, so "It&#146;s" would read
 * "Its".  References to other controls (&#27; is ESC) become the raw
 * byte, so that the escape sequence they start is removed whole with the
 * raw ones (sanitize_escapes) instead of leaving "[2J" behind when the
 * parser drops the ESC.  Every rewrite is shorter than the reference, so
 * it works in place.
 */
#include <stdint.h>
#include <string.h>

#include "charset.h"

/* HTML's table for 0x80..0x9f; 0 keeps the C1 code point (unassigned in
 * windows-1252: sanitizing removes it later). */
static const uint16_t c1_1252[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

static size_t
put_u8(char *p, uint32_t c)
{
	if (c < 0x80) {
		p[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		p[0] = (char)(0xc0 | c >> 6);
		p[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	p[0] = (char)(0xe0 | c >> 12);
	p[1] = (char)(0x80 | ((c >> 6) & 0x3f));
	p[2] = (char)(0x80 | (c & 0x3f));
	return 3;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* A reference at s (starting "&#") to a value worth rewriting: its value
 * and length, or 0. */
static size_t
parse_ref(const char *s, size_t n, uint32_t *val)
{
	size_t i = 2, start;
	uint32_t v = 0;
	int hex = 0, d;

	if (i < n && (s[i] == 'x' || s[i] == 'X')) {
		hex = 1;
		i++;
	}
	start = i;
	for (; i < n && i - start < 8; i++) {
		d = hex ? hexval((unsigned char)s[i]) :
		    (s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : -1);
		if (d < 0)
			break;
		v = v * (hex ? 16 : 10) + (uint32_t)d;
	}
	if (i == start || (i < n && hexval((unsigned char)s[i]) >= 0 &&
	    (hex || (s[i] >= '0' && s[i] <= '9'))))
		return 0;
	if (i < n && s[i] == ';')
		i++;
	/* Tab, newline and CR are text; NUL is the parser's to replace. */
	if (v == 0 || v == 9 || v == 10 || v == 13 || v > 0x9f ||
	    (v >= 0x20 && v < 0x7f))
		return 0;
	*val = v;
	return i;
}

size_t
charset_refs(char *s, size_t n)
{
	size_t i = 0, o = 0, k;
	uint32_t v;
	char *amp;

	while (i < n) {
		amp = memchr(s + i, '&', n - i);
		if (amp == NULL) {
			memmove(s + o, s + i, n - i);
			o += n - i;
			break;
		}
		k = (size_t)(amp - (s + i));
		memmove(s + o, s + i, k);
		o += k;
		i += k;
		if (i + 1 < n && s[i + 1] == '#' &&
		    (k = parse_ref(s + i, n - i, &v)) > 0) {
			if (v >= 0x80 && c1_1252[v - 0x80] != 0)
				v = c1_1252[v - 0x80];
			o += put_u8(s + o, v);
			i += k;
			continue;
		}
		s[o++] = s[i++];
	}
	if (o < n)
		s[o] = '\0';
	return o;
}
