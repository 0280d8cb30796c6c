/* Flag parsing shared by the commands (see flags.c). */
#ifndef NB_FLAGS_H
#define NB_FLAGS_H

#include "core/err.h"

#include <getopt.h>
#include <stddef.h>

typedef enum nb_err (*flag_fn)(void *ctx, int opt, const char *arg, struct nb_error *err);

/*
 * Options and operands in any order ("moment hug --with Sam" and "moment
 * --with Sam hug"). Operands are gathered, in order, into *args, a new
 * array the caller frees (its strings stay argv's); "--" ends the options.
 * argv itself is left as it was, so it may be parsed again.
 */
enum nb_err flags_parse(int argc, char **argv, const struct option *opts,
			      flag_fn fn, void *ctx, char ***args, int *nargs,
			      struct nb_error *err);

/*
 * A command's own options as a table, one row an option: its name, what it
 * takes, and where in the command's context the value goes (.at, an
 * offsetof). A string kept as given points into argv; an OPT_TEXT is a
 * copy the command frees. A value that is refused is said in the words
 * the commands have always used, naming the option (parse_scale,
 * nb_day_parse, or the row's .bad).
 */
enum opt_kind {
	OPT_TRUE,	/* no value: the bool at .at becomes true */
	OPT_FALSE,	/* no value: the bool at .at becomes false (--no-open) */
	OPT_ARG,	/* a value, kept as given (const char *) */
	OPT_TEXT,	/* a value, copied (char *); "" for none */
	OPT_INT,	/* a whole number from .lo to .hi (int); "none" for 0 */
	OPT_WORD,	/* one of .words, kept as given */
	OPT_DAY,	/* a day, 2026-11-20, kept as given */
	OPT_CALL,	/* .call(ctx, arg, err) does what the option needs */
};

struct opt {
	const char *name;	/* --name */
	enum opt_kind kind;
	size_t at;		/* offsetof the value in the context */
	size_t given;		/* offsetof a bool set when the option is given;
				 * 0 for none (so never the context's first member) */
	const char *also;	/* another name for the same option, or NULL */
	int lo, hi;		/* OPT_INT */
	const char *const *words;	/* OPT_WORD: the words, NULL-ended */
	const char *bad;	/* OPT_WORD: N_(), said of another word (%s) */
	enum nb_err (*call)(void *ctx, const char *arg, struct nb_error *err);
};

/* The getopt rows of table t (ended by a row without a name), then those
 * of more (may be NULL), in buf, which has room for n. Row i of t has the
 * option code OPT_BASE + i (cli.h), and so has its .also. */
const struct option *opts_getopt(const struct opt *t, const struct option *more,
				 struct option *buf, size_t n);
/* The row of t with option code opt, or NULL. */
const struct opt *opts_find(const struct opt *t, int opt);
/* Apply row o with the value arg (NULL for a switch) to ctx. */
enum nb_err opts_set(const struct opt *o, void *ctx, const char *arg, struct nb_error *err);
/* flags_parse for a command whose options are all in t. */
enum nb_err opts_parse(int argc, char **argv, const struct opt *t, void *ctx,
		       char ***args, int *nargs, struct nb_error *err);

#endif
