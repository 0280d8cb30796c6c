/*
 * Exercises (/exercises, /exercise/ID). The breath runs as an SVG animation
 * that needs no script (SMIL), with phase words timed to the rhythm; the
 * script only adds a countdown and measures the time precisely. Without a
 * script the server counts the time from the start it handed out.
 */
#include "page.h"
#include "core/breath.h"
#include "core/describe.h"
#include "core/exercise.h"
#include "core/i18n.h"
#include "core/parse.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void page_exercises(struct page *p)
{
	size_t n;
	const struct nb_exercise *x = exercise_all(&n);
	char cap[160];

	page_begin(p, _("Exercises"), "/exercises");
	h(p, "<h1>%s</h1><p class=\"intro\">%s</p><ul class=\"exercises\">", _("Exercises"),
	  _("Each takes two to a few minutes. Build them up slowly; notice which one calms you."));
	for (size_t i = 0; i < n; i++)
		h(p, "<li><a href=\"/exercise/%s\"><strong>%s</strong></a><p>%s</p></li>", x[i].id,
		  nb_capital(exercise_title(&x[i]), cap, sizeof cap), _(x[i].why));
	h(p, "</ul>");
	page_end(p);
}

static int num(struct page *p, const char *name, int def)
{
	const char *v = kvs_get(&p->req->query, name);

	if (!v)
		v = fval(p, name);
	return v && *v ? atoi(v) : def;
}

static void steps(struct page *p, const struct nb_exercise *x)
{
	h(p, "<ol class=\"steps\">");
	for (size_t i = 0; i < exercise_steps(x); i++)
		h(p, "<li>%s</li>", _(x->steps[i]));
	h(p, "</ol>");
	if (exercise_example(x, 0)) {	/* sentences to take or adapt, beside the person's own */
		h(p, "<p>%s</p><ul class=\"examples\">", _("For example, in your own words or these:"));
		for (size_t i = 0; exercise_example(x, i); i++)
			h(p, "<li>%s</li>", exercise_example(x, i));
		h(p, "</ul>");
	}
}

/* The SVG pacer: a circle that grows on the in-breath, stays, and shrinks
 * on the out-breath, with the word for each phase shown in its time. */
static void pacer(struct page *p, const struct nb_breath *b)
{
	int c = breath_cycle(b);
	double k1 = (double)b->in / c, k2 = (double)(b->in + b->hold) / c,
	       k3 = (double)(b->in + b->hold + b->out) / c;
	char keys[128], dur[16];
	const char *words[] = { _("Breathe in"), _("Hold"), _("Breathe out"), _("Rest") };
	double from[] = { 0, k1, k2, k3 }, to[] = { k1, k2, k3, 1 };

	snprintf(keys, sizeof keys, "0;%.4f;%.4f;%.4f;1", k1, k2, k3);
	snprintf(dur, sizeof dur, "%ds", c);
	h(p, "<svg class=\"pacer\" viewBox=\"0 0 240 240\" role=\"img\" aria-label=\"%s\">"
	     "<circle class=\"track\" cx=\"120\" cy=\"120\" r=\"100\"/>"
	     "<circle class=\"breath\" cx=\"120\" cy=\"120\" r=\"40\">"
	     "<animate attributeName=\"r\" values=\"40;100;100;40;40\" keyTimes=\"%s\" dur=\"%s\" "
	     "repeatCount=\"indefinite\" calcMode=\"spline\" "
	     "keySplines=\"0.45 0 0.55 1;0 0 1 1;0.45 0 0.55 1;0 0 1 1\"/></circle>",
	  _("A circle that grows as you breathe in and shrinks as you breathe out"), keys, dur);
	for (int i = 0; i < 4; i++) {
		char vis[128], kt[128];
		if (to[i] - from[i] <= 0)
			continue;
		/* visible only during its own part of the breath */
		if (from[i] == 0) {
			snprintf(vis, sizeof vis, "1;0");
			snprintf(kt, sizeof kt, "0;%.4f", to[i]);
		} else {
			snprintf(vis, sizeof vis, "0;1;0");
			snprintf(kt, sizeof kt, "0;%.4f;%.4f", from[i], to[i]);
		}
		if (to[i] >= 1 && from[i] > 0) {
			snprintf(vis, sizeof vis, "0;1");
			snprintf(kt, sizeof kt, "0;%.4f", from[i]);
		}
		h(p, "<text class=\"phase\" data-phase=\"%d\" x=\"120\" y=\"126\" text-anchor=\"middle\" opacity=\"0\">%s"
		     "<animate attributeName=\"opacity\" values=\"%s\" keyTimes=\"%s\" dur=\"%s\" "
		     "calcMode=\"discrete\" repeatCount=\"indefinite\"/></text>",
		  i, words[i], vis, kt, dur);
	}
	h(p, "</svg>");
}

