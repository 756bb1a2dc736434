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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "article.h"
#include "buf.h"
#include "doc.h"
#include "extract.h"
#include "extract_para.h"
#include "test_helpers.h"



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

/* The charset reported is the one the page was read in: a label its
 * bytes contradict is not it. */
static void
test_charset_reported(void **state)
{
	static const char ru[] = "<html><head><meta charset=\"utf-8\">"
	    "<title>\xcf\xf0\xe8\xe2\xe5\xf2</title></head><body><article>"
	    "<p>\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0 \xcf\xf0\xe8\xe2"
	    "\xe5\xf2 \xec\xe8\xf0 \xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0"
	    "</p></article></body></html>";
	static const char ok[] = "<html><head><meta charset=\"utf-8\">"
	    "<title>Plan</title></head><body><p>caf\xc3\xa9 au lait</p>"
	    "</body></html>";
	struct article_opts o = {0};
	struct lede_err err = {0};
	struct doc *d;

	(void)state;
	d = article_from_bytes(ru, sizeof(ru) - 1, &o, &err);
	assert_non_null(d);
	assert_string_equal(doc_get(d, DOC_TITLE),
	    "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82");
	assert_string_equal(d->charset, "WINDOWS-1251");
	assert_string_equal(d->charset_source, "sniff");
	doc_free(d);
	d = article_from_bytes(ok, sizeof(ok) - 1, &o, &err);
	assert_non_null(d);
	assert_string_equal(d->charset, "utf-8");
	assert_string_equal(d->charset_source, "meta");
	doc_free(d);
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

/* The per-byte rule extract_text_fig() must agree with: a character
 * counts one (Hangul, kana and Han two), a run of whitespace one unless
 * it starts the text, a comma (also U+FF0C, U+3001, U+060C) one. */
static void
fig_ref(const unsigned char *s, int *chars, int *commas)
{
	int sp = 1;

	for (; *s; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
			*chars += !sp;
			sp = 1;
			continue;
		}
		sp = 0;
		if ((*s & 0xc0) == 0x80)
			continue;
		(*chars)++;
		if (*s == ',')
			(*commas)++;
		if ((*s & 0xf0) == 0xe0 && s[1] && s[2]) {
			unsigned u = ((unsigned)(*s & 0x0f) << 12) |
			             ((unsigned)(s[1] & 0x3f) << 6) | (s[2] & 0x3f);

			if ((u >= 0xac00 && u <= 0xd7a3) ||
			    (u >= 0x3040 && u <= 0x30ff) ||
			    (u >= 0x4e00 && u <= 0x9fff))
				(*chars)++;
			if (u == 0xff0c || u == 0x3001 || u == 0x060c)
				(*commas)++;
		}
	}
}

static void
test_text_figures(void **state)
{
	static const char *const parts[] = {" ", "\n", "\t", ",", "word",
	    "\xed\x95\x9c", "\xef\xbc\x8c", "\xc3\xa9", "\x0c", "  ",
	    "0123456789abcdef", "                 "};
	char s[512];
	unsigned seed = 1;
	int i, k, c, m, rc, rm;

	(void)state;
	c = m = 0;
	extract_text_fig((const unsigned char *)"Hello, world", &c, &m);
	assert_int_equal(c, 12);
	assert_int_equal(m, 1);
	c = m = 0;
	extract_text_fig((const unsigned char *)"  lead and trail  ", &c, &m);
	assert_int_equal(c, 15);
	c = m = 0;
	/* 가，나: two Hangul (two each) and a full-width comma */
	extract_text_fig(
	    (const unsigned char *)"\xea\xb0\x80\xef\xbc\x8c\xeb\x82\x98", &c,
	    &m);
	assert_int_equal(c, 5);
	assert_int_equal(m, 1);
	/* Texts long enough for the sixteen-byte path, cut anywhere. */
	for (i = 0; i < 2000; i++) {
		size_t n = 0;

		for (k = (int)(seed % 40); k > 0; k--) {
			const char *p;

			seed = seed * 1103515245u + 12345u;
			p = parts[(seed >> 16) % (sizeof(parts) / sizeof(*parts))];
			memcpy(s + n, p, strlen(p));
			n += strlen(p);
		}
		s[n] = '\0';
		seed = seed * 1103515245u + 12345u;
		c = m = rc = rm = 0;
		extract_text_fig((const unsigned char *)s, &c, &m);
		fig_ref((const unsigned char *)s, &rc, &rm);
		assert_int_equal(c, rc);
		assert_int_equal(m, rm);
	}
}

