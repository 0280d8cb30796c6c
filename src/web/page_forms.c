/*
 * The forms that make and change records: check-in, moment, trigger, and
 * the form of any kind whose page asks its rows (rows_form). The
 * posted fields go through the same parsers and validation as the command
 * line; a refused form comes back with everything the person wrote and the
 * field marked.
 */
#include "page.h"
#include "core/describe.h"
#include "core/field.h"
#include "core/i18n.h"
#include "core/parse.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Set e's time from a datetime-local field; empty keeps it (now for new). */
static enum nb_err time_from_form(struct page *p, struct nb_entry *e)
{
	const char *at = fval(p, "at");
	struct nb_stamp st;
	enum nb_err rc;

	if (!at || !*at)
		return NB_OK;
	if ((rc = nb_time_parse(at, p->w->app->now, "at", &st, &p->err)))
		return rc;
	entry_set_time(e, st);
	return NB_OK;
}

/* Checked vocabulary terms of a field, then the words of its "_other" box. */
static enum nb_err list_from_form(struct page *p, const char *name, enum nb_vocab v,
				  struct nb_items *l)
{
	char other[64];
	const char *words;
	size_t n;
	const struct nb_term *t = vocab_terms(v, &n);

	items_clear(l);
	for (size_t i = 0; i < n; i++)
		if (fchecked(p, name, t[i].id))
			items_add(l, t[i].id, NULL, 0);
	snprintf(other, sizeof other, "%s_other", name);
	words = fval(p, other);
	if (words && *words)
		return parse_list(name, v, words, l, &p->err);
	return NB_OK;
}

/* Whether the page's form shows row f: a row a person gives, with a
 * question (a scale: with the words at its ends). */
static bool on_form(const struct nb_field *f)
{
	return !(f->flags & NB_FF_KEPT) && (f->question || f->ask || (f->type == NB_FT_SCALE && f->low));
}

/* Whether the page asks row f as one box to tick: a flag but one chosen
 * between its words, or a scale with a value for the box. */
static bool is_box(const struct nb_field *f)
{
	return (f->type == NB_FT_FLAG && !(f->flags & NB_FF_EITHER)) || f->box;
}

/*
 * Row f of e from the posted form, under its flag's name: a list by its
 * ticked terms and the words of its "_other" box (NB_FF_CHOICES), a
 * duration by its words or else a quick length, a flag by its box or by
 * the choice of its two words (NB_FF_EITHER), a scale asked as a box by
 * whether it is ticked, anything else through field_set as a flag of the
 * terminal would. A required row left empty is refused here, in the order
 * of the form (in its own words, .missing); a row the form does not show,
 * or a row noted afterwards (NB_FF_LATER) that it did not show, is left as
 * it is.
 */
static enum nb_err row_from_form(struct page *p, struct nb_entry *e, const struct nb_field *f)
{
	const char *name = field_flag_name(f), *v = fval(p, name);
	const struct nb_quick_length *q;
	enum nb_err rc = NB_OK;

	if (!on_form(f) || ((f->flags & NB_FF_LATER) && !v))
		return NB_OK;
	if (f->flags & NB_FF_CHOICES) {
		rc = list_from_form(p, name, f->vocab, field_items(e, f));
	} else if (f->type == NB_FT_ITEMS || f->type == NB_FT_TERMS) {
		items_clear(field_items(e, f));
		rc = field_set(e, f, v, &p->err);
	} else if (f->type == NB_FT_SECONDS && (!v || !*v) && (q = quick_length_find(fval(p, "length")))) {
		*field_int(e, f) = q->seconds;	/* the words win over a button */
	} else if (f->type == NB_FT_FLAG && (f->flags & NB_FF_EITHER)) {
		if (v && *v)	/* not chosen: as it was */
			rc = field_set(e, f, strcmp(v, f->id) == 0 ? "yes" : "no", &p->err);
	} else if (f->type == NB_FT_FLAG) {
		rc = field_set(e, f, fchecked(p, name, "1") ? "yes" : "no", &p->err);
	} else if (f->box) {
		*field_int(e, f) = fchecked(p, name, "1") ? f->box : 0;
	} else {
		rc = field_set(e, f, v, &p->err);
	}
	if (!rc && (f->flags & NB_FF_REQUIRED) && !field_answered(e, f))
		rc = f->missing ? nb_error_set(&p->err, NB_EINVAL, f->id, "%s", _(f->missing))
				: nb_error_set(&p->err, NB_EINVAL, f->id, _("%s is needed here."), field_label(f->id));
	return rc;
}

