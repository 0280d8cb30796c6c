/*
 * The use-cases: what a person can do with nabij, independent of the face
 * they use. Each use-case is one transaction against the store: it either
 * happens whole or not at all. The current time is part of struct nb_app,
 * set by the face, so tests run on a fixed clock.
 */
#ifndef NB_APP_H
#define NB_APP_H

#include "core/care.h"
#include "core/experiment.h"
#include "core/err.h"
#include "core/record.h"
#include "core/suggest.h"
#include "core/week.h"
#include "store/store.h"
#include "store/local.h"	/* struct nb_check, for app_check */

#include <stdbool.h>

struct nb_app {
	struct nb_store store;
	int64_t now;		/* UTC seconds */
	char *key;		/* while an encrypted database is open: its key, in locked memory */
	bool reading;		/* set by the face: the command only reads (app_open) */
	bool checking;		/* set by the face: the command checks the file (app_check),
				 * so app_open opens it for that (NB_LOCAL_CHECK) */
	/* After app_add or app_update marked a circle member as the first to
	 * call: the member who was before and is no longer (one at a time,
	 * in the same transaction; an import keeps the same rule, the last
	 * one marked in the file staying), so that the face can say so; id 0
	 * when nobody was. */
	struct {
		int64_t id;
		char name[NB_NAME_MAX + 1];
	} first_before;
	/* The line about yesterday as today's page last said it, kept while
	 * the day, the language and the contents (the store's version) stay the
	 * same: a page read again does not read yesterday's records again. */
	struct {
		bool kept, said;
		char day[NB_DAY_LEN], lang[4];
		uint64_t version;
		char line[400];
	} yesterday;
};

/*
 * Whether the database at path is encrypted and needs a passphrase. When a
 * (may be NULL) has a database open, its open connection answers and the
 * file is not touched: closing any descriptor of a file drops every POSIX
 * lock this process holds on it, SQLite's included, and another program
 * would then take the live database for unused and delete its WAL.
 */
bool app_encrypted(const struct nb_app *a, const char *path);
/* Whether the file at path, when it is there, is a database nabij can
 * open: a plain SQLite file, or an encrypted one with its header beside
 * it. Otherwise says it is not a nabij database (before any passphrase is
 * asked for). */
enum nb_err app_check_file(const char *path, struct nb_error *err);
/* Open the database at path into a->store (read-only where it can be when
 * a->reading, see NB_LOCAL_READ); pass (len bytes, not
 * NUL-terminated necessarily) is NULL for an unencrypted one. A wrong
 * passphrase is an error; nothing is opened then. */
enum nb_err app_open(struct nb_app *a, const char *path, const char *pass, size_t len,
		     struct nb_error *err);
/* Close the database and wipe its key. */
void app_close(struct nb_app *a);
/* Whether a database is open (after app_open, before app_close). */
bool app_is_open(const struct nb_app *a);
/* A copy of the open database at path into the new file dest (SQLite's
 * online backup); an encrypted one stays encrypted under the same key, and
 * its header is copied beside it (dest.header). */
enum nb_err app_backup(struct nb_app *a, const char *path, const char *dest, struct nb_error *err);
/* Whether src (and src.header when it is encrypted) can take the place of
 * the database: copy it beside the database, open it with pass (NULL for an
 * unencrypted one), check every page; only then put it in place and keep
 * the old one as path.before-restore (and its header). a is open on the
 * restored database afterwards. */
enum nb_err app_restore(struct nb_app *a, const char *path, const char *src, const char *pass,
			size_t len, struct nb_error *err);
/* Whether pass is the passphrase of the open encrypted database at path
 * (asked before it is changed or removed in the browser); a wrong one is
 * NB_EINVAL on the field "old". */
enum nb_err app_check_passphrase(struct nb_app *a, const char *path, const char *pass, size_t len,
				 struct nb_error *err);
/* Set the encrypted database at path aside, unopened, for a new start: it
 * and its header keep their bytes under the name *aside (path.locked-N;
 * free it), and a->store opens a new, empty, unencrypted database at path. */
