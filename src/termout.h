/*
 * termout.h - write lede's UTF-8 output in the terminal's charset.
 *
 * Owned by the text area.  In a UTF-8 locale the bytes go out unchanged.
 * In any other locale (LANG=C, ko_KR.EUC-KR, ...) text is converted to
 * nl_langinfo(CODESET) with transliteration; what cannot be shown becomes
 * its unaccented letter or "?".  A grapheme cluster never comes out wider
 * than it was measured (u8_grapheme_width), so wrapped lines stay within
 * their width.  JSON stays JSON: non-ASCII becomes \uXXXX escapes.
 * Call after setlocale().
 */
#ifndef LEDE_TERMOUT_H
#define LEDE_TERMOUT_H

#include <stddef.h>
#include <stdio.h>

/* 1 when the locale's charset is UTF-8 (or the locale cannot be read). */
int termout_is_utf8(void);
/* Write n bytes of UTF-8 text to fp.  0, or -1 on a write error or when
 * out of memory (errno says which). */
int termout_write(FILE *fp, const char *s, size_t n);
int termout_fputs(const char *s, FILE *fp);
/* Write a JSON text: unchanged in a UTF-8 locale, else with every
 * non-ASCII character as a \u escape (JSON only has them in strings). */
int termout_json(const char *s, FILE *fp);
/* Convert into a new string (caller frees) for codeset, which names an
 * iconv charset ("ANSI_X3.4-1968", "EUC-KR", "UTF-8"); NULL when out of
 * memory or codeset is unknown.  Used by the above, and by tests. */
char *termout_convert(const char *s, size_t n, const char *codeset,
    size_t *outlen);

#endif
