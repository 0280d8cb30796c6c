/*
 * The personal experiment (/experiment, docs/EXPERIMENT.md): set one up,
 * see today's kind of day and the whole plan, say whether you did it, pause
 * or stop, and read the answer (provisional while it runs). The schedule
 * and the analysis are core's (experiment.c), the days the app's.
 */
#include "page.h"
#include "core/experiment.h"
#include "core/i18n.h"
#include "core/vocab.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void setup_form(struct page *p)
{
	struct nb_entry *e = entry_new(NB_EXPERIMENT);	/* what the form offers first */
	const struct rows_look look = { .klass = "experiment", .button = _("Set up the experiment") };

	e->u.experiment.outcome = xstrdup("tension");
	e->u.experiment.pairs = NB_EXP_PAIRS_DEFAULT;
	e->u.experiment.period_days = NB_EXP_DAYS_DEFAULT;
	h(p, "<p class=\"intro\">%s</p><p>%s</p>",
	  _("An experiment tries one practice on your own life: periods with it and periods without it, and then a comparison of how you were on those days."),
	  exp_why_chance_text());
	rows_form(p, e, NB_EXPERIMENT, "/experiment", &look);
	h(p, "<p class=\"quiet\">%s</p>",
	  _("One experiment at a time. You can pause or stop it whenever you like, without any reproach; what you noted stays yours."));
	entry_free(e);
}

/* A new experiment from the posted form, its rows; its rules are the app's. */
static enum nb_err start(struct page *p)
{
	struct nb_entry *e = entry_new(NB_EXPERIMENT);
	enum nb_err rc;

	if (!(rc = entry_from_form(p, e)) && !(rc = app_experiment_start(p->app, e, NULL, &p->err)))
		page_redirect(p, "/experiment?saved=%lld", (long long)e->id);
	entry_free(e);
	return rc;
}

/* Pause, resume, stop, or the day's answer. */
static enum nb_err change(struct page *p, struct nb_entry *e)
{
	const char *what = fval(p, "do");

	if (!what)
		return nb_error_set(&p->err, NB_EINVAL, "do", "%s", _("That is not something this page can do."));
	if (strcmp(what, "yes") == 0 || strcmp(what, "no") == 0) {
		if (app_experiment_answer(p->app, e, p->today, strcmp(what, "yes") == 0, &p->err))
			return p->err.code;
	} else if (strcmp(what, "pause") == 0 || strcmp(what, "resume") == 0 || strcmp(what, "stop") == 0) {
		xstrset(&e->u.experiment.state, strcmp(what, "pause") == 0 ? "paused" : strcmp(what, "stop") == 0 ? "stopped" : "running");
		if (app_update(p->app, e, &p->err))
			return p->err.code;
	} else {
		return nb_error_set(&p->err, NB_EINVAL, "do", "%s", _("That is not something this page can do."));
	}
	page_redirect(p, "/experiment?%s=1", what);
	return NB_OK;
}

static void button(struct page *p, const char *what, const char *label, const char *klass)
{
	form_begin(p, "/experiment", "inline-form");
	h(p, "<input type=\"hidden\" name=\"do\" value=\"%s\"><button type=\"submit\" class=\"%s\">%s</button></form>",
	  what, klass, label);
}

