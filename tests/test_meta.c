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

#include "article.h"
#include "doc.h"
#include "html.h"
#include "meta.h"
#include "meta_title.h"
#include "test_helpers.h"

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
    /* as Readability: four words or fewer left, no path separators:
       the title was no "headline - site" */
    {"Google - Site Reliability Engineering", NULL,
        "Google - Site Reliability Engineering"},
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
	/* the site's name amid taglines: the headline precedes it */
	t = meta_title_strip_site("Das schwulste Musikvideo : Krimiblog-Archiv "
	                          "| Ermittlungen | Gegründet 2005",
	    NULL, "archiv.krimiblog.de", NULL);
	assert_string_equal(t, "Das schwulste Musikvideo");
	free(t);
	/* the site's name first, then a breadcrumb: its last part */
	t = meta_title_strip_site(
	    "Disfunctions.de » Blog Archiv » Podcasts in Plex einbinden", NULL,
	    "disfunctions.de", NULL);
	assert_string_equal(t, "Podcasts in Plex einbinden");
	free(t);
	/* the site's name, then more words ("MyOOS Community Forum") */
	t = meta_title_strip_site("Was ist Freie Software - MyOOS Community "
	                          "Forum",
	    NULL, "foren.myoos.de", NULL);
	assert_string_equal(t, "Was ist Freie Software");
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
    /* a degree after the name goes */
    {"Grant Tinsley, PhD", "Grant Tinsley"},
    /* WordPress's "Posted on DATE by NAME" */
    {"Posted on September 21, 2020 by Adi Tzlil", "Adi Tzlil"},
    {"Written by: Julie Mollins", "Julie Mollins"},
    /* WordPress's author-archive link text */
    {"Zeige alle Beiträge von Petra Ruland", "Petra Ruland"},
    {"View all posts by Jane Doe", "Jane Doe"},
    {"vom Krimiblogger", "Krimiblogger"},
    /* a photo credit is no byline; a copyright sign goes */
    {"Foto: Ingo Schneider", NULL},
    {"© Kathrin Führes", "Kathrin Führes"},
    /* "By" glued to the name by markup; a weekday before the date */
    {"ByAlex Bozarjian Thursday, November 9, 2023 4:41AM", "Alex Bozarjian"},
    {"Byron Smith", "Byron Smith"},
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



static void
test_h1_side(void **state)
{
	const char *h1[] = {"SAT.1 REGIONAL", "Fronten nach der Vorlesung"};
	const char *one[] = {"Mozilla"};
	const char *fish[] = {"Bielersee-Winterhechte"};
	const char *mid[] = {"Japanisches Mini-SUV auf dem Vormarsch"};
	const char *pet[] = {"Non à la mutilation du choeur"};
	const char *iab[] = {"Getting LEAN with Digital Ad UX"};
	const char *same[] = {"Studen BE - A6 gesperrt"};

	(void)state;
	/* the site's own name in an <h1> is skipped, the headline found */
	assert_ptr_equal(meta_title_h1_side("Fronten nach der Vorlesung - "
	                                    "SAT.1 REGIONAL",
	                     h1, 2, "SAT.1 REGIONAL", NULL, 0),
	    h1[1]);
	/* a one-word <h1> is no headline unless the rest is the site */
	assert_null(meta_title_h1_side(
	    "Mozilla - Wikipedia", one, 1, NULL, "fakehost", 0));
	assert_ptr_equal(meta_title_h1_side("Bielersee-Winterhechte | "
	                                    "petri-heil.ch | Dein Magazin",
	                     fish, 1, NULL, "www.petri-heil.ch", 0),
	    fish[0]);
	/* a segment between two separators */
	assert_ptr_equal(meta_title_h1_side("Neu - Japanisches Mini-SUV auf "
	                                    "dem Vormarsch - Vorstellung",
	                     mid, 1, NULL, "auto-presse.de", 0),
	    mid[0]);
	/* declared titles: a label goes, the site's name stays */
	assert_ptr_equal(
	    meta_title_h1_side("Pétition : Non à la mutilation du choeur", pet,
	        1, "mesopinions", NULL, 1),
	    pet[0]);
	assert_null(meta_title_h1_side(
	    "Getting LEAN with Digital Ad UX | IAB", iab, 1, "IAB", NULL, 1));
	/* the whole title is the <h1>: nothing to cut */
	assert_ptr_equal(meta_title_h1_side("Studen BE - A6 gesperrt", same, 1,
	                     NULL, "polizeiticker.ch", 1),
	    same[0]);
	assert_true(meta_same_text("a  b\n c", "a b c"));
	assert_false(meta_same_text("a b", "a b | Site"));
}

