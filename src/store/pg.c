/*
 * The PostgreSQL connection of the hosted store: connecting, running one
 * unnamed statement, transactions that name their person, and the errors.
 * A worker holds one connection and no session state on it: the person is
 * set inside each transaction (set_config(..., true)), so that PgBouncer
 * in transaction mode can hand the server connection to another client
 * between two transactions.
 */
#include "pg.h"
#include "core/i18n.h"
#include "core/xalloc.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *pg_int(char buf[24], int64_t v)
{
	snprintf(buf, 24, "%" PRId64, v);
	return buf;
}

/* libpq's notices (a warning of the server) are not a person's business,
 * and may hold a value: they are dropped. */
static void quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

enum nb_err pg_connect(const char *conninfo, struct nb_pg **out, struct nb_error *err)
{
	struct nb_pg *c = xcalloc(1, sizeof *c);

	*out = NULL;
	c->conn = PQconnectdb(conninfo ? conninfo : "");
	if (PQstatus(c->conn) != CONNECTION_OK) {
		/* libpq's words name the host and the role, never the password */
		nb_error_set(err, NB_EDB, "database", _("nabij could not connect to its database: %s"),
			     PQerrorMessage(c->conn));
		for (char *e = err ? err->msg + strlen(err->msg) : NULL; e && e > err->msg && e[-1] == '\n'; e--)
			e[-1] = '\0';
		PQfinish(c->conn);
		free(c);
		return NB_EDB;
	}
	PQsetNoticeProcessor(c->conn, quiet, NULL);
	c->conninfo = xstrdup(conninfo ? conninfo : "");
	*out = c;
	return NB_OK;
}

void pg_disconnect(struct nb_pg *c)
{
	if (!c)
		return;
	PQfinish(c->conn);
	free(c->conninfo);
	free(c->pipe_want);
	free(c);
}

enum nb_err pg_error(struct nb_pg *c, const PGresult *r, struct nb_error *err)
{
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;

	if (PQstatus(c->conn) == CONNECTION_BAD)
		return nb_error_set(err, NB_EDB, "database",
				    _("The connection to the database was lost. Nothing was changed; please try again in a moment."));
	if (state && (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 || strcmp(state, "55P03") == 0))
		return nb_error_set(err, NB_EDB, "",
				    _("The database is busy. Nothing was changed; please try again in a moment."));
	if (state && strcmp(state, "53100") == 0)
		return nb_error_set(err, NB_EDB, "",
				    _("The database's disk is full. Nothing was changed; what was saved before is safe."));
	return nb_error_set(err, NB_EDB, "", _("The database refused what nabij asked of it (%s). Nothing was changed."),
			    state ? state : "?");
}

PGresult *pg_run(struct nb_pg *c, const char *sql, int n, const char *const *values, struct nb_error *err)
{
	PGresult *r;
	ExecStatusType st;

	if (c->piped && pg_pipe_drain(c, err))	/* what was sent before failed: this is not run */
		return NULL;
	if (c->watch)
		c->watch(c->watch_ctx, sql);
	if (c->counting)
		c->statements++;
	if (PQstatus(c->conn) == CONNECTION_BAD && c->depth == 0)
		PQreset(c->conn);	/* outside a transaction nothing is lost by it */
	r = PQexecParams(c->conn, sql, n, NULL, values, NULL, NULL, 0);
	st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	/* a connection the server ended while it was idle (a restart of
	 * PostgreSQL) shows only now: outside a transaction, once more on a
	 * new one (inside, what the transaction did is gone: it fails) */
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && c->depth == 0 &&
	    PQstatus(c->conn) == CONNECTION_BAD) {
		PQclear(r);
		PQreset(c->conn);
		r = PQexecParams(c->conn, sql, n, NULL, values, NULL, NULL, 0);
		st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	}
	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
		return r;
	pg_error(c, r, err);
	if (getenv("NABIJ_PG_DEBUG"))	/* a developer's, never on in a server */
		fprintf(stderr, "nabij: %s\n  in: %s\n", r ? PQresultErrorMessage(r) : PQerrorMessage(c->conn), sql);
	PQclear(r);
	if (c->depth)
		c->failed = true;
	return NULL;
}

enum nb_err pg_do(struct nb_pg *c, const char *sql, int n, const char *const *values, struct nb_error *err)
{
	PGresult *r = pg_run(c, sql, n, values, err);

	if (!r)
		return err ? err->code : NB_EDB;
	PQclear(r);
	return NB_OK;
}

static enum nb_err begin_as(struct nb_pg *c, int64_t person, const char *begin, struct nb_error *err);

enum nb_err pg_begin(struct nb_pg *c, int64_t person, struct nb_error *err)
{
	return begin_as(c, person, "BEGIN", err);
}

enum nb_err pg_begin_snapshot(struct nb_pg *c, int64_t person, struct nb_error *err)
{
	return begin_as(c, person, "BEGIN ISOLATION LEVEL REPEATABLE READ", err);
}

static enum nb_err begin_as(struct nb_pg *c, int64_t person, const char *begin, struct nb_error *err)
{
	char num[24];
	const char *v[1] = { pg_int(num, person) };
	enum nb_err rc;

