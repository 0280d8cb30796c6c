/* The insights: factors, comparisons and their words; see insight.h. */
#include "insight.h"
#include "i18n.h"
#include "vocab.h"
#include "xalloc.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int factor_index(struct nb_insights *in, char kind, const char *term)
{
	for (int i = 0; i < in->nfactors; i++)
		if (in->factors[i].kind == kind && strcmp(in->factors[i].term, term) == 0)
			return i;
	if (in->nfactors == NB_FACTORS_MAX)
		return -1;
	in->factors[in->nfactors].kind = kind;
	snprintf(in->factors[in->nfactors].term, sizeof in->factors[0].term, "%s", term);
	return in->nfactors++;
}

/*
 * The same lookup for the tens of thousands of facts of a long period:
 * a small table by the term's pointer (the store interns its terms, so
 * equal terms share one), falling back to factor_index when it is full.
 */
#define FACTOR_SLOTS 256

struct factor_slot {
	const char *key;
	char kind;
	int index;
};

static int factor_of(struct nb_insights *in, struct factor_slot *tab, size_t *used, char kind,
		     const char *term)
{
	size_t h = ((uintptr_t)term >> 3 ^ (size_t)(unsigned char)kind * 97u) % FACTOR_SLOTS;
	int k;

	for (; tab[h].key; h = (h + 1) % FACTOR_SLOTS)
		if (tab[h].key == term && tab[h].kind == kind)
			return tab[h].index;
	k = factor_index(in, kind, term);
	if (*used < FACTOR_SLOTS / 2) {
		tab[h] = (struct factor_slot){ term, kind, k };
		(*used)++;
	}
	return k;
}

/* The broader a factor, the higher: a moment kind says more than "a
 * moment of connection" when both fall on the very same days. */
static int breadth(char kind)
{
	return kind == NB_FACT_ANY_MOMENT ? 2 : kind == NB_FACT_TOUCH ? 1 : 0;
}

/* Whether factor fi falls on exactly the days of another factor that says
 * more; then comparing both would show one pattern twice. */
static bool shadowed(const struct nb_insights *in, const uint64_t *mask, size_t ndays, int fi)
{
	for (int fj = 0; fj < in->nfactors; fj++) {
		int bi = breadth(in->factors[fi].kind), bj = breadth(in->factors[fj].kind);
		size_t d;
		if (fj == fi || bj > bi || (bj == bi && fj > fi))
			continue;
		for (d = 0; d < ndays; d++)
			if ((mask[d] >> fi & 1) != (mask[d] >> fj & 1))
				break;
		if (d == ndays)
			return true;
	}
	return false;
}

/* How far the interval lies from no difference: 0 when it holds zero. */
static double strength(const struct nb_finding *f)
{
	if (f->d.low > 0)
		return f->d.low;
	if (f->d.high < 0)
		return -f->d.high;
	return 0;
}

static int by_strength(const void *a, const void *b)
{
	const struct nb_finding *x = a, *y = b;
	double sx = strength(x), sy = strength(y);

	if (x->selected != y->selected)
		return x->selected ? -1 : 1;
	if (!x->selected && x->d.p != y->d.p)	/* the rest: the nearest to standing out first */
		return x->d.p < y->d.p ? -1 : 1;
	if (sx != sy)
		return sx < sy ? 1 : -1;
	if (fabs(x->d.g) != fabs(y->d.g))
		return fabs(x->d.g) < fabs(y->d.g) ? 1 : -1;
	if (x->factor != y->factor)
		return x->factor - y->factor;
	if (x->outcome != y->outcome)
		return (int)x->outcome - (int)y->outcome;
	return x->lag - y->lag;
}

static void add_finding(struct nb_insights *in, size_t *cap, const struct nb_finding *f)
{
	if (in->nfindings == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		in->findings = xrealloc(in->findings, *cap * sizeof *in->findings);
	}
	in->findings[in->nfindings++] = *f;
}

/* Running sums of one outcome over a group of days (see stats_summary_sums). */
struct sums {
	size_t n;
	double s, ss;
};

/*
 * Every factor against one outcome at one lag, in one pass over the days:
 * the days with each factor are summed as they come, the days without are
 * all days minus those. A comparison needs NB_MIN_DAYS days on each side.
 */
