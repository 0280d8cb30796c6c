/* Helpers shared by the commands that add and edit records. */
#include "cli.h"
#include "core/care.h"
#include "core/describe.h"
#include "core/field.h"
#include "core/i18n.h"
#include "core/xalloc.h"

void rec_clear_once(struct rec_ctx *x, int opt, struct nb_items *l)
{
	unsigned long bit = 1ul << ((unsigned)(opt - OPT_BASE) % (8 * sizeof bit));

	if (!x->editing || (x->cleared & bit))
		return;
	items_clear(l);
	x->cleared |= bit;
}

const struct option *rec_options(const struct rec_flags *f, struct option buf[REC_OPTS_MAX])
{
	size_t n, k = 0, nf;
	const struct nb_field *fl = fields_of(f->fields, &nf);

	if (!fl)
		return f->opts;
	for (n = 0; f->opts[n].name; n++)
		if (k < REC_OPTS_MAX - 1)
			buf[k++] = f->opts[n];
	for (size_t i = 0; i < nf && k < REC_OPTS_MAX - 1; i++)
		buf[k++] = (struct option){ fl[i].id, required_argument, NULL, OPT_FIELD + (int)i };
	buf[k] = (struct option){ 0 };
	return buf;
}

enum nb_err rec_apply_field(struct rec_ctx *x, int opt, const char *arg, struct nb_error *err)
{
	size_t n;
	const struct nb_field *f = fields_of(x->e->type, &n);
	int i = opt - OPT_FIELD;

	if (!f || i < 0 || (size_t)i >= n)
		return NB_EUSAGE;
	if (f[i].type == NB_FT_ITEMS || f[i].type == NB_FT_TERMS)
		rec_clear_once(x, opt, field_items(x->e, &f[i]));
	return field_parse(x->e, &f[i], arg, err);
}

enum nb_err rec_set_text(char **slot, const char *arg)
{
	xstrset(slot, arg && *arg ? arg : NULL);
	return NB_OK;
}

struct answer {
	const struct rec_flags *f;
	struct rec_ctx *x;
	int opt;
};

static enum nb_err apply_answer(void *ctx, const char *a, struct nb_error *err)
{
	struct answer *q = ctx;

	return q->f->apply(q->x, q->opt, a, err);
}

void prompt_flag(const char *question, const struct rec_flags *f, struct rec_ctx *x, int opt)
{
	struct answer q = { f, x, opt };

	prompt_until_ok(question, apply_answer, &q);
}

enum nb_err rec_set_at(struct rec_ctx *x, const char *arg, struct nb_error *err)
{
	struct nb_stamp st;
	enum nb_err rc = nb_time_parse(arg, x->c->app.now, "at", &st, err);

	if (!rc)
		entry_set_time(x->e, st);
	return rc;
}

void out_deleted(const struct cli *c, const struct nb_entry *e)
{
	char line[512];
	int minutes = NB_UNDO_SECONDS / 60;

	if (c->json)
		return;
	if (e->type == NB_MEMBER)
		printf(_("Removed %s from your circle.\n"), e->u.member.name);
	else
		printf(_("Deleted %s #%lld.\n"), entry_type_label(e->type), (long long)e->id);
	snprintf(line, sizeof line,
		 ngettext("nabij undo brings it back, whole, within %d minute; after that it is gone for good.",
			  "nabij undo brings it back, whole, within %d minutes; after that it is gone for good.",
			  (unsigned long)minutes),
		 minutes);
	out_wrapped(stdout, line, 0, 76);
}

void out_back(const struct cli *c, const struct nb_entry *e)
{
	char summary[512];

	if (c->json) {
		out_json_entry(e);
		return;
	}
	if (e->type == NB_MEMBER) {
		printf(_("%s is back in your circle.\n"), e->u.member.name);
	} else {
		describe_entry(e, summary, sizeof summary);
		/* TRANSLATORS: "Back: check-in #12: mood 3 · ..." */
		printf(_("Back: %s #%lld: %s\n"), entry_type_label(e->type), (long long)e->id, summary);
	}
	if (e->type == NB_MEMBER && c->app.first_before.id) {	/* one first to call at a time */
		char word[1024];
		out_wrapped(stdout, care_first_moved_text(e->u.member.name, c->app.first_before.name, word,
							  sizeof word), 0, 76);
	}
}

void out_saved(const struct cli *c, const struct nb_entry *e)
{
	char summary[512];

	if (c->json) {
		out_json_entry(e);
		return;
	}
	describe_entry(e, summary, sizeof summary);
	/* TRANSLATORS: "Saved check-in #12: mood 3 · ..." */
	printf(_("Saved %s #%lld: %s\n"), entry_type_label(e->type), (long long)e->id, summary);
	if (e->type == NB_MEMBER && c->app.first_before.id) {	/* one first to call at a time */
		char word[1024];
		out_wrapped(stdout, care_first_moved_text(e->u.member.name, c->app.first_before.name, word,
							  sizeof word), 0, 76);
	}
}
