/*
 * nabij's own JSON format, written and read with jansson. The layout is
 * documented in docs/FORMAT.md; a field added with its since.format raises
 * the version (nb_format_version).
 * Unanswered values are left out rather than written as null, so an export
 * reads as what the person actually said.
 */
#include "io.h"
#include "jload.h"
#include "core/exercise.h"
#include "core/field.h"
#include "core/i18n.h"
#include "core/story.h"
#include "core/uid.h"
#include "core/week.h"
#include "core/xalloc.h"

#include <jansson.h>

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void set_str(json_t *o, const char *key, const char *s)
{
	if (s)
		json_object_set_new(o, key, json_string(s));
}

static void set_int(json_t *o, const char *key, int v, int unset)
{
	if (v != unset)
		json_object_set_new(o, key, json_integer(v));
}

static void set_stamp(json_t *o, const char *key, struct nb_stamp st)
{
	char s[NB_STAMP_LEN];

	nb_stamp_format(st, s);
	json_object_set_new(o, key, json_string(s));
}

static void set_utc(json_t *o, const char *key, int64_t t)
{
	char s[NB_STAMP_LEN];

	nb_utc_format(t, s);
	json_object_set_new(o, key, json_string(s));
}

/* A list of terms as an array of strings. */
static void set_terms(json_t *o, const char *key, const struct nb_items *l)
{
	json_t *a;

	if (!l->n)
		return;
	a = json_array();
	for (size_t i = 0; i < l->n; i++)
		json_array_append_new(a, json_string(l->v[i].term));
	json_object_set_new(o, key, a);
}

/* A list of items as objects {name, place} or {name, intensity}. */
static void set_items(json_t *o, const char *key, const struct nb_items *l)
{
	json_t *a;

	if (!l->n)
		return;
	a = json_array();
	for (size_t i = 0; i < l->n; i++) {
		json_t *it = json_object();
		set_str(it, "name", l->v[i].term);
		set_str(it, "place", l->v[i].place);
		set_int(it, "intensity", l->v[i].intensity, 0);
		json_array_append_new(a, it);
	}
	json_object_set_new(o, key, a);
}

/*
 * Each type of field in JSON, one entry per type (json_types, at the end of
 * the readers): put under its key in an object (set), written as the
 * export writes it (write), read back (read).
 */
struct rd;
struct json_type {
	void (*set)(json_t *o, const struct nb_entry *e, const struct nb_field *f);
	void (*write)(struct nb_buf *b, int depth, const struct nb_entry *e, const struct nb_field *f);
	void (*read)(struct rd *r, struct nb_entry *e, const struct nb_field *f);
};
static const struct json_type json_types[NB_FT__COUNT];

static void set_number(json_t *o, const struct nb_entry *e, const struct nb_field *f)
{
	set_int(o, f->key, field_int_of(e, f), field_unset(f));
}

static void set_text(json_t *o, const struct nb_entry *e, const struct nb_field *f)
{
	set_str(o, f->key, field_str_of(e, f));
}

static void set_item_list(json_t *o, const struct nb_entry *e, const struct nb_field *f)
{
	set_items(o, f->key, field_items_of(e, f));
}

static void set_term_list(json_t *o, const struct nb_entry *e, const struct nb_field *f)
{
	set_terms(o, f->key, field_items_of(e, f));
}

static void set_flag(json_t *o, const struct nb_entry *e, const struct nb_field *f)
{
	json_object_set_new(o, f->key, json_boolean(field_flag_of(e, f)));
}

static void set_answers(json_t *o, const struct nb_entry *e, const struct nb_field *f)
{
	const int *v = field_answers_of(e, f);
	json_t *a = json_array();

	for (int i = 0; i < NB_ATTACHMENT_ITEMS; i++)
		json_array_append_new(a, json_integer(v[i]));
	json_object_set_new(o, f->key, a);
}

/* One field of e under its key; nothing when it is not answered. */
static void set_field(json_t *o, const struct nb_entry *e, const struct nb_field *f)
{
	json_types[f->type].set(o, e, f);
}

/* The object for one record; with local, also its local id and day. */
static json_t *entry_obj(const struct nb_entry *e, bool local)
{
	json_t *o = json_object();
	size_t n;
	const struct nb_field *f = fields_of(e->type, &n);

	if (local)
		json_object_set_new(o, "id", json_integer(e->id));
	json_object_set_new(o, "uid", json_string(e->uid));
	json_object_set_new(o, "type", json_string(entry_type_id(e->type)));
	set_stamp(o, "at", e->at);
	if (local)
		json_object_set_new(o, "day", json_string(e->day));
	set_utc(o, "created", e->created);
	set_utc(o, "updated", e->updated);
	fields_of(e->type, &n);
	for (size_t i = 0; i < n; i++)
		set_field(o, e, &f[i]);
	return o;
}

