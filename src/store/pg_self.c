/*
 * The accounts that hold: one's own sessions (when each was made and last
 * used, from which address, a short name of its browser), the access log a
 * person can read, a password changed, and an account deleted with all of
 * its data. The accounts' schema step that makes them (pg_self_migrate,
 * called by pg_account_migrate), the SECURITY DEFINER functions, and the
 * calls of those functions behind store/hosted.h.
 *
 * What answers more than one row (a person's sessions, their access log)
 * takes no person from its caller: it takes the hash of the caller's own
 * session and finds the person by it, as a session's cookie is found. The
 * role nabij serve connects as cannot read any table of the accounts, so it
 * knows no session's hash but the one whose token a browser brought; a
 * hash it made up (2^256 of them) finds no one. A deletion is found the
 * same way. Only writing to the log takes a person (a failed sign-in has no
 * session), and it reads nothing back.
 */
#include "pg.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The functions of this step, for the grants. */
static const char *const functions_self[] = {
	"nabij_session_note(bytea, text, text)",
	"nabij_sessions_list(bytea, bigint)",
	"nabij_session_end_other(bytea, bigint, bigint)",
	"nabij_sessions_end_others(bytea, bigint)",
	"nabij_self_find(bytea, bigint)",
	"nabij_self_password(bytea, bigint, text)",
	"nabij_access_add(bigint, bigint, integer, text, bigint)",
	"nabij_access_list(bytea, bigint, bigint, integer)",
	"nabij_self_delete(bytea, bigint)",
};

/* A session's number (to end it from another; never its hash), when it
 * was last used, and where from; the access log. */
static const char tables_self[] =
	"ALTER TABLE signin_session ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY,"
	" ADD COLUMN seen bigint NOT NULL DEFAULT 0,"
	" ADD COLUMN address text NOT NULL DEFAULT '' CHECK (octet_length(address) <= 64),"
	" ADD COLUMN browser text NOT NULL DEFAULT '' CHECK (octet_length(browser) <= 48);"
	"UPDATE signin_session SET seen = created;"
	"CREATE UNIQUE INDEX signin_session_id ON signin_session (id);"
	"CREATE TABLE access_log ("
	" person bigint NOT NULL REFERENCES account (person) ON DELETE CASCADE,"
	" at bigint NOT NULL,"
	" what integer NOT NULL CHECK (what BETWEEN 0 AND 63),"
	" address text NOT NULL DEFAULT '' CHECK (octet_length(address) <= 64));"
	"CREATE INDEX access_log_person ON access_log (person, at);"
	"CREATE INDEX access_log_at ON access_log (at);";

/* The person of a session that holds at p_now, by its hash. */
#define ME "(SELECT m.person FROM signin_session m WHERE m.hash = p_hash" \
	" AND m.idle_until > p_now AND m.absolute_until > p_now)"

