/*
 * extract_words.c - the class/id hint words of the extractor and one
 * matcher for all of them: an element's class (or id) is lowercased and
 * scanned once, giving a bit per word set (negative, positive, unlikely,
 * maybe, related, date/meta, byline).  The stats pass stores the bits so
 * that no later pass scans attribute strings again.
 */
#include <ctype.h>
#include <string.h>

#include "extract.h"

struct word {
	const char *w;
	unsigned set;
};

/* Readability's lists (negative, positive, unlikelyCandidates,
 * okMaybeItsACandidate) plus related-story, date and byline hints. */
static const struct word words[] = {
    {"-ad-", W_NEG | W_UNLIKELY},
    {"hidden", W_NEG},
    {"banner", W_NEG | W_UNLIKELY},
    {"combx", W_NEG | W_UNLIKELY},
    {"comment", W_NEG | W_UNLIKELY | W_COMMENT},
    {"com-", W_NEG},
    {"contact", W_NEG},
    {"footer", W_NEG | W_UNLIKELY},
    {"gdpr", W_NEG | W_UNLIKELY},
    {"masthead", W_NEG},
    {"media", W_NEG},
    {"meta", W_NEG | W_META},
    {"outbrain", W_NEG},
    {"promo", W_NEG},
    {"related", W_NEG | W_UNLIKELY | W_REL},
    {"scroll", W_NEG},
    {"share", W_NEG},
    {"shoutbox", W_NEG | W_UNLIKELY},
    {"sidebar", W_NEG | W_UNLIKELY},
    {"skyscraper", W_NEG | W_UNLIKELY},
    {"sponsor", W_NEG | W_UNLIKELY},
    {"shopping", W_NEG},
    {"tags", W_NEG},
    {"widget", W_NEG},
    {"article", W_POS | W_MAYBE},
    {"body", W_POS | W_MAYBE},
    {"content", W_POS | W_MAYBE},
    {"entry", W_POS},
    {"hentry", W_POS},
    {"h-entry", W_POS},
    {"main", W_POS | W_MAYBE},
    {"page", W_POS},
    {"pagination", W_POS | W_UNLIKELY},
    {"post", W_POS | W_META},
    {"text", W_POS},
    {"blog", W_POS},
    {"story", W_POS},
    {"ai2html", W_UNLIKELY},
    {"breadcrumbs", W_UNLIKELY},
    {"community", W_UNLIKELY},
    {"cover-wrap", W_UNLIKELY},
    {"disqus", W_UNLIKELY | W_COMMENT},
    {"extra", W_UNLIKELY},
    {"header", W_UNLIKELY},
    {"legends", W_UNLIKELY},
    {"menu", W_UNLIKELY},
    {"remark", W_UNLIKELY},
    {"replies", W_UNLIKELY | W_COMMENT},
    {"rss", W_UNLIKELY},
    {"social", W_UNLIKELY | W_JUNK},
    {"supplemental", W_UNLIKELY},
    {"ad-break", W_UNLIKELY},
    {"agegate", W_UNLIKELY},
    {"pager", W_UNLIKELY},
    {"popup", W_UNLIKELY},
    {"yom-remote", W_UNLIKELY},
    {"and", W_MAYBE},
    {"column", W_MAYBE},
    {"mathjax", W_MAYBE},
    {"shadow", W_MAYBE},
    {"most-viewed", W_REL},
    {"mostviewed", W_REL},
    {"most_viewed", W_REL},
    {"most-read", W_REL},
    {"mostread", W_REL},
    {"most_read", W_REL},
    {"mostpopular", W_REL},
    {"most-popular", W_REL},
    {"popular", W_REL},
    {"more-from", W_REL},
    {"morefrom", W_REL},
    {"more-stories", W_REL},
    {"morestories", W_REL},
    {"recommend", W_REL},
    {"also-read", W_REL},
    {"trending", W_REL},
    {"read-next", W_REL},
    {"readnext", W_REL},
    {"more-news", W_REL},
    {"relacionad", W_REL},
    {"verwandt", W_REL},
    {"weitere-artikel", W_REL},
    {"date", W_META},
    {"time", W_META},
    {"publish", W_META},
    {"updated", W_META},
    {"info", W_META},
    {"stamp", W_META},
    {"kommentar", W_COMMENT},
    {"commentaire", W_COMMENT},
    {"comentario", W_COMMENT},
    {"komentarz", W_COMMENT},
    {"cookie", W_JUNK},
    {"consent", W_JUNK},
    {"newsletter", W_JUNK},
    {"subscribe", W_JUNK},
    {"signup", W_JUNK},
    {"sign-up", W_JUNK},
    {"copyright", W_JUNK},
    {"rating", W_JUNK},
    {"breadcrumb", W_JUNK},
    {"advert", W_JUNK},
    {"adslot", W_JUNK},
    {"ad-slot", W_JUNK},
    {"ad-container", W_JUNK},
    {"paywall", W_JUNK},
    {"donate", W_JUNK},
    {"privacy", W_JUNK},
    {"login", W_JUNK},
    {"postmetadata", W_JUNK},
    {"entry-meta", W_JUNK},
    {"post-meta", W_JUNK},
    {"entry-footer", W_JUNK},
    {"entry-utility", W_JUNK},
    {"post-footer", W_JUNK},
    {"post-navigation", W_JUNK},
    {"nav-links", W_JUNK},
    {"nav-previous", W_JUNK},
    {"nav-next", W_JUNK},
    {"next-post", W_JUNK},
    {"prev-post", W_JUNK},
    {"membership", W_JUNK},
    {"promo-box", W_JUNK},
    {"subtitle", W_DECK},
    {"sub-title", W_DECK},
    {"standfirst", W_DECK},
    {"dek", W_DECK},
    {"deck", W_DECK},
    {"strapline", W_DECK},
    {"subhead", W_DECK},
    {"summary", W_DECK},
    {"lede", W_DECK},
    {"title", W_TITLE},
    {"headline", W_TITLE},
    {"byline", W_BYLINE | W_META},
    {"author", W_BYLINE},
    {"autor", W_BYLINE},
    {"auteur", W_BYLINE},
    {"dateline", W_BYLINE | W_META},
    {"writtenby", W_BYLINE},
    {"author-bio", W_BIO},
    {"authorbio", W_BIO},
    {"author_bio", W_BIO},
    {"author-box", W_BIO},
    {"authorbox", W_BIO},
    {"author_box", W_BIO},
    {"about-author", W_BIO},
    {"about-the-author", W_BIO},
    {"aboutauthor", W_BIO},
    {"author-description", W_BIO},
    {"author-about", W_BIO},
    {"autorenbox", W_BIO},
    {"autoren-box", W_BIO},
};

