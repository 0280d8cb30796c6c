/*
 * The quieter pages: today's question (/reflect), the attachment reflection
 * (/attachment), the weekly moment (/week), relationship phases (/phases)
 * and help (/help, /help/beside).
 */
#include "page.h"
#include "core/attachment.h"
#include "core/care.h"
#include "core/describe.h"
#include "core/i18n.h"
#include "core/parse.h"
#include "core/story.h"
#include "core/week.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* /reflect?set=closeness: the three questions about closeness together,
 * each with a hint; each answer is kept on its own question. */
static void closeness_set(struct page *p)
{
	size_t n;
	const char *const *ids = prompt_closeness(&n);

	if (p->posted) {
		int64_t last = 0;
		for (size_t i = 0; i < n; i++) {
			char name[24];
			const char *v;
			snprintf(name, sizeof name, "a%zu", i);
			if (!(v = fval(p, name)) || !*v)
				continue;
			struct nb_entry *e = entry_new(NB_REFLECTION);
			e->u.reflection.prompt = xstrdup(ids[i]);
			e->u.reflection.text = xstrdup(v);
			if (app_add(p->app, e, &p->err)) {
				entry_free(e);
				p->resp->status = 422;
				break;
			}
			last = e->id;
			entry_free(e);
		}
		if (p->resp->status != 422) {
			if (last)
				page_redirect(p, "/?saved=%lld", (long long)last);
			else
				page_redirect(p, "/reflect");
			return;
		}
	}
	page_begin(p, _("Three questions about closeness"), "/");
	h(p, "<h1>%s</h1><p>%s</p>", _("Three questions about closeness"),
	  _("Take your time; any of them may stay empty. There are no wrong answers."));
	form_begin(p, "/reflect?set=closeness", "reflect");
	form_errors(p);
	for (size_t i = 0; i < n; i++) {
		char name[24];
		snprintf(name, sizeof name, "a%zu", i);
		w_text(p, name, prompt_text(ids[i]), prompt_hint(ids[i]), fval(p, name), true);
	}
	form_end(p, _("Save"));
	page_end(p);
}

void page_reflect(struct page *p)
{
	const struct nb_prompt *q = prompt_for_day(p->today);
	struct nb_entries l = { 0 };
	struct nb_error err;
	const char *set = kvs_get(&p->req->query, "set");

	if (set && strcmp(set, "closeness") == 0) {
		closeness_set(p);
		return;
	}
	if (p->posted) {
		struct nb_entry *e = entry_new(NB_REFLECTION);
		e->u.reflection.prompt = xstrdup(q->id);
		e->u.reflection.text = xstrdup(fval(p, "text") && *fval(p, "text") ? fval(p, "text") : NULL);
		if (!app_add(p->app, e, &p->err)) {
			page_redirect(p, "/?saved=%lld", (long long)e->id);
			entry_free(e);
			return;
		}
		p->resp->status = 422;
		entry_free(e);
	}
	page_begin(p, _("A question for today"), "/");
	h(p, "<h1>%s</h1><p class=\"prompt\">%s</p>", _("A question for today"), _(q->text));
	rows_form(p, NULL, NB_REFLECTION, "/reflect", &(const struct rows_look){ .klass = "reflect", .button = _("Save") });
	h(p, "<p><a href=\"/reflect?set=closeness\">%s</a></p>", _("Three questions about closeness, together"));
	if (page_ok(p, app_latest(p->app, NB_REFLECTION, 10, &l, &err), &err) && l.n) {
		h(p, "<h2>%s</h2><ul class=\"records\">", _("Earlier"));
		for (size_t i = 0; i < l.n; i++) {
			char day[96];
			describe_day(l.v[i]->day, day, sizeof day);
			h(p, "<li><a href=\"/r/%l\">%s</a><p class=\"quiet\">%s</p><p>%s</p></li>", l.v[i]->id, day,
			  prompt_text(l.v[i]->u.reflection.prompt), l.v[i]->u.reflection.text);
		}
		h(p, "</ul>");
	}
	entries_free(&l);
	page_end(p);
}