static void compare_all(struct nb_insights *in, const struct nb_day_outcome *o, const int *at,
			const uint64_t *mask, size_t ndays, const bool *skip, enum nb_measure k,
			int lag, double inflate, size_t *cap)
{
	struct sums with[NB_FACTORS_MAX] = { 0 }, all = { 0 };
	double shift = NAN;

	for (size_t d = 0; d + (size_t)lag < ndays; d++) {
		int j = at[d + (size_t)lag];
		double x;
		if (j < 0 || isnan(o[j].v[k]))
			continue;
		if (isnan(shift))
			shift = o[j].v[k];
		x = o[j].v[k] - shift;
		all.n++, all.s += x, all.ss += x * x;
		for (uint64_t m = mask[d]; m; m &= m - 1) {
			struct sums *w = &with[__builtin_ctzll(m)];
			w->n++, w->s += x, w->ss += x * x;
		}
	}
	for (int fi = 0; fi < in->nfactors; fi++) {
		struct nb_finding fd = { .factor = fi, .outcome = k, .lag = lag };
		struct nb_summary a, b;
		if (skip[fi])
			continue;
		fd.with = with[fi].n;
		fd.without = all.n - with[fi].n;
		if (fd.with < NB_MIN_DAYS || fd.without < NB_MIN_DAYS)
			continue;
		stats_summary_sums(fd.with, with[fi].s, with[fi].ss, shift, &a);
		stats_summary_sums(fd.without, all.s - with[fi].s, all.ss - with[fi].ss, shift, &b);
		stats_difference_dep(&a, &b, inflate, &fd.d);
		if (!fd.d.defined)
			continue;
		in->tried++;
		add_finding(in, cap, &fd);
	}
}

/*
 * Days follow each other: a hard week makes several low days in a row, so
 * n days of an outcome hold less than n independent days' worth. For each
 * outcome the lag-1 autocorrelation r over the calendar (neighbouring days
 * that both have a check-in) gives the inflation (1 + r) / (1 - r) of the
 * variance of a mean of such days (the AR(1) effective sample size, n (1 -
 * r) / (1 + r)); both sides of every comparison count as that many days.
 * This is conservative when the days with a factor are spread out, and
 * close when they come in runs, as moments clustered in weeks do. A block
 * bootstrap by week would also respect the dependence, but it needs
 * thousands of resamples per comparison over years of days; the effective
 * sample size is one pass and keeps Welch's interval.
 */
static double dependence(struct nb_insights *in, const struct nb_day_outcome *o, const int *at,
			 size_t ndays, enum nb_measure k)
{
	double *v = xmalloc(ndays * sizeof *v), r;

	for (size_t d = 0; d < ndays; d++)
		v[d] = at[d] >= 0 ? o[at[d]].v[k] : NAN;
	r = stats_lag1(v, ndays);
	free(v);
	in->lag1[k] = r;
	return stats_inflation(r);
}

/*
 * Of all comparisons tried, the ones that stand out: Benjamini-Hochberg at
 * NB_FDR over their p-values, so that among the findings shown about one in
 * ten at most is expected to be chance however many things were compared.
 * A selected finding's interval is widened to 1 - NB_FDR * R / m (R
 * selected of m tried), the false-coverage-rate interval of Benjamini and
 * Yekutieli (2005), so that it is honest after the selection.
 */
static void select_findings(struct nb_insights *in)
{
	double *p = xmalloc((in->nfindings ? in->nfindings : 1) * sizeof *p);
	bool *keep = xmalloc((in->nfindings ? in->nfindings : 1) * sizeof *keep);

	for (size_t i = 0; i < in->nfindings; i++)
		p[i] = in->findings[i].d.p;
	in->selected = stats_bh(p, in->nfindings, NB_FDR, keep);
	in->level = in->nfindings ? 1 - NB_FDR * (double)in->selected / (double)in->nfindings : 0.95;
	for (size_t i = 0; i < in->nfindings; i++) {
		in->findings[i].selected = keep[i];
		if (keep[i])
			stats_interval(&in->findings[i].d, in->level);
	}
	free(keep);
	free(p);
}

