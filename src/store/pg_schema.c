/*
 * The hosted store's schema, made and migrated by the owner (pg_migrate),
 * and the check that the role nabij serve connects as cannot get past it
 * (pg_check_role).
 *
 * A table nabij_schema holds the version; each step runs in a
 * transaction of its own, under a lock on that table, so that two servers
 * started together migrate once. Step 1 makes the tables the shared
 * generator makes for PostgreSQL (sqlgen.c: entry, each kind's table,
 * item, day_fact, day_summary, day_dirty, each led by the person) and the
 * store's own: entry_text, the search (a tsvector per record, in the
 * configuration of the language it was indexed in), person_seq, the
 * counter of a person's record numbers and of their changes, and the
 * triggers that note the days a write changed, as SQLite's do. A later
 * step adds the columns of a later schema of the rows (sql_add_columns).
 * Each step also runs the accounts' part of it (pg_account_migrate).
 *
 * Every table of records gets row-level security, enabled and forced, and
 * one policy for everything: its rows are the person's whose number the
 * transaction set (nabij.person), none when it set none ('' after a
 * transaction reads as no one). The app role gets SELECT, INSERT, UPDATE
 * and DELETE on them and nothing else of them; no view is made.
 *
 * Full text: `@@` is not LEAKPROOF, so under the policy it cannot use an
 * index (docs/HOSTED.md); entry_text has none but its primary key
 * (person, entry_id): a person's search reads their own rows alone.
 */
#include "pg.h"
#include "schema.h"
#include "sqlgen.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* The version of SQLite's schema that step 1 makes (its columns); a later
 * one's columns come in the steps after it. */
#define BASE_SCHEMA 10

/* The tables of records, each with the person: the shared ones and the
 * store's own. */
static const char *const own_tables[] = {
	"entry", "item", "day_fact", "day_summary", "day_dirty", "entry_text", "person_seq",
};

/*
 * The steps of the hosted schema, in order; a released step never changes,
 * a new one is appended. Each names what it brings: the columns of a later
 * schema of the rows (records: the SQLite schema whose fields it adds; step
 * 1 makes every table as the rows are at BASE_SCHEMA), and the accounts'
 * part (pg_account_migrate's step), either of them 0 for none. The last
 * step with records is the rows' latest schema (test_pg checks).
 */
static enum nb_err statistics_step(struct nb_pg *c, const char *app_role, struct nb_error *err);

static const struct {
	int records, accounts;
	/* the store's own objects the step brings besides (functions), made
	 * in a database made by the same run too; NULL for none */
	enum nb_err (*own)(struct nb_pg *c, const char *app_role, struct nb_error *err);
} step_list[] = {
	{ BASE_SCHEMA, 1, NULL },
	{ 0, 2, NULL },	/* the accounts' second factor (pg_factor.c) */
	{ 0, 3, NULL },	/* one's own sessions, the access log, deletion (pg_self.c) */
	{ 0, 4, NULL },	/* the operator's side: disabled accounts, the admin page (pg_admin.c) */
	{ 0, 5, NULL },	/* each admin act in the access log, the admin's own too (pg_admin.c) */
	{ 0, 0, statistics_step },	/* the statistics after a large import (nabij_analyze_records) */
};

static int steps(void)
{
	return (int)(sizeof step_list / sizeof step_list[0]);
}

int pg_schema_records(void)
{
	int v = 0;

	for (int i = 0; i < steps(); i++)
		if (step_list[i].records > v)
			v = step_list[i].records;
	return v;
}

size_t pg_record_tables(const char **out, size_t size)
{
	size_t n = 0;

	for (size_t i = 0; i < sizeof own_tables / sizeof own_tables[0] && n < size; i++)
		out[n++] = own_tables[i];
	for (int t = NB_CHECKIN; t < NB_TYPE__COUNT && n < size; t++)
		out[n++] = sql_table((enum nb_type)t);
	return n;
}

/* Each statement of text, split at ';' (none of step 1's holds one in a
 * value, except the triggers, run one by one). */
static enum nb_err run_all(struct nb_pg *c, const char *text, struct nb_error *err)
{
	char *all = xstrdup(text), *p = all, *end;
	enum nb_err rc = NB_OK;

	while (!rc && p && *p) {
		end = strchr(p, ';');
		if (end)
			*end = '\0';
		while (*p == ' ')
			p++;
		if (*p)
			rc = pg_do(c, p, 0, NULL, err);
		p = end ? end + 1 : NULL;
	}
	free(all);
	return rc;
}

