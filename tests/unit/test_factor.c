/*
 * The second factor of nabij serve's accounts (app/factor.c over
 * store/pg_factor.c): RFC 6238's vectors through the check, the window's
 * edges, a code refused again (replay), recovery codes once each, the
 * sign-in's second step and its limit, turning it off with the password
 * and a code, ten new recovery codes the same way (the old ones refused at
 * once, a new one accepted once, a refusal changing nothing). Run by tests/hosted/with-pg.sh (77, a skip, without it), the
 * schema's accounts' steps 1 and 2 made by the owner. Times are given,
 * never the clock's; each test its own hours and names.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "app/account.h"
#include "store/pg.h"

#include <oath.h>
#include <sodium.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T0 1717200000	/* 2024-06-01, a fixed day */
#define PASS "a walk by the river"

static struct nb_pg *owner, *app;

static struct nb_pg *connect_as(const char *env)
{
	struct nb_pg *c = NULL;
	struct nb_error err = { 0 };

	if (pg_connect(getenv(env), &c, &err) != NB_OK)
		fail_msg("%s: %s", env, err.msg);
	return c;
}

static int64_t signup(const char *name, int64_t now)
{
	char token[NB_TOKEN_LEN + 1], session[NB_TOKEN_LEN + 1];
	struct nb_error err = { 0 };
	int64_t person = 0;

	assert_int_equal(account_invite(app, false, now, token, &err), NB_OK);
	if (account_signup(app, token, name, PASS, "", now, &person, session, &err) != NB_OK)
		fail_msg("signup: %s", err.msg);
	return person;
}

/* RFC 6238, appendix B: SHA-1, the ASCII seed, eight digits. */
static void rfc6238(void **state)
{
	static const struct {
		int64_t t;
		const char *code;
	} vectors[] = {
		{ 59, "94287082" },	    { 1111111109, "07081804" }, { 1111111111, "14050471" },
		{ 1234567890, "89005924" }, { 2000000000, "69279037" }, { 20000000000, "65353130" },
	};
	const unsigned char *seed = (const unsigned char *)"12345678901234567890";
	char made[16];
	int64_t counter;

	(void)state;
	for (size_t i = 0; i < sizeof vectors / sizeof *vectors; i++) {
		assert_true(factor_totp_check(seed, 20, vectors[i].t, 8, 0, vectors[i].code, &counter));
		assert_int_equal(counter, vectors[i].t / 30);
		assert_true(factor_totp_check(seed, 20, vectors[i].t, 8, 1, vectors[i].code, &counter));
		factor_totp_code(seed, 20, vectors[i].t, 8, made);
		assert_string_equal(made, vectors[i].code);
		/* another step's time, without a window: refused */
		assert_false(factor_totp_check(seed, 20, vectors[i].t + 30, 8, 0, vectors[i].code, &counter));
	}
	/* not digits, or not as many as asked: refused before any HMAC */
	assert_false(factor_totp_check(seed, 20, 59, 8, 1, "9428708", &counter));
	assert_false(factor_totp_check(seed, 20, 59, 8, 1, "942870820", &counter));
	assert_false(factor_totp_check(seed, 20, 59, 8, 1, "9428708a", &counter));
	assert_false(factor_totp_check(seed, 20, 59, 8, 1, "", &counter));
	assert_false(factor_totp_check(seed, 20, 59, 8, 1, NULL, &counter));
	assert_int_equal(counter, -1);
}

