/*
 * ui_bind.h - the key bindings in force: keys.def's defaults with the
 * config's bind/unbind lines applied, as curses key codes.  UI only.
 * Owned by the ui area.
 */
#ifndef LEDE_UI_BIND_H
#define LEDE_UI_BIND_H

#include <stddef.h>

#include "lede_config.h"

#define UI_MAXACTS 4

void ui_bind_init(const struct config *c);
void ui_bind_free(void);
/* Actions bound to key (a UI key, see ui_bind_normalize), in table
 * order; returns how many (0 to UI_MAXACTS). */
int ui_bind_lookup(int key, int acts[UI_MAXACTS]);
/* One int for any key: a character, or UI_KEY(curses code).  Enter,
 * Backspace and their aliases come out as one code each. */
int ui_bind_normalize(int rc, unsigned wc);
void ui_bind_keyname(int key, char *buf, size_t n);
/* The names of the keys bound to action, space-separated. */
struct ui;
int ui_key_names(const struct ui *ui, int action, char *buf, size_t n);

#endif
