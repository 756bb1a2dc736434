/*
 * meta_finish.c - settle the metadata once the article is known: the
 * headline between the declared titles, the <title> and the page's
 * <h1>s; the byline between meta tags, rel=author, byline elements, a
 * "By" line of the body and a dateline; a <time> inside the article.
 * meta_read() (meta.c) gathers what these choose from.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract.h"
#include "meta.h"
#include "meta_title.h"
#include "url.h"
#include "util.h"

/* Does s name the site itself (its declared name or its host)? */
static int
names_publisher(struct extract_ctx *x, const char *s)
{
	const char *site = doc_get(x->doc, DOC_SITE_NAME);
	const char *u = x->page_url, *p;
	char host[256] = "", a[256], b[256];
	size_t i, j;

	if (s == NULL)
		return 0;
	for (i = j = 0; s[i] && j < sizeof(a) - 1; i++)
		if (isalnum((unsigned char)s[i]))
			a[j++] = (char)tolower((unsigned char)s[i]);
	a[j] = '\0';
	if (site) {
		for (i = j = 0; site[i] && j < sizeof(b) - 1; i++)
			if (isalnum((unsigned char)site[i]))
				b[j++] = (char)tolower((unsigned char)site[i]);
		b[j] = '\0';
		if (b[0] && (strcmp(a, b) == 0 || strstr(a, b)))
			return 1;
	}
	if (u && (p = strstr(u, "://")) != NULL) {
		p += 3;
		if (strncmp(p, "www.", 4) == 0)
			p += 4;
		snprintf(host, sizeof(host), "%.*s", (int)strcspn(p, "./:"), p);
		for (i = j = 0; host[i] && j < sizeof(b) - 1; i++)
			if (isalnum((unsigned char)host[i]))
				b[j++] = (char)tolower((unsigned char)host[i]);
		b[j] = '\0';
		if (strlen(b) >= 4 && strstr(a, b))
			return 1;
	}
	return 0;
}

/* Lowercase letters and digits of s into out. */
static void
squeeze_an(const char *s, size_t n, char *out, size_t sz)
{
	size_t i, j;

	for (i = j = 0; i < n && s[i] && j < sz - 1; i++)
		if (isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)
			out[j++] = (char)tolower((unsigned char)s[i]);
	out[j] = '\0';
}

/* Is s the site's name and nothing more ("Investment Watch", "SAT.1
 * REGIONAL", "Disfunctions.de")? */
static int
only_names_site(struct extract_ctx *x, const char *s)
{
	const char *site = doc_get(x->doc, DOC_SITE_NAME);
	const char *u = x->page_url, *p;
	char a[256], b[256];
	size_t la;

	squeeze_an(s, strlen(s), a, sizeof(a));
	if ((la = strlen(a)) == 0)
		return 0;
	if (site) {
		squeeze_an(site, strlen(site), b, sizeof(b));
		if (b[0] && la <= strlen(b) + 4 && strstr(a, b))
			return 1;
	}
	if (u && (p = strstr(u, "://")) != NULL) {
		p += 3;
		if (strncmp(p, "www.", 4) == 0)
			p += 4;
		squeeze_an(p, strcspn(p, "./:"), b, sizeof(b));
		if (strlen(b) >= 4 && la <= strlen(b) + 4 && strstr(a, b))
			return 1;
		/* "Investment Watch" on investmentwatchblog.com */
		if (la >= 6 && strstr(b, a))
			return 1;
	}
	return 0;
}

/* The page's host ("www.aerobuzz.de") into host, or "". */
static void
page_host(struct extract_ctx *x, char *host, size_t n)
{
	const char *u = x->page_url, *p;

	host[0] = '\0';
	if (u && (p = strstr(u, "://")) != NULL) {
		const char *in;

		p += 3;
		/* An archived copy (web.archive.org/web/2008.../http://x/)
		   is the archived site's page. */
		if ((in = strstr(p, "/http://")) != NULL ||
		    (in = strstr(p, "/https://")) != NULL)
			p = strstr(in, "://") + 3;
		snprintf(host, n, "%.*s", (int)strcspn(p, "/:?#"), p);
	}
}

/* Take block 0 out of the body. */
static void
drop_first_block(struct doc_block *b)
{
	size_t i;

	doc_block_free(b->kids[0]);
	for (i = 1; i < b->nkids; i++)
		b->kids[i - 1] = b->kids[i];
	b->nkids--;
}

/* On a page without an <h1>, the heading the article opens with is its
   headline when it names what the <title> names: such pages (small sites,
   old blogs) title a post with an <h2>, and their <title> is the site's
   and the section's ("Feuerwehr Oldenburg - Ausbildung" over "Bootsdienst
   Ausbildung").  The heading leaves the body, as a headline does. */
