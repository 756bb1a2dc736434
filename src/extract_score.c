/*
 * extract_score.c - find the article container: Readability-style
 * candidate scoring over the figures of extract_stats.c (text length,
 * commas, tag and class/id hints, link density, CJK counted as denser
 * text), the climb to a better parent, and sibling joining.  See
 * extract.h.
 */
#include <stdlib.h>
#include <string.h>

#include "extract.h"

#define TOP_N 5

int
extract_class_weight(const xmlNode *n)
{
	const struct ex_stat *s = extract_stat(n);
	unsigned c, i;
	int w = 0;

	c = s ? s->cw : extract_words_of(n, "class");
	i = s ? s->iw : extract_words_of(n, "id");
	w += (c & W_NEG) ? -25 : 0;
	w += (c & W_POS) ? 25 : 0;
	w += (i & W_NEG) ? -25 : 0;
	w += (i & W_POS) ? 25 : 0;
	return w;
}

static int
is_heading(const char *t)
{
	return t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && t[2] == '\0';
}

double
extract_link_density(const xmlNode *n)
{
	const struct ex_stat *s = extract_stat(n);

	if (s == NULL || s->chars == 0)
		return 0;
	return (double)s->linkchars / s->chars;
}

static void
init_score(struct extract_ctx *x, xmlNode *n, struct ex_stat *s)
{
	const char *t = html_name(n);

	s->scored = 1;
	s->score = 0;
	if (html_tag_is(t, "div"))
		s->score += 5;
	else if (html_tag_is(t, "pre") || html_tag_is(t, "td") ||
	         html_tag_is(t, "blockquote"))
		s->score += 3;
	else if (html_tag_is(t, "address") || html_tag_is(t, "ol") ||
	         html_tag_is(t, "ul") || html_tag_is(t, "dl") ||
	         html_tag_is(t, "dd") || html_tag_is(t, "dt") ||
	         html_tag_is(t, "li") || html_tag_is(t, "form"))
		s->score -= 3;
	else if (is_heading(t) || html_tag_is(t, "th"))
		s->score -= 5;
	if (x->flags & EX_WEIGHT_CLASSES) {
		int w = extract_class_weight(n);

		if (w != 0)
			x->fired |= EX_WEIGHT_CLASSES;
		s->score += w;
	}
}

/* Block elements (Readability's DIV_TO_P_ELEMS and the HTML5 sections);
 * a switch on the first letter keeps this off the profile. */
static int
is_block(const xmlNode *n)
{
	const char *t = html_name(n);

	switch (t[0]) {
	case 'a':
		return html_tag_is(t, "article") || html_tag_is(t, "aside");
	case 'b':
		return html_tag_is(t, "blockquote");
	case 'd':
		return html_tag_is(t, "div") || html_tag_is(t, "dl");
	case 'f':
		return html_tag_is(t, "figure") || html_tag_is(t, "footer") ||
		       html_tag_is(t, "form");
	case 'h':
		return (t[1] >= '1' && t[1] <= '6' && t[2] == '\0') ||
		       html_tag_is(t, "header");
	case 'i':
		return html_tag_is(t, "img");
	case 'm':
		return html_tag_is(t, "main");
	case 'n':
		return html_tag_is(t, "nav");
	case 'o':
		return html_tag_is(t, "ol");
	case 'p':
		return t[1] == '\0' || html_tag_is(t, "pre");
	case 's':
		return html_tag_is(t, "section");
	case 't':
		return html_tag_is(t, "table");
	case 'u':
		return html_tag_is(t, "ul");
	default:
		return 0;
	}
}

