/* core: the exercise catalogue, the pacer, suggestions, attachment scoring,
 * the weekly summary and the theme search. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/attachment.h"
#include "core/breath.h"
#include "core/care.h"
#include "core/exercise.h"
#include "core/suggest.h"
#include "core/vocab.h"
#include "core/week.h"
#include "core/xalloc.h"

#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void catalogue_is_whole(void **state)
{
	size_t n, nv;
	const struct nb_exercise *x = exercise_all(&n);
	const struct nb_term *v = vocab_terms(NB_VOCAB_EXERCISE, &nv);

	(void)state;
	assert_int_equal(n, 8);
	assert_int_equal(n, nv);
	for (size_t i = 0; i < n; i++) {
		/* every exercise is in the vocabulary, in the same order */
		assert_string_equal(x[i].id, v[i].id);
		assert_ptr_equal(exercise_find(x[i].id), &x[i]);
		assert_true(strlen(x[i].why) > 40);
		assert_true(exercise_steps(&x[i]) >= 4);
		assert_true(x[i].default_seconds >= 120 && x[i].default_seconds <= 300);
		assert_non_null(strchr(x[i].themes, ','));
	}
	assert_int_equal(exercise_find("breath")->guide, NB_GUIDE_PACER);
	assert_int_equal(exercise_find("closeness")->guide, NB_GUIDE_WORDS);
	assert_int_equal(exercise_find("meeting")->guide, NB_GUIDE_WORDS);
	assert_null(exercise_find("yoga"));
}

/* With the Dutch catalogue of the build, every text of every exercise is
 * translated: the title, the why, and each step. */
static void catalogue_is_dutch_too(void **state)
{
	size_t n;
	const struct nb_exercise *x = exercise_all(&n);
	const char *dir = getenv("NABIJ_LOCALEDIR");

	(void)state;
	if (!dir)
		skip();
	setlocale(LC_ALL, "C.UTF-8");
	setenv("LANGUAGE", "nl", 1);
	bindtextdomain("nabij", dir);
	bind_textdomain_codeset("nabij", "UTF-8");
	textdomain("nabij");
	for (size_t i = 0; i < n; i++) {
		const char *title = vocab_find(NB_VOCAB_EXERCISE, x[i].id)->label;
		assert_string_not_equal(gettext(title), title);
		assert_string_not_equal(gettext(x[i].why), x[i].why);
		for (size_t s = 0; s < exercise_steps(&x[i]); s++)
			if (strcmp(gettext(x[i].steps[s]), x[i].steps[s]) == 0)
				fail_msg("untranslated step: %s", x[i].steps[s]);
	}
	assert_string_equal(gettext("Breathe in"), "Adem in");
	setenv("LANGUAGE", "en", 1);
	textdomain("nabij");	/* drops the Dutch lookups glibc has cached */
}

static void pacer_phases(void **state)
{
	struct nb_breath b = NB_BREATH_DEFAULT;	/* 4-2-6, 3 minutes */
	struct nb_pace p;

	(void)state;
	assert_int_equal(breath_cycle(&b), 12);
	assert_int_equal(breath_total(&b), 180);
	breath_at(&b, 0, &p);
	assert_int_equal(p.phase, NB_IN);
	assert_true(p.fill == 0);
	assert_int_equal(p.count, 4);
	assert_int_equal(p.left, 180);
	assert_int_equal(p.cycle, 1);
	breath_at(&b, 2, &p);
	assert_true(p.fill == 0.5);
	assert_int_equal(p.count, 2);
	breath_at(&b, 3.5, &p);
	assert_int_equal(p.count, 1);
	breath_at(&b, 4, &p);
	assert_int_equal(p.phase, NB_HOLD);
	assert_true(p.fill == 1);
	assert_int_equal(p.count, 2);
	breath_at(&b, 6, &p);
	assert_int_equal(p.phase, NB_OUT);
	assert_true(p.fill == 1);
	breath_at(&b, 9, &p);
	assert_true(p.fill == 0.5);
	assert_int_equal(p.count, 3);
	breath_at(&b, 12, &p);
	assert_int_equal(p.phase, NB_IN);
	assert_int_equal(p.cycle, 2);
	assert_int_equal(p.left, 168);
	breath_at(&b, 179.9, &p);
	assert_int_equal(p.phase, NB_OUT);
	assert_int_equal(p.left, 1);
	breath_at(&b, 180, &p);
	assert_int_equal(p.phase, NB_DONE);
	/* a rest after the out-breath, and sessions of whole breaths */
	b = (struct nb_breath){ 4, 0, 7, 2, 1 };
	assert_int_equal(breath_total(&b), 65);	/* five breaths of 13 s */
	breath_at(&b, 11.5, &p);
	assert_int_equal(p.phase, NB_REST);
	assert_true(p.fill == 0);
	assert_int_equal(p.count, 2);
}

