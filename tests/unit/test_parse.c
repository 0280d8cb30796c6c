/* core/parse: what people type into fields, good and bad. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/parse.h"

#include <stdlib.h>
#include <string.h>

static void scales(void **state)
{
	struct nb_error err;
	int v = -7;

	(void)state;
	assert_int_equal(parse_scale("mood", "1", 1, 5, &v, &err), NB_OK);
	assert_int_equal(v, 1);
	assert_int_equal(parse_scale("mood", " 5 ", 1, 5, &v, &err), NB_OK);
	assert_int_equal(v, 5);
	assert_int_equal(parse_scale("mood", "none", 1, 5, &v, &err), NB_OK);
	assert_int_equal(v, 0);
	assert_int_equal(parse_scale("mood", "", 1, 5, &v, &err), NB_OK);
	assert_int_equal(v, 0);
	static const char *const bad[] = { "0", "6", "9", "-1", "3.5", "abc", "3a", "99999999999999999999", "+" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		v = 4;
		assert_int_equal(parse_scale("mood", bad[i], 1, 5, &v, &err), NB_EINVAL);
		assert_int_equal(v, 4);	/* untouched on error */
		assert_string_equal(err.field, "mood");
		assert_non_null(strstr(err.msg, "from 1 to 5"));
		assert_non_null(strstr(err.msg, bad[i]));
	}
}

/* A long value is shortened in a message, never the reason after it. */
static void long_values_are_shortened(void **state)
{
	struct nb_error err;
	char tag[5001], umlauts[201];
	char *words = NULL;

	(void)state;
	memset(tag, 'a', 5000);
	tag[5000] = '\0';
	assert_int_equal(parse_term("emotion", NB_VOCAB_EMOTION, tag, &words, &err), NB_EINVAL);
	assert_non_null(strstr(err.msg, "too long"));
	assert_non_null(strstr(err.msg, "a...\""));
	assert_true(strlen(err.msg) < 200);
	for (int i = 0; i < 100; i++)
		memcpy(umlauts + 2 * i, "\xc3\xbc", 2);	/* u with umlaut */
	umlauts[200] = '\0';
	assert_int_equal(strlen(nb_shown(umlauts)), 60 + 3);	/* 30 whole characters */
	assert_string_equal(nb_shown("short"), "short");
	assert_string_equal(nb_shown(NULL), "");
}

static void sleep_hours(void **state)
{
	struct nb_error err;
	int m;

	(void)state;
	assert_int_equal(parse_sleep("7", &m, &err), NB_OK);
	assert_int_equal(m, 420);
	assert_int_equal(parse_sleep("7.5", &m, &err), NB_OK);
	assert_int_equal(m, 450);
	assert_int_equal(parse_sleep("7,25", &m, &err), NB_OK);
	assert_int_equal(m, 435);
	assert_int_equal(parse_sleep("6:45", &m, &err), NB_OK);
	assert_int_equal(m, 405);
	assert_int_equal(parse_sleep("0", &m, &err), NB_OK);
	assert_int_equal(m, 0);
	assert_int_equal(parse_sleep("24", &m, &err), NB_OK);
	assert_int_equal(m, 1440);
	assert_int_equal(parse_sleep("none", &m, &err), NB_OK);
	assert_int_equal(m, -1);
	static const char *const bad[] = { "24.5", "25", "-1", "seven", "7:5", "7:60", "7.", "7h", "1000" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(parse_sleep(bad[i], &m, &err), NB_EINVAL);
		assert_string_equal(err.field, "sleep-hours");
		assert_non_null(strstr(err.msg, "0 to 24"));
	}
}

