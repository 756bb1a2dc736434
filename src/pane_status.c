/*
 * pane_status.c - the status line: a one-line message or error, the
 * prompt (search, open, export) with simple line editing, and otherwise
 * the article's title and reading progress.  UI only.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pane.h"
#include "sanitize.h"
#include "ui_bind.h"
#include "uwidth.h"

#define STATUS_MAX 1024
#define PROMPT_MAX 1024

struct status {
	char text[STATUS_MAX];
	int error;
	int prompting;
	int onekey; /* a question the first key answers */
	char label[256];
	char input[PROMPT_MAX];
	size_t len;
	ui_prompt_fn done;
	void *arg;
};

static struct status *
st(struct ui *ui)
{
	return ui->pane[PANE_STATUS].priv;
}

static int
status_init(struct pane *p, struct ui *ui)
{
	(void)ui;
	p->priv = calloc(1, sizeof(struct status));
	return p->priv ? 0 : -1;
}

static void
status_free(struct pane *p)
{
	free(p->priv);
	p->priv = NULL;
}

void
pane_status_set(struct ui *ui, int error, const char *text)
{
	struct status *s = st(ui);
	char *clean;
	size_t i, n;

	/* Messages quote file names, config and theme lines, URLs: no
	 * controls, C1, escapes or bidi overrides reach the terminal, and
	 * a message cut short never ends inside a UTF-8 sequence. */
	clean = sanitize_text(text, strlen(text), 0, NULL);
	snprintf(s->text, sizeof(s->text), "%s", clean ? clean : "");
	free(clean);
	n = strlen(s->text);
	if (n == sizeof(s->text) - 1)
		n = u8_whole(s->text, n);
	s->text[n] = '\0';
	for (i = 0; s->text[i]; i++)
		if ((unsigned char)s->text[i] < 0x20 || s->text[i] == 0x7f)
			s->text[i] = ' ';
	s->error = error;
	ui_dirty(ui, PANE_STATUS);
}

void
pane_status_clear(struct ui *ui)
{
	struct status *s = st(ui);

	if (s->text[0]) {
		s->text[0] = '\0';
		s->error = 0;
		ui_dirty(ui, PANE_STATUS);
	}
}

void
pane_status_prompt(struct ui *ui, const char *label, const char *initial,
    ui_prompt_fn done, void *arg)
{
	struct status *s = st(ui);
	char *clean;

	s->prompting = 1;
	/* Labels quote file names, maybe cut inside a character. */
	clean = sanitize_text(label, strlen(label), 0, NULL);
	snprintf(s->label, sizeof(s->label), "%s", clean ? clean : label);
	free(clean);
	s->label[u8_whole(s->label, strlen(s->label))] = '\0';
	snprintf(s->input, sizeof(s->input), "%s", initial ? initial : "");
	s->len = strlen(s->input);
	s->done = done;
	s->arg = arg;
	s->onekey = 0;
	ui_dirty(ui, PANE_STATUS);
}

void
pane_status_ask(struct ui *ui, const char *label, ui_prompt_fn done,
    void *arg)
{
	pane_status_prompt(ui, label, NULL, done, arg);
	st(ui)->onekey = 1;
}

int
pane_status_error(struct ui *ui)
{
	return st(ui)->text[0] && st(ui)->error;
}

int
pane_status_prompting(struct ui *ui)
{
	return st(ui)->prompting;
}

static void
right_info(struct ui *ui, char *buf, size_t n)
{
	size_t top, total;
	int h, pct;

	buf[0] = '\0';
	/* The article's place means nothing over the help. */
	if (ui->doc == NULL || ui->focus == PANE_HELP)
		return;
	pane_article_progress(ui, &top, &total, &h);
	if (total == 0)
		return;
	if (top + (size_t)h >= total)
		pct = 100;
	else
		pct = (int)((top + (size_t)h) * 100 / total);
	snprintf(buf, n, " %zu/%zu %3d%% ", top + 1, total, pct);
}

