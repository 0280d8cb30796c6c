/*
 * The accounts of nabij serve (app/account.c over store/pg_account.c) in a
 * real PostgreSQL: run by tests/hosted/with-pg.sh, which starts one of the
 * test's own and names its roles in the environment (it exits 77, a skip,
 * where PostgreSQL is missing; so does this test without that environment).
 * The schema is made by pg_account_migrate as the owner, in a transaction
 * as pg_migrate makes each step. Times are given, never the clock's: each
 * test takes its own hour of a fixed day, and names of its own.
 *
 *   test_account COMMON_PASSWORDS_TXT
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "app/account.h"
#include "store/pg.h"

#include <sodium.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define T0 1717200000	/* 2024-06-01, a fixed day */

static struct nb_pg *owner, *app;
static const char *list_path;

static struct nb_pg *connect_as(const char *env)
{
	struct nb_pg *c = NULL;
	struct nb_error err = { 0 };

	if (pg_connect(getenv(env), &c, &err) != NB_OK)
		fail_msg("%s: %s", env, err.msg);
	return c;
}

/* One value of a statement of the owner's, as text ("" for none). */
static char *owner_value(const char *sql, int n, const char *const *v)
{
	struct nb_error err = { 0 };
	PGresult *r = pg_run(owner, sql, n, v, &err);
	char *s;

	if (!r)
		fail_msg("%s: %s", sql, err.msg);
	s = strdup(PQntuples(r) > 0 ? PQgetvalue(r, 0, 0) : "");
	PQclear(r);
	return s;
}

static void invite(bool admin, int64_t now, char token[NB_TOKEN_LEN + 1])
{
	struct nb_error err = { 0 };

	assert_int_equal(account_invite(app, admin, now, token, &err), NB_OK);
}

/* An account of name with pass made at now: its person. */
static int64_t signup(const char *name, const char *pass, int64_t now)
{
	char token[NB_TOKEN_LEN + 1], session[NB_TOKEN_LEN + 1];
	struct nb_error err = { 0 };
	int64_t person = 0;

	invite(false, now, token);
	if (account_signup(app, token, name, pass, "", now, &person, session, &err) != NB_OK)
		fail_msg("signup: %s", err.msg);
	assert_true(person > 0);
	assert_true(account_token_valid(session));
	return person;
}

static enum nb_err signin(const char *name, const char *pass, const char *address, int64_t now,
			  struct nb_error *err)
{
	char session[NB_TOKEN_LEN + 1];
	int64_t person = -1;
	enum nb_err rc;

	memset(err, 0, sizeof *err);
	rc = account_signin(app, name, pass, address, now, &person, session, err);
	if (rc == NB_OK) {
		assert_true(person > 0);
		assert_true(account_token_valid(session));
	} else {
		assert_int_equal(person, 0);
		assert_string_equal(session, "");
	}
	return rc;
}

