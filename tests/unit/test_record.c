/* core/record, vocab and care: validation of every kind, the rules of care. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/care.h"
#include "core/field.h"
#include "core/record.h"
#include "core/uid.h"
#include "core/vocab.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define NOW 1795201200	/* 2026-11-20T19:00:00Z */

static struct nb_entry *dated(enum nb_type t)
{
	struct nb_entry *e = entry_new(t);

	entry_set_time(e, (struct nb_stamp){ NOW - 3600, 3600 });
	return e;
}

static void expect_invalid(const struct nb_entry *e, const char *field, const char *words)
{
	struct nb_error err = { 0 };

	assert_int_equal(entry_validate(e, NOW, &err), NB_EINVAL);
	assert_string_equal(err.field, field);
	if (words && !strstr(err.msg, words))
		fail_msg("message \"%s\" lacks \"%s\"", err.msg, words);
}

static void checkin_ranges(void **state)
{
	struct nb_entry *e = dated(NB_CHECKIN);
	struct nb_checkin *c = &e->u.checkin;
	struct nb_error err;

	(void)state;
	expect_invalid(e, "", "empty");
	c->mood = 3;
	assert_int_equal(entry_validate(e, NOW, &err), NB_OK);
	c->mood = 6;
	expect_invalid(e, "mood", "from 1 to 5");
	c->mood = -1;
	expect_invalid(e, "mood", "\"-1\"");
	c->mood = 5;
	c->energy = 9;
	expect_invalid(e, "energy", NULL);
	c->energy = 0;
	c->tension = 7;
	expect_invalid(e, "tension", NULL);
	c->tension = 1;
	c->sleep_minutes = 24 * 60 + 1;
	expect_invalid(e, "sleep-hours", "0 to 24");
	c->sleep_minutes = 0;
	c->sleep_quality = 6;
	expect_invalid(e, "sleep-quality", NULL);
	c->sleep_quality = 0;
	items_add(&c->emotions, "sadness", NULL, 6);
	expect_invalid(e, "intensity", NULL);
	items_clear(&c->emotions);
	xstrset(&c->state, "angry");
	expect_invalid(e, "state", "calm, activated, shutdown");
	xstrset(&c->state, "shutdown");
	for (int i = 0; i <= NB_ITEMS_MAX; i++)
		items_add(&c->needs, "rest", NULL, 0);
	expect_invalid(e, "need", "at most");
	items_clear(&c->needs);
	items_add(&c->tags, "", NULL, 0);
	expect_invalid(e, "tag", NULL);
	items_clear(&c->tags);
	assert_int_equal(entry_validate(e, NOW, &err), NB_OK);
	entry_free(e);
}

static void times_and_texts(void **state)
{
	struct nb_entry *e = dated(NB_CHECKIN);
	struct nb_error err;
	char *big = xmalloc(NB_TEXT_MAX + 2);

	(void)state;
	e->u.checkin.mood = 3;
	e->at.utc = NOW + 1;
	expect_invalid(e, "at", "future");
	e->at.utc = 900000000;
	expect_invalid(e, "at", "2000");
	e->at.utc = NOW;
	e->at.offset = 15 * 3600;
	expect_invalid(e, "at", NULL);
	e->at.offset = 0;
	memset(big, 'a', NB_TEXT_MAX + 1);
	big[NB_TEXT_MAX + 1] = '\0';
	e->u.checkin.note = big;
	expect_invalid(e, "note", "too long");
	big[NB_TEXT_MAX] = '\0';
	assert_int_equal(entry_validate(e, NOW, &err), NB_OK);
	strcpy(big, "two\nlines\tand a tab, caf\xc3\xa9, \xf0\x9f\x8c\xbf");
	assert_int_equal(entry_validate(e, NOW, &err), NB_OK);
	strcpy(big, "bell\a");
	expect_invalid(e, "note", "not text");
	strcpy(big, "overlong \xc0\xaf");
	expect_invalid(e, "note", NULL);
	strcpy(big, "surrogate \xed\xa0\x80");
	expect_invalid(e, "note", NULL);
	strcpy(big, "cut \xe2\x82");
	expect_invalid(e, "note", NULL);
	entry_free(e);
}

