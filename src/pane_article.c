/*
 * pane_article.c - the reader: paints the lines render_doc() makes of the
 * open article in a centred reading column, and scrolls, jumps between
 * headings, paragraphs and links, follows links and opens them or the
 * figures' images outside.  Search is in pane_article_find.c, selection
 * and export in pane_article_sel.c.  A key repaints this pane only (and
 * the status line), at a cost that depends on the pane's size, never on
 * the article's length.  UI only.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "pane_article.h"
#include "uwidth.h"

static enum role *rolebuf;	/* one role per byte of the line painted */
static size_t rolecap;

struct art *
pane_article_state(struct ui *ui)
{
	return ui->pane[PANE_ARTICLE].priv;
}

static int
art_init(struct pane *p, struct ui *ui)
{
	struct art *a = calloc(1, sizeof(*a));

	(void)ui;
	if (a == NULL)
		return -1;
	a->sel_link = -1;
	a->h = 1;
	p->priv = a;
	return 0;
}

static void
art_free(struct pane *p)
{
	struct art *a = p->priv;

	if (a) {
		lines_free(a->lines);
		free(a->linkno);
	}
	free(a);
	p->priv = NULL;
	free(rolebuf);
	rolebuf = NULL;
	rolecap = 0;
}

size_t
art_max_top(const struct art *a)
{
	if (a->lines == NULL || a->lines->n <= (size_t)a->h)
		return 0;
	return a->lines->n - (size_t)a->h;
}

void
art_set_top(struct art *a, size_t top)
{
	size_t m = art_max_top(a);

	a->top = top > m ? m : top;
	a->cur = a->top;
}

/* Bring line into view, a third down the page when it was off screen. */
void
art_show_line(struct art *a, size_t line)
{
	if (line >= a->top && line < a->top + (size_t)a->h) {
		a->cur = line;
		return;
	}
	art_set_top(a, line > (size_t)a->h / 3 ? line - (size_t)a->h / 3 : 0);
	a->cur = line;
}

/* Link numbers as render printed them (" [n]" after each link). */
static void
number_links(struct ui *ui, struct art *a)
{
	const struct lines *l = a->lines;
	size_t i, j;

	free(a->linkno);
	a->linkno = NULL;
	a->nlinkno = 0;
	if (ui->doc == NULL || l == NULL || ui->doc->nlinks == 0)
		return;
	if ((a->linkno = calloc(ui->doc->nlinks, sizeof(int))) == NULL)
		return;
	a->nlinkno = ui->doc->nlinks;
	for (i = 0; i < l->n; i++) {
		for (j = 0; j < l->v[i].nruns; j++) {
			const struct run *r = &l->v[i].runs[j];
			const char *s = l->v[i].text + r->off;
			size_t k = 0;
			int no = 0, link = r->link;

			if (r->role != ROLE_LINK_NUMBER)
				continue;
			/* "[n] " before an entry of the link list belongs to
			 * the link that follows it. */
			if (link < 0 && j + 1 < l->v[i].nruns)
				link = l->v[i].runs[j + 1].link;
			if (link < 0 || (size_t)link >= a->nlinkno ||
			    a->linkno[link])
				continue;
			while (k < r->len && (s[k] < '0' || s[k] > '9'))
				k++;
			while (k < r->len && s[k] >= '0' && s[k] <= '9' &&
			    no < 1000000)
				no = no * 10 + (s[k++] - '0');
			a->linkno[link] = no;
		}
	}
}

int
pane_article_link_number(struct ui *ui, int link)
{
	struct art *a = pane_article_state(ui);

	if (link < 0 || (size_t)link >= a->nlinkno)
		return 0;
	return a->linkno[link];
}

/* A line as its block and its place in it, to find again after the
 * article is wrapped anew. */
struct spot {
	int block;     /* -1: none (header, blank line) */
	size_t off, n; /* its line in the block, the block's lines */
	size_t idx;
};

static void
spot_of(const struct lines *L, size_t i, struct spot *s)
{
	size_t j;

	memset(s, 0, sizeof(*s));
	s->idx = i;
	s->block = L && i < L->n ? L->v[i].block : -1;
	if (s->block < 0)
		return;
	for (j = i; j > 0 && L->v[j - 1].block == s->block; j--)
		;
	s->off = i - j;
	for (j = i; j < L->n && L->v[j].block == s->block; j++)
		;
	s->n = j - i + s->off;
}

