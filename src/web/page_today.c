/* Today's page (/): what was noted today, the last wanted touch said
 * gently, the suggestion for now, and a question for the day. */
#include "page.h"
#include "core/care.h"
#include "core/describe.h"
#include "core/exercise.h"
#include "core/i18n.h"
#include "core/suggest.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* The suggestion for now; lead: it is the day's first action (after a
 * check-in), with the one primary button of the page. */
static void suggestion(struct page *p, const struct nb_today *t, bool lead)
{
	struct nb_suggest_result r;
	struct nb_error err;
	char why[512], href[64], cap[160];
	const char *title, *button;

	if (!page_ok(p, app_suggest_today(p->app, t, &r, &err), &err))
		return;
	if (!lead && r.s.kind == NB_SUGGEST_CHECKIN && !t->checked_in) {
		suggest_result_free(&r);	/* the check-in is the first action already */
		return;
	}
	suggest_why(&r.s, why, sizeof why);
	switch (r.s.kind) {
	case NB_SUGGEST_EXERCISE:
		snprintf(href, sizeof href, "/exercise/%s", r.s.exercise);
		title = exercise_title(exercise_find(r.s.exercise));
		button = _("Start");
		break;
	case NB_SUGGEST_CIRCLE:
		snprintf(href, sizeof href, "/circle");
		title = _("your support circle");
		button = _("Open your circle");
		break;
	case NB_SUGGEST_CHECKIN:
		snprintf(href, sizeof href, "/checkin");
		title = _("a check-in");
		button = _("Check in");
		break;
	default:
		snprintf(href, sizeof href, "/reflect");
		title = _("a reflection");
		button = _("Reflect");
		break;
	}
	h(p, "<section class=\"suggest%r\" aria-labelledby=\"suggest-h\"><h2 id=\"suggest-h\">%s</h2>"
	     "<p><strong>%s</strong></p><p>%s</p><p><a class=\"button%r\" href=\"%s\">%s</a></p></section>",
	  lead ? " lead" : "", _("A suggestion"), nb_capital(title, cap, sizeof cap), why,
	  lead ? " primary" : " secondary", href, button);
	suggest_result_free(&r);
}

/* The other things of every day, quieter than the first action: a
 * moment, breathing (and, after a check-in, another one). */
static void quiet_actions(struct page *p, bool checkin)
{
	static const struct { const char *href, *icon, *label; } a[] = {
		{ "/checkin", "checkin", N_("Check in") },
		{ "/moment", "moment", N_("Note a moment") },
		{ "/exercise/breath", "breathe", N_("Breathe") },
	};

	h(p, "<ul class=\"quick daily\" aria-label=\"%s\">", _("Also for today"));
	for (size_t i = checkin ? 0 : 1; i < sizeof a / sizeof a[0]; i++) {
		h(p, "<li><a class=\"button secondary\" href=\"%s\">", a[i].href);
		icon(p, a[i].icon);
		h(p, "<span>%s</span></a></li>", _(a[i].label));
	}
	h(p, "</ul>");
}

/* While a strong craving of today stands (care_urge_now), at the top of
 * Today: the circle's first to call, one tap away (or, when none is
 * marked, who has a phone number), and riding the urge, which starts in
 * one tap with the strength the check-in gave as the urge before. */
static void call_someone(struct page *p);
static void craving_box(struct page *p, const struct nb_entry *urge)
{
	struct nb_entries l = { 0 };
	struct nb_error err;
	const struct nb_member *first = NULL;

	if (!page_ok(p, app_circle(p->app, &l, &err), &err))
		return;
	first = care_first_to_call(&l);
	h(p, "<section class=\"care\" aria-labelledby=\"urge-h\"><h2 id=\"urge-h\">%s</h2><p>%s</p>",
	  _("A strong urge"), care_craving_text());
	if (first) {
		char dial[24];
		if (first->reach && care_phone_number(first->reach, dial))
			h(p, "<p class=\"call\"><a class=\"button\" href=\"tel:%s\">%s %s</a></p>", dial, _("Call"), first->name);
		else
			h(p, "<p class=\"call\">%s <strong>%s</strong>%r%s</p>", _("The first to call:"), first->name,
			  first->reach ? " · " : "", first->reach ? first->reach : "");
	} else {
		call_someone(p);
	}
	if (urge->u.checkin.craving)
		h(p, "<p><a class=\"button secondary\" href=\"/exercise/urge?start=1&amp;before=%d\">%s</a></p>",
		  urge->u.checkin.craving, _("Ride the urge, a few minutes"));
	else
		h(p, "<p><a class=\"button secondary\" href=\"/exercise/urge?start=1\">%s</a></p>",
		  _("Ride the urge, a few minutes"));
	h(p, "<p>%s <a href=\"/help#urge\">%s</a></p>", care_addiction_help_text(), _("When an urge comes"));
	if (!first)
		h(p, "<p class=\"quiet\">%s <a href=\"/circle\">%s</a></p>",
		  _("Tip: mark one person in your circle as the first to call, such as a sponsor or a buddy, and they are here in one tap."),
		  _("Your circle"));
	h(p, "</section>");
	entries_free(&l);
}

