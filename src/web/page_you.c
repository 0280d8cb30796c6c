/*
 * One's own account in nabij serve (/account): the browsers one is signed
 * in on, each with when and where from, and signing them out; the
 * password changed; recent sign-ins and tries with a wrong password, said
 * calmly so that a person notices what was not them; the access log; and
 * one's data: the export, the import, and the account deleted with all of
 * it, asked once with the password, then a calm goodbye (/goodbye).
 *
 * Linked into nabij-serve alone (with page_account.c), reached through
 * struct web_hosted: the use-cases are app/account.h's, each given the
 * token of the request's own session, so that this page can act on no one
 * else. web.c has checked the session, Host, Origin and the form token.
 */
#include "page.h"
#include "core/parse.h"
#include "app/account.h"
#include "core/describe.h"
#include "core/i18n.h"
#include "core/time.h"

#include <sodium.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SESSIONS_SHOWN 50
#define LOG_SHOWN 100
#define RECENT_DAYS 30		/* sign-ins shown at the top */

static struct web_hosted *hd_of(struct page *p)
{
	return p->w->hosted;
}

static const char *what_words(int what)
{
	switch (what) {
	case NB_ACCESS_SIGNIN:
		return _("Signed in");
	case NB_ACCESS_SIGNIN_FAILED:
		return _("A wrong password was typed");
	case NB_ACCESS_CODE_FAILED:
		return _("The password was right, but the code was not");
	case NB_ACCESS_SIGNOUT_OTHERS:
		return _("Every other browser signed out");
	case NB_ACCESS_EXPORT:
		return _("Everything exported");
	case NB_ACCESS_IMPORT:
		return _("Records imported");
	case NB_ACCESS_PASSWORD:
		return _("Password changed");
	case NB_ACCESS_FACTOR_ON:
		return _("Second step of signing in turned on");
	case NB_ACCESS_FACTOR_OFF:
		return _("Second step of signing in turned off");
	case NB_ACCESS_RECOVERY_USED:
		return _("Signed in with a recovery code");
	case NB_ACCESS_ADMIN:	/* written before the two kinds below, for either */
		return _("Account switched off or on by the people who run this nabij");
	case NB_ACCESS_DISABLED:
		return _("Account switched off by the people who run this nabij");
	case NB_ACCESS_ENABLED:
		return _("Account switched on again by the people who run this nabij");
	case NB_ACCESS_RECOVERY_NEW:
		return _("New recovery codes made; the old ones no longer work");
	case NB_ACCESS_ADMIN_INVITE:
		return _("As an admin: made an invitation");
	case NB_ACCESS_ADMIN_INVITE_ADMIN:
		return _("As an admin: made an invitation for a new admin");
	case NB_ACCESS_ADMIN_REVOKE:
		return _("As an admin: revoked an invitation");
	case NB_ACCESS_ADMIN_DISABLE:
		return _("As an admin: switched an account off");
	case NB_ACCESS_ADMIN_ENABLE:
		return _("As an admin: switched an account on again");
	default:
		return _("Something else");
	}
}

static const char *place_words(const char *address)
{
	return address && *address ? address : _("an address not known");
}

/* Where from, escaped, with a place to break after each colon: an IPv6
 * address (up to 39 characters) breaks there on a phone rather than widen
 * the page; an IPv4 one never breaks. */
static void place(struct page *p, const char *address)
{
	const char *s = place_words(address);
	char part[64];

	while (*s) {
		size_t n = strcspn(s, ":");

		n += s[n] == ':';
		if (n >= sizeof part)
			n = sizeof part - 1;
		snprintf(part, sizeof part, "%.*s", (int)n, s);
		h(p, part[n - 1] == ':' ? "%s<wbr>" : "%s", part);
		s += n;
	}
}

