/*
 * render_widths.c - the width property over real pages: every page named
 * on the command line goes through the pipeline once, then is rendered at
 * every width from 1 to 200 (screen look at odd widths, plain-text look at
 * even ones).  No line may be wider than the width, end in a space, hold
 * a control character, or disagree with its own width field.  Prints the
 * first problems and exits 1; run by tests/render_widths.sh.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "input.h"
#include "render.h"
#include "uwidth.h"

#define MAX_WIDTH 200

static int problems;

static void
bad(const char *path, int w, size_t i, const struct line *l, const char *why)
{
	if (++problems <= 20)
		fprintf(stderr, "%s: width %d, line %zu (%d columns): %s: "
		    "'%.200s'\n", path, w, i + 1, l->width, why, l->text);
}

static void
check(const char *path, const struct lines *ls, int w)
{
	size_t i, j, k;
	int32_t cp;

	for (i = 0; i < ls->n; i++) {
		const struct line *l = &ls->v[i];
		int ascii = 1, cols;

		/* Printable ASCII is one column a byte; the rest is measured
		 * by u8_width, grapheme cluster by cluster. */
		for (j = 0; j < l->len && ascii; j++)
			if ((unsigned char)l->text[j] < 0x20 ||
			    (unsigned char)l->text[j] >= 0x7f)
				ascii = 0;
		cols = ascii ? (int)l->len : u8_width(l->text, l->len);
		if (cols != l->width)
			bad(path, w, i, l, "width field is wrong");
		if (l->width > w)
			bad(path, w, i, l, "wider than the width");
		if (l->len > 0 && (l->text[l->len - 1] == ' ' ||
		    l->text[l->len - 1] == '\t'))
			bad(path, w, i, l, "trailing space");
		for (j = 0; j < l->len; j += k) {
			k = u8_decode(l->text + j, l->len - j, &cp);
			if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ||
			    (cp >= 0x202a && cp <= 0x202e) ||
			    (cp >= 0x2066 && cp <= 0x2069)) {
				bad(path, w, i, l, "control character");
				break;
			}
		}
	}
}

int
main(int argc, char **argv)
{
	struct article_opts ao = {0};
	struct render_opts o;
	int a, w, pages = 0;
	long nlines = 0;

	ao.url = "https://example.test/page.html";
	for (a = 1; a < argc; a++) {
		struct lede_err err = {0};
		struct buf b;
		struct doc *d;

		if (input_read(argv[a], &b, INPUT_MAX, &err) == -1) {
			fprintf(stderr, "%s\n", err.msg);
			return 1;
		}
		d = article_from_bytes(b.data, b.len, &ao, &err);
		buf_release(&b);
		if (d == NULL)
			continue;	/* not an article: nothing to render */
		pages++;
		for (w = 1; w <= MAX_WIDTH; w++) {
			struct lines *ls;

			render_opts_default(&o);
			o.width = w;
			o.plain = w % 2 == 0;
			if ((ls = render_doc(d, &o, &err)) == NULL) {
				fprintf(stderr, "%s: width %d: %s\n", argv[a],
				    w, err.msg);
				problems++;
				continue;
			}
			check(argv[a], ls, w);
			nlines += (long)ls->n;
			lines_free(ls);
		}
		doc_free(d);
	}
	printf("%d pages, widths 1..%d, %ld lines, %d problems\n", pages,
	    MAX_WIDTH, nlines, problems);
	return problems ? 1 : 0;
}
