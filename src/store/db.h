/*
 * What the three parts of the SQLite backend share: the connection with
 * its prepared statements, the error mapping, and the calls each part makes
 * of another. Not for use outside src/store/. The parts:
 *   sqlite.c  the records: the statements, put, get, list, search, ...
 *   days.c    the summary per day (schema 2), its rows stepped for a period
 *             (what a row says is read by core/period.c)
 *   file.c    the local file (local.h): opening, migrating, copying, backing
 *             up and checking it
 *   snippet.c the snippet of a search hit, from the record's own text
 * and, shared with any other store, sqlgen.c: the SQL that follows from the
 * field rows, in SQLite's dialect here.
 */
#ifndef NB_STORE_DB_H
#define NB_STORE_DB_H

#include "store.h"
#include "sqlgen.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/period.h"
#include "core/record.h"

#include <sqlite3.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>


#define LIST_SLOTS 8	/* list statements kept, by the shape of their query */

struct list_slot {
	char *sql;
	sqlite3_stmt *st;
};

struct db {
	sqlite3 *h;
	sqlite3_stmt *st[S__COUNT];
	sqlite3_stmt *put[NB_TYPE__COUNT], *get[NB_TYPE__COUNT];	/* each kind's row, from its fields;
							 * get reads the rows of many records */
	sqlite3_stmt *get_range[NB_TYPE__COUNT];	/* get for ids that lie close together */
	struct nb_term_pool terms;	/* the terms of insight facts, each once */
	bool keyed;		/* encrypted: read page by page, never mapped */
	bool scrub;		/* records went for good in this transaction, or a
				 * checkpoint after that did not finish: see sq_scrub */
	bool broken;		/* opened for a check though its schema cannot be read
				 * (a damaged page): only local_check may use it */
	fts5_tokenizer tk;	/* the search index's tokenizer, for snippets */
	Fts5Tokenizer *tok;	/* (snippet.c; made on the first search) */
	struct list_slot lists[LIST_SLOTS];
	unsigned next_list;	/* the slot a new shape takes */
	struct nb_exercise_stat *stats;	/* the exercise stats as last read ... */
	size_t nstats;
	unsigned stats_version;	/* ... of this version of the contents */
	bool stats_kept;
	int reads;		/* read scopes open (sq_read_begin), nested */
	bool read_own;		/* the scopes' read transaction has begun (BEGIN) */
	uint64_t statements;	/* SQL statements run while counted (the op count_statements) */
	bool say_count;		/* NABIJ_SQL_COUNT: the count goes to stderr on closing */
	bool say_each;		/* NABIJ_SQL_COUNT=each: and each statement as it begins */
};

/* how much of a plain database SQLite reads through a map of the file */
#define MMAP_PRAGMA "PRAGMA mmap_size = 268435456"

/* The statement s of d, prepared on first use and kept, reset; NULL (err
 * set) when it cannot be prepared. Inside a read scope (read_begin), the
 * scope's transaction begins before it. */
sqlite3_stmt *sq_stmt(struct db *d, enum stmt s, struct nb_error *err);
/* SQLite's last error on d, in words for a person (one mapping). */
enum nb_err sq_error(struct db *d, struct nb_error *err);
/* Step st to its end and reset it. */
enum nb_err sq_run(struct db *d, sqlite3_stmt *st, struct nb_error *err);
/* Run SQL text that returns nothing. */
enum nb_err sq_exec(struct db *d, const char *text, struct nb_error *err);
double sq_col_double(sqlite3_stmt *st, int i);
/* n bytes of src into dst (size bytes), cut and terminated */
void sq_copy_span(char *dst, size_t size, const char *src, size_t n);
void sq_copy_text(char *dst, size_t size, const char *src);
void sq_close(void *h);
/* Fill the search index again from every record (schema 4 made its words,
 * schema 10 made it anew without a copy of the text). The index of schema
 * 9, renamed entry_fts_9 by migration 10, tells in which language each
 * record's text was indexed; it is dropped once read. */
