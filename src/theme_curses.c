/*
 * theme_curses.c - put a struct theme on the terminal at hand: one colour
 * pair per role, colours brought down to what the terminal has (direct
 * colour, 256, 16 or 8), attributes only under NO_COLOR or on a terminal
 * without colour.  UI only.
 */
#include <curses.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "pane.h"
#include "termout.h"
#include "uwidth.h"

enum cmode { CM_NONE, CM_8, CM_16, CM_256, CM_DIRECT };

static attr_t role_attr[ROLE_COUNT];
static short role_pair[ROLE_COUNT];

static int
dist(uint32_t a, uint32_t b)
{
	int dr = (int)(a >> 16 & 0xff) - (int)(b >> 16 & 0xff);
	int dg = (int)(a >> 8 & 0xff) - (int)(b >> 8 & 0xff);
	int db = (int)(a & 0xff) - (int)(b & 0xff);

	return dr * dr * 3 + dg * dg * 4 + db * db * 2;
}

static int
nearest(uint32_t rgb, int from, int to)
{
	int i, best = from, bd = -1, d;

	for (i = from; i < to; i++) {
		d = dist(rgb, theme_palette_rgb(i));
		if (bd < 0 || d < bd) {
			bd = d;
			best = i;
		}
	}
	return best;
}

static int
map_colour(int32_t c, enum cmode m)
{
	uint32_t rgb;

	if (c == THEME_DEFAULT)
		return -1;
	if (c & THEME_RGB) {
		rgb = (uint32_t)c & 0xffffff;
		switch (m) {
		case CM_DIRECT: return (int)(rgb < 8 ? 8 : rgb);
		case CM_256: return nearest(rgb, 16, 256);
		case CM_16: return nearest(rgb, 0, 16);
		default: return nearest(rgb, 0, 8);
		}
	}
	switch (m) {
	case CM_DIRECT:
		/* Direct-colour terminfo keeps 0-7 as the ANSI colours. */
		return c < 8 ? c : (int)theme_palette_rgb(c);
	case CM_256:
		return c;
	case CM_16:
		return c < 16 ? c : nearest(theme_palette_rgb(c), 0, 16);
	default:
		if (c < 8)
			return c;
		if (c < 16)
			return c - 8;
		return nearest(theme_palette_rgb(c), 0, 8);
	}
}

static attr_t
attrs_of(unsigned a)
{
	attr_t r = A_NORMAL;

	if (a & STYLE_BOLD)
		r |= A_BOLD;
	if (a & STYLE_DIM)
		r |= A_DIM;
#ifdef A_ITALIC
	if (a & STYLE_ITALIC)
		r |= A_ITALIC;
#endif
	if (a & STYLE_UNDERLINE)
		r |= A_UNDERLINE;
	if (a & STYLE_REVERSE)
		r |= A_REVERSE;
	if (a & STYLE_BLINK)
		r |= A_BLINK;
	if (a & STYLE_STANDOUT)
		r |= A_STANDOUT;
	return r;
}

void
theme_curses_init(const struct theme *t)
{
	const char *nc = getenv("NO_COLOR");
	const struct style *body = &t->role[ROLE_BODY];
	enum cmode m;
	int i, fg, bg;

	if ((nc && *nc) || !has_colors() || start_color() == ERR)
		m = CM_NONE;
	else if (COLORS >= 0x1000000)
		m = CM_DIRECT;
	else if (COLORS >= 256)
		m = CM_256;
	else if (COLORS >= 16)
		m = CM_16;
	else
		m = CM_8;
	if (m != CM_NONE && use_default_colors() == ERR &&
	    body->bg == THEME_DEFAULT) {
		/* No default colours: fall back to white on black. */
		assume_default_colors(COLOR_WHITE, COLOR_BLACK);
	}
	for (i = 0; i < ROLE_COUNT; i++) {
		const struct style *s = &t->role[i];

		role_attr[i] = attrs_of(s->attrs);
		role_pair[i] = 0;
		if (m == CM_NONE || i + 1 >= COLOR_PAIRS) {
			/* Without colour a background shows as reverse video,
			 * so search hits and selections stay visible. */
			if (s->bg != THEME_DEFAULT && i != ROLE_BODY)
				role_attr[i] |= A_REVERSE;
			continue;
		}
		/* "default" means the body's colours when the theme paints a
		 * background of its own (solarized and the like). */
		fg = map_colour(s->fg == THEME_DEFAULT ? body->fg : s->fg, m);
		bg = map_colour(s->bg == THEME_DEFAULT ? body->bg : s->bg, m);
#if NCURSES_EXT_COLORS
		if (init_extended_pair(i + 1, fg, bg) == ERR)
			continue;
#else
		if (init_pair((short)(i + 1), (short)fg, (short)bg) == ERR)
			continue;
#endif
		role_pair[i] = (short)(i + 1);
	}
}

