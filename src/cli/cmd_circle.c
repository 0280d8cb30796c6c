/*
 * nabij circle: three to five people or places to turn to when things get
 * hard, with how to reach them and what they help with, and a card to
 * print and hang somewhere visible.
 */
#include "cli.h"
#include "flags.h"
#include "core/buf.h"
#include "core/care.h"
#include "core/i18n.h"
#include "core/parse.h"
#include "core/xalloc.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define BESIDE_PROMPT "beside-me"

struct circle_ctx {
	struct rec_ctx rec;	/* first, so that a rec_ctx is one */
	bool yes, print;
	char *text;
};

/* The command's own options. --name, --reach, --helps, --place or
 * --person, --first or --not-first are the rows of a member (member_flags,
 * also those of nabij edit), and so are the questions that -i, or "circle
 * add" without a name, asks. */
static const struct opt opts[] = {
	{ "yes", OPT_TRUE, .at = offsetof(struct circle_ctx, yes) },
	{ "text", OPT_TEXT, .at = offsetof(struct circle_ctx, text) },
	{ "print", OPT_TRUE, .at = offsetof(struct circle_ctx, print) },
	{ 0 },
};

const struct rec_flags member_flags = { rec_interactive, rec_apply, NB_MEMBER };

static void advice(struct cli *c)
{
	int64_t n = 0;
	char buf[512];
	const char *text;

	if (c->json || app_count(&c->app, NB_MEMBER, &n, NULL))
		return;
	if ((text = circle_advice((size_t)n, buf, sizeof buf)))
		out_wrapped(stdout, text, 0, 76);
}

static int add(struct cli *c, struct circle_ctx *x, int nargs, char **args)
{
	struct nb_error err = { 0 };
	struct nb_buf name = { 0 };
	enum nb_err rc;

	for (int i = 0; i < nargs; i++)
		buf_addf(&name, "%s%s", i ? " " : "", args[i]);
	if (name.len)
		xstrset(&x->rec.e->u.member.name, name.s);
	buf_free(&name);
	if (!x->rec.e->u.member.name && !c->tty_in && !x->rec.ask)
		return cli_usage("circle", "%s",
				 _("Who or what do you add? For example: nabij circle add Sam --reach \"06-12345678\""));
	if (!x->rec.e->u.member.name && !rec_ask(&member_flags, &x->rec, NULL)) {
		printf("%s\n", _("Nothing was saved."));
		return 0;
	}
	if ((rc = cli_open(c, &err)) || (rc = app_add(&c->app, x->rec.e, &err)))
		return cli_fail(&err);
	out_saved(c, x->rec.e);
	advice(c);
	return 0;
}

static int list(struct cli *c)
{
	struct nb_entries l = { 0 };
	struct nb_error err = { 0 };

	if (cli_open(c, &err) || app_circle(&c->app, &l, &err))
		return cli_fail(&err);
	if (c->json) {
		out_json_entries(&l);
	} else if (!l.n) {
		advice(c);
	} else {
		for (size_t i = 0; i < l.n; i++) {
			const struct nb_member *m = &l.v[i]->u.member;
			printf("%s#%-4lld%s %s%s%s%s%s\n", style_dim(c), (long long)l.v[i]->id,
			       style_reset(c), style_bold(c), m->name, style_reset(c),
			       m->place ? _(" (place)") : "", m->first ? _(" · the first to call") : "");
			if (m->reach)
				printf("       %s %s\n", _("reach:"), m->reach);
			if (m->helps)
				printf("       %s %s\n", _("helps with:"), m->helps);
		}
		advice(c);
	}
	entries_free(&l);
	return 0;
}

/* The member named by the one operand, or an exit status for the problem. */
static int load_member(struct cli *c, int nargs, char **args, const char *usage,
		       struct nb_entry **out)
{
	struct nb_error err = { 0 };
	int64_t id;

	*out = NULL;
	if (nargs != 1)
		return cli_usage("circle", "%s", usage);
	if (parse_id(args[0], &id, &err) || cli_open(c, &err) || app_get(&c->app, id, out, &err))
		return cli_fail(&err);
	if ((*out)->type != NB_MEMBER) {
		entry_free(*out);
		*out = NULL;
		return cli_usage("circle", _("#%lld is not a member of your circle."), (long long)id);
	}
	return 0;
}

