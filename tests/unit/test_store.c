/* store/sqlite through the use-cases, on :memory: databases. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "app/app.h"
#include "core/buf.h"
#include "core/field.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "store/schema.h"
#include "store/sqlgen.h"

#include <sqlite3.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NOW 1795201200	/* 2026-11-20T19:00:00Z, 20:00 in Amsterdam */
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

static int setup(void **state)
{
	struct nb_app *a = xcalloc(1, sizeof *a);
	struct nb_error err;

	setenv("TZ", "Europe/Amsterdam", 1);
	if (local_open(":memory:", NULL, NB_LOCAL_WRITE, &a->store, &err) != NB_OK)
		return -1;
	a->now = NOW;
	*state = a;
	return 0;
}

static int teardown(void **state)
{
	struct nb_app *a = *state;

	store_close(&a->store);
	free(a);
	return 0;
}

static struct nb_entry *checkin(int mood, const char *note, int64_t at)
{
	struct nb_entry *e = entry_new(NB_CHECKIN);

	e->u.checkin.mood = mood;
	e->u.checkin.note = xstrdup(note);
	if (at)
		entry_set_time(e, nb_stamp_local(at));
	return e;
}

static int64_t add(struct nb_app *a, struct nb_entry *e)
{
	struct nb_error err;
	int64_t id;

	if (app_add(a, e, &err) != NB_OK)
		fail_msg("app_add: %s", err.msg);
	id = e->id;
	entry_free(e);
	return id;
}

static struct nb_entry *member(const char *name, bool first)
{
	struct nb_entry *e = entry_new(NB_MEMBER);

	e->u.member.name = xstrdup(name);
	e->u.member.reach = xstrdup("06-12345678");
	e->u.member.first = first;
	return e;
}

/* Whether the member id is marked as the first to call. */
static bool is_first(struct nb_app *a, int64_t id)
{
	struct nb_entry *e;
	struct nb_error err;
	bool first;

	assert_int_equal(app_get(a, id, &e, &err), NB_OK);
	first = e->u.member.first;
	entry_free(e);
	return first;
}

/*
 * One first to call at a time: marking a member unmarks the one before,
 * in the same transaction, and the app says who that was so a face can
 * say so. A write that fails leaves the one before marked.
 */
