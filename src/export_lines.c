/*
 * export_lines.c - export a range of rendered lines (the reader's line
 * selection) as exactly the text they show.  Each line of the top-level
 * blocks touched is found again, in order, in the doc text it came from
 * (a paragraph, a caption...), which gives the selected span of each
 * block; a small doc is built from those spans, inside copies of their
 * quotes and lists, and written by export_doc() so the format (quotes as
 * "> ", "[Photo: ...]", list markers, wrapping, [n] links and their list)
 * is the one --dump and whole-article export use.  The source text keeps
 * the spaces the page had, so lines broken between two CJK characters join
 * without one.  A line that cannot be found (a cluster shown as "?") is
 * kept as it reads, joined with a space unless both sides are wide.
 */
#define _GNU_SOURCE /* memmem */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export_lines.h"
#include "util.h"
#include "uwidth.h"

#define XL_MAXDEPTH 64		/* nesting copied; deeper is not rendered */
#define XL_LOOKAHEAD 64		/* blocks tried when a line is not next */
#define XL_MAXTEXT ((size_t)64 << 20)

enum leaf_kind { LF_TEXT, LF_IMAGE, LF_CAPTION, LF_CREDIT, LF_WHOLE };

/* Blocks of one top-level block, parents before kids. */
struct node {
	const struct doc_block *b;
	int parent;		/* node index, or -1 for the top-level block */
	size_t kidx;		/* index among the parent's kids */
};

/* What shows on screen, in screen order: text, an image line, a rule. */
struct leaf {
	enum leaf_kind kind;
	int node;		/* its block (the figure for image lines) */
	const char *text;
	size_t len;
};

struct copy {
	int node;
	struct doc_block *b;
};

struct xl {
	const struct doc *d;
	struct doc *sub;
	int *lmap;		/* d link -> sub link + 1, 0 none yet */
	struct node *n;
	size_t nn, capn;
	struct leaf *lf;
	size_t nl, capl;
	struct copy st[XL_MAXDEPTH];	/* copies of the open containers */
	int nst;
	int fig_node;		/* the figure last copied, and its copy */
	struct doc_block *fig;
	/* The piece being gathered: a leaf's [s, e), or raw text. */
	int pleaf;		/* -1 none */
	size_t ps, pe;
	struct buf raw;
	int failed;
};

/* --- the tree of one top-level block ------------------------------------ */

static int
add_node(struct xl *x, const struct doc_block *b, int parent, size_t kidx)
{
	struct node *p;

	if (x->nn == x->capn) {
		size_t nc = x->capn ? x->capn * 2 : 32;

		if ((p = realloc(x->n, nc * sizeof(*p))) == NULL) {
			x->failed = 1;
			return -1;
		}
		x->n = p;
		x->capn = nc;
	}
	x->n[x->nn].b = b;
	x->n[x->nn].parent = parent;
	x->n[x->nn].kidx = kidx;
	return (int)x->nn++;
}

static void
add_leaf(struct xl *x, enum leaf_kind k, int node, const char *t, size_t len)
{
	struct leaf *p;

	if (x->failed || (t != NULL && len == 0))
		return;
	if (x->nl == x->capl) {
		size_t nc = x->capl ? x->capl * 2 : 32;

		if ((p = realloc(x->lf, nc * sizeof(*p))) == NULL) {
			x->failed = 1;
			return;
		}
		x->lf = p;
		x->capl = nc;
	}
	x->lf[x->nl].kind = k;
	x->lf[x->nl].node = node;
	x->lf[x->nl].text = t;
	x->lf[x->nl].len = len;
	x->nl++;
}

static void
collect(struct xl *x, const struct doc_block *b, int parent, size_t kidx,
    int depth)
{
	int me;
	size_t i;

	if (depth >= XL_MAXDEPTH || x->failed ||
	    (me = add_node(x, b, parent, kidx)) == -1)
		return;
	switch (b->type) {
	case DOC_HEADING:
	case DOC_PARAGRAPH:
	case DOC_PRE:
	case DOC_CELL:
		add_leaf(x, LF_TEXT, me, b->in.text, b->in.len);
		break;
	case DOC_FIGURE:
		add_leaf(x, LF_IMAGE, me, NULL, 0);
		if (b->caption)
			add_leaf(x, LF_CAPTION, me, b->caption,
			    strlen(b->caption));
		if (b->credit)
			add_leaf(x, LF_CREDIT, me, b->credit,
			    strlen(b->credit));
		break;
	case DOC_RULE:
	case DOC_TABLE:
		add_leaf(x, LF_WHOLE, me, NULL, 0);
		break;
	default:
		for (i = 0; i < b->nkids; i++)
			collect(x, b->kids[i], me, i, depth + 1);
		break;
	}
}

