/*
 * sentence.c - sentence ends from ICU's sentence break iterator over the
 * UTF-8 text in place (UText: offsets are bytes, nothing is copied).  See
 * sentence.h.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <utf8proc.h>

#include "sentence.h"
#include "uwidth.h"

/* Opening an iterator compiles rules (and, with "ss=standard", loads the
 * abbreviation list): keep one per language. */
struct sb_cache {
	UBreakIterator *bi;
	char lang[16];
};

static struct sb_cache cache[4];
static unsigned next_slot;
static const UChar empty[1];

static UBreakIterator *
get_iter(const char *lang)
{
	UErrorCode st = U_ZERO_ERROR;
	UBreakIterator *bi;
	char key[16], locale[48];
	size_t i;

	/* The primary language only ("de" of "de-AT"), lowercase ASCII. */
	for (i = 0; lang && i < sizeof(key) - 1 && lang[i] &&
	    lang[i] != '-' && lang[i] != '_'; i++)
		key[i] = (char)(lang[i] >= 'A' && lang[i] <= 'Z' ?
		    lang[i] + 32 : lang[i]);
	key[i] = '\0';
	if (strspn(key, "abcdefghijklmnopqrstuvwxyz") != i)
		key[0] = '\0';
	for (i = 0; i < sizeof(cache) / sizeof(cache[0]); i++)
		if (cache[i].bi != NULL && strcmp(cache[i].lang, key) == 0)
			return cache[i].bi;
	snprintf(locale, sizeof(locale), "%s@ss=standard",
	    key[0] ? key : "en");
	bi = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &st);
	if (U_FAILURE(st))
		return NULL;
	i = next_slot++ % (sizeof(cache) / sizeof(cache[0]));
	if (cache[i].bi != NULL)
		ubrk_close(cache[i].bi);
	cache[i].bi = bi;
	snprintf(cache[i].lang, sizeof(cache[i].lang), "%s", key);
	return bi;
}

/* The offset before the white space and opening punctuation that end
 * s[0..e): ICU ends a sentence after the "(" or "[" that opens the next
 * one, and a number put there would stand inside the brackets. */
static size_t
trim_end(const char *s, size_t e)
{
	size_t i;
	int32_t cp;
	utf8proc_category_t k;

	while (e > 0) {
		/* Back to the start of the last code point. */
		for (i = e - 1; i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80;
		    i--)
			;
		if (u8_decode(s + i, e - i, &cp) != e - i)
			break;
		k = utf8proc_category(cp);
		if (u8_space(s + i, e - i) != e - i &&
		    k != UTF8PROC_CATEGORY_PS && k != UTF8PROC_CATEGORY_PI)
			break;
		e = i;
	}
	return e;
}

int
sentence_ends(const char *s, size_t n, const char *lang, size_t *ends,
    size_t max, size_t *nends)
{
	UErrorCode st = U_ZERO_ERROR;
	UBreakIterator *bi;
	UText *ut;
	int32_t pos, prev = 0;
	size_t e, m = 0;

	*nends = 0;
	if (n == 0 || max == 0)
		return 0;
	if (n > INT32_MAX || (bi = get_iter(lang)) == NULL)
		return -1;
	if ((ut = utext_openUTF8(NULL, s, (int64_t)n, &st)) == NULL ||
	    U_FAILURE(st))
		return -1;
	ubrk_setUText(bi, ut, &st);
	if (U_FAILURE(st)) {
		utext_close(ut);
		return -1;
	}
	for (pos = ubrk_following(bi, 0); pos != UBRK_DONE && m < max;
	    pos = ubrk_next(bi)) {
		e = trim_end(s, (size_t)pos);
		if (e > (size_t)prev && (m == 0 || e > ends[m - 1]))
			ends[m++] = e;
		prev = pos;
	}
	/* The iterator must not keep a text about to go away. */
	st = U_ZERO_ERROR;
	ubrk_setText(bi, empty, 0, &st);
	utext_close(ut);
	*nends = m;
	return 0;
}
