/*
 * lede_config.h - the reader's settings: options and key bindings from
 * $XDG_CONFIG_HOME/lede/config (or ~/.config/lede/config), key names, and
 * the action table of keys.def.  Core: no curses, no printing.  Owned by
 * the ui area.
 *
 * File format, one statement a line, '#' starts a comment:
 *   width = 72            reading column (20 to 400)
 *   theme = solarized-dark
 *   mouse = on|off
 *   wide = 140            columns from which panes go side by side
 *   export-width = 72     wrap exported text (0: a line per paragraph)
 *   bind KEY ACTION       e.g. "bind ^J down", "bind x quit"
 *   unbind KEY
 * A bad line is skipped and reported ("config line N: ..."); the rest
 * still applies.
 *
 * Ownership: config_release() frees everything in struct config.
 */
#ifndef LEDE_LEDE_CONFIG_H
#define LEDE_LEDE_CONFIG_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

enum action {
#define KEY(id, name, where, keys, help) ACT_##id,
#include "keys.def"
#undef KEY
	ACT_COUNT
};

extern const char *const action_names[ACT_COUNT];
extern const char *const action_where[ACT_COUNT];
extern const char *const action_keys[ACT_COUNT];
extern const char *const action_help[ACT_COUNT];

/* A key: a character (code point) or a named special key. */
enum keyspecial {
	KS_CHAR,	/* cp holds the character, controls included */
	KS_ENTER, KS_TAB, KS_BTAB, KS_BACKSPACE, KS_ESC, KS_DELETE,
	KS_INSERT, KS_UP, KS_DOWN, KS_LEFT, KS_RIGHT, KS_PGUP, KS_PGDN,
	KS_HOME, KS_END,
	KS_F,		/* function key, number in cp (1 to 24) */
};

struct keyspec {
	enum keyspecial special;
	int32_t cp;
};

#define CONFIG_MAXMSG 8		/* messages kept; more are counted */
#define CONFIG_MAXBIND 512
#define CONFIG_WIDTH_MIN 20
#define CONFIG_WIDTH_MAX 400

struct config_bind {
	struct keyspec key;
	int action;		/* enum action, or -1 to unbind */
};

struct config {
	int width;		/* reading column, default 80 */
	char *theme;		/* NULL: built-in */
	int theme_line;		/* the line that named it */
	int mouse;		/* default 1 */
	int wide;		/* default 140 */
	int export_width;	/* default 80; 0: no wrapping */
	struct config_bind binds[CONFIG_MAXBIND];
	size_t nbinds;
	char *msgs[CONFIG_MAXMSG]; /* "config line N: ..." */
	size_t nmsgs;		/* may exceed CONFIG_MAXMSG */
};

void config_init(struct config *c);
void config_release(struct config *c);
/* Apply the text of a config file; returns the number of bad lines. */
int config_parse(struct config *c, const char *text, size_t n);
/* Read and apply path.  A missing file is not an error (returns 0);
 * an unreadable one returns -1 with err filled. */
int config_load(struct config *c, const char *path, struct lede_err *err);
/* The config file's path (caller frees), or NULL without HOME/XDG. */
char *config_path(void);

/* Key names: "j", "^D", "C-d", "Enter", "Tab", "BTab", "Space", "Esc",
 * "Backspace", "Up", "PgDn", "F1", any single UTF-8 character.
 * Returns 0 or -1 for an unknown name. */
int config_key_parse(const char *name, struct keyspec *k);
/* The canonical name of k into buf (always NUL-terminated). */
void config_key_name(const struct keyspec *k, char *buf, size_t n);
/* Action by config name, or -1. */
int config_action(const char *name);

#endif
