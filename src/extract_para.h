/*
 * extract_para.h - paragraph-level boilerplate judgments on built doc
 * inlines (extract area).  No libxml2 types.
 */
#ifndef LEDE_EXTRACT_PARA_H
#define LEDE_EXTRACT_PARA_H

#include "doc.h"

/* Share of the text's bytes inside link spans (0..1). */
double extract_para_link_density(const struct doc_inline *in);
/* 1 when a paragraph is boilerplate: an ad label, a date line, a "Read
 * more:" teaser, or mostly links. */
int extract_para_junk(const struct doc_inline *in);

/* 1 when a short paragraph is a byline line ("By Jung E-gil, staff
 * reporter"). */
int extract_para_byline(const char *s, size_t n);
/* 1 when a short paragraph is a contact note around an e-mail address. */
int extract_para_contact(const struct doc_inline *in);

#endif