static const char functions_sql_self[] =
	/* where a session was begun from, once it is made */
	"CREATE FUNCTION nabij_session_note(p_hash bytea, p_address text, p_browser text)"
	" RETURNS void LANGUAGE sql SECURITY DEFINER @SET@ AS $f$"
	" UPDATE signin_session SET address = p_address, browser = p_browser WHERE hash = p_hash;"
	"$f$;"
	/* step 1's, now also noting when a session was last used (to the
	 * minute: not a write on every page) */
	"CREATE OR REPLACE FUNCTION nabij_session_find(p_hash bytea, p_now bigint, p_next_idle bigint,"
	" OUT r_person bigint, OUT r_admin boolean, OUT r_name text, OUT r_zone text)"
	" LANGUAGE plpgsql SECURITY DEFINER @SET@ AS $f$"
	" DECLARE v_idle bigint; v_absolute bigint; v_next bigint; v_seen bigint;"
	" BEGIN"
	"  r_person := 0; r_admin := false; r_name := ''; r_zone := '';"
	"  SELECT s.person, s.idle_until, s.absolute_until, s.seen INTO r_person, v_idle, v_absolute, v_seen"
	"   FROM signin_session s WHERE s.hash = p_hash;"
	"  IF NOT FOUND THEN r_person := 0; RETURN; END IF;"
	"  IF v_idle <= p_now OR v_absolute <= p_now THEN"
	"   DELETE FROM signin_session WHERE hash = p_hash;"
	"   r_person := 0; RETURN;"
	"  END IF;"
	"  v_next := least(p_next_idle, v_absolute);"
	"  IF v_next > v_idle + 60 OR p_now > v_seen + 60 THEN"
	"   UPDATE signin_session SET idle_until = greatest(v_idle, v_next), seen = p_now WHERE hash = p_hash;"
	"  END IF;"
	"  SELECT a.admin, a.name, a.zone INTO r_admin, r_name, r_zone FROM account a WHERE a.person = r_person;"
	"  IF NOT FOUND THEN r_person := 0; r_admin := false; r_name := ''; r_zone := ''; END IF;"
	" END $f$;"
	/* the sessions of the caller's person that hold, the caller's first */
	"CREATE FUNCTION nabij_sessions_list(p_hash bytea, p_now bigint)"
	" RETURNS TABLE (r_id bigint, r_created bigint, r_seen bigint, r_address text, r_browser text, r_this boolean)"
	" LANGUAGE sql STABLE SECURITY DEFINER @SET@ AS $f$"
	" SELECT s.id, s.created, greatest(s.seen, s.created), s.address, s.browser, s.hash = p_hash"
	"  FROM signin_session s WHERE s.person = " ME
	"  AND s.idle_until > p_now AND s.absolute_until > p_now"
	"  ORDER BY s.hash = p_hash DESC, greatest(s.seen, s.created) DESC, s.id DESC LIMIT 200;"
	"$f$;"
	/* another session of the caller's person ended; whether there was one */
	"CREATE FUNCTION nabij_session_end_other(p_hash bytea, p_id bigint, p_now bigint)"
	" RETURNS boolean LANGUAGE sql SECURITY DEFINER @SET@ AS $f$"
	" WITH d AS (DELETE FROM signin_session WHERE id = p_id AND hash <> p_hash AND person = " ME
	"  RETURNING 1) SELECT count(*) > 0 FROM d;"
	"$f$;"
	/* every other session of the caller's person ended; how many */
	"CREATE FUNCTION nabij_sessions_end_others(p_hash bytea, p_now bigint)"
	" RETURNS integer LANGUAGE sql SECURITY DEFINER @SET@ AS $f$"
	" WITH d AS (DELETE FROM signin_session WHERE hash <> p_hash AND person = " ME
	"  RETURNING 1) SELECT count(*)::integer FROM d;"
	"$f$;"
	/* the caller's account: its person, name and password hash (to check
	 * the password before a change or a deletion); r_person 0 for none */
	"CREATE FUNCTION nabij_self_find(p_hash bytea, p_now bigint,"
	" OUT r_person bigint, OUT r_name text, OUT r_pwhash text)"
	" LANGUAGE plpgsql STABLE SECURITY DEFINER @SET@ AS $f$"
	" BEGIN"
	"  SELECT a.person, a.name, a.pwhash INTO r_person, r_name, r_pwhash FROM account a"
	"   WHERE a.person = " ME ";"
	"  IF NOT FOUND THEN r_person := 0; r_name := ''; r_pwhash := ''; END IF;"
	" END $f$;"
	/* a new password hash for the caller's account, and every other
	 * session of it ended, together; whether there was the account */
	"CREATE FUNCTION nabij_self_password(p_hash bytea, p_now bigint, p_pwhash text)"
	" RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER @SET@ AS $f$"
	" DECLARE v_person bigint := " ME ";"
	" BEGIN"
	"  IF v_person IS NULL THEN RETURN false; END IF;"
	"  UPDATE account SET pwhash = p_pwhash WHERE person = v_person;"
	"  DELETE FROM signin_session WHERE person = v_person AND hash <> p_hash;"
	"  RETURN true;"
	" END $f$;"
	/* a line of a person's log; what is older than p_keep goes as new
	 * lines come (theirs, and a few hundred of others' by the index on
	 * at); nothing for an account that is no more */
	"CREATE FUNCTION nabij_access_add(p_person bigint, p_at bigint, p_what integer, p_address text, p_keep bigint)"
	" RETURNS void LANGUAGE sql SECURITY DEFINER @SET@ AS $f$"
	" DELETE FROM access_log WHERE person = p_person AND at < p_at - p_keep;"
	" DELETE FROM access_log WHERE ctid = ANY (ARRAY("
	"  SELECT ctid FROM access_log WHERE at < p_at - p_keep ORDER BY at LIMIT 200));"
	" INSERT INTO access_log (person, at, what, address)"
	"  SELECT p_person, p_at, p_what, p_address WHERE EXISTS (SELECT 1 FROM account WHERE person = p_person);"
	"$f$;"
	/* the caller's person's log of the last p_keep seconds, newest first */
	"CREATE FUNCTION nabij_access_list(p_hash bytea, p_now bigint, p_keep bigint, p_limit integer)"
	" RETURNS TABLE (r_at bigint, r_what integer, r_address text)"
	" LANGUAGE sql STABLE SECURITY DEFINER @SET@ AS $f$"
	" SELECT l.at, l.what, l.address FROM access_log l WHERE l.person = " ME
	"  AND l.at >= p_now - p_keep ORDER BY l.at DESC LIMIT least(greatest(p_limit, 0), 1000);"
	"$f$;"
	/* the caller's account and everything of it: every row with its
	 * person in every table of the schema (the records', under their
	 * policy for that person; the accounts'; any a later step adds), its
	 * failed sign-ins by name, and the account; whether there was one */
	"CREATE FUNCTION nabij_self_delete(p_hash bytea, p_now bigint)"
	" RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER @SET@ AS $f$"
	" DECLARE v_person bigint := " ME "; v_name text; v_key text; t record;"
	" BEGIN"
	"  IF v_person IS NULL THEN RETURN false; END IF;"
	"  SELECT name INTO v_name FROM account WHERE person = v_person;"
	"  PERFORM set_config('nabij.person', v_person::text, true);"
	"  DELETE FROM entry WHERE person = v_person;"
	"  FOR t IN SELECT k.relname FROM pg_class k JOIN pg_attribute a ON a.attrelid = k.oid"
	"   WHERE k.relnamespace = current_schema()::regnamespace AND k.relkind IN ('r', 'p')"
	"   AND a.attname = 'person' AND NOT a.attisdropped AND k.relname <> 'account' ORDER BY k.relname LOOP"
	"   EXECUTE format('DELETE FROM %I WHERE person = $1', t.relname) USING v_person;"
	"  END LOOP;"
	"  DELETE FROM day_dirty WHERE person = v_person;"
	"  v_key := lower(normalize('a:' || v_name, NFKC));"
	"  IF octet_length(v_key) > 100 THEN v_key := 'h:' || md5(v_key); END IF;"
	"  DELETE FROM signin_failure WHERE key = v_key;"
	"  DELETE FROM account WHERE person = v_person;"
	"  PERFORM set_config('nabij.person', '', true);"
	"  RETURN true;"
	" END $f$;";

