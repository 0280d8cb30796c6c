/*
 * The SQLite backend of struct nb_store_ops, its records: with days.c,
 * file.c, schema.c and sqlgen.c the only files in nabij with SQL; its own
 * statements are its transactions and its search (FTS5), the others come
 * from sqlgen.c in SQLite's dialect. One table holds the envelope of every
 * record (entry), one table per kind holds its fields, one table holds the
 * lists (emotions, needs, body sensations, tags, body effects), and an FTS5
 * table indexes all text. Statements are prepared once per connection and
 * kept.
 */
#include "db.h"
#include "schema.h"
#include "search.h"
#include "sqlgen.h"
#include "core/buf.h"
#include "core/field.h"
#include "core/i18n.h"
#include "core/insight.h"
#include "core/time.h"
#include "core/xalloc.h"

#include <sqlite3.h>

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#define ENVELOPE "id, uid, type, at, utc_offset, day, created, updated"

/* The statements that are SQLite's own: its transactions, and its search
 * (FTS5); every other statement is made from the rows and the dialect
 * (sqlgen.c). */
static const char *const own[S__COUNT] = {
	[S_BEGIN] = "BEGIN IMMEDIATE",
	[S_COMMIT] = "COMMIT",
	[S_READ] = "BEGIN",
	/* the index keeps no copy of the text (schema 10): a row leaves it by
	 * the text it was fed, made again from the record in the language it
	 * was made in (lang), and FTS5's secure-delete takes each of its words
	 * out of the index's pages */
	[S_FTS_DEL] = "INSERT INTO entry_fts(entry_fts, rowid, body, words, lang) VALUES ('delete', ?, ?, ?, ?)",
	[S_FTS_INS] = "INSERT INTO entry_fts(rowid, body, words, lang) VALUES (?, ?, ?, ?)",
	[S_FTS_LANG] = "SELECT lang FROM entry_fts WHERE rowid = ?",
	[S_FTS_SIZE] = "SELECT sz FROM entry_fts_docsize WHERE id = ?",
	/* the matches newest first, the window of them gathered for the
	 * ranking (rank.c); the language of the hits shown */
	[S_SEARCH_WALK] = "SELECT nb_gather(entry_fts, ?1) FROM entry_fts WHERE entry_fts MATCH ?2 ORDER BY rowid DESC LIMIT ?3",
	[S_SEARCH_SIZES] = "SELECT id, sz FROM entry_fts_docsize WHERE id IN (SELECT value FROM json_each(?))",
	[S_SEARCH_SIZES_RANGE] = "SELECT id, sz FROM entry_fts_docsize WHERE id BETWEEN ? AND ?",
	[S_SEARCH_LANG] = "SELECT rowid, lang FROM entry_fts WHERE rowid IN (SELECT value FROM json_each(?))",
};

#define SEARCH_WINDOW 1000

enum nb_err sq_error(struct db *d, struct nb_error *err)
{
	int code = sqlite3_extended_errcode(d->h) & 0xff;

	if (code == SQLITE_IOERR) {	/* what the system said decides the words */
		int sys = sqlite3_system_errno(d->h);
		code = sys == ENOSPC || sys == EDQUOT ? SQLITE_FULL : sys == EROFS ? SQLITE_READONLY : code;
	}
	switch (code) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return nb_error_set(err, NB_EDB, "",
				    _("The database is busy: another nabij is writing to it. Nothing was changed; please try again in a moment."));
	case SQLITE_FULL:
		return nb_error_set(err, NB_EDB, "",
				    _("The disk is full. Nothing was changed; what was saved before is safe."));
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
		return nb_error_set(err, NB_EDB, "",
				    _("The database cannot be written here (%s). Nothing was changed."),
				    sqlite3_errmsg(d->h));
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:	/* "damaged": nabij restore puts a backup in its place */
		return nb_error_set(err, NB_EDB, "damaged",
				    _("The database file is damaged, was changed outside nabij, or is not a nabij database (%s). nabij shows nothing rather than part of it; a backup can be restored with nabij restore."),
				    sqlite3_errmsg(d->h));
	case SQLITE_IOERR:
		return nb_error_set(err, NB_EDB, "",
				    _("The disk reported an error (%s). Nothing was changed; what was saved before is safe."),
				    strerror(sqlite3_system_errno(d->h)));
	default:
		return nb_error_set(err, NB_EDB, "", _("The database reported a problem: %s."),
				    sqlite3_errmsg(d->h));
	}
}

/* The prepared statement s, reset and with its bindings cleared. */
static sqlite3_stmt *prepared(struct db *d, enum stmt s, struct nb_error *err)
{
	if (!d->st[s]) {
		struct nb_buf made = { 0 };	/* the statements of the summary, from the measures */
		int rc;

		if (!own[s])
			sql_statement(&sql_sqlite, s, &made);
		rc = sqlite3_prepare_v3(d->h, own[s] ? own[s] : made.s, -1, SQLITE_PREPARE_PERSISTENT,
					&d->st[s], NULL);
		buf_free(&made);
		if (rc != SQLITE_OK) {
			sq_error(d, err);
			return NULL;
		}
	} else {
		sqlite3_reset(d->st[s]);
		sqlite3_clear_bindings(d->st[s]);
	}
	return d->st[s];
}

static void read_touch(struct db *d);

sqlite3_stmt *sq_stmt(struct db *d, enum stmt s, struct nb_error *err)
{
	read_touch(d);
	return prepared(d, s, err);
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

/* Bind v, or NULL when v is the "not answered" value. */
static void bind_opt(sqlite3_stmt *st, int i, int v, int unset)
{
	if (v == unset)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int(st, i, v);
}

static int col_opt(sqlite3_stmt *st, int i, int unset)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? unset : sqlite3_column_int(st, i);
}

/* Step a statement that returns no rows. */
enum nb_err sq_run(struct db *d, sqlite3_stmt *st, struct nb_error *err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? NB_OK : sq_error(d, err);
}

enum nb_err sq_exec(struct db *d, const char *text, struct nb_error *err)
{
	return sqlite3_exec(d->h, text, NULL, NULL, NULL) == SQLITE_OK ? NB_OK : sq_error(d, err);
}

/*
 * Read scopes: what a use-case reads between read_begin and read_end is one
 * transaction (one snapshot, the file's locks taken once) instead of one
 * for each statement. Its BEGIN runs with the first statement inside
 * (read_touch), so that a page that reads nothing costs nothing. Scopes
 * nest; inside a write transaction they are that transaction. A write
 * inside a scope ends its reading first (a deferred transaction that has
 * read cannot become a write once another connection wrote); the next
 * statement after the write begins the reading again, seeing the write.
 */
static enum nb_err read_open(struct db *d, struct nb_error *err)
{
	sqlite3_stmt *st = prepared(d, S_READ, err);
	enum nb_err rc;

	if (!st)
		return NB_EDB;
	if ((rc = sq_run(d, st, err)))
		return rc;
	d->read_own = true;
	return NB_OK;
}

/* Before a statement: begin the transaction of an open read scope (should
 * it not begin, each statement reads on its own, as without a scope). */
static void read_touch(struct db *d)
{
	if (d->reads > 0 && !d->read_own && sqlite3_get_autocommit(d->h))
		read_open(d, NULL);
}

void sq_read_pause(struct db *d)
{
	sqlite3_stmt *st;

	if (!d->read_own)
		return;
	d->read_own = false;
	if (sqlite3_get_autocommit(d->h))	/* SQLite ended it after an error */
		return;
	if (!(st = prepared(d, S_COMMIT, NULL)) || sq_run(d, st, NULL))
		sqlite3_exec(d->h, "ROLLBACK", NULL, NULL, NULL);
}

static enum nb_err db_read_begin(void *h, struct nb_error *err)
{
	struct db *d = h;

	(void)err;
	d->reads++;
	return NB_OK;
}

static void db_read_end(void *h)
{
	struct db *d = h;

	if (d->reads > 0 && --d->reads == 0)
		sq_read_pause(d);
}

static enum nb_err db_begin(void *h, struct nb_error *err)
{
	struct db *d = h;
	sqlite3_stmt *st;

