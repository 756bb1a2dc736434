/*
 * linebreak_simple.c - line-break opportunities for the text most pages
 * are made of: ASCII, Latin-1 and Latin Extended-A letters, the no-break
 * space and typographic quotes and dashes (’ “ ” ‘ – — …).  The rules of
 * UAX #14 as ICU's root line rules have them, written out for the classes
 * of these characters, so that the common case never enters ICU: ICU's
 * tables are cold by the time a page is rendered (the parser has just
 * streamed the page through the caches) and its iterator costs tens of
 * instructions a character; this is a table look-up.  Any other character
 * sends the text to ICU.  tests/test_fastpath.c checks the two agree on
 * random text built from every class.  See linebreak.h.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "linebreak.h"

/* Line-break classes (LineBreak.txt); QI and QF are QU that are initial
 * (Pi) and final (Pf) punctuation; XX is any character not handled. */
enum {
	AL, NU, SP, LF, QU, QI, QF, EX, OP, CL, CP, IS, SY, PR, PO, HY, BA,
	B2, IN, GL, NCLS, XX = NCLS
};

/* Printable ASCII; letters are AL, zero, the default. */
static const unsigned char ascii_cls[128] = {
	[' '] = SP, ['!'] = EX, ['"'] = QU, ['#'] = AL, ['$'] = PR,
	['%'] = PO, ['&'] = AL, ['\''] = QU, ['('] = OP, [')'] = CP,
	['*'] = AL, ['+'] = PR, [','] = IS, ['-'] = HY, ['.'] = IS,
	['/'] = SY, ['0'] = NU, ['1'] = NU, ['2'] = NU, ['3'] = NU,
	['4'] = NU, ['5'] = NU, ['6'] = NU, ['7'] = NU, ['8'] = NU,
	['9'] = NU, [':'] = IS, [';'] = IS, ['<'] = AL, ['='] = AL,
	['>'] = AL, ['?'] = EX, ['@'] = AL, ['['] = OP, ['\\'] = PR,
	[']'] = CP, ['^'] = AL, ['_'] = AL, ['`'] = AL, ['{'] = OP,
	['|'] = BA, ['}'] = CL, ['~'] = AL,
};

/* A byte's class when it is ASCII: LF, printable, or XX (controls, DEL
 * and the bytes of other characters). */
static inline int
byte_cls(unsigned char c)
{
	if (c >= 0x7f)
		return XX;
	if (c < 0x20)
		return c == '\n' ? LF : XX;
	return ascii_cls[c];
}

/* The pair table of UAX #14 (its "example pair table") for these classes,
 * without LB 25: D break, I break only after spaces, P never, even after
 * spaces.  LB 25 is ICU's regular expression for numbers, applied after
 * (numbers() below); LB 15a/b/c and ICU's hyphen rule are in the loop. */
enum { D, I, P };

static const unsigned char pair[NCLS][NCLS] = {
/*	   AL NU SP LF QU QI QF EX OP CL CP IS SY PR PO HY BA B2 IN GL */
/* AL */ { I, I, P, P, I, I, I, P, I, P, P, P, P, I, I, I, I, D, I, I },
/* NU */ { I, D, P, P, I, I, I, P, I, P, P, P, P, D, D, I, I, D, I, I },
/* SP */ { D, D, P, P, D, D, D, P, D, P, P, P, P, D, D, D, D, D, D, D },
/* LF */ { D, D, P, P, D, D, D, P, D, P, P, P, P, D, D, D, D, D, D, D },
/* QU */ { I, I, P, P, I, I, I, P, P, P, P, P, P, I, I, I, I, I, I, I },
/* QI */ { I, I, P, P, I, I, I, P, P, P, P, P, P, I, I, I, I, I, I, I },
/* QF */ { I, I, P, P, I, I, I, P, P, P, P, P, P, I, I, I, I, I, I, I },
/* EX */ { D, D, P, P, I, I, I, P, D, P, P, P, P, D, D, I, I, D, I, I },
/* OP */ { P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P },
/* CL */ { D, D, P, P, I, I, I, P, D, P, P, P, P, D, D, I, I, D, I, I },
/* CP */ { I, I, P, P, I, I, I, P, D, P, P, P, P, D, D, I, I, D, I, I },
/* IS */ { I, D, P, P, I, I, I, P, D, P, P, P, P, D, D, I, I, D, I, I },
/* SY */ { D, D, P, P, I, I, I, P, D, P, P, P, P, D, D, I, I, D, I, I },
/* PR */ { I, D, P, P, I, I, I, P, D, P, P, P, P, D, D, I, I, D, I, I },
/* PO */ { I, D, P, P, I, I, I, P, D, P, P, P, P, D, D, I, I, D, I, I },
/* HY */ { D, D, P, P, I, I, I, P, D, P, P, P, P, D, D, I, I, D, I, D },
/* BA */ { D, D, P, P, I, I, I, P, D, P, P, P, P, D, D, I, I, D, I, D },
/* B2 */ { D, D, P, P, I, I, I, P, D, P, P, P, P, D, D, I, I, P, I, I },
/* IN */ { D, D, P, P, I, I, I, P, D, P, P, P, P, D, D, I, I, D, I, I },
/* GL */ { I, I, P, P, I, I, I, P, I, P, P, P, P, I, I, I, I, I, I, I },
};

/* The class of the character at s[i] and its length in *k (XX: not one
 * of ours). */
