/*
 * The heart of the web face: one route table, and the checks every request
 * passes before a page runs: the Host header (against DNS rebinding), the
 * session secret (from the opening address, then an HttpOnly cookie), and
 * for every POST the form token and a same-origin Origin or Referer. Here
 * a request gets its context (struct page: the person's app, form token,
 * language and zone), and the language and zone are applied.
 */
#include "web.h"
#include "page.h"
#include "place.h"
#include "core/i18n.h"
#include "core/uid.h"
#include "core/xalloc.h"

#include <sodium.h>

#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

const char *const web_security_headers[] = {
	"Content-Security-Policy",
	"default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
	"X-Frame-Options", "DENY",
	"X-Content-Type-Options", "nosniff",
	"Referrer-Policy", "no-referrer",
	"Cross-Origin-Opener-Policy", "same-origin",
	"Cross-Origin-Resource-Policy", "same-origin",
	NULL,
};

void kvs_add(struct web_kvs *l, const char *key, const char *value, size_t len)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n].key = xstrdup(key);
	l->v[l->n].value = xstrndup(value ? value : "", value ? len : 0);
	l->v[l->n].len = value ? len : 0;
	l->n++;
}

void kvs_append(struct web_kvs *l, const char *key, const char *data, size_t len)
{
	struct web_kv *kv = l->n && strcmp(l->v[l->n - 1].key, key) == 0 ? &l->v[l->n - 1] : NULL;

	if (!kv) {
		kvs_add(l, key, data, len);
		return;
	}
	kv->value = xrealloc(kv->value, kv->len + len + 1);
	memcpy(kv->value + kv->len, data, len);
	kv->len += len;
	kv->value[kv->len] = '\0';
}

const struct web_kv *kvs_find(const struct web_kvs *l, const char *key)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, key) == 0)
			return &l->v[i];
	return NULL;
}

const char *kvs_get(const struct web_kvs *l, const char *key)
{
	const struct web_kv *kv = kvs_find(l, key);

	return kv ? kv->value : NULL;
}

void kvs_free(struct web_kvs *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].key);
		free(l->v[i].value);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

void web_init(struct web *w, struct nb_app *app, int port, const char *lang)
{
	memset(w, 0, sizeof *w);
	w->app = app;
	w->scheme = "http";
	snprintf(w->host, sizeof w->host, "127.0.0.1");
	w->port = port;
	uid_new(w->token);
	web_set_token(w, w->token);
	w->default_lang = lang && strcmp(lang, "nl") == 0 ? "nl" : "en";
	w->body_max = WEB_BODY_MAX;
	w->local = true;
	w->installed = true;
}

/*
 * The form token follows from the session secret (an HMAC of it): a form
 * left open while nabij restarted on the same address still sends, and
 * signing every browser out ends the old forms with the old sessions.
 */
void web_set_token(struct web *w, const char *token)
{
	char proof[PLACE_PROOF_LEN];

	if (token != w->token)
		snprintf(w->token, sizeof w->token, "%s", token);
	place_proof(w->token, "form", proof);
	snprintf(w->csrf, sizeof w->csrf, "%.32s", proof);
	sodium_memzero(proof, sizeof proof);
}

void web_new_session(struct web *w, struct web_resp *resp)
{
	struct place pl = { .port = w->port };
	unsigned a, b, c, d;

	uid_new(w->token);
	web_set_token(w, w->token);
	if (sscanf(w->host, "%u.%u.%u.%u", &a, &b, &c, &d) == 4) {
		pl.ip = a << 24 | b << 16 | c << 8 | d;
		memcpy(pl.token, w->token, sizeof pl.token);
		(void)place_save(w->db_path, &pl);	/* if not, removed: the next start draws anew */
	}
	if (resp->ncookies < 3)
		snprintf(resp->cookies[resp->ncookies++], sizeof resp->cookies[0],
			 "nabij_session=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000", w->token);
}

void web_resp_free(struct web_resp *resp)
{
	buf_free(&resp->body);
}

/* Only the address we listen on (dotted IPv4, or IPv6 in brackets), with
 * our port: a page elsewhere that points a name of its own at it gets
 * nothing. On 127.0.0.1 or ::1, also this machine's names for them. */
