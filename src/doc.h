/*
 * doc.h - the document model: what lede knows about one article.
 *
 * A struct doc is a plain tree of blocks plus metadata and links, all UTF-8
 * and already sanitized (no control, escape or bidi-override characters:
 * every setter below cleans what it is given).  It carries no libxml2 or
 * curses types: the extractor builds it, render/dump/json/export read it.
 *
 * Ownership: the doc owns every string and block in it; doc_free() frees
 * the lot.  Pointers to blocks stay valid until doc_free() (children are
 * arrays of pointers, so adding a sibling never moves a block).
 */
#ifndef LEDE_DOC_H
#define LEDE_DOC_H

#include <stddef.h>

/* Metadata fields: enum name, JSON/config name. */
#define DOC_FIELDS(X)                                                          \
	X(TITLE, "title")                                                      \
	X(DECK, "deck")                                                        \
	X(BYLINE, "byline")                                                    \
	X(SITE_NAME, "site_name")                                              \
	X(LANG, "lang")                                                        \
	X(PUBLISHED, "published")                                              \
	X(MODIFIED, "modified")                                                \
	X(URL, "url")                                                          \
	X(CANONICAL, "canonical")                                              \
	X(LEAD_IMAGE, "lead_image")                                            \
	X(DIR, "dir")

enum doc_field_id {
#define X(id, name) DOC_##id,
	DOC_FIELDS(X)
#undef X
	DOC_NFIELDS
};

extern const char *const doc_field_names[DOC_NFIELDS];

struct doc_field {
	char *value;	/* NULL when unknown */
	char *source;	/* where it came from, e.g. "json-ld", "og:title" */
};

enum doc_block_type {
	DOC_ROOT,	/* the body: kids only */
	DOC_HEADING,	/* level 1..6, inline text */
	DOC_PARAGRAPH,	/* inline text */
	DOC_QUOTE,	/* kids; pull = 1 for a pull quote */
	DOC_LIST,	/* kids are DOC_ITEM; ordered, start */
	DOC_ITEM,	/* kids (usually one paragraph; nested lists) */
	DOC_PRE,	/* inline text, newlines kept */
	DOC_FIGURE,	/* src, alt, caption, credit; no kids */
	DOC_TABLE,	/* kids are DOC_ROW */
	DOC_ROW,	/* kids are DOC_CELL */
	DOC_CELL,	/* inline text; header = 1 for <th> */
	DOC_RULE,	/* <hr> */
};

extern const char *const doc_block_names[]; /* "root", "heading", ... */

enum doc_span_type {
	SPAN_EM,
	SPAN_STRONG,
	SPAN_CODE,
	SPAN_LINK,	/* link = index into doc->links */
	SPAN_QUOTE,	/* <q> or quoted speech found in the text */
};

struct doc_span {
	size_t start, end;	/* byte offsets into the inline text */
	enum doc_span_type type;
	int link;		/* SPAN_LINK: index into doc->links, else -1 */
};

/* Text with styled spans; text is NUL-terminated UTF-8. */
struct doc_inline {
	char *text;
	size_t len;
	struct doc_span *spans;
	size_t nspans;
};

struct doc_block {
	enum doc_block_type type;
	int level;		/* heading level */
	int ordered, start;	/* lists */
	int pull;		/* quotes: pull quote */
	int header;		/* cells: <th> */
	int cont;		/* items: the rest of an item begun before (an
				 * export of its later paragraphs): no marker */
	struct doc_inline in;	/* heading, paragraph, pre, cell */
	char *src, *alt, *caption, *credit; /* figures (absolute src) */
	struct doc_block **kids;
	size_t nkids;
};

enum doc_link_kind { LINK_INLINE, LINK_RELATED };

struct doc_link {
	char *text;
	char *url;	/* absolute */
	enum doc_link_kind kind;
	char *group;	/* related: the list's label, e.g. "Most viewed"; or NULL */
};

struct doc {
	struct doc_field meta[DOC_NFIELDS];
	struct doc_block *body;		/* a DOC_ROOT */
	struct doc_link *links;
	size_t nlinks;
	char *charset;			/* the charset the page was read in */
	char *charset_source;		/* "bom", "http", "meta", ... */
};

struct doc *doc_new(void);		/* NULL when out of memory */
/* What of the page a doc's limits left out ("the page was cut after
 * 200000 paragraphs"), or NULL when nothing was. */
const char *doc_cut(const struct doc *d);
void doc_free(struct doc *d);

/* Set a field (value sanitized, whitespace folded; empty means unset). */
int doc_set(struct doc *d, enum doc_field_id f, const char *value,
    const char *source);
const char *doc_get(const struct doc *d, enum doc_field_id f);

/* Append a new empty child of the given type; NULL when out of memory. */
struct doc_block *doc_block_add(struct doc_block *parent,
    enum doc_block_type type);
/* Remove and free the last child of parent (for builders that back out). */
void doc_block_pop(struct doc_block *parent);
void doc_block_free(struct doc_block *b);
/* Set a figure's strings (sanitized, NFC; NULL or empty leaves the field
 * NULL). */
int doc_block_setstr(char **field, const char *value);
/* The same for a URL (a figure's src): sanitized, not composed. */
int doc_block_seturl(char **field, const char *url);

/* Append text to an inline (sanitized); returns the byte offset where it
 * starts, or -1.  Whitespace handling is the caller's business. */
long doc_inline_append(struct doc_inline *in, const char *s, size_t n);
int doc_inline_span(struct doc_inline *in, size_t start, size_t end,
    enum doc_span_type type, int link);
/* Fold runs of spaces/newlines to one space, trim ends; spans follow. */
void doc_inline_squash(struct doc_inline *in);

/* Add a link; returns its index or -1. */
int doc_link_add(struct doc *d, const char *text, const char *url,
    enum doc_link_kind kind, const char *group);

/* Plain-text body: paragraphs separated by a blank line, no captions or
 * link lists (what --json calls "text").  Caller frees. */
char *doc_body_text(const struct doc *d);

#endif
