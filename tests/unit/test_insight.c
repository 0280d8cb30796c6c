/* core/stats and core/insight: known answers (worked out by hand and with
 * R's t.test), and the rules that keep the insights honest. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/insight.h"
#include "core/period.h"
#include "core/series.h"
#include "core/stats.h"
#include "core/time.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define near(a, b, eps) assert_true(fabs((a) - (b)) < (eps))

static void distributions(void **state)
{
	(void)state;
	near(stats_ibeta(0.5, 2, 3), 11.0 / 16, 1e-12);	/* by hand */
	near(stats_ibeta(0.2, 1, 1), 0.2, 1e-12);	/* uniform */
	near(stats_t_quantile(0.975, 1), 12.7062047, 1e-6);	/* qt(0.975, 1) */
	near(stats_t_quantile(0.975, 10), 2.2281389, 1e-6);
	near(stats_t_quantile(0.975, 30), 2.0422725, 1e-6);
	near(stats_t_quantile(0.975, 1e6), 1.9599664, 1e-5);
	near(stats_t_quantile(0.025, 10), -2.2281389, 1e-6);
	near(stats_t_cdf(2.2281389, 10), 0.975, 1e-7);
	near(stats_t_cdf(0, 3), 0.5, 1e-12);
}

static void welch(void **state)
{
	double a[] = { 1, 2, 3, 4, 5 }, b[] = { 2, 4, 6, 8, 10 }, same[] = { 3, 3, 3 };
	struct nb_summary sa, sb, ss;
	struct nb_difference d;

	(void)state;
	stats_summary(a, 5, &sa);
	stats_summary(b, 5, &sb);
	near(sa.mean, 3, 1e-12);
	near(sa.sd, sqrt(2.5), 1e-12);
	/* t.test(c(1,2,3,4,5), c(2,4,6,8,10)): df 5.8824, CI -6.8877 to 0.8877 */
	stats_difference(&sa, &sb, &d);
	assert_true(d.defined);
	near(d.diff, -3, 1e-12);
	near(d.df, 5.882353, 1e-5);
	near(d.low, -6.887742, 1e-5);
	near(d.high, 0.887742, 1e-5);
	near(d.g, -1.2 * (1 - 3.0 / 31), 1e-9);	/* pooled sd 2.5, Hedges' correction */
	/* no spread at all: nothing can be said */
	stats_summary(same, 3, &ss);
	stats_difference(&ss, &ss, &d);
	assert_false(d.defined);
	/* one value on a side: nothing either */
	stats_summary(a, 1, &sa);
	stats_difference(&sa, &sb, &d);
	assert_false(d.defined);
	stats_summary(a, 0, &sa);
	assert_int_equal(sa.n, 0);
}

static void paired(void **state)
{
	double before[] = { 4, 5, 3, 4 }, after[] = { 2, 3, 3, 2 }, one[] = { 5 }, two[] = { 3 };
	double b2[] = { 4, 4, 4 }, a2[] = { 2, 2, 2 };
	struct nb_difference d;

	(void)state;
	/* t.test(after, before, paired = TRUE): mean -1.5, CI -3.0912 to 0.0912 */
	stats_paired(before, after, 4, &d);
	assert_true(d.defined);
	near(d.diff, -1.5, 1e-12);
	near(d.low, -3.091223, 1e-5);
	near(d.high, 0.091223, 1e-5);
	stats_paired(one, two, 1, &d);
	assert_false(d.defined);
	near(d.diff, -2, 1e-12);
	stats_paired(b2, a2, 3, &d);	/* every session the same change */
	assert_true(d.defined);
	near(d.low, -2, 1e-12);
	near(d.high, -2, 1e-12);
}

/* Days 2026-01-01.. with mood 4 on days with a hug and 2 (with noise)
 * on the other days. */
