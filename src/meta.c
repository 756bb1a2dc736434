/*
 * meta.c - read a page's metadata: <html lang>, <base>, <title>, <meta>
 * (OpenGraph, article:*, Dublin Core, Twitter, Parse.ly), <link
 * rel=canonical>, JSON-LD (meta_jsonld.c), microdata itemprops, <time>,
 * and visible date lines.  Priorities follow Readability where it has
 * one, so that pages read the same; every field keeps its source.
 */
#define _GNU_SOURCE /* strcasestr */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "extract.h"
#include "meta.h"
#include "meta_title.h"
#include "url.h"
#include "util.h"

#define META_MAX 256

struct kv {
	char key[64];
	const char *val; /* borrowed from the tree */
};

struct mset {
	struct kv v[META_MAX];
	size_t n;
};

/* Keep the first value of a key, or with last set the last (as
 * Readability reads <meta> tags). */
static void
put2(struct mset *m, const char *key, const char *val, int last)
{
	size_t i, j;
	char k[64];

	if (val == NULL || *val == '\0' || m->n >= META_MAX)
		return;
	for (i = j = 0; key[i] && j < sizeof(k) - 1; i++) {
		if (isspace((unsigned char)key[i]))
			continue;
		k[j++] =
		    key[i] == '.' ? ':' : (char)tolower((unsigned char)key[i]);
	}
	k[j] = '\0';
	for (i = 0; i < m->n; i++)
		if (m->v[i].key[0] == k[0] && strcmp(m->v[i].key, k) == 0) {
			if (last)
				m->v[i].val = val;
			return;
		}
	memcpy(m->v[m->n].key, k, j + 1);
	m->v[m->n++].val = val;
}

static void
put(struct mset *m, const char *key, const char *val)
{
	put2(m, key, val, 0);
}

static const char *
get(const struct mset *m, const char *key)
{
	size_t i;

	/* the first byte first: pick() asks for many keys */
	for (i = 0; i < m->n; i++)
		if (m->v[i].key[0] == key[0] && strcmp(m->v[i].key, key) == 0)
			return m->v[i].val;
	return NULL;
}

static int
is_http(const char *u)
{
	return strncasecmp(u, "http://", 7) == 0 ||
	       strncasecmp(u, "https://", 8) == 0;
}

/* An absolute http(s) address from u, "//host/path" taken as https; a
   new string, or NULL. */
static char *
site_url(const char *u)
{
	char *r;
	size_t n;

	if (u == NULL)
		return NULL;
	while (isspace((unsigned char)*u))
		u++;
	if (is_http(u))
		return xstrdup(u);
	if (u[0] != '/' || u[1] != '/' || u[2] == '/' || u[2] == '\0')
		return NULL;
	n = strlen(u) + 7;
	if ((r = malloc(n)) != NULL)
		snprintf(r, n, "https:%s", u);
	return r;
}

/* Set f from the first key present; source is the key. */
static int
pick(struct extract_ctx *x, const struct mset *m, enum doc_field_id f,
    const char *const *keys)
{
	size_t i;
	const char *v;

	if (doc_get(x->doc, f))
		return 1;
	for (i = 0; keys[i]; i++) {
		char *u;

		if ((v = get(m, keys[i])) == NULL)
			continue;
		u = meta_unescape(v);
		doc_set(x->doc, f, u, keys[i]);
		free(u);
		if (doc_get(x->doc, f))
			return 1;
	}
	return 0;
}

static int
pick_date(struct extract_ctx *x, const struct mset *m, enum doc_field_id f,
    const char *const *keys)
{
	size_t i;
	const char *v;
	char iso[40];

	if (doc_get(x->doc, f))
		return 1;
	for (i = 0; keys[i]; i++) {
		if ((v = get(m, keys[i])) == NULL ||
		    meta_date_iso(v, x->lang, iso, sizeof(iso)) == -1)
			continue;
		doc_set(x->doc, f, iso, keys[i]);
		return 1;
	}
	return 0;
}

static int
is_meta_class(const xmlNode *n)
{
	const struct ex_stat *s = extract_stat(n);

	return s && ((s->cw | s->iw) & W_META) && s->chars < 300;
}

