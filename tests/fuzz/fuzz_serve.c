/*
 * Fuzz harness: nabij serve's own pages as forms (/signin, /signup,
 * /signout, /account, /account/factor, /admin, and any other path), through
 * web_handle in the hosted mode over the PostgreSQL of
 * tests/hosted/with-pg.sh, as the app role: the pages, the use-cases and
 * the store as nabij serve runs them, without its sockets. No fake store.
 *
 * On the first input, a database of three accounts is made once:
 * amberwoud (plain), basaltrivier (an admin) and citroenvlinder
 * (the second factor on), each with two sessions (the one the requests
 * carry and another browser's) and a check-in whose note holds the name;
 * basaltrivier's second factor is set up, waiting for its first code; an
 * invitation is not used. A snapshot of every table is kept beside them;
 * after an input that changed anything (a fingerprint of every table, as
 * the superuser reads it), every table is brought back to its snapshot, so
 * the database never grows and each input meets the accounts as made.
 *
 * The input. Its first byte:
 *   bit 0      POST (else GET)
 *   bits 1-2   whose session the request carries: none, amberwoud,
 *              basaltrivier, citroenvlinder
 *   bit 3      the form token is right (the session's, or for /signin and
 *              /signup the pre-session cookie's with that cookie); else
 *              the request has none but what its own lines bring
 *   bits 4-5   the subject of the placeholders below: the session's person
 *              (amberwoud without one), amberwoud, basaltrivier,
 *              citroenvlinder
 *   bit 6      the pre-session cookie is sent even without the right token
 *   bit 7      the method is HEAD (for a GET) or PUT (for a POST)
 * then lines: the first is the path with its query; each other is a form
 * field key=value, or ":name=value" a header (not Host or Origin, which
 * are always right), or "!name=value" a cookie. Values may hold any byte
 * but a newline. In values (query and form), these are replaced:
 *   $NAME $PASS     the subject's name and password
 *   $CODE           the subject's code of now (its factor on or being set up)
 *   $RECOVERY       one of citroenvlinder's recovery codes
 *   $PENDING        a sign-in of citroenvlinder that waits for its code
 *   $INVITE $ADMININVITE   a new invitation's token
 *   $SID            the number of the subject's other session
 *   $IID            the number of the invitation not used
 *
 * What must hold whatever the input (else abort, which the fuzzer reports):
 *   - no status 500 or above (a 503 only while the database is down,
 *     which it is not here);
 *   - the body and the redirect never hold a session's token, nor the name
 *     of an account other than the session's that the request did not
 *     carry itself;
 *   - a POST without the right form token changes nothing in the database;
 *   - a request of one who is not an admin never ends another person's
 *     sessions.
 *
 * Argon2id runs here at libsodium's least cost (crypto_pwhash_str and
 * crypto_pwhash_str_verify below take the place of libsodium's for this
 * program): at nabij's own cost each password takes a second, which would
 * leave the fuzzer a few runs a second. The passwords are still hashed
 * and checked by Argon2id; only a hash of the full cost (the stand-in that
 * an unknown name is checked against, to take as long) is refused at once,
 * as it would be after its second.
 */
#include "canary.h"
#include "app/account.h"
#include "app/app.h"
#include "core/buf.h"
#include "core/record.h"
#include "core/xalloc.h"
#include "store/hosted.h"
#include "web/place.h"
#include "web/web.h"

#include <libpq-fe.h>
#include <liboath/oath.h>
#include <sodium.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define HOST "nabij.test"
#define PEER "192.0.2.7"
#define NOW 1796893200	/* 2026-12-09 09:00 UTC */

/* Argon2id at its least cost, for every hash this program makes. */
#define CHEAP_PREFIX "$argon2id$v=19$m=8,t=1,p=1$"

int crypto_pwhash_str(char out[crypto_pwhash_STRBYTES], const char *const passwd, unsigned long long passwdlen,
		      unsigned long long opslimit, size_t memlimit)
{
	(void)opslimit;
	(void)memlimit;
	return crypto_pwhash_argon2id_str(out, passwd, passwdlen, crypto_pwhash_argon2id_OPSLIMIT_MIN,
					  crypto_pwhash_argon2id_MEMLIMIT_MIN);
}

