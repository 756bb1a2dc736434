/*
 * linebreak.c - line-break opportunities (UAX #14) from ICU's break
 * iterator, mapped back to UTF-8 byte offsets.  See linebreak.h.
 *
 * ICU's default line rules already give Chinese and Japanese their
 * kinsoku (no break before closing punctuation, iteration marks or small
 * kana; none after opening punctuation).  Korean "keep-all" is applied on
 * top, for lang "ko" and for any text that is mostly Hangul: Korean words
 * break only at spaces, as Korean typesetting does.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utypes.h>

#include "linebreak.h"
#include "uwidth.h"

/* One iterator per tailoring is kept: opening one loads and compiles
 * rules and costs far more than breaking a paragraph. */
struct lb_cache {
	UBreakIterator *bi;
	char locale[16];
};

static struct lb_cache cache[4];
static const UChar empty[1];

static UBreakIterator *
get_iter(const char *locale)
{
	UErrorCode st = U_ZERO_ERROR;
	UBreakIterator *bi;
	size_t i;

	for (i = 0; i < sizeof(cache) / sizeof(cache[0]); i++)
		if (cache[i].bi != NULL && strcmp(cache[i].locale, locale) == 0)
			return cache[i].bi;
	bi = ubrk_open(UBRK_LINE, locale, NULL, 0, &st);
	if (U_FAILURE(st))
		return NULL;
	for (i = 0; i < sizeof(cache) / sizeof(cache[0]); i++)
		if (cache[i].bi == NULL)
			break;
	if (i == sizeof(cache) / sizeof(cache[0])) {
		/* Full: replace the last slot. */
		i--;
		ubrk_close(cache[i].bi);
	}
	cache[i].bi = bi;
	snprintf(cache[i].locale, sizeof(cache[i].locale), "%s", locale);
	return bi;
}

/* Letters and digits, the "typographic letter units" that keep-all keeps
 * together (CSS Text 3, word-break: keep-all). */
static int
letter_unit(int32_t cp)
{
	int8_t t = u_charType(cp);

	switch (t) {
	case U_UPPERCASE_LETTER:
	case U_LOWERCASE_LETTER:
	case U_TITLECASE_LETTER:
	case U_MODIFIER_LETTER:
	case U_OTHER_LETTER:
	case U_DECIMAL_DIGIT_NUMBER:
	case U_LETTER_NUMBER:
	case U_OTHER_NUMBER:
		return 1;
	default:
		return 0;
	}
}

static int
is_hangul(int32_t cp)
{
	return (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0x1100 &&
	    cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f) ||
	    (cp >= 0xa960 && cp <= 0xa97f) || (cp >= 0xd7b0 && cp <= 0xd7ff);
}

/* Han ideographs and kana: Chinese and Japanese break between any two,
 * keep-all or not (a Chinese sentence in a Korean paragraph). */
static int
is_ideo(int32_t cp)
{
	return (cp >= 0x4e00 && cp <= 0x9fff) ||
	       (cp >= 0x3400 && cp <= 0x4dbf) ||
	       (cp >= 0xf900 && cp <= 0xfaff) ||
	       (cp >= 0x20000 && cp <= 0x3ffff) ||
	       (cp >= 0x3040 && cp <= 0x30ff) ||
	       (cp >= 0x31f0 && cp <= 0x31ff) || (cp >= 0xff66 && cp <= 0xff9f);
}

static int
space_like(int32_t cp)
{
	return cp == 0 || u_isUWhiteSpace(cp) || cp == 0x200b;
}

/* Keep-all: Korean breaks between words (eojeol), at spaces.  A soft
 * break goes when it touches Hangul and does not follow a space, which
 * also keeps brackets and quotes on their word ("북한(DPRK)은"), and
 * between two letter units (CSS word-break: keep-all) but two Han or
 * kana, where Chinese and Japanese break.  Marks belong to the letter
 * before them, so "before" is the last base character. */
static void
keep_all(const char *s, size_t n, unsigned char *brk)
{
	int32_t base = 0, cp;
	size_t i, k;
	int8_t t;

	for (i = 0; i < n; i += k) {
		k = u8_decode(s + i, n - i, &cp);
		if (i > 0 && brk[i] == LB_ALLOW && !space_like(base) &&
		    ((is_hangul(base) || is_hangul(cp)) ||
		    (letter_unit(base) && letter_unit(cp) &&
		        !(is_ideo(base) && is_ideo(cp)))))
			brk[i] = LB_NONE;
		t = u_charType(cp);
		if (t != U_NON_SPACING_MARK && t != U_ENCLOSING_MARK &&
		    t != U_COMBINING_SPACING_MARK)
			base = cp;
	}
}

/* Hangul words inside other-language text (a Korean name or phrase in an
 * English line) are still words: no break between two Hangul letters. */