/* A record of any kind from the posted form: its rows, then its time. */
enum nb_err entry_from_form(struct page *p, struct nb_entry *e)
{
	size_t n;
	const struct nb_field *f = fields_of(e->type, &n);
	enum nb_err rc;

	for (size_t i = 0; i < n; i++)
		if ((rc = row_from_form(p, e, &f[i])))
			return rc;
	return time_from_form(p, e);
}

/* The value a field shows: what was posted, else what the record holds. */
static const char *shown(struct page *p, const char *name, const char *stored)
{
	return p->posted ? fval(p, name) : stored;
}

static const char *scale_shown(struct page *p, const char *name, int v, char *buf)
{
	if (p->posted)
		return fval(p, name);
	if (!v)
		return NULL;
	snprintf(buf, 8, "%d", v);
	return buf;
}

static bool is_craving(const struct nb_field *f)
{
	return strcmp(f->id, "craving") == 0;
}

/* The check-in's scales asked at the top (first) or further down; the
 * craving scale is asked by itself (craving_scale). */
static void w_scales(struct page *p, const struct nb_entry *e, bool first)
{
	size_t n;
	const struct nb_field *f = fields_of(NB_CHECKIN, &n);

	for (size_t i = 0; i < n; i++) {
		char b[8];
		if (f[i].type != NB_FT_SCALE || !(f[i].flags & NB_FF_FIRST) != !first || is_craving(&f[i]))
			continue;
		w_scale_field(p, &f[i], scale_shown(p, f[i].id, e ? field_int_of(e, &f[i]) : 0, b));
	}
}

/* The craving scale: with the first scales for a person who has noted a
 * craving before (care_craving_first), else right after the feelings,
 * where the style sheet shows it once "craving" is ticked (or a strength
 * is chosen): a craving ticked is asked how strong. */
static void craving_scale(struct page *p, const struct nb_entry *e, bool first)
{
	size_t n;
	const struct nb_field *f = fields_of(NB_CHECKIN, &n);

	for (size_t i = 0; i < n; i++) {
		char b[8];
		if (!is_craving(&f[i]))
			continue;
		if (!first)
			h(p, "<div class=\"craving-ask\">");
		w_scale_field(p, &f[i], scale_shown(p, f[i].id, e ? field_int_of(e, &f[i]) : 0, b));
		if (!first)
			h(p, "</div>");
	}
}

/* Whether e answers any scale asked further down. */
static bool later_scales(const struct nb_entry *e)
{
	size_t n;
	const struct nb_field *f = fields_of(NB_CHECKIN, &n);

	for (size_t i = 0; e && i < n; i++)
		if (f[i].type == NB_FT_SCALE && !(f[i].flags & NB_FF_FIRST) && !is_craving(&f[i]) && field_answered(e, &f[i]))
			return true;
	return false;
}

/* The words of a list that are not terms of its vocabulary ("sadness:3" too). */
static char *others(const struct nb_items *l, enum nb_vocab v)
{
	struct nb_buf b = { 0 };
	size_t n;
	const struct nb_term *t = vocab_terms(v, &n);

	for (size_t i = 0; l && i < l->n; i++) {
		bool listed = false;
		for (size_t k = 0; k < n; k++)
			listed = listed || strcmp(t[k].id, l->v[i].term) == 0;
		if (listed && !l->v[i].intensity && !l->v[i].place)
			continue;
		buf_add(&b, b.len ? ", " : "");
		buf_add(&b, l->v[i].term);
		if (l->v[i].place)
			buf_addf(&b, "@%s", l->v[i].place);
		if (l->v[i].intensity)
			buf_addf(&b, ":%d", l->v[i].intensity);
	}
	return buf_detach(&b);
}

