/*
 * extract_stats.c - the per-element figures the extractor scores with,
 * in one bottom-up pass over the page: text length (CJK counted
 * double), link text, commas, paragraphs, images, lists, headings, and
 * the class/id word bits.  The same pass notes the elements meta_read()
 * must read, so that it need not walk the page again.  See extract.h.
 */
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "extract.h"

struct ex_stat *
extract_stat(const xmlNode *n)
{
	return n ? (struct ex_stat *)n->_private : NULL;
}

/* Byte kinds for extract_text_fig(): a table keeps the loop to a load and a
 * compare per byte of plain ASCII. */
enum { K_END, K_SP, K_PLAIN, K_COMMA, K_CONT, K_LEAD, K_LEAD3 };
static unsigned char kind[256];

static void
kinds(void)
{
	unsigned c;

	for (c = 1; c < 256; c++)
		kind[c] = c < 0x80             ? K_PLAIN
		          : c < 0xc0           ? K_CONT
		          : (c & 0xf0) == 0xe0 ? K_LEAD3
		                               : K_LEAD;
	kind[' '] = kind['\n'] = kind['\t'] = kind['\r'] = K_SP;
	kind[','] = K_COMMA;
	kind[0] = K_END;
}

/* A three-byte sequence's extra figures: Hangul, kana and Han count
 * twice (a character says about as much as a short word); CJK and
 * Arabic commas are commas. */
static void
lead3_fig(const unsigned char *s, int *c, int *k)
{
	unsigned u;

	if (!(s[1] && s[2]))
		return;
	u = ((unsigned)(*s & 0x0f) << 12) | ((unsigned)(s[1] & 0x3f) << 6) |
	    (s[2] & 0x3f);
	if ((u >= 0xac00 && u <= 0xd7a3) || (u >= 0x3040 && u <= 0x30ff) ||
	    (u >= 0x4e00 && u <= 0x9fff))
		(*c)++;
	if (u == 0xff0c || u == 0x3001 || u == 0x060c)
		(*k)++;
}

#ifdef __SSE2__
/* Bits set in a 16-bit mask (no popcnt instruction is assumed). */
static inline int
pop16(unsigned x)
{
	x = x - ((x >> 1) & 0x5555u);
	x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
	x = (x + (x >> 4)) & 0x0f0fu;
	return (int)((x + (x >> 8)) & 0x1fu);
}
#endif

/* Text figures of one text node: chars (CJK double), commas.  A
 * character counts one (continuation bytes none), a run of whitespace
 * one unless it starts the text, a comma one.  Sixteen bytes at a time
 * where SSE2 is there (every x86-64): this reads all the page's text. */
void
extract_text_fig(const unsigned char *s, int *chars, int *commas)
{
	size_t n, i = 0;
	int c = 0, k = 0;
	unsigned sp = 1; /* the byte before was whitespace, or none */

	if (kind['a'] != K_PLAIN)
		kinds();
	if (s == NULL)
		return;
	n = strlen((const char *)s);
#ifdef __SSE2__
	{
		const __m128i vsp = _mm_set1_epi8(' '),
		              vnl = _mm_set1_epi8('\n'),
		              vtab = _mm_set1_epi8('\t'),
		              vcr = _mm_set1_epi8('\r'),
		              vcomma = _mm_set1_epi8(','),
		              vc0 = _mm_set1_epi8((char)0xc0),
		              vf0 = _mm_set1_epi8((char)0xf0),
		              ve0 = _mm_set1_epi8((char)0xe0);

		for (; i + 16 <= n; i += 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
			unsigned ws, cont = 0, l3 = 0, cm;

			ws = (unsigned)_mm_movemask_epi8(_mm_or_si128(
			    _mm_or_si128(_mm_cmpeq_epi8(v, vsp),
			        _mm_cmpeq_epi8(v, vnl)),
			    _mm_or_si128(_mm_cmpeq_epi8(v, vtab),
			        _mm_cmpeq_epi8(v, vcr))));
			cm = (unsigned)_mm_movemask_epi8(
			    _mm_cmpeq_epi8(v, vcomma));
			if (_mm_movemask_epi8(v)) {
				/* 0x80..0xbf, signed below 0xc0 */
				cont = (unsigned)_mm_movemask_epi8(
				    _mm_cmplt_epi8(v, vc0));
				l3 = (unsigned)_mm_movemask_epi8(
				    _mm_cmpeq_epi8(_mm_and_si128(v, vf0), ve0));
			}
			c += 16 - pop16(ws | cont);
			c += pop16(ws & ~((ws << 1) | sp) & 0xffffu);
			k += pop16(cm);
			sp = (ws >> 15) & 1;
			while (l3) {
				lead3_fig(s + i + __builtin_ctz(l3), &c, &k);
				l3 &= l3 - 1;
			}
		}
	}
#endif
	for (; i < n; i++) {
		switch (kind[s[i]]) {
		case K_SP:
			if (!sp)
				c++;
			sp = 1;
			continue;
		case K_COMMA:
			k++;
			break;
		case K_CONT:
			sp = 0;
			continue;
		case K_LEAD3:
			lead3_fig(s + i, &c, &k);
			break;
		default: /* K_PLAIN, K_LEAD */
			break;
		}
		c++;
		sp = 0;
	}
	*chars += c;
	*commas += k;
}

