/*
 * charset.c - decide a page's encoding and convert it to UTF-8.
 *
 * The order is the one lede(1) documents: override > BOM > HTTP header >
 * <meta> anywhere in the head > XML declaration > a check of the bytes
 * (charset_sniff.c).  Labels map to iconv names through the WHATWG table.
 * A legacy label on bytes that are valid, non-ASCII UTF-8 is a lie (saved
 * pages are re-encoded without fixing the meta) and reads as UTF-8.
 * Conversion never stops at a bad byte: each invalid sequence becomes
 * U+FFFD and is counted.
 */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "charset.h"
#include "sanitize.h"

/* The output may not grow past this, whatever the input. */
#define CHARSET_OUT_MAX ((size_t)256 << 20)
/* Bytes looked at for the zero bytes of binary data. */
#define CHARSET_BINARY_SCAN ((size_t)1024)
/* How far the <meta> scan goes when no </head> or <body> stops it. */
#define META_SCAN_MAX ((size_t)1 << 20)

struct label {
	const char *label;
	const char *iconv;
};

/* WHATWG Encoding Standard labels (the common ones) -> glibc iconv names.
 * Sorted by nothing: it is scanned once per page. */
static const struct label labels[] = {
	{"utf-8", "UTF-8"}, {"utf8", "UTF-8"}, {"unicode-1-1-utf-8", "UTF-8"},
	{"unicode11utf8", "UTF-8"}, {"unicode20utf8", "UTF-8"},
	{"x-unicode20utf8", "UTF-8"},
	{"utf-16le", "UTF-16LE"}, {"utf-16", "UTF-16LE"},
	{"ucs-2", "UTF-16LE"}, {"unicode", "UTF-16LE"},
	{"csunicode", "UTF-16LE"}, {"iso-10646-ucs-2", "UTF-16LE"},
	{"unicodefeff", "UTF-16LE"}, {"utf-16be", "UTF-16BE"},
	{"unicodefffe", "UTF-16BE"},
	/* Latin-1 and ASCII are windows-1252 on the web. */
	{"windows-1252", "WINDOWS-1252"}, {"cp1252", "WINDOWS-1252"},
	{"x-cp1252", "WINDOWS-1252"}, {"iso-8859-1", "WINDOWS-1252"},
	{"iso8859-1", "WINDOWS-1252"}, {"iso88591", "WINDOWS-1252"},
	{"iso_8859-1", "WINDOWS-1252"}, {"iso_8859-1:1987", "WINDOWS-1252"},
	{"iso-ir-100", "WINDOWS-1252"}, {"l1", "WINDOWS-1252"},
	{"latin1", "WINDOWS-1252"}, {"csisolatin1", "WINDOWS-1252"},
	{"ibm819", "WINDOWS-1252"}, {"cp819", "WINDOWS-1252"},
	{"ascii", "WINDOWS-1252"}, {"us-ascii", "WINDOWS-1252"},
	{"ansi_x3.4-1968", "WINDOWS-1252"}, {"iso-ir-6", "WINDOWS-1252"},
	{"iso646-us", "WINDOWS-1252"}, {"cp367", "WINDOWS-1252"},
	{"csascii", "WINDOWS-1252"}, {"ibm367", "WINDOWS-1252"},
	{"us", "WINDOWS-1252"}, {"iso_646.irv:1991", "WINDOWS-1252"},
	{"x-user-defined", "WINDOWS-1252"},
	{"windows-1250", "WINDOWS-1250"}, {"cp1250", "WINDOWS-1250"},
	{"x-cp1250", "WINDOWS-1250"},
	{"windows-1251", "WINDOWS-1251"}, {"cp1251", "WINDOWS-1251"},
	{"x-cp1251", "WINDOWS-1251"},
	{"windows-1253", "WINDOWS-1253"}, {"cp1253", "WINDOWS-1253"},
	{"x-cp1253", "WINDOWS-1253"},
	{"windows-1254", "WINDOWS-1254"}, {"cp1254", "WINDOWS-1254"},
	{"x-cp1254", "WINDOWS-1254"}, {"iso-8859-9", "WINDOWS-1254"},
	{"iso8859-9", "WINDOWS-1254"}, {"iso88599", "WINDOWS-1254"},
	{"iso_8859-9", "WINDOWS-1254"}, {"latin5", "WINDOWS-1254"},
	{"l5", "WINDOWS-1254"}, {"csisolatin5", "WINDOWS-1254"},
	{"windows-1255", "WINDOWS-1255"}, {"cp1255", "WINDOWS-1255"},
	{"x-cp1255", "WINDOWS-1255"},
	{"windows-1256", "WINDOWS-1256"}, {"cp1256", "WINDOWS-1256"},
	{"x-cp1256", "WINDOWS-1256"},
	{"windows-1257", "WINDOWS-1257"}, {"cp1257", "WINDOWS-1257"},
	{"x-cp1257", "WINDOWS-1257"},
	{"windows-1258", "WINDOWS-1258"}, {"cp1258", "WINDOWS-1258"},
	{"x-cp1258", "WINDOWS-1258"},
	{"windows-874", "CP874"}, {"dos-874", "CP874"},
	{"tis-620", "CP874"}, {"iso-8859-11", "CP874"},
	{"iso8859-11", "CP874"}, {"iso885911", "CP874"},
	{"iso-8859-2", "ISO-8859-2"}, {"iso8859-2", "ISO-8859-2"},
	{"iso88592", "ISO-8859-2"}, {"iso_8859-2", "ISO-8859-2"},
	{"latin2", "ISO-8859-2"}, {"l2", "ISO-8859-2"},
	{"csisolatin2", "ISO-8859-2"},
	{"iso-8859-3", "ISO-8859-3"}, {"iso8859-3", "ISO-8859-3"},
	{"latin3", "ISO-8859-3"}, {"l3", "ISO-8859-3"},
	{"iso-8859-4", "ISO-8859-4"}, {"iso8859-4", "ISO-8859-4"},
	{"latin4", "ISO-8859-4"}, {"l4", "ISO-8859-4"},
	{"iso-8859-5", "ISO-8859-5"}, {"iso8859-5", "ISO-8859-5"},
	{"iso88595", "ISO-8859-5"}, {"cyrillic", "ISO-8859-5"},
	{"csisolatincyrillic", "ISO-8859-5"},
	{"iso-8859-6", "ISO-8859-6"}, {"iso8859-6", "ISO-8859-6"},
	{"arabic", "ISO-8859-6"}, {"asmo-708", "ISO-8859-6"},
	{"iso-8859-7", "ISO-8859-7"}, {"iso8859-7", "ISO-8859-7"},
	{"greek", "ISO-8859-7"}, {"greek8", "ISO-8859-7"},
	{"iso-8859-8", "ISO-8859-8"}, {"iso8859-8", "ISO-8859-8"},
	{"hebrew", "ISO-8859-8"}, {"visual", "ISO-8859-8"},
	{"iso-8859-8-i", "ISO-8859-8"}, {"logical", "ISO-8859-8"},
	{"iso-8859-10", "ISO-8859-10"}, {"iso8859-10", "ISO-8859-10"},
	{"latin6", "ISO-8859-10"}, {"l6", "ISO-8859-10"},
	{"iso-8859-13", "ISO-8859-13"}, {"iso8859-13", "ISO-8859-13"},
	{"iso-8859-14", "ISO-8859-14"}, {"iso8859-14", "ISO-8859-14"},
	{"iso-8859-15", "ISO-8859-15"}, {"iso8859-15", "ISO-8859-15"},
	{"iso885915", "ISO-8859-15"}, {"iso_8859-15", "ISO-8859-15"},
	{"latin9", "ISO-8859-15"}, {"l9", "ISO-8859-15"},
	{"csisolatin9", "ISO-8859-15"},
	{"iso-8859-16", "ISO-8859-16"},
	{"koi8-r", "KOI8-R"}, {"koi8", "KOI8-R"}, {"koi", "KOI8-R"},
	{"koi8_r", "KOI8-R"}, {"cskoi8r", "KOI8-R"},
	{"koi8-u", "KOI8-U"}, {"koi8-ru", "KOI8-U"},
	{"ibm866", "IBM866"}, {"cp866", "IBM866"}, {"866", "IBM866"},
	{"csibm866", "IBM866"},
	{"macintosh", "MACINTOSH"}, {"mac", "MACINTOSH"},
	{"x-mac-roman", "MACINTOSH"}, {"csmacintosh", "MACINTOSH"},
	{"x-mac-cyrillic", "MAC-CYRILLIC"},
	{"x-mac-ukrainian", "MAC-CYRILLIC"},
	/* CJK: the web's labels name the Microsoft supersets. */
	{"euc-kr", "CP949"}, {"ks_c_5601-1987", "CP949"},
	{"ks_c_5601-1989", "CP949"}, {"ksc5601", "CP949"},
	{"ksc_5601", "CP949"}, {"korean", "CP949"}, {"iso-ir-149", "CP949"},
	{"cseuckr", "CP949"}, {"csksc56011987", "CP949"},
	{"windows-949", "CP949"}, {"cp949", "CP949"}, {"uhc", "CP949"},
	{"shift_jis", "CP932"}, {"shift-jis", "CP932"}, {"sjis", "CP932"},
	{"x-sjis", "CP932"}, {"ms_kanji", "CP932"}, {"ms932", "CP932"},
	{"windows-31j", "CP932"}, {"csshiftjis", "CP932"},
	{"cp932", "CP932"},
	{"euc-jp", "EUC-JP-MS"}, {"x-euc-jp", "EUC-JP-MS"},
	{"cseucpkdfmtjapanese", "EUC-JP-MS"},
	{"iso-2022-jp", "ISO-2022-JP"}, {"csiso2022jp", "ISO-2022-JP"},
	{"gb2312", "GB18030"}, {"gbk", "GB18030"}, {"gb18030", "GB18030"},
	{"chinese", "GB18030"}, {"csgb2312", "GB18030"},
	{"csiso58gb231280", "GB18030"}, {"gb_2312", "GB18030"},
	{"gb_2312-80", "GB18030"}, {"iso-ir-58", "GB18030"},
	{"x-gbk", "GB18030"}, {"cp936", "GB18030"},
	{"windows-936", "GB18030"}, {"euc-cn", "GB18030"},
	{"big5", "BIG5-HKSCS"}, {"big5-hkscs", "BIG5-HKSCS"},
	{"cn-big5", "BIG5-HKSCS"}, {"csbig5", "BIG5-HKSCS"},
	{"x-x-big5", "BIG5-HKSCS"}, {"cp950", "CP950"},
};

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