static void rhythms(void **state)
{
	struct nb_breath b = NB_BREATH_DEFAULT;
	struct nb_error err;
	char s[32];

	(void)state;
	assert_int_equal(breath_validate(&b, &err), NB_OK);
	b.out = 4;
	assert_int_equal(breath_validate(&b, &err), NB_EINVAL);
	assert_string_equal(err.field, "out");
	assert_non_null(strstr(err.msg, "longer"));
	b.out = 4, b.in = 4;
	assert_int_equal(breath_validate(&b, &err), NB_EINVAL);
	b = (struct nb_breath)NB_BREATH_DEFAULT;
	b.minutes = 31;
	assert_int_equal(breath_validate(&b, &err), NB_EINVAL);
	assert_string_equal(err.field, "minutes");
	b.minutes = 3, b.in = 1;
	assert_int_equal(breath_validate(&b, &err), NB_EINVAL);
	b.in = 4, b.hold = 11;
	assert_int_equal(breath_validate(&b, &err), NB_EINVAL);
	b = (struct nb_breath)NB_BREATH_DEFAULT;
	breath_pattern(&b, s, sizeof s);
	assert_string_equal(s, "4-2-6");
	assert_int_equal(breath_parse_pattern("5-0-8-2", &b, &err), NB_OK);
	assert_int_equal(b.out, 8);
	assert_int_equal(b.rest, 2);
	breath_pattern(&b, s, sizeof s);
	assert_string_equal(s, "5-0-8-2");
	assert_int_equal(breath_parse_pattern("6-2-4", &b, &err), NB_EINVAL);
	assert_int_equal(breath_parse_pattern("4-2", &b, &err), NB_EINVAL);
	assert_int_equal(breath_parse_pattern("4-2-6x", &b, &err), NB_EINVAL);
}

static void progression_is_gentle(void **state)
{
	struct nb_breath now = NB_BREATH_DEFAULT, next;
	struct nb_session good = { .pattern = "4-2-6", .seconds = 180 };
	struct nb_session short_one = { .pattern = "4-2-6", .seconds = 40 };
	struct nb_session tenser = { .pattern = "4-2-6", .seconds = 180, .tension_before = 2, .tension_after = 4 };
	struct nb_session other = { .pattern = "4-2-7", .seconds = 180 };
	const struct nb_session *three[] = { &good, &good, &good };
	const struct nb_session *two[] = { &good, &good };
	const struct nb_session *stopped[] = { &good, &short_one, &good };
	const struct nb_session *worse[] = { &tenser, &good, &good };
	const struct nb_session *changed[] = { &good, &good, &other };

	(void)state;
	assert_true(breath_progress(three, 3, &now, &next));
	assert_int_equal(next.out, 7);
	assert_int_equal(next.in, 4);
	assert_false(breath_progress(two, 2, &now, &next));
	assert_false(breath_progress(stopped, 3, &now, &next));
	assert_false(breath_progress(worse, 3, &now, &next));
	assert_false(breath_progress(changed, 3, &now, &next));
	now.out = 12;
	good.pattern = "4-2-12";
	assert_false(breath_progress(three, 3, &now, &next));
}

/* One row of the suggestion table. */
struct row {
	const char *state;
	int mood, tension;
	const char *emotion, *need;
	int days_since_touch;
	size_t circle;
	bool calmed_by_grounding;
	enum nb_suggest_kind kind;
	const char *exercise;
	enum nb_suggest_rule rule;
};

/* A strong craving: riding the urge, after the lowest end's own rule and
 * not twice in a row; a craving of 3 is not strong. */
static void craving_suggests_the_urge(void **state)
{
	struct nb_checkin c = { .sleep_minutes = -1, .mood = 3, .craving = 4 };
	struct nb_suggest_in in = { &c, 1, 3, NULL, 0, NULL, NULL };
	struct nb_suggestion s;
	char why[512];

	(void)state;
	suggest(&in, &s);
	assert_int_equal(s.rule, NB_RULE_CRAVING);
	assert_string_equal(s.exercise, "urge");
	assert_non_null(strstr(suggest_why(&s, why, sizeof why), "urge"));
	assert_true(care_strong_craving(&c));
	in.just_done = "urge";
	suggest(&in, &s);
	assert_int_not_equal(s.rule, NB_RULE_CRAVING);
	in.just_done = NULL;
	c.mood = 1;	/* the lowest end comes first, with its help */
	suggest(&in, &s);
	assert_int_equal(s.rule, NB_RULE_LOWEST);
	c.mood = 1;
	in.not_today = "closeness";	/* a day without of an experiment: its exercise is not pressed */
	suggest(&in, &s);
	assert_true(s.kind != NB_SUGGEST_EXERCISE || strcmp(s.exercise, "closeness") != 0);
	in.not_today = NULL;
	c.mood = 3;
	c.craving = 3;
	assert_false(care_strong_craving(&c));
	suggest(&in, &s);
	assert_int_not_equal(s.rule, NB_RULE_CRAVING);
}

/* A craving is a craving, wherever it is noted: on its scale, or as the
 * feeling (with a strength, before entry_settle copies it, or without). */
static void a_craving_wherever_noted(void **state)
{
	struct nb_checkin c = { .sleep_minutes = -1 };

	(void)state;
	assert_false(care_craving_answered(&c));	/* nothing said */
	assert_false(care_craving_present(&c));
	assert_false(care_strong_craving(&c));
	assert_false(care_craving_unrated(&c));
	items_add(&c.emotions, "sadness", NULL, 0);
	assert_false(care_craving_answered(&c));	/* another feeling is no craving */
	items_add(&c.emotions, "craving", NULL, 0);	/* ticked without a strength */
	assert_true(care_craving_answered(&c));
	assert_true(care_craving_present(&c));
	assert_true(care_strong_craving(&c));	/* enough to offer the urge box */
	assert_true(care_craving_unrated(&c));	/* and a face asks how strong */
	c.emotions.v[1].intensity = 3;	/* "craving:3" */
	assert_false(care_strong_craving(&c));
	assert_true(care_craving_present(&c));
	assert_false(care_craving_unrated(&c));
	c.emotions.v[1].intensity = NB_CRAVING_STRONG;	/* "craving:4" */
	assert_true(care_strong_craving(&c));
	c.emotions.v[1].intensity = 0;
	c.craving = 1;	/* the scale says "none": it wins over the ticked feeling */
	assert_true(care_craving_answered(&c));
	assert_false(care_craving_present(&c));
	assert_false(care_strong_craving(&c));
	assert_false(care_craving_unrated(&c));
	c.craving = 2;
	assert_true(care_craving_present(&c));
	c.craving = NB_CRAVING_STRONG - 1;
	assert_false(care_strong_craving(&c));
	c.craving = NB_CRAVING_STRONG;
	assert_true(care_strong_craving(&c));
	c.craving = NB_SCALE_MAX;
	assert_true(care_strong_craving(&c));
	items_clear(&c.emotions);
}

