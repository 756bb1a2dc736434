/*
 * render_table.c - tables as text: columns as wide as their widest cell
 * (display width), shrunk to fit the line, cells wrapped inside their
 * column, a rule under a header row.  A table too wide to fit even one
 * column per cell falls back to one paragraph per row.
 */
#include <stdlib.h>
#include <string.h>

#include "render_int.h"
#include "uwidth.h"

#define TABLE_MAX_COLS 64

struct cell {
	struct stext t;
	struct seg *v;
	size_t nv;
	int natural;
};

static int
row_cells(const struct doc_block *row)
{
	if (row->type != DOC_ROW)
		return 1;
	return row->nkids < TABLE_MAX_COLS ? (int)row->nkids : TABLE_MAX_COLS;
}

static const struct doc_block *
row_cell(const struct doc_block *row, int i)
{
	return row->type == DOC_ROW ? row->kids[i] : row;
}

/* Column widths that fit avail: narrow columns keep their width, the
 * wide ones share what is left equally. */
static void
fit_columns(int *w, int n, int avail)
{
	int i, sum = 0, left, nleft, fair, changed;
	unsigned char *fixed;

	for (i = 0; i < n; i++)
		sum += w[i];
	if (sum <= avail || (fixed = calloc((size_t)n, 1)) == NULL)
		return;
	left = avail;
	nleft = n;
	do {
		changed = 0;
		fair = left / nleft;
		for (i = 0; i < n; i++)
			if (!fixed[i] && w[i] <= fair) {
				fixed[i] = 1;
				left -= w[i];
				nleft--;
				changed = 1;
			}
	} while (changed && nleft > 0);
	for (i = 0; i < n && nleft > 0; i++)
		if (!fixed[i]) {
			w[i] = left / nleft;
			left -= w[i];
			nleft--;
		}
	free(fixed);
}

static void
add_spaces(struct stext *t, int n, uint32_t at)
{
	static const char sp[] = "                                ";

	while (n > 0) {
		int k = n < 32 ? n : 32;

		stext_add(t, sp, (size_t)k, at);
		n -= k;
	}
}

/* Rows are numbered on the lines of a table that is a top-level block,
 * so that a line selection exports the rows it shows (export_lines.c). */
static int
table_row(const struct rctx *c, const struct doc_block *b, size_t r)
{
	const struct doc_block *root = c->d->body;

	return c->block >= 0 && root && (size_t)c->block < root->nkids &&
	    root->kids[c->block] == b ? (int)r : -1;
}

static void
rows_as_paragraphs(struct rctx *c, const struct doc_block *b)
{
	const char *sep = c->o->plain ? " | " : " \xe2\x94\x82 ";
	size_t r;
	int i;

	for (r = 0; r < b->nkids && !c->failed; r++) {
		const struct doc_block *row = b->kids[r];
		struct stext t;

		c->row = table_row(c, b, r);
		stext_init(&t);
		for (i = 0; i < row_cells(row); i++) {
			if (i > 0)
				stext_add(&t, sep, strlen(sep),
				    AT_MAKE(ROLE_TABLE, -1));
			stext_inline(c, &t, &row_cell(row, i)->in, ROLE_TABLE,
			    INL_STYLE);
		}
		render_para(c, &t, 0);
		stext_release(&t);
	}
	c->row = -1;
}