	if (c->depth) {
		if (person != c->person)
			abort();	/* one transaction is one person's */
		c->depth++;
		return NB_OK;
	}
	if (PQstatus(c->conn) == CONNECTION_BAD)
		PQreset(c->conn);
	if ((rc = pg_do(c, begin, 0, NULL, err)) != NB_OK)
		return rc;
	c->depth = 1;
	c->failed = false;
	c->person = person;
	if (person && (rc = pg_do(c, "SELECT set_config('nabij.person', $1, true)", 1, v, err)) != NB_OK) {
		pg_rollback(c);
		return rc;
	}
	return NB_OK;
}

enum nb_err pg_commit(struct nb_pg *c, struct nb_error *err)
{
	enum nb_err rc;

	if (c->depth == 0)
		return NB_OK;
	if (--c->depth)
		return NB_OK;
	c->person = 0;
	if (c->piped && (rc = pg_pipe_drain(c, err))) {
		pg_do(c, "ROLLBACK", 0, NULL, NULL);
		return rc;
	}
	if (c->failed) {
		pg_do(c, "ROLLBACK", 0, NULL, NULL);
		return nb_error_set(err, NB_EDB, "", _("The database refused what nabij asked of it. Nothing was changed."));
	}
	rc = pg_do(c, "COMMIT", 0, NULL, err);
	return rc;
}

void pg_rollback(struct nb_pg *c)
{
	if (c->depth == 0)
		return;
	if (c->piped)
		pg_pipe_drain(c, NULL);	/* their answers, read and let go */
	c->depth = 0;
	c->person = 0;
	c->failed = false;
	if (PQstatus(c->conn) != CONNECTION_BAD)
		pg_do(c, "ROLLBACK", 0, NULL, NULL);
}

enum nb_err pg_script(struct nb_pg *c, const char *sql, struct nb_error *err)
{
	PGresult *r;
	enum nb_err rc = NB_OK;

	if (c->piped && (rc = pg_pipe_drain(c, err)))
		return rc;
	r = PQexec(c->conn, sql);

	if (c->watch)
		c->watch(c->watch_ctx, sql);
	if (!r || PQresultStatus(r) != PGRES_COMMAND_OK) {
		rc = pg_error(c, r, err);
		if (getenv("NABIJ_PG_DEBUG"))	/* a developer's, as in pg_run */
			fprintf(stderr, "nabij: %s\n", r ? PQresultErrorMessage(r) : PQerrorMessage(c->conn));
		if (c->depth)
			c->failed = true;
	}
	PQclear(r);
	return rc;
}

char *pg_quoted(struct nb_pg *c, const char *name)
{
	char *q = PQescapeIdentifier(c->conn, name, strlen(name));
	char *s;

	if (!q)
		return NULL;
	s = xstrdup(q);
	PQfreemem(q);
	return s;
}

char *pg_with_set(const char *sql, const char *set)
{
	struct nb_buf b = { 0 };
	const char *p;

	while ((p = strstr(sql, "@SET@"))) {
		buf_addn(&b, sql, (size_t)(p - sql));
		buf_add(&b, set);
		sql = p + 5;
	}
	buf_add(&b, sql);
	return buf_detach(&b);
}

/* The functions of sql made with their search path pinned to the schema
 * (each "@SET@"), then EXECUTE on each of names[n] taken from PUBLIC and
 * granted to app_role alone. */
enum nb_err pg_functions(struct nb_pg *c, const char *app_role, const char *sql, const char *const *names,
			 size_t n, struct nb_error *err)
{
	PGresult *r = NULL;
	char *schema = NULL, *app = NULL, *set = NULL, *body = NULL;
	struct nb_buf b = { 0 };
	enum nb_err rc;

	if (!(r = pg_run(c, "SELECT current_schema()", 0, NULL, err)))
		return err ? err->code : NB_EDB;
	if (PQntuples(r) != 1 || PQgetisnull(r, 0, 0)) {
		PQclear(r);
		return nb_error_set(err, NB_EDB, "database",
				    _("The database has no schema to make nabij's tables in (its search_path names none that exists)."));
	}
	schema = pg_quoted(c, PQgetvalue(r, 0, 0));
	PQclear(r);
	app = pg_quoted(c, app_role);
	if (!schema || !app) {
		rc = pg_error(c, NULL, err);
		goto done;
	}
	buf_addf(&b, "SET search_path = %s, pg_temp", schema);
	set = buf_detach(&b);
	body = pg_with_set(sql, set);
	if ((rc = pg_script(c, body, err)) != NB_OK)
		goto done;
	for (size_t i = 0; i < n; i++) {
		buf_addf(&b, "REVOKE ALL ON FUNCTION %s FROM PUBLIC;", names[i]);
		buf_addf(&b, "GRANT EXECUTE ON FUNCTION %s TO %s;", names[i], app);
	}
	rc = pg_script(c, b.s, err);
done:
	buf_free(&b);
	free(body);
	free(set);
	free(schema);
	free(app);
	return rc;
}

