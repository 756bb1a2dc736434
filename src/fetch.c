/*
 * fetch.c - fetch one http(s) URL with libcurl, as a job that an event loop
 * steps (curl multi), with a blocking wrapper.  Redirects are bounded,
 * answers may be compressed, bodies are capped, and every failure becomes
 * one line that says what went wrong in words (see fetch.h).
 */
#define _GNU_SOURCE /* strcasestr */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>
#include <zlib.h>

#include <config.h> /* autoconf's, from the build directory */

#include "fetch.h"
#include "util.h"

#define HDR_MAX 1024		/* longest header value we keep */
#define REASON_MAX 64

struct fetch_job {
	CURLM *multi;
	CURL *easy;
	struct curl_slist *hdrs;
	struct buf body;
	char *url;
	long timeout_ms;
	int max_redirs;
	int any_type;
	int added;		/* easy is in multi */
	int done;
	int too_big, not_html, http_fail;
	/* The answer's Content-Encoding, decoded here rather than by
	 * libcurl, which takes a compressed stream cut short for a whole
	 * one: ENC_x, inflate started, raw deflate, stream ended, bad. */
	int enc, zinit, zraw, zend, zbad;
	z_stream z;
	CURLcode result;
	/* Headers of the latest response (reset at each status line, so a
	 * redirect's headers never leak into the final answer). */
	char *etag, *last_modified, *cache_control, *expires;
	char reason[REASON_MAX];
	char errbuf[CURL_ERROR_SIZE];
};

static int curl_ready;

void
fetch_opts_default(struct fetch_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->timeout_ms = FETCH_TIMEOUT_DEFAULT;
	o->connect_timeout_ms = FETCH_CONNECT_TIMEOUT_DEFAULT;
	o->max_bytes = FETCH_MAX_DEFAULT;
	o->max_redirs = FETCH_REDIRS_DEFAULT;
}

int
fetch_type_is_html(const char *ct)
{
	static const char *const ok[] = {
		"text/html", "application/xhtml+xml", "application/xml",
		"text/xml", "application/rss+xml", "application/atom+xml",
	};
	size_t i, n;

	if (ct == NULL)
		return 1;
	while (*ct == ' ' || *ct == '\t')
		ct++;
	if (*ct == '\0')
		return 1;
	for (i = 0; i < ARRAY_LEN(ok); i++) {
		n = strlen(ok[i]);
		if (strncasecmp(ct, ok[i], n) == 0 &&
		    (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' '))
			return 1;
	}
	return 0;
}