static void
test_inline_squash(void **state)
{
	struct doc_inline in;

	(void)state;
	memset(&in, 0, sizeof(in));
	assert_int_equal(doc_inline_append(&in, "  One  two\n", 11), 0);
	assert_int_equal(doc_inline_append(&in, " three\x1b[2J ", 11), 11);
	assert_string_equal(in.text, "  One  two\n three ");
	/* "One", "two\n three " and one over spaces only */
	assert_int_equal(doc_inline_span(&in, 2, 5, SPAN_EM, -1), 0);
	assert_int_equal(doc_inline_span(&in, 7, 18, SPAN_STRONG, -1), 0);
	assert_int_equal(doc_inline_span(&in, 5, 7, SPAN_EM, -1), 0);
	doc_inline_squash(&in);
	assert_string_equal(in.text, "One two three");
	assert_int_equal(in.len, 13);
	assert_int_equal(in.nspans, 2);
	assert_int_equal(in.spans[0].start, 0);
	assert_int_equal(in.spans[0].end, 3);
	assert_int_equal(in.spans[1].start, 4);
	assert_int_equal(in.spans[1].end, 13);
	/* already folded: kept, spans too */
	doc_inline_squash(&in);
	assert_string_equal(in.text, "One two three");
	assert_int_equal(in.nspans, 2);
	assert_int_equal(in.spans[1].end, 13);
	free(in.text);
	free(in.spans);
}

/* meta_read() on one page, through the stats pass's marks (marks 1) or
 * by walking the whole page (marks 0): the doc's fields and what it
 * keeps for later, as one string. */
static char *
meta_both(const char *html, int marks)
{
	struct lede_err err = {0};
	struct extract_ctx x;
	char *r;
	size_t i, n = 0, cap = 8192;

	memset(&x, 0, sizeof(x));
	assert_non_null(x.doc = doc_new());
	doc_set(x.doc, DOC_URL, "https://example.com/a/b", "input");
	assert_non_null(x.html = html_parse(html, strlen(html), &err));
	assert_int_equal(extract_stats(&x), 0);
	assert_true(x.ml_ok);
	x.ml_ok = marks;
	assert_int_equal(meta_read(&x), 0);
	assert_non_null(r = calloc(1, cap));
	for (i = 0; i < DOC_NFIELDS; i++)
		n += (size_t)snprintf(r + n, cap - n, "%zu=%s (%s)\n", i,
		    doc_get(x.doc, i) ? doc_get(x.doc, i) : "-",
		    x.doc->meta[i].source ? x.doc->meta[i].source : "-");
	n += (size_t)snprintf(r + n, cap - n, "rel=%s tag=%s raw=%s\n",
	    x.byline_rel ? x.byline_rel : "-",
	    x.title_tag ? x.title_tag : "-", x.title_raw ? x.title_raw : "-");
	for (i = 0; i < x.nbyline_cls; i++)
		n += (size_t)snprintf(r + n, cap - n, "cls=%s\n", x.byline_cls[i]);
	for (i = 0; i < x.nh1; i++)
		n += (size_t)snprintf(r + n, cap - n, "h1=%s\n", x.h1[i]);
	html_free(x.html);
	doc_free(x.doc);
	extract_release(&x);
	return r;
}

