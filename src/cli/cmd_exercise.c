/*
 * nabij exercise and nabij breathe: the guided exercises of PRACTICES
 * section 5. Each session records how long it actually lasted and, when
 * the person wants, how tense they were before and after, so that over
 * weeks they can see which exercise calms them.
 */
#include "cli.h"
#include "flags.h"
#include "core/breath.h"
#include "core/buf.h"
#include "core/exercise.h"
#include "core/i18n.h"
#include "core/parse.h"
#include "core/xalloc.h"
#include "io/io.h"

#include <stdlib.h>
#include <string.h>

enum { O_BEFORE = OPT_BASE, O_AFTER, O_IN, O_HOLD, O_OUT, O_REST, O_MINUTES };

/* The command's own options, in the order of their enum: the older names
 * of --tension-before and --tension-after, kept for scripts, and the
 * breathing rhythm, which the session keeps as its pattern. The other
 * flags (--tension-before, --urge-before, --seconds, --with, --words...)
 * are the rows of a session (core/field.c); the operand is its exercise. */
static const struct option opts[] = {
	{ "before", required_argument, NULL, O_BEFORE },
	{ "after", required_argument, NULL, O_AFTER },
	{ "in", required_argument, NULL, O_IN },
	{ "hold", required_argument, NULL, O_HOLD },
	{ "out", required_argument, NULL, O_OUT },
	{ "rest", required_argument, NULL, O_REST },
	{ "minutes", required_argument, NULL, O_MINUTES },
	{ "interactive", no_argument, NULL, 'i' },
	{ 0 },
};

/* The rows of a session as flags, for nabij edit. */
const struct rec_flags session_flags = { rec_at, rec_apply, NB_SESSION };

struct ex_ctx {
	struct rec_ctx rec;	/* first, so that a rec_ctx is one: the session to save */
	struct nb_breath breath;
	bool recorded;		/* given --seconds or --words: recorded, not guided */
};

static enum nb_err apply(void *ctx, int opt, const char *arg, struct nb_error *err)
{
	struct ex_ctx *x = ctx;
	int *rhythm[] = { &x->breath.in, &x->breath.hold, &x->breath.out, &x->breath.rest, &x->breath.minutes };

	if (opt == O_BEFORE || opt == O_AFTER)
		opt = rec_opt(NB_SESSION, opt == O_BEFORE ? "tension-before" : "tension-after");
	if (opt == rec_opt(NB_SESSION, "exercise"))	/* the operand says which */
		return NB_EUSAGE;
	if (opt == rec_opt(NB_SESSION, "seconds")) {	/* a length done: recorded, not guided */
		int done;
		enum nb_err rc = parse_seconds("seconds", arg, NB_SESSION_SECONDS_MAX, &done, err);
		if (rc)
			return rc;
		x->recorded = true;
	}
	if (opt < O_IN || opt > O_MINUTES)
		return rec_apply(&x->rec, opt, arg, err);
	/* A rest of 0 and a hold of 0 are fine; breath_validate names the range. */
	return parse_scale(opts[opt - OPT_BASE].name, arg, 0, opt == O_MINUTES ? 999 : 99, rhythm[opt - O_IN], err);
}

static const struct rec_flags exercise_flags = { opts, apply, NB_SESSION };

static const char *guide_name(enum nb_guide g)
{
	switch (g) {
	case NB_GUIDE_PACER: return _("with a breathing pacer");
	case NB_GUIDE_STEPS: return _("step by step, at your pace");
	default: return _("ends with your own words");
	}
}

static int list(struct cli *c)
{
	size_t n;
	const struct nb_exercise *x = exercise_all(&n);

	if (c->json) {
		char *j = io_json_exercises(NULL);
		puts(j);
		free(j);
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		const char *title = exercise_title(&x[i]);
		int pad = 28 - out_text_width(title);

		printf("  %-11s %s%s%s%*s ", x[i].id, style_bold(c), title, style_reset(c),
		       pad > 0 ? pad : 0, "");
		printf(_("about %d min, %s"), (x[i].default_seconds + 30) / 60, guide_name(x[i].guide));
		printf("\n");
	}
	printf("\n%s\n", _("\"nabij exercise show ID\" explains one; \"nabij exercise start ID\" guides you through it."));
	return 0;
}

