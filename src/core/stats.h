/*
 * The statistics behind the insights (PRACTICES section 9): means and
 * spreads, the difference between two groups of days with Welch's t
 * interval and Hedges' g, and the mean of paired differences. Pure C,
 * checked in tests against values worked out by hand and with R.
 */
#ifndef NB_STATS_H
#define NB_STATS_H

#include <stdbool.h>
#include <stddef.h>

struct nb_summary {
	size_t n;
	double mean;
	double sd;	/* sample standard deviation (n - 1); 0 when n < 2 */
};

void stats_summary(const double *v, size_t n, struct nb_summary *out);

/* The same from running sums of x - shift and (x - shift)^2 over n values,
 * for many groups in one pass; a shift near the mean keeps the sums exact
 * enough. A spread below 1e-6 (rounding, on these scales) counts as none. */
void stats_summary_sums(size_t n, double sum, double sumsq, double shift,
			struct nb_summary *out);

/* The regularised incomplete beta function I_x(a, b). */
double stats_ibeta(double x, double a, double b);
/* P(T <= t) for Student's t with df degrees of freedom. */
double stats_t_cdf(double t, double df);
/* The t with P(T <= t) = p, for 0 < p < 1. */
double stats_t_quantile(double p, double df);

struct nb_difference {
	double diff;		/* mean of a minus mean of b */
	double low, high;	/* the interval at level (Welch) */
	double level;		/* 0.95 unless stats_interval set another */
	double se, df;		/* standard error; Welch-Satterthwaite degrees of freedom */
	double p;		/* two-sided p of no difference */
	double g;		/* Hedges' g: the difference in pooled standard deviations */
	bool defined;		/* false when a side has fewer than 2 values or no spread */
};

/* The difference between the means of two groups, with Welch's interval. */
void stats_difference(const struct nb_summary *a, const struct nb_summary *b,
		      struct nb_difference *out);

/*
 * The same when days are not independent: each side counts as n / inflate
 * days, which widens the interval and lowers the degrees of freedom. For an
 * outcome with lag-1 autocorrelation r > 0, inflate = (1 + r) / (1 - r)
 * (see stats_inflation); inflate 1 is stats_difference.
 */
void stats_difference_dep(const struct nb_summary *a, const struct nb_summary *b, double inflate,
			  struct nb_difference *out);

/* The variance inflation of a mean of days with lag-1 autocorrelation r:
 * (1 + r) / (1 - r) for r > 0 (r held below 0.9), 1 otherwise. */
double stats_inflation(double r);

/* The lag-1 autocorrelation of a series with gaps (NAN): over the pairs of
 * neighbours that both have a value; 0 with fewer than 10 such pairs, and 0
 * when it is within 2 / sqrt(pairs) of 0, as independent days give. */
double stats_lag1(const double *v, size_t n);

/* Set d's interval to the given level (0.95: the 95% interval). */
void stats_interval(struct nb_difference *d, double level);

/* Benjamini-Hochberg at false discovery rate q: of the n p-values, which
 * are selected (keep[i]); returns how many. */
size_t stats_bh(const double *p, size_t n, double q, bool *keep);

/* The mean of paired differences (after minus before) with its 95% t
 * interval; defined for n >= 2. */
void stats_paired(const double *before, const double *after, size_t n,
		  struct nb_difference *out);

#endif