static int
has_table(const struct doc_block *b, int depth)
{
	size_t i;

	if (b->type == DOC_TABLE)
		return 1;
	for (i = 0; depth < XL_MAXDEPTH && i < b->nkids; i++)
		if (has_table(b->kids[i], depth + 1))
			return 1;
	return 0;
}

/* --- copying into the small doc ----------------------------------------- */

static int
map_link(struct xl *x, int link)
{
	const struct doc_link *l;
	int k;

	if (link < 0 || (size_t)link >= x->d->nlinks)
		return -1;
	if (x->lmap[link] == 0) {
		l = &x->d->links[link];
		/* Inline in the copy: related stories are the whole
		 * article's, not a selection's. */
		if ((k = doc_link_add(x->sub, l->text, l->url, LINK_INLINE,
		    NULL)) < 0) {
			x->failed = 1;
			return -1;
		}
		x->lmap[link] = k + 1;
	}
	return x->lmap[link] - 1;
}

/* src[s, e) appended to dst, with the spans that fall in it. */
static void
copy_inline(struct xl *x, struct doc_inline *dst, const struct doc_inline *src,
    size_t s, size_t e)
{
	long at;
	size_t i, a, z;

	if (src->text == NULL || s >= e)
		return;
	if ((at = doc_inline_append(dst, src->text + s, e - s)) < 0) {
		x->failed = 1;
		return;
	}
	/* The text was clean already; if cleaning changed it, the spans'
	 * offsets no longer hold. */
	if (dst->len - (size_t)at != e - s)
		return;
	for (i = 0; i < src->nspans; i++) {
		const struct doc_span *sp = &src->spans[i];
		int link = -1;

		a = sp->start > s ? sp->start : s;
		z = sp->end < e ? sp->end : e;
		if (a >= z)
			continue;
		if (sp->type == SPAN_LINK && (link = map_link(x, sp->link)) < 0)
			continue;
		(void)doc_inline_span(dst, (size_t)at + a - s,
		    (size_t)at + z - s, sp->type, link);
	}
}

static struct doc_block *
new_block(struct xl *x, struct doc_block *parent, const struct doc_block *b)
{
	struct doc_block *nb;

	if ((nb = doc_block_add(parent, b->type)) == NULL) {
		x->failed = 1;
		return NULL;
	}
	nb->level = b->level;
	nb->ordered = b->ordered;
	nb->start = b->start;
	nb->pull = b->pull;
	nb->header = b->header;
	return nb;
}

static void
copy_tree(struct xl *x, struct doc_block *parent, const struct doc_block *b,
    int depth)
{
	struct doc_block *nb;
	size_t i;

	if (depth >= XL_MAXDEPTH || x->failed ||
	    (nb = new_block(x, parent, b)) == NULL)
		return;
	copy_inline(x, &nb->in, &b->in, 0, b->in.len);
	if (doc_block_seturl(&nb->src, b->src) == -1 ||
	    doc_block_setstr(&nb->alt, b->alt) == -1 ||
	    doc_block_setstr(&nb->caption, b->caption) == -1 ||
	    doc_block_setstr(&nb->credit, b->credit) == -1)
		x->failed = 1;
	for (i = 0; i < b->nkids; i++)
		copy_tree(x, nb, b->kids[i], depth + 1);
}

static void
set_slice(struct xl *x, char **field, const char *s, size_t n)
{
	char *t;

	if ((t = xstrndup(s, n)) == NULL || doc_block_setstr(field, t) == -1)
		x->failed = 1;
	free(t);
}

/* The containers of node (top-level first) opened in the copy, sharing
 * those already open; returns the one to add the leaf to. */
