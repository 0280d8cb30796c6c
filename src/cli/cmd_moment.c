/*
 * nabij moment: a moment of connection or safe touch. Small moments count,
 * and so does a "no": the person's own yes and no are a compass. The
 * flags, the questions and the --help lines are the rows of a moment
 * (core/field.c); the kind may also be given as the operand.
 */
#include "cli.h"
#include "core/i18n.h"

const struct rec_flags moment_flags = { rec_at_ask, rec_apply, NB_MOMENT };

static const struct rec_cmd moment = {
	.name = "moment", .flags = &moment_flags, .operand = "kind",
	.missing = N_("Which kind of moment? For example: nabij moment hug --with Sam"),
};

int cmd_moment(struct cli *c, int argc, char **argv)
{
	return rec_make(c, &moment, argc, argv);
}
