/*
 * What every store's search is made of, whatever its engine: the text of a
 * record as its index is fed it, in the language it was indexed in (the
 * labels of its ticked terms are that language's words), and the words
 * people use for those terms in both languages. SQLite's FTS5 index
 * (sqlite.c) and PostgreSQL's full-text search (pg_records.c) index the
 * same text, so that both find the same records for the same words.
 * Not for use outside src/store/.
 */
#ifndef NB_STORE_SEARCH_H
#define NB_STORE_SEARCH_H

#include "core/buf.h"
#include "core/record.h"

/* The search text of e (fields_search_text) as it comes out in lang
 * ("en", "nl"): text, what a snippet shows, and words, the words of its
 * terms in either language. */
void store_search_text(const struct nb_entry *e, const char *lang, struct nb_buf *text, struct nb_buf *words);

#endif