/* "23.09.22" alone in an element classed as a date: day, month and a
 * two-digit year (20xx, or 19xx from 70), as German sites print it.
 * Only there: elsewhere such figures are as often a version or a score. */
static int
short_year(const char *s, char *iso, size_t n)
{
	unsigned d, mo, y;
	char tail;

	if (strlen(s) > 12 ||
	    sscanf(s, " %2u.%2u.%2u %c", &d, &mo, &y, &tail) != 3 || d < 1 ||
	    d > 31 || mo < 1 || mo > 12)
		return -1;
	/* exactly two digits for the year */
	{
		const char *p = strrchr(s, '.') + 1;
		size_t k = 0;

		while (isdigit((unsigned char)p[k]))
			k++;
		if (k != 2)
			return -1;
	}
	y += y >= 70 ? 1900 : 2000;
	snprintf(iso, n, "%u-%02u-%02u", y, mo, d);
	return 0;
}

static void
date_line(struct extract_ctx *x, struct mset *m, xmlNode *n)
{
	char *t, pub[40], mod[40];
	size_t len;

	if ((t = html_text_dup(n)) == NULL)
		return;
	len = strlen(t);
	if (len < 300 &&
	    meta_date_line(t, x->lang, pub, mod, sizeof(pub)) > 0) {
		if (*pub && !get(m, "visible:published"))
			put(m, "visible:published", xstrdup(pub));
		if (*mod && !get(m, "visible:modified"))
			put(m, "visible:modified", xstrdup(mod));
	}
	if (len < 100 && !get(m, "visible:date")) {
		char iso[40];

		if (meta_date_iso(t, x->lang, iso, sizeof(iso)) == 0 ||
		    short_year(t, iso, sizeof(iso)) == 0)
			put(m, "visible:date", xstrdup(iso));
	}
	free(t);
}

static const char *const k_title[] = {
    "dc:title",
    "dcterm:title",
    "og:title",
    "weibo:article:title",
    "weibo:webpage:title",
    "title",
    "twitter:title",
    "parsely-title",
    "itemprop:headline",
    NULL,
};
static const char *const k_byline[] = {
    "dc:creator",
    "dcterm:creator",
    "author",
    "parsely-author",
    "article:author",
    "itemprop:author",
    "sailthru:author",
    /* Less common, after the ones Readability reads. */
    "dcterms:creator",
    "og:article:author",
    "article:author_name",
    "article_author",
    "shareaholic:article_author_name",
    "cxenseparse:author",
    "byl",
    "citation_author",
    NULL,
};
static const char *const k_deck[] = {
    "dc:description",
    "dcterm:description",
    "og:description",
    "weibo:article:description",
    "weibo:webpage:description",
    "description",
    "twitter:description",
    NULL,
};
static const char *const k_site[] = {
    "og:site_name",
    NULL,
};
static const char *const k_pub[] = {
    "article:published_time",
    "parsely-pub-date",
    "itemprop:datepublished",
    "og:published_time",
    "article:published",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "date",
    "dc:date",
    "dc:date:issued",
    "dcterms:created",
    "dcterms:date",
    "sailthru:date",
    "article:created",
    "time:pubdate",
    "visible:published",
    "time:datetime",
    "data:date",
    "visible:date",
    "time:text",
    "url:date",
    "leaf:date",
    "script:date",
    NULL,
};
static const char *const k_mod[] = {
    "article:modified_time",
    "og:updated_time",
    "itemprop:datemodified",
    "dcterms:modified",
    "last-modified",
    "visible:modified",
    NULL,
};
static const char *const k_img[] = {
    "og:image",
    "og:image:url",
    "og:image:secure_url",
    "twitter:image",
    "twitter:image:src",
    "itemprop:image",
    NULL,
};
static const char *const k_canon[] = {
    "link:canonical",
    "og:url",
    NULL,
};
static const char *const k_lang[] = {
    "html:lang",
    "content-language",
    "dc:language",
    "og:locale",
    NULL,
};

