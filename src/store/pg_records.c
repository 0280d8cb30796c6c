/*
 * The hosted store's records: struct nb_store_ops for one person over a
 * PostgreSQL connection (pg_store). Its statements are the shared ones of
 * sqlgen.c in PostgreSQL's dialect, with this person's number written in
 * each (the dialect's who): every WHERE names the person for each table
 * in it and every INSERT gives the person's column, so that a database
 * sharded by person (Citus) routes each statement to one node, and the
 * policies of row-level security (pg_schema.c) hold besides. Its own are
 * the record's number, counted within the person's records (person_seq:
 * never a sequence of everyone's), the list's query, the search
 * (entry_text, pg_search.c) and forgetting.
 *
 * Every statement runs in a transaction that set the person (pg_begin):
 * a write's, between begin and commit, or a read's, begun at the first
 * statement of a read scope (one snapshot, REPEATABLE READ) and ended with
 * it; an op called outside both is a scope of its own. Before a write
 * commits, the summary of the days it changed is made again (as days.c
 * does for SQLite, from the days the triggers noted) and the person's
 * version of their records counts up: version() reads it, so that what a
 * page keeps while nothing changed is kept here too.
 */
#include "pg.h"
#include "search.h"
#include "sqlgen.h"
#include "core/buf.h"
#include "core/field.h"
#include "core/i18n.h"
#include "core/insight.h"
#include "core/period.h"
#include "core/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ENVELOPE "id, uid, type, at, utc_offset, day, created, updated"
#define SEARCH_WINDOW 1000
#define EACH_BATCH 256

/* The numbers of a person's records by their uid, read at once when a
 * write asks for many (an import asks for each record it brings): each
 * lookup of its own was planned before PostgreSQL had statistics of the
 * person's rows, and it took an index that starts with the person for as
 * good as the uid's, walking all of the person's records for each: 9 of a
 * second person's 29 seconds at 10,000 records, growing with their
 * square. Kept for the open write only. */
struct uid_cache {
	char (*uid)[NB_UID_LEN];
	int64_t *id;
	bool *member;		/* the record is a circle member */
	size_t cap, n;
	bool on;
	int asked;	/* lookups in this write */
};

/* How many lookups in one write before the person's uids are read at once. */
#define UIDS_AT_ONCE 64

/*
 * The rows of a write's records, gathered and written many records at a
 * time: a statement for each table (entry, each kind's, item, entry_text)
 * with each column one array, unnested. A statement for each record and
 * table was parsed and planned each time: half of PostgreSQL's time in an
 * import. Written (sent in the pipeline, pg_pipe) when BATCH records are
 * in it, before any other statement of the store (what it reads or
 * writes then comes after them, as it would have), and at the commit;
 * dropped with a rollback. A record's number is known before its row is
 * written (pgs_put).
 */
#define BATCH 500
#define BATCH_BYTES (4u << 20)	/* or this much text */
enum { E_ID, E_UID, E_TYPE, E_AT, E_OFF, E_DAY, E_CREATED, E_UPDATED, E__COUNT };
enum { I_ENTRY, I_FIELD, I_POS, I_TERM, I_PLACE, I_INTENSITY, I__COUNT };
enum { T_ENTRY, T_LANG, T_WORDS, T__COUNT };

struct batch {
	size_t n;			/* rows in it, of any table */
	size_t records, bytes;		/* records put into it; their text's size */
	size_t entries;			/* rows of entry (a record numbered by PostgreSQL has none) */
	struct nb_buf entry[E__COUNT];
	size_t kinds[NB_TYPE__COUNT];	/* rows of each kind */
	int ncol[NB_TYPE__COUNT];
	struct nb_buf *kind[NB_TYPE__COUNT];	/* entry_id, then each column */
	size_t items;
	struct nb_buf item[I__COUNT];
	size_t texts;
	struct nb_buf text[T__COUNT];
};

struct pgs {
	struct nb_pg *c;
	int64_t person;
	char who[24];			/* the person's number, as SQL */
	struct sql_dialect d;		/* PostgreSQL's, naming this person */
	char *text[S__COUNT];		/* the shared statements, made once */
	char *by_day[2];		/* the rebuild of a few days' facts and summary */
	char *kind[NB_TYPE__COUNT][2];	/* a kind's put and get */
	int reads;			/* read scopes open */
	bool read_own;			/* the open transaction is a read scope's */
	bool wrote;			/* the open write changed something */
	bool say_count;			/* NABIJ_SQL_COUNT */
	/* the number the open write's next new record gets, once a record
	 * was numbered in it (its row of person_seq then locked by the
	 * write: no other can count on); 0 before */
	int64_t next_id;
	int64_t last_kept;		/* the last number person_seq holds in the write */
	size_t added;			/* records the open write added */
	struct uid_cache uids;
	struct batch batch;
	char *rows[NB_TYPE__COUNT];	/* a kind's rows written at once (sql_kind_rows) */
	struct nb_term_pool terms;
};

/* The shared statement st in this person's dialect. */
static const char *stmt(struct pgs *s, enum stmt st)
{
	if (!s->text[st]) {
		struct nb_buf q = { 0 };

		if (!sql_statement(&s->d, st, &q))
			abort();	/* not a shared one: a store's own */
		s->text[st] = buf_detach(&q);
	}
	return s->text[st];
}

static const char *kind_stmt(struct pgs *s, enum nb_type t, bool get)
{
	if (!s->kind[t][get]) {
		struct nb_buf q = { 0 };

		sql_kind(&s->d, t, get ? SQL_KIND_GET : SQL_KIND_PUT, &q);
		s->kind[t][get] = buf_detach(&q);
	}
	return s->kind[t][get];
}