static void other_kinds(void **state)
{
	struct nb_entry *m = dated(NB_MOMENT), *t = dated(NB_TRIGGER), *p = dated(NB_MEMBER),
			*s = dated(NB_SESSION), *r = dated(NB_REFLECTION);
	struct nb_error err;

	(void)state;
	expect_invalid(m, "kind", "needed");
	xstrset(&m->u.moment.kind, "cuddle");
	expect_invalid(m, "kind", "hug, hand, arm");
	xstrset(&m->u.moment.kind, "hug");
	m->u.moment.seconds = -3;
	expect_invalid(m, "seconds", NULL);
	m->u.moment.seconds = 10;
	xstrset(&m->u.moment.safe, "maybe");
	expect_invalid(m, "safe", "yes, no, unsure");
	xstrset(&m->u.moment.safe, "unsure");
	items_add(&m->u.moment.effects, "a warm wave", NULL, 0);
	assert_int_equal(entry_validate(m, NOW, &err), NB_OK);

	expect_invalid(t, "situation", "needed");
	xstrset(&t->u.trigger.situation, "A message was not answered");
	xstrset(&t->u.trigger.need, "to be seen");
	assert_int_equal(entry_validate(t, NOW, &err), NB_OK);

	expect_invalid(p, "name", "needed");
	xstrset(&p->u.member.name, "The bench by the river");
	p->u.member.place = true;
	assert_int_equal(entry_validate(p, NOW, &err), NB_OK);

	expect_invalid(s, "exercise", NULL);
	xstrset(&s->u.session.exercise, "breath");
	assert_int_equal(entry_validate(s, NOW, &err), NB_OK);	/* words exercises need no clock */
	s->u.session.seconds = -5;
	expect_invalid(s, "seconds", NULL);
	s->u.session.seconds = 3 * 3600;
	expect_invalid(s, "seconds", "2 hours");
	s->u.session.seconds = 180;
	s->u.session.tension_before = 9;
	expect_invalid(s, "tension-before", NULL);
	s->u.session.tension_before = 4;
	s->u.session.tension_after = 2;
	assert_int_equal(entry_validate(s, NOW, &err), NB_OK);
	/* the urge's strength, 1 to 5 like every scale: its edges */
	s->u.session.urge_before = 6;
	expect_invalid(s, "urge-before", NULL);
	s->u.session.urge_before = 5;
	s->u.session.urge_after = -1;
	expect_invalid(s, "urge-after", NULL);
	s->u.session.urge_after = 1;
	assert_int_equal(entry_validate(s, NOW, &err), NB_OK);

	expect_invalid(r, "text", NULL);
	xstrset(&r->u.reflection.text, "My shoulders drop when Sam laughs.");
	assert_int_equal(entry_validate(r, NOW, &err), NB_OK);

	{
		struct nb_entry *a = dated(NB_ATTACHMENT), *ph = dated(NB_PHASE);
		for (int i = 0; i < NB_ATTACHMENT_ITEMS; i++)
			a->u.attachment.answers[i] = 4;
		assert_int_equal(entry_validate(a, NOW, &err), NB_OK);
		a->u.attachment.answers[11] = 8;
		expect_invalid(a, "answers", "from 1 to 7");
		a->u.attachment.answers[11] = 0;
		expect_invalid(a, "answers", NULL);
		expect_invalid(ph, "phase", NULL);
		xstrset(&ph->u.phase.phase, "honeymoon");
		expect_invalid(ph, "phase", "start, distance, clash, turning");
		xstrset(&ph->u.phase.phase, "clash");
		expect_invalid(ph, "with", "needed");
		xstrset(&ph->u.phase.with, "Sam");
		assert_int_equal(entry_validate(ph, NOW, &err), NB_OK);
		entry_free(a);
		entry_free(ph);
	}

	entry_free(m);
	entry_free(t);
	entry_free(p);
	entry_free(s);
	entry_free(r);
}

