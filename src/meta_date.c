/*
 * meta_date.c - find and normalise dates in free text: ISO 8601, RFC 822,
 * English, German, French, Spanish, Polish month names, Korean (년 월 일),
 * Japanese and Chinese (年月日), with times and zone names.  The output is
 * ISO 8601 with an offset only when the page gave one.  See meta.h.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "meta.h"
#include "util.h"

struct month {
	const char *name;
	int mon;
};

/* Longest names first inside each language so prefixes do not win. */
static const struct month months[] = {
    {"january", 1},
    {"february", 2},
    {"march", 3},
    {"april", 4},
    {"may", 5},
    {"june", 6},
    {"july", 7},
    {"august", 8},
    {"september", 9},
    {"october", 10},
    {"november", 11},
    {"december", 12},
    {"sept", 9},
    {"januar", 1},
    {"jänner", 1},
    {"februar", 2},
    {"märz", 3},
    {"mai", 5},
    {"juni", 6},
    {"juli", 7},
    {"oktober", 10},
    {"dezember", 12},
    {"janvier", 1},
    {"février", 2},
    {"fevrier", 2},
    {"mars", 3},
    {"avril", 4},
    {"juin", 6},
    {"juillet", 7},
    {"août", 8},
    {"aout", 8},
    {"septembre", 9},
    {"octobre", 10},
    {"novembre", 11},
    {"décembre", 12},
    {"decembre", 12},
    {"enero", 1},
    {"febrero", 2},
    {"marzo", 3},
    {"abril", 4},
    {"mayo", 5},
    {"junio", 6},
    {"julio", 7},
    {"agosto", 8},
    {"septiembre", 9},
    {"setiembre", 9},
    {"octubre", 10},
    {"noviembre", 11},
    {"diciembre", 12},
    {"stycznia", 1},
    {"lutego", 2},
    {"marca", 3},
    {"kwietnia", 4},
    {"maja", 5},
    {"czerwca", 6},
    {"lipca", 7},
    {"sierpnia", 8},
    {"września", 9},
    {"października", 10},
    {"listopada", 11},
    {"grudnia", 12},
    {"gennaio", 1},
    {"febbraio", 2},
    {"aprile", 4},
    {"maggio", 5},
    {"giugno", 6},
    {"luglio", 7},
    {"settembre", 9},
    {"ottobre", 10},
    {"dicembre", 12},
    /* Three-letter forms last: "mar" must not shadow "march". */
    {"jan", 1},
    {"feb", 2},
    {"mar", 3},
    {"apr", 4},
    {"jun", 6},
    {"jul", 7},
    {"aug", 8},
    {"sep", 9},
    {"oct", 10},
    {"nov", 11},
    {"dec", 12},
    {"okt", 10},
    {"dez", 12},
    {"mär", 3},
    {"févr", 2},
    {"janv", 1},
    {"avr", 4},
    {"juil", 7},
    {"déc", 12},
};

struct zone {
	const char *name;
	int off;
};

static const struct zone zones[] = {
    {"UTC", 0},
    {"GMT", 0},
    {"KST", 540},
    {"JST", 540},
    {"HKT", 480},
    {"SGT", 480},
    {"EST", -300},
    {"EDT", -240},
    {"CST", -360},
    {"CDT", -300},
    {"MST", -420},
    {"MDT", -360},
    {"PST", -480},
    {"PDT", -420},
    {"BST", 60},
    {"CET", 60},
    {"CEST", 120},
    {"MEZ", 60},
    {"MESZ", 120},
    {"EET", 120},
    {"EEST", 180},
    {"AEST", 600},
    {"AEDT", 660},
    {"IST", 330},
    {"WIB", 420},
};

static int
is_alpha_u(const unsigned char *p)
{
	return isalpha(*p) || *p >= 0xc0;
}

/* Month name at p (case-insensitive); sets *len.  A word must end there. */
static int
month_at(const char *p, size_t *len)
{
	size_t i, n;
	int c = tolower((unsigned char)*p);

	/* Every month name starts with one of these letters. */
	if (strchr("jfmasondegklwcp", c) == NULL || c == '\0')
		return 0;
	for (i = 0; i < sizeof(months) / sizeof(months[0]); i++) {
		if (tolower((unsigned char)months[i].name[0]) != c)
			continue;
		n = strlen(months[i].name);
		if (strncasecmp(p, months[i].name, n) != 0)
			continue;
		/* Allow "Sept." and stop at a letter (so "mayor" fails). */
		if (is_alpha_u((const unsigned char *)p + n))
			continue;
		*len = n + (p[n] == '.');
		return months[i].mon;
	}
	return 0;
}