static struct doc_block *
open_path(struct xl *x, int node)
{
	int chain[XL_MAXDEPTH], nc = 0, i, k, p;

	for (p = x->n[node].parent; p >= 0 && nc < XL_MAXDEPTH;
	    p = x->n[p].parent)
		chain[nc++] = p;
	for (i = 0; i < nc / 2; i++) {
		k = chain[i];
		chain[i] = chain[nc - 1 - i];
		chain[nc - 1 - i] = k;
	}
	for (k = 0; k < nc && k < x->nst && x->st[k].node == chain[k]; k++)
		;
	x->nst = k;
	for (i = k; i < nc && !x->failed; i++) {
		struct doc_block *parent = i ? x->st[i - 1].b : x->sub->body;
		const struct doc_block *ob = x->n[chain[i]].b;
		struct doc_block *nb = new_block(x, parent, ob);
		int kid = i + 1 < nc ? chain[i + 1] : node;

		if (nb == NULL)
			return NULL;
		/* A list entered at its third item starts at 3; an item
		 * entered at its second paragraph has no marker. */
		if (ob->type == DOC_LIST)
			nb->start = ob->start + (int)x->n[kid].kidx;
		if (ob->type == DOC_ITEM && x->n[kid].kidx > 0)
			nb->cont = 1;
		x->st[i].node = chain[i];
		x->st[i].b = nb;
		x->nst = i + 1;
	}
	return x->nst ? x->st[x->nst - 1].b : x->sub->body;
}

static void
flush_raw(struct xl *x)
{
	struct doc_block *nb;

	if (x->raw.len == 0)
		return;
	x->nst = 0;
	x->fig = NULL;
	if ((nb = doc_block_add(x->sub->body, DOC_PARAGRAPH)) == NULL ||
	    doc_inline_append(&nb->in, x->raw.data, x->raw.len) < 0)
		x->failed = 1;
	x->raw.len = 0;
}

/* The piece gathered so far goes into the copy. */
static void
flush(struct xl *x)
{
	const struct leaf *lf;
	const struct doc_block *ob;
	struct doc_block *parent, *nb;

	flush_raw(x);
	if (x->pleaf < 0 || x->failed)
		return;
	lf = &x->lf[x->pleaf];
	ob = x->n[lf->node].b;
	x->pleaf = -1;
	if ((parent = open_path(x, lf->node)) == NULL)
		return;
	switch (lf->kind) {
	case LF_TEXT:
		if ((nb = new_block(x, parent, ob)) != NULL)
			copy_inline(x, &nb->in, &ob->in, x->ps, x->pe);
		break;
	case LF_WHOLE:
		copy_tree(x, parent, ob, x->nst);
		break;
	default:
		/* A figure: its image line, caption and credit are pieces
		 * of one copy. */
		if (x->fig == NULL || x->fig_node != lf->node) {
			if ((x->fig = new_block(x, parent, ob)) == NULL)
				return;
			x->fig_node = lf->node;
			if (doc_block_seturl(&x->fig->src, ob->src) == -1)
				x->failed = 1;
		}
		if (lf->kind == LF_CAPTION)
			set_slice(x, &x->fig->caption, lf->text + x->ps,
			    x->pe - x->ps);
		else if (lf->kind == LF_CREDIT)
			set_slice(x, &x->fig->credit, lf->text + x->ps,
			    x->pe - x->ps);
		break;
	}
}

/* --- finding lines in the text ------------------------------------------ */

/* Bytes of white space at s[i] (what the wrapper trims), or 0. */
static size_t
ws_len(const char *s, size_t n, size_t i)
{
	return s[i] == '\n' ? 1 : u8_space(s + i, n - i);
}

/* c at t[p], or after white space there: its start in *s. */
static int
anchored(const char *t, size_t tl, size_t p, const char *c, size_t cl,
    size_t *s)
{
	size_t k;

	while (p <= tl) {
		if (cl <= tl - p && memcmp(t + p, c, cl) == 0) {
			*s = p;
			return 1;
		}
		if (p == tl || (k = ws_len(t, tl, p)) == 0)
			return 0;
		p += k;
	}
	return 0;
}

/* The line's text without prefixes (quote bars, list markers, caption
 * indent) and link numbers; its first role in *role. */
static int
content(const struct line *ln, struct buf *b, enum role *role)
{
	size_t r = 0, i;

	b->len = 0;
	while (r < ln->nruns && (ln->runs[r].role == ROLE_QUOTE_BAR ||
	    ln->runs[r].role == ROLE_LIST_MARKER))
		r++;
	*role = r < ln->nruns ? ln->runs[r].role : ROLE_BODY;
	for (; r < ln->nruns; r++) {
		const struct run *ru = &ln->runs[r];

		if (ru->role == ROLE_LINK_NUMBER ||
		    ru->off + ru->len > ln->len)
			continue;
		if (buf_append(b, ln->text + ru->off, ru->len) == -1)
			return -1;
	}
	if (*role != ROLE_PRE) {
		for (i = 0; i < b->len && b->data[i] == ' '; i++)
			;
		memmove(b->data, b->data + i, b->len - i);
		b->len -= i;
	}
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		b->len--;
	return 0;
}

