/* io: the JSON format round-trips, malformed files are refused with a place. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/xalloc.h"
#include "core/field.h"
#include "io/io.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define NOW 1795201200

static struct nb_entries sample(void)
{
	struct nb_entries l = { 0 };
	struct nb_entry *p = entry_new(NB_MEMBER), *c = entry_new(NB_CHECKIN),
			*m = entry_new(NB_MOMENT), *t = entry_new(NB_TRIGGER),
			*s = entry_new(NB_SESSION), *r = entry_new(NB_REFLECTION);
	struct nb_entry *all[] = { p, c, m, t, s, r };

	for (size_t i = 0; i < 6; i++) {
		snprintf(all[i]->uid, NB_UID_LEN, "%032zx", i + 10);
		entry_set_time(all[i], (struct nb_stamp){ NOW - 3600 * (int64_t)(6 - i), 3600 });
		all[i]->created = NOW - 100;
		all[i]->updated = NOW - 50;
		entries_push(&l, all[i]);
	}
	p->u.member.place = true;
	p->u.member.name = xstrdup("Het bankje aan de rivier");
	p->u.member.helps = xstrdup("rust \"echt\" vinden");
	items_add(&c->u.checkin.body, "tension", "jaw", 0);
	items_add(&c->u.checkin.emotions, "loneliness", NULL, 4);
	items_add(&c->u.checkin.needs, "contact", NULL, 0);
	items_add(&c->u.checkin.tags, "work", NULL, 0);
	c->u.checkin.state = xstrdup("shutdown");
	c->u.checkin.mood = 2;
	c->u.checkin.sleep_minutes = 405;
	c->u.checkin.note = xstrdup("Regel één\nregel twee, with \\ and \"quotes\" and ☕");
	m->u.moment.kind = xstrdup("self");
	m->u.moment.member_uid = xstrdup(p->uid);
	m->u.moment.seconds = 60;
	m->u.moment.safe = xstrdup("unsure");
	items_add(&m->u.moment.effects, "sigh", NULL, 0);
	t->u.trigger.situation = xstrdup("Ignored at dinner");
	t->u.trigger.outcome = xstrdup("Said so, calmly");
	s->u.session.exercise = xstrdup("grounding");
	s->u.session.seconds = 120;
	s->u.session.tension_before = 5;
	s->u.session.urge_before = 4;	/* format 5 */
	s->u.session.urge_after = 2;
	r->u.reflection.text = xstrdup("Asking is hard.");
	{	/* every kind, and text that needs every escape */
		struct nb_entry *a = entry_new(NB_ATTACHMENT), *ph = entry_new(NB_PHASE), *ex = entry_new(NB_EXPERIMENT);
		struct nb_entry *more[] = { a, ph, ex };

		for (size_t i = 0; i < 3; i++) {
			snprintf(more[i]->uid, NB_UID_LEN, "%032zx", i + 20);
			entry_set_time(more[i], (struct nb_stamp){ NOW - 60, -5 * 3600 - 1800 });
			more[i]->created = more[i]->updated = NOW - 10;
			entries_push(&l, more[i]);
		}
		for (int i = 0; i < NB_ATTACHMENT_ITEMS; i++)
			a->u.attachment.answers[i] = i % 7 + 1;
		ph->u.phase.phase = xstrdup("closer");
		ph->u.phase.with = xstrdup("Sam / \"S\"");
		ph->u.phase.note = xstrdup("tab\there\x01\x1f\b\f\r and a slash / and \\ and é ☕ 𝄞");
		ex->u.experiment.practice = xstrdup("own");
		ex->u.experiment.words = xstrdup("een wandeling na het eten");
		ex->u.experiment.outcome = xstrdup("sleep-quality");
		ex->u.experiment.pairs = 3;
		ex->u.experiment.period_days = 5;
		ex->u.experiment.washout_days = 1;
		ex->u.experiment.seed = xstrdup("0123456789abcdef");
		ex->u.experiment.state = xstrdup("paused");
		ex->u.experiment.in_report = true;
		items_add(&ex->u.experiment.answers, "2026-11-20:yes", NULL, 0);
	}
	return l;
}

static char *to_json(const struct nb_entries *l)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	struct nb_error err;

	assert_int_equal(io_json_write(f, l, NOW, &err), NB_OK);
	fclose(f);
	return text;
}

/* The export is written record by record; its bytes must be those jansson
 * writes for the whole tree (what nabij wrote before it streamed). */
