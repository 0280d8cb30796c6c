/* Flag parsing shared by the commands (see flags.c). */
#ifndef NB_FLAGS_H
#define NB_FLAGS_H

#include "core/err.h"

#include <getopt.h>

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

#endif
