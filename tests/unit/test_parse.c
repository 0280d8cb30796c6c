/* core/parse: what people type into fields, good and bad. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/parse.h"

#include <libintl.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
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

/*
 * Every number word people write in a length of time, up to the parser's
 * limit (NB_DURATION_WORD_MAX), generated here from lists of units and tens
 * rather than typed out: English "twenty-five", "twenty five" and
 * "twentyfive"; Dutch "vijfentwintig", "vijf en twintig", "vijf-en-twintig",
 * and after a unit that ends in e both "tweeëntwintig" and "tweeentwintig".
 */
static void compound_number_words(void **state)
{
	static const char *const en_small[] = { "zero", "one", "two", "three", "four", "five", "six",
		"seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
		"sixteen", "seventeen", "eighteen", "nineteen" };
	static const char *const nl_small[] = { "nul", "één", "twee", "drie", "vier", "vijf", "zes",
		"zeven", "acht", "negen", "tien", "elf", "twaalf", "dertien", "veertien", "vijftien",
		"zestien", "zeventien", "achttien", "negentien" };
	static const char *const en_tens[] = { "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
		"eighty", "ninety" };
	static const char *const nl_tens[] = { "twintig", "dertig", "veertig", "vijftig", "zestig",
		"zeventig", "tachtig", "negentig" };
	static const char *const nl_one[] = { "een", "één", "eén" };	/* 1 as people type it */
	struct nb_error err;
	char text[96];
	int s, checked = 0;

	(void)state;
	assert_int_equal(NB_DURATION_WORD_MAX, 99);
#define CHECK(expect, ...)                                                                  \
	do {                                                                                \
		snprintf(text, sizeof text, __VA_ARGS__);                                   \
		s = -1;                                                                     \
		if (parse_seconds("seconds", text, 86400, &s, &err) != NB_OK)               \
			fail_msg("\"%s\": %s", text, err.msg);                              \
		if (s != (expect))                                                          \
			fail_msg("\"%s\" read as %d seconds, not %d", text, s, (int)(expect)); \
		checked++;                                                                  \
	} while (0)
	for (int u = 1; u < 20; u++) {
		CHECK(u * 60, "%s minutes", en_small[u]);
		CHECK(u, "%s seconden", nl_small[u]);
	}
	for (int t = 0; t < 8; t++) {
		int tens = 20 + 10 * t;
		CHECK(tens * 60, "%s minutes", en_tens[t]);
		CHECK(tens, "%s seconden", nl_tens[t]);
		for (int u = 1; u <= 9; u++) {
			int n = tens + u;
			/* English: the tens, then the unit */
			CHECK(n * 60, "%s-%s minutes", en_tens[t], en_small[u]);
			CHECK(n * 60, "%s %s minutes", en_tens[t], en_small[u]);
			CHECK(n, "%s%s seconds", en_tens[t], en_small[u]);
			CHECK(n * 60, "About %s-%s minutes", en_tens[t], en_small[u]);
			/* Dutch: the unit, "en", then the tens */
			for (size_t o = 0; o < (u == 1 ? sizeof nl_one / sizeof nl_one[0] : 1); o++) {
				const char *unit = u == 1 ? nl_one[o] : nl_small[u];
				bool e_end = unit[strlen(unit) - 1] == 'e';
				CHECK(n * 60, "%sen%s minuten", unit, nl_tens[t]);
				CHECK(n * 60, "%s en %s minuten", unit, nl_tens[t]);
				CHECK(n * 60, "%s-en-%s minuten", unit, nl_tens[t]);
				CHECK(n, "ongeveer %sen%s seconden", unit, nl_tens[t]);
				if (e_end) {	/* tweeëntwintig, drieëntwintig */
					CHECK(n * 60, "%s\xc3\xabn%s minuten", unit, nl_tens[t]);
					CHECK(n, "%s\xc3\xabn%s seconden", unit, nl_tens[t]);
				}
			}
		}
	}
	/* in a longer length, and capitals */
	CHECK(2 * 3600 + 25 * 60, "twee uur en vijf en twintig minuten");
	CHECK(3600 + 23 * 60, "1 uur en drie\xc3\xabntwintig minuten");
	CHECK(3600 + 23 * 60, "1 uur en DRIE\xc3\x8bNTWINTIG minuten");
	CHECK(25 * 60 + 30, "Twenty-Five minutes and thirty seconds");
	CHECK(22 * 60 + 30, "twintig tot vijfentwintig minuten");
	CHECK(90, "ninety seconds");
	CHECK(150 * 60, "twee en een half uur");
	CHECK(150 * 60, "two and a half hours");
	CHECK(90, "anderhalve minuut");
#undef CHECK
	assert_true(checked >= 8 * 9 * 8);	/* every compound, each way it is written */
}