static int edit(struct cli *c, struct circle_ctx *x, int argc, char **argv, int nargs, char **args)
{
	struct nb_error err = { 0 };
	struct nb_entry *e;
	char **rest;
	int nrest, status;
	enum nb_err rc;

	if ((status = load_member(c, nargs, args, _("Usage: nabij circle edit ID [--name ...] [--reach ...] [--helps ...]"), &e)))
		return status;
	entry_free(x->rec.e);
	x->rec.e = e;
	x->rec.editing = true;
	rc = rec_parse(argc, argv, opts, &member_flags, x, &rest, &nrest, &err);
	free(rest);
	if (rc || (rc = app_update(&c->app, e, &err)))
		return cli_fail(&err);
	out_saved(c, e);
	return 0;
}

static int remove_member(struct cli *c, struct circle_ctx *x, int nargs, char **args)
{
	struct nb_error err = { 0 };
	struct nb_entry *e;
	int status;

	if ((status = load_member(c, nargs, args, _("Usage: nabij circle remove ID"), &e)))
		return status;
	if (c->tty_in && !x->yes) {
		char q[512];
		snprintf(q, sizeof q, _("Remove %s from your circle? [y/N] "), e->u.member.name);
		if (!prompt_yes(q, false)) {
			printf("%s\n", _("Nothing was changed."));
			entry_free(e);
			return 0;
		}
	}
	if (app_delete(&c->app, e->id, &err)) {
		entry_free(e);
		return cli_fail(&err);
	}
	out_deleted(c, e);
	entry_free(e);
	advice(c);
	return 0;
}

/* A line of the card, "| text |", wrapped at spaces to the inner width;
 * lines after the first are indented by hang columns. */
static void card_line(const char *text, int inner, int hang)
{
	const char *p = text;
	bool first = true;

	do {
		struct nb_buf line = { 0 };
		const char *cut = NULL;	/* where the last space in the line was */
		size_t cut_len = 0;
		int w = first ? 0 : hang, cut_w = 0;

		if (!first)
			buf_addf(&line, "%*s", hang, "");
		while (*p) {
			const char *next = p + 1;
			char ch[8] = { 0 };
			int cw;

			while ((*next & 0xc0) == 0x80)
				next++;
			memcpy(ch, p, (size_t)(next - p) < sizeof ch ? (size_t)(next - p) : sizeof ch - 1);
			cw = out_text_width(ch);
			if (w + cw > inner)
				break;
			if (*p == ' ') {
				cut = p;
				cut_len = line.len;
				cut_w = w;
			}
			buf_addn(&line, p, (size_t)(next - p));
			w += cw;
			p = next;
		}
		if (*p && *p != ' ' && cut) {	/* a word would be split: break before it */
			p = cut;
			line.len = cut_len;
			line.s[cut_len] = '\0';
			w = cut_w;
		}
		while (*p == ' ')
			p++;
		printf("| %s%*s |\n", line.s ? line.s : "", inner - w, "");
		buf_free(&line);
		first = false;
	} while (*p);
}

/* What the person wrote for the people beside them, or NULL. */
static struct nb_entry *beside_text(struct cli *c, struct nb_error *err)
{
	struct nb_entry *e = NULL;

	if (cli_open(c, err) || app_reflection_latest(&c->app, BESIDE_PROMPT, &e, err))
		return NULL;
	return e;
}

static void card_text(const char *text, int inner)
{
	const char *p = text;

	while (*p) {
		const char *nl = strchr(p, '\n');
		char *one = xstrndup(p, nl ? (size_t)(nl - p) : strlen(p));
		card_line(one, inner, 2);
		free(one);
		p = nl ? nl + 1 : p + strlen(p);
	}
}

static int card(struct cli *c)
{
	struct nb_entries l = { 0 };
	struct nb_error err = { 0 };
	struct nb_entry *back;
	const int inner = 44;
	char rule[64];

	if (cli_open(c, &err) || app_circle(&c->app, &l, &err))
		return cli_fail(&err);
	memset(rule, '-', (size_t)inner + 2);
	rule[inner + 2] = '\0';
	printf("+%s+\n", rule);
	card_line(_("MY CIRCLE"), inner, 0);
	card_line(_("When things get hard, I can turn to:"), inner, 0);
	card_line("", inner, 0);
	if (!l.n)
		card_line(_("(no one added yet: nabij circle add NAME)"), inner, 0);
	for (size_t i = 0; i < l.n; i++) {
		const struct nb_member *m = &l.v[i]->u.member;
		char *head = xasprintf("%zu. %s", i + 1, m->name);
		card_line(head, inner, 3);
		free(head);
		if (m->reach) {
			char *s = xasprintf("   %s", m->reach);
			card_line(s, inner, 3);
			free(s);
		}
		if (m->helps) {
			char *s = xasprintf("   %s %s", _("helps with:"), m->helps);
			card_line(s, inner, 3);
			free(s);
		}
		card_line("", inner, 0);
	}
	card_line(care_card_help(), inner, 0);
	printf("+%s+\n", rule);
	entries_free(&l);
	if ((back = beside_text(c, &err))) {
		printf("\n+%s+\n", rule);
		card_line(_("WHAT HELPS ME WHEN I AM LOW"), inner, 0);
		card_line("", inner, 0);
		card_text(back->u.reflection.text, inner);
		printf("+%s+\n", rule);
		entry_free(back);
	}
	return 0;
}

