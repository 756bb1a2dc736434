/*
 * ui.c - the reader's event loop: start curses, lay the panes out, read a
 * key or mouse event, hand it to the focused pane as actions (keys.def and
 * the config), handle what is left (focus, zoom, history, help, quit), then
 * paint only the dirty panes with one doupdate().  Signal handlers only
 * set flags.  Also: opening a source and the in-session history stack.
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"	/* autoconf */

#include "article.h"
#include "pane.h"
#include "ui_bind.h"
#include "util.h"

static volatile sig_atomic_t got_quit;
static WINDOW *inwin;		/* reads input; never drawn on */
static FILE *ttyin;		/* the terminal, when stdin is the page */
static int infd = STDIN_FILENO;	/* where keys come from */

static void
on_signal(int sig)
{
	(void)sig;
	got_quit = 1;
}

void
ui_dirty(struct ui *ui, int pane)
{
	ui->pane[pane].dirty = 1;
}

static void
vmessage(struct ui *ui, int error, const char *fmt, va_list ap)
{
	char text[1024];

	vsnprintf(text, sizeof(text), fmt, ap);
	pane_status_set(ui, error, text);
}

void
ui_message(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(ui, 0, fmt, ap);
	va_end(ap);
}

void
ui_error(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(ui, 1, fmt, ap);
	va_end(ap);
}

/* --- layout ------------------------------------------------------------ */

static void
place(struct pane *p, int y, int x, int h, int w)
{
	p->visible = 1;
	p->y = y;
	p->x = x;
	p->h = h;
	p->w = w;
}

static void
layout(struct ui *ui)
{
	int H = LINES, W = COLS, i, bh, lw, rw;

	for (i = 0; i < PANE_COUNT; i++) {
		if (ui->pane[i].win) {
			delwin(ui->pane[i].win);
			ui->pane[i].win = NULL;
		}
		ui->pane[i].visible = 0;
	}
	ui->too_small = W < 10 || H < 2;
	if (ui->too_small)
		return;
	bh = H - 1;
	place(&ui->pane[PANE_STATUS], H - 1, 0, 1, W);
	/* Side by side only with room for all three (and a reading column
	 * of 20), whatever the config says. */
	ui->wide = W >= ui->cfg.wide && W >= 24 + 30 + 20;
	if (ui->focus == PANE_HELP) {
		place(&ui->pane[PANE_HELP], 0, 0, bh, W);
	} else if (ui->zoom || !ui->wide) {
		place(&ui->pane[ui->focus], 0, 0, bh, W);
	} else {
		lw = W / 5 < 24 ? 24 : W / 5;
		rw = W / 4 < 30 ? 30 : W / 4;
		place(&ui->pane[PANE_LIBRARY], 0, 0, bh, lw);
		place(&ui->pane[PANE_ARTICLE], 0, lw, bh, W - lw - rw);
		place(&ui->pane[PANE_LINKS], 0, W - rw, bh, rw);
	}
	for (i = 0; i < PANE_COUNT; i++) {
		struct pane *p = &ui->pane[i];

		if (!p->visible)
			continue;
		p->win = newwin(p->h, p->w, p->y, p->x);
		if (p->win == NULL) {
			p->visible = 0;
			continue;
		}
		theme_curses_bkgd(p->win);
		p->dirty = 1;
		if (p->ops->layout)
			p->ops->layout(p, ui);
	}
}

