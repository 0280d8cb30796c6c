/*
 * The admin page of nabij serve (/admin), for an account that is an
 * admin's: the invitations (made, until when, used or not, expired, admin
 * or not; never a token, which is not kept), one revoked that is not used,
 * a new one made and its link shown this once; and an account disabled
 * (it cannot sign in, its sessions end at once) or enabled again, by the
 * name the admin types. Nothing of any person's records, log or list of
 * accounts is on it: the use-cases (app/account.h) give none.
 *
 * For anyone else it is a page that is not there (404, not 403: whether
 * this nabij has an admin page says nothing to them). The store checks
 * the admin again by the request's own session, for every act.
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

#define INVITES_SHOWN 100

/* The refusal of the last post of the form that switches an account off
 * or on (its two buttons). */
static const struct nb_error *switch_refusal(struct page *p)
{
	const struct nb_error *off = hosted_refusal(p, "disable");

	return off->code ? off : hosted_refusal(p, "enable");
}

static void invites_part(struct page *p)
{
	struct web_hosted *hd = p->w->hosted;
	struct nb_pg_invite l[INVITES_SHOWN];
	struct nb_error err = { 0 };
	size_t n = 0;
	int64_t now = p->app->now;
	char made[64], at[64];

	h(p, "<h2 id=\"invitations\">%s</h2>", _("Invitations"));
	if (!page_ok(p, account_admin_invites(hd->pg, hd->session, now, l, INVITES_SHOWN, &n, &err), &err))
		return;
	hosted_error(p, hosted_refusal(p, "revoke"));
	if (!n) {
		h(p, "<p>%s</p>", _("No invitations yet."));
		return;
	}
	h(p, "<ul class=\"sessions invitations\">");
	for (size_t i = 0; i < n; i++) {
		describe_when(l[i].created, p->today, made, sizeof made);
		h(p, "<li><p><strong>%s %s</strong>%r%s</p>", _("Made"), made, l[i].admin ? " · " : "",
		  l[i].admin ? _("makes an admin") : "");
		if (l[i].used) {
			describe_when(l[i].used, p->today, at, sizeof at);
			h(p, "<p class=\"quiet\">%s %s</p>", _("Used"), at);
		} else if (l[i].expires <= now) {
			describe_when(l[i].expires, p->today, at, sizeof at);
			h(p, "<p class=\"quiet\">%s %s</p>", _("Expired, not used:"), at);
		} else {
			describe_when(l[i].expires, p->today, at, sizeof at);
			h(p, "<p class=\"quiet\">%s %s</p>", _("Not used yet; valid until"), at);
		}
		if (!l[i].used) {
			form_begin(p, "/admin", "inline");
			h(p, "<input type=\"hidden\" name=\"do\" value=\"revoke\"><input type=\"hidden\" name=\"id\" value=\"%l\">",
			  l[i].id);
			form_end(p, _("Revoke"));
		}
		h(p, "</li>");
	}
	h(p, "</ul>");
}

static void invite_form(struct page *p)
{
	h(p, "<h2 id=\"invite\">%s</h2><p>%s</p>", _("Invite someone"),
	  _("A link that makes one account, valid for 7 days. It is shown once: nabij keeps only a fingerprint of it."));
	h(p, "<form method=\"post\" action=\"/admin#invite\" class=\"account\">"
	     "<input type=\"hidden\" name=\"csrf\" value=\"%s\"><input type=\"hidden\" name=\"do\" value=\"invite\">",
	  p->csrf);
	hosted_error(p, hosted_refusal(p, "invite"));
	h(p, "<p><label class=\"check\"><input type=\"checkbox\" name=\"admin\" value=\"1\"> %s</label></p>",
	  _("The account can run this nabij too (an admin)"));
	h(p, "<p class=\"actions\"><button type=\"submit\">%s</button></p></form>", _("Make an invitation link"));
}

static void disable_form(struct page *p)
{
	const struct nb_error *refused = switch_refusal(p);

	h(p, "<h2 id=\"accounts\">%s</h2><p>%s</p>", _("Switch an account off or on"),
	  _("A switched-off account cannot sign in, and every browser signed in to it is signed out at once. Nothing of it is deleted, and you see none of it. The person sees in their own log that this was done."));
	h(p, "<form method=\"post\" action=\"/admin#accounts\" class=\"account\">"
	     "<input type=\"hidden\" name=\"csrf\" value=\"%s\">",
	  p->csrf);
	hosted_error(p, refused);
	h(p, "<p class=\"field\"><label for=\"f-name\">%s</label><input id=\"f-name\" name=\"name\" type=\"text\""
	     " autocomplete=\"off\" autocapitalize=\"none\" spellcheck=\"false\" required maxlength=\"64\"",
	  _("The account's name"));
	hosted_marks(p, refused, "name", NULL);
	h(p, "></p>");
	h(p, "<p class=\"actions\"><button type=\"submit\" name=\"do\" value=\"disable\" class=\"danger\">%s</button> "
	     "<button type=\"submit\" name=\"do\" value=\"enable\" class=\"secondary\">%s</button></p></form>",
	  _("Switch off"), _("Switch on again"));
}