static bool host_ok(const struct web *w, const char *host)
{
	static const char *const names[] = { "127.0.0.1", "localhost", "[::1]" };
	bool plain = strcmp(w->host, "127.0.0.1") == 0 || strcmp(w->host, "[::1]") == 0;
	char want[300];

	if (!host)
		return false;
	if (w->hosted)	/* the public address's host (and port), nothing else */
		return strcasecmp(host, w->host) == 0;
	for (size_t i = 0; i < (plain ? 3 : 1); i++) {
		snprintf(want, sizeof want, "%s:%d", plain ? names[i] : w->host, w->port);
		if (strcasecmp(host, want) == 0)
			return true;
	}
	return false;
}

/* Constant-time comparison of a value that came with a request (kv, may
 * be NULL) and a secret of ours: the whole value, NUL bytes included. */
static bool same_secret(const struct web_kv *kv, const char *b)
{
	const char *a = kv ? kv->value : NULL;
	unsigned diff = 0;
	size_t n;

	if (!a || !b || (n = strlen(b)) != kv->len)
		return false;
	for (size_t i = 0; i < n; i++)
		diff |= (unsigned)(a[i] ^ b[i]);
	return diff == 0;
}

/* The key of the first value in l that holds a NUL byte, or NULL. Every
 * page reads values as C strings, so such a value would be cut short
 * without a word; an uploaded file (KEY.filename is there) may hold any
 * byte. */
static const char *zero_byte(const struct web_kvs *l)
{
	char name[128];

	for (size_t i = 0; i < l->n; i++) {
		if (!memchr(l->v[i].value, '\0', l->v[i].len))
			continue;
		snprintf(name, sizeof name, "%s.filename", l->v[i].key);
		if (!kvs_find(l, name))
			return l->v[i].key;
	}
	return NULL;
}

/* 400, naming the field (what/key: a format with one %s, and the key) */
static void refuse_zero(struct page *p, const char *what, const char *key)
{
	char short_key[64], *msg;

	snprintf(short_key, sizeof short_key, "%s", key);
	msg = xasprintf(what, short_key);
	page_fail(p, 400, msg);
	free(msg);
}

/*
 * The request comes from a page of this very server: its Origin names us
 * (our scheme, and the Host that host_ok let in), or failing that its
 * Referer. Our own pages send no Referer and, because of that policy,
 * browsers send "Origin: null" with their forms; then the browser's own
 * Sec-Fetch-Site, which no page can set, must say same-origin.
 */
static bool same_origin(const struct web *w, const struct web_req *req)
{
	const char *host = kvs_get(&req->headers, "host");
	const char *origin = kvs_get(&req->headers, "origin");
	const char *referer = kvs_get(&req->headers, "referer");
	const char *site = kvs_get(&req->headers, "sec-fetch-site");
	char want[128];
	size_t n;

	if (!host)
		return false;
	if (site && strcmp(site, "same-origin") != 0)
		return false;
	n = (size_t)snprintf(want, sizeof want, "%s://%s", w->scheme, host);
	if (n >= sizeof want)
		return false;
	if (origin && strcmp(origin, "null") != 0)
		return strcmp(origin, want) == 0;
	if (referer)
		return strncmp(referer, want, n) == 0 && (referer[n] == '/' || !referer[n]);
	return site != NULL;
}

/* The language of this request: the person's choice (cookie), else what
 * the browser prefers, else what nabij was started with. */
static const char *request_lang(const struct web *w, const struct web_req *req)
{
	const char *c = kvs_get(&req->cookies, "nabij_lang");
	const char *accept = kvs_get(&req->headers, "accept-language");

	if (c && (strcmp(c, "nl") == 0 || strcmp(c, "en") == 0))
		return strcmp(c, "nl") == 0 ? "nl" : "en";
	if (accept && strncasecmp(accept, "nl", 2) == 0)
		return "nl";
	if (accept && strncasecmp(accept, "en", 2) == 0)
		return "en";
	return w->default_lang;
}

/* gettext caches its lookups; this counter tells it the language changed. */
extern int _nl_msg_cat_cntr;

/* The language and the zone of a request, for the whole process: a worker
 * serves one request at a time (see "Mutable statics: src/web" in
 * docs/ARCHITECTURE.md). */
static void use_lang(const char *lang)
{
	const char *now = getenv("LANGUAGE");

	if (now && strcmp(now, lang) == 0)
		return;
	setenv("LANGUAGE", lang, 1);
	++_nl_msg_cat_cntr;
}