static void
paint(struct ui *ui)
{
	int i;

	if (ui->too_small) {
		static const char msg[] = "too small";

		werase(stdscr);
		mvwaddnstr(stdscr, 0, 0, msg, COLS < (int)sizeof(msg) - 1 ?
		    COLS : (int)sizeof(msg) - 1);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	for (i = 0; i < PANE_COUNT; i++) {
		struct pane *p = &ui->pane[i];

		if (!p->visible || !p->dirty || p->win == NULL)
			continue;
		p->dirty = 0;
		p->ops->draw(p, ui);
		wnoutrefresh(p->win);
	}
	doupdate();
}

static void
mouse_on(struct ui *ui)
{
	if (ui->cfg.mouse) {
		mouseinterval(0);
		mousemask(BUTTON1_PRESSED | BUTTON1_RELEASED |
		    BUTTON4_PRESSED | BUTTON5_PRESSED | REPORT_MOUSE_POSITION,
		    NULL);
	}
}

void
ui_suspend(struct ui *ui)
{
	(void)ui;
	def_prog_mode();
	endwin();
}

void
ui_press_enter(struct ui *ui, const char *msg)
{
	char c;
	ssize_t n;

	(void)ui;
	printf("\n%s [press Enter] ", msg);
	fflush(stdout);
	/* The terminal is back in cooked mode: a line ends the wait. */
	while ((n = read(infd, &c, 1)) == 1 && c != '\n' && c != '\r')
		;
	(void)n;
}

void
ui_resume(struct ui *ui)
{
	int i;

	reset_prog_mode();
	/* endwin() turned mouse reporting off in the terminal. */
	mouse_on(ui);
	clearok(curscr, TRUE);
	for (i = 0; i < PANE_COUNT; i++)
		ui->pane[i].dirty = 1;
}

void
ui_focus(struct ui *ui, int pane)
{
	int old = ui->focus;

	if (pane == old)
		return;
	if (pane == PANE_HELP && old != PANE_HELP)
		ui->last_focus = old;
	ui->focus = pane;
	if (ui->zoom || !ui->wide || pane == PANE_HELP || old == PANE_HELP) {
		layout(ui);
	} else {
		ui_dirty(ui, old);
		ui_dirty(ui, pane);
	}
	ui_dirty(ui, PANE_STATUS);
}

/* --- keys --------------------------------------------------------------- */

static void
open_done(struct ui *ui, const char *text, void *arg)
{
	(void)arg;
	if (text && *text)
		ui_open(ui, text, UI_OPEN_PUSH);
}

static int
global_key(struct ui *ui, int act)
{
	static const int order[] = {PANE_LIBRARY, PANE_ARTICLE, PANE_LINKS};
	int i, f = ui->focus == PANE_HELP ? ui->last_focus : ui->focus;

	switch (act) {
	case ACT_QUIT:
		return UI_QUIT | UI_HANDLED;
	case ACT_HELP:
		ui_focus(ui, PANE_HELP);
		return UI_HANDLED;
	case ACT_FOCUS_NEXT:
	case ACT_FOCUS_PREV:
		for (i = 0; i < 3 && order[i] != f; i++)
			;
		i = (i + (act == ACT_FOCUS_NEXT ? 1 : 2)) % 3;
		ui_focus(ui, order[i]);
		return UI_HANDLED;
	case ACT_LIBRARY:
		ui_focus(ui, PANE_LIBRARY);
		return UI_HANDLED;
	case ACT_ARTICLE:
		ui_focus(ui, PANE_ARTICLE);
		return UI_HANDLED;
	case ACT_LINKS:
		ui_focus(ui, PANE_LINKS);
		return UI_HANDLED;
	case ACT_ZOOM:
		ui->zoom = !ui->zoom;
		ui_message(ui, ui->zoom ? "zoomed" : "unzoomed");
		return UI_HANDLED | UI_RELAYOUT;
	case ACT_BACK:
		return ui_history_go(ui, -1);
	case ACT_FORWARD:
		return ui_history_go(ui, 1);
	case ACT_OPEN:
		pane_status_prompt(ui, "open: ", NULL, open_done, NULL);
		return UI_HANDLED;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return UI_HANDLED | UI_REDRAW;
	default:
		return 0;
	}
}

static int
dispatch_key(struct ui *ui, int key)
{
	struct pane *p;
	int acts[UI_MAXACTS], n, i, r;
	char name[32];

	if (pane_status_prompting(ui))
		return pane_status_ops.key(&ui->pane[PANE_STATUS], ui, -1,
		    key);
	if (ui->job && (key == 27 || key == 7)) {
		ui_job_cancel(ui);	/* Esc or ^G: stop loading */
		return UI_HANDLED;
	}
	if (ui->job == NULL)
		pane_status_clear(ui);	/* (else: the progress) */
	n = ui_bind_lookup(key, acts);
	p = &ui->pane[ui->focus];
	for (i = 0; i < n; i++)
		if ((r = p->ops->key(p, ui, acts[i], key)) & UI_HANDLED)
			return r;
	if (n == 0 && ((r = p->ops->key(p, ui, -1, key)) & UI_HANDLED))
		return r;
	for (i = 0; i < n; i++)
		if ((r = global_key(ui, acts[i])) & UI_HANDLED)
			return r;
	/* Unbound, or bound only in another pane. */
	ui_bind_keyname(key, name, sizeof(name));
	ui_message(ui, "key %s does nothing here (F1 for help)", name);
	return 0;
}

static int
dispatch_mouse(struct ui *ui)
{
	MEVENT ev;
	int i;

	if (getmouse(&ev) != OK)
		return 0;
	if (ev.bstate & (BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED))
		pane_status_clear(ui);
	for (i = 0; i < PANE_COUNT; i++) {
		struct pane *p = &ui->pane[i];

		if (!p->visible || ev.y < p->y || ev.y >= p->y + p->h ||
		    ev.x < p->x || ev.x >= p->x + p->w)
			continue;
		if (i != ui->focus && i != PANE_STATUS &&
		    ui->focus != PANE_HELP &&
		    (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
			ui_focus(ui, i);
		if (p->ops->mouse)
			return p->ops->mouse(p, ui, &ev, ev.y - p->y,
			    ev.x - p->x);
		return UI_HANDLED;
	}
	return 0;
}

/* One event, handled and painted.  Not inlined: bench/keys.sh measures
 * the instructions spent here per key (callgrind --toggle-collect). */
static int __attribute__((noinline))
handle_event(struct ui *ui, int rc, wint_t wc, int *settle)
{
	int i, intent;

	if (rc == ERR) {
		/* A signal (the loop checks the flag), or the quiet moment
		 * after a resize: paint everything once more, for terminals
		 * (tmux) that resize their screen only after the program has
		 * drawn at the new size. */
		if (*settle) {
			*settle = 0;
			clearok(curscr, TRUE);
			for (i = 0; i < PANE_COUNT; i++)
				ui->pane[i].dirty = 1;
			paint(ui);
		}
		return 0;
	}
	if (rc == KEY_CODE_YES && wc == KEY_RESIZE) {
		intent = UI_RELAYOUT;
		*settle = 1;
	} else if (rc == KEY_CODE_YES && wc == KEY_MOUSE) {
		intent = dispatch_mouse(ui);
	} else {
		intent = dispatch_key(ui, ui_bind_normalize(rc, wc));
	}
	if (intent & UI_QUIT)
		return intent;
	if (intent & UI_RELAYOUT)
		layout(ui);
	else if (intent & UI_REDRAW)
		for (i = 0; i < PANE_COUNT; i++)
			ui->pane[i].dirty = 1;
	paint(ui);
	return intent;
}

/* --- start and stop ----------------------------------------------------- */

static void
load_settings(struct ui *ui, const struct ui_args *a)
{
	static const char *const dirs[] = {LEDE_DATADIR "/themes",
	    LEDE_SRCDIR "/themes", NULL};
	struct lede_err err = {0};
	const char *name;
	char *path;

	config_init(&ui->cfg);
	if ((path = config_path()) != NULL) {
		if (config_load(&ui->cfg, path, &err) == -1)
			ui_error(ui, "%s", err.msg);
		free(path);
	}
	ui->colw = ui->cfg.width;
	name = a->theme ? a->theme : ui->cfg.theme;
	if (name == NULL) {
		theme_default(&ui->theme);
	} else if (theme_load(&ui->theme, name, dirs, &err) == -1) {
		theme_default(&ui->theme);
		if (a->theme == NULL && ui->cfg.theme_line > 0)
			snprintf(ui->theme_err, sizeof(ui->theme_err),
			    "config line %d: %.400s", ui->cfg.theme_line,
			    err.msg);
		else
			snprintf(ui->theme_err, sizeof(ui->theme_err), "%s",
			    err.msg);
	}
	ui_bind_init(&ui->cfg);
}

void
ui_report_settings(struct ui *ui)
{
	size_t n = ui->cfg.nmsgs + (ui->theme_err[0] != '\0') +
	    ui->theme.nmsgs;
	const char *first;
	char more[48] = "";

	/* The first problem, and how many more: one line. */
	if (n == 0)
		return;
	first = ui->cfg.nmsgs > 0 ? ui->cfg.msgs[0] :
	    ui->theme_err[0] ? ui->theme_err : ui->theme.msgs[0];
	if (n > 1)
		snprintf(more, sizeof(more), " (and %zu more)", n - 1);
	ui_error(ui, "%s%s", first, more);
}

int
ui_run(const struct ui_args *a)
{
	static struct ui ui;	/* large (history); zeroed */
	struct lede_err err = {0};
	struct sigaction sa;
	struct doc *first = NULL;
	char *url = NULL;
	const char *cut;
	int i, rc, settle = 0, polled, later;
	wint_t wc;

	if (!isatty(STDOUT_FILENO)) {
		fprintf(stderr, "lede: the reader needs a terminal "
		    "(--dump writes text)\n");
		return 1;
	}
	/* `lede -` read the page from stdin: keys come from the terminal. */
	if (!isatty(STDIN_FILENO)) {
		if ((ttyin = fopen("/dev/tty", "r")) == NULL) {
			fprintf(stderr, "lede: no terminal to read keys from\n");
			return 1;
		}
		infd = fileno(ttyin);
	}
	ui.args = a;
	ui.pane[PANE_LIBRARY].ops = &pane_list_ops;
	ui.pane[PANE_ARTICLE].ops = &pane_article_ops;
	ui.pane[PANE_LINKS].ops = &pane_links_ops;
	ui.pane[PANE_HELP].ops = &pane_help_ops;
	ui.pane[PANE_STATUS].ops = &pane_status_ops;
	for (i = 0; i < PANE_COUNT; i++)
		if (ui.pane[i].ops->init(&ui.pane[i], &ui) == -1) {
			fprintf(stderr, "lede: out of memory\n");
			return 1;
		}
	/* A page from the network loads with the screen up, its progress
	   shown and Esc there to cancel; a file or stdin fails before the
	   screen opens, like --dump does. */
	later = a->source && a->base_url == NULL &&
	    source_is_url(a->source);
	if (a->source && !later) {
		if ((first = ui_load_now(&ui, a->source, a->base_url, &url,
		    &err)) == NULL) {
			fprintf(stderr, "lede: %s\n", err.msg);
			return 1;
		}
	}
	load_settings(&ui, a);

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;	/* no SA_RESTART: wake up the read */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);

	if (ttyin ? newterm(NULL, stdout, ttyin) == NULL :
	    initscr() == NULL) {
		fprintf(stderr, "lede: cannot start the terminal screen\n");
		return 1;
	}
	cbreak();
	noecho();
	nonl();
	curs_set(0);
	/* Long enough that a mouse or key sequence split by a busy terminal
	 * (or ssh) is not taken for Esc and some letters. */
	set_escdelay(100);
	theme_curses_init(&ui.theme);
	inwin = newwin(1, 1, 0, 0);
	/* Keys are read through inwin, and reading refreshes a window
	   touched since its last refresh: once now, so that its blank
	   cell never lands on the screen's first one. */
	if (inwin)
		wnoutrefresh(inwin);
	ui.active = 1;
	keypad(inwin, TRUE);
	/* Home and End as other terminals send them (tmux, screen, rxvt):
	 * a TERM that does not match the terminal still gets them. */
	define_key("\033[1~", KEY_HOME);
	define_key("\033[7~", KEY_HOME);
	define_key("\033[H", KEY_HOME);
	define_key("\033[4~", KEY_END);
	define_key("\033[8~", KEY_END);
	define_key("\033[F", KEY_END);
	mouse_on(&ui);

	ui.focus = first || later ? PANE_ARTICLE : PANE_LIBRARY;
	ui.last_focus = ui.focus;
	layout(&ui);
	if (first) {
		ui.hist[0].src = xstrdup(a->source);
		ui.hist[0].block = -1;
		ui.hist[0].link = -1;
		ui.nhist = 1;
		ui.hcur = 0;
		ui_install(&ui, first, a->source, url);
		pane_article_reset(&ui, 0, -1, -1);
		pane_links_reset(&ui);
		if ((cut = doc_cut(first)) != NULL)
			ui_error(&ui, "%s", cut);
	}
	/* A page loading in the background would wipe the report off the
	   status line: it waits for the page. */
	if (later) {
		ui.settings_later = 1;
		ui_open(&ui, a->source, UI_OPEN_PUSH);
	} else
		ui_report_settings(&ui);

	paint(&ui);
	while (!got_quit) {
		polled = ui.job != NULL;
		if (polled) {
			/* Wait for the page or a key, whichever comes. */
			source_job_wait(ui.job, infd, 100, NULL);
			ui_job_poll(&ui);
			wtimeout(inwin, 0);
		} else {
			wtimeout(inwin, settle ? 150 : -1);
		}
		rc = wget_wch(inwin, &wc);
		if (rc == ERR && polled && !settle) {
			paint(&ui);	/* the progress, or the page */
			continue;
		}
		if (handle_event(&ui, rc, wc, &settle) & UI_QUIT)
			break;
	}
	if (ui.job)
		ui_job_cancel(&ui);

	endwin();
	for (i = 0; i < PANE_COUNT; i++) {
		if (ui.pane[i].win)
			delwin(ui.pane[i].win);
		ui.pane[i].ops->free(&ui.pane[i]);
	}
	delwin(inwin);
	doc_free(ui.doc);
	free(ui.doc_src);
	free(ui.doc_url);
	for (i = 0; i < (int)ui.nhist; i++)
		free(ui.hist[i].src);
	for (i = 0; i < (int)ui.nseen; i++) {
		free(ui.seen[i]);
		free(ui.seen_title[i]);
	}
	config_release(&ui.cfg);
	theme_release(&ui.theme);
	ui_bind_free();
	if (ttyin)
		fclose(ttyin);
	return 0;
}