void insights_build(const struct nb_day_outcome *o, size_t no, const struct nb_fact *f,
		    size_t nf, const char *const *ex_ids, const double *before,
		    const double *after, size_t nsessions, struct nb_insights *out)
{
	uint64_t *mask;
	int *at;
	size_t ndays, cap = 0;

	memset(out, 0, sizeof *out);
	out->days = no;
	if (no) {
		bool skip[NB_FACTORS_MAX];
		struct factor_slot tab[FACTOR_SLOTS] = { 0 };
		size_t used = 0;
		ndays = (size_t)(o[no - 1].day - o[0].day) + 1;
		mask = xcalloc(ndays, sizeof *mask);
		at = xmalloc(ndays * sizeof *at);
		for (size_t i = 0; i < ndays; i++)
			at[i] = -1;
		for (size_t i = 0; i < no; i++)
			at[o[i].day - o[0].day] = (int)i;
		for (size_t i = 0; i < nf; i++) {
			int k, d = f[i].day - o[0].day;
			if (d < 0 || (size_t)d >= ndays)
				continue;
			if (f[i].kind == NB_FACT_MOMENT &&
			    (k = factor_of(out, tab, &used, NB_FACT_ANY_MOMENT, "")) >= 0)
				mask[d] |= (uint64_t)1 << k;
			if ((k = factor_of(out, tab, &used, f[i].kind, f[i].term)) >= 0)
				mask[d] |= (uint64_t)1 << k;
		}
		for (int fi = 0; fi < out->nfactors; fi++)
			skip[fi] = shadowed(out, mask, ndays, fi);
		for (int k = 0; k < NB_M__COUNT; k++) {
			double inflate = dependence(out, o, at, ndays, (enum nb_measure)k);
			for (int lag = 0; lag <= 1; lag++)
				compare_all(out, o, at, mask, ndays, skip, (enum nb_measure)k, lag, inflate, &cap);
		}
		select_findings(out);
		if (out->nfindings)
			qsort(out->findings, out->nfindings, sizeof *out->findings, by_strength);
		free(mask);
		free(at);
	}
	for (size_t i = 0; i < nsessions; i++) {
		struct nb_exercise_change *x = NULL;
		for (size_t k = 0; k < out->nexercises && !x; k++)
			if (strcmp(out->exercises[k].exercise, ex_ids[i]) == 0)
				x = &out->exercises[k];
		if (!x) {
			out->exercises = xrealloc(out->exercises, (out->nexercises + 1) * sizeof *out->exercises);
			x = &out->exercises[out->nexercises++];
			memset(x, 0, sizeof *x);
			snprintf(x->exercise, sizeof x->exercise, "%s", ex_ids[i]);
		}
		x->n++;
	}
	for (size_t k = 0; k < out->nexercises; k++) {
		struct nb_exercise_change *x = &out->exercises[k];
		double *b = xmalloc(x->n * sizeof *b), *a = xmalloc(x->n * sizeof *a);
		size_t n = 0;
		for (size_t i = 0; i < nsessions; i++)
			if (strcmp(ex_ids[i], x->exercise) == 0) {
				b[n] = before[i];
				a[n++] = after[i];
			}
		stats_paired(b, a, n, &x->d);
		free(a);
		free(b);
	}
}

void insights_free(struct nb_insights *in)
{
	free(in->findings);
	free(in->exercises);
	memset(in, 0, sizeof *in);
}

const char *outcome_label(enum nb_measure o)
{
	return _(measure_info(o)->name);
}

void factor_label(const struct nb_factor *f, char *buf, size_t size)
{
	switch (f->kind) {
	case NB_FACT_ANY_MOMENT: snprintf(buf, size, "%s", _("a moment of connection")); break;
	case NB_FACT_MOMENT: snprintf(buf, size, _("the moment \"%s\""), vocab_label(NB_VOCAB_MOMENT_KIND, f->term)); break;
	case NB_FACT_TOUCH: snprintf(buf, size, "%s", _("a wanted touch")); break;
	case NB_FACT_EXERCISE: snprintf(buf, size, "%s", _("an exercise")); break;
	case NB_FACT_CONTACT: snprintf(buf, size, _("contact with %s"), f->term); break;
	case NB_FACT_NEED: snprintf(buf, size, _("the need \"%s\""), vocab_label(NB_VOCAB_NEED, f->term)); break;
	default: snprintf(buf, size, "%s", _("a trigger")); break;
	}
}

void finding_sentence(const struct nb_insights *in, const struct nb_finding *f, char *buf,
		      size_t size)
{
	char factor[128], diff[NB_DEC_LEN], lo[NB_DEC_LEN], hi[NB_DEC_LEN];
	const char *outcome = outcome_label(f->outcome);
	double d = f->d.diff;

	factor_label(&in->factors[f->factor], factor, sizeof factor);
	nb_dec2(fabs(d), diff);
	nb_dec2(f->d.low, lo);
	nb_dec2(f->d.high, hi);
	if (f->lag == 0)
		snprintf(buf, size,
			 d >= 0 ? _("On days with %s, your %s was %s higher (likely between %s and %s; %zu days with, %zu without).")
				: _("On days with %s, your %s was %s lower (likely between %s and %s; %zu days with, %zu without)."),
			 factor, outcome, diff, lo, hi, f->with, f->without);
	else
		snprintf(buf, size,
			 d >= 0 ? _("The day after %s, your %s was %s higher (likely between %s and %s; %zu days after, %zu others).")
				: _("The day after %s, your %s was %s lower (likely between %s and %s; %zu days after, %zu others)."),
			 factor, outcome, diff, lo, hi, f->with, f->without);
}

