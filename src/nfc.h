/*
 * nfc.h - Unicode normalization form C for text entering the document.
 * Callers: article.c (does a page need it?), parse_html.c (the parsed
 * tree's text and attributes), doc.c (every string set in the doc).
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
 * singleton), conjoining Hangul jamo, or a starter that composes with the
 * one before it (Kannada U+0CD5).  Text below U+0300, Hangul
 * syllables and CJK ideographs never need it; the scan is cheap. */
int nfc_needed(const char *s, size_t n);

/* The NFC of s[0, n) (malloc'd, NUL-terminated, its length in *outlen),
 * or NULL when memory runs out.  Bytes that are not UTF-8 are kept as
 * they are, and a run of combining marks longer than 128 bytes (some
 * 60 marks on one letter: hostile text, and ordering marks takes square
 * time) is composed piece by piece. */
char *nfc_dup(const char *s, size_t n, size_t *outlen);

#endif