static void streamed_as_jansson_writes(void **state)
{
	struct nb_entries l = sample(), none = { 0 };
	const struct nb_entries *lists[] = { &l, &none };

	(void)state;
	for (int i = 0; i < 2; i++) {
		char *text = to_json(lists[i]), *again;
		json_error_t je;
		json_t *root = json_loads(text, 0, &je);

		assert_non_null(root);
		again = json_dumps(root, JSON_INDENT(2));
		assert_non_null(again);
		assert_int_equal(strlen(text), strlen(again) + 1);
		assert_memory_equal(text, again, strlen(again));
		assert_int_equal(text[strlen(again)], '\n');
		free(again);
		json_decref(root);
		free(text);
	}
	entries_free(&l);
}

static void round_trip(void **state)
{
	struct nb_entries l = sample(), back = { 0 };
	struct nb_error err;
	char *one = to_json(&l), *two;

	(void)state;
	assert_non_null(strstr(one, "\"format\": \"nabij\""));
	assert_non_null(strstr(one, "\"exported\": \"2026-11-20T19:00:00Z\""));
	assert_int_equal(io_json_read(one, strlen(one), &back, &err), NB_OK);
	assert_int_equal(back.n, l.n);
	two = to_json(&back);
	assert_string_equal(one, two);
	assert_string_equal(back.v[1]->u.checkin.note, l.v[1]->u.checkin.note);
	assert_int_equal(back.v[1]->u.checkin.emotions.v[0].intensity, 4);
	assert_int_equal(back.v[1]->u.checkin.sleep_minutes, 405);
	assert_int_equal(back.v[1]->at.offset, 3600);
	assert_true(back.v[0]->u.member.place);
	free(one);
	free(two);
	entries_free(&l);
	entries_free(&back);
}

/* A file of format version 1 (before the connection scale) still reads;
 * version 2 carries the connection. */
static void older_versions_read(void **state)
{
	static const char *const files[] = {
		"{\"format\": \"nabij\", \"version\": 1, \"records\": [{\"uid\": \"0123456789abcdef0123456789abcdef\","
		" \"type\": \"checkin\", \"at\": \"2026-11-20T10:00:00+01:00\", \"created\": \"2026-11-20T09:00:00Z\","
		" \"updated\": \"2026-11-20T09:00:00Z\", \"mood\": 3}]}",
		"{\"format\": \"nabij\", \"version\": 2, \"records\": [{\"uid\": \"0123456789abcdef0123456789abcdef\","
		" \"type\": \"checkin\", \"at\": \"2026-11-20T10:00:00+01:00\", \"created\": \"2026-11-20T09:00:00Z\","
		" \"updated\": \"2026-11-20T09:00:00Z\", \"mood\": 3, \"connection\": 4}]}",
	};

	(void)state;
	for (int i = 0; i < 2; i++) {
		struct nb_entries out = { 0 };
		struct nb_error err;

		assert_int_equal(io_json_read(files[i], strlen(files[i]), &out, &err), NB_OK);
		assert_int_equal(out.n, 1);
		assert_int_equal(out.v[0]->u.checkin.mood, 3);
		assert_int_equal(out.v[0]->u.checkin.connection, i ? 4 : 0);
		entries_free(&out);
	}
}

/* Read text and expect a refusal whose message holds each of words. */
static void refused(const char *text, const char *words1, const char *words2)
{
	struct nb_entries out = { 0 };
	struct nb_error err = { 0 };

	assert_int_equal(io_json_read(text, strlen(text), &out, &err), NB_EINVAL);
	assert_int_equal(out.n, 0);
	if (words1 && !strstr(err.msg, words1))
		fail_msg("\"%s\" lacks \"%s\"", err.msg, words1);
	if (words2 && !strstr(err.msg, words2))
		fail_msg("\"%s\" lacks \"%s\"", err.msg, words2);
}

#define HEAD "{\"format\": \"nabij\", \"version\": 1, \"records\": ["
#define REC "\"uid\": \"0123456789abcdef0123456789abcdef\", \"at\": \"2026-11-20T10:00:00+01:00\"," \
	    " \"created\": \"2026-11-20T09:00:00Z\", \"updated\": \"2026-11-20T09:00:00Z\""