/* NULL leaves the process's zone (nabij ui: the person's own, from TZ or
 * the system); a server of people in several zones gives each request one. */
static void use_zone(const char *zone)
{
	const char *now = getenv("TZ");

	if (!zone || (now && strcmp(now, zone) == 0))
		return;
	setenv("TZ", zone, 1);
	tzset();	/* localtime_r does not look at TZ again by itself */
}

/* A page for someone who reached the server without the session secret:
 * an old bookmark, another browser, cleared cookies. */
static void page_locked(struct page *p)
{
	p->resp->status = 403;
	page_begin(p, _("Open nabij again to go on"), NULL);
	h(p, "<h1>%s</h1><p>%s</p>", _("Open nabij again to go on"),
	  _("This browser is not signed in to nabij right now. Nothing you wrote is lost: it is all still on this computer."));
	if (p->w->installed)
		h(p, "<ul><li>%s</li><li>%s</li></ul>",
		  _("Open nabij from your applications menu (the nabij icon). It opens this page again, signed in."),
		  _("Or, in a terminal, type: nabij ui"));
	else	/* run from its folder (make run): no menu entry, no command */
		h(p, "<p>%s</p>",
		  _("Start nabij again the way you started it, for example with \"make run\" in its folder. It opens this page again, signed in."));
	h(p, "<p>%s</p>",
	  _("nabij only opens this way so that no other page or program on this computer can read your notes."));
	page_end(p);
}

static void page_static(struct page *p);
struct route;
static void web_handle_person(struct page *p, const struct route *r);
/* nabij serve's, through w->hosted: nabij does not link page_account.c */
static void page_signin(struct page *p)
{
	p->w->hosted->signin(p);
}

static void page_signup(struct page *p)
{
	p->w->hosted->signup(p);
}

static void page_signout(struct page *p)
{
	p->w->hosted->signout(p);
}

static void page_language(struct page *p)
{
	p->w->hosted->language(p);
}

static void page_factor(struct page *p)
{
	p->w->hosted->factor(p);
}

static void page_account(struct page *p)
{
	p->w->hosted->you(p);
}

static void page_admin(struct page *p)
{
	p->w->hosted->admin_page(p);
}

void page_access(struct page *p, int what)
{
	if (p->w->hosted && p->w->hosted->access)
		p->w->hosted->access(p, what);
}

static const struct route *find_route(const struct web *w, const char *path);
static bool own_path(const struct web *w, const char *s);

/*
 * The opening address was followed: the cookie is set, and the secret
 * leaves the address. A browser sends a SameSite=Strict cookie on a
 * redirect only when the navigation began on this site or with the person
 * (an address typed, a bookmark: Sec-Fetch-Site none). When nabij opened the
 * browser through its page in a private folder, the navigation began on
 * that file, so the next page is reached from here instead, by a page of
 * this address that moves on at once.
 */
static void signed_in(struct page *p)
{
	const char *site = kvs_get(&p->req->headers, "sec-fetch-site");
	const char *path = own_path(p->w, p->req->path) ? p->req->path : "/";

	if (!site || strcmp(site, "none") == 0 || strcmp(site, "same-origin") == 0) {
		page_redirect(p, "%s", path);
		return;
	}
	page_begin(p, _("Opening nabij"), NULL);
	/* the page's head is written by page_begin; a refresh in the body
	 * is honoured all the same */
	h(p, "<meta http-equiv=\"refresh\" content=\"0;url=%s\"><p><a href=\"%s\">%s</a></p>", path, path,
	  _("Opening nabij"));
	page_end(p);
}

/* The answer to a second nabij ui that asks whether this server knows the
 * secret it remembers: the proof, never the secret. */
static void page_proof(struct page *p, const struct web_kv *nonce)
{
	char proof[PLACE_PROOF_LEN];
	bool ok = nonce && nonce->len == NB_UID_LEN - 1;

	for (size_t i = 0; ok && i < nonce->len; i++)
		ok = strchr("0123456789abcdef", nonce->value[i]) && nonce->value[i];
	if (!ok) {
		page_fail(p, 400, _("There is no such page in nabij."));
		return;
	}
	place_proof(p->w->token, nonce->value, proof);
	p->resp->type = "text/plain; charset=utf-8";
	buf_addn(p->b, proof, PLACE_PROOF_LEN - 1);
}

