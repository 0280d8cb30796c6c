/*
 * The SQLite store itself, beside what test_store.c asks of any store:
 * its file (migrations from each released schema, the version, what is
 * left of deleted words in the file and its log), its search against
 * FTS5's own snippet() and bm25() ranking, nabij check on a damaged
 * index, and the SQL of sqlgen.c in SQLite against the released steps.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "store_test.h"
#include "core/buf.h"
#include "core/field.h"
#include "store/schema.h"
#include "store/sqlgen.h"

#include <sqlite3.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* the search index as schema 9 had it, with a copy of the text, for the
 * databases made older by hand (SQLite 3.51's FTS5 leaves the table of the
 * languages, entry_fts_content, behind when the index is dropped) */
#define FTS_9 " DROP TABLE entry_fts; DROP TABLE entry_fts_content; DROP TABLE search_print;" \
	" CREATE VIRTUAL TABLE entry_fts USING fts5(body, words, tokenize = 'unicode61 remove_diacritics 2');"

/* A database of now taken back to schema v for a test of its migration:
 * the columns the field rows brought after v go (the step that brought
 * them is made from the rows, so a new field's is undone here as well;
 * a kind whose whole table came later goes in undo), then undo, the rest
 * of what came after v, is run. False, with SQLite's message shown, when a
 * statement fails. */
static bool back_to(sqlite3 *h, const char *undo, int v)
{
	struct nb_buf q = { 0 };
	bool ok;

	for (int t = NB_CHECKIN; t < NB_TYPE__COUNT; t++) {
		size_t n, later = 0;
		const struct nb_field *f = fields_of((enum nb_type)t, &n);

		for (size_t i = 0; i < n; i++)
			later += f[i].since.schema > v;
		if (later == n)
			continue;
		for (size_t i = 0; i < n; i++) {
			if (f[i].since.schema <= v || ftype_ops(f[i].type)->cell == NB_CELL_NONE)
				continue;
			buf_addf(&q, "ALTER TABLE %s DROP COLUMN %s;", sql_table((enum nb_type)t), f[i].column);
			if (t == NB_CHECKIN && field_measure(&f[i]))
				buf_addf(&q, "ALTER TABLE day_summary DROP COLUMN %s;", field_measure(&f[i])->id);
		}
	}
	buf_addf(&q, "%s PRAGMA user_version = %d", undo, v);
	ok = sqlite3_exec(h, q.s, NULL, NULL, NULL) == SQLITE_OK;
	if (!ok)
		print_error("%s\n", sqlite3_errmsg(h));
	buf_free(&q);
	return ok;
}

static void migrations_set_the_version(void **state)
{
	struct nb_store s;
	struct nb_error err;
	char path[64] = "/tmp/nabij-test-XXXXXX";
	int fd = mkstemp(path);
	sqlite3 *h;
	sqlite3_stmt *st;

	(void)state;
	close(fd);
	unlink(path);
	assert_int_equal(local_open(path, NULL, NB_LOCAL_WRITE, &s, &err), NB_OK);
	store_close(&s);
	/* opening again is a no-op, and the version is recorded */
	assert_int_equal(local_open(path, NULL, NB_LOCAL_WRITE, &s, &err), NB_OK);
	store_close(&s);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), schema_latest());
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	/* a database from a newer nabij is refused, not damaged */
	sqlite3_exec(h, "PRAGMA user_version = 99", NULL, NULL, NULL);
	sqlite3_close(h);
	assert_int_equal(local_open(path, NULL, NB_LOCAL_WRITE, &s, &err), NB_EDB);
	assert_non_null(strstr(err.msg, "newer"));
	/* a version below zero was never written by nabij: refused, no step
	 * run, the version left as it was (-7 once ran an unrelated step and
	 * -100000 read far outside the list of steps) */
	for (int i = 0; i < 2; i++) {
		int bad = i ? -100000 : -7;
		char pragma[64];

		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", bad);
		assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
		sqlite3_exec(h, pragma, NULL, NULL, NULL);
		sqlite3_close(h);
		assert_int_equal(local_open(path, NULL, NB_LOCAL_WRITE, &s, &err), NB_EDB);
		assert_non_null(strstr(err.msg, "not a nabij database"));
		assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
		assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(st, 0), bad);
		sqlite3_finalize(st);
		sqlite3_close(h);
	}
	unlink(path);
	strcat(path, "-wal");
	unlink(path);
}

/* A database of schema 1 gains the summary of all its days when opened. */
static void migration_builds_the_summary(void **state)
{
	struct nb_app a = { .now = NOW };
	struct nb_error err;
	char path[64] = "/tmp/nabij-test-XXXXXX", got[256];
	int fd = mkstemp(path);
	sqlite3 *h;

	(void)state;
	close(fd);
	unlink(path);
	assert_int_equal(local_open(path, NULL, NB_LOCAL_WRITE, &a.store, &err), NB_OK);
	add(&a, checkin(3, "", NOW));
	store_close(&a.store);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	if (!back_to(h, "DROP TRIGGER day_dirty_member_aside; DROP TABLE day_summary; DROP TABLE day_fact; DROP TABLE day_dirty;"
			 " DROP TRIGGER day_dirty_ins; DROP TRIGGER day_dirty_upd;"
			 " DROP TRIGGER day_dirty_del; DROP TRIGGER day_dirty_member_del;"
			 " DROP TRIGGER day_dirty_member_put;"
			 " DROP TABLE experiment;"
			 " DROP INDEX entry_deleted; ALTER TABLE entry DROP COLUMN deleted;" FTS_9, 1))
		fail_msg("%s", sqlite3_errmsg(h));
	sqlite3_close(h);
	if (local_open(path, NULL, NB_LOCAL_WRITE, &a.store, &err) != NB_OK)
		fail_msg("%s", err.msg);
	summary(&a, got, sizeof got);
	assert_string_equal(got, "2026-11-20:3;|");
	store_close(&a.store);
	unlink(path);
	strcat(path, "-wal");
	unlink(path);
	path[strlen(path) - 4] = 0;
	strcat(path, "-shm");
	unlink(path);
}

static void unlink_db(char *path)
{
	unlink(path);
	strcat(path, "-wal");
	unlink(path);
	path[strlen(path) - 4] = 0;
	strcat(path, "-shm");
	unlink(path);
	path[strlen(path) - 4] = 0;
}

