/* core/time: day keys across midnight and DST, parsing of typed times. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <libintl.h>
#include <locale.h>

#include "core/describe.h"
#include "core/i18n.h"
#include "core/time.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* 2026-11-20T20:00:00+01:00 */
#define NOW 1795201200

static int amsterdam(void **state)
{
	(void)state;
	setenv("TZ", "Europe/Amsterdam", 1);
	tzset();
	return 0;
}

static void day_of(const char *stamp, char out[NB_DAY_LEN])
{
	struct nb_stamp st;

	assert_true(nb_stamp_parse(stamp, &st));
	nb_day_key(st, out);
}

static void late_evening_belongs_to_that_day(void **state)
{
	char day[NB_DAY_LEN];

	(void)state;
	day_of("2026-11-20T23:30:00+01:00", day);
	assert_string_equal(day, "2026-11-20");
	day_of("2026-11-20T22:30:00Z", day);	/* same instant, offset written as UTC */
	assert_string_equal(day, "2026-11-20");
	day_of("2026-11-21T00:00:00+01:00", day);
	assert_string_equal(day, "2026-11-21");
	day_of("2026-11-20T23:59:59+01:00", day);
	assert_string_equal(day, "2026-11-20");
}

static void offsets_follow_dst(void **state)
{
	struct nb_stamp st;

	(void)state;
	/* 2026-03-29: clocks go from 02:00 to 03:00 in Amsterdam */
	assert_true(nb_stamp_parse("2026-03-29T00:30:00Z", &st));
	assert_int_equal(nb_local_offset(st.utc), 3600);
	assert_true(nb_stamp_parse("2026-03-29T01:30:00Z", &st));
	assert_int_equal(nb_local_offset(st.utc), 7200);
	/* 2026-10-25: back from 03:00 to 02:00 */
	assert_true(nb_stamp_parse("2026-10-25T00:30:00Z", &st));
	assert_int_equal(nb_local_offset(st.utc), 7200);
	assert_true(nb_stamp_parse("2026-10-25T01:30:00Z", &st));
	assert_int_equal(nb_local_offset(st.utc), 3600);
	/* 02:30 on the night the clocks go forward does not exist: refused
	 * with the time it would become, never moved without a word */
	struct nb_error err;
	assert_int_equal(nb_time_parse("2026-03-29T02:30", NOW, "at", &st, &err), NB_EINVAL);
	assert_non_null(strstr(err.msg, "does not exist"));
	assert_non_null(strstr(err.msg, "03:30"));
	assert_int_equal(nb_time_parse("2026-03-29T01:59", NOW, "at", &st, &err), NB_OK);
	assert_int_equal(nb_time_parse("2026-03-29T03:00", NOW, "at", &st, &err), NB_OK);
	/* the hour that comes twice exists: it is taken once */
	assert_int_equal(nb_time_parse("2026-10-25T02:30", NOW, "at", &st, &err), NB_OK);
}

static void day_key_across_dst_night(void **state)
{
	char day[NB_DAY_LEN];
	struct nb_stamp st;

	(void)state;
	/* 23:30 local on the evening before the switch, in summer time */
	assert_true(nb_stamp_parse("2026-10-24T21:30:00Z", &st));
	st = nb_stamp_local(st.utc);
	assert_int_equal(st.offset, 7200);
	nb_day_key(st, day);
	assert_string_equal(day, "2026-10-24");
	/* 00:30 local after midnight, still summer time */
	assert_true(nb_stamp_parse("2026-10-24T22:30:00Z", &st));
	nb_day_key(nb_stamp_local(st.utc), day);
	assert_string_equal(day, "2026-10-25");
	/* 23:30 local on the day of the switch, now winter time */
	assert_true(nb_stamp_parse("2026-10-25T22:30:00Z", &st));
	nb_day_key(nb_stamp_local(st.utc), day);
	assert_string_equal(day, "2026-10-25");
}

static void parses_the_forms_people_type(void **state)
{
	struct nb_stamp st;
	struct nb_error err;
	char s[NB_STAMP_LEN];

	(void)state;
	assert_int_equal(nb_time_parse("2026-11-20T21:30", NOW + 7200, "at", &st, &err), NB_OK);
	nb_stamp_format(st, s);
	assert_string_equal(s, "2026-11-20T21:30:00+01:00");
	assert_int_equal(nb_time_parse("2026-11-20 08:15:30", NOW, "at", &st, &err), NB_OK);
	nb_stamp_format(st, s);
	assert_string_equal(s, "2026-11-20T08:15:30+01:00");
	assert_int_equal(nb_time_parse("2026-11-19", NOW, "at", &st, &err), NB_OK);
	nb_stamp_format(st, s);
	assert_string_equal(s, "2026-11-19T12:00:00+01:00");
	assert_int_equal(nb_time_parse("07:05", NOW, "at", &st, &err), NB_OK);
	nb_stamp_format(st, s);
	assert_string_equal(s, "2026-11-20T07:05:00+01:00");
	/* an explicit offset is kept as given */
	assert_int_equal(nb_time_parse("2026-11-20T10:00:00-05:00", NOW, "at", &st, &err), NB_OK);
	nb_stamp_format(st, s);
	assert_string_equal(s, "2026-11-20T10:00:00-05:00");
	assert_int_equal(nb_time_parse("2026-11-20T10:00:00.250Z", NOW, "at", &st, &err), NB_OK);
	nb_utc_format(st.utc, s);
	assert_string_equal(s, "2026-11-20T10:00:00Z");
	/* summer dates get the summer offset */
	assert_int_equal(nb_time_parse("2026-07-01T12:00", NOW, "at", &st, &err), NB_OK);
	assert_int_equal(st.offset, 7200);
}

