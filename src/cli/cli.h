/*
 * The command line face. Each command group lives in its own cmd_*.c and
 * is listed once in main.c's command table. Commands parse flags (or ask,
 * when stdin is a terminal), call one use-case, and print the result for a
 * person, or as JSON with --json. They hold no domain rules and no SQL.
 */
#ifndef NB_CLI_H
#define NB_CLI_H

#include "app/app.h"
#include "core/err.h"
#include "core/field.h"
#include "core/record.h"
#include "core/vocab.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

struct cli {
	struct nb_app app;
	const char *db_path;
	const char *lang;	/* --lang as given, NULL when not (nabij serve passes it on) */
	bool db_open;
	bool json;		/* --json: machine-readable output */
	bool color;		/* stdout is a terminal and NO_COLOR is unset */
	bool tty_in;		/* stdin is a terminal: prompts are possible */
	bool tty_out;
	bool fixed_clock;	/* NABIJ_NOW: time stands still, also for durations */
	bool no_offer;		/* no passphrase offer on first use: the command
				 * sets one itself, or the web page offers it */
	bool read_scope;	/* a command that only reads holds one read
				 * transaction from cli_open to its end */
};

/* Exit status for an error code: the one mapping (0, 1 failure, 2 usage or input). */
int cli_exit(enum nb_err rc);
/* Print err for the person on stderr and return its exit status. */
int cli_fail(const struct nb_error *err);
/* Print a usage problem, point to --help, and return 2. */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Open the database when a command first needs it. The first time, when
 * a person is at the terminal, offer to lock it with a passphrase. For a
 * command that only reads (reads in the command table), what it reads is
 * one read transaction (app_read_begin), ended by main. */
enum nb_err cli_open(struct cli *c, struct nb_error *err);

/* Long options shared by the commands' getopt tables. */
enum {
	OPT_HELP = 'h',
	OPT_BASE = 1000,	/* command-specific long-only options start here */
	OPT_AT = 1063,		/* --at, when a record was, for every kind */
	OPT_FIELD = 1064,	/* a field of the record's kind, by its index in core/field.c */
	OPT_FIELD_OFF = 1128,	/* a flag field's other flag (--person for --place) */
};

/* out.c: printing records and the bits around them. */
const char *style_bold(const struct cli *c);
const char *style_dim(const struct cli *c);
const char *style_reset(const struct cli *c);
/* "#12  2026-11-20 21:30  check-in  summary" */
void out_entry_line(const struct cli *c, const struct nb_entry *e);
/* Every field of e, one per line. */
void out_entry_full(const struct cli *c, const struct nb_entry *e);
/* A record or list as JSON on stdout. */
void out_json_entry(const struct nb_entry *e);
void out_json_entries(const struct nb_entries *l);
/* A sparkline of values 1..5 (0 = no value) when stdout is a terminal. */
void out_sparkline(const struct cli *c, const double *v, int n);
/* Columns a UTF-8 text takes on a terminal. */
int out_text_width(const char *s);
/* Print prefix, then text wrapped to width with later lines indented under
 * the text ("  - " then "    "). */
void out_hanging(FILE *f, const char *prefix, const char *text, int width);
/* Print text wrapped to width, each line after an indent. */
void out_wrapped(FILE *f, const char *text, int indent, int width);

/* secret.c: a passphrase from the terminal without echo, or from the file
 * descriptor named by NABIJ_PASSPHRASE_FD; free with vault_free. NULL with
 * err filled when there is none. */
char *cli_passphrase(const char *question, size_t *len, struct nb_error *err);
/* A new passphrase: asked twice on a terminal (NULL with err when the two
 * differ), once from NABIJ_PASSPHRASE_FD. */
char *cli_new_passphrase(size_t *len, struct nb_error *err);

/* prompt.c: asking questions on a terminal. */
/* Print question, read one line; NULL when skipped (empty) or at end of input. */
char *prompt_line(const char *question);
/* Whether the last prompt_line met the end of input. */
bool prompt_eof(void);
/* Ask yes/no; def when skipped. */
bool prompt_yes(const char *question, bool def);
/* Ask until fn accepts the answer or the person skips; fn's message is
 * shown and the question asked again, so nothing typed is silently lost. */
typedef enum nb_err (*answer_fn)(void *ctx, const char *answer, struct nb_error *err);
void prompt_until_ok(const char *question, answer_fn fn, void *ctx);
/* Print a line of the conversation, unless the input has ended. */
void prompt_say(const char *text);
/* Show the translated terms of a vocabulary as a hint. */
void prompt_choices(enum nb_vocab v);

