/*
 * json_out.c - the article as one JSON object (`lede --json`), built with
 * json-c: the metadata fields (dates as ISO 8601 or null), where each
 * came from, the body as plain text and as typed blocks, the links and
 * the images.
 */
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "buf.h"
#include "json_out.h"
#include "util.h"

#define JSON_MAX_DEPTH 100

static json_object *
jstr(const char *s)
{
	return s ? json_object_new_string(s) : NULL;
}

static int
digits(const char *s, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* ISO 8601 from what the extractor found: "YYYY-MM-DD", optionally with
 * "[T ]HH:MM[:SS][.fff]" and "Z", "+HH:MM", "+HHMM" or a zone name we know
 * ("UTC", "GMT", "KST", "JST").  Anything else is not a date we can vouch
 * for: null.  out needs 32 bytes. */
static int
iso_date(const char *s, char *out)
{
	static const struct {
		const char *name, *off;
	} zones[] = {{"UTC", "Z"}, {"GMT", "Z"}, {"Z", "Z"}, {"KST", "+09:00"},
	    {"JST", "+09:00"}, {"CST", NULL}};
	const char *p;
	char hms[16] = "", tz[8] = "";
	size_t i;

	while (*s == ' ')
		s++;
	if (!digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) ||
	    s[7] != '-' || !digits(s + 8, 2))
		return -1;
	p = s + 10;
	if ((*p == 'T' || *p == ' ') && digits(p + 1, 2) && p[3] == ':' &&
	    digits(p + 4, 2)) {
		if (p[6] == ':' && digits(p + 7, 2)) {
			snprintf(hms, sizeof(hms), "T%.8s", p + 1);
			p += 9;
		} else {
			snprintf(hms, sizeof(hms), "T%.5s:00", p + 1);
			p += 6;
		}
		if (*p == '.')
			for (p++; *p >= '0' && *p <= '9'; p++)
				;
		while (*p == ' ')
			p++;
		if ((*p == '+' || *p == '-') && digits(p + 1, 2)) {
			if (p[3] == ':' && digits(p + 4, 2))
				snprintf(tz, sizeof(tz), "%.6s", p);
			else if (digits(p + 3, 2))
				snprintf(tz, sizeof(tz), "%c%.2s:%.2s", p[0],
				    p + 1, p + 3);
			else
				snprintf(tz, sizeof(tz), "%.3s:00", p);
		} else if (*p) {
			for (i = 0; i < sizeof(zones) / sizeof(zones[0]); i++)
				if (strncmp(p, zones[i].name,
				    strlen(zones[i].name)) == 0)
					break;
			if (i < sizeof(zones) / sizeof(zones[0]) &&
			    zones[i].off)
				snprintf(tz, sizeof(tz), "%s", zones[i].off);
		}
	} else if (*p != '\0' && *p != ' ' && *p != 'T')
		return -1;
	snprintf(out, 32, "%.10s%s%s", s, hms, hms[0] ? tz : "");
	return 0;
}

static void
inline_text(const struct doc_block *b, struct buf *out, int depth)
{
	size_t i;

	if (depth > JSON_MAX_DEPTH)
		return;
	if (b->in.len > 0) {
		if (out->len > 0)
			buf_putc(out, '\n');
		buf_append(out, b->in.text, b->in.len);
	}
	for (i = 0; i < b->nkids; i++)
		inline_text(b->kids[i], out, depth + 1);
}

static json_object *
flat_text(const struct doc_block *b)
{
	struct buf t;
	json_object *o;

	buf_init(&t, 0);
	inline_text(b, &t, 0);
	o = json_object_new_string(t.data ? t.data : "");
	buf_release(&t);
	return o;
}

static void add_blocks(json_object *arr, const struct doc_block *b,
    int depth);