const char *pg_hex(char *out, const unsigned char *bytes, size_t n)
{
	static const char digits[] = "0123456789abcdef";

	out[0] = '\\';
	out[1] = 'x';
	for (size_t i = 0; i < n; i++) {
		out[2 + 2 * i] = digits[bytes[i] >> 4];
		out[3 + 2 * i] = digits[bytes[i] & 15];
	}
	out[2 + 2 * n] = '\0';
	return out;
}

const char *pg_hash_hex(char out[PG_HASH_HEX_LEN], const unsigned char hash[NB_PG_HASH_LEN])
{
	return pg_hex(out, hash, NB_PG_HASH_LEN);
}

enum nb_err pg_unexpected(struct nb_error *err)
{
	return nb_error_set(err, NB_EDB, "", _("The database answered nabij in a way it did not expect. Nothing was changed."));
}

/* At most this many statements in the pipeline before their answers are
 * read: what libpq keeps of them stays small. */
#define PIPE_MAX 1024

/* Whether r, an answer, is the one expected: its one row's first value is
 * want (when want is not 0). */
static bool answer_is(const PGresult *r, int64_t want)
{
	return !want || (PQntuples(r) == 1 && !PQgetisnull(r, 0, 0) && atoll(PQgetvalue(r, 0, 0)) == want);
}

enum nb_err pg_pipe(struct nb_pg *c, const char *sql, int n, const char *const *values, int64_t want,
		    struct nb_error *err)
{
	enum nb_err rc;

	if (c->piped >= PIPE_MAX && (rc = pg_pipe_drain(c, err)))
		return rc;
	if (!c->depth || PQstatus(c->conn) == CONNECTION_BAD ||
	    (PQpipelineStatus(c->conn) == PQ_PIPELINE_OFF && PQenterPipelineMode(c->conn) != 1)) {
		/* outside a transaction, or no pipeline to be had: at once */
		PGresult *r = pg_run(c, sql, n, values, err);
		bool good = r && answer_is(r, want);

		PQclear(r);
		if (r && !good && c->depth)
			c->failed = true;
		return !r ? (err ? err->code : NB_EDB) : good ? NB_OK : pg_unexpected(err);
	}
	if (c->watch) {
		c->watch(c->watch_ctx, sql);
		/* a watch that ran a statement of its own (a test's EXPLAIN)
		 * read the answers and left the pipeline: into it again */
		if (PQpipelineStatus(c->conn) == PQ_PIPELINE_OFF && PQenterPipelineMode(c->conn) != 1) {
			c->failed = true;
			return pg_error(c, NULL, err);
		}
	}
	if (c->counting)
		c->statements++;
	if (c->piped == c->pipe_cap) {
		c->pipe_cap = c->pipe_cap ? 2 * c->pipe_cap : 64;
		c->pipe_want = xrealloc(c->pipe_want, c->pipe_cap * sizeof *c->pipe_want);
	}
	c->pipe_want[c->piped++] = want;
	if (PQsendQueryParams(c->conn, sql, n, NULL, values, NULL, NULL, 0) != 1) {
		/* not sent (the connection lost): the answers so far, then this */
		rc = pg_pipe_drain(c, err);
		c->failed = true;
		return rc ? rc : pg_error(c, NULL, err);
	}
	return NB_OK;
}

enum nb_err pg_pipe_drain(struct nb_pg *c, struct nb_error *err)
{
	enum nb_err rc = NB_OK;
	size_t answered = 0;
	int nulls = 0;

	if (PQpipelineStatus(c->conn) == PQ_PIPELINE_OFF) {
		c->piped = 0;
		return NB_OK;
	}
	if (PQpipelineSync(c->conn) != 1)
		rc = pg_error(c, NULL, err);
	/* each statement's answer, then NULL; after all, the sync's */
	while (!rc || PQstatus(c->conn) != CONNECTION_BAD) {
		PGresult *r = PQgetResult(c->conn);
		ExecStatusType st;

		if (!r) {
			if (PQstatus(c->conn) == CONNECTION_BAD || ++nulls > 1) {
				if (!rc)
					rc = pg_error(c, NULL, err);
				break;
			}
			continue;
		}
		nulls = 0;
		st = PQresultStatus(r);
		if (st == PGRES_PIPELINE_SYNC) {
			PQclear(r);
			break;
		}
		if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
			if (!rc && !answer_is(r, answered < c->piped ? c->pipe_want[answered] : 0))
				rc = pg_unexpected(err);
		} else if (st != PGRES_PIPELINE_ABORTED && !rc) {
			/* the first failure; those after it were not run */
			rc = pg_error(c, r, err);
			if (getenv("NABIJ_PG_DEBUG"))	/* a developer's, as in pg_run */
				fprintf(stderr, "nabij: %s\n  in the pipeline\n", PQresultErrorMessage(r));
		}
		answered++;
		PQclear(r);
	}
	if (PQexitPipelineMode(c->conn) != 1 && !rc)
		rc = pg_error(c, NULL, err);
	c->piped = 0;
	if (rc && c->depth)
		c->failed = true;
	return rc;
}
