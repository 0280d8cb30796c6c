/*
 * CSV export for spreadsheets: one row per record, one column per field of
 * any kind, lists joined with "; ". Quoting is libcsv's (RFC 4180).
 * Values are the stored ids, so a sheet reads the same in every language.
 */
#include "io.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/xalloc.h"

#include <csv.h>

#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static const char *const columns[] = {
	"uid", "type", "at", "day", "created", "updated",
	"body", "emotions", "needs", "state", "mood", "energy", "tension",
	"sleep_hours", "sleep_quality", "tags",
	"kind", "with", "seconds", "safe", "effects",
	"situation", "reaction", "emotion", "need", "alternative", "outcome",
	"name", "place", "reach", "helps",
	"exercise", "tension_before", "tension_after", "pattern", "words", "prompt", "text",
	"answers", "phase", "note",
};
#define NCOL (sizeof columns / sizeof columns[0])

static int col(const char *name)
{
	for (size_t i = 0; i < NCOL; i++)
		if (strcmp(columns[i], name) == 0)
			return (int)i;
	abort();	/* a misspelt column is our own bug */
}

static void put(char **row, const char *name, const char *value)
{
	int i = col(name);

	free(row[i]);
	row[i] = xstrdup(value);
}

static void put_int(char **row, const char *name, int v, int unset)
{
	char s[24];

	if (v == unset)
		return;
	snprintf(s, sizeof s, "%d", v);
	put(row, name, s);
}

/* "a; b:3; c@shoulders" */
static void put_items(char **row, const char *name, const struct nb_items *l)
{
	struct nb_buf b = { 0 };

	for (size_t i = 0; i < l->n; i++) {
		buf_add(&b, i ? "; " : "");
		buf_add(&b, l->v[i].term);
		if (l->v[i].place)
			buf_addf(&b, "@%s", l->v[i].place);
		if (l->v[i].intensity)
			buf_addf(&b, ":%d", l->v[i].intensity);
	}
	if (b.len)
		put(row, name, b.s);
	buf_free(&b);
}

static void fill(char **row, const struct nb_entry *e)
{
	char s[NB_STAMP_LEN];

	put(row, "uid", e->uid);
	put(row, "type", entry_type_id(e->type));
	nb_stamp_format(e->at, s);
	put(row, "at", s);
	put(row, "day", e->day);
	nb_utc_format(e->created, s);
	put(row, "created", s);
	nb_utc_format(e->updated, s);
	put(row, "updated", s);
	switch (e->type) {
	case NB_CHECKIN: {
		const struct nb_checkin *c = &e->u.checkin;
		put_items(row, "body", &c->body);
		put_items(row, "emotions", &c->emotions);
		put_items(row, "needs", &c->needs);
		put(row, "state", c->state);
		put_int(row, "mood", c->mood, 0);
		put_int(row, "energy", c->energy, 0);
		put_int(row, "tension", c->tension, 0);
		if (c->sleep_minutes >= 0) {
			snprintf(s, sizeof s, "%.2f", c->sleep_minutes / 60.0);
			put(row, "sleep_hours", s);
		}
		put_int(row, "sleep_quality", c->sleep_quality, 0);
		put_items(row, "tags", &c->tags);
		put(row, "note", c->note);
		break;
	}
	case NB_MOMENT:
		put(row, "kind", e->u.moment.kind);
		put(row, "with", e->u.moment.with);
		put_int(row, "seconds", e->u.moment.seconds, 0);
		put(row, "safe", e->u.moment.safe);
		put_items(row, "effects", &e->u.moment.effects);
		put(row, "note", e->u.moment.note);
		break;
	case NB_TRIGGER:
		put(row, "situation", e->u.trigger.situation);
		put(row, "reaction", e->u.trigger.reaction);
		put(row, "emotion", e->u.trigger.emotion);
		put(row, "need", e->u.trigger.need);
		put(row, "alternative", e->u.trigger.alternative);
		put(row, "outcome", e->u.trigger.outcome);
		break;
	case NB_MEMBER:
		put(row, "name", e->u.member.name);
		put(row, "place", e->u.member.place ? "place" : "person");
		put(row, "reach", e->u.member.reach);
		put(row, "helps", e->u.member.helps);
		break;
	case NB_SESSION:
		put(row, "exercise", e->u.session.exercise);
		put_int(row, "seconds", e->u.session.seconds, 0);
		put_int(row, "tension_before", e->u.session.tension_before, 0);
		put_int(row, "tension_after", e->u.session.tension_after, 0);
		put(row, "pattern", e->u.session.pattern);
		put(row, "with", e->u.session.with);
		put(row, "words", e->u.session.words);
		break;
	case NB_ATTACHMENT: {
		char answers[4 * NB_ATTACHMENT_ITEMS] = "";
		for (int i = 0; i < NB_ATTACHMENT_ITEMS; i++)
			snprintf(answers + strlen(answers), sizeof answers - strlen(answers), "%s%d",
				 i ? ";" : "", e->u.attachment.answers[i]);
		put(row, "answers", answers);
		break;
	}
	case NB_PHASE:
		put(row, "phase", e->u.phase.phase);
		put(row, "with", e->u.phase.with);
		put(row, "note", e->u.phase.note);
		break;
	case NB_REFLECTION:
		put(row, "prompt", e->u.reflection.prompt);
		put(row, "text", e->u.reflection.text);
		break;
	default:
		break;
	}
}

