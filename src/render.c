/*
 * render.c - doc + options -> lines of styled runs (see render.h): the
 * header, the body block by block, then the numbered links and related
 * stories.  Pure: nothing here reads state other than its arguments.
 * The text machinery (wrapping, prefixes) is in render_wrap.c, tables in
 * render_table.c.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "render_int.h"
#include "util.h"
#include "uwidth.h"

const char *const role_names[ROLE_COUNT] = {
#define ROLE(id, name, def) name,
#include "roles.def"
#undef ROLE
};

const char *const role_defaults[ROLE_COUNT] = {
#define ROLE(id, name, def) def,
#include "roles.def"
#undef ROLE
};

void
render_opts_default(struct render_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->width = 80;
	o->header = 1;
	o->links = 1;
	o->related = 1;
	o->wrap = 1;
}

/* A paragraph of plain parts, (text, role) pairs; a NULL text is left
 * out.  A part whose bit is set in glue sticks to the part before it: a
 * line breaks inside or before it (a date, " · ") only when no break
 * between the other parts fits. */
static void
para_parts(struct rctx *c, const char *const *txt, const enum role *roles,
    int n, unsigned glue)
{
	struct stext t;
	size_t len;
	int i;

	stext_init(&t);
	for (i = 0; i < n; i++) {
		if (txt[i] == NULL || (len = strlen(txt[i])) == 0)
			continue;
		stext_add(&t, txt[i], len, AT_MAKE(roles[i], -1) |
		    ((glue >> i & 1) ? AT_WEAK : 0));
	}
	render_para(c, &t, 0);
	stext_release(&t);
}

static void
para1(struct rctx *c, const char *s, enum role r)
{
	para_parts(c, &s, &r, 1, 0);
}

/* "2023-09-15T15:36:00+09:00" -> "2023-09-15 15:36 +09:00"; anything that
 * is not ISO 8601 is shown as it is. */
static void
pretty_date(const char *s, char *out, size_t sz)
{
	const char *p = s;
	int i;

	for (i = 0; i < 10; i++)
		if ((i == 4 || i == 7) ? p[i] != '-' :
		    (p[i] < '0' || p[i] > '9'))
			goto raw;
	if (p[10] == '\0') {
		snprintf(out, sz, "%.10s", p);
		return;
	}
	if (strlen(p) < 16 || (p[10] != 'T' && p[10] != ' ') || p[13] != ':' ||
	    !isdigit((unsigned char)p[11]) || !isdigit((unsigned char)p[12]) ||
	    !isdigit((unsigned char)p[14]) || !isdigit((unsigned char)p[15]))
		goto raw;
	p += 16;
	/* Seconds only when both digits are there: "15:36:" must not step
	 * over the terminating NUL. */
	if (p[0] == ':' && isdigit((unsigned char)p[1]) &&
	    isdigit((unsigned char)p[2]))
		p += 3;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			;
	if (*p == 'Z' && p[1] == '\0')
		snprintf(out, sz, "%.10s %.5s UTC", s, s + 11);
	else if ((*p == '+' || *p == '-') && strlen(p) <= 6)
		snprintf(out, sz, "%.10s %.5s %s", s, s + 11, p);
	else if (*p == '\0')
		snprintf(out, sz, "%.10s %.5s", s, s + 11);
	else
		goto raw;
	return;
raw:
	snprintf(out, sz, "%s", s);
}

/* Words of s for comparing texts: letters and digits (any script), case
 * folded for ASCII.  Returns the count (at most max). */
struct word {
	const char *p;
	size_t n;
};

static int
is_word_cp(int32_t cp)
{
	utf8proc_category_t k;

	if (cp < 0x80)
		return isalnum(cp);
	k = utf8proc_category(cp);
	return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_MN) ||
	    k == UTF8PROC_CATEGORY_ND || k == UTF8PROC_CATEGORY_NL ||
	    k == UTF8PROC_CATEGORY_NO || k == UTF8PROC_CATEGORY_MC;
}

static size_t
words(const char *s, size_t len, struct word *w, size_t max)
{
	size_t i = 0, k, nw = 0, st;
	int32_t cp;

	while (i < len && nw < max) {
		k = u8_decode(s + i, len - i, &cp);
		if (!is_word_cp(cp)) {
			i += k;
			continue;
		}
		st = i;
		while (i < len) {
			k = u8_decode(s + i, len - i, &cp);
			if (!is_word_cp(cp))
				break;
			i += k;
		}
		w[nw].p = s + st;
		w[nw++].n = i - st;
	}
	return nw;
}