static int
opening_heading(struct extract_ctx *x, const char *title, const char *site,
    const char *host)
{
	struct doc_block *b = x->doc->body, *h;

	if (x->nh1 > 0 || b == NULL || b->nkids == 0)
		return 0;
	h = b->kids[0];
	if (h->type != DOC_HEADING || h->in.text == NULL || h->in.len > 200 ||
	    !meta_title_labels_in(title, h->in.text, site, host))
		return 0;
	doc_set(x->doc, DOC_TITLE, h->in.text, "heading");
	drop_first_block(b);
	return 1;
}

static void
pick_title(struct extract_ctx *x)
{
	const char *cur, *src, *site = doc_get(x->doc, DOC_SITE_NAME), *h;
	const char *const *h1 = (const char *const *)x->h1, *const *hv = h1;
	size_t nhv = x->nh1;
	char host[256], *t;
	int from_tag;

	page_host(x, host, sizeof(host));
	/* Without an <h1>, the page's visible headline may be an element
	   classed as one: it stands in where a separator's side is
	   matched. */
	if (x->nh1 == 0) {
		hv = (const char *const *)x->tcls;
		nhv = x->ntcls;
	}
	/* A "title" that only names the site (the home page's og:title on
	   every article) is no headline: the page's <h1> is. */
	if (doc_get(x->doc, DOC_TITLE) &&
	    only_names_site(x, doc_get(x->doc, DOC_TITLE))) {
		const char *hd = x->title_dom;
		size_t i;

		/* the article's <h1>, else the page's first that is not the
		   site's logo */
		for (i = 0;
		     i < x->nh1 &&
		     (hd == NULL || names_publisher(x, hd) || strlen(hd) <= 10);
		     i++)
			hd = x->h1[i];
		if (hd && !names_publisher(x, hd) && strlen(hd) > 10)
			doc_set(x->doc, DOC_TITLE, hd, "h1");
	}
	if (!doc_get(x->doc, DOC_TITLE) && x->title_dom)
		doc_set(x->doc, DOC_TITLE, x->title_dom, "h1");
	if ((cur = doc_get(x->doc, DOC_TITLE)) == NULL)
		return;
	src = x->doc->meta[DOC_TITLE].source;
	from_tag = src && strcmp(src, "title") == 0;
	/* A declared title (og:title...) that only copies the <title> is
	   no more than the <title>: CMSs fill one from the other.  It loses
	   the site's name as the <title> does (not other text, as
	   meta_clean_title() would cut). */
	if (!from_tag && src && strcmp(src, "h1") != 0 && x->title_raw &&
	    (meta_same_text(cur, x->title_raw) ||
	        meta_title_plain_copy(cur, x->title_raw))) {
		doc_set(x->doc, DOC_TITLE, x->title_raw, "title");
		from_tag = 1;
	}
	if (from_tag) {
		/* The visible headline on one side of a separator of the
		   <title> wins; else the site's name goes from either end. */
		h = meta_title_h1_side(x->title_raw ? x->title_raw : cur, hv,
		    nhv, site, host[0] ? host : NULL, 0);
		if (h) {
			doc_set(x->doc, DOC_TITLE, h, "h1");
			return;
		}
		/* Else the article's own <h1>, when it words the same story
		   otherwise: such a <title> is written for search engines. */
		h = meta_title_story_h1(x->title_raw ? x->title_raw : cur, h1,
		    x->h1where, x->nh1, site, host[0] ? host : NULL);
		if (h) {
			doc_set(x->doc, DOC_TITLE, h, "h1");
			return;
		}
		if (opening_heading(x, doc_get(x->doc, DOC_TITLE), site,
		        host[0] ? host : NULL))
			return;
		t = meta_title_strip_site(doc_get(x->doc, DOC_TITLE), site,
		    host[0] ? host : NULL, NULL);
		if (t && strcmp(t, doc_get(x->doc, DOC_TITLE)) != 0)
			doc_set(x->doc, DOC_TITLE, t, "title");
		free(t);
		return;
	}
	/* A share-card title worded apart from the article's <h1> loses
	   when the page's JSON-LD WebPage names the <h1> word for word:
	   two witnesses against one. */
	if (src && strcmp(src, "h1") != 0 && x->page_name) {
		size_t i;

		for (i = 0; i < x->nh1; i++)
			if (!(x->h1where[i] & META_H1_ASIDE) &&
			    meta_same_text(x->h1[i], x->page_name) &&
			    !meta_same_text(x->h1[i], cur)) {
				doc_set(x->doc, DOC_TITLE, x->h1[i], "h1");
				return;
			}
	}
	/* A declared title stays as given (as Readability keeps it, site
	   name and all), unless what it adds to the visible headline is
	   not the site: a label ("Petition: "), a date, a tagline. */
	if (src && strcmp(src, "h1") != 0 &&
	    (h = meta_title_h1_side(
	         cur, hv, nhv, site, host[0] ? host : NULL, 1)) != NULL &&
	    !meta_same_text(h, cur))
		doc_set(x->doc, DOC_TITLE, h, "h1");
}

