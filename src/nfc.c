/*
 * nfc.c - Unicode normalization form C through utf8proc, with a quick
 * check so that text NFC leaves alone (nearly all of it) is not copied.
 * See nfc.h.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "nfc.h"

#define SEG_SOFT 64 /* bytes; see nfc_dup() */
#define SEG_HARD 128

/* Can NFC change text holding cp (U+0300 and up)? */
static int
cp_needs(utf8proc_int32_t cp)
{
	const utf8proc_property_t *p = utf8proc_get_property(cp);
	utf8proc_int32_t d[4];
	utf8proc_ssize_t k;
	int last = 0;

	if (p->combining_class != 0 || p->comp_exclusion)
		return 1;
	/* conjoining jamo compose into syllables */
	if ((cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0xa960 && cp <= 0xa97f) ||
	    (cp >= 0xd7b0 && cp <= 0xd7ff))
		return 1;
	if (p->decomp_seqindex == UINT16_MAX || p->decomp_type != 0)
		return 0;
	/* A canonical decomposition: a precomposed letter NFC keeps
	   (it composes back to itself), not a singleton (U+212B ANGSTROM
	   SIGN) nor one that starts with a combining mark. */
	k = utf8proc_decompose_char(cp, d, 4, UTF8PROC_DECOMPOSE, &last);
	if (k < 1 || k > 4)
		return 1;
	k = utf8proc_normalize_utf32(d, k, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	return k != 1 || d[0] != cp;
}

/* cp_needs() of every code point of planes 0 and 1, a bit each, made
   once: pages are full of punctuation and letters above U+0300 that NFC
   keeps.  Also marked: starters that compose with the code point before
   them (U+0CD5 after U+0CC6), which cp_needs() cannot see alone. */
#define MAP_END 0x20000
static unsigned char map[MAP_END / 8];
static pthread_once_t map_once = PTHREAD_ONCE_INIT;

static void
mark(utf8proc_int32_t cp)
{
	if (cp >= 0 && cp < MAP_END)
		map[cp >> 3] |= (unsigned char)(1u << (cp & 7));
}

static void
map_fill(void)
{
	const utf8proc_property_t *p;
	utf8proc_int32_t cp, d[4];
	utf8proc_ssize_t k;
	int last = 0;

	for (cp = 0x300; cp < MAP_END; cp++) {
		/* none of these need a look */
		if ((cp >= 0xd800 && cp <= 0xdfff) ||
		    (cp >= 0xac00 && cp <= 0xd7a3) ||
		    (cp >= 0x4e00 && cp <= 0x9fff))
			continue;
		if (cp_needs(cp))
			mark(cp);
		p = utf8proc_get_property(cp);
		if (p->decomp_seqindex == UINT16_MAX || p->decomp_type != 0 ||
		    p->comp_exclusion)
			continue;
		k = utf8proc_decompose_char(
		    cp, d, 4, UTF8PROC_DECOMPOSE, &last);
		if (k >= 2 && k <= 4 &&
		    utf8proc_get_property(d[k - 1])->combining_class == 0)
			mark(d[k - 1]);
	}
}

static int
in_map(utf8proc_int32_t cp)
{
	return cp < MAP_END ? (map[cp >> 3] >> (cp & 7)) & 1 : cp_needs(cp);
}

/* Where the first code point at or after i that NFC may change starts
 * (its length in *len), or n when there is none or the text is not
 * UTF-8 there. */
static size_t
find(const unsigned char *u, size_t n, size_t i, size_t *len)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	int filled = 0;

	while (i < n) {
		/* U+0300 is the first code point whose lead byte is 0xcc:
		   skip what is below, 16 bytes at a time where it can */
#ifdef __SSE2__
		while (i + 16 <= n) {
			__m128i v = _mm_loadu_si128((const __m128i *)(u + i));
			__m128i hi = _mm_cmpeq_epi8(
			    _mm_max_epu8(v, _mm_set1_epi8((char)0xcc)), v);

			if (_mm_movemask_epi8(hi))
				break;
			i += 16;
		}
		if (i >= n)
			break;
#endif
		if (u[i] < 0xcc) {
			i++;
			continue;
		}
		if (u[i] < 0xe0 && i + 1 < n) {
			cp = ((u[i] & 0x1f) << 6) | (u[i + 1] & 0x3f);
			k = 2;
		} else if (u[i] >= 0xe0 && u[i] < 0xf0 && i + 2 < n) {
			cp = ((u[i] & 0x0f) << 12) | ((u[i + 1] & 0x3f) << 6) |
			     (u[i + 2] & 0x3f);
			k = 3;
		} else {
			k = utf8proc_iterate(
			    u + i, (utf8proc_ssize_t)(n - i), &cp);
			if (k < 1) {
				/* not UTF-8: kept as it is, and on */
				i++;
				continue;
			}
		}
		if (!filled) {
			pthread_once(&map_once, map_fill);
			filled = 1;
		}
		if (in_map(cp)) {
			*len = (size_t)k;
			return i;
		}
		i += (size_t)k;
	}
	return n;
}