	sq_read_pause(d);
	return (st = prepared(d, S_BEGIN, err)) ? sq_run(d, st, err) : NB_EDB;
}

static enum nb_err db_commit(void *h, struct nb_error *err)
{
	struct db *d = h;
	sqlite3_stmt *st;
	enum nb_err rc;

	if ((rc = days_refresh(d, err)))
		return rc;
	if (!(st = prepared(d, S_COMMIT, err)) || (rc = sq_run(d, st, err)))
		return st ? rc : NB_EDB;
	if (d->scrub)
		sq_scrub(d);
	return NB_OK;
}

/*
 * After records went for good: their words are zeroed in the file
 * (SQLITE_SECURE_DELETE, and the search index's secure-delete, schema 8),
 * but the write-ahead log still holds the pages as they were before. A
 * checkpoint writes the log into the file and empties it. Another
 * connection reading at that moment keeps part of the log: then the next
 * commit that removes something, or the next start, tries again.
 */
void sq_scrub(struct db *d)
{
	if (sqlite3_exec(d->h, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL) == SQLITE_OK)
		d->scrub = false;
}

void sq_rollback(void *h)
{
	struct db *d = h;

	if (d->read_own)	/* only a read scope's transaction: nothing to undo */
		return;
	if (!sqlite3_get_autocommit(d->h))
		sqlite3_exec(d->h, "ROLLBACK", NULL, NULL, NULL);
}

static enum nb_err put_items(struct db *d, int64_t id, const char *field,
			     const struct nb_items *l, struct nb_error *err)
{
	for (size_t i = 0; i < l->n; i++) {
		sqlite3_stmt *st = sq_stmt(d, S_ITEM_INS, err);
		enum nb_err rc;

		if (!st)
			return NB_EDB;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, field, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, (int)i);
		bind_text(st, 4, l->v[i].term);
		bind_text(st, 5, l->v[i].place);
		bind_opt(st, 6, l->v[i].intensity, 0);
		if ((rc = sq_run(d, st, err)))
			return rc;
	}
	return NB_OK;
}


/* A list is kept in the item table, not in a column of its kind's row. */
static bool is_list(const struct nb_field *f)
{
	return ftype_ops(f->type)->cell == NB_CELL_NONE;
}

/* How kind_stmt's statement is used. */
enum kind_use {
	KIND_PUT,	/* writes one record's row */
	KIND_GET,	/* reads the rows of the ids of a JSON array */
	KIND_RANGE,	/* reads the rows of the ids from one to another */
};

/*
 * The statement that writes the row of kind t, or reads the rows of many
 * records of kind t, made from its fields: "INSERT OR REPLACE INTO
 * checkin(entry_id, state, ...) VALUES (?, ?, ...)" and "SELECT
 * k.entry_id, k.state, ... FROM json_each(?) j CROSS JOIN checkin k ON
 * k.entry_id = j.value", bound to a JSON array of the ids (or "... FROM
 * checkin k WHERE k.entry_id BETWEEN ? AND ?"). A circle member is kept as
 * the id of their record and given as its uid.
 */
static sqlite3_stmt *kind_stmt(struct db *d, enum nb_type t, enum kind_use use, struct nb_error *err)
{
	bool get = use != KIND_PUT;
	sqlite3_stmt **slot = use == KIND_RANGE ? &d->get_range[t] : get ? &d->get[t] : &d->put[t];
	struct nb_buf q = { 0 };
	int rc;

	read_touch(d);
	if (*slot) {
		sqlite3_reset(*slot);
		sqlite3_clear_bindings(*slot);
		return *slot;
	}
	sql_kind(&sql_sqlite, t, use == KIND_RANGE ? SQL_KIND_RANGE : get ? SQL_KIND_GET : SQL_KIND_PUT, &q);
	rc = sqlite3_prepare_v3(d->h, q.s, -1, SQLITE_PREPARE_PERSISTENT, slot, NULL);
	buf_free(&q);
	if (rc != SQLITE_OK) {
		sq_error(d, err);
		return NULL;
	}
	return *slot;
}

/* f's value in e bound as its column: what the field's type says it keeps
 * there (field_to_cell); a list has no column. */
static void bind_field(sqlite3_stmt *st, int i, const struct nb_entry *e, const struct nb_field *f)
{
	struct nb_value v;
	struct nb_buf tmp = { 0 };

	if (ftype_ops(f->type)->cell == NB_CELL_NONE)
		return;
	field_to_cell(e, f, &v, &tmp);
	if (v.null)
		sqlite3_bind_null(st, i);
	else if (ftype_ops(f->type)->cell == NB_CELL_INT)
		sqlite3_bind_int64(st, i, v.i);
	else
		sqlite3_bind_text(st, i, v.s, -1, tmp.s ? SQLITE_TRANSIENT : SQLITE_STATIC);
	buf_free(&tmp);
}

/* f's value in e from its column. */
static void read_field(sqlite3_stmt *st, int i, struct nb_entry *e, const struct nb_field *f)
{
	struct nb_value v = { .null = sqlite3_column_type(st, i) == SQLITE_NULL };

	switch (ftype_ops(f->type)->cell) {	/* the three ways a row keeps a value */
	case NB_CELL_NONE:
		return;
	case NB_CELL_INT:
		v.i = v.null ? 0 : sqlite3_column_int64(st, i);
		break;
	case NB_CELL_TEXT:
		v.s = v.null ? NULL : (const char *)sqlite3_column_text(st, i);
		break;
	}
	field_from_cell(e, f, &v);
}

static enum nb_err put_detail(struct db *d, const struct nb_entry *e, struct nb_error *err)
{
	size_t n;
	const struct nb_field *f = fields_of(e->type, &n);
	sqlite3_stmt *st;
	enum nb_err rc;
	int col = 2;

	if (!f)
		return nb_error_set(err, NB_EINVAL, "type", _("Unknown kind of record."));
	if (!(st = kind_stmt(d, e->type, KIND_PUT, err)))
		return NB_EDB;
	sqlite3_bind_int64(st, 1, e->id);
	for (size_t i = 0; i < n; i++)
		if (!is_list(&f[i]))
			bind_field(st, col++, e, &f[i]);
	if ((rc = sq_run(d, st, err)))
		return rc;
	for (size_t i = 0; i < n; i++)
		if (is_list(&f[i]) && (rc = put_items(d, e->id, f[i].column, field_items_of(e, &f[i]), err)))
			return rc;
	return NB_OK;
}

static enum nb_err index_entry(struct db *d, const struct nb_entry *e, struct nb_error *err);
static enum nb_err unindex_entry(struct db *d, int64_t id, struct nb_error *err);
static enum nb_err db_get(void *h, int64_t id, struct nb_entry **out, struct nb_error *err);

static enum nb_err db_purge_experiments(struct db *d, int64_t keep, struct nb_error *err)
{
	sqlite3_stmt *st = sq_stmt(d, S_EXP_ASIDE_PURGE, err);
	enum nb_err rc;

	if (!st)
		return NB_EDB;
	sqlite3_bind_int64(st, 1, keep);
	if ((rc = sq_run(d, st, err)))
		return rc;
	if (sqlite3_changes(d->h) > 0)
		d->scrub = true;
	return NB_OK;
}

/* One experiment runs (or is paused) at a time: asked in the transaction
 * that writes e, so two started at the same moment cannot both pass; the
 * schema's unique index (migration 7) holds it for any other writer. */
static enum nb_err one_experiment(struct db *d, const struct nb_entry *e, struct nb_error *err)
{
	sqlite3_stmt *st;
	int step;

	if (e->type != NB_EXPERIMENT || !e->u.experiment.state || strcmp(e->u.experiment.state, "stopped") == 0)
		return NB_OK;
	if (!(st = sq_stmt(d, S_EXP_OTHER_RUNS, err)))
		return NB_EDB;
	sqlite3_bind_int64(st, 1, e->id);
	step = sqlite3_step(st);
	sqlite3_reset(st);
	if (step == SQLITE_ROW)
		return nb_error_set(err, NB_EINVAL, "experiment", "%s",
				    _("One experiment at a time: stop the one that runs first."));
	if (step != SQLITE_DONE)
		return sq_error(d, err);
	/* one deleted a moment ago gives way for good: it could not come back
	 * beside this one */
	return db_purge_experiments(d, e->id, err);
}