/* Sentences the person may take or adapt, beside their own. */
static void print_examples(const struct nb_exercise *x)
{
	if (!exercise_example(x, 0))
		return;
	printf("%s\n", _("For example, in your own words or these:"));
	for (size_t i = 0; exercise_example(x, i); i++)
		out_hanging(stdout, "  - ", exercise_example(x, i), 76);
}

static void print_steps(const struct nb_exercise *x)
{
	for (size_t i = 0; i < exercise_steps(x); i++) {
		char *line = xasprintf("%zu. %s", i + 1, _(x->steps[i]));
		out_wrapped(stdout, line, 2, 76);
		free(line);
	}
	print_examples(x);
}

static int show(struct cli *c, const char *id)
{
	const struct nb_exercise *x = exercise_find(id);

	if (!x)
		return cli_usage("exercise", _("\"%s\" is not an exercise; \"nabij exercise list\" shows them."), id);
	if (c->json) {
		char *j = io_json_exercises(x);
		puts(j);
		free(j);
		return 0;
	}
	printf("%s%s%s\n", style_bold(c), exercise_title(x), style_reset(c));
	out_wrapped(stdout, _(x->why), 0, 76);
	printf("\n");
	print_steps(x);
	printf("\n");
	printf(_("About %d minutes, %s. Start it with: nabij exercise start %s\n"),
	       (x->default_seconds + 30) / 60, guide_name(x->guide), x->id);
	return 0;
}

/* Ask for tension (riding an urge: the urge's strength), before or after,
 * with its row's question, when a person may answer and did not give it. */
static void ask_tension(struct ex_ctx *x, const struct nb_exercise *ex, bool before)
{
	const char *id = exercise_asks_urge(ex) ? (before ? "urge-before" : "urge-after")
						: (before ? "tension-before" : "tension-after");
	const struct nb_field *f = field_find(NB_SESSION, id);

	if (field_answered(x->rec.e, f) || !(x->rec.c->tty_in || x->rec.ask))
		return;
	prompt_flag(_(f->ask), &session_flags, &x->rec, rec_opt(NB_SESSION, id));
}

/* Save the session made of the flags and what happened, and say what
 * changed. */
static int save(struct cli *c, struct ex_ctx *x, const char *pattern)
{
	struct nb_entry *e = x->rec.e;
	const struct nb_session *s = &e->u.session;
	struct nb_error err = { 0 };

	xstrset(&e->u.session.pattern, pattern);
	if (cli_open(c, &err) || app_add(&c->app, e, &err))
		return cli_fail(&err);
	out_saved(c, e);
	if (!c->json && s->tension_before && s->tension_after) {
		int d = s->tension_before - s->tension_after;
		if (d > 0)
			printf(ngettext("Your tension went down by %d point.\n",
					"Your tension went down by %d points.\n", d), d);
		else if (d == 0)
			printf("%s\n", _("Your tension stayed the same. That happens; noting it helps you see what works for you."));
		else
			printf("%s\n", _("Your tension went up a little. That happens too; maybe another exercise fits you better today."));
	}
	if (!c->json && s->urge_before && s->urge_after) {
		int d = s->urge_before - s->urge_after;
		if (d > 0)
			printf(ngettext("The urge eased by %d point. You rode this wave.\n",
					"The urge eased by %d points. You rode this wave.\n", d), d);
		else
			printf("%s\n", _("The urge is still here. You stayed with it all the same; calling someone of your circle can help now."));
	}
	return 0;
}