int crypto_pwhash_str_verify(const char str[crypto_pwhash_STRBYTES], const char *const passwd, unsigned long long passwdlen)
{
	if (strncmp(str, CHEAP_PREFIX, strlen(CHEAP_PREFIX)) != 0)
		return -1;	/* the stand-in of an unknown name: never a match */
	return crypto_pwhash_argon2id_str_verify(str, passwd, passwdlen);
}

struct person {
	const char *name, *pass;
	bool admin, factor;
	int64_t id;
	char token[NB_TOKEN_LEN + 1];	/* the session the requests carry */
	char other[NB_TOKEN_LEN + 1];	/* another browser's */
	int64_t other_id;
};

enum { PLAIN, ADMIN, FACTOR, PEOPLE };
static struct person people[PEOPLE] = {
	{ "amberwoud", "een lange zin van amber", false, false, 0, "", "", 0 },
	{ "basaltrivier", "een lange zin van basil", true, false, 0, "", "", 0 },
	{ "citroenvlinder", "een lange zin van citroen", false, true, 0, "", "", 0 },
};

static struct nb_pg *pg;		/* the app role's, as nabij serve's */
static PGconn *super;			/* initdb's superuser, on the database postgres */
static PGconn *look;			/* the superuser's, on nabij_fuzz_PID (the fingerprint, reset) */
static char db[64];
static struct web_hosted hd;
static struct web w;
static struct nb_app clock_app;
static unsigned char secret[64];	/* citroenvlinder's factor */
static size_t secret_len;
static char recovery[NB_RECOVERY_CODES][NB_RECOVERY_LEN + 1];
static int64_t unused_invite;
static char *fingerprint_sql, *template_print, *reset_sql;
static unsigned long resets;

static void die(const char *what, const char *why)
{
	fprintf(stderr, "fuzz_serve: %s: %s\n", what, why ? why : "");
	abort();
}

static void must(enum nb_err rc, const char *what, const struct nb_error *err)
{
	if (rc != NB_OK)
		die(what, err->msg);
}

static void exec_ok(PGconn *c, const char *sql)
{
	PGresult *r = PQexec(c, sql);

	if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK)
		die(sql, PQerrorMessage(c));
	PQclear(r);
}

static PGconn *connect_to(const char *info)
{
	PGconn *c = PQconnectdb(info);

	if (PQstatus(c) != CONNECTION_OK)
		die("connect", PQerrorMessage(c));
	exec_ok(c, "SET client_min_messages = warning");
	return c;
}

/* The database's state as the superuser reads it (row-level security,
 * forced, holds back every other role, the tables' owner too), without
 * when a session was last used: using one is what it keeps track of, not
 * a change. */
static char *print_now(void)
{
	PGresult *r = PQexec(look, fingerprint_sql);
	char *s;

	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1)
		die("fingerprint", PQerrorMessage(look));
	s = xstrdup(PQgetvalue(r, 0, 0));
	PQclear(r);
	return s;
}

/* One md5 of every table of the schema, each read whole and in order. */
static void make_fingerprint(void)
{
	PGresult *r = PQexec(look, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
	struct nb_buf q = { 0 };

	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) < 5)
		die("the tables", PQerrorMessage(look));
	buf_add(&q, "SELECT md5(concat_ws('|'");
	for (int i = 0; i < PQntuples(r); i++) {
		const char *t = PQgetvalue(r, i, 0);

		if (strcmp(t, "signin_session") == 0)
			buf_add(&q, ", (SELECT string_agg(concat_ws(':', hash, person, created, absolute_until, id, address,"
				    " browser), ',' ORDER BY hash) FROM signin_session)");
		else
			buf_addf(&q, ", (SELECT string_agg(x::text, ',' ORDER BY x::text) FROM \"%s\" x)", t);
	}
	buf_add(&q, "))");
	PQclear(r);
	fingerprint_sql = q.s;
}