static struct nb_entry *craving_checkin(int craving, const char *emotion, int mood)
{
	struct nb_entry *e = entry_new(NB_CHECKIN);

	e->u.checkin.craving = craving;
	e->u.checkin.mood = mood;
	if (emotion)
		items_add(&e->u.checkin.emotions, emotion, NULL, 0);
	return e;
}

/* The urge box stays while the urge may: until a later check-in of the day
 * says something else about the craving; one that says nothing of it does
 * not end it. */
static void the_urge_stays_until_said_otherwise(void **state)
{
	struct nb_entries l = { 0 };
	struct nb_entry *strong = craving_checkin(5, NULL, 2), *ticked = craving_checkin(0, "craving", 0);

	(void)state;
	assert_null(care_urge_now(&l));	/* nothing today */
	entries_push(&l, craving_checkin(0, NULL, 3));
	assert_null(care_urge_now(&l));
	entries_push(&l, strong);
	assert_ptr_equal(care_urge_now(&l), strong);
	entries_push(&l, craving_checkin(0, "sadness", 2));	/* says nothing of a craving */
	entries_push(&l, entry_new(NB_SESSION));		/* nor does an exercise */
	assert_ptr_equal(care_urge_now(&l), strong);
	entries_push(&l, craving_checkin(2, NULL, 0));	/* a later check-in: it has eased */
	assert_null(care_urge_now(&l));
	entries_push(&l, ticked);	/* the feeling again, without a strength */
	assert_ptr_equal(care_urge_now(&l), ticked);
	entries_push(&l, craving_checkin(NB_CRAVING_STRONG - 1, NULL, 0));
	assert_null(care_urge_now(&l));
	entries_free(&l);
}

/* The craving scale sits with the first scales for whoever has noted a
 * craving before (its scale answered, "none" too, or the feeling). */
static void craving_first_for_who_noted_one(void **state)
{
	struct nb_entries l = { 0 };

	(void)state;
	assert_false(care_craving_first(&l));
	entries_push(&l, craving_checkin(0, "sadness", 3));
	entries_push(&l, entry_new(NB_MOMENT));
	assert_false(care_craving_first(&l));
	entries_push(&l, craving_checkin(1, NULL, 0));
	assert_true(care_craving_first(&l));
	entries_free(&l);
	entries_push(&l, craving_checkin(0, "craving", 0));
	assert_true(care_craving_first(&l));
	entries_free(&l);
}

/* Never "you seem steady" for a craving, nor for a feeling without a mood. */
static void steady_only_when_steady(void **state)
{
	struct nb_checkin c = { .sleep_minutes = -1 };
	struct nb_suggest_in in = { &c, 1, 3, NULL, 0, NULL, NULL };
	struct nb_suggestion s;
	char why[512];

	(void)state;
	items_add(&c.emotions, "craving", NULL, 0);	/* only the feeling, ticked */
	suggest(&in, &s);
	assert_int_equal(s.rule, NB_RULE_CRAVING);
	assert_string_equal(s.exercise, "urge");
	in.just_done = "urge";	/* just ridden: not again, and not "steady" */
	suggest(&in, &s);
	assert_int_equal(s.rule, NB_RULE_DONE);
	in.just_done = NULL;
	items_clear(&c.emotions);
	c = (struct nb_checkin){ .sleep_minutes = -1, .mood = 3, .craving = 2 };	/* a mild craving */
	suggest(&in, &s);
	assert_int_equal(s.rule, NB_RULE_CRAVING_NOTED);
	assert_string_equal(s.exercise, "urge");
	assert_non_null(strstr(suggest_why(&s, why, sizeof why), "urge"));
	in.not_today = "urge";	/* a day without it in an experiment: still not steady */
	suggest(&in, &s);
	assert_int_equal(s.rule, NB_RULE_FELT);
	in.not_today = NULL;
	c.craving = 1;	/* "none": a mood of 3 is steady */
	suggest(&in, &s);
	assert_int_equal(s.rule, NB_RULE_STEADY);
	c = (struct nb_checkin){ .sleep_minutes = -1 };
	items_add(&c.emotions, "sadness", NULL, 0);	/* a feeling without a mood */
	suggest(&in, &s);
	assert_int_equal(s.rule, NB_RULE_FELT);
	assert_null(strstr(suggest_why(&s, why, sizeof why), "steady"));
	c.mood = 2;
	suggest(&in, &s);
	assert_int_equal(s.rule, NB_RULE_FELT);
	c.mood = 3;	/* the edge */
	suggest(&in, &s);
	assert_int_equal(s.rule, NB_RULE_STEADY);
	items_clear(&c.emotions);
}

/* The part of the help about urges, and the exercise that asks the urge. */
static void urge_help_and_exercise(void **state)
{
	size_t n = 0;

	(void)state;
	while (care_urge_part(n))
		n++;
	assert_true(n >= 5);
	assert_non_null(strstr(care_urge_part(0), "urge"));
	assert_true(exercise_asks_urge(exercise_find("urge")));
	assert_false(exercise_asks_urge(exercise_find("breath")));
	assert_false(exercise_asks_urge(NULL));
}