static int
same_word(const struct word *a, const struct word *b)
{
	return a->n == b->n && strncasecmp(a->p, b->p, a->n) == 0;
}

#define DECK_WORDS 64

/* The deck (often the page's description) repeats the start of the body,
 * whole or cut short with an ellipsis: the reader sees it there, once. */
static int
deck_in_body(const struct doc *d, const char *deck)
{
	struct word dw[DECK_WORDS], *pw;
	size_t nd, np, i, j, b, maxw, paras = 0, len = strlen(deck);
	int found = 0;

	nd = words(deck, len, dw, DECK_WORDS);
	if (nd == DECK_WORDS)
		return 0;
	while (len > 0 && (deck[len - 1] == ' ' || deck[len - 1] == ']'))
		len--;
	if (nd > 0 && len >= 3 && (strncmp(deck + len - 3, "...", 3) == 0 ||
	    strncmp(deck + len - 3, "\xe2\x80\xa6", 3) == 0))
		nd--;	/* the last word may be cut */
	if (nd < 4 || d->body == NULL)
		return 0;
	for (b = 0; b < d->body->nkids && paras < 3 && !found; b++) {
		const struct doc_block *k = d->body->kids[b];

		if (k->type != DOC_PARAGRAPH || k->in.len == 0)
			continue;
		paras++;
		/* The start of a paragraph is enough to find the deck in. */
		maxw = k->in.len / 2 + 1 < 4096 ? k->in.len / 2 + 1 : 4096;
		if ((pw = malloc(sizeof(*pw) * maxw)) == NULL)
			return 0;
		np = words(k->in.text, k->in.len, pw, maxw);
		for (i = 0; i + nd <= np && !found; i++) {
			for (j = 0; j < nd && same_word(&dw[j], &pw[i + j]);
			    j++)
				;
			found = j == nd;
		}
		free(pw);
	}
	return found;
}

/* The whole article, not a range of its blocks. */
static int
whole(const struct rctx *c)
{
	return c->o->first_block <= 1 && (c->o->last_block <= 0 ||
	    (c->d->body && (size_t)c->o->last_block >= c->d->body->nkids));
}

static void
header(struct rctx *c)
{
	const struct doc *d = c->d;
	const char *by = doc_get(d, DOC_BYLINE), *site, *pub, *mod, *url;
	char pd[96], md[96];
	size_t n0 = c->out->n;

	c->block = -1;
	c->allflags = LINE_HEADER;
	if (doc_get(d, DOC_TITLE))
		para1(c, doc_get(d, DOC_TITLE), ROLE_TITLE);
	/* A plain-text selection cites its article; the deck is text the
	 * reader did not select. */
	if (doc_get(d, DOC_DECK) && (!c->o->plain || whole(c) || c->o->deck) &&
	    !deck_in_body(d, doc_get(d, DOC_DECK)))
		para1(c, doc_get(d, DOC_DECK), ROLE_DECK);
	site = doc_get(d, DOC_SITE_NAME);
	if (by && site && strstr(by, site) != NULL)
		site = NULL;
	{
		const char *t[] = {by, by && site ? " · " : NULL, site};
		enum role r[] = {ROLE_BYLINE, ROLE_BYLINE, ROLE_SOURCE};

		if (by || site)
			para_parts(c, t, r, 3, 1u << 1);
	}
	pub = doc_get(d, DOC_PUBLISHED);
	mod = doc_get(d, DOC_MODIFIED);
	/* A citation gives one date: the publication's, else the update's. */
	if (c->o->plain && pub)
		mod = NULL;
	if (pub)
		pretty_date(pub, pd, sizeof(pd));
	if (mod)
		pretty_date(mod, md, sizeof(md));
	/* Modified when published says nothing more. */
	if (pub && mod && strcmp(pd, md) == 0)
		mod = NULL;
	{
		const char *t[] = {pub ? "Published: " : NULL, pub ? pd : NULL,
		    pub && mod ? " · " : NULL, mod ? "Modified: " : NULL,
		    mod ? md : NULL};
		enum role r[] = {ROLE_DATE, ROLE_DATE, ROLE_DATE, ROLE_DATE,
		    ROLE_DATE};

		if (pub || mod)
			para_parts(c, t, r, 5, 1u << 1 | 1u << 2 | 1u << 4);
	}
	url = doc_get(d, DOC_CANONICAL);
	if (url == NULL)
		url = doc_get(d, DOC_URL);
	if (url)
		para1(c, url, ROLE_SOURCE);
	c->allflags = 0;
	if (c->out->n > n0) {
		c->blank = 1;
		c->blank_npc = 0;
	}
}