static char *dump(json_t *j)
{
	char *s = json_dumps(j, JSON_INDENT(2));
	char *copy;

	json_decref(j);
	if (!s)
		return xstrdup("null");
	copy = xstrdup(s);	/* jansson's allocator is not ours */
	free(s);
	return copy;
}

char *io_json_string(const char *s)
{
	json_t *j = json_string(s ? s : "");
	char *out = j ? json_dumps(j, JSON_ENCODE_ANY) : NULL, *copy;

	json_decref(j);
	copy = xstrdup(out ? out : "\"\"");
	free(out);
	return copy;
}

char *io_json_entry(const struct nb_entry *e)
{
	return dump(entry_obj(e, true));
}

char *io_json_entries(const struct nb_entries *l)
{
	json_t *a = json_array();

	for (size_t i = 0; i < l->n; i++)
		json_array_append_new(a, entry_obj(l->v[i], true));
	return dump(a);
}

char *io_json_today(const char *day, const struct nb_entries *entries, const struct nb_touch *touch,
		    const double *moods, int nmoods, const char *prompt_id,
		    const char *prompt_text, int64_t circle, bool needs_care, bool lasting_low)
{
	int days_since_touch = touch->days_other;
	const struct nb_entry *last_touch = touch->other;
	json_t *o = json_object(), *a = json_array(), *m = json_array(), *p = json_object();

	json_object_set_new(o, "day", json_string(day));
	for (size_t i = 0; i < entries->n; i++)
		json_array_append_new(a, entry_obj(entries->v[i], true));
	json_object_set_new(o, "records", a);
	json_object_set_new(o, "days_since_wanted_touch",
			    days_since_touch < 0 ? json_null() : json_integer(days_since_touch));
	json_object_set_new(o, "last_wanted_touch",
			    last_touch ? entry_obj(last_touch, true) : json_null());
	json_object_set_new(o, "days_since_self_touch",
			    touch->days_self < 0 ? json_null() : json_integer(touch->days_self));
	json_object_set_new(o, "last_self_touch", touch->self ? entry_obj(touch->self, true) : json_null());
	for (int i = 0; i < nmoods; i++)
		json_array_append_new(m, moods[i] > 0 ? json_real(moods[i]) : json_null());
	json_object_set_new(o, "mood_by_day", m);
	json_object_set_new(p, "id", json_string(prompt_id));
	json_object_set_new(p, "text", json_string(prompt_text));
	json_object_set_new(o, "prompt", p);
	json_object_set_new(o, "circle_size", json_integer(circle));
	json_object_set_new(o, "show_help", json_boolean(needs_care || lasting_low));
	json_object_set_new(o, "lasting_low", json_boolean(lasting_low));
	return dump(o);
}

static json_t *exercise_obj(const struct nb_exercise *x, bool steps)
{
	static const char *const guides[] = { [NB_GUIDE_PACER] = "pacer", [NB_GUIDE_STEPS] = "steps",
					       [NB_GUIDE_WORDS] = "words" };
	json_t *o = json_object(), *a;

	json_object_set_new(o, "id", json_string(x->id));
	json_object_set_new(o, "title", json_string(exercise_title(x)));
	json_object_set_new(o, "seconds", json_integer(x->default_seconds));
	json_object_set_new(o, "guide", json_string(guides[x->guide]));
	json_object_set_new(o, "why", json_string(_(x->why)));
	if (steps) {
		a = json_array();
		for (size_t i = 0; i < exercise_steps(x); i++)
			json_array_append_new(a, json_string(_(x->steps[i])));
		json_object_set_new(o, "steps", a);
	}
	return o;
}

char *io_json_exercises(const struct nb_exercise *x)
{
	size_t n;
	const struct nb_exercise *all = exercise_all(&n);
	json_t *a;

	if (x)
		return dump(exercise_obj(x, true));
	a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, exercise_obj(&all[i], false));
	return dump(a);
}

static json_t *mean_json(const struct nb_mean *m)
{
	return m->n ? json_real(mean_of(m)) : json_null();
}

static json_t *counts_json(const struct nb_count *c, size_t n)
{
	json_t *a = json_array();

	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "term", json_string(c[i].term));
		json_object_set_new(o, "count", json_integer(c[i].n));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* The week's story as facts (core/story.h), without its words: a program
 * reading them says them in its own. */
