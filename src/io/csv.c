/*
 * CSV export for spreadsheets: one row per record, one column per field of
 * any kind, lists joined with "; ". Quoting is libcsv's (RFC 4180).
 * Values are the stored ids, so a sheet reads the same in every language.
 */
#include "io.h"
#include "core/buf.h"
#include "core/field.h"
#include "core/i18n.h"
#include "core/xalloc.h"

#include <csv.h>

#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/*
 * The columns: the envelope, then each kind's fields in the order of its
 * table (core/field.c), a column shared by kinds once; the note, shared by
 * check-ins, moments and phases, comes last, where long text reads best.
 */
#define NCOL_MAX 96

struct cols {
	const char *v[NCOL_MAX];
	size_t n;
};

static const char *csv_name(const struct nb_field *f)
{
	return f->csv ? f->csv : f->key;
}

static void add_column(struct cols *c, const char *name)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i], name) == 0)
			return;
	if (c->n == NCOL_MAX)
		abort();	/* more fields than columns: our own bug */
	c->v[c->n++] = name;
}

static void lay_out(struct cols *c)
{
	static const char *const envelope[] = { "uid", "type", "at", "day", "created", "updated" };

	c->n = 0;
	for (size_t i = 0; i < sizeof envelope / sizeof envelope[0]; i++)
		add_column(c, envelope[i]);
	for (int t = NB_CHECKIN; t < NB_TYPE__COUNT; t++) {
		size_t n;
		const struct nb_field *f = fields_of((enum nb_type)t, &n);
		for (size_t i = 0; i < n; i++)
			if (*csv_name(&f[i]) && strcmp(csv_name(&f[i]), "note") != 0)
				add_column(c, csv_name(&f[i]));
	}
	add_column(c, "note");
}

static int col(const struct cols *c, const char *name)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i], name) == 0)
			return (int)i;
	abort();	/* a misspelt column is our own bug */
}

static void put(const struct cols *c, char **row, const char *name, const char *value)
{
	int i = col(c, name);

	free(row[i]);
	row[i] = xstrdup(value);
}

static void put_int(const struct cols *c, char **row, const char *name, int v, int unset)
{
	char s[24];

	if (v == unset)
		return;
	snprintf(s, sizeof s, "%d", v);
	put(c, row, name, s);
}

/* "a; b:3; c@shoulders" */
static void put_items(const struct cols *c, char **row, const char *name, const struct nb_items *l)
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
		put(c, row, name, b.s);
	buf_free(&b);
}

/* Each type of field in its CSV column, one writer per type: a number, hours
 * of sleep as a decimal, a text, a list "a; b:3", a flag in its words, the
 * answers "4;2;6". */
typedef void csv_put_fn(const struct cols *c, char **row, const char *name, const struct nb_entry *e,
			const struct nb_field *f);

static void put_number(const struct cols *c, char **row, const char *name, const struct nb_entry *e,
		       const struct nb_field *f)
{
	put_int(c, row, name, field_int_of(e, f), field_unset(f));
}

static void put_hours(const struct cols *c, char **row, const char *name, const struct nb_entry *e,
		      const struct nb_field *f)
{
	char s[24];
	int v = field_int_of(e, f);

	if (v >= 0) {
		snprintf(s, sizeof s, "%.2f", v / 60.0);
		put(c, row, name, s);
	}
}

static void put_text(const struct cols *c, char **row, const char *name, const struct nb_entry *e,
		     const struct nb_field *f)
{
	put(c, row, name, field_str_of(e, f));
}

static void put_list(const struct cols *c, char **row, const char *name, const struct nb_entry *e,
		     const struct nb_field *f)
{
	put_items(c, row, name, field_items_of(e, f));
}

static void put_flag(const struct cols *c, char **row, const char *name, const struct nb_entry *e,
		     const struct nb_field *f)
{
	put(c, row, name, field_flag_of(e, f) ? f->high : f->low);
}

static void put_answers(const struct cols *c, char **row, const char *name, const struct nb_entry *e,
			const struct nb_field *f)
{
	struct nb_buf answers = { 0 };

	field_answers_text(e, f, ';', &answers);
	put(c, row, name, answers.s);
	buf_free(&answers);
}

static csv_put_fn *const csv_put[NB_FT__COUNT] = {
	[NB_FT_SCALE] = put_number, [NB_FT_SECONDS] = put_number, [NB_FT_MINUTES] = put_hours,
	[NB_FT_TERM] = put_text, [NB_FT_LINE] = put_text, [NB_FT_TEXT] = put_text,
	[NB_FT_PROMPT] = put_text, [NB_FT_MEMBER] = put_text, [NB_FT_ITEMS] = put_list,
	[NB_FT_TERMS] = put_list, [NB_FT_FLAG] = put_flag, [NB_FT_ANSWERS] = put_answers,
};

static void put_field(const struct cols *c, char **row, const struct nb_entry *e, const struct nb_field *f)
{
	const char *name = csv_name(f);

	if (*name)
		csv_put[f->type](c, row, name, e, f);
}

static void fill(const struct cols *c, char **row, const struct nb_entry *e)
{
	char s[NB_STAMP_LEN];
	size_t n;
	const struct nb_field *f = fields_of(e->type, &n);

	put(c, row, "uid", e->uid);
	put(c, row, "type", entry_type_id(e->type));
	nb_stamp_format(e->at, s);
	put(c, row, "at", s);
	put(c, row, "day", e->day);
	nb_utc_format(e->created, s);
	put(c, row, "created", s);
	nb_utc_format(e->updated, s);
	put(c, row, "updated", s);
	for (size_t i = 0; i < n; i++)
		put_field(c, row, e, &f[i]);
}

/* Write the columns of row that keep[] marks (all when keep is NULL). */
static int write_row(FILE *out, size_t ncol, char *const *row, const bool *keep)
{
	bool first = true;

	for (size_t i = 0; i < ncol; i++) {
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
	char *row[NCOL_MAX] = { 0 };
	bool keep[NCOL_MAX];
	struct cols cols;
	int bad;

	lay_out(&cols);
	for (size_t k = 0; k < cols.n; k++)
		keep[k] = !t || k < 6;	/* uid, type, at, day, created, updated */
	for (size_t i = 0; t && i < l->n; i++) {	/* the columns any record of t fills */
		if (l->v[i]->type != t)
			continue;
		fill(&cols, row, l->v[i]);
		for (size_t k = 0; k < cols.n; k++) {
			keep[k] = keep[k] || row[k];
			free(row[k]);
			row[k] = NULL;
		}
	}
	bad = write_row(out, cols.n, (char *const *)cols.v, keep);
	for (size_t i = 0; !bad && i < l->n; i++) {
		if (t && l->v[i]->type != t)
			continue;
		fill(&cols, row, l->v[i]);
		bad = write_row(out, cols.n, row, keep);
		for (size_t k = 0; k < cols.n; k++) {
			free(row[k]);
			row[k] = NULL;
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
