/*
 * test_extract.c - the reader-mode extractor on small pages: paragraphs
 * from <br><br>, figures (lazy sources, caption once), related-story
 * lists moved to links, menus/footers/comments/cookie boxes dropped,
 * headline and byline lines taken out of the body, metadata from JSON-LD
 * and meta tags, link density of built paragraphs.
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
#include "extract.h"
#include "extract_para.h"

/* Enough prose for the scorer to see an article. */
#define PROSE(w)                                                               \
	"<p>" w " one, the council said on Monday, after weeks of talks "      \
	"that ran late into the night, that the plan would go ahead.</p>"      \
	"<p>" w " two, officials added, in a statement that surprised few, "   \
	"that funding was secured for the coming years as well.</p>"           \
	"<p>" w " three, residents, who had campaigned for it, welcomed the "  \
	"news and said they would watch how the money is spent.</p>"

static struct doc *
parse(const char *html, const char *url)
{
	struct article_opts o = {0};
	struct lede_err err = {0};
	struct doc *d;

	o.url = url;
	d = article_from_html(html, strlen(html), &o, &err);
	if (d == NULL)
		fail_msg("article_from_html: %s", err.msg);
	return d;
}

static char *
text_of(struct doc *d)
{
	char *t = doc_body_text(d);

	assert_non_null(t);
	return t;
}

static size_t
count_type(const struct doc_block *b, enum doc_block_type t)
{
	size_t i, k = b->type == t;

	for (i = 0; i < b->nkids; i++)
		k += count_type(b->kids[i], t);
	return k;
}

static const struct doc_block *
find_type(const struct doc_block *b, enum doc_block_type t)
{
	const struct doc_block *r;
	size_t i;

	if (b->type == t)
		return b;
	for (i = 0; i < b->nkids; i++)
		if ((r = find_type(b->kids[i], t)) != NULL)
			return r;
	return NULL;
}

static void
test_br_paragraphs(void **state)
{
	const char *html =
	    "<html><body><div class=\"article-text\">"
	    "첫째 문단입니다. 정부는 15일 새로운 정책을 발표했다고 밝혔다, "
	    "관계자는 이렇게 말했다.<br><br>"
	    "둘째 문단입니다. 야당은 이 정책에 반대한다고 말했다, 그리고 "
	    "추가 논의를 요구했다.<br><br>"
	    "셋째 문단입니다. 전문가들은 효과를 지켜봐야 한다고 지적했다, "
	    "시민들의 반응도 엇갈렸다.<br>같은 문단의 다음 줄입니다."
	    "</div></body></html>";
	struct doc *d = parse(html, "https://example.kr/a/1");
	char *t = text_of(d);

	assert_int_equal(count_type(d->body, DOC_PARAGRAPH), 3);
	assert_non_null(strstr(t, "\n\n둘째 문단입니다."));
	/* a single <br> stays inside its paragraph */
	assert_non_null(strstr(t, "엇갈렸다. 같은 문단의"));
	free(t);
	doc_free(d);
}

static void
test_figure_caption_once(void **state)
{
	const char *html =
	    "<html><body><article>"
	    "<figure><img src=\"data:image/gif;base64,R0lGOD\" "
	    "data-src=\"/img/photo.jpg\" alt=\"Leaders meet in Vladivostok.\">"
	    "<figcaption>Leaders meet in Vladivostok. "
	    "<span class=\"credit\">(KCTV/Yonhap)</span></figcaption>"
	    "</figure>" PROSE("Body") "</article></body></html>";
	struct doc *d = parse(html, "https://news.example.com/world/1.html");
	const struct doc_block *f = find_type(d->body, DOC_FIGURE);
	char *t = text_of(d);

	assert_non_null(f);
	assert_string_equal(f->src, "https://news.example.com/img/photo.jpg");
	assert_string_equal(f->caption, "Leaders meet in Vladivostok.");
	assert_string_equal(f->credit, "(KCTV/Yonhap)");
	assert_null(f->alt);                   /* it repeated the caption */
	assert_null(strstr(t, "Vladivostok")); /* captions are not text */
	free(t);
	doc_free(d);
}