enum nb_err app_set_aside(struct nb_app *a, const char *path, char **aside, struct nb_error *err);
/* Protect the open database at path with a new passphrase (a fresh salt),
 * or with none when pass is NULL; a->store is open again afterwards. */
enum nb_err app_protect(struct nb_app *a, const char *path, const char *pass, size_t len,
			struct nb_error *err);

/*
 * One read transaction for what a face shows at once, a page or a command:
 * what the use-cases read between app_read_begin and app_read_end is one
 * snapshot, read in one transaction instead of one per statement. Every
 * use-case that reads opens one of its own inside (they nest: the
 * outermost ends it). A write inside ends the reading and it reads on
 * after, seeing the write. Nothing while no database is open.
 */
enum nb_err app_read_begin(struct nb_app *a, struct nb_error *err);
void app_read_end(struct nb_app *a);

/*
 * Record a new entry. A zero time means now. The uid, created and updated
 * are filled in; a moment's "with" is linked to the circle member of that
 * name when there is one. On success e->id is set.
 */
enum nb_err app_add(struct nb_app *a, struct nb_entry *e, struct nb_error *err);

/* Store the changed record e (e->id set) after validating it again.
 * Both: a circle member marked as the first to call takes the place of the
 * one before (see first_before). */
enum nb_err app_update(struct nb_app *a, struct nb_entry *e, struct nb_error *err);

enum nb_err app_get(struct nb_app *a, int64_t id, struct nb_entry **out,
		    struct nb_error *err);
/*
 * Delete record id: at once out of every list, search, chart, insight,
 * export and report, and out of the search index; for NB_UNDO_SECONDS
 * app_undo brings it back whole (the same id and uid, the links of
 * moments to a circle member intact); after that it is gone for good (see
 * app_expire). What waited its time before goes for good in the same
 * transaction. NB_ENOTFOUND when there is no such record.
 */
enum nb_err app_delete(struct nb_app *a, int64_t id, struct nb_error *err);
/* Bring back record id (0: the one deleted last) while it waits for undo;
 * *out (may be NULL) receives it (entry_free). A circle member who was the
 * first to call is that again, and the one marked since is not
 * (first_before says who). NB_ENOTFOUND when nothing, or not that record,
 * waits. */
enum nb_err app_undo(struct nb_app *a, int64_t id, struct nb_entry **out, struct nb_error *err);
/* The records that wait for undo now, deleted last first, of the kinds in
 * the mask types (NB_TYPE_BIT; 0: every kind); e->deleted is when. */
enum nb_err app_waiting(struct nb_app *a, unsigned types, struct nb_entries *out,
			struct nb_error *err);
/* Remove for good what has waited NB_UNDO_SECONDS or longer; a transaction
 * only when there is such a record. app_open does it (for a command that
 * only reads too, opening the database to write then where it can be),
 * nabij ui before each request. */
enum nb_err app_expire(struct nb_app *a, struct nb_error *err);
/* Whether a record waited NB_UNDO_SECONDS or longer (false when that
 * cannot be read): app_expire would remove it. */
bool app_expire_due(struct nb_app *a);
/* Remove for good, now, everything that waits for undo (nabij forget);
 * *n (may be NULL) receives how many. */
enum nb_err app_forget_waiting(struct nb_app *a, int64_t *n, struct nb_error *err);
enum nb_err app_list(struct nb_app *a, const struct nb_query *q,
		     struct nb_entries *out, struct nb_error *err);
enum nb_err app_search(struct nb_app *a, const char *words, int limit,
		       struct nb_hits *out, struct nb_error *err);

/* Write how a trigger went, afterwards. */
enum nb_err app_trigger_outcome(struct nb_app *a, int64_t id, const char *text,
				struct nb_error *err);

/* The support circle in the order it was made. */
enum nb_err app_circle(struct nb_app *a, struct nb_entries *out, struct nb_error *err);
/* How many records of kind t there are, in *n, without reading them. */
enum nb_err app_count(struct nb_app *a, enum nb_type t, int64_t *n, struct nb_error *err);

