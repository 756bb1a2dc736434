/*
 * url.h - resolve a link against the page's base URL (RFC 3986, 5.2).
 * Owned by the extract area; fetch may reuse it.  Pure string work: no
 * network, no libxml2.
 */
#ifndef LEDE_URL_H
#define LEDE_URL_H

#define URL_MAX 8192 /* longer references are refused */

/* 1 when s starts with a scheme ("http:", "mailto:", ...). */
int url_has_scheme(const char *s);
/*
 * Resolve ref against base (either may be NULL).  Surrounding spaces and
 * embedded tabs/newlines in ref are dropped.  Returns a new string
 * (caller frees), or NULL when ref is empty, too long, or a
 * "javascript:" / "data:" / "about:" reference.  Without a usable base, a
 * relative ref is returned as it is.
 */
char *url_resolve(const char *base, const char *ref);

/* A publication date in a URL's path (/2023/09/15/, /2023-09-15-slug,
 * /23-01-2022-slug, /20230915/, /08112021-slug) as "YYYY-MM-DD" (new
 * string), or NULL. */
char *url_date(const char *url);

#endif