static void one_first_to_call(void **state)
{
	struct nb_app *a = *state;
	struct nb_entries l = { 0 }, in = { 0 };
	struct nb_import_result r;
	struct nb_entry *e;
	struct nb_error err;
	int64_t sam, noor, mira;
	size_t marked = 0;

	sam = add(a, member("Sam", true));
	assert_int_equal(a->first_before.id, 0);	/* nobody was before */
	noor = add(a, member("Noor", true));
	assert_false(is_first(a, sam));
	assert_true(is_first(a, noor));
	assert_int_equal(a->first_before.id, sam);
	assert_string_equal(a->first_before.name, "Sam");
	mira = add(a, member("Mira", false));	/* not marked: nothing moves */
	assert_int_equal(a->first_before.id, 0);
	assert_true(is_first(a, noor));

	/* changing a member into the first, and saving the first again */
	assert_int_equal(app_get(a, sam, &e, &err), NB_OK);
	e->u.member.first = true;
	assert_int_equal(app_update(a, e, &err), NB_OK);
	assert_int_equal(a->first_before.id, noor);
	assert_int_equal(app_update(a, e, &err), NB_OK);
	assert_int_equal(a->first_before.id, 0);	/* itself: nobody else was */
	entry_free(e);
	assert_true(is_first(a, sam));
	assert_false(is_first(a, noor));

	/* a write that fails takes nothing with it: Sam stays the first */
	assert_int_equal(app_get(a, noor, &e, &err), NB_OK);
	e->id = mira + 100;	/* a record that is not there */
	e->u.member.first = true;
	assert_int_equal(app_update(a, e, &err), NB_ENOTFOUND);
	assert_int_equal(a->first_before.id, 0);
	entry_free(e);
	assert_true(is_first(a, sam));

	assert_int_equal(app_circle(a, &l, &err), NB_OK);
	for (size_t i = 0; i < l.n; i++)
		marked += l.v[i]->u.member.first;
	assert_int_equal(marked, 1);
	assert_string_equal(care_first_to_call(&l)->name, "Sam");
	entries_free(&l);

	/* an import keeps the rule: the last one marked in the file stays */
	for (int i = 0; i < 2; i++) {
		e = member(i ? "Joris" : "Ellen", true);
		entry_set_time(e, nb_stamp_local(NOW));
		snprintf(e->uid, sizeof e->uid, "%032d", 50 + i);
		entries_push(&in, e);
	}
	assert_int_equal(app_import(a, &in, false, &r, &err), NB_OK);
	assert_int_equal(r.added, 2);
	entries_free(&in);
	assert_int_equal(app_circle(a, &l, &err), NB_OK);
	marked = 0;
	for (size_t i = 0; i < l.n; i++)
		marked += l.v[i]->u.member.first;
	assert_int_equal(marked, 1);
	assert_string_equal(care_first_to_call(&l)->name, "Joris");
	entries_free(&l);
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

static void every_kind_round_trips(void **state)
{
	struct nb_app *a = *state;
	struct nb_entry *c = entry_new(NB_CHECKIN), *m = entry_new(NB_MOMENT),
			*t = entry_new(NB_TRIGGER), *p = entry_new(NB_MEMBER),
			*s = entry_new(NB_SESSION), *r = entry_new(NB_REFLECTION), *got;
	struct nb_error err;
	int64_t ids[6];

	items_add(&c->u.checkin.body, "tension", "shoulders", 0);
	items_add(&c->u.checkin.emotions, "sadness", NULL, 3);
	items_add(&c->u.checkin.emotions, "fear", NULL, 0);
	items_add(&c->u.checkin.needs, "rest", NULL, 0);
	items_add(&c->u.checkin.tags, "walk", NULL, 0);
	c->u.checkin.state = xstrdup("activated");
	c->u.checkin.mood = 2;
	c->u.checkin.energy = 3;
	c->u.checkin.tension = 4;
	c->u.checkin.sleep_minutes = 0;	/* a sleepless night is an answer, not a gap */
	c->u.checkin.sleep_quality = 1;
	c->u.checkin.note = xstrdup("Zwaar begin, café met Sam");
	p->u.member.name = xstrdup("Sam");
	p->u.member.reach = xstrdup("06-12345678");
	ids[0] = add(a, p);
	m->u.moment.kind = xstrdup("hug");
	m->u.moment.with = xstrdup("sam");
	m->u.moment.seconds = 10;
	m->u.moment.safe = xstrdup("yes");
	items_add(&m->u.moment.effects, "breath", NULL, 0);
	t->u.trigger.situation = xstrdup("No answer to my message");
	t->u.trigger.need = xstrdup("connection");
	s->u.session.exercise = xstrdup("breath");
	s->u.session.seconds = 180;
	s->u.session.tension_before = 4;
	s->u.session.tension_after = 2;
	r->u.reflection.prompt = xstrdup("felt-safe");
	r->u.reflection.text = xstrdup("The cat on my lap.");
	ids[1] = add(a, c);
	ids[2] = add(a, m);
	ids[3] = add(a, t);
	ids[4] = add(a, s);
	ids[5] = add(a, r);

	assert_int_equal(app_get(a, ids[1], &got, &err), NB_OK);
	assert_int_equal(got->type, NB_CHECKIN);
	assert_string_equal(got->day, "2026-11-20");
	assert_int_equal(got->at.offset, 3600);
	assert_int_equal(got->u.checkin.body.n, 1);
	assert_string_equal(got->u.checkin.body.v[0].place, "shoulders");
	assert_int_equal(got->u.checkin.emotions.n, 2);
	assert_int_equal(got->u.checkin.emotions.v[0].intensity, 3);
	assert_string_equal(got->u.checkin.emotions.v[1].term, "fear");
	assert_string_equal(got->u.checkin.state, "activated");
	assert_int_equal(got->u.checkin.sleep_minutes, 0);
	assert_int_equal(got->u.checkin.sleep_quality, 1);
	assert_string_equal(got->u.checkin.note, "Zwaar begin, café met Sam");
	entry_free(got);

	assert_int_equal(app_get(a, ids[2], &got, &err), NB_OK);
	assert_string_equal(got->u.moment.with, "sam");
	assert_non_null(got->u.moment.member_uid);	/* linked to Sam by name */
	assert_int_equal(got->u.moment.effects.n, 1);
	entry_free(got);

	assert_int_equal(app_get(a, ids[4], &got, &err), NB_OK);
	assert_int_equal(got->u.session.tension_after, 2);
	entry_free(got);
	assert_int_equal(app_get(a, ids[5], &got, &err), NB_OK);
	assert_string_equal(got->u.reflection.prompt, "felt-safe");
	entry_free(got);

	/* deleting a member keeps the moment, without the link */
	assert_int_equal(app_delete(a, ids[0], &err), NB_OK);
	assert_int_equal(app_get(a, ids[2], &got, &err), NB_OK);
	assert_null(got->u.moment.member_uid);
	assert_string_equal(got->u.moment.with, "sam");
	entry_free(got);
	assert_int_equal(app_get(a, ids[0], &got, &err), NB_ENOTFOUND);
	assert_int_equal(app_delete(a, ids[0], &err), NB_ENOTFOUND);
}

static void search_finds_and_forgets(void **state)
{
	struct nb_app *a = *state;
	struct nb_hits h = { 0 };
	struct nb_error err;
	int64_t walk = add(a, checkin(3, "A long walk by the river with Noor", NOW - 7200));
	int64_t other = add(a, checkin(4, "Walked the dog; river was high", NOW - 3600));

	assert_int_equal(app_search(a, "river", 10, &h, &err), NB_OK);
	assert_int_equal(h.n, 2);
	assert_non_null(strstr(h.v[0].snippet, "\x02river\x03"));
	hits_free(&h);
	assert_int_equal(app_search(a, "walk noor", 10, &h, &err), NB_OK);
	assert_int_equal(h.n, 1);
	assert_int_equal(h.v[0].entry->id, walk);
	hits_free(&h);
	/* prefixes match, diacritics fold */
	assert_int_equal(app_search(a, "Wal rivér", 10, &h, &err), NB_OK);
	assert_int_equal(h.n, 2);
	hits_free(&h);
	/* FTS syntax in the words is just words */
	assert_int_equal(app_search(a, "\"river\" AND OR NEAR( *", 10, &h, &err), NB_OK);
	hits_free(&h);
	assert_int_equal(app_search(a, "  \"\" ", 10, &h, &err), NB_EUSAGE);
	/* a deleted record leaves nothing behind in the index */
	assert_int_equal(app_delete(a, other, &err), NB_OK);
	assert_int_equal(app_search(a, "dog", 10, &h, &err), NB_OK);
	assert_int_equal(h.n, 0);
	hits_free(&h);
	/* past the limit: how many there are in all; 0 asks for all */
	for (int i = 0; i < 12; i++)
		add(a, checkin(3, "by the river again", NOW - 100 - i));
	assert_int_equal(app_search(a, "river", 5, &h, &err), NB_OK);
	assert_int_equal(h.n, 5);
	assert_int_equal(h.total, 13);
	hits_free(&h);
	assert_int_equal(app_search(a, "river", 0, &h, &err), NB_OK);
	assert_int_equal(h.n, 13);
	assert_int_equal(h.total, 13);
	hits_free(&h);
	assert_int_equal(app_search(a, "river", 13, &h, &err), NB_OK);
	assert_int_equal(h.total, 13);
	hits_free(&h);
}

static void update_replaces_lists_and_text(void **state)
{
	struct nb_app *a = *state;
	struct nb_entry *e = checkin(2, "first words", 0), *got;
	struct nb_hits h = { 0 };
	struct nb_error err;
	int64_t id;

	items_add(&e->u.checkin.needs, "rest", NULL, 0);
	id = add(a, e);
	assert_int_equal(app_get(a, id, &e, &err), NB_OK);
	items_clear(&e->u.checkin.needs);
	items_add(&e->u.checkin.needs, "movement", NULL, 0);
	xstrset(&e->u.checkin.note, "second words");
	a->now += 60;
	assert_int_equal(app_update(a, e, &err), NB_OK);
	entry_free(e);
	assert_int_equal(app_get(a, id, &got, &err), NB_OK);
	assert_int_equal(got->u.checkin.needs.n, 1);
	assert_string_equal(got->u.checkin.needs.v[0].term, "movement");
	assert_int_equal(got->updated, got->created + 60);
	/* an invalid change is refused and the stored record stays as it was */
	got->u.checkin.mood = 8;
	assert_int_equal(app_update(a, got, &err), NB_EINVAL);
	entry_free(got);
	assert_int_equal(app_get(a, id, &got, &err), NB_OK);
	assert_int_equal(got->u.checkin.mood, 2);
	entry_free(got);
	assert_int_equal(app_search(a, "first", 10, &h, &err), NB_OK);
	assert_int_equal(h.n, 0);
	hits_free(&h);
	assert_int_equal(app_search(a, "second", 10, &h, &err), NB_OK);
	assert_int_equal(h.n, 1);
	hits_free(&h);
}

static enum nb_err note_id(const struct nb_entry *e, void *ctx, struct nb_error *err)
{
	struct nb_buf *b = ctx;

	(void)err;
	buf_addf(b, "%lld,", (long long)e->id);
	return NB_OK;
}

static enum nb_err stop_at_two(const struct nb_entry *e, void *ctx, struct nb_error *err)
{
	int *n = ctx;

	(void)e;
	return ++*n == 2 ? nb_error_set(err, NB_EIO, "", "%s", "the disk is gone") : NB_OK;
}

/* The export record by record gives the records of the whole export, in
 * its order (members first), and stops at the first error. */
static void export_one_by_one(void **state)
{
	struct nb_app *a = *state;
	struct nb_entries all = { 0 };
	struct nb_buf whole = { 0 }, each = { 0 };
	struct nb_entry *m = entry_new(NB_MEMBER);
	struct nb_error err;
	int n = 0;

	add(a, checkin(3, "first", NOW - 7200));
	m->u.member.name = xstrdup("Sam");
	add(a, m);
	add(a, checkin(4, "second", NOW - 3600));
	assert_int_equal(app_export(a, &all, &err), NB_OK);
	for (size_t i = 0; i < all.n; i++)
		buf_addf(&whole, "%lld,", (long long)all.v[i]->id);
	assert_int_equal(app_export_each(a, note_id, &each, &err), NB_OK);
	assert_string_equal(each.s, whole.s);
	assert_int_equal(all.v[0]->type, NB_MEMBER);
	assert_int_equal(app_export_each(a, stop_at_two, &n, &err), NB_EIO);
	assert_int_equal(n, 2);
	entries_free(&all);
	buf_free(&whole);
	buf_free(&each);
}

static void import_is_all_or_nothing(void **state)
{
	struct nb_app *a = *state;
	struct nb_entries in = { 0 }, all = { 0 };
	struct nb_import_result r;
	struct nb_query q = { 0 };
	struct nb_error err;
	struct nb_entry *bad;

	for (int i = 0; i < 3; i++) {
		struct nb_entry *e = checkin(3, "imported", NOW - 86400 * (i + 1));
		snprintf(e->uid, sizeof e->uid, "%032d", i + 1);
		entries_push(&in, e);
	}
	bad = checkin(9, "not a mood", NOW - 3600);
	snprintf(bad->uid, sizeof bad->uid, "%032d", 9);
	entries_push(&in, bad);
	assert_int_equal(app_import(a, &in, false, &r, &err), NB_EINVAL);
	assert_non_null(strstr(err.msg, "record 4"));
	assert_non_null(strstr(err.msg, "Nothing was imported"));
	assert_int_equal(app_list(a, &q, &all, &err), NB_OK);
	assert_int_equal(all.n, 0);

	bad->u.checkin.mood = 1;
	assert_int_equal(app_import(a, &in, true, &r, &err), NB_OK);
	assert_int_equal(r.added, 4);
	assert_int_equal(app_list(a, &q, &all, &err), NB_OK);
	assert_int_equal(all.n, 0);	/* a dry run writes nothing */

	assert_int_equal(app_import(a, &in, false, &r, &err), NB_OK);
	assert_int_equal(r.added, 4);
	assert_int_equal(app_import(a, &in, false, &r, &err), NB_OK);
	assert_int_equal(r.added, 0);
	assert_int_equal(r.present, 4);
	assert_int_equal(app_list(a, &q, &all, &err), NB_OK);
	assert_int_equal(all.n, 4);
	entries_free(&all);
	entries_free(&in);
}

static void list_by_day_and_kind(void **state)
{
	struct nb_app *a = *state;
	struct nb_entries l = { 0 };
	struct nb_query q = { 0 };
	struct nb_error err;
	struct nb_entry *m = entry_new(NB_MOMENT);

	add(a, checkin(3, "a", NOW - 86400 * 2));
	add(a, checkin(4, "b", NOW - 86400));
	add(a, checkin(5, "c", NOW));
	m->u.moment.kind = xstrdup("talk");
	add(a, m);
	q.since = "2026-11-19";
	assert_int_equal(app_list(a, &q, &l, &err), NB_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0]->u.checkin.note, "b");
	entries_free(&l);
	q.types = NB_TYPE_BIT(NB_MOMENT);
	assert_int_equal(app_list(a, &q, &l, &err), NB_OK);
	assert_int_equal(l.n, 1);
	entries_free(&l);
	q = (struct nb_query){ .limit = 2, .newest_first = true };
	assert_int_equal(app_list(a, &q, &l, &err), NB_OK);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0]->type, NB_MOMENT);
	entries_free(&l);
}

