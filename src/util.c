/*
 * util.c - string helpers for the core.  See util.h.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

char *
xstrdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

char *
xstrndup(const char *s, size_t n)
{
	char *p;

	if (s == NULL || (p = malloc(n + 1)) == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

char *
xstrdup_squash(const char *s)
{
	char *p, *q;
	int sp = 0;

	if (s == NULL || (p = malloc(strlen(s) + 1)) == NULL)
		return NULL;
	for (q = p; *s; s++) {
		/* U+00A0 (C2 A0) is folded too: pages use it as a space. */
		if ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0) {
			s++;
			sp = q != p;
		} else if (is_space((unsigned char)*s))
			sp = q != p;
		else {
			if (sp)
				*q++ = ' ';
			sp = 0;
			*q++ = *s;
		}
	}
	*q = '\0';
	return p;
}

int
str_empty(const char *s)
{
	if (s == NULL)
		return 1;
	for (; *s; s++)
		if (!is_space((unsigned char)*s))
			return 0;
	return 1;
}

int
str_same_squashed(const char *a, const char *b, int icase)
{
	char *x, *y;
	int r;

	if (a == NULL || b == NULL)
		return 0;
	x = xstrdup_squash(a);
	y = xstrdup_squash(b);
	r = x && y && (icase ? strcasecmp(x, y) : strcmp(x, y)) == 0;
	free(x);
	free(y);
	return r;
}
