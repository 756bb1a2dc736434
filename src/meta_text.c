/*
 * meta_text.c - clean metadata strings: a headline out of a page title
 * (no site suffix), a byline without "By" and dates.  Pure string work;
 * see meta.h.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "meta.h"
#include "util.h"

/* Separators between headline and site name, as Readability knows them. */
static const char *const seps[] = {
    " | ",
    " - ",
    " – ",
    " — ",
    " \\ ",
    " / ",
    " > ",
    " » ",
    " · ",
    " :: ",
    NULL,
};

static size_t
words(const char *s, size_t n)
{
	size_t i, w = 0;
	int in = 0;

	for (i = 0; i < n; i++) {
		if (isspace((unsigned char)s[i]))
			in = 0;
		else if (!in) {
			in = 1;
			w++;
		}
	}
	return w;
}

/* Case-insensitive equality of a span with a string, ignoring spaces at
 * the ends. */
static int
span_eq(const char *a, size_t n, const char *b)
{
	while (n && isspace((unsigned char)*a))
		a++, n--;
	while (n && isspace((unsigned char)a[n - 1]))
		n--;
	return b && strlen(b) == n && strncasecmp(a, b, n) == 0;
}

char *
meta_clean_title(const char *title, const char *site)
{
	const char *first = NULL, *last = NULL, *p;
	size_t i, sl = 0, n;
	char *t, *out;

	if (title == NULL || (t = xstrdup_squash(title)) == NULL)
		return NULL;
	n = strlen(t);
	for (i = 0; seps[i]; i++) {
		for (p = t; (p = strstr(p, seps[i])) != NULL; p++) {
			if (first == NULL || p < first)
				first = p;
			if (last == NULL || p > last) {
				last = p;
				sl = strlen(seps[i]);
			}
		}
	}
	if (first == NULL) {
		return t;
	}
	/* A known site name on either end goes, whatever the word count. */
	if (site && span_eq(last + sl, n - (size_t)(last - t) - sl, site)) {
		out = xstrndup(t, (size_t)(last - t));
		free(t);
		return out;
	}
	if (site) {
		size_t k;

		for (i = 0; seps[i]; i++) {
			k = strlen(seps[i]);
			p = strstr(t, seps[i]);
			if (p && span_eq(t, (size_t)(p - t), site)) {
				out = xstrdup(p + k);
				free(t);
				return out;
			}
		}
	}
	/* Headline | Site: keep what precedes the last separator unless
	   that leaves under three words (then the site is first). */
	if (words(t, (size_t)(last - t)) >= 3) {
		out = xstrndup(t, (size_t)(last - t));
	} else {
		size_t k = 0;

		for (i = 0; seps[i]; i++)
			if (strncmp(first, seps[i], strlen(seps[i])) == 0)
				k = strlen(seps[i]);
		if (words(first + k, strlen(first + k)) >= 3)
			out = xstrdup(first + k);
		else
			out = xstrdup(t);
	}
	/* Too short a result: the title was not "headline | site".  As
	   Readability: four words or fewer, unless hierarchical
	   separators (/ > ») show a path and only one part went. */
	if (out && words(out, strlen(out)) <= 4) {
		int hier = strstr(t, " / ") || strstr(t, " > ") ||
		           strstr(t, " » ") || strstr(t, " \\ ");
		size_t seg = 0;

		for (i = 0; seps[i]; i++)
			for (p = t; (p = strstr(p, seps[i])) != NULL; p++)
				seg++;
		if (!hier || words(out, strlen(out)) != words(t, n) - seg - 1) {
			free(out);
			return t;
		}
	}
	free(t);
	return out;
}

static const char *const by_prefix[] = {
    "posted by ",
    "written by: ",
    "view all posts by ",
    "zeige alle beiträge von ",
    "alle beiträge von ",
    "beiträge von ",
    "vom ",
    "articles par ",
    "tous les articles de ",
    "written by ",
    "words by ",
    "story by ",
    "text by ",
    "interview: ",
    "artikel von: ",
    "artikel von ",
    "autorin: ",
    "beitrag von ",
    "beitragvon ",
    "ein beitrag von ",
    "eingestellt von ",
    "veröffentlicht von",
    "geschrieben von ",
    "publié par ",
    "publicado por ",
    "pubblicato da ",
    "posted: ",
    "by: ",
    "by ",
    "von ",
    "par ",
    "door ",
    "por ",
    "autor: ",
    "author: ",
    "auteur : ",
    "auteur: ",
    "text: ",
    "texte : ",
    "기자 ",
    NULL,
};

