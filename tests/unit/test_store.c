/*
 * The record store through its ops and the use-cases, whatever its
 * backend: each test opens its store by open_store_under_test, the one
 * place in this file that names the backend, so that the next backend
 * runs the same tests. What needs SQLite itself (its file, the steps of
 * its schema, FTS5, encryption, damage) is tested in test_sqlite.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "store_test.h"
#include "core/buf.h"
#include "core/i18n.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The backend, named here alone: the folder of this run's named stores,
 * removed with them at its end, and open_store_under_test. */
static char place[] = "/tmp/nabij-store-XXXXXX";

static void places_gone(void)
{
	DIR *dir = opendir(place);
	struct dirent *f;

	while (dir && (f = readdir(dir))) {
		char path[sizeof place + 256];

		snprintf(path, sizeof path, "%s/%s", place, f->d_name);
		if (f->d_name[0] != '.')
			unlink(path);
	}
	if (dir)
		closedir(dir);
	rmdir(place);
}

/*
 * The store under test into out: a store of its own, empty, when name is
 * NULL; else the store called name, empty the first time and the same
 * records each time it is opened again, as a second connection (another
 * nabij) sees them. For SQLite, :memory: or a file in place.
 */
#ifdef NB_TEST_PG
#include "store/pg.h"

/*
 * With NABIJ_TEST_STORE=pg (beside tests/hosted/with-pg.sh's PostgreSQL):
 * the hosted store, as the app role, in the database nabij migrated by
 * its owner once; a store of its own is a new person's, and the store
 * called name the same person's each time (each store on a connection of
 * its own, as two workers). Every other person's records lie in the same
 * tables meanwhile: a test sees its own alone.
 */
static struct nb_pg *conns[64];
static int nconns;

static void conns_gone(void)
{
	for (int i = 0; i < nconns; i++)
		pg_disconnect(conns[i]);
}

static void open_pg(const char *name, struct nb_store *out)
{
	static int64_t next = 100;	/* a person each */
	static struct {
		char name[32];
		int64_t person;
	} named[8];
	static int nnamed;
	struct nb_error err;
	struct nb_pg *c;
	int64_t person = 0;

	if (!nconns) {
		if (pg_migrate(getenv("NABIJ_PG_OWNER"), "nabij_app", &err))
			fail_msg("pg_migrate: %s", err.msg);
		atexit(conns_gone);
	}
	if (nconns == 64)
		fail_msg("%s", "too many connections");
	if (pg_connect(getenv("NABIJ_PG_APP"), &c, &err) || pg_check_role(c, &err))
		fail_msg("%s", err.msg);
	conns[nconns++] = c;
	for (int i = 0; name && i < nnamed && i < 8; i++)
		if (strncmp(named[i].name, name, sizeof named[i].name) == 0)
			person = named[i].person;
	if (!person) {
		person = next += 7;
		if (name && nnamed < 8) {
			snprintf(named[nnamed].name, sizeof named[nnamed].name, "%s", name);
			named[nnamed++].person = person;
		}
	}
	pg_store(c, person, out);
}
#endif

static void open_store_under_test(const char *name, struct nb_store *out)
{
	static bool made;
	struct nb_error err;
	char path[sizeof place + 64];

#ifdef NB_TEST_PG
	if (getenv("NABIJ_TEST_STORE") && strcmp(getenv("NABIJ_TEST_STORE"), "pg") == 0) {
		open_pg(name, out);
		return;
	}
#endif
	if (!name) {
		if (local_open(":memory:", NULL, NB_LOCAL_WRITE, out, &err))
			fail_msg("%s", err.msg);
		return;
	}
	if (!made) {
		if (!mkdtemp(place))
			fail_msg("%s: %s", place, strerror(errno));
		atexit(places_gone);
		made = true;
	}
	snprintf(path, sizeof path, "%s/%s", place, name);
	if (local_open(path, NULL, NB_LOCAL_WRITE, out, &err))
		fail_msg("%s: %s", path, err.msg);
}

static int setup(void **state)
{
	struct nb_app *a = xcalloc(1, sizeof *a);

	setenv("TZ", "Europe/Amsterdam", 1);
	open_store_under_test(NULL, &a->store);
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
	/* a search language's syntax (FTS5's) in the words is just words */
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

/* Two started at the same moment, by two nabij on one database: both
 * found none running, and the store lets only one of them in. */
static void one_experiment_at_a_time_in_the_store(void **state)
{
	struct nb_app a = { .now = NOW }, b = { .now = NOW };
	struct nb_error err = { 0 };
	struct nb_entry *x, *found = NULL;

	(void)state;
	open_store_under_test("experiment", &a.store);
	open_store_under_test("experiment", &b.store);
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

/* The line about yesterday is kept between two readings of today while
 * nothing changed, and made again after a write of this connection, of
 * another one, or in another language. */
static void yesterday_kept_while_nothing_changed(void **state)
{
	struct nb_app a = { .now = NOW }, b = { .now = NOW };
	struct nb_today t;
	struct nb_error err;
	struct nb_entry *m;
	char *was;

	(void)state;
	open_store_under_test("yesterday", &a.store);
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
	open_store_under_test("yesterday", &b.store);
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
}

int main(void)
{
	const struct CMUnitTest tests[] = {
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
		cmocka_unit_test_setup_teardown(week_shows_the_last_week_with_records, setup, teardown),
		cmocka_unit_test(one_experiment_at_a_time_in_the_store),
		cmocka_unit_test_setup_teardown(import_beside_a_running_experiment, setup, teardown),
	};

	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