/* After a check-in during an experiment, when what was logged cannot tell
 * whether today's practice was done: the one question, two buttons. */
static void experiment_question(struct page *p)
{
	struct nb_entry *x = NULL;
	struct nb_error err;

	if (!page_ok(p, app_experiment_asks(p->app, p->today, &x, &err), &err) || !x)
		return;
	h(p, "<section class=\"suggest\" aria-labelledby=\"did-h\"><h2 id=\"did-h\">%s</h2><p>%s</p><div class=\"quick\">",
	  _("Did you do it today?"), exp_practice_text(&x->u.experiment));
	for (int yes = 1; yes >= 0; yes--) {
		form_begin(p, "/experiment", "inline-form");
		h(p, "<input type=\"hidden\" name=\"do\" value=\"%s\"><button type=\"submit\" class=\"%s\">%s</button></form>",
		  yes ? "yes" : "no", yes ? "button" : "button secondary", yes ? _("Yes, I did") : _("No, not today"));
	}
	h(p, "</div><p class=\"quiet\">%s</p></section>", _("For your experiment; either answer is welcome."));
	entry_free(x);
}

/* After a lowest check-in that asks for someone (care_after): one tap to
 * call the people of the circle who have a phone number. */
static void call_someone(struct page *p)
{
	struct nb_entries l = { 0 };
	struct nb_error err;
	bool first = true;

	if (!page_ok(p, app_circle(p->app, &l, &err), &err))
		return;
	for (size_t i = 0; i < l.n; i++) {
		const struct nb_member *m = &l.v[i]->u.member;
		char dial[24];
		if (!care_callable(m, dial))
			continue;
		if (first)
			h(p, "<p class=\"call\">%s ", _("Someone of your circle, one tap away:"));
		h(p, "%r<a class=\"button\" href=\"tel:%s\">%s</a>", first ? "" : " ", dial, m->name);
		first = false;
	}
	if (!first)
		h(p, "</p>");
	entries_free(&l);
}

bool page_notice(struct page *p)
{
	const char *saved = kvs_get(&p->req->query, "saved");
	struct nb_entry *e = NULL;
	struct nb_error err;
	char summary[512], name[128];
	int64_t id = saved ? atoll(saved) : 0;
	struct nb_care_after after;

	if (id <= 0 || !page_ok(p, app_get(p->app, id, &e, &err), &err))
		return false;
	describe_entry(e, summary, sizeof summary);
	describe_entry_name(e, name, sizeof name);	/* a date a person knows, not a number */
	care_after(e, &after);	/* what follows a save, as in the terminal */
	h(p, "<div class=\"saved\" role=\"status\"><p>%s</p>", care_saved_word(e));
	if (after.word)
		h(p, "<p>%s</p>", after.word);
	h(p, "<p class=\"quiet\">%s <a href=\"/r/%l\">%s</a>: %s</p></div>", _("Saved:"), e->id, name, summary);
	if (after.help)
		page_care(p);
	if (after.call)
		call_someone(p);
	if (after.listen) {
		h(p, "<p class=\"listen\">");
		page_phones_as(p, NB_HELP_LISTEN, "button secondary call");
		h(p, "</p>");
	}
	if (e->type == NB_CHECKIN)
		experiment_question(p);
	entry_free(e);
	return after.help;
}

/* Before anything is noted: what nabij is and where to begin, in three
 * sentences; the passphrase is offered after, as a choice. Whether shown. */
static bool first_use(struct page *p)
{
	struct nb_query q = { .limit = 1 };
	struct nb_entries l = { 0 };
	struct nb_error err;
	bool first = page_ok(p, app_list(p->app, &q, &l, &err), &err) && !l.n;

	entries_free(&l);
	if (!first)
		return false;
	h(p, "<section class=\"welcome\" aria-labelledby=\"first-h\"><h2 id=\"first-h\">%s</h2>"
	     "<p>%s</p><p>%s</p><p>%s</p><p><a class=\"button primary\" href=\"/checkin\">%s</a></p>",
	  _("Welcome to nabij"),
	  _("nabij is a quiet companion for feeling more connected: a short check-in each day, the moments of closeness you notice, and a few people or places you can turn to."),
	  _("Over the weeks it shows you, honestly, what seems to help you. Everything stays on this computer."),
	  _("A good first step is a check-in: a few taps on how your body and your mood are right now."),
	  _("Begin with a check-in"));
	if (p->local && !app_encrypted(p->app, p->local->db_path))	/* a passphrase is the local file's */
		h(p, "<p class=\"quiet\">%s <a href=\"/protect\">%s</a></p>",
		  _("Later, if you like, you can also lock your notes with a passphrase."),
		  _("Protect with a passphrase"));
	h(p, "</section>");
	return true;
}