/* Save a session from the posted "done" form. */
static void save(struct page *p, const struct nb_exercise *x)
{
	struct nb_entry *e = entry_new(NB_SESSION);
	struct nb_session *s = &e->u.session;
	const char *secs = fval(p, "seconds"), *with = fval(p, "with"), *answers[NB_ASK_MAX] = { 0 };
	int64_t started = fval(p, "started") ? atoll(fval(p, "started")) : 0;
	int planned = num(p, "planned", 0);
	enum nb_err rc = NB_OK;

	s->exercise = xstrdup(x->id);
	if (secs && *secs)
		s->seconds = atoi(secs);
	else if (started > 0 && started <= p->app->now)
		s->seconds = (int)(p->app->now - started);
	if (planned > 0 && s->seconds > planned)
		s->seconds = planned;
	if (s->seconds < 0)
		s->seconds = 0;
	if (x->guide == NB_GUIDE_PACER) {
		struct nb_breath b = { num(p, "in", 4), num(p, "hold", 2), num(p, "out", 6), num(p, "rest", 0), 1 };
		char pat[32];
		breath_pattern(&b, pat, sizeof pat);
		s->pattern = xstrdup(pat);
	}
	if (with && *with)
		s->with = xstrdup(with);
	for (size_t i = 0; i < NB_ASK_MAX; i++) {
		char name[16];

		snprintf(name, sizeof name, "words%zu", i);
		answers[i] = fval(p, name);
	}
	/* the answers, one a line; a form of its own may send "words" whole */
	if (!(s->words = exercise_words(x, answers, NB_ASK_MAX)) && fval(p, "words") && *fval(p, "words"))
		s->words = xstrdup(fval(p, "words"));
	{	/* riding an urge keeps the urge's strength, the others tension */
		bool urge = exercise_asks_urge(x);
		const char *b = fval(p, urge ? "urge-before" : "before"), *a = fval(p, urge ? "urge-after" : "after");

		rc = parse_scale(urge ? "urge-before" : "tension-before", b ? b : "", NB_SCALE_MIN, NB_SCALE_MAX,
				 urge ? &s->urge_before : &s->tension_before, &p->err);
		if (!rc)
			rc = parse_scale(urge ? "urge-after" : "tension-after", a ? a : "", NB_SCALE_MIN, NB_SCALE_MAX,
					 urge ? &s->urge_after : &s->tension_after, &p->err);
	}
	if (!rc && x->guide == NB_GUIDE_WORDS && !s->words)
		rc = nb_error_set(&p->err, NB_EINVAL, "words0", _("%s is needed here."), field_label("words"));
	if (!rc && !app_add(p->app, e, &p->err))
		page_redirect(p, "/?saved=%lld", (long long)e->id);
	else
		p->resp->status = 422;
	entry_free(e);
}

static void hidden(struct page *p, const char *name, long long v)
{
	h(p, "<input type=\"hidden\" name=\"%s\" value=\"%l\">", name, (int64_t)v);
}