static size_t uid_slot(const struct uid_cache *u, const char *uid)
{
	uint64_t h = 1469598103934665603u;

	for (const char *p = uid; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211u;
	for (size_t i = h & (u->cap - 1);; i = (i + 1) & (u->cap - 1))
		if (!u->uid[i][0] || strcmp(u->uid[i], uid) == 0)
			return i;
}

static void uids_put(struct uid_cache *u, const char *uid, int64_t id, bool member)
{
	size_t i;

	if (!u->on || !uid[0])
		return;
	if ((u->n + 1) * 2 > u->cap) {	/* grow: the table at most half full */
		struct uid_cache old = *u;

		u->cap = u->cap ? u->cap * 2 : 1024;
		u->uid = xcalloc(u->cap, sizeof *u->uid);
		u->id = xcalloc(u->cap, sizeof *u->id);
		u->member = xcalloc(u->cap, sizeof *u->member);
		u->n = 0;
		for (size_t j = 0; j < old.cap; j++)
			if (old.uid[j][0])
				uids_put(u, old.uid[j], old.id[j], old.member[j]);
		free(old.uid);
		free(old.id);
		free(old.member);
	}
	i = uid_slot(u, uid);
	if (!u->uid[i][0])
		u->n++;
	snprintf(u->uid[i], NB_UID_LEN, "%s", uid);
	u->id[i] = id;
	u->member[i] = member;
}

/* The number of the circle member uid names, from the uids read at once
 * (0: none); false when they were not read. */
static bool uids_member(const struct uid_cache *u, const char *uid, int64_t *id)
{
	size_t i;

	if (!u->on)
		return false;
	i = u->cap ? uid_slot(u, uid) : 0;
	*id = u->cap && u->uid[i][0] && u->member[i] ? u->id[i] : 0;
	return true;
}

static void uids_drop(struct uid_cache *u)
{
	free(u->uid);
	free(u->id);
	free(u->member);
	memset(u, 0, sizeof *u);
}

static PGresult *run(struct pgs *s, const char *sql, int n, const char *const *v, struct nb_error *err);
static void array_add(struct nb_buf *b, const char *v);

/* Whether the open transaction is a write's: its rows may be gathered. */
static bool batching(const struct pgs *s)
{
	return s->c->depth && !s->read_own;
}

static void batch_drop(struct batch *b)
{
	for (int i = 0; i < E__COUNT; i++)
		buf_free(&b->entry[i]);
	for (int t = 0; t < NB_TYPE__COUNT; t++) {
		for (int i = 0; i < b->ncol[t]; i++)
			buf_free(&b->kind[t][i]);
		free(b->kind[t]);
	}
	for (int i = 0; i < I__COUNT; i++)
		buf_free(&b->item[i]);
	for (int i = 0; i < T__COUNT; i++)
		buf_free(&b->text[i]);
	memset(b, 0, sizeof *b);
}

/* Send one statement of the batch: its columns, each closed as an array. */
static enum nb_err batch_send(struct pgs *s, const char *sql, struct nb_buf *cols, int n, struct nb_error *err)
{
	const char **v = xcalloc((size_t)n, sizeof *v);
	enum nb_err rc;

	for (int i = 0; i < n; i++) {
		buf_addc(&cols[i], '}');
		v[i] = cols[i].s;
	}
	rc = pg_pipe(s->c, sql, n, v, 0, err);
	free(v);
	return rc;
}

/* Write the batch's rows (sent in the pipeline) and empty it. */
static enum nb_err batch_flush(struct pgs *s, struct nb_error *err)
{
	struct batch *b = &s->batch;
	struct nb_buf q = { 0 };
	enum nb_err rc = NB_OK;

	if (!b->n)
		return NB_OK;
	if (b->entries) {
		buf_addf(&q, "INSERT INTO entry(person, id, uid, type, at, utc_offset, day, created, updated)"
			     " SELECT %s, u.i::bigint, u.u, u.t, u.a::bigint, u.o::bigint, u.d, u.c::bigint, u.p::bigint"
			     " FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],"
			     " $7::text[], $8::text[]) AS u(i, u, t, a, o, d, c, p)", s->who);
		rc = batch_send(s, q.s, b->entry, E__COUNT, err);
	}
	for (int t = NB_CHECKIN; t < NB_TYPE__COUNT && !rc; t++) {
		if (!b->kinds[t])
			continue;
		if (!s->rows[t]) {
			struct nb_buf k = { 0 };

			sql_kind_rows(&s->d, (enum nb_type)t, &k);
			s->rows[t] = buf_detach(&k);
		}
		rc = batch_send(s, s->rows[t], b->kind[t], b->ncol[t], err);
	}
	if (!rc && b->items) {
		buf_reset(&q);
		buf_addf(&q, "INSERT INTO item(person, entry_id, field, pos, term, place, intensity)"
			     " SELECT %s, u.e::bigint, u.f, u.p::bigint, u.t, u.pl, u.i::bigint FROM unnest($1::text[],"
			     " $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u(e, f, p, t, pl, i)", s->who);
		rc = batch_send(s, q.s, b->item, I__COUNT, err);
	}
	if (!rc && b->texts) {
		buf_reset(&q);
		buf_addf(&q, "INSERT INTO entry_text(person, entry_id, lang, doc) SELECT %s, u.e::bigint, u.l::regconfig,"
			     " to_tsvector(u.l::regconfig, u.w) || to_tsvector('simple', u.w)"
			     " FROM unnest($1::text[], $2::text[], $3::text[]) AS u(e, l, w)"
			     " ON CONFLICT (person, entry_id) DO UPDATE SET lang = excluded.lang, doc = excluded.doc", s->who);
		rc = batch_send(s, q.s, b->text, T__COUNT, err);
	}
	buf_free(&q);
	batch_drop(b);
	return rc;
}

/* Read all of the person's uids (in the open write). */
static enum nb_err uids_load(struct pgs *s, struct nb_error *err)
{
	struct nb_buf q = { 0 };
	PGresult *r;

	buf_addf(&q, "SELECT uid, id, type = 'member' FROM entry WHERE person = %s", s->who);
	r = run(s, q.s, 0, NULL, err);
	buf_free(&q);
	if (!r)
		return NB_EDB;
	s->uids.on = true;
	for (int i = 0; i < PQntuples(r); i++)
		uids_put(&s->uids, PQgetvalue(r, i, 0), atoll(PQgetvalue(r, i, 1)), *PQgetvalue(r, i, 2) == 't');
	PQclear(r);
	return NB_OK;
}

/* Before a statement: the transaction of the open scope, begun now. */
static enum nb_err touch(struct pgs *s, struct nb_error *err)
{
	enum nb_err rc;

	if (s->c->depth)
		return NB_OK;
	if ((rc = pg_begin_snapshot(s->c, s->person, err)))
		return rc;
	s->read_own = true;
	return NB_OK;
}

static PGresult *run(struct pgs *s, const char *sql, int n, const char *const *v, struct nb_error *err)
{
	if (s->batch.n && batch_flush(s, err))
		return NULL;
	if (touch(s, err))
		return NULL;
	return pg_run(s->c, sql, n, v, err);
}

/* Run a statement whose rows are not wanted; *changed (may be NULL) gets
 * how many rows it changed. */
static enum nb_err exec(struct pgs *s, const char *sql, int n, const char *const *v, int64_t *changed,
			struct nb_error *err)
{
	PGresult *r = run(s, sql, n, v, err);

	if (!r)
		return err ? err->code : NB_EDB;
	if (changed)
		*changed = atoll(PQcmdTuples(r));
	PQclear(r);
	return NB_OK;
}

/* Run a statement of a write whose answer nothing waits for: sent in the
 * pipeline (pg_pipe), its answer read before the next statement that
 * needs one, or at the commit. In a read scope: at once. */
static enum nb_err later(struct pgs *s, const char *sql, int n, const char *const *v, int64_t want,
			 struct nb_error *err)
{
	enum nb_err rc;

	if (s->batch.n && (rc = batch_flush(s, err)))
		return rc;
	if (!s->c->depth || s->read_own) {
		PGresult *r = run(s, sql, n, v, err);
		bool good = r && (!want || (PQntuples(r) == 1 && atoll(PQgetvalue(r, 0, 0)) == want));

		PQclear(r);
		return !r ? NB_EDB : good ? NB_OK : pg_unexpected(err);
	}
	return pg_pipe(s->c, sql, n, v, want, err);
}

static enum nb_err pgs_read_begin(void *h, struct nb_error *err)
{
	struct pgs *s = h;

	(void)err;
	s->reads++;
	return NB_OK;
}

/* End the reading of a scope: its transaction, when it has one. */
static void read_pause(struct pgs *s)
{
	if (!s->read_own)
		return;
	s->read_own = false;
	pg_commit(s->c, NULL);
}

static void pgs_read_end(void *h)
{
	struct pgs *s = h;

	if (s->reads > 0 && --s->reads == 0)
		read_pause(s);
}

static enum nb_err pgs_begin(void *h, struct nb_error *err)
{
	struct pgs *s = h;
	enum nb_err rc;

	read_pause(s);	/* a write ends the scope's reading; it reads on after */
	if (!s->c->depth) {
		s->wrote = false;
		s->next_id = s->last_kept = 0;
		s->added = 0;
		uids_drop(&s->uids);
		batch_drop(&s->batch);
	}
	rc = pg_begin(s->c, s->person, err);
	return rc;
}

/* From how many changed days the summary is made again in one pass over
 * the person's records (hash joins) rather than day by day. */
#define MANY_DAYS 32

/* The rebuild of a few days' facts (0) or summary (1), day by day. */
static const char *by_day(struct pgs *s, int which)
{
	if (!s->by_day[which]) {
		struct nb_buf q = { 0 };

		if (!sql_refresh_by_day(&s->d, which ? S_REFRESH_DAY_INS : S_REFRESH_FACT_INS, &q))
			abort();
		s->by_day[which] = buf_detach(&q);
	}
	return s->by_day[which];
}

/* Recompute the summary of the days the triggers noted (days.c).
 *
 * PostgreSQL plans these statements before it has statistics of the
 * person's rows (it analyzes a minute after a large write, or saw only
 * other people's rows, and then thinks the person has a row or so in each
 * table). The shared statements, planned so, walked all of a person's
 * moments, needs and sessions for each of their records (a nested loop
 * with the join as a filter): seconds for a few thousand records, past the
 * request's two minutes for ten thousand (bench/RESULTS.md, issue 29). A
 * few changed days (a check-in's) are made again day by day, each row
 * looked up by its key (sql_refresh_by_day). Many (an import's) are made
 * again by the shared statements without nested loops, set for this
 * transaction and put back after: each table of the person read once and
 * joined by hashing, in time in proportion to their records whatever the
 * planner believes. */
static enum nb_err days_refresh(struct pgs *s, struct nb_error *err)
{
	static const enum stmt steps[] = { S_REFRESH_FACT_DEL, S_REFRESH_FACT_INS, S_REFRESH_DAY_DEL,
					   S_REFRESH_DAY_INS, S_REFRESH_DONE };
	struct nb_buf kinds = { 0 }, q = { 0 };
	size_t nk;
	const char *const *k = moment_touch_kinds(&nk);
	char was[8] = "";
	PGresult *r;
	enum nb_err rc = NB_OK;
	long days;
	bool many;

	buf_addf(&q, "SELECT count(*), current_setting('enable_nestloop') FROM (SELECT 1 FROM day_dirty"
		     " WHERE person = %s LIMIT %d) d", s->who, MANY_DAYS);
	r = run(s, q.s, 0, NULL, err);
	buf_free(&q);
	if (!r)
		return NB_EDB;
	days = atol(PQgetvalue(r, 0, 0));
	snprintf(was, sizeof was, "%s", PQgetvalue(r, 0, 1));
	PQclear(r);
	if (!days)
		return NB_OK;
	many = days >= MANY_DAYS;
	if (many && (rc = exec(s, "SELECT set_config('enable_nestloop', 'off', true)", 0, NULL, NULL, err)))
		return rc;
	buf_addc(&kinds, '{');
	for (size_t i = 0; i < nk; i++)
		buf_addf(&kinds, "%s\"%s\"", i ? "," : "", k[i]);
	buf_addc(&kinds, '}');
	for (size_t i = 0; i < sizeof steps / sizeof steps[0] && !rc; i++) {
		const char *v[1] = { kinds.s }, *sql = stmt(s, steps[i]);

		if (!many && steps[i] == S_REFRESH_FACT_INS)
			sql = by_day(s, 0);
		else if (!many && steps[i] == S_REFRESH_DAY_INS)
			sql = by_day(s, 1);
		rc = exec(s, sql, steps[i] == S_REFRESH_FACT_INS ? 1 : 0, v, NULL, err);
	}
	if (!rc && many) {
		const char *v[1] = { was };

		rc = exec(s, "SELECT set_config('enable_nestloop', $1, true)", 1, v, NULL, err);
	}
	buf_free(&kinds);
	return rc;
}

/* The last number the write gave a record, in person_seq (see pgs_put). */
static enum nb_err keep_last(struct pgs *s, struct nb_error *err)
{
	struct nb_buf q = { 0 };
	char last[24];
	const char *v[1] = { pg_int(last, s->next_id - 1) };
	enum nb_err rc;

	if (!s->next_id || s->next_id - 1 == s->last_kept)
		return NB_OK;
	buf_addf(&q, "UPDATE person_seq SET last = $1 WHERE person = %s AND last < $1 RETURNING 1", s->who);
	rc = later(s, q.s, 1, v, 1, err);
	buf_free(&q);
	if (!rc)
		s->last_kept = s->next_id - 1;
	return rc;
}

/* From how many records a write added (an import) PostgreSQL is asked for
 * the statistics of the tables of records at once, after the commit, as
 * autovacuum would a minute or more later (nabij_analyze_records,
 * pg_schema.c): until then it plans the person's statements as if they
 * had a row or so in each table, and today's page and a check-in right
 * after an import took longer. */
#define ANALYZE_AFTER 1000

static enum nb_err pgs_commit(void *h, struct nb_error *err)
{
	struct pgs *s = h;
	bool analyze = s->c->depth == 1 && !s->read_own && s->added >= ANALYZE_AFTER;
	enum nb_err rc;

	if (s->c->depth == 1)
		uids_drop(&s->uids);

	if (s->c->depth == 1 && !s->read_own && s->wrote) {
		struct nb_buf q = { 0 };

		buf_addf(&q, "INSERT INTO person_seq(person, version) VALUES (%s, 1) ON CONFLICT (person)"
			     " DO UPDATE SET version = person_seq.version + 1", s->who);
		rc = batch_flush(s, err);
		if (!rc)
			rc = keep_last(s, err);
		if (!rc)
			rc = days_refresh(s, err);
		if (!rc)
			rc = exec(s, q.s, 0, NULL, NULL, err);
		buf_free(&q);
		if (rc) {
			pg_rollback(s->c);
			return rc;
		}
		s->wrote = false;
	}
	if (s->c->depth == 1)
		s->added = 0;
	if ((rc = pg_commit(s->c, err)) || !analyze)
		return rc;
	/* the import is in: the statistics are a help, not a condition */
	pg_do(s->c, "SELECT nabij_analyze_records()", 0, NULL, NULL);
	return NB_OK;
}

static void pgs_rollback(void *h)
{
	struct pgs *s = h;

	if (s->read_own)	/* only a read scope's transaction: nothing to undo */
		return;
	s->wrote = false;
	s->next_id = s->last_kept = 0;
	s->added = 0;
	batch_drop(&s->batch);
	uids_drop(&s->uids);
	pg_rollback(s->c);
}

/* A list is kept in the item table, not in a column of its kind's row. */
static bool is_list(const struct nb_field *f)
{
	return ftype_ops(f->type)->cell == NB_CELL_NONE;
}

static bool has_lists(enum nb_type t)
{
	size_t n;
	const struct nb_field *f = fields_of(t, &n);

	for (size_t i = 0; i < n; i++)
		if (is_list(&f[i]))
			return true;
	return false;
}

static const char *val(PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col) ? NULL : PQgetvalue(r, row, col);
}

