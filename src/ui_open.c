/*
 * ui_open.c - opening a source in the reader and the in-session history
 * (back and forward, each place with its scroll position).  Files load at
 * once; a URL is fetched by a source job that the event loop moves on
 * (ui_job_poll) while the reader stays usable: the status line shows the
 * progress, Esc cancels.  UI only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article.h"
#include "pane.h"
#include "util.h"

struct doc *
ui_load_now(struct ui *ui, const char *src, const char *base, char **url,
    struct lede_err *err)
{
	struct source s;

	if (source_load(src, &ui->args->src, &s, err) == -1)
		return NULL;
	return ui_article(ui, &s, base, url, err);
}

/* The article of loaded bytes (s is released).  *url gets the page's. */
struct doc *
ui_article(struct ui *ui, struct source *s, const char *base, char **url,
    struct lede_err *err)
{
	struct article_opts ao = {0};
	struct lede_err rec = {0};
	struct doc *d;

	ao.url = base ? base : s->url;
	ao.encoding = ui->args->encoding;
	ao.content_type = s->content_type;
	d = article_from_bytes(s->bytes.data, s->bytes.len, &ao, err);
	*url = d ? xstrdup(base ? base : s->url) : NULL;
	if (d != NULL) {
		/* History and search index; not worth failing for. */
		source_record(s, &ui->args->src, d, &rec);
		if (s->warning)
			snprintf(ui->warning, sizeof(ui->warning), "%s",
			    s->warning);
	}
	source_release(s);
	return d;
}

static void
seen_add(struct ui *ui, const char *src, const char *title)
{
	size_t i;

	for (i = 0; i < ui->nseen; i++)
		if (strcmp(ui->seen[i], src) == 0)
			break;
	if (i == ui->nseen && ui->nseen == UI_MAXHIST) {
		/* Full: the oldest goes, the count stays. */
		i = ui->nseen - 1;
		free(ui->seen[i]);
		free(ui->seen_title[i]);
	} else if (i < ui->nseen) {
		free(ui->seen[i]);
		free(ui->seen_title[i]);
	} else {
		ui->nseen++;
	}
	memmove(ui->seen + 1, ui->seen, i * sizeof(ui->seen[0]));
	memmove(ui->seen_title + 1, ui->seen_title,
	    i * sizeof(ui->seen_title[0]));
	ui->seen[0] = xstrdup(src);
	ui->seen_title[0] = xstrdup(title ? title : src);
	if (ui->seen[0] == NULL) {
		/* Out of memory: drop the entry rather than keep a NULL. */
		free(ui->seen_title[0]);
		memmove(ui->seen, ui->seen + 1,
		    (ui->nseen - 1) * sizeof(ui->seen[0]));
		memmove(ui->seen_title, ui->seen_title + 1,
		    (ui->nseen - 1) * sizeof(ui->seen_title[0]));
		ui->nseen--;
	}
	pane_list_refresh(ui);
}

void
ui_install(struct ui *ui, struct doc *d, const char *src, char *url)
{
	doc_free(ui->doc);
	free(ui->doc_src);
	free(ui->doc_url);
	ui->doc = d;
	ui->doc_src = xstrdup(src);
	ui->doc_url = url;
	seen_add(ui, src, doc_get(d, DOC_TITLE));
}

static void
hist_save(struct ui *ui)
{
	struct hist_entry *h;

	if (ui->nhist == 0 || ui->doc == NULL)
		return;
	h = &ui->hist[ui->hcur];
	pane_article_position(ui, &h->top, &h->block, &h->link);
}

/* A file:// URL back to a path for source_load(): drop the fragment and
 * decode %XX. */