#define NWORDS (sizeof(words) / sizeof(words[0]))

/* Words grouped by their first two bytes: a bitmap of those pairs
 * rejects most positions at once, and a small hash of the pairs finds
 * the few words to compare. */
#define NSLOT 512
struct slot {
	unsigned short key, start, n; /* key 0: empty */
};
static unsigned short order[NWORDS];
static unsigned char lens[NWORDS];
static unsigned char pairs[65536 / 8];
static unsigned char lc[256];
static unsigned char tris[65536 / 8]; /* hashed first three bytes */
static struct slot slots[NSLOT];
static int built;

/* The same words as one automaton (Aho-Corasick) over byte classes: a
 * table step per byte of the value, whatever it holds.  Built with the
 * tables above; scan() keeps the pair search when it cannot be. */
#define AC_MAXST 2048
#define AC_NCLS 32
#define AC_NONE 0xffff
#define AC_HID (1u << 31) /* the state ends "hid" */
static unsigned char acls[256]; /* byte -> class; 0: in no word */
static unsigned short ac_next[AC_MAXST][AC_NCLS];
static unsigned ac_out[AC_MAXST];
static int ac_ok;

/* Add w (set its bits) to the trie; 0 when the tables are full. */
static int
ac_add(const char *w, unsigned set, size_t *nst)
{
	unsigned s = 0, c;

	for (; *w; w++) {
		c = acls[(unsigned char)*w];
		if (ac_next[s][c] == AC_NONE) {
			if (*nst == AC_MAXST)
				return 0;
			memset(ac_next[*nst], 0xff, sizeof(ac_next[0]));
			ac_out[*nst] = 0;
			ac_next[s][c] = (unsigned short)(*nst)++;
		}
		s = ac_next[s][c];
	}
	ac_out[s] |= set;
	return 1;
}

