/* core: the week as a story (core/story.c): each rule, their order, the
 * empty week, a week with a strong craving, and the words in both
 * languages. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/story.h"
#include "core/week.h"
#include "core/xalloc.h"

#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MONDAY "2026-11-16"	/* the week told; the week before starts 2026-11-09 */

static int64_t next_id;

static struct nb_entry *at(struct nb_entries *l, enum nb_type t, const char *day, int hour)
{
	struct nb_entry *e = entry_new(t);
	struct nb_stamp st;
	char s[40];

	snprintf(s, sizeof s, "%sT%02d:00:00+01:00", day, hour);
	assert_true(nb_stamp_parse(s, &st));
	entry_set_time(e, st);
	e->id = ++next_id;
	entries_push(l, e);
	return e;
}

static struct nb_entry *checkin(struct nb_entries *l, const char *day, int hour, int mood)
{
	struct nb_entry *e = at(l, NB_CHECKIN, day, hour);

	e->u.checkin.mood = mood;
	return e;
}

static struct nb_entry *moment(struct nb_entries *l, const char *day, const char *kind, const char *with,
			       const char *member_uid, const char *safe)
{
	struct nb_entry *e = at(l, NB_MOMENT, day, 12);

	e->u.moment.kind = xstrdup(kind);
	e->u.moment.with = xstrdup(with);
	e->u.moment.member_uid = xstrdup(member_uid);
	e->u.moment.safe = xstrdup(safe);
	return e;
}

static struct nb_entry *session(struct nb_entries *l, const char *day, const char *exercise, int before,
				int after)
{
	struct nb_entry *e = at(l, NB_SESSION, day, 10);

	e->u.session.exercise = xstrdup(exercise);
	e->u.session.seconds = 180;
	if (strcmp(exercise, "urge") == 0) {
		e->u.session.urge_before = before;
		e->u.session.urge_after = after;
	} else {
		e->u.session.tension_before = before;
		e->u.session.tension_after = after;
	}
	return e;
}

static struct nb_entry *intention(struct nb_entries *l, const char *day, const char *text)
{
	struct nb_entry *e = at(l, NB_REFLECTION, day, 20);

	e->u.reflection.prompt = xstrdup(NB_WEEK_PROMPT);
	e->u.reflection.text = xstrdup(text);
	return e;
}

/* The story of the records l for the week of MONDAY. */
static void tell(const struct nb_entries *l, struct nb_week *w, struct nb_story *s)
{
	week_build(l, MONDAY, w);
	week_story(w, l, s);
}

/* The words of every item, each checked for what the voice never says. */
static void words_are_kind(const struct nb_story *s)
{
	char buf[1200];

	for (size_t i = 0; i < s->n; i++) {
		story_text(&s->v[i], buf, sizeof buf);
		assert_true(strlen(buf) > 20);
		assert_null(strstr(buf, "steady"));
		assert_null(strstr(buf, "only"));
		assert_null(strstr(buf, "!"));
		assert_null(strstr(buf, "because"));
		assert_null(strstr(buf, "missed"));
	}
}

/* Nothing noted: no story; only the intention set the week before: that. */
static void empty_week(void **state)
{
	struct nb_entries l = { 0 };
	struct nb_week w;
	struct nb_story s;
	char buf[1200];

	(void)state;
	tell(&l, &w, &s);
	assert_int_equal(s.n, 0);
	checkin(&l, "2026-11-12", 9, 1);	/* the week before alone tells nothing of this one */
	moment(&l, "2026-11-12", "hug", NULL, NULL, "yes");
	tell(&l, &w, &s);
	assert_int_equal(s.n, 0);
	intention(&l, "2026-11-15", "Call Noor once.");
	tell(&l, &w, &s);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.v[0].kind, NB_STORY_INTENTION);
	assert_string_equal(s.v[0].text, "Call Noor once.");
	assert_true(story_has(&s, NB_STORY_INTENTION));
	assert_false(story_has(&s, NB_STORY_NOTED));
	story_text(&s.v[0], buf, sizeof buf);
	assert_string_equal(buf, "Your intention for this week, in your own words: “Call Noor once.” — a moment to look back at it, whatever came of it.");
	entries_free(&l);
}

/* Too little to tell of (one check-in): a kind word that is true of any
 * week, never a count. */
