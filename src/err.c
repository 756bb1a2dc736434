/*
 * err.c - fill struct lede_err.  See err.h.
 */
#include <stdarg.h>
#include <stdio.h>

#include "err.h"

int
err_set(struct lede_err *err, enum lede_errcode code, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return -1;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
}
