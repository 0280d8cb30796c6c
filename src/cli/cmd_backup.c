/*
 * nabij backup FILE and nabij restore FILE: a whole copy of the database
 * (SQLite's online backup, encrypted when the database is), and putting one
 * back only after it opened and passed its checks, keeping the old one.
 */
#include "cli.h"
#include "core/i18n.h"
#include "vault/vault.h"

#include <stdio.h>
#include <string.h>

int cmd_backup(struct cli *c, int argc, char **argv)
{
	struct nb_error err = { 0 };

	if (argc != 2 || argv[1][0] == '-')
		return cli_usage("backup", "%s", _("Usage: nabij backup FILE"));
	c->no_offer = true;
	if (cli_open(c, &err) || app_backup(&c->app, c->db_path, argv[1], &err))
		return cli_fail(&err);
	if (c->app.key)
		printf(_("Backed up to %s, encrypted with your passphrase; %s.header belongs to it.\n"), argv[1],
		       argv[1]);
	else
		printf(_("Backed up to %s.\n"), argv[1]);
	return 0;
}

int cmd_restore(struct cli *c, int argc, char **argv)
{
	struct nb_error err = { 0 };
	char *pass = NULL;
	size_t len = 0;
	int status = 0;

	if (argc != 2 || argv[1][0] == '-')
		return cli_usage("restore", "%s", _("Usage: nabij restore FILE"));
	if (app_encrypted(NULL, argv[1]) && !(pass = cli_passphrase(_("Passphrase of the backup: "), &len, &err)))
		return cli_fail(&err);
	c->no_offer = true;	/* the backup brings its own passphrase, or none */
	/* a damaged database (a page that does not match its seal, a schema
	 * that cannot be read) does not open, and is what a backup is for: it
	 * is put aside as it is (a wrong passphrase is still refused) */
	if ((cli_open(c, &err) && strcmp(err.field, "damaged") != 0) ||
	    app_restore(&c->app, c->db_path, argv[1], pass, len, &err)) {
		status = cli_fail(&err);
	} else {
		c->db_open = true;	/* on the restored one, closed by main */
		printf(_("Restored from %s. The database as it was is kept as %s.before-restore.\n"), argv[1],
		       c->db_path);
	}
	vault_free(pass);
	return status;
}
