/*
 * meta_jsonld.c - read schema.org JSON-LD (json-c): the first object of an
 * Article type (NewsArticle, BlogPosting, ..., also inside @graph or an
 * array) gives headline, author(s), publisher, dates, language, image.
 * Also meta_unescape(), for the entities such values (and <meta> ones)
 * keep.  See extract.h.
 */
#define _GNU_SOURCE /* memmem */
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "buf.h"
#include "extract.h"
#include "meta.h"
#include "util.h"

/* Some sites escape twice: "Redacci&oacute;n" in a content attribute.
 * Decode entities that survived the parser (a new string). */
char *
meta_unescape(const char *s)
{
	struct buf b;
	const char *p, *e;

	if (s == NULL || strchr(s, '&') == NULL)
		return xstrdup(s);
	buf_init(&b, strlen(s) * 4 + 16);
	for (p = s; *p; p++) {
		if (*p == '&' && (e = strchr(p, ';')) != NULL && e - p < 12) {
			char name[16];
			unsigned long cp = 0;
			const htmlEntityDesc *ent;

			memcpy(name, p + 1, (size_t)(e - p - 1));
			name[e - p - 1] = '\0';
			if (name[0] == '#')
				cp = (name[1] == 'x' || name[1] == 'X')
				         ? strtoul(name + 2, NULL, 16)
				         : strtoul(name + 1, NULL, 10);
			else if ((ent = htmlEntityLookup(BAD_CAST name)) !=
			         NULL)
				cp = ent->value;
			if (cp > 0 && cp < 0x110000) {
				char u[4];
				int n = cp < 0x80      ? 1
				        : cp < 0x800   ? 2
				        : cp < 0x10000 ? 3
				                       : 4;

				if (n == 1)
					u[0] = (char)cp;
				else if (n == 2) {
					u[0] = (char)(0xc0 | (cp >> 6));
					u[1] = (char)(0x80 | (cp & 0x3f));
				} else if (n == 3) {
					u[0] = (char)(0xe0 | (cp >> 12));
					u[1] =
					    (char)(0x80 | ((cp >> 6) & 0x3f));
					u[2] = (char)(0x80 | (cp & 0x3f));
				} else {
					u[0] = (char)(0xf0 | (cp >> 18));
					u[1] =
					    (char)(0x80 | ((cp >> 12) & 0x3f));
					u[2] =
					    (char)(0x80 | ((cp >> 6) & 0x3f));
					u[3] = (char)(0x80 | (cp & 0x3f));
				}
				buf_append(&b, u, (size_t)n);
				p = e;
				continue;
			}
		}
		buf_putc(&b, *p);
	}
	return buf_steal(&b);
}