/*
 * Where the line goes: the leaf from *cur on whose text continues with
 * it (or the next image or rule for such lines).  Returns the leaf and
 * the span in *s, *e, or -1.  *cur, *pos move past it.
 */
static int
locate(struct xl *x, const char *c, size_t cl, enum role role, size_t *cur,
    size_t *pos, size_t *s, size_t *e)
{
	size_t j, lim = *cur + XL_LOOKAHEAD;
	const char *hit;

	for (j = *cur; j < x->nl && j < lim; j++) {
		const struct leaf *lf = &x->lf[j];
		size_t from = j == *cur ? *pos : 0;

		if (role == ROLE_IMAGE || role == ROLE_RULE) {
			/* The same one again: a long alt text wraps. */
			if (lf->kind == (role == ROLE_IMAGE ? LF_IMAGE :
			    LF_WHOLE))
				goto found_whole;
			continue;
		}
		if (lf->text == NULL || from > lf->len)
			continue;
		if (anchored(lf->text, lf->len, from, c, cl, s))
			goto found;
	}
	/* Not where it should be: anywhere further in this piece of text. */
	if (role != ROLE_IMAGE && role != ROLE_RULE && *cur < x->nl &&
	    x->lf[*cur].text && *pos < x->lf[*cur].len && cl > 0 &&
	    (hit = memmem(x->lf[*cur].text + *pos, x->lf[*cur].len - *pos, c,
	    cl)) != NULL) {
		j = *cur;
		*s = (size_t)(hit - x->lf[j].text);
		goto found;
	}
	return -1;
found:
	*e = *s + cl;
	*cur = j;
	*pos = *e;
	return (int)j;
found_whole:
	*s = *e = 0;
	*cur = j;
	*pos = 1;
	return (int)j;
}

/* A line not found in the doc: its text as it reads. */
static void
add_raw(struct xl *x, const char *c, size_t cl)
{
	if (x->pleaf >= 0)
		flush(x);
	if (x->raw.len > 0 && !(u8_wide_before(x->raw.data, x->raw.len) &&
	    u8_wide_at(c, cl)) && buf_putc(&x->raw, ' ') == -1)
		x->failed = 1;
	if (buf_append(&x->raw, c, cl) == -1)
		x->failed = 1;
}

/* A table (a top-level block) selected on lines from..to: the rows those
 * lines show, whole (a row's text is a grid of cells, not one line). */
static void
table_rows(struct xl *x, const struct lines *l, size_t from, size_t to,
    const struct doc_block *top)
{
	struct doc_block *nb;
	size_t i;
	int lo = -1, hi = -1, r;

	for (i = from; i <= to; i++) {
		r = l->v[i].row;
		if (r < 0 || (size_t)r >= top->nkids)
			continue;
		if (lo < 0 || r < lo)
			lo = r;
		if (r > hi)
			hi = r;
	}
	if (lo < 0) {
		/* Only its rule or blank lines: nothing of it to say. */
		return;
	}
	if ((nb = new_block(x, x->sub->body, top)) == NULL)
		return;
	for (r = lo; r <= hi && !x->failed; r++)
		copy_tree(x, nb, top->kids[r], 1);
}

