/*
 * buf.h - a growable byte buffer with a hard cap.
 *
 * Every buffer in lede has a cap (max): appends past it fail instead of
 * growing without bound.  The data is always NUL-terminated so that text
 * buffers can be used as C strings.  The owner frees with buf_release().
 */
#ifndef LEDE_BUF_H
#define LEDE_BUF_H

#include <stddef.h>

struct buf {
	char *data;	/* NUL-terminated; NULL until the first append */
	size_t len;
	size_t cap;	/* allocated */
	size_t max;	/* hard limit on len; 0 means BUF_DEFAULT_MAX */
};

#define BUF_DEFAULT_MAX ((size_t)256 << 20)

void buf_init(struct buf *b, size_t max);
void buf_release(struct buf *b);
/* 0 on success, -1 when out of memory or over the cap (b is unchanged). */
int buf_append(struct buf *b, const void *p, size_t n);
int buf_puts(struct buf *b, const char *s);
int buf_putc(struct buf *b, char c);
int buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Give up ownership of the data (never NULL on success); b is reset. */
char *buf_steal(struct buf *b);

#endif
