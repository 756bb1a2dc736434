/*
 * cache_cmd.h - the cache commands of the command line, owned by the net
 * area: --cache-list, --cache-prune AGE|SIZE, --search WORDS.  They print
 * to stdout (errors as one line on stderr) and return the exit status.
 */
#ifndef LEDE_CACHE_CMD_H
#define LEDE_CACHE_CMD_H

#include "source.h"

int cache_cmd_list(const struct source_opts *o);
int cache_cmd_prune(const struct source_opts *o, const char *spec);
/* Exit status 1 when nothing matches (like grep). */
int cache_cmd_search(const struct source_opts *o, const char *words);

#endif