static void too_little(void **state)
{
	struct nb_entries l = { 0 };
	struct nb_week w;
	struct nb_story s;
	char buf[1200];

	(void)state;
	checkin(&l, "2026-11-18", 9, 3);
	tell(&l, &w, &s);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.v[0].kind, NB_STORY_NOTED);
	story_text(&s.v[0], buf, sizeof buf);
	assert_null(strpbrk(buf, "0123456789"));
	assert_string_equal(buf, "What you noted this week is below. Every note, however small, was a moment you took for yourself.");
	/* one low day among none to compare with is not a heavier day */
	l.v[0]->u.checkin.mood = 1;
	tell(&l, &w, &s);
	assert_int_equal(s.v[0].kind, NB_STORY_NOTED);
	words_are_kind(&s);
	entries_free(&l);
}

/* A week with a strong craving is told as such, never with words of a
 * steady week: a single check-in too, the feeling ticked without a
 * strength too; the day after it a weaker urge is lighter. */
static void craving_week(void **state)
{
	struct nb_entries l = { 0 };
	struct nb_week w;
	struct nb_story s;
	struct nb_entry *c;
	char buf[1200];

	(void)state;
	c = checkin(&l, "2026-11-18", 22, 3);
	c->u.checkin.craving = 5;
	tell(&l, &w, &s);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.v[0].kind, NB_STORY_HEAVY);
	assert_true(s.v[0].craving);
	assert_false(s.v[0].low_mood);
	assert_string_equal(s.v[0].day, "2026-11-18");
	assert_int_equal(s.v[0].after, NB_AFTER_NONE);
	story_text(&s.v[0], buf, sizeof buf);
	assert_string_equal(buf, "On Wednesday a strong urge came. It is good that you noted it.");
	words_are_kind(&s);

	c->u.checkin.craving = 0;	/* the feeling alone, without a strength */
	items_add(&c->u.checkin.emotions, "craving", NULL, 0);
	tell(&l, &w, &s);
	assert_int_equal(s.v[0].kind, NB_STORY_HEAVY);
	assert_true(s.v[0].craving);

	c = checkin(&l, "2026-11-19", 9, 3);	/* the next morning, a weaker urge */
	c->u.checkin.craving = 2;
	tell(&l, &w, &s);
	assert_int_equal(s.v[0].after, NB_AFTER_LIGHTER);
	story_text(&s.v[0], buf, sizeof buf);
	assert_string_equal(buf, "On Wednesday a strong urge came. The day after, the urge you noted was less strong.");

	c->u.checkin.craving = 4;	/* still strong: not lighter; the first day with something after is told */
	tell(&l, &w, &s);
	assert_string_equal(s.v[0].day, "2026-11-18");
	assert_int_equal(s.v[0].after, NB_AFTER_NONE);
	checkin(&l, "2026-11-20", 9, 3)->u.checkin.craving = 1;
	tell(&l, &w, &s);
	assert_string_equal(s.v[0].day, "2026-11-19");	/* Thursday's urge, and Friday's none */
	assert_int_equal(s.v[0].after, NB_AFTER_LIGHTER);
	words_are_kind(&s);
	entries_free(&l);
}

/* Rule 2: an urge ridden down by at least a point on average, after the
 * heavier day; that day's next day does not name the same exercise again. */
static void urge_ridden(void **state)
{
	struct nb_entries l = { 0 };
	struct nb_week w;
	struct nb_story s;
	struct nb_entry *c;
	char buf[1200];

	(void)state;
	session(&l, "2026-11-19", "urge", 4, 4);
	session(&l, "2026-11-19", "urge", 4, 3);	/* on average 0.5: not a real drop */
	tell(&l, &w, &s);
	assert_false(story_has(&s, NB_STORY_URGE));
	session(&l, "2026-11-20", "urge", 5, 2);	/* (0 - 1 - 3) / 3 = 1.33 */
	tell(&l, &w, &s);
	assert_int_equal(s.v[0].kind, NB_STORY_URGE);
	assert_string_equal(s.v[0].term, "urge");
	assert_int_equal(s.v[0].n, 3);
	story_text(&s.v[0], buf, sizeof buf);
	assert_string_equal(buf, "You rode an urge this week; afterwards it was on average 1.3 points weaker.");

	c = checkin(&l, "2026-11-18", 21, 3);	/* the evening before: a strong urge */
	c->u.checkin.craving = 4;
	tell(&l, &w, &s);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.v[0].kind, NB_STORY_HEAVY);	/* the heavier day first, then the urge */
	assert_int_equal(s.v[1].kind, NB_STORY_URGE);
	assert_int_equal(s.v[0].after, NB_AFTER_NONE);	/* riding it is told already */
	session(&l, "2026-11-19", "breath", 4, 3);
	tell(&l, &w, &s);
	assert_int_equal(s.v[0].after, NB_AFTER_EXERCISE);
	assert_string_equal(s.v[0].after_term, "breath");
	story_text(&s.v[0], buf, sizeof buf);
	assert_string_equal(buf, "On Wednesday a strong urge came. The day after, you took time for an exercise (self-soothing breath).");
	words_are_kind(&s);

	entries_free(&l);
	l = (struct nb_entries){ 0 };
	session(&l, "2026-11-20", "urge", 4, 2);	/* once */
	tell(&l, &w, &s);
	story_text(&s.v[0], buf, sizeof buf);
	assert_string_equal(buf, "You rode an urge this week, and afterwards it was 2 points weaker.");
	entries_free(&l);
}

