/*
 * pane_article.h - private to the article pane's files: pane_article.c
 * (state, painting, scrolling, links, mouse), pane_article_find.c
 * (search) and pane_article_sel.c (selection and export).  UI only.
 * Owned by the ui area.
 */
#ifndef LEDE_PANE_ARTICLE_H
#define LEDE_PANE_ARTICLE_H

#include <stddef.h>

#include "pane.h"

#define ART_PATMAX 256

enum { SEL_NONE, SEL_LINES, SEL_PARAS };

struct art {
	struct lines *lines;	/* rendered at textw; NULL without a doc */
	int textw;		/* the reading column's width */
	int xoff;		/* its first column in the pane */
	size_t top;		/* first line shown */
	size_t cur;		/* where jumps start: top, or their target */
	int h;			/* rows shown (the pane's height) */

	int sel_link;		/* doc link index, or -1 */
	size_t sel_line, sel_run; /* where that link was selected */
	int *linkno;		/* doc link index -> its number, or 0 */
	size_t nlinkno;

	char pat[ART_PATMAX];	/* search pattern, "" for none */
	int icase, back;
	int have_hit;
	size_t hit_line, hit_off;

	int sel_mode;		/* SEL_x */
	size_t anchor, cursor;	/* selection ends (line indices) */
	int dragging;
	char info[512];		/* status text: the selection or link */
};

struct art *pane_article_state(struct ui *ui);
void art_set_top(struct art *a, size_t top);
void art_show_line(struct art *a, size_t line);
size_t art_max_top(const struct art *a);

/* pane_article_find.c */
/* Find pat in s (n bytes) at or after from; returns 1 with *off, *len. */
int art_find(const char *s, size_t n, size_t from, const char *pat,
    int icase, size_t *off, size_t *len);
/* A match of pat that starts in line li (at or after byte from) and runs
 * on into line li + 1, the same paragraph wrapped: 1 with its start *off
 * in li, and *off2, *len2, its part of li + 1. */
int art_find_span(const struct lines *L, size_t li, size_t from,
    const char *pat, int icase, size_t *off, size_t *off2, size_t *len2);
/* Case-smart: 1 when pat has no upper-case letter. */
int art_smart_icase(const char *pat);
/* Move to the next (dir 1) or previous (dir -1) match. */
int art_search(struct ui *ui, struct art *a, int dir, int fresh);
void art_search_prompt(struct ui *ui, int back);

/* pane_article_sel.c */
int art_sel_key(struct ui *ui, struct art *a, int action);
int art_sel_range(const struct art *a, size_t *first, size_t *last);
void art_sel_info(struct ui *ui, struct art *a);
int art_export_key(struct ui *ui, struct art *a, int action);

#endif
