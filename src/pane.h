/*
 * pane.h - the reader's panes and the state they share.  UI only (curses).
 * Owned by the ui area.
 *
 * Each pane is a struct pane_ops (pane_list.c, pane_article.c,
 * pane_links.c, pane_status.c, pane_help.c) driving its own curses window.
 * ui.c owns the event loop: it turns a key into actions (keys.def and the
 * config), offers them to the focused pane, then handles what is left.
 * Handlers return intent bits; a pane that changed marks itself dirty and
 * only dirty panes are drawn before one doupdate().
 */
#ifndef LEDE_PANE_H
#define LEDE_PANE_H

#include <curses.h>
#include <stddef.h>

#include "lede_config.h"
#include "doc.h"
#include "render.h"
#include "theme.h"
#include "ui.h"

enum pane_id {
	PANE_LIBRARY,
	PANE_ARTICLE,
	PANE_LINKS,
	PANE_HELP,		/* an overlay over the body area */
	PANE_STATUS,
	PANE_COUNT
};

/* Intent bits returned by key and mouse handlers. */
enum {
	UI_HANDLED = 1 << 0,
	UI_REDRAW = 1 << 1,	/* repaint every pane */
	UI_RELAYOUT = 1 << 2,	/* recompute the layout, then repaint */
	UI_QUIT = 1 << 3,
};

struct ui;
struct pane;

struct pane_ops {
	const char *name;
	int (*init)(struct pane *p, struct ui *ui);
	void (*free)(struct pane *p);
	/* p->win was (re)created at p->y, p->x, p->h, p->w. */
	void (*layout)(struct pane *p, struct ui *ui);
	void (*draw)(struct pane *p, struct ui *ui);
	/* action is an enum action or -1 (unbound key); ch the raw key
	 * (a character, or UI_KEY(curses code) for function keys). */
	int (*key)(struct pane *p, struct ui *ui, int action, int ch);
	/* y, x relative to the pane. */
	int (*mouse)(struct pane *p, struct ui *ui, const MEVENT *ev, int y,
	    int x);
};

/* Function keys live above Unicode so one int holds any key. */
#define UI_KEY(code)	(0x110000 + (code))

struct pane {
	const struct pane_ops *ops;
	WINDOW *win;
	int y, x, h, w;
	int visible, dirty;
	void *priv;
};

struct hist_entry {
	char *src;		/* what source_load() was given */
	size_t top;		/* first line shown */
	int block;		/* block of the top line, to survive widths */
	int link;		/* selected link or -1 */
};

#define UI_MAXHIST 256

struct ui {
	struct pane pane[PANE_COUNT];
	int focus;		/* PANE_LIBRARY..PANE_LINKS or PANE_HELP */
	int last_focus;		/* where closing the help returns */
	int zoom;
	int wide;		/* side by side */
	int too_small;
	const struct ui_args *args;
	int active;		/* the screen is up */
	char warning[512];	/* from the last load, shown after it */
	char theme_err[512];	/* the theme that would not load */
	int settings_later;	/* their problems show once a page is up */
	struct config cfg;
	struct theme theme;
	int colw;		/* reading column width (option) */

	struct doc *doc;	/* the open article, or NULL */
	char *doc_src;
	char *doc_url;

	struct hist_entry hist[UI_MAXHIST];
	size_t nhist, hcur;	/* hist[hcur] is the open article */

	struct source_job *job;	/* a page on its way, or NULL */
	char *job_src;
	int job_how;		/* UI_OPEN_x */
	size_t job_to;		/* UI_OPEN_HIST: the history entry */

	/* Places seen this session, newest first (the library lists them). */
	char *seen[UI_MAXHIST];
	char *seen_title[UI_MAXHIST];
	size_t nseen;
};

/* ui_open.c: open src (a path or URL; a file:// URL is a path), pushed
 * on the history or (UI_OPEN_HIST) going to hist[ui->job_to].  A URL
 * loads in the background: ui_job_poll() moves it on.  -1: failed at once
 * (the status line says why). */
