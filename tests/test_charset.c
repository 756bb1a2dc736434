/*
 * test_charset.c - unit tests for charset detection and conversion.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "charset.h"

static struct charset_result
dec(const char *s, size_t n, const char *ovr, const char *ct)
{
	struct charset_result r;
	struct lede_err err = {0};

	assert_int_equal(charset_decode(s, n, ovr, ct, &r, &err), 0);
	assert_non_null(r.utf8);
	assert_int_equal(strlen(r.utf8), r.len);
	return r;
}

static void
test_lookup(void **state)
{
	(void)state;
	assert_string_equal(charset_lookup("euc-kr"), "CP949");
	assert_string_equal(charset_lookup("KS_C_5601-1987"), "CP949");
	assert_string_equal(charset_lookup("Shift_JIS"), "CP932");
	assert_string_equal(charset_lookup("x-sjis"), "CP932");
	assert_string_equal(charset_lookup("gb2312"), "GB18030");
	assert_string_equal(charset_lookup("GBK"), "GB18030");
	assert_string_equal(charset_lookup("iso-8859-1"), "WINDOWS-1252");
	assert_string_equal(charset_lookup("latin1"), "WINDOWS-1252");
	assert_string_equal(charset_lookup("us-ascii"), "WINDOWS-1252");
	assert_string_equal(charset_lookup(" utf8 "), "UTF-8");
	assert_string_equal(charset_lookup("big5"), "BIG5-HKSCS");
	assert_string_equal(charset_lookup("koi8-r"), "KOI8-R");
	assert_string_equal(charset_lookup("windows-1251"), "WINDOWS-1251");
	assert_string_equal(charset_lookup("EUC-JP"), "EUC-JP-MS");
	assert_string_equal(charset_lookup("utf-16be"), "UTF-16BE");
	assert_null(charset_lookup("klingon"));
	assert_null(charset_lookup("utf-8 x"));
	assert_null(charset_lookup(""));
}

/* "한국" in EUC-KR. */
#define HANGUK_EUCKR "\xc7\xd1\xb1\xb9"
#define HANGUK_UTF8 "\xed\x95\x9c\xea\xb5\xad"

static void
test_meta_charset(void **state)
{
	const char page[] = "<html><head><meta charset=\"euc-kr\"><title>"
	    HANGUK_EUCKR "</title></head></html>";
	struct charset_result r = dec(page, sizeof(page) - 1, NULL, NULL);

	(void)state;
	assert_string_equal(r.source, "meta");
	assert_string_equal(r.name, "CP949");
	assert_string_equal(r.label, "euc-kr");
	assert_non_null(strstr(r.utf8, HANGUK_UTF8));
	assert_int_equal(r.replaced, 0);
	free(r.utf8);
}

static void
test_meta_http_equiv_late(void **state)
{
	char page[4096];
	struct charset_result r;
	size_t n;

	(void)state;
	/* The meta comes after 2000 bytes of script that contains a fake
	 * declaration and a <script charset>. */
	strcpy(page, "<html><head><script charset=\"utf-8\" src=x></script>"
	    "<script>document.write('<meta charset=\"koi8-r\">');");
	n = strlen(page);
	memset(page + n, ' ', 2000);
	strcpy(page + n + 2000, "</script><!-- <meta charset=big5> -->"
	    "<meta http-equiv='Content-Type' content='text/html; "
	    "charset=EUC-KR'></head><body>" HANGUK_EUCKR "</body>");
	r = dec(page, strlen(page), NULL, NULL);
	assert_string_equal(r.source, "meta");
	assert_string_equal(r.name, "CP949");
	assert_non_null(strstr(r.utf8, HANGUK_UTF8));
	free(r.utf8);
}

static void
test_meta_not_in_body(void **state)
{
	const char page[] = "<html><head></head><body><meta charset=koi8-r>"
	    "\xc1</body>";
	struct charset_result r = dec(page, sizeof(page) - 1, NULL, NULL);

	(void)state;
	assert_string_equal(r.source, "sniff");
	free(r.utf8);
}