static json_t *story_json(const struct nb_week *w, const struct nb_entries *records)
{
	struct nb_story s;
	json_t *a = json_array();

	week_story(w, records, &s);
	for (size_t i = 0; i < s.n; i++) {
		const struct nb_story_item *it = &s.v[i];
		json_t *o = json_object();

		json_object_set_new(o, "kind", json_string(story_kind_id(it->kind)));
		switch (it->kind) {
		case NB_STORY_URGE:
		case NB_STORY_CALMED:
			json_object_set_new(o, "exercise", json_string(it->term));
			json_object_set_new(o, "sessions", json_integer(it->n));
			json_object_set_new(o, it->kind == NB_STORY_URGE ? "urge_change" : "tension_change",
					    json_real(it->change));
			break;
		case NB_STORY_HEAVY:
			json_object_set_new(o, "day", json_string(it->day));
			json_object_set_new(o, "low_mood", json_boolean(it->low_mood));
			json_object_set_new(o, "strong_craving", json_boolean(it->craving));
			json_object_set_new(o, "after", json_string(story_after_id(it->after)));
			if (it->after == NB_AFTER_MOMENT) {
				json_object_set_new(o, "moment_kind", json_string(it->after_term));
				json_object_set_new(o, "with", str_or_null(it->after_with));
			} else if (it->after == NB_AFTER_EXERCISE) {
				json_object_set_new(o, "exercise", json_string(it->after_term));
			}
			break;
		case NB_STORY_PERSON_BACK:
		case NB_STORY_PERSON_OFTEN:
			json_object_set_new(o, "with", json_string(it->name));
			json_object_set_new(o, "member_uid", json_string(it->member_uid));
			json_object_set_new(o, "moments", json_integer(it->n));
			if (it->kind == NB_STORY_PERSON_BACK) {
				json_object_set_new(o, "day", json_string(it->day));
				json_object_set_new(o, "moment_kind", json_string(it->term));
			}
			break;
		case NB_STORY_KIND_OFTEN:
			json_object_set_new(o, "moment_kind", json_string(it->term));
			json_object_set_new(o, "moments", json_integer(it->n));
			break;
		case NB_STORY_INTENTION:
			json_object_set_new(o, "text", json_string(it->text));
			break;
		case NB_STORY_NOTED:
		case NB_STORY__COUNT:
			break;
		}
		json_array_append_new(a, o);
	}
	return a;
}

char *io_json_week(const struct nb_week *w, const struct nb_entries *records)
{
	json_t *o = json_object(), *means = json_object(), *days = json_array(), *ex = json_array();
	enum nb_measure order[NB_M__COUNT];
	size_t nm;
	json_t *recs = json_array();

	json_object_set_new(o, "monday", json_string(w->monday));
	json_object_set_new(o, "sunday", json_string(w->sunday));
	json_object_set_new(o, "story", story_json(w, records));
	json_object_set_new(o, "checkins", json_integer(w->checkins));
	nm = measures_in_checkin_order(order);
	for (size_t i = 0; i < nm; i++)
		json_object_set_new(means, measure_info(order[i])->id, mean_json(&w->means[order[i]]));
	json_object_set_new(o, "means", means);
	for (int i = 0; i < 7; i++)
		json_array_append_new(days, w->day_mood[i] > 0 ? json_real(w->day_mood[i]) : json_null());
	json_object_set_new(o, "mood_by_day", days);
	json_object_set_new(o, "moments", json_integer(w->moments));
	json_object_set_new(o, "wanted_touches", json_integer(w->wanted_touches));
	json_object_set_new(o, "moment_kinds", counts_json(w->kinds, w->nkinds));
	for (size_t i = 0; i < w->nexercises; i++) {
		json_t *x = json_object();
		json_object_set_new(x, "exercise", json_string(w->exercises[i].exercise));
		json_object_set_new(x, "count", json_integer(w->exercises[i].n));
		json_object_set_new(x, "seconds", json_integer(w->exercises[i].seconds));
		json_object_set_new(x, "tension_change", mean_json(&w->exercises[i].change));
		if (w->exercises[i].urge.n)	/* riding an urge */
			json_object_set_new(x, "urge_change", mean_json(&w->exercises[i].urge));
		json_array_append_new(ex, x);
	}
	json_object_set_new(o, "exercises", ex);
	json_object_set_new(o, "triggers", json_integer(w->triggers));
	json_object_set_new(o, "needs_that_came_back", counts_json(w->needs, w->nneeds));
	json_object_set_new(o, "reflections", json_integer(w->reflections));
	json_object_set_new(o, "intention", w->intention ? entry_obj(w->intention, true) : json_null());
	json_object_set_new(o, "next_intention",
			    w->next_intention ? entry_obj(w->next_intention, true) : json_null());
	for (size_t i = 0; i < records->n; i++)
		json_array_append_new(recs, entry_obj(records->v[i], true));
	json_object_set_new(o, "records", recs);
	return dump(o);
}

