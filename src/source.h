/*
 * source.h - turn what the user named (a path, "-", a URL) into bytes plus
 * what is known about them (final URL, Content-Type).  Files (also named
 * by a file:// URL) and stdin are read directly; URLs go through fetch and
 * the cache (owned by the net area): cache first; a fresh copy is used as
 * is, a stale one is revalidated with ETag / Last-Modified (304: the
 * cached bytes); --offline uses only the cache; --no-cache neither reads
 * nor writes it.  When the network fails or the server answers 5xx and a
 * copy is cached, the copy is used with a warning.
 *
 * The reader loads without blocking through a source job (files finish at
 * once; URLs run a fetch job, see fetch.h):
 *	j = source_job_start(arg, &opts, &err);
 *	while (!source_job_step(j))
 *		source_job_wait(j, STDIN_FILENO, 100, &key); (Esc: cancel)
 *	source_job_finish(j, &src, &err);	(frees j)
 * source_load() is that loop, blocking.
 *
 * Ownership: source_release() frees everything in struct source; the
 * caller owns a job until source_job_finish() or source_job_cancel().
 */
#ifndef LEDE_SOURCE_H
#define LEDE_SOURCE_H

#include "buf.h"
#include "err.h"

struct source_opts {
	const char *cache_dir;	/* NULL: $XDG_CACHE_HOME/lede */
	int offline;		/* never touch the network */
	int no_cache;		/* neither read nor write the cache */
	long timeout_ms;	/* fetch timeout; 0: FETCH_TIMEOUT_DEFAULT */
	int revalidate;		/* ask the server even if the copy is fresh
				   (a reload); still sends ETag etc. */
};

struct source {
	struct buf bytes;
	char *url;		/* final URL (after redirects), or file:// */
	char *content_type;	/* HTTP Content-Type or NULL */
	int from_cache;
	char *req_url;		/* http(s): the URL asked for (cache key) */
	char *warning;		/* one line to show the user, or NULL */
};

struct doc;
struct source_job;

int source_is_url(const char *arg);
int source_load(const char *arg, const struct source_opts *o,
    struct source *s, struct lede_err *err);
void source_release(struct source *s);

struct source_job *source_job_start(const char *arg,
    const struct source_opts *o, struct lede_err *err);
/* Like fetch_job_wait(): wait on the transfer (if any) and on extra_fd. */
int source_job_wait(struct source_job *j, int extra_fd, int timeout_ms,
    int *extra_ready);
/* 1: done (call source_job_finish), 0: still running. */
int source_job_step(struct source_job *j);
/* Bytes so far and expected (-1 unknown); 0 and -1 when not fetching. */
void source_job_progress(const struct source_job *j, long long *got,
    long long *total);
/* Frees j; 0 with s filled or -1 with err filled. */
int source_job_finish(struct source_job *j, struct source *s,
    struct lede_err *err);
void source_job_cancel(struct source_job *j);

/* After an article from s is shown: its title, site, dates and text go to
 * the history and the search index (http(s) sources only, not with
 * --no-cache).  Returns 0, or -1 with err filled (not worth failing for). */
int source_record(const struct source *s, const struct source_opts *o,
    const struct doc *d, struct lede_err *err);

#endif
