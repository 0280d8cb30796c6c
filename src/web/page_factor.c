/*
 * The page of the second factor in nabij serve (/account/factor): turning
 * two-step sign-in on with a QR code (drawn here as inline SVG from
 * libqrencode's modules) or the key typed, confirmed with a first code;
 * the ten recovery codes, shown once; ten new ones, and turning it off,
 * each with the password and a code. The rules are app/factor.c's. Linked into nabij-serve alone
 * (web.c reaches it through struct web_hosted). Nothing here logs; a key,
 * a code or a password never goes into a message or an address.
 */
#include "page.h"
#include "app/account.h"
#include "core/i18n.h"

#include <qrencode.h>
#include <sodium.h>

#include <stdio.h>
#include <string.h>

static struct web_hosted *hosted(struct page *p)
{
	return p->w->hosted;
}

/* The QR code of text as an SVG of its dark modules, with the quiet zone
 * of four modules around; dark on light whatever the page's colours. */
static void qr_svg(struct page *p, const char *text, const char *label)
{
	QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	int size;

	if (!q)
		return;
	size = q->width + 8;
	h(p, "<svg class=\"qr\" role=\"img\" aria-label=\"%s\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
	     " xmlns=\"http://www.w3.org/2000/svg\" shape-rendering=\"crispEdges\">"
	     "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" d=\"",
	  label, size, size, size * 5, size * 5, size, size);
	for (int y = 0; y < q->width; y++)
		for (int x = 0; x < q->width; x++)
			if (q->data[y * q->width + x] & 1)
				h(p, "M%d %dh1v1h-1z", x + 4, y + 4);
	h(p, "\"/></svg>");
	QRcode_free(q);
}

/* The key in groups of four, to type by hand. */
static void secret_grouped(struct page *p, const char *b32)
{
	char grouped[NB_FACTOR_B32_LEN + NB_FACTOR_B32_LEN / 4 + 1];
	size_t n = 0;

	for (size_t i = 0; b32[i] && n + 2 < sizeof grouped; i++) {
		if (i && i % 4 == 0)
			grouped[n++] = ' ';
		grouped[n++] = b32[i];
	}
	grouped[n] = '\0';
	h(p, "<p><code class=\"secret\" id=\"factor-key\">%s</code></p>", grouped);
	sodium_memzero(grouped, sizeof grouped);
}

/* The refusal of the last post when it came from the form of action (the
 * page has two forms with a password and a code when the factor is on);
 * one on "factor" (the factor is not in the state the form was for) is
 * none of them: error_top says it above them. */
static const struct nb_error *refusal(struct page *p, const char *action)
{
	static const struct nb_error none;
	const char *posted = p->posted ? fval(p, "action") : NULL;

	if (p->err.code && strcmp(p->err.field, "factor") != 0 && posted && strcmp(posted, action) == 0)
		return &p->err;
	return &none;
}

/* The code field of the form of action, its id "f-" id ("f-code"), its
 * hint's "h-" id. digits: only the app's six digits (a numeric keyboard);
 * otherwise a recovery code is welcome too. */
static void code_field(struct page *p, const char *action, const char *id, const char *hint, bool digits)
{
	char hint_id[40];

	snprintf(hint_id, sizeof hint_id, "h-%s", id);
	h(p, "<p class=\"field\"><label for=\"f-%r\">%s</label>", id, _("Code"));
	if (hint)
		h(p, "<span class=\"hint\" id=\"%r\">%s</span>", hint_id, hint);
	h(p, "<input id=\"f-%r\" name=\"code\" autocomplete=\"one-time-code\" autocapitalize=\"none\""
	     " spellcheck=\"false\" maxlength=\"20\" required%r", id, digits ? " inputmode=\"numeric\"" : "");
	hosted_marks(p, refusal(p, action), "code", hint ? hint_id : NULL);
	h(p, "></p>");
}

/* The password field of the form of action, its id "f-" id. */
static void password_field(struct page *p, const char *action, const char *id)
{
	char fid[40];

	snprintf(fid, sizeof fid, "f-%s", id);
	hosted_password(p, refusal(p, action),
			&(struct hosted_field){ fid, "password", _("Password"), NULL, "current-password", "password" });
}

/* A refusal that belongs to no form (the factor was not in the state a
 * form was for), above them all. */
static void error_top(struct page *p)
{
	if (p->err.code && strcmp(p->err.field, "factor") == 0)
		h(p, "<div class=\"error\" role=\"alert\"><p>%s</p></div>", p->err.msg);
}