static enum nb_err db_put(void *h, struct nb_entry *e, struct nb_error *err)
{
	struct db *d = h;
	sqlite3_stmt *st;
	enum nb_err rc;

	if ((rc = one_experiment(d, e, err)))
		return rc;
	if (e->id == 0) {
		if (!(st = sq_stmt(d, S_ENTRY_INS, err)))
			return NB_EDB;
		sqlite3_bind_text(st, 1, e->uid, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, entry_type_id(e->type), -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, e->at.utc);
		sqlite3_bind_int(st, 4, e->at.offset);
		sqlite3_bind_text(st, 5, e->day, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 6, e->created);
		sqlite3_bind_int64(st, 7, e->updated);
		if ((rc = sq_run(d, st, err)))
			return rc;
		e->id = sqlite3_last_insert_rowid(d->h);
	} else {
		/* out of the index by the text it was indexed with, read before
		 * the record changes */
		if ((rc = unindex_entry(d, e->id, err)))
			return rc;
		if (!(st = sq_stmt(d, S_ENTRY_UPD, err)))
			return NB_EDB;
		sqlite3_bind_int64(st, 1, e->at.utc);
		sqlite3_bind_int(st, 2, e->at.offset);
		sqlite3_bind_text(st, 3, e->day, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, e->updated);
		sqlite3_bind_int64(st, 5, e->id);
		sqlite3_bind_text(st, 6, entry_type_id(e->type), -1, SQLITE_STATIC);
		if ((rc = sq_run(d, st, err)))
			return rc;
		if (sqlite3_changes(d->h) != 1)
			return nb_error_set(err, NB_ENOTFOUND, "id",
					    _("There is no record #%lld."), (long long)e->id);
		if (!(st = sq_stmt(d, S_ITEMS_DEL, err)))
			return NB_EDB;
		sqlite3_bind_int64(st, 1, e->id);
		if ((rc = sq_run(d, st, err)))
			return rc;
	}
	if ((rc = put_detail(d, e, err)))
		return rc;
	return index_entry(d, e, err);
}

/* The search text of e as it comes out in lang (search.c): the labels of
 * its terms are in the language of the moment it was indexed. */
#define search_text store_search_text

/* A row of the index into it or out of it (S_FTS_INS, S_FTS_DEL): the
 * same four values either way. */
static enum nb_err fts_row(struct db *d, sqlite3_stmt *st, int64_t id, const struct nb_buf *text,
			   const struct nb_buf *words, const char *lang, struct nb_error *err)
{
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, text->s ? text->s : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, words->s ? words->s : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, lang, -1, SQLITE_STATIC);
	return sq_run(d, st, err);
}

/* The search index of e: the text a snippet shows (its terms by their
 * labels), and the words people use for its terms in either language; the
 * index keeps their words, not the text, and the language they came in. */
static enum nb_err index_in(struct db *d, const struct nb_entry *e, const char *lang, struct nb_error *err)
{
	struct nb_buf text = { 0 }, words = { 0 };
	sqlite3_stmt *st = sq_stmt(d, S_FTS_INS, err);
	enum nb_err rc;

	if (!st)
		return NB_EDB;
	search_text(e, lang, &text, &words);
	rc = fts_row(d, st, e->id, &text, &words, lang, err);
	buf_free(&text);
	buf_free(&words);
	return rc;
}

static enum nb_err index_entry(struct db *d, const struct nb_entry *e, struct nb_error *err)
{
	return index_in(d, e, nb_lang_now(), err);
}

/* The language record id was indexed in (lang, 3 bytes), "" when it is not
 * in the index. */
static enum nb_err indexed_lang(struct db *d, int64_t id, char lang[3], struct nb_error *err)
{
	sqlite3_stmt *st = sq_stmt(d, S_FTS_LANG, err);
	int step;

	lang[0] = 0;
	if (!st)
		return NB_EDB;
	sqlite3_bind_int64(st, 1, id);
	if ((step = sqlite3_step(st)) == SQLITE_ROW && sqlite3_column_text(st, 0))
		sq_copy_text(lang, 3, (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return step == SQLITE_ROW || step == SQLITE_DONE ? NB_OK : sq_error(d, err);
}

/* Whether text and words have as many words as FTS5 counted in row id
 * when it was indexed (its _docsize row: a varint per column). */
static enum nb_err same_size(struct db *d, int64_t id, const char *text, const char *words, bool *same,
			     struct nb_error *err)
{
	sqlite3_stmt *st = sq_stmt(d, S_FTS_SIZE, err);
	int want[2] = { -1, -1 }, got[2];
	enum nb_err rc;

	*same = false;
	if (!st)
		return NB_EDB;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const unsigned char *p = sqlite3_column_blob(st, 0);
		int n = sqlite3_column_bytes(st, 0), at = 0, k;
		uint64_t v;
		for (int c = 0; p && c < 2 && (k = sq_varint(p + at, n - at, &v)); c++, at += k)
			want[c] = v > INT_MAX ? -1 : (int)v;
	}
	sqlite3_reset(st);
	if ((rc = snip_count(d, text, &got[0], err)) || (rc = snip_count(d, words, &got[1], err)))
		return rc;
	*same = want[0] == got[0] && want[1] == got[1];
	return NB_OK;
}

/* The index filled anew from the records, each in the language of now:
 * when a row's text can no longer be made as it was indexed. */
static enum nb_err reindex_all(struct db *d, struct nb_error *err)
{
	enum nb_err rc = sq_exec(d, "INSERT INTO entry_fts(entry_fts) VALUES ('delete-all')", err);

	return rc ? rc : sq_reindex(d, err);
}

/*
 * Take record id out of the search index, as it is stored now (before a
 * change or its deletion): FTS5 is given the text the row was made of, in
 * the language it was made in, and with secure-delete removes each of its
 * words from the index's pages. A record not in the index (one that waits
 * for undo) is left alone.
 */
static enum nb_err unindex_entry(struct db *d, int64_t id, struct nb_error *err)
{
	struct nb_buf text = { 0 }, words = { 0 };
	struct nb_entry *e;
	sqlite3_stmt *st;
	char lang[3];
	enum nb_err rc;

	bool same;

	if ((rc = indexed_lang(d, id, lang, err)) || !lang[0])
		return rc;
	if ((rc = db_get(d, id, &e, err)))
		return rc;
	search_text(e, lang, &text, &words);
	/* A text that is not the one indexed (the words of the vocabulary or
	 * their Dutch changed since, in a newer nabij) would leave words behind
	 * that no record has: FTS5 then calls the index damaged. Where the
	 * number of words differs from what FTS5 counted, the index is filled
	 * anew from the records first (once: all rows are then of now). */
	if (!(rc = same_size(d, id, text.s ? text.s : "", words.s ? words.s : "", &same, err)) && !same &&
	    !(rc = reindex_all(d, err))) {
		sq_copy_text(lang, sizeof lang, nb_lang_now());
		buf_free(&text);
		buf_free(&words);
		search_text(e, lang, &text, &words);
	}
	entry_free(e);
	if (rc) {
		buf_free(&text);
		buf_free(&words);
		return rc;
	}
	if (!(st = sq_stmt(d, S_FTS_DEL, err))) {
		rc = NB_EDB;
	} else {
		rc = fts_row(d, st, id, &text, &words, lang, err);
	}
	buf_free(&text);
	buf_free(&words);
	return rc;
}

/* The language e's text was indexed in by schema 9's index, which kept
 * the text: the language whose text is the kept one (the moment's own
 * when neither is). */
static const char *lang_kept(const struct nb_entry *e, sqlite3_stmt *old)
{
	static const char *const langs[] = { "en", "nl" };
	const char *now = nb_lang_now();
	const char *body, *words;
	const char *found = now;

	sqlite3_bind_int64(old, 1, e->id);
	if (sqlite3_step(old) == SQLITE_ROW && (body = (const char *)sqlite3_column_text(old, 0)) &&
	    (words = (const char *)sqlite3_column_text(old, 1))) {
		for (int k = -1; k < 2; k++) {
			const char *lang = k < 0 ? now : langs[k];
			struct nb_buf t = { 0 }, w = { 0 };
			bool same;
			if (k >= 0 && strcmp(lang, now) == 0)
				continue;
			search_text(e, lang, &t, &w);
			same = strcmp(t.s ? t.s : "", body) == 0 && strcmp(w.s ? w.s : "", words) == 0;
			buf_free(&t);
			buf_free(&w);
			if (same) {
				found = lang;
				break;
			}
		}
	}
	sqlite3_reset(old);
	return found;
}

/* A print of the vocabulary's words in lang: FNV-1a, 64 bits, in hex. */
static void vocab_print(const char *lang, char out[17])
{
	struct nb_buf b = { 0 };
	char *was = nb_lang_use(lang);
	uint64_t hash = 14695981039346656037ULL;

	fields_search_vocab(&b);
	nb_lang_back(was);
	for (size_t i = 0; i < b.len; i++)
		hash = (hash ^ (unsigned char)b.s[i]) * 1099511628211ULL;
	snprintf(out, 17, "%016llx", (unsigned long long)hash);
	buf_free(&b);
}

enum nb_err sq_search_print(struct db *d, bool made_now, struct nb_error *err)
{
	static const char *const langs[] = { "en", "nl" };
	char print[2][17];
	sqlite3_stmt *st = NULL;
	bool same = true, own;
	enum nb_err rc = NB_OK;