/* The line of the new lines L at the same place: the same fraction of
 * the way through its block (the block's last line for an end that was
 * on its last line). */
static size_t
spot_in(const struct lines *L, const struct spot *s, size_t oldn, int end)
{
	size_t i, first, nn = 0, r;

	if (L->n == 0)
		return 0;
	for (i = 0; s->block >= 0 && i < L->n && L->v[i].block != s->block;
	     i++)
		;
	first = i;
	for (; s->block >= 0 && i < L->n && L->v[i].block == s->block; i++)
		nn++;
	if (nn == 0 || s->n == 0)
		r = oldn ? s->idx * L->n / oldn : 0;
	else if (end)
		r = first + ((s->off + 1) * nn + s->n - 1) / s->n - 1;
	else
		r = first + s->off * nn / s->n;
	return r < L->n ? r : L->n - 1;
}

/* Render at the pane's width, keeping the reader's place: the block at
 * the top stays at the top, and a selection selects the same text. */
static void
rerender(struct ui *ui, struct art *a)
{
	struct pane *p = &ui->pane[PANE_ARTICLE];
	struct render_opts o;
	struct lede_err err = {0};
	struct lines *nl;
	int w, avail, block = -1, pw;
	size_t i, off = 0, oldn = 0, oldtop = a->top, oldblk = 0;
	struct spot sa, sc;

	/* Never laid out yet (lede started in the library): the article
	 * will get the whole width on a narrow screen. */
	pw = p->w > 0 ? p->w : COLS;
	avail = pw > 24 ? pw - 2 : pw;
	w = ui->colw < avail ? ui->colw : avail;
	if (w < 1)
		w = 1;
	a->xoff = (pw - w) / 2;
	if (a->xoff < 0)
		a->xoff = 0;
	if (ui->doc == NULL) {
		lines_free(a->lines);
		a->lines = NULL;
		a->textw = w;
		return;
	}
	if (a->lines && a->textw == w)
		return;
	if (a->lines && a->top < a->lines->n) {
		oldn = a->lines->n;
		block = a->lines->v[a->top].block;
		for (i = a->top; i > 0 && block >= 0 &&
		    a->lines->v[i - 1].block == block; i--)
			off++;
		for (i = a->top; block >= 0 && i < a->lines->n &&
		    a->lines->v[i].block == block; i++)
			oldblk++;
		oldblk += off;
	}
	if (a->sel_mode != SEL_NONE && a->lines) {
		spot_of(a->lines, a->anchor, &sa);
		spot_of(a->lines, a->cursor, &sc);
	}
	render_opts_default(&o);
	o.width = w;
	if ((nl = render_doc(ui->doc, &o, &err)) == NULL) {
		ui_error(ui, "%s", err.msg);
		return;
	}
	lines_free(a->lines);
	a->lines = nl;
	a->textw = w;
	number_links(ui, a);
	if (block >= 0) {
		size_t first, nnew = 0;

		for (i = 0; i < nl->n && nl->v[i].block != block; i++)
			;
		first = i;
		while (i < nl->n && nl->v[i].block == block) {
			nnew++;
			i++;
		}
		/* The same fraction of the way through the block. */
		if (oldblk > 0 && nnew > 0)
			off = off * nnew / oldblk;
		art_set_top(a, first < nl->n ? first + off : 0);
		a->cur = a->top;
	} else if (oldn > 0) {
		art_set_top(a, oldtop * nl->n / oldn);
	}
	a->have_hit = 0;
	if (a->sel_mode != SEL_NONE) {
		int later = a->anchor > a->cursor;

		a->anchor = spot_in(nl, &sa, oldn, later);
		a->cursor = spot_in(nl, &sc, oldn, !later);
		art_sel_info(ui, a);
	}
	/* A drag's anchor numbered the old lines. */
	a->dragging = 0;
	a->sel_run = 0;
	a->sel_line = a->top;
}

static void
art_layout(struct pane *p, struct ui *ui)
{
	struct art *a = p->priv;

	a->h = p->h > 0 ? p->h : 1;
	rerender(ui, a);
	art_set_top(a, a->top);
}