/* One step either side of now is accepted, two are not. */
static void window(void **state)
{
	const unsigned char *seed = (const unsigned char *)"12345678901234567890";
	int64_t now = T0 + 15, counter;	/* in the middle of a step */
	char code[8];

	(void)state;
	for (int d = -3; d <= 3; d++) {
		factor_totp_code(seed, 20, now + d * 30, 6, code);
		assert_int_equal(strlen(code), 6);
		assert_int_equal(factor_totp_check(seed, 20, now, 6, NB_FACTOR_WINDOW, code, &counter), d >= -1 && d <= 1);
		if (d >= -1 && d <= 1)
			assert_int_equal(counter, now / 30 + d);
	}
	/* the edges of a step: its first and last second */
	factor_totp_code(seed, 20, T0 / 30 * 30, 6, code);
	assert_true(factor_totp_check(seed, 20, T0 / 30 * 30 + 59, 6, 1, code, &counter));
	assert_false(factor_totp_check(seed, 20, T0 / 30 * 30 + 60, 6, 1, code, &counter));
	assert_true(factor_totp_check(seed, 20, T0 / 30 * 30 - 30, 6, 1, code, &counter));
	assert_false(factor_totp_check(seed, 20, T0 / 30 * 30 - 31, 6, 1, code, &counter));
}

static void shapes(void **state)
{
	char d[NB_FACTOR_DIGITS + 1], r[9];

	(void)state;
	assert_true(factor_code_shape("123456", d));
	assert_string_equal(d, "123456");
	assert_true(factor_code_shape(" 123 456 ", d));
	assert_string_equal(d, "123456");
	assert_false(factor_code_shape("12345", d));
	assert_false(factor_code_shape("1234567", d));
	assert_false(factor_code_shape("12345a", d));
	assert_false(factor_code_shape("", d));
	assert_false(factor_code_shape(NULL, d));
	assert_true(factor_recovery_shape("k7m2-9qx4", r));
	assert_string_equal(r, "k7m29qx4");
	assert_true(factor_recovery_shape(" K7M2 9QX4 ", r));
	assert_string_equal(r, "k7m29qx4");
	assert_false(factor_recovery_shape("k7m2-9qx", r));
	assert_false(factor_recovery_shape("k7m2-9qx45", r));
	assert_false(factor_recovery_shape("k7m2-9qx0", r));	/* no 0, o, 1, l, i */
	assert_false(factor_recovery_shape("123456", r));
	assert_false(factor_recovery_shape(NULL, r));
}

/* The secret of a factor set up, from its base32. */
static size_t secret_of(const struct nb_totp *f, unsigned char out[64])
{
	char *raw = NULL;
	size_t len = 0;

	assert_int_equal(oath_base32_decode(f->secret, strlen(f->secret), &raw, &len), OATH_OK);
	assert_int_equal(len, NB_FACTOR_SECRET_LEN);
	memcpy(out, raw, len);
	free(raw);
	return len;
}

static void code_at(const unsigned char *secret, size_t len, int64_t t, char out[8])
{
	factor_totp_code(secret, len, t, NB_FACTOR_DIGITS, out);
}

/* Sign in as name at now: NB_EINVAL on "code" and the pending token. */
static void first_step(const char *name, int64_t now, char pending[NB_TOKEN_LEN + 1])
{
	struct nb_error err = { 0 };
	int64_t person = -1;

	assert_int_equal(account_signin(app, name, PASS, "192.0.2.7", now, &person, pending, &err), NB_EINVAL);
	assert_string_equal(err.field, "code");
	assert_int_equal(person, 0);
	assert_true(account_token_valid(pending));
}

static enum nb_err second_step(const char *pending, const char *code, int64_t now, struct nb_error *err)
{
	char session[NB_TOKEN_LEN + 1];
	int64_t person = -1;
	enum nb_err rc;

	memset(err, 0, sizeof *err);
	rc = account_signin_code(app, pending, code, "192.0.2.7", now, &person, session, err);
	if (rc == NB_OK) {
		assert_true(person > 0);
		assert_true(account_token_valid(session));
	} else {
		assert_int_equal(person, 0);
		assert_string_equal(session, "");
	}
	return rc;
}

