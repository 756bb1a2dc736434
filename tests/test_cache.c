/*
 * test_cache.c - unit tests of the cache (cache.c, cache_lib.c): open and
 * migrate, store and load pages, revalidation updates, history, listings,
 * full-text search, pruning and its limits, and the safety promises: a
 * corrupt or foreign file is moved aside untouched, a newer schema is
 * refused, two writers at once lose nothing, and a writer killed with
 * SIGKILL loses nothing it committed.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "cache.h"
#include "source.h"

struct fx {
	char dir[256];
	struct cache *c;
};

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	struct lede_err err = {0};

	snprintf(f->dir, sizeof(f->dir), "/tmp/lede-test-cache.XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	/* A directory that does not exist yet: cache_open makes it. */
	strncat(f->dir, "/sub/dir", sizeof(f->dir) - strlen(f->dir) - 1);
	f->c = cache_open(f->dir, &err);
	if (f->c == NULL) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;
	char cmd[400];

	cache_close(f->c);
	/* dir is X/sub/dir: remove X. */
	*strstr(f->dir, "/sub/dir") = '\0';
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

static void
put(struct cache *c, const char *url, const char *body, time_t when)
{
	struct cache_page p = {0};
	struct lede_err err = {0};

	p.url = (char *)url;
	p.final_url = (char *)url;
	p.content_type = "text/html";
	p.etag = "\"v1\"";
	p.status = 200;
	p.fetched = when;
	buf_init(&p.body, 0);
	assert_int_equal(buf_puts(&p.body, body), 0);
	assert_int_equal(cache_put(c, &p, &err), 0);
	buf_release(&p.body);
}

static void
record(struct cache *c, const char *url, const char *title,
    const char *text, time_t when)
{
	struct cache_article a = {0};
	struct lede_err err = {0};

	a.url = url;
	a.title = title;
	a.site = "Gazette";
	a.published = "2026-11-20";
	a.text = text;
	assert_int_equal(cache_record(c, &a, when, &err), 0);
}