static void durations(void **state)
{
	struct nb_error err;
	int s;

	(void)state;
	assert_int_equal(parse_seconds("seconds", "10", 86400, &s, &err), NB_OK);
	assert_int_equal(s, 10);
	assert_int_equal(parse_seconds("seconds", "90s", 86400, &s, &err), NB_OK);
	assert_int_equal(s, 90);
	assert_int_equal(parse_seconds("seconds", "2m", 86400, &s, &err), NB_OK);
	assert_int_equal(s, 120);
	assert_int_equal(parse_seconds("seconds", "1:30", 86400, &s, &err), NB_OK);
	assert_int_equal(s, 90);
	/* the words people use, in English and Dutch */
	static const struct { const char *text; int seconds; } words[] = {
		{ "5 min", 300 }, { "5 minuten", 300 }, { "5 minutes", 300 }, { "30 sec", 30 },
		{ "about 30 seconds", 30 }, { "ongeveer 20 minuten", 1200 }, { "een paar minuten", 180 },
		{ "a few minutes", 180 }, { "2 min 30 s", 150 }, { "1h30", 5400 }, { "1,5 uur", 5400 },
		{ "1.5 hours", 5400 }, { "Een Minuut", 60 }, { "half an hour", 1800 }, { "45 min", 2700 },
		{ "10 seconden", 10 }, { "een halfuur", 1800 }, { "twee minuten", 120 },
		{ "two minutes", 120 }, { "een moment", 10 }, { "1 uur en 10 minuten", 4200 },
		{ "1 hour and 10 minutes", 4200 }, { "5 minuten of zo", 300 }, { "~5 min", 300 },
		{ "5-10 min", 450 }, { "een minuut of vijf", 300 }, { "a second", 1 },
		{ "twintig seconden", 20 }, { "ten minutes", 600 }, { "een halve minuut", 30 },
		{ "half a minute", 30 }, { "een uurtje", 3600 }, { "3 kwartier", 2700 },
		{ "5 to 10 minutes", 450 }, { "3 minuten ongeveer", 180 }, { "5 mins", 300 },
		{ "zo'n 10 minuten", 600 }, { "a couple of minutes", 120 }, { "een kwartier", 900 },
		{ "5m", 300 }, { "30s", 30 }, { "about a minute", 60 }, { "a moment", 10 },
	};
	assert_true(sizeof words / sizeof words[0] >= 30);
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		if (parse_seconds("seconds", words[i].text, 86400, &s, &err) != NB_OK)
			fail_msg("\"%s\": %s", words[i].text, err.msg);
		assert_int_equal(s, words[i].seconds);
	}
	static const char *const bad[] = { "0", "-5", "", "m", "1:3", "1:60", "abc", "86401", "10x",
					   "5 apples", "min 5", "about", "1h30x", "2 min 30", "een", "a",
					   "x-y min", "en 5 min", "1 en", "5 of 10", "lang", "a few" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(parse_seconds("seconds", bad[i], 86400, &s, &err), NB_EINVAL);
		assert_string_equal(err.field, "seconds");
	}
}

static void emotions_and_body(void **state)
{
	struct nb_items l = { 0 };
	struct nb_error err;

	(void)state;
	assert_int_equal(parse_emotion("Sadness:3", &l, &err), NB_OK);
	assert_int_equal(parse_emotion("fear", &l, &err), NB_OK);
	assert_int_equal(parse_emotion(" a heavy kind of quiet ", &l, &err), NB_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0].term, "sadness");
	assert_int_equal(l.v[0].intensity, 3);
	assert_int_equal(l.v[1].intensity, 0);
	assert_string_equal(l.v[2].term, "a heavy kind of quiet");
	assert_int_equal(parse_emotion("sadness:9", &l, &err), NB_EINVAL);
	assert_string_equal(err.field, "intensity");
	assert_int_equal(parse_emotion(":3", &l, &err), NB_EINVAL);
	assert_int_equal(l.n, 3);
	items_clear(&l);

	assert_int_equal(parse_body("tension@shoulders", &l, &err), NB_OK);
	assert_int_equal(parse_body("tiredness", &l, &err), NB_OK);
	assert_int_equal(parse_body("buzzing @ my left knee", &l, &err), NB_OK);
	assert_string_equal(l.v[0].term, "tension");
	assert_string_equal(l.v[0].place, "shoulders");
	assert_null(l.v[1].place);
	assert_string_equal(l.v[2].term, "buzzing");
	assert_string_equal(l.v[2].place, "my left knee");
	assert_int_equal(parse_body("@shoulders", &l, &err), NB_EINVAL);
	items_clear(&l);
	/* as people write it: a sensation in a place of the list, in either language */
	assert_int_equal(parse_body("tension in my shoulders", &l, &err), NB_OK);
	assert_int_equal(parse_body("spanning in mijn schouders", &l, &err), NB_OK);
	assert_int_equal(parse_body("Pain in the back", &l, &err), NB_OK);
	assert_int_equal(parse_body("a knot in my plans", &l, &err), NB_OK);	/* no place: own words */
	assert_int_equal(parse_body("in my chest", &l, &err), NB_OK);
	for (int i = 0; i < 2; i++) {
		assert_string_equal(l.v[i].term, "tension");
		assert_string_equal(l.v[i].place, "shoulders");
	}
	assert_string_equal(l.v[2].term, "pain");
	assert_string_equal(l.v[2].place, "back");
	assert_string_equal(l.v[3].term, "a knot in my plans");
	assert_null(l.v[3].place);
	assert_string_equal(l.v[4].term, "in my chest");
	items_clear(&l);

	assert_int_equal(parse_list("need", NB_VOCAB_NEED, "rest, Contact,,  quiet time ", &l, &err), NB_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[1].term, "contact");
	assert_string_equal(l.v[2].term, "quiet time");
	items_clear(&l);
	assert_int_equal(parse_list("emotion", NB_VOCAB_EMOTION, "joy:2, calm", &l, &err), NB_OK);
	assert_int_equal(l.v[0].intensity, 2);
	items_clear(&l);
}

