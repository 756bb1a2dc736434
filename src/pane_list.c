/*
 * pane_list.c - the library: what was read this session, the history and
 * pages kept in the cache, and the bundled sample articles (installed in
 * LEDE_DATADIR/samples, or in the source tree when lede runs from its
 * build directory).  Enter opens the selected entry.  UI only.
 */
#include <curses.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cache.h"
#include "pane.h"
#include "sanitize.h"
#include "util.h"

#define LIST_MAX 400
#define CACHE_ROWS 50

struct entry {
	char *title;		/* NULL: a section title in src */
	char *src;
};

struct library {
	struct entry v[LIST_MAX];
	size_t n, sel, top;
};

static void
lib_clear(struct library *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].title);
		free(l->v[i].src);
	}
	l->n = 0;
}

static void
add(struct library *l, const char *title, const char *src)
{
	struct entry *e;

	if (l->n == LIST_MAX)
		return;
	e = &l->v[l->n];
	/* Titles come from the cache file and file names too: shown only
	 * once sanitized. */
	e->title = title ? sanitize_text(title, strlen(title), 0, NULL) :
	    NULL;
	e->src = xstrdup(src);
	if (e->src == NULL || (title && e->title == NULL)) {
		free(e->title);
		free(e->src);
		return;
	}
	l->n++;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* *.html files of dir, sorted; a name already listed is skipped. */
static void
add_samples(struct library *l, const char *dir, int *titled)
{
	char *names[64], path[4096];
	struct dirent *de;
	size_t n = 0, i, j, len;
	DIR *d;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL && n < 64) {
		len = strlen(de->d_name);
		if (len > 5 && strcmp(de->d_name + len - 5, ".html") == 0 &&
		    de->d_name[0] != '.')
			if ((names[n] = xstrdup(de->d_name)) != NULL)
				n++;
	}
	closedir(d);
	qsort(names, n, sizeof(names[0]), cmp_str);
	for (i = 0; i < n; i++) {
		for (j = 0; j < l->n; j++)
			if (l->v[j].title && strcmp(l->v[j].title,
			    names[i]) == 0)
				break;
		if (j == l->n) {
			if (!*titled) {
				add(l, NULL, "Samples");
				*titled = 1;
			}
			snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
			add(l, names[i], path);
		}
		free(names[i]);
	}
}

static void
add_cache(struct library *l, struct ui *ui)
{
	struct lede_err err = {0};
	struct cache_entry *e;
	struct cache *c;
	size_t n, i;

	if (ui->args == NULL || ui->args->src.no_cache)
		return;
	if ((c = cache_open(ui->args->src.cache_dir, &err)) == NULL)
		return;
	if (cache_history_list(c, CACHE_ROWS, &e, &n, &err) == 0) {
		if (n > 0)
			add(l, NULL, "History");
		for (i = 0; i < n; i++)
			add(l, e[i].title ? e[i].title : e[i].url, e[i].url);
		cache_entries_free(e, n);
	}
	if (cache_list(c, CACHE_ROWS, &e, &n, &err) == 0) {
		if (n > 0)
			add(l, NULL, "Cached pages");
		for (i = 0; i < n; i++)
			add(l, e[i].title ? e[i].title : e[i].url, e[i].url);
		cache_entries_free(e, n);
	}
	cache_close(c);
}

void
pane_list_refresh(struct ui *ui)
{
	struct library *l = ui->pane[PANE_LIBRARY].priv;
	struct stat st;
	size_t i;
	int titled = 0;

	lib_clear(l);
	if (ui->nseen > 0)
		add(l, NULL, "This session");
	for (i = 0; i < ui->nseen; i++)
		add(l, ui->seen_title[i], ui->seen[i]);
	add_cache(l, ui);
	add_samples(l, LEDE_DATADIR "/samples", &titled);
	/* Running from the build tree: the source tree's samples. */
	if (stat(LEDE_SRCDIR "/samples", &st) == 0)
		add_samples(l, LEDE_SRCDIR "/samples", &titled);
	if (l->sel >= l->n)
		l->sel = l->n ? l->n - 1 : 0;
	while (l->sel + 1 < l->n && l->v[l->sel].title == NULL)
		l->sel++;
	ui_dirty(ui, PANE_LIBRARY);
}

static int
list_init(struct pane *p, struct ui *ui)
{
	if ((p->priv = calloc(1, sizeof(struct library))) == NULL)
		return -1;
	pane_list_refresh(ui);
	return 0;
}

static void
list_free(struct pane *p)
{
	if (p->priv)
		lib_clear(p->priv);
	free(p->priv);
	p->priv = NULL;
}

