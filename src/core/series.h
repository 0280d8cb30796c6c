/*
 * Numbers over time for the charts and the trends. The store sums each day
 * (see nb_store_ops.day_stats); these pure functions lay those days out
 * over a period, with gaps where nothing was noted, and draw the trend:
 * weekly means with a smoothed line through them.
 */
#ifndef NB_SERIES_H
#define NB_SERIES_H

#include "field.h"
#include "record.h"

#include <stddef.h>

/* One day with any record: the means of its check-ins, measure by measure
 * (NAN when none was answered), and its moments of connection. */
struct nb_day_stat {
	char day[NB_DAY_LEN];
	double v[NB_M__COUNT];
	int moments;
};

/* Which terms to count: the needs of check-ins and triggers, the kinds of
 * moments, and the emotions and needs named in the trigger diary. */
enum nb_terms {
	NB_TERMS_NEEDS, NB_TERMS_KINDS, NB_TERMS_TRIGGER_EMOTIONS, NB_TERMS_TRIGGER_NEEDS,
	NB_TERMS__COUNT
};
#define NB_TERMS_MAX 16

/* How often a term came back in a period. */
struct nb_term_count {
	char term[NB_NAME_MAX + 1];
	int n;
};

/* Each list of terms, most often first (then by term), at most NB_TERMS_MAX. */
struct nb_term_lists {
	struct nb_term_count v[NB_TERMS__COUNT][NB_TERMS_MAX];
	size_t n[NB_TERMS__COUNT];
};

/* The value of a scale on a day, NAN when none. */
double series_value(const struct nb_day_stat *d, enum nb_measure what);
/* "mood", "tension", ... in the person's language. */
const char *series_label(enum nb_measure what);
/* The lowest and highest value a chart of this scale shows. */
void series_range(enum nb_measure what, double *lo, double *hi);

/* The mean of measure m over the days of d, NAN when none; *days is how
 * many days it rests on. */
double series_mean(const struct nb_day_stat *d, size_t nd, enum nb_measure m, int *days);

/* A measure at a glance, for the report's first page: "Mood: 3.2 on
 * average over 80 days (the 90 days before: 2.9)." The period before is
 * left out when it has no day; nothing is written when now has none. */
void series_glance_sentence(enum nb_measure m, double now, int days, double before,
			    int days_before, int period, char *buf, size_t size);

/* Moments of connection a week over a period of period days. */
double series_moments_per_week(const struct nb_day_stat *d, size_t nd, int period);

/* The value of each of n days from first, 0 where a day has none. */
void series_daily(const struct nb_day_stat *d, size_t nd, const char *first, int n,
		  enum nb_measure what, double *out);

/* Moments in each of n weeks from monday. */
void series_weekly(const struct nb_day_stat *d, size_t nd, const char *monday, int n, int *out);

/*
 * The trend of the check-in scales, week by week (Monday to Sunday): each
 * week's mean of its days with a value, and a smoothed line: for each week
 * the mean of all days with a value in the NB_TREND_WEEKS weeks around it
 * (a centred moving average weighted by days), NAN where those weeks hold
 * no value. Over the period from the later of since and the first day
 * noted to the earlier of until and the last day noted.
 */
#define NB_TREND_WEEKS 5

struct nb_trend {
	char monday[NB_DAY_LEN];	/* the first week */
	int weeks;
	double *mean[NB_M__COUNT];	/* owned; NAN: no day that week */
	int *days[NB_M__COUNT];	/* owned; the days each mean rests on */
	double *smooth[NB_M__COUNT];	/* owned */
};

void trend_build(const struct nb_day_stat *d, size_t nd, const char *since, const char *until,
		 struct nb_trend *out);
void trend_free(struct nb_trend *t);

/* The centred moving average of n weekly means weighted by their days,
 * over 2 * half + 1 weeks; NAN where the window holds no day. */
void series_smooth(const double *mean, const int *days, int n, int half, double *out);

#endif
