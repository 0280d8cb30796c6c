/*
 * The operator's side of nabij serve (app/account.h): the invitations
 * listed, made and revoked, and an account disabled or enabled again by
 * its name. Each step takes the token of the caller's own session; the
 * store acts only when that session is an admin's (store/hosted.h), so
 * that a face cannot make an admin of anyone. An admin sees no record, no
 * log and no list of accounts: what they act on is a name they type, and
 * each act on an account is a line in that person's own access log.
 */
#include "account.h"
#include "core/i18n.h"

#include <sodium.h>

#include <string.h>

/* The hash of the caller's token; NB_ENOTFOUND on "admin" for none (a
 * caller without a session is no admin either). */
static enum nb_err caller(const char *token, unsigned char hash[NB_PG_HASH_LEN], struct nb_error *err)
{
	if (!token || !account_token_hash(token, hash))
		return nb_error_set(err, NB_ENOTFOUND, "admin", _("There is no such page in nabij."));
	return NB_OK;
}

enum nb_err account_admin_is(struct nb_pg *c, const char *token, int64_t now, bool *admin, struct nb_error *err)
{
	unsigned char hash[NB_PG_HASH_LEN];

	*admin = false;
	if (!token || !account_token_hash(token, hash))
		return NB_OK;
	return pg_admin_is(c, hash, now, admin, err);
}

enum nb_err account_admin_invites(struct nb_pg *c, const char *token, int64_t now, struct nb_pg_invite *out,
				  size_t max, size_t *n, struct nb_error *err)
{
	unsigned char hash[NB_PG_HASH_LEN];
	bool admin = false;
	enum nb_err rc;

	*n = 0;
	if ((rc = caller(token, hash, err)) != NB_OK || (rc = pg_admin_is(c, hash, now, &admin, err)) != NB_OK)
		return rc;
	if (!admin)
		return caller(NULL, hash, err);
	return pg_admin_invites(c, hash, now, out, max, n, err);
}

enum nb_err account_admin_invite(struct nb_pg *c, const char *token, bool admin, int64_t now,
				 char invite[NB_TOKEN_LEN + 1], struct nb_error *err)
{
	unsigned char hash[NB_PG_HASH_LEN], ihash[NB_PG_HASH_LEN];
	enum nb_err rc;

	invite[0] = '\0';
	if ((rc = caller(token, hash, err)) != NB_OK)
		return rc;
	account_token_new(invite);
	if (!account_token_hash(invite, ihash))
		return nb_error_set(err, NB_EIO, "", _("The database answered nabij in a way it did not expect. Nothing was changed."));
	rc = pg_admin_invite(c, hash, now, ihash, admin, now + (int64_t)NB_INVITE_DAYS * 86400, err);
	if (rc != NB_OK)
		sodium_memzero(invite, NB_TOKEN_LEN + 1);
	return rc;
}

enum nb_err account_admin_revoke(struct nb_pg *c, const char *token, int64_t id, int64_t now, bool *revoked,
				 struct nb_error *err)
{
	unsigned char hash[NB_PG_HASH_LEN];
	enum nb_err rc;

	*revoked = false;
	if ((rc = caller(token, hash, err)) != NB_OK)
		return rc;
	return pg_admin_revoke(c, hash, now, id, revoked, err);
}

enum nb_err account_admin_disable(struct nb_pg *c, const char *token, const char *name, bool disabled,
				  const char *address, int64_t now, struct nb_error *err)
{
	unsigned char hash[NB_PG_HASH_LEN];
	int64_t person = 0;
	enum nb_err rc;

	if ((rc = caller(token, hash, err)) != NB_OK)
		return rc;
	if (!name || account_name_check(name, NULL) != NB_OK)
		return nb_error_set(err, NB_EINVAL, "name",
				    _("There is no account of that name. Please check the name and try again."));
	if ((rc = pg_admin_disable(c, hash, now, name, disabled, &person, err)) != NB_OK)
		return rc;
	/* in the person's own log; the server's log holds nothing of it */
	return account_log(c, person, NB_ACCESS_ADMIN, address, now, err);
}

enum nb_err account_disabled_error(struct nb_error *err)
{
	return nb_error_set(err, NB_EINVAL, "disabled",
			    _("This account is switched off for now, so you cannot sign in. Please ask the people who run this nabij."));
}
