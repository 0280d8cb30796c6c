/*
 * nabij passphrase set|change|remove: encryption at rest, opt-in and
 * switchable (docs/SECURITY.md). The passphrase is asked without echo, or
 * read from NABIJ_PASSPHRASE_FD; never taken from the command line.
 */
#include "cli.h"
#include "core/i18n.h"
#include "vault/vault.h"
#include "web/place.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cmd_passphrase(struct cli *c, int argc, char **argv)
{
	struct nb_error err = { 0 };
	const char *what = argc > 1 ? argv[1] : "";
	bool set = strcmp(what, "set") == 0, change = strcmp(what, "change") == 0;
	bool remove = strcmp(what, "remove") == 0, locked;
	char *pass = NULL;
	size_t len = 0;
	int status = 0;

	if (argc != 2 || (!set && !change && !remove))
		return cli_usage("passphrase", "%s", _("Usage: nabij passphrase set|change|remove"));
	locked = app_encrypted(&c->app, c->db_path);
	if (set && locked)
		return cli_usage("passphrase", "%s",
				 _("The database already has a passphrase; to choose another, use nabij passphrase change."));
	if ((change || remove) && !locked)
		return cli_usage("passphrase", "%s",
				 _("The database has no passphrase; to set one, use nabij passphrase set."));
	if (place_serving(c->db_path) != 0) {
		/* its connection would go on writing into the file this replaces */
		fprintf(stderr, "%s\n", _("nabij: nabij is open in the browser for this database. Change the passphrase there (Your data, then the passphrase), or first stop it with: nabij ui --stop"));
		return 1;
	}
	c->no_offer = true;
	if (cli_open(c, &err) || (!remove && !(pass = cli_new_passphrase(&len, &err))) ||
	    app_protect(&c->app, c->db_path, pass, len, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	place_forget(c->db_path);	/* the next nabij ui: a new address and a new sign-in */
	out_wrapped(stdout, remove
		? _("The passphrase is removed: the database is stored unencrypted again, readable by anyone who can read your files.")
		: _("Your notes are encrypted with this passphrase now. Without it nobody can read them, not even you: keep it somewhere safe, such as a password manager. The file beside the database ending in .header belongs to it."),
		0, 76);
out:
	vault_free(pass);
	return status;
}
