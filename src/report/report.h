/*
 * The report (PRACTICES section 9): a vector PDF on A4, drawn with cairo,
 * that a person can bring to a therapist or read themselves. It holds a
 * period's check-in scales over time, moments of connection per week,
 * exercises and their effect on tension, needs that came back, and the
 * insights with their intervals. The circle and the free-text notes are in
 * it only when asked for. Everything in the current language.
 */
#ifndef NB_REPORT_H
#define NB_REPORT_H

#include "app/app.h"

#include <stdbool.h>
#include <stdio.h>

struct nb_report_opts {
	const char *since, *until;	/* days, inclusive */
	bool notes;			/* the notes of check-ins, moments and the diary */
	bool circle;			/* the support circle */
};

/* Write the report of a period to f; the number of pages in *pages. */
/* Release cairo's and fontconfig's caches of fonts; once, before a
 * program that drew a report ends (so that a leak checker sees none). */
void report_release(void);

enum nb_err report_pdf(struct nb_app *a, const struct nb_report_opts *o, FILE *f,
		       int *pages, struct nb_error *err);

#endif
