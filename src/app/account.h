/*
 * The accounts of nabij serve: invitations, signing up, signing in and out,
 * sessions, and the limit on sign-in attempts. The rules live here (how
 * long a password is, how long a session or an invitation lasts, how many
 * tries); what is kept lives in the hosted store (store/hosted.h). A token
 * (an invitation's, a session's) is 256 random bits written as 43
 * characters of base64url; only its hash (BLAKE2b-256) is ever stored.
 * Passwords are hashed with Argon2id (libsodium's crypto_pwhash_str, its
 * MODERATE limits; docs/SECURITY.md).
 */
#ifndef NB_APP_ACCOUNT_H
#define NB_APP_ACCOUNT_H

#include "core/err.h"
#include "store/hosted.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NB_TOKEN_LEN 43			/* characters of a token, without its NUL */
#define NB_PASSWORD_MIN 10		/* characters */
#define NB_PASSWORD_MAX 1024		/* bytes */
#define NB_INVITE_DAYS 7		/* an invitation is valid this long */
#define NB_SESSION_IDLE (14 * 86400)	/* a session ends after this long unused */
#define NB_SESSION_MAX (90 * 86400)	/* and this long after sign-in in any case */
#define NB_SIGNIN_WINDOW (15 * 60)	/* failed sign-ins counted over this long */
#define NB_SIGNIN_PER_ACCOUNT 5		/* failures of one account in the window */
#define NB_SIGNIN_PER_ADDRESS 20	/* failures from one address in the window */

/* A new random token into out (NB_TOKEN_LEN + 1 bytes). */
void account_token_new(char out[NB_TOKEN_LEN + 1]);
/* Whether s is the shape of a token (43 base64url characters); a value
 * from a cookie, a link or a form is checked by this before anything. */
bool account_token_valid(const char *s);

/* Whether name can be an account's name: 1 to NB_PG_NAME_MAX bytes of
 * UTF-8, no control characters, not only spaces; NB_EINVAL on "name". */
enum nb_err account_name_check(const char *name, struct nb_error *err);
/* Whether name can be a new account's name: account_name_check's rules,
 * and letters of one alphabet alone among those whose letters look alike
 * (Latin, Greek, Cyrillic, Armenian, Cherokee), so that "Аmber" with a
 * Cyrillic A is not a second Amber. Names made before keep signing in. */
enum nb_err account_name_new_check(const char *name, struct nb_error *err);
/* Whether pass can be a password: NB_PASSWORD_MIN characters at least,
 * not one of the most common passwords, not the name; NB_EINVAL on
 * "password", in words that say what to do. */
enum nb_err account_password_check(const char *name, const char *pass, struct nb_error *err);

/* Make an invitation valid NB_INVITE_DAYS from now; its token goes into
 * token (for the link), only its hash into the store. */
enum nb_err account_invite(struct nb_pg *c, bool admin, int64_t now, char token[NB_TOKEN_LEN + 1],
			   struct nb_error *err);

/* Whether the invitation token can be used at now: NB_EINVAL on "invite"
 * when it is not a token, is unknown, spent or expired (the same calm
 * words for each), so that a face shows the sign-up form only for one
 * that works. */
enum nb_err account_invite_check(struct nb_pg *c, const char *invite, int64_t now, struct nb_error *err);

/* Sign up from the invitation token with name and pass (both checked
 * first) and the time zone the browser reported (kept when it is one the
 * system knows, else ""): the account is made and a session begun, its
 * token in session. */
enum nb_err account_signup(struct nb_pg *c, const char *invite, const char *name, const char *pass,
			   const char *zone, int64_t now, int64_t *person, char session[NB_TOKEN_LEN + 1], struct nb_error *err);

/* Sign in as name with pass from address (a text, for the limit): a new
 * session, its token in session. A wrong name or password is one calm
 * NB_EINVAL that does not say which; too many failures for the account or
 * the address within NB_SIGNIN_WINDOW is NB_EINVAL on the field "wait",
 * saying when to try again, and no password is checked then. */
enum nb_err account_signin(struct nb_pg *c, const char *name, const char *pass, const char *address,
			   int64_t now, int64_t *person, char session[NB_TOKEN_LEN + 1], struct nb_error *err);

/* The person of the session token at now (0 when none or ended); a
 * session in use is kept alive. */