static void
read_meta_tag(struct mset *m, const xmlNode *n)
{
	const char *c = html_attr(n, "content"), *p, *nm, *he;
	char key[64];
	size_t l;

	if (c == NULL)
		return;
	if ((p = html_attr(n, "property")) != NULL) {
		/* property may hold several space-separated names */
		while (*p) {
			while (*p == ' ')
				p++;
			l = strcspn(p, " ");
			if (l && l < sizeof(key)) {
				memcpy(key, p, l);
				key[l] = '\0';
				put2(m, key, c, 1);
			}
			p += l;
		}
	}
	if ((nm = html_attr(n, "name")) != NULL)
		put2(m, nm, c, 1);
	if ((he = html_attr(n, "http-equiv")) != NULL)
		put(m, he, c);
	if ((p = html_attr(n, "itemprop")) != NULL) {
		snprintf(key, sizeof(key), "itemprop:%s", p);
		put(m, key, c);
	}
}

static char *
dup_attr_text(const xmlNode *n)
{
	const char *v = html_attr(n, "content");

	if (v == NULL)
		v = html_attr(n, "datetime");
	return v ? xstrdup(v) : html_text_dup(n);
}

/* Microdata author: the itemprop=name inside, or the text. */
static char *
micro_author(const xmlNode *n)
{
	xmlNode *c;
	const char *ip;

	for (c = n->children; c; c = html_walk_next(c, n, 0)) {
		ip = html_attr(c, "itemprop");
		if (ip && strcmp(ip, "name") == 0)
			return dup_attr_text(c);
	}
	return dup_attr_text(n);
}

/* A publication date in a page's own script data (a JSON state object:
 * "published_at":"2019-03-02T06:22:28+01:00", "createdAt": ...), the
 * last resort when the page declares none.  ISO 8601 (new string) or
 * NULL. */
static char *
script_date(const char *js, const char *lang)
{
	static const char *const keys[] = {
	    "\"datePublished\"",
	    "\"published_at\"",
	    "\"publishedAt\"",
	    "\"publishDate\"",
	    "\"date_published\"",
	    "\"createdAt\"",
	    "\"created_at\"",
	    NULL,
	};
	static const char *const frag[] = {"ublish", "reated"};
	const char *p, *q, *at[sizeof(keys) / sizeof(keys[0])];
	char iso[40], val[40];
	size_t i, f, l, left = sizeof(keys) / sizeof(keys[0]) - 1;

	/* Scripts are long: rather than one strstr() per key, walk the
	   places of the parts the keys share ("ublish", "reated") and
	   note each key's first place (what strstr() would find). */
	memset(at, 0, sizeof(at));
	for (f = 0; f < sizeof(frag) / sizeof(frag[0]) && left; f++)
		for (q = strstr(js, frag[f]); q && left;
		     q = strstr(q + 1, frag[f]))
			for (i = 0; keys[i]; i++) {
				const char *k = strstr(keys[i], frag[f]);
				size_t o = k ? (size_t)(k - keys[i]) : 0;

				if (at[i] == NULL && k &&
				    (size_t)(q - js) >= o &&
				    strncmp(q - o, keys[i], strlen(keys[i])) ==
				        0) {
					at[i] = q - o;
					left--;
				}
			}
	/* a key with neither part: plain search */
	for (i = 0; keys[i]; i++)
		if (at[i] == NULL && strstr(keys[i], frag[0]) == NULL &&
		    strstr(keys[i], frag[1]) == NULL)
			at[i] = strstr(js, keys[i]);
	for (i = 0; keys[i]; i++) {
		if ((p = at[i]) == NULL)
			continue;
		p += strlen(keys[i]);
		while (*p == ' ' || *p == ':')
			p++;
		if (*p++ != '"')
			continue;
		l = strcspn(p, "\"");
		/* An ISO date, not a word or a number of seconds. */
		if (l < 10 || l >= sizeof(val) || !isdigit((unsigned char)*p))
			continue;
		memcpy(val, p, l);
		val[l] = '\0';
		if (meta_date_iso(val, lang, iso, sizeof(iso)) == 0)
			return xstrdup(iso);
	}
	return NULL;
}

/* Does the <title> hold s (spaces folded)? */
static int
title_has(const char *title, const char *s)
{
	char *t = xstrdup_squash(s);
	int r = t && *t && strstr(title, t) != NULL;

	free(t);
	return r;
}

