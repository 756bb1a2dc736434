/*
 * test_helpers.h - builders shared by the cmocka tests: a paragraph, a
 * paragraph with one link, a page of prose and its article.  Include after
 * <cmocka.h>.  static inline, so a test that does not use one of them
 * gets no warning for it.
 */
#ifndef LEDE_TEST_HELPERS_H
#define LEDE_TEST_HELPERS_H

#include <string.h>

#include "article.h"
#include "doc.h"

/* Enough prose for the scorer to see an article. */
#define PROSE(w)                                                               \
	"<p>" w " one, the council said on Monday, after weeks of talks "      \
	"that ran late into the night, that the plan would go ahead.</p>"      \
	"<p>" w " two, officials added, in a statement that surprised few, "   \
	"that funding was secured for the coming years as well.</p>"           \
	"<p>" w " three, residents, who had campaigned for it, welcomed the "  \
	"news and said they would watch how the money is spent.</p>"

/* The article of html, or the test fails. */
static inline struct doc *
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

static inline struct doc_block *
para(struct doc_block *parent, const char *text)
{
	struct doc_block *b = doc_block_add(parent, DOC_PARAGRAPH);

	assert_non_null(b);
	assert_true(doc_inline_append(&b->in, text, strlen(text)) >= 0);
	return b;
}

/* Paragraph "before <a>text</a> after" with a link to url. */
static inline void
link_para(struct doc *d, struct doc_block *parent, const char *before,
    const char *text, const char *url, const char *after)
{
	struct doc_block *b = doc_block_add(parent, DOC_PARAGRAPH);
	long s;
	int l;

	doc_inline_append(&b->in, before, strlen(before));
	s = doc_inline_append(&b->in, text, strlen(text));
	l = doc_link_add(d, text, url, LINK_INLINE, NULL);
	assert_true(l >= 0);
	assert_int_equal(doc_inline_span(&b->in, (size_t)s,
	    (size_t)s + strlen(text), SPAN_LINK, l), 0);
	doc_inline_append(&b->in, after, strlen(after));
}

#endif