/* A new record with the envelope of row (columns as ENVELOPE). */
static struct nb_entry *envelope(PGresult *r, int row, struct nb_error *err)
{
	enum nb_type type = entry_type_parse(PQgetvalue(r, row, 2));
	struct nb_entry *e;

	if (type == NB_TYPE_NONE) {
		nb_error_set(err, NB_EDB, "", _("Record #%lld has an unknown kind."), atoll(PQgetvalue(r, row, 0)));
		return NULL;
	}
	e = entry_new(type);
	e->id = atoll(PQgetvalue(r, row, 0));
	snprintf(e->uid, sizeof e->uid, "%s", PQgetvalue(r, row, 1));
	e->at.utc = atoll(PQgetvalue(r, row, 3));
	e->at.offset = atoi(PQgetvalue(r, row, 4));
	snprintf(e->day, sizeof e->day, "%s", PQgetvalue(r, row, 5));
	e->created = atoll(PQgetvalue(r, row, 6));
	e->updated = atoll(PQgetvalue(r, row, 7));
	return e;
}

static int by_id(const void *a, const void *b)
{
	const struct nb_entry *x = *(struct nb_entry *const *)a, *y = *(struct nb_entry *const *)b;

	return x->id < y->id ? -1 : x->id > y->id;
}

/* The place of record id among the n records sorted by id, or -1. */
static long find_at(struct nb_entry **sorted, size_t n, int64_t id)
{
	struct nb_entry key = { .id = id }, *k = &key, **e;

	e = n ? bsearch(&k, sorted, n, sizeof *sorted, by_id) : NULL;
	return e ? (long)(e - sorted) : -1;
}

static struct nb_entry *find(struct nb_entry **sorted, size_t n, int64_t id)
{
	long at = find_at(sorted, n, id);

	return at < 0 ? NULL : sorted[at];
}

/* The ids of the records of kind t among v (NB_TYPE_NONE: of every kind
 * with lists) as an array's text, "{1,2,3}". */
