/*
 * export_lines.h - export exactly the text of a range of rendered lines
 * (the reader's line selection), in the format of export_doc(): the
 * citation header, the selected text regrouped into paragraphs (quotes,
 * captions, list items as export writes them), numbered links.  Owned by
 * the export area.
 */
#ifndef LEDE_EXPORT_LINES_H
#define LEDE_EXPORT_LINES_H

#include <stddef.h>

#include "buf.h"
#include "doc.h"
#include "dump.h"
#include "err.h"
#include "render.h"

/*
 * Lines first..last of l, which render_doc() made from d (any width, any
 * look), appended to out as plain text.  Each selected line is found again
 * in the doc's text, so the export holds the words of those lines and no
 * others, with the spaces the page had (none where a CJK line was broken
 * between two characters); lines of a table give the rows they show, whole
 * (a table inside a quote or list goes whole).  o gives the width,
 * wrapping, header and links; its block range is ignored.  Header and
 * link-list lines in the range add nothing (the header is written whole
 * when o->header).  Returns 0, or -1 with err filled.
 */
int export_lines(struct buf *out, const struct doc *d, const struct lines *l,
    size_t first, size_t last, const struct dump_opts *o,
    struct lede_err *err);

#endif
