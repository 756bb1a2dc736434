/*
 * extract.h - the reader-mode extractor's internal interface, shared by
 * extract_*.c, meta*.c and article.c.  Holds libxml2 types: include it
 * only from those files.
 *
 * Flow (article.c), each step one pass over the tree or less:
 * extract_stats() (per-element text figures and class/id word bits; it
 * notes the elements meta_read() reads), meta_read() (metadata from the
 * whole page, through those), extract_clean() (drops junk, moves
 * related-story lists to doc->links; extract_remove() keeps the
 * figures of what stays up to date), extract_pick() (scores
 * candidates, joins siblings and the lead), meta_article_time(),
 * extract_tidy() (conditional cleaning inside the article),
 * extract_build() (libxml2 tree -> struct doc blocks), meta_finish().
 * When too little text comes out, article.c retries with fewer rules.
 */
#ifndef LEDE_EXTRACT_H
#define LEDE_EXTRACT_H

#include "doc.h"
#include "html.h"

/* Per-element figures, reached through node->_private. */
struct ex_stat {
	int chars;     /* text length, CJK counted double */
	int linkchars; /* of which inside <a> */
	int commas;
	int np, nimg, nli, ninput, nembed, nfig;
	int headchars; /* text inside h1..h6 */
	int listchars; /* text inside ul/ol */
	int artbody;   /* itemprop=articleBody elements, itself included */
	double score;
	int scored;      /* score initialised */
	unsigned cw, iw; /* word bits of class and id (W_*) */
	int datatable;  /* tables: 0 unknown, 1 data, -1 layout */
};

/* A chunk of stats: one pass hands them out in document order, and
 * node->_private points into them, so chunks never move. */
struct ex_arena {
	struct ex_arena *next;
	size_t n, cap;
	struct ex_stat s[];
};

/* An element meta_read() must look at (whole: and all under it), as
 * the stats pass finds them. */
struct ex_mark {
	xmlNode *n;
	int whole;
};

/* Word sets found in class/id (extract_words.c). */
enum {
	W_NEG = 1 << 0,      /* negative class weight */
	W_POS = 1 << 1,      /* positive class weight */
	W_UNLIKELY = 1 << 2, /* unlikely candidate */
	W_MAYBE = 1 << 3,    /* ...but maybe it is one */
	W_REL = 1 << 4,      /* related-story container */
	W_META = 1 << 5,     /* date/meta line */
	W_BYLINE = 1 << 6,   /* byline */
	W_COMMENT = 1 << 7,  /* reader comments: never the article */
	W_JUNK = 1 << 8,     /* cookie, newsletter, share, ad boxes */
	W_DECK = 1 << 9,     /* subtitle, standfirst */
	W_TITLE = 1 << 10,   /* title, headline */
	W_BIO = 1 << 11,     /* the author's biography box */
};
unsigned extract_words(const char *lower);
unsigned extract_words_of(const xmlNode *n, const char *attr);
/* Both of an element's: class into *cw, id into *iw; *ma is 1 when it
 * has an attribute meta_read() reads on any element (rel, itemprop,
 * data-testid, data-date), 2 when that is itemprop=articleBody. */
void extract_words_el(
    const xmlNode *n, unsigned *cw, unsigned *iw, int *ma);

enum {
	EX_STRIP_UNLIKELY = 1, /* drop unlikely class/id candidates */
	EX_WEIGHT_CLASSES = 2, /* class/id hints in scores */
	EX_CLEAN_COND = 4,     /* conditional cleaning of the article */
	EX_ALL = 7,
	EX_COMPOSE = 8, /* article.c: compose the tree (NFC) after parsing */
};

