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

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { O_PORT = OPT_BASE, O_NO_OPEN, O_STOP, O_ADDRESS };

static const struct option opts[] = {
	{ "port", required_argument, NULL, O_PORT },
	{ "no-open", no_argument, NULL, O_NO_OPEN },
	{ "stop", no_argument, NULL, O_STOP },
	{ "address", no_argument, NULL, O_ADDRESS },
	{ 0 },
};

static enum nb_err apply(void *ctx, int opt, const char *arg, struct nb_error *err)
{
	struct web_opts *o = ctx;
	int port;
	enum nb_err rc;

	switch (opt) {
	case O_PORT:
		if ((rc = parse_scale("port", arg, 0, 65535, &port, err)))
			return rc;
		o->port = port ? port : -1;	/* 0: any free port */
		return NB_OK;
	case O_NO_OPEN:
		o->open_browser = false;
		return NB_OK;
	case O_STOP:
		o->stop = true;
		return NB_OK;
	case O_ADDRESS:
		o->address = true;
		return NB_OK;
	default:
		return NB_EUSAGE;
	}
}

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
	if (flags_parse(argc, argv, opts, apply, &o, &args, &nargs, &err)) {
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
