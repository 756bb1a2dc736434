/*
 * test_arena.c - the parsed page's arena (src/html_arena.c): every tree
 * html_parse() makes is given back whole by html_free(), libxml2 still
 * works with malloc outside an arena, blocks that grow keep their bytes,
 * and pages open together are freed in either order.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <libxml/xmlmemory.h>

#include "buf.h"
#include "html.h"
#include "html_arena.h"
#include "test_helpers.h"

static htmlDocPtr
parse_str(const char *s)
{
	struct lede_err err = {0};
	htmlDocPtr d = html_parse(s, strlen(s), &err);

	assert_non_null(d);
	return d;
}

static void
test_freed_whole(void **state)
{
	htmlDocPtr d;
	char *t;

	(void)state;
	assert_int_equal(html_arena_bytes(), 0);
	d = parse_str("<html><body><p>one <b>two</b></p></body></html>");
	assert_true(html_arena_bytes() > 0);
	t = html_text_dup(xmlDocGetRootElement(d));
	assert_string_equal(t, "one two");
	free(t);
	/* libxml2 frees nodes inside the arena: nothing to give back yet */
	html_remove(html_first_el(xmlDocGetRootElement(d)));
	html_free(d);
	assert_int_equal(html_arena_bytes(), 0);
}

static void
test_malloc_outside(void **state)
{
	const char *s = "<p>plain libxml2</p>";
	htmlDocPtr d;

	xmlFreeFunc f;
	xmlMallocFunc m;
	xmlReallocFunc r;
	xmlStrdupFunc sd;

	(void)state;
	html_free(parse_str("<p>first</p>"));
	/* After the last arena, libxml2 allocates and frees with its own
	   functions again. */
	assert_int_equal(xmlMemGet(&f, &m, &r, &sd), 0);
	assert_ptr_equal(f, free);
	assert_ptr_equal(m, malloc);
	assert_ptr_equal(r, realloc);
	d = htmlReadMemory(s, (int)strlen(s), NULL, "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	assert_non_null(d);
	assert_int_equal(html_arena_bytes(), 0);
	xmlFreeDoc(d);
}

/* A text node of megabytes is built by growing one block: its bytes
   survive every move, and a block larger than a chunk gets its own. */
static void
test_growing_blocks(void **state)
{
	struct buf b;
	htmlDocPtr d;
	xmlNode *p;
	size_t i, n = 0;
	char *t;

	(void)state;
	buf_init(&b, (size_t)8 << 20);
	buf_append(&b, "<p title=\"", 10);
	for (i = 0; i < 300000; i++)
		buf_putc(&b, 'a');
	buf_append(&b, "\">", 2);
	for (i = 0; i < 200000; i++)
		buf_append(&b, "word&amp;s ", 11);
	buf_append(&b, "end</p>", 7);
	d = parse_str(b.data);
	t = html_text_dup(xmlDocGetRootElement(d));
	assert_non_null(t);
	assert_int_equal(strlen(t), 200000 * 7 + 3);
	assert_memory_equal(t, "word&s word&s ", 14);
	assert_string_equal(t + strlen(t) - 10, "word&s end");
	free(t);
	p = html_first_el(html_first_el(xmlDocGetRootElement(d)));
	assert_string_equal(html_name(p), "p");
	for (t = (char *)html_attr(p, "title"); t && *t; t++)
		n += *t == 'a';
	assert_int_equal(n, 300000);
	html_free(d);
	buf_release(&b);
	assert_int_equal(html_arena_bytes(), 0);
}

static void
test_two_pages_any_order(void **state)
{
	htmlDocPtr a, b;

	(void)state;
	a = parse_str("<p>page a</p>");
	b = parse_str("<p>page b</p>");
	html_free(a);
	assert_true(html_arena_bytes() > 0);
	html_free(b);
	assert_int_equal(html_arena_bytes(), 0);
	a = parse_str("<p>page a</p>");
	b = parse_str("<p>page b</p>");
	html_free(b);
	html_free(a);
	assert_int_equal(html_arena_bytes(), 0);
}

/* A page libxml2 cannot make a tree of gives its arena back too. */
static void
test_failed_parse(void **state)
{
	struct lede_err err = {0};

	(void)state;
	assert_null(html_parse("", 0, &err));
	assert_int_equal(html_arena_bytes(), 0);
}

/* The whole pipeline, twice over, leaves no arena behind. */
static void
test_pipeline(void **state)
{
	struct doc *d;

	(void)state;
	d = parse("<html><head><title>T</title></head><body><article>" PROSE(
	              "Arena") "</article></body></html>",
	    "https://example.org/a");
	assert_int_equal(html_arena_bytes(), 0);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_freed_whole),
	    cmocka_unit_test(test_malloc_outside),
	    cmocka_unit_test(test_growing_blocks),
	    cmocka_unit_test(test_two_pages_any_order),
	    cmocka_unit_test(test_failed_parse),
	    cmocka_unit_test(test_pipeline),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