const char *
charset_lookup(const char *label)
{
	char key[48];
	size_t i, n;

	if (label == NULL)
		return NULL;
	while (is_space((unsigned char)*label))
		label++;
	for (n = 0; label[n] && n < sizeof(key) - 1; n++)
		key[n] = (char)lower((unsigned char)label[n]);
	if (label[n] != '\0' && !is_space((unsigned char)label[n]))
		return NULL;
	while (n > 0 && is_space((unsigned char)key[n - 1]))
		n--;
	key[n] = '\0';
	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (strcmp(labels[i].label, key) == 0)
			return labels[i].iconv;
	return NULL;
}

/* Length of the valid UTF-8 sequence at s, or 0 (overlongs, surrogates
 * and code points past U+10FFFF are invalid).  Inline: the census and the
 * copy call it for every non-ASCII character of the page. */
static inline size_t
u8_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return n >= 2 && (s[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef) {
		if (n < 3 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80)
			return 0;
		if (c == 0xe0 && s[1] < 0xa0)
			return 0;
		if (c == 0xed && s[1] >= 0xa0)
			return 0;
		return 3;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if (n < 4 || (s[1] & 0xc0) != 0x80 ||
		    (s[2] & 0xc0) != 0x80 || (s[3] & 0xc0) != 0x80)
			return 0;
		if (c == 0xf0 && s[1] < 0x90)
			return 0;
		if (c == 0xf4 && s[1] >= 0x90)
			return 0;
		return 4;
	}
	return 0;
}

