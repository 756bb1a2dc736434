/*
 * parse_html.c - libxml2's HTML parser with the options lede needs
 * (recover, quiet, no network) and tree helpers shared by the extractor
 * and the metadata readers.  See html.h.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/valid.h>

#include "html.h"
#include "html_arena.h"
#include "nfc.h"

#define HTML_MAX_TEXT ((size_t)16 << 20)

/* libxml2 must never write to stderr from the core. */
static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* Deeper than the walkers go (HTML_MAX_DEPTH) is markup gone wrong:
 * hundreds of unclosed <b> or <font>, or nested <div>s.  Below
 * HTML_FLAT_DEPTH such wrappers are taken out (their children take their
 * place), and what carries meaning stays: paragraphs, headings, links,
 * lists, quotes, figures, tables, microdata.  Below HTML_LEAF_DEPTH only
 * the leaves stay (text, line breaks, images), in reading order. */
#define HTML_LEAF_DEPTH (HTML_MAX_DEPTH - 10)

static int
kept_deep(const xmlNode *n)
{
	static const char *const keep[] = {
	    "p",
	    "h1",
	    "h2",
	    "h3",
	    "h4",
	    "h5",
	    "h6",
	    "a",
	    "ul",
	    "ol",
	    "li",
	    "dl",
	    "dt",
	    "dd",
	    "blockquote",
	    "q",
	    "figure",
	    "figcaption",
	    "img",
	    "picture",
	    "source",
	    "br",
	    "hr",
	    "pre",
	    "code",
	    "table",
	    "thead",
	    "tbody",
	    "tr",
	    "td",
	    "th",
	    "caption",
	    "time",
	    NULL,
	};
	size_t i;

	if (html_attr(n, "itemprop"))
		return 1;
	for (i = 0; keep[i]; i++)
		if (html_is(n, keep[i]))
			return 1;
	return 0;
}

/* Put n's children in its place, in order, and drop n; returns the first
 * of them.  By hand: xmlAddPrevSibling() would merge text nodes. */
static xmlNode *
unwrap(xmlNode *n)
{
	xmlNode *first = n->children, *last = n->last, *c;

	for (c = first; c; c = c->next)
		c->parent = n->parent;
	first->prev = n->prev;
	last->next = n->next;
	if (n->prev)
		n->prev->next = first;
	else
		n->parent->children = first;
	if (n->next)
		n->next->prev = last;
	else
		n->parent->last = last;
	n->children = n->last = n->prev = n->next = NULL;
	n->parent = NULL;
	html_remove(n);
	return first;
}

/* Only the leaves of top's subtree, as its children.  -1 when out of
 * memory. */
static int
leaves_only(xmlNode *top)
{
	xmlNode **leaf = NULL, **more, *n, *c;
	size_t nl = 0, cap = 0, i;

	for (n = top->children; n; n = html_walk_next(n, top, 0)) {
		if (n->type == XML_ELEMENT_NODE && n->children)
			continue;
		if (n->type != XML_TEXT_NODE && n->type != XML_ELEMENT_NODE)
			continue;
		if (nl == cap) {
			cap = cap ? cap * 2 : 64;
			if ((more = realloc(leaf, cap * sizeof(*leaf))) ==
			    NULL) {
				free(leaf);
				return -1;
			}
			leaf = more;
		}
		leaf[nl++] = n;
	}
	for (i = 0; i < nl; i++)
		xmlUnlinkNode(leaf[i]);
	while ((c = top->children) != NULL)
		html_remove(c);
	for (i = 0; i < nl; i++)
		xmlAddChild(top, leaf[i]);
	free(leaf);
	return 0;
}

static int
flatten(htmlDocPtr d)
{
	xmlNode *root = xmlDocGetRootElement(d), *n, *c;
	int depth = 0;

	/* Walk by hand to know the depth. */
	for (n = root; n;) {
		if (n->type == XML_ELEMENT_NODE && n->children) {
			if (depth >= HTML_LEAF_DEPTH) {
				for (c = n->children; c; c = c->next)
					if (c->type == XML_ELEMENT_NODE &&
					    c->children)
						break;
				if (c && leaves_only(n) == -1)
					return -1;
			} else if (depth >= HTML_FLAT_DEPTH && !kept_deep(n)) {
				n = unwrap(n);
				continue;
			} else {
				n = n->children;
				depth++;
				continue;
			}
		}
		while (n != root && n->next == NULL) {
			n = n->parent;
			depth--;
		}
		if (n == root)
			break;
		n = n->next;
	}
	return 0;
}