static void block(struct rctx *c, const struct doc_block *b, int depth);

static enum role
text_role(const struct rctx *c)
{
	static const enum role q[] = {ROLE_QUOTE1, ROLE_QUOTE2, ROLE_QUOTE3,
	    ROLE_QUOTE4};

	if (c->pull)
		return ROLE_PULLQUOTE;
	if (c->qdepth > 0)
		return q[c->qdepth > 4 ? 3 : c->qdepth - 1];
	return ROLE_BODY;
}

static void
inline_para(struct rctx *c, const struct doc_inline *in, enum role base,
    unsigned how, int pre)
{
	struct stext t;

	stext_init(&t);
	stext_inline(c, &t, in, base, how);
	render_para(c, &t, pre);
	stext_release(&t);
}

/* Kids of a quote or the root, a blank line between those that show. */
static void
kids_spaced(struct rctx *c, const struct doc_block *b, int depth)
{
	size_t i, n0;
	int set = 0;

	for (i = 0; i < b->nkids && !c->failed; i++) {
		n0 = c->out->n;
		block(c, b->kids[i], depth + 1);
		if (c->out->n > n0) {
			c->blank = 1;
			c->blank_npc = c->npc;
			set = 1;
		}
	}
	/* Our own pending blank goes; the parent decides what follows. */
	if (set)
		c->blank = 0;
}

static void
quote(struct rctx *c, const struct doc_block *b, int depth)
{
	const char *bar = c->o->plain ? "> " : "\xe2\x94\x82 ";

	render_push_piece(c, bar, bar, ROLE_QUOTE_BAR, 1);
	c->qdepth++;
	c->pull += b->pull;
	kids_spaced(c, b, depth);
	c->pull -= b->pull;
	c->qdepth--;
	render_pop_piece(c);
}

static void
list(struct rctx *c, const struct doc_block *b, int depth)
{
	static const char *const bullets[] = {"\xe2\x80\xa2 ", "\xe2\x97\xa6 ",
	    "\xe2\x96\xaa "};
	char first[24], cont[24], num[16];
	size_t i, j;
	int digits, w;

	snprintf(num, sizeof(num), "%ld", (long)b->start + (long)b->nkids);
	digits = (int)strlen(num);
	snprintf(num, sizeof(num), "%d", b->start);
	if ((int)strlen(num) > digits)
		digits = (int)strlen(num);
	c->ldepth++;
	for (i = 0; i < b->nkids && !c->failed; i++) {
		const struct doc_block *it = b->kids[i];

		if (b->ordered)
			snprintf(first, sizeof(first), "%*ld. ", digits,
			    (long)b->start + (long)i);
		else
			snprintf(first, sizeof(first), "%s",
			    bullets[(c->ldepth - 1) % 3]);
		w = b->ordered ? digits + 2 : 2;
		memset(cont, ' ', (size_t)w);
		cont[w] = '\0';
		if (it->type == DOC_ITEM && it->cont)
			memcpy(first, cont, (size_t)w + 1);
		render_push_piece(c, first, cont, ROLE_LIST_MARKER, 0);
		if (it->type == DOC_ITEM)
			for (j = 0; j < it->nkids; j++)
				block(c, it->kids[j], depth + 1);
		else
			block(c, it, depth + 1);
		render_pop_piece(c);
	}
	c->ldepth--;
}

/* Text a is already said by b (the same words, or inside it), case aside:
 * a match must start and end at word boundaries ("AP" is not in "happy"). */
static int
said_in(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b), i;

	if (n == 0 || n > m)
		return n == 0;
	for (i = 0; i + n <= m; i++)
		if (strncasecmp(b + i, a, n) == 0 &&
		    (i == 0 || !isalnum((unsigned char)b[i - 1]) ||
		    !isalnum((unsigned char)a[0])) &&
		    (i + n == m || !isalnum((unsigned char)b[i + n]) ||
		    !isalnum((unsigned char)a[n - 1])))
			return 1;
	return 0;
}