static void suggestion_table(void **state)
{
	static const struct row rows[] = {
		{ "activated", 3, 3, NULL, NULL, 0, 3, false, NB_SUGGEST_EXERCISE, "breath", NB_RULE_ACTIVATED },
		{ NULL, 3, 4, NULL, NULL, 0, 3, false, NB_SUGGEST_EXERCISE, "breath", NB_RULE_TENSE },
		{ "activated", 3, 5, NULL, NULL, 0, 3, true, NB_SUGGEST_EXERCISE, "grounding", NB_RULE_CALMED_BEFORE },
		{ "shutdown", 3, 2, NULL, NULL, 0, 3, false, NB_SUGGEST_EXERCISE, "grounding", NB_RULE_SHUTDOWN },
		{ NULL, 3, 2, "shame", NULL, 0, 3, false, NB_SUGGEST_EXERCISE, "compassion", NB_RULE_SHAME },
		{ NULL, 3, 2, "guilt", "rest", 0, 3, false, NB_SUGGEST_EXERCISE, "compassion", NB_RULE_SHAME },
		{ NULL, 3, 2, NULL, "safety", 0, 3, false, NB_SUGGEST_EXERCISE, "place", NB_RULE_SAFETY },
		{ NULL, 3, 2, NULL, "contact", 0, 3, false, NB_SUGGEST_EXERCISE, "closeness", NB_RULE_CONTACT },
		{ NULL, 3, 2, NULL, "contact", 0, 0, false, NB_SUGGEST_CIRCLE, NULL, NB_RULE_CONTACT },
		{ NULL, 3, 2, "loneliness", NULL, 0, 2, false, NB_SUGGEST_EXERCISE, "closeness", NB_RULE_CONTACT },
		{ "calm", 4, 1, NULL, NULL, 9, 3, false, NB_SUGGEST_EXERCISE, "memory", NB_RULE_TOUCH },
		{ "calm", 4, 1, NULL, NULL, -1, 3, false, NB_SUGGEST_REFLECT, NULL, NB_RULE_STEADY },
		{ NULL, 3, 2, NULL, "rest", 1, 3, false, NB_SUGGEST_EXERCISE, "breath", NB_RULE_REST },
		{ NULL, 3, 2, NULL, "softness", 1, 3, false, NB_SUGGEST_EXERCISE, "compassion", NB_RULE_SOFTNESS },
		{ NULL, 1, 2, NULL, NULL, 1, 3, false, NB_SUGGEST_EXERCISE, "closeness", NB_RULE_LOWEST },
		{ "activated", 2, 5, NULL, NULL, 1, 0, false, NB_SUGGEST_CIRCLE, NULL, NB_RULE_LOWEST },
		{ "calm", 4, 2, "joy", NULL, 2, 4, false, NB_SUGGEST_REFLECT, NULL, NB_RULE_STEADY },
	};
	struct nb_exercise_stat stats[] = {
		{ "breath", 0.5, 10 },		/* used often, calms little */
		{ "closeness", 3.0, 5 },	/* words exercises never count as calming */
		{ "grounding", 1.5, 4 },
		{ "place", 2.5, 2 },		/* too few sessions to say */
	};
	char why[512];

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const struct row *r = &rows[i];
		struct nb_checkin c = { .sleep_minutes = -1, .mood = r->mood, .tension = r->tension };
		struct nb_suggest_in in = { &c, r->days_since_touch, r->circle, NULL, 0, NULL, NULL };
		struct nb_suggestion s;

		c.state = (char *)r->state;
		if (r->emotion)
			items_add(&c.emotions, r->emotion, NULL, 0);
		if (r->need)
			items_add(&c.needs, r->need, NULL, 0);
		if (r->calmed_by_grounding) {
			in.stats = stats;
			in.nstats = 4;
		}
		suggest(&in, &s);
		if (s.kind != r->kind || s.rule != r->rule ||
		    (r->exercise ? !s.exercise || strcmp(s.exercise, r->exercise) : s.exercise != NULL))
			fail_msg("row %zu: got kind %d rule %d exercise %s", i, s.kind, s.rule,
				 s.exercise ? s.exercise : "-");
		assert_true(strlen(suggest_why(&s, why, sizeof why)) > 20);
		items_clear(&c.emotions);
		items_clear(&c.needs);
	}
	{
		struct nb_suggest_in in = { NULL, -1, 0, NULL, 0, NULL, NULL };
		struct nb_suggestion s;
		suggest(&in, &s);
		assert_int_equal(s.kind, NB_SUGGEST_CHECKIN);
	}
	{
		struct nb_checkin c = { .sleep_minutes = -1, .mood = 3, .tension = 5 };
		struct nb_suggest_in in = { &c, 0, 3, stats, 4, NULL, NULL };
		struct nb_suggestion s;
		suggest(&in, &s);
		assert_string_equal(s.exercise, "grounding");
		suggest_why(&s, why, sizeof why);
		assert_non_null(strstr(why, "1.5 lower"));
		assert_non_null(strstr(why, "4 times"));
		in.just_done = "grounding";	/* just done: the next that fits, not the same again */
		suggest(&in, &s);
		assert_string_equal(s.exercise, "breath");
	}
	{	/* a need for contact on an ordinary tense day: heard before the tension */
		struct nb_checkin c = { .sleep_minutes = -1, .mood = 3, .tension = 4 };
		struct nb_suggest_in in = { &c, 0, 3, NULL, 0, NULL, NULL };
		struct nb_suggestion s;
		items_add(&c.needs, "contact", NULL, 0);
		suggest(&in, &s);
		assert_string_equal(s.exercise, "closeness");
		assert_int_equal(s.rule, NB_RULE_CONTACT);
		c.state = "activated";	/* activated: calming first, then the contact */
		suggest(&in, &s);
		assert_string_equal(s.exercise, "breath");
		in.just_done = "breath";
		suggest(&in, &s);
		assert_string_equal(s.exercise, "closeness");
		items_clear(&c.needs);
		c.state = NULL;	/* the breath just done and nothing else fits: a reflection, said why */
		suggest(&in, &s);
		assert_int_equal(s.kind, NB_SUGGEST_REFLECT);
		assert_int_equal(s.rule, NB_RULE_DONE);
		suggest_why(&s, why, sizeof why);
		if (!strstr(why, "self-soothing breath"))
			fail_msg("%s", why);
	}
}

