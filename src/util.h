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
/* 1 if a and b are equal once whitespace is folded (xstrdup_squash),
 * ignoring ASCII case when icase; 0 for NULL or no memory. */
int str_same_squashed(const char *a, const char *b, int icase);
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
