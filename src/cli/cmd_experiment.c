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
#include "core/vocab.h"
#include "core/xalloc.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ctx {
	struct rec_ctx rec;	/* first, so that a rec_ctx is one: the experiment to start */
	const char *day;
};

/* The command's own option; --outcome, --pairs, --days, --baseline,
 * --washout, --words, --report and --seed are the rows of an experiment,
 * and -i asks their questions. */
static const struct opt opts[] = {
	{ "day", OPT_DAY, .at = offsetof(struct ctx, day) },
	{ 0 },
};

void cli_terms_text(enum nb_vocab v, struct nb_buf *b)
{
	size_t n;
	const struct nb_term *t = v == NB_VOCAB_OUTCOME ? measure_outcomes(&n) : vocab_terms(v, &n);
	struct nb_buf head = { 0 };

	for (size_t i = 0; i + 1 < n; i++)
		buf_addf(&head, i ? ", %s" : "%s", t[i].id);
	if (n > 1)
		buf_addf(b, _("%s or %s"), head.s, t[n - 1].id);
	else if (n)
		buf_add(b, t[0].id);
	buf_free(&head);
}

void cli_outcomes_text(struct nb_buf *b)
{
	cli_terms_text(NB_VOCAB_OUTCOME, b);
}

static const struct rec_flags experiment_flags = { rec_interactive, rec_apply, NB_EXPERIMENT };

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

/* Start the experiment of the flags with practice, or, when it is NULL,
 * with the answers to the questions of its rows. */
static int start(struct cli *c, struct ctx *x, const char *practice)
{
	struct nb_entry *e = x->rec.e;
	struct nb_error err = { 0 };
	int status = 0;

	if (cli_open(c, &err))
		return cli_fail(&err);
	if (!practice && !rec_ask(&experiment_flags, &x->rec, NULL)) {
		printf("%s\n", _("Nothing was saved."));
		return 0;
	}
	if ((practice && rec_apply(&x->rec, rec_opt(NB_EXPERIMENT, "practice"), practice, &err)) ||
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
	return status;
}

int cmd_experiment(struct cli *c, int argc, char **argv)
{
	struct ctx x = { .rec = { .c = c, .e = entry_new(NB_EXPERIMENT) } };
	struct nb_error err = { 0 };
	struct nb_entry *e = NULL;
	char **args = NULL, today[NB_DAY_LEN];
	int nargs = 0, status = 0;
	const char *what;

	if (rec_parse(argc, argv, opts, &experiment_flags, &x, &args, &nargs, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	what = nargs ? args[0] : "";
	if (strcmp(what, "start") == 0) {
		status = nargs == 2 ? start(c, &x, args[1])
			 : nargs == 1 && (c->tty_in || x.rec.ask) ? start(c, &x, NULL)	/* asked */
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
	entry_free(x.rec.e);
	free(args);
	return status;
}