static int
is_heading(const char *t)
{
	return t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && t[2] == '\0';
}

struct walk {
	struct extract_ctx *x;
	int fail;  /* out of memory */
	int mfail; /* the marks for meta_read() are not complete */
};

/* Note an element for meta_read() (whole: with all under it). */
static void
mark(struct walk *w, xmlNode *n, int whole)
{
	struct extract_ctx *x = w->x;
	struct ex_mark *ml;

	if (w->mfail)
		return;
	if (x->nml == x->capml) {
		size_t cap = x->capml ? x->capml * 2 : 256;

		if ((ml = realloc(x->ml, sizeof(*ml) * cap)) == NULL) {
			w->mfail = 1;
			return;
		}
		x->ml = ml;
		x->capml = cap;
	}
	x->ml[x->nml].n = n;
	x->ml[x->nml++].whole = whole;
}

/* Can meta_read() take anything from element n (meta.c's meta_el())?
 * A superset: its tags, the attributes it reads on any element, the
 * byline and date class words, and leaves holding one text. */
static int
meta_wants(const xmlNode *n, const char *t, const struct ex_stat *s, int ma)
{
	if (ma || ((s->cw | s->iw) & (W_BYLINE | W_META)))
		return 1;
	if (n->children && n->children->next == NULL &&
	    n->children->type == XML_TEXT_NODE)
		return 1;
	switch (t[0]) {
	case 'b':
		return html_tag_is(t, "base");
	case 'h':
		return html_tag_is(t, "h1");
	case 'l':
		return html_tag_is(t, "link");
	case 'm':
		return html_tag_is(t, "meta");
	case 't':
		return html_tag_is(t, "title") || html_tag_is(t, "time");
	default:
		return 0;
	}
}

/* The next free stat: chunks grow as the walk goes, so that no count of
 * the page's elements (a walk of its own) is needed first. */
static struct ex_stat *
stat_new(struct walk *w)
{
	struct ex_arena *a = w->x->arena, *na;
	size_t cap;

	if (a == NULL || a->n == a->cap) {
		cap = a ? (a->cap < 8192 ? a->cap * 2 : a->cap) : 512;
		if ((na = malloc(sizeof(*na) + sizeof(na->s[0]) * cap)) ==
		    NULL) {
			w->fail = 1;
			return NULL;
		}
		na->next = a;
		na->n = 0;
		na->cap = cap;
		w->x->arena = a = na;
	}
	w->x->nst++;
	return &a->s[a->n++];
}

