/*
 * test_meta.c - metadata string helpers: dates in every form lede reads
 * (ISO 8601, visible "Posted on"/"Modified on" lines, Korean, CJK, German,
 * French, RFC 822, US), title cleanup, byline cleanup, similarity.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "meta.h"

struct dcase {
	const char *in, *lang, *want; /* want NULL: no date */
};

static const struct dcase dates[] = {
    {"2023-09-15T15:36:00+09:00", NULL, "2023-09-15T15:36:00+09:00"},
    {"2023-09-15T06:36:00Z", NULL, "2023-09-15T06:36:00Z"},
    {"2023-09-15T06:36:00.123Z", NULL, "2023-09-15T06:36:00Z"},
    {"2023-09-15", NULL, "2023-09-15"},
    {"20230915", NULL, "2023-09-15"},
    {"Posted on : 2023-09-15 15:36 KST", NULL, "2023-09-15T15:36:00+09:00"},
    {"입력 2023.09.15 15:36", "ko", "2023-09-15T15:36:00"},
    {"2023년 9월 15일 (금) 오전", "ko", "2023-09-15"},
    {"2023年9月15日 15:36", "ja", "2023-09-15T15:36:00"},
    {"15. September 2023, 15:36 Uhr", "de", "2023-09-15T15:36:00"},
    {"Veröffentlicht am 3. März 2022", "de", "2022-03-03"},
    {"15.09.2023", "de", "2023-09-15"},
    {"le 1er mars 2021 à 08h15", "fr", "2021-03-01T08:15:00"},
    {"15 septembre 2023", "fr", "2023-09-15"},
    {"Fri, 15 Sep 2023 15:36:00 +0900", NULL, "2023-09-15T15:36:00+09:00"},
    {"September 15, 2023 3:36 PM EDT", "en", "2023-09-15T15:36:00-04:00"},
    {"Sept. 5, 2019", "en", "2019-09-05"},
    {"PUBLISHED: 10:48, Tue, Nov 19, 2019", "en", "2019-11-19T10:48:00"},
    {"09/15/2023", "en", "2023-09-15"},
    {"15/09/2023", "fr", "2023-09-15"},
    {"03/04/2023", "de", "2023-04-03"},
    {"12 de marzo de 2020", "es", "2020-03-12"},
    {"5 maja 2021", "pl", "2021-05-05"},
    {"no date here, just 42 words", NULL, NULL},
    {"Mayor said 2023 was fine", NULL, NULL},
    {"2023-13-45", NULL, NULL},
    {"", NULL, NULL},
};

static void
test_dates(void **state)
{
	size_t i;
	char out[40];

	(void)state;
	for (i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		int r =
		    meta_date_iso(dates[i].in, dates[i].lang, out, sizeof(out));

		if (dates[i].want == NULL) {
			if (r != -1)
				fail_msg("'%s' gave '%s'", dates[i].in, out);
			continue;
		}
		if (r != 0)
			fail_msg("'%s': no date", dates[i].in);
		if (strcmp(out, dates[i].want) != 0)
			fail_msg("'%s': got '%s', want '%s'", dates[i].in, out,
			    dates[i].want);
	}
}

struct lcase {
	const char *in, *pub, *mod;
};

static const struct lcase lines[] = {
    {"Posted on : 2023-09-15 15:36 KST Modified on : 2023-09-16 "
     "09:00 KST",
        "2023-09-15T15:36:00+09:00", "2023-09-16T09:00:00+09:00"},
    {"등록 2023-09-15 15:36 수정 2023-09-15 18:02", "2023-09-15T15:36:00",
        "2023-09-15T18:02:00"},
    {"Updated 5:27 am CST, Wednesday, November 20, 2019", "", "2019-11-20"},
    {"Veröffentlicht am 15.09.2023 | Aktualisiert am 16.09.2023", "2023-09-15",
        "2023-09-16"},
    {"Publié le 15 septembre 2023 Mis à jour le 16 septembre 2023",
        "2023-09-15", "2023-09-16"},
    {"公開日 2023年9月15日 更新日 2023年9月16日", "2023-09-15", "2023-09-16"},
    {"Share on Facebook", "", ""},
};

