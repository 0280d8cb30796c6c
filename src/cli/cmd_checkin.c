/*
 * nabij checkin: the daily check-in. By flags for scripts, or asked
 * question by question on a terminal, every question skippable.
 */
#include "cli.h"
#include "flags.h"
#include "core/care.h"
#include "core/i18n.h"
#include "core/parse.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

enum {
	O_BODY = OPT_BASE, O_EMOTION, O_NEED, O_STATE, O_MOOD, O_ENERGY, O_TENSION,
	O_SLEEP_HOURS, O_SLEEP_QUALITY, O_TAG, O_NOTE, O_AT,
};

static const struct option opts[] = {
	{ "body", required_argument, NULL, O_BODY },
	{ "emotion", required_argument, NULL, O_EMOTION },
	{ "need", required_argument, NULL, O_NEED },
	{ "state", required_argument, NULL, O_STATE },
	{ "mood", required_argument, NULL, O_MOOD },
	{ "energy", required_argument, NULL, O_ENERGY },
	{ "tension", required_argument, NULL, O_TENSION },
	{ "sleep-hours", required_argument, NULL, O_SLEEP_HOURS },
	{ "sleep-quality", required_argument, NULL, O_SLEEP_QUALITY },
	{ "tag", required_argument, NULL, O_TAG },
	{ "note", required_argument, NULL, O_NOTE },
	{ "at", required_argument, NULL, O_AT },
	{ "interactive", no_argument, NULL, 'i' },
	{ 0 },
};

static enum nb_err apply(void *ctx, int opt, const char *arg, struct nb_error *err)
{
	struct rec_ctx *x = ctx;
	struct nb_checkin *c = &x->e->u.checkin;
	char *id = NULL;
	enum nb_err rc = NB_OK;

	switch (opt) {
	case O_BODY:
		rec_clear_once(x, opt, &c->body);
		return parse_list("body", NB_VOCAB_SENSATION, arg, &c->body, err);
	case O_EMOTION:
		rec_clear_once(x, opt, &c->emotions);
		return parse_list("emotion", NB_VOCAB_EMOTION, arg, &c->emotions, err);
	case O_NEED:
		rec_clear_once(x, opt, &c->needs);
		return parse_list("need", NB_VOCAB_NEED, arg, &c->needs, err);
	case O_TAG:
		rec_clear_once(x, opt, &c->tags);
		return parse_list("tag", NB_VOCAB_FREE, arg, &c->tags, err);
	case O_STATE:
		if (strcmp(arg, "none") == 0 || !*arg) {
			xstrset(&c->state, NULL);
			return NB_OK;
		}
		if (!(rc = parse_term("state", NB_VOCAB_STATE, arg, &id, err))) {
			free(c->state);
			c->state = id;
		}
		return rc;
	case O_MOOD:
		return parse_scale("mood", arg, NB_SCALE_MIN, NB_SCALE_MAX, &c->mood, err);
	case O_ENERGY:
		return parse_scale("energy", arg, NB_SCALE_MIN, NB_SCALE_MAX, &c->energy, err);
	case O_TENSION:
		return parse_scale("tension", arg, NB_SCALE_MIN, NB_SCALE_MAX, &c->tension, err);
	case O_SLEEP_HOURS:
		return parse_sleep(arg, &c->sleep_minutes, err);
	case O_SLEEP_QUALITY:
		return parse_scale("sleep-quality", arg, NB_SCALE_MIN, NB_SCALE_MAX, &c->sleep_quality, err);
	case O_NOTE:
		return rec_set_text(&c->note, arg);
	case O_AT:
		return rec_set_at(x, arg, err);
	case 'i':
		x->ask = true;
		return NB_OK;
	default:
		return NB_EUSAGE;
	}
}

const struct rec_flags checkin_flags = { opts, apply };


static enum nb_err ans_state(void *ctx, const char *a, struct nb_error *err)
{
	static const char *const by_number[] = { "calm", "activated", "shutdown" };

	if (a[0] >= '1' && a[0] <= '3' && a[1] == '\0')
		a = by_number[a[0] - '1'];
	return apply(ctx, O_STATE, a, err);
}

static void ask_all(struct rec_ctx *x)
{
	size_t n;
	const struct nb_term *states = vocab_terms(NB_VOCAB_STATE, &n);

	printf("%s\n\n", _("A check-in takes about a minute. Press Enter to skip any question."));
	prompt_say(_("Body: what do you feel, and where? For example: tension@shoulders, tiredness"));
	prompt_choices(NB_VOCAB_SENSATION);
	prompt_choices(NB_VOCAB_PLACE);
	prompt_flag("> ", &checkin_flags, x, O_BODY);
	prompt_say(_("Emotion: which emotions are here? Add :1-5 for how strong, e.g. sadness:3"));
	prompt_choices(NB_VOCAB_EMOTION);
	prompt_flag("> ", &checkin_flags, x, O_EMOTION);
	prompt_say(_("Need: what do you need today?"));
	prompt_choices(NB_VOCAB_NEED);
	prompt_flag("> ", &checkin_flags, x, O_NEED);
	prompt_say(_("Where are you right now?"));
	for (size_t i = 0; i < n && !prompt_eof(); i++)
		printf("  %zu  %s\n", i + 1, _(states[i].label));
	prompt_until_ok("> ", ans_state, x);
	prompt_flag(_("Mood, 1 (very low) to 5 (very good): "), &checkin_flags, x, O_MOOD);
	prompt_flag(_("Energy, 1 (empty) to 5 (full): "), &checkin_flags, x, O_ENERGY);
	prompt_flag(_("Tension, 1 (relaxed) to 5 (very tense): "), &checkin_flags, x, O_TENSION);
	prompt_flag(_("Sleep last night, in hours (e.g. 7.5): "), &checkin_flags, x, O_SLEEP_HOURS);
	prompt_flag(_("Sleep quality, 1 (poor) to 5 (good): "), &checkin_flags, x, O_SLEEP_QUALITY);
	prompt_flag(_("Tags, such as what you did (comma separated): "), &checkin_flags, x, O_TAG);
	prompt_flag(_("A note, if you like: "), &checkin_flags, x, O_NOTE);
}

int cmd_checkin(struct cli *c, int argc, char **argv)
{
	struct nb_entry *e = entry_new(NB_CHECKIN);
	struct rec_ctx x = { .c = c, .e = e };
	struct nb_error err = { 0 };
	char **args = NULL, today[NB_DAY_LEN];
	int nargs, status = 0;
	enum nb_err rc;

	if ((rc = flags_parse(argc, argv, opts, apply, &x, &args, &nargs, &err)))
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
		printf("\n%s\n", care_help_text());
	nb_day_key(nb_stamp_local(c->app.now), today);
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
