/*
 * input.c - read a file or stdin whole, refusing what is over the cap.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "input.h"

int
input_read(const char *path, struct buf *b, size_t max, struct lede_err *err)
{
	char chunk[65536];
	FILE *fp;
	size_t n;
	int is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "<stdin>" : path;

	buf_init(b, max);
	if (is_stdin)
		fp = stdin;
	else if ((fp = fopen(path, "rb")) == NULL)
		return err_set(err, LEDE_EIO, "cannot open '%s': %s", name,
		    strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		if (buf_append(b, chunk, n) == -1) {
			if (!is_stdin)
				fclose(fp);
			buf_release(b);
			return err_set(err, LEDE_ETOOBIG,
			    "cannot read '%s': larger than %zu MiB", name,
			    b->max >> 20);
		}
	}
	if (ferror(fp)) {
		int e = errno;

		if (!is_stdin)
			fclose(fp);
		buf_release(b);
		return err_set(err, LEDE_EIO, "cannot read '%s': %s", name,
		    strerror(e));
	}
	if (!is_stdin)
		fclose(fp);
	if (b->len == 0) {
		buf_release(b);
		return err_set(err, LEDE_EINPUT, "cannot read '%s': empty input",
		    name);
	}
	return 0;
}
