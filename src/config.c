/*
 * config.c - parse the reader's config file and key names.  Core: it
 * never includes curses; the UI turns struct keyspec into curses codes.
 * A bad line never stops lede: it is recorded as "config line N: ..."
 * and skipped.
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
#include "lede_config.h"
#include "input.h"
#include "util.h"
#include "uwidth.h"

#define CONFIG_MAXFILE ((size_t)1 << 20)
#define CONFIG_MAXLINE 1024

const char *const action_names[ACT_COUNT] = {
#define KEY(id, name, where, keys, help) name,
#include "keys.def"
#undef KEY
};
const char *const action_where[ACT_COUNT] = {
#define KEY(id, name, where, keys, help) where,
#include "keys.def"
#undef KEY
};
const char *const action_keys[ACT_COUNT] = {
#define KEY(id, name, where, keys, help) keys,
#include "keys.def"
#undef KEY
};
const char *const action_help[ACT_COUNT] = {
#define KEY(id, name, where, keys, help) help,
#include "keys.def"
#undef KEY
};

static const struct {
	const char *name;
	enum keyspecial special;
	int32_t cp;
} keynames[] = {
	/* The first name of each key is its canonical one. */
	{"Enter", KS_ENTER, 0}, {"Return", KS_ENTER, 0}, {"CR", KS_ENTER, 0},
	{"Tab", KS_TAB, 0},
	{"BTab", KS_BTAB, 0}, {"S-Tab", KS_BTAB, 0},
	{"Backspace", KS_BACKSPACE, 0}, {"BS", KS_BACKSPACE, 0},
	{"Esc", KS_ESC, 0}, {"Escape", KS_ESC, 0},
	{"Del", KS_DELETE, 0}, {"Delete", KS_DELETE, 0},
	{"Ins", KS_INSERT, 0}, {"Insert", KS_INSERT, 0},
	{"Up", KS_UP, 0}, {"Down", KS_DOWN, 0},
	{"Left", KS_LEFT, 0}, {"Right", KS_RIGHT, 0},
	{"PgUp", KS_PGUP, 0}, {"PageUp", KS_PGUP, 0}, {"PPage", KS_PGUP, 0},
	{"PgDn", KS_PGDN, 0}, {"PageDown", KS_PGDN, 0}, {"NPage", KS_PGDN, 0},
	{"Home", KS_HOME, 0}, {"End", KS_END, 0},
	{"Space", KS_CHAR, ' '},
};

void
config_init(struct config *c)
{
	memset(c, 0, sizeof(*c));
	c->width = 80;
	c->mouse = 1;
	c->wide = 140;
	c->export_width = 80;
}

void
config_release(struct config *c)
{
	size_t i;

	if (c == NULL)
		return;
	free(c->theme);
	for (i = 0; i < c->nmsgs && i < CONFIG_MAXMSG; i++)
		free(c->msgs[i]);
	config_init(c);
}

int
config_action(const char *name)
{
	int i;

	for (i = 0; i < ACT_COUNT; i++)
		if (strcmp(action_names[i], name) == 0)
			return i;
	return -1;
}

int
config_key_parse(const char *name, struct keyspec *k)
{
	size_t i, n = strlen(name), used;
	int32_t cp;
	char *end;
	long f;

	k->special = KS_CHAR;
	k->cp = 0;
	if (n == 0)
		return -1;
	for (i = 0; i < ARRAY_LEN(keynames); i++) {
		if (strcasecmp(name, keynames[i].name) == 0) {
			k->special = keynames[i].special;
			k->cp = keynames[i].cp;
			return 0;
		}
	}
	/* ^X and C-x: control characters (^? is DEL, taken as Backspace). */
	if ((n == 2 && name[0] == '^') ||
	    (n == 3 && (name[0] == 'C' || name[0] == 'c') && name[1] == '-')) {
		unsigned char c = (unsigned char)name[n - 1];

		if (c == '?') {
			k->special = KS_BACKSPACE;
			return 0;
		}
		c = (unsigned char)toupper(c);
		if (c < '@' || c > '_')
			return -1;
		k->cp = c & 0x1f;
		if (k->cp == '\t')
			k->special = KS_TAB;
		else if (k->cp == '\r' || k->cp == '\n')
			k->special = KS_ENTER;
		else if (k->cp == 0x1b)
			k->special = KS_ESC;
		else if (k->cp == 0x08)
			k->special = KS_BACKSPACE;
		if (k->special != KS_CHAR)
			k->cp = 0;
		return 0;
	}
	if ((name[0] == 'F' || name[0] == 'f') && n >= 2 && n <= 3 &&
	    isdigit((unsigned char)name[1])) {
		f = strtol(name + 1, &end, 10);
		if (*end != '\0' || f < 1 || f > 24)
			return -1;
		k->special = KS_F;
		k->cp = (int32_t)f;
		return 0;
	}
	/* One character, printable. */
	used = u8_decode(name, n, &cp);
	if (used != n || cp == 0xfffd || cp < 0x21 || cp == 0x7f ||
	    (cp >= 0x80 && cp < 0xa0))
		return -1;
	k->cp = cp;
	return 0;
}

