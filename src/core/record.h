/*
 * The records a person keeps: check-ins, moments of connection, trigger
 * diary entries, support-circle members, exercise sessions and reflections.
 * They share one envelope (struct nb_entry: id, stable uid, time, day,
 * created/updated) so that listing, showing, editing, deleting, searching
 * and exporting work the same for all of them.
 *
 * Conventions for "not answered": scales (1-5) are 0, sleep_minutes is -1,
 * seconds is 0, strings are NULL. Every string is owned by its record.
 */
#ifndef NB_RECORD_H
#define NB_RECORD_H

#include "err.h"
#include "time.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NB_UID_LEN 33		/* 32 hex digits and a terminator */
#define NB_TEXT_MAX 10000	/* bytes in a note or other long text */
#define NB_NAME_MAX 200		/* bytes in a name, term or short text */
#define NB_ITEMS_MAX 24		/* emotions, needs, ... in one record */
#define NB_SCALE_MIN 1		/* every scale of nabij: mood, tension, ..., 1 to 5 */
#define NB_SCALE_MAX 5
#define NB_MOMENT_SECONDS_MAX (24 * 3600)	/* the longest moment */
#define NB_SESSION_SECONDS_MAX (2 * 3600)	/* the longest exercise session */

enum nb_type {
	NB_TYPE_NONE = 0,
	NB_CHECKIN,
	NB_MOMENT,
	NB_TRIGGER,
	NB_MEMBER,
	NB_SESSION,
	NB_REFLECTION,
	NB_ATTACHMENT,
	NB_PHASE,
	NB_EXPERIMENT,
	NB_TYPE__COUNT
};

/* One element of a list: an emotion (term, intensity 0 or 1-5), a body
 * sensation (term, place), a need, a tag or a body effect (term only). */
struct nb_item {
	char *term;
	char *place;
	int intensity;
};

struct nb_items {
	struct nb_item *v;
	size_t n;
	size_t cap;
};

struct nb_checkin {
	struct nb_items body;
	struct nb_items emotions;
	struct nb_items needs;
	struct nb_items tags;
	char *state;		/* vocab state id */
	int mood, energy, tension;
	int connection;		/* how connected the person felt today */
	int craving;		/* how strong an urge or craving was, 1 none to 5 very strong */
	int sleep_minutes;
	int sleep_quality;
	char *note;
};

struct nb_moment {
	char *kind;		/* vocab moment-kind id */
	char *with;		/* whom, in the person's words */
	char *member_uid;	/* the circle member meant, if any */
	int seconds;
	char *safe;		/* yes, no, unsure */
	struct nb_items effects;
	char *note;
};

struct nb_trigger {
	char *situation;
	char *reaction;
	char *emotion;
	char *need;
	char *alternative;
	char *outcome;		/* written afterwards */
};

struct nb_member {
	bool place;		/* a place rather than a person */
	char *name;
	char *reach;		/* how to reach them, or how to get there */
	char *helps;		/* what they help with */
	bool first;		/* the one to call first when it is hard (a sponsor, a buddy) */
};

struct nb_session {
	char *exercise;		/* vocab exercise id */
	int seconds;		/* time actually spent */
	int tension_before, tension_after;
	int urge_before, urge_after;	/* riding an urge: how strong the urge was, 1 none to 5 very strong */
	char *pattern;		/* breathing rhythm "in-hold-out", e.g. "4-2-6" */
	char *with;		/* whom the words are for (closeness, meeting) */
	char *member_uid;	/* the circle member meant, if any */
	char *words;		/* the person's own words: a wish, a plan */
};

struct nb_reflection {
	char *prompt;		/* id of the prompt answered, if any */
	char *text;
};

#define NB_ATTACHMENT_ITEMS 12

/* The answers (1-7) to the statements of the attachment reflection. */
struct nb_attachment {
	int answers[NB_ATTACHMENT_ITEMS];
};

/* Where a relationship stands (PRACTICES section 7). */
struct nb_phase {
	char *phase;		/* vocab phase id */
	char *with;		/* the other person, in the person's words */
	char *member_uid;	/* the circle member meant, if any */
	char *note;
};

