/*
 * pane_article_find.c - search in the article: / and ?, n and N.  Case-
 * smart (a pattern with an upper-case letter matches case exactly, else
 * case is ignored, Unicode-aware).  Matches are found in the rendered
 * text, also across the break of a wrapped line (with the space the break
 * took, or none between CJK characters); pane_article.c highlights those
 * on screen.  UI only.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "pane_article.h"
#include "uwidth.h"

static int32_t
fold(int32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? c + 32 : c;
	return utf8proc_tolower(c);
}

int
art_smart_icase(const char *pat)
{
	size_t i = 0, n = strlen(pat);
	int32_t c;

	while (i < n) {
		i += u8_decode(pat + i, n - i, &c);
		if (fold(c) != c)
			return 0;
	}
	return 1;
}

/* Does pat match at s?  *len gets the bytes of s matched. */
static int
match_here(const char *s, size_t n, const char *pat, int icase, size_t *len)
{
	size_t i = 0, j = 0, m = strlen(pat);
	int32_t a, b;

	if (!icase) {
		if (m > n || memcmp(s, pat, m) != 0)
			return 0;
		*len = m;
		return 1;
	}
	while (j < m) {
		if (i >= n)
			return 0;
		i += u8_decode(s + i, n - i, &a);
		j += u8_decode(pat + j, m - j, &b);
		if (fold(a) != fold(b))
			return 0;
	}
	*len = i;
	return 1;
}

int
art_find(const char *s, size_t n, size_t from, const char *pat, int icase,
    size_t *off, size_t *len)
{
	size_t i;

	if (pat[0] == '\0')
		return 0;
	for (i = from; i < n; i++) {
		/* Start on a character boundary only. */
		if (((unsigned char)s[i] & 0xc0) == 0x80)
			continue;
		if (!icase && s[i] != pat[0])
			continue;
		if (match_here(s + i, n - i, pat, icase, len)) {
			*off = i;
			return 1;
		}
	}
	return 0;
}

/* Where a line's words start: past quote bars, list markers and the
 * indent that continues them. */
static size_t
text_start(const struct line *l)
{
	size_t r = 0, o;

	while (r < l->nruns && (l->runs[r].role == ROLE_QUOTE_BAR ||
	    l->runs[r].role == ROLE_LIST_MARKER))
		r++;
	o = r < l->nruns ? l->runs[r].off : l->len;
	while (o < l->len && l->text[o] == ' ')
		o++;
	return o;
}

/* Does line li go on in line li + 1 (a paragraph wrapped there)? */
static int
goes_on(const struct lines *L, size_t li)
{
	const struct line *a = &L->v[li], *b;

	if (li + 1 >= L->n)
		return 0;
	b = &L->v[li + 1];
	return a->block >= 0 && b->block == a->block && a->row < 0 &&
	    b->row < 0 && a->len > 0 && b->len > 0 &&
	    !(b->flags & (LINE_BLOCK_START | LINE_BLANK | LINE_HEADER |
	    LINE_LINKLIST));
}

int
art_find_span(const struct lines *L, size_t li, size_t from,
    const char *pat, int icase, size_t *off, size_t *off2, size_t *len2)
{
	/* A match that runs on covers at most the pattern's characters
	   (4 bytes each) of this line and of the next. */
	char j[8 * ART_PATMAX + 2];
	const struct line *a, *b;
	size_t m = strlen(pat), s0, al, bs, bl, p, len, sep, k, cjk;

	if (m == 0 || m >= ART_PATMAX || !goes_on(L, li))
		return 0;
	a = &L->v[li];
	b = &L->v[li + 1];
	s0 = a->len > 4 * m ? a->len - 4 * m : 0;
	if (s0 < from)
		s0 = from;
	while (s0 < a->len && ((unsigned char)a->text[s0] & 0xc0) == 0x80)
		s0++;
	if (s0 >= a->len)
		return 0;
	al = a->len - s0;
	bs = text_start(b);
	bl = b->len - bs < 4 * m ? b->len - bs : 4 * m;
	cjk = u8_wide_before(a->text, a->len) && bl > 0 &&
	    u8_wide_at(b->text + bs, b->len - bs);
	memcpy(j, a->text + s0, al);
	for (p = 0; p < al; p++) {
		if (((unsigned char)j[p] & 0xc0) == 0x80)
			continue;
		/* The break took a space, or none between two wide (CJK)
		   characters; Korean breaks at its spaces, so both are
		   tried there. */
		for (k = 0; k < 1 + cjk; k++) {
			sep = k == 0;
			j[al] = ' ';
			memcpy(j + al + sep, b->text + bs, bl);
			if (match_here(j + p, al + sep + bl - p, pat, icase,
			    &len) && p + len > al + sep) {
				*off = s0 + p;
				*off2 = bs;
				*len2 = p + len - al - sep;
				return 1;
			}
		}
	}
	return 0;
}

