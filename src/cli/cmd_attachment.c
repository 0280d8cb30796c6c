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

/* The command's own option; --answers is the row of an attachment
 * reflection (core/field.c). */
static const struct option opts[] = {
	{ "interactive", no_argument, NULL, 'i' },
	{ 0 },
};

static const struct rec_flags attachment_flags = { opts, rec_apply, NB_ATTACHMENT };

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

static void ask(struct nb_attachment *a)
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
			char *s = prompt_line("       1-7: ");
			enum nb_err rc;
			if (!s)
				continue;
			rc = parse_scale("answers", s, 1, 7, &a->answers[i], &err);
			free(s);
			if (!rc && a->answers[i])
				break;
			printf("       %s\n", _("Please answer with a number from 1 to 7."));
		}
	}
}

int cmd_attachment(struct cli *c, int argc, char **argv)
{
	struct nb_entry *e = entry_new(NB_ATTACHMENT);
	struct rec_ctx x = { .c = c, .e = e };
	struct option o[REC_OPTS_MAX];
	struct nb_error err = { 0 };
	struct nb_entries past = { 0 };
	struct nb_attachment_score now, before;
	char **args = NULL, day[96];
	int nargs, status = 0;

	if (flags_parse(argc, argv, rec_options(&attachment_flags, o), rec_apply, &x, &args, &nargs, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	if (nargs) {
		status = cli_usage("attachment", _("\"%s\" is not understood here."), args[0]);
		goto out;
	}
	if (!fields_complete(e)) {
		if (!c->tty_in && !x.ask) {
			status = cli_usage("attachment", "%s", _("Answer in a terminal, or give all twelve answers with --answers."));
			goto out;
		}
		out_wrapped(stdout, disclaimer(), 0, 76);
		printf("\n");
		ask(&e->u.attachment);
		if (!fields_complete(e)) {
			printf("%s\n", _("Nothing was saved. You can take this reflection whenever you like."));
			goto out;
		}
	}
	if (cli_open(c, &err) || app_latest(&c->app, NB_ATTACHMENT, 1, &past, &err) ||
	    app_add(&c->app, e, &err)) {
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
