/*
 * extract_build.c - turn the cleaned article subtree into struct doc
 * blocks: paragraphs (also from text split by <br><br>), headings, quotes,
 * lists, preformatted text, figures (lazy image sources, caption once),
 * data tables, rules; inline emphasis, code, <q> and links as spans with
 * absolute URLs.  One pass over the subtree.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract.h"
#include "extract_para.h"
#include "meta.h"
#include "url.h"
#include "util.h"

struct bctx {
	struct extract_ctx *x;
	size_t para_links; /* doc->nlinks when the paragraph opened */
	struct doc_block *para; /* open paragraph, or NULL */
	struct doc_block *para_parent;
	struct doc_block *last_fig; /* figure a caption may follow */
	int depth;
	int paras; /* paragraphs flushed so far */
};

static void walk_kids(struct bctx *b, xmlNode *n, struct doc_block *parent);


/* Drop the links added since doc->nlinks was n. */
static void
links_truncate(struct doc *d, size_t n)
{
	while (d->nlinks > n) {
		struct doc_link *l = &d->links[--d->nlinks];

		free(l->text);
		free(l->url);
		free(l->group);
	}
}

static void
flush(struct bctx *b)
{
	struct doc_block *p = b->para;

	if (p == NULL)
		return;
	b->para = NULL;
	doc_inline_squash(&p->in);
	if (p->type == DOC_PARAGRAPH &&
	    extract_para_byline(p->in.text, p->in.len)) {
		/* A byline line is metadata; keep it when none was found. */
		if (doc_get(b->x->doc, DOC_BYLINE) == NULL) {
			char *by = meta_clean_byline(p->in.text);

			doc_set(b->x->doc, DOC_BYLINE, by, "body");
			free(by);
		} else if (b->x->byline_body == NULL)
			b->x->byline_body = xstrndup(p->in.text, p->in.len);
		p->in.len = 0;
	}
	/* A news agency's dateline opens the first paragraph: "Hamburg
	   (dpa/lno) - ...".  The agency is the byline when none is found. */
	if (p->type == DOC_PARAGRAPH && p->in.len > 0 && b->paras++ < 3 &&
	    b->x->byline_agency == NULL)
		b->x->byline_agency = meta_dateline_agency(p->in.text);
	/* So is the source credited at the end: "Quelle: kathpress". */
	if (p->type == DOC_PARAGRAPH && p->in.len > 0 && p->in.len < 60 &&
	    b->x->byline_agency == NULL)
		b->x->byline_agency = meta_source_line(p->in.text);
	/* A date line dropped from the body still dates the article. */
	if (p->type == DOC_PARAGRAPH && p->in.len > 0 && p->in.len < 120 &&
	    doc_get(b->x->doc, DOC_PUBLISHED) == NULL &&
	    extract_para_junk(&p->in)) {
		char iso[40], mod[40];

		if (meta_date_line(
		        p->in.text, b->x->lang, iso, mod, sizeof(iso)) > 0) {
			if (*iso)
				doc_set(
				    b->x->doc, DOC_PUBLISHED, iso, "body-date");
			if (*mod && doc_get(b->x->doc, DOC_MODIFIED) == NULL)
				doc_set(
				    b->x->doc, DOC_MODIFIED, mod, "body-date");
		} else if (meta_date_iso(
		               p->in.text, b->x->lang, iso, sizeof(iso)) == 0)
			doc_set(b->x->doc, DOC_PUBLISHED, iso, "body-date");
	}
	if ((p->in.len == 0 || (p->type == DOC_PARAGRAPH &&
	                           (extract_para_junk(&p->in) ||
	                               extract_para_contact(&p->in) ||
	                               (p->in.len < 40 && extract_related_label(
	                                                      p->in.text))))) &&
	    b->para_parent->nkids > 0 &&
	    b->para_parent->kids[b->para_parent->nkids - 1] == p) {
		/* its links go with it */
		if (p->type == DOC_PARAGRAPH)
			links_truncate(b->x->doc, b->para_links);
		doc_block_pop(b->para_parent);
	}
	else if (p->in.len > 0)
		b->last_fig = NULL;
}

static struct doc_block *
open_para(struct bctx *b, struct doc_block *parent)
{
	if (b->para && b->para_parent == parent)
		return b->para;
	flush(b);
	b->para = doc_block_add(parent, DOC_PARAGRAPH);
	b->para_parent = parent;
	b->para_links = b->x->doc->nlinks;
	return b->para;
}