static void
test_host_label(void **state)
{
	char b[64];

	(void)state;
	meta_host_label("www.aerobuzz.de", b, sizeof(b));
	assert_string_equal(b, "aerobuzz");
	meta_host_label("foren.myoos.de", b, sizeof(b));
	assert_string_equal(b, "myoos");
	meta_host_label("www.bbc.co.uk", b, sizeof(b));
	assert_string_equal(b, "bbc");
}

static void
test_byline_helpers(void **state)
{
	char *s;

	(void)state;
	assert_true(meta_is_handle("wuff"));
	assert_false(meta_is_handle("Jane Doe"));
	assert_false(meta_is_handle("Limespacer"));
	s = meta_dateline_agency("Hamburg (dpa/lno) – Trotz eines Gesprächs");
	assert_non_null(s);
	assert_string_equal(s, "dpa/lno");
	free(s);
	assert_null(meta_dateline_agency("Der Minister (CDU) sagte, dass"));
	assert_null(meta_dateline_agency("Berlin (2021) - Chronik"));
	s = meta_source_line("Quelle: kathpress");
	assert_non_null(s);
	assert_string_equal(s, "kathpress");
	free(s);
	assert_null(meta_source_line("Quelle: eine lange Erklärung dazu, "
	                             "woher das alles stammt"));
}

/* A declared og:title that copies the <title> is cleaned like it. */
static void
test_og_copy_of_title(void **state)
{
	const char *html =
	    "<html><head><title>Plan approved by council - Town Post</title>"
	    "<meta property=\"og:title\" content=\"Plan approved by council "
	    "- Town Post\"><meta property=\"og:site_name\" content=\"Town "
	    "Post\"></head><body><article><h1>Plan approved by "
	    "council</h1>" PROSE("Plan") "</article></body></html>";
	const char *kept =
	    "<html><head><title>Plan approved (with pictures) | Town "
	    "Post</title><meta property=\"og:title\" content=\"Plan approved "
	    "by council | Town Post\"><meta property=\"og:site_name\" "
	    "content=\"Town Post\"></head><body><article><h1>Plan approved by "
	    "council</h1>" PROSE("Plan") "</article></body></html>";
	struct doc *d;

	(void)state;
	d = parse(html, "https://townpost.example/a.html");
	assert_string_equal(doc_get(d, DOC_TITLE), "Plan approved by council");
	doc_free(d);
	/* declared on its own: kept as given, as Readability keeps it */
	d = parse(kept, "https://townpost.example/a.html");
	assert_string_equal(
	    doc_get(d, DOC_TITLE), "Plan approved by council | Town Post");
	doc_free(d);
}

/* A saved page (no URL, or a file) is the page its canonical URL names:
 * that host names the site in the <title>, and its path gives the date. */
static void
test_saved_page_canonical(void **state)
{
	const char *html =
	    "<html><head><title>Plan approved by council | Townpost</title>"
	    "<link rel=\"canonical\" href=\"https://www.townpost.example/"
	    "2023/09/15/plan.html\"></head><body><div><p>Plan approved by "
	    "council</p></div><div>" PROSE("Plan") "</div></body></html>";
	const char *urls[] = {NULL, "file:///home/me/plan.html"};
	struct doc *d;
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		d = parse(html, urls[i]);
		assert_string_equal(
		    doc_get(d, DOC_TITLE), "Plan approved by council");
		assert_non_null(doc_get(d, DOC_PUBLISHED));
		assert_string_equal(doc_get(d, DOC_PUBLISHED), "2023-09-15");
		doc_free(d);
	}
	/* The address it was read from wins over what it claims. */
	d = parse(html, "https://mirror.example/x.html");
	assert_string_equal(
	    doc_get(d, DOC_TITLE), "Plan approved by council | Townpost");
	assert_null(doc_get(d, DOC_PUBLISHED));
	doc_free(d);
}

/* A page without an <h1> whose article opens with an <h2> holding what
 * the <title> names besides the site: the <h2> is the headline, and it
 * leaves the body.  Not when the page has an <h1>, nor when the heading
 * only shares a word with an unseparated <title>, nor when the <title>
 * holds a headline the heading lacks. */