static char *
url_to_source(const char *u)
{
	char *s, *o;
	const char *p;

	if (strncmp(u, "file://", 7) != 0)
		return xstrdup(u);
	p = u + 7;
	if ((s = malloc(strlen(p) + 1)) == NULL)
		return NULL;
	for (o = s; *p && *p != '#' && *p != '?'; p++) {
		if (p[0] == '%' && p[1] && p[2] &&
		    strchr("0123456789abcdefABCDEF", p[1]) &&
		    strchr("0123456789abcdefABCDEF", p[2])) {
			char hex[3] = {p[1], p[2], 0};
			char c = (char)strtol(hex, NULL, 16);

			if (c == '\0')
				break;
			*o++ = c;
			p += 2;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return s;
}

/* The article is in: history, the panes, the status line. */
static void
opened(struct ui *ui, struct doc *d, const char *src, char *url, int how)
{
	struct hist_entry *h;
	const char *cut;
	size_t i;

	if (how == UI_OPEN_PUSH) {
		hist_save(ui);
		for (i = ui->nhist ? ui->hcur + 1 : 0; i < ui->nhist; i++)
			free(ui->hist[i].src);
		ui->nhist = ui->nhist ? ui->hcur + 1 : 0;
		if (ui->nhist == UI_MAXHIST) {
			free(ui->hist[0].src);
			memmove(ui->hist, ui->hist + 1,
			    (UI_MAXHIST - 1) * sizeof(ui->hist[0]));
			ui->nhist--;
		}
		h = &ui->hist[ui->nhist];
		h->src = xstrdup(src);
		h->top = 0;
		h->block = -1;
		h->link = -1;
		ui->hcur = ui->nhist++;
	} else {
		/* history_go() saved the place we left. */
		ui->hcur = ui->job_to;
	}
	ui_install(ui, d, src, url);
	h = &ui->hist[ui->hcur];
	pane_article_reset(ui, h->top, h->block, h->link);
	pane_links_reset(ui);
	pane_status_clear(ui);
	if (ui->warning[0]) {
		ui_error(ui, "%s", ui->warning);
		ui->warning[0] = '\0';
	} else if ((cut = doc_cut(ui->doc)) != NULL) {
		ui_error(ui, "%s", cut);
	} else if (ui->settings_later) {
		ui->settings_later = 0;
		ui_report_settings(ui);
	}
	if (ui->focus != PANE_ARTICLE)
		ui_focus(ui, PANE_ARTICLE);
	ui_dirty(ui, PANE_ARTICLE);
	ui_dirty(ui, PANE_LINKS);
	ui_dirty(ui, PANE_STATUS);
}

/* Links lede cannot read (mail, images, PDFs, media) go to the user's
 * handler, like a browser's download: decided by scheme and by the path's
 * extension, before any fetch. */
static int
is_foreign(const char *u)
{
	static const char *const ext[] = {
		".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif",
		".pdf", ".mp3", ".mp4", ".m4a", ".ogg", ".webm", ".mov",
		".zip", ".epub",
	};
	const char *end;
	size_t i, n, k;

	if (strncasecmp(u, "mailto:", 7) == 0 || strncasecmp(u, "tel:", 4) == 0)
		return 1;
	if (!source_is_url(u))
		return 0;
	end = u + strcspn(u, "?#");
	n = (size_t)(end - u);
	for (i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		k = strlen(ext[i]);
		if (n > k && strncasecmp(end - k, ext[i], k) == 0)
			return 1;
	}
	return 0;
}

static int
hand_off(struct ui *ui, const char *url)
{
	if (ui_spawn_url(ui, NULL, url) == -1)
		return -1;
	ui_message(ui, "opened '%s' outside lede", url);
	return 0;
}

static void
job_clear(struct ui *ui)
{
	ui->job = NULL;
	free(ui->job_src);
	ui->job_src = NULL;
}

/* Finish a job that is done: 0 opened, -1 failed (message shown). */
static int
job_finish(struct ui *ui)
{
	struct lede_err err = {0};
	struct source s;
	struct doc *d;
	char *url = NULL;
	int rc = -1;

	if (source_job_finish(ui->job, &s, &err) == -1) {
		/* A URL that turned out not to be a page (an image, a PDF
		 * without a telling name) goes to the handler too. */
		if (err.code == LEDE_EINPUT && source_is_url(ui->job_src))
			hand_off(ui, ui->job_src);
		else
			ui_error(ui, "%s", err.msg);
	} else if ((d = ui_article(ui, &s, NULL, &url, &err)) == NULL) {
		ui_error(ui, "%s", err.msg);
	} else {
		opened(ui, d, ui->job_src, url, ui->job_how);
		rc = 0;
	}
	ui->job = NULL;
	job_clear(ui);
	return rc;
}

void
ui_job_cancel(struct ui *ui)
{
	if (ui->job == NULL)
		return;
	source_job_cancel(ui->job);
	ui_message(ui, "cancelled '%s'", ui->job_src);
	job_clear(ui);
}

static void
size(char *buf, size_t n, long long bytes)
{
	if (bytes < 10240)
		snprintf(buf, n, "%lld bytes", bytes);
	else
		snprintf(buf, n, "%lld KiB", bytes >> 10);
}

void
ui_job_poll(struct ui *ui)
{
	long long got, total;
	char g[32], t[32];

	if (ui->job == NULL)
		return;
	if (source_job_step(ui->job)) {
		job_finish(ui);
		return;
	}
	/* An error (a search, an export) stays until the page is in. */
	if (pane_status_error(ui))
		return;
	source_job_progress(ui->job, &got, &total);
	size(g, sizeof(g), got);
	size(t, sizeof(t), total);
	if (total > 0)
		ui_message(ui, "fetching '%s': %s of %s (Esc cancels)",
		    ui->job_src, g, t);
	else
		ui_message(ui, "fetching '%s': %s (Esc cancels)",
		    ui->job_src, g);
}

int
ui_open(struct ui *ui, const char *what, int how)
{
	struct lede_err err = {0};
	struct source_job *j;
	char *src;

	if (is_foreign(what))
		return hand_off(ui, what);
	if ((src = url_to_source(what)) == NULL) {
		ui_error(ui, "out of memory");
		return -1;
	}
	/* A new place replaces one still loading. */
	if (ui->job) {
		source_job_cancel(ui->job);
		job_clear(ui);
	}
	if ((j = source_job_start(src, &ui->args->src, &err)) == NULL) {
		ui_error(ui, "%s", err.msg);
		free(src);
		return -1;
	}
	ui->job = j;
	ui->job_src = src;
	ui->job_how = how;
	/* Files (and fresh cached pages) are there at once. */
	if (source_job_step(j))
		return job_finish(ui);
	pane_status_clear(ui);	/* the new page's progress shows */
	ui_job_poll(ui);
	return 0;
}

int
ui_history_go(struct ui *ui, int dir)
{
	if (ui->nhist == 0 || (dir < 0 && ui->hcur == 0) ||
	    (dir > 0 && ui->hcur + 1 >= ui->nhist)) {
		ui_message(ui, dir < 0 ? "no page to go back to" :
		    "no page to go forward to");
		return UI_HANDLED;
	}
	hist_save(ui);
	ui->job_to = dir < 0 ? ui->hcur - 1 : ui->hcur + 1;
	ui_open(ui, ui->hist[ui->job_to].src, UI_OPEN_HIST);
	return UI_HANDLED;
}