static void refuses_bad_times(void **state)
{
	static const char *const bad[] = {
		"", "yesterday", "2026-13-01", "2026-02-30", "2026-11-20T25:00",
		"2026-11-20T10:60", "2026-11-20X10:00", "20261120", "2026-11-20T10:00+1500",
		"2026-11-20T10:00Zjunk", "24:00", "7:30", "2026-1-2",
	};
	struct nb_stamp st;
	struct nb_error err;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(nb_time_parse(bad[i], NOW, "at", &st, &err), NB_EINVAL);
		assert_string_equal(err.field, "at");
		assert_non_null(strstr(err.msg, "2026-11-20T21:30"));
	}
	assert_int_equal(nb_time_parse("2026-11-20T20:00:01+01:00", NOW, "at", &st, &err), NB_EINVAL);
	assert_non_null(strstr(err.msg, "future"));
	assert_int_equal(nb_time_parse("1999-12-31T23:59", NOW, "at", &st, &err), NB_EINVAL);
	assert_non_null(strstr(err.msg, "2000"));
	/* exactly now is fine */
	assert_int_equal(nb_time_parse("2026-11-20T20:00:00+01:00", NOW, "at", &st, &err), NB_OK);
}

static void stamps_round_trip(void **state)
{
	struct nb_stamp st, back;
	char s[NB_STAMP_LEN];

	(void)state;
	for (int64_t t = 946684800; t < 4102444800; t += 86399 * 37) {
		st = nb_stamp_local(t);
		nb_stamp_format(st, s);
		assert_true(nb_stamp_parse(s, &back));
		assert_int_equal(back.utc, st.utc);
		assert_int_equal(back.offset, st.offset);
	}
	assert_false(nb_stamp_parse("2026-11-20T10:00:00", &back));	/* offset required */
	assert_false(nb_stamp_parse("2026-11-20", &back));
}

static void day_arithmetic(void **state)
{
	char d[NB_DAY_LEN];
	struct nb_error err;

	(void)state;
	nb_day_add("2026-11-20", 11, d);
	assert_string_equal(d, "2026-12-01");
	nb_day_add("2024-03-01", -1, d);
	assert_string_equal(d, "2024-02-29");
	nb_day_add("2026-03-28", 2, d);	/* across DST: days stay days */
	assert_string_equal(d, "2026-03-30");
	assert_int_equal(nb_day_diff("2026-11-20", "2026-12-01"), 11);
	assert_int_equal(nb_day_diff("2026-12-01", "2026-11-20"), -11);
	assert_int_equal(nb_day_weekday("2026-11-20"), 4);	/* a Friday */
	assert_int_equal(nb_day_weekday("2026-11-23"), 0);	/* a Monday */
	assert_int_equal(nb_day_parse("2026-11-20", "since", &err), NB_OK);
	assert_int_equal(nb_day_parse("2026-11-31", "since", &err), NB_EINVAL);
	assert_string_equal(err.field, "since");
	assert_int_equal(nb_day_parse("2026-11-20x", "since", &err), NB_EINVAL);
}

/* A clock of a stamp, as "%02d:%02d" wrote it. */
static void clock_of_a_stamp(void **state)
{
	char out[8];

	(void)state;
	nb_stamp_clock((struct nb_stamp){ NOW, 3600 }, out);
	assert_string_equal(out, "20:00");
	nb_stamp_clock((struct nb_stamp){ NOW - 20 * 3600 + 5 * 60, 3600 }, out);
	assert_string_equal(out, "00:05");
	nb_stamp_clock((struct nb_stamp){ NOW + 3 * 3600 + 59 * 60 + 59, 3600 }, out);
	assert_string_equal(out, "23:59");
}

/* nb_say says what snprintf says for the formats messages use, also cut
 * short and with the values the other way round. */
