/*
 * One getopt_long loop for every command, with messages in nabij's voice,
 * and the tables of options that most commands describe themselves with.
 */
#include "flags.h"
#include "cli.h"
#include "core/i18n.h"
#include "core/parse.h"
#include "core/time.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <stdbool.h>
#include <string.h>

enum nb_err flags_parse(int argc, char **argv, const struct option *opts,
			      flag_fn fn, void *ctx, char ***args, int *nargs,
			      struct nb_error *err)
{
	enum nb_err rc = NB_OK;
	int opt;

	optind = 0;
	opterr = 0;
	*nargs = 0;
	*args = xcalloc((size_t)argc + 1, sizeof **args);
	/* "-" first: operands come back as option 1, in order. */
	for (;;) {
		int at = optind ? optind : 1;	/* the argument getopt is reading */
		const char *given;

		if ((opt = getopt_long(argc, argv, "-:i", opts, NULL)) == -1)
			break;
		/* the option as given, not the value after it ("--with Sam");
		 * within "-abc" getopt stays on the argument until its last letter */
		given = argv[at];

		if (opt == 1) {
			(*args)[(*nargs)++] = optarg;
			continue;
		}
		/* "-mood": one dash before a long name, or a word with a dash */
		if (opt == '?' && given[0] == '-' && given[1] != '-' && given[1] && given[2])
			return strcmp(argv[0], "search") == 0
				? nb_error_set(err, NB_EUSAGE, "",
					       _("\"%s\" is not an option of \"nabij search\". To search for a word that starts with a dash, put -- before it: nabij search -- %s"),
					       given, given)
				: nb_error_set(err, NB_EUSAGE, "",
					       _("\"%s\" is not an option of \"nabij %s\": options start with two dashes (-%s); see \"nabij %s --help\"."),
					       given, argv[0], given, argv[0]);
		if (opt == '?')
			return nb_error_set(err, NB_EUSAGE, "",
					    _("\"%s\" is not an option of \"nabij %s\"; see \"nabij %s --help\"."),
					    given, argv[0], argv[0]);
		if (opt == ':')
			return nb_error_set(err, NB_EUSAGE, "",
					    _("%s needs a value; see \"nabij %s --help\"."), given, argv[0]);
		if ((rc = fn(ctx, opt, optarg, err))) {
			if (rc == NB_EUSAGE && err && !err->msg[0])
				nb_error_set(err, NB_EUSAGE, "",
					     _("\"%s\" is not an option of \"nabij %s\"; see \"nabij %s --help\"."),
					     given, argv[0], argv[0]);
			return rc;
		}
	}
	for (int i = optind; i < argc; i++)
		(*args)[(*nargs)++] = argv[i];
	return NB_OK;
}

const struct option *opts_getopt(const struct opt *t, const struct option *more,
				 struct option *buf, size_t n)
{
	size_t k = 0;

	for (int i = 0; t[i].name; i++) {
		int has = t[i].kind == OPT_TRUE || t[i].kind == OPT_FALSE ? no_argument : required_argument;

		if (k + 2 >= n || OPT_BASE + i >= OPT_AT)
			abort();	/* a table larger than its buffer: our bug */
		buf[k++] = (struct option){ t[i].name, has, NULL, OPT_BASE + i };
		if (t[i].also)
			buf[k++] = (struct option){ t[i].also, has, NULL, OPT_BASE + i };
	}
	for (; more && more->name; more++) {
		if (k + 1 >= n)
			abort();
		buf[k++] = *more;
	}
	buf[k] = (struct option){ 0 };
	return buf;
}

const struct opt *opts_find(const struct opt *t, int opt)
{
	for (int i = 0; t[i].name; i++)
		if (opt == OPT_BASE + i)
			return &t[i];
	return NULL;
}

enum nb_err opts_set(const struct opt *o, void *ctx, const char *arg, struct nb_error *err)
{
	char *at = (char *)ctx + o->at;
	const char *const *w;
	enum nb_err rc;

	switch (o->kind) {
	case OPT_TRUE:
	case OPT_FALSE:
		*(bool *)at = o->kind == OPT_TRUE;
		break;
	case OPT_ARG:
		*(const char **)at = arg;
		break;
	case OPT_TEXT:
		xstrset((char **)at, *arg ? arg : NULL);
		break;
	case OPT_INT:
		if ((rc = parse_scale(o->name, arg, o->lo, o->hi, (int *)at, err)))
			return rc;
		break;
	case OPT_WORD:
		for (w = o->words; *w && strcmp(*w, arg) != 0; w++)
			;
		if (!*w)
			return nb_error_set(err, NB_EUSAGE, o->name, _(o->bad), arg);
		*(const char **)at = arg;
		break;
	case OPT_DAY:
		if ((rc = nb_day_parse(arg, o->name, err)))
			return rc;
		*(const char **)at = arg;
		break;
	case OPT_CALL:
		if ((rc = o->call(ctx, arg, err)))
			return rc;
		break;
	}
	if (o->given)
		*(bool *)((char *)ctx + o->given) = true;
	return NB_OK;
}

struct table {
	const struct opt *t;
	void *ctx;
};

static enum nb_err table_apply(void *p, int opt, const char *arg, struct nb_error *err)
{
	const struct table *x = p;
	const struct opt *o = opts_find(x->t, opt);

	return o ? opts_set(o, x->ctx, arg, err) : NB_EUSAGE;
}

enum nb_err opts_parse(int argc, char **argv, const struct opt *t, void *ctx,
		       char ***args, int *nargs, struct nb_error *err)
{
	struct option buf[32];
	struct table x = { t, ctx };

	return flags_parse(argc, argv, opts_getopt(t, NULL, buf, sizeof buf / sizeof *buf), table_apply, &x,
			   args, nargs, err);
}
