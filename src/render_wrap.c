/*
 * render_wrap.c - the renderer's text machinery: build styled text from a
 * doc inline (roles from spans and quoted speech, link numbers), cut it
 * into segments that fit a width at line-break opportunities, and emit
 * finished lines with their prefix (quote bars, list markers).
 *
 * The rule everything here keeps: no emitted line is wider than the width
 * when wrapping is on.  Prefixes are dropped when they would leave too
 * little room, a word wider than the line breaks between grapheme
 * clusters, and a cluster wider than the whole line becomes "?".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "linebreak.h"
#include "render_int.h"
#include "sentence.h"
#include "util.h"
#include "uwidth.h"

/* Code points whose cluster ends before the next such one (or ASCII), and
 * their width, so that the common scripts need no utf8proc look-up:
 * Latin-1 and Latin Extended-A and B letters, Greek and Cyrillic letters,
 * general punctuation, box drawing, kana, CJK ideographs, Hangul
 * syllables, fullwidth forms (all grapheme class Other or Extended
 * Pictographic, none a mark).  0: not one of them. */
static int
simple_width(int32_t cp)
{
	if ((cp >= 0xc0 && cp <= 0x24f) || (cp >= 0x2010 && cp <= 0x2027) ||
	    (cp >= 0x2030 && cp <= 0x205e) || (cp >= 0x400 && cp <= 0x482) ||
	    (cp >= 0x48a && cp <= 0x52f) || (cp >= 0x3a3 && cp <= 0x3ff) ||
	    (cp >= 0x388 && cp <= 0x3a1 && cp != 0x38b && cp != 0x38d) ||
	    cp == 0x386 || (cp >= 0x2500 && cp <= 0x259f))
		return 1;
	if ((cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0x4e00 && cp <= 0x9fef) ||
	    (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x3041 && cp <= 0x3096) ||
	    (cp >= 0x30a1 && cp <= 0x30fa) || (cp >= 0x3001 && cp <= 0x3003) ||
	    (cp >= 0x300c && cp <= 0x300f) || (cp >= 0xff01 && cp <= 0xff60))
		return 2;
	return 0;
}

/* The next grapheme cluster at s[i]: its length, *w its columns. */
static size_t
gnext(const char *s, size_t n, size_t i, int *w)
{
	unsigned char c = (unsigned char)s[i];
	size_t k;
	int32_t cp, cp2;
	int sw;

	if (c >= 0x20 && c < 0x7f) {
		if (i + 1 >= n || (unsigned char)s[i + 1] < 0x80 ||
		    (u8_decode(s + i + 1, n - i - 1, &cp2),
		    simple_width(cp2) > 0)) {
			*w = 1;
			return 1;
		}
	} else if (c >= 0xc2) {
		k = u8_decode(s + i, n - i, &cp);
		if ((sw = simple_width(cp)) > 0) {
			if (i + k >= n || (unsigned char)s[i + k] < 0x80) {
				*w = sw;
				return k;
			}
			(void)u8_decode(s + i + k, n - i - k, &cp2);
			if (simple_width(cp2) > 0) {
				*w = sw;
				return k;
			}
		}
	}
	k = u8_grapheme(s + i, n - i);
	*w = u8_grapheme_width(s + i, k);
	return k;
}

void
stext_init(struct stext *t)
{
	memset(t, 0, sizeof(*t));
	buf_init(&t->b, RENDER_MAX_TEXT);
}

void
stext_release(struct stext *t)
{
	buf_release(&t->b);
	free(t->at);
	memset(t, 0, sizeof(*t));
}

void
stext_add(struct stext *t, const char *s, size_t n, uint32_t at)
{
	size_t i, old = t->b.len;
	uint32_t *p;

	if (t->failed || n == 0)
		return;
	if (buf_append(&t->b, s, n) == -1) {
		t->failed = 1;
		return;
	}
	if (t->b.len > t->cap) {
		size_t nc = t->cap ? t->cap : 64;

		while (nc < t->b.len)
			nc *= 2;
		if ((p = realloc(t->at, nc * sizeof(*p))) == NULL) {
			t->failed = 1;
			return;
		}
		t->at = p;
		t->cap = nc;
	}
	for (i = old; i < t->b.len; i++)
		t->at[i] = at;
}

void
stext_addv(struct stext *t, const char *s, size_t n, const uint32_t *at)
{
	size_t old = t->b.len;

	if (n == 0)
		return;
	stext_add(t, s, n, 0);
	if (!t->failed)
		memcpy(t->at + old, at, n * sizeof(*at));
}

