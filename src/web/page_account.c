/*
 * Signing in, up and out in nabij serve, and who a request is for. A
 * session is a cookie (__Host-nabij_session under an https address, else
 * nabij_session) holding a random token that app/account.c hands out at
 * each sign-in and sign-up, never one the browser brought: a cookie planted
 * before is not adopted. A request with it is found by account_session,
 * and its pages get that person's app over the worker's connection
 * (account_app), their zone and the session's form token (an HMAC of the
 * session token, as nabij ui's follows from its secret).
 *
 * Before a session there is no secret to prove a form with, so the sign-in
 * and sign-up forms carry a random token that is also in a cookie of its
 * own (a double submit): a page elsewhere can make a browser post, but
 * cannot read or set that cookie. web.c has checked Host and Origin first.
 *
 * Only page_account.c knows the accounts (app/account.h): it is linked into
 * nabij-serve alone, and web.c reaches it through struct web_hosted.
 * Nothing here logs; a name, a password or a token never goes into a
 * message.
 */
#include "page.h"
#include "place.h"
#include "app/account.h"
#include "core/i18n.h"
#include "core/xalloc.h"

#include <sodium.h>

#include <stdio.h>
#include <string.h>

#define PRE_COOKIE(https) ((https) ? "__Host-nabij_pre" : "nabij_pre")

static struct web_hosted *hosted(struct page *p)
{
	return p->w->hosted;
}

/* "; Secure" under an https address: a cookie then never goes over plain
 * HTTP, and the __Host- prefix asks it of the browser as well. */
static void add_cookie(struct page *p, const char *name, const char *value, long max_age)
{
	struct web_resp *r = p->resp;

	if (r->ncookies >= (int)(sizeof r->cookies / sizeof r->cookies[0]))
		return;
	if (max_age >= 0)
		snprintf(r->cookies[r->ncookies++], sizeof r->cookies[0],
			 "%s=%s; Path=/;%s HttpOnly; SameSite=Lax; Max-Age=%ld", name, value,
			 hosted(p)->https ? " Secure;" : "", max_age);
	else	/* until the browser closes */
		snprintf(r->cookies[r->ncookies++], sizeof r->cookies[0], "%s=%s; Path=/;%s HttpOnly; SameSite=Lax",
			 name, value, hosted(p)->https ? " Secure;" : "");
}

/* The form token of a session: an HMAC of its token, never the token. */
static void session_csrf(const char *token, char out[WEB_TOKEN_LEN])
{
	char proof[PLACE_PROOF_LEN];

	place_proof(token, "form", proof);
	snprintf(out, WEB_TOKEN_LEN, "%.32s", proof);
	sodium_memzero(proof, sizeof proof);
}

/* Whether a value sent and one of ours are the same, in constant time. */
static bool same(const char *a, const char *b)
{
	size_t n = b ? strlen(b) : 0;

	return a && b && n && strlen(a) == n && sodium_memcmp(a, b, n) == 0;
}

/* The session token of the request's cookie, when it has the shape of one. */
static const char *cookie_token(struct page *p)
{
	const char *t = kvs_get(&p->req->cookies, WEB_SESSION_COOKIE(hosted(p)->https));

	return t && account_token_valid(t) ? t : NULL;
}

static bool open_person(struct page *p)
{
	struct web_hosted *hd = hosted(p);
	const char *token = cookie_token(p);
	struct nb_who who = { 0 };
	struct nb_error err = { 0 };
	int64_t now = p->app->now;

	if (!token)
		return false;
	if (account_session(hd->pg, token, now, &who, &err) != NB_OK) {
		p->failed = err;	/* not "signed out": the database did not answer */
		return false;
	}
	if (who.person <= 0)
		return false;
	snprintf(hd->session, sizeof hd->session, "%s", token);
	hd->person = who.person;
	hd->admin = who.admin;
	session_csrf(token, hd->csrf);
	account_app(&hd->app, hd->pg, who.person, now);
	snprintf(hd->zone_now, sizeof hd->zone_now, "%s", who.zone);
	snprintf(hd->name, sizeof hd->name, "%s", who.name);
	p->app = &hd->app;
	p->csrf = hd->csrf;
	p->zone = hd->zone_now[0] ? hd->zone_now : hd->zone;
	/* what was deleted and waited its time goes for good (app_expire), as in nabij ui */
	(void)app_expire(p->app, NULL);
	sodium_memzero(&who, sizeof who);
	return true;
}

