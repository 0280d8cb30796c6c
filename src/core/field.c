/*
 * The fields of every record kind and the measures of a day; see field.h.
 * A const table rather than X-macros: the tables are data that code walks
 * at run time (to bind SQL, write JSON, ask questions), and a row reads as
 * a row. Only the measures are a macro list, because arrays and an enum
 * are sized by them at compile time.
 */
#include "field.h"
#include "care.h"
#include "i18n.h"
#include "parse.h"
#include "describe.h"
#include "xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define AT(member) offsetof(struct nb_entry, u.member)

static const struct nb_field checkin[] = {
	{ "body", "body", NULL, "body", NB_FT_ITEMS, AT(checkin.body), NB_VOCAB_SENSATION, 0, 0, 0,
	  NB_FF_SEARCH, N_("body"), N_("Body"), NULL, NULL,
	  N_("Body: what do you feel, and where? For example: tension@shoulders, tiredness"), NULL },
	{ "emotion", "emotions", NULL, "emotion", NB_FT_ITEMS, AT(checkin.emotions), NB_VOCAB_EMOTION, 0, 0, 0,
	  NB_FF_SEARCH, N_("emotion"), N_("Emotions"), NULL, NULL,
	  N_("Emotion: which emotions are here? Add :1-5 for how strong, e.g. sadness:3"), NULL },
	{ "need", "needs", NULL, "need", NB_FT_TERMS, AT(checkin.needs), NB_VOCAB_NEED, 0, 0, 0,
	  NB_FF_SEARCH, N_("need"), N_("Needs"), NULL, NULL, N_("Need: what do you need today?"), NULL },
	{ "state", "state", NULL, "state", NB_FT_TERM, AT(checkin.state), NB_VOCAB_STATE, 0, 0, 0,
	  0, N_("state"), N_("State"), NULL, NULL, N_("Where are you right now?"), NULL },
	{ "mood", "mood", NULL, "mood", NB_FT_SCALE, AT(checkin.mood), 0, NB_SCALE_MIN, NB_SCALE_MAX, 0,
	  NB_FF_FIRST, N_("mood"), N_("Mood"), N_("1 very low"), N_("5 very good"),
	  N_("Mood, 1 (very low) to 5 (very good): "), NULL },
	{ "energy", "energy", NULL, "energy", NB_FT_SCALE, AT(checkin.energy), 0, NB_SCALE_MIN, NB_SCALE_MAX, 0,
	  0, N_("energy"), N_("Energy"), N_("1 empty"), N_("5 full"),
	  N_("Energy, 1 (empty) to 5 (full): "), NULL },
	{ "tension", "tension", NULL, "tension", NB_FT_SCALE, AT(checkin.tension), 0, NB_SCALE_MIN, NB_SCALE_MAX, 0,
	  NB_FF_FIRST, N_("tension"), N_("Tension"), N_("1 relaxed"), N_("5 very tense"),
	  N_("Tension, 1 (relaxed) to 5 (very tense): "), NULL },
	{ "sleep-hours", "sleep_minutes", "sleep_hours", "sleep_minutes", NB_FT_MINUTES, AT(checkin.sleep_minutes),
	  0, 0, 24 * 60, 0, 0, N_("sleep hours"), N_("Sleep"), NULL, NULL,
	  N_("Sleep last night, in hours (e.g. 7.5): "), N_("For example 7.5 or 7:30") },
	{ "sleep-quality", "sleep_quality", NULL, "sleep_quality", NB_FT_SCALE, AT(checkin.sleep_quality), 0,
	  NB_SCALE_MIN, NB_SCALE_MAX, 0, 0, N_("sleep quality"), N_("Sleep quality"), N_("1 poor"), N_("5 good"),
	  N_("Sleep quality, 1 (poor) to 5 (good): "), NULL },
	{ "tag", "tags", NULL, "tag", NB_FT_TERMS, AT(checkin.tags), NB_VOCAB_FREE, 0, 0, 0,
	  NB_FF_SEARCH, N_("tag"), N_("Tags"), NULL, NULL,
	  N_("Tags, such as what you did (comma separated): "), NULL },
	{ "note", "note", NULL, "note", NB_FT_TEXT, AT(checkin.note), 0, 0, 0, 0,
	  NB_FF_SEARCH, N_("note"), N_("Note"), NULL, NULL, N_("A note, if you like: "), NULL },
};