	/* both prints in one statement: "en:PRINT nl:PRINT" */
	if (sqlite3_prepare_v2(d->h, "SELECT group_concat(lang || ':' || print, ' ') FROM"
				     " (SELECT lang, print FROM search_print ORDER BY lang)", -1, &st, NULL) != SQLITE_OK)
		return sq_error(d, err);
	for (int k = 0; k < 2; k++)
		vocab_print(langs[k], print[k]);
	{
		char want[64];
		snprintf(want, sizeof want, "%s:%s %s:%s", langs[0], print[0], langs[1], print[1]);
		same = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) &&
		       strcmp((const char *)sqlite3_column_text(st, 0), want) == 0;
	}
	sqlite3_finalize(st);
	if (same)
		return NB_OK;
	own = sqlite3_get_autocommit(d->h);
	if (own && (rc = sq_exec(d, "BEGIN IMMEDIATE", err)))
		return rc;
	if (!made_now)
		rc = reindex_all(d, err);
	st = NULL;
	if (!rc && sqlite3_prepare_v2(d->h, "INSERT OR REPLACE INTO search_print (lang, print) VALUES (?, ?)", -1,
				      &st, NULL) != SQLITE_OK)
		rc = sq_error(d, err);
	for (int k = 0; !rc && k < 2; k++) {
		sqlite3_bind_text(st, 1, langs[k], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, print[k], -1, SQLITE_STATIC);
		rc = sq_run(d, st, err);
	}
	sqlite3_finalize(st);
	if (own && !rc)
		rc = sq_exec(d, "COMMIT", err);
	if (rc && own)
		sq_rollback(d);
	else if (own)
		sq_scrub(d);	/* the old index's pages out of the log */
	return rc;
}

enum nb_err sq_reindex(struct db *d, struct nb_error *err)
{
	sqlite3_stmt *ids, *old = NULL;
	enum nb_err rc = NB_OK;
	int step;

	if (sqlite3_prepare_v2(d->h, "SELECT id FROM entry WHERE deleted IS NULL ORDER BY id", -1, &ids, NULL) != SQLITE_OK)
		return sq_error(d, err);
	/* schema 9's index, where there was one with the text */
	if (sqlite3_prepare_v2(d->h, "SELECT body, words FROM entry_fts_9 WHERE rowid = ?", -1, &old, NULL) != SQLITE_OK)
		old = NULL;
	while (!rc && (step = sqlite3_step(ids)) == SQLITE_ROW) {
		struct nb_entry *e;
		if (!(rc = db_get(d, sqlite3_column_int64(ids, 0), &e, err))) {
			rc = index_in(d, e, old ? lang_kept(e, old) : nb_lang_now(), err);
			entry_free(e);
		}
	}
	if (!rc && step != SQLITE_DONE)
		rc = sq_error(d, err);
	sqlite3_finalize(ids);
	sqlite3_finalize(old);
	return rc ? rc : sq_exec(d, "DROP TABLE IF EXISTS entry_fts_9", err);
}

static struct nb_items *items_of(struct nb_entry *e, const char *column)
{
	size_t n;
	const struct nb_field *f = fields_of(e->type, &n);

	for (size_t i = 0; column && i < n; i++)
		if (is_list(&f[i]) && strcmp(f[i].column, column) == 0)
			return field_items(e, &f[i]);
	return NULL;
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

/* A record whose details are being read, found again by its id. */
struct by_id {
	int64_t id;
	struct nb_entry *e;
	bool read;		/* its kind's row came */
};

static int by_id_cmp(const void *a, const void *b)
{
	const struct by_id *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

static struct by_id *find_id(struct by_id *ix, size_t n, int64_t id)
{
	struct by_id key = { .id = id };

	return bsearch(&key, ix, n, sizeof *ix, by_id_cmp);
}

/* The ids of the records of kind t (NB_TYPE_NONE: of every kind with
 * lists) as a JSON array, for json_each. */
static void ids_json(struct nb_buf *b, const struct by_id *ix, size_t n, enum nb_type t)
{
	bool first = true;

	buf_reset(b);
	buf_addc(b, '[');
	for (size_t i = 0; i < n; i++) {
		if (t ? ix[i].e->type != t : !has_lists(ix[i].e->type))
			continue;
		if (!first)
			buf_addc(b, ',');
		buf_addi(b, ix[i].id);
		first = false;
	}
	buf_addc(b, ']');
}

/* Whether the ids of kind t (NB_TYPE_NONE: of every kind with lists) lie
 * close enough together to be read from the first to the last, and which
 * those are: at most a few rows of other records between them. */
static bool ids_close(const struct by_id *ix, size_t n, enum nb_type t, int64_t *lo, int64_t *hi)
{
	size_t count = 0;

	for (size_t i = 0; i < n; i++) {
		if (t ? ix[i].e->type != t : !has_lists(ix[i].e->type))
			continue;
		if (!count++)
			*lo = ix[i].id;
		*hi = ix[i].id;
	}
	return count && (uint64_t)(*hi - *lo) < 3 * (uint64_t)count + 16;
}

/* Bind the ids of kind t to st: the first and the last when close, else
 * as a JSON array in ids. */
static void bind_ids(sqlite3_stmt *st, bool close, int64_t lo, int64_t hi, struct nb_buf *ids,
		     const struct by_id *ix, size_t n, enum nb_type t)
{
	if (close) {
		sqlite3_bind_int64(st, 1, lo);
		sqlite3_bind_int64(st, 2, hi);
		return;
	}
	ids_json(ids, ix, n, t);
	sqlite3_bind_text(st, 1, ids->s, (int)ids->len, SQLITE_STATIC);
}

/*
 * Read the kind's own fields and lists of the n different records v, whose
 * envelopes are read: one statement for each kind among them and one for
 * the lists of all, however many they are, so that what a list costs does
 * not grow with what it shows. A record without its kind's row is a
 * damaged database.
 */
static enum nb_err get_details(struct db *d, struct nb_entry *const *v, size_t n, struct nb_error *err)
{
	struct by_id *ix;
	struct nb_buf ids = { 0 };
	bool kinds[NB_TYPE__COUNT] = { false }, lists = false;
	sqlite3_stmt *st;
	enum nb_err rc = NB_OK;
	int step;

	if (!n)
		return NB_OK;
	ix = xmalloc(n * sizeof *ix);
	for (size_t i = 0; i < n; i++) {
		ix[i] = (struct by_id){ v[i]->id, v[i], false };
		kinds[v[i]->type] = true;
		lists = lists || has_lists(v[i]->type);
	}
	qsort(ix, n, sizeof *ix, by_id_cmp);
	for (int t = NB_CHECKIN; t < NB_TYPE__COUNT && !rc; t++) {
		size_t nf;
		const struct nb_field *f = fields_of((enum nb_type)t, &nf);

		int64_t lo = 0, hi = 0;
		bool close;

		if (!kinds[t])
			continue;
		close = ids_close(ix, n, (enum nb_type)t, &lo, &hi);
		if (!(st = kind_stmt(d, (enum nb_type)t, close ? KIND_RANGE : KIND_GET, err))) {
			rc = NB_EDB;
			break;
		}
		bind_ids(st, close, lo, hi, &ids, ix, n, (enum nb_type)t);
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			struct by_id *x = find_id(ix, n, sqlite3_column_int64(st, 0));
			int col = 1;

			if (!x || x->read || (int)x->e->type != t)
				continue;
			for (size_t i = 0; i < nf; i++)
				if (!is_list(&f[i]))
					read_field(st, col++, x->e, &f[i]);
			x->read = true;
		}
		sqlite3_reset(st);
		if (step != SQLITE_DONE)
			rc = sq_error(d, err);
	}
	for (size_t i = 0; !rc && i < n; i++)
		if (!ix[i].read)
			rc = nb_error_set(err, NB_EDB, "", _("Record #%lld is incomplete in the database."),
					  (long long)ix[i].id);
	if (!rc && lists) {
		int64_t lo = 0, hi = 0;
		bool close = ids_close(ix, n, NB_TYPE_NONE, &lo, &hi);

		if (!(st = sq_stmt(d, close ? S_ITEMS_RANGE : S_ITEMS_GET, err))) {
			rc = NB_EDB;
		} else {
			bind_ids(st, close, lo, hi, &ids, ix, n, NB_TYPE_NONE);
			while ((step = sqlite3_step(st)) == SQLITE_ROW) {
				struct by_id *x = find_id(ix, n, sqlite3_column_int64(st, 0));
				struct nb_items *l = x ? items_of(x->e, (const char *)sqlite3_column_text(st, 1)) : NULL;

				if (l)
					items_add(l, (const char *)sqlite3_column_text(st, 2),
						  (const char *)sqlite3_column_text(st, 3), col_opt(st, 4, 0));
			}
			sqlite3_reset(st);
			if (step != SQLITE_DONE)
				rc = sq_error(d, err);
		}
	}
	buf_free(&ids);
	free(ix);
	return rc;
}

/* A new record with the envelope of the row at st (columns as ENVELOPE). */
static struct nb_entry *envelope(sqlite3_stmt *st, struct nb_error *err)
{
	enum nb_type type = entry_type_parse((const char *)sqlite3_column_text(st, 2));
	struct nb_entry *e;

