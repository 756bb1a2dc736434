/*
 * theme.h - themes: what each render role looks like.  This part is core
 * (no curses): it parses theme files and style specs into struct theme.
 * theme_curses.c (UI) turns a struct theme into curses attributes for the
 * terminal at hand (8, 256 or direct colour; NO_COLOR).  Owned by the ui
 * area.  The format is documented in doc/themes.md:
 *
 *   # comment
 *   role = FG BG ATTR,ATTR
 *
 * FG and BG: "default", a colour name (black red green yellow blue magenta
 * cyan white, "bright-" + a name, grey), a number 0-255 or #rrggbb.  ATTRs:
 * bold dim italic underline reverse blink standout, or "none".  Roles a
 * theme leaves out keep the built-in default (src/roles.def).
 */
#ifndef LEDE_THEME_H
#define LEDE_THEME_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "render.h"

#define THEME_DEFAULT	(-1)		/* the terminal's own colour */
#define THEME_RGB	0x1000000	/* flag: low 24 bits are #rrggbb */

enum {
	STYLE_BOLD = 1 << 0,
	STYLE_DIM = 1 << 1,
	STYLE_ITALIC = 1 << 2,
	STYLE_UNDERLINE = 1 << 3,
	STYLE_REVERSE = 1 << 4,
	STYLE_BLINK = 1 << 5,
	STYLE_STANDOUT = 1 << 6,
};

struct style {
	int32_t fg, bg;		/* THEME_DEFAULT, 0-255 or THEME_RGB|rgb */
	unsigned attrs;		/* STYLE_x */
};

#define THEME_MAXMSG 4

struct theme {
	struct style role[ROLE_COUNT];
	char *msgs[THEME_MAXMSG]; /* "theme 'x' line N: ..." */
	size_t nmsgs;
};

/* Parse "fg bg attr,attr" (bg and attrs optional).  On error returns -1
 * and writes a reason ("unknown colour 'x'") into why. */
int theme_parse_style(const char *spec, struct style *st, char *why,
    size_t whylen);
/* The built-in theme (roles.def defaults). */
void theme_default(struct theme *t);
/* Apply theme text on top of t; returns the number of bad lines, each
 * recorded in t->msgs as "theme 'NAME' line N: ...". */
int theme_parse(struct theme *t, const char *name, const char *text,
    size_t n);
/* Find a theme: a path (contains '/') or a name looked up in
 * $XDG_CONFIG_HOME/lede/themes, then each of dirs (NULL-terminated).
 * Returns a path (caller frees) or NULL with err filled. */
char *theme_find(const char *name, const char *const *dirs,
    struct lede_err *err);
/* theme_default(), then apply the file found for name. */
int theme_load(struct theme *t, const char *name, const char *const *dirs,
    struct lede_err *err);
void theme_release(struct theme *t);
/* #rrggbb of a palette colour 0-255 (xterm's palette). */
uint32_t theme_palette_rgb(int n);

#endif