static void vocabularies(void **state)
{
	size_t n;

	(void)state;
	for (int v = 0; v < NB_VOCAB__COUNT; v++) {
		const struct nb_term *t = vocab_terms((enum nb_vocab)v, &n);
		assert_true(n >= 3);
		for (size_t i = 0; i < n; i++) {
			/* ids are unique, lowercase and findable by id and label */
			for (size_t j = i + 1; j < n; j++)
				assert_string_not_equal(t[i].id, t[j].id);
			for (const char *p = t[i].id; *p; p++)
				assert_true((*p >= 'a' && *p <= 'z') || *p == '-');
			assert_ptr_equal(vocab_find((enum nb_vocab)v, t[i].id), &t[i]);
			assert_ptr_equal(vocab_find((enum nb_vocab)v, t[i].label), &t[i]);
		}
	}
	assert_null(vocab_find(NB_VOCAB_EMOTION, "a heavy kind of quiet"));	/* own words stay own words */
	/* the words people use, in either language, find the term */
	assert_string_equal(vocab_find(NB_VOCAB_EMOTION, "sad")->id, "sadness");
	assert_string_equal(vocab_find(NB_VOCAB_EMOTION, "Verdriet")->id, "sadness");
	assert_string_equal(vocab_find(NB_VOCAB_EMOTION, "huidhonger")->id, "loneliness");
	assert_string_equal(vocab_find(NB_VOCAB_EMOTION, "rust")->id, "calm");
	assert_string_equal(vocab_find(NB_VOCAB_NEED, "rust")->id, "rest");
	assert_string_equal(vocab_find(NB_VOCAB_NEED, "verbondenheid")->id, "connection");
	assert_string_equal(vocab_find(NB_VOCAB_SENSATION, "hartkloppingen")->id, "racing-heart");
	assert_string_equal(vocab_find(NB_VOCAB_MOMENT_KIND, "knuffel")->id, "hug");
	assert_string_equal(vocab_find(NB_VOCAB_MOMENT_KIND, "sitting close")->id, "close");
	assert_null(vocab_find(NB_VOCAB_NEED, "sad"));	/* a word belongs to its own list */
	assert_string_equal(vocab_find(NB_VOCAB_PLACE, " Whole Body ")->id, "whole");
	assert_string_equal(vocab_label(NB_VOCAB_NEED, "rest"), "rest");
	assert_string_equal(vocab_label(NB_VOCAB_NEED, "my own words"), "my own words");
	assert_null(vocab_label(NB_VOCAB_NEED, NULL));
	assert_null(vocab_terms(NB_VOCAB_FREE, &n));
	assert_int_equal(n, 0);
	assert_true(vocab_is_closed(NB_VOCAB_STATE));
	assert_false(vocab_is_closed(NB_VOCAB_EMOTION));
	assert_int_equal(entry_type_parse("circle"), NB_MEMBER);
	assert_int_equal(entry_type_parse("exercise"), NB_SESSION);
	assert_int_equal(entry_type_parse("hug"), NB_TYPE_NONE);
}

static void care_rule(void **state)
{
	struct nb_checkin c = { .sleep_minutes = -1 };

	(void)state;
	assert_false(care_needs_help(&c));
	c.mood = 1;
	assert_true(care_needs_help(&c));
	c.mood = 2;
	assert_false(care_needs_help(&c));
	c.tension = 5;
	assert_true(care_needs_help(&c));
	c.mood = 3;
	assert_false(care_needs_help(&c));
	c.mood = 0;	/* tension alone is not the lowest end */
	assert_false(care_needs_help(&c));
	assert_non_null(strstr(care_help_text(NB_HELP_LINE, (char[NB_HELP_TEXT_LEN]){ 0 }, NB_HELP_TEXT_LEN), "0800-0113"));
	assert_non_null(strstr(care_help_text(NB_HELP_LINE, (char[NB_HELP_TEXT_LEN]){ 0 }, NB_HELP_TEXT_LEN), "113.nl"));
	assert_non_null(strstr(care_help_text(NB_HELP_LINE, (char[NB_HELP_TEXT_LEN]){ 0 }, NB_HELP_TEXT_LEN), "112"));
	assert_non_null(strstr(care_help_text(NB_HELP_LINE, (char[NB_HELP_TEXT_LEN]){ 0 }, NB_HELP_TEXT_LEN),
			       "De Luisterlijn, day and night, on 088\xc2\xa0" "0767\xc2\xa0" "000"));
	assert_non_null(strstr(care_not_therapy_text(false), "not a replacement"));
	assert_null(strstr(care_not_therapy_text(true), "nabij export"));
}

/* What follows a save, the one rule of both faces: help and the people to
 * call after the lowest check-in that asks for someone (not while a strong
 * craving has its own box), someone who listens a step above it, a word
 * after a moment that did not feel safe, nothing after anything else. */