/*
 * The export as a stream. jansson would write it from one tree of every
 * record (hundreds of megabytes for years of notes); here the frame is
 * written by hand and each record is dumped alone and indented to its
 * place, which gives the very bytes jansson writes for the whole tree
 * with JSON_INDENT(2): a record in "records" stands at depth 2.
 */
enum nb_err io_json_begin(struct io_json_out *w, FILE *f, int64_t now, struct nb_error *err)
{
	char stamp[NB_STAMP_LEN], *at;

	nb_utc_format(now, stamp);
	at = io_json_string(stamp);
	w->f = f;
	w->n = 0;
	w->buf = (struct nb_buf){ 0 };
	if (fprintf(f, "{\n  \"format\": \"nabij\",\n  \"version\": %d,\n  \"exported\": %s,\n  \"records\": [",
		    nb_format_version(), at) < 0) {
		free(at);
		return nb_error_set(err, NB_EIO, "out", _("Could not write the export."));
	}
	free(at);
	return NB_OK;
}

/*
 * One record written from its fields into a buffer, in the very bytes
 * jansson writes with JSON_INDENT(2) at this depth (tests/unit/test_io.c
 * holds the two side by side): a line per key, ": " after it, strings with
 * \\, \" and control characters escaped (\b \f \n \r \t, else \u00XX),
 * UTF-8 as it is. Building no tree of values makes the export several times
 * faster than dumping jansson's.
 */
static void w_line(struct nb_buf *b, int depth)
{
	static const char line[] = "\n                                ";
	size_t n = 1 + (size_t)depth * 2;

	buf_addn(b, line, n < sizeof line - 1 ? n : sizeof line - 1);
}

/* Whether any of the 8 bytes of w is a control character, '"' or '\\'
 * (the classic word-at-a-time tests; UTF-8's high bytes never match). */
static bool w_plain8(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
	uint64_t q = w ^ (ones * '"'), bs = w ^ (ones * '\\');

	return !((((w - ones * 0x20) & ~w) | ((q - ones) & ~q) | ((bs - ones) & ~bs)) & high);
}

static void w_str(struct nb_buf *b, const char *s)
{
	size_t n = strlen(s), i = 0, run = 0;

	buf_addc(b, '"');
	while (i < n) {
		unsigned char c;
		uint64_t w;

		while (i + 8 <= n && (memcpy(&w, s + i, 8), w_plain8(w)))
			i += 8;	/* most text needs no escape: eight bytes at a time */
		if (i >= n)
			break;
		c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\') {
			i++;
			continue;
		}
		buf_addn(b, s + run, i - run);
		run = ++i;
		switch (c) {
		case '"': buf_add(b, "\\\""); break;
		case '\\': buf_add(b, "\\\\"); break;
		case '\b': buf_add(b, "\\b"); break;
		case '\f': buf_add(b, "\\f"); break;
		case '\n': buf_add(b, "\\n"); break;
		case '\r': buf_add(b, "\\r"); break;
		case '\t': buf_add(b, "\\t"); break;
		default: buf_addf(b, "\\u%04X", c); break;
		}
	}
	buf_addn(b, s + run, n - run);
	buf_addc(b, '"');
}

/* The next key of an object at depth: its separator, line and name. */
static void w_key(struct nb_buf *b, int depth, bool *first, const char *key)
{
	if (!*first)
		buf_addc(b, ',');
	*first = false;
	w_line(b, depth + 1);
	w_str(b, key);
	buf_add(b, ": ");
}

