/*
 * The second factor of the hosted store's accounts (schema step 2 of the
 * accounts): a person's TOTP secret, whether it is confirmed, and the
 * last counter accepted (a code is refused again, app/factor.c); their
 * recovery codes, hashed, each used once; and the sign-ins waiting for a
 * code (a short-lived token's hash, bound to the person).
 *
 * As step 1's tables (pg_account.c): no privilege at all for the app role,
 * row-level security enabled and forced with a policy for the owner alone,
 * and reached only through SECURITY DEFINER functions with a pinned
 * search_path, each answering one row about one person or one token's
 * hash, EXECUTE for the app role only.
 */
#include "pg.h"
#include "core/buf.h"
#include "core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char tables[] =
	/* one a person: the secret (its raw bytes), confirmed when the first
	 * code was accepted (NULL until then: not yet asked at sign-in), and
	 * the counter of the last code accepted (-1 none) */
	"CREATE TABLE account_factor ("
	" person bigint PRIMARY KEY REFERENCES account (person) ON DELETE CASCADE,"
	" secret bytea NOT NULL CHECK (length(secret) BETWEEN 10 AND 64),"
	" confirmed bigint,"
	" last_counter bigint NOT NULL DEFAULT -1,"
	" created bigint NOT NULL);"
	"CREATE TABLE recovery_code ("
	" person bigint NOT NULL REFERENCES account (person) ON DELETE CASCADE,"
	" hash bytea NOT NULL CHECK (length(hash) = 32),"
	" used bigint,"
	" PRIMARY KEY (person, hash));"
	"CREATE TABLE signin_pending ("
	" hash bytea PRIMARY KEY CHECK (length(hash) = 32),"
	" person bigint NOT NULL REFERENCES account (person) ON DELETE CASCADE,"
	" expires bigint NOT NULL);"
	"CREATE INDEX signin_pending_expires ON signin_pending (expires);";

static const char *const tables_of[] = { "account_factor", "recovery_code", "signin_pending" };

static const char *const functions[] = {
	"nabij_factor_begin(bigint, bytea, bigint)",
	"nabij_factor_get(bigint)",
	"nabij_factor_accept(bigint, bigint, boolean, bigint)",
	"nabij_factor_end(bigint)",
	"nabij_recovery_set(bigint, bytea[])",
	"nabij_recovery_use(bigint, bytea, bigint)",
	"nabij_pending_add(bytea, bigint, bigint, bigint)",
	"nabij_pending_find(bytea, bigint)",
	"nabij_pending_end(bytea)",
};