static void turning_on_and_signing_in(void **state)
{
	int64_t t = T0 + 3600, person = signup("factor-a", t), first = 0;
	struct nb_error err = { 0 };
	struct nb_totp f;
	unsigned char secret[64];
	size_t len;
	char code[8], code2[8], pending[NB_TOKEN_LEN + 1], session[NB_TOKEN_LEN + 1];
	char codes[NB_RECOVERY_CODES][NB_RECOVERY_LEN + 1];

	(void)state;
	assert_int_equal(factor_get(app, person, "factor-a", &f, &err), NB_OK);
	assert_int_equal(f.state, NB_FACTOR_OFF);
	/* off: a sign-in is one step */
	assert_int_equal(account_signin(app, "factor-a", PASS, "192.0.2.7", t, &first, session, &err), NB_OK);
	/* set up: the key, its URI; not asked at sign-in until confirmed */
	assert_int_equal(factor_begin(app, person, "factor-a", t, &f, &err), NB_OK);
	assert_int_equal(f.state, NB_FACTOR_SETUP);
	assert_int_equal(strlen(f.secret), NB_FACTOR_B32_LEN);
	assert_non_null(strstr(f.uri, "otpauth://totp/nabij:factor-a?secret="));
	assert_non_null(strstr(f.uri, f.secret));
	assert_non_null(strstr(f.uri, "&issuer=nabij"));
	len = secret_of(&f, secret);
	assert_int_equal(account_signin(app, "factor-a", PASS, "192.0.2.7", t + 1, &first, session, &err), NB_OK);
	/* a wrong first code: still not on */
	code_at(secret, len, t + 300, code);
	assert_int_equal(factor_confirm(app, person, code, "192.0.2.9", t, codes, &err), NB_EINVAL);
	assert_string_equal(err.field, "code");
	assert_int_equal(factor_confirm(app, person, "abc", "192.0.2.9", t, codes, &err), NB_EINVAL);
	/* the right one: on, and ten recovery codes, all different */
	code_at(secret, len, t, code);
	memset(&err, 0, sizeof err);
	assert_int_equal(factor_confirm(app, person, code, "192.0.2.9", t, codes, &err), NB_OK);
	for (int i = 0; i < NB_RECOVERY_CODES; i++) {
		char r[9];

		assert_int_equal(strlen(codes[i]), NB_RECOVERY_LEN);
		assert_int_equal(codes[i][4], '-');
		assert_true(factor_recovery_shape(codes[i], r));
		for (int j = 0; j < i; j++)
			assert_string_not_equal(codes[i], codes[j]);
	}
	assert_int_equal(factor_get(app, person, "factor-a", &f, &err), NB_OK);
	assert_int_equal(f.state, NB_FACTOR_ON);
	assert_int_equal(f.codes_left, NB_RECOVERY_CODES);
	assert_string_equal(f.secret, "");	/* never shown again */
	/* setting up again while on: refused, nothing changed */
	assert_int_equal(factor_begin(app, person, "factor-a", t, &f, &err), NB_EINVAL);
	assert_string_equal(err.field, "factor");
	/* signing in: the password gives no session, only the second step */
	first_step("factor-a", t + 10, pending);
	/* the code accepted at confirmation: refused again (replay) */
	assert_int_equal(second_step(pending, code, t + 10, &err), NB_EINVAL);
	assert_string_equal(err.field, "code");
	/* the next step's code: a session */
	code_at(secret, len, t + 30, code2);
	assert_int_equal(second_step(pending, code2, t + 31, &err), NB_OK);
	/* the pending sign-in is spent */
	assert_int_equal(second_step(pending, code2, t + 32, &err), NB_EINVAL);
	assert_string_equal(err.field, "pending");
	/* the same code in another sign-in, or an older one: refused */
	first_step("factor-a", t + 40, pending);
	assert_int_equal(second_step(pending, code2, t + 40, &err), NB_EINVAL);
	assert_string_equal(err.field, "code");
	assert_int_equal(second_step(pending, code, t + 40, &err), NB_EINVAL);
	/* a pending token of another shape, or made up */
	assert_int_equal(second_step("nope", code2, t + 40, &err), NB_EINVAL);
	assert_string_equal(err.field, "pending");
	{
		char made_up[NB_TOKEN_LEN + 1];

		account_token_new(made_up);
		assert_int_equal(second_step(made_up, code2, t + 40, &err), NB_EINVAL);
		assert_string_equal(err.field, "pending");
	}
	/* a sign-in waits its five minutes, no longer */
	t += 3600;
	first_step("factor-a", t, pending);
	code_at(secret, len, t + NB_FACTOR_PENDING, code);
	assert_int_equal(second_step(pending, code, t + NB_FACTOR_PENDING, &err), NB_EINVAL);
	assert_string_equal(err.field, "pending");
	code_at(secret, len, t + NB_FACTOR_PENDING - 1, code);
	first_step("factor-a", t + 1, pending);
	assert_int_equal(second_step(pending, code, t + NB_FACTOR_PENDING, &err), NB_OK);
	/* recovery codes: each once, in any case and with spaces */
	t += 3600;
	first_step("factor-a", t, pending);
	{
		char upper[NB_RECOVERY_LEN + 2];

		for (int i = 0; codes[0][i]; i++)
			upper[i] = codes[0][i] >= 'a' && codes[0][i] <= 'z' ? (char)(codes[0][i] - 32) : codes[0][i];
		upper[NB_RECOVERY_LEN] = '\0';
		upper[4] = ' ';
		assert_int_equal(second_step(pending, upper, t, &err), NB_OK);
	}
	first_step("factor-a", t + 1, pending);
	assert_int_equal(second_step(pending, codes[0], t + 1, &err), NB_EINVAL);
	assert_string_equal(err.field, "code");
	assert_int_equal(second_step(pending, codes[1], t + 2, &err), NB_OK);
	assert_int_equal(factor_get(app, person, "factor-a", &f, &err), NB_OK);
	assert_int_equal(f.codes_left, NB_RECOVERY_CODES - 2);
	/* one person's recovery code is not another's */
	{
		int64_t other = signup("factor-b", t);
		struct nb_totp g;
		unsigned char s2[64];
		size_t l2;
		char c2[8], codes2[NB_RECOVERY_CODES][NB_RECOVERY_LEN + 1];

		assert_int_equal(factor_begin(app, other, "factor-b", t, &g, &err), NB_OK);
		l2 = secret_of(&g, s2);
		code_at(s2, l2, t, c2);
		assert_int_equal(factor_confirm(app, other, c2, "192.0.2.9", t, codes2, &err), NB_OK);
		first_step("factor-b", t + 3, pending);
		assert_int_equal(second_step(pending, codes[2], t + 3, &err), NB_EINVAL);
		assert_int_equal(second_step(pending, codes2[2], t + 3, &err), NB_OK);
	}
}

