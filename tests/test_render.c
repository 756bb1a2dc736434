/*
 * test_render.c - render, dump/export and --json on documents built by
 * hand through the doc.h API: wrapping by display width, prefixes, roles,
 * link numbers, figures, lists, tables, ranges, the plain-text export
 * format and the JSON keys.
 */
#include <sys/resource.h>
#include <sys/wait.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <json.h>

#include "buf.h"
#include "doc.h"
#include "dump.h"
#include "json_out.h"
#include "render.h"
#include "uwidth.h"
#include "test_helpers.h"



static struct lines *
render(const struct doc *d, int width, int plain, int header)
{
	struct render_opts o;
	struct lede_err err = {0};
	struct lines *l;

	render_opts_default(&o);
	o.width = width;
	o.plain = plain;
	o.header = header;
	l = render_doc(d, &o, &err);
	assert_non_null(l);
	return l;
}

static char *
export(const struct doc *d, int width, int wrap, int header, int links,
    int first, int last)
{
	struct dump_opts o;
	struct lede_err err = {0};
	struct buf b;

	dump_opts_default(&o);
	o.width = width;
	o.wrap = wrap;
	o.header = header;
	o.links = links;
	o.first_block = first;
	o.last_block = last;
	buf_init(&b, 0);
	assert_int_equal(export_doc(&b, d, &o, &err), 0);
	return buf_steal(&b);
}

/* The whole article with the related stories (lede --dump --related). */
static char *
export_related(const struct doc *d)
{
	struct dump_opts o;
	struct lede_err err = {0};
	struct buf b;

	dump_opts_default(&o);
	o.wrap = 1;
	o.header = 0;
	o.related = 1;
	buf_init(&b, 0);
	assert_int_equal(export_doc(&b, d, &o, &err), 0);
	return buf_steal(&b);
}

/* Every line fits, has no trailing space and its runs cover it. */
static void
check_lines(const struct lines *l, int width)
{
	size_t i, r, at;

	for (i = 0; i < l->n; i++) {
		const struct line *ln = &l->v[i];

		assert_int_equal(strlen(ln->text), ln->len);
		assert_int_equal(u8_width(ln->text, ln->len), ln->width);
		if (ln->width > width)
			fail_msg("line %zu '%s' is %d columns wide, over %d",
			    i, ln->text, ln->width, width);
		assert_true(ln->len == 0 || ln->text[ln->len - 1] != ' ');
		for (r = 0, at = 0; r < ln->nruns; r++) {
			assert_int_equal(ln->runs[r].off, at);
			at += ln->runs[r].len;
		}
		assert_int_equal(at, ln->len);
	}
}

static enum role
role_at(const struct line *ln, const char *needle)
{
	const char *p = strstr(ln->text, needle);
	size_t off, r;

	assert_non_null(p);
	off = (size_t)(p - ln->text);
	for (r = 0; r < ln->nruns; r++)
		if (off >= ln->runs[r].off &&
		    off < ln->runs[r].off + ln->runs[r].len)
			return ln->runs[r].role;
	fail_msg("no run at '%s'", needle);
	return ROLE_BODY;
}

static void
test_wrap_words(void **state)
{
	struct doc *d = doc_new();
	struct lines *l;

	(void)state;
	para(d->body, "the quick brown fox jumps over the lazy dog");
	l = render(d, 15, 0, 1);
	check_lines(l, 15);
	assert_int_equal(l->n, 3);
	assert_string_equal(l->v[0].text, "the quick brown");
	assert_string_equal(l->v[1].text, "fox jumps over");
	assert_string_equal(l->v[2].text, "the lazy dog");
	assert_true(l->v[0].flags & LINE_BLOCK_START);
	assert_false(l->v[1].flags & LINE_BLOCK_START);
	assert_int_equal(l->v[2].block, 0);
	lines_free(l);
	doc_free(d);
}

