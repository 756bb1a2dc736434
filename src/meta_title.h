/*
 * meta_title.h - where a page's <h1> stands, and the visible headline
 * that beats a <title> written for search engines.  Owned by the title
 * rules (meta_title.c); meta.c notes each <h1>'s place while it reads
 * the page, meta_finish.c asks for the headline.  The rest of the title
 * helpers are declared in meta.h.
 */
#ifndef LEDE_META_TITLE_H
#define LEDE_META_TITLE_H

#include <stddef.h>

struct _xmlNode;

/* Where an <h1> stands, as meta_title_h1_where() finds it.  STORY: in
 * an <article>, under itemprop=headline, or with a "title"/"headline"
 * class, so the article's own; ASIDE: in <nav>, <aside> or <footer>. */
#define META_H1_STORY 0x1u
#define META_H1_ASIDE 0x2u

/* The META_H1_* flags of an <h1> element (walks its ancestors only). */
unsigned meta_title_h1_where(const struct _xmlNode *h1);

/* The article's own <h1> (META_H1_STORY, not aside, two words or more,
 * not the site's name) when title is only the page's <title> and words
 * the same story differently: they share two words of four letters or
 * more, and the <h1> is not the title plus a section label ("Local News
 * | Headline").  where[k] are the flags of h1[k].  Returns one of h1
 * (borrowed) or NULL. */
const char *meta_title_story_h1(const char *title, const char *const *h1,
    const unsigned char *where, size_t nh1, const char *site, const char *host);

/* Does the heading h name what a <title> of labels names ("Feuerwehr
 * Oldenburg - Ausbildung" for "Bootsdienst Ausbildung")?  All the words of
 * one part of title between separators are words of h, that part is not
 * the site's name, and no other part reads as a headline (three words or
 * more, one in lower case) that the heading does not hold. */
int meta_title_labels_in(
    const char *title, const char *h, const char *site, const char *host);

/* Is decl (an og:title...) the <title>'s headline, whole or one side of
 * a separator, with plain quotes and dashes where the <title> has
 * typographic ones?  Then it is a copy of the <title>, not a headline
 * of its own. */
int meta_title_plain_copy(const char *decl, const char *title);

/* Is h1 the same headline as title, with typographic quotes or dashes
 * where title has plain ones ("finished" for „finished“)?  The visible
 * headline keeps the writer's spelling; meta tags often lose it. */
int meta_title_typo_form(const char *title, const char *h1);

#endif