static void sessions_part(struct page *p)
{
	struct web_hosted *hd = hd_of(p);
	struct nb_pg_session s[SESSIONS_SHOWN];
	struct nb_error err = { 0 };
	size_t n = 0;
	char b[128], made[64], seen[64];

	h(p, "<h2 id=\"sessions\">%s</h2>", _("Where you are signed in"));
	if (!page_ok(p, account_sessions(hd->pg, hd->session, p->app->now, s, SESSIONS_SHOWN, &n, &err), &err))
		return;
	hosted_error(p, hosted_refusal(p, "end"));
	h(p, "<ul class=\"sessions\">");
	for (size_t i = 0; i < n; i++) {
		account_browser_say(s[i].browser, b, sizeof b);
		describe_when(s[i].created, p->today, made, sizeof made);
		describe_when(s[i].seen, p->today, seen, sizeof seen);
		h(p, "<li><p><strong>%s</strong>%r%s</p>", b, s[i].current ? " · " : "",
		  s[i].current ? _("this browser") : "");
		h(p, "<p class=\"quiet\">%s %s · %s %s · %s ", _("Signed in"), made, _("last used"), seen, _("from"));
		place(p, s[i].address);
		h(p, "</p>");
		if (!s[i].current) {
			form_begin(p, "/account", "inline");
			h(p, "<input type=\"hidden\" name=\"do\" value=\"end\"><input type=\"hidden\" name=\"id\" value=\"%l\">",
			  s[i].id);
			form_end(p, _("Sign out there"));
		}
		h(p, "</li>");
	}
	h(p, "</ul>");
	if (n > 1) {
		form_begin(p, "/account", NULL);
		h(p, "<input type=\"hidden\" name=\"do\" value=\"others\">");
		form_end(p, _("Sign out everywhere else"));
	}
}

/* Sign-ins and wrong passwords of the last RECENT_DAYS; the whole log. */
static void log_parts(struct page *p)
{
	struct web_hosted *hd = hd_of(p);
	struct nb_pg_access l[LOG_SHOWN];
	struct nb_error err = { 0 };
	size_t n = 0, recent = 0;
	char at[64];

	if (!page_ok(p, account_access(hd->pg, hd->session, p->app->now, l, LOG_SHOWN, &n, &err), &err))
		return;
	h(p, "<h2 id=\"signins\">%s</h2>", _("Recent sign-ins"));
	for (size_t i = 0; i < n; i++) {
		if (l[i].at < p->app->now - RECENT_DAYS * 86400)
			break;
		if (l[i].what != NB_ACCESS_SIGNIN && l[i].what != NB_ACCESS_SIGNIN_FAILED &&
		    l[i].what != NB_ACCESS_CODE_FAILED && l[i].what != NB_ACCESS_RECOVERY_USED)
			continue;
		if (!recent++)
			h(p, "<ul class=\"signins\">");
		describe_when(l[i].at, p->today, at, sizeof at);
		h(p, "<li>%s · %s · %s ", what_words(l[i].what), at, _("from"));
		place(p, l[i].address);
		h(p, "</li>");
	}
	if (recent)
		h(p, "</ul><p>%s</p>",
		  _("If one of these was not you, change your password below. That also signs out every other browser."));
	else
		h(p, "<p>%s</p>", _("No sign-ins and no wrong passwords in the last 30 days."));

	h(p, "<h2 id=\"log\">%s</h2><p class=\"quiet\">%s</p>", _("What happened to your account"),
	  _("Kept for a year, for you alone. The server's own log holds none of it."));
	if (!n) {
		h(p, "<p>%s</p>", _("Nothing yet."));
		return;
	}
	/* two columns: on a phone the words of what happened keep the room
	 * they need, the address under its time */
	h(p, "<table class=\"log\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	     "</tr></thead><tbody>",
	  _("What"), _("When, and from where"));
	for (size_t i = 0; i < n; i++) {
		describe_when(l[i].at, p->today, at, sizeof at);
		h(p, "<tr><td>%s</td><td><span class=\"at\">%s</span> <span class=\"addr\">", what_words(l[i].what), at);
		place(p, l[i].address);
		h(p, "</span></td></tr>");
	}
	h(p, "</tbody></table>");
}