static void close_person(struct page *p)
{
	struct web_hosted *hd = hosted(p);

	if (p->app == &hd->app)
		app_close(&hd->app);
	sodium_memzero(hd->session, sizeof hd->session);
	sodium_memzero(hd->csrf, sizeof hd->csrf);
	sodium_memzero(hd->name, sizeof hd->name);
	hd->person = 0;
	hd->admin = false;
	p->app = p->w->app;
}

/* Overwrite a posted field's value, once it has been used. */
static void wipe(struct page *p, const char *name)
{
	const struct web_kv *kv = kvs_find(&p->req->form, name);

	if (kv && kv->value)
		sodium_memzero(kv->value, kv->len);
}

/* The pre-session form token: the one of the request's cookie, or a new
 * one given to the browser with this page. */
static const char *pre_token(struct page *p, char fresh[NB_TOKEN_LEN + 1])
{
	const char *had = kvs_get(&p->req->cookies, PRE_COOKIE(hosted(p)->https));

	if (had && account_token_valid(had))
		return had;
	account_token_new(fresh);
	add_cookie(p, PRE_COOKIE(hosted(p)->https), fresh, -1);
	return fresh;
}

/* Whether a posted sign-in or sign-up form carries the token of the
 * browser's pre-session cookie. */
static bool pre_ok(struct page *p)
{
	const char *had = kvs_get(&p->req->cookies, PRE_COOKIE(hosted(p)->https));

	return had && account_token_valid(had) && same(kvs_get(&p->req->form, "csrf"), had);
}

/* A new session: its cookie, the pre-session cookie gone, and today. */
static void signed_in(struct page *p, const char *session)
{
	/* where from, for the person's list of their sessions (page_you.c) */
	(void)account_session_note(hosted(p)->pg, session, web_peer(p->w, p->req),
				   kvs_get(&p->req->headers, "user-agent"), NULL);
	add_cookie(p, WEB_SESSION_COOKIE(hosted(p)->https), session, NB_SESSION_MAX);
	add_cookie(p, PRE_COOKIE(hosted(p)->https), "", 0);
	page_redirect(p, "/");
}

/* The end of an old session the browser still had, at a new sign-in. */
static void end_old(struct page *p)
{
	const char *old = cookie_token(p);

	if (old)
		(void)account_signout(hosted(p)->pg, old, NULL);
}

static void name_field(struct page *p, const struct nb_error *err, const char *value, const char *hint)
{
	h(p, "<p class=\"field\"><label for=\"f-name\">%s</label>", _("Your name"));
	if (hint)
		h(p, "<span class=\"hint\" id=\"h-name\">%s</span>", hint);
	h(p, "<input id=\"f-name\" name=\"name\" autocomplete=\"username\" autocapitalize=\"none\" spellcheck=\"false\""
	     " maxlength=\"64\" required value=\"%s\"", value ? value : "");
	hosted_marks(p, err, "name", hint ? "h-name" : NULL);
	h(p, "></p>");
}

static void password_field(struct page *p, const struct nb_error *err, const char *autocomplete, const char *hint)
{
	hosted_password(p, err, &(struct hosted_field){ "f-password", "password", _("Password"), hint, autocomplete,
							"password" });
}

static void signin_form(struct page *p, const struct nb_error *err, const char *name)
{
	char fresh[NB_TOKEN_LEN + 1];

	page_begin(p, _("Sign in"), NULL);
	h(p, "<h1>%s</h1>", _("Sign in to nabij"));
	p->pre = pre_token(p, fresh);
	p->back = "/signin";
	h(p, "<form method=\"post\" action=\"/signin\" class=\"account\">"
	     "<input type=\"hidden\" name=\"csrf\" value=\"%s\">", p->pre);
	hosted_error(p, err);	/* in the form: as wide as its fields, above them */
	name_field(p, err, name, NULL);
	password_field(p, err, "current-password", NULL);
	h(p, "<p class=\"actions\"><button type=\"submit\">%s</button></p></form>", _("Sign in"));
	h(p, "<p class=\"quiet\">%s</p>",
	  _("No account yet? An account begins with an invitation link from the people who run this nabij."));
	page_end(p);
	sodium_memzero(fresh, sizeof fresh);
}