static void
test_order(void **state)
{
	const char page[] = "<?xml version=\"1.0\" encoding=\"koi8-r\"?>"
	    "<html><head><meta charset=windows-1251></head>\xc1</html>";
	struct charset_result r;

	(void)state;
	r = dec(page, sizeof(page) - 1, NULL, NULL);
	assert_string_equal(r.source, "meta");
	assert_string_equal(r.name, "WINDOWS-1251");
	assert_non_null(strstr(r.utf8, "\xd0\x91")); /* Б */
	free(r.utf8);
	r = dec(page, sizeof(page) - 1, NULL, "text/html; charset=\"KOI8-R\"");
	assert_string_equal(r.source, "http");
	assert_non_null(strstr(r.utf8, "\xd0\xb0")); /* а */
	free(r.utf8);
	r = dec(page, sizeof(page) - 1, "iso-8859-5",
	    "text/html;charset=koi8-r");
	assert_string_equal(r.source, "override");
	assert_string_equal(r.name, "ISO-8859-5");
	free(r.utf8);
	/* XML declaration only when nothing else speaks. */
	r = dec(page, 40, NULL, NULL);
	assert_string_equal(r.source, "xml");
	assert_string_equal(r.name, "KOI8-R");
	free(r.utf8);
}

static void
test_unknown_override(void **state)
{
	struct charset_result r;
	struct lede_err err = {0};

	(void)state;
	assert_int_equal(charset_decode("x", 1, "klingon", NULL, &r, &err), -1);
	assert_int_equal(err.code, LEDE_ECHARSET);
	assert_string_equal(err.msg, "unknown encoding 'klingon'");
}

static void
test_bom_wins(void **state)
{
	/* UTF-16LE BOM, then "<meta charset=x-sjis>A" in UTF-16LE. */
	const char *txt = "<meta charset=x-sjis>\xc4";
	char page[128];
	size_t i, n = 2;
	struct charset_result r;

	(void)state;
	page[0] = (char)0xff;
	page[1] = (char)0xfe;
	for (i = 0; txt[i]; i++) {
		page[n++] = txt[i];
		page[n++] = 0;
	}
	r = dec(page, n, NULL, "text/html; charset=shift_jis");
	assert_string_equal(r.source, "bom");
	assert_string_equal(r.name, "UTF-16LE");
	assert_string_equal(r.utf8, "<meta charset=x-sjis>\xc3\x84");
	free(r.utf8);
	r = dec("\xef\xbb\xbfhi", 5, NULL, NULL);
	assert_string_equal(r.utf8, "hi");
	assert_string_equal(r.source, "bom");
	free(r.utf8);
}

static void
test_lying_meta(void **state)
{
	const char page[] = "<html><head><meta charset=euc-kr></head><body>"
	    HANGUK_UTF8 " " HANGUK_UTF8 "</body></html>";
	struct charset_result r = dec(page, sizeof(page) - 1, NULL, NULL);

	(void)state;
	assert_string_equal(r.source, "meta");
	assert_string_equal(r.label, "euc-kr");
	assert_string_equal(r.name, "UTF-8");
	assert_non_null(strstr(r.utf8, HANGUK_UTF8 " " HANGUK_UTF8));
	assert_int_equal(r.replaced, 0);
	free(r.utf8);
}

static void
test_lying_utf8_meta(void **state)
{
	char page[1024];
	struct charset_result r;
	int i;

	(void)state;
	/* Declares UTF-8, is EUC-KR: read by the byte check. */
	strcpy(page, "<html><head><meta charset=utf-8></head><body>");
	for (i = 0; i < 20; i++)
		strcat(page, "\xb4\xeb\xc7\xd1\xb9\xce\xb1\xb9\xc0\xc7 "
		    "\xbc\xf6\xb5\xb5\xb4\xc2 ");
	r = dec(page, strlen(page), NULL, NULL);
	assert_string_equal(r.source, "meta");
	assert_string_equal(r.name, "CP949");
	assert_int_equal(r.replaced, 0);
	assert_non_null(strstr(r.utf8, "\xeb\x8c\x80\xed\x95\x9c"));
	free(r.utf8);
	/* Real UTF-8 with a few broken bytes stays UTF-8. */
	strcpy(page, "<meta charset=utf-8>");
	for (i = 0; i < 20; i++)
		strcat(page, HANGUK_UTF8 " \xff ");
	r = dec(page, strlen(page), NULL, NULL);
	assert_string_equal(r.name, "UTF-8");
	assert_int_equal(r.replaced, 20);
	free(r.utf8);
}

static void
test_invalid_utf8(void **state)
{
	/* A stray byte, an overlong, a surrogate, a cut sequence at the end:
	 * each becomes U+FFFD, the text around stays. */
	const char in[] = "a\xff" "b\xc0\xaf" "c\xed\xa0\x80" "d\xe4\xb8";
	struct charset_result r = dec(in, sizeof(in) - 1, "utf-8", NULL);

	(void)state;
	assert_string_equal(r.utf8, "a\xef\xbf\xbd" "b\xef\xbf\xbd\xef\xbf\xbd"
	    "c\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
	    "d\xef\xbf\xbd\xef\xbf\xbd");
	assert_int_equal(r.replaced, 8);
	free(r.utf8);
}