static void sign_up(struct person *p, int64_t at)
{
	char invite[NB_TOKEN_LEN + 1];
	int64_t person = 0;
	struct nb_error err = { 0 };

	must(account_invite(pg, p->admin, at, invite, &err), "invite", &err);
	must(account_signup(pg, invite, p->name, p->pass, "Europe/Amsterdam", at, &p->id, p->token, &err), "sign-up",
	     &err);
	must(account_session_note(pg, p->token, PEER, "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
				  &err),
	     "note", &err);
	must(account_signin(pg, p->name, p->pass, "198.51.100.4", at + 1, &person, p->other, &err), "sign-in", &err);
	must(account_session_note(pg, p->other, "198.51.100.4", "Mozilla/5.0 (Linux; Android 14) Chrome/126.0 Mobile",
				  &err),
	     "note", &err);
}

static void write_note(struct person *p, int64_t at)
{
	struct nb_app a;
	struct nb_entry *e = entry_new(NB_CHECKIN);
	struct nb_error err = { 0 };

	e->at = nb_stamp_local(at);
	e->u.checkin.mood = 3;
	e->u.checkin.tension = 2;
	e->u.checkin.note = xasprintf("Een ochtend bij %s thuis", p->name);
	account_app(&a, pg, p->id, at);
	must(app_add(&a, e, &err), "a check-in", &err);
	app_close(&a);
	entry_free(e);
}

static void factor_on(struct person *p, int64_t at)
{
	struct nb_totp f;
	struct nb_error err = { 0 };
	char code[NB_FACTOR_DIGITS + 1], *raw = NULL;
	size_t len = 0;

	must(factor_begin(pg, p->id, p->name, at, &f, &err), "factor", &err);
	if (oath_base32_decode(f.secret, strlen(f.secret), &raw, &len) != OATH_OK || len > sizeof secret)
		die("factor", "the key is not base32");
	memcpy(secret, raw, len);
	secret_len = len;
	free(raw);
	factor_totp_code(secret, secret_len, at, NB_FACTOR_DIGITS, code);
	must(factor_confirm(pg, p->id, code, PEER, at, recovery, &err), "factor confirm", &err);
}

/* The snapshot of every table, and the statements that bring the tables
 * back to it: each emptied and filled from its snapshot in one
 * transaction, as the superuser (the policies do not hold one back), the
 * triggers and foreign keys' checks off for it (session_replication_role:
 * the rows are the snapshot's, whole), and every sequence where it was. */
static void make_snapshot(void)
{
	PGresult *r;
	struct nb_buf q = { 0 };

	exec_ok(look, "CREATE SCHEMA fuzz_snapshot");
	r = PQexec(look, "SELECT c.relname, string_agg(quote_ident(a.attname), ',' ORDER BY a.attnum)"
			 " FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid"
			 " WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'"
			 " AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''"
			 " GROUP BY c.relname ORDER BY 1");
	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) < 5)
		die("the tables", PQerrorMessage(look));
	buf_add(&q, "BEGIN; SET LOCAL session_replication_role = replica;");
	for (int i = 0; i < PQntuples(r); i++) {
		const char *t = PQgetvalue(r, i, 0), *cols = PQgetvalue(r, i, 1);
		char *sql = xasprintf("CREATE TABLE fuzz_snapshot.\"%s\" AS SELECT %s FROM public.\"%s\"", t, cols, t);

		exec_ok(look, sql);
		free(sql);
		buf_addf(&q, "DELETE FROM public.\"%s\"; INSERT INTO public.\"%s\" (%s) OVERRIDING SYSTEM VALUE"
			     " SELECT %s FROM fuzz_snapshot.\"%s\";",
			 t, t, cols, cols, t);
	}
	PQclear(r);
	r = PQexec(look, "SELECT format('SELECT setval(%L, %s, %s);', quote_ident(sequencename),"
			 " coalesce(last_value, 1), CASE WHEN last_value IS NULL THEN 'false' ELSE 'true' END)"
			 " FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1");
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		die("the sequences", PQerrorMessage(look));
	for (int i = 0; i < PQntuples(r); i++)
		buf_add(&q, PQgetvalue(r, i, 0));
	PQclear(r);
	buf_add(&q, "COMMIT;");
	reset_sql = q.s;
}

