/*
 * util.h - small helpers shared by the core: checked allocation that
 * returns NULL instead of aborting, and string duplication.
 */
#ifndef LEDE_UTIL_H
#define LEDE_UTIL_H

#include <stddef.h>

char *xstrdup(const char *s);		/* NULL in, NULL out */
char *xstrndup(const char *s, size_t n);
/* Duplicate with whitespace runs folded to one space and ends trimmed. */
char *xstrdup_squash(const char *s);
int str_empty(const char *s);		/* NULL or only whitespace */
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
