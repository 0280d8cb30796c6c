/*
 * One's own account in nabij serve (app/account.h): the sessions one has
 * open and signing them out, the password changed, the access log one can
 * read, and the account deleted with everything in it. Each step takes the
 * token of the caller's own session; the store finds the person by its
 * hash (store/hosted.h), so that no call here can name another person.
 * A password is checked as a sign-in checks it, its tries counted with the
 * sign-in's (a stolen session cannot guess the password faster than a
 * sign-in can). Nothing here writes a password, a token, a name or an
 * address into a message or the server's log.
 */
#include "account.h"
#include "core/i18n.h"

#include <sodium.h>

#include <stdio.h>
#include <string.h>

/* An address is digits, dots and colons: anything else is no address. */
void account_address_kept(const char *address, char out[NB_PG_ADDRESS_MAX + 1])
{
	size_t n = 0;

	for (const char *p = address ? address : ""; *p && n < NB_PG_ADDRESS_MAX; p++)
		out[n++] = *p > ' ' && *p < 0x7f ? *p : '?';
	out[n] = '\0';
}

enum nb_err account_log(struct nb_pg *c, int64_t person, enum nb_access what, const char *address, int64_t now,
			struct nb_error *err)
{
	char a[NB_PG_ADDRESS_MAX + 1];

	if (person <= 0 || (int)what < 0 || what >= NB_ACCESS__COUNT)
		return nb_error_set(err, NB_EINVAL, "", _("The database answered nabij in a way it did not expect. Nothing was changed."));
	account_address_kept(address, a);
	return pg_access_add(c, person, (int)what, a, now, (int64_t)NB_ACCESS_DAYS * 86400, err);
}

/* Whether ua holds word. */
static bool has(const char *ua, const char *word)
{
	return strstr(ua, word) != NULL;
}

void account_browser(const char *user_agent, char out[NB_PG_BROWSER_MAX + 1])
{
	const char *ua = user_agent ? user_agent : "", *browser = "", *system = "";

	/* the order matters: each names the ones before it in its string */
	if (has(ua, "Firefox/") || has(ua, "FxiOS/"))
		browser = "Firefox";
	else if (has(ua, "Edg/") || has(ua, "EdgA/") || has(ua, "EdgiOS/"))
		browser = "Edge";
	else if (has(ua, "OPR/") || has(ua, "Opera"))
		browser = "Opera";
	else if (has(ua, "SamsungBrowser/"))
		browser = "Samsung Internet";
	else if (has(ua, "Chrome/") || has(ua, "CriOS/") || has(ua, "Chromium/"))
		browser = "Chrome";
	else if (has(ua, "Safari/") && has(ua, "Version/"))
		browser = "Safari";
	else if (!strncmp(ua, "curl/", 5))
		browser = "curl";
	if (has(ua, "Android"))
		system = "Android";
	else if (has(ua, "iPhone") || has(ua, "iPad") || has(ua, "iPod"))
		system = "iOS";
	else if (has(ua, "Windows"))
		system = "Windows";
	else if (has(ua, "CrOS"))
		system = "ChromeOS";
	else if (has(ua, "Mac OS X") || has(ua, "Macintosh"))
		system = "macOS";
	else if (has(ua, "Linux") || has(ua, "X11"))
		system = "Linux";
	snprintf(out, NB_PG_BROWSER_MAX + 1, "%s/%s", browser, system);
}

void account_browser_say(const char *browser, char *out, size_t size)
{
	char b[NB_PG_BROWSER_MAX + 1];
	const char *slash = strchr(browser ? browser : "", '/'), *system;

	snprintf(b, sizeof b, "%s", browser ? browser : "");
	if (slash)
		b[slash - browser] = '\0';
	system = slash ? slash + 1 : "";
	if (*b && *system)
		/* TRANSLATORS: a browser on a system, e.g. "Firefox on Android" */
		snprintf(out, size, _("%s on %s"), b, system);
	else if (*b)
		snprintf(out, size, "%s", b);
	else if (*system)
		/* TRANSLATORS: a browser not known, on a system, e.g. "A browser on Android" */
		snprintf(out, size, _("A browser on %s"), system);
	else
		snprintf(out, size, "%s", _("A browser nabij does not know"));
}

