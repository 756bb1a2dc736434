/*
 * test_export_lines.c - export_lines() on documents built by hand and
 * rendered for the screen: a selection that starts and ends inside
 * paragraphs gives exactly those lines' words; quotes, list items,
 * captions and links come out as export writes them; CJK lines rejoin
 * without the spaces the page did not have, Korean keeps the ones it had.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "doc.h"
#include "dump.h"
#include "export_lines.h"
#include "render.h"
#include "test_helpers.h"

static const char P1[] = "The twelve cast-iron lamps that line the north "
    "quay of Port Elm were lit on Saturday evening for the first time "
    "since 1984, after a restoration paid for by the harbour trust.";
static const char P2[] = "Crowds gathered along the sea wall well before "
    "sunset, and a brass band played as the switch was thrown.";
static const char ZH[] = "港口的十二盏铸铁灯在周六晚上"
    "自一九八四年以来首次点亮，"
    "修复费用由港口信托和村民募捐支付，"
    "募得一万一千多英镑。";
static const char KO[] = "북한과 러시아가 위험한 관계에서 "
    "얼마나 멀리 갈지는 예측하기 어렵다. "
    "양국 합의의 세부 사항과 중국의 대응이 변수다.";



static struct doc *
sample(void)
{
	struct doc *d = doc_new();
	struct doc_block *q, *l, *it, *f;

	assert_non_null(d);
	doc_set(d, DOC_TITLE, "Harbour lights", NULL);
	doc_set(d, DOC_BYLINE, "Mara Quill", NULL);
	doc_set(d, DOC_URL, "https://example.com/a", NULL);
	doc_link_add(d, "Early link", "https://example.com/early", LINK_INLINE,
	    NULL);
	link_para(d, d->body, "Read the ", "early story", "https://example.com/e",
	    " first.");
	para(d->body, P1);
	link_para(d, d->body, "A band from the ", "Port Elm Silver Band",
	    "https://example.com/band", " played as the switch was thrown.");
	para(d->body, P2);
	q = doc_block_add(d->body, DOC_QUOTE);
	para(q, "The harbour has been a dark place at night for too long.");
	para(q, "These lamps were made to guide people home again.");
	l = doc_block_add(d->body, DOC_LIST);
	l->ordered = 1;
	l->start = 1;
	it = doc_block_add(l, DOC_ITEM);
	para(it, "First item of the list.");
	it = doc_block_add(l, DOC_ITEM);
	para(it, "Second item, a little longer than the first one.");
	it = doc_block_add(l, DOC_ITEM);
	para(it, "Third item.");
	f = doc_block_add(d->body, DOC_FIGURE);
	doc_block_setstr(&f->src, "https://example.com/lamp.jpg");
	doc_block_setstr(&f->alt, "A lamp");
	doc_block_setstr(&f->caption, "The restored lamps along the quay.");
	doc_block_setstr(&f->credit, "Ian Vell");
	para(d->body, ZH);
	para(d->body, KO);
	return d;
}

static struct lines *
screen(const struct doc *d, int width)
{
	struct render_opts o;
	struct lede_err err = {0};
	struct lines *l;

	render_opts_default(&o);
	o.width = width;
	l = render_doc(d, &o, &err);
	assert_non_null(l);
	return l;
}

/* The first line holding s at or after line from. */
static size_t
find(const struct lines *l, const char *s, size_t from)
{
	size_t i;

	for (i = from; i < l->n; i++)
		if (strstr(l->v[i].text, s) != NULL)
			return i;
	fail_msg("no line with '%s'", s);
	return 0;
}

static char *
export(const struct doc *d, const struct lines *l, size_t f, size_t t,
    int width, int header)
{
	struct dump_opts o;
	struct lede_err err = {0};
	struct buf b;

	dump_opts_default(&o);
	o.width = width > 0 ? width : 80;
	o.wrap = width > 0;
	o.header = header;
	buf_init(&b, 0);
	assert_int_equal(export_lines(&b, d, l, f, t, &o, &err), 0);
	if (b.data == NULL)
		buf_puts(&b, "");
	return buf_steal(&b);
}

/* From the second line of a paragraph to the first line of the next,
 * which ends inside a link: those words only, the link renumbered. */
