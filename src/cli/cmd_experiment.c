/*
 * nabij experiment: try one practice on your own life (docs/EXPERIMENT.md).
 * Set one up, see which kind of day today is, say whether you did it when
 * your log cannot tell, pause, stop, and read the answer (provisional while
 * it runs).
 */
#include "cli.h"
#include "flags.h"
#include "core/describe.h"
#include "core/experiment.h"
#include "core/field.h"
#include "core/i18n.h"
#include "core/parse.h"
#include "core/vocab.h"
#include "core/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { O_OUTCOME = OPT_BASE, O_PAIRS, O_DAYS, O_BASELINE, O_WASHOUT, O_WORDS, O_DAY, O_REPORT, O_SEED };

static const struct option opts[] = {
	{ "outcome", required_argument, NULL, O_OUTCOME },
	{ "pairs", required_argument, NULL, O_PAIRS },
	{ "days", required_argument, NULL, O_DAYS },
	{ "baseline", required_argument, NULL, O_BASELINE },
	{ "washout", required_argument, NULL, O_WASHOUT },
	{ "words", required_argument, NULL, O_WORDS },
	{ "day", required_argument, NULL, O_DAY },
	{ "report", no_argument, NULL, O_REPORT },
	{ "seed", required_argument, NULL, O_SEED },
	{ 0 },
};

struct ctx {
	struct nb_experiment x;
	const char *day;
};

static enum nb_err apply(void *p, int opt, const char *arg, struct nb_error *err)
{
	struct ctx *c = p;

	switch (opt) {
	case O_OUTCOME:
		xstrset(&c->x.outcome, NULL);
		return parse_term("outcome", NB_VOCAB_OUTCOME, arg, &c->x.outcome, err);
	case O_PAIRS:
		return parse_scale("pairs", arg, NB_EXP_PAIRS_MIN, NB_EXP_PAIRS_MAX, &c->x.pairs, err);
	case O_DAYS:
		return parse_scale("period-days", arg, NB_EXP_DAYS_MIN, NB_EXP_DAYS_MAX, &c->x.period_days, err);
	case O_BASELINE:
		return parse_scale("baseline-days", arg, 0, NB_EXP_BASELINE_MAX, &c->x.baseline_days, err);
	case O_WASHOUT:
		return parse_scale("washout-days", arg, 0, NB_EXP_WASHOUT_MAX, &c->x.washout_days, err);
	case O_WORDS:
		return rec_set_text(&c->x.words, arg);
	case O_DAY:
		if (nb_day_parse(arg, "day", err))
			return NB_EINVAL;
		c->day = arg;
		return NB_OK;
	case O_REPORT:
		c->x.in_report = true;
		return NB_OK;
	case O_SEED:	/* a schedule drawn again from a seed given: for a replay, and for tests */
		if (strlen(arg) != 16 || strspn(arg, "0123456789abcdef") != 16)
			return nb_error_set(err, NB_EINVAL, "seed", "%s", _("A seed is 16 hexadecimal digits (0-9, a-f)."));
		return rec_set_text(&c->x.seed, arg);
	default:
		return NB_EUSAGE;
	}
}

void cli_outcomes_text(struct nb_buf *b)
{
	size_t n;
	const struct nb_term *t = measure_outcomes(&n);
	struct nb_buf head = { 0 };

	for (size_t i = 0; i + 1 < n; i++)
		buf_addf(&head, i ? ", %s" : "%s", t[i].id);
	if (n > 1)
		buf_addf(b, _("%s or %s"), head.s, t[n - 1].id);
	else if (n)
		buf_add(b, t[0].id);
	buf_free(&head);
}

static void print_estimate(const char *title, const struct nb_exp_estimate *e, const char *outcome)
{
	char line[512];

	out_wrapped(stdout, exp_estimate_text(title, e, outcome, line, sizeof line), 2, 76);
}

static int show(struct cli *c, const struct nb_entry *e, bool whole)
{
	const struct nb_experiment *x = &e->u.experiment;
	struct nb_exp_plan p;
	struct nb_exp_obs *obs;
	struct nb_exp_result r;
	struct nb_error err = { 0 };
	char today[NB_DAY_LEN], buf[256], line[600];
	int n, i;

	exp_plan_of(x, &p);
	obs = xcalloc((size_t)exp_plan_days(&p), sizeof *obs);
	if (app_experiment_days(&c->app, e, obs, &n, &err)) {
		free(obs);
		return cli_fail(&err);
	}
	nb_day_key(nb_stamp_local(c->app.now), today);
	i = exp_index(e, today);
	printf("%s%s%s → %s (%s)\n", style_bold(c), exp_practice_text(x), style_reset(c),
	       vocab_label(NB_VOCAB_OUTCOME, x->outcome), vocab_label(NB_VOCAB_EXP_STATE, x->state));
	if (strcmp(x->state, "paused") == 0)
		printf("%s\n", _("Paused. Nothing is asked of you; resume whenever you like."));
	else if (i < 0)
		printf(_("It begins on %s.\n"), e->day);
	else if (i < exp_plan_days(&p))
		printf(_("Today, day %d of %d: %s.\n"), i + 1, exp_plan_days(&p), exp_day_text(&p, i, x, buf, sizeof buf));
	else
		printf("%s\n", _("The plan is complete."));
	exp_analyse(&p, obs, n, &r);
	if (whole || i >= exp_plan_days(&p)) {
		printf("\n%s%s%s\n", style_bold(c),
		       i >= exp_plan_days(&p) ? _("The answer") : _("A provisional look (the plan is not done yet)"),
		       style_reset(c));
		print_estimate(_("As planned"), &r.planned, vocab_label(NB_VOCAB_OUTCOME, x->outcome));
		if (r.differ)
			print_estimate(_("As done"), &r.done, vocab_label(NB_VOCAB_OUTCOME, x->outcome));
		out_wrapped(stdout, exp_basis_text(&r, line, sizeof line), 2, 76);
		out_wrapped(stdout, exp_meaning_text(&r, i >= exp_plan_days(&p), vocab_label(NB_VOCAB_OUTCOME, x->outcome),
						     line, sizeof line), 2, 76);
	}
	free(obs);
	return 0;
}