static void
test_wrap_cjk(void **state)
{
	struct doc *d = doc_new();
	struct lines *l;

	(void)state;
	/* Ten Hangul syllables (20 columns), no spaces: breaks between
	 * clusters at width 7 -> 3 per line (6 columns). */
	para(d->body, "가나다라마바사아자차");
	l = render(d, 7, 0, 1);
	check_lines(l, 7);
	assert_int_equal(l->n, 4);
	assert_string_equal(l->v[0].text, "가나다");
	assert_int_equal(l->v[0].width, 6);
	assert_string_equal(l->v[3].text, "차");
	lines_free(l);
	/* Korean with spaces breaks at the spaces (keep-all). */
	doc_free(d);
	d = doc_new();
	doc_set(d, DOC_LANG, "ko", "test");
	para(d->body, "북한과 러시아의 정상회담");
	l = render(d, 15, 0, 1);
	check_lines(l, 15);
	assert_string_equal(l->v[0].text, "북한과 러시아의");
	assert_string_equal(l->v[1].text, "정상회담");
	lines_free(l);
	doc_free(d);
}

static void
test_long_word(void **state)
{
	struct doc *d = doc_new();
	struct lines *l;

	(void)state;
	para(d->body, "see https://example.com/a/very/long/path/name here");
	l = render(d, 10, 0, 1);
	check_lines(l, 10);
	assert_string_equal(l->v[0].text, "see");
	/* UAX #14 lets a URL break after "//"; the rest breaks where it
	 * must, between characters. */
	assert_string_equal(l->v[1].text, "https://");
	assert_string_equal(l->v[2].text, "example.co");
	lines_free(l);
	doc_free(d);
}

static void
test_header(void **state)
{
	struct doc *d = doc_new();
	struct lines *l;

	(void)state;
	doc_set(d, DOC_TITLE, "A title", "test");
	doc_set(d, DOC_DECK, "The deck", "test");
	doc_set(d, DOC_BYLINE, "By Jung E-gil", "test");
	doc_set(d, DOC_SITE_NAME, "The Hankyoreh", "test");
	doc_set(d, DOC_PUBLISHED, "2023-09-15T15:36:00+09:00", "test");
	doc_set(d, DOC_MODIFIED, "2023-09-16", "test");
	doc_set(d, DOC_URL, "https://example.com/a", "test");
	para(d->body, "Body.");
	l = render(d, 80, 0, 1);
	check_lines(l, 80);
	assert_int_equal(l->n, 7);
	assert_string_equal(l->v[0].text, "A title");
	assert_int_equal(l->v[0].runs[0].role, ROLE_TITLE);
	assert_string_equal(l->v[1].text, "The deck");
	assert_string_equal(l->v[2].text, "By Jung E-gil · The Hankyoreh");
	assert_string_equal(l->v[3].text,
	    "Published: 2023-09-15 15:36 +09:00 · Modified: 2023-09-16");
	assert_int_equal(l->v[3].runs[0].role, ROLE_DATE);
	assert_string_equal(l->v[4].text, "https://example.com/a");
	assert_true(l->v[4].flags & LINE_HEADER);
	assert_true(l->v[5].flags & LINE_BLANK);
	assert_string_equal(l->v[6].text, "Body.");
	assert_false(l->v[6].flags & LINE_HEADER);
	lines_free(l);
	l = render(d, 80, 0, 0);
	assert_int_equal(l->n, 1);
	lines_free(l);
	/* The dates line breaks between the dates, not inside one. */
	l = render(d, 40, 0, 1);
	check_lines(l, 40);
	assert_string_equal(l->v[3].text, "Published: 2023-09-15 15:36 +09:00 ·");
	assert_string_equal(l->v[4].text, "Modified: 2023-09-16");
	lines_free(l);
	/* Modified at the very time of publication: one date. */
	doc_set(d, DOC_MODIFIED, "2023-09-15T15:36:00+09:00", "test");
	l = render(d, 80, 0, 1);
	assert_string_equal(l->v[3].text, "Published: 2023-09-15 15:36 +09:00");
	lines_free(l);
	doc_free(d);
	/* A deck that is the body's first paragraph cut short is said once,
	 * in the body. */
	d = doc_new();
	doc_set(d, DOC_DECK, "Rivers across the region rose to their hig...",
	    "test");
	para(d->body, "Rivers across the region rose to their highest level.");
	l = render(d, 80, 0, 1);
	assert_string_equal(l->v[0].text,
	    "Rivers across the region rose to their highest level.");
	lines_free(l);
	doc_set(d, DOC_DECK, "Rivers rose across the region", "test");
	l = render(d, 80, 0, 1);
	assert_string_equal(l->v[0].text, "Rivers rose across the region");
	assert_int_equal(l->v[0].runs[0].role, ROLE_DECK);
	lines_free(l);
	doc_free(d);
}