static const struct nb_field moment[] = {
	{ "kind", "kind", NULL, "kind", NB_FT_TERM, AT(moment.kind), NB_VOCAB_MOMENT_KIND, 0, 0, 0,
	  NB_FF_REQUIRED | NB_FF_SEARCH, N_("kind of moment"), N_("Kind"), NULL, NULL, NULL, NULL },
	{ "with", "with", NULL, "with_whom", NB_FT_LINE, AT(moment.with), 0, 0, 0, 0,
	  NB_FF_SEARCH, N_("with whom"), N_("With"), NULL, NULL, NULL, NULL },
	{ "member", "member", "", "member_id", NB_FT_MEMBER, AT(moment.member_uid), 0, 0, 0, 0,
	  0, N_("circle member"), NULL, NULL, NULL, NULL, NULL },
	{ "seconds", "seconds", NULL, "seconds", NB_FT_SECONDS, AT(moment.seconds), 0, 0, NB_MOMENT_SECONDS_MAX, 0,
	  0, N_("duration"), N_("How long"), NULL, NULL, NULL, NULL },
	{ "safe", "safe", NULL, "safe", NB_FT_TERM, AT(moment.safe), NB_VOCAB_SAFE, 0, 0, 0,
	  0, N_("felt safe"), N_("Felt safe"), NULL, NULL, NULL, NULL },
	{ "effect", "effects", NULL, "effect", NB_FT_TERMS, AT(moment.effects), NB_VOCAB_EFFECT, 0, 0, 0,
	  NB_FF_SEARCH, N_("body effect"), N_("In the body"), NULL, NULL, NULL, NULL },
	{ "note", "note", NULL, "note", NB_FT_TEXT, AT(moment.note), 0, 0, 0, 0,
	  NB_FF_SEARCH, N_("note"), N_("Note"), NULL, NULL, NULL, NULL },
};

static const struct nb_field trigger[] = {
	{ "situation", "situation", NULL, "situation", NB_FT_TEXT, AT(trigger.situation), 0, 0, 0, 0,
	  NB_FF_REQUIRED | NB_FF_SEARCH, N_("situation"), N_("Situation"), NULL, NULL, NULL, NULL },
	{ "reaction", "reaction", NULL, "reaction", NB_FT_TEXT, AT(trigger.reaction), 0, 0, 0, 0,
	  NB_FF_SEARCH, N_("reaction"), N_("Reaction"), NULL, NULL, NULL, NULL },
	{ "emotion", "emotion", NULL, "emotion", NB_FT_TERM, AT(trigger.emotion), NB_VOCAB_EMOTION, 0, 0, 0,
	  NB_FF_SEARCH, N_("emotion"), N_("Emotion"), NULL, NULL, NULL, NULL },
	{ "need", "need", NULL, "need", NB_FT_TERM, AT(trigger.need), NB_VOCAB_NEED, 0, 0, 0,
	  NB_FF_SEARCH, N_("need"), N_("Need"), NULL, NULL, NULL, NULL },
	{ "alternative", "alternative", NULL, "alternative", NB_FT_TEXT, AT(trigger.alternative), 0, 0, 0, 0,
	  NB_FF_SEARCH, N_("alternative"), N_("Alternative"), NULL, NULL, NULL, NULL },
	{ "outcome", "outcome", NULL, "outcome", NB_FT_TEXT, AT(trigger.outcome), 0, 0, 0, 0,
	  NB_FF_SEARCH, N_("outcome"), N_("How it went"), NULL, NULL, NULL, NULL },
};

