/*
 * The operator's side of the accounts (the accounts' schema step 4): an
 * account can be disabled (it cannot sign in, its sessions end at once),
 * invitations are numbered (to be revoked by their number, never by a
 * token or its hash), and the SECURITY DEFINER functions of the admin
 * page, with their calls behind store/hosted.h.
 *
 * Each admin function takes no person from its caller: it takes the hash
 * of the caller's own session and acts only when that session holds and
 * its account is an admin's and not disabled, as pg_self.c's functions
 * find the person by the session. The role nabij serve connects as knows
 * no session's hash but the one whose token a browser brought, so a page
 * (or a mistake in one) cannot act as an admin for someone who is not.
 *
 * The admin's one list is of invitations: when each was made, until when
 * it holds, whether it was used and whether it makes an admin; never a
 * token (not stored) nor its hash, and nothing of any account. Disabling
 * takes an account's name as the admin types it and answers only whether
 * there was one: no list of names, no record, no line of a log.
 *
 * The accounts' step 5 (pg_admin_log_migrate) puts each act in the access
 * log in the same statement as the act itself: a line in the admin's own
 * log (what, when, from where; nothing of whom it was on) and, for an
 * account switched off or on, one in that person's. The kinds of line are
 * the app's numbers (app/account.h), passed in as the log's other lines
 * are (pg_access_add).
 */
#include "pg.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const functions_admin[] = {
	"nabij_account_disabled(bigint)",
	"nabij_admin_is(bytea, bigint)",
	"nabij_admin_invites(bytea, bigint)",
	"nabij_admin_invite(bytea, bigint, bytea, boolean, bigint)",
	"nabij_admin_revoke(bytea, bigint, bigint)",
	"nabij_admin_disable(bytea, bigint, text, boolean)",
};

static const char tables_admin[] =
	"ALTER TABLE account ADD COLUMN disabled boolean NOT NULL DEFAULT false;"
	"ALTER TABLE invitation ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;"
	"CREATE UNIQUE INDEX invitation_id ON invitation (id);";

/* The admin of a session that holds at p_now, by its hash: NULL when the
 * session is none, ended, or not an admin's that is enabled. */
#define ADMIN "(SELECT m.person FROM signin_session m JOIN account a ON a.person = m.person" \
	" WHERE m.hash = p_hash AND m.idle_until > p_now AND m.absolute_until > p_now" \
	" AND a.admin AND NOT a.disabled)"