/* Quoted speech: the closers that end each opener. */
struct qpair {
	const char *open, *close, *close2;
	int to_end;	/* unclosed: runs to the end (multi-paragraph quote) */
};

static const struct qpair qpairs[] = {
	{"\xe2\x80\x9c", "\xe2\x80\x9d", NULL, 1},	/* “ ” */
	{"\xe2\x80\x9e", "\xe2\x80\x9c", "\xe2\x80\x9d", 0}, /* „ “ or ” */
	{"\xc2\xab", "\xc2\xbb", NULL, 1},		/* « » */
	{"\xe3\x80\x8c", "\xe3\x80\x8d", NULL, 1},	/* 「 」 */
	{"\xe3\x80\x8e", "\xe3\x80\x8f", NULL, 1},	/* 『 』 */
	{"\"", "\"", NULL, 0},
};

static int
at_str(const char *s, size_t n, size_t i, const char *p)
{
	size_t k = strlen(p);

	return i + k <= n && memcmp(s + i, p, k) == 0;
}

/* Style changes along an inline text: a span's start (+1) or end (-1)
 * of one kind, sorted by offset.  Memory follows the spans, not the
 * length of the text (a paragraph may be megabytes). */
enum { K_QUOTE, K_EM, K_STRONG, K_CODE, K_LINK, K_N, K_SENT = K_N };

struct ev {
	size_t at;
	int kind, delta, link;
};

struct evs {
	struct ev *v;
	size_t n, cap;
	int failed;
};

static void
ev_add(struct evs *e, size_t at, int kind, int delta, int link)
{
	struct ev *p;

	if (e->n == e->cap) {
		size_t nc = e->cap ? e->cap * 2 : 16;

		if ((p = realloc(e->v, nc * sizeof(*p))) == NULL) {
			e->failed = 1;
			return;
		}
		e->v = p;
		e->cap = nc;
	}
	p = &e->v[e->n++];
	p->at = at;
	p->kind = kind;
	p->delta = delta;
	p->link = link;
}

/* By offset; at one offset, ends before starts (a link that starts where
 * another ends takes over), and a sentence end (delta 2) after both. */
static int
ev_cmp(const void *a, const void *b)
{
	const struct ev *x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->delta - y->delta;
}

/* Each quoted passage [start, end) as a pair of K_QUOTE events. */
static void
find_quotes(const char *s, size_t n, struct evs *e)
{
	size_t i = 0, start = 0;
	const struct qpair *q = NULL;
	size_t k;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		/* Every opener and closer starts with one of these. */
		if (c != '"' && c != 0xc2 && c != 0xe2 && c != 0xe3) {
			i++;
			continue;
		}
		if (q == NULL) {
			for (k = 0; k < ARRAY_LEN(qpairs); k++)
				if (at_str(s, n, i, qpairs[k].open))
					break;
			/* A straight quote opens only after a space or at the
			 * start, so inches (5") and stray marks stay text. */
			if (k < ARRAY_LEN(qpairs) &&
			    (qpairs[k].open[0] != '"' || i == 0 ||
			    s[i - 1] == ' ' || s[i - 1] == '(')) {
				q = &qpairs[k];
				start = i;
				i += strlen(q->open);
				continue;
			}
		} else if (at_str(s, n, i, q->close) ||
		    (q->close2 && at_str(s, n, i, q->close2))) {
			size_t end = i + (at_str(s, n, i, q->close) ?
			    strlen(q->close) : strlen(q->close2));

			ev_add(e, start, K_QUOTE, 1, -1);
			ev_add(e, end, K_QUOTE, -1, -1);
			q = NULL;
			i = end;
			continue;
		}
		i++;
	}
	if (q != NULL && q->to_end) {
		ev_add(e, start, K_QUOTE, 1, -1);
		ev_add(e, n, K_QUOTE, -1, -1);
	}
}

static enum role
style_role(const int *cnt, int link, enum role base)
{
	if (link >= 0)
		return ROLE_LINK;
	if (cnt[K_CODE] > 0)
		return ROLE_CODE;
	if (cnt[K_STRONG] > 0)
		return ROLE_STRONG;
	if (cnt[K_EM] > 0)
		return ROLE_EMPHASIS;
	if (cnt[K_QUOTE] > 0)
		return ROLE_INLINE_QUOTE;
	return base;
}

/* Link numbers waiting for the end of their sentence (plain text). */
#define NOTES_MAX 32
#define SENTENCES_MAX 65536	/* later links wait for the paragraph end */