static const char functions_sql[] =
	/* a new secret, not confirmed: replaces one not confirmed; false (and
	 * nothing changed) when a confirmed one is on */
	"CREATE FUNCTION nabij_factor_begin(p_person bigint, p_secret bytea, p_now bigint)"
	" RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER @SET@ AS $f$"
	" BEGIN"
	"  DELETE FROM account_factor WHERE person = p_person AND confirmed IS NULL;"
	"  INSERT INTO account_factor (person, secret, created) VALUES (p_person, p_secret, p_now)"
	"   ON CONFLICT (person) DO NOTHING;"
	"  RETURN FOUND;"
	" END $f$;"
	/* r_state 0: none, 1: set up but not confirmed, 2: on; r_codes the
	 * recovery codes not yet used */
	"CREATE FUNCTION nabij_factor_get(p_person bigint,"
	" OUT r_state integer, OUT r_secret bytea, OUT r_last bigint, OUT r_codes integer)"
	" LANGUAGE plpgsql STABLE SECURITY DEFINER @SET@ AS $f$"
	" DECLARE v_confirmed bigint;"
	" BEGIN"
	"  SELECT secret, last_counter, confirmed INTO r_secret, r_last, v_confirmed"
	"   FROM account_factor WHERE person = p_person;"
	"  IF NOT FOUND THEN r_state := 0; r_secret := ''::bytea; r_last := -1;"
	"  ELSIF v_confirmed IS NULL THEN r_state := 1;"
	"  ELSE r_state := 2; END IF;"
	"  SELECT count(*) INTO r_codes FROM recovery_code WHERE person = p_person AND used IS NULL;"
	" END $f$;"
	/* the code of p_counter accepted: only past the last one (a code is
	 * never accepted twice, whichever process asks: one statement, the row
	 * locked); p_confirm: the first code, which turns the factor on */
	"CREATE FUNCTION nabij_factor_accept(p_person bigint, p_counter bigint, p_confirm boolean, p_now bigint)"
	" RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER @SET@ AS $f$"
	" BEGIN"
	"  UPDATE account_factor SET last_counter = p_counter,"
	"   confirmed = coalesce(confirmed, CASE WHEN p_confirm THEN p_now END)"
	"   WHERE person = p_person AND last_counter < p_counter"
	"   AND (CASE WHEN p_confirm THEN confirmed IS NULL ELSE confirmed IS NOT NULL END);"
	"  RETURN FOUND;"
	" END $f$;"
	/* the factor off: the secret and the recovery codes go */
	"CREATE FUNCTION nabij_factor_end(p_person bigint)"
	" RETURNS void LANGUAGE sql SECURITY DEFINER @SET@ AS $f$"
	" DELETE FROM recovery_code WHERE person = p_person;"
	" DELETE FROM account_factor WHERE person = p_person;"
	"$f$;"
	/* the person's recovery codes, all new */
	"CREATE FUNCTION nabij_recovery_set(p_person bigint, p_hashes bytea[])"
	" RETURNS void LANGUAGE sql SECURITY DEFINER @SET@ AS $f$"
	" DELETE FROM recovery_code WHERE person = p_person;"
	" INSERT INTO recovery_code (person, hash) SELECT p_person, h FROM unnest(p_hashes) AS h"
	"  ON CONFLICT DO NOTHING;"
	"$f$;"
	/* one code used, when it is the person's and unused (with the factor on) */
	"CREATE FUNCTION nabij_recovery_use(p_person bigint, p_hash bytea, p_now bigint)"
	" RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER @SET@ AS $f$"
	" BEGIN"
	"  UPDATE recovery_code SET used = p_now WHERE person = p_person AND hash = p_hash AND used IS NULL"
	"   AND EXISTS (SELECT 1 FROM account_factor f WHERE f.person = p_person AND f.confirmed IS NOT NULL);"
	"  RETURN FOUND;"
	" END $f$;"
	/* a sign-in waiting for its code; the ended ones go as a new one comes */
	"CREATE FUNCTION nabij_pending_add(p_hash bytea, p_person bigint, p_expires bigint, p_now bigint)"
	" RETURNS void LANGUAGE sql SECURITY DEFINER @SET@ AS $f$"
	" DELETE FROM signin_pending WHERE ctid = ANY (ARRAY("
	"  SELECT ctid FROM signin_pending WHERE expires <= p_now ORDER BY expires LIMIT 200));"
	" INSERT INTO signin_pending (hash, person, expires) VALUES (p_hash, p_person, p_expires);"
	"$f$;"
	/* r_person 0 when there is none or it ended; r_name for the limit */
	"CREATE FUNCTION nabij_pending_find(p_hash bytea, p_now bigint, OUT r_person bigint, OUT r_name text)"
	" LANGUAGE plpgsql STABLE SECURITY DEFINER @SET@ AS $f$"
	" BEGIN"
	"  SELECT p.person, a.name INTO r_person, r_name FROM signin_pending p"
	"   JOIN account a ON a.person = p.person WHERE p.hash = p_hash AND p.expires > p_now;"
	"  IF NOT FOUND THEN r_person := 0; r_name := ''; END IF;"
	" END $f$;"
	"CREATE FUNCTION nabij_pending_end(p_hash bytea)"
	" RETURNS void LANGUAGE sql SECURITY DEFINER @SET@ AS $f$"
	" DELETE FROM signin_pending WHERE hash = p_hash;"
	"$f$;";