/* Rule 1: the day of the lowest mood when clearly below the week's mean,
 * and what its next day held: a moment before an exercise before a
 * lighter mood; Sunday's next day is another week's. */
static void heavier_day(void **state)
{
	struct nb_entries l = { 0 };
	struct nb_week w;
	struct nb_story s;
	struct nb_entry *m;
	char buf[1200];

	(void)state;
	checkin(&l, "2026-11-16", 9, 3);
	checkin(&l, "2026-11-17", 9, 3);
	checkin(&l, "2026-11-18", 9, 2);	/* mean 2.67: 0.67 below, not clearly */
	tell(&l, &w, &s);
	assert_false(story_has(&s, NB_STORY_HEAVY));
	checkin(&l, "2026-11-19", 9, 4);	/* mean 3: a whole point below */
	tell(&l, &w, &s);
	assert_int_equal(s.v[0].kind, NB_STORY_HEAVY);
	assert_string_equal(s.v[0].day, "2026-11-18");
	assert_true(s.v[0].low_mood);
	assert_false(s.v[0].craving);
	assert_int_equal(s.v[0].after, NB_AFTER_LIGHTER);	/* Thursday's 4 */
	story_text(&s.v[0], buf, sizeof buf);
	assert_string_equal(buf, "This week, Wednesday was a heavier day. The day after, your mood was lighter.");

	session(&l, "2026-11-19", "grounding", 3, 3);
	tell(&l, &w, &s);
	assert_int_equal(s.v[0].after, NB_AFTER_EXERCISE);
	m = moment(&l, "2026-11-19", "hug", "Sam", NULL, "no");	/* not wanted: not told */
	tell(&l, &w, &s);
	assert_int_equal(s.v[0].after, NB_AFTER_EXERCISE);
	xstrset(&m->u.moment.safe, "yes");
	tell(&l, &w, &s);
	assert_int_equal(s.v[0].after, NB_AFTER_MOMENT);
	assert_ptr_equal(s.v[0].after_record, m);
	story_text(&s.v[0], buf, sizeof buf);
	assert_string_equal(buf, "This week, Wednesday was a heavier day. The day after, there was a moment of connection with Sam (hug).");
	xstrset(&m->u.moment.with, NULL);
	tell(&l, &w, &s);
	story_text(&s.v[0], buf, sizeof buf);
	assert_string_equal(buf, "This week, Wednesday was a heavier day. The day after, there was a moment of connection (hug).");
	words_are_kind(&s);
	entries_free(&l);

	l = (struct nb_entries){ 0 };	/* a heavy Sunday: nothing after it in this week */
	checkin(&l, "2026-11-20", 9, 4);
	checkin(&l, "2026-11-21", 9, 4);
	checkin(&l, "2026-11-22", 9, 1);
	tell(&l, &w, &s);
	assert_string_equal(s.v[0].day, "2026-11-22");
	assert_int_equal(s.v[0].after, NB_AFTER_NONE);
	story_text(&s.v[0], buf, sizeof buf);
	assert_string_equal(buf, "This week, Sunday was a heavier day. It is good that you noted it.");
	entries_free(&l);
}

/* Rule 3: a person from the circle after a week without (when the week
 * before held moments), or again and again; else a kind of moment again
 * and again. A moment that did not feel safe is not counted. */
