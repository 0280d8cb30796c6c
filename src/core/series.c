/* Per-day means and term counts; see series.h. */
#include "series.h"

#include <stdlib.h>
#include <string.h>

void series_daily(const struct nb_entries *l, const char *first, int n, enum nb_series what,
		  double *out)
{
	int *count = calloc((size_t)n, sizeof *count);

	for (int i = 0; i < n; i++)
		out[i] = 0;
	for (size_t i = 0; count && i < l->n; i++) {
		const struct nb_checkin *c = &l->v[i]->u.checkin;
		int d = nb_day_diff(first, l->v[i]->day);
		double v = 0;

		if (l->v[i]->type != NB_CHECKIN || d < 0 || d >= n)
			continue;
		switch (what) {
		case NB_SERIES_MOOD: v = c->mood; break;
		case NB_SERIES_TENSION: v = c->tension; break;
		case NB_SERIES_ENERGY: v = c->energy; break;
		case NB_SERIES_SLEEP: v = c->sleep_minutes > 0 ? c->sleep_minutes / 60.0 : 0; break;
		}
		if (v > 0) {
			out[d] += v;
			count[d]++;
		}
	}
	for (int i = 0; count && i < n; i++)
		if (count[i])
			out[i] /= count[i];
	free(count);
}

void series_weekly(const struct nb_entries *l, enum nb_type t, const char *monday, int n,
		   int *out)
{
	for (int i = 0; i < n; i++)
		out[i] = 0;
	for (size_t i = 0; i < l->n; i++) {
		int d = nb_day_diff(monday, l->v[i]->day);
		if (l->v[i]->type == t && d >= 0 && d / 7 < n)
			out[d / 7]++;
	}
}

static void add(struct nb_count *out, size_t *n, size_t max, const char *term)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp(out[i].term, term) == 0) {
			out[i].n++;
			return;
		}
	if (*n < max)
		out[(*n)++] = (struct nb_count){ term, 1 };
}

static int by_count(const void *a, const void *b)
{
	const struct nb_count *x = a, *y = b;

	return x->n != y->n ? y->n - x->n : strcmp(x->term, y->term);
}

size_t series_terms(const struct nb_entries *l, enum nb_terms what, struct nb_count *out,
		    size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < l->n; i++) {
		const struct nb_entry *e = l->v[i];

		if (what == NB_TERMS_NEEDS && e->type == NB_CHECKIN)
			for (size_t k = 0; k < e->u.checkin.needs.n; k++)
				add(out, &n, max, e->u.checkin.needs.v[k].term);
		if (what == NB_TERMS_NEEDS && e->type == NB_TRIGGER && e->u.trigger.need)
			add(out, &n, max, e->u.trigger.need);
		if (what == NB_TERMS_MOMENT_KINDS && e->type == NB_MOMENT)
			add(out, &n, max, e->u.moment.kind);
	}
	qsort(out, n, sizeof *out, by_count);
	return n;
}
