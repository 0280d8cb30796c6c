/*
 * The accounts of the hosted store: their tables (account, signin_session,
 * invitation, signin_failure), the SECURITY DEFINER functions that are the
 * only way the role nabij serve connects as reaches them, and the calls of
 * those functions behind store/hosted.h.
 *
 * Before a person is known (a sign-in, a session's cookie) there is no
 * person to set for row-level security, so these tables cannot be guarded
 * by the records' policy. They are guarded by having no privilege at all
 * for the app role: it may only EXECUTE a few functions, owned by the
 * owner, each of which answers one row (or nothing) about one name, one
 * token's hash or one key, never a list. A mistake that grants more still
 * shows nothing: the tables have row-level security enabled and forced,
 * with a policy for their owner alone (the functions run as the owner).
 */
#include "pg.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The functions of step 1: the name and arguments of each, for the
 * grants (REVOKE from PUBLIC, GRANT EXECUTE to the app role). */
static const char *const functions_1[] = {
	"nabij_invite_add(bytea, boolean, bigint, bigint)",
	"nabij_invite_valid(bytea, bigint)",
	"nabij_signup(bytea, text, text, text, bigint)",
	"nabij_account_find(text)",
	"nabij_account_rehash(bigint, text)",
	"nabij_account_zone(bigint, text)",
	"nabij_session_add(bytea, bigint, bigint, bigint, bigint)",
	"nabij_session_find(bytea, bigint, bigint)",
	"nabij_session_end(bytea)",
	"nabij_sessions_end_all(bigint)",
	"nabij_attempt_failed(text, bigint, integer)",
	"nabij_attempt_count(text, bigint, integer)",
	"nabij_attempts_clear(text)",
	"nabij_attempt_take(text, bigint, integer, integer)",
	"nabij_attempt_return(text, bigint)",
};

/* Step 1's tables. A person's number is an identity of the account table:
 * internal, never shown (a name is what people see). Times are UTC
 * seconds. The failures' table is kept small by nabij_attempt_failed,
 * which deletes old failures as it adds one (the index on at). */
static const char tables_1[] =
	"CREATE TABLE account ("
	" person bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
	" name text NOT NULL CHECK (octet_length(name) BETWEEN 1 AND 64),"
	" pwhash text NOT NULL CHECK (octet_length(pwhash) < 128),"
	" admin boolean NOT NULL DEFAULT false,"
	" zone text NOT NULL DEFAULT '' CHECK (octet_length(zone) <= 64),"
	" created bigint NOT NULL);"
	/* names are one when a person would read them as one: case aside, and
	 * Unicode's compatible forms (NFKC: é as one character or two, a
	 * full-width letter); what shows as nothing is refused before
	 * (account_name_check) */
	"CREATE UNIQUE INDEX account_name ON account (lower(normalize(name, NFKC)));"
	"CREATE TABLE signin_session ("
	" hash bytea PRIMARY KEY CHECK (length(hash) = 32),"
	" person bigint NOT NULL REFERENCES account (person) ON DELETE CASCADE,"
	" created bigint NOT NULL,"
	" idle_until bigint NOT NULL,"
	" absolute_until bigint NOT NULL);"
	"CREATE INDEX session_person ON signin_session (person, absolute_until);"
	"CREATE TABLE invitation ("
	" hash bytea PRIMARY KEY CHECK (length(hash) = 32),"
	" admin boolean NOT NULL,"
	" expires bigint NOT NULL,"
	" created bigint NOT NULL,"
	" used bigint);"
	"CREATE TABLE signin_failure ("
	" key text NOT NULL CHECK (octet_length(key) <= 100),"
	" at bigint NOT NULL);"
	"CREATE INDEX signin_failure_key ON signin_failure (key, at);"
	"CREATE INDEX signin_failure_at ON signin_failure (at);";

/* A key of the limits as the functions keep it: case and compatible forms
 * aside; one that grew past the column's 100 bytes in its compatible form
 * (U+FDFA is 33 bytes in NFKC) as the hash of that form. */
