/* Weekly aggregation; see week.h. */
#include "week.h"
#include "care.h"
#include "i18n.h"
#include "vocab.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void week_monday(const char *day, char monday[NB_DAY_LEN])
{
	nb_day_add(day, -nb_day_weekday(day), monday);
}

double mean_of(const struct nb_mean *m)
{
	return m->n ? m->sum / m->n : 0;
}

static void add(struct nb_mean *m, double v)
{
	m->sum += v;
	m->n++;
}

static void count(struct nb_count *list, size_t *n, const char *term)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp(list[i].term, term) == 0) {
			list[i].n++;
			return;
		}
	if (*n < NB_WEEK_LIST)
		list[(*n)++] = (struct nb_count){ term, 1 };
}

static int by_count(const void *a, const void *b)
{
	const struct nb_count *x = a, *y = b;

	if (x->n != y->n)
		return y->n - x->n;
	return strcmp(x->term, y->term);
}

static struct nb_week_exercise *exercise_slot(struct nb_week *w, const char *id)
{
	for (size_t i = 0; i < w->nexercises; i++)
		if (strcmp(w->exercises[i].exercise, id) == 0)
			return &w->exercises[i];
	if (w->nexercises == NB_WEEK_LIST)
		return NULL;
	w->exercises[w->nexercises].exercise = id;
	return &w->exercises[w->nexercises++];
}

static bool is_intention(const struct nb_entry *e)
{
	return e->type == NB_REFLECTION && e->u.reflection.prompt &&
	       strcmp(e->u.reflection.prompt, NB_WEEK_PROMPT) == 0;
}

/* A mean change in words: less, more (each with one %s for the size) or
 * about the same; NULL when nothing was noted. */
static const char *change_words(const struct nb_mean *m, const char *less, const char *more,
				const char *same, char *buf, size_t size)
{
	char dec[NB_DEC_LEN];
	double d;

	if (!m->n)
		return NULL;
	d = mean_of(m);
	if (d <= -0.05)
		snprintf(buf, size, less, nb_dec1(-d, dec));
	else if (d >= 0.05)
		snprintf(buf, size, more, nb_dec1(d, dec));
	else
		snprintf(buf, size, "%s", same);
	return buf;
}

const char *week_exercise_change(const struct nb_week_exercise *x, char *buf, size_t size)
{
	return change_words(&x->change, _("tension %s lower afterwards"), _("tension %s higher afterwards"),
			    _("tension about the same afterwards"), buf, size);
}

const char *week_urge_change(const struct nb_week_exercise *x, char *buf, size_t size)
{
	return change_words(&x->urge, _("the urge %s weaker afterwards"), _("the urge %s stronger afterwards"),
			    _("the urge about the same afterwards"), buf, size);
}

bool week_empty(const struct nb_week *w)
{
	return !w->checkins && !w->moments && !w->nexercises && !w->triggers && !w->reflections &&
	       !w->next_intention;
}

