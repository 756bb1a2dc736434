/*
 * cache_cmd.c - print the cache for the command line: the pages newest
 * first, search results best first, and what a prune removed.  Every
 * string from the database goes through sanitize_text() before output,
 * then termout for the locale's charset.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cache.h"
#include "cache_cmd.h"
#include "sanitize.h"
#include "termout.h"

static struct cache *
open_cache(const struct source_opts *o)
{
	struct lede_err err = {0};
	struct cache *c;

	if ((c = cache_open(o->cache_dir, &err)) == NULL) {
		fprintf(stderr, "lede: %s\n", err.msg);
		return NULL;
	}
	if (cache_notice(c) != NULL)
		fprintf(stderr, "lede: %s\n", cache_notice(c));
	return c;
}

static void
put_clean(FILE *fp, const char *s)
{
	char *t = sanitize_text(s, strlen(s), 0, NULL);

	/* In the locale's charset (termout), like --dump. */
	termout_fputs(t ? t : "?", fp);
	free(t);
}

/* DATE  TITLE - SITE  URL, then an indented snippet when there is one. */
static void
print_entry(FILE *fp, const struct cache_entry *e)
{
	char when[32];
	struct tm tm;

	localtime_r(&e->when, &tm);
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M", &tm);
	fprintf(fp, "%s  ", when);
	put_clean(fp, e->title ? e->title : "(untitled)");
	if (e->site != NULL) {
		put_clean(fp, " \xe2\x80\x94 ");
		put_clean(fp, e->site);
	}
	fputs("  ", fp);
	put_clean(fp, e->url);
	fputc('\n', fp);
	if (e->snippet != NULL && *e->snippet != '\0') {
		fputs("    ", fp);
		put_clean(fp, e->snippet);
		fputc('\n', fp);
	}
}

static int
finish(int rc)
{
	if (fflush(stdout) == EOF) {
		fprintf(stderr, "lede: cannot write output: %s\n",
		    strerror(errno));
		return 1;
	}
	return rc;
}

int
cache_cmd_list(const struct source_opts *o)
{
	struct lede_err err = {0};
	struct cache_entry *e;
	struct cache *c;
	size_t i, n;

	if ((c = open_cache(o)) == NULL)
		return 1;
	if (cache_list(c, 0, &e, &n, &err) == -1) {
		fprintf(stderr, "lede: %s\n", err.msg);
		cache_close(c);
		return 1;
	}
	for (i = 0; i < n; i++)
		print_entry(stdout, &e[i]);
	cache_entries_free(e, n);
	cache_close(c);
	return finish(0);
}

int
cache_cmd_search(const struct source_opts *o, const char *words)
{
	struct lede_err err = {0};
	struct cache_entry *e;
	struct cache *c;
	size_t i, n;

	if ((c = open_cache(o)) == NULL)
		return 1;
	if (cache_search(c, words, 200, &e, &n, &err) == -1) {
		fprintf(stderr, "lede: %s\n", err.msg);
		cache_close(c);
		return err.code == LEDE_EUSAGE ? 2 : 1;
	}
	cache_close(c);
	if (n == 0) {
		fprintf(stderr, "lede: no cached article matches '");
		put_clean(stderr, words);
		fprintf(stderr, "'\n");
		return 1;
	}
	for (i = 0; i < n; i++)
		print_entry(stdout, &e[i]);
	cache_entries_free(e, n);
	return finish(0);
}

int
cache_cmd_prune(const struct source_opts *o, const char *spec)
{
	struct lede_err err = {0};
	struct cache_prune_stats st;
	long long bytes;
	time_t age;
	struct cache *c;

	if (cache_parse_prune(spec, &age, &bytes, &err) == -1) {
		fprintf(stderr, "lede: %s\nTry 'lede --help'.\n", err.msg);
		return 2;
	}
	if ((c = open_cache(o)) == NULL)
		return 1;
	if (cache_prune(c, age, bytes, &st, &err) == -1) {
		fprintf(stderr, "lede: %s\n", err.msg);
		cache_close(c);
		return 1;
	}
	cache_close(c);
	printf("removed %lld page%s (%.1f MiB), kept %lld (%.1f MiB)\n",
	    st.pages, st.pages == 1 ? "" : "s", st.bytes / 1048576.0,
	    st.kept_pages, st.kept_bytes / 1048576.0);
	return finish(0);
}
