/*
 * test_nfc.c - text enters the document in Unicode NFC (src/nfc.c,
 * src/doc.c, src/article.c): decomposed pages read like composed ones,
 * text NFC keeps is left alone, URLs keep their code points, and
 * composing never changes a page's markup.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <utf8proc.h>

#include "nfc.h"
#include "test_helpers.h"

#define S(s) (s), strlen(s)

static void
test_needed(void **state)
{
	(void)state;
	assert_false(
	    nfc_needed(S("plain ascii, and more of it than 16 bytes")));
	assert_false(nfc_needed(S("Müller, café, Øre, ĳ"))); /* below U+0300 */
	assert_false(nfc_needed(S("한국어 기사 본문입니다"))); /* syllables */
	assert_false(nfc_needed(S("日本語の記事と中文新闻")));
	assert_false(nfc_needed(S("Tiếng Việt có dấu"))); /* precomposed */
	assert_true(nfc_needed(S("Mu\xcc\x88ller")));     /* u + U+0308 */
	assert_true(nfc_needed(S("\xe0\xa7\x9f")));       /* U+09DF */
	assert_true(nfc_needed(S("\xe2\x84\xab")));       /* U+212B */
	assert_true(nfc_needed(S("\xe1\x84\x92\xe1\x85\xa1"))); /* jamo */
	assert_true(
	    nfc_needed(S("\xe3\x81\x8b\xe3\x82\x99"))); /* ka + U+3099 */
	assert_false(nfc_needed(S("\xff\xfe not utf-8 \xcc")));
	assert_true(nfc_needed(S("\xff\xfe not utf-8, then a\xcc\x81")));
}

static void
test_dup(void **state)
{
	size_t n = 0;
	char *c;

	(void)state;
	c = nfc_dup(S("Mu\xcc\x88ller und Ka\xcc\x88se"), &n);
	assert_string_equal(c, "Müller und Käse");
	assert_int_equal(n, strlen("Müller und Käse"));
	free(c);
	/* a composition exclusion comes out decomposed, as NFC wants */
	c = nfc_dup(S("\xe0\xa7\x9f"), &n);
	assert_string_equal(c, "\xe0\xa6\xaf\xe0\xa6\xbc");
	free(c);
	c = nfc_dup(S("\xe1\x84\x92\xe1\x85\xa1"), &n);
	assert_string_equal(c, "하");
	free(c);
}

/* nfc_dup() composes only around what may change: on random mixes of
 * bases, marks, jamo, exclusions and starters that compose with the one
 * before (Kannada U+0CC6 U+0CD5), it gives what utf8proc's whole-string
 * NFC gives. */