static const struct nb_field member[] = {
	{ "place", "place", NULL, "place", NB_FT_FLAG, AT(member.place), 0, 0, 0, 0,
	  NB_FF_NOTNULL, N_("place"), N_("Is a"), N_("person"), N_("place"), NULL, NULL },
	{ "name", "name", NULL, "name", NB_FT_LINE, AT(member.name), 0, 0, 0, 0,
	  NB_FF_REQUIRED | NB_FF_SEARCH, N_("name"), N_("Name"), NULL, NULL, NULL, NULL },
	{ "reach", "reach", NULL, "reach", NB_FT_LINE, AT(member.reach), 0, 0, 0, 0,
	  NB_FF_SEARCH, N_("how to reach"), N_("How to reach"), NULL, NULL, NULL, NULL },
	{ "helps", "helps", NULL, "helps", NB_FT_LINE, AT(member.helps), 0, 0, 0, 0,
	  NB_FF_SEARCH, N_("helps with"), N_("Helps with"), NULL, NULL, NULL, NULL },
};

static const struct nb_field session[] = {
	{ "exercise", "exercise", NULL, "exercise", NB_FT_TERM, AT(session.exercise), NB_VOCAB_EXERCISE, 0, 0, 0,
	  NB_FF_REQUIRED | NB_FF_SEARCH, N_("exercise"), N_("Exercise"), NULL, NULL, NULL, NULL },
	{ "seconds", "seconds", NULL, "seconds", NB_FT_SECONDS, AT(session.seconds), 0, 0, NB_SESSION_SECONDS_MAX, 0,
	  NB_FF_NOTNULL, N_("duration"), N_("How long"), NULL, NULL, NULL, NULL },
	{ "tension-before", "tension_before", NULL, "tension_before", NB_FT_SCALE, AT(session.tension_before), 0,
	  NB_SCALE_MIN, NB_SCALE_MAX, 0, 0, N_("tension before"), N_("Tension before"),
	  N_("1 relaxed"), N_("5 very tense"), NULL, NULL },
	{ "tension-after", "tension_after", NULL, "tension_after", NB_FT_SCALE, AT(session.tension_after), 0,
	  NB_SCALE_MIN, NB_SCALE_MAX, 0, 0, N_("tension after"), N_("Tension after"),
	  N_("1 relaxed"), N_("5 very tense"), NULL, NULL },
	{ "pattern", "pattern", NULL, "pattern", NB_FT_LINE, AT(session.pattern), 0, 0, 0, 32,
	  0, N_("breathing rhythm"), N_("Rhythm"), NULL, NULL, NULL, NULL },
	{ "with", "with", NULL, "with_whom", NB_FT_LINE, AT(session.with), 0, 0, 0, 0,
	  NB_FF_SEARCH, N_("with whom"), N_("With"), NULL, NULL, NULL, NULL },
	{ "member", "member", "", "member_id", NB_FT_MEMBER, AT(session.member_uid), 0, 0, 0, 0,
	  0, N_("circle member"), NULL, NULL, NULL, NULL, NULL },
	{ "words", "words", NULL, "words", NB_FT_TEXT, AT(session.words), 0, 0, 0, 0,
	  NB_FF_SEARCH, N_("your words"), N_("Your words"), NULL, NULL, NULL, NULL },
};

static const struct nb_field reflection[] = {
	{ "prompt", "prompt", NULL, "prompt", NB_FT_PROMPT, AT(reflection.prompt), 0, 0, 0, 0,
	  0, N_("prompt"), N_("Question"), NULL, NULL, NULL, NULL },
	{ "text", "text", NULL, "text", NB_FT_TEXT, AT(reflection.text), 0, 0, 0, 0,
	  NB_FF_REQUIRED | NB_FF_SEARCH, N_("text"), N_("Text"), NULL, NULL, NULL, NULL },
};

