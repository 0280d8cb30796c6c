/*
 * The second factor of nabij serve's accounts (app/account.h): TOTP codes
 * through liboath, the secret set up and confirmed with a first code,
 * recovery codes (and ten new ones in their place), turning it off, and
 * the second step of a sign-in. What is kept lives in the hosted store
 * (pg_factor.c). Nothing here writes a secret, a code or a name into a
 * message or a log.
 */
#include "account.h"
#include "account_int.h"
#include "core/i18n.h"

#include <oath.h>
#include <sodium.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The characters of a recovery code: no 0/o, 1/l/i, which are misread. */
static const char recovery_alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";

static pthread_once_t oath_once = PTHREAD_ONCE_INIT;

static void oath_start(void)
{
	if (oath_init() != OATH_OK || sodium_init() < 0)
		abort();	/* no HMAC or no randomness: nothing here is safe */
}

static void ready(void)
{
	pthread_once(&oath_once, oath_start);
}

bool factor_totp_check(const unsigned char *secret, size_t len, int64_t now, unsigned digits, int window,
		       const char *code, int64_t *counter)
{
	uint64_t at = 0;
	int pos = 0, rc;
	size_t n = code ? strlen(code) : 0;

	*counter = -1;
	if (!secret || !len || n != digits || strspn(code, "0123456789") != n || window < 0 || now < 0)
		return false;
	ready();
	rc = oath_totp_validate3((const char *)secret, len, (time_t)now, NB_FACTOR_STEP, 0, (size_t)window, &pos, &at,
				 code);
	if (rc < 0)
		return false;
	*counter = (int64_t)at;
	return true;
}

void factor_totp_code(const unsigned char *secret, size_t len, int64_t now, unsigned digits, char *out)
{
	ready();
	if (oath_totp_generate((const char *)secret, len, (time_t)now, NB_FACTOR_STEP, 0, digits, out) != OATH_OK)
		out[0] = '\0';
}

bool factor_code_shape(const char *code, char out[NB_FACTOR_DIGITS + 1])
{
	size_t n = 0;

	out[0] = '\0';
	if (!code)
		return false;
	for (const char *p = code; *p; p++) {
		if (*p == ' ')
			continue;
		if (*p < '0' || *p > '9' || n >= NB_FACTOR_DIGITS)
			return false;
		out[n++] = *p;
	}
	out[n] = '\0';
	return n == NB_FACTOR_DIGITS;
}

bool factor_recovery_shape(const char *code, char out[9])
{
	size_t n = 0;

	out[0] = '\0';
	if (!code)
		return false;
	for (const char *p = code; *p; p++) {
		char ch = *p;

		if (ch == ' ' || ch == '-')
			continue;
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if (!ch || !strchr(recovery_alphabet, ch) || n >= 8)
			return false;
		out[n++] = ch;
	}
	out[n] = '\0';
	return n == 8;
}

/* The hash kept of a recovery code (its 8 characters), keyed by the
 * person, so that one person's hashes say nothing of another's. */
static void recovery_hash(int64_t person, const char code[9], unsigned char hash[NB_PG_HASH_LEN])
{
	unsigned char key[crypto_generichash_KEYBYTES_MIN + 8] = "nabij recovery code ";

	for (int i = 0; i < 8; i++)
		key[sizeof key - 8 + (size_t)i] = (unsigned char)((uint64_t)person >> (8 * i));
	crypto_generichash(hash, NB_PG_HASH_LEN, (const unsigned char *)code, 8, key, sizeof key);
}

/* The otpauth:// URI of a secret's base32 for name (percent-encoded). */
static void make_uri(char out[NB_FACTOR_URI_MAX], const char *b32, const char *name)
{
	char label[3 * NB_PG_NAME_MAX + 1];
	size_t n = 0;

	for (const unsigned char *p = (const unsigned char *)(name ? name : ""); *p && n + 3 < sizeof label; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' ||
		    *p == '.' || *p == '_' || *p == '~') {
			label[n++] = (char)*p;
		} else {
			snprintf(label + n, 4, "%%%02X", *p);
			n += 3;
		}
	}
	label[n] = '\0';
	snprintf(out, NB_FACTOR_URI_MAX, "otpauth://totp/nabij:%s?secret=%s&issuer=nabij&algorithm=SHA1&digits=%d&period=%d",
		 label, b32, NB_FACTOR_DIGITS, NB_FACTOR_STEP);
}

