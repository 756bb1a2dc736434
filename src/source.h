/*
 * source.h - turn what the user named (a path, "-", a URL) into bytes plus
 * what is known about them (final URL, Content-Type).  Files and stdin are
 * read directly; URLs go through fetch and the cache.
 *
 * Ownership: source_release() frees everything in struct source.
 */
#ifndef LEDE_SOURCE_H
#define LEDE_SOURCE_H

#include "buf.h"
#include "err.h"

struct source_opts {
	const char *cache_dir;	/* NULL: $XDG_CACHE_HOME/lede */
	int offline;		/* never touch the network */
	int no_cache;		/* neither read nor write the cache */
};

struct source {
	struct buf bytes;
	char *url;		/* final URL (after redirects), or file:// */
	char *content_type;	/* HTTP Content-Type or NULL */
	int from_cache;
};

int source_is_url(const char *arg);
int source_load(const char *arg, const struct source_opts *o,
    struct source *s, struct lede_err *err);
void source_release(struct source *s);

#endif