static void attachment_scoring(void **state)
{
	const struct nb_statement *st = attachment_statements();
	struct nb_attachment a;
	struct nb_attachment_score s;
	int anx = 0, avo = 0, rev = 0;

	(void)state;
	for (int i = 0; i < NB_ATTACHMENT_ITEMS; i++) {
		anx += st[i].axis == NB_AXIS_ANXIETY;
		avo += st[i].axis == NB_AXIS_AVOIDANCE;
		rev += st[i].reverse;
	}
	assert_int_equal(anx, 6);
	assert_int_equal(avo, 6);
	assert_int_equal(rev, 4);
	/* agreeing with everything: reverse items pull towards the middle */
	for (int i = 0; i < NB_ATTACHMENT_ITEMS; i++)
		a.answers[i] = 7;
	attachment_score(&a, &s);
	assert_true(s.anxiety == (4 * 7 + 2 * 1) / 6.0);
	assert_true(s.avoidance == (4 * 7 + 2 * 1) / 6.0);
	/* the extremes of each axis */
	for (int i = 0; i < NB_ATTACHMENT_ITEMS; i++)
		a.answers[i] = st[i].reverse ? 7 : 1;
	attachment_score(&a, &s);
	assert_true(s.anxiety == 1.0 && s.avoidance == 1.0);
	assert_int_equal(s.pattern, NB_SECURE);
	for (int i = 0; i < NB_ATTACHMENT_ITEMS; i++)
		a.answers[i] = st[i].axis == NB_AXIS_ANXIETY ? (st[i].reverse ? 1 : 7)
							      : (st[i].reverse ? 7 : 1);
	attachment_score(&a, &s);
	assert_true(s.anxiety == 7.0 && s.avoidance == 1.0);
	assert_int_equal(s.pattern, NB_ANXIOUS);
	for (int i = 0; i < NB_ATTACHMENT_ITEMS; i++)
		a.answers[i] = st[i].axis == NB_AXIS_AVOIDANCE ? (st[i].reverse ? 1 : 7)
								: (st[i].reverse ? 7 : 1);
	attachment_score(&a, &s);
	assert_int_equal(s.pattern, NB_AVOIDANT);
	for (int i = 0; i < NB_ATTACHMENT_ITEMS; i++)
		a.answers[i] = st[i].reverse ? 1 : 7;
	attachment_score(&a, &s);
	assert_true(s.anxiety == 7.0 && s.avoidance == 7.0);
	assert_int_equal(s.pattern, NB_DISORGANISED);
	/* the midpoint is not high: neutral answers place no one in a pattern of fear */
	for (int i = 0; i < NB_ATTACHMENT_ITEMS; i++)
		a.answers[i] = 4;
	attachment_score(&a, &s);
	assert_true(s.anxiety == 4.0);
	assert_int_equal(s.pattern, NB_SECURE);
	a.answers[0] = 5;	/* just above the middle on anxiety */
	attachment_score(&a, &s);
	assert_int_equal(s.pattern, NB_ANXIOUS);
	for (int p = NB_SECURE; p <= NB_DISORGANISED; p++)
		assert_true(strlen(attachment_pattern_text((enum nb_pattern)p)) > 60);
}

static struct nb_entry *at_day(enum nb_type t, const char *day, int hour)
{
	struct nb_entry *e = entry_new(t);
	struct nb_stamp st;
	char s[40];

	snprintf(s, sizeof s, "%sT%02d:00:00+01:00", day, hour);
	nb_stamp_parse(s, &st);
	entry_set_time(e, st);
	return e;
}