static int
html_like_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return 0;
}

char *
meta_clean_byline(const char *s)
{
	char *t, *p, *q;
	size_t i, n;
	int again = 1;

	if (s == NULL || (t = xstrdup_squash(s)) == NULL)
		return NULL;
	/* "ByAlex Bozarjian": the label glued to the name by markup */
	if ((t[0] == 'B' || t[0] == 'b') && t[1] == 'y' &&
	    isupper((unsigned char)t[2]) && islower((unsigned char)t[3]))
		memmove(t, t + 2, strlen(t + 2) + 1);
	while (again) {
		again = 0;
		for (i = 0; by_prefix[i]; i++) {
			n = strlen(by_prefix[i]);
			/* a bare "By" with nothing after it */
			if (strlen(t) == n - 1 &&
			    strncasecmp(t, by_prefix[i], n - 1) == 0) {
				free(t);
				return NULL;
			}
			if (strncasecmp(t, by_prefix[i], n) == 0) {
				memmove(t, t + n, strlen(t + n) + 1);
				again = 1;
			}
		}
	}
	/* A photo credit is no byline; a copyright sign before a name
	   goes ("© Kathrin Führes"). */
	{
		static const char *const credit[] = {"foto:", "fotos:",
		    "photo:", "photos:", "bild:", "image:", "crédit photo",
		    NULL};

		for (i = 0; credit[i]; i++)
			if (strncasecmp(t, credit[i], strlen(credit[i])) == 0) {
				free(t);
				return NULL;
			}
		if (strncmp(t, "© ", 3) == 0 || strncmp(t, "(c) ", 4) == 0) {
			n = t[0] == '(' ? 4 : 3;
			memmove(t, t + n, strlen(t + n) + 1);
		}
	}
	/* "Posted on 21 September 2020 by Adi Tzlil": the name after the
	   date.  Else a date line is no byline. */
	{
		static const char *const after[] = {
		    " by ", " von ", " par ", " por ", NULL};
		struct meta_date d;
		const char *de, *ds;

		for (i = 0; after[i]; i++)
			if ((p = strstr(t, after[i])) != NULL &&
			    (de = meta_date_find(t, NULL, &d, &ds)) != NULL &&
			    de <= p) {
				char *r = meta_clean_byline(p + 1);

				free(t);
				return r;
			}
	}
	{
		static const char *const dl[] = {"updated", "posted",
		    "published", "aktualisiert", "veröffentlicht", "publié",
		    "mis à jour", "actualizado", NULL};

		for (i = 0; dl[i]; i++)
			if (strncasecmp(t, dl[i], strlen(dl[i])) == 0) {
				free(t);
				return NULL;
			}
	}
	/* Cut at a date, a separator bar or a "Published"/"Updated" label. */
	{
		struct meta_date d;
		const char *cut[] = {" | ", " Published", " Updated", " Stand",
		    " Aktualisiert", " Veröffentlicht", " Posted", " on ",
		    " - ", " — ", "Email", " email", " Photo", NULL};

		for (i = 0; cut[i]; i++)
			if ((p = strstr(t, cut[i])) != NULL && p > t)
				*p = '\0';
		const char *ds;

		if (meta_date_find(t, NULL, &d, &ds) != NULL && ds > t + 1) {
			static const char *const wd[] = {"Monday", "Tuesday",
			    "Wednesday", "Thursday", "Friday", "Saturday",
			    "Sunday", "Montag", "Dienstag", "Mittwoch",
			    "Donnerstag", "Freitag", "Samstag", "Sonntag",
			    "lundi", "mardi", "mercredi", "jeudi", "vendredi",
			    "samedi", "dimanche", NULL};

			t[ds - t] = '\0';
			/* and the weekday before it: "Thursday, Nov 9" */
			n = strlen(t);
			while (n && (t[n - 1] == ' ' || t[n - 1] == ','))
				t[--n] = '\0';
			for (i = 0; wd[i]; i++) {
				size_t k = strlen(wd[i]);

				if (n > k && t[n - k - 1] == ' ' &&
				    strcasecmp(t + n - k, wd[i]) == 0) {
					t[n - k - 1] = '\0';
					break;
				}
			}
		}
	}
	/* "기자" (reporter) after a Korean name, and e-mail addresses. */
	if ((p = strstr(t, " 기자")) != NULL)
		*p = '\0';
	for (p = t; (p = strchr(p, '@')) != NULL;) {
		char *b = p, *e = p + strcspn(p, " ");

		while (b > t && b[-1] != ' ')
			b--;
		if (b < p) {
			memmove(b, e, strlen(e) + 1);
			p = b;
		} else
			p++;
	}
	/* "@handle" words are not names. */
	for (p = t; (p = strchr(p, '@')) != NULL;) {
		if (p == t || p[-1] == ' ') {
			char *e = p + strcspn(p, " ");

			memmove(p, e, strlen(e) + 1);
		} else
			p++;
	}
	/* Trailing separators: "Limespacer ·", "r23 »". */
	for (;;) {
		size_t l = strlen(t);
		static const char *const tails[] = {
		    "·", "»", "«", "•", "|", "–", "—", NULL};
		int cut = 0;

		while (l && isspace((unsigned char)t[l - 1]))
			t[--l] = '\0';
		for (i = 0; tails[i]; i++) {
			size_t k = strlen(tails[i]);

			if (l >= k && strcmp(t + l - k, tails[i]) == 0) {
				t[l - k] = '\0';
				cut = 1;
			}
		}
		if (!cut)
			break;
	}
	/* A degree after a comma: "Grant Tinsley, PhD". */
	if ((p = strrchr(t, ',')) != NULL) {
		static const char *const deg[] = {"phd", "ph.d.", "md", "m.d.",
		    "msc", "m.sc.", "ma", "mba", "mph", "rd", "rn", "dr.",
		    "prof.", NULL};

		for (q = p + 1; *q == ' '; q++)
			;
		for (i = 0; deg[i]; i++)
			if (strcasecmp(q, deg[i]) == 0)
				break;
		if (deg[i])
			*p = '\0';
	}
	/* A trailing role after a comma: ", staff reporter". */
	if ((p = strrchr(t, ',')) != NULL) {
		static const char *const roles[] = {
		    "reporter",
		    "writer",
		    "correspondent",
		    "editor",
		    "staff",
		    "contributor",
		    "columnist",
		    "redakteur",
		    "korrespondent",
		    "journaliste",
		    "기자",
		    NULL,
		};
		for (i = 0; roles[i]; i++)
			if (strstr(p, roles[i]) || html_like_ci(p, roles[i]))
				break;
		if (roles[i] && strlen(p) < 40)
			*p = '\0';
	}
	/* Trim spaces and trailing punctuation left by the cuts. */
	n = strlen(t);
	while (n && (isspace((unsigned char)t[n - 1]) || t[n - 1] == ',' ||
	                t[n - 1] == '|' || t[n - 1] == '-' || t[n - 1] == ':' ||
	                t[n - 1] == ';'))
		t[--n] = '\0';
	for (q = t; *q == ' ' || *q == ',' || *q == '|'; q++)
		;
	/* A bare label is no name. */
	if (*q == '\0' || strcasecmp(q, "posted") == 0 ||
	    strcasecmp(q, "by") == 0 || strcasecmp(q, "author") == 0 ||
	    strcasecmp(q, "autor") == 0 || strcasecmp(q, "name") == 0) {
		free(t);
		return NULL;
	}
	p = xstrdup(q);
	free(t);
	return p;
}