static enum nb_err not_on(struct nb_error *err)
{
	return nb_error_set(err, NB_EINVAL, "factor",
			    _("Two-step sign-in is not waiting for a first code. Please open its page again."));
}

static enum nb_err code_wrong(struct nb_error *err)
{
	return nb_error_set(err, NB_EINVAL, "code",
			    _("That code does not match. Please type the six digits your app shows now; a code can be used once."));
}

enum nb_err factor_get(struct nb_pg *c, int64_t person, const char *name, struct nb_totp *out,
		       struct nb_error *err)
{
	unsigned char secret[NB_PG_SECRET_MAX];
	size_t len = 0;
	int64_t last;
	int state;
	enum nb_err rc;

	memset(out, 0, sizeof *out);
	if ((rc = pg_factor_get(c, person, &state, secret, &len, &last, &out->codes_left, err)) != NB_OK)
		return rc;
	out->state = state == 2 ? NB_FACTOR_ON : state == 1 ? NB_FACTOR_SETUP : NB_FACTOR_OFF;
	if (out->state == NB_FACTOR_SETUP) {
		char *b32 = NULL;
		size_t n = 0;

		ready();
		if (oath_base32_encode((const char *)secret, len, &b32, &n) == OATH_OK && b32) {
			/* no padding: 20 bytes are 32 characters exactly */
			while (n && b32[n - 1] == '=')
				b32[--n] = '\0';
			snprintf(out->secret, sizeof out->secret, "%s", b32);
			sodium_memzero(b32, n);
			free(b32);
			make_uri(out->uri, out->secret, name);
		}
	}
	sodium_memzero(secret, sizeof secret);
	return NB_OK;
}

enum nb_err factor_begin(struct nb_pg *c, int64_t person, const char *name, int64_t now, struct nb_totp *out,
			 struct nb_error *err)
{
	unsigned char secret[NB_FACTOR_SECRET_LEN];
	bool made = false;
	enum nb_err rc;

	ready();
	randombytes_buf(secret, sizeof secret);
	rc = pg_factor_begin(c, person, secret, sizeof secret, now, &made, err);
	sodium_memzero(secret, sizeof secret);
	if (rc != NB_OK)
		return rc;
	if (!made)
		return nb_error_set(err, NB_EINVAL, "factor", _("Two-step sign-in is on already."));
	return factor_get(c, person, name, out, err);
}

/* Whether code is person's at now, past the last accepted (then that one
 * is the last); confirm: the first code of a factor set up. */
static enum nb_err code_accept(struct nb_pg *c, int64_t person, const char *code, bool confirm, int64_t now,
			       bool *ok, struct nb_error *err)
{
	unsigned char secret[NB_PG_SECRET_MAX];
	char digits[NB_FACTOR_DIGITS + 1];
	size_t len = 0;
	int64_t last, counter;
	int state, codes;
	enum nb_err rc;

	*ok = false;
	if (!factor_code_shape(code, digits))
		return NB_OK;
	if ((rc = pg_factor_get(c, person, &state, secret, &len, &last, &codes, err)) != NB_OK)
		return rc;
	if (state == (confirm ? 1 : 2) && factor_totp_check(secret, len, now, NB_FACTOR_DIGITS, NB_FACTOR_WINDOW, digits,
							     &counter) &&
	    counter > last)
		rc = pg_factor_accept(c, person, counter, confirm, now, ok, err);
	sodium_memzero(secret, sizeof secret);
	sodium_memzero(digits, sizeof digits);
	return rc;
}

/* Whether code is one of person's recovery codes, unused (it is spent). */
static enum nb_err recovery_accept(struct nb_pg *c, int64_t person, const char *code, int64_t now, bool *ok,
				   struct nb_error *err)
{
	char norm[9];
	unsigned char hash[NB_PG_HASH_LEN];
	enum nb_err rc;

