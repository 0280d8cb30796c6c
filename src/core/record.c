/* Record lifetimes and validation; see record.h. */
#include "record.h"
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
	if (t == NB_CHECKIN)
		e->u.checkin.sleep_minutes = -1;
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
	switch (e->type) {
	case NB_CHECKIN: {
		struct nb_checkin *c = &e->u.checkin;
		items_clear(&c->body);
		items_clear(&c->emotions);
		items_clear(&c->needs);
		items_clear(&c->tags);
		free(c->state);
		free(c->note);
		break;
	}
	case NB_MOMENT: {
		struct nb_moment *m = &e->u.moment;
		free(m->kind);
		free(m->with);
		free(m->member_uid);
		free(m->safe);
		items_clear(&m->effects);
		free(m->note);
		break;
	}
	case NB_TRIGGER: {
		struct nb_trigger *t = &e->u.trigger;
		free(t->situation);
		free(t->reaction);
		free(t->emotion);
		free(t->need);
		free(t->alternative);
		free(t->outcome);
		break;
	}
	case NB_MEMBER:
		free(e->u.member.name);
		free(e->u.member.reach);
		free(e->u.member.helps);
		break;
	case NB_SESSION:
		free(e->u.session.exercise);
		free(e->u.session.pattern);
		free(e->u.session.with);
		free(e->u.session.member_uid);
		free(e->u.session.words);
		break;
	case NB_PHASE:
		free(e->u.phase.phase);
		free(e->u.phase.with);
		free(e->u.phase.member_uid);
		free(e->u.phase.note);
		break;
	case NB_REFLECTION:
		free(e->u.reflection.prompt);
		free(e->u.reflection.text);
		break;
	default:
		break;
	}
	memset(&e->u, 0, sizeof e->u);
	if (e->type == NB_CHECKIN)
		e->u.checkin.sleep_minutes = -1;
}