void
pane_article_reset(struct ui *ui, size_t top, int block, int link)
{
	struct art *a = pane_article_state(ui);
	size_t i;

	a->sel_link = -1;
	a->sel_mode = SEL_NONE;
	a->have_hit = 0;
	a->info[0] = '\0';
	a->top = a->cur = 0;
	/* A new article: drop the old lines so that they are not taken for
	 * this one's (a later layout at the same width keeps these). */
	lines_free(a->lines);
	a->lines = NULL;
	rerender(ui, a);
	art_set_top(a, top);
	/* The same width gives the same lines; another width: the block. */
	if (a->lines && block >= 0 && (a->top >= a->lines->n ||
	    a->lines->v[a->top].block != block)) {
		for (i = 0; i < a->lines->n && a->lines->v[i].block != block;
		    i++)
			;
		if (i < a->lines->n)
			art_set_top(a, i);
	}
	if (link >= 0 && ui->doc && (size_t)link < ui->doc->nlinks)
		pane_article_select_link(ui, link);
	ui_dirty(ui, PANE_ARTICLE);
}

void
pane_article_position(struct ui *ui, size_t *top, int *block, int *link)
{
	struct art *a = pane_article_state(ui);

	*top = a->top;
	*block = a->lines && a->top < a->lines->n ?
	    a->lines->v[a->top].block : -1;
	*link = a->sel_link;
}

void
pane_article_progress(struct ui *ui, size_t *top, size_t *n, int *h)
{
	struct art *a = pane_article_state(ui);

	*top = a->top;
	*n = a->lines ? a->lines->n : 0;
	*h = a->h;
}

const char *
pane_article_info(struct ui *ui)
{
	struct art *a = pane_article_state(ui);

	return a->info[0] ? a->info : NULL;
}

/* --- painting ------------------------------------------------------------ */

static int
in_selection(const struct art *a, size_t line)
{
	size_t first, last;

	return art_sel_range(a, &first, &last) && line >= first &&
	    line <= last;
}

static void
paint_line(WINDOW *w, struct art *a, size_t li, int row)
{
	const struct line *l = &a->lines->v[li];
	size_t i, j, off, len, o2;
	enum role r;
	int cols = 0, maxw = a->textw;

	if (l->len + 1 > rolecap) {
		size_t cap = l->len + 64;
		enum role *nb = realloc(rolebuf, cap * sizeof(*nb));

		if (nb == NULL)
			return;
		rolebuf = nb;
		rolecap = cap;
	}
	for (i = 0; i < l->len; i++)
		rolebuf[i] = ROLE_BODY;
	for (j = 0; j < l->nruns; j++) {
		const struct run *rn = &l->runs[j];

		r = rn->role;
		if (rn->link >= 0 && rn->link == a->sel_link)
			r = ROLE_LINK_SELECTED;
		for (i = rn->off; i < rn->off + rn->len && i < l->len; i++)
			rolebuf[i] = r;
	}
	if (a->pat[0]) {
		off = 0;
		while (art_find(l->text, l->len, off, a->pat, a->icase, &off,
		    &len)) {
			for (i = off; i < off + len; i++)
				rolebuf[i] = ROLE_SEARCH_HIT;
			off += len ? len : 1;
		}
		/* Matches that run on from this line, or into it. */
		if (art_find_span(a->lines, li, 0, a->pat, a->icase, &off,
		    &o2, &len))
			for (i = off; i < l->len; i++)
				rolebuf[i] = ROLE_SEARCH_HIT;
		if (li > 0 && art_find_span(a->lines, li - 1, 0, a->pat,
		    a->icase, &off, &o2, &len)) {
			/* the current match's second part, when it is this */
			enum role hr = a->have_hit && a->hit_line == li - 1 &&
			        a->hit_off == off ?
			    ROLE_SEARCH_CURRENT :
			    ROLE_SEARCH_HIT;

			for (i = o2; i < o2 + len && i < l->len; i++)
				rolebuf[i] = hr;
		}
		/* The match the search went to, apart from the others (to
		   the line's end when it runs on into the next). */
		if (a->have_hit && a->hit_line == li && a->hit_off < l->len) {
			size_t e = l->len;

			if (art_find(l->text, l->len, a->hit_off, a->pat,
			        a->icase, &off, &len) &&
			    off == a->hit_off)
				e = off + len;
			for (i = a->hit_off; i < e; i++)
				rolebuf[i] = ROLE_SEARCH_CURRENT;
		}
	}
	if (in_selection(a, li))
		for (i = 0; i < l->len; i++)
			rolebuf[i] = ROLE_SELECTION;
	wmove(w, row, a->xoff);
	for (i = 0; i < l->len && cols < maxw; i = j) {
		for (j = i + 1; j < l->len && rolebuf[j] == rolebuf[i]; j++)
			;
		cols += ui_put(w, rolebuf[i], l->text + i, j - i, maxw - cols);
	}
	/* A selected blank line still shows. */
	if (l->len == 0 && in_selection(a, li))
		ui_put(w, ROLE_SELECTION, " ", 1, 1);
}