struct notes {
	int on;
	int due;	/* a sentence ended inside the current link */
	int n;
	int no[NOTES_MAX], link[NOTES_MAX];
};

static void
notes_flush(struct notes *nt, struct stext *t)
{
	char num[32];
	int i;

	for (i = 0; i < nt->n; i++) {
		snprintf(num, sizeof(num), "[%d]", nt->no[i]);
		stext_add(t, num, strlen(num), AT_NOBREAK |
		    AT_MAKE(ROLE_LINK_NUMBER, nt->link[i]));
	}
	nt->n = 0;
}

/* A number once per sentence; a full list is written out where it is. */
static void
notes_add(struct notes *nt, struct stext *t, int no, int link)
{
	int i;

	for (i = 0; i < nt->n; i++)
		if (nt->no[i] == no)
			return;
	if (nt->n == NOTES_MAX)
		notes_flush(nt, t);
	nt->no[nt->n] = no;
	nt->link[nt->n++] = link;
}

/* A K_SENT event at the end of each sentence of a text with links. */
static void
sentence_events(struct rctx *c, const char *s, size_t n, struct evs *e)
{
	size_t *ends, max, m = 0, i;

	max = n / 2 + 1 < SENTENCES_MAX ? n / 2 + 1 : SENTENCES_MAX;
	if ((ends = malloc(max * sizeof(*ends))) == NULL) {
		e->failed = 1;
		return;
	}
	/* Without sentences (ICU failed) numbers come at the text's end. */
	(void)sentence_ends(s, n, c->lang, ends, max, &m);
	for (i = 0; i < m; i++)
		ev_add(e, ends[i], K_SENT, 2, -1);
	free(ends);
}

void
stext_inline(struct rctx *c, struct stext *t, const struct doc_inline *in,
    enum role base, unsigned how)
{
	const char *s = in->text;
	size_t n = in->len, i, from = 0, lastat = (size_t)-1;
	int cnt[K_N] = {0}, link = -1, last = 0;
	struct evs e = {0};
	struct notes nt = {0};
	char num[32];

	if (s == NULL || n == 0)
		return;
	if (how & INL_QUOTES)
		find_quotes(s, n, &e);
	for (i = 0; i < in->nspans; i++) {
		const struct doc_span *sp = &in->spans[i];
		int k = -1;

		if (sp->start >= sp->end || sp->end > n)
			continue;
		switch (sp->type) {
		case SPAN_QUOTE: k = (how & INL_QUOTES) ? K_QUOTE : -1; break;
		case SPAN_EM: k = (how & INL_STYLE) ? K_EM : -1; break;
		case SPAN_STRONG: k = (how & INL_STYLE) ? K_STRONG : -1; break;
		case SPAN_CODE: k = (how & INL_STYLE) ? K_CODE : -1; break;
		case SPAN_LINK:
			if (sp->link >= 0 && (size_t)sp->link < c->d->nlinks)
				k = K_LINK;
			nt.on |= k == K_LINK;
			break;
		}
		if (k >= 0) {
			ev_add(&e, sp->start, k, 1, sp->link);
			ev_add(&e, sp->end, k, -1, sp->link);
		}
	}
	/* Plain text keeps its sentences whole (a quoted passage reads as
	 * written): link numbers wait for the end of the sentence. */
	nt.on = nt.on && c->o->plain && c->o->links;
	if (nt.on)
		sentence_events(c, s, n, &e);
	if (e.failed) {
		t->failed = 1;
		goto out;
	}
	if (e.n > 0)
		qsort(e.v, e.n, sizeof(*e.v), ev_cmp);
	/* Sweep: copy the text between events in one attribute; after each
	 * link, its number, glued to it. */
	for (i = 0; i <= e.n && !t->failed; i++) {
		size_t at = i < e.n ? e.v[i].at : n;
		const struct ev *ev = i < e.n ? &e.v[i] : NULL;

		stext_add(t, s + from, at - from,
		    AT_MAKE(style_role(cnt, link, base), link));
		from = at;
		if (ev == NULL || ev->kind == K_SENT) {
			/* A sentence that ends inside a link (ICU ends one
			 * after "free.[" of "free.[3]") ends after it. */
			if (ev != NULL && link >= 0) {
				nt.due = 1;
				continue;
			}
			notes_flush(&nt, t);
			if (ev == NULL)
				break;
			continue;
		}
		if (ev->kind != K_LINK) {
			cnt[ev->kind] += ev->delta;
			continue;
		}
		if (ev->delta > 0) {
			link = ev->link;
			continue;
		}
		/* A link ends: its number, once for links ending together. */
		if (link == ev->link)
			link = -1;
		if (c->o->links) {
			int no = render_link_number(c, ev->link);

			if (nt.on && no > 0) {
				notes_add(&nt, t, no, ev->link);
				if (nt.due && link < 0) {
					notes_flush(&nt, t);
					nt.due = 0;
				}
			} else if (no > 0 && !(lastat == at && last == no)) {
				snprintf(num, sizeof(num), " [%d]", no);
				stext_add(t, num, strlen(num), AT_NOBREAK |
				    AT_MAKE(ROLE_LINK_NUMBER, ev->link));
			}
			last = no;
			lastat = at;
		}
	}
out:
	free(e.v);
}