/* Write the columns of row that keep[] marks (all when keep is NULL). */
static int write_row(FILE *out, char *const *row, const bool *keep)
{
	bool first = true;

	for (size_t i = 0; i < NCOL; i++) {
		if (keep && !keep[i])
			continue;
		if (!first && fputc(',', out) == EOF)
			return -1;
		first = false;
		if (row[i] && csv_fwrite(out, row[i], strlen(row[i])) != 0)
			return -1;
	}
	return fputs("\r\n", out) == EOF ? -1 : 0;
}

/* Write the records of l, of type t only when t is set, in the columns
 * that type uses (all columns for a mixed file). */
static enum nb_err write_csv(FILE *out, const struct nb_entries *l, enum nb_type t,
			     struct nb_error *err)
{
	char *row[NCOL] = { 0 };
	bool keep[NCOL];
	int bad;

	for (size_t c = 0; c < NCOL; c++)
		keep[c] = !t || c < 6;	/* uid, type, at, day, created, updated */
	for (size_t i = 0; t && i < l->n; i++) {	/* the columns any record of t fills */
		if (l->v[i]->type != t)
			continue;
		fill(row, l->v[i]);
		for (size_t c = 0; c < NCOL; c++) {
			keep[c] = keep[c] || row[c];
			free(row[c]);
			row[c] = NULL;
		}
	}
	bad = write_row(out, (char *const *)columns, keep);
	for (size_t i = 0; !bad && i < l->n; i++) {
		if (t && l->v[i]->type != t)
			continue;
		fill(row, l->v[i]);
		bad = write_row(out, row, keep);
		for (size_t c = 0; c < NCOL; c++) {
			free(row[c]);
			row[c] = NULL;
		}
	}
	if (bad || fflush(out) != 0)
		return nb_error_set(err, NB_EIO, "out", _("Could not write the export."));
	return NB_OK;
}

enum nb_err io_csv_write(FILE *out, const struct nb_entries *l, struct nb_error *err)
{
	return write_csv(out, l, NB_TYPE_NONE, err);
}

enum nb_err io_csv_write_type(FILE *out, const struct nb_entries *l, enum nb_type t,
			      struct nb_error *err)
{
	return write_csv(out, l, t, err);
}

/* Text for a Daylio note: line breaks as <br>, markup characters escaped. */
static char *daylio_note(const char *s)
{
	struct nb_buf b = { 0 };

	for (; s && *s; s++) {
		switch (*s) {
		case '\n': buf_add(&b, "<br>"); break;
		case '<': buf_add(&b, "&lt;"); break;
		case '>': buf_add(&b, "&gt;"); break;
		case '&': buf_add(&b, "&amp;"); break;
		default: buf_addc(&b, *s);
		}
	}
	return buf_detach(&b);
}

enum nb_err io_daylio_write(FILE *out, const struct nb_entries *l, struct nb_error *err)
{
	static const char *const moods[] = { "", "awful", "bad", "meh", "good", "rad" };
	static const char *const days[] = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
					    "Saturday", "Sunday" };
	static const char *const months[] = { "January", "February", "March", "April", "May", "June",
					      "July", "August", "September", "October", "November",
					      "December" };
	int bad = fputs("full_date,date,weekday,time,mood,activities,note_title,note\r\n", out) == EOF;

	/* Daylio lists the newest first */
	for (size_t i = l->n; !bad && i-- > 0;) {
		const struct nb_entry *e = l->v[i];
		struct nb_buf acts = { 0 };
		char clock[8], date[32], *note;
		const char *f[8];

		if (e->type != NB_CHECKIN || !e->u.checkin.mood)
			continue;	/* Daylio has no entry without a mood */
		nb_stamp_clock(e->at, clock);
		snprintf(date, sizeof date, "%s %d", months[(atoi(e->day + 5) + 11) % 12], atoi(e->day + 8));
		for (size_t k = 0; k < e->u.checkin.tags.n; k++)
			buf_addf(&acts, "%s%s", k ? " | " : "", e->u.checkin.tags.v[k].term);
		note = daylio_note(e->u.checkin.note);
		f[0] = e->day, f[1] = date, f[2] = days[nb_day_weekday(e->day)], f[3] = clock;
		f[4] = moods[e->u.checkin.mood], f[5] = acts.s ? acts.s : "", f[6] = "", f[7] = note;
		for (int k = 0; k < 8 && !bad; k++)
			bad = (k && fputc(',', out) == EOF) || csv_fwrite(out, f[k], strlen(f[k])) != 0;
		bad = bad || fputs("\r\n", out) == EOF;
		buf_free(&acts);
		free(note);
	}
	if (bad || fflush(out) != 0)
		return nb_error_set(err, NB_EIO, "out", _("Could not write the export."));
	return NB_OK;
}