	if (type == NB_TYPE_NONE) {
		nb_error_set(err, NB_EDB, "", _("Record #%lld has an unknown kind."),
			     (long long)sqlite3_column_int64(st, 0));
		return NULL;
	}
	e = entry_new(type);
	e->id = sqlite3_column_int64(st, 0);
	sq_copy_text(e->uid, sizeof e->uid, (const char *)sqlite3_column_text(st, 1));
	e->at.utc = sqlite3_column_int64(st, 3);
	e->at.offset = sqlite3_column_int(st, 4);
	sq_copy_text(e->day, sizeof e->day, (const char *)sqlite3_column_text(st, 5));
	e->created = sqlite3_column_int64(st, 6);
	e->updated = sqlite3_column_int64(st, 7);
	return e;
}

/* The record whose envelope (ENVELOPE) is the row st gives, whole; when
 * st gives none, *out NULL and, for an id asked for, NB_ENOTFOUND (id 0:
 * NB_OK, none was there to find). */
static enum nb_err entry_at(struct db *d, sqlite3_stmt *st, int64_t id, struct nb_entry **out,
			    struct nb_error *err)
{
	enum nb_err rc = NB_OK;
	int step;

	*out = NULL;
	db_read_begin(d, err);	/* the envelope and its details of one snapshot */
	read_touch(d);
	step = sqlite3_step(st);
	if (step == SQLITE_DONE)
		rc = id ? nb_error_set(err, NB_ENOTFOUND, "id", _("There is no record #%lld."), (long long)id)
			: NB_OK;
	else if (step != SQLITE_ROW)
		rc = sq_error(d, err);
	else if (!(*out = envelope(st, err)))
		rc = NB_EDB;
	sqlite3_reset(st);
	if (*out && (rc = get_details(d, out, 1, err))) {
		entry_free(*out);
		*out = NULL;
	}
	db_read_end(d);
	return rc;
}

static enum nb_err db_get(void *h, int64_t id, struct nb_entry **out,
			  struct nb_error *err)
{
	struct db *d = h;
	sqlite3_stmt *st = sq_stmt(d, S_ENTRY_GET, err);

	*out = NULL;
	if (!st)
		return NB_EDB;
	sqlite3_bind_int64(st, 1, id);
	return entry_at(d, st, id, out, err);
}

static int entry_id_cmp(const void *a, const void *b)
{
	const struct nb_entry *x = *(struct nb_entry *const *)a, *y = *(struct nb_entry *const *)b;

	return x->id < y->id ? -1 : x->id > y->id;
}

enum nb_err sq_load(struct db *d, const int64_t *ids, size_t n, struct nb_entries *out,
		    struct nb_error *err)
{
	struct nb_entries found = { 0 }, ordered = { 0 };
	struct nb_buf list = { 0 };
	sqlite3_stmt *st;
	enum nb_err rc;
	int step = SQLITE_DONE;

	if (!n)
		return NB_OK;
	if ((rc = db_read_begin(d, err)))
		return rc;
	if (!(st = sq_stmt(d, S_ENTRIES_GET, err))) {
		db_read_end(d);
		return NB_EDB;
	}
	buf_addc(&list, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_addc(&list, ',');
		buf_addi(&list, ids[i]);
	}
	buf_addc(&list, ']');
	sqlite3_bind_text(st, 1, list.s, (int)list.len, SQLITE_STATIC);
	while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
		struct nb_entry *e = envelope(st, err);
		if (e)
			entries_push(&found, e);
		else
			rc = NB_EDB;
	}
	if (!rc && step != SQLITE_DONE)
		rc = sq_error(d, err);
	sqlite3_reset(st);
	buf_free(&list);
	if (!rc)
		rc = get_details(d, found.v, found.n, err);
	db_read_end(d);
	/* in the order asked for; an id without a record is an error, as for
	 * get, and then nothing is given rather than part */
	if (!rc && found.n)
		qsort(found.v, found.n, sizeof *found.v, entry_id_cmp);
	for (size_t i = 1; !rc && i < found.n; i++)	/* the ids must differ */
		if (found.v[i]->id == found.v[i - 1]->id)
			rc = nb_error_set(err, NB_EINVAL, "id", "%s", "the same record asked twice");
	/* the sorted list stays whole while it is searched: ordered borrows */
	for (size_t i = 0; !rc && i < n; i++) {
		struct nb_entry key = { .id = ids[i] }, *k = &key, **e;

		e = found.n ? bsearch(&k, found.v, found.n, sizeof *found.v, entry_id_cmp) : NULL;
		if (e)
			entries_push(&ordered, *e);
		else
			rc = nb_error_set(err, NB_ENOTFOUND, "id", _("There is no record #%lld."),
					  (long long)ids[i]);
	}
	if (rc) {
		free(ordered.v);
		entries_free(&found);
		return rc;
	}
	for (size_t i = 0; i < ordered.n; i++)	/* each record now out's */
		entries_push(out, ordered.v[i]);
	free(ordered.v);
	free(found.v);
	return NB_OK;
}

static enum nb_err db_find_uid(void *h, const char *uid, int64_t *id,
			       struct nb_error *err)
{
	struct db *d = h;
	sqlite3_stmt *st = sq_stmt(d, S_ENTRY_UID, err);
	int rc;

	if (!st)
		return NB_EDB;
	sqlite3_bind_text(st, 1, uid, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? NB_OK : sq_error(d, err);
}

static enum nb_err db_del(void *h, int64_t id, int64_t at, struct nb_error *err)
{
	struct db *d = h;
	sqlite3_stmt *st;
	enum nb_err rc;

