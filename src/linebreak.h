/*
 * linebreak.h - line-break opportunities per UAX #14.
 *
 * linebreak_find() marks, for each byte offset i of s, whether a line may
 * break before byte i.  The default is the untailored algorithm; lang
 * "ko" tailors Korean to break at spaces only (keep-all).
 */
#ifndef LEDE_LINEBREAK_H
#define LEDE_LINEBREAK_H

#include <stddef.h>

enum { LB_NONE = 0, LB_ALLOW = 1, LB_MUST = 2 };

/* brk has n+1 entries: brk[i] is the opportunity before byte i (brk[0] is
 * always LB_NONE, brk[n] LB_MUST).  Only offsets at code point starts are
 * ever non-zero.  Returns 0, or -1 when out of memory. */
int linebreak_find(const char *s, size_t n, const char *lang,
    unsigned char *brk);

#endif
