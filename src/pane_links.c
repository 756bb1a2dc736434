/*
 * pane_links.c - the links of the open article, by the numbers render gave
 * them, and its related stories under their group names.  Moving the
 * selection shows the link in the article; Enter (or typing its number,
 * then Enter) opens it in lede, o in $BROWSER.  UI only.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pane.h"

struct item {
	int link;		/* doc link index, or -1 for a group title */
	const char *title;	/* group title (borrowed from the doc) */
	int no;
	int related;		/* a related story's link */
};

struct links {
	struct item *v;
	size_t n, sel, top;
	int number;		/* digits typed so far */
};

static int
links_init(struct pane *p, struct ui *ui)
{
	(void)ui;
	p->priv = calloc(1, sizeof(struct links));
	return p->priv ? 0 : -1;
}

static void
links_free(struct pane *p)
{
	struct links *k = p->priv;

	if (k)
		free(k->v);
	free(k);
	p->priv = NULL;
}

static int
by_number(const void *x, const void *y)
{
	const struct item *a = x, *b = y;

	/* Unnumbered last, then in number order; of one number (one URL),
	   the article's own link first, which the number stands for in the
	   text; stable by index. */
	if ((a->no == 0) != (b->no == 0))
		return a->no == 0 ? 1 : -1;
	if (a->no != b->no)
		return a->no < b->no ? -1 : 1;
	if (a->related != b->related)
		return a->related - b->related;
	return a->link < b->link ? -1 : a->link > b->link;
}

void
pane_links_reset(struct ui *ui)
{
	struct links *k = ui->pane[PANE_LINKS].priv;
	const struct doc *d = ui->doc;
	struct item *tmp;
	size_t i, n = 0, m = 0;
	const char *group = NULL;
	int kind = -1, last = -1;

	free(k->v);
	k->v = NULL;
	k->n = k->sel = k->top = 0;
	k->number = 0;
	ui_dirty(ui, PANE_LINKS);
	if (d == NULL || d->nlinks == 0)
		return;
	if ((tmp = calloc(d->nlinks, sizeof(*tmp))) == NULL)
		return;
	for (i = 0; i < d->nlinks; i++) {
		tmp[n].link = (int)i;
		tmp[n].no = pane_article_link_number(ui, (int)i);
		tmp[n].related = d->links[i].kind == LINK_RELATED;
		n++;
	}
	qsort(tmp, n, sizeof(*tmp), by_number);
	/* Room for a title before every link at worst. */
	if ((k->v = calloc(2 * n + 1, sizeof(*k->v))) == NULL) {
		free(tmp);
		return;
	}
	for (i = 0; i < n; i++) {
		const struct doc_link *l = &d->links[tmp[i].link];
		const char *g = l->kind != LINK_RELATED ? "In the article" :
		    l->group ? l->group : "Related stories";

		/* One entry per number: the same URL twice is one link. */
		if (tmp[i].no != 0 && tmp[i].no == last)
			continue;
		last = tmp[i].no;
		if ((int)l->kind != kind || group == NULL ||
		    strcmp(group, g) != 0) {
			k->v[m].link = -1;
			k->v[m].title = g;
			m++;
			group = g;
			kind = (int)l->kind;
		}
		k->v[m++] = tmp[i];
	}
	k->n = m;
	free(tmp);
	for (k->sel = 0; k->sel < k->n && k->v[k->sel].link < 0; k->sel++)
		;
}

static void
links_border(struct pane *p, struct ui *ui)
{
	if (p->x == 0)
		return;
	ui_vline(p->win, 0, p->h, ui->focus == PANE_LINKS ?
	    ROLE_BORDER_FOCUS : ROLE_BORDER);
}

static void
links_draw(struct pane *p, struct ui *ui)
{
	struct links *k = p->priv;
	const struct doc *d = ui->doc;
	int x0 = p->x > 0 ? 2 : 1, w = p->w - x0 - 1, row, rows;
	char title[64], num[16];
	size_t i;

	werase(p->win);
	links_border(p, ui);
	if (w < 1)
		return;
	snprintf(title, sizeof(title), "Links (%zu)", d ? d->nlinks : 0);
	wmove(p->win, 0, x0);
	ui_put(p->win, ui->focus == PANE_LINKS ? ROLE_BORDER_FOCUS :
	    ROLE_PANE_TITLE, title, strlen(title), w);
	rows = p->h - 1;
	if (k->n == 0) {
		wmove(p->win, 1 < p->h ? 1 : 0, x0);
		ui_put(p->win, ROLE_BODY, "no links", 8, w);
		return;
	}
	if (ui->focus != PANE_LINKS) {
		/* Follow the link selected in the article. */
		size_t top;
		int block, link;

		pane_article_position(ui, &top, &block, &link);
		for (i = 0; link >= 0 && i < k->n; i++)
			if (k->v[i].link == link || (k->v[i].no > 0 &&
			    k->v[i].no == pane_article_link_number(ui, link)))
				k->sel = i;
	}
	if (k->sel < k->top)
		k->top = k->sel;
	if (rows > 0 && k->sel >= k->top + (size_t)rows)
		k->top = k->sel - (size_t)rows + 1;
	for (row = 0, i = k->top; row < rows && i < k->n; row++, i++) {
		const struct item *it = &k->v[i];
		const struct doc_link *l;
		const char *text;
		int col = 0, sel = i == k->sel;

		wmove(p->win, row + 1, x0);
		if (it->link < 0) {
			ui_put(p->win, ROLE_HEADING, it->title,
			    strlen(it->title), w);
			continue;
		}
		l = &d->links[it->link];
		if (it->no > 0)
			snprintf(num, sizeof(num), "%3d ", it->no);
		else
			snprintf(num, sizeof(num), "  - ");
		col = ui_put(p->win, sel ? ROLE_LIST_SELECTED :
		    ROLE_LINK_NUMBER, num, strlen(num), w);
		text = l->text && *l->text ? l->text : l->url;
		col += ui_put(p->win, sel ? ROLE_LIST_SELECTED :
		    l->kind == LINK_RELATED ? ROLE_RELATED : ROLE_LINK, text,
		    strlen(text), w - col);
		/* The selected row is one bar across. */
		while (sel && col < w)
			col += ui_put(p->win, ROLE_LIST_SELECTED, " ", 1, 1);
	}
}

