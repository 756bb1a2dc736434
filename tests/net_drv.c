/*
 * net_drv.c - a driver for the net area's tests and benchmark, linked to
 * the core library only (no article pipeline, no curses):
 *
 *   net_drv fetch URL [-t MS] [-m BYTES] [-c MS] [-e ETAG] [-a] [-W]
 *	fetch with the job API (stepped from a select loop); -c cancels
 *	after MS; -W waits with fetch_job_wait() on stdin too and cancels
 *	when input arrives (the reader's Esc); prints status, final URL,
 *	type, etag, length and the body's first line
 *   net_drv load URL|FILE [-d DIR] [-o] [-n] [-r] [-t MS]
 *	source_load: prints from_cache, url, type, length; warnings on stderr
 *   net_drv record DIR URL TITLE SITE TEXT
 *	add an article to the history and the index
 *   net_drv fill DIR N	build a cache of N articles (benchmark)
 *   net_drv word RANK	the benchmark vocabulary's word of that rank
 *   net_drv bench DIR WORDS	time listing and searching (benchmark)
 *
 * Errors: one line on stderr, exit 1; a cancel exits 3.
 */
#include <sys/select.h>
#include <sys/time.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"
#include "fetch.h"
#include "source.h"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
first_line(const struct buf *b)
{
	size_t i;

	for (i = 0; i < b->len && i < 200 && b->data[i] != '\n'; i++)
		putchar(b->data[i] >= 0x20 ? b->data[i] : '?');
	putchar('\n');
}

static int
do_fetch(int argc, char **argv)
{
	struct fetch_opts o;
	struct fetch_result r;
	struct lede_err err = {0};
	struct fetch_job *j;
	long cancel_ms = -1;
	double t0;
	int c, on_key = 0, ready;

	fetch_opts_default(&o);
	while ((c = getopt(argc, argv, "t:m:c:e:l:aW")) != -1) {
		switch (c) {
		case 't': o.timeout_ms = atol(optarg); break;
		case 'm': o.max_bytes = (size_t)atol(optarg); break;
		case 'c': cancel_ms = atol(optarg); break;
		case 'e': o.etag = optarg; break;
		case 'l': o.last_modified = optarg; break;
		case 'a': o.any_type = 1; break;
		case 'W': on_key = 1; break;
		default: return 2;
		}
	}
	if (optind >= argc)
		return 2;
	if ((j = fetch_job_start(argv[optind], &o, &err)) == NULL) {
		fprintf(stderr, "net_drv: %s\n", err.msg);
		return 1;
	}
	t0 = now_ms();
	/* -W: the reader's way, waiting on the transfer and on stdin (the
	 * keyboard); input on stdin cancels, like Esc. */
	while (on_key && !fetch_job_step(j)) {
		long long got, total;

		if (fetch_job_wait(j, STDIN_FILENO, 100, &ready) == -1)
			break;
		if (ready) {
			fetch_job_progress(j, &got, &total);
			fetch_job_cancel(j);
			printf("cancelled by input after %lld of %lld bytes\n",
			    got, total);
			return 3;
		}
	}
	while (!fetch_job_step(j)) {
		fd_set rd, wr, ex;
		struct timeval tv;
		long t = 1000;
		int maxfd = -1;

		if (cancel_ms >= 0 && now_ms() - t0 >= cancel_ms) {
			long long got, total;

			fetch_job_progress(j, &got, &total);
			fetch_job_cancel(j);
			printf("cancelled after %lld bytes\n", got);
			return 3;
		}
		FD_ZERO(&rd);
		FD_ZERO(&wr);
		FD_ZERO(&ex);
		if (fetch_job_fdset(j, &rd, &wr, &ex, &maxfd, &t) == -1)
			break;
		if (t < 0 || t > 50)
			t = 50;
		tv.tv_sec = 0;
		tv.tv_usec = t * 1000;
		select(maxfd + 1, &rd, &wr, &ex, &tv);
	}
	if (fetch_job_finish(j, &r, &err) == -1) {
		fprintf(stderr, "net_drv: %s\n", err.msg);
		return 1;
	}
	printf("status %ld\nfinal %s\ntype %s\netag %s\nlength %zu\n",
	    r.status, r.final_url, r.content_type ? r.content_type : "-",
	    r.etag ? r.etag : "-", r.body.len);
	first_line(&r.body);
	fetch_result_release(&r);
	return 0;
}

