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
	double low, high;	/* 95% interval (Welch) */
	double df;		/* Welch-Satterthwaite degrees of freedom */
	double g;		/* Hedges' g: the difference in pooled standard deviations */
	bool defined;		/* false when a side has fewer than 2 values or no spread */
};

/* The difference between the means of two groups, with Welch's interval. */
void stats_difference(const struct nb_summary *a, const struct nb_summary *b,
		      struct nb_difference *out);

/* The mean of paired differences (after minus before) with its 95% t
 * interval; defined for n >= 2. */
void stats_paired(const double *before, const double *after, size_t n,
		  struct nb_difference *out);

#endif
