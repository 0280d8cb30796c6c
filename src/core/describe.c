/*
 * Records and days in words, the same for every face: the one-line summary
 * of a record ("mood 3 · sadness (3) · needs rest") and a day written out
 * ("Friday 20 November 2026"), in the current language.
 */
#include "describe.h"
#include "attachment.h"
#include "breath.h"
#include "buf.h"
#include "field.h"
#include "i18n.h"
#include "vocab.h"

#include <stdio.h>
#include <string.h>
#include <stdlib.h>

static const char *const weekdays[] = {
	N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
	N_("Friday"), N_("Saturday"), N_("Sunday"),
};

static const char *const months[] = {
	N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
	N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
	N_("December"),
};

void describe_day(const char *day, char *buf, size_t size)
{
	int y = atoi(day), m = atoi(day + 5), d = atoi(day + 8);

	if (m < 1 || m > 12) {
		snprintf(buf, size, "%s", day);
		return;
	}
	/* TRANSLATORS: weekday, day of month, month, year: "Friday 20 November 2026" */
	snprintf(buf, size, _("%1$s %2$d %3$s %4$d"), _(weekdays[nb_day_weekday(day)]), d,
		 _(months[m - 1]), y);
}

const char *describe_weekday(const char *day)
{
	return _(weekdays[nb_day_weekday(day)]);
}

void describe_day_short(const char *day, char *buf, size_t size)
{
	int m = atoi(day + 5), d = atoi(day + 8);

	if (m < 1 || m > 12) {
		snprintf(buf, size, "%s", day);
		return;
	}
	/* TRANSLATORS: day of month and month, on a chart's time axis: "20 November" */
	snprintf(buf, size, _("%1$d %2$s"), d, _(months[m - 1]));
}

void describe_entry_name(const struct nb_entry *e, char *buf, size_t size)
{
	char day[64];

	describe_day_short(e->day, day, sizeof day);
	/* TRANSLATORS: a record and its day: "check-in of 20 November" */
	snprintf(buf, size, _("%1$s of %2$s"), entry_type_label(e->type), day);
}

/* Append s, cut to at most max characters (not bytes), with an ellipsis. */
static void add_cut(struct nb_buf *b, const char *s, size_t max)
{
	size_t chars = 0;
	const char *p = s;

	while (*p && chars < max) {
		p++;
		while ((*p & 0xc0) == 0x80)
			p++;
		chars++;
	}
	for (const char *q = s; q < p; q++)
		buf_addc(b, *q == '\n' || *q == '\t' || *q == '\r' ? ' ' : *q);
	if (*p)
		buf_add(b, "…");
}

void describe_items(struct nb_buf *b, enum nb_vocab v, const struct nb_items *l)
{
	for (size_t i = 0; i < l->n; i++) {
		buf_add(b, i ? ", " : "");
		buf_add(b, vocab_label(v, l->v[i].term));
		if (l->v[i].place)
			buf_addf(b, _(" in %s"), vocab_label(NB_VOCAB_PLACE, l->v[i].place));
		if (l->v[i].intensity)
			buf_addf(b, " (%d)", l->v[i].intensity);
	}
}

static void add_sep(struct nb_buf *b)
{
	if (b->len)
		buf_add(b, " · ");
}

void describe_duration(struct nb_buf *b, int seconds)
{
	if (seconds < 60)	/* a minute as people say it: "1 min", not "60 s" */
		buf_addf(b, _("%d s"), seconds);
	else if (seconds < 600 && seconds % 60)
		buf_addf(b, _("%d min %d s"), seconds / 60, seconds % 60);
	else
		buf_addf(b, _("%d min"), (seconds + 30) / 60);
}