static void w_items(struct nb_buf *b, int depth, const struct nb_items *l, bool objects)
{
	buf_addc(b, '[');
	for (size_t i = 0; i < l->n; i++) {
		buf_add(b, i ? "," : "");
		w_line(b, depth + 1);
		if (!objects) {
			w_str(b, l->v[i].term);
			continue;
		}
		bool first = true;
		buf_addc(b, '{');
		w_key(b, depth + 1, &first, "name");
		w_str(b, l->v[i].term);
		if (l->v[i].place) {
			w_key(b, depth + 1, &first, "place");
			w_str(b, l->v[i].place);
		}
		if (l->v[i].intensity) {
			w_key(b, depth + 1, &first, "intensity");
			buf_addi(b, l->v[i].intensity);
		}
		w_line(b, depth + 1);
		buf_addc(b, '}');
	}
	w_line(b, depth);
	buf_addc(b, ']');
}

static void w_number(struct nb_buf *b, int depth, const struct nb_entry *e, const struct nb_field *f)
{
	(void)depth;
	buf_addi(b, field_int_of(e, f));
}

static void w_text(struct nb_buf *b, int depth, const struct nb_entry *e, const struct nb_field *f)
{
	(void)depth;
	w_str(b, field_str_of(e, f));
}

static void w_item_list(struct nb_buf *b, int depth, const struct nb_entry *e, const struct nb_field *f)
{
	w_items(b, depth + 1, field_items_of(e, f), true);
}

static void w_term_list(struct nb_buf *b, int depth, const struct nb_entry *e, const struct nb_field *f)
{
	w_items(b, depth + 1, field_items_of(e, f), false);
}

static void w_flag(struct nb_buf *b, int depth, const struct nb_entry *e, const struct nb_field *f)
{
	(void)depth;
	buf_add(b, field_flag_of(e, f) ? "true" : "false");
}

static void w_answers(struct nb_buf *b, int depth, const struct nb_entry *e, const struct nb_field *f)
{
	const int *a = field_answers_of(e, f);

	buf_addc(b, '[');
	for (int k = 0; k < NB_ATTACHMENT_ITEMS; k++) {
		buf_add(b, k ? "," : "");
		w_line(b, depth + 2);
		buf_addi(b, a[k]);
	}
	w_line(b, depth + 1);
	buf_addc(b, ']');
}

/* Record e as an object at depth, as entry_obj(e, false) dumps. */
static void w_entry(struct nb_buf *b, const struct nb_entry *e, int depth)
{
	char stamp[NB_STAMP_LEN];
	size_t n;
	const struct nb_field *f = fields_of(e->type, &n);
	bool first = true;

	buf_addc(b, '{');
	w_key(b, depth, &first, "uid");
	w_str(b, e->uid);
	w_key(b, depth, &first, "type");
	w_str(b, entry_type_id(e->type));
	nb_stamp_format(e->at, stamp);
	w_key(b, depth, &first, "at");
	w_str(b, stamp);
	nb_utc_format(e->created, stamp);
	w_key(b, depth, &first, "created");
	w_str(b, stamp);
	nb_utc_format(e->updated, stamp);
	w_key(b, depth, &first, "updated");
	w_str(b, stamp);
	for (size_t i = 0; i < n; i++) {
		if (!field_answered(e, &f[i]))
			continue;
		w_key(b, depth, &first, f[i].key);
		json_types[f[i].type].write(b, depth, e, &f[i]);
	}
	w_line(b, depth);
	buf_addc(b, '}');
}

enum nb_err io_json_record(const struct nb_entry *e, void *out, struct nb_error *err)
{
	struct io_json_out *w = out;
	int bad;

	buf_reset(&w->buf);
	buf_add(&w->buf, w->n ? ",\n    " : "\n    ");
	w_entry(&w->buf, e, 2);
	bad = fwrite(w->buf.s, 1, w->buf.len, w->f) != w->buf.len;
	if (bad)
		return nb_error_set(err, NB_EIO, "out", _("Could not write the export."));
	w->n++;
	return NB_OK;
}

void io_json_close(struct io_json_out *w)
{
	buf_free(&w->buf);
}

enum nb_err io_json_end(struct io_json_out *w, struct nb_error *err)
{
	if (fputs(w->n ? "\n  ]\n}\n" : "]\n}\n", w->f) == EOF || fflush(w->f) != 0)
		return nb_error_set(err, NB_EIO, "out", _("Could not write the export."));
	return NB_OK;
}

enum nb_err io_json_write(FILE *out, const struct nb_entries *l, int64_t now,
			  struct nb_error *err)
{
	struct io_json_out w;
	enum nb_err rc = io_json_begin(&w, out, now, err);

	if (rc)
		return rc;
	for (size_t i = 0; !rc && i < l->n; i++)
		rc = io_json_record(l->v[i], &w, err);
	if (!rc)
		rc = io_json_end(&w, err);
	io_json_close(&w);
	return rc;
}

