/*
 * nabij report: a PDF of a period to read or to bring to a therapist (see
 * report/report.h). Notes and the circle only when asked.
 */
#include "cli.h"
#include "flags.h"
#include "core/i18n.h"
#include "report/report.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_DAYS 90

struct args {
	struct nb_report_opts o;
	const char *out;
};

#define AT(m) offsetof(struct args, m)

static const struct opt opts[] = {
	{ "from", OPT_DAY, .at = AT(o.since), .also = "since" },
	{ "until", OPT_DAY, .at = AT(o.until) },
	{ "out", OPT_ARG, .at = AT(out) },
	{ "with-notes", OPT_TRUE, .at = AT(o.notes) },
	{ "with-circle", OPT_TRUE, .at = AT(o.circle) },
	{ 0 },
};

int cmd_report(struct cli *c, int argc, char **argv)
{
	struct args x = { 0 };
	struct nb_error err = { 0 };
	char **args = NULL, today[NB_DAY_LEN], since[NB_DAY_LEN];
	int nargs, status = 0, pages = 0;
	enum nb_err rc;
	FILE *f;

	if (opts_parse(argc, argv, opts, &x, &args, &nargs, &err)) {
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