static const char *
str_of(json_object *o, const char *key)
{
	json_object *v;

	if (o == NULL || !json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

static int
type_is_article(json_object *o)
{
	static const char *const types[] = {
	    "Article",
	    "Posting",
	    "Report",
	    "APIReference",
	    NULL,
	};
	json_object *t;
	size_t i, j, n;

	if (!json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, "@type", &t))
		return 0;
	if (json_object_is_type(t, json_type_array)) {
		n = json_object_array_length(t);
		for (j = 0; j < n; j++) {
			const char *s = json_object_get_string(
			    json_object_array_get_idx(t, j));

			for (i = 0; s && types[i]; i++)
				if (strstr(s, types[i]))
					return 1;
		}
		return 0;
	}
	for (i = 0; types[i]; i++)
		if (strstr(json_object_get_string(t), types[i]))
			return 1;
	return 0;
}

static json_object *
find_article(json_object *o, int depth)
{
	json_object *g, *r;
	size_t i, n;

	if (o == NULL || depth > 4)
		return NULL;
	if (json_object_is_type(o, json_type_array)) {
		n = json_object_array_length(o);
		for (i = 0; i < n; i++)
			if ((r = find_article(json_object_array_get_idx(o, i),
			         depth + 1)) != NULL)
				return r;
		return NULL;
	}
	if (!json_object_is_type(o, json_type_object))
		return NULL;
	if (type_is_article(o))
		return o;
	if (json_object_object_get_ex(o, "@graph", &g))
		return find_article(g, depth + 1);
	return NULL;
}

/* A WebPage object at the top, in an array or in @graph. */
static json_object *
find_webpage(json_object *o, int depth)
{
	json_object *g, *r, *t;
	size_t i, n;

	if (o == NULL || depth > 4)
		return NULL;
	if (json_object_is_type(o, json_type_array)) {
		n = json_object_array_length(o);
		for (i = 0; i < n && i < 200; i++)
			if ((r = find_webpage(json_object_array_get_idx(o, i),
			         depth + 1)) != NULL)
				return r;
		return NULL;
	}
	if (!json_object_is_type(o, json_type_object))
		return NULL;
	if (json_object_object_get_ex(o, "@type", &t) &&
	    json_object_is_type(t, json_type_string) &&
	    strcmp(json_object_get_string(t), "WebPage") == 0)
		return o;
	if (json_object_object_get_ex(o, "@graph", &g))
		return find_webpage(g, depth + 1);
	return NULL;
}

/* The object of root (or its @graph, or an array) whose @id is id:
 * Yoast and others give the article's author as {"@id": ...} and the
 * Person, with its name, elsewhere in the graph. */
static json_object *
by_id(json_object *root, const char *id, int depth)
{
	json_object *g, *r;
	size_t i, n;
	const char *s;

	if (root == NULL || depth > 3)
		return NULL;
	if (json_object_is_type(root, json_type_array)) {
		n = json_object_array_length(root);
		for (i = 0; i < n && i < 200; i++)
			if ((r = by_id(json_object_array_get_idx(root, i), id,
			         depth + 1)) != NULL)
				return r;
		return NULL;
	}
	if (!json_object_is_type(root, json_type_object))
		return NULL;
	if ((s = str_of(root, "@id")) != NULL && strcmp(s, id) == 0 &&
	    str_of(root, "name") != NULL)
		return root;
	if (json_object_object_get_ex(root, "@graph", &g))
		return by_id(g, id, depth + 1);
	return NULL;
}

/* author: a string, {name}, {"@id"} of a Person in the graph, or an
 * array of those; names joined ", ". */
static void
authors(json_object *root, json_object *a, struct buf *out, int depth)
{
	size_t i, n;
	const char *s = NULL;

	if (a == NULL || depth > 3)
		return;
	if (json_object_is_type(a, json_type_array)) {
		n = json_object_array_length(a);
		for (i = 0; i < n && i < 20; i++)
			authors(root, json_object_array_get_idx(a, i), out,
			    depth + 1);
		return;
	}
	if (json_object_is_type(a, json_type_string))
		s = json_object_get_string(a);
	else if ((s = str_of(a, "name")) == NULL && str_of(a, "@id")) {
		json_object *p = by_id(root, str_of(a, "@id"), 0);

		s = p ? str_of(p, "name") : NULL;
	}
	if (s == NULL || *s == '\0' || strncmp(s, "http", 4) == 0)
		return;
	if (out->len)
		buf_puts(out, ", ");
	buf_puts(out, s);
}

static int
set(struct extract_ctx *x, enum doc_field_id f, const char *v)
{
	char *u;

	if (v == NULL || *v == '\0' || doc_get(x->doc, f))
		return 0;
	u = meta_unescape(v);
	doc_set(x->doc, f, u, "json-ld");
	free(u);
	return doc_get(x->doc, f) != NULL;
}

static int
set_date(struct extract_ctx *x, enum doc_field_id f, const char *v)
{
	char iso[40];

	if (v == NULL || doc_get(x->doc, f) ||
	    meta_date_iso(v, NULL, iso, sizeof(iso)) == -1)
		return 0;
	doc_set(x->doc, f, iso, "json-ld");
	return 1;
}

/* The JSON without its "\u0000" escapes (a NUL would end the C string
 * its value becomes: "Before\u0000After" read as "Before"), or NULL when
 * it has none or memory ran out. */
static char *
without_nul(const char *json, size_t n)
{
	char *o;
	size_t i, k = 0;

	if (memmem(json, n, "\\u0000", 6) == NULL ||
	    (o = malloc(n + 1)) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		if (json[i] == '\\' && i + 5 < n &&
		    memcmp(json + i + 1, "u0000", 5) == 0) {
			i += 5;
			continue;
		}
		o[k++] = json[i];
		/* An escaped character is copied with its backslash
		   ("\\\\u0000" is a backslash, then text). */
		if (json[i] == '\\' && i + 1 < n)
			o[k++] = json[++i];
	}
	o[k] = '\0';
	return o;
}

int
meta_jsonld(struct extract_ctx *x, const char *json, size_t n)
{
	json_tokener *tok;
	json_object *root, *a, *v;
	struct buf b;
	int k = 0;
	const char *name, *head;
	char *nonul;

	/* Some sites wrap the JSON in <![CDATA[ ... ]]>. */
	while (n && (*json == ' ' || *json == '\n' || *json == '\t' ||
	                *json == '\r'))
		json++, n--;
	if (n >= 9 && strncmp(json, "<![CDATA[", 9) == 0) {
		const char *e;

		json += 9;
		n -= 9;
		for (e = json + n; e > json + 2; e--)
			if (strncmp(e - 3, "]]>", 3) == 0) {
				n = (size_t)(e - 3 - json);
				break;
			}
	}
	if ((tok = json_tokener_new()) == NULL)
		return 0;
	if ((nonul = without_nul(json, n)) != NULL) {
		json = nonul;
		n = strlen(nonul);
	}
	root = json_tokener_parse_ex(tok, json, (int)n);
	json_tokener_free(tok);
	free(nonul);
	if (root == NULL)
		return 0;
	/* The page's own name: a second witness for its <h1> (finish). */
	if (x->page_name == NULL && (a = find_webpage(root, 0)) != NULL &&
	    (name = str_of(a, "name")) != NULL) {
		char *u = meta_unescape(name);

		x->page_name = u ? xstrdup_squash(u) : NULL;
		free(u);
	}
	if ((a = find_article(root, 0)) != NULL) {
		name = str_of(a, "name");
		head = str_of(a, "headline");
		/* As Readability: name, unless it differs from headline and
		   only the headline resembles the page's <title>. */
		if (name && head && strcmp(name, head) != 0 && x->title_tag &&
		    meta_similarity(head, x->title_tag) > 0.75 &&
		    meta_similarity(name, x->title_tag) <= 0.75)
			k += set(x, DOC_TITLE, head);
		else
			k += set(x, DOC_TITLE, name ? name : head);
		if (json_object_object_get_ex(a, "author", &v)) {
			buf_init(&b, 1 << 16);
			authors(root, v, &b, 0);
			k += set(x, DOC_BYLINE, b.data);
			buf_release(&b);
		}
		if (json_object_object_get_ex(a, "publisher", &v))
			k += set(x, DOC_SITE_NAME, str_of(v, "name"));
		k += set_date(x, DOC_PUBLISHED, str_of(a, "datePublished"));
		k += set_date(x, DOC_MODIFIED, str_of(a, "dateModified"));
		k += set(x, DOC_LANG, str_of(a, "inLanguage"));
		k += set(x, DOC_DECK, str_of(a, "description"));
		if (json_object_object_get_ex(a, "image", &v)) {
			if (json_object_is_type(v, json_type_array))
				v = json_object_array_get_idx(v, 0);
			if (v && json_object_is_type(v, json_type_string))
				k += set(x, DOC_LEAD_IMAGE,
				    json_object_get_string(v));
			else
				k += set(x, DOC_LEAD_IMAGE, str_of(v, "url"));
		}
	}
	/* No Article: a WebPage still names its author (Yoast graphs). */
	else if ((a = find_webpage(root, 0)) != NULL &&
	         json_object_object_get_ex(a, "author", &v)) {
		buf_init(&b, 1 << 16);
		authors(root, v, &b, 0);
		k += set(x, DOC_BYLINE, b.data);
		buf_release(&b);
	}
	json_object_put(root);
	return k;
}