/* NB_EINVAL: the caller has no session (any more). */
static enum nb_err no_session(struct nb_error *err)
{
	return nb_error_set(err, NB_EINVAL, "session",
			    _("You are not signed in (any more), so nothing was changed. Please sign in and try again."));
}

/* The hash of token, or NB_EINVAL when it is no token (a caller without a
 * session: the face has checked it already). */
static enum nb_err hash_of(const char *token, unsigned char hash[NB_PG_HASH_LEN], struct nb_error *err)
{
	if (!account_token_hash(token, hash))
		return no_session(err);
	return NB_OK;
}

enum nb_err account_session_note(struct nb_pg *c, const char *token, const char *address, const char *user_agent,
				 struct nb_error *err)
{
	unsigned char hash[NB_PG_HASH_LEN];
	char a[NB_PG_ADDRESS_MAX + 1], b[NB_PG_BROWSER_MAX + 1];
	enum nb_err rc;

	if ((rc = hash_of(token, hash, err)) != NB_OK)
		return rc;
	account_address_kept(address, a);
	account_browser(user_agent, b);
	return pg_session_note(c, hash, a, b, err);
}

enum nb_err account_sessions(struct nb_pg *c, const char *token, int64_t now, struct nb_pg_session *out, size_t max,
			     size_t *n, struct nb_error *err)
{
	unsigned char hash[NB_PG_HASH_LEN];
	enum nb_err rc;

	*n = 0;
	if ((rc = hash_of(token, hash, err)) != NB_OK)
		return rc;
	return pg_sessions_list(c, hash, now, out, max, n, err);
}

enum nb_err account_session_end(struct nb_pg *c, const char *token, int64_t id, const char *address, int64_t now,
				struct nb_error *err)
{
	unsigned char hash[NB_PG_HASH_LEN];
	bool ended = false;
	enum nb_err rc;

	(void)address;
	if ((rc = hash_of(token, hash, err)) != NB_OK || (rc = pg_session_end_other(c, hash, id, now, &ended, err)) != NB_OK)
		return rc;
	if (!ended)
		return nb_error_set(err, NB_ENOTFOUND, "session",
				    _("That browser is signed out already."));
	return NB_OK;
}

enum nb_err account_sessions_end_others(struct nb_pg *c, const char *token, const char *address, int64_t now,
					struct nb_error *err)
{
	unsigned char hash[NB_PG_HASH_LEN];
	char name[NB_PG_NAME_MAX + 1], pwhash[NB_PG_PWHASH_MAX];
	int64_t person = 0;
	int ended = 0;
	enum nb_err rc;

	if ((rc = hash_of(token, hash, err)) != NB_OK ||
	    (rc = pg_self_find(c, hash, now, &person, name, pwhash, err)) != NB_OK)
		return rc;
	sodium_memzero(pwhash, sizeof pwhash);
	sodium_memzero(name, sizeof name);
	if (person <= 0)
		return no_session(err);
	if ((rc = pg_sessions_end_others(c, hash, now, &ended, err)) != NB_OK)
		return rc;
	return account_log(c, person, NB_ACCESS_SIGNOUT_OTHERS, address, now, err);
}

/* The caller's password checked, its try counted as a sign-in's is (the
 * key of the account's name); the caller's person in *person. field names
 * the form's field of the password. */