/* Header dates: a cut time ("15:36:", "15:36:5") is shown as it is and
 * is never read past its end (was a heap overflow). */
static void
test_header_dates(void **state)
{
	static const char *const in[][2] = {
		{"2023-09-15T15:36:", "2023-09-15T15:36:"},
		{"2023-09-15T15:36:5", "2023-09-15T15:36:5"},
		{"2023-09-15T15:36:05Z", "2023-09-15 15:36 UTC"},
		{"2023-09-15 15:36", "2023-09-15 15:36"},
		{"2023-09-15Tab:cd", "2023-09-15Tab:cd"},
	};
	char want[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
		struct doc *d = doc_new();
		struct lines *l;

		doc_set(d, DOC_PUBLISHED, in[i][0], "test");
		para(d->body, "Body.");
		l = render(d, 80, 0, 1);
		snprintf(want, sizeof(want), "Published: %s", in[i][1]);
		assert_string_equal(l->v[0].text, want);
		lines_free(l);
		doc_free(d);
	}
}

static struct doc *
quote_doc(void)
{
	struct doc *d = doc_new();
	struct doc_block *q, *q2;

	para(d->body, "Before.");
	q = doc_block_add(d->body, DOC_QUOTE);
	para(q, "First quoted paragraph.");
	para(q, "Second.");
	q2 = doc_block_add(q, DOC_QUOTE);
	para(q2, "Nested.");
	para(d->body, "After.");
	return d;
}

static void
test_quotes(void **state)
{
	struct doc *d = quote_doc();
	struct lines *l;
	char *s;

	(void)state;
	l = render(d, 40, 0, 1);
	check_lines(l, 40);
	assert_string_equal(l->v[2].text, "│ First quoted paragraph.");
	assert_int_equal(l->v[2].runs[0].role, ROLE_QUOTE_BAR);
	assert_int_equal(role_at(&l->v[2], "First"), ROLE_QUOTE1);
	assert_int_equal(l->v[2].quote_depth, 1);
	assert_int_equal(l->v[2].block, 1);
	assert_string_equal(l->v[3].text, "│");
	assert_string_equal(l->v[6].text, "│ │ Nested.");
	assert_int_equal(role_at(&l->v[6], "Nested"), ROLE_QUOTE2);
	assert_string_equal(l->v[7].text, "");
	assert_int_equal(l->v[7].block, -1);
	assert_string_equal(l->v[8].text, "After.");
	lines_free(l);
	s = export(d, 40, 1, 0, 1, 0, 0);
	assert_string_equal(s, "Before.\n\n> First quoted paragraph.\n>\n"
	    "> Second.\n>\n> > Nested.\n\nAfter.\n");
	free(s);
	/* Too narrow for the bars: they go, the text stays in the width. */
	l = render(d, 7, 0, 1);
	check_lines(l, 7);
	assert_string_equal(l->v[0].text, "Before.");
	assert_string_equal(l->v[2].text, "First");
	lines_free(l);
	doc_free(d);
}

static void
test_inline_quotes(void **state)
{
	struct doc *d = doc_new();
	struct lines *l;

	(void)state;
	para(d->body, "Kim said “we will go” and left. He said «non» then "
	    "「はい」 and \"yes\" and 5\" of rain.");
	l = render(d, 200, 0, 1);
	assert_int_equal(role_at(&l->v[0], "“we"), ROLE_INLINE_QUOTE);
	assert_int_equal(role_at(&l->v[0], "go”"), ROLE_INLINE_QUOTE);
	assert_int_equal(role_at(&l->v[0], "Kim"), ROLE_BODY);
	assert_int_equal(role_at(&l->v[0], "and left"), ROLE_BODY);
	assert_int_equal(role_at(&l->v[0], "non"), ROLE_INLINE_QUOTE);
	assert_int_equal(role_at(&l->v[0], "はい"), ROLE_INLINE_QUOTE);
	assert_int_equal(role_at(&l->v[0], "yes"), ROLE_INLINE_QUOTE);
	assert_int_equal(role_at(&l->v[0], "of rain"), ROLE_BODY);
	lines_free(l);
	doc_free(d);
}