static void
test_opening_heading(void **state)
{
	const char *html =
	    "<html><head><title>Fire Brigade Oldtown - Training</title></head>"
	    "<body><div id=\"nav\"><a href=\"/\">Home</a></div><div "
	    "id=\"body\"><h2>Boat crew training</h2>" PROSE("Boat")
	    "</div></body></html>";
	const char *plain =
	    "<html><head><title>Bartleby the Scrivener Web Study "
	    "Text</title></head><body><div><h2>Study Webtext</h2>" PROSE("Boat")
	    "</div></body></html>";
	const char *sub =
	    "<html><head><title>Introducing dark mode | Slack</title></head>"
	    "<body><div class=\"post-header\"><h2 class=\"post-title\">"
	    "Introducing dark mode</h2></div><div class=\"post-content\">"
	    "<h2>How dark mode works in Slack</h2>" PROSE("Boat")
	    "</div></body></html>";
	struct doc *d;

	(void)state;
	d = parse(html, "https://fire-oldtown.example/training.html");
	assert_string_equal(doc_get(d, DOC_TITLE), "Boat crew training");
	assert_int_equal(d->body->kids[0]->type, DOC_PARAGRAPH);
	doc_free(d);
	d = parse(plain, NULL);
	assert_string_equal(
	    doc_get(d, DOC_TITLE), "Bartleby the Scrivener Web Study Text");
	assert_int_equal(d->body->kids[0]->type, DOC_HEADING);
	doc_free(d);
	/* The <title> has a headline of its own that the heading lacks
	   (shown by the post's "post-title"). */
	d = parse(sub, NULL);
	assert_string_equal(doc_get(d, DOC_TITLE), "Introducing dark mode");
	assert_int_equal(d->body->kids[0]->type, DOC_HEADING);
	doc_free(d);
}

/* A one-word <h1> is a section's label or a logo more often than the
 * headline: the <title>'s headline stays. */
static void
test_label_h1(void **state)
{
	const char *pages[] = {
	    "<html><head><title>Acme posts record quarterly news for investors "
	    "| Acme Corp</title></head><body><main><h1>News</h1><div "
	    "class=\"entry\"><h2>Acme posts record quarterly news for "
	    "investors</h2>" PROSE("Acme") "</div></main></body></html>",
	    "<html><head><title>Brexit talks stall | Politics | Daily "
	    "Planet</title></head><body><main><h1>Politics</h1>" PROSE("Talks")
	    "</main></body></html>",
	};
	const char *want[] = {"Acme posts record quarterly news for investors",
	    "Brexit talks stall | Politics"};
	struct doc *d;
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		d = parse(pages[i], "https://planet.example/a.html");
		assert_string_equal(doc_get(d, DOC_TITLE), want[i]);
		doc_free(d);
	}
}

/* A page without an <h1> that shows its headline in an element classed
 * as a title: that element stands for the <h1>, so a kicker the share
 * card puts before it goes; a site's or widget's "title" does not. */
static void
test_title_class(void **state)
{
	const char *html =
	    "<html><head><title>gamesite | Previews: Anno 1800 Beta</title>"
	    "<meta property=\"og:title\" content=\"Revolution at last?: Anno "
	    "1800 Beta\"></head><body><div class=\"site-title\">gamesite"
	    "</div><div id=\"article\"><span class=\"title\">Anno 1800 "
	    "Beta</span><span class=\"subtitle\">Revolution at last?</span>"
	    PROSE("Anno") "</div></body></html>";
	const char *widget =
	    "<html><head><meta property=\"og:title\" content=\"Revolution at "
	    "last?: Anno 1800 Beta\"></head><body><div class=\"widget-title\">"
	    "Anno 1800 Beta</div><div id=\"article\">" PROSE("Anno")
	    "</div></body></html>";
	struct doc *d;

	(void)state;
	d = parse(html, "https://gamesite.example/anno.html");
	assert_string_equal(doc_get(d, DOC_TITLE), "Anno 1800 Beta");
	doc_free(d);
	d = parse(widget, "https://gamesite.example/anno.html");
	assert_string_equal(
	    doc_get(d, DOC_TITLE), "Revolution at last?: Anno 1800 Beta");
	doc_free(d);
}

/* "23.09.22" in an element classed as a date is a date with a two-digit
 * year; the same figures elsewhere are not. */
static void
test_short_year(void **state)
{
	const char *dated =
	    "<html lang=\"de\"><body><article><h1>Vintage-Flair mit viel "
	    "Grün</h1><div class=\"uploaded-date\">23.09.22</div>"
	    PROSE("Flair") "</article></body></html>";
	const char *plain =
	    "<html lang=\"de\"><body><article><h1>Vintage-Flair mit viel "
	    "Grün</h1><div class=\"version\">23.09.22</div>" PROSE("Flair")
	    "</article></body></html>";
	struct doc *d;

	(void)state;
	d = parse(dated, NULL);
	assert_non_null(doc_get(d, DOC_PUBLISHED));
	assert_string_equal(doc_get(d, DOC_PUBLISHED), "2022-09-23");
	doc_free(d);
	d = parse(plain, NULL);
	assert_null(doc_get(d, DOC_PUBLISHED));
	doc_free(d);
}

/* A "Von ..." line ends at a line break, even one WordPress doubles
 * around its empty "more" anchor: the place after it stays in the body. */
