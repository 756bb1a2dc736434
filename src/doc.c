/*
 * doc.c - build and free the document tree.  See doc.h.  Every string that
 * enters the doc passes through sanitize_text() here, so no reader of a doc
 * ever sees a control character from the web, and text (not URLs) is put
 * in NFC (nfc.c), so decomposed and composed pages read alike.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "buf.h"
#include "doc.h"
#include "nfc.h"
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

/* Length of s when it is printable ASCII with single spaces only
 * between words (most URLs, labels and link texts): sanitizing keeps
 * such text and folding does not change it.  0 when it is not. */
static size_t
plain_len(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (*p == ' ')
		return 0;
	for (; *p; p++) {
		if (*p > 0x20 && *p < 0x7f)
			continue;
		if (*p != ' ' || p[1] == ' ' || p[1] == '\0')
			return 0;
	}
	return (size_t)(p - (const unsigned char *)s);
}

/* t (sanitized, n bytes) in NFC, t itself when NFC keeps it (or cannot
 * make it); the length in *len.  Takes t. */
static char *
composed(char *t, size_t n, size_t *len)
{
	char *c;

	if (len)
		*len = n;
	if (!nfc_needed(t, n) || (c = nfc_dup(t, n, len)) == NULL)
		return t;
	free(t);
	return c;
}

/* Sanitize, compose (NFC) unless it is a URL, then fold whitespace;
 * NULL for NULL, empty or no memory.  URLs keep their code points: a
 * server may not take a composed path for a decomposed one. */
static char *
clean_str(const char *s, int url)
{
	char *t, *u;
	size_t n;

	if (s == NULL)
		return NULL;
	if ((n = plain_len(s)) > 0) {
		if ((u = malloc(n + 1)) != NULL)
			memcpy(u, s, n + 1);
		return u;
	}
	if ((t = sanitize_text(s, strlen(s), 0, NULL)) == NULL)
		return NULL;
	if (!url)
		t = composed(t, strlen(t), NULL);
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
	v = clean_str(
	    value, f == DOC_URL || f == DOC_CANONICAL || f == DOC_LEAD_IMAGE);
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
	char *v = clean_str(value, 0);

	free(*field);
	*field = v;
	return 0;
}

int
doc_block_seturl(char **field, const char *url)
{
	char *v = clean_str(url, 1);

	free(*field);
	*field = v;
	return 0;
}

/* Room for n more bytes and a NUL.  The text grows by doubling: its
 * capacity is the power of two at or above len + 1 (16 at least), so
 * appending piece by piece is linear; doc_inline_append() is the only
 * place it grows. */
static size_t
text_cap(size_t len)
{
	size_t c = 16;

	while (c < len + 1)
		c *= 2;
	return c;
}

static char *
text_room(struct doc_inline *in, size_t n)
{
	size_t want = in->len + n + 1;
	char *p;

	if (in->text != NULL && want <= text_cap(in->len))
		return in->text;
	if ((p = realloc(in->text, text_cap(want - 1))) == NULL)
		return NULL;
	in->text = p;
	return p;
}

long
doc_inline_append(struct doc_inline *in, const char *s, size_t n)
{
	size_t cl, start = in->len, i;
	char *c, *p;

	/* Printable ASCII and newlines come through sanitizing as they
	   are: append them without the copy. */
	i = 0;
#ifdef __SSE2__
	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
		/* signed: below 0x20 or 0x80 and up */
		__m128i bad = _mm_or_si128(
		    _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f)));

		bad = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
		    bad);
		if (_mm_movemask_epi8(bad))
			break;
	}
