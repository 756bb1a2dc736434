/*
 * article.c - the pipeline from bytes to a struct doc: charset_decode()
 * to UTF-8, libxml2 parse, metadata, reader-mode extraction (clean,
 * score, tidy, build).  When the first pass finds too little text it
 * tries again with fewer rules, as Readability does, and keeps the best.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article.h"
#include "charset.h"
#include "extract.h"
#include "html_strip.h"
#include "plain_text.h"
#include "nfc.h"
#include "util.h"

#define ARTICLE_MIN_CHARS 500 /* below this, retry with fewer rules */

void
extract_release(struct extract_ctx *x)
{
	size_t i;

	while (x->arena) {
		struct ex_arena *nx = x->arena->next;

		free(x->arena);
		x->arena = nx;
	}
	free(x->ml);
	free(x->base);
	free(x->page_url);
	for (i = 0; i < x->ntcls; i++)
		free(x->tcls[i]);
	free(x->byline_dom);
	free(x->title_dom);
	free(x->title_tag);
	free(x->title_raw);
	free(x->page_name);
	free(x->byline_rel);
	for (i = 0; i < x->nbyline_cls; i++)
		free(x->byline_cls[i]);
	free(x->byline_agency);
	free(x->byline_body);
	for (i = 0; i < x->nh1; i++)
		free(x->h1[i]);
	memset(x, 0, sizeof(*x));
}

static struct doc *
run(const char *utf8, size_t n, const struct article_opts *o, int flags,
    int *page_chars, int *fired, struct lede_err *err)
{
	struct extract_ctx x;
	struct doc *d;
	xmlNode *art;

	memset(&x, 0, sizeof(x));
	if ((d = doc_new()) == NULL) {
		err_set(err, LEDE_ENOMEM, "out of memory");
		return NULL;
	}
	if (o && o->url)
		doc_set(d, DOC_URL, o->url, "input");
	if ((x.html = html_parse(utf8, n, err)) == NULL) {
		doc_free(d);
		return NULL;
	}
	if (flags & EX_COMPOSE)
		html_compose(x.html);
	x.doc = d;
	x.flags = flags & ~EX_COMPOSE;
	if (extract_stats(&x) == -1 || meta_read(&x) == -1)
		goto nomem;
	if (page_chars) {
		const struct ex_stat *rs =
		    extract_stat(xmlDocGetRootElement(x.html));

		*page_chars = rs ? rs->chars : 0;
	}
	extract_clean(&x); /* keeps the figures up to date */
	if ((art = extract_pick(&x)) == NULL)
		goto nomem;
	meta_article_time(&x, art);
	extract_tidy(&x, art);
	extract_build(&x, art);
	meta_finish(&x);
	*fired = x.fired;
	html_free(x.html);
	extract_release(&x);
	return d;
nomem:
	html_free(x.html);
	extract_release(&x);
	doc_free(d);
	err_set(err, LEDE_ENOMEM, "out of memory");
	return NULL;
}

static size_t
text_len(const struct doc *d)
{
	char *t = doc_body_text(d);
	size_t n = t ? strlen(t) : 0;

	free(t);
	return n;
}

struct doc *
article_from_html(const char *utf8, size_t n, const struct article_opts *o,
    struct lede_err *err)
{
	static const int tries[] = {
	    EX_ALL,
	    EX_ALL & ~EX_STRIP_UNLIKELY,
	    EX_CLEAN_COND,
	    0,
	};
	struct doc *best = NULL, *d;
	size_t i, bl = 0, l;
	int page = 0, fired = 0, used = 0, compose;

	if (utf8 == NULL || n == 0) {
		err_set(err, LEDE_EINPUT, "empty page");
		return NULL;
	}
	/* A page with text to compose (NFC) has its tree composed after
	   each parse, so that its title, headings and text compare alike
	   wherever they come from; not its source, whose markup and URLs
	   composing could change.  doc.c composes the rest (text that
	   character references make). */
	compose = nfc_needed(utf8, n);

	for (i = 0; i < sizeof(tries) / sizeof(tries[0]); i++) {
		/* Each try drops rules; when none of the rules it drops
		   changed anything in the last pass, it would find the same
		   article again: no second parse for it. */
		if (i > 0 && (tries[i] & (used & fired)) == (used & fired))
			continue;
		used = tries[i];
		if ((d = run(utf8, n, o, tries[i] | (compose ? EX_COMPOSE : 0),
		         i == 0 ? &page : NULL, &fired, err)) == NULL)
			break;
		l = text_len(d);
		if (best == NULL || l > bl) {
			doc_free(best);
			best = d;
			bl = l;
		} else
			doc_free(d);
		/* Enough text, or a page too short for any pass to find
		   more: no retry. */
		if (bl >= ARTICLE_MIN_CHARS || page < ARTICLE_MIN_CHARS)
			break;
	}
	return best;
}

struct doc *
article_from_bytes(const char *bytes, size_t n, const struct article_opts *o,
    struct lede_err *err)
{
	struct charset_result cr;
	struct doc *d;

	if (bytes == NULL || n == 0) {
		err_set(err, LEDE_EINPUT, "empty page");
		return NULL;
	}
	memset(&cr, 0, sizeof(cr));
	if (charset_decode(bytes, n, o ? o->encoding : NULL,
	        o ? o->content_type : NULL, &cr, err) == -1)
		return NULL;
	if (plain_text_is(cr.utf8, cr.len, o ? o->content_type : NULL)) {
		size_t hl, i;
		char *h;

		for (i = 0; i < cr.len && isspace((unsigned char)cr.utf8[i]);
		     i++)
			;
		if (i == cr.len || cr.len > PLAIN_TEXT_MAX) {
			free(cr.utf8);
			err_set(err, LEDE_EINPUT, i == cr.len ? "a blank page" :
			    "plain text over 16 MiB");
			return NULL;
		}
		if ((h = plain_text_html(cr.utf8, cr.len, &hl)) == NULL) {
			free(cr.utf8);
			err_set(err, LEDE_ENOMEM, "out of memory");
			return NULL;
		}
		d = article_from_html(h, hl, o, err);
		free(h);
	} else {
		/* The page's code is a third of its bytes and never read. */
		cr.len = html_strip_code(cr.utf8, cr.len);
		cr.utf8[cr.len] = '\0';
		d = article_from_html(cr.utf8, cr.len, o, err);
	}
	if (d) {
		/* The label the page gave, unless its bytes said otherwise
		   (<meta charset=utf-8> on windows-1251). */
		const char *l = cr.label[0] ? charset_lookup(cr.label) : NULL;
		int kept = l && strcasecmp(l, cr.name) == 0;

		d->charset = xstrdup(kept ? cr.label : cr.name);
		d->charset_source = xstrdup(kept || !cr.label[0] ? cr.source :
		    "sniff");
	}
	free(cr.utf8);
	return d;
}