static const char *disclaimer(void)
{
	return _("This is a reflection, not a diagnosis. The patterns are ways that once helped people get through; they can change, and many people recognise something of each.");
}

static void axis(struct page *p, const char *name, double v)
{
	char d[NB_DEC_LEN];

	h(p, "<p>%s: <strong>%s</strong> / 7</p><svg class=\"axis\" viewBox=\"0 0 300 24\" role=\"img\" aria-label=\"%s %s / 7\">"
	     "<line x1=\"10\" x2=\"290\" y1=\"12\" y2=\"12\"/><circle cx=\"%d\" cy=\"12\" r=\"8\"/></svg>",
	  name, nb_dec1(v, d), name, d, 10 + (int)((v - 1) / 6 * 280));
}

void page_attachment(struct page *p)
{
	const struct nb_statement *st = attachment_statements();
	struct nb_entries past = { 0 };
	struct nb_error err;
	struct nb_attachment_score now, before;

	if (p->posted) {
		struct nb_entry *e = entry_new(NB_ATTACHMENT);
		enum nb_err rc = NB_OK;
		for (int i = 0; i < NB_ATTACHMENT_ITEMS && !rc; i++) {
			char name[8];
			snprintf(name, sizeof name, "a%d", i);
			const char *v = fval(p, name);
			rc = parse_scale(name, v ? v : "", 1, 7, &e->u.attachment.answers[i], &p->err);
			if (!rc && !e->u.attachment.answers[i])
				rc = nb_error_set(&p->err, NB_EINVAL, name, _("Every statement needs an answer from 1 to 7."));
		}
		if (!rc && !app_add(p->app, e, &p->err)) {
			page_redirect(p, "/attachment?done=%lld", (long long)e->id);
			entry_free(e);
			return;
		}
		p->resp->status = 422;
		entry_free(e);
	}
	page_begin(p, _("Attachment reflection"), "/");
	h(p, "<h1>%s</h1><p class=\"intro\">%s</p>", _("Attachment reflection"), disclaimer());
	if (page_ok(p, app_latest(p->app, NB_ATTACHMENT, 2, &past, &err), &err) && past.n &&
	    kvs_get(&p->req->query, "done")) {
		attachment_score(&past.v[0]->u.attachment, &now);
		h(p, "<section class=\"result\">");
		axis(p, _("Anxiety about closeness"), now.anxiety);
		axis(p, _("Avoidance of closeness"), now.avoidance);
		h(p, "<p><strong>%s</strong> %s</p><p>%s</p>", attachment_pattern_name(now.pattern),
		  attachment_pattern_text(now.pattern), attachment_support_text());
		if (past.n > 1) {
			char day[96], a[NB_DEC_LEN], b2[NB_DEC_LEN];
			attachment_score(&past.v[1]->u.attachment, &before);
			describe_day(past.v[1]->day, day, sizeof day);
			h(p, "<p>%s %s: %s → %s, %s: %s → %s</p>", _("Since last time"), day,
			  _("anxiety about closeness"), nb_dec1(before.anxiety, a), nb_dec1(now.anxiety, b2),
			  _("avoidance of closeness"), nb_dec1(before.avoidance, a), nb_dec1(now.avoidance, b2));
		}
		h(p, "<p class=\"quiet\">%s</p></section>", _("Coming back to it every few months shows what moves."));
	}
	entries_free(&past);
	form_begin(p, "/attachment", "attachment");
	form_errors(p);
	h(p, "<p>%s</p>", _("Twelve statements about closeness. For each, how much is it like you, from 1 (not at all) to 7 (very much)? There are no right answers."));
	for (int i = 0; i < NB_ATTACHMENT_ITEMS; i++) {
		char name[8];
		snprintf(name, sizeof name, "a%d", i);
		w_scale(p, name, _(st[i].text), _("1 not at all"), _("7 very much"), 1, 7, fval(p, name));
	}
	form_end(p, _("See where I stand"));
	page_end(p);
}