static void
stat_rec(struct walk *w, xmlNode *n, int depth, int inlink, double lc)
{
	struct ex_stat *s, *k;
	xmlNode *c;
	const char *t = html_name(n), *href;
	int tc, tk, ma;

	if ((s = stat_new(w)) == NULL)
		return;
	memset(s, 0, sizeof(*s));
	n->_private = s;
	extract_words_el(n, &s->cw, &s->iw, &ma);
	s->artbody = ma == 2;
	if (*t && meta_wants(n, t, s, ma))
		mark(w, n, 0);
	if (html_tag_is(t, "a") && !inlink) {
		inlink = 1;
		href = html_attr(n, "href");
		lc = (href && href[0] == '#') ? 0.3 : 1.0;
	}
	for (c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE) {
			tc = tk = 0;
			extract_text_fig(c->content, &tc, &tk);
			s->chars += tc;
			s->commas += tk;
			if (inlink)
				s->linkchars += (int)(tc * lc + 0.5);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE) {
			c->_private = NULL;
			continue;
		}
		/* Too deep, or no text of the page's: no figures, but
		   meta_read() still goes through all of it. */
		if (depth >= HTML_MAX_DEPTH ||
		    (c->name && (c->name[0] == 's' || c->name[0] == 't') &&
		        (html_is(c, "script") || html_is(c, "style") ||
		            html_is(c, "template")))) {
			c->_private = NULL;
			mark(w, c, 1);
			continue;
		}
		stat_rec(w, c, depth + 1, inlink, lc);
		if ((k = extract_stat(c)) == NULL)
			continue;
		s->chars += k->chars;
		s->linkchars += k->linkchars;
		s->commas += k->commas;
		s->np += k->np;
		s->nimg += k->nimg;
		s->nli += k->nli;
		s->ninput += k->ninput;
		s->nembed += k->nembed;
		s->nfig += k->nfig;
		s->headchars += k->headchars;
		s->listchars += k->listchars;
		s->artbody += k->artbody;
	}
	/* by first letter: this runs for every element of the page */
	switch (t[0]) {
	case 'p':
		if (t[1] == '\0')
			s->np++;
		break;
	case 'i':
		if (html_tag_is(t, "img"))
			s->nimg++;
		else if (html_tag_is(t, "input"))
			s->ninput++;
		else if (html_tag_is(t, "iframe"))
			s->nembed++;
		break;
	case 'l':
		if (html_tag_is(t, "li"))
			s->nli++;
		break;
	case 'o':
		if (html_tag_is(t, "object"))
			s->nembed++;
		else if (html_tag_is(t, "ol"))
			s->listchars = s->chars;
		break;
	case 'e':
		if (html_tag_is(t, "embed"))
			s->nembed++;
		break;
	case 'f':
		if (html_tag_is(t, "figure"))
			s->nfig++;
		break;
	case 'h':
		if (is_heading(t))
			s->headchars = s->chars;
		break;
	case 'u':
		if (html_tag_is(t, "ul"))
			s->listchars = s->chars;
		break;
	}
}

int
extract_stats_under(struct extract_ctx *x, xmlNode *root)
{
	struct walk w;

	/* one more than handed out: the callers' arrays of candidates
	   keep that spare */
	if (x->nst == 0)
		x->nst = 1;
	w.x = x;
	w.fail = w.mfail = 0;
	x->nml = 0;
	stat_rec(&w, root, 0, 0, 1.0);
	/* meta_read() reads the marks of the whole page only */
	x->ml_ok = !w.fail && !w.mfail &&
	           root == xmlDocGetRootElement(x->html);
	return w.fail ? -1 : 0;
}

int
extract_stats(struct extract_ctx *x)
{
	return extract_stats_under(x, xmlDocGetRootElement(x->html));
}

/* Take n's figures out of its ancestors', then free it. */
void
extract_remove(xmlNode *n)
{
	struct ex_stat *s = extract_stat(n), *a;
	xmlNode *p;

	if (s) {
		for (p = n->parent; p && p->type == XML_ELEMENT_NODE;
		     p = p->parent) {
			if ((a = extract_stat(p)) == NULL)
				break;
			a->chars -= s->chars;
			a->linkchars -= s->linkchars;
			a->commas -= s->commas;
			a->np -= s->np;
			a->nimg -= s->nimg;
			a->nli -= s->nli;
			a->ninput -= s->ninput;
			a->nembed -= s->nembed;
			a->nfig -= s->nfig;
			a->headchars -= s->headchars;
			a->listchars -= s->listchars;
		}
	}
	html_remove(n);
}