#define KEY "(SELECT CASE WHEN octet_length(k) <= 100 THEN k ELSE 'h:' || md5(k) END" \
	" FROM (SELECT lower(normalize(p_key, NFKC)) AS k) AS n)"

/* Step 1's functions; @SET@ is replaced by the pinned search path. Each
 * answers one row: OUT parameters (a record, not a set) or a scalar. */
static const char functions_sql_1[] =
	/* an invitation's hash, when it expires, whether it makes an admin */
	"CREATE FUNCTION nabij_invite_add(p_hash bytea, p_admin boolean, p_expires bigint, p_now bigint)"
	" RETURNS void LANGUAGE sql SECURITY DEFINER @SET@ AS $f$"
	" DELETE FROM invitation WHERE expires < p_now - 30 * 86400;"
	" INSERT INTO invitation (hash, admin, expires, created) VALUES (p_hash, p_admin, p_expires, p_now);"
	"$f$;"
	/* whether an invitation can be used at p_now */
	"CREATE FUNCTION nabij_invite_valid(p_hash bytea, p_now bigint)"
	" RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER @SET@ AS $f$"
	" SELECT EXISTS (SELECT 1 FROM invitation WHERE hash = p_hash AND used IS NULL AND expires > p_now);"
	"$f$;"
	/* r_status 0: made (r_person); 1: the invitation is unknown, spent or
	 * expired; 2: the name is taken (the invitation stays unspent) */
	"CREATE FUNCTION nabij_signup(p_invite bytea, p_name text, p_pwhash text, p_zone text, p_now bigint,"
	" OUT r_status integer, OUT r_person bigint)"
	" LANGUAGE plpgsql SECURITY DEFINER @SET@ AS $f$"
	" DECLARE v_inv invitation%ROWTYPE;"
	" BEGIN"
	"  r_person := 0;"
	"  SELECT * INTO v_inv FROM invitation WHERE hash = p_invite FOR UPDATE;"
	"  IF NOT FOUND OR v_inv.used IS NOT NULL OR v_inv.expires <= p_now THEN"
	"   r_status := 1; RETURN;"
	"  END IF;"
	"  BEGIN"
	"   INSERT INTO account (name, pwhash, admin, zone, created)"
	"    VALUES (p_name, p_pwhash, v_inv.admin, p_zone, p_now) RETURNING person INTO r_person;"
	"  EXCEPTION WHEN unique_violation THEN"
	"   r_status := 2; r_person := 0; RETURN;"
	"  END;"
	"  UPDATE invitation SET used = p_now WHERE hash = p_invite;"
	"  r_status := 0;"
	" END $f$;"
	/* r_person 0 when there is no account of that name */
	"CREATE FUNCTION nabij_account_find(p_name text, OUT r_person bigint, OUT r_pwhash text)"
	" LANGUAGE plpgsql STABLE SECURITY DEFINER @SET@ AS $f$"
	" BEGIN"
	"  SELECT person, pwhash INTO r_person, r_pwhash FROM account"
	"   WHERE lower(normalize(name, NFKC)) = lower(normalize(p_name, NFKC));"
	"  IF NOT FOUND THEN r_person := 0; r_pwhash := ''; END IF;"
	" END $f$;"
	"CREATE FUNCTION nabij_account_rehash(p_person bigint, p_pwhash text)"
	" RETURNS void LANGUAGE sql SECURITY DEFINER @SET@ AS $f$"
	" UPDATE account SET pwhash = p_pwhash WHERE person = p_person;"
	"$f$;"
	"CREATE FUNCTION nabij_account_zone(p_person bigint, p_zone text)"
	" RETURNS void LANGUAGE sql SECURITY DEFINER @SET@ AS $f$"
	" UPDATE account SET zone = p_zone WHERE person = p_person;"
	"$f$;"
	/* the person's sessions that ended go as a new one comes */
	"CREATE FUNCTION nabij_session_add(p_hash bytea, p_person bigint, p_now bigint, p_idle bigint, p_absolute bigint)"
	" RETURNS void LANGUAGE sql SECURITY DEFINER @SET@ AS $f$"
	" DELETE FROM signin_session WHERE person = p_person AND (idle_until <= p_now OR absolute_until <= p_now);"
	" INSERT INTO signin_session (hash, person, created, idle_until, absolute_until)"
	"  VALUES (p_hash, p_person, p_now, least(p_idle, p_absolute), p_absolute);"
	"$f$;"
	/* r_person 0 when there is no such session or it ended (then it goes);
	 * one found is kept alive until p_next_idle, at most its absolute end,
	 * written only when that moves it by more than a minute (not a write
	 * on every page) */
	"CREATE FUNCTION nabij_session_find(p_hash bytea, p_now bigint, p_next_idle bigint,"
	" OUT r_person bigint, OUT r_admin boolean, OUT r_name text, OUT r_zone text)"
	" LANGUAGE plpgsql SECURITY DEFINER @SET@ AS $f$"
	" DECLARE v_idle bigint; v_absolute bigint; v_next bigint;"
	" BEGIN"
	"  r_person := 0; r_admin := false; r_name := ''; r_zone := '';"
	"  SELECT s.person, s.idle_until, s.absolute_until INTO r_person, v_idle, v_absolute"
	"   FROM signin_session s WHERE s.hash = p_hash;"
	"  IF NOT FOUND THEN r_person := 0; RETURN; END IF;"
	"  IF v_idle <= p_now OR v_absolute <= p_now THEN"
	"   DELETE FROM signin_session WHERE hash = p_hash;"
	"   r_person := 0; RETURN;"
	"  END IF;"
	"  v_next := least(p_next_idle, v_absolute);"
	"  IF v_next > v_idle + 60 THEN"
	"   UPDATE signin_session SET idle_until = v_next WHERE hash = p_hash;"
	"  END IF;"
	"  SELECT a.admin, a.name, a.zone INTO r_admin, r_name, r_zone FROM account a WHERE a.person = r_person;"
	"  IF NOT FOUND THEN r_person := 0; r_admin := false; r_name := ''; r_zone := ''; END IF;"
	" END $f$;"
	"CREATE FUNCTION nabij_session_end(p_hash bytea)"
	" RETURNS void LANGUAGE sql SECURITY DEFINER @SET@ AS $f$"
	" DELETE FROM signin_session WHERE hash = p_hash;"
	"$f$;"
	"CREATE FUNCTION nabij_sessions_end_all(p_person bigint)"
	" RETURNS void LANGUAGE sql SECURITY DEFINER @SET@ AS $f$"
	" DELETE FROM signin_session WHERE person = p_person;"
	"$f$;"
	/* keys are counted case and compatible forms aside (a name's, as the
	 * account is found); failures older than the window go as
	 * new ones come (a few hundred at a time, by the index on at), so the
	 * table holds about one window's failures */
	"CREATE FUNCTION nabij_attempt_failed(p_key text, p_now bigint, p_window integer,"
	" OUT r_count integer, OUT r_first bigint)"
	" LANGUAGE plpgsql SECURITY DEFINER @SET@ AS $f$"
	" BEGIN"
	"  DELETE FROM signin_failure WHERE ctid = ANY (ARRAY("
	"   SELECT ctid FROM signin_failure WHERE at <= p_now - p_window ORDER BY at LIMIT 200));"
	"  INSERT INTO signin_failure (key, at) VALUES (" KEY ", p_now);"
	"  SELECT count(*), coalesce(min(at), 0) INTO r_count, r_first FROM signin_failure"
	"   WHERE key = " KEY " AND at > p_now - p_window;"
	" END $f$;"
	"CREATE FUNCTION nabij_attempt_count(p_key text, p_now bigint, p_window integer,"
	" OUT r_count integer, OUT r_first bigint)"
	" LANGUAGE plpgsql STABLE SECURITY DEFINER @SET@ AS $f$"
	" BEGIN"
	"  SELECT count(*), coalesce(min(at), 0) INTO r_count, r_first FROM signin_failure"
	"   WHERE key = " KEY " AND at > p_now - p_window;"
	" END $f$;"
	"CREATE FUNCTION nabij_attempts_clear(p_key text)"
	" RETURNS void LANGUAGE sql SECURITY DEFINER @SET@ AS $f$"
	" DELETE FROM signin_failure WHERE key = " KEY ";"
	"$f$;"
	/* a try counted before it is made, when the key has room for it: the
	 * lock (of the key, for the transaction of the one statement) makes
	 * tries at once wait for each other's count, so a limit holds across
	 * the workers' connections (the count after the lock sees the rows
	 * committed before it: READ COMMITTED, a snapshot per statement) */
	"CREATE FUNCTION nabij_attempt_take(p_key text, p_now bigint, p_window integer, p_limit integer,"
	" OUT r_taken boolean, OUT r_count integer, OUT r_first bigint)"
	" LANGUAGE plpgsql SECURITY DEFINER @SET@ AS $f$"
	" DECLARE v_key text := " KEY ";"
	" BEGIN"
	"  PERFORM pg_advisory_xact_lock(7411, hashtext(v_key));"
	"  DELETE FROM signin_failure WHERE ctid = ANY (ARRAY("
	"   SELECT ctid FROM signin_failure WHERE at <= p_now - p_window ORDER BY at LIMIT 200));"
	"  SELECT count(*) INTO r_count FROM signin_failure WHERE key = v_key AND at > p_now - p_window;"
	"  r_taken := r_count < p_limit;"
	"  IF r_taken THEN"
	"   INSERT INTO signin_failure (key, at) VALUES (v_key, p_now);"
	"  END IF;"
	"  SELECT count(*), coalesce(min(at), 0) INTO r_count, r_first FROM signin_failure"
	"   WHERE key = v_key AND at > p_now - p_window;"
	" END $f$;"
	/* one try counted at p_now taken back */
	"CREATE FUNCTION nabij_attempt_return(p_key text, p_now bigint)"
	" RETURNS void LANGUAGE sql SECURITY DEFINER @SET@ AS $f$"
	" DELETE FROM signin_failure WHERE ctid = (SELECT ctid FROM signin_failure"
	"  WHERE key = " KEY " AND at = p_now LIMIT 1);"
	"$f$;";