void page_week(struct page *p)
{
	struct nb_entries records = { 0 };
	struct nb_error err;
	struct nb_week w;
	const char *date = kvs_get(&p->req->query, "date");
	char mon[96], sun[96], prev[NB_DAY_LEN], next[NB_DAY_LEN], change[128], said[1200];
	struct nb_buf b = { 0 };
	struct nb_story story;
	bool before, noted;

	if (p->posted) {
		struct nb_entry *e = entry_new(NB_REFLECTION);
		e->u.reflection.prompt = xstrdup(NB_WEEK_PROMPT);
		e->u.reflection.text = xstrdup(fval(p, "intention") && *fval(p, "intention") ? fval(p, "intention") : NULL);
		if (!app_add(p->app, e, &p->err)) {
			page_redirect(p, "/week");
			entry_free(e);
			return;
		}
		p->resp->status = 422;
		entry_free(e);
	}
	if (date && nb_day_parse(date, "date", &err))
		date = NULL;
	if (app_week(p->app, date ? date : p->today, !date, &records, &w, &err)) {
		page_fail(p, 500, err.msg);
		return;
	}
	describe_day(w.monday, mon, sizeof mon);
	describe_day(w.sunday, sun, sizeof sun);
	nb_day_add(w.monday, -7, prev);
	nb_day_add(w.monday, 7, next);
	page_begin(p, _("Your week"), "/week");
	h(p, "<h1>%s</h1>", _("Your week"));
	if (w.earlier)
		h(p, "<p class=\"intro\">%s</p>",
		  _("Nothing is noted yet this week, and that is fine. Here is the last week in which you noted something."));
	h_buf(&b, _("The week of %s to %s"), mon, sun);
	h(p, "<p>%r</p><p class=\"pager\">", b.s);
	buf_reset(&b);
	before = w.first[0] && strcmp(w.first, w.monday) < 0;	/* not before the first record */
	if (before)
		h(p, "<a href=\"/week?date=%s\">%s</a>", prev, _("Week before"));
	if (strcmp(next, p->today) <= 0)
		h(p, "%r<a href=\"/week?date=%s\">%s</a>", before ? " · " : "",
		  next, w.earlier ? _("This week") : _("Week after"));
	h(p, "</p>");
	week_story(&w, &records, &story);	/* what is worth noticing first, the terminal's words */
	if (story.n) {
		h(p, "<section class=\"story\">");
		for (size_t i = 0; i < story.n; i++)
			h(p, "<p>%s</p>", story_text(&story.v[i], said, sizeof said));
		h(p, "</section>");
	}
	if (w.intention && !story_has(&story, NB_STORY_INTENTION))
		h(p, "<p class=\"intention\">%s <strong>%s</strong></p>", _("Your intention for this week:"), w.intention->u.reflection.text);
	noted = w.checkins || w.moments || w.nexercises || w.triggers || w.reflections;
	if (!noted)
		h(p, "<p>%s</p>", _("Nothing was noted this week, and that is all right. Whatever you note, however little, will show here."));
	else
		h(p, "<h2>%s</h2>", _("The week in numbers"));
	h(p, "<dl class=\"week\">");
	if (w.checkins) {
		h(p, "<dt>%s</dt><dd>%d", _("Check-ins"), w.checkins);
		week_means_line(&w, &b);
		h(p, "%s", b.s ? b.s : "");
		buf_reset(&b);
		h(p, "</dd>");
	}
	if (w.moments) {
		week_moments_line(&w, &b);	/* the same words as the terminal's */
		h(p, "<dt>%s</dt><dd>%s</dd>", _("Moments of connection"), b.s);
		buf_reset(&b);
	}
	for (size_t i = 0; i < w.nexercises; i++) {
		const struct nb_week_exercise *x = &w.exercises[i];
		h(p, "<dt>%s</dt><dd>%d ×", vocab_label(NB_VOCAB_EXERCISE, x->exercise), x->n);
		if (week_exercise_change(x, change, sizeof change))	/* the terminal's words */
			h(p, " · %s", change);
		if (week_urge_change(x, change, sizeof change))	/* riding an urge: its strength too */
			h(p, " · %s", change);
		h(p, "</dd>");
	}
	if (w.triggers)
		h(p, "<dt>%s</dt><dd>%d</dd>", _("Triggers"), w.triggers);
	if (w.nneeds) {
		h(p, "<dt>%s</dt><dd>", _("Needs that came back"));
		for (size_t i = 0; i < w.nneeds; i++)
			h(p, "%s%s (%d)", i ? ", " : "", vocab_label(NB_VOCAB_NEED, w.needs[i].term), w.needs[i].n);
		h(p, "</dd>");
	}
	if (w.reflections)
		h(p, "<dt>%s</dt><dd>%d</dd>", _("Reflections"), w.reflections);
	h(p, "</dl>");
	if (w.lasting_low) {	/* once, calmly, with the help below it */
		h(p, "<p class=\"gentle\">%s</p>", care_lasting_low_text());
		page_care(p);
	}
	chart_line(p, _("Mood, Monday to Sunday"), w.day_mood, 7, NB_SCALE_MIN, NB_SCALE_MAX, w.monday, _("Mood"));
	if (w.next_intention)
		h(p, "<p class=\"intention\">%s <strong>%s</strong></p>", _("Your intention for next week:"), w.next_intention->u.reflection.text);
	else if (!date || strcmp(w.monday, p->today) <= 0) {
		form_begin(p, "/week", "intention");
		form_errors(p);
		w_text(p, "intention", _("One intention for the coming week, if you like"), NULL, fval(p, "intention"), false);
		form_end(p, _("Save"));
	}
	buf_free(&b);
	entries_free(&records);
	page_end(p);
}