/* Bytes of white space at s[i] that may end a line (trimmed), or 0. */
static size_t
space_len(const char *s, size_t n, size_t i)
{
	return u8_space(s + i, n - i);
}

/* A text no longer in bytes than the width (no cluster is wider than
 * its bytes) with no hard break inside never needs an opportunity: the
 * loop below only stops at '\n' and LB_MUST, which follows CR, VT, FF,
 * NEL and U+2028/9 (LF is seen on its own).  Short texts (headings, list
 * items, the link list) then skip ICU. */
static int
fits_whole(const char *s, size_t n, int width)
{
	size_t i;

	if (n > (size_t)width)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] == '\r' || s[i] == '\v' || s[i] == '\f' ||
		    ((unsigned char)s[i] == 0xc2 && i + 1 < n &&
		    (unsigned char)s[i + 1] == 0x85) ||
		    ((unsigned char)s[i] == 0xe2 && i + 2 < n &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0xa8 ||
		    (unsigned char)s[i + 2] == 0xa9)))
			return 0;
	return 1;
}

static int
push_seg(struct seg **v, size_t *nv, size_t *cap, size_t a, size_t b, int w)
{
	struct seg *p;

	if (*nv == *cap) {
		size_t nc = *cap ? *cap * 2 : 16;

		if ((p = realloc(*v, nc * sizeof(*p))) == NULL)
			return -1;
		*v = p;
		*cap = nc;
	}
	(*v)[*nv].start = a;
	(*v)[*nv].end = b;
	(*v)[*nv].width = w;
	(*nv)++;
	return 0;
}

int
render_segments(struct rctx *c, const struct stext *t, int width, int pre,
    struct seg **segs, size_t *nsegs)
{
	const char *s = t->b.data;
	size_t n = t->b.len, pos = 0, cap = 0, i, k, sl;
	unsigned char *brk = NULL;
	int rc = -1;

	*segs = NULL;
	*nsegs = 0;
	if (n == 0)
		return 0;
	if ((brk = calloc(n + 1, 1)) == NULL)
		return -1;
	if (!pre && width > 0 && !fits_whole(s, n, width) &&
	    linebreak_find(s, n, c->lang, brk) == -1)
		goto out;
	for (i = 0; i < n; i++)
		if (t->at[i] & AT_NOBREAK)
			brk[i] = LB_NONE;
	while (pos < n) {
		size_t s0 = pos, endt, best = 0, bendt = 0, weak = 0, wendt = 0;
		int w = 0, wt = 0, bwt = 0, wwt = 0;

		if (!pre)
			while (s0 < n && (sl = space_len(s, n, s0)) > 0)
				s0 += sl;
		if (s0 >= n && s0 > pos)
			break;
		endt = s0;
		for (i = s0; i < n; i += k) {
			int gw;

			if (s[i] == '\n')
				break;
			if (i > s0 && brk[i] == LB_ALLOW &&
			    (t->at[i] & AT_WEAK)) {
				weak = i;
				wendt = endt;
				wwt = wt;
			} else if (i > s0 && brk[i] == LB_ALLOW) {
				best = i;
				bendt = endt;
				bwt = wt;
			} else if (i > s0 && brk[i] == LB_MUST)
				break;
			/* gnext() and space_len() of ASCII before ASCII. */
			if ((unsigned char)s[i] >= 0x20 &&
			    (unsigned char)s[i] < 0x7f && (i + 1 >= n ||
			    (unsigned char)s[i + 1] < 0x80)) {
				k = 1;
				gw = 1;
				sl = s[i] == ' ';
			} else {
				k = gnext(s, n, i, &gw);
				sl = space_len(s, n, i);
			}
			if (width > 0 && sl == 0 && w + gw > width) {
				if (best > s0) {
					endt = bendt;
					wt = bwt;
					i = best;
				} else if (weak > s0) {
					endt = wendt;
					wt = wwt;
					i = weak;
				} else if (i == s0) {
					/* One cluster wider than the line. */
					endt = i + k;
					wt = gw;
					i += k;
				}
				break;
			}
			w += gw;
			if (sl == 0) {
				wt = w;
				endt = i + k;
			}
		}
		if (push_seg(segs, nsegs, &cap, s0, endt, wt) == -1)
			goto out;
		pos = i;
		if (pos < n && s[pos] == '\n')
			pos++;
	}
	rc = 0;
out:
	free(brk);
	if (rc == -1) {
		free(*segs);
		*segs = NULL;
		*nsegs = 0;
	}
	return rc;
}