/* A wrong code is a failed sign-in: the account's limit holds. */
static void wrong_codes_count(void **state)
{
	int64_t t = T0 + 6 * 3600, person = signup("factor-c", t);
	struct nb_error err = { 0 };
	struct nb_totp f;
	unsigned char secret[64];
	size_t len;
	char code[8], bad[8], pending[NB_TOKEN_LEN + 1];
	char codes[NB_RECOVERY_CODES][NB_RECOVERY_LEN + 1];
	int tries = 0;

	(void)state;
	assert_int_equal(factor_begin(app, person, "factor-c", t, &f, &err), NB_OK);
	len = secret_of(&f, secret);
	code_at(secret, len, t, code);
	assert_int_equal(factor_confirm(app, person, code, "192.0.2.9", t, codes, &err), NB_OK);
	first_step("factor-c", t + 60, pending);	/* the password's try stays counted */
	code_at(secret, len, t + 60, code);
	snprintf(bad, sizeof bad, "%06d", (atoi(code) + 1) % 1000000);
	while (second_step(pending, bad, t + 61, &err) == NB_EINVAL && strcmp(err.field, "code") == 0)
		tries++;
	assert_int_equal(tries, NB_SIGNIN_PER_ACCOUNT - 1);
	assert_string_equal(err.field, "wait");
	/* even the right code waits now */
	assert_int_equal(second_step(pending, code, t + 62, &err), NB_EINVAL);
	assert_string_equal(err.field, "wait");
	/* after the window, the right code works and the count is forgotten */
	first_step("factor-c", t + NB_SIGNIN_WINDOW + 120, pending);
	code_at(secret, len, t + NB_SIGNIN_WINDOW + 120, code);
	assert_int_equal(second_step(pending, code, t + NB_SIGNIN_WINDOW + 120, &err), NB_OK);
}