static void
test_open_schema(void **state)
{
	struct fx *f = *state;
	sqlite3 *db;
	sqlite3_stmt *st;

	assert_non_null(strstr(cache_file(f->c), "/sub/dir/cache.db"));
	assert_null(cache_notice(f->c));
	assert_int_equal(sqlite3_open(cache_file(f->c), &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT (SELECT user_version "
	    "FROM pragma_user_version), (SELECT application_id FROM "
	    "pragma_application_id), (SELECT journal_mode FROM "
	    "pragma_journal_mode)", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), CACHE_SCHEMA_VERSION);
	assert_int_equal(sqlite3_column_int(st, 1), CACHE_APP_ID);
	assert_string_equal((const char *)sqlite3_column_text(st, 2), "wal");
	sqlite3_finalize(st);
	sqlite3_close(db);
}

static void
test_reopen_keeps_data(void **state)
{
	struct fx *f = *state;
	struct lede_err err = {0};
	struct cache_page p;

	put(f->c, "http://a.test/1", "<p>one</p>", 1000);
	cache_close(f->c);
	f->c = cache_open(f->dir, &err);
	assert_non_null(f->c);
	assert_null(cache_notice(f->c));
	assert_int_equal(cache_get(f->c, "http://a.test/1", &p, &err), 1);
	assert_string_equal(p.body.data, "<p>one</p>");
	cache_page_release(&p);
}

static void
test_put_get_touch(void **state)
{
	struct fx *f = *state;
	struct lede_err err = {0};
	struct cache_page p = {0};

	assert_int_equal(cache_get(f->c, "http://a.test/none", &p, &err), 0);
	put(f->c, "http://a.test/1", "<p>first</p>", 1000);
	put(f->c, "http://a.test/1", "<p>second</p>", 2000);
	assert_int_equal(cache_get(f->c, "http://a.test/1", &p, &err), 1);
	assert_string_equal(p.body.data, "<p>second</p>");
	assert_string_equal(p.etag, "\"v1\"");
	assert_string_equal(p.content_type, "text/html");
	assert_int_equal(p.status, 200);
	assert_int_equal(p.fetched, 2000);
	cache_page_release(&p);

	/* A 304: new times and ETag, the same bytes. */
	assert_int_equal(cache_touch(f->c, "http://a.test/1", 3000, 4000,
	    "\"v2\"", NULL, &err), 0);
	assert_int_equal(cache_get(f->c, "http://a.test/1", &p, &err), 1);
	assert_string_equal(p.body.data, "<p>second</p>");
	assert_string_equal(p.etag, "\"v2\"");
	assert_int_equal(p.fetched, 3000);
	assert_int_equal(p.expires, 4000);
	cache_page_release(&p);
}

static void
test_binary_body_and_final_url(void **state)
{
	struct fx *f = *state;
	struct lede_err err = {0};
	struct cache_page p = {0}, q;
	static const char bytes[] = "a\0b\xff\xfe";

	p.url = "http://a.test/short";
	p.final_url = "http://a.test/long/final";
	p.status = 200;
	p.fetched = 5;
	buf_init(&p.body, 0);
	assert_int_equal(buf_append(&p.body, bytes, sizeof(bytes)), 0);
	assert_int_equal(cache_put(f->c, &p, &err), 0);
	buf_release(&p.body);
	/* Found by the final URL too (a link to where a redirect led). */
	assert_int_equal(cache_get(f->c, "http://a.test/long/final", &q,
	    &err), 1);
	assert_int_equal(q.body.len, sizeof(bytes));
	assert_memory_equal(q.body.data, bytes, sizeof(bytes));
	assert_null(q.content_type);
	cache_page_release(&q);
}

static void
test_history_and_list(void **state)
{
	struct fx *f = *state;
	struct lede_err err = {0};
	struct cache_entry *e;
	size_t n;

	put(f->c, "http://a.test/1", "x", 100);
	put(f->c, "http://a.test/2", "y", 200);
	put(f->c, "http://a.test/3", "z", 300);
	record(f->c, "http://a.test/2", "Two", "second story", 250);
	record(f->c, "http://a.test/1", "One", "first story", 260);
	/* Reading again moves it to the top, once. */
	record(f->c, "http://a.test/2", "Two again", "second story", 270);

	assert_int_equal(cache_history_list(f->c, 0, &e, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(e[0].url, "http://a.test/2");
	assert_string_equal(e[0].title, "Two again");
	assert_string_equal(e[0].site, "Gazette");
	assert_string_equal(e[0].published, "2026-11-20");
	assert_int_equal(e[0].when, 270);
	assert_string_equal(e[1].url, "http://a.test/1");
	cache_entries_free(e, n);

	assert_int_equal(cache_list(f->c, 0, &e, &n, &err), 0);
	assert_int_equal(n, 3);
	assert_string_equal(e[0].url, "http://a.test/3");
	assert_null(e[0].title);	/* fetched, never read */
	assert_string_equal(e[1].url, "http://a.test/2");
	assert_string_equal(e[1].title, "Two again");
	assert_int_equal(e[1].size, 1);
	assert_string_equal(e[2].url, "http://a.test/1");
	cache_entries_free(e, n);

	assert_int_equal(cache_list(f->c, 1, &e, &n, &err), 0);
	assert_int_equal(n, 1);
	cache_entries_free(e, n);
}

static void
test_search(void **state)
{
	struct fx *f = *state;
	struct lede_err err = {0};
	struct cache_entry *e;
	size_t n;

	record(f->c, "http://a.test/z", "Zeppelin returns",
	    "The old zeppelin glided over the harbour at dawn.", 10);
	record(f->c, "http://a.test/l", "Lighthouse keepers",
	    "The keepers turned the lamp by hand through the storm.", 20);
	record(f->c, "http://a.test/k", "북한과 러시아",
	    "평양에서 열린 회담에서 경제 협력을 넓히기로 했다.", 30);

	assert_int_equal(cache_search(f->c, "harbour", 0, &e, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_string_equal(e[0].url, "http://a.test/z");
	assert_non_null(strstr(e[0].snippet, "harbour"));
	cache_entries_free(e, n);

	/* All words must match; words are prefixes; case folds. */
	assert_int_equal(cache_search(f->c, "KEEP lamp", 0, &e, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_string_equal(e[0].title, "Lighthouse keepers");
	cache_entries_free(e, n);
	assert_int_equal(cache_search(f->c, "lamp zeppelin", 0, &e, &n, &err),
	    0);
	assert_int_equal(n, 0);
	cache_entries_free(e, n);

	/* Korean: a stem finds the word with its particle. */
	assert_int_equal(cache_search(f->c, "북한", 0, &e, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_string_equal(e[0].url, "http://a.test/k");
	cache_entries_free(e, n);

	/* Chinese and Korean are found inside their runs of letters, which
	   the index keeps as one word; the snippet shows the word. */
	record(f->c, "http://a.test/c", "女儿出嫁",
	    "清代画家郑板桥画了几笔兰花当嫁妆，传为佳话。", 35);
	assert_int_equal(cache_search(f->c, "板桥", 0, &e, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_string_equal(e[0].url, "http://a.test/c");
	assert_non_null(strstr(e[0].snippet, "板桥"));
	cache_entries_free(e, n);
	assert_int_equal(cache_search(f->c, "회담 협력", 0, &e, &n, &err), 0);
	assert_int_equal(n, 1);
	cache_entries_free(e, n);
	assert_int_equal(cache_search(f->c, "板桥 평양", 0, &e, &n, &err), 0);
	assert_int_equal(n, 0);
	cache_entries_free(e, n);
	assert_int_equal(cache_search(f->c, "板桥\"]", 0, &e, &n, &err), 0);
	assert_int_equal(n, 0);
	cache_entries_free(e, n);
	/* Latin words beside them still fold case. */
	record(f->c, "http://a.test/m", "混合 Mixed",
	    "板桥 wrote Lorem ipsum here.", 36);
	assert_int_equal(cache_search(f->c, "板桥 LOREM", 0, &e, &n, &err), 0);
	assert_int_equal(n, 1);
	cache_entries_free(e, n);
	/* A control byte, a cut character, too many words: refused. */
	assert_int_equal(cache_search(f->c, "板桥 \x01", 0, &e, &n, &err), -1);
	assert_int_equal(cache_search(f->c, "\xe6\x9d", 0, &e, &n, &err), -1);
	{
		char many[200] = "";
		int i;

		for (i = 0; i < 40; i++)
			strcat(many, "板 ");
		strcat(many, "nomatch");
		assert_int_equal(
		    cache_search(f->c, many, 0, &e, &n, &err), -1);
		assert_int_equal(err.code, LEDE_EUSAGE);
	}

	/* Query syntax in the words is just text. */
	assert_int_equal(cache_search(f->c, "\"harbour OR* NEAR(", 0, &e, &n,
	    &err), 0);
	cache_entries_free(e, n);
	assert_int_equal(cache_search(f->c, "   ", 0, &e, &n, &err), -1);
	assert_int_equal(err.code, LEDE_EUSAGE);

	/* Re-recording replaces the indexed text. */
	record(f->c, "http://a.test/z", "Zeppelin returns", "balloon", 40);
	assert_int_equal(cache_search(f->c, "harbour", 0, &e, &n, &err), 0);
	assert_int_equal(n, 0);
	cache_entries_free(e, n);
}

static void
test_prune(void **state)
{
	struct fx *f = *state;
	struct lede_err err = {0};
	struct cache_prune_stats st;
	struct cache_entry *e;
	time_t now = time(NULL);
	size_t n;

	put(f->c, "http://a.test/old", "0123456789", now - 40 * 86400);
	put(f->c, "http://a.test/mid", "0123456789", now - 10 * 86400);
	put(f->c, "http://a.test/new", "0123456789", now - 60);
	record(f->c, "http://a.test/old", "Old", "ancient words", now - 40 *
	    86400);
	record(f->c, "http://a.test/mid", "Mid", "middle words", now - 10 *
	    86400);

	assert_int_equal(cache_prune(f->c, 30 * 86400, -1, &st, &err), 0);
	assert_int_equal(st.pages, 1);
	assert_int_equal(st.bytes, 10);
	assert_int_equal(st.kept_pages, 2);
	/* Its article leaves the index and the history with it. */
	assert_int_equal(cache_search(f->c, "ancient", 0, &e, &n, &err), 0);
	assert_int_equal(n, 0);
	cache_entries_free(e, n);
	assert_int_equal(cache_history_list(f->c, 0, &e, &n, &err), 0);
	assert_int_equal(n, 1);
	cache_entries_free(e, n);

	/* By size: the newest that fit stay. */
	assert_int_equal(cache_prune(f->c, 0, 15, &st, &err), 0);
	assert_int_equal(st.pages, 1);
	assert_int_equal(st.kept_bytes, 10);
	assert_int_equal(cache_list(f->c, 0, &e, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_string_equal(e[0].url, "http://a.test/new");
	cache_entries_free(e, n);

	assert_int_equal(cache_prune(f->c, 0, 0, &st, &err), 0);
	assert_int_equal(st.kept_pages, 0);
}

static void
test_parse_prune(void **state)
{
	static const struct {
		const char *spec;
		int rc;
		time_t age;
		long long bytes;
	} t[] = {
		{"30d", 0, 30 * 86400, -1},
		{"12h", 0, 12 * 3600, -1},
		{"2w", 0, 14 * 86400, -1},
		{"90min", 0, 5400, -1},
		{"200M", 0, 0, 200LL << 20},
		{"200MB", 0, 0, 200LL << 20},
		{"1g", 0, 0, 1LL << 30},
		{"500k", 0, 0, 500LL << 10},
		{"0B", 0, 0, 0},
		{"0M", 0, 0, 0},
		{"5MiB", 0, 0, 5LL << 20},
		{"5mb", 0, 0, 5LL << 20},
		{"0", -1, 0, 0},	/* a number needs its unit */
		{"200", -1, 0, 0},
		{"5m", -2, 0, 0},	/* minutes or megabytes? */
		{"30d,5m", -2, 0, 0},
		/* v * 2^30 overflows to 0: must not mean "delete all". */
		{"17179869184G", -1, 0, 0},
		{"9223372036854775807B", -1, 0, 0},
		{"8589934592G", -1, 0, 0},
		{"30d,200M", 0, 30 * 86400, 200LL << 20},
		{"", -1, 0, 0},
		{"d", -1, 0, 0},
		{"30x", -1, 0, 0},
		{"-5d", -1, 0, 0},
		{"0d", -1, 0, 0},
		{"30d,", -1, 0, 0},
		{"99999999999999999999M", -1, 0, 0},
	};
	struct lede_err err = {0};
	time_t age;
	long long bytes;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		int rc = cache_parse_prune(t[i].spec, &age, &bytes, &err);

		/* -2: refused with a message asking which unit was meant. */
		if (t[i].rc == -2 && rc == -1 && strstr(err.msg, "5min for "
		    "minutes or 5M for megabytes") != NULL)
			rc = -2;
		if (rc != t[i].rc)
			fail_msg("'%s': rc %d", t[i].spec, rc);
		if (rc == 0 && (age != t[i].age || bytes != t[i].bytes))
			fail_msg("'%s': age %ld bytes %lld", t[i].spec,
			    (long)age, bytes);
	}
}

static int
count_aside(const char *dir, char *name, size_t max)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;

	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		if (strstr(de->d_name, "cache.db.bad-") == de->d_name &&
		    strstr(de->d_name, "-wal") == NULL) {
			snprintf(name, max, "%s/%s", dir, de->d_name);
			n++;
		}
	closedir(d);
	return n;
}

static void
write_file(const char *path, const char *s, size_t n)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(s, 1, n, fp), n);
	assert_int_equal(fclose(fp), 0);
}

static void
test_corrupt_moved_aside(void **state)
{
	struct fx *f = *state;
	struct lede_err err = {0};
	char junk[8192], path[512], aside[600], back[8192];
	struct cache_page p;
	FILE *fp;

	memset(junk, 'J', sizeof(junk));
	memcpy(junk, "this is not a database", 22);
	snprintf(path, sizeof(path), "%s", cache_file(f->c));
	cache_close(f->c);
	write_file(path, junk, sizeof(junk));

	f->c = cache_open(f->dir, &err);
	assert_non_null(f->c);
	assert_non_null(cache_notice(f->c));
	assert_non_null(strstr(cache_notice(f->c), "moved aside to"));
	assert_int_equal(count_aside(f->dir, aside, sizeof(aside)), 1);
	assert_non_null(strstr(cache_notice(f->c), aside));
	/* The bad file is kept byte for byte. */
	fp = fopen(aside, "rb");
	assert_non_null(fp);
	assert_int_equal(fread(back, 1, sizeof(back), fp), sizeof(junk));
	fclose(fp);
	assert_memory_equal(back, junk, sizeof(junk));
	/* And the new cache works. */
	put(f->c, "http://a.test/1", "fresh", 1);
	assert_int_equal(cache_get(f->c, "http://a.test/1", &p, &err), 1);
	cache_page_release(&p);
}

static void
test_foreign_moved_aside(void **state)
{
	struct fx *f = *state;
	struct lede_err err = {0};
	char path[512], aside[600];
	sqlite3 *db;

	snprintf(path, sizeof(path), "%s", cache_file(f->c));
	cache_close(f->c);
	f->c = NULL;
	assert_int_equal(unlink(path), 0);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE songs(name TEXT);"
	    "INSERT INTO songs VALUES ('mine')", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);

	f->c = cache_open(f->dir, &err);
	assert_non_null(f->c);
	assert_non_null(cache_notice(f->c));
	assert_int_equal(count_aside(f->dir, aside, sizeof(aside)), 1);
	assert_int_equal(sqlite3_open(aside, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "SELECT name FROM songs", NULL,
	    NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static void
test_newer_schema_refused(void **state)
{
	struct fx *f = *state;
	struct lede_err err = {0};
	char path[512], aside[600];
	sqlite3 *db;

	snprintf(path, sizeof(path), "%s", cache_file(f->c));
	cache_close(f->c);
	f->c = NULL;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 99", NULL,
	    NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_null(cache_open(f->dir, &err));
	assert_int_equal(err.code, LEDE_ECACHE);
	assert_non_null(strstr(err.msg, "newer"));
	/* Refused, not moved: it is ours, from a later lede. */
	assert_int_equal(count_aside(f->dir, aside, sizeof(aside)), 0);
	/* Put it back so teardown has a cache to close. */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_exec(db, "PRAGMA user_version = 1", NULL, NULL, NULL);
	sqlite3_close(db);
	f->c = cache_open(f->dir, &err);
	assert_non_null(f->c);
}

static long long
page_count(struct cache *c)
{
	struct lede_err err = {0};
	struct cache_entry *e;
	size_t n;

	assert_int_equal(cache_list(c, 0, &e, &n, &err), 0);
	cache_entries_free(e, n);
	return (long long)n;
}

/* A child process writing pages (and articles), one transaction each. */
static void
writer(const char *dir, int id, int count, int report_fd)
{
	struct lede_err err = {0};
	struct cache *c = cache_open(dir, &err);
	char url[64];
	int i;

	if (c == NULL)
		_exit(10);
	for (i = 0; count < 0 || i < count; i++) {
		snprintf(url, sizeof(url), "http://w%d.test/%d", id, i);
		put(c, url, "<p>body of a page written by a child</p>", i);
		record(c, url, "child", "words from a child", i);
		if (report_fd >= 0 && write(report_fd, &i, sizeof(i)) !=
		    sizeof(i))
			_exit(11);
	}
	cache_close(c);
	_exit(0);
}

static void
test_two_writers(void **state)
{
	struct fx *f = *state;
	pid_t a, b;
	int st;

	if ((a = fork()) == 0)
		writer(f->dir, 1, 150, -1);
	if ((b = fork()) == 0)
		writer(f->dir, 2, 150, -1);
	/* And this process reads and writes meanwhile. */
	put(f->c, "http://parent.test/", "parent", 1);
	(void)page_count(f->c);
	assert_int_equal(waitpid(a, &st, 0), a);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	assert_int_equal(waitpid(b, &st, 0), b);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	assert_int_equal(page_count(f->c), 301);
}

static void
test_sigkill_keeps_commits(void **state)
{
	struct fx *f = *state;
	struct lede_err err = {0};
	int fds[2], last = -1, i;
	pid_t pid;
	ssize_t r;
	int st;

	assert_int_equal(pipe(fds), 0);
	if ((pid = fork()) == 0) {
		close(fds[0]);
		writer(f->dir, 3, -1, fds[1]);
	}
	close(fds[1]);
	/* Let it commit a while, then kill it mid-stream. */
	while ((r = read(fds[0], &i, sizeof(i))) == sizeof(i)) {
		last = i;
		if (last >= 60)
			break;
	}
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	close(fds[0]);
	assert_true(WIFSIGNALED(st));
	assert_true(last >= 60);

	cache_close(f->c);
	f->c = cache_open(f->dir, &err);
	assert_non_null(f->c);
	assert_null(cache_notice(f->c));
	/* Every page it reported as committed is there. */
	assert_true(page_count(f->c) >= last + 1);
	{
		sqlite3 *db;
		sqlite3_stmt *s;

		assert_int_equal(sqlite3_open(cache_file(f->c), &db),
		    SQLITE_OK);
		assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA "
		    "integrity_check", -1, &s, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		assert_string_equal((const char *)sqlite3_column_text(s, 0),
		    "ok");
		sqlite3_finalize(s);
		sqlite3_close(db);
	}
}

static void
test_default_dir(void **state)
{
	char *d;

	(void)state;
	setenv("XDG_CACHE_HOME", "/x/cachehome", 1);
	d = cache_default_dir();
	assert_string_equal(d, "/x/cachehome/lede");
	free(d);
	setenv("XDG_CACHE_HOME", "relative/ignored", 1);
	setenv("HOME", "/home/reader", 1);
	d = cache_default_dir();
	assert_string_equal(d, "/home/reader/.cache/lede");
	free(d);
	unsetenv("XDG_CACHE_HOME");
	unsetenv("HOME");
	assert_null(cache_default_dir());
}

static void
test_unusable_dir(void **state)
{
	struct lede_err err = {0};

	(void)state;
	assert_null(cache_open("/proc/self/no/such/dir", &err));
	assert_int_equal(err.code, LEDE_ECACHE);
	assert_non_null(strstr(err.msg, "/proc/self/no"));
}

static void
test_damage_found_later(void **state)
{
	struct fx *f = *state;
	struct lede_err err = {0};
	struct cache_page p;
	char url[64], body[3000], path[512], aside[600];
	struct stat sb;
	FILE *fp;
	long i, bad = -1;
	int r;

	memset(body, 'b', sizeof(body) - 1);
	body[sizeof(body) - 1] = '\0';
	for (i = 0; i < 200; i++) {
		snprintf(url, sizeof(url), "http://d.test/%ld", i);
		put(f->c, url, body, i);
	}
	snprintf(path, sizeof(path), "%s", cache_file(f->c));
	cache_close(f->c);	/* the last close folds the WAL in */
	f->c = NULL;
	/* Junk over the middle half of the file: the header and schema
	 * survive, so opening works and the damage shows on reading. */
	assert_int_equal(stat(path, &sb), 0);
	fp = fopen(path, "r+b");
	assert_non_null(fp);
	assert_int_equal(fseek(fp, sb.st_size / 4, SEEK_SET), 0);
	for (i = 0; i < sb.st_size / 2; i++)
		fputc('J', fp);
	fclose(fp);

	f->c = cache_open(f->dir, &err);
	assert_non_null(f->c);
	for (i = 0; i < 200 && bad < 0; i++) {
		snprintf(url, sizeof(url), "http://d.test/%ld", i);
		r = cache_get(f->c, url, &p, &err);
		if (r == 1)
			cache_page_release(&p);
		else
			bad = i;
	}
	assert_true(bad >= 0);
	assert_int_equal(err.code, LEDE_ECACHE);
	assert_non_null(strstr(err.msg, "is damaged"));
	cache_close(f->c);
	f->c = cache_open(f->dir, &err);
	assert_non_null(f->c);
	assert_int_equal(count_aside(f->dir, aside, sizeof(aside)), 1);
	assert_int_equal(page_count(f->c), 0);
}

/* Damage in the search index alone: the pages, articles and history go
 * into a new file, the titles searchable again; the damaged file is kept
 * aside. */
static void
test_index_damage_salvaged(void **state)
{
	struct fx *f = *state;
	struct lede_err err = {0};
	struct cache_entry *e;
	char path[512], aside[600];
	sqlite3 *db;
	size_t n;

	put(f->c, "http://s.test/a", "<p>the page</p>", 100);
	record(f->c, "http://s.test/a", "Harbour lamps restored",
	    "The lamps on the quay were lit again.", 100);
	snprintf(path, sizeof(path), "%s", cache_file(f->c));
	cache_close(f->c);
	f->c = NULL;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE articles_fts_data SET "
	    "block = X'ffffffffffffffffffffffffffffffffffffffff' WHERE id > 1",
	    NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);

	f->c = cache_open(f->dir, &err);
	assert_non_null(f->c);
	assert_int_equal(cache_search(f->c, "lamps", 0, &e, &n, &err), -1);
	if (strstr(err.msg, "is damaged") == NULL)
		fail_msg("not taken for damage: %s", err.msg);
	cache_close(f->c);
	f->c = cache_open(f->dir, &err);
	assert_non_null(f->c);
	assert_int_equal(count_aside(f->dir, aside, sizeof(aside)), 1);
	assert_int_equal(page_count(f->c), 1);
	assert_int_equal(cache_search(f->c, "harbour", 0, &e, &n, &err), 0);
	assert_int_equal(n, 1);
	cache_entries_free(e, n);
	assert_int_equal(cache_list(f->c, 0, &e, &n, &err), 0);
	assert_int_equal(n, 1);
	cache_entries_free(e, n);
}

/* A local file's base URL keeps '#', '?', '%' and space in the path
 * (percent-encoded), and a file:// URL is read as the path it names. */
static void
test_file_url(void **state)
{
	struct fx *f = *state;
	struct source_opts o = {0};
	struct source s, s2;
	struct lede_err err = {0};
	char dir[512], path[600], *tail;
	FILE *fp;

	o.no_cache = 1;
	snprintf(dir, sizeof(dir), "%s/a #?%%b c", f->dir);
	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(path, sizeof(path), "%s/p.html", dir);
	assert_non_null(fp = fopen(path, "w"));
	fputs("<p>hello</p>", fp);
	fclose(fp);
	assert_int_equal(source_load(path, &o, &s, &err), 0);
	assert_non_null(s.url);
	assert_int_equal(strncmp(s.url, "file:///", 8), 0);
	tail = strstr(s.url, "/sub/dir/");
	assert_non_null(tail);
	assert_string_equal(tail, "/sub/dir/a%20%23%3F%25b%20c/p.html");
	/* The URL (with a fragment) reads the same file back. */
	snprintf(path, sizeof(path), "%s#top", s.url);
	assert_int_equal(source_load(path, &o, &s2, &err), 0);
	assert_int_equal(s2.bytes.len, 12);
	assert_memory_equal(s2.bytes.data, "<p>hello</p>", 12);
	assert_string_equal(s2.url, s.url);
	source_release(&s2);
	source_release(&s);
	assert_int_equal(source_load("file://elsewhere/etc/passwd", &o, &s,
	    &err), -1);
	assert_non_null(strstr(err.msg, "not a local file"));
	assert_int_equal(source_load("file:///tmp/a%00b", &o, &s, &err), -1);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_open_schema),
		T(test_reopen_keeps_data),
		T(test_put_get_touch),
		T(test_binary_body_and_final_url),
		T(test_history_and_list),
		T(test_search),
		T(test_prune),
		cmocka_unit_test(test_parse_prune),
		T(test_file_url),
		T(test_corrupt_moved_aside),
		T(test_foreign_moved_aside),
		T(test_newer_schema_refused),
		T(test_damage_found_later),
		T(test_index_damage_salvaged),
		T(test_two_writers),
		T(test_sigkill_keeps_commits),
		cmocka_unit_test(test_default_dir),
		cmocka_unit_test(test_unusable_dir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
