/*
 * The support circle (/circle): the people and places, adding and removing
 * them, a printable card (/card, one A6 card with the help on it) and the
 * text for the people beside me (/beside), printed on its back.
 */
#include "page.h"
#include "core/care.h"
#include "core/i18n.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BESIDE_PROMPT "beside-me"

/* Beside the box of the first to call: who it is now (ctx: the circle). */
static void first_hint(struct page *p, const struct nb_entry *e, const void *circle)
{
	page_first_hint(p, circle, e ? e->id : 0);
}

/* A member's form from its rows: a new one (e NULL) or e changed. */
static void rows_of_member(struct page *p, const struct nb_entry *e, const char *action,
			   const struct nb_entries *circle, const char *klass, const char *button)
{
	const struct rows_look look = { .klass = klass, .button = button, .after = first_hint, .ctx = circle };

	rows_form(p, e, NB_MEMBER, action, &look);
}

void member_form(struct page *p, const struct nb_entry *e, const char *action)
{
	struct nb_entries circle = { 0 };
	struct nb_error err;

	if (!page_ok(p, app_circle(p->app, &circle, &err), &err))
		circle.n = 0;
	rows_of_member(p, e, action, &circle, "member", _("Save"));
	entries_free(&circle);
}

static void add(struct page *p)
{
	struct nb_entry *e = entry_new(NB_MEMBER);

	if (entry_from_form(p, e) || app_add(p->app, e, &p->err))
		p->resp->status = 422;
	else if (p->app->first_before.id)	/* one first to call at a time: said on the page */
		page_redirect(p, "/circle?moved=%lld", (long long)p->app->first_before.id);
	else
		page_redirect(p, "/circle");
	entry_free(e);
}

/* After a save made another member the first to call: a word that says
 * who is first now, and that the one before (?moved=ID) stays in the
 * circle. Nothing when the query names no such member any longer. */
void page_first_moved(struct page *p, const struct nb_entries *circle)
{
	const char *moved = kvs_get(&p->req->query, "moved");
	const struct nb_member *first = care_first_to_call(circle);
	char word[1024];

	if (!moved || !first)
		return;
	for (size_t i = 0; i < circle->n; i++) {
		const struct nb_member *m = &circle->v[i]->u.member;
		if (circle->v[i]->id == atoll(moved) && m != first) {
			h(p, "<p class=\"saved\" role=\"status\">%s</p>",
			  care_first_moved_text(first->name, m->name, word, sizeof word));
			return;
		}
	}
}

/* Beside the choice of the first to call on a form (of the member self, 0
 * for a new one): who it is now, when it is someone else. */
void page_first_hint(struct page *p, const struct nb_entries *circle, int64_t self)
{
	const struct nb_member *first = care_first_to_call(circle);
	char word[512];

	for (size_t i = 0; first && i < circle->n; i++)
		if (&circle->v[i]->u.member == first && circle->v[i]->id != self)
			h(p, "<p class=\"quiet\">%s</p>", care_first_now_text(first->name, word, sizeof word));
}

/* How to reach someone; a phone number is a link a phone can call. */
static void reach(struct page *p, const char *text)
{
	char dial[24];

	if (care_phone_number(text, dial))
		h(p, "<a href=\"tel:%s\">%s</a>", dial, text);
	else
		h(p, "%s", text);
}

void page_circle(struct page *p)
{
	struct nb_entries l = { 0 };
	struct nb_error err;
	char buf[512];
	const char *advice;
	int64_t id = path_id(p->req->path, "/circle/");

	if (id && p->posted) {	/* /circle/ID: remove */
		struct nb_entry *e = NULL;
		if (app_get(p->app, id, &e, &err) || e->type != NB_MEMBER)
			page_fail(p, 404, _("That is not a member of your circle."));
		else if (app_delete(p->app, id, &err))
			page_fail(p, 500, err.msg);
		else	/* the circle offers Undo (page_waiting) */
			page_redirect(p, "/circle");
		entry_free(e);
		return;
	}
	if (id) {
		page_fail(p, 404, _("There is no such page in nabij."));
		return;
	}
	if (p->posted) {
		add(p);
		if (p->resp->status == 303)
			return;
	}
	if (app_circle(p->app, &l, &err)) {
		page_fail(p, 500, err.msg);
		return;
	}
	page_begin(p, _("Your circle"), "/circle");
	h(p, "<h1>%s</h1><p class=\"intro\">%s</p>", _("Your circle"),
	  _("Three to five people or places to turn to when things get hard: a friend who really listens, someone from a support group, a therapist, a quiet place."));
	page_first_moved(p, &l);
	page_waiting(p, NB_TYPE_BIT(NB_MEMBER));
	if ((advice = circle_advice(l.n, buf, sizeof buf)))
		h(p, "<p class=\"gentle\">%s</p>", advice);
	if (l.n) {
		h(p, "<ul class=\"circle\">");
		for (size_t i = 0; i < l.n; i++) {
			const struct nb_member *m = &l.v[i]->u.member;
			char action[48];
			h(p, "<li><p><strong>%s</strong>%s%s</p>", m->name, m->place ? _(" (place)") : "",
			  m->first ? _(" · the first to call") : "");
			if (m->reach) {
				h(p, "<p>%s ", _("reach:"));
				reach(p, m->reach);
				h(p, "</p>");
			}
			if (m->helps)
				h(p, "<p>%s %s</p>", _("helps with:"), m->helps);
			snprintf(action, sizeof action, "/circle/%lld", (long long)l.v[i]->id);
			form_begin(p, action, "inline-form row-actions");
			h(p, "<a href=\"/r/%l\">%s</a> <button class=\"link\" type=\"submit\" aria-label=\"%s %s\">%s</button></form></li>",
			  l.v[i]->id, _("Change"), _("Remove"), m->name, _("Remove"));
		}
		h(p, "</ul><p><a class=\"button secondary\" href=\"/card\">%s</a></p><p><a href=\"/beside\">%s</a></p>",
		  _("Print the card"), _("What helps me, for the people beside me"));
	}
	h(p, "<h2>%s</h2>", _("Add someone or somewhere"));
	rows_of_member(p, NULL, "/circle", &l, "circle", _("Add to my circle"));
	entries_free(&l);
	page_end(p);
}