enum nb_err pg_self_migrate(struct nb_pg *c, const char *app_role, struct nb_error *err)
{
	char *app = pg_quoted(c, app_role);
	struct nb_buf b = { 0 };
	enum nb_err rc;

	if (!app)
		return pg_error(c, NULL, err);
	if ((rc = pg_script(c, tables_self, err)) != NB_OK)
		goto done;
	buf_add(&b, "ALTER TABLE access_log ENABLE ROW LEVEL SECURITY;"
		    "ALTER TABLE access_log FORCE ROW LEVEL SECURITY;"
		    "CREATE POLICY access_log_owner ON access_log TO CURRENT_USER USING (true) WITH CHECK (true);");
	buf_addf(&b, "REVOKE ALL ON access_log FROM PUBLIC, %s;", app);
	buf_addf(&b, "REVOKE ALL ON SEQUENCE signin_session_id_seq FROM PUBLIC, %s;", app);
	if ((rc = pg_script(c, b.s, err)) != NB_OK)
		goto done;
	/* the search path pinned, as step 1's functions have it */
	rc = pg_functions(c, app_role, functions_sql_self, functions_self,
			  sizeof functions_self / sizeof *functions_self, err);
done:
	buf_free(&b);
	free(app);
	return rc;
}

/* A function's one value; NULL with err set otherwise. */
static PGresult *one_value(struct nb_pg *c, const char *sql, int n, const char *const *v, struct nb_error *err)
{
	PGresult *r = pg_run(c, sql, n, v, err);

	if (r && (PQntuples(r) != 1 || PQnfields(r) < 1 || PQgetisnull(r, 0, 0))) {
		PQclear(r);
		pg_unexpected(err);
		return NULL;
	}
	return r;
}

