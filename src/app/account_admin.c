/*
 * The operator's side of nabij serve (app/account.h): the invitations
 * listed, made and revoked, and an account disabled or enabled again by
 * its name. Each step takes the token of the caller's own session; the
 * store acts only when that session is an admin's (store/hosted.h), so
 * that a face cannot make an admin of anyone. An admin sees no record, no
 * log and no list of accounts: what they act on is a name they type. Each
 * act is a line in the admin's own access log (what, when, from where;
 * never whom it was on), and an act on an account one in that person's
 * too, written by the store in the same statement as the act, so that
 * there is no act without its lines.
 */
#include "account.h"
#include "core/i18n.h"

#include <sodium.h>

#include <string.h>

#define KEEP ((int64_t)NB_ACCESS_DAYS * 86400)

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

enum nb_err account_admin_invite(struct nb_pg *c, const char *token, bool admin, const char *address, int64_t now,
				 char invite[NB_TOKEN_LEN + 1], struct nb_error *err)
{
	unsigned char hash[NB_PG_HASH_LEN], ihash[NB_PG_HASH_LEN];
	char a[NB_PG_ADDRESS_MAX + 1];
	enum nb_err rc;

	invite[0] = '\0';
	if ((rc = caller(token, hash, err)) != NB_OK)
		return rc;
	account_token_new(invite);
	if (!account_token_hash(invite, ihash))
		return nb_error_set(err, NB_EIO, "", _("The database answered nabij in a way it did not expect. Nothing was changed."));
	account_address_kept(address, a);
	rc = pg_admin_invite(c, hash, now, ihash, admin, now + (int64_t)NB_INVITE_DAYS * 86400, a,
			     admin ? NB_ACCESS_ADMIN_INVITE_ADMIN : NB_ACCESS_ADMIN_INVITE, KEEP, err);
	if (rc != NB_OK)
		sodium_memzero(invite, NB_TOKEN_LEN + 1);
	return rc;
}

enum nb_err account_admin_revoke(struct nb_pg *c, const char *token, int64_t id, const char *address, int64_t now,
				 bool *revoked, struct nb_error *err)
{
	unsigned char hash[NB_PG_HASH_LEN];
	char a[NB_PG_ADDRESS_MAX + 1];
	enum nb_err rc;

	*revoked = false;
	if ((rc = caller(token, hash, err)) != NB_OK)
		return rc;
	account_address_kept(address, a);
	return pg_admin_revoke(c, hash, now, id, a, NB_ACCESS_ADMIN_REVOKE, KEEP, revoked, err);
}

enum nb_err account_admin_disable(struct nb_pg *c, const char *token, const char *name, bool disabled,
				  const char *address, int64_t now, struct nb_error *err)
{
	unsigned char hash[NB_PG_HASH_LEN];
	char a[NB_PG_ADDRESS_MAX + 1];
	enum nb_err rc;

	if ((rc = caller(token, hash, err)) != NB_OK)
		return rc;
	if (!name || account_name_check(name, NULL) != NB_OK)
		return nb_error_set(err, NB_EINVAL, "name",
				    _("There is no account of that name. Please check the name and try again."));
	/* in the person's own log and the admin's; the server's log holds
	 * nothing of it */
	account_address_kept(address, a);
	return pg_admin_disable(c, hash, now, name, disabled, a, disabled ? NB_ACCESS_DISABLED : NB_ACCESS_ENABLED,
				disabled ? NB_ACCESS_ADMIN_DISABLE : NB_ACCESS_ADMIN_ENABLE, KEEP, err);
}

enum nb_err account_disabled_error(struct nb_error *err)
{
	return nb_error_set(err, NB_EINVAL, "disabled",
			    _("This account is switched off for now, so you cannot sign in. Please ask the people who run this nabij."));
}
