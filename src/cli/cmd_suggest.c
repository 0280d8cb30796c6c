/*
 * nabij suggest: one fitting practice for now and one sentence of why,
 * from the latest check-in and what has helped this person before. The
 * check-in ends with it. A suggestion, never a command.
 */
#include "cli.h"
#include "core/exercise.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "io/io.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The command that starts the suggested practice. */
static const char *command_for(const struct nb_suggestion *s, char *buf, size_t size)
{
	switch (s->kind) {
	case NB_SUGGEST_EXERCISE:
		if (strcmp(s->exercise, "breath") == 0)
			return "nabij breathe";
		snprintf(buf, size, "nabij exercise start %s", s->exercise);
		return buf;
	case NB_SUGGEST_CIRCLE:
		return "nabij circle add NAME";
	case NB_SUGGEST_CHECKIN:
		return "nabij checkin";
	default:
		return "nabij reflect";
	}
}

static const char *title_for(const struct nb_suggestion *s)
{
	switch (s->kind) {
	case NB_SUGGEST_EXERCISE:
		return exercise_title(exercise_find(s->exercise));
	case NB_SUGGEST_CIRCLE:
		return _("your support circle");
	case NB_SUGGEST_CHECKIN:
		return _("a check-in");
	default:
		return _("a reflection");
	}
}

static enum nb_err print(struct cli *c, bool json, struct nb_error *err)
{
	struct nb_suggest_result r;
	char why[512], cmd[64];
	enum nb_err rc;

	if ((rc = cli_open(c, err)) || (rc = app_suggest(&c->app, &r, err)))
		return rc;
	const char *command;

	suggest_why(&r.s, why, sizeof why);
	command = command_for(&r.s, cmd, sizeof cmd);
	if (json) {
		static const char *const kinds[] = { "exercise", "circle", "checkin", "reflect" };
		char *w = io_json_string(why);
		printf("{\"kind\": \"%s\", \"exercise\": %s%s%s, \"command\": \"%s\", \"why\": %s}\n",
		       kinds[r.s.kind], r.s.exercise ? "\"" : "", r.s.exercise ? r.s.exercise : "null",
		       r.s.exercise ? "\"" : "", command, w);
		free(w);
	} else {
		char *line = xasprintf(_("A suggestion: %s (%s)."), title_for(&r.s), command);
		out_wrapped(stdout, line, 0, 76);
		out_wrapped(stdout, why, 0, 76);
		free(line);
	}
	suggest_result_free(&r);
	return NB_OK;
}

void cli_print_suggestion(struct cli *c)
{
	struct nb_error err;

	if (c->json)
		return;
	printf("\n");
	print(c, false, &err);
}

int cmd_suggest(struct cli *c, int argc, char **argv)
{
	struct nb_error err = { 0 };

	if (argc > 1)
		return cli_usage("suggest", _("\"%s\" is not understood here."), argv[1]);
	if (print(c, c->json, &err))
		return cli_fail(&err);
	return 0;
}