/* The days a write changed, noted for the summary (days.c's triggers in
 * SQLite): the day of a record added, changed, set aside or removed, and
 * the days of the moments with a circle member whose name changed or who
 * went (before the reference to them is set to NULL). */
static const char *const triggers[] = {
	"CREATE FUNCTION nabij_day_dirty_entry() RETURNS trigger LANGUAGE plpgsql AS $$\n"
	"BEGIN\n"
	"  IF TG_OP <> 'INSERT' THEN\n"
	"    INSERT INTO day_dirty(person, day) VALUES (OLD.person, OLD.day) ON CONFLICT DO NOTHING;\n"
	"  END IF;\n"
	"  IF TG_OP <> 'DELETE' THEN\n"
	"    INSERT INTO day_dirty(person, day) VALUES (NEW.person, NEW.day) ON CONFLICT DO NOTHING;\n"
	"  END IF;\n"
	"  RETURN NULL;\n"
	"END $$",
	"CREATE FUNCTION nabij_day_dirty_member() RETURNS trigger LANGUAGE plpgsql AS $$\n"
	"DECLARE who bigint; member bigint;\n"
	"BEGIN\n"
	"  IF TG_TABLE_NAME = 'entry' THEN who := OLD.person; member := OLD.id;\n"
	"  ELSE who := NEW.person; member := NEW.entry_id; END IF;\n"
	"  INSERT INTO day_dirty(person, day) SELECT who, e.day FROM moment m\n"
	"    JOIN entry e ON e.person = who AND e.id = m.entry_id\n"
	"    WHERE m.person = who AND m.member_id = member\n"
	"    ON CONFLICT DO NOTHING;\n"
	"  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;\n"
	"  RETURN NULL;\n"
	"END $$",
	"CREATE TRIGGER day_dirty AFTER INSERT OR UPDATE OR DELETE ON entry"
	" FOR EACH ROW EXECUTE FUNCTION nabij_day_dirty_entry()",
	"CREATE TRIGGER day_dirty_member_del BEFORE DELETE ON entry"
	" FOR EACH ROW WHEN (OLD.type = 'member') EXECUTE FUNCTION nabij_day_dirty_member()",
	"CREATE TRIGGER day_dirty_member_aside AFTER UPDATE OF deleted ON entry"
	" FOR EACH ROW WHEN (OLD.type = 'member') EXECUTE FUNCTION nabij_day_dirty_member()",
	"CREATE TRIGGER day_dirty_member_put AFTER INSERT OR UPDATE ON member"
	" FOR EACH ROW EXECUTE FUNCTION nabij_day_dirty_member()",
};

/* The records' part of step 1. */
static enum nb_err records_step1(struct nb_pg *c, const char *app, struct nb_error *err)
{
	struct nb_buf q = { 0 };
	const char *tables[32];
	size_t n = pg_record_tables(tables, 32);
	enum nb_err rc;

	sql_schema(&sql_postgresql, &q);
	buf_add(&q, "CREATE TABLE entry_text (person bigint NOT NULL, entry_id bigint NOT NULL,"
		    " lang regconfig NOT NULL, doc tsvector NOT NULL, PRIMARY KEY (person, entry_id),"
		    " FOREIGN KEY (person, entry_id) REFERENCES entry(person, id) ON DELETE CASCADE);"
		    "CREATE TABLE person_seq (person bigint NOT NULL, last bigint NOT NULL DEFAULT 0,"
		    " version bigint NOT NULL DEFAULT 0, PRIMARY KEY (person));");
	rc = run_all(c, q.s, err);
	for (size_t i = 0; !rc && i < sizeof triggers / sizeof triggers[0]; i++)
		rc = pg_do(c, triggers[i], 0, NULL, err);
	for (size_t i = 0; !rc && i < n; i++) {
		buf_reset(&q);
		buf_addf(&q, "ALTER TABLE %s ENABLE ROW LEVEL SECURITY;ALTER TABLE %s FORCE ROW LEVEL SECURITY;"
			     "CREATE POLICY person_own ON %s FOR ALL TO PUBLIC"
			     " USING (person = (select nullif(current_setting('nabij.person', true), '')::bigint))"
			     " WITH CHECK (person = (select nullif(current_setting('nabij.person', true), '')::bigint));"
			     "GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO %s;",
			 tables[i], tables[i], tables[i], tables[i], app);
		rc = run_all(c, q.s, err);
	}
	buf_free(&q);
	return rc;
}

/* The records' part of step: step 1's tables, or the columns of the
 * schema of the rows it stands for. */