#define NB_SPARK_DAYS 14

struct nb_today {
	char day[NB_DAY_LEN];
	struct nb_entries entries;	/* today's records, oldest first */
	struct nb_entry *last_touch;	/* newest wanted touch from someone else, or NULL */
	struct nb_entry *last_self_touch;	/* newest wanted self-touch, or NULL */
	struct nb_touch touch;		/* both, for care_touch_lines */
	int days_since_touch;		/* since either; -1 when none was recorded */
	bool lasting_low;		/* care_lasting_low over the last two weeks */
	double moods[NB_SPARK_DAYS];	/* mean mood per day, 0 for none; last is today */
	const struct nb_prompt *prompt;
	int64_t circle;			/* members in the support circle */
	bool needs_care;		/* a check-in today at the lowest end */
	bool checked_in;		/* a check-in today: the day's first action is then the suggestion */
	const char *yesterday;		/* care_yesterday_line, or NULL */
	char yesterday_buf[400];
	const struct nb_entry *urge;	/* care_urge_now: today's check-in whose strong craving stands, or NULL (in entries) */
};

enum nb_err app_today(struct nb_app *a, struct nb_today *t, struct nb_error *err);
/* Whether the check-in asks the craving scale with the first scales:
 * care_craving_first over the newest NB_CRAVING_LOOKBACK check-ins. */
enum nb_err app_craving_first(struct nb_app *a, bool *first, struct nb_error *err);
void today_free(struct nb_today *t);

/* Everything, for an export: circle members first, then all records by
 * time, so that an import can link moments to members as it goes. */
enum nb_err app_export(struct nb_app *a, struct nb_entries *out, struct nb_error *err);
/* The same records in the same order, handed to fn one at a time, so that
 * an export of years needs the memory of one record. */
enum nb_err app_export_each(struct nb_app *a, nb_each_fn fn, void *ctx, struct nb_error *err);

struct nb_import_result {
	size_t added;
	size_t present;		/* already in the database (same uid) */
	size_t stopped;		/* experiments that would have run beside another: added as stopped */
};

/*
 * Add the records of an import in one transaction. Records whose uid is
 * already present are left alone, so importing a file twice adds nothing
 * twice. Each record is validated as if typed; the first invalid one stops
 * the import and nothing is written. With dry_run only the counts are made.
 */
enum nb_err app_import(struct nb_app *a, struct nb_entries *in, bool dry_run,
		       struct nb_import_result *r, struct nb_error *err);

/* The suggested next step for now, with what it rests on. */
struct nb_suggest_result {
	struct nb_suggestion s;
	struct nb_exercise_stat *stats;	/* owned; s.stat points into it */
	size_t nstats;
};

enum nb_err app_suggest(struct nb_app *a, struct nb_suggest_result *r, struct nb_error *err);
/* The same from a today that is already at hand. */
enum nb_err app_suggest_today(struct nb_app *a, const struct nb_today *t,
			      struct nb_suggest_result *r, struct nb_error *err);
void suggest_result_free(struct nb_suggest_result *r);

/* The newest sessions of one exercise, newest first, at most limit. */
enum nb_err app_recent_sessions(struct nb_app *a, const char *exercise, int limit,
				struct nb_entries *out, struct nb_error *err);

/* The records of the week holding day and of the week before, and their
 * summary; w borrows from *records, which the caller frees after. With
 * latest, a week that holds nothing yet (a Monday morning, a week away)
 * gives way to the last week that holds something (w->earlier is set);
 * w->first is the day of the oldest record, so that paging back stops there. */
enum nb_err app_week(struct nb_app *a, const char *day, bool latest, struct nb_entries *records,
		     struct nb_week *w, struct nb_error *err);

/* The newest records of one kind, newest first (limit 0: all). */
enum nb_err app_latest(struct nb_app *a, enum nb_type t, int limit, struct nb_entries *out,
		       struct nb_error *err);

/* Per exercise, how much tension dropped on average; *out is the caller's. */
enum nb_err app_exercise_stats(struct nb_app *a, struct nb_exercise_stat **out, size_t *n,
			       struct nb_error *err);

