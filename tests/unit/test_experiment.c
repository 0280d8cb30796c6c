/*
 * The personal experiment: its schedule is drawn by chance but comes back
 * the same from its seed, and its analysis finds what was planted in
 * simulated people and, with nothing planted, seldom finds anything.
 *
 * The simulated person: tension around 3 that drifts slowly over the
 * weeks (a random walk of 0.03 a day), day-to-day noise with a spread of
 * 0.5 and a lag-1 autocorrelation of 0.2 (neighbouring days resemble each
 * other), a check-in missed on one day in ten, and on a day the practice
 * is done, tension 0.7 lower. Each figure is over 50 people (seeds 1 to
 * 50), 3 pairs of 7 days, printed as it runs; so is how often a noisier
 * person's effect would be found (spread 0.6 and 0.8), which no test
 * asserts: over 2000 people the interval held the truth 95.0% of the time
 * at spread 0.6, and found 0.7 in 78% of them.
 *
 * And the record's edges: every day of the largest plan can be answered,
 * only days of the plan are, and a plan begins today or a little later.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/experiment.h"
#include "core/record.h"
#include "core/time.h"
#include "core/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define PEOPLE 50
#define EFFECT -0.7

#include "draw.h"

/* One person through plan p: effect on the days done, following the plan
 * on the share follow of the days, and a check-in missed on the share
 * missed of them. */
static double sd = 0.5;

static void live(const struct nb_exp_plan *p, double effect, double follow, double missed,
		 struct nb_exp_obs *o)
{
	const double rho = 0.2;
	double drift = 0, e = normal() * sd;

	for (int i = 0; i < exp_plan_days(p); i++) {
		struct nb_exp_day d = exp_day(p, i);
		bool planned = d.kind == NB_EXP_WITH;
		bool done = uniform() < follow ? planned : !planned;

		drift += 0.03 * normal();
		e = rho * e + sqrt(1 - rho * rho) * sd * normal();
		o[i].done = done;
		o[i].y = uniform() < missed ? NAN : 3 + drift + e + (done ? effect : 0);
	}
}

static struct nb_exp_plan plan(uint64_t seed)
{
	struct nb_exp_plan p = { .pairs = 3, .period_days = 7, .seed = seed };

	exp_plan_draw(&p);
	return p;
}

static void schedule_comes_back_from_its_seed(void **s)
{
	int with_first = 0, orders[8] = { 0 };

	(void)s;
	for (uint64_t seed = 1; seed <= 200; seed++) {
		struct nb_exp_plan a = plan(seed), b = plan(seed);
		int order = 0;

		assert_memory_equal(a.with_first, b.with_first, sizeof a.with_first);
		for (int k = 0; k < 3; k++) {
			with_first += a.with_first[k];
			order = order * 2 + a.with_first[k];
		}
		orders[order]++;
	}
	/* "with" first in about half the pairs, and every order of three
	 * pairs drawn now and then */
	assert_in_range(with_first, 240, 360);
	for (int k = 0; k < 8; k++)
		assert_true(orders[k] > 5);
}

static void the_days_of_a_plan(void **s)
{
	struct nb_exp_plan p = { .pairs = 2, .period_days = 4, .baseline_days = 3, .washout_days = 1 };

	(void)s;
	p.with_first[0] = true;
	p.with_first[1] = false;
	assert_true(exp_plan_valid(&p));
	assert_int_equal(exp_plan_days(&p), 19);
	assert_int_equal(exp_day(&p, 0).kind, NB_EXP_BASELINE);
	assert_int_equal(exp_day(&p, 3).kind, NB_EXP_WITH);
	assert_false(exp_day(&p, 3).washout);	/* the first period has nothing to settle from */
	assert_int_equal(exp_day(&p, 7).kind, NB_EXP_WITHOUT);
	assert_true(exp_day(&p, 7).washout);
	assert_false(exp_day(&p, 8).washout);
	assert_int_equal(exp_day(&p, 11).kind, NB_EXP_WITHOUT);
	assert_int_equal(exp_day(&p, 11).pair, 1);
	assert_int_equal(exp_day(&p, 15).kind, NB_EXP_WITH);
	assert_int_equal(exp_day(&p, 19).kind, NB_EXP_OUTSIDE);
	p.washout_days = 2;	/* half a period of settling is too much */
	assert_false(exp_plan_valid(&p));
	p.washout_days = 1;
	p.pairs = 7;
	assert_false(exp_plan_valid(&p));
}

struct tally {
	int clear, covered, defined;
	double adherence;
};

