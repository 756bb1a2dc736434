/*
 * sanitize.h - make remote text safe for a terminal, a file or JSON.
 *
 * Removes C0 controls (keeping tab and newline only when asked), DEL, C1
 * controls (U+0080..U+009F), ESC and therefore any escape sequence's
 * introducer, and bidi embeddings/overrides/isolates (U+202A..U+202E,
 * U+2066..U+2069).  Invalid UTF-8 becomes U+FFFD.
 */
#ifndef LEDE_SANITIZE_H
#define LEDE_SANITIZE_H

#include <stddef.h>

enum { SANITIZE_KEEP_NL = 1, SANITIZE_KEEP_TAB = 2 };

/* Returns a new NUL-terminated string (caller frees) or NULL (no memory).
 * *outlen, when not NULL, gets its length. */
char *sanitize_text(const char *s, size_t n, unsigned flags, size_t *outlen);
/* 1 if s (n bytes) would pass through sanitize_text unchanged. */
int sanitize_is_clean(const char *s, size_t n, unsigned flags);

#endif