static void
test_mid_paragraph(void **state)
{
	struct doc *d = sample();
	struct lines *l = screen(d, 30);
	size_t a = find(l, "The twelve", 0), b, i;
	char want[2048] = "", *got;

	(void)state;
	b = find(l, "A band", a);
	assert_string_equal(l->v[b].text, "A band from the Port Elm");
	for (i = a + 1; l->v[i].block == l->v[a].block; i++) {
		if (i > a + 1)
			strcat(want, " ");
		strcat(want, l->v[i].text);
	}
	assert_true(i > a + 2);
	/* The selection ends inside the link: its number ends the text. */
	strcat(want, "\n\nA band from the Port Elm[1]\n\nLinks\n\n"
	    "[1] Port Elm Silver Band\n    https://example.com/band\n");
	got = export(d, l, a + 1, b, 0, 0);
	assert_string_equal(got, want);
	assert_null(strstr(got, "The twelve"));
	assert_null(strstr(got, "played"));
	free(got);
	lines_free(l);
	doc_free(d);
}

/* Starts and ends inside one paragraph, wrapped at the export width. */
static void
test_inside_one(void **state)
{
	struct doc *d = sample();
	struct lines *l = screen(d, 24);
	size_t a = find(l, "The twelve", 0) + 1;
	char want[1024], *got;

	(void)state;
	got = export(d, l, a, a + 2, 0, 1);
	snprintf(want, sizeof(want), "Harbour lights\nMara Quill\n"
	    "https://example.com/a\n\n%s %s %s\n", l->v[a].text,
	    l->v[a + 1].text, l->v[a + 2].text);
	assert_string_equal(got, want);
	free(got);
	/* Wrapped at 20: no line wider, the same words. */
	got = export(d, l, a, a + 2, 20, 0);
	{
		char *p, *nl;
		char joined[1024] = "";

		for (p = got; *p; p = nl + 1) {
			nl = strchr(p, '\n');
			assert_non_null(nl);
			assert_true(nl - p <= 20);
			if (joined[0])
				strcat(joined, " ");
			strncat(joined, p, (size_t)(nl - p));
		}
		snprintf(want, sizeof(want), "%s %s %s", l->v[a].text,
		    l->v[a + 1].text, l->v[a + 2].text);
		assert_string_equal(joined, want);
	}
	free(got);
	lines_free(l);
	doc_free(d);
}

/* A quote (both paragraphs) and a list; the list from its second item. */
static void
test_quote_list(void **state)
{
	struct doc *d = sample();
	struct lines *l = screen(d, 40);
	size_t a = find(l, "The harbour has", 0), b, c;
	char *got;

	(void)state;
	b = find(l, "Second item", a);
	c = find(l, "Third item", b);
	got = export(d, l, a, c, 0, 0);
	assert_string_equal(got,
	    "> The harbour has been a dark place at night for too long.\n"
	    ">\n"
	    "> These lamps were made to guide people home again.\n\n"
	    "1. First item of the list.\n"
	    "2. Second item, a little longer than the first one.\n"
	    "3. Third item.\n");
	free(got);
	/* Entered at its second item, the list counts from 2. */
	got = export(d, l, b, c, 0, 0);
	assert_string_equal(got,
	    "2. Second item, a little longer than the first one.\n"
	    "3. Third item.\n");
	free(got);
	/* From the second line of the quote: its screen bar is gone. */
	got = export(d, l, a + 1, a + 1, 0, 0);
	assert_true(strncmp(got, "> ", 2) == 0);
	assert_null(strstr(got, "\xe2\x94\x82"));
	assert_null(strstr(got, "The harbour"));
	free(got);
	/* Only the second line of item 2: no number, still in a list. */
	got = export(d, l, b + 1, b + 1, 0, 0);
	assert_null(strstr(got, "Second"));
	assert_non_null(strstr(got, "first one."));
	free(got);
	lines_free(l);
	doc_free(d);
}

/* An item's second paragraph selected alone: no marker of its own (it
 * is not a new item), but still indented in its list. */
static void
test_item_second_paragraph(void **state)
{
	struct doc *d = doc_new();
	struct doc_block *ls, *it;
	struct lines *l;
	size_t a, b;
	char *got;

	(void)state;
	ls = doc_block_add(d->body, DOC_LIST);
	ls->ordered = 1;
	ls->start = 1;
	it = doc_block_add(ls, DOC_ITEM);
	para(it, "First paragraph of the first item.");
	para(it, "Second paragraph of the first item.");
	it = doc_block_add(ls, DOC_ITEM);
	para(it, "The second item.");
	l = screen(d, 80);
	a = find(l, "Second paragraph", 0);
	b = find(l, "The second item", a);
	got = export(d, l, a, a, 0, 0);
	assert_string_equal(got, "   Second paragraph of the first item.\n");
	free(got);
	got = export(d, l, a, b, 0, 0);
	assert_string_equal(got, "   Second paragraph of the first item.\n"
	    "2. The second item.\n");
	free(got);
	/* From the item's first paragraph, its number as always. */
	got = export(d, l, a - 1, a, 0, 0);
	assert_string_equal(got, "1. First paragraph of the first item.\n"
	    "   Second paragraph of the first item.\n");
	free(got);
	lines_free(l);
	doc_free(d);
}

