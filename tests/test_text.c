/*
 * test_text.c - unit tests for display width, grapheme clusters, line
 * breaking and sanitizing, over Korean, Japanese, Chinese, Arabic, emoji
 * and combining text.
 */
#define _XOPEN_SOURCE 700	/* wcwidth */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <cmocka.h>

#include "linebreak.h"
#include "sanitize.h"
#include "sentence.h"
#include "termout.h"
#include "uwidth.h"

#define W(s) u8_width((s), strlen(s))

static void
test_width(void **state)
{
	(void)state;
	assert_int_equal(W("abc"), 3);
	assert_int_equal(W("한국어"), 6);
	assert_int_equal(W("日本語のテキスト"), 16);
	assert_int_equal(W("中文，测试。"), 12);
	assert_int_equal(W("ｱｲｳ"), 3);		/* halfwidth katakana */
	assert_int_equal(W("ＡＢ"), 4);		/* fullwidth Latin */
	assert_int_equal(W("مرحبا"), 5);		/* Arabic */
	assert_int_equal(W("e\xcc\x81"), 1);		/* e + acute */
	assert_int_equal(W("e\xcc\x81\xcc\xa3x"), 2);
	/* Conjoining jamo ㅎ+ㅏ+ㄴ are one syllable, two cells. */
	assert_int_equal(W("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab"), 2);
	assert_int_equal(W("🇰🇷"), 2);			/* flag */
	assert_int_equal(W("❤\xef\xb8\x8f"), 2);		/* VS16 */
	assert_int_equal(W("😀"), 2);
	/* Skin tone and ZWJ: at least the 2 cells a terminal shows. */
	assert_true(W("👍🏽") >= 2);
	assert_true(W("👨\xe2\x80\x8d👩\xe2\x80\x8d👧") >= 2);
	assert_int_equal(u8_cpwidth(0x200d), 0);	/* ZWJ */
	assert_int_equal(u8_cpwidth(0x200b), 0);	/* ZWSP */
	assert_int_equal(u8_cpwidth(0x0301), 0);
	assert_int_equal(u8_cpwidth(0xac00), 2);
	assert_int_equal(u8_cpwidth(0x3000), 2);	/* ideographic space */
	assert_int_equal(u8_cpwidth(0x1b), 0);
	assert_int_equal(u8_cpwidth('a'), 1);
	assert_int_equal(W(""), 0);
}

/* Never narrower than the C library's wcwidth, which is what terminals
 * and ncurses advance by: a narrower count would overflow lines. */
static void
test_width_vs_wcwidth(void **state)
{
	int32_t cp;
	int narrower = 0, g;

	(void)state;
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL &&
	    setlocale(LC_CTYPE, "C.utf8") == NULL)
		skip();
	for (cp = 0x20; cp < 0x110000; cp++) {
		if (cp >= 0xd800 && cp < 0xe000)
			continue;
		g = wcwidth((wchar_t)cp);
		if (g >= 0 && u8_cpwidth(cp) < g) {
			if (narrower++ < 10)
				print_message("U+%04X: %d, wcwidth %d\n",
				    (unsigned)cp, u8_cpwidth(cp), g);
		}
	}
	setlocale(LC_CTYPE, "C");
	assert_int_equal(narrower, 0);
	/* Devanagari KA + vowel sign AA: two cells. */
	assert_int_equal(W("\xe0\xa4\x95\xe0\xa4\xbe"), 2);
}

static void
test_decode(void **state)
{
	int32_t cp;

	(void)state;
	assert_int_equal(u8_decode("\xed\x95\x9c", 3, &cp), 3);
	assert_int_equal(cp, 0xd55c);
	assert_int_equal(u8_decode("\xff" "a", 2, &cp), 1);
	assert_int_equal(cp, 0xfffd);
	assert_int_equal(u8_decode("\xe4\xb8", 2, &cp), 1);	/* cut */
	assert_int_equal(cp, 0xfffd);
}

#define G(s) u8_grapheme((s), strlen(s))