static void
test_byline_line_break(void **state)
{
	const char *html =
	    "<html><head><title>Streit ums Feuerholz</title></head><body>"
	    "<article><h1>Streit ums Feuerholz</h1><p>Von <strong><a "
	    "href=\"/rb\">Roland Brockmann</a></strong> und <strong>"
	    "Sebastian Drescher</strong><br />\n<span id=\"more-788\">"
	    "</span><br />\nKakuma /Kenia</p>" PROSE("Lager")
	    "</article></body></html>";
	struct doc *d;

	(void)state;
	d = parse(html, "https://aussen.example/feuerholz/");
	assert_string_equal(doc_get(d, DOC_BYLINE),
	    "Roland Brockmann und Sebastian Drescher");
	assert_string_equal(d->body->kids[0]->in.text, "Kakuma /Kenia");
	doc_free(d);
}

/* A field labelled "Autor"/"Author:" names the author when nothing
 * better does: the next element, or the text after the label. */
static void
test_byline_label(void **state)
{
	const char *pages[] = {
	    "<html><body><section><h4 class=\"meta-title\">Autor</h4>\r\n"
	    "<p class=\"meta-text\">\r\n<a href=\"/profil/nh\">Nikolai "
	    "Huke</a><b>, </b></p></section><article><h1>Leben in der "
	    "Quarantäne</h1>" PROSE("Lager") "</article></body></html>",
	    "<html><body><article><h1>Leben in der Quarantäne</h1><p><b>"
	    "Author:</b> Nikolai Huke</p>" PROSE("Lager")
	    "</article></body></html>",
	    "<html><body><dl><dt>Authors</dt><dd>Nikolai Huke</dd></dl>"
	    "<article><h1>Leben in der Quarantäne</h1>" PROSE("Lager")
	    "</article></body></html>",
	    "<html><body><ul class=meta><li><strong>Autor:</strong> Nikolai "
	    "Huke</li></ul><article><h1>Leben in der Quarantäne</h1>"
	    PROSE("Lager") "</article></body></html>",
	    "<html><body><div><b>Author:</b><br>Nikolai Huke</div><div><span>"
	    "</span></div><article><h1>Leben in der Quarantäne</h1>"
	    PROSE("Lager") "</article></body></html>",
	    "<html><body><div><span>Autor:&nbsp;</span><a>Nikolai Huke</a>"
	    "</div><article><h1>Leben in der Quarantäne</h1>" PROSE("Lager")
	    "</article></body></html>",
	};
	/* Labels of menus, tables and forms, and values that are no
	   name: a date, a counter, a sentence, a list. */
	static const char *const junk[] = {
	    "<table><tr><th>Author</th><th>Message</th></tr></table>",
	    "<nav><a href=/>Home</a> <a href=/authors>Authors</a> <a "
	    "href=/archive>Archive</a></nav>",
	    "<footer><ul><li>Contact</li><li>Authors</li><li>Impressum</li>"
	    "</ul></footer>",
	    "<select name=sort><option>Date</option><option>Author</option>"
	    "<option>Title</option></select>",
	    "<div><span>Autor</span> <span>12.03.2021</span></div>",
	    "<div><span>Author</span><time datetime=2021-03-12>March 12, "
	    "2021</time></div>",
	    "<div><span>Autor</span><a href=\"#c\">Kommentare (3)</a></div>",
	    "<div><h4>Author</h4><div>Jane Roe is a reporter covering "
	    "transport and city hall since 2015.</div></div>",
	    "<div><h4>Authors</h4><ul><li><a>Jane Roe</a></li><li><a>John "
	    "Doe</a></li></ul></div>",
	    "<table class=infobox><tr><th>Author</th><td><a>Mark "
	    "Twain</a></td></tr></table>",
	};
	char page[1024];
	struct doc *d;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		d = parse(pages[i], "https://rosa.example/news/q");
		assert_non_null(doc_get(d, DOC_BYLINE));
		assert_string_equal(doc_get(d, DOC_BYLINE), "Nikolai Huke");
		doc_free(d);
	}
	for (i = 0; i < sizeof(junk) / sizeof(junk[0]); i++) {
		snprintf(page, sizeof(page),
		    "<html><body>%s<article><h1>City plan approved</h1>%s"
		    "</article></body></html>",
		    junk[i], PROSE("Plan"));
		d = parse(page, "https://citynews.example/x");
		assert_null(doc_get(d, DOC_BYLINE));
		doc_free(d);
	}
}

/* Several og:title tags: the one the <title> holds.  A declared title
 * that only names the site gives way to the page's <h1>. */