struct nb_who {
	int64_t person;
	bool admin;
	char name[NB_PG_NAME_MAX + 1];
	char zone[NB_PG_ZONE_MAX + 1];	/* "" for the server's */
};
enum nb_err account_session(struct nb_pg *c, const char *token, int64_t now, struct nb_who *who,
			    struct nb_error *err);
/* Sign out: the session of token ends. */
enum nb_err account_signout(struct nb_pg *c, const char *token, struct nb_error *err);

/* a's store is person's records over c (pg_store), for one request: a
 * fresh app at now. app_close closes the store and leaves c open. */
struct nb_app;
void account_app(struct nb_app *a, struct nb_pg *c, int64_t person, int64_t now);

/*
 * The access log a person can read (NEN 7513 in spirit): what happened to
 * their account and their records, when, and from which address; kept
 * NB_ACCESS_DAYS. Nothing of it goes to the server's own log.
 */
#define NB_ACCESS_DAYS 365
enum nb_access {
	NB_ACCESS_SIGNIN,		/* signed in */
	NB_ACCESS_SIGNIN_FAILED,	/* a wrong password (or code) for this account */
	NB_ACCESS_SIGNOUT_OTHERS,	/* other sessions signed out */
	NB_ACCESS_EXPORT,		/* records exported */
	NB_ACCESS_IMPORT,		/* records imported */
	NB_ACCESS_PASSWORD,		/* the password changed */
	NB_ACCESS_FACTOR_ON,		/* the second factor turned on */
	NB_ACCESS_FACTOR_OFF,		/* the second factor turned off */
	NB_ACCESS_RECOVERY_USED,	/* a recovery code used to sign in */
	NB_ACCESS_ADMIN,		/* an operator switched this account off or on (lines written
					 * before the two kinds below came; none is written now) */
	NB_ACCESS_CODE_FAILED,		/* the password was right, the second factor's code not */
	/* kept as numbers: a kind is only ever added at the end */
	NB_ACCESS_DISABLED,		/* an operator switched this account off */
	NB_ACCESS_ENABLED,		/* and on again */
	NB_ACCESS_RECOVERY_NEW,		/* ten new recovery codes, the old ones spent */
	/* an operator's own acts, in the operator's own log (nothing of whom
	 * they were on: no name, no number) */
	NB_ACCESS_ADMIN_INVITE,		/* made an invitation */
	NB_ACCESS_ADMIN_INVITE_ADMIN,	/* made an invitation that makes an admin */
	NB_ACCESS_ADMIN_REVOKE,		/* revoked an invitation */
	NB_ACCESS_ADMIN_DISABLE,	/* switched an account off */
	NB_ACCESS_ADMIN_ENABLE,		/* switched an account on again */
	NB_ACCESS__COUNT
};
/* Write what happened to person's account at now from address (a text,
 * may be NULL). */
enum nb_err account_log(struct nb_pg *c, int64_t person, enum nb_access what, const char *address, int64_t now,
			struct nb_error *err);
/* An address as the log keeps it: at most NB_PG_ADDRESS_MAX bytes, each
 * byte that is not printable ASCII as '?'. */
void account_address_kept(const char *address, char out[NB_PG_ADDRESS_MAX + 1]);

/*
 * The second factor, optional (app/factor.c): TOTP (RFC 6238: SHA-1, six
 * digits, 30-second steps) through liboath, a code accepted from one step
 * before to one after now, and never one at or below the last accepted
 * (replay); ten recovery codes shown once, kept hashed, each working once.
 * With it on, account_signin makes no session: it answers NB_EINVAL on the
 * field "code" with a pending token in session (a sign-in that waits for
 * its code NB_FACTOR_PENDING seconds, only its hash kept), and
 * account_signin_code makes the session. A wrong code is a failed sign-in
 * of the account (the same limit).
 */
#define NB_FACTOR_SECRET_LEN 20		/* bytes of a new secret (160 bits, RFC 4226) */
#define NB_FACTOR_B32_LEN 32		/* its base32, without padding */
#define NB_FACTOR_DIGITS 6
#define NB_FACTOR_STEP 30		/* seconds */
#define NB_FACTOR_WINDOW 1		/* steps before and after now */
#define NB_FACTOR_PENDING 300		/* seconds a sign-in waits for its code */
#define NB_RECOVERY_CODES 10
#define NB_RECOVERY_LEN 9		/* "k7m2-9qx4", without its NUL */
#define NB_FACTOR_URI_MAX 384

