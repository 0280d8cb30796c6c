/* The schedule and the analysis of a personal experiment; see experiment.h. */
#include "experiment.h"
#include "i18n.h"
#include "vocab.h"
#include "stats.h"
#include "time.h"
#include "uid.h"
#include "xalloc.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
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

void exp_plan_of(const struct nb_experiment *x, struct nb_exp_plan *p)
{
	uint64_t seed = 0xcbf29ce484222325u;	/* FNV-1a of other text */
	char *end = NULL;

	memset(p, 0, sizeof *p);
	p->pairs = x->pairs;
	p->period_days = x->period_days;
	p->baseline_days = x->baseline_days;
	p->washout_days = x->washout_days;
	if (x->seed && strlen(x->seed) == 16) {
		seed = strtoull(x->seed, &end, 16);
		if (*end)
			end = NULL;
	}
	if (!end) {
		seed = 0xcbf29ce484222325u;
		for (const char *c = x->seed ? x->seed : ""; *c; c++)
			seed = (seed ^ (unsigned char)*c) * 0x100000001b3u;
	}
	p->seed = seed;
	exp_plan_draw(p);
}

void exp_new_seed(char out[17])
{
	uint64_t v;

	nb_random(&v, sizeof v);
	snprintf(out, 17, "%016" PRIx64, v);
}

enum nb_measure exp_measure(const char *outcome)
{
	for (int m = 0; m < NB_M__COUNT; m++)
		if (outcome && strcmp(measure_info((enum nb_measure)m)->field, outcome) == 0)
			return (enum nb_measure)m;
	return NB_M_TENSION;
}

bool exp_logged(const char *practice)
{
	return practice && strcmp(practice, "own") != 0;
}

bool exp_done_by(const char *practice, const struct nb_entry *e)
{
	if (!practice)
		return false;
	if (e->type == NB_MOMENT) {
		const char *k = e->u.moment.kind;
		if (strcmp(practice, "embrace") == 0)
			return k && (strcmp(k, "hug") == 0 || strcmp(k, "arm") == 0 || strcmp(k, "close") == 0);
		if (strcmp(practice, "self-touch") == 0)
			return k && strcmp(k, "self") == 0;
		if (strcmp(practice, "reach-out") == 0)
			return e->u.moment.member_uid != NULL || (k && strcmp(k, "talk") == 0);
	}
	if (e->type == NB_SESSION && strcmp(practice, "evening-breath") == 0)	/* from five in the afternoon */
		return e->u.session.exercise && strcmp(e->u.session.exercise, "breath") == 0 &&
		       (e->at.utc + e->at.offset) % 86400 >= 17 * 3600;
	return false;
}

int exp_answer(const struct nb_experiment *x, const char *day)
{
	size_t n = strlen(day);

	for (size_t i = x->answers.n; i-- > 0;) {
		const char *t = x->answers.v[i].term;
		if (strncmp(t, day, n) == 0 && t[n] == ':')
			return strcmp(t + n + 1, "yes") == 0;
	}
	return -1;
}

enum nb_err exp_answer_check(const struct nb_entry *x, const char *day, struct nb_error *err)
{
	struct nb_exp_plan p;
	char last[NB_DAY_LEN];
	int i;

	if (nb_day_parse(day, "day", err))
		return NB_EINVAL;
	exp_plan_of(&x->u.experiment, &p);
	i = exp_index(x, day);
	if (i >= 0 && i < exp_plan_days(&p))
		return NB_OK;
	nb_day_add(x->day, exp_plan_days(&p) - 1, last);
	return nb_error_set(err, NB_EINVAL, "day",
			    _("Only a day of the plan can be answered: from %s to %s (you gave %s)."), x->day, last,
			    day);
}

enum nb_err exp_start_check(const char *today, const char *day, struct nb_error *err)
{
	char last[NB_DAY_LEN];
	int ahead;

	if (nb_day_parse(day, "day", err))
		return NB_EINVAL;
	ahead = nb_day_diff(today, day);
	if (ahead >= 0 && ahead <= NB_EXP_AHEAD_MAX)
		return NB_OK;
	nb_day_add(today, NB_EXP_AHEAD_MAX, last);
	return nb_error_set(err, NB_EINVAL, "day",
			    _("An experiment begins today (%s) or on a day up to %s: the days already gone could not follow its plan (you gave %s)."),
			    today, last, day);
}

void exp_set_answer(struct nb_experiment *x, const char *day, bool yes)
{
	char term[NB_DAY_LEN + 8];
	size_t n = strlen(day), k = 0;

	for (size_t i = 0; i < x->answers.n; i++) {	/* the day's earlier answer goes */
		struct nb_item *it = &x->answers.v[i];
		if (strncmp(it->term, day, n) == 0 && it->term[n] == ':') {
			free(it->term);
			free(it->place);
			continue;
		}
		x->answers.v[k++] = *it;
	}
	x->answers.n = k;
	snprintf(term, sizeof term, "%s:%s", day, yes ? "yes" : "no");
	items_add(&x->answers, term, NULL, 0);
}

int exp_index(const struct nb_entry *x, const char *day)
{
	return nb_day_diff(x->day, day);
}

const char *exp_practice_text(const struct nb_experiment *x)
{
	return strcmp(x->practice, "own") == 0 && x->words ? x->words : vocab_label(NB_VOCAB_PRACTICE, x->practice);
}