static int
do_load(int argc, char **argv)
{
	struct source_opts o = {0};
	struct lede_err err = {0};
	struct source s;
	int c;

	while ((c = getopt(argc, argv, "d:onrt:")) != -1) {
		switch (c) {
		case 'r': o.revalidate = 1; break;
		case 'd': o.cache_dir = optarg; break;
		case 'o': o.offline = 1; break;
		case 'n': o.no_cache = 1; break;
		case 't': o.timeout_ms = atol(optarg); break;
		default: return 2;
		}
	}
	if (optind >= argc)
		return 2;
	if (source_load(argv[optind], &o, &s, &err) == -1) {
		fprintf(stderr, "net_drv: %s\n", err.msg);
		return 1;
	}
	if (s.warning)
		fprintf(stderr, "net_drv: %s\n", s.warning);
	printf("from_cache %d\nurl %s\ntype %s\nlength %zu\n", s.from_cache,
	    s.url ? s.url : "-", s.content_type ? s.content_type : "-",
	    s.bytes.len);
	first_line(&s.bytes);
	source_release(&s);
	return 0;
}

static int
do_record(char **argv)
{
	struct lede_err err = {0};
	struct cache_article a = {0};
	struct cache *c;
	int rc;

	if ((c = cache_open(argv[0], &err)) == NULL) {
		fprintf(stderr, "net_drv: %s\n", err.msg);
		return 1;
	}
	a.url = argv[1];
	a.title = argv[2];
	a.site = argv[3];
	a.text = argv[4];
	rc = cache_record(c, &a, time(NULL), &err);
	if (rc == -1)
		fprintf(stderr, "net_drv: %s\n", err.msg);
	cache_close(c);
	return rc == -1;
}

/* Synthetic articles: words of a made-up vocabulary drawn with a
 * Zipf-like law (rank k has odds ~1/k), like words in real text, so that a
 * common word matches most articles and a rare one a few. */
#define VOCAB 20000

static void
vocab_word(long rank, char *w, size_t max)
{
	static const char *const syl[] = {
		"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "de", "po",
		"ga", "hu", "ze", "ri", "an", "el", "or", "us", "ba", "fe",
	};
	size_t k = 0;
	long r = rank;

	do {
		if (k + 3 >= max)
			break;
		memcpy(w + k, syl[r % 20], 2);
		k += 2;
		r /= 20;
	} while (r > 0);
	if (k + 2 < max)
		w[k++] = 'n';	/* no word is a prefix of another */
	w[k] = '\0';
}

static long
zipf_rank(unsigned *seed)
{
	double u;

	*seed = *seed * 1103515245u + 12345u;
	u = ((*seed >> 8) & 0xffff) / 65536.0;
	return (long)pow(VOCAB, u) - 1;
}

