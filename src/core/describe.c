/*
 * Records and days in words, the same for every face: the one-line summary
 * of a record ("mood 3 · sadness (3) · needs rest") and a day written out
 * ("Friday 20 November 2026"), in the current language.
 */
#include "describe.h"
#include "attachment.h"
#include "breath.h"
#include "buf.h"
#include "experiment.h"
#include "field.h"
#include "i18n.h"
#include "time.h"
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
	char dn[24], yn[24];

	if (m < 1 || m > 12) {
		snprintf(buf, size, "%s", day);
		return;
	}
	/* TRANSLATORS: weekday, day of month, month, year: "Friday 20 November 2026" */
	nb_say(buf, size, _("%1$s %2$d %3$s %4$d"),
	       (const char *[]){ _(weekdays[nb_day_weekday(day)]), nb_int(d, dn), _(months[m - 1]), nb_int(y, yn) }, 4);
}

const char *describe_weekday(const char *day)
{
	return _(weekdays[nb_day_weekday(day)]);
}

/* The months as a list of moments says them (describe_when): short, and
 * in their own context, as "May" is also the whole month's name. */
static const char *const months_short[] = {
	NC_("month, short", "Jan"), NC_("month, short", "Feb"), NC_("month, short", "Mar"),
	NC_("month, short", "Apr"), NC_("month, short", "May"), NC_("month, short", "Jun"),
	NC_("month, short", "Jul"), NC_("month, short", "Aug"), NC_("month, short", "Sep"),
	NC_("month, short", "Oct"), NC_("month, short", "Nov"), NC_("month, short", "Dec"),
};

void describe_when(int64_t utc, const char *today, char *buf, size_t size)
{
	struct nb_stamp st = nb_stamp_local(utc);
	char day[NB_DAY_LEN], clock[8], dn[24], yn[24];
	int diff, m;

	nb_day_key(st, day);
	nb_stamp_clock(st, clock);
	m = atoi(day + 5);
	diff = today && strlen(today) == NB_DAY_LEN - 1 ? nb_day_diff(day, today) : 2;
	if (diff == 0)
		/* TRANSLATORS: a moment of today in a list: "today 14:02" */
		nb_say(buf, size, _("today %s"), (const char *[]){ clock }, 1);
	else if (diff == 1)
		/* TRANSLATORS: "yesterday 09:10" */
		nb_say(buf, size, _("yesterday %s"), (const char *[]){ clock }, 1);
	else if (diff == -1)
		/* TRANSLATORS: "tomorrow 14:02" */
		nb_say(buf, size, _("tomorrow %s"), (const char *[]){ clock }, 1);
	else if (m < 1 || m > 12)
		snprintf(buf, size, "%s %s", day, clock);
	else if (strncmp(day, today ? today : "", 4) == 0)
		/* TRANSLATORS: day of month, short month, time: "3 Dec 14:02" */
		nb_say(buf, size, C_("a moment in a list", "%1$s %2$s %3$s"),
		       (const char *[]){ nb_int(atoi(day + 8), dn), C_("month, short", months_short[m - 1]), clock }, 3);
	else
		/* TRANSLATORS: day of month, short month, year, time: "3 Dec 2025 14:02" */
		nb_say(buf, size, C_("a moment in a list", "%1$s %2$s %3$s %4$s"),
		       (const char *[]){ nb_int(atoi(day + 8), dn), C_("month, short", months_short[m - 1]),
					 nb_int(atoi(day), yn), clock }, 4);
}

void describe_day_short(const char *day, char *buf, size_t size)
{
	int m = atoi(day + 5), d = atoi(day + 8);
	char dn[24];

	if (m < 1 || m > 12) {
		snprintf(buf, size, "%s", day);
		return;
	}
	/* TRANSLATORS: day of month and month, on a chart's time axis: "20 November" */
	nb_say(buf, size, _("%1$d %2$s"), (const char *[]){ nb_int(d, dn), _(months[m - 1]) }, 2);
}

void describe_entry_name(const struct nb_entry *e, char *buf, size_t size)
{
	char day[64];

	describe_day_short(e->day, day, sizeof day);
	/* TRANSLATORS: a record and its day: "check-in of 20 November" */
	nb_say(buf, size, _("%1$s of %2$s"), (const char *[]){ entry_type_label(e->type), day }, 2);
}