/* The second step of a sign-in with the second factor on: the code of the
 * person's app, or one of their recovery codes (behind a summary that
 * works without a script, open when that was the one tried). */
static void code_form(struct page *p, const struct nb_error *err, const char *pending, bool recovery)
{
	char fresh[NB_TOKEN_LEN + 1];
	const char *csrf = pre_token(p, fresh);

	page_begin(p, _("Sign in"), NULL);
	h(p, "<h1>%s</h1><p>%s</p>", _("One more step"),
	  _("Open the app that makes your codes for nabij, and type the code it shows now."));
	h(p, "<form method=\"post\" action=\"/signin\" class=\"account\">"
	     "<input type=\"hidden\" name=\"csrf\" value=\"%s\"><input type=\"hidden\" name=\"pending\" value=\"%s\">",
	  csrf, pending);
	if (!recovery)
		hosted_error(p, err);
	h(p, "<p class=\"field\"><label for=\"f-code\">%s</label><span class=\"hint\" id=\"h-code\">%s</span>"
	     "<input id=\"f-code\" name=\"code\" autocomplete=\"one-time-code\" inputmode=\"numeric\""
	     " pattern=\"[0-9 ]*\" maxlength=\"8\" required%r",
	  _("Code"), _("Six digits; a new one comes every 30 seconds."), recovery ? "" : " autofocus");
	hosted_marks(p, recovery ? &(struct nb_error){ 0 } : err, "code", "h-code");
	h(p, "></p><p class=\"actions\"><button type=\"submit\">%s</button></p></form>", _("Sign in"));
	h(p, "<details class=\"recovery\"%r><summary>%s</summary>", recovery ? " open" : "",
	  _("Use a recovery code instead"));
	h(p, "<form method=\"post\" action=\"/signin\" class=\"account\">"
	     "<input type=\"hidden\" name=\"csrf\" value=\"%s\"><input type=\"hidden\" name=\"pending\" value=\"%s\">",
	  csrf, pending);
	if (recovery)
		hosted_error(p, err);
	h(p, "<p class=\"field\"><label for=\"f-recovery\">%s</label><span class=\"hint\" id=\"h-recovery\">%s</span>"
	     "<input id=\"f-recovery\" name=\"recovery\" autocomplete=\"off\" autocapitalize=\"none\" spellcheck=\"false\""
	     " maxlength=\"20\" required%r",
	  _("Recovery code"), _("One of the ten codes you kept when you turned this on, like k7m2-9qx4. Each works once."),
	  recovery ? " autofocus" : "");
	hosted_marks(p, recovery ? err : &(struct nb_error){ 0 }, "code", "h-recovery");
	h(p, "></p><p class=\"actions\"><button type=\"submit\">%s</button></p></form></details>", _("Sign in"));
	h(p, "<p class=\"quiet\"><a href=\"/signin\">%s</a></p>", _("Start again with your name and password"));
	page_end(p);
	sodium_memzero(fresh, sizeof fresh);
}

/* POST /signin with a pending sign-in: its code. */
static void signin_code(struct page *p, const char *pending)
{
	struct web_hosted *hd = hosted(p);
	struct nb_error err = { 0 };
	char session[NB_TOKEN_LEN + 1];
	const char *code = kvs_get(&p->req->form, "code"), *recovery = kvs_get(&p->req->form, "recovery");
	bool by_recovery = !(code && *code) && recovery;
	int64_t person = 0;

	if (account_signin_code(hd->pg, pending, by_recovery ? recovery : code ? code : "", web_peer(p->w, p->req),
				p->app->now, &person, session, &err) == NB_OK) {
		wipe(p, "code");
		wipe(p, "recovery");
		end_old(p);
		signed_in(p, session);
		sodium_memzero(session, sizeof session);
		return;
	}
	wipe(p, "code");
	wipe(p, "recovery");
	p->resp->status = strcmp(err.field, "wait") == 0 ? 429 : err.code == NB_EINVAL ? 400 : 500;
	if (strcmp(err.field, "code") == 0)
		code_form(p, &err, pending, by_recovery);
	else
		signin_form(p, &err, NULL);
}