static enum nb_err records_step(struct nb_pg *c, int step, const char *app, struct nb_error *err)
{
	struct nb_buf q = { 0 };
	enum nb_err rc;

	if (step == 1)
		return records_step1(c, app, err);
	if (!step_list[step - 1].records)
		return NB_OK;
	sql_add_columns(&sql_postgresql, step_list[step - 1].records, &q);
	rc = q.len ? run_all(c, q.s, err) : NB_OK;
	buf_free(&q);
	return rc;
}

/*
 * The statistics step: nabij_analyze_records(), which the store calls
 * after a write that added many records (an import, pg_records.c). Until
 * PostgreSQL has statistics of a person's new rows (autovacuum's ANALYZE,
 * a minute or more later), it plans their statements as if the person had
 * a row or so in each table. ANALYZE is the owner's (the app role owns no
 * table): the function runs as the owner (SECURITY DEFINER, its search
 * path pinned) and takes nothing from its caller. It analyzes the tables
 * of records (those with the policy person_own) that autovacuum would
 * analyze on its next round (changed rows past 50 and a tenth of the
 * table, or never analyzed), not those a large database holds so many
 * rows in that one person's import does not move their statistics, and
 * passes over one another ANALYZE or a vacuum holds (SKIP_LOCKED) rather
 * than wait for it.
 */
static const char statistics_sql[] =
	"CREATE FUNCTION nabij_analyze_records() RETURNS integer LANGUAGE plpgsql SECURITY DEFINER @SET@ AS $f$\n"
	"DECLARE t regclass; n integer := 0;\n"
	"BEGIN\n"
	"  FOR t IN SELECT k.oid::regclass FROM pg_policy p JOIN pg_class k ON k.oid = p.polrelid\n"
	"      LEFT JOIN pg_stat_user_tables s ON s.relid = k.oid\n"
	"    WHERE p.polname = 'person_own' AND k.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())\n"
	"      AND (s.relid IS NULL OR coalesce(s.last_analyze, s.last_autoanalyze) IS NULL\n"
	"        OR s.n_mod_since_analyze >= 50 + 0.1 * greatest(k.reltuples, 0))\n"
	"    ORDER BY k.relname\n"
	"  LOOP\n"
	"    EXECUTE format('ANALYZE (SKIP_LOCKED) %s', t);\n"
	"    n := n + 1;\n"
	"  END LOOP;\n"
	"  RETURN n;\n"
	"END $f$";

static enum nb_err statistics_step(struct nb_pg *c, const char *app_role, struct nb_error *err)
{
	static const char *const names[] = { "nabij_analyze_records()" };

	return pg_functions(c, app_role, statistics_sql, names, 1, err);
}

static int version_of(struct nb_pg *c, struct nb_error *err)
{
	PGresult *r = pg_run(c, "SELECT version FROM nabij_schema", 0, NULL, err);
	int v = -1;

	if (!r)
		return -1;
	v = PQntuples(r) ? atoi(PQgetvalue(r, 0, 0)) : 0;
	PQclear(r);
	return v;
}

enum nb_err pg_migrate(const char *owner_conninfo, const char *app_role, struct nb_error *err)
{
	struct nb_pg *c;
	char *app;
	enum nb_err rc;
	int made = -1;

	if ((rc = pg_connect(owner_conninfo, &c, err)))
		return rc;
	app = PQescapeIdentifier(c->conn, app_role, strlen(app_role));
	if (!app) {
		pg_disconnect(c);
		return nb_error_set(err, NB_EINVAL, "role", _("The name of the database role is not one PostgreSQL takes."));
	}
	/* the table of the version, made once (two made together: one waits) */
	if (!(rc = pg_begin(c, 0, err))) {
		struct nb_buf q = { 0 };

		buf_addf(&q, "SELECT pg_advisory_xact_lock(7226081);"
			     "CREATE TABLE IF NOT EXISTS nabij_schema (version integer NOT NULL);"
			     "INSERT INTO nabij_schema SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM nabij_schema);"
			     "GRANT USAGE ON SCHEMA public TO %s;GRANT SELECT ON nabij_schema TO %s;", app, app);
		rc = run_all(c, q.s, err);
		buf_free(&q);
		rc = rc ? (pg_rollback(c), rc) : pg_commit(c, err);
	}
	for (int step = 1; !rc && step <= steps(); step++) {
		char num[24];
		const char *v[1] = { pg_int(num, step) };
		int at;

		if ((rc = pg_begin(c, 0, err)))
			break;
		if ((rc = pg_do(c, "LOCK TABLE nabij_schema IN EXCLUSIVE MODE", 0, NULL, err)) ||
		    (at = version_of(c, err)) < 0) {
			rc = rc ? rc : NB_EDB;
			pg_rollback(c);
			break;
		}
		if (at >= step) {
			pg_rollback(c);
			continue;
		}
		if (made < 0)
			made = at;
		/* a database made by this run has the columns of every schema
		 * already (step 1 is the tables as the rows are now) */
		if (!(made == 0 && step > 1))
			rc = records_step(c, step, app, err);
		if (!rc && step_list[step - 1].accounts)
			rc = pg_account_migrate(c, step_list[step - 1].accounts, app_role, err);
		if (!rc && step_list[step - 1].own)
			rc = step_list[step - 1].own(c, app_role, err);
		if (!rc)
			rc = pg_do(c, "UPDATE nabij_schema SET version = $1", 1, v, err);
		if (rc)
			pg_rollback(c);
		else
			rc = pg_commit(c, err);
	}
	PQfreemem(app);
	pg_disconnect(c);
	return rc;
}

