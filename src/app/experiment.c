/*
 * The personal experiment, from the store's side: which one runs, and its
 * days as they went (the outcome from the day's check-ins, what was done
 * from the moments and sessions the person logged, or their answer to "did
 * you do it?"). The schedule and the analysis are core's (experiment.c).
 */
#include "app.h"
#include "scope.h"
#include "core/i18n.h"
#include "core/xalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define OPS(a) ((a)->store.ops)
#define DB(a) ((a)->store.db)

static enum nb_err experiment_read(struct nb_app *a, struct nb_entry **out, struct nb_error *err)
{
	struct nb_query q = { .types = NB_TYPE_BIT(NB_EXPERIMENT), .newest_first = true };
	struct nb_entries l = { 0 };
	enum nb_err rc;

	*out = NULL;
	if ((rc = app_list(a, &q, &l, err)))
		return rc;
	for (size_t i = 0; i < l.n && !*out; i++)
		if (strcmp(l.v[i]->u.experiment.state, "stopped") != 0) {
			*out = l.v[i];
			l.v[i] = NULL;
		}
	entries_free(&l);
	return NB_OK;
}

enum nb_err app_experiment(struct nb_app *a, struct nb_entry **out, struct nb_error *err)
{
	APP_READ(a, experiment_read(a, out, err));
}

enum nb_err app_experiment_start(struct nb_app *a, struct nb_entry *e, const char *first, struct nb_error *err)
{
	struct nb_experiment *x = &e->u.experiment;
	struct nb_exp_plan plan;
	char seed[17], today[NB_DAY_LEN];
	enum nb_err rc;

	nb_day_key(nb_stamp_local(a->now), today);
	if (first && (rc = exp_start_check(today, first, err)))
		return rc;
	if (first && strcmp(first, today) != 0) {	/* noon of that day: its day whatever the clocks do */
		struct nb_stamp now = nb_stamp_local(a->now);
		int64_t noon = a->now - (((now.utc + now.offset) % 86400) + 86400) % 86400 + 12 * 3600;
		entry_set_time(e, nb_stamp_local(noon + (int64_t)nb_day_diff(today, first) * 86400));
	}
	if (x->practice && strcmp(x->practice, "own") == 0 && (!x->words || !*x->words))
		return nb_error_set(err, NB_EINVAL, "words", "%s", _("Say your own practice in a few words."));
	if (x->seed && (strlen(x->seed) != 16 || strspn(x->seed, "0123456789abcdef") != 16))	/* a replay's */
		return nb_error_set(err, NB_EINVAL, "seed", "%s", _("A seed is 16 hexadecimal digits (0-9, a-f)."));
	if (x->baseline_days == NB_EXP_BASELINE_ASKED)
		x->baseline_days = NB_EXP_BASELINE_DEFAULT;
	if (!x->pairs)
		x->pairs = NB_EXP_PAIRS_DEFAULT;
	if (!x->period_days)
		x->period_days = NB_EXP_DAYS_DEFAULT;
	if (!x->seed) {
		exp_new_seed(seed);
		x->seed = xstrdup(seed);
	}
	xstrset(&x->state, "running");
	exp_plan_of(x, &plan);
	if (!exp_plan_valid(&plan))
		return nb_error_set(err, NB_EINVAL, "washout-days", "%s",
				    _("The days of settling must be fewer than half a period."));
	return app_add(a, e, err);	/* the store lets one run at a time */
}

enum nb_err app_experiment_answer(struct nb_app *a, struct nb_entry *e, const char *day, bool yes,
				  struct nb_error *err)
{
	enum nb_err rc;

	if ((rc = exp_answer_check(e, day, err)))
		return rc;
	exp_set_answer(&e->u.experiment, day, yes);
	return app_update(a, e, err);
}

static enum nb_err experiment_last_read(struct nb_app *a, struct nb_entry **out, struct nb_error *err)
{
	struct nb_query q = { .types = NB_TYPE_BIT(NB_EXPERIMENT), .newest_first = true, .limit = 1 };
	struct nb_entries l = { 0 };
	enum nb_err rc;

	*out = NULL;
	if ((rc = app_list(a, &q, &l, err)))
		return rc;
	if (l.n) {
		*out = l.v[0];
		l.v[0] = NULL;
	}
	entries_free(&l);
	return NB_OK;
}

enum nb_err app_experiment_last(struct nb_app *a, struct nb_entry **out, struct nb_error *err)
{
	APP_READ(a, experiment_last_read(a, out, err));
}