/* Does a rel attribute hold the token "author"? */
static int
rel_author(const char *rel)
{
	size_t l;

	while (*rel) {
		while (*rel == ' ')
			rel++;
		l = strcspn(rel, " ");
		if (l == 6 && strncasecmp(rel, "author", 6) == 0)
			return 1;
		rel += l;
	}
	return 0;
}

/* The attributes meta_read() asks every element for, in one pass over
 * its attribute list (values as html_attr() gives them). */
struct el_attrs {
	const char *rel, *testid, *itemprop, *date;
};

static const char *
attr_value(const xmlAttr *a)
{
	if (a->children == NULL)
		return "";
	if (a->children->type == XML_TEXT_NODE && a->children->content)
		return (const char *)a->children->content;
	return "";
}

static void
el_attrs(const xmlNode *n, struct el_attrs *ea)
{
	const xmlAttr *a;
	const char *nm;

	memset(ea, 0, sizeof(*ea));
	for (a = n->properties; a; a = a->next) {
		if ((nm = (const char *)a->name) == NULL)
			continue;
		if (nm[0] == 'r' && ea->rel == NULL && strcmp(nm, "rel") == 0)
			ea->rel = attr_value(a);
		else if (nm[0] == 'i' && ea->itemprop == NULL &&
		         strcmp(nm, "itemprop") == 0)
			ea->itemprop = attr_value(a);
		else if (nm[0] == 'd' && ea->testid == NULL &&
		         strcmp(nm, "data-testid") == 0)
			ea->testid = attr_value(a);
		else if (nm[0] == 'd' && ea->date == NULL &&
		         strcmp(nm, "data-date") == 0)
			ea->date = attr_value(a);
	}
}

static int
byline_class(const xmlNode *n, const char *ti)
{
	const struct ex_stat *s = extract_stat(n);

	/* React sites name their parts in data-testid="...-byline" */
	if (ti && (strcasestr(ti, "byline") || strcasestr(ti, "author")))
		return 1;
	return s && ((s->cw | s->iw) & W_BYLINE);
}

/* Is s (a leaf's text) a field's label for the author: "Autor",
   "Author:", "Auteurs"...? */
static int
author_label(const char *s)
{
	static const char *const lab[] = {"author", "authors", "autor",
	    "autorin", "autoren", "auteur", "auteurs", "autore", "autori",
	    "verfasser", "verfasserin", "written by", "geschrieben von", NULL};
	char b[24];
	size_t i = 0, j;

	while (isspace((unsigned char)*s))
		s++;
	for (j = 0; s[j] && i + 1 < sizeof(b); j++)
		b[i++] = (char)tolower((unsigned char)s[j]);
	if (s[j])
		return 0;
	/* then a colon, blanks, no-break spaces (C2 A0) */
	while (i > 0 && (b[i - 1] == ':' || isspace((unsigned char)b[i - 1]) ||
	                    (i > 1 && (unsigned char)b[i - 2] == 0xc2 &&
	                        (unsigned char)b[i - 1] == 0xa0)))
		i -= (unsigned char)b[i - 1] == 0xa0 ? 2 : 1;
	b[i] = '\0';
	for (j = 0; lab[j]; j++)
		if (strcmp(b, lab[j]) == 0)
			return 1;
	return 0;
}

/* Can element n be an author field's label?  Not a menu's item or link,
   nor a table's cell ("Title | Author | Date" heads a list of posts; an
   infobox names a book's author), nor a form's control. */
static int
label_place(const xmlNode *n)
{
	static const char *const self[] = {
	    "li", "a", "option", "button", "label", "th", "td", NULL};
	static const char *const up[] = {
	    "table", "nav", "footer", "select", "menu", NULL};
	int d;
	size_t i;

	for (i = 0; self[i]; i++)
		if (html_is(n, self[i]))
			return 0;
	for (d = 0; n && n->type == XML_ELEMENT_NODE && d < 64;
	     n = n->parent, d++)
		for (i = 0; up[i]; i++)
			if (html_is(n, up[i]))
				return 0;
	return 1;
}

