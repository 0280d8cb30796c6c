/*
 * nabij ui: the local web UI, like "fossil ui". Starts a server on this
 * machine's loopback address only and prints the address to open.
 */
#include "cli.h"
#include "flags.h"
#include "core/i18n.h"
#include "core/parse.h"
#include "report/report.h"
#include "web/web.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* --port 0 asks for any free port, which web_opts calls -1. */
static enum nb_err set_port(void *ctx, const char *arg, struct nb_error *err)
{
	struct web_opts *o = ctx;
	int port;
	enum nb_err rc;

	if ((rc = parse_scale("port", arg, 0, 65535, &port, err)))
		return rc;
	o->port = port ? port : -1;
	return NB_OK;
}

#define AT(m) offsetof(struct web_opts, m)

static const struct opt opts[] = {
	{ "port", OPT_CALL, .call = set_port },
	{ "no-open", OPT_FALSE, .at = AT(open_browser) },
	{ "stop", OPT_TRUE, .at = AT(stop) },
	{ "address", OPT_TRUE, .at = AT(address) },
	{ 0 },
};

int cmd_ui(struct cli *c, int argc, char **argv)
{
	struct web_opts o = { .open_browser = true, .lock_fd = -1 };
	struct nb_error err = { 0 };
	char **args = NULL;
	int nargs, status;
	const char *lang = getenv("LANGUAGE");

	o.lang = lang && strncmp(lang, "nl", 2) == 0 ? "nl" : "en";
	o.db_path = c->db_path;
	c->no_offer = true;	/* the first page offers the passphrase instead */
	if (opts_parse(argc, argv, opts, &o, &args, &nargs, &err)) {
		status = cli_fail(&err);
	} else if (nargs) {
		status = cli_usage("ui", _("\"%s\" is not understood here."), args[0]);
	} else if ((status = web_running(&o)) >= 0) {
		;	/* one nabij per database: the running one opens (or stops) */
	} else if (app_check_file(c->db_path, &err)) {
		status = cli_fail(&err);
	} else if ((o.locked = app_encrypted(&c->app, c->db_path))) {
		status = web_serve(&c->app, &o);
		c->db_open = app_is_open(&c->app);	/* unlocked there: closed in main */
	} else if (cli_open(c, &err)) {
		status = cli_fail(&err);
	} else {
		status = web_serve(&c->app, &o);
	}
	if (o.lock_fd >= 0 && status)	/* refused before serving */
		close(o.lock_fd);
	report_release();	/* the fonts of any report the pages drew */
	free(args);
	return status;
}
