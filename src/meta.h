/*
 * meta.h - article metadata: title, deck, byline, site name, language,
 * dates, canonical URL, lead image.  Owned by the meta area (meta.c
 * reads, meta_finish.c settles, meta_title.c / meta_text.c /
 * meta_date.c / meta_jsonld.c are the helpers).
 *
 * The string helpers (dates, title and byline cleanup) are pure and have
 * no libxml2 types, so unit tests call them directly.  meta_read() (in
 * meta.c) reads a parsed page; it is declared in extract.h because it
 * takes libxml2 types.
 */
#ifndef LEDE_META_H
#define LEDE_META_H

#include <stddef.h>

struct meta_date {
	int year, mon, day;
	int hour, min, sec; /* hour < 0: no time */
	int has_tz;
	int tzoff; /* minutes east of UTC */
};

/*
 * Find the first date in free text s ("Posted on : 2023-09-15 15:36 KST",
 * "15. September 2023", "2023년 9월 15일", "2023年9月15日", RFC 822, ISO
 * 8601...).  lang ("en", "de", ...) or NULL settles 01/02/2023 order.
 * Returns a pointer just past the date, or NULL when none is found.
 */
const char *meta_date_scan(
    const char *s, const char *lang, struct meta_date *out);
/* Same, and *start gets where the date begins. */
const char *meta_date_find(
    const char *s, const char *lang, struct meta_date *out, const char **start);
/* Format as ISO 8601: "2023-09-15", "2023-09-15T15:36:00+09:00", or with no
 * offset when none is known.  out needs 32 bytes. */
void meta_date_format(const struct meta_date *d, char *out, size_t n);
/* Scan then format; 0 on success, -1 when s holds no date. */
int meta_date_iso(const char *s, const char *lang, char *out, size_t n);

/* A short text that is mostly one date ("21.01.2022", "<h3>" of a date)
 * as ISO 8601 (new string), or NULL. */
char *meta_date_leaf(const char *s, const char *lang);

/*
 * Dates in a visible line.  Finds the published and modified dates after
 * their labels ("Posted on", "Published", "Updated", "Modified", 등록,
 * 입력, 수정, 発行, 更新, Veröffentlicht, Aktualisiert, Publié, Mis à
 * jour...).  Each out is set to "" when not found.  Returns how many were
 * found.
 */
int meta_date_line(
    const char *s, const char *lang, char *pub, char *mod, size_t n);

/* The headline from a page title: drops a site suffix or prefix
 * ("Headline | Site", "Site - Headline") the way reader modes do.
 * site may be NULL.  Returns a new string (caller frees). */
char *meta_clean_title(const char *title, const char *site);
/* A byline without "By", trailing dates, "staff reporter" roles kept,
 * e.g. "By Jung E-gil, staff reporter" -> "Jung E-gil".  New string or
 * NULL when nothing is left. */
char *meta_clean_byline(const char *s);

/* A title without the site's name on either end: the side of a
 * separator that equals the page's <h1>, or the side that is not the site
 * (its name or its host's label).  site, host and h1 may be NULL.  New
 * string. */
char *meta_title_strip_site(
    const char *title, const char *site, const char *host, const char *h1);
/* Readability's textSimilarity: 1 - (length of b's words missing from a)
 * / (length of b's words), on lowercase word tokens. */
double meta_similarity(const char *a, const char *b);

/* A login name rather than a person's: one lowercase token ("wuff",
 * "admin"). */
int meta_is_handle(const char *s);
/* The agency of a dateline that opens a paragraph, "Hamburg (dpa/lno) -
 * ..." -> "dpa/lno"; new string or NULL. */
char *meta_dateline_agency(const char *s);
/* The credit of a short "Quelle: kathpress" / "Source: Reuters" line;
 * new string or NULL. */
char *meta_source_line(const char *s);
/* The registrable label of a host, folded to lowercase letters and
 * digits: "aerobuzz" of www.aerobuzz.de, "myoos" of foren.myoos.de. */
void meta_host_label(const char *host, char *out, size_t n);
/* Equal once whitespace is folded (og:title that copies <title>). */
int meta_same_text(const char *a, const char *b);
/* Lowercase letters and digits only (UTF-8 bytes kept) into out (sz
 * bytes), for comparisons that ignore punctuation, quotes and dashes. */
void meta_fold(const char *s, size_t n, char *out, size_t sz);
/* The first of the page's <h1>s (two words or more) that is one side of
 * a separator in title ("Headline - Site", "Label: Headline"), or NULL.
 * With other_not_site, only when the other side does not name the site
 * (site name or host label): a tag or a date, not the publisher.  Returns
 * one of h1 (borrowed). */
const char *meta_title_h1_side(const char *title, const char *const *h1,
    size_t nh1, const char *site, const char *host, int other_not_site);

#endif
