/* Records and days in words; see describe.c. */
#ifndef NB_DESCRIBE_H
#define NB_DESCRIBE_H

#include "buf.h"
#include "record.h"
#include "vocab.h"

#include <stddef.h>
#include <stdint.h>

/* "Friday 20 November 2026" in the current language. */
void describe_day(const char *day, char *buf, size_t size);
/* The day of the week alone, as in a sentence: "Wednesday" ("woensdag"). */
const char *describe_weekday(const char *day);
/* The short form for a chart's time axis: "20 November". */
void describe_day_short(const char *day, char *buf, size_t size);
/* A moment near another, short, in the local zone (TZ): "today 14:02",
 * "yesterday 09:10", "tomorrow 14:02", "3 Dec 14:02", with the year only
 * when it is not today's ("3 Dec 2025 14:02"); today is the person's day
 * (YYYY-MM-DD). For lists of moments, as a session's or a log's. */
void describe_when(int64_t utc, const char *today, char *buf, size_t size);
/* A record named as a person reads it, without its number: "check-in of
 * 20 November". */
void describe_entry_name(const struct nb_entry *e, char *buf, size_t size);
/* A one-line summary of e, without a trailing newline: the rows of its kind
 * that have a place in the summary (the sum of struct nb_field), in their
 * order. */
void describe_entry(const struct nb_entry *e, char *buf, size_t size);
/* Values in words where their type's words will not do, for the rows of
 * core/field.c: a session's breathing rhythm ("in 4, hold 2, out 6
 * seconds"), the attachment reflection's answers as its two axes, an
 * experiment's practice (its own words for "own"). */
void describe_pattern(const struct nb_entry *e, struct nb_buf *b);
void describe_attachment(const struct nb_entry *e, struct nb_buf *b);
void describe_practice(const struct nb_entry *e, struct nb_buf *b);
/* Append a duration ("10 s", "2 min 30 s", "45 min"). */
void describe_duration(struct nb_buf *b, int seconds);
/* Append s, cut to at most max characters (not bytes), with an ellipsis. */
void describe_cut(struct nb_buf *b, const char *s, size_t max);
/* Append a list of terms with their places and intensities, translated. */
void describe_items(struct nb_buf *b, enum nb_vocab v, const struct nb_items *l);

/* The rows that describe a record, label and value, in the order of its
 * fields; the same for the terminal and the page. */
#define NB_ROWS_MAX 24
struct nb_row {
	const char *label;	/* translated */
	char *value;		/* owned */
};
struct nb_rows {
	struct nb_row v[NB_ROWS_MAX];
	size_t n;
};
void describe_rows(const struct nb_entry *e, struct nb_rows *out);
void rows_free(struct nb_rows *r);

#endif
