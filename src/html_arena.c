/*
 * html_arena.c - a bump allocator for libxml2 while lede holds one parsed
 * page (see html_arena.h).
 *
 * Why: malloc and free were a fifth of the time lede spent parsing, and
 * freeing a tree walks every node.  A page's tree is built at once and
 * dropped at once, so its memory can come from a few large chunks that
 * are given back together: the parse is about a fifth faster and
 * freeing the tree costs nothing.  Memory libxml2 frees inside an arena
 * is not reused until the arena ends; the input is capped (INPUT_MAX), so
 * is the arena.
 *
 * libxml2's memory functions are process-wide: the hooks below are
 * installed while an arena is open, in any thread, and pass to malloc,
 * realloc and free whenever the pointer or the thread has no arena; when
 * the last arena ends, libxml2 has its own functions back, so a parse
 * outside lede's pages (a benchmark's bare parse) is libxml2's alone.
 * Under AddressSanitizer, headers, unused space and freed blocks are
 * poisoned, so overflows and use after free inside an arena are still
 * reported.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

#include "html_arena.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define ALIGN 8u                     /* what libxml2's structs need */
#define HDR ALIGN                    /* block header: its size */
#define CHUNK_MIN ((size_t)64 << 10) /* first chunk of an arena */
#define CHUNK_MAX ((size_t)1 << 20)  /* chunks double up to this */

struct chunk {
	struct chunk *next;
	char *end;
	/* blocks follow, each [size_t size, pad][payload] */
};

/* Where a chunk lies: the arena keeps them sorted by address, so that
   finding the arena of a freed pointer is a binary search, not a walk
   (a page of millions of small elements frees millions of times). */
struct range {
	const char *lo, *hi;
};

struct html_arena {
	struct html_arena *prev; /* the thread's older open arena */
	struct chunk *chunks;    /* newest first; bump space in the first */
	char *bump, *last;       /* next free byte; the newest block */
	size_t next_size;        /* size of the next ordinary chunk */
	size_t bytes;            /* held in chunks */
	struct range *r;         /* the chunks by address */
	size_t nr, capr;
};

static _Thread_local struct html_arena *top;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int usable; /* libxml2 had malloc, free and realloc */
static pthread_mutex_t hook_lock = PTHREAD_MUTEX_INITIALIZER;
static int nopen;            /* open arenas, all threads (hook_lock) */
static xmlFreeFunc own_free; /* libxml2's functions before the hooks */
static xmlMallocFunc own_malloc;
static xmlReallocFunc own_realloc;
static xmlStrdupFunc own_strdup;

