/*
 * render_int.h - what the pieces of the renderer share (render.c: blocks,
 * header and link lists; render_inline.c: styled text from a doc inline;
 * render_wrap.c: styled text, line breaking and line assembly;
 * render_table.c: text tables).  Private to the output area.
 *
 * A "styled text" (struct stext) is UTF-8 plus one attribute word per byte
 * (role, link, no-break flag).  The wrapper cuts it into segments that fit a
 * width; the emitter prefixes each segment (quote bars, list markers) and
 * appends it to the lines as runs.
 */
#ifndef LEDE_RENDER_INT_H
#define LEDE_RENDER_INT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "render.h"

/* Attribute word: role in bits 0..7, link + 1 in bits 8..29. */
#define AT_ROLE(a)	((enum role)((a) & 0xff))
#define AT_LINK(a)	((int)(((a) >> 8) & 0x3fffff) - 1)
#define AT_STYLE(a)	((a) & UINT32_C(0x3fffffff))	/* role and link */
#define AT_MAKE(r, l)	((uint32_t)(r) | ((uint32_t)((l) + 1) << 8))
#define AT_NOBREAK	(UINT32_C(1) << 30)	/* no break before this byte */
#define AT_WEAK		(UINT32_C(1) << 31)	/* break here only if no other */

#define RENDER_MAX_PIECES 24	/* prefix pieces (quote bars, indents) */
#define RENDER_MAX_DEPTH 256	/* a stack guard: documents are never this deep
				   (html_parse() flattens deep markup) */
#define RENDER_MAX_TEXT ((size_t)64 << 20) /* one block's text */

struct stext {
	struct buf b;
	uint32_t *at;
	size_t cap;
	uint32_t any;	/* every attribute added, or'ed: what to look for */
	int failed;
};

/* One piece of a line prefix: a quote bar or a list indent. */
struct piece {
	char first[24];		/* on the first line of the next paragraph */
	char cont[24];		/* on every other line */
	enum role role;
	int used;		/* the first line has been emitted */
	int quote;		/* a quote bar: kept on blank lines */
	int width;		/* columns of cont (and of first) */
};

struct seg {
	size_t start, end;	/* bytes, trailing spaces trimmed */
	int width;
};

struct rctx {
	const struct doc *d;
	const struct render_opts *o;
	struct lines *out;
	size_t outcap;
	struct lede_err *err;
	int failed;
	struct piece pc[RENDER_MAX_PIECES];
	int npc;		/* pieces in use (may exceed the array) */
	int qdepth;		/* quote depth */
	int pull;		/* inside a pull quote */
	int ldepth;		/* list depth */
	int block;		/* top-level body block, or -1 */
	int row;		/* table row being emitted, or -1 */
	unsigned flags;		/* flags for the next line emitted */
	unsigned allflags;	/* flags for every line of this block */
	int blank;		/* a blank line is due before the next line */
	int blank_npc;		/* how many pieces that blank line shows */
	int *num;		/* per doc link: its number, 0 if none yet */
	int *bynum;		/* number - 1 -> doc link index */
	int nnum;
	struct numhash *hash;	/* url -> number */
	const char *lang;
};

/* render_wrap.c (stext_inline: render_inline.c) */
void stext_init(struct stext *t);
void stext_release(struct stext *t);
void stext_add(struct stext *t, const char *s, size_t n, uint32_t at);
/* Append n bytes with their own attributes. */
void stext_addv(struct stext *t, const char *s, size_t n, const uint32_t *at);
void stext_inline(struct rctx *c, struct stext *t,
    const struct doc_inline *in, enum role base, unsigned how);
#define INL_STYLE 1	/* emphasis, strong, code */
#define INL_QUOTES 2	/* quoted speech */
int render_link_number(struct rctx *c, int link);
int render_numbers_init(struct rctx *c);
void render_numbers_free(struct rctx *c);
/* Wrap t in width columns (<= 0: no wrapping); pre keeps leading spaces
 * and breaks only where the text does not fit.  Caller frees *segs. */
int render_segments(struct rctx *c, const struct stext *t, int width,
    int pre, struct seg **segs, size_t *nsegs);
/* Emit t as lines with the current prefix pieces. */
void render_para(struct rctx *c, const struct stext *t, int pre);
/* Emit one finished line: the prefix, then len bytes of s with attrs.
 * oversize: clusters wider than the room become "?"; width: the text's
 * columns when known (spaces trimmed), else -1. */
void render_emit(struct rctx *c, const char *s, const uint32_t *at,
    size_t len, int npieces, int oversize, int width);
int render_prefix_keep(struct rctx *c, int *skip);
int render_push_piece(struct rctx *c, const char *first, const char *cont,
    enum role role, int quote);
void render_pop_piece(struct rctx *c);

/* render_table.c */
void render_table(struct rctx *c, const struct doc_block *b);

#endif
