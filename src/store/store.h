/*
 * The record store the use-cases talk to: a table of functions over an
 * opaque handle, so another backend can be added without touching core,
 * app or the faces. SQLite (sqlite.c) is the one backend today, opened on
 * the local mode's file through local.h, and src/store/ the only place in
 * nabij that holds SQL.
 *
 * A store serves one person, and what every backend promises is said for
 * that person's records, whether it holds theirs alone (the local mode:
 * one file is one person's) or many people's (a hosted one):
 * - a record's number (id, the #12 a person sees and types) counts within
 *   its person's records: it names one record among theirs, and another
 *   person's records may have the same numbers. In the local mode it is
 *   SQLite's row id, as it always was;
 * - a uid is unique among a person's records (find_uid, import): two people
 *   may hold the same one, as after importing each other's export;
 * - the summary per day (period, day_means) is a person's: a backend that
 *   holds many keeps it per person;
 * - nothing an op reads or writes belongs to another person.
 *
 * Writes happen between begin and commit; a use-case that fails calls
 * rollback and nothing it did remains. Entries returned through out
 * parameters belong to the caller (entry_free / entries_free / hits_free).
 */
#ifndef NB_STORE_H
#define NB_STORE_H

#include "core/err.h"
#include "core/record.h"
#include "core/insight.h"
#include "core/period.h"
#include "core/series.h"
#include "core/suggest.h"

#include <stdbool.h>
#include <stdint.h>

struct nb_query {
	unsigned types;		/* mask of NB_TYPE_BIT(t); 0 means all dated records */
	const char *since;	/* first day, inclusive, or NULL */
	const char *until;	/* last day, inclusive, or NULL */
	int limit;		/* 0 for all */
	bool newest_first;
	bool by_day;		/* since to until in the order of their days, each
				 * day's in time order (the index's own order,
				 * nothing sorted): time order but for a record
				 * made across a change of time zone */
};

#define NB_TYPE_BIT(t) (1u << (t))

struct nb_hit {
	struct nb_entry *entry;
	char *snippet;		/* matches between \x02 and \x03 */
};

struct nb_hits {
	struct nb_hit *v;
	size_t n;
	size_t cap;
	size_t total;		/* all matches, also those past the limit; */
	bool over;		/* or, when set, more than total match, and the
				 * search ranked the newest total of them */
};

void hits_free(struct nb_hits *h);

/* Called with each record in turn; the record is lent for the call. */
typedef enum nb_err (*nb_each_fn)(const struct nb_entry *e, void *ctx, struct nb_error *err);

