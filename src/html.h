/*
 * html.h - the libxml2 HTML parser behind one function, plus the small
 * tree helpers the extractor and metadata readers share.
 *
 * libxml2 types appear here and must stay inside parse_html.c, extract*.c
 * and meta*.c: include this header nowhere else.  html_parse() returns a
 * tree the caller frees with html_free(); strings returned by html_attr()
 * are borrowed from the tree.
 */
#ifndef LEDE_HTML_H
#define LEDE_HTML_H

#include <stddef.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "buf.h"
#include "err.h"

#define HTML_MAX_DEPTH 200 /* our walkers stop descending below this */
/* below this depth html_parse() takes out wrapper elements */
#define HTML_FLAT_DEPTH 160

/* Parse UTF-8 text (never touches the network).  NULL with err filled. */
htmlDocPtr html_parse(const char *utf8, size_t n, struct lede_err *err);
void html_free(htmlDocPtr d);

/* The element's lowercase name, "" for non-elements. */
static inline const char *
html_name(const xmlNode *n)
{
	if (n == NULL || n->type != XML_ELEMENT_NODE || n->name == NULL)
		return "";
	return (const char *)n->name;
}
/* 1 for phrasing elements (a, b, span, ...) that do not break text. */
int html_is_inline(const char *name);
/* A tag name test, first byte first (walks test every element). */
static inline int
html_tag_is(const char *t, const char *name)
{
	return t[0] == name[0] && strcmp(t, name) == 0;
}
/* Inline, first byte first: the extractor asks this of every node. */
static inline int
html_is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->name &&
	       n->name[0] == (unsigned char)name[0] &&
	       strcmp((const char *)n->name, name) == 0;
}
/* Attribute value borrowed from the tree, NULL when absent. */
static inline const char *
html_attr(const xmlNode *n, const char *name)
{
	const xmlAttr *a;

	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (a = n->properties; a; a = a->next) {
		/* The HTML parser lowercases attribute names. */
		if (a->name == NULL || a->name[0] != (unsigned char)name[0] ||
		    strcmp((const char *)a->name, name) != 0)
			continue;
		if (a->children == NULL)
			return "";
		if (a->children->type == XML_TEXT_NODE && a->children->content)
			return (const char *)a->children->content;
		return "";
	}
	return NULL;
}
/* First element child / next element sibling, or NULL. */
xmlNode *html_first_el(const xmlNode *n);
xmlNode *html_next_el(const xmlNode *n);
/* Append the text under n (whitespace folded to single spaces). */
void html_text(const xmlNode *n, struct buf *out);
/* Same, as a new string with ends trimmed (caller frees); NULL if empty. */
char *html_text_dup(const xmlNode *n);
/* Next node in document order under root (skip: do not enter n's kids). */
static inline xmlNode *
html_walk_next(xmlNode *n, const xmlNode *root, int skip)
{
	if (!skip && n->children && n->type == XML_ELEMENT_NODE)
		return n->children;
	while (n && n != root) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}
/* Detach n and its subtree, which are not to be used again (freed now,
 * or with the page when it is held by an arena). */
void html_remove(xmlNode *n);
/* Put the tree's text and attribute values in Unicode NFC (nfc.c), all
 * but URLs; for pages nfc_needed() finds something to compose in. */
void html_compose(htmlDocPtr d);
/* Case-insensitive substring test (ASCII). */
int html_icontains(const char *hay, const char *needle);
/* The attribute lowercased into out ("" when absent); returns out. */
char *html_lower_attr(const xmlNode *n, const char *name, char *out, size_t sz);
/* 1 when lower (already lowercase) contains one of the needles. */
int html_any(const char *lower, const char *const *needles);

#endif