static void
test_grapheme(void **state)
{
	const char *fam = "👨\xe2\x80\x8d👩\xe2\x80\x8d👧";

	(void)state;
	assert_int_equal(G("e\xcc\x81x"), 3);
	assert_int_equal(G(fam), strlen(fam));
	assert_int_equal(G("🇰🇷🇯🇵"), 8);		/* one flag at a time */
	assert_int_equal(G("👍🏽!"), 8);
	assert_int_equal(G("❤\xef\xb8\x8f!"), 6);
	assert_int_equal(G("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab" "a"), 9);
	assert_int_equal(G("\r\n"), 2);
	assert_int_equal(G("한국"), 3);
	assert_int_equal(G("لا"), 2);			/* two letters */
	assert_int_equal(G("a"), 1);
	assert_int_equal(G(""), 0);
	assert_int_equal(u8_grapheme_width(fam, strlen(fam)), W(fam));
}

/* s with "|" where a break is allowed and "!" where one is required. */
static char *
marks(const char *s, const char *lang)
{
	size_t n = strlen(s), i;
	unsigned char *brk = malloc(n + 1);
	char *out = malloc(n * 2 + 2), *q = out;

	assert_non_null(brk);
	assert_non_null(out);
	assert_int_equal(linebreak_find(s, n, lang, brk), 0);
	assert_int_equal(brk[0], LB_NONE);
	if (n > 0)
		assert_int_equal(brk[n], LB_MUST);
	for (i = 0; i < n; i++) {
		if (((unsigned char)s[i] & 0xc0) == 0x80)
			assert_int_equal(brk[i], LB_NONE);
		if (brk[i] == LB_ALLOW)
			*q++ = '|';
		else if (brk[i] == LB_MUST)
			*q++ = '!';
		*q++ = s[i];
	}
	*q = '\0';
	free(brk);
	return out;
}

#define BRK(s, lang, want) do { \
	char *m_ = marks((s), (lang)); \
	assert_string_equal(m_, (want)); \
	free(m_); \
} while (0)

static void
test_break_latin(void **state)
{
	(void)state;
	BRK("hello world", NULL, "hello |world");
	BRK("a\nb", NULL, "a\n!b");
	BRK("well-known", NULL, "well-|known");
	/* Combining mark stays with its base. */
	BRK("cafe\xcc\x81 ok", NULL, "cafe\xcc\x81 |ok");
	BRK("", NULL, "");
}

static void
test_break_cjk(void **state)
{
	(void)state;
	/* Japanese: between characters, but not before 。」 or small kana,
	 * not after 「 (kinsoku from UAX #14 itself). */
	BRK("ちょっと「東京」へ。", "ja",
	    "ちょっ|と|「東|京」|へ。");
	/* Chinese: not before ，。 */
	BRK("中文，测试。", "zh", "中|文，|测|试。");
	/* Korean untailored breaks between syllables ... */
	BRK("한국어 문장", "root", "한|국|어 |문|장");
	/* ... but Korean text is kept whole even without a lang ... */
	BRK("한국어 문장", NULL, "한국어 |문장");
	BRK("한국어 문장", "en", "한국어 |문장");
	/* ... and a Korean word in other text stays whole too. */
	BRK("Korean 한국 is a language of Korea", NULL,
	    "Korean |한국 |is |a |language |of |Korea");
	BRK("move to the original (클릭시 원문으로 이동하는 버튼)", "en",
	    "move |to |the |original |(클릭시 |원문으로 |이동하는 |버튼)");
	/* ... keep-all breaks only at spaces. */
	BRK("한국어 문장입니다. 좋아요", "ko",
	    "한국어 |문장입니다. |좋아요");
	BRK("서울(Seoul)에서", "ko", "서울(Seoul)에서");
	BRK("북한은 \"핵\"을", "ko", "북한은 |\"핵\"을");
	BRK("가\xe2\x80\x8b나", "ko", "가\xe2\x80\x8b|나");	/* ZWSP */
	/* Han between Hangul and Latin words keep their own breaks. */
	BRK("abc def", "ko", "abc |def");
	BRK("한국어 문장", "ko-KR", "한국어 |문장");
	/* Chinese and Japanese inside Korean text break as they do alone
	   (keep-all once made a whole sentence one word). */
	BRK("한국어. 中文句子", "ko", "한국어. |中|文|句|子");
	BRK("북한 かなテスト", "ko", "북한 |か|な|テ|ス|ト");
}