htmlDocPtr
html_parse(const char *utf8, size_t n, struct lede_err *err)
{
	struct html_arena *a;
	htmlDocPtr d;
	htmlParserCtxtPtr ctxt;
	int deep;
	/* HUGE: past 256 open elements libxml2 would stop reading and
	   lose the rest of the page (hundreds of unclosed <b> or <font>). */
	int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
	           HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
	           HTML_PARSE_COMPACT | XML_PARSE_HUGE;

	if (n > (size_t)0x7fffffff) {
		err_set(err, LEDE_ETOOBIG, "page too large to parse");
		return NULL;
	}
	xmlSetGenericErrorFunc(NULL, quiet);
	/* The tree, and all libxml2 allocates for it until html_free(),
	   lives in one arena (html_arena.c: a fifth of the parse was
	   malloc and free). */
	if ((a = html_arena_begin()) == NULL && html_arena_busy()) {
		err_set(err, LEDE_ENOMEM, "out of memory");
		return NULL;
	}
	if ((ctxt = htmlNewParserCtxt()) == NULL) {
		html_arena_end(a);
		err_set(err, LEDE_ENOMEM, "out of memory");
		return NULL;
	}
	d = htmlCtxtReadMemory(ctxt, utf8, (int)n, NULL, "UTF-8", opts);
	/* The stack of open elements doubles as it fills: past
	   HTML_FLAT_DEPTH it has been this high. */
	deep = ctxt->nameMax > HTML_FLAT_DEPTH;
	htmlFreeParserCtxt(ctxt);
	if (d == NULL || xmlDocGetRootElement(d) == NULL) {
		if (d)
			xmlFreeDoc(d);
		html_arena_end(a);
		err_set(err, LEDE_EINPUT, "cannot parse the page as html");
		return NULL;
	}
	/* Nothing looks elements up by id: free libxml2's table of them
	   now (xmlFreeDoc() would), so that freeing a removed subtree
	   does not copy, look up and unlink each of its ids. */
	if (d->ids) {
		xmlFreeIDTable(d->ids);
		d->ids = NULL;
	}
	if (deep && flatten(d) == -1) {
		html_free(d);
		err_set(err, LEDE_ENOMEM, "out of memory");
		return NULL;
	}
	return d;
}

void
html_free(htmlDocPtr d)
{
	struct html_arena *a;

	if (d == NULL)
		return;
	/* A tree made in an arena is held by it (node->_private is the
	   extractor's). */
	if ((a = html_arena_of(d)) == NULL) {
		xmlFreeDoc(d);
		return;
	}
	/* The dictionary's lock is malloc'd by libxml2 outside the hooks;
	   the rest of the tree goes with the arena. */
	if (d->dict)
		xmlDictFree(d->dict);
	html_arena_end(a);
}