static void copy(char *out, size_t size, const PGresult *r, int row, int col)
{
	snprintf(out, size, "%s", PQgetisnull(r, row, col) ? "" : PQgetvalue(r, row, col));
}

enum nb_err pg_session_note(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], const char *address,
			    const char *browser, struct nb_error *err)
{
	char h[PG_HASH_HEX_LEN];
	const char *v[3] = { pg_hash_hex(h, hash), address ? address : "", browser ? browser : "" };

	if (strlen(v[1]) > NB_PG_ADDRESS_MAX || strlen(v[2]) > NB_PG_BROWSER_MAX)
		abort();	/* made short by the caller (account_self.c) */
	return pg_do(c, "SELECT nabij_session_note($1, $2, $3)", 3, v, err);
}

enum nb_err pg_sessions_list(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now,
			     struct nb_pg_session *out, size_t max, size_t *n, struct nb_error *err)
{
	char h[PG_HASH_HEX_LEN], t[24];
	const char *v[2] = { pg_hash_hex(h, hash), pg_int(t, now) };
	PGresult *r = pg_run(c, "SELECT r_id, r_created, r_seen, r_address, r_browser, r_this FROM nabij_sessions_list($1, $2)",
			     2, v, err);

	*n = 0;
	if (!r)
		return err ? err->code : NB_EDB;
	if (PQnfields(r) != 6) {
		PQclear(r);
		return pg_unexpected(err);
	}
	for (int i = 0; i < PQntuples(r) && *n < max; i++) {
		struct nb_pg_session *s = &out[(*n)++];

		s->id = strtoll(PQgetvalue(r, i, 0), NULL, 10);
		s->created = strtoll(PQgetvalue(r, i, 1), NULL, 10);
		s->seen = strtoll(PQgetvalue(r, i, 2), NULL, 10);
		copy(s->address, sizeof s->address, r, i, 3);
		copy(s->browser, sizeof s->browser, r, i, 4);
		s->current = strcmp(PQgetvalue(r, i, 5), "t") == 0;
	}
	PQclear(r);
	return NB_OK;
}

enum nb_err pg_session_end_other(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t id, int64_t now,
				 bool *ended, struct nb_error *err)
{
	char h[PG_HASH_HEX_LEN], i[24], t[24];
	const char *v[3] = { pg_hash_hex(h, hash), pg_int(i, id), pg_int(t, now) };
	PGresult *r;

	*ended = false;
	if (!(r = one_value(c, "SELECT nabij_session_end_other($1, $2, $3)", 3, v, err)))
		return err ? err->code : NB_EDB;
	*ended = strcmp(PQgetvalue(r, 0, 0), "t") == 0;
	PQclear(r);
	return NB_OK;
}

enum nb_err pg_sessions_end_others(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now,
				   int *ended, struct nb_error *err)
{
	char h[PG_HASH_HEX_LEN], t[24];
	const char *v[2] = { pg_hash_hex(h, hash), pg_int(t, now) };
	PGresult *r;

	*ended = 0;
	if (!(r = one_value(c, "SELECT nabij_sessions_end_others($1, $2)", 2, v, err)))
		return err ? err->code : NB_EDB;
	*ended = atoi(PQgetvalue(r, 0, 0));
	PQclear(r);
	return NB_OK;
}