size_t
charset_u8_valid(const unsigned char *s, size_t n)
{
	return u8_len(s, n);
}

/* Index of the first byte at or after i that is not ASCII (or n).  Pages
 * are mostly ASCII markup: testing four 8-byte words per step makes the
 * census and the copy a small fraction of the parse. */
static size_t
ascii_end(const unsigned char *u, size_t i, size_t n)
{
	const uint64_t hi = 0x8080808080808080ULL;
	uint64_t w[4];

	while (i + 32 <= n) {
		memcpy(w, u + i, 32);
		if ((w[0] | w[1] | w[2] | w[3]) & hi)
			break;
		i += 32;
	}
	while (i + 8 <= n) {
		memcpy(w, u + i, 8);
		if (w[0] & hi)
			break;
		i += 8;
	}
	while (i < n && u[i] < 0x80)
		i++;
	return i;
}

/* Put a label into res->label and return its iconv name, or NULL. */
static const char *
take_label(const char *p, size_t n, struct charset_result *res)
{
	char tmp[48];
	const char *name;

	while (n > 0 && (is_space((unsigned char)*p) || *p == '"' ||
	    *p == '\''))
		p++, n--;
	while (n > 0 && (is_space((unsigned char)p[n - 1]) ||
	    p[n - 1] == '"' || p[n - 1] == '\''))
		n--;
	if (n == 0 || n >= sizeof(tmp))
		return NULL;
	memcpy(tmp, p, n);
	tmp[n] = '\0';
	if ((name = charset_lookup(tmp)) == NULL)
		return NULL;
	memcpy(res->label, tmp, n + 1);
	return name;
}

