/*
 * plain_text.c - plain text as HTML for the extractor.  See plain_text.h.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "plain_text.h"

#define PLAIN_MAX PLAIN_TEXT_MAX

/* After a '<' at s[-1]: a comment, a DOCTYPE, or a tag of HTML's own
 * ("<p>", "</div>", "<a href"), not "<john@example.com>" or "a<b". */
static int
markup_at(const char *s, size_t n)
{
	static const char *const tags[] = {"a", "abbr", "article", "aside", "b",
	    "blockquote", "body", "br", "code", "dd", "div", "dl", "dt", "em",
	    "figcaption", "figure", "font", "footer", "h1", "h2", "h3", "h4",
	    "h5", "h6", "head", "header", "hr", "html", "i", "img", "li",
	    "link", "main", "meta", "nav", "ol", "p", "pre", "q", "script",
	    "section", "small", "span", "strong", "style", "sub", "sup",
	    "table", "td", "th", "time", "title", "tr", "u", "ul", NULL};
	size_t i, k;

	if (n >= 3 && (strncmp(s, "!--", 3) == 0 ||
	                  (n >= 8 && strncasecmp(s, "!doctype", 8) == 0)))
		return 1;
	if (n > 0 && s[0] == '/') {
		s++;
		n--;
	}
	for (k = 0; k < n && k < 12 && isalnum((unsigned char)s[k]); k++)
		;
	if (k == 0 || (k < n && s[k] != '>' && s[k] != '/' &&
	                  !isspace((unsigned char)s[k])))
		return 0;
	for (i = 0; tags[i]; i++)
		if (strlen(tags[i]) == k && strncasecmp(s, tags[i], k) == 0)
			return 1;
	return 0;
}

int
plain_text_is(const char *s, size_t n, const char *content_type)
{
	const char *p, *e = s + n;

	if (content_type != NULL) {
		while (isspace((unsigned char)*content_type))
			content_type++;
		if (strncasecmp(content_type, "text/plain", 10) != 0)
			return 0;
		/* A page that opens as HTML is HTML, whatever a server
		   misconfigured says. */
		for (p = s; p < e && isspace((unsigned char)*p); p++)
			;
		return !(e - p >= 5 && (strncasecmp(p, "<!doc", 5) == 0 ||
		                           strncasecmp(p, "<html", 5) == 0));
	}
	for (p = s; p < e && (p = memchr(p, '<', (size_t)(e - p))) != NULL; p++)
		if (markup_at(p + 1, (size_t)(e - p - 1)))
			return 0;
	return 1;
}

/* Append s[0, n) to b, HTML-escaped. */
static int
put_escaped(struct buf *b, const char *s, size_t n)
{
	size_t i, from = 0;
	const char *r;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '&':
			r = "&amp;";
			break;
		case '<':
			r = "&lt;";
			break;
		case '>':
			r = "&gt;";
			break;
		default:
			continue;
		}
		if (buf_append(b, s + from, i - from) == -1 ||
		    buf_puts(b, r) == -1)
			return -1;
		from = i + 1;
	}
	return buf_append(b, s + from, n - from);
}

/* Is the line s[0, n) only blanks? */
static int
blank_line(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isspace((unsigned char)s[i]))
			return 0;
	return 1;
}

/* The length of the line at p, e the text's end. */
static size_t
next_len(const char *p, const char *e)
{
	const char *nl = memchr(p, '\n', (size_t)(e - p));

	return nl ? (size_t)(nl - p) : (size_t)(e - p);
}

char *
plain_text_html(const char *s, size_t n, size_t *len)
{
	struct buf b;
	const char *p = s, *e = s + n, *nl;
	size_t ll;
	int open = 0, first = 1, rc = 0;

	if (n > PLAIN_MAX)
		return NULL;
	buf_init(&b, PLAIN_MAX * 2);
	rc |= buf_puts(&b, "<html><body>\n");
	while (p < e && rc == 0) {
		nl = memchr(p, '\n', (size_t)(e - p));
		ll = nl ? (size_t)(nl - p) : (size_t)(e - p);
		if (ll > 0 && p[ll - 1] == '\r')
			ll--;
		if (blank_line(p, ll)) {
			if (open)
				rc |= buf_puts(&b, "</p>\n");
			open = 0;
		} else if (!open && first && ll < 120 &&
		           (nl == NULL || nl + 1 >= e ||
		               blank_line(nl + 1, next_len(nl + 1, e)))) {
			/* A short first line standing alone: the title. */
			rc |= buf_puts(&b, "<h1>");
			rc |= put_escaped(&b, p, ll);
			rc |= buf_puts(&b, "</h1>\n");
		} else {
			rc |= buf_puts(&b, open ? "\n" : "<p>");
			rc |= put_escaped(&b, p, ll);
			open = 1;
		}
		if (!blank_line(p, ll))
			first = 0;
		p = nl ? nl + 1 : e;
	}
	if (open)
		rc |= buf_puts(&b, "</p>\n");
	rc |= buf_puts(&b, "</body></html>\n");
	if (rc != 0 || b.data == NULL) {
		buf_release(&b);
		return NULL;
	}
	*len = b.len;
	return buf_steal(&b);
}