static void
test_invalid_legacy(void **state)
{
	/* 0xff is no lead byte in EUC-KR; a cut pair at the end. */
	const char in[] = HANGUK_EUCKR "\xff" "x" "\xc7";
	struct charset_result r = dec(in, sizeof(in) - 1, "euc-kr", NULL);

	(void)state;
	assert_string_equal(r.utf8, HANGUK_UTF8 "\xef\xbf\xbd" "x"
	    "\xef\xbf\xbd");
	assert_int_equal(r.replaced, 2);
	free(r.utf8);
}

static void
test_nul_and_1252(void **state)
{
	char in[1200];
	struct charset_result r;

	(void)state;
	/* A NUL past the first KiB (earlier is binary data, below). */
	memset(in, 'x', 1100);
	memcpy(in + 1100, "a\0b\x81\x80", 5);
	r = dec(in, 1105, "latin1", NULL);
	/* NUL -> U+FFFD; 0x81 -> U+0081 (WHATWG); 0x80 -> euro sign. */
	assert_string_equal(r.utf8 + 1100,
	    "a\xef\xbf\xbd" "b\xc2\x81\xe2\x82\xac");
	assert_int_equal(r.replaced, 1);
	free(r.utf8);
}

/* Zero bytes in the first KiB: binary data (a .gz, an image) is refused
 * rather than shown as mojibake; UTF-16 text is not binary. */
static void
test_binary_refused(void **state)
{
	static const char gz[] = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"
	    "\xcb\x48\xcd\xc9\xc9\x07\x00";
	static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
	struct charset_result r;
	struct lede_err err = {0};

	(void)state;
	assert_int_equal(charset_decode(gz, sizeof(gz) - 1, NULL, NULL, &r,
	    &err), -1);
	assert_int_equal(err.code, LEDE_EINPUT);
	assert_string_equal(err.msg, "binary data, not HTML");
	assert_int_equal(charset_decode(png, sizeof(png) - 1, NULL,
	    "text/html; charset=utf-8", &r, &err), -1);
	assert_int_equal(charset_decode("<p>a\0b</p>", 10, "latin1", NULL,
	    &r, &err), -1);
	/* UTF-16 by BOM, by the guess, and by the override. */
	r = dec("\xff\xfe<\0p\0>\0", 8, NULL, NULL);
	assert_string_equal(r.utf8, "<p>");
	free(r.utf8);
	r = dec("<\0p\0>\0h\0i\0", 10, NULL, NULL);
	assert_string_equal(r.utf8, "<p>hi");
	free(r.utf8);
	r = dec("\0<\0p\0>", 6, "utf-16be", NULL);
	assert_string_equal(r.utf8, "<p>");
	free(r.utf8);
}

static void
test_escapes_removed(void **state)
{
	const char in[] = "<p>a\x1b[2Jb\x1b]52;c;eA==\x07" "c\xc2\x9b" "1md "
	    "\x1b]8;;http://x/\x1b\\link\x1b]8;;\x1b\\ e\x1b</p>";
	struct charset_result r = dec(in, sizeof(in) - 1, "utf-8", NULL);

	(void)state;
	/* Whole sequences go; a lone ESC stays for the parser to drop. */
	assert_string_equal(r.utf8, "<p>abcd link e\x1b</p>");
	assert_int_equal(r.len, strlen(r.utf8));
	free(r.utf8);
	/* windows-1252 0x9b is U+203A, text, not a CSI. */
	r = dec("a\x9b" "1mb", 5, "windows-1252", NULL);
	assert_string_equal(r.utf8, "a\xe2\x80\xba" "1mb");
	free(r.utf8);
}

static void
test_refs(void **state)
{
	char buf[256];
	size_t n;

	(void)state;
	strcpy(buf, "It&#146;s &#150; &#x93;q&#X94; &#128 &#8482; &#39; "
	    "&#x9; &#10; &#0; &#x81; &#27;[2J &amp; &#; &#x; &#1234567890;");
	n = charset_refs(buf, strlen(buf));
	assert_int_equal(n, strlen(buf));
	assert_string_equal(buf, "It\xe2\x80\x99s \xe2\x80\x93 "
	    "\xe2\x80\x9cq\xe2\x80\x9d \xe2\x82\xac &#8482; &#39; "
	    "&#x9; &#10; &#0; \xc2\x81 \x1b[2J &amp; &#; &#x; &#1234567890;");
}