/* Keep a header value: trimmed, printable ASCII only, capped. */
static char *
header_value(const char *v, size_t n)
{
	char *s;
	size_t i, k = 0;

	while (n > 0 && (*v == ' ' || *v == '\t'))
		v++, n--;
	while (n > 0 && isspace((unsigned char)v[n - 1]))
		n--;
	if (n > HDR_MAX)
		n = HDR_MAX;
	if ((s = malloc(n + 1)) == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		if (v[i] >= 0x20 && v[i] < 0x7f)
			s[k++] = v[i];
	s[k] = '\0';
	return s;
}

enum { ENC_NONE, ENC_GZIP, ENC_DEFLATE, ENC_OTHER };

static void
inflate_reset(struct fetch_job *j)
{
	if (j->zinit)
		inflateEnd(&j->z);
	j->zinit = j->zraw = j->zend = j->zbad = 0;
	j->enc = ENC_NONE;
}

static void
headers_reset(struct fetch_job *j)
{
	free(j->etag);
	free(j->last_modified);
	free(j->cache_control);
	free(j->expires);
	j->etag = j->last_modified = j->cache_control = j->expires = NULL;
	j->reason[0] = '\0';
}

/* The reason phrase of a status line, letters and spaces only. */
static void
status_reason(struct fetch_job *j, const char *line, size_t n)
{
	size_t i = 0, k = 0;
	int fields = 0;

	while (i < n && fields < 2) {
		while (i < n && line[i] != ' ')
			i++;
		while (i < n && line[i] == ' ')
			i++;
		fields++;
	}
	for (; i < n && k + 1 < sizeof(j->reason); i++) {
		char c = line[i];

		if (isalnum((unsigned char)c) || c == ' ' || c == '-' ||
		    c == '\'')
			j->reason[k++] = c;
	}
	while (k > 0 && j->reason[k - 1] == ' ')
		k--;
	j->reason[k] = '\0';
}

static size_t
on_header(char *p, size_t size, size_t nmemb, void *arg)
{
	struct fetch_job *j = arg;
	size_t n = size * nmemb;
	const char *colon;
	char **slot = NULL;
	size_t k;

	if (n >= 5 && strncmp(p, "HTTP/", 5) == 0) {
		headers_reset(j);
		inflate_reset(j);
		status_reason(j, p, n);
		return n;
	}
	if ((colon = memchr(p, ':', n)) == NULL)
		return n;
	k = (size_t)(colon - p);
	if (k == 16 && strncasecmp(p, "content-encoding", 16) == 0) {
		char *v = header_value(colon + 1, n - k - 1);

		if (v == NULL || *v == '\0' || strcasecmp(v, "identity") == 0)
			j->enc = ENC_NONE;
		else if (strcasecmp(v, "gzip") == 0 ||
		    strcasecmp(v, "x-gzip") == 0)
			j->enc = ENC_GZIP;
		else if (strcasecmp(v, "deflate") == 0)
			j->enc = ENC_DEFLATE;
		else
			j->enc = ENC_OTHER;
		free(v);
		return n;
	}
	if (k == 4 && strncasecmp(p, "etag", 4) == 0)
		slot = &j->etag;
	else if (k == 13 && strncasecmp(p, "last-modified", 13) == 0)
		slot = &j->last_modified;
	else if (k == 13 && strncasecmp(p, "cache-control", 13) == 0)
		slot = &j->cache_control;
	else if (k == 7 && strncasecmp(p, "expires", 7) == 0)
		slot = &j->expires;
	if (slot != NULL) {
		free(*slot);
		*slot = header_value(colon + 1, n - k - 1);
	}
	return n;
}

/* Inflate n bytes of the answer into the body; -1 stops the transfer
 * (too big, or not the compressed data it says it is). */
static int
inflate_into(struct fetch_job *j, const char *p, size_t n)
{
	unsigned char out[16384];
	int rc, first = !j->zinit;

	/* Bytes after the end of the stream are left, as browsers do. */
	if (j->zend)
		return 0;
	if (!j->zinit) {
		memset(&j->z, 0, sizeof(j->z));
		/* 15 + 32: a gzip or a zlib header, whichever it is. */
		if (inflateInit2(&j->z, 15 + 32) != Z_OK)
			return j->zbad = -1;
		j->zinit = 1;
	}
	j->z.next_in = (Bytef *)p;
	j->z.avail_in = (uInt)n;
	/* On while input is left, or output filled the buffer (zlib may
	   hold more: raw deflate has no trailer to leave input over). */
	do {
		j->z.next_out = out;
		j->z.avail_out = sizeof(out);
		rc = inflate(&j->z, Z_NO_FLUSH);
		if (rc == Z_DATA_ERROR && j->enc == ENC_DEFLATE && !j->zraw &&
		    first && j->z.total_out == 0) {
			/* "deflate" without its zlib header, as some
			   servers send it. */
			inflateEnd(&j->z);
			memset(&j->z, 0, sizeof(j->z));
			j->zinit = 0;
			if (inflateInit2(&j->z, -15) != Z_OK)
				return j->zbad = -1;
			j->zinit = j->zraw = 1;
			j->z.next_in = (Bytef *)p;
			j->z.avail_in = (uInt)n;
			continue;
		}
		if (rc == Z_STREAM_END)
			j->zend = 1;
		else if (rc != Z_OK && rc != Z_BUF_ERROR) {
			j->zbad = 1;
			return -1;
		}
		if (buf_append(&j->body, out, sizeof(out) - j->z.avail_out) ==
		    -1) {
			j->too_big = 1;
			return -1;
		}
		if (rc == Z_BUF_ERROR)
			break;
	} while (!j->zend && (j->z.avail_in > 0 || j->z.avail_out == 0));
	return 0;
}

static size_t
on_body(char *p, size_t size, size_t nmemb, void *arg)
{
	struct fetch_job *j = arg;
	size_t n = size * nmemb;

	if (j->body.len == 0) {
		long code = 0;
		char *ct = NULL;

		curl_easy_getinfo(j->easy, CURLINFO_RESPONSE_CODE, &code);
		curl_easy_getinfo(j->easy, CURLINFO_CONTENT_TYPE, &ct);
		/* Stop early: an error page or a PDF is not worth reading. */
		if (code >= 400) {
			j->http_fail = 1;
			return 0;
		}
		if (code >= 200 && code < 300 && !j->any_type &&
		    !fetch_type_is_html(ct)) {
			j->not_html = 1;
			return 0;
		}
	}
	if (j->enc == ENC_OTHER) {
		j->zbad = 1;
		return 0;
	}
	if (j->enc != ENC_NONE)
		return inflate_into(j, p, n) == -1 ? 0 : n;
	if (buf_append(&j->body, p, n) == -1) {
		j->too_big = 1;
		return 0;
	}
	return n;
}

/* Appends a request header line; on failure the list stays whole (and
 * owned by j) rather than being lost to a NULL. */
static int
add_header(struct fetch_job *j, const char *line)
{
	struct curl_slist *l = curl_slist_append(j->hdrs, line);

	if (l == NULL)
		return -1;
	j->hdrs = l;
	return 0;
}

struct fetch_job *
fetch_job_start(const char *url, const struct fetch_opts *o,
    struct lede_err *err)
{
	struct fetch_opts def;
	struct fetch_job *j;
	struct buf h;
	CURL *e;

	if (o == NULL) {
		fetch_opts_default(&def);
		o = &def;
	}
	if (url == NULL || (strncasecmp(url, "http://", 7) != 0 &&
	    strncasecmp(url, "https://", 8) != 0)) {
		err_set(err, LEDE_EUSAGE, "cannot fetch '%s': not an http or "
		    "https URL", url ? url : "");
		return NULL;
	}
	if (!curl_ready) {
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0) {
			err_set(err, LEDE_ENET, "cannot fetch '%s': libcurl "
			    "failed to start", url);
			return NULL;
		}
		curl_ready = 1;
	}
	if ((j = calloc(1, sizeof(*j))) == NULL)
		goto nomem;
	buf_init(&j->body, o->max_bytes ? o->max_bytes : FETCH_MAX_DEFAULT);
	j->timeout_ms = o->timeout_ms > 0 ? o->timeout_ms :
	    FETCH_TIMEOUT_DEFAULT;
	j->max_redirs = o->max_redirs == 0 ? FETCH_REDIRS_DEFAULT :
	    o->max_redirs < 0 ? 0 : o->max_redirs;
	j->any_type = o->any_type;
	if ((j->url = xstrdup(url)) == NULL ||
	    (j->multi = curl_multi_init()) == NULL ||
	    (j->easy = e = curl_easy_init()) == NULL)
		goto nomem;

	if (add_header(j, "Accept: text/html,application/xhtml+xml,"
	    "application/xml;q=0.9,*/*;q=0.8") == -1)
		goto nomem;
	buf_init(&h, 2 * HDR_MAX);
	if (o->etag && *o->etag && buf_printf(&h, "If-None-Match: %s",
	    o->etag) == 0) {
		if (add_header(j, h.data) == -1) {
			buf_release(&h);
			goto nomem;
		}
		buf_release(&h);
		buf_init(&h, 2 * HDR_MAX);
	}
	if (o->last_modified && *o->last_modified &&
	    buf_printf(&h, "If-Modified-Since: %s", o->last_modified) == 0 &&
	    add_header(j, h.data) == -1) {
		buf_release(&h);
		goto nomem;
	}
	buf_release(&h);

	curl_easy_setopt(e, CURLOPT_URL, url);
#if LIBCURL_VERSION_NUM >= 0x075500	/* 7.85: the bitmasks are deprecated */
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(e, CURLOPT_PROTOCOLS, CURLPROTO_HTTP | CURLPROTO_HTTPS);
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS,
	    CURLPROTO_HTTP | CURLPROTO_HTTPS);