void describe_entry(const struct nb_entry *e, char *out, size_t size)
{
	struct nb_buf b = { 0 };

	switch (e->type) {
	case NB_CHECKIN: {
		const struct nb_checkin *c = &e->u.checkin;
		if (c->mood)
			buf_addf(&b, _("mood %d"), c->mood);
		if (c->tension) {
			add_sep(&b);
			buf_addf(&b, _("tension %d"), c->tension);
		}
		if (c->connection) {
			add_sep(&b);
			buf_addf(&b, _("connected %d"), c->connection);
		}
		if (c->sleep_minutes >= 0) {
			add_sep(&b);
			buf_addf(&b, _("slept %d:%02d"), c->sleep_minutes / 60, c->sleep_minutes % 60);
		}
		if (c->craving) {	/* a craving noted with its own scale */
			add_sep(&b);
			buf_addf(&b, _("craving %d"), c->craving);
		}
		if (c->emotions.n) {
			add_sep(&b);
			describe_items(&b, NB_VOCAB_EMOTION, &c->emotions);
		}
		if (c->needs.n) {
			add_sep(&b);
			buf_add(&b, _("needs "));
			describe_items(&b, NB_VOCAB_NEED, &c->needs);
		}
		if (c->state) {
			add_sep(&b);
			buf_add(&b, vocab_label(NB_VOCAB_STATE, c->state));
		}
		if (c->note) {
			add_sep(&b);
			add_cut(&b, c->note, 40);
		}
		if (!b.len && c->body.n)
			describe_items(&b, NB_VOCAB_SENSATION, &c->body);
		if (!b.len && c->energy)
			buf_addf(&b, _("energy %d"), c->energy);
		if (!b.len && c->sleep_quality)
			buf_addf(&b, _("sleep quality %d"), c->sleep_quality);
		if (!b.len && c->tags.n)
			describe_items(&b, NB_VOCAB_FREE, &c->tags);
		break;
	}
	case NB_MOMENT: {
		const struct nb_moment *m = &e->u.moment;
		buf_add(&b, vocab_label(NB_VOCAB_MOMENT_KIND, m->kind));
		if (m->with)
			buf_addf(&b, _(" with %s"), m->with);
		if (m->seconds) {
			add_sep(&b);
			describe_duration(&b, m->seconds);
		}
		if (m->safe) {
			add_sep(&b);
			buf_addf(&b, _("felt safe: %s"), vocab_label(NB_VOCAB_SAFE, m->safe));
		}
		if (m->effects.n) {
			add_sep(&b);
			describe_items(&b, NB_VOCAB_EFFECT, &m->effects);
		}
		break;
	}
	case NB_TRIGGER:
		add_cut(&b, e->u.trigger.situation, 50);
		if (e->u.trigger.outcome) {
			add_sep(&b);
			buf_add(&b, _("how it went: "));
			add_cut(&b, e->u.trigger.outcome, 30);
		}
		break;
	case NB_MEMBER:
		buf_add(&b, e->u.member.name);
		buf_add(&b, e->u.member.place ? _(" (place)") : "");
		if (e->u.member.reach) {
			add_sep(&b);
			buf_add(&b, e->u.member.reach);
		}
		break;
	case NB_SESSION:
		buf_add(&b, vocab_label(NB_VOCAB_EXERCISE, e->u.session.exercise));
		if (e->u.session.seconds) {
			add_sep(&b);
			describe_duration(&b, e->u.session.seconds);
		}
		if (e->u.session.with)
			buf_addf(&b, _(" with %s"), e->u.session.with);
		if (e->u.session.pattern) {	/* "4-2-6" as words: in 4, hold 2, out 6 seconds */
			char said[96];
			add_sep(&b);
			breath_pattern_words(e->u.session.pattern, said, sizeof said);
			buf_add(&b, said);
		}
		if (e->u.session.tension_before && e->u.session.tension_after) {
			add_sep(&b);
			buf_addf(&b, _("tension %d → %d"), e->u.session.tension_before,
				 e->u.session.tension_after);
		}
		if (e->u.session.urge_before && e->u.session.urge_after) {
			add_sep(&b);
			buf_addf(&b, _("urge %d → %d"), e->u.session.urge_before, e->u.session.urge_after);
		}
		if (e->u.session.words) {
			add_sep(&b);
			add_cut(&b, e->u.session.words, 40);
		}
		break;
	case NB_REFLECTION:
		add_cut(&b, e->u.reflection.text, 60);
		break;
	case NB_ATTACHMENT: {
		struct nb_attachment_score s;
		char x[NB_DEC_LEN], y[NB_DEC_LEN];

		attachment_score(&e->u.attachment, &s);
		buf_addf(&b, _("anxiety %s · avoidance %s"), nb_dec1(s.anxiety, x),
			 nb_dec1(s.avoidance, y));
		break;
	}
	case NB_EXPERIMENT: {
		const struct nb_experiment *x = &e->u.experiment;
		buf_add(&b, x->words && strcmp(x->practice, "own") == 0 ? x->words
								    : vocab_label(NB_VOCAB_PRACTICE, x->practice));
		buf_add(&b, " → ");
		buf_add(&b, vocab_label(NB_VOCAB_OUTCOME, x->outcome));
		add_sep(&b);
		buf_add(&b, vocab_label(NB_VOCAB_EXP_STATE, x->state));
		break;
	}
	case NB_PHASE:
		buf_add(&b, e->u.phase.with);
		buf_add(&b, ": ");
		buf_add(&b, vocab_label(NB_VOCAB_PHASE, e->u.phase.phase));
		if (e->u.phase.note) {
			add_sep(&b);
			add_cut(&b, e->u.phase.note, 40);
		}
		break;
	case NB_TYPE_NONE:
	case NB_TYPE__COUNT:
		break;
	}
	snprintf(out, size, "%s", b.s ? b.s : "");
	buf_free(&b);
}


static void add_row(struct nb_rows *r, const char *label, struct nb_buf *b)
{
	if (b->len && r->n < NB_ROWS_MAX) {
		r->v[r->n].label = label;
		r->v[r->n++].value = buf_detach(b);
	}
	buf_free(b);
}

void describe_rows(const struct nb_entry *e, struct nb_rows *out)
{
	size_t n;
	const struct nb_field *f = fields_of(e->type, &n);
	struct nb_buf b = { 0 };

	out->n = 0;
	for (size_t i = 0; i < n; i++) {
		if (!f[i].label)
			continue;
		if (e->type == NB_SESSION && strcmp(f[i].id, "pattern") == 0 && e->u.session.pattern) {
			char said[96];	/* "4-2-6" as words: in 4, hold 2, out 6 seconds */
			breath_pattern_words(e->u.session.pattern, said, sizeof said);
			buf_add(&b, said);
		} else {
			field_describe(e, &f[i], &b);
		}
		add_row(out, _(f[i].label), &b);
	}
	if (e->type == NB_ATTACHMENT) {	/* what the answers say, not the answers */
		struct nb_attachment_score s;
		char d[NB_DEC_LEN];

		attachment_score(&e->u.attachment, &s);
		buf_addf(&b, _("%s of 7"), nb_dec1(s.anxiety, d));
		add_row(out, _("Anxiety"), &b);
		buf_addf(&b, _("%s of 7"), nb_dec1(s.avoidance, d));
		add_row(out, _("Avoidance"), &b);
		buf_add(&b, attachment_pattern_name(s.pattern));
		add_row(out, _("Closest to"), &b);
	}
}

void rows_free(struct nb_rows *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].value);
	r->n = 0;
}