static const struct nb_field attachment[] = {
	{ "answers", "answers", NULL, "answers", NB_FT_ANSWERS, AT(attachment.answers), 0, 1, 7, 0,
	  NB_FF_REQUIRED, N_("answers"), NULL, NULL, NULL, NULL, NULL },
};

static const struct nb_field phase[] = {
	{ "phase", "phase", NULL, "phase", NB_FT_TERM, AT(phase.phase), NB_VOCAB_PHASE, 0, 0, 0,
	  NB_FF_REQUIRED, N_("phase"), N_("Phase"), NULL, NULL, NULL, NULL },
	{ "with", "with", NULL, "with_whom", NB_FT_LINE, AT(phase.with), 0, 0, 0, 0,
	  NB_FF_REQUIRED | NB_FF_SEARCH, N_("with whom"), N_("With"), NULL, NULL, NULL, NULL },
	{ "member", "member", "", "member_id", NB_FT_MEMBER, AT(phase.member_uid), 0, 0, 0, 0,
	  0, N_("circle member"), NULL, NULL, NULL, NULL, NULL },
	{ "note", "note", NULL, "note", NB_FT_TEXT, AT(phase.note), 0, 0, 0, 0,
	  NB_FF_SEARCH, N_("note"), N_("Note"), NULL, NULL, NULL, NULL },
};

#define KIND(t, a) [t] = { a, sizeof a / sizeof a[0] }

static const struct {
	const struct nb_field *v;
	size_t n;
} kinds[NB_TYPE__COUNT] = {
	KIND(NB_CHECKIN, checkin), KIND(NB_MOMENT, moment), KIND(NB_TRIGGER, trigger),
	KIND(NB_MEMBER, member), KIND(NB_SESSION, session), KIND(NB_REFLECTION, reflection),
	KIND(NB_ATTACHMENT, attachment), KIND(NB_PHASE, phase),
};

static const struct nb_measure_info measures[NB_M__COUNT] = {
	[NB_M_MOOD] = { "mood", "mood", 1, NB_SCALE_MIN, NB_SCALE_MAX, NB_MF_CHART,
			N_("Mood"), N_("mood"), N_(" · mood %s") },
	[NB_M_TENSION] = { "tension", "tension", 1, NB_SCALE_MIN, NB_SCALE_MAX, NB_MF_CHART,
			   N_("Tension"), N_("tension"), N_(" · tension %s") },
	[NB_M_ENERGY] = { "energy", "energy", 1, NB_SCALE_MIN, NB_SCALE_MAX, 0, N_("Energy"), N_("energy"),
			  N_(" · energy %s") },
	[NB_M_SLEEP_QUALITY] = { "sleep_quality", "sleep-quality", 1, NB_SCALE_MIN, NB_SCALE_MAX, 0,
				 N_("Sleep quality"), N_("sleep quality"), N_(" (quality %s)") },
	[NB_M_SLEEP_HOURS] = { "sleep_hours", "sleep-hours", 60, 0, 12, NB_MF_CHART,
			       N_("Sleep, hours"), N_("sleep in hours"), N_(" · sleep %s h") },
};

const struct nb_field *fields_of(enum nb_type t, size_t *n)
{
	if (t <= NB_TYPE_NONE || t >= NB_TYPE__COUNT) {
		*n = 0;
		return NULL;
	}
	*n = kinds[t].n;
	return kinds[t].v;
}

const struct nb_field *field_find(enum nb_type t, const char *id)
{
	size_t n;
	const struct nb_field *f = fields_of(t, &n);

	for (size_t i = 0; id && i < n; i++)
		if (strcmp(f[i].id, id) == 0)
			return &f[i];
	return NULL;
}

