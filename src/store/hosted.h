/*
 * The hosted store: many people's records in one PostgreSQL database
 * (libpq), for nabij serve. Each person's records are theirs by the
 * database itself: every table of records has the person as the first
 * column of its key and of every index, row-level security enabled and
 * FORCED, and a policy on the person set per transaction with
 * set_config('nabij.person', $1, true) that fails closed on ''. Every
 * statement also names the person itself (a column in each WHERE and each
 * INSERT), so that a database sharded by person routes it to one node.
 * Statements are unnamed (PQexecParams): PgBouncer in transaction mode.
 *
 * Two roles (docs/HOSTING.md): the owner, who makes and migrates the
 * schema (pg_migrate), and the role nabij serve connects as, which owns
 * nothing, is no superuser and cannot bypass the policies (pg_check_role
 * refuses to start otherwise). Accounts, sessions, invitations and the
 * sign-in limits are reached before a person is known only through a few
 * SECURITY DEFINER functions that each return one row, never a list.
 *
 * Not for use outside src/store/ and src/app/.
 */
#ifndef NB_STORE_HOSTED_H
#define NB_STORE_HOSTED_H

#include "store.h"
#include "core/err.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One connection to the database (a worker's): no session state is kept
 * on it between transactions. */
struct nb_pg;

/* Connect with a libpq conninfo or URI. The message of a failure names
 * no password (libpq's own words are not passed on as they are). */
enum nb_err pg_connect(const char *conninfo, struct nb_pg **out, struct nb_error *err);
void pg_disconnect(struct nb_pg *c);

/* As the owner (owner_conninfo): make the schema, or bring it up to date
 * (a table of versions, each step in one transaction), enable and force
 * row-level security on every table of records, make the SECURITY DEFINER
 * functions of the accounts, and grant app_role what it needs and no more
 * (no rights on the accounts' tables, only EXECUTE on their functions). */
enum nb_err pg_migrate(const char *owner_conninfo, const char *app_role, struct nb_error *err);

/* Whether c may serve: its role is not a superuser, has no BYPASSRLS, owns
 * no table of the schema, and every table of records has row-level
 * security enabled and forced, and the schema is current. NB_EDB with a
 * message for the operator that says which, otherwise. */
enum nb_err pg_check_role(struct nb_pg *c, struct nb_error *err);

/* The record store of one person over c (see store.h): every op of it runs
 * with the person set for its transaction and named in each statement.
 * Closing it leaves c open. person > 0. */
void pg_store(struct nb_pg *c, int64_t person, struct nb_store *out);

/*
 * The accounts. Tokens are never stored, only their hashes (32 bytes,
 * NB_PG_HASH_LEN): an invitation's, a session's. Times are UTC seconds.
 */
#define NB_PG_HASH_LEN 32
#define NB_PG_NAME_MAX 64		/* bytes of an account's name */
#define NB_PG_PWHASH_MAX 128		/* crypto_pwhash_STRBYTES */
#define NB_PG_ZONE_MAX 64		/* bytes of a time zone's name */

/* A new invitation, valid until expires; admin: the account it makes is
 * an operator's (the first admin is made this way). */
enum nb_err pg_invite_add(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t expires,
			  bool admin, int64_t now, struct nb_error *err);

/* Whether the invitation of hash can be used at now (known, unspent, not
 * expired): asked before a password is hashed for it, so that a made-up
 * invitation costs no Argon2id, and before the form is shown. */
enum nb_err pg_invite_valid(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now, bool *valid,
			    struct nb_error *err);

/* Use the invitation of hash at now to make the account name (unique,
 * case and Unicode's compatible forms aside: NFKC) with pwhash: in one transaction the invitation is spent and
 * the account made; *person gets its number. NB_EINVAL on the field
 * "invite" when the invitation is unknown, spent or expired; on "name"
 * when the name is taken (the invitation then stays unspent). zone is the
 * person's time zone (a TZ value such as "Europe/Amsterdam", at most
 * NB_PG_ZONE_MAX bytes; "" for the server's). */
enum nb_err pg_signup(struct nb_pg *c, const unsigned char invite[NB_PG_HASH_LEN], const char *name,
		      const char *pwhash, const char *zone, int64_t now, int64_t *person, struct nb_error *err);

/* The account of name (case and Unicode's compatible forms aside, NFKC):
 * *found, and when found its person and its password hash (terminated, at
 * most NB_PG_PWHASH_MAX bytes). */
enum nb_err pg_account_find(struct nb_pg *c, const char *name, bool *found, int64_t *person,
			    char pwhash[NB_PG_PWHASH_MAX], struct nb_error *err);

/* Replace the password hash of person's account (a rehash at sign-in). */
enum nb_err pg_account_rehash(struct nb_pg *c, int64_t person, const char *pwhash, struct nb_error *err);

/* A new session of person with the token's hash, ending when idle past
 * idle_until or at absolute_until, whichever comes first. */
enum nb_err pg_session_add(struct nb_pg *c, int64_t person, const unsigned char hash[NB_PG_HASH_LEN],
			   int64_t now, int64_t idle_until, int64_t absolute_until, struct nb_error *err);