static size_t make_days(struct nb_day_outcome *o, struct nb_fact *f, size_t *nf, int n, int every)
{
	*nf = 0;
	for (int i = 0; i < n; i++) {
		/* every == 2: two days in five, so the day after a hug is not
		 * simply the mirror image of the hug days */
		bool hug = every == 2 ? (i % 5 == 0 || i % 5 == 2) : every && i % every == 0;
		o[i].day = nb_day_number("2026-01-01") + i;
		for (int k = 0; k < NB_M__COUNT; k++)
			o[i].v[k] = NAN;
		o[i].v[NB_M_MOOD] = (hug ? 4 : 2) + (i % 3 - 1) * 0.5;
		if (hug) {
			f[*nf].day = o[i].day;
			f[*nf].kind = NB_FACT_MOMENT;
			f[*nf].term = "hug";
			(*nf)++;
		}
	}
	return (size_t)n;
}

static void insights_honest(void **state)
{
	struct nb_day_outcome o[31];
	struct nb_fact f[31];
	struct nb_insights in;
	size_t nf, n;
	char s[600];
	const char *ids[] = { "breath", "breath", "breath", "grounding" };
	double before[] = { 4, 5, 3, 4 }, after[] = { 2, 3, 3, 3 };

	(void)state;
	n = make_days(o, f, &nf, 30, 2);	/* a hug two days in five */
	insights_build(o, n, f, nf, ids, before, after, 4, &in);
	assert_int_equal(in.days, 30);
	assert_true(in.nfindings >= 2);
	/* the clearest: mood the same day, with any moment or with the hug */
	assert_int_equal(in.findings[0].outcome, NB_M_MOOD);
	assert_int_equal(in.findings[0].lag, 0);
	near(in.findings[0].d.diff, 2, 0.2);
	assert_true(in.findings[0].d.low > 0);
	assert_int_equal(in.findings[0].with, 12);
	assert_int_equal(in.findings[0].without, 18);
	assert_true(in.tried >= in.nfindings);
	finding_sentence(&in, &in.findings[0], s, sizeof s);
	assert_non_null(strstr(s, "higher"));
	assert_non_null(strstr(s, "12 days with, 18 without"));
	/* the exercise changes, per exercise; one session says nothing yet */
	assert_int_equal(in.nexercises, 2);
	assert_string_equal(in.exercises[0].exercise, "breath");
	assert_true(in.exercises[0].d.defined);
	near(in.exercises[0].d.diff, -4.0 / 3, 1e-9);
	assert_false(in.exercises[1].d.defined);
	insights_free(&in);

	n = make_days(o, f, &nf, 30, 1);	/* a hug every day: nothing to compare with */
	insights_build(o, n, f, nf, NULL, NULL, NULL, 0, &in);
	assert_int_equal(in.nfindings, 0);
	assert_int_equal(in.tried, 0);
	insights_free(&in);

	n = make_days(o, f, &nf, 12, 3);	/* only 4 days with: below the rule */
	insights_build(o, n, f, nf, NULL, NULL, NULL, 0, &in);
	assert_int_equal(in.nfindings, 0);
	insights_free(&in);

	insights_build(o, 0, f, 0, NULL, NULL, NULL, 0, &in);	/* no days at all */
	assert_int_equal(in.days, 0);
	assert_int_equal(in.nfindings, 0);
	insights_free(&in);
}

/* How connected one felt is an outcome like mood: higher on hug days. */
static void connection_is_an_outcome(void **state)
{
	struct nb_day_outcome o[30];
	struct nb_fact f[30];
	struct nb_insights in;
	size_t nf, n;
	char s[600];

	(void)state;
	n = make_days(o, f, &nf, 30, 2);
	for (size_t i = 0; i < n; i++) {	/* only the connection was answered */
		o[i].v[NB_M_CONNECTION] = o[i].v[NB_M_MOOD];
		o[i].v[NB_M_MOOD] = NAN;
	}
	insights_build(o, n, f, nf, NULL, NULL, NULL, 0, &in);
	assert_true(in.nfindings >= 1);
	assert_int_equal(in.findings[0].outcome, NB_M_CONNECTION);
	near(in.findings[0].d.diff, 2, 0.2);
	finding_sentence(&in, &in.findings[0], s, sizeof s);
	assert_non_null(strstr(s, "connection"));
	for (size_t i = 0; i < in.nfindings; i++)
		assert_int_not_equal(in.findings[i].outcome, NB_M_MOOD);
	insights_free(&in);
}

