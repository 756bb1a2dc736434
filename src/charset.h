/*
 * charset.h - find a page's character encoding and convert it to UTF-8.
 *
 * Order (documented in lede(1)): the override > a byte-order mark > the
 * HTTP Content-Type charset > <meta charset>/http-equiv anywhere in the
 * head > the XML declaration > a check of the bytes.  Label names follow
 * the WHATWG Encoding Standard; a legacy label on bytes that are valid
 * UTF-8 (and not plain ASCII) reads as UTF-8, and a UTF-8 label on bytes
 * that are mostly invalid UTF-8 goes to the byte check.  Invalid sequences (and
 * NUL) become U+FFFD.  Conversion is iconv.  The result also loses every
 * terminal escape sequence (raw or written as &#27;...) and reads
 * &#128;..&#159; as windows-1252, as browsers do.
 */
#ifndef LEDE_CHARSET_H
#define LEDE_CHARSET_H

#include <stddef.h>

#include "err.h"

struct charset_result {
	char *utf8;		/* caller frees; NUL-terminated */
	size_t len;
	char name[32];		/* the iconv name used, e.g. "CP949" */
	char label[48];		/* the label as found, e.g. "euc-kr" */
	const char *source;	/* "override", "bom", "http", "meta", "xml",
				   "sniff", "default" (static strings) */
	size_t replaced;	/* count of U+FFFD substitutions */
};

/* override and http_ct may be NULL.  http_ct is a whole Content-Type value.
 * Returns 0 and fills res, or -1 and fills err. */
int charset_decode(const char *bytes, size_t n, const char *override,
    const char *http_ct, struct charset_result *res, struct lede_err *err);
/* Map a label to an iconv name (WHATWG table); NULL when unknown. */
const char *charset_lookup(const char *label);

/* The last step of the order, when nothing declares an encoding: valid
 * UTF-8 (or ASCII) is UTF-8, UTF-16 without a BOM is told by its zero
 * bytes, else the CJK and Cyrillic candidates are scored on their most
 * frequent characters; windows-1252 when none fits.  An iconv name. */
const char *charset_sniff(const char *bytes, size_t n);

/* Rewrite numeric character references to controls in place (HTML's
 * windows-1252 reading of &#128;..&#159;, raw bytes for the others, so
 * escape sequences written as references are removed whole); returns
 * the new length.  charset_decode() runs it on every page. */
size_t charset_refs(char *s, size_t n);

/* Shared by charset.c and charset_sniff.c.  Length of the well-formed
 * UTF-8 sequence at s (n bytes left), or 0. */
size_t charset_u8_valid(const unsigned char *s, size_t n);
/* "UTF-16LE" or "UTF-16BE" when the first 4 KiB have a zero byte in
 * nearly every other position, else NULL. */
const char *charset_utf16_guess(const unsigned char *u, size_t n);
/* Counts of well-formed multi-byte sequences and of invalid bytes. */
void charset_u8_census(const char *s, size_t n, size_t *valid, size_t *bad);

#endif