void
config_key_name(const struct keyspec *k, char *buf, size_t n)
{
	size_t i;
	int32_t c = k->cp;

	if (n == 0)
		return;
	buf[0] = '\0';
	if (k->special == KS_F) {
		snprintf(buf, n, "F%d", (int)c);
		return;
	}
	for (i = 0; i < ARRAY_LEN(keynames); i++) {
		if (keynames[i].special == k->special &&
		    keynames[i].cp == (k->special == KS_CHAR ? c : 0)) {
			snprintf(buf, n, "%s", keynames[i].name);
			return;
		}
	}
	if (k->special != KS_CHAR)
		return;
	if (c < 0x20) {
		snprintf(buf, n, "^%c", (char)(c | 0x40));
	} else if (c < 0x80) {
		snprintf(buf, n, "%c", (char)c);
	} else {
		char u[5];
		size_t len;

		if (c < 0x800) {
			u[0] = (char)(0xc0 | (c >> 6));
			u[1] = (char)(0x80 | (c & 0x3f));
			len = 2;
		} else if (c < 0x10000) {
			u[0] = (char)(0xe0 | (c >> 12));
			u[1] = (char)(0x80 | ((c >> 6) & 0x3f));
			u[2] = (char)(0x80 | (c & 0x3f));
			len = 3;
		} else {
			u[0] = (char)(0xf0 | (c >> 18));
			u[1] = (char)(0x80 | ((c >> 12) & 0x3f));
			u[2] = (char)(0x80 | ((c >> 6) & 0x3f));
			u[3] = (char)(0x80 | (c & 0x3f));
			len = 4;
		}
		u[len] = '\0';
		snprintf(buf, n, "%s", u);
	}
}

static void
msg(struct config *c, int line, const char *fmt, ...)
{
	char text[256], *m;
	va_list ap;
	int len;

	if (c->nmsgs++ >= CONFIG_MAXMSG)
		return;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	len = snprintf(NULL, 0, "config line %d: %s", line, text);
	if (len < 0 || (m = malloc((size_t)len + 1)) == NULL) {
		c->nmsgs--;
		return;
	}
	snprintf(m, (size_t)len + 1, "config line %d: %s", line, text);
	c->msgs[c->nmsgs - 1] = m;
}

/* Split a line into at most 3 words; '=' counts as its own word. */
static int
split(char *s, char **w, int max)
{
	int n = 0;

	for (;;) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\0' || *s == '#')
			break;
		if (n == max)
			return max + 1;
		w[n++] = s;
		if (*s == '=') {
			*s++ = '\0';
			w[n - 1] = (char *)"=";
			continue;
		}
		while (*s && *s != ' ' && *s != '\t' && *s != '=')
			s++;
		if (*s == '=') {
			/* "width=72": end the word without eating the '='. */
			memmove(s + 1, s, strlen(s) + 1);
			*s++ = '\0';
			continue;
		}
		if (*s)
			*s++ = '\0';
	}
	return n;
}

static int
on_off(const char *v)
{
	if (!strcasecmp(v, "on") || !strcasecmp(v, "yes") ||
	    !strcasecmp(v, "true") || !strcmp(v, "1"))
		return 1;
	if (!strcasecmp(v, "off") || !strcasecmp(v, "no") ||
	    !strcasecmp(v, "false") || !strcmp(v, "0"))
		return 0;
	return -1;
}

static int
number(const char *v, int lo, int hi, int *out)
{
	char *end;
	long x;

	errno = 0;
	x = strtol(v, &end, 10);
	if (end == v || *end || errno || x < lo || x > hi)
		return -1;
	*out = (int)x;
	return 0;
}

static int
add_bind(struct config *c, int line, const char *key, int action)
{
	struct keyspec k;

	if (config_key_parse(key, &k) == -1) {
		msg(c, line, "unknown key '%s'", key);
		return -1;
	}
	if (c->nbinds == CONFIG_MAXBIND) {
		msg(c, line, "too many bindings");
		return -1;
	}
	c->binds[c->nbinds].key = k;
	c->binds[c->nbinds].action = action;
	c->nbinds++;
	return 0;
}