static void today_and_the_last_touch(void **state)
{
	struct nb_app *a = *state;
	struct nb_today t;
	struct nb_error err;
	struct nb_entry *m;

	assert_int_equal(app_today(a, &t, &err), NB_OK);
	assert_int_equal(t.days_since_touch, -1);
	assert_int_equal(t.entries.n, 0);
	assert_false(t.needs_care);
	today_free(&t);

	m = entry_new(NB_MOMENT);
	m->u.moment.kind = xstrdup("hug");
	m->u.moment.safe = xstrdup("yes");
	entry_set_time(m, nb_stamp_local(NOW - 3 * 86400));
	add(a, m);
	m = entry_new(NB_MOMENT);	/* a touch that did not feel safe does not count */
	m->u.moment.kind = xstrdup("hug");
	m->u.moment.safe = xstrdup("no");
	add(a, m);
	add(a, checkin(1, "low", 0));
	add(a, checkin(3, "", NOW - 86400));
	assert_int_equal(app_today(a, &t, &err), NB_OK);
	assert_string_equal(t.day, "2026-11-20");
	assert_int_equal(t.days_since_touch, 3);
	assert_int_equal(t.entries.n, 2);
	assert_true(t.needs_care);
	assert_true(t.moods[NB_SPARK_DAYS - 1] == 1.0);
	assert_true(t.moods[NB_SPARK_DAYS - 2] == 3.0);
	assert_true(t.moods[0] == 0.0);
	assert_non_null(t.prompt);
	today_free(&t);
}

static void trigger_outcome(void **state)
{
	struct nb_app *a = *state;
	struct nb_entry *t = entry_new(NB_TRIGGER), *got;
	struct nb_error err;
	int64_t id, other = add(a, checkin(3, "x", 0));

	t->u.trigger.situation = xstrdup("Left out of plans");
	id = add(a, t);
	assert_int_equal(app_trigger_outcome(a, id, "I asked to join; it went fine.", &err), NB_OK);
	assert_int_equal(app_get(a, id, &got, &err), NB_OK);
	assert_string_equal(got->u.trigger.outcome, "I asked to join; it went fine.");
	entry_free(got);
	assert_int_equal(app_trigger_outcome(a, other, "x", &err), NB_EINVAL);
	assert_int_equal(app_trigger_outcome(a, id, "", &err), NB_EINVAL);
	assert_int_equal(app_trigger_outcome(a, 999, "x", &err), NB_ENOTFOUND);
}