void page_card(struct page *p)
{
	struct nb_entries l = { 0 };
	struct nb_entry *back = NULL;
	struct nb_error err;

	if (app_circle(p->app, &l, &err) ||
	    app_reflection_latest(p->app, BESIDE_PROMPT, &back, &err)) {
		page_fail(p, 500, err.msg);
		return;
	}
	page_begin(p, _("My circle"), "/circle");
	h(p, "<h1 class=\"noprint\">%s</h1><p class=\"noprint\"><button type=\"button\" class=\"print\" data-print hidden>%s</button> %s "
	     "<a href=\"/circle\">%s</a></p>",
	  _("The card of your circle"), _("Print the card"),
	  _("The card is the size of a postcard (A6), also when printed on A4: cut it out."),
	  _("Back to your circle"));
	h(p, "<article class=\"card\"><h2>%s</h2><p>%s</p><ol>", _("My circle"), _("When things get hard, I can turn to:"));
	for (size_t i = 0; i < l.n; i++) {
		const struct nb_member *m = &l.v[i]->u.member;
		h(p, "<li><strong>%s</strong>", m->name);
		if (m->reach) {
			h(p, "<br>");
			reach(p, m->reach);
		}
		if (m->helps)
			h(p, "<br><span class=\"quiet\">%s %s</span>", _("helps with:"), m->helps);
		h(p, "</li>");
	}
	h(p, "</ol><p class=\"help\">");
	page_phones(p, NB_HELP_CARD);
	h(p, "</p></article>");
	if (back)
		h(p, "<article class=\"card back\"><h2>%s</h2><p class=\"pre\">%s</p></article>",
		  _("What helps me when I am low"), back->u.reflection.text);
	entry_free(back);
	entries_free(&l);
	page_end(p);
}

void page_beside(struct page *p)
{
	static const char *const questions[] = {
		N_("When you are low, what helps you? For example: sitting with me is enough."),
		N_("What would you like people to ask first, or not to do? For example: ask before you hold me."),
		N_("What would you like them to know? For example: my no is not a rejection of you."),
	};
	struct nb_entry *now = NULL;
	struct nb_error err;

	if (p->posted) {
		struct nb_buf text = { 0 };
		for (size_t i = 0; i < 3; i++) {
			char name[8];
			const char *a;
			snprintf(name, sizeof name, "q%zu", i);
			if ((a = fval(p, name)) && *a)
				buf_addf(&text, "%s- %s", text.len ? "\n" : "", a);
		}
		if (text.len) {
			struct nb_entry *e = entry_new(NB_REFLECTION);
			e->u.reflection.prompt = xstrdup(BESIDE_PROMPT);
			e->u.reflection.text = buf_detach(&text);
			if (!app_add(p->app, e, &p->err)) {
				page_redirect(p, "/card");
				entry_free(e);
				return;
			}
			entry_free(e);
		}
		buf_free(&text);
	}
	page_ok(p, app_reflection_latest(p->app, BESIDE_PROMPT, &now, &err), &err);
	page_begin(p, _("For the people beside me"), "/circle");
	h(p, "<h1>%s</h1><p class=\"intro\">%s</p>", _("For the people beside me"),
	  _("A few questions to write down what helps you when you are low, for the people in your circle. It goes on the back of your circle card. Any of them may stay empty."));
	if (now)
		h(p, "<section><h2>%s</h2><p class=\"pre\">%s</p></section>", _("What helps me when I am low"),
		  now->u.reflection.text);
	form_begin(p, "/beside", "beside");
	form_errors(p);
	for (size_t i = 0; i < 3; i++) {
		char name[8];
		snprintf(name, sizeof name, "q%zu", i);
		w_text(p, name, _(questions[i]), NULL, fval(p, name), true);
	}
	form_end(p, _("Save"));
	h(p, "<p><a href=\"/help/beside\">%s</a></p>", _("For the people beside someone who is low"));
	entry_free(now);
	page_end(p);
}
