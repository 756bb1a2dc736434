/*
 * meta_title.c - choose the headline between the declared titles
 * (og:title, JSON-LD...), the <title> and the page's visible <h1>s.
 * String work, plus one look at each <h1>'s ancestors while meta.c reads
 * the page; see meta.h and meta_title.h.  meta_finish() calls it.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html.h"
#include "meta.h"
#include "meta_title.h"
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

/* How many words s[0, n) has. */
static size_t
words_n(const char *s, size_t n)
{
	size_t w = 0, i;
	int in = 0;

	for (i = 0; i < n && s[i]; i++) {
		if (isspace((unsigned char)s[i]))
			in = 0;
		else if (!in) {
			in = 1;
			if (isalnum((unsigned char)s[i]) ||
			    (unsigned char)s[i] >= 0x80)
				w++;
		}
	}
	return w;
}

static size_t
count_words(const char *s)
{
	return words_n(s, strlen(s));
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

/* Separators between a headline and a site's or section's label (as
   Readability.js splits a <title>: not ": ", which also joins a kicker
   to its headline, "'Pure Leere': Kramer verpasst Peking"). */
static const char *const hsep[] = {
    " | ",
    " - ",
    " – ",
    " — ",
    " / ",
    " » ",
    " « ",
    " › ",
    " · ",
    " • ",
    " :: ",
    NULL,
};

unsigned
meta_title_h1_where(const struct _xmlNode *h1)
{
	const xmlNode *n = h1;
	const char *c = html_attr(n, "class"), *ip;
	unsigned w = 0;
	int d;

	/* The article's headline is marked as such: inside the <article>,
	   as schema.org's headline, or by a "title" class; a page's logo or
	   a teaser's <h1> sits in navigation, a sidebar or the footer. */
	if (c && (html_icontains(c, "title") || html_icontains(c, "headline")))
		w |= META_H1_STORY;
	for (d = 0; n && n->type == XML_ELEMENT_NODE && d < HTML_MAX_DEPTH;
	     n = n->parent, d++) {
		const char *t = html_name(n);

		if ((ip = html_attr(n, "itemprop")) != NULL &&
		    strstr(ip, "headline") != NULL)
			w |= META_H1_STORY;
		if (html_tag_is(t, "article"))
			w |= META_H1_STORY;
		else if (html_tag_is(t, "nav") || html_tag_is(t, "aside") ||
		         html_tag_is(t, "footer"))
			w |= META_H1_ASIDE;
	}
	return w;
}

/* Length of the word (letters, digits, UTF-8 bytes) at s. */
static size_t
word_len(const char *s)
{
	size_t n = 0;

	while (isalnum((unsigned char)s[n]) || (unsigned char)s[n] >= 0x80)
		n++;
	return n;
}

/* Is the word p[0, n) also a word of s[0, end) (ASCII case folded)? */
static int
has_word(const char *s, const char *end, const char *p, size_t n)
{
	size_t m;

	for (; s < end && *s; s += m ? m : 1) {
		m = word_len(s);
		if (m == n && strncasecmp(s, p, n) == 0)
			return 1;
	}
	return 0;
}

/* How many distinct words of four bytes or more of a are words of b?
   Short words ("in", "der", "the") say nothing about the story. */
static size_t
shared_words(const char *a, const char *b)
{
	const char *p, *be = b + strlen(b);
	size_t n, k = 0;

	for (p = a; *p; p += n ? n : 1) {
		n = word_len(p);
		/* each word once: "Brexit ... Brexit" counts one */
		if (n >= 4 && has_word(b, be, p, n) && !has_word(a, p, p, n))
			k++;
	}
	return k;
}


/* Does s[0, n) read as a headline, not a name: three words or more, one
   of them in lower case ("Storm hits coast", not "Fire Brigade
   Oldtown")? */
static int
headline_like(const char *s, size_t n)
{
	size_t i;
	int lower = 0;

	for (i = 0; i < n; i++)
		if ((i == 0 || s[i - 1] == ' ') && islower((unsigned char)s[i]))
			lower = 1;
	return lower && words_n(s, n) >= 3;
}

/* Are all the words of s[0, n) words of h, and four bytes or more? */
static int
words_in(const char *s, size_t n, const char *h)
{
	const char *p = s, *he = h + strlen(h);
	size_t m, tot = 0;

	while (p < s + n) {
		m = word_len(p);
		if (m > (size_t)(s + n - p))
			m = (size_t)(s + n - p);
		if (m == 0) {
			p++;
			continue;
		}
		if (!has_word(h, he, p, m))
			return 0;
		tot += m;
		p += m;
	}
	return tot >= 4;
}

static void fold_typo(
    const char *s, size_t n, char *out, size_t sz, size_t *typo);

/* Is one side of a label separator in h the whole of t, punctuation,
   quotes and dashes aside? */
static int
side_is(const char *h, const char *t)
{
	char a[1024], b[1024];
	const char *p;
	size_t i, sl, ty;

	fold_typo(t, strlen(t), b, sizeof(b), &ty);
	if (b[0] == '\0')
		return 0;
	for (i = 0; hsep[i]; i++) {
		sl = strlen(hsep[i]);
		for (p = h; (p = strstr(p, hsep[i])) != NULL; p++) {
			fold_typo(h, (size_t)(p - h), a, sizeof(a), &ty);
			if (strcmp(a, b) == 0)
				return 1;
			fold_typo(p + sl, strlen(p + sl), a, sizeof(a), &ty);
			if (strcmp(a, b) == 0)
				return 1;
		}
	}
	return 0;
}

int
meta_title_labels_in(
    const char *title, const char *h, const char *site, const char *host)
{
	size_t cut[34], nc = 0, i, j, k, n, sl, s0, e0;
	const char *p;
	int hit = 0;

	if (title == NULL || h == NULL)
		return 0;
	n = strlen(title);
	/* the parts: from the start or a separator's end to the next
	   separator or the end */
	cut[nc++] = 0;
	for (i = 0; hsep[i]; i++) {
		sl = strlen(hsep[i]);
		for (p = title; (p = strstr(p, hsep[i])) != NULL && nc < 32;
		     p += sl) {
			cut[nc++] = (size_t)(p - title);
			cut[nc++] = (size_t)(p - title) + sl;
		}
	}
	if (nc == 1)
		return 0;
	cut[nc++] = n;
	/* in order: separators of several kinds interleave */
	for (i = 1; i < nc; i++)
		for (j = i; j > 0 && cut[j - 1] > cut[j]; j--) {
			k = cut[j];
			cut[j] = cut[j - 1];
			cut[j - 1] = k;
		}
	for (i = 0; i + 1 < nc; i += 2) {
		s0 = cut[i];
		e0 = cut[i + 1];
		if (e0 <= s0)
			continue;
		if (words_in(title + s0, e0 - s0, h) &&
		    !span_names_site(title + s0, e0 - s0, site, host))
			hit = 1;
		else if (headline_like(title + s0, e0 - s0))
			return 0;
	}
	return hit;
}

const char *
meta_title_story_h1(const char *title, const char *const *h1,
    const unsigned char *where, size_t nh1, const char *site, const char *host)
{
	const char *h = NULL;
	char *bare;
	size_t k;
	int label;

	if (title == NULL || h1 == NULL || where == NULL)
		return NULL;
	/* The page's own headline in the article says what the reader
	   sees; a <title> (or an og:title that only copies it) is often
	   reworded for search results and share cards ("Brexit: Nervenkrieg
	   geht in nächste Runde" over "Der Nervenkrieg um den Brexit geht in
	   die nächste Runde"), or keeps the plain quotes and dashes the
	   page's headline sets typographically.  Two words in common say the
	   two name the same story (not a "Lorem ipsum" test heading, nor a
	   teaser that happens to share one). */
	for (k = 0; k < nh1 && h == NULL; k++) {
		if (h1[k] == NULL || !(where[k] & META_H1_STORY) ||
		    (where[k] & META_H1_ASIDE) || count_words(h1[k]) < 2 ||
		    span_names_site(h1[k], strlen(h1[k]), site, host) ||
		    shared_words(h1[k], title) < 2)
			continue;
		h = h1[k];
	}
	if (h == NULL)
		return NULL;
	/* "Local News | Headline": the <title> is the headline and the
	   <h1> adds its section's label. */
	bare = meta_title_strip_site(title, site, host, NULL);
	label = side_is(h, title) || (bare && side_is(h, bare));
	free(bare);
	return label ? NULL : h;
}

/* Length of the typographic dash or quote at s (UTF-8), else 0:
   U+2010-U+2015 dashes, U+2018-U+201F quotes, U+2039/U+203A and the
   guillemets U+00AB/U+00BB.  (Not the ellipsis: "..." and "…" are
   different text to a reader as much as to a scorer.) */
static size_t
typo_len(const unsigned char *s)
{
	if (s[0] == 0xe2 && s[1] == 0x80 &&
	    ((s[2] >= 0x90 && s[2] <= 0x95) || (s[2] >= 0x98 && s[2] <= 0x9f) ||
	        s[2] == 0xb9 || s[2] == 0xba))
		return 3;
	if (s[0] == 0xc2 && (s[1] == 0xab || s[1] == 0xbb))
		return 2;
	return 0;
}

/* Letters and digits of s[0, n) (other UTF-8 kept), without ASCII
   punctuation or typographic dashes and quotes, ASCII lowercased; *typo
   counts the typographic marks. */
static void
fold_typo(const char *s, size_t n, char *out, size_t sz, size_t *typo)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, o = 0, l;

	*typo = 0;
	while (i < n && p[i] && o + 1 < sz) {
		if ((l = typo_len(p + i)) != 0) {
			(*typo)++;
			i += l;
		} else if (isalnum(p[i]) || p[i] >= 0x80)
			out[o++] = (char)tolower(p[i++]);
		else
			i++;
	}
	out[o] = '\0';
}