static void
add_score(struct extract_ctx *x, xmlNode *n, int chars, int commas,
    xmlNode **cands, size_t *ncand, size_t capc)
{
	double sc;
	xmlNode *a;
	int level;
	struct ex_stat *s;

	if (chars < 25)
		return;
	sc = 1 + (commas + 1) + (chars / 100 < 3 ? chars / 100 : 3);
	for (a = n, level = 0; a && level < 5; a = a->parent, level++) {
		if (a->type != XML_ELEMENT_NODE || a->parent == NULL ||
		    a->parent->type != XML_ELEMENT_NODE)
			return;
		if ((s = extract_stat(a)) == NULL)
			return;
		if (!s->scored) {
			init_score(x, a, s);
			if (*ncand < capc)
				cands[(*ncand)++] = a;
		}
		s->score += sc / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
	}
}

/* Text a div holds outside its block children is what Readability wraps
 * in <p>s (one per <br><br> run) before scoring: score each run. */
static void
score_loose(struct extract_ctx *x, xmlNode *n, xmlNode **cands, size_t *ncand,
    size_t capc)
{
	xmlNode *c, *d;
	struct ex_stat *k;
	int chars = 0, commas = 0;

	for (c = n->children; c; c = c->next) {
		int brk = 0;

		if (c->type == XML_TEXT_NODE)
			extract_text_fig(c->content, &chars, &commas);
		else if (c->type != XML_ELEMENT_NODE)
			continue;
		else if (is_block(c))
			brk = 1;
		else if (html_is(c, "br")) {
			for (d = c->next;
			     d && d->type == XML_TEXT_NODE && d->content &&
			     strspn((const char *)d->content, " \t\r\n") ==
			         strlen((const char *)d->content);
			     d = d->next)
				;
			brk = d && html_is(d, "br");
		} else if ((k = extract_stat(c)) != NULL) {
			chars += k->chars;
			commas += k->commas;
		}
		if (brk) {
			add_score(x, n, chars, commas, cands, ncand, capc);
			chars = commas = 0;
		}
	}
	add_score(x, n, chars, commas, cands, ncand, capc);
}

static int
has_block_kid(const xmlNode *n)
{
	const xmlNode *c;

	for (c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && is_block(c))
			return 1;
	return 0;
}

static xmlNode *
body_of(struct extract_ctx *x)
{
	xmlNode *r = xmlDocGetRootElement(x->html), *c;

	for (c = html_first_el(r); c; c = html_next_el(c))
		if (html_is(c, "body"))
			return c;
	return r;
}