static void weekly_summary(void **state)
{
	struct nb_entries l = { 0 };
	struct nb_entry *e;
	struct nb_week w;
	char monday[NB_DAY_LEN];

	(void)state;
	week_monday("2026-11-20", monday);
	assert_string_equal(monday, "2026-11-16");
	week_monday("2026-11-16", monday);
	assert_string_equal(monday, "2026-11-16");
	week_monday("2026-11-22", monday);
	assert_string_equal(monday, "2026-11-16");

	e = at_day(NB_REFLECTION, "2026-11-13", 20);	/* last week: this week's intention */
	e->u.reflection.prompt = xstrdup("intention");
	e->u.reflection.text = xstrdup("Call Noor once.");
	entries_push(&l, e);
	e = at_day(NB_CHECKIN, "2026-11-15", 20);	/* last week: not counted */
	e->u.checkin.mood = 1;
	entries_push(&l, e);
	e = at_day(NB_CHECKIN, "2026-11-16", 9);
	e->u.checkin.mood = 2;
	e->u.checkin.tension = 4;
	e->u.checkin.sleep_minutes = 360;
	items_add(&e->u.checkin.needs, "rest", NULL, 0);
	entries_push(&l, e);
	e = at_day(NB_CHECKIN, "2026-11-16", 21);
	e->u.checkin.mood = 4;
	e->u.checkin.sleep_minutes = 480;
	items_add(&e->u.checkin.needs, "contact", NULL, 0);
	entries_push(&l, e);
	e = at_day(NB_CHECKIN, "2026-11-22", 23);	/* Sunday late: still this week */
	e->u.checkin.mood = 3;
	items_add(&e->u.checkin.needs, "rest", NULL, 0);
	entries_push(&l, e);
	e = at_day(NB_MOMENT, "2026-11-17", 12);
	e->u.moment.kind = xstrdup("hug");
	e->u.moment.safe = xstrdup("yes");
	entries_push(&l, e);
	e = at_day(NB_MOMENT, "2026-11-18", 12);
	e->u.moment.kind = xstrdup("talk");
	entries_push(&l, e);
	e = at_day(NB_MOMENT, "2026-11-19", 12);
	e->u.moment.kind = xstrdup("hug");
	e->u.moment.safe = xstrdup("no");
	entries_push(&l, e);
	e = at_day(NB_SESSION, "2026-11-18", 8);
	e->u.session.exercise = xstrdup("breath");
	e->u.session.seconds = 180;
	e->u.session.tension_before = 4;
	e->u.session.tension_after = 2;
	entries_push(&l, e);
	e = at_day(NB_SESSION, "2026-11-19", 8);
	e->u.session.exercise = xstrdup("breath");
	e->u.session.seconds = 120;
	e->u.session.tension_before = 3;
	e->u.session.tension_after = 2;
	entries_push(&l, e);
	e = at_day(NB_TRIGGER, "2026-11-20", 10);
	e->u.trigger.situation = xstrdup("x");
	e->u.trigger.need = xstrdup("contact");
	entries_push(&l, e);
	e = at_day(NB_REFLECTION, "2026-11-21", 10);
	e->u.reflection.text = xstrdup("y");
	entries_push(&l, e);
	e = at_day(NB_REFLECTION, "2026-11-22", 20);	/* the intention for next week */
	e->u.reflection.prompt = xstrdup("intention");
	e->u.reflection.text = xstrdup("Rest on Sunday.");
	entries_push(&l, e);

	week_build(&l, "2026-11-16", &w);
	assert_string_equal(w.sunday, "2026-11-22");
	assert_int_equal(w.checkins, 3);
	assert_true(mean_of(&w.means[NB_M_MOOD]) == 3.0);
	assert_true(mean_of(&w.means[NB_M_TENSION]) == 4.0);
	assert_true(mean_of(&w.means[NB_M_SLEEP_HOURS]) == 7.0);
	assert_true(w.day_mood[0] == 3.0);	/* Monday: 2 and 4 */
	assert_true(w.day_mood[1] == 0.0);
	assert_true(w.day_mood[6] == 3.0);
	assert_int_equal(w.moments, 3);
	assert_int_equal(w.wanted_touches, 1);
	assert_int_equal(w.nkinds, 2);
	assert_string_equal(w.kinds[0].term, "hug");
	assert_int_equal(w.kinds[0].n, 2);
	assert_int_equal(w.nexercises, 1);
	assert_int_equal(w.exercises[0].n, 2);
	assert_int_equal(w.exercises[0].seconds, 300);
	assert_true(mean_of(&w.exercises[0].change) == -1.5);
	assert_int_equal(w.triggers, 1);
	assert_int_equal(w.nneeds, 2);	/* rest twice, contact twice (once from the trigger) */
	assert_string_equal(w.needs[0].term, "contact");
	assert_string_equal(w.needs[1].term, "rest");
	assert_int_equal(w.reflections, 1);
	assert_non_null(w.intention);
	assert_string_equal(w.intention->u.reflection.text, "Call Noor once.");
	assert_string_equal(w.next_intention->u.reflection.text, "Rest on Sunday.");
	entries_free(&l);
}

/* The week shows riding an urge as tension is shown for the others: the
 * urge's strength after minus before, over the sessions with both. */
static void weekly_urge(void **state)
{
	struct nb_entries l = { 0 };
	struct nb_entry *e;
	struct nb_week w;
	static const int before[] = { 5, 4, 0 }, after[] = { 3, 3, 2 };

	(void)state;
	for (int i = 0; i < 3; i++) {
		e = at_day(NB_SESSION, "2026-11-18", 2 + i);
		e->u.session.exercise = xstrdup("urge");
		e->u.session.seconds = 300;
		e->u.session.urge_before = before[i];	/* the third without: not counted */
		e->u.session.urge_after = after[i];
		entries_push(&l, e);
	}
	week_build(&l, "2026-11-16", &w);
	assert_int_equal(w.nexercises, 1);
	assert_int_equal(w.exercises[0].n, 3);
	assert_int_equal(w.exercises[0].urge.n, 2);
	assert_true(mean_of(&w.exercises[0].urge) == -1.5);
	assert_int_equal(w.exercises[0].change.n, 0);
	entries_free(&l);
}

static void themes_in_both_languages(void **state)
{
	struct nb_theme_hit h[12];
	size_t n;

	(void)state;
	n = theme_search("shame", h, 12);
	assert_true(n >= 1);
	assert_string_equal(h[0].id, "compassion");
	n = theme_search("schaamte", h, 12);
	assert_true(n >= 1);
	assert_string_equal(h[0].id, "compassion");
	n = theme_search("slaap", h, 12);
	assert_true(n >= 2);
	n = theme_search("Aanraking", h, 12);
	assert_true(n >= 2);
	n = theme_search("huidhonger", h, 12);
	assert_true(n >= 1);
	n = theme_search("hunger", h, 12);	/* the second word of "skin hunger" */
	assert_true(n >= 1);
	n = theme_search("fear sleep", h, 12);	/* every word must match */
	assert_true(n >= 1);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(h[i].kind, NB_THEME_EXERCISE);
	assert_int_equal(theme_search("ab", h, 12), 0);	/* too short to mean much */
	assert_int_equal(theme_search("xylophone", h, 12), 0);
	assert_int_equal(theme_search("", h, 12), 0);
	n = theme_search("113", h, 12);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].kind, NB_THEME_PAGE);
	n = theme_search("partner", h, 12);
	assert_string_equal(h[0].id, "beside");
}