static void
figure(struct rctx *c, const struct doc_block *b)
{
	const char *cap = b->caption, *alt = b->alt, *cr = b->credit;

	if (alt && cap && said_in(alt, cap))
		alt = NULL;
	if (cr && cap && said_in(cr, cap))
		cr = NULL;
	if (c->o->plain) {
		/* Plain text says what a photo shows, or nothing: alt text is
		 * for screen readers and often boilerplate. */
		const char *t[] = {"[Photo: ", cap, cr ? " (" : NULL, cr,
		    cr ? ")" : NULL, "]"};
		enum role r[] = {ROLE_IMAGE, ROLE_CAPTION, ROLE_CREDIT,
		    ROLE_CREDIT, ROLE_CREDIT, ROLE_IMAGE};

		if (cap != NULL)
			para_parts(c, t, r, 6, 0);
		return;
	}
	{
		const char *t[] = {"[image]", alt ? " " : NULL, alt};
		enum role r[] = {ROLE_IMAGE, ROLE_IMAGE, ROLE_IMAGE};

		para_parts(c, t, r, 3, 0);
	}
	render_push_piece(c, "  ", "  ", ROLE_CAPTION, 0);
	if (cap)
		para1(c, cap, ROLE_CAPTION);
	if (cr)
		para1(c, cr, ROLE_CREDIT);
	render_pop_piece(c);
}

static void
rule(struct rctx *c)
{
	char s[128];
	int i, n = c->o->wrap && c->o->width < 40 ? c->o->width : 40;

	if (c->o->plain) {
		para1(c, "* * *", ROLE_RULE);
		return;
	}
	for (i = 0; i < n; i++)
		memcpy(s + i * 3, "\xe2\x94\x80", 3);
	s[n * 3] = '\0';
	para1(c, s, ROLE_RULE);
}

static void
block(struct rctx *c, const struct doc_block *b, int depth)
{
	size_t i;

	if (depth > RENDER_MAX_DEPTH || c->failed)
		return;
	switch (b->type) {
	case DOC_HEADING:
		c->allflags |= LINE_HEADING;
		inline_para(c, &b->in, ROLE_HEADING, 0, 0);
		c->allflags &= ~(unsigned)LINE_HEADING;
		break;
	case DOC_PARAGRAPH:
	case DOC_CELL:
		inline_para(c, &b->in, text_role(c), INL_STYLE |
		    (c->qdepth == 0 ? INL_QUOTES : 0), 0);
		break;
	case DOC_PRE:
		inline_para(c, &b->in, ROLE_PRE, 0, 1);
		break;
	case DOC_QUOTE:
		quote(c, b, depth);
		break;
	case DOC_LIST:
		list(c, b, depth);
		break;
	case DOC_FIGURE:
		figure(c, b);
		break;
	case DOC_TABLE:
		render_table(c, b);
		break;
	case DOC_RULE:
		rule(c);
		break;
	case DOC_ROOT:
		kids_spaced(c, b, depth);
		break;
	case DOC_ITEM:
	case DOC_ROW:
		for (i = 0; i < b->nkids; i++)
			block(c, b->kids[i], depth + 1);
		break;
	}
}

static void
body(struct rctx *c)
{
	const struct doc_block *root = c->d->body;
	size_t i, first, last, n0;

	if (root == NULL)
		return;
	first = c->o->first_block > 0 ? (size_t)c->o->first_block : 1;
	last = c->o->last_block > 0 ? (size_t)c->o->last_block : root->nkids;
	for (i = first - 1; i < root->nkids && i < last && !c->failed; i++) {
		c->block = (int)i;
		c->flags = LINE_BLOCK_START;
		n0 = c->out->n;
		block(c, root->kids[i], 1);
		if (c->out->n > n0) {
			c->blank = 1;
			c->blank_npc = 0;
		}
	}
	c->block = -1;
	c->flags = 0;
}

static void
section(struct rctx *c, const char *title)
{
	c->blank = c->out->n > 0;
	c->blank_npc = 0;
	c->allflags = LINE_LINKLIST | LINE_HEADING;
	para1(c, title, ROLE_HEADING);
	c->allflags = LINE_LINKLIST;
	c->blank = 1;
}

