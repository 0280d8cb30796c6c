/* Means, t intervals and effect sizes; see stats.h. The incomplete beta
 * function is evaluated by its continued fraction (modified Lentz). */
#include "stats.h"

#include <math.h>

void stats_summary(const double *v, size_t n, struct nb_summary *out)
{
	double sum = 0, ss = 0;

	out->n = n;
	out->mean = 0;
	out->sd = 0;
	if (!n)
		return;
	for (size_t i = 0; i < n; i++)
		sum += v[i];
	out->mean = sum / n;
	for (size_t i = 0; i < n; i++)
		ss += (v[i] - out->mean) * (v[i] - out->mean);
	out->sd = n > 1 ? sqrt(ss / (n - 1)) : 0;
}

void stats_summary_sums(size_t n, double sum, double sumsq, double shift,
			struct nb_summary *out)
{
	double var;

	out->n = n;
	out->mean = n ? shift + sum / n : 0;
	out->sd = 0;
	if (n < 2)
		return;
	var = (sumsq - sum * sum / n) / (n - 1);
	out->sd = var > 1e-12 ? sqrt(var) : 0;
}

/* The continued fraction of the incomplete beta function. */
static double betacf(double x, double a, double b)
{
	const double tiny = 1e-300, eps = 1e-15;
	double c = 1, d = 1 - (a + b) * x / (a + 1), h;

	if (fabs(d) < tiny)
		d = tiny;
	d = 1 / d;
	h = d;
	for (int m = 1; m <= 300; m++) {
		double m2 = 2 * m, aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2)), del;

		d = 1 + aa * d;
		d = fabs(d) < tiny ? tiny : d;
		c = 1 + aa / c;
		c = fabs(c) < tiny ? tiny : c;
		d = 1 / d;
		h *= d * c;
		aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
		d = 1 + aa * d;
		d = fabs(d) < tiny ? tiny : d;
		c = 1 + aa / c;
		c = fabs(c) < tiny ? tiny : c;
		d = 1 / d;
		del = d * c;
		h *= del;
		if (fabs(del - 1) < eps)
			break;
	}
	return h;
}

double stats_ibeta(double x, double a, double b)
{
	double front;

	if (x <= 0)
		return 0;
	if (x >= 1)
		return 1;
	front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x));
	if (x < (a + 1) / (a + b + 2))
		return front * betacf(x, a, b) / a;
	return 1 - exp(lgamma(a + b) - lgamma(a) - lgamma(b) + b * log1p(-x) + a * log(x)) *
		       betacf(1 - x, b, a) / b;
}

double stats_t_cdf(double t, double df)
{
	double tail = 0.5 * stats_ibeta(df / (df + t * t), df / 2, 0.5);

	return t >= 0 ? 1 - tail : tail;
}

static double t_pdf(double t, double df)
{
	return exp(lgamma((df + 1) / 2) - lgamma(df / 2) - (df + 1) / 2 * log1p(t * t / df)) /
	       sqrt(df * M_PI);
}

/* A first guess at the t quantile: the normal quantile (Abramowitz and
 * Stegun 26.2.23, error below 5e-4) widened by the first two terms of the
 * Cornish-Fisher expansion in 1/df. Newton's steps make it exact. */
static double t_guess(double p, double df)
{
	double q = p < 0.5 ? p : 1 - p, r = sqrt(-2 * log(q)), z, z3, z5;

	z = r - (2.515517 + 0.802853 * r + 0.010328 * r * r) /
		(1 + 1.432788 * r + 0.189269 * r * r + 0.001308 * r * r * r);
	z3 = z * z * z, z5 = z3 * z * z;
	z += (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df);
	return p < 0.5 ? -z : z;
}

double stats_t_quantile(double p, double df)
{
	double lo = -1e3, hi = 1e3, t = 0;

	if (p > 0.5)	/* symmetric: search the upper half only */
		lo = 0, t = fmin(t_guess(p, df), hi / 2);
	else if (p < 0.5)
		hi = 0, t = fmax(t_guess(p, df), lo / 2);
	/* Newton's steps on the cdf, kept inside a bracket that halves when a
	 * step would leave it; the cdf is monotone, so this always converges. */
	for (int i = 0; i < 100; i++) {
		double c = stats_t_cdf(t, df), next;
		if (c < p)
			lo = t;
		else
			hi = t;
		next = t - (c - p) / t_pdf(t, df);
		if (!(next > lo && next < hi))
			next = (lo + hi) / 2;
		if (fabs(next - t) < 1e-13 * (1 + fabs(t)))
			return next;
		t = next;
	}
	return t;
}

void stats_difference(const struct nb_summary *a, const struct nb_summary *b,
		      struct nb_difference *out)
{
	double va, vb, se, t, pooled;

	out->diff = a->mean - b->mean;
	out->low = out->high = out->df = out->g = 0;
	out->defined = false;
	if (a->n < 2 || b->n < 2)
		return;
	va = a->sd * a->sd / a->n;
	vb = b->sd * b->sd / b->n;
	se = sqrt(va + vb);
	if (se <= 0)
		return;
	out->df = (va + vb) * (va + vb) / (va * va / (a->n - 1) + vb * vb / (b->n - 1));
	t = stats_t_quantile(0.975, out->df);
	out->low = out->diff - t * se;
	out->high = out->diff + t * se;
	pooled = sqrt(((a->n - 1) * a->sd * a->sd + (b->n - 1) * b->sd * b->sd) / (a->n + b->n - 2));
	if (pooled > 0)	/* Hedges' correction for small samples */
		out->g = out->diff / pooled * (1 - 3.0 / (4.0 * (a->n + b->n) - 9));
	out->defined = true;
}

void stats_paired(const double *before, const double *after, size_t n,
		  struct nb_difference *out)
{
	double sum = 0, ss = 0, mean, sd, t;

	out->diff = out->low = out->high = out->df = out->g = 0;
	out->defined = false;
	for (size_t i = 0; i < n; i++)
		sum += after[i] - before[i];
	if (!n)
		return;
	mean = sum / n;
	out->diff = mean;
	if (n < 2)
		return;
	for (size_t i = 0; i < n; i++) {
		double d = after[i] - before[i] - mean;
		ss += d * d;
	}
	sd = sqrt(ss / (n - 1));
	out->df = n - 1;
	t = stats_t_quantile(0.975, out->df);
	out->low = mean - t * sd / sqrt(n);
	out->high = mean + t * sd / sqrt(n);
	out->g = sd > 0 ? mean / sd : 0;
	out->defined = true;
	if (sd == 0) {	/* every session changed the same: the interval is that point */
		out->low = out->high = mean;
	}
}
