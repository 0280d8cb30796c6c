/* The week as a story: the rules and their words; see story.h. */
#include "story.h"
#include "care.h"
#include "describe.h"
#include "i18n.h"
#include "vocab.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define EPS 1e-9		/* a mean of whole numbers compared with a threshold */
#define PEOPLE 16		/* circle members told apart in one story */

/* A moment that did not feel safe is never held up as one that came back
 * or followed; one without a kind (not valid, but read) is left out too. */
static bool unsafe(const struct nb_moment *m)
{
	return !m->kind || (m->safe && strcmp(m->safe, "no") == 0);
}

/* Whether a comes before b in time (the id breaks a tie). */
static bool earlier(const struct nb_entry *a, const struct nb_entry *b)
{
	return !b || a->at.utc < b->at.utc || (a->at.utc == b->at.utc && a->id < b->id);
}

/* The exercise with the largest drop of at least NB_STORY_DROP, on the
 * urge or on tension; not skip. */
static const struct nb_week_exercise *largest_drop(const struct nb_week *w, bool urge, const char *skip)
{
	const struct nb_week_exercise *best = NULL;

	for (size_t i = 0; i < w->nexercises; i++) {
		const struct nb_week_exercise *x = &w->exercises[i];
		const struct nb_mean *m = urge ? &x->urge : &x->change;
		double d;

		if (!m->n || mean_of(m) > -NB_STORY_DROP + EPS || (skip && strcmp(x->exercise, skip) == 0))
			continue;
		if (best) {
			const struct nb_mean *b = urge ? &best->urge : &best->change;
			d = mean_of(m) - mean_of(b);
			if (d > EPS || (fabs(d) <= EPS && (m->n < b->n ||
			    (m->n == b->n && strcmp(x->exercise, best->exercise) > 0))))
				continue;
		}
		best = x;
	}
	return best;
}

static void drop_item(struct nb_story_item *it, enum nb_story_kind k, const struct nb_week_exercise *x)
{
	const struct nb_mean *m = k == NB_STORY_URGE ? &x->urge : &x->change;

	it->kind = k;
	it->term = x->exercise;
	it->n = m->n;
	it->change = mean_of(m);
}

/* What the day after day d (0 Monday) held, into it; skip is an exercise
 * the story already tells of. */
static void day_after(const struct nb_week *w, const struct nb_entries *l, int d, const char *skip,
		      struct nb_story_item *it)
{
	const struct nb_entry *moment = NULL, *session = NULL;
	bool lighter = false;
	char next[NB_DAY_LEN];

	it->after = NB_AFTER_NONE;
	if (d >= 6)	/* the next Monday is another week's */
		return;
	nb_day_add(w->monday, d + 1, next);
	for (size_t i = 0; i < l->n; i++) {
		const struct nb_entry *e = l->v[i];

		if (strcmp(e->day, next) != 0)
			continue;
		if (e->type == NB_MOMENT && !unsafe(&e->u.moment) && earlier(e, moment))
			moment = e;
		else if (e->type == NB_SESSION && !(skip && strcmp(e->u.session.exercise, skip) == 0) &&
			 earlier(e, session))
			session = e;
		else if (e->type == NB_CHECKIN && !it->low_mood && care_craving_answered(&e->u.checkin) &&
			 !care_strong_craving(&e->u.checkin))
			lighter = true;	/* after a strong urge, a weaker one */
	}
	if (it->low_mood)
		lighter = w->day_mood[d + 1] > w->day_mood[d];
	it->after_record = moment ? moment : session;
	if (moment) {
		it->after = NB_AFTER_MOMENT;
		it->after_term = moment->u.moment.kind;
		it->after_with = moment->u.moment.with && *moment->u.moment.with ? moment->u.moment.with : NULL;
	} else if (session) {
		it->after = NB_AFTER_EXERCISE;
		it->after_term = session->u.session.exercise;
	} else if (lighter) {
		it->after = NB_AFTER_LIGHTER;
	}
}

/* Rule 1: the first day with a strong craving (the first with something
 * after it, when there is one), else the day of the lowest mood when it
 * is clearly below the week's mean. */
