/*
 * The weekly moment of PRACTICES section 8: a calm look back at one week
 * (Monday to Sunday) of check-ins, moments, exercises, triggers, needs that
 * came back and reflections, and the intention set for it. Pure: built
 * from the records of that week and the week before.
 */
#ifndef NB_WEEK_H
#define NB_WEEK_H

#include "buf.h"
#include "field.h"
#include "record.h"
#include "time.h"

#include <stddef.h>

#define NB_WEEK_PROMPT "intention"	/* the prompt id of a week's intention */
#define NB_WEEK_LIST 12

struct nb_mean {
	double sum;
	int n;
};

struct nb_count {
	const char *term;	/* borrowed from the records */
	int n;
};

struct nb_week_exercise {
	const char *exercise;	/* borrowed */
	int n;
	int seconds;
	struct nb_mean change;	/* tension after minus before */
	struct nb_mean urge;	/* riding an urge: the urge's strength after minus before */
};

struct nb_week {
	char monday[NB_DAY_LEN], sunday[NB_DAY_LEN];
	int checkins;
	struct nb_mean means[NB_M__COUNT];	/* of the check-ins, measure by measure */
	double day_mood[7];		/* mean mood per day, 0 when none */
	int moments, wanted_touches;
	struct nb_count kinds[NB_WEEK_LIST];	/* moments by kind, most first */
	size_t nkinds;
	struct nb_week_exercise exercises[NB_WEEK_LIST];
	size_t nexercises;
	int triggers;
	struct nb_count needs[NB_WEEK_LIST];	/* needs named twice or more, most first */
	size_t nneeds;
	int reflections;
	const struct nb_entry *intention;	/* set during the week before, for this week */
	const struct nb_entry *next_intention;	/* set during this week, for the next */
	bool lasting_low;		/* care_lasting_low over this week and the one before */
	char first[NB_DAY_LEN];		/* the day of the oldest record of all; "" when none */
	bool earlier;			/* the week asked for held nothing: this is the last one that did */
};

/* The Monday of the week that holds day. */
void week_monday(const char *day, char monday[NB_DAY_LEN]);

/*
 * Summarise the records l (which may also hold the week before, for its
 * intention) for the week starting monday. Pointers in w borrow from l.
 */
void week_build(const struct nb_entries *l, const char *monday, struct nb_week *w);

/* Whether nothing was noted in the week of w (an intention set for the
 * week after counts as something). */
bool week_empty(const struct nb_week *w);

double mean_of(const struct nb_mean *m);
/* How tension changed with an exercise of the week, in words ("tension
 * 1.5 lower afterwards", "about the same"): NULL when it was not noted. */
const char *week_exercise_change(const struct nb_week_exercise *x, char *buf, size_t size);
/* The same for the urge's strength of riding an urge ("the urge 1.5
 * weaker afterwards"); NULL when it was not noted. */
const char *week_urge_change(const struct nb_week_exercise *x, char *buf, size_t size);
/* The week's means in words, in the order of the check-in:
 * " · mood 3.2 · energy 3.0 · tension 2.5 · sleep 7:15 h (quality 3.5)". */
void week_means_line(const struct nb_week *w, struct nb_buf *b);
/* "3 moments of connection (1 wanted touch): hug 2, real conversation 1". */
void week_moments_line(const struct nb_week *w, struct nb_buf *b);

#endif
