/*
 * test_fastpath.c - the fast paths of decoding, sanitizing, line breaking
 * and wrapping (word-at-a-time ASCII scans, memchr searches, ASCII
 * shortcuts before utf8proc and ICU) give what the per-character rules
 * give, at the edges where the fast path hands over: a bad byte after a
 * long ASCII run, a NUL, a sequence cut by the end, a C1 look-alike
 * before a real introducer, ASCII next to letters and combining marks.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "charset.h"
#include "doc.h"
#include "linebreak.h"
#include "render.h"
#include "sanitize.h"
#include "uwidth.h"

#define FFFD "\xef\xbf\xbd"

/* The page's head: past the first KiB, where a NUL means binary data. */
#define RUN 1100

static void
test_utf8_copy_edges(void **state)
{
	static const char tail[] = "\xff" "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
	    "\0\xc3\xa9\xed\xa0\x80z\xe2\x82";
	static const char want_tail[] = FFFD "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
	    FFFD "\xc3\xa9" FFFD FFFD FFFD "z" FFFD FFFD;
	char in[RUN + sizeof(tail)];
	struct charset_result r;
	struct lede_err err = {0};

	(void)state;
	memset(in, 'a', RUN);
	memcpy(in, "<p>", 3);
	memcpy(in + RUN, tail, sizeof(tail) - 1);
	assert_int_equal(charset_decode(in, sizeof(in) - 1, NULL,
	    "text/html; charset=utf-8", &r, &err), 0);
	assert_int_equal(r.len, RUN + strlen(want_tail));
	assert_memory_equal(r.utf8, in, RUN);
	assert_string_equal(r.utf8 + RUN, want_tail);
	/* \xff, NUL, the three bytes of a surrogate, the two of a cut
	 * sequence. */
	assert_int_equal(r.replaced, 7);
	assert_string_equal(r.name, "UTF-8");
	free(r.utf8);
}

static void
test_census_long_runs(void **state)
{
	char s[300];
	size_t valid, bad;

	(void)state;
	memset(s, 'a', sizeof(s));
	memcpy(s + 33, "\xc3\xa9", 2);		/* after four words */
	memcpy(s + 100, "\xe4\xb8\xad", 3);
	s[200] = (char)0x80;
	memcpy(s + 298, "\xe2\x82", 2);		/* cut by the end */
	charset_u8_census(s, sizeof(s), &valid, &bad);
	assert_int_equal(valid, 2);
	assert_int_equal(bad, 1);
}

static void
test_escapes_after_runs(void **state)
{
	char s[] = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\xc2\xa0"
	    "\xc2\x9b" "2Jyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\x1b[31mz"
	    "\xc2\x9d" "8;;u\xc2\x9c" "end\xc2\x90\x1b<p>";
	static const char want[] = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	    "\xc2\xa0yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyzend"
	    "\xc2\x90\x1b<p>"; /* cut short, and markup: left whole */
	size_t n;

	(void)state;
	n = sanitize_escapes(s, strlen(s));
	assert_int_equal(n, strlen(want));
	assert_memory_equal(s, want, n);
}

static void
test_sanitize_text_runs(void **state)
{
	static const char in[] = "abc\tdef\r\nghi\x1b[2Jjkl\xc2\x85mno"
	    "\xe2\x80\xaepq\xff";
	char *o;
	size_t n;

	(void)state;
	o = sanitize_text(in, strlen(in), 0, &n);
	assert_string_equal(o, "abc def ghijklmnopq" FFFD);
	assert_int_equal(n, strlen(o));
	free(o);
	assert_true(sanitize_is_clean("plain ascii text", 16, 0));
	assert_false(sanitize_is_clean("tab\there", 8, 0));
	assert_true(sanitize_is_clean("tab\there", 8, SANITIZE_KEEP_TAB));
}

static void
test_linebreak_hangul(void **state)
{
	/* "한국어 한국어": keep-all without a lang, from the text. */
	static const char ko[] = "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4 "
	    "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4";
	/* One Hangul letter in English text is not Korean text. */
	static const char en[] = "abcd\xed\x95\x9c efgh";
	unsigned char brk[64];

	(void)state;
	assert_int_equal(linebreak_find(ko, strlen(ko), NULL, brk), 0);
	assert_int_equal(brk[3], LB_NONE);
	assert_int_equal(brk[6], LB_NONE);
	assert_int_equal(brk[10], LB_ALLOW);
	assert_int_equal(linebreak_find(ko, strlen(ko), "root", brk), 0);
	assert_int_equal(brk[3], LB_ALLOW);
	assert_int_equal(linebreak_find("ab cd", 5, NULL, brk), 0);
	assert_int_equal(brk[3], LB_ALLOW);
	assert_int_equal(brk[1], LB_NONE);
	assert_int_equal(linebreak_find(en, strlen(en), NULL, brk), 0);
	assert_int_equal(brk[4], LB_ALLOW);
}

/* Latin text is broken by a table (linebreak_simple.c), not by ICU: the
 * two agree on random text from every class the table knows (ASCII, Latin
 * letters, the no-break space, typographic quotes, dashes and ellipsis),
 * on text shaped like prose, and on hand-picked cases of the rules ICU
 * words its own way (numbers, " .5", "-word" after a break). */
static void
check_simple_breaks(const char *s, size_t n)
{
	unsigned char a[2100], b[2100];
	size_t i;

	assert_true(n < sizeof(a));
	assert_int_equal(linebreak_find_icu(s, n, NULL, a), 0);
	assert_int_equal(linebreak_simple(s, n, b), 0);
	for (i = 0; i <= n; i++)
		if (a[i] != b[i])
			fail_msg("'%.*s' at %zu: icu %d, table %d", (int)n, s, i,
			    a[i], b[i]);
}