struct nb_store_ops {
	enum nb_err (*begin)(void *db, struct nb_error *err);
	enum nb_err (*commit)(void *db, struct nb_error *err);
	void (*rollback)(void *db);
	/* A read scope: everything read between read_begin and its read_end
	 * is one read transaction (one snapshot; for SQLite the file's locks
	 * taken once, for a server one round trip to begin), not one per
	 * statement. Scopes nest (the outermost ends the transaction); inside
	 * a write transaction they are that transaction; a write begun inside
	 * one ends its reading and it reads on after the write, seeing it.
	 * read_end after the store was opened anew is nothing. */
	enum nb_err (*read_begin)(void *db, struct nb_error *err);
	void (*read_end)(void *db);
	/* Insert e when e->id is 0 (and set e->id), else replace record e->id. */
	enum nb_err (*put)(void *db, struct nb_entry *e, struct nb_error *err);
	enum nb_err (*get)(void *db, int64_t id, struct nb_entry **out,
			   struct nb_error *err);
	/* The local id of the record with this uid, or 0. */
	enum nb_err (*find_uid)(void *db, const char *uid, int64_t *id,
				struct nb_error *err);
	/* Delete record id at the time at (UTC seconds): it waits for undo,
	 * whole and with the links to it, but out of the search index and of
	 * every reading (get, list, each, search, count, period, ...). A
	 * record that is not there or waits already is NB_ENOTFOUND. */
	enum nb_err (*del)(void *db, int64_t id, int64_t at, struct nb_error *err);
	/* Bring record id back whole from waiting, into the search index
	 * again; NB_ENOTFOUND when it does not wait. */
	enum nb_err (*undo)(void *db, int64_t id, struct nb_error *err);
	/* Every record that waits, the one deleted last first, each with
	 * e->deleted set; appended to out. */
	enum nb_err (*waiting)(void *db, struct nb_entries *out, struct nb_error *err);
	/* Remove for good the records that wait and were deleted at or before
	 * before (only record id, when id is not 0); *n (may be NULL) gets how
	 * many. Their words are zeroed in the file; the commit that follows
	 * also empties the write-ahead log, so that nothing of them stays on
	 * the disk. A new experiment that runs removes one that waits the same
	 * way (only one can run). */
	enum nb_err (*purge)(void *db, int64_t before, int64_t id, int64_t *n, struct nb_error *err);
	/* Records by time (members in the order they were added). */
	enum nb_err (*list)(void *db, const struct nb_query *q,
			    struct nb_entries *out, struct nb_error *err);
	/* The same records one at a time, for what would not fit in memory
	 * at once (an export); stops at the first error, fn's included. */
	enum nb_err (*each)(void *db, const struct nb_query *q, nb_each_fn fn, void *ctx,
			    struct nb_error *err);
	/* Full-text search over every piece of text, best match first (for a
	 * word with very many matches, the best among its newest thousand, or
	 * as many as the limit when more: out->over says so). */
	enum nb_err (*search)(void *db, const char *words, int limit,
			      struct nb_hits *out, struct nb_error *err);
	/* The newest moment that was a wanted touch from someone else (see
	 * moment_is_wanted_touch), or with self a wanted self-touch; or *out
	 * NULL. */
	enum nb_err (*last_touch)(void *db, bool self, struct nb_entry **out,
				  struct nb_error *err);
	/* How many records of kind t there are (none that waits for undo). */
	enum nb_err (*count)(void *db, enum nb_type t, int64_t *out,
			     struct nb_error *err);
	/* The circle member whose name is name (ignoring case), if any. */
	enum nb_err (*member_by_name)(void *db, const char *name,
				      char uid[NB_UID_LEN], bool *found,
				      struct nb_error *err);
	/* The version of the contents inside a read scope: it changes with
	 * every commit, of this connection or another; false outside a scope
	 * or where the store cannot tell (then nothing may be kept by it). */
	bool (*version)(void *db, uint64_t *v);
	/* Per exercise, the mean drop in tension over sessions with both answers;
	 * *out is a new array of *n entries the caller frees. */
	enum nb_err (*exercise_stats)(void *db, struct nb_exercise_stat **out, size_t *n,
				      struct nb_error *err);
	/* The newest reflection answering prompt, or *out NULL. */
	enum nb_err (*reflection_latest)(void *db, const char *prompt, struct nb_entry **out,
					 struct nb_error *err);
	/* Delete every record, then rewrite what holds them so that nothing
	 * of them stays on the disk (SQLite: VACUUM, and the write-ahead log
	 * emptied). */
	enum nb_err (*forget_all)(void *db, int64_t *deleted, struct nb_error *err);
	/* What charts, trends and insights rest on, for a period, read in
	 * one pass over the summary per day; see struct nb_period
	 * (core/period.h), filled by period_read_day row by row. */
	enum nb_err (*period)(void *db, const char *since, const char *until,
			      struct nb_period *out, struct nb_error *err);
	/* The same days' means alone (moments 0), without what happened on
	 * them: for the sparkline of today. *out is a new array of *n days
	 * the caller frees. */
	enum nb_err (*day_means)(void *db, const char *since, const char *until,
				 struct nb_day_stat **out, size_t *n, struct nb_error *err);
	/* For tests and measurements: count the SQL statements the store runs
	 * from now on, where they run (for SQLite, sqlite3_trace_v2: every
	 * statement begun, FTS5's own included; a trigger's program is part of
	 * its statement); statements gives the count so far. With
	 * NABIJ_SQL_COUNT set in the environment, a store counts from its
	 * opening and says the count on stderr when it closes. */
	void (*count_statements)(void *db);
	uint64_t (*statements)(void *db);
	void (*close)(void *db);
};

struct nb_store {
	const struct nb_store_ops *ops;
	void *db;
};

static inline void store_close(struct nb_store *s)
{
	if (s->ops)
		s->ops->close(s->db);
	s->ops = NULL;
	s->db = NULL;
}

#endif
