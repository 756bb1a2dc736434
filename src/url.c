/*
 * url.c - RFC 3986 reference resolution for links and image sources.
 * See url.h.  Components are split by hand (scheme, authority, path,
 * query, fragment) and merged with remove_dot_segments.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "url.h"
#include "util.h"

struct parts {
	const char *scheme, *auth, *path, *query, *frag;
	size_t nscheme, nauth, npath, nquery, nfrag;
	int has_auth, has_query, has_frag;
};

int
url_has_scheme(const char *s)
{
	const char *p = s;

	if (s == NULL || !isalpha((unsigned char)*p))
		return 0;
	while (
	    isalnum((unsigned char)*p) || *p == '+' || *p == '-' || *p == '.')
		p++;
	return *p == ':';
}

static void
split(const char *s, struct parts *u)
{
	const char *p = s, *e;

	memset(u, 0, sizeof(*u));
	if (url_has_scheme(s)) {
		e = strchr(s, ':');
		u->scheme = s;
		u->nscheme = (size_t)(e - s);
		p = e + 1;
	}
	if (p[0] == '/' && p[1] == '/') {
		p += 2;
		e = p + strcspn(p, "/?#");
		u->has_auth = 1;
		u->auth = p;
		u->nauth = (size_t)(e - p);
		p = e;
	}
	e = p + strcspn(p, "?#");
	u->path = p;
	u->npath = (size_t)(e - p);
	p = e;
	if (*p == '?') {
		p++;
		e = p + strcspn(p, "#");
		u->has_query = 1;
		u->query = p;
		u->nquery = (size_t)(e - p);
		p = e;
	}
	if (*p == '#') {
		u->has_frag = 1;
		u->frag = p + 1;
		u->nfrag = strlen(p + 1);
	}
}

/* RFC 3986 5.2.4 on a NUL-terminated copy, in place. */
static void
remove_dots(char *in)
{
	char *out = in, *r = in;

	while (*r) {
		if (strncmp(r, "../", 3) == 0)
			r += 3;
		else if (strncmp(r, "./", 2) == 0)
			r += 2;
		else if (strncmp(r, "/./", 3) == 0)
			r += 2;
		else if (strcmp(r, "/.") == 0)
			r[1] = '\0';
		else if (strncmp(r, "/../", 4) == 0 || strcmp(r, "/..") == 0) {
			if (r[3] == '\0')
				r[2] = '/', r += 2;
			else
				r += 3;
			while (out > in && *--out != '/')
				;
			*out = '\0';
		} else if (strcmp(r, ".") == 0 || strcmp(r, "..") == 0)
			r += strlen(r);
		else {
			if (*r == '/')
				*out++ = *r++;
			while (*r && *r != '/')
				*out++ = *r++;
		}
	}
	*out = '\0';
}

/* Copy ref without surrounding spaces and without tabs/newlines. */
static char *
clean_ref(const char *ref)
{
	size_t n;
	char *s, *o;

	while (*ref == ' ' || *ref == '\t' || *ref == '\n' || *ref == '\r' ||
	       *ref == '\f')
		ref++;
	n = strlen(ref);
	if (n > URL_MAX)
		return NULL;
	if ((s = malloc(n + 1)) == NULL)
		return NULL;
	for (o = s; *ref; ref++)
		if (*ref != '\t' && *ref != '\n' && *ref != '\r')
			*o++ = *ref;
	while (o > s && (o[-1] == ' ' || o[-1] == '\f'))
		o--;
	*o = '\0';
	return s;
}

static char *
resolve(const char *base, const char *ref)
{
	struct parts b, r;
	struct buf out, path;
	char *p;

	split(ref, &r);
	split(base, &b);
	if (b.scheme == NULL)
		return strdup(ref);
	buf_init(&out, URL_MAX * 2);
	buf_init(&path, URL_MAX * 2);
	if (r.scheme == NULL && r.has_auth) {
		buf_append(&out, b.scheme, b.nscheme);
		buf_puts(&out, ":");
		buf_puts(&out, ref);
		buf_release(&path);
		return buf_steal(&out);
	}
	buf_append(&out, b.scheme, b.nscheme);
	buf_puts(&out, ":");
	if (b.has_auth) {
		buf_puts(&out, "//");
		buf_append(&out, b.auth, b.nauth);
	}
	if (r.npath == 0) {
		buf_append(&path, b.path, b.npath);
		if (!r.has_query && b.has_query) {
			r.has_query = 1;
			r.query = b.query;
			r.nquery = b.nquery;
		}
	} else if (r.path[0] == '/')
		buf_append(&path, r.path, r.npath);
	else {
		const char *slash = NULL, *q;

		for (q = b.path; q < b.path + b.npath; q++)
			if (*q == '/')
				slash = q;
		if (b.has_auth && b.npath == 0)
			buf_puts(&path, "/");
		else if (slash)
			buf_append(&path, b.path, (size_t)(slash - b.path + 1));
		buf_append(&path, r.path, r.npath);
	}
	if (path.data) {
		remove_dots(path.data);
		buf_puts(&out, path.data);
	}
	buf_release(&path);
	if (r.has_query) {
		buf_puts(&out, "?");
		buf_append(&out, r.query, r.nquery);
	}
	if (r.has_frag) {
		buf_puts(&out, "#");
		buf_append(&out, r.frag, r.nfrag);
	}
	if ((p = buf_steal(&out)) == NULL)
		return NULL;
	return p;
}