static int
option(struct config *c, int line, const char *name, const char *v)
{
	int x;

	if (strcmp(name, "width") == 0) {
		if (number(v, CONFIG_WIDTH_MIN, CONFIG_WIDTH_MAX, &x) == -1) {
			msg(c, line, "bad width '%s' (%d to %d)", v,
			    CONFIG_WIDTH_MIN, CONFIG_WIDTH_MAX);
			return -1;
		}
		c->width = x;
	} else if (strcmp(name, "wide") == 0) {
		if (number(v, 40, 10000, &x) == -1) {
			msg(c, line, "bad wide '%s' (40 to 10000)", v);
			return -1;
		}
		c->wide = x;
	} else if (strcmp(name, "export-width") == 0) {
		if (number(v, 0, CONFIG_WIDTH_MAX, &x) == -1 ||
		    (x > 0 && x < CONFIG_WIDTH_MIN)) {
			msg(c, line, "bad export-width '%s' (0, or %d to %d)",
			    v, CONFIG_WIDTH_MIN, CONFIG_WIDTH_MAX);
			return -1;
		}
		c->export_width = x;
	} else if (strcmp(name, "mouse") == 0) {
		if ((x = on_off(v)) == -1) {
			msg(c, line, "bad mouse '%s' (on or off)", v);
			return -1;
		}
		c->mouse = x;
	} else if (strcmp(name, "theme") == 0) {
		char *t = xstrdup(v);

		if (t == NULL) {
			msg(c, line, "out of memory");
			return -1;
		}
		free(c->theme);
		c->theme_line = line;
		c->theme = t;
	} else {
		msg(c, line, "unknown option '%s'", name);
		return -1;
	}
	return 0;
}

static int
statement(struct config *c, int line, char *s)
{
	char *w[4];
	int n, a;

	n = split(s, w, 3);
	if (n == 0)
		return 0;
	if (strcmp(w[0], "bind") == 0) {
		if (n != 3) {
			msg(c, line, "usage: bind KEY ACTION");
			return -1;
		}
		if ((a = config_action(w[2])) == -1) {
			msg(c, line, "unknown action '%s'", w[2]);
			return -1;
		}
		return add_bind(c, line, w[1], a);
	}
	if (strcmp(w[0], "unbind") == 0) {
		if (n != 2) {
			msg(c, line, "usage: unbind KEY");
			return -1;
		}
		return add_bind(c, line, w[1], -1);
	}
	if (n == 3 && strcmp(w[1], "=") == 0)
		return option(c, line, w[0], w[2]);
	if (n == 2 && strcmp(w[1], "=") != 0)
		return option(c, line, w[0], w[1]);
	if (n == 2 || (n == 3 && strcmp(w[1], "=") == 0))
		msg(c, line, "missing value for '%s'", w[0]);
	else
		msg(c, line, "cannot parse '%s'", w[0]);
	return -1;
}

int
config_parse(struct config *c, const char *text, size_t n)
{
	/* The NUL, and the byte split() inserts for each of at most two
	 * "word=" of a statement. */
	char line[CONFIG_MAXLINE + 3];
	size_t i = 0, len;
	int lineno = 0, bad = 0;

	while (i < n) {
		const char *nl = memchr(text + i, '\n', n - i);

		len = nl ? (size_t)(nl - (text + i)) : n - i;
		lineno++;
		if (len > CONFIG_MAXLINE) {
			msg(c, lineno, "line too long");
			bad++;
		} else if (memchr(text + i, '\0', len) != NULL) {
			msg(c, lineno, "NUL byte");
			bad++;
		} else {
			memcpy(line, text + i, len);
			line[len] = '\0';
			if (len > 0 && line[len - 1] == '\r')
				line[len - 1] = '\0';
			if (statement(c, lineno, line) == -1)
				bad++;
		}
		i += len + 1;
	}
	return bad;
}

int
config_load(struct config *c, const char *path, struct lede_err *err)
{
	struct buf b;
	int rc;

	struct lede_err e = {0};
	struct stat st;

	if (stat(path, &st) == -1 && errno == ENOENT)
		return 0;
	buf_init(&b, CONFIG_MAXFILE);
	if (input_read(path, &b, CONFIG_MAXFILE, &e) == -1) {
		buf_release(&b);
		/* An empty file is a valid, empty config. */
		if (e.code == LEDE_EINPUT)
			return 0;
		if (err)
			*err = e;
		return -1;
	}
	rc = config_parse(c, b.data ? b.data : "", b.len);
	buf_release(&b);
	return rc;
}

char *
config_path(void)
{
	const char *x = getenv("XDG_CONFIG_HOME"), *h = getenv("HOME");
	struct buf b;

	buf_init(&b, 8192);
	if (x && *x == '/')
		buf_printf(&b, "%s/lede/config", x);
	else if (h && *h)
		buf_printf(&b, "%s/.config/lede/config", h);
	else
		return NULL;
	return buf_steal(&b);
}