static void
test_break_arabic_emoji(void **state)
{
	(void)state;
	BRK("مرحبا بالعالم", NULL, "مرحبا |بالعالم");
	/* No break inside a ZWJ family, a flag, a skin-tone pair. */
	BRK("a 👨\xe2\x80\x8d👩\xe2\x80\x8d👧 b", NULL,
	    "a |👨\xe2\x80\x8d👩\xe2\x80\x8d👧 |b");
	BRK("🇰🇷🇯🇵", NULL, "🇰🇷|🇯🇵");
	BRK("👍🏽👍", NULL, "👍🏽|👍");
}

static void
test_break_invalid(void **state)
{
	const char s[] = "ab\xff\xfe cd";
	unsigned char brk[sizeof(s)];

	(void)state;
	assert_int_equal(linebreak_find(s, sizeof(s) - 1, NULL, brk), 0);
	assert_int_equal(brk[sizeof(s) - 1], LB_MUST);
	assert_int_equal(brk[5], LB_ALLOW);		/* before "cd" */
}

static char *
san(const char *s, unsigned flags)
{
	size_t len;
	char *o = sanitize_text(s, strlen(s), flags, &len);

	assert_non_null(o);
	assert_int_equal(strlen(o), len);
	return o;
}

#define SAN(in, flags, want) do { \
	char *o_ = san((in), (flags)); \
	assert_string_equal(o_, (want)); \
	assert_true(sanitize_is_clean(o_, strlen(o_), (flags))); \
	free(o_); \
} while (0)

static void
test_sanitize_sequences(void **state)
{
	(void)state;
	SAN("a\x1b[2Jb", 0, "ab");			/* clear screen */
	SAN("a\x1b[1;31mred\x1b[0m", 0, "ared");	/* SGR */
	SAN("x\x1b]52;c;SGVsbG8=\x07y", 0, "xy");	/* OSC 52 clipboard */
	SAN("\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\", 0,
	    "link");					/* OSC 8 hyperlink */
	SAN("\x1b]0;pwned\x07Title", 0, "Title");	/* OSC 0 title */
	SAN("\x1bPq#0;2;0;0;0\x1b\\ok", 0, "ok");	/* DCS sixel */
	SAN("\x1b" "cX", 0, "X");			/* full reset */
	SAN("\x1b(Bx", 0, "x");			/* charset */
	SAN("a\xc2\x9b" "2Jb", 0, "ab");		/* 8-bit CSI */
	SAN("a\xc2\x9d" "0;t\xc2\x9c" "b", 0, "ab");	/* 8-bit OSC + ST */
	/* Unterminated: the introducer goes, the rest is inert text. */
	SAN("\x1b]0;title", 0, "]0;title");
	SAN("end\x1b", 0, "end");
	/* Another ESC or C1 cuts a string short, as in a terminal: the
	 * first OSC is unterminated, the second is whole. */
	SAN("\x1b]0;a\x1b]0;b\x07" "c", 0, "]0;ac");
	SAN("\xc2\x9d" "0;a\xc2\x85" "b\xc2\x9c", 0, "0;ab");
	SAN("\x1bP1\x1b[2Jx", 0, "P1x");
}

static void
test_sanitize_controls(void **state)
{
	(void)state;
	SAN("a\x7f" "b\x01" "c\x07" "d\x08" "e", 0, "abcde");
	SAN("a\tb\nc", 0, "a b c");
	SAN("a\tb\nc", SANITIZE_KEEP_NL | SANITIZE_KEEP_TAB, "a\tb\nc");
	SAN("a\r\nb", SANITIZE_KEEP_NL, "a\nb");
	SAN("a\rb\fc", 0, "a b c");
	SAN("a\xc2\x85" "b\xc2\x9f" "c", 0, "abc");	/* C1 */
	/* Bidi overrides and isolates go; marks and RTL text stay. */
	SAN("a\xe2\x80\xae" "b\xe2\x81\xa6" "c\xe2\x81\xa9", 0, "abc");
	SAN("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad\xe2\x81\xa7"
	    "\xe2\x81\xa8", 0, "");
	SAN("abc \xe2\x80\x8f" "مرحبا", 0, "abc \xe2\x80\x8f" "مرحبا");
	SAN("한국어 日本語 😀", 0, "한국어 日本語 😀");
	SAN("a\xff" "b", 0, "a\xef\xbf\xbd" "b");
	assert_false(sanitize_is_clean("a\x1b" "b", 3, 0));
	assert_false(sanitize_is_clean("a\nb", 3, 0));
	assert_true(sanitize_is_clean("a\nb", 3, SANITIZE_KEEP_NL));
	assert_false(sanitize_is_clean("a\xe2\x80\xae", 4, 0));
}

