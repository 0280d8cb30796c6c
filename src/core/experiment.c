/* The schedule and the analysis of a personal experiment; see experiment.h. */
#include "experiment.h"
#include "stats.h"
#include "xalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

bool exp_plan_valid(const struct nb_exp_plan *p)
{
	return p->pairs >= NB_EXP_PAIRS_MIN && p->pairs <= NB_EXP_PAIRS_MAX &&
	       p->period_days >= NB_EXP_DAYS_MIN && p->period_days <= NB_EXP_DAYS_MAX &&
	       p->baseline_days >= 0 && p->baseline_days <= NB_EXP_BASELINE_MAX &&
	       p->washout_days >= 0 && p->washout_days <= NB_EXP_WASHOUT_MAX &&
	       2 * p->washout_days < p->period_days;
}

/* splitmix64: a small generator whose output depends on the seed alone, on
 * every machine, so that a stored seed gives back the same schedule. */
static uint64_t next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

void exp_plan_draw(struct nb_exp_plan *p)
{
	uint64_t s = p->seed;

	memset(p->with_first, 0, sizeof p->with_first);
	for (int k = 0; k < p->pairs && k < NB_EXP_PAIRS_MAX; k++)
		p->with_first[k] = next(&s) >> 63;
}

int exp_plan_days(const struct nb_exp_plan *p)
{
	return p->baseline_days + 2 * p->pairs * p->period_days;
}

struct nb_exp_day exp_day(const struct nb_exp_plan *p, int index)
{
	struct nb_exp_day d = { NB_EXP_OUTSIDE, -1, false };
	int period, offset;

	if (index < 0 || index >= exp_plan_days(p))
		return d;
	if (index < p->baseline_days) {
		d.kind = NB_EXP_BASELINE;
		return d;
	}
	period = (index - p->baseline_days) / p->period_days;
	offset = (index - p->baseline_days) % p->period_days;
	d.pair = period / 2;
	d.kind = (period % 2 == 0) == p->with_first[d.pair] ? NB_EXP_WITH : NB_EXP_WITHOUT;
	d.washout = period > 0 && offset < p->washout_days;
	return d;
}

/* Whether day i is compared, and on which side (1 with, 0 without). */
static int side(const struct nb_exp_plan *p, const struct nb_exp_obs *o, int i, bool by_done)
{
	struct nb_exp_day d = exp_day(p, i);

	if ((d.kind != NB_EXP_WITH && d.kind != NB_EXP_WITHOUT) || d.washout || isnan(o[i].y))
		return -1;
	if (by_done)
		return o[i].done;	/* -1 when unknown */
	return d.kind == NB_EXP_WITH;
}

/*
 * The lag-1 autocorrelation of the residuals, over neighbouring days that
 * both have one, corrected for its known bias on few days. Unlike the insights' (stats_lag1), no test decides first
 * whether it is there: a short experiment has too few days for one, and
 * leaving a real resemblance out makes the interval too narrow. Below 0
 * counts as 0; it is held below 0.9.
 */
static double lag1(const double *v, int n)
{
	double sum = 0, sumsq = 0, cross = 0, mean;
	int pairs = 0, count = 0;

	for (int i = 0; i < n; i++)
		if (!isnan(v[i])) {
			sum += v[i];
			count++;
		}
	if (count < 4)
		return 0;
	mean = sum / count;
	for (int i = 0; i < n; i++)
		if (!isnan(v[i]))
			sumsq += (v[i] - mean) * (v[i] - mean);
	for (int i = 1; i < n; i++)
		if (!isnan(v[i]) && !isnan(v[i - 1])) {
			cross += (v[i] - mean) * (v[i - 1] - mean);
			pairs++;
		}
	if (!pairs || sumsq <= 0)
		return 0;
	/* over the pairs there are, scaled to all the days; on few days this
	 * estimate falls short of the truth by about (1 + 4r) / n (Marriott
	 * and Pope), which is added back */
	double r = cross / pairs / (sumsq / count);
	r += (1 + 4 * (r > 0 ? r : 0)) / count + 0.5 / sqrt(count);
	return r < 0 ? 0 : r > 0.89 ? 0.89 : r;
}

