/*
 * linebreak.h - line-break opportunities per UAX #14.
 *
 * linebreak_find() marks, for each byte offset i of s, whether a line may
 * break before byte i.  The rules are UAX #14 as ICU's root rules have
 * them, for every language (Chinese and Japanese get their kinsoku from
 * them), with Korean keep-all on top: no break touching Hangul except
 * after white space, none between two letters or digits.  Keep-all
 * applies when lang is "ko" (or "ko-*"), and when lang is anything else
 * (NULL included) but the text is mostly Hangul.  lang "root" gives the
 * untailored algorithm alone (the conformance test uses it).
 */
#ifndef LEDE_LINEBREAK_H
#define LEDE_LINEBREAK_H

#include <stddef.h>

enum { LB_NONE = 0, LB_ALLOW = 1, LB_MUST = 2 };

/* brk has n+1 entries: brk[i] is the opportunity before byte i (brk[0] is
 * always LB_NONE, brk[n] LB_MUST when n > 0).  Only offsets at code point
 * starts are ever non-zero; LB_MUST follows a hard line break (LF, CR,
 * VT, FF, NEL, U+2028/9).  Returns 0, or -1 when out of memory. */
int linebreak_find(const char *s, size_t n, const char *lang,
    unsigned char *brk);
/* The same through ICU alone (the fast path's reference, for tests). */
int linebreak_find_icu(const char *s, size_t n, const char *lang,
    unsigned char *brk);
/* linebreak_simple.c: the opportunities of a text of ASCII, Latin
 * letters, no-break spaces and typographic quotes and dashes, as ICU
 * gives them (brk as above); -1 (brk undefined) for any other text. */
int linebreak_simple(const char *s, size_t n, unsigned char *brk);

#endif
