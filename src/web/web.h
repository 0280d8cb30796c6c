/*
 * The local web UI (nabij ui). A request is turned into a struct web_req by
 * server.c (libmicrohttpd: headers, cookies, query and form fields already
 * parsed), handled by web_handle without any socket, and answered from a
 * struct web_resp. Everything between those two structs is plain C that
 * the tests call directly: routing, the central security checks, pages.
 */
#ifndef NB_WEB_H
#define NB_WEB_H

#include "app/app.h"
#include "core/buf.h"

#include <stdbool.h>
#include <stddef.h>

#define WEB_TOKEN_LEN 33

struct web_kv {
	char *key;
	char *value;	/* terminated; may also hold NUL bytes (uploads) */
	size_t len;
};

struct web_kvs {
	struct web_kv *v;
	size_t n, cap;
};

void kvs_add(struct web_kvs *l, const char *key, const char *value, size_t len);
/* Append to the value of the last entry with this key, or add it. */
void kvs_append(struct web_kvs *l, const char *key, const char *data, size_t len);
const char *kvs_get(const struct web_kvs *l, const char *key);
const struct web_kv *kvs_find(const struct web_kvs *l, const char *key);
void kvs_free(struct web_kvs *l);

struct web_req {
	const char *method;		/* "GET", "POST", ... */
	const char *path;		/* without the query */
	struct web_kvs headers;		/* names in lower case */
	struct web_kvs cookies;
	struct web_kvs query;
	struct web_kvs form;		/* POST fields, urlencoded or multipart */
	bool too_large;			/* the body was over the limit */
	char peer[64];			/* the client's address (the socket's), "" unknown */
};

struct web_resp {
	int status;
	const char *type;		/* content type */
	struct nb_buf body;
	char location[512];		/* for redirects */
	char cookies[3][256];		/* Set-Cookie values */
	int ncookies;
	bool cache;			/* static and immutable */
	char filename[64];		/* a download */
	const char *allow;		/* a 405's methods (Allow) */
};

/*
 * The server. In nabij ui it serves one person: the app, the session and
 * its form token, the zone are that person's. web_handle hands each page
 * what its request is for (struct page); pages do not read this struct,
 * except the local mode's file through p->local.
 */
struct web {
	struct nb_app *app;		/* the person's use-cases and store */
	const char *scheme;		/* of the public address: "http" for nabij ui */
	char host[256];			/* the host listened on: dotted IPv4, or IPv6 in brackets;
					 * hosted: the public address's host[:port], the only Host taken */
	int port;
	char token[WEB_TOKEN_LEN];	/* the session secret, in the opening address */
	char csrf[WEB_TOKEN_LEN];	/* the form token */
	const char *default_lang;	/* "nl" or "en" */
	const char *zone;		/* the person's time zone (a TZ value); NULL: the process's */
	size_t body_max;		/* bytes a POST may carry */
	bool local;			/* nabij ui: the routes of the local mode exist */
	/* the local mode's database file, changed by its routes alone */
	const char *db_path;		/* for /unlock and /protect */
	bool locked;			/* encrypted and not yet unlocked: only /unlock answers */
	int unlock_fails;		/* wrong passphrases in a row */
	double unlock_after;		/* no new try before this (CLOCK_MONOTONIC, s) */
	bool installed;			/* this program is the "nabij" on the PATH (the menu's) */
	struct web_hosted *hosted;	/* nabij serve: the accounts in front of the pages; NULL in nabij ui */
};

/*
 * The hosted mode (nabij serve): many people, each signed in with an
 * account, their records in PostgreSQL. web.c checks the public address
 * (Host, Origin) and routes; who a request is for is found by the
 * functions below, which page_account.c gives (web_accounts): reached
 * through pointers, so that the program nabij links none of the accounts
 * (nor libpq). Per request, open fills a page for the person of the
 * session (p->app, p->csrf, p->zone, p->lang) and close ends it.
 */