static void
test_meta_marks(void **state)
{
	/* every kind of element meta_read() reads, also inside a
	   <template> and below the walkers' depth limit */
	struct buf b;
	char *a, *w;
	int i;

	(void)state;
	buf_init(&b, 1 << 20);
	buf_puts(&b,
	    "<html lang=\"de_AT\" dir=\"ltr\"><head><title>Headline here | "
	    "Site</title><base href=\"/base/\"><meta property=\"og:title\" "
	    "content=\"OG one\"><meta name=\"author\" content=\"Meta "
	    "Author\"><link rel=\"canonical\" href=\"/canon\"><script "
	    "type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	    "\"headline\":\"LD headline\"}</script><script>var s = "
	    "{\"publishedAt\":\"2021-03-04T05:06:07Z\"};</script></head>"
	    "<body><div class=\"byline\">By Class Person</div><span "
	    "data-testid=\"story-byline\"><b>Test</b> Id</span><a "
	    "rel=\"author\" href=\"/p\"><b>Rel</b> Author</a><div itemprop=\"author\""
	    "><span itemprop=\"name\">Micro Name</span></div><p "
	    "itemprop=\"headline\"><b>Micro</b> headline</p><div "
	    "data-date=\"18. März 2020\"><i>x</i></div><time "
	    "datetime=\"2020-01-02\" pubdate><b>2</b> Jan</time><time><b>5</b> May "
	    "2019</time><h3>21.01.2022</h3><div class=\"post-meta\"><b>Posted"
	    "</b> 3 March 2018</div><h1>First <i>h1</i></h1><template><time "
	    "datetime=\"2017-07-07\"></time><meta property=\"og:site_name\" "
	    "content=\"Templ\"></template><style itemprop=\"x\">p{}</style>");
	for (i = 0; i < 210; i++)
		buf_puts(&b, "<div>");
	buf_puts(&b, "<span itemprop=\"dateModified\">2016-06-06</span>"
	             "<h1>Deep h1</h1>");
	for (i = 0; i < 210; i++)
		buf_puts(&b, "</div>");
	buf_puts(&b, PROSE("Body") "</body></html>");
	a = meta_both(b.data, 1);
	w = meta_both(b.data, 0);
	assert_string_equal(a, w);
	/* and the page gave something from each place */
	assert_non_null(strstr(a, "rel=Rel Author"));
	assert_non_null(strstr(a, "h1=Deep h1"));
	free(a);
	free(w);
	buf_release(&b);
}

/* Plain text (text/plain, or a file with no markup): a short first line
 * alone is the title, blank lines part paragraphs, and a '<' is text. */
static void
test_plain_text(void **state)
{
	const char *txt =
	    "Harbour notes\n\nThe lamps were lit on Saturday, and the band\r\n"
	    "played as the switch was thrown.\n\nPrices: 3 < 4 & 5 > 2.\n";
	const char *html = "<!DOCTYPE html><html><head><title>Real page"
	                   "</title></head><body><p>Hi.</p></body></html>";
	struct article_opts o = {0};
	struct lede_err err = {0};
	struct doc *d;

	(void)state;
	d = article_from_bytes(txt, strlen(txt), &o, &err);
	assert_non_null(d);
	assert_string_equal(doc_get(d, DOC_TITLE), "Harbour notes");
	assert_int_equal(d->body->nkids, 2);
	assert_string_equal(d->body->kids[0]->in.text,
	    "The lamps were lit on Saturday, and the band played as the "
	    "switch was thrown.");
	assert_string_equal(d->body->kids[1]->in.text, "Prices: 3 < 4 & 5 > 2.");
	doc_free(d);
	/* Served as text/plain: markup is text. */
	o.content_type = "text/plain; charset=utf-8";
	d = article_from_bytes("<b>bold</b> claim\nand more\n", 27, &o, &err);
	assert_non_null(d);
	assert_int_equal(d->body->nkids, 1);
	assert_string_equal(
	    d->body->kids[0]->in.text, "<b>bold</b> claim and more");
	doc_free(d);
	/* ...unless it opens as an HTML page. */
	d = article_from_bytes(html, strlen(html), &o, &err);
	assert_non_null(d);
	assert_string_equal(doc_get(d, DOC_TITLE), "Real page");
	doc_free(d);
	/* Blanks only: an error, as an empty page is. */
	o.content_type = NULL;
	assert_null(article_from_bytes(" \n\n \n", 5, &o, &err));
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
	    cmocka_unit_test(test_charset_reported),
	    cmocka_unit_test(test_title_not_site),
	    cmocka_unit_test(test_class_words),
	    cmocka_unit_test(test_lead_and_dates),
	    cmocka_unit_test(test_noscript_and_credits),
	    cmocka_unit_test(test_comments_never_body),
	    cmocka_unit_test(test_text_figures),
	    cmocka_unit_test(test_inline_squash),
	    cmocka_unit_test(test_meta_marks),
	    cmocka_unit_test(test_plain_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