/* Reading: one record at a time, stopping at the first problem. */
struct rd {
	json_t *obj;
	size_t index;		/* 1-based, for messages */
	struct nb_error *err;
	enum nb_err rc;
};

static void rd_fail_type(struct rd *r, const char *key, const char *what)
{
	if (r->rc)
		return;
	r->rc = nb_error_set(r->err, NB_EINVAL, key,
			     _("record %zu: the field \"%s\" must be %s."), r->index, key, what);
}

static char *rd_str(struct rd *r, const char *key)
{
	json_t *v = json_object_get(r->obj, key);

	if (!v || r->rc)
		return NULL;
	if (!json_is_string(v)) {
		rd_fail_type(r, key, _("text"));
		return NULL;
	}
	return xstrndup(json_string_value(v), json_string_length(v));
}

static int rd_int(struct rd *r, const char *key, int unset)
{
	json_t *v = json_object_get(r->obj, key);
	json_int_t i;

	if (!v || r->rc)
		return unset;
	i = json_integer_value(v);
	if (!json_is_integer(v) || i < -1000000000 || i > 1000000000) {
		rd_fail_type(r, key, _("a whole number"));
		return unset;
	}
	return (int)i;
}

static void rd_terms(struct rd *r, const char *key, struct nb_items *l)
{
	json_t *a = json_object_get(r->obj, key), *v;
	size_t i;

	if (!a || r->rc)
		return;
	if (!json_is_array(a)) {
		rd_fail_type(r, key, _("a list of texts"));
		return;
	}
	json_array_foreach(a, i, v) {
		if (!json_is_string(v)) {
			rd_fail_type(r, key, _("a list of texts"));
			return;
		}
		items_add(l, json_string_value(v), NULL, 0);
	}
}

static void rd_items(struct rd *r, const char *key, struct nb_items *l)
{
	json_t *a = json_object_get(r->obj, key), *v;
	size_t i;

	if (!a || r->rc)
		return;
	if (!json_is_array(a)) {
		rd_fail_type(r, key, _("a list of objects with a name"));
		return;
	}
	json_array_foreach(a, i, v) {
		json_t *name = json_object_get(v, "name");
		json_t *place = json_object_get(v, "place");
		json_t *inten = json_object_get(v, "intensity");
		size_t expect = 1 + (place != NULL) + (inten != NULL);

		if (!json_is_object(v) || !json_is_string(name) ||
		    (place && !json_is_string(place)) ||
		    (inten && (!json_is_integer(inten) || json_integer_value(inten) < 0 ||
			       json_integer_value(inten) > 1000)) ||
		    json_object_size(v) != expect) {
			rd_fail_type(r, key, _("a list of objects with a name"));
			return;
		}
		items_add(l, json_string_value(name), place ? json_string_value(place) : NULL,
			  inten ? (int)json_integer_value(inten) : 0);
	}
}

static const char *const common_keys[] = { "uid", "type", "at", "created", "updated", NULL };

static bool in_list(const char *const *l, const char *key)
{
	for (; *l; l++)
		if (strcmp(*l, key) == 0)
			return true;
	return false;
}

static void rd_stamp(struct rd *r, const char *key, struct nb_stamp *st, bool utc)
{
	char *s = rd_str(r, key);

	if (r->rc)
		goto out;
	if (!s) {
		r->rc = nb_error_set(r->err, NB_EINVAL, key, _("record %zu: the field \"%s\" is missing."),
				     r->index, key);
		goto out;
	}
	if (!nb_stamp_parse(s, st) || (utc && st->offset != 0))
		r->rc = nb_error_set(r->err, NB_EINVAL, key,
				     _("record %zu: \"%s\" must be a time like 2026-11-20T21:30:00+01:00, not \"%s\"."),
				     r->index, key, s);
out:
	free(s);
}

static void rd_member(struct rd *r, const char *uid)
{
	if (!r->rc && uid && !uid_valid(uid))
		r->rc = nb_error_set(r->err, NB_EINVAL, "member",
				     _("record %zu: \"member\" must be the uid of a circle member."),
				     r->index);
}

static bool key_of(enum nb_type t, const char *key)
{
	size_t n;
	const struct nb_field *f = fields_of(t, &n);

	for (size_t i = 0; i < n; i++)
		if (strcmp(f[i].key, key) == 0)
			return true;
	return false;
}