static void ids_array(struct nb_buf *b, struct nb_entry *const *v, size_t n, enum nb_type t)
{
	bool first = true;

	buf_reset(b);
	buf_addc(b, '{');
	for (size_t i = 0; i < n; i++) {
		if (t ? v[i]->type != t : !has_lists(v[i]->type))
			continue;
		buf_addf(b, "%s%lld", first ? "" : ",", (long long)v[i]->id);
		first = false;
	}
	buf_addc(b, '}');
}

/* The kind's fields and the lists of the n records v whose envelopes are
 * read: one statement for each kind among them and one for the lists of
 * all, however many they are. */
static enum nb_err get_details(struct pgs *s, struct nb_entry *const *v, size_t n, struct nb_error *err)
{
	struct nb_entry **sorted;
	struct nb_buf ids = { 0 };
	bool kinds[NB_TYPE__COUNT] = { false }, lists = false, *read;
	enum nb_err rc = NB_OK;

	if (!n)
		return NB_OK;
	sorted = xmalloc(n * sizeof *sorted);
	read = xcalloc(n, sizeof *read);
	memcpy(sorted, v, n * sizeof *v);
	qsort(sorted, n, sizeof *sorted, by_id);
	for (size_t i = 0; i < n; i++) {
		kinds[v[i]->type] = true;
		lists = lists || has_lists(v[i]->type);
	}
	for (int t = NB_CHECKIN; t < NB_TYPE__COUNT && !rc; t++) {
		size_t nf;
		const struct nb_field *f = fields_of((enum nb_type)t, &nf);
		const char *val1[1];
		PGresult *r;

		if (!kinds[t])
			continue;
		ids_array(&ids, sorted, n, (enum nb_type)t);
		val1[0] = ids.s;
		if (!(r = run(s, kind_stmt(s, (enum nb_type)t, true), 1, val1, err))) {
			rc = NB_EDB;
			break;
		}
		for (int row = 0; row < PQntuples(r); row++) {
			long at = find_at(sorted, n, atoll(PQgetvalue(r, row, 0)));
			struct nb_entry *e = at < 0 ? NULL : sorted[at];
			int col = 1;

			if (!e || (int)e->type != t)
				continue;
			read[at] = true;
			for (size_t i = 0; i < nf; i++) {
				struct nb_value x;

				if (is_list(&f[i]))
					continue;
				x.null = PQgetisnull(r, row, col);
				x.s = x.null ? NULL : PQgetvalue(r, row, col);
				x.i = x.null ? 0 : atoll(PQgetvalue(r, row, col));
				if (ftype_ops(f[i].type)->cell == NB_CELL_INT)
					x.s = NULL;
				field_from_cell(e, &f[i], &x);
				col++;
			}
		}
		PQclear(r);
	}
	for (size_t i = 0; !rc && i < n; i++)
		if (!read[i])
			rc = nb_error_set(err, NB_EDB, "", _("Record #%lld is incomplete in the database."),
					  (long long)sorted[i]->id);
	if (!rc && lists) {
		const char *val1[1];
		PGresult *r;

		ids_array(&ids, sorted, n, NB_TYPE_NONE);
		val1[0] = ids.s;
		if (!(r = run(s, stmt(s, S_ITEMS_GET), 1, val1, err))) {
			rc = NB_EDB;
		} else {
			for (int row = 0; row < PQntuples(r); row++) {
				struct nb_entry *e = find(sorted, n, atoll(PQgetvalue(r, row, 0)));
				size_t nf;
				const struct nb_field *f = e ? fields_of(e->type, &nf) : NULL;

				for (size_t i = 0; f && i < nf; i++)
					if (is_list(&f[i]) && strcmp(f[i].column, PQgetvalue(r, row, 1)) == 0) {
						items_add(field_items(e, &f[i]), val(r, row, 2), val(r, row, 3),
							  PQgetisnull(r, row, 4) ? 0 : atoi(PQgetvalue(r, row, 4)));
						break;
					}
			}
			PQclear(r);
		}
	}
	buf_free(&ids);
	free(read);
	free(sorted);
	return rc;
}

/* The records of the rows of r (envelopes as ENVELOPE; with deleted, its
 * column 8), whole, appended to out; nothing on an error. */
static enum nb_err entries_of(struct pgs *s, PGresult *r, bool deleted, struct nb_entries *out, struct nb_error *err)
{
	struct nb_entries found = { 0 };
	enum nb_err rc = NB_OK;

	for (int row = 0; !rc && row < PQntuples(r); row++) {
		struct nb_entry *e = envelope(r, row, err);

		if (!e) {
			rc = NB_EDB;
			break;
		}
		if (deleted)
			e->deleted = atoll(PQgetvalue(r, row, 8));
		entries_push(&found, e);
	}
	if (!rc)
		rc = get_details(s, found.v, found.n, err);
	if (rc) {
		entries_free(&found);
		return rc;
	}
	for (size_t i = 0; i < found.n; i++)
		entries_push(out, found.v[i]);
	free(found.v);
	return NB_OK;
}

/* The one record sql with its values gives, whole; *out NULL when none,
 * and then NB_ENOTFOUND for an id asked for (0: none was asked). */
static enum nb_err entry_at(struct pgs *s, const char *sql, int n, const char *const *v, int64_t id,
			    struct nb_entry **out, struct nb_error *err)
{
	struct nb_entries l = { 0 };
	PGresult *r;
	enum nb_err rc;

	*out = NULL;
	pgs_read_begin(s, err);
	if (!(r = run(s, sql, n, v, err))) {
		pgs_read_end(s);
		return NB_EDB;
	}
	rc = entries_of(s, r, false, &l, err);
	PQclear(r);
	pgs_read_end(s);
	if (!rc && l.n)
		*out = l.v[0];
	else if (!rc && id)
		rc = nb_error_set(err, NB_ENOTFOUND, "id", _("There is no record #%lld."), (long long)id);
	for (size_t i = 1; i < l.n; i++)
		entry_free(l.v[i]);
	free(l.v);
	return rc;
}

static enum nb_err pgs_get(void *h, int64_t id, struct nb_entry **out, struct nb_error *err)
{
	struct pgs *s = h;
	char num[24];
	const char *v[1] = { pg_int(num, id) };

	return entry_at(s, stmt(s, S_ENTRY_GET), 1, v, id, out, err);
}

/* The configuration of PostgreSQL's full-text search for a language of
 * nabij, and back. */
static const char *config_of(const char *lang)
{
	return strcmp(lang, "nl") == 0 ? "dutch" : "english";
}

static const char *lang_of(const char *config)
{
	return config && strcmp(config, "dutch") == 0 ? "nl" : "en";
}

/* The search's row of e, in the language of now: its text and the words
 * of its terms, as words (pg_search.c), stemmed in the language's
 * configuration and as they are ('simple': each word of a search matches
 * as the start of a word, as in SQLite). */
static enum nb_err index_entry(struct pgs *s, const struct nb_entry *e, struct nb_error *err)
{
	struct nb_buf text = { 0 }, words = { 0 }, all = { 0 }, q = { 0 };
	char num[24];
	const char *v[3];
	enum nb_err rc;

	store_search_text(e, nb_lang_now(), &text, &words);
	pg_words(text.s ? text.s : "", &all);
	buf_addc(&all, ' ');
	pg_words(words.s ? words.s : "", &all);
	v[0] = pg_int(num, e->id);
	v[1] = config_of(nb_lang_now());
	v[2] = all.s;
	if (batching(s)) {
		for (int i = 0; i < T__COUNT; i++)
			array_add(&s->batch.text[i], v[i]);
		s->batch.texts++;
		s->batch.n++;
		s->batch.bytes += all.len;
		buf_free(&text);
		buf_free(&words);
		buf_free(&all);
		return NB_OK;
	}
	buf_addf(&q, "INSERT INTO entry_text(person, entry_id, lang, doc) VALUES (%s, $1, $2::regconfig,"
		     " to_tsvector($2::regconfig, $3) || to_tsvector('simple', $3)) ON CONFLICT (person, entry_id)"
		     " DO UPDATE SET lang = excluded.lang, doc = excluded.doc", s->who);
	rc = later(s, q.s, 3, v, 0, err);
	buf_free(&q);
	buf_free(&text);
	buf_free(&words);
	buf_free(&all);
	return rc;
}