/* Running sums give the same summary as two passes, and no spread stays
 * none even when the shift is not a value. */
static void sums(void **state)
{
	const double v[] = { 3.5, 4.25, 2, 5, 3.75, 1.5 };
	struct nb_summary a, b;
	double s = 0, ss = 0, shift = 3;

	(void)state;
	for (int i = 0; i < 6; i++)
		s += v[i] - shift, ss += (v[i] - shift) * (v[i] - shift);
	stats_summary(v, 6, &a);
	stats_summary_sums(6, s, ss, shift, &b);
	near(b.mean, a.mean, 1e-12);
	near(b.sd, a.sd, 1e-12);
	s = ss = 0;
	for (int i = 0; i < 7; i++)
		s += 10.0 / 3 - 1.1, ss += (10.0 / 3 - 1.1) * (10.0 / 3 - 1.1);
	stats_summary_sums(7, s, ss, 1.1, &b);
	near(b.mean, 10.0 / 3, 1e-12);
	assert_true(b.sd == 0);
}

static struct nb_day_stat day(const char *d, double mood)
{
	struct nb_day_stat s;

	for (int m = 0; m < NB_M__COUNT; m++)
		s.v[m] = NAN;
	s.v[NB_M_MOOD] = mood;
	s.moments = 0;

	snprintf(s.day, sizeof s.day, "%s", d);
	return s;
}

/* Weekly means and the five-week line, worked out by hand. */
static void trends(void **state)
{
	/* Mondays: 2026-01-05, 12, 19, 26, 2026-02-02 */
	struct nb_day_stat d[] = {
		day("2026-01-07", 2), day("2026-01-08", 4),	/* week 0: 3, two days */
		day("2026-01-14", 5),				/* week 1: 5 */
		/* week 2: nothing */
		day("2026-01-26", 1), day("2026-01-27", NAN),	/* week 3: 1 (a day without mood) */
		day("2026-02-08", 4),				/* week 4, its Sunday: 4 */
	};
	const double mean[] = { 3, 5, 0, 1, 4 };
	const int days[] = { 2, 1, 0, 1, 1 };
	double out[5];
	struct nb_trend t;

	(void)state;
	series_smooth(mean, days, 5, 1, out);	/* three weeks around each */
	near(out[0], (3 * 2 + 5) / 3.0, 1e-12);
	near(out[1], (3 * 2 + 5) / 3.0, 1e-12);
	near(out[2], (5 + 1) / 2.0, 1e-12);
	near(out[3], (1 + 4) / 2.0, 1e-12);
	near(out[4], (1 + 4) / 2.0, 1e-12);

	trend_build(d, 6, "0000-01-01", "9999-12-31", &t);
	assert_string_equal(t.monday, "2026-01-05");
	assert_int_equal(t.weeks, 5);
	near(t.mean[NB_M_MOOD][0], 3, 1e-12);
	assert_int_equal(t.days[NB_M_MOOD][0], 2);
	assert_true(isnan(t.mean[NB_M_MOOD][2]));
	assert_int_equal(t.days[NB_M_MOOD][3], 1);
	/* five weeks around week 2: all six values with a mood */
	near(t.smooth[NB_M_MOOD][2], (2 + 4 + 5 + 1 + 4) / 5.0, 1e-12);
	near(t.smooth[NB_M_MOOD][0], (2 + 4 + 5) / 3.0, 1e-12);
	assert_true(isnan(t.smooth[NB_M_TENSION][2]));
	trend_free(&t);

	/* a period that starts inside: from the 14th, weeks from the 12th */
	trend_build(d, 6, "2026-01-14", "2026-01-31", &t);
	assert_string_equal(t.monday, "2026-01-12");
	assert_int_equal(t.weeks, 3);
	near(t.mean[NB_M_MOOD][0], 5, 1e-12);
	near(t.smooth[NB_M_MOOD][2], (5 + 1) / 2.0, 1e-12);
	trend_free(&t);

	trend_build(d, 6, "2027-01-01", "2027-12-31", &t);	/* nothing noted */
	assert_int_equal(t.weeks, 0);
	trend_free(&t);
}