/* Whether word is anywhere in the database at path or its write-ahead log. */
static bool in_file(const char *path, const char *word)
{
	bool found = false;

	for (int side = 0; side < 2 && !found; side++) {
		char name[80];
		FILE *f;
		struct nb_buf b = { 0 };
		char chunk[4096];
		size_t n;

		snprintf(name, sizeof name, "%s%s", path, side ? "-wal" : "");
		if (!(f = fopen(name, "rb")))
			continue;
		while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
			buf_addn(&b, chunk, n);
		fclose(f);
		found = b.len && memmem(b.s, b.len, word, strlen(word)) != NULL;
		buf_free(&b);
	}
	return found;
}

/* Schema 8 writes the search index anew: the words of rows deleted before
 * it, which FTS5 kept in its older segments, are gone from the file after
 * the migration, and a row deleted afterwards leaves none behind. */
static void migration_clears_the_index(void **state)
{
	struct nb_app a = { .now = NOW };
	struct nb_error err;
	char path[64] = "/tmp/nabij-test-XXXXXX";
	int fd = mkstemp(path);
	int64_t id;
	sqlite3 *h;

	(void)state;
	close(fd);
	unlink(path);
	assert_int_equal(local_open(path, NULL, NB_LOCAL_WRITE, &a.store, &err), NB_OK);
	store_close(&a.store);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);	/* as before schema 8 */
	if (!back_to(h, FTS_9 "INSERT INTO entry_fts(entry_fts, rank) VALUES ('secure-delete', 0);"
			 " DROP TRIGGER day_dirty_member_aside; DROP INDEX entry_deleted;"
			 " ALTER TABLE entry DROP COLUMN deleted;", 7))
		fail_msg("%s", sqlite3_errmsg(h));
	for (int i = 0; i < 20; i++) {
		char sql[200];
		snprintf(sql, sizeof sql,
			 "INSERT INTO entry_fts(rowid, body, words) VALUES (%d, '%s day %d', '')", i + 1,
			 i == 7 ? "okapisecret" : "ordinary", i);
		if (sqlite3_exec(h, sql, NULL, NULL, NULL) != SQLITE_OK)
			fail_msg("%s", sqlite3_errmsg(h));
	}
	if (sqlite3_exec(h, "DELETE FROM entry_fts WHERE rowid = 8; PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL,
			 NULL) != SQLITE_OK)
		fail_msg("%s", sqlite3_errmsg(h));
	sqlite3_close(h);
	assert_true(in_file(path, "okapisecret"));	/* a deletion before schema 8 left it */
	assert_int_equal(local_open(path, NULL, NB_LOCAL_WRITE, &a.store, &err), NB_OK);
	assert_false(in_file(path, "okapisecret"));
	/* from now on: deleted, waited, gone, and not a word of it left */
	id = add(&a, checkin(3, "narwhalsecret", NOW));
	assert_int_equal(app_delete(&a, id, &err), NB_OK);
	a.now += NB_UNDO_SECONDS;
	assert_int_equal(app_expire(&a, &err), NB_OK);
	assert_false(in_file(path, "narwhalsecret"));
	store_close(&a.store);
	unlink_db(path);
}

/* How many times word is in the database at path and its write-ahead log. */
static int times_in_file(const char *path, const char *word)
{
	int times = 0;

	for (int side = 0; side < 2; side++) {
		char name[80];
		FILE *f;
		struct nb_buf b = { 0 };
		char chunk[4096];
		size_t n;

		snprintf(name, sizeof name, "%s%s", path, side ? "-wal" : "");
		if (!(f = fopen(name, "rb")))
			continue;
		while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
			buf_addn(&b, chunk, n);
		fclose(f);
		for (const char *p = b.s; p && (p = memmem(p, b.len - (size_t)(p - b.s), word, strlen(word))); p++)
			times++;
		buf_free(&b);
	}
	return times;
}

/* The index keeps no copy of a record's text (schema 10), and nothing of
 * what an edit changed: the old words of a note are nowhere in the file
 * or its log once it is checkpointed, not even in the index's pages; the
 * new ones are found. */
static void edit_leaves_no_old_words(void **state)
{
	struct nb_app a = { .now = NOW };
	struct nb_error err;
	struct nb_hits hits = { 0 };
	struct nb_entry *e;
	char path[64] = "/tmp/nabij-test-XXXXXX";
	int fd = mkstemp(path);
	int64_t id;
	sqlite3 *h;

	(void)state;
	close(fd);
	unlink(path);
	assert_int_equal(local_open(path, NULL, NB_LOCAL_WRITE, &a.store, &err), NB_OK);
	id = add(&a, checkin(3, "quetzalsecret by the harbour", NOW));
	add(&a, checkin(4, "another day", NOW));
	/* the text is in the file once: in the record, not a copy in the index
	 * (its words are, folded: "quetzalsecret" as a term of the index) */
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	assert_int_equal(times_in_file(path, "quetzalsecret by the harbour"), 1);
	assert_int_equal(app_get(&a, id, &e, &err), NB_OK);
	free(e->u.checkin.note);
	e->u.checkin.note = xstrdup("a calm evening at home");
	assert_int_equal(app_update(&a, e, &err), NB_OK);
	entry_free(e);
	assert_int_equal(app_search(&a, "quetzalsecret", 0, &hits, &err), NB_OK);
	assert_int_equal(hits.n, 0);
	hits_free(&hits);
	assert_int_equal(app_search(&a, "calm", 0, &hits, &err), NB_OK);
	assert_int_equal(hits.n, 1);
	assert_string_equal(hits.v[0].snippet, "a \x02" "calm\x03 evening at home\n");
	hits_free(&hits);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	assert_false(in_file(path, "quetzalsecret"));
	assert_false(in_file(path, "harbour"));
	store_close(&a.store);
	unlink_db(path);
}

/* The vocabulary's words changed as many for as many (another Dutch word
 * for a term, in a newer nabij): the word counts cannot tell, the print of
 * the vocabulary can, and the index is made anew when the file is opened. */
