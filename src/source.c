/*
 * source.c - load a page from a path or stdin (and, with fetch, a URL).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "input.h"
#include "source.h"
#include "util.h"

int
source_is_url(const char *arg)
{
	return strncasecmp(arg, "http://", 7) == 0 ||
	    strncasecmp(arg, "https://", 8) == 0;
}

static char *
file_url(const char *path)
{
	char real[PATH_MAX], *u;
	size_t n;

	if (strcmp(path, "-") == 0 || realpath(path, real) == NULL)
		return NULL;
	n = strlen(real) + 8;
	if ((u = malloc(n)) == NULL)
		return NULL;
	snprintf(u, n, "file://%s", real);
	return u;
}

int
source_load(const char *arg, const struct source_opts *o, struct source *s,
    struct lede_err *err)
{
	(void)o;
	memset(s, 0, sizeof(*s));
	if (source_is_url(arg))
		return err_set(err, LEDE_EUSAGE,
		    "cannot open '%s': fetching is not built in yet", arg);
	if (input_read(arg, &s->bytes, INPUT_MAX, err) == -1)
		return -1;
	s->url = file_url(arg);
	return 0;
}

void
source_release(struct source *s)
{
	if (s == NULL)
		return;
	buf_release(&s->bytes);
	free(s->url);
	free(s->content_type);
	memset(s, 0, sizeof(*s));
}
