/*
 * cache.c - open the cache database safely and keep fetched pages in it.
 *
 * Opening is where the care goes: the directory is made private, a lock
 * file serialises the checks of concurrent openers, a file that is not a
 * lede cache is renamed aside (with its WAL) rather than overwritten, and
 * the schema is created or migrated in one IMMEDIATE transaction so two
 * processes racing to create it cannot both do so.  See cache.h.
 */
#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache_int.h"
#include "util.h"

#define PATH_CAP 4096

/* Schema migrations: entry i takes user_version i to i + 1. */
static const char *const migrations[CACHE_SCHEMA_VERSION] = {
	/* 0 -> 1 */
	"CREATE TABLE pages ("
	"  id INTEGER PRIMARY KEY,"
	"  url TEXT NOT NULL UNIQUE,"
	"  final_url TEXT,"
	"  fetched INTEGER NOT NULL,"
	"  expires INTEGER NOT NULL DEFAULT 0,"
	"  status INTEGER NOT NULL,"
	"  content_type TEXT,"
	"  etag TEXT,"
	"  last_modified TEXT,"
	"  size INTEGER NOT NULL);"
	/* Bodies apart, so listings scan small rows only. */
	"CREATE TABLE bodies ("
	"  id INTEGER PRIMARY KEY,"
	"  body BLOB NOT NULL);"
	"CREATE TRIGGER pages_delete AFTER DELETE ON pages BEGIN"
	"  DELETE FROM bodies WHERE id = old.id; END;"
	"CREATE INDEX pages_fetched ON pages(fetched);"
	"CREATE INDEX pages_final ON pages(final_url);"
	"CREATE TABLE articles ("
	"  id INTEGER PRIMARY KEY,"
	"  url TEXT NOT NULL UNIQUE,"
	"  title TEXT, site TEXT, byline TEXT,"
	"  published TEXT, modified TEXT,"
	"  updated INTEGER NOT NULL);"
	"CREATE VIRTUAL TABLE articles_fts USING fts5(title, body,"
	"  tokenize = 'unicode61 remove_diacritics 2');"
	"CREATE TABLE history ("
	"  id INTEGER PRIMARY KEY,"
	"  url TEXT NOT NULL UNIQUE,"
	"  title TEXT, site TEXT, published TEXT, modified TEXT,"
	"  read_at INTEGER NOT NULL,"
	"  reads INTEGER NOT NULL DEFAULT 1);"
	"CREATE INDEX history_read_at ON history(read_at);",
};

int
cache_dberr(struct cache *c, const char *what, struct lede_err *err)
{
	int code = sqlite3_errcode(c->db);

	/* Damage past the first pages shows only when read: the file goes
	 * aside when this process closes it, and the next start is fresh. */
	if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
		/* Read only, the file may just be mid-checkpoint (its WAL
		   unread): never moved aside from here. */
		c->damaged = !c->readonly;
		return err_set(err, LEDE_ECACHE, "cache '%s' is damaged (%s): "
		    "what still reads is kept in a new file, the old one "
		    "moved aside", c->file, sqlite3_errmsg(c->db));
	}
	return err_set(err, LEDE_ECACHE, "cache '%s': %s: %s", c->file, what,
	    sqlite3_errmsg(c->db));
}

int
cache_exec(struct cache *c, const char *sql, struct lede_err *err)
{
	if (sqlite3_exec(c->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return cache_dberr(c, "cannot write", err);
	return 0;
}

sqlite3_stmt *
cache_prep(struct cache *c, const char *sql, struct lede_err *err)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) != SQLITE_OK) {
		cache_dberr(c, "cannot read", err);
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

char *
cache_coldup(sqlite3_stmt *st, int col, int *oom)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	char *d;

	if (s == NULL)
		return NULL;
	if ((d = xstrdup((const char *)s)) == NULL)
		*oom = 1;
	return d;
}

char *
cache_default_dir(void)
{
	const char *x = getenv("XDG_CACHE_HOME"), *h = getenv("HOME");
	char p[PATH_CAP];

	/* The XDG spec says relative paths are invalid: ignore them. */
	if (x != NULL && x[0] == '/')
		snprintf(p, sizeof(p), "%s/lede", x);
	else if (h != NULL && h[0] == '/')
		snprintf(p, sizeof(p), "%s/.cache/lede", h);
	else
		return NULL;
	return xstrdup(p);
}