/* What the charts show for a period: per-day means and moments, and the
 * needs and kinds of moment that came back. */
struct nb_charts {
	struct nb_day_stat *days;	/* owned */
	size_t ndays;
	struct nb_term_lists terms;	/* needs, kinds of moments, trigger emotions and needs */
};
enum nb_err app_charts(struct nb_app *a, const char *since, const char *until,
		       struct nb_charts *c, struct nb_error *err);
void charts_free(struct nb_charts *c);

/* Charts and insights of a period from one reading of it; either may be
 * NULL. Free with charts_free and insights_free. */
enum nb_err app_overview(struct nb_app *a, const char *since, const char *until,
			 struct nb_charts *c, struct nb_insights *in, struct nb_error *err);

/* The personal experiment that runs or is paused (the newest; a stopped
 * one is history), or *out NULL. */
enum nb_err app_experiment(struct nb_app *a, struct nb_entry **out, struct nb_error *err);
/* Start experiment e, its practice and outcome set by the face, on day
 * first (NULL: today; else today or up to NB_EXP_AHEAD_MAX days later, or
 * NB_EINVAL on the field "day"): one at a time (the store refuses a second
 * with NB_EINVAL on the field "experiment"), a practice of one's own only
 * with its words (NB_EINVAL on "words"), the default pairs and days where
 * none are given, a week of baseline where one is asked for without its
 * days (NB_EXP_BASELINE_ASKED), a seed given checked (16 hexadecimal
 * digits, NB_EINVAL on "seed") or drawn when none is, running, its
 * plan checked (NB_EINVAL on "washout-days"), then stored (e->id set). The
 * rules and their words are here, the same for both faces. */
enum nb_err app_experiment_start(struct nb_app *a, struct nb_entry *e, const char *first, struct nb_error *err);
/* Answer "did you do it?" for day of experiment e (yes or not), and store
 * it; only a day of its plan (else NB_EINVAL on the field "day"). */
enum nb_err app_experiment_answer(struct nb_app *a, struct nb_entry *e, const char *day, bool yes,
				  struct nb_error *err);
/* Today's line of the experiment that runs or is paused (exp_today_text,
 * with whether t holds a check-in), or NULL when none does. */
const char *app_experiment_today(struct nb_app *a, const struct nb_today *t, char *buf, size_t size);
/* Whether day holds a check-in (false too when it cannot be read). */
bool app_checked_in(struct nb_app *a, const char *day);
/* The newest experiment whatever its state (a stopped one too), or NULL. */
enum nb_err app_experiment_last(struct nb_app *a, struct nb_entry **out, struct nb_error *err);
/* The days of experiment x so far, up to today and at most its plan: *n of
 * them into obs (room for exp_plan_days). */
enum nb_err app_experiment_days(struct nb_app *a, const struct nb_entry *x, struct nb_exp_obs *obs, int *n,
				struct nb_error *err);

/* Whether the experiment that runs has its one question to ask today:
 * a day of its plan (not of the baseline) on which what was logged cannot
 * tell whether the practice was done, and no answer yet. Then *x is the
 * experiment (entry_free it); else *x is NULL. */
enum nb_err app_experiment_asks(struct nb_app *a, const char *today, struct nb_entry **x, struct nb_error *err);

/* Check the open database whole (open it with a->checking set): the
 * pages of an encrypted one, the file's structure, the search index, the
 * links between records, and the records of each kind. NB_OK when the
 * checks could run; check_found(out) tells whether anything is wrong. */
enum nb_err app_check(struct nb_app *a, struct nb_check *out, struct nb_error *err);

/* Delete everything for good; *deleted receives how many records. */
enum nb_err app_forget_all(struct nb_app *a, int64_t *deleted, struct nb_error *err);

/* The newest reflection answering prompt, or *out NULL. */
enum nb_err app_reflection_latest(struct nb_app *a, const char *prompt, struct nb_entry **out,
				  struct nb_error *err);

#endif