static void came_back(void **state)
{
	struct nb_entries l = { 0 };
	struct nb_week w;
	struct nb_story s;
	struct nb_entry *m;
	char buf[1200];

	(void)state;
	moment(&l, "2026-11-18", "talk", "Noor", "u-noor", NULL);
	tell(&l, &w, &s);	/* nothing noted the week before: not "after a week without" */
	assert_false(story_has(&s, NB_STORY_PERSON_BACK));
	moment(&l, "2026-11-10", "hug", "Sam", "u-sam", "yes");
	tell(&l, &w, &s);
	assert_int_equal(s.v[0].kind, NB_STORY_PERSON_BACK);
	assert_string_equal(s.v[0].name, "Noor");
	assert_string_equal(s.v[0].member_uid, "u-noor");
	assert_string_equal(s.v[0].day, "2026-11-18");
	assert_int_equal(s.v[0].n, 1);
	story_text(&s.v[0], buf, sizeof buf);
	assert_string_equal(buf, "This week there was a moment with Noor from your circle, after a week without (real conversation, on Wednesday).");
	moment(&l, "2026-11-20", "hug", "noor", "u-noor", NULL);
	tell(&l, &w, &s);
	assert_int_equal(s.v[0].n, 2);
	assert_string_equal(s.v[0].name, "noor");	/* as the newest moment writes them */
	story_text(&s.v[0], buf, sizeof buf);
	assert_string_equal(buf, "This week there were 2 moments with noor from your circle, after a week without.");
	entries_free(&l);

	l = (struct nb_entries){ 0 };	/* Sam, there both weeks, three times this week */
	moment(&l, "2026-11-10", "hug", "Sam", "u-sam", "yes");
	moment(&l, "2026-11-16", "hug", "Sam", "u-sam", "yes");
	moment(&l, "2026-11-17", "talk", "Sam", "u-sam", NULL);
	m = moment(&l, "2026-11-19", "hug", "Sam", "u-sam", "no");
	tell(&l, &w, &s);
	assert_false(story_has(&s, NB_STORY_PERSON_OFTEN));
	assert_false(story_has(&s, NB_STORY_KIND_OFTEN));
	xstrset(&m->u.moment.safe, "unsure");
	tell(&l, &w, &s);
	assert_int_equal(s.v[0].kind, NB_STORY_PERSON_OFTEN);
	assert_int_equal(s.v[0].n, 3);
	story_text(&s.v[0], buf, sizeof buf);
	assert_string_equal(buf, "Sam from your circle came back in your week again and again: 3 moments together.");
	entries_free(&l);

	l = (struct nb_entries){ 0 };	/* no one of the circle: a kind of moment */
	moment(&l, "2026-11-16", "self", NULL, NULL, "yes");
	moment(&l, "2026-11-18", "self", NULL, NULL, "yes");
	moment(&l, "2026-11-18", "hug", "Mieke", NULL, "yes");
	moment(&l, "2026-11-18", "hug", "Mieke", NULL, "yes");
	moment(&l, "2026-11-22", "self", NULL, NULL, NULL);
	tell(&l, &w, &s);
	assert_int_equal(s.v[0].kind, NB_STORY_KIND_OFTEN);
	assert_string_equal(s.v[0].term, "self");
	story_text(&s.v[0], buf, sizeof buf);
	assert_string_equal(buf, "One kind of moment came back again and again: self-touch, 3 times this week.");
	words_are_kind(&s);
	entries_free(&l);
}

/* Rule 1 tells what followed a heavier day; rule 3 does not say that same
 * moment again. */
static void not_said_twice(void **state)
{
	struct nb_entries l = { 0 };
	struct nb_week w;
	struct nb_story s;

	(void)state;
	moment(&l, "2026-11-10", "hug", "Sam", "u-sam", "yes");
	checkin(&l, "2026-11-16", 9, 4);
	checkin(&l, "2026-11-17", 9, 2);
	checkin(&l, "2026-11-19", 9, 4);
	moment(&l, "2026-11-18", "talk", "Noor", "u-noor", NULL);
	tell(&l, &w, &s);
	assert_int_equal(s.v[0].kind, NB_STORY_HEAVY);
	assert_int_equal(s.v[0].after, NB_AFTER_MOMENT);
	assert_false(story_has(&s, NB_STORY_PERSON_BACK));
	moment(&l, "2026-11-21", "talk", "Noor", "u-noor", NULL);	/* a second one: worth its own line */
	tell(&l, &w, &s);
	assert_int_equal(s.v[1].kind, NB_STORY_PERSON_BACK);
	assert_int_equal(s.v[1].n, 2);
	entries_free(&l);
}

/* Rule 4: the exercise with the largest drop in tension, of at least a
 * point; equal drops go to more sessions, then to the id. */
