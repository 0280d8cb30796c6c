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
#include "core/series.h"
#include "core/vocab.h"
#include "io/io.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct period {
	const char *since, *until;
};

static const struct opt opts[] = {
	{ "since", OPT_DAY, .at = offsetof(struct period, since) },
	{ "until", OPT_DAY, .at = offsetof(struct period, until) },
	{ 0 },
};

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


#define TREND_SHOWN 8	/* the weeks the terminal shows */

static void json_number(double v)
{
	if (isnan(v))
		printf("null");
	else
		printf("%.4f", v);
}

static void json_terms(const char *name, const struct nb_term_count *t, size_t n)
{
	printf(", \"%s\": [", name);
	for (size_t i = 0; i < n; i++) {
		char *term = io_json_string(t[i].term);
		printf("%s{\"term\": %s, \"n\": %d}", i ? ", " : "", term, t[i].n);
		free(term);
	}
	printf("]");
}

/* The trends and recurring terms, as members of the JSON object. */
static void print_json_trends(const struct nb_trend *t, const struct nb_charts *c)
{
	printf(", \"weeks\": {\"from\": \"%s\", \"count\": %d, \"smoothing_weeks\": %d", t->monday, t->weeks,
	       NB_TREND_WEEKS);
	for (int s = 0; s < NB_M__COUNT; s++) {
		printf(",\n  \"%s\": {\"mean\": [", measure_info((enum nb_measure)s)->id);
		for (int k = 0; k < t->weeks; k++) {
			printf(k ? ", " : "");
			json_number(t->mean[s][k]);
		}
		printf("], \"days\": [");
		for (int k = 0; k < t->weeks; k++)
			printf("%s%d", k ? ", " : "", t->days[s][k]);
		printf("], \"trend\": [");
		for (int k = 0; k < t->weeks; k++) {
			printf(k ? ", " : "");
			json_number(t->smooth[s][k]);
		}
		printf("]}");
	}
	printf("}");
	json_terms("needs", c->terms.v[NB_TERMS_NEEDS], c->terms.n[NB_TERMS_NEEDS]);
	json_terms("trigger_emotions", c->terms.v[NB_TERMS_TRIGGER_EMOTIONS], c->terms.n[NB_TERMS_TRIGGER_EMOTIONS]);
	json_terms("trigger_needs", c->terms.v[NB_TERMS_TRIGGER_NEEDS], c->terms.n[NB_TERMS_TRIGGER_NEEDS]);
}

/* The trend of the last weeks, one row per scale, and what comes back. */
static void print_trends(struct cli *c, const struct nb_trend *t, const struct nb_charts *ch)
{
	const struct { const char *title; enum nb_vocab v; const struct nb_term_count *t; size_t n; } lists[] = {
		{ _("Needs you named"), NB_VOCAB_NEED, ch->terms.v[NB_TERMS_NEEDS], ch->terms.n[NB_TERMS_NEEDS] },
		{ _("Emotions in the trigger diary"), NB_VOCAB_EMOTION, ch->terms.v[NB_TERMS_TRIGGER_EMOTIONS], ch->terms.n[NB_TERMS_TRIGGER_EMOTIONS] },
		{ _("Needs under the triggers"), NB_VOCAB_NEED, ch->terms.v[NB_TERMS_TRIGGER_NEEDS], ch->terms.n[NB_TERMS_TRIGGER_NEEDS] },
	};
	int first = t->weeks > TREND_SHOWN ? t->weeks - TREND_SHOWN : 0, label = 0;
	char line[600], from[NB_DAY_LEN];

	if (t->weeks) {
		nb_day_add(t->monday, 7 * first, from);
		printf("\n%s%s%s\n", style_bold(c), _("Week by week"), style_reset(c));
		snprintf(line, sizeof line,
			 _("The trend of the last weeks, from the week of %s: each number is the mean of the check-ins of the five weeks around that week, so one hard or easy week does not hide the direction."),
			 from);
		out_wrapped(stdout, line, 0, 76);
		for (int s = 0; s < NB_M__COUNT; s++) {	/* as wide as the scales shown */
			int any = 0;
			for (int k = first; k < t->weeks; k++)
				any += !isnan(t->smooth[s][k]);
			if (any && out_text_width(series_label((enum nb_measure)s)) > label)
				label = out_text_width(series_label((enum nb_measure)s));
		}
		for (int s = 0; s < NB_M__COUNT; s++) {
			const char *name = series_label((enum nb_measure)s);
			int any = 0;
			for (int k = first; k < t->weeks; k++)
				any += !isnan(t->smooth[s][k]);
			if (!any)	/* a scale not answered in these weeks */
				continue;
			printf("  %s%*s", name, label - out_text_width(name), "");
			for (int k = first; k < t->weeks; k++) {
				char d[NB_DEC_LEN];
				printf(" %5s", isnan(t->smooth[s][k]) ? "-" : nb_dec1(t->smooth[s][k], d));
			}
			printf("\n");
		}
	}
	if (!ch->terms.n[NB_TERMS_NEEDS] && !ch->terms.n[NB_TERMS_TRIGGER_EMOTIONS] && !ch->terms.n[NB_TERMS_TRIGGER_NEEDS])
		return;
	printf("\n%s%s%s\n", style_bold(c), _("What comes back"), style_reset(c));
	for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++) {
		size_t len = 0;
		if (!lists[l].n)
			continue;
		len += (size_t)snprintf(line, sizeof line, "%s:", lists[l].title);
		for (size_t i = 0; i < lists[l].n && i < 6 && len < sizeof line; i++)
			len += (size_t)snprintf(line + len, sizeof line - len, "%s %s %d", i ? "," : "",
						vocab_label(lists[l].v, lists[l].t[i].term), lists[l].t[i].n);
		out_hanging(stdout, "  - ", line, 76);
	}
}

