/*
 * uwidth.h - display width and grapheme clusters of UTF-8 text.
 *
 * Widths follow East Asian Width (wide and fullwidth: 2 columns; combining
 * marks, ZWJ, Hangul medial/final jamo and other zero-width characters: 0;
 * controls: 0 since they never reach here), as glibc's wcwidth does.  A
 * cluster is the sum of its code points (what a terminal placing them one
 * by one advances), at least 2 with VS16: never less than any terminal
 * draws.  Grapheme clusters follow UAX #29 (utf8proc).
 */
#ifndef LEDE_UWIDTH_H
#define LEDE_UWIDTH_H

#include <stddef.h>
#include <stdint.h>

/* Decode one code point at s (n bytes left); returns bytes used (>= 1)
 * and sets *cp (U+FFFD for an invalid sequence). */
size_t u8_decode(const char *s, size_t n, int32_t *cp);
int u8_cpwidth(int32_t cp);
/* n, less an incomplete UTF-8 sequence at the end (a copy cut short). */
size_t u8_whole(const char *s, size_t n);
/* Bytes of the horizontal space at s (space, tab, NBSP, U+2000..U+200A,
 * U+2028/9, U+202F, U+205F, U+3000: what a wrapper may trim at a line's
 * end), or 0. */
size_t u8_space(const char *s, size_t n);
/* Is the code point at s (n bytes) wide (2 columns)?  And the last one
 * of the n bytes before s + n? (Where a CJK line was broken with no
 * space taken.) */
int u8_wide_at(const char *s, size_t n);
int u8_wide_before(const char *s, size_t n);
/* Columns of n bytes of text, measured by grapheme clusters. */
int u8_width(const char *s, size_t n);
/* Byte length of the grapheme cluster starting at s. */
size_t u8_grapheme(const char *s, size_t n);
/* Columns of the grapheme cluster of len bytes at s. */
int u8_grapheme_width(const char *s, size_t len);

#endif