static enum nb_err unindex_entry(struct pgs *s, int64_t id, struct nb_error *err)
{
	struct nb_buf q = { 0 };
	char num[24];
	const char *v[1] = { pg_int(num, id) };
	enum nb_err rc;

	buf_addf(&q, "DELETE FROM entry_text WHERE person = %s AND entry_id = $1", s->who);
	rc = later(s, q.s, 1, v, 0, err);
	buf_free(&q);
	return rc;
}

/* One experiment runs (or is paused) at a time (sqlite.c's one_experiment). */
static enum nb_err one_experiment(struct pgs *s, const struct nb_entry *e, struct nb_error *err)
{
	char num[24];
	const char *v[1] = { pg_int(num, e->id) };
	PGresult *r;
	bool other;

	if (e->type != NB_EXPERIMENT || !e->u.experiment.state || strcmp(e->u.experiment.state, "stopped") == 0)
		return NB_OK;
	if (!(r = run(s, stmt(s, S_EXP_OTHER_RUNS), 1, v, err)))
		return NB_EDB;
	other = PQntuples(r) > 0;
	PQclear(r);
	if (other)
		return nb_error_set(err, NB_EINVAL, "experiment", "%s",
				    _("One experiment at a time: stop the one that runs first."));
	uids_drop(&s->uids);	/* records may go */
	return exec(s, stmt(s, S_EXP_ASIDE_PURGE), 1, v, NULL, err);
}

/* Text v as an element of an array's text ("{...}"): quoted, or NULL. */
static void array_add(struct nb_buf *b, const char *v)
{
	buf_addc(b, b->len > 1 ? ',' : '{');
	if (!v) {
		buf_add(b, "NULL");
		return;
	}
	buf_addc(b, '"');
	for (; *v; v++) {
		if (*v == '"' || *v == '\\')
			buf_addc(b, '\\');
		buf_addc(b, *v);
	}
	buf_addc(b, '"');
}

/* The items of every list of e (the record id), in one statement: its
 * columns as arrays, unnested (a statement for each item was a round trip
 * each, a third of an import's). */
static enum nb_err put_items(struct pgs *s, const struct nb_entry *e, const char *id, struct nb_error *err)
{
	size_t n;
	const struct nb_field *f = fields_of(e->type, &n);
	bool gather = batching(s);
	struct nb_buf own[I__COUNT] = { 0 }, *col = gather ? s->batch.item : own, q = { 0 };
	const char *v[6];
	size_t count = 0;
	enum nb_err rc = NB_OK;

	for (size_t i = 0; i < n; i++) {
		const struct nb_items *l;

		if (!is_list(&f[i]))
			continue;
		l = field_items_of(e, &f[i]);
		for (size_t j = 0; j < l->n; j++, count++) {
			char num[24];

			if (gather)
				array_add(&col[I_ENTRY], id);
			array_add(&col[I_FIELD], f[i].column);
			array_add(&col[I_POS], pg_int(num, (int64_t)j));
			array_add(&col[I_TERM], l->v[j].term);
			array_add(&col[I_PLACE], l->v[j].place);
			array_add(&col[I_INTENSITY], l->v[j].intensity ? pg_int(num, l->v[j].intensity) : NULL);
		}
	}
	if (gather) {
		s->batch.items += count;
		s->batch.n += count;
		return NB_OK;
	}
	if (count) {
		v[0] = id;
		for (int k = I_FIELD; k < I__COUNT; k++) {
			buf_addc(&col[k], '}');
			v[k] = col[k].s;
		}
		buf_addf(&q, "INSERT INTO item(person, entry_id, field, pos, term, place, intensity)"
			     " SELECT %s, $1, u.f, u.p, u.t, u.pl, u.i FROM unnest($2::text[], $3::int[], $4::text[],"
			     " $5::text[], $6::int[]) AS u(f, p, t, pl, i)", s->who);
		rc = later(s, q.s, 6, v, 0, err);
		buf_free(&q);
	}
	for (int k = 0; k < I__COUNT; k++)
		buf_free(&own[k]);
	return rc;
}

static enum nb_err put_detail(struct pgs *s, const struct nb_entry *e, struct nb_error *err)
{
	size_t n;
	const struct nb_field *f = fields_of(e->type, &n);
	const char **v;
	struct nb_buf *tmp;
	char (*nums)[24];
	char id[24];
	int k = 0, *links, nlinks = 0;
	enum nb_err rc;

	if (!f)
		return nb_error_set(err, NB_EINVAL, "type", _("Unknown kind of record."));
	v = xcalloc(2 * n + 1, sizeof *v);
	tmp = xcalloc(n + 1, sizeof *tmp);
	nums = xcalloc(2 * n + 1, sizeof *nums);
	links = xcalloc(n + 1, sizeof *links);
	v[k++] = pg_int(id, e->id);
	for (size_t i = 0; i < n; i++) {
		struct nb_value x;

		if (is_list(&f[i]))
			continue;
		field_to_cell(e, &f[i], &x, &tmp[k]);
		if (x.null)
			v[k] = NULL;
		else if (ftype_ops(f[i].type)->cell == NB_CELL_INT)
			v[k] = pg_int(nums[k], x.i);
		else
			v[k] = x.s;
		if (ftype_ops(f[i].type)->names_record)
			links[nlinks++] = k;
		k++;
	}
	if (batching(s)) {	/* a row among the batch's of its kind */
		struct batch *b = &s->batch;
		int all = k + nlinks;

		/* a circle member named by their uid: the number, when the
		 * person's uids were read (an import's), given with it
		 * (sql_kind_rows), not looked up by PostgreSQL for each row:
		 * planned before it had statistics of the person, the lookup
		 * went through all of their records each time */
		for (int j = 0; j < nlinks; j++) {
			int64_t mid;

			v[k + j] = NULL;
			if (v[links[j]] && uids_member(&s->uids, v[links[j]], &mid)) {
				v[links[j]] = NULL;
				v[k + j] = mid ? pg_int(nums[k + j], mid) : NULL;
			}
		}
		if (!b->kind[e->type]) {
			b->ncol[e->type] = all;
			b->kind[e->type] = xcalloc((size_t)all, sizeof *b->kind[e->type]);
		}
		for (int i = 0; i < all; i++) {
			array_add(&b->kind[e->type][i], v[i]);
			b->bytes += v[i] ? strlen(v[i]) : 0;
		}
		b->kinds[e->type]++;
		b->n++;
		rc = NB_OK;
	} else {
		rc = later(s, kind_stmt(s, e->type, false), k, v, 0, err);
	}
	for (int i = 0; i < k; i++)
		buf_free(&tmp[i]);
	free(v);
	free(tmp);
	free(nums);
	free(links);
	if (!rc)
		rc = put_items(s, e, id, err);
	return rc;
}

static enum nb_err pgs_put(void *h, struct nb_entry *e, struct nb_error *err)
{
	struct pgs *s = h;
	char at[24], off[24], created[24], updated[24], id[24];
	enum nb_err rc;