/* A form of the factor that is on, behind the password and a code (or a
 * recovery code): its id, its action, the prefix of its fields' ids (the
 * page has two such forms) and its button. */
static void password_code_form(struct page *p, const char *id, const char *action, const char *prefix,
			       const char *button)
{
	char pw[24], code[24];

	snprintf(pw, sizeof pw, "%spassword", prefix);
	snprintf(code, sizeof code, "%scode", prefix);
	form_begin(p, "/account/factor", id);
	h(p, "<input type=\"hidden\" name=\"action\" value=\"%s\">", action);
	hosted_error(p, refusal(p, action));
	password_field(p, action, pw);
	code_field(p, action, code, _("Six digits from your app, or a recovery code."), false);
	form_end(p, button);
}

static void show_setup(struct page *p, const struct nb_totp *f)
{
	h(p, "<p>%s</p>", _("Two steps: your app learns a key from nabij, then you type the code it shows, so nabij knows it worked."));
	h(p, "<h2>%s</h2><p>%s</p>", _("1. Add nabij to your app"),
	  _("Scan this code with an app for sign-in codes (such as Aegis, FreeOTP, Google Authenticator or 1Password)."));
	qr_svg(p, f->uri, _("QR code with the key for your app"));
	h(p, "<p>%s</p>", _("Or type this key into the app (time-based, six digits):"));
	secret_grouped(p, f->secret);
	h(p, "<h2>%s</h2>", _("2. Type the code it shows"));
	form_begin(p, "/account/factor", "factor");
	h(p, "<input type=\"hidden\" name=\"action\" value=\"confirm\">");
	hosted_error(p, refusal(p, "confirm"));
	code_field(p, "confirm", "code", _("Six digits; a new one comes every 30 seconds."), true);
	form_end(p, _("Turn on two-step sign-in"));
	form_begin(p, "/account/factor", "factor-again");
	h(p, "<input type=\"hidden\" name=\"action\" value=\"start\">"
	     "<p class=\"quiet\">%s <button class=\"link\" type=\"submit\">%s</button></p></form>",
	  _("Scanned it somewhere you no longer have?"), _("Make a new key"));
}

/* The recovery codes, this once: the first ten (fresh: the factor just
 * turned on), or ten new ones in place of the old. */
static void show_codes(struct page *p, char codes[NB_RECOVERY_CODES][NB_RECOVERY_LEN + 1], bool fresh)
{
	page_begin(p, _("Two-step sign-in"), "/account/factor");
	h(p, "<h1>%s</h1><p class=\"saved\" role=\"status\">%s</p>", _("Two-step sign-in"),
	  fresh ? _("Two-step sign-in is on. From now on, nabij asks for a code from your app after your password.")
		: _("Here are ten new recovery codes. The old ones no longer work."));
	h(p, "<h2>%s</h2><p>%s</p><ol class=\"codes\">", fresh ? _("Your recovery codes") : _("Your new recovery codes"),
	  _("If your phone is ever lost, each of these codes signs you in once instead of a code from the app. Keep them somewhere safe apart from your phone: on paper, or in a password manager. They are shown only now."));
	for (int i = 0; i < NB_RECOVERY_CODES; i++)
		h(p, "<li><code>%s</code></li>", codes[i]);
	/* the script shows the button (as the circle's card does); without it
	 * the browser's own print does the same */
	h(p, "</ol><p class=\"buttons\"><button type=\"button\" class=\"print secondary\" data-print hidden>%s</button>"
	     " <a class=\"button\" href=\"/account/factor\">%s</a></p>",
	  _("Print these codes"), _("I have kept them"));
	page_end(p);
}