static void
test_links(void **state)
{
	struct doc *d = doc_new();
	struct lines *l;
	char *s;

	(void)state;
	link_para(d, d->body, "Read ", "this story", "https://a.example/1",
	    " now.");
	link_para(d, d->body, "And ", "that one", "https://a.example/2", ".");
	link_para(d, d->body, "Again ", "this", "https://a.example/1", ".");
	doc_link_add(d, "Most read story", "https://a.example/r",
	    LINK_RELATED, "Most viewed");
	l = render(d, 80, 0, 0);
	check_lines(l, 80);
	assert_string_equal(l->v[0].text, "Read this story [1] now.");
	assert_int_equal(role_at(&l->v[0], "story"), ROLE_LINK);
	assert_int_equal(role_at(&l->v[0], "[1]"), ROLE_LINK_NUMBER);
	assert_int_equal(l->v[0].runs[1].link, 0);
	assert_string_equal(l->v[2].text, "And that one [2].");
	assert_string_equal(l->v[4].text, "Again this [1].");
	lines_free(l);
	/* Plain text: the number after the sentence, the linked words in
	 * the list; related stories only when asked for. */
	s = export(d, 80, 1, 0, 1, 0, 0);
	assert_string_equal(s, "Read this story now.[1]\n\n"
	    "And that one.[2]\n\nAgain this.[1]\n\nLinks\n\n"
	    "[1] this story\n    https://a.example/1\n"
	    "[2] that one\n    https://a.example/2\n");
	free(s);
	s = export_related(d);
	assert_string_equal(s, "Read this story now.[1]\n\n"
	    "And that one.[2]\n\nAgain this.[1]\n\nLinks\n\n"
	    "[1] this story\n    https://a.example/1\n"
	    "[2] that one\n    https://a.example/2\n\n"
	    "Related stories\n\nMost viewed\n[3] Most read story\n"
	    "    https://a.example/r\n");
	free(s);
	/* A range keeps its own links, numbered from 1; no related list. */
	s = export(d, 80, 1, 0, 1, 2, 2);
	assert_string_equal(s, "And that one.[1]\n\nLinks\n\n"
	    "[1] that one\n    https://a.example/2\n");
	free(s);
	s = export(d, 80, 1, 0, 0, 1, 1);
	assert_string_equal(s, "Read this story now.\n");
	free(s);
	/* A sentence that ends inside a link: the number follows the link. */
	link_para(d, d->body, "See ", "one. And two", "https://a.example/3",
	    " more. Last.");
	s = export(d, 80, 1, 0, 1, 4, 4);
	assert_string_equal(s, "See one. And two[1] more. Last.\n\nLinks\n\n"
	    "[1] one. And two\n    https://a.example/3\n");
	free(s);
	/* The number stays glued to the link text when wrapping. */
	l = render(d, 19, 0, 0);
	check_lines(l, 19);
	assert_string_equal(l->v[0].text, "Read this story [1]");
	lines_free(l);
	doc_free(d);
}

static void
test_figure(void **state)
{
	struct doc *d = doc_new();
	struct doc_block *f;
	struct lines *l;
	char *s;

	(void)state;
	f = doc_block_add(d->body, DOC_FIGURE);
	doc_block_setstr(&f->src, "https://a.example/i.jpg");
	doc_block_setstr(&f->alt, "Kim meets Putin.");
	doc_block_setstr(&f->caption, "Kim meets Putin. (KCTV/Yonhap)");
	doc_block_setstr(&f->credit, "KCTV/Yonhap");
	f = doc_block_add(d->body, DOC_FIGURE);
	doc_block_setstr(&f->alt, "A map");
	doc_block_setstr(&f->caption, "Where it happened");
	doc_block_setstr(&f->credit, "AP");
	l = render(d, 80, 0, 0);
	check_lines(l, 80);
	assert_string_equal(l->v[0].text, "[image]");
	assert_int_equal(l->v[0].runs[0].role, ROLE_IMAGE);
	assert_string_equal(l->v[1].text, "  Kim meets Putin. (KCTV/Yonhap)");
	assert_int_equal(role_at(&l->v[1], "Kim"), ROLE_CAPTION);
	assert_string_equal(l->v[3].text, "[image] A map");
	assert_string_equal(l->v[4].text, "  Where it happened");
	assert_string_equal(l->v[5].text, "  AP");
	assert_int_equal(role_at(&l->v[5], "AP"), ROLE_CREDIT);
	lines_free(l);
	f = doc_block_add(d->body, DOC_FIGURE);
	doc_block_setstr(&f->alt, "photo");
	s = export(d, 80, 1, 0, 1, 0, 0);
	/* The plain look: captions only, an image without one says nothing. */
	assert_string_equal(s, "[Photo: Kim meets Putin. (KCTV/Yonhap)]\n\n"
	    "[Photo: Where it happened (AP)]\n");
	free(s);
	l = render(d, 80, 0, 0);
	assert_string_equal(l->v[l->n - 1].text, "[image] photo");
	lines_free(l);
	doc_free(d);
}