static struct nb_entry *touch_moment(const char *kind, const char *with)
{
	struct nb_entry *e = entry_new(NB_MOMENT);

	e->u.moment.kind = xstrdup(kind);
	e->u.moment.with = with ? xstrdup(with) : NULL;
	e->u.moment.safe = xstrdup("yes");
	return e;
}

/* Self-touch counts beside touch from others; after a month no count. */
static void touch_said_gently(void **state)
{
	struct nb_entry *hug = touch_moment("hug", "Sam"), *self = touch_moment("self", "me");
	char lines[NB_TOUCH_LINES][NB_TOUCH_LINE_LEN];
	struct nb_touch t = { hug, NULL, 2, -1 };

	(void)state;
	assert_true(moment_is_wanted_touch(&hug->u.moment));
	assert_false(moment_is_wanted_touch(&self->u.moment));
	assert_true(moment_is_self_touch(&self->u.moment));
	assert_int_equal(care_touch_lines(&t, lines), 1);
	assert_string_equal(lines[0], "Last wanted touch: 2 days ago (hug with Sam).");
	t = (struct nb_touch){ hug, self, 9, 0 };	/* living alone: a hand on the heart today */
	assert_int_equal(care_touch_days(&t), 0);
	assert_int_equal(care_touch_lines(&t, lines), 2);	/* no soft line: today was gentle */
	assert_string_equal(lines[1], "You were gentle with yourself today (self-touch).");
	t = (struct nb_touch){ NULL, self, -1, 4 };
	assert_int_equal(care_touch_days(&t), 4);
	assert_int_equal(care_touch_lines(&t, lines), 2);
	assert_string_equal(lines[0], "You were gentle with yourself 4 days ago (self-touch).");
	assert_non_null(strstr(lines[1], "not a score"));
	t = (struct nb_touch){ hug, NULL, NB_TOUCH_LONG_DAYS, -1 };	/* a month: still counted */
	care_touch_lines(&t, lines);
	assert_non_null(strstr(lines[0], "30 days ago"));
	t = (struct nb_touch){ hug, self, NB_TOUCH_LONG_DAYS + 1, 45 };	/* longer: no count at all */
	assert_int_equal(care_touch_lines(&t, lines), 2);
	assert_null(strstr(lines[0], "31"));
	assert_non_null(strstr(lines[0], "some time"));
	assert_null(strstr(lines[1], "45"));
	t = (struct nb_touch){ NULL, NULL, -1, -1 };
	assert_int_equal(care_touch_lines(&t, lines), 0);
	assert_int_equal(care_touch_days(&t), -1);
	assert_non_null(care_alone_part(0));
	assert_null(care_alone_part(4));
	assert_non_null(care_unsafe_touch_part(3));
	{	/* today names the circle's size only while it is empty */
		char buf[512];
		assert_non_null(circle_advice_today(0, buf, sizeof buf));
		assert_null(circle_advice_today(2, buf, sizeof buf));
		assert_non_null(circle_advice(2, buf, sizeof buf));	/* the circle's own page still says it */
	}
	{	/* a member's phone number becomes one to dial */
		char dial[24];
		assert_true(care_phone_number("06-12345678", dial));
		assert_string_equal(dial, "0612345678");
		assert_true(care_phone_number("+31 (0)6 1234 5678", dial));
		assert_string_equal(dial, "+31612345678");	/* the (0) is not dialled from abroad */
		assert_false(care_phone_number("noor@example.org", dial));
		assert_false(care_phone_number("by the river, after the bridge", dial));
		assert_false(care_phone_number("12", dial));
	}
	assert_null(care_unsafe_touch_part(4));
	entry_free(hug);
	entry_free(self);
}

/* Low mood that lasts: at least 10 of the days with a mood in the last
 * two weeks at 2 or lower; at the edges. */
/*
 * Only what is written as a phone number becomes a number to call: a date
 * or an address of a computer in "how to reach" is digits and separators
 * too, and must stay text. The edges of the rule, both ways.
 */
static void phone_numbers_only(void **state)
{
	static const struct { const char *written, *dial; } phones[] = {
		{ "06-12345678", "0612345678" }, { "0612345678", "0612345678" },
		{ "06 1234 5678", "0612345678" }, { " 06 12 34 56 78 ", "0612345678" },
		{ "+31 6 1234 5678", "+31612345678" }, { "+31612345678", "+31612345678" },
		{ "+31 (0)6 1234 5678", "+31612345678" }, { "0031 6 12345678", "0031612345678" },
		{ "020 123 4567", "0201234567" }, { "(020) 123 4567", "0201234567" },
		{ "020-1234567", "0201234567" }, { "010.123.4567", "0101234567" },
		{ "0800-0113", "08000113" }, { "0900-8844", "09008844" }, { "0800 1234567", "08001234567" },
		{ "112", "112" }, { "113", "113" }, { "144", "144" }, { "116 123", "116123" },
		{ "14 020", "14020" }, { "+44 20 7946 0958", "+442079460958" },
		{ "07700 900123", "07700900123" }, { "911", "911" }, { "999", "999" },
	};
	static const char *const not_phones[] = {
		/* dates */
		"2024-03-05", "05-03-2024", "5-3-2024", "05/03/2024", "2024/03/05", "05.03.2024",
		"5 3 2024", "09-06-2024", "08-00-2024", "2024-3-5", "05-03-24", "20240305",
		/* addresses of computers, and times */
		"192.168.1.10", "10.0.0.1", "127.0.0.1", "010.001.002.003", "13:30", "2001:db8::1",
		/* too short or too long, or not a number people call */
		"12", "123", "1234", "12345", "123456789", "06-1234567", "+31", "+31 6", "0801-0113",
		"+31 6 1234 5678 9012 3456", "0612345678901234",
		/* words, other signs, a second plus */
		"noor@example.org", "by the river, after the bridge", "06-12345678 or 06-87654321",
		"1,5", "06+12345678", "+", "", "-", "()", "(0)",
	};
	char dial[24];

	(void)state;
	for (size_t i = 0; i < sizeof phones / sizeof phones[0]; i++) {
		if (!care_phone_number(phones[i].written, dial))
			fail_msg("\"%s\" is a phone number", phones[i].written);
		assert_string_equal(dial, phones[i].dial);
	}
	for (size_t i = 0; i < sizeof not_phones / sizeof not_phones[0]; i++)
		if (care_phone_number(not_phones[i], dial))
			fail_msg("\"%s\" was taken for a phone number (%s)", not_phones[i], dial);
	assert_false(care_phone_number(NULL, dial));
}

