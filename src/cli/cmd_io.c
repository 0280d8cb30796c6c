/*
 * nabij export and nabij import: the person's data, whole, in a file they
 * control. An export written with --out appears complete or not at all.
 */
#include "cli.h"
#include "flags.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "core/record.h"
#include "io/import.h"
#include "io/io.h"

#include <errno.h>
#include <stddef.h>
#include <sys/stat.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define IMPORT_MAX ((size_t)512 << 20)

struct io_ctx {
	const char *format;
	const char *out;
	const char *per_type;
	const char *from;
	struct nb_import_opts imp;
};

static const char *const formats[] = { "json", "csv", "daylio", NULL };
static const char *const sources[] = { "nabij", "daylio", "daylio-backup", "jrnl", NULL };

#define AT(m) offsetof(struct io_ctx, m)

static const struct opt export_opts[] = {
	{ "format", OPT_WORD, .at = AT(format), .words = formats,
	  .bad = N_("--format takes json, csv or daylio, not \"%s\".") },
	{ "out", OPT_ARG, .at = AT(out) },
	{ "per-type", OPT_ARG, .at = AT(per_type) },
	{ 0 },
};

static const struct opt import_opts[] = {
	{ "dry-run", OPT_TRUE, .at = AT(imp.dry_run) },
	{ "from", OPT_WORD, .at = AT(from), .words = sources,
	  .bad = N_("--from takes nabij, daylio, daylio-backup or jrnl, not \"%s\".") },
	{ "mood-map", OPT_ARG, .at = AT(imp.mood_map) },
	{ "moments", OPT_TRUE, .at = AT(imp.moments) },
	{ 0 },
};

/*
 * Write the export in format to f: the records of l, or when l is NULL
 * (JSON) the records streamed from the database one by one, so that years
 * of notes need the memory of one record. *n is how many were written.
 */
static enum nb_err write_format(struct cli *c, const char *format, FILE *f,
				const struct nb_entries *l, size_t *n, struct nb_error *err)
{
	struct io_json_out w;
	enum nb_err rc;

	if (!l) {
		if (!(rc = io_json_begin(&w, f, c->app.now, err))) {
			if (!(rc = app_export_each(&c->app, io_json_record, &w, err)))
				rc = io_json_end(&w, err);
			io_json_close(&w);
		}
		*n = w.n;
		return rc;
	}
	*n = l->n;
	if (strcmp(format, "csv") == 0)
		return io_csv_write(f, l, err);
	if (strcmp(format, "daylio") == 0)
		return io_daylio_write(f, l, err);
	return io_json_write(f, l, c->app.now, err);
}

/* Write the export into what is there and not a plain file (a pipe, a
 * device such as /dev/null): renaming a file over it would replace it. */
static enum nb_err write_into(struct cli *c, const struct io_ctx *x,
			      const struct nb_entries *l, size_t *n, struct nb_error *err)
{
	FILE *f = fopen(x->out, "w");
	enum nb_err rc;

	if (!f)
		return nb_error_set(err, NB_EIO, "out", _("Cannot write %s: %s."), x->out, strerror(errno));
	rc = write_format(c, x->format, f, l, n, err);
	if (fclose(f) != 0 && !rc)
		rc = nb_error_set(err, NB_EIO, "out", _("Cannot write %s: %s."), x->out, strerror(errno));
	return rc;
}

/* Write the export to a temporary file beside path, then rename it into
 * place (a plain file, or a new one). */