/* The scale asked before and after: tension, or for riding an urge the
 * urge's strength. */
static void before_after(struct page *p, const struct nb_exercise *x, bool after, bool past, const char *value)
{
	if (exercise_asks_urge(x))
		w_scale(p, after ? "urge-after" : "urge-before",
			after ? _("And now, how strong is the urge?")
			      : past ? _("How strong was the urge when you began?") : _("How strong is the urge right now?"),
			_("1 none"), _("5 very strong"), NB_SCALE_MIN, NB_SCALE_MAX, value);
	else
		w_scale(p, after ? "after" : "before",
			after ? _("And now, how tense are you?") : _("How tense are you now?"),
			_("1 relaxed"), _("5 very tense"), NB_SCALE_MIN, NB_SCALE_MAX, value);
}

/* A breathing exercise: before the start, Start at the top with the one
 * question before it and the rhythm behind "Adjust"; after the start the
 * pacer first, so that on a phone it is in view. Whether it runs. */
static bool breath_page(struct page *p, const struct nb_exercise *x)
{
	struct nb_breath b = { num(p, "in", 4), num(p, "hold", 2), num(p, "out", 6), num(p, "rest", 0),
			       num(p, "minutes", x->default_seconds / 60) };
	char action[64];
	struct nb_error err = { 0 };
	bool running = kvs_get(&p->req->query, "start") != NULL, urge = exercise_asks_urge(x);
	const char *bname = urge ? "urge-before" : "before";
	char before[8] = "";

	if (running && breath_validate(&b, &err)) {
		running = false;
		p->err = err;
	}
	if (kvs_get(&p->req->query, "before"))	/* from the setup form, or from Today's urge box */
		snprintf(before, sizeof before, "%s", kvs_get(&p->req->query, "before"));
	snprintf(action, sizeof action, "/exercise/%s", x->id);
	if (!running) {
		static const char *const names[] = { "in", "hold", "out", "minutes" };
		const char *labels[] = { _("Breathe in"), _("Hold"), _("Breathe out"), _("Minutes") };
		int values[] = { b.in, b.hold, b.out, b.minutes };

		h(p, "<form method=\"get\" action=\"%s\" class=\"breath-setup\">", action);
		form_errors(p);
		h(p, "<input type=\"hidden\" name=\"start\" value=\"1\">");
		if (urge)
			w_scale(p, "before", _("How strong is the urge right now?"), _("1 none"), _("5 very strong"),
				NB_SCALE_MIN, NB_SCALE_MAX, before);
		else
			w_scale(p, "before", _("How tense are you now?"), _("1 relaxed"), _("5 very tense"),
				NB_SCALE_MIN, NB_SCALE_MAX, before);
		h(p, "<p class=\"actions\"><button type=\"submit\">%s</button></p>", _("Start"));
		h(p, "<details class=\"adjust\"%r><summary>%s</summary><fieldset class=\"rhythm\"><legend>%s</legend>",
		  p->err.msg[0] ? " open" : "", _("Adjust"), _("Rhythm, in seconds"));
		for (int i = 0; i < 4; i++)
			h(p, "<label>%s <input type=\"number\" name=\"%s\" value=\"%d\" min=\"0\" max=\"30\" inputmode=\"numeric\"></label>",
			  labels[i], names[i], values[i]);
		h(p, "</fieldset></details></form>");
		return false;
	}
	h(p, "<div class=\"pacer-wrap\" data-in=\"%d\" data-hold=\"%d\" data-out=\"%d\" data-rest=\"%d\" data-total=\"%d\" "
	     "data-w-in=\"%s\" data-w-hold=\"%s\" data-w-out=\"%s\" data-w-rest=\"%s\" data-w-left=\"%s\" data-w-done=\"%s\">",
	  b.in, b.hold, b.out, b.rest, breath_total(&b), _("Breathe in"), _("Hold"), _("Breathe out"), _("Rest"),
	  _("%d:%02d left"), _("Done"));
	pacer(p, &b);
	/* only the phase is spoken when it changes; the clock is not announced */
	h(p, "<p class=\"pacer-status\"><span class=\"pacer-phase\" aria-live=\"polite\"></span> "
	     "<span class=\"pacer-clock\"></span></p></div>");
	h(p, "<p class=\"quiet\">%s</p>", _("Follow the circle. Stop whenever you like; the time you did is kept."));
	form_begin(p, action, "done");
	form_errors(p);
	hidden(p, "started", (long long)p->app->now);
	hidden(p, "planned", breath_total(&b));
	hidden(p, "in", b.in);
	hidden(p, "hold", b.hold);
	hidden(p, "out", b.out);
	hidden(p, "rest", b.rest);
	h(p, "<input type=\"hidden\" name=\"seconds\" value=\"\">");
	if (urge && !*before)	/* started in one tap, not asked yet: asked afterwards */
		before_after(p, x, false, true, NULL);
	else
		h(p, "<input type=\"hidden\" name=\"%s\" value=\"%s\">", bname, before);
	before_after(p, x, true, false, fval(p, urge ? "urge-after" : "after"));
	form_end(p, _("Done"));
	return true;
}