static void care_after_a_save(void **state)
{
	struct nb_item need = { .term = "contact" }, craving = { .term = "craving", .intensity = 5 };
	struct nb_entry *e = entry_new(NB_CHECKIN);
	struct nb_care_after a;
	struct nb_member sam = { .name = "Sam", .reach = "06-12345678" }, bench = sam;
	char dial[24];

	(void)state;
	care_after(e, &a);
	assert_false(a.help || a.call || a.listen || a.word);
	e->u.checkin.mood = 1;
	care_after(e, &a);
	assert_true(a.help);
	assert_false(a.call || a.listen);
	e->u.checkin.needs = (struct nb_items){ &need, 1, 1 };
	care_after(e, &a);
	assert_true(a.help && a.call);
	e->u.checkin.emotions = (struct nb_items){ &craving, 1, 1 };
	care_after(e, &a);
	assert_true(a.help);
	assert_false(a.call);
	e->u.checkin.emotions = (struct nb_items){ 0 };
	e->u.checkin.mood = 2;
	care_after(e, &a);
	assert_true(a.listen);
	assert_false(a.help || a.call);
	e->u.checkin.needs = (struct nb_items){ 0 };
	entry_free(e);
	e = entry_new(NB_MOMENT);
	e->u.moment.kind = xstrdup("hug");
	e->u.moment.safe = xstrdup("unsure");
	care_after(e, &a);
	assert_null(a.word);
	xstrset(&e->u.moment.safe, "no");
	care_after(e, &a);
	assert_non_null(a.word);
	assert_non_null(strstr(a.word, "Your no counts as much as your yes."));
	entry_free(e);
	assert_true(care_callable(&sam, dial));
	assert_string_equal(dial, "0612345678");
	bench.place = true;	/* a place is not called */
	assert_false(care_callable(&bench, dial));
	sam.reach = "on Tuesdays";
	assert_false(care_callable(&sam, dial));
}

/* Where the help lines go in which order: the edges of the rule. */
static void care_first_line_rule(void **state)
{
	struct nb_item need = { .term = "contact" }, lonely = { .term = "loneliness" }, rest = { .term = "rest" };
	struct nb_checkin c = { .sleep_minutes = -1 };
	char buf[NB_HELP_TEXT_LEN];
	const char *listen, *line;

	(void)state;
	/* nothing in view: 113 first; a page about being alone or loss: De Luisterlijn */
	assert_int_equal(care_first_line(NULL, false), NB_HELP_LINE);
	assert_int_equal(care_first_line(NULL, true), NB_HELP_LISTEN);
	/* a check-in that asks for nobody in particular */
	c.mood = 3;
	c.needs = (struct nb_items){ &rest, 1, 1 };
	assert_int_equal(care_first_line(&c, false), NB_HELP_LINE);
	/* a need for contact, or loneliness felt, one step above the lowest */
	c.needs = (struct nb_items){ &need, 1, 1 };
	c.mood = 2;
	c.tension = 4;
	assert_int_equal(care_first_line(&c, false), NB_HELP_LISTEN);
	c.needs = (struct nb_items){ 0 };
	c.emotions = (struct nb_items){ &lonely, 1, 1 };
	assert_int_equal(care_first_line(&c, false), NB_HELP_LISTEN);
	/* one step further is the lowest end: 113 first, loneliness or not,
	 * and on a page about loss too */
	c.tension = 5;
	assert_int_equal(care_first_line(&c, false), NB_HELP_LINE);
	assert_int_equal(care_first_line(&c, true), NB_HELP_LINE);
	c.tension = 0;
	c.mood = 1;
	assert_int_equal(care_first_line(&c, false), NB_HELP_LINE);
	c.mood = 2;
	assert_int_equal(care_first_line(&c, false), NB_HELP_LISTEN);
	/* the terminal's words follow the same order, and name each line once */
	care_help_text(NB_HELP_LISTEN, buf, sizeof buf);
	listen = strstr(buf, "De Luisterlijn");
	line = strstr(buf, "113 Zelfmoordpreventie");
	assert_true(listen && line && listen < line);
	assert_null(strstr(listen + 1, "De Luisterlijn"));
	care_help_text(NB_HELP_LINE, buf, sizeof buf);
	listen = strstr(buf, "De Luisterlijn");
	line = strstr(buf, "113 Zelfmoordpreventie");
	assert_true(listen && line && line < listen);
	assert_null(strstr(line + 1, "113 Zelfmoordpreventie"));
	/* the number dialled as written, and a phone number by nabij's own rule */
	{
		char dial[24];
		assert_true(care_phone_number("088 0767 000", dial));
		assert_string_equal(dial, "0880767000");
	}
}

