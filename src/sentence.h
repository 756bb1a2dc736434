/*
 * sentence.h - where sentences end (UAX #29 sentence boundaries, as ICU
 * has them, with the language's abbreviation list so that "Mr. Smith" or
 * "z. B." do not end a sentence).  Used by the plain-text formatter to put
 * link numbers after a sentence instead of inside it.
 */
#ifndef LEDE_SENTENCE_H
#define LEDE_SENTENCE_H

#include <stddef.h>

/* Fills ends[0..] with the byte offset just past the last character of
 * each sentence of s (white space after a sentence is not part of it), in
 * increasing order; the last is the end of the text's last non-space
 * character.  At most max are stored; *nends gets how many.  lang is a
 * BCP 47 tag or NULL.  Returns 0, or -1 when ICU fails or memory runs out
 * (then *nends is 0). */
int sentence_ends(const char *s, size_t n, const char *lang, size_t *ends,
    size_t max, size_t *nends);

#endif