/* The charset= parameter of a Content-Type value (header or meta). */
static const char *
ct_charset(const char *s, size_t n, struct charset_result *res)
{
	size_t i, j;

	for (i = 0; i + 7 <= n; i++) {
		if (strncasecmp(s + i, "charset", 7) != 0)
			continue;
		j = i + 7;
		while (j < n && is_space((unsigned char)s[j]))
			j++;
		if (j >= n || s[j] != '=')
			continue;
		j++;
		while (j < n && is_space((unsigned char)s[j]))
			j++;
		i = j;
		if (j < n && (s[j] == '"' || s[j] == '\'')) {
			char q = s[j++];

			i = j;
			while (j < n && s[j] != q)
				j++;
		} else {
			while (j < n && s[j] != ';' && s[j] != ',' &&
			    !is_space((unsigned char)s[j]))
				j++;
		}
		return take_label(s + i, j - i, res);
	}
	return NULL;
}

struct attr {
	const char *name, *val;
	size_t nlen, vlen;
};

/* Read one attribute at s[*i]; 0 at the end of the tag (*i past '>'). */
static int
next_attr(const char *s, size_t n, size_t *i, struct attr *a)
{
	size_t p = *i;

	while (p < n && (is_space((unsigned char)s[p]) || s[p] == '/'))
		p++;
	if (p >= n || s[p] == '>') {
		*i = p < n ? p + 1 : n;
		return 0;
	}
	a->name = s + p;
	while (p < n && !is_space((unsigned char)s[p]) && s[p] != '=' &&
	    s[p] != '>' && (s[p] != '/' || p == (size_t)(a->name - s)))
		p++;
	a->nlen = (size_t)(s + p - a->name);
	a->val = s + p;
	a->vlen = 0;
	while (p < n && is_space((unsigned char)s[p]))
		p++;
	if (p < n && s[p] == '=') {
		p++;
		while (p < n && is_space((unsigned char)s[p]))
			p++;
		if (p < n && (s[p] == '"' || s[p] == '\'')) {
			char q = s[p++];

			a->val = s + p;
			while (p < n && s[p] != q)
				p++;
			a->vlen = (size_t)(s + p - a->val);
			if (p < n)
				p++;
		} else {
			a->val = s + p;
			while (p < n && !is_space((unsigned char)s[p]) &&
			    s[p] != '>')
				p++;
			a->vlen = (size_t)(s + p - a->val);
		}
	}
	*i = p;
	return 1;
}