	s->wrote = true;
	if ((rc = one_experiment(s, e, err)))
		return rc;
	if (e->id == 0) {
		/* the next number among the person's own records (person_seq):
		 * counted up by PostgreSQL for the first of a write, whose answer
		 * is awaited; the write then holds the person's row of
		 * person_seq, and each record after it is the one more that the
		 * store counts, sent in the pipeline, the count written once at
		 * the commit (keep_last). A row of person_seq changed for each
		 * record left as many versions of it in the write, each looked
		 * up again by the next: a 50,000-record import's time grew with
		 * its square. */
		const char *v[8] = { e->uid, entry_type_id(e->type), pg_int(at, e->at.utc), pg_int(off, e->at.offset),
				     e->day, pg_int(created, e->created), pg_int(updated, e->updated), NULL };
		struct nb_buf q = { 0 };
		PGresult *r;

		if (s->next_id && batching(s)) {	/* its row among the batch's */
			const char *row[E__COUNT] = { [E_ID] = pg_int(id, s->next_id), [E_UID] = v[0], [E_TYPE] = v[1],
						      [E_AT] = v[2], [E_OFF] = v[3], [E_DAY] = v[4],
						      [E_CREATED] = v[5], [E_UPDATED] = v[6] };

			for (int i = 0; i < E__COUNT; i++)
				array_add(&s->batch.entry[i], row[i]);
			s->batch.entries++;
			s->batch.n++;
			e->id = s->next_id;
		} else {
			buf_addf(&q, "WITH n AS (INSERT INTO person_seq(person, last) VALUES (%s, 1) ON CONFLICT (person)"
				     " DO UPDATE SET last = person_seq.last + 1 RETURNING last)"
				     " INSERT INTO entry(person, id, uid, type, at, utc_offset, day, created, updated)"
				     " VALUES (%s, (SELECT last FROM n), $1, $2, $3, $4, $5, $6, $7) RETURNING id",
				 s->who, s->who);
			r = run(s, q.s, 7, v, err);
			buf_free(&q);
			if (!r)
				return NB_EDB;
			e->id = atoll(PQgetvalue(r, 0, 0));
			PQclear(r);
			s->last_kept = e->id;
		}
		if (batching(s))
			s->next_id = e->id + 1;
		s->added++;
		uids_put(&s->uids, e->uid, e->id, e->type == NB_MEMBER);
	} else {
		const char *v[6] = { pg_int(at, e->at.utc), pg_int(off, e->at.offset), e->day, pg_int(updated, e->updated),
				     pg_int(id, e->id), entry_type_id(e->type) };
		const char *one[1] = { id };
		int64_t n = 0;

		if ((rc = unindex_entry(s, e->id, err)) || (rc = exec(s, stmt(s, S_ENTRY_UPD), 6, v, &n, err)))
			return rc;
		if (n != 1)
			return nb_error_set(err, NB_ENOTFOUND, "id", _("There is no record #%lld."), (long long)e->id);
		if ((rc = exec(s, stmt(s, S_ITEMS_DEL), 1, one, NULL, err)))
			return rc;
	}
	if ((rc = put_detail(s, e, err)) || (rc = index_entry(s, e, err)))
		return rc;
	if (batching(s) && (++s->batch.records >= BATCH || s->batch.bytes >= BATCH_BYTES))
		rc = batch_flush(s, err);
	return rc;
}

static enum nb_err pgs_find_uid(void *h, const char *uid, int64_t *id, struct nb_error *err)
{
	struct pgs *s = h;
	const char *v[1] = { uid };
	PGresult *r;

	*id = 0;
	if (s->c->depth && !s->read_own) {	/* in a write: many lookups, the person's uids at once */
		if (!s->uids.on && ++s->uids.asked >= UIDS_AT_ONCE && uids_load(s, err))
			return NB_EDB;
		if (s->uids.on) {
			size_t i = s->uids.cap ? uid_slot(&s->uids, uid) : 0;

			*id = s->uids.cap && s->uids.uid[i][0] ? s->uids.id[i] : 0;
			return NB_OK;
		}
	}
	pgs_read_begin(s, err);
	r = run(s, stmt(s, S_ENTRY_UID), 1, v, err);
	if (r && PQntuples(r))
		*id = atoll(PQgetvalue(r, 0, 0));
	PQclear(r);
	pgs_read_end(s);
	return r ? NB_OK : NB_EDB;
}

static enum nb_err pgs_del(void *h, int64_t id, int64_t at, struct nb_error *err)
{
	struct pgs *s = h;
	char a[24], i[24];
	const char *v[2] = { pg_int(a, at), pg_int(i, id) };
	int64_t n = 0;
	enum nb_err rc;

	s->wrote = true;
	if ((rc = unindex_entry(s, id, err)) || (rc = exec(s, stmt(s, S_ENTRY_ASIDE), 2, v, &n, err)))
		return rc;
	if (n != 1)
		return nb_error_set(err, NB_ENOTFOUND, "id", _("There is no record #%lld."), (long long)id);
	return NB_OK;
}

static enum nb_err pgs_undo(void *h, int64_t id, struct nb_error *err)
{
	struct pgs *s = h;
	char i[24];
	const char *v[1] = { pg_int(i, id) };
	struct nb_entry *e;
	int64_t n = 0;
	enum nb_err rc;

	s->wrote = true;
	if ((rc = exec(s, stmt(s, S_ENTRY_BACK), 1, v, &n, err)))
		return rc;
	if (n != 1)
		return nb_error_set(err, NB_ENOTFOUND, "id", _("Record #%lld is not waiting to be undone."),
				    (long long)id);
	if ((rc = pgs_get(s, id, &e, err)))
		return rc;
	rc = index_entry(s, e, err);
	entry_free(e);
	return rc;
}

static enum nb_err pgs_waiting(void *h, struct nb_entries *out, struct nb_error *err)
{
	struct pgs *s = h;
	PGresult *r;
	enum nb_err rc;

	pgs_read_begin(s, err);
	if (!(r = run(s, stmt(s, S_WAITING), 0, NULL, err))) {
		pgs_read_end(s);
		return NB_EDB;
	}
	rc = entries_of(s, r, true, out, err);
	PQclear(r);
	pgs_read_end(s);
	return rc;
}

static enum nb_err pgs_purge(void *h, int64_t before, int64_t id, int64_t *n, struct nb_error *err)
{
	struct pgs *s = h;
	char b[24], i[24];
	const char *v[2] = { pg_int(b, before), pg_int(i, id) };
	int64_t gone = 0;
	enum nb_err rc;

	s->wrote = true;
	uids_drop(&s->uids);	/* records go */
	rc = exec(s, stmt(s, S_PURGE), 2, v, &gone, err);
	if (n)
		*n = rc ? 0 : gone;
	return rc;
}

/* The statement of the records q asks for, with its values (since,
 * until) in v; how many. */
static int query_text(struct pgs *s, const struct nb_query *q, struct nb_buf *sql, const char *v[2])
{
	unsigned types = q->types ? q->types : ~NB_TYPE_BIT(NB_MEMBER);
	bool first = true;
	int n = 0;

	buf_addf(sql, "SELECT " ENVELOPE " FROM entry WHERE person = %s AND deleted IS NULL AND ", s->who);
	if (!q->types) {
		buf_add(sql, "type <> 'member'");
	} else {
		buf_add(sql, "type IN (");
		for (int t = NB_CHECKIN; t < NB_TYPE__COUNT; t++)
			if (types & NB_TYPE_BIT(t)) {
				buf_addf(sql, "%s'%s'", first ? "" : ", ", entry_type_id((enum nb_type)t));
				first = false;
			}
		buf_add(sql, first ? "NULL)" : ")");
	}
	if (q->since) {
		v[n++] = q->since;
		buf_addf(sql, " AND day >= $%d", n);
	}
	if (q->until) {
		v[n++] = q->until;
		buf_addf(sql, " AND day <= $%d", n);
	}
	if (!q->newest_first && q->since && q->until && (q->by_day || strcmp(q->since, q->until) == 0))
		buf_add(sql, " ORDER BY day, at, id");
	else
		buf_add(sql, q->newest_first ? " ORDER BY at DESC, id DESC" : " ORDER BY at, id");
	if (q->limit > 0)
		buf_addf(sql, " LIMIT %d", q->limit);
	return n;
}

static enum nb_err pgs_list(void *h, const struct nb_query *q, struct nb_entries *out, struct nb_error *err)
{
	struct pgs *s = h;
	struct nb_buf sql = { 0 };
	const char *v[2];
	int n = query_text(s, q, &sql, v);
	PGresult *r;
	enum nb_err rc = NB_EDB;