int
nfc_needed(const char *s, size_t n)
{
	size_t len;

	return find((const unsigned char *)s, n, 0, &len) < n;
}

/* The code point at u[i] (0 when it is not UTF-8) and its length. */
static utf8proc_int32_t
at(const unsigned char *u, size_t n, size_t i, size_t *len)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k =
	    utf8proc_iterate(u + i, (utf8proc_ssize_t)(n - i), &cp);

	*len = k > 0 ? (size_t)k : 1;
	return k > 0 ? cp : 0;
}

static int
starter(utf8proc_int32_t cp)
{
	return utf8proc_get_property(cp)->combining_class == 0;
}

char *
nfc_dup(const char *s, size_t n, size_t *outlen)
{
	const unsigned char *u = (const unsigned char *)s;
	utf8proc_uint8_t *seg;
	size_t i = 0, done = 0, p, len, a, e, l, o = 0;
	utf8proc_ssize_t k;
	char *out, *t;
	size_t cap = n + n / 8 + 16;

	/* Only the stretches around what NFC may change go through
	   utf8proc: from the starter before such a code point to the next
	   starter NFC keeps.  The rest is copied as it is. */
	if ((out = malloc(cap)) == NULL)
		return NULL;
	while ((p = find(u, n, i, &len)) < n) {
		/* back to the starter it may compose with */
		for (a = p; a > done && p - a < 64;) {
			size_t b = a - 1;

			while (b > done && (u[b] & 0xc0) == 0x80)
				b--;
			a = b;
			if (starter(at(u, n, a, &l)))
				break;
		}
		/* On over marks and what else NFC may change, to a starter
		   NFC keeps.  A stretch past SEG_SOFT ends at a starter that
		   cannot compose with what is before it (a leading jamo); one
		   past SEG_HARD (only a run of marks no language writes gets
		   there) ends anyway: utf8proc orders marks in square time. */
		for (e = p + len; e < n && e - p < SEG_HARD;) {
			size_t f;
			utf8proc_int32_t c = at(u, n, e, &l);

			if (e - p >= SEG_SOFT && starter(c) &&
			    ((c >= 0x1100 && c <= 0x115f) ||
			        (c >= 0xa960 && c <= 0xa97f)))
				break;
			/* find() over this one code point only */
			if (find(u, e + l, e, &f) == e) {
				e += f;
				continue;
			}
			if (starter(c))
				break;
			e += l;
		}
		seg = NULL;
		k = utf8proc_map(u + a, (utf8proc_ssize_t)(e - a), &seg,
		    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		if (o + (a - done) + (k > 0 ? (size_t)k : e - a) + 1 > cap) {
			cap = (o + (a - done) + (e - a) * 4 + 1) * 2;
			if ((t = realloc(out, cap)) == NULL) {
				free(seg);
				free(out);
				return NULL;
			}
			out = t;
		}
		memcpy(out + o, s + done, a - done);
		o += a - done;
		if (k >= 0) {
			memcpy(out + o, seg, (size_t)k);
			o += (size_t)k;
		} else {
			memcpy(out + o, s + a, e - a);
			o += e - a;
		}
		free(seg);
		done = i = e;
	}
	if (o + (n - done) + 1 > cap) {
		cap = o + (n - done) + 1;
		if ((t = realloc(out, cap)) == NULL) {
			free(out);
			return NULL;
		}
		out = t;
	}
	memcpy(out + o, s + done, n - done);
	o += n - done;
	out[o] = '\0';
	if (outlen)
		*outlen = o;
	return out;
}