void page_phases(struct page *p)
{
	struct nb_entries l = { 0 };
	struct nb_error err;
	struct nb_query q = { .types = NB_TYPE_BIT(NB_PHASE) };

	if (p->posted) {
		struct nb_entry *e = entry_new(NB_PHASE);
		const char *ph = fval(p, "phase"), *with = fval(p, "with"), *note = fval(p, "note");
		enum nb_err rc = NB_OK;
		if (ph && *ph)
			rc = parse_term("phase", NB_VOCAB_PHASE, ph, &e->u.phase.phase, &p->err);
		e->u.phase.with = xstrdup(with && *with ? with : NULL);
		e->u.phase.note = xstrdup(note && *note ? note : NULL);
		if (!rc && !app_add(p->app, e, &p->err)) {
			page_redirect(p, "/phases");
			entry_free(e);
			return;
		}
		p->resp->status = 422;
		entry_free(e);
	}
	page_begin(p, _("Relationship phases"), "/circle");
	h(p, "<h1>%s</h1><p class=\"intro\">%s</p>", _("Relationship phases"),
	  _("Any relationship can move through phases, with a friend, a child or a sister as much as with a partner: an intense start, fear and distance, a clash of longing and withdrawal, a turning point. Note where one stands, and see it over time."));
	if (page_ok(p, app_list(p->app, &q, &l, &err), &err)) {
		for (size_t i = 0; i < l.n; i++) {
			const char *who = l.v[i]->u.phase.with;
			bool seen = false;
			for (size_t j = 0; j < i; j++)
				seen = seen || strcasecmp(l.v[j]->u.phase.with, who) == 0;
			if (seen)
				continue;
			h(p, "<h2>%s</h2><ol class=\"timeline\">", who);
			for (size_t j = i; j < l.n; j++) {
				const struct nb_phase *ph = &l.v[j]->u.phase;
				if (strcasecmp(ph->with, who) != 0)
					continue;
				h(p, "<li><span class=\"when\">%s</span> %s", l.v[j]->day, vocab_label(NB_VOCAB_PHASE, ph->phase));
				if (ph->note)
					h(p, " · %s", ph->note);
				h(p, "</li>");
			}
			h(p, "</ol>");
		}
	}
	entries_free(&l);
	rows_form(p, NULL, NB_PHASE, "/phases", &(const struct rows_look){ .klass = "phase", .button = _("Save") });
	page_end(p);
}