/* Digits at p (1..maxd of them); -1 when none.  *len gets the count. */
static int
num_at(const char *p, int maxd, size_t *len)
{
	int v = 0, i = 0;

	while (i < maxd && isdigit((unsigned char)p[i]))
		v = v * 10 + (p[i++] - '0');
	if (i == 0 || isdigit((unsigned char)p[i]))
		return -1;
	*len = (size_t)i;
	return v;
}

static int
valid(int y, int m, int d)
{
	return y >= 1970 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static const char *
skip_sp(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
	       ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0))
		p += ((unsigned char)*p == 0xc2) ? 2 : 1;
	return p;
}

static int
lit(const char *p, const char *s)
{
	return strncmp(p, s, strlen(s)) == 0;
}

/* Zone after a time: Z, +09:00, +0900, GMT+9, KST, (KST). */
static const char *
parse_zone(const char *p, struct meta_date *d)
{
	const char *q = skip_sp(p);
	size_t i, n, l;
	int h, m = 0, sign;

	if (*q == '(')
		q++;
	if (*q == 'Z' && !isalpha((unsigned char)q[1])) {
		d->has_tz = 1;
		d->tzoff = 0;
		return q + 1;
	}
	for (i = 0; i < sizeof(zones) / sizeof(zones[0]); i++) {
		n = strlen(zones[i].name);
		if (strncmp(q, zones[i].name, n) == 0 &&
		    !isalpha((unsigned char)q[n])) {
			d->has_tz = 1;
			d->tzoff = zones[i].off;
			q += n;
			if (*q != '+' && *q != '-')
				return *q == ')' ? q + 1 : q;
			break;
		}
	}
	if ((*q == '+' || *q == '-') && isdigit((unsigned char)q[1])) {
		sign = *q == '-' ? -1 : 1;
		q++;
		if ((h = num_at(q, 4, &l)) < 0)
			return p;
		if (l == 4) {
			m = h % 100;
			h /= 100;
		} else if (l <= 2 && q[l] == ':') {
			q += l + 1;
			if ((m = num_at(q, 2, &l)) < 0)
				return p;
		} else if (l == 3)
			return p;
		q += l;
		if (h > 14 || m > 59)
			return p;
		d->has_tz = 1;
		d->tzoff = sign * (h * 60 + m);
		return *q == ')' ? q + 1 : q;
	}
	return d->has_tz ? q : p;
}

/* Time after a date: [T| |, |at |à |um |- ]HH:MM[:SS][.frac][ am|pm][ Uhr]. */
static const char *
parse_time(const char *p, struct meta_date *d)
{
	const char *q = p, *r;
	size_t l;
	int h, m, s = 0;

	if (*q == 'T')
		q++;
	else {
		for (;;) {
			r = skip_sp(q);
			if (*r == ',' || *r == '|' || *r == '-' || *r == '/')
				r++;
			r = skip_sp(r);
			if (lit(r, "at ") || lit(r, "um "))
				r += 3;
			else if (lit(r, "à "))
				r += 3;
			else if (lit(r, "a las "))
				r += 6;
			if (r == q)
				break;
			q = r;
		}
	}
	if ((h = num_at(q, 2, &l)) < 0 || h > 23)
		return p;
	q += l;
	if (*q != ':' && *q != 'h' && *q != 'H' && *q != '.')
		return p;
	q++;
	if ((m = num_at(q, 2, &l)) < 0 || l != 2 || m > 59)
		return p;
	q += l;
	if (*q == ':' && (s = num_at(q + 1, 2, &l)) >= 0 && s < 61) {
		q += 1 + l;
		if (*q == '.' || *q == ',')
			for (q++; isdigit((unsigned char)*q); q++)
				;
	} else
		s = 0;
	r = skip_sp(q);
	if ((strncasecmp(r, "pm", 2) == 0 || strncasecmp(r, "p.m.", 4) == 0)) {
		if (h < 12)
			h += 12;
		q = r + (r[1] == '.' ? 4 : 2);
	} else if (strncasecmp(r, "am", 2) == 0 ||
	           strncasecmp(r, "a.m.", 4) == 0) {
		if (h == 12)
			h = 0;
		q = r + (r[1] == '.' ? 4 : 2);
	}
	r = skip_sp(q);
	if (lit(r, "Uhr"))
		q = r + 3;
	d->hour = h;
	d->min = m;
	d->sec = s;
	return parse_zone(q, d);
}