const char *field_name(const char *id)
{
	for (int t = NB_CHECKIN; t < NB_TYPE__COUNT; t++) {
		const struct nb_field *f = field_find((enum nb_type)t, id);
		if (f)
			return _(f->name);
	}
	return NULL;
}

int *field_int(struct nb_entry *e, const struct nb_field *f)
{
	return (int *)((char *)e + f->offset);
}

char **field_str(struct nb_entry *e, const struct nb_field *f)
{
	return (char **)((char *)e + f->offset);
}

struct nb_items *field_items(struct nb_entry *e, const struct nb_field *f)
{
	return (struct nb_items *)((char *)e + f->offset);
}

bool *field_flag(struct nb_entry *e, const struct nb_field *f)
{
	return (bool *)((char *)e + f->offset);
}

int field_int_of(const struct nb_entry *e, const struct nb_field *f)
{
	return *(const int *)((const char *)e + f->offset);
}

const char *field_str_of(const struct nb_entry *e, const struct nb_field *f)
{
	return *(char *const *)((const char *)e + f->offset);
}

const struct nb_items *field_items_of(const struct nb_entry *e, const struct nb_field *f)
{
	return (const struct nb_items *)((const char *)e + f->offset);
}

bool field_flag_of(const struct nb_entry *e, const struct nb_field *f)
{
	return *(const bool *)((const char *)e + f->offset);
}

int field_unset(const struct nb_field *f)
{
	return f->type == NB_FT_MINUTES ? -1 : 0;
}

bool field_answered(const struct nb_entry *e, const struct nb_field *f)
{
	switch (f->type) {
	case NB_FT_SCALE:
	case NB_FT_SECONDS:
	case NB_FT_MINUTES:
		return field_int_of(e, f) != field_unset(f);
	case NB_FT_TERM:
	case NB_FT_LINE:
	case NB_FT_TEXT:
	case NB_FT_PROMPT:
	case NB_FT_MEMBER: {
		const char *s = field_str_of(e, f);
		return s && *s;
	}
	case NB_FT_ITEMS:
	case NB_FT_TERMS:
		return field_items_of(e, f)->n > 0;
	case NB_FT_FLAG:
	case NB_FT_ANSWERS:
		return true;
	}
	return false;
}

void fields_reset(struct nb_entry *e)
{
	size_t n;
	const struct nb_field *f = fields_of(e->type, &n);

	for (size_t i = 0; i < n; i++)
		switch (f[i].type) {
		case NB_FT_TERM:
		case NB_FT_LINE:
		case NB_FT_TEXT:
		case NB_FT_PROMPT:
		case NB_FT_MEMBER:
			free(*field_str(e, &f[i]));
			break;
		case NB_FT_ITEMS:
		case NB_FT_TERMS:
			items_clear(field_items(e, &f[i]));
			break;
		case NB_FT_SCALE:
		case NB_FT_SECONDS:
		case NB_FT_MINUTES:
		case NB_FT_FLAG:
		case NB_FT_ANSWERS:
			break;
		}
	memset(&e->u, 0, sizeof e->u);
	for (size_t i = 0; i < n; i++)
		if (f[i].type == NB_FT_MINUTES)
			*field_int(e, &f[i]) = -1;
}

/* --- checking ------------------------------------------------------------ */

static const char *named(const char *id)
{
	return field_label(id);
}

static enum nb_err check_scale(const char *id, int v, int lo, int hi, bool optional,
			       struct nb_error *err)
{
	char given[24];

	if ((optional && v == 0) || (v >= lo && v <= hi))
		return NB_OK;
	snprintf(given, sizeof given, "%d", v);
	return nb_error_set(err, NB_EINVAL, id,
			    _("%s must be a whole number from %d to %d (you gave \"%s\")."),
			    named(id), lo, hi, nb_shown(given));
}

