/*
 * cache_lib.c - the library side of the cache: recording read articles
 * (history, metadata, full-text index), listing history and cached pages,
 * FTS5 search, and pruning by age and size.  See cache.h.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cache_int.h"
#include "util.h"

#define INDEX_TEXT_MAX ((size_t)1 << 20)	/* body text indexed per page */
#define SEARCH_WORDS_MAX 32
#define SEARCH_QUERY_MAX 4096

static void
bind_opt(sqlite3_stmt *st, int i, const char *s, size_t max)
{
	size_t n;

	if (s == NULL) {
		sqlite3_bind_null(st, i);
		return;
	}
	n = strlen(s);
	if (n > max) {
		/* Cut at a character boundary. */
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	sqlite3_bind_text(st, i, s, (int)n, SQLITE_STATIC);
}

static int
step_done(struct cache *c, sqlite3_stmt *st, struct lede_err *err)
{
	int rc = sqlite3_step(st);

	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return cache_dberr(c, "cannot write", err);
	return 0;
}

int
cache_record(struct cache *c, const struct cache_article *a, time_t when,
    struct lede_err *err)
{
	sqlite3_stmt *st;
	sqlite3_int64 id;

	if (a->url == NULL || *a->url == '\0')
		return err_set(err, LEDE_EUSAGE, "cannot record an article "
		    "without a URL");
	if (c->readonly)
		return 0;
	if (cache_exec(c, "BEGIN IMMEDIATE", err) == -1)
		return -1;
	st = cache_prep(c, "INSERT INTO history (url, title, site, published, "
	    "modified, read_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
	    "ON CONFLICT (url) DO UPDATE SET title = excluded.title, "
	    "site = excluded.site, published = excluded.published, "
	    "modified = excluded.modified, read_at = excluded.read_at, "
	    "reads = reads + 1", err);
	if (st == NULL)
		goto fail;
	bind_opt(st, 1, a->url, 8192);
	bind_opt(st, 2, a->title, 2048);
	bind_opt(st, 3, a->site, 512);
	bind_opt(st, 4, a->published, 128);
	bind_opt(st, 5, a->modified, 128);
	sqlite3_bind_int64(st, 6, (sqlite3_int64)when);
	if (step_done(c, st, err) == -1)
		goto fail;

	st = cache_prep(c, "INSERT INTO articles (url, title, site, byline, "
	    "published, modified, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    "?7) ON CONFLICT (url) DO UPDATE SET title = excluded.title, "
	    "site = excluded.site, byline = excluded.byline, "
	    "published = excluded.published, modified = excluded.modified, "
	    "updated = excluded.updated RETURNING id", err);
	if (st == NULL)
		goto fail;
	bind_opt(st, 1, a->url, 8192);
	bind_opt(st, 2, a->title, 2048);
	bind_opt(st, 3, a->site, 512);
	bind_opt(st, 4, a->byline, 512);
	bind_opt(st, 5, a->published, 128);
	bind_opt(st, 6, a->modified, 128);
	sqlite3_bind_int64(st, 7, (sqlite3_int64)when);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		cache_dberr(c, "cannot write", err);
		goto fail;
	}
	id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);

	if ((st = cache_prep(c, "DELETE FROM articles_fts WHERE rowid = ?1",
	    err)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	if (step_done(c, st, err) == -1)
		goto fail;
	if ((st = cache_prep(c, "INSERT INTO articles_fts (rowid, title, body) "
	    "VALUES (?1, ?2, ?3)", err)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	bind_opt(st, 2, a->title ? a->title : "", 2048);
	bind_opt(st, 3, a->text ? a->text : "", INDEX_TEXT_MAX);
	if (step_done(c, st, err) == -1)
		goto fail;
	if (cache_exec(c, "COMMIT", err) == -1)
		goto fail;
	return 0;
fail:
	sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* Runs a listing query whose columns are url, title, site, published,
 * when, size, snippet; binds text1 to ?1 when not NULL and limit to ?2. */
static int
listing(struct cache *c, const char *sql, const char *text1, size_t limit,
    struct cache_entry **out, size_t *n, struct lede_err *err)
{
	struct cache_entry *v = NULL, *nv, *e;
	size_t cap = 0, len = 0;
	sqlite3_stmt *st;
	int rc, oom = 0;

	*out = NULL;
	*n = 0;
	if ((st = cache_prep(c, sql, err)) == NULL)
		return -1;
	if (text1 != NULL)
		sqlite3_bind_text(st, 1, text1, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, limit ? (sqlite3_int64)limit : INT64_MAX);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (len == cap) {
			cap = cap ? cap * 2 : 64;
			if ((nv = realloc(v, cap * sizeof(*v))) == NULL) {
				oom = 1;
				break;
			}
			v = nv;
		}
		e = &v[len++];
		memset(e, 0, sizeof(*e));
		e->url = cache_coldup(st, 0, &oom);
		e->title = cache_coldup(st, 1, &oom);
		e->site = cache_coldup(st, 2, &oom);
		e->published = cache_coldup(st, 3, &oom);
		e->when = (time_t)sqlite3_column_int64(st, 4);
		e->size = sqlite3_column_int64(st, 5);
		e->snippet = cache_coldup(st, 6, &oom);
		if (oom || e->url == NULL)
			break;
	}
	if (oom || (rc != SQLITE_ROW && rc != SQLITE_DONE)) {
		if (oom)
			err_set(err, LEDE_ENOMEM, "cannot list the cache: out "
			    "of memory");
		else
			cache_dberr(c, "cannot read", err);
		sqlite3_finalize(st);
		cache_entries_free(v, len);
		return -1;
	}
	sqlite3_finalize(st);
	*out = v;
	*n = len;
	return 0;
}

int
cache_history_list(struct cache *c, size_t limit, struct cache_entry **out,
    size_t *n, struct lede_err *err)
{
	return listing(c, "SELECT url, title, site, published, read_at, 0, "
	    "NULL FROM history ORDER BY read_at DESC, id DESC LIMIT ?2",
	    NULL, limit, out, n, err);
}

int
cache_list(struct cache *c, size_t limit, struct cache_entry **out,
    size_t *n, struct lede_err *err)
{
	return listing(c, "SELECT p.url, a.title, a.site, a.published, "
	    "p.fetched, p.size, NULL FROM pages p LEFT JOIN articles a "
	    "ON a.url = p.url ORDER BY p.fetched DESC, p.id DESC LIMIT ?2",
	    NULL, limit, out, n, err);
}

/* The words quoted for the query, so no user text is ever read as query
 * syntax.  FTS5 (json 0): "word"* prefix terms, ANDed.  JSON (json 1):
 * an array of strings for json_each(), control bytes refused.  More
 * than SEARCH_WORDS_MAX words are refused, not cut: every word counts. */
static int
quote_words(const char *words, char *q, size_t qmax, int json)
{
	size_t k = 0, nw = 0;
	const char *p = words;

	if (json)
		q[k++] = '[';
	for (;;) {
		while (isspace((unsigned char)*p))
			p++;
		if (*p == '\0')
			break;
		if (nw == SEARCH_WORDS_MAX || k + 4 >= qmax)
			return -1;
		if (nw++ > 0)
			q[k++] = json ? ',' : ' ';
		q[k++] = '"';
		for (; *p != '\0' && !isspace((unsigned char)*p); p++) {
			if (k + 8 >= qmax)
				return -1;
			if (json && ((unsigned char)*p < 0x20 || *p == 0x7f))
				return -1;
			if (*p == '"')
				q[k++] = json ? '\\' : '"';
			else if (json && *p == '\\')
				q[k++] = '\\';
			q[k++] = *p;
		}
		q[k++] = '"';
		if (!json)
			q[k++] = '*';
	}
	if (json)
		q[k++] = ']';
	q[k] = '\0';
	return nw > 0 ? 0 : -1;
}

/* Does s hold Chinese, Japanese or Korean letters (U+3040..U+D7FF and
 * the supplementary ideographs, by their UTF-8 lead bytes)?  The index
 * keeps a run of them as one word: "板桥" is not a word of "郑板桥". */
static int
has_cjk(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t c;

	for (; *p; p++) {
		if ((*p & 0xf0) == 0xe0 && (p[1] & 0xc0) == 0x80 &&
		    (p[2] & 0xc0) == 0x80)
			c = (uint32_t)(*p & 0x0f) << 12 |
			    (uint32_t)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
		else if ((*p & 0xf8) == 0xf0 && (p[1] & 0xc0) == 0x80)
			c = (uint32_t)(*p & 0x07) << 18 |
			    (uint32_t)(p[1] & 0x3f) << 12;
		else
			continue;
		if ((c >= 0x1100 && c <= 0x11ff) ||
		    (c >= 0x3040 && c <= 0x318f) ||
		    (c >= 0x31f0 && c <= 0x31ff) ||
		    (c >= 0x3400 && c <= 0x4dbf) ||
		    (c >= 0x4e00 && c <= 0x9fff) ||
		    (c >= 0xa960 && c <= 0xa97f) ||
		    (c >= 0xac00 && c <= 0xd7ff) ||
		    (c >= 0xf900 && c <= 0xfaff) ||
		    (c >= 0xff66 && c <= 0xff9f) ||
		    (c >= 0x20000 && c <= 0x3ffff))
			return 1;
	}
	return 0;
}

/* Is s valid UTF-8 (no stray or cut sequence, which would match inside
 * other characters)? */
static int
valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int k, i;

	while (*p) {
		if (*p < 0x80) {
			p++;
			continue;
		}
		k = (*p & 0xe0) == 0xc0 ? 1 : (*p & 0xf0) == 0xe0 ? 2 :
		    (*p & 0xf8) == 0xf0 ? 3 : -1;
		if (k < 0 || *p == 0xc0 || *p == 0xc1 || *p > 0xf4)
			return 0;
		for (i = 1; i <= k; i++)
			if ((p[i] & 0xc0) != 0x80)
				return 0;
		p += k + 1;
	}
	return 1;
}

int
cache_search(struct cache *c, const char *words, size_t limit,
    struct cache_entry **out, size_t *n, struct lede_err *err)
{
	char q[SEARCH_QUERY_MAX];

	*out = NULL;
	*n = 0;
	if (limit == 0 || limit > CACHE_SEARCH_MAX)
		limit = CACHE_SEARCH_MAX;
	/* CJK words are found inside the text, not as the index's words
	   (a scan: a reader's cache is small), newest first; the snippet
	   is the text around the first word. */
	if (!valid_utf8(words))
		return err_set(err, LEDE_EUSAGE,
		    "cannot search: the words are not valid UTF-8");
	if (has_cjk(words)) {
		if (quote_words(words, q, sizeof(q), 1) == -1)
			return err_set(err, LEDE_EUSAGE,
			    "cannot search for '%.100s': too long, or "
			    "control characters", words);
		return listing(c, "SELECT a.url, a.title, a.site, "
		    "a.published, a.updated, 0, '...' || substr(f.body, "
		    "max(instr(f.body, json_extract(?1, '$[0]')) - 20, 1), "
		    "60) || '...' FROM articles_fts f JOIN articles a ON "
		    "a.id = f.rowid WHERE NOT EXISTS (SELECT 1 FROM "
		    "json_each(?1) w WHERE instr(lower(f.title || ' ' || "
		    "f.body), lower(w.value)) = 0) ORDER BY a.updated DESC "
		    "LIMIT ?2", q,
		    limit, out, n, err);
	}
	if (quote_words(words, q, sizeof(q), 0) == -1)
		return err_set(err, LEDE_EUSAGE, "cannot search for '%.100s': "
		    "%s", words, str_empty(words) ? "no words" :
		    "too long");
	return listing(c, "SELECT a.url, a.title, a.site, a.published, "
	    "a.updated, 0, snippet(articles_fts, 1, '', '', '...', 12) "
	    "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
	    "WHERE articles_fts MATCH ?1 ORDER BY rank LIMIT ?2", q, limit,
	    out, n, err);
}

void
cache_entries_free(struct cache_entry *e, size_t n)
{
	size_t i;

	if (e == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(e[i].url);
		free(e[i].title);
		free(e[i].site);
		free(e[i].published);
		free(e[i].snippet);
	}
	free(e);
}

static int
exec_int(struct cache *c, const char *sql, sqlite3_int64 a,
    struct lede_err *err)
{
	sqlite3_stmt *st;

	if ((st = cache_prep(c, sql, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, a);
	return step_done(c, st, err);
}

static int
totals(struct cache *c, long long *pages, long long *bytes,
    struct lede_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = cache_prep(c, "SELECT count(*), coalesce(sum(size), 0) "
	    "FROM pages", err)) == NULL)
		return -1;
	rc = sqlite3_step(st);
	*pages = sqlite3_column_int64(st, 0);
	*bytes = sqlite3_column_int64(st, 1);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : cache_dberr(c, "cannot read", err);
}

int
cache_prune(struct cache *c, time_t max_age, long long max_bytes,
    struct cache_prune_stats *st, struct lede_err *err)
{
	long long p0, b0;
	time_t cut = time(NULL) - max_age;

	if (c->readonly)
		return err_set(err, LEDE_ECACHE, "cannot prune: %s",
		    c->notice ? c->notice : "the cache is read only");

	memset(st, 0, sizeof(*st));
	if (cache_exec(c, "BEGIN IMMEDIATE", err) == -1)
		return -1;
	if (totals(c, &p0, &b0, err) == -1)
		goto fail;
	if (max_age > 0 && (exec_int(c, "DELETE FROM pages WHERE fetched < ?1",
	    cut, err) == -1 || exec_int(c, "DELETE FROM history WHERE "
	    "read_at < ?1", cut, err) == -1))
		goto fail;
	/* Keep the newest pages whose running total fits. */
	if (max_bytes >= 0 && exec_int(c, "DELETE FROM pages WHERE id IN "
	    "(SELECT id FROM (SELECT id, sum(size) OVER (ORDER BY fetched "
	    "DESC, id DESC) AS run FROM pages) WHERE run > ?1)", max_bytes,
	    err) == -1)
		goto fail;
	/* An article is searchable only while its page is cached. */
	if (cache_exec(c, "DELETE FROM articles_fts WHERE rowid IN (SELECT "
	    "id FROM articles WHERE url NOT IN (SELECT url FROM pages));"
	    "DELETE FROM articles WHERE url NOT IN (SELECT url FROM pages)",
	    err) == -1)
		goto fail;
	if (totals(c, &st->kept_pages, &st->kept_bytes, err) == -1 ||
	    cache_exec(c, "COMMIT", err) == -1)
		goto fail;
	st->pages = p0 - st->kept_pages;
	st->bytes = b0 - st->kept_bytes;
	/* Give the space back; failure here loses nothing. */
	sqlite3_exec(c->db, "PRAGMA incremental_vacuum; "
	    "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	return 0;
fail:
	sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* One limit: a number and its unit, which is required.  Returns 0, -1
 * when it is bad, -2 for a bare "m" (minutes or megabytes?). */
static int
parse_one(const char *s, size_t n, time_t *age, long long *bytes)
{
	static const struct {
		const char *unit;
		long long mult;
		int is_age;
	} units[] = {
		{"b", 1, 0},
		{"k", 1LL << 10, 0}, {"kb", 1LL << 10, 0},
		{"kib", 1LL << 10, 0},
		{"mb", 1LL << 20, 0}, {"mib", 1LL << 20, 0},
		{"g", 1LL << 30, 0}, {"gb", 1LL << 30, 0},
		{"gib", 1LL << 30, 0},
		{"s", 1, 1}, {"min", 60, 1}, {"h", 3600, 1},
		{"d", 86400, 1}, {"w", 7 * 86400, 1},
	};
	char unit[8];
	long long v = 0;
	size_t i = 0, k = 0;

	while (i < n && isdigit((unsigned char)s[i])) {
		if (v > (1LL << 40))
			return -1;
		v = v * 10 + (s[i++] - '0');
	}
	if (i == 0 || i == n)
		return -1;
	/* "M" is MiB; "m" could be minutes or megabytes: ask. */
	if (n - i == 1 && s[i] == 'M') {
		*bytes = v << 20;	/* v <= 2^40 */
		return 0;
	}
	if (n - i == 1 && s[i] == 'm')
		return -2;
	for (; i < n; i++) {
		if (k + 1 >= sizeof(unit))
			return -1;
		unit[k++] = (char)tolower((unsigned char)s[i]);
	}
	unit[k] = '\0';
	for (i = 0; i < ARRAY_LEN(units); i++) {
		if (strcmp(unit, units[i].unit) != 0)
			continue;
		if (v > LLONG_MAX / units[i].mult)
			return -1;
		if (units[i].is_age) {
			if (v == 0)
				return -1;
			*age = (time_t)(v * units[i].mult);
		} else
			*bytes = v * units[i].mult;
		return 0;
	}
	return -1;
}

int
cache_parse_prune(const char *spec, time_t *max_age, long long *max_bytes,
    struct lede_err *err)
{
	const char *p = spec, *e;
	size_t n;
	int rc;

	*max_age = 0;
	*max_bytes = -1;
	do {
		e = strchr(p, ',');
		n = e ? (size_t)(e - p) : strlen(p);
		rc = parse_one(p, n, max_age, max_bytes);
		if (rc == -2)
			return err_set(err, LEDE_EUSAGE, "bad prune limit "
			    "'%.*s': %.*smin for minutes or %.*sM for "
			    "megabytes?", (int)n, p, (int)n - 1, p,
			    (int)n - 1, p);
		if (rc == -1)
			return err_set(err, LEDE_EUSAGE, "bad prune limit "
			    "'%.100s' (an age like 30d, 12h, 90min, or a size "
			    "like 200M, 1G, 0B)", spec);
		p = e + 1;
	} while (e != NULL);
	return 0;
}