	*ok = false;
	if (!factor_recovery_shape(code, norm))
		return NB_OK;
	recovery_hash(person, norm, hash);
	rc = pg_recovery_use(c, person, hash, now, ok, err);
	sodium_memzero(norm, sizeof norm);
	return rc;
}

/* A code or a recovery code of person's, by its shape. */
static enum nb_err any_accept(struct nb_pg *c, int64_t person, const char *code, int64_t now, bool *ok,
			      bool *recovery, struct nb_error *err)
{
	char digits[NB_FACTOR_DIGITS + 1];

	*recovery = !factor_code_shape(code, digits);
	sodium_memzero(digits, sizeof digits);
	return *recovery ? recovery_accept(c, person, code, now, ok, err)
			 : code_accept(c, person, code, false, now, ok, err);
}

/* Ten new recovery codes for person into codes, their hashes replacing
 * all of person's in one statement (the old ones stop working with it). */
static enum nb_err codes_new(struct nb_pg *c, int64_t person, char codes[NB_RECOVERY_CODES][NB_RECOVERY_LEN + 1],
			     struct nb_error *err)
{
	unsigned char hashes[NB_RECOVERY_CODES][NB_PG_HASH_LEN];
	enum nb_err rc;

	ready();
	for (int i = 0; i < NB_RECOVERY_CODES; i++) {
		char norm[9];

		for (int j = 0; j < 8; j++)
			norm[j] = recovery_alphabet[randombytes_uniform(sizeof recovery_alphabet - 1)];
		norm[8] = '\0';
		snprintf(codes[i], NB_RECOVERY_LEN + 1, "%.4s-%.4s", norm, norm + 4);
		recovery_hash(person, norm, hashes[i]);
		sodium_memzero(norm, sizeof norm);
	}
	rc = pg_recovery_set(c, person, (const unsigned char(*)[NB_PG_HASH_LEN])hashes, NB_RECOVERY_CODES, err);
	if (rc != NB_OK)
		sodium_memzero(codes, sizeof(char[NB_RECOVERY_CODES][NB_RECOVERY_LEN + 1]));
	return rc;
}

enum nb_err factor_confirm(struct nb_pg *c, int64_t person, const char *code, const char *address, int64_t now,
			   char codes[NB_RECOVERY_CODES][NB_RECOVERY_LEN + 1], struct nb_error *err)
{
	struct nb_totp f;
	bool ok = false;
	enum nb_err rc;

	memset(codes, 0, sizeof(char[NB_RECOVERY_CODES][NB_RECOVERY_LEN + 1]));
	if ((rc = factor_get(c, person, NULL, &f, err)) != NB_OK)
		return rc;
	sodium_memzero(&f.secret, sizeof f.secret);
	if (f.state != NB_FACTOR_SETUP)
		return not_on(err);
	if ((rc = code_accept(c, person, code, true, now, &ok, err)) != NB_OK)
		return rc;
	if (!ok)
		return code_wrong(err);
	if ((rc = codes_new(c, person, codes, err)) != NB_OK)
		return rc;
	/* in the person's access log; a failure to write it is not the change's */
	(void)account_log(c, person, NB_ACCESS_FACTOR_ON, address, now, NULL);
	return NB_OK;
}

/* One try of the account's name and of address against the sign-in
 * limits: NB_EINVAL on "wait" past either; the keys into akey, ipkey. */
static enum nb_err take_try(struct nb_pg *c, const char *name, const char *address, int64_t now, char akey[101],
			    char ipkey[101], struct nb_error *err)
{
	bool taken = false;
	int count = 0;
	int64_t first = 0;
	enum nb_err rc;

	account_limit_key(akey, "a:", name);
	account_limit_key(ipkey, "ip:", address);
	if ((rc = pg_attempt_take(c, akey, now, NB_SIGNIN_WINDOW, NB_SIGNIN_PER_ACCOUNT, &taken, &count, &first,
				  err)) != NB_OK)
		return rc;
	if (!taken)
		return account_wait_error(first, now, err);
	if (address && *address) {
		if ((rc = pg_attempt_take(c, ipkey, now, NB_SIGNIN_WINDOW, NB_SIGNIN_PER_ADDRESS, &taken, &count,
					  &first, err)) != NB_OK)
			return rc;
		if (!taken) {
			(void)pg_attempt_return(c, akey, now, NULL);
			return account_wait_error(first, now, err);
		}
	}
	return NB_OK;
}

