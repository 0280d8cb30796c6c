/*
 * nabij report: a PDF of a period to read or to bring to a therapist (see
 * report/report.h). Notes and the circle only when asked.
 */
#include "cli.h"
#include "flags.h"
#include "core/i18n.h"
#include "report/report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_DAYS 90

enum { O_FROM = OPT_BASE, O_UNTIL, O_OUT, O_NOTES, O_CIRCLE };

static const struct option opts[] = {
	{ "from", required_argument, NULL, O_FROM },
	{ "since", required_argument, NULL, O_FROM },
	{ "until", required_argument, NULL, O_UNTIL },
	{ "out", required_argument, NULL, O_OUT },
	{ "with-notes", no_argument, NULL, O_NOTES },
	{ "with-circle", no_argument, NULL, O_CIRCLE },
	{ 0 },
};

struct args {
	struct nb_report_opts o;
	const char *out;
};

static enum nb_err apply(void *ctx, int opt, const char *arg, struct nb_error *err)
{
	struct args *x = ctx;
	enum nb_err rc;

	switch (opt) {
	case O_FROM:
	case O_UNTIL:
		if ((rc = nb_day_parse(arg, opt == O_FROM ? "from" : "until", err)))
			return rc;
		*(opt == O_FROM ? &x->o.since : &x->o.until) = arg;
		return NB_OK;
	case O_OUT:
		x->out = arg;
		return NB_OK;
	case O_NOTES:
		x->o.notes = true;
		return NB_OK;
	case O_CIRCLE:
		x->o.circle = true;
		return NB_OK;
	}
	return NB_EUSAGE;
}

int cmd_report(struct cli *c, int argc, char **argv)
{
	struct args x = { 0 };
	struct nb_error err = { 0 };
	char **args = NULL, today[NB_DAY_LEN], since[NB_DAY_LEN];
	int nargs, status = 0, pages = 0;
	enum nb_err rc;
	FILE *f;

	if (flags_parse(argc, argv, opts, apply, &x, &args, &nargs, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	if (nargs) {
		status = cli_usage("report", _("\"%s\" is not understood here."), args[0]);
		goto out;
	}
	if (!x.out) {
		status = cli_usage("report", "%s", _("Say where the report goes, e.g. --out report.pdf."));
		goto out;
	}
	nb_day_key(nb_stamp_local(c->app.now), today);
	if (!x.o.until)
		x.o.until = today;
	if (!x.o.since) {
		nb_day_add(x.o.until, -(DEFAULT_DAYS - 1), since);
		x.o.since = since;
	}
	if (strcmp(x.o.since, x.o.until) > 0) {
		nb_error_set(&err, NB_EINVAL, "from", _("The period starts (%s) after it ends (%s)."), x.o.since, x.o.until);
		status = cli_fail(&err);
		goto out;
	}
	if (cli_open(c, &err))
		goto fail;
	if (!(f = fopen(x.out, "wb"))) {
		nb_error_set(&err, NB_EIO, "out", _("Could not write %s: %s."), x.out, strerror(errno));
		goto fail;
	}
	rc = report_pdf(&c->app, &x.o, f, &pages, &err);
	report_release();
	if (fclose(f) && !rc)	/* the file is closed either way */
		rc = nb_error_set(&err, NB_EIO, "out", _("Could not write %s: %s."), x.out, strerror(errno));
	if (rc) {
		remove(x.out);
		goto fail;
	}
	printf(ngettext("Wrote the report of %s to %s to %s (%d page).\n",
			"Wrote the report of %s to %s to %s (%d pages).\n", pages),
	       x.o.since, x.o.until, x.out, pages);
	goto out;
fail:
	status = cli_fail(&err);
out:
	free(args);
	return status;
}
