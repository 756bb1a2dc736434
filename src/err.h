/*
 * err.h - error reports from the core.
 *
 * Core functions never print or exit: they return -1 or NULL and fill a
 * struct lede_err that the caller owns (usually on its stack).  Messages are
 * one lowercase line that quotes its subject, e.g.
 *   cannot open 'x.html': No such file or directory
 */
#ifndef LEDE_ERR_H
#define LEDE_ERR_H

enum lede_errcode {
	LEDE_OK = 0,
	LEDE_EUSAGE,	/* bad arguments from the caller */
	LEDE_EIO,	/* file or stream error */
	LEDE_ENOMEM,	/* allocation failed */
	LEDE_ETOOBIG,	/* input over a cap */
	LEDE_EINPUT,	/* input unusable (empty, binary, not HTML) */
	LEDE_ECHARSET,	/* unknown or unconvertible charset */
	LEDE_ENET,	/* network failure */
	LEDE_EHTTP,	/* HTTP status other than success */
	LEDE_ECACHE,	/* cache database problem */
	LEDE_ECANCEL,	/* the user cancelled */
};

#define LEDE_ERR_MSGMAX 512

struct lede_err {
	enum lede_errcode code;
	char msg[LEDE_ERR_MSGMAX];
};

/* Fill err (which may be NULL) with a printf-style message; returns -1. */
int err_set(struct lede_err *err, enum lede_errcode code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