/* Whether code (digits digits, nothing else) is secret's at now within
 * window steps either side (RFC 6238, SHA-1, NB_FACTOR_STEP seconds from
 * 0); *counter the step of the one that matched. No store: the rules'. */
bool factor_totp_check(const unsigned char *secret, size_t len, int64_t now, unsigned digits, int window,
		       const char *code, int64_t *counter);
/* The code of secret at now with digits digits (tests and setting up). */
void factor_totp_code(const unsigned char *secret, size_t len, int64_t now, unsigned digits, char *out);
/* code as typed, the spaces taken out, into out (NB_FACTOR_DIGITS + 1):
 * whether it is six digits. */
bool factor_code_shape(const char *code, char out[NB_FACTOR_DIGITS + 1]);
/* code as typed, lower case, without spaces and dashes, into out (8 + 1):
 * whether it is the shape of a recovery code. */
bool factor_recovery_shape(const char *code, char out[9]);

enum nb_factor_state { NB_FACTOR_OFF, NB_FACTOR_SETUP, NB_FACTOR_ON };
struct nb_totp {
	enum nb_factor_state state;
	int codes_left;				/* recovery codes not used */
	char secret[NB_FACTOR_B32_LEN + 1];	/* base32, while set up and not confirmed */
	char uri[NB_FACTOR_URI_MAX];		/* otpauth://totp/nabij:NAME?secret=...&issuer=nabij */
};
/* person's factor; the secret and its URI only while it waits for its
 * first code (name: the account's, for the URI). */
enum nb_err factor_get(struct nb_pg *c, int64_t person, const char *name, struct nb_totp *out,
		       struct nb_error *err);
/* A new secret for person (replacing one not confirmed), then as
 * factor_get. NB_EINVAL on "factor" when it is on already. */
enum nb_err factor_begin(struct nb_pg *c, int64_t person, const char *name, int64_t now, struct nb_totp *out,
			 struct nb_error *err);
/* Confirm the secret set up with its first code: the factor is on, and
 * codes gets the ten recovery codes (shown once, kept hashed).
 * NB_EINVAL on "code" when the code does not match. */
enum nb_err factor_confirm(struct nb_pg *c, int64_t person, const char *code, const char *address, int64_t now,
			   char codes[NB_RECOVERY_CODES][NB_RECOVERY_LEN + 1], struct nb_error *err);
/* Turn it off with the account's password and a code or a recovery code:
 * NB_EINVAL on "password" or "code" when one does not match (a failed
 * sign-in of the account, with the same limit). */
enum nb_err factor_off(struct nb_pg *c, int64_t person, const char *name, const char *pass, const char *code,
		       const char *address, int64_t now, struct nb_error *err);
/* Ten new recovery codes for person with the factor on, asked as turning
 * it off is (the password and a code or a recovery code, the same limit
 * and the same refusals, nothing changed by one): all the old ones are
 * replaced in one statement and stop working at once; the new ones into
 * codes, shown once. Logged (NB_ACCESS_RECOVERY_NEW). NB_EINVAL on
 * "factor" when the factor is not on. */
enum nb_err factor_recovery_new(struct nb_pg *c, int64_t person, const char *name, const char *pass,
				const char *code, const char *address, int64_t now,
				char codes[NB_RECOVERY_CODES][NB_RECOVERY_LEN + 1], struct nb_error *err);
/* The second step of a sign-in: the pending token account_signin gave and
 * a code or a recovery code: the session, its token in session. NB_EINVAL
 * on "pending" when the sign-in waited too long (or is unknown): sign in
 * again; on "code" when the code does not match; on "wait" past the limit. */
enum nb_err account_signin_code(struct nb_pg *c, const char *pending, const char *code, const char *address,
				int64_t now, int64_t *person, char session[NB_TOKEN_LEN + 1], struct nb_error *err);

/*
 * One's own account (account_self.c): each call takes the token of the
 * caller's own session (the cookie's), and acts on that session's person
 * alone.
 */
/* The hash kept of token (false when it is not a token): account.c's. */
bool account_token_hash(const char *token, unsigned char hash[NB_PG_HASH_LEN]);
/* pass hashed as a new password's is (Argon2id): account.c's. */
enum nb_err account_password_hash(const char *pass, char out[NB_PG_PWHASH_MAX], struct nb_error *err);

/* A browser's short name from a User-Agent: "Firefox/Android", its
 * browser and system, either "" when not known (the whole string is never
 * kept); out holds NB_PG_BROWSER_MAX + 1 bytes. */