static void
test_lists(void **state)
{
	struct doc *d = doc_new();
	struct doc_block *ls, *it, *in;
	struct lines *l;
	int i;
	char *s;

	(void)state;
	ls = doc_block_add(d->body, DOC_LIST);
	it = doc_block_add(ls, DOC_ITEM);
	para(it, "one two three four");
	in = doc_block_add(it, DOC_LIST);
	para(doc_block_add(in, DOC_ITEM), "inner");
	para(doc_block_add(ls, DOC_ITEM), "five");
	ls = doc_block_add(d->body, DOC_LIST);
	ls->ordered = 1;
	ls->start = 9;
	para(doc_block_add(ls, DOC_ITEM), "nine");
	para(doc_block_add(ls, DOC_ITEM), "ten and more words");
	l = render(d, 12, 0, 0);
	check_lines(l, 12);
	assert_string_equal(l->v[0].text, "• one two");
	assert_int_equal(l->v[0].runs[0].role, ROLE_LIST_MARKER);
	assert_string_equal(l->v[1].text, "  three four");
	assert_string_equal(l->v[2].text, "  ◦ inner");
	assert_string_equal(l->v[3].text, "• five");
	assert_string_equal(l->v[5].text, " 9. nine");
	assert_string_equal(l->v[6].text, "10. ten and");
	assert_string_equal(l->v[7].text, "    more");
	lines_free(l);
	s = export(d, 80, 0, 0, 1, 0, 0);
	assert_string_equal(s, "• one two three four\n  ◦ inner\n• five\n\n"
	    " 9. nine\n10. ten and more words\n");
	free(s);
	for (i = 1; i < 20; i++) {
		l = render(d, i, 0, 0);
		check_lines(l, i);
		lines_free(l);
	}
	doc_free(d);
}

static void
test_pre_and_table(void **state)
{
	struct doc *d = doc_new();
	struct doc_block *p, *t, *r, *c;
	struct lines *l;
	const char *cells[3][2] = {{"Name", "Score"}, {"Kim", "10"},
	    {"Somebody long", "7"}};
	int i, j;

	(void)state;
	p = doc_block_add(d->body, DOC_PRE);
	doc_inline_append(&p->in, "int x;\n  return 1234567890;", 27);
	t = doc_block_add(d->body, DOC_TABLE);
	for (i = 0; i < 3; i++) {
		r = doc_block_add(t, DOC_ROW);
		for (j = 0; j < 2; j++) {
			c = doc_block_add(r, DOC_CELL);
			c->header = i == 0;
			doc_inline_append(&c->in, cells[i][j],
			    strlen(cells[i][j]));
		}
	}
	l = render(d, 12, 1, 0);
	check_lines(l, 12);
	assert_string_equal(l->v[0].text, "int x;");
	assert_string_equal(l->v[1].text, "  return 123");
	assert_string_equal(l->v[2].text, "4567890;");
	assert_int_equal(l->v[1].runs[0].role, ROLE_PRE);
	lines_free(l);
	l = render(d, 40, 1, 0);
	check_lines(l, 40);
	assert_string_equal(l->v[3].text, "Name          | Score");
	assert_string_equal(l->v[4].text, "--------------+------");
	assert_string_equal(l->v[5].text, "Kim           | 10");
	assert_string_equal(l->v[6].text, "Somebody long | 7");
	lines_free(l);
	for (i = 1; i < 30; i++) {
		l = render(d, i, 0, 0);
		check_lines(l, i);
		lines_free(l);
	}
	doc_free(d);
}

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

/* One wide row and 100000 one-cell rows: cells are kept per row, so the
 * table does not reserve 64 cells for every row (was 512 MB).  The child
 * renders with its address space capped 192 MiB over what it uses now
 * (not under ASan, whose shadow memory needs the room). */
