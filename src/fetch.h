/*
 * fetch.h - HTTP(S) fetching with libcurl, owned by the net area.
 *
 * One fetch is a job on its own curl multi handle, so the reader can run it
 * from its event loop without freezing the screen:
 *
 *	j = fetch_job_start(url, &opts, &err);
 *	while (!fetch_job_step(j)) {
 *		fetch_job_wait(j, STDIN_FILENO, 100, &key);
 *		if (key && the key is Esc) {
 *			fetch_job_cancel(j); ...
 *		}
 *		fetch_job_progress(j, &got, &total);	(status line)
 *	}
 * (or fetch_job_fdset() and your own select()).
 *	fetch_job_finish(j, &res, &err);        (frees j, fills res or err)
 *
 * fetch_job_finish() also runs a job to its end, blocking.  Only http and
 * https are allowed, also for redirects.  Errors are one line naming the
 * URL: host not found, connection refused, TLS, HTTP status, timeout, too
 * large, not HTML.  A 304 answer to a conditional request is not an error.
 *
 * Ownership: the caller owns the job until fetch_job_finish() or
 * fetch_job_cancel() frees it, and owns the fetch_result (release with
 * fetch_result_release()).
 */
#ifndef LEDE_FETCH_H
#define LEDE_FETCH_H

#include <sys/select.h>
#include <time.h>

#include "buf.h"
#include "err.h"

#define FETCH_MAX_DEFAULT ((size_t)32 << 20)	/* body cap: 32 MiB */
#define FETCH_TIMEOUT_DEFAULT 60000L		/* whole transfer, ms */
#define FETCH_CONNECT_TIMEOUT_DEFAULT 15000L	/* ms */
#define FETCH_REDIRS_DEFAULT 10

struct fetch_opts {
	long timeout_ms;	/* 0: FETCH_TIMEOUT_DEFAULT */
	long connect_timeout_ms; /* 0: FETCH_CONNECT_TIMEOUT_DEFAULT */
	size_t max_bytes;	/* 0: FETCH_MAX_DEFAULT */
	int max_redirs;		/* 0: FETCH_REDIRS_DEFAULT; -1: none */
	const char *etag;	/* send If-None-Match, or NULL */
	const char *last_modified; /* send If-Modified-Since, or NULL */
	int any_type;		/* accept any Content-Type (feeds, tests) */
};

struct fetch_result {
	struct buf body;	/* decoded (gunzipped) bytes; empty on 304 */
	long status;		/* final HTTP status: 200, 304, ... */
	char *url;		/* the URL asked for */
	char *final_url;	/* after redirects: the base for links */
	char *content_type;	/* Content-Type header value, or NULL */
	char *etag;		/* ETag header, or NULL */
	char *last_modified;	/* Last-Modified header, or NULL */
	time_t expires;		/* from Cache-Control max-age / Expires;
				   0 when the answer says nothing */
	time_t fetched;		/* when the answer came */
	int not_modified;	/* 304: the caller's cached copy is good */
};

struct fetch_job;

/* Default options (all zero means defaults, so this is optional). */
void fetch_opts_default(struct fetch_opts *o);

/* Starts a fetch; NULL with err filled (bad URL, no memory).  Nothing is
 * sent until the first fetch_job_step(). */
struct fetch_job *fetch_job_start(const char *url,
    const struct fetch_opts *o, struct lede_err *err);
/* Adds the job's sockets to the sets (like curl_multi_fdset) and lowers
 * *timeout_ms to when the job next needs a step.  *maxfd may stay -1
 * while curl has no socket yet: then wait at most *timeout_ms. */
int fetch_job_fdset(struct fetch_job *j, fd_set *rd, fd_set *wr,
    fd_set *ex, int *maxfd, long *timeout_ms);
/* Waits up to timeout_ms for the job's sockets or for extra_fd (-1: none)
 * to become readable; *extra_ready (may be NULL) tells whether extra_fd
 * is.  Returns 0, or -1 on an internal error. */
int fetch_job_wait(struct fetch_job *j, int extra_fd, int timeout_ms,
    int *extra_ready);
/* Moves the transfer on without blocking.  1: finished (call
 * fetch_job_finish), 0: still running. */
int fetch_job_step(struct fetch_job *j);
/* Bytes received so far and expected in total (-1 when unknown). */
void fetch_job_progress(const struct fetch_job *j, long long *got,
    long long *total);
/* Finishes a job that fetch_job_step() reported done (or steps it to the
 * end, blocking).  Frees j.  0 with r filled, or -1 with err filled and
 * r->status the HTTP status if an answer came (else 0), nothing else. */
int fetch_job_finish(struct fetch_job *j, struct fetch_result *r,
    struct lede_err *err);
/* Abandons the transfer and frees j (NULL is fine). */
void fetch_job_cancel(struct fetch_job *j);

void fetch_result_release(struct fetch_result *r);

/* 1 if a Content-Type names HTML or XML (or is NULL: unknown, sniff it). */
int fetch_type_is_html(const char *content_type);

#endif
