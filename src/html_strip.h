/*
 * html_strip.h - drop what lede never reads from a page before parsing it:
 * the code inside <script> and <style> elements.
 *
 * Owned by the extract area; article.c is its caller.  A page's scripts
 * and style sheets are a third to a half of its bytes and a fifth of the
 * parser's work, and the reader neither runs nor shows them.  The
 * elements stay (empty), so the tree has the same shape.  Kept whole:
 * JSON scripts (JSON-LD metadata) and scripts that name a publication or
 * creation date (meta.c's last-resort date).  Bogus comments in the body
 * ("<! --- Reg Wall -->", "<![if !IE]>"), which a browser hides and
 * libxml2 2.9 would show as text, go too.
 *
 * The scan follows libxml2's own HTML tokenizer (2.9 to 2.13) where it
 * decides what is a tag: comments, quoted attribute values and end tags
 * are stepped over as the parser does, so a "<script" inside any of them
 * is left alone.  Anything the scan cannot follow (an unterminated
 * comment, quote or script; a script whose text opens with a tag, which
 * libxml2 may read as markup; a NUL byte) ends stripping there and leaves
 * the rest as it was.  With libxml2 2.14 and later, whose HTML5 tokenizer
 * reads some of this otherwise, nothing is stripped.
 */
#ifndef LEDE_HTML_STRIP_H
#define LEDE_HTML_STRIP_H

#include <stddef.h>

/* Remove script and style code from the n bytes of UTF-8 at s, in place;
 * returns the new length (never more than n).  s need not end in NUL. */
size_t html_strip_code(char *s, size_t n);

#endif