/* The whole schedule, day by day. */
static void plan(struct cli *c, const struct nb_entry *e)
{
	struct nb_exp_plan p;
	char buf[256], day[NB_DAY_LEN];

	exp_plan_of(&e->u.experiment, &p);
	for (int i = 0; i < exp_plan_days(&p); i++) {
		struct nb_exp_day d = exp_day(&p, i);
		nb_day_add(e->day, i, day);
		printf("%s  %s%s\n", day, exp_day_text(&p, i, &e->u.experiment, buf, sizeof buf),
		       d.washout ? _(" (settling: not compared)") : "");
	}
	(void)c;
}

/* No --outcome given: which there are (the measures' rows say). */
static enum nb_err which_outcome(struct nb_error *err)
{
	struct nb_buf list = { 0 };
	enum nb_err rc;

	cli_outcomes_text(&list);
	rc = nb_error_set(err, NB_EINVAL, "outcome", _("Which outcome? --outcome %s."), list.s);
	buf_free(&list);
	return rc;
}

static int start(struct cli *c, struct ctx *x, const char *practice)
{
	struct nb_entry *e = NULL;
	struct nb_error err = { 0 };
	int status = 0;

	if (cli_open(c, &err))
		return cli_fail(&err);
	e = entry_new(NB_EXPERIMENT);
	e->u.experiment = x->x;
	memset(&x->x, 0, sizeof x->x);
	if (parse_term("practice", NB_VOCAB_PRACTICE, practice, &e->u.experiment.practice, &err) ||
	    (!e->u.experiment.outcome && which_outcome(&err))) {
		status = cli_fail(&err);
	} else if (app_experiment_start(&c->app, e, x->day, &err)) {
		status = strcmp(err.field, "experiment") == 0
			? cli_usage("experiment", "%s", _("One experiment at a time: stop the one that runs first (nabij experiment stop)."))
			: strcmp(err.field, "washout-days") == 0 || strcmp(err.field, "words") == 0
			? cli_usage("experiment", "%s", err.msg)	/* --help says how */
			: cli_fail(&err);
	} else {
		out_saved(c, e);
		out_wrapped(stdout, exp_why_chance_text(), 0, 76);
		printf("\n");
		plan(c, e);
	}
	entry_free(e);
	return status;
}

int cmd_experiment(struct cli *c, int argc, char **argv)
{
	struct ctx x = { 0 };
	struct nb_error err = { 0 };
	struct nb_entry *e = NULL;
	char **args = NULL, today[NB_DAY_LEN];
	int nargs = 0, status = 0;
	const char *what;

	if (flags_parse(argc, argv, opts, apply, &x, &args, &nargs, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	what = nargs ? args[0] : "";
	if (strcmp(what, "start") == 0) {
		status = nargs == 2 ? start(c, &x, args[1])
				    : cli_usage("experiment", "%s", _("Which practice? For example: nabij experiment start embrace --outcome tension"));
		goto out;
	}
	if (cli_open(c, &err) || app_experiment(&c->app, &e, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	if (!e && strcmp(what, "result") == 0 && (app_experiment_last(&c->app, &e, &err) || e)) {
		status = e ? show(c, e, true) : cli_fail(&err);	/* the answer of the last one, stopped too */
		goto out;
	}
	if (!e) {
		out_wrapped(stdout, _("No experiment runs now. An experiment tries one practice on your own life: periods with it and without it, in an order drawn by chance, and then a comparison of how you were. Start one with: nabij experiment start PRACTICE --outcome OUTCOME (see nabij experiment --help)."),
			    0, 76);
		goto out;
	}
	nb_day_key(nb_stamp_local(c->app.now), today);
	if (!*what || strcmp(what, "result") == 0) {
		status = show(c, e, *what != 0);
	} else if (strcmp(what, "plan") == 0) {
		plan(c, e);
	} else if (strcmp(what, "yes") == 0 || strcmp(what, "no") == 0) {
		if (app_experiment_answer(&c->app, e, x.day ? x.day : today, strcmp(what, "yes") == 0, &err))
			status = cli_fail(&err);
		else
			printf("%s\n", strcmp(what, "yes") == 0 ? _("Noted: done that day.") : _("Noted: not that day. That is fine; it counts as it went."));
	} else if (strcmp(what, "pause") == 0 || strcmp(what, "resume") == 0 || strcmp(what, "stop") == 0) {
		xstrset(&e->u.experiment.state, strcmp(what, "pause") == 0 ? "paused" : strcmp(what, "stop") == 0 ? "stopped" : "running");
		if (app_update(&c->app, e, &err))
			status = cli_fail(&err);
		else
			printf("%s\n", strcmp(what, "pause") == 0 ? _("Paused. Resume whenever you like.")
				       : strcmp(what, "stop") == 0 ? _("Stopped. What you noted stays yours; there is nothing to make up for.")
								   : _("Running again."));
	} else {
		status = cli_usage("experiment", _("\"%s\" is not understood here."), what);
	}
out:
	entry_free(e);
	xstrset(&x.x.outcome, NULL);
	xstrset(&x.x.words, NULL);
	xstrset(&x.x.seed, NULL);
	free(args);
	return status;
}