/* Off only with the password and a code (or a recovery code). */
static void turning_off(void **state)
{
	int64_t t = T0 + 9 * 3600, person = signup("factor-d", t), who = 0;
	struct nb_error err = { 0 };
	struct nb_totp f;
	unsigned char secret[64];
	size_t len;
	char code[8], session[NB_TOKEN_LEN + 1];
	char codes[NB_RECOVERY_CODES][NB_RECOVERY_LEN + 1];

	(void)state;
	assert_int_equal(factor_begin(app, person, "factor-d", t, &f, &err), NB_OK);
	len = secret_of(&f, secret);
	code_at(secret, len, t, code);
	assert_int_equal(factor_confirm(app, person, code, "192.0.2.9", t, codes, &err), NB_OK);
	code_at(secret, len, t + 30, code);
	assert_int_equal(factor_off(app, person, "factor-d", "not the password", code, "192.0.2.8", t + 30, &err),
			 NB_EINVAL);
	assert_string_equal(err.field, "password");
	assert_int_equal(factor_off(app, person, "factor-d", PASS, "000000", "192.0.2.8", t + 30, &err), NB_EINVAL);
	assert_string_equal(err.field, "code");
	assert_int_equal(factor_off(app, person, "factor-d", PASS, "", "192.0.2.8", t + 30, &err), NB_EINVAL);
	/* the code of the confirmation: a replay, refused */
	code_at(secret, len, t, code);
	assert_int_equal(factor_off(app, person, "factor-d", PASS, code, "192.0.2.8", t + 30, &err), NB_EINVAL);
	assert_int_equal(factor_get(app, person, "factor-d", &f, &err), NB_OK);
	assert_int_equal(f.state, NB_FACTOR_ON);
	/* a recovery code works as well */
	t += 3600;
	memset(&err, 0, sizeof err);
	assert_int_equal(factor_off(app, person, "factor-d", PASS, codes[3], "192.0.2.8", t, &err), NB_OK);
	assert_int_equal(factor_get(app, person, "factor-d", &f, &err), NB_OK);
	assert_int_equal(f.state, NB_FACTOR_OFF);
	assert_int_equal(f.codes_left, 0);
	/* a sign-in is one step again */
	assert_int_equal(account_signin(app, "factor-d", PASS, "192.0.2.8", t + 1, &who, session, &err), NB_OK);
	assert_int_equal(who, person);
}

/* How many lines of what the log of the session token holds at now. */
static int logged(const char *session, enum nb_access what, int64_t now)
{
	struct nb_pg_access l[64];
	struct nb_error err = { 0 };
	size_t n = 0;
	int count = 0;

	assert_int_equal(account_access(app, session, now, l, 64, &n, &err), NB_OK);
	for (size_t i = 0; i < n; i++)
		count += l[i].what == (int)what;
	return count;
}

static int codes_left(int64_t person, const char *name)
{
	struct nb_totp f;
	struct nb_error err = { 0 };

	assert_int_equal(factor_get(app, person, name, &f, &err), NB_OK);
	assert_int_equal(f.state, NB_FACTOR_ON);
	return f.codes_left;
}