static enum nb_err write_file(struct cli *c, const struct io_ctx *x,
			      const struct nb_entries *l, size_t *n, struct nb_error *err)
{
	struct stat st;
	char *tmp;
	int fd;
	FILE *f;
	enum nb_err rc;

	if (stat(x->out, &st) == 0 && S_ISDIR(st.st_mode))
		return nb_error_set(err, NB_EIO, "out", _("Cannot write %s: %s."), x->out, strerror(EISDIR));
	if (stat(x->out, &st) == 0 && !S_ISREG(st.st_mode))
		return write_into(c, x, l, n, err);
	tmp = xasprintf("%s.XXXXXX", x->out);
	fd = mkstemp(tmp);

	if (fd < 0) {
		rc = nb_error_set(err, NB_EIO, "out", _("Cannot write %s: %s."), x->out,
				  strerror(errno));
		free(tmp);
		return rc;
	}
	f = fdopen(fd, "w");
	setvbuf(f, NULL, _IOFBF, 1 << 20);	/* years of notes: large writes */
	rc = write_format(c, x->format, f, l, n, err);
	if (!rc && fsync(fd) != 0)
		rc = nb_error_set(err, NB_EIO, "out", _("Cannot write %s: %s."), x->out,
				  strerror(errno));
	if (fclose(f) != 0 && !rc)
		rc = nb_error_set(err, NB_EIO, "out", _("Cannot write %s: %s."), x->out,
				  strerror(errno));
	if (!rc && rename(tmp, x->out) != 0)
		rc = nb_error_set(err, NB_EIO, "out", _("Cannot write %s: %s."), x->out,
				  strerror(errno));
	if (rc)
		unlink(tmp);
	free(tmp);
	return rc;
}

/* One CSV file per kind of record in a folder: checkin.csv, moment.csv, ... */
static enum nb_err write_per_type(const struct io_ctx *x, const struct nb_entries *l,
				  struct nb_error *err)
{
	enum nb_err rc = NB_OK;

	if (mkdir(x->per_type, 0700) != 0 && errno != EEXIST)
		return nb_error_set(err, NB_EIO, "per-type", _("Cannot write %s: %s."), x->per_type,
				    strerror(errno));
	for (int t = NB_CHECKIN; t < NB_TYPE__COUNT && !rc; t++) {
		bool any = false;
		char *path;

		for (size_t i = 0; i < l->n && !any; i++)
			any = l->v[i]->type == (enum nb_type)t;
		if (!any)
			continue;
		path = xasprintf("%s/%s.csv", x->per_type, entry_type_id((enum nb_type)t));
		{
			char *tmp = xasprintf("%s.XXXXXX", path);
			int fd = mkstemp(tmp);
			FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
			if (!f) {
				rc = nb_error_set(err, NB_EIO, "per-type", _("Cannot write %s: %s."), path, strerror(errno));
			} else {
				rc = io_csv_write_type(f, l, (enum nb_type)t, err);
				if (fclose(f) != 0 && !rc)
					rc = nb_error_set(err, NB_EIO, "per-type", _("Cannot write %s: %s."), path,
							  strerror(errno));
				if (!rc && rename(tmp, path) != 0)
					rc = nb_error_set(err, NB_EIO, "per-type", _("Cannot write %s: %s."), path,
							  strerror(errno));
				if (rc)
					unlink(tmp);
			}
			free(tmp);
		}
		if (!rc)
			fprintf(stderr, "%s\n", path);
		free(path);
	}
	return rc;
}

int cmd_export(struct cli *c, int argc, char **argv)
{
	struct io_ctx x = { .format = "json" };
	struct nb_error err = { 0 };
	struct nb_entries l = { 0 };
	char **args = NULL;
	int nargs, status = 0;
	size_t n = 0;
	bool stream;
	enum nb_err rc;

	if ((rc = opts_parse(argc, argv, export_opts, &x, &args, &nargs, &err)))
		goto fail;
	if (nargs) {
		status = cli_usage("export", _("\"%s\" is not understood here; use --out FILE."), args[0]);
		goto out;
	}
	/* nabij's JSON streams from the database; the CSV kinds read it first */
	stream = strcmp(x.format, "json") == 0 && !x.per_type;
	if ((rc = cli_open(c, &err)) || (!stream && (rc = app_export(&c->app, &l, &err))))
		goto fail;
	if (x.out) {
		if ((rc = write_file(c, &x, stream ? NULL : &l, &n, &err)))
			goto fail;
		fprintf(stderr, ngettext("Exported %zu record to %s.\n",
					 "Exported %zu records to %s.\n", n), n, x.out);
	} else if (x.per_type) {
		if ((rc = write_per_type(&x, &l, &err)))
			goto fail;
	} else if ((rc = write_format(c, x.format, stdout, stream ? NULL : &l, &n, &err))) {
		goto fail;
	}
	goto out;
fail:
	status = cli_fail(&err);
out:
	entries_free(&l);
	free(args);
	return status;
}

