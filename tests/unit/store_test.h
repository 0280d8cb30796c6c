/* What test_store.c (any backend) and test_sqlite.c (the SQLite store
 * itself) share: the clock, records made for a test and added through
 * the use-cases, and what the store says of the days. Include after
 * cmocka.h. */
#ifndef NB_TEST_STORE_TEST_H
#define NB_TEST_STORE_TEST_H

#include "app/app.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <string.h>

#define NOW 1795201200	/* 2026-11-20T19:00:00Z, 20:00 in Amsterdam */

static struct nb_entry *checkin(int mood, const char *note, int64_t at)
{
	struct nb_entry *e = entry_new(NB_CHECKIN);

	e->u.checkin.mood = mood;
	e->u.checkin.note = xstrdup(note);
	if (at)
		entry_set_time(e, nb_stamp_local(at));
	return e;
}

/* Add e (taken) through the use-case; its new id. */
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

static struct nb_entry *experiment(const char *practice, const char *uid)
{
	struct nb_entry *e = entry_new(NB_EXPERIMENT);

	e->u.experiment.practice = xstrdup(practice);
	e->u.experiment.outcome = xstrdup("tension");
	if (uid)
		snprintf(e->uid, sizeof e->uid, "%s", uid);
	return e;
}

/* How many experiments run (or are paused). */
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

#endif