enum nb_err pg_factor_migrate(struct nb_pg *c, const char *app_role, struct nb_error *err)
{
	char *app = pg_quoted(c, app_role);
	struct nb_buf b = { 0 };
	enum nb_err rc;

	if (!app)
		return pg_error(c, NULL, err);
	if ((rc = pg_script(c, tables, err)) != NB_OK)
		goto done;
	for (size_t i = 0; i < sizeof tables_of / sizeof *tables_of; i++) {
		const char *t = tables_of[i];

		buf_addf(&b, "ALTER TABLE %s ENABLE ROW LEVEL SECURITY;", t);
		buf_addf(&b, "ALTER TABLE %s FORCE ROW LEVEL SECURITY;", t);
		buf_addf(&b, "CREATE POLICY %s_owner ON %s TO CURRENT_USER USING (true) WITH CHECK (true);", t, t);
		buf_addf(&b, "REVOKE ALL ON %s FROM PUBLIC, %s;", t, app);
	}
	if ((rc = pg_script(c, b.s, err)) != NB_OK)
		goto done;
	/* the functions find only the schema's tables, and no temporary
	 * object of the caller shadows them (pg_temp last) */
	rc = pg_functions(c, app_role, functions_sql, functions, sizeof functions / sizeof *functions, err);
done:
	buf_free(&b);
	free(app);
	return rc;
}

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

/* A function answering a boolean, its value in *yes. */
static enum nb_err yes_no(struct nb_pg *c, const char *sql, int n, const char *const *v, bool *yes,
			  struct nb_error *err)
{
	PGresult *r;

	*yes = false;
	if (!(r = one_row(c, sql, n, v, 1, err)))
		return err ? err->code : NB_EDB;
	*yes = strcmp(PQgetvalue(r, 0, 0), "t") == 0;
	PQclear(r);
	return NB_OK;
}

enum nb_err pg_factor_begin(struct nb_pg *c, int64_t person, const unsigned char *secret, size_t len, int64_t now,
			    bool *made, struct nb_error *err)
{
	char p[24], t[24], s[PG_HEX_LEN(NB_PG_SECRET_MAX)];
	const char *v[3];
	enum nb_err rc;

	if (len > NB_PG_SECRET_MAX)
		abort();	/* app/factor.c's secrets are NB_FACTOR_SECRET_LEN bytes */
	v[0] = pg_int(p, person);
	v[1] = pg_hex(s, secret, len);
	v[2] = pg_int(t, now);
	rc = yes_no(c, "SELECT nabij_factor_begin($1, $2, $3)", 3, v, made, err);
	explicit_bzero(s, sizeof s);	/* the secret's hex: not left on the stack */
	return rc;
}

/* The bytes of a bytea's hex text ("\x..."), at most size; how many. */
static size_t unhex(const char *s, unsigned char *out, size_t size)
{
	size_t n = 0;

	if (s[0] != '\\' || s[1] != 'x')
		return 0;
	for (s += 2; s[0] && s[1] && n < size; s += 2) {
		unsigned v = 0;

		for (int i = 0; i < 2; i++) {
			char ch = s[i];

			v = v << 4 | (unsigned)(ch >= 'a' ? ch - 'a' + 10 : ch >= 'A' ? ch - 'A' + 10 : ch - '0');
		}
		out[n++] = (unsigned char)v;
	}
	return n;
}

enum nb_err pg_factor_get(struct nb_pg *c, int64_t person, int *state, unsigned char secret[NB_PG_SECRET_MAX],
			  size_t *len, int64_t *last, int *codes, struct nb_error *err)
{
	char p[24];
	const char *v[1] = { pg_int(p, person) };
	PGresult *r;

	*state = 0;
	*len = 0;
	*last = -1;
	*codes = 0;
	if (!(r = one_row(c, "SELECT r_state, r_secret, r_last, r_codes FROM nabij_factor_get($1)", 1, v, 4, err)))
		return err ? err->code : NB_EDB;
	*state = atoi(PQgetvalue(r, 0, 0));
	if (*state)
		*len = unhex(PQgetvalue(r, 0, 1), secret, NB_PG_SECRET_MAX);
	*last = strtoll(PQgetvalue(r, 0, 2), NULL, 10);
	*codes = atoi(PQgetvalue(r, 0, 3));
	memset(PQgetvalue(r, 0, 1), 0, strlen(PQgetvalue(r, 0, 1)));
	PQclear(r);
	return NB_OK;
}