static int
nkids_el(const xmlNode *n)
{
	const xmlNode *c;
	int k = 0;

	for (c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			k++;
	return k;
}

static int
sentence_end(const xmlNode *n)
{
	char *t = html_text_dup(n), *p;
	int ok = 0;

	if (t == NULL)
		return 0;
	for (p = t; (p = strchr(p, '.')) != NULL; p++)
		if (p[1] == ' ' || p[1] == '\0') {
			ok = 1;
			break;
		}
	free(t);
	return ok;
}

/* Is cell n in a data table?  Decided once per table. */
static int
in_data_table(const xmlNode *n)
{
	const xmlNode *t;
	struct ex_stat *s;
	int k;

	for (t = n->parent, k = 0; t && k < 4 && !html_is(t, "table");
	     t = t->parent, k++)
		;
	if (t == NULL || !html_is(t, "table") || (s = extract_stat(t)) == NULL)
		return 0;
	if (s->datatable == 0)
		s->datatable = extract_is_data_table(t) ? 1 : -1;
	return s->datatable > 0;
}

/* 1 when a is n or one of its ancestors. */
static int
is_ancestor(const xmlNode *a, const xmlNode *n)
{
	for (; n; n = n->parent)
		if (n == a)
			return 1;
	return 0;
}

/* A sibling that repeats the page's description is the article's lead. */
static int
lead_of(struct extract_ctx *x, const xmlNode *n)
{
	const char *deck = doc_get(x->doc, DOC_DECK);
	char *t;
	int r;

	if (deck == NULL || extract_link_density(n) > 0.2)
		return 0;
	if ((t = html_text_dup(n)) == NULL)
		return 0;
	r = strlen(t) >= 40 && strlen(deck) >= 40 &&
	    (strncmp(t, deck, 40) == 0 || strstr(deck, t) != NULL);
	free(t);
	return r;
}

xmlNode *
extract_pick(struct extract_ctx *x)
{
	xmlNode *body = body_of(x), *n, *top = NULL, *p, *art, *s, *nx;
	xmlNode **cands, *tops[TOP_N];
	size_t ncand = 0, capc, i, j;
	struct ex_stat *st, *ts;
	double ld, thr;

	capc = x->nst + 1;
	if ((cands = malloc(sizeof(*cands) * capc)) == NULL)
		return NULL;
	for (n = body; n; n = html_walk_next(n, body, 0)) {
		const char *t;

		if (n->type != XML_ELEMENT_NODE ||
		    (st = extract_stat(n)) == NULL)
			continue;
		t = html_name(n);
		/* Cells of a data table (a list of names, a price grid) are
		   not article prose: only layout tables' cells score. */
		if (html_tag_is(t, "td") && in_data_table(n))
			continue;
		if (html_tag_is(t, "p") || html_tag_is(t, "pre") ||
		    html_tag_is(t, "td") || html_tag_is(t, "section") ||
		    (is_heading(t) && t[1] != '1')) {
			/* Readability credits the ancestors, not the node. */
			add_score(x, n->parent, st->chars, st->commas, cands,
			    &ncand, capc);
		} else if (html_tag_is(t, "div") || html_tag_is(t, "article") ||
		           html_tag_is(t, "main")) {
			if (!has_block_kid(n)) {
				/* a div of phrasing content reads as a <p> */
				add_score(x, n->parent, st->chars, st->commas,
				    cands, &ncand, capc);
			} else {
				/* loose text beside blocks: virtual <p>s, split
				   at <br><br>, whose parent is this element */
				score_loose(x, n, cands, &ncand, capc);
			}
		}
	}
	/* Scale by link density and keep the best few. */
	memset(tops, 0, sizeof(tops));
	for (i = 0; i < ncand; i++) {
		st = extract_stat(cands[i]);
		st->score *= 1 - extract_link_density(cands[i]);
		for (j = 0; j < TOP_N; j++) {
			if (tops[j] == NULL ||
			    st->score > extract_stat(tops[j])->score) {
				memmove(&tops[j + 1], &tops[j],
				    sizeof(tops[0]) * (TOP_N - j - 1));
				tops[j] = cands[i];
				break;
			}
		}
	}
	free(cands);
	top = tops[0];
	if (top == NULL || top == body)
		return body;
	ts = extract_stat(top);
	/* Several near-best candidates under one ancestor: take it. */
	{
		int nalt = 0;

		for (i = 1; i < TOP_N && tops[i]; i++)
			if (extract_stat(tops[i])->score / ts->score >= 0.75)
				nalt++;
		if (nalt >= 3) {
			for (p = top->parent; p && p != body; p = p->parent) {
				int hits = 0;

				for (i = 1; i < TOP_N && tops[i]; i++) {
					xmlNode *a;

					if (extract_stat(tops[i])->score /
					        ts->score <
					    0.75)
						continue;
					for (a = tops[i]; a; a = a->parent)
						if (a == p) {
							hits++;
							break;
						}
				}
				if (hits >= 3) {
					top = p;
					break;
				}
			}
			ts = extract_stat(top);
			if (!ts->scored)
				init_score(x, top, ts);
		}
	}
	/* A candidate inside a table (a grid of names beside a letter)
	   gives way to the table's own container when that holds prose
	   of its own beside the table: three paragraphs or more, scoring
	   half as well.  A layout table's container holds none. */
	{
		xmlNode *tb, *c;
		int k, np = 0;

		for (tb = top, k = 0; tb && k < 6 && !html_is(tb, "table");
		     tb = tb->parent, k++)
			;
		if (tb && html_is(tb, "table") && (p = tb->parent) != NULL &&
		    p != body && p->type == XML_ELEMENT_NODE &&
		    (st = extract_stat(p)) != NULL && st->scored &&
		    st->score >= ts->score * 0.5 &&
		    extract_link_density(p) < 0.25) {
			for (c = html_first_el(p); c; c = html_next_el(c)) {
				struct ex_stat *cs = extract_stat(c);

				if (html_is(c, "p") && cs && cs->chars >= 80)
					np++;
			}
			if (np >= 3) {
				top = p;
				ts = st;
			}
		}
	}
	/* Climb while the parent scores better. */
	{
		double last = ts->score, sthr = last / 3;

		for (p = top->parent;
		     p && p != body && p->type == XML_ELEMENT_NODE;
		     p = p->parent) {
			st = extract_stat(p);
			if (st == NULL || !st->scored)
				continue;
			if (st->score < sthr)
				break;
			if (st->score > last) {
				top = p;
				break;
			}
			last = st->score;
		}
	}
	while (top->parent && top->parent != body &&
	       top->parent->type == XML_ELEMENT_NODE &&
	       nkids_el(top->parent) == 1)
		top = top->parent;
	ts = extract_stat(top);
	if (!ts->scored)
		init_score(x, top, ts);
	/* Join the siblings that belong to the article. */
	if ((art = xmlNewDocNode(x->html, NULL, BAD_CAST "div", NULL)) == NULL)
		return NULL;
	thr = ts->score * 0.2 > 10 ? ts->score * 0.2 : 10;
	p = top->parent;
	if (p == NULL) {
		xmlFreeNode(art);
		return top;
	}
	for (s = p->children; s; s = nx) {
		int append = 0;
		const char *tc = html_attr(top, "class");

		nx = s->next;
		if (s->type != XML_ELEMENT_NODE)
			continue;
		st = extract_stat(s);
		if (s == top)
			append = 1;
		else if (st) {
			double bonus = 0;
			const char *sc = html_attr(s, "class");

			if (tc && *tc && sc && strcmp(tc, sc) == 0)
				bonus = ts->score * 0.2;
			if (st->scored && st->score + bonus >= thr)
				append = 1;
			else if (st->chars >= 50 && st->chars < 1500 &&
			         lead_of(x, s))
				append = 1;
			else if (html_is(s, "p")) {
				ld = extract_link_density(s);
				if (st->chars > 80 && ld < 0.25)
					append = 1;
				else if (st->chars < 80 && st->chars > 0 &&
				         ld == 0 && sentence_end(s))
					append = 1;
			}
		}
		if (append) {
			xmlUnlinkNode(s);
			xmlAddChild(art, s);
		}
	}
	/* The lead found outside the article goes in front of it. */
	if (x->lead && x->lead->parent) {
		xmlNode *a;

		for (a = x->lead; a && a != art; a = a->parent)
			;
		if (a == NULL && !is_ancestor(x->lead, art) &&
		    !is_ancestor(x->lead, p)) {
			struct ex_stat *ls = extract_stat(x->lead);

			xmlUnlinkNode(x->lead);
			if (art->children)
				xmlAddPrevSibling(art->children, x->lead);
			else
				xmlAddChild(art, x->lead);
			(void)ls;
		}
	}
	/* Keep the new root in the document so xmlFreeDoc frees it; its
	   figures are its children's (kept in x->art_st). */
	xmlAddChild(p, art);
	{
		struct ex_stat *as = &x->art_st, *k;

		memset(as, 0, sizeof(*as));
		for (s = art->children; s; s = s->next) {
			if ((k = extract_stat(s)) == NULL)
				continue;
			as->chars += k->chars;
			as->linkchars += k->linkchars;
			as->commas += k->commas;
			as->np += k->np;
			as->nimg += k->nimg;
			as->nli += k->nli;
			as->ninput += k->ninput;
			as->nembed += k->nembed;
			as->nfig += k->nfig;
			as->headchars += k->headchars;
			as->listchars += k->listchars;
		}
		art->_private = as;
	}
	return art;
}
