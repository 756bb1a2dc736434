/*
 * charset_tool.c - test helper: decode a file with charset_decode() and
 * write "source<TAB>label<TAB>name<TAB>replaced" on one line, then the
 * UTF-8 text.  Usage: charset_tool FILE [OVERRIDE|- [CONTENT-TYPE]]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "input.h"

int
main(int argc, char **argv)
{
	struct lede_err err = {0};
	struct charset_result r;
	struct buf b;
	const char *ovr = NULL, *ct = NULL;

	if (argc < 2) {
		fprintf(stderr, "usage: charset_tool FILE [OVERRIDE [CT]]\n");
		return 2;
	}
	if (argc > 2 && strcmp(argv[2], "-") != 0)
		ovr = argv[2];
	if (argc > 3)
		ct = argv[3];
	if (input_read(argv[1], &b, INPUT_MAX, &err) == -1 ||
	    charset_decode(b.data, b.len, ovr, ct, &r, &err) == -1) {
		fprintf(stderr, "charset_tool: %s\n", err.msg);
		return 1;
	}
	printf("%s\t%s\t%s\t%zu\n", r.source, r.label, r.name, r.replaced);
	fwrite(r.utf8, 1, r.len, stdout);
	free(r.utf8);
	buf_release(&b);
	return 0;
}