enum nb_err pg_factor_accept(struct nb_pg *c, int64_t person, int64_t counter, bool confirm, int64_t now,
			     bool *accepted, struct nb_error *err)
{
	char p[24], k[24], t[24];
	const char *v[4] = { pg_int(p, person), pg_int(k, counter), confirm ? "t" : "f", pg_int(t, now) };

	return yes_no(c, "SELECT nabij_factor_accept($1, $2, $3, $4)", 4, v, accepted, err);
}

enum nb_err pg_factor_end(struct nb_pg *c, int64_t person, struct nb_error *err)
{
	char p[24];
	const char *v[1] = { pg_int(p, person) };

	return pg_do(c, "SELECT nabij_factor_end($1)", 1, v, err);
}

enum nb_err pg_recovery_set(struct nb_pg *c, int64_t person, const unsigned char (*hashes)[NB_PG_HASH_LEN],
			    size_t n, struct nb_error *err)
{
	char p[24];
	struct nb_buf a = { 0 };
	const char *v[2];
	enum nb_err rc;

	/* a bytea[] literal: {"\\x..","\\x.."} */
	buf_addc(&a, '{');
	for (size_t i = 0; i < n; i++) {
		char s[PG_HASH_HEX_LEN];

		buf_addf(&a, "%s\"\\%s\"", i ? "," : "", pg_hash_hex(s, hashes[i]));
	}
	buf_addc(&a, '}');
	v[0] = pg_int(p, person);
	v[1] = a.s;
	rc = pg_do(c, "SELECT nabij_recovery_set($1, $2)", 2, v, err);
	buf_free(&a);
	return rc;
}

enum nb_err pg_recovery_use(struct nb_pg *c, int64_t person, const unsigned char hash[NB_PG_HASH_LEN], int64_t now,
			    bool *used, struct nb_error *err)
{
	char p[24], t[24], h[PG_HASH_HEX_LEN];
	const char *v[3] = { pg_int(p, person), pg_hash_hex(h, hash), pg_int(t, now) };

	return yes_no(c, "SELECT nabij_recovery_use($1, $2, $3)", 3, v, used, err);
}

enum nb_err pg_pending_add(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t person,
			   int64_t expires, int64_t now, struct nb_error *err)
{
	char p[24], e[24], t[24], h[PG_HASH_HEX_LEN];
	const char *v[4] = { pg_hash_hex(h, hash), pg_int(p, person), pg_int(e, expires), pg_int(t, now) };

	return pg_do(c, "SELECT nabij_pending_add($1, $2, $3, $4)", 4, v, err);
}

enum nb_err pg_pending_find(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], int64_t now,
			    int64_t *person, char name[NB_PG_NAME_MAX + 1], struct nb_error *err)
{
	char t[24], h[PG_HASH_HEX_LEN];
	const char *v[2] = { pg_hash_hex(h, hash), pg_int(t, now) };
	PGresult *r = one_row(c, "SELECT r_person, r_name FROM nabij_pending_find($1, $2)", 2, v, 2, err);

	*person = 0;
	name[0] = '\0';
	if (!r)
		return err ? err->code : NB_EDB;
	*person = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
	if (*person > 0)
		snprintf(name, NB_PG_NAME_MAX + 1, "%s", PQgetvalue(r, 0, 1));
	else
		*person = 0;
	PQclear(r);
	return NB_OK;
}

enum nb_err pg_pending_end(struct nb_pg *c, const unsigned char hash[NB_PG_HASH_LEN], struct nb_error *err)
{
	char h[PG_HASH_HEX_LEN];
	const char *v[1] = { pg_hash_hex(h, hash) };

	return pg_do(c, "SELECT nabij_pending_end($1)", 1, v, err);
}