static void
art_draw(struct pane *p, struct ui *ui)
{
	struct art *a = p->priv;
	size_t i;
	int row;
	static const char none[] = "No article open: pick one in the library "
	    "(Tab), or press O to open a file or URL.";

	werase(p->win);
	if (a->lines == NULL) {
		wmove(p->win, 0, 0);
		ui_put(p->win, ROLE_BODY, none, sizeof(none) - 1, p->w);
		return;
	}
	for (row = 0, i = a->top; row < p->h && i < a->lines->n; row++, i++)
		paint_line(p->win, a, i, row);
}

/* --- links --------------------------------------------------------------- */

void
pane_article_select_link(struct ui *ui, int link)
{
	struct art *a = pane_article_state(ui);
	size_t i, j;

	a->sel_link = link;
	ui_dirty(ui, PANE_ARTICLE);
	ui_dirty(ui, PANE_LINKS);
	if (a->lines == NULL || link < 0)
		return;
	for (i = 0; i < a->lines->n; i++)
		for (j = 0; j < a->lines->v[i].nruns; j++)
			if (a->lines->v[i].runs[j].link == link) {
				a->sel_line = i;
				a->sel_run = j;
				art_show_line(a, i);
				return;
			}
}

static void
link_info(struct ui *ui, struct art *a)
{
	const struct doc_link *l;

	a->info[0] = '\0';
	if (a->sel_link < 0 || ui->doc == NULL ||
	    (size_t)a->sel_link >= ui->doc->nlinks)
		return;
	l = &ui->doc->links[a->sel_link];
	snprintf(a->info, sizeof(a->info), "[%d] %s",
	    pane_article_link_number(ui, a->sel_link), l->url);
	/* A long URL is cut short: never inside a character. */
	a->info[u8_whole(a->info, strlen(a->info))] = '\0';
}

/* An indent between two lines of one link (the link list's entries). */
static int
blank_run(const struct line *l, const struct run *r)
{
	size_t i;

	if (r->link >= 0)
		return 0;
	for (i = r->off; i < r->off + r->len && i < l->len; i++)
		if (l->text[i] != ' ')
			return 0;
	return 1;
}

/* Step to the next or previous link on the page, skipping the rest of
 * the link that is selected (a link wraps over several runs and lines). */