static json_object *
block_json(const struct doc_block *b, int depth)
{
	json_object *o = json_object_new_object(), *a, *row;
	size_t i, j;

	json_object_object_add(o, "type", jstr(doc_block_names[b->type]));
	switch (b->type) {
	case DOC_HEADING:
		json_object_object_add(o, "level",
		    json_object_new_int(b->level));
		json_object_object_add(o, "text", jstr(b->in.text ?
		    b->in.text : ""));
		break;
	case DOC_PARAGRAPH:
	case DOC_PRE:
	case DOC_CELL:
		json_object_object_add(o, "text", jstr(b->in.text ?
		    b->in.text : ""));
		break;
	case DOC_QUOTE:
		json_object_object_add(o, "pull",
		    json_object_new_boolean(b->pull));
		json_object_object_add(o, "text", flat_text(b));
		a = json_object_new_array();
		add_blocks(a, b, depth + 1);
		json_object_object_add(o, "blocks", a);
		break;
	case DOC_LIST:
		json_object_object_add(o, "ordered",
		    json_object_new_boolean(b->ordered));
		if (b->ordered && b->start != 1)
			json_object_object_add(o, "start",
			    json_object_new_int(b->start));
		a = json_object_new_array();
		for (i = 0; i < b->nkids; i++)
			json_object_array_add(a, flat_text(b->kids[i]));
		json_object_object_add(o, "items", a);
		break;
	case DOC_FIGURE:
		json_object_object_add(o, "src", jstr(b->src));
		json_object_object_add(o, "alt", jstr(b->alt));
		json_object_object_add(o, "caption", jstr(b->caption));
		json_object_object_add(o, "credit", jstr(b->credit));
		break;
	case DOC_TABLE:
		a = json_object_new_array();
		for (i = 0; i < b->nkids; i++) {
			const struct doc_block *r = b->kids[i];

			row = json_object_new_array();
			if (r->type == DOC_ROW)
				for (j = 0; j < r->nkids; j++)
					json_object_array_add(row,
					    flat_text(r->kids[j]));
			else
				json_object_array_add(row, flat_text(r));
			json_object_array_add(a, row);
		}
		json_object_object_add(o, "rows", a);
		break;
	default:
		break;
	}
	return o;
}

static void
add_blocks(json_object *arr, const struct doc_block *b, int depth)
{
	size_t i;

	if (depth > JSON_MAX_DEPTH)
		return;
	for (i = 0; i < b->nkids; i++) {
		const struct doc_block *k = b->kids[i];

		/* Stray items and rows (outside a list or table) are their
		 * content. */
		if (k->type == DOC_ITEM || k->type == DOC_ROW ||
		    k->type == DOC_ROOT)
			add_blocks(arr, k, depth + 1);
		else
			json_object_array_add(arr, block_json(k, depth));
	}
}

static void
add_images(json_object *arr, const struct doc_block *b, int depth)
{
	size_t i;

	if (depth > JSON_MAX_DEPTH)
		return;
	if (b->type == DOC_FIGURE && b->src) {
		json_object *o = json_object_new_object();

		json_object_object_add(o, "src", jstr(b->src));
		json_object_object_add(o, "alt", jstr(b->alt));
		json_object_object_add(o, "caption", jstr(b->caption));
		json_object_array_add(arr, o);
	}
	for (i = 0; i < b->nkids; i++)
		add_images(arr, b->kids[i], depth + 1);
}

char *
json_out_doc(const struct doc *d, struct lede_err *err)
{
	json_object *root = json_object_new_object(), *src, *a, *o;
	const char *s;
	char *text, *ret = NULL;
	char iso[32];
	size_t i;

	if (root == NULL)
		goto nomem;
	src = json_object_new_object();
	for (i = 0; i < DOC_NFIELDS; i++) {
		const char *v = d->meta[i].value;

		if ((i == DOC_PUBLISHED || i == DOC_MODIFIED) && v != NULL)
			v = iso_date(v, iso) == 0 ? iso : NULL;
		json_object_object_add(root, doc_field_names[i], jstr(v));
		if (d->meta[i].value && d->meta[i].source)
			json_object_object_add(src, doc_field_names[i],
			    jstr(d->meta[i].source));
	}
	if (d->charset_source)
		json_object_object_add(src, "charset",
		    jstr(d->charset_source));
	json_object_object_add(root, "sources", src);
	json_object_object_add(root, "charset", jstr(d->charset));
	if ((text = doc_body_text(d)) == NULL)
		goto nomem;
	json_object_object_add(root, "text", json_object_new_string(text));
	free(text);
	a = json_object_new_array();
	if (d->body)
		add_blocks(a, d->body, 0);
	json_object_object_add(root, "blocks", a);
	a = json_object_new_array();
	for (i = 0; i < d->nlinks; i++) {
		const struct doc_link *l = &d->links[i];

		o = json_object_new_object();
		json_object_object_add(o, "text", jstr(l->text ? l->text : ""));
		json_object_object_add(o, "url", jstr(l->url));
		json_object_object_add(o, "kind", jstr(l->kind == LINK_RELATED ?
		    "related" : "inline"));
		json_object_object_add(o, "group", jstr(l->group));
		json_object_array_add(a, o);
	}
	json_object_object_add(root, "links", a);
	a = json_object_new_array();
	if (d->body)
		add_images(a, d->body, 0);
	json_object_object_add(root, "images", a);
	s = json_object_to_json_string_ext(root, JSON_C_TO_STRING_PRETTY |
	    JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE);
	if (s == NULL || (ret = xstrdup(s)) == NULL)
		goto nomem;
	json_object_put(root);
	return ret;
nomem:
	json_object_put(root);
	err_set(err, LEDE_ENOMEM, "cannot build the JSON: out of memory");
	return NULL;
}
