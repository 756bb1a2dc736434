/*
 * linebreak_ascii.c - line-break opportunities for text that is all
 * printable ASCII (and LF): the rules of UAX #14 as ICU's root line rules
 * have them, written out for the dozen line-break classes ASCII has, so
 * that the common case never enters ICU.  ICU's tables and code are cold
 * by the time a page is rendered (the parser has just streamed the page
 * through the caches), and its iterator costs tens of instructions a
 * character; this is one table look-up.  tests/test_fastpath.c checks it
 * against ICU on random text built from every class.  See linebreak.h.
 */
#include <stddef.h>

#include "linebreak.h"

/* The line-break classes of printable ASCII (LineBreak.txt). */
enum { AL, NU, SP, LF, QU, EX, OP, CL, CP, IS, SY, PR, PO, HY, BA, NCLS };

static const unsigned char cls_of[128] = {
	/* 0x00-0x1f: only LF is ever looked up. */
	['\n'] = LF,
	[' '] = SP, ['!'] = EX, ['"'] = QU, ['#'] = AL, ['$'] = PR,
	['%'] = PO, ['&'] = AL, ['\''] = QU, ['('] = OP, [')'] = CP,
	['*'] = AL, ['+'] = PR, [','] = IS, ['-'] = HY, ['.'] = IS,
	['/'] = SY, ['0'] = NU, ['1'] = NU, ['2'] = NU, ['3'] = NU,
	['4'] = NU, ['5'] = NU, ['6'] = NU, ['7'] = NU, ['8'] = NU,
	['9'] = NU, [':'] = IS, [';'] = IS, ['<'] = AL, ['='] = AL,
	['>'] = AL, ['?'] = EX, ['@'] = AL, ['['] = OP, ['\\'] = PR,
	[']'] = CP, ['^'] = AL, ['_'] = AL, ['`'] = AL, ['{'] = OP,
	['|'] = BA, ['}'] = CL, ['~'] = AL,
	/* Letters are AL: zero, the default. */
};

/* The pair table of UAX #14 (its "example pair table") for these classes,
 * without LB 25: D break, I break only after spaces, P never, even after
 * spaces.  LB 25 is ICU's regular expression for numbers, applied after
 * (numbers() below). */
enum { D, I, P };

static const unsigned char pair[NCLS][NCLS] = {
/*	   AL NU SP LF QU EX OP CL CP IS SY PR PO HY BA */
/* AL */ { I, I, P, P, I, P, I, P, P, P, P, I, I, I, I },
/* NU */ { I, D, P, P, I, P, I, P, P, P, P, D, D, I, I },
/* SP */ { D, D, P, P, D, P, D, P, P, P, P, D, D, D, D },
/* LF */ { D, D, P, P, D, P, D, P, P, P, P, D, D, D, D },
/* QU */ { I, I, P, P, I, P, P, P, P, P, P, I, I, I, I },
/* EX */ { D, D, P, P, I, P, D, P, P, P, P, D, D, I, I },
/* OP */ { P, P, P, P, P, P, P, P, P, P, P, P, P, P, P },
/* CL */ { D, D, P, P, I, P, D, P, P, P, P, D, D, I, I },
/* CP */ { I, I, P, P, I, P, D, P, P, P, P, D, D, I, I },
/* IS */ { I, D, P, P, I, P, D, P, P, P, P, D, D, I, I },
/* SY */ { D, D, P, P, I, P, D, P, P, P, P, D, D, I, I },
/* PR */ { I, D, P, P, I, P, D, P, P, P, P, D, D, I, I },
/* PO */ { I, D, P, P, I, P, D, P, P, P, P, D, D, I, I },
/* HY */ { D, D, P, P, I, P, D, P, P, P, P, D, D, I, I },
/* BA */ { D, D, P, P, I, P, D, P, P, P, P, D, D, I, I },
};

#define CLS(i) cls_of[(unsigned char)s[i]]

/* LB 25 as ICU has it: no break inside
 * (PR|PO)? (OP|HY)? IS? NU (NU|SY|IS)* (CL|CP)? (PR|PO)?
 * wherever it matches. */
static void
numbers(const char *s, size_t n, unsigned char *brk)
{
	size_t i = 0, a, b, k;
	int c;

	while (i < n) {
		if (CLS(i) != NU) {
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

int
linebreak_ascii_ok(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 && c != '\n') || c > 0x7e)
			return 0;
	}
	return 1;
}

void
linebreak_ascii(const char *s, size_t n, unsigned char *brk)
{
	size_t i;
	int prev, cur, a;

	for (i = 0; i <= n; i++)
		brk[i] = LB_NONE;
	if (n == 0)
		return;
	prev = CLS(0);
	for (i = 1; i < n; i++) {
		cur = CLS(i);
		if (prev == LF) {
			/* After a hard break the text starts again. */
			brk[i] = LB_MUST;
			prev = cur;
			continue;
		}
		/* Spaces never start a line (LB7); the class before them
		 * decides after them. */
		if (cur == SP)
			continue;
		a = pair[prev][cur];
		if (s[i - 1] == ' ')
			brk[i] = a == P ? LB_NONE : LB_ALLOW;
		else
			brk[i] = a == D ? LB_ALLOW : LB_NONE;
		/* LB 15c: a space may end a line before ".5". */
		if (cur == IS && prev != OP && s[i - 1] == ' ' && i + 1 < n &&
		    CLS(i + 1) == NU)
			brk[i] = LB_ALLOW;
		/* ICU's LB 20.09: a hyphen that may start a line keeps the
		 * letter after it. */
		if (cur == AL && prev == HY && s[i - 1] == '-' &&
		    (i == 1 || brk[i - 1] != LB_NONE))
			brk[i] = LB_NONE;
		prev = cur;
	}
	numbers(s, n, brk);
	brk[0] = LB_NONE;
	brk[n] = LB_MUST;
}