static int
step_link(struct ui *ui, struct art *a, int dir)
{
	const struct lines *L = a->lines;
	size_t li, ri;
	int skipping, cur = a->sel_link;

	if (L == NULL || L->n == 0)
		return 0;
	if (cur < 0 || a->sel_line < a->top ||
	    a->sel_line >= a->top + (size_t)a->h || a->sel_line >= L->n) {
		/* Nothing selected on screen: start at the screen's edge. */
		cur = -1;
		li = dir > 0 ? a->top : a->top + (size_t)a->h - 1;
		if (li >= L->n)
			li = L->n - 1;
		ri = dir > 0 ? 0 : L->v[li].nruns;
		skipping = 0;
		if (dir < 0) {
			li++;
			ri = 0;
		}
	} else {
		li = a->sel_line;
		ri = a->sel_run;
		skipping = 1;
	}
	if (dir > 0) {
		for (; li < L->n; li++, ri = 0) {
			for (; ri < L->v[li].nruns; ri++) {
				const struct run *r = &L->v[li].runs[ri];

				if (skipping && (r->link == cur ||
				    blank_run(&L->v[li], r)))
					continue;
				skipping = 0;
				if (r->link >= 0 && r->role != ROLE_LINK_NUMBER)
					goto found;
			}
		}
	} else {
		/* Walk back to the previous link's start. */
		int want = -1;

		while (li > 0 || ri > 0) {
			const struct run *r;

			if (ri == 0) {
				li--;
				ri = L->v[li].nruns;
				continue;
			}
			r = &L->v[li].runs[--ri];
			if (skipping && (r->link == cur ||
			    blank_run(&L->v[li], r)))
				continue;
			skipping = 0;
			if (want < 0 && r->link >= 0 &&
			    r->role != ROLE_LINK_NUMBER)
				want = r->link;
			if (want >= 0 && r->link != want &&
			    !blank_run(&L->v[li], r)) {
				/* One past the start: step forward again. */
				ri++;
				while (ri >= L->v[li].nruns) {
					li++;
					ri = 0;
				}
				goto found;
			}
		}
		if (want >= 0)
			goto found;
	}
	ui_message(ui, dir > 0 ? "no more links below" :
	    "no more links above");
	return UI_HANDLED;
found:
	while (L->v[li].runs[ri].link < 0 ||
	    L->v[li].runs[ri].role == ROLE_LINK_NUMBER) {
		/* Past blank runs or a line break to the link itself. */
		if (++ri >= L->v[li].nruns) {
			li++;
			ri = 0;
			if (li >= L->n)
				return UI_HANDLED;
		}
	}
	a->sel_link = L->v[li].runs[ri].link;
	a->sel_line = li;
	a->sel_run = ri;
	art_show_line(a, li);
	link_info(ui, a);
	ui_dirty(ui, PANE_ARTICLE);
	ui_dirty(ui, PANE_LINKS);
	return UI_HANDLED;
}

static int
follow(struct ui *ui, struct art *a, int outside)
{
	const char *url;

	if (a->sel_link >= 0 && ui->doc &&
	    (size_t)a->sel_link < ui->doc->nlinks)
		url = ui->doc->links[a->sel_link].url;
	else if (outside && ui->doc_url)
		url = ui->doc_url;
	else {
		ui_message(ui, "no link selected (> or ^N selects one)");
		return UI_HANDLED;
	}
	if (outside)
		ui_spawn_url(ui, "BROWSER", url);
	else
		ui_open(ui, url, UI_OPEN_PUSH);
	return UI_HANDLED;
}

static const struct doc_block *
first_figure(const struct doc_block *b, int depth)
{
	const struct doc_block *f;
	size_t i;

	if (b == NULL || depth > 64)
		return NULL;
	if (b->type == DOC_FIGURE && b->src)
		return b;
	for (i = 0; i < b->nkids; i++)
		if ((f = first_figure(b->kids[i], depth + 1)) != NULL)
			return f;
	return NULL;
}

/* The image of the first figure on screen. */
static int
open_image(struct ui *ui, struct art *a)
{
	const struct doc_block *f = NULL;
	size_t i, j;

	for (i = a->top; a->lines && i < a->lines->n &&
	    i < a->top + (size_t)a->h && f == NULL; i++) {
		const struct line *l = &a->lines->v[i];

		for (j = 0; j < l->nruns; j++)
			if (l->runs[j].role == ROLE_IMAGE)
				break;
		if (j == l->nruns || l->block < 0 ||
		    (size_t)l->block >= ui->doc->body->nkids)
			continue;
		f = first_figure(ui->doc->body->kids[l->block], 0);
	}
	if (f == NULL) {
		ui_message(ui, "no image on screen");
		return UI_HANDLED;
	}
	ui_spawn_url(ui, getenv("LEDE_IMAGE_VIEWER") ? "LEDE_IMAGE_VIEWER" :
	    "BROWSER", f->src);
	return UI_HANDLED;
}

/* --- keys ---------------------------------------------------------------- */