static void
table_row(struct doc_block *table, const char *a, const char *b, int th)
{
	struct doc_block *row = doc_block_add(table, DOC_ROW), *cell;

	cell = doc_block_add(row, DOC_CELL);
	cell->header = th;
	assert_true(doc_inline_append(&cell->in, a, strlen(a)) >= 0);
	cell = doc_block_add(row, DOC_CELL);
	cell->header = th;
	assert_true(doc_inline_append(&cell->in, b, strlen(b)) >= 0);
}

/* Lines of a table: the rows they show, not the whole table. */
static void
test_table_rows(void **state)
{
	struct doc *d = doc_new();
	struct doc_block *tb;
	struct lines *l;
	size_t a, b;
	char *got;

	(void)state;
	para(d->body, "Before the table.");
	tb = doc_block_add(d->body, DOC_TABLE);
	table_row(tb, "Year", "Lamps lit", 1);
	table_row(tb, "1984", "0", 0);
	table_row(tb, "2023", "4", 0);
	table_row(tb, "2024", "12", 0);
	para(d->body, "After the table.");
	l = screen(d, 80);
	a = find(l, "2023", 0);
	b = find(l, "2024", a);
	got = export(d, l, a, b, 0, 0);
	assert_string_equal(got, "2023 | 4\n2024 | 12\n");
	free(got);
	/* From the text before it into its header row. */
	a = find(l, "Before", 0);
	b = find(l, "Year", a);
	got = export(d, l, a, b, 0, 0);
	assert_string_equal(got, "Before the table.\n\nYear | Lamps lit\n");
	free(got);
	/* The rule under the header alone says nothing. */
	got = export(d, l, b + 1, b + 1, 0, 0);
	assert_string_equal(got, "");
	free(got);
	lines_free(l);
	doc_free(d);
}

static void
test_caption(void **state)
{
	struct doc *d = sample();
	struct lines *l = screen(d, 80);
	size_t a = find(l, "[image]", 0), b;
	char *got;

	(void)state;
	b = find(l, "Ian Vell", a);
	got = export(d, l, a, b, 0, 0);
	assert_string_equal(got,
	    "[Photo: The restored lamps along the quay. (Ian Vell)]\n");
	free(got);
	lines_free(l);
	doc_free(d);
}

/* CJK lines broken between characters rejoin with no space; Korean keeps
 * the spaces between its words, and only those. */
static void
test_cjk(void **state)
{
	struct doc *d = sample();
	struct lines *l = screen(d, 20);
	size_t a = find(l, "港口的", 0), b, k, k2;
	char want[1024], *got;

	(void)state;
	for (b = a; l->v[b + 1].block == l->v[a].block; b++)
		;
	assert_true(b > a + 2);	/* the test means something: it wrapped */
	got = export(d, l, a, b, 0, 0);
	snprintf(want, sizeof(want), "%s\n", ZH);
	assert_string_equal(got, want);
	free(got);
	k = find(l, "북한과", b);
	for (k2 = k; l->v[k2 + 1].block == l->v[k].block; k2++)
		;
	assert_true(k2 > k + 2);
	got = export(d, l, k, k2, 0, 0);
	snprintf(want, sizeof(want), "%s\n", KO);
	assert_string_equal(got, want);
	free(got);
	lines_free(l);
	doc_free(d);
}

/* Header lines alone give the header; the link list adds nothing. */
static void
test_header_only(void **state)
{
	struct doc *d = sample();
	struct lines *l = screen(d, 80);
	char *got;

	(void)state;
	got = export(d, l, 0, 1, 0, 1);
	assert_string_equal(got,
	    "Harbour lights\nMara Quill\nhttps://example.com/a\n");
	free(got);
	got = export(d, l, l->n - 2, l->n - 1, 0, 0);
	assert_string_equal(got, "");
	free(got);
	lines_free(l);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mid_paragraph),
		cmocka_unit_test(test_inside_one),
		cmocka_unit_test(test_quote_list),
		cmocka_unit_test(test_item_second_paragraph),
		cmocka_unit_test(test_table_rows),
		cmocka_unit_test(test_caption),
		cmocka_unit_test(test_cjk),
		cmocka_unit_test(test_header_only),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