/* The person of the session of hash at now, *person 0 when there is none
 * or it ended; a session found is kept alive until next_idle (at most its
 * absolute end). */
enum nb_err pg_session_find(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now,
			    int64_t next_idle, int64_t *person, bool *admin, char name[NB_PG_NAME_MAX + 1],
			    char zone[NB_PG_ZONE_MAX + 1], struct nb_error *err);

/* Set person's time zone ("" for the server's). */
enum nb_err pg_account_zone(struct nb_pg *c, int64_t person, const char *zone, struct nb_error *err);

/* End the session of hash (logout); nothing when there is none. */
enum nb_err pg_session_end(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], struct nb_error *err);

/* End every session of person (after a password change, or a deletion). */
enum nb_err pg_sessions_end_all(struct nb_pg *c, int64_t person, struct nb_error *err);

/* Sign-in attempts, counted in the database so that a limit holds across
 * processes: key names what is limited ("a:" and an account's name, or
 * "ip:" and an address, at most 100 bytes). pg_attempt_failed counts a
 * failed attempt at now and gives in *count the failures within the last
 * window seconds, *first when the oldest of them was; pg_attempt_count
 * only reads them. pg_attempts_clear forgets key's failures (a sign-in
 * that succeeded). */
enum nb_err pg_attempt_failed(struct nb_pg *c, const char *key, int64_t now, int window, int *count,
			      int64_t *first, struct nb_error *err);
enum nb_err pg_attempt_count(struct nb_pg *c, const char *key, int64_t now, int window, int *count,
			     int64_t *first, struct nb_error *err);
enum nb_err pg_attempts_clear(struct nb_pg *c, const char *key, struct nb_error *err);
/* A try taken against the limit in one step, under a lock of key's, so
 * that tries at once in other processes cannot all pass the count: when
 * key has fewer than limit failures within the window, one is counted at
 * now and *taken is true; otherwise nothing is counted. *count and *first
 * as pg_attempt_failed's, after. pg_attempt_return takes back one counted
 * at now (a sign-in that succeeded, or one not tried after all). */
enum nb_err pg_attempt_take(struct nb_pg *c, const char *key, int64_t now, int window, int limit, bool *taken,
			    int *count, int64_t *first, struct nb_error *err);
enum nb_err pg_attempt_return(struct nb_pg *c, const char *key, int64_t now, struct nb_error *err);

/*
 * The second factor (TOTP, app/factor.c): a person's secret (raw bytes, at
 * most NB_PG_SECRET_MAX), confirmed or not, the counter of the last code
 * accepted; their recovery codes' hashes, each used once; and the sign-ins
 * that wait for a code (a pending token's hash, bound to the person).
 */
#define NB_PG_SECRET_MAX 64

/* A new secret for person, not yet confirmed (replacing one not
 * confirmed); *made false, and nothing changed, when one is on. */
enum nb_err pg_factor_begin(struct nb_pg *c, int64_t person, const unsigned char *secret, size_t len, int64_t now,
			    bool *made, struct nb_error *err);
/* person's factor: *state 0 none, 1 set up and not confirmed, 2 on; the
 * secret and *len when there is one; *last the counter of the last code
 * accepted (-1 none); *codes the recovery codes not used. */
enum nb_err pg_factor_get(struct nb_pg *c, int64_t person, int *state, unsigned char secret[NB_PG_SECRET_MAX],
			  size_t *len, int64_t *last, int *codes, struct nb_error *err);
/* Accept the code of counter: only when it is past the last accepted, in
 * one statement (two processes cannot both accept it); confirm: the first
 * code of a factor not yet confirmed, which turns it on (otherwise only a
 * confirmed factor accepts). *accepted whether it was. */
enum nb_err pg_factor_accept(struct nb_pg *c, int64_t person, int64_t counter, bool confirm, int64_t now,
			     bool *accepted, struct nb_error *err);
/* The factor off: its secret and the recovery codes go. */
enum nb_err pg_factor_end(struct nb_pg *c, int64_t person, struct nb_error *err);
/* person's recovery codes, all replaced by the n hashes. */
enum nb_err pg_recovery_set(struct nb_pg *c, int64_t person, const unsigned char (*hashes)[NB_PG_HASH_LEN],
			    size_t n, struct nb_error *err);
/* Use the code of hash: *used when it was person's, unused, and the factor
 * is on; it is then spent. */
enum nb_err pg_recovery_use(struct nb_pg *c, int64_t person, const unsigned char hash[NB_PG_HASH_LEN], int64_t now,
			    bool *used, struct nb_error *err);
/* A sign-in of person that waits for a code until expires. */
enum nb_err pg_pending_add(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t person,
			   int64_t expires, int64_t now, struct nb_error *err);
/* The person of the waiting sign-in of hash at now (0 when none or ended)
 * and the account's name (for the sign-in limit). */
enum nb_err pg_pending_find(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now,
			    int64_t *person, char name[NB_PG_NAME_MAX + 1], struct nb_error *err);
enum nb_err pg_pending_end(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], struct nb_error *err);