xmlNode *
html_first_el(const xmlNode *n)
{
	xmlNode *c;

	for (c = n ? n->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return c;
	return NULL;
}

xmlNode *
html_next_el(const xmlNode *n)
{
	xmlNode *c;

	for (c = n ? n->next : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return c;
	return NULL;
}

static int
is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

int
html_is_inline(const char *t)
{
	static const char *const in[] = {
	    "a",
	    "abbr",
	    "b",
	    "bdi",
	    "bdo",
	    "acronym",
	    "big",
	    "label",
	    "cite",
	    "code",
	    "data",
	    "del",
	    "dfn",
	    "em",
	    "font",
	    "i",
	    "ins",
	    "kbd",
	    "mark",
	    "q",
	    "s",
	    "samp",
	    "small",
	    "span",
	    "strike",
	    "strong",
	    "sub",
	    "sup",
	    "time",
	    "tt",
	    "u",
	    "var",
	    "wbr",
	    "nobr",
	    NULL,
	};
	size_t i;

	for (i = 0; in[i]; i++)
		if (t[0] == in[i][0] && strcmp(t, in[i]) == 0)
			return 1;
	return 0;
}

static void
text_put(const unsigned char *s, struct buf *out)
{
	const unsigned char *r;
	size_t n, w, i;

	/* The whole text at once, then folded in place (folding only
	   shrinks it); near the cap, a word at a time below. */
	if (s && *s && (n = strlen((const char *)s)) < HTML_MAX_TEXT &&
	    buf_append(out, s, n) == 0) {
		char *d = out->data;

		for (i = w = out->len - n; i < out->len; i++) {
			if (!is_ws((unsigned char)d[i]))
				d[w++] = d[i];
			else if (w > 0 && d[w - 1] != ' ')
				d[w++] = ' ';
		}
		d[w] = '\0';
		out->len = w;
		return;
	}

	while (s && *s) {
		if (is_ws(*s)) {
			if (out->len && out->data[out->len - 1] != ' ')
				buf_putc(out, ' ');
			s++;
			continue;
		}
		/* a word at a time, not a byte at a time */
		for (r = s; *r && !is_ws(*r); r++)
			;
		if (buf_append(out, s, (size_t)(r - s)) == -1)
			/* near the cap: as much of the word as fits */
			for (; s < r && buf_putc(out, (char)*s) == 0; s++)
				;
		s = r;
	}
}

static void
text_rec(const xmlNode *n, struct buf *out, int depth)
{
	const xmlNode *c;

	for (c = n->children; c; c = c->next) {
		if (out->len > HTML_MAX_TEXT)
			return;
		if (c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE)
			text_put(c->content, out);
		else if (c->type == XML_ELEMENT_NODE &&
		         depth < HTML_MAX_DEPTH) {
			if (html_is(c, "script") || html_is(c, "style"))
				continue;
			if (html_is(c, "br") && out->len &&
			    out->data[out->len - 1] != ' ')
				buf_putc(out, ' ');
			text_rec(c, out, depth + 1);
			/* Block boundaries separate words ("CNN" "Updated"). */
			if (!html_is_inline(html_name(c)) && out->len &&
			    out->data[out->len - 1] != ' ')
				buf_putc(out, ' ');
		}
	}
}

void
html_text(const xmlNode *n, struct buf *out)
{
	if (n == NULL)
		return;
	if (n->type == XML_TEXT_NODE)
		text_put(n->content, out);
	else
		text_rec(n, out, 0);
}

char *
html_text_dup(const xmlNode *n)
{
	struct buf b;
	char *s, *p;
	size_t len;

	buf_init(&b, HTML_MAX_TEXT + 1024);
	html_text(n, &b);
	if (b.data == NULL)
		return NULL;
	s = b.data;
	while (*s == ' ')
		s++;
	len = strlen(s);
	while (len && s[len - 1] == ' ')
		len--;
	if (len == 0) {
		buf_release(&b);
		return NULL;
	}
	memmove(b.data, s, len);
	b.data[len] = '\0';
	p = buf_steal(&b);
	return p;
}

/* Compose the text node (or attribute text) n when it needs it. */
static void
compose_text(xmlNode *n)
{
	const char *t = (const char *)n->content;
	size_t len;
	char *c;

	if (t == NULL || !nfc_needed(t, strlen(t)) ||
	    (c = nfc_dup(t, strlen(t), &len)) == NULL)
		return;
	xmlNodeSetContent(n, BAD_CAST c);
	free(c);
}

/* An attribute whose value is (or may be) a URL: a server may not take
   a composed path for the decomposed one it has. */
static int
url_attr(const xmlAttr *a)
{
	/* and any name ending in "src", "srcset" or "url" (data-src) */
	static const char *const names[] = {"href", "action", "cite", "poster",
	    "longdesc", "background", "ping", "formaction", "manifest", NULL};
	const char *nm = (const char *)a->name, *v;
	size_t i, l;

	for (i = 0; names[i]; i++)
		if (strcmp(nm, names[i]) == 0)
			return 1;
	l = strlen(nm);
	if ((l >= 3 && strcmp(nm + l - 3, "src") == 0) ||
	    (l >= 3 && strcmp(nm + l - 3, "url") == 0) ||
	    (l >= 6 && strcmp(nm + l - 6, "srcset") == 0))
		return 1;
	v = a->children ? (const char *)a->children->content : NULL;
	return v && (strncmp(v, "http:", 5) == 0 ||
	                strncmp(v, "https:", 6) == 0 || v[0] == '/');
}

void
html_compose(htmlDocPtr d)
{
	xmlNode *root = xmlDocGetRootElement(d), *n;
	xmlAttr *a;
	xmlNode *v;

	for (n = root; n; n = html_walk_next(n, root, 0)) {
		if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) {
			compose_text(n);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (a = n->properties; a; a = a->next)
			if (!url_attr(a))
				for (v = a->children; v; v = v->next)
					if (v->type == XML_TEXT_NODE)
						compose_text(v);
	}
}

void
html_remove(xmlNode *n)
{
	if (n == NULL)
		return;
	xmlUnlinkNode(n);
	/* In an arena the subtree is given back with the page; freeing it
	   now would only walk it. */
	if (html_arena_of(n) == NULL)
		xmlFreeNode(n);
}

/* ASCII case folding, as tolower() does for these bytes in the C and
 * UTF-8 locales, without a call per byte. */
static int
fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

int
html_icontains(const char *hay, const char *needle)
{
	const unsigned char *h = (const unsigned char *)hay;
	const unsigned char *nd = (const unsigned char *)needle;
	size_t i;
	int c0;

	if (hay == NULL || nd[0] == '\0')
		return hay != NULL;
	c0 = fold(nd[0]);
	for (; *h; h++) {
		if (fold(*h) != c0)
			continue;
		for (i = 1; nd[i] && fold(h[i]) == fold(nd[i]); i++)
			;
		if (nd[i] == '\0')
			return 1;
	}
	return 0;
}

char *
html_lower_attr(const xmlNode *n, const char *name, char *out, size_t sz)
{
	const char *v = html_attr(n, name);
	size_t i = 0;

	if (v)
		for (; v[i] && i + 1 < sz; i++)
			out[i] =
			    (v[i] >= 'A' && v[i] <= 'Z') ? v[i] + 32 : v[i];
	out[i] = '\0';
	return out;
}

int
html_any(const char *lower, const char *const *needles)
{
	size_t i;

	if (lower == NULL || *lower == '\0')
		return 0;
	for (i = 0; needles[i]; i++)
		if (strstr(lower, needles[i]))
			return 1;
	return 0;
}