static void circle_and_prompts(void **state)
{
	char buf[512];
	size_t n;
	const struct nb_prompt *all = prompt_all(&n);

	(void)state;
	assert_non_null(circle_advice(0, buf, sizeof buf));
	assert_non_null(strstr(circle_advice(1, buf, sizeof buf), "1 person or place"));
	assert_non_null(strstr(circle_advice(2, buf, sizeof buf), "2 people"));
	assert_null(circle_advice(3, buf, sizeof buf));
	assert_null(circle_advice(5, buf, sizeof buf));
	assert_non_null(strstr(circle_advice(6, buf, sizeof buf), "6 people"));
	/* the same prompt all day, a new one the next day, every one in turn */
	assert_ptr_equal(prompt_for_day("2026-11-20"), prompt_for_day("2026-11-20"));
	assert_ptr_not_equal(prompt_for_day("2026-11-20"), prompt_for_day("2026-11-21"));
	for (size_t i = 0; i < n; i++) {
		char day[NB_DAY_LEN];
		bool seen = false;
		for (int d = 0; d < (int)n; d++) {
			nb_day_add("2026-11-20", d, day);
			seen = seen || prompt_for_day(day) == &all[i];
		}
		assert_true(seen);
	}
}

static void wanted_touch(void **state)
{
	struct nb_moment m = { 0 };

	(void)state;
	m.kind = "hug";
	assert_false(moment_is_wanted_touch(&m));
	m.safe = "unsure";
	assert_false(moment_is_wanted_touch(&m));
	m.safe = "yes";
	assert_true(moment_is_wanted_touch(&m));
	m.kind = "talk";
	assert_false(moment_is_wanted_touch(&m));
}

static void uids(void **state)
{
	char a[NB_UID_LEN], b[NB_UID_LEN];

	(void)state;
	uid_new(a);
	uid_new(b);
	assert_true(uid_valid(a));
	assert_string_not_equal(a, b);
	assert_false(uid_valid("ABCDEF0123456789abcdef0123456789"));
	assert_false(uid_valid("abc"));
	assert_false(uid_valid(NULL));
}

/* Every type of field has its operations, and every field of every kind
 * goes into its row's cell and comes back the same. */
static void field_types_and_cells(void **state)
{
	(void)state;
	for (int t = 0; t < NB_FT__COUNT; t++) {
		const struct nb_ftype_ops *o = ftype_ops((enum nb_ftype)t);

		assert_non_null(o->answered);
		assert_true((o->cell == NB_CELL_NONE) == (t == NB_FT_ITEMS || t == NB_FT_TERMS));
		assert_true(o->cell == NB_CELL_NONE || (o->to_cell && o->from_cell));
	}
	for (int k = NB_CHECKIN; k < NB_TYPE__COUNT; k++) {
		size_t n;
		const struct nb_field *f = fields_of((enum nb_type)k, &n);
		struct nb_entry *a = entry_new((enum nb_type)k), *b = entry_new((enum nb_type)k);

		for (size_t i = 0; i < n; i++) {
			struct nb_value v, w;
			struct nb_buf tmp = { 0 }, tmp2 = { 0 };

			if (ftype_ops(f[i].type)->cell == NB_CELL_NONE)
				continue;
			/* a value of its type: a number, a text, answers 1..7 */
			if (ftype_ops(f[i].type)->cell == NB_CELL_INT && f[i].type != NB_FT_FLAG)
				*field_int(a, &f[i]) = f[i].hi ? f[i].hi : 1;
			else if (f[i].type == NB_FT_FLAG)
				*field_flag(a, &f[i]) = true;
			else if (f[i].type == NB_FT_ANSWERS)
				for (int q = 0; q < NB_ATTACHMENT_ITEMS; q++)
					field_int(a, &f[i])[q] = 1 + q % 7;
			else
				xstrset(field_str(a, &f[i]), "woorden");
			assert_true(field_answered(a, &f[i]));
			field_to_cell(a, &f[i], &v, &tmp);
			assert_false(v.null);
			field_from_cell(b, &f[i], &v);
			field_to_cell(b, &f[i], &w, &tmp2);
			assert_int_equal(w.null, v.null);
			assert_int_equal(w.i, v.i);
			if (v.s || w.s)
				assert_string_equal(w.s, v.s);
			buf_free(&tmp);
			buf_free(&tmp2);
		}
		entry_free(a);
		entry_free(b);
	}
}