/* A try that succeeded: the account's failures forgotten, the address's
 * try taken back. */
static enum nb_err try_won(struct nb_pg *c, const char *akey, const char *ipkey, const char *address, int64_t now,
			   struct nb_error *err)
{
	enum nb_err rc = pg_attempts_clear(c, akey, err);

	if (rc == NB_OK && address && *address)
		rc = pg_attempt_return(c, ipkey, now, err);
	return rc;
}

/* The account's password and a code or a recovery code of person's, both
 * asked before a change of the factor: one try against the sign-in limits
 * (the keys into akey, ipkey); NB_EINVAL on "password" or "code" in the
 * words given (each a failed sign-in of the account, logged), on "wait"
 * past the limit. *recovery whether the code was a recovery code (spent). */
static enum nb_err password_and_code(struct nb_pg *c, int64_t person, const char *name, const char *pass,
				     const char *code, const char *address, int64_t now, const char *pass_wrong,
				     const char *code_wrong_words, char akey[101], char ipkey[101], bool *recovery,
				     struct nb_error *err)
{
	char pwhash[NB_PG_PWHASH_MAX];
	int64_t found_person = 0;
	bool found = false, ok = false;
	enum nb_err rc;

	*recovery = false;
	if ((rc = take_try(c, name, address, now, akey, ipkey, err)) != NB_OK)
		return rc;
	if ((rc = pg_account_find(c, name, &found, &found_person, pwhash, err)) != NB_OK)
		return rc;
	ok = found && found_person == person && account_password_verify(pwhash, pass);
	sodium_memzero(pwhash, sizeof pwhash);
	if (!ok) {	/* counted already */
		(void)account_log(c, person, NB_ACCESS_SIGNIN_FAILED, address, now, NULL);
		return nb_error_set(err, NB_EINVAL, "password", "%s", pass_wrong);
	}
	if ((rc = any_accept(c, person, code, now, &ok, recovery, err)) != NB_OK)
		return rc;
	if (!ok) {
		(void)account_log(c, person, NB_ACCESS_CODE_FAILED, address, now, NULL);
		return nb_error_set(err, NB_EINVAL, "code", "%s", code_wrong_words);
	}
	return NB_OK;
}

enum nb_err factor_off(struct nb_pg *c, int64_t person, const char *name, const char *pass, const char *code,
		       const char *address, int64_t now, struct nb_error *err)
{
	char akey[101], ipkey[101];
	bool recovery = false;
	enum nb_err rc;

	rc = password_and_code(c, person, name, pass, code, address, now,
			       _("That password does not match. Two-step sign-in stays on."),
			       _("That code does not match. Two-step sign-in stays on. Please type the six digits your app shows now, or a recovery code."),
			       akey, ipkey, &recovery, err);
	if (rc != NB_OK)
		return rc;
	if ((rc = pg_factor_end(c, person, err)) != NB_OK || (rc = try_won(c, akey, ipkey, address, now, err)) != NB_OK)
		return rc;
	if (recovery)
		(void)account_log(c, person, NB_ACCESS_RECOVERY_USED, address, now, NULL);
	(void)account_log(c, person, NB_ACCESS_FACTOR_OFF, address, now, NULL);
	return NB_OK;
}

