/*
 * ui_bind.c - key bindings: keys.def's default keys plus the config's
 * bind/unbind lines, looked up by curses key code.  UI only.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pane.h"
#include "ui_bind.h"

/* Every default key and every config line can be a key of its own: a
 * binding the config accepted is never dropped for want of room. */
#define MAXBIND (256 + CONFIG_MAXBIND)

struct binding {
	int key;
	struct keyspec spec;
	int acts[UI_MAXACTS];
	int nacts;
};

static struct binding binds[MAXBIND];
static int nbinds;

static int
spec_to_key(const struct keyspec *k)
{
	switch (k->special) {
	case KS_CHAR: return k->cp;
	case KS_ENTER: return '\r';
	case KS_TAB: return '\t';
	case KS_BTAB: return UI_KEY(KEY_BTAB);
	case KS_BACKSPACE: return UI_KEY(KEY_BACKSPACE);
	case KS_ESC: return 27;
	case KS_DELETE: return UI_KEY(KEY_DC);
	case KS_INSERT: return UI_KEY(KEY_IC);
	case KS_UP: return UI_KEY(KEY_UP);
	case KS_DOWN: return UI_KEY(KEY_DOWN);
	case KS_LEFT: return UI_KEY(KEY_LEFT);
	case KS_RIGHT: return UI_KEY(KEY_RIGHT);
	case KS_PGUP: return UI_KEY(KEY_PPAGE);
	case KS_PGDN: return UI_KEY(KEY_NPAGE);
	case KS_HOME: return UI_KEY(KEY_HOME);
	case KS_END: return UI_KEY(KEY_END);
	case KS_F: return UI_KEY(KEY_F(k->cp));
	}
	return -1;
}

int
ui_bind_normalize(int rc, unsigned wc)
{
	if (rc == KEY_CODE_YES) {
		if (wc == KEY_ENTER)
			return '\r';
		return UI_KEY((int)wc);
	}
	if (wc == '\n')
		return '\r';
	if (wc == 127 || wc == 8)
		return UI_KEY(KEY_BACKSPACE);
	return (int)wc;
}

static struct binding *
find(int key)
{
	int i;

	for (i = 0; i < nbinds; i++)
		if (binds[i].key == key)
			return &binds[i];
	return NULL;
}

static void
add(const struct keyspec *k, int act, int replace)
{
	int key = spec_to_key(k);
	struct binding *b = find(key);

	if (b == NULL) {
		if (act < 0 || nbinds == MAXBIND)
			return;
		b = &binds[nbinds++];
		b->key = key;
		b->spec = *k;
		b->nacts = 0;
	}
	if (replace)
		b->nacts = 0;
	if (act >= 0 && b->nacts < UI_MAXACTS)
		b->acts[b->nacts++] = act;
}

void
ui_bind_init(const struct config *c)
{
	struct keyspec k;
	char names[128], *tok, *save;
	size_t i;
	int a;

	nbinds = 0;
	for (a = 0; a < ACT_COUNT; a++) {
		snprintf(names, sizeof(names), "%s", action_keys[a]);
		save = NULL;
		for (tok = strtok_r(names, " ", &save); tok;
		    tok = strtok_r(NULL, " ", &save))
			if (config_key_parse(tok, &k) == 0)
				add(&k, a, 0);
	}
	/* A config line replaces whatever the key did before. */
	for (i = 0; i < c->nbinds; i++)
		add(&c->binds[i].key, c->binds[i].action, 1);
}

void
ui_bind_free(void)
{
	nbinds = 0;
}

int
ui_bind_lookup(int key, int acts[UI_MAXACTS])
{
	struct binding *b = find(key);

	if (b == NULL)
		return 0;
	memcpy(acts, b->acts, (size_t)b->nacts * sizeof(int));
	return b->nacts;
}

void
ui_bind_keyname(int key, char *buf, size_t n)
{
	struct binding *b = find(key);
	const char *kn;

	if (b) {
		config_key_name(&b->spec, buf, n);
		return;
	}
	if (key >= UI_KEY(0)) {
		kn = keyname(key - UI_KEY(0));
		snprintf(buf, n, "%s", kn ? kn : "?");
	} else if (key < 0x20) {
		snprintf(buf, n, "^%c", key | 0x40);
	} else {
		struct keyspec k = {KS_CHAR, key};

		config_key_name(&k, buf, n);
	}
}

int
ui_key_names(const struct ui *ui, int action, char *buf, size_t n)
{
	char name[32];
	size_t len = 0;
	int i, j, count = 0;

	(void)ui;
	if (n == 0)
		return 0;
	buf[0] = '\0';
	for (i = 0; i < nbinds; i++) {
		for (j = 0; j < binds[i].nacts; j++) {
			if (binds[i].acts[j] != action)
				continue;
			config_key_name(&binds[i].spec, name, sizeof(name));
			if (len + strlen(name) + 2 < n) {
				len += (size_t)snprintf(buf + len, n - len,
				    "%s%s", count ? " " : "", name);
			}
			count++;
		}
	}
	return count;
}