/* A value typed back (what a form's box offers to change) reads as it was. */
static void typed_back(void **state)
{
	static const struct { const char *id, *given, *typed; } v[] = {
		{ "body", "tension@shoulders, tiredness", "tension in shoulders, tiredness" },
		{ "sleep-hours", "7.5", "7:30" },
		{ "state", "calm", "calm and connected" },
		{ "tag", "a walk, call", "a walk, call" },
		{ "note", "two\nlines", "two\nlines" },
		{ "mood", "4", "4" },
	};
	struct nb_entry *a = entry_new(NB_CHECKIN), *b = entry_new(NB_CHECKIN);
	struct nb_error err;
	size_t n;
	const struct nb_field *f;

	(void)state;
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		const struct nb_field *r = field_find(NB_CHECKIN, v[i].id);
		struct nb_buf t = { 0 }, again = { 0 };

		field_typed(a, r, &t);
		assert_null(t.s);	/* not answered: nothing */
		assert_int_equal(field_parse(a, r, v[i].given, &err), NB_OK);
		field_typed(a, r, &t);
		assert_string_equal(t.s, v[i].typed);
		assert_int_equal(field_parse(b, r, t.s, &err), NB_OK);
		field_typed(b, r, &again);
		assert_string_equal(again.s, t.s);
		buf_free(&t);
		buf_free(&again);
	}
	for (int k = NB_CHECKIN; k < NB_TYPE__COUNT; k++) {	/* a row beneath another's choices */
		f = fields_of((enum nb_type)k, &n);
		for (size_t i = 0; i < n; i++)
			if (f[i].under) {
				const struct nb_field *of = field_find((enum nb_type)k, f[i].under);
				assert_non_null(of);
				assert_true(of->flags & NB_FF_CHOICES);
			}
	}
	entry_free(a);
	entry_free(b);
}

/* What a person types for the rows the attachment and the reflection
 * commands take as flags: the answers whole, a prompt of nabij's own. */
static void typed_rows(void **state)
{
	struct nb_entry *a = entry_new(NB_ATTACHMENT), *r = entry_new(NB_REFLECTION);
	const struct nb_field *answers = field_find(NB_ATTACHMENT, "answers");
	const struct nb_field *prompt = field_find(NB_REFLECTION, "prompt");
	struct nb_error err = { 0 };

	(void)state;
	assert_false(fields_complete(a));	/* no answers yet: asked, or refused */
	assert_int_equal(field_set(a, answers, "1,2,3", &err), NB_EINVAL);
	assert_string_equal(err.msg, "--answers takes 12 answers from 1 to 7, separated by commas (you gave 3).");
	assert_int_equal(field_set(a, answers, "1,2,3,4,5,6,7,8,1,2,3,4", &err), NB_EINVAL);
	assert_string_equal(err.msg, "answers must be a whole number from 1 to 7 (you gave \"8\").");
	assert_int_equal(field_set(a, answers, "1,2,3,4,5,6,7,none,1,2,3,4", &err), NB_EINVAL);
	assert_string_equal(err.msg, "Every statement needs an answer from 1 to 7.");
	assert_false(fields_complete(a));
	assert_int_equal(field_set(a, answers, "5,3,6,2,3,5,6,2,5,6,3,2", &err), NB_OK);
	assert_true(fields_complete(a));
	assert_int_equal(a->u.attachment.answers[11], 2);

	assert_int_equal(field_set(r, prompt, "kind-friend", &err), NB_OK);
	assert_string_equal(r->u.reflection.prompt, "kind-friend");
	assert_int_equal(field_set(r, prompt, "nonsense", &err), NB_EINVAL);
	assert_string_equal(err.field, "prompt");
	assert_string_equal(err.msg, "\"nonsense\" is not one of nabij's prompts.");
	assert_string_equal(r->u.reflection.prompt, "kind-friend");
	assert_int_equal(field_set(r, prompt, "", &err), NB_OK);
	assert_null(r->u.reflection.prompt);
	entry_free(a);
	entry_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(checkin_ranges),
		cmocka_unit_test(times_and_texts),
		cmocka_unit_test(other_kinds),
		cmocka_unit_test(vocabularies),
		cmocka_unit_test(care_rule),
		cmocka_unit_test(care_first_line_rule),
		cmocka_unit_test(care_after_a_save),
		cmocka_unit_test(circle_and_prompts),
		cmocka_unit_test(wanted_touch),
		cmocka_unit_test(uids),
		cmocka_unit_test(field_types_and_cells),
		cmocka_unit_test(typed_back),
		cmocka_unit_test(typed_rows),
	};

	return cmocka_run_group_tests_name("record", tests, NULL, NULL);
}