static void rd_answers(struct rd *r, const char *key, int *out)
{
	json_t *a = json_object_get(r->obj, key), *v;
	size_t i;

	if (r->rc)
		return;
	if (!json_is_array(a) || json_array_size(a) != NB_ATTACHMENT_ITEMS) {
		rd_fail_type(r, key, _("a list of 12 whole numbers"));
		return;
	}
	json_array_foreach(a, i, v) {
		if (!json_is_integer(v) || json_integer_value(v) < -1000 || json_integer_value(v) > 1000) {
			rd_fail_type(r, key, _("a list of 12 whole numbers"));
			return;
		}
		out[i] = (int)json_integer_value(v);
	}
}

static void rd_number(struct rd *r, struct nb_entry *e, const struct nb_field *f)
{
	*field_int(e, f) = rd_int(r, f->key, field_unset(f));
}

static void rd_text(struct rd *r, struct nb_entry *e, const struct nb_field *f)
{
	*field_str(e, f) = rd_str(r, f->key);
}

static void rd_member_uid(struct rd *r, struct nb_entry *e, const struct nb_field *f)
{
	*field_str(e, f) = rd_str(r, f->key);
	rd_member(r, *field_str(e, f));
}

static void rd_item_list(struct rd *r, struct nb_entry *e, const struct nb_field *f)
{
	rd_items(r, f->key, field_items(e, f));
}

static void rd_term_list(struct rd *r, struct nb_entry *e, const struct nb_field *f)
{
	rd_terms(r, f->key, field_items(e, f));
}

static void rd_flag(struct rd *r, struct nb_entry *e, const struct nb_field *f)
{
	json_t *flag = json_object_get(r->obj, f->key);

	if (flag && !json_is_boolean(flag))
		rd_fail_type(r, f->key, _("true or false"));
	*field_flag(e, f) = json_is_true(flag);
}

static void rd_answer_list(struct rd *r, struct nb_entry *e, const struct nb_field *f)
{
	rd_answers(r, f->key, field_int(e, f));
}

static const struct json_type json_types[NB_FT__COUNT] = {
	[NB_FT_SCALE] = { set_number, w_number, rd_number },
	[NB_FT_SECONDS] = { set_number, w_number, rd_number },
	[NB_FT_MINUTES] = { set_number, w_number, rd_number },
	[NB_FT_TERM] = { set_text, w_text, rd_text },
	[NB_FT_LINE] = { set_text, w_text, rd_text },
	[NB_FT_TEXT] = { set_text, w_text, rd_text },
	[NB_FT_PROMPT] = { set_text, w_text, rd_text },
	[NB_FT_MEMBER] = { set_text, w_text, rd_member_uid },
	[NB_FT_ITEMS] = { set_item_list, w_item_list, rd_item_list },
	[NB_FT_TERMS] = { set_term_list, w_term_list, rd_term_list },
	[NB_FT_FLAG] = { set_flag, w_flag, rd_flag },
	[NB_FT_ANSWERS] = { set_answers, w_answers, rd_answer_list },
};

static void rd_field(struct rd *r, struct nb_entry *e, const struct nb_field *f)
{
	json_types[f->type].read(r, e, f);
}

static struct nb_entry *read_record(struct rd *r)
{
	char *type_s = rd_str(r, "type"), *uid = NULL;
	const struct nb_field *f;
	size_t n;
	enum nb_type type = entry_type_parse(type_s);
	const char *key;
	json_t *v;
	struct nb_entry *e;
	struct nb_stamp st;

	if (r->rc || type == NB_TYPE_NONE || strcmp(type_s, entry_type_id(type)) != 0) {
		if (!r->rc)
			r->rc = nb_error_set(r->err, NB_EINVAL, "type",
					     _("record %zu: \"type\" must be one of checkin, moment, trigger, member, session, reflection, attachment, phase."),
					     r->index);
		free(type_s);
		return NULL;
	}
	free(type_s);
	json_object_foreach(r->obj, key, v) {
		if (!in_list(common_keys, key) && !key_of(type, key)) {
			r->rc = nb_error_set(r->err, NB_EINVAL, key,
					     _("record %zu: unknown field \"%s\"."), r->index, key);
			return NULL;
		}
	}
	e = entry_new(type);
	uid = rd_str(r, "uid");
	if (!r->rc && !uid_valid(uid))
		r->rc = nb_error_set(r->err, NB_EINVAL, "uid",
				     _("record %zu: \"uid\" must be 32 lowercase hexadecimal digits."),
				     r->index);
	if (!r->rc)
		memcpy(e->uid, uid, NB_UID_LEN);
	free(uid);
	rd_stamp(r, "at", &e->at, false);
	rd_stamp(r, "created", &st, true);
	e->created = st.utc;
	rd_stamp(r, "updated", &st, true);
	e->updated = st.utc;
	f = fields_of(type, &n);
	for (size_t i = 0; i < n; i++)
		rd_field(r, e, &f[i]);
	if (r->rc) {
		entry_free(e);
		return NULL;
	}
	return e;
}

