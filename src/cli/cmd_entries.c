/*
 * The commands that work on any kind of record: list, show, edit, delete,
 * undo and forget, and search. Editing dispatches to the flags of the
 * record's own kind.
 */
#include "cli.h"
#include "core/describe.h"
#include "flags.h"
#include "core/buf.h"
#include "core/exercise.h"
#include "core/i18n.h"
#include "core/parse.h"
#include "core/xalloc.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define LIST_DEFAULT 20

struct list_ctx {
	struct nb_query q;
	bool all, yes, limited;
};

/* --type checkin,moment: each kind's bit in the query. */
static enum nb_err set_types(void *ctx, const char *arg, struct nb_error *err)
{
	struct list_ctx *x = ctx;
	char *copy = xstrdup(arg), *save = NULL;

	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		enum nb_type type = entry_type_parse(t);
		if (type == NB_TYPE_NONE) {
			nb_error_set(err, NB_EUSAGE, "type",
				     _("--type: \"%s\" is not a kind of record; use checkin, moment, trigger, member, session, reflection, attachment or phase."),
				     t);
			free(copy);
			return NB_EUSAGE;
		}
		x->q.types |= NB_TYPE_BIT(type);
	}
	free(copy);
	return NB_OK;
}

#define AT(m) offsetof(struct list_ctx, m)

static const struct opt list_opts[] = {
	{ "since", OPT_DAY, .at = AT(q.since) },
	{ "until", OPT_DAY, .at = AT(q.until) },
	{ "type", OPT_CALL, .call = set_types },
	{ "limit", OPT_INT, .at = AT(q.limit), .given = AT(limited), .lo = 1, .hi = 1000000 },
	{ "all", OPT_TRUE, .at = AT(all) },
	{ 0 },
};

static const struct opt delete_opts[] = {
	{ "yes", OPT_TRUE, .at = AT(yes) },
	{ 0 },
};

static const struct opt forget_opts[] = {
	{ "all", OPT_TRUE, .at = AT(all) },
	{ "yes", OPT_TRUE, .at = AT(yes) },
	{ 0 },
};

static const struct opt search_opts[] = {
	{ "limit", OPT_INT, .at = AT(q.limit), .given = AT(limited), .lo = 1, .hi = 1000000 },
	{ 0 },
};

static const struct opt no_opts[] = { { 0 } };

