/*
 * nabij week: the weekly moment of PRACTICES section 8. A calm look back
 * at one week and one intention for the next, which the next week shows.
 */
#include "cli.h"
#include "core/describe.h"
#include "flags.h"
#include "core/buf.h"
#include "core/exercise.h"
#include "core/care.h"
#include "core/i18n.h"
#include "core/story.h"
#include "core/vocab.h"
#include "core/week.h"
#include "core/xalloc.h"
#include "io/io.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct week_ctx {
	const char *date;
	char *intention;
};

static const struct opt opts[] = {
	{ "date", OPT_DAY, .at = offsetof(struct week_ctx, date) },
	{ "intention", OPT_TEXT, .at = offsetof(struct week_ctx, intention) },
	{ 0 },
};

static void line(const char *text)
{
	out_wrapped(stdout, text, 0, 76);
}

/* The week's story first (core/story.c), then the numbers. */
static void print_week(struct cli *c, const struct nb_week *w, const struct nb_entries *records)
{
	char mon[96], sun[96], change[128], said[1200];
	struct nb_buf b = { 0 };
	struct nb_story story;

	describe_day(w->monday, mon, sizeof mon);
	describe_day(w->sunday, sun, sizeof sun);
	if (w->earlier) {
		line(_("Nothing is noted yet this week, and that is fine. Here is the last week in which you noted something."));
		printf("\n");
	}
	printf("%s", style_bold(c));
	printf(_("The week of %s to %s"), mon, sun);
	printf("%s\n\n", style_reset(c));
	week_story(w, records, &story);
	for (size_t i = 0; i < story.n; i++) {	/* each a paragraph of its own */
		line(story_text(&story.v[i], said, sizeof said));
		printf("\n");
	}
	if (w->intention && !story_has(&story, NB_STORY_INTENTION)) {
		char *s = xasprintf(_("Your intention for this week: %s"), w->intention->u.reflection.text);
		line(s);
		free(s);
		printf("\n");
	}
	if (!w->checkins && !w->moments && !w->nexercises && !w->triggers && !w->reflections) {
		line(_("Nothing was noted this week, and that is all right. Whatever you note, however little, will show here."));
		return;
	}
	printf("%s%s%s\n", style_bold(c), _("The week in numbers"), style_reset(c));
	if (w->checkins)
		buf_addf(&b, ngettext("%d check-in", "%d check-ins", w->checkins), w->checkins);
	week_means_line(w, &b);
	if (b.len)
		line(b.s);
	buf_reset(&b);
	if (c->tty_out && w->means[NB_M_MOOD].n) {
		fputs(_("Mood, Monday to Sunday: "), stdout);
		out_sparkline(c, w->day_mood, 7);
		fputc('\n', stdout);
	}
	if (w->moments) {
		week_moments_line(w, &b);
		line(b.s);
	}
	buf_reset(&b);
	for (size_t i = 0; i < w->nexercises; i++) {
		const struct nb_week_exercise *x = &w->exercises[i];
		buf_addf(&b, ngettext("%s: %d time", "%s: %d times", x->n),
			 vocab_label(NB_VOCAB_EXERCISE, x->exercise), x->n);
		if (x->seconds)
			buf_addf(&b, _(", %d min"), (x->seconds + 30) / 60);
		if (week_exercise_change(x, change, sizeof change))
			buf_addf(&b, "; %s", change);
		if (week_urge_change(x, change, sizeof change))	/* riding an urge: its strength too */
			buf_addf(&b, "; %s", change);
		line(b.s);
		buf_reset(&b);
	}
	if (w->triggers) {
		buf_addf(&b, ngettext("%d trigger noted", "%d triggers noted", w->triggers), w->triggers);
		line(b.s);
		buf_reset(&b);
	}
	if (w->nneeds) {
		buf_add(&b, _("Needs that came back: "));
		for (size_t i = 0; i < w->nneeds; i++)
			buf_addf(&b, "%s%s (%d)", i ? ", " : "",
				 vocab_label(NB_VOCAB_NEED, w->needs[i].term), w->needs[i].n);
		line(b.s);
		buf_reset(&b);
	}
	if (w->reflections) {
		buf_addf(&b, ngettext("%d reflection written", "%d reflections written", w->reflections),
			 w->reflections);
		line(b.s);
	}
	buf_free(&b);
	if (w->lasting_low) {	/* once, calmly, with the help below it */
		printf("\n");
		line(care_lasting_low_text());
		printf("%s\n", care_help_text(care_first_line(NULL, false), (char[NB_HELP_TEXT_LEN]){ 0 }, NB_HELP_TEXT_LEN));
	}
}

static enum nb_err save_intention(struct cli *c, const char *text, struct nb_error *err)
{
	struct nb_entry *e = entry_new(NB_REFLECTION);
	enum nb_err rc;

	e->u.reflection.prompt = xstrdup(NB_WEEK_PROMPT);
	e->u.reflection.text = xstrdup(text);
	rc = app_add(&c->app, e, err);
	if (!rc && !c->json)
		printf("%s\n", _("Your intention is saved; next week's look back will show it."));
	entry_free(e);
	return rc;
}

int cmd_week(struct cli *c, int argc, char **argv)
{
	struct week_ctx x = { 0 };
	struct nb_error err = { 0 };
	struct nb_entries records = { 0 };
	struct nb_week w;
	char **args = NULL, today[NB_DAY_LEN];
	int nargs, status = 0;

	if (opts_parse(argc, argv, opts, &x, &args, &nargs, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	if (nargs) {
		status = cli_usage("week", _("\"%s\" is not understood here."), args[0]);
		goto out;
	}
	if (x.intention && x.date) {
		status = cli_usage("week", "%s", _("An intention is for the coming week; leave out --date."));
		goto out;
	}
	nb_day_key(nb_stamp_local(c->app.now), today);
	if (cli_open(c, &err) ||
	    app_week(&c->app, x.date ? x.date : today, !x.date && !c->json, &records, &w, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	if (c->json) {
		char *j = io_json_week(&w, &records);
		puts(j);
		free(j);
	} else {
		print_week(c, &w, &records);
		if (w.next_intention && !x.intention) {
			char *s = xasprintf(_("Your intention for next week: %s"), w.next_intention->u.reflection.text);
			printf("\n");
			line(s);
			free(s);
		} else if (!x.intention && c->tty_in && !x.date) {
			printf("\n");
			x.intention = prompt_line(_("One intention for the coming week, if you like (Enter skips): "));
		}
	}
	if (x.intention && save_intention(c, x.intention, &err))
		status = cli_fail(&err);
out:
	entries_free(&records);
	free(x.intention);
	free(args);
	return status;
}
