/*
 * cache_int.h - what cache.c (opening, schema, pages) shares with
 * cache_lib.c (history, listings, search, pruning).  Net area only.
 */
#ifndef LEDE_CACHE_INT_H
#define LEDE_CACHE_INT_H

#include <sqlite3.h>

#include "cache.h"

#define CACHE_BUSY_MS 10000	/* wait this long for another process */

struct cache {
	sqlite3 *db;
	char *dir;
	char *file;
	char *notice;
	int damaged;	/* SQLite said corrupt: move aside at close */
	int readonly;	/* could not be opened to write: reads only */
};

/* Fill err from the database's last error; returns -1. */
int cache_dberr(struct cache *c, const char *what, struct lede_err *err);
/* Run SQL without results. */
int cache_exec(struct cache *c, const char *sql, struct lede_err *err);
/* Prepare or fail with err. */
sqlite3_stmt *cache_prep(struct cache *c, const char *sql,
    struct lede_err *err);
/* Column text duplicated (NULL stays NULL); *oom set when out of memory. */
char *cache_coldup(sqlite3_stmt *st, int col, int *oom);

#endif