/* Does s read as a name or names: no digits, at most six words? */
static int
name_like(const char *s)
{
	size_t w = 0;
	int in = 0;

	for (; *s; s++) {
		if (isdigit((unsigned char)*s) || *s == '(' || *s == '@')
			return 0;
		if (*s == ' ')
			in = 0;
		else if (!in) {
			in = 1;
			w++;
		}
	}
	return w >= 1 && w <= 6;
}

/* The value of a labelled field: the next element, or the text right
   after the label ("<h4>Autor</h4><p>Nikolai Huke</p>",
   "<b>Author:</b> Jane Roe"), past blanks, a colon and <br>; a new string
   or NULL when it does not read as a name. */
static char *
label_value(const xmlNode *n)
{
	const xmlNode *c;
	char *v = NULL;

	for (c = n->next; c && v == NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE) {
			const unsigned char *p = c->content;

			while (p && (isspace(*p) || *p == ':' ||
			                (p[0] == 0xc2 && p[1] == 0xa0)))
				p += p[0] == 0xc2 ? 2 : 1;
			if (p && *p)
				v = xstrdup_squash((const char *)p);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE || html_is(c, "br"))
			continue;
		/* a list of names, a date, a table: not one field's text */
		if (html_is(c, "ul") || html_is(c, "ol") ||
		    html_is(c, "time") || html_is(c, "table") ||
		    html_is(c, "th") || html_is(c, "select"))
			return NULL;
		v = html_text_dup(c);
	}
	if (v && !name_like(v)) {
		free(v);
		v = NULL;
	}
	return v;
}

/* Does a class name the element as a headline: a word "title" or
   "headline", alone or ending a compound ("entry-title", "post_title"),
   and not the site's, a widget's or a subtitle? */
static int
title_class(const char *c)
{
	const char *p = c, *e;
	size_t n;

	while (*p) {
		while (isspace((unsigned char)*p))
			p++;
		for (e = p; *e && !isspace((unsigned char)*e); e++)
			;
		n = (size_t)(e - p);
		if ((n >= 5 && strncasecmp(e - 5, "title", 5) == 0 &&
		        (n == 5 || e[-6] == '-' || e[-6] == '_')) ||
		    (n >= 8 && strncasecmp(e - 8, "headline", 8) == 0 &&
		        (n == 8 || e[-9] == '-' || e[-9] == '_'))) {
			if (!(strncasecmp(p, "site", 4) == 0 ||
			        strncasecmp(p, "widget", 6) == 0 ||
			        strncasecmp(p, "sub", 3) == 0 ||
			        strncasecmp(p, "section", 7) == 0 ||
			        strncasecmp(p, "page", 4) == 0))
				return 1;
		}
		p = e;
	}
	return 0;
}

/* Inside a form or a comment list (whose authors are commenters)? */
static int
in_form(const xmlNode *n)
{
	int d;

	for (d = 0; n && d < 64; n = n->parent, d++) {
		const char *c;
		const struct ex_stat *s;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (html_is(n, "form"))
			return 1;
		/* A class or id holding "comment" has the comment word bit:
		   without it, neither can match. */
		if ((s = extract_stat(n)) != NULL &&
		    !((s->cw | s->iw) & W_COMMENT))
			continue;
		if (((c = html_attr(n, "class")) && strcasestr(c, "comment")) ||
		    ((c = html_attr(n, "id")) && strcasestr(c, "comment")))
			return 1;
	}
	return 0;
}

/* What meta_read() gathers while it goes through the page. */
struct mwalk {
	struct extract_ctx *x;
	struct mset *m;
	const char *base;
	char *owned[64];
	size_t nowned;
	char *title_tag;
	const char *ld[16]; /* JSON-LD scripts, read after <title> */
	const char *og[4];  /* every og:title, when a page has several */
	size_t nog;
	size_t nld;
	int have_leaf, have_ttext, have_data, have_sdate;
};

/* One node of the page, in document order.  Whatever this reads on an
 * element, meta_wants() (extract_stats.c) must mark that element for:
 * a new tag, attribute or class word here needs a test there too. */