void exercise_sentence(const struct nb_exercise_change *e, char *buf, size_t size)
{
	char d[NB_DEC_LEN], lo[NB_DEC_LEN], hi[NB_DEC_LEN];
	const char *name = vocab_label(NB_VOCAB_EXERCISE, e->exercise);

	if (e->d.defined && e->d.low < 0 && e->d.high > 0)	/* crossing zero: no "lower" to say */
		snprintf(buf, size,
			 ngettext("%s: no clear difference in tension afterwards yet (likely between %s and %s; %zu time).",
				  "%s: no clear difference in tension afterwards yet (likely between %s and %s; %zu times).", e->n),
			 name, nb_dec2(e->d.low, lo), nb_dec2(e->d.high, hi), e->n);
	else if (e->d.defined)
		snprintf(buf, size,
			 ngettext("%s: tension %s %s afterwards (likely between %s and %s; %zu time).",
				  "%s: tension %s %s afterwards (likely between %s and %s; %zu times).", e->n),
			 name, nb_dec2(fabs(e->d.diff), d), e->d.diff <= 0 ? _("lower") : _("higher"),
			 nb_dec2(e->d.low, lo), nb_dec2(e->d.high, hi), e->n);
	else
		snprintf(buf, size, ngettext("%s: %zu time so far; more are needed to say something.",
					     "%s: %zu times so far; more are needed to say something.", e->n),
			 name, e->n);
}

size_t insights_shown(const struct nb_insights *in)
{
	return in->selected < NB_FINDINGS_SHOWN ? in->selected : NB_FINDINGS_SHOWN;
}

double insights_span(const struct nb_insights *in)
{
	double span = 0.5;

	for (size_t i = 0; i < insights_shown(in); i++)
		span = fmax(span, fmax(fabs(in->findings[i].d.low), fabs(in->findings[i].d.high)));
	return span;
}

void insights_wait_sentence(char *buf, size_t size)
{
	snprintf(buf, size,
		 _("Not enough days yet to compare: a difference is shown once there are at least %d days with and %d without something. Keep noting, at your own pace."),
		 NB_MIN_DAYS, NB_MIN_DAYS);
}

void insights_tried_sentence(const struct nb_insights *in, char *buf, size_t size)
{
	char what[400];

	snprintf(what, sizeof what,
		 ngettext("nabij compared %zu thing on your days.", "nabij compared %zu things on your days.",
			  in->tried), in->tried);
	if (!in->selected)
		snprintf(buf, size, "%s %s", what,
			 _("None of them stands out from what chance alone would give: no clear difference yet. That is an answer too, and it can change as days are added."));
	else {
		char rest[400];
		snprintf(rest, sizeof rest,
			 ngettext("%zu stands out enough to show; among such findings at most about one in ten may still be chance. The others showed no clear difference.",
				  "%zu stand out enough to show; among such findings at most about one in ten may still be chance. The others showed no clear difference.",
				  in->selected), in->selected);
		snprintf(buf, size, "%s %s", what, rest);
	}
}

const char *insights_drawing_sentence(void)
{
	return _("The dot is the difference; the bar around it is where it may well lie, made wider for the number of comparisons; the upright line is no difference at all.");
}

static const struct nb_howto howto[] = {
	{ N_("What a finding says"),
	  N_("A finding compares your own days: the days with something (a hug, a walk with someone, an exercise, a need you named) against the days without it. It says how much your mood, connection, tension, energy or sleep differed on average, on the same day or the day after.") },
	{ N_("What the interval means"),
	  N_("Days vary, so every difference comes with an interval: the range where the real difference on your days may well lie. When the interval lies wholly above or below zero, the difference is clear; when it holds zero, it may be nothing.") },
	{ N_("Why so few are shown"),
	  N_("nabij compares many things at once, and by chance alone some of them would look like a pattern. So it shows only the comparisons that stand out from what chance would give, with an interval made wider for how many things were compared. Among the findings shown, at most about one in ten may still be chance. Days also follow each other, a hard week brings several hard days, so nabij counts a run of similar days as fewer days' worth.") },
	{ N_("A pattern is not a cause"),
	  N_("A difference tells that two things went together in your days, not that one caused the other. A hug may lift your mood, or a better mood may make a hug easier, or a third thing, like a free day, may bring both. What you notice yourself counts as much as any number here.") },
	{ N_("When nothing stands out"),
	  N_("No clear difference is an answer too. It can mean there is none, or that there are not enough days yet. Keep noting at your own pace; a practice can do you good without showing up here.") },
};

struct nb_howto insights_howto(size_t i)
{
	if (i >= sizeof howto / sizeof howto[0])
		return (struct nb_howto){ NULL, NULL };
	return (struct nb_howto){ _(howto[i].title), _(howto[i].text) };
}

void insights_caveat_sentence(char *buf, size_t size)
{
	snprintf(buf, size, _("These are patterns in your own days, not proof of what causes what. A difference is shown only with at least %d days on each side."), NB_MIN_DAYS);
}