static const char *const tables_of_1[] = { "account", "signin_session", "invitation", "signin_failure" };

static enum nb_err migrate_1(struct nb_pg *c, const char *app_role, struct nb_error *err)
{
	PGresult *r = NULL;
	char *schema = NULL, *app = NULL, *set = NULL, *sql = NULL;
	struct nb_buf b = { 0 };
	enum nb_err rc;

	if (!(r = pg_run(c, "SELECT current_schema()", 0, NULL, err))) {
		rc = err ? err->code : NB_EDB;
		goto done;
	}
	if (PQntuples(r) != 1 || PQgetisnull(r, 0, 0)) {
		rc = nb_error_set(err, NB_EDB, "database",
				  _("The database has no schema to make nabij's tables in (its search_path names none that exists)."));
		goto done;
	}
	schema = pg_quoted(c, PQgetvalue(r, 0, 0));
	app = pg_quoted(c, app_role);
	if (!schema || !app) {
		rc = pg_error(c, NULL, err);
		goto done;
	}
	/* the functions find only the schema's tables, and no temporary
	 * object of the caller shadows them (pg_temp last) */
	set = xasprintf("SET search_path = %s, pg_temp", schema);
	if ((rc = pg_script(c, tables_1, err)) != NB_OK)
		goto done;
	for (size_t i = 0; i < sizeof tables_of_1 / sizeof *tables_of_1; i++) {
		const char *t = tables_of_1[i];

		buf_addf(&b, "ALTER TABLE %s ENABLE ROW LEVEL SECURITY;", t);
		buf_addf(&b, "ALTER TABLE %s FORCE ROW LEVEL SECURITY;", t);
		/* the owner's own, for the functions that run as the owner; no
		 * other role has a policy, so any other sees no row */
		buf_addf(&b, "CREATE POLICY %s_owner ON %s TO CURRENT_USER USING (true) WITH CHECK (true);", t, t);
		buf_addf(&b, "REVOKE ALL ON %s FROM PUBLIC, %s;", t, app);
	}
	buf_addf(&b, "REVOKE ALL ON SEQUENCE account_person_seq FROM PUBLIC, %s;", app);
	if ((rc = pg_script(c, b.s, err)) != NB_OK)
		goto done;
	buf_reset(&b);
	sql = pg_with_set(functions_sql_1, set);
	if ((rc = pg_script(c, sql, err)) != NB_OK)
		goto done;
	/* EXECUTE is PUBLIC's by default: taken away first */
	for (size_t i = 0; i < sizeof functions_1 / sizeof *functions_1; i++) {
		buf_addf(&b, "REVOKE ALL ON FUNCTION %s FROM PUBLIC;", functions_1[i]);
		buf_addf(&b, "GRANT EXECUTE ON FUNCTION %s TO %s;", functions_1[i], app);
	}
	/* to call them the app role uses the schema (pg_migrate grants the
	 * same; when the owner may not grant it, PostgreSQL only warns) */
	buf_addf(&b, "GRANT USAGE ON SCHEMA %s TO %s;", schema, app);
	rc = pg_script(c, b.s, err);
done:
	PQclear(r);
	buf_free(&b);
	free(schema);
	free(app);
	free(set);
	free(sql);
	return rc;
}

