/*
 * doc.c - build and free the document tree.  See doc.h.  Every string that
 * enters the doc passes through sanitize_text() here, so no reader of a doc
 * ever sees a control character from the web.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "doc.h"
#include "sanitize.h"
#include "util.h"

/* Caps: a page that goes past these is cut, not allowed to eat memory. */
#define DOC_MAX_KIDS	200000
#define DOC_MAX_LINKS	20000
#define DOC_MAX_SPANS	100000

const char *const doc_field_names[DOC_NFIELDS] = {
#define X(id, name) name,
	DOC_FIELDS(X)
#undef X
};

const char *const doc_block_names[] = {
	"root", "heading", "paragraph", "quote", "list", "item",
	"preformatted", "figure", "table", "row", "cell", "rule",
};

struct doc *
doc_new(void)
{
	struct doc *d;

	if ((d = calloc(1, sizeof(*d))) == NULL)
		return NULL;
	if ((d->body = calloc(1, sizeof(*d->body))) == NULL) {
		free(d);
		return NULL;
	}
	d->body->type = DOC_ROOT;
	return d;
}

void
doc_block_free(struct doc_block *b)
{
	size_t i;

	if (b == NULL)
		return;
	for (i = 0; i < b->nkids; i++)
		doc_block_free(b->kids[i]);
	free(b->kids);
	free(b->in.text);
	free(b->in.spans);
	free(b->src);
	free(b->alt);
	free(b->caption);
	free(b->credit);
	free(b);
}

void
doc_free(struct doc *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < DOC_NFIELDS; i++) {
		free(d->meta[i].value);
		free(d->meta[i].source);
	}
	doc_block_free(d->body);
	for (i = 0; i < d->nlinks; i++) {
		free(d->links[i].text);
		free(d->links[i].url);
		free(d->links[i].group);
	}
	free(d->links);
	free(d->charset);
	free(d->charset_source);
	free(d);
}

/* Sanitize then fold whitespace; NULL for NULL, empty or no memory. */
static char *
clean_str(const char *s)
{
	char *t, *u;

	if (s == NULL)
		return NULL;
	if ((t = sanitize_text(s, strlen(s), 0, NULL)) == NULL)
		return NULL;
	u = xstrdup_squash(t);
	free(t);
	if (u != NULL && *u == '\0') {
		free(u);
		u = NULL;
	}
	return u;
}

int
doc_set(struct doc *d, enum doc_field_id f, const char *value,
    const char *source)
{
	char *v, *s;

	if (f >= DOC_NFIELDS)
		return -1;
	v = clean_str(value);
	s = source ? strdup(source) : NULL;
	free(d->meta[f].value);
	free(d->meta[f].source);
	d->meta[f].value = v;
	d->meta[f].source = v ? s : NULL;
	if (!v)
		free(s);
	return 0;
}

const char *
doc_get(const struct doc *d, enum doc_field_id f)
{
	return f < DOC_NFIELDS ? d->meta[f].value : NULL;
}

struct doc_block *
doc_block_add(struct doc_block *parent, enum doc_block_type type)
{
	struct doc_block *b, **k;

	if (parent->nkids >= DOC_MAX_KIDS)
		return NULL;
	/* Grow by powers of two: realloc when nkids hits one. */
	if ((parent->nkids & (parent->nkids - 1)) == 0) {
		k = realloc(parent->kids,
		    sizeof(*k) * (parent->nkids ? parent->nkids * 2 : 1));
		if (k == NULL)
			return NULL;
		parent->kids = k;
	}
	if ((b = calloc(1, sizeof(*b))) == NULL)
		return NULL;
	b->type = type;
	b->start = 1;
	parent->kids[parent->nkids++] = b;
	return b;
}

void
doc_block_pop(struct doc_block *parent)
{
	if (parent->nkids > 0)
		doc_block_free(parent->kids[--parent->nkids]);
}

int
doc_block_setstr(char **field, const char *value)
{
	char *v = clean_str(value);

	free(*field);
	*field = v;
	return 0;
}

long
doc_inline_append(struct doc_inline *in, const char *s, size_t n)
{
	size_t cl, start = in->len;
	char *c, *p;

	if ((c = sanitize_text(s, n, SANITIZE_KEEP_NL, &cl)) == NULL)
		return -1;
	if ((p = realloc(in->text, in->len + cl + 1)) == NULL) {
		free(c);
		return -1;
	}
	memcpy(p + in->len, c, cl);
	in->len += cl;
	p[in->len] = '\0';
	in->text = p;
	free(c);
	return (long)start;
}

