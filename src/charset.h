/*
 * charset.h - find a page's character encoding and convert it to UTF-8.
 *
 * Order (documented in lede(1)): the override > a byte-order mark > the
 * HTTP Content-Type charset > <meta charset>/http-equiv anywhere in the
 * head > the XML declaration > a check of the bytes.  Label names follow
 * the WHATWG Encoding Standard; a legacy label on bytes that are valid
 * UTF-8 (and not plain ASCII) reads as UTF-8.  Invalid sequences become
 * U+FFFD.  Conversion is iconv.
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

#endif
