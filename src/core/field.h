/*
 * One description of every record kind: a table of its fields, and the
 * measures of a day that come from the check-in. Validation, reset, JSON
 * and CSV, the store's SQL, the search text, the rows that describe a
 * record, the command-line flags and the questions asked all walk these
 * tables, so a new field is a row here (and a member of its struct in
 * record.h, and a column in the store's schema). See docs/ARCHITECTURE.md
 * ("How to add a field").
 */
#ifndef NB_FIELD_H
#define NB_FIELD_H

#include "buf.h"
#include "err.h"
#include "record.h"
#include "vocab.h"

#include <stdbool.h>
#include <stddef.h>

enum nb_ftype {
	NB_FT_SCALE,	/* int from lo to hi; 0 is not answered */
	NB_FT_SECONDS,	/* int, a duration from 1 to hi seconds; 0 is not answered */
	NB_FT_MINUTES,	/* int, hours of sleep kept in minutes, 0 to hi; -1 is not answered */
	NB_FT_TERM,	/* char *: an id of vocab (or own words for an open one) */
	NB_FT_LINE,	/* char *: one line of text of at most max bytes */
	NB_FT_TEXT,	/* char *: text with line breaks, at most NB_TEXT_MAX bytes */
	NB_FT_PROMPT,	/* char *: the id of a reflection prompt */
	NB_FT_ITEMS,	/* struct nb_items, in JSON objects {name, place, intensity} */
	NB_FT_TERMS,	/* struct nb_items, in JSON an array of terms */
	NB_FT_FLAG,	/* bool */
	NB_FT_MEMBER,	/* char *: the uid of a circle member */
	NB_FT_ANSWERS,	/* int[NB_ATTACHMENT_ITEMS], each from lo to hi */
	NB_FT__COUNT
};

enum {
	NB_FF_REQUIRED = 1,	/* a record without it is refused */
	NB_FF_SEARCH = 2,	/* part of the text search finds */
	NB_FF_NOTNULL = 4,	/* the store keeps 0 as 0, not as "not answered" */
	NB_FF_FIRST = 8,	/* asked at the top of the page's form */
	NB_FF_FACES = 16,	/* a scale of how one feels: the web shows a face for each value */
	NB_FF_KEPT = 32,	/* kept by nabij, not given by a person (a link, a breathing
				 * rhythm): no flag, no question, no form field */
	NB_FF_NAMES = 64,	/* names a circle member, whom the kind's member row links to */
	NB_FF_CHOICES = 128,	/* a list ticked among its terms on the page, beside a box
				 * for other words (.other) */
	NB_FF_LATER = 256,	/* noted afterwards: on the page's form once the record exists */
	NB_FF_EITHER = 512,	/* a flag chosen on the page between its two words (.words),
				 * not ticked in a box */
	NB_FF_NOTED = 1024,	/* noted by some people only (a craving): on the page asked
				 * with the first rows for a person who has noted it
				 * before (rows_look.noted), else in its own place */
};

/* How a row takes part in the one-line summary of its record (describe_entry). */
enum {
	NB_FS_JOINED = 1,	/* straight after what comes before it, without " · " */
	NB_FS_ELSE = 2,		/* only when nothing was said before it */
	NB_FS_PAIR = 4,		/* with the row after it, only when both are answered: "tension 4 → 2" */
};

/* The value of a row (or a whole record) in words, where its type's words
 * will not do: a breathing rhythm "4-2-6" said as in 4, hold 2, out 6. */
typedef void nb_say_fn(const struct nb_entry *e, struct nb_buf *b);