static void
meta_el(struct mwalk *w, xmlNode *n)
{
	const char *v;
	size_t i;
	const char *t = html_name(n), *ip;
	struct el_attrs ea;

	if (*t == '\0')
		return;
	if (t[0] == 'm' && html_tag_is(t, "meta")) {
		const char *pr = html_attr(n, "property");

		read_meta_tag(w->m, n);
		if (pr && strcmp(pr, "og:title") == 0 && w->nog < 4 &&
		    html_attr(n, "content"))
			w->og[w->nog++] = html_attr(n, "content");
	} else if (t[0] == 't' && html_tag_is(t, "title") &&
	           w->title_tag == NULL &&
	           (n->parent == NULL || !html_is(n->parent, "svg")))
		w->title_tag = html_text_dup(n);
	else if (t[0] == 'h' && html_tag_is(t, "h1") &&
	         w->x->nh1 < sizeof(w->x->h1) / sizeof(w->x->h1[0])) {
		char *h = html_text_dup(n);

		if (h && *h && strlen(h) < 400) {
			w->x->h1where[w->x->nh1] = meta_title_h1_where(n);
			w->x->h1[w->x->nh1++] = h;
		} else
			free(h);
	} else if (t[0] == 'b' && html_tag_is(t, "base") &&
	           w->base == NULL)
		w->base = html_attr(n, "href");
	else if (t[0] == 'l' && html_tag_is(t, "link")) {
		const char *rel = html_attr(n, "rel");

		if (rel && strcasecmp(rel, "canonical") == 0)
			put(w->m, "link:canonical", html_attr(n, "href"));
	} else if (t[0] == 's' && html_tag_is(t, "script")) {
		const char *ty = html_attr(n, "type");

		if (ty && strcasecmp(ty, "application/ld+json") == 0 &&
		    n->children && n->children->content &&
		    w->nld < sizeof(w->ld) / sizeof(w->ld[0]))
			w->ld[w->nld++] = (const char *)n->children->content;
		else if (!w->have_sdate && n->children &&
		         n->children->content && w->nowned < 60) {
			char *sd = script_date(
			    (const char *)n->children->content,
			    w->x->lang);

			if (sd) {
				w->owned[w->nowned++] = sd;
				put(w->m, "script:date", sd);
				w->have_sdate = 1;
			}
		}
		return;
	}
	el_attrs(n, &ea);
	/* rel=author declares the author's link (not in a comment
	   form): its text is the name. */
	if (w->x->byline_rel == NULL && (v = ea.rel) && rel_author(v) &&
	    !in_form(n)) {
		char *a = html_text_dup(n);

		if (a && strlen(a) > 1 && strlen(a) < 80)
			w->x->byline_rel = a;
		else
			free(a);
	}
	/* A byline class anywhere in the page: a weak fallback. */
	if (w->x->nbyline_cls < 4 && !html_tag_is(t, "body") &&
	    !html_tag_is(t, "a") && byline_class(n, ea.testid) &&
	    !in_form(n)) {
		char *a = html_text_dup(n);

		if (a && strlen(a) > 2 && strlen(a) < 80)
			w->x->byline_cls[w->x->nbyline_cls++] = a;
		else
			free(a);
	}
	/* Leaves classed as a title: a page without an <h1> may show its
	   headline so ("<span class=title>"). */
	if (w->x->ntcls < 4 && n->children && n->children->next == NULL &&
	    n->children->type == XML_TEXT_NODE && (v = html_attr(n, "class")) &&
	    title_class(v)) {
		char *a = html_text_dup(n);

		if (a && strlen(a) > 2 && strlen(a) < 300)
			w->x->tcls[w->x->ntcls++] = a;
		else
			free(a);
	}
	/* A field labelled "Author" (a definition list, a meta column):
	   a weak fallback too. */
	if (w->x->nbyline_cls < 4 && n->children && n->children->next == NULL &&
	    n->children->type == XML_TEXT_NODE &&
	    author_label((const char *)n->children->content) &&
	    label_place(n) && !in_form(n)) {
		char *a = label_value(n);

		if (a && strlen(a) > 2 && strlen(a) < 80)
			w->x->byline_cls[w->x->nbyline_cls++] = a;
		else
			free(a);
	}
	if ((ip = ea.itemprop) != NULL && !html_tag_is(t, "meta") &&
	    w->nowned < 60) {
		char key[64], *val = NULL;

		snprintf(key, sizeof(key), "itemprop:%s", ip);
		for (i = 0; key[i]; i++)
			key[i] = (char)tolower((unsigned char)key[i]);
		if (get(w->m, key) == NULL) {
			if (strcmp(key, "itemprop:author") == 0)
				val = micro_author(n);
			else if (strncmp(key, "itemprop:date", 13) ==
			             0 ||
			         strcmp(key, "itemprop:headline") == 0)
				val = dup_attr_text(n);
			if (val) {
				w->owned[w->nowned++] = val;
				put(w->m, key, val);
			}
		}
	}
	/* data-date="18. März 2020" on a header element */
	if (!w->have_data && (v = ea.date) != NULL && strlen(v) < 64) {
		put(w->m, "data:date", v);
		w->have_data = 1;
	}
	if (t[0] == 't' && html_tag_is(t, "time") && w->nowned < 60 &&
	    (v = html_attr(n, "datetime")) != NULL) {
		if (html_attr(n, "pubdate"))
			put(w->m, "time:pubdate", v);
		put(w->m, "time:datetime", v);
	} else if (t[0] == 't' && html_tag_is(t, "time") &&
	           w->nowned < 60 && !w->have_ttext) {
		char *tt = html_text_dup(n);

		if (tt && strlen(tt) < 80) {
			w->owned[w->nowned++] = tt;
			put(w->m, "time:text", tt);
			w->have_ttext = 1;
		} else
			free(tt);
	}
	/* A leaf whose text is mostly a date ("<h3>21.01.2022</h3>"):
	   the last resort, the first one in the page. */
	if (w->nowned < 60 && !w->have_leaf && n->children &&
	    n->children->next == NULL &&
	    n->children->type == XML_TEXT_NODE &&
	    !html_tag_is(t, "script") && !html_tag_is(t, "style") &&
	    !html_tag_is(t, "option")) {
		char *lday = meta_date_leaf(
		    (const char *)n->children->content, w->x->lang);

		if (lday) {
			w->owned[w->nowned++] = lday;
			put(w->m, "leaf:date", lday);
			w->have_leaf = 1;
		}
	}
	if (w->nowned < 56 && is_meta_class(n)) {
		size_t before = w->m->n;

		date_line(w->x, w->m, n);
		for (i = before; i < w->m->n; i++)
			w->owned[w->nowned++] = (char *)w->m->v[i].val;
	}
}