static void index_anew_when_the_words_changed(void **state)
{
	struct nb_app a = { .now = NOW };
	struct nb_error err;
	struct nb_hits hits = { 0 };
	struct nb_check k;
	struct nb_entry *e;
	char path[64] = "/tmp/nabij-test-XXXXXX";
	int fd = mkstemp(path);
	int64_t id;
	sqlite3 *h;

	(void)state;
	close(fd);
	unlink(path);
	assert_int_equal(local_open(path, NULL, NB_LOCAL_WRITE, &a.store, &err), NB_OK);
	id = add(&a, checkin(3, "alpha beta", NOW));
	add(&a, checkin(3, "beta delta", NOW));
	store_close(&a.store);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);	/* one word for another, and another print */
	if (sqlite3_exec(h, "INSERT INTO entry_fts(entry_fts, rowid, body, words, lang) VALUES ('delete', 1, 'alpha beta\n', '', 'en');"
			 " INSERT INTO entry_fts(rowid, body, words, lang) VALUES (1, 'alpha zetaword', '', 'en');"
			 " UPDATE search_print SET print = '0000000000000000' WHERE lang = 'nl'",
			 NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s", sqlite3_errmsg(h));
	sqlite3_close(h);
	assert_int_equal(app_open(&a, path, NULL, 0, &err), NB_OK);
	assert_int_equal(app_search(&a, "zetaword", 0, &hits, &err), NB_OK);
	assert_int_equal(hits.n, 0);
	hits_free(&hits);
	assert_int_equal(app_get(&a, id, &e, &err), NB_OK);
	free(e->u.checkin.note);
	e->u.checkin.note = xstrdup("alpha epsilon");
	assert_int_equal(app_update(&a, e, &err), NB_OK);
	entry_free(e);
	assert_int_equal(app_search(&a, "beta", 0, &hits, &err), NB_OK);
	assert_int_equal(hits.n, 1);
	hits_free(&hits);
	assert_int_equal(app_check(&a, &k, &err), NB_OK);
	assert_false(check_found(&k));
	app_close(&a);
	unlink_db(path);
}

/* A row whose text the store can no longer make as it was indexed (a
 * newer nabij with other words for a term) would leave words in the index
 * that no record has, and FTS5 would call the index damaged at the next
 * search for one: the index is filled anew from the records first. */
static void index_anew_when_the_text_changed(void **state)
{
	struct nb_app a = { .now = NOW };
	struct nb_error err;
	struct nb_hits hits = { 0 };
	struct nb_check k;
	struct nb_entry *e;
	char path[64] = "/tmp/nabij-test-XXXXXX";
	int fd = mkstemp(path);
	int64_t id;
	sqlite3 *h;

	(void)state;
	close(fd);
	unlink(path);
	assert_int_equal(local_open(path, NULL, NB_LOCAL_WRITE, &a.store, &err), NB_OK);
	id = add(&a, checkin(3, "alpha beta", NOW));
	add(&a, checkin(3, "beta delta", NOW));
	store_close(&a.store);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);	/* indexed from another text */
	if (sqlite3_exec(h, "INSERT INTO entry_fts(entry_fts, rowid, body, words, lang) VALUES ('delete', 1, 'alpha beta\n', '', 'en');"
			 " INSERT INTO entry_fts(rowid, body, words, lang) VALUES (1, 'alpha beta gammaword', '', 'en')",
			 NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s", sqlite3_errmsg(h));
	sqlite3_close(h);
	assert_int_equal(app_open(&a, path, NULL, 0, &err), NB_OK);
	assert_int_equal(app_get(&a, id, &e, &err), NB_OK);
	free(e->u.checkin.note);
	e->u.checkin.note = xstrdup("alpha epsilon");
	assert_int_equal(app_update(&a, e, &err), NB_OK);
	entry_free(e);
	assert_int_equal(app_search(&a, "gammaword", 0, &hits, &err), NB_OK);
	assert_int_equal(hits.n, 0);
	hits_free(&hits);
	assert_int_equal(app_search(&a, "beta", 0, &hits, &err), NB_OK);
	assert_int_equal(hits.n, 1);
	hits_free(&hits);
	assert_int_equal(app_search(&a, "epsilon", 0, &hits, &err), NB_OK);
	assert_int_equal(hits.n, 1);
	hits_free(&hits);
	assert_int_equal(app_check(&a, &k, &err), NB_OK);
	assert_false(check_found(&k));
	app_close(&a);
	unlink_db(path);
}

/* A database of schema 9 (its index with a copy of the text) gets the
 * index without one: the old index goes, whole, and search finds and
 * cuts snippets as before. */
static void migration_drops_the_copy(void **state)
{
	struct nb_app a = { .now = NOW };
	struct nb_error err;
	struct nb_hits hits = { 0 };
	struct nb_check k;
	char path[64] = "/tmp/nabij-test-XXXXXX";
	int fd = mkstemp(path);
	struct nb_entry *e;
	sqlite3 *h;
	sqlite3_stmt *st;

	(void)state;
	close(fd);
	unlink(path);
	assert_int_equal(local_open(path, NULL, NB_LOCAL_WRITE, &a.store, &err), NB_OK);
	e = checkin(2, "the okapi walked by the river. A long day", NOW);
	items_add(&e->u.checkin.emotions, "sadness", NULL, 0);
	add(&a, e);
	add(&a, checkin(3, "river stones", NOW));
	store_close(&a.store);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);	/* as schema 9 made it */
	if (!back_to(h, FTS_9, 9))
		fail_msg("%s", sqlite3_errmsg(h));
	assert_int_equal(sqlite3_prepare_v2(h, "INSERT INTO entry_fts(rowid, body, words) VALUES (?, ?, ?)", -1, &st, NULL), SQLITE_OK);
	for (int64_t id = 1; id <= 2; id++) {
		struct nb_buf t = { 0 }, w = { 0 };
		struct nb_entry *got = id == 1 ? checkin(2, "the okapi walked by the river. A long day", NOW) : checkin(3, "river stones", NOW);
		if (id == 1)
			items_add(&got->u.checkin.emotions, "sadness", NULL, 0);
		fields_search_text(got, &t, &w);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, t.s, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, w.s ? w.s : "", -1, SQLITE_TRANSIENT);
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
		sqlite3_reset(st);
		buf_free(&t);
		buf_free(&w);
		entry_free(got);
	}
	sqlite3_finalize(st);
	sqlite3_close(h);
	assert_int_equal(times_in_file(path, "the okapi walked by the river. A long day"), 2);
	assert_int_equal(app_open(&a, path, NULL, 0, &err), NB_OK);
	/* the copy is gone from the file (and the old index with it) */
	assert_int_equal(times_in_file(path, "the okapi walked by the river. A long day"), 1);
	assert_int_equal(app_search(&a, "okapi", 0, &hits, &err), NB_OK);
	assert_int_equal(hits.n, 1);
	assert_string_equal(hits.v[0].snippet, "sadness the \x02okapi\x03 walked by the river. A long day\n");
	hits_free(&hits);
	assert_int_equal(app_search(&a, "verdriet", 0, &hits, &err), NB_OK);
	assert_int_equal(hits.n, 1);
	hits_free(&hits);
	assert_int_equal(app_search(&a, "river", 0, &hits, &err), NB_OK);
	assert_int_equal(hits.n, 2);
	hits_free(&hits);
	assert_int_equal(app_check(&a, &k, &err), NB_OK);
	assert_false(check_found(&k));
	app_close(&a);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'entry_fts_9%'", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	unlink_db(path);
}

