/*
 * extract_para.c - judge one built paragraph: what a reader never wants
 * as body text even inside the article container.  Ad labels
 * ("Advertisement"), date and "Updated" lines (they are metadata),
 * "Read more:" teasers, and paragraphs that are mostly link text.
 * No libxml2 here: it looks at the doc inline only, so tests call it.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "extract_para.h"
#include "meta.h"

static const char *const ad_labels[] = {
    "advertisement",
    "advert",
    "advertising",
    "ad",
    "ads",
    "anzeige",
    "werbung",
    "publicité",
    "publicite",
    "reklama",
    "sponsored",
    "sponsored content",
    "광고",
    "广告",
    "広告",
    "publicidad",
    "pubblicità",
    "story continues below advertisement",
    "continue reading below",
    "article continues below",
    NULL,
};

/* Teasers: a label, then a link to another story. */
static const char *const teasers[] = {
    "read more",
    "see more",
    "more:",
    "related:",
    "also read",
    "read also",
    "don't miss",
    "don’t miss",
    "must read",
    "see also",
    "watch:",
    "listen:",
    "click here",
    "lesen sie auch",
    "lesen sie mehr",
    "mehr zum thema",
    "auch interessant",
    "à lire aussi",
    "a lire aussi",
    "lire aussi",
    "czytaj także",
    "czytaj też",
    "zobacz też",
    "leer más",
    "lee también",
    "leggi anche",
    "관련기사",
    NULL,
};

static int
eq_label(const char *s, size_t n, const char *const *l)
{
	size_t i, k;

	/* ignore trailing punctuation and spaces */
	while (n && (ispunct((unsigned char)s[n - 1]) ||
	                isspace((unsigned char)s[n - 1])))
		n--;
	for (i = 0; l[i]; i++) {
		k = strlen(l[i]);
		if (k == n && strncasecmp(s, l[i], n) == 0)
			return 1;
	}
	return 0;
}

static int
starts_label(const char *s, const char *const *l)
{
	size_t i;

	/* the first byte first, as strncasecmp() folds it */
	for (i = 0; l[i]; i++)
		if (tolower((unsigned char)s[0]) ==
		        tolower((unsigned char)l[i][0]) &&
		    strncasecmp(s, l[i], strlen(l[i])) == 0)
			return 1;
	return 0;
}

double
extract_para_link_density(const struct doc_inline *in)
{
	size_t i, k = 0, last = 0;

	if (in->len == 0)
		return 0;
	/* Spans are in order of closing; count each byte once. */
	for (i = 0; i < in->nspans; i++) {
		const struct doc_span *s = &in->spans[i];
		size_t a = s->start > last ? s->start : last;

		if (s->type != SPAN_LINK || s->end <= a)
			continue;
		k += s->end - a;
		last = s->end;
	}
	return (double)k / in->len;
}

/* A line that is a date, or a labelled date ("Updated 5:27 am CST"). */
static int
date_line(const char *s, size_t n)
{
	struct meta_date d;
	const char *start, *end;
	char pub[40], mod[40];
	size_t i;
	int year = 0;

	if (n > 120)
		return 0;
	/* cheap filter: no "19xx"/"20xx" year, no date */
	for (i = 0; i + 4 <= n && !year; i++)
		year = (s[i] == '1' || s[i] == '2') &&
		       (s[i + 1] == '9' || s[i + 1] == '0') &&
		       isdigit((unsigned char)s[i + 2]) &&
		       isdigit((unsigned char)s[i + 3]);
	if (!year)
		return 0;
	if ((end = meta_date_find(s, NULL, &d, &start)) == NULL)
		return 0;
	if (meta_date_line(s, NULL, pub, mod, sizeof(pub)) > 0)
		return 1;
	/* the date is most of the line */
	return (size_t)(end - start) * 2 >= n;
}

