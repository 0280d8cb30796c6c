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

static int write_row(FILE *out, char *const *row)
{
	for (size_t i = 0; i < NCOL; i++) {
		if (i && fputc(',', out) == EOF)
			return -1;
		if (row[i] && csv_fwrite(out, row[i], strlen(row[i])) != 0)
			return -1;
	}
	return fputs("\r\n", out) == EOF ? -1 : 0;
}

enum nb_err io_csv_write(FILE *out, const struct nb_entries *l, struct nb_error *err)
{
	char *row[NCOL] = { 0 };
	int bad = write_row(out, (char *const *)columns);

	for (size_t i = 0; !bad && i < l->n; i++) {
		fill(row, l->v[i]);
		bad = write_row(out, row);
		for (size_t c = 0; c < NCOL; c++) {
			free(row[c]);
			row[c] = NULL;
		}
	}
	if (bad || fflush(out) != 0)
		return nb_error_set(err, NB_EIO, "out", _("Could not write the export."));
	return NB_OK;
}