/* After a breath session: a gentle word about lengthening, when it fits. */
static void progression(struct cli *c, const struct nb_breath *b)
{
	struct nb_entries recent = { 0 };
	const struct nb_session *s[3];
	struct nb_breath next;
	struct nb_error err;
	char pat[96];

	if (c->json || app_recent_sessions(&c->app, "breath", 3, &recent, &err))
		return;
	for (size_t i = 0; i < recent.n; i++)
		s[i] = &recent.v[i]->u.session;
	if (breath_progress(s, recent.n, b, &next)) {
		breath_words(b, pat, sizeof pat);
		char *text = xasprintf(_("You have breathed in this rhythm (%s) a few times now. If it feels right, you could make the out-breath a little longer next time: nabij breathe --out %d. Only if you want to; build up slowly."),
				       pat, next.out);
		printf("\n");
		out_wrapped(stdout, text, 0, 76);
		free(text);
	}
	entries_free(&recent);
}

static int run_breath(struct cli *c, struct ex_ctx *x, const struct nb_exercise *ex)
{
	struct nb_session *s = &x->rec.e->u.session;
	struct nb_error err = { 0 };
	char pat[32], said[96];
	int status;

	if (breath_validate(&x->breath, &err))
		return cli_fail(&err);
	breath_pattern(&x->breath, pat, sizeof pat);	/* kept as "4-2-6", shown in words */
	breath_words(&x->breath, said, sizeof said);
	if (!x->recorded) {
		printf("%s%s%s · %s · ", style_bold(c), exercise_title(ex), style_reset(c), said);
		printf(ngettext("%d minute\n", "%d minutes\n", x->breath.minutes), x->breath.minutes);
		out_wrapped(stdout, _(ex->why), 0, 76);
		printf("\n");
		if (ex->steps_with_pacer) {	/* the steps are the practice: shown first */
			print_steps(ex);
			printf("\n");
		}
		ask_tension(x, ex, true);
		printf("%s\n\n", _("Press Ctrl-C to stop early; the time you did is kept."));
		s->seconds = pacer_run(c, &x->breath);
		if (pacer_interrupted())
			printf("%s\n", _("Stopped early. Every breath counts."));
		else
			printf("%s\n", _("Done. Notice how your body feels now."));
		if (s->seconds < 1) {
			printf("%s\n", _("Nothing was recorded."));
			return 0;
		}
		ask_tension(x, ex, false);
	}
	if ((status = save(c, x, pat)))
		return status;
	if (ex == exercise_find("breath"))	/* lengthening over the weeks is the breath's */
		progression(c, &x->breath);
	return 0;
}

/* Steps one by one; the person moves on with Enter. */
static int run_steps(struct cli *c, struct ex_ctx *x, const struct nb_exercise *ex)
{
	struct nb_session *s = &x->rec.e->u.session;
	size_t n = exercise_steps(ex);
	double start;

	if (!x->recorded) {
		if (!c->tty_in && !x->rec.ask)
			return cli_usage("exercise", "%s",
					 _("This exercise guides you in a terminal. To record one you did, give --seconds (and --before, --after if you like)."));
		printf("%s%s%s\n", style_bold(c), exercise_title(ex), style_reset(c));
		out_wrapped(stdout, _(ex->why), 0, 76);
		printf("\n");
		ask_tension(x, ex, true);
		printf("%s\n\n", _("Take your time with each step. Press Enter to go on."));
		start = cli_clock(c);
		for (size_t i = 0; i < n && !prompt_eof(); i++) {
			char *line = xasprintf("%zu. %s", i + 1, _(ex->steps[i]));
			char *a;
			out_wrapped(stdout, line, 0, 76);
			free(line);
			if (i + 1 == n)
				print_examples(ex);
			a = prompt_line("   ");
			free(a);
		}
		s->seconds = (int)(cli_clock(c) - start + 0.5);
		if (s->seconds < 1)
			s->seconds = 1;
		printf("%s\n", _("Well done for taking this moment."));
		ask_tension(x, ex, false);
	}
	return save(c, x, NULL);
}