/*
 * A form of this nabij, from this browser, whose form token is an old one:
 * the page was open while every browser was signed out, or from an older
 * start. Nothing is saved; what was typed comes back with one calm sentence
 * and a button that sends it again with the current token. A passphrase is
 * never sent back.
 */
static void page_resend(struct page *p)
{
	const struct web_req *req = p->req;
	bool secret = false, shown = false;

	p->resp->status = 409;
	page_begin(p, _("Send it again"), NULL);
	h(p, "<h1>%s</h1><p>%s</p>", _("Send it again"),
	  _("This page was opened before your sign-in changed, so nothing was saved yet. What you wrote is still here: look it over and send it again."));
	for (size_t i = 0; i < req->form.n; i++)
		if (strstr(req->form.v[i].key, "pass") || strcmp(req->form.v[i].key, "old") == 0 ||
		    strstr(req->form.v[i].key, ".filename") || strcmp(req->form.v[i].key, "file") == 0)
			secret = true;
	if (secret) {
		h(p, "<p>%s</p><p><a class=\"button\" href=\"%s\">%s</a></p>",
		  _("A passphrase or a file is never sent back; please open the page again."),
		  own_path(p->w, req->path) ? req->path : "/", _("Open the page again"));
		page_end(p);
		return;
	}
	form_begin(p, req->path, NULL);
	for (size_t i = 0; i < req->form.n; i++) {
		const struct web_kv *kv = &req->form.v[i];

		if (strcmp(kv->key, "csrf") == 0)
			continue;
		h(p, "<input type=\"hidden\" name=\"%s\" value=\"%s\">", kv->key, kv->value);
		/* the words a person typed; not numbers, dates or our own paths */
		if (strlen(kv->value) > 2 && kv->value[0] != '/' &&
		    strspn(kv->value, "0123456789-:T ") != strlen(kv->value)) {
			if (!shown)
				h(p, "<p>%s</p><ul class=\"kept\">", _("What you wrote:"));
			h(p, "<li>%s</li>", kv->value);
			shown = true;
		}
	}
	if (shown)
		h(p, "</ul>");
	form_end(p, _("Send again"));
	page_end(p);
}

/* A page of this nabij to go back to: a path of one of our routes, with no
 * way for a browser to read it as another host ("//x", "/\\x"). */
static bool own_path(const struct web *w, const char *s)
{
	char path[256];
	size_t n;

	if (!s || s[0] != '/' || strlen(s) >= sizeof path)
		return false;
	for (const char *c = s; *c; c++)
		if (*c == '\\' || (unsigned char)*c < 0x20 || *c == 0x7f)
			return false;
	if (s[1] == '/')
		return false;
	n = strcspn(s, "?#");
	memcpy(path, s, n);
	path[n] = '\0';
	return find_route(w, path) != NULL;
}

static void set_lang(struct page *p)
{
	const char *to = fval(p, "lang");

	if (!to || (strcmp(to, "nl") != 0 && strcmp(to, "en") != 0)) {
		page_fail(p, 400, _("That language is not available."));
		return;
	}
	snprintf(p->resp->cookies[p->resp->ncookies++], sizeof p->resp->cookies[0],
		 "nabij_lang=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000", to);
	page_redirect(p, "%s", own_path(p->w, fval(p, "back")) ? fval(p, "back") : "/");
}

/*
 * The route table. A row's flags: R_POST, it also takes a POST; R_PERSON,
 * it is for a person, so only with the session (without it, page_locked);
 * R_LOCAL, it exists only in the local mode (nabij ui: the database file on
 * this computer and its passphrase), in another it is no page at all;
 * R_HOSTED, it exists only in nabij serve (signing in, up and out: before
 * a session, so they check their own form tokens, page_account.c; with
 * R_PERSON, a person's page as the others, after the session's checks). A
 * row without R_PERSON is answered before the session and the form checks,
 * to GET and HEAD only; it reads no store.
 */
enum { R_POST = 1, R_PERSON = 2, R_LOCAL = 4, R_HOSTED = 8 };

struct route {
	const char *path;	/* exact, or a prefix when it ends in '/' */
	void (*page)(struct page *p);
	unsigned flags;
};