enum nb_err pg_account_migrate(struct nb_pg *c, int step, const char *app_role, struct nb_error *err)
{
	switch (step) {
	case 1:
		return migrate_1(c, app_role, err);
	case 2:
		return pg_factor_migrate(c, app_role, err);
	case 3:	/* one's own sessions, the access log, deletion (pg_self.c) */
		return pg_self_migrate(c, app_role, err);
	case 4:	/* the operator's side: disabled accounts, the admin's functions (pg_admin.c) */
		return pg_admin_migrate(c, app_role, err);
	case 5:	/* the admin's acts in the access log, the admin's own too (pg_admin.c) */
		return pg_admin_log_migrate(c, app_role, err);
	default:
		return NB_OK;
	}
}

/* Run a function that answers one row of ncol columns; NULL with err set
 * otherwise (a function of ours answers exactly one). */
static PGresult *one_row(struct nb_pg *c, const char *sql, int n, const char *const *v, int ncol,
			 struct nb_error *err)
{
	PGresult *r = pg_run(c, sql, n, v, err);

	if (r && (PQntuples(r) != 1 || PQnfields(r) != ncol)) {
		PQclear(r);
		nb_error_set(err, NB_EDB, "", _("The database answered nabij in a way it did not expect. Nothing was changed."));
		return NULL;
	}
	return r;
}