static inline int
cls_at(const char *s, size_t n, size_t i, size_t *k)
{
	const unsigned char *u = (const unsigned char *)s + i;
	uint32_t cp;

	*k = 1;
	if (u[0] < 0x80)
		return byte_cls(u[0]);
	if (u[0] >= 0xc2 && u[0] <= 0xc5 && i + 1 < n &&
	    (u[1] & 0xc0) == 0x80) {
		*k = 2;
		cp = (uint32_t)(u[0] & 0x1f) << 6 | (u[1] & 0x3f);
		if (cp == 0xa0)
			return GL;
		/* Latin-1 letters (not × and ÷) and Latin Extended-A. */
		if (cp >= 0xc0 && cp != 0xd7 && cp != 0xf7)
			return AL;
		return XX;
	}
	if (u[0] == 0xe2 && i + 2 < n && u[1] == 0x80 &&
	    (u[2] & 0xc0) == 0x80) {
		*k = 3;
		switch (u[2]) {
		case 0x93: return BA;	/* – */
		case 0x94: return B2;	/* — */
		case 0x98: return QI;	/* ‘ */
		case 0x99: return QF;	/* ’ */
		case 0x9c: return QI;	/* “ */
		case 0x9d: return QF;	/* ” */
		case 0xa6: return IN;	/* … */
		default: return XX;
		}
	}
	return XX;
}

#define CLS(i) byte_cls((unsigned char)s[i])

/* LB 25 as ICU has it: no break inside
 * (PR|PO)? (OP|HY)? IS? NU (NU|SY|IS)* (CL|CP)? (PR|PO)?
 * wherever it matches.  Its classes are all ASCII: a byte of any other
 * character is XX here and ends a match. */
static void
numbers(const char *s, size_t n, unsigned char *brk)
{
	size_t i = 0, a, b, k;
	int c;

	while (i < n) {
		if (s[i] < '0' || s[i] > '9') {
			i++;
			continue;
		}
		a = i;
		if (a > 0 && CLS(a - 1) == IS)
			a--;
		if (a > 0 && ((c = CLS(a - 1)) == OP || c == HY))
			a--;
		if (a > 0 && ((c = CLS(a - 1)) == PR || c == PO))
			a--;
		for (b = i + 1; b < n && ((c = CLS(b)) == NU || c == SY ||
		    c == IS); b++)
			;
		if (b < n && ((c = CLS(b)) == CL || c == CP))
			b++;
		if (b < n && ((c = CLS(b)) == PR || c == PO))
			b++;
		for (k = a + 1; k < b; k++)
			brk[k] = LB_NONE;
		i = b;
	}
}

/* The end of the run of ASCII letters at s[i], 16 bytes at a time. */
static size_t
letters_end(const char *s, size_t n, size_t i)
{
#ifdef __SSE2__
	while (i + 16 <= n) {
		/* folded to lowercase; bytes from 0x80 are negative */
		__m128i v =
		    _mm_or_si128(_mm_loadu_si128((const __m128i *)(s + i)),
		        _mm_set1_epi8(0x20));
		__m128i in =
		    _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('a' - 1)),
		        _mm_cmplt_epi8(v, _mm_set1_epi8('z' + 1)));
		unsigned m = (unsigned)_mm_movemask_epi8(in);

		if (m != 0xffff)
			return i + (size_t)__builtin_ctz(~m);
		i += 16;
	}
#endif
	while (i < n && (unsigned)((s[i] | 0x20) - 'a') < 26)
		i++;
	return i;
}

int
linebreak_simple(const char *s, size_t n, unsigned char *brk)
{
	size_t i, k, hy = 0;
	int prev, cur, last, a;

	memset(brk, LB_NONE, n + 1);
	if (n == 0)
		return 0;
	if ((prev = cls_at(s, n, 0, &k)) == XX)
		return -1;
	last = prev;		/* the class just before, spaces included */
	for (i = k; i < n; i += k) {
		/* Within a word of ASCII letters nothing breaks (AL x AL)
		   and no rule looks back past a letter: skip to its end. */
		if (prev == AL && last == AL) {
			i = letters_end(s, n, i);
			if (i >= n)
				break;
		}
		if ((cur = cls_at(s, n, i, &k)) == XX)
			return -1;
		if (prev == LF) {
			/* After a hard break the text starts again. */
			brk[i] = LB_MUST;
			prev = last = cur;
			if (cur == HY)
				hy = i;
			continue;
		}
		/* Spaces never start a line (LB 7); the class before them
		 * decides after them. */
		if (cur == SP) {
			last = SP;
			continue;
		}
		a = pair[prev][cur];
		if (last == SP)
			brk[i] = a == P ? LB_NONE : LB_ALLOW;
		else
			brk[i] = a == D ? LB_ALLOW : LB_NONE;
		/* LB 15c: a space may end a line before ".5". */
		if (cur == IS && prev != OP && last == SP && i + 1 < n &&
		    s[i + 1] >= '0' && s[i + 1] <= '9')
			brk[i] = LB_ALLOW;
		/* ICU's LB 20.09: a hyphen that may start a line keeps the
		 * letter after it. */
		if (cur == AL && prev == HY && last == HY &&
		    (hy == 0 || brk[hy] != LB_NONE))
			brk[i] = LB_NONE;
		if (cur == HY)
			hy = i;
		prev = last = cur;
	}
	numbers(s, n, brk);
	brk[0] = LB_NONE;
	brk[n] = LB_MUST;
	return 0;
}