/* Guided questions whose answers become the text for the people beside me. */
static int beside(struct cli *c, struct circle_ctx *x)
{
	static const char *const questions[] = {
		N_("When you are low, what helps you? For example: sitting with me is enough."),
		N_("What would you like people to ask first, or not to do? For example: ask before you hold me."),
		N_("What would you like them to know? For example: my no is not a rejection of you."),
	};
	struct nb_error err = { 0 };
	struct nb_entry *e;
	struct nb_buf text = { 0 };
	int status = 0;

	if (x->print) {
		if (!(e = beside_text(c, &err))) {
			if (err.code)
				return cli_fail(&err);
			printf("%s\n", _("Nothing written yet. \"nabij circle beside\" helps you write it."));
			return 0;
		}
		printf("%s\n\n%s\n", _("What helps me when I am low"), e->u.reflection.text);
		entry_free(e);
		return 0;
	}
	if (x->text) {
		buf_add(&text, x->text);
	} else {
		if (!c->tty_in && !x->rec.ask)
			return cli_usage("circle", "%s", _("Write it in a terminal, or give it with --text."));
		out_wrapped(stdout, _("A few questions to write down what helps you when you are low, for the people in your circle. It goes on the back of your circle card. Enter skips a question."), 0, 76);
		for (size_t i = 0; i < sizeof questions / sizeof questions[0]; i++) {
			char *a;
			printf("\n");
			out_wrapped(stdout, _(questions[i]), 0, 76);
			if ((a = prompt_line("> "))) {
				buf_addf(&text, "%s- %s", text.len ? "\n" : "", a);
				free(a);
			}
		}
		if (!text.len) {
			printf("%s\n", _("Nothing was saved."));
			return 0;
		}
	}
	e = entry_new(NB_REFLECTION);
	e->u.reflection.prompt = xstrdup(BESIDE_PROMPT);
	e->u.reflection.text = buf_detach(&text);
	if (cli_open(c, &err) || app_add(&c->app, e, &err))
		status = cli_fail(&err);
	else if (!c->json)
		printf("%s\n", _("Saved. It is on the back of \"nabij circle card\"; \"nabij circle beside --print\" gives the text alone, to share."));
	else
		out_json_entry(e);
	entry_free(e);
	return status;
}

int cmd_circle(struct cli *c, int argc, char **argv)
{
	struct circle_ctx x = { .rec = { .c = c, .e = entry_new(NB_MEMBER) } };
	struct nb_error err = { 0 };
	char **args = NULL;
	int nargs, status;
	const char *sub;

	/* The flags make a new member; edit applies them again to the one it changes. */
	if (rec_parse(argc, argv, opts, &member_flags, &x, &args, &nargs, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	sub = nargs ? args[0] : "list";
	if (strcmp(sub, "add") == 0) {
		status = add(c, &x, nargs - 1, args + 1);
	} else if (strcmp(sub, "list") == 0 && nargs <= 1) {
		status = list(c);
	} else if (strcmp(sub, "edit") == 0) {
		status = edit(c, &x, argc, argv, nargs - 1, args + 1);
	} else if (strcmp(sub, "remove") == 0) {
		status = remove_member(c, &x, nargs - 1, args + 1);
	} else if (strcmp(sub, "card") == 0 && nargs == 1) {
		status = card(c);
	} else if (strcmp(sub, "beside") == 0 && nargs == 1) {
		status = beside(c, &x);
	} else {
		status = cli_usage("circle", _("\"%s\" is not a circle command; use add, list, edit, remove, card or beside."),
				   sub);
	}
out:
	entry_free(x.rec.e);
	free(x.text);
	free(args);
	return status;
}