static void
test_ref_escapes_removed(void **state)
{
	const char in[] = "<title>A&#27;[2J&#x1b;]0;pwned&#7;B</title>"
	    "<img alt='&#x1B;]52;c;eA==&#x07;C'>";
	struct charset_result r = dec(in, sizeof(in) - 1, NULL, NULL);

	(void)state;
	assert_string_equal(r.utf8, "<title>AB</title><img alt='C'>");
	free(r.utf8);
}

static void
test_sniff(void **state)
{
	struct charset_result r;
	/* Undeclared EUC-KR: "대한민국의 수도는 서울이다". */
	const char ko[] = "<p>\xb4\xeb\xc7\xd1\xb9\xce\xb1\xb9\xc0\xc7 "
	    "\xbc\xf6\xb5\xb5\xb4\xc2 \xbc\xad\xbf\xef\xc0\xcc\xb4\xd9</p>";
	/* Undeclared Shift_JIS: "日本の首都は東京です". */
	const char ja[] = "<p>\x93\xfa\x96\x7b\x82\xcc\x8e\xf1\x93\x73\x82\xcd"
	    "\x93\x8c\x8b\x9e\x82\xc5\x82\xb7</p>";
	/* Undeclared Big5 and GB18030: the same sentence, traditional and
	 * simplified ("the interior ministry published figures today..."). */
	static const char b5[] = "<p>"
	    "\xa4\xba\xac\x46\xb3\xa1\xa9\xf3\xa4\xb5\xa4\xe9\xa4\xbd"
	    "\xa5\xac\xbc\xc6\xbe\xda\xa1\x41\xbb\x50\xbe\xc7\xae\xd5"
	    "\xb9\xef\xb8\x67\xc0\xd9\xaa\xba\xac\xdd\xaa\x6b\xc1\xd9"
	    "\xa6\x62\xab\xe1\xad\xb1\xb0\x51\xbd\xd7\xa1\x43</p>";
	static const char gb[] = "<p>"
	    "\xc4\xda\xd5\xfe\xb2\xbf\xd3\xda\xbd\xf1\xc8\xd5\xb9\xab"
	    "\xb2\xbc\xca\xfd\xbe\xdd\xa3\xac\xd3\xeb\xd1\xa7\xd0\xa3"
	    "\xb6\xd4\xbe\xad\xbc\xc3\xb5\xc4\xbf\xb4\xb7\xa8\xbb\xb9"
	    "\xd4\xda\xba\xf3\xc3\xe6\xcc\xd6\xc2\xdb\xa1\xa3</p>";

	(void)state;
	r = dec(b5, sizeof(b5) - 1, NULL, NULL);
	assert_string_equal(r.name, "BIG5-HKSCS");
	assert_non_null(strstr(r.utf8, "\xe6\x95\xb8")); /* 數 */
	free(r.utf8);
	r = dec(gb, sizeof(gb) - 1, NULL, NULL);
	assert_string_equal(r.name, "GB18030");
	assert_non_null(strstr(r.utf8, "\xe6\x95\xb0")); /* 数 */
	free(r.utf8);
	r = dec(ko, sizeof(ko) - 1, NULL, NULL);
	assert_string_equal(r.source, "sniff");
	assert_string_equal(r.name, "CP949");
	assert_int_equal(r.replaced, 0);
	free(r.utf8);
	r = dec(ja, sizeof(ja) - 1, NULL, NULL);
	assert_string_equal(r.name, "CP932");
	assert_non_null(strstr(r.utf8, "\xe6\x9d\xb1\xe4\xba\xac")); /* 東京 */
	free(r.utf8);
	r = dec("plain ascii", 11, NULL, NULL);
	assert_string_equal(r.name, "UTF-8");
	free(r.utf8);
	r = dec("na\xefve caf\xe9 d\xe9j\xe0 vu", 18, NULL, NULL);
	assert_string_equal(r.name, "WINDOWS-1252");
	free(r.utf8);
	r = dec("<\0p\0>\0h\0i\0", 10, NULL, NULL);
	assert_string_equal(r.name, "UTF-16LE");
	assert_string_equal(r.utf8, "<p>hi");
	free(r.utf8);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_meta_charset),
		cmocka_unit_test(test_meta_http_equiv_late),
		cmocka_unit_test(test_meta_not_in_body),
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_unknown_override),
		cmocka_unit_test(test_bom_wins),
		cmocka_unit_test(test_lying_meta),
		cmocka_unit_test(test_lying_utf8_meta),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_invalid_legacy),
		cmocka_unit_test(test_nul_and_1252),
		cmocka_unit_test(test_binary_refused),
		cmocka_unit_test(test_escapes_removed),
		cmocka_unit_test(test_refs),
		cmocka_unit_test(test_ref_escapes_removed),
		cmocka_unit_test(test_sniff),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