static void
test_same_as_utf8proc(void **state)
{
	static const char *const al[] = {"a", "e", "o", "A", " ", "x",
	    "\xcc\x81", "\xcc\x88", "\xcc\xa3", "\xcc\x80", "\xcd\x85",
	    "\xcd\x82", "\xcc\x86", "\xe1\x84\x92", "\xe1\x85\xa1",
	    "\xe1\x86\xab", "\xe0\xa7\x9f", "\xe2\x84\xab", "\xe0\xa6\xaf",
	    "\xe0\xa6\xbc", "\xc3\xa9", "\xe1\xba\xa1", "\xe3\x81\x8b",
	    "\xe3\x82\x99", "\xce\xb1", "\xe0\xbd\xb3", "\xe0\xb3\x86",
	    "\xe0\xb3\x95", "\xd0\xb8", "\xea\xb0\x80"};
	const size_t na = sizeof(al) / sizeof(al[0]);
	unsigned long r = 1;
	int it, j, len;

	(void)state;
	for (it = 0; it < 20000; it++) {
		char s[400];
		utf8proc_uint8_t *full = NULL;
		utf8proc_ssize_t k;
		size_t n = 0, m = 0;
		char *c;

		r = r * 6364136223846793005UL + 1442695040888963407UL;
		len = (int)(r >> 59); /* 0..31 */
		for (j = 0; j < len; j++) {
			const char *p;

			r = r * 6364136223846793005UL + 1442695040888963407UL;
			p = al[(r >> 33) % na];
			memcpy(s + n, p, strlen(p));
			n += strlen(p);
		}
		s[n] = '\0';
		k = utf8proc_map((const utf8proc_uint8_t *)s,
		    (utf8proc_ssize_t)n, &full,
		    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		assert_true(k >= 0);
		c = nfc_dup(s, n, &m);
		assert_non_null(c);
		assert_int_equal(m, (size_t)k);
		assert_memory_equal(c, full, m);
		free(c);
		free(full);
	}
}

/* The doc's setters compose text, not URLs. */
static void
test_doc(void **state)
{
	struct doc *d = doc_new();
	struct doc_block *b;

	(void)state;
	assert_non_null(d);
	doc_set(d, DOC_TITLE, "Ka\xcc\x88se", "test");
	assert_string_equal(doc_get(d, DOC_TITLE), "Käse");
	doc_set(d, DOC_URL, "https://example.org/Ka\xcc\x88se", "test");
	assert_string_equal(
	    doc_get(d, DOC_URL), "https://example.org/Ka\xcc\x88se");
	b = para(d->body, "Mu\xcc\x88ller sagt");
	assert_string_equal(b->in.text, "Müller sagt");
	doc_free(d);
}

/* A decomposed page: its headline is the title (not repeated in the
 * body), and its text is composed. */
static void
test_page(void **state)
{
	const char *page =
	    "<html><head><title>Ka\xcc\x88se aus Tirol - Town "
	    "Post</title><meta property=\"og:title\" content=\"Ka\xcc\x88se "
	    "aus Tirol\"></head><body><article><h1>Ka\xcc\x88se aus "
	    "Tirol</h1><p>Die Ka\xcc\x88serei am Berg macht seit hundert "
	    "Jahren Ka\xcc\x88se, sagt der Wirt, und die Leute kommen von "
	    "weit her, um ihn zu kaufen.</p>" PROSE(
	        "Tirol") "</article></body></html>";
	struct doc *d = parse(page, "https://townpost.example/k");
	char *t = doc_body_text(d);

	(void)state;
	assert_string_equal(doc_get(d, DOC_TITLE), "Käse aus Tirol");
	assert_non_null(strstr(t, "Die Käserei am Berg"));
	assert_null(strstr(t, "Käse aus Tirol"));
	assert_null(strstr(t, "\xcc\x88"));
	free(t);
	doc_free(d);
}

/* The tree is composed after parsing, so composing never changes the
 * page's markup or its URLs: a mark after ">", a K-sign after "<" and a
 * Greek question mark after "&lt" stay text. */
static void
test_markup_kept(void **state)
{
	const char *page =
	    "<html><head><title>Markup</title></head><body><article>"
	    "<p>\xcc\x81\xcc\xb8Hello world, the first paragraph of the "
	    "page, long enough to be read as prose by any reader.</p>"
	    "<p>a <\xe2\x84\xaa and then some text > b, and x &lt\xcd\xbe y, "
	    "in the second paragraph, which goes on for a while.</p>"
	    "<p>See the <a href=\"/cafe\xcc\x81\">Cafe\xcc\x81 page</a> for "
	    "more, the third paragraph says, at the end.</p>" PROSE(
	        "Markup") "</article></body></html>";
	struct doc *d = parse(page, "https://example.org/m");
	char *t = doc_body_text(d);
	size_t i;
	int seen = 0;

	(void)state;
	assert_non_null(strstr(t, "Hello world, the first paragraph"));
	assert_non_null(strstr(t, "a <K and then some text > b"));
	assert_non_null(strstr(t, "x &lt; y"));
	assert_non_null(strstr(t, "Café page"));
	for (i = 0; i < d->nlinks; i++)
		if (strcmp(d->links[i].url,
		        "https://example.org/cafe\xcc\x81") == 0)
			seen = 1;
	assert_true(seen);
	free(t);
	doc_free(d);
}

/* Bytes that are not UTF-8 do not stop composing what follows them. */
static void
test_invalid_kept(void **state)
{
	size_t n = 0;
	char *c;

	(void)state;
	assert_true(nfc_needed(S("\xff bad, then Mu\xcc\x88ller")));
	c = nfc_dup(S("\xff bad, then Mu\xcc\x88ller"), &n);
	assert_non_null(c);
	assert_string_equal(c, "\xff bad, then Müller");
	free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_needed),
	    cmocka_unit_test(test_dup),
	    cmocka_unit_test(test_same_as_utf8proc),
	    cmocka_unit_test(test_doc),
	    cmocka_unit_test(test_markup_kept),
	    cmocka_unit_test(test_invalid_kept),
	    cmocka_unit_test(test_page),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
