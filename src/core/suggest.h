/*
 * The suggested next step of PRACTICES section 5: from the latest check-in
 * and the person's own history, one fitting practice and one sentence of
 * why. A suggestion, never a command. Pure: every input is an argument.
 */
#ifndef NB_SUGGEST_H
#define NB_SUGGEST_H

#include "record.h"

#include <stdbool.h>
#include <stddef.h>

/* How much an exercise lowered tension for this person, on average. */
struct nb_exercise_stat {
	char exercise[24];
	double drop;	/* mean of tension before minus after */
	int n;		/* sessions with both answers */
};

struct nb_suggest_in {
	const struct nb_checkin *checkin;	/* the latest of today, or NULL */
	int days_since_touch;			/* -1 when none was recorded */
	size_t circle;				/* members of the support circle */
	const struct nb_exercise_stat *stats;
	size_t nstats;
	const char *just_done;		/* the exercise done since that check-in, or NULL */
	/* an exercise not to suggest today, or NULL: on a day "without" of a
	 * personal experiment, its practice is not pressed on the person */
	const char *not_today;
};

enum nb_suggest_kind {
	NB_SUGGEST_EXERCISE,	/* exercise holds its id */
	NB_SUGGEST_CIRCLE,	/* add someone to the support circle */
	NB_SUGGEST_CHECKIN,	/* no check-in yet today */
	NB_SUGGEST_REFLECT,	/* a reflection prompt */
};

/* The rule that chose the suggestion, for tests and for the sentence. */
enum nb_suggest_rule {
	NB_RULE_NO_CHECKIN, NB_RULE_LOWEST, NB_RULE_CALMED_BEFORE, NB_RULE_ACTIVATED,
	NB_RULE_TENSE, NB_RULE_SHUTDOWN, NB_RULE_SHAME, NB_RULE_SAFETY, NB_RULE_CONTACT,
	NB_RULE_TOUCH, NB_RULE_REST, NB_RULE_SOFTNESS, NB_RULE_STEADY,
	NB_RULE_DONE,	/* what fitted was just done; a reflection after it */
	NB_RULE_CRAVING,	/* a strong craving: riding the urge */
	NB_RULE_CRAVING_NOTED,	/* a craving, not strong: riding it before it grows */
	NB_RULE_FELT,	/* something noted, but not a steady mood: a reflection */
};

struct nb_suggestion {
	enum nb_suggest_kind kind;
	const char *exercise;	/* for NB_SUGGEST_EXERCISE */
	enum nb_suggest_rule rule;
	const struct nb_exercise_stat *stat;	/* for NB_RULE_CALMED_BEFORE */
	const char *done;	/* for NB_RULE_DONE: the exercise just done */
};

/* Sessions with both answers before an exercise counts as calming, and how
 * much lower tension must be on average. */
#define NB_CALMED_MIN_N 3
#define NB_CALMED_MIN_DROP 1.0

void suggest(const struct nb_suggest_in *in, struct nb_suggestion *out);

/* Whether the rules will look at what calmed the person before for this
 * check-in (so the history is only gathered when it matters). */
bool suggest_wants_stats(const struct nb_checkin *c);

/* The one sentence of why, translated, into buf. */
const char *suggest_why(const struct nb_suggestion *s, char *buf, size_t size);

#endif
