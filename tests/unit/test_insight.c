/* core/stats and core/insight: known answers (worked out by hand and with
 * R's t.test), and the rules that keep the insights honest. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/insight.h"
#include "core/stats.h"

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
		for (int k = 0; k < NB_OUT__COUNT; k++)
			o[i].v[k] = NAN;
		o[i].v[NB_OUT_MOOD] = (hug ? 4 : 2) + (i % 3 - 1) * 0.5;
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
	assert_int_equal(in.findings[0].outcome, NB_OUT_MOOD);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(distributions),
		cmocka_unit_test(welch),
		cmocka_unit_test(paired),
		cmocka_unit_test(insights_honest),
	};

	return cmocka_run_group_tests_name("insight", tests, NULL, NULL);
}
