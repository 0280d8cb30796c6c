/*
 * The forms that make and change records: check-in, moment, trigger, and
 * the form of any kind whose page asks its rows (rows_form), each from its
 * rows. The posted fields go through the same parsers and validation as
 * the command line; a refused form comes back with everything the person
 * wrote and the field marked.
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
	if ((rc = nb_time_parse(at, p->app->now, "at", &st, &p->err)))
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

/* Whether the page's form shows row f of e: a row on the form, and a
 * row noted afterwards only once e exists. */
static bool shows(const struct nb_entry *e, const struct nb_field *f)
{
	return on_form(f) && !((f->flags & NB_FF_LATER) && !(e && e->id));
}

/* The part of the form row f is asked in: 0 with the rows asked first
 * (NB_FF_FIRST, and one noted by some when this person has, NB_FF_NOTED),
 * 1 with the others, 2 with the boxes to tick; -1 beneath the choices of
 * another row (.under). */
static int row_part(const struct nb_field *f, const struct rows_look *look)
{
	if ((f->flags & NB_FF_FIRST) || ((f->flags & NB_FF_NOTED) && look->noted))
		return 0;
	return f->under ? -1 : is_box(f) ? 2 : 1;
}

static void row_field(struct page *p, const struct nb_entry *e, enum nb_type t, const struct nb_field *f,
		      const struct rows_look *look);

/* The rows of kind t asked beneath the choices of row of (their .under),
 * each in a block the style sheet shows once of's term of that row's id is
 * ticked: a craving ticked among the emotions is asked how strong. */
static void rows_beneath(struct page *p, const struct nb_entry *e, enum nb_type t, const struct nb_field *of,
			 const struct rows_look *look)
{
	size_t n;
	const struct nb_field *f = fields_of(t, &n);

	for (size_t i = 0; i < n; i++)
		if (row_part(&f[i], look) < 0 && strcmp(f[i].under, of->id) == 0 && shows(e, &f[i])) {
			h(p, "<div class=\"%s-ask\">", f[i].id);
			row_field(p, e, t, &f[i], look);
			h(p, "</div>");
		}
}

/* Row f of kind t on the page's form, with e's value (or what was posted,
 * or for a new record a closed choice named in the query: /moment?kind=hug). */
static void row_field(struct page *p, const struct nb_entry *e, enum nb_type t, const struct nb_field *f,
		      const struct rows_look *look)
{
	const char *q = _(f->question ? f->question : f->ask), *hint = f->hint ? _(f->hint) : NULL;
	const char *name = field_flag_name(f);
	char other[64], b[8];

	if (f->flags & NB_FF_CHOICES) {
		char *words = others(e ? field_items_of(e, f) : NULL, f->vocab);
		w_choices(p, name, q, f->vocab, true, e ? field_items_of(e, f) : NULL, NULL);
		rows_beneath(p, e, t, f, look);
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
	} else if (f->type == NB_FT_SECONDS) {
		w_length(p, q, e ? field_int_of(e, f) : 0);
	} else if (f->type == NB_FT_SCALE && !f->low) {	/* a number, not a feeling */
		w_number(p, name, q, f->lo, f->hi, e ? field_int_of(e, f) : 0);
	} else if (f->type == NB_FT_SCALE) {
		w_scale_field(p, f, scale_shown(p, f->id, e ? field_int_of(e, f) : 0, b));
	} else {	/* in words: a term, a text, a list, hours */
		struct nb_buf v = { 0 };
		if (e)
			field_typed(e, f, &v);
		w_text(p, name, q, hint, shown(p, name, v.s), f->type == NB_FT_TEXT);
		buf_free(&v);
	}
}

/* Whether e answers a row of kind t in the fold of this title. */
static bool fold_answered(const struct nb_entry *e, enum nb_type t, const char *fold)
{
	size_t n;
	const struct nb_field *f = fields_of(t, &n);

	for (size_t i = 0; e && i < n; i++)
		if (f[i].fold && strcmp(f[i].fold, fold) == 0 && field_answered(e, &f[i]))
			return true;
	return false;
}

/* From the fold of the row before (was, or NULL) to the fold of the next
 * (now): the one closed, the other begun, open when the form was posted or
 * one of its rows is answered. Returns now. */
static const char *fold_to(struct page *p, const struct nb_entry *e, enum nb_type t, const char *was,
			   const char *now)
{
	if (was && now && strcmp(was, now) == 0)
		return now;
	if (was)
		h(p, "</details>");
	if (now)
		h(p, "<details%r><summary>%s</summary>", p->posted || fold_answered(e, t, now) ? " open" : "", _(now));
	return now;
}

void rows_form(struct page *p, const struct nb_entry *e, enum nb_type t, const char *action,
	       const struct rows_look *look)
{
	size_t n;
	const struct nb_field *f = fields_of(t, &n), **v = xcalloc(n, sizeof *v);
	const char *fold = NULL;
	char at[20];

	for (size_t i = 0; i < n; i++) {	/* by .order, the table's order among equals */
		size_t k = i;
		for (; k > 0 && v[k - 1]->order > f[i].order; k--)
			v[k] = v[k - 1];
		v[k] = &f[i];
	}
	form_begin(p, action, look->klass);
	form_errors(p);
	if (look->first)
		h(p, "<p class=\"quiet\">%s</p>", look->first);
	for (int part = 0; part < 3; part++)	/* first, then the others, the boxes last */
		for (size_t i = 0; i < n; i++)
			if (row_part(v[i], look) == part && shows(e, v[i])) {
				fold = fold_to(p, e, t, fold, v[i]->fold);
				row_field(p, e, t, v[i], look);
			}
	fold_to(p, e, t, fold, NULL);
	if (look->after)
		look->after(p, e, look->ctx);
	if (look->when) {
		local_value(e, at);
		h(p, "<details><summary>%s</summary>", _("Another date or time"));
		w_datetime(p, "at", _("Date and time"), shown(p, "at", at));
		h(p, "</details>");
	}
	form_end(p, look->button);
	free(v);
}

void checkin_form(struct page *p, const struct nb_entry *e, const char *action)
{
	struct rows_look look = { .klass = "checkin", .button = _("Save the check-in"), .when = true };
	struct nb_error err;

	if (!page_ok(p, app_craving_first(p->app, &look.noted, &err), &err))
		look.noted = false;	/* then asked after the feelings, as for anyone */
	rows_form(p, e, NB_CHECKIN, action, &look);
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
		if (!from(p, e) && !app_add(p->app, e, &p->err)) {
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
		if (app_trigger_outcome(p->app, id, text ? text : "", &err))
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
	if (page_ok(p, app_latest(p->app, NB_TRIGGER, TRIGGER_FEW + 1, &l, &err), &err) && l.n) {
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