static void
ac_build(void)
{
	static unsigned short fail[AC_MAXST], queue[AC_MAXST];
	size_t i, nst = 1, qh = 0, qt = 0;
	unsigned ncls = 1, c, s, u;
	const unsigned char *w;

	/* a class for each byte of the words (all lowercase: a byte
	   lc[] would change could never match), shared by both cases */
	for (i = 0; i <= NWORDS; i++)
		for (w = (const unsigned char *)(i < NWORDS ? words[i].w : "hid");
		     *w; w++) {
			if (lc[*w] != *w)
				return;
			if (acls[*w] == 0) {
				if (ncls == AC_NCLS)
					return;
				acls[*w] = (unsigned char)ncls++;
			}
		}
	for (c = 'A'; c <= 'Z'; c++)
		acls[c] = acls[c + 32];
	memset(ac_next[0], 0xff, sizeof(ac_next[0]));
	ac_out[0] = 0;
	for (i = 0; i < NWORDS; i++)
		if (!ac_add(words[i].w, words[i].set, &nst))
			return;
	if (!ac_add("hid", AC_HID, &nst))
		return;
	/* failure links breadth first; missing steps follow them */
	for (c = 0; c < AC_NCLS; c++) {
		if ((u = ac_next[0][c]) == AC_NONE)
			ac_next[0][c] = 0;
		else {
			fail[u] = 0;
			queue[qt++] = (unsigned short)u;
		}
	}
	while (qh < qt) {
		s = queue[qh++];
		for (c = 0; c < AC_NCLS; c++) {
			if ((u = ac_next[s][c]) == AC_NONE) {
				ac_next[s][c] = ac_next[fail[s]][c];
				continue;
			}
			fail[u] = ac_next[fail[s]][c];
			ac_out[u] |= ac_out[fail[u]];
			queue[qt++] = (unsigned short)u;
		}
	}
	ac_ok = 1;
}

/* scan() through the automaton: the same bits. */
static unsigned
scan_ac(const unsigned char *s)
{
	const unsigned char *p;
	unsigned st = 0, m = 0, o;

	for (p = s; *p; p++) {
		st = ac_next[st][acls[*p]];
		if ((o = ac_out[st]) == 0)
			continue;
		/* Readability's ^hid$ / " hid " as a whole word */
		if ((o & AC_HID) && (p - 2 == s || p[-3] == ' ') &&
		    (p[1] == '\0' || p[1] == ' '))
			m |= W_NEG;
		m |= o & ~AC_HID;
	}
	return m;
}

static unsigned
pair_of(const char *w)
{
	return (unsigned char)w[0] << 8 | (unsigned char)w[1];
}

static unsigned
tri_of(unsigned a, unsigned b, unsigned c)
{
	return ((a << 16 | b << 8 | c) * 2654435761u) >> 16;
}

static struct slot *
slot_of(unsigned key)
{
	unsigned h = (key * 2654435761u) >> 23 & (NSLOT - 1);

	while (slots[h].key != 0 && slots[h].key != key)
		h = (h + 1) & (NSLOT - 1);
	return &slots[h];
}

static void
build(void)
{
	size_t i, j, k = 0;
	unsigned c;

	for (c = 0; c < 256; c++)
		lc[c] = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	for (i = 0; i < NWORDS; i++) {
		const unsigned char *w = (const unsigned char *)words[i].w;
		unsigned t;

		lens[i] = (unsigned char)strlen(words[i].w);
		/* every word has three bytes or more */
		t = tri_of(w[0], w[1], w[2]);
		tris[t >> 3] |= (unsigned char)(1u << (t & 7));
	}
	/* order[]: words with the same pair next to each other */
	for (i = 0; i < NWORDS; i++) {
		struct slot *s = slot_of(pair_of(words[i].w));

		if (s->key != 0)
			continue;
		s->key = (unsigned short)pair_of(words[i].w);
		s->start = (unsigned short)k;
		for (j = i; j < NWORDS; j++)
			if (pair_of(words[j].w) == s->key)
				order[k++] = (unsigned short)j;
		s->n = (unsigned short)(k - s->start);
		pairs[s->key >> 3] |= (unsigned char)(1u << (s->key & 7));
	}
	ac_build();
	built = 1;
}