enum { UI_OPEN_PUSH, UI_OPEN_HIST };
int ui_open(struct ui *ui, const char *src, int how);
int ui_history_go(struct ui *ui, int dir);
void ui_job_poll(struct ui *ui);
void ui_job_cancel(struct ui *ui);
/* Blocking, before the screen is up: the doc (caller owns) or NULL. */
struct doc *ui_load_now(struct ui *ui, const char *src, const char *base,
    char **url, struct lede_err *err);
/* The article of s (released here); *url gets the page's URL. */
struct doc *ui_article(struct ui *ui, struct source *s, const char *base,
    char **url, struct lede_err *err);
/* Make d (taken over, with url) the open article. */
void ui_install(struct ui *ui, struct doc *d, const char *src, char *url);

/* ui.c */
/* Say the config's and theme's first problem (and how many more). */
void ui_report_settings(struct ui *ui);
void ui_message(struct ui *ui, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void ui_error(struct ui *ui, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void ui_dirty(struct ui *ui, int pane);
/* Leave the screen for a program on the terminal, and come back. */
void ui_suspend(struct ui *ui);
void ui_resume(struct ui *ui);
/* While suspended: print msg and wait for Enter on the terminal. */
void ui_press_enter(struct ui *ui, const char *msg);
void ui_focus(struct ui *ui, int pane);
int ui_key_names(const struct ui *ui, int action, char *buf, size_t n);
/* ui_spawn.c: run $envvar (else $BROWSER, else xdg-open) on url, detached;
 * the URL is one argv element, never a shell string. */
int ui_spawn_url(struct ui *ui, const char *envvar, const char *url);

/* theme_curses.c */
void theme_curses_init(const struct theme *t);
void theme_curses_set(WINDOW *w, enum role r);
attr_t theme_curses_attr(enum role r, short *pair);
void theme_curses_bkgd(WINDOW *w);

/* Paint n bytes of UTF-8 at the cursor in role r, clipped to maxcols;
 * returns the columns used. */
int ui_put(WINDOW *w, enum role r, const char *s, size_t n, int maxcols);

/* A vertical border at column x of w, rows 0..h-1, in role r. */
void ui_vline(WINDOW *w, int x, int h, enum role r);

/* The panes. */
extern const struct pane_ops pane_list_ops;
extern const struct pane_ops pane_article_ops;
extern const struct pane_ops pane_links_ops;
extern const struct pane_ops pane_status_ops;
extern const struct pane_ops pane_help_ops;

/* pane_article.c: the open article changed (or back/forward). */
void pane_article_reset(struct ui *ui, size_t top, int block, int link);
void pane_article_position(struct ui *ui, size_t *top, int *block,
    int *link);
void pane_article_select_link(struct ui *ui, int link);
/* The number render gave a doc link ("[n]"), 0 if none. */
int pane_article_link_number(struct ui *ui, int link);
/* Line, lines, selected-link info for the status line. */
void pane_article_progress(struct ui *ui, size_t *top, size_t *n,
    int *h);
const char *pane_article_info(struct ui *ui);

/* pane_status.c */
typedef void (*ui_prompt_fn)(struct ui *ui, const char *text, void *arg);
void pane_status_prompt(struct ui *ui, const char *label,
    const char *initial, ui_prompt_fn done, void *arg);
/* A question the first key answers (text is that key; Enter gives "",
 * Esc NULL). */
void pane_status_ask(struct ui *ui, const char *label, ui_prompt_fn done,
    void *arg);
int pane_status_prompting(struct ui *ui);
void pane_status_set(struct ui *ui, int error, const char *text);
void pane_status_clear(struct ui *ui);
/* An error is on the status line (a fetch's progress leaves it there). */
int pane_status_error(struct ui *ui);

/* pane_list.c: the library changed (a new place seen). */
void pane_list_refresh(struct ui *ui);

/* pane_links.c */
/* The link selected in the links pane, "[n] URL", or NULL. */
const char *pane_links_info(struct ui *ui);
void pane_links_reset(struct ui *ui);

#endif
