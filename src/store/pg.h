/*
 * What the parts of the PostgreSQL store share: the connection and running
 * a statement on it. Not for use outside src/store/. The parts:
 *   pg.c          the connection, its transactions, the role's checks
 *   pg_records.c  the record store of one person (nb_store_ops)
 *   pg_search.c   its search: the text folded, the query, the snippets
 *   pg_schema.c   the schema and its migrations, made by the owner
 *   pg_account.c  the accounts: their tables and SECURITY DEFINER functions
 *   pg_factor.c   the accounts' second factor, recovery codes, sign-ins waiting
 * Every statement is unnamed (PQexecParams), its values as text.
 */
#ifndef NB_STORE_PG_H
#define NB_STORE_PG_H

#include "hosted.h"
#include "core/buf.h"
#include "core/err.h"

#include <libpq-fe.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct nb_pg {
	PGconn *conn;
	char *conninfo;		/* to connect again after the connection was lost */
	int depth;		/* transactions begun (pg_begin), nested: the outermost is real */
	bool failed;		/* a statement failed inside: the outermost end rolls back */
	int64_t person;		/* the person the open transaction is for; 0 none */
	uint64_t statements;	/* statements run while counted */
	bool counting;
	/* when set, called with each statement's text as it is run (tests) */
	void (*watch)(void *ctx, const char *sql);
	void *watch_ctx;
	/* statements sent in the pipeline and not yet answered (pg_pipe), and
	 * for each the number its one value must be (0: any answer) */
	size_t piped, pipe_cap;
	int64_t *pipe_want;
};

/* Run sql with n text values (NULL for SQL NULL); the result (the caller
 * PQclear()s it), or NULL with err set in words for a person. A lost
 * connection is tried again once, outside a transaction. */
PGresult *pg_run(struct nb_pg *c, const char *sql, int n, const char *const *values, struct nb_error *err);
/* The same for a statement whose rows are not wanted. */
enum nb_err pg_do(struct nb_pg *c, const char *sql, int n, const char *const *values, struct nb_error *err);

/* Send sql with its values in libpq's pipeline mode, inside the open
 * transaction, without waiting for its answer: a write whose answer
 * nothing needs at once (an import's records, a round trip each before).
 * want, when not 0, is the number its first value must be (a record's
 * number that the store knows before PostgreSQL says it). Every statement
 * after it first reads the answers of all sent (pg_pipe_drain): a failure
 * among them fails it and the transaction, as pg_run's would have. Outside
 * a transaction it is pg_do. The statements are unnamed, as pg_run's, and
 * stay within the transaction: a pooler in transaction mode (PgBouncer)
 * forwards them to the one server connection the transaction holds. */
enum nb_err pg_pipe(struct nb_pg *c, const char *sql, int n, const char *const *values, int64_t want,
		    struct nb_error *err);
/* Read the answers of the statements pg_pipe sent and leave pipeline mode;
 * the first failure among them in err, the transaction failed with it. */
enum nb_err pg_pipe_drain(struct nb_pg *c, struct nb_error *err);

/* Begin a transaction for person (0: none, for what the accounts' functions
 * do), with the person set for it (set_config('nabij.person', ..., true));
 * nested calls join the one open (for the same person only). */
enum nb_err pg_begin(struct nb_pg *c, int64_t person, struct nb_error *err);
enum nb_err pg_commit(struct nb_pg *c, struct nb_error *err);
void pg_rollback(struct nb_pg *c);

/* The error of a result or of the connection, in words for a person; the
 * server's own message is not passed on (it may hold a value). */
enum nb_err pg_error(struct nb_pg *c, const PGresult *r, struct nb_error *err);

/* pg_schema.c: the schema of the rows (schema.c's versions) that the
 * hosted schema's steps reach; schema_latest() when it is current. */
int pg_schema_records(void);

/* pg_account.c: schema step `step` of the accounts (their tables, the
 * SECURITY DEFINER functions that reach them, the grants of EXECUTE to
 * app_role), run by the owner inside the step's transaction that
 * pg_migrate (pg_schema.c) opened after the records' part of the same
 * step. Steps count from 1; a step with nothing for the accounts does
 * nothing. */
