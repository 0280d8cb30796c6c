/*
 * nabij moment: a moment of connection or safe touch. Small moments count,
 * and so does a "no": the person's own yes and no are a compass.
 */
#include "cli.h"
#include "flags.h"
#include "core/i18n.h"
#include "core/parse.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

enum { O_KIND = OPT_BASE, O_WITH, O_SECONDS, O_SAFE, O_EFFECT, O_NOTE, O_AT };

static const struct option opts[] = {
	{ "kind", required_argument, NULL, O_KIND },
	{ "with", required_argument, NULL, O_WITH },
	{ "seconds", required_argument, NULL, O_SECONDS },
	{ "safe", required_argument, NULL, O_SAFE },
	{ "effect", required_argument, NULL, O_EFFECT },
	{ "note", required_argument, NULL, O_NOTE },
	{ "at", required_argument, NULL, O_AT },
	{ "interactive", no_argument, NULL, 'i' },
	{ 0 },
};

/* Choose a term of v by its number in the list shown, or by its words. */
static enum nb_err term_or_number(const char *field, enum nb_vocab v, const char *a,
				  char **out, struct nb_error *err)
{
	size_t n;
	const struct nb_term *t = vocab_terms(v, &n);
	char *end;
	long k = strtol(a, &end, 10);

	if (end != a && *end == '\0' && k >= 1 && (size_t)k <= n)
		a = t[k - 1].id;
	return parse_term(field, v, a, out, err);
}

static enum nb_err apply(void *ctx, int opt, const char *arg, struct nb_error *err)
{
	struct rec_ctx *x = ctx;
	struct nb_moment *m = &x->e->u.moment;
	char *id = NULL;
	enum nb_err rc;

	switch (opt) {
	case O_KIND:
		if ((rc = term_or_number("kind", NB_VOCAB_MOMENT_KIND, arg, &id, err)))
			return rc;
		free(m->kind);
		m->kind = id;
		return NB_OK;
	case O_WITH:
		rec_set_text(&m->with, arg);
		xstrset(&m->member_uid, NULL);	/* linked again by name on saving */
		return NB_OK;
	case O_SECONDS:
		if (!*arg || strcmp(arg, "none") == 0) {
			m->seconds = 0;
			return NB_OK;
		}
		return parse_seconds("seconds", arg, NB_MOMENT_SECONDS_MAX, &m->seconds, err);
	case O_SAFE:
		if (!*arg || strcmp(arg, "none") == 0) {
			xstrset(&m->safe, NULL);
			return NB_OK;
		}
		if ((rc = term_or_number("safe", NB_VOCAB_SAFE, arg, &id, err)))
			return rc;
		free(m->safe);
		m->safe = id;
		return NB_OK;
	case O_EFFECT:
		rec_clear_once(x, opt, &m->effects);
		return parse_list("effect", NB_VOCAB_EFFECT, arg, &m->effects, err);
	case O_NOTE:
		return rec_set_text(&m->note, arg);
	case O_AT:
		return rec_set_at(x, arg, err);
	case 'i':
		x->ask = true;
		return NB_OK;
	default:
		return NB_EUSAGE;
	}
}

const struct rec_flags moment_flags = { opts, apply, NB_TYPE_NONE };


static void list_numbered(enum nb_vocab v)
{
	size_t n;
	const struct nb_term *t = vocab_terms(v, &n);

	for (size_t i = 0; i < n && !prompt_eof(); i++)
		printf("  %zu  %s\n", i + 1, _(t[i].label));
}

static void ask_all(struct rec_ctx *x)
{
	struct nb_moment *m = &x->e->u.moment;

	prompt_say(_("What kind of moment was it?"));
	list_numbered(NB_VOCAB_MOMENT_KIND);
	while (!m->kind && !prompt_eof())
		prompt_flag("> ", &moment_flags, x, O_KIND);
	if (!m->kind)
		return;
	prompt_flag(_("With whom? (a name, an animal, or yourself): "), &moment_flags, x, O_WITH);
	prompt_flag(_("How long, roughly? (e.g. 30 seconds, 5 minutes): "), &moment_flags, x, O_SECONDS);
	prompt_say(_("Did it feel safe and wanted?"));
	list_numbered(NB_VOCAB_SAFE);
	prompt_flag("> ", &moment_flags, x, O_SAFE);
	prompt_say(_("What did your body do?"));
	prompt_choices(NB_VOCAB_EFFECT);
	prompt_flag("> ", &moment_flags, x, O_EFFECT);
	prompt_flag(_("A note, if you like: "), &moment_flags, x, O_NOTE);
}

int cmd_moment(struct cli *c, int argc, char **argv)
{
	struct nb_entry *e = entry_new(NB_MOMENT);
	struct rec_ctx x = { .c = c, .e = e };
	struct nb_error err = { 0 };
	char **args = NULL;
	int nargs, status = 0;
	enum nb_err rc;

	if ((rc = flags_parse(argc, argv, opts, apply, &x, &args, &nargs, &err)))
		goto fail;
	if (nargs > 1) {
		status = cli_usage("moment", _("\"%s\" is not understood here; put words in quotes."),
				   args[1]);
		goto out;
	}
	if (nargs == 1 && (rc = apply(&x, O_KIND, args[0], &err)))
		goto fail;
	if (!e->u.moment.kind) {
		if (!x.ask && !c->tty_in) {
			status = cli_usage("moment", "%s",
					   _("Which kind of moment? For example: nabij moment hug --with Sam"));
			goto out;
		}
		ask_all(&x);
		if (!e->u.moment.kind) {
			printf("%s\n", _("Nothing was saved."));
			goto out;
		}
	}
	if ((rc = cli_open(c, &err)) || (rc = app_add(&c->app, e, &err)))
		goto fail;
	out_saved(c, e);
	if (!c->json && e->u.moment.safe && strcmp(e->u.moment.safe, "no") == 0)
		printf("%s\n", _("Thank you for noting that. Your no counts as much as your yes."));
	goto out;
fail:
	status = cli_fail(&err);
out:
	entry_free(e);
	free(args);
	return status;
}
