/*
 * nabij reflect: one short question a day (the same all day, a new one the
 * next), and the person's answer kept as a reflection.
 */
#include "cli.h"
#include "flags.h"
#include "core/care.h"
#include "core/i18n.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

enum { O_TEXT = OPT_BASE, O_PROMPT, O_CLOSENESS };

static const struct option opts[] = {
	{ "text", required_argument, NULL, O_TEXT },
	{ "prompt", required_argument, NULL, O_PROMPT },
	{ "closeness", no_argument, NULL, O_CLOSENESS },
	{ 0 },
};

struct reflect_ctx {
	char *text;
	const struct nb_prompt *prompt;
	bool closeness;
};

static const struct nb_prompt *prompt_by_id(const char *id)
{
	size_t n;
	const struct nb_prompt *p = prompt_all(&n);

	for (size_t i = 0; i < n; i++)
		if (strcmp(p[i].id, id) == 0)
			return &p[i];
	return NULL;
}

static enum nb_err apply(void *ctx, int opt, const char *arg, struct nb_error *err)
{
	struct reflect_ctx *x = ctx;

	if (opt == O_TEXT)
		return rec_set_text(&x->text, arg);
	if (opt == O_CLOSENESS) {
		x->closeness = true;
		return NB_OK;
	}
	if (opt == O_PROMPT) {
		if (!(x->prompt = prompt_by_id(arg)))
			return nb_error_set(err, NB_EUSAGE, "prompt",
					    _("\"%s\" is not one of nabij's prompts."), arg);
		return NB_OK;
	}
	return NB_EUSAGE;
}

/* The three questions about closeness in a row, each with a gentle hint;
 * each answer is kept as a reflection on its own question. */
static int closeness_set(struct cli *c)
{
	size_t n, saved = 0;
	const char *const *ids = prompt_closeness(&n);
	struct nb_error err = { 0 };

	if (!c->tty_in)
		return cli_usage("reflect", "%s", _("The questions about closeness are asked in a terminal; from a script, answer one with --prompt ID --text TEXT."));
	printf("%s%s%s\n", style_bold(c), _("Three questions about closeness"), style_reset(c));
	out_wrapped(stdout, _("Take your time; any of them may stay empty. There are no wrong answers."), 0, 76);
	for (size_t i = 0; i < n && !prompt_eof(); i++) {
		char *a;
		printf("\n%s\n", prompt_text(ids[i]));
		out_wrapped(stdout, prompt_hint(ids[i]), 2, 76);
		if (!(a = prompt_line("> ")))
			continue;
		struct nb_entry *e = entry_new(NB_REFLECTION);
		e->u.reflection.prompt = xstrdup(ids[i]);
		e->u.reflection.text = a;
		if (cli_open(c, &err) || app_add(&c->app, e, &err)) {
			entry_free(e);
			return cli_fail(&err);
		}
		out_saved(c, e);
		entry_free(e);
		saved++;
	}
	if (!saved)
		printf("\n%s\n", _("Nothing was saved. The questions will still be here."));
	return 0;
}

int cmd_reflect(struct cli *c, int argc, char **argv)
{
	struct reflect_ctx x = { 0 };
	struct nb_error err = { 0 };
	struct nb_entry *e = NULL;
	char **args = NULL, day[NB_DAY_LEN];
	int nargs, status = 0;

	if (flags_parse(argc, argv, opts, apply, &x, &args, &nargs, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	if (nargs) {
		status = cli_usage("reflect", _("\"%s\" is not understood here; give your answer with --text."), args[0]);
		goto out;
	}
	if (x.closeness) {
		status = closeness_set(c);
		goto out;
	}
	nb_day_key(nb_stamp_local(c->app.now), day);
	if (!x.prompt)
		x.prompt = prompt_for_day(day);
	if (!x.text) {
		if (!c->tty_in) {
			status = cli_usage("reflect", "%s", _("Give your answer with --text, or run \"nabij reflect\" in a terminal."));
			goto out;
		}
		printf("%s%s%s\n", style_bold(c), _(x.prompt->text), style_reset(c));
		printf("%s\n", _("Take a moment. Write as much or as little as you like; Enter on its own skips."));
		x.text = prompt_line("> ");
		if (!x.text) {
			printf("%s\n", _("Nothing was saved. The question will still be here."));
			goto out;
		}
	}
	e = entry_new(NB_REFLECTION);
	e->u.reflection.prompt = xstrdup(x.prompt->id);
	e->u.reflection.text = xstrdup(x.text);
	if (cli_open(c, &err) || app_add(&c->app, e, &err))
		status = cli_fail(&err);
	else
		out_saved(c, e);
out:
	entry_free(e);
	free(x.text);
	free(args);
	return status;
}
