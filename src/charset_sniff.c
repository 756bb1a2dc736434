/*
 * charset_sniff.c - guess an undeclared page's encoding from its bytes.
 *
 * Last in the detection order (charset.c).  Valid UTF-8 wins outright;
 * UTF-16 without a BOM shows as zero bytes in every other position.
 * Otherwise each legacy candidate decodes the text and is scored by how
 * much of what comes out is among the most frequent characters of its
 * language: the right decoding of real text hits them all the time, a
 * wrong one produces rare characters or errors.
 */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "charset.h"

#define SNIFF_MAX ((size_t)1 << 20)

struct cand {
	const char *name;
	const char *common;	/* UTF-8: frequent letters of the language */
};

/* Shift_JIS and EUC-JP are the same language. */
#define JAPANESE \
	"のにはをたがでてとしもなるかいれ" \
	"っこうさ日本人年"

/* A candidate's frequent letters as sorted code points, for bsearch: a
 * linear walk of the UTF-8 list per character made a 1 MiB page slow. */
#define COMMON_MAX 256
struct cpset {
	uint32_t v[COMMON_MAX];
	size_t n;
};

static const struct cand cands[] = {
	{"CP949",
	    "이의다는에을를고하한가지기서로도"
	    "으있사대리전정시수국일자인년"},
	{"CP932", JAPANESE},
	{"EUC-JP-MS", JAPANESE},
	{"GB18030",
	    "这来国个说们为时会发的一是在不了"
	    "有人中大上我以要他到地出就分成可"
	    "主年同工也下子而方多定行所得十三"
	    "之着等家力如水高自二理起小物加本"
	    "去性好合因由其些然前外天四日那事"
	    "平形相全表重新内数正心你明看原又"
	    "利比或但第向道命此月公者最立代想"
	    "已直五果位入常文次品式活及特件求"
	    "老基路少山知"},
	/* Traditional forms only: Big5 text never has 数 or 内. */
	{"BIG5-HKSCS",
	    "這來國個說們為時會發的一是在不了"
	    "有人中大上我以要他到地出就分成可"
	    "主年同工也下子而方多定行所得十三"
	    "之著等家力如水高自二理起小物加本"
	    "去性好合因由其些然前外天四日那事"
	    "平形相全表重新內數正心你明看原又"
	    "利比或但第向道命此月公者最立代想"
	    "已直五果位入常文次品式活及特件求"
	    "老基路少山知於與對經學還後實"},
	{"WINDOWS-1251",
	    "оеаинтсрвлкмдпуя"
	    "ы"},
	{"KOI8-R",
	    "оеаинтсрвлкмдпуя"
	    "ы"},
	{"WINDOWS-1250",
	    "ąęćłńśźżčěřšžůýŁ"
	    "ŚŻČŘŠŽ"},
	{"WINDOWS-1252",
	    "éèàäöüßçñáíóúâêô"
	    "ãõÉÄÖÜ"},
};

static uint32_t
next_cp(const unsigned char **p)
{
	const unsigned char *s = *p;
	uint32_t c = s[0];
	size_t k = charset_u8_valid(s, 4);

	if (k == 2)
		c = (c & 0x1f) << 6 | (s[1] & 0x3f);
	else if (k == 3)
		c = (c & 0x0f) << 12 | (s[1] & 0x3f) << 6 | (s[2] & 0x3f);
	else if (k == 4)
		c = (c & 0x07) << 18 | (s[1] & 0x3f) << 12 |
		    (s[2] & 0x3f) << 6 | (s[3] & 0x3f);
	*p += k ? k : 1;
	return c;
}

static int
cmp_cp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static void
cpset_init(struct cpset *set, const char *utf8)
{
	const unsigned char *p = (const unsigned char *)utf8;

	set->n = 0;
	while (*p && set->n < COMMON_MAX)
		set->v[set->n++] = next_cp(&p);
	qsort(set->v, set->n, sizeof(set->v[0]), cmp_cp);
}

