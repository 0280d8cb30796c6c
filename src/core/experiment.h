/*
 * A personal experiment (an N-of-1 trial, docs/EXPERIMENT.md): one practice,
 * one outcome the check-in already measures, and a schedule of pairs of
 * periods "with" and "without" the practice whose order within each pair is
 * drawn by chance from a stored seed. The analysis compares the outcome
 * between the two kinds of days, at the level of the randomised periods:
 * each day's value is taken relative to the mean of its pair (so a slow
 * change over the weeks does not count as an effect), and the interval
 * counts the days as fewer when neighbouring days resemble each other
 * (lag-1 autocorrelation). "As planned" sorts the days by the schedule;
 * "as done" by what the person actually did. Pure C, no store.
 */
#ifndef NB_EXPERIMENT_H
#define NB_EXPERIMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NB_EXP_PAIRS_MIN 2
#define NB_EXP_PAIRS_MAX 6
#define NB_EXP_PAIRS_DEFAULT 3
#define NB_EXP_DAYS_MIN 3	/* days of one period */
#define NB_EXP_DAYS_MAX 14
#define NB_EXP_DAYS_DEFAULT 5
#define NB_EXP_BASELINE_MAX 14
/* A baseline asked for without its length (the page's "first a week of
 * just noticing"): app_experiment_start gives it NB_EXP_BASELINE_DEFAULT
 * days. */
#define NB_EXP_BASELINE_ASKED (-1)
#define NB_EXP_BASELINE_DEFAULT 7
#define NB_EXP_WASHOUT_MAX 3	/* and fewer than half a period */
#define NB_EXP_LEVEL 0.95	/* the interval's level */
/* The days of the largest plan: a baseline and every pair at its longest.
 * A record has at most as many answers to "did you do it?". */
#define NB_EXP_PLAN_DAYS_MAX (NB_EXP_BASELINE_MAX + 2 * NB_EXP_PAIRS_MAX * NB_EXP_DAYS_MAX)
#define NB_EXP_AHEAD_MAX 30	/* a plan begins at most this many days after today */

struct nb_exp_plan {
	int pairs;		/* pairs of periods */
	int period_days;	/* days of each period */
	int baseline_days;	/* a first stretch without the practice, not compared */
	int washout_days;	/* the first days of each period after a change, not compared */
	uint64_t seed;		/* the order within each pair is drawn from it */
	bool with_first[NB_EXP_PAIRS_MAX];	/* filled by exp_plan_draw */
};

/* Whether the plan's numbers are within the limits above. */
bool exp_plan_valid(const struct nb_exp_plan *p);
/* Draw the order within each pair from p->seed: the same seed gives the
 * same schedule, always. */
void exp_plan_draw(struct nb_exp_plan *p);
/* All the days of the plan, baseline included. */
int exp_plan_days(const struct nb_exp_plan *p);

enum nb_exp_kind { NB_EXP_BASELINE, NB_EXP_WITH, NB_EXP_WITHOUT, NB_EXP_OUTSIDE };

struct nb_exp_day {
	enum nb_exp_kind kind;
	int pair;		/* 0-based; -1 outside the pairs */
	bool washout;		/* a day of settling after a change: kept, not compared */
};

/* Day index (0 is the first day of the plan) of the plan. */
struct nb_exp_day exp_day(const struct nb_exp_plan *p, int index);

/* One day as it went: the outcome (NAN without a check-in that answered
 * it), and whether the practice was done (1), not done (0), or unknown (-1). */
struct nb_exp_obs {
	double y;
	int done;
};

struct nb_exp_estimate {
	bool defined;		/* enough days on both sides (at least 2 each, with spread) */
	double diff;		/* mean with minus mean without */
	double low, high;	/* its interval at NB_EXP_LEVEL */
	int n_with, n_without;	/* days compared */
	bool clear;		/* the interval does not hold 0 */
	double r;		/* the lag-1 autocorrelation the interval allows for */
};

struct nb_exp_result {
	int days;		/* days of the plan so far (up to n) */
	int compared;		/* of those, days with a value outside baseline and washout */
	int periods;		/* periods with at least one compared day */
	int known;		/* compared days on which it is known whether it was done */
	int followed;		/* of those, days done as planned */
	double adherence;	/* followed / known; NAN when nothing is known */
	bool differ;		/* some day went otherwise than planned */
	struct nb_exp_estimate planned, done;
};

/* Analyse the first n days of the plan (obs[i] is day i). */
void exp_analyse(const struct nb_exp_plan *p, const struct nb_exp_obs *obs, int n,
		 struct nb_exp_result *r);

#endif

/* The record behind it (core/record.h). */
#include "field.h"
#include "record.h"

/* The plan of an experiment record, its order drawn from its seed (16 hex
 * digits; other text is hashed, so an edited seed still gives one plan). */
void exp_plan_of(const struct nb_experiment *x, struct nb_exp_plan *p);
/* A new seed, as stored. */
void exp_new_seed(char out[17]);
/* The measure an outcome id names (the id of its check-in field). */
enum nb_measure exp_measure(const char *outcome);
/* Whether what the person logs can tell if the practice was done (all but
 * "own"); then exp_done_by says whether record e shows it done. */
bool exp_logged(const char *practice);
bool exp_done_by(const char *practice, const struct nb_entry *e);
/* The guided exercise a practice is, when it is one ("evening-breath": the
 * breath; "reach-out": asking for closeness), or NULL. */
const char *exp_practice_exercise(const char *practice);
/* The answer to "did you do it?" for day: 1 yes, 0 no, -1 none; setting
 * one replaces that day's. */
int exp_answer(const struct nb_experiment *x, const char *day);
void exp_set_answer(struct nb_experiment *x, const char *day, bool yes);
/* Whether day is a day of x's plan, the only days an answer is taken for;
 * the refusal names the plan's first and last day (field "day"). */
enum nb_err exp_answer_check(const struct nb_entry *x, const char *day, struct nb_error *err);
/* Whether a plan may begin on day when it is today: today or one of the
 * NB_EXP_AHEAD_MAX days after it (field "day"). */
enum nb_err exp_start_check(const char *today, const char *day, struct nb_error *err);
/* The index in the plan of day (0 the first); negative before it. */
int exp_index(const struct nb_entry *x, const char *day);
/* The practice as the person reads it: their words for "own". */
const char *exp_practice_text(const struct nb_experiment *x);
/* What kind of day index i of plan p is, in a sentence for today. */
const char *exp_day_text(const struct nb_exp_plan *p, int i, const struct nb_experiment *x, char *buf,
			 size_t size);
/* The answer in sentences, for both faces: one estimate ("As planned"),
 * what it rests on, and what it can and cannot say. */
const char *exp_estimate_text(const char *title, const struct nb_exp_estimate *e, const char *outcome, char *buf,
			      size_t size);
const char *exp_basis_text(const struct nb_exp_result *r, char *buf, size_t size);
const char *exp_meaning_text(const struct nb_exp_result *r, bool complete, const char *outcome, char *buf,
			     size_t size);
/* The page on how an experiment works, paragraph i (0 its title); NULL
 * after the last. For "nabij help experiment" and /help/experiment. */
const char *exp_help_part(size_t i);
/* Why the order is drawn by chance, in two sentences. */
const char *exp_why_chance_text(void);
/* Today's line for experiment x: the kind of day, or that it is paused,
 * begins later or is complete; with whether today's check-in is still to
 * come (checked_in false). */
const char *exp_today_text(const struct nb_entry *x, const char *today, bool checked_in, char *buf, size_t size);