	pgs_read_begin(s, err);
	if ((r = run(s, sql.s, n, v, err))) {
		rc = entries_of(s, r, false, out, err);
		PQclear(r);
	}
	pgs_read_end(s);
	buf_free(&sql);
	return rc;
}

/* The records of q a batch at a time, through a cursor: only so many in
 * memory at once. */
static enum nb_err pgs_each(void *h, const struct nb_query *q, nb_each_fn fn, void *ctx, struct nb_error *err)
{
	struct pgs *s = h;
	struct nb_buf sql = { 0 }, decl = { 0 };
	const char *v[2];
	int n = query_text(s, q, &sql, v);
	enum nb_err rc;
	bool more = true;

	pgs_read_begin(s, err);
	buf_addf(&decl, "DECLARE nabij_each NO SCROLL CURSOR FOR %s", sql.s);
	rc = exec(s, decl.s, n, v, NULL, err);
	while (!rc && more) {
		struct nb_entries batch = { 0 };
		PGresult *r = run(s, "FETCH 256 FROM nabij_each", 0, NULL, err);

		if (!r) {
			rc = NB_EDB;
			break;
		}
		more = PQntuples(r) == EACH_BATCH;
		rc = entries_of(s, r, false, &batch, err);
		PQclear(r);
		for (size_t i = 0; !rc && i < batch.n; i++)
			rc = fn(batch.v[i], ctx, err);
		entries_free(&batch);
	}
	if (s->c->depth && !s->c->failed)
		exec(s, "CLOSE nabij_each", 0, NULL, NULL, NULL);
	pgs_read_end(s);
	buf_free(&sql);
	buf_free(&decl);
	return rc;
}

static enum nb_err pgs_search(void *h, const char *words, int limit, struct nb_hits *out, struct nb_error *err)
{
	struct pgs *s = h;
	char *query = pg_query_text(words);
	struct nb_hits found = { 0 };
	struct nb_buf sql = { 0 }, ids = { 0 };
	char win[24], lim[24];
	const char *v[3];
	PGresult *r = NULL, *e = NULL;
	enum nb_err rc = NB_OK;
	int n;

	if (!query)
		return nb_error_set(err, NB_EUSAGE, "words", _("Give one or more words to search for."));
	/* the matches, newest first, a window of them ranked (all when the
	 * limit is 0): each word as the start of a word, or stemmed in the
	 * record's language */
	v[0] = query;
	v[1] = limit <= 0 ? NULL : pg_int(win, limit > SEARCH_WINDOW ? limit : SEARCH_WINDOW);
	v[2] = limit <= 0 ? NULL : pg_int(lim, limit);
	buf_addf(&sql,
		 "WITH q AS (SELECT to_tsquery('simple', $1) AS s, to_tsquery('english', $1) AS en,"
		 " to_tsquery('dutch', $1) AS nl),"
		 " m AS (SELECT t.entry_id, t.lang, ts_rank(t.doc, q.s || CASE WHEN t.lang = 'dutch'::regconfig"
		 " THEN q.nl ELSE q.en END) AS r, row_number() OVER (ORDER BY t.entry_id DESC) AS n"
		 " FROM entry_text t CROSS JOIN q WHERE t.person = %s AND (t.doc @@ q.s OR t.doc @@ CASE"
		 " WHEN t.lang = 'dutch'::regconfig THEN q.nl ELSE q.en END)"
		 " ORDER BY t.entry_id DESC LIMIT $2::bigint + 1)"
		 " SELECT entry_id, lang::text, (SELECT count(*) FROM m) FROM m WHERE n <= coalesce($2::bigint, n)"
		 " ORDER BY r DESC, entry_id DESC LIMIT $3::bigint",
		 s->who);
	pgs_read_begin(s, err);
	if (!(r = run(s, sql.s, 3, v, err)))
		rc = NB_EDB;
	n = r ? PQntuples(r) : 0;
	if (n) {
		size_t all = (size_t)atoll(PQgetvalue(r, 0, 2));

		found.over = limit > 0 && all > (size_t)atoll(v[1]);
		found.total = found.over ? (size_t)atoll(v[1]) : all;
		buf_addc(&ids, '{');
		for (int i = 0; i < n; i++)
			buf_addf(&ids, "%s%s", i ? "," : "", PQgetvalue(r, i, 0));
		buf_addc(&ids, '}');
		v[0] = ids.s;
		if (!(e = run(s, stmt(s, S_ENTRIES_GET), 1, v, err)))
			rc = NB_EDB;
	}
	if (e) {
		struct nb_entries l = { 0 };

		rc = entries_of(s, e, false, &l, err);
		qsort(l.v, l.n, sizeof *l.v, by_id);
		for (int i = 0; !rc && i < n; i++) {
			struct nb_entry *hit = find(l.v, l.n, atoll(PQgetvalue(r, i, 0)));
			struct nb_buf text = { 0 }, terms = { 0 };

			if (!hit) {
				rc = nb_error_set(err, NB_EDB, "", _("Record #%lld is incomplete in the database."),
						  atoll(PQgetvalue(r, i, 0)));
				break;
			}
			store_search_text(hit, lang_of(PQgetvalue(r, i, 1)), &text, &terms);
			found.v = xrealloc(found.v, (found.n + 1) * sizeof *found.v);
			found.v[found.n].entry = hit;
			found.v[found.n].snippet = pg_snippet(text.s ? text.s : "", words, 12);
			found.n++;
			buf_free(&text);
			buf_free(&terms);
		}
		/* the hits' records are found's now; the others go */
		for (size_t i = 0; i < l.n; i++) {
			bool taken = false;

			for (size_t j = 0; j < found.n && !taken; j++)
				taken = found.v[j].entry == l.v[i];
			if (!taken)
				entry_free(l.v[i]);
		}
		free(l.v);
		PQclear(e);
	}
	PQclear(r);
	pgs_read_end(s);
	free(query);
	buf_free(&sql);
	buf_free(&ids);
	if (rc) {
		hits_free(&found);
		return rc;
	}
	*out = found;
	return NB_OK;
}

static enum nb_err pgs_last_touch(void *h, bool self, struct nb_entry **out, struct nb_error *err)
{
	struct pgs *s = h;
	size_t n;
	const char *const *kinds = self ? moment_self_kinds(&n) : moment_touch_kinds(&n);
	struct nb_buf list = { 0 };
	const char *v[1];
	enum nb_err rc;

	buf_add(&list, ",");
	for (size_t i = 0; i < n; i++)
		buf_addf(&list, "%s,", kinds[i]);
	v[0] = list.s;
	rc = entry_at(s, stmt(s, S_LAST_TOUCH), 1, v, 0, out, err);
	buf_free(&list);
	return rc;
}

/* The first value of the one row sql gives as a number (0 when none). */
static enum nb_err one_number(struct pgs *s, const char *sql, int n, const char *const *v, int64_t *out,
			      struct nb_error *err)
{
	PGresult *r;

	*out = 0;
	pgs_read_begin(s, err);
	r = run(s, sql, n, v, err);
	if (r && PQntuples(r) && !PQgetisnull(r, 0, 0))
		*out = atoll(PQgetvalue(r, 0, 0));
	PQclear(r);
	pgs_read_end(s);
	return r ? NB_OK : NB_EDB;
}

static enum nb_err pgs_count(void *h, enum nb_type t, int64_t *out, struct nb_error *err)
{
	struct pgs *s = h;
	const char *v[1] = { entry_type_id(t) };

	return one_number(s, stmt(s, S_COUNT), 1, v, out, err);
}

static enum nb_err pgs_member_by_name(void *h, const char *name, char uid[NB_UID_LEN], bool *found,
				      struct nb_error *err)
{
	struct pgs *s = h;
	const char *v[1] = { name };
	PGresult *r;