#define NB_SCHEMA_REINDEX 10
enum nb_err sq_reindex(struct db *d, struct nb_error *err);
/* Whether the vocabulary's words (in English and Dutch) are the ones the
 * search index was made with, by their prints in search_print; when not,
 * the index is made anew from the records (unless it was made_now) and
 * the prints kept, in a transaction of its own unless one is open. */
enum nb_err sq_search_print(struct db *d, bool made_now, struct nb_error *err);
/* Schema 8 wrote the search index anew without the words of deleted rows;
 * schema 10 wrote it anew without a copy of the text: the pages of the
 * older index out of the log. */
#define NB_SCHEMA_SCRUB 10
/* Write the log into the file and empty it, after records went for good. */
void sq_scrub(struct db *d);
/* End an open transaction without its changes. */
void sq_rollback(void *h);
extern const struct nb_store_ops sq_ops;

/* The next of a person's search words from *p: a run of characters
 * between spaces and double quotes, its length in *n; NULL when none is
 * left. fts_query and snip_query_new both split the words by it. */
const char *sq_next_word(const char **p, size_t *n);

/* snippet.c: the phrases of a person's search words (as fts_query makes
 * them), and the snippet of text for them: at most ntok tokens, the matches
 * between \x02 and \x03, as FTS5's snippet() cut it (the caller frees it). */
struct snip_query;
enum nb_err snip_query_new(struct db *d, const char *words, struct snip_query **out,
			   struct nb_error *err);
void snip_query_free(struct snip_query *q);
char *snip_make(struct db *d, const struct snip_query *q, const char *text, int ntok, const char *ellipsis);
/* The tokenizer and the ranking, ready on this connection. */
enum nb_err snip_ready(struct db *d, struct nb_error *err);
/* How many words the index counts in text (its _docsize). */
enum nb_err snip_count(struct db *d, const char *text, int *n, struct nb_error *err);

/* rank.c: SQLite's varint at p (n bytes), as FTS5 writes its sizes, in
 * *v; its length, or 0 when p holds none whole. */
int sq_varint(const unsigned char *p, int n, uint64_t *v);
/* rank.c: the matches of an FTS5 query, the newest window of them ranked
 * as bm25() ranks them and the first limit of those (all when 0) in
 * *ids (the caller frees it); *total how many match in all, or, with
 * *over, the window, when more than that match. */
enum nb_err rank_ready(struct db *d, fts5_api *api, struct nb_error *err);
enum nb_err rank_search(struct db *d, const char *query, size_t window, size_t limit,
			int64_t **ids, size_t *n, size_t *total, bool *over, struct nb_error *err);

/* The n different records ids, whole and in that order, appended to out
 * (NB_ENOTFOUND, and nothing appended, when one is not there or waits for
 * undo): their envelopes in one statement, their details in one per kind
 * and one for their lists, whatever n is. For a search's hits. */
enum nb_err sq_load(struct db *d, const int64_t *ids, size_t n, struct nb_entries *out,
		    struct nb_error *err);

/* End the transaction of an open read scope, for what must run outside
 * one (ATTACH, VACUUM) or write; its next statement begins it again. */
void sq_read_pause(struct db *d);

/* Count every statement the connection runs from now on in d->statements
 * (sqlite3_trace_v2; a trigger's program is part of its statement). */
void sq_count(struct db *d);

/* days.c: recompute the summary of the changed days (before each commit
 * and after a migration); the store ops period and day_means. */
enum nb_err days_refresh(struct db *d, struct nb_error *err);
/* The store op period. */
enum nb_err days_period(void *h, const char *since, const char *until, struct nb_period *out,
			struct nb_error *err);
/* The store op day_means. */
enum nb_err days_means(void *h, const char *since, const char *until, struct nb_day_stat **out,
		       size_t *n, struct nb_error *err);

#endif