enum nb_err pg_account_migrate(struct nb_pg *c, int step, const char *app_role, struct nb_error *err);

/* pg_factor.c: the accounts' step 2, the second factor (its tables and
 * functions), run by pg_account_migrate. */
enum nb_err pg_factor_migrate(struct nb_pg *c, const char *app_role, struct nb_error *err);
/* pg_self.c: the accounts' step of one's own sessions (their number,
 * when last used, address and browser), the access log and the deletion
 * of an account: its tables, functions and grants (pg_account_migrate's
 * step 3). */
enum nb_err pg_self_migrate(struct nb_pg *c, const char *app_role, struct nb_error *err);
/* pg_admin.c: the accounts' step 4, the operator's side (an account
 * disabled, invitations numbered, the admin's functions). */
enum nb_err pg_admin_migrate(struct nb_pg *c, const char *app_role, struct nb_error *err);
/* pg_admin.c: the accounts' step 5, each admin act writing its lines of
 * the access log itself (the admin's own, and the account's it was on). */
enum nb_err pg_admin_log_migrate(struct nb_pg *c, const char *app_role, struct nb_error *err);

/* pg_schema.c: the names of the tables of records (each with the person
 * first, row-level security forced), at most size of them; how many. */
size_t pg_record_tables(const char **out, size_t size);

/* Begin a transaction as pg_begin does, of one snapshot (REPEATABLE READ):
 * what a read scope reads. */
enum nb_err pg_begin_snapshot(struct nb_pg *c, int64_t person, struct nb_error *err);

/* pg_search.c: text as the words of the search, folded (lower case,
 * without diacritics) and separated by spaces, appended to out. */
void pg_words(const char *text, struct nb_buf *out);
/* A person's words as a tsquery's text, each word the start of a word
 * ("'wal':* & 'river':*"), or NULL when they hold none. */
char *pg_query_text(const char *words);
/* The snippet of text for words: ntok words of it around the most words
 * of the search, matches between \x02 and \x03, "…" where it goes on. */
char *pg_snippet(const char *text, const char *words, int ntok);

/* What the parts that make the schema share (pg_schema.c and the
 * accounts' steps): a script of the owner's (many statements, no values,
 * the simple protocol) run in the open transaction, a failure failing it
 * as pg_run's do; an identifier quoted for SQL (the caller frees it; NULL
 * when libpq refuses it); sql with each "@SET@" replaced by set (a
 * function's pinned search_path; the caller frees it). */
enum nb_err pg_script(struct nb_pg *c, const char *sql, struct nb_error *err);
char *pg_quoted(struct nb_pg *c, const char *name);
char *pg_with_set(const char *sql, const char *set);
/* The functions of sql made with their search path pinned to the current
 * schema (each "@SET@"), then EXECUTE on each of names[n] taken from
 * PUBLIC and granted to app_role alone (a role's name, quoted here). */
enum nb_err pg_functions(struct nb_pg *c, const char *app_role, const char *sql, const char *const *names,
			 size_t n, struct nb_error *err);

/* n bytes as a bytea value in hex ("\x" and two digits a byte), in out
 * (PG_HEX_LEN(n) bytes); a token's hash so (64 digits) by pg_hash_hex. */
#define PG_HEX_LEN(n) (2 + 2 * (n) + 1)
#define PG_HASH_HEX_LEN PG_HEX_LEN(NB_PG_HASH_LEN)
const char *pg_hex(char *out, const unsigned char *bytes, size_t n);
const char *pg_hash_hex(char out[PG_HASH_HEX_LEN], const unsigned char hash[NB_PG_HASH_LEN]);

/* A function of the accounts answered in a shape nabij did not ask for. */
enum nb_err pg_unexpected(struct nb_error *err);

/* A 64-bit number as text, for a value (at most 21 bytes with its NUL). */
const char *pg_int(char buf[24], int64_t v);

#endif