struct nb_field {
	const char *id;		/* stable: flag, form field, error field ("sleep-hours") */
	const char *flag;	/* its flag and form field where shorter than its id
				 * ("days" for "period-days"), or NULL */
	const char *key;	/* key in nabij's JSON ("sleep_minutes") */
	const char *csv;	/* CSV column; NULL: the key; "": not in CSV */
	const char *column;	/* the store's column; for lists the item table's name */
	enum nb_ftype type;
	size_t offset;		/* of the value within struct nb_entry */
	enum nb_vocab vocab;	/* terms, items */
	int lo, hi;		/* range of a scale, duration or answer; a list's hi:
				 * the most items it holds (0: NB_ITEMS_MAX) */
	size_t max;		/* bytes of a line (0: NB_NAME_MAX) */
	unsigned flags;		/* NB_FF_ */
	const char *name;	/* N_(): in a sentence, an error ("sleep quality") */
	const char *label;	/* N_(): the row describing it ("Sleep quality"); NULL: none */
	const char *low, *high;	/* N_(): the words at the ends of a scale; a flag's false and true */
	const char *const *words;	/* N_(): a word for each value of a scale from lo, or NULL;
					 * a flag's choices on the page (NB_FF_EITHER), false then true */
	const char *ask;	/* N_(): the question on a terminal; NULL: not asked */
	const char *off;	/* a flag's other flag, which sets it false ("person" for "place") */
	const char *question;	/* N_(): its label on the page's form; NULL: .ask */
	const char *hint;	/* N_(): the hint under it on the page, or NULL */
	const char *other;	/* N_(): for NB_FF_CHOICES, the label of the box for other words */
	const char *missing;	/* N_(): what the page says when a required row is left
				 * empty; NULL: "... is needed here." */
	int box;		/* a scale the page asks as one box: its value when ticked
				 * (0: not one) */
	int order;		/* its place on the page's form within its part (the rows
				 * asked first, the others, the boxes): by .order, then the
				 * table's order (0 in every row: the table's order) */
	const char *fold;	/* N_(): the title of the fold on the page's form that holds
				 * it, closed until one of its rows is answered; the rows
				 * with the same title share it; NULL: in no fold */
	const char *under;	/* the id of the row whose choices it is asked beneath on the
				 * page, which the style sheet shows once that row's term
				 * of this row's id is ticked ("craving" among the
				 * emotions); NULL: in its own place */
	const char *arg, *help;	/* N_(): its flag's value and meaning in --help (a scale's
				 * are its range and its ends) */
	nb_say_fn *say;		/* its value in words for its row and the summary, or NULL */
	struct {
		int schema;	/* the schema version that made its column (0: the first) */
		int format;	/* the export format version that brought its key (0: the first) */
	} since;
	struct {
		int at;		/* its place in the summary, from 1; 0: not in it */
		unsigned flags;	/* NB_FS_ */
		const char *fmt;	/* N_(): around the value, each %s a value ("mood %s");
					 * NULL: the value alone; for a flag, its words when true */
		int cut;	/* a text cut to this many characters, with an ellipsis */
		nb_say_fn *say;	/* the summary's words for it instead of the value's */
	} sum;
};

/* How a store keeps a field in its record's row: a whole number, a text,
 * or no column (a list, kept in a table of its own). */
enum nb_cell { NB_CELL_NONE, NB_CELL_INT, NB_CELL_TEXT };

/* A field's value as its row holds it: null, or i (NB_CELL_INT) or s. */
struct nb_value {
	bool null;
	long long i;
	const char *s;
};

/*
 * What a type of field does, one entry per type (field.c): everything that
 * differs between a scale, a text, a list, a flag... A NULL operation does
 * nothing (release, check), says nothing (describe, sum) or refuses
 * (parse). Faces and stores use these, never a switch over the types.
 */
