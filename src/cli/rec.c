/* Helpers shared by the commands that add and edit records. */
#include "cli.h"
#include "core/care.h"
#include "core/describe.h"
#include "core/field.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "flags.h"

#include <stdlib.h>

void rec_clear_once(struct rec_ctx *x, int opt, struct nb_items *l)
{
	unsigned long bit = 1ul << ((unsigned)(opt - OPT_BASE) % (8 * sizeof bit));

	if (!x->editing || (x->cleared & bit))
		return;
	items_clear(l);
	x->cleared |= bit;
}

const struct option rec_at[] = {
	{ "at", required_argument, NULL, OPT_AT },
	{ 0 },
};

const struct option rec_at_ask[] = {
	{ "at", required_argument, NULL, OPT_AT },
	{ "interactive", no_argument, NULL, 'i' },
	{ 0 },
};

const struct option rec_interactive[] = {
	{ "interactive", no_argument, NULL, 'i' },
	{ 0 },
};

const struct option *rec_options(const struct rec_flags *f, struct option buf[REC_OPTS_MAX])
{
	size_t n, k = 0, nf;
	const struct nb_field *fl = fields_of(f->fields, &n);

	for (nf = 0; f->opts[nf].name; nf++)
		if (k < REC_OPTS_MAX - 1)
			buf[k++] = f->opts[nf];
	for (size_t i = 0; fl && i < n && k < REC_OPTS_MAX - 2; i++) {
		bool flag = fl[i].type == NB_FT_FLAG;

		if (fl[i].flags & NB_FF_KEPT)
			continue;
		buf[k++] = (struct option){ field_flag_name(&fl[i]), flag ? no_argument : required_argument, NULL,
					    OPT_FIELD + (int)i };
		if (flag && fl[i].off)
			buf[k++] = (struct option){ fl[i].off, no_argument, NULL, OPT_FIELD_OFF + (int)i };
	}
	buf[k] = (struct option){ 0 };
	return buf;
}

struct own {
	const struct opt *t;
	const struct rec_flags *f;
	void *ctx;
};

static enum nb_err own_apply(void *p, int opt, const char *arg, struct nb_error *err)
{
	const struct own *x = p;
	const struct opt *o = opts_find(x->t, opt);

	return o ? opts_set(o, x->ctx, arg, err) : x->f->apply(x->ctx, opt, arg, err);
}

enum nb_err rec_parse(int argc, char **argv, const struct opt *own, const struct rec_flags *f,
		      void *ctx, char ***args, int *nargs, struct nb_error *err)
{
	struct option rows[REC_OPTS_MAX], all[REC_OPTS_MAX + 16];
	struct own x = { own, f, ctx };

	return flags_parse(argc, argv, opts_getopt(own, rec_options(f, rows), all, sizeof all / sizeof *all),
			   own_apply, &x, args, nargs, err);
}

int rec_opt(enum nb_type t, const char *id)
{
	size_t n;
	const struct nb_field *f = fields_of(t, &n), *row = field_find(t, id);

	return row ? OPT_FIELD + (int)(row - f) : -1;
}

enum nb_err rec_apply_field(struct rec_ctx *x, int opt, const char *arg, struct nb_error *err)
{
	size_t n;
	const struct nb_field *f = fields_of(x->e->type, &n);
	bool off = opt >= OPT_FIELD_OFF;
	int i = opt - (off ? OPT_FIELD_OFF : OPT_FIELD);

	if (!f || i < 0 || (size_t)i >= n || (f[i].flags & NB_FF_KEPT))
		return NB_EUSAGE;
	if (f[i].type == NB_FT_FLAG)
		return field_set(x->e, &f[i], off ? "no" : "yes", err);
	if (f[i].type == NB_FT_ITEMS || f[i].type == NB_FT_TERMS)
		rec_clear_once(x, opt, field_items(x->e, &f[i]));
	if (f[i].type == NB_FT_TERM && vocab_is_closed(f[i].vocab) && arg) {
		size_t nt;	/* by its number in the list a question shows */
		const struct nb_term *t = vocab_terms(f[i].vocab, &nt);
		char *end;
		long k = strtol(arg, &end, 10);

		if (end != arg && !*end && k >= 1 && (size_t)k <= nt)
			arg = t[k - 1].id;
	}
	return field_set(x->e, &f[i], arg, err);
}

enum nb_err rec_apply(void *ctx, int opt, const char *arg, struct nb_error *err)
{
	struct rec_ctx *x = ctx;