enum nb_err pg_self_find(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now, int64_t *person,
			 char name[NB_PG_NAME_MAX + 1], char pwhash[NB_PG_PWHASH_MAX], struct nb_error *err)
{
	char h[PG_HASH_HEX_LEN], t[24];
	const char *v[2] = { pg_hash_hex(h, hash), pg_int(t, now) };
	PGresult *r;

	*person = 0;
	name[0] = pwhash[0] = '\0';
	if (!(r = one_value(c, "SELECT r_person, r_name, r_pwhash FROM nabij_self_find($1, $2)", 2, v, err)))
		return err ? err->code : NB_EDB;
	if (PQnfields(r) == 3 && strlen(PQgetvalue(r, 0, 2)) < NB_PG_PWHASH_MAX) {
		*person = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
		copy(name, NB_PG_NAME_MAX + 1, r, 0, 1);
		copy(pwhash, NB_PG_PWHASH_MAX, r, 0, 2);
	}
	if (*person <= 0) {
		*person = 0;
		name[0] = pwhash[0] = '\0';
	}
	PQclear(r);
	return NB_OK;
}

enum nb_err pg_self_password(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now,
			     const char *pwhash, bool *changed, struct nb_error *err)
{
	char h[PG_HASH_HEX_LEN], t[24];
	const char *v[3] = { pg_hash_hex(h, hash), pg_int(t, now), pwhash };
	PGresult *r;

	*changed = false;
	if (!(r = one_value(c, "SELECT nabij_self_password($1, $2, $3)", 3, v, err)))
		return err ? err->code : NB_EDB;
	*changed = strcmp(PQgetvalue(r, 0, 0), "t") == 0;
	PQclear(r);
	return NB_OK;
}

enum nb_err pg_access_add(struct nb_pg *c, int64_t person, int what, const char *address, int64_t now, int64_t keep,
			  struct nb_error *err)
{
	char p[24], t[24], w[24], k[24];
	const char *v[5] = { pg_int(p, person), pg_int(t, now), pg_int(w, what), address ? address : "",
			     pg_int(k, keep) };

	if (strlen(v[3]) > NB_PG_ADDRESS_MAX)
		abort();	/* made short by the caller */
	return pg_do(c, "SELECT nabij_access_add($1, $2, $3, $4, $5)", 5, v, err);
}

enum nb_err pg_access_list(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now, int64_t keep,
			   struct nb_pg_access *out, size_t max, size_t *n, struct nb_error *err)
{
	char h[PG_HASH_HEX_LEN], t[24], k[24], l[24];
	const char *v[4] = { pg_hash_hex(h, hash), pg_int(t, now), pg_int(k, keep), pg_int(l, (int64_t)max) };
	PGresult *r = pg_run(c, "SELECT r_at, r_what, r_address FROM nabij_access_list($1, $2, $3, $4)", 4, v, err);

	*n = 0;
	if (!r)
		return err ? err->code : NB_EDB;
	if (PQnfields(r) != 3) {
		PQclear(r);
		return pg_unexpected(err);
	}
	for (int i = 0; i < PQntuples(r) && *n < max; i++) {
		struct nb_pg_access *a = &out[(*n)++];

		a->at = strtoll(PQgetvalue(r, i, 0), NULL, 10);
		a->what = atoi(PQgetvalue(r, i, 1));
		copy(a->address, sizeof a->address, r, i, 2);
	}
	PQclear(r);
	return NB_OK;
}

enum nb_err pg_self_delete(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now, bool *deleted,
			   struct nb_error *err)
{
	char h[PG_HASH_HEX_LEN], t[24];
	const char *v[2] = { pg_hash_hex(h, hash), pg_int(t, now) };
	PGresult *r;

	*deleted = false;
	/* one statement, one transaction: everything goes, or nothing */
	if (!(r = one_value(c, "SELECT nabij_self_delete($1, $2)", 2, v, err)))
		return err ? err->code : NB_EDB;
	*deleted = strcmp(PQgetvalue(r, 0, 0), "t") == 0;
	PQclear(r);
	return NB_OK;
}