static void
test_og_several(void **state)
{
	const char *html =
	    "<html><head><title>Repair cafe on 31 January: Town of "
	    "Ahlen</title><meta property=\"og:title\" content=\"Repair cafe on "
	    "31 January\"><meta property=\"og:title\" content=\"News\">"
	    "</head><body><article>" PROSE("Cafe") "</article></body></html>";
	const char *site =
	    "<html><head><title>Big scheme uncovered – Investment "
	    "Watch</title><meta itemprop=\"headline\" content=\"Investment "
	    "Watch\"></head><body><div><h1>Big money scheme uncovered in "
	    "the east</h1></div><article>" PROSE(
	        "Money") "</article></body></html>";
	struct doc *d;

	(void)state;
	d = parse(html, "https://www.ahlen.example/a.html");
	assert_string_equal(doc_get(d, DOC_TITLE), "Repair cafe on 31 January");
	doc_free(d);
	d = parse(site, "https://www.investmentwatchblog.example/a.html");
	assert_string_equal(
	    doc_get(d, DOC_TITLE), "Big money scheme uncovered in the east");
	doc_free(d);
}

/* og:title with a label that the <h1> lacks: the <h1>. */
static void
test_og_label(void **state)
{
	const char *html =
	    "<html><head><title>Petition | Site</title>"
	    "<meta property=\"og:title\" content=\"08.11.2021 | Save the old "
	    "town hall\"></head><body><article><h1>Save the old town "
	    "hall</h1>" PROSE("Hall") "</article></body></html>";
	struct doc *d;

	(void)state;
	d = parse(html, "https://petitions.example/a.html");
	assert_string_equal(doc_get(d, DOC_TITLE), "Save the old town hall");
	doc_free(d);
}

/* rel=author outranks a class-guessed byline; a publisher after a comma
 * goes. */
static void
test_rel_author(void **state)
{
	const char *html =
	    "<html><head><title>Plan</title></head><body><header><a "
	    "href=\"/author/pd/\" rel=\"author\">Patrick Danowski</a>"
	    "</header><article><h1>Plan approved by council</h1><p "
	    "class=\"author\">start.me</p>" PROSE(
	        "Plan") "</article></body></html>";
	const char *cnn =
	    "<html><head><title>Plan</title><meta name=\"author\" "
	    "content=\"Rob Picheta, CNN\"><meta property=\"og:site_name\" "
	    "content=\"CNN\"></head><body><article><h1>Plan approved by "
	    "council</h1>" PROSE("Plan") "</article></body></html>";
	struct doc *d;

	(void)state;
	d = parse(html, "https://blog.example/a.html");
	assert_string_equal(doc_get(d, DOC_BYLINE), "Patrick Danowski");
	doc_free(d);
	d = parse(cnn, "https://edition.cnn.com/a.html");
	assert_string_equal(doc_get(d, DOC_BYLINE), "Rob Picheta");
	doc_free(d);
}

/* Author meta tags beyond Readability's: a sharing plugin's, Dublin Core
 * terms, the newspaper "byl" (whose "By" goes); Readability's own come
 * first. */
static void
test_meta_author_names(void **state)
{
	static const char *const tags[][2] = {
	    {"shareaholic:article_author_name", "Wolfgang Michal"},
	    {"DCTERMS.creator", "Wolfgang Michal"},
	    {"byl", "By Wolfgang Michal"},
	    {"article:author_name", "Wolfgang Michal"},
	};
	char html[1024];
	struct doc *d;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(tags) / sizeof(tags[0]); i++) {
		snprintf(html, sizeof(html),
		    "<html><head><title>Plan</title><meta name=\"%s\" "
		    "content=\"%s\"></head><body><article><h1>Plan approved "
		    "by council</h1>" PROSE("Plan") "</article></body></html>",
		    tags[i][0], tags[i][1]);
		d = parse(html, "https://blog.example/a.html");
		assert_non_null(doc_get(d, DOC_BYLINE));
		assert_string_equal(doc_get(d, DOC_BYLINE), "Wolfgang Michal");
		doc_free(d);
	}
	snprintf(html, sizeof(html),
	    "<html><head><title>Plan</title><meta name=\"byl\" "
	    "content=\"Other Name\"><meta name=\"author\" content=\"Ann "
	    "Lee\"></head><body><article><h1>Plan approved by council</h1>"
	    PROSE("Plan") "</article></body></html>");
	d = parse(html, "https://blog.example/a.html");
	assert_string_equal(doc_get(d, DOC_BYLINE), "Ann Lee");
	doc_free(d);
}

/* A \u0000 in JSON-LD is dropped, not the end of the value; an escaped
 * backslash before "u0000" is text. */