static int
is_ws_text(const xmlNode *n)
{
	const unsigned char *s;

	if (n->type != XML_TEXT_NODE)
		return 0;
	for (s = n->content; s && *s; s++)
		if (*s != ' ' && *s != '\n' && *s != '\t' && *s != '\r')
			return 0;
	return 1;
}

/* Does n show nothing: blanks or no-break spaces, a comment, or an inline
   element holding only such (WordPress's "read more" anchor, <span
   id="more-788"></span>; an editor's <span>&nbsp;</span>)? */
static int
is_blank(const xmlNode *n, int depth)
{
	const unsigned char *s;
	const xmlNode *c;

	if (n->type == XML_COMMENT_NODE)
		return 1;
	if (n->type == XML_TEXT_NODE) {
		for (s = n->content; s && *s; s++)
			if (s[0] == 0xc2 && s[1] == 0xa0)
				s++;
			else if (*s != ' ' && *s != '\n' && *s != '\t' &&
			         *s != '\r')
				return 0;
		return 1;
	}
	if (n->type != XML_ELEMENT_NODE || depth > 4 ||
	    !(html_is(n, "span") || html_is(n, "a") || html_is(n, "b") ||
	        html_is(n, "i") || html_is(n, "em") || html_is(n, "strong") ||
	        html_is(n, "font") || html_is(n, "u") || html_is(n, "small")))
		return 0;
	for (c = n->children; c; c = c->next)
		if (!is_blank(c, depth + 1))
			return 0;
	return 1;
}

static void
append_text(struct bctx *b, struct doc_block *parent, const char *s)
{
	const unsigned char *p;
	struct doc_block *para;

	if (b->para == NULL || b->para_parent != parent) {
		for (p = (const unsigned char *)s; *p; p++)
			if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r')
				break;
		if (*p == '\0')
			return;
	}
	if ((para = open_para(b, parent)) != NULL)
		doc_inline_append(&para->in, s, strlen(s));
}

static int
similar_text(const char *a, const char *b)
{
	return str_same_squashed(a, b, 1);
}

/* Pick the best source from a srcset: the last (usually largest). */
static char *
from_srcset(const char *ss)
{
	const char *p, *best = NULL;
	size_t bl = 0, l;

	if (ss == NULL)
		return NULL;
	for (p = ss; *p;) {
		while (*p == ' ' || *p == ',' || *p == '\n')
			p++;
		if (*p == '\0')
			break;
		l = strcspn(p, " \n");
		best = p;
		bl = l;
		if (bl && best[bl - 1] == ',')
			bl--;
		p += l;
		p += strcspn(p, ",");
	}
	return best ? xstrndup(best, bl) : NULL;
}

static int
looks_placeholder(const char *s)
{
	return s == NULL || *s == '\0' || strncmp(s, "data:", 5) == 0 ||
	       html_icontains(s, "blank.gif") || html_icontains(s, "spacer") ||
	       html_icontains(s, "pixel.gif") ||
	       html_icontains(s, "placeholder") || html_icontains(s, "lazy") ||
	       html_icontains(s, "loading.gif");
}

char *
extract_img_src(struct extract_ctx *x, const xmlNode *img)
{
	static const char *const lazy[] = {
	    "data-src",
	    "data-original",
	    "data-lazy-src",
	    "data-url",
	    "data-srcset",
	    "data-lazy-srcset",
	    "data-hi-res-src",
	    "data-full-src",
	    "srcset",
	    NULL,
	};
	const char *src = html_attr(img, "src"), *v;
	char *pick = NULL, *u;
	size_t i;

	if (looks_placeholder(src)) {
		for (i = 0; lazy[i]; i++) {
			if ((v = html_attr(img, lazy[i])) == NULL || *v == '\0')
				continue;
			pick = strstr(lazy[i], "srcset") ? from_srcset(v)
			                                 : xstrdup(v);
			if (pick)
				break;
		}
	}
	if (pick == NULL && src && strncmp(src, "data:", 5) != 0)
		pick = xstrdup(src);
	if (pick == NULL)
		return NULL;
	u = url_resolve(x->base, pick);
	free(pick);
	return u;
}

static int
tiny_img(const xmlNode *img)
{
	const char *w = html_attr(img, "width"), *h = html_attr(img, "height");

	return (w && atoi(w) > 0 && atoi(w) < 40) ||
	       (h && atoi(h) > 0 && atoi(h) < 40);
}