static enum nb_err check_text(const char *id, const char *s, bool required, size_t max,
			      bool multiline, struct nb_error *err)
{
	if (!s || !*s) {
		if (!required)
			return NB_OK;
		return nb_error_set(err, NB_EINVAL, id, _("%s is needed here."), named(id));
	}
	if (strlen(s) > max)
		return nb_error_set(err, NB_EINVAL, id,
				    _("%s is too long: at most %zu bytes, this is %zu."),
				    named(id), max, strlen(s));
	if (!nb_text_ok(s, multiline))
		return nb_error_set(err, NB_EINVAL, id,
				    _("%s contains characters that are not text (invalid UTF-8 or control characters)."),
				    named(id));
	return NB_OK;
}

static enum nb_err check_term(const char *id, enum nb_vocab v, const char *s, bool required,
			      struct nb_error *err)
{
	enum nb_err rc = check_text(id, s, required, NB_NAME_MAX, false, err);
	char allowed[512] = "";
	size_t n;
	const struct nb_term *t;

	if (rc || !s || !vocab_is_closed(v))
		return rc;
	t = vocab_terms(v, &n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, t[i].id) == 0)
			return NB_OK;
	for (size_t i = 0; i < n; i++) {
		strncat(allowed, t[i].id, sizeof allowed - strlen(allowed) - 1);
		if (i + 1 < n)
			strncat(allowed, ", ", sizeof allowed - strlen(allowed) - 1);
	}
	return nb_error_set(err, NB_EINVAL, id, _("%s: \"%s\" is not one of: %s."), named(id),
			    nb_shown(s), allowed);
}

static enum nb_err check_items(const char *id, enum nb_vocab v, const struct nb_items *l,
			       struct nb_error *err)
{
	enum nb_err rc;

	if (l->n > NB_ITEMS_MAX)
		return nb_error_set(err, NB_EINVAL, id, _("%s: at most %d, you gave %zu."), named(id),
				    NB_ITEMS_MAX, l->n);
	for (size_t i = 0; i < l->n; i++) {
		if ((rc = check_term(id, v, l->v[i].term, true, err)) ||
		    (rc = check_term("place", NB_VOCAB_PLACE, l->v[i].place, false, err)) ||
		    (rc = check_scale("intensity", l->v[i].intensity, NB_SCALE_MIN, NB_SCALE_MAX, true, err)))
			return rc;
	}
	return NB_OK;
}

static enum nb_err check_field(const struct nb_entry *e, const struct nb_field *f,
			       struct nb_error *err)
{
	bool required = f->flags & NB_FF_REQUIRED;
	char given[24];
	int v;

	switch (f->type) {
	case NB_FT_SCALE:
		return check_scale(f->id, field_int_of(e, f), f->lo, f->hi, !required, err);
	case NB_FT_SECONDS:
		v = field_int_of(e, f);
		if ((!required && v == 0) || (v >= 1 && v <= f->hi))
			return NB_OK;
		snprintf(given, sizeof given, "%d", v);
		return nb_error_set(err, NB_EINVAL, f->id,
				    _("%s must be from 1 second to %d hours, in seconds (you gave %s)."),
				    named(f->id), f->hi / 3600, given);
	case NB_FT_MINUTES:
		v = field_int_of(e, f);
		if (v >= -1 && v <= f->hi)
			return NB_OK;
		snprintf(given, sizeof given, "%d", v);
		return nb_error_set(err, NB_EINVAL, f->id,
				    _("%s must be a number of hours from 0 to 24, like 7.5 or 7:30 (you gave \"%s\")."),
				    named(f->id), nb_shown(given));
	case NB_FT_TERM:
		return check_term(f->id, f->vocab, field_str_of(e, f), required, err);
	case NB_FT_LINE:
		return check_text(f->id, field_str_of(e, f), required, f->max ? f->max : NB_NAME_MAX,
				  false, err);
	case NB_FT_PROMPT:
		return check_text(f->id, field_str_of(e, f), required, NB_NAME_MAX, false, err);
	case NB_FT_TEXT:
		return check_text(f->id, field_str_of(e, f), required, NB_TEXT_MAX, true, err);
	case NB_FT_ITEMS:
	case NB_FT_TERMS:
		return check_items(f->id, f->vocab, field_items_of(e, f), err);
	case NB_FT_ANSWERS: {
		const int *a = (const int *)((const char *)e + f->offset);
		enum nb_err rc;
		for (int i = 0; i < NB_ATTACHMENT_ITEMS; i++)
			if ((rc = check_scale(f->id, a[i], f->lo, f->hi, false, err)))
				return rc;
		return NB_OK;
	}
	case NB_FT_FLAG:
	case NB_FT_MEMBER:
		return NB_OK;
	}
	return NB_OK;
}