static const struct route routes[] = {
	{ "/", page_today, R_PERSON },
	{ "/checkin", page_checkin, R_PERSON | R_POST },
	{ "/moment", page_moment, R_PERSON | R_POST },
	{ "/trigger", page_trigger, R_PERSON | R_POST },
	{ "/trigger/", page_trigger, R_PERSON | R_POST },
	{ "/circle", page_circle, R_PERSON | R_POST },
	{ "/circle/", page_circle, R_PERSON | R_POST },
	{ "/card", page_card, R_PERSON },
	{ "/beside", page_beside, R_PERSON | R_POST },
	{ "/exercises", page_exercises, R_PERSON },
	{ "/exercise/", page_exercise, R_PERSON | R_POST },
	{ "/reflect", page_reflect, R_PERSON | R_POST },
	{ "/attachment", page_attachment, R_PERSON | R_POST },
	{ "/week", page_week, R_PERSON | R_POST },
	{ "/phases", page_phases, R_PERSON | R_POST },
	{ "/history", page_history, R_PERSON },
	{ "/r/", page_record, R_PERSON | R_POST },
	{ "/undo", page_undo, R_PERSON | R_POST },
	{ "/charts", page_charts, R_PERSON },
	{ "/insights", page_insights, R_PERSON },
	{ "/insights/how", page_insights_how, R_PERSON },
	{ "/report.pdf", page_report, R_PERSON },
	{ "/data", page_data, R_PERSON | R_POST },
	{ "/export.json", page_export, R_PERSON },
	{ "/export.csv", page_export, R_PERSON },
	{ "/help", page_help, R_PERSON },
	{ "/help/beside", page_help, R_PERSON },
	{ "/help/experiment", page_help, R_PERSON },
	{ "/experiment", page_experiment, R_PERSON | R_POST },
	{ "/lang", set_lang, R_PERSON | R_POST },
	{ "/unlock", page_unlock, R_PERSON | R_POST | R_LOCAL },	/* and setting locked notes aside */
	{ "/protect", page_protect, R_PERSON | R_POST | R_LOCAL },	/* a passphrase set, changed, removed */
	{ "/signin", page_signin, R_HOSTED | R_POST },
	{ "/signup", page_signup, R_HOSTED | R_POST },
	{ "/signout", page_signout, R_HOSTED | R_POST },
	{ "/language", page_language, R_HOSTED | R_POST },	/* the language, before signing in */
	{ "/account/factor", page_factor, R_PERSON | R_POST | R_HOSTED },	/* the second factor */
	{ "/account", page_account, R_HOSTED | R_PERSON | R_POST },	/* one's own sessions, password, log, data */
	{ "/goodbye", page_account, R_HOSTED },	/* after the account was deleted */
	{ "/admin", page_admin, R_HOSTED | R_PERSON | R_POST },	/* an admin's alone: 404 for anyone else */
	{ "/static/", page_static, 0 },
};

const char *web_route_path(size_t i)
{
	for (size_t j = 0; j < sizeof routes / sizeof routes[0]; j++)
		if (!(routes[j].flags & R_HOSTED) && i-- == 0)
			return routes[j].path;
	return NULL;
}

/* The row of path, among the routes that exist in w's mode; NULL for none. */
static const struct route *find_route(const struct web *w, const char *path)
{
	for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
		size_t n = strlen(routes[i].path);
		bool prefix = n > 1 && routes[i].path[n - 1] == '/';

		if ((routes[i].flags & R_LOCAL) && !w->local)
			continue;
		if ((routes[i].flags & R_HOSTED) && !w->hosted)
			continue;
		if (prefix ? strncmp(path, routes[i].path, n) == 0 && path[n]
			   : strcmp(path, routes[i].path) == 0)
			return &routes[i];
	}
	return NULL;
}

/* Whether the request carries the session: nabij ui has one person and
 * one session secret (a hosted mode would find the person by it). */
static bool has_session(const struct web *w, const struct web_req *req)
{
	return same_secret(kvs_find(&req->cookies, "nabij_session"), w->token);
}

bool web_admit(const struct web *w, const struct web_req *req)
{
	bool post = strcmp(req->method, "POST") == 0;

	if (w->hosted)	/* the session is looked up in the database later */
		return host_ok(w, kvs_get(&req->headers, "host")) && (!post || same_origin(w, req));
	return host_ok(w, kvs_get(&req->headers, "host")) && has_session(w, req) &&
	       (!post || same_origin(w, req));
}

