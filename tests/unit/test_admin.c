/*
 * The operator's side of nabij serve (app/account_admin.c over
 * store/pg_admin.c), in a PostgreSQL of the test's own (with-pg.sh), as
 * the app role: someone who is not an admin is refused by every function
 * (as a page that is not there); the invitations listed (made, used,
 * expired, admin or not); one revoked once, its link then refused; an
 * account disabled (its sessions end at once, it cannot sign in, with a
 * calm word) and enabled again; every act on an account in that person's
 * access log, saying which (off, on again), written with the act; every
 * act of the admin's in the admin's own log (an invitation made, one for
 * an admin, one revoked, an account switched off or on), with when and
 * from where and nothing of whom; a refused act in no log.
 */
#include "app/account.h"
#include "app/account_int.h"
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

static struct nb_pg *pg;

static int64_t sign_up(const char *name, bool admin, int64_t now, char session[NB_TOKEN_LEN + 1])
{
	char invite[NB_TOKEN_LEN + 1];
	struct nb_error err = { 0 };
	int64_t person = 0;

	assert_int_equal(account_invite(pg, admin, now, invite, &err), NB_OK);
	if (account_signup(pg, invite, name, PW, "Europe/Amsterdam", now, &person, session, &err) != NB_OK)
		fail_msg("sign-up: %s", err.msg);
	return person;
}

static int64_t person_of(const char *token, int64_t now)
{
	struct nb_who who;
	struct nb_error err = { 0 };

	assert_int_equal(account_session(pg, token, now, &who, &err), NB_OK);
	return who.person;
}

/* How many lines of what the log of the session token holds. */
static int logged(const char *token, enum nb_access what, int64_t now)
{
	struct nb_pg_access l[64];
	struct nb_error err = { 0 };
	size_t n = 0;
	int count = 0;

	assert_int_equal(account_access(pg, token, now, l, 64, &n, &err), NB_OK);
	for (size_t i = 0; i < n; i++)
		count += l[i].what == (int)what;
	return count;
}

/* The line of what in the log of the session token, which must hold one,
 * written at and from address. */
static void logged_at(const char *token, enum nb_access what, int64_t at, const char *address, int64_t now)
{
	struct nb_pg_access l[64];
	struct nb_error err = { 0 };
	size_t n = 0;
	int found = 0;

	assert_int_equal(account_access(pg, token, now, l, 64, &n, &err), NB_OK);
	for (size_t i = 0; i < n; i++) {
		if (l[i].what != (int)what)
			continue;
		found++;
		assert_int_equal(l[i].at, at);
		assert_string_equal(l[i].address, address);
	}
	if (found != 1)
		fail_msg("%d lines of kind %d, not 1", found, (int)what);
}

/* The lines of an admin's acts, in anyone's log. */
static int admin_lines(const char *token, int64_t now)
{
	return logged(token, NB_ACCESS_ADMIN_INVITE, now) + logged(token, NB_ACCESS_ADMIN_INVITE_ADMIN, now) +
	       logged(token, NB_ACCESS_ADMIN_REVOKE, now) + logged(token, NB_ACCESS_ADMIN_DISABLE, now) +
	       logged(token, NB_ACCESS_ADMIN_ENABLE, now);
}

/* The log keeps a kind as its number: a number written once means the same
 * for as long as the line is kept (365 days), so no kind is renumbered. */
static void the_kinds_keep_their_numbers(void **state)
{
	(void)state;
	assert_int_equal(NB_ACCESS_SIGNIN, 0);
	assert_int_equal(NB_ACCESS_RECOVERY_USED, 8);
	assert_int_equal(NB_ACCESS_ADMIN, 9);
	assert_int_equal(NB_ACCESS_CODE_FAILED, 10);
	assert_int_equal(NB_ACCESS_DISABLED, 11);
	assert_int_equal(NB_ACCESS_ADMIN_ENABLE, 18);
	/* the table's CHECK (what BETWEEN 0 AND 63) holds every kind */
	assert_true(NB_ACCESS__COUNT <= 64);
}