void describe_cut(struct nb_buf *b, const char *s, size_t max)
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
			buf_say(b, _(" in %s"), (const char *[]){ vocab_label(NB_VOCAB_PLACE, l->v[i].place) }, 1);
		if (l->v[i].intensity) {
			buf_add(b, " (");
			buf_addi(b, l->v[i].intensity);
			buf_add(b, ")");
		}
	}
}

static void add_sep(struct nb_buf *b)
{
	if (b->len)
		buf_add(b, " · ");
}

void describe_duration(struct nb_buf *b, int seconds)
{
	char x[24], y[24];

	if (seconds < 60)	/* a minute as people say it: "1 min", not "60 s" */
		buf_say(b, _("%d s"), (const char *[]){ nb_int(seconds, x) }, 1);
	else if (seconds < 600 && seconds % 60)
		buf_say(b, _("%d min %d s"), (const char *[]){ nb_int(seconds / 60, x), nb_int(seconds % 60, y) }, 2);
	else
		buf_say(b, _("%d min"), (const char *[]){ nb_int((seconds + 30) / 60, x) }, 1);
}

void describe_pattern(const struct nb_entry *e, struct nb_buf *b)
{
	char said[96];	/* "4-2-6" as words: in 4, hold 2, out 6 seconds */

	breath_pattern_words(e->u.session.pattern, said, sizeof said);
	buf_add(b, said);
}

void describe_attachment(const struct nb_entry *e, struct nb_buf *b)
{
	struct nb_attachment_score s;
	char x[NB_DEC_LEN], y[NB_DEC_LEN];

	attachment_score(&e->u.attachment, &s);
	buf_addf(b, _("anxiety %s · avoidance %s"), nb_dec1(s.anxiety, x), nb_dec1(s.avoidance, y));
}

void describe_practice(const struct nb_entry *e, struct nb_buf *b)
{
	buf_add(b, exp_practice_text(&e->u.experiment));
}

/* The value of f in e as the summary says it, into v; false when there is
 * nothing to say (not answered, or a flag that is off). */
static bool sum_value(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *v)
{
	if (!field_answered(e, f))
		return false;
	if (f->sum.say || f->say) {
		(f->sum.say ? f->sum.say : f->say)(e, v);
		return true;
	}
	return field_sum(e, f, v);
}

/* The summary is the rows that have a place in it (sum.at), in that order. */
void describe_entry(const struct nb_entry *e, char *out, size_t size)
{
	struct nb_buf b = { 0 }, v = { 0 }, w = { 0 };
	size_t n, k = 0, order[64];
	const struct nb_field *f = fields_of(e->type, &n);

	/* the rows in the order of their places: a few, sorted by insertion */
	for (size_t i = 0; i < n && k < sizeof order / sizeof order[0]; i++) {
		size_t j = k++;

		if (f[i].sum.at <= 0) {
			k--;
			continue;
		}
		for (; j > 0 && f[order[j - 1]].sum.at > f[i].sum.at; j--)
			order[j] = order[j - 1];
		order[j] = i;
	}
	for (size_t o = 0; o < k; o++) {
		size_t i = order[o];
		unsigned fl = f[i].sum.flags;
		bool pair = (fl & NB_FS_PAIR) && i + 1 < n;

		if ((fl & NB_FS_ELSE) && b.len)
			continue;
		buf_reset(&v);
		buf_reset(&w);
		if (!sum_value(e, &f[i], &v) || (pair && !sum_value(e, &f[i + 1], &w)))
			continue;
		if (!(fl & NB_FS_JOINED))
			add_sep(&b);
		if (f[i].type == NB_FT_FLAG)	/* its words are the whole of it */
			buf_add(&b, _(f[i].sum.fmt));
		else if (f[i].sum.fmt)
			buf_say(&b, _(f[i].sum.fmt), (const char *[]){ v.s, pair ? w.s : NULL }, pair ? 2 : 1);
		else
			buf_add(&b, v.s ? v.s : "");
	}
	if (size) {
		size_t len = b.len < size - 1 ? b.len : size - 1;

		memcpy(out, b.s ? b.s : "", len);
		out[len] = '\0';
	}
	buf_free(&b);
	buf_free(&v);
	buf_free(&w);
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
		if (f[i].say && field_answered(e, &f[i]))
			f[i].say(e, &b);
		else
			field_describe(e, &f[i], &b);
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
