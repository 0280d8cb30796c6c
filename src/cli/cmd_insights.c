/*
 * nabij insights: what goes with this person's better and harder days, in
 * their own data, with the size of each difference, its 95% interval and
 * the days it rests on; never more than the data can carry.
 */
#include "cli.h"
#include "flags.h"
#include "core/describe.h"
#include "core/i18n.h"
#include "core/insight.h"
#include "core/vocab.h"
#include "io/io.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { O_SINCE = OPT_BASE, O_UNTIL };

static const struct option opts[] = {
	{ "since", required_argument, NULL, O_SINCE },
	{ "until", required_argument, NULL, O_UNTIL },
	{ 0 },
};

struct period {
	const char *since, *until;
};

static enum nb_err apply(void *ctx, int opt, const char *arg, struct nb_error *err)
{
	struct period *x = ctx;
	enum nb_err rc;

	if (opt != O_SINCE && opt != O_UNTIL)
		return NB_EUSAGE;
	if ((rc = nb_day_parse(arg, opt == O_SINCE ? "since" : "until", err)))
		return rc;
	*(opt == O_SINCE ? &x->since : &x->until) = arg;
	return NB_OK;
}

/* The stable name of a kind of factor in the JSON output. */
static const char *factor_name(char kind)
{
	switch (kind) {
	case NB_FACT_MOMENT: return "moment";
	case NB_FACT_TOUCH: return "wanted_touch";
	case NB_FACT_EXERCISE: return "exercise";
	case NB_FACT_CONTACT: return "circle_contact";
	case NB_FACT_NEED: return "need";
	case NB_FACT_TRIGGER: return "trigger";
	default: return "any_moment";
	}
}

static void print_json(const struct nb_insights *in)
{
	static const char *const outcomes[] = { "mood", "tension", "energy", "sleep_quality", "sleep_hours" };

	printf("{\"days\": %zu, \"tried\": %zu, \"min_days\": %d, \"findings\": [", in->days, in->tried, NB_MIN_DAYS);
	for (size_t i = 0; i < in->nfindings; i++) {
		const struct nb_finding *f = &in->findings[i];
		char *term = io_json_string(in->factors[f->factor].term);
		printf("%s\n  {\"factor\": \"%s\", \"term\": %s, \"outcome\": \"%s\", \"lag\": %d, \"difference\": %.4f,"
		       " \"low\": %.4f, \"high\": %.4f, \"hedges_g\": %.4f, \"days_with\": %zu, \"days_without\": %zu}",
		       i ? "," : "", factor_name(in->factors[f->factor].kind), term, outcomes[f->outcome], f->lag, f->d.diff,
		       f->d.low, f->d.high, f->d.g, f->with, f->without);
		free(term);
	}
	printf("], \"exercises\": [");
	for (size_t i = 0; i < in->nexercises; i++) {
		const struct nb_exercise_change *x = &in->exercises[i];
		printf("%s\n  {\"exercise\": \"%s\", \"sessions\": %zu, \"tension_change\": %.4f, \"low\": %.4f,"
		       " \"high\": %.4f, \"defined\": %s}",
		       i ? "," : "", x->exercise, x->n, x->d.diff, x->d.low, x->d.high,
		       x->d.defined ? "true" : "false");
	}
	printf("]}\n");
}

int cmd_insights(struct cli *c, int argc, char **argv)
{
	struct period x = { 0 };
	struct nb_error err = { 0 };
	struct nb_insights in;
	char **args = NULL, line[600];
	int nargs, status = 0;

	if (flags_parse(argc, argv, opts, apply, &x, &args, &nargs, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	if (nargs) {
		status = cli_usage("insights", _("\"%s\" is not understood here."), args[0]);
		goto out;
	}
	if (cli_open(c, &err) || app_insights(&c->app, x.since ? x.since : "0000-01-01",
					      x.until ? x.until : "9999-12-31", &in, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	if (c->json) {
		print_json(&in);
		insights_free(&in);
		goto out;
	}
	printf("%s%s%s\n", style_bold(c), _("What goes with your days"), style_reset(c));
	printf(ngettext("Based on %zu day with a check-in.\n", "Based on %zu days with a check-in.\n", in.days), in.days);
	if (!in.nfindings) {
		insights_wait_sentence(line, sizeof line);
		out_wrapped(stdout, line, 0, 76);
	}
	for (size_t i = 0; i < insights_shown(&in); i++) {
		finding_sentence(&in, &in.findings[i], line, sizeof line);
		out_hanging(stdout, "  - ", line, 76);
	}
	if (in.nfindings) {
		insights_tried_sentence(&in, line, sizeof line);
		printf("\n");
		out_wrapped(stdout, line, 0, 76);
	}
	if (in.nexercises) {
		printf("\n%s%s%s\n", style_bold(c), _("Exercises and your tension"), style_reset(c));
		for (size_t i = 0; i < in.nexercises; i++) {
			exercise_sentence(&in.exercises[i], line, sizeof line);
			out_hanging(stdout, "  - ", line, 76);
		}
	}
	printf("\n");
	insights_caveat_sentence(line, sizeof line);
	out_wrapped(stdout, line, 0, 76);
	insights_free(&in);
out:
	free(args);
	return status;
}