static void print_report(const struct nb_import_report *r, bool dry, const struct nb_import_result *res)
{
	if (dry)
		printf(ngettext("Would import %zu record", "Would import %zu records", res->added), res->added);
	else
		printf(ngettext("Imported %zu record", "Imported %zu records", res->added), res->added);
	if (dry)
		printf(ngettext(" (%zu is already there).", " (%zu are already there).", res->present), res->present);
	else
		printf(ngettext(" (%zu was already there).\n", " (%zu were already there).\n", res->present), res->present);
	if (dry)
		printf(" %s\n", _("Nothing was written."));
	if (res->stopped) {	/* one runs at a time; the one imported is kept, stopped */
		printf(dry ? ngettext("%zu experiment would come in stopped: one experiment runs at a time.",
				      "%zu experiments would come in stopped: one experiment runs at a time.", res->stopped)
			   : ngettext("%zu experiment came in stopped: one experiment runs at a time.",
				      "%zu experiments came in stopped: one experiment runs at a time.", res->stopped),
		       res->stopped);
		printf("\n");
	}
	if (!r)
		return;
	for (int t = NB_CHECKIN; t < NB_TYPE__COUNT; t++)
		if (r->by_type[t])
			printf("  %-22s %zu\n", entry_type_label((enum nb_type)t), r->by_type[t]);
	if (r->first[0])
		printf(_("  from %s to %s\n"), r->first, r->last);
	if (r->duplicates)
		printf(ngettext("  %zu row was the same as an earlier one and was read once.\n",
				"  %zu rows were the same as earlier ones and were read once.\n", r->duplicates),
		       r->duplicates);
	if (r->unknown[0]) {
		char *s = xasprintf(_("Moods without a level: %s. Give them with --mood-map, like --mood-map \"great=5,fine=3\"."),
				    r->unknown);
		printf("  %s\n", s);
		free(s);
	}
}

int cmd_import(struct cli *c, int argc, char **argv)
{
	struct io_ctx x = { 0 };
	struct nb_error err = { 0 };
	struct nb_entries l = { 0 };
	struct nb_import_result r;
	struct nb_import_report rep = { 0 };
	char **args = NULL, *text = NULL;
	const char *from;
	size_t len;
	int nargs, status = 0;
	enum nb_err rc;

	if ((rc = opts_parse(argc, argv, import_opts, &x, &args, &nargs, &err)))
		goto fail;
	if (nargs != 1) {
		status = cli_usage("import", "%s", _("Give one file to import, like: nabij import nabij-export.json"));
		goto out;
	}
	if ((rc = io_slurp(args[0], IMPORT_MAX, &text, &len, &err)))
		goto fail;
	from = x.from ? x.from : import_detect(args[0], text, len);
	if ((rc = import_any(from, text, len, &x.imp, &l, &rep, &err))) {
		struct nb_error inner = err;
		nb_error_set(&err, rc, inner.field, _("%s: %s Nothing was imported."), args[0], inner.msg);
		goto fail;
	}
	if ((rc = cli_open(c, &err)))
		goto fail;
	if ((rc = app_import(&c->app, &l, x.imp.dry_run, &r, &err))) {
		struct nb_error inner = err;
		nb_error_set(&err, rc, inner.field, "%s: %s", args[0], inner.msg);
		goto fail;
	}
	if (c->json)
		printf("{\"added\": %zu, \"already_present\": %zu, \"stopped\": %zu, \"dry_run\": %s}\n", r.added,
		       r.present, r.stopped, x.imp.dry_run ? "true" : "false");
	else
		print_report(strcmp(from, "nabij") ? &rep : NULL, x.imp.dry_run, &r);
	goto out;
fail:
	status = cli_fail(&err);
out:
	entries_free(&l);
	free(text);
	free(args);
	return status;
}