static void
test_table_ragged(void **state)
{
	struct doc *d = doc_new();
	struct doc_block *t, *r, *c;
	int i, status;
	pid_t pid;

	(void)state;
	t = doc_block_add(d->body, DOC_TABLE);
	r = doc_block_add(t, DOC_ROW);
	for (i = 0; i < 64; i++) {
		c = doc_block_add(r, DOC_CELL);
		doc_inline_append(&c->in, "c", 1);
	}
	for (i = 0; i < 100000; i++) {
		r = doc_block_add(t, DOC_ROW);
		c = doc_block_add(r, DOC_CELL);
		doc_inline_append(&c->in, i == 0 ? "first" : "r", i ? 1 : 5);
	}
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct render_opts o;
		struct lede_err err = {0};
		struct lines *l;
#ifndef UNDER_ASAN
		struct rlimit rl;
		unsigned long pages = 0;
		FILE *fp = fopen("/proc/self/statm", "r");

		if (fp != NULL && fscanf(fp, "%lu", &pages) == 1 &&
		    getrlimit(RLIMIT_AS, &rl) == 0) {
			rl.rlim_cur = (rlim_t)pages * (rlim_t)sysconf(
			    _SC_PAGESIZE) + ((rlim_t)192 << 20);
			setrlimit(RLIMIT_AS, &rl);
		}
		if (fp != NULL)
			fclose(fp);
#endif
		render_opts_default(&o);
		o.width = 400;
		l = render_doc(d, &o, &err);
		/* Row 0, then the first one-cell row (and empty cells). */
		_exit(l != NULL && l->n > 100000 &&
		    strncmp(l->v[1].text, "first ", 6) == 0 ? 0 : 1);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	doc_free(d);
}

static void
test_no_wrap_and_range(void **state)
{
	struct doc *d = doc_new();
	struct lines *l;
	char *s;

	(void)state;
	doc_set(d, DOC_TITLE, "T", "test");
	para(d->body, "a long first paragraph that would wrap at ten");
	para(d->body, "second");
	para(d->body, "third");
	s = export(d, 10, 0, 1, 1, 0, 0);
	assert_string_equal(s, "T\n\na long first paragraph that would wrap at "
	    "ten\n\nsecond\n\nthird\n");
	free(s);
	s = export(d, 10, 1, 0, 1, 2, 3);
	assert_string_equal(s, "second\n\nthird\n");
	free(s);
	l = render(d, 10, 0, 1);
	assert_int_equal(l->v[l->n - 1].block, 2);
	lines_free(l);
	doc_free(d);
}

/* Export of Korean text: wrapped by display width (two columns a
 * syllable) at spaces only, the link number glued to its word. */
static void
test_export_cjk(void **state)
{
	struct doc *d = doc_new();
	char *s;

	(void)state;
	doc_set(d, DOC_LANG, "ko", "t");
	doc_set(d, DOC_TITLE, "북-러 정상회담", "t");
	doc_set(d, DOC_URL, "https://ex.test/k", "t");
	link_para(d, d->body, "김정은 ", "위원장은", "https://k.kr/a",
	    " “양국 관계를 발전시키겠다”고 말했다.");
	s = export(d, 20, 1, 1, 1, 0, 0);
	assert_string_equal(s, "북-러 정상회담\nhttps://ex.test/k\n\n"
	    "김정은 위원장은\n“양국 관계를\n발전시키겠다”고\n말했다.[1]\n\n"
	    "Links\n\n[1] 위원장은\n    https://k.kr/a\n");
	free(s);
	doc_free(d);
}

/* Any width from 1 up: nothing overflows, whatever the content. */
static void
test_every_width(void **state)
{
	struct doc *d = quote_doc();
	struct doc_block *q, *f, *ls;
	struct lines *l;
	int w;

	(void)state;
	doc_set(d, DOC_TITLE, "한겨레 North Korean nuclear threat", "t");
	doc_set(d, DOC_PUBLISHED, "2023-09-15 15:36 KST", "t");
	link_para(d, d->body, "北朝鮮の核の脅威 ", "https://ex.example/"
	    "aaaaaaaaaaaaaaaaaaaaaaaaa", "https://ex.example/x", " 👍🏽 é");
	q = doc_block_add(d->body, DOC_QUOTE);
	q->pull = 1;
	para(q, "풀 인용문 pull quote text");
	f = doc_block_add(d->body, DOC_FIGURE);
	doc_block_setstr(&f->caption, "사진 설명 caption");
	ls = doc_block_add(d->body, DOC_LIST);
	para(doc_block_add(ls, DOC_ITEM), "항목 item");
	doc_link_add(d, "관련 기사", "https://ex.example/rel", LINK_RELATED,
	    NULL);
	for (w = 1; w <= 60; w++) {
		l = render(d, w, 0, 1);
		check_lines(l, w);
		lines_free(l);
		l = render(d, w, 1, 1);
		check_lines(l, w);
		lines_free(l);
	}
	doc_free(d);
}

