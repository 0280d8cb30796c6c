/* Days laid out over a period; see series.h. */
#include "series.h"

void series_daily(const struct nb_day_stat *d, size_t nd, const char *first, int n,
		  enum nb_series what, double *out)
{
	for (int i = 0; i < n; i++)
		out[i] = 0;
	for (size_t i = 0; i < nd; i++) {
		int k = nb_day_diff(first, d[i].day);
		if (k < 0 || k >= n)
			continue;
		out[k] = what == NB_SERIES_MOOD ? d[i].mood
			 : what == NB_SERIES_TENSION ? d[i].tension : d[i].sleep_hours;
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