int
meta_read(struct extract_ctx *x)
{
	xmlNode *root = xmlDocGetRootElement(x->html), *n;
	struct mset *m;
	struct mwalk w;
	const char *v, *base;
	char **owned = w.owned;
	size_t nowned, i;
	char *title_tag;
	const char **ld = w.ld, **og = w.og;
	size_t nog, nld;

	/* only m->n entries are ever read: no need to zero the rest */
	if ((m = malloc(sizeof(*m))) == NULL)
		return -1;
	m->n = 0;
	if ((v = html_attr(root, "lang")) != NULL)
		put(m, "html:lang", v);
	if ((v = html_attr(root, "dir")) != NULL)
		doc_set(x->doc, DOC_DIR, v, "html");
	memset(&w, 0, sizeof(w));
	w.x = x;
	w.m = m;
	if (x->ml_ok) {
		/* Only the elements the stats pass marked can give anything
		   (extract_stats.c): the same ones in the same order as a
		   walk of the whole page, without the walk. */
		for (i = 0; i < x->nml; i++) {
			xmlNode *e = x->ml[i].n;

			if (!x->ml[i].whole)
				meta_el(&w, e);
			else
				for (n = e; n; n = html_walk_next(n, e, 0))
					meta_el(&w, n);
		}
	} else
		for (n = root; n; n = html_walk_next(n, root, 0))
			meta_el(&w, n);
	base = w.base;
	nowned = w.nowned;
	title_tag = w.title_tag;
	nog = w.nog;
	nld = w.nld;
	x->title_tag = meta_clean_title(title_tag, NULL);
	x->title_raw = xstrdup_squash(title_tag);
	/* Several og:title tags (a theme's and a plugin's): the last one
	   counts, as Readability reads them, unless only an earlier one
	   is part of the <title>, which names this page. */
	if (nog > 1 && x->title_raw && !title_has(x->title_raw, og[nog - 1]))
		for (i = 0; i + 1 < nog; i++)
			if (title_has(x->title_raw, og[i])) {
				put2(m, "og:title", og[i], 1);
				break;
			}
	for (i = 0; i < nld; i++)
		meta_jsonld(x, ld[i], strlen(ld[i]));
	/* The page's address: where it was read from, else (a saved page, a
	   file, stdin) the canonical address it gives for itself.  Its host
	   names the site in titles and bylines; its path may hold the date;
	   relative links resolve against it. */
	{
		const char *u = doc_get(x->doc, DOC_URL);
		char *c = site_url(get(m, "link:canonical"));

		if (c == NULL)
			c = site_url(get(m, "og:url"));
		free(x->page_url);
		if (u == NULL || !is_http(u)) {
			x->page_url = c ? c : u ? xstrdup(u) : NULL;
			c = NULL;
		} else
			x->page_url = xstrdup(u);
		free(c);
	}
	/* A date in the page's URL path (/2023/09/15/, /2023-09-15-...) is
	   the last resort for the published date. */
	if (x->page_url && nowned < 64) {
		char *ud = url_date(x->page_url);

		if (ud) {
			owned[nowned++] = ud;
			put(m, "url:date", ud);
		}
	}
	/* Language first: dates use it to read 01/02/2023. */
	pick(x, m, DOC_LANG, k_lang);
	if (doc_get(x->doc, DOC_LANG)) {
		char *l = xstrdup(doc_get(x->doc, DOC_LANG));

		for (i = 0; l && l[i]; i++)
			if (l[i] == '_')
				l[i] = '-';
		if (l)
			doc_set(
			    x->doc, DOC_LANG, l, x->doc->meta[DOC_LANG].source);
		free(l);
	}
	x->lang = doc_get(x->doc, DOC_LANG);
	pick(x, m, DOC_TITLE, k_title);
	/* article:author is often a profile URL: not a name. */
	if (!doc_get(x->doc, DOC_BYLINE)) {
		for (i = 0; k_byline[i]; i++) {
			v = get(m, k_byline[i]);
			if (v && !url_has_scheme(v)) {
				char *u = meta_unescape(v);

				doc_set(x->doc, DOC_BYLINE, u, k_byline[i]);
				free(u);
				break;
			}
		}
	}
	pick(x, m, DOC_SITE_NAME, k_site);
	pick_date(x, m, DOC_PUBLISHED, k_pub);
	pick_date(x, m, DOC_MODIFIED, k_mod);
	pick(x, m, DOC_DECK, k_deck);
	pick(x, m, DOC_CANONICAL, k_canon);
	pick(x, m, DOC_LEAD_IMAGE, k_img);
	if (!doc_get(x->doc, DOC_TITLE) && title_tag) {
		char *t =
		    meta_clean_title(title_tag, doc_get(x->doc, DOC_SITE_NAME));

		doc_set(x->doc, DOC_TITLE, t, "title");
		free(t);
	}
	free(title_tag);
	/* <base href> over the page URL, itself resolved against it. */
	free(x->base);
	{
		/* A saved page links relative to the site it came from. */
		const char *u =
		    x->page_url ? x->page_url : doc_get(x->doc, DOC_URL);

		x->base = base ? url_resolve(u, base) : xstrdup(u);
		if (x->base == NULL)
			x->base = xstrdup(u);
	}
	if (x->base == NULL)
		x->base = xstrdup(doc_get(x->doc, DOC_URL));
	/* Relative canonical and image URLs become absolute. */
	{
		enum doc_field_id fs[2] = {DOC_CANONICAL, DOC_LEAD_IMAGE};

		for (i = 0; i < 2; i++) {
			const char *s = doc_get(x->doc, fs[i]);
			char *u;

			if (s && !url_has_scheme(s) &&
			    (u = url_resolve(x->base, s)) != NULL) {
				char *src = xstrdup(x->doc->meta[fs[i]].source);

				doc_set(x->doc, fs[i], u, src);
				free(src);
				free(u);
			}
		}
	}
	for (i = 0; i < nowned; i++)
		free(owned[i]);
	free(m);
	return 0;
}