const char *web_peer(const struct web *w, const struct web_req *req)
{
	const char *fwd = kvs_get(&req->headers, "x-forwarded-for");
	const char *last;

	if (!w->hosted || !w->hosted->trust_proxy || !fwd || !*fwd)
		return req->peer;
	last = strrchr(fwd, ',');	/* the proxy appends the address it saw */
	last = last ? last + 1 : fwd;
	while (*last == ' ')
		last++;
	return *last ? last : req->peer;
}

/* Behind a proxy of this machine that ends TLS for an https address, a
 * request that reached the proxy over plain HTTP: it goes to https. */
static bool plain_behind_proxy(const struct web *w, const struct web_req *req)
{
	const char *proto = kvs_get(&req->headers, "x-forwarded-proto");

	return w->hosted && w->hosted->https && w->hosted->trust_proxy && proto && strcasecmp(proto, "https") != 0;
}

void page_new_session(struct page *p)
{
	web_new_session(p->w, p->resp);
}

/*
 * A request and what it is for. In nabij ui: the one person's app, file
 * and zone, the language this browser asks for, and the session's form
 * token once the request shows the session. The language and the zone
 * are applied here, for the whole request, before any page runs.
 */
/* A method the route does not take: 405, with the ones it does (Allow). */
static void not_allowed(struct page *p, bool post)
{
	page_fail(p, 405, _("This page cannot be sent to."));
	p->resp->allow = post ? "GET, HEAD, POST" : "GET, HEAD";
}

void web_handle(struct web *w, const struct web_req *req, struct web_resp *resp)
{
	struct page p = { .w = w, .req = req, .resp = resp, .b = &resp->body, .app = w->app,
			  .lang = request_lang(w, req), .zone = w->zone, .local = w->local ? w : NULL,
			  .hosted = w->hosted != NULL };
	const struct route *r;
	const struct web_kv *token = kvs_find(&req->query, "token");
	bool post = strcmp(req->method, "POST") == 0;
	const char *bad;

	resp->status = 200;
	resp->type = "text/html; charset=utf-8";
	buf_reserve(&resp->body, 32768);	/* a page at once, not grown eight times */
	use_lang(p.lang);
	use_zone(p.zone);
	nb_day_key(nb_stamp_local(p.app->now), p.today);
	if (!host_ok(w, kvs_get(&req->headers, "host"))) {
		page_fail(&p, 421, w->hosted ? _("This address is not this nabij's. Open nabij with its own address.")
					     : _("This address is not nabij's. Open nabij with the address it printed."));
		return;
	}
	if (plain_behind_proxy(w, req)) {
		if (post) {
			page_fail(&p, 403, _("nabij is reached over https only. Nothing was sent; open its https address."));
		} else {
			page_redirect(&p, "https://%s%s", w->host, own_path(w, req->path) ? req->path : "/");
			resp->status = 301;
		}
		return;
	}
	r = find_route(w, req->path);
	if (r ? !(r->flags & (R_PERSON | R_HOSTED)) : strcmp(req->path, "/favicon.ico") == 0) {
		if (strcmp(req->method, "GET") != 0 && strcmp(req->method, "HEAD") != 0)
			not_allowed(&p, false);
		else	/* the style sheet, script and icon are not secret */
			(r ? r->page : page_static)(&p);
		return;
	}
	if (r && (r->flags & R_HOSTED) && !(r->flags & R_PERSON)) {	/* signing in, up, out: their own form tokens */
		if (post && !(r->flags & R_POST))	/* /goodbye is a page to read */
			not_allowed(&p, false);
		else if (post && req->too_large)
			page_fail(&p, 413, _("What was sent is too large for nabij."));
		else if (post && !same_origin(w, req))
			page_fail(&p, 403, _("This form did not come from this nabij page, so nothing was changed. Please go back, reload the page and try again."));
		else if ((bad = zero_byte(post ? &req->form : &req->query)))
			refuse_zero(&p, _("The field \"%s\" holds a zero byte, which nabij cannot keep as text. Nothing was saved."),
				    bad);
		else if (!post && strcmp(req->method, "GET") != 0 && strcmp(req->method, "HEAD") != 0)
			not_allowed(&p, true);
		else
			r->page(&p);
		return;
	}
	if (w->hosted) {
		if (!w->hosted->open(&p)) {	/* no session (or it ended) */
			if (p.failed.code) {	/* or none could be looked up: nothing is lost */
				memset(&p.failed, 0, sizeof p.failed);
				page_fail(&p, 503, _("nabij cannot reach its database right now. Nothing you wrote before is lost, and you are still signed in; please try again in a minute."));
			} else if (post)
				page_fail(&p, 403, _("You are not signed in (any more), so nothing was changed. Please sign in and try again."));
			else
				page_redirect(&p, "/signin");
			return;
		}
		use_lang(p.lang);
		use_zone(p.zone);
		nb_day_key(nb_stamp_local(p.app->now), p.today);
	} else {
		if (strcmp(req->path, "/proof") == 0 && !post) {	/* no session: see place.h */
			page_proof(&p, kvs_find(&req->query, "nonce"));
			return;
		}
		if (token && !post && same_secret(token, w->token)) {	/* the opening address */
			snprintf(resp->cookies[resp->ncookies++], sizeof resp->cookies[0],
				 "nabij_session=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000", w->token);
			signed_in(&p);
			return;
		}
		if (!has_session(w, req)) {	/* every other row is R_PERSON */
			page_locked(&p);
			return;
		}
		p.csrf = w->csrf;
	}
	web_handle_person(&p, r);
	if (w->hosted)
		w->hosted->close(&p);
}