static enum nb_err experiment_days_read(struct nb_app *a, const struct nb_entry *x, struct nb_exp_obs *obs, int *n,
					struct nb_error *err)
{
	const struct nb_experiment *ex = &x->u.experiment;
	struct nb_exp_plan plan;
	struct nb_query q = { .types = NB_TYPE_BIT(NB_MOMENT) | NB_TYPE_BIT(NB_SESSION) };
	struct nb_entries l = { 0 };
	struct nb_period p = { 0 };
	char today[NB_DAY_LEN], last[NB_DAY_LEN];
	enum nb_measure m = exp_measure(ex->outcome);
	int first = nb_day_number(x->day);
	enum nb_err rc;

	exp_plan_of(ex, &plan);
	nb_day_key(nb_stamp_local(a->now), today);
	*n = exp_index(x, today) + 1;
	if (*n > exp_plan_days(&plan))
		*n = exp_plan_days(&plan);
	if (*n <= 0) {
		*n = 0;
		return NB_OK;
	}
	nb_day_add(x->day, *n - 1, last);
	for (int i = 0; i < *n; i++)
		obs[i] = (struct nb_exp_obs){ NAN, -1 };
	if ((rc = OPS(a)->period(DB(a), x->day, last, &p, err)))
		return rc;
	for (size_t i = 0; i < p.noutcomes; i++) {
		int d = p.outcomes[i].day - first;
		if (d >= 0 && d < *n)
			obs[d].y = p.outcomes[i].v[m];
	}
	period_free(&p);
	q.since = x->day;
	q.until = last;
	if (exp_logged(ex->practice)) {
		if ((rc = app_list(a, &q, &l, err)))
			return rc;
		for (size_t i = 0; i < l.n; i++) {
			int d = exp_index(x, l.v[i]->day);
			if (d >= 0 && d < *n && exp_done_by(ex->practice, l.v[i]))
				obs[d].done = 1;
		}
		entries_free(&l);
	}
	for (int i = 0; i < *n; i++) {	/* where the log cannot tell, the answer */
		char day[NB_DAY_LEN];
		nb_day_add(x->day, i, day);
		if (obs[i].done < 0)
			obs[i].done = exp_answer(ex, day);
	}
	return NB_OK;
}

enum nb_err app_experiment_days(struct nb_app *a, const struct nb_entry *x, struct nb_exp_obs *obs, int *n,
				struct nb_error *err)
{
	APP_READ(a, experiment_days_read(a, x, obs, n, err));
}

static enum nb_err experiment_asks_read(struct nb_app *a, const char *today, struct nb_entry **x, struct nb_error *err)
{
	struct nb_exp_plan plan;
	struct nb_exp_obs *obs;
	enum nb_err rc;
	int n = 0, i;
	bool asks;

	if ((rc = app_experiment(a, x, err)) || !*x)
		return rc;
	exp_plan_of(&(*x)->u.experiment, &plan);
	i = exp_index(*x, today);
	obs = xcalloc((size_t)exp_plan_days(&plan), sizeof *obs);
	asks = strcmp((*x)->u.experiment.state, "running") == 0 && i >= 0 && i < exp_plan_days(&plan) &&
	       exp_day(&plan, i).kind != NB_EXP_BASELINE;
	if (asks && (rc = app_experiment_days(a, *x, obs, &n, err)))
		asks = false;
	asks = asks && i < n && obs[i].done < 0;
	free(obs);
	if (!asks) {
		entry_free(*x);
		*x = NULL;
	}
	return rc;
}

enum nb_err app_experiment_asks(struct nb_app *a, const char *today, struct nb_entry **x, struct nb_error *err)
{
	APP_READ(a, experiment_asks_read(a, today, x, err));
}

bool app_checked_in(struct nb_app *a, const char *day)
{
	struct nb_query q = { .types = NB_TYPE_BIT(NB_CHECKIN), .since = day, .until = day, .limit = 1 };
	struct nb_entries one = { 0 };
	bool yes = !app_list(a, &q, &one, NULL) && one.n > 0;

	entries_free(&one);
	return yes;
}

const char *app_experiment_today(struct nb_app *a, const struct nb_today *t, char *buf, size_t size)
{
	struct nb_entry *x = NULL;
	bool checked_in = false;
	const char *line = NULL;

	for (size_t i = 0; i < t->entries.n; i++)
		checked_in |= t->entries.v[i]->type == NB_CHECKIN;
	if (!app_experiment(a, &x, NULL) && x)
		line = exp_today_text(x, t->day, checked_in, buf, size);
	entry_free(x);
	return line;
}