static void charts_per_day(void **state)
{
	struct nb_app *a = *state;
	struct nb_charts c;
	struct nb_error err;
	struct nb_entry *e;
	double v[3];
	int weeks[2];

	e = checkin(2, "a", NOW - 86400);
	items_add(&e->u.checkin.needs, "rest", NULL, 0);
	e->u.checkin.sleep_minutes = 420;
	add(a, e);
	e = checkin(4, "b", NOW - 86400 + 600);
	items_add(&e->u.checkin.needs, "rest", NULL, 0);
	items_add(&e->u.checkin.needs, "contact", NULL, 0);
	add(a, e);
	e = entry_new(NB_TRIGGER);
	e->u.trigger.situation = xstrdup("x");
	e->u.trigger.need = xstrdup("contact");
	e->u.trigger.emotion = xstrdup("fear");
	add(a, e);
	for (int i = 0; i < 3; i++) {
		e = entry_new(NB_MOMENT);
		e->u.moment.kind = xstrdup(i ? "hug" : "talk");
		add(a, e);
	}
	add(a, checkin(5, "long ago", NOW - 40 * 86400));	/* outside the period */
	assert_int_equal(app_charts(a, "2026-11-19", "2026-11-20", &c, &err), NB_OK);
	assert_int_equal(c.ndays, 2);
	series_daily(c.days, c.ndays, "2026-11-18", 3, NB_M_MOOD, v);
	assert_true(v[0] == 0 && v[1] == 3.0 && v[2] == 0);
	series_daily(c.days, c.ndays, "2026-11-18", 3, NB_M_SLEEP_HOURS, v);
	assert_true(v[1] == 7.0);
	series_weekly(c.days, c.ndays, "2026-11-09", 2, weeks);
	assert_int_equal(weeks[0], 0);
	assert_int_equal(weeks[1], 3);
	assert_int_equal(c.terms.n[NB_TERMS_NEEDS], 2);
	assert_string_equal(c.terms.v[NB_TERMS_NEEDS][0].term, "contact");	/* twice, with the trigger's */
	assert_int_equal(c.terms.v[NB_TERMS_NEEDS][0].n, 2);
	assert_string_equal(c.terms.v[NB_TERMS_NEEDS][1].term, "rest");
	assert_int_equal(c.terms.n[NB_TERMS_TRIGGER_NEEDS], 1);
	assert_string_equal(c.terms.v[NB_TERMS_TRIGGER_NEEDS][0].term, "contact");
	assert_int_equal(c.terms.n[NB_TERMS_TRIGGER_EMOTIONS], 1);
	assert_string_equal(c.terms.v[NB_TERMS_TRIGGER_EMOTIONS][0].term, "fear");
	assert_int_equal(c.terms.n[NB_TERMS_KINDS], 2);
	assert_string_equal(c.terms.v[NB_TERMS_KINDS][0].term, "hug");
	assert_int_equal(c.terms.v[NB_TERMS_KINDS][0].n, 2);
	charts_free(&c);
}

/* The facts and outcomes the store gives for the insights, as one string:
 * "day:mood;..." then "day:kind term;..." in the store's order. */
static void summary(struct nb_app *a, char *out, size_t size)
{
	struct nb_period p;
	size_t len = 0;
	struct nb_error err;
	char day[NB_DAY_LEN];

	assert_int_equal(a->store.ops->period(a->store.db, "0000-01-01", "9999-12-31", &p, &err), NB_OK);
	out[0] = 0;
	for (size_t i = 0; i < p.noutcomes; i++) {
		nb_day_add("1970-01-01", p.outcomes[i].day, day);
		len += (size_t)snprintf(out + len, size - len, "%s:%g;", day, p.outcomes[i].v[NB_M_MOOD]);
	}
	len += (size_t)snprintf(out + len, size - len, "|");
	for (size_t i = 0; i < p.nfacts; i++) {
		nb_day_add("1970-01-01", p.facts[i].day, day);
		len += (size_t)snprintf(out + len, size - len, "%s:%c%s;", day, p.facts[i].kind, p.facts[i].term);
	}
	period_free(&p);
}

/* The summary per day (schema 2) follows every add, edit and delete,
 * a renamed or removed circle member included. */