static void password_part(struct page *p)
{
	char hint[200], min[24];
	const char *v[] = { nb_int(NB_PASSWORD_MIN, min) };
	const struct nb_error *refused = hosted_refusal(p, "password");

	h(p, "<h2 id=\"password\">%s</h2><p>%s</p>", _("Change your password"),
	  _("Every other browser is signed out when you do; this one stays signed in."));
	h(p, "<form method=\"post\" action=\"/account#password\" class=\"account\">"
	     "<input type=\"hidden\" name=\"csrf\" value=\"%s\"><input type=\"hidden\" name=\"do\" value=\"password\">",
	  p->csrf);
	hosted_error(p, refused);
	hosted_password(p, refused, &(struct hosted_field){ "f-old", "old", _("Your current password"), NULL,
							    "current-password", "old" });
	nb_say(hint, sizeof hint, _("At least %s characters. A few words you will remember make a good one."), v, 1);
	hosted_password(p, refused, &(struct hosted_field){ "f-new", "password", _("Your new password"), hint,
							    "new-password", "password" });
	h(p, "<p class=\"actions\"><button type=\"submit\">%s</button></p></form>", _("Change the password"));
}

static void data_part(struct page *p)
{
	const struct nb_error *refused = hosted_refusal(p, "delete");

	h(p, "<h2 id=\"data\">%s</h2><p>%s</p>", _("Your data"),
	  _("What you write here is yours. You can take all of it with you, in the same file the nabij on your own computer reads, and bring it back."));
	h(p, "<p class=\"buttons\"><a class=\"button\" href=\"/export.json\" download>%s</a> <a class=\"button secondary\" href=\"/data\">%s</a></p>",
	  _("Download everything (JSON)"), _("Import a file"));
	h(p, "<h3 id=\"delete\">%s</h3><p>%s</p>", _("Delete your account"),
	  _("This deletes your account and everything in it at once: every record, your sessions and this log. It cannot be undone. Download your data first if you want to keep it."));
	h(p, "<form method=\"post\" action=\"/account\" class=\"account\">"
	     "<input type=\"hidden\" name=\"csrf\" value=\"%s\"><input type=\"hidden\" name=\"do\" value=\"delete\">",
	  p->csrf);
	hosted_error(p, refused);
	hosted_password(p, refused, &(struct hosted_field){ "f-delete", "password", _("Your password, to be sure it is you"),
							    NULL, "current-password", "password" });
	h(p, "<p class=\"actions\"><button type=\"submit\" class=\"danger\">%s</button></p></form>",
	  _("Delete my account and everything in it"));
}

static void done_note(struct page *p)
{
	const char *done = kvs_get(&p->req->query, "done");
	const char *say = NULL;

	if (!done)
		return;
	if (strcmp(done, "ended") == 0)
		say = _("That browser is signed out now.");
	else if (strcmp(done, "others") == 0)
		say = _("Every other browser is signed out now. This one stays signed in.");
	else if (strcmp(done, "password") == 0)
		say = _("Your password is changed. Every other browser is signed out; this one stays signed in.");
	if (say)
		h(p, "<p class=\"saved\" role=\"status\">%s</p>", say);
}

/* Overwrite a posted field's value, once it has been used. */
static void wipe(struct page *p, const char *name)
{
	const struct web_kv *kv = kvs_find(&p->req->form, name);

	if (kv && kv->value)
		sodium_memzero(kv->value, kv->len);
}