void page_today(struct page *p)
{
	struct nb_today t;
	struct nb_error err;
	char day[96], buf[512];
	bool shown, noticed;

	if (app_today(p->app, &t, &err)) {
		page_fail(p, 500, err.msg);
		return;
	}
	describe_day(t.day, day, sizeof day);
	page_begin(p, _("Today"), "/");
	h(p, "<h1>%s</h1>", day);
	shown = page_notice(p);
	noticed = shown;
	if (t.urge) {	/* the urge box stays while the urge may, with the help lines */
		craving_box(p, t.urge);
		if (!shown)
			page_care(p);
		shown = true;
	}
	if (t.yesterday && !noticed)	/* for a person who comes back */
		h(p, "<p class=\"yesterday\">%s</p>", t.yesterday);
	if (!t.entries.n && first_use(p)) {	/* nothing noted yet: no empty sections, no charts */
		quiet_actions(p, false);
		today_free(&t);
		page_end(p);
		return;
	}
	if (!t.checked_in) {	/* the day's one clear first action */
		h(p, "<p class=\"lead-action\"><a class=\"button primary\" href=\"/checkin\">");
		icon(p, "checkin");
		h(p, "<span>%s</span></a><span class=\"hint\">%s</span></p>", _("Check in"),
		  _("A few taps on how you are right now."));
	} else {
		suggestion(p, &t, true);
	}
	if (t.lasting_low)	/* said once, calmly, with the help below it */
		h(p, "<p class=\"gentle\">%s</p>", care_lasting_low_text());
	/* the help, once: after saving a lowest check-in the notice above has
	 * it; after an exercise or anything else, it is here */
	if ((t.needs_care || t.lasting_low) && !shown)
		page_care(p);
	quiet_actions(p, t.checked_in);
	if (!t.checked_in)
		suggestion(p, &t, false);
	{	/* a personal experiment: which kind of day this is */
		char line[600];
		if (app_experiment_today(p->app, &t, line, sizeof line))
			h(p, "<p class=\"experiment-today\">%s <a href=\"/experiment\">%s</a></p>", line,
			  _("Your experiment"));
	}
	h(p, "<section aria-labelledby=\"today-h\"><h2 id=\"today-h\">%s</h2>", _("Noted today"));
	if (!t.entries.n)
		h(p, "<p>%s</p>", _("Nothing noted yet today. Whenever you like."));
	else {
		h(p, "<ul class=\"records\">");
		for (size_t i = 0; i < t.entries.n; i++) {
			const struct nb_entry *e = t.entries.v[i];
			char clock[8];
			nb_stamp_clock(e->at, clock);
			describe_entry(e, buf, sizeof buf);
			h(p, "<li><a href=\"/r/%l\"><span class=\"when\">%s</span> <strong>%s</strong> %s</a></li>",
			  e->id, clock, entry_type_label(e->type), buf);
		}
		h(p, "</ul>");
	}
	h(p, "</section><section aria-labelledby=\"touch-h\"><h2 id=\"touch-h\">%s</h2>",
	  _("Closeness"));
	{
		char lines[NB_TOUCH_LINES][NB_TOUCH_LINE_LEN];
		size_t n = care_touch_lines(&t.touch, lines);
		if (!n)	/* an invitation, not a count of what is missing */
			h(p, "<p class=\"quiet\">%s</p>", _("A moment of closeness, even a short one, can be noted as a moment."));
		for (size_t i = 0; i < n; i++)
			h(p, "<p%r>%s</p>", i + 1 == n && t.days_since_touch >= NB_TOUCH_GENTLE_DAYS ? " class=\"quiet\"" : "",
			  lines[i]);
	}
	if (circle_advice_today((size_t)t.circle, buf, sizeof buf))
		h(p, "<p>%s <a href=\"/circle\">%s</a></p>", buf, _("Your circle"));
	h(p, "</section>");
	{
		char first[NB_DAY_LEN];
		nb_day_add(t.day, -(NB_SPARK_DAYS - 1), first);
		chart_line(p, _("Mood, last 14 days"), t.moods, NB_SPARK_DAYS, NB_SCALE_MIN, NB_SCALE_MAX, first, _("Mood"));
	}
	h(p, "<section aria-labelledby=\"q-h\"><h2 id=\"q-h\">%s</h2><p class=\"prompt\">%s</p>"
	     "<p><a href=\"/reflect\">%s</a></p></section>",
	  _("A question for today"), _(t.prompt->text), _("Answer it"));
	today_free(&t);
	page_end(p);
}
