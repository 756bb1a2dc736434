/*
 * article.h - the pipeline from bytes to a struct doc: charset, parse,
 * metadata, reader-mode extraction.  The one entry point every front end
 * (dump, json, reader, export) uses.
 */
#ifndef LEDE_ARTICLE_H
#define LEDE_ARTICLE_H

#include <stddef.h>

#include "doc.h"
#include "err.h"

struct article_opts {
	const char *url;	/* base URL for relative links; may be NULL */
	const char *encoding;	/* --encoding override, or NULL */
	const char *content_type; /* HTTP Content-Type, or NULL */
};

/* Returns a doc (caller frees with doc_free) or NULL with err filled. */
struct doc *article_from_bytes(const char *bytes, size_t n,
    const struct article_opts *o, struct lede_err *err);
/* Same, from text already in UTF-8 (no charset step). */
struct doc *article_from_html(const char *utf8, size_t n,
    const struct article_opts *o, struct lede_err *err);

#endif
