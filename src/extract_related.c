/*
 * extract_related.c - related-story lists ("Related", "Most viewed",
 * "More from...", "original Korean article", in several languages) become
 * the article's related links with their label instead of body text.  A
 * block is recognised by its class/id or by a short label heading over a
 * list of links.  See extract.h.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "extract.h"
#include "url.h"
#include "util.h"

/* label texts (matched case-insensitively as substrings) */
static const char *const rel_label[] = {
    "related",
    "most viewed",
    "most read",
    "most popular",
    "more from",
    "more stories",
    "read more",
    "read next",
    "see also",
    "also read",
    "you may also like",
    "you might also like",
    "recommended",
    "trending",
    "top stories",
    "more news",
    "popular",
    "더 보기",
    "관련기사",
    "관련 기사",
    "많이 본",
    "인기기사",
    "lesen sie auch",
    "mehr zum thema",
    "auch interessant",
    "meistgelesen",
    "könnte sie auch interessieren",
    "weitere artikel",
    "à lire aussi",
    "a lire aussi",
    "lire aussi",
    "sur le même sujet",
    "les plus lus",
    "czytaj także",
    "czytaj też",
    "zobacz także",
    "najczęściej czytane",
    "te puede interesar",
    "lo más leído",
    "noticias relacionadas",
    "相关",
    "相關",
    "関連記事",
    "热门",
    "人気記事",
    "leggi anche",
    "weitere artikel",
    "weitere beiträge",
    "neueste artikel",
    "neueste beiträge",
    "aktuellste beiträge",
    "ähnliche artikel",
    "ähnliche beiträge",
    "das könnte sie auch",
    "latest news",
    "latest posts",
    "latest articles",
    "related posts",
    "more articles",
    "other articles",
    "autres articles",
    "articles similaires",
    "podobne artykuły",
    "artículos relacionados",
    "más noticias",
    "schon gelesen",
    "auch lesenswert",
    "empfehlungen",
    NULL,
};

/* The labels by first byte, so that each place of a text is compared
 * with the few labels that can start there (built once). */
static unsigned char first_n[256];
static unsigned short first_at[256][16];
static unsigned char label_len[128];
static int first_built, first_full;

static void
build_first(void)
{
	size_t i;
	unsigned char c;

	for (i = 0; rel_label[i]; i++) {
		if (i >= sizeof(label_len) || strlen(rel_label[i]) < 2 ||
		    strlen(rel_label[i]) > 255) {
			first_full = 1; /* any_in() uses strstr() */
			break;
		}
		label_len[i] = (unsigned char)strlen(rel_label[i]);
		c = (unsigned char)rel_label[i][0];
		if (first_n[c] < 16)
			first_at[c][first_n[c]++] = (unsigned short)i;
		else
			first_full = 1; /* too many: any_in() uses strstr() */
	}
	first_built = 1;
}

static int
any_in(const char *s, const char *const *w)
{
	size_t i, j, k;
	char low[512];

	if (s == NULL || *s == '\0')
		return 0;
	/* The labels are lowercase: fold s once and search it plainly. */
	for (i = 0; s[i] && i < sizeof(low) - 1; i++)
		low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	low[i] = '\0';
	if (!first_built)
		build_first();
	if (w == rel_label && s[i] == '\0' && !first_full) {
		for (j = 0; low[j]; j++) {
			unsigned char c = (unsigned char)low[j];

			for (k = 0; k < first_n[c]; k++) {
				size_t li = first_at[c][k];
				const char *l = rel_label[li];

				/* the second byte first: most places fail it */
				if (low[j + 1] == l[1] &&
				    strncmp(low + j, l, label_len[li]) == 0)
					return 1;
			}
		}
		return 0;
	}
	if (s[i] == '\0') {
		for (i = 0; w[i]; i++)
			if (strstr(low, w[i]))
				return 1;
		return 0;
	}
	for (i = 0; w[i]; i++)
		if (html_icontains(s, w[i]))
			return 1;
	return 0;
}

/* t in l (the first byte first: called for every element) */
static int
tag_in(const char *t, const char *const *l)
{
	size_t i;

	for (i = 0; l[i]; i++)
		if (t[0] == l[i][0] && strcmp(t, l[i]) == 0)
			return 1;
	return 0;
}

/* ASCII case folding, as html_lower_attr() does. */
static unsigned char
fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Does a class (its first 255 bytes, any case) hold "tit", "head" or
 * "label"?  In place, without a lowercased copy. */
static int
heading_class(const char *c)
{
	const unsigned char *u = (const unsigned char *)c;
	size_t n = strnlen(c, 255), i;

	for (i = 0; i + 3 <= n; i++) {
		switch (fold(u[i])) {
		case 't':
			if (fold(u[i + 1]) == 'i' && fold(u[i + 2]) == 't')
				return 1;
			break;
		case 'h':
			if (i + 4 <= n && fold(u[i + 1]) == 'e' &&
			    fold(u[i + 2]) == 'a' && fold(u[i + 3]) == 'd')
				return 1;
			break;
		case 'l':
			if (i + 5 <= n && fold(u[i + 1]) == 'a' &&
			    fold(u[i + 2]) == 'b' && fold(u[i + 3]) == 'e' &&
			    fold(u[i + 4]) == 'l')
				return 1;
			break;
		}
	}
	return 0;
}

