/*
 * nabij checkin: the daily check-in. By flags for scripts, or asked
 * question by question on a terminal, every question skippable.
 */
#include "cli.h"
#include "flags.h"
#include "core/care.h"
#include "core/field.h"
#include "core/i18n.h"

#include <stdlib.h>
#include <string.h>

/* The answers are flags named by the fields of a check-in (core/field.c):
 * --mood, --sleep-hours, ...; only --at and -i are the command's own. */
const struct rec_flags checkin_flags = { rec_at_ask, rec_apply, NB_CHECKIN };

/* A craving ticked among the feelings without its strength: how strong? */
static void ask_craving(struct rec_ctx *x, const struct nb_field *row)
{
	if (strcmp(row->id, "emotion") == 0 && care_craving_unrated(&x->e->u.checkin))
		prompt_flag(_("How strong is the craving, 1 (none) to 5 (very strong)? "), &checkin_flags, x,
			    rec_opt(NB_CHECKIN, "craving"));
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

	if (flags_parse(argc, argv, rec_options(&checkin_flags, opts), rec_apply, &x, &args, &nargs, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	if (nargs > 0) {
		status = cli_usage("checkin", _("\"%s\" is not understood here; answers are given as flags."),
				   args[0]);
		goto out;
	}
	if (x.ask || (argc == 1 && c->tty_in)) {
		printf("%s\n\n", _("A check-in takes about five minutes, or less. Press Enter to skip any question."));
		rec_ask(&checkin_flags, &x, ask_craving);
		if (checkin_is_empty(&e->u.checkin)) {
			printf("\n%s\n", _("Nothing was saved, and that is fine. Come back whenever you like."));
			goto out;
		}
	} else if (argc == 1) {
		status = cli_usage("checkin", "%s",
				   _("Give your answers as flags, or run \"nabij checkin\" in a terminal to be asked."));
		goto out;
	}
	if ((status = rec_save(c, e)))	/* and what follows a save: help, people to call */
		goto out;
	if (!c->json && care_strong_craving(&e->u.checkin))
		cli_urge_lines(c, !care_needs_help(&e->u.checkin));
	nb_day_key(nb_stamp_local(c->app.now), today);
	if (!c->json && c->tty_in && strcmp(e->day, today) == 0)
		experiment_question(c, today);
	if (strcmp(e->day, today) == 0)	/* a check-in about another day suggests nothing now */
		cli_print_suggestion(c);
out:
	entry_free(e);
	free(args);
	return status;
}