void page_help(struct page *p)
{
	if (strcmp(p->req->path, "/help/beside") == 0) {
		page_begin(p, _("For the people beside someone who is low"), "/circle");
		h(p, "<h1>%s</h1><p class=\"intro\">%s</p><ul class=\"points\">", _("For the people beside someone who is low"),
		  _("Being there matters more than having the right words."));
		for (size_t i = 0; care_beside_point(i); i++)
			h(p, "<li>%s</li>", care_beside_point(i));
		h(p, "</ul>");
		page_end(p);
		return;
	}
	if (strcmp(p->req->path, "/help/experiment") == 0) {
		page_begin(p, exp_help_part(0), "/help");
		h(p, "<h1>%s</h1>", exp_help_part(0));
		for (size_t i = 1; exp_help_part(i); i++)
			h(p, "<p>%s</p>", exp_help_part(i));
		h(p, "<p><a class=\"button\" href=\"/experiment\">%s</a></p>", _("A personal experiment"));
		page_end(p);
		return;
	}
	page_begin(p, _("Help"), "/help");
	h(p, "<h1>%s</h1><p>%s</p>", _("Help"), _("nabij helps you practise connection, day by day, and see over weeks what helps you."));
	h(p, "<p>%s</p>", care_not_therapy_text(true));
	page_care_first(p, care_first_line(NULL, true));	/* a page about being alone and loss */
	{	/* urges: riding one, the first to call, addiction care, a line at night */
		size_t n = 1;
		h(p, "<section id=\"urge\" aria-labelledby=\"urge-help-h\"><h2 id=\"urge-help-h\">%s</h2>", care_urge_part(0));
		for (; care_urge_part(n + 1); n++)
			h(p, "<p>%s</p>", care_urge_part(n));
		h(p, "<p>%s ", care_urge_part(n));	/* the last leads into the help lines */
		page_phones(p, NB_HELP_LINE);
		h(p, "</p><p>");
		page_phones(p, NB_HELP_LISTEN);
		h(p, "</p><p><a class=\"button secondary\" href=\"/exercise/urge\">%s</a> <a href=\"/circle\">%s</a></p></section>",
		  _("Ride the urge, a few minutes"), _("Your circle"));
	}
	for (int k = 0; k < 3; k++) {	/* living alone; loss; when touch feels unsafe */
		static const char *const ids[] = { "alone", "loss", "touch" };
		const char *(*part)(size_t) = k == 0 ? care_alone_part : k == 1 ? care_loss_part : care_unsafe_touch_part;
		h(p, "<section id=\"%s\" aria-labelledby=\"%s-h\"><h2 id=\"%s-h\">%s</h2>", ids[k], ids[k], ids[k], part(0));
		for (size_t i = 1; part(i); i++)
			h(p, "<p>%s</p>", part(i));
		h(p, "</section>");
	}
	h(p, "<ul><li><a href=\"/exercises\">%s</a></li><li><a href=\"/attachment\">%s</a></li>"
	     "<li><a href=\"/phases\">%s</a></li><li><a href=\"/help/beside\">%s</a></li>"
	     "<li><a href=\"/data\">%s</a></li><li><a href=\"/experiment\">%s</a></li></ul>",
	  _("Exercises"), _("Attachment reflection"), _("Relationship phases"),
	  _("For the people beside someone who is low"), _("Your data"), _("A personal experiment"));
	page_end(p);
}