static bool heavier_day(const struct nb_week *w, const struct nb_entries *l, const char *skip,
			struct nb_story_item *it)
{
	bool strong[7] = { false }, low[7] = { false };
	int days = 0, chosen = -1;
	double mean = mean_of(&w->means[NB_M_MOOD]);

	for (size_t i = 0; i < l->n; i++) {
		const struct nb_entry *e = l->v[i];
		int d = nb_day_diff(w->monday, e->day);

		if (e->type == NB_CHECKIN && d >= 0 && d <= 6 && care_strong_craving(&e->u.checkin))
			strong[d] = true;
	}
	for (int d = 0; d < 7; d++)
		days += w->day_mood[d] > 0;
	for (int d = 0; d < 7; d++)
		low[d] = days >= 2 && w->day_mood[d] > 0 && mean - w->day_mood[d] >= NB_STORY_GAP - EPS;
	for (int d = 0; d < 7 && chosen < 0; d++) {	/* a strong craving */
		if (!strong[d])
			continue;
		*it = (struct nb_story_item){ .kind = NB_STORY_HEAVY, .low_mood = low[d], .craving = true };
		day_after(w, l, d, skip, it);
		if (it->after != NB_AFTER_NONE)
			chosen = d;
	}
	for (int d = 0; d < 7 && chosen < 0; d++)
		if (strong[d])
			chosen = d;
	if (chosen < 0)		/* else the lowest mood, the earlier of equals */
		for (int d = 0; d < 7; d++)
			if (low[d] && (chosen < 0 || w->day_mood[d] < w->day_mood[chosen]))
				chosen = d;
	if (chosen < 0)
		return false;
	*it = (struct nb_story_item){ .kind = NB_STORY_HEAVY, .low_mood = low[chosen], .craving = strong[chosen] };
	nb_day_add(w->monday, chosen, it->day);
	day_after(w, l, chosen, skip, it);
	return true;
}

struct person {
	const char *uid;
	const struct nb_entry *first, *newest;	/* this week's, with a name for newest */
	int n, before;
};

/* Rule 3: a person from the circle after a week without, or again and
 * again; else a kind of moment again and again. */
static bool came_back(const struct nb_week *w, const struct nb_entries *l, const struct nb_entry *told,
		      struct nb_story_item *it)
{
	struct person p[PEOPLE];
	struct nb_count kinds[NB_WEEK_LIST];
	size_t np = 0, nk = 0;
	int before = 0;
	const struct person *back = NULL, *often = NULL;
	const struct nb_count *kind = NULL;

	for (size_t i = 0; i < l->n; i++) {
		const struct nb_entry *e = l->v[i];
		const struct nb_moment *m = &e->u.moment;
		int d = nb_day_diff(w->monday, e->day);
		size_t k;

		if (e->type != NB_MOMENT || d < -7 || d > 6)
			continue;
		before += d < 0;
		if (d >= 0 && !unsafe(m)) {	/* what did not feel safe does not come back */
			for (k = 0; k < nk && strcmp(kinds[k].term, m->kind) != 0; k++)
				;
			if (k == nk && nk < NB_WEEK_LIST)
				kinds[nk++] = (struct nb_count){ m->kind, 0 };
			if (k < nk)
				kinds[k].n++;
		}
		if (!m->member_uid || (d >= 0 && unsafe(m)))
			continue;
		for (k = 0; k < np && strcmp(p[k].uid, m->member_uid) != 0; k++)
			;
		if (k == np) {
			if (np == PEOPLE)
				continue;
			p[np++] = (struct person){ .uid = m->member_uid };
		}
		if (d < 0) {
			p[k].before++;
			continue;
		}
		p[k].n++;
		if (earlier(e, p[k].first))
			p[k].first = e;
		if (m->with && *m->with && (!p[k].newest || earlier(p[k].newest, e)))
			p[k].newest = e;
	}
	for (size_t k = 0; k < np; k++) {
		const struct person *x = &p[k];
		if (!x->n || !x->newest)
			continue;
		if (!x->before && before && !(x->n == 1 && x->first == told) &&	/* not said twice */
		    (!back || x->n > back->n || (x->n == back->n && earlier(x->first, back->first))))
			back = x;
		if (x->n >= NB_STORY_OFTEN &&
		    (!often || x->n > often->n || (x->n == often->n && earlier(x->first, often->first))))
			often = x;
	}
	for (size_t k = 0; k < nk; k++)
		if (kinds[k].n >= NB_STORY_OFTEN &&
		    (!kind || kinds[k].n > kind->n || (kinds[k].n == kind->n && strcmp(kinds[k].term, kind->term) < 0)))
			kind = &kinds[k];
	if (back || often) {
		const struct person *x = back ? back : often;
		*it = (struct nb_story_item){ .kind = back ? NB_STORY_PERSON_BACK : NB_STORY_PERSON_OFTEN,
					      .name = x->newest->u.moment.with, .member_uid = x->uid, .n = x->n };
		if (back) {
			it->term = x->first->u.moment.kind;
			snprintf(it->day, sizeof it->day, "%s", x->first->day);
		}
		return true;
	}
	if (kind) {
		*it = (struct nb_story_item){ .kind = NB_STORY_KIND_OFTEN, .term = kind->term, .n = kind->n };
		return true;
	}
	return false;
}

