/*
 * nfc.h - Unicode normalization form C for text entering the document
 * (doc.c is its caller).
 *
 * A page written in decomposed form ("a" + U+0308 for "ä", Bengali YA +
 * NUKTA for YYA) is the same text as its composed form: after NFC it
 * reads, searches and measures the same, and terminals draw composed
 * characters more reliably than combining sequences.
 */
#ifndef LEDE_NFC_H
#define LEDE_NFC_H

#include <stddef.h>

/* 1 when NFC may change the UTF-8 text s[0, n): it holds a combining
 * mark, a character NFC never keeps (a composition exclusion or a
 * singleton), or conjoining Hangul jamo.  Text below U+0300, Hangul
 * syllables and CJK ideographs never need it; the scan is cheap. */
int nfc_needed(const char *s, size_t n);

/* 1 when NFC of an HTML page would compose into its markup: U+0338
 * after "<", "=" or ">" composes into one character (U+226E, U+2260,
 * U+226F), and the tag or attribute is lost. */
int nfc_breaks_markup(const char *s, size_t n);

/* The NFC of s[0, n) (malloc'd, NUL-terminated, its length in *outlen),
 * or NULL when s is not valid UTF-8 or memory runs out. */
char *nfc_dup(const char *s, size_t n, size_t *outlen);

#endif