/* The rest of a request of a person's route r, with the session found. */
static void web_handle_person(struct page *p, const struct route *r)
{
	struct web *w = p->w;
	const struct web_req *req = p->req;
	struct web_resp *resp = p->resp;
	bool post = strcmp(req->method, "POST") == 0;
	const char *bad;

	if (!r) {
		page_fail(p, 404, _("There is no such page in nabij."));
		return;
	}
	if ((bad = zero_byte(&req->query))) {
		refuse_zero(p, _("The address holds a zero byte in \"%s\", which nabij cannot read."), bad);
		return;
	}
	if (w->locked && r->page != page_unlock && r->page != set_lang) {
		page_redirect(p, "/unlock");	/* nothing is read before the passphrase */
		return;
	}
	if (post) {
		if (!(r->flags & R_POST)) {
			not_allowed(p, false);
			return;
		}
		if (req->too_large) {
			page_fail(p, 413, _("What was sent is too large for nabij."));
			return;
		}
		if (!same_origin(w, req)) {
			page_fail(p, 403, _("This form did not come from this nabij page, so nothing was changed. Please go back, reload the page and try again."));
			return;
		}
		if (!same_secret(kvs_find(&req->form, "csrf"), p->csrf)) {
			const struct web_kv *old = kvs_find(&req->form, "csrf");

			if (old && old->len == NB_UID_LEN - 1 && uid_valid(old->value))
				page_resend(p);	/* ours, but from before: keep what was typed */
			else
				page_fail(p, 403, _("This form did not come from this nabij page, so nothing was changed. Please go back, reload the page and try again."));
			return;
		}
		if ((bad = zero_byte(&req->form))) {
			refuse_zero(p, _("The field \"%s\" holds a zero byte, which nabij cannot keep as text. Nothing was saved."),
				    bad);
			return;
		}
		p->posted = true;
	} else if (strcmp(req->method, "GET") != 0 && strcmp(req->method, "HEAD") != 0) {
		not_allowed(p, r->flags & R_POST);
		return;
	}
	/* what a page shows is one read transaction (a POST writes, and may
	 * open the database anew) */
	if (!post && app_read_begin(p->app, &p->failed) != NB_OK) {
		page_fail(p, 500, p->failed.msg);
		return;
	}
	r->page(p);
	if (!post)
		app_read_end(p->app);
	if (p->failed.code) {	/* a read failed: nothing of the page goes out */
		resp->ncookies = 0;
		resp->filename[0] = '\0';
		resp->type = "text/html; charset=utf-8";
		resp->cache = false;
		page_fail(p, 500, p->failed.msg);
	}
}

#include "static.h"

static void page_static(struct page *p)
{
	const char *name = strcmp(p->req->path, "/favicon.ico") == 0 ? "icon.svg"
										  : p->req->path + strlen("/static/");

	for (size_t i = 0; i < sizeof static_files / sizeof static_files[0]; i++) {
		if (strcmp(name, static_files[i].name) != 0)
			continue;
		p->resp->type = static_files[i].type;
		buf_addn(p->b, (const char *)static_files[i].data, static_files[i].size);
		p->resp->cache = true;
		return;
	}
	page_fail(p, 404, _("There is no such page in nabij."));
}
