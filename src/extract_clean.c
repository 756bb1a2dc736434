/*
 * extract_clean.c - boilerplate removal.  extract_clean() runs once over
 * the whole page before scoring: scripts, hidden elements, navigation,
 * footers, unlikely class/id candidates, the byline line and the headline
 * (they are metadata, not body), and related-story blocks (moved to the
 * doc's links).  extract_tidy() cleans inside the chosen article the way
 * Readability's prepArticle does: share bars, forms, and containers whose
 * link density, image or list counts say they are not prose.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract.h"
#include "util.h"

static const char *const bad_roles[] = {
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
    NULL,
};
/* Tags that never hold article prose. */
static const char *const drop_tags[] = {
    "script",
    "style",
    "link",
    "meta",
    "template",
    "svg",
    "canvas",
    "button",
    "input",
    "select",
    "textarea",
    "iframe",
    "object",
    "embed",
    "dialog",
    "math",
    "head",
    "title",
    NULL,
};

static int
in_list(const char *s, const char *const *l)
{
	size_t i;

	for (i = 0; l[i]; i++)
		if (s[0] == l[i][0] && strcmp(s, l[i]) == 0)
			return 1;
	return 0;
}


/* Does the CSS at p start "prop : value" (any case, spaces allowed)? */
static int
css_is(const char *p, const char *prop, const char *value)
{
	size_t n = strlen(prop);

	if (strncasecmp(p, prop, n) != 0)
		return 0;
	for (p += n; *p == ' '; p++)
		;
	if (*p++ != ':')
		return 0;
	while (*p == ' ')
		p++;
	return strncasecmp(p, value, strlen(value)) == 0;
}

static int
has_ancestor(const xmlNode *n, const char *tag, int max)
{
	for (n = n->parent; n && max-- > 0; n = n->parent)
		if (html_is(n, tag))
			return 1;
	return 0;
}

int
extract_is_hidden(const xmlNode *n)
{
	const char *s = html_attr(n, "style"), *a;
	const char *p;

	if (html_attr(n, "hidden") != NULL)
		return 1;
	a = html_attr(n, "aria-hidden");
	if (a && strcmp(a, "true") == 0) {
		const char *c = html_attr(n, "class");

		/* Wikimedia keeps fallback images aria-hidden. */
		if (!(c && strstr(c, "fallback-image")))
			return 1;
	}
	if (s) {
		for (p = s; *p; p++) {
			/* most bytes start neither word */
			if ((*p | 0x20) != 'd' && (*p | 0x20) != 'v')
				continue;
			if (css_is(p, "display", "none") ||
			    css_is(p, "visibility", "hidden"))
				return 1;
		}
	}
	return 0;
}

static int
is_byline(const xmlNode *n, unsigned ms)
{
	const char *rel = html_attr(n, "rel"), *ip = html_attr(n, "itemprop");

	/* The hints first: the walk up to a form is the dear part. */
	if (!((rel && strcmp(rel, "author") == 0) ||
	        (ip && strstr(ip, "author")) || (ms & W_BYLINE)))
		return 0;
	/* comment forms label their "author" field: not a byline */
	if (html_is(n, "label") || html_is(n, "input") ||
	    has_ancestor(n, "form", 32))
		return 0;
	return 1;
}

/* Texts equal after folding case, spaces and punctuation, or one holds
 * most of the other (a headline with a kicker). */
static int
similar(const char *a, const char *b)
{
	char *x, *y;
	size_t i, j, la, lb;
	int r;

	if (a == NULL || b == NULL)
		return 0;
	x = strdup(a);
	y = strdup(b);
	if (x == NULL || y == NULL) {
		free(x);
		free(y);
		return 0;
	}
	for (i = j = 0; x[i]; i++)
		if (!isspace((unsigned char)x[i]) &&
		    !ispunct((unsigned char)x[i]))
			x[j++] = (char)tolower((unsigned char)x[i]);
	x[j] = '\0';
	for (i = j = 0; y[i]; i++)
		if (!isspace((unsigned char)y[i]) &&
		    !ispunct((unsigned char)y[i]))
			y[j++] = (char)tolower((unsigned char)y[i]);
	y[j] = '\0';
	la = strlen(x);
	lb = strlen(y);
	r = la > 0 && lb > 0 &&
	    (strcmp(x, y) == 0 || (la >= lb * 3 / 4 && strstr(x, y)) ||
	        (lb >= la * 3 / 4 && strstr(y, x)));
	free(x);
	free(y);
	return r;
}

/* A <noscript> is worth keeping when it holds an image no sibling
 * already shows, or real text. */
static int
noscript_keep(const xmlNode *n)
{
	const struct ex_stat *s = extract_stat(n);

	const xmlNode *c;

	if (s == NULL)
		return 0;
	/* Markup kept as text (a parser quirk) is never prose. */
	for (c = n->children; c; c = c->next)
		if (c->type == XML_TEXT_NODE && c->content &&
		    strchr((const char *)c->content, '<') &&
		    strchr((const char *)c->content, '>'))
			return 0;
	if (s->chars > 200)
		return 1;
	return s->nimg > 0 && s->chars < 20;
}

