/*
 * cache.h - the local cache, owned by the net area: one SQLite database,
 * $XDG_CACHE_HOME/lede/cache.db (default ~/.cache/lede/cache.db), with
 *   pages     HTTP metadata of every fetched page, keyed by the URL asked
 *             for (the final URL is kept too); raw bytes in `bodies`
 *   articles  title, site, dates of each page read as an article, with a
 *             full-text index (FTS5) over title and body text
 *   history   the articles opened, once per URL, with when they were read
 *
 * WAL mode with a busy timeout: several lede processes may use it at once.
 * Every write is one transaction, so a killed process loses nothing that
 * was committed.  A file that is not a lede cache (corrupt, or another
 * program's database) is renamed aside, never overwritten, and
 * cache_notice() says so.  The schema version is PRAGMA user_version;
 * cache_open() migrates older versions and refuses newer ones.
 *
 * Ownership: the caller closes the cache with cache_close(); pages are
 * released with cache_page_release(), entry arrays with
 * cache_entries_free().  Strings passed in are copied.
 */
#ifndef LEDE_CACHE_H
#define LEDE_CACHE_H

#include <stddef.h>
#include <time.h>

#include "buf.h"
#include "err.h"

#define CACHE_SCHEMA_VERSION 1
#define CACHE_APP_ID 0x6c656465	/* "lede": PRAGMA application_id */

struct cache;

struct cache_page {
	char *url;		/* as asked for: the key */
	char *final_url;	/* after redirects */
	char *content_type, *etag, *last_modified; /* may be NULL */
	long status;
	time_t fetched;		/* when stored or last revalidated */
	time_t expires;		/* fresh until then; 0: always revalidate */
	struct buf body;	/* raw bytes as served */
};

/* What one article adds to the history and the search index. */
struct cache_article {
	const char *url;	/* the page's key (as asked for) */
	const char *title, *site, *byline, *published, *modified;
	const char *text;	/* plain body text for the index, or NULL */
};

/* One row of a listing (history, cached pages, search results). */
struct cache_entry {
	char *url;
	char *title, *site, *published; /* NULL when unknown */
	char *snippet;		/* search only: matching words in context */
	time_t when;		/* read (history) or fetched (pages) */
	long long size;		/* pages: bytes stored; else 0 */
};

struct cache_prune_stats {
	long long pages, bytes;	/* removed */
	long long kept_pages, kept_bytes;
};

/* $XDG_CACHE_HOME/lede or $HOME/.cache/lede; caller frees; NULL if
 * neither variable is usable. */
char *cache_default_dir(void);

/* Opens (creating the directory and database as needed) dir/cache.db;
 * dir NULL means cache_default_dir().  NULL with err filled. */
struct cache *cache_open(const char *dir, struct lede_err *err);
void cache_close(struct cache *c);
/* A one-line message when cache_open() had to move a bad file aside,
 * else NULL.  Borrowed until cache_close(). */
const char *cache_notice(const struct cache *c);
/* The database file's path.  Borrowed until cache_close(). */
const char *cache_file(const struct cache *c);

/* Looks url up (as asked for, else as a final URL).  1 found (p filled),
 * 0 not cached, -1 error. */
int cache_get(struct cache *c, const char *url, struct cache_page *p,
    struct lede_err *err);
/* Stores a page (replacing any copy under the same URL). */
int cache_put(struct cache *c, const struct cache_page *p,
    struct lede_err *err);
/* After a 304: the copy is good; update times and validators (a NULL
 * validator keeps the stored one). */
int cache_touch(struct cache *c, const char *url, time_t fetched,
    time_t expires, const char *etag, const char *last_modified,
    struct lede_err *err);
void cache_page_release(struct cache_page *p);

/* Records that an article was read at `when` (history, articles, index). */
int cache_record(struct cache *c, const struct cache_article *a, time_t when,
    struct lede_err *err);

/* Listings, newest first (search: best match first), at most limit rows
 * (0: no limit).  *out gets an array of *n entries. */
int cache_history_list(struct cache *c, size_t limit,
    struct cache_entry **out, size_t *n, struct lede_err *err);
int cache_list(struct cache *c, size_t limit, struct cache_entry **out,
    size_t *n, struct lede_err *err);
/* words: plain words, each matched as a prefix, all required.  At most
 * CACHE_SEARCH_MAX rows (also when limit is 0): a snippet costs time. */
#define CACHE_SEARCH_MAX 200
int cache_search(struct cache *c, const char *words, size_t limit,
    struct cache_entry **out, size_t *n, struct lede_err *err);
void cache_entries_free(struct cache_entry *e, size_t n);

/* Drops pages fetched more than max_age seconds ago (0: no age limit),
 * then the oldest pages until the rest hold at most max_bytes (-1: no size
 * limit).  History older than max_age goes too. */
int cache_prune(struct cache *c, time_t max_age, long long max_bytes,
    struct cache_prune_stats *st, struct lede_err *err);
/* Parses "30d", "12h", "200M", "1G", or both as "30d,200M".  Age units:
 * s, min, h, d, w; size units: K, M, G (bytes without a unit).  Unset
 * parts get 0 and -1. */
int cache_parse_prune(const char *spec, time_t *max_age,
    long long *max_bytes, struct lede_err *err);

#endif
