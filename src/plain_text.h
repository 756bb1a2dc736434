/*
 * plain_text.h - a plain-text page (text/plain, or a file with no markup
 * at all) as HTML the extractor reads: its paragraphs are the runs of
 * lines between blank lines, a first short line alone is its title.
 *
 * Owned by the extract area; article.c is its caller.  Pure string work.
 */
#ifndef LEDE_PLAIN_TEXT_H
#define LEDE_PLAIN_TEXT_H

#include <stddef.h>

/* Is the UTF-8 text s[0, n) plain text: content_type says text/plain
 * (and the text does not open with <!DOCTYPE or <html>), or (no type
 * known) nothing in it reads as markup: a comment, a DOCTYPE, or a tag
 * of HTML's own ("<p>", "</div>"; not "<john@example.com>")? */
int plain_text_is(const char *s, size_t n, const char *content_type);

/* Longer plain text is refused (escaped, it could grow fivefold). */
#define PLAIN_TEXT_MAX (16u << 20)

/* s[0, n) as an HTML page (a new NUL-terminated string, its length in
 * *len), or NULL when out of memory or the text is too long. */
char *plain_text_html(const char *s, size_t n, size_t *len);

#endif