/* Whatever goes in, nothing a terminal acts on comes out. */
static void
test_sanitize_random(void **state)
{
	static const unsigned char pieces[][4] = {
		{0x1b}, {'['}, {']'}, {0x07}, {'\\'}, {0xc2, 0x9b},
		{0xc2, 0x9c}, {0xc2, 0x85}, {0x7f}, {'\n'}, {'\t'}, {'\r'},
		{0xe2, 0x80, 0xae}, {0xe2, 0x81, 0xa6}, {'2'}, {'J'}, {';'},
		{0xff}, {0xc2}, {0xed, 0x95, 0x9c}, {'a'}, {0x00}, {0x9b},
	};
	unsigned long seed = 12345;
	unsigned char in[256];
	size_t n, i, len;
	int round;

	(void)state;
	for (round = 0; round < 3000; round++) {
		for (n = 0; n + 4 < sizeof(in);) {
			const unsigned char *p;

			seed = seed * 1103515245 + 12345;
			p = pieces[(seed >> 16) % (sizeof(pieces) /
			    sizeof(pieces[0]))];
			in[n++] = p[0];
			for (i = 1; i < 4 && p[i]; i++)
				in[n++] = p[i];
			if ((seed >> 8) % 17 == 0)
				break;
		}
		char *o = sanitize_text((char *)in, n, SANITIZE_KEEP_NL |
		    SANITIZE_KEEP_TAB, &len);
		assert_non_null(o);
		for (i = 0; i < len; i++) {
			unsigned char c = (unsigned char)o[i];

			assert_false(c < 0x20 && c != '\n' && c != '\t');
			assert_false(c == 0x7f);
			if (c == 0xc2 && i + 1 < len)
				assert_false((unsigned char)o[i + 1] >= 0x80 &&
				    (unsigned char)o[i + 1] <= 0x9f);
		}
		assert_null(strstr(o, "\xe2\x80\xae"));
		assert_null(strstr(o, "\xe2\x81\xa6"));
		assert_true(sanitize_is_clean(o, len, SANITIZE_KEEP_NL |
		    SANITIZE_KEEP_TAB));
		free(o);
	}
}

static void
test_termout(void **state)
{
	size_t len, i;
	char *o, *mem = NULL;
	FILE *fp;
	const char *in = "caf\xc3\xa9 \xe2\x80\x94 \xe2\x80\x9cq\xe2\x80\x9d "
	    "\xc2\xbd \xed\x95\x9c \xf0\x9f\x98\x80 x\n\x1b[1m";

	(void)state;
	/* ASCII terminal: letters lose accents, dashes and quotes become
	 * ASCII, the rest "?" as wide as the original cluster. */
	o = termout_convert(in, strlen(in), "ANSI_X3.4-1968", &len);
	assert_non_null(o);
	for (i = 0; i < len; i++)
		assert_true((unsigned char)o[i] < 0x80);
	assert_string_equal(o, "cafe - \"q\" ? ?? ?? x\n\x1b[1m");
	free(o);
	/* Separators glibc has no ASCII for: a middle dot, an ideographic
	 * space, a figure dash. */
	o = termout_convert("a \xc2\xb7 b\xe3\x80\x80" "c\xe2\x80\x92" "d", 14,
	    "ANSI_X3.4-1968", &len);
	assert_non_null(o);
	assert_string_equal(o, "a . b c-d");
	free(o);
	/* EUC-KR terminal: Hangul converted, not transliterated. */
	o = termout_convert("\xed\x95\x9c caf\xc3\xa9", 9, "EUC-KR", &len);
	assert_non_null(o);
	assert_string_equal(o, "\xc7\xd1 cafe");
	free(o);
	o = termout_convert("\xed\x95\x9c", 3, "UTF-8", &len);
	assert_string_equal(o, "\xed\x95\x9c");
	free(o);
	assert_null(termout_convert("x", 1, "NO-SUCH-CHARSET", &len));
	/* JSON outside a UTF-8 locale (this test never calls setlocale):
	 * \u escapes, surrogate pairs for astral planes. */
	assert_false(termout_is_utf8());
	fp = open_memstream(&mem, &len);
	assert_non_null(fp);
	assert_int_equal(termout_json(
	    "{\"t\":\"\xed\x95\x9c\xf0\x9f\x98\x80\"}", fp), 0);
	fclose(fp);
	assert_string_equal(mem, "{\"t\":\"\\ud55c\\ud83d\\ude00\"}");
	free(mem);
}

