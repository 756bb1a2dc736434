/*
 * render_wrap.c - the renderer's text machinery: styled text (built from
 * a doc inline by render_inline.c), cut into segments that fit a width at
 * line-break opportunities, and emitted as finished lines with their
 * prefix (quote bars, list markers).
 *
 * The rule everything here keeps: no emitted line is wider than the width
 * when wrapping is on.  Prefixes are dropped when they would leave too
 * little room, a word wider than the line breaks between grapheme
 * clusters, and a cluster wider than the whole line becomes "?".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "linebreak.h"
#include "render_int.h"
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
	t->any |= at;
}

void
stext_addv(struct stext *t, const char *s, size_t n, const uint32_t *at)
{
	size_t old = t->b.len, i;

	if (n == 0)
		return;
	stext_add(t, s, n, 0);
	if (t->failed)
		return;
	memcpy(t->at + old, at, n * sizeof(*at));
	for (i = 0; i < n; i++)
		t->any |= at[i];
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

/* How far from j the bytes are printable ASCII but space, with no
   break before them and ASCII after them, at most max of them: 16 at a
   time while 17 can be read. */
static size_t
ascii_run(
    const char *s, size_t n, const unsigned char *brk, size_t j, size_t max)
{
	size_t end = n - j > max ? j + max : n;

#ifdef __SSE2__
	while (j + 17 <= n && j + 16 <= end) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + j));
		__m128i nx = _mm_loadu_si128((const __m128i *)(s + j + 1));
		__m128i b = _mm_loadu_si128((const __m128i *)(brk + j));
		/* signed: 0x21..0x7e are above 0x20 and below 0x7f */
		__m128i ok =
		    _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x20)),
		        _mm_cmplt_epi8(v, _mm_set1_epi8(0x7f)));
		unsigned m;

		ok = _mm_and_si128(ok, _mm_cmpeq_epi8(b, _mm_setzero_si128()));
		/* the next byte below 0x80: not negative */
		ok = _mm_and_si128(ok, _mm_cmpgt_epi8(nx, _mm_set1_epi8(-1)));
		m = (unsigned)_mm_movemask_epi8(ok);
		if (m != 0xffff)
			return j + (size_t)__builtin_ctz(~m);
		j += 16;
	}
#endif
	(void)brk;
	return j;
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
	if (t->any & AT_NOBREAK)
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
				size_t j = ascii_run(s, n, brk, i + k,
				    width <= 0  ? n
				    : w < width ? (size_t)(width - w)
				                : 0);

				/* The rest of a word of ASCII at once: no
				   break in it, a column a byte, while it fits
				   (what the steps above would do byte by
				   byte). */
				w += (int)(j - (i + k));
				while (j < n && brk[j] == LB_NONE &&
				       (unsigned char)s[j] > 0x20 &&
				       (unsigned char)s[j] < 0x7f &&
				       (j + 1 >= n ||
				           (unsigned char)s[j + 1] < 0x80) &&
				       (width <= 0 || w < width)) {
					w++;
					j++;
				}
				k = j - i;
				wt = w;
				endt = j;
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