static const char functions_sql_admin[] =
	/* whether person's account is disabled (sign-in asks it once the
	 * password is right); an account that is no more is */
	"CREATE FUNCTION nabij_account_disabled(p_person bigint)"
	" RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER @SET@ AS $f$"
	" SELECT coalesce((SELECT disabled FROM account WHERE person = p_person), true);"
	"$f$;"
	/* step 1's, now no session for a disabled account */
	"CREATE OR REPLACE FUNCTION nabij_session_add(p_hash bytea, p_person bigint, p_now bigint, p_idle bigint, p_absolute bigint)"
	" RETURNS void LANGUAGE sql SECURITY DEFINER @SET@ AS $f$"
	" DELETE FROM signin_session WHERE person = p_person AND (idle_until <= p_now OR absolute_until <= p_now);"
	" INSERT INTO signin_session (hash, person, created, idle_until, absolute_until)"
	"  SELECT p_hash, p_person, p_now, least(p_idle, p_absolute), p_absolute"
	"  WHERE EXISTS (SELECT 1 FROM account WHERE person = p_person AND NOT disabled);"
	"$f$;"
	/* step 3's, now a session of a disabled account finding no one (and
	 * going), should one outlive the disabling */
	"CREATE OR REPLACE FUNCTION nabij_session_find(p_hash bytea, p_now bigint, p_next_idle bigint,"
	" OUT r_person bigint, OUT r_admin boolean, OUT r_name text, OUT r_zone text)"
	" LANGUAGE plpgsql SECURITY DEFINER @SET@ AS $f$"
	" DECLARE v_idle bigint; v_absolute bigint; v_next bigint; v_seen bigint; v_disabled boolean;"
	" BEGIN"
	"  r_person := 0; r_admin := false; r_name := ''; r_zone := '';"
	"  SELECT s.person, s.idle_until, s.absolute_until, s.seen INTO r_person, v_idle, v_absolute, v_seen"
	"   FROM signin_session s WHERE s.hash = p_hash;"
	"  IF NOT FOUND THEN r_person := 0; RETURN; END IF;"
	"  SELECT a.admin, a.name, a.zone, a.disabled INTO r_admin, r_name, r_zone, v_disabled"
	"   FROM account a WHERE a.person = r_person;"
	"  IF NOT FOUND OR v_disabled OR v_idle <= p_now OR v_absolute <= p_now THEN"
	"   DELETE FROM signin_session WHERE hash = p_hash;"
	"   r_person := 0; r_admin := false; r_name := ''; r_zone := ''; RETURN;"
	"  END IF;"
	"  v_next := least(p_next_idle, v_absolute);"
	"  IF v_next > v_idle + 60 OR p_now > v_seen + 60 THEN"
	"   UPDATE signin_session SET idle_until = greatest(v_idle, v_next), seen = p_now WHERE hash = p_hash;"
	"  END IF;"
	" END $f$;"
	/* whether the caller is an admin */
	"CREATE FUNCTION nabij_admin_is(p_hash bytea, p_now bigint)"
	" RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER @SET@ AS $f$"
	" SELECT " ADMIN " IS NOT NULL;"
	"$f$;"
	/* the invitations, newest first, for an admin alone: nothing of a
	 * token or an account */
	"CREATE FUNCTION nabij_admin_invites(p_hash bytea, p_now bigint)"
	" RETURNS TABLE (r_id bigint, r_created bigint, r_expires bigint, r_used bigint, r_admin boolean)"
	" LANGUAGE sql STABLE SECURITY DEFINER @SET@ AS $f$"
	" SELECT i.id, i.created, i.expires, i.used, i.admin FROM invitation i"
	"  WHERE " ADMIN " IS NOT NULL ORDER BY i.created DESC, i.id DESC LIMIT 500;"
	"$f$;"
	/* a new invitation by an admin; whether it was made */
	"CREATE FUNCTION nabij_admin_invite(p_hash bytea, p_now bigint, p_invite bytea, p_admin boolean, p_expires bigint)"
	" RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER @SET@ AS $f$"
	" BEGIN"
	"  IF " ADMIN " IS NULL THEN RETURN false; END IF;"
	"  PERFORM nabij_invite_add(p_invite, p_admin, p_expires, p_now);"
	"  RETURN true;"
	" END $f$;"
	/* an invitation not used taken back (it goes: its link then finds
	 * nothing): 1 done, 0 none such (used, or gone), -1 not an admin */
	"CREATE FUNCTION nabij_admin_revoke(p_hash bytea, p_now bigint, p_id bigint)"
	" RETURNS integer LANGUAGE plpgsql SECURITY DEFINER @SET@ AS $f$"
	" BEGIN"
	"  IF " ADMIN " IS NULL THEN RETURN -1; END IF;"
	"  DELETE FROM invitation WHERE id = p_id AND used IS NULL;"
	"  IF FOUND THEN RETURN 1; END IF;"
	"  RETURN 0;"
	" END $f$;"
	/* the account of p_name disabled (every session of it and every
	 * sign-in that waits for a code ending with it) or enabled again:
	 * r_status 0 done (r_person, for its log), 1 not an admin, 2 no
	 * account of that name, 3 the caller's own */
	"CREATE FUNCTION nabij_admin_disable(p_hash bytea, p_now bigint, p_name text, p_disabled boolean,"
	" OUT r_status integer, OUT r_person bigint)"
	" LANGUAGE plpgsql SECURITY DEFINER @SET@ AS $f$"
	" DECLARE v_admin bigint := " ADMIN ";"
	" BEGIN"
	"  r_person := 0;"
	"  IF v_admin IS NULL THEN r_status := 1; RETURN; END IF;"
	"  SELECT person INTO r_person FROM account"
	"   WHERE lower(normalize(name, NFKC)) = lower(normalize(p_name, NFKC)) FOR UPDATE;"
	"  IF NOT FOUND THEN r_person := 0; r_status := 2; RETURN; END IF;"
	"  IF r_person = v_admin THEN r_person := 0; r_status := 3; RETURN; END IF;"
	"  UPDATE account SET disabled = p_disabled WHERE person = r_person;"
	"  IF p_disabled THEN"
	"   DELETE FROM signin_session WHERE person = r_person;"
	"   DELETE FROM signin_pending WHERE person = r_person;"
	"  END IF;"
	"  r_status := 0;"
	" END $f$;";