static void lasting_low_mood(void **state)
{
	double m[NB_LOW_DAYS] = { 0 };

	(void)state;
	assert_false(care_lasting_low(m, NB_LOW_DAYS));	/* no check-ins */
	for (int i = 0; i < 9; i++)
		m[i] = 2;
	assert_false(care_lasting_low(m, NB_LOW_DAYS));	/* nine low days */
	m[9] = 2;
	assert_true(care_lasting_low(m, NB_LOW_DAYS));	/* ten */
	m[9] = 2.1;
	assert_false(care_lasting_low(m, NB_LOW_DAYS));	/* a mean just above 2 is not low */
	m[9] = 1;
	for (int i = 10; i < NB_LOW_DAYS; i++)
		m[i] = 4;	/* ten low and four good days: most were low */
	assert_true(care_lasting_low(m, NB_LOW_DAYS));
	{
		double longer[NB_LOW_DAYS + 5] = { 0 };	/* only the last 14 count */
		for (int i = 0; i < 10; i++)
			longer[i] = 1;
		assert_false(care_lasting_low(longer, NB_LOW_DAYS + 5));
	}
	assert_non_null(strstr(care_lasting_low_text(), "GP"));
}


/* Yesterday in one kind line: a heavy check-in, a wanted moment, both;
 * nothing for an ordinary day, and never for a touch that was not safe. */
static void yesterday_in_one_line(void **state)
{
	struct nb_entries l = { 0 };
	struct nb_entry *c = at_day(NB_CHECKIN, "2026-11-19", 21), *m;
	char buf[400];

	(void)state;
	assert_null(care_yesterday_line(&l, buf, sizeof buf));	/* nothing yesterday */
	c->u.checkin.mood = 3;
	c->u.checkin.tension = 3;
	entries_push(&l, c);
	assert_null(care_yesterday_line(&l, buf, sizeof buf));	/* an ordinary day */
	c->u.checkin.tension = 4;	/* at the edge: heavy */
	assert_non_null(care_yesterday_line(&l, buf, sizeof buf));
	assert_non_null(strstr(buf, "heavy day"));
	c->u.checkin.tension = 3;
	c->u.checkin.mood = 2;
	assert_non_null(care_yesterday_line(&l, buf, sizeof buf));
	c->u.checkin.mood = 3;
	c->u.checkin.craving = 4;
	assert_non_null(care_yesterday_line(&l, buf, sizeof buf));
	c->u.checkin.craving = 3;
	assert_null(care_yesterday_line(&l, buf, sizeof buf));
	m = touch_moment("hug", "Mieke");
	xstrset(&m->u.moment.safe, "no");	/* not wanted: not held up */
	entries_push(&l, m);
	assert_null(care_yesterday_line(&l, buf, sizeof buf));
	xstrset(&m->u.moment.safe, "yes");
	assert_non_null(care_yesterday_line(&l, buf, sizeof buf));
	assert_string_equal(buf, "Yesterday you had a moment of connection with Mieke (hug).");
	c->u.checkin.mood = 1;	/* both */
	assert_non_null(care_yesterday_line(&l, buf, sizeof buf));
	assert_non_null(strstr(buf, "heavy day"));
	assert_non_null(strstr(buf, "with Mieke (hug)"));
	assert_null(strstr(buf, "0"));	/* never a count */
	entries_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(catalogue_is_whole),
		cmocka_unit_test(phone_numbers_only),
		cmocka_unit_test(yesterday_in_one_line),
		cmocka_unit_test(catalogue_is_dutch_too),
		cmocka_unit_test(pacer_phases),
		cmocka_unit_test(rhythms),
		cmocka_unit_test(progression_is_gentle),
		cmocka_unit_test(suggestion_table),
		cmocka_unit_test(craving_suggests_the_urge),
		cmocka_unit_test(a_craving_wherever_noted),
		cmocka_unit_test(the_urge_stays_until_said_otherwise),
		cmocka_unit_test(craving_first_for_who_noted_one),
		cmocka_unit_test(steady_only_when_steady),
		cmocka_unit_test(urge_help_and_exercise),
		cmocka_unit_test(weekly_urge),
		cmocka_unit_test(attachment_scoring),
		cmocka_unit_test(weekly_summary),
		cmocka_unit_test(themes_in_both_languages),
		cmocka_unit_test(touch_said_gently),
		cmocka_unit_test(lasting_low_mood),
	};

	return cmocka_run_group_tests_name("practice", tests, NULL, NULL);
}