static int
is_credit(const xmlNode *n)
{
	const char *c = html_attr(n, "class");

	return c &&
	       (html_icontains(c, "credit") || html_icontains(c, "copyright") ||
	           html_icontains(c, "source") || html_icontains(c, "author"));
}

static int
is_caption(const xmlNode *n)
{
	const char *c = html_attr(n, "class");

	const struct ex_stat *s = extract_stat(n);

	/* A big container named "caption" is not one. */
	if (s && s->chars > 500)
		return 0;
	return html_is(n, "figcaption") ||
	       (c && (html_icontains(c, "caption") ||
	                 html_icontains(c, "cutline")));
}

/* Right after an image, a short "desc"/"legend" element is its caption. */
static int
is_desc(const xmlNode *n)
{
	const char *c = html_attr(n, "class");
	const struct ex_stat *s = extract_stat(n);

	return c && s && s->chars < 400 &&
	       (html_icontains(c, "desc") || html_icontains(c, "legend") ||
	           html_icontains(c, "photo-text") ||
	           html_icontains(c, "img-text"));
}

/* Caption text without its credit element; credit returned apart. */
static void
caption_parts(const xmlNode *cap, char **caption, char **credit)
{
	xmlNode *n;
	struct buf b;

	buf_init(&b, 1 << 20);
	for (n = cap->children; n; n = n->next) {
		if (n->type == XML_ELEMENT_NODE && is_credit(n)) {
			if (*credit == NULL)
				*credit = html_text_dup(n);
			continue;
		}
		html_text(n, &b);
		buf_putc(&b, ' ');
	}
	*caption = b.data ? xstrdup_squash(b.data) : NULL;
	buf_release(&b);
	if (*caption && **caption == '\0') {
		free(*caption);
		*caption = NULL;
	}
}

static void
set_caption(struct doc_block *f, char *caption, char *credit)
{
	if (caption && !f->caption)
		doc_block_setstr(&f->caption, caption);
	if (credit && !f->credit)
		doc_block_setstr(&f->credit, credit);
	/* The alt text that repeats the caption is shown once. */
	if (f->alt && f->caption &&
	    (similar_text(f->alt, f->caption) || strstr(f->caption, f->alt)))
		doc_block_setstr(&f->alt, NULL);
}

static struct doc_block *
add_figure(struct bctx *b, const xmlNode *img, struct doc_block *parent)
{
	struct doc_block *f;
	char *src;

	if (tiny_img(img) || (src = extract_img_src(b->x, img)) == NULL)
		return NULL;
	flush(b);
	if ((f = doc_block_add(parent, DOC_FIGURE)) == NULL) {
		free(src);
		return NULL;
	}
	doc_block_seturl(&f->src, src);
	doc_block_setstr(&f->alt, html_attr(img, "alt"));
	free(src);
	b->last_fig = f;
	return f;
}

static void
build_figure(struct bctx *b, xmlNode *fig, struct doc_block *parent)
{
	xmlNode *n, *img = NULL, *cap = NULL;
	struct doc_block *f;
	char *caption = NULL, *credit = NULL;

	for (n = fig->children; n; n = html_walk_next(n, fig, 0)) {
		if (img == NULL && html_is(n, "img"))
			img = n;
		if (cap == NULL && n->type == XML_ELEMENT_NODE && is_caption(n))
			cap = n;
	}
	if (img == NULL) {
		walk_kids(b, fig, parent);
		return;
	}
	if ((f = add_figure(b, img, parent)) == NULL)
		return;
	if (cap) {
		caption_parts(cap, &caption, &credit);
		set_caption(f, caption, credit);
		free(caption);
		free(credit);
	}
	b->last_fig = f;
}

static void
build_table(struct bctx *b, xmlNode *t, struct doc_block *parent)
{
	struct doc_block *tb, *row, *cell;
	xmlNode *n, *c;

	flush(b);
	if ((tb = doc_block_add(parent, DOC_TABLE)) == NULL)
		return;
	for (n = t->children; n; n = html_walk_next(n, t, 0)) {
		if (!html_is(n, "tr"))
			continue;
		if ((row = doc_block_add(tb, DOC_ROW)) == NULL)
			break;
		for (c = html_first_el(n); c; c = html_next_el(c)) {
			if (!html_is(c, "td") && !html_is(c, "th"))
				continue;
			if ((cell = doc_block_add(row, DOC_CELL)) == NULL)
				break;
			cell->header = html_is(c, "th");
			{
				char *s = html_text_dup(c);

				if (s)
					doc_inline_append(
					    &cell->in, s, strlen(s));
				free(s);
			}
			doc_inline_squash(&cell->in);
		}
		if (row->nkids == 0)
			doc_block_pop(tb);
	}
	if (tb->nkids == 0)
		doc_block_pop(parent);
}