/* Scan s, lowercasing through a table (class names are short ASCII). */
static unsigned
scan(const unsigned char *s)
{
	const unsigned char *p;
	const struct slot *sl;
	unsigned m = 0, b, t;
	size_t k, i, l;

	if (!built)
		build();
	if (ac_ok)
		return scan_ac(s);
	for (p = s; *p; p++) {
		b = (unsigned)lc[p[0]] << 8 | lc[p[1]];
		/* Readability's ^hid$ / " hid " as a whole word */
		if (b == ('h' << 8 | 'i') && lc[p[2]] == 'd' &&
		    (p == s || p[-1] == ' ') && (p[3] == '\0' || p[3] == ' '))
			m |= W_NEG;
		if (!(pairs[b >> 3] & (1u << (b & 7))))
			continue;
		/* p[1] is a letter here: p[2] is in the string */
		t = tri_of(lc[p[0]], lc[p[1]], lc[p[2]]);
		if (!(tris[t >> 3] & (1u << (t & 7))))
			continue;
		sl = slot_of(b);
		for (k = sl->start; k < (size_t)sl->start + sl->n; k++) {
			const struct word *w = &words[order[k]];

			if ((m & w->set) == w->set)
				continue;
			l = lens[order[k]];
			for (i = 2;
			     i < l && lc[p[i]] == (unsigned char)w->w[i];
			     i++)
				;
			if (i == l)
				m |= w->set;
		}
	}
	return m;
}

unsigned
extract_words(const char *lower)
{
	return lower ? scan((const unsigned char *)lower) : 0;
}

/* Pages repeat the same class names on many elements: remember the
 * bits of recent short values (the words never change, so entries stay
 * true from page to page). */
#define NCACHE 512
#define CACHE_LEN 96
struct centry {
	unsigned char len; /* 0: empty */
	char s[CACHE_LEN];
	unsigned bits;
};
static struct centry cache[NCACHE];

static unsigned
words_of_value(const char *v)
{
	struct centry *e;
	size_t len;
	unsigned h;

	if (v == NULL || v[0] == '\0' || v[1] == '\0' || v[2] == '\0')
		return 0;
	len = strlen(v);
	if (len >= CACHE_LEN)
		return scan((const unsigned char *)v);
	/* length, both ends and the middle tell most values apart */
	h = (unsigned)len * 31u + (unsigned char)v[0];
	h = h * 31u + (unsigned char)v[1];
	h = h * 31u + (unsigned char)v[len / 2];
	h = h * 31u + (unsigned char)v[len - 2];
	h = h * 31u + (unsigned char)v[len - 1];
	e = &cache[(h * 2654435761u) >> 23 & (NCACHE - 1)];
	if (e->len == len && memcmp(e->s, v, len) == 0)
		return e->bits;
	e->bits = scan((const unsigned char *)v);
	memcpy(e->s, v, len);
	e->len = (unsigned char)len;
	return e->bits;
}

unsigned
extract_words_of(const xmlNode *n, const char *attr)
{
	return words_of_value(html_attr(n, attr));
}

/* An attribute's value as html_attr() gives it. */
static const char *
value_of(const xmlAttr *a)
{
	if (a->children == NULL)
		return "";
	if (a->children->type == XML_TEXT_NODE && a->children->content)
		return (const char *)a->children->content;
	return "";
}

void
extract_words_el(const xmlNode *n, unsigned *cw, unsigned *iw, int *ma)
{
	const xmlAttr *a;
	const char *c = NULL, *i = NULL;

	/* class and id in one pass over the attributes (the first of
	   each, as html_attr() finds it), noting meta_read()'s ones */
	*ma = 0;
	if (n && n->type == XML_ELEMENT_NODE)
		for (a = n->properties; a; a = a->next) {
			const char *nm = (const char *)a->name;

			if (nm == NULL)
				continue;
			switch (nm[0]) {
			case 'c':
				if (c == NULL && strcmp(nm, "class") == 0)
					c = value_of(a);
				break;
			case 'i':
				if (i == NULL && nm[1] == 'd' && nm[2] == '\0')
					i = value_of(a);
				else if (strcmp(nm, "itemprop") == 0) {
					if (*ma < 2)
						*ma = 1;
					if (html_icontains(
					        value_of(a), "articlebody"))
						*ma = 2;
				}
				break;
			case 'r':
				if (strcmp(nm, "rel") == 0 && *ma < 2)
					*ma = 1;
				break;
			case 'd':
				if ((strcmp(nm, "data-testid") == 0 ||
				        strcmp(nm, "data-date") == 0) &&
				    *ma < 2)
					*ma = 1;
				break;
			}
		}
	*cw = words_of_value(c);
	*iw = words_of_value(i);
}