/* A <noscript> holding only the real image of a lazy <img> just before
 * it: give the lazy image that source (when it has none of its own) and
 * report the noscript as a duplicate. */
static int
noscript_dup_image(xmlNode *ns)
{
	xmlNode *img = NULL, *c, *prev;
	const char *src, *ps;

	for (c = ns->children; c; c = html_walk_next(c, ns, 0)) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!html_is(c, "img") || img != NULL)
			return 0;
		img = c;
	}
	if (img == NULL || (src = html_attr(img, "src")) == NULL)
		return 0;
	for (prev = ns->prev; prev && prev->type != XML_ELEMENT_NODE;
	     prev = prev->prev)
		;
	if (prev == NULL || !html_is(prev, "img"))
		return 0;
	ps = html_attr(prev, "src");
	if (html_attr(prev, "data-src") == NULL &&
	    html_attr(prev, "data-original") == NULL &&
	    (ps == NULL || *ps == '\0' || strncmp(ps, "data:", 5) == 0 ||
	        html_icontains(ps, "placeholder") ||
	        html_icontains(ps, "blank") || html_icontains(ps, "lazy")))
		xmlSetProp(prev, BAD_CAST "src", BAD_CAST src);
	return 1;
}

static void
drop_next(xmlNode **np, xmlNode *root)
{
	xmlNode *n = *np, *nx = html_walk_next(n, root, 1);

	extract_remove(n);
	*np = nx;
}

/* Drop n, but first move the related-story lists inside it (a sidebar's
 * "Most viewed") to the doc's links. */
static void
drop_harvest(struct extract_ctx *x, xmlNode **np, xmlNode *root)
{
	xmlNode *n = *np, *c, *blk;

	for (c = n->children; c;) {
		const struct ex_stat *cs = extract_stat(c);

		/* A byline inside a dropped header is still the byline. */
		if (x->byline_dom == NULL && cs && cs->chars > 0 &&
		    cs->chars < 100 && !html_is(c, "a") &&
		    is_byline(c, cs->cw | cs->iw)) {
			x->byline_dom = html_text_dup(c);
			c = html_walk_next(c, n, 1);
			continue;
		}
		if (c->type == XML_ELEMENT_NODE &&
		    (blk = extract_related(x, c)) != NULL) {
			/* blk is c, its parent (inside n) or its sibling:
			   skip past it; n's removal frees it all. */
			c = html_walk_next(blk, n, 1);
			continue;
		}
		c = html_walk_next(c, n, 0);
	}
	drop_next(np, root);
}

/* The recorded lead must not outlive a subtree we free. */
static void
forget_lead(struct extract_ctx *x, const xmlNode *gone)
{
	const xmlNode *a;

	for (a = x->lead; a; a = a->parent)
		if (a == gone) {
			x->lead = NULL;
			return;
		}
}

/* Only blocks about as long as the description can repeat it. */
static int
deck_len_near(struct extract_ctx *x, int chars)
{
	const char *d = doc_get(x->doc, DOC_DECK);
	size_t n = d ? strlen(d) : 0;

	return n > 0 && (size_t)chars * 3 >= n && (size_t)chars <= n * 2;
}

static int
got_deck_class(unsigned ms)
{
	return (ms & W_DECK) != 0;
}

static int
is_title_like(const xmlNode *n, const char *t, unsigned ms)
{
	(void)n;
	if (t[0] == 'h' && t[1] >= '1' && t[1] <= '4' && t[2] == '\0')
		return 1;
	return (ms & W_TITLE) != 0;
}

