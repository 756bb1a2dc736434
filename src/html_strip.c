/*
 * html_strip.c - script and style code, and bogus comments, out of a page
 * before parsing.
 * See html_strip.h.  What is a tag follows libxml2 2.9's HTML parser in
 * recovery mode (htmlParseContentInternal, htmlParseStartTag,
 * htmlParseEndTag, htmlParseComment, htmlParseScript): a tag opens with
 * '<' and a letter; a script's text runs to the first "</script", any
 * case.  tests/test_strip.c holds the scan to the parser on random pages,
 * so a libxml2 that reads pages otherwise shows there.
 */
#define _GNU_SOURCE /* memmem */
#include <string.h>
#include <strings.h>

#include <libxml/xmlversion.h>

#include "html_strip.h"

enum kind { K_OTHER, K_SCRIPT, K_STYLE };

struct tag {
	size_t end; /* just past its '>' */
	int empty;  /* ended "/>" */
	int json;   /* a type attribute naming JSON */
};

static int
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
letter(char c)
{
	return ((unsigned char)c | 0x20) >= 'a' &&
	       ((unsigned char)c | 0x20) <= 'z';
}

/* htmlParseHTMLName's characters: the first, and the rest. */
static int
name_start(char c)
{
	return letter(c) || c == '_' || c == ':' || c == '.';
}

static int
name_char(char c)
{
	return name_start(c) || c == '-' || (c >= '0' && c <= '9');
}

static int
named(const char *s, size_t n, const char *name)
{
	return strlen(name) == n && strncasecmp(s, name, n) == 0;
}

static int
has_json(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 4 <= n; i++)
		if (strncasecmp(s + i, "json", 4) == 0)
			return 1;
	return 0;
}

/* The attributes and end of a start tag whose name ends at s[j].  -1 when
 * the tag does not end (an open quote, or the end of the page). */
static int
start_tag(const char *s, size_t n, size_t j, struct tag *t)
{
	const char *q;
	size_t a, an, v, vn;

	memset(t, 0, sizeof(*t));
	for (;;) {
		while (j < n && blank(s[j]))
			j++;
		if (j >= n)
			return -1;
		if (s[j] == '>') {
			t->end = j + 1;
			return 0;
		}
		if (s[j] == '/' && j + 1 < n && s[j + 1] == '>') {
			t->end = j + 2;
			t->empty = 1;
			return 0;
		}
		if (!name_start(s[j])) {
			/* A bogus attribute: up to a blank or the tag's end. */
			while (j < n && !blank(s[j]) && s[j] != '>' &&
			       !(s[j] == '/' && j + 1 < n && s[j + 1] == '>'))
				j++;
			continue;
		}
		for (a = j; j < n && name_char(s[j]); j++)
			;
		an = j - a;
		while (j < n && blank(s[j]))
			j++;
		if (j >= n || s[j] != '=')
			continue;
		for (j++; j < n && blank(s[j]); j++)
			;
		if (j >= n)
			return -1;
		if (s[j] == '"' || s[j] == '\'') {
			if ((q = memchr(s + j + 1, s[j], n - j - 1)) == NULL)
				return -1;
			v = j + 1;
			vn = (size_t)(q - s) - v;
			j = (size_t)(q - s) + 1;
		} else {
			for (v = j; j < n && !blank(s[j]) && s[j] != '>'; j++)
				;
			vn = j - v;
		}
		if (named(s + a, an, "type") && has_json(s + v, vn))
			t->json = 1;
	}
}

static enum kind
kind_of(const char *name, size_t n)
{
	if (named(name, n, "script"))
		return K_SCRIPT;
	if (named(name, n, "style"))
		return K_STYLE;
	return K_OTHER;
}

/* The first "</name" (any case) in s[0..n), or NULL. */
static const char *
find_close(const char *s, size_t n, const char *name, size_t nl)
{
	const char *p = s, *end = s + n;

	while ((size_t)(end - p) >= nl + 2 &&
	       (p = memchr(p, '<', (size_t)(end - p) - nl - 1)) != NULL) {
		if (p[1] == '/' && strncasecmp(p + 2, name, nl) == 0)
			return p;
		p++;
	}
	return NULL;
}