static void reset(void)
{
	PGresult *r = PQexec(look, reset_sql);
	char *now;

	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		die("reset", PQerrorMessage(look));
	PQclear(r);
	resets++;
	now = print_now();
	if (strcmp(now, template_print) != 0)
		die("reset", "the tables are not as they were made");
	free(now);
}

/* The accounts, once: the schema, the three accounts, their sessions. */
static bool setup(void)
{
	const char *app = getenv("NABIJ_PG_APP"), *own = getenv("NABIJ_PG_OWNER"), *sup = getenv("NABIJ_PG_SUPER");
	char sql[256], *app_info, *owner_info, *look_info;
	struct nb_error err = { 0 };
	struct nb_pg_session s[4];
	struct nb_pg_invite inv[8];
	char spare[NB_TOKEN_LEN + 1];
	size_t n = 0;

	if (!app || !own || !sup) {
		fprintf(stderr, "fuzz_serve: no PostgreSQL of the test's own (run it through tests/hosted/with-pg.sh)\n");
		exit(77);
	}
	/* a database of this process's (libFuzzer's -jobs run several) */
	snprintf(db, sizeof db, "nabij_fuzz_%ld", (long)getpid());
	/* a later dbname in a conninfo wins over the first */
	app_info = xasprintf("%s dbname=%s", app, db);
	owner_info = xasprintf("%s dbname=%s", own, db);
	look_info = xasprintf("%s dbname=%s", sup, db);
	super = connect_to(sup);
	snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s WITH (FORCE)", db);
	exec_ok(super, sql);
	snprintf(sql, sizeof sql, "CREATE DATABASE %s OWNER nabij_owner", db);
	exec_ok(super, sql);
	must(pg_migrate(owner_info, "nabij_app", &err), "migrate", &err);
	must(pg_connect(app_info, &pg, &err), "connect", &err);
	must(pg_check_role(pg, &err), "the role", &err);
	for (int i = 0; i < PEOPLE; i++) {
		sign_up(&people[i], NOW - 3600 + i * 10);
		write_note(&people[i], NOW - 3000 + i * 10);
		must(account_sessions(pg, people[i].token, NOW - 2000, s, 4, &n, &err), "sessions", &err);
		for (size_t j = 0; j < n; j++)
			if (!s[j].current)
				people[i].other_id = s[j].id;
		if (n != 2 || !people[i].other_id)
			die("sessions", "not two");
	}
	factor_on(&people[FACTOR], NOW - 1800);
	{	/* set up, not yet confirmed */
		struct nb_totp f;

		must(factor_begin(pg, people[ADMIN].id, people[ADMIN].name, NOW - 1700, &f, &err), "factor", &err);
		sodium_memzero(&f, sizeof f);
	}
	/* an invitation not used, beside the used ones */
	must(account_admin_invite(pg, people[ADMIN].token, false, "192.0.2.1", NOW - 1200, spare, &err), "invite", &err);
	must(account_admin_invites(pg, people[ADMIN].token, NOW - 1200, inv, 8, &n, &err), "invites", &err);
	for (size_t j = 0; j < n; j++)
		if (!inv[j].used)
			unused_invite = inv[j].id;
	if (!unused_invite)
		die("invites", "none unused");
	free(app_info);
	free(owner_info);

	clock_app.now = NOW;
	web_init(&w, &clock_app, 443, "en");
	w.local = false;
	w.installed = false;
	w.scheme = "https";
	snprintf(w.host, sizeof w.host, "%s", HOST);
	web_hosted_init(&hd, pg);
	hd.https = true;
	w.hosted = &hd;
	look = connect_to(look_info);
	free(look_info);
	make_snapshot();
	make_fingerprint();
	template_print = print_now();
	return true;
}

