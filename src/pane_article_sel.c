/*
 * pane_article_sel.c - selecting part of the article (V by line, v by
 * paragraph, ^A all, extended with the movement keys or a mouse drag) and
 * exporting it, or the whole article when nothing is selected, as plain
 * text (export_doc(), the formatter of --dump): to a file, through a pipe
 * to a command line (run by /bin/sh) or to the clipboard (OSC 52, plus
 * wl-copy or xclip when there).  A paragraph selection exports the
 * paragraphs it touches (export_doc() by block range); a line selection
 * exports exactly the text of its lines (export_lines()).  UI only.
 */
#include <ctype.h>
#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "dump.h"
#include "export_lines.h"
#include "pane_article.h"
#include "util.h"

#define EXPORT_MAX ((size_t)32 << 20)
#define OSC52_MAX 100000	/* bytes of text; terminals cap the sequence */

int
art_sel_range(const struct art *a, size_t *first, size_t *last)
{
	const struct lines *L = a->lines;
	size_t f, l;

	if (a->sel_mode == SEL_NONE || L == NULL || L->n == 0)
		return 0;
	f = a->anchor < a->cursor ? a->anchor : a->cursor;
	l = a->anchor < a->cursor ? a->cursor : a->anchor;
	if (l >= L->n)
		l = L->n - 1;
	if (f > l)
		f = l;
	if (a->sel_mode == SEL_PARAS) {
		/* Whole blocks: out to both ends of the blocks touched. */
		while (f > 0 && L->v[f].block >= 0 &&
		    L->v[f - 1].block == L->v[f].block)
			f--;
		while (l + 1 < L->n && L->v[l].block >= 0 &&
		    L->v[l + 1].block == L->v[l].block)
			l++;
	}
	*first = f;
	*last = l;
	return 1;
}

/* Body blocks (1-based, for export_doc) the selection touches. */
static int
sel_blocks(const struct art *a, int *fb, int *lb)
{
	size_t f, l, i;

	*fb = *lb = 0;
	if (!art_sel_range(a, &f, &l))
		return 0;
	for (i = f; i <= l; i++) {
		int b = a->lines->v[i].block;

		if (b < 0)
			continue;
		if (*fb == 0 || b + 1 < *fb)
			*fb = b + 1;
		if (b + 1 > *lb)
			*lb = b + 1;
	}
	return *fb > 0;
}

void
art_sel_info(struct ui *ui, struct art *a)
{
	size_t f, l;
	int fb, lb;

	if (!art_sel_range(a, &f, &l)) {
		a->info[0] = '\0';
		return;
	}
	if (sel_blocks(a, &fb, &lb))
		snprintf(a->info, sizeof(a->info),
		    "-- %s -- %zu line%s, %d paragraph%s selected (s save, "
		    "| pipe, y copy, Esc cancel)",
		    a->sel_mode == SEL_LINES ? "LINES" : "PARAGRAPHS",
		    l - f + 1, l > f ? "s" : "", lb - fb + 1,
		    lb > fb ? "s" : "");
	else
		snprintf(a->info, sizeof(a->info),
		    "-- %s -- %zu line%s %s selected",
		    a->sel_mode == SEL_LINES ? "LINES" : "PARAGRAPHS",
		    l - f + 1, l > f ? "s" : "",
		    a->lines->v[f].flags & LINE_HEADER ? "of the header" :
		                                         "(no body text)");
	ui_dirty(ui, PANE_STATUS);
}

static void
move_cursor(struct art *a, size_t to)
{
	const struct lines *L = a->lines;

	if (to >= L->n)
		to = L->n - 1;
	a->cursor = to;
	if (to < a->top)
		art_set_top(a, to);
	else if (to >= a->top + (size_t)a->h)
		art_set_top(a, to - (size_t)a->h + 1);
}

/* The first line of the next (dir 1) or previous block from line i. */
static size_t
block_step(const struct lines *L, size_t i, int dir)
{
	int b = L->v[i].block;

	if (dir > 0) {
		while (i + 1 < L->n && L->v[i + 1].block == b)
			i++;
		while (i + 1 < L->n && L->v[++i].block < 0)
			;
		return i;
	}
	while (i > 0 && L->v[i - 1].block == b)
		i--;
	while (i > 0 && L->v[i - 1].block < 0)
		i--;
	return i > 0 ? i - 1 : 0;
}