static void
test_date_lines(void **state)
{
	size_t i;
	char pub[40], mod[40];

	(void)state;
	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		meta_date_line(lines[i].in, NULL, pub, mod, sizeof(pub));
		if (strcmp(pub, lines[i].pub) != 0 ||
		    strcmp(mod, lines[i].mod) != 0)
			fail_msg(
			    "'%s': got '%s' / '%s'", lines[i].in, pub, mod);
	}
}

struct tcase {
	const char *in, *site, *want;
};

static const struct tcase titles[] = {
    {"North Korea summit shakes security order | The Hankyoreh", NULL,
        "North Korea summit shakes security order"},
    {"The Hankyoreh | North Korea summit shakes security order",
        "The Hankyoreh", "North Korea summit shakes security order"},
    {"A long headline about budget talks - Example News", "Example News",
        "A long headline about budget talks"},
    {"Plain headline without a site", NULL, "Plain headline without a site"},
    {"Site - Home", NULL, "Site - Home"},
};

static void
test_titles(void **state)
{
	size_t i;
	char *t;

	(void)state;
	for (i = 0; i < sizeof(titles) / sizeof(titles[0]); i++) {
		t = meta_clean_title(titles[i].in, titles[i].site);
		assert_non_null(t);
		if (strcmp(t, titles[i].want) != 0)
			fail_msg("'%s': got '%s'", titles[i].in, t);
		free(t);
	}
	t = meta_title_strip_site(
	    "Faire Lieferketten - Aerobuzz.de", NULL, "www.aerobuzz.de", NULL);
	assert_string_equal(t, "Faire Lieferketten");
	free(t);
	t = meta_title_strip_site(
	    "Mozilla Firefox - Wikipedia", NULL, NULL, "Mozilla Firefox");
	assert_string_equal(t, "Mozilla Firefox");
	free(t);
	t = meta_title_strip_site(
	    "Budget talks - what next", NULL, "example.com", NULL);
	assert_string_equal(t, "Budget talks - what next");
	free(t);
}

struct bcase {
	const char *in, *want; /* want NULL: nothing left */
};

static const struct bcase bylines[] = {
    {"By Jung E-gil, staff reporter", "Jung E-gil"},
    {"By Jane Doe and John Roe", "Jane Doe and John Roe"},
    {"by Jane Doe | Published 2019-11-19", "Jane Doe"},
    {"Von Max Mustermann 15.09.2023", "Max Mustermann"},
    {"Posted by Alice Example on September 15, 2023", "Alice Example"},
    {"Par Marie Dupont", "Marie Dupont"},
    {"Jane Doe, John Roe", "Jane Doe, John Roe"},
    {"By ", NULL},
};

static void
test_bylines(void **state)
{
	size_t i;
	char *b;

	(void)state;
	for (i = 0; i < sizeof(bylines) / sizeof(bylines[0]); i++) {
		b = meta_clean_byline(bylines[i].in);
		if (bylines[i].want == NULL) {
			if (b != NULL)
				fail_msg("'%s' gave '%s'", bylines[i].in, b);
			continue;
		}
		if (b == NULL || strcmp(b, bylines[i].want) != 0)
			fail_msg(
			    "'%s': got '%s'", bylines[i].in, b ? b : "(null)");
		free(b);
	}
}

static void
test_similarity(void **state)
{
	(void)state;
	assert_true(meta_similarity("Hermitian matrix - Wikipedia",
	                "Hermitian matrix") > 0.99);
	assert_true(
	    meta_similarity("Hermitian matrix",
	        "square matrix equal to its conjugate transpose") < 0.75);
	assert_true(meta_similarity(NULL, "x") == 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_dates),
	    cmocka_unit_test(test_date_lines),
	    cmocka_unit_test(test_titles),
	    cmocka_unit_test(test_bylines),
	    cmocka_unit_test(test_similarity),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