#endif
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(e, CURLOPT_MAXREDIRS, (long)j->max_redirs);
	curl_easy_setopt(e, CURLOPT_AUTOREFERER, 1L);
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, j->timeout_ms);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
	    o->connect_timeout_ms > 0 ? o->connect_timeout_ms :
	    FETCH_CONNECT_TIMEOUT_DEFAULT);
	/* Compressed answers are inflated in on_body(), to know that they
	   are whole. */
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
	curl_easy_setopt(e, CURLOPT_HTTP_CONTENT_DECODING, 0L);
	curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE,
	    (curl_off_t)j->body.max);
	curl_easy_setopt(e, CURLOPT_USERAGENT, "lede/" PACKAGE_VERSION);
	curl_easy_setopt(e, CURLOPT_HTTPHEADER, j->hdrs);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, j->errbuf);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, j);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, j);
	if (curl_multi_add_handle(j->multi, e) != CURLM_OK)
		goto nomem;
	j->added = 1;
	return j;
nomem:
	fetch_job_cancel(j);
	err_set(err, LEDE_ENOMEM, "cannot fetch '%s': out of memory", url);
	return NULL;
}

int
fetch_job_fdset(struct fetch_job *j, fd_set *rd, fd_set *wr, fd_set *ex,
    int *maxfd, long *timeout_ms)
{
	long t = -1;
	int m = -1;

	if (j->done) {
		*timeout_ms = 0;
		return 0;
	}
	if (curl_multi_fdset(j->multi, rd, wr, ex, &m) != CURLM_OK)
		return -1;
	if (m > *maxfd)
		*maxfd = m;
	curl_multi_timeout(j->multi, &t);
	/* No socket yet (a resolver thread is working): poll soon. */
	if (m == -1 && (t < 0 || t > 100))
		t = 100;
	if (t >= 0 && (*timeout_ms < 0 || t < *timeout_ms))
		*timeout_ms = t;
	return 0;
}