static void not_an_admin_is_refused(void **state)
{
	char me[NB_TOKEN_LEN + 1], other[NB_TOKEN_LEN + 1], invite[NB_TOKEN_LEN + 1];
	struct nb_pg_invite list[8];
	struct nb_error err = { 0 };
	size_t n = 9;
	bool admin = true, revoked = true;

	(void)state;
	sign_up("gewoon", false, NOW, me);
	sign_up("buur", false, NOW, other);
	assert_int_equal(account_admin_is(pg, me, NOW + 1, &admin, &err), NB_OK);
	assert_false(admin);
	assert_int_equal(account_admin_invites(pg, me, NOW + 1, list, 8, &n, &err), NB_ENOTFOUND);
	assert_int_equal(n, 0);
	memset(&err, 0, sizeof err);
	assert_int_equal(account_admin_invite(pg, me, true, "192.0.2.1", NOW + 1, invite, &err), NB_ENOTFOUND);
	assert_string_equal(invite, "");
	memset(&err, 0, sizeof err);
	assert_int_equal(account_admin_revoke(pg, me, 1, "192.0.2.1", NOW + 1, &revoked, &err), NB_ENOTFOUND);
	assert_false(revoked);
	memset(&err, 0, sizeof err);
	assert_int_equal(account_admin_disable(pg, me, "buur", true, "192.0.2.9", NOW + 1, &err), NB_ENOTFOUND);
	assert_true(person_of(other, NOW + 2) > 0);
	/* refused: in no one's log */
	assert_int_equal(logged(other, NB_ACCESS_DISABLED, NOW + 2), 0);
	assert_int_equal(admin_lines(other, NOW + 2), 0);
	assert_int_equal(admin_lines(me, NOW + 2), 0);
	/* no session, or one made up */
	memset(&err, 0, sizeof err);
	assert_int_equal(account_admin_invites(pg, NULL, NOW + 1, list, 8, &n, &err), NB_ENOTFOUND);
	memset(&err, 0, sizeof err);
	assert_int_equal(account_admin_disable(pg, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "buur", true, NULL,
					       NOW + 1, &err), NB_ENOTFOUND);
	assert_true(person_of(other, NOW + 2) > 0);
}

