/*
 * pane_help.c - the help screen, generated from keys.def and the bindings
 * in force (so a key rebound in the config shows as rebound).  Scrolls
 * like the reader; q, Esc or the help key close it.  UI only.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pane.h"
#include "ui_bind.h"

struct help {
	size_t top;
};

static const char *const sections[][2] = {
	{"reader", "Reading (article, links and library)"},
	{"article", "Article"},
	{"global", "Everywhere"},
};

#define NSECT (sizeof(sections) / sizeof(sections[0]))
#define HELP_ROWS (ACT_COUNT + 2 * (int)NSECT + 2)

static int
help_init(struct pane *p, struct ui *ui)
{
	(void)ui;
	p->priv = calloc(1, sizeof(struct help));
	return p->priv ? 0 : -1;
}

static void
help_free(struct pane *p)
{
	free(p->priv);
	p->priv = NULL;
}

/* Row r of the help: a title, a key line or blank; returns 0 past end. */
static int
row_text(const struct ui *ui, int r, char *keys, size_t kn, const char **text,
    enum role *role, int *act)
{
	size_t s;
	int a, k = 0;

	*text = NULL;
	keys[0] = '\0';
	if (r == 0) {
		*text = "lede keys (config: bind KEY ACTION; action names in "
		    "brackets)";
		*role = ROLE_TITLE;
		return 1;
	}
	if (r == 1)
		return 1;	/* blank */
	k = 2;
	for (s = 0; s < NSECT; s++) {
		if (r == k) {
			*text = sections[s][1];
			*role = ROLE_HEADING;
			return 1;
		}
		k++;
		for (a = 0; a < ACT_COUNT; a++) {
			if (strcmp(action_where[a], sections[s][0]) != 0)
				continue;
			if (r == k) {
				if (ui_key_names(ui, a, keys, kn) == 0)
					snprintf(keys, kn, "(unbound)");
				*text = action_help[a];
				*act = a;
				return 2;
			}
			k++;
		}
		if (r == k)
			return 1;
		k++;
	}
	return 0;
}

static void
help_draw(struct pane *p, struct ui *ui)
{
	struct help *h = p->priv;
	char keys[128], name[64];
	const char *text;
	enum role role;
	int row, r, kind, col, kw = 22, act = 0;

	werase(p->win);
	if (p->w < 30)
		kw = p->w / 3;
	for (row = 0, r = (int)h->top; row < p->h; row++, r++) {
		kind = row_text(ui, r, keys, sizeof(keys), &text, &role,
		    &act);
		if (kind == 0)
			break;
		wmove(p->win, row, 1);
		if (kind == 1 && text) {
			ui_put(p->win, role, text, strlen(text), p->w - 1);
		} else if (kind == 2) {
			col = ui_put(p->win, ROLE_HELP_KEY, keys, strlen(keys),
			    kw);
			wmove(p->win, row, 1 + kw + 1);
			col = ui_put(p->win, ROLE_BODY, text, strlen(text),
			    p->w - kw - 3);
			snprintf(name, sizeof(name), " [%s]",
			    action_names[act]);
			ui_put(p->win, ROLE_LINK_NUMBER, name, strlen(name),
			    p->w - kw - 3 - col);
		}
	}
}

static int
help_key(struct pane *p, struct ui *ui, int action, int ch)
{
	struct help *h = p->priv;
	int max = HELP_ROWS - p->h;

	if (max < 0)
		max = 0;
	switch (action) {
	case ACT_DOWN: h->top++; break;
	case ACT_UP: h->top = h->top ? h->top - 1 : 0; break;
	case ACT_PAGE_DOWN: case ACT_HALF_DOWN:
		h->top += (size_t)(p->h > 2 ? p->h - 2 : 1);
		break;
	case ACT_PAGE_UP: case ACT_HALF_UP:
		h->top = h->top > (size_t)p->h ? h->top - (size_t)p->h : 0;
		break;
	case ACT_TOP: h->top = 0; break;
	case ACT_BOTTOM: h->top = (size_t)max; break;
	case ACT_QUIT: case ACT_HELP: case ACT_CANCEL:
		h->top = 0;	/* the next help opens at the top */
		ui_focus(ui, ui->last_focus);
		return UI_HANDLED;
	default:
		if (ch == 27) {
			h->top = 0;
			ui_focus(ui, ui->last_focus);
			return UI_HANDLED;
		}
		/* Everything else (focus, zoom...) is for the panes. */
		return 0;
	}
	if (h->top > (size_t)max)
		h->top = (size_t)max;
	ui_dirty(ui, PANE_HELP);
	return UI_HANDLED;
}

const struct pane_ops pane_help_ops = {
	.name = "help",
	.init = help_init,
	.free = help_free,
	.draw = help_draw,
	.key = help_key,
};