/* An exercise whose interval crosses zero says there is no clear
 * difference yet, never "lower"; one whose interval lies below zero says
 * "lower"; no "-0.00" anywhere. */
static void exercise_words_follow_the_interval(void **state)
{
	struct nb_exercise_change e = { .exercise = "breath", .n = 6 };
	char buf[400];

	(void)state;
	e.d = (struct nb_difference){ .diff = -0.85, .low = -1.75, .high = 0.05, .defined = true };
	exercise_sentence(&e, buf, sizeof buf);
	assert_non_null(strstr(buf, "no clear difference"));
	assert_null(strstr(buf, "lower"));
	e.d = (struct nb_difference){ .diff = -0.85, .low = -1.40, .high = -0.30, .defined = true };
	exercise_sentence(&e, buf, sizeof buf);
	assert_non_null(strstr(buf, "0.85 lower"));
	e.d = (struct nb_difference){ .diff = -0.001, .low = -0.6, .high = 0.6, .defined = true };
	exercise_sentence(&e, buf, sizeof buf);
	assert_null(strstr(buf, "-0.00"));
}

/* The rows of a summary per day as a store hands them over: the packed
 * facts of several kinds counted and listed, an empty or missing text
 * nothing, a fact that cannot be read left out and the rest kept. */
static void period_from_rows(void **state)
{
	struct nb_term_pool pool = { 0 };
	struct nb_period_reading r;
	struct nb_period p;
	double v[NB_M__COUNT], none[NB_M__COUNT];

	(void)state;
	for (int m = 0; m < NB_M__COUNT; m++)
		v[m] = none[m] = NAN;
	v[NB_M_MOOD] = 3.5;
	period_read_begin(&r, &p, &pool);
	period_read_day(&r, "2024-03-04", 2, v,
			"m2 hug\x1f" "t2 \x1f" "c1 Anna\x1f" "e1 \x1f" "x2 breathing 4 2\x1f"
			"n1 rest\x1f" "g1 \x1f" "G1 fear\x1f" "N2 safety");
	period_read_day(&r, "2024-03-05", 0, none, "");
	period_read_day(&r, "2024-03-06", 1, none, NULL);
	/* no count, a count of 0, one past INT_MAX, no space, a session
	 * without its numbers or with a word after them, an empty fact: left
	 * out; the moment at the end still counts */
	period_read_day(&r, "2024-03-07", 1, v,
			"m hug\x1f" "m0 hug\x1f" "m2147483648 hug\x1f" "m1\x1f" "x1 breathing\x1f"
			"x1 breathing 4 2 x\x1f" "x1 breathing 4 two\x1f\x1f" "m1 hug\x1f");
	period_read_end(&r);

	assert_int_equal(p.ndays, 4);
	assert_string_equal(p.days[0].day, "2024-03-04");
	assert_string_equal(p.days[3].day, "2024-03-07");
	assert_true(p.days[0].v[NB_M_MOOD] == 3.5);
	assert_true(isnan(p.days[1].v[NB_M_MOOD]));
	assert_int_equal(p.days[0].moments, 2);
	assert_int_equal(p.days[1].moments, 0);
	assert_int_equal(p.days[2].moments, 0);
	assert_int_equal(p.days[3].moments, 1);
	/* outcomes: the days with a check-in */
	assert_int_equal(p.noutcomes, 3);
	assert_int_equal(p.outcomes[0].day, nb_day_number("2024-03-04"));
	assert_int_equal(p.outcomes[1].day, nb_day_number("2024-03-06"));
	assert_true(p.outcomes[2].v[NB_M_MOOD] == 3.5);
	/* facts: moment, touch, contact, exercise, need, trigger of the first
	 * day and the moment of the last, each once whatever its count */
	assert_int_equal(p.nfacts, 7);
	assert_int_equal(p.facts[0].kind, NB_FACT_MOMENT);
	assert_string_equal(p.facts[0].term, "hug");
	assert_int_equal(p.facts[1].kind, NB_FACT_TOUCH);
	assert_string_equal(p.facts[1].term, "");
	assert_int_equal(p.facts[2].kind, NB_FACT_CONTACT);
	assert_string_equal(p.facts[2].term, "Anna");
	assert_int_equal(p.facts[3].kind, NB_FACT_EXERCISE);
	assert_int_equal(p.facts[4].kind, NB_FACT_NEED);
	assert_int_equal(p.facts[5].kind, NB_FACT_TRIGGER);
	assert_int_equal(p.facts[6].day, nb_day_number("2024-03-07"));
	assert_ptr_equal(p.facts[6].term, p.facts[0].term);	/* one term, one pointer */
	/* sessions: twice "breathing 4 2" */
	assert_int_equal(p.nsessions, 2);
	assert_string_equal(p.ex_ids[1], "breathing");
	assert_true(p.before[1] == 4 && p.after[1] == 2);
	/* counted terms, most often first, then by term */
	assert_int_equal(p.terms.n[NB_TERMS_KINDS], 1);
	assert_string_equal(p.terms.v[NB_TERMS_KINDS][0].term, "hug");
	assert_int_equal(p.terms.v[NB_TERMS_KINDS][0].n, 3);
	assert_int_equal(p.terms.n[NB_TERMS_NEEDS], 2);
	assert_string_equal(p.terms.v[NB_TERMS_NEEDS][0].term, "safety");
	assert_int_equal(p.terms.v[NB_TERMS_NEEDS][0].n, 2);
	assert_string_equal(p.terms.v[NB_TERMS_NEEDS][1].term, "rest");
	assert_int_equal(p.terms.n[NB_TERMS_TRIGGER_NEEDS], 1);
	assert_int_equal(p.terms.n[NB_TERMS_TRIGGER_EMOTIONS], 1);
	assert_string_equal(p.terms.v[NB_TERMS_TRIGGER_EMOTIONS][0].term, "fear");
	period_free(&p);

	/* nothing read: an empty period */
	period_read_begin(&r, &p, &pool);
	period_read_end(&r);
	assert_int_equal(p.ndays + p.noutcomes + p.nfacts + p.nsessions, 0);
	assert_int_equal(p.terms.n[NB_TERMS_NEEDS], 0);
	period_free(&p);

	/* counts from a damaged summary are held at INT_MAX, not overflowed */
	period_read_begin(&r, &p, &pool);
	period_read_day(&r, "2024-03-04", 0, none, "m2147483647 hug" "m1 hug");
	period_read_day(&r, "2024-03-05", 0, none, "m2147483647 hug");
	period_read_end(&r);
	assert_int_equal(p.days[0].moments, INT_MAX);
	assert_int_equal(p.terms.v[NB_TERMS_KINDS][0].n, INT_MAX);
	period_free(&p);
	term_pool_free(&pool);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(distributions),
		cmocka_unit_test(welch),
		cmocka_unit_test(exercise_words_follow_the_interval),
		cmocka_unit_test(paired),
		cmocka_unit_test(insights_honest),
		cmocka_unit_test(connection_is_an_outcome),
		cmocka_unit_test(sums),
		cmocka_unit_test(trends),
		cmocka_unit_test(period_from_rows),
	};

	return cmocka_run_group_tests_name("insight", tests, NULL, NULL);
}
