/*
 * input.h - read a whole file or stdin into memory, under a cap.
 */
#ifndef LEDE_INPUT_H
#define LEDE_INPUT_H

#include "buf.h"
#include "err.h"

#define INPUT_MAX ((size_t)64 << 20)	/* 64 MiB: larger pages are refused */

/* path "-" reads stdin.  On success b holds the bytes (caller releases). */
int input_read(const char *path, struct buf *b, size_t max,
    struct lede_err *err);

#endif