/* Ten new recovery codes, asked as turning it off is: the old ones refused
 * at once, a new one accepted once; a wrong password or code changes
 * nothing; logged. */
static void new_recovery_codes(void **state)
{
	int64_t t = T0 + 12 * 3600, person = 0;
	struct nb_error err = { 0 };
	struct nb_totp f;
	unsigned char secret[64];
	size_t len;
	char code[8], invite[NB_TOKEN_LEN + 1], session[NB_TOKEN_LEN + 1], pending[NB_TOKEN_LEN + 1];
	char old[NB_RECOVERY_CODES][NB_RECOVERY_LEN + 1], fresh[NB_RECOVERY_CODES][NB_RECOVERY_LEN + 1],
		again[NB_RECOVERY_CODES][NB_RECOVERY_LEN + 1];

	(void)state;
	assert_int_equal(account_invite(app, false, t, invite, &err), NB_OK);
	assert_int_equal(account_signup(app, invite, "factor-e", PASS, "", t, &person, session, &err), NB_OK);
	/* with the factor off there are none to replace */
	assert_int_equal(factor_recovery_new(app, person, "factor-e", PASS, "123456", "192.0.2.5", t, fresh, &err),
			 NB_EINVAL);
	assert_string_equal(err.field, "factor");
	assert_int_equal(factor_begin(app, person, "factor-e", t, &f, &err), NB_OK);
	len = secret_of(&f, secret);
	code_at(secret, len, t, code);
	assert_int_equal(factor_confirm(app, person, code, "192.0.2.5", t, old, &err), NB_OK);

	/* refused: a wrong password (the code is then not even tried), a
	 * wrong code, the confirmation's code again; nothing changed */
	memset(&err, 0, sizeof err);
	code_at(secret, len, t + 30, code);
	assert_int_equal(factor_recovery_new(app, person, "factor-e", "not the password", code, "192.0.2.5", t + 30,
					     fresh, &err), NB_EINVAL);
	assert_string_equal(err.field, "password");
	assert_string_equal(fresh[0], "");
	memset(&err, 0, sizeof err);
	assert_int_equal(factor_recovery_new(app, person, "factor-e", PASS, "000000", "192.0.2.5", t + 30, fresh, &err),
			 NB_EINVAL);
	assert_string_equal(err.field, "code");
	memset(&err, 0, sizeof err);
	assert_int_equal(factor_recovery_new(app, person, "factor-e", PASS, "aaaa-bbbb", "192.0.2.5", t + 30, fresh,
					     &err), NB_EINVAL);
	assert_string_equal(err.field, "code");
	assert_int_equal(codes_left(person, "factor-e"), NB_RECOVERY_CODES);

	/* the password and a code of now: ten new ones, none of the old */
	memset(&err, 0, sizeof err);
	assert_int_equal(factor_recovery_new(app, person, "factor-e", PASS, code, "192.0.2.5", t + 30, fresh, &err),
			 NB_OK);
	for (int i = 0; i < NB_RECOVERY_CODES; i++) {
		char norm[9];

		assert_true(factor_recovery_shape(fresh[i], norm));
		for (int j = 0; j < NB_RECOVERY_CODES; j++) {
			assert_string_not_equal(fresh[i], old[j]);
			if (j != i)
				assert_string_not_equal(fresh[i], fresh[j]);
		}
	}
	assert_int_equal(codes_left(person, "factor-e"), NB_RECOVERY_CODES);
	/* the code that asked for them was spent by it */
	assert_int_equal(factor_recovery_new(app, person, "factor-e", PASS, code, "192.0.2.5", t + 31, again, &err),
			 NB_EINVAL);
	assert_string_equal(err.field, "code");

	/* an old one is refused at sign-in at once; a new one works once */
	first_step("factor-e", t + 60, pending);
	assert_int_equal(second_step(pending, old[0], t + 60, &err), NB_EINVAL);
	assert_string_equal(err.field, "code");
	assert_int_equal(second_step(pending, fresh[0], t + 61, &err), NB_OK);
	first_step("factor-e", t + 62, pending);
	assert_int_equal(second_step(pending, fresh[0], t + 62, &err), NB_EINVAL);
	assert_int_equal(codes_left(person, "factor-e"), NB_RECOVERY_CODES - 1);

	/* a recovery code may ask for new ones too: then all ten are new */
	memset(&err, 0, sizeof err);
	assert_int_equal(factor_recovery_new(app, person, "factor-e", PASS, fresh[1], "192.0.2.5", t + 90, again, &err),
			 NB_OK);
	assert_int_equal(codes_left(person, "factor-e"), NB_RECOVERY_CODES);
	first_step("factor-e", t + 120, pending);
	assert_int_equal(second_step(pending, fresh[2], t + 120, &err), NB_EINVAL);
	assert_int_equal(second_step(pending, again[9], t + 121, &err), NB_OK);

	/* the log: each time its own kind, and the refusals as failed tries */
	assert_int_equal(logged(session, NB_ACCESS_RECOVERY_NEW, t + 200), 2);
	assert_int_equal(logged(session, NB_ACCESS_RECOVERY_USED, t + 200), 3);	/* fresh[0], fresh[1], again[9] */
	assert_int_equal(logged(session, NB_ACCESS_SIGNIN_FAILED, t + 200), 1);
	assert_true(logged(session, NB_ACCESS_CODE_FAILED, t + 200) >= 3);
	assert_int_equal(logged(session, NB_ACCESS_FACTOR_OFF, t + 200), 0);
	sodium_memzero(old, sizeof old);
	sodium_memzero(fresh, sizeof fresh);
	sodium_memzero(again, sizeof again);
}