int
fetch_job_wait(struct fetch_job *j, int extra_fd, int timeout_ms,
    int *extra_ready)
{
	struct curl_waitfd w;
	int n;

	if (extra_ready)
		*extra_ready = 0;
	if (j->done)
		return 0;
	w.fd = extra_fd;
	w.events = CURL_WAIT_POLLIN;
	w.revents = 0;
	if (curl_multi_wait(j->multi, extra_fd >= 0 ? &w : NULL,
	    extra_fd >= 0 ? 1 : 0, timeout_ms, &n) != CURLM_OK)
		return -1;
	if (extra_ready && extra_fd >= 0)
		*extra_ready = (w.revents & CURL_WAIT_POLLIN) != 0;
	return 0;
}

int
fetch_job_step(struct fetch_job *j)
{
	CURLMsg *m;
	int running = 0, left;

	if (j->done)
		return 1;
	if (curl_multi_perform(j->multi, &running) != CURLM_OK) {
		j->result = CURLE_OUT_OF_MEMORY;
		j->done = 1;
		return 1;
	}
	while ((m = curl_multi_info_read(j->multi, &left)) != NULL) {
		if (m->msg == CURLMSG_DONE && m->easy_handle == j->easy) {
			j->result = m->data.result;
			j->done = 1;
		}
	}
	return j->done;
}

