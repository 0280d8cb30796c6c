/* One getopt_long loop for every command, with messages in nabij's voice. */
#include "flags.h"
#include "core/i18n.h"
#include "core/xalloc.h"

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