	if (opt == OPT_AT)
		return rec_set_at(x, arg, err);
	if (opt == 'i') {
		x->ask = true;
		return NB_OK;
	}
	return rec_apply_field(x, opt, arg, err);
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

bool rec_ask(const struct rec_flags *fl, struct rec_ctx *x,
	     void (*after)(struct rec_ctx *x, const struct nb_field *row))
{
	size_t n;
	const struct nb_field *f = fields_of(fl->fields, &n);

	for (size_t i = 0; i < n && !prompt_eof(); i++) {
		enum nb_ftype t = f[i].type;
		bool required = f[i].flags & NB_FF_REQUIRED;
		const char *q;

		if (!f[i].ask || (f[i].flags & NB_FF_KEPT))
			continue;
		q = _(f[i].ask);
		if (t == NB_FT_FLAG) {	/* yes or no, Enter keeps what it is */
			field_set(x->e, &f[i], prompt_yes(q, field_flag_of(x->e, &f[i])) ? "yes" : "no", NULL);
			if (after)
				after(x, &f[i]);
			continue;
		}
		if (f[i].vocab != NB_VOCAB_FREE && (t == NB_FT_ITEMS || t == NB_FT_TERMS || t == NB_FT_TERM)) {
			prompt_say(q);
			if (vocab_is_closed(f[i].vocab)) {	/* answered by number too */
				size_t nt;
				const struct nb_term *terms = vocab_terms(f[i].vocab, &nt);
				for (size_t k = 0; k < nt && !prompt_eof(); k++)
					printf("  %zu  %s\n", k + 1, _(terms[k].label));
			} else {
				prompt_choices(f[i].vocab);
				if (f[i].vocab == NB_VOCAB_SENSATION)	/* and where in the body */
					prompt_choices(NB_VOCAB_PLACE);
			}
			q = "> ";
		}
		do
			prompt_flag(q, fl, x, OPT_FIELD + (int)i);
		while (required && !field_answered(x->e, &f[i]) && !prompt_eof());
		if (required && !field_answered(x->e, &f[i]))
			return false;
		if (after)
			after(x, &f[i]);
	}
	return true;
}

/* The people of the circle who can be called, with how to reach them. */
static void call_lines(struct cli *c)
{
	struct nb_entries l = { 0 };
	bool first = true;
	char dial[24];

	if (app_circle(&c->app, &l, NULL))
		return;
	for (size_t i = 0; i < l.n; i++) {
		const struct nb_member *m = &l.v[i]->u.member;
		if (!care_callable(m, dial))
			continue;
		if (first)
			printf("\n%s\n", _("Someone of your circle you can call:"));
		printf("  %s: %s\n", m->name, m->reach);
		first = false;
	}
	entries_free(&l);
}

void out_care_after(struct cli *c, const struct nb_entry *e)
{
	struct nb_care_after a;
	char help[NB_HELP_TEXT_LEN];

	if (c->json)
		return;
	care_after(e, &a);
	if (a.help)
		printf("\n%s\n", care_help_text(NB_HELP_LINE, help, sizeof help));
	if (a.call)
		call_lines(c);
	if (a.listen) {
		printf("\n");
		out_wrapped(stdout, care_help_part(NB_HELP_LISTEN), 0, 76);
	}
	if (a.word)
		printf("%s\n", a.word);
}

int rec_save(struct cli *c, struct nb_entry *e)
{
	struct nb_error err = { 0 };

	if (cli_open(c, &err) || app_add(&c->app, e, &err))
		return cli_fail(&err);
	out_saved(c, e);
	out_care_after(c, e);
	return 0;
}

int rec_make(struct cli *c, const struct rec_cmd *k, int argc, char **argv)
{
	struct nb_entry *e = entry_new(k->flags->fields);
	struct rec_ctx x = { .c = c, .e = e };
	struct option opts[REC_OPTS_MAX];
	struct nb_error err = { 0 };
	char **args = NULL;
	int nargs, status = 0, operands = k->operand ? 1 : 0;

	if (flags_parse(argc, argv, rec_options(k->flags, opts), k->flags->apply, &x, &args, &nargs, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	if (k->sub && nargs && (status = k->sub(c, nargs, args)) >= 0)
		goto out;
	status = 0;
	if (nargs > operands) {
		status = cli_usage(k->name, _("\"%s\" is not understood here; put words in quotes."),
				   args[operands]);
		goto out;
	}
	if (nargs && k->flags->apply(&x, rec_opt(e->type, k->operand), args[0], &err)) {
		status = cli_fail(&err);
		goto out;
	}
	if (!fields_complete(e)) {
		if (!x.ask && !c->tty_in) {
			status = cli_usage(k->name, "%s", _(k->missing));
			goto out;
		}
		if (k->intro)
			printf("%s\n\n", _(k->intro));
		if (!rec_ask(k->flags, &x, NULL)) {
			printf("%s\n", _("Nothing was saved."));
			goto out;
		}
	}
	if (!(status = rec_save(c, e)) && !c->json && k->saved)
		k->saved(c, e);
out:
	entry_free(e);
	free(args);
	return status;
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

/* When e became the first to call in place of another: say so. There is
 * one first to call at a time. */
static void first_moved(const struct cli *c, const struct nb_entry *e)
{
	char word[1024];

	if (e->type == NB_MEMBER && c->app.first_before.id)
		out_wrapped(stdout, care_first_moved_text(e->u.member.name, c->app.first_before.name, word,
							  sizeof word), 0, 76);
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
	first_moved(c, e);
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
	first_moved(c, e);
}