static void
status_draw(struct pane *p, struct ui *ui)
{
	struct status *s = st(ui);
	char right[64];
	const char *left, *info;
	int rw, col = 0, w = p->w;

	if (p->win == NULL)
		return;
	theme_curses_set(p->win, s->error ? ROLE_STATUS_ERROR : ROLE_STATUS);
	wmove(p->win, 0, 0);
	/* Fill the line in the status colours. */
	for (col = 0; col < w; col++)
		waddch(p->win, ' ');
	wmove(p->win, 0, 0);
	if (s->prompting) {
		size_t off = 0;
		int lw = u8_width(s->label, strlen(s->label)), iw;

		col = ui_put(p->win, ROLE_STATUS, s->label, strlen(s->label),
		    w);
		/* Show the end of a long input. */
		iw = u8_width(s->input, s->len);
		while (off < s->len && iw > w - lw - 1) {
			size_t g = u8_grapheme(s->input + off, s->len - off);

			iw -= u8_grapheme_width(s->input + off, g);
			off += g;
		}
		col += ui_put(p->win, ROLE_STATUS, s->input + off,
		    s->len - off, w - col);
		if (col < w) {
			short pair;
			attr_t a = theme_curses_attr(ROLE_STATUS, &pair);

			wattr_set(p->win, a ^ A_REVERSE, pair, NULL);
			waddch(p->win, ' ');
		}
		return;
	}
	right_info(ui, right, sizeof(right));
	rw = (int)strlen(right);
	if (rw > w / 2)
		rw = 0;
	if (s->text[0]) {
		left = s->text;
	} else if (ui->focus == PANE_HELP) {
		left = " help: q or Esc closes";
	} else if (ui->focus == PANE_LINKS &&
	    (info = pane_links_info(ui)) != NULL) {
		left = info;
	} else if (ui->doc && (info = pane_article_info(ui)) != NULL) {
		left = info;
	} else if (ui->doc && doc_get(ui->doc, DOC_TITLE)) {
		left = doc_get(ui->doc, DOC_TITLE);
	} else {
		left = " lede: F1 for help";
	}
	wmove(p->win, 0, 0);
	ui_put(p->win, s->error ? ROLE_STATUS_ERROR : ROLE_STATUS, left,
	    strlen(left), w - rw - 1 > 0 ? w - rw - 1 : w);
	if (rw > 0 && !s->error) {
		wmove(p->win, 0, w - rw);
		ui_put(p->win, ROLE_STATUS, right, (size_t)rw, rw);
	}
}

static void
finish(struct ui *ui, int ok)
{
	struct status *s = st(ui);
	ui_prompt_fn done = s->done;
	void *arg = s->arg;
	char text[PROMPT_MAX];

	memcpy(text, s->input, s->len + 1);
	s->prompting = 0;
	s->done = NULL;
	ui_dirty(ui, PANE_STATUS);
	if (done)
		done(ui, ok ? text : NULL, arg);
}

static int
status_key(struct pane *p, struct ui *ui, int action, int ch)
{
	struct status *s = st(ui);
	char u[5];
	int n;

	(void)p;
	(void)action;
	if (!s->prompting)
		return 0;
	if (ch == 27 || ch == 7 /* ^G */ || ch == 3) {
		finish(ui, 0);
	} else if (s->onekey && ch >= 0x20 && ch < 0x7f) {
		s->input[0] = (char)ch;
		s->input[1] = '\0';
		s->len = 1;
		finish(ui, 1);
	} else if (ch == '\r') {
		finish(ui, 1);
	} else if (ch == UI_KEY(KEY_BACKSPACE)) {
		if (s->len == 0) {
			finish(ui, 0);
			return UI_HANDLED;
		}
		/* Back up one code point. */
		do
			s->len--;
		while (s->len > 0 && ((unsigned char)s->input[s->len] &
		    0xc0) == 0x80);
		s->input[s->len] = '\0';
	} else if (ch == 21 /* ^U */) {
		s->len = 0;
		s->input[0] = '\0';
	} else if (ch >= 0x20 && ch < 0x110000 && ch != 0x7f &&
	    !(ch >= 0x80 && ch < 0xa0)) {
		if (ch < 0x80) {
			u[0] = (char)ch;
			n = 1;
		} else if (ch < 0x800) {
			u[0] = (char)(0xc0 | (ch >> 6));
			u[1] = (char)(0x80 | (ch & 0x3f));
			n = 2;
		} else if (ch < 0x10000) {
			u[0] = (char)(0xe0 | (ch >> 12));
			u[1] = (char)(0x80 | ((ch >> 6) & 0x3f));
			u[2] = (char)(0x80 | (ch & 0x3f));
			n = 3;
		} else {
			u[0] = (char)(0xf0 | (ch >> 18));
			u[1] = (char)(0x80 | ((ch >> 12) & 0x3f));
			u[2] = (char)(0x80 | ((ch >> 6) & 0x3f));
			u[3] = (char)(0x80 | (ch & 0x3f));
			n = 4;
		}
		if (s->len + (size_t)n < sizeof(s->input)) {
			memcpy(s->input + s->len, u, (size_t)n);
			s->len += (size_t)n;
			s->input[s->len] = '\0';
		}
	}
	ui_dirty(ui, PANE_STATUS);
	return UI_HANDLED;
}

const struct pane_ops pane_status_ops = {
	.name = "status",
	.init = status_init,
	.free = status_free,
	.draw = status_draw,
	.key = status_key,
};