static enum nb_err password_ok(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], const char *pass,
			       const char *field, const char *address, int64_t now, int64_t *person,
			       char name[NB_PG_NAME_MAX + 1], struct nb_error *err)
{
	char pwhash[NB_PG_PWHASH_MAX], key[101];
	size_t len = pass ? strlen(pass) : 0;
	int count = 0;
	int64_t first = 0;
	bool taken = false, ok;
	enum nb_err rc;

	if ((rc = pg_self_find(c, hash, now, person, name, pwhash, err)) != NB_OK)
		return rc;
	if (*person <= 0)
		return no_session(err);
	snprintf(key, sizeof key, "a:%s", name);
	if ((rc = pg_attempt_take(c, key, now, NB_SIGNIN_WINDOW, NB_SIGNIN_PER_ACCOUNT, &taken, &count, &first, err)) !=
	    NB_OK) {
		sodium_memzero(pwhash, sizeof pwhash);
		return rc;
	}
	if (!taken) {
		int64_t left = first + NB_SIGNIN_WINDOW - now;
		int minutes = left <= 60 ? 1 : (int)((left + 59) / 60);

		sodium_memzero(pwhash, sizeof pwhash);
		return nb_error_set(err, NB_EINVAL, "wait",
				    ngettext("There have been too many tries with a wrong password. Please wait %d minute, then try again.",
					     "There have been too many tries with a wrong password. Please wait %d minutes, then try again.",
					     (unsigned long)minutes),
				    minutes);
	}
	ok = len <= NB_PASSWORD_MAX && crypto_pwhash_str_verify(pwhash, pass ? pass : "", len) == 0;
	sodium_memzero(pwhash, sizeof pwhash);
	if (!ok) {	/* counted already, and in the person's own log */
		(void)account_log(c, *person, NB_ACCESS_SIGNIN_FAILED, address, now, NULL);
		return nb_error_set(err, NB_EINVAL, field,
				    _("That is not your current password. Please type it again."));
	}
	return pg_attempt_return(c, key, now, err);
}

enum nb_err account_password_change(struct nb_pg *c, const char *token, const char *old, const char *fresh,
				    const char *address, int64_t now, struct nb_error *err)
{
	unsigned char hash[NB_PG_HASH_LEN];
	char name[NB_PG_NAME_MAX + 1] = "", pwhash[NB_PG_PWHASH_MAX];
	int64_t person = 0;
	bool changed = false;
	enum nb_err rc;

	if ((rc = hash_of(token, hash, err)) != NB_OK)
		return rc;
	if ((rc = password_ok(c, hash, old, "old", address, now, &person, name, err)) != NB_OK)
		goto done;
	if ((rc = account_password_check(name, fresh, err)) != NB_OK)
		goto done;
	if ((rc = account_password_hash(fresh, pwhash, err)) != NB_OK)
		goto done;
	rc = pg_self_password(c, hash, now, pwhash, &changed, err);
	sodium_memzero(pwhash, sizeof pwhash);
	if (rc == NB_OK && !changed)
		rc = no_session(err);
	if (rc == NB_OK)
		rc = account_log(c, person, NB_ACCESS_PASSWORD, address, now, err);
done:
	sodium_memzero(name, sizeof name);
	return rc;
}

enum nb_err account_access(struct nb_pg *c, const char *token, int64_t now, struct nb_pg_access *out, size_t max,
			   size_t *n, struct nb_error *err)
{
	unsigned char hash[NB_PG_HASH_LEN];
	enum nb_err rc;

	*n = 0;
	if ((rc = hash_of(token, hash, err)) != NB_OK)
		return rc;
	return pg_access_list(c, hash, now, (int64_t)NB_ACCESS_DAYS * 86400, out, max, n, err);
}

enum nb_err account_delete(struct nb_pg *c, const char *token, const char *pass, int64_t now, struct nb_error *err)
{
	unsigned char hash[NB_PG_HASH_LEN];
	char name[NB_PG_NAME_MAX + 1] = "";
	int64_t person = 0;
	bool deleted = false;
	enum nb_err rc;

	if ((rc = hash_of(token, hash, err)) != NB_OK)
		return rc;
	rc = password_ok(c, hash, pass, "password", NULL, now, &person, name, err);
	sodium_memzero(name, sizeof name);
	if (rc != NB_OK)
		return rc;
	if ((rc = pg_self_delete(c, hash, now, &deleted, err)) != NB_OK)
		return rc;
	return deleted ? NB_OK : no_session(err);
}