int
art_sel_key(struct ui *ui, struct art *a, int action)
{
	const struct lines *L = a->lines;
	size_t c = a->cursor, page = a->h > 2 ? (size_t)a->h - 2 : 1;
	int paras = a->sel_mode == SEL_PARAS;

	if (L == NULL || L->n == 0)
		return 0;
	switch (action) {
	case ACT_SELECT_LINES:
	case ACT_SELECT_PARAS: {
		int mode = action == ACT_SELECT_LINES ? SEL_LINES : SEL_PARAS;

		if (a->sel_mode == mode) {
			a->sel_mode = SEL_NONE;
			a->info[0] = '\0';
			ui_dirty(ui, PANE_ARTICLE);
			return UI_HANDLED;
		}
		if (a->sel_mode == SEL_NONE) {
			/* Start at the first text line on screen. */
			size_t s = a->cur < L->n ? a->cur : a->top;

			while (s + 1 < L->n && s < a->top + (size_t)a->h &&
			    (L->v[s].flags & LINE_BLANK))
				s++;
			a->anchor = a->cursor = s;
		}
		a->sel_mode = mode;
		break;
	}
	case ACT_SELECT_ALL:
		a->sel_mode = SEL_LINES;
		a->anchor = 0;
		a->cursor = L->n ? L->n - 1 : 0;
		break;
	case ACT_DOWN:
		move_cursor(a, paras ? block_step(L, c, 1) : c + 1);
		break;
	case ACT_UP:
		move_cursor(a, paras ? block_step(L, c, -1) : c ? c - 1 : 0);
		break;
	case ACT_NEXT_PARA:
		move_cursor(a, block_step(L, c, 1));
		break;
	case ACT_PREV_PARA:
		move_cursor(a, block_step(L, c, -1));
		break;
	case ACT_PAGE_DOWN:
		move_cursor(a, c + page);
		break;
	case ACT_PAGE_UP:
		move_cursor(a, c > page ? c - page : 0);
		break;
	case ACT_HALF_DOWN:
		move_cursor(a, c + page / 2);
		break;
	case ACT_HALF_UP:
		move_cursor(a, c > page / 2 ? c - page / 2 : 0);
		break;
	case ACT_TOP:
		move_cursor(a, 0);
		break;
	case ACT_BOTTOM:
		move_cursor(a, L->n);
		break;
	case ACT_CANCEL:
		a->sel_mode = SEL_NONE;
		a->info[0] = '\0';
		ui_dirty(ui, PANE_ARTICLE);
		ui_dirty(ui, PANE_STATUS);
		return UI_HANDLED;
	default:
		return 0;
	}
	art_sel_info(ui, a);
	ui_dirty(ui, PANE_ARTICLE);
	return UI_HANDLED;
}

/* --- export -------------------------------------------------------------- */

static char *
export_text(struct ui *ui, struct art *a, size_t *len)
{
	struct dump_opts o;
	struct lede_err err = {0};
	struct buf b;
	size_t f, l;
	int fb, lb, rc;

	dump_opts_default(&o);
	o.width = ui->cfg.export_width > 0 ? ui->cfg.export_width : 80;
	o.wrap = ui->cfg.export_width > 0;
	buf_init(&b, EXPORT_MAX);
	if (art_sel_range(a, &f, &l) &&
	    ((a->sel_mode == SEL_LINES && !(f == 0 && l + 1 >= a->lines->n)) ||
	        (a->sel_mode == SEL_PARAS && !sel_blocks(a, &fb, &lb) &&
	            (a->lines->v[f].flags & LINE_HEADER)))) {
		/* Part of the article: exactly the lines selected (or, for
		   paragraphs of the header alone, the header). */
		rc = export_lines(&b, ui->doc, a->lines, f, l, &o, &err);
	} else {
		/* Paragraphs, or everything (^A, or nothing selected). */
		if (sel_blocks(a, &fb, &lb)) {
			o.first_block = fb;
			o.last_block = lb;
		}
		rc = export_doc(&b, ui->doc, &o, &err);
	}
	if (rc == -1) {
		buf_release(&b);
		ui_error(ui, "%s", err.msg);
		return NULL;
	}
	*len = b.len;
	if (b.data == NULL && buf_puts(&b, "") == -1)
		return NULL;
	return buf_steal(&b);
}

