/*
 * html_arena.h - one bump allocator per parsed page for libxml2 (owned by
 * parse_html.c, which is its only caller).
 *
 * Between html_arena_begin() and html_arena_end(), every allocation
 * libxml2 makes in this thread comes from the arena and its frees do
 * nothing; html_arena_end() gives the whole arena back at once.  Outside
 * an arena, libxml2 allocates with malloc as usual.  A thread opens its
 * arenas and ends them in reverse order, and leaves an older page alone
 * while a newer one is open: libxml2 allocates from the newest arena
 * (lede parses one page at a time).
 */
#ifndef LEDE_HTML_ARENA_H
#define LEDE_HTML_ARENA_H

#include <stddef.h>

struct html_arena;

/* Open an arena for this thread; NULL when arenas are off (another
 * allocator was installed in libxml2 first, or out of memory): libxml2
 * then uses malloc and the caller frees its tree as usual. */
struct html_arena *html_arena_begin(void);
/* Give back everything allocated since the matching begin.  NULL is a
 * no-op. */
void html_arena_end(struct html_arena *a);
/* 1 while this thread has an open arena: a tree made without one now
 * would be made in it. */
int html_arena_busy(void);
/* The open arena of this thread that holds p (a tree made in it), or
 * NULL. */
struct html_arena *html_arena_of(const void *p);
/* Bytes held by live arenas of this thread (for tests and the bench). */
size_t html_arena_bytes(void);

#endif
