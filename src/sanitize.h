/*
 * sanitize.h - make remote text safe for a terminal, a file or JSON.
 *
 * Removes C0 controls (keeping tab and newline only when asked; other
 * line and page controls become a space, CR LF one line end), DEL, C1
 * controls (U+0080..U+009F), whole escape sequences (CSI, OSC, DCS, APC,
 * PM, SOS, 7-bit or 8-bit; an incomplete one loses its ESC), and bidi
 * embeddings/overrides/isolates (U+202A..U+202E, U+2066..U+2069); bidi
 * marks (LRM, RLM, ALM) stay.  Invalid UTF-8 becomes U+FFFD.
 */
#ifndef LEDE_SANITIZE_H
#define LEDE_SANITIZE_H

#include <stddef.h>

enum { SANITIZE_KEEP_NL = 1, SANITIZE_KEEP_TAB = 2 };

/* Returns a new NUL-terminated string (caller frees) or NULL (no memory).
 * *outlen, when not NULL, gets its length. */
char *sanitize_text(const char *s, size_t n, unsigned flags, size_t *outlen);
/* Remove each complete escape sequence from s (n bytes, UTF-8) in place
 * and return the new length; everything else, a lone ESC included, stays.
 * charset_decode() runs it on whole pages: the HTML parser drops a bare
 * ESC and would leave its "[2J" behind as text. */
size_t sanitize_escapes(char *s, size_t n);
/* 1 if s (n bytes) would pass through sanitize_text unchanged. */
int sanitize_is_clean(const char *s, size_t n, unsigned flags);

#endif