/* The app role reaches the tables only through the functions. */
static void app_role(void **state)
{
	static const char *const tables[] = { "account_factor", "recovery_code", "signin_pending" };

	(void)state;
	for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
		char sql[128];
		PGresult *r;

		snprintf(sql, sizeof sql, "SELECT * FROM %s", tables[i]);
		r = PQexec(app->conn, sql);
		assert_int_equal(PQresultStatus(r), PGRES_FATAL_ERROR);
		assert_string_equal(PQresultErrorField(r, PG_DIAG_SQLSTATE), "42501");
		PQclear(r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rfc6238),
		cmocka_unit_test(window),
		cmocka_unit_test(shapes),
		cmocka_unit_test(turning_on_and_signing_in),
		cmocka_unit_test(wrong_codes_count),
		cmocka_unit_test(turning_off),
		cmocka_unit_test(new_recovery_codes),
		cmocka_unit_test(app_role),
	};
	struct nb_error err = { 0 };
	int rc;

	if (!getenv("NABIJ_PG_OWNER") || !getenv("NABIJ_PG_APP")) {
		fprintf(stderr, "test_factor: no PostgreSQL (run it through tests/hosted/with-pg.sh)\n");
		return 77;
	}
	if (sodium_init() < 0)
		return 1;
	owner = connect_as("NABIJ_PG_OWNER");
	if (pg_begin(owner, 0, &err) != NB_OK || pg_account_migrate(owner, 1, "nabij_app", &err) != NB_OK ||
	    pg_account_migrate(owner, 2, "nabij_app", &err) != NB_OK ||
	    pg_account_migrate(owner, 3, "nabij_app", &err) != NB_OK ||
	    pg_account_migrate(owner, 4, "nabij_app", &err) != NB_OK || pg_commit(owner, &err) != NB_OK) {
		fprintf(stderr, "test_factor: the schema: %s\n", err.msg);
		return 1;
	}
	app = connect_as("NABIJ_PG_APP");
	rc = cmocka_run_group_tests_name("factor", tests, NULL, NULL);
	pg_disconnect(app);
	pg_disconnect(owner);
	return rc;
}