static void
test_json(void **state)
{
	struct doc *d = doc_new();
	struct doc_block *f, *ls;
	struct lede_err err = {0};
	json_object *j, *v, *b;
	char *s;

	(void)state;
	doc_set(d, DOC_TITLE, "T", "og:title");
	doc_set(d, DOC_PUBLISHED, "2023-09-15 15:36 KST", "visible");
	doc_set(d, DOC_MODIFIED, "sometime", "visible");
	link_para(d, d->body, "x ", "y", "https://a.example/", " z");
	f = doc_block_add(d->body, DOC_FIGURE);
	doc_block_setstr(&f->src, "https://a.example/i.jpg");
	doc_block_setstr(&f->caption, "cap");
	ls = doc_block_add(d->body, DOC_LIST);
	para(doc_block_add(ls, DOC_ITEM), "item");
	s = json_out_doc(d, &err);
	assert_non_null(s);
	j = json_tokener_parse(s);
	assert_non_null(j);
	assert_true(json_object_object_get_ex(j, "title", &v));
	assert_string_equal(json_object_get_string(v), "T");
	assert_true(json_object_object_get_ex(j, "published", &v));
	assert_string_equal(json_object_get_string(v),
	    "2023-09-15T15:36:00+09:00");
	assert_true(json_object_object_get_ex(j, "modified", &v));
	assert_true(json_object_is_type(v, json_type_null));
	assert_true(json_object_object_get_ex(j, "byline", &v));
	assert_true(json_object_is_type(v, json_type_null));
	assert_true(json_object_object_get_ex(j, "sources", &v));
	assert_true(json_object_object_get_ex(v, "title", &v));
	assert_string_equal(json_object_get_string(v), "og:title");
	assert_true(json_object_object_get_ex(j, "text", &v));
	assert_string_equal(json_object_get_string(v), "x y z\n\nitem");
	assert_true(json_object_object_get_ex(j, "blocks", &v));
	assert_int_equal(json_object_array_length(v), 3);
	b = json_object_array_get_idx(v, 1);
	assert_true(json_object_object_get_ex(b, "type", &b));
	assert_string_equal(json_object_get_string(b), "figure");
	b = json_object_array_get_idx(v, 2);
	assert_true(json_object_object_get_ex(b, "items", &b));
	assert_string_equal(json_object_get_string(
	    json_object_array_get_idx(b, 0)), "item");
	assert_true(json_object_object_get_ex(j, "links", &v));
	v = json_object_array_get_idx(v, 0);
	assert_true(json_object_object_get_ex(v, "kind", &b));
	assert_string_equal(json_object_get_string(b), "inline");
	assert_true(json_object_object_get_ex(j, "images", &v));
	assert_int_equal(json_object_array_length(v), 1);
	json_object_put(j);
	free(s);
	doc_free(d);
}

static void
test_ansi(void **state)
{
	struct doc *d = doc_new();
	struct dump_opts o;
	struct lede_err err = {0};
	struct buf b;

	(void)state;
	doc_set(d, DOC_TITLE, "T", "t");
	para(d->body, "plain");
	dump_opts_default(&o);
	o.ansi = 1;
	buf_init(&b, 0);
	assert_int_equal(export_doc(&b, d, &o, &err), 0);
	/* title: yellow bold; body: default, so no escape at all. */
	assert_string_equal(b.data, "\033[33;1mT\033[0m\n\nplain\n");
	buf_release(&b);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wrap_words),
		cmocka_unit_test(test_wrap_cjk),
		cmocka_unit_test(test_long_word),
		cmocka_unit_test(test_header),
		cmocka_unit_test(test_header_dates),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_inline_quotes),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_figure),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_pre_and_table),
		cmocka_unit_test(test_table_ragged),
		cmocka_unit_test(test_no_wrap_and_range),
		cmocka_unit_test(test_export_cjk),
		cmocka_unit_test(test_every_width),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_ansi),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