struct extract_ctx {
	struct doc *doc;
	htmlDocPtr html;
	char *base;       /* base URL: <base href> over the page URL */
	char *page_url;   /* where the page was read, else its canonical URL */
	const char *lang; /* borrowed from doc */
	int flags;
	int fired; /* the EX_* of flags whose rules changed anything */
	struct ex_arena *arena; /* stats, in chunks (extract_stats.c) */
	size_t nst;             /* stats handed out, plus one */
	struct ex_stat art_st;  /* the joined article's figures */
	struct ex_mark *ml; /* what meta_read() reads, in document order */
	size_t nml, capml;
	int ml_ok;          /* ml is complete (else meta_read() walks) */
	char *byline_dom; /* byline found in the page text */
	char *title_dom;  /* the main <h1>, if any */
	char *title_tag;  /* the <title>, cleaned of its site part */
	char *title_raw;  /* the <title> as given (meta.c) */
	char *page_name;  /* a JSON-LD WebPage's name (meta_jsonld.c) */
	char *h1[8];      /* the page's first <h1> texts (meta.c) */
	char *tcls[4];    /* its first texts classed "title" (meta.c) */
	size_t ntcls;
	/* where each <h1> stands: META_H1_* (meta_title.h) */
	unsigned char h1where[8];
	size_t nh1;
	char *byline_rel; /* first rel=author text in the page (meta.c) */
	char *byline_cls[4]; /* byline-class texts in the page (meta.c) */
	size_t nbyline_cls;
	char *byline_agency; /* "dpa" of "Hamburg (dpa) - ..." (build) */
	char *byline_body; /* a "By" line of the body, when one was set */
	xmlNode *lead;    /* a block repeating the description */
};

/* meta.c: fill doc->meta from <head>, JSON-LD, microdata, visible lines.
 * Sets x->base. */
int meta_read(struct extract_ctx *x);
/* meta_finish.c: a <time> inside the article outranks weak page-wide dates. */
void meta_article_time(struct extract_ctx *x, xmlNode *art);
/* meta.c: decode entities left in a string (sites that escape twice). */
char *meta_unescape(const char *s);
/* meta_finish.c: after cleaning, use DOM byline and fill what is missing. */
void meta_finish(struct extract_ctx *x);
/* meta_jsonld.c: read JSON-LD scripts into doc fields with source
 * "json-ld".  Returns how many fields were set. */
int meta_jsonld(struct extract_ctx *x, const char *json, size_t n);

/* extract_stats.c */
int extract_stats(struct extract_ctx *x);
int extract_stats_under(struct extract_ctx *x, xmlNode *root);
struct ex_stat *extract_stat(const xmlNode *n); /* NULL when none */
/* Unlink and free n, taking its figures out of its ancestors'. */
void extract_remove(xmlNode *n);
/* Add one text's figures: characters (CJK double, a run of spaces
 * one) and commas. */
void extract_text_fig(const unsigned char *s, int *chars, int *commas);
/* extract_score.c */
int extract_class_weight(const xmlNode *n);
double extract_link_density(const xmlNode *n);
xmlNode *extract_pick(struct extract_ctx *x);
/* extract_clean.c */
void extract_clean(struct extract_ctx *x);
void extract_tidy(struct extract_ctx *x, xmlNode *article);
int extract_is_data_table(const xmlNode *table);
int extract_is_hidden(const xmlNode *n);
/* extract_related.c: when n starts a related-story block, put its links
 * in doc->links (LINK_RELATED, with the block's label) and return the
 * node the caller must remove (n, its parent, or its next sibling; n goes
 * too).  NULL when n is not one. */
xmlNode *extract_related(struct extract_ctx *x, xmlNode *n);
/* 1 when a short text is a related-story label ("Related", "Weitere
 * Artikel", "관련기사"...). */
int extract_related_label(const char *text);
/* extract_build.c */
int extract_build(struct extract_ctx *x, xmlNode *article);
/* Resolve an image's source (src, data-src, srcset...): new string. */
char *extract_img_src(struct extract_ctx *x, const xmlNode *img);

void extract_release(struct extract_ctx *x);

#endif