/* A column's text copied into out (size bytes), cut when longer. */
static void copy(char *out, size_t size, const PGresult *r, int col)
{
	snprintf(out, size, "%s", PQgetisnull(r, 0, col) ? "" : PQgetvalue(r, 0, col));
}

enum nb_err pg_invite_add(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t expires,
			  bool admin, int64_t now, struct nb_error *err)
{
	char h[PG_HASH_HEX_LEN], e[24], t[24];
	const char *v[4] = { pg_hash_hex(h, hash), admin ? "t" : "f", pg_int(e, expires), pg_int(t, now) };

	return pg_do(c, "SELECT nabij_invite_add($1, $2, $3, $4)", 4, v, err);
}

enum nb_err pg_invite_valid(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now, bool *valid,
			    struct nb_error *err)
{
	char h[PG_HASH_HEX_LEN], t[24];
	const char *v[2] = { pg_hash_hex(h, hash), pg_int(t, now) };
	PGresult *r;

	*valid = false;
	if (!(r = one_row(c, "SELECT nabij_invite_valid($1, $2)", 2, v, 1, err)))
		return err ? err->code : NB_EDB;
	*valid = strcmp(PQgetvalue(r, 0, 0), "t") == 0;
	PQclear(r);
	return NB_OK;
}

enum nb_err pg_signup(struct nb_pg *c, const unsigned char invite[NB_PG_HASH_LEN], const char *name,
		      const char *pwhash, const char *zone, int64_t now, int64_t *person, struct nb_error *err)
{
	char h[PG_HASH_HEX_LEN], t[24];
	const char *v[5] = { pg_hash_hex(h, invite), name, pwhash, zone ? zone : "", pg_int(t, now) };
	PGresult *r;
	int status;

	*person = 0;
	/* one statement, one transaction: the invitation is spent and the
	 * account made together, or neither */
	if (!(r = one_row(c, "SELECT r_status, r_person FROM nabij_signup($1, $2, $3, $4, $5)", 5, v, 2, err)))
		return err ? err->code : NB_EDB;
	status = atoi(PQgetvalue(r, 0, 0));
	if (status == 0)
		*person = strtoll(PQgetvalue(r, 0, 1), NULL, 10);
	PQclear(r);
	if (status == 1)
		return nb_error_set(err, NB_EINVAL, "invite",
				    _("This invitation cannot be used: it was used already, it has expired, or it is not known. Please ask for a new one."));
	if (status == 2)
		return nb_error_set(err, NB_EINVAL, "name",
				    _("That name is taken already. Please choose another one; the invitation can still be used."));
	if (status != 0 || *person <= 0)
		return nb_error_set(err, NB_EDB, "", _("The database answered nabij in a way it did not expect. Nothing was changed."));
	return NB_OK;
}