/* Questions that end with the person's own words, saved; nabij sends nothing. */
static int run_words(struct cli *c, struct ex_ctx *x, const struct nb_exercise *ex)
{
	struct nb_session *s = &x->rec.e->u.session;
	double start = cli_clock(c);

	if (!s->words) {
		char *who, *answers[NB_ASK_MAX] = { 0 };
		size_t n = 0;

		if (!c->tty_in && !x->rec.ask)
			return cli_usage("exercise", "%s",
					 _("This exercise asks you a few questions in a terminal. From a script, give your words with --words (and --with NAME)."));
		printf("%s%s%s\n", style_bold(c), exercise_title(ex), style_reset(c));
		out_wrapped(stdout, _(ex->why), 0, 76);
		printf("\n");
		print_steps(ex);
		printf("\n");
		who = prompt_line(_(ex->ask_with));
		if (who && !s->with)
			s->with = who;
		else
			free(who);
		for (; n < NB_ASK_MAX && ex->ask[n]; n++)
			answers[n] = prompt_line(_(ex->ask[n]));
		s->words = exercise_words(ex, (const char *const *)answers, n);
		for (size_t i = 0; i < n; i++)
			free(answers[i]);
		if (!s->words) {
			printf("%s\n", _("Nothing was saved. You can come back to this whenever you like."));
			return 0;
		}
		if (!x->recorded)
			s->seconds = (int)(cli_clock(c) - start + 0.5);
		printf("\n%s\n", _("Your words:"));
		out_wrapped(stdout, s->words, 2, 76);
		printf("%s\n", _("They are saved for you. nabij sends nothing itself: you choose if, when and how to say them."));
	}
	return save(c, x, NULL);
}

static int start(struct cli *c, struct ex_ctx *x, const char *id)
{
	const struct nb_exercise *ex = exercise_find(id);
	struct nb_session *s = &x->rec.e->u.session;

	if (!ex)
		return cli_usage("exercise", _("\"%s\" is not an exercise; \"nabij exercise list\" shows them."), id);
	xstrset(&s->exercise, ex->id);
	x->recorded = x->recorded || s->words;
	switch (ex->guide) {
	case NB_GUIDE_PACER:
		return run_breath(c, x, ex);
	case NB_GUIDE_STEPS:
		return run_steps(c, x, ex);
	default:
		return run_words(c, x, ex);
	}
}

/* The flags into x, which holds a new session to free in any case. */
static int parse(struct cli *c, struct ex_ctx *x, int argc, char **argv, char ***args, int *nargs)
{
	struct nb_error err = { 0 };
	struct option o[REC_OPTS_MAX];

	*x = (struct ex_ctx){ .rec = { .c = c, .e = entry_new(NB_SESSION) }, .breath = NB_BREATH_DEFAULT };
	if (flags_parse(argc, argv, rec_options(&exercise_flags, o), apply, x, args, nargs, &err))
		return cli_fail(&err);
	return 0;
}

int cmd_exercise(struct cli *c, int argc, char **argv)
{
	struct ex_ctx x;
	char **args = NULL;
	int nargs = 0, status;

	if ((status = parse(c, &x, argc, argv, &args, &nargs)))
		goto out;
	if (nargs == 0 || (strcmp(args[0], "list") == 0 && nargs == 1))
		status = list(c);
	else if (strcmp(args[0], "show") == 0 && nargs == 2)
		status = show(c, args[1]);
	else if (strcmp(args[0], "start") == 0 && nargs == 2)
		status = start(c, &x, args[1]);
	else
		status = cli_usage("exercise", "%s", _("Use: nabij exercise list, nabij exercise show ID, nabij exercise start ID"));
out:
	entry_free(x.rec.e);
	free(args);
	return status;
}

int cmd_breathe(struct cli *c, int argc, char **argv)
{
	struct ex_ctx x;
	char **args = NULL;
	int nargs = 0, status;

	if ((status = parse(c, &x, argc, argv, &args, &nargs)))
		goto out;
	if (nargs)
		status = cli_usage("breathe", _("\"%s\" is not understood here."), args[0]);
	else
		status = start(c, &x, "breath");
out:
	entry_free(x.rec.e);
	free(args);
	return status;
}