static int
do_fill(const char *dir, long n)
{
	struct lede_err err = {0};
	struct cache_article a = {0};
	struct cache_page p = {0};
	struct cache *c;
	char url[128], title[256], text[8192], w[32];
	unsigned seed = 7;
	long i;
	int k;
	size_t len;

	if ((c = cache_open(dir, &err)) == NULL) {
		fprintf(stderr, "net_drv: %s\n", err.msg);
		return 1;
	}
	for (i = 0; i < n; i++) {
		snprintf(url, sizeof(url), "https://news.example/%ld", i);
		len = 0;
		for (k = 0; k < 700 && len + 40 < sizeof(text); k++) {
			vocab_word(zipf_rank(&seed), w, sizeof(w));
			len += (size_t)snprintf(text + len, sizeof(text) - len,
			    "%s ", w);
		}
		vocab_word(zipf_rank(&seed), w, sizeof(w));
		snprintf(title, sizeof(title), "Story %ld about %s", i, w);
		p.url = url;
		p.final_url = url;
		p.content_type = "text/html; charset=utf-8";
		p.status = 200;
		p.fetched = time(NULL) - (n - i);
		buf_init(&p.body, 0);
		buf_printf(&p.body, "<html><title>%s</title><p>%s</p></html>",
		    title, text);
		a.url = url;
		a.title = title;
		a.site = "Example News";
		a.published = "2026-11-26";
		a.text = text;
		if (cache_put(c, &p, &err) == -1 ||
		    cache_record(c, &a, p.fetched, &err) == -1) {
			fprintf(stderr, "net_drv: %s\n", err.msg);
			buf_release(&p.body);
			cache_close(c);
			return 1;
		}
		buf_release(&p.body);
	}
	cache_close(c);
	return 0;
}

static int
do_bench(const char *dir, const char *words)
{
	struct lede_err err = {0};
	struct cache_entry *e;
	struct cache *c;
	size_t n;
	double t0, t1, t2, t3;

	t0 = now_ms();
	if ((c = cache_open(dir, &err)) == NULL) {
		fprintf(stderr, "net_drv: %s\n", err.msg);
		return 1;
	}
	t1 = now_ms();
	if (cache_list(c, 0, &e, &n, &err) == -1) {
		fprintf(stderr, "net_drv: %s\n", err.msg);
		return 1;
	}
	t2 = now_ms();
	printf("open: %.1f ms\nlist: %zu pages in %.1f ms\n", t1 - t0, n,
	    t2 - t1);
	cache_entries_free(e, n);
	if (cache_history_list(c, 0, &e, &n, &err) == -1) {
		fprintf(stderr, "net_drv: %s\n", err.msg);
		return 1;
	}
	t3 = now_ms();
	printf("history: %zu articles in %.1f ms\n", n, t3 - t2);
	cache_entries_free(e, n);
	t2 = now_ms();
	if (cache_search(c, words, 0, &e, &n, &err) == -1) {
		fprintf(stderr, "net_drv: %s\n", err.msg);
		return 1;
	}
	t3 = now_ms();
	printf("search '%s' (best %d): %zu matches in %.1f ms\n", words,
	    CACHE_SEARCH_MAX, n, t3 - t2);
	cache_entries_free(e, n);
	t2 = now_ms();
	if (cache_search(c, words, 50, &e, &n, &err) == -1) {
		fprintf(stderr, "net_drv: %s\n", err.msg);
		return 1;
	}
	t3 = now_ms();
	printf("search '%s' (best 50): %zu matches in %.1f ms\n", words, n,
	    t3 - t2);
	cache_entries_free(e, n);
	cache_close(c);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc >= 3 && strcmp(argv[1], "fetch") == 0)
		return do_fetch(argc - 1, argv + 1);
	if (argc >= 3 && strcmp(argv[1], "load") == 0)
		return do_load(argc - 1, argv + 1);
	if (argc == 7 && strcmp(argv[1], "record") == 0)
		return do_record(argv + 2);
	if (argc == 4 && strcmp(argv[1], "fill") == 0)
		return do_fill(argv[2], atol(argv[3]));
	if (argc == 3 && strcmp(argv[1], "word") == 0) {
		char w[32];

		vocab_word(atol(argv[2]), w, sizeof(w));
		puts(w);
		return 0;
	}
	if (argc == 4 && strcmp(argv[1], "bench") == 0)
		return do_bench(argv[2], argv[3]);
	fprintf(stderr, "usage: net_drv fetch|load|record|fill|bench ...\n");
	return 2;
}