/* A list as a person would type it back: "tension in shoulders, tiredness". */
static char *joined(const struct nb_items *l, enum nb_vocab v)
{
	struct nb_buf b = { 0 };

	for (size_t i = 0; l && i < l->n; i++) {
		buf_add(&b, i ? ", " : "");
		buf_add(&b, vocab_label(v, l->v[i].term));
		if (l->v[i].place)
			buf_addf(&b, _(" in %s"), vocab_label(NB_VOCAB_PLACE, l->v[i].place));
	}
	return buf_detach(&b);
}

/* datetime-local value of a stored record, in its own offset. */
static void local_value(const struct nb_entry *e, char out[20])
{
	char s[NB_STAMP_LEN];

	out[0] = '\0';
	if (!e || !e->id)
		return;
	nb_stamp_format(e->at, s);
	snprintf(out, 20, "%.16s", s);
}

void checkin_form(struct page *p, const struct nb_entry *e, const char *action)
{
	const struct nb_checkin *c = e ? &e->u.checkin : NULL;
	char sleep[16] = "", at[20];
	char *body = joined(c ? &c->body : NULL, NB_VOCAB_SENSATION), *emo = others(c ? &c->emotions : NULL, NB_VOCAB_EMOTION);
	char *need = others(c ? &c->needs : NULL, NB_VOCAB_NEED), *tags = joined(c ? &c->tags : NULL, NB_VOCAB_FREE);
	struct nb_error err;
	bool craving_first = false;

	if (c && c->sleep_minutes >= 0)
		snprintf(sleep, sizeof sleep, "%d:%02d", c->sleep_minutes / 60, c->sleep_minutes % 60);
	local_value(e, at);
	form_begin(p, action, "checkin");
	form_errors(p);
	if (!page_ok(p, app_craving_first(p->w->app, &craving_first, &err), &err))
		craving_first = false;	/* then asked after the feelings, as for anyone */
	w_scales(p, e, true);
	if (craving_first)
		craving_scale(p, e, true);
	w_choices(p, "state", _("Where are you right now?"), NB_VOCAB_STATE, false, NULL,
		  c ? c->state : NULL);
	w_choices(p, "emotion", _("Which emotions are here?"), NB_VOCAB_EMOTION, true,
		  c ? &c->emotions : NULL, NULL);
	if (!craving_first)
		craving_scale(p, e, false);
	w_text(p, "emotion_other", _("Other emotions"),
	       _("In your own words, like: restless, a bit sad"), shown(p, "emotion_other", emo), false);
	w_choices(p, "need", _("What do you need today?"), NB_VOCAB_NEED, true, c ? &c->needs : NULL, NULL);
	w_text(p, "need_other", _("Other needs"), NULL, shown(p, "need_other", need), false);
	h(p, "<details%r><summary>%s</summary>", p->posted || (c && (c->body.n || c->sleep_minutes >= 0)) || later_scales(e) ? " open" : "",
	  _("Body, energy and sleep"));
	w_text(p, "body", _("What do you feel in your body, and where?"),
	       _("In your own words, like: tension in my shoulders, tiredness"), shown(p, "body", body), false);
	w_scales(p, e, false);
	w_text(p, "sleep-hours", _("Sleep last night, in hours"), _("For example 7.5 or 7:30"),
	       shown(p, "sleep-hours", sleep), false);
	h(p, "</details>");
	w_text(p, "tag", _("Tags"), _("What you did, like: a walk, a call with my sister"), shown(p, "tag", tags), false);
	w_text(p, "note", _("A note, if you like"), NULL, shown(p, "note", c ? c->note : NULL), true);
	h(p, "<details><summary>%s</summary>", _("Another date or time"));
	w_datetime(p, "at", _("Date and time"), shown(p, "at", at));
	h(p, "</details>");
	form_end(p, _("Save the check-in"));
	free(body);
	free(emo);
	free(need);
	free(tags);
}

/* Row f on the page's form, with e's value (or what was posted, or for a
 * new record a closed choice named in the query: /moment?kind=hug). */
