/*
 * Numbers over time for the charts. The store sums each day (see
 * nb_store_ops.day_stats); these pure functions lay those days out over a
 * period, with gaps where nothing was noted.
 */
#ifndef NB_SERIES_H
#define NB_SERIES_H

#include "record.h"

#include <stddef.h>

/* One day's means of the check-in scales (0 when none) and its moments. */
struct nb_day_stat {
	char day[NB_DAY_LEN];
	double mood, tension, sleep_hours;
	int moments;
};

/* Which terms to count: the needs of check-ins and triggers, the kinds of
 * moments, and the emotions and needs named in the trigger diary. */
enum nb_terms { NB_TERMS_NEEDS, NB_TERMS_KINDS, NB_TERMS_TRIGGER_EMOTIONS, NB_TERMS_TRIGGER_NEEDS };

/* How often a term came back in a period. */
struct nb_term_count {
	char term[NB_NAME_MAX + 1];
	int n;
};

enum nb_series { NB_SERIES_MOOD, NB_SERIES_TENSION, NB_SERIES_SLEEP };

/* The value of each of n days from first, 0 where a day has none. */
void series_daily(const struct nb_day_stat *d, size_t nd, const char *first, int n,
		  enum nb_series what, double *out);

/* Moments in each of n weeks from monday. */
void series_weekly(const struct nb_day_stat *d, size_t nd, const char *monday, int n, int *out);

#endif