static void print_json(const struct nb_insights *in, const struct nb_trend *t, const struct nb_charts *c)
{

	printf("{\"days\": %zu, \"tried\": %zu, \"selected\": %zu, \"false_discovery_rate\": %.2f,"
	       " \"selected_level\": %.6f, \"min_days\": %d, \"autocorrelation\": {",
	       in->days, in->tried, in->selected, NB_FDR, in->level, NB_MIN_DAYS);
	for (int m = 0; m < NB_M__COUNT; m++)
		printf("%s\"%s\": %.4f", m ? ", " : "", measure_info((enum nb_measure)m)->id, in->lag1[m]);
	printf("}, \"findings\": [");
	for (size_t i = 0; i < in->nfindings; i++) {	/* every comparison, the selected first */
		const struct nb_finding *f = &in->findings[i];
		char *term = io_json_string(in->factors[f->factor].term);
		printf("%s\n  {\"factor\": \"%s\", \"term\": %s, \"outcome\": \"%s\", \"lag\": %d, \"difference\": %.4f,"
		       " \"low\": %.4f, \"high\": %.4f, \"level\": %.6f, \"p\": %.6f, \"selected\": %s,"
		       " \"hedges_g\": %.4f, \"days_with\": %zu, \"days_without\": %zu}",
		       i ? "," : "", factor_name(in->factors[f->factor].kind), term, measure_info(f->outcome)->id, f->lag, f->d.diff,
		       f->d.low, f->d.high, f->d.level, f->d.p, f->selected ? "true" : "false", f->d.g, f->with, f->without);
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
	printf("]");
	print_json_trends(t, c);
	printf("}\n");
}

int cmd_insights(struct cli *c, int argc, char **argv)
{
	struct period x = { 0 };
	struct nb_error err = { 0 };
	struct nb_insights in;
	struct nb_charts ch;
	struct nb_trend t;
	char **args = NULL, line[600];
	int nargs, status = 0;

	if (opts_parse(argc, argv, opts, &x, &args, &nargs, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	if (nargs) {
		status = cli_usage("insights", _("\"%s\" is not understood here."), args[0]);
		goto out;
	}
	if (!x.since)
		x.since = "0000-01-01";
	if (!x.until)
		x.until = "9999-12-31";
	if (cli_open(c, &err) || app_overview(&c->app, x.since, x.until, &ch, &in, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	trend_build(ch.days, ch.ndays, x.since, x.until, &t);
	if (c->json) {
		print_json(&in, &t, &ch);
		goto done;
	}
	printf("%s%s%s\n", style_bold(c), _("What goes with your days"), style_reset(c));
	printf(ngettext("Based on %zu day with a check-in.\n", "Based on %zu days with a check-in.\n", in.days), in.days);
	if (!in.tried) {
		insights_wait_sentence(line, sizeof line);
		out_wrapped(stdout, line, 0, 76);
	}
	for (size_t i = 0; i < insights_shown(&in); i++) {
		finding_sentence(&in, &in.findings[i], line, sizeof line);
		out_hanging(stdout, "  - ", line, 76);
	}
	if (in.tried) {
		insights_tried_sentence(&in, line, sizeof line);
		if (insights_shown(&in))
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
	print_trends(c, &t, &ch);
	printf("\n");
	insights_caveat_sentence(line, sizeof line);
	out_wrapped(stdout, line, 0, 76);
	out_wrapped(stdout, _("How to read this: nabij help insights."), 0, 76);
done:
	trend_free(&t);
	charts_free(&ch);
	insights_free(&in);
out:
	free(args);
	return status;
}