static int
digit_before(const char *s, const char *p)
{
	return p > s && isdigit((unsigned char)p[-1]);
}

/* Try every date form at p; return end or NULL. */
static const char *
date_at(const char *s, const char *p, const char *lang, struct meta_date *d)
{
	size_t l1, l2, l3, ml;
	int a, b, c, mon;
	const char *q;

	memset(d, 0, sizeof(*d));
	d->hour = -1;
	if (isdigit((unsigned char)*p) && !digit_before(s, p)) {
		a = num_at(p, 4, &l1);
		if (a < 0)
			return NULL;
		q = p + l1;
		if (l1 == 4) {
			/* 2023-09-15, 2023/9/15, 2023.09.15, 2023년 9월 15일,
			   2023年9月15日 */
			const char *sep = q;
			int cjk = 0;

			if (lit(q, "년"))
				q += 3, cjk = 1;
			else if (lit(q, "年"))
				q += 3, cjk = 2;
			else if (*q == '-' || *q == '/' || *q == '.')
				q++;
			else
				return NULL;
			q = cjk ? skip_sp(q) : q;
			if ((b = num_at(q, 2, &l2)) < 0)
				return NULL;
			q += l2;
			if (cjk == 1 && lit(q, "월"))
				q = skip_sp(q + 3);
			else if (cjk == 2 && lit(q, "月"))
				q += 3;
			else if (!cjk && *q == *sep)
				q++;
			else
				return NULL;
			if ((c = num_at(q, 2, &l3)) < 0)
				return NULL;
			q += l3;
			if (cjk == 1 && lit(q, "일"))
				q += 3;
			else if (cjk == 2 && lit(q, "日"))
				q += 3;
			else if (*q == '.' && *sep == '.' &&
			         !isdigit((unsigned char)q[1]))
				q++;
			if (!valid(a, b, c))
				return NULL;
			d->year = a, d->mon = b, d->day = c;
			if (cjk) {
				/* "(금) 15:36" or "오후 3:36": skip weekday */
				const char *r = skip_sp(q);

				if (*r == '(') {
					const char *e = strchr(r, ')');

					if (e && e - r < 12)
						q = e + 1;
				}
			}
			return parse_time(q, d);
		}
		if (l1 > 2)
			return NULL;
		/* 15. September 2023, 15 Sep 2023, 1er mars 2023,
		   15 de septiembre de 2023 */
		q = p + l1;
		if (*q == '.')
			q++;
		else if (lit(q, "er"))
			q += 2;
		else if (lit(q, "st") || lit(q, "nd") || lit(q, "rd") ||
		         lit(q, "th"))
			q += 2;
		{
			const char *r = skip_sp(q);

			if (lit(r, "de "))
				r += 3;
			if ((mon = month_at(r, &ml)) > 0 && r != q) {
				r = skip_sp(r + ml);
				if (*r == ',')
					r = skip_sp(r + 1);
				if (lit(r, "de "))
					r += 3;
				if ((c = num_at(r, 4, &l3)) < 0 || l3 != 4 ||
				    !valid(c, mon, a))
					return NULL;
				d->year = c, d->mon = mon, d->day = a;
				return parse_time(r + l3, d);
			}
		}
		/* 15.09.2023, 15/09/2023, 09/15/2023, 15-09-2023 */
		q = p + l1;
		if (*q != '.' && *q != '/' && *q != '-')
			return NULL;
		{
			char sep = *q++;

			if ((b = num_at(q, 2, &l2)) < 0 || q[l2] != sep)
				return NULL;
			q += l2 + 1;
			if ((c = num_at(q, 4, &l3)) < 0 || l3 != 4)
				return NULL;
			q += l3;
			if (sep == '/' && b <= 12 && a <= 12 &&
			    (lang == NULL || strncasecmp(lang, "en", 2) == 0))
				d->mon = a, d->day = b;
			else if (a <= 12 && b > 12)
				d->mon = a, d->day = b;
			else
				d->mon = b, d->day = a;
			d->year = c;
			if (!valid(d->year, d->mon, d->day))
				return NULL;
			return parse_time(q, d);
		}
	}
	/* September 15, 2023 / Sep. 15 2023 / Fri, 15 Sep 2023 handled
	   above via the day-first branch once the weekday is skipped. */
	if ((p == s || !is_alpha_u((const unsigned char *)p - 1)) &&
	    (mon = month_at(p, &ml)) > 0) {
		q = skip_sp(p + ml);
		if ((a = num_at(q, 2, &l1)) < 0)
			return NULL;
		q += l1;
		if (lit(q, "st") || lit(q, "nd") || lit(q, "rd") ||
		    lit(q, "th"))
			q += 2;
		if (*q == ',')
			q++;
		q = skip_sp(q);
		if ((c = num_at(q, 4, &l3)) < 0 || l3 != 4 || !valid(c, mon, a))
			return NULL;
		d->year = c, d->mon = mon, d->day = a;
		return parse_time(q + l3, d);
	}
	return NULL;
}

