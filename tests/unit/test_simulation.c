/*
 * The insights under simulation: histories drawn with a fixed seed, with
 * no effect at all, with one planted effect, and with days that follow each
 * other, run through insights_build as the store hands them over. They
 * check what the insights promise: that chance alone rarely makes a
 * finding, that a real difference of half a point is found, and that the
 * interval shown holds the real difference. The numbers are printed; they
 * are in docs/INSIGHTS.md.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/insight.h"
#include "core/time.h"
#include "core/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HISTORIES 20

#include "draw.h"

/* The factors of a heavy user's days, each with how often it comes. */
static const struct {
	char kind;
	const char *term;
	double p;
} factors[] = {
	{ NB_FACT_MOMENT, "hug", 0.3 }, { NB_FACT_MOMENT, "hand", 0.1 }, { NB_FACT_MOMENT, "arm", 0.1 },
	{ NB_FACT_MOMENT, "self", 0.15 }, { NB_FACT_MOMENT, "animal", 0.15 }, { NB_FACT_MOMENT, "talk", 0.25 },
	{ NB_FACT_MOMENT, "gesture", 0.1 }, { NB_FACT_MOMENT, "massage", 0.05 },
	{ NB_FACT_TOUCH, "", 0.3 }, { NB_FACT_EXERCISE, "", 0.15 },
	{ NB_FACT_CONTACT, "Sam", 0.1 }, { NB_FACT_CONTACT, "Noor", 0.1 }, { NB_FACT_CONTACT, "Mira", 0.1 },
	{ NB_FACT_CONTACT, "Recovery group", 0.1 },
	{ NB_FACT_NEED, "rest", 0.2 }, { NB_FACT_NEED, "contact", 0.2 }, { NB_FACT_NEED, "movement", 0.2 },
	{ NB_FACT_NEED, "boundaries", 0.1 }, { NB_FACT_NEED, "softness", 0.1 }, { NB_FACT_NEED, "safety", 0.1 },
	{ NB_FACT_NEED, "connection", 0.15 }, { NB_FACT_NEED, "appreciation", 0.1 },
	{ NB_FACT_TRIGGER, "", 0.1 },
};
#define NFACTORS (sizeof factors / sizeof factors[0])

struct history {
	struct nb_day_outcome *o;
	size_t no;
	struct nb_fact *f;
	size_t nf, fcap;
};

enum shape {
	INDEPENDENT,	/* every day drawn alone, nothing goes with anything */
	PLANTED,	/* and in one year, a new friend on 30% of the days, mood 0.5 higher then */
	FOLLOWING,	/* mood AR(1) with 0.6, moments clustered in weeks */
};

#define PLANTED_YEAR 3	/* the fourth year of the history */

static void add_fact(struct history *h, int day, char kind, const char *term)
{
	if (h->nf == h->fcap) {
		h->fcap = h->fcap ? h->fcap * 2 : 4096;
		h->f = xrealloc(h->f, h->fcap * sizeof *h->f);
	}
	h->f[h->nf++] = (struct nb_fact){ day, kind, term };
}

/* days of history of the given shape: a check-in every day, as the heavy
 * user of bench/gen.py keeps, except when days follow each other, which
 * also leaves 15% of the days without one (gaps in the series). */
static void draw(struct history *h, int days, enum shape shape)
{
	int first = nb_day_number("2016-01-04");	/* a Monday */
	double mood = 0;
	bool busy = false;

	memset(h, 0, sizeof *h);
	h->o = xcalloc((size_t)days, sizeof *h->o);
	for (int d = 0; d < days; d++) {
		bool friend = false;
		if (d % 7 == 0)
			busy = uniform() < 0.3;	/* a week full of others, or a quiet one */
		for (size_t i = 0; i < NFACTORS; i++) {
			double p = factors[i].p;
			if (shape == FOLLOWING && factors[i].kind == NB_FACT_MOMENT)
				p = busy ? fmin(1, p * 2.5) : p * 0.4;
			if (uniform() < p)
				add_fact(h, first + d, factors[i].kind, factors[i].term);
		}
		if (shape == PLANTED && d / 365 == PLANTED_YEAR && uniform() < 0.3) {
			friend = true;
			add_fact(h, first + d, NB_FACT_CONTACT, "Lotte");
		}
		/* the mood of the day, 3 with a spread of about 1 */
		if (shape == FOLLOWING)
			mood = 0.6 * mood + 0.8 * normal();
		else
			mood = normal();
		if (shape == FOLLOWING && uniform() >= 0.85)
			continue;	/* no check-in that day */
		struct nb_day_outcome *o = &h->o[h->no++];
		o->day = first + d;
		/* each measure's days from a stream of its own (a measure added
		 * leaves the others' draws as they were); one that not everyone
		 * notes (a craving) is not noted here */
		uint64_t kept = draw_state;
		for (int m = 0; m < NB_M__COUNT; m++) {
			draw_state = kept ^ ((uint64_t)(m + 1) * 0xd1b54a32d192ed03ull) ^ (uint64_t)d << 20;
			o->v[m] = measure_info((enum nb_measure)m)->flags & NB_MF_NOTED ? NAN : 3 + normal();
		}
		draw_state = kept;
		o->v[NB_M_MOOD] = 3 + mood + (friend ? 0.5 : 0);
	}
}