enum nb_err pg_account_find(struct nb_pg *c, const char *name, bool *found, int64_t *person,
			    char pwhash[NB_PG_PWHASH_MAX], struct nb_error *err)
{
	const char *v[1] = { name };
	PGresult *r;

	*found = false;
	*person = 0;
	pwhash[0] = '\0';
	if (!(r = one_row(c, "SELECT r_person, r_pwhash FROM nabij_account_find($1)", 1, v, 2, err)))
		return err ? err->code : NB_EDB;
	*person = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
	if (*person > 0 && strlen(PQgetvalue(r, 0, 1)) < NB_PG_PWHASH_MAX) {
		*found = true;
		copy(pwhash, NB_PG_PWHASH_MAX, r, 1);
	} else {
		*person = 0;
	}
	PQclear(r);
	return NB_OK;
}

enum nb_err pg_account_rehash(struct nb_pg *c, int64_t person, const char *pwhash, struct nb_error *err)
{
	char p[24];
	const char *v[2] = { pg_int(p, person), pwhash };

	return pg_do(c, "SELECT nabij_account_rehash($1, $2)", 2, v, err);
}

enum nb_err pg_account_zone(struct nb_pg *c, int64_t person, const char *zone, struct nb_error *err)
{
	char p[24];
	const char *v[2] = { pg_int(p, person), zone ? zone : "" };

	if (zone && strlen(zone) > NB_PG_ZONE_MAX)
		return nb_error_set(err, NB_EINVAL, "zone", _("That time zone is not one nabij knows."));
	return pg_do(c, "SELECT nabij_account_zone($1, $2)", 2, v, err);
}

enum nb_err pg_session_add(struct nb_pg *c, int64_t person, const unsigned char hash[NB_PG_HASH_LEN],
			   int64_t now, int64_t idle_until, int64_t absolute_until, struct nb_error *err)
{
	char h[PG_HASH_HEX_LEN], p[24], t[24], i[24], a[24];
	const char *v[5] = { pg_hash_hex(h, hash), pg_int(p, person), pg_int(t, now), pg_int(i, idle_until),
			     pg_int(a, absolute_until) };

	return pg_do(c, "SELECT nabij_session_add($1, $2, $3, $4, $5)", 5, v, err);
}

enum nb_err pg_session_find(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now,
			    int64_t next_idle, int64_t *person, bool *admin, char name[NB_PG_NAME_MAX + 1],
			    char zone[NB_PG_ZONE_MAX + 1], struct nb_error *err)
{
	char h[PG_HASH_HEX_LEN], t[24], i[24];
	const char *v[3] = { pg_hash_hex(h, hash), pg_int(t, now), pg_int(i, next_idle) };
	PGresult *r;

	*person = 0;
	*admin = false;
	name[0] = zone[0] = '\0';
	if (!(r = one_row(c, "SELECT r_person, r_admin, r_name, r_zone FROM nabij_session_find($1, $2, $3)", 3, v, 4,
			  err)))
		return err ? err->code : NB_EDB;
	*person = PQgetisnull(r, 0, 0) ? 0 : strtoll(PQgetvalue(r, 0, 0), NULL, 10);
	if (*person > 0) {
		*admin = strcmp(PQgetvalue(r, 0, 1), "t") == 0;
		copy(name, NB_PG_NAME_MAX + 1, r, 2);
		copy(zone, NB_PG_ZONE_MAX + 1, r, 3);
	} else {
		*person = 0;
	}
	PQclear(r);
	return NB_OK;
}