/* "10:48, Tue, Nov 19, 2019": a time just before the date (and its
 * weekday) belongs to it. */
static void
time_before(const char *s, const char *p, struct meta_date *d)
{
	const char *q = p;
	int n = 0;

	/* back over spaces, commas and one weekday word */
	while (q > s && n < 16 &&
	       (q[-1] == ' ' || q[-1] == ',' || isalpha((unsigned char)q[-1]) ||
	           q[-1] == '.'))
		q--, n++;
	while (q > s && (q[-1] == ' ' || q[-1] == ','))
		q--;
	/* q ends a "HH:MM" (optionally "am"/"pm" was skipped as letters) */
	if (q - s >= 4 && isdigit((unsigned char)q[-1]) &&
	    isdigit((unsigned char)q[-2]) && q[-3] == ':' &&
	    isdigit((unsigned char)q[-4])) {
		const char *h = q - 4;
		struct meta_date t = *d;

		if (h > s && isdigit((unsigned char)h[-1]))
			h--;
		if (parse_time(h, &t) != h && t.hour >= 0) {
			d->hour = t.hour;
			d->min = t.min;
			d->sec = t.sec;
		}
	}
}

const char *
meta_date_scan(const char *s, const char *lang, struct meta_date *out)
{
	const char *start;

	return meta_date_find(s, lang, out, &start);
}

const char *
meta_date_find(
    const char *s, const char *lang, struct meta_date *out, const char **start)
{
	const char *p, *e;

	if (s == NULL)
		return NULL;
	/* Compact ISO 8601 basic form: 20230915 or 20230915T153600Z. */
	if (strlen(s) >= 8 && isdigit((unsigned char)s[0])) {
		int i, ok = 1;

		for (i = 0; i < 8; i++)
			ok &= isdigit((unsigned char)s[i]) != 0;
		if (ok && !isdigit((unsigned char)s[8])) {
			int y = atoi((char[]){s[0], s[1], s[2], s[3], 0});
			int m = atoi((char[]){s[4], s[5], 0});
			int d = atoi((char[]){s[6], s[7], 0});

			if (valid(y, m, d)) {
				memset(out, 0, sizeof(*out));
				out->year = y, out->mon = m, out->day = d;
				out->hour = -1;
				*start = s;
				return s + 8;
			}
		}
	}
	for (p = s; *p; p++)
		if ((e = date_at(s, p, lang, out)) != NULL) {
			*start = p;
			if (out->hour < 0)
				time_before(s, p, out);
			return e;
		}
	return NULL;
}

void
meta_date_format(const struct meta_date *d, char *out, size_t n)
{
	if (d->hour < 0) {
		snprintf(out, n, "%04d-%02d-%02d", d->year, d->mon, d->day);
		return;
	}
	if (!d->has_tz) {
		snprintf(out, n, "%04d-%02d-%02dT%02d:%02d:%02d", d->year,
		    d->mon, d->day, d->hour, d->min, d->sec);
		return;
	}
	if (d->tzoff == 0) {
		snprintf(out, n, "%04d-%02d-%02dT%02d:%02d:%02dZ", d->year,
		    d->mon, d->day, d->hour, d->min, d->sec);
		return;
	}
	snprintf(out, n, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", d->year,
	    d->mon, d->day, d->hour, d->min, d->sec, d->tzoff < 0 ? '-' : '+',
	    abs(d->tzoff) / 60, abs(d->tzoff) % 60);
}

int
meta_date_iso(const char *s, const char *lang, char *out, size_t n)
{
	struct meta_date d;

	if (meta_date_scan(s, lang, &d) == NULL)
		return -1;
	meta_date_format(&d, out, n);
	return 0;
}

