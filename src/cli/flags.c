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
	while ((opt = getopt_long(argc, argv, "-:i", opts, NULL)) != -1) {
		const char *given = argv[optind - 1];

		if (opt == 1) {
			(*args)[(*nargs)++] = optarg;
			continue;
		}
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