static void
finish_title(struct extract_ctx *x)
{
	const char *cur;
	struct doc_block *b = x->doc->body;
	size_t i;

	pick_title(x);
	/* A headline found only now (a page without <title>) may still
	   open the body: it is said once, as the title. */
	if ((cur = doc_get(x->doc, DOC_TITLE)) != NULL && b && b->nkids > 1 &&
	    b->kids[0]->type == DOC_HEADING && b->kids[0]->in.text &&
	    meta_same_text(b->kids[0]->in.text, cur))
		drop_first_block(b);
	/* The headline as the page shows it, when a meta tag gave the same
	   words with its quotes and dashes made plain. */
	if ((cur = doc_get(x->doc, DOC_TITLE)) == NULL)
		return;
	for (i = 0; i < x->nh1; i++)
		if (!(x->h1where[i] & META_H1_ASIDE) &&
		    meta_title_typo_form(cur, x->h1[i])) {
			doc_set(x->doc, DOC_TITLE, x->h1[i], "h1");
			return;
		}
}

void
meta_finish(struct extract_ctx *x)
{
	char *b, *t;

	/* A byline element outranks a "By ..." line of the body, and a
	   "byline" that only names the site (the publisher). */
	if (x->byline_dom &&
	    (!doc_get(x->doc, DOC_BYLINE) ||
	        (strcmp(x->doc->meta[DOC_BYLINE].source, "body") == 0 &&
	            !meta_is_handle(x->byline_dom)) ||
	        names_publisher(x, doc_get(x->doc, DOC_BYLINE)))) {
		if ((b = meta_clean_byline(x->byline_dom)) != NULL)
			doc_set(x->doc, DOC_BYLINE, b, "byline-element");
		free(b);
	}
	/* rel=author names the author on purpose: it outranks a byline
	   guessed from class names, a "By" line of the body and one that
	   only names the publisher. */
	if (x->byline_rel) {
		const char *cur = doc_get(x->doc, DOC_BYLINE);
		const char *src = x->doc->meta[DOC_BYLINE].source;

		if (cur == NULL || strcmp(src, "body") == 0 ||
		    strcmp(src, "byline-element") == 0 ||
		    names_publisher(x, cur)) {
			b = meta_clean_byline(x->byline_rel);
			if (b && !url_has_scheme(b))
				doc_set(x->doc, DOC_BYLINE, b, "rel-author");
			free(b);
		}
	}
	/* No byline, or only the publisher's name: a "By" line of the
	   body, else a byline class anywhere in the page. */
	if (!doc_get(x->doc, DOC_BYLINE) ||
	    names_publisher(x, doc_get(x->doc, DOC_BYLINE))) {
		const char *alt[6] = {x->byline_body};
		size_t i, na = 1;

		for (i = 0; i < x->nbyline_cls; i++)
			alt[na++] = x->byline_cls[i];
		alt[na++] = x->byline_agency;
		for (i = 0; i < na; i++) {
			if (alt[i] == NULL ||
			    (b = meta_clean_byline(alt[i])) == NULL)
				continue;
			if (!names_publisher(x, b) && !url_has_scheme(b)) {
				doc_set(x->doc, DOC_BYLINE, b,
				    i == 0        ? "body"
				    : i == na - 1 ? "dateline"
				                  : "byline-class");
				free(b);
				break;
			}
			free(b);
		}
	}
	if (doc_get(x->doc, DOC_BYLINE)) {
		b = meta_clean_byline(doc_get(x->doc, DOC_BYLINE));
		/* "Rob Picheta, CNN": the publisher after a comma goes. */
		if (b && (t = strrchr(b, ',')) != NULL && t > b &&
		    names_publisher(x, t + 1))
			*t = '\0';
		t = xstrdup(x->doc->meta[DOC_BYLINE].source);
		doc_set(x->doc, DOC_BYLINE, b, t);
		free(b);
		free(t);
	}
	finish_title(x);
}

/* Weak date sources (the first <time> of the page, a date-looking leaf)
 * give way to a <time datetime> inside the article itself. */
void
meta_article_time(struct extract_ctx *x, xmlNode *art)
{
	static const char *const weak[] = {
	    "time:datetime",
	    "time:text",
	    "visible:date",
	    "leaf:date",
	    "url:date",
	    "script:date",
	    NULL,
	};
	const char *src = x->doc->meta[DOC_PUBLISHED].source, *v;
	xmlNode *n;
	char iso[40];
	size_t i;

	if (doc_get(x->doc, DOC_PUBLISHED) != NULL) {
		for (i = 0; weak[i]; i++)
			if (src && strcmp(src, weak[i]) == 0)
				break;
		if (weak[i] == NULL)
			return;
	}
	for (n = art; n; n = html_walk_next(n, art, 0)) {
		if (!html_is(n, "time") ||
		    (v = html_attr(n, "datetime")) == NULL ||
		    meta_date_iso(v, x->lang, iso, sizeof(iso)) == -1)
			continue;
		doc_set(x->doc, DOC_PUBLISHED, iso, "time:article");
		return;
	}
}
