/* Days laid out over a period, and the weekly trend; see series.h. */
#include "series.h"
#include "i18n.h"
#include "time.h"
#include "week.h"
#include "xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

double series_value(const struct nb_day_stat *d, enum nb_measure what)
{
	return d->v[what];
}

const char *series_label(enum nb_measure what)
{
	return _(measure_info(what)->label);
}

void series_range(enum nb_measure what, double *lo, double *hi)
{
	*lo = measure_info(what)->lo;
	*hi = measure_info(what)->hi;
}

double series_mean(const struct nb_day_stat *d, size_t nd, enum nb_measure m, int *days)
{
	double sum = 0;
	int n = 0;

	for (size_t i = 0; i < nd; i++)
		if (!isnan(d[i].v[m]))
			sum += d[i].v[m], n++;
	*days = n;
	return n ? sum / n : NAN;
}

double series_moments_per_week(const struct nb_day_stat *d, size_t nd, int period)
{
	int sum = 0;

	for (size_t i = 0; i < nd; i++)
		sum += d[i].moments;
	return period > 0 ? sum * 7.0 / period : 0;
}

/* A measure's value as it is written: hours and minutes for sleep. */
static void value(enum nb_measure m, double v, char buf[NB_DEC_LEN])
{
	if (measure_info(m)->per == 60) {
		int minutes = (int)(v * 60 + 0.5);
		snprintf(buf, NB_DEC_LEN, "%d:%02d", minutes / 60, minutes % 60);
	} else {
		nb_dec1(v, buf);
	}
}

void series_glance_sentence(enum nb_measure m, double now, int days, double before,
			    int days_before, int period, char *buf, size_t size)
{
	char a[NB_DEC_LEN], b[NB_DEC_LEN];

	buf[0] = '\0';
	if (!days)
		return;
	value(m, now, a);
	if (days_before) {
		value(m, before, b);
		snprintf(buf, size,
			 ngettext("%s: %s on average over %d day (the %d days before: %s).",
				  "%s: %s on average over %d days (the %d days before: %s).", days),
			 _(measure_info(m)->label), a, days, period, b);
	} else {
		snprintf(buf, size,
			 ngettext("%s: %s on average over %d day.", "%s: %s on average over %d days.", days),
			 _(measure_info(m)->label), a, days);
	}
}

void series_daily(const struct nb_day_stat *d, size_t nd, const char *first, int n,
		  enum nb_measure what, double *out)
{
	for (int i = 0; i < n; i++)
		out[i] = 0;
	for (size_t i = 0; i < nd; i++) {
		int k = nb_day_diff(first, d[i].day);
		double v = series_value(&d[i], what);
		if (k >= 0 && k < n && !isnan(v))
			out[k] = v;
	}
}

void series_weekly(const struct nb_day_stat *d, size_t nd, const char *monday, int n, int *out)
{
	for (int i = 0; i < n; i++)
		out[i] = 0;
	for (size_t i = 0; i < nd; i++) {
		int k = nb_day_diff(monday, d[i].day);
		if (k >= 0 && k / 7 < n)
			out[k / 7] += d[i].moments;
	}
}

void series_smooth(const double *mean, const int *days, int n, int half, double *out)
{
	for (int i = 0; i < n; i++) {
		double sum = 0;
		int count = 0;
		for (int j = i - half; j <= i + half; j++)
			if (j >= 0 && j < n && days[j] > 0) {
				sum += mean[j] * days[j];
				count += days[j];
			}
		out[i] = count ? sum / count : NAN;
	}
}

void trend_build(const struct nb_day_stat *d, size_t nd, const char *since, const char *until,
		 struct nb_trend *out)
{
	const char *first = NULL, *last = NULL;
	char end[NB_DAY_LEN];

	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < nd; i++)
		if (strcmp(d[i].day, since) >= 0 && strcmp(d[i].day, until) <= 0) {
			if (!first || strcmp(d[i].day, first) < 0)
				first = d[i].day;
			if (!last || strcmp(d[i].day, last) > 0)
				last = d[i].day;
		}
	if (!first)
		return;
	week_monday(first, out->monday);
	memcpy(end, last, NB_DAY_LEN);
	out->weeks = nb_day_diff(out->monday, end) / 7 + 1;
	double *sum[NB_M__COUNT];
	for (int s = 0; s < NB_M__COUNT; s++) {
		sum[s] = xcalloc((size_t)out->weeks, sizeof *sum[s]);
		out->mean[s] = xcalloc((size_t)out->weeks, sizeof *out->mean[s]);
		out->days[s] = xcalloc((size_t)out->weeks, sizeof *out->days[s]);
		out->smooth[s] = xcalloc((size_t)out->weeks, sizeof *out->smooth[s]);
	}
	for (size_t i = 0; i < nd; i++) {
		int k;
		if (strcmp(d[i].day, first) < 0 || strcmp(d[i].day, last) > 0)
			continue;
		k = nb_day_diff(out->monday, d[i].day) / 7;
		for (int s = 0; s < NB_M__COUNT; s++) {
			double v = series_value(&d[i], (enum nb_measure)s);
			if (!isnan(v)) {
				sum[s][k] += v;
				out->days[s][k]++;
			}
		}
	}
	for (int s = 0; s < NB_M__COUNT; s++) {
		for (int k = 0; k < out->weeks; k++)
			out->mean[s][k] = out->days[s][k] ? sum[s][k] / out->days[s][k] : NAN;
		series_smooth(out->mean[s], out->days[s], out->weeks, NB_TREND_WEEKS / 2, out->smooth[s]);
		free(sum[s]);
	}
}

void trend_free(struct nb_trend *t)
{
	for (int s = 0; s < NB_M__COUNT; s++) {
		free(t->mean[s]);
		free(t->days[s]);
		free(t->smooth[s]);
	}
	memset(t, 0, sizeof *t);
}