static void history_free(struct history *h)
{
	free(h->o);
	free(h->f);
}

static bool planted(const struct nb_insights *in, const struct nb_finding *f)
{
	const struct nb_factor *x = &in->factors[f->factor];

	return x->kind == NB_FACT_CONTACT && !strcmp(x->term, "Lotte") && f->outcome == NB_M_MOOD &&
	       f->lag == 0;
}

struct tally {
	size_t findings, most, tried, found, covered;
};

static void run(enum shape shape, int days, uint64_t seed, struct tally *t)
{
	memset(t, 0, sizeof *t);
	for (int i = 0; i < HISTORIES; i++) {
		struct history h;
		struct nb_insights in;
		size_t chance = 0;

		draw_state = seed * 1000 + (uint64_t)i;
		draw(&h, days, shape);
		insights_build(h.o, h.no, h.f, h.nf, NULL, NULL, NULL, 0, &in);
		t->tried += in.tried;
		for (size_t k = 0; k < in.selected; k++) {
			const struct nb_finding *f = &in.findings[k];
			assert_true(f->selected);
			if (shape == PLANTED && planted(&in, f)) {
				t->found++;
				t->covered += f->d.low <= 0.5 && 0.5 <= f->d.high;
			} else {
				chance++;
			}
		}
		for (size_t k = in.selected; k < in.nfindings; k++)
			assert_false(in.findings[k].selected);
		t->findings += chance;
		t->most = chance > t->most ? chance : t->most;
		insights_free(&in);
		history_free(&h);
	}
}

/* Ten years of days in which nothing goes with anything. */
static void null_histories(void **s)
{
	struct tally t;

	(void)s;
	run(INDEPENDENT, 3650, 1, &t);
	print_message("null: %.2f findings per history (most %zu), %zu comparisons each\n",
		      (double)t.findings / HISTORIES, t.most, t.tried / HISTORIES);
	assert_true(t.findings <= HISTORIES);	/* at most one per history on average */
	assert_true(t.most <= 3);
}

/* Ten years, and in one of them a real difference of 0.5 on 30% of its
 * days (the days with a new friend). */
static void planted_histories(void **s)
{
	struct tally t;

	(void)s;
	run(PLANTED, 3650, 2, &t);
	print_message("planted: found in %zu of %d histories, the true difference inside the interval in %zu of %zu;"
		      " %.2f other findings per history\n",
		      t.found, HISTORIES, t.covered, t.found, (double)t.findings / HISTORIES);
	assert_true(t.found * 10 >= HISTORIES * 8);	/* at least 80% */
	assert_true(t.covered * 10 >= t.found * 9);	/* at least 90% of those */
}

/* Ten years in which a mood follows the day before (AR(1), 0.6) and the
 * moments come in busy weeks: still no more findings than chance allows. */
static void following_days(void **s)
{
	struct tally t;
	struct history h;
	struct nb_insights in;

	(void)s;
	run(FOLLOWING, 3650, 3, &t);
	print_message("days that follow each other: %.2f findings per history (most %zu)\n",
		      (double)t.findings / HISTORIES, t.most);
	assert_true(t.findings <= HISTORIES);
	/* the dependence is seen: mood's autocorrelation near 0.6 */
	draw_state = 99;
	draw(&h, 3650, FOLLOWING);
	insights_build(h.o, h.no, h.f, h.nf, NULL, NULL, NULL, 0, &in);
	assert_true(in.lag1[NB_M_MOOD] > 0.45 && in.lag1[NB_M_MOOD] < 0.75);
	assert_true(fabs(in.lag1[NB_M_TENSION]) < 0.1);
	insights_free(&in);
	history_free(&h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(null_histories),
		cmocka_unit_test(planted_histories),
		cmocka_unit_test(following_days),
	};

	return cmocka_run_group_tests_name("simulation", tests, NULL, NULL);
}
