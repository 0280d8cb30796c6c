/*
 * nabij serve: nabij for many people on PostgreSQL. Its program is
 * nabij-serve, a program of its own so that nabij never loads libpq or
 * the accounts (nothing of the hosted mode slows the local one): this
 * command finds it beside the running nabij (a build, or one installation
 * in one folder), else in the installation's libexec folder, and runs it
 * in its place with the same arguments and environment (the language of
 * its words; a --lang that nabij took is passed on as the pages' too).
 */
#include "cli.h"
#include "core/i18n.h"
#include "core/xalloc.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef NB_LIBEXECDIR
#define NB_LIBEXECDIR "/usr/local/libexec"
#endif

int cmd_serve(struct cli *c, int argc, char **argv)
{
	char self[PATH_MAX], *beside = NULL;
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	const char *where[2] = { NULL, NB_LIBEXECDIR "/nabij-serve" };
	char **args = xcalloc((size_t)argc + 3, sizeof *args);
	int k = 1;

	if (n > 0) {
		self[n] = '\0';
		*strrchr(self, '/') = '\0';
		beside = xasprintf("%s/nabij-serve", self);
		where[0] = beside;
	}
	args[0] = (char *)"nabij-serve";
	for (int i = 1; i < argc; i++)
		args[k++] = argv[i];
	/* nabij took --lang for itself (its words are in LANGUAGE now); it
	 * is also the pages' language, a setting of nabij serve */
	if (c->lang && (argc < 2 || argv[1][0] == '-')) {
		args[k++] = (char *)"--lang";
		args[k++] = (char *)c->lang;
	}
	for (int i = 0; i < 2; i++)
		if (where[i] && access(where[i], X_OK) == 0)
			execv(where[i], args);
	fprintf(stderr, _("nabij: \"nabij serve\" needs the program nabij-serve, beside nabij or in %s, and it is not there (%s). It is built where libpq (libpq-dev) is installed.\n"),
		NB_LIBEXECDIR, strerror(errno));
	free(beside);
	free(args);
	return 1;
}