void
fetch_job_progress(const struct fetch_job *j, long long *got,
    long long *total)
{
	curl_off_t a = 0, b = -1;

	curl_easy_getinfo(j->easy, CURLINFO_SIZE_DOWNLOAD_T, &a);
	curl_easy_getinfo(j->easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &b);
	*got = (long long)a;
	*total = (long long)b;
}

static const char *
reason_for(long code)
{
	switch (code) {
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 410: return "Gone";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 502: return "Bad Gateway";
	case 503: return "Service Unavailable";
	case 504: return "Gateway Timeout";
	default: return "";
	}
}

/* Cache lifetime from Cache-Control, then Expires; 0: revalidate. */
static time_t
expiry(const struct fetch_job *j, time_t now)
{
	const char *cc = j->cache_control, *p;
	long age;

	if (cc != NULL) {
		if (strcasestr(cc, "no-cache") || strcasestr(cc, "no-store"))
			return 0;
		if ((p = strcasestr(cc, "max-age=")) != NULL) {
			age = strtol(p + 8, NULL, 10);
			if (age <= 0)
				return 0;
			if (age > 365L * 86400)
				age = 365L * 86400;
			return now + age;
		}
	}
	if (j->expires != NULL) {
		time_t t = curl_getdate(j->expires, NULL);

		return t > now ? t : 0;
	}
	return 0;
}

/* The proxy libcurl takes from the environment for url, or NULL: the
 * scheme's variable or ALL_PROXY, unless NO_PROXY is "*" or names the
 * host (as a word of its list: good enough to word an error). */
static const char *
proxy_of(const char *url)
{
	const char *px = NULL, *np, *h, *e;
	size_t hl;

	if (strncasecmp(url, "https:", 6) == 0)
		px = getenv("https_proxy") ? getenv("https_proxy") :
		    getenv("HTTPS_PROXY");
	else if (strncasecmp(url, "http:", 5) == 0)
		px = getenv("http_proxy");
	if (px == NULL || *px == '\0')
		px = getenv("all_proxy") ? getenv("all_proxy") :
		    getenv("ALL_PROXY");
	if (px == NULL || *px == '\0')
		return NULL;
	np = getenv("no_proxy") ? getenv("no_proxy") : getenv("NO_PROXY");
	if (np && strcmp(np, "*") == 0)
		return NULL;
	if (np && (h = strstr(url, "://")) != NULL) {
		h += 3;
		/* user:password@host */
		if ((e = strpbrk(h, "@/?#")) != NULL && *e == '@')
			h = e + 1;
		hl = *h == '[' ? strcspn(h, "]") + 1 : strcspn(h, ":/?#");
		for (e = np; *e;) {
			size_t l = strcspn(e, ","), a = 0, b = l;

			while (a < b && e[a] == ' ')
				a++;
			while (b > a && e[b - 1] == ' ')
				b--;
			/* The host, or a domain it is in (".example.com" or
			   "example.com" both cover www.example.com). */
			if (b > a && e[a] == '.')
				a++;
			if (b > a && hl >= b - a &&
			    strncasecmp(h + hl - (b - a), e + a, b - a) == 0 &&
			    (hl == b - a || h[hl - (b - a) - 1] == '.'))
				return NULL;
			e += l;
			if (*e == ',')
				e++;
		}
	}
	return px;
}