/* One numbered entry: "[n] text" with the URL under it (or the URL). */
static void
entry(struct rctx *c, int no, int link, const char *text, enum role r)
{
	const struct doc_link *l = &c->d->links[link];
	char first[24], cont[24];
	struct stext t;
	int w;

	w = snprintf(first, sizeof(first), "[%d] ", no);
	memset(cont, ' ', (size_t)w);
	cont[w] = '\0';
	render_push_piece(c, first, cont, ROLE_LINK_NUMBER, 0);
	if (text) {
		stext_init(&t);
		stext_add(&t, text, strlen(text), AT_MAKE(r, link));
		render_para(c, &t, 0);
		stext_release(&t);
	}
	stext_init(&t);
	stext_add(&t, l->url, strlen(l->url), AT_MAKE(ROLE_LINK, link));
	render_para(c, &t, 0);
	stext_release(&t);
	render_pop_piece(c);
}

static int
same_str(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

static void
related(struct rctx *c)
{
	const struct doc *d = c->d;
	unsigned char *done, *listed;
	size_t i, j;
	int any = 0;

	done = calloc(d->nlinks + 1, 1);
	listed = calloc(d->nlinks + 2, 1);
	if (done == NULL || listed == NULL) {
		c->failed = 1;
		goto out;
	}
	for (i = 0; i < d->nlinks && !c->failed; i++) {
		const char *g = d->links[i].group;

		if (d->links[i].kind != LINK_RELATED || done[i])
			continue;
		if (!any)
			section(c, "Related stories");
		any = 1;
		if (g && strcasecmp(g, "Related stories") != 0) {
			c->blank = c->out->n > 0;
			c->allflags = LINE_LINKLIST | LINE_HEADING;
			para1(c, g, ROLE_HEADING);
			c->allflags = LINE_LINKLIST;
		}
		/* The whole group, in page order; a story listed once. */
		for (j = i; j < d->nlinks && !c->failed; j++) {
			int no;

			if (d->links[j].kind != LINK_RELATED || done[j] ||
			    !same_str(d->links[j].group, g))
				continue;
			done[j] = 1;
			no = render_link_number(c, (int)j);
			if (no <= 0 || listed[no])
				continue;
			listed[no] = 1;
			entry(c, no, (int)j, d->links[j].text, ROLE_RELATED);
		}
	}
out:
	free(done);
	free(listed);
}

static void
link_list(struct rctx *c)
{
	int i, n = c->nnum;

	if (n > 0)
		section(c, "Links");
	/* Plain text numbers a link after its sentence, so the list says
	 * which words it was on. */
	for (i = 0; i < n && !c->failed; i++) {
		const struct doc_link *l = &c->d->links[c->bynum[i]];
		const char *t = c->o->plain ? l->text : NULL;

		if (t && (*t == '\0' || strcmp(t, l->url) == 0))
			t = NULL;
		entry(c, i + 1, c->bynum[i], t, ROLE_LINK);
	}
	/* Related stories belong to the whole article, not a range. */
	if (c->o->related && whole(c))
		related(c);
	c->allflags = 0;
}

struct lines *
render_doc(const struct doc *d, const struct render_opts *o,
    struct lede_err *err)
{
	struct render_opts ro = *o;
	struct rctx c;
	struct lines *l;

	if (ro.width < 1)
		ro.width = 1;
	if ((l = calloc(1, sizeof(*l))) == NULL) {
		err_set(err, LEDE_ENOMEM, "cannot render: out of memory");
		return NULL;
	}
	l->width = ro.width;
	memset(&c, 0, sizeof(c));
	c.d = d;
	c.o = &ro;
	c.out = l;
	c.err = err;
	c.block = -1;
	c.row = -1;
	c.lang = doc_get(d, DOC_LANG);
	if (render_numbers_init(&c) == -1)
		c.failed = 1;
	if (!c.failed && ro.header)
		header(&c);
	if (!c.failed)
		body(&c);
	if (!c.failed && ro.links)
		link_list(&c);
	render_numbers_free(&c);
	if (c.failed) {
		lines_free(l);
		err_set(err, LEDE_ENOMEM, "cannot render: out of memory");
		return NULL;
	}
	return l;
}

void
lines_free(struct lines *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++) {
		free(l->v[i].text);
		free(l->v[i].runs);
	}
	free(l->v);
	free(l);
}
