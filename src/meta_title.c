/*
 * meta_title.c - choose the headline between the declared titles
 * (og:title, JSON-LD...), the <title> and the page's visible <h1>s.
 * Pure string work; see meta.h.  meta_finish() (meta.c) calls it.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "meta.h"
#include "util.h"

/* Separators between a headline and what a site adds to it. */
static const char *const tsep[] = {
    " | ",
    " - ",
    " – ",
    " — ",
    " :: ",
    " » ",
    " « ",
    " · ",
    " / ",
    " : ",
    ": ",
    " • ",
    " › ",
    NULL,
};

void
meta_fold(const char *s, size_t n, char *out, size_t sz)
{
	size_t o = 0, i;

	for (i = 0; i < n && s[i] && o + 1 < sz; i++) {
		unsigned char c = (unsigned char)s[i];

		if (isalnum(c) || c >= 0x80)
			out[o++] = (char)tolower(c);
	}
	out[o] = '\0';
}

static size_t
count_words(const char *s)
{
	size_t w = 0;
	int in = 0;

	for (; *s; s++) {
		if (isspace((unsigned char)*s))
			in = 0;
		else if (!in) {
			in = 1;
			if (isalnum((unsigned char)*s) ||
			    (unsigned char)*s >= 0x80)
				w++;
		}
	}
	return w;
}

int
meta_same_text(const char *a, const char *b)
{
	return str_same_squashed(a, b, 0);
}

void
meta_host_label(const char *host, char *out, size_t n)
{
	const char *lab[8], *p;
	size_t nl = 0, k, len;

	out[0] = '\0';
	if (host == NULL || n == 0)
		return;
	lab[nl++] = host;
	for (p = host; *p && *p != ':' && *p != '/'; p++)
		if (*p == '.' && nl < 8)
			lab[nl++] = p + 1;
	/* aerobuzz.de -> aerobuzz; foren.myoos.de -> myoos; but a short
	   second-level label (co.uk, com.ar) is part of the suffix. */
	k = nl >= 2 ? nl - 2 : 0;
	if (k > 0 && (size_t)(lab[k + 1] - lab[k]) - 1 <= 3 && nl >= 3)
		k--;
	len = strcspn(lab[k], ".:/");
	meta_fold(lab[k], len, out, n);
}

/* Does the span name the site: its declared name, or its host's label
 * ("aerobuzz" of aerobuzz.de), alone or with a little more ("Harper's
 * Magazine", "evang.at")? */
static int
span_names_site(const char *s, size_t n, const char *site, const char *host)
{
	char a[512], b[512];

	meta_fold(s, n, a, sizeof(a));
	if (a[0] == '\0')
		return 0;
	if (site) {
		meta_fold(site, strlen(site), b, sizeof(b));
		if (b[0] && (strstr(a, b) || (strlen(a) >= 4 && strstr(b, a))))
			return 1;
	}
	if (host) {
		meta_host_label(host, b, sizeof(b));
		if (strlen(b) >= 4 && strstr(a, b))
			return 1;
	}
	return 0;
}

/* Is the span [a, b) of title free of the site's name, or empty? */
static int
rest_ok(const char *a, size_t n, const char *site, const char *host)
{
	return n == 0 || !span_names_site(a, n, site, host);
}

static int
site_or_empty(const char *a, size_t n, const char *site, const char *host)
{
	return n == 0 || span_names_site(a, n, site, host);
}

const char *
meta_title_h1_side(const char *title, const char *const *h1, size_t nh1,
    const char *site, const char *host, int other_not_site)
{
	char a[1024], b[1024];
	size_t starts[33], ends[33], ns = 0, ne = 0;
	size_t i, j, k, n, sl;
	const char *p;
	int one;

	if (title == NULL)
		return NULL;
	n = strlen(title);
	/* The <h1> is the whole title: nothing to strip. */
	meta_fold(title, n, a, sizeof(a));
	for (k = 0; k < nh1; k++) {
		meta_fold(h1[k] ? h1[k] : "", h1[k] ? strlen(h1[k]) : 0, b,
		    sizeof(b));
		if (b[0] && strcmp(a, b) == 0)
			return h1[k];
	}
	/* Where a segment may start or end: the ends and the separators. */
	starts[ns++] = 0;
	ends[ne++] = n;
	for (i = 0; tsep[i]; i++) {
		sl = strlen(tsep[i]);
		for (p = title;
		     (p = strstr(p, tsep[i])) != NULL && ns < 33 && ne < 33;
		     p++) {
			ends[ne++] = (size_t)(p - title);
			starts[ns++] = (size_t)(p - title) + sl;
		}
	}
	for (k = 0; k < nh1; k++) {
		/* A one-word <h1> is as often a logo or a section ("Lexikon",
		   "Mozilla" on Wikipedia) as the headline; nor is the site's
		   own name the headline. */
		if (h1[k] == NULL ||
		    span_names_site(h1[k], strlen(h1[k]), site, host))
			continue;
		one = count_words(h1[k]) < 2;
		meta_fold(h1[k], strlen(h1[k]), b, sizeof(b));
		if (b[0] == '\0')
			continue;
		for (i = 0; i < ns; i++)
			for (j = 0; j < ne; j++) {
				size_t s0 = starts[i], e0 = ends[j];

				if (e0 <= s0 || (s0 == 0 && e0 == n))
					continue;
				meta_fold(title + s0, e0 - s0, a, sizeof(a));
				if (strcmp(a, b) != 0)
					continue;
				/* With other_not_site, what is cut off must be
				   a label, a date or a tagline: not the site
				   (nor separator text alone). */
				/* A one-word <h1> only when what goes is
				   the site's name. */
				if (one &&
				    !(site_or_empty(title, s0, site, host) &&
				        site_or_empty(
				            title + e0, n - e0, site, host)))
					continue;
				if (!other_not_site ||
				    (rest_ok(
				         title, e0 > s0 ? s0 : 0, site, host) &&
				        rest_ok(
				            title + e0, n - e0, site, host)))
					return h1[k];
			}
	}
	return NULL;
}