/* Whether the request's cookie is a session that holds. */
static bool signed_in_already(struct page *p)
{
	const char *token = cookie_token(p);
	struct nb_who who = { 0 };
	struct nb_error err = { 0 };
	bool yes;

	yes = token && account_session(hosted(p)->pg, token, p->app->now, &who, &err) == NB_OK && who.person > 0;
	sodium_memzero(&who, sizeof who);
	return yes;
}

static void page_signin(struct page *p)
{
	struct web_hosted *hd = hosted(p);
	struct nb_error err = { 0 };
	char session[NB_TOKEN_LEN + 1];
	const char *name, *pass, *pending;
	int64_t person = 0;

	if (strcmp(p->req->method, "POST") != 0) {
		if (signed_in_already(p))	/* "Sign in" tapped with a session still open */
			page_redirect(p, "/");
		else
			signin_form(p, &err, NULL);
		return;
	}
	if (!pre_ok(p)) {
		page_fail(p, 403, _("This form did not come from this nabij page, so nothing was changed. Please go back, reload the page and try again."));
		return;
	}
	if ((pending = kvs_get(&p->req->form, "pending"))) {	/* the second step */
		signin_code(p, pending);
		return;
	}
	name = kvs_get(&p->req->form, "name");
	pass = kvs_get(&p->req->form, "password");
	if (!name || !*name || !pass || !*pass) {
		nb_error_set(&err, NB_EINVAL, !name || !*name ? "name" : "password", "%s",
			     _("Please fill in your name and your password."));
	} else if (account_signin(hd->pg, name, pass, web_peer(p->w, p->req), p->app->now, &person, session,
				  &err) == NB_OK) {
		wipe(p, "password");
		end_old(p);	/* a session the browser still had is not taken on */
		signed_in(p, session);
		sodium_memzero(session, sizeof session);
		return;
	}
	wipe(p, "password");
	if (err.code == NB_EINVAL && strcmp(err.field, "code") == 0 && account_token_valid(session)) {
		/* the password was right: the second step, no error yet */
		struct nb_error none = { 0 };

		code_form(p, &none, session, false);
		sodium_memzero(session, sizeof session);
		return;
	}
	p->resp->status = strcmp(err.field, "wait") == 0 ? 429 : err.code == NB_EINVAL ? 400 : 500;
	signin_form(p, &err, name);
}

/* For one who made the account already and opened the invitation again. */
static void signin_link(struct page *p)
{
	h(p, "<p class=\"quiet\">%s <a href=\"/signin\">%s</a></p>", _("Made your account already?"), _("Sign in"));
}

static void signup_form(struct page *p, const struct nb_error *err, const char *invite, const char *name)
{
	char fresh[NB_TOKEN_LEN + 1];
	char min[24];

	char back[24 + NB_TOKEN_LEN];

	page_begin(p, _("Make your account"), NULL);
	p->pre = pre_token(p, fresh);
	snprintf(back, sizeof back, "/signup?invite=%s", invite);	/* a token's shape: checked */
	p->back = back;
	h(p, "<h1>%s</h1><p>%s</p>", _("Make your account"),
	  _("Choose the name you sign in with and a password. No other account can read what you write here."));
	h(p, "<form method=\"post\" action=\"/signup\" class=\"account\">"
	     "<input type=\"hidden\" name=\"csrf\" value=\"%s\">"
	     "<input type=\"hidden\" name=\"invite\" value=\"%s\">"
	     "<input type=\"hidden\" name=\"zone\" value=\"\" data-zone>",
	  p->pre, invite);
	hosted_error(p, err);
	name_field(p, err, name, _("It need not be your real name."));
	{
		char hint[200];
		const char *v[] = { nb_int(NB_PASSWORD_MIN, min) };

		nb_say(hint, sizeof hint, _("At least %s characters. A few words you will remember make a good one."), v, 1);
		password_field(p, err, "new-password", hint);
	}
	h(p, "<p class=\"actions\"><button type=\"submit\">%s</button></p></form>", _("Make my account"));
	signin_link(p);
	page_end(p);
	sodium_memzero(fresh, sizeof fresh);
}