attr_t
theme_curses_attr(enum role r, short *pair)
{
	if ((int)r < 0 || r >= ROLE_COUNT)
		r = ROLE_BODY;
	*pair = role_pair[r];
	return role_attr[r];
}

void
theme_curses_set(WINDOW *w, enum role r)
{
	short pair;
	attr_t a = theme_curses_attr(r, &pair);

	wattr_set(w, a, pair, NULL);
}

void
theme_curses_bkgd(WINDOW *w)
{
	short pair;
	attr_t a = theme_curses_attr(ROLE_BODY, &pair);

	wbkgdset(w, ' ' | a | COLOR_PAIR(pair));
	wattr_set(w, a, pair, NULL);
}

/* The terminal's locale, read once: it does not change while lede runs. */
static int
local_utf8(void)
{
	static int utf8 = -1;

	if (utf8 == -1)
		utf8 = termout_is_utf8();
	return utf8;
}

/*
 * A terminal whose locale is not UTF-8 (LANG=C, EUC-KR) gets the text in
 * its own charset, as --dump does: ncurses would show UTF-8 there as "~@"
 * debris.  A cluster never converts wider than it measured; narrower (CJK
 * as "?") is padded so what follows on the line keeps its column.
 */
static void
put_local(WINDOW *w, const char *s, size_t n, int cols)
{
	size_t len;
	char *t = termout_convert(s, n, nl_langinfo(CODESET), &len);
	int y0, x0, y, x;

	getyx(w, y0, x0);
	if (t == NULL || len > INT_MAX) {
		/* Out of memory: ASCII is the same in every charset. */
		for (; n > 0; s++, n--)
			if ((unsigned char)*s < 0x80)
				waddch(w, (unsigned char)*s);
	} else {
		waddnstr(w, t, (int)len);
	}
	free(t);
	getyx(w, y, x);
	while (y == y0 && x < x0 + cols && x < getmaxx(w) - 1) {
		waddch(w, ' ');
		x++;
	}
}

int
ui_put(WINDOW *w, enum role r, const char *s, size_t n, int maxcols)
{
	size_t i = 0, g;
	int cols = 0, gw;

	while (i < n) {
		/* Printable ASCII before ASCII is a cluster of its own. */
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f &&
		    (i + 1 == n || (unsigned char)s[i + 1] < 0x80)) {
			if (cols + 1 > maxcols)
				break;
			cols++;
			i++;
			continue;
		}
		g = u8_grapheme(s + i, n - i);
		if (g == 0)
			g = 1;
		gw = u8_grapheme_width(s + i, g);
		if (cols + gw > maxcols)
			break;
		cols += gw;
		i += g;
	}
	if (i > 0) {
		theme_curses_set(w, r);
		if (local_utf8())
			waddnstr(w, s, (int)i);
		else
			put_local(w, s, i, cols);
	}
	return cols;
}

void
ui_vline(WINDOW *w, int x, int h, enum role r)
{
	/* ACS lines are unreliable under some TERM settings (tmux, screen);
	 * U+2502 in a UTF-8 locale always works. */
	const char *bar = MB_CUR_MAX > 1 ? "\u2502" : "|";
	int y;

	for (y = 0; y < h; y++) {
		wmove(w, y, x);
		ui_put(w, r, bar, strlen(bar), 1);
	}
}