enum nb_err factor_recovery_new(struct nb_pg *c, int64_t person, const char *name, const char *pass,
				const char *code, const char *address, int64_t now,
				char codes[NB_RECOVERY_CODES][NB_RECOVERY_LEN + 1], struct nb_error *err)
{
	char akey[101], ipkey[101];
	bool on = false, recovery = false;
	enum nb_err rc;

	memset(codes, 0, sizeof(char[NB_RECOVERY_CODES][NB_RECOVERY_LEN + 1]));
	if ((rc = factor_wanted(c, person, &on, err)) != NB_OK)
		return rc;
	if (!on)
		return nb_error_set(err, NB_EINVAL, "factor",
				    _("Two-step sign-in is not on, so there are no recovery codes to replace. Please open its page again."));
	rc = password_and_code(c, person, name, pass, code, address, now,
			       _("That password does not match. Your recovery codes stay as they were."),
			       _("That code does not match. Your recovery codes stay as they were. Please type the six digits your app shows now, or a recovery code."),
			       akey, ipkey, &recovery, err);
	if (rc != NB_OK)
		return rc;
	if ((rc = codes_new(c, person, codes, err)) != NB_OK)
		return rc;
	/* the new codes hold and are to be shown: a failure to forget the
	 * tries is not the change's */
	(void)try_won(c, akey, ipkey, address, now, NULL);
	if (recovery)
		(void)account_log(c, person, NB_ACCESS_RECOVERY_USED, address, now, NULL);
	(void)account_log(c, person, NB_ACCESS_RECOVERY_NEW, address, now, NULL);
	return NB_OK;
}

enum nb_err factor_wanted(struct nb_pg *c, int64_t person, bool *on, struct nb_error *err)
{
	unsigned char secret[NB_PG_SECRET_MAX];
	size_t len = 0;
	int64_t last;
	int state = 0, codes;
	enum nb_err rc = pg_factor_get(c, person, &state, secret, &len, &last, &codes, err);

	sodium_memzero(secret, sizeof secret);
	*on = rc == NB_OK && state == 2;
	return rc;
}

enum nb_err factor_pending(struct nb_pg *c, int64_t person, int64_t now, char pending[NB_TOKEN_LEN + 1],
			   struct nb_error *err)
{
	unsigned char hash[NB_PG_HASH_LEN];
	enum nb_err rc;

	account_token_new(pending);
	account_token_hash(pending, hash);
	if ((rc = pg_pending_add(c, hash, person, now + NB_FACTOR_PENDING, now, err)) != NB_OK) {
		sodium_memzero(pending, NB_TOKEN_LEN + 1);
		return rc;
	}
	return nb_error_set(err, NB_EINVAL, "code", _("Please type the code your app shows for nabij."));
}

enum nb_err account_signin_code(struct nb_pg *c, const char *pending, const char *code, const char *address,
				int64_t now, int64_t *person, char session[NB_TOKEN_LEN + 1], struct nb_error *err)
{
	unsigned char hash[NB_PG_HASH_LEN];
	char name[NB_PG_NAME_MAX + 1], akey[101], ipkey[101];
	int64_t who = 0;
	bool ok = false, recovery = false;
	enum nb_err rc;

	*person = 0;
	session[0] = '\0';
	if (!account_token_hash(pending, hash) || (rc = pg_pending_find(c, hash, now, &who, name, err)) != NB_OK ||
	    who <= 0) {
		if (who <= 0 && (!err || err->code != NB_EDB))
			return nb_error_set(err, NB_EINVAL, "pending",
					    _("This sign-in waited too long for its code. Please sign in again with your name and password."));
		return err ? err->code : NB_EDB;
	}
	if ((rc = take_try(c, name, address, now, akey, ipkey, err)) != NB_OK)
		return rc;
	if ((rc = any_accept(c, who, code, now, &ok, &recovery, err)) != NB_OK)
		return rc;
	if (!ok) {	/* a failed sign-in, counted already */
		(void)account_log(c, who, NB_ACCESS_CODE_FAILED, address, now, NULL);
		return code_wrong(err);
	}
	if ((rc = pg_pending_end(c, hash, err)) != NB_OK || (rc = try_won(c, akey, ipkey, address, now, err)) != NB_OK ||
	    (rc = account_session_begin(c, who, now, session, err)) != NB_OK)
		return rc;
	*person = who;
	if (recovery)
		(void)account_log(c, who, NB_ACCESS_RECOVERY_USED, address, now, NULL);
	(void)account_log(c, who, NB_ACCESS_SIGNIN, address, now, NULL);
	return NB_OK;
}