char *
url_resolve(const char *base, const char *ref)
{
	char *r, *b = NULL, *out;

	if (ref == NULL || (r = clean_ref(ref)) == NULL)
		return NULL;
	if (*r == '\0' || strncasecmp(r, "javascript:", 11) == 0 ||
	    strncasecmp(r, "data:", 5) == 0 ||
	    strncasecmp(r, "about:", 6) == 0 ||
	    strncasecmp(r, "vbscript:", 9) == 0) {
		free(r);
		return NULL;
	}
	if (url_has_scheme(r) || base == NULL ||
	    (b = clean_ref(base)) == NULL || !url_has_scheme(b)) {
		free(b);
		return r;
	}
	out = resolve(b, r);
	free(b);
	free(r);
	return out;
}

/* YYYY/MM/DD, YYYY-MM-DD or YYYY/MM in a URL path: "YYYY-MM-DD" (day 1
 * is not guessed: a month alone gives nothing). */
char *
url_date(const char *u)
{
	const char *p = strstr(u, "://");
	int y, mo, d;
	char out[16];

	p = p ? strchr(p + 3, '/') : NULL;
	for (; p && *p; p++) {
		if (*p != '/' && *p != '-' && *p != '_')
			continue;
		/* eight digits opening a segment: 20230915 or 08112021 */
		if (*p == '/' && strspn(p + 1, "0123456789") == 8) {
			int a = atoi((char[]){p[1], p[2], p[3], p[4], 0});
			int b2 = atoi((char[]){p[5], p[6], 0});
			int c2 = atoi((char[]){p[7], p[8], 0});
			int dd = atoi((char[]){p[1], p[2], 0});
			int mm = atoi((char[]){p[3], p[4], 0});
			int yy = atoi((char[]){p[5], p[6], p[7], p[8], 0});

			if (a >= 1995 && a <= 2100 && b2 >= 1 && b2 <= 12 &&
			    c2 >= 1 && c2 <= 31) {
				snprintf(out, sizeof(out), "%04d-%02d-%02d", a,
				    b2, c2);
				return xstrdup(out);
			}
			if (yy >= 1995 && yy <= 2100 && mm >= 1 && mm <= 12 &&
			    dd >= 1 && dd <= 31) {
				snprintf(out, sizeof(out), "%04d-%02d-%02d", yy,
				    mm, dd);
				return xstrdup(out);
			}
		}
		/* a slug's "23-01-2022-..." reads day first */
		if (isdigit((unsigned char)p[1]) &&
		    isdigit((unsigned char)p[2]) && p[3] == '-' &&
		    sscanf(p + 1, "%2d-%2d-%4d", &d, &mo, &y) == 3 &&
		    isdigit((unsigned char)p[7]) &&
		    isdigit((unsigned char)p[10]) &&
		    !isdigit((unsigned char)p[11]) && y >= 1995 && y <= 2100 &&
		    mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
			snprintf(out, sizeof(out), "%04d-%02d-%02d", y, mo, d);
			return xstrdup(out);
		}
		if (sscanf(p + 1, "%4d/%2d/%2d", &y, &mo, &d) == 3 ||
		    sscanf(p + 1, "%4d-%2d-%2d", &y, &mo, &d) == 3) {
			if (y >= 1995 && y <= 2100 && mo >= 1 && mo <= 12 &&
			    d >= 1 && d <= 31 &&
			    isdigit((unsigned char)p[5]) == 0) {
				snprintf(out, sizeof(out), "%04d-%02d-%02d", y,
				    mo, d);
				return xstrdup(out);
			}
		}
	}
	return NULL;
}
