/*
 * source.c - load a page from a path, stdin, or an http(s) URL.  URLs go
 * cache first: a fresh copy is used as is, a stale one is revalidated
 * (304 keeps the cached bytes), a miss is fetched and stored.  The work is
 * a job that the reader steps from its event loop; source_load() runs the
 * same job to the end.  See source.h.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "cache.h"
#include "doc.h"
#include "fetch.h"
#include "input.h"
#include "source.h"
#include "util.h"

struct source_job {
	struct source res;	/* the answer, once known */
	struct lede_err err;	/* the failure, once known */
	int failed;
	struct cache *cache;	/* NULL with --no-cache or when unusable */
	struct cache_page page;	/* the cached copy, if any */
	int have_page;
	struct fetch_job *fetch; /* NULL when no transfer runs */
};

int
source_is_url(const char *arg)
{
	return strncasecmp(arg, "http://", 7) == 0 ||
	    strncasecmp(arg, "https://", 8) == 0;
}

/* The file:// URL of a path, for resolving the page's relative links:
 * every byte but A-Za-z0-9-._~/ is %XX, so a '#', '?', '%' or space in
 * the path stays part of the path. */
static char *
file_url(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	char real[PATH_MAX], *u, *o;
	const unsigned char *p;

	if (strcmp(path, "-") == 0 || realpath(path, real) == NULL)
		return NULL;
	if ((u = malloc(strlen(real) * 3 + 8)) == NULL)
		return NULL;
	o = u + sprintf(u, "file://");
	for (p = (const unsigned char *)real; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p) != NULL) {
			*o++ = (char)*p;
		} else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	*o = '\0';
	return u;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The path of a file:// URL (host empty or "localhost"; the query and
 * fragment dropped; %XX decoded), or NULL with err filled. */
static char *
file_path(const char *url, struct lede_err *err)
{
	const char *p = url + 7;
	char *path, *o;
	int hi, lo;

	if (strncasecmp(p, "localhost/", 10) == 0)
		p += 9;
	if (*p != '/') {
		err_set(err, LEDE_EINPUT, "cannot open '%.200s': not a local "
		    "file", url);
		return NULL;
	}
	if ((path = malloc(strlen(p) + 1)) == NULL) {
		err_set(err, LEDE_ENOMEM, "cannot open '%.200s': out of "
		    "memory", url);
		return NULL;
	}
	for (o = path; *p && *p != '#' && *p != '?'; p++) {
		if (*p == '%' && (hi = hexval(p[1])) >= 0 &&
		    (lo = hexval(p[2])) >= 0) {
			if ((*o++ = (char)(hi << 4 | lo)) == '\0') {
				free(path);
				err_set(err, LEDE_EINPUT, "cannot open "
				    "'%.200s': NUL in the path", url);
				return NULL;
			}
			p += 2;
		} else
			*o++ = *p;
	}
	*o = '\0';
	return path;
}

static void
warn(struct source_job *j, const char *msg)
{
	if (j->res.warning == NULL && msg != NULL)
		j->res.warning = xstrdup(msg);
}

/* The answer is the cached copy (moved, not copied). */
static void
use_page(struct source_job *j)
{
	struct cache_page *p = &j->page;

	j->res.bytes = p->body;
	memset(&p->body, 0, sizeof(p->body));
	j->res.url = p->final_url ? p->final_url : xstrdup(p->url);
	p->final_url = NULL;
	j->res.content_type = p->content_type;
	p->content_type = NULL;
	j->res.from_cache = 1;
	if (j->res.bytes.len == 0 || j->res.url == NULL) {
		j->failed = 1;
		err_set(&j->err, LEDE_ECACHE, "cannot open '%s': the cached "
		    "copy is empty", p->url);
	}
}

static void
start_url(struct source_job *j, const char *url, const struct source_opts *o)
{
	struct fetch_opts fo;
	struct lede_err e = {0};
	int r;

	/* The fragment names a place in the page, not another page. */
	if ((j->res.req_url = xstrndup(url, strcspn(url, "#"))) == NULL) {
		j->failed = err_set(&j->err, LEDE_ENOMEM, "out of memory");
		return;
	}
	url = j->res.req_url;
	if (!o->no_cache) {
		if ((j->cache = cache_open(o->cache_dir, &e)) == NULL) {
			/* Without a cache we can still read online. */
			if (o->offline) {
				j->err = e;
				j->failed = 1;
				return;
			}
			warn(j, e.msg);
		} else
			warn(j, cache_notice(j->cache));
	}
	if (j->cache != NULL) {
		r = cache_get(j->cache, url, &j->page, &e);
		if (r == -1)
			warn(j, e.msg);
		j->have_page = r == 1;
	}
	if (o->offline) {
		if (j->have_page)
			use_page(j);
		else
			j->failed = err_set(&j->err, LEDE_ECACHE, "cannot open "
			    "'%s': not in the cache (offline)", url);
		return;
	}
	if (j->have_page && !o->revalidate && j->page.expires > time(NULL)) {
		use_page(j);
		return;
	}
	fetch_opts_default(&fo);
	if (o->timeout_ms > 0)
		fo.timeout_ms = o->timeout_ms;
	if (j->have_page) {
		fo.etag = j->page.etag;
		fo.last_modified = j->page.last_modified;
	}
	if ((j->fetch = fetch_job_start(url, &fo, &j->err)) == NULL)
		j->failed = 1;
}

struct source_job *
source_job_start(const char *arg, const struct source_opts *o,
    struct lede_err *err)
{
	static const struct source_opts none;
	struct source_job *j;
	char *path = NULL;