/* Lowercase word tokens of s, each NUL-terminated in out; count. */
static size_t
tokens(const char *s, char *out, size_t sz, const char **v, size_t maxv)
{
	size_t n = 0, o = 0;
	int in = 0;

	for (; *s && o + 1 < sz; s++) {
		unsigned char c = (unsigned char)*s;

		if (isalnum(c) || c >= 0x80 || c == '_') {
			if (!in) {
				if (n == maxv)
					break;
				v[n++] = out + o;
				in = 1;
			}
			out[o++] = (char)tolower(c);
		} else if (in) {
			out[o++] = '\0';
			in = 0;
		}
	}
	out[o] = '\0';
	return n;
}

double
meta_similarity(const char *a, const char *b)
{
	char ba[2048], bb[2048];
	const char *ta[256], *tb[256];
	size_t na, nb, i, j, lall = 0, luniq = 0;

	if (a == NULL || b == NULL)
		return 0;
	na = tokens(a, ba, sizeof(ba), ta, 256);
	nb = tokens(b, bb, sizeof(bb), tb, 256);
	if (na == 0 || nb == 0)
		return 0;
	for (i = 0; i < nb; i++) {
		int found = 0;

		for (j = 0; j < na && !found; j++)
			found = strcmp(tb[i], ta[j]) == 0;
		lall += strlen(tb[i]) + (i > 0);
		if (!found)
			luniq += strlen(tb[i]) + (luniq > 0);
	}
	return 1.0 - (double)luniq / (double)lall;
}