static int
jump(struct ui *ui, struct art *a, unsigned flag, int dir)
{
	const struct lines *L = a->lines;
	/* From the reading place (a search hit, a jump).  On the last
	   screen a heading cannot come to the top: the place moves to it
	   all the same, and the status line names it. */
	size_t i = a->cur;

	for (;;) {
		if (dir > 0 ? i + 1 >= L->n : i == 0)
			break;
		i = dir > 0 ? i + 1 : i - 1;
		if ((L->v[i].flags & flag) &&
		    (flag != LINE_HEADING || i == 0 ||
		    !(L->v[i - 1].flags & LINE_HEADING)))
			goto found;
	}
	ui_message(ui, "no %s %s", dir > 0 ? "next" : "previous",
	    flag == LINE_HEADING ? "heading" : "paragraph");
	return UI_HANDLED;
found:
	art_set_top(a, i);
	a->cur = i;
	if (i > a->top) {
		size_t k = L->v[i].len;

		/* 60 bytes at most, not cutting a character */
		if (k > 60)
			for (k = 60; k > 0 && (L->v[i].text[k] & 0xc0) == 0x80;
			     k--)
				;
		ui_message(ui, "%s: %.*s (the last screen)",
		    flag == LINE_HEADING ? "heading" : "paragraph", (int)k,
		    L->v[i].text);
	}
	return UI_HANDLED;
}

static int
art_key(struct pane *p, struct ui *ui, int action, int ch)
{
	struct art *a = p->priv;
	size_t oldtop = a->top, page, half;
	int r = UI_HANDLED;

	(void)ch;
	if (a->lines == NULL)
		return 0;
	page = a->h > 2 ? (size_t)a->h - 2 : 1;
	half = a->h > 1 ? (size_t)a->h / 2 : 1;
	if (a->sel_mode != SEL_NONE && (r = art_sel_key(ui, a, action)))
		goto done;
	r = UI_HANDLED;
	switch (action) {
	case ACT_DOWN: art_set_top(a, a->top + 1); break;
	case ACT_UP: art_set_top(a, a->top ? a->top - 1 : 0); break;
	case ACT_PAGE_DOWN: art_set_top(a, a->top + page); break;
	case ACT_PAGE_UP: art_set_top(a, a->top > page ? a->top - page : 0);
		break;
	case ACT_HALF_DOWN: art_set_top(a, a->top + half); break;
	case ACT_HALF_UP: art_set_top(a, a->top > half ? a->top - half : 0);
		break;
	case ACT_TOP: art_set_top(a, 0); break;
	case ACT_BOTTOM: art_set_top(a, a->lines->n); break;
	case ACT_NEXT_HEADING: r = jump(ui, a, LINE_HEADING, 1); break;
	case ACT_PREV_HEADING: r = jump(ui, a, LINE_HEADING, -1); break;
	case ACT_NEXT_PARA: r = jump(ui, a, LINE_BLOCK_START, 1); break;
	case ACT_PREV_PARA: r = jump(ui, a, LINE_BLOCK_START, -1); break;
	case ACT_NEXT_LINK: r = step_link(ui, a, 1); break;
	case ACT_PREV_LINK: r = step_link(ui, a, -1); break;
	case ACT_FOLLOW: return follow(ui, a, 0);
	case ACT_BROWSER: return follow(ui, a, 1);
	case ACT_IMAGE: return open_image(ui, a);
	case ACT_SEARCH: art_search_prompt(ui, 0); break;
	case ACT_SEARCH_BACK: art_search_prompt(ui, 1); break;
	case ACT_SEARCH_NEXT: r = art_search(ui, a, a->back ? -1 : 1, 0);
		break;
	case ACT_SEARCH_PREV: r = art_search(ui, a, a->back ? 1 : -1, 0);
		break;
	case ACT_WIDER:
	case ACT_NARROWER: {
		/* Never wider than the pane shows, so that - narrows at
		   once. */
		int pw = p->w > 0 ? p->w : COLS;
		int avail = pw > 24 ? pw - 2 : pw;

		if (ui->colw > avail)
			ui->colw = avail;
		/* Narrower: to the next multiple of 4 (98, 96, 92...). */
		if (action == ACT_WIDER)
			ui->colw += 4;
		else
			ui->colw = (ui->colw - 1) / 4 * 4;
		if (ui->colw > avail)
			ui->colw = avail;
		if (ui->colw < CONFIG_WIDTH_MIN)
			ui->colw = CONFIG_WIDTH_MIN;
		if (ui->colw > CONFIG_WIDTH_MAX)
			ui->colw = CONFIG_WIDTH_MAX;
		rerender(ui, a);
		ui_message(ui, ui->colw >= avail ?
		    "reading column: %d (the pane's width)" :
		    "reading column: %d", ui->colw);
		break;
	}
	case ACT_CANCEL:
		a->pat[0] = '\0';
		a->sel_link = -1;
		a->info[0] = '\0';
		a->sel_mode = SEL_NONE;
		ui_dirty(ui, PANE_LINKS);
		break;
	case ACT_SELECT_LINES:
	case ACT_SELECT_PARAS:
	case ACT_SELECT_ALL:
		r = art_sel_key(ui, a, action);
		break;
	case ACT_EXPORT:
	case ACT_PIPE:
	case ACT_COPY:
		return art_export_key(ui, a, action);
	default:
		return 0;
	}
done:
	/* Only what changed is painted: this pane and the progress. */
	if (a->top == oldtop && !(r & UI_REDRAW) && action <= ACT_BOTTOM)
		return r;
	ui_dirty(ui, PANE_ARTICLE);
	ui_dirty(ui, PANE_STATUS);
	return r;
}