/* A personal experiment (core/experiment.h, docs/EXPERIMENT.md): its time
 * is when it was set up, its day the first day of the plan. */
struct nb_experiment {
	char *practice;		/* vocab practice id */
	char *words;		/* the practice in the person's own words ("own") */
	char *outcome;		/* vocab outcome id: a measure */
	int pairs, period_days, baseline_days, washout_days;
	char *seed;		/* 16 hex digits; the schedule is drawn from it */
	char *state;		/* vocab experiment state id */
	struct nb_items answers;	/* "YYYY-MM-DD:yes" or ":no": did you do it that day? */
	bool in_report;		/* the person chose to show it in the report */
	char *note;
};

/* How long a deleted record waits for undo, in seconds: out of every list,
 * search and export meanwhile, then gone for good. Ten minutes: long
 * enough to notice a stray tap, short enough that what a person deletes
 * is soon really gone. */
#define NB_UNDO_SECONDS (10 * 60)

struct nb_entry {
	int64_t id;		/* local, short, shown to the person */
	char uid[NB_UID_LEN];	/* stable across export and import */
	enum nb_type type;
	struct nb_stamp at;
	char day[NB_DAY_LEN];
	int64_t created, updated;	/* UTC seconds */
	int64_t deleted;	/* when it was deleted and waits for undo; 0 for every
				 * record a reading gives (see NB_UNDO_SECONDS) */
	union {
		struct nb_checkin checkin;
		struct nb_moment moment;
		struct nb_trigger trigger;
		struct nb_member member;
		struct nb_session session;
		struct nb_reflection reflection;
		struct nb_attachment attachment;
		struct nb_phase phase;
		struct nb_experiment experiment;
	} u;
};

struct nb_entries {
	struct nb_entry **v;
	size_t n;
	size_t cap;
};

/* A new, empty record of type t; release with entry_free. */
struct nb_entry *entry_new(enum nb_type t);
void entry_free(struct nb_entry *e);
/* Release the record's contents and make it an empty record of its type. */
void entry_reset(struct nb_entry *e);

/* "checkin", "moment", ...: the stable name used in exports and --type. */
const char *entry_type_id(enum nb_type t);
/* The type named s (also "circle" for members, "exercise" for sessions),
 * or NB_TYPE_NONE. */
enum nb_type entry_type_parse(const char *s);
/* The translated name for people: "check-in", "moment", ... */
const char *entry_type_label(enum nb_type t);

/* Set the time of e and its day from st. */
void entry_set_time(struct nb_entry *e, struct nb_stamp st);

/* What follows from one field for another, before a record is stored: a
 * check-in's emotion "craving" with a strength (craving:4) gives its
 * craving scale, when that is not answered itself. */
void entry_settle(struct nb_entry *e);

/*
 * Check a record before it is stored: every field within its range, closed
 * vocabularies respected, texts valid UTF-8 within their length, the time
 * not after now. On failure err names the field and what is allowed.
 */
enum nb_err entry_validate(const struct nb_entry *e, int64_t now,
			   struct nb_error *err);

void items_add(struct nb_items *l, const char *term, const char *place,
	       int intensity);
void items_clear(struct nb_items *l);

void entries_push(struct nb_entries *l, struct nb_entry *e);
void entries_free(struct nb_entries *l);

/* Whether a check-in holds no answer at all. */
bool checkin_is_empty(const struct nb_checkin *c);

/* A wanted touch: a touching kind of moment that felt safe ("yes"). */
bool moment_is_wanted_touch(const struct nb_moment *m);
/* The kinds that count as touch from someone else or an animal. */
const char *const *moment_touch_kinds(size_t *n);
/* The kinds that are self-touch (a hand on one's heart, arms around oneself). */
const char *const *moment_self_kinds(size_t *n);
/* A wanted self-touch: a self-touch that felt safe ("yes"). */
bool moment_is_self_touch(const struct nb_moment *m);

/* Whether s is valid UTF-8 with no control characters but newline and
 * tab (when multiline). */
bool nb_text_ok(const char *s, bool multiline);

/* The translated label of a field id ("mood" -> "mood"/"stemming"). */
const char *field_label(const char *field);

#endif
