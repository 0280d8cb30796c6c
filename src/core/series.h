/*
 * Numbers over time for the charts: per-day means of a check-in scale, and
 * how often terms come back. Pure: built from a list of records.
 */
#ifndef NB_SERIES_H
#define NB_SERIES_H

#include "record.h"
#include "week.h"

#include <stddef.h>

enum nb_series { NB_SERIES_MOOD, NB_SERIES_TENSION, NB_SERIES_ENERGY, NB_SERIES_SLEEP };

/* The mean per day of a check-in value for n days from first; 0 where a
 * day has none (sleep in hours). */
void series_daily(const struct nb_entries *l, const char *first, int n, enum nb_series what,
		  double *out);

/* How many records of type t fall in each of n weeks from monday. */
void series_weekly(const struct nb_entries *l, enum nb_type t, const char *monday, int n,
		   int *out);

/* How often each term of a list field comes back in l (needs of check-ins
 * and triggers, kinds of moments), most first; at most max. */
enum nb_terms { NB_TERMS_NEEDS, NB_TERMS_MOMENT_KINDS };
size_t series_terms(const struct nb_entries *l, enum nb_terms what, struct nb_count *out,
		    size_t max);

#endif