const char *
pane_links_info(struct ui *ui)
{
	static char info[600];
	const struct links *k = ui->pane[PANE_LINKS].priv;
	const struct item *it;

	if (k == NULL || k->n == 0 || k->sel >= k->n || ui->doc == NULL)
		return NULL;
	it = &k->v[k->sel];
	if (it->link < 0 || (size_t)it->link >= ui->doc->nlinks)
		return NULL;
	if (it->no > 0)
		snprintf(info, sizeof(info), "[%d] %s", it->no,
		    ui->doc->links[it->link].url);
	else
		snprintf(info, sizeof(info), "%s",
		    ui->doc->links[it->link].url);
	return info;
}

static void
select_item(struct ui *ui, struct links *k, size_t i)
{
	if (k->n == 0)
		return;
	if (i >= k->n)
		i = k->n - 1;
	k->sel = i;
	ui_dirty(ui, PANE_LINKS);
	ui_dirty(ui, PANE_STATUS);
}

/* Move by delta items, skipping titles in the direction of travel. */
static void
links_move(struct ui *ui, struct links *k, long delta)
{
	long i = (long)k->sel + delta;

	if (k->n == 0)
		return;
	if (i < 0)
		i = 0;
	if (i >= (long)k->n)
		i = (long)k->n - 1;
	while (i > 0 && i < (long)k->n && k->v[i].link < 0)
		i += delta < 0 ? -1 : 1;
	if (i >= (long)k->n)
		i = (long)k->n - 1;
	while (i < (long)k->n - 1 && k->v[i].link < 0)
		i++;
	select_item(ui, k, (size_t)i);
}

static int
open_item(struct ui *ui, struct links *k, int outside)
{
	const struct item *it;

	if (k->n == 0 || k->v[k->sel].link < 0)
		return UI_HANDLED;
	it = &k->v[k->sel];
	if (outside)
		ui_spawn_url(ui, "BROWSER", ui->doc->links[it->link].url);
	else
		ui_open(ui, ui->doc->links[it->link].url, UI_OPEN_PUSH);
	return UI_HANDLED;
}

static int
links_key(struct pane *p, struct ui *ui, int action, int ch)
{
	struct links *k = p->priv;
	long page = p->h > 3 ? p->h - 2 : 1;
	size_t i;

	if (ch >= '0' && ch <= '9' && action < 0) {
		if (k->number < 100000)
			k->number = k->number * 10 + (ch - '0');
		ui_message(ui, "link %d (Enter opens)", k->number);
		for (i = 0; i < k->n; i++)
			if (k->v[i].link >= 0 && k->v[i].no == k->number)
				select_item(ui, k, i);
		return UI_HANDLED;
	}
	if (action != ACT_FOLLOW)
		k->number = 0;
	switch (action) {
	case ACT_DOWN: links_move(ui, k, 1); break;
	case ACT_UP: links_move(ui, k, -1); break;
	case ACT_PAGE_DOWN: case ACT_HALF_DOWN: links_move(ui, k, page); break;
	case ACT_PAGE_UP: case ACT_HALF_UP: links_move(ui, k, -page); break;
	case ACT_TOP: links_move(ui, k, -(long)k->n); break;
	case ACT_BOTTOM: links_move(ui, k, (long)k->n); break;
	case ACT_FOLLOW:
		k->number = 0;
		return open_item(ui, k, 0);
	case ACT_BROWSER:
		return open_item(ui, k, 1);
	case ACT_CANCEL:
		k->number = 0;
		return UI_HANDLED;
	default:
		return 0;
	}
	if (k->n && k->v[k->sel].link >= 0 && ui->wide && !ui->zoom)
		pane_article_select_link(ui, k->v[k->sel].link);
	return UI_HANDLED;
}

static int
links_mouse(struct pane *p, struct ui *ui, const MEVENT *ev, int y, int x)
{
	struct links *k = p->priv;
	size_t i;

	(void)x;
	if (ev->bstate & BUTTON4_PRESSED)
		links_move(ui, k, -3);
	else if (ev->bstate & BUTTON5_PRESSED)
		links_move(ui, k, 3);
	else if ((ev->bstate & BUTTON1_PRESSED) && y >= 1) {
		i = k->top + (size_t)(y - 1);
		if (i >= k->n || k->v[i].link < 0)
			return UI_HANDLED;
		if (i == k->sel)
			return open_item(ui, k, 0);
		select_item(ui, k, i);
		if (ui->wide && !ui->zoom)
			pane_article_select_link(ui, k->v[i].link);
	}
	return UI_HANDLED;
}

const struct pane_ops pane_links_ops = {
	.name = "links",
	.init = links_init,
	.free = links_free,
	.draw = links_draw,
	.key = links_key,
	.mouse = links_mouse,
};