static int cmp_uid(const void *a, const void *b)
{
	return strcmp((*(struct nb_entry *const *)a)->uid, (*(struct nb_entry *const *)b)->uid);
}

/* The same uid twice in one file would make the second silently vanish. */
static enum nb_err check_unique(const struct nb_entries *l, struct nb_error *err)
{
	struct nb_entry **v = xmalloc((l->n ? l->n : 1) * sizeof *v);
	enum nb_err rc = NB_OK;

	memcpy(v, l->v, l->n * sizeof *v);
	qsort(v, l->n, sizeof *v, cmp_uid);
	for (size_t i = 1; i < l->n; i++)
		if (strcmp(v[i - 1]->uid, v[i]->uid) == 0) {
			rc = nb_error_set(err, NB_EINVAL, "uid",
					  _("The uid %s appears more than once in this file."), v[i]->uid);
			break;
		}
	free(v);
	return rc;
}

enum nb_err io_json_read(const char *text, size_t len, struct nb_entries *out,
			 struct nb_error *err)
{
	json_t *root = io_json_load(text, len, JSON_REJECT_DUPLICATES, NULL, err), *recs, *v;
	json_t *format, *version;
	struct nb_entries got = { 0 };
	struct rd r = { .err = err };
	size_t i;

	if (!root)
		return NB_EINVAL;
	format = json_object_get(root, "format");
	version = json_object_get(root, "version");
	recs = json_object_get(root, "records");
	if (!json_is_object(root) || !json_is_string(format) ||
	    strcmp(json_string_value(format), "nabij") != 0) {
		r.rc = nb_error_set(err, NB_EINVAL, "format",
				    _("This is not a nabij export: it needs \"format\": \"nabij\" at the top."));
		goto out;
	}
	if (!json_is_integer(version) || json_integer_value(version) < 1 ||
	    json_integer_value(version) > nb_format_version()) {
		r.rc = nb_error_set(err, NB_EINVAL, "version",
				    _("This export has a format version this nabij does not know (it reads version %d). A newer nabij may read it."),
				    nb_format_version());
		goto out;
	}
	if (!json_is_array(recs)) {
		r.rc = nb_error_set(err, NB_EINVAL, "records",
				    _("This export has no list \"records\"."));
		goto out;
	}
	json_array_foreach(recs, i, v) {
		struct nb_entry *e;

		r.index = i + 1;
		r.obj = v;
		if (!json_is_object(v)) {
			r.rc = nb_error_set(err, NB_EINVAL, "records",
					    _("record %zu is not an object."), r.index);
			break;
		}
		if (!(e = read_record(&r)))
			break;
		entries_push(&got, e);
	}
	if (!r.rc)
		r.rc = check_unique(&got, err);
out:
	json_decref(root);
	if (r.rc) {
		entries_free(&got);
		return r.rc;
	}
	for (i = 0; i < got.n; i++)
		entries_push(out, got.v[i]);
	free(got.v);
	return NB_OK;
}

enum nb_err io_slurp(const char *path, size_t max, char **text, size_t *len,
		     struct nb_error *err)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char *s = NULL;
	size_t n = 0, cap = 0;
	enum nb_err rc = NB_OK;

	if (!f)
		return nb_error_set(err, NB_EIO, "file", _("Cannot open %s: %s."), path,
				    strerror(errno));
	for (;;) {
		size_t got;

		if (cap - n < 65536) {
			cap = cap ? cap * 2 : 65536;
			s = xrealloc(s, cap + 1);
		}
		got = fread(s + n, 1, cap - n, f);
		n += got;
		if (n > max) {
			rc = nb_error_set(err, NB_EINVAL, "file",
					  _("%s is larger than %zu MB; nabij does not read files that large."),
					  path, max >> 20);
			break;
		}
		if (got == 0) {
			if (ferror(f))
				rc = nb_error_set(err, NB_EIO, "file", _("Cannot read %s."), path);
			break;
		}
	}
	if (f != stdin)
		fclose(f);
	if (rc) {
		free(s);
		return rc;
	}
	s[n] = '\0';
	*text = s;
	*len = n;
	return NB_OK;
}