static void
list_draw(struct pane *p, struct ui *ui)
{
	struct library *l = p->priv;
	int focus = ui->focus == PANE_LIBRARY, right = p->x + p->w < COLS;
	int w = p->w - 2 - right, row, rows = p->h - 1, col;
	size_t i;

	werase(p->win);
	if (right)
		ui_vline(p->win, p->w - 1, p->h, focus ? ROLE_BORDER_FOCUS :
		    ROLE_BORDER);
	if (w < 1)
		return;
	wmove(p->win, 0, 1);
	ui_put(p->win, focus ? ROLE_BORDER_FOCUS : ROLE_PANE_TITLE,
	    "Library", 7, w);
	if (l->n == 0) {
		wmove(p->win, p->h > 1 ? 1 : 0, 1);
		ui_put(p->win, ROLE_BODY, "nothing yet: O opens a file or URL",
		    34, w);
		return;
	}
	if (l->sel < l->top)
		l->top = l->sel;
	if (rows > 0 && l->sel >= l->top + (size_t)rows)
		l->top = l->sel - (size_t)rows + 1;
	for (row = 0, i = l->top; row < rows && i < l->n; row++, i++) {
		const struct entry *e = &l->v[i];
		int sel = i == l->sel;

		wmove(p->win, row + 1, 1);
		if (e->title == NULL) {
			ui_put(p->win, ROLE_HEADING, e->src, strlen(e->src), w);
			continue;
		}
		col = ui_put(p->win, sel ? ROLE_LIST_SELECTED : ROLE_BODY, "  ",
		    2, w);
		col += ui_put(p->win, sel ? ROLE_LIST_SELECTED : ROLE_BODY,
		    e->title, strlen(e->title), w - col);
		while (sel && col < w)
			col += ui_put(p->win, ROLE_LIST_SELECTED, " ", 1, 1);
	}
}

static void
lib_move(struct ui *ui, struct library *l, long delta)
{
	long i = (long)l->sel + delta;

	if (l->n == 0)
		return;
	if (i < 0)
		i = 0;
	if (i >= (long)l->n)
		i = (long)l->n - 1;
	while (i >= 0 && i < (long)l->n && l->v[i].title == NULL)
		i += delta < 0 ? -1 : 1;
	if (i < 0)
		for (i = 0; i < (long)l->n - 1 && l->v[i].title == NULL; i++)
			;
	if (i >= (long)l->n)
		i = (long)l->sel;
	l->sel = (size_t)i;
	ui_dirty(ui, PANE_LIBRARY);
}

static int
list_key(struct pane *p, struct ui *ui, int action, int ch)
{
	struct library *l = p->priv;
	long page = p->h > 3 ? p->h - 2 : 1;
	char *src;

	(void)ch;
	switch (action) {
	case ACT_DOWN: lib_move(ui, l, 1); break;
	case ACT_UP: lib_move(ui, l, -1); break;
	case ACT_PAGE_DOWN: case ACT_HALF_DOWN: lib_move(ui, l, page); break;
	case ACT_PAGE_UP: case ACT_HALF_UP: lib_move(ui, l, -page); break;
	case ACT_TOP: lib_move(ui, l, -(long)l->n); break;
	case ACT_BOTTOM: lib_move(ui, l, (long)l->n); break;
	case ACT_FOLLOW:
		if (l->n == 0 || l->v[l->sel].title == NULL)
			return UI_HANDLED;
		/* ui_open() refreshes this list: keep our own copy. */
		if ((src = xstrdup(l->v[l->sel].src)) != NULL)
			ui_open(ui, src, UI_OPEN_PUSH);
		free(src);
		return UI_HANDLED;
	default:
		return 0;
	}
	return UI_HANDLED;
}

static int
list_mouse(struct pane *p, struct ui *ui, const MEVENT *ev, int y, int x)
{
	struct library *l = p->priv;
	size_t i;

	(void)x;
	if (ev->bstate & BUTTON4_PRESSED)
		lib_move(ui, l, -3);
	else if (ev->bstate & BUTTON5_PRESSED)
		lib_move(ui, l, 3);
	else if ((ev->bstate & BUTTON1_PRESSED) && y >= 1) {
		i = l->top + (size_t)(y - 1);
		if (i >= l->n || l->v[i].title == NULL)
			return UI_HANDLED;
		if (i == l->sel)
			return list_key(p, ui, ACT_FOLLOW, '\r');
		l->sel = i;
		ui_dirty(ui, PANE_LIBRARY);
	}
	return UI_HANDLED;
}

const struct pane_ops pane_list_ops = {
	.name = "library",
	.init = list_init,
	.free = list_free,
	.draw = list_draw,
	.key = list_key,
	.mouse = list_mouse,
};
