/*
 * test_conformance.c - Unicode's own break tests against lede's breakers.
 *
 * Reads GraphemeBreakTest.txt and LineBreakTest.txt (Debian unicode-data,
 * /usr/share/unicode/auxiliary, or $UNICODE_AUX_DIR) and checks every
 * case against u8_grapheme() and the untailored linebreak_find() (lang
 * "root": no Korean keep-all).  Prints
 * how many pass and each failure with its line-break classes.  Fails
 * unless graphemes pass in full and line breaking passes 99.5%; skips
 * (77) only when the files are absent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "linebreak.h"
#include "uwidth.h"

#define MAXCASE 256
#define SHOW_MAX 60

struct tcase {
	char text[MAXCASE * 4 + 1];
	size_t len;
	unsigned char want[MAXCASE * 4 + 1];	/* break before byte i */
	size_t cpoff[MAXCASE + 1];		/* byte offset of each cp */
	int ncp;
	char classes[MAXCASE][8];
};

static size_t
put_utf8(char *p, unsigned long c)
{
	if (c < 0x80) {
		p[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		p[0] = (char)(0xc0 | c >> 6);
		p[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		p[0] = (char)(0xe0 | c >> 12);
		p[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		p[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	p[0] = (char)(0xf0 | c >> 18);
	p[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	p[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	p[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/* Parse "× 0023 ÷ 0020 ÷ # comment"; 0 for blank or comment lines. */
static int
parse(const char *line, struct tcase *t)
{
	const char *p = line, *hash, *q;
	char *end;
	unsigned long c;
	int k;

	memset(t->want, 0, sizeof(t->want));
	t->len = 0;
	t->ncp = 0;
	hash = strchr(line, '#');
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0' || *p == '#' || *p == '\n')
			break;
		if (strncmp(p, "\xc3\xb7", 2) == 0) {		/* ÷ */
			t->want[t->len] = 1;
			p += 2;
		} else if (strncmp(p, "\xc3\x97", 2) == 0) {	/* × */
			p += 2;
		} else {
			c = strtoul(p, &end, 16);
			if (end == p || t->ncp >= MAXCASE)
				return -1;
			p = end;
			t->cpoff[t->ncp++] = t->len;
			t->len += put_utf8(t->text + t->len, c);
		}
	}
	t->cpoff[t->ncp] = t->len;
	t->text[t->len] = '\0';
	/* The classes of each code point, from the comment's "(AL)". */
	for (k = 0, q = hash; q && k < t->ncp && (q = strchr(q, '(')); q++) {
		const char *e = strchr(q, ')');

		if (e == NULL || e - q - 1 >= 8)
			continue;
		memcpy(t->classes[k], q + 1, (size_t)(e - q - 1));
		t->classes[k][e - q - 1] = '\0';
		k++;
	}
	for (; k < t->ncp; k++)
		strcpy(t->classes[k], "?");
	return t->ncp > 0;
}

static FILE *
open_aux(const char *name, char *path, size_t sz)
{
	const char *dir = getenv("UNICODE_AUX_DIR");

	snprintf(path, sz, "%s/%s", dir ? dir : "/usr/share/unicode/auxiliary",
	    name);
	return fopen(path, "r");
}

/* Where (code point index) got and want first differ, or -1. */
static int
first_diff(const struct tcase *t, const unsigned char *got)
{
	int i;

	for (i = 1; i <= t->ncp; i++)
		if (!!got[t->cpoff[i]] != t->want[t->cpoff[i]])
			return i;
	return -1;
}

struct tally {
	char pair[24];
	int n;
};

static void
count_pair(struct tally *tl, int *ntl, const char *pair)
{
	int i;

	for (i = 0; i < *ntl; i++)
		if (strcmp(tl[i].pair, pair) == 0) {
			tl[i].n++;
			return;
		}
	if (*ntl < 200) {
		snprintf(tl[*ntl].pair, sizeof(tl[*ntl].pair), "%s", pair);
		tl[(*ntl)++].n = 1;
	}
}

static int
run(const char *name, int line_mode, double need, int *skipped)
{
	static struct tcase t;
	static unsigned char got[MAXCASE * 4 + 1];
	static struct tally tl[200];
	char path[512], line[8192], pair[24];
	int ntl = 0, pass = 0, total = 0, shown = 0, lineno = 0, d, i;
	size_t off, k;
	FILE *fp;

	if ((fp = open_aux(name, path, sizeof(path))) == NULL) {
		printf("# %s: not found, skipped\n", path);
		*skipped = 1;
		return 0;
	}
	while (fgets(line, sizeof(line), fp) != NULL) {
		lineno++;
		if (parse(line, &t) <= 0)
			continue;
		total++;
		memset(got, 0, t.len + 1);
		if (line_mode) {
			if (linebreak_find(t.text, t.len, "root", got) ==
			    -1) {
				printf("# out of memory\n");
				fclose(fp);
				return -1;
			}
		} else {
			for (off = 0; off < t.len; off += k) {
				k = u8_grapheme(t.text + off, t.len - off);
				if (k == 0)
					break;
				got[off + k] = 1;
			}
		}
		if ((d = first_diff(&t, got)) < 0) {
			pass++;
			continue;
		}
		snprintf(pair, sizeof(pair), "%s %s %s", t.classes[d - 1],
		    t.want[t.cpoff[d]] ? "\xc3\xb7" : "\xc3\x97",
		    d < t.ncp ? t.classes[d] : "eot");
		count_pair(tl, &ntl, pair);
		if (shown++ < SHOW_MAX) {
			line[strcspn(line, "\n")] = '\0';
			printf("# FAIL %s:%d: want %s, got the other\n#   %s\n",
			    name, lineno, pair, line);
		}
	}
	fclose(fp);
	printf("%s: %d of %d pass (%.2f%%)\n", name, pass, total,
	    total ? 100.0 * pass / total : 0.0);
	if (ntl > 0) {
		printf("# failing class pairs (at the first difference):\n");
		for (i = 0; i < ntl; i++)
			printf("#   %-20s %d\n", tl[i].pair, tl[i].n);
	}
	if (total == 0 || 100.0 * pass / total < need) {
		printf("%s: below the required %.1f%%\n", name, need);
		return -1;
	}
	return 0;
}

int
main(void)
{
	int skip_g = 0, skip_l = 0, rc = 0;

	if (run("GraphemeBreakTest.txt", 0, 100.0, &skip_g) == -1)
		rc = 1;
	if (run("LineBreakTest.txt", 1, 99.5, &skip_l) == -1)
		rc = 1;
	if (rc == 0 && skip_g && skip_l)
		return 77;
	return rc;
}