/* Does a title segment name the site (its name or its host)? */
static int
names_site(const char *seg, size_t n, const char *site, const char *host)
{
	char a[512], b[512];

	meta_fold(seg, n, a, sizeof(a));
	if (a[0] == '\0')
		return 0;
	if (site) {
		meta_fold(site, strlen(site), b, sizeof(b));
		if (b[0] &&
		    (strcmp(a, b) == 0 || (strlen(b) >= 4 && strstr(a, b) &&
		                              strlen(a) < strlen(b) + 12)))
			return 1;
	}
	if (host) {
		/* the registrable label: "aerobuzz" of aerobuzz.de; the
		   segment names the site when it holds it with little more,
		   or starts with it ("MyOOS Community Forum") */
		meta_host_label(host, b, sizeof(b));
		if (strlen(b) >= 4 && strstr(a, b) &&
		    (strlen(a) < strlen(b) + 12 ||
		        strncmp(a, b, strlen(b)) == 0))
			return 1;
	}
	return 0;
}

static char *
meta_title_strip_site_once(const char *title, const char *cut)
{
	return xstrndup(title, (size_t)(cut - title));
}

char *
meta_title_strip_site(
    const char *title, const char *site, const char *host, const char *h1)
{
	static const char *const sp[] = {
	    " | ",
	    " - ",
	    " – ",
	    " — ",
	    " :: ",
	    " » ",
	    " · ",
	    " / ",
	    " : ",
	    " • ",
	    " › ",
	    NULL,
	};
	const char *p, *best;
	size_t i, bl, n;
	char a[1024], b[1024];

	if (title == NULL)
		return NULL;
	n = strlen(title);
	/* The visible headline on one side of a separator wins. */
	if (h1 && *h1) {
		meta_fold(h1, strlen(h1), b, sizeof(b));
		for (i = 0; sp[i] && b[0]; i++) {
			for (p = title; (p = strstr(p, sp[i])) != NULL; p++) {
				meta_fold(
				    title, (size_t)(p - title), a, sizeof(a));
				if (strcmp(a, b) == 0)
					return xstrndup(
					    title, (size_t)(p - title));
				meta_fold(p + strlen(sp[i]), n, a, sizeof(a));
				if (strcmp(a, b) == 0)
					return xstrdup(p + strlen(sp[i]));
			}
		}
	}
	/* The last separator, if what follows names the site. */
	best = NULL;
	bl = 0;
	for (i = 0; sp[i]; i++)
		for (p = title; (p = strstr(p, sp[i])) != NULL; p++)
			if (best == NULL || p > best) {
				best = p;
				bl = strlen(sp[i]);
			}
	if (best && best > title &&
	    names_site(best + bl, n - (size_t)(best - title) - bl, site, host))
		return meta_title_strip_site_once(title, best);
	/* Or the first, if what precedes names it. */
	best = NULL;
	for (i = 0; sp[i]; i++)
		if ((p = strstr(title, sp[i])) != NULL &&
		    (best == NULL || p < best)) {
			best = p;
			bl = strlen(sp[i]);
		}
	if (best && names_site(title, (size_t)(best - title), site, host) &&
	    strlen(best + bl) > 0) {
		/* "Site » Blog Archiv » Headline": after the site's name, a
		   breadcrumb path ends with the page. */
		const char *h = best + bl, *q, *lastp = NULL;

		for (q = h; (q = strstr(q, " » ")) != NULL; q++)
			lastp = q;
		if (lastp && words(lastp + 4, strlen(lastp + 4)) >= 2)
			return xstrdup(lastp + strlen(" » "));
		return xstrdup(h);
	}
	/* The site's name inside: "Headline : Site | Tagline | Since
	   2005": the headline is what precedes it. */
	for (p = title; *p; p++) {
		for (i = 0; sp[i]; i++) {
			size_t k = strlen(sp[i]), e;
			const char *seg;

			if (strncmp(p, sp[i], k) != 0)
				continue;
			seg = p + k;
			e = strlen(seg);
			for (bl = 0; sp[bl]; bl++) {
				const char *nx = strstr(seg, sp[bl]);

				if (nx && (size_t)(nx - seg) < e)
					e = (size_t)(nx - seg);
			}
			if (e < strlen(seg) && names_site(seg, e, site, host) &&
			    words(title, (size_t)(p - title)) >= 2)
				return xstrndup(title, (size_t)(p - title));
		}
	}
	return xstrdup(title);
}