void
render_table(struct rctx *c, const struct doc_block *b)
{
	const char *sep = c->o->plain ? " | " : " \xe2\x94\x82 ";
	const char *hbar = c->o->plain ? "-" : "\xe2\x94\x80";
	const char *hsep = c->o->plain ? "-+-" : "\xe2\x94\x80\xe2\x94\xbc"
	    "\xe2\x94\x80";
	const uint32_t tat = AT_MAKE(ROLE_TABLE, -1);
	int w[TABLE_MAX_COLS] = {0}, ncols = 0, i, skip, avail, k, height;
	struct cell *cells = NULL, *rc;
	size_t r, nr = b->nkids, j, ncells = 0;

	/* Cells are stored row after row, each row as long as it is: one
	 * wide row must not reserve its width for every other row. */
	for (r = 0; r < nr; r++) {
		ncells += (size_t)row_cells(b->kids[r]);
		if (row_cells(b->kids[r]) > ncols)
			ncols = row_cells(b->kids[r]);
	}
	if (ncols == 0)
		return;
	avail = c->o->width - render_prefix_keep(c, &skip);
	if (c->o->wrap && avail - 3 * (ncols - 1) < ncols * 3) {
		rows_as_paragraphs(c, b);
		return;
	}
	if ((cells = calloc(ncells, sizeof(*cells))) == NULL) {
		c->failed = 1;
		return;
	}
	/* Styled text and natural width of every cell (in reading order, so
	 * that link numbers run row by row). */
	for (r = 0, rc = cells; r < nr; rc += row_cells(b->kids[r]), r++)
		for (i = 0; i < row_cells(b->kids[r]); i++) {
			const struct doc_block *cb = row_cell(b->kids[r], i);
			struct cell *ce = &rc[i];

			stext_init(&ce->t);
			stext_inline(c, &ce->t, &cb->in,
			    cb->header ? ROLE_STRONG : ROLE_TABLE, INL_STYLE);
			if (ce->t.failed)
				c->failed = 1;
			ce->natural = u8_width(ce->t.b.data, ce->t.b.len);
			if (ce->natural > w[i])
				w[i] = ce->natural;
		}
	for (i = 0; i < ncols; i++)
		if (w[i] < 1)
			w[i] = 1;
	if (c->o->wrap)
		fit_columns(w, ncols, avail - (int)strlen(" | ") * (ncols - 1));
	for (r = 0, rc = cells; r < nr && !c->failed;
	    rc += row_cells(b->kids[r]), r++) {
		const struct doc_block *row = b->kids[r];
		int hdr = 1, n = row_cells(row);

		c->row = table_row(c, b, r);
		height = 0;
		for (i = 0; i < n; i++) {
			struct cell *ce = &rc[i];

			if (!row_cell(row, i)->header)
				hdr = 0;
			if (render_segments(c, &ce->t, c->o->wrap ? w[i] : 0, 0,
			    &ce->v, &ce->nv) == -1)
				c->failed = 1;
			if ((int)ce->nv > height)
				height = (int)ce->nv;
		}
		for (k = 0; k < height && !c->failed; k++) {
			struct stext t;

			stext_init(&t);
			for (i = 0; i < ncols; i++) {
				struct cell *ce = i < n ? &rc[i] : NULL;
				int used = 0;

				if (i > 0)
					stext_add(&t, sep, strlen(sep), tat);
				if (ce != NULL && (size_t)k < ce->nv) {
					struct seg *s = &ce->v[k];

					if (s->width > w[i]) {
						stext_add(&t, "?", 1, tat);
						used = 1;
					} else {
						stext_addv(&t, ce->t.b.data +
						    s->start, s->end - s->start,
						    ce->t.at + s->start);
						used = s->width;
					}
				}
				if (i + 1 < ncols)
					add_spaces(&t, w[i] - used, tat);
			}
			if (t.failed)
				c->failed = 1;
			else
				render_emit(c, t.b.data, t.at, t.b.len, c->npc,
				    0, -1);
			stext_release(&t);
		}
		if (r == 0 && hdr && nr > 1 && !c->failed) {
			struct stext t;

			c->row = -1;	/* the rule under the header row */
			stext_init(&t);
			for (i = 0; i < ncols; i++) {
				if (i > 0)
					stext_add(&t, hsep, strlen(hsep), tat);
				for (k = 0; k < w[i]; k++)
					stext_add(&t, hbar, strlen(hbar), tat);
			}
			if (!t.failed)
				render_emit(c, t.b.data, t.at, t.b.len, c->npc,
				    0, -1);
			stext_release(&t);
		}
		for (i = 0; i < n; i++) {
			free(rc[i].v);
			rc[i].v = NULL;
		}
	}
	c->row = -1;
	for (j = 0; j < ncells; j++) {
		stext_release(&cells[j].t);
		free(cells[j].v);
	}
	free(cells);
}
