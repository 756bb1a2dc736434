/*
 * sanitize.c - strip what could drive a terminal out of remote text.
 * See sanitize.h for what goes.  Works on raw bytes so that it is safe to
 * run on anything, valid UTF-8 or not.
 *
 * A complete escape sequence (CSI like ESC [ 2 J, OSC like the clipboard
 * write ESC ] 52 ; c ; ... BEL or a hyperlink ESC ] 8 ; ; url ST, DCS,
 * APC, PM, SOS, and their 8-bit C1 forms) is removed whole, so no
 * "[2J" or "]52;c;..." debris is left in the text.  An incomplete one
 * loses its introducer, which is all a terminal acts on.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sanitize.h"
#include "uwidth.h"

/* An OSC or DCS string longer than this without its terminator is not
 * looked through: its introducer alone is dropped. */
#define SEQ_SCAN_MAX 65536

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
 * control (CR, FF, VT, tab, newline) separated them. */
static int
space_for(int32_t cp)
{
	return cp == '\r' || cp == '\f' || cp == '\v' || cp == '\t' ||
	    cp == '\n';
}

/* Bytes of a CSI body from s[j]: parameters, intermediates, final.
 * Returns the end (past the final byte) or 0 when there is no final. */
static size_t
csi_end(const unsigned char *s, size_t n, size_t j)
{
	while (j < n && s[j] >= 0x30 && s[j] <= 0x3f)
		j++;
	while (j < n && s[j] >= 0x20 && s[j] <= 0x2f)
		j++;
	return j < n && s[j] >= 0x40 && s[j] <= 0x7e ? j + 1 : 0;
}

/* End of a control string from s[j] (past BEL, ESC \ or U+009C), or 0
 * when it is cut short by another ESC or C1 or is not terminated. */
static size_t
string_end(const unsigned char *s, size_t n, size_t j)
{
	size_t lim = n - j > SEQ_SCAN_MAX ? j + SEQ_SCAN_MAX : n;

	for (; j < lim; j++) {
		if (s[j] == 0x07)
			return j + 1;
		if (s[j] == 0x1b && j + 1 < n && s[j + 1] == '\\')
			return j + 2;
		if (s[j] == 0xc2 && j + 1 < n && s[j + 1] == 0x9c)
			return j + 2;
		/* Any other ESC or C1 cancels the string, as in a terminal;
		 * stopping there also keeps a page of unterminated
		 * introducers linear rather than one 64 KiB scan each. */
		if (s[j] == 0x1b || (s[j] == 0xc2 && j + 1 < n &&
		    s[j + 1] >= 0x80 && s[j + 1] <= 0x9f))
			return 0;
	}
	return 0;
}

/* Bytes to drop for the escape sequence whose introducer (ESC or an
 * 8-bit C1 code point of ilen bytes) is at s[i]. */
static size_t
seq_len(const unsigned char *s, size_t n, size_t i, int32_t cp, size_t ilen)
{
	size_t j = i + ilen, e;

	if (cp == 0x9b)
		return (e = csi_end(s, n, j)) ? e - i : ilen;
	if (cp == 0x9d || cp == 0x90 || cp == 0x98 || cp == 0x9e ||
	    cp == 0x9f)
		return (e = string_end(s, n, j)) ? e - i : ilen;
	if (cp != 0x1b || j >= n)
		return ilen;
	switch (s[j]) {
	case '[':
		return (e = csi_end(s, n, j + 1)) ? e - i : ilen;
	case ']': case 'P': case 'X': case '^': case '_':
		return (e = string_end(s, n, j + 1)) ? e - i : ilen;
	default:
		break;
	}
	/* nF: intermediates then a final (ESC ( B); Fp/Fe/Fs: one byte
	 * (ESC c resets the terminal, ESC 7 saves the cursor). */
	while (j < n && s[j] >= 0x20 && s[j] <= 0x2f)
		j++;
	if (j < n && s[j] >= 0x30 && s[j] <= 0x7e)
		return j + 1 - i;
	return ilen;
}

static int
introducer(int32_t cp)
{
	return cp == 0x1b || cp == 0x9b || cp == 0x9d || cp == 0x90 ||
	    cp == 0x98 || cp == 0x9e || cp == 0x9f;
}