static void
test_jsonld_nul(void **state)
{
	const char *html =
	    "<html><head><title>Plan</title><script "
	    "type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "\"headline\":\"Plan \\u0000approved by council\",\"author\":"
	    "{\"name\":\"Ann\\u0000 Lee\"},\"description\":\"a "
	    "\\\\u0000 b\"}</script></head><body><article><h1>Plan approved "
	    "by council</h1>" PROSE("Plan") "</article></body></html>";
	struct doc *d;

	(void)state;
	d = parse(html, "https://news.example/a.html");
	assert_string_equal(doc_get(d, DOC_TITLE), "Plan approved by council");
	assert_string_equal(doc_get(d, DOC_BYLINE), "Ann Lee");
	assert_string_equal(doc_get(d, DOC_DECK), "a \\u0000 b");
	doc_free(d);
}

/* JSON-LD author given as {"@id"} of a Person in the graph, on a
 * WebPage; a date in the page's script data as the last resort. */
static void
test_jsonld_graph(void **state)
{
	const char *html =
	    "<html><head><title>Plan</title><script "
	    "type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebPage\","
	    "\"author\":{\"@id\":\"#p1\"}},{\"@type\":[\"Person\"],\"@id\":"
	    "\"#p1\",\"name\":\"Harald Bauer\"}]}</script><script>var s = "
	    "{\"id\":4,\"published_at\":\"2019-03-02T06:22:28+01:00\"};"
	    "</script></head><body><article><h1>Plan approved by "
	    "council</h1>" PROSE("Plan") "</article></body></html>";
	struct doc *d;

	(void)state;
	d = parse(html, "https://party.example/a.html");
	assert_string_equal(doc_get(d, DOC_BYLINE), "Harald Bauer");
	assert_string_equal(
	    doc_get(d, DOC_PUBLISHED), "2019-03-02T06:22:28+01:00");
	assert_string_equal(d->meta[DOC_PUBLISHED].source, "script:date");
	doc_free(d);
}

/* No byline in the article: a byline-marked element elsewhere in the
 * page (a class, or a React data-testid). */
static void
test_byline_class(void **state)
{
	const char *html =
	    "<html><head><title>Plan</title></head><body><div "
	    "data-testid=\"prism-byline\"><span>By</span><a href=\"/team/a\">"
	    "Alex Example</a> Thursday, November 9, "
	    "2023</div><article><h1>Plan "
	    "approved by council</h1>" PROSE("Plan") "</article></body></html>";
	struct doc *d;

	(void)state;
	d = parse(html, "https://news.example/a.html");
	assert_string_equal(doc_get(d, DOC_BYLINE), "Alex Example");
	doc_free(d);
}

/* No byline but a dateline: the agency. */
static void
test_dateline(void **state)
{
	const char *html =
	    "<html><head><title>Plan</title></head><body><article><h1>Plan "
	    "approved by council</h1><p>Hamburg (dpa) – The plan was "
	    "approved on Monday after a long debate in the council.</p>" PROSE(
	        "Plan") "</article></body></html>";
	struct doc *d;

	(void)state;
	d = parse(html, "https://news.example/a.html");
	assert_string_equal(doc_get(d, DOC_BYLINE), "dpa");
	doc_free(d);
}

/* The META_H1_* place of the first <h1> of a parsed page. */
static unsigned
h1_where_of(const char *html)
{
	struct lede_err err = {0};
	htmlDocPtr d = html_parse(html, strlen(html), &err);
	xmlNode *root, *n;
	unsigned w = 0xffu;

	if (d == NULL)
		fail_msg("html_parse: %s", err.msg);
	root = xmlDocGetRootElement(d);
	for (n = root; n; n = html_walk_next(n, root, 0))
		if (html_is(n, "h1")) {
			w = meta_title_h1_where(n);
			break;
		}
	html_free(d);
	return w;
}

/* An <h1> is the article's when the article, schema.org or its class
 * says so; one in navigation, a sidebar or the footer is not. */
static void
test_h1_where(void **state)
{
	(void)state;
	assert_int_equal(h1_where_of("<body><article><header><h1>Big news "
	                             "today</h1></header></article></body>"),
	    META_H1_STORY);
	assert_int_equal(h1_where_of("<body><div itemprop=\"headline\"><h1>Big "
	                             "news today</h1></div></body>"),
	    META_H1_STORY);
	assert_int_equal(h1_where_of("<body><h1 class=\"entry-Title\">Big news "
	                             "today</h1></body>"),
	    META_H1_STORY);
	assert_int_equal(
	    h1_where_of("<body><h1 class=\"logo\">Town Post</h1></body>"), 0);
	assert_int_equal(h1_where_of("<body><nav><h1 class=\"site-title\">Town "
	                             "Post</h1></nav></body>"),
	    META_H1_STORY | META_H1_ASIDE);
	assert_int_equal(h1_where_of("<body><footer><article><h1>Teaser "
	                             "text</h1></article></footer></body>"),
	    META_H1_STORY | META_H1_ASIDE);
}