static void
pre_text(const xmlNode *n, struct doc_inline *in, int depth)
{
	const xmlNode *c;

	for (c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content)
			doc_inline_append(in, (const char *)c->content,
			    strlen((const char *)c->content));
		else if (html_is(c, "br"))
			doc_inline_append(in, "\n", 1);
		else if (c->type == XML_ELEMENT_NODE && depth < HTML_MAX_DEPTH)
			pre_text(c, in, depth + 1);
	}
}

static void
build_pre(struct bctx *b, xmlNode *n, struct doc_block *parent)
{
	struct doc_block *p;

	flush(b);
	if ((p = doc_block_add(parent, DOC_PRE)) == NULL)
		return;
	pre_text(n, &p->in, 0);
	/* Drop one leading and all trailing newlines. */
	if (p->in.len && p->in.text[0] == '\n') {
		memmove(p->in.text, p->in.text + 1, p->in.len);
		p->in.len--;
	}
	while (p->in.len && (p->in.text[p->in.len - 1] == '\n' ||
	                        p->in.text[p->in.len - 1] == ' '))
		p->in.text[--p->in.len] = '\0';
	if (p->in.len == 0)
		doc_block_pop(parent);
}

static void
build_inline(
    struct bctx *b, xmlNode *n, struct doc_block *parent, const char *t)
{
	struct doc_block *para;
	size_t start;
	enum doc_span_type st;
	int span = 1;

	if (html_tag_is(t, "em") || html_tag_is(t, "i") ||
	    html_tag_is(t, "cite"))
		st = SPAN_EM;
	else if (html_tag_is(t, "strong") || html_tag_is(t, "b"))
		st = SPAN_STRONG;
	else if (html_tag_is(t, "code") || html_tag_is(t, "kbd") ||
	         html_tag_is(t, "samp") || html_tag_is(t, "tt"))
		st = SPAN_CODE;
	else if (html_tag_is(t, "q"))
		st = SPAN_QUOTE;
	else if (html_tag_is(t, "a") && html_attr(n, "href"))
		st = SPAN_LINK;
	else
		span = 0;
	if (!span) {
		walk_kids(b, n, parent);
		return;
	}
	para = b->para && b->para_parent == parent ? b->para : NULL;
	start = para ? para->in.len : 0;
	if (st == SPAN_QUOTE)
		append_text(b, parent, "\u201c");
	walk_kids(b, n, parent);
	if (st == SPAN_QUOTE)
		append_text(b, parent, "\u201d");
	if (b->para == NULL || b->para_parent != parent ||
	    (para != NULL && b->para != para))
		return;
	para = b->para;
	if (para->in.len <= start)
		return;
	if (st == SPAN_LINK) {
		char *u = url_resolve(b->x->base, html_attr(n, "href"));
		char *lt =
		    xstrndup(para->in.text + start, para->in.len - start);
		int li = -1;

		if (u && lt && html_attr(n, "href")[0] != '#')
			li = doc_link_add(b->x->doc, lt, u, LINK_INLINE, NULL);
		free(u);
		free(lt);
		if (li >= 0)
			doc_inline_span(&para->in, start, para->in.len, st, li);
		return;
	}
	doc_inline_span(&para->in, start, para->in.len, st, -1);
}

