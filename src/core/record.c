/* Record lifetimes and validation; see record.h. */
#include "record.h"
#include "experiment.h"
#include "field.h"
#include "i18n.h"
#include "vocab.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const type_ids[NB_TYPE__COUNT] = {
	[NB_CHECKIN] = "checkin",
	[NB_MOMENT] = "moment",
	[NB_TRIGGER] = "trigger",
	[NB_MEMBER] = "member",
	[NB_SESSION] = "session",
	[NB_REFLECTION] = "reflection",
	[NB_ATTACHMENT] = "attachment",
	[NB_PHASE] = "phase",
	[NB_EXPERIMENT] = "experiment",
};

static const char *const type_labels[NB_TYPE__COUNT] = {
	[NB_CHECKIN] = N_("check-in"),
	[NB_MOMENT] = N_("moment"),
	[NB_TRIGGER] = N_("trigger"),
	[NB_MEMBER] = N_("circle member"),
	[NB_SESSION] = N_("exercise"),
	[NB_REFLECTION] = N_("reflection"),
	[NB_ATTACHMENT] = N_("attachment reflection"),
	[NB_PHASE] = N_("relationship phase"),
	[NB_EXPERIMENT] = N_("experiment"),
};

const char *entry_type_id(enum nb_type t)
{
	return t > NB_TYPE_NONE && t < NB_TYPE__COUNT ? type_ids[t] : "none";
}

const char *entry_type_label(enum nb_type t)
{
	return t > NB_TYPE_NONE && t < NB_TYPE__COUNT ? _(type_labels[t]) : "";
}

enum nb_type entry_type_parse(const char *s)
{
	if (!s)
		return NB_TYPE_NONE;
	for (int t = NB_CHECKIN; t < NB_TYPE__COUNT; t++)
		if (strcmp(s, type_ids[t]) == 0)
			return (enum nb_type)t;
	if (strcmp(s, "circle") == 0)
		return NB_MEMBER;
	if (strcmp(s, "exercise") == 0)
		return NB_SESSION;
	return NB_TYPE_NONE;
}

struct nb_entry *entry_new(enum nb_type t)
{
	struct nb_entry *e = xcalloc(1, sizeof *e);

	e->type = t;
	fields_init(e);
	return e;
}

void items_add(struct nb_items *l, const char *term, const char *place,
	       int intensity)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 4;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n].term = xstrdup(term);
	l->v[l->n].place = xstrdup(place);
	l->v[l->n].intensity = intensity;
	l->n++;
}

void items_clear(struct nb_items *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].term);
		free(l->v[i].place);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

void entry_reset(struct nb_entry *e)
{
	fields_reset(e);
}

void entry_free(struct nb_entry *e)
{
	if (!e)
		return;
	fields_free(e);
	free(e);
}

void entry_set_time(struct nb_entry *e, struct nb_stamp st)
{
	e->at = st;
	nb_day_key(st, e->day);
}

void entries_push(struct nb_entries *l, struct nb_entry *e)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = e;
}