	/* out of the index first, by its text as it is */
	if ((rc = unindex_entry(d, id, err)))
		return rc;
	if (!(st = sq_stmt(d, S_ENTRY_ASIDE, err)))
		return NB_EDB;
	sqlite3_bind_int64(st, 1, at);
	sqlite3_bind_int64(st, 2, id);
	if ((rc = sq_run(d, st, err)))
		return rc;
	if (sqlite3_changes(d->h) != 1)
		return nb_error_set(err, NB_ENOTFOUND, "id", _("There is no record #%lld."),
				    (long long)id);
	return NB_OK;
}

static enum nb_err db_undo(void *h, int64_t id, struct nb_error *err)
{
	struct db *d = h;
	sqlite3_stmt *st = sq_stmt(d, S_ENTRY_BACK, err);
	struct nb_entry *e;
	enum nb_err rc;

	if (!st)
		return NB_EDB;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sq_run(d, st, err)))
		return rc;
	if (sqlite3_changes(d->h) != 1)
		return nb_error_set(err, NB_ENOTFOUND, "id", _("Record #%lld is not waiting to be undone."),
				    (long long)id);
	if ((rc = db_get(d, id, &e, err)))
		return rc;
	rc = index_entry(d, e, err);
	entry_free(e);
	return rc;
}

static enum nb_err db_waiting(void *h, struct nb_entries *out, struct nb_error *err)
{
	struct db *d = h;
	sqlite3_stmt *st;
	struct nb_entries found = { 0 };
	enum nb_err rc;
	int step = SQLITE_DONE;

	if ((rc = db_read_begin(d, err)))
		return rc;
	if (!(st = sq_stmt(d, S_WAITING, err))) {
		db_read_end(d);
		return NB_EDB;
	}
	while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
		struct nb_entry *e = envelope(st, err);
		if (!e) {
			rc = NB_EDB;
			break;
		}
		e->deleted = sqlite3_column_int64(st, 8);
		entries_push(&found, e);
	}
	if (!rc && step != SQLITE_DONE)
		rc = sq_error(d, err);
	sqlite3_reset(st);
	/* each whole, as a record that is not deleted (the kind's row and
	 * lists are untouched while it waits) */
	if (!rc)
		rc = get_details(d, found.v, found.n, err);
	db_read_end(d);
	if (rc) {
		entries_free(&found);
		return rc;
	}
	for (size_t i = 0; i < found.n; i++)
		entries_push(out, found.v[i]);
	free(found.v);
	return NB_OK;
}

static enum nb_err db_purge(void *h, int64_t before, int64_t id, int64_t *n, struct nb_error *err)
{
	struct db *d = h;
	sqlite3_stmt *st = sq_stmt(d, S_PURGE, err);
	enum nb_err rc;

	if (n)
		*n = 0;
	if (!st)
		return NB_EDB;
	sqlite3_bind_int64(st, 1, before);
	sqlite3_bind_int64(st, 2, id);
	if ((rc = sq_run(d, st, err)))
		return rc;
	if (sqlite3_changes(d->h) > 0)
		d->scrub = true;
	if (n)
		*n = sqlite3_changes(d->h);
	return NB_OK;
}

/* The statement for the records q asks for, giving columns, bound; kept:
 * one of the statements the connection keeps for the shapes of query it
 * was asked last (not to be finalized, and stepped to its end before the
 * next), else the caller's to finalize. */
static enum nb_err prepare_query(struct db *d, const struct nb_query *q, const char *columns,
				 bool kept, sqlite3_stmt **out, struct nb_error *err)
{
	struct nb_buf s = { 0 };
	sqlite3_stmt *st = NULL;
	unsigned types = q->types ? q->types : ~NB_TYPE_BIT(NB_MEMBER);
	bool first = true;
	int i = 1;

	*out = NULL;
	read_touch(d);
	buf_addf(&s, "SELECT %s FROM entry WHERE deleted IS NULL AND ", columns);
	if (!q->types) {
		/* every dated record: lets SQLite walk the index on at */
		buf_add(&s, "type <> 'member'");
	} else {
		buf_add(&s, "type IN (");
		for (int t = NB_CHECKIN; t < NB_TYPE__COUNT; t++)
			if (types & NB_TYPE_BIT(t)) {
				buf_addf(&s, "%s'%s'", first ? "" : ", ", entry_type_id((enum nb_type)t));
				first = false;
			}
		buf_add(&s, first ? "NULL)" : ")");
	}
	if (q->since)
		buf_add(&s, " AND day >= ?");
	/* the newest few up to a day (the last week that holds something):
	 * walk the index on at from the newest, not every day before it
	 * sorted (the + keeps SQLite from the index on day) */
	if (q->until)
		buf_add(&s, !q->since && q->newest_first && q->limit > 0 ? " AND +day <= ?" : " AND day <= ?");
	/* one day (or days asked for in their order) in the order of the
	 * index on (day, at): within a day the same as time order */
	if (!q->newest_first && q->since && q->until && (q->by_day || strcmp(q->since, q->until) == 0))
		buf_add(&s, " ORDER BY day, at, id");
	else
		buf_add(&s, q->newest_first ? " ORDER BY at DESC, id DESC" : " ORDER BY at, id");
	if (q->limit > 0)
		buf_addf(&s, " LIMIT %d", q->limit);
	if (kept) {	/* a shape asked for before: its statement again */
		for (int k = 0; k < LIST_SLOTS && !st; k++)
			if (d->lists[k].sql && strcmp(d->lists[k].sql, s.s) == 0) {
				st = d->lists[k].st;
				sqlite3_reset(st);
				sqlite3_clear_bindings(st);
			}
	}
	if (!st) {
		if (sqlite3_prepare_v3(d->h, s.s, -1, kept ? SQLITE_PREPARE_PERSISTENT : 0, &st, NULL) != SQLITE_OK) {
			buf_free(&s);
			return sq_error(d, err);
		}
		if (kept) {
			struct list_slot *l = &d->lists[d->next_list++ % LIST_SLOTS];
			sqlite3_finalize(l->st);
			free(l->sql);
			l->st = st;
			l->sql = buf_detach(&s);
		}
	}
	buf_free(&s);
	if (q->since)
		sqlite3_bind_text(st, i++, q->since, -1, SQLITE_STATIC);
	if (q->until)
		sqlite3_bind_text(st, i++, q->until, -1, SQLITE_STATIC);
	*out = st;
	return NB_OK;
}

/* The envelopes of the records q asks for, in its order, appended to out. */
static enum nb_err query_envelopes(struct db *d, const struct nb_query *q, struct nb_entries *out,
				   struct nb_error *err)
{
	sqlite3_stmt *st;
	enum nb_err rc;
	int step = SQLITE_DONE;

	if ((rc = prepare_query(d, q, ENVELOPE, true, &st, err)))
		return rc;
	while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
		struct nb_entry *e = envelope(st, err);
		if (e)
			entries_push(out, e);
		else
			rc = NB_EDB;
	}
	if (!rc && step != SQLITE_DONE)
		rc = sq_error(d, err);
	sqlite3_reset(st);
	return rc;
}

/* The records of q: their envelopes in one statement, then their details
 * in one statement per kind and one for their lists (get_details). */
static enum nb_err db_list(void *h, const struct nb_query *q,
			   struct nb_entries *out, struct nb_error *err)
{
	struct db *d = h;
	struct nb_entries found = { 0 };
	enum nb_err rc;

	if ((rc = db_read_begin(d, err)))
		return rc;
	if (!(rc = query_envelopes(d, q, &found, err)))
		rc = get_details(d, found.v, found.n, err);
	db_read_end(d);
	if (rc) {	/* nothing rather than part */
		entries_free(&found);
		return rc;
	}
	for (size_t i = 0; i < found.n; i++)
		entries_push(out, found.v[i]);
	free(found.v);
	return NB_OK;
}

/* Records of an export read together: their details take a few statements
 * for each EACH_BATCH records instead of two for each one, and only so
 * many are in memory at once. */
