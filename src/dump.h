/*
 * dump.h - the article as plain text (or ANSI-coloured text) on a stream:
 * what `lede --dump` prints and what export writes.  One formatter for
 * both: header, body, numbered links.
 */
#ifndef LEDE_DUMP_H
#define LEDE_DUMP_H

#include <stdio.h>

#include "buf.h"
#include "doc.h"
#include "err.h"

struct dump_opts {
	int width;		/* wrap width in columns (>= 1) */
	int wrap;		/* 0: one line per paragraph */
	int header;		/* title, deck, byline, dates, source */
	int links;		/* link numbers and the numbered link list */
	int related;		/* related stories after the links (0: the
				 * export format: the article's own text) */
	int ansi;		/* colour by role with SGR sequences */
	int first_block;	/* body blocks A..B (1-based); 0 for all */
	int last_block;
	int deck;		/* a part's header: the deck too */
};

void dump_opts_default(struct dump_opts *o);
/* Returns 0, or -1 with err filled (write error, no memory). */
int dump_doc(FILE *fp, const struct doc *d, const struct dump_opts *o,
    struct lede_err *err);
/* The same text appended to out (export of a selection: first_block and
 * last_block).  Plain text unless o->ansi.  Returns 0 or -1 with err. */
int export_doc(struct buf *out, const struct doc *d, const struct dump_opts *o,
    struct lede_err *err);

#endif
