/*
 * render_inline.c - a doc inline as styled text (see render_int.h): roles
 * from its spans (emphasis, code, links) and from quoted speech found in
 * the text, and link numbers: glued to the link on screen, after the
 * sentence that holds the link in plain text (export, --dump), so that a
 * quoted passage reads as written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_int.h"
#include "sentence.h"
#include "util.h"

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