enum nb_err fields_validate(const struct nb_entry *e, struct nb_error *err)
{
	size_t n;
	const struct nb_field *f = fields_of(e->type, &n);
	enum nb_err rc;

	if (!f)
		return nb_error_set(err, NB_EINVAL, "type", _("Unknown kind of record."));
	for (size_t i = 0; i < n; i++)
		if ((rc = check_field(e, &f[i], err)))
			return rc;
	return NB_OK;
}

/* --- from and to words --------------------------------------------------- */

static bool no_answer(const char *s)
{
	return !*s || strcmp(s, "-") == 0 || strcmp(s, "none") == 0;
}

enum nb_err field_parse(struct nb_entry *e, const struct nb_field *f, const char *s,
			struct nb_error *err)
{
	char *id = NULL;
	enum nb_err rc;

	if (!s)
		s = "";
	switch (f->type) {
	case NB_FT_SCALE:
		return parse_scale(f->id, s, f->lo, f->hi, field_int(e, f), err);
	case NB_FT_MINUTES:
		return parse_sleep(s, field_int(e, f), err);
	case NB_FT_SECONDS:
		if (no_answer(s)) {
			*field_int(e, f) = 0;
			return NB_OK;
		}
		return parse_seconds(f->id, s, f->hi, field_int(e, f), err);
	case NB_FT_TERM:
		if (no_answer(s)) {
			xstrset(field_str(e, f), NULL);
			return NB_OK;
		}
		if ((rc = parse_term(f->id, f->vocab, s, &id, err)))
			return rc;
		free(*field_str(e, f));
		*field_str(e, f) = id;
		return NB_OK;
	case NB_FT_ITEMS:
	case NB_FT_TERMS:
		return *s ? parse_list(f->id, f->vocab, s, field_items(e, f), err) : NB_OK;
	case NB_FT_LINE:
	case NB_FT_TEXT:
	case NB_FT_PROMPT:
	case NB_FT_MEMBER:
		xstrset(field_str(e, f), *s ? s : NULL);
		return NB_OK;
	case NB_FT_FLAG:
		*field_flag(e, f) = strcmp(s, "yes") == 0 || strcmp(s, "1") == 0 || strcmp(s, "on") == 0;
		return NB_OK;
	case NB_FT_ANSWERS:
		break;
	}
	return nb_error_set(err, NB_EINVAL, f->id, _("%s cannot be given this way."), named(f->id));
}

void field_describe(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b)
{
	int v;

	if (!f->label || !field_answered(e, f))
		return;
	switch (f->type) {
	case NB_FT_SCALE:
		buf_addf(b, _("%d of %d"), field_int_of(e, f), f->hi);
		break;
	case NB_FT_SECONDS:
		describe_duration(b, field_int_of(e, f));
		break;
	case NB_FT_MINUTES:
		v = field_int_of(e, f);
		buf_addf(b, _("%d:%02d hours"), v / 60, v % 60);
		break;
	case NB_FT_TERM:
		buf_add(b, vocab_label(f->vocab, field_str_of(e, f)));
		break;
	case NB_FT_PROMPT:
		buf_add(b, prompt_text(field_str_of(e, f)));
		break;
	case NB_FT_LINE:
	case NB_FT_TEXT:
		buf_add(b, field_str_of(e, f));
		break;
	case NB_FT_ITEMS:
	case NB_FT_TERMS:
		describe_items(b, f->vocab, field_items_of(e, f));
		break;
	case NB_FT_FLAG:
		buf_add(b, _(field_flag_of(e, f) ? f->high : f->low));
		break;
	case NB_FT_MEMBER:
	case NB_FT_ANSWERS:
		break;
	}
}