/* A length is read whole or refused, naming the words not understood; never
 * a part of it read as something else. */
static void durations_refused_whole(void **state)
{
	static const struct { const char *text, *named; } bad[] = {
		{ "0x10", "\"0x10\"" }, { "1e2", "\"1e2\"" }, { "0x10 minutes", "\"0x10\"" },
		{ "1e2 seconden", "\"1e2\"" }, { "twenty five apples", "\"apples\"" },
		{ "vijf en twintig appels", "\"appels\"" }, { "twenty 5 minutes", "\"twenty\"" },
		{ "twintig vijf minuten", "\"twintig\"" }, { "vijf en 20 minuten", "\"vijf\"" },
		{ "hundred minutes", "\"hundred\"" }, { "honderd minuten", "\"honderd\"" },
		{ "5 minutes and pears", "\"pears\"" }, { "2 min 30", "\"30\"" }, { "min 5", "\"min\"" },
		{ "een", "\"een\"" }, { "a few", "\"few\"" }, { "1:+5", "\"1:+5\"" },
		{ "twenty-twenty-five minutes", "\"twenty-twenty-five\"" },
		{ "vijfentwintigen minuten", "\"vijfentwintigen\"" },
	};
	struct nb_error err;
	char many[256] = "";
	int s;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		s = -7;
		if (parse_seconds("seconds", bad[i].text, 86400, &s, &err) != NB_EINVAL)
			fail_msg("\"%s\" was read as %d seconds", bad[i].text, s);
		assert_int_equal(s, -7);
		assert_string_equal(err.field, "seconds");
		if (!strstr(err.msg, bad[i].named))
			fail_msg("\"%s\": the message does not name %s: %s", bad[i].text, bad[i].named, err.msg);
	}
	/* words past any count are never dropped: too many words is a refusal */
	for (int i = 0; i < 8; i++)
		strcat(many, "1 s ");
	assert_int_equal(parse_seconds("seconds", many, 86400, &s, &err), NB_OK);
	assert_int_equal(s, 8);	/* sixteen words, all read */
	strcat(many, "apples");
	assert_int_equal(parse_seconds("seconds", many, 86400, &s, &err), NB_EINVAL);
	assert_non_null(strstr(err.msg, "words"));
	strcpy(many, "");
	for (int i = 0; i < 9; i++)
		strcat(many, "1 s ");
	assert_int_equal(parse_seconds("seconds", many, 86400, &s, &err), NB_EINVAL);
	assert_non_null(strstr(err.msg, "16"));
}

/* The same refusals in Dutch, with the words named. */
static void durations_refused_in_dutch(void **state)
{
	struct nb_error err;
	char many[256] = "";
	const char *dir = getenv("NABIJ_LOCALEDIR");
	int s;

	(void)state;
	if (!dir)
		skip();
	setlocale(LC_ALL, "C.UTF-8");
	setenv("LANGUAGE", "nl", 1);
	bindtextdomain("nabij", dir);
	bind_textdomain_codeset("nabij", "UTF-8");
	textdomain("nabij");
	assert_int_equal(parse_seconds("seconds", "vijf en twintig appels", 86400, &s, &err), NB_EINVAL);
	assert_non_null(strstr(err.msg, "niet begrepen: \"appels\""));
	for (int i = 0; i < 9; i++)
		strcat(many, "1 s ");
	assert_int_equal(parse_seconds("seconds", many, 86400, &s, &err), NB_EINVAL);
	assert_non_null(strstr(err.msg, "woorden"));
	setenv("LANGUAGE", "en", 1);
	textdomain("nabij");
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
		cmocka_unit_test(compound_number_words),
		cmocka_unit_test(durations_refused_whole),
		cmocka_unit_test(durations_refused_in_dutch),
		cmocka_unit_test(emotions_and_body),
		cmocka_unit_test(closed_vocabularies),
		cmocka_unit_test(long_or_broken_words),
		cmocka_unit_test(ids),
	};

	return cmocka_run_group_tests_name("parse", tests, NULL, NULL);
}
