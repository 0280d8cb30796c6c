/*
 * nabij attachment: the attachment reflection of PRACTICES section 7.
 * Twelve statements, answered 1 to 7, placed on two axes; the result, the
 * change since last time, and plainly: a reflection, not a diagnosis.
 */
#include "cli.h"
#include "core/describe.h"
#include "flags.h"
#include "core/attachment.h"
#include "core/i18n.h"
#include "core/parse.h"
#include "core/xalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { O_ANSWERS = OPT_BASE };

static const struct option opts[] = {
	{ "answers", required_argument, NULL, O_ANSWERS },
	{ "interactive", no_argument, NULL, 'i' },
	{ 0 },
};

struct att_ctx {
	struct nb_attachment a;
	bool given, ask;
};

static enum nb_err apply(void *ctx, int opt, const char *arg, struct nb_error *err)
{
	struct att_ctx *x = ctx;
	char *copy, *save = NULL, *tok;
	int i = 0;
	enum nb_err rc = NB_OK;

	if (opt == 'i') {
		x->ask = true;
		return NB_OK;
	}
	if (opt != O_ANSWERS)
		return NB_EUSAGE;
	copy = xstrdup(arg);
	for (tok = strtok_r(copy, ",", &save); tok && !rc; tok = strtok_r(NULL, ",", &save), i++)
		if (i < NB_ATTACHMENT_ITEMS)
			rc = parse_scale("answers", tok, 1, 7, &x->a.answers[i], err);
	free(copy);
	if (!rc && i != NB_ATTACHMENT_ITEMS)
		rc = nb_error_set(err, NB_EINVAL, "answers",
				  _("--answers takes %d answers from 1 to 7, separated by commas (you gave %d)."),
				  NB_ATTACHMENT_ITEMS, i);
	if (!rc)
		for (i = 0; i < NB_ATTACHMENT_ITEMS; i++)
			if (!x->a.answers[i])
				rc = nb_error_set(err, NB_EINVAL, "answers",
						  _("Every statement needs an answer from 1 to 7."));
	x->given = true;
	return rc;
}

static const char *disclaimer(void)
{
	return _("This is a reflection, not a diagnosis. The patterns are ways that once helped people get through; they can change, and many people recognise something of each.");
}

/* A scale of 1 to 7 with the score marked. */
static void axis(const struct cli *c, const char *name, double v)
{
	int pos = (int)lround((v - 1) / 6 * 24);
	int pad = 28 - out_text_width(name);

	printf("  %s%*s %s1%s ", name, pad > 0 ? pad : 0, "", style_dim(c), style_reset(c));
	for (int i = 0; i <= 24; i++)
		fputs(i == pos ? "●" : "─", stdout);
	char d[NB_DEC_LEN];

	printf(" %s7%s   %s\n", style_dim(c), style_reset(c), nb_dec1(v, d));
}

static void change(const char *name, double before, double now)
{
	double d = now - before;
	char v[NB_DEC_LEN];

	if (fabs(d) < 0.25)
		printf(_("  %s: about the same\n"), name);
	else if (d < 0)
		printf(_("  %s: %s lower\n"), name, nb_dec1(-d, v));
	else
		printf(_("  %s: %s higher\n"), name, nb_dec1(d, v));
}

static void ask(struct att_ctx *x)
{
	const struct nb_statement *st = attachment_statements();

	out_wrapped(stdout, _("Twelve statements about closeness. For each, how much is it like you, from 1 (not at all) to 7 (very much)? There are no right answers."), 0, 76);
	printf("\n");
	for (int i = 0; i < NB_ATTACHMENT_ITEMS && !prompt_eof(); i++) {
		char num[16];
		snprintf(num, sizeof num, "%2d/%d  ", i + 1, NB_ATTACHMENT_ITEMS);
		out_hanging(stdout, num, _(st[i].text), 76);
		while (!prompt_eof()) {
			struct nb_error err;
			char *a = prompt_line("       1-7: ");
			enum nb_err rc;
			if (!a)
				continue;
			rc = parse_scale("answers", a, 1, 7, &x->a.answers[i], &err);
			free(a);
			if (!rc && x->a.answers[i])
				break;
			printf("       %s\n", _("Please answer with a number from 1 to 7."));
		}
	}
	x->given = !prompt_eof();
}

int cmd_attachment(struct cli *c, int argc, char **argv)
{
	struct att_ctx x = { 0 };
	struct nb_error err = { 0 };
	struct nb_entries past = { 0 };
	struct nb_entry *e = NULL;
	struct nb_attachment_score now, before;
	char **args = NULL, day[96];
	int nargs, status = 0;

	if (flags_parse(argc, argv, opts, apply, &x, &args, &nargs, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	if (nargs) {
		status = cli_usage("attachment", _("\"%s\" is not understood here."), args[0]);
		goto out;
	}
	if (!x.given) {
		if (!c->tty_in && !x.ask) {
			status = cli_usage("attachment", "%s", _("Answer in a terminal, or give all twelve answers with --answers."));
			goto out;
		}
		out_wrapped(stdout, disclaimer(), 0, 76);
		printf("\n");
		ask(&x);
		if (!x.given) {
			printf("%s\n", _("Nothing was saved. You can take this reflection whenever you like."));
			goto out;
		}
	}
	if (cli_open(c, &err) || app_latest(&c->app, NB_ATTACHMENT, 1, &past, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	e = entry_new(NB_ATTACHMENT);
	e->u.attachment = x.a;
	if (app_add(&c->app, e, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	if (c->json) {
		out_json_entry(e);
		goto out;
	}
	attachment_score(&e->u.attachment, &now);
	printf("\n");
	axis(c, _("Anxiety about closeness"), now.anxiety);
	axis(c, _("Avoidance of closeness"), now.avoidance);
	printf("\n");
	{
		char *line = xasprintf(_("Closest to: %s. %s"), attachment_pattern_name(now.pattern),
				       attachment_pattern_text(now.pattern));
		out_wrapped(stdout, line, 0, 76);
		free(line);
		out_wrapped(stdout, attachment_support_text(), 0, 76);
	}
	if (past.n) {
		attachment_score(&past.v[0]->u.attachment, &before);
		describe_day(past.v[0]->day, day, sizeof day);
		printf("\n");
		printf(_("Since last time (%s):\n"), day);
		change(_("anxiety about closeness"), before.anxiety, now.anxiety);
		change(_("avoidance of closeness"), before.avoidance, now.avoidance);
	}
	printf("\n");
	out_wrapped(stdout, disclaimer(), 0, 76);
	out_wrapped(stdout, _("Coming back to it every few months shows what moves."), 0, 76);
out:
	entry_free(e);
	entries_free(&past);
	free(args);
	return status;
}