/* pacer.c: run a breathing session on the clock; returns the seconds done. */
struct nb_breath;
int pacer_run(const struct cli *c, const struct nb_breath *b);
/* Seconds on a monotonic clock, for how long something took; always 0
 * under a fixed clock (NABIJ_NOW), so tests see the same durations. */
double cli_clock(const struct cli *c);
/* Whether the last pacer_run was ended early with Ctrl-C. */
bool pacer_interrupted(void);

/* Commands: argv[0] is the command name. */
int cmd_checkin(struct cli *c, int argc, char **argv);
int cmd_moment(struct cli *c, int argc, char **argv);
int cmd_trigger(struct cli *c, int argc, char **argv);
int cmd_circle(struct cli *c, int argc, char **argv);
int cmd_today(struct cli *c, int argc, char **argv);
/* While a strong craving stands (care_urge_now), the same lines as the
 * page's urge box: the wave, the first to call, riding the urge, addiction
 * care, and the help lines unless help was printed just before. */
void cli_urge_lines(struct cli *c, bool help);
int cmd_list(struct cli *c, int argc, char **argv);
int cmd_show(struct cli *c, int argc, char **argv);
int cmd_edit(struct cli *c, int argc, char **argv);
int cmd_delete(struct cli *c, int argc, char **argv);
int cmd_undo(struct cli *c, int argc, char **argv);
int cmd_search(struct cli *c, int argc, char **argv);
int cmd_export(struct cli *c, int argc, char **argv);
int cmd_import(struct cli *c, int argc, char **argv);
int cmd_help(struct cli *c, int argc, char **argv);
int cmd_exercise(struct cli *c, int argc, char **argv);
int cmd_breathe(struct cli *c, int argc, char **argv);
int cmd_suggest(struct cli *c, int argc, char **argv);
int cmd_reflect(struct cli *c, int argc, char **argv);
int cmd_attachment(struct cli *c, int argc, char **argv);
int cmd_week(struct cli *c, int argc, char **argv);
int cmd_phase(struct cli *c, int argc, char **argv);
int cmd_experiment(struct cli *c, int argc, char **argv);
int cmd_ui(struct cli *c, int argc, char **argv);
/* nabij serve: runs nabij-serve in its place (cmd_serve.c) */
int cmd_serve(struct cli *c, int argc, char **argv);
int cmd_forget(struct cli *c, int argc, char **argv);
int cmd_passphrase(struct cli *c, int argc, char **argv);
int cmd_backup(struct cli *c, int argc, char **argv);
int cmd_restore(struct cli *c, int argc, char **argv);
int cmd_check(struct cli *c, int argc, char **argv);
int cmd_insights(struct cli *c, int argc, char **argv);
int cmd_report(struct cli *c, int argc, char **argv);

/* The suggested next step, with its reason; nothing with --json. */
void cli_print_suggestion(struct cli *c);

/*
 * The flags of one kind of record, shared by adding and editing: the
 * command's own options beside one per row of its kind (core/field.c), and
 * a function that applies one option to ctx->e. When editing, the first use
 * of a list flag replaces the stored list.
 */
struct rec_ctx {
	struct cli *c;
	struct nb_entry *e;
	bool editing;
	bool ask;		/* -i: ask even when stdin is not a terminal */
	unsigned long cleared;	/* list flags already used (bit per option) */
};

struct rec_flags {
	const struct option *opts;	/* the command's own */
	enum nb_err (*apply)(void *ctx, int opt, const char *arg, struct nb_error *err);
	enum nb_type fields;	/* each row of this kind is a flag too (--mood) */
};

/* The own options most kinds have: --at, and -i to be asked; or -i alone. */
extern const struct option rec_at[], rec_at_ask[], rec_interactive[];

#define REC_OPTS_MAX 64
/* The options of f: its own, then one per row of its kind that a person
 * gives (not NB_FF_KEPT), a flag row without a value and with its other
 * flag (.off), in buf. */
const struct option *rec_options(const struct rec_flags *f, struct option buf[REC_OPTS_MAX]);
/* Parse the options of a command whose context ctx starts with the struct
 * rec_ctx of a record of f's kind: its own options in the table own
 * (flags.h), applied to ctx, and f's (rec_options), applied by f->apply. */