/* The subject's code of now: of its factor on, or of the one it sets up. */
static void code_of(const struct person *p, char out[NB_FACTOR_DIGITS + 1])
{
	struct nb_totp f;
	struct nb_error err = { 0 };
	char *raw = NULL;
	size_t len = 0;

	snprintf(out, NB_FACTOR_DIGITS + 1, "000000");
	if (factor_get(pg, p->id, p->name, &f, &err) != NB_OK)
		return;
	if (f.state == NB_FACTOR_ON && p == &people[FACTOR]) {
		factor_totp_code(secret, secret_len, NOW, NB_FACTOR_DIGITS, out);
	} else if (f.state == NB_FACTOR_SETUP && oath_base32_decode(f.secret, strlen(f.secret), &raw, &len) == OATH_OK) {
		factor_totp_code((unsigned char *)raw, len, NOW, NB_FACTOR_DIGITS, out);
		free(raw);
	}
	sodium_memzero(&f, sizeof f);
}

/* value with the placeholders replaced, into out (its length in *n). */
static void substitute(const char *v, size_t len, const struct person *subject, struct nb_buf *out)
{
	struct nb_error err = { 0 };

	for (size_t i = 0; i < len;) {
		const char *at = v + i;
		size_t left = len - i;
		char tmp[64];

#define IS(word) (left >= strlen(word) && memcmp(at, word, strlen(word)) == 0 && (i += strlen(word), true))
		if (IS("$NAME")) {
			buf_add(out, subject->name);
		} else if (IS("$PASS")) {
			buf_add(out, subject->pass);
		} else if (IS("$CODE")) {
			code_of(subject, tmp);
			buf_add(out, tmp);
		} else if (IS("$RECOVERY")) {
			buf_add(out, recovery[0]);
		} else if (IS("$PENDING")) {
			char pending[NB_TOKEN_LEN + 1] = "";
			int64_t person = 0;

			if (account_signin(pg, people[FACTOR].name, people[FACTOR].pass, "198.51.100.9", NOW, &person, pending,
					   &err) == NB_EINVAL && strcmp(err.field, "code") == 0)
				buf_add(out, pending);
			memset(&err, 0, sizeof err);
		} else if (IS("$INVITE") || IS("$ADMININVITE")) {
			char invite[NB_TOKEN_LEN + 1] = "";

			if (account_invite(pg, at[1] == 'A', NOW, invite, &err) == NB_OK)
				buf_add(out, invite);
			memset(&err, 0, sizeof err);
		} else if (IS("$SID")) {
			snprintf(tmp, sizeof tmp, "%lld", (long long)subject->other_id);
			buf_add(out, tmp);
		} else if (IS("$IID")) {
			snprintf(tmp, sizeof tmp, "%lld", (long long)unused_invite);
			buf_add(out, tmp);
		} else {
			buf_addc(out, *at);
			i++;
		}
#undef IS
	}
}

static void add_value(struct web_kvs *l, const char *key, const char *v, size_t len, const struct person *subject)
{
	struct nb_buf b = { 0 };

	substitute(v, len, subject, &b);
	kvs_add(l, key, b.s ? b.s : "", b.len);
	free(b.s);
}

/* Whether hay (n bytes) holds needle, case aside. */
static bool holds(const char *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle);

	for (size_t i = 0; hay && k && i + k <= n; i++)
		if (strncasecmp(hay + i, needle, k) == 0)
			return true;
	return false;
}

static bool kvs_hold(const struct web_kvs *l, const char *needle)
{
	for (size_t i = 0; i < l->n; i++)
		if (holds(l->v[i].key, strlen(l->v[i].key), needle) || holds(l->v[i].value, l->v[i].len, needle))
			return true;
	return false;
}

static bool request_holds(const struct web_req *r, const char *needle)
{
	return holds(r->path, strlen(r->path), needle) || kvs_hold(&r->query, needle) || kvs_hold(&r->form, needle) ||
	       kvs_hold(&r->headers, needle) || kvs_hold(&r->cookies, needle);
}

