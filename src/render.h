/*
 * render.h - doc + width -> lines of styled runs.  Pure: the same doc and
 * options give the same lines, so the UI re-renders on resize and only
 * paints.  No curses here; runs carry roles, the theme maps roles to looks.
 *
 * Ownership: render_doc() returns lines the caller frees with lines_free().
 * The lines borrow nothing from the doc.
 */
#ifndef LEDE_RENDER_H
#define LEDE_RENDER_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "err.h"

enum role {
#define ROLE(id, name, def) ROLE_##id,
#include "roles.def"
#undef ROLE
	ROLE_COUNT
};

extern const char *const role_names[ROLE_COUNT];
extern const char *const role_defaults[ROLE_COUNT];

struct run {
	size_t off, len;	/* bytes into line->text */
	enum role role;
	int link;		/* index into doc->links, or -1 */
};

/* What a line starts, for navigation (next heading/paragraph) and export. */
enum line_flag {
	LINE_BLOCK_START = 1 << 0,	/* first line of a body block */
	LINE_HEADING = 1 << 1,
	LINE_HEADER = 1 << 2,		/* the title/byline/dates header */
	LINE_LINKLIST = 1 << 3,		/* the numbered link list at the end */
	LINE_BLANK = 1 << 4,
};

struct line {
	char *text;		/* UTF-8, NUL-terminated, no control chars */
	size_t len;
	int width;		/* display columns, never over opts.width */
	struct run *runs;
	size_t nruns;
	unsigned flags;
	int block;		/* top-level body block index, or -1 */
	int row;		/* row of the table that is the block, or -1 */
	int quote_depth;
};

struct lines {
	struct line *v;
	size_t n;
	int width;
};

struct render_opts {
	int width;		/* columns, >= 1 */
	int header;		/* title, deck, byline, dates, source */
	int links;		/* numbered links and related list at the end */
	int related;		/* related stories after the links */
	int wrap;		/* 0: one line per paragraph (export --no-wrap) */
	int first_block, last_block; /* body blocks A..B, 1-based; 0 all */
	int plain;		/* plain-text export look: "> " quote prefix,
				 * "[Photo: caption]"; 0: the screen look */
	int deck;		/* plain: the deck too (a part's citation
				 * leaves it out unless it was selected) */
};

void render_opts_default(struct render_opts *o);
struct lines *render_doc(const struct doc *d, const struct render_opts *o,
    struct lede_err *err);
void lines_free(struct lines *l);

#endif