struct opt;
enum nb_err rec_parse(int argc, char **argv, const struct opt *own, const struct rec_flags *f,
		      void *ctx, char ***args, int *nargs, struct nb_error *err);
/* Apply a field's flag (opt OPT_FIELD + index, or OPT_FIELD_OFF + index)
 * to x's record. A closed list's term may be given by its number in the
 * list the questions show. */
enum nb_err rec_apply_field(struct rec_ctx *x, int opt, const char *arg, struct nb_error *err);
/* Apply --at, -i or a field's flag: the apply of most kinds. */
enum nb_err rec_apply(void *ctx, int opt, const char *arg, struct nb_error *err);
/* The option of the row id of kind t, or -1. */
int rec_opt(enum nb_type t, const char *id);

/* The flags of each kind nabij edit changes (most are its command's too). */
extern const struct rec_flags checkin_flags, moment_flags, trigger_flags, member_flags,
	phase_flags, session_flags, reflection_flags;

/* Replace list l on the first use of option opt while editing. */
void rec_clear_once(struct rec_ctx *x, int opt, struct nb_items *l);
/* Set an optional text field from a flag: an empty value clears it. */
enum nb_err rec_set_text(char **slot, const char *arg);
/* Ask question until the answer passes flag opt of f, as if typed as a flag. */
void prompt_flag(const char *question, const struct rec_flags *f, struct rec_ctx *x, int opt);
/* Set e's time from a --at value. */
enum nb_err rec_set_at(struct rec_ctx *x, const char *arg, struct nb_error *err);
/*
 * Ask the questions of the rows of f's kind that have one (.ask), in their
 * order, each skippable with Enter: a row with a list says its question,
 * then the list (numbered when closed), then asks "> "; a flag is asked
 * yes or no. A required row is
 * asked until answered; when the input ends first, false. after, when not
 * NULL, follows each row asked.
 */
bool rec_ask(const struct rec_flags *f, struct rec_ctx *x,
	     void (*after)(struct rec_ctx *x, const struct nb_field *row));

/*
 * A command that makes one record of a kind from its flags, its operand
 * and, when a required row is missing and a person is there, its
 * questions: nabij moment, nabij trigger.
 */
struct rec_cmd {
	const char *name;		/* the command, for its usage */
	const struct rec_flags *flags;
	const char *operand;		/* the row an operand gives ("kind"), or NULL */
	const char *intro;		/* N_(): said before the questions, or NULL */
	const char *missing;		/* N_(): the usage when a required row is missing
					 * and no one can be asked */
	/* A subcommand among the operands ("trigger outcome"): its exit
	 * status, or -1 when there is none. */
	int (*sub)(struct cli *c, int nargs, char **args);
	/* After the record is saved (and said), for the terminal only. */
	void (*saved)(struct cli *c, const struct nb_entry *e);
};
int rec_make(struct cli *c, const struct rec_cmd *k, int argc, char **argv);
/* Save a new record and say so: its number and summary (or its JSON),
 * then what follows a save (out_care_after). */
int rec_save(struct cli *c, struct nb_entry *e);
/* What follows the saving of e (care_after) in the terminal's words:
 * where to find help, the people of the circle to call, someone who
 * listens, a word. Nothing with --json. */
void out_care_after(struct cli *c, const struct nb_entry *e);

/* After a record is saved: its number, or its JSON with --json. */
void out_saved(const struct cli *c, const struct nb_entry *e);
/* After a record is deleted: what went, and that nabij undo brings it
 * back for a while (nothing with --json). */
void out_deleted(const struct cli *c, const struct nb_entry *e);
/* After nabij undo: what is back, or its JSON with --json. */
void out_back(const struct cli *c, const struct nb_entry *e);

/* The ids of a closed vocabulary's terms, "a, b or c", into b. */
void cli_terms_text(enum nb_vocab v, struct nb_buf *b);
/* The outcomes an experiment may watch, in words for its messages:
 * "tension, mood, sleep-quality, energy or connection" (from the measures'
 * rows, core/field.c). */
void cli_outcomes_text(struct nb_buf *b);
/* The --help text of a command, or NULL for an unknown one. */
const char *cmd_help_text(const char *cmd);
/* Print the --help text of a command (nothing for an unknown one). */
void cmd_help_print(const char *cmd);
/* Whether argv asks for --help (before any "--"). */
bool cli_wants_help(int argc, char **argv);
/* Print the --help of cmd on stdout and return 0. */
int cli_print_help(const char *cmd);

#endif