static int
attr_is(const struct attr *a, const char *name)
{
	return a->nlen == strlen(name) &&
	    strncasecmp(a->name, name, a->nlen) == 0;
}

/* A <meta> at s[*i] (just past "<meta"): its declared encoding, if any. */
static const char *
meta_decl(const char *s, size_t n, size_t *i, struct charset_result *res)
{
	struct attr a;
	const char *cs = NULL, *ct = NULL;
	size_t cslen = 0, ctlen = 0;
	int pragma = 0;

	while (next_attr(s, n, i, &a)) {
		if (attr_is(&a, "charset") && cs == NULL) {
			cs = a.val;
			cslen = a.vlen;
		} else if (attr_is(&a, "content") && ct == NULL) {
			ct = a.val;
			ctlen = a.vlen;
		} else if (attr_is(&a, "http-equiv") && a.vlen == 12 &&
		    strncasecmp(a.val, "content-type", 12) == 0)
			pragma = 1;
	}
	if (cs != NULL)
		return take_label(cs, cslen, res);
	if (pragma && ct != NULL)
		return ct_charset(ct, ctlen, res);
	return NULL;
}

static int
tag_is(const char *s, size_t n, size_t i, const char *name)
{
	size_t k = strlen(name);

	if (i + k > n || strncasecmp(s + i, name, k) != 0)
		return 0;
	return i + k == n || is_space((unsigned char)s[i + k]) ||
	    s[i + k] == '>' || s[i + k] == '/';
}

static const char *
find_ci(const char *s, size_t n, size_t from, const char *needle)
{
	size_t k = strlen(needle), i;
	const char *p;

	/* The needles start with '<' or '-', which have no case: memchr
	 * finds the candidates. */
	if (!(needle[0] >= 'a' && needle[0] <= 'z')) {
		for (i = from; i + k <= n; i = (size_t)(p - s) + 1) {
			if ((p = memchr(s + i, needle[0], n - k + 1 - i)) ==
			    NULL)
				return NULL;
			if (strncasecmp(p, needle, k) == 0)
				return p;
		}
		return NULL;
	}
	for (i = from; i + k <= n; i++)
		if (lower((unsigned char)s[i]) == needle[0] &&
		    strncasecmp(s + i, needle, k) == 0)
			return s + i;
	return NULL;
}

/*
 * Scan the head for a <meta> declaration.  Unlike the WHATWG prescan this
 * does not stop at 1024 bytes (real pages put the meta after long
 * scripts); it stops at </head> or <body>.  Comments and the contents of
 * script and style are skipped, so neither document.write('<meta ...>')
 * nor <script charset=...> counts.
 */