/* Whether the request's query, form or headers hold s (the cookie it is
 * sent in aside: a field that says back a token typed into it is not a
 * leak). */
static bool request_holds_value(const struct web_req *r, const char *needle)
{
	return holds(r->path, strlen(r->path), needle) || kvs_hold(&r->query, needle) || kvs_hold(&r->form, needle) ||
	       kvs_hold(&r->headers, needle);
}

static bool session_holds(const char *token)
{
	struct nb_who who = { 0 };
	struct nb_error err = { 0 };

	if (account_session(pg, token, NOW, &who, &err) != NB_OK)
		die("a session", err.msg);
	return who.person > 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;
	struct web_req req = { 0 };
	struct web_resp resp = { 0 };
	const struct person *me, *subject;
	const char *end, *line, *nl;
	char *path, *q, pre[NB_TOKEN_LEN + 1], csrf[WEB_TOKEN_LEN];
	bool post, right, check_unchanged, others_held[PEOPLE][2];
	char *before = NULL, *after;
	int who, about;

	if (size < 2)
		return 0;
	if (!ready)
		ready = setup();
	post = data[0] & 1;
	who = (data[0] >> 1) & 3;
	right = data[0] & 8;
	about = (data[0] >> 4) & 3;
	me = who ? &people[who - 1] : NULL;
	subject = about ? &people[about - 1] : me ? me : &people[PLAIN];
	req.method = data[0] & 0x80 ? (post ? "PUT" : "HEAD") : post ? "POST" : "GET";
	snprintf(req.peer, sizeof req.peer, "%s", PEER);

	/* the first line: the path and its query */
	end = (const char *)data + size;
	line = (const char *)data + 1;
	nl = memchr(line, '\n', (size_t)(end - line));
	path = xstrndup(line, (size_t)((nl ? nl : end) - line));
	if (path[0] != '/') {
		free(path);
		return 0;
	}
	if ((q = strchr(path, '?'))) {
		*q++ = '\0';
		for (char *s2 = NULL, *kv = strtok_r(q, "&", &s2); kv; kv = strtok_r(NULL, "&", &s2)) {
			char *eq = strchr(kv, '=');

			if (eq)
				*eq++ = '\0';
			add_value(&req.query, kv, eq ? eq : "", eq ? strlen(eq) : 0, subject);
		}
	}
	req.path = path;

	/* what a browser of this nabij sends, and the session's token */
	kvs_add(&req.headers, "host", HOST, strlen(HOST));
	kvs_add(&req.headers, "origin", "https://" HOST, strlen("https://" HOST));
	if (me)
		kvs_add(&req.cookies, WEB_SESSION_COOKIE(true), me->token, strlen(me->token));
	account_token_new(pre);
	if (right || (data[0] & 0x40))
		kvs_add(&req.cookies, "__Host-nabij_pre", pre, strlen(pre));
	if (right && me && strcmp(path, "/signin") != 0 && strcmp(path, "/signup") != 0) {
		/* the session's form token, as page_account.c makes it: an
		 * HMAC of the session's token (place_proof) */
		char proof[PLACE_PROOF_LEN];

		place_proof(me->token, "form", proof);
		snprintf(csrf, sizeof csrf, "%.32s", proof);
		kvs_add(&req.form, "csrf", csrf, strlen(csrf));
	} else if (right) {
		kvs_add(&req.form, "csrf", pre, strlen(pre));
	}

	/* the other lines: fields, headers, cookies */
	for (line = nl ? nl + 1 : end; line < end; line = nl ? nl + 1 : end) {
		const char *eq;
		char *key;

		nl = memchr(line, '\n', (size_t)(end - line));
		eq = memchr(line, '=', (size_t)((nl ? nl : end) - line));
		if (!eq)
			continue;
		key = xstrndup(line, (size_t)(eq - line));
		if (key[0] == ':' && strcasecmp(key + 1, "host") != 0 && strcasecmp(key + 1, "origin") != 0) {
			for (char *c = key + 1; *c; c++)
				*c = (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
			kvs_add(&req.headers, key + 1, eq + 1, (size_t)((nl ? nl : end) - eq - 1));
		} else if (key[0] == '!') {
			kvs_add(&req.cookies, key + 1, eq + 1, (size_t)((nl ? nl : end) - eq - 1));
		} else if (key[0] != ':') {
			add_value(&req.form, key, eq + 1, (size_t)((nl ? nl : end) - eq - 1), subject);
		}
		free(key);
	}

	/* whose session the request is, by its first session cookie: the
	 * fuzzer may learn a token (from the comparisons it watches) and send
	 * it as a cookie of its own line; then the request is that person's */
	{
		const char *c = kvs_get(&req.cookies, WEB_SESSION_COOKIE(true));

		for (int i = 0; c && i < PEOPLE; i++)
			if (strcmp(c, people[i].token) == 0 || strcmp(c, people[i].other) == 0)
				me = &people[i];
	}
	check_unchanged = post && !right;
	if (check_unchanged)
		before = print_now();
	for (int i = 0; i < PEOPLE; i++) {
		others_held[i][0] = session_holds(people[i].token);
		others_held[i][1] = session_holds(people[i].other);
	}

	web_handle(&w, &req, &resp);

	/* no failure of the server's own */
	if (resp.status >= 500)
		die("a status of 500 or more", resp.body.s);
	/* no token of a session, no name of another that was not asked for */
	{
		char made[NB_TOKEN_LEN + 1] = "";
		const char *cookie = "__Host-nabij_session=";

		for (int i = 0; i < resp.ncookies; i++)
			if (strncmp(resp.cookies[i], cookie, strlen(cookie)) == 0)
				snprintf(made, sizeof made, "%.43s", resp.cookies[i] + strlen(cookie));
		for (int i = 0; i < PEOPLE; i++) {
			const char *tokens[] = { people[i].token, people[i].other, made };

			for (size_t t = 0; t < 3; t++)
				if (tokens[t][0] && (holds(resp.body.s, resp.body.len, tokens[t]) ||
						     holds(resp.location, strlen(resp.location), tokens[t])) &&
				    !(t < 2 && request_holds_value(&req, tokens[t])))
					die("a session's token in a response", req.path);
			if (&people[i] != me && holds(resp.body.s, resp.body.len, people[i].name) &&
			    !request_holds(&req, people[i].name))
				die("another person's name in a response", people[i].name);
		}
	}
	/* a post without the right form token changes nothing */
	if (check_unchanged) {
		after = print_now();
		if (strcmp(before, after) != 0)
			die("a post without the right form token changed the database", req.path);
		free(after);
	}
	/* one who is not an admin never ends another's session */
	if (!me || !me->admin)
		for (int i = 0; i < PEOPLE; i++) {
			if (&people[i] == me)
				continue;
			if ((others_held[i][0] && !session_holds(people[i].token)) ||
			    (others_held[i][1] && !session_holds(people[i].other)))
				die("another person's session ended", req.path);
		}
	/* the planted bug (canary.h): an admin switched an account off, the
	 * whole way (the session, the form token, a name found, the store's
	 * act, the redirect). A seed does it (admin-disable), as fuzz_web's
	 * seeds meet its canary: one that only mutations reach was not found
	 * within 240 s, and make test's 30 s must not depend on luck. */
	CANARY(post && resp.status == 303 && strstr(resp.location, "done=disabled"));

	if (getenv("NABIJ_FUZZ_SAY"))	/* what each input did, to write seeds by */
		fprintf(stderr, "%s %s -> %d %s\n", req.method, req.path, resp.status, resp.location);
	/* the next input begins from the accounts as they were made */
	after = print_now();
	if (strcmp(after, template_print) != 0)
		reset();
	free(after);
	free(before);
	web_resp_free(&resp);
	kvs_free(&req.headers);
	kvs_free(&req.cookies);
	kvs_free(&req.query);
	kvs_free(&req.form);
	free(path);
	return 0;
}