struct nb_ftype_ops {
	enum nb_cell cell;	/* its column in the kind's row */
	bool names_record;	/* the uid of another record (a member), which a store
				 * keeps as a link to that record's row */
	int unset;		/* an int field's value when not answered */
	bool (*answered)(const struct nb_entry *e, const struct nb_field *f);
	void (*release)(struct nb_entry *e, const struct nb_field *f);
	/* the value for the row; a text made for it lives in tmp */
	void (*to_cell)(const struct nb_entry *e, const struct nb_field *f, struct nb_value *v,
			struct nb_buf *tmp);
	/* the value from the row (a text copied) */
	void (*from_cell)(struct nb_entry *e, const struct nb_field *f, const struct nb_value *v);
	enum nb_err (*check)(const struct nb_entry *e, const struct nb_field *f, struct nb_error *err);
	/* from a person's words (a flag's value, a form field, a prompt's answer) */
	enum nb_err (*parse)(struct nb_entry *e, const struct nb_field *f, const char *s,
			     struct nb_error *err);
	/* the value in words for its row (field_describe) */
	void (*describe)(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b);
	/* the value in words for the one-line summary; false: nothing to say */
	bool (*sum)(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b);
	/* the value as a person types it, to be changed in a form's box (field_typed) */
	void (*typed)(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b);
};

const struct nb_ftype_ops *ftype_ops(enum nb_ftype t);
/* f's value in e for its row (v->null when not answered, but for
 * NB_FF_NOTNULL), and back. */
void field_to_cell(const struct nb_entry *e, const struct nb_field *f, struct nb_value *v, struct nb_buf *tmp);
void field_from_cell(struct nb_entry *e, const struct nb_field *f, const struct nb_value *v);
/* f's value in words for the summary of e into b; false when there is
 * nothing to say (a flag that is off; a member, answers). */
bool field_sum(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b);

/* The export format's version: the newest a row came in (since.format). */
int nb_format_version(void);

/* The name of f's flag and form field: .flag, else its id. */
const char *field_flag_name(const struct nb_field *f);

/* The fields of kind t, in the order of their JSON and their description. */
const struct nb_field *fields_of(enum nb_type t, size_t *n);
/* The field of kind t with this id, or NULL. */
const struct nb_field *field_find(enum nb_type t, const char *id);
/* The translated name of a field id of any kind, NULL when none has it. */
const char *field_name(const char *id);

/* Where the value of f lives in e. */
int *field_int(struct nb_entry *e, const struct nb_field *f);
char **field_str(struct nb_entry *e, const struct nb_field *f);
struct nb_items *field_items(struct nb_entry *e, const struct nb_field *f);
bool *field_flag(struct nb_entry *e, const struct nb_field *f);
int field_int_of(const struct nb_entry *e, const struct nb_field *f);
const char *field_str_of(const struct nb_entry *e, const struct nb_field *f);
const struct nb_items *field_items_of(const struct nb_entry *e, const struct nb_field *f);
bool field_flag_of(const struct nb_entry *e, const struct nb_field *f);
/* The NB_ATTACHMENT_ITEMS answers of an answers field (field_int gives them
 * to write), and them joined by sep ("4,2,6,...") into b. */
const int *field_answers_of(const struct nb_entry *e, const struct nb_field *f);
void field_answers_text(const struct nb_entry *e, const struct nb_field *f, char sep, struct nb_buf *b);
/* The value that means "not answered" for an int field. */
int field_unset(const struct nb_field *f);
/* Whether f holds an answer in e. */
bool field_answered(const struct nb_entry *e, const struct nb_field *f);

/* Release the values of e's fields and set each to "not answered". */
void fields_reset(struct nb_entry *e);
/* The fields of a new record e (all zero) made empty: a time of sleep
 * not given is -1. */
void fields_init(struct nb_entry *e);
/* What the fields of e hold freed, for a record that goes. */
void fields_free(struct nb_entry *e);
/* Check each field of e against its type, range and vocabulary. */
enum nb_err fields_validate(const struct nb_entry *e, struct nb_error *err);

/*
 * Set f of e from what a person typed (a flag, a form field): a scale
 * "3", hours "7:30", a duration "2m", a term, a list "a, b" (added to the
 * list; the caller clears it first when it is to be replaced), a text, one
 * of nabij's prompts by its id, the attachment's answers "4,2,6,...".
 * "", "-" and "none" leave a scale, term or duration unanswered.
 */