int
render_push_piece(struct rctx *c, const char *first, const char *cont,
    enum role role, int quote)
{
	struct piece *p;

	if (c->npc++ >= RENDER_MAX_PIECES)
		return 0;
	p = &c->pc[c->npc - 1];
	snprintf(p->first, sizeof(p->first), "%s", first);
	snprintf(p->cont, sizeof(p->cont), "%s", cont);
	p->role = role;
	p->used = 0;
	p->quote = quote;
	p->width = u8_width(p->cont, strlen(p->cont));
	return 0;
}

void
render_pop_piece(struct rctx *c)
{
	if (c->npc > 0)
		c->npc--;
}

/* How many outer pieces to leave out so that the text keeps at least
 * min(8, width) columns; returns the width of the pieces kept. */
int
render_prefix_keep(struct rctx *c, int *skip)
{
	int np = c->npc < RENDER_MAX_PIECES ? c->npc : RENDER_MAX_PIECES;
	int pw = 0, need, i;

	*skip = 0;
	for (i = 0; i < np; i++)
		pw += c->pc[i].width;
	if (!c->o->wrap)
		return pw;
	need = c->o->width < 8 ? c->o->width : 8;
	while (*skip < np && pw > c->o->width - need) {
		pw -= c->pc[*skip].width;
		(*skip)++;
	}
	return pw;
}

static int
line_run(struct line *l, size_t *cap, size_t off, size_t len, enum role r,
    int link)
{
	struct run *p;

	if (len == 0)
		return 0;
	if (l->nruns > 0) {
		p = &l->runs[l->nruns - 1];
		if (p->role == r && p->link == link && p->off + p->len == off) {
			p->len += len;
			return 0;
		}
	}
	if (l->nruns == *cap) {
		size_t nc = *cap ? *cap * 2 : 4;

		if ((p = realloc(l->runs, nc * sizeof(*p))) == NULL)
			return -1;
		l->runs = p;
		*cap = nc;
	}
	p = &l->runs[l->nruns++];
	p->off = off;
	p->len = len;
	p->role = r;
	p->link = link;
	return 0;
}

/* Cut a line to the width (a last guard: clusters that join across a
 * prefix can measure wider than their parts) and drop trailing spaces. */
static void
line_fit(struct line *l, int width)
{
	size_t i = 0, k, end = 0, sl, r;
	int w = 0, wend = 0, gw;

	while (i < l->len) {
		k = gnext(l->text, l->len, i, &gw);
		if (width > 0 && w + gw > width)
			break;
		w += gw;
		sl = space_len(l->text, l->len, i);
		i += k;
		if (sl == 0) {
			end = i;
			wend = w;
		}
	}
	if (end < l->len) {
		l->len = end;
		l->text[end] = '\0';
		for (r = 0; r < l->nruns; r++) {
			if (l->runs[r].off >= end) {
				l->nruns = r;
				break;
			}
			if (l->runs[r].off + l->runs[r].len > end)
				l->runs[r].len = end - l->runs[r].off;
		}
	}
	l->width = wend;
}

static int32_t
first_cp(const char *s, size_t n)
{
	int32_t cp;

	u8_decode(s, n, &cp);
	return cp;
}

static struct line *
new_line(struct rctx *c)
{
	struct lines *o = c->out;
	struct line *l;

	if (c->failed)
		return NULL;
	if (o->n == c->outcap) {
		size_t nc = c->outcap ? c->outcap * 2 : 64;

		if ((l = realloc(o->v, nc * sizeof(*l))) == NULL) {
			c->failed = 1;
			return NULL;
		}
		o->v = l;
		c->outcap = nc;
	}
	l = &o->v[o->n];
	memset(l, 0, sizeof(*l));
	l->block = c->block;
	l->row = c->row;
	l->quote_depth = c->qdepth;
	return l;
}