static int
is_heading_like(const xmlNode *n)
{
	const char *t = html_name(n), *c;

	static const char *const head[] = {
	    "header", "strong", "b", "dt", "caption", "legend", NULL};
	static const char *const para[] = {"div", "span", "p", NULL};

	if ((t[0] == 'h' && t[1] >= '2' && t[1] <= '6' && t[2] == '\0') ||
	    tag_in(t, head))
		return 1;
	if (!tag_in(t, para))
		return 0;
	if ((c = html_attr(n, "class")) == NULL || *c == '\0')
		return 0;
	return heading_class(c);
}

/* A link's text, or the alt text of its image when it has none. */
static char *
link_text(const xmlNode *a)
{
	char *t = html_text_dup(a);
	xmlNode *c;

	if (t)
		return t;
	for (c = a->children; c; c = html_walk_next(c, a, 0))
		if (html_is(c, "img") && html_attr(c, "alt") &&
		    *html_attr(c, "alt"))
			return xstrdup(html_attr(c, "alt"));
	return NULL;
}

/* Links in the block; a and its text.  Returns how many were added. */
static int
harvest(struct extract_ctx *x, xmlNode *blk, const char *label)
{
	xmlNode *n;
	int k = 0;

	for (n = blk; n; n = html_walk_next(n, blk, 0)) {
		const char *href;
		char *t, *u;

		if (!html_is(n, "a"))
			continue;
		if ((href = html_attr(n, "href")) == NULL || href[0] == '#')
			continue;
		t = link_text(n);
		if (t == NULL || strlen(t) < 8) {
			free(t);
			continue;
		}
		if ((u = url_resolve(x->base, href)) != NULL) {
			if (doc_link_add(x->doc, t, u, LINK_RELATED, label) >=
			    0)
				k++;
			free(u);
		}
		free(t);
	}
	return k;
}

static int
linky(const xmlNode *n)
{
	const struct ex_stat *s = extract_stat(n);

	return s && s->chars > 0 && s->linkchars * 2 >= s->chars;
}

/* A short label naming the block, from its first heading-like child. */
static char *
block_label(const xmlNode *blk)
{
	xmlNode *n;
	char *t;

	for (n = blk->children; n; n = html_walk_next(n, blk, 0)) {
		if (n->type != XML_ELEMENT_NODE || html_is(n, "a"))
			continue;
		if (is_heading_like(n)) {
			t = html_text_dup(n);
			if (t && strlen(t) < 80)
				return t;
			free(t);
			return NULL;
		}
	}
	return NULL;
}

static xmlNode *
take(struct extract_ctx *x, xmlNode *blk, const char *label)
{
	return harvest(x, blk, label) > 0 ? blk : NULL;
}

xmlNode *
extract_related(struct extract_ctx *x, xmlNode *n)
{
	const struct ex_stat *s = extract_stat(n);
	char *label, *t;
	xmlNode *r = NULL, *sib;

	if (s == NULL || (s->chars == 0 && s->nimg == 0))
		return NULL;
	/* A single link to the original-language article. */
	if (html_is(n, "a")) {
		xmlNode *c;
		int hit;

		if (s->chars > 200)
			return NULL;
		/* cheap look first: each text node and image alt in place */
		hit = 0;
		for (c = n->children; c && !hit; c = html_walk_next(c, n, 0)) {
			const char *v = NULL;

			if (c->type == XML_TEXT_NODE)
				v = (const char *)c->content;
			else if (html_is(c, "img"))
				v = html_attr(c, "alt");
			/* "Original"/"original": plain strstr is fast */
			hit = v && (strstr(v, "riginal") != NULL ||
			               strstr(v, "원문") != NULL);
		}
		if (!hit)
			return NULL;
		t = link_text(n);
		if (t && (html_icontains(t, "original korean article") ||
		             html_icontains(t, "원문") ||
		             html_icontains(t, "original article")))
			r = take(x, n, "Original article");
		free(t);
		return r;
	}
	if (((s->cw | s->iw) & W_REL) && linky(n) && !html_is(n, "body") &&
	    !html_is(n, "article")) {
		label = block_label(n);
		r = take(x, n, label ? label : "Related");
		free(label);
		return r;
	}
	/* Labels are short: test the length before the tag and class. */
	if (s->chars > 60 || !is_heading_like(n))
		return NULL;
	t = html_text_dup(n);
	if (t == NULL || !any_in(t, rel_label)) {
		free(t);
		return NULL;
	}
	/* The label's parent when it is a list of links, else the list
	   right after the label. */
	if (n->parent && linky(n->parent) && !html_is(n->parent, "body") &&
	    extract_stat(n->parent)->chars < 4000)
		r = take(x, n->parent, t);
	else if ((sib = html_next_el(n)) != NULL && linky(sib))
		r = take(x, sib, t);
	free(t);
	return r;
}

int
extract_related_label(const char *text)
{
	return text && strlen(text) < 80 && any_in(text, rel_label);
}