/* A store and, beside it, an FTS5 table that keeps its texts (as schema 9
 * did), the reference for the search: n check-ins of words drawn from
 * words (up to most of them a note; every fifth with "sadness" ticked when
 * sad), each in both. */
static sqlite3 *ref_pair(struct nb_app *a, const char *const *words, size_t nwords, int n, int most,
			 bool sad, unsigned seed)
{
	struct nb_error err;
	sqlite3 *ref;
	sqlite3_stmt *ins;

	assert_int_equal(local_open(":memory:", NULL, NB_LOCAL_WRITE, &a->store, &err), NB_OK);
	assert_int_equal(sqlite3_open(":memory:", &ref), SQLITE_OK);
	assert_int_equal(sqlite3_exec(ref, "CREATE VIRTUAL TABLE ref USING fts5(body, words, tokenize = 'unicode61 remove_diacritics 2');"
					   "BEGIN", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(ref, "INSERT INTO ref(rowid, body, words) VALUES (?, ?, ?)", -1, &ins, NULL), SQLITE_OK);
	for (int r = 0; r < n; r++) {
		struct nb_buf note = { 0 }, t = { 0 }, w = { 0 };
		int k = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % (most ? most : (r % 3 ? 9 : 40));
		struct nb_entry *e;
		for (int i = 0; i < k; i++) {
			seed = seed * 1103515245u + 12345u;
			buf_addf(&note, "%s%s", i ? " " : "", words[(seed >> 16) % nwords]);
		}
		e = checkin(3, note.s, NOW);
		if (sad && r % 5 == 0)
			items_add(&e->u.checkin.emotions, "sadness", NULL, 0);
		fields_search_text(e, &t, &w);
		add(a, e);
		sqlite3_bind_int(ins, 1, r + 1);
		sqlite3_bind_text(ins, 2, t.s, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 3, w.s ? w.s : "", -1, SQLITE_TRANSIENT);
		assert_int_equal(sqlite3_step(ins), SQLITE_DONE);
		sqlite3_reset(ins);
		buf_free(&note);
		buf_free(&t);
		buf_free(&w);
	}
	sqlite3_finalize(ins);
	assert_int_equal(sqlite3_exec(ref, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	return ref;
}

/* The snippets cut from a record's own text are the ones FTS5's snippet()
 * cut from its copy before schema 10, and the order of the hits is the
 * same: the same texts in an FTS5 table that keeps them (as schema 9 did)
 * give the reference, for many texts and queries (sentences, prefixes,
 * words of several tokens, diacritics, long texts cut in a window). */
static void snippets_as_fts5_cut_them(void **state)
{
	static const char *const words[] = {
		"river", "riverbank", "rivér", "the", "a", "walk.", "walked", "Noor:", "self-care", "café",
		"dog;", "high", "with", "by", "calm", "day.", "long", "care", "Crowded", "self", "—", "rivers",
	};
	static const char *const queries[] = {
		"river", "riv", "walk noor", "self-care", "care self", "cafe", "the river", "noor walk river",
		"day", "a", "long day", "r", "\"river\" AND", "self care", "riverbank river", "—", "crowd café",
	};
	struct nb_app a = { .now = NOW };
	struct nb_error err;
	sqlite3 *ref;
	sqlite3_stmt *snip, *order;
	int compared = 0;

	(void)state;
	ref = ref_pair(&a, words, sizeof words / sizeof words[0], 80, 0, true, 7);
	assert_int_equal(sqlite3_prepare_v2(ref, "SELECT snippet(ref, 0, char(2), char(3), '…', 12) FROM ref WHERE ref MATCH ?1 AND rowid = ?2",
					    -1, &snip, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(ref, "SELECT rowid FROM ref WHERE ref MATCH ? ORDER BY rank", -1, &order, NULL), SQLITE_OK);
	for (size_t qi = 0; qi < sizeof queries / sizeof queries[0]; qi++) {
		struct nb_hits hits = { 0 };
		struct nb_buf fq = { 0 };
		const char *p = queries[qi];
		size_t k = 0;

		while (*p) {	/* the query as the store makes it (fts_query) */
			const char *start;
			while (*p && (*p == ' ' || *p == '"'))
				p++;
			start = p;
			while (*p && *p != ' ' && *p != '"')
				p++;
			if (p > start)
				buf_addf(&fq, "%s\"%.*s\"*", fq.len ? " " : "", (int)(p - start), start);
		}
		assert_int_equal(app_search(&a, queries[qi], 0, &hits, &err), NB_OK);
		sqlite3_bind_text(order, 1, fq.s, -1, SQLITE_STATIC);
		while (sqlite3_step(order) == SQLITE_ROW) {
			int64_t id = sqlite3_column_int64(order, 0);
			assert_true(k < hits.n);
			if (hits.v[k].entry->id != id)
				fail_msg("query %s: hit %zu is #%lld, FTS5 ranks #%lld there", queries[qi], k,
					 (long long)hits.v[k].entry->id, (long long)id);
			sqlite3_bind_text(snip, 1, fq.s, -1, SQLITE_STATIC);
			sqlite3_bind_int64(snip, 2, id);
			assert_int_equal(sqlite3_step(snip), SQLITE_ROW);
			if (strcmp((const char *)sqlite3_column_text(snip, 0), hits.v[k].snippet) != 0)
				fail_msg("query %s, #%lld:\n  FTS5: %s\n  ours: %s", queries[qi], (long long)id,
					 (const char *)sqlite3_column_text(snip, 0), hits.v[k].snippet);
			sqlite3_reset(snip);
			k++;
			compared++;
		}
		sqlite3_reset(order);
		assert_int_equal(k, hits.n);
		hits_free(&hits);
		buf_free(&fq);
	}
	assert_true(compared > 200);
	sqlite3_finalize(snip);
	sqlite3_finalize(order);
	sqlite3_close(ref);
	store_close(&a.store);
}

/* A common word is ranked among its newest thousand matches, as FTS5's
 * bm25() ranked the matches from the thousandth newest on, and the count
 * says that more match; fewer are ranked and counted whole. */
static void ranks_the_newest_window_as_bm25(void **state)
{
	static const char *const words[] = { "river", "riverbank", "walk", "calm", "the", "long", "day", "dog" };
	static const struct {
		const char *q, *fts;
		int limit;
	} cases[] = {
		{ "river", "\"river\"*", 30 }, { "riv walk", "\"riv\"* \"walk\"*", 30 },
		{ "river", "\"river\"*", 1100 }, { "dog calm", "\"dog\"* \"calm\"*", 20 },
		{ "riverbank", "\"riverbank\"*", 0 },
	};
	struct nb_app a = { .now = NOW };
	struct nb_error err;
	sqlite3 *ref;
	sqlite3_stmt *order, *floor, *count;

	(void)state;
	ref = ref_pair(&a, words, sizeof words / sizeof words[0], 1600, 12, false, 11);
	assert_int_equal(sqlite3_prepare_v2(ref, "SELECT rowid FROM ref WHERE ref MATCH ?1 ORDER BY rowid DESC LIMIT 1 OFFSET ?2",
					    -1, &floor, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(ref, "SELECT rowid FROM ref WHERE ref MATCH ?1 AND rowid >= ?2 ORDER BY rank LIMIT ?3",
					    -1, &order, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(ref, "SELECT count(*) FROM ref WHERE ref MATCH ?", -1, &count, NULL), SQLITE_OK);
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		struct nb_hits hits = { 0 };
		int window = cases[c].limit == 0 ? INT_MAX : cases[c].limit > 1000 ? cases[c].limit : 1000;
		int64_t lowest = 0, all;
		size_t k = 0;

		sqlite3_bind_text(floor, 1, cases[c].fts, -1, SQLITE_STATIC);
		sqlite3_bind_int(floor, 2, window == INT_MAX ? INT_MAX : window - 1);
		if (sqlite3_step(floor) == SQLITE_ROW)
			lowest = sqlite3_column_int64(floor, 0);
		sqlite3_reset(floor);
		sqlite3_bind_text(count, 1, cases[c].fts, -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(count), SQLITE_ROW);
		all = sqlite3_column_int64(count, 0);
		sqlite3_reset(count);
		assert_int_equal(app_search(&a, cases[c].q, cases[c].limit, &hits, &err), NB_OK);
		sqlite3_bind_text(order, 1, cases[c].fts, -1, SQLITE_STATIC);
		sqlite3_bind_int64(order, 2, lowest);
		sqlite3_bind_int(order, 3, cases[c].limit ? cases[c].limit : -1);
		while (sqlite3_step(order) == SQLITE_ROW) {
			assert_true(k < hits.n);
			if (hits.v[k].entry->id != sqlite3_column_int64(order, 0))
				fail_msg("%s, limit %d: hit %zu is #%lld, bm25() ranks #%lld there", cases[c].q,
					 cases[c].limit, k, (long long)hits.v[k].entry->id,
					 (long long)sqlite3_column_int64(order, 0));
			k++;
		}
		sqlite3_reset(order);
		assert_int_equal(k, hits.n);
		if (all > window) {	/* more than were ranked: said so */
			assert_true(hits.over);
			assert_int_equal(hits.total, window);
		} else {
			assert_false(hits.over);
			assert_int_equal(hits.total, all);
		}
		if (c == 0)	/* the case the test is for */
			assert_true(all > 1000 && hits.over && hits.n == 30);
		hits_free(&hits);
	}
	sqlite3_finalize(order);
	sqlite3_finalize(floor);
	sqlite3_finalize(count);
	sqlite3_close(ref);
	store_close(&a.store);
}

/* A database of schema 2 (before the connection scale) keeps its
 * check-ins and gains the scale and its mean per day when opened; so do
 * the craving scale and the circle's first to call (schema 5). */
static void migration_adds_connection(void **state)
{
	struct nb_app a = { .now = NOW };
	struct nb_error err;
	struct nb_entry *e;
	struct nb_period p;
	char path[64] = "/tmp/nabij-test-XXXXXX";
	int fd = mkstemp(path);
	int64_t old;
	sqlite3 *h;

	(void)state;
	close(fd);
	unlink(path);
	assert_int_equal(local_open(path, NULL, NB_LOCAL_WRITE, &a.store, &err), NB_OK);
	old = add(&a, checkin(3, "before", NOW - 3600));
	store_close(&a.store);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	if (!back_to(h, "DROP TABLE experiment;"
			 " DROP TRIGGER day_dirty_member_aside; DROP INDEX entry_deleted; ALTER TABLE entry DROP COLUMN deleted;"
			 FTS_9, 2))
		fail_msg("%s", sqlite3_errmsg(h));
	sqlite3_close(h);
	if (local_open(path, NULL, NB_LOCAL_WRITE, &a.store, &err) != NB_OK)
		fail_msg("%s", err.msg);
	assert_int_equal(app_get(&a, old, &e, &err), NB_OK);
	assert_int_equal(e->u.checkin.mood, 3);
	assert_int_equal(e->u.checkin.connection, 0);
	entry_free(e);
	e = checkin(5, "after", NOW);
	e->u.checkin.connection = 4;
	e->u.checkin.craving = 2;
	add(&a, e);
	assert_int_equal(a.store.ops->period(a.store.db, "0000-01-01", "9999-12-31", &p, &err), NB_OK);
	assert_int_equal(p.noutcomes, 1);
	assert_true(p.outcomes[0].v[NB_M_MOOD] == 4.0);
	assert_true(p.outcomes[0].v[NB_M_CONNECTION] == 4.0);	/* the one check-in that has it */
	assert_int_equal(p.ndays, 1);
	assert_true(p.days[0].v[NB_M_CONNECTION] == 4.0);
	assert_true(p.days[0].v[NB_M_CRAVING] == 2.0);
	period_free(&p);
	e = entry_new(NB_MEMBER);
	e->u.member.name = xstrdup("Ria");
	e->u.member.first = true;
	old = add(&a, e);
	assert_int_equal(app_get(&a, old, &e, &err), NB_OK);
	assert_true(e->u.member.first);
	entry_free(e);
	store_close(&a.store);
	unlink_db(path);
}

/* nabij check: a whole database counts its records and finds nothing (a
 * record that waits for undo has no row in the index and is not counted);
 * a record taken out of the search index and a list item of a record that
 * is not there are found, each in its place, without a word of text. */
static void check_finds_the_index_and_links(void **state)
{
	struct nb_app a = { .now = NOW, .checking = true };
	struct nb_error err;
	struct nb_check k;
	char path[64] = "/tmp/nabij-test-XXXXXX";
	int fd = mkstemp(path);
	sqlite3 *h;

	(void)state;
	close(fd);
	unlink(path);
	assert_int_not_equal(app_open(&a, path, NULL, 0, &err), NB_OK);	/* nothing to check, nothing made */
	assert_int_equal(err.code, NB_ENOTFOUND);
	assert_int_not_equal(access(path, F_OK), 0);
	assert_int_equal(local_open(path, NULL, NB_LOCAL_WRITE, &a.store, &err), NB_OK);
	add(&a, checkin(3, "one", NOW - 3600));
	add(&a, checkin(4, "two", NOW));
	/* one that waits for undo: out of the index, and not counted */
	assert_int_equal(app_delete(&a, add(&a, checkin(5, "waits", NOW)), &err), NB_OK);
	store_close(&a.store);
	assert_int_equal(app_open(&a, path, NULL, 0, &err), NB_OK);
	assert_int_equal(app_check(&a, &k, &err), NB_OK);
	assert_false(check_found(&k));
	assert_false(k.encrypted);
	assert_true(k.counted);
	assert_int_equal(k.records[NB_CHECKIN], 2);
	assert_int_equal(k.records[NB_MOMENT], 0);
	app_close(&a);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	if (sqlite3_exec(h, "DELETE FROM entry_fts_content WHERE id = 1;"
			 " INSERT INTO item VALUES (99, 'need', 0, 'rest', NULL, NULL)", NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s", sqlite3_errmsg(h));
	sqlite3_close(h);
	assert_int_equal(app_open(&a, path, NULL, 0, &err), NB_OK);
	assert_int_equal(app_check(&a, &k, &err), NB_OK);
	assert_true(check_found(&k));
	assert_int_equal(k.index, 1);
	assert_int_equal(k.links, 1);
	assert_int_equal(k.damage, 0);
	assert_int_equal(k.pages, 0);
	assert_int_equal(k.records[NB_CHECKIN], 2);
	app_close(&a);
	unlink_db(path);
}

/* A database of schema 6 in which two experiments came to run side by
 * side keeps the one that was shown (the newest) running and stops the
 * other when opened; from then on the store holds one at a time. */
static void migration_stops_all_but_one(void **state)
{
	struct nb_app a = { .now = NOW };
	struct nb_error err = { 0 };
	struct nb_entry *x, *shown = NULL;
	char path[64] = "/tmp/nabij-test-XXXXXX";
	int fd = mkstemp(path);
	int64_t older, newer;
	sqlite3 *h;

	(void)state;
	close(fd);
	unlink(path);
	assert_int_equal(local_open(path, NULL, NB_LOCAL_WRITE, &a.store, &err), NB_OK);
	x = experiment("embrace", NULL);
	entry_set_time(x, nb_stamp_local(NOW - 86400));
	assert_int_equal(app_experiment_start(&a, x, NULL, &err), NB_OK);
	older = x->id;
	entry_free(x);
	x = experiment("self-touch", NULL);
	xstrset(&x->u.experiment.state, "stopped");
	x->u.experiment.pairs = 3;
	x->u.experiment.period_days = 5;
	x->u.experiment.seed = xstrdup("00000000000000ff");
	assert_int_equal(app_add(&a, x, &err), NB_OK);
	newer = x->id;
	entry_free(x);
	store_close(&a.store);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	if (!back_to(h, "DROP INDEX IF EXISTS experiment_one_running;"
			 " UPDATE experiment SET state = 'running';"
			 " DROP TRIGGER day_dirty_member_aside; DROP INDEX entry_deleted; ALTER TABLE entry DROP COLUMN deleted;"
			 FTS_9, 6))
		fail_msg("%s", sqlite3_errmsg(h));
	sqlite3_close(h);
	if (local_open(path, NULL, NB_LOCAL_WRITE, &a.store, &err) != NB_OK)
		fail_msg("%s", err.msg);
	assert_int_equal(running(&a), 1);
	assert_int_equal(app_experiment(&a, &shown, &err), NB_OK);
	assert_int_equal(shown->id, newer);
	entry_free(shown);
	assert_int_equal(app_get(&a, older, &x, &err), NB_OK);
	assert_string_equal(x->u.experiment.state, "stopped");
	store_close(&a.store);
	/* and the schema itself refuses a second one, whatever writes it */
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(h, "UPDATE experiment SET state = 'running'", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	entry_free(x);
	unlink_db(path);
}

/* A database of schema 7 (before the urge's strength) keeps its sessions
 * and gains urge_before and urge_after when opened: the steps for 8 (undo)
 * and 9 run in order; a session then keeps both. */
static void migration_adds_the_urge(void **state)
{
	struct nb_app a = { .now = NOW };
	struct nb_error err;
	struct nb_entry *e;
	char path[64] = "/tmp/nabij-test-XXXXXX";
	int fd = mkstemp(path);
	int64_t old, id;
	sqlite3 *h;
	sqlite3_stmt *st;

	(void)state;
	close(fd);
	unlink(path);
	assert_int_equal(local_open(path, NULL, NB_LOCAL_WRITE, &a.store, &err), NB_OK);
	e = entry_new(NB_SESSION);
	e->u.session.exercise = xstrdup("urge");
	e->u.session.seconds = 120;
	e->u.session.tension_before = 4;
	e->u.session.tension_after = 2;
	old = add(&a, e);
	store_close(&a.store);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	if (!back_to(h, FTS_9 " DROP TRIGGER day_dirty_member_aside; DROP INDEX entry_deleted;"
			 " ALTER TABLE entry DROP COLUMN deleted;", 7))
		fail_msg("%s", sqlite3_errmsg(h));
	sqlite3_close(h);
	if (local_open(path, NULL, NB_LOCAL_WRITE, &a.store, &err) != NB_OK)
		fail_msg("%s", err.msg);
	assert_int_equal(app_get(&a, old, &e, &err), NB_OK);
	assert_int_equal(e->u.session.tension_before, 4);
	assert_int_equal(e->u.session.urge_before, 0);
	assert_int_equal(e->u.session.urge_after, 0);
	entry_free(e);
	e = entry_new(NB_SESSION);
	e->u.session.exercise = xstrdup("urge");
	e->u.session.seconds = 300;
	e->u.session.urge_before = 5;
	e->u.session.urge_after = 2;
	id = add(&a, e);
	assert_int_equal(app_get(&a, id, &e, &err), NB_OK);
	assert_int_equal(e->u.session.urge_before, 5);
	assert_int_equal(e->u.session.urge_after, 2);
	assert_int_equal(e->u.session.tension_before, 0);
	entry_free(e);
	store_close(&a.store);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), schema_latest());
	sqlite3_finalize(st);
	sqlite3_close(h);
	unlink_db(path);
}

/* The steps that only added columns, made again from the rows (their
 * since.schema), are the text that was released: a new field's step can
 * come from its row alone. */
static void added_columns_come_from_the_rows(void **state)
{
	int pure[] = { 3, 5, 9 };	/* connection; craving and first; the urge */

	(void)state;
	for (size_t i = 0; i < sizeof pure / sizeof pure[0]; i++) {
		struct nb_buf made = { 0 }, released = { 0 };

		sql_add_columns(&sql_sqlite, pure[i], &made);
		schema_step(pure[i], &released);
		assert_non_null(made.s);
		assert_string_equal(made.s, released.s);
		buf_free(&made);
		buf_free(&released);
	}
	/* a version past the released ones has columns only when a row asks */
	assert_true(schema_latest() >= schema_released());
}

/* A database made anew by the store at path (a name of its own), opened
 * with SQLite itself. */
static sqlite3 *made_anew(char *path)
{
	int fd = mkstemp(path);
	struct nb_store s;
	struct nb_error err;
	sqlite3 *h;

	close(fd);
	unlink(path);
	assert_int_equal(local_open(path, NULL, NB_LOCAL_WRITE, &s, &err), NB_OK);
	store_close(&s);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	return h;
}

/* A database made anew holds, for each kind, a column for each field of its
 * row that is not a list (lists live in item), of the type its cell says,
 * and no other column but the link to the record. */
static void fresh_columns_are_the_table(void **state)
{
	char path[64] = "/tmp/nabij-test-XXXXXX";
	sqlite3 *h = made_anew(path);

	(void)state;
	for (int t = NB_CHECKIN; t < NB_TYPE__COUNT; t++) {
		size_t n, matched = 0, columns = 0;
		const struct nb_field *f = fields_of((enum nb_type)t, &n);
		char q[128];
		sqlite3_stmt *st;

		snprintf(q, sizeof q, "PRAGMA table_info(%s)", sql_table((enum nb_type)t));
		assert_int_equal(sqlite3_prepare_v2(h, q, -1, &st, NULL), SQLITE_OK);
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *col = (const char *)sqlite3_column_text(st, 1);
			const char *type = (const char *)sqlite3_column_text(st, 2);
			bool found = strcmp(col, "entry_id") == 0;

			columns++;
			for (size_t i = 0; i < n && !found; i++) {
				enum nb_cell cell = ftype_ops(f[i].type)->cell;

				if (cell == NB_CELL_NONE || strcmp(f[i].column, col) != 0)
					continue;
				found = true;
				matched++;
				assert_string_equal(type, cell == NB_CELL_INT || ftype_ops(f[i].type)->names_record
							  ? "INTEGER" : "TEXT");
			}
			if (!found)
				fail_msg("%s.%s is in no row of the field table", sql_table((enum nb_type)t), col);
		}
		sqlite3_finalize(st);
		assert_true(columns > matched);	/* and entry_id */
		{
			size_t want = 0;

			for (size_t i = 0; i < n; i++)
				want += ftype_ops(f[i].type)->cell != NB_CELL_NONE;
			assert_int_equal(matched, want);
		}
	}
	sqlite3_close(h);
	unlink_db(path);
}

/* Each kind's table made anew from its rows has the columns, in the same
 * order and of the same type, of the table the released steps made. */
static void kind_tables_from_the_rows(void **state)
{
	char path[64] = "/tmp/nabij-test-XXXXXX";
	sqlite3 *h = made_anew(path), *fresh;

	(void)state;
	assert_int_equal(sqlite3_open(":memory:", &fresh), SQLITE_OK);
	assert_int_equal(sqlite3_exec(fresh, "CREATE TABLE entry (id INTEGER PRIMARY KEY)", NULL, NULL, NULL), SQLITE_OK);
	for (int t = NB_CHECKIN; t < NB_TYPE__COUNT; t++) {
		struct nb_buf create = { 0 }, a = { 0 }, b = { 0 };
		char q[128];
		sqlite3 *dbs[2] = { h, fresh };
		struct nb_buf *cols[2] = { &a, &b };

		sql_kind_create(&sql_sqlite, (enum nb_type)t, &create);
		assert_int_equal(sqlite3_exec(fresh, create.s, NULL, NULL, NULL), SQLITE_OK);
		snprintf(q, sizeof q, "PRAGMA table_info(%s)", sql_table((enum nb_type)t));
		for (int k = 0; k < 2; k++) {
			sqlite3_stmt *st;

			assert_int_equal(sqlite3_prepare_v2(dbs[k], q, -1, &st, NULL), SQLITE_OK);
			while (sqlite3_step(st) == SQLITE_ROW)
				buf_addf(cols[k], "%s %s|", sqlite3_column_text(st, 1), sqlite3_column_text(st, 2));
			sqlite3_finalize(st);
		}
		/* the same columns; a released step may have added one later, at the end */
		{
			const char *x = a.s, *y = b.s;
			size_t na = 0, nb = 0;

			for (; *x; x++)
				na += *x == '|';
			for (; *y; y++)
				nb += *y == '|';
			assert_int_equal(na, nb);
			for (char *c = strtok(b.s, "|"); c; c = strtok(NULL, "|")) {
				char want[128];

				snprintf(want, sizeof want, "%s|", c);
				if (!strstr(a.s, want))
					fail_msg("%s: %s is not in the released table (%s)", sql_table((enum nb_type)t), c, a.s);
			}
		}
		buf_free(&create);
		buf_free(&a);
		buf_free(&b);
	}
	sqlite3_close(fresh);
	sqlite3_close(h);
	unlink_db(path);
}

/* What one table or index of h is, to hold two databases side by side: a
 * table's columns (name, type, place in the key), its references and its
 * unique columns, sorted; an index's text as it was made. */
static void describe(sqlite3 *h, const char *type, const char *name, struct nb_buf *out)
{
	char q[512];
	sqlite3_stmt *st;

	if (strcmp(type, "index") == 0)
		snprintf(q, sizeof q, "SELECT sql FROM sqlite_schema WHERE name = '%s'", name);
	else
		snprintf(q, sizeof q, "SELECT name || ' ' || type || ' ' || pk FROM pragma_table_info('%s')"
			 " UNION ALL SELECT 'references ' || \"from\" || ' ' || \"table\" || '.' || \"to\" || ' ' || on_delete"
			 "  FROM pragma_foreign_key_list('%s')"
			 " UNION ALL SELECT 'unique ' || (SELECT group_concat(name) FROM pragma_index_info(l.name))"
			 "  FROM pragma_index_list('%s') l WHERE l.origin = 'u' ORDER BY 1", name, name, name);
	assert_int_equal(sqlite3_prepare_v2(h, q, -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		buf_addf(out, "%s|", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* The shared tables and indexes made anew from sqlgen.c (sql_schema, what
 * a hosted store starts from, there with the person first in each key)
 * are in SQLite's dialect the ones the released steps made: the same
 * columns of the same types and keys, references, unique columns and
 * indexes, and nothing else but the store's own (its search). */
static void shared_tables_as_released(void **state)
{
	char path[64] = "/tmp/nabij-test-XXXXXX";
	sqlite3 *h = made_anew(path), *fresh;
	struct nb_buf ddl = { 0 };
	sqlite3_stmt *st;
	const char *mine = "SELECT type, name FROM sqlite_schema WHERE type IN ('table', 'index')"
			   " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'entry_fts%' AND name <> 'search_print'";
	int released = 0, made = 0;

	(void)state;
	sql_schema(&sql_sqlite, &ddl);
	assert_int_equal(sqlite3_open(":memory:", &fresh), SQLITE_OK);
	if (sqlite3_exec(fresh, ddl.s, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s", sqlite3_errmsg(fresh));
	assert_int_equal(sqlite3_prepare_v2(h, mine, -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(st, 0);
		const char *name = (const char *)sqlite3_column_text(st, 1);
		struct nb_buf was = { 0 }, anew = { 0 };

		describe(h, type, name, &was);
		describe(fresh, type, name, &anew);
		if (!anew.s || strcmp(was.s, anew.s) != 0)
			fail_msg("%s %s\n  released:  %s\n  made anew: %s", type, name, was.s, anew.s ? anew.s : "nothing");
		released++;
		buf_free(&was);
		buf_free(&anew);
	}
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_prepare_v2(fresh, mine, -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		made++;
	sqlite3_finalize(st);
	assert_int_equal(made, released);
	assert_true(released > 25);
	buf_free(&ddl);
	sqlite3_close(fresh);
	sqlite3_close(h);
	unlink_db(path);
}

/* Every statement the stores share prepares in SQLite, and its
 * PostgreSQL text is free of SQLite's own words. */
static void shared_statements_in_both_dialects(void **state)
{
	char path[64] = "/tmp/nabij-test-XXXXXX";
	sqlite3 *h = made_anew(path);
	int shared = 0;

	(void)state;
	for (int k = 0; k < S__COUNT; k++) {
		struct nb_buf lite = { 0 }, pg = { 0 };
		sqlite3_stmt *st = NULL;

		if (!sql_statement(&sql_sqlite, (enum stmt)k, &lite)) {
			assert_false(sql_statement(&sql_postgresql, (enum stmt)k, &pg));
			continue;
		}
		shared++;
		if (sqlite3_prepare_v2(h, lite.s, -1, &st, NULL) != SQLITE_OK)
			fail_msg("%s: %s", lite.s, sqlite3_errmsg(h));
		sqlite3_finalize(st);
		/* the number of a new record is the hosted store's own: it counts
		 * within the person's records */
		if (k == S_ENTRY_INS) {
			assert_false(sql_statement(&sql_postgresql, (enum stmt)k, &pg));
			buf_free(&lite);
			continue;
		}
		assert_true(sql_statement(&sql_postgresql, (enum stmt)k, &pg));
		if (strchr(pg.s, '?') || strstr(pg.s, "json_each") || strstr(pg.s, "CROSS JOIN") ||
		    strstr(pg.s, "COLLATE NOCASE") || strstr(pg.s, "instr(") || strstr(pg.s, " +"))
			fail_msg("not PostgreSQL's: %s", pg.s);
		buf_free(&lite);
		buf_free(&pg);
	}
	assert_true(shared > 20);
	sqlite3_close(h);
	unlink_db(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(migrations_set_the_version),
		cmocka_unit_test(added_columns_come_from_the_rows),
		cmocka_unit_test(fresh_columns_are_the_table),
		cmocka_unit_test(kind_tables_from_the_rows),
		cmocka_unit_test(shared_tables_as_released),
		cmocka_unit_test(shared_statements_in_both_dialects),
		cmocka_unit_test(migration_builds_the_summary),
		cmocka_unit_test(migration_clears_the_index),
		cmocka_unit_test(edit_leaves_no_old_words),
		cmocka_unit_test(migration_drops_the_copy),
		cmocka_unit_test(index_anew_when_the_text_changed),
		cmocka_unit_test(index_anew_when_the_words_changed),
		cmocka_unit_test(snippets_as_fts5_cut_them),
		cmocka_unit_test(ranks_the_newest_window_as_bm25),
		cmocka_unit_test(migration_adds_connection),
		cmocka_unit_test(check_finds_the_index_and_links),
		cmocka_unit_test(migration_stops_all_but_one),
		cmocka_unit_test(migration_adds_the_urge),
	};

	return cmocka_run_group_tests_name("sqlite", tests, NULL, NULL);
}