	if ((j = calloc(1, sizeof(*j))) == NULL) {
		err_set(err, LEDE_ENOMEM, "cannot open '%s': out of memory",
		    arg);
		return NULL;
	}
	if (o == NULL)
		o = &none;
	if (source_is_url(arg)) {
		start_url(j, arg, o);
		return j;
	}
	if (strncasecmp(arg, "file://", 7) == 0) {
		if ((path = file_path(arg, &j->err)) == NULL) {
			j->failed = 1;
			return j;
		}
		arg = path;
	}
	if (input_read(arg, &j->res.bytes, INPUT_MAX, &j->err) == -1)
		j->failed = 1;
	else
		j->res.url = file_url(arg);
	free(path);
	return j;
}

int
source_job_wait(struct source_job *j, int extra_fd, int timeout_ms,
    int *extra_ready)
{
	if (j->fetch == NULL) {
		if (extra_ready)
			*extra_ready = 0;
		return 0;
	}
	return fetch_job_wait(j->fetch, extra_fd, timeout_ms, extra_ready);
}

int
source_job_step(struct source_job *j)
{
	return j->fetch == NULL ? 1 : fetch_job_step(j->fetch);
}

void
source_job_progress(const struct source_job *j, long long *got,
    long long *total)
{
	*got = 0;
	*total = -1;
	if (j->fetch != NULL)
		fetch_job_progress(j->fetch, got, total);
}

/* The transfer ended: store or revalidate, or fall back to the copy. */
static void
end_fetch(struct source_job *j)
{
	struct fetch_result r;
	struct lede_err e = {0};
	struct cache_page p;
	char when[32], msg[LEDE_ERR_MSGMAX + 64];
	struct tm tm;

	if (fetch_job_finish(j->fetch, &r, &e) == -1) {
		j->fetch = NULL;
		/* Offline or the server is down or failing (5xx): the
		 * copy beats nothing. */
		if (j->have_page && (e.code == LEDE_ENET ||
		    (e.code == LEDE_EHTTP && r.status >= 500 &&
		    r.status < 600))) {
			localtime_r(&j->page.fetched, &tm);
			strftime(when, sizeof(when), "%Y-%m-%d %H:%M", &tm);
			snprintf(msg, sizeof(msg), "%s; showing the copy "
			    "cached %s", e.msg, when);
			warn(j, msg);
			use_page(j);
			return;
		}
		j->err = e;
		j->failed = 1;
		return;
	}
	j->fetch = NULL;
	if (r.not_modified) {
		if (!j->have_page) {
			j->failed = err_set(&j->err, LEDE_EHTTP, "cannot fetch "
			    "'%s': HTTP 304 for a page not in the cache",
			    r.url);
		} else {
			if (cache_touch(j->cache, j->page.url, r.fetched,
			    r.expires, r.etag, r.last_modified, &e) == -1)
				warn(j, e.msg);
			use_page(j);
		}
		fetch_result_release(&r);
		return;
	}
	if (j->cache != NULL) {
		memset(&p, 0, sizeof(p));
		p.url = j->res.req_url;
		p.final_url = r.final_url;
		p.content_type = r.content_type;
		p.etag = r.etag;
		p.last_modified = r.last_modified;
		p.status = r.status;
		p.fetched = r.fetched;
		p.expires = r.expires;
		p.body = r.body;
		if (cache_put(j->cache, &p, &e) == -1)
			warn(j, e.msg);
	}
	j->res.bytes = r.body;
	j->res.url = r.final_url;
	j->res.content_type = r.content_type;
	r.final_url = r.content_type = NULL;
	memset(&r.body, 0, sizeof(r.body));
	fetch_result_release(&r);
}

int
source_job_finish(struct source_job *j, struct source *s,
    struct lede_err *err)
{
	int rc = 0;

	memset(s, 0, sizeof(*s));
	if (j->fetch != NULL)
		end_fetch(j);
	if (j->failed) {
		if (err != NULL)
			*err = j->err;
		rc = -1;
	} else {
		*s = j->res;
		memset(&j->res, 0, sizeof(j->res));
	}
	source_job_cancel(j);
	return rc;
}

void
source_job_cancel(struct source_job *j)
{
	if (j == NULL)
		return;
	fetch_job_cancel(j->fetch);
	cache_page_release(&j->page);
	cache_close(j->cache);
	source_release(&j->res);
	free(j);
}

int
source_load(const char *arg, const struct source_opts *o, struct source *s,
    struct lede_err *err)
{
	struct source_job *j;

	memset(s, 0, sizeof(*s));
	if ((j = source_job_start(arg, o, err)) == NULL)
		return -1;
	while (!source_job_step(j))
		if (source_job_wait(j, -1, 500, NULL) == -1)
			break;
	return source_job_finish(j, s, err);
}

int
source_record(const struct source *s, const struct source_opts *o,
    const struct doc *d, struct lede_err *err)
{
	struct cache_article a = {0};
	struct cache *c;
	char *text;
	int rc;

	if (s->req_url == NULL || (o != NULL && o->no_cache))
		return 0;
	if ((c = cache_open(o ? o->cache_dir : NULL, err)) == NULL)
		return -1;
	text = doc_body_text(d);
	a.url = s->req_url;
	a.title = doc_get(d, DOC_TITLE);
	a.site = doc_get(d, DOC_SITE_NAME);
	a.byline = doc_get(d, DOC_BYLINE);
	a.published = doc_get(d, DOC_PUBLISHED);
	a.modified = doc_get(d, DOC_MODIFIED);
	a.text = text;
	rc = cache_record(c, &a, time(NULL), err);
	free(text);
	cache_close(c);
	return rc;
}

void
source_release(struct source *s)
{
	if (s == NULL)
		return;
	buf_release(&s->bytes);
	free(s->url);
	free(s->content_type);
	free(s->req_url);
	free(s->warning);
	memset(s, 0, sizeof(*s));
}