/* mkdir -p, private for what we create. */
static int
make_dirs(const char *dir, struct lede_err *err)
{
	char p[PATH_CAP];
	size_t i, n = strlen(dir);

	if (n == 0 || n >= sizeof(p))
		return err_set(err, LEDE_ECACHE, "cannot use cache directory "
		    "'%s': bad path", dir);
	memcpy(p, dir, n + 1);
	for (i = 1; i <= n; i++) {
		if (p[i] != '/' && p[i] != '\0')
			continue;
		p[i] = '\0';
		if (mkdir(p, 0700) == -1 && errno != EEXIST)
			return err_set(err, LEDE_ECACHE, "cannot create cache "
			    "directory '%s': %s", p, strerror(errno));
		p[i] = i == n ? '\0' : '/';
	}
	return 0;
}

static void
db_close(struct cache *c)
{
	if (c->db != NULL)
		sqlite3_close_v2(c->db);
	c->db = NULL;
}

static int
db_open(struct cache *c, struct lede_err *err)
{
	if (sqlite3_open_v2(c->file, &c->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		err_set(err, LEDE_ECACHE, "cannot open cache '%s': %s",
		    c->file, c->db ? sqlite3_errmsg(c->db) : "out of memory");
		db_close(c);
		return -1;
	}
	sqlite3_busy_timeout(c->db, CACHE_BUSY_MS);
	sqlite3_extended_result_codes(c->db, 0);
	return 0;
}

/*
 * What is this file?  0: ours (or new and empty), 1: not a lede cache
 * (corrupt or foreign: move it aside), -1: error (err filled).
 */
static int
db_check(struct cache *c, struct lede_err *err)
{
	sqlite3_stmt *st = NULL;
	int rc, app = 0, ntables = 0;

	rc = sqlite3_prepare_v2(c->db, "SELECT (SELECT application_id FROM "
	    "pragma_application_id), (SELECT count(*) FROM sqlite_master)",
	    -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		app = sqlite3_column_int(st, 0);
		ntables = sqlite3_column_int(st, 1);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
		return 1;
	if (rc != SQLITE_OK)
		return cache_dberr(c, "cannot read", err);
	if (app == CACHE_APP_ID || (app == 0 && ntables == 0))
		return 0;
	return 1;
}

/* Rename path to path.bad-DATE[-N] (and its -wal); drop its -shm. */
static int
move_aside(struct cache *c, struct lede_err *err)
{
	char aside[PATH_CAP], from[PATH_CAP + 8], to[PATH_CAP + 8], stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	int i;

	localtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y%m%d-%H%M%S", &tm);
	for (i = 0; i < 100; i++) {
		if (i == 0)
			snprintf(aside, sizeof(aside), "%s.bad-%s", c->file,
			    stamp);
		else
			snprintf(aside, sizeof(aside), "%s.bad-%s-%d",
			    c->file, stamp, i);
		if (access(aside, F_OK) == -1 && errno == ENOENT)
			break;
	}
	if (rename(c->file, aside) == -1)
		return err_set(err, LEDE_ECACHE, "cache '%s' is not a lede "
		    "cache and cannot be moved aside: %s", c->file,
		    strerror(errno));
	snprintf(from, sizeof(from), "%s-wal", c->file);
	snprintf(to, sizeof(to), "%s-wal", aside);
	(void)rename(from, to);
	snprintf(from, sizeof(from), "%s-shm", c->file);
	(void)unlink(from);
	free(c->notice);
	if ((c->notice = malloc(PATH_CAP + 128)) != NULL)
		snprintf(c->notice, PATH_CAP + 128, "cache '%s' was damaged or "
		    "not a lede cache: moved aside to '%s', starting a new "
		    "one", c->file, aside);
	return 0;
}

static int
user_version(struct cache *c, int *v, struct lede_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = cache_prep(c, "PRAGMA user_version", err)) == NULL)
		return -1;
	rc = sqlite3_step(st);
	*v = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	if (*v < 0)
		return cache_dberr(c, "cannot read", err);
	return 0;
}

