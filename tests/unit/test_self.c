/*
 * One's own account in nabij serve (app/account_self.c over
 * store/pg_self.c), in a PostgreSQL of the test's own (with-pg.sh), as the
 * app role on a schema pg_migrate made: sessions listed and ended from
 * another, a password changed (the old one asked, the others signed out),
 * the access log (what is in it, only one's own, kept NB_ACCESS_DAYS), and
 * an account deleted: every table's rows of that person counted before and
 * after (none after, the other person's all there), and a pg_dump of the
 * database afterwards without any of their words.
 */
#include "app/account.h"
#include "app/app.h"
#include "core/xalloc.h"
#include "store/pg.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOW 1796893200	/* 2026-12-09 09:00 UTC */
#define PW "een lange zin van mij"

static struct nb_pg *pg, *owner;

static int64_t sign_up(const char *name, int64_t now, char session[NB_TOKEN_LEN + 1])
{
	char invite[NB_TOKEN_LEN + 1];
	struct nb_error err = { 0 };
	int64_t person = 0;

	assert_int_equal(account_invite(pg, false, now, invite, &err), NB_OK);
	if (account_signup(pg, invite, name, PW, "Europe/Amsterdam", now, &person, session, &err) != NB_OK)
		fail_msg("sign-up: %s", err.msg);
	return person;
}

static enum nb_err sign_in(const char *name, const char *pass, const char *address, int64_t now,
			   char session[NB_TOKEN_LEN + 1])
{
	struct nb_error err = { 0 };
	int64_t person = 0;

	return account_signin(pg, name, pass, address, now, &person, session, &err);
}

static int64_t person_of(const char *token, int64_t now)
{
	struct nb_who who;
	struct nb_error err = { 0 };

	assert_int_equal(account_session(pg, token, now, &who, &err), NB_OK);
	return who.person;
}

