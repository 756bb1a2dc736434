/*
 * dump.c - the one text formatter: `lede --dump` and export both render
 * the doc (render.c, plain-text look unless colouring) and write its lines,
 * plain or with ANSI SGR colours taken from the roles' default styles.
 * Lines never end in spaces; text is UTF-8 without control characters
 * (the doc holds none, and the only ones added here are SGR sequences
 * when colour is asked for).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dump.h"
#include "render.h"

void
dump_opts_default(struct dump_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->width = 80;
	o->wrap = 1;
	o->header = 1;
	o->links = 1;
}

static int
color_code(const char *s, size_t n)
{
	static const char *const names[] = {"black", "red", "green", "yellow",
	    "blue", "magenta", "cyan", "white"};
	size_t i;

	for (i = 0; i < 8; i++)
		if (strlen(names[i]) == n && strncmp(s, names[i], n) == 0)
			return (int)i;
	return -1;
}

/* "fg bg attr,attr" (a theme line) -> "1;33" (without ESC [ and m). */
static void
style_sgr(const char *style, char *out, size_t sz)
{
	static const struct {
		const char *name;
		const char *code;
	} attrs[] = {{"bold", "1"}, {"dim", "2"}, {"italic", "3"},
	    {"underline", "4"}, {"blink", "5"}, {"reverse", "7"},
	    {"standout", "7"}};
	const char *p = style, *e;
	size_t len = 0, i, n;
	int field = 0, cc;

	out[0] = '\0';
	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		if (*p == '\0')
			break;
		for (e = p; *e && *e != ' ' && *e != ','; e++)
			;
		n = (size_t)(e - p);
		if (field < 2) {
			cc = color_code(p, n);
			if (cc >= 0)
				len += (size_t)snprintf(out + len, sz - len,
				    "%s%d", len ? ";" : "",
				    (field == 0 ? 30 : 40) + cc);
		} else {
			for (i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++)
				if (strlen(attrs[i].name) == n &&
				    strncmp(p, attrs[i].name, n) == 0)
					len += (size_t)snprintf(out + len,
					    sz - len, "%s%s", len ? ";" : "",
					    attrs[i].code);
		}
		if (len >= sz)
			len = sz - 1;
		if (*e == ' ')
			field++;
		p = e;
	}
}

static int
write_lines(struct buf *out, const struct lines *l, int ansi)
{
	char sgr[ROLE_COUNT][48];
	size_t i, r, at;

	if (ansi)
		for (i = 0; i < ROLE_COUNT; i++)
			style_sgr(role_defaults[i], sgr[i], sizeof(sgr[i]));
	for (i = 0; i < l->n; i++) {
		const struct line *ln = &l->v[i];

		at = 0;
		for (r = 0; ansi && r < ln->nruns; r++) {
			const struct run *ru = &ln->runs[r];

			if (ru->off > at &&
			    buf_append(out, ln->text + at, ru->off - at) == -1)
				return -1;
			if (sgr[ru->role][0] == '\0') {
				if (buf_append(out, ln->text + ru->off,
				    ru->len) == -1)
					return -1;
			} else if (buf_printf(out, "\033[%sm%.*s\033[0m",
			    sgr[ru->role], (int)ru->len,
			    ln->text + ru->off) == -1)
				return -1;
			at = ru->off + ru->len;
		}
		if (at < ln->len &&
		    buf_append(out, ln->text + at, ln->len - at) == -1)
			return -1;
		if (buf_putc(out, '\n') == -1)
			return -1;
	}
	return 0;
}

static struct lines *
render(const struct doc *d, const struct dump_opts *o, struct lede_err *err)
{
	struct render_opts ro;

	render_opts_default(&ro);
	ro.width = o->width > 0 ? o->width : 80;
	ro.wrap = o->wrap;
	ro.header = o->header;
	ro.links = o->links;
	ro.related = o->related;
	ro.first_block = o->first_block;
	ro.last_block = o->last_block;
	ro.plain = !o->ansi;
	ro.deck = o->deck;
	return render_doc(d, &ro, err);
}

int
export_doc(struct buf *out, const struct doc *d, const struct dump_opts *o,
    struct lede_err *err)
{
	struct lines *l;
	int rc;

	if ((l = render(d, o, err)) == NULL)
		return -1;
	rc = write_lines(out, l, o->ansi);
	lines_free(l);
	if (rc == -1)
		return err_set(err, LEDE_ENOMEM,
		    "cannot format the article: out of memory");
	return 0;
}

int
dump_doc(FILE *fp, const struct doc *d, const struct dump_opts *o,
    struct lede_err *err)
{
	struct buf out;
	struct lines *l;
	size_t i;

	if ((l = render(d, o, err)) == NULL)
		return -1;
	/* A few hundred lines at a time: a big page never sits in memory
	 * twice. */
	for (i = 0; i < l->n; i += 256) {
		struct lines part = *l;

		part.v = l->v + i;
		part.n = l->n - i < 256 ? l->n - i : 256;
		buf_init(&out, 0);
		if (write_lines(&out, &part, o->ansi) == -1) {
			buf_release(&out);
			lines_free(l);
			return err_set(err, LEDE_ENOMEM,
			    "cannot format the article: out of memory");
		}
		if (out.len > 0 &&
		    fwrite(out.data, 1, out.len, fp) != out.len) {
			buf_release(&out);
			lines_free(l);
			return err_set(err, LEDE_EIO, "cannot write output: %s",
			    strerror(errno));
		}
		buf_release(&out);
	}
	lines_free(l);
	return 0;
}
