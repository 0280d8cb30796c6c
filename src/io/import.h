/*
 * Imports from the apps people leave for nabij: Daylio's CSV export and its
 * .daylio backup, and jrnl's JSON export. Each reads a whole file into
 * records (check-ins, and moments when asked), with a uid made from the
 * record's source so that importing the same file again adds nothing twice.
 * A malformed file is refused with the row or field named; nothing is
 * returned then. The records are validated by app_import like any other.
 */
#ifndef NB_IMPORT_H
#define NB_IMPORT_H

#include "core/err.h"
#include "core/record.h"

#include <stdbool.h>
#include <stddef.h>

struct nb_import_opts {
	const char *mood_map;	/* "name=1..5,..." for Daylio moods nabij does not know */
	bool moments;		/* activities that are contact become moments too */
	bool dry_run;		/* unknown moods are reported, not refused */
};

struct nb_import_report {
	size_t by_type[NB_TYPE__COUNT];
	char first[NB_DAY_LEN], last[NB_DAY_LEN];
	char unknown[512];	/* Daylio mood names without a level, comma separated */
	size_t duplicates;	/* rows the same as an earlier one, read once */
};

enum nb_err io_daylio_csv(const char *text, size_t len, const struct nb_import_opts *o,
			  struct nb_entries *out, struct nb_import_report *r, struct nb_error *err);
enum nb_err io_daylio_backup(const char *data, size_t len, const struct nb_import_opts *o,
			     struct nb_entries *out, struct nb_import_report *r,
			     struct nb_error *err);
enum nb_err io_jrnl(const char *text, size_t len, struct nb_entries *out,
		    struct nb_import_report *r, struct nb_error *err);

/* Which importer fits a file: "nabij", "daylio", "daylio-backup" or
 * "jrnl", from its name (may be NULL) and its first bytes. */
const char *import_detect(const char *name, const char *text, size_t len);

/* Read text with the importer named from (as import_detect names them). */
enum nb_err import_any(const char *from, const char *text, size_t len,
		       const struct nb_import_opts *o, struct nb_entries *out,
		       struct nb_import_report *r, struct nb_error *err);

/* Count the records of out by type and their first and last day. */
void import_report_count(const struct nb_entries *l, struct nb_import_report *r);

/* Plain text from a Daylio note: <br> as line breaks, HTML entities as
 * characters, other tags left out. The caller frees the result. */
char *import_note_text(const char *html);

/* A uid from the words that identify a record in its source. */
void import_uid(const char *source, const char *key, char out[NB_UID_LEN]);

#endif