static const char *const pub_labels[] = {
    "posted",
    "published",
    "publish",
    "created",
    "date:",
    "등록",
    "입력",
    "발행",
    "公開",
    "发布",
    "發布",
    "発行",
    "投稿",
    "veröffentlicht",
    "erschienen",
    "veröffentlichung",
    "publié",
    "publie le",
    "publicado",
    "opublikowano",
    "date de publication",
    "fecha de publicación",
    "pubblicato",
    NULL,
};
static const char *const mod_labels[] = {
    "modified",
    "updated",
    "update",
    "last edited",
    "수정",
    "更新",
    "修改",
    "aktualisiert",
    "geändert",
    "stand:",
    "mis à jour",
    "modifié",
    "actualizado",
    "zaktualizowano",
    "aggiornato",
    NULL,
};

/* Earliest label of a list in s, or NULL; *len its length. */
static const char *
find_label(const char *s, const char *const *labels, size_t *len)
{
	const char *best = NULL, *p;
	char low[512];
	unsigned char seen[32];
	size_t i;

	/* Lowercase (ASCII) once, noting which bytes occur, then plain
	   substring search for the labels whose first bytes all occur. */
	memset(seen, 0, sizeof(seen));
	for (i = 0; s[i] && i < sizeof(low) - 1; i++) {
		unsigned char c = (unsigned char)tolower((unsigned char)s[i]);

		low[i] = (char)c;
		seen[c >> 3] |= (unsigned char)(1u << (c & 7));
	}
	low[i] = '\0';
	for (i = 0; labels[i]; i++) {
		const unsigned char *l = (const unsigned char *)labels[i];

		if (!(seen[l[0] >> 3] & (1u << (l[0] & 7))) ||
		    (l[1] && !(seen[l[1] >> 3] & (1u << (l[1] & 7)))))
			continue;
		if ((p = strstr(low, labels[i])) == NULL)
			continue;
		if (best == NULL || p - low < best - s) {
			best = s + (p - low);
			*len = strlen(labels[i]);
		}
	}
	return best;
}

int
meta_date_line(const char *s, const char *lang, char *pub, char *mod, size_t n)
{
	const char *lp, *lm;
	size_t np = 0, nm = 0, len;
	struct meta_date d;
	char tmp[256];
	int found = 0;

	pub[0] = mod[0] = '\0';
	if (s == NULL)
		return 0;
	lp = find_label(s, pub_labels, &np);
	lm = find_label(s, mod_labels, &nm);
	if (lp) {
		/* Only the stretch up to the modified label, if it follows. */
		len =
		    (lm && lm > lp) ? (size_t)(lm - lp - np) : strlen(lp + np);
		if (len >= sizeof(tmp))
			len = sizeof(tmp) - 1;
		memcpy(tmp, lp + np, len);
		tmp[len] = '\0';
		if (meta_date_scan(tmp, lang, &d) != NULL) {
			meta_date_format(&d, pub, n);
			found++;
		}
	}
	if (lm) {
		len =
		    (lp && lp > lm) ? (size_t)(lp - lm - nm) : strlen(lm + nm);
		if (len >= sizeof(tmp))
			len = sizeof(tmp) - 1;
		memcpy(tmp, lm + nm, len);
		tmp[len] = '\0';
		if (meta_date_scan(tmp, lang, &d) != NULL) {
			meta_date_format(&d, mod, n);
			found++;
		}
	}
	return found;
}

char *
meta_date_leaf(const char *s, const char *lang)
{
	struct meta_date d;
	const char *start, *end;
	char iso[40];
	size_t n, digits = 0, i;

	if (s == NULL || (n = strlen(s)) < 6 || n > 60)
		return NULL;
	int year = 0;

	/* cheap filter first: digits, and a year "19xx"/"20xx" among them */
	for (i = 0; i < n; i++) {
		digits += isdigit((unsigned char)s[i]) != 0;
		if (i + 4 <= n && (s[i] == '1' || s[i] == '2') &&
		    (s[i + 1] == '9' || s[i + 1] == '0') &&
		    isdigit((unsigned char)s[i + 2]) &&
		    isdigit((unsigned char)s[i + 3]))
			year = 1;
	}
	if (digits < 4 || !year)
		return NULL;
	if ((end = meta_date_find(s, lang, &d, &start)) == NULL)
		return NULL;
	/* the date must be most of the text */
	for (i = 0; s[i] == ' ' || s[i] == '\n' || s[i] == '\t'; i++)
		;
	if ((size_t)(end - start) * 2 < n - i)
		return NULL;
	meta_date_format(&d, iso, sizeof(iso));
	return xstrdup(iso);
}