#define EACH_BATCH 256

/* The same records, a batch at a time, handed out one at a time. */
static enum nb_err db_each(void *h, const struct nb_query *q, nb_each_fn fn, void *ctx,
			   struct nb_error *err)
{
	struct db *d = h;
	sqlite3_stmt *st;
	struct nb_entries batch = { 0 };
	int step = SQLITE_ROW;
	enum nb_err rc;

	/* one read transaction: one snapshot, and one lock instead of one per
	 * statement (within the caller's scope when it has one) */
	if ((rc = db_read_begin(d, err)))
		return rc;
	/* read through a page cache of 16 MiB, not a map of the whole file:
	 * a map counts every page read towards the process's memory (44 MB
	 * for ten years), the cache stays the size it is given */
	sqlite3_exec(d->h, "PRAGMA mmap_size = 0", NULL, NULL, NULL);
	sqlite3_exec(d->h, "PRAGMA cache_size = -16384", NULL, NULL, NULL);
	/* the envelopes come with the walk in order; the details of each batch
	 * are read beside it while the walk waits */
	if (!(rc = prepare_query(d, q, ENVELOPE, false, &st, err))) {
		while (!rc && step != SQLITE_DONE) {
			while (batch.n < EACH_BATCH && (step = sqlite3_step(st)) == SQLITE_ROW) {
				struct nb_entry *e = envelope(st, err);
				if (!e) {
					rc = NB_EDB;
					break;
				}
				entries_push(&batch, e);
			}
			if (!rc && step != SQLITE_ROW && step != SQLITE_DONE)
				rc = sq_error(d, err);
			if (!rc)
				rc = get_details(d, batch.v, batch.n, err);
			for (size_t i = 0; !rc && i < batch.n; i++)
				rc = fn(batch.v[i], ctx, err);
			for (size_t i = 0; i < batch.n; i++)
				entry_free(batch.v[i]);
			batch.n = 0;
		}
		sqlite3_finalize(st);
	}
	free(batch.v);
	db_read_end(d);
	sqlite3_exec(d->h, "PRAGMA cache_size = -2000", NULL, NULL, NULL);	/* SQLite's own */
	if (!d->keyed)
		sqlite3_exec(d->h, MMAP_PRAGMA, NULL, NULL, NULL);
	return rc;
}

/* Turn a person's words into an FTS5 query: every word must occur, as a
 * word or the start of one; FTS5 syntax in the words has no effect. */
static char *fts_query(const char *words)
{
	struct nb_buf b = { 0 };
	const char *p = words, *start;
	size_t n;

	while ((start = sq_next_word(&p, &n))) {
		buf_add(&b, b.len ? " \"" : "\"");
		buf_addn(&b, start, n);
		buf_add(&b, "\"*");
	}
	return b.len ? buf_detach(&b) : (buf_free(&b), NULL);
}

const char *sq_next_word(const char **p, size_t *n)
{
	const char *start;

	while (**p && (isspace((unsigned char)**p) || **p == '"'))
		(*p)++;
	start = *p;
	while (**p && !isspace((unsigned char)**p) && **p != '"')
		(*p)++;
	*n = (size_t)(*p - start);
	return *n ? start : NULL;
}

void hits_free(struct nb_hits *h)
{
	for (size_t i = 0; i < h->n; i++) {
		entry_free(h->v[i].entry);
		free(h->v[i].snippet);
	}
	free(h->v);
	memset(h, 0, sizeof *h);
}

/* The language each of the n hits ids was indexed in, into langs (in the
 * same order), in one statement. */
struct id_at {
	int64_t id;
	size_t at;		/* its place among the hits */
};