static int
fail(const struct fetch_job *j, struct lede_err *err)
{
	const char *u = j->url;
	long code = 0, oserr = 0;
	CURLcode r = j->result;
	char why[CURL_ERROR_SIZE];
	const char *px;
	size_t i, k = 0;

	/* curl's message may quote the peer: keep printable ASCII. */
	for (i = 0; j->errbuf[i] != '\0' && k + 1 < sizeof(why); i++)
		if (j->errbuf[i] >= 0x20 && j->errbuf[i] < 0x7f)
			why[k++] = j->errbuf[i];
	why[k] = '\0';

	curl_easy_getinfo(j->easy, CURLINFO_RESPONSE_CODE, &code);
	if (j->http_fail || (r == CURLE_OK && code >= 400)) {
		const char *rp = j->reason[0] ? j->reason : reason_for(code);

		return err_set(err, LEDE_EHTTP, "cannot fetch '%s': HTTP "
		    "%ld%s%s", u, code, *rp ? " " : "", rp);
	}
	if (j->not_html) {
		char *ct = NULL, *clean;
		int rc;

		/* The server's words: printable ASCII only. */
		curl_easy_getinfo(j->easy, CURLINFO_CONTENT_TYPE, &ct);
		clean = ct ? header_value(ct, strlen(ct)) : NULL;
		rc = err_set(err, LEDE_EINPUT, "cannot open '%s': not HTML "
		    "(%.60s)", u, clean ? clean : "unknown type");
		free(clean);
		return rc;
	}
	if (j->zbad || (r == CURLE_OK && j->zinit && !j->zend))
		return err_set(err, LEDE_ENET, "cannot fetch '%s': %s", u,
		    j->enc == ENC_OTHER ? "an encoding lede does not read" :
		    j->zbad ? "damaged compressed answer" :
		    "compressed answer cut short");
	if (j->too_big || r == CURLE_FILESIZE_EXCEEDED) {
		if (j->body.max >= ((size_t)1 << 20))
			return err_set(err, LEDE_ETOOBIG, "cannot fetch '%s': "
			    "larger than %zu MiB", u, j->body.max >> 20);
		return err_set(err, LEDE_ETOOBIG, "cannot fetch '%s': larger "
		    "than %zu bytes", u, j->body.max);
	}
	switch (r) {
	case CURLE_OK:
		return err_set(err, LEDE_EHTTP, "cannot fetch '%s': unexpected "
		    "HTTP status %ld", u, code);
	case CURLE_COULDNT_RESOLVE_HOST:
		return err_set(err, LEDE_ENET, "cannot fetch '%s': host not "
		    "found", u);
	case CURLE_COULDNT_RESOLVE_PROXY:
		return err_set(err, LEDE_ENET, "cannot fetch '%s': proxy not "
		    "found", u);
	case CURLE_COULDNT_CONNECT:
		curl_easy_getinfo(j->easy, CURLINFO_OS_ERRNO, &oserr);
		/* Through a proxy, it is the proxy that did not answer. */
		/* (Not its address: it may hold a password.) */
		px = proxy_of(u);
		return err_set(err, LEDE_ENET, "cannot fetch '%s': %s%s", u,
		    oserr == ECONNREFUSED || oserr == 0 ?
		    "connection refused" : strerror((int)oserr),
		    px ? " by the proxy" : "");
	case CURLE_OPERATION_TIMEDOUT:
		return err_set(err, LEDE_ENET, "cannot fetch '%s': timed out "
		    "after %ld s", u, (j->timeout_ms + 999) / 1000);
	case CURLE_TOO_MANY_REDIRECTS:
		return err_set(err, LEDE_ENET, "cannot fetch '%s': too many "
		    "redirects (more than %d)", u, j->max_redirs);
	case CURLE_UNSUPPORTED_PROTOCOL:
		/* libcurl's word for an answer that is not HTTP at all. */
		if (strstr(why, "HTTP/0.9"))
			return err_set(err, LEDE_ENET, "cannot fetch '%s': the "
			    "server's answer is not HTTP", u);
		return err_set(err, LEDE_ENET, "cannot fetch '%s': redirected "
		    "to a protocol other than http or https", u);
	case CURLE_URL_MALFORMAT:
		return err_set(err, LEDE_EUSAGE, "cannot fetch '%s': malformed "
		    "URL", u);
	case CURLE_OUT_OF_MEMORY:
		/* libcurl's word for a header over its limit. */
		if (strstr(why, "header"))
			return err_set(err, LEDE_ENET, "cannot fetch '%s': the "
			    "server's answer has a header too long", u);
		/* libcurl 7.88 says no more for a header over 100 KB. */
		return err_set(err, LEDE_ENOMEM, "cannot fetch '%s': out of "
		    "memory, or an answer header over 100 KB", u);
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
	case CURLE_SSL_INVALIDCERTSTATUS:
	case CURLE_SSL_ENGINE_NOTFOUND:
	case CURLE_SSL_ENGINE_SETFAILED:
	case CURLE_SSL_ENGINE_INITFAILED:
	case CURLE_SSL_SHUTDOWN_FAILED:
	case CURLE_SSL_CRL_BADFILE:
	case CURLE_SSL_CLIENTCERT:
	case CURLE_USE_SSL_FAILED:
		return err_set(err, LEDE_ENET, "cannot fetch '%s': TLS error: "
		    "%.200s", u, why[0] ? why : curl_easy_strerror(r));
	default:
		return err_set(err, LEDE_ENET, "cannot fetch '%s': %.200s", u,
		    why[0] ? why : curl_easy_strerror(r));
	}
}