/* A <title> reworded for search engines gives way to the article's own
 * <h1> of the same story; not to a heading of something else, a logo,
 * a one-word section, or an <h1> that only adds a section's label. */
static void
test_story_h1(void **state)
{
	const char *nzz[] = {"Der Nervenkrieg um den Brexit geht in die "
	                     "nächste Runde"};
	const char *two[] = {"Town Post", "Flächenverbrauch für Fleisch – "
	                                  "Warum wir weniger Acker bräuchten"};
	const char *lorem[] = {"Lorem ipsum dolor"};
	const char *label[] = {"Local News | Brothel busted in Boston"};
	const char *kicker[] = {"\"Pure Leere\": Kramer verpasst Peking"};
	const char *one[] = {"Design"};
	const char *teaser[] = {"News from the harbour"};
	const unsigned char st[] = {META_H1_STORY, META_H1_STORY};
	const unsigned char logo_st[] = {META_H1_STORY, META_H1_STORY};
	const unsigned char none[] = {0};
	const unsigned char aside[] = {META_H1_STORY | META_H1_ASIDE};

	(void)state;
	assert_ptr_equal(meta_title_story_h1("Brexit: Nervenkrieg geht in "
	                                     "nächste Runde",
	                     nzz, st, 1, "Neue Zürcher Zeitung", "www.nzz.ch"),
	    nzz[0]);
	/* the site's name is no headline; the next <h1> is */
	assert_ptr_equal(meta_title_story_h1("Flächenverbrauch für Fleisch, "
	                                     "Milch und Eier • Town Post",
	                     two, logo_st, 2, "Town Post", NULL),
	    two[1]);
	/* not the article's, or in the sidebar: the <title> stays */
	assert_null(meta_title_story_h1("Brexit: Nervenkrieg geht in nächste "
	                                "Runde",
	    nzz, none, 1, NULL, NULL));
	assert_null(meta_title_story_h1("Brexit: Nervenkrieg geht in nächste "
	                                "Runde",
	    nzz, aside, 1, NULL, NULL));
	/* no word in common: a test page's heading, not this story's */
	assert_null(meta_title_story_h1(
	    "Share buttons removal test", lorem, st, 1, NULL, NULL));
	/* one word in common is chance, not the same story */
	assert_null(meta_title_story_h1(
	    "Weekly News roundup | Town Post", teaser, st, 1, NULL, NULL));
	/* "Label | Headline": the <title> is the headline */
	assert_null(meta_title_story_h1(
	    "Brothel busted in Boston", label, st, 1, "Boston Herald", NULL));
	assert_null(meta_title_story_h1("Brothel busted in Boston - Boston "
	                                "Herald",
	    label, st, 1, "Boston Herald", NULL));
	/* a kicker before ": " belongs to the headline */
	assert_ptr_equal(meta_title_story_h1("Kramer verpasst Peking - "
	                                     "skispringen.com",
	                     kicker, st, 1, "skispringen.com", NULL),
	    kicker[0]);
	assert_null(meta_title_story_h1("Professionelles Design für "
	                                "Unternehmen | Von der See",
	    one, st, 1, NULL, NULL));
	assert_null(meta_title_story_h1(NULL, nzz, st, 1, NULL, NULL));
}

/* og:title with plain quotes and dashes copies the typographic <title>;
 * one that is typographic itself, or worded otherwise, does not. */
static void
test_plain_copy(void **state)
{
	(void)state;
	assert_true(meta_title_plain_copy("Tastings Januar - Mai 2020",
	    "Tastings Januar – Mai 2020 - whisky.example"));
	assert_true(meta_title_plain_copy(
	    "Er nennt es \"finished\"", "Er nennt es „finished“"));
	assert_false(meta_title_plain_copy("Neue Traumfrau bei „Sturm“",
	    "Neue Traumfrau bei \"Sturm\" | Spot on"));
	assert_false(meta_title_plain_copy(
	    "Tastings Januar - Mai 2020", "Tastings Januar - Mai 2020 | Site"));
	assert_false(meta_title_plain_copy(
	    "Alles hat seine Zeit...", "Alles hat seine Zeit… | Marktplatz"));
	assert_false(meta_title_plain_copy(
	    "Other words - here", "Tastings Januar – Mai 2020"));
	assert_false(meta_title_plain_copy(NULL, "x"));
	assert_false(meta_title_plain_copy("", "–"));
	assert_true(meta_title_typo_form(
	    "Er nennt es \"finished\"", "Er nennt es „finished“"));
	assert_true(meta_title_typo_form("Januar - Mai", "Januar – Mai"));
	assert_false(meta_title_typo_form(
	    "Er nennt es „finished“", "Er nennt es \"finished\""));
	assert_false(meta_title_typo_form("Januar - Mai", "Januar - Mai"));
	assert_false(meta_title_typo_form("Januar - Mai", "Februar – Mai"));
	assert_false(meta_title_typo_form(NULL, "–"));
}