static void invitations_listed_and_revoked(void **state)
{
	char boss[NB_TOKEN_LEN + 1], a[NB_TOKEN_LEN + 1], b[NB_TOKEN_LEN + 1], c[NB_TOKEN_LEN + 1],
		s[NB_TOKEN_LEN + 1], late[NB_TOKEN_LEN + 1];
	struct nb_pg_invite list[600];
	struct nb_error err = { 0 };
	size_t n = 0;
	int64_t t = NOW + 1000, person = 0;
	int64_t id_a = 0, id_b = 0, id_c = 0;
	bool admin = false, revoked = false;

	(void)state;
	sign_up("beheer", true, t, boss);
	assert_int_equal(account_admin_is(pg, boss, t, &admin, &err), NB_OK);
	assert_true(admin);
	/* a: used; b: not used, an admin's; c: expired */
	assert_int_equal(account_admin_invite(pg, boss, false, "192.0.2.1", t + 1, a, &err), NB_OK);
	assert_int_equal(account_admin_invite(pg, boss, true, "192.0.2.1", t + 2, b, &err), NB_OK);
	assert_int_equal(account_admin_invite(pg, boss, false, "192.0.2.1", t + 3 - NB_INVITE_DAYS * 86400 - 10, c, &err), NB_OK);
	assert_true(account_token_valid(a) && account_token_valid(b) && account_token_valid(c));
	assert_int_equal(account_signup(pg, a, "nieuw", PW, "", t + 10, &person, s, &err), NB_OK);

	assert_int_equal(account_admin_invites(pg, boss, t + 20, list, 600, &n, &err), NB_OK);
	assert_true(n >= 4);
	for (size_t i = 0; i < n; i++) {
		if (list[i].created == t + 1)
			id_a = list[i].id, assert_int_equal(list[i].used, t + 10), assert_false(list[i].admin);
		if (list[i].created == t + 2)
			id_b = list[i].id, assert_int_equal(list[i].used, 0), assert_true(list[i].admin),
				assert_int_equal(list[i].expires, t + 2 + NB_INVITE_DAYS * 86400);
		if (list[i].created == t + 3 - NB_INVITE_DAYS * 86400 - 10)
			id_c = list[i].id, assert_int_equal(list[i].used, 0), assert_true(list[i].expires < t + 20);
	}
	assert_true(id_a > 0 && id_b > 0 && id_c > 0);
	/* newest first */
	assert_int_equal(list[0].created, t + 2);

	/* a used one is not revoked; b is, once */
	assert_int_equal(account_admin_revoke(pg, boss, id_a, "192.0.2.1", t + 30, &revoked, &err), NB_OK);
	assert_false(revoked);
	assert_int_equal(account_admin_revoke(pg, boss, id_b, "192.0.2.1", t + 30, &revoked, &err), NB_OK);
	assert_true(revoked);
	assert_int_equal(account_admin_revoke(pg, boss, id_b, "192.0.2.1", t + 31, &revoked, &err), NB_OK);
	assert_false(revoked);
	/* and its link makes no account */
	assert_int_equal(account_invite_check(pg, b, t + 32, &err), NB_EINVAL);
	memset(&err, 0, sizeof err);
	assert_int_equal(account_signup(pg, b, "te laat", PW, "", t + 33, &person, late, &err), NB_EINVAL);
	assert_string_equal(err.field, "invite");
	assert_int_equal(account_admin_invites(pg, boss, t + 40, list, 600, &n, &err), NB_OK);
	for (size_t i = 0; i < n; i++)
		assert_int_not_equal(list[i].id, id_b);

	/* each act in the admin's own log: two invitations, one for an
	 * admin, one revoked (the refused revocations in no log) */
	assert_int_equal(logged(boss, NB_ACCESS_ADMIN_INVITE, t + 40), 2);
	logged_at(boss, NB_ACCESS_ADMIN_INVITE_ADMIN, t + 2, "192.0.2.1", t + 40);
	logged_at(boss, NB_ACCESS_ADMIN_REVOKE, t + 30, "192.0.2.1", t + 40);
	/* and nothing of them in the log of the one who used an invitation */
	assert_int_equal(admin_lines(s, t + 40), 0);
}