static int
migrate(struct cache *c, struct lede_err *err)
{
	char sql[96];
	int v;

	/* Fast path: already current, no write lock needed. */
	if (user_version(c, &v, err) == -1)
		return -1;
	if (v == CACHE_SCHEMA_VERSION)
		return 0;
	if (v > CACHE_SCHEMA_VERSION)
		return err_set(err, LEDE_ECACHE, "cache '%s' has schema "
		    "version %d, newer than this lede (%d): use a newer lede "
		    "or another --cache-dir", c->file, v,
		    CACHE_SCHEMA_VERSION);
	if (cache_exec(c, "BEGIN IMMEDIATE", err) == -1)
		return -1;
	/* Another process may have migrated while we waited for the lock. */
	if (user_version(c, &v, err) == -1)
		goto fail;
	for (; v < CACHE_SCHEMA_VERSION; v++) {
		if (sqlite3_exec(c->db, migrations[v], NULL, NULL, NULL) !=
		    SQLITE_OK) {
			cache_dberr(c, "cannot update the schema", err);
			goto fail;
		}
		snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", v + 1);
		if (cache_exec(c, sql, err) == -1)
			goto fail;
	}
	snprintf(sql, sizeof(sql), "PRAGMA application_id = %d", CACHE_APP_ID);
	if (cache_exec(c, sql, err) == -1 || cache_exec(c, "COMMIT", err) == -1)
		goto fail;
	return 0;
fail:
	sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

static int
setup(struct cache *c, struct lede_err *err)
{
	int bad;

	if (db_open(c, err) == -1)
		return -1;
	if ((bad = db_check(c, err)) == -1)
		return -1;
	if (bad) {
		db_close(c);
		if (move_aside(c, err) == -1 || db_open(c, err) == -1)
			return -1;
		if ((bad = db_check(c, err)) != 0)
			return bad == -1 ? -1 : err_set(err, LEDE_ECACHE,
			    "cannot start a new cache '%s'", c->file);
	}
	/* auto_vacuum only takes on a new file (so pruning can give space
	 * back); WAL: readers never block the writer; NORMAL sync keeps
	 * every commit across a crash of the process (not of the machine). */
	if (cache_exec(c, "PRAGMA auto_vacuum = INCREMENTAL", err) == -1 ||
	    cache_exec(c, "PRAGMA journal_mode = WAL", err) == -1 ||
	    cache_exec(c, "PRAGMA synchronous = NORMAL", err) == -1)
		return -1;
	return migrate(c, err);
}

/* A SQLite URI for path with query q (new string), or NULL. */
static char *
file_uri(const char *path, const char *q)
{
	char *uri = malloc(3 * strlen(path) + strlen(q) + 8);
	size_t i, k = 0;

	if (uri == NULL)
		return NULL;
	k = (size_t)sprintf(uri, "file:");
	for (i = 0; path[i]; i++) {
		unsigned char ch = (unsigned char)path[i];

		if (ch == '?' || ch == '#' || ch == '%')
			k += (size_t)sprintf(uri + k, "%%%02X", ch);
		else
			uri[k++] = (char)ch;
	}
	sprintf(uri + k, "?%s", q);
	return uri;
}

/*
 * The cache as it is, read only (SQLite's immutable mode takes no lock and
 * writes nothing, not even its WAL index), after err said why it cannot be
 * opened to write; 0 with a notice saying so, or -1 (err kept).
 */
static int
open_readonly(struct cache *c, struct lede_err *err)
{
	struct lede_err ignored = {0};
	char *uri;
	int v;

	db_close(c);
	if (c->file == NULL || access(c->file, R_OK) == -1 ||
	    (uri = file_uri(c->file, "immutable=1")) == NULL)
		return -1;
	/* Only a file this lede reads as it is: not one a newer lede
	   wrote, nor one waiting for a migration. */
	if (sqlite3_open_v2(uri, &c->db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_URI, NULL) != SQLITE_OK ||
	    db_check(c, &ignored) != 0 ||
	    user_version(c, &v, &ignored) == -1 ||
	    v != CACHE_SCHEMA_VERSION) {
		free(uri);
		db_close(c);
		return -1;
	}
	free(uri);
	c->readonly = 1;
	free(c->notice);
	if ((c->notice = malloc(PATH_CAP + 512)) != NULL)
		snprintf(c->notice, PATH_CAP + 512, "%s: reading the cache "
		    "only, nothing is stored", err->msg);
	return 0;
}

/* Open the lock file and take it; -1 with err filled. */
static int
lock_dir(struct cache *c, struct lede_err *err)
{
	char lock[PATH_CAP];
	int fd;

	snprintf(lock, sizeof(lock), "%s/cache.lock", c->dir);
	if ((fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) == -1 ||
	    flock(fd, LOCK_EX) == -1) {
		err_set(err, LEDE_ECACHE, "cannot lock cache '%s': %s",
		    lock, strerror(errno));
		if (fd != -1)
			close(fd);
		return -1;
	}
	return fd;
}

struct cache *
cache_open(const char *dir, struct lede_err *err)
{
	struct cache *c;
	int fd = -1;

	if ((c = calloc(1, sizeof(*c))) == NULL) {
		err_set(err, LEDE_ENOMEM, "cannot open the cache: out of "
		    "memory");
		return NULL;
	}
	c->dir = dir ? xstrdup(dir) : cache_default_dir();
	if (c->dir == NULL) {
		err_set(err, LEDE_ECACHE, "cannot find the cache directory: "
		    "set XDG_CACHE_HOME or HOME, or use --cache-dir");
		goto fail;
	}
	if (make_dirs(c->dir, err) == -1)
		goto fail;
	if ((c->file = malloc(PATH_CAP)) == NULL) {
		err_set(err, LEDE_ENOMEM, "cannot open the cache: out of "
		    "memory");
		goto fail;
	}
	snprintf(c->file, PATH_CAP, "%s/cache.db", c->dir);
	/* Serialise the checks: two processes must not both move a file
	 * aside, nor one move aside the new file the other just made. */
	if ((fd = lock_dir(c, err)) == -1 || setup(c, err) == -1) {
		/* A full disk or a read-only file system: what is cached
		 * can still be read (err says why nothing is stored). */
		if (open_readonly(c, err) == 0) {
			if (fd != -1)
				close(fd);
			return c;
		}
		goto fail;
	}
	close(fd);
	return c;
fail:
	if (fd != -1)
		close(fd);
	cache_close(c);
	return NULL;
}

/*
 * Damage found while reading: what still reads goes into a new file, which
 * takes the cache's place; the damaged one is moved aside as before.
 * Table by table (a damaged one stays empty); the search index, whose
 * text only it holds, is made again from the articles' titles.  -1 when
 * the new file cannot be made.
 */
static int
salvage(struct cache *c)
{
	static const char *const tables[] = {"pages", "bodies", "articles",
	    "history", NULL};
	struct cache n = {0};
	struct lede_err e = {0};
	char tmp[PATH_CAP + 16], sql[160], *uri, *q;
	int i, kept = 0;

	snprintf(tmp, sizeof(tmp), "%s.salvage", c->file);
	(void)unlink(tmp);
	n.file = tmp;
	if (sqlite3_open_v2(tmp, &n.db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, NULL) != SQLITE_OK ||
	    cache_exec(&n, "PRAGMA auto_vacuum = INCREMENTAL", &e) == -1 ||
	    migrate(&n, &e) == -1 ||
	    (uri = file_uri(c->file, "mode=ro")) == NULL)
		goto fail;
	q = sqlite3_mprintf("ATTACH %Q AS old", uri);
	free(uri);
	if (q == NULL || sqlite3_exec(n.db, q, NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_free(q);
		goto fail;
	}
	sqlite3_free(q);
	for (i = 0; tables[i]; i++) {
		snprintf(sql, sizeof(sql), "INSERT INTO main.%s SELECT * FROM "
		    "old.%s", tables[i], tables[i]);
		if (sqlite3_exec(n.db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
			goto fail;
		if (sqlite3_exec(n.db, sql, NULL, NULL, NULL) == SQLITE_OK) {
			sqlite3_exec(n.db, "COMMIT", NULL, NULL, NULL);
			kept++;
		} else {
			sqlite3_exec(n.db, "ROLLBACK", NULL, NULL, NULL);
		}
	}
	sqlite3_exec(n.db, "INSERT INTO articles_fts (rowid, title, body) "
	    "SELECT id, coalesce(title, ''), '' FROM articles", NULL, NULL,
	    NULL);
	sqlite3_exec(n.db, "DETACH old", NULL, NULL, NULL);
	if (kept == 0 || sqlite3_close(n.db) != SQLITE_OK)
		goto fail;
	n.db = NULL;
	if (move_aside(c, NULL) == -1 || rename(tmp, c->file) == -1)
		goto fail;
	return 0;
fail:
	if (n.db)
		sqlite3_close_v2(n.db);
	(void)unlink(tmp);
	return -1;
}

void
cache_close(struct cache *c)
{
	int fd;

	if (c == NULL)
		return;
	db_close(c);
	if (c->damaged && (fd = lock_dir(c, NULL)) != -1) {
		if (salvage(c) == -1 && access(c->file, F_OK) == 0)
			(void)move_aside(c, NULL);
		close(fd);
	}
	free(c->dir);
	free(c->file);
	free(c->notice);
	free(c);
}

const char *
cache_notice(const struct cache *c)
{
	return c->notice;
}

const char *
cache_file(const struct cache *c)
{
	return c->file;
}

int
cache_get(struct cache *c, const char *url, struct cache_page *p,
    struct lede_err *err)
{
	sqlite3_stmt *st;
	const void *blob;
	int rc, oom = 0, n;

	memset(p, 0, sizeof(*p));
	st = cache_prep(c, "SELECT url, final_url, content_type, etag, "
	    "last_modified, status, fetched, expires, "
	    "(SELECT body FROM bodies b WHERE b.id = p.id) FROM pages p "
	    "WHERE url = ?1 OR final_url = ?1 ORDER BY url = ?1 DESC, "
	    "fetched DESC LIMIT 1", err);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, url, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_finalize(st);
		return 0;
	}
	if (rc != SQLITE_ROW) {
		cache_dberr(c, "cannot read", err);
		sqlite3_finalize(st);
		return -1;
	}
	p->url = cache_coldup(st, 0, &oom);
	p->final_url = cache_coldup(st, 1, &oom);
	p->content_type = cache_coldup(st, 2, &oom);
	p->etag = cache_coldup(st, 3, &oom);
	p->last_modified = cache_coldup(st, 4, &oom);
	p->status = sqlite3_column_int(st, 5);
	p->fetched = (time_t)sqlite3_column_int64(st, 6);
	p->expires = (time_t)sqlite3_column_int64(st, 7);
	blob = sqlite3_column_blob(st, 8);
	n = sqlite3_column_bytes(st, 8);
	buf_init(&p->body, (size_t)n + 1);
	if (n > 0 && buf_append(&p->body, blob, (size_t)n) == -1)
		oom = 1;
	sqlite3_finalize(st);
	if (oom) {
		cache_page_release(p);
		return err_set(err, LEDE_ENOMEM, "cannot read '%s' from the "
		    "cache: out of memory", url);
	}
	return 1;
}

static void
bind_opt(sqlite3_stmt *st, int i, const char *s)
{
	if (s != NULL)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

int
cache_put(struct cache *c, const struct cache_page *p, struct lede_err *err)
{
	sqlite3_stmt *st;
	sqlite3_int64 id;
	int rc;

	/* Read only: the notice said that nothing is stored. */
	if (c->readonly)
		return 0;

	if (cache_exec(c, "BEGIN IMMEDIATE", err) == -1)
		return -1;
	st = cache_prep(c, "INSERT INTO pages (url, final_url, fetched, "
	    "expires, status, content_type, etag, last_modified, size) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
	    "ON CONFLICT (url) DO UPDATE SET final_url = excluded.final_url, "
	    "fetched = excluded.fetched, expires = excluded.expires, "
	    "status = excluded.status, content_type = excluded.content_type, "
	    "etag = excluded.etag, last_modified = excluded.last_modified, "
	    "size = excluded.size RETURNING id", err);
	if (st == NULL)
		goto fail;
	sqlite3_bind_text(st, 1, p->url, -1, SQLITE_STATIC);
	bind_opt(st, 2, p->final_url);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)p->fetched);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)p->expires);
	sqlite3_bind_int64(st, 5, p->status);
	bind_opt(st, 6, p->content_type);
	bind_opt(st, 7, p->etag);
	bind_opt(st, 8, p->last_modified);
	sqlite3_bind_int64(st, 9, (sqlite3_int64)p->body.len);
	rc = sqlite3_step(st);
	id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW) {
		cache_dberr(c, "cannot store a page", err);
		goto fail;
	}
	st = cache_prep(c, "INSERT OR REPLACE INTO bodies (id, body) "
	    "VALUES (?1, ?2)", err);
	if (st == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_blob64(st, 2, p->body.data ? p->body.data : "",
	    p->body.len, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		cache_dberr(c, "cannot store a page", err);
		goto fail;
	}
	if (cache_exec(c, "COMMIT", err) == -1)
		goto fail;
	return 0;
fail:
	sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

int
cache_touch(struct cache *c, const char *url, time_t fetched, time_t expires,
    const char *etag, const char *last_modified, struct lede_err *err)
{
	sqlite3_stmt *st;
	int rc;

	/* Read only: the notice said that nothing is stored. */
	if (c->readonly)
		return 0;

	st = cache_prep(c, "UPDATE pages SET fetched = ?2, expires = ?3, "
	    "etag = coalesce(?4, etag), "
	    "last_modified = coalesce(?5, last_modified) WHERE url = ?1",
	    err);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, url, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)fetched);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)expires);
	bind_opt(st, 4, etag);
	bind_opt(st, 5, last_modified);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return cache_dberr(c, "cannot update a page", err);
	return 0;
}

void
cache_page_release(struct cache_page *p)
{
	if (p == NULL)
		return;
	free(p->url);
	free(p->final_url);
	free(p->content_type);
	free(p->etag);
	free(p->last_modified);
	buf_release(&p->body);
	memset(p, 0, sizeof(*p));
}