static void done_note(struct page *p)
{
	const char *done = kvs_get(&p->req->query, "done");
	const char *say = NULL;

	if (!done)
		return;
	if (strcmp(done, "revoked") == 0)
		say = _("The invitation is revoked: its link no longer works.");
	else if (strcmp(done, "disabled") == 0)
		say = _("The account is switched off, and signed out everywhere.");
	else if (strcmp(done, "enabled") == 0)
		say = _("The account is switched on again: the person can sign in.");
	if (say)
		h(p, "<p class=\"saved\" role=\"status\">%s</p>", say);
}

/* A new invitation's link, shown this once. */
static void show_link(struct page *p, const char *token)
{
	h(p, "<div class=\"saved\" role=\"status\"><p>%s</p><p><code class=\"link-once\">%s://%s/signup?invite=%s</code></p>"
	     "<p>%s</p></div>",
	  _("The invitation, to be used once, valid for 7 days. Copy it now: it is not shown again."), p->w->scheme,
	  p->w->host, token, _("Send it to the person yourself: whoever has the link can make the account."));
}

static void act(struct page *p, char invite[NB_TOKEN_LEN + 1])
{
	struct web_hosted *hd = p->w->hosted;
	const char *what = fval(p, "do"), *peer = web_peer(p->w, p->req);
	int64_t now = p->app->now;

	if (!what)
		what = "";
	if (strcmp(what, "revoke") == 0) {
		const char *id = fval(p, "id");
		int64_t n = 0;
		bool revoked = false;

		if (id && parse_id(id, &n, NULL) == NB_OK &&
		    account_admin_revoke(hd->pg, hd->session, n, peer, now, &revoked, &p->err) == NB_OK) {
			if (revoked) {
				page_redirect(p, "/admin?done=revoked#invitations");
				return;
			}
		}
		if (!p->err.code)
			nb_error_set(&p->err, NB_EINVAL, "id", "%s",
				     _("That invitation cannot be revoked: it was used already, or it is gone."));
	} else if (strcmp(what, "invite") == 0) {
		const char *a = fval(p, "admin");

		if (account_admin_invite(hd->pg, hd->session, a && strcmp(a, "1") == 0, peer, now, invite, &p->err) == NB_OK)
			return;	/* shown on the page, this once */
	} else if (strcmp(what, "disable") == 0 || strcmp(what, "enable") == 0) {
		bool off = strcmp(what, "disable") == 0;

		if (account_admin_disable(hd->pg, hd->session, fval(p, "name"), off, peer, now, &p->err) == NB_OK) {
			page_redirect(p, off ? "/admin?done=disabled#accounts" : "/admin?done=enabled#accounts");
			return;
		}
	} else {
		nb_error_set(&p->err, NB_EINVAL, "do", "%s", _("There is no such page in nabij."));
	}
	p->resp->status = p->err.code == NB_EINVAL ? 400 : p->err.code == NB_ENOTFOUND ? 404 : 500;
}

void web_page_admin(struct page *p)
{
	struct web_hosted *hd = p->w->hosted;
	char invite[NB_TOKEN_LEN + 1] = "";

	if (!hd->admin) {
		page_fail(p, 404, _("There is no such page in nabij."));
		return;
	}
	if (p->posted) {
		act(p, invite);
		if (!p->err.code && !invite[0])
			return;
		if (p->err.code == NB_ENOTFOUND && !strcmp(p->err.field, "admin")) {
			page_fail(p, 404, _("There is no such page in nabij."));
			return;
		}
		if (p->err.code && p->err.code != NB_EINVAL) {
			page_fail(p, p->resp->status, p->err.msg);
			return;
		}
	}
	page_begin(p, _("Running this nabij"), "/admin");
	h(p, "<h1>%s</h1><p class=\"intro\">%s</p>", _("Running this nabij"),
	  _("Invitations and accounts, without anyone's records: you see no one's words here, and no one's log."));
	done_note(p);
	if (invite[0])
		show_link(p, invite);
	sodium_memzero(invite, sizeof invite);
	invite_form(p);
	invites_part(p);
	disable_form(p);
	page_end(p);
}