static void run(double effect, double follow, bool by_done, double truth, struct tally *t)
{
	struct nb_exp_obs o[2 * NB_EXP_PAIRS_MAX * NB_EXP_DAYS_MAX + NB_EXP_BASELINE_MAX];

	memset(t, 0, sizeof *t);
	for (uint64_t person = 1; person <= PEOPLE; person++) {
		struct nb_exp_plan p = plan(person * 7919);
		struct nb_exp_result r;
		const struct nb_exp_estimate *e;

		draw_state = person;
		live(&p, effect, follow, 0.1, o);
		exp_analyse(&p, o, exp_plan_days(&p), &r);
		e = by_done ? &r.done : &r.planned;
		t->adherence += r.adherence / PEOPLE;
		if (!e->defined)
			continue;
		t->defined++;
		t->clear += e->clear;
		t->covered += e->low <= truth && truth <= e->high;
	}
}

static void planted_effect_found(void **s)
{
	struct tally t;

	(void)s;
	run(EFFECT, 1, false, EFFECT, &t);
	print_message("planted 0.7, plan followed: clear in %d of %d, the truth inside the interval in %d\n",
		      t.clear, PEOPLE, t.covered);
	assert_int_equal(t.defined, PEOPLE);
	assert_true(t.clear >= 40);	/* at least 80% */
	assert_true(t.covered >= 45);	/* at least 90% */
}

static void no_effect_seldom_found(void **s)
{
	struct tally t;

	(void)s;
	run(0, 1, false, 0, &t);
	print_message("nothing planted: a clear difference in %d of %d (the level: 5%%), the truth inside in %d\n",
		      t.clear, PEOPLE, t.covered);
	assert_true(t.clear <= 5);	/* at most 10% */
	assert_true(t.covered >= 45);
}

/* Done as planned on 70% of the days: as planned, the effect shows diluted
 * (0.7 times the difference in how often it was done: 0.7 - 0.3); as done,
 * whole, since here what was done was up to chance too. */
static void adherence_of_seventy_percent(void **s)
{
	struct tally planned, done;

	(void)s;
	run(EFFECT, 0.7, false, EFFECT * 0.4, &planned);
	run(EFFECT, 0.7, true, EFFECT, &done);
	print_message("followed on 70%% of days (measured %.2f): as planned clear in %d, covering 0.28 in %d; "
		      "as done clear in %d, covering 0.7 in %d\n",
		      planned.adherence, planned.clear, planned.covered, done.clear, done.covered);
	assert_true(planned.adherence > 0.65 && planned.adherence < 0.75);
	assert_true(planned.covered >= 45);
	assert_true(done.covered >= 45);
	assert_true(done.clear >= 40);
}

/* How the power falls with a noisier person (printed), while the
 * interval keeps holding the truth. */
static void noisier_people(void **s)
{
	struct tally t;

	(void)s;
	for (double spread = 0.6; spread < 0.9; spread += 0.2) {
		sd = spread;
		run(EFFECT, 1, false, EFFECT, &t);
		print_message("spread %.1f: planted 0.7 clear in %d of %d, the truth inside in %d\n", spread, t.clear,
			      PEOPLE, t.covered);
		assert_true(t.covered >= 45);	/* how often it is found falls; the interval still holds */
	}
	sd = 0.5;
}

static void provisional_and_missing(void **s)
{
	struct nb_exp_plan p = plan(3);
	struct nb_exp_obs o[42];
	struct nb_exp_result r;

	(void)s;
	draw_state = 11;
	live(&p, EFFECT, 1, 0, o);
	exp_analyse(&p, o, 7, &r);	/* one period in: nothing to compare yet */
	assert_int_equal(r.days, 7);
	assert_int_equal(r.periods, 1);
	assert_false(r.planned.defined);
	exp_analyse(&p, o, 14, &r);	/* one pair: a provisional look */
	assert_int_equal(r.periods, 2);
	assert_true(r.planned.defined);
	assert_int_equal(r.planned.n_with + r.planned.n_without, 14);
	for (int i = 0; i < 42; i++)
		o[i].done = -1;	/* nothing known of what was done */
	exp_analyse(&p, o, 42, &r);
	assert_true(isnan(r.adherence));
	assert_false(r.done.defined);
	assert_true(r.planned.defined);
	assert_false(r.differ);
}

/* An experiment record of plan pairs x days (and baseline), beginning on
 * first, with an answer on each of its first n days. */
static struct nb_entry *record(int pairs, int days, int baseline, const char *first, int n)
{
	struct nb_entry *e = entry_new(NB_EXPERIMENT);
	struct nb_experiment *x = &e->u.experiment;
	char day[NB_DAY_LEN];

	x->practice = xstrdup("own");
	x->words = xstrdup("a walk with the dog");
	x->outcome = xstrdup("tension");
	x->pairs = pairs;
	x->period_days = days;
	x->baseline_days = baseline;
	x->seed = xstrdup("00000000000000ff");
	x->state = xstrdup("running");
	snprintf(e->day, sizeof e->day, "%s", first);
	for (int i = 0; i < n; i++) {
		nb_day_add(first, i, day);
		exp_set_answer(x, day, i % 2);
	}
	return e;
}

/* "Did you do it?" can be answered on every day of the plan, up to the
 * largest plan the start accepts (182 days), and not by raising the cap
 * every list shares: the 25th answer of the default 30 days was refused. */
