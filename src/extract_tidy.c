/*
 * extract_tidy.c - clean inside the chosen article, after Readability's
 * prepArticle: share bars, headers with bad class hints, and containers
 * (form, fieldset, table, ul, div) whose figures say they are not prose:
 * link-heavy, more list items than paragraphs, images without text,
 * inputs.  Data tables are told from layout tables here too.
 */
#include <stdlib.h>
#include <string.h>

#include "extract.h"

static int
cond_tag(const char *t)
{
	return html_tag_is(t, "form") || html_tag_is(t, "fieldset") ||
	       html_tag_is(t, "table") || html_tag_is(t, "ul") ||
	       html_tag_is(t, "div");
}

int
extract_is_data_table(const xmlNode *t)
{
	const char *a;
	xmlNode *n;
	int rows = 0, cols = 0, c;

	if ((a = html_attr(t, "role")) && strcmp(a, "presentation") == 0)
		return 0;
	if ((a = html_attr(t, "datatable")) && strcmp(a, "0") == 0)
		return 0;
	if (html_attr(t, "summary"))
		return 1;
	for (n = t->children; n; n = html_walk_next(n, t, 0)) {
		const char *nm;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		nm = html_name(n);
		if (strcmp(nm, "caption") == 0 && n->children)
			return 1;
		if (strcmp(nm, "col") == 0 || strcmp(nm, "colgroup") == 0 ||
		    strcmp(nm, "tfoot") == 0 || strcmp(nm, "thead") == 0 ||
		    strcmp(nm, "th") == 0)
			return 1;
		if (strcmp(nm, "table") == 0)
			return 0;
		if (strcmp(nm, "tr") == 0) {
			xmlNode *k;

			rows++;
			c = 0;
			for (k = html_first_el(n); k; k = html_next_el(k))
				if (html_is(k, "td"))
					c++;
			if (c > cols)
				cols = c;
		}
	}
	if (rows == 1 || cols == 1)
		return 0;
	if (rows >= 10 || cols > 4)
		return 1;
	return rows * cols > 10;
}

static int
in_data_table(const xmlNode *n)
{
	for (n = n->parent; n; n = n->parent)
		if (html_is(n, "table"))
			return extract_is_data_table(n);
	return 0;
}

static int
has_anc(const xmlNode *n, const char *tag)
{
	for (n = n->parent; n; n = n->parent)
		if (html_is(n, tag))
			return 1;
	return 0;
}

static int
should_remove(struct extract_ctx *x, xmlNode *n, const char *t)
{
	const struct ex_stat *s = extract_stat(n);
	int weight, is_list, p, img, li, input;
	double ld, hd;

	if (s == NULL)
		return 0;
	if (html_tag_is(t, "table") && extract_is_data_table(n))
		return 0;
	if (in_data_table(n) || has_anc(n, "code"))
		return 0;
	/* A small box around preformatted code is the code itself. */
	if (s->chars < 500) {
		xmlNode *c;

		for (c = n->children; c; c = html_walk_next(c, n, 0))
			if (html_is(c, "pre") || html_is(c, "code"))
				return 0;
	}
	weight = (x->flags & EX_WEIGHT_CLASSES) ? extract_class_weight(n) : 0;
	if (weight != 0)
		x->fired |= EX_WEIGHT_CLASSES;
	if (weight < 0)
		return 1;
	if (s->commas >= 10)
		return 0;
	is_list = html_tag_is(t, "ul") || html_tag_is(t, "ol");
	if (!is_list && s->chars > 0)
		is_list = (double)s->listchars / s->chars > 0.9;
	p = s->np;
	img = s->nimg;
	li = s->nli - 100;
	input = s->ninput;
	ld = extract_link_density(n);
	hd = s->chars ? (double)s->headchars / s->chars : 0;
	if ((img > 1 && (double)p / img < 0.5 && !has_anc(n, "figure") &&
	        s->nfig == 0) ||
	    (!is_list && li > p) || (input > p / 3) ||
	    (!is_list && hd < 0.9 && s->chars < 25 && (img == 0 || img > 2) &&
	        !has_anc(n, "figure") && s->nfig == 0) ||
	    (!is_list && weight < 25 && ld > 0.2) ||
	    (weight >= 25 && ld > 0.5) || (s->nembed == 1 && s->chars < 75) ||
	    s->nembed > 1) {
		/* A plain list of images stays. */
		if (is_list && s->nimg == s->nli && s->nli > 0)
			return 0;
		return 1;
	}
	return 0;
}

static int
share_like(const xmlNode *n)
{
	const char *v[2] = {html_attr(n, "class"), html_attr(n, "id")};
	const char *p;
	int i;

	for (i = 0; i < 2; i++) {
		for (p = v[i]; p && (p = strstr(p, "share")) != NULL; p++) {
			char b = p == v[i] ? ' ' : p[-1];
			char a = p[5];

			if ((b == ' ' || b == '_' || b == '-') &&
			    (a == '\0' || a == ' ' || a == '_' || a == '-' ||
			        strncmp(p + 5, "daddy", 5) == 0))
				return 1;
		}
	}
	return 0;
}

void
extract_tidy(struct extract_ctx *x, xmlNode *art)
{
	xmlNode *n, **v;
	size_t nv = 0, cap, i;

	cap = x->nst + 1;
	if ((v = malloc(sizeof(*v) * cap)) == NULL)
		return;
	for (n = art->children; n; n = html_walk_next(n, art, 0)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (nv == cap) {
			/* elements the stats pass did not reach (too deep) */
			xmlNode **nv2 = realloc(v, sizeof(*v) * cap * 2);

			if (nv2 == NULL)
				break;
			v = nv2;
			cap *= 2;
		}
		v[nv++] = n;
	}
	/* Reverse document order: inner containers are judged first and
	   their removal is taken out of their ancestors' figures. */
	for (i = nv; i-- > 0;) {
		const char *t;
		const struct ex_stat *s;

		n = v[i];
		t = html_name(n);
		s = extract_stat(n);
		if (share_like(n) && s && s->chars < 500) {
			extract_remove(n);
			continue;
		}
		if ((html_tag_is(t, "h1") || html_tag_is(t, "h2")) &&
		    (x->flags & EX_WEIGHT_CLASSES) &&
		    extract_class_weight(n) < 0) {
			x->fired |= EX_WEIGHT_CLASSES;
			extract_remove(n);
			continue;
		}
		if ((x->flags & EX_CLEAN_COND) && cond_tag(t) &&
		    should_remove(x, n, t)) {
			x->fired |= EX_CLEAN_COND;
			extract_remove(n);
			continue;
		}
	}
	free(v);
}