static int
in_set(uint32_t c, const struct cpset *set)
{
	return bsearch(&c, set->v, set->n, sizeof(set->v[0]), cmp_cp) !=
	    NULL;
}

/* What a wrong decoding gives away: symbols, box drawing, controls and
 * unassigned code points where text should be, and a capital right after
 * a small letter (KOI8 and Latin readings of CJK bytes mix cases). */
static int
implausible(uint32_t cp, uint32_t prev)
{
	utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);

	if (cp >= 0x2000 && cp <= 0x206f)	/* quotes, dashes */
		return 0;
	if (cat == UTF8PROC_CATEGORY_LU && prev >= 0x80 &&
	    utf8proc_category((utf8proc_int32_t)prev) == UTF8PROC_CATEGORY_LL)
		return 1;
	return cat == UTF8PROC_CATEGORY_SO || cat == UTF8PROC_CATEGORY_SM ||
	    cat == UTF8PROC_CATEGORY_SK || cat == UTF8PROC_CATEGORY_SC ||
	    cat == UTF8PROC_CATEGORY_CC || cat == UTF8PROC_CATEGORY_CN ||
	    cat == UTF8PROC_CATEGORY_CO;
}

/* Score per mille: frequent hits over non-ASCII characters, less the
 * implausible ones, each decoding error costing as much as two hits. */
static long
score(const struct cand *c, const char *s, size_t n)
{
	uint32_t out[2048];
	char *ip = (char *)s, *op;
	size_t il = n, ol, i, r;
	long hits = 0, nonascii = 0, errs = 0, bad = 0;
	uint32_t prev = 0;
	struct cpset set;
	iconv_t cd;

	if ((cd = iconv_open("UTF-32LE", c->name)) == (iconv_t)-1)
		return -1000000;
	cpset_init(&set, c->common);
	while (il > 0) {
		op = (char *)out;
		ol = sizeof(out);
		r = iconv(cd, &ip, &il, &op, &ol);
		for (i = 0; i < (size_t)((uint32_t *)op - out); i++) {
			uint32_t cp = out[i];

			if (cp < 0x80) {
				prev = cp;
				continue;
			}
			nonascii++;
			if (in_set(cp, &set))
				hits++;
			else if (implausible(cp, prev))
				bad++;
			prev = cp;
		}
		if (r != (size_t)-1 || errno == E2BIG)
			continue;
		if (errno == EINVAL)
			break;
		errs++;
		ip++, il--;
	}
	iconv_close(cd);
	if (nonascii + errs == 0)
		return 0;
	return (hits - 2 * errs - bad) * 1000 / (nonascii + errs);
}

const char *
charset_utf16_guess(const unsigned char *u, size_t n)
{
	size_t i, even = 0, odd = 0;

	if (n > 4096)
		n = 4096;
	n &= ~(size_t)1;
	if (n < 4)
		return NULL;
	for (i = 0; i < n; i += 2) {
		even += u[i] == 0;
		odd += u[i + 1] == 0;
	}
	/* Mostly-ASCII markup in UTF-16 has a zero in nearly every unit. */
	if (odd * 4 > n && even * 50 < n)
		return "UTF-16LE";
	if (even * 4 > n && odd * 50 < n)
		return "UTF-16BE";
	return NULL;
}

const char *
charset_sniff(const char *bytes, size_t n)
{
	const char *best = "WINDOWS-1252", *u16;
	size_t valid, bad, i;
	long s, top = 0;

	if (n > SNIFF_MAX)
		n = SNIFF_MAX;
	if ((u16 = charset_utf16_guess((const unsigned char *)bytes, n)) !=
	    NULL)
		return u16;
	charset_u8_census(bytes, n, &valid, &bad);
	if (bad == 0 || bad * 200 <= valid)
		return "UTF-8";
	for (i = 0; i < sizeof(cands) / sizeof(cands[0]); i++) {
		s = score(&cands[i], bytes, n);
		if (s > top) {
			top = s;
			best = cands[i].name;
		}
	}
	return best;
}
