/*
 * The attachment reflection of PRACTICES section 7: twelve statements
 * written by this project, answered from 1 (not at all like me) to 7 (very
 * much like me), placed on two axes: anxiety about closeness and avoidance
 * of closeness. A reflection to repeat over months, not a diagnosis.
 */
#ifndef NB_ATTACHMENT_H
#define NB_ATTACHMENT_H

#include "record.h"

#include <stdbool.h>

enum nb_axis { NB_AXIS_ANXIETY, NB_AXIS_AVOIDANCE };

struct nb_statement {
	const char *text;	/* English; translate with gettext */
	enum nb_axis axis;
	bool reverse;		/* agreeing means less of the axis */
};

const struct nb_statement *attachment_statements(void);	/* NB_ATTACHMENT_ITEMS of them */

/* The midpoint of the 1-7 scale: only above it counts as high. */
#define NB_AXIS_MIDPOINT 4.0

enum nb_pattern { NB_SECURE, NB_ANXIOUS, NB_AVOIDANT, NB_DISORGANISED };

struct nb_attachment_score {
	double anxiety;		/* 1..7 */
	double avoidance;	/* 1..7 */
	enum nb_pattern pattern;
};

/* Score answers (each 1-7); reverse items count as 8 minus the answer. */
void attachment_score(const struct nb_attachment *a, struct nb_attachment_score *out);

const char *attachment_pattern_name(enum nb_pattern p);
/* A short, kind explanation of the pattern as a way that once helped. */
const char *attachment_pattern_text(enum nb_pattern p);
/* For any pattern: that a coach or therapist can help with it. */
const char *attachment_support_text(void);

#endif