void week_build(const struct nb_entries *l, const char *monday, struct nb_week *w)
{
	struct nb_count needs[NB_WEEK_LIST];
	size_t nneeds = 0;
	int day_n[7] = { 0 };

	_Static_assert(NB_LOW_DAYS == 14, "the two weeks of the week's records");
	double two[NB_LOW_DAYS] = { 0 };	/* mean mood per day, the week before and this one */
	int two_n[NB_LOW_DAYS] = { 0 };

	memset(w, 0, sizeof *w);
	snprintf(w->monday, sizeof w->monday, "%s", monday);
	nb_day_add(monday, 6, w->sunday);
	for (size_t i = 0; i < l->n; i++) {
		const struct nb_entry *e = l->v[i];
		int d = nb_day_diff(monday, e->day);

		if (e->type == NB_CHECKIN && e->u.checkin.mood && d >= -7 && d <= 6) {
			two[d + 7] += e->u.checkin.mood;
			two_n[d + 7]++;
		}
		if (d >= -7 && d < 0 && is_intention(e) &&
		    (!w->intention || e->at.utc >= w->intention->at.utc))
			w->intention = e;
		if (d < 0 || d > 6)
			continue;
		switch (e->type) {
		case NB_CHECKIN: {
			const struct nb_checkin *c = &e->u.checkin;
			w->checkins++;
			for (int m = 0; m < NB_M__COUNT; m++) {
				double v = measure_of(e, (enum nb_measure)m);
				if (!isnan(v))
					add(&w->means[m], v);
			}
			if (c->mood) {
				w->day_mood[d] += c->mood;
				day_n[d]++;
			}
			for (size_t k = 0; k < c->needs.n; k++)
				count(needs, &nneeds, c->needs.v[k].term);
			break;
		}
		case NB_MOMENT:
			w->moments++;
			w->wanted_touches += moment_is_wanted_touch(&e->u.moment);
			count(w->kinds, &w->nkinds, e->u.moment.kind);
			break;
		case NB_SESSION: {
			const struct nb_session *s = &e->u.session;
			struct nb_week_exercise *x = exercise_slot(w, s->exercise);
			if (!x)
				break;
			x->n++;
			x->seconds += s->seconds;
			if (s->tension_before && s->tension_after)
				add(&x->change, s->tension_after - s->tension_before);
			if (s->urge_before && s->urge_after)
				add(&x->urge, s->urge_after - s->urge_before);
			break;
		}
		case NB_TRIGGER:
			w->triggers++;
			if (e->u.trigger.need)
				count(needs, &nneeds, e->u.trigger.need);
			break;
		case NB_REFLECTION:
			if (is_intention(e)) {
				if (!w->next_intention || e->at.utc >= w->next_intention->at.utc)
					w->next_intention = e;
			} else {
				w->reflections++;
			}
			break;
		case NB_MEMBER:
		case NB_ATTACHMENT:
		case NB_PHASE:
		case NB_EXPERIMENT:
		case NB_TYPE_NONE:
		case NB_TYPE__COUNT:
			break;
		}
	}
	for (int d = 0; d < 7; d++)
		if (day_n[d])
			w->day_mood[d] /= day_n[d];
	for (int d = 0; d < NB_LOW_DAYS; d++)
		if (two_n[d])
			two[d] /= two_n[d];
	w->lasting_low = care_lasting_low(two, NB_LOW_DAYS);
	qsort(w->kinds, w->nkinds, sizeof w->kinds[0], by_count);
	qsort(needs, nneeds, sizeof needs[0], by_count);
	for (size_t i = 0; i < nneeds; i++)
		if (needs[i].n >= 2)
			w->needs[w->nneeds++] = needs[i];
}

void week_means_line(const struct nb_week *w, struct nb_buf *b)
{
	enum nb_measure order[NB_M__COUNT];
	size_t n = measures_in_checkin_order(order);

	for (size_t i = 0; i < n; i++) {
		const struct nb_measure_info *m = measure_info(order[i]);
		const struct nb_mean *v = &w->means[order[i]];
		char d[NB_DEC_LEN];

		if (!v->n)
			continue;
		if (m->per == 60) {	/* hours as hours and minutes */
			int minutes = (int)(mean_of(v) * 60 + 0.5);
			snprintf(d, sizeof d, "%d:%02d", minutes / 60, minutes % 60);
		} else {
			nb_dec1(mean_of(v), d);
		}
		buf_addf(b, _(m->week), d);
	}
}

void week_moments_line(const struct nb_week *w, struct nb_buf *b)
{
	buf_addf(b, ngettext("%d moment of connection", "%d moments of connection", w->moments), w->moments);
	buf_addf(b, ngettext(" (%d wanted touch)", " (%d wanted touches)", w->wanted_touches), w->wanted_touches);
	buf_add(b, ": ");
	for (size_t i = 0; i < w->nkinds; i++)
		buf_addf(b, "%s%s %d", i ? ", " : "", vocab_label(NB_VOCAB_MOMENT_KIND, w->kinds[i].term),
			 w->kinds[i].n);
}