static void closed_vocabularies(void **state)
{
	struct nb_error err;
	char *id = NULL;

	(void)state;
	assert_int_equal(parse_term("state", NB_VOCAB_STATE, "ACTIVATED", &id, &err), NB_OK);
	assert_string_equal(id, "activated");
	free(id);
	id = NULL;
	assert_int_equal(parse_term("state", NB_VOCAB_STATE, "angry", &id, &err), NB_EINVAL);
	assert_null(id);
	assert_non_null(strstr(err.msg, "calm, activated, shutdown"));
	assert_int_equal(parse_term("kind", NB_VOCAB_MOMENT_KIND, "Hug", &id, &err), NB_OK);
	assert_string_equal(id, "hug");
	free(id);
	assert_int_equal(parse_term("state", NB_VOCAB_STATE, "shut down", &id, &err), NB_OK);
	assert_string_equal(id, "shutdown");	/* the label before its explanation */
	free(id);
	assert_int_equal(parse_term("safe", NB_VOCAB_SAFE, "maybe", &id, &err), NB_EINVAL);
	assert_string_equal(err.field, "safe");
}

static void long_or_broken_words(void **state)
{
	struct nb_error err;
	char *id = NULL, big[400];

	(void)state;
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(parse_term("need", NB_VOCAB_NEED, big, &id, &err), NB_EINVAL);
	assert_int_equal(parse_term("need", NB_VOCAB_NEED, "caf\xc3", &id, &err), NB_EINVAL);
	assert_int_equal(parse_term("need", NB_VOCAB_NEED, "   ", &id, &err), NB_EINVAL);
	assert_null(id);
}

static void ids(void **state)
{
	struct nb_error err;
	int64_t id;

	(void)state;
	assert_int_equal(parse_id("12", &id, &err), NB_OK);
	assert_int_equal(id, 12);
	assert_int_equal(parse_id("#7", &id, &err), NB_OK);
	assert_int_equal(id, 7);
	assert_int_equal(parse_id("0", &id, &err), NB_EUSAGE);
	assert_int_equal(parse_id("x", &id, &err), NB_EUSAGE);
	assert_int_equal(parse_id("-3", &id, &err), NB_EUSAGE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(scales),
		cmocka_unit_test(sleep_hours),
		cmocka_unit_test(long_values_are_shortened),
		cmocka_unit_test(durations),
		cmocka_unit_test(emotions_and_body),
		cmocka_unit_test(closed_vocabularies),
		cmocka_unit_test(long_or_broken_words),
		cmocka_unit_test(ids),
	};

	return cmocka_run_group_tests_name("parse", tests, NULL, NULL);
}