static void
test_related_and_boilerplate(void **state)
{
	const char *html =
	    "<html><head><title>T</title></head><body>"
	    "<nav><ul><li><a href=\"/n\">National</a></li>"
	    "<li><a href=\"/w\">World</a></li></ul></nav>"
	    "<div id=\"cookie-consent\">We use cookies. Accept?</div>"
	    "<div class=\"story\">" PROSE(
	        "Main") "<div class=\"share-bar\"><a "
	                "href=\"https://fb.example/s\">Share"
	                " on Facebook</a></div></div>"
	                "<div id=\"comments\"><p>I disagree with this article, "
	                "strongly,"
	                " and I have said so, many times, to anyone who would "
	                "listen to "
	                "me at all.</p></div>"
	                "<aside class=\"side\"><div class=\"most-viewed\">"
	                "<h3>Most viewed articles</h3><ul>"
	                "<li><a href=\"/a/1.html\">Court halts deportation of "
	                "student</a>"
	                "</li><li><a href=\"/a/2.html\">Approval rating falls "
	                "again</a>"
	                "</li></ul></div></aside>"
	                "<footer><p>All materials (c) Example. Unauthorized "
	                "reproduction "
	                "prohibited.</p></footer></body></html>";
	struct doc *d = parse(html, "https://example.com/a/0.html");
	char *t = text_of(d);
	size_t i, rel = 0;

	assert_non_null(strstr(t, "Main one"));
	assert_non_null(strstr(t, "Main three"));
	assert_null(strstr(t, "National"));
	assert_null(strstr(t, "cookies"));
	assert_null(strstr(t, "Share on"));
	assert_null(strstr(t, "disagree"));
	assert_null(strstr(t, "Most viewed"));
	assert_null(strstr(t, "deportation"));
	assert_null(strstr(t, "reproduction"));
	for (i = 0; i < d->nlinks; i++) {
		if (d->links[i].kind != LINK_RELATED)
			continue;
		rel++;
		assert_string_equal(d->links[i].group, "Most viewed articles");
		assert_non_null(
		    strstr(d->links[i].url, "https://example.com/a/"));
	}
	assert_int_equal(rel, 2);
	free(t);
	doc_free(d);
}

static void
test_metadata(void **state)
{
	const char *html =
	    "<html lang=\"en-GB\"><head>"
	    "<title>Budget deal reached | Example News</title>"
	    "<meta property=\"og:site_name\" content=\"Example News\">"
	    "<script type=\"application/ld+json\">{\"@context\":"
	    "\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":"
	    "\"Budget deal reached\",\"author\":[{\"@type\":\"Person\","
	    "\"name\":\"Jane Doe\"},{\"@type\":\"Person\",\"name\":"
	    "\"John Roe\"}],\"datePublished\":\"2023-09-15T15:36:00+09:00\","
	    "\"dateModified\":\"2023-09-16T08:00:00+09:00\"}</script>"
	    "<link rel=\"canonical\" href=\"/news/budget\">"
	    "</head><body><article><h1>Budget deal reached</h1>"
	    "<p class=\"byline\">By Jane Doe and John Roe</p>" PROSE(
	        "Deal") "</article></body></html>";
	struct doc *d = parse(html, "https://example.com/x?y=1");
	char *t = text_of(d);

	assert_string_equal(doc_get(d, DOC_TITLE), "Budget deal reached");
	assert_string_equal(d->meta[DOC_TITLE].source, "json-ld");
	assert_string_equal(doc_get(d, DOC_BYLINE), "Jane Doe, John Roe");
	assert_string_equal(doc_get(d, DOC_SITE_NAME), "Example News");
	assert_string_equal(doc_get(d, DOC_LANG), "en-GB");
	assert_string_equal(
	    doc_get(d, DOC_PUBLISHED), "2023-09-15T15:36:00+09:00");
	assert_string_equal(
	    doc_get(d, DOC_MODIFIED), "2023-09-16T08:00:00+09:00");
	assert_string_equal(
	    doc_get(d, DOC_CANONICAL), "https://example.com/news/budget");
	/* headline and byline are metadata, not body */
	assert_null(strstr(t, "Budget deal reached"));
	assert_null(strstr(t, "By Jane"));
	free(t);
	doc_free(d);
}