enum nb_err pg_admin_migrate(struct nb_pg *c, const char *app_role, struct nb_error *err)
{
	char *app = pg_quoted(c, app_role);
	struct nb_buf b = { 0 };
	enum nb_err rc;

	if (!app)
		return pg_error(c, NULL, err);
	/* the invitations' numbers are no one's to take */
	buf_addf(&b, "REVOKE ALL ON SEQUENCE invitation_id_seq FROM PUBLIC, %s;", app);
	free(app);
	if ((rc = pg_script(c, tables_admin, err)) == NB_OK && (rc = pg_script(c, b.s, err)) == NB_OK)
		rc = pg_functions(c, app_role, functions_sql_admin, functions_admin,
				    sizeof functions_admin / sizeof *functions_admin, err);
	buf_free(&b);
	return rc;
}

/* Step 5: step 4's acts again, each writing its lines in the access log
 * (nabij_access_add, step 3's) in the same statement; the functions they
 * replace go (no one calls them, and a function no one calls is one more
 * door). p_address is kept as the log keeps it (the caller made it so);
 * p_keep as nabij_access_add's. */
static const char *const functions_log[] = {
	"nabij_admin_invite(bytea, bigint, bytea, boolean, bigint, text, integer, bigint)",
	"nabij_admin_revoke(bytea, bigint, bigint, text, integer, bigint)",
	"nabij_admin_disable(bytea, bigint, text, boolean, text, integer, integer, bigint)",
};

static const char functions_sql_log[] =
	"DROP FUNCTION nabij_admin_invite(bytea, bigint, bytea, boolean, bigint);"
	"DROP FUNCTION nabij_admin_revoke(bytea, bigint, bigint);"
	"DROP FUNCTION nabij_admin_disable(bytea, bigint, text, boolean);"
	/* a new invitation by an admin, a line of p_what in the admin's log;
	 * whether it was made */
	"CREATE FUNCTION nabij_admin_invite(p_hash bytea, p_now bigint, p_invite bytea, p_admin boolean, p_expires bigint,"
	" p_address text, p_what integer, p_keep bigint)"
	" RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER @SET@ AS $f$"
	" DECLARE v_admin bigint := " ADMIN ";"
	" BEGIN"
	"  IF v_admin IS NULL THEN RETURN false; END IF;"
	"  PERFORM nabij_invite_add(p_invite, p_admin, p_expires, p_now);"
	"  PERFORM nabij_access_add(v_admin, p_now, p_what, p_address, p_keep);"
	"  RETURN true;"
	" END $f$;"
	/* an invitation not used taken back, and a line of p_what in the
	 * admin's log: 1 done, 0 none such (used, or gone: no line), -1 not
	 * an admin */
	"CREATE FUNCTION nabij_admin_revoke(p_hash bytea, p_now bigint, p_id bigint,"
	" p_address text, p_what integer, p_keep bigint)"
	" RETURNS integer LANGUAGE plpgsql SECURITY DEFINER @SET@ AS $f$"
	" DECLARE v_admin bigint := " ADMIN ";"
	" BEGIN"
	"  IF v_admin IS NULL THEN RETURN -1; END IF;"
	"  DELETE FROM invitation WHERE id = p_id AND used IS NULL;"
	"  IF NOT FOUND THEN RETURN 0; END IF;"
	"  PERFORM nabij_access_add(v_admin, p_now, p_what, p_address, p_keep);"
	"  RETURN 1;"
	" END $f$;"
	/* the account of p_name disabled or enabled again as step 4's did, a
	 * line of p_what_person in its log and one of p_what_admin in the
	 * admin's: 0 done, 1 not an admin, 2 no account of that name, 3 the
	 * caller's own (no line for those) */
	"CREATE FUNCTION nabij_admin_disable(p_hash bytea, p_now bigint, p_name text, p_disabled boolean,"
	" p_address text, p_what_person integer, p_what_admin integer, p_keep bigint)"
	" RETURNS integer LANGUAGE plpgsql SECURITY DEFINER @SET@ AS $f$"
	" DECLARE v_admin bigint := " ADMIN "; v_person bigint;"
	" BEGIN"
	"  IF v_admin IS NULL THEN RETURN 1; END IF;"
	"  SELECT person INTO v_person FROM account"
	"   WHERE lower(normalize(name, NFKC)) = lower(normalize(p_name, NFKC)) FOR UPDATE;"
	"  IF NOT FOUND THEN RETURN 2; END IF;"
	"  IF v_person = v_admin THEN RETURN 3; END IF;"
	"  UPDATE account SET disabled = p_disabled WHERE person = v_person;"
	"  IF p_disabled THEN"
	"   DELETE FROM signin_session WHERE person = v_person;"
	"   DELETE FROM signin_pending WHERE person = v_person;"
	"  END IF;"
	"  PERFORM nabij_access_add(v_person, p_now, p_what_person, p_address, p_keep);"
	"  PERFORM nabij_access_add(v_admin, p_now, p_what_admin, p_address, p_keep);"
	"  RETURN 0;"
	" END $f$;";