static const char *
meta_scan(const char *s, size_t n, struct charset_result *res)
{
	const char *name, *e;
	size_t i = 0;
	struct attr a;

	if (n > META_SCAN_MAX)
		n = META_SCAN_MAX;
	while (i < n) {
		if (s[i] != '<') {
			i++;
			continue;
		}
		i++;
		if (i + 3 <= n && memcmp(s + i, "!--", 3) == 0) {
			e = find_ci(s, n, i + 3, "-->");
			i = e ? (size_t)(e - s) + 3 : n;
		} else if (tag_is(s, n, i, "meta")) {
			i += 4;
			if ((name = meta_decl(s, n, &i, res)) != NULL)
				return name;
		} else if (tag_is(s, n, i, "script") ||
		    tag_is(s, n, i, "style")) {
			const char *close = lower((unsigned char)s[i + 1]) ==
			    'c' ? "</script" : "</style";

			while (next_attr(s, n, &i, &a))
				;
			e = find_ci(s, n, i, close);
			i = e ? (size_t)(e - s) + 2 : n;
		} else if (tag_is(s, n, i, "body") ||
		    tag_is(s, n, i, "/head")) {
			return NULL;
		} else if (i < n && (s[i] == '!' || s[i] == '?' ||
		    s[i] == '/')) {
			e = memchr(s + i, '>', n - i);
			i = e ? (size_t)(e - s) + 1 : n;
		} else if (i < n && ((s[i] | 0x20) >= 'a' &&
		    (s[i] | 0x20) <= 'z')) {
			/* Another tag: step over its attributes so a quoted
			 * '>' or "<meta" inside one is not read. */
			while (i < n && !is_space((unsigned char)s[i]) &&
			    s[i] != '>')
				i++;
			while (next_attr(s, n, &i, &a))
				;
		}
	}
	return NULL;
}

/* <?xml version="1.0" encoding="..."?> at the very start. */
static const char *
xml_decl(const char *s, size_t n, struct charset_result *res)
{
	const char *end, *p;
	size_t i;
	struct attr a;

	if (n < 6 || memcmp(s, "<?xml", 5) != 0 ||
	    !is_space((unsigned char)s[5]))
		return NULL;
	if ((end = memchr(s, '>', n < 1024 ? n : 1024)) == NULL)
		return NULL;
	i = 5;
	p = end;
	while (next_attr(s, (size_t)(p - s), &i, &a))
		if (attr_is(&a, "encoding"))
			return take_label(a.val, a.vlen, res);
	return NULL;
}

/* Counts of valid multi-byte and invalid UTF-8 sequences. */
void
charset_u8_census(const char *s, size_t n, size_t *valid, size_t *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, k;

	*valid = *bad = 0;
	while ((i = ascii_end(u, i, n)) < n) {
		if ((k = u8_len(u + i, n - i)) == 0) {
			/* A sequence cut by the end of the input is not
			 * evidence against UTF-8. */
			if (n - i < 4 && u[i] >= 0xc2 && u[i] <= 0xf4)
				break;
			(*bad)++;
			i++;
		} else {
			(*valid)++;
			i += k;
		}
	}
}

/* Decide if bytes declared as a legacy charset are really UTF-8: plenty
 * of well-formed multi-byte sequences and (next to) no broken ones.  Real
 * legacy CJK or Latin text almost never forms valid UTF-8 by chance. */
static int
looks_utf8(const char *s, size_t n)
{
	size_t valid, bad;

	charset_u8_census(s, n, &valid, &bad);
	return valid > 0 && bad * 200 <= valid;
}

/* A declaration that the bytes contradict: a legacy label on valid UTF-8
 * reads as UTF-8 (pages re-saved without fixing the meta); "UTF-8" on
 * bytes that are mostly not UTF-8 (a template's meta over a legacy
 * database) goes to the byte check, which scores the legacy encodings.
 * Scattered bad bytes in real UTF-8 stay U+FFFD. */
static const char *
check_declared(const char *s, size_t n, const char *name)
{
	size_t valid, bad;

	if (strncmp(name, "UTF-16", 6) == 0)
		return name;
	if (strcmp(name, "UTF-8") != 0)
		return looks_utf8(s, n) ? "UTF-8" : name;
	charset_u8_census(s, n, &valid, &bad);
	if (bad >= 16 && bad > valid * 2)
		return charset_sniff(s, n);
	return name;
}

