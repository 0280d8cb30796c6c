/*
 * Reading and writing files: nabij's own JSON format (lossless, versioned,
 * documented in docs/FORMAT.md) and a CSV export for spreadsheets. These
 * are the only places that parse or write such files; the use-cases hand
 * them records and take records back.
 */
#ifndef NB_IO_H
#define NB_IO_H

#include "core/buf.h"
#include "core/care.h"
#include "core/err.h"
#include "core/record.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>


/* Write all records as nabij JSON, stamped with the export time now. */
enum nb_err io_json_write(FILE *out, const struct nb_entries *l, int64_t now,
			  struct nb_error *err);

/*
 * The same file written record by record, for an export of years: begin,
 * one io_json_record per record, end. The bytes are those of
 * io_json_write with the same records.
 */
struct io_json_out {
	FILE *f;
	size_t n;		/* records written */
	struct nb_buf buf;	/* the record being written, kept for the next */
};
enum nb_err io_json_begin(struct io_json_out *w, FILE *f, int64_t now, struct nb_error *err);
enum nb_err io_json_record(const struct nb_entry *e, void *w, struct nb_error *err);
enum nb_err io_json_end(struct io_json_out *w, struct nb_error *err);
/* Release what the writing holds; after io_json_begin, always. */
void io_json_close(struct io_json_out *w);

/*
 * Read nabij JSON from text of len bytes into out (appended). A file that is
 * not JSON, not nabij's format, of a newer version, or with a record whose
 * field has the wrong type or an unknown name is refused with a message that
 * gives the line and column or the record and field; out is then empty.
 * Records are not validated against the domain rules here: app_import does.
 */
enum nb_err io_json_read(const char *text, size_t len, struct nb_entries *out,
			 struct nb_error *err);

/* One record as a JSON object text (for --json on single records and
 * listings); the caller frees it. */
char *io_json_entry(const struct nb_entry *e);
/* A list of records as a JSON array text; the caller frees it. */
char *io_json_entries(const struct nb_entries *l);

/* The summary of a day as a JSON object text; the caller frees it.
 * Touch from someone else and self-touch are given apart (null when none);
 * lasting_low is care_lasting_low over the last two weeks. */
char *io_json_today(const char *day, const struct nb_entries *entries, const struct nb_touch *touch,
		    const double *moods, int nmoods, const char *prompt_id,
		    const char *prompt_text, int64_t circle, bool needs_care, bool lasting_low);

/* The exercises of the catalogue (all when x is NULL, else that one, with
 * its steps) as JSON text; the caller frees it. */
struct nb_exercise;
char *io_json_exercises(const struct nb_exercise *x);

/* The look back at a week as a JSON object text, with its records; the
 * caller frees it. */
struct nb_week;
char *io_json_week(const struct nb_week *w, const struct nb_entries *records);

/* s as a quoted JSON string; the caller frees it. */
char *io_json_string(const char *s);

/* All records as CSV, one row each, with a header row. */
enum nb_err io_csv_write(FILE *out, const struct nb_entries *l, struct nb_error *err);

/* The records of one type as CSV, in the columns that type uses. */
enum nb_err io_csv_write_type(FILE *out, const struct nb_entries *l, enum nb_type t,
			      struct nb_error *err);

/* Check-ins as Daylio writes its CSV (moods 5..1 as rad..awful, tags as
 * activities, newest first), so a person can also take their days elsewhere. */
enum nb_err io_daylio_write(FILE *out, const struct nb_entries *l, struct nb_error *err);

/* Read a whole file (or standard input for "-") into memory; the caller
 * frees *text. Refuses files over max bytes. */
enum nb_err io_slurp(const char *path, size_t max, char **text, size_t *len,
		     struct nb_error *err);

#endif