static int id_at_cmp(const void *a, const void *b)
{
	const struct id_at *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

static enum nb_err sq_langs(struct db *d, const int64_t *ids, size_t n, char (*langs)[3],
			    struct nb_error *err)
{
	struct nb_buf list = { 0 };
	struct id_at *ix = xmalloc(n * sizeof *ix);
	sqlite3_stmt *st;
	int step;

	for (size_t i = 0; i < n; i++) {
		buf_addc(&list, i ? ',' : '[');
		buf_addi(&list, ids[i]);
		sq_copy_text(langs[i], sizeof langs[i], "en");
		ix[i] = (struct id_at){ ids[i], i };
	}
	buf_addc(&list, ']');
	qsort(ix, n, sizeof *ix, id_at_cmp);
	if (!(st = sq_stmt(d, S_SEARCH_LANG, err))) {
		buf_free(&list);
		free(ix);
		return NB_EDB;
	}
	sqlite3_bind_text(st, 1, list.s, (int)list.len, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *lang = (const char *)sqlite3_column_text(st, 1);
		struct id_at key = { sqlite3_column_int64(st, 0), 0 }, *at;
		if (lang && (at = bsearch(&key, ix, n, sizeof *ix, id_at_cmp)))
			sq_copy_text(langs[at->at], sizeof langs[at->at], lang);
	}
	sqlite3_reset(st);
	buf_free(&list);
	free(ix);
	return step == SQLITE_DONE ? NB_OK : sq_error(d, err);
}

static enum nb_err db_search(void *h, const char *words, int limit,
			     struct nb_hits *out, struct nb_error *err)
{
	struct db *d = h;
	char *q = fts_query(words);
	struct nb_hits found = { 0 };
	struct snip_query *phrases = NULL;
	int64_t *ids = NULL;
	char (*langs)[3] = NULL;
	size_t n = 0;
	enum nb_err rc = NB_OK;

	if (!q)
		return nb_error_set(err, NB_EUSAGE, "words", _("Give one or more words to search for."));
	/* Ranking costs time per match: a very common word is ranked among its
	 * newest SEARCH_WINDOW matches (or as many as asked for, all when the
	 * limit is 0) */
	if ((rc = snip_ready(d, err)) ||
	    (rc = rank_search(d, q, limit <= 0 ? SIZE_MAX : (size_t)(limit > SEARCH_WINDOW ? limit : SEARCH_WINDOW),
			      limit > 0 ? (size_t)limit : 0, &ids, &n, &found.total, &found.over, err))) {
		free(q);
		return rc;
	}
	langs = xcalloc(n ? n : 1, sizeof *langs);
	if (n)
		rc = sq_langs(d, ids, n, langs, err);
	free(q);
	if (!rc && n)
		rc = snip_query_new(d, words, &phrases, err);
	/* the hits read whole in a few statements, whatever their number, and
	 * each one's snippet cut from its own text, as it was indexed (the
	 * index keeps no copy of it) */
	struct nb_entries loaded = { 0 };
	if (!rc && n)
		rc = sq_load(d, ids, n, &loaded, err);
	for (size_t i = 0; !rc && i < loaded.n; i++) {
		struct nb_entry *e = loaded.v[i];
		struct nb_buf text = { 0 }, terms = { 0 };

		loaded.v[i] = NULL;	/* the hit's now */
		search_text(e, langs[i], &text, &terms);
		found.v = xrealloc(found.v, (found.n + 1) * sizeof *found.v);
		found.v[found.n].entry = e;
		found.v[found.n].snippet = snip_make(d, phrases, text.s ? text.s : "", 12, "…");
		found.n++;
		buf_free(&text);
		buf_free(&terms);
	}
	snip_query_free(phrases);
	entries_free(&loaded);
	free(ids);
	free(langs);
	if (rc) {
		hits_free(&found);
		return rc;
	}
	*out = found;
	return NB_OK;
}

static enum nb_err db_last_touch(void *h, bool self, struct nb_entry **out, struct nb_error *err)
{
	struct db *d = h;
	size_t n;
	const char *const *kinds = self ? moment_self_kinds(&n) : moment_touch_kinds(&n);
	struct nb_buf list = { 0 };
	sqlite3_stmt *st = sq_stmt(d, S_LAST_TOUCH, err);
	enum nb_err rc;

	*out = NULL;
	if (!st)
		return NB_EDB;
	buf_add(&list, ",");
	for (size_t i = 0; i < n; i++) {
		buf_add(&list, kinds[i]);
		buf_add(&list, ",");
	}
	sqlite3_bind_text(st, 1, list.s, -1, SQLITE_STATIC);
	rc = entry_at(d, st, 0, out, err);
	buf_free(&list);
	return rc;
}

static enum nb_err db_count(void *h, enum nb_type t, int64_t *out, struct nb_error *err)
{
	struct db *d = h;
	sqlite3_stmt *st = sq_stmt(d, S_COUNT, err);
	int rc;

	if (!st)
		return NB_EDB;
	sqlite3_bind_text(st, 1, entry_type_id(t), -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? NB_OK : sq_error(d, err);
}

static enum nb_err db_member_by_name(void *h, const char *name, char uid[NB_UID_LEN],
				     bool *found, struct nb_error *err)
{
	struct db *d = h;
	sqlite3_stmt *st = sq_stmt(d, S_MEMBER_NAME, err);
	int rc;

	*found = false;
	if (!st)
		return NB_EDB;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(uid, NB_UID_LEN, "%s", (const char *)sqlite3_column_text(st, 0));
		*found = true;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? NB_OK : sq_error(d, err);
}

/* The version of the database's contents, when a read transaction is open
 * (then it is current): it changes with every commit, of this connection
 * or any other. */
static bool data_version(struct db *d, unsigned *v)
{
	return sqlite3_txn_state(d->h, "main") == SQLITE_TXN_READ &&
	       sqlite3_file_control(d->h, "main", SQLITE_FCNTL_DATA_VERSION, v) == SQLITE_OK;
}

static bool db_version(void *h, uint64_t *v)
{
	unsigned u;

	if (!data_version(h, &u))
		return false;
	*v = u;
	return true;
}

/* The stats of every session ever: today's page asks after each check-in,
 * so they are kept while the database's contents stay the same. */
static enum nb_err db_exercise_stats(void *h, struct nb_exercise_stat **out, size_t *n,
				     struct nb_error *err)
{
	struct db *d = h;
	sqlite3_stmt *st;
	struct nb_exercise_stat *v = NULL;
	size_t count = 0;
	unsigned version;
	int rc;

	*out = NULL;
	*n = 0;
	read_touch(d);
	if (d->stats_kept && data_version(d, &version) && version == d->stats_version) {
		*out = d->nstats ? xmalloc(d->nstats * sizeof **out) : NULL;
		if (d->nstats)
			memcpy(*out, d->stats, d->nstats * sizeof **out);
		*n = d->nstats;
		return NB_OK;
	}
	if (!(st = sq_stmt(d, S_EXERCISE_STATS, err)))
		return NB_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xrealloc(v, (count + 1) * sizeof *v);
		snprintf(v[count].exercise, sizeof v[count].exercise, "%s",
			 (const char *)sqlite3_column_text(st, 0));
		v[count].drop = sqlite3_column_double(st, 1);
		v[count].n = sqlite3_column_int(st, 2);
		count++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(v);
		return sq_error(d, err);
	}
	/* kept only when read in a read scope's transaction (then the
	 * version read now is the one these stats are of) */
	d->stats_kept = false;
	if (data_version(d, &d->stats_version)) {
		d->stats = xrealloc(d->stats, (count ? count : 1) * sizeof *d->stats);
		if (count)
			memcpy(d->stats, v, count * sizeof *v);
		d->nstats = count;
		d->stats_kept = true;
	}
	*out = v;
	*n = count;
	return NB_OK;
}

static enum nb_err db_reflection_latest(void *h, const char *prompt, struct nb_entry **out,
					struct nb_error *err)
{
	struct db *d = h;
	sqlite3_stmt *st = sq_stmt(d, S_REFLECTION_LATEST, err);

	*out = NULL;
	if (!st)
		return NB_EDB;
	sqlite3_bind_text(st, 1, prompt, -1, SQLITE_STATIC);
	return entry_at(d, st, 0, out, err);
}

double sq_col_double(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

/* The first n bytes of src into dst of size bytes, cut to fit. */
void sq_copy_span(char *dst, size_t size, const char *src, size_t n)
{
	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = 0;
}

void sq_copy_text(char *dst, size_t size, const char *src)
{
	sq_copy_span(dst, size, src, strlen(src));
}

static enum nb_err db_forget_all(void *h, int64_t *deleted, struct nb_error *err)
{
	struct db *d = h;
	enum nb_err rc;

	sq_read_pause(d);	/* VACUUM needs no transaction open */
	if ((rc = sq_exec(d, "BEGIN IMMEDIATE", err)))
		return rc;
	if ((rc = sq_exec(d, "DELETE FROM entry", err))) {
		sq_rollback(d);
		return rc;
	}
	*deleted = sqlite3_changes64(d->h);
	if ((rc = sq_exec(d, "DELETE FROM day_fact; DELETE FROM day_summary; DELETE FROM day_dirty", err)) ||
	    (rc = sq_exec(d, "INSERT INTO entry_fts(entry_fts) VALUES ('delete-all')", err)) ||
	    (rc = sq_exec(d, "INSERT INTO entry_fts(entry_fts) VALUES ('optimize')", err)) ||
	    (rc = sq_exec(d, "COMMIT", err))) {
		sq_rollback(d);
		return rc;
	}
	if ((rc = sq_exec(d, "VACUUM", err)))
		return rc;
	return sq_exec(d, "PRAGMA wal_checkpoint(TRUNCATE)", err);
}


/* One statement begins to run (SQLITE_TRACE_STMT): a trigger's program,
 * announced as a comment, belongs to the statement that fired it. With
 * say_each, each statement is named when it ends, with its time
 * (SQLITE_TRACE_PROFILE). */
static int count_statement(unsigned type, void *ctx, void *stmt, void *x)
{
	struct db *d = ctx;

	if (type == SQLITE_TRACE_PROFILE) {
		fprintf(stderr, "nabij: SQL %7.3f ms %s\n", (double)*(const sqlite3_int64 *)x / 1e6,
			sqlite3_sql(stmt));
		return 0;
	}
	if (x && strncmp(x, "--", 2) == 0)
		return 0;
	d->statements++;
	return 0;
}

void sq_count(struct db *d)
{
	sqlite3_trace_v2(d->h, SQLITE_TRACE_STMT | (d->say_each ? SQLITE_TRACE_PROFILE : 0), count_statement, d);
}

static void db_count_statements(void *h)
{
	sq_count(h);
}

static uint64_t db_statements(void *h)
{
	struct db *d = h;

	return d->statements;
}

void sq_close(void *h)
{
	struct db *d = h;

	if (!d)
		return;
	sq_read_pause(d);
	if (d->say_count)
		fprintf(stderr, "nabij: %llu SQL statements\n", (unsigned long long)d->statements);
	for (int i = 0; i < S__COUNT; i++)
		sqlite3_finalize(d->st[i]);
	for (int t = 0; t < NB_TYPE__COUNT; t++) {
		sqlite3_finalize(d->put[t]);
		sqlite3_finalize(d->get[t]);
		sqlite3_finalize(d->get_range[t]);
	}
	if (d->tok)
		d->tk.xDelete(d->tok);
	term_pool_free(&d->terms);
	free(d->stats);
	for (int i = 0; i < LIST_SLOTS; i++) {
		sqlite3_finalize(d->lists[i].st);
		free(d->lists[i].sql);
	}
	sqlite3_close(d->h);
	free(d);
}

const struct nb_store_ops sq_ops = {
	.begin = db_begin,
	.commit = db_commit,
	.rollback = sq_rollback,
	.read_begin = db_read_begin,
	.read_end = db_read_end,
	.put = db_put,
	.get = db_get,
	.find_uid = db_find_uid,
	.del = db_del,
	.undo = db_undo,
	.waiting = db_waiting,
	.purge = db_purge,
	.list = db_list,
	.each = db_each,
	.search = db_search,
	.last_touch = db_last_touch,
	.count = db_count,
	.member_by_name = db_member_by_name,
	.version = db_version,
	.exercise_stats = db_exercise_stats,
	.reflection_latest = db_reflection_latest,
	.forget_all = db_forget_all,
	.period = days_period,
	.day_means = days_means,
	.count_statements = db_count_statements,
	.statements = db_statements,
	.close = sq_close,
};