static void estimate(const struct nb_exp_plan *p, const struct nb_exp_obs *o, int n, bool by_done,
		     struct nb_exp_estimate *e)
{
	double sum[NB_EXP_PAIRS_MAX] = { 0 }, cent_sum[2] = { 0 }, cent_sq[2] = { 0 };
	int count[NB_EXP_PAIRS_MAX] = { 0 }, nside[2] = { 0 };
	double *res = xcalloc((size_t)(n > 0 ? n : 1), sizeof *res);
	struct nb_summary a, b;
	struct nb_difference d;

	memset(e, 0, sizeof *e);
	/* each day relative to the mean of its pair: what changes slowly over
	 * the weeks falls away, what differs within a pair stays */
	for (int i = 0; i < n; i++)
		if (side(p, o, i, by_done) >= 0) {
			sum[exp_day(p, i).pair] += o[i].y;
			count[exp_day(p, i).pair]++;
		}
	for (int i = 0; i < n; i++) {
		int s = side(p, o, i, by_done);
		double c;

		res[i] = NAN;
		if (s < 0)
			continue;
		c = o[i].y - sum[exp_day(p, i).pair] / count[exp_day(p, i).pair];
		res[i] = c;
		cent_sum[s] += c;
		cent_sq[s] += c * c;
		nside[s]++;
	}
	stats_summary_sums((size_t)nside[1], cent_sum[1], cent_sq[1], 0, &a);
	stats_summary_sums((size_t)nside[0], cent_sum[0], cent_sq[0], 0, &b);
	/* the residuals in day order, for how much neighbours resemble each other */
	for (int i = 0; i < n; i++) {
		int s = side(p, o, i, by_done);
		if (s >= 0)
			res[i] -= s ? a.mean : b.mean;
	}
	e->r = lag1(res, n);
	free(res);
	e->n_with = nside[1];
	e->n_without = nside[0];
	{	/* the pairs' means were taken out: as many fewer free values */
		int pairs = 0, all = nside[0] + nside[1];
		for (int k = 0; k < NB_EXP_PAIRS_MAX; k++)
			pairs += count[k] > 0;
		double lost = all - 1 - pairs > 0 ? (double)(all - 2) / (all - 1 - pairs) : 1;
		stats_difference_dep(&a, &b, stats_inflation(e->r) * (lost > 1 ? lost : 1), &d);
	}
	if (!d.defined)
		return;
	stats_interval(&d, NB_EXP_LEVEL);
	e->defined = true;
	e->diff = d.diff;
	e->low = d.low;
	e->high = d.high;
	e->clear = d.low > 0 || d.high < 0;
}

void exp_analyse(const struct nb_exp_plan *p, const struct nb_exp_obs *obs, int n,
		 struct nb_exp_result *r)
{
	bool period_seen[2 * NB_EXP_PAIRS_MAX] = { 0 };

	memset(r, 0, sizeof *r);
	if (n > exp_plan_days(p))
		n = exp_plan_days(p);
	r->days = n;
	for (int i = 0; i < n; i++) {
		int s = side(p, obs, i, false);
		if (s < 0)
			continue;
		r->compared++;
		period_seen[(i - p->baseline_days) / p->period_days] = true;
		if (obs[i].done >= 0) {
			r->known++;
			r->followed += obs[i].done == s;
		}
	}
	for (int k = 0; k < 2 * p->pairs; k++)
		r->periods += period_seen[k];
	r->adherence = r->known ? (double)r->followed / r->known : NAN;
	r->differ = r->followed < r->known;
	estimate(p, obs, n, false, &r->planned);
	estimate(p, obs, n, true, &r->done);
}