/* Whole pipeline: an og:title that copies a reworded <title> gives way
 * to the article's <h1>; one that copies it with plain dashes gives way
 * to the <title>'s own spelling; a declared og:title of its own stays. */
static void
test_title_visible(void **state)
{
	const char *reworded =
	    "<html><head><title>Brexit: Nervenkrieg geht in nächste Runde | "
	    "Town Post</title><meta property=\"og:title\" content=\"Brexit: "
	    "Nervenkrieg geht in nächste Runde | Town Post\"></head><body>"
	    "<article><h1>Der Nervenkrieg um den Brexit geht in die nächste "
	    "Runde</h1>" PROSE("Brexit") "</article></body></html>";
	const char *plain =
	    "<html><head><title>Tastings Januar – Mai 2020 - Town "
	    "Post</title><meta property=\"og:title\" content=\"Tastings "
	    "Januar - Mai 2020\"><meta property=\"og:site_name\" "
	    "content=\"Town Post\"></head><body><article>" PROSE(
	        "Whisky") "</article></body></html>";
	const char *typo =
	    "<html><head><title>Er nennt es \"finished\" - Town Post</title>"
	    "<meta property=\"og:title\" content=\"Er nennt es "
	    "&quot;finished&quot;\"></head><body><article><h1>Er nennt es "
	    "„finished“</h1>" PROSE("Rap") "</article></body></html>";
	const char *witness =
	    "<html><head><title>What we learned | Town Post</title><meta "
	    "property=\"og:title\" content=\"What we learned from Harry "
	    "and Meghan\"><script type=\"application/ld+json\">{\"@type\": "
	    "\"WebPage\", \"name\": \"Eleven things we learned from "
	    "Harry and Meghan&#39;s interview\"}</script></head><body>"
	    "<article><h1>Eleven things we learned from Harry and Meghan's "
	    "interview</h1>" PROSE("Royal") "</article></body></html>";
	const char *own =
	    "<html><head><title>Plan approved | Town Post</title>"
	    "<meta property=\"og:title\" content=\"Council approves the "
	    "plan\"></head><body><article><h1>Council finally approves the "
	    "harbour plan</h1>" PROSE("Plan") "</article></body></html>";
	struct doc *d;

	(void)state;
	d = parse(reworded, "https://townpost.example/a.html");
	assert_string_equal(doc_get(d, DOC_TITLE),
	    "Der Nervenkrieg um den Brexit geht in die nächste Runde");
	doc_free(d);
	d = parse(plain, "https://townpost.example/b.html");
	assert_string_equal(
	    doc_get(d, DOC_TITLE), "Tastings Januar – Mai 2020");
	doc_free(d);
	/* the headline as shown, when meta tags only lost its quotes */
	d = parse(typo, "https://townpost.example/d.html");
	assert_string_equal(doc_get(d, DOC_TITLE), "Er nennt es „finished“");
	assert_string_equal(d->meta[DOC_TITLE].source, "h1");
	doc_free(d);
	/* the <h1> the page's JSON-LD WebPage also names beats a
	   share-card title worded apart */
	d = parse(witness, "https://townpost.example/e.html");
	assert_string_equal(doc_get(d, DOC_TITLE),
	    "Eleven things we learned from Harry and Meghan's interview");
	doc_free(d);
	d = parse(own, "https://townpost.example/c.html");
	assert_string_equal(doc_get(d, DOC_TITLE), "Council approves the plan");
	doc_free(d);
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
	    cmocka_unit_test(test_h1_side),
	    cmocka_unit_test(test_h1_where),
	    cmocka_unit_test(test_story_h1),
	    cmocka_unit_test(test_plain_copy),
	    cmocka_unit_test(test_title_visible),
	    cmocka_unit_test(test_host_label),
	    cmocka_unit_test(test_byline_helpers),
	    cmocka_unit_test(test_og_copy_of_title),
	    cmocka_unit_test(test_og_label),
	    cmocka_unit_test(test_og_several),
	    cmocka_unit_test(test_rel_author),
	    cmocka_unit_test(test_meta_author_names),
	    cmocka_unit_test(test_jsonld_nul),
	    cmocka_unit_test(test_jsonld_graph),
	    cmocka_unit_test(test_dateline),
	    cmocka_unit_test(test_byline_class),
	    cmocka_unit_test(test_saved_page_canonical),
	    cmocka_unit_test(test_opening_heading),
	    cmocka_unit_test(test_label_h1),
	    cmocka_unit_test(test_byline_line_break),
	    cmocka_unit_test(test_byline_label),
	    cmocka_unit_test(test_title_class),
	    cmocka_unit_test(test_short_year),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