int cmd_list(struct cli *c, int argc, char **argv)
{
	struct list_ctx x = { 0 };
	struct nb_entries l = { 0 };
	struct nb_error err = { 0 };
	char **args = NULL;
	int nargs, status = 0;

	if (opts_parse(argc, argv, list_opts, &x, &args, &nargs, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	if (nargs) {
		status = cli_usage("list", _("\"%s\" is not understood here."), args[0]);
		goto out;
	}
	/* Without a period, the most recent records; oldest first on screen. */
	if (!x.all && !x.limited && !x.q.since && !x.q.until)
		x.q.limit = LIST_DEFAULT;
	x.q.newest_first = x.q.limit > 0;
	if (cli_open(c, &err) || app_list(&c->app, &x.q, &l, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	if (x.q.newest_first)
		for (size_t i = 0; i < l.n / 2; i++) {
			struct nb_entry *t = l.v[i];
			l.v[i] = l.v[l.n - 1 - i];
			l.v[l.n - 1 - i] = t;
		}
	if (c->json)
		out_json_entries(&l);
	else if (!l.n)
		printf("%s\n", _("No records here yet."));
	for (size_t i = 0; !c->json && i < l.n; i++)
		out_entry_line(c, l.v[i]);
out:
	entries_free(&l);
	free(args);
	return status;
}

/* Parse the one ID operand of show, edit and delete. */
static enum nb_err one_id(const char *cmd, int nargs, char **args, int64_t *id,
			  struct nb_error *err)
{
	if (nargs != 1)
		return nb_error_set(err, NB_EUSAGE, "id",
				    _("Give one record number, like: nabij %s 12"), cmd);
	return parse_id(args[0], id, err);
}

int cmd_show(struct cli *c, int argc, char **argv)
{
	struct nb_error err = { 0 };
	struct nb_entry *e = NULL;
	char **args = NULL;
	int nargs, status = 0;
	int64_t id;

	if (opts_parse(argc, argv, no_opts, NULL, &args, &nargs, &err) ||
	    one_id("show", nargs, args, &id, &err) || cli_open(c, &err) ||
	    app_get(&c->app, id, &e, &err))
		status = cli_fail(&err);
	else if (c->json)
		out_json_entry(e);
	else
		out_entry_full(c, e);
	entry_free(e);
	free(args);
	return status;
}

static const struct rec_flags *flags_for(enum nb_type t)
{
	static const struct rec_flags *const of[NB_TYPE__COUNT] = {
		[NB_CHECKIN] = &checkin_flags, [NB_MOMENT] = &moment_flags,
		[NB_TRIGGER] = &trigger_flags, [NB_MEMBER] = &member_flags,
		[NB_SESSION] = &session_flags, [NB_PHASE] = &phase_flags,
		[NB_REFLECTION] = &reflection_flags,
	};

	return t > NB_TYPE_NONE && t < NB_TYPE__COUNT ? of[t] : NULL;
}

int cmd_edit(struct cli *c, int argc, char **argv)
{
	struct nb_error err = { 0 };
	struct nb_entry *e = NULL;
	struct rec_ctx x = { .c = c, .editing = true };
	const struct rec_flags *f;
	struct option opts[REC_OPTS_MAX];
	char **args = NULL;
	int nargs, status = 0;
	int64_t id;
	enum nb_err rc;

	/* The ID comes first so the flags of its kind can be known. */
	if (argc < 2 || argv[1][0] == '-') {
		status = cli_usage("edit", "%s", _("Give the number of the record first, like: nabij edit 12 --mood 3"));
		goto out;
	}
	if ((rc = parse_id(argv[1], &id, &err)) || (rc = cli_open(c, &err)) ||
	    (rc = app_get(&c->app, id, &e, &err)))
		goto fail;
	if (!(f = flags_for(e->type))) {
		status = cli_usage("edit", _("This kind of record (%s) is not changed by editing; take it again, or delete it."),
				   entry_type_label(e->type));
		goto out;
	}
	x.e = e;
	argv[1] = argv[0];	/* parse the rest as "edit --flags..." */
	if ((rc = flags_parse(argc - 1, argv + 1, rec_options(f, opts), f->apply, &x, &args, &nargs, &err)))
		goto fail;
	if (nargs) {
		status = cli_usage("edit", _("\"%s\" is not understood here; put words in quotes."), args[0]);
		goto out;
	}
	if (argc == 2) {
		status = cli_usage("edit", "%s", _("Nothing to change: give the fields to change as flags, like --mood 3."));
		goto out;
	}
	if ((rc = app_update(&c->app, e, &err)))
		goto fail;
	out_saved(c, e);
	goto out;
fail:
	status = cli_fail(&err);
out:
	entry_free(e);
	free(args);
	return status;
}

int cmd_delete(struct cli *c, int argc, char **argv)
{
	struct list_ctx x = { 0 };
	struct nb_error err = { 0 };
	struct nb_entry *e = NULL;
	char **args = NULL, summary[512];
	int nargs, status = 0;
	int64_t id;

	if (opts_parse(argc, argv, delete_opts, &x, &args, &nargs, &err) ||
	    one_id("delete", nargs, args, &id, &err) || cli_open(c, &err) ||
	    app_get(&c->app, id, &e, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	describe_entry(e, summary, sizeof summary);
	if (c->tty_in && !x.yes) {
		char q[700];
		snprintf(q, sizeof q, _("Delete %s #%lld (%s)? [y/N] "),
			 entry_type_label(e->type), (long long)id, summary);
		if (!prompt_yes(q, false)) {
			printf("%s\n", _("Nothing was changed."));
			goto out;
		}
	}
	if (app_delete(&c->app, id, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	out_deleted(c, e);
out:
	entry_free(e);
	free(args);
	return status;
}

int cmd_undo(struct cli *c, int argc, char **argv)
{
	struct nb_error err = { 0 };
	struct nb_entry *e = NULL;
	char **args = NULL;
	int nargs, status = 0;
	int64_t id = 0;

	if (opts_parse(argc, argv, no_opts, NULL, &args, &nargs, &err) ||
	    (nargs > 1 && nb_error_set(&err, NB_EUSAGE, "id", "%s", _("Usage: nabij undo [ID]"))) ||
	    (nargs == 1 && parse_id(args[0], &id, &err)) || cli_open(c, &err) ||
	    app_undo(&c->app, id, &e, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	out_back(c, e);
out:
	entry_free(e);
	free(args);
	return status;
}

/* What was deleted and waits for undo, gone for good now; with --all,
 * everything. */
int cmd_forget(struct cli *c, int argc, char **argv)
{
	struct list_ctx x = { 0 };
	struct nb_error err = { 0 };
	char **args = NULL;
	int nargs, status = 0;
	int64_t deleted;

	if (opts_parse(argc, argv, forget_opts, &x, &args, &nargs, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	if (nargs) {
		status = cli_usage("forget", "%s", _("Usage: nabij forget [--all [--yes]]"));
		goto out;
	}
	if (!x.all) {	/* what was deleted and waits for undo: gone for good now */
		if (cli_open(c, &err) || app_forget_waiting(&c->app, &deleted, &err)) {
			status = cli_fail(&err);
			goto out;
		}
		if (deleted)
			printf(ngettext("Removed %lld deleted record for good; undo cannot bring it back now.\n",
					"Removed %lld deleted records for good; undo cannot bring them back now.\n",
					(unsigned long)deleted),
			       (long long)deleted);
		else
			printf("%s\n", _("Nothing deleted was waiting for undo; nothing was changed."));
		goto out;
	}
	if (!x.yes) {
		char *answer;
		if (!c->tty_in) {
			status = cli_usage("forget", "%s", _("This deletes everything. From a script, confirm with --yes."));
			goto out;
		}
		out_wrapped(stdout, _("This deletes everything you wrote in nabij, for good: check-ins, moments, your circle, all of it. An export first keeps a copy (nabij export --out FILE)."), 0, 76);
		/* TRANSLATORS: the word the person types to confirm; keep it one word */
		answer = prompt_line(_("Type \"forget\" to delete everything: "));
		if (!answer || strcmp(answer, _("forget")) != 0) {
			printf("%s\n", _("Nothing was changed."));
			free(answer);
			goto out;
		}
		free(answer);
	}
	if (cli_open(c, &err) || app_forget_all(&c->app, &deleted, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	printf(ngettext("Deleted %lld record. The database is empty now.\n",
			"Deleted %lld records. The database is empty now.\n", (unsigned long)deleted),
	       (long long)deleted);
out:
	free(args);
	return status;
}

/* A snippet with its matches marked: bold on a terminal, [brackets] elsewhere. */
static void print_snippet(const struct cli *c, const char *s)
{
	const char *end = s + strlen(s);

	while (end > s && (end[-1] == ' ' || end[-1] == '\n' || end[-1] == '\t' || end[-1] == '\r'))
		end--;
	for (; s < end; s++) {
		if (*s == '\x02')
			fputs(c->color ? "\033[1m" : "[", stdout);
		else if (*s == '\x03')
			fputs(c->color ? "\033[0m" : "]", stdout);
		else
			fputc(*s == '\n' || *s == '\r' || *s == '\t' ? ' ' : *s, stdout);
	}
}

/* Exercises, prompts and pages whose themes match the words; how many. */
static size_t print_themes(const struct cli *c, const char *words)
{
	struct nb_theme_hit hits[12];
	size_t n = theme_search(words, hits, 12);

	if (!n)
		return 0;
	printf("%s%s%s\n", style_bold(c), _("Practices that may fit:"), style_reset(c));
	for (size_t i = 0; i < n; i++) {
		char cmd[64];
		const char *title = _(hits[i].title);
		int pad = 30 - out_text_width(title);

		if (hits[i].kind == NB_THEME_EXERCISE && strcmp(hits[i].id, "breath") == 0)
			snprintf(cmd, sizeof cmd, "nabij breathe");
		else if (hits[i].kind == NB_THEME_EXERCISE)
			snprintf(cmd, sizeof cmd, "nabij exercise start %s", hits[i].id);
		else if (hits[i].kind == NB_THEME_PAGE)
			snprintf(cmd, sizeof cmd, "nabij help%s",
				 strcmp(hits[i].id, "beside") == 0 ? " beside" : "");
		else
			snprintf(cmd, sizeof cmd, "nabij reflect --prompt %s", hits[i].id);
		if (hits[i].kind == NB_THEME_PROMPT)
			printf("  %s\n      %s%s%s\n", title, style_dim(c), cmd, style_reset(c));
		else
			printf("  %s%*s %s%s%s\n", title, pad > 0 ? pad : 0, "", style_dim(c), cmd,
			       style_reset(c));
	}
	printf("\n");
	return n;
}

int cmd_search(struct cli *c, int argc, char **argv)
{
	struct list_ctx x = { 0 };
	struct nb_error err = { 0 };
	struct nb_hits hits = { 0 };
	struct nb_buf words = { 0 };
	struct nb_entries found = { 0 };
	char **args = NULL;
	int nargs, status = 0;
	size_t themes = 0;

	if (opts_parse(argc, argv, search_opts, &x, &args, &nargs, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	for (int i = 0; i < nargs; i++)
		buf_addf(&words, "%s%s", i ? " " : "", args[i]);
	if (!words.len) {
		status = cli_usage("search", "%s", _("What would you like to find? For example: nabij search walk"));
		goto out;
	}
	if (cli_open(c, &err) || app_search(&c->app, words.s, x.limited ? x.q.limit : 50, &hits, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	if (!c->json)
		themes = print_themes(c, words.s);
	if (c->json) {
		for (size_t i = 0; i < hits.n; i++)
			entries_push(&found, hits.v[i].entry);
		out_json_entries(&found);
		free(found.v);
		found.v = NULL;
	} else if (!hits.n && !themes) {
		printf(_("Nothing found for \"%s\".\n"), words.s);
	}
	for (size_t i = 0; !c->json && i < hits.n; i++) {
		out_entry_line(c, hits.v[i].entry);
		fputs("       ", stdout);
		print_snippet(c, hits.v[i].snippet ? hits.v[i].snippet : "");
		fputc('\n', stdout);
	}
	if (!c->json && hits.over) {
		size_t more = hits.n < 500 ? 1000 : hits.n * 2;
		char *s = hits.n < hits.total
			  ? xasprintf(_("These are the best %zu of more than %zu matches. More words find fewer; \"nabij search --limit %zu %s\" shows more."),
				      hits.n, hits.total, more, words.s)
			  : xasprintf(_("These are the best %zu matches, and there are more. More words find fewer; \"nabij search --limit %zu %s\" shows more."),
				      hits.n, more, words.s);
		printf("\n");
		out_wrapped(stdout, s, 0, 76);
		free(s);
	} else if (!c->json && hits.total > hits.n) {
		char *s = xasprintf(ngettext("These are the best %zu of %zu matches. More words find fewer; \"nabij search --limit %zu %s\" shows them all.",
					     "These are the best %zu of %zu matches. More words find fewer; \"nabij search --limit %zu %s\" shows them all.",
					     hits.total),
				    hits.n, hits.total, hits.total, words.s);
		printf("\n");
		out_wrapped(stdout, s, 0, 76);
		free(s);
	}
out:
	hits_free(&hits);
	buf_free(&words);
	free(args);
	return status;
}