static void
keep_hangul(const char *s, size_t n, unsigned char *brk)
{
	int32_t prev = 0, cp;
	size_t i, k;

	for (i = 0; i < n; i += k) {
		k = u8_decode(s + i, n - i, &cp);
		if (i > 0 && brk[i] == LB_ALLOW && is_hangul(prev) &&
		    is_hangul(cp))
			brk[i] = LB_NONE;
		prev = cp;
	}
}

/* Korean text is Korean whatever the page's lang says (many say nothing,
 * or "en" from a template): most of its letters are Hangul. */
static int
mostly_hangul(const char *s, size_t n)
{
	size_t i, k, letters = 0, hangul = 0;
	int32_t cp;

	for (i = 0; i < n; i += k) {
		if ((unsigned char)s[i] < 0x80) {
			k = 1;
			letters += (s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z';
			continue;
		}
		k = u8_decode(s + i, n - i, &cp);
		if (letter_unit(cp)) {
			letters++;
			hangul += is_hangul(cp);
		}
	}
	return hangul >= 2 && hangul * 2 >= letters;
}

static int
lang_is(const char *lang, const char *code)
{
	size_t k = strlen(code);

	return lang != NULL && strncasecmp(lang, code, k) == 0 &&
	    (lang[k] == '\0' || lang[k] == '-' || lang[k] == '_');
}

int
linebreak_find(const char *s, size_t n, const char *lang,
    unsigned char *brk)
{
	/* Latin text has no Hangul to tailor: the ICU rules, in a table. */
	if (linebreak_simple(s, n, brk) == 0)
		return 0;
	return linebreak_find_icu(s, n, lang, brk);
}

int
linebreak_find_icu(const char *s, size_t n, const char *lang,
    unsigned char *brk)
{
	UErrorCode st = U_ZERO_ERROR;
	UBreakIterator *bi;
	UChar *u16;
	uint32_t *map;
	size_t i, k, m = 0, nhangul = 0;
	int32_t cp, pos;
	int ko = lang_is(lang, "ko");

	memset(brk, LB_NONE, n + 1);
	if (n == 0)
		return 0;
	if (n > INT32_MAX / 2)
		return -1;
	/* Each byte gives at most one UTF-16 unit (a 4-byte sequence, two). */
	u16 = malloc(n * sizeof(*u16));
	map = malloc((n + 1) * sizeof(*map));
	if (u16 == NULL || map == NULL) {
		free(u16);
		free(map);
		return -1;
	}
	for (i = 0; i < n; i += k) {
		if ((unsigned char)s[i] < 0x80) {
			map[m] = (uint32_t)i;
			u16[m++] = (UChar)(unsigned char)s[i];
			k = 1;
			continue;
		}
		k = u8_decode(s + i, n - i, &cp);
		nhangul += is_hangul(cp);
		if (cp >= 0x10000) {
			map[m] = (uint32_t)i;
			u16[m++] = (UChar)(0xd800 + ((cp - 0x10000) >> 10));
			/* Never a boundary inside a pair. */
			map[m] = (uint32_t)i;
			u16[m++] = (UChar)(0xdc00 + ((cp - 0x10000) & 0x3ff));
		} else {
			map[m] = (uint32_t)i;
			u16[m++] = (UChar)cp;
		}
	}
	map[m] = (uint32_t)n;
	/* Root rules for every language: ICU's "ja" locale selects the
	 * loose "normal" set, which breaks before small kana. */
	if ((bi = get_iter("")) == NULL)
		goto fail;
	ubrk_setText(bi, u16, (int32_t)m, &st);
	if (U_FAILURE(st))
		goto fail;
	for (pos = ubrk_first(bi); pos != UBRK_DONE; pos = ubrk_next(bi)) {
		int32_t tag;

		if (pos <= 0)
			continue;
		tag = ubrk_getRuleStatus(bi);
		brk[map[pos]] = tag >= UBRK_LINE_HARD &&
		    tag < UBRK_LINE_HARD_LIMIT ? LB_MUST : LB_ALLOW;
	}
	/* The text must not stay attached to a buffer about to be freed. */
	st = U_ZERO_ERROR;
	ubrk_setText(bi, empty, 0, &st);
	/* mostly_hangul() needs two Hangul letters: most text has none. */
	if (ko || (!lang_is(lang, "root") && nhangul >= 2 &&
	    mostly_hangul(s, n)))
		keep_all(s, n, brk);
	else if (!lang_is(lang, "root") && nhangul >= 2)
		keep_hangul(s, n, brk);
	brk[0] = LB_NONE;
	brk[n] = LB_MUST;
	free(u16);
	free(map);
	return 0;
fail:
	free(u16);
	free(map);
	return -1;
}