static int
write_all(int fd, const char *s, size_t n)
{
	ssize_t w;

	while (n > 0) {
		if ((w = write(fd, s, n)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

static void
save_to(struct ui *ui, const char *path, int overwrite)
{
	struct art *a = pane_article_state(ui);
	char *text;
	size_t len;
	int fd, e;

	if ((text = export_text(ui, a, &len)) == NULL)
		return;
	fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC |
	    (overwrite ? O_TRUNC : O_EXCL), 0644);
	if (fd == -1 || write_all(fd, text, len) == -1) {
		e = errno;
		if (fd != -1)
			close(fd);
		ui_error(ui, "cannot write '%s': %s", path, strerror(e));
	} else if (close(fd) == -1) {
		ui_error(ui, "cannot write '%s': %s", path, strerror(errno));
	} else {
		ui_message(ui, "saved %zu bytes to '%s'", len, path);
	}
	free(text);
}

static char pending[4096];	/* the path waiting for "overwrite?" */

static void
confirm_done(struct ui *ui, const char *text, void *arg)
{
	(void)arg;
	if (text && (text[0] == 'y' || text[0] == 'Y'))
		save_to(ui, pending, 1);
	else
		ui_message(ui, "not saved");
}

static void
save_done(struct ui *ui, const char *text, void *arg)
{
	struct stat st;
	char q[256];
	const char *base;

	(void)arg;
	if (text == NULL || *text == '\0') {
		ui_message(ui, "not saved");
		return;
	}
	if (stat(text, &st) == 0) {
		snprintf(pending, sizeof(pending), "%s", text);
		base = strrchr(pending, '/');
		snprintf(q, sizeof(q), "overwrite '%.200s'? (y/n) ",
		    base ? base + 1 : pending);
		pane_status_ask(ui, q, confirm_done, NULL);
		return;
	}
	save_to(ui, text, 0);
}

/* A file name from the title: lower-case words joined by '-'. */
static void
default_name(struct ui *ui, char *out, size_t n)
{
	const char *dir = getenv("LEDE_EXPORT_DIR");
	const char *t = doc_get(ui->doc, DOC_TITLE);
	char slug[64];
	size_t k = 0;
	int dash = 0;

	for (; t && *t && k < 48; t++) {
		unsigned char c = (unsigned char)*t;

		if (isalnum(c) || c >= 0x80) {
			if (dash && k > 0)
				slug[k++] = '-';
			dash = 0;
			/* Keep whole UTF-8 sequences; stop before a split. */
			if (c >= 0x80 && (c & 0xc0) == 0xc0 && k + 4 >= 48)
				break;
			slug[k++] = (char)tolower(c);
		} else {
			dash = 1;
		}
	}
	slug[k] = '\0';
	if (k == 0)
		snprintf(slug, sizeof(slug), "article");
	if (dir && *dir)
		snprintf(out, n, "%s/%s.txt", dir, slug);
	else
		snprintf(out, n, "%s.txt", slug);
}

static void
pipe_done(struct ui *ui, const char *text, void *arg)
{
	struct art *a = pane_article_state(ui);
	char *argv[4], *copy, *out;
	size_t len, k;
	int fds[2], status = 0;
	pid_t pid;

	(void)arg;
	if (text == NULL || (text += strspn(text, " \t"), *text == '\0'))
		return;
	/* The user typed this command line: the shell runs it, as less
	   and vi do, so quotes, pipes and redirections work.  Messages
	   name its first word. */
	if ((copy = xstrdup(text)) == NULL)
		return;
	k = strcspn(copy, " \t");
	copy[k] = '\0';
	argv[0] = copy;
	if ((out = export_text(ui, a, &len)) == NULL) {
		free(copy);
		return;
	}
	if (pipe(fds) == -1) {
		ui_error(ui, "cannot run '%s': %s", argv[0], strerror(errno));
		goto out;
	}
	ui_suspend(ui);
	if ((pid = fork()) == 0) {
		close(fds[1]);
		dup2(fds[0], 0);
		close(fds[0]);
		signal(SIGPIPE, SIG_DFL);
		signal(SIGINT, SIG_DFL);
		argv[0] = "sh";
		argv[1] = "-c";
		argv[2] = (char *)text;
		argv[3] = NULL;
		execv("/bin/sh", argv);
		fprintf(stderr, "lede: cannot run /bin/sh: %s\n",
		    strerror(errno));
		_exit(127);
	}
	close(fds[0]);
	if (pid > 0) {
		struct sigaction ign, oldpipe, oldint;
		char done[600];

		/* ^C is for the command, not for lede. */
		memset(&ign, 0, sizeof(ign));
		ign.sa_handler = SIG_IGN;
		sigaction(SIGPIPE, &ign, &oldpipe);
		sigaction(SIGINT, &ign, &oldint);
		write_all(fds[1], out, len);
		close(fds[1]);
		while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
			;
		sigaction(SIGPIPE, &oldpipe, NULL);
		sigaction(SIGINT, &oldint, NULL);
		/* Let the reader see what the command printed. */
		snprintf(done, sizeof(done), "lede: '%.500s' %s", argv[0],
		    WIFEXITED(status) && WEXITSTATUS(status) == 0 ? "done" :
		    "failed");
		ui_press_enter(ui, done);
	} else {
		close(fds[1]);
	}
	ui_resume(ui);
	if (pid < 0)
		ui_error(ui, "cannot run '%s': %s", argv[0], strerror(errno));
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		ui_message(ui, "piped %zu bytes to '%s'", len, argv[0]);
	else
		ui_error(ui, "'%s' failed (status %d)", argv[0],
		    WIFEXITED(status) ? WEXITSTATUS(status) : 128);
out:
	free(out);
	free(copy);
}

static void
base64(const unsigned char *s, size_t n, struct buf *b)
{
	static const char t[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t i;

	for (i = 0; i + 2 < n; i += 3) {
		char q[4] = {t[s[i] >> 2], t[(s[i] & 3) << 4 | s[i + 1] >> 4],
		    t[(s[i + 1] & 15) << 2 | s[i + 2] >> 6], t[s[i + 2] & 63]};

		buf_append(b, q, 4);
	}
	if (n - i == 1) {
		char q[4] = {t[s[i] >> 2], t[(s[i] & 3) << 4], '=', '='};

		buf_append(b, q, 4);
	} else if (n - i == 2) {
		char q[4] = {t[s[i] >> 2], t[(s[i] & 3) << 4 | s[i + 1] >> 4],
		    t[(s[i + 1] & 15) << 2], '='};

		buf_append(b, q, 4);
	}
}

static int
on_path(const char *prog)
{
	const char *path = getenv("PATH");
	char buf[4096];
	const char *p, *e;

	for (p = path; p && *p; p = *e ? e + 1 : e) {
		e = strchr(p, ':');
		if (e == NULL)
			e = p + strlen(p);
		snprintf(buf, sizeof(buf), "%.*s/%s", (int)(e - p), p, prog);
		if (access(buf, X_OK) == 0)
			return 1;
	}
	return 0;
}

/* wl-copy or xclip, when a display is there; quiet on failure. */
static const char *
copy_helper(const char *text, size_t len)
{
	char *wl[] = {"wl-copy", NULL};
	char *xc[] = {"xclip", "-selection", "clipboard", NULL};
	char **argv = NULL;
	int fds[2], null;
	pid_t pid;

	if (getenv("WAYLAND_DISPLAY") && on_path("wl-copy"))
		argv = wl;
	else if (getenv("DISPLAY") && on_path("xclip"))
		argv = xc;
	if (argv == NULL || pipe(fds) == -1)
		return NULL;
	if ((pid = fork()) == 0) {
		close(fds[1]);
		dup2(fds[0], 0);
		if ((null = open("/dev/null", O_WRONLY)) >= 0) {
			dup2(null, 1);
			dup2(null, 2);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	close(fds[0]);
	if (pid > 0) {
		void (*old)(int) = signal(SIGPIPE, SIG_IGN);

		write_all(fds[1], text, len);
		close(fds[1]);
		/* xclip forks and serves the selection; wl-copy too. */
		waitpid(pid, NULL, 0);
		signal(SIGPIPE, old);
		return argv[0];
	}
	close(fds[1]);
	return NULL;
}

static void
copy(struct ui *ui, struct art *a)
{
	struct buf seq;
	char *text;
	size_t len;
	const char *helper;

	if ((text = export_text(ui, a, &len)) == NULL)
		return;
	if (len > OSC52_MAX) {
		free(text);
		ui_error(ui, "selection too large to copy (%zu bytes)", len);
		return;
	}
	buf_init(&seq, OSC52_MAX * 2);
	buf_puts(&seq, "\033]52;c;");
	base64((const unsigned char *)text, len, &seq);
	buf_puts(&seq, "\a");
	fflush(stdout);
	write_all(STDOUT_FILENO, seq.data, seq.len);
	buf_release(&seq);
	helper = copy_helper(text, len);
	ui_message(ui, "copied %zu bytes to the clipboard (OSC 52%s%s)", len,
	    helper ? ", " : "", helper ? helper : "");
	free(text);
}

int
art_export_key(struct ui *ui, struct art *a, int action)
{
	char name[4096];

	if (ui->doc == NULL)
		return 0;
	switch (action) {
	case ACT_EXPORT:
		default_name(ui, name, sizeof(name));
		pane_status_prompt(ui, "save to: ", name, save_done, NULL);
		break;
	case ACT_PIPE:
		pane_status_prompt(ui, "pipe to: ", NULL, pipe_done, NULL);
		break;
	case ACT_COPY:
		copy(ui, a);
		break;
	default:
		return 0;
	}
	ui_dirty(ui, PANE_STATUS);
	return UI_HANDLED;
}