static void
walk_el(struct bctx *b, xmlNode *n, struct doc_block *parent)
{
	const char *t = html_name(n);
	struct doc_block *k;

	if (b->depth >= HTML_MAX_DEPTH)
		return;
	if (html_is_inline(t) && !(html_tag_is(t, "span") && is_caption(n))) {
		build_inline(b, n, parent, t);
		return;
	}
	if (html_tag_is(t, "img")) {
		add_figure(b, n, parent);
		return;
	}
	if (html_tag_is(t, "br")) {
		xmlNode *c = n->next;

		while (c && is_blank(c, 0))
			c = c->next;
		if (c && html_is(c, "br"))
			flush(b);
		else if (b->para && b->para_parent == parent)
			doc_inline_append(&b->para->in, " ", 1);
		return;
	}
	if (t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && t[2] == '\0') {
		flush(b);
		if ((k = doc_block_add(parent, DOC_HEADING)) == NULL)
			return;
		k->level = t[1] - '0';
		b->para = k;
		b->para_parent = parent;
		walk_kids(b, n, parent);
		if (b->para != k) {
			/* A block inside the heading closed it (and flush()
			   may have dropped it): nothing more to check. */
			return;
		}
		doc_inline_squash(&k->in);
		b->para = NULL;
		/* An empty heading, or the label of a related list whose
		   links went to doc->links, is not body. */
		if ((k->in.len == 0 || extract_related_label(k->in.text)) &&
		    parent->nkids && parent->kids[parent->nkids - 1] == k)
			doc_block_pop(parent);
		return;
	}
	if (html_tag_is(t, "p")) {
		flush(b);
		walk_kids(b, n, parent);
		flush(b);
		return;
	}
	if (html_tag_is(t, "blockquote")) {
		const char *c = html_attr(n, "class");

		flush(b);
		if ((k = doc_block_add(parent, DOC_QUOTE)) == NULL)
			return;
		k->pull =
		    c && (html_icontains(c, "pull") || html_icontains(c, "pq"));
		walk_kids(b, n, k);
		flush(b);
		if (k->nkids == 0)
			doc_block_pop(parent);
		return;
	}
	if (html_tag_is(t, "ul") || html_tag_is(t, "ol") ||
	    html_tag_is(t, "dl")) {
		xmlNode *c;

		flush(b);
		if ((k = doc_block_add(parent, DOC_LIST)) == NULL)
			return;
		k->ordered = t[0] == 'o';
		if (k->ordered && html_attr(n, "start"))
			k->start = atoi(html_attr(n, "start"));
		for (c = n->children; c; c = c->next) {
			struct doc_block *it;

			if (c->type == XML_TEXT_NODE && is_ws_text(c))
				continue;
			if ((it = doc_block_add(k, DOC_ITEM)) == NULL)
				break;
			if (c->type == XML_ELEMENT_NODE)
				walk_kids(b, c, it);
			else
				append_text(b, it, (const char *)c->content);
			flush(b);
			if (it->nkids == 0)
				doc_block_pop(k);
		}
		if (k->nkids == 0)
			doc_block_pop(parent);
		return;
	}
	if (html_tag_is(t, "pre")) {
		build_pre(b, n, parent);
		return;
	}
	if (html_tag_is(t, "figure")) {
		flush(b);
		build_figure(b, n, parent);
		return;
	}
	if (html_tag_is(t, "table")) {
		if (extract_is_data_table(n))
			build_table(b, n, parent);
		else
			walk_kids(b, n, parent);
		flush(b);
		return;
	}
	if (html_tag_is(t, "hr")) {
		flush(b);
		doc_block_add(parent, DOC_RULE);
		return;
	}
	if (is_caption(n) || (b->last_fig && (is_credit(n) || is_desc(n)))) {
		/* A caption after a figure is its caption; a caption without
		   one (its image was lazy or tiny) is still not body text. */
		char *caption = NULL, *credit = NULL;

		flush(b);
		if (b->last_fig && !b->last_fig->caption) {
			caption_parts(n, &caption, &credit);
			set_caption(b->last_fig, caption, credit);
			free(caption);
			free(credit);
		}
		b->last_fig = NULL;
		return;
	}
	/* Any other element is a block container (div, section, td, li,
	   article, center, noscript...). */
	flush(b);
	walk_kids(b, n, parent);
	flush(b);
}

static void
walk_kids(struct bctx *b, xmlNode *n, struct doc_block *parent)
{
	xmlNode *c;

	b->depth++;
	for (c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE) {
			if (c->content)
				append_text(
				    b, parent, (const char *)c->content);
		} else if (c->type == XML_ELEMENT_NODE)
			walk_el(b, c, parent);
	}
	b->depth--;
}

int
extract_build(struct extract_ctx *x, xmlNode *art)
{
	struct bctx b;

	memset(&b, 0, sizeof(b));
	b.x = x;
	walk_kids(&b, art, x->doc->body);
	flush(&b);
	/* Headings with nothing after them head something that was cut. */
	while (x->doc->body->nkids > 0 &&
	       x->doc->body->kids[x->doc->body->nkids - 1]->type == DOC_HEADING)
		doc_block_pop(x->doc->body);
	return 0;
}