/* "12 Kommentare", "No comments", "Leave a reply": comment counters. */
static int
comment_counter(const char *s, size_t n)
{
	static const char *const w[] = {
	    "comment",
	    "kommentar",
	    "commentaire",
	    "comentario",
	    "komentarz",
	    "leave a reply",
	    "reply",
	    "antworten",
	    NULL,
	};
	size_t i;

	/* only a counter: "12 comments", "No comments", "Leave a reply" */
	if (n > 60 ||
	    !(isdigit((unsigned char)s[0]) || strncasecmp(s, "no ", 3) == 0 ||
	        strncasecmp(s, "keine ", 6) == 0 ||
	        strncasecmp(s, "leave a ", 8) == 0 ||
	        strncasecmp(s, "aucun", 5) == 0))
		return 0;
	for (i = 0; w[i]; i++)
		if (strcasestr(s, w[i]))
			return 1;
	return 0;
}

/* "Foto: AP", "Titelbild: X/picture-alliance": an image credit line. */
static int
credit_line(const char *s, size_t n)
{
	static const char *const w[] = {
	    "foto:",
	    "fotos:",
	    "photo:",
	    "photos:",
	    "bild:",
	    "bilder:",
	    "titelbild:",
	    "beitragsbild",
	    "image:",
	    "images:",
	    "credit:",
	    "photo credit",
	    "bildquelle:",
	    "crédit photo",
	    "crédits photo",
	    "zdjęcie:",
	    "foto de portada",
	    NULL,
	};

	if (n > 150)
		return 0;
	return starts_label(s, w);
}

/* "Follow us on Twitter and Facebook": a social call to action. */
static int
social_line(const char *s, size_t n)
{
	return n < 300 &&
	       (strncasecmp(s, "follow ", 7) == 0 ||
	           strncasecmp(s, "folgen sie ", 11) == 0 ||
	           strncasecmp(s, "suivez", 6) == 0 ||
	           strncasecmp(s, "síguenos", 9) == 0) &&
	       (strcasestr(s, "twitter") || strcasestr(s, "facebook") ||
	           strcasestr(s, "instagram"));
}

int
extract_para_junk(const struct doc_inline *in)
{
	const char *s = in->text;
	size_t n = in->len;

	if (s == NULL || n == 0)
		return 1;
	if (n < 60 && eq_label(s, n, ad_labels))
		return 1;
	if (date_line(s, n) || comment_counter(s, n) || social_line(s, n) ||
	    credit_line(s, n))
		return 1;
	if (n < 300 && starts_label(s, teasers) &&
	    extract_para_link_density(in) > 0.3)
		return 1;
	if (n < 400 && extract_para_link_density(in) > 0.6)
		return 1;
	return 0;
}

int
extract_para_byline(const char *s, size_t n)
{
	static const char *const by[] = {
	    "By ",
	    "BY ",
	    "Written by ",
	    "Written by: ",
	    "Von ",
	    "VON ",
	    "Par ",
	    "PAR ",
	    "Por ",
	    "POR ",
	    "Door ",
	    "by ",
	    "von ",
	    "par ",
	    NULL,
	};
	size_t i, k;
	const char *g;

	if (s == NULL || n == 0 || n > 80)
		return 0;
	/* Korean: "홍길동 기자" (a name of 2-4 syllables, then "reporter"),
	   maybe with an e-mail address after it. */
	if ((g = strstr(s, " 기자")) != NULL && g - s >= 6 && g - s <= 12 &&
	    (unsigned char)s[0] >= 0xea && (unsigned char)s[0] <= 0xed &&
	    memchr(s, ' ', (size_t)(g - s)) == NULL)
		return 1;
	for (i = 0; by[i]; i++) {
		k = strlen(by[i]);
		/* "By" then a capitalised name, not "By the way". */
		if (n > k && strncmp(s, by[i], k) == 0 &&
		    (isupper((unsigned char)s[k]) ||
		        (unsigned char)s[k] >= 0xc3) &&
		    strncmp(s + k, "The ", 4) != 0)
			return 1;
	}
	return 0;
}

int
extract_para_contact(const struct doc_inline *in)
{
	const char *at;

	/* A short line around an e-mail address: a contact note. */
	if (in->len > 120 || (at = strchr(in->text, '@')) == NULL)
		return 0;
	return at > in->text && at[1] != '\0' && at[1] != ' ' &&
	       at[-1] != ' ' && strchr(at, '.') != NULL;
}
