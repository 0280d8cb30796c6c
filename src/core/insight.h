/*
 * Insight over time (PRACTICES section 9): does mood, tension, energy or
 * sleep differ on days with a moment of connection, a wanted touch, an
 * exercise, contact with someone of the circle, a need named, a trigger;
 * the same day and the next. Honest by construction: a difference is shown
 * only with at least NB_MIN_DAYS days on each side, always with its 95%
 * interval, the days it rests on and the number of comparisons tried, and
 * never as proof of a cause. Pure: built from per-day facts.
 */
#ifndef NB_INSIGHT_H
#define NB_INSIGHT_H

#include "field.h"
#include "record.h"
#include "stats.h"

#include <stdint.h>

#define NB_MIN_DAYS 5	/* days with and without a factor before it is shown */
/* The false discovery rate the insights allow: of the findings shown, at
 * most about one in ten may be chance (Benjamini-Hochberg over every
 * comparison made for the period). */
#define NB_FDR 0.10
#define NB_FACTORS_MAX 64
#define NB_FINDINGS_SHOWN 12	/* the clearest findings a face shows */

/*
 * A fact of a day, as the store keeps it in its summary per day (schema 2)
 * and reads it back: one letter each, named only here. The store's SQL
 * writes them through the NB_FACT_SQL_ literals beside them.
 */
enum nb_fact_kind {
	NB_FACT_MOMENT = 'm',	/* term: the kind of moment */
	NB_FACT_TOUCH = 't',	/* a wanted touch */
	NB_FACT_EXERCISE = 'e',
	NB_FACT_CONTACT = 'c',	/* term: the circle member's name */
	NB_FACT_NEED = 'n',	/* term: the need */
	NB_FACT_TRIGGER = 'g',
	NB_FACT_ANY_MOMENT = 'M',	/* derived: any moment at all */
	/* kept by the store for what it counts, not factors of the insights */
	NB_FACT_SESSION = 'x',		/* term: "exercise before after" */
	NB_FACT_TRIGGER_EMOTION = 'G',	/* term: the emotion of a trigger */
	NB_FACT_TRIGGER_NEED = 'N',	/* term: the need under a trigger */
};
#define NB_FACT_SQL_MOMENT "'m'"
#define NB_FACT_SQL_TOUCH "'t'"
#define NB_FACT_SQL_EXERCISE "'e'"
#define NB_FACT_SQL_CONTACT "'c'"
#define NB_FACT_SQL_NEED "'n'"
#define NB_FACT_SQL_TRIGGER "'g'"
#define NB_FACT_SQL_SESSION "'x'"
#define NB_FACT_SQL_TRIGGER_EMOTION "'G'"
#define NB_FACT_SQL_TRIGGER_NEED "'N'"

struct nb_fact {
	int day;		/* nb_day_number */
	char kind;
	const char *term;	/* not owned: the store keeps it (see nb_store_ops) */
};

/* The outcomes of a day: means of its check-ins (NAN when not answered). */
struct nb_day_outcome {
	int day;		/* nb_day_number */
	double v[NB_M__COUNT];
};

struct nb_factor {
	char kind;		/* enum nb_fact_kind */
	char term[64];
};

struct nb_finding {
	int factor;		/* index into nb_insights.factors */
	enum nb_measure outcome;
	int lag;		/* 0: the same day; 1: the next day */
	size_t with, without;	/* days on each side */
	struct nb_difference d;	/* selected: its interval at 1 - NB_FDR * selected / tried */
	bool selected;		/* it stood out among all comparisons */
};

struct nb_exercise_change {
	char exercise[24];
	size_t n;
	struct nb_difference d;	/* tension after minus before */
};

struct nb_insights {
	struct nb_factor factors[NB_FACTORS_MAX];
	int nfactors;
	struct nb_finding *findings;	/* every comparison: the selected first, the clearest
					 * first, then the rest by p; owned */
	size_t nfindings;
	size_t tried;			/* comparisons made (nfindings) */
	size_t selected;		/* of them, the ones that stood out */
	double level;			/* the level of the selected ones' intervals */
	double lag1[NB_M__COUNT];	/* each outcome's day-to-day autocorrelation */
	size_t days;			/* days with a check-in */
	struct nb_exercise_change *exercises;	/* owned */
	size_t nexercises;
};

/*
 * Compute the insights of outcomes (sorted by day) and facts. Sessions of
 * exercises with tension before and after come as parallel arrays.
 */
void insights_build(const struct nb_day_outcome *o, size_t no, const struct nb_fact *f,
		    size_t nf, const char *const *ex_ids, const double *before,
		    const double *after, size_t nsessions, struct nb_insights *out);
void insights_free(struct nb_insights *in);

const char *outcome_label(enum nb_measure o);
/* "a hug", "a wanted touch", "contact with Sam", "the need rest", ... */
void factor_label(const struct nb_factor *f, char *buf, size_t size);
/* One plain sentence for a finding, in the current language. */
void finding_sentence(const struct nb_insights *in, const struct nb_finding *f, char *buf,
		      size_t size);

/* The findings a face shows: the selected, at most NB_FINDINGS_SHOWN. */
size_t insights_shown(const struct nb_insights *in);
/* The largest distance from 0 of the shown intervals (at least 0.5): the
 * half width of a common scale for drawing them. */
double insights_span(const struct nb_insights *in);
/* The sentences around the findings: why there are none yet; how many
 * were shown of how many tried; and that they are patterns, not proof. */
void insights_wait_sentence(char *buf, size_t size);
void insights_tried_sentence(const struct nb_insights *in, char *buf, size_t size);
void insights_caveat_sentence(char *buf, size_t size);
/* What the drawing of a finding shows (the pages and the report). */
const char *insights_drawing_sentence(void);

/* How to read the insights, paragraph by paragraph (title and text,
 * translated), for the page /insights/how, nabij help insights and the
 * report; its title NULL after the last. */
struct nb_howto {
	const char *title, *text;
};
struct nb_howto insights_howto(size_t i);
/* One plain sentence for the tension change around an exercise. */
void exercise_sentence(const struct nb_exercise_change *e, char *buf, size_t size);

#endif