static void every_day_of_a_plan_can_be_answered(void **s)
{
	struct nb_error err = { 0 };
	struct nb_entry *e;

	(void)s;
	assert_int_equal(NB_EXP_PLAN_DAYS_MAX, 182);
	e = record(NB_EXP_PAIRS_DEFAULT, NB_EXP_DAYS_DEFAULT, 0, "2026-11-20", 30);
	assert_int_equal(e->u.experiment.answers.n, 30);
	assert_int_equal(fields_validate(e, &err), NB_OK);
	entry_free(e);
	e = record(NB_EXP_PAIRS_MAX, NB_EXP_DAYS_MAX, NB_EXP_BASELINE_MAX, "2026-11-20", NB_EXP_PLAN_DAYS_MAX);
	assert_int_equal(e->u.experiment.answers.n, 182);
	if (fields_validate(e, &err))
		fail_msg("%s", err.msg);
	exp_set_answer(&e->u.experiment, "2027-06-01", true);	/* one more than any plan has days */
	assert_int_equal(fields_validate(e, &err), NB_EINVAL);
	assert_non_null(strstr(err.msg, "at most 182"));
	entry_free(e);
	/* the other lists keep theirs */
	e = entry_new(NB_CHECKIN);
	for (int i = 0; i <= NB_ITEMS_MAX; i++)
		items_add(&e->u.checkin.tags, "tag", NULL, 0);
	assert_int_equal(fields_validate(e, &err), NB_EINVAL);
	assert_non_null(strstr(err.msg, "at most 24"));
	entry_free(e);
}

/* Only a day of the plan takes an answer: its first and its last do, the
 * days beside them and the ends of the calendar do not, and the refusal
 * names the plan's first and last day. */
static void only_days_of_the_plan_are_answered(void **s)
{
	struct nb_entry *e = record(NB_EXP_PAIRS_DEFAULT, NB_EXP_DAYS_DEFAULT, 0, "2026-11-20", 0);
	static const char *const refused[] = { "2026-11-19", "2026-12-20", "1900-01-01", "9999-12-31" };
	struct nb_error err = { 0 };

	(void)s;
	assert_int_equal(exp_answer_check(e, "2026-11-20", &err), NB_OK);
	assert_int_equal(exp_answer_check(e, "2026-12-19", &err), NB_OK);
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		memset(&err, 0, sizeof err);
		assert_int_equal(exp_answer_check(e, refused[i], &err), NB_EINVAL);
		assert_string_equal(err.field, "day");
		assert_non_null(strstr(err.msg, "2026-11-20"));
		assert_non_null(strstr(err.msg, "2026-12-19"));
	}
	entry_free(e);
	e = record(NB_EXP_PAIRS_MAX, NB_EXP_DAYS_MAX, NB_EXP_BASELINE_MAX, "2026-11-20", 0);
	assert_int_equal(exp_answer_check(e, "2027-05-20", &err), NB_OK);	/* day 182 */
	assert_int_equal(exp_answer_check(e, "2027-05-21", &err), NB_EINVAL);
	entry_free(e);
}

/* A plan begins today or on one of the days ahead (up to
 * NB_EXP_AHEAD_MAX): the days already gone could not follow it. */
static void a_plan_begins_today_or_later(void **s)
{
	struct nb_error err = { 0 };
	char last[NB_DAY_LEN];

	(void)s;
	nb_day_add("2026-11-20", NB_EXP_AHEAD_MAX, last);
	assert_int_equal(exp_start_check("2026-11-20", "2026-11-20", &err), NB_OK);
	assert_int_equal(exp_start_check("2026-11-20", "2026-11-21", &err), NB_OK);
	assert_int_equal(exp_start_check("2026-11-20", last, &err), NB_OK);
	assert_int_equal(exp_start_check("2026-11-20", "2026-11-19", &err), NB_EINVAL);
	assert_string_equal(err.field, "day");
	assert_non_null(strstr(err.msg, "2026-11-20"));
	assert_non_null(strstr(err.msg, last));
	nb_day_add(last, 1, last);
	assert_int_equal(exp_start_check("2026-11-20", last, &err), NB_EINVAL);
	assert_int_equal(exp_start_check("2026-11-20", "9999-12-31", &err), NB_EINVAL);
	assert_int_equal(exp_start_check("2026-11-20", "1900-01-01", &err), NB_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(schedule_comes_back_from_its_seed),
		cmocka_unit_test(the_days_of_a_plan),
		cmocka_unit_test(planted_effect_found),
		cmocka_unit_test(no_effect_seldom_found),
		cmocka_unit_test(adherence_of_seventy_percent),
		cmocka_unit_test(noisier_people),
		cmocka_unit_test(provisional_and_missing),
		cmocka_unit_test(every_day_of_a_plan_can_be_answered),
		cmocka_unit_test(only_days_of_the_plan_are_answered),
		cmocka_unit_test(a_plan_begins_today_or_later),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