struct page;
struct nb_pg;
struct web_hosted {
	struct nb_pg *pg;		/* the worker's database connection */
	bool https;			/* the public address is https: Secure, __Host-, HSTS */
	bool trust_proxy;		/* X-Forwarded-For/-Proto of the proxy on this machine count */
	const char *zone;		/* the server's zone, for a person without one; NULL the process's */
	bool (*open)(struct page *p);	/* false: no session */
	void (*close)(struct page *p);
	void (*signin)(struct page *p);	/* GET and POST /signin */
	void (*signup)(struct page *p);	/* GET and POST /signup */
	void (*signout)(struct page *p);	/* POST /signout */
	void (*language)(struct page *p);	/* POST /language: the pages' language before signing in */
	void (*factor)(struct page *p);	/* GET and POST /account/factor (page_factor.c) */
	void (*you)(struct page *p);	/* /account (signed in) and /goodbye: page_you.c */
	void (*access)(struct page *p, int what);	/* a line of the person's access log (enum web_access) */
	void (*admin_page)(struct page *p);	/* /admin, an admin's alone: page_admin.c */
	int64_t person;
	bool admin;			/* the request's person is an admin (the menu's link; the store checks again) */			/* the request's person, between open and close */
	/* the request's, between open and close */
	struct nb_app app;
	char csrf[WEB_TOKEN_LEN];
	char session[48];		/* the session's token (from the cookie) */
	char zone_now[72];		/* the person's zone */
	char name[72];			/* the signed-in person's account's name */
};
/* What a page of both modes tells the hosted access log (page_access). */
enum web_access { WEB_ACCESS_EXPORT, WEB_ACCESS_IMPORT };
/* Fill hd for the worker's connection pg with page_account.c's functions
 * (the rest, https, trust_proxy and zone, is the caller's to set). */
void web_hosted_init(struct web_hosted *hd, struct nb_pg *pg);
/* The page of the second factor (page_factor.c), nabij-serve's alone. */
void web_page_factor(struct page *p);
/* The admin page (page_admin.c), nabij-serve's alone. */
void web_page_admin(struct page *p);
/* The cookie of a session, by the public address's scheme. */
#define WEB_SESSION_COOKIE(https) ((https) ? "__Host-nabij_session" : "nabij_session")

#define WEB_BODY_MAX ((size_t)64 << 10)
#define WEB_UPLOAD_MAX ((size_t)64 << 20)

/* The address a request came from, for the sign-in limit: the socket's,
 * or behind a trusted proxy the last of X-Forwarded-For (the one the
 * proxy added). */
const char *web_peer(const struct web *w, const struct web_req *req);

/* Make a server state with fresh secrets. */
void web_init(struct web *w, struct nb_app *app, int port, const char *lang);
/* Take token as the session secret (and the form token that follows from it). */
void web_set_token(struct web *w, const char *token);
/* Sign every browser out: a new session secret, remembered beside the
 * database; the browser of resp gets it, so it alone stays signed in. */
void web_new_session(struct web *w, struct web_resp *resp);

/* Whether a request may go on to send its body: our Host, a session and,
 * for a POST, a same origin. Asked before the body is read, so that a
 * refused request costs no memory; web_handle asks it all again. */
bool web_admit(const struct web *w, const struct web_req *req);

/* The path of route i of nabij ui's route table (a prefix when it ends in
 * '/'), NULL past the last: for tests that visit every page. The routes of
 * nabij serve alone (signing in, up and out) are tests/hosted/serve.sh's. */
const char *web_route_path(size_t i);

/* Answer one request. resp must be zeroed; release it with web_resp_free. */
void web_handle(struct web *w, const struct web_req *req, struct web_resp *resp);
void web_resp_free(struct web_resp *resp);

/* The headers every response carries (Content-Security-Policy and friends),
 * as name/value pairs ending with NULL. */
extern const char *const web_security_headers[];

struct web_opts {
	int port;		/* 0 picks a free one */
	bool open_browser;
	const char *lang;
	const char *db_path;
	bool locked;		/* the database waits for its passphrase (/unlock) */
	bool stop;		/* stop the nabij that runs for this database */
	bool address;		/* print the address with the secret that signs in */
	int lock_fd;		/* the lock that says this process serves the database; -1 none */
};

/* When a nabij ui already runs for o->db_path: open it in the browser (or
 * stop it, with o->stop) and give the exit status. -1 when none runs: then
 * this process holds the lock (o->lock_fd) and is the one to serve. */
int web_running(struct web_opts *o);

/* Run the server until interrupted; prints the address to open. */
int web_serve(struct nb_app *app, const struct web_opts *o);

/*
 * A worker of nabij serve: libmicrohttpd in this one thread on the
 * listening socket fd that the parent opened and every worker shares,
 * serving w (hosted) one request at a time, until SIGTERM or SIGINT.
 * tls_cert and tls_key: PEM text for HTTPS, NULL for plain HTTP. The exit
 * status: 0 after a signal, 1 when it could not start.
 */
struct web_worker {
	int fd;
	const char *tls_cert, *tls_key;
	unsigned conn_limit;	/* connections at a time; the rest wait in the socket's queue */
};
int web_serve_worker(struct web *w, const struct web_worker *o);

#endif
