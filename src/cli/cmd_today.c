/*
 * nabij today: what was recorded today, how long since the last wanted
 * touch (said gently, never as a reproach), the mood of the last two weeks
 * at a glance, and one question for the day.
 */
#include "cli.h"
#include "core/describe.h"
#include "core/care.h"
#include "core/i18n.h"
#include "core/vocab.h"
#include "io/io.h"

#include <stdlib.h>
#include <string.h>

static void touch_line(const struct nb_today *t)
{
	char lines[NB_TOUCH_LINES][NB_TOUCH_LINE_LEN];
	size_t n = care_touch_lines(&t->touch, lines);

	if (!n) {
		out_wrapped(stdout, _("No wanted touch recorded yet. When one comes, even a short one, you can note it with \"nabij moment\"."), 0, 76);
		return;
	}
	for (size_t i = 0; i < n; i++)
		out_wrapped(stdout, lines[i], 0, 76);
}

void cli_urge_lines(struct cli *c, bool help)
{
	struct nb_entries l = { 0 };
	struct nb_error err;

	printf("\n");
	out_wrapped(stdout, care_craving_text(), 0, 76);
	if (app_circle(&c->app, &l, &err) == NB_OK) {
		const struct nb_member *m = care_first_to_call(&l);
		if (m)
			printf(_("The first to call: %s%s%s\n"), m->name, m->reach ? ", " : "", m->reach ? m->reach : "");
		else
			out_wrapped(stdout, _("Tip: mark one person in your circle as the first to call, such as a sponsor or a buddy: nabij circle edit ID --first."), 0, 76);
	}
	out_wrapped(stdout, _("Ride the urge, a few minutes: nabij exercise start urge"), 0, 76);
	out_wrapped(stdout, care_addiction_help_text(), 0, 76);
	if (help)
		printf("\n%s\n", care_help_text(care_first_line(NULL, false), (char[NB_HELP_TEXT_LEN]){ 0 }, NB_HELP_TEXT_LEN));
	entries_free(&l);
}

int cmd_today(struct cli *c, int argc, char **argv)
{
	struct nb_today t;
	struct nb_error err = { 0 };
	char day[96];

	(void)argv;
	if (argc > 1)
		return cli_usage("today", _("\"%s\" is not understood here."), argv[1]);
	if (cli_open(c, &err) || app_today(&c->app, &t, &err))
		return cli_fail(&err);
	if (c->json) {
		char *s = io_json_today(t.day, &t.entries, &t.touch, t.moods, NB_SPARK_DAYS, t.prompt->id,
					_(t.prompt->text), t.circle, t.needs_care, t.lasting_low);
		puts(s);
		free(s);
		today_free(&t);
		return 0;
	}
	describe_day(t.day, day, sizeof day);
	printf("%s%s%s\n", style_bold(c), day, style_reset(c));
	if (t.urge)	/* the urge lines stay while the urge may, at the top */
		cli_urge_lines(c, true);
	printf("\n");
	if (t.yesterday) {	/* for a person who comes back */
		out_wrapped(stdout, t.yesterday, 0, 76);
		printf("\n");
	}
	if (!t.entries.n)
		printf("%s\n", _("Nothing recorded yet today. Whenever you like: nabij checkin"));
	for (size_t i = 0; i < t.entries.n; i++)
		out_entry_line(c, t.entries.v[i]);
	printf("\n");
	{	/* a personal experiment: which kind of day this is */
		char line[600];
		if (app_experiment_today(&c->app, &t, line, sizeof line)) {
			out_wrapped(stdout, line, 0, 76);
			printf("\n");
		}
	}
	touch_line(&t);
	if (c->tty_out) {
		fputs(_("Mood, last 14 days: "), stdout);
		out_sparkline(c, t.moods, NB_SPARK_DAYS);
		fputc('\n', stdout);
	}
	{
		char buf[512];
		if (circle_advice_today((size_t)t.circle, buf, sizeof buf))
			out_wrapped(stdout, buf, 0, 76);
		else
			printf(_("Your circle: %lld people or places.\n"), (long long)t.circle);
	}
	if (t.lasting_low) {	/* said once, with the help below it */
		printf("\n");
		out_wrapped(stdout, care_lasting_low_text(), 0, 76);
	}
	if ((t.needs_care || t.lasting_low) && !t.urge)	/* the help, once */
		printf("%s%s\n", t.lasting_low ? "" : "\n", care_help_text(care_first_line(NULL, false), (char[NB_HELP_TEXT_LEN]){ 0 }, NB_HELP_TEXT_LEN));
	printf("\n%s\n", _("A question for today:"));
	out_wrapped(stdout, _(t.prompt->text), 2, 76);
	today_free(&t);
	return 0;
}
