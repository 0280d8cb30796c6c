/*
 * What the pages share: the page being built, the escaping formatter, the
 * layout, and the form widgets. Every byte of a person's text reaches HTML
 * through h()'s %s, which escapes it; %r is for markup this program wrote.
 */
#ifndef NB_PAGE_H
#define NB_PAGE_H

#include "web.h"
#include "core/err.h"
#include "core/record.h"
#include "core/vocab.h"

/*
 * A page's request and everything it is for: the person's app and store,
 * the session's form token, the language and the time zone. A page reads
 * these here and nowhere else; web_handle fills them (and applies the
 * language and the zone) before the page runs.
 */
struct page {
	struct web *w;			/* the server: web.c's alone; pages read the fields below */
	const struct web_req *req;
	struct web_resp *resp;
	struct nb_buf *b;
	struct nb_app *app;		/* the person's use-cases and store */
	const char *csrf;		/* the session's form token; NULL without the session */
	const char *lang;		/* "nl" or "en" */
	const char *zone;		/* the person's time zone (a TZ value); NULL: the process's */
	bool hosted;			/* nabij serve (with csrf: signed in, and can sign out) */
	const char *pre;		/* nabij serve before signing in: the pre-session's form
					 * token, for the language's form (page_account.c) */
	const char *back;		/* where the language's form returns; NULL: req->path */
	struct web *local;		/* what only the local mode has: nabij ui's database file
					 * and its passphrase (db_path, locked); NULL in another */
	char today[NB_DAY_LEN];		/* the person's day, in their zone */
	int charts;			/* charts drawn so far: each gets an id of its own */
	struct nb_error err;		/* the problem with a posted form, if any */
	bool posted;			/* the form fields come from req->form */
	bool secret;			/* a passphrase form: what was typed is never sent back */
	struct nb_error failed;		/* a read that failed: the page is replaced */
};

/*
 * Whether a use-case that reads (its rc and err) gave what the page needs.
 * A failure of the store or a file (NB_EDB, NB_EIO) marks the page failed:
 * whatever it writes afterwards, web_handle sends only the error page
 * (500, the message), never part of a page. Other codes (nothing found,
 * a refused query) are the page's to word; then false as well.
 */
bool page_ok(struct page *p, enum nb_err rc, const struct nb_error *err);

/* Append to the page: %s text (escaped), %r raw markup, %d int, %l int64,
 * %u size_t, %% a percent sign. */
void h(struct page *p, const char *fmt, ...);
/* The same, escaping into a buffer of one's own. */
void h_buf(struct nb_buf *b, const char *fmt, ...);
void html_escape(struct nb_buf *b, const char *s);
/* s percent-encoded for a query value (everything but A-Z a-z 0-9 -._~). */
void url_encode(struct nb_buf *b, const char *s);

void page_begin(struct page *p, const char *title, const char *nav);
/* One of nabij's icons (icon.c) by name, as inline SVG hidden from screen
 * readers: "today", "checkin", "moment", "breathe", "help", "exercises",
 * "circle", "trigger", "week", "charts", "insights", "history", "data",
 * "more". A face for a mood of 1 to 5. */