static bool noted(const struct nb_week *w)
{
	return w->checkins || w->moments || w->nexercises || w->triggers || w->reflections;
}

void week_story(const struct nb_week *w, const struct nb_entries *l, struct nb_story *s)
{
	struct nb_story_item it;
	const struct nb_week_exercise *urge = largest_drop(w, true, NULL), *calm;
	const char *told = urge ? urge->exercise : NULL;	/* the day after need not name it again */

	memset(s, 0, sizeof *s);
	if (heavier_day(w, l, told, &it))
		s->v[s->n++] = it;
	if (urge)
		drop_item(&s->v[s->n++], NB_STORY_URGE, urge);
	if (s->n < NB_STORY_MAX && came_back(w, l, s->n ? s->v[0].after_record : NULL, &it))
		s->v[s->n++] = it;
	if (s->n < NB_STORY_MAX && (calm = largest_drop(w, false, told)))
		drop_item(&s->v[s->n++], NB_STORY_CALMED, calm);
	if (s->n < NB_STORY_MAX && w->intention && w->intention->u.reflection.text &&
	    *w->intention->u.reflection.text)
		s->v[s->n++] = (struct nb_story_item){ .kind = NB_STORY_INTENTION,
						       .text = w->intention->u.reflection.text };
	if (!s->n && noted(w))
		s->v[s->n++] = (struct nb_story_item){ .kind = NB_STORY_NOTED };
}

bool story_has(const struct nb_story *s, enum nb_story_kind k)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].kind == k)
			return true;
	return false;
}

/* A change in points: "2 points", "1.5 points", "1 point". */
static const char *points(double v, char *buf, size_t size)
{
	char d[NB_DEC_LEN];
	double r = round(v);
	bool whole = fabs(v - r) < 0.05;

	if (whole)
		snprintf(d, sizeof d, "%d", (int)r);
	else
		nb_dec1(v, d);
	snprintf(buf, size, ngettext("%s point", "%s points", whole && r == 1 ? 1 : 2), d);
	return buf;
}

/* The second sentence of a heavier day: what followed it. */
static const char *after_text(const struct nb_story_item *it, char *buf, size_t size)
{
	switch (it->after) {
	case NB_AFTER_MOMENT:
		if (it->after_with)
			snprintf(buf, size, _("The day after, there was a moment of connection with %1$s (%2$s)."),
				 it->after_with, vocab_label(NB_VOCAB_MOMENT_KIND, it->after_term));
		else
			snprintf(buf, size, _("The day after, there was a moment of connection (%s)."),
				 vocab_label(NB_VOCAB_MOMENT_KIND, it->after_term));
		return buf;
	case NB_AFTER_EXERCISE:
		snprintf(buf, size, _("The day after, you took time for an exercise (%s)."),
			 vocab_label(NB_VOCAB_EXERCISE, it->after_term));
		return buf;
	case NB_AFTER_LIGHTER:
		return it->low_mood ? _("The day after, your mood was lighter.")
				    : _("The day after, the urge you noted was less strong.");
	case NB_AFTER_NONE:
		break;
	}
	return _("It is good that you noted it.");
}

