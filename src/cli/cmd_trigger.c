/*
 * nabij trigger: the trigger diary. When a strong reaction comes: what
 * happened, what it did, the need under it, one small alternative; and
 * afterwards, with "nabij trigger outcome", how it went.
 */
#include "cli.h"
#include "flags.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/parse.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

enum { O_SITUATION = OPT_BASE, O_REACTION, O_EMOTION, O_NEED, O_ALTERNATIVE, O_OUTCOME, O_AT };

static const struct option opts[] = {
	{ "situation", required_argument, NULL, O_SITUATION },
	{ "reaction", required_argument, NULL, O_REACTION },
	{ "emotion", required_argument, NULL, O_EMOTION },
	{ "need", required_argument, NULL, O_NEED },
	{ "alternative", required_argument, NULL, O_ALTERNATIVE },
	{ "outcome", required_argument, NULL, O_OUTCOME },
	{ "at", required_argument, NULL, O_AT },
	{ "interactive", no_argument, NULL, 'i' },
	{ 0 },
};

static enum nb_err set_term(const char *field, enum nb_vocab v, const char *arg,
			    char **slot, struct nb_error *err)
{
	char *id = NULL;
	enum nb_err rc;

	if (!*arg || strcmp(arg, "none") == 0) {
		xstrset(slot, NULL);
		return NB_OK;
	}
	if ((rc = parse_term(field, v, arg, &id, err)))
		return rc;
	free(*slot);
	*slot = id;
	return NB_OK;
}

static enum nb_err apply(void *ctx, int opt, const char *arg, struct nb_error *err)
{
	struct rec_ctx *x = ctx;
	struct nb_trigger *t = &x->e->u.trigger;

	switch (opt) {
	case O_SITUATION:
		return rec_set_text(&t->situation, arg);
	case O_REACTION:
		return rec_set_text(&t->reaction, arg);
	case O_EMOTION:
		return set_term("emotion", NB_VOCAB_EMOTION, arg, &t->emotion, err);
	case O_NEED:
		return set_term("need", NB_VOCAB_NEED, arg, &t->need, err);
	case O_ALTERNATIVE:
		return rec_set_text(&t->alternative, arg);
	case O_OUTCOME:
		return rec_set_text(&t->outcome, arg);
	case O_AT:
		return rec_set_at(x, arg, err);
	case 'i':
		x->ask = true;
		return NB_OK;
	default:
		return NB_EUSAGE;
	}
}

const struct rec_flags trigger_flags = { opts, apply, NB_TYPE_NONE };


static void ask_all(struct rec_ctx *x)
{
	printf("%s\n\n", _("Take a breath first if you can. Press Enter to skip a question."));
	while (!x->e->u.trigger.situation && !prompt_eof())
		prompt_flag(_("What happened? (the situation): "), &trigger_flags, x, O_SITUATION);
	if (!x->e->u.trigger.situation)
		return;
	prompt_flag(_("How did you react? "), &trigger_flags, x, O_REACTION);
	prompt_say(_("Which emotion was strongest?"));
	prompt_choices(NB_VOCAB_EMOTION);
	prompt_flag("> ", &trigger_flags, x, O_EMOTION);
	prompt_say(_("What did you need underneath?"));
	prompt_choices(NB_VOCAB_NEED);
	prompt_flag("> ", &trigger_flags, x, O_NEED);
	prompt_flag(_("One small thing you could try next time: "), &trigger_flags, x, O_ALTERNATIVE);
}

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

int cmd_trigger(struct cli *c, int argc, char **argv)
{
	struct nb_entry *e = entry_new(NB_TRIGGER);
	struct rec_ctx x = { .c = c, .e = e };
	struct nb_error err = { 0 };
	char **args = NULL;
	int nargs, status = 0;
	enum nb_err rc;

	if ((rc = flags_parse(argc, argv, opts, apply, &x, &args, &nargs, &err)))
		goto fail;
	if (nargs > 0 && strcmp(args[0], "outcome") == 0) {
		status = outcome(c, nargs - 1, args + 1);
		goto out;
	}
	if (nargs > 0) {
		status = cli_usage("trigger", _("\"%s\" is not understood here; put words in quotes."),
				   args[0]);
		goto out;
	}
	if (!e->u.trigger.situation) {
		if (!x.ask && !c->tty_in) {
			status = cli_usage("trigger", "%s",
					   _("What happened? Give it with --situation, or run \"nabij trigger\" in a terminal to be asked."));
			goto out;
		}
		ask_all(&x);
		if (!e->u.trigger.situation) {
			printf("%s\n", _("Nothing was saved."));
			goto out;
		}
	}
	if ((rc = cli_open(c, &err)) || (rc = app_add(&c->app, e, &err)))
		goto fail;
	out_saved(c, e);
	if (!c->json)
		printf(_("Later, you can note how it went: nabij trigger outcome %lld \"...\"\n"),
		       (long long)e->id);
	goto out;
fail:
	status = cli_fail(&err);
out:
	entry_free(e);
	free(args);
	return status;
}