void field_typed(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b)
{
	int v;

	if (!field_answered(e, f))
		return;
	switch (f->type) {
	case NB_FT_SCALE:
	case NB_FT_SECONDS:
		buf_addf(b, "%d", field_int_of(e, f));
		break;
	case NB_FT_MINUTES:
		v = field_int_of(e, f);
		buf_addf(b, "%d:%02d", v / 60, v % 60);
		break;
	case NB_FT_TERM:
	case NB_FT_LINE:
	case NB_FT_TEXT:
	case NB_FT_PROMPT:
	case NB_FT_MEMBER:
		buf_add(b, field_str_of(e, f));
		break;
	case NB_FT_ITEMS:
	case NB_FT_TERMS: {
		const struct nb_items *l = field_items_of(e, f);
		for (size_t i = 0; i < l->n; i++) {
			buf_add(b, i ? ", " : "");
			buf_add(b, l->v[i].term);
			if (l->v[i].place)
				buf_addf(b, "@%s", l->v[i].place);
			if (l->v[i].intensity)
				buf_addf(b, ":%d", l->v[i].intensity);
		}
		break;
	}
	case NB_FT_FLAG:
		buf_add(b, field_flag_of(e, f) ? "yes" : "no");
		break;
	case NB_FT_ANSWERS:
		break;
	}
}

void fields_search_text(const struct nb_entry *e, struct nb_buf *b)
{
	size_t n;
	const struct nb_field *f = fields_of(e->type, &n);

	for (size_t i = 0; i < n; i++) {
		const struct nb_items *l;
		if (!(f[i].flags & NB_FF_SEARCH) || (f[i].type != NB_FT_ITEMS && f[i].type != NB_FT_TERMS))
			continue;
		l = field_items_of(e, &f[i]);
		for (size_t j = 0; j < l->n; j++) {
			buf_add(b, l->v[j].term);
			buf_addc(b, ' ');
			if (l->v[j].place) {
				buf_add(b, l->v[j].place);
				buf_addc(b, ' ');
			}
		}
	}
	for (size_t i = 0; i < n; i++) {
		const char *s;
		if (!(f[i].flags & NB_FF_SEARCH) || f[i].type == NB_FT_ITEMS || f[i].type == NB_FT_TERMS)
			continue;
		if ((s = field_str_of(e, &f[i]))) {
			buf_add(b, s);
			buf_addc(b, '\n');
		}
	}
}

/* --- the measures of a day ----------------------------------------------- */

const struct nb_measure_info *measure_info(enum nb_measure m)
{
	return &measures[m];
}

size_t measures_in_checkin_order(enum nb_measure out[NB_M__COUNT])
{
	size_t n, k = 0;
	const struct nb_field *f = fields_of(NB_CHECKIN, &n);

	for (size_t i = 0; i < n; i++)
		for (int m = 0; m < NB_M__COUNT; m++)
			if (strcmp(measures[m].field, f[i].id) == 0)
				out[k++] = (enum nb_measure)m;
	return k;
}

const struct nb_field *measure_field(enum nb_measure m)
{
	return field_find(NB_CHECKIN, measures[m].field);
}

double measure_of(const struct nb_entry *c, enum nb_measure m)
{
	const struct nb_field *f = measure_field(m);

	if (!f || c->type != NB_CHECKIN || !field_answered(c, f))
		return NAN;
	return (double)field_int_of(c, f) / measures[m].per;
}
