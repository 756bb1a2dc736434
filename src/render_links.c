/*
 * render_links.c - link numbers for the renderer: in the order the reader
 * meets the links, one number per URL (links to one URL share it), found
 * through a small open-addressing hash of the URLs.  See render_int.h.
 */
#include <stdlib.h>
#include <string.h>

#include "render_int.h"

/* Link numbers: in the order the reader meets them; one URL, one number. */
struct numhash {
	int *slot;		/* number, 0 empty */
	size_t mask;
};

static size_t
hash_str(const char *s)
{
	size_t h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

int
render_link_number(struct rctx *c, int link)
{
	struct numhash *h = c->hash;
	const char *url;
	size_t i;

	if (link < 0 || (size_t)link >= c->d->nlinks || h == NULL)
		return 0;
	if (c->num[link])
		return c->num[link];
	url = c->d->links[link].url;
	for (i = hash_str(url) & h->mask; h->slot[i]; i = (i + 1) & h->mask) {
		int no = h->slot[i];

		if (strcmp(c->d->links[c->bynum[no - 1]].url, url) == 0)
			return c->num[link] = no;
	}
	c->bynum[c->nnum] = link;
	h->slot[i] = ++c->nnum;
	return c->num[link] = c->nnum;
}

int
render_numbers_init(struct rctx *c)
{
	size_t n = c->d->nlinks, sz = 16;

	while (sz < n * 2)
		sz *= 2;
	c->num = calloc(n + 1, sizeof(*c->num));
	c->bynum = calloc(n + 1, sizeof(*c->bynum));
	c->hash = calloc(1, sizeof(*c->hash));
	if (c->num == NULL || c->bynum == NULL || c->hash == NULL)
		return -1;
	if ((c->hash->slot = calloc(sz, sizeof(int))) == NULL)
		return -1;
	c->hash->mask = sz - 1;
	return 0;
}

void
render_numbers_free(struct rctx *c)
{
	free(c->num);
	free(c->bynum);
	if (c->hash)
		free(c->hash->slot);
	free(c->hash);
}
