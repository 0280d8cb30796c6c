/*
 * nabij trigger: the trigger diary. When a strong reaction comes: what
 * happened, what it did, the need under it, one small alternative; and
 * afterwards, with "nabij trigger outcome", how it went. The flags, the
 * questions and the --help lines are the rows of a trigger (core/field.c).
 */
#include "cli.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/parse.h"

#include <stdlib.h>
#include <string.h>

const struct rec_flags trigger_flags = { rec_at_ask, rec_apply, NB_TRIGGER };

static int outcome(struct cli *c, int nargs, char **args)
{
	struct nb_error err = { 0 };
	struct nb_buf text = { 0 };
	int64_t id;
	enum nb_err rc;
	int status = 0;

	if (nargs < 2)
		return cli_usage("trigger", "%s", _("Usage: nabij trigger outcome ID TEXT"));
	if ((rc = parse_id(args[0], &id, &err)))
		return cli_fail(&err);
	for (int i = 1; i < nargs; i++)
		buf_addf(&text, "%s%s", i > 1 ? " " : "", args[i]);
	if ((rc = cli_open(c, &err)) || (rc = app_trigger_outcome(&c->app, id, text.s, &err)))
		status = cli_fail(&err);
	else if (c->json) {
		struct nb_entry *e;
		if (!app_get(&c->app, id, &e, &err)) {
			out_json_entry(e);
			entry_free(e);
		}
	} else
		printf(_("Noted how it went for trigger #%lld.\n"), (long long)id);
	buf_free(&text);
	return status;
}

/* "nabij trigger outcome ID TEXT", or -1 for another operand. */
static int sub(struct cli *c, int nargs, char **args)
{
	return strcmp(args[0], "outcome") == 0 ? outcome(c, nargs - 1, args + 1) : -1;
}

static void saved(struct cli *c, const struct nb_entry *e)
{
	(void)c;
	printf(_("Later, you can note how it went: nabij trigger outcome %lld \"...\"\n"), (long long)e->id);
}

static const struct rec_cmd trigger = {
	.name = "trigger", .flags = &trigger_flags,
	.intro = N_("Take a breath first if you can. Press Enter to skip a question."),
	.missing = N_("What happened? Give it with --situation, or run \"nabij trigger\" in a terminal to be asked."),
	.sub = sub, .saved = saved,
};

int cmd_trigger(struct cli *c, int argc, char **argv)
{
	return rec_make(c, &trigger, argc, argv);
}