void page_exercise(struct page *p)
{
	const char *id = p->req->path + strlen("/exercise/");
	const struct nb_exercise *x = exercise_find(id);
	char cap[160];

	if (!x || strchr(id, '/') || strcmp(id, x->id) != 0) {
		page_fail(p, 404, _("There is no such exercise."));
		return;
	}
	if (p->posted) {
		save(p, x);
		if (p->resp->status == 303)
			return;
	}
	nb_capital(exercise_title(x), cap, sizeof cap);
	/* breathing is in the phone's bar: it is the page one is on there */
	page_begin(p, cap, strcmp(p->req->path, "/exercise/breath") == 0 ? "/exercise/breath" : "/exercises");
	h(p, "<h1>%s</h1>", cap);
	if (x->guide != NB_GUIDE_PACER || !kvs_get(&p->req->query, "start"))	/* running: the pacer first */
		h(p, "<p class=\"intro\">%s</p>", _(x->why));
	if (x->guide == NB_GUIDE_PACER) {
		/* the steps below the Start and the pacer, so that both are in view */
		if (breath_page(p, x) && x->steps_with_pacer) {
			steps(p, x);
		} else {
			h(p, "<details%r><summary>%s</summary>", x->steps_with_pacer ? " open" : "", _("How it works"));
			steps(p, x);
			h(p, "</details>");
		}
	} else {
		steps(p, x);
		form_begin(p, p->req->path, "done");
		form_errors(p);
		hidden(p, "started", (long long)p->app->now);
		hidden(p, "planned", NB_SESSION_SECONDS_MAX);
		if (x->guide == NB_GUIDE_WORDS) {	/* the exercise's own questions */
			w_text(p, "with", _(x->ask_with), NULL, fval(p, "with"), false);
			for (size_t i = 0; i < NB_ASK_MAX && x->ask[i]; i++) {
				char name[16];
				bool last = i + 1 == NB_ASK_MAX || !x->ask[i + 1];

				snprintf(name, sizeof name, "words%zu", i);
				w_text(p, name, _(x->ask[i]),
				       last ? _("They are saved for you. nabij sends nothing itself: you choose if, when and how to say them.") : NULL,
				       fval(p, name), true);
			}
		} else {
			w_scale(p, "before", _("How tense were you before?"), _("1 relaxed"), _("5 very tense"), NB_SCALE_MIN, NB_SCALE_MAX, fval(p, "before"));
			w_scale(p, "after", _("And now, how tense are you?"), _("1 relaxed"), _("5 very tense"), NB_SCALE_MIN, NB_SCALE_MAX, fval(p, "after"));
		}
		form_end(p, _("Done"));
	}
	page_end(p);
}
