/*
 * main.c - the command line: parse options (cli.def), load the source,
 * and hand it to --dump, --json, or the reader.  Exit codes: 0 ok, 1 bad
 * input or I/O error (one line on stderr), 2 usage.
 */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <config.h> /* autoconf's, from the build directory */

#include "article.h"
#include "cache_cmd.h"
#include "charset.h"
#include "dump.h"
#include "json_out.h"
#include "source.h"
#include "termout.h"
#include "ui.h"

enum cli_id {
#define CLI(id, name, arg, sh, an, help) OPT_##id,
#include "cli.def"
#undef CLI
	OPT_COUNT
};

static const struct option long_opts[] = {
#define CLI(id, name, arg, sh, an, help) \
	{name, (arg) ? required_argument : no_argument, NULL, 256 + OPT_##id},
#include "cli.def"
#undef CLI
	{NULL, 0, NULL, 0}
};

struct cli_help {
	const char *name, *arg, *help;
	int sh;
};

static const struct cli_help help_rows[] = {
#define CLI(id, name, arg, sh, an, help) {name, an, help, sh},
#include "cli.def"
#undef CLI
};

struct args {
	int dump, json, width, wrap, header, links, related, ansi;
	int first_block, last_block;
	const char *encoding, *url, *theme, *range;
	const char *cache_list, *cache_prune, *search;
	struct source_opts src;
};

static void
usage(FILE *fp)
{
	size_t i;
	char left[40];

	fprintf(fp, "usage: lede [options] [URL | FILE | -]\n"
	    "Read a news article in the terminal.  With no source, open the "
	    "library.\n\n");
	for (i = 0; i < sizeof(help_rows) / sizeof(help_rows[0]); i++) {
		const struct cli_help *h = &help_rows[i];

		if (h->sh)
			snprintf(left, sizeof(left), "-%c, --%s%s%s", h->sh,
			    h->name, h->arg ? " " : "", h->arg ? h->arg : "");
		else
			snprintf(left, sizeof(left), "    --%s%s%s", h->name,
			    h->arg ? " " : "", h->arg ? h->arg : "");
		fprintf(fp, "  %-26s %s\n", left, h->help);
	}
}

/* Exit status after writing to stdout: 1, said once, if it failed
 * (lede --help >/dev/full). */
static int
flushed(void)
{
	if (fflush(stdout) == EOF || ferror(stdout)) {
		fprintf(stderr, "lede: cannot write output: %s\n",
		    strerror(errno));
		return 1;
	}
	return 0;
}

static int bad_usage(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

static int
bad_usage(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "lede: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'lede --help'.\n");
	return 2;
}

static int
parse_range(const char *s, int *a, int *b)
{
	char *end;
	long x, y;

	x = strtol(s, &end, 10);
	if (end == s || x < 1 || x > 1000000)
		return -1;
	if (*end == '\0') {
		*a = *b = (int)x;
		return 0;
	}
	if (*end != '-')
		return -1;
	s = end + 1;
	if (*s == '\0') {
		*a = (int)x;
		*b = 0x7fffffff;
		return 0;
	}
	y = strtol(s, &end, 10);
	if (end == s || *end != '\0' || y < x || y > 1000000)
		return -1;
	*a = (int)x;
	*b = (int)y;
	return 0;
}

/* --dump to stdout; outside a UTF-8 locale through a memory stream and
 * termout, which converts to the locale's charset (text area). */
static int
dump_terminal(const struct doc *d, const struct dump_opts *o,
    struct lede_err *err)
{
	char *mem = NULL;
	size_t len = 0;
	FILE *fp;
	int rc;

	if (termout_is_utf8())
		return dump_doc(stdout, d, o, err);
	if ((fp = open_memstream(&mem, &len)) == NULL)
		return err_set(err, LEDE_ENOMEM, "cannot write output: %s",
		    strerror(errno));
	rc = dump_doc(fp, d, o, err);
	if (fclose(fp) == EOF && rc == 0)
		rc = err_set(err, LEDE_ENOMEM, "cannot write output: %s",
		    strerror(errno));
	if (rc == 0 && termout_write(stdout, mem, len) == -1)
		rc = err_set(err, LEDE_EIO, "cannot write output: %s",
		    strerror(errno));
	free(mem);
	return rc;
}

/* Whether msg quotes s: 'like this'. */
static int
quotes(const char *msg, const char *s)
{
	size_t n = strlen(s);
	const char *p;

	for (p = msg; n > 0 && (p = strstr(p, s)) != NULL; p++)
		if (p > msg && p[-1] == '\'' && p[n] == '\'')
			return 1;
	return 0;
}

/* A failure to read the page names it, unless the message already does
 * (by the name given or the URL it came from). */
static void
source_error(const char *name, const char *url, const char *msg)
{
	int stdin_ = strcmp(name, "-") == 0;

	if (quotes(msg, stdin_ ? "<stdin>" : name) ||
	    (url != NULL && quotes(msg, url)))
		fprintf(stderr, "lede: %s\n", msg);
	else if (stdin_)
		fprintf(stderr, "lede: cannot read standard input: %s\n", msg);
	else
		fprintf(stderr, "lede: cannot read '%s': %s\n", name, msg);
}

static int
run_batch(const struct args *a, const char *srcname)
{
	struct lede_err err = {0};
	struct article_opts ao = {0};
	struct source src;
	struct doc *d;
	const char *cut;
	int rc = 0;

	if (source_load(srcname, &a->src, &src, &err) == -1) {
		fprintf(stderr, "lede: %s\n", err.msg);
		return 1;
	}
	if (src.warning != NULL)
		fprintf(stderr, "lede: %s\n", src.warning);
	ao.url = a->url ? a->url : src.url;
	ao.encoding = a->encoding;
	ao.content_type = src.content_type;
	d = article_from_bytes(src.bytes.data, src.bytes.len, &ao, &err);
	if (d != NULL) {
		struct lede_err rerr = {0};

		/* History is a convenience: report, never fail the dump;
		 * a cache that would not open was reported by the load. */
		if (source_record(&src, &a->src, d, &rerr) == -1 &&
		    (src.warning == NULL ||
		    strcmp(src.warning, rerr.msg) != 0))
			fprintf(stderr, "lede: %s\n", rerr.msg);
	} else
		source_error(srcname, src.url, err.msg);
	source_release(&src);
	if (d == NULL)
		return 1;
	if ((cut = doc_cut(d)) != NULL)
		fprintf(stderr, "lede: warning: %s\n", cut);
	if (a->json) {
		char *s = json_out_doc(d, &err);

		if (s == NULL || termout_json(s, stdout) == -1 ||
		    fputc('\n', stdout) == EOF || fflush(stdout) == EOF) {
			if (s)
				fprintf(stderr, "lede: cannot write output: "
				    "%s\n", strerror(errno));
			else
				fprintf(stderr, "lede: %s\n", err.msg);
			rc = 1;
		}
		free(s);
	} else {
		struct dump_opts o;
		size_t nb = d->body ? d->body->nkids : 0;

		if (a->first_block > 0 && (size_t)a->first_block > nb) {
			fprintf(stderr, "lede: range %s is past the last "
			    "paragraph (%zu)\n", a->range, nb);
			doc_free(d);
			return 1;
		}
		dump_opts_default(&o);
		o.width = a->width;
		o.wrap = a->wrap;
		o.header = a->header;
		o.links = a->links;
		o.related = a->related;
		o.ansi = a->ansi;
		o.first_block = a->first_block;
		o.last_block = a->last_block;
		if (dump_terminal(d, &o, &err) == -1) {
			fprintf(stderr, "lede: %s\n", err.msg);
			rc = 1;
		}
	}
	doc_free(d);
	if (fflush(stdout) == EOF && rc == 0) {
		fprintf(stderr, "lede: cannot write output: %s\n",
		    strerror(errno));
		rc = 1;
	}
	return rc;
}

int
main(int argc, char **argv)
{
	struct args a = {0};
	struct ui_args ua = {0};
	char *end;
	long w;
	int c;

	setlocale(LC_ALL, "");
	a.width = 80;
	a.wrap = a.header = a.links = 1;
	while ((c = getopt_long(argc, argv, "djw:e:u:t:hV", long_opts,
	    NULL)) != -1) {
		switch (c) {
		case 'd': c = 256 + OPT_DUMP; break;
		case 'j': c = 256 + OPT_JSON; break;
		case 'w': c = 256 + OPT_WIDTH; break;
		case 'e': c = 256 + OPT_ENCODING; break;
		case 'u': c = 256 + OPT_URL; break;
		case 't': c = 256 + OPT_THEME; break;
		case 'h': c = 256 + OPT_HELP; break;
		case 'V': c = 256 + OPT_VERSION; break;
		case '?': fprintf(stderr, "Try 'lede --help'.\n"); return 2;
		default: break;
		}
		switch (c - 256) {
		case OPT_DUMP: a.dump = 1; break;
		case OPT_JSON: a.json = 1; break;
		case OPT_WIDTH:
			w = strtol(optarg, &end, 10);
			if (end == optarg || *end || w < 1 || w > 10000)
				return bad_usage("bad width '%s' (1 to 10000)",
				    optarg);
			a.width = (int)w;
			break;
		case OPT_NO_WRAP: a.wrap = 0; break;
		case OPT_NO_LINKS: a.links = 0; break;
		case OPT_NO_HEADER: a.header = 0; break;
		case OPT_RELATED: a.related = 1; break;
		case OPT_ANSI: a.ansi = 1; break;
		case OPT_RANGE:
			if (parse_range(optarg, &a.first_block,
			    &a.last_block) == -1)
				return bad_usage("bad range '%s' (A-B)",
				    optarg);
			a.range = optarg;
			break;
		case OPT_ENCODING: a.encoding = optarg; break;
		case OPT_URL: a.url = optarg; break;
		case OPT_THEME: a.theme = optarg; break;
		case OPT_CACHE_DIR: a.src.cache_dir = optarg; break;
		case OPT_OFFLINE: a.src.offline = 1; break;
		case OPT_NO_CACHE: a.src.no_cache = 1; break;
		case OPT_CACHE_LIST: a.cache_list = "1"; break;
		case OPT_CACHE_PRUNE: a.cache_prune = optarg; break;
		case OPT_SEARCH: a.search = optarg; break;
		case OPT_HELP: usage(stdout); return flushed();
		case OPT_VERSION:
			printf("lede %s\n", PACKAGE_VERSION);
			return flushed();
		default: return 2;
		}
	}
	if ((a.cache_list || a.cache_prune || a.search) && optind < argc)
		return bad_usage("%s takes no source: '%s'", a.cache_list ?
		    "--cache-list" : a.cache_prune ? "--cache-prune" :
		    "--search", argv[optind]);
	if (a.cache_list)
		return cache_cmd_list(&a.src);
	if (a.cache_prune)
		return cache_cmd_prune(&a.src, a.cache_prune);
	if (a.search)
		return cache_cmd_search(&a.src, a.search);
	if (argc - optind > 1)
		return bad_usage("too many sources: '%s'", argv[optind + 1]);
	if (a.encoding != NULL && charset_lookup(a.encoding) == NULL)
		return bad_usage("unknown encoding '%.100s'", a.encoding);
	if (a.dump || a.json) {
		if (a.dump && a.json)
			return bad_usage("%s", "--dump and --json exclude each "
			    "other");
		if (optind >= argc)
			return bad_usage("%s", "--dump and --json need a source");
		return run_batch(&a, argv[optind]);
	}
	ua.source = optind < argc ? argv[optind] : NULL;
	ua.encoding = a.encoding;
	ua.base_url = a.url;
	ua.theme = a.theme;
	ua.src = a.src;
	return ui_run(&ua);
}