void
extract_clean(struct extract_ctx *x)
{
	xmlNode *root = xmlDocGetRootElement(x->html), *n;
	const char *title = doc_get(x->doc, DOC_TITLE);
	unsigned ms;
	int got_title = 0, got_deck = 0;
	const struct ex_stat *s;

	for (n = root; n;) {
		const char *t, *role;
		xmlNode *blk;

		if (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE) {
			drop_next(&n, root);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE) {
			n = html_walk_next(n, root, 0);
			continue;
		}
		t = html_name(n);
		s = extract_stat(n);
		if (n == root || html_tag_is(t, "body")) {
			n = html_walk_next(n, root, 0);
			continue;
		}
		if (in_list(t, drop_tags) || extract_is_hidden(n)) {
			drop_next(&n, root);
			continue;
		}
		if (html_tag_is(t, "noscript") &&
		    (!noscript_keep(n) || noscript_dup_image(n))) {
			drop_next(&n, root);
			continue;
		}
		if ((blk = extract_related(x, n)) != NULL) {
			xmlNode *nx = html_walk_next(blk, root, 1);

			forget_lead(x, blk);
			if (blk != n && blk->parent != NULL && blk != n->parent)
				extract_remove(n);
			extract_remove(blk);
			n = nx;
			continue;
		}
		/* Menus, footers and asides go, unless broken markup has
		   nested the page's prose inside one, or a template the
		   article's body (itemprop=articleBody). */
		if ((html_tag_is(t, "nav") || html_tag_is(t, "footer") ||
		        html_tag_is(t, "aside")) &&
		    !(s && s->chars > 2000 && extract_link_density(n) < 0.35) &&
		    !(s && s->artbody)) {
			drop_harvest(x, &n, root);
			continue;
		}
		role = html_attr(n, "role");
		if (role && *role) {
			char lr[32];
			size_t i;

			for (i = 0; role[i] && i < sizeof(lr) - 1; i++)
				lr[i] = (char)tolower((unsigned char)role[i]);
			lr[i] = '\0';
			if (!in_list(lr, bad_roles))
				role = NULL;
		} else
			role = NULL;
		if (role && !(s && s->artbody)) {
			drop_harvest(x, &n, root);
			continue;
		}
		s = extract_stat(n);
		ms = s ? s->cw | s->iw : 0;
		if (x->byline_dom == NULL && !html_tag_is(t, "a") &&
		    !html_tag_is(t, "body") && is_byline(n, ms) && s &&
		    s->chars > 0 && s->chars < 100) {
			x->byline_dom = html_text_dup(n);
			drop_next(&n, root);
			continue;
		}
		/* The headline is metadata, not body: the first heading or
		   "title" element that repeats it goes. */
		if (!got_title && s && s->chars < 400 &&
		    is_title_like(n, t, ms)) {
			char *ht = html_text_dup(n);

			if (html_tag_is(t, "h1") && x->title_dom == NULL)
				x->title_dom = xstrdup(ht);
			if (ht && similar(ht, title)) {
				got_title = 1;
				free(ht);
				drop_next(&n, root);
				continue;
			}
			free(ht);
		}
		/* So is the deck: a "subtitle"/"standfirst" element. */
		if (!got_deck && (ms & W_DECK) && !(ms & W_POS) && s &&
		    s->chars >= 20 && s->chars < 600 && s->np <= 1 &&
		    s->linkchars * 4 < s->chars) {
			char *dt = html_text_dup(n);

			got_deck = 1;
			if (dt) {
				doc_set(x->doc, DOC_DECK, dt, "subtitle");
				free(dt);
				drop_next(&n, root);
				continue;
			}
		}
		/* Comment sections, and small cookie, newsletter, ad and social
		   boxes, go even when retrying without the unlikely rule,
		   unless the name also says "article"/"content"/"main"
		   (comments only: or "post"). */
		if ((ms & W_JUNK) && !(ms & W_MAYBE) && s && s->chars < 1500 &&
		    !html_tag_is(t, "article")) {
			drop_harvest(x, &n, root);
			continue;
		}
		/* The author's biography box ("About the author") is not
		   the article, however long; a template's wrapper named
		   after it ("has-author-bio") holds more than a bio. */
		if ((ms & W_BIO) && s && s->chars < 4000 && !s->artbody &&
		    !html_tag_is(t, "article") && !html_tag_is(t, "main")) {
			drop_harvest(x, &n, root);
			continue;
		}
		if ((((x->flags & EX_STRIP_UNLIKELY) && (ms & W_UNLIKELY)) ||
		        ((ms & W_COMMENT) && !(ms & W_POS) &&
		            !html_tag_is(t, "article"))) &&
		    !(ms & W_MAYBE) && !html_tag_is(t, "a") &&
		    !has_ancestor(n, "table", 64) &&
		    !has_ancestor(n, "code", 64)) {
			if (ms & W_UNLIKELY)
				x->fired |= x->flags & EX_STRIP_UNLIKELY;
			drop_harvest(x, &n, root);
			continue;
		}
		/* The lead: a small block repeating the page's description
		   (kept for the body; extract_pick() puts it in front).
		   Only nodes that stay are recorded. */
		if (x->lead == NULL && s && s->chars >= 60 && s->chars < 1500 &&
		    deck_len_near(x, s->chars) && !got_deck_class(ms) &&
		    (html_tag_is(t, "p") || html_tag_is(t, "div") ||
		        (t[0] == 'h' && t[1] >= '2' && t[1] <= '6' &&
		            t[2] == '\0')) &&
		    s->linkchars * 5 < s->chars && doc_get(x->doc, DOC_DECK)) {
			char *lt = html_text_dup(n);
			const char *dk = doc_get(x->doc, DOC_DECK);

			if (lt && strlen(lt) >= 60 && strlen(dk) >= 60 &&
			    (strncmp(lt, dk, 60) == 0 || strstr(dk, lt)))
				x->lead = n;
			free(lt);
		}
		n = html_walk_next(n, root, 0);
	}
}