	*found = false;
	pgs_read_begin(s, err);
	r = run(s, stmt(s, S_MEMBER_NAME), 1, v, err);
	if (r && PQntuples(r)) {
		snprintf(uid, NB_UID_LEN, "%s", PQgetvalue(r, 0, 0));
		*found = true;
	}
	PQclear(r);
	pgs_read_end(s);
	return r ? NB_OK : NB_EDB;
}

/* The person's version of their records, counted up by each write's
 * commit, of any connection (person_seq), read in the scope's snapshot. */
static bool pgs_version(void *h, uint64_t *v)
{
	struct pgs *s = h;
	struct nb_buf q = { 0 };
	int64_t n = 0;
	enum nb_err rc;

	if (!s->reads && !s->c->depth)
		return false;
	buf_addf(&q, "SELECT version FROM person_seq WHERE person = %s", s->who);
	rc = one_number(s, q.s, 0, NULL, &n, NULL);
	buf_free(&q);
	*v = (uint64_t)n;
	return rc == NB_OK && !s->wrote;	/* a write not yet committed: not a version yet */
}

static enum nb_err pgs_exercise_stats(void *h, struct nb_exercise_stat **out, size_t *n, struct nb_error *err)
{
	struct pgs *s = h;
	PGresult *r;
	struct nb_exercise_stat *v = NULL;
	int rows;

	*out = NULL;
	*n = 0;
	pgs_read_begin(s, err);
	r = run(s, stmt(s, S_EXERCISE_STATS), 0, NULL, err);
	rows = r ? PQntuples(r) : 0;
	if (rows)
		v = xcalloc((size_t)rows, sizeof *v);
	for (int i = 0; i < rows; i++) {
		snprintf(v[i].exercise, sizeof v[i].exercise, "%s", PQgetvalue(r, i, 0));
		v[i].drop = atof(PQgetvalue(r, i, 1));
		v[i].n = atoi(PQgetvalue(r, i, 2));
	}
	PQclear(r);
	pgs_read_end(s);
	if (!r)
		return NB_EDB;
	*out = v;
	*n = (size_t)rows;
	return NB_OK;
}

static enum nb_err pgs_reflection_latest(void *h, const char *prompt, struct nb_entry **out, struct nb_error *err)
{
	struct pgs *s = h;
	const char *v[1] = { prompt };

	return entry_at(s, stmt(s, S_REFLECTION_LATEST), 1, v, 0, out, err);
}

/* Every record of the person goes, with the summary of their days (the
 * search's rows go with their records). PostgreSQL's own vacuum then
 * frees their rows' space; the app role may not run it (it owns no table). */
static enum nb_err pgs_forget_all(void *h, int64_t *deleted, struct nb_error *err)
{
	static const char *const tables[] = { "entry", "day_fact", "day_summary", "day_dirty" };
	struct pgs *s = h;
	enum nb_err rc;

	*deleted = 0;
	if ((rc = pgs_begin(s, err)))
		return rc;
	s->wrote = true;
	uids_drop(&s->uids);
	for (size_t i = 0; !rc && i < sizeof tables / sizeof tables[0]; i++) {
		struct nb_buf q = { 0 };

		buf_addf(&q, "DELETE FROM %s WHERE person = %s", tables[i], s->who);
		rc = exec(s, q.s, 0, NULL, i ? NULL : deleted, err);
		buf_free(&q);
	}
	if (rc) {
		pgs_rollback(s);
		return rc;
	}
	return pgs_commit(s, err);
}

static double number_or_nan(PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col) ? NAN : atof(PQgetvalue(r, row, col));
}

static enum nb_err pgs_period(void *h, const char *since, const char *until, struct nb_period *out,
			      struct nb_error *err)
{
	struct pgs *s = h;
	struct nb_period_reading rd;
	const char *v[2] = { since, until };
	double m[NB_M__COUNT];
	PGresult *r;

	memset(out, 0, sizeof *out);
	pgs_read_begin(s, err);
	r = run(s, stmt(s, S_PERIOD), 2, v, err);
	pgs_read_end(s);
	if (!r)
		return NB_EDB;
	period_read_begin(&rd, out, &s->terms);
	for (int i = 0; i < PQntuples(r); i++) {
		for (int k = 0; k < NB_M__COUNT; k++)
			m[k] = number_or_nan(r, i, 3 + k);
		period_read_day(&rd, PQgetvalue(r, i, 0), atoi(PQgetvalue(r, i, 1)), m, PQgetvalue(r, i, 2));
	}
	period_read_end(&rd);
	PQclear(r);
	return NB_OK;
}

static enum nb_err pgs_day_means(void *h, const char *since, const char *until, struct nb_day_stat **out,
				 size_t *n, struct nb_error *err)
{
	struct pgs *s = h;
	const char *v[2] = { since, until };
	struct nb_day_stat *days = NULL;
	double m[NB_M__COUNT];
	size_t cap = 0;
	PGresult *r;

	*out = NULL;
	*n = 0;
	pgs_read_begin(s, err);
	r = run(s, stmt(s, S_DAY_MEANS), 2, v, err);
	pgs_read_end(s);
	if (!r)
		return NB_EDB;
	for (int i = 0; i < PQntuples(r); i++) {
		for (int k = 0; k < NB_M__COUNT; k++)
			m[k] = number_or_nan(r, i, 1 + k);
		day_stats_add(&days, n, &cap, PQgetvalue(r, i, 0), m);
	}
	PQclear(r);
	*out = days;
	return NB_OK;
}

static void pgs_count_statements(void *h)
{
	struct pgs *s = h;

	s->c->counting = true;
}

static uint64_t pgs_statements(void *h)
{
	struct pgs *s = h;

	return s->c->statements;
}

static void pgs_close(void *h)
{
	struct pgs *s = h;

	if (!s)
		return;
	if (s->read_own)
		read_pause(s);
	else if (s->c->depth)	/* a write never committed */
		pg_rollback(s->c);
	if (s->say_count)
		fprintf(stderr, "nabij: %llu SQL statements\n", (unsigned long long)s->c->statements);
	for (int i = 0; i < S__COUNT; i++)
		free(s->text[i]);
	free(s->by_day[0]);
	free(s->by_day[1]);
	for (int t = 0; t < NB_TYPE__COUNT; t++) {
		free(s->kind[t][0]);
		free(s->kind[t][1]);
	}
	term_pool_free(&s->terms);
	uids_drop(&s->uids);
	batch_drop(&s->batch);
	for (int t = 0; t < NB_TYPE__COUNT; t++)
		free(s->rows[t]);
	free(s);	/* the connection stays open: its worker's */
}

static const struct nb_store_ops pg_ops = {
	.begin = pgs_begin,
	.commit = pgs_commit,
	.rollback = pgs_rollback,
	.read_begin = pgs_read_begin,
	.read_end = pgs_read_end,
	.put = pgs_put,
	.get = pgs_get,
	.find_uid = pgs_find_uid,
	.del = pgs_del,
	.undo = pgs_undo,
	.waiting = pgs_waiting,
	.purge = pgs_purge,
	.list = pgs_list,
	.each = pgs_each,
	.search = pgs_search,
	.last_touch = pgs_last_touch,
	.count = pgs_count,
	.member_by_name = pgs_member_by_name,
	.version = pgs_version,
	.exercise_stats = pgs_exercise_stats,
	.reflection_latest = pgs_reflection_latest,
	.forget_all = pgs_forget_all,
	.period = pgs_period,
	.day_means = pgs_day_means,
	.count_statements = pgs_count_statements,
	.statements = pgs_statements,
	.close = pgs_close,
};

void pg_store(struct nb_pg *c, int64_t person, struct nb_store *out)
{
	struct pgs *s = xcalloc(1, sizeof *s);

	if (person <= 0)
		abort();	/* a store is someone's */
	s->c = c;
	s->person = person;
	pg_int(s->who, person);
	s->d = sql_postgresql;
	s->d.who = s->who;
	if (getenv("NABIJ_SQL_COUNT") && *getenv("NABIJ_SQL_COUNT")) {
		s->say_count = true;
		c->counting = true;
	}
	out->ops = &pg_ops;
	out->db = s;
}
