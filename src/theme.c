/*
 * theme.c - parse theme files and style specs (see theme.h and
 * doc/themes.md).  Core: no curses; theme_curses.c maps the result onto
 * the terminal.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "buf.h"
#include "input.h"
#include "theme.h"
#include "util.h"

#define THEME_MAXFILE ((size_t)1 << 20)
#define THEME_MAXLINE 512

static const char *const names[ROLE_COUNT] = {
#define ROLE(id, name, def) name,
#include "roles.def"
#undef ROLE
};

static const char *const defaults[ROLE_COUNT] = {
#define ROLE(id, name, def) def,
#include "roles.def"
#undef ROLE
};

static const char *const colour_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static const struct {
	const char *name;
	unsigned bit;
} attr_names[] = {
	{"bold", STYLE_BOLD}, {"dim", STYLE_DIM}, {"italic", STYLE_ITALIC},
	{"underline", STYLE_UNDERLINE}, {"reverse", STYLE_REVERSE},
	{"blink", STYLE_BLINK}, {"standout", STYLE_STANDOUT},
	{"none", 0}, {"normal", 0},
};

uint32_t
theme_palette_rgb(int n)
{
	static const uint32_t base[16] = {
		0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd,
		0x00cdcd, 0xe5e5e5, 0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00,
		0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
	};
	static const int level[6] = {0, 0x5f, 0x87, 0xaf, 0xd7, 0xff};
	int g;

	if (n < 0 || n > 255)
		return 0;
	if (n < 16)
		return base[n];
	if (n < 232) {
		n -= 16;
		return (uint32_t)(level[n / 36] << 16 | level[n / 6 % 6] << 8 |
		    level[n % 6]);
	}
	g = 8 + (n - 232) * 10;
	return (uint32_t)(g << 16 | g << 8 | g);
}

static int
parse_colour(const char *s, int32_t *c)
{
	size_t i;
	char *end;
	long x;

	if (strcasecmp(s, "default") == 0 || strcmp(s, "-") == 0) {
		*c = THEME_DEFAULT;
		return 0;
	}
	if (s[0] == '#') {
		if (strlen(s) != 7)
			return -1;
		for (i = 1; i < 7; i++)
			if (!isxdigit((unsigned char)s[i]))
				return -1;
		*c = THEME_RGB | (int32_t)strtol(s + 1, NULL, 16);
		return 0;
	}
	if (isdigit((unsigned char)s[0])) {
		errno = 0;
		x = strtol(s, &end, 10);
		if (*end || errno || x < 0 || x > 255)
			return -1;
		*c = (int32_t)x;
		return 0;
	}
	if (strcasecmp(s, "grey") == 0 || strcasecmp(s, "gray") == 0) {
		*c = 8;
		return 0;
	}
	for (i = 0; i < ARRAY_LEN(colour_names); i++) {
		if (strcasecmp(s, colour_names[i]) == 0) {
			*c = (int32_t)i;
			return 0;
		}
		if (strncasecmp(s, "bright-", 7) == 0 &&
		    strcasecmp(s + 7, colour_names[i]) == 0) {
			*c = (int32_t)i + 8;
			return 0;
		}
	}
	return -1;
}

static int
parse_attrs(char *s, unsigned *attrs, char *why, size_t whylen)
{
	char *tok, *save = NULL;
	size_t i;

	for (tok = strtok_r(s, ",", &save); tok;
	    tok = strtok_r(NULL, ",", &save)) {
		for (i = 0; i < ARRAY_LEN(attr_names); i++)
			if (strcasecmp(tok, attr_names[i].name) == 0)
				break;
		if (i == ARRAY_LEN(attr_names)) {
			snprintf(why, whylen, "unknown attribute '%s'", tok);
			return -1;
		}
		*attrs |= attr_names[i].bit;
	}
	return 0;
}

int
theme_parse_style(const char *spec, struct style *st, char *why,
    size_t whylen)
{
	char copy[THEME_MAXLINE + 1], *w[4], *p;
	int n = 0;
	struct style s = {THEME_DEFAULT, THEME_DEFAULT, 0};

	if (strlen(spec) > THEME_MAXLINE) {
		snprintf(why, whylen, "style too long");
		return -1;
	}
	strcpy(copy, spec);
	for (p = copy; *p;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		if (n == 3) {
			snprintf(why, whylen, "too many words in '%s'", spec);
			return -1;
		}
		w[n++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		if (*p)
			*p++ = '\0';
	}
	if (n == 0) {
		snprintf(why, whylen, "empty style");
		return -1;
	}
	/* "bold" alone or "red bold": attributes may come early. */
	if (n >= 1 && parse_colour(w[0], &s.fg) == -1) {
		if (n == 1 && parse_attrs(w[0], &s.attrs, why, whylen) == 0) {
			*st = s;
			return 0;
		}
		snprintf(why, whylen, n == 1 ? "unknown colour or attribute "
		    "'%s'" : "unknown colour '%s'", w[0]);
		return -1;
	}
	if (n >= 2 && parse_colour(w[1], &s.bg) == -1) {
		if (n == 2 && parse_attrs(w[1], &s.attrs, why, whylen) == 0) {
			*st = s;
			return 0;
		}
		snprintf(why, whylen, n == 2 ? "unknown colour or attribute "
		    "'%s'" : "unknown colour '%s'", w[1]);
		return -1;
	}
	if (n == 3 && parse_attrs(w[2], &s.attrs, why, whylen) == -1)
		return -1;
	*st = s;
	return 0;
}