static void
test_visible_dates_and_body_byline(void **state)
{
	const char *html =
	    "<html><head><title>Summit | Daily</title></head>"
	    "<body><div class=\"article-head\"><h4 class=\"title\">Summit"
	    "</h4><p class=\"date-time\"><span>Posted on : 2023-09-15 15:36 "
	    "KST</span> <span>Modified on : 2023-09-16 10:00 KST</span></p>"
	    "</div><div class=\"text\">" PROSE(
	        "Summit") "<p>By Jung E-gil, staff reporter</p>"
	                  "<p>Updated 5:27 am CST, Wednesday, November 20, "
	                  "2019</p>"
	                  "<p>Advertisement</p></div></body></html>";
	struct doc *d = parse(html, NULL);
	char *t = text_of(d);

	assert_string_equal(
	    doc_get(d, DOC_PUBLISHED), "2023-09-15T15:36:00+09:00");
	assert_string_equal(
	    doc_get(d, DOC_MODIFIED), "2023-09-16T10:00:00+09:00");
	assert_string_equal(doc_get(d, DOC_BYLINE), "Jung E-gil");
	assert_null(strstr(t, "Jung E-gil"));
	assert_null(strstr(t, "Updated"));
	assert_null(strstr(t, "Advertisement"));
	assert_non_null(strstr(t, "Summit three"));
	free(t);
	doc_free(d);
}

static void
test_link_density(void **state)
{
	struct doc *d = doc_new();
	struct doc_inline in = {0};
	int l;

	(void)state;
	assert_non_null(d);
	doc_inline_append(&in, "Read more: ", 11);
	doc_inline_append(&in, "Other story", 11);
	l = doc_link_add(d, "Other story", "https://x/", LINK_INLINE, NULL);
	assert_int_equal(doc_inline_span(&in, 11, 22, SPAN_LINK, l), 0);
	assert_true(extract_para_link_density(&in) > 0.49);
	assert_true(extract_para_link_density(&in) < 0.51);
	assert_true(extract_para_junk(&in)); /* a teaser */
	free(in.text);
	free(in.spans);
	memset(&in, 0, sizeof(in));
	doc_inline_append(&in, "A plain sentence with no links at all.", 38);
	assert_true(extract_para_link_density(&in) == 0);
	assert_false(extract_para_junk(&in));
	free(in.text);
	doc_free(d);
	assert_true(extract_para_byline("By Jane Doe", 11));
	assert_false(extract_para_byline("By the way, it rained.", 22));
	assert_true(extract_para_byline("von Daniela Obers", 17));
	assert_false(extract_para_byline("by car, it takes an hour", 24));
}

static void
test_empty_and_odd(void **state)
{
	struct article_opts o = {0};
	struct lede_err err = {0};
	struct doc *d;
	char *t;
	size_t i;
	static char deep[200000];

	(void)state;
	assert_null(article_from_html("", 0, &o, &err));
	assert_int_equal(err.code, LEDE_EINPUT);
	d = parse("<p>tiny</p>", NULL);
	doc_free(d);
	/* deep nesting stays within the walkers' caps */
	strcpy(deep, "<html><body>");
	for (i = 0; i < 10000; i++)
		strcat(deep + strlen(deep) - 0, "<div>");
	strcat(deep, "deep text here that is long enough to be scored.");
	d = parse(deep, NULL);
	t = text_of(d);
	free(t);
	doc_free(d);
}

static void
test_lead_and_dates(void **state)
{
	/* The lead sits outside the article container but repeats the
	 * page's description; the date is only in the URL. */
	const char *html =
	    "<html><head>"
	    "<meta name=\"description\" content=\"The council approved "
	    "a new network of cycle lanes after a long debate on Monday "
	    "night.\"></head><body><div class=\"stage\"><p>The council "
	    "approved a new network of cycle lanes after a long debate on "
	    "Monday night.</p></div><div class=\"other\"><div "
	    "class=\"story\">" PROSE("Lanes") "</div></div></body></html>";
	struct doc *d = parse(html, "https://example.com/2021/06/07/lanes");
	char *t = text_of(d);

	(void)state;
	assert_non_null(strstr(t, "The council approved"));
	assert_true(strstr(t, "The council approved") < strstr(t, "Lanes one"));
	assert_string_equal(doc_get(d, DOC_PUBLISHED), "2021-06-07");
	assert_string_equal(d->meta[DOC_PUBLISHED].source, "url:date");
	free(t);
	doc_free(d);
	/* other URL shapes: a slug's day-first date, eight digits */
	d = parse(
	    html, "https://example.at/news/23-01-2022-race-report/1.html");
	assert_string_equal(doc_get(d, DOC_PUBLISHED), "2022-01-23");
	doc_free(d);
	d = parse(html, "https://example.de/aktuelles/08112021-fachtag");
	assert_string_equal(doc_get(d, DOC_PUBLISHED), "2021-11-08");
	doc_free(d);
	d = parse(html, "https://example.com/p/20230915/x");
	assert_string_equal(doc_get(d, DOC_PUBLISHED), "2023-09-15");
	doc_free(d);
	d = parse(html, "https://example.com/items/12345678/x");
	assert_null(doc_get(d, DOC_PUBLISHED));
	doc_free(d);
}