static void
test_linebreak_simple(void **state)
{
	static const char *const picked[] = {"$(9.5)%", "a-b -c --d", " .5 a",
	    "x ,9", "( .5", "(\" .5", "1/2 3:4 5,000.00", "[ :99", "\"(\"x",
	    "a\nb\n\n-c", "e.g. (see p. 3) 'q' \"r\" a|b", "9 %", "$ 9",
	    "http://a.b/c?d=1&e=2", "--x", "a--b", "!?-9", "}%", "x%", "",
	    "it\xe2\x80\x99s \xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x80\x94 "
	    "yes\xe2\x80\xa6 1\xe2\x80\x93" "2 caf\xc3\xa9\xc2\xa0\xc5\x93",
	    "\xe2\x80\x98 a \xe2\x80\x99 \xe2\x80\x9d\n",
	    "\xc2\xa0-a \n-a \xe2\x80\x94\xe2\x80\x94 x"};
	static const char *const units[] = {"a", "Z", "0", "9", " ", "\n",
	    "\"", "'", "!", "?", "(", "[", "{", "}", "]", ")", "<", "*", "#",
	    "&", "@", "^", "_", "~", "|", ",", ".", ":", ";", "/", "$", "+",
	    "\\", "%", "-", "\xc2\xa0", "\xc3\xa9", "\xc5\x93",
	    "\xe2\x80\x93", "\xe2\x80\x94", "\xe2\x80\x98",
	    "\xe2\x80\x99", "\xe2\x80\x9c", "\xe2\x80\x9d",
	    "\xe2\x80\xa6"};
	const size_t nu = sizeof(units) / sizeof(units[0]);
	char s[2048];
	unsigned seed = 12345;
	size_t i, k, n, m, l;

	(void)state;
	for (i = 0; i < sizeof(picked) / sizeof(picked[0]); i++)
		check_simple_breaks(picked[i], strlen(picked[i]));
	for (k = 0; k < 100000; k++) {
		seed = seed * 1103515245u + 12345u;
		m = 1 + (seed >> 8) % (k % 4 ? 12 : 80);
		for (i = n = 0; i < m; i++) {
			const char *u;

			seed = seed * 1103515245u + 12345u;
			/* Every fourth text leans to words and spaces. */
			if (k % 4 == 0 && (seed >> 8) % 3 == 0)
				u = (seed >> 12) % 2 ? "a" : " ";
			else
				u = units[(seed >> 8) % nu];
			l = strlen(u);
			memcpy(s + n, u, l);
			n += l;
		}
		check_simple_breaks(s, n);
	}
	/* Anything else is ICU's: other scripts, controls, symbols. */
	assert_int_equal(linebreak_simple("\xd0\x96", 2, (unsigned char *)s),
	    -1);
	assert_int_equal(linebreak_simple("a\tb", 3, (unsigned char *)s), -1);
	assert_int_equal(linebreak_simple("\xc3\x97", 2, (unsigned char *)s),
	    -1);
}

/* ASCII next to Cyrillic, Greek, box drawing and combining marks: each
 * line is as wide as its clusters say and no wider than the width. */
static void
test_wrap_scripts(void **state)
{
	static const char text[] =
	    "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 "
	    "\xd0\xbc\xd0\xb8\xd1\x80 e\xcc\x81 ab\xcc\x81" "c "
	    "\xce\xa9\xce\xbc\xce\xad\xce\xb3\xce\xb1 "
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80 x\xd2\x83y "
	    "\xd0\x99" "a\xd0\x99\xd0\xb8\xcc\x86 ok";
	struct render_opts o;
	struct lede_err err = {0};
	struct doc *d = doc_new();
	struct doc_block *b;
	struct lines *l;
	size_t i;
	int w;

	(void)state;
	assert_non_null(d);
	b = doc_block_add(d->body, DOC_PARAGRAPH);
	assert_non_null(b);
	assert_true(doc_inline_append(&b->in, text, strlen(text)) >= 0);
	for (w = 3; w <= 20; w++) {
		render_opts_default(&o);
		o.width = w;
		o.header = 0;
		assert_non_null(l = render_doc(d, &o, &err));
		for (i = 0; i < l->n; i++) {
			assert_int_equal(u8_width(l->v[i].text, l->v[i].len),
			    l->v[i].width);
			assert_true(l->v[i].width <= w);
		}
		if (w == 12) {
			assert_int_equal(l->n, 4);
			/* the doc composes "e" + U+0301 (NFC); "b" + U+0301
			   has no composed form and stays a cluster */
			assert_string_equal(l->v[0].text, "\xd0\x9f\xd1\x80"
			    "\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 \xd0\xbc\xd0\xb8"
			    "\xd1\x80 \xc3\xa9");
			assert_int_equal(l->v[0].width, 12);
			assert_string_equal(l->v[1].text, "ab\xcc\x81" "c "
			    "\xce\xa9\xce\xbc\xce\xad\xce\xb3\xce\xb1");
			assert_int_equal(l->v[1].width, 9);
			assert_int_equal(l->v[2].width, 11);
		}
		lines_free(l);
	}
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_copy_edges),
		cmocka_unit_test(test_census_long_runs),
		cmocka_unit_test(test_escapes_after_runs),
		cmocka_unit_test(test_sanitize_text_runs),
		cmocka_unit_test(test_linebreak_hangul),
		cmocka_unit_test(test_linebreak_simple),
		cmocka_unit_test(test_wrap_scripts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
