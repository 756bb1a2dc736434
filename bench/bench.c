/*
 * bench.c - timing and output for `make bench` (bench/run.sh).  Reads a
 * manifest of pages (path, name, URL per line, tab-separated), and for
 * each page measures the bare libxml2 parse of the page's UTF-8 (the
 * floor) and the whole pipeline (read, decode, parse, extract, render at
 * 80 columns), alternating the two, best of REPS each; then
 * writes OUTDIR/<name>.txt (the body text) and OUTDIR/<name>.json (what
 * `lede --json` prints).  Prints medians and peak memory.  Not a test.
 */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <libxml/HTMLparser.h>

#include "article.h"
#include "buf.h"
#include "charset.h"
#include "input.h"
#include "json_out.h"
#include "render.h"

#define REPS 3

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
median(double *v, size_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof(*v), cmp_d);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void
write_file(const char *dir, const char *name, const char *ext, const char *s)
{
	char path[4096];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s%s", dir, name, ext);
	if ((fp = fopen(path, "w")) == NULL)
		return;
	fputs(s ? s : "", fp);
	fclose(fp);
}

/* The full pipeline once; keep the doc when out is not NULL. */
static double
pipeline(const char *path, const char *url, struct doc **out)
{
	struct lede_err err = {0};
	struct article_opts ao = {0};
	struct render_opts ro;
	struct lines *l;
	struct buf b;
	struct doc *d;
	double t0 = now_ms(), t;

	buf_init(&b, INPUT_MAX);
	if (input_read(path, &b, INPUT_MAX, &err) == -1)
		return -1;
	ao.url = url;
	d = article_from_bytes(b.data, b.len, &ao, &err);
	buf_release(&b);
	if (d) {
		render_opts_default(&ro);
		ro.width = 80;
		if ((l = render_doc(d, &ro, &err)) != NULL)
			lines_free(l);
	}
	t = now_ms() - t0;
	if (out)
		*out = d;
	else
		doc_free(d);
	return t;
}

/* The floor: libxml2 alone parsing the UTF-8 the pipeline parses, with
 * the options and encoding html_parse() (src/parse_html.c) gives it.  The
 * bytes are read and decoded beforehand, untimed: reading and decoding are
 * the pipeline's work, charged to it.  libxml2 allocates with malloc here,
 * as it does by itself: lede's arena (html_arena.c) hooks libxml2's
 * allocator only while the pipeline holds a page. */
static double
bare_parse(const char *utf8, size_t n)
{
	htmlDocPtr h;
	double t0 = now_ms();

	h = htmlReadMemory(utf8, (int)n, NULL, "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	        HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE);
	xmlFreeDoc(h);
	return now_ms() - t0;
}

/* The page as the pipeline's parser sees it, or NULL. */
static char *
decoded(const char *path, size_t *n)
{
	struct lede_err err = {0};
	struct charset_result cr;
	struct buf b;

	buf_init(&b, INPUT_MAX);
	if (input_read(path, &b, INPUT_MAX, &err) == -1)
		return NULL;
	if (b.len == 0 ||
	    charset_decode(b.data, b.len, NULL, NULL, &cr, &err) == -1) {
		buf_release(&b);
		return NULL;
	}
	buf_release(&b);
	*n = cr.len;
	return cr.utf8;
}

int
main(int argc, char **argv)
{
	FILE *mf;
	char line[8192];
	double *tp = NULL, *tb = NULL;
	size_t n = 0, cap = 0;
	struct rusage ru;
	int reps = REPS;

	if (argc < 3) {
		fprintf(stderr, "usage: bench MANIFEST OUTDIR [REPS]\n");
		return 2;
	}
	if (argc > 3)
		reps = atoi(argv[3]) > 0 ? atoi(argv[3]) : 1;
	/* Freed memory stays in the process: otherwise glibc gives the top
	   of the heap back after a parse and the next one faults it in
	   again, or not, by the heap's layout, and either median moves by
	   a third from run to run. */
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	mallopt(M_MMAP_THRESHOLD, 64 << 20);
	if ((mf = fopen(argv[1], "r")) == NULL) {
		perror(argv[1]);
		return 1;
	}
	while (fgets(line, sizeof(line), mf)) {
		char *path = strtok(line, "\t\n"), *name = strtok(NULL, "\t\n");
		char *url = strtok(NULL, "\t\n");
		struct doc *d = NULL;
		double bp = 1e30, pp = 1e30, t;
		int r;
		char *utf8;
		size_t ulen = 0;

		if (path == NULL || name == NULL)
			continue;
		/* A page that does not decode still gets its outputs (the
		 * scorers count it) but no timing. */
		utf8 = decoded(path, &ulen);
		for (r = 0; r < reps; r++) {
			if (utf8 && (t = bare_parse(utf8, ulen)) < bp)
				bp = t;
			if ((t = pipeline(path, url, r == 0 ? &d : NULL)) >=
			        0 &&
			    t < pp)
				pp = t;
		}
		if (d) {
			struct lede_err err = {0};
			char *txt = doc_body_text(d),
			     *js = json_out_doc(d, &err);

			write_file(argv[2], name, ".txt", txt);
			write_file(argv[2], name, ".json", js);
			free(txt);
			free(js);
			doc_free(d);
		}
		if (utf8 == NULL)
			continue;
		free(utf8);
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			tp = realloc(tp, sizeof(*tp) * cap);
			tb = realloc(tb, sizeof(*tb) * cap);
			if (tp == NULL || tb == NULL)
				return 1;
		}
		tp[n] = pp;
		tb[n] = bp;
		n++;
	}
	fclose(mf);
	{
		double mp, mb, *ratio = malloc(sizeof(double) * (n ? n : 1));
		size_t i;

		for (i = 0; i < n; i++)
			ratio[i] = tb[i] > 0 ? tp[i] / tb[i] : 0;
		mp = median(tp, n);
		mb = median(tb, n);
		getrusage(RUSAGE_SELF, &ru);
		printf("pages %zu  pipeline median %.2f ms  bare parse median "
		       "%.2f ms  ratio %.2fx  (per-page ratio median %.2fx)  "
		       "peak rss %ld MiB\n",
		    n, mp, mb, mb > 0 ? mp / mb : 0, median(ratio, n),
		    ru.ru_maxrss / 1024);
		free(ratio);
	}
	free(tp);
	free(tb);
	return 0;
}