const char *exp_day_text(const struct nb_exp_plan *p, int i, const struct nb_experiment *x, char *buf,
			 size_t size)
{
	switch (exp_day(p, i).kind) {
	case NB_EXP_BASELINE:
		return _("a day before the periods begin: just notice how it goes");
	case NB_EXP_WITH:
		snprintf(buf, size, _("a day with the practice: %s"), exp_practice_text(x));
		return buf;
	case NB_EXP_WITHOUT:
		return _("a day without: just notice how it goes; if you need closeness, take it, that counts too");
	case NB_EXP_OUTSIDE:
		break;
	}
	return _("a day after the plan");
}

const char *exp_today_text(const struct nb_entry *e, const char *today, bool checked_in, char *buf, size_t size)
{
	const struct nb_experiment *x = &e->u.experiment;
	struct nb_exp_plan p;
	char kind[256];
	int i = exp_index(e, today);

	exp_plan_of(x, &p);
	if (strcmp(x->state, "stopped") == 0)
		snprintf(buf, size, "%s", _("This experiment was stopped. What it had gathered is kept here."));
	else if (strcmp(x->state, "paused") == 0)
		snprintf(buf, size, "%s", _("Your experiment is paused. Nothing is asked of you; resume whenever you like."));
	else if (i < 0)
		snprintf(buf, size, _("Your experiment begins on %s."), e->day);
	else if (i >= exp_plan_days(&p))
		snprintf(buf, size, "%s", _("Your experiment's plan is complete: its answer is ready."));
	else
		snprintf(buf, size, _("Experiment, day %d of %d: %s. %s"), i + 1, exp_plan_days(&p),
			 exp_day_text(&p, i, x, kind, sizeof kind),
			 checked_in ? _("Today's check-in is done.") : _("Today's check-in is still open."));
	return buf;
}

const char *exp_estimate_text(const char *title, const struct nb_exp_estimate *e, const char *outcome, char *buf,
			      size_t size)
{
	char d[NB_DEC_LEN], lo[NB_DEC_LEN], hi[NB_DEC_LEN];

	if (!e->defined)
		snprintf(buf, size, _("%s: not enough days on both sides yet."), title);
	else
		snprintf(buf, size,
			 _("%s: %s on days with the practice compared with days without: %s (an interval of %s to %s), over %d and %d days."),
			 title, outcome, nb_dec1(e->diff, d), nb_dec1(e->low, lo), nb_dec1(e->high, hi), e->n_with,
			 e->n_without);
	return buf;
}

const char *exp_basis_text(const struct nb_exp_result *r, char *buf, size_t size)
{
	int n;

	n = snprintf(buf, size, ngettext("It rests on %d day", "It rests on %d days", r->compared), r->compared);
	if (n > 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, ngettext(" in %d period.", " in %d periods.", r->periods),
			      r->periods);
	if (r->known && n > 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, _(" The plan was followed on %d of the %d days where it is known."),
			 r->followed, r->known);
	return buf;
}

const char *exp_meaning_text(const struct nb_exp_result *r, bool complete, const char *outcome, char *buf,
			     size_t size)
{
	const char *limits = _("This says something about you, this practice and these weeks; not about other people, and not for always.");

	if (!r->planned.defined)
		snprintf(buf, size, "%s", complete ? limits : _("There are not enough days yet to compare; come back later."));
	else if (!r->planned.clear && !complete)
		snprintf(buf, size, "%s", _("No clear difference so far. The plan is not done yet, so this can still change."));
	else if (!r->planned.clear)
		snprintf(buf, size, "%s %s",
			 _("No clear difference: that is an answer too. Over these days, this practice did not change this much for you, either way."),
			 limits);
	else {
		char said[300];
		if (r->planned.diff < 0)
			snprintf(said, sizeof said, _("On the days with the practice, your %s was clearly lower."), outcome);
		else
			snprintf(said, sizeof said, _("On the days with the practice, your %s was clearly higher."), outcome);
		snprintf(buf, size, "%s %s", said, limits);
	}
	return buf;
}

const char *exp_why_chance_text(void)
{
	return _("The order of \"with\" and \"without\" in each pair is drawn by chance, so that what else changes over the weeks does not line up with the practice. That is what lets the answer say something about the practice itself.");
}

static const char *const help_parts[] = {
	N_("How an experiment works"),
	N_("The insights can only say what went together on your days. An experiment can say more: whether one practice makes a difference for you."),
	N_("You choose one practice, such as your own hand on your heart before sleep, a hug from a friend or a grandchild, or the breathing exercise in the evening, and one thing your check-in already asks, such as tension or sleep. nabij makes a plan of pairs of periods: in each pair, some days with the practice and as many without it."),
	N_("Which comes first in each pair is drawn by chance. Otherwise something else that changes over the weeks, such as work, the season or a holiday, could line up with the practice and look like its effect."),
	N_("Each day, today's page says which kind of day it is. Your check-in asks nothing extra. What you did is read from the moments and exercises you note; where they cannot tell, you answer one question: did you do it today?"),
	N_("A day without is never a day of doing without. If you need closeness, take it: that day counts as it went, and the answer also shows what happened as done."),
	N_("At the end you see the difference between the days with and without, with an interval: the range the true difference plausibly lies in. Each day is compared within its own pair, so slow changes over the weeks fall away, and the interval allows for days that resemble their neighbours. No clear difference is an answer too."),
	N_("It speaks of you, this practice and these weeks, not of other people and not for always. You can pause or stop at any moment, without any reproach."),
	NULL,
};

const char *exp_help_part(size_t i)
{
	return i < sizeof help_parts / sizeof help_parts[0] && help_parts[i] ? _(help_parts[i]) : NULL;
}

const char *exp_practice_exercise(const char *practice)
{
	if (practice && strcmp(practice, "evening-breath") == 0)
		return "breath";
	if (practice && strcmp(practice, "reach-out") == 0)
		return "closeness";
	return NULL;	/* a static string: the catalogue's own ids */
}
