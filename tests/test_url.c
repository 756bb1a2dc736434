/*
 * test_url.c - reference resolution (RFC 3986 section 5.4 examples) and
 * the references lede refuses.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "url.h"

struct ucase {
	const char *base, *ref, *want; /* want NULL: refused */
};

#define B "http://a/b/c/d;p?q"

static const struct ucase cases[] = {
    /* RFC 3986 5.4.1 normal examples */
    {B, "g:h", "g:h"},
    {B, "g", "http://a/b/c/g"},
    {B, "./g", "http://a/b/c/g"},
    {B, "g/", "http://a/b/c/g/"},
    {B, "/g", "http://a/g"},
    {B, "//g", "http://g"},
    {B, "?y", "http://a/b/c/d;p?y"},
    {B, "g?y", "http://a/b/c/g?y"},
    {B, "#s", "http://a/b/c/d;p?q#s"},
    {B, "g#s", "http://a/b/c/g#s"},
    {B, "g?y#s", "http://a/b/c/g?y#s"},
    {B, ";x", "http://a/b/c/;x"},
    {B, "g;x", "http://a/b/c/g;x"},
    {B, "", NULL},
    {B, ".", "http://a/b/c/"},
    {B, "./", "http://a/b/c/"},
    {B, "..", "http://a/b/"},
    {B, "../", "http://a/b/"},
    {B, "../g", "http://a/b/g"},
    {B, "../..", "http://a/"},
    {B, "../../", "http://a/"},
    {B, "../../g", "http://a/g"},
    /* 5.4.2 abnormal examples */
    {B, "../../../g", "http://a/g"},
    {B, "/./g", "http://a/g"},
    {B, "/../g", "http://a/g"},
    {B, "g.", "http://a/b/c/g."},
    {B, "..g", "http://a/b/c/..g"},
    {B, "./../g", "http://a/b/g"},
    {B, "g/./h", "http://a/b/c/g/h"},
    {B, "g/../h", "http://a/b/c/h"},
    /* what pages really do */
    {"https://ex.com", "a.html", "https://ex.com/a.html"},
    {"https://ex.com/x/", "  /img/p.jpg\n", "https://ex.com/img/p.jpg"},
    {"https://ex.com/x/", "//cdn.ex.com/i.png", "https://cdn.ex.com/i.png"},
    {"https://ex.com/", "javascript:alert(1)", NULL},
    {"https://ex.com/", "JavaScript:void(0)", NULL},
    {"https://ex.com/", "data:image/gif;base64,R0lGOD", NULL},
    {"https://ex.com/", "mailto:a@ex.com", "mailto:a@ex.com"},
    {NULL, "/relative", "/relative"},
    {"file:///tmp/page.html", "img.png", "file:///tmp/img.png"},
};

static void
test_resolve(void **state)
{
	size_t i;
	char *u;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		u = url_resolve(cases[i].base, cases[i].ref);
		if (cases[i].want == NULL) {
			if (u != NULL)
				fail_msg("'%s' gave '%s'", cases[i].ref, u);
			continue;
		}
		if (u == NULL || strcmp(u, cases[i].want) != 0)
			fail_msg("'%s' + '%s': got '%s', want '%s'",
			    cases[i].base ? cases[i].base : "(null)",
			    cases[i].ref, u ? u : "(null)", cases[i].want);
		free(u);
	}
}

static void
test_url_date(void **state)
{
	static const char *const c[][2] = {
	    {"https://x.org/2023/09/15/slug", "2023-09-15"},
	    {"https://x.org/news/2023-09-15-slug", "2023-09-15"},
	    {"https://x.org/n/23-01-2022-dorothea/17.html", "2022-01-23"},
	    {"https://x.org/a/20230915/", "2023-09-15"},
	    {"https://x.org/a/08112021-fachtag", "2021-11-08"},
	    {"https://x.org/2023/13/45/slug", NULL},
	    {"https://x.org/item/12345678", NULL},
	    {"https://x.org/plain/slug", NULL},
	};
	size_t i;
	char *d;

	(void)state;
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		d = url_date(c[i][0]);
		if (c[i][1] == NULL ? d != NULL
		                    : (d == NULL || strcmp(d, c[i][1]) != 0))
			fail_msg("'%s': got '%s'", c[i][0], d ? d : "(null)");
		free(d);
	}
}

static void
test_scheme(void **state)
{
	(void)state;
	assert_true(url_has_scheme("https://x"));
	assert_true(url_has_scheme("mailto:x"));
	assert_false(url_has_scheme("/x:y"));
	assert_false(url_has_scheme("1http://x"));
	assert_false(url_has_scheme(NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_resolve),
	    cmocka_unit_test(test_scheme),
	    cmocka_unit_test(test_url_date),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