static void exercise_calmed(void **state)
{
	struct nb_entries l = { 0 };
	struct nb_week w;
	struct nb_story s;
	char buf[1200];

	(void)state;
	session(&l, "2026-11-17", "breath", 3, 3);
	session(&l, "2026-11-18", "breath", 4, 3);	/* 0.5 */
	tell(&l, &w, &s);
	assert_false(story_has(&s, NB_STORY_CALMED));
	session(&l, "2026-11-19", "breath", 5, 2);	/* 1.33 */
	session(&l, "2026-11-19", "grounding", 4, 2);	/* 2, once */
	tell(&l, &w, &s);
	assert_int_equal(s.v[0].kind, NB_STORY_CALMED);
	assert_string_equal(s.v[0].term, "grounding");
	assert_int_equal(s.v[0].n, 1);
	assert_true(s.v[0].change == -2.0);
	story_text(&s.v[0], buf, sizeof buf);
	assert_string_equal(buf, "Here-and-now grounding: afterwards your tension was 2 points lower.");
	session(&l, "2026-11-20", "compassion", 3, 1);	/* 2 as well: grounding's id comes later */
	session(&l, "2026-11-21", "place", 5, 3);
	session(&l, "2026-11-21", "place", 3, 1);	/* 2 as well, twice: more sessions first */
	tell(&l, &w, &s);
	assert_string_equal(s.v[0].term, "place");
	story_text(&s.v[0], buf, sizeof buf);
	assert_string_equal(buf, "Safe place: afterwards your tension was on average 2 points lower.");
	l.v[l.n - 1]->u.session.tension_after = 2;	/* place 1.5 */
	tell(&l, &w, &s);
	assert_string_equal(s.v[0].term, "compassion");
	session(&l, "2026-11-21", "breath", 4, 3);	/* breath (0 + 1 + 3 + 1) / 4 = 1.25 */
	tell(&l, &w, &s);
	assert_string_equal(s.v[0].term, "compassion");
	words_are_kind(&s);
	entries_free(&l);
}

/* The order: heavier day, urge, came back, calmed, intention; at most two;
 * the same records give the same story in any order. */
static void priority(void **state)
{
	struct nb_entries l = { 0 };
	struct nb_week w;
	struct nb_story s, again;
	struct nb_entry *c;

	(void)state;
	intention(&l, "2026-11-13", "Rest on Sunday.");
	tell(&l, &w, &s);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.v[0].kind, NB_STORY_INTENTION);
	session(&l, "2026-11-16", "breath", 4, 2);
	tell(&l, &w, &s);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.v[0].kind, NB_STORY_CALMED);
	assert_int_equal(s.v[1].kind, NB_STORY_INTENTION);
	moment(&l, "2026-11-17", "hug", NULL, NULL, "yes");
	moment(&l, "2026-11-18", "hug", NULL, NULL, "yes");
	moment(&l, "2026-11-20", "hug", NULL, NULL, "yes");
	tell(&l, &w, &s);
	assert_int_equal(s.v[0].kind, NB_STORY_KIND_OFTEN);
	assert_int_equal(s.v[1].kind, NB_STORY_CALMED);
	session(&l, "2026-11-22", "urge", 5, 3);
	tell(&l, &w, &s);
	assert_int_equal(s.v[0].kind, NB_STORY_URGE);
	assert_int_equal(s.v[1].kind, NB_STORY_KIND_OFTEN);
	checkin(&l, "2026-11-16", 9, 4);
	checkin(&l, "2026-11-17", 9, 4);
	checkin(&l, "2026-11-21", 9, 2);
	tell(&l, &w, &s);
	assert_int_equal(s.v[0].kind, NB_STORY_HEAVY);
	assert_string_equal(s.v[0].day, "2026-11-21");
	assert_int_equal(s.v[0].after, NB_AFTER_NONE);	/* Sunday's riding the urge is told below */
	assert_int_equal(s.v[1].kind, NB_STORY_URGE);
	c = checkin(&l, "2026-11-19", 23, 3);
	c->u.checkin.craving = 4;	/* a strong craving is the heavier day before the lower mood */
	tell(&l, &w, &s);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.v[0].kind, NB_STORY_HEAVY);
	assert_string_equal(s.v[0].day, "2026-11-19");
	assert_true(s.v[0].craving);
	assert_int_equal(s.v[0].after, NB_AFTER_MOMENT);	/* Friday's hug */
	assert_int_equal(s.v[1].kind, NB_STORY_URGE);
	words_are_kind(&s);

	for (size_t i = 0; i < l.n / 2; i++) {	/* the records in the other order */
		struct nb_entry *t = l.v[i];
		l.v[i] = l.v[l.n - 1 - i];
		l.v[l.n - 1 - i] = t;
	}
	tell(&l, &w, &again);
	assert_int_equal(again.n, s.n);
	for (size_t i = 0; i < s.n; i++) {
		assert_int_equal(again.v[i].kind, s.v[i].kind);
		assert_string_equal(again.v[i].day, s.v[i].day);
		assert_int_equal(again.v[i].n, s.v[i].n);
		assert_ptr_equal(again.v[i].after_record, s.v[i].after_record);
	}
	entries_free(&l);
}

