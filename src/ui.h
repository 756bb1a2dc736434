/*
 * ui.h - the full-screen reader.  The only part of lede that includes curses.
 */
#ifndef LEDE_UI_H
#define LEDE_UI_H

#include "source.h"

struct ui_args {
	const char *source;	/* what to open first; NULL opens the library */
	const char *encoding;	/* --encoding override */
	const char *base_url;	/* --url */
	const char *theme;	/* --theme NAME|PATH, or NULL */
	struct source_opts src;
};

/* Runs until the user quits.  Returns the process exit status. */
int ui_run(const struct ui_args *a);

#endif