void entries_free(struct nb_entries *l)
{
	for (size_t i = 0; i < l->n; i++)
		entry_free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

static const char *const touch_kinds[] = { "hug", "hand", "arm", "animal", "massage" };

const char *const *moment_touch_kinds(size_t *n)
{
	*n = sizeof touch_kinds / sizeof touch_kinds[0];
	return touch_kinds;
}

static const char *const self_kinds[] = { "self" };

const char *const *moment_self_kinds(size_t *n)
{
	*n = sizeof self_kinds / sizeof self_kinds[0];
	return self_kinds;
}

/* A moment of one of the n kinds k that felt safe ("yes"). */
static bool safe_kind(const struct nb_moment *m, const char *const *k, size_t n)
{
	if (!m->kind || !m->safe || strcmp(m->safe, "yes") != 0)
		return false;
	for (size_t i = 0; i < n; i++)
		if (strcmp(m->kind, k[i]) == 0)
			return true;
	return false;
}

bool moment_is_self_touch(const struct nb_moment *m)
{
	size_t n;
	const char *const *k = moment_self_kinds(&n);

	return safe_kind(m, k, n);
}

bool moment_is_wanted_touch(const struct nb_moment *m)
{
	size_t n;
	const char *const *k = moment_touch_kinds(&n);

	return safe_kind(m, k, n);
}

bool nb_text_ok(const char *s, bool multiline)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		unsigned c = *p;
		int extra;
		unsigned cp;

		if (c < 0x80) {
			if ((c < 0x20 && !(multiline && (c == '\n' || c == '\t' || c == '\r'))) || c == 0x7f)
				return false;
			p++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			extra = 1;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			extra = 2;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			extra = 3;
			cp = c & 0x07;
		} else {
			return false;
		}
		for (int i = 1; i <= extra; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return false;
			cp = (cp << 6) | (p[i] & 0x3f);
		}
		if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return false;
		p += extra + 1;
	}
	return true;
}

/* The names of what is not a field of a record (those are in field.c). */
static const struct {
	const char *id;
	const char *label;
} others[] = {
	{ "at", N_("time") },
	{ "since", N_("since") },
	{ "until", N_("until") },
	{ "limit", N_("limit") },
	{ "place", N_("place in the body") },
	{ "intensity", N_("intensity") },
	{ "in", N_("breathing in") },
	{ "hold", N_("holding") },
	{ "out", N_("breathing out") },
	{ "rest", N_("rest after breathing out") },
	{ "minutes", N_("minutes") },
	{ "date", N_("date") },
};

const char *field_label(const char *field)
{
	const char *name;

	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
		if (strcmp(others[i].id, field) == 0)
			return _(others[i].label);
	name = field_name(field);
	return name ? name : field;
}

bool checkin_is_empty(const struct nb_checkin *c)
{
	struct nb_entry e = { .type = NB_CHECKIN, .u.checkin = *c };
	size_t n;
	const struct nb_field *f = fields_of(NB_CHECKIN, &n);

	for (size_t i = 0; i < n; i++)
		if (field_answered(&e, &f[i]))
			return false;
	return true;
}

void entry_settle(struct nb_entry *e)
{
	struct nb_checkin *c = &e->u.checkin;

	if (e->type != NB_CHECKIN || c->craving)
		return;
	for (size_t i = 0; i < c->emotions.n; i++)
		if (strcmp(c->emotions.v[i].term, "craving") == 0 && c->emotions.v[i].intensity > 0)
			c->craving = c->emotions.v[i].intensity;
}

enum nb_err entry_validate(const struct nb_entry *e, int64_t now,
			   struct nb_error *err)
{
	enum nb_err rc;

	/* an experiment's time is the first day of its plan, which may lie
	 * ahead (to the end of the last day a start accepts) */
	if (e->at.utc > now + (e->type == NB_EXPERIMENT ? (NB_EXP_AHEAD_MAX + 1) * 86400 : 0))
		return nb_error_set(err, NB_EINVAL, "at",
				    _("%s lies in the future; you can only record what has already happened."),
				    field_label("at"));
	if (e->at.utc < NB_YEAR_2000)
		return nb_error_set(err, NB_EINVAL, "at",
				    _("%s is before the year 2000; please give a date from 2000 on."),
				    field_label("at"));
	if (e->at.offset < -14 * 3600 || e->at.offset > 14 * 3600)
		return nb_error_set(err, NB_EINVAL, "at",
				    _("%s has a UTC offset beyond 14 hours."), field_label("at"));
	if ((rc = fields_validate(e, err)))
		return rc;
	if (e->type == NB_CHECKIN && checkin_is_empty(&e->u.checkin))
		return nb_error_set(err, NB_EINVAL, "",
				    _("This check-in is still empty. Answer at least one question, even just your mood."));
	return NB_OK;
}