void icon(struct page *p, const char *name);
void icon_face(struct page *p, int v);
void page_end(struct page *p);
void page_redirect(struct page *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void page_fail(struct page *p, int status, const char *message);
/* A new session secret, given to this browser alone: every other one is
 * signed out (web_new_session). */
void page_new_session(struct page *p);
/* A calm box with the help of PRACTICES section 11, its numbers as
 * buttons; page_care names 113 first, page_care_first the line first
 * (care_first_line: NB_HELP_LINE or NB_HELP_LISTEN). */
void page_care(struct page *p);
void page_care_first(struct page *p, enum nb_help_part first);
/* One part of the help words, its numbers as links a phone can call (and
 * 113.nl as a link to its site); page_phones_as gives them a class. */
void page_phones(struct page *p, enum nb_help_part part);
void page_phones_as(struct page *p, enum nb_help_part part, const char *klass);
/* A "saved" note and the suggestion for now, after a record was saved;
 * whether it showed where help is (after a check-in at the lowest end). */
bool page_notice(struct page *p);

/* A form posting to action, with the CSRF token inside. */
void form_begin(struct page *p, const char *action, const char *klass);
void form_end(struct page *p, const char *button);
/* The posted value of a field, or NULL. */
const char *fval(struct page *p, const char *name);
/* Whether a checkbox of that name has that value among the posted ones. */
bool fchecked(struct page *p, const char *name, const char *value);
/* The error box at the top of a form, when the last post was refused. */
void form_errors(struct page *p);
/* Widgets: a label, the control, and the error for that field. */
void w_scale(struct page *p, const char *name, const char *label, const char *low,
	     const char *high, int lo, int hi, const char *value);
/* The same for a scale of the field table, with its words (and faces). */
struct nb_field;
void w_scale_field(struct page *p, const struct nb_field *f, const char *value);
void w_text(struct page *p, const char *name, const char *label, const char *hint,
	    const char *value, bool multiline);
void w_choices(struct page *p, const char *name, const char *label, enum nb_vocab v,
	       bool many, const struct nb_items *chosen, const char *one);
/* How long something took: the quick lengths as buttons ("length"), then
 * the person's own words ("seconds"); seconds is the stored value, 0 for none. */
void w_length(struct page *p, const char *label, int seconds);
/* A box to tick, value "1". */
void w_box(struct page *p, const char *name, const char *label, bool checked);
/* A whole number from lo to hi chosen from a list; value unless posted. */
void w_number(struct page *p, const char *name, const char *label, int lo, int hi, int value);
void w_datetime(struct page *p, const char *name, const char *label, const char *value);
/* A passphrase field: typed text is never shown or sent back. */
void w_secret(struct page *p, const char *name, const char *label, const char *hint,
	      const char *autocomplete);

/* After a save made another member of the circle the first to call (the
 * query's moved=ID): the word that says so (page_circle.c). */
void page_first_moved(struct page *p, const struct nb_entries *circle);
/* Beside the choice of the first to call on the form of member self (0 for
 * a new one): who is the first now, when it is another. */
void page_first_hint(struct page *p, const struct nb_entries *circle, int64_t self);

/* The records of the kinds in types (NB_TYPE_BIT) that were deleted and
 * wait for undo, each with its Undo button (a form to /undo), and how long
 * it waits; nothing when none waits (page_history.c). */
void page_waiting(struct page *p, unsigned types);

/* Each page: GET renders, POST acts. */
void page_today(struct page *p);
void page_checkin(struct page *p);
void page_moment(struct page *p);
void page_trigger(struct page *p);
void page_circle(struct page *p);
void page_undo(struct page *p);
void page_card(struct page *p);
void page_beside(struct page *p);
void page_exercises(struct page *p);
void page_exercise(struct page *p);
void page_reflect(struct page *p);
void page_attachment(struct page *p);
void page_week(struct page *p);
void page_phases(struct page *p);
void page_experiment(struct page *p);
void page_history(struct page *p);
void page_record(struct page *p);
void page_charts(struct page *p);
void page_insights(struct page *p);
void page_insights_how(struct page *p);
void page_report(struct page *p);
void page_data(struct page *p);
void page_export(struct page *p);
void page_help(struct page *p);
void page_unlock(struct page *p);
void page_protect(struct page *p);

/* In nabij serve, a line of the person's access log (what: enum
 * web_access); nothing in nabij ui. */
void page_access(struct page *p, int what);
/* nabij serve's own account (page_you.c): /account and /goodbye, and the
 * access log's hook (struct web_hosted). */
void page_you(struct page *p);
void page_you_access(struct page *p, int what);

/* What nabij serve's forms share (page_hosted.c). The refusal of the last
 * post when it came from the form whose "do" was act; else no error. */
const struct nb_error *hosted_refusal(struct page *p, const char *act);
/* err's message in a box above a form's fields (id form-error); nothing
 * without an error. */
void hosted_error(struct page *p, const struct nb_error *err);
/* Inside an input's tag: aria-invalid when err is about field, and one
 * aria-describedby naming the box above and the field's hint (hint_id,
 * or NULL). */
void hosted_marks(struct page *p, const struct nb_error *err, const char *field, const char *hint_id);
/* A password field: its label, its hint (may be NULL; its id is "h-" and
 * the field's id without "f-") and the input, marked when err is about
 * .field. What was typed is never sent back. */
struct hosted_field {
	const char *id, *name, *label, *hint, *autocomplete, *field;
};
void hosted_password(struct page *p, const struct nb_error *err, const struct hosted_field *f);

/* The record number in a path like /r/12/edit, or 0. */
int64_t path_id(const char *path, const char *prefix);

/* Forms of records, shared by making and editing: fill e from the posted
 * fields, row by row of its kind (err names the field), and the page that
 * shows the form (every kind's asks its rows, rows_form). */
enum nb_err entry_from_form(struct page *p, struct nb_entry *e);
/* The check-in's form, with a craving asked first for a person who has
 * noted one before (app_craving_first). */
void checkin_form(struct page *p, const struct nb_entry *e, const char *action);
/* How the form of a kind that asks its rows looks around them. */
struct rows_look {
	const char *klass;	/* the form's class */
	const char *first;	/* a word before the rows, or NULL */
	const char *button;
	bool when;		/* "Another date or time" after the rows */
	bool noted;		/* the person has noted the rows noted by some (NB_FF_NOTED)
				 * before: they are asked first */
	/* after the rows, before the button, or NULL */
	void (*after)(struct page *p, const struct nb_entry *e, const void *ctx);
	const void *ctx;
};
/* The form of e (NULL or without an id: a new record of kind t) from its
 * rows: those asked first (NB_FF_FIRST), the others, the boxes to tick
 * last, each part by .order and then in the table's order; a row in a fold
 * (.fold) with the rows after it of that fold, a row .under another beneath
 * that row's choices; each by its type and its words (.question, else
 * .ask; .hint, .other), posted to action. */
void rows_form(struct page *p, const struct nb_entry *e, enum nb_type t, const char *action,
	       const struct rows_look *look);
/* The member's form (page_circle.c): to change e, with the circle's first
 * to call beside its box. */
void member_form(struct page *p, const struct nb_entry *e, const char *action);
void moment_form(struct page *p, const struct nb_entry *e, const char *action);
void trigger_form(struct page *p, const struct nb_entry *e, const char *action);

/* Charts as SVG with a text alternative and a table (chart.c). */
void chart_line(struct page *p, const char *title, const double *v, int n, double lo,
		double hi, const char *first_day, const char *unit);
void chart_bars(struct page *p, const char *title, const char *const *labels,
		const int *values, int n);
/* Weekly means as dots and the smoothed trend as a line (core/series.h). */
void chart_trend(struct page *p, const char *title, const double *mean, const double *smooth,
		 const int *days, int n, double lo, double hi, const char *monday);

#endif