static void sessions_listed_and_ended(void **state)
{
	char a[NB_TOKEN_LEN + 1], b[NB_TOKEN_LEN + 1], c[NB_TOKEN_LEN + 1], o[NB_TOKEN_LEN + 1];
	struct nb_pg_session s[8];
	struct nb_error err = { 0 };
	size_t n = 0;
	int64_t me, other_id = 0, b_id = 0;

	(void)state;
	me = sign_up("sessie", NOW, a);
	assert_int_equal(account_session_note(pg, a, "192.0.2.1", "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0", &err), NB_OK);
	assert_int_equal(sign_in("sessie", PW, "192.0.2.2", NOW + 60, b), NB_OK);
	assert_int_equal(account_session_note(pg, b, "192.0.2.2",
					      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
					      &err), NB_OK);
	assert_int_equal(sign_in("sessie", PW, "192.0.2.3", NOW + 120, c), NB_OK);
	sign_up("ander", NOW, o);

	assert_int_equal(account_sessions(pg, b, NOW + 200, s, 8, &n, &err), NB_OK);
	assert_int_equal(n, 3);
	assert_true(s[0].current);	/* the caller's first */
	assert_string_equal(s[0].address, "192.0.2.2");
	assert_string_equal(s[0].browser, "Safari/iOS");
	assert_false(s[1].current || s[2].current);
	b_id = s[0].id;
	assert_int_equal(account_sessions(pg, a, NOW + 200, s, 8, &n, &err), NB_OK);
	assert_int_equal(n, 3);
	assert_string_equal(s[0].browser, "Firefox/Android");
	assert_int_equal(s[0].created, NOW);

	/* another person's session is not one of mine to end */
	assert_int_equal(account_sessions(pg, o, NOW + 200, s, 8, &n, &err), NB_OK);
	assert_int_equal(n, 1);
	other_id = s[0].id;
	assert_int_equal(account_session_end(pg, a, other_id, "192.0.2.1", NOW + 300, &err), NB_ENOTFOUND);
	assert_true(person_of(o, NOW + 300) > 0);

	/* b ended from a: b holds no more, a and c do */
	assert_int_equal(account_session_end(pg, a, b_id, "192.0.2.1", NOW + 300, &err), NB_OK);
	assert_int_equal(person_of(b, NOW + 301), 0);
	assert_int_equal(person_of(a, NOW + 301), me);
	assert_int_equal(person_of(c, NOW + 301), me);
	/* one's own session is not ended this way */
	assert_int_equal(account_sessions(pg, a, NOW + 302, s, 8, &n, &err), NB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(account_session_end(pg, a, s[0].id, "192.0.2.1", NOW + 303, &err), NB_ENOTFOUND);

	/* every other one: c goes, a stays, the other person's stays */
	assert_int_equal(account_sessions_end_others(pg, a, "192.0.2.1", NOW + 400, &err), NB_OK);
	assert_int_equal(person_of(c, NOW + 401), 0);
	assert_int_equal(person_of(a, NOW + 401), me);
	assert_true(person_of(o, NOW + 401) > 0);
	assert_int_equal(account_sessions(pg, a, NOW + 402, s, 8, &n, &err), NB_OK);
	assert_int_equal(n, 1);

	/* made-up tokens list nothing */
	assert_int_equal(account_sessions(pg, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", NOW + 402, s, 8, &n, &err), NB_OK);
	assert_int_equal(n, 0);
}

static void browsers_named_short(void **state)
{
	char b[NB_PG_BROWSER_MAX + 1], say[128];

	(void)state;
	account_browser("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0", b);
	assert_string_equal(b, "Edge/Windows");
	account_browser("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36", b);
	assert_string_equal(b, "Chrome/Android");
	account_browser("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", b);
	assert_string_equal(b, "Firefox/Linux");
	account_browser("curl/8.5.0", b);
	assert_string_equal(b, "curl/");
	account_browser(NULL, b);
	assert_string_equal(b, "/");
	account_browser_say("Firefox/Android", say, sizeof say);
	assert_string_equal(say, "Firefox on Android");
	account_browser_say("/", say, sizeof say);
	assert_string_equal(say, "A browser nabij does not know");
}

static bool logged(const struct nb_pg_access *l, size_t n, enum nb_access what)
{
	for (size_t i = 0; i < n; i++)
		if (l[i].what == (int)what)
			return true;
	return false;
}

static void password_changed(void **state)
{
	char a[NB_TOKEN_LEN + 1], b[NB_TOKEN_LEN + 1];
	struct nb_error err = { 0 };
	struct nb_pg_access l[32];
	size_t n = 0;
	int64_t me;
	const char *fresh = "een nieuwe zin voor later";

	(void)state;
	me = sign_up("wissel", NOW, a);
	assert_int_equal(sign_in("wissel", PW, "198.51.100.7", NOW + 10, b), NB_OK);
	/* the old one is asked */
	assert_int_equal(account_password_change(pg, a, "niet mijn wachtwoord", fresh, "198.51.100.1", NOW + 20, &err),
			 NB_EINVAL);
	assert_string_equal(err.field, "old");
	assert_int_equal(person_of(b, NOW + 21), me);
	/* the new one by the rules */
	memset(&err, 0, sizeof err);
	assert_int_equal(account_password_change(pg, a, PW, "kort", "198.51.100.1", NOW + 30, &err), NB_EINVAL);
	assert_string_equal(err.field, "password");
	assert_int_equal(account_password_change(pg, a, PW, "wissel", "198.51.100.1", NOW + 30, &err), NB_EINVAL);
	/* and then: the other session ends, this one holds */
	memset(&err, 0, sizeof err);
	if (account_password_change(pg, a, PW, fresh, "198.51.100.1", NOW + 40, &err) != NB_OK)
		fail_msg("change: %s", err.msg);
	assert_int_equal(person_of(b, NOW + 41), 0);
	assert_int_equal(person_of(a, NOW + 41), me);
	assert_int_not_equal(sign_in("wissel", PW, "198.51.100.9", NOW + 50, b), NB_OK);
	assert_int_equal(sign_in("wissel", fresh, "198.51.100.9", NOW + 60, b), NB_OK);
	assert_int_equal(account_access(pg, a, NOW + 70, l, 32, &n, &err), NB_OK);
	assert_true(logged(l, n, NB_ACCESS_PASSWORD));
	assert_true(logged(l, n, NB_ACCESS_SIGNIN_FAILED));
	assert_true(logged(l, n, NB_ACCESS_SIGNIN));
}

static void access_log_is_ones_own(void **state)
{
	char a[NB_TOKEN_LEN + 1], b[NB_TOKEN_LEN + 1], o[NB_TOKEN_LEN + 1];
	struct nb_error err = { 0 };
	struct nb_pg_access l[64];
	size_t n = 0;
	int64_t me, other;

	(void)state;
	me = sign_up("logboek", NOW, a);
	other = sign_up("buurman", NOW, o);
	assert_int_not_equal(sign_in("logboek", "fout wachtwoord hier", "203.0.113.5", NOW + 10, b), NB_OK);
	assert_int_equal(sign_in("logboek", PW, "203.0.113.6", NOW + 20, b), NB_OK);
	assert_int_equal(account_log(pg, me, NB_ACCESS_EXPORT, "203.0.113.6", NOW + 30, &err), NB_OK);
	assert_int_equal(account_log(pg, other, NB_ACCESS_IMPORT, "203.0.113.99", NOW + 30, &err), NB_OK);
	assert_int_equal(account_sessions_end_others(pg, b, "203.0.113.6", NOW + 40, &err), NB_OK);
	assert_int_equal(account_access(pg, a, NOW + 50, l, 64, &n, &err), NB_OK);
	assert_int_equal(n, 0);	/* a was signed out by b */
	assert_int_equal(account_access(pg, b, NOW + 50, l, 64, &n, &err), NB_OK);
	assert_int_equal(n, 4);
	assert_int_equal(l[0].what, NB_ACCESS_SIGNOUT_OTHERS);	/* newest first */
	assert_int_equal(l[1].what, NB_ACCESS_EXPORT);
	assert_int_equal(l[2].what, NB_ACCESS_SIGNIN);
	assert_string_equal(l[2].address, "203.0.113.6");
	assert_int_equal(l[3].what, NB_ACCESS_SIGNIN_FAILED);
	assert_int_equal(l[3].at, NOW + 10);
	assert_false(logged(l, n, NB_ACCESS_IMPORT));	/* the other's */
	/* an address is kept short and printable */
	assert_int_equal(account_log(pg, me, NB_ACCESS_EXPORT, "1.2.3.4\n<b>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
				     NOW + 60, &err), NB_OK);
	assert_int_equal(account_access(pg, b, NOW + 61, l, 64, &n, &err), NB_OK);
	assert_string_equal(l[0].address, "1.2.3.4?<b>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
	/* kept NB_ACCESS_DAYS: a line written later than that sends the old ones away */
	{
		int64_t later = NOW + (int64_t)(NB_ACCESS_DAYS + 1) * 86400;
		char *count;
		char p[24];
		const char *v[1] = { pg_int(p, me) };
		PGresult *r;

		assert_int_equal(account_log(pg, me, NB_ACCESS_EXPORT, "203.0.113.6", later, &err), NB_OK);
		r = pg_run(owner, "SELECT count(*) FROM access_log WHERE person = $1", 1, v, &err);
		assert_non_null(r);
		count = PQgetvalue(r, 0, 0);
		assert_string_equal(count, "1");
		PQclear(r);
	}
}

/* Every kind of line can be written (the table's CHECK holds each) and is
 * read back as the same number; one past the last is refused, unwritten. */
static void every_kind_is_kept(void **state)
{
	char a[NB_TOKEN_LEN + 1];
	struct nb_error err = { 0 };
	struct nb_pg_access l[64];
	size_t n = 0;
	int64_t me, t = NOW + 5000;
	bool seen[NB_ACCESS__COUNT] = { false };

	(void)state;
	me = sign_up("soorten", t, a);
	for (int w = 0; w < NB_ACCESS__COUNT; w++)
		assert_int_equal(account_log(pg, me, (enum nb_access)w, "192.0.2.44", t + 1 + w, &err), NB_OK);
	assert_int_equal(account_log(pg, me, NB_ACCESS__COUNT, "192.0.2.44", t + 100, &err), NB_EINVAL);
	assert_int_equal(account_access(pg, a, t + 200, l, 64, &n, &err), NB_OK);
	for (size_t i = 0; i < n; i++) {
		assert_true(l[i].what >= 0 && l[i].what < NB_ACCESS__COUNT);
		if (l[i].at > t && l[i].at < t + 100) {
			assert_int_equal(l[i].what, (int)(l[i].at - t - 1));
			seen[l[i].what] = true;
		}
	}
	for (int w = 0; w < NB_ACCESS__COUNT; w++)
		assert_true(seen[w]);
}

/* The person's rows in every table of the schema with a person column, as
 * the owner (under the records' policy for that person); the tables in
 * *tables. */
static long rows_of(int64_t person, int *tables)
{
	struct nb_error err = { 0 };
	PGresult *r, *t;
	long sum = 0;
	char p[24];
	const char *v[1] = { pg_int(p, person) };

	assert_int_equal(pg_begin(owner, person, &err), NB_OK);
	t = pg_run(owner, "SELECT k.relname FROM pg_class k JOIN pg_attribute a ON a.attrelid = k.oid"
			  " WHERE k.relnamespace = current_schema()::regnamespace AND k.relkind IN ('r', 'p')"
			  " AND a.attname = 'person' AND NOT a.attisdropped ORDER BY 1", 0, NULL, &err);
	assert_non_null(t);
	*tables = PQntuples(t);
	for (int i = 0; i < PQntuples(t); i++) {
		char *sql = xasprintf("SELECT count(*) FROM %s WHERE person = $1", PQgetvalue(t, i, 0));

		r = pg_run(owner, sql, 1, v, &err);
		if (!r)
			fail_msg("%s: %s", sql, err.msg);
		sum += atol(PQgetvalue(r, 0, 0));
		PQclear(r);
		free(sql);
	}
	PQclear(t);
	pg_rollback(owner);
	return sum;
}

static void write_words(int64_t person, const char *word)
{
	struct nb_app a;
	struct nb_error err = { 0 };
	struct nb_entry *m = entry_new(NB_MEMBER), *c = entry_new(NB_CHECKIN), *t = entry_new(NB_TRIGGER);

	account_app(&a, pg, person, NOW);
	m->u.member.name = xasprintf("%sina", word);
	m->at = nb_stamp_local(NOW - 7200);
	c->u.checkin.mood = 3;
	c->u.checkin.note = xasprintf("Een ochtend bij de %s", word);
	c->at = nb_stamp_local(NOW - 3600);
	t->u.trigger.situation = xasprintf("Stil bij de %s", word);
	t->at = nb_stamp_local(NOW - 1800);
	if (app_add(&a, m, &err) || app_add(&a, c, &err) || app_add(&a, t, &err))
		fail_msg("add: %s", err.msg);
	app_close(&a);
	entry_free(m);
	entry_free(c);
	entry_free(t);
}

/* Whether a pg_dump of the database (as its superuser: the owner is under
 * the forced policies, which pg_dump will not dump through) holds word. */
static bool dump_holds(const char *word)
{
	const char *super = getenv("NABIJ_PG_SUPER"), *host = getenv("NABIJ_PG_HOST");
	const char *user = strstr(super, "user=");
	char *cmd;
	FILE *f;
	char line[8192];
	bool found = false;
	int lines = 0;

	assert_non_null(user);
	cmd = xasprintf("\"$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/pg_dump\" -d 'host=%s dbname=nabij %s'",
			host, user);
	f = popen(cmd, "r");
	assert_non_null(f);
	while (fgets(line, sizeof line, f)) {
		lines++;
		if (strstr(line, word))
			found = true;
	}
	assert_int_equal(pclose(f), 0);
	assert_true(lines > 100);
	free(cmd);
	return found;
}

static void account_deleted_with_everything(void **state)
{
	char a[NB_TOKEN_LEN + 1], b[NB_TOKEN_LEN + 1], o[NB_TOKEN_LEN + 1];
	struct nb_error err = { 0 };
	int64_t me, other;
	int tables = 0;
	long mine, theirs;

	(void)state;
	me = sign_up("vertrekker", NOW, a);
	other = sign_up("blijver", NOW, o);
	assert_int_equal(account_session_note(pg, a, "192.0.2.50", "Firefox/128.0", &err), NB_OK);
	assert_int_equal(sign_in("vertrekker", PW, "192.0.2.51", NOW + 5, b), NB_OK);
	assert_int_not_equal(sign_in("vertrekker", "fout en nog eens fout", "192.0.2.52", NOW + 6, b), NB_OK);
	assert_int_equal(sign_in("vertrekker", PW, "192.0.2.51", NOW + 7, b), NB_OK);
	write_words(me, "zeldzaamvertrek");
	write_words(other, "blijfwoordje");
	assert_int_equal(account_log(pg, me, NB_ACCESS_EXPORT, "192.0.2.50", NOW + 8, &err), NB_OK);
	mine = rows_of(me, &tables);
	theirs = rows_of(other, &tables);
	assert_true(tables >= 10);
	assert_true(mine > 10);
	assert_true(dump_holds("zeldzaamvertrek"));

	/* asked with the password: a wrong one deletes nothing */
	assert_int_equal(account_delete(pg, a, "dit is het niet hoor", NOW + 10, &err), NB_EINVAL);
	assert_string_equal(err.field, "password");
	assert_true(rows_of(me, &tables) >= mine);
	memset(&err, 0, sizeof err);
	if (account_delete(pg, a, PW, NOW + 20, &err) != NB_OK)
		fail_msg("delete: %s", err.msg);
	assert_int_equal(rows_of(me, &tables), 0);
	assert_int_equal(rows_of(other, &tables), theirs);
	assert_int_equal(person_of(a, NOW + 21), 0);
	assert_int_equal(person_of(b, NOW + 21), 0);
	assert_true(person_of(o, NOW + 21) > 0);
	assert_false(dump_holds("zeldzaamvertrek"));
	assert_false(dump_holds("vertrekker"));	/* the name: the account, its failed sign-ins */
	assert_false(dump_holds("192.0.2.50"));	/* its sessions' and log's addresses */
	assert_true(dump_holds("blijfwoordje"));
	/* (a sign-in with the name now counts a failure of that name again) */
	assert_int_not_equal(sign_in("vertrekker", PW, "192.0.2.51", NOW + 30, b), NB_OK);
	/* the name is free again */
	memset(&err, 0, sizeof err);
	assert_true(sign_up("vertrekker", NOW + 40, a) > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(browsers_named_short),
		cmocka_unit_test(sessions_listed_and_ended),
		cmocka_unit_test(password_changed),
		cmocka_unit_test(access_log_is_ones_own),
		cmocka_unit_test(every_kind_is_kept),
		cmocka_unit_test(account_deleted_with_everything),
	};
	struct nb_error err = { 0 };
	int rc;

	if (!getenv("NABIJ_PG_OWNER") || !getenv("NABIJ_PG_APP") || !getenv("NABIJ_PG_SUPER")) {
		fprintf(stderr, "test_self: no PostgreSQL (run it through tests/hosted/with-pg.sh)\n");
		return 77;
	}
	if (pg_migrate(getenv("NABIJ_PG_OWNER"), "nabij_app", &err) != NB_OK) {
		fprintf(stderr, "test_self: migrate: %s\n", err.msg);
		return 1;
	}
	if (pg_connect(getenv("NABIJ_PG_APP"), &pg, &err) != NB_OK || pg_check_role(pg, &err) != NB_OK ||
	    pg_connect(getenv("NABIJ_PG_OWNER"), &owner, &err) != NB_OK) {
		fprintf(stderr, "test_self: %s\n", err.msg);
		return 1;
	}
	rc = cmocka_run_group_tests_name("self", tests, NULL, NULL);
	pg_disconnect(pg);
	pg_disconnect(owner);
	return rc;
}