static void says_a_message_as_printf_would(void **state)
{
	char a[64], b[64], n1[24], n2[24];
	const struct {
		const char *fmt;
	} f[] = { { "mood %s" }, { "%1$s of %2$s" }, { "%2$s, %1$s" }, { "%d min %d s" },
		  { "100%% %s" }, { "no values" }, { "" }, { "%s%s" }, { "%2$d %1$s" } };
	const char *v[] = { "een", "twee" };

	(void)state;
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
		const char *fmt = f[i].fmt;
		bool ints = strstr(fmt, "%d") || strstr(fmt, "$d");

		if (strstr(fmt, "%d min"))
			snprintf(a, sizeof a, fmt, 4, 30);
		else if (strstr(fmt, "%2$d"))
			snprintf(a, sizeof a, fmt, "een", 12);
		else
			snprintf(a, sizeof a, fmt, "een", "twee");
		if (ints && strstr(fmt, "%d min"))
			nb_say(b, sizeof b, fmt, (const char *[]){ nb_int(4, n1), nb_int(30, n2) }, 2);
		else if (ints)
			nb_say(b, sizeof b, fmt, (const char *[]){ "een", nb_int(12, n1) }, 2);
		else
			nb_say(b, sizeof b, fmt, v, 2);
		assert_string_equal(b, a);
	}
	/* cut as snprintf cuts: the room less one, terminated */
	nb_say(b, 6, "mood %s", v, 1);
	assert_string_equal(b, "mood ");
	nb_say(b, 1, "mood %s", v, 1);
	assert_string_equal(b, "");
	/* a value that is not there says nothing; flags and widths pass */
	nb_say(b, sizeof b, "[%s|%s]", v, 1);
	assert_string_equal(b, "[een|]");
	nb_say(b, sizeof b, "%02d:%-3s.", (const char *[]){ "7", "x" }, 2);
	assert_string_equal(b, "7:x.");
	assert_string_equal(nb_int(-1234567890123LL, n1), "-1234567890123");
	assert_string_equal(nb_int(0, n1), "0");
}

/* nb_dec1 and nb_dec2 round as printf rounds, ties and all. */
static void decimals_as_printf_rounds(void **state)
{
	char a[32], b[NB_DEC_LEN];

	(void)state;
	for (int i = -20000; i <= 20000; i++)
		for (int d = 1; d <= 8; d++) {
			double v = (double)i / (d == 8 ? 1000 : d == 7 ? 100 : d);

			snprintf(a, sizeof a, "%.1f", v > -0.05 && v < 0.05 ? 0.0 : v);
			assert_string_equal(nb_dec1(v, b), a);
			snprintf(a, sizeof a, "%.2f", v > -0.005 && v < 0.005 ? 0.0 : v);
			assert_string_equal(nb_dec2(v, b), a);
		}
}

/* A moment in a list (describe_when): near ones by their day's word,
 * others short, the year only when it is not today's; in the local zone. */
static void moments_in_a_list_are_short(void **state)
{
	static const struct {
		int64_t at;
		const char *en, *nl;
	} c[] = {
		{ NOW - 600, "today 19:50", "vandaag 19:50" },
		{ 1795131000, "today 00:30", "vandaag 00:30" },		/* 23:30 UTC the day before */
		{ 1795213800, "today 23:30", "vandaag 23:30" },		/* the next day in UTC */
		{ NOW - 86400, "yesterday 20:00", "gisteren 20:00" },
		{ NOW + 86400, "tomorrow 20:00", "morgen 20:00" },
		{ NOW - 2 * 86400, "18 Nov 20:00", "18 nov 20:00" },
		{ 1793710920, "3 Nov 14:02", "3 nov 14:02" },
		{ 1783080120, "3 Jul 14:02", "3 jul 14:02" },		/* in summer time */
		{ 1764766920, "3 Dec 2025 14:02", "3 dec 2025 14:02" },
	};
	const char *dir = getenv("NABIJ_LOCALEDIR");
	char out[64];

	(void)state;
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		describe_when(c[i].at, "2026-11-20", out, sizeof out);
		assert_string_equal(out, c[i].en);
	}
	describe_when(NOW, NULL, out, sizeof out);	/* no day to be near: the date */
	assert_string_equal(out, "20 Nov 2026 20:00");
	if (!dir)
		return;
	setlocale(LC_ALL, "C.UTF-8");
	bindtextdomain("nabij", dir);
	bind_textdomain_codeset("nabij", "UTF-8");
	setenv("LANGUAGE", "nl", 1);
	textdomain("nabij");
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		describe_when(c[i].at, "2026-11-20", out, sizeof out);
		assert_string_equal(out, c[i].nl);
	}
	setenv("LANGUAGE", "en", 1);
	textdomain("nabij");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(late_evening_belongs_to_that_day),
		cmocka_unit_test(offsets_follow_dst),
		cmocka_unit_test(day_key_across_dst_night),
		cmocka_unit_test(parses_the_forms_people_type),
		cmocka_unit_test(refuses_bad_times),
		cmocka_unit_test(stamps_round_trip),
		cmocka_unit_test(day_arithmetic),
		cmocka_unit_test(clock_of_a_stamp),
		cmocka_unit_test(says_a_message_as_printf_would),
		cmocka_unit_test(decimals_as_printf_rounds),
		cmocka_unit_test(moments_in_a_list_are_short),
	};

	return cmocka_run_group_tests_name("time", tests, amsterdam, NULL);
}