static void tokens(void **state)
{
	char a[NB_TOKEN_LEN + 1], b[NB_TOKEN_LEN + 1], t[NB_TOKEN_LEN + 1], n[24];
	char *seen = calloc(1000, NB_TOKEN_LEN + 1);
	unsigned char raw[32], hash[32];
	char hex[65], *stored;
	size_t len;
	const char *v[1];

	(void)state;
	account_token_new(a);
	account_token_new(b);
	assert_int_equal(strlen(a), NB_TOKEN_LEN);
	assert_true(account_token_valid(a));
	assert_string_not_equal(a, b);
	for (int i = 0; i < 1000; i++) {
		account_token_new(seen + i * (NB_TOKEN_LEN + 1));
		assert_true(account_token_valid(seen + i * (NB_TOKEN_LEN + 1)));
		for (int j = 0; j < i; j++)
			assert_string_not_equal(seen + i * (NB_TOKEN_LEN + 1), seen + j * (NB_TOKEN_LEN + 1));
	}
	free(seen);
	/* shapes that are not a token */
	assert_false(account_token_valid(NULL));
	assert_false(account_token_valid(""));
	memcpy(t, a, sizeof t);
	t[NB_TOKEN_LEN - 1] = '\0';
	assert_false(account_token_valid(t));	/* 42 */
	assert_false(account_token_valid("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));	/* 44 */
	memcpy(t, a, sizeof t);
	t[5] = '+';
	assert_false(account_token_valid(t));
	t[5] = '=';
	assert_false(account_token_valid(t));
	t[5] = 'A';
	t[NB_TOKEN_LEN - 1] = 'B';	/* stray bits past the 256 */
	assert_false(account_token_valid(t));
	assert_true(account_token_valid("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
	/* only the hash is kept: BLAKE2b-256 of the token's 32 bytes */
	invite(false, T0 + 1, t);
	assert_int_equal(sodium_base642bin(raw, 32, t, NB_TOKEN_LEN, NULL, &len, NULL,
					   sodium_base64_VARIANT_URLSAFE_NO_PADDING), 0);
	crypto_generichash(hash, 32, raw, 32, NULL, 0);
	sodium_bin2hex(hex, sizeof hex, hash, 32);
	v[0] = pg_int(n, T0 + 1);
	stored = owner_value("SELECT encode(hash, 'hex') FROM invitation WHERE created = $1", 1, v);
	assert_string_equal(stored, hex);
	free(stored);
	stored = owner_value("SELECT count(*) FROM invitation WHERE position(convert_to($1, 'UTF8') IN hash) > 0", 1,
			     (const char *const[]){ t });
	assert_string_equal(stored, "0");
	free(stored);
}

static void names(void **state)
{
	struct nb_error err = { 0 };
	char longname[NB_PG_NAME_MAX + 2];

	(void)state;
	assert_int_equal(account_name_check("Anna de Vries", &err), NB_OK);
	assert_int_equal(account_name_check("Zoë", &err), NB_OK);
	assert_int_equal(account_name_check("", &err), NB_EINVAL);
	assert_string_equal(err.field, "name");
	assert_int_equal(account_name_check("   ", &err), NB_EINVAL);
	assert_int_equal(account_name_check(NULL, &err), NB_EINVAL);
	assert_int_equal(account_name_check("a\tb", &err), NB_EINVAL);
	assert_int_equal(account_name_check("a\x7f", &err), NB_EINVAL);
	assert_int_equal(account_name_check("\xc3", &err), NB_EINVAL);	/* not UTF-8 */
	assert_int_equal(account_name_check(" anna", &err), NB_EINVAL);
	assert_int_equal(account_name_check("anna ", &err), NB_EINVAL);
	memset(longname, 'a', sizeof longname);
	longname[NB_PG_NAME_MAX] = '\0';
	assert_int_equal(account_name_check(longname, &err), NB_OK);
	longname[NB_PG_NAME_MAX] = 'a';
	longname[NB_PG_NAME_MAX + 1] = '\0';
	assert_int_equal(account_name_check(longname, &err), NB_EINVAL);
	/* names of every script, accents made of two characters, emoji */
	assert_int_equal(account_name_check("\xc5\x81ukasz", &err), NB_OK);
	assert_int_equal(account_name_check("Zoe\xcc\x88", &err), NB_OK);
	assert_int_equal(account_name_check("\xe6\x9d\x8e\xe5\xb0\x8f\xe9\xbe\x99", &err), NB_OK);
	assert_int_equal(account_name_check("anna \xf0\x9f\x8c\xbb", &err), NB_OK);
	/* but nothing a person cannot see, or cannot tell from one space:
	 * such a name looks like another's on the screen */
	{
		static const char *const unseen[] = {
			"anna\xe2\x80\x8b",		/* U+200B zero-width space */
			"an\xe2\x80\x8cna",		/* U+200C zero-width non-joiner */
			"an\xe2\x80\x8dna",		/* U+200D zero-width joiner */
			"\xe2\x80\x8f" "anna",	/* U+200F right-to-left mark */
			"\xe2\x80\x8e" "anna",	/* U+200E left-to-right mark */
			"\xe2\x80\xae" "anna",	/* U+202E right-to-left override */
			"\xe2\x81\xa6" "anna",	/* U+2066 left-to-right isolate */
			"\xd8\x9c" "anna",		/* U+061C Arabic letter mark */
			"ann\xc2\xa0" "a",		/* U+00A0 no-break space */
			"an\xc2\xad" "na",		/* U+00AD soft hyphen */
			"anna\xef\xbb\xbf",		/* U+FEFF */
			"an\xe2\x81\xa0na",		/* U+2060 word joiner */
			"anna\xe3\x80\x80" "b",	/* U+3000 ideographic space */
			"anna\xe2\x80\x83" "b",	/* U+2003 em space */
			"anna\xe2\x80\xa8" "b",	/* U+2028 line separator */
			"anna\xf3\xa0\x80\x81",	/* U+E0001 language tag */
			"\xe3\x85\xa4",		/* U+3164 Hangul filler */
			"anna\xef\xb8\x8f",		/* U+FE0F variation selector */
			"a\xcd\x8f" "nna",		/* U+034F combining grapheme joiner */
			"anna\xee\x80\x80",		/* U+E000 private use */
			"anna  de Vries",		/* two spaces in a row */
		};

		for (size_t i = 0; i < sizeof unseen / sizeof *unseen; i++) {
			memset(&err, 0, sizeof err);
			if (account_name_check(unseen[i], &err) != NB_EINVAL)
				fail_msg("name %zu: accepted", i);
			assert_string_equal(err.field, "name");
		}
	}
	/* a new name is of one alphabet among those that look alike: a
	 * Cyrillic or Greek letter among Latin ones makes a second "Amber" */
	{
		static const char *const one[] = {
			"Amber", "Zo\xc3\xab van Dijk", "\xc5\x81ukasz", "Zoe\xcc\x88",
			"\xd0\x90\xd0\xbd\xd0\xbd\xd0\xb0",			/* Анна */
			"\xce\x91\xce\xbd\xce\xbd\xce\xb1 2",			/* Αννα 2 */
			"\xd4\xb1\xd5\xb6\xd5\xab",				/* Armenian */
			"Anna \xe6\x9d\x8e",					/* Latin and Han */
			"anna \xf0\x9f\x8c\xbb", "anna-2 (thuis)",
			"\xf0\x9d\x97\x94\xf0\x9d\x97\xba\xf0\x9d\x97\xaf\xf0\x9d\x97\xb2\xf0\x9d\x97\xbf",	/* 𝗔𝗺𝗯𝗲𝗿, one alphabet */
		};
		static const char *const mixed[] = {
			"\xd0\x90mber",			/* Cyrillic A, Latin mber */
			"Amb\xd0\xb5r",			/* Cyrillic e */
			"\xce\x91mber",			/* Greek Alpha */
			"Anna \xd0\x90\xd0\xbd\xd0\xbd\xd0\xb0",	/* Anna Анна */
			"\xce\x91\xd0\x90",			/* Greek and Cyrillic */
			"Amber\xe1\x8e\xa0",			/* Cherokee */
			/* Latin letters in a form NFKC makes plain Latin (the
			 * store compares names so): mathematical, the Kelvin
			 * sign, circled, a ligature, each among Cyrillic ones */
			"\xd0\x90\xf0\x9d\x97\x86\xf0\x9d\x96\xbb\xf0\x9d\x96\xbe\xf0\x9d\x97\x8b",	/* А𝗆𝖻𝖾𝗋 */
			"\xe2\x84\xaa\xd0\xb5\xd0\xb5\xd1\x95",	/* Kееѕ, the K a Kelvin sign */
			"\xe2\x93\x80\xd0\xbd\xd0\xbd\xd0\xb0",	/* Ⓚнна */
			"\xef\xac\x81\xd0\xbe",			/* ﬁо */
			/* and a Greek one among Latin: the Ohm sign */
			"\xe2\x84\xa6mega",
		};

		for (size_t i = 0; i < sizeof one / sizeof *one; i++)
			if (account_name_new_check(one[i], &err) != NB_OK)
				fail_msg("one alphabet %zu: refused", i);
		for (size_t i = 0; i < sizeof mixed / sizeof *mixed; i++) {
			memset(&err, 0, sizeof err);
			if (account_name_new_check(mixed[i], &err) != NB_EINVAL)
				fail_msg("mixed %zu: accepted", i);
			assert_string_equal(err.field, "name");
			assert_non_null(strstr(err.msg, "alphabet"));
			/* an account made before keeps its name at sign-in */
			assert_int_equal(account_name_check(mixed[i], &err), NB_OK);
		}
		/* the other rules hold for a new name too */
		assert_int_equal(account_name_new_check("anna\xe2\x80\x8b", &err), NB_EINVAL);
		assert_int_equal(account_name_new_check("", &err), NB_EINVAL);
	}
}

static void passwords(void **state)
{
	struct nb_error err = { 0 };
	char big[NB_PASSWORD_MAX + 2], e[64] = "";
	FILE *f;
	char line[256], prev[256] = "";
	int n = 0, long_ones = 0;

	(void)state;
	assert_int_equal(account_password_check("anna", "lente in het bos", &err), NB_OK);
	assert_int_equal(account_password_check("anna", "kort", &err), NB_EINVAL);
	assert_string_equal(err.field, "password");
	assert_non_null(strstr(err.msg, "10 characters"));
	assert_int_equal(account_password_check("anna", "", &err), NB_EINVAL);
	/* the common ones, case aside */
	assert_int_equal(account_password_check("anna", "wachtwoord", &err), NB_EINVAL);
	assert_non_null(strstr(err.msg, "common"));
	assert_int_equal(account_password_check("anna", "WachtWoord123", &err), NB_EINVAL);
	assert_int_equal(account_password_check("anna", "1234567890", &err), NB_EINVAL);
	assert_int_equal(account_password_check("anna", "Password123", &err), NB_EINVAL);
	assert_int_equal(account_password_check("anna", "qwertyuiop", &err), NB_EINVAL);
	/* the name, case aside */
	assert_int_equal(account_password_check("Lentebloesem", "lenteBLOESEM", &err), NB_EINVAL);
	assert_non_null(strstr(err.msg, "name"));
	/* characters, not bytes: nine ë are 18 bytes and too few, ten enough */
	for (int i = 0; i < 9; i++)
		strcat(e, "ë");
	assert_int_equal(account_password_check("anna", e, &err), NB_EINVAL);
	strcat(e, "ë");
	assert_int_equal(account_password_check("anna", e, &err), NB_OK);
	memset(big, 'x', sizeof big);
	big[NB_PASSWORD_MAX] = '\0';
	assert_int_equal(account_password_check("anna", big, &err), NB_OK);
	big[NB_PASSWORD_MAX] = 'x';
	big[NB_PASSWORD_MAX + 1] = '\0';
	assert_int_equal(account_password_check("anna", big, &err), NB_EINVAL);
	/* the list: sorted by bytes after its comment, and each entry long
	 * enough to be tried at all is found (the search over the embedded
	 * text reaches every line) */
	f = fopen(list_path, "r");
	assert_non_null(f);
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#')
			continue;
		assert_true(n == 0 || strcmp(prev, line) < 0);
		strcpy(prev, line);
		n++;
		if (strlen(line) >= NB_PASSWORD_MIN) {
			long_ones++;
			if (account_password_check("anna", line, &err) != NB_EINVAL || !strstr(err.msg, "common"))
				fail_msg("not refused: line %d", n);
		}
	}
	fclose(f);
	assert_true(n > 10000);
	assert_true(long_ones > 1000);
	/* between and beside the list's lines */
	assert_int_equal(account_password_check("anna", "0000000000000000000000", &err), NB_OK);
	assert_int_equal(account_password_check("anna", "zzzzzzzzzzzzzzzzzzzzzz", &err), NB_OK);
}

static void signing_up(void **state)
{
	char token[NB_TOKEN_LEN + 1], other[NB_TOKEN_LEN + 1], session[NB_TOKEN_LEN + 1], n[24];
	struct nb_error err = { 0 };
	struct nb_who who;
	int64_t person = 0, t = T0 + 3600;
	char *s;
	const char *v[1];

	(void)state;
	invite(true, t, token);
	assert_int_equal(account_invite_check(app, token, t, &err), NB_OK);
	assert_int_equal(account_signup(app, token, "Marieke", "lente in het bos", "Europe/Amsterdam", t, &person,
					session, &err), NB_OK);
	assert_true(person > 0);
	assert_int_equal(account_session(app, session, t + 1, &who, &err), NB_OK);
	assert_int_equal(who.person, person);
	assert_true(who.admin);
	assert_string_equal(who.name, "Marieke");
	assert_string_equal(who.zone, "Europe/Amsterdam");
	/* spent: not again */
	assert_int_equal(account_invite_check(app, token, t + 2, &err), NB_EINVAL);
	assert_string_equal(err.field, "invite");
	assert_int_equal(account_signup(app, token, "Marieke2", "lente in het bos", "", t + 2, &person, session, &err),
			 NB_EINVAL);
	assert_string_equal(err.field, "invite");
	assert_int_equal(person, 0);
	/* unknown, and not a token at all */
	account_token_new(other);
	assert_int_equal(account_signup(app, other, "Marieke3", "lente in het bos", "", t, &person, session, &err),
			 NB_EINVAL);
	assert_string_equal(err.field, "invite");
	assert_int_equal(account_signup(app, "nope", "Marieke3", "lente in het bos", "", t, &person, session, &err),
			 NB_EINVAL);
	assert_string_equal(err.field, "invite");
	/* expired: valid NB_INVITE_DAYS */
	invite(false, t, other);
	assert_int_equal(account_invite_check(app, other, t + NB_INVITE_DAYS * 86400 - 1, &err), NB_OK);
	assert_int_equal(account_signup(app, other, "Marieke3", "lente in het bos", "", t + NB_INVITE_DAYS * 86400,
					&person, session, &err), NB_EINVAL);
	assert_string_equal(err.field, "invite");
	/* a name taken, case aside: the invitation stays unspent; the checks
	 * of the name and password come first */
	invite(false, t, other);
	assert_int_equal(account_signup(app, other, "Marieke4", "wachtwoord", "", t, &person, session, &err), NB_EINVAL);
	assert_string_equal(err.field, "password");
	assert_int_equal(account_signup(app, other, "", "lente in het bos", "", t, &person, session, &err), NB_EINVAL);
	assert_string_equal(err.field, "name");
	/* Marieke with a Cyrillic a: not a second Marieke */
	assert_int_equal(account_signup(app, other, "M\xd0\xb0rieke", "zomer aan zee", "", t, &person, session, &err),
			 NB_EINVAL);
	assert_string_equal(err.field, "name");
	assert_int_equal(account_signup(app, other, "MARIEKE", "zomer aan zee", "", t + 5, &person, session, &err),
			 NB_EINVAL);
	assert_string_equal(err.field, "name");
	assert_int_equal(person, 0);
	assert_int_equal(account_invite_check(app, other, t + 6, &err), NB_OK);
	/* a zone the system does not know is not kept */
	assert_int_equal(account_signup(app, other, "Marieke Twee", "zomer aan zee", "../../etc/passwd", t + 7, &person,
					session, &err), NB_OK);
	assert_int_equal(account_session(app, session, t + 8, &who, &err), NB_OK);
	assert_string_equal(who.name, "Marieke Twee");
	assert_false(who.admin);
	assert_string_equal(who.zone, "");
	v[0] = pg_int(n, person);
	s = owner_value("SELECT used IS NOT NULL FROM invitation i, account a WHERE a.person = $1 AND i.used = a.created",
			1, v);
	assert_string_equal(s, "t");
	free(s);
	invite(false, t, other);
	assert_int_equal(account_signup(app, other, "Marieke Drie", "zomer aan zee", "Nowhere/Land", t, &person,
					session, &err), NB_OK);
	assert_int_equal(account_session(app, session, t + 8, &who, &err), NB_OK);
	assert_string_equal(who.zone, "");
	/* the password is kept only as its Argon2id hash */
	v[0] = "Marieke Drie";
	s = owner_value("SELECT pwhash FROM account WHERE name = $1", 1, v);
	assert_true(strncmp(s, "$argon2id$v=19$m=262144,t=3,p=1$", 32) == 0);
	assert_null(strstr(s, "zomer"));
	free(s);
}

static void signing_in(void **state)
{
	struct nb_error err, unknown;
	char s1[NB_TOKEN_LEN + 1], s2[NB_TOKEN_LEN + 1];
	int64_t t = T0 + 2 * 3600, p1 = 0, p2 = 0;
	int64_t person = signup("Sanne", "de zee is kalm", t);
	struct nb_who who;

	(void)state;
	assert_int_equal(account_signin(app, "Sanne", "de zee is kalm", "192.0.2.1", t + 10, &p1, s1, &err), NB_OK);
	assert_int_equal(p1, person);
	/* case aside for the name; a fresh token at every sign-in */
	assert_int_equal(account_signin(app, "sANNE", "de zee is kalm", "192.0.2.1", t + 11, &p2, s2, &err), NB_OK);
	assert_int_equal(p2, person);
	assert_string_not_equal(s1, s2);
	assert_int_equal(account_session(app, s1, t + 12, &who, &err), NB_OK);
	assert_int_equal(who.person, person);
	/* a wrong password and an unknown name: the same words */
	assert_int_equal(signin("Sanne", "de zee is wild", "192.0.2.1", t + 20, &err), NB_EINVAL);
	assert_int_equal(signin("Niemand", "de zee is kalm", "192.0.2.1", t + 21, &unknown), NB_EINVAL);
	assert_string_equal(err.msg, unknown.msg);
	assert_string_equal(err.field, unknown.field);
	assert_null(strstr(err.msg, "wild"));
	assert_null(strstr(err.msg, "Sanne"));
	/* a name that cannot be, a password too long to be one */
	assert_int_equal(signin("", "de zee is kalm", "192.0.2.1", t + 22, &err), NB_EINVAL);
	assert_string_equal(err.msg, unknown.msg);
	{
		char big[NB_PASSWORD_MAX + 2];

		memset(big, 'x', sizeof big);
		big[NB_PASSWORD_MAX + 1] = '\0';
		assert_int_equal(signin("Sanne", big, "192.0.2.1", t + 23, &err), NB_EINVAL);
		assert_string_equal(err.msg, unknown.msg);
	}
}

static void limits(void **state)
{
	struct nb_error err;
	int64_t t = T0 + 3 * 3600;
	int count = 0;
	int64_t first = 0;

	(void)state;
	signup("Lotte", "wandelen in de duinen", t);
	signup("Bram", "fietsen langs de rivier", t);
	/* five failures of the account within the window: the sixth try is
	 * refused with "wait" even with the right password, from anywhere */
	for (int i = 0; i < NB_SIGNIN_PER_ACCOUNT; i++)
		assert_int_equal(signin("Lotte", "zwemmen in de zee", "198.51.100.1", t + 60 + i, &err), NB_EINVAL);
	assert_int_equal(signin("Lotte", "wandelen in de duinen", "198.51.100.2", t + 120, &err), NB_EINVAL);
	assert_string_equal(err.field, "wait");
	assert_non_null(strstr(err.msg, "14 minutes"));
	assert_int_equal(signin("LOTTE", "wandelen in de duinen", "198.51.100.2", t + 60 + 14 * 60, &err), NB_EINVAL);
	assert_string_equal(err.field, "wait");
	assert_non_null(strstr(err.msg, "1 minute,"));
	/* the other account is not held back by Lotte's failures */
	assert_int_equal(signin("Bram", "fietsen langs de rivier", "198.51.100.1", t + 130, &err), NB_OK);
	/* after the window the first failure no longer counts */
	assert_int_equal(signin("Lotte", "wandelen in de duinen", "198.51.100.2", t + 60 + NB_SIGNIN_WINDOW, &err),
			 NB_OK);
	/* a success cleared the account's failures: four more do not stop it */
	t += 2 * NB_SIGNIN_WINDOW;
	for (int i = 0; i < NB_SIGNIN_PER_ACCOUNT - 1; i++)
		assert_int_equal(signin("Lotte", "zwemmen in de zee", "198.51.100.3", t + i, &err), NB_EINVAL);
	assert_int_equal(signin("Lotte", "wandelen in de duinen", "198.51.100.3", t + 10, &err), NB_OK);
	for (int i = 0; i < NB_SIGNIN_PER_ACCOUNT - 1; i++)
		assert_int_equal(signin("Lotte", "zwemmen in de zee", "198.51.100.3", t + 20 + i, &err), NB_EINVAL);
	assert_int_equal(signin("Lotte", "wandelen in de duinen", "198.51.100.3", t + 30, &err), NB_OK);
	/* per address: failures of many names from one address (all but the
	 * last counted straight in the store, which is what a sign-in with an
	 * unknown name does, to spare the test twenty Argon2id) */
	t += 2 * NB_SIGNIN_WINDOW;
	for (int i = 0; i < NB_SIGNIN_PER_ADDRESS - 1; i++)
		assert_int_equal(pg_attempt_failed(app, "ip:2001:db8::7", t + i, NB_SIGNIN_WINDOW, &count, &first, &err),
				 NB_OK);
	assert_int_equal(count, NB_SIGNIN_PER_ADDRESS - 1);
	assert_int_equal(first, t);
	assert_int_equal(signin("Iemand", "zwemmen in de zee", "2001:DB8::7", t + 30, &err), NB_EINVAL);
	assert_string_equal(err.field, "signin");
	assert_int_equal(signin("Bram", "fietsen langs de rivier", "2001:db8::7", t + 40, &err), NB_EINVAL);
	assert_string_equal(err.field, "wait");
	assert_int_equal(signin("Bram", "fietsen langs de rivier", "2001:db8::8", t + 41, &err), NB_OK);
	assert_int_equal(signin("Bram", "fietsen langs de rivier", "2001:db8::7", t + NB_SIGNIN_WINDOW + 1, &err), NB_OK);
	/* the store's count and clear: within the window of the last sign-in,
	 * the failures after t + 1 (t + 2 to t + 18, and Iemand's); that
	 * sign-in succeeded and took its own try back */
	assert_int_equal(pg_attempt_count(app, "ip:2001:db8::7", t + NB_SIGNIN_WINDOW + 1, NB_SIGNIN_WINDOW, &count,
					  &first, &err), NB_OK);
	assert_int_equal(count, NB_SIGNIN_PER_ADDRESS - 2);
	assert_int_equal(first, t + 2);
	assert_int_equal(pg_attempts_clear(app, "IP:2001:db8::7", &err), NB_OK);
	assert_int_equal(pg_attempt_count(app, "ip:2001:db8::7", t + NB_SIGNIN_WINDOW + 1, NB_SIGNIN_WINDOW, &count,
					  &first, &err), NB_OK);
	assert_int_equal(count, 0);
	assert_int_equal(first, 0);
}

static void sessions(void **state)
{
	struct nb_error err = { 0 };
	char s[4][NB_TOKEN_LEN + 1];
	struct nb_who who;
	int64_t p, t = T0 + 4 * 3600;

	(void)state;
	p = signup("Noor", "een kop thee in de zon", t);
	for (int i = 0; i < 4; i++) {
		int64_t q = 0;

		assert_int_equal(account_signin(app, "Noor", "een kop thee in de zon", "203.0.113.9", t + i, &q, s[i], &err),
				 NB_OK);
		assert_int_equal(q, p);
	}
	/* not a token, and a token of no session */
	assert_int_equal(account_session(app, "x", t + 5, &who, &err), NB_OK);
	assert_int_equal(who.person, 0);
	{
		char none[NB_TOKEN_LEN + 1];

		account_token_new(none);
		assert_int_equal(account_session(app, none, t + 5, &who, &err), NB_OK);
		assert_int_equal(who.person, 0);
	}
	/* idle: s[0] is used within NB_SESSION_IDLE, s[1] not */
	assert_int_equal(account_session(app, s[0], t + NB_SESSION_IDLE - 100, &who, &err), NB_OK);
	assert_int_equal(who.person, p);
	assert_int_equal(account_session(app, s[0], t + NB_SESSION_IDLE + 100, &who, &err), NB_OK);
	assert_int_equal(who.person, p);
	assert_int_equal(account_session(app, s[1], t + NB_SESSION_IDLE + 100, &who, &err), NB_OK);
	assert_int_equal(who.person, 0);
	/* absolute: used every ten days, s[0] still ends at NB_SESSION_MAX */
	for (int64_t at = t + 20 * 86400; at < t + NB_SESSION_MAX; at += 10 * 86400) {
		assert_int_equal(account_session(app, s[0], at, &who, &err), NB_OK);
		assert_int_equal(who.person, p);
	}
	assert_int_equal(account_session(app, s[0], t + NB_SESSION_MAX - 1, &who, &err), NB_OK);
	assert_int_equal(who.person, p);
	assert_int_equal(account_session(app, s[0], t + NB_SESSION_MAX, &who, &err), NB_OK);
	assert_int_equal(who.person, 0);
	/* signing out ends that session alone */
	assert_int_equal(account_signout(app, s[2], &err), NB_OK);
	assert_int_equal(account_session(app, s[2], t + 10, &who, &err), NB_OK);
	assert_int_equal(who.person, 0);
	assert_int_equal(account_session(app, s[3], t + 10, &who, &err), NB_OK);
	assert_int_equal(who.person, p);
	assert_int_equal(account_signout(app, "not a token", &err), NB_OK);
	/* all of a person's */
	{
		char a[NB_TOKEN_LEN + 1], b[NB_TOKEN_LEN + 1];
		int64_t q = 0;

		assert_int_equal(account_signin(app, "Noor", "een kop thee in de zon", "203.0.113.9", t + 20, &q, a, &err),
				 NB_OK);
		assert_int_equal(account_signin(app, "Noor", "een kop thee in de zon", "203.0.113.9", t + 21, &q, b, &err),
				 NB_OK);
		assert_int_equal(pg_sessions_end_all(app, p, &err), NB_OK);
		assert_int_equal(account_session(app, a, t + 22, &who, &err), NB_OK);
		assert_int_equal(who.person, 0);
		assert_int_equal(account_session(app, b, t + 22, &who, &err), NB_OK);
		assert_int_equal(who.person, 0);
	}
	/* the time zone */
	assert_int_equal(pg_account_zone(app, p, "Europe/Brussels", &err), NB_OK);
	{
		char a[NB_TOKEN_LEN + 1];
		int64_t q = 0;

		assert_int_equal(account_signin(app, "Noor", "een kop thee in de zon", "203.0.113.9", t + 30, &q, a, &err),
				 NB_OK);
		assert_int_equal(account_session(app, a, t + 31, &who, &err), NB_OK);
		assert_string_equal(who.zone, "Europe/Brussels");
	}
}

static void rehash(void **state)
{
	char token[NB_TOKEN_LEN + 1], pwhash[crypto_pwhash_STRBYTES], n[24];
	unsigned char raw[32], hash[32];
	struct nb_error err = { 0 };
	int64_t person = 0, t = T0 + 5 * 3600;
	size_t len;
	char *s;
	const char *v[1];

	(void)state;
	/* an account whose hash was made with lower limits */
	invite(false, t, token);
	sodium_base642bin(raw, 32, token, NB_TOKEN_LEN, NULL, &len, NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	crypto_generichash(hash, 32, raw, 32, NULL, 0);
	assert_int_equal(crypto_pwhash_str(pwhash, "een oude sleutel", 16, crypto_pwhash_OPSLIMIT_INTERACTIVE,
					   crypto_pwhash_MEMLIMIT_INTERACTIVE), 0);
	assert_int_equal(pg_signup(app, hash, "Joost", pwhash, "", t, &person, &err), NB_OK);
	assert_int_equal(signin("Joost", "een oude sleutel", "", t + 1, &err), NB_OK);
	v[0] = pg_int(n, person);
	s = owner_value("SELECT pwhash FROM account WHERE person = $1", 1, v);
	assert_string_not_equal(s, pwhash);
	assert_int_equal(crypto_pwhash_str_needs_rehash(s, crypto_pwhash_OPSLIMIT_MODERATE,
							crypto_pwhash_MEMLIMIT_MODERATE), 0);
	free(s);
	assert_int_equal(signin("Joost", "een oude sleutel", "", t + 2, &err), NB_OK);
}

/* A name that looks like one taken to a person is taken: case aside, and
 * Unicode's compatibility forms aside (NFKC: an é of one character or of
 * e and an accent, full-width letters); the sign-in finds the account in
 * any of those forms, and its limit counts them all as one. */
static void names_that_look_alike(void **state)
{
	char token[NB_TOKEN_LEN + 1], session[NB_TOKEN_LEN + 1];
	struct nb_error err = { 0 };
	int64_t person = 0, elise, t = T0 + 6 * 3600;
	static const char *const alike[] = {
		"E\xcc\x81lise",			/* E and U+0301, not U+00C9 */
		"e\xcc\x81lise",
		"\xc3\xa9LISE",
		"\xef\xbc\xa5\xcc\x81lise",		/* a full-width E */
	};

	(void)state;
	elise = signup("\xc3\x89lise", "boeken lezen in de trein", t);
	invite(false, t, token);
	for (size_t i = 0; i < sizeof alike / sizeof *alike; i++) {
		memset(&err, 0, sizeof err);
		if (account_signup(app, token, alike[i], "zomer aan zee", "", t + 1, &person, session, &err) != NB_EINVAL)
			fail_msg("look-alike %zu: an account of its own", i);
		assert_string_equal(err.field, "name");
		assert_int_equal(person, 0);
	}
	assert_int_equal(account_invite_check(app, token, t + 2, &err), NB_OK);
	signup("\xef\xbc\xaa\xef\xbc\xa9\xef\xbc\xb0", "een lange fietstocht", t + 3);	/* full-width JIP */
	assert_int_equal(account_signup(app, token, "jip", "zomer aan zee", "", t + 4, &person, session, &err),
			 NB_EINVAL);
	assert_string_equal(err.field, "name");
	/* signing in in another form of the name */
	assert_int_equal(account_signin(app, "E\xcc\x81lise", "boeken lezen in de trein", "192.0.2.50", t + 5, &person,
					session, &err), NB_OK);
	assert_int_equal(person, elise);
	/* the limit counts every form as the one name */
	for (size_t i = 0; i < NB_SIGNIN_PER_ACCOUNT; i++)
		assert_int_equal(signin(alike[i % 4], "fout fout fout", "192.0.2.51", t + 10 + (int64_t)i, &err), NB_EINVAL);
	assert_int_equal(signin("\xc3\x89lise", "boeken lezen in de trein", "192.0.2.52", t + 20, &err), NB_EINVAL);
	assert_string_equal(err.field, "wait");
}

/* Bytes that are not text, where a name or an address is read: a calm
 * refusal like any wrong name, never the database's error, and counted. */
static void signing_in_with_odd_bytes(void **state)
{
	struct nb_error err = { 0 }, wrong;
	int64_t t = T0 + 7 * 3600;
	char big[400];

	(void)state;
	signup("Fenna", "thee met honing", t);
	assert_int_equal(signin("Fenna", "thee zonder honing", "192.0.2.60", t + 1, &wrong), NB_EINVAL);
	assert_string_equal(wrong.field, "signin");
	static const char *const names[] = { "\xff", "\xc3", "Fenna\xc3", "\xed\xa0\x80", "\xc0\xaf", "\xf4\x90\x80\x80" };
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		memset(&err, 0, sizeof err);
		if (signin(names[i], "thee met honing", "192.0.2.61", t + 2, &err) != NB_EINVAL)
			fail_msg("name %zu: %s", i, err.msg);
		assert_string_equal(err.msg, wrong.msg);
	}
	/* an address that is not text (a proxy's header, forged) */
	assert_int_equal(signin("Fenna", "thee zonder honing", "\xff\xfe", t + 3, &err), NB_EINVAL);
	assert_string_equal(err.msg, wrong.msg);
	/* long names and addresses, of characters of two bytes: cut whole */
	for (size_t i = 0; i + 2 < sizeof big; i += 2)
		memcpy(big + i, "\xc3\xa9", 2);
	big[sizeof big - 2] = '\0';
	assert_int_equal(signin(big, "thee met honing", big, t + 4, &err), NB_EINVAL);
	assert_string_equal(err.msg, wrong.msg);
	assert_int_equal(signin(big + 1, "thee met honing", big + 1, t + 5, &err), NB_EINVAL);
	assert_string_equal(err.msg, wrong.msg);
	/* a name that grows in its compatible form (U+FDFA is 33 bytes in
	 * NFKC): its key of the limits too */
	assert_int_equal(signin("\xef\xb7\xba\xef\xb7\xba\xef\xb7\xba\xef\xb7\xba", "thee met honing", "192.0.2.62",
			       t + 6, &err), NB_EINVAL);
	assert_string_equal(err.msg, wrong.msg);
	/* and the right one still signs in */
	assert_int_equal(signin("Fenna", "thee met honing", "192.0.2.60", t + 7, &err), NB_OK);
}

/* Many wrong passwords at once from processes of their own (the workers
 * of nabij serve): the limit holds, no more than NB_SIGNIN_PER_ACCOUNT
 * passwords are tried however many come together. */
static void limits_hold_across_processes(void **state)
{
	enum { N = 8 };
	int64_t t = T0 + 8 * 3600;
	int go[2], tried = 0, waited = 0;
	pid_t kids[N];

	(void)state;
	signup("Daan", "zeilen op het meer", t);
	assert_int_equal(pipe(go), 0);
	for (int i = 0; i < N; i++) {
		kids[i] = fork();
		assert_true(kids[i] >= 0);
		if (kids[i] == 0) {
			struct nb_pg *c = connect_as("NABIJ_PG_APP");
			struct nb_error err = { 0 };
			char session[NB_TOKEN_LEN + 1], b;
			int64_t p = 0;
			enum nb_err rc;

			close(go[1]);
			if (read(go[0], &b, 1) < 0)	/* all wait for the parent's word */
				_exit(4);
			rc = account_signin(c, "Daan", "roeien op het meer", "192.0.2.70", t + 1, &p, session, &err);
			pg_disconnect(c);
			_exit(rc == NB_EINVAL && strcmp(err.field, "signin") == 0 ? 1 :
			      rc == NB_EINVAL && strcmp(err.field, "wait") == 0 ? 2 : 3);
		}
	}
	close(go[0]);
	usleep(300000);	/* each connected */
	close(go[1]);	/* and off they go */
	for (int i = 0; i < N; i++) {
		int st = 0;

		assert_int_equal(waitpid(kids[i], &st, 0), kids[i]);
		assert_true(WIFEXITED(st));
		if (WEXITSTATUS(st) == 1)
			tried++;
		else if (WEXITSTATUS(st) == 2)
			waited++;
		else
			fail_msg("a sign-in ended with %d", WEXITSTATUS(st));
	}
	print_message("%d at once: %d passwords tried, %d told to wait\n", N, tried, waited);
	assert_int_equal(tried, NB_SIGNIN_PER_ACCOUNT);
	assert_int_equal(waited, N - NB_SIGNIN_PER_ACCOUNT);
}

/* As the role nabij serve connects as: the tables refuse it, the functions
 * serve it one row each. */
static void app_role(void **state)
{
	static const char *const tables[] = { "account", "signin_session", "invitation", "signin_failure" };
	struct nb_error err = { 0 };
	bool found = false;
	int64_t person = 0;
	char pwhash[NB_PG_PWHASH_MAX];
	char *s;

	(void)state;
	for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
		char sql[128];
		PGresult *r;

		snprintf(sql, sizeof sql, "SELECT * FROM %s", tables[i]);
		r = PQexec(app->conn, sql);
		assert_int_equal(PQresultStatus(r), PGRES_FATAL_ERROR);
		assert_string_equal(PQresultErrorField(r, PG_DIAG_SQLSTATE), "42501");	/* permission denied */
		PQclear(r);
		snprintf(sql, sizeof sql, "DELETE FROM %s", tables[i]);
		r = PQexec(app->conn, sql);
		assert_string_equal(PQresultErrorField(r, PG_DIAG_SQLSTATE), "42501");
		PQclear(r);
	}
	/* a GRANT by mistake still shows nothing: no policy for the app role */
	s = owner_value("GRANT SELECT ON account, signin_session TO nabij_app", 0, NULL);
	free(s);
	{
		PGresult *r = PQexec(app->conn, "SELECT (SELECT count(*) FROM account) + (SELECT count(*) FROM signin_session)");

		assert_int_equal(PQresultStatus(r), PGRES_TUPLES_OK);
		assert_string_equal(PQgetvalue(r, 0, 0), "0");
		PQclear(r);
	}
	s = owner_value("REVOKE SELECT ON account, signin_session FROM nabij_app", 0, NULL);
	free(s);
	/* while the owner (whose policy it is) sees the rows */
	s = owner_value("SELECT count(*) > 0 FROM account", 0, NULL);
	assert_string_equal(s, "t");
	free(s);
	/* the functions: each answers one row, as the owner, with its path
	 * pinned, and no one but the app role (and the owner) may call them */
	s = owner_value("SELECT count(*) FROM pg_proc WHERE proname LIKE 'nabij\\_%' AND NOT proretset AND prosecdef"
			" AND proconfig::text LIKE '%search_path=%pg_temp%'"
			" AND has_function_privilege('nabij_app', oid, 'EXECUTE')"
			" AND NOT has_function_privilege('public', oid, 'EXECUTE')", 0, NULL);
	/* step 1's 15, step 2's 9 (the second factor, pg_factor.c), step 3's 9
	 * new (pg_self.c), of which two answer a list of the caller's own
	 * (nabij_sessions_list, nabij_access_list: sets, by their session),
	 * step 4's 6 new (pg_admin.c), of which one answers a list, to an
	 * admin alone (nabij_admin_invites, by the admin's session) */
	assert_string_equal(s, "36");
	free(s);
	s = owner_value("SELECT count(*) FROM pg_proc WHERE proname LIKE 'nabij\\_%'", 0, NULL);
	assert_string_equal(s, "39");
	free(s);
	s = owner_value("SELECT count(*) FROM pg_class WHERE relname IN ('account', 'signin_session', 'invitation', 'signin_failure',"
			" 'account_factor', 'recovery_code', 'signin_pending')"
			" AND relrowsecurity AND relforcerowsecurity"
			" AND NOT has_table_privilege('nabij_app', oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')",
			0, NULL);
	assert_string_equal(s, "7");
	free(s);
	{
		PGresult *r = PQexec(app->conn, "SELECT * FROM nabij_account_find('nobody at all')");

		assert_int_equal(PQresultStatus(r), PGRES_TUPLES_OK);
		assert_int_equal(PQntuples(r), 1);
		assert_string_equal(PQgetvalue(r, 0, 0), "0");
		PQclear(r);
		r = PQexec(app->conn, "SELECT * FROM nabij_session_find('\\x00', 0, 0)");
		assert_int_equal(PQntuples(r), 1);
		PQclear(r);
		/* the sequence of the persons' numbers is not the app role's */
		r = PQexec(app->conn, "SELECT nextval('account_person_seq')");
		assert_int_equal(PQresultStatus(r), PGRES_FATAL_ERROR);
		PQclear(r);
	}
	assert_int_equal(pg_account_find(app, "SANNE", &found, &person, pwhash, &err), NB_OK);
	assert_true(found);
	assert_true(person > 0);
	assert_int_equal(pg_account_find(app, "Sanne Niet", &found, &person, pwhash, &err), NB_OK);
	assert_false(found);
	assert_int_equal(person, 0);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tokens),
		cmocka_unit_test(names),
		cmocka_unit_test(passwords),
		cmocka_unit_test(signing_up),
		cmocka_unit_test(signing_in),
		cmocka_unit_test(limits),
		cmocka_unit_test(sessions),
		cmocka_unit_test(rehash),
		cmocka_unit_test(names_that_look_alike),
		cmocka_unit_test(signing_in_with_odd_bytes),
		cmocka_unit_test(limits_hold_across_processes),
		cmocka_unit_test(app_role),
	};
	struct nb_error err = { 0 };
	int rc;

	if (argc < 2)
		return 2;
	list_path = argv[1];
	if (!getenv("NABIJ_PG_OWNER") || !getenv("NABIJ_PG_APP")) {
		fprintf(stderr, "test_account: no PostgreSQL (run it through tests/hosted/with-pg.sh)\n");
		return 77;
	}
	if (sodium_init() < 0)
		return 1;
	owner = connect_as("NABIJ_PG_OWNER");
	if (pg_begin(owner, 0, &err) != NB_OK || pg_account_migrate(owner, 1, "nabij_app", &err) != NB_OK ||
	    pg_account_migrate(owner, 2, "nabij_app", &err) != NB_OK ||
	    pg_account_migrate(owner, 3, "nabij_app", &err) != NB_OK ||
	    pg_account_migrate(owner, 4, "nabij_app", &err) != NB_OK || pg_commit(owner, &err) != NB_OK) {
		fprintf(stderr, "test_account: the schema: %s\n", err.msg);
		return 1;
	}
	app = connect_as("NABIJ_PG_APP");
	rc = cmocka_run_group_tests_name("account", tests, NULL, NULL);
	pg_disconnect(app);
	pg_disconnect(owner);
	return rc;
}