int
meta_is_handle(const char *s)
{
	const char *p;

	if (s == NULL)
		return 0;
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '\0')
		return 0;
	for (p = s; *p; p++) {
		if (isspace((unsigned char)*p)) {
			/* only trailing space */
			while (isspace((unsigned char)*p))
				p++;
			return *p == '\0';
		}
		if (isupper((unsigned char)*p) || (unsigned char)*p >= 0x80)
			return 0;
	}
	return 1;
}

char *
meta_dateline_agency(const char *s)
{
	const char *o, *c, *p;
	size_t i;

	if (s == NULL)
		return NULL;
	/* A place: one to three capitalised words, then " (". */
	if (!isupper((unsigned char)*s) && (unsigned char)*s < 0xc3)
		return NULL;
	if ((o = strstr(s, " (")) == NULL || o - s > 40)
		return NULL;
	for (p = s, i = 0; p < o; p++)
		if (*p == ' ')
			i++;
	if (i > 2)
		return NULL;
	o += 2;
	if ((c = strchr(o, ')')) == NULL || c - o < 2 || c - o > 16)
		return NULL;
	/* The agency: letters and slashes only ("dpa", "AFP", "APA/AP"). */
	for (p = o; p < c; p++)
		if (!isalpha((unsigned char)*p) && *p != '/')
			return NULL;
	/* Then a dash: the dateline's end. */
	p = c + 1;
	while (*p == ' ')
		p++;
	if (strncmp(p, "-", 1) != 0 && strncmp(p, "–", strlen("–")) != 0 &&
	    strncmp(p, "—", strlen("—")) != 0)
		return NULL;
	return xstrndup(o, (size_t)(c - o));
}

char *
meta_source_line(const char *s)
{
	static const char *const lab[] = {
	    "Quelle: ", "Source: ", "Source : ", "Fuente: ", NULL};
	size_t i, k, n;

	if (s == NULL)
		return NULL;
	for (i = 0; lab[i]; i++) {
		k = strlen(lab[i]);
		if (strncmp(s, lab[i], k) != 0)
			continue;
		n = strlen(s + k);
		while (n && (isspace((unsigned char)s[k + n - 1]) ||
		                s[k + n - 1] == '.'))
			n--;
		/* a name, not a sentence */
		if (n == 0 || n > 40 || words(s + k, n) > 4)
			return NULL;
		return xstrndup(s + k, n);
	}
	return NULL;
}