int
fetch_job_finish(struct fetch_job *j, struct fetch_result *r,
    struct lede_err *err)
{
	char *eff = NULL, *ct = NULL;
	long code = 0;
	int rc = -1;

	memset(r, 0, sizeof(*r));
	while (!fetch_job_step(j))
		if (fetch_job_wait(j, -1, 200, NULL) == -1)
			break;
	curl_easy_getinfo(j->easy, CURLINFO_RESPONSE_CODE, &code);
	if (j->result != CURLE_OK || j->too_big || j->not_html ||
	    j->http_fail || j->zbad || (j->zinit && !j->zend) ||
	    code < 200 || (code >= 300 && code != 304)) {
		fail(j, err);
		r->status = code;	/* a 5xx lets the caller use a copy */
		goto out;
	}
	curl_easy_getinfo(j->easy, CURLINFO_EFFECTIVE_URL, &eff);
	curl_easy_getinfo(j->easy, CURLINFO_CONTENT_TYPE, &ct);
	r->status = code;
	r->not_modified = code == 304;
	r->fetched = time(NULL);
	r->expires = expiry(j, r->fetched);
	r->url = j->url;
	j->url = NULL;
	r->final_url = xstrdup(eff ? eff : r->url);
	r->content_type = ct ? header_value(ct, strlen(ct)) : NULL;
	r->etag = j->etag;
	r->last_modified = j->last_modified;
	j->etag = j->last_modified = NULL;
	r->body = j->body;
	memset(&j->body, 0, sizeof(j->body));
	if (r->final_url == NULL || (ct && r->content_type == NULL)) {
		fetch_result_release(r);
		err_set(err, LEDE_ENOMEM, "cannot fetch '%s': out of memory",
		    eff ? eff : "");
		goto out;
	}
	if (r->body.len == 0 && !r->not_modified) {
		err_set(err, LEDE_EINPUT, "cannot open '%s': empty answer",
		    r->url);
		fetch_result_release(r);
		goto out;
	}
	rc = 0;
out:
	fetch_job_cancel(j);
	return rc;
}

void
fetch_job_cancel(struct fetch_job *j)
{
	if (j == NULL)
		return;
	if (j->added)
		curl_multi_remove_handle(j->multi, j->easy);
	if (j->easy)
		curl_easy_cleanup(j->easy);
	if (j->multi)
		curl_multi_cleanup(j->multi);
	curl_slist_free_all(j->hdrs);
	buf_release(&j->body);
	headers_reset(j);
	inflate_reset(j);
	free(j->url);
	free(j);
}

void
fetch_result_release(struct fetch_result *r)
{
	if (r == NULL)
		return;
	buf_release(&r->body);
	free(r->url);
	free(r->final_url);
	free(r->content_type);
	free(r->etag);
	free(r->last_modified);
	memset(r, 0, sizeof(*r));
}