int
meta_title_typo_form(const char *title, const char *h1)
{
	char a[1024], b[1024];
	size_t ta, tb;

	if (title == NULL || h1 == NULL)
		return 0;
	fold_typo(title, strlen(title), a, sizeof(a), &ta);
	fold_typo(h1, strlen(h1), b, sizeof(b), &tb);
	return a[0] != '\0' && tb > ta && strcmp(a, b) == 0;
}

int
meta_title_plain_copy(const char *decl, const char *title)
{
	char a[1024], b[1024];
	size_t td, tt, i, n, sl;
	const char *p;

	if (decl == NULL || title == NULL)
		return 0;
	fold_typo(decl, strlen(decl), a, sizeof(a), &td);
	if (a[0] == '\0')
		return 0;
	/* A share-card title (og:title) that a plugin filled from the
	   <title>, quotes and dashes made plain ("Januar - Mai" for
	   "Januar – Mai"): the <title> keeps the page's own spelling. */
	n = strlen(title);
	fold_typo(title, n, b, sizeof(b), &tt);
	if (strcmp(a, b) == 0)
		return tt > td;
	for (i = 0; hsep[i]; i++) {
		sl = strlen(hsep[i]);
		for (p = title; (p = strstr(p, hsep[i])) != NULL; p++) {
			fold_typo(
			    title, (size_t)(p - title), b, sizeof(b), &tt);
			if (strcmp(a, b) == 0)
				return tt > td;
			fold_typo(p + sl, n - (size_t)(p - title) - sl, b,
			    sizeof(b), &tt);
			if (strcmp(a, b) == 0)
				return tt > td;
		}
	}
	return 0;
}