/* --- mouse --------------------------------------------------------------- */

static int
link_at(struct art *a, int y, int x, size_t *li, size_t *ri)
{
	const struct line *l;
	size_t i, g, j;
	int col = a->xoff;

	*li = a->top + (size_t)y;
	if (a->lines == NULL || *li >= a->lines->n)
		return -1;
	l = &a->lines->v[*li];
	for (i = 0; i < l->len; i += g) {
		g = u8_grapheme(l->text + i, l->len - i);
		if (g == 0)
			g = 1;
		col += u8_grapheme_width(l->text + i, g);
		if (col > x)
			break;
	}
	if (i >= l->len)
		return -1;
	for (j = 0; j < l->nruns; j++)
		if (i >= l->runs[j].off &&
		    i < l->runs[j].off + l->runs[j].len) {
			*ri = j;
			return l->runs[j].link;
		}
	return -1;
}

static int
art_mouse(struct pane *p, struct ui *ui, const MEVENT *ev, int y, int x)
{
	struct art *a = p->priv;
	size_t li, ri = 0;
	int link;

	if (a->lines == NULL || (!a->dragging && !(ev->bstate &
	    (BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED))))
		return UI_HANDLED;	/* a move or release: nothing to do */
	if (ev->bstate & BUTTON4_PRESSED) {
		art_set_top(a, a->top > 3 ? a->top - 3 : 0);
	} else if (ev->bstate & BUTTON5_PRESSED) {
		art_set_top(a, a->top + 3);
	} else if (ev->bstate & BUTTON1_PRESSED) {
		link = link_at(a, y, x, &li, &ri);
		if (link >= 0 && link == a->sel_link)
			return follow(ui, a, 0);
		if (link >= 0) {
			a->sel_link = link;
			a->sel_line = li;
			a->sel_run = ri;
			link_info(ui, a);
			ui_dirty(ui, PANE_LINKS);
		} else {
			/* A press off links starts a drag selection. */
			if (li < a->lines->n) {
				a->dragging = 1;
				a->anchor = a->cursor = li;
			}
		}
	} else if (ev->bstate & (BUTTON1_RELEASED | REPORT_MOUSE_POSITION)) {
		if (a->dragging) {
			li = a->top + (size_t)(y < 0 ? 0 : y);
			if (li >= a->lines->n)
				li = a->lines->n - 1;
			if (li != a->anchor || a->sel_mode != SEL_NONE) {
				a->sel_mode = SEL_LINES;
				a->cursor = li;
				art_sel_info(ui, a);
			}
			if (ev->bstate & BUTTON1_RELEASED)
				a->dragging = 0;
		}
	}
	ui_dirty(ui, PANE_ARTICLE);
	ui_dirty(ui, PANE_STATUS);
	return UI_HANDLED;
}

const struct pane_ops pane_article_ops = {
	.name = "article",
	.init = art_init,
	.free = art_free,
	.layout = art_layout,
	.draw = art_draw,
	.key = art_key,
	.mouse = art_mouse,
};