static void disabled_and_enabled(void **state)
{
	char boss[NB_TOKEN_LEN + 1], x1[NB_TOKEN_LEN + 1], x2[NB_TOKEN_LEN + 1], s[NB_TOKEN_LEN + 1];
	struct nb_error err = { 0 };
	int64_t t = NOW + 5000, person = 0, her;

	(void)state;
	sign_up("opzichter", true, t, boss);
	her = sign_up("Merel", false, t, x1);
	assert_int_equal(account_signin(pg, "merel", PW, "192.0.2.20", t + 10, &person, x2, &err), NB_OK);
	assert_int_equal(person_of(x2, t + 11), her);

	/* by its name (case aside); the admin's own is not theirs to disable */
	assert_int_equal(account_admin_disable(pg, boss, "MEREL", true, "192.0.2.1", t + 20, &err), NB_OK);
	assert_int_equal(person_of(x1, t + 21), 0);
	assert_int_equal(person_of(x2, t + 21), 0);
	memset(&err, 0, sizeof err);
	assert_int_equal(account_admin_disable(pg, boss, "opzichter", true, "192.0.2.1", t + 22, &err), NB_EINVAL);
	memset(&err, 0, sizeof err);
	assert_int_equal(account_admin_disable(pg, boss, "niemand", true, "192.0.2.1", t + 22, &err), NB_EINVAL);
	assert_string_equal(err.field, "name");
	assert_true(person_of(boss, t + 23) > 0);

	/* no sign-in, calmly; a wrong password still says only that */
	memset(&err, 0, sizeof err);
	assert_int_equal(account_signin(pg, "Merel", PW, "192.0.2.20", t + 30, &person, s, &err), NB_EINVAL);
	assert_string_equal(err.field, "disabled");
	assert_non_null(strstr(err.msg, "people who run this nabij"));
	assert_string_equal(s, "");
	memset(&err, 0, sizeof err);
	assert_int_equal(account_signin(pg, "Merel", "niet het wachtwoord", "192.0.2.20", t + 31, &person, s, &err),
			 NB_EINVAL);
	assert_string_equal(err.field, "signin");
	/* nor a session made some other way */
	memset(&err, 0, sizeof err);
	assert_int_equal(account_session_begin(pg, her, t + 32, s, &err), NB_EINVAL);

	/* enabled again: she signs in */
	assert_int_equal(account_admin_disable(pg, boss, "Merel", false, "192.0.2.1", t + 40, &err), NB_OK);
	memset(&err, 0, sizeof err);
	assert_int_equal(account_signin(pg, "Merel", PW, "192.0.2.20", t + 50, &person, s, &err), NB_OK);
	assert_int_equal(person_of(s, t + 51), her);

	/* each act in her log, saying which, with the admin's address; the
	 * refused ones (the admin's own account, a name of no one) nowhere */
	logged_at(s, NB_ACCESS_DISABLED, t + 20, "192.0.2.1", t + 60);
	logged_at(s, NB_ACCESS_ENABLED, t + 40, "192.0.2.1", t + 60);
	assert_int_equal(logged(s, NB_ACCESS_ADMIN, t + 60), 0);
	assert_int_equal(admin_lines(s, t + 60), 0);
	/* and in the admin's own log as the admin's acts, not as done to them */
	logged_at(boss, NB_ACCESS_ADMIN_DISABLE, t + 20, "192.0.2.1", t + 60);
	logged_at(boss, NB_ACCESS_ADMIN_ENABLE, t + 40, "192.0.2.1", t + 60);
	assert_int_equal(logged(boss, NB_ACCESS_DISABLED, t + 60) + logged(boss, NB_ACCESS_ENABLED, t + 60), 0);

	/* a line of before the two kinds is still hers and still listed */
	assert_int_equal(account_log(pg, her, NB_ACCESS_ADMIN, "192.0.2.1", t + 70, &err), NB_OK);
	logged_at(s, NB_ACCESS_ADMIN, t + 70, "192.0.2.1", t + 80);
}

/* An admin who is disabled (by another) is an admin no more. */
static void a_disabled_admin_is_none(void **state)
{
	char one[NB_TOKEN_LEN + 1], two[NB_TOKEN_LEN + 1], again[NB_TOKEN_LEN + 1];
	struct nb_pg_invite list[8];
	struct nb_error err = { 0 };
	int64_t t = NOW + 9000;
	size_t n = 0;

	(void)state;
	sign_up("eerste", true, t, one);
	sign_up("tweede", true, t, two);
	assert_int_equal(account_admin_disable(pg, one, "tweede", true, NULL, t + 1, &err), NB_OK);
	assert_int_equal(account_admin_invites(pg, two, t + 2, list, 8, &n, &err), NB_ENOTFOUND);
	memset(&err, 0, sizeof err);
	assert_int_equal(account_admin_invite(pg, two, false, "192.0.2.1", t + 2, again, &err), NB_ENOTFOUND);
}

/* The admin's lines hold what, when and where: nothing of whom. Read as
 * the database's superuser: a line has no column but the person whose log
 * it is, when, what and the address, and the admin's lines are the
 * admin's, of the admin's kinds, from the admin's address. */