/* The last match in line before byte "before". */
static int
find_back(const char *s, size_t n, size_t before, const char *pat,
    int icase, size_t *off)
{
	size_t from = 0, o, l;
	int found = 0;

	while (art_find(s, n, from, pat, icase, &o, &l) && o < before) {
		*off = o;
		found = 1;
		from = o + 1;
	}
	return found;
}

/* "match k of n" on the status line, k the hit at line li, byte off;
 * after how the search wrapped, when it did. */
static void
count_hits(struct ui *ui, struct art *a, size_t hli, size_t hoff,
    const char *wrapped)
{
	const struct lines *L = a->lines;
	size_t li, off, o, len, o2, l2, n = 0, k = 0;

	for (li = 0; li < L->n; li++) {
		const struct line *l = &L->v[li];

		for (off = 0; art_find(l->text, l->len, off, a->pat, a->icase,
		    &o, &len); off = o + 1) {
			n++;
			k += li < hli || (li == hli && o <= hoff);
		}
		if (art_find_span(L, li, 0, a->pat, a->icase, &o, &o2, &l2)) {
			n++;
			k += li < hli || (li == hli && o <= hoff);
		}
	}
	if (wrapped)
		ui_message(ui, "%s (match %zu of %zu)", wrapped, k, n);
	else if (n > 1)
		ui_message(ui, "match %zu of %zu", k, n);
	else
		ui_message(ui, "the only match");
}

int
art_search(struct ui *ui, struct art *a, int dir, int fresh)
{
	const struct lines *L = a->lines;
	size_t li, off, len, k, so, o2, l2, wo;
	int wrapped = 0, span, whole;

	if (L == NULL || L->n == 0)
		return UI_HANDLED;
	if (a->pat[0] == '\0') {
		ui_message(ui, "no search yet (/ or ?)");
		return UI_HANDLED;
	}
	if (fresh || !a->have_hit) {
		li = dir > 0 ? a->top : a->top + (size_t)a->h;
		if (li >= L->n)
			li = L->n - 1;
		off = dir > 0 ? 0 : L->v[li].len + 1;
	} else {
		li = a->hit_line;
		off = dir > 0 ? a->hit_off + 1 : a->hit_off;
	}
	/* Every line once, then the start line again from its other end. */
	for (k = 0; k <= L->n; k++) {
		const struct line *l;

		if (k > 0) {
			if (dir > 0) {
				li = li + 1 < L->n ? li + 1 : 0;
				wrapped |= li == 0;
				off = 0;
			} else {
				wrapped |= li == 0;
				li = li > 0 ? li - 1 : L->n - 1;
				off = L->v[li].len + 1;
			}
		}
		l = &L->v[li];
		/* A match may run on into the next line: the earlier (or,
		   going back, the later) start of the two. */
		span = art_find_span(L, li, dir > 0 ? off : 0, a->pat,
		    a->icase, &so, &o2, &l2);
		if (dir > 0) {
			whole = art_find(l->text, l->len, off, a->pat, a->icase,
			    &wo, &len);
			if (whole && (!span || wo <= so)) {
				off = wo;
				goto found;
			}
		} else {
			if (span && so >= off)
				span = 0;
			whole = find_back(l->text, l->len, off, a->pat,
			    a->icase, &wo);
			if (whole && (!span || wo > so)) {
				off = wo;
				goto found;
			}
		}
		if (span) {
			off = so;
			goto found;
		}
	}
	a->have_hit = 0;
	ui_error(ui, "pattern not found: '%s'", a->pat);
	return UI_HANDLED;
found:
	a->have_hit = 1;
	a->hit_line = li;
	a->hit_off = off;
	art_show_line(a, li);
	count_hits(ui, a, li, off,
	    !wrapped ? NULL :
	    dir > 0  ? "search hit the bottom, continued at the top" :
	               "search hit the top, continued at the bottom");
	ui_dirty(ui, PANE_ARTICLE);
	ui_dirty(ui, PANE_STATUS);
	return UI_HANDLED;
}

static void
search_done(struct ui *ui, const char *text, void *arg)
{
	struct art *a = pane_article_state(ui);
	int back = arg != NULL;

	if (text == NULL)
		return;
	/* Cut short, a pattern would match where the whole one does not. */
	if (strlen(text) >= sizeof(a->pat)) {
		ui_error(ui, "search pattern too long (%zu bytes, at most %zu)",
		    strlen(text), sizeof(a->pat) - 1);
		return;
	}
	/* An empty pattern repeats the last search in the new direction. */
	if (*text) {
		snprintf(a->pat, sizeof(a->pat), "%s", text);
		a->icase = art_smart_icase(a->pat);
	}
	a->back = back;
	art_search(ui, a, back ? -1 : 1, 1);
}

void
art_search_prompt(struct ui *ui, int back)
{
	static int tag;

	pane_status_prompt(ui, back ? "?" : "/", NULL, search_done,
	    back ? &tag : NULL);
}