static void page_signup(struct page *p)
{
	struct web_hosted *hd = hosted(p);
	struct nb_error err = { 0 };
	char session[NB_TOKEN_LEN + 1];
	const char *invite, *name, *pass, *zone;
	int64_t person = 0;

	if (strcmp(p->req->method, "POST") != 0) {
		invite = kvs_get(&p->req->query, "invite");
		/* the form only for an invitation that works, in the same calm
		 * words whether it is cut short, unknown, spent or expired */
		if (!invite || account_invite_check(hd->pg, invite, p->app->now, &err) != NB_OK) {
			p->resp->status = err.code == NB_EDB ? 500 : 400;
			page_begin(p, _("This invitation cannot be used"), NULL);
			h(p, "<h1>%s</h1><p>%s</p>", _("This invitation cannot be used"),
			  err.code == NB_EDB ? err.msg
					     : _("The link may be cut short, used already or more than a week old. Please open the whole link again, or ask the people who run this nabij for a new one."));
			signin_link(p);
			page_end(p);
			return;
		}
		signup_form(p, &err, invite, NULL);
		return;
	}
	if (!pre_ok(p)) {
		page_fail(p, 403, _("This form did not come from this nabij page, so nothing was changed. Please go back, reload the page and try again."));
		return;
	}
	invite = kvs_get(&p->req->form, "invite");
	name = kvs_get(&p->req->form, "name");
	pass = kvs_get(&p->req->form, "password");
	zone = kvs_get(&p->req->form, "zone");
	if (!invite || !account_token_valid(invite)) {
		nb_error_set(&err, NB_EINVAL, "invite", "%s",
			     _("Please open the whole link from your invitation again, or ask for a new one."));
		invite = "";
	} else if (account_signup(hd->pg, invite, name ? name : "", pass ? pass : "", zone ? zone : "",
				  p->app->now, &person, session, &err) == NB_OK) {
		wipe(p, "password");
		end_old(p);
		signed_in(p, session);
		sodium_memzero(session, sizeof session);
		return;
	}
	wipe(p, "password");
	p->resp->status = err.code == NB_EINVAL ? 400 : 500;
	signup_form(p, &err, invite, name);
}

static void page_signout(struct page *p)
{
	const char *token = cookie_token(p);
	char csrf[WEB_TOKEN_LEN];
	struct nb_error err = { 0 };

	if (strcmp(p->req->method, "POST") != 0) {
		page_redirect(p, "/");
		return;
	}
	if (!token) {	/* signed out already */
		page_redirect(p, "/signin");
		return;
	}
	session_csrf(token, csrf);
	if (!same(kvs_get(&p->req->form, "csrf"), csrf)) {
		page_fail(p, 403, _("This form did not come from this nabij page, so nothing was changed. Please go back, reload the page and try again."));
		return;
	}
	if (account_signout(hosted(p)->pg, token, &err) != NB_OK) {
		page_fail(p, 500, err.msg);
		return;
	}
	add_cookie(p, WEB_SESSION_COOKIE(hosted(p)->https), "", 0);
	page_redirect(p, "/signin");
}

/* POST /language: the pages' language before signing in, as /lang is for
 * the signed-in (the same cookie), behind the pre-session's form token;
 * back to the sign-in, or to the sign-up of the same invitation. */
static void page_language(struct page *p)
{
	const char *to = kvs_get(&p->req->form, "lang"), *back = kvs_get(&p->req->form, "back");

	if (strcmp(p->req->method, "POST") != 0) {
		page_redirect(p, "/signin");
		return;
	}
	if (!pre_ok(p)) {
		page_fail(p, 403, _("This form did not come from this nabij page, so nothing was changed. Please go back, reload the page and try again."));
		return;
	}
	if (!to || (strcmp(to, "nl") != 0 && strcmp(to, "en") != 0)) {
		page_fail(p, 400, _("That language is not available."));
		return;
	}
	add_cookie(p, "nabij_lang", to, 31536000L);
	if (back && strncmp(back, "/signup?invite=", 15) == 0 && account_token_valid(back + 15))
		page_redirect(p, "%s", back);
	else
		page_redirect(p, "/signin");
}

void web_hosted_init(struct web_hosted *hd, struct nb_pg *pg)
{
	memset(hd, 0, sizeof *hd);
	hd->pg = pg;
	hd->open = open_person;
	hd->close = close_person;
	hd->signin = page_signin;
	hd->signup = page_signup;
	hd->signout = page_signout;
	hd->language = page_language;
	hd->factor = web_page_factor;
	hd->you = page_you;
	hd->access = page_you_access;
	hd->admin_page = web_page_admin;
}