enum nb_err pg_admin_log_migrate(struct nb_pg *c, const char *app_role, struct nb_error *err)
{
	return pg_functions(c, app_role, functions_sql_log, functions_log,
			      sizeof functions_log / sizeof *functions_log, err);
}

/* One row of ncol columns, the first not NULL; NULL with err set otherwise. */
static PGresult *one_row(struct nb_pg *c, const char *sql, int n, const char *const *v, int ncol, struct nb_error *err)
{
	PGresult *r = pg_run(c, sql, n, v, err);

	if (r && (PQntuples(r) != 1 || PQnfields(r) != ncol || PQgetisnull(r, 0, 0))) {
		PQclear(r);
		pg_unexpected(err);
		return NULL;
	}
	return r;
}

/* NB_ENOTFOUND on "admin": the caller is not an admin (any more); a
 * face answers it as a page that is not there. */
static enum nb_err not_admin(struct nb_error *err)
{
	return nb_error_set(err, NB_ENOTFOUND, "admin", _("There is no such page in nabij."));
}

enum nb_err pg_account_disabled(struct nb_pg *c, int64_t person, bool *disabled, struct nb_error *err)
{
	char p[24];
	const char *v[1] = { pg_int(p, person) };
	PGresult *r;

	*disabled = true;
	if (!(r = one_row(c, "SELECT nabij_account_disabled($1)", 1, v, 1, err)))
		return err ? err->code : NB_EDB;
	*disabled = strcmp(PQgetvalue(r, 0, 0), "f") != 0;
	PQclear(r);
	return NB_OK;
}

enum nb_err pg_admin_is(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now, bool *admin,
			struct nb_error *err)
{
	char h[PG_HASH_HEX_LEN], t[24];
	const char *v[2] = { pg_hash_hex(h, hash), pg_int(t, now) };
	PGresult *r;

	*admin = false;
	if (!(r = one_row(c, "SELECT nabij_admin_is($1, $2)", 2, v, 1, err)))
		return err ? err->code : NB_EDB;
	*admin = strcmp(PQgetvalue(r, 0, 0), "t") == 0;
	PQclear(r);
	return NB_OK;
}

enum nb_err pg_admin_invites(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now,
			     struct nb_pg_invite *out, size_t max, size_t *n, struct nb_error *err)
{
	char h[PG_HASH_HEX_LEN], t[24];
	const char *v[2] = { pg_hash_hex(h, hash), pg_int(t, now) };
	PGresult *r = pg_run(c, "SELECT r_id, r_created, r_expires, r_used, r_admin FROM nabij_admin_invites($1, $2)",
			     2, v, err);