enum nb_err pg_session_end(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], struct nb_error *err)
{
	char h[PG_HASH_HEX_LEN];
	const char *v[1] = { pg_hash_hex(h, hash) };

	return pg_do(c, "SELECT nabij_session_end($1)", 1, v, err);
}

enum nb_err pg_sessions_end_all(struct nb_pg *c, int64_t person, struct nb_error *err)
{
	char p[24];
	const char *v[1] = { pg_int(p, person) };

	return pg_do(c, "SELECT nabij_sessions_end_all($1)", 1, v, err);
}

/* nabij_attempt_failed or nabij_attempt_count (fn) of key. */
static enum nb_err attempts(struct nb_pg *c, const char *sql, const char *key, int64_t now, int window, int *count,
			    int64_t *first, struct nb_error *err)
{
	char t[24], w[24];
	const char *v[3] = { key, pg_int(t, now), pg_int(w, window) };
	PGresult *r;

	*count = 0;
	*first = 0;
	if (strlen(key) > 100)
		abort();	/* a key is made by nabij, never this long */
	if (!(r = one_row(c, sql, 3, v, 2, err)))
		return err ? err->code : NB_EDB;
	*count = atoi(PQgetvalue(r, 0, 0));
	*first = strtoll(PQgetvalue(r, 0, 1), NULL, 10);
	PQclear(r);
	return NB_OK;
}

enum nb_err pg_attempt_failed(struct nb_pg *c, const char *key, int64_t now, int window, int *count,
			      int64_t *first, struct nb_error *err)
{
	return attempts(c, "SELECT r_count, r_first FROM nabij_attempt_failed($1, $2, $3)", key, now, window,
			count, first, err);
}

enum nb_err pg_attempt_count(struct nb_pg *c, const char *key, int64_t now, int window, int *count,
			     int64_t *first, struct nb_error *err)
{
	return attempts(c, "SELECT r_count, r_first FROM nabij_attempt_count($1, $2, $3)", key, now, window,
			count, first, err);
}

enum nb_err pg_attempts_clear(struct nb_pg *c, const char *key, struct nb_error *err)
{
	const char *v[1] = { key };

	return pg_do(c, "SELECT nabij_attempts_clear($1)", 1, v, err);
}

enum nb_err pg_attempt_take(struct nb_pg *c, const char *key, int64_t now, int window, int limit, bool *taken,
			    int *count, int64_t *first, struct nb_error *err)
{
	char t[24], w[24], l[24];
	const char *v[4] = { key, pg_int(t, now), pg_int(w, window), pg_int(l, limit) };
	PGresult *r;

	*taken = false;
	*count = 0;
	*first = 0;
	if (strlen(key) > 100)
		abort();	/* a key is made by nabij, never this long */
	if (!(r = one_row(c, "SELECT r_taken, r_count, r_first FROM nabij_attempt_take($1, $2, $3, $4)", 4, v, 3, err)))
		return err ? err->code : NB_EDB;
	*taken = strcmp(PQgetvalue(r, 0, 0), "t") == 0;
	*count = atoi(PQgetvalue(r, 0, 1));
	*first = strtoll(PQgetvalue(r, 0, 2), NULL, 10);
	PQclear(r);
	return NB_OK;
}

enum nb_err pg_attempt_return(struct nb_pg *c, const char *key, int64_t now, struct nb_error *err)
{
	char t[24];
	const char *v[2] = { key, pg_int(t, now) };

	return pg_do(c, "SELECT nabij_attempt_return($1, $2)", 2, v, err);
}
