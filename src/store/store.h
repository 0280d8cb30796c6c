/*
 * The storage interface the use-cases talk to: a table of functions over an
 * opaque handle, so another backend can be added without touching core,
 * app or the faces. SQLite (sqlite.c) is the one backend today and the only
 * place in nabij that holds SQL.
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

/* What a check of the database found: each number counts the problems of
 * one kind (0 when all is well), never what the records say. */
struct nb_check {
	bool encrypted;		/* the pages' seals (MACs) were checked too */
	int64_t pages;		/* pages of an encrypted file whose seal does not match */
	int64_t damage;		/* places where the file's structure is damaged */
	int64_t index;		/* places where the search index does not match the records */
	int64_t links;		/* rows pointing to a record that is not there */
	bool counted;		/* whether records could be counted */
	int64_t records[NB_TYPE__COUNT];	/* records of each kind */
};

/* Whether a check found anything wrong. */
static inline bool check_found(const struct nb_check *c)
{
	return c->pages || c->damage || c->index || c->links;
}

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
	enum nb_err (*count)(void *db, enum nb_type t, int64_t *out,
			     struct nb_error *err);
	/* The circle member whose name is name (ignoring case), if any. */
	enum nb_err (*member_by_name)(void *db, const char *name,
				      char uid[NB_UID_LEN], bool *found,
				      struct nb_error *err);
	/* Per exercise, the mean drop in tension over sessions with both answers;
	 * *out is a new array of *n entries the caller frees. */
	/* The version of the contents inside a read scope: it changes with
	 * every commit, of this connection or another; false outside a scope
	 * or where the store cannot tell (then nothing may be kept by it). */
	bool (*version)(void *db, uint64_t *v);
	enum nb_err (*exercise_stats)(void *db, struct nb_exercise_stat **out, size_t *n,
				      struct nb_error *err);
	/* The newest reflection answering prompt, or *out NULL. */
	enum nb_err (*reflection_latest)(void *db, const char *prompt, struct nb_entry **out,
					 struct nb_error *err);
	/* Delete every record, then rewrite the file so that nothing of them
	 * stays on the disk (VACUUM, and the write-ahead log emptied). */
	enum nb_err (*forget_all)(void *db, int64_t *deleted, struct nb_error *err);
	/* Check the database whole (nabij check): the pages of an encrypted
	 * file, the file's structure, the search index against the records,
	 * the links between records, and count the records of each kind. NB_OK
	 * when the checks could run, whatever they found (see struct
	 * nb_check); a part too damaged to be read counts as damage. */
	enum nb_err (*check)(void *db, struct nb_check *out, struct nb_error *err);
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
	void (*close)(void *db);
};

struct nb_store {
	const struct nb_store_ops *ops;
	void *db;
};

/*
 * Open (creating when needed, with its folder) the SQLite database at path,
 * or an in-memory one for ":memory:", and bring its schema up to date.
 */
enum nb_err store_sqlite_open(const char *path, struct nb_store *out,
			      struct nb_error *err);
/* The same for an encrypted database: key is SQLCipher's raw-key text
 * (vault_key); a wrong key is an error, never an empty database, and so is
 * a page that does not match its seal (NB_EDB on the field "damaged", as
 * for any damage SQLite finds). */
enum nb_err store_sqlite_open_key(const char *path, const char *key, struct nb_store *out,
				  struct nb_error *err);
/* The same, for a command that only reads: read-only where the database is
 * there and current, so that a person can read and export their data on a
 * full or read-only disk (immutable when the disk is read-only and nobody
 * has it open); otherwise as store_sqlite_open_key. */
enum nb_err store_sqlite_open_reader(const char *path, const char *key, struct nb_store *out,
				     struct nb_error *err);
/* A page-for-page copy of the open database into the new file dest with
 * SQLite's online backup, under the same key (NULL when unencrypted). */
enum nb_err store_sqlite_backup(struct nb_store *s, const char *dest, const char *key,
				struct nb_error *err);
/* The same, for nabij check: read-only where it can be, and an encrypted
 * database without its pages checked at unlock, since the check itself
 * counts the pages that do not match. */
enum nb_err store_sqlite_open_checker(const char *path, const char *key, struct nb_store *out,
				      struct nb_error *err);
/* PRAGMA integrity_check of the open database. */
enum nb_err store_sqlite_check(struct nb_store *s, struct nb_error *err);
/* Whether the file at path is there and is not a plain SQLite database
 * (an encrypted one starts with random bytes, not "SQLite format 3").
 * Only for a file this process has not opened through SQLite: reading it
 * opens and closes a descriptor, and that close drops SQLite's locks. */
bool store_sqlite_encrypted(const char *path);
/*
 * A full copy of the open database into the new file dest, encrypted with
 * dest_key (raw-key text) or plain when dest_key is NULL, flushed to disk
 * (sqlcipher_export). dest must not exist.
 */
enum nb_err store_sqlite_copy(struct nb_store *s, const char *dest, const char *dest_key,
			      struct nb_error *err);

/* For tests and measurements: count the SQL statements the open SQLite
 * store runs from now on, where they run (sqlite3_trace_v2: every
 * statement begun, FTS5's own included; a trigger's program is part of its
 * statement); store_sqlite_counted gives the count so far. With
 * NABIJ_SQL_COUNT set in the environment, every store counts from its
 * opening and says the count on stderr when it closes. */
void store_sqlite_count(struct nb_store *s);
uint64_t store_sqlite_counted(const struct nb_store *s);

static inline void store_close(struct nb_store *s)
{
	if (s->ops)
		s->ops->close(s->db);
	s->ops = NULL;
	s->db = NULL;
}

#endif