static void day_summary_follows_writes(void **state)
{
	struct nb_app *a = *state;
	struct nb_entry *e, *m;
	struct nb_error err;
	char got[1024];
	int64_t anna, hug, c1;

	m = entry_new(NB_MEMBER);
	m->u.member.name = xstrdup("Anna");
	anna = add(a, m);
	assert_int_equal(app_get(a, anna, &m, &err), NB_OK);
	c1 = add(a, checkin(2, "", NOW - 86400));
	add(a, checkin(4, "", NOW - 86400 + 60));
	e = entry_new(NB_MOMENT);
	e->u.moment.kind = xstrdup("hug");
	e->u.moment.safe = xstrdup("yes");
	e->u.moment.member_uid = xstrdup(m->uid);
	entry_set_time(e, nb_stamp_local(NOW - 86400));
	hug = add(a, e);
	summary(a, got, sizeof got);
	assert_string_equal(got, "2026-11-19:3;|2026-11-19:cAnna;2026-11-19:mhug;2026-11-19:t;");

	/* a renamed member renames the fact */
	free(m->u.member.name);
	m->u.member.name = xstrdup("Anna B.");
	assert_int_equal(app_update(a, m, &err), NB_OK);
	summary(a, got, sizeof got);
	assert_string_equal(got, "2026-11-19:3;|2026-11-19:cAnna B.;2026-11-19:mhug;2026-11-19:t;");

	/* a check-in moved to another day moves its mood */
	assert_int_equal(app_get(a, c1, &e, &err), NB_OK);
	entry_set_time(e, nb_stamp_local(NOW));
	assert_int_equal(app_update(a, e, &err), NB_OK);
	entry_free(e);
	summary(a, got, sizeof got);
	assert_string_equal(got, "2026-11-19:4;2026-11-20:2;|2026-11-19:cAnna B.;2026-11-19:mhug;2026-11-19:t;");

	/* a removed member leaves the moment, not the contact */
	assert_int_equal(app_delete(a, anna, &err), NB_OK);
	summary(a, got, sizeof got);
	assert_string_equal(got, "2026-11-19:4;2026-11-20:2;|2026-11-19:mhug;2026-11-19:t;");
	assert_int_equal(app_delete(a, hug, &err), NB_OK);
	summary(a, got, sizeof got);
	assert_string_equal(got, "2026-11-19:4;2026-11-20:2;|");
	entry_free(m);
	/* forgetting everything leaves no summary behind */
	add(a, checkin(1, "", NOW));
	assert_int_equal(app_forget_all(a, &(int64_t){ 0 }, &err), NB_OK);
	summary(a, got, sizeof got);
	assert_string_equal(got, "|");
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

/* A row whose text the store can no longer make as it was indexed (a
 * newer nabij with other words for a term) would leave words in the index
 * that no record has, and FTS5 would call the index damaged at the next
 * search for one: the index is filled anew from the records first. */
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

/* nabij check: a whole database counts its records and finds nothing; a
 * record taken out of the search index and a list item of a record that
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

static struct nb_entry *experiment(const char *practice, const char *uid)
{
	struct nb_entry *e = entry_new(NB_EXPERIMENT);

	e->u.experiment.practice = xstrdup(practice);
	e->u.experiment.outcome = xstrdup("tension");
	if (uid)
		snprintf(e->uid, sizeof e->uid, "%s", uid);
	return e;
}

static int running(struct nb_app *a)
{
	struct nb_query q = { .types = NB_TYPE_BIT(NB_EXPERIMENT) };
	struct nb_entries l = { 0 };
	struct nb_error err;
	int n = 0;

	assert_int_equal(app_list(a, &q, &l, &err), NB_OK);
	for (size_t i = 0; i < l.n; i++)
		n += strcmp(l.v[i]->u.experiment.state, "stopped") != 0;
	entries_free(&l);
	return n;
}

/* Two started at the same moment, by two nabij on one database: both
 * found none running, and the store lets only one of them in. */
static void one_experiment_at_a_time_in_the_store(void **state)
{
	struct nb_app a = { .now = NOW }, b = { .now = NOW };
	struct nb_error err = { 0 };
	struct nb_entry *x, *found = NULL;
	char path[64] = "/tmp/nabij-test-XXXXXX";
	int fd = mkstemp(path);

	(void)state;
	close(fd);
	unlink(path);
	assert_int_equal(local_open(path, NULL, NB_LOCAL_WRITE, &a.store, &err), NB_OK);
	assert_int_equal(local_open(path, NULL, NB_LOCAL_WRITE, &b.store, &err), NB_OK);
	assert_int_equal(app_experiment(&a, &found, &err), NB_OK);
	assert_null(found);
	assert_int_equal(app_experiment(&b, &found, &err), NB_OK);
	assert_null(found);	/* both looked before either wrote */
	x = experiment("embrace", NULL);
	xstrset(&x->u.experiment.state, "running");
	x->u.experiment.pairs = 3;
	x->u.experiment.period_days = 5;
	x->u.experiment.seed = xstrdup("00000000000000ff");
	assert_int_equal(app_add(&a, x, &err), NB_OK);
	entry_free(x);
	x = experiment("self-touch", NULL);
	xstrset(&x->u.experiment.state, "running");
	x->u.experiment.pairs = 3;
	x->u.experiment.period_days = 5;
	x->u.experiment.seed = xstrdup("00000000000000ee");
	assert_int_equal(app_add(&b, x, &err), NB_EINVAL);
	assert_string_equal(err.field, "experiment");
	assert_non_null(strstr(err.msg, "One experiment at a time"));
	/* stopped, it may stay beside the running one */
	xstrset(&x->u.experiment.state, "stopped");
	assert_int_equal(app_add(&b, x, &err), NB_OK);
	entry_free(x);
	x = experiment("reach-out", NULL);
	assert_int_equal(app_experiment_start(&b, x, NULL, &err), NB_EINVAL);
	assert_string_equal(err.field, "experiment");
	entry_free(x);
	assert_int_equal(running(&a), 1);
	store_close(&a.store);
	store_close(&b.store);
	unlink_db(path);
}

/* How many records wait for undo now. */
static size_t waiting(struct nb_app *a)
{
	struct nb_entries l = { 0 };
	struct nb_error err;
	size_t n;

	assert_int_equal(app_waiting(a, 0, &l, &err), NB_OK);
	n = l.n;
	entries_free(&l);
	return n;
}

static struct nb_entry *moment_with(const struct nb_entry *m, int64_t at)
{
	struct nb_entry *e = entry_new(NB_MOMENT);

	e->u.moment.kind = xstrdup("hug");
	e->u.moment.safe = xstrdup("yes");
	e->u.moment.with = xstrdup(m->u.member.name);
	e->u.moment.member_uid = xstrdup(m->uid);
	e->u.moment.note = xstrdup("warm and close");
	entry_set_time(e, nb_stamp_local(at));
	return e;
}

static enum nb_err count_each(const struct nb_entry *e, void *ctx, struct nb_error *err)
{
	(void)e, (void)err;
	(*(size_t *)ctx)++;
	return NB_OK;
}

/*
 * A deleted record waits for undo out of sight: no get, list, export,
 * search, count, name, last touch, reflection, exercise statistics, day
 * summary or check sees it; Undo brings it back whole, with the same id
 * and uid and the moment's link to the member it names.
 */
static void a_deleted_record_waits_out_of_sight(void **state)
{
	struct nb_app *a = *state;
	struct nb_entries l = { 0 };
	struct nb_entry *m, *e, *back;
	struct nb_hits h = { 0 };
	struct nb_error err;
	struct nb_exercise_stat *stats;
	size_t nstats, each = 0;
	bool found;
	char got[1024], uid[NB_UID_LEN], muid[NB_UID_LEN];
	int64_t anna, hug, c, s, r, n;

	anna = add(a, member("Anna", true));
	assert_int_equal(app_get(a, anna, &m, &err), NB_OK);
	snprintf(muid, sizeof muid, "%s", m->uid);
	hug = add(a, moment_with(m, NOW - 60));
	c = add(a, checkin(2, "a narwhal of a day", NOW - 30));
	e = entry_new(NB_SESSION);
	e->u.session.exercise = xstrdup("breath");
	e->u.session.seconds = 120;
	e->u.session.tension_before = 4;
	e->u.session.tension_after = 2;
	s = add(a, e);
	e = entry_new(NB_REFLECTION);
	e->u.reflection.prompt = xstrdup("beside-me");
	e->u.reflection.text = xstrdup("tea and quiet");
	r = add(a, e);
	summary(a, got, sizeof got);
	assert_string_equal(got, "2026-11-20:2;|2026-11-20:cAnna;2026-11-20:e;2026-11-20:mhug;2026-11-20:t;");

	/* the member: out of the circle and the facts; the moment stays, its
	 * link hidden (an export of it names no one who is not in it) */
	assert_int_equal(app_delete(a, anna, &err), NB_OK);
	assert_int_equal(app_get(a, anna, &e, &err), NB_ENOTFOUND);
	assert_int_equal(app_circle(a, &l, &err), NB_OK);
	assert_int_equal(l.n, 0);
	entries_free(&l);
	assert_int_equal(a->store.ops->count(a->store.db, NB_MEMBER, &n, &err), NB_OK);
	assert_int_equal(n, 0);
	assert_int_equal(a->store.ops->member_by_name(a->store.db, "anna", uid, &found, &err), NB_OK);
	assert_false(found);
	assert_int_equal(app_search(a, "12345678", 10, &h, &err), NB_OK);
	assert_int_equal(h.n, 0);
	hits_free(&h);
	assert_int_equal(app_get(a, hug, &e, &err), NB_OK);
	assert_null(e->u.moment.member_uid);
	entry_free(e);
	summary(a, got, sizeof got);
	assert_string_equal(got, "2026-11-20:2;|2026-11-20:e;2026-11-20:mhug;2026-11-20:t;");
	assert_int_equal(app_export_each(a, count_each, &each, &err), NB_OK);
	assert_int_equal(each, 4);

	/* the others: out of every reading */
	assert_int_equal(app_delete(a, hug, &err), NB_OK);
	assert_int_equal(app_delete(a, c, &err), NB_OK);
	assert_int_equal(app_delete(a, s, &err), NB_OK);
	assert_int_equal(app_delete(a, r, &err), NB_OK);
	assert_int_equal(app_delete(a, r, &err), NB_ENOTFOUND);	/* waits already */
	assert_int_equal(waiting(a), 5);
	assert_int_equal(app_export(a, &l, &err), NB_OK);
	assert_int_equal(l.n, 0);
	entries_free(&l);
	each = 0;
	assert_int_equal(app_export_each(a, count_each, &each, &err), NB_OK);
	assert_int_equal(each, 0);
	assert_int_equal(app_search(a, "narwhal", 10, &h, &err), NB_OK);
	assert_int_equal(h.n, 0);
	hits_free(&h);
	assert_int_equal(a->store.ops->last_touch(a->store.db, false, &e, &err), NB_OK);
	assert_null(e);
	assert_int_equal(app_reflection_latest(a, "beside-me", &e, &err), NB_OK);
	assert_null(e);
	assert_int_equal(app_exercise_stats(a, &stats, &nstats, &err), NB_OK);
	assert_int_equal(nstats, 0);
	free(stats);
	summary(a, got, sizeof got);
	assert_string_equal(got, "|");
	{
		struct nb_check k;
		assert_int_equal(app_check(a, &k, &err), NB_OK);
		assert_false(check_found(&k));	/* no index row is missing for what waits */
		assert_int_equal(k.records[NB_MEMBER] + k.records[NB_CHECKIN], 0);
	}
	/* an import meets its uid: it is there, waiting; nothing twice */
	e = member("Anna", false);
	snprintf(e->uid, sizeof e->uid, "%s", muid);
	entry_set_time(e, nb_stamp_local(NOW));
	entries_push(&l, e);
	{
		struct nb_import_result ir;
		assert_int_equal(app_import(a, &l, false, &ir, &err), NB_OK);
		assert_int_equal(ir.present, 1);
		assert_int_equal(ir.added, 0);
	}
	entries_free(&l);

	/* back, whole: the member with the same id and uid, still the first to
	 * call; the moment's link to her again; every reading sees them */
	assert_int_equal(app_undo(a, anna, &back, &err), NB_OK);
	assert_int_equal(back->id, anna);
	assert_string_equal(back->uid, muid);
	assert_true(back->u.member.first);
	assert_string_equal(back->u.member.reach, "06-12345678");
	entry_free(back);
	for (int64_t id = r; id >= hug; id--)
		if (id != anna)
			assert_int_equal(app_undo(a, 0, NULL, &err), NB_OK);	/* the one deleted last first */
	assert_int_equal(waiting(a), 0);
	assert_int_equal(app_undo(a, 0, NULL, &err), NB_ENOTFOUND);
	assert_int_equal(app_undo(a, c, NULL, &err), NB_ENOTFOUND);	/* not deleted */
	assert_non_null(strstr(err.msg, "cannot be brought back"));
	assert_int_equal(app_get(a, hug, &e, &err), NB_OK);
	assert_string_equal(e->u.moment.member_uid, muid);
	entry_free(e);
	summary(a, got, sizeof got);
	assert_string_equal(got, "2026-11-20:2;|2026-11-20:cAnna;2026-11-20:e;2026-11-20:mhug;2026-11-20:t;");
	assert_int_equal(app_search(a, "narwhal", 10, &h, &err), NB_OK);
	assert_int_equal(h.n, 1);
	hits_free(&h);
	assert_int_equal(app_search(a, "12345678", 10, &h, &err), NB_OK);
	assert_int_equal(h.n, 1);
	hits_free(&h);
	assert_int_equal(app_reflection_latest(a, "beside-me", &e, &err), NB_OK);
	assert_int_equal(e->id, r);
	entry_free(e);
	entry_free(m);
}

/* The ten minutes at their edges: a second before they are over Undo
 * works; at the end the record is gone for good, also for its uid. */
static void undo_for_ten_minutes(void **state)
{
	struct nb_app *a = *state;
	struct nb_error err;
	struct nb_entry *e;
	char uid[NB_UID_LEN];
	int64_t one = add(a, checkin(3, "one", NOW - 60)), two = add(a, checkin(4, "two", NOW - 30)), id;

	assert_int_equal(app_get(a, two, &e, &err), NB_OK);
	snprintf(uid, sizeof uid, "%s", e->uid);
	entry_free(e);
	assert_int_equal(app_delete(a, one, &err), NB_OK);
	assert_int_equal(app_delete(a, two, &err), NB_OK);
	a->now = NOW + NB_UNDO_SECONDS - 1;
	assert_false(app_expire_due(a));
	assert_int_equal(app_expire(a, &err), NB_OK);
	assert_int_equal(waiting(a), 2);
	assert_int_equal(app_undo(a, one, NULL, &err), NB_OK);
	a->now = NOW + NB_UNDO_SECONDS;
	assert_int_equal(waiting(a), 0);	/* no longer offered */
	assert_true(app_expire_due(a));
	assert_int_equal(app_undo(a, two, NULL, &err), NB_ENOTFOUND);
	assert_int_equal(app_undo(a, 0, NULL, &err), NB_ENOTFOUND);
	assert_non_null(strstr(err.msg, "Nothing waits"));
	assert_true(app_expire_due(a));	/* a failed undo changed nothing */
	assert_int_equal(a->store.ops->find_uid(a->store.db, uid, &id, &err), NB_OK);
	assert_int_equal(id, two);
	assert_int_equal(app_expire(a, &err), NB_OK);
	assert_int_equal(a->store.ops->find_uid(a->store.db, uid, &id, &err), NB_OK);
	assert_int_equal(id, 0);	/* gone for good */
	assert_false(app_expire_due(a));
	/* a delete, too, removes what waited its time */
	assert_int_equal(app_delete(a, one, &err), NB_OK);
	a->now += NB_UNDO_SECONDS;
	add(a, checkin(2, "three", 0));
	assert_true(app_expire_due(a));
	assert_int_equal(app_delete(a, 99, &err), NB_ENOTFOUND);	/* and a failed one nothing */
	assert_true(app_expire_due(a));
	assert_int_equal(app_expire(a, &err), NB_OK);
	assert_false(app_expire_due(a));
	assert_int_equal(app_get(a, one, &e, &err), NB_ENOTFOUND);
	assert_int_equal(app_undo(a, one, NULL, &err), NB_ENOTFOUND);
	a->now = NOW;
}

/* nabij forget: what waits goes for good at once, and nothing else. */
static void forget_what_waits(void **state)
{
	struct nb_app *a = *state;
	struct nb_error err;
	struct nb_entries l = { 0 };
	struct nb_query q = { 0 };
	int64_t n = -1, keep = add(a, checkin(3, "keep", NOW - 60));

	assert_int_equal(app_forget_waiting(a, &n, &err), NB_OK);
	assert_int_equal(n, 0);
	assert_int_equal(app_delete(a, add(a, checkin(4, "go", NOW - 30)), &err), NB_OK);
	assert_int_equal(app_delete(a, add(a, member("Sam", false)), &err), NB_OK);
	assert_int_equal(app_forget_waiting(a, &n, &err), NB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(waiting(a), 0);
	assert_int_equal(app_undo(a, 0, NULL, &err), NB_ENOTFOUND);
	assert_int_equal(app_list(a, &q, &l, &err), NB_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0]->id, keep);
	entries_free(&l);
}

/* Undo brings the first to call back as the first; the one marked since
 * is not, and the app says who. */
static void undo_the_first_to_call(void **state)
{
	struct nb_app *a = *state;
	struct nb_error err;
	struct nb_entry *back;
	int64_t sam = add(a, member("Sam", true)), noor;

	assert_int_equal(app_delete(a, sam, &err), NB_OK);
	noor = add(a, member("Noor", true));
	assert_int_equal(a->first_before.id, 0);	/* Sam waits: no one else was the first */
	assert_int_equal(app_undo(a, 0, &back, &err), NB_OK);
	assert_int_equal(back->id, sam);
	assert_true(back->u.member.first);
	entry_free(back);
	assert_int_equal(a->first_before.id, noor);
	assert_true(is_first(a, sam));
	assert_false(is_first(a, noor));
}

static enum nb_err no_commit(void *db, struct nb_error *err)
{
	(void)db;
	return nb_error_set(err, NB_EDB, "", "the disk is full here");
}

/* A delete or an undo that cannot be written leaves everything as it was. */
static void a_failed_undo_changes_nothing(void **state)
{
	struct nb_app *a = *state;
	const struct nb_store_ops *real = a->store.ops;
	struct nb_store_ops failing = *real;
	struct nb_error err;
	struct nb_entry *e;
	int64_t sam = add(a, member("Sam", true)), noor = add(a, member("Noor", false));

	failing.commit = no_commit;
	a->store.ops = &failing;
	assert_int_equal(app_delete(a, sam, &err), NB_EDB);
	a->store.ops = real;
	assert_int_equal(app_get(a, sam, &e, &err), NB_OK);	/* still there */
	entry_free(e);
	assert_int_equal(waiting(a), 0);
	assert_int_equal(app_delete(a, sam, &err), NB_OK);
	assert_int_equal(app_get(a, noor, &e, &err), NB_OK);
	e->u.member.first = true;
	assert_int_equal(app_update(a, e, &err), NB_OK);
	entry_free(e);
	a->store.ops = &failing;
	assert_int_equal(app_undo(a, sam, NULL, &err), NB_EDB);
	assert_int_equal(a->first_before.id, 0);
	a->store.ops = real;
	assert_int_equal(waiting(a), 1);	/* still waiting, Noor still the first */
	assert_int_equal(app_get(a, sam, &e, &err), NB_ENOTFOUND);
	assert_true(is_first(a, noor));
	a->store.ops = &failing;
	assert_int_equal(app_forget_waiting(a, NULL, &err), NB_EDB);
	a->store.ops = real;
	assert_int_equal(waiting(a), 1);
	assert_int_equal(app_undo(a, sam, NULL, &err), NB_OK);
}

/* The experiment's own rules at its start, the same for both faces: a
 * practice of one's own needs its words (one message), a baseline asked
 * for without its days is a week, the pairs and days have their defaults. */
static void an_experiment_starts_by_its_rules(void **state)
{
	struct nb_app *a = *state;
	struct nb_error err = { 0 };
	struct nb_entry *x = experiment("own", NULL);

	assert_int_equal(app_experiment_start(a, x, NULL, &err), NB_EINVAL);
	assert_string_equal(err.field, "words");
	assert_string_equal(err.msg, "Say your own practice in a few words.");
	assert_int_equal(running(a), 0);
	x->u.experiment.words = xstrdup("a walk at dawn");
	x->u.experiment.baseline_days = NB_EXP_BASELINE_ASKED;
	assert_int_equal(app_experiment_start(a, x, NULL, &err), NB_OK);
	assert_int_equal(x->u.experiment.baseline_days, NB_EXP_BASELINE_DEFAULT);
	assert_int_equal(NB_EXP_BASELINE_DEFAULT, 7);
	assert_int_equal(x->u.experiment.pairs, NB_EXP_PAIRS_DEFAULT);
	assert_int_equal(x->u.experiment.period_days, NB_EXP_DAYS_DEFAULT);
	assert_int_equal(running(a), 1);
	entry_free(x);
}

/* A running experiment that waits for undo gives way to a new one, for
 * good: two cannot run, and it could not come back beside it. */
static void a_new_experiment_ends_the_wait(void **state)
{
	struct nb_app *a = *state;
	struct nb_error err;
	struct nb_entry *x = experiment("embrace", NULL), *found;
	int64_t old;

	assert_int_equal(app_experiment_start(a, x, NULL, &err), NB_OK);
	old = x->id;
	entry_free(x);
	assert_int_equal(app_delete(a, old, &err), NB_OK);
	assert_int_equal(app_experiment(a, &found, &err), NB_OK);
	assert_null(found);
	x = experiment("self-touch", NULL);
	assert_int_equal(app_experiment_start(a, x, NULL, &err), NB_OK);
	entry_free(x);
	assert_int_equal(waiting(a), 0);
	assert_int_equal(app_undo(a, old, NULL, &err), NB_ENOTFOUND);
	assert_int_equal(running(a), 1);
	/* a stopped one waits as any record does */
	assert_int_equal(app_experiment(a, &x, &err), NB_OK);
	xstrset(&x->u.experiment.state, "stopped");
	assert_int_equal(app_update(a, x, &err), NB_OK);
	assert_int_equal(app_delete(a, x->id, &err), NB_OK);
	x->id = 0;
	entry_free(x);
	x = experiment("reach-out", NULL);
	assert_int_equal(app_experiment_start(a, x, NULL, &err), NB_OK);
	entry_free(x);
	assert_int_equal(waiting(a), 1);
	assert_int_equal(app_undo(a, 0, NULL, &err), NB_OK);
}

/* An experiment imported beside a running one comes in stopped, and is
 * counted as such; the one that ran goes on. */
static void import_beside_a_running_experiment(void **state)
{
	struct nb_app *a = *state;
	struct nb_entries in = { 0 };
	struct nb_import_result r;
	struct nb_error err = { 0 };
	struct nb_entry *x = experiment("embrace", NULL), *shown = NULL;
	int64_t id;

	assert_int_equal(app_experiment_start(a, x, NULL, &err), NB_OK);
	id = x->id;
	entry_free(x);
	for (int i = 0; i < 2; i++) {
		char uid[NB_UID_LEN];
		snprintf(uid, sizeof uid, "%032d", i + 1);
		x = experiment(i ? "reach-out" : "self-touch", uid);
		x->u.experiment.pairs = 2;
		x->u.experiment.period_days = 3;
		x->u.experiment.seed = xstrdup("00000000000000aa");
		x->u.experiment.state = xstrdup(i ? "paused" : "running");
		entry_set_time(x, nb_stamp_local(NOW - 86400 * (3 - i)));
		entries_push(&in, x);
	}
	if (app_import(a, &in, false, &r, &err))
		fail_msg("%s", err.msg);
	assert_int_equal(r.added, 2);
	assert_int_equal(r.stopped, 2);
	assert_int_equal(running(a), 1);
	assert_int_equal(app_experiment(a, &shown, &err), NB_OK);
	assert_non_null(shown);
	assert_int_equal(shown->id, id);
	entry_free(shown);
	entries_free(&in);
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


/* The week: on a Monday with nothing yet, the last week that holds
 * something; asked for a date, that week as it is; paging back stops at
 * the first record. */
static void week_shows_the_last_week_with_records(void **state)
{
	struct nb_app *a = *state;
	struct nb_entries records = { 0 };
	struct nb_error err;
	struct nb_week w;

	add(a, checkin(3, "sunday", 1794733200));	/* Sunday 2026-11-15, 10:00 */
	add(a, checkin(4, "earlier", 1793955600));	/* Friday 2026-11-06 */
	/* Monday 2026-11-16 */
	assert_int_equal(app_week(a, "2026-11-16", true, &records, &w, &err), NB_OK);
	assert_true(w.earlier);
	assert_string_equal(w.monday, "2026-11-09");
	assert_int_equal(w.checkins, 1);
	assert_string_equal(w.first, "2026-11-06");
	entries_free(&records);
	assert_int_equal(app_week(a, "2026-11-16", false, &records, &w, &err), NB_OK);
	assert_false(w.earlier);	/* the week asked for, empty as it is */
	assert_string_equal(w.monday, "2026-11-16");
	assert_true(week_empty(&w));
	entries_free(&records);
	assert_int_equal(app_week(a, "2026-11-11", true, &records, &w, &err), NB_OK);
	assert_false(w.earlier);	/* a week with something stays */
	assert_string_equal(w.monday, "2026-11-09");
	entries_free(&records);
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

/* The statements of a kind's row, made from its rows for SQLite (as the
 * store has used them) and for PostgreSQL. */
static void kind_statements_from_the_rows(void **state)
{
	struct nb_buf q = { 0 };

	(void)state;
	sql_kind(&sql_sqlite, NB_REFLECTION, SQL_KIND_PUT, &q);
	assert_string_equal(q.s, "INSERT OR REPLACE INTO reflection(entry_id, prompt, text) VALUES (?, ?, ?)");
	buf_reset(&q);
	sql_kind(&sql_postgresql, NB_REFLECTION, SQL_KIND_PUT, &q);
	assert_string_equal(q.s, "INSERT INTO reflection(entry_id, prompt, text) VALUES ($1, $2, $3)"
				 " ON CONFLICT (entry_id) DO UPDATE SET prompt = excluded.prompt, text = excluded.text");
	buf_reset(&q);
	sql_kind(&sql_sqlite, NB_REFLECTION, SQL_KIND_GET, &q);
	assert_string_equal(q.s, "SELECT k.entry_id, k.prompt, k.text FROM json_each(?) j CROSS JOIN reflection k"
				 " ON k.entry_id = j.value");
	buf_reset(&q);
	sql_kind(&sql_postgresql, NB_REFLECTION, SQL_KIND_GET, &q);
	assert_string_equal(q.s, "SELECT k.entry_id, k.prompt, k.text FROM unnest($1::bigint[]) AS j(value) JOIN"
				 " reflection k ON k.entry_id = j.value");
	buf_reset(&q);
	sql_kind(&sql_postgresql, NB_REFLECTION, SQL_KIND_RANGE, &q);
	assert_string_equal(q.s, "SELECT k.entry_id, k.prompt, k.text FROM reflection k WHERE k.entry_id BETWEEN $1 AND $2");
	/* a member is given by uid, kept as the id of their record */
	buf_reset(&q);
	sql_kind(&sql_postgresql, NB_MOMENT, SQL_KIND_PUT, &q);
	assert_non_null(strstr(q.s, ", (SELECT id FROM entry WHERE uid = $4 AND type = 'member')"));
	buf_reset(&q);
	sql_days(&sql_postgresql, SQL_DAYS_REFRESH, &q);
	assert_non_null(strstr(q.s, "string_agg(f.kind || f.n || ' ' || f.term, chr(31))"));
	assert_null(strstr(q.s, "CROSS JOIN"));
	buf_reset(&q);
	sql_days(&sql_sqlite, SQL_DAYS_PERIOD, &q);
	assert_non_null(strstr(q.s, " FROM day_summary WHERE day BETWEEN ?1 AND ?2 ORDER BY day"));
	buf_free(&q);
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

/* The line about yesterday is kept between two readings of today while
 * nothing changed, and made again after a write of this connection, of
 * another one, or in another language. */
static void yesterday_kept_while_nothing_changed(void **state)
{
	char path[64] = "/tmp/nabij-test-XXXXXX";
	int fd = mkstemp(path);
	struct nb_app a = { .now = NOW }, b = { .now = NOW };
	struct nb_today t;
	struct nb_error err;
	struct nb_entry *m;
	char *was;

	(void)state;
	close(fd);
	unlink(path);
	assert_int_equal(local_open(path, NULL, NB_LOCAL_WRITE, &a.store, &err), NB_OK);
	assert_int_equal(app_today(&a, &t, &err), NB_OK);
	assert_null(t.yesterday);
	today_free(&t);
	m = entry_new(NB_MOMENT);
	m->u.moment.kind = xstrdup("hug");
	m->u.moment.safe = xstrdup("yes");
	entry_set_time(m, nb_stamp_local(NOW - 86400));
	add(&a, m);	/* this connection writes */
	assert_int_equal(app_today(&a, &t, &err), NB_OK);
	assert_non_null(t.yesterday);
	assert_non_null(strstr(t.yesterday, "moment of connection"));
	today_free(&t);
	assert_int_equal(app_today(&a, &t, &err), NB_OK);	/* kept: the same words */
	assert_true(a.yesterday.kept);
	assert_non_null(strstr(t.yesterday, "moment of connection"));
	today_free(&t);
	/* another connection writes a heavy check-in of yesterday */
	assert_int_equal(local_open(path, NULL, NB_LOCAL_WRITE, &b.store, &err), NB_OK);
	add(&b, checkin(1, "", NOW - 86400));
	store_close(&b.store);
	assert_int_equal(app_today(&a, &t, &err), NB_OK);
	assert_non_null(strstr(t.yesterday, "heavy day"));
	today_free(&t);
	/* another language: said again in it */
	was = nb_lang_use("nl");
	assert_int_equal(app_today(&a, &t, &err), NB_OK);
	assert_string_equal(a.yesterday.lang, nb_lang_now());
	today_free(&t);
	nb_lang_back(was);
	store_close(&a.store);
	unlink_db(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(migrations_set_the_version),
		cmocka_unit_test(added_columns_come_from_the_rows),
		cmocka_unit_test(fresh_columns_are_the_table),
		cmocka_unit_test(kind_statements_from_the_rows),
		cmocka_unit_test(kind_tables_from_the_rows),
		cmocka_unit_test(shared_tables_as_released),
		cmocka_unit_test(shared_statements_in_both_dialects),
		cmocka_unit_test(yesterday_kept_while_nothing_changed),
		cmocka_unit_test_setup_teardown(a_deleted_record_waits_out_of_sight, setup, teardown),
		cmocka_unit_test_setup_teardown(undo_for_ten_minutes, setup, teardown),
		cmocka_unit_test_setup_teardown(forget_what_waits, setup, teardown),
		cmocka_unit_test_setup_teardown(undo_the_first_to_call, setup, teardown),
		cmocka_unit_test_setup_teardown(a_failed_undo_changes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(an_experiment_starts_by_its_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(a_new_experiment_ends_the_wait, setup, teardown),
		cmocka_unit_test_setup_teardown(every_kind_round_trips, setup, teardown),
		cmocka_unit_test_setup_teardown(one_first_to_call, setup, teardown),
		cmocka_unit_test_setup_teardown(search_finds_and_forgets, setup, teardown),
		cmocka_unit_test_setup_teardown(update_replaces_lists_and_text, setup, teardown),
		cmocka_unit_test_setup_teardown(import_is_all_or_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(export_one_by_one, setup, teardown),
		cmocka_unit_test_setup_teardown(list_by_day_and_kind, setup, teardown),
		cmocka_unit_test_setup_teardown(today_and_the_last_touch, setup, teardown),
		cmocka_unit_test_setup_teardown(trigger_outcome, setup, teardown),
		cmocka_unit_test_setup_teardown(charts_per_day, setup, teardown),
		cmocka_unit_test_setup_teardown(day_summary_follows_writes, setup, teardown),
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
		cmocka_unit_test_setup_teardown(week_shows_the_last_week_with_records, setup, teardown),
		cmocka_unit_test(one_experiment_at_a_time_in_the_store),
		cmocka_unit_test_setup_teardown(import_beside_a_running_experiment, setup, teardown),
		cmocka_unit_test(migration_stops_all_but_one),
		cmocka_unit_test(migration_adds_the_urge),
	};

	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
