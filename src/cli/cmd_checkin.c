/*
 * nabij checkin: the daily check-in. By flags for scripts, or asked
 * question by question on a terminal, every question skippable.
 */
#include "cli.h"
#include "flags.h"
#include "core/care.h"
#include "core/field.h"
#include "core/i18n.h"
#include "core/parse.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* The answers are flags named by the fields of a check-in (core/field.c):
 * --mood, --sleep-hours, ...; only these two are the command's own. */
enum { O_AT = OPT_BASE };

static const struct option own[] = {
	{ "at", required_argument, NULL, O_AT },
	{ "interactive", no_argument, NULL, 'i' },
	{ 0 },
};

static enum nb_err apply(void *ctx, int opt, const char *arg, struct nb_error *err)
{
	struct rec_ctx *x = ctx;

	switch (opt) {
	case O_AT:
		return rec_set_at(x, arg, err);
	case 'i':
		x->ask = true;
		return NB_OK;
	default:
		return rec_apply_field(x, opt, arg, err);
	}
}

const struct rec_flags checkin_flags = { own, apply, NB_CHECKIN };

struct choice {
	struct rec_ctx *x;
	int opt;
	enum nb_vocab vocab;
};

/* A choice from a closed list, by its number or in words. */
static enum nb_err ans_choice(void *ctx, const char *a, struct nb_error *err)
{
	struct choice *q = ctx;
	size_t n;
	const struct nb_term *t = vocab_terms(q->vocab, &n);
	char *end;
	long k = strtol(a, &end, 10);

	if (*a && !*end && k >= 1 && (size_t)k <= n)
		a = t[k - 1].id;
	return apply(q->x, q->opt, a, err);
}

/* Each field of the check-in in its order, each question skippable. */
static void ask_all(struct rec_ctx *x)
{
	size_t n;
	const struct nb_field *f = fields_of(NB_CHECKIN, &n);

	printf("%s\n\n", _("A check-in takes about five minutes, or less. Press Enter to skip any question."));
	for (size_t i = 0; i < n && !prompt_eof(); i++) {
		int opt = OPT_FIELD + (int)i;
		bool listed = f[i].vocab != NB_VOCAB_FREE;

		if (!f[i].ask)
			continue;
		if ((f[i].type == NB_FT_ITEMS || f[i].type == NB_FT_TERMS) && listed) {
			prompt_say(_(f[i].ask));
			prompt_choices(f[i].vocab);
			if (f[i].vocab == NB_VOCAB_SENSATION)	/* and where in the body */
				prompt_choices(NB_VOCAB_PLACE);
			prompt_flag("> ", &checkin_flags, x, opt);
		} else if (f[i].type == NB_FT_TERM && vocab_is_closed(f[i].vocab)) {
			struct choice q = { x, opt, f[i].vocab };
			size_t nt;
			const struct nb_term *t = vocab_terms(f[i].vocab, &nt);

			prompt_say(_(f[i].ask));
			for (size_t k = 0; k < nt && !prompt_eof(); k++)
				printf("  %zu  %s\n", k + 1, _(t[k].label));
			prompt_until_ok("> ", ans_choice, &q);
		} else {
			prompt_flag(_(f[i].ask), &checkin_flags, x, opt);
		}
		if (strcmp(f[i].id, "emotion") == 0 && care_craving_unrated(&x->e->u.checkin))
			for (size_t k = 0; k < n; k++)	/* a craving ticked: how strong? */
				if (strcmp(f[k].id, "craving") == 0)
					prompt_flag(_("How strong is the craving, 1 (none) to 5 (very strong)? "), &checkin_flags, x,
						    OPT_FIELD + (int)k);
	}
}

/* During an experiment, asked at a check-in on a terminal when what was
 * logged cannot tell: did you do it today? Enter skips. */
static void experiment_question(struct cli *c, const char *today)
{
	struct nb_entry *x = NULL;
	struct nb_error err;
	char question[512], *answer;

	if (app_experiment_asks(&c->app, today, &x, &err) || !x)
		return;
	snprintf(question, sizeof question, _("For your experiment: did you do it today (%s)? yes or no, Enter skips: "),
		 exp_practice_text(&x->u.experiment));
	answer = prompt_line(question);
	if (answer && (strcmp(answer, "yes") == 0 || strcmp(answer, "y") == 0 || strcmp(answer, "ja") == 0 ||
		       strcmp(answer, "no") == 0 || strcmp(answer, "n") == 0 || strcmp(answer, "nee") == 0)) {
		if (app_experiment_answer(&c->app, x, today, answer[0] == 'y' || answer[0] == 'j', &err))
			cli_fail(&err);
	}
	free(answer);
	entry_free(x);
}

int cmd_checkin(struct cli *c, int argc, char **argv)
{
	struct nb_entry *e = entry_new(NB_CHECKIN);
	struct rec_ctx x = { .c = c, .e = e };
	struct option opts[REC_OPTS_MAX];
	struct nb_error err = { 0 };
	char **args = NULL, today[NB_DAY_LEN];
	int nargs, status = 0;
	enum nb_err rc;

	if ((rc = flags_parse(argc, argv, rec_options(&checkin_flags, opts), apply, &x, &args, &nargs,
			      &err)))
		goto fail;
	if (nargs > 0) {
		status = cli_usage("checkin", _("\"%s\" is not understood here; answers are given as flags."),
				   args[0]);
		goto out;
	}
	if (x.ask || (argc == 1 && c->tty_in)) {
		ask_all(&x);
		if (checkin_is_empty(&e->u.checkin)) {
			printf("\n%s\n", _("Nothing was saved, and that is fine. Come back whenever you like."));
			goto out;
		}
	} else if (argc == 1) {
		status = cli_usage("checkin", "%s",
				   _("Give your answers as flags, or run \"nabij checkin\" in a terminal to be asked."));
		goto out;
	}
	if ((rc = cli_open(c, &err)) || (rc = app_add(&c->app, e, &err)))
		goto fail;
	out_saved(c, e);
	if (!c->json && care_needs_help(&e->u.checkin))
		printf("\n%s\n", care_help_text(care_first_line(&e->u.checkin, false), (char[NB_HELP_TEXT_LEN]){ 0 },
						  NB_HELP_TEXT_LEN));
	else if (!c->json && care_first_line(&e->u.checkin, false) == NB_HELP_LISTEN) {	/* loneliness: someone who listens */
		printf("\n");
		out_wrapped(stdout, care_help_part(NB_HELP_LISTEN), 0, 76);
	}
	if (!c->json && care_strong_craving(&e->u.checkin))
		cli_urge_lines(c, !care_needs_help(&e->u.checkin));
	nb_day_key(nb_stamp_local(c->app.now), today);
	if (!c->json && c->tty_in && strcmp(e->day, today) == 0)
		experiment_question(c, today);
	if (strcmp(e->day, today) == 0)	/* a check-in about another day suggests nothing now */
		cli_print_suggestion(c);
	goto out;
fail:
	status = cli_fail(&err);
out:
	entry_free(e);
	free(args);
	return status;
}
