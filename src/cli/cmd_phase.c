/*
 * nabij phase: where a relationship stands (PRACTICES section 7: an intense
 * start; fear and distance; a clash of longing and withdrawal; a turning
 * point), noted with a date and a line, and the phases over time.
 */
#include "cli.h"
#include "flags.h"
#include "core/i18n.h"
#include "core/vocab.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* --with, --note (and --phase, for nabij edit) are the rows of a phase. */
const struct rec_flags phase_flags = { rec_at, rec_apply, NB_PHASE };

static int list(struct cli *c, const char *with)
{
	struct nb_entries l = { 0 };
	struct nb_error err = { 0 };
	const char *last = NULL;
	struct nb_query q = { .types = NB_TYPE_BIT(NB_PHASE) };

	if (cli_open(c, &err) || app_list(&c->app, &q, &l, &err))
		return cli_fail(&err);
	if (c->json) {
		out_json_entries(&l);
		entries_free(&l);
		return 0;
	}
	/* grouped by person, each in time order */
	for (size_t i = 0; i < l.n; i++) {
		const char *who = l.v[i]->u.phase.with;
		bool seen = false;

		if (with && strcasecmp(who, with) != 0)
			continue;
		for (size_t j = 0; j < i; j++)
			seen = seen || strcasecmp(l.v[j]->u.phase.with, who) == 0;
		if (seen)
			continue;
		printf("%s%s%s\n", style_bold(c), who, style_reset(c));
		for (size_t j = i; j < l.n; j++) {
			const struct nb_phase *p = &l.v[j]->u.phase;
			if (strcasecmp(p->with, who) != 0)
				continue;
			printf("  %s%s%s  %s", style_dim(c), l.v[j]->day, style_reset(c),
			       vocab_label(NB_VOCAB_PHASE, p->phase));
			if (p->note)
				printf(" · %s", p->note);
			printf("\n");
		}
		last = who;
	}
	if (!last)
		printf("%s\n", _("No relationship phases noted yet. For example: nabij phase distance --with Sam"));
	entries_free(&l);
	return 0;
}

int cmd_phase(struct cli *c, int argc, char **argv)
{
	struct nb_entry *e = entry_new(NB_PHASE);
	struct rec_ctx x = { .c = c, .e = e };
	struct nb_error err = { 0 };
	struct option opts[REC_OPTS_MAX];
	char **args = NULL;
	int nargs, status = 0;

	if (flags_parse(argc, argv, rec_options(&phase_flags, opts), rec_apply, &x, &args, &nargs, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	if (nargs == 1 && strcmp(args[0], "list") == 0) {
		status = list(c, e->u.phase.with);
		goto out;
	}
	if (nargs != 1) {
		status = cli_usage("phase", "%s", _("Which phase? For example: nabij phase distance --with Sam"));
		goto out;
	}
	if (rec_apply(&x, rec_opt(NB_PHASE, "phase"), args[0], &err)) {
		status = cli_fail(&err);
		goto out;
	}
	if (!e->u.phase.with) {
		status = cli_usage("phase", "%s", _("With whom? Give --with NAME."));
		goto out;
	}
	status = rec_save(c, e);
out:
	entry_free(e);
	free(args);
	return status;
}
