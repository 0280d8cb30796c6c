/*
 * Paced breathing: the rhythm (in, hold, out, and an optional rest after
 * the out-breath, in seconds), the phase at any moment of a session as a
 * pure function of time, and the gentle progression of PRACTICES section 5
 * (build up slowly).
 */
#ifndef NB_BREATH_H
#define NB_BREATH_H

#include "err.h"
#include "record.h"

#include <stdbool.h>
#include <stddef.h>

struct nb_breath {
	int in, hold, out, rest;	/* seconds */
	int minutes;
};

#define NB_BREATH_DEFAULT { 4, 2, 6, 0, 3 }

enum nb_breath_phase { NB_IN, NB_HOLD, NB_OUT, NB_REST, NB_DONE };

struct nb_pace {
	enum nb_breath_phase phase;
	double fill;	/* how full the bar is, 0..1: fills breathing in, empties breathing out */
	int count;	/* whole seconds left in this phase, counting down to 1 */
	int left;	/* whole seconds left in the session */
	int cycle;	/* 1 for the first breath */
};

/* Every value within bounds, and out longer than in (said kindly). */
enum nb_err breath_validate(const struct nb_breath *b, struct nb_error *err);

/* Seconds of one breath, and of the whole session: whole breaths that
 * together last at least the minutes asked for. */
int breath_cycle(const struct nb_breath *b);
int breath_total(const struct nb_breath *b);

/* Where a session is t seconds after its start. */
void breath_at(const struct nb_breath *b, double t, struct nb_pace *out);

/* "4-2-6" or "4-2-6-2" (with a rest); parse fills in, hold, out, rest. */
void breath_pattern(const struct nb_breath *b, char *out, size_t size);
/* The rhythm as a person reads it: "in 4, hold 2, out 6 seconds" (with
 * ", rest 2" when there is a rest, no hold when it is 0), translated.
 * breath_pattern_words reads a stored "4-2-6" and writes it so; what is
 * not such a rhythm is copied as it is. */
void breath_words(const struct nb_breath *b, char *out, size_t size);
void breath_pattern_words(const char *pattern, char *out, size_t size);
enum nb_err breath_parse_pattern(const char *s, struct nb_breath *b, struct nb_error *err);

/*
 * After a few sessions in the same rhythm that went well (recent, newest
 * first, breath sessions only), suggest a slightly longer out-breath in
 * *next. Returns false when it is better to stay where you are.
 */
bool breath_progress(const struct nb_session *const *recent, size_t n,
		     const struct nb_breath *now, struct nb_breath *next);

#endif