static void malformed_files(void **state)
{
	(void)state;
	refused("", "line 1", "not valid JSON");
	refused("{\"format\": \"nabij\",\n \"version\": 1,\n \"records\": [}", "line 3", NULL);
	refused("[1, 2]", "not a nabij export", NULL);
	refused("{\"format\": \"daylio\", \"version\": 1, \"records\": []}", "not a nabij export", NULL);
	{	/* a version past the newest the rows know (nb_format_version) */
		char newer[128];

		snprintf(newer, sizeof newer, "{\"format\": \"nabij\", \"version\": %d, \"records\": []}",
			 nb_format_version() + 1);
		refused(newer, "version", NULL);
	}
	refused("{\"format\": \"nabij\", \"version\": \"1\", \"records\": []}", "version", NULL);
	refused("{\"format\": \"nabij\", \"version\": 1}", "records", NULL);
	refused("{\"format\": \"nabij\", \"format\": \"nabij\", \"version\": 1, \"records\": []}", "line 1", NULL);
	refused(HEAD "7]}", "record 1", "not an object");
	refused(HEAD "{" REC ", \"type\": \"dream\"}]}", "record 1", "\"type\"");
	refused(HEAD "{" REC "}]}", "record 1", "\"type\"");
	refused(HEAD "{" REC ", \"type\": \"checkin\", \"moood\": 3}]}", "record 1", "unknown field \"moood\"");
	refused(HEAD "{" REC ", \"type\": \"checkin\", \"mood\": \"3\"}]}", "\"mood\"", "whole number");
	refused(HEAD "{" REC ", \"type\": \"checkin\", \"mood\": 3.5}]}", "\"mood\"", "whole number");
	refused(HEAD "{" REC ", \"type\": \"checkin\", \"mood\": 99999999999}]}", "\"mood\"", NULL);
	refused(HEAD "{" REC ", \"type\": \"checkin\", \"needs\": \"rest\"}]}", "\"needs\"", "list");
	refused(HEAD "{" REC ", \"type\": \"checkin\", \"needs\": [1]}]}", "\"needs\"", "list");
	refused(HEAD "{" REC ", \"type\": \"checkin\", \"emotions\": [{\"name\": \"joy\", \"x\": 1}]}]}", "\"emotions\"", NULL);
	refused(HEAD "{" REC ", \"type\": \"checkin\", \"note\": null}]}", "\"note\"", "text");
	refused(HEAD "{" REC ", \"type\": \"member\", \"place\": \"yes\", \"name\": \"x\"}]}", "\"place\"", NULL);
	refused(HEAD "{\"uid\": \"xyz\", \"type\": \"checkin\", \"at\": \"2026-11-20T10:00:00+01:00\"}]}", "record 1", "uid");
	refused(HEAD "{\"uid\": \"0123456789abcdef0123456789abcdef\", \"type\": \"checkin\", \"at\": \"2026-11-20 10:00\","
		" \"created\": \"2026-11-20T09:00:00Z\", \"updated\": \"2026-11-20T09:00:00Z\"}]}", "\"at\"", "2026-11-20 10:00");
	refused(HEAD "{\"uid\": \"0123456789abcdef0123456789abcdef\", \"type\": \"checkin\", \"at\": \"2026-11-20T10:00:00+01:00\"}]}",
		"\"created\"", "missing");
	refused(HEAD "{" REC ", \"type\": \"moment\", \"kind\": \"hug\", \"member\": \"Sam\"}]}", "\"member\"", NULL);
	refused(HEAD "{" REC ", \"type\": \"checkin\", \"mood\": 3}, {" REC ", \"type\": \"checkin\", \"mood\": 4}]}",
		"appears more than once", NULL);
}

static void csv_quotes_what_needs_quoting(void **state)
{
	struct nb_entries l = sample();
	struct nb_error err;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	(void)state;
	assert_int_equal(io_csv_write(f, &l, &err), NB_OK);
	fclose(f);
	assert_true(strncmp(text, "\"uid\",\"type\",\"at\",\"day\"", 23) == 0);
	assert_non_null(strstr(text, "\"rust \"\"echt\"\" vinden\""));
	assert_non_null(strstr(text, "\"Regel één\nregel twee"));
	assert_non_null(strstr(text, "\"loneliness:4\""));
	assert_non_null(strstr(text, "\"tension@jaw\""));
	assert_non_null(strstr(text, "\"6.75\""));
	/* a header and one line per record, each ending in CRLF */
	size_t rows = 0;
	for (char *p = text; (p = strstr(p, "\r\n")); p += 2)
		rows++;
	assert_int_equal(rows, l.n + 1);
	free(text);
	entries_free(&l);
}

static void single_records_as_json(void **state)
{
	struct nb_entries l = sample();
	char *one, *all;

	(void)state;
	l.v[1]->id = 42;
	one = io_json_entry(l.v[1]);
	assert_non_null(strstr(one, "\"id\": 42"));
	assert_non_null(strstr(one, "\"day\": \"2026-11-20\""));
	all = io_json_entries(&l);
	assert_true(all[0] == '[');
	free(one);
	free(all);
	entries_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_trip),
		cmocka_unit_test(older_versions_read),
		cmocka_unit_test(streamed_as_jansson_writes),
		cmocka_unit_test(malformed_files),
		cmocka_unit_test(csv_quotes_what_needs_quoting),
		cmocka_unit_test(single_records_as_json),
	};

	return cmocka_run_group_tests_name("io", tests, NULL, NULL);
}