int
doc_inline_span(struct doc_inline *in, size_t start, size_t end,
    enum doc_span_type type, int link)
{
	struct doc_span *sp;

	if (start >= end || end > in->len || in->nspans >= DOC_MAX_SPANS)
		return -1;
	if ((in->nspans & (in->nspans - 1)) == 0) {
		sp = realloc(in->spans,
		    sizeof(*sp) * (in->nspans ? in->nspans * 2 : 1));
		if (sp == NULL)
			return -1;
		in->spans = sp;
	}
	sp = &in->spans[in->nspans++];
	sp->start = start;
	sp->end = end;
	sp->type = type;
	sp->link = link;
	return 0;
}

static int
is_sp(const char *s, size_t n, size_t i, size_t *k)
{
	unsigned char c = (unsigned char)s[i];

	*k = 1;
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
		return 1;
	if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0xa0) {
		*k = 2;
		return 1;
	}
	return 0;
}

void
doc_inline_squash(struct doc_inline *in)
{
	size_t i, j, k, o, *map;
	int sp = 0;
	char *s = in->text;

	if (s == NULL)
		return;
	/* map[i] is the new offset of old byte i, so spans can follow. */
	if ((map = malloc(sizeof(*map) * (in->len + 1))) == NULL)
		return;
	for (i = 0, o = 0; i < in->len; i += k) {
		if (is_sp(s, in->len, i, &k)) {
			for (j = 0; j < k; j++)
				map[i + j] = o;
			sp = o > 0;
			continue;
		}
		if (sp)
			s[o++] = ' ';
		sp = 0;
		map[i] = o;
		s[o++] = s[i];
	}
	map[in->len] = o;
	s[o] = '\0';
	for (i = 0, j = 0; i < in->nspans; i++) {
		struct doc_span sp2 = in->spans[i];

		sp2.start = map[sp2.start];
		sp2.end = map[sp2.end];
		if (sp2.end > o)
			sp2.end = o;
		/* A span that ends after trailing space keeps its text only. */
		while (sp2.end > sp2.start && s[sp2.end - 1] == ' ')
			sp2.end--;
		if (sp2.start < sp2.end)
			in->spans[j++] = sp2;
	}
	in->nspans = j;
	in->len = o;
	free(map);
}

int
doc_link_add(struct doc *d, const char *text, const char *url,
    enum doc_link_kind kind, const char *group)
{
	struct doc_link *l;

	if (url == NULL || d->nlinks >= DOC_MAX_LINKS)
		return -1;
	if ((d->nlinks & (d->nlinks - 1)) == 0) {
		l = realloc(d->links,
		    sizeof(*l) * (d->nlinks ? d->nlinks * 2 : 1));
		if (l == NULL)
			return -1;
		d->links = l;
	}
	l = &d->links[d->nlinks];
	memset(l, 0, sizeof(*l));
	l->text = clean_str(text);
	l->url = clean_str(url);
	l->group = clean_str(group);
	l->kind = kind;
	if (l->url == NULL) {
		free(l->text);
		free(l->group);
		return -1;
	}
	return (int)d->nlinks++;
}

static void
body_text_block(const struct doc_block *b, struct buf *out)
{
	size_t i;

	switch (b->type) {
	case DOC_HEADING:
	case DOC_PARAGRAPH:
	case DOC_PRE:
	case DOC_CELL:
		if (b->in.len == 0)
			return;
		if (out->len > 0)
			buf_puts(out, b->type == DOC_CELL ? " " : "\n\n");
		buf_append(out, b->in.text, b->in.len);
		return;
	case DOC_ROW:
		if (out->len > 0)
			buf_puts(out, "\n\n");
		for (i = 0; i < b->nkids; i++) {
			if (i > 0)
				buf_puts(out, " ");
			buf_append(out, b->kids[i]->in.text,
			    b->kids[i]->in.len);
		}
		return;
	case DOC_FIGURE:
	case DOC_RULE:
		return;
	default:
		for (i = 0; i < b->nkids; i++)
			body_text_block(b->kids[i], out);
	}
}

char *
doc_body_text(const struct doc *d)
{
	struct buf out;

	buf_init(&out, 0);
	body_text_block(d->body, &out);
	return buf_steal(&out);
}