static size_t
round_up(size_t n)
{
	return (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
}

/* Note c in a's sorted ranges; -1 when out of memory. */
static int
range_add(struct html_arena *a, const struct chunk *c)
{
	struct range *t;
	size_t i;

	if (a->nr == a->capr) {
		a->capr = a->capr ? a->capr * 2 : 16;
		if ((t = realloc(a->r, a->capr * sizeof(*t))) == NULL)
			return -1;
		a->r = t;
	}
	for (i = a->nr; i > 0 && a->r[i - 1].lo > (const char *)c; i--)
		a->r[i] = a->r[i - 1];
	a->r[i].lo = (const char *)c;
	a->r[i].hi = c->end;
	a->nr++;
	return 0;
}

static struct chunk *
chunk_new(struct html_arena *a, size_t sz)
{
	struct chunk *c = malloc(sz);

	if (c == NULL)
		return NULL;
	c->end = (char *)c + sz;
	if (range_add(a, c) == -1) {
		free(c);
		return NULL;
	}
	a->bytes += sz;
	POISON(c + 1, sz - sizeof(*c));
	return c;
}

static void *
arena_alloc(struct html_arena *a, size_t n)
{
	size_t need, sz;
	struct chunk *c;
	char *b;

	if (n > SIZE_MAX / 2)
		return NULL;
	need = HDR + round_up(n ? n : 1);
	if (a->chunks == NULL || (size_t)(a->chunks->end - a->bump) < need) {
		if (need > a->next_size / 4) {
			/* A large block gets a chunk of its own, behind the
			   current one, whose space stays in use. */
			sz = round_up(sizeof(*c)) + need;
			if ((c = chunk_new(a, sz)) == NULL)
				return NULL;
			b = (char *)c + round_up(sizeof(*c));
			if (a->chunks) {
				c->next = a->chunks->next;
				a->chunks->next = c;
			} else {
				c->next = NULL;
				a->chunks = c;
				a->bump = c->end;
			}
			goto out;
		}
		if ((c = chunk_new(a, a->next_size)) == NULL)
			return NULL;
		c->next = a->chunks;
		a->chunks = c;
		a->bump = (char *)c + round_up(sizeof(*c));
		if (a->next_size < CHUNK_MAX)
			a->next_size *= 2;
	}
	b = a->bump;
	a->bump += need;
	a->last = b;
out:
	UNPOISON(b, HDR);
	*(size_t *)b = n;
	POISON(b, HDR);
	UNPOISON(b + HDR, n);
	return b + HDR;
}

/* Does a hold p?  The newest chunk first (most frees are of what was
   just made), then a binary search of the others. */
static int
holds(const struct html_arena *a, const char *q)
{
	size_t lo = 0, hi = a->nr, mid;

	if (a->chunks && q > (const char *)a->chunks && q < a->chunks->end)
		return 1;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (a->r[mid].lo < q)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* lo: the first range starting at or after q */
	return lo > 0 && q > a->r[lo - 1].lo && q < a->r[lo - 1].hi;
}

/* The open arena of this thread that holds p, or NULL. */
static struct html_arena *
owner(const void *p)
{
	struct html_arena *a;

	for (a = top; a; a = a->prev)
		if (holds(a, p))
			return a;
	return NULL;
}

static size_t
block_size(const void *p)
{
	const char *h = (const char *)p - HDR;
	size_t n;

	UNPOISON(h, HDR);
	n = *(const size_t *)h;
	POISON(h, HDR);
	return n;
}

static void *
hook_malloc(size_t n)
{
	return top ? arena_alloc(top, n) : malloc(n);
}

static void
hook_free(void *p)
{
	if (p == NULL)
		return;
	if (top && owner(p)) {
		POISON(p, block_size(p));
		return;
	}
	free(p);
}

static void *
hook_realloc(void *p, size_t n)
{
	struct html_arena *a;
	size_t old;
	void *q;

	if (p == NULL)
		return hook_malloc(n);
	if (top == NULL || (a = owner(p)) == NULL)
		return realloc(p, n);
	old = block_size(p);
	/* The newest block grows in place while its chunk has room. */
	if (a == top && (char *)p - HDR == a->last &&
	    n <= (size_t)(a->chunks->end - (char *)p)) {
		char *h = (char *)p - HDR;

		a->bump = (char *)p + round_up(n ? n : 1);
		UNPOISON(h, HDR);
		*(size_t *)h = n;
		POISON(h, HDR);
		if (n > old)
			UNPOISON((char *)p + old, n - old);
		else
			POISON((char *)p + n, old - n);
		return p;
	}
	if ((q = arena_alloc(top, n)) == NULL)
		return NULL;
	memcpy(q, p, old < n ? old : n);
	POISON(p, old);
	return q;
}

static char *
hook_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *q = hook_malloc(n);

	if (q)
		memcpy(q, s, n);
	return q;
}

static void
init(void)
{
	/* libxml2's own globals are made now, with malloc, not in the
	   first arena. */
	xmlInitParser();
	/* Someone else's allocator (a memory debugger) stays in charge. */
	if (xmlMemGet(&own_free, &own_malloc, &own_realloc, &own_strdup) == 0 &&
	    own_free == free && own_malloc == malloc && own_realloc == realloc)
		usable = 1;
}

struct html_arena *
html_arena_begin(void)
{
	struct html_arena *a;

	pthread_once(&once, init);
	if (!usable || (a = calloc(1, sizeof(*a))) == NULL)
		return NULL;
	/* The hooks go in with the first open arena of the process and out
	   with the last, never while another thread's arena needs them. */
	pthread_mutex_lock(&hook_lock);
	if (nopen++ == 0)
		xmlMemSetup(hook_free, hook_malloc, hook_realloc, hook_strdup);
	pthread_mutex_unlock(&hook_lock);
	a->next_size = CHUNK_MIN;
	a->prev = top;
	top = a;
	return a;
}

void
html_arena_end(struct html_arena *a)
{
	struct html_arena **pp;
	struct chunk *c, *n;

	if (a == NULL)
		return;
	/* libxml2 keeps a copy of the last error in a global: it may hold
	   strings from this arena. */
	xmlResetLastError();
	for (pp = &top; *pp && *pp != a; pp = &(*pp)->prev)
		;
	if (*pp)
		*pp = a->prev;
	for (c = a->chunks; c; c = n) {
		n = c->next;
		UNPOISON(c, (size_t)(c->end - (char *)c));
		free(c);
	}
	free(a->r);
	free(a);
	pthread_mutex_lock(&hook_lock);
	if (--nopen == 0)
		xmlMemSetup(own_free, own_malloc, own_realloc, own_strdup);
	pthread_mutex_unlock(&hook_lock);
}

int
html_arena_busy(void)
{
	return top != NULL;
}

struct html_arena *
html_arena_of(const void *p)
{
	return p ? owner(p) : NULL;
}

size_t
html_arena_bytes(void)
{
	struct html_arena *a;
	size_t n = 0;

	for (a = top; a; a = a->prev)
		n += a->bytes;
	return n;
}
