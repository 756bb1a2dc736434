/*
 * termout.c - UTF-8 out to a terminal whose locale may not be UTF-8.
 * See termout.h.  Conversion goes a grapheme cluster at a time so each
 * cluster's replacement can be held to the cluster's measured width:
 * glibc's transliteration turns "…" into "..." and "½" into " 1/2 ",
 * which would push a wrapped line past its width.
 */
#include <errno.h>
#include <iconv.h>
#include <langinfo.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "buf.h"
#include "termout.h"
#include "uwidth.h"

#define TERMOUT_MAX ((size_t)256 << 20)

static int
codeset_is_utf8(const char *cs)
{
	return cs == NULL || *cs == '\0' || strcasecmp(cs, "UTF-8") == 0 ||
	    strcasecmp(cs, "UTF8") == 0;
}

int
termout_is_utf8(void)
{
	return codeset_is_utf8(nl_langinfo(CODESET));
}

/* Run one cluster through iconv; the result goes to out (cap outsz),
 * its length is returned.  Unconvertible input becomes "?". */
static size_t
conv(iconv_t cd, const char *s, size_t n, char *out, size_t outsz)
{
	char *ip = (char *)s, *op = out;
	size_t il = n, ol = outsz;

	iconv(cd, NULL, NULL, NULL, NULL);
	while (il > 0) {
		if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1)
			break;
		if (errno == E2BIG || ol == 0)
			break;
		/* EILSEQ or EINVAL: skip one code point. */
		*op++ = '?';
		ol--;
		{
			int32_t cp;
			size_t k = u8_decode(ip, il, &cp);

			ip += k;
			il -= k;
		}
	}
	iconv(cd, NULL, NULL, &op, &ol);
	return (size_t)(op - out);
}

static int
all_ascii(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

static int
same_char(const char *s, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (s[i] != s[0])
			return 0;
	return 1;
}

/* What glibc's C locale has no transliteration for but a reader would
 * want kept: separators and dashes by their Unicode category, dots used
 * as separators ("Name · Site") as a dot.  NULL for anything else. */
static const char *
ascii_punct(const char *s, size_t n)
{
	int32_t cp;

	if (u8_decode(s, n, &cp) != n)
		return NULL;
	switch (cp) {
	case 0x00b7: case 0x2022: case 0x2027: case 0x2219: case 0x30fb:
		return ".";
	default:
		break;
	}
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_ZS: return " ";
	case UTF8PROC_CATEGORY_PD: return "-";
	default: return NULL;
	}
}

/* One cluster: as converted, else without its accents ("é" -> "e" where
 * glibc's C locale gives "?"), then cut to the cluster's width. */
static int
put_cluster(iconv_t cd, const char *s, size_t n, struct buf *b)
{
	char out[64], *p = out;
	const char *q;
	size_t len, w = (size_t)u8_grapheme_width(s, n);
	utf8proc_uint8_t *plain = NULL;

	len = conv(cd, s, n, out, sizeof(out));
	if (memchr(out, '?', len) != NULL && utf8proc_map(
	    (const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &plain,
	    UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK) >= 0) {
		char alt[64];
		size_t alen = conv(cd, (char *)plain, strlen((char *)plain),
		    alt, sizeof(alt));

		if (alen > 0 && memchr(alt, '?', alen) == NULL) {
			memcpy(out, alt, alen);
			len = alen;
		}
	}
	free(plain);
	if (memchr(out, '?', len) != NULL && (q = ascii_punct(s, n)) != NULL) {
		len = strlen(q);
		memcpy(out, q, len);
	}
	if (w > sizeof(out))
		w = sizeof(out);
	if (len == 1 && out[0] == '?' && w > 1) {
		/* A wide character that cannot be shown keeps its width, so
		 * columns and tables stay aligned. */
		memset(out, '?', w);
		len = w;
	}
	if (len > w) {
		/* Bytes overstate the width of a multibyte charset's text,
		 * never understate it, so this errs on the short side. */
		while (len > 0 && *p == ' ')
			p++, len--;
		while (len > 0 && p[len - 1] == ' ')
			len--;
		/* "..." may shrink to ".", "--" to "-"; " 1/2 " must not
		 * become a misleading "1". */
		if (len > w)
			len = all_ascii(p, len) && same_char(p, len) ? w : 0;
		if (len == 0 && w > 0) {
			memset(out, '?', w);
			p = out;
			len = w;
		}
	}
	return buf_append(b, p, len);
}

char *
termout_convert(const char *s, size_t n, const char *codeset,
    size_t *outlen)
{
	char to[80];
	struct buf b;
	iconv_t cd;
	size_t i, k;

	buf_init(&b, TERMOUT_MAX);
	if (buf_append(&b, "", 0) == -1)
		return NULL;
	if (codeset_is_utf8(codeset)) {
		if (buf_append(&b, s, n) == -1)
			goto fail;
		goto done;
	}
	snprintf(to, sizeof(to), "%s//TRANSLIT", codeset);
	if ((cd = iconv_open(to, "UTF-8")) == (iconv_t)-1) {
		buf_release(&b);
		return NULL;
	}
	for (i = 0; i < n; i += k) {
		/* ASCII (text, newlines, --ansi escapes) is the same in
		 * every terminal charset lede can meet. */
		for (k = 0; i + k < n && (unsigned char)s[i + k] < 0x80; k++)
			;
		if (k > 0) {
			if (buf_append(&b, s + i, k) == -1)
				goto fail_cd;
			continue;
		}
		k = u8_grapheme(s + i, n - i);
		if (put_cluster(cd, s + i, k, &b) == -1)
			goto fail_cd;
	}
	iconv_close(cd);
done:
	if (outlen)
		*outlen = b.len;
	return buf_steal(&b);
fail_cd:
	iconv_close(cd);
fail:
	buf_release(&b);
	return NULL;
}

int
termout_write(FILE *fp, const char *s, size_t n)
{
	char *t;
	size_t len;
	int rc;

	if (termout_is_utf8())
		return fwrite(s, 1, n, fp) == n ? 0 : -1;
	if ((t = termout_convert(s, n, nl_langinfo(CODESET), &len)) == NULL) {
		errno = ENOMEM;
		return -1;
	}
	rc = fwrite(t, 1, len, fp) == len ? 0 : -1;
	free(t);
	return rc;
}

int
termout_fputs(const char *s, FILE *fp)
{
	return termout_write(fp, s, strlen(s));
}

int
termout_json(const char *s, FILE *fp)
{
	size_t i, k, n = strlen(s);
	int32_t cp;

	if (termout_is_utf8())
		return fwrite(s, 1, n, fp) == n ? 0 : -1;
	for (i = 0; i < n; i += k) {
		k = u8_decode(s + i, n - i, &cp);
		if (cp < 0x80) {
			if (putc(s[i], fp) == EOF)
				return -1;
		} else if (cp >= 0x10000) {
			cp -= 0x10000;
			if (fprintf(fp, "\\u%04x\\u%04x", 0xd800 + (cp >> 10),
			    0xdc00 + (cp & 0x3ff)) < 0)
				return -1;
		} else if (fprintf(fp, "\\u%04x", (unsigned)cp) < 0) {
			return -1;
		}
	}
	return 0;
}