static void row_field(struct page *p, const struct nb_entry *e, const struct nb_field *f)
{
	const char *q = _(f->question ? f->question : f->ask), *hint = f->hint ? _(f->hint) : NULL;
	const char *name = field_flag_name(f);
	char other[64], b[8];

	if (!on_form(f) || ((f->flags & NB_FF_LATER) && !(e && e->id)))
		return;
	if (f->flags & NB_FF_CHOICES) {
		char *words = others(e ? field_items_of(e, f) : NULL, f->vocab);
		w_choices(p, name, q, f->vocab, true, e ? field_items_of(e, f) : NULL, NULL);
		snprintf(other, sizeof other, "%s_other", name);
		w_text(p, other, _(f->other), hint, shown(p, other, words), false);
		free(words);
	} else if (f->type == NB_FT_FLAG && (f->flags & NB_FF_EITHER)) {
		bool on = p->posted ? fchecked(p, name, f->id) : e && field_flag_of(e, f);
		h(p, "<fieldset class=\"choices\"><legend>%s</legend>"
		     "<label><input type=\"radio\" name=\"%s\" value=\"%s\"%r><span>%s</span></label>"
		     "<label><input type=\"radio\" name=\"%s\" value=\"%s\"%r><span>%s</span></label></fieldset>",
		  q, name, f->off, on ? "" : " checked", _(f->words[0]), name, f->id, on ? " checked" : "", _(f->words[1]));
	} else if (f->type == NB_FT_FLAG) {
		w_box(p, name, q, p->posted ? fchecked(p, name, "1") : e && field_flag_of(e, f));
	} else if (f->box) {
		w_box(p, name, q, p->posted ? fchecked(p, name, "1") : e && field_int_of(e, f) == f->box);
	} else if (f->type == NB_FT_TERM && vocab_is_closed(f->vocab)) {
		w_choices(p, name, q, f->vocab, false, NULL,
			  e ? field_str_of(e, f) : kvs_get(&p->req->query, name));
	} else if (f->type == NB_FT_TERM) {
		w_text(p, name, q, hint, shown(p, name, e ? vocab_label(f->vocab, field_str_of(e, f)) : NULL), false);
	} else if (f->type == NB_FT_SECONDS) {
		w_length(p, q, e ? field_int_of(e, f) : 0);
	} else if (f->type == NB_FT_SCALE && !f->low) {	/* a number, not a feeling */
		w_number(p, name, q, f->lo, f->hi, e ? field_int_of(e, f) : 0);
	} else if (f->type == NB_FT_SCALE) {
		w_scale_field(p, f, scale_shown(p, f->id, e ? field_int_of(e, f) : 0, b));
	} else {
		w_text(p, name, q, hint, shown(p, name, e ? field_str_of(e, f) : NULL), f->type == NB_FT_TEXT);
	}
}

void rows_form(struct page *p, const struct nb_entry *e, enum nb_type t, const char *action,
	       const struct rows_look *look)
{
	size_t n;
	const struct nb_field *f = fields_of(t, &n);
	char at[20];

	form_begin(p, action, look->klass);
	form_errors(p);
	if (look->first)
		h(p, "<p class=\"quiet\">%s</p>", look->first);
	for (int pass = 0; pass < 3; pass++)	/* first, then the others, the boxes last */
		for (size_t i = 0; i < n; i++)
			if ((f[i].flags & NB_FF_FIRST) ? pass == 0 : pass == (is_box(&f[i]) ? 2 : 1))
				row_field(p, e, &f[i]);
	if (look->after)
		look->after(p, e, look->ctx);
	if (look->when) {
		local_value(e, at);
		h(p, "<details><summary>%s</summary>", _("Another date or time"));
		w_datetime(p, "at", _("Date and time"), shown(p, "at", at));
		h(p, "</details>");
	}
	form_end(p, look->button);
}

void moment_form(struct page *p, const struct nb_entry *e, const char *action)
{
	const struct rows_look look = { .klass = "moment", .button = _("Save the moment"), .when = true };

	rows_form(p, e, NB_MOMENT, action, &look);
}

void trigger_form(struct page *p, const struct nb_entry *e, const char *action)
{
	const struct rows_look look = {
		.klass = "trigger", .when = true, .button = _("Save"),
		.first = _("Take a breath first if you can. Every field but the first may stay empty."),
	};

	rows_form(p, e, NB_TRIGGER, action, &look);
}