static int
put_fffd(struct buf *b, size_t *count)
{
	(*count)++;
	return buf_append(b, "\xef\xbf\xbd", 3);
}

/* UTF-8 in: copy, replacing each invalid byte (and NUL) with U+FFFD.
 * The well-formed stretches are found a word at a time and copied whole;
 * NUL is left to fix_nuls(), which gives it the same U+FFFD. */
static int
copy_utf8(const char *s, size_t n, struct buf *b, size_t *count)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, run = 0, k;

	while ((i = ascii_end(u, i, n)) < n) {
		if ((k = u8_len(u + i, n - i)) > 0) {
			i += k;
			continue;
		}
		if (buf_append(b, s + run, i - run) == -1 ||
		    put_fffd(b, count) == -1)
			return -1;
		run = ++i;
	}
	return buf_append(b, s + run, n - run);
}

/* windows-1252's five unassigned bytes are C1 controls on the web (glibc
 * refuses them); sanitizing removes them later. */
static int
cp1252_hole(unsigned char c)
{
	return c == 0x81 || c == 0x8d || c == 0x8f || c == 0x90 || c == 0x9d;
}

static int
convert(const char *s, size_t n, const char *name, struct buf *b,
    size_t *count)
{
	char out[8192], *ip = (char *)s, *op;
	size_t il = n, ol, r;
	int unit = strncmp(name, "UTF-16", 6) == 0 ? 2 : 1;
	int is1252 = strcmp(name, "WINDOWS-1252") == 0;
	iconv_t cd;

	if (strcmp(name, "UTF-8") == 0)
		return copy_utf8(s, n, b, count);
	if ((cd = iconv_open("UTF-8", name)) == (iconv_t)-1)
		return -2;
	while (il > 0) {
		op = out;
		ol = sizeof(out);
		r = iconv(cd, &ip, &il, &op, &ol);
		if (buf_append(b, out, (size_t)(op - out)) == -1)
			goto fail;
		if (r != (size_t)-1 || errno == E2BIG)
			continue;
		if (is1252 && errno == EILSEQ && cp1252_hole(*ip)) {
			char c1[2] = {(char)0xc2, *ip};

			if (buf_append(b, c1, 2) == -1)
				goto fail;
			ip++, il--;
			continue;
		}
		/* EILSEQ: skip one code unit; EINVAL: a sequence cut by the
		 * end of the input.  Either way one U+FFFD marks the loss. */
		if (put_fffd(b, count) == -1)
			goto fail;
		if (errno == EINVAL)
			break;
		r = il < (size_t)unit ? il : (size_t)unit;
		ip += r;
		il -= r;
	}
	op = out;
	ol = sizeof(out);
	iconv(cd, NULL, NULL, &op, &ol);
	if (buf_append(b, out, (size_t)(op - out)) == -1)
		goto fail;
	iconv_close(cd);
	return 0;
fail:
	iconv_close(cd);
	return -1;
}

/* NUL is never text: make it U+FFFD so C strings downstream stay whole. */
static int
fix_nuls(struct buf *b, size_t *count)
{
	struct buf nb;
	size_t i, start = 0;

	if (b->len == 0 || memchr(b->data, 0, b->len) == NULL)
		return 0;
	buf_init(&nb, b->max);
	for (i = 0; i < b->len; i++) {
		if (b->data[i] != '\0')
			continue;
		if (buf_append(&nb, b->data + start, i - start) == -1 ||
		    put_fffd(&nb, count) == -1) {
			buf_release(&nb);
			return -1;
		}
		start = i + 1;
	}
	if (buf_append(&nb, b->data + start, b->len - start) == -1) {
		buf_release(&nb);
		return -1;
	}
	buf_release(b);
	*b = nb;
	return 0;
}