static void goodbye(struct page *p)
{
	page_begin(p, _("Your account is deleted"), NULL);
	h(p, "<h1>%s</h1><p>%s</p><p>%s</p>", _("Your account is deleted"),
	  _("Everything you wrote here is gone from this nabij: your records, your sessions and the log of your account."),
	  _("Thank you for the time you spent here. Take good care of yourself."));
	h(p, "<p class=\"quiet\"><a href=\"/signin\">%s</a></p>", _("Back to the start"));
	page_end(p);
}

/* What a post asked: done, or p->err set for the form. */
static void act(struct page *p)
{
	struct web_hosted *hd = hd_of(p);
	const char *what = fval(p, "do"), *peer = web_peer(p->w, p->req);
	int64_t now = p->app->now;

	if (!what)
		what = "";
	if (strcmp(what, "end") == 0) {
		const char *id = fval(p, "id");
		int64_t n = 0;

		if (!id || parse_id(id, &n, NULL) != NB_OK)	/* the record numbers' parser (fuzzed) */
			nb_error_set(&p->err, NB_EINVAL, "id", "%s", _("That browser is signed out already."));
		else if (account_session_end(hd->pg, hd->session, n, peer, now, &p->err) == NB_OK || p->err.code == NB_ENOTFOUND) {
			memset(&p->err, 0, sizeof p->err);	/* gone already: as asked */
			page_redirect(p, "/account?done=ended#sessions");
			return;
		}
	} else if (strcmp(what, "others") == 0) {
		if (account_sessions_end_others(hd->pg, hd->session, peer, now, &p->err) == NB_OK) {
			page_redirect(p, "/account?done=others#sessions");
			return;
		}
	} else if (strcmp(what, "password") == 0) {
		enum nb_err rc = account_password_change(hd->pg, hd->session, fval(p, "old"), fval(p, "password"), peer, now,
							 &p->err);

		wipe(p, "old");
		wipe(p, "password");
		if (rc == NB_OK) {
			page_redirect(p, "/account?done=password#password");
			return;
		}
	} else if (strcmp(what, "delete") == 0) {
		enum nb_err rc = account_delete(hd->pg, hd->session, fval(p, "password"), now, &p->err);

		wipe(p, "password");
		if (rc == NB_OK) {
			struct web_resp *r = p->resp;

			if (r->ncookies < (int)(sizeof r->cookies / sizeof r->cookies[0]))
				snprintf(r->cookies[r->ncookies++], sizeof r->cookies[0],
					 "%s=; Path=/;%s HttpOnly; SameSite=Lax; Max-Age=0", WEB_SESSION_COOKIE(hd->https),
					 hd->https ? " Secure;" : "");
			page_redirect(p, "/goodbye");
			return;
		}
	} else {
		nb_error_set(&p->err, NB_EINVAL, "do", "%s", _("There is no such page in nabij."));
	}
	p->resp->status = strcmp(p->err.field, "wait") == 0 ? 429 : p->err.code == NB_EINVAL ? 400 : 500;
}

void page_you(struct page *p)
{
	if (strcmp(p->req->path, "/goodbye") == 0) {
		goodbye(p);
		return;
	}
	if (p->posted) {
		act(p);
		if (!p->err.code)
			return;
		if (p->err.code != NB_EINVAL) {
			page_fail(p, p->resp->status, p->err.msg);
			return;
		}
	}
	page_begin(p, _("Your account"), "/account");
	h(p, "<h1>%s</h1>", _("Your account"));
	done_note(p);
	sessions_part(p);
	log_parts(p);
	password_part(p);
	data_part(p);
	page_end(p);
}

void page_you_access(struct page *p, int what)
{
	struct web_hosted *hd = hd_of(p);

	if (hd->person <= 0)
		return;
	/* a line that cannot be written does not stop the export (nor says
	 * anything in the server's log) */
	(void)account_log(hd->pg, hd->person, what == WEB_ACCESS_EXPORT ? NB_ACCESS_EXPORT : NB_ACCESS_IMPORT,
			  web_peer(p->w, p->req), p->app->now, NULL);
}