#endif
	for (; i < n; i++) {
		unsigned char b = (unsigned char)s[i];

		if ((b < 0x20 && b != '\n') || b >= 0x7f)
			break;
	}
	if (i == n) {
		if ((p = text_room(in, n)) == NULL)
			return -1;
		memcpy(p + in->len, s, n);
		in->len += n;
		p[in->len] = '\0';
		in->text = p;
		return (long)start;
	}
	if ((c = sanitize_text(s, n, SANITIZE_KEEP_NL, &cl)) == NULL)
		return -1;
	c = composed(c, cl, &cl);
	if ((p = text_room(in, cl)) == NULL) {
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

/* 1 when squashing would leave s as it is: no byte is_sp() takes but
 * single spaces between other bytes. */
static int
squashed(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i;

	if (n == 0)
		return 1;
	if (u[0] == ' ' || u[n - 1] == ' ')
		return 0;
	for (i = 0; i < n; i++) {
		if (u[i] > ' ' && u[i] != 0xc2)
			continue;
		if (u[i] == ' ') {
			if (u[i + 1] == ' ')
				return 0;
			continue;
		}
		if (u[i] == 0xc2) {
			if (i + 1 < n && u[i + 1] == 0xa0)
				return 0;
			continue;
		}
		if (u[i] == '\t' || u[i] == '\n' || u[i] == '\r' ||
		    u[i] == '\f')
			return 0;
	}
	return 1;
}

static int
cmp_off(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/* The new offset of old offset off: v[] holds them for the sorted q[]. */
static size_t
moved(const size_t *q, const size_t *v, size_t nq, size_t off)
{
	size_t lo = 0, hi = nq;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (q[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return v[lo];
}

void
doc_inline_squash(struct doc_inline *in)
{
	size_t i, j, k, o, nq = 0, qi = 0, *q = NULL, *v = NULL;
	int sp = 0;
	char *s = in->text;

	if (s == NULL)
		return;
	/* Text already folded (single spaces between words, none at the
	   ends) stays as it is: only the spans' ends are trimmed. */
	if (squashed(s, in->len)) {
		o = in->len;
		s[o] = '\0';
		goto spans;
	}
	/* The spans' ends, sorted, and their new offsets in v[], so that
	   spans can follow (no map of every byte). */
	if (in->nspans > 0) {
		nq = in->nspans * 2;
		if ((q = malloc(sizeof(*q) * nq * 2)) == NULL)
			return;
		v = q + nq;
		for (i = 0; i < in->nspans; i++) {
			q[2 * i] = in->spans[i].start;
			q[2 * i + 1] = in->spans[i].end;
		}
		qsort(q, nq, sizeof(*q), cmp_off);
	}
	for (i = 0, o = 0; i < in->len; i = j) {
		if (is_sp(s, in->len, i, &k)) {
			/* each byte of the space maps to o */
			while (qi < nq && q[qi] < i + k)
				v[qi++] = o;
			sp = o > 0;
			j = i + k;
			continue;
		}
		if (sp)
			s[o++] = ' ';
		sp = 0;
		/* s[i] and the bytes after it that no space can start: one
		   run, moved at once */
		j = i + 1;
#ifdef __SSE2__
		for (; j + 16 <= in->len; j += 16) {
			__m128i b = _mm_loadu_si128((const __m128i *)(s + j));
			/* bytes up to ' ' (unsigned), or 0xc2 */
			__m128i stop = _mm_or_si128(
			    _mm_cmpeq_epi8(_mm_subs_epu8(b, _mm_set1_epi8(' ')),
			        _mm_setzero_si128()),
			    _mm_cmpeq_epi8(b, _mm_set1_epi8((char)0xc2)));
			int mk = _mm_movemask_epi8(stop);

			if (mk) {
				j += (size_t)__builtin_ctz((unsigned)mk);
				break;
			}
		}
#endif
		/* the tail (or, after a stop found above, nothing) */
		for (; j < in->len && (unsigned char)s[j] > ' ' &&
		     (unsigned char)s[j] != 0xc2;
		     j++)
			;
		for (; qi < nq && q[qi] < j; qi++)
			v[qi] = o + (q[qi] - i);
		if (o != i)
			memmove(s + o, s + i, j - i);
		o += j - i;
	}
	while (qi < nq)
		v[qi++] = o;
	s[o] = '\0';
spans:
	for (i = 0, j = 0; i < in->nspans; i++) {
		struct doc_span sp2 = in->spans[i];

		if (q) {
			sp2.start = moved(q, v, nq, sp2.start);
			sp2.end = moved(q, v, nq, sp2.end);
		}
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
	free(q);
}

static int
cut_below(const struct doc_block *b, int depth)
{
	size_t i;

	if (b == NULL || depth > 256)
		return 0;
	if (b->nkids >= DOC_MAX_KIDS)
		return 1;
	for (i = 0; i < b->nkids; i++)
		if (b->kids[i]->nkids > 0 && cut_below(b->kids[i], depth + 1))
			return 1;
	return 0;
}

const char *
doc_cut(const struct doc *d)
{
	static char msg[128];

	if (cut_below(d->body, 0))
		snprintf(msg, sizeof(msg), "the page was cut after %d "
		    "paragraphs", DOC_MAX_KIDS);
	else if (d->nlinks >= DOC_MAX_LINKS)
		snprintf(msg, sizeof(msg), "only the first %d links of the "
		    "page are kept", DOC_MAX_LINKS);
	else
		return NULL;
	return msg;
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
	l->text = clean_str(text, 0);
	l->url = clean_str(url, 1);
	l->group = clean_str(group, 0);
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