char *
sanitize_text(const char *s, size_t n, unsigned flags, size_t *outlen)
{
	const unsigned char *u = (const unsigned char *)s;
	char *out, *q;
	size_t i, k;
	int32_t cp;

	/* Each invalid byte may become 3 bytes of U+FFFD. */
	if (n > (SIZE_MAX - 1) / 3 || (out = malloc(n * 3 + 1)) == NULL)
		return NULL;
	for (i = 0, q = out; i < n; i += k) {
		/* Printable ASCII is kept as is: copy the whole run. */
		if (u[i] >= 0x20 && u[i] < 0x7f) {
			for (k = 1; i + k < n && u[i + k] >= 0x20 &&
			    u[i + k] < 0x7f; k++)
				;
			memcpy(q, s + i, k);
			q += k;
			continue;
		}
		k = u8_decode(s + i, n - i, &cp);
		if (introducer(cp)) {
			k = seq_len(u, n, i, cp, k);
			continue;
		}
		if (drop_cp(cp, flags)) {
			/* CR LF is one line end. */
			if (cp == '\r' && i + 1 < n && s[i + 1] == '\n')
				continue;
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

#define SCAN_UNKNOWN SIZE_MAX

/* The next introducer at or after i: ESC, or the two bytes of an 8-bit
 * C1 one (U+0090..U+009F that introducer() takes); n when none.  *esc
 * and *c2 cache memchr's answers (n: none left; SCAN_UNKNOWN: not looked
 * for), so that a page is scanned a vector at a time.  A cached position
 * at or after i is still the next one: only bytes before i get moved. */
static size_t
next_intro(const unsigned char *u, size_t n, size_t i, size_t *esc,
    size_t *c2)
{
	const unsigned char *p;

	if (*esc == SCAN_UNKNOWN || *esc < i) {
		p = memchr(u + i, 0x1b, n - i);
		*esc = p ? (size_t)(p - u) : n;
	}
	for (;;) {
		if (*c2 == SCAN_UNKNOWN || *c2 < i) {
			p = memchr(u + i, 0xc2, n - i);
			*c2 = p ? (size_t)(p - u) : n;
		}
		if (*c2 >= *esc)
			return *esc;
		if (*c2 + 1 < n && u[*c2 + 1] >= 0x90 && u[*c2 + 1] <= 0x9f &&
		    introducer(u[*c2 + 1]))
			return *c2;
		i = *c2 + 1;
	}
}

size_t
sanitize_escapes(char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, o = 0, j, k, ilen, esc = SCAN_UNKNOWN, c2 = SCAN_UNKNOWN;
	int32_t cp;

	while (i < n) {
		j = next_intro(u, n, i, &esc, &c2);
		if (o != i)
			memmove(s + o, s + i, j - i);
		o += j - i;
		if ((i = j) >= n)
			break;
		if (u[i] == 0x1b) {
			cp = 0x1b;
			ilen = 1;
		} else {
			cp = u[i + 1];
			ilen = 2;
		}
		k = seq_len(u, n, i, cp, ilen);
		/* In a page, a "sequence" that takes in a '<' or '>' is
		 * markup after a stray ESC (ESC < is a VT52 code): leave it
		 * for the later, per-character pass. */
		if (k > ilen && memchr(s + i, '<', k) == NULL &&
		    memchr(s + i, '>', k) == NULL) {
			i += k;
			continue;
		}
		memmove(s + o, s + i, ilen);
		o += ilen;
		i += ilen;
	}
	if (o < n)
		s[o] = '\0';
	return o;
}

int
sanitize_is_clean(const char *s, size_t n, unsigned flags)
{
	size_t i, k;
	int32_t cp;

	for (i = 0; i < n; i += k) {
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f) {
			k = 1;
			continue;
		}
		k = u8_decode(s + i, n - i, &cp);
		if (drop_cp(cp, flags))
			return 0;
		if (cp == 0xfffd && !(k == 3 && memcmp(s + i, "\xef\xbf\xbd",
		    3) == 0))
			return 0;
	}
	return 1;
}