static void show_page(struct page *p)
{
	struct web_hosted *hd = hosted(p);
	struct nb_totp f;
	struct nb_error err = { 0 };

	if (factor_get(hd->pg, hd->person, hd->name, &f, &err) != NB_OK) {
		page_fail(p, 500, err.msg);
		return;
	}
	page_begin(p, _("Two-step sign-in"), "/account/factor");
	h(p, "<h1>%s</h1>", _("Two-step sign-in"));
	error_top(p);
	if (kvs_get(&p->req->query, "off"))
		h(p, "<p class=\"saved\" role=\"status\">%s</p>", _("Two-step sign-in is off. Your password alone signs you in again."));
	switch (f.state) {
	case NB_FACTOR_OFF:
		h(p, "<p>%s</p><p>%s</p>",
		  _("With two-step sign-in, nabij asks after your password for a code from an app on your phone. Someone who learns your password still cannot read what you write here."),
		  _("It is optional. You need an app for sign-in codes; you will also get ten recovery codes for when the phone is lost."));
		form_begin(p, "/account/factor", "factor");
		h(p, "<input type=\"hidden\" name=\"action\" value=\"start\">");
		hosted_error(p, refusal(p, "start"));
		form_end(p, _("Set up two-step sign-in"));
		break;
	case NB_FACTOR_SETUP:
		show_setup(p, &f);
		break;
	case NB_FACTOR_ON: {
		char line[200], n[24];
		const char *v[] = { nb_int(f.codes_left, n) };

		h(p, "<p>%s</p>", _("Two-step sign-in is on: after your password, nabij asks for a code from your app."));
		nb_say(line, sizeof line,
		       ngettext("You have %s recovery code left.", "You have %s recovery codes left.", (unsigned long)f.codes_left),
		       v, 1);
		h(p, "<p>%s</p>", line);
		h(p, "<h2>%s</h2><p>%s</p>", _("New recovery codes"),
		  _("Used some of them, or no longer sure where they are? Make ten new ones: the old ones stop working at once. Type your password and a code from your app (or a recovery code)."));
		password_code_form(p, "factor-codes", "codes", "new-", _("Make new recovery codes"));
		h(p, "<h2>%s</h2><p>%s</p>", _("Turn it off"),
		  _("To turn it off, type your password and a code from your app (or a recovery code)."));
		password_code_form(p, "factor", "off", "", _("Turn off two-step sign-in"));
		break;
	}
	}
	sodium_memzero(&f, sizeof f);
	page_end(p);
}

/* Overwrite a posted field's value, once it has been used. */
static void wipe(struct page *p, const char *name)
{
	const struct web_kv *kv = kvs_find(&p->req->form, name);

	if (kv && kv->value)
		sodium_memzero(kv->value, kv->len);
}

void web_page_factor(struct page *p)
{
	struct web_hosted *hd = hosted(p);
	const char *action = fval(p, "action");
	struct nb_error err = { 0 };
	struct nb_totp f;
	enum nb_err rc = NB_OK;

	if (!p->posted) {
		show_page(p);
		return;
	}
	if (!action)
		action = "";
	if (strcmp(action, "start") == 0) {
		rc = factor_begin(hd->pg, hd->person, hd->name, p->app->now, &f, &err);
		sodium_memzero(&f, sizeof f);
	} else if (strcmp(action, "confirm") == 0) {
		char codes[NB_RECOVERY_CODES][NB_RECOVERY_LEN + 1];

		rc = factor_confirm(hd->pg, hd->person, fval(p, "code"), web_peer(p->w, p->req), p->app->now, codes, &err);
		wipe(p, "code");
		if (rc == NB_OK) {
			show_codes(p, codes, true);
			sodium_memzero(codes, sizeof codes);
			return;
		}
	} else if (strcmp(action, "codes") == 0) {
		char codes[NB_RECOVERY_CODES][NB_RECOVERY_LEN + 1];

		rc = factor_recovery_new(hd->pg, hd->person, hd->name, fval(p, "password"), fval(p, "code"),
					 web_peer(p->w, p->req), p->app->now, codes, &err);
		wipe(p, "password");
		wipe(p, "code");
		if (rc == NB_OK) {
			show_codes(p, codes, false);
			sodium_memzero(codes, sizeof codes);
			return;
		}
	} else if (strcmp(action, "off") == 0) {
		rc = factor_off(hd->pg, hd->person, hd->name, fval(p, "password"), fval(p, "code"),
				web_peer(p->w, p->req), p->app->now, &err);
		wipe(p, "password");
		wipe(p, "code");
		if (rc == NB_OK) {
			page_redirect(p, "/account/factor?off=1");
			return;
		}
	} else {	/* a form of no page of nabij's: nothing done */
		rc = nb_error_set(&err, NB_EINVAL, "factor", "%s", _("There is no such page in nabij."));
	}
	if (rc == NB_OK) {
		page_redirect(p, "/account/factor");
		return;
	}
	if (rc != NB_EINVAL) {
		page_fail(p, 500, err.msg);
		return;
	}
	p->err = err;
	p->resp->status = strcmp(err.field, "wait") == 0 ? 429 : 400;
	show_page(p);
}