/* Just past the end of a comment whose text starts at s[j]: the first
 * "-->", or "--!>" (libxml2 2.9 takes both); 0 when none. */
static size_t
comment_end(const char *s, size_t n, size_t j)
{
	const char *q;

	while (j + 3 <= n && (q = memmem(s + j, n - j, "--", 2)) != NULL) {
		j = (size_t)(q - s);
		if (j + 2 < n && s[j + 2] == '>')
			return j + 3;
		if (j + 3 < n && s[j + 2] == '!' && s[j + 3] == '>')
			return j + 4;
		j++;
	}
	return 0;
}

/* Is s[0..i) blanks and comments only (a BOM too)? */
static int
only_prolog(const char *s, size_t i)
{
	size_t j = 0;
	const char *q;

	if (i >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		j = 3;
	for (;;) {
		while (j < i && blank(s[j]))
			j++;
		if (j == i)
			return 1;
		if (i - j < 7 || memcmp(s + j, "<!--", 4) != 0 ||
		    (q = memmem(s + j + 4, i - j - 4, "-->", 3)) == NULL)
			return 0;
		j = (size_t)(q - s) + 3;
	}
}

static size_t
skip_blanks(const char *s, size_t n, size_t j)
{
	while (j < n && blank(s[j]))
		j++;
	return j;
}

/* A quoted literal at s[j]: just past its closing quote, or 0 when it
 * does not close (libxml2 then reads to the end). */
static size_t
literal(const char *s, size_t n, size_t j)
{
	const char *q;

	if (j >= n || (s[j] != '"' && s[j] != '\''))
		return j;
	q = memchr(s + j + 1, s[j], n - j - 1);
	return q ? (size_t)(q - s) + 1 : 0;
}

/* Just past a DOCTYPE whose name starts at s[j] (after "<!DOCTYPE"), or
 * 0.  As htmlParseDocTypeDecl: a name, then SYSTEM "literal" or PUBLIC
 * "id" "literal" (quotes kept whole: they may hold '>'), then anything up
 * to the next '>'. */
static size_t
doctype_end(const char *s, size_t n, size_t j)
{
	const char *q;
	int pub;

	j = skip_blanks(s, n, j);
	while (j < n && name_char(s[j]))
		j++;
	j = skip_blanks(s, n, j);
	if (j + 6 <= n && (strncasecmp(s + j, "SYSTEM", 6) == 0 ||
	    strncasecmp(s + j, "PUBLIC", 6) == 0)) {
		pub = (s[j] | 0x20) == 'p';
		if ((j = literal(s, n, skip_blanks(s, n, j + 6))) == 0)
			return 0;
		if (pub && (j = literal(s, n, skip_blanks(s, n, j))) == 0)
			return 0;
	}
	if (j >= n || (q = memchr(s + j, '>', n - j)) == NULL)
		return 0;
	return (size_t)(q - s) + 1;
}

/* Just past the '>' that ends a bogus comment whose text starts at s[j]
 * (after "<!"), or 0: only when no '<' comes first and it is short, so
 * that libxml2 reads all of it as text and nothing else goes (nor an
 * entity, which tests/test_strip.c could not tell from text). */
static size_t
bogus_end(const char *s, size_t n, size_t j)
{
	size_t k, lim = n - j > 512 ? j + 512 : n;

	for (k = j; k < lim; k++) {
		if (s[k] == '<' || s[k] == '&' || s[k] == '\0')
			return 0;
		if (s[k] == '>')
			return k + 1;
	}
	return 0;
}

/* Does this script's text hold what meta.c reads from scripts (the
 * "ublish" and "reated" its date keys share)? */
static int
script_kept(const char *s, size_t n)
{
	return memmem(s, n, "ublish", 6) != NULL ||
	       memmem(s, n, "reated", 6) != NULL;
}

size_t
html_strip_code(char *s, size_t n)
{
	size_t pos = 0, r = 0, w = 0, i, j, e;
	const char *p, *q;
	struct tag t;
	enum kind k;
	int in_body = 0; /* a <body> tag was read */

#if LIBXML_VERSION >= 21400
	/* libxml2 2.14 tokenizes as HTML5 does: these rules are not its. */
	return n;
#endif
	/* libxml2 stops reading at a NUL: leave such a page alone. */
	if (s == NULL || memchr(s, '\0', n) != NULL)
		return n;
	while (pos < n && (p = memchr(s + pos, '<', n - pos)) != NULL) {
		i = (size_t)(p - s);
		if (i + 2 >= n)
			break;
		if (letter(s[i + 1])) {
			for (j = i + 1; j < n && name_char(s[j]); j++)
				;
			/* libxml2 cuts a name at 100 bytes and reads the
			 * rest as an attribute. */
			if (j - i - 1 > 100 || start_tag(s, n, j, &t) == -1)
				break;
			if (!in_body && named(s + i + 1, j - i - 1, "body"))
				in_body = 1;
			k = kind_of(s + i + 1, j - i - 1);
			if (t.empty || k == K_OTHER) {
				pos = t.end;
				continue;
			}
			q = find_close(
			    s + t.end, n - t.end, s + i + 1, j - i - 1);
			e = q ? (size_t)(q - s) : n;
			/* "</scriptx" ends libxml2's read of the text but
			 * not the element, whose text goes on after it. */
			if (q == NULL || e + 2 + (j - i - 1) >= n ||
			    name_char(s[e + 2 + (j - i - 1)]))
				break;
			if (e == t.end) {
				/* Empty: its end tag is read as one. */
				pos = e;
				continue;
			}
			/* Text that opens with a tag or another end tag is
			 * read as markup first (the tag may close the
			 * script): not followed here. */
			if (t.end + 1 < n && s[t.end] == '<' &&
			    (s[t.end + 1] == '/' || letter(s[t.end + 1])))
				break;
			if (k == K_STYLE ||
			    (!t.json && !script_kept(s + t.end, e - t.end))) {
				memmove(s + w, s + r, t.end - r);
				w += t.end - r;
				r = e;
			}
			pos = e;
		} else if (s[i + 1] == '!' && s[i + 2] == '-' && i + 3 < n &&
		           s[i + 3] == '-') {
			if ((e = comment_end(s, n, i + 4)) == 0)
				break;
			pos = e;
		} else if (s[i + 1] == '/' && name_start(s[i + 2])) {
			/* An end tag runs to the next '>', quotes or not. */
			if ((q = memchr(s + i + 2, '>', n - i - 2)) == NULL)
				break;
			pos = (size_t)(q - s) + 1;
		} else if (s[i + 1] == '!' && n - i >= 9 &&
		           strncasecmp(s + i + 2, "doctype", 7) == 0) {
			/* Only the one that opens the page: one later on is
			 * read in ways not followed here. */
			if (!only_prolog(s, i) ||
			    (e = doctype_end(s, n, i + 9)) == 0)
				break;
			pos = e;
		} else if (s[i + 1] == '?' &&
		           ((unsigned char)s[i + 2] >= 0x80 || s[i + 2] == '.')) {
			/* Maybe a processing instruction, maybe text. */
			break;
		} else if (s[i + 1] == '?' && name_start(s[i + 2])) {
			if ((q = memchr(s + i + 2, '>', n - i - 2)) == NULL)
				break;
			pos = (size_t)(q - s) + 1;
		} else if (s[i + 1] == '!' && in_body &&
		           (e = bogus_end(s, n, i + 2)) != 0) {
			/* "<! --- Reg Wall -->", "<![if !IE]>": libxml2 2.9
			 * shows these as text, a browser hides them (HTML5's
			 * bogus comment, to the next '>').  Taken out after
			 * <body>: before, libxml2 may give the '<' to the
			 * head or drop it, and open a paragraph. */
			memmove(s + w, s + r, i - r);
			w += i - r;
			r = e;
			pos = e;
		} else {
			/* "<" as text ("</" of no name is dropped, the same
			 * for this scan). */
			pos = i + 1;
		}
	}
	if (w == r)
		return n;
	memmove(s + w, s + r, n - r);
	return w + (n - r);
}