const char *story_text(const struct nb_story_item *it, char *buf, size_t size)
{
	char pts[64], first[400], then[400];

	switch (it->kind) {
	case NB_STORY_URGE:
		points(-it->change, pts, sizeof pts);
		if (it->n > 1)
			snprintf(buf, size, _("You rode an urge this week; afterwards it was on average %s weaker."), pts);
		else
			snprintf(buf, size, _("You rode an urge this week, and afterwards it was %s weaker."), pts);
		break;
	case NB_STORY_CALMED:
		points(-it->change, pts, sizeof pts);
		nb_capital(vocab_label(NB_VOCAB_EXERCISE, it->term), first, sizeof first);
		if (it->n > 1)	/* after, never "because of" */
			snprintf(buf, size, _("%1$s: afterwards your tension was on average %2$s lower."), first, pts);
		else
			snprintf(buf, size, _("%1$s: afterwards your tension was %2$s lower."), first, pts);
		break;
	case NB_STORY_HEAVY:
		if (it->craving && it->low_mood)
			snprintf(first, sizeof first, _("This week, %s was a heavier day, with a strong urge."),
				 describe_weekday(it->day));
		else if (it->craving)
			snprintf(first, sizeof first, _("On %s a strong urge came."), describe_weekday(it->day));
		else
			snprintf(first, sizeof first, _("This week, %s was a heavier day."), describe_weekday(it->day));
		/* TRANSLATORS: two sentences, one after the other */
		snprintf(buf, size, _("%1$s %2$s"), first, after_text(it, then, sizeof then));
		break;
	case NB_STORY_PERSON_BACK:
		if (it->n > 1)
			snprintf(buf, size,
				 ngettext("This week there was %1$d moment with %2$s from your circle, after a week without.",
					  "This week there were %1$d moments with %2$s from your circle, after a week without.",
					  it->n),
				 it->n, it->name);
		else
			snprintf(buf, size,
				 _("This week there was a moment with %1$s from your circle, after a week without (%2$s, on %3$s)."),
				 it->name, vocab_label(NB_VOCAB_MOMENT_KIND, it->term), describe_weekday(it->day));
		break;
	case NB_STORY_PERSON_OFTEN:
		snprintf(buf, size,
			 ngettext("%2$s from your circle came back in your week again and again: %1$d moment together.",
				  "%2$s from your circle came back in your week again and again: %1$d moments together.",
				  it->n),
			 it->n, it->name);
		break;
	case NB_STORY_KIND_OFTEN:
		snprintf(buf, size,
			 ngettext("One kind of moment came back again and again: %1$s, %2$d time this week.",
				  "One kind of moment came back again and again: %1$s, %2$d times this week.", it->n),
			 vocab_label(NB_VOCAB_MOMENT_KIND, it->term), it->n);
		break;
	case NB_STORY_INTENTION:
		snprintf(buf, size,
			 _("Your intention for this week, in your own words: “%s” — a moment to look back at it, whatever came of it."),
			 it->text);
		break;
	case NB_STORY_NOTED:
	case NB_STORY__COUNT:
		snprintf(buf, size, "%s",
			 _("What you noted this week is below. Every note, however small, was a moment you took for yourself."));
		break;
	}
	return buf;
}

const char *story_kind_id(enum nb_story_kind k)
{
	static const char *const ids[NB_STORY__COUNT] = {
		[NB_STORY_HEAVY] = "heavier_day",
		[NB_STORY_URGE] = "urge_ridden",
		[NB_STORY_PERSON_BACK] = "person_back",
		[NB_STORY_PERSON_OFTEN] = "person_often",
		[NB_STORY_KIND_OFTEN] = "moment_often",
		[NB_STORY_CALMED] = "exercise_calmed",
		[NB_STORY_INTENTION] = "intention",
		[NB_STORY_NOTED] = "noted",
	};

	return k < NB_STORY__COUNT ? ids[k] : "noted";
}

const char *story_after_id(enum nb_story_after a)
{
	switch (a) {
	case NB_AFTER_MOMENT:
		return "moment";
	case NB_AFTER_EXERCISE:
		return "exercise";
	case NB_AFTER_LIGHTER:
		return "lighter";
	case NB_AFTER_NONE:
		break;
	}
	return "none";
}