/* The sentences of s, as "text|text|" (each end marked). */
static void
check_sentences(const char *s, const char *lang, const char *want)
{
	size_t ends[16], n, i, at = 0;
	char got[512] = "";

	assert_int_equal(sentence_ends(s, strlen(s), lang, ends, 16, &n), 0);
	for (i = 0; i < n; i++) {
		assert_true(ends[i] > at || i == 0);
		strncat(got, s + at, ends[i] - at);
		strcat(got, "|");
		at = ends[i];
	}
	assert_string_equal(got, want);
}

static void
test_whole(void **state)
{
	const char *s = "a\xed\x95\x9c\xf0\x9f\x91\x8d";	/* a한👍 */

	(void)state;
	assert_int_equal(u8_whole(s, 8), 8);
	assert_int_equal(u8_whole(s, 7), 4);	/* the emoji cut short */
	assert_int_equal(u8_whole(s, 5), 4);
	assert_int_equal(u8_whole(s, 4), 4);
	assert_int_equal(u8_whole(s, 3), 1);	/* the syllable cut short */
	assert_int_equal(u8_whole(s, 1), 1);
	assert_int_equal(u8_whole(s, 0), 0);
	/* Stray continuation bytes are not this function's business. */
	assert_int_equal(u8_whole("\x80\x80", 2), 2);
}

static void
test_sentences(void **state)
{
	size_t ends[4], n = 9;

	(void)state;
	/* White space after a sentence is not part of it. */
	check_sentences("One. Two?  Three!  ", "en", "One.| Two?|  Three!|");
	/* Abbreviations do not end a sentence; decimals neither. */
	check_sentences("Mr. Smith paid 3.5 dollars. Then left.", "en",
	    "Mr. Smith paid 3.5 dollars.| Then left.|");
	check_sentences("Das sagte Dr. Müller heute. Ja.", "de-AT",
	    "Das sagte Dr. Müller heute.| Ja.|");
	/* A bracket that opens the next sentence is not this one's end
	 * (ICU ends the sentence after "free.["). */
	check_sentences("It is free.[3] Next one.", NULL,
	    "It is free.|[3] Next one.|");
	check_sentences("It ended. (Then more.)", NULL,
	    "It ended.| (Then more.)|");
	/* CJK full stops; Korean with spaces. */
	check_sentences("北京下雪了。我们出去吧！", "zh",
	    "北京下雪了。|我们出去吧！|");
	check_sentences("雪が降った。外に出よう。", "ja",
	    "雪が降った。|外に出よう。|");
	check_sentences("회담이 열렸다. 결과는 없었다.", "ko",
	    "회담이 열렸다.| 결과는 없었다.|");
	/* No sentence in empty or blank text; the cap is kept. */
	assert_int_equal(sentence_ends("", 0, "en", ends, 4, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(sentence_ends("   ", 3, "en", ends, 4, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(sentence_ends("A. B. C. D. E. F.", 17, "xx-bogus!",
	    ends, 4, &n), 0);
	assert_int_equal(n, 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_width_vs_wcwidth),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_grapheme),
		cmocka_unit_test(test_break_latin),
		cmocka_unit_test(test_break_cjk),
		cmocka_unit_test(test_break_arabic_emoji),
		cmocka_unit_test(test_break_invalid),
		cmocka_unit_test(test_sanitize_sequences),
		cmocka_unit_test(test_sanitize_controls),
		cmocka_unit_test(test_sanitize_random),
		cmocka_unit_test(test_termout),
		cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_whole),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