enum nb_err pg_check_role(struct nb_pg *c, struct nb_error *err)
{
	const char *tables[32];
	size_t n = pg_record_tables(tables, 32);
	struct nb_buf list = { 0 };
	const char *v[1];
	PGresult *r;
	enum nb_err rc = NB_OK;

	buf_addc(&list, '{');
	for (size_t i = 0; i < n; i++)
		buf_addf(&list, "%s%s", i ? "," : "", tables[i]);
	buf_addc(&list, '}');
	v[0] = list.s;
	/* in one statement: the role's rights, the tables it owns, the tables
	 * of records without forced security (or missing), the version */
	r = pg_run(c,
		   "SELECT r.rolsuper, r.rolbypassrls,"
		   " (SELECT count(*) FROM pg_class k WHERE k.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())"
		   "   AND k.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND pg_has_role(current_user, k.relowner, 'USAGE')),"
		   " (SELECT count(*) FROM unnest($1::text[]) t(name) WHERE NOT EXISTS (SELECT 1 FROM pg_class k"
		   "   WHERE k.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND k.relname = t.name"
		   "   AND k.relrowsecurity AND k.relforcerowsecurity)),"
		   " (SELECT version FROM nabij_schema LIMIT 1), current_user"
		   " FROM pg_roles r WHERE r.rolname = current_user",
		   1, v, err);
	buf_free(&list);
	if (!r)	/* no table of the version: a schema never made, or no right to read it */
		return nb_error_set(err, NB_EDB, "database",
				    _("The database has no nabij schema this role can read. Run the migration as the owner first (docs/HOSTING.md)."));
	if (PQntuples(r) != 1)
		rc = nb_error_set(err, NB_EDB, "database", _("The database role nabij connects as could not be read."));
	else if (strcmp(PQgetvalue(r, 0, 0), "t") == 0)
		rc = nb_error_set(err, NB_EDB, "database",
				  _("The database role nabij connects as (%s) is a superuser, which sees every person's records. Connect as a role without superuser (docs/HOSTING.md)."),
				  PQgetvalue(r, 0, 5));
	else if (strcmp(PQgetvalue(r, 0, 1), "t") == 0)
		rc = nb_error_set(err, NB_EDB, "database",
				  _("The database role nabij connects as (%s) has BYPASSRLS, which sees every person's records. Connect as a role without it (docs/HOSTING.md)."),
				  PQgetvalue(r, 0, 5));
	else if (strcmp(PQgetvalue(r, 0, 2), "0") != 0)
		rc = nb_error_set(err, NB_EDB, "database",
				  _("The database role nabij connects as (%s) owns tables of the schema, and an owner can turn off what keeps people's records apart. Connect as the app role, not as the owner (docs/HOSTING.md)."),
				  PQgetvalue(r, 0, 5));
	else if (strcmp(PQgetvalue(r, 0, 3), "0") != 0)
		rc = nb_error_set(err, NB_EDB, "database",
				  _("%s of nabij's tables of records lack row-level security, enabled and forced, or are missing. Run the migration as the owner (docs/HOSTING.md)."),
				  PQgetvalue(r, 0, 3));
	else if (PQgetisnull(r, 0, 4) || atoi(PQgetvalue(r, 0, 4)) != steps())
		rc = nb_error_set(err, NB_EDB, "database",
				  _("The database's schema is not the one this nabij needs (version %s, not %d). Run the migration as the owner (docs/HOSTING.md)."),
				  PQgetisnull(r, 0, 4) ? "0" : PQgetvalue(r, 0, 4), steps());
	PQclear(r);
	return rc;
}