void entry_free(struct nb_entry *e)
{
	if (!e)
		return;
	entry_reset(e);
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

bool moment_is_wanted_touch(const struct nb_moment *m)
{
	size_t n;
	const char *const *k = moment_touch_kinds(&n);

	if (!m->kind || !m->safe || strcmp(m->safe, "yes") != 0)
		return false;
	for (size_t i = 0; i < n; i++)
		if (strcmp(m->kind, k[i]) == 0)
			return true;
	return false;
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

static const struct {
	const char *id;
	const char *label;
} fields[] = {
	{ "at", N_("time") },
	{ "since", N_("since") },
	{ "until", N_("until") },
	{ "limit", N_("limit") },
	{ "body", N_("body") },
	{ "place", N_("place in the body") },
	{ "emotion", N_("emotion") },
	{ "intensity", N_("intensity") },
	{ "need", N_("need") },
	{ "state", N_("state") },
	{ "mood", N_("mood") },
	{ "energy", N_("energy") },
	{ "tension", N_("tension") },
	{ "sleep-hours", N_("sleep hours") },
	{ "sleep-quality", N_("sleep quality") },
	{ "tag", N_("tag") },
	{ "note", N_("note") },
	{ "kind", N_("kind of moment") },
	{ "with", N_("with whom") },
	{ "seconds", N_("duration") },
	{ "safe", N_("felt safe") },
	{ "effect", N_("body effect") },
	{ "situation", N_("situation") },
	{ "reaction", N_("reaction") },
	{ "alternative", N_("alternative") },
	{ "outcome", N_("outcome") },
	{ "name", N_("name") },
	{ "reach", N_("how to reach") },
	{ "helps", N_("helps with") },
	{ "exercise", N_("exercise") },
	{ "tension-before", N_("tension before") },
	{ "tension-after", N_("tension after") },
	{ "prompt", N_("prompt") },
	{ "text", N_("text") },
	{ "pattern", N_("breathing rhythm") },
	{ "words", N_("your words") },
	{ "answers", N_("answers") },
	{ "phase", N_("phase") },
	{ "in", N_("breathing in") },
	{ "hold", N_("holding") },
	{ "out", N_("breathing out") },
	{ "rest", N_("rest after breathing out") },
	{ "minutes", N_("minutes") },
	{ "date", N_("date") },
};

const char *field_label(const char *field)
{
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (strcmp(fields[i].id, field) == 0)
			return _(fields[i].label);
	return field;
}

static enum nb_err check_scale(const char *field, int v, int lo, int hi,
			       bool optional, struct nb_error *err)
{
	char given[24];

	if ((optional && v == 0) || (v >= lo && v <= hi))
		return NB_OK;
	snprintf(given, sizeof given, "%d", v);
	return nb_error_set(err, NB_EINVAL, field,
			    _("%s must be a whole number from %d to %d (you gave \"%s\")."),
			    field_label(field), lo, hi, nb_shown(given));
}

static enum nb_err check_text(const char *field, const char *s, bool required,
			      size_t max, bool multiline, struct nb_error *err)
{
	if (!s || !*s) {
		if (!required)
			return NB_OK;
		return nb_error_set(err, NB_EINVAL, field, _("%s is needed here."),
				    field_label(field));
	}
	if (strlen(s) > max)
		return nb_error_set(err, NB_EINVAL, field,
				    _("%s is too long: at most %zu bytes, this is %zu."),
				    field_label(field), max, strlen(s));
	if (!nb_text_ok(s, multiline))
		return nb_error_set(err, NB_EINVAL, field,
				    _("%s contains characters that are not text (invalid UTF-8 or control characters)."),
				    field_label(field));
	return NB_OK;
}

static enum nb_err check_term(const char *field, enum nb_vocab v,
			      const char *s, bool required, struct nb_error *err)
{
	enum nb_err rc = check_text(field, s, required, NB_NAME_MAX, false, err);
	size_t n;
	const struct nb_term *t;

	if (rc || !s || !vocab_is_closed(v))
		return rc;
	t = vocab_terms(v, &n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, t[i].id) == 0)
			return NB_OK;
	{
		char allowed[512] = "";
		for (size_t i = 0; i < n; i++) {
			strncat(allowed, t[i].id, sizeof allowed - strlen(allowed) - 1);
			if (i + 1 < n)
				strncat(allowed, ", ", sizeof allowed - strlen(allowed) - 1);
		}
		return nb_error_set(err, NB_EINVAL, field,
				    _("%s: \"%s\" is not one of: %s."),
				    field_label(field), nb_shown(s), allowed);
	}
}

static enum nb_err check_items(const char *field, enum nb_vocab v,
			       const struct nb_items *l, struct nb_error *err)
{
	enum nb_err rc;

	if (l->n > NB_ITEMS_MAX)
		return nb_error_set(err, NB_EINVAL, field,
				    _("%s: at most %d, you gave %zu."),
				    field_label(field), NB_ITEMS_MAX, l->n);
	for (size_t i = 0; i < l->n; i++) {
		if ((rc = check_term(field, v, l->v[i].term, true, err)))
			return rc;
		if ((rc = check_term("place", NB_VOCAB_PLACE, l->v[i].place, false, err)))
			return rc;
		if ((rc = check_scale("intensity", l->v[i].intensity, NB_SCALE_MIN, NB_SCALE_MAX, true, err)))
			return rc;
	}
	return NB_OK;
}

bool checkin_is_empty(const struct nb_checkin *c)
{
	return !c->body.n && !c->emotions.n && !c->needs.n && !c->tags.n &&
	       !c->state && !c->mood && !c->energy && !c->tension &&
	       c->sleep_minutes < 0 && !c->sleep_quality && !(c->note && *c->note);
}

static enum nb_err check_checkin(const struct nb_checkin *c, struct nb_error *err)
{
	enum nb_err rc;
	char given[24];

	if ((rc = check_items("body", NB_VOCAB_SENSATION, &c->body, err)) ||
	    (rc = check_items("emotion", NB_VOCAB_EMOTION, &c->emotions, err)) ||
	    (rc = check_items("need", NB_VOCAB_NEED, &c->needs, err)) ||
	    (rc = check_items("tag", NB_VOCAB_FREE, &c->tags, err)) ||
	    (rc = check_term("state", NB_VOCAB_STATE, c->state, false, err)) ||
	    (rc = check_scale("mood", c->mood, NB_SCALE_MIN, NB_SCALE_MAX, true, err)) ||
	    (rc = check_scale("energy", c->energy, NB_SCALE_MIN, NB_SCALE_MAX, true, err)) ||
	    (rc = check_scale("tension", c->tension, NB_SCALE_MIN, NB_SCALE_MAX, true, err)) ||
	    (rc = check_scale("sleep-quality", c->sleep_quality, NB_SCALE_MIN, NB_SCALE_MAX, true, err)) ||
	    (rc = check_text("note", c->note, false, NB_TEXT_MAX, true, err)))
		return rc;
	if (c->sleep_minutes < -1 || c->sleep_minutes > 24 * 60) {
		snprintf(given, sizeof given, "%d", c->sleep_minutes);
		return nb_error_set(err, NB_EINVAL, "sleep-hours",
				    _("%s must be a number of hours from 0 to 24, like 7.5 or 7:30 (you gave \"%s\")."),
				    field_label("sleep-hours"), nb_shown(given));
	}
	if (checkin_is_empty(c))
		return nb_error_set(err, NB_EINVAL, "",
				    _("This check-in is still empty. Answer at least one question, even just your mood."));
	return NB_OK;
}

static enum nb_err check_seconds(const char *field, int v, int max, bool required,
				 struct nb_error *err)
{
	char given[24];

	if ((!required && v == 0) || (v >= 1 && v <= max))
		return NB_OK;
	snprintf(given, sizeof given, "%d", v);
	return nb_error_set(err, NB_EINVAL, field,
			    _("%s must be from 1 second to %d hours, in seconds (you gave %s)."),
			    field_label(field), max / 3600, given);
}


static enum nb_err check_moment(const struct nb_moment *m, struct nb_error *err)
{
	enum nb_err rc;

	if ((rc = check_term("kind", NB_VOCAB_MOMENT_KIND, m->kind, true, err)) ||
	    (rc = check_text("with", m->with, false, NB_NAME_MAX, false, err)) ||
	    (rc = check_seconds("seconds", m->seconds, NB_MOMENT_SECONDS_MAX, false, err)) ||
	    (rc = check_term("safe", NB_VOCAB_SAFE, m->safe, false, err)) ||
	    (rc = check_items("effect", NB_VOCAB_EFFECT, &m->effects, err)))
		return rc;
	return check_text("note", m->note, false, NB_TEXT_MAX, true, err);
}

static enum nb_err check_trigger(const struct nb_trigger *t, struct nb_error *err)
{
	enum nb_err rc;

	if ((rc = check_text("situation", t->situation, true, NB_TEXT_MAX, true, err)) ||
	    (rc = check_text("reaction", t->reaction, false, NB_TEXT_MAX, true, err)) ||
	    (rc = check_term("emotion", NB_VOCAB_EMOTION, t->emotion, false, err)) ||
	    (rc = check_term("need", NB_VOCAB_NEED, t->need, false, err)) ||
	    (rc = check_text("alternative", t->alternative, false, NB_TEXT_MAX, true, err)))
		return rc;
	return check_text("outcome", t->outcome, false, NB_TEXT_MAX, true, err);
}

static enum nb_err check_member(const struct nb_member *m, struct nb_error *err)
{
	enum nb_err rc;

	if ((rc = check_text("name", m->name, true, NB_NAME_MAX, false, err)) ||
	    (rc = check_text("reach", m->reach, false, NB_NAME_MAX, false, err)))
		return rc;
	return check_text("helps", m->helps, false, NB_NAME_MAX, false, err);
}

static enum nb_err check_session(const struct nb_session *s, struct nb_error *err)
{
	enum nb_err rc;

	if ((rc = check_term("exercise", NB_VOCAB_EXERCISE, s->exercise, true, err)) ||
	    (rc = check_seconds("seconds", s->seconds, NB_SESSION_SECONDS_MAX, false, err)) ||
	    (rc = check_scale("tension-before", s->tension_before, NB_SCALE_MIN, NB_SCALE_MAX, true, err)))
		return rc;
	if ((rc = check_scale("tension-after", s->tension_after, NB_SCALE_MIN, NB_SCALE_MAX, true, err)) ||
	    (rc = check_text("pattern", s->pattern, false, 32, false, err)) ||
	    (rc = check_text("with", s->with, false, NB_NAME_MAX, false, err)))
		return rc;
	return check_text("words", s->words, false, NB_TEXT_MAX, true, err);
}

static enum nb_err check_attachment(const struct nb_attachment *a, struct nb_error *err)
{
	for (int i = 0; i < NB_ATTACHMENT_ITEMS; i++) {
		enum nb_err rc = check_scale("answers", a->answers[i], 1, 7, false, err);
		if (rc)
			return rc;
	}
	return NB_OK;
}

static enum nb_err check_phase(const struct nb_phase *p, struct nb_error *err)
{
	enum nb_err rc;

	if ((rc = check_term("phase", NB_VOCAB_PHASE, p->phase, true, err)) ||
	    (rc = check_text("with", p->with, true, NB_NAME_MAX, false, err)))
		return rc;
	return check_text("note", p->note, false, NB_TEXT_MAX, true, err);
}

static enum nb_err check_reflection(const struct nb_reflection *r, struct nb_error *err)
{
	enum nb_err rc;

	if ((rc = check_text("prompt", r->prompt, false, NB_NAME_MAX, false, err)))
		return rc;
	return check_text("text", r->text, true, NB_TEXT_MAX, true, err);
}

enum nb_err entry_validate(const struct nb_entry *e, int64_t now,
			   struct nb_error *err)
{
	if (e->at.utc > now)
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
	switch (e->type) {
	case NB_CHECKIN:
		return check_checkin(&e->u.checkin, err);
	case NB_MOMENT:
		return check_moment(&e->u.moment, err);
	case NB_TRIGGER:
		return check_trigger(&e->u.trigger, err);
	case NB_MEMBER:
		return check_member(&e->u.member, err);
	case NB_SESSION:
		return check_session(&e->u.session, err);
	case NB_REFLECTION:
		return check_reflection(&e->u.reflection, err);
	case NB_ATTACHMENT:
		return check_attachment(&e->u.attachment, err);
	case NB_PHASE:
		return check_phase(&e->u.phase, err);
	default:
		return nb_error_set(err, NB_EINVAL, "type", _("Unknown kind of record."));
	}
}