/* Every item in Dutch, from the build's catalogue: translated, with the
 * decimal comma, the weekday in Dutch. */
static void in_dutch(void **state)
{
	struct nb_story_item items[] = {
		{ .kind = NB_STORY_URGE, .term = "urge", .n = 2, .change = -1.5 },
		{ .kind = NB_STORY_URGE, .term = "urge", .n = 1, .change = -1 },
		{ .kind = NB_STORY_HEAVY, .day = "2026-11-18", .low_mood = true, .craving = true,
		  .after = NB_AFTER_MOMENT, .after_term = "hug", .after_with = "Sam" },
		{ .kind = NB_STORY_HEAVY, .day = "2026-11-18", .craving = true, .after = NB_AFTER_LIGHTER },
		{ .kind = NB_STORY_HEAVY, .day = "2026-11-18", .low_mood = true, .after = NB_AFTER_LIGHTER },
		{ .kind = NB_STORY_HEAVY, .day = "2026-11-18", .low_mood = true, .after = NB_AFTER_EXERCISE,
		  .after_term = "breath" },
		{ .kind = NB_STORY_HEAVY, .day = "2026-11-18", .low_mood = true, .after = NB_AFTER_MOMENT,
		  .after_term = "hug" },
		{ .kind = NB_STORY_HEAVY, .day = "2026-11-18", .low_mood = true },
		{ .kind = NB_STORY_PERSON_BACK, .name = "Noor", .n = 1, .term = "talk", .day = "2026-11-18" },
		{ .kind = NB_STORY_PERSON_BACK, .name = "Noor", .n = 2 },
		{ .kind = NB_STORY_PERSON_OFTEN, .name = "Noor", .n = 3 },
		{ .kind = NB_STORY_KIND_OFTEN, .term = "hug", .n = 3 },
		{ .kind = NB_STORY_CALMED, .term = "breath", .n = 2, .change = -1.5 },
		{ .kind = NB_STORY_CALMED, .term = "breath", .n = 1, .change = -2 },
		{ .kind = NB_STORY_INTENTION, .text = "Noor bellen." },
		{ .kind = NB_STORY_NOTED },
	};
	const char *dir = getenv("NABIJ_LOCALEDIR");
	char en[1200], nl[1200];

	(void)state;
	if (!dir)
		skip();
	setlocale(LC_ALL, "C.UTF-8");
	bindtextdomain("nabij", dir);
	bind_textdomain_codeset("nabij", "UTF-8");
	textdomain("nabij");
	for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
		setenv("LANGUAGE", "en", 1);
		textdomain("nabij");
		story_text(&items[i], en, sizeof en);
		setenv("LANGUAGE", "nl", 1);
		textdomain("nabij");
		story_text(&items[i], nl, sizeof nl);
		if (strcmp(en, nl) == 0)
			fail_msg("not in Dutch: %s", en);
		assert_null(strstr(nl, "check-in"));
		assert_null(strstr(nl, "trek"));
	}
	story_text(&items[0], nl, sizeof nl);
	assert_non_null(strstr(nl, "1,5"));
	story_text(&items[2], nl, sizeof nl);
	assert_non_null(strstr(nl, "woensdag"));
	assert_non_null(strstr(nl, "knuffel"));
	setenv("LANGUAGE", "en", 1);
	textdomain("nabij");	/* drops the Dutch lookups glibc has cached */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(empty_week),
		cmocka_unit_test(too_little),
		cmocka_unit_test(craving_week),
		cmocka_unit_test(urge_ridden),
		cmocka_unit_test(heavier_day),
		cmocka_unit_test(came_back),
		cmocka_unit_test(not_said_twice),
		cmocka_unit_test(exercise_calmed),
		cmocka_unit_test(priority),
		cmocka_unit_test(in_dutch),
	};

	return cmocka_run_group_tests_name("story", tests, NULL, NULL);
}