enum nb_err field_parse(struct nb_entry *e, const struct nb_field *f, const char *s,
			struct nb_error *err);

/* field_parse, and for a row that names a circle member (NB_FF_NAMES)
 * given other words than it holds, letting go of the link to the member:
 * the app links it again by name on saving. What every face calls. */
enum nb_err field_set(struct nb_entry *e, const struct nb_field *f, const char *s,
		      struct nb_error *err);
/* Whether every required row of e is answered. */
bool fields_complete(const struct nb_entry *e);

/* The value of f in words for people ("3 of 5", "7:30 hours", "sadness (3)");
 * nothing is appended when it is not answered or has no row. */
void field_describe(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b);

/* The value of f as a person types it, which a form's box offers to be
 * changed and field_parse reads back ("7:30", "tension in shoulders,
 * tiredness", a term by its label); nothing is appended when it is not
 * answered or is not typed (a flag, a member, the answers). */
void field_typed(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b);

/* What the search finds of e: in text, what a snippet shows (the terms of
 * its lists by their labels, then its searchable texts); in words, the
 * words people use for its terms (ids, English labels, synonyms in English
 * and Dutch, see vocab_words). */
void fields_search_text(const struct nb_entry *e, struct nb_buf *text, struct nb_buf *words);
/* Every word of the vocabularies that fields_search_text may give a term
 * (its label and its words), in the language of the moment: when these
 * change (a newer nabij, another Dutch word), an index made with the old
 * ones cannot take a row out word for word, and is made anew. */
void fields_search_vocab(struct nb_buf *b);

/*
 * The measures of a day, each the mean of one field of its check-ins:
 * insights compare them, charts and trends draw them, the week and the
 * store's summary per day keep them. NB_MEASURES is the one list.
 */
#define NB_MEASURES(X) X(MOOD) X(CONNECTION) X(TENSION) X(ENERGY) X(SLEEP_QUALITY) X(SLEEP_HOURS) X(CRAVING)

enum nb_measure {
#define NB_X(m) NB_M_##m,
	NB_MEASURES(NB_X)
#undef NB_X
	NB_M__COUNT
};

enum {
	NB_MF_CHART = 1,	/* drawn on the page of charts */
	NB_MF_NOTED = 2,	/* drawn only when the period has a value: not everyone notes it */
};

struct nb_measure_info {
	const char *id;		/* "mood", "sleep_hours": its key in JSON and the store */
	const char *field;	/* the check-in field it is the mean of */
	int per;		/* the field divided by this: 60 for hours from minutes */
	double lo, hi;		/* the range a chart shows */
	unsigned flags;		/* NB_MF_ */
	const char *label;	/* N_(): "Mood", "Sleep, hours" */
	const char *name;	/* N_(): "mood", "sleep in hours", within a sentence */
	const char *week;	/* N_(): its part of the week's line, " · mood %s" */
	int outcome;		/* its place among the outcomes an experiment may watch
				 * (the vocabulary NB_VOCAB_OUTCOME), from 1; 0: not one */
};

const struct nb_measure_info *measure_info(enum nb_measure m);
/* The measures in the order of their fields in the check-in; returns
 * NB_M__COUNT. */
size_t measures_in_checkin_order(enum nb_measure out[NB_M__COUNT]);
/* The outcomes an experiment may watch, as a vocabulary: the measures
 * with an .outcome, in its order, each by its check-in field's id and its
 * name ("sleep-quality", "sleep quality"). */
const struct nb_term *measure_outcomes(size_t *n);
/* The check-in field of m. */
const struct nb_field *measure_field(enum nb_measure m);
/* The measure whose mean the summary per day keeps of check-in field f, or
 * NULL when f is none. */
const struct nb_measure_info *field_measure(const struct nb_field *f);
/* The value of m in one check-in, NAN when not answered. */
double measure_of(const struct nb_entry *checkin, enum nb_measure m);

#endif