	*n = 0;
	if (!r)
		return err ? err->code : NB_EDB;
	if (PQnfields(r) != 5) {
		PQclear(r);
		return pg_unexpected(err);
	}
	for (int i = 0; i < PQntuples(r) && *n < max; i++) {
		struct nb_pg_invite *o = &out[(*n)++];

		o->id = strtoll(PQgetvalue(r, i, 0), NULL, 10);
		o->created = strtoll(PQgetvalue(r, i, 1), NULL, 10);
		o->expires = strtoll(PQgetvalue(r, i, 2), NULL, 10);
		o->used = PQgetisnull(r, i, 3) ? 0 : strtoll(PQgetvalue(r, i, 3), NULL, 10);
		o->admin = strcmp(PQgetvalue(r, i, 4), "t") == 0;
	}
	PQclear(r);
	return NB_OK;
}

/* An address for the log, made short by the caller (app/account_self.c). */
static const char *address_of(const char *address)
{
	if (!address)
		return "";
	if (strlen(address) > NB_PG_ADDRESS_MAX)
		abort();
	return address;
}

enum nb_err pg_admin_invite(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now,
			    const unsigned char invite[NB_PG_HASH_LEN], bool admin, int64_t expires, const char *address,
			    int what, int64_t keep, struct nb_error *err)
{
	char h[PG_HASH_HEX_LEN], i[PG_HASH_HEX_LEN], t[24], e[24], w[24], k[24];
	const char *v[8] = { pg_hash_hex(h, hash), pg_int(t, now), pg_hash_hex(i, invite), admin ? "t" : "f",
			     pg_int(e, expires), address_of(address), pg_int(w, what), pg_int(k, keep) };
	PGresult *r;
	bool made;

	if (!(r = one_row(c, "SELECT nabij_admin_invite($1, $2, $3, $4, $5, $6, $7, $8)", 8, v, 1, err)))
		return err ? err->code : NB_EDB;
	made = strcmp(PQgetvalue(r, 0, 0), "t") == 0;
	PQclear(r);
	return made ? NB_OK : not_admin(err);
}

enum nb_err pg_admin_revoke(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now, int64_t id,
			    const char *address, int what, int64_t keep, bool *revoked, struct nb_error *err)
{
	char h[PG_HASH_HEX_LEN], t[24], d[24], w[24], k[24];
	const char *v[6] = { pg_hash_hex(h, hash), pg_int(t, now), pg_int(d, id), address_of(address), pg_int(w, what),
			     pg_int(k, keep) };
	PGresult *r;
	int status;

	*revoked = false;
	if (!(r = one_row(c, "SELECT nabij_admin_revoke($1, $2, $3, $4, $5, $6)", 6, v, 1, err)))
		return err ? err->code : NB_EDB;
	status = atoi(PQgetvalue(r, 0, 0));
	PQclear(r);
	if (status < 0)
		return not_admin(err);
	*revoked = status == 1;
	return NB_OK;
}

enum nb_err pg_admin_disable(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now, const char *name,
			     bool disabled, const char *address, int what_person, int what_admin, int64_t keep,
			     struct nb_error *err)
{
	char h[PG_HASH_HEX_LEN], t[24], wp[24], wa[24], k[24];
	const char *v[8] = { pg_hash_hex(h, hash), pg_int(t, now), name, disabled ? "t" : "f", address_of(address),
			     pg_int(wp, what_person), pg_int(wa, what_admin), pg_int(k, keep) };
	PGresult *r;
	int status;

	if (!(r = one_row(c, "SELECT nabij_admin_disable($1, $2, $3, $4, $5, $6, $7, $8)", 8, v, 1, err)))
		return err ? err->code : NB_EDB;
	status = atoi(PQgetvalue(r, 0, 0));
	PQclear(r);
	switch (status) {
	case 0:
		return NB_OK;
	case 1:
		return not_admin(err);
	case 2:
		return nb_error_set(err, NB_EINVAL, "name", _("There is no account of that name. Please check the name and try again."));
	case 3:
		return nb_error_set(err, NB_EINVAL, "name", _("That is your own account. Another admin can do this for you."));
	default:
		return pg_unexpected(err);
	}
}