/* Build a line from the prefix pieces [skip, upto) and the text. */
static void
emit(struct rctx *c, const char *s, const uint32_t *at, size_t len,
    int upto, int blank, int oversize, int tw)
{
	struct line *l;
	struct buf b;
	size_t rcap = 0, i, k;
	int skip, pi, np, avail, pw;

	pw = render_prefix_keep(c, &skip);
	avail = c->o->width - pw;
	if ((l = new_line(c)) == NULL)
		return;
	buf_init(&b, 0);
	np = upto < RENDER_MAX_PIECES ? upto : RENDER_MAX_PIECES;
	for (pi = skip; pi < np; pi++) {
		struct piece *p = &c->pc[pi];
		const char *ps = p->used ? p->cont : p->first;

		if (blank && !p->quote)
			ps = "";
		if (line_run(l, &rcap, b.len, strlen(ps), p->role, -1) == -1 ||
		    buf_puts(&b, ps) == -1)
			goto fail;
		if (!blank)
			p->used = 1;
	}
	for (i = 0; i < len; i += k) {
		int gw;

		if (!oversize) {
			/* Runs of one attribute at a time. */
			for (k = 1; i + k < len &&
			    AT_STYLE(at[i + k]) == AT_STYLE(at[i]); k++)
				;
			if (line_run(l, &rcap, b.len, k, AT_ROLE(at[i]),
			    AT_LINK(at[i])) == -1 ||
			    buf_append(&b, s + i, k) == -1)
				goto fail;
			continue;
		}
		k = gnext(s, len, i, &gw);
		if (gw > avail) {
			/* Wider than the whole line (a wide character at
			 * width 1): a stand-in that fits. */
			if (line_run(l, &rcap, b.len, 1, AT_ROLE(at[i]),
			    AT_LINK(at[i])) == -1 || buf_putc(&b, '?') == -1)
				goto fail;
			continue;
		}
		if (line_run(l, &rcap, b.len, k, AT_ROLE(at[i]),
		    AT_LINK(at[i])) == -1 || buf_append(&b, s + i, k) == -1)
			goto fail;
	}
	l->text = buf_steal(&b);
	l->len = strlen(l->text);
	/* The width is known when the text cannot join the prefix's last
	 * cluster (it starts with ASCII or a simple letter); otherwise, and
	 * when a prefix stands alone, measure and fit. */
	if (tw >= 0 && len > 0 && !oversize && np - skip == c->npc - skip &&
	    ((unsigned char)s[0] < 0x80 || simple_width(first_cp(s, len))))
		l->width = pw + tw;
	else
		line_fit(l, c->o->wrap ? c->o->width : 0);
	if (blank) {
		/* A blank inside the link list still belongs to it. */
		l->flags = LINE_BLANK | (c->allflags & LINE_LINKLIST);
		l->row = -1;
	} else {
		l->flags = c->flags | c->allflags;
		c->flags = 0;
	}
	c->out->n++;
	return;
fail:
	buf_release(&b);
	free(l->runs);
	c->failed = 1;
}

static void
render_blank(struct rctx *c, int npieces)
{
	emit(c, "", NULL, 0, npieces, 1, 0, -1);
}

void
render_emit(struct rctx *c, const char *s, const uint32_t *at, size_t len,
    int npieces, int oversize, int width)
{
	if (c->blank) {
		int save = c->block;

		c->blank = 0;
		if (c->blank_npc == 0)
			c->block = -1;
		render_blank(c, c->blank_npc);
		c->block = save;
	}
	emit(c, s, at, len, npieces, 0, oversize, width);
}

void
render_para(struct rctx *c, const struct stext *t, int pre)
{
	struct seg *v;
	size_t nv, i;
	int skip, avail, width;

	if (t->failed) {
		c->failed = 1;
		return;
	}
	avail = c->o->width - render_prefix_keep(c, &skip);
	width = c->o->wrap ? (avail > 0 ? avail : 1) : 0;
	if (render_segments(c, t, width, pre, &v, &nv) == -1) {
		c->failed = 1;
		return;
	}
	for (i = 0; i < nv && !c->failed; i++)
		render_emit(c, t->b.data + v[i].start, t->at + v[i].start,
		    v[i].end - v[i].start, c->npc, width > 0 &&
		    v[i].width > width, v[i].width);
	free(v);
}