/*
 * One's own sessions, the access log, a password changed and an account
 * deleted (pg_self.c). What lists or deletes takes the hash of the
 * caller's own session, never a person: the person is the session's.
 */
#define NB_PG_ADDRESS_MAX 64		/* bytes of an address kept */
#define NB_PG_BROWSER_MAX 48		/* bytes of a browser's short name */

/* Where the session of hash was begun from: an address and a browser's
 * short name (at most the bytes above; never a whole User-Agent). */
enum nb_err pg_session_note(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], const char *address,
			    const char *browser, struct nb_error *err);

struct nb_pg_session {
	int64_t id;			/* to end it from another; not its hash */
	int64_t created, seen;		/* begun, last used (to the minute) */
	char address[NB_PG_ADDRESS_MAX + 1];
	char browser[NB_PG_BROWSER_MAX + 1];
	bool current;			/* the session of hash itself */
};
/* The sessions that hold at now of the person of the session of hash,
 * that one first, at most max into out; *n of them (0 when hash is no
 * session). */
enum nb_err pg_sessions_list(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now,
			     struct nb_pg_session *out, size_t max, size_t *n, struct nb_error *err);
/* End the session id of the same person as the session of hash, not that
 * one itself; *ended whether there was such. */
enum nb_err pg_session_end_other(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t id, int64_t now,
				 bool *ended, struct nb_error *err);
/* End every other session of the person of the session of hash. */
enum nb_err pg_sessions_end_others(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now,
				   int *ended, struct nb_error *err);
/* The account of the session of hash: *person (0 for none), its name and
 * its password hash. */
enum nb_err pg_self_find(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now, int64_t *person,
			 char name[NB_PG_NAME_MAX + 1], char pwhash[NB_PG_PWHASH_MAX], struct nb_error *err);
/* A new password hash for the account of the session of hash, and every
 * other session of it ended, in one transaction. */
enum nb_err pg_self_password(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now,
			     const char *pwhash, bool *changed, struct nb_error *err);

/* A line of person's access log: what (a number of app/account.h's), at
 * now, from address (at most NB_PG_ADDRESS_MAX bytes); lines older than
 * keep seconds go as new ones come. */
enum nb_err pg_access_add(struct nb_pg *c, int64_t person, int what, const char *address, int64_t now, int64_t keep,
			  struct nb_error *err);
struct nb_pg_access {
	int64_t at;
	int what;
	char address[NB_PG_ADDRESS_MAX + 1];
};
/* The access log of the last keep seconds of the person of the session of
 * hash, newest first, at most max. */
enum nb_err pg_access_list(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now, int64_t keep,
			   struct nb_pg_access *out, size_t max, size_t *n, struct nb_error *err);

/* Delete the account of the session of hash and all of its data: every
 * row of that person in every table (records, sessions, the log, what a
 * later step adds), its failed sign-ins by name, the account; in one
 * transaction. *deleted whether there was one. */
enum nb_err pg_self_delete(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now, bool *deleted,
			   struct nb_error *err);

/*
 * The operator's side (pg_admin.c): every call takes the hash of the
 * caller's own session and acts only when its account is an admin's (and
 * not disabled); NB_ENOTFOUND on "admin" otherwise.
 */
/* Whether person's account is disabled (true for one that is no more). */
enum nb_err pg_account_disabled(struct nb_pg *c, int64_t person, bool *disabled, struct nb_error *err);
/* Whether the session of hash is an admin's. */
enum nb_err pg_admin_is(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now, bool *admin,
			struct nb_error *err);
struct nb_pg_invite {
	int64_t id;			/* to revoke it; not its hash */
	int64_t created, expires;
	int64_t used;			/* 0: not used */
	bool admin;			/* it makes an admin */
};
/* The invitations, newest first, at most max; *n 0 for one not an admin. */
enum nb_err pg_admin_invites(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now,
			     struct nb_pg_invite *out, size_t max, size_t *n, struct nb_error *err);
/* Each act below writes its lines of the access log in the same
 * statement as the act (as pg_access_add would: the kind a number of
 * app/account.h's, address at most NB_PG_ADDRESS_MAX bytes, lines older
 * than keep seconds going): what in the admin's own log, nothing of whom
 * it was on; an account switched off or on, what_person in its log too. */
/* A new invitation of the invite hash, by an admin. */
enum nb_err pg_admin_invite(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now,
			    const unsigned char invite[NB_PG_HASH_LEN], bool admin, int64_t expires, const char *address,
			    int what, int64_t keep, struct nb_error *err);
/* The invitation id taken back when it is not used: *revoked whether it
 * was (no line when it was not). */
enum nb_err pg_admin_revoke(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now, int64_t id,
			    const char *address, int what, int64_t keep, bool *revoked, struct nb_error *err);
/* The account of name disabled (its sessions and waiting sign-ins end in
 * the same step) or enabled again. NB_EINVAL on "name": no account of
 * that name, or the caller's own (no line then). */
enum nb_err pg_admin_disable(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now, const char *name,
			     bool disabled, const char *address, int what_person, int what_admin, int64_t keep,
			     struct nb_error *err);

#endif