/* One top-level block: lines from..to of it, selected from sel_first. */
static void
do_block(struct xl *x, const struct lines *l, size_t from, size_t to,
    size_t sel_first, struct buf *cb)
{
	const struct doc_block *top = x->d->body->kids[l->v[from].block];
	size_t i, cur = 0, pos = 0, s, e;
	enum role role;
	int j;

	flush(x);
	x->nst = 0;
	x->fig = NULL;
	if (top->type == DOC_TABLE) {
		table_rows(x, l, from > sel_first ? from : sel_first, to, top);
		return;
	}
	if (has_table(top, 0)) {
		/* Table text inside a quote or list is laid out in a grid:
		 * the block goes whole. */
		copy_tree(x, x->sub->body, top, 0);
		return;
	}
	x->nn = x->nl = 0;
	collect(x, top, -1, 0, 0);
	for (i = from; i <= to && !x->failed; i++) {
		const struct line *ln = &l->v[i];

		if (ln->flags & (LINE_BLANK | LINE_HEADER | LINE_LINKLIST))
			continue;
		if (content(ln, cb, &role) == -1) {
			x->failed = 1;
			break;
		}
		if (cb->len == 0 && role != ROLE_IMAGE && role != ROLE_RULE)
			continue;
		j = locate(x, cb->data, cb->len, role, &cur, &pos, &s, &e);
		if (i < sel_first)
			continue;
		if (j < 0) {
			add_raw(x, cb->data, cb->len);
			continue;
		}
		if (j == x->pleaf && x->raw.len == 0) {
			x->pe = e;
			continue;
		}
		flush(x);
		x->pleaf = j;
		x->ps = s;
		x->pe = e;
	}
	flush(x);
}

static int
build(struct xl *x, const struct lines *l, size_t first, size_t last)
{
	struct buf cb;
	size_t i, from, nkids = x->d->body ? x->d->body->nkids : 0;

	buf_init(&cb, XL_MAXTEXT);
	i = first;
	while (i <= last && !x->failed) {
		int b = l->v[i].block;

		if (b < 0 || (size_t)b >= nkids) {
			i++;
			continue;
		}
		/* From the block's first line, so that each line is found
		 * after the one before it. */
		for (from = i; from > 0 && l->v[from - 1].block == b; from--)
			;
		while (i + 1 <= last && l->v[i + 1].block == b)
			i++;
		do_block(x, l, from, i, first, &cb);
		i++;
	}
	flush(x);
	buf_release(&cb);
	return x->failed ? -1 : 0;
}

/* Does a line of l[first..last] show text of role r? */
static int
has_role(const struct lines *l, size_t first, size_t last, enum role r)
{
	size_t i, k;

	for (i = first; i <= last && i < l->n; i++)
		for (k = 0; k < l->v[i].nruns; k++)
			if (l->v[i].runs[k].role == r)
				return 1;
	return 0;
}

int
export_lines(struct buf *out, const struct doc *d, const struct lines *l,
    size_t first, size_t last, const struct dump_opts *o,
    struct lede_err *err)
{
	struct dump_opts ho = *o, bo = *o;
	struct buf hb, bb;
	struct xl x;
	size_t nkids = d->body ? d->body->nkids : 0;
	int rc = -1;

	memset(&x, 0, sizeof(x));
	x.d = d;
	x.pleaf = -1;
	buf_init(&x.raw, XL_MAXTEXT);
	buf_init(&hb, 0);
	buf_init(&bb, 0);
	if ((x.sub = doc_new()) == NULL ||
	    (x.lmap = calloc(d->nlinks + 1, sizeof(*x.lmap))) == NULL ||
	    doc_set(x.sub, DOC_LANG, doc_get(d, DOC_LANG), NULL) == -1) {
		err_set(err, LEDE_ENOMEM, "cannot export: out of memory");
		goto out;
	}
	if (l != NULL && l->n > 0 && first <= last &&
	    build(&x, l, first, last < l->n ? last : l->n - 1) == -1) {
		err_set(err, LEDE_ENOMEM, "cannot export: out of memory");
		goto out;
	}
	/* The header alone: a block range past the last block; with the
	   deck when a line of it was selected. */
	ho.header = o->header;
	ho.deck = l != NULL && has_role(l, first, last, ROLE_DECK);
	ho.links = 0;
	ho.first_block = ho.last_block = (int)nkids + 1;
	bo.header = 0;
	bo.first_block = bo.last_block = 0;
	if ((o->header && export_doc(&hb, d, &ho, err) == -1) ||
	    export_doc(&bb, x.sub, &bo, err) == -1)
		goto out;
	if ((hb.len > 0 && buf_append(out, hb.data, hb.len) == -1) ||
	    (hb.len > 0 && bb.len > 0 && buf_putc(out, '\n') == -1) ||
	    (bb.len > 0 && buf_append(out, bb.data, bb.len) == -1)) {
		err_set(err, LEDE_ENOMEM, "cannot export: out of memory");
		goto out;
	}
	rc = 0;
out:
	buf_release(&hb);
	buf_release(&bb);
	buf_release(&x.raw);
	free(x.n);
	free(x.lf);
	free(x.lmap);
	doc_free(x.sub);
	return rc;
}