void account_browser(const char *user_agent, char out[NB_PG_BROWSER_MAX + 1]);
/* The short name in words for a person ("Firefox on Android"). */
void account_browser_say(const char *browser, char *out, size_t size);
/* Note where the session of token was begun: address (cut to
 * NB_PG_ADDRESS_MAX bytes) and the browser of user_agent. */
enum nb_err account_session_note(struct nb_pg *c, const char *token, const char *address, const char *user_agent,
				 struct nb_error *err);
/* The caller's sessions that hold at now, theirs first (current). */
enum nb_err account_sessions(struct nb_pg *c, const char *token, int64_t now, struct nb_pg_session *out, size_t max,
			     size_t *n, struct nb_error *err);
/* Sign out the caller's session id (another of theirs), or every other
 * one of theirs (logged: NB_ACCESS_SIGNOUT_OTHERS, from address).
 * NB_ENOTFOUND when id is no other session of theirs. */
enum nb_err account_session_end(struct nb_pg *c, const char *token, int64_t id, const char *address, int64_t now,
				struct nb_error *err);
enum nb_err account_sessions_end_others(struct nb_pg *c, const char *token, const char *address, int64_t now,
					struct nb_error *err);
/* Change the caller's password: old checked (tries counted with the
 * sign-in's, NB_EINVAL on "old" or "wait"), fresh by the rules of
 * account_password_check (NB_EINVAL on "password"); every other session
 * ends; logged (NB_ACCESS_PASSWORD). */
enum nb_err account_password_change(struct nb_pg *c, const char *token, const char *old, const char *fresh,
				    const char *address, int64_t now, struct nb_error *err);
/* The caller's access log of the last NB_ACCESS_DAYS, newest first. */
enum nb_err account_access(struct nb_pg *c, const char *token, int64_t now, struct nb_pg_access *out, size_t max,
			   size_t *n, struct nb_error *err);
/* Delete the caller's account and everything of it, pass checked first
 * (NB_EINVAL on "password", or "wait"): every record, session, line of
 * the log, the account itself. Real deletion, in one transaction. */
enum nb_err account_delete(struct nb_pg *c, const char *token, const char *pass, int64_t now, struct nb_error *err);

/*
 * The operator's side (account_admin.c): for an admin alone, found by the
 * caller's own session token; NB_ENOTFOUND on "admin" for anyone else (a
 * face answers it as a page that is not there). An admin sees no record
 * and no log of anyone. Each act is a line in the admin's own access log
 * (NB_ACCESS_ADMIN_*: what, when, from address; never whom it was on),
 * and an act on an account also one in that person's (NB_ACCESS_DISABLED,
 * NB_ACCESS_ENABLED), written in the same transaction as the act. A
 * disabled account cannot sign in and its sessions end at once.
 */
/* Whether the session token is an admin's (false, NB_OK, for none). */
enum nb_err account_admin_is(struct nb_pg *c, const char *token, int64_t now, bool *admin, struct nb_error *err);
/* The invitations, newest first (made, expires, used, admin). */
enum nb_err account_admin_invites(struct nb_pg *c, const char *token, int64_t now, struct nb_pg_invite *out,
				  size_t max, size_t *n, struct nb_error *err);
/* A new invitation, valid NB_INVITE_DAYS; its token in invite, to be
 * shown once (only its hash is kept). Logged in the admin's own log, from
 * address. */
enum nb_err account_admin_invite(struct nb_pg *c, const char *token, bool admin, const char *address, int64_t now,
				 char invite[NB_TOKEN_LEN + 1], struct nb_error *err);
/* The invitation id revoked when it is not used; *revoked whether it was
 * (then logged in the admin's own log, from address). */
enum nb_err account_admin_revoke(struct nb_pg *c, const char *token, int64_t id, const char *address, int64_t now,
				 bool *revoked, struct nb_error *err);
/* The account of name disabled (its sessions end) or enabled again,
 * logged in its access log and in the admin's from address. NB_EINVAL on
 * "name": no such account, or the admin's own (nothing logged). */
enum nb_err account_admin_disable(struct nb_pg *c, const char *token, const char *name, bool disabled,
				  const char *address, int64_t now, struct nb_error *err);
/* The calm refusal of a disabled account's sign-in (NB_EINVAL on
 * "disabled"). */
enum nb_err account_disabled_error(struct nb_error *err);

#endif