/* Make a new record of type t from the posted form, or show the form. */
static void make(struct page *p, enum nb_type t, const char *title, const char *nav,
		 const char *intro, enum nb_err (*from)(struct page *, struct nb_entry *),
		 void (*form)(struct page *, const struct nb_entry *, const char *))
{
	struct nb_entry *e = entry_new(t);

	if (p->posted) {
		if (!from(p, e) && !app_add(p->w->app, e, &p->err)) {
			page_redirect(p, "/?saved=%lld", (long long)e->id);
			entry_free(e);
			return;
		}
		p->resp->status = 422;
	}
	page_begin(p, title, nav);
	h(p, "<h1>%s</h1>", title);
	if (intro)
		h(p, "<p class=\"intro\">%s</p>", intro);
	form(p, NULL, p->req->path);
	page_end(p);
	entry_free(e);
}

void page_checkin(struct page *p)
{
	make(p, NB_CHECKIN, _("Check-in"), "/checkin",
	     _("About five minutes for yourself. Answer what you like; one answer is enough, even just your mood."),
	     entry_from_form, checkin_form);
}

void page_moment(struct page *p)
{
	make(p, NB_MOMENT, _("A moment of connection"), "/moment",
	     _("Small moments count. Touch is an invitation, never an obligation; a no is worth noting too."),
	     entry_from_form, moment_form);
}

#define TRIGGER_FEW 3	/* the newest entries under the form; the rest in the history */

/* The diary: the list of triggers and a new entry; /trigger/ID/outcome too. */
void page_trigger(struct page *p)
{
	struct nb_entries l = { 0 };
	struct nb_error err;
	int64_t id = path_id(p->req->path, "/trigger/");

	if (id && p->posted) {
		const char *text = fval(p, "outcome");
		if (app_trigger_outcome(p->w->app, id, text ? text : "", &err))
			page_fail(p, err.code == NB_ENOTFOUND ? 404 : 422, err.msg);
		else
			page_redirect(p, "/trigger");
		return;
	}
	if (p->posted || strcmp(p->req->path, "/trigger") != 0) {
		if (strcmp(p->req->path, "/trigger") != 0) {
			page_fail(p, 404, _("There is no such page in nabij."));
			return;
		}
		make(p, NB_TRIGGER, _("Trigger diary"), "/trigger", NULL, entry_from_form, trigger_form);
		return;
	}
	page_begin(p, _("Trigger diary"), "/trigger");
	h(p, "<h1>%s</h1><p class=\"intro\">%s</p>", _("Trigger diary"),
	  _("When a strong reaction comes: what happened, what it did, the need under it, and one small alternative. Later, how it went. Over time you see what returns."));
	trigger_form(p, NULL, "/trigger");
	if (page_ok(p, app_latest(p->w->app, NB_TRIGGER, TRIGGER_FEW + 1, &l, &err), &err) && l.n) {
		h(p, "<h2>%s</h2><ul class=\"diary\">", _("Earlier"));
		for (size_t i = 0; i < l.n && i < TRIGGER_FEW; i++) {
			const struct nb_trigger *t = &l.v[i]->u.trigger;
			char day[96];
			describe_day(l.v[i]->day, day, sizeof day);
			h(p, "<li><p><a href=\"/r/%l\">%s</a></p><p>%s</p>", l.v[i]->id, day, t->situation);
			if (t->need)
				h(p, "<p class=\"quiet\">%s: %s</p>", _("Need"), vocab_label(NB_VOCAB_NEED, t->need));
			if (t->outcome) {
				h(p, "<p>%s: %s</p>", _("How it went"), t->outcome);
			} else {
				char action[64];
				snprintf(action, sizeof action, "/trigger/%lld", (long long)l.v[i]->id);
				form_begin(p, action, "inline-form");
				h(p, "<label for=\"o-%l\">%s</label><input id=\"o-%l\" name=\"outcome\">",
				  l.v[i]->id, _("How did it go?"), l.v[i]->id);
				h(p, "<button type=\"submit\">%s</button></form>", _("Note"));
			}
			h(p, "</li>");
		}
		h(p, "</ul>");
		if (l.n > TRIGGER_FEW)	/* the rest is in the history, of this kind */
			h(p, "<p><a href=\"/history?type=trigger\">%s</a></p>", _("All of your trigger diary"));
	}
	entries_free(&l);
	page_end(p);
}