static void
test_noscript_and_credits(void **state)
{
	const char *html =
	    "<html><body><article>"
	    "<img src=\"data:image/gif;base64,R0lGOD\" alt=\"Harbour\">"
	    "<noscript><img src=\"/real/harbour.jpg\" alt=\"Harbour\">"
	    "</noscript>" PROSE(
	        "Harbour") "<p>Foto: Jane Roe/Agency</p><p>12 Kommentare</p>"
	                   "<p>Follow us on Twitter and Facebook for more "
	                   "news.</p>"
	                   "</article></body></html>";
	struct doc *d = parse(html, "https://port.example.org/news/1");
	const struct doc_block *f = find_type(d->body, DOC_FIGURE);
	char *t = text_of(d);

	(void)state;
	assert_non_null(f);
	assert_string_equal(
	    f->src, "https://port.example.org/real/harbour.jpg");
	assert_int_equal(count_type(d->body, DOC_FIGURE), 1);
	assert_null(strstr(t, "Foto:"));
	assert_null(strstr(t, "Kommentare"));
	assert_null(strstr(t, "Follow us"));
	assert_non_null(strstr(t, "Harbour three"));
	free(t);
	doc_free(d);
}

static void
test_comments_never_body(void **state)
{
	/* A short post and long comments: even when the retry drops the
	 * unlikely-class rule, the comment thread is not the article. */
	const char *html =
	    "<html><body><div class=\"post\"><p>Our open "
	    "thread for questions, this quarter, is here.</p></div>"
	    "<ol class=\"comment-list\"><li class=\"comment\"><p>" PROSE(
	        "Comment") "</p></li></ol></body></html>";
	struct doc *d = parse(html, NULL);
	char *t = text_of(d);

	(void)state;
	assert_null(strstr(t, "Comment one"));
	free(t);
	doc_free(d);
}

static void
test_class_words(void **state)
{
	(void)state;
	assert_int_equal(
	    extract_words("article-body") & (W_POS | W_MAYBE), W_POS | W_MAYBE);
	/* "ard" shares a first letter with "and", not the word */
	assert_int_equal(extract_words("standard-ard") & W_MAYBE, W_MAYBE);
	assert_int_equal(extract_words("ard") & W_MAYBE, 0);
	assert_int_equal(extract_words("Sidebar") & (W_NEG | W_UNLIKELY),
	    W_NEG | W_UNLIKELY);
	assert_int_equal(extract_words("x hid y") & W_NEG, W_NEG);
	assert_int_equal(extract_words("hidemyass") & W_NEG, 0);
	assert_int_equal(
	    extract_words("kommentarModul") & W_COMMENT, W_COMMENT);
	assert_int_equal(extract_words("most-viewed") & W_REL, W_REL);
	assert_int_equal(extract_words(""), 0);
}

static void
test_title_not_site(void **state)
{
	/* og:title that is only the site's name: the <h1> is the title */
	const char *html =
	    "<html><head><meta property=\"og:title\" "
	    "content=\"Investment Watch\"><meta property=\"og:site_name\" "
	    "content=\"Investment Watch\"></head><body><article><h1>Biggest "
	    "scheme in history uncovered</h1>" PROSE(
	        "Scheme") "</article></body></html>";
	struct doc *d = parse(html, "https://investmentwatchblog.com/x/");

	(void)state;
	assert_string_equal(
	    doc_get(d, DOC_TITLE), "Biggest scheme in history uncovered");
	assert_string_equal(d->meta[DOC_TITLE].source, "h1");
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_br_paragraphs),
	    cmocka_unit_test(test_figure_caption_once),
	    cmocka_unit_test(test_related_and_boilerplate),
	    cmocka_unit_test(test_metadata),
	    cmocka_unit_test(test_visible_dates_and_body_byline),
	    cmocka_unit_test(test_link_density),
	    cmocka_unit_test(test_empty_and_odd),
	    cmocka_unit_test(test_title_not_site),
	    cmocka_unit_test(test_class_words),
	    cmocka_unit_test(test_lead_and_dates),
	    cmocka_unit_test(test_noscript_and_credits),
	    cmocka_unit_test(test_comments_never_body),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
