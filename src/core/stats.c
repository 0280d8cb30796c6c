/* Means, t intervals and effect sizes; see stats.h. The incomplete beta
 * function is evaluated by its continued fraction (modified Lentz). */
#include "stats.h"
#include "xalloc.h"

#include <math.h>
#include <stdlib.h>

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

void stats_difference_dep(const struct nb_summary *a, const struct nb_summary *b, double inflate,
			  struct nb_difference *out)
{
	double va, vb, na, nb, se, pooled;

	out->diff = a->mean - b->mean;
	out->low = out->high = out->df = out->g = out->se = 0;
	out->p = 1;
	out->level = 0.95;
	out->defined = false;
	if (a->n < 2 || b->n < 2)
		return;
	if (!(inflate >= 1))
		inflate = 1;
	na = fmax(2, a->n / inflate);	/* the days each side is worth */
	nb = fmax(2, b->n / inflate);
	va = a->sd * a->sd / na;
	vb = b->sd * b->sd / nb;
	se = sqrt(va + vb);
	if (se <= 0)
		return;
	out->se = se;
	out->df = (va + vb) * (va + vb) / (va * va / (na - 1) + vb * vb / (nb - 1));
	out->p = 2 * (1 - stats_t_cdf(fabs(out->diff) / se, out->df));
	stats_interval(out, 0.95);
	pooled = sqrt(((a->n - 1) * a->sd * a->sd + (b->n - 1) * b->sd * b->sd) / (a->n + b->n - 2));
	if (pooled > 0)	/* Hedges' correction for small samples */
		out->g = out->diff / pooled * (1 - 3.0 / (4.0 * (a->n + b->n) - 9));
	out->defined = true;
}

void stats_difference(const struct nb_summary *a, const struct nb_summary *b,
		      struct nb_difference *out)
{
	stats_difference_dep(a, b, 1, out);
}

void stats_interval(struct nb_difference *d, double level)
{
	double t = stats_t_quantile(1 - (1 - level) / 2, d->df);

	d->level = level;
	d->low = d->diff - t * d->se;
	d->high = d->diff + t * d->se;
}

double stats_inflation(double r)
{
	if (!(r > 0))
		return 1;
	r = fmin(r, 0.9);
	return (1 + r) / (1 - r);
}

double stats_lag1(const double *v, size_t n)
{
	double sum = 0, mean, num = 0, den = 0, r;
	size_t count = 0, pairs = 0;

	for (size_t i = 0; i < n; i++)
		if (!isnan(v[i]))
			sum += v[i], count++;
	if (count < 2)
		return 0;
	mean = sum / count;
	for (size_t i = 0; i < n; i++)
		if (!isnan(v[i]))
			den += (v[i] - mean) * (v[i] - mean);
	for (size_t i = 0; i + 1 < n; i++)
		if (!isnan(v[i]) && !isnan(v[i + 1])) {
			num += (v[i] - mean) * (v[i + 1] - mean);
			pairs++;
		}
	if (pairs < 10 || den <= 0)
		return 0;
	/* the pairs' share of the spread, as if every day had its neighbour */
	r = num / den * (double)count / (double)pairs;
	/* within what independent days give by chance (about 2 / sqrt(pairs)),
	 * it counts as none, so that noise does not cost a real finding */
	return fabs(r) < 2 / sqrt((double)pairs) ? 0 : r;
}

struct ranked {
	double p;
	size_t i;
};

static int by_p(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->p != y->p)
		return x->p < y->p ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

size_t stats_bh(const double *p, size_t n, double q, bool *keep)
{
	struct ranked *r = xmalloc((n ? n : 1) * sizeof *r);
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		r[i] = (struct ranked){ p[i], i };
		keep[i] = false;
	}
	qsort(r, n, sizeof *r, by_p);
	for (size_t i = 0; i < n; i++)	/* the largest rank whose p is within its share */
		if (r[i].p <= q * (double)(i + 1) / (double)n)
			k = i + 1;
	for (size_t i = 0; i < k; i++)
		keep[r[i].i] = true;
	free(r);
	return k;
}

void stats_paired(const double *before, const double *after, size_t n,
		  struct nb_difference *out)
{
	double sum = 0, ss = 0, mean, sd, t;

	out->diff = out->low = out->high = out->df = out->g = out->se = 0;
	out->level = 0.95;
	out->p = 1;
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
	out->se = sd / sqrt(n);
	if (sd > 0)
		out->p = 2 * (1 - stats_t_cdf(fabs(mean) / out->se, out->df));
	t = stats_t_quantile(0.975, out->df);
	out->low = mean - t * sd / sqrt(n);
	out->high = mean + t * sd / sqrt(n);
	out->g = sd > 0 ? mean / sd : 0;
	out->defined = true;
	if (sd == 0) {	/* every session changed the same: the interval is that point */
		out->low = out->high = mean;
	}
}