static void the_admins_lines_name_no_one(void **state)
{
	char boss[NB_TOKEN_LEN + 1], x[NB_TOKEN_LEN + 1], invite[NB_TOKEN_LEN + 1], ci[512], sql[200];
	struct nb_pg *super = NULL;
	struct nb_error err = { 0 };
	int64_t t = NOW + 12000, admin;
	int kinds = 0;
	PGresult *r;

	(void)state;
	admin = sign_up("toezicht", true, t, boss);
	sign_up("Wilhelmina", false, t, x);
	assert_int_equal(account_admin_invite(pg, boss, true, "192.0.2.7", t + 1, invite, &err), NB_OK);
	assert_int_equal(account_admin_disable(pg, boss, "wilhelmina", true, "192.0.2.7", t + 2, &err), NB_OK);
	assert_int_equal(account_admin_disable(pg, boss, "wilhelmina", false, "192.0.2.7", t + 3, &err), NB_OK);

	snprintf(ci, sizeof ci, "%s dbname=nabij", getenv("NABIJ_PG_SUPER"));
	if (pg_connect(ci, &super, &err) != NB_OK)
		fail_msg("superuser: %s", err.msg);
	r = pg_run(super, "SELECT * FROM access_log LIMIT 0", 0, NULL, &err);
	assert_non_null(r);
	assert_int_equal(PQnfields(r), 4);
	assert_int_equal(PQfnumber(r, "person"), 0);
	assert_int_equal(PQfnumber(r, "at"), 1);
	assert_int_equal(PQfnumber(r, "what"), 2);
	assert_int_equal(PQfnumber(r, "address"), 3);
	PQclear(r);
	snprintf(sql, sizeof sql, "SELECT what, address FROM access_log WHERE person = %lld AND at > %lld",
		 (long long)admin, (long long)t);
	r = pg_run(super, sql, 0, NULL, &err);
	assert_non_null(r);
	assert_int_equal(PQntuples(r), 3);
	for (int i = 0; i < PQntuples(r); i++) {
		int what = atoi(PQgetvalue(r, i, 0));

		kinds |= 1 << (what - NB_ACCESS_ADMIN_INVITE);
		assert_true(what == NB_ACCESS_ADMIN_INVITE_ADMIN || what == NB_ACCESS_ADMIN_DISABLE ||
			    what == NB_ACCESS_ADMIN_ENABLE);
		assert_string_equal(PQgetvalue(r, i, 1), "192.0.2.7");
	}
	assert_int_equal(kinds, 1 << 1 | 1 << 3 | 1 << 4);
	PQclear(r);
	pg_disconnect(super);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_kinds_keep_their_numbers),
		cmocka_unit_test(not_an_admin_is_refused),
		cmocka_unit_test(invitations_listed_and_revoked),
		cmocka_unit_test(disabled_and_enabled),
		cmocka_unit_test(a_disabled_admin_is_none),
		cmocka_unit_test(the_admins_lines_name_no_one),
	};
	struct nb_error err = { 0 };
	int rc;

	if (!getenv("NABIJ_PG_OWNER") || !getenv("NABIJ_PG_APP") || !getenv("NABIJ_PG_SUPER")) {
		fprintf(stderr, "test_admin: no PostgreSQL (run it through tests/hosted/with-pg.sh)\n");
		return 77;
	}
	if (pg_migrate(getenv("NABIJ_PG_OWNER"), "nabij_app", &err) != NB_OK) {
		fprintf(stderr, "test_admin: migrate: %s\n", err.msg);
		return 1;
	}
	if (pg_connect(getenv("NABIJ_PG_APP"), &pg, &err) != NB_OK || pg_check_role(pg, &err) != NB_OK) {
		fprintf(stderr, "test_admin: %s\n", err.msg);
		return 1;
	}
	rc = cmocka_run_group_tests_name("admin", tests, NULL, NULL);
	pg_disconnect(pg);
	return rc;
}