void
theme_default(struct theme *t)
{
	char why[128];
	int i;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < ROLE_COUNT; i++) {
		if (theme_parse_style(defaults[i], &t->role[i], why,
		    sizeof(why)) == -1) {
			t->role[i].fg = t->role[i].bg = THEME_DEFAULT;
			t->role[i].attrs = 0;
		}
	}
}

static void
msg(struct theme *t, const char *name, int line, const char *why)
{
	size_t len;
	char *m;

	if (t->nmsgs++ >= THEME_MAXMSG)
		return;
	len = strlen(name) + strlen(why) + 40;
	if ((m = malloc(len)) == NULL) {
		t->nmsgs--;
		return;
	}
	snprintf(m, len, "theme '%s' line %d: %s", name, line, why);
	t->msgs[t->nmsgs - 1] = m;
}

static int
theme_line(struct theme *t, char *s, char *why, size_t whylen)
{
	char *eq, *role, *end, *c;
	int i;

	/* '#' after a blank starts a comment, unless it is a #rrggbb. */
	for (c = s; (c = strchr(c, '#')) != NULL; c++) {
		if ((c == s || c[-1] == ' ' || c[-1] == '\t') &&
		    strspn(c + 1, "0123456789abcdefABCDEF") != 6) {
			*c = '\0';
			break;
		}
	}
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '\0')
		return 0;
	if ((eq = strchr(s, '=')) == NULL) {
		snprintf(why, whylen, "expected 'role = fg bg attrs'");
		return -1;
	}
	*eq = '\0';
	role = s;
	for (end = eq; end > role && (end[-1] == ' ' || end[-1] == '\t');
	    end--)
		end[-1] = '\0';
	for (i = 0; i < ROLE_COUNT; i++)
		if (strcmp(role, names[i]) == 0)
			break;
	if (i == ROLE_COUNT) {
		snprintf(why, whylen, "unknown role '%.60s'", role);
		return -1;
	}
	return theme_parse_style(eq + 1, &t->role[i], why, whylen);
}

int
theme_parse(struct theme *t, const char *name, const char *text, size_t n)
{
	char line[THEME_MAXLINE + 1], why[200];
	size_t i = 0, len;
	int lineno = 0, bad = 0;

	while (i < n) {
		const char *nl = memchr(text + i, '\n', n - i);

		len = nl ? (size_t)(nl - (text + i)) : n - i;
		lineno++;
		if (len > THEME_MAXLINE) {
			msg(t, name, lineno, "line too long");
			bad++;
		} else {
			memcpy(line, text + i, len);
			line[len] = '\0';
			if (len > 0 && line[len - 1] == '\r')
				line[len - 1] = '\0';
			if (memchr(text + i, '\0', len) != NULL) {
				msg(t, name, lineno, "NUL byte");
				bad++;
			} else if (theme_line(t, line, why, sizeof(why)) ==
			    -1) {
				msg(t, name, lineno, why);
				bad++;
			}
		}
		i += len + 1;
	}
	return bad;
}

static char *
try_path(const char *dir, const char *sub, const char *name)
{
	struct stat st;
	struct buf b;

	buf_init(&b, 8192);
	if (buf_printf(&b, "%s%s/%s", dir, sub, name) == -1) {
		buf_release(&b);
		return NULL;
	}
	if (stat(b.data, &st) == 0 && S_ISREG(st.st_mode))
		return buf_steal(&b);
	buf_release(&b);
	return NULL;
}

char *
theme_find(const char *name, const char *const *dirs, struct lede_err *err)
{
	const char *x = getenv("XDG_CONFIG_HOME"), *h = getenv("HOME");
	char *p = NULL;

	if (name == NULL || *name == '\0') {
		err_set(err, LEDE_EUSAGE, "empty theme name");
		return NULL;
	}
	if (strchr(name, '/') != NULL) {
		if ((p = xstrdup(name)) == NULL)
			err_set(err, LEDE_ENOMEM, "out of memory");
		return p;
	}
	if (x && *x == '/')
		p = try_path(x, "/lede/themes", name);
	else if (h && *h)
		p = try_path(h, "/.config/lede/themes", name);
	for (; p == NULL && dirs && *dirs; dirs++)
		p = try_path(*dirs, "", name);
	if (p == NULL)
		err_set(err, LEDE_EUSAGE, "unknown theme '%s'", name);
	return p;
}

int
theme_load(struct theme *t, const char *name, const char *const *dirs,
    struct lede_err *err)
{
	struct buf b;
	char *path;

	theme_default(t);
	if ((path = theme_find(name, dirs, err)) == NULL)
		return -1;
	if (input_read(path, &b, THEME_MAXFILE, err) == -1) {
		free(path);
		return -1;
	}
	free(path);
	theme_parse(t, name, b.data, b.len);
	buf_release(&b);
	return 0;
}

void
theme_release(struct theme *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nmsgs && i < THEME_MAXMSG; i++)
		free(t->msgs[i]);
	t->nmsgs = 0;
}
