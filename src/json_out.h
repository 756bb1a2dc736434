/*
 * json_out.h - the article as one JSON object (`lede --json`), json-c.
 * Keys: title, deck, byline, site_name, lang, published, modified, url,
 * canonical, lead_image, sources, charset, text, blocks, links, images.
 */
#ifndef LEDE_JSON_OUT_H
#define LEDE_JSON_OUT_H

#include <stdio.h>

#include "doc.h"
#include "err.h"

/* Returns a new string (caller frees) or NULL with err filled. */
char *json_out_doc(const struct doc *d, struct lede_err *err);

#endif