static void
set_name(struct charset_result *res, const char *name)
{
	snprintf(res->name, sizeof(res->name), "%s", name);
}

int
charset_decode(const char *bytes, size_t n, const char *override,
    const char *http_ct, struct charset_result *res, struct lede_err *err)
{
	const unsigned char *u = (const unsigned char *)bytes;
	const char *name = NULL;
	struct buf b;
	size_t skip = 0;
	int rc;

	memset(res, 0, sizeof(*res));
	if (override != NULL) {
		if ((name = charset_lookup(override)) == NULL)
			return err_set(err, LEDE_ECHARSET,
			    "unknown encoding '%s'", override);
		snprintf(res->label, sizeof(res->label), "%s", override);
		res->source = "override";
	} else if (n >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf) {
		name = "UTF-8", skip = 3, res->source = "bom";
	} else if (n >= 2 && u[0] == 0xff && u[1] == 0xfe) {
		name = "UTF-16LE", skip = 2, res->source = "bom";
	} else if (n >= 2 && u[0] == 0xfe && u[1] == 0xff) {
		name = "UTF-16BE", skip = 2, res->source = "bom";
	} else if (http_ct != NULL &&
	    (name = ct_charset(http_ct, strlen(http_ct), res)) != NULL) {
		res->source = "http";
	} else if ((name = meta_scan(bytes, n, res)) != NULL) {
		/* A page that is being read as ASCII-compatible bytes cannot
		 * be UTF-16, whatever it says. */
		if (strncmp(name, "UTF-16", 6) == 0)
			name = "UTF-8";
		res->source = "meta";
	} else if ((name = xml_decl(bytes, n, res)) != NULL) {
		res->source = "xml";
	} else {
		name = charset_sniff(bytes, n);
		res->source = "sniff";
		snprintf(res->label, sizeof(res->label), "%s", name);
	}
	if (strcmp(res->source, "override") != 0 &&
	    strcmp(res->source, "bom") != 0)
		name = check_declared(bytes, n, name);
	set_name(res, name);
	/* Zero bytes near the start are a binary file (an image, a .gz),
	 * not a page, unless the text is UTF-16 (or 32). */
	if (strncmp(name, "UTF-16", 6) != 0 &&
	    strncmp(name, "UTF-32", 6) != 0 &&
	    memchr(bytes, '\0', n < CHARSET_BINARY_SCAN ? n :
	    CHARSET_BINARY_SCAN) != NULL && charset_utf16_guess(u, n) == NULL)
		return err_set(err, LEDE_EINPUT, "binary data, not HTML");
	buf_init(&b, CHARSET_OUT_MAX);
	if (buf_append(&b, "", 0) == -1)
		return err_set(err, LEDE_ENOMEM, "cannot decode page: %s",
		    "out of memory");
	rc = convert(bytes + skip, n - skip, name, &b, &res->replaced);
	if (rc == 0)
		rc = fix_nuls(&b, &res->replaced);
	if (rc == -2) {
		buf_release(&b);
		return err_set(err, LEDE_ECHARSET,
		    "cannot convert from '%s': not supported by iconv", name);
	}
	if (rc == -1) {
		buf_release(&b);
		return err_set(err, LEDE_ETOOBIG,
		    "cannot decode page as '%s': output over %zu MiB or out "
		    "of memory", name, CHARSET_OUT_MAX >> 20);
	}
	/* No escape sequence is page text; removed whole here, none leaves
	 * debris after the parser drops its ESC.  References to controls
	 * first, so that "&#27;[2J" goes too (charset_refs.c). */
	b.len = charset_refs(b.data, b.len);
	b.len = sanitize_escapes(b.data, b.len);
	b.data[b.len] = '\0';
	res->len = b.len;
	res->utf8 = buf_steal(&b);
	return 0;
}