static void running(struct page *p, struct nb_entry *e)
{
	const struct nb_experiment *x = &e->u.experiment;
	struct nb_exp_plan plan;
	struct nb_exp_obs *obs;
	struct nb_exp_result r;
	struct nb_error err = { 0 };
	char line[600], kind[256], day[NB_DAY_LEN];
	const char *outcome = vocab_label(NB_VOCAB_OUTCOME, x->outcome);
	int n = 0, today = exp_index(e, p->today);
	bool complete;

	exp_plan_of(x, &plan);
	complete = today >= exp_plan_days(&plan);
	obs = xcalloc((size_t)exp_plan_days(&plan), sizeof *obs);
	if (!page_ok(p, app_experiment_days(p->app, e, obs, &n, &err), &err)) {
		free(obs);
		return;
	}
	h(p, "<p class=\"intro\">%s → %s</p>", exp_practice_text(x), outcome);
	h(p, "<p class=\"experiment-today\">%s</p>", exp_today_text(e, p->today, app_checked_in(p->app, p->today), line, sizeof line));
	if (strcmp(x->state, "running") == 0 && today >= 0 && !complete) {
		int answer = exp_answer(x, p->today);
		h(p, "<section aria-labelledby=\"did-h\"><h2 id=\"did-h\">%s</h2>", _("Did you do it today?"));
		if (answer >= 0)
			h(p, "<p>%s</p>", answer ? _("You said: yes.") : _("You said: not today. That is fine; it counts as it went."));
		h(p, "<p class=\"quiet\">%s</p><div class=\"quick\">",
		  _("Only where your moments and exercises cannot tell. Either answer is welcome."));
		button(p, "yes", _("Yes, I did"), "button");
		button(p, "no", _("No, not today"), "button secondary");
		h(p, "</div></section>");
	}
	exp_analyse(&plan, obs, n, &r);
	h(p, "<section aria-labelledby=\"answer-h\"><h2 id=\"answer-h\">%s</h2>",
	  complete ? _("The answer") : _("A provisional look (the plan is not done yet)"));
	h(p, "<p>%s</p>", exp_estimate_text(_("As planned"), &r.planned, outcome, line, sizeof line));
	if (r.differ)
		h(p, "<p>%s</p>", exp_estimate_text(_("As done"), &r.done, outcome, line, sizeof line));
	h(p, "<p>%s</p>", exp_basis_text(&r, line, sizeof line));
	h(p, "<p class=\"quiet\">%s</p></section>", exp_meaning_text(&r, complete, outcome, line, sizeof line));
	h(p, "<details><summary>%s</summary><ol class=\"plan\">", _("The whole plan, day by day"));
	for (int i = 0; i < exp_plan_days(&plan); i++) {
		nb_day_add(e->day, i, day);
		h(p, "<li%r><span class=\"when\">%s</span> %s%s</li>", i == today ? " aria-current=\"date\"" : "", day,
		  exp_day_text(&plan, i, x, kind, sizeof kind), exp_day(&plan, i).washout ? _(" (settling: not compared)") : "");
	}
	h(p, "</ol></details>");
	if (strcmp(x->state, "stopped") == 0) {
		free(obs);
		return;
	}
	h(p, "<div class=\"quick\">");
	if (strcmp(x->state, "paused") == 0)
		button(p, "resume", _("Resume"), "button");
	else if (!complete)
		button(p, "pause", _("Pause"), "button secondary");
	button(p, "stop", complete ? _("Close this experiment") : _("Stop the experiment"), "button secondary");
	h(p, "</div><p class=\"quiet\">%s</p>", _("A day without is never a day of doing without: if you need closeness, take it. That day simply counts as it went."));
	free(obs);
}

void page_experiment(struct page *p)
{
	struct nb_entry *e = NULL;
	struct nb_error err = { 0 };
	static const struct { const char *key, *text; } words[] = {
		{ "saved", N_("Your experiment is set. Try it gently; whatever it shows, you learn something about yourself.") },
		{ "yes", N_("Noted: done today.") },
		{ "no", N_("Noted: not today. That is fine; it counts as it went.") },
		{ "pause", N_("Paused. Resume whenever you like.") },
		{ "resume", N_("Running again.") },
		{ "stop", N_("Stopped. What you noted stays yours; there is nothing to make up for.") },
	};

	if (!page_ok(p, app_experiment(p->app, &e, &err), &err))
		return;
	if (p->posted) {
		if ((e ? change(p, e) : start(p)) == NB_OK) {
			entry_free(e);
			return;
		}
		p->resp->status = 422;
	}
	page_begin(p, _("A personal experiment"), "/experiment");
	h(p, "<h1>%s</h1>", _("A personal experiment"));
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (kvs_get(&p->req->query, words[i].key))
			h(p, "<p class=\"saved\" role=\"status\">%s</p>", _(words[i].text));
	if (e) {
		form_errors(p);
		running(p, e);
	} else {
		struct nb_entry *last = NULL;
		setup_form(p);
		if (page_ok(p, app_experiment_last(p->app, &last, &err), &err) && last) {
			h(p, "<h2>%s</h2>", _("Your last experiment"));
			running(p, last);
		}
		entry_free(last);
	}
	h(p, "<p><a href=\"/help/experiment\">%s</a></p>", _("How an experiment works"));
	entry_free(e);
	page_end(p);
}
