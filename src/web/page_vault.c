/*
 * The passphrase in the browser (docs/SECURITY.md): /unlock opens an
 * encrypted database when "nabij ui" started with it locked, and /protect
 * lets a person encrypt an unencrypted one, offered at first use. The
 * passphrase goes from the form to app_open or app_protect and is wiped
 * from the request right after; it is never written into a page.
 */
#include "page.h"
#include "core/i18n.h"

#include <sodium.h>
#include <string.h>
#include <time.h>

/* Wrong passphrases in a row before a pause, and the longest pause. */
#define UNLOCK_FREE 3
#define UNLOCK_PAUSE_MAX 60

static double mono(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/*
 * After a few wrong passphrases each next try waits a little longer (2, 4,
 * 8 ... seconds, a minute at most). A try too soon is refused at once, with
 * the seconds to wait: never by sleeping in the request, which would hold
 * every other page of nabij as well. Seconds left, or 0 to go on.
 */
static int unlock_wait(const struct web *w)
{
	double left = w->unlock_after - mono();

	return left > 0 ? (int)left + 1 : 0;
}

static void unlock_failed(struct web *w)
{
	int over = ++w->unlock_fails - UNLOCK_FREE;

	if (over > 0)
		w->unlock_after = mono() + (over >= 6 ? UNLOCK_PAUSE_MAX : 1 << over);
}

/* Overwrite a posted field's value, once it has been used. */
static void wipe(struct page *p, const char *name)
{
	const struct web_kv *kv = kvs_find(&p->req->form, name);

	if (kv && kv->value)
		sodium_memzero(kv->value, kv->len);
}

/* Start again beside locked notes: they keep their file, unopened. */
static void set_aside(struct page *p)
{
	char *aside = NULL;

	if (!fchecked(p, "sure", "1")) {
		nb_error_set(&p->err, NB_EINVAL, "sure", "%s",
			     _("Tick the box first, so that nothing is set aside by a slip of the finger."));
		return;
	}
	if (app_set_aside(p->app, p->local->db_path, &aside, &p->err))
		return;
	p->local->locked = false;
	page_begin(p, _("A new start"), NULL);
	h(p, "<h1>%s</h1><p class=\"saved\" role=\"status\">%s</p><p>%s</p><p class=\"quiet\">%s</p>"
	     "<p><a class=\"button\" href=\"/checkin\">%s</a> <a href=\"/\">%s</a></p>",
	  _("A new start"),
	  _("nabij has started again, empty and without a passphrase."),
	  _("The locked notes were not deleted. They are kept, unchanged, in this file:"),
	  aside, _("Begin with a check-in"), _("Today"));
	free(aside);
	page_end(p);
}

void page_unlock(struct page *p)
{
	const char *pass = fval(p, "passphrase");

	if (!p->local->locked) {
		page_redirect(p, "/");
		return;
	}
	if (p->posted && fval(p, "aside")) {
		set_aside(p);
		if (!p->err.code)
			return;
		p->resp->status = 422;
	} else if (p->posted) {
		int wait = unlock_wait(p->local);

		if (!pass || !*pass) {
			nb_error_set(&p->err, NB_EINVAL, "passphrase", "%s", _("Enter your passphrase."));
		} else if (wait) {
			nb_error_set(&p->err, NB_EINVAL, "passphrase",
				     ngettext("That was not the passphrase several times. Take a breath, and try again in %d second.",
					      "That was not the passphrase several times. Take a breath, and try again in %d seconds.",
					      wait), wait);
			p->resp->status = 429;
		} else if (!app_open(p->app, p->local->db_path, pass, strlen(pass), &p->err)) {
			wipe(p, "passphrase");
			p->local->locked = false;
			p->local->unlock_fails = 0;
			page_redirect(p, "/");
			return;
		} else {
			unlock_failed(p->local);
		}
		wipe(p, "passphrase");
		if (!wait)
			p->resp->status = 403;
	}
	p->secret = true;
	page_begin(p, _("Unlock nabij"), NULL);
	h(p, "<h1>%s</h1><p class=\"intro\">%s</p>", _("Unlock nabij"),
	  _("Your notes are encrypted with your passphrase. Enter it to open them; it stays on this computer."));
	form_errors(p);
	form_begin(p, "/unlock", "unlock");
	w_secret(p, "passphrase", _("Passphrase"), NULL, "current-password");
	form_end(p, _("Unlock"));
	h(p, "<details%r><summary>%s</summary><p>%s</p><p>%s</p><p>%s</p>",
	  p->err.code && strcmp(p->err.field, "sure") == 0 ? " open" : "",
	  _("Forgot your passphrase?"),
	  _("Take your time and try again: perhaps with capitals as you first typed them, or as you wrote it down. Passphrases often come back after a night's sleep."),
	  _("Nobody can open these notes without it, not even nabij: that is what keeps them private."),
	  _("If you want to go on without them, nabij can start again, empty. Your locked notes are not deleted: they stay in their file on this computer, untouched, and open again if the passphrase comes back to you."));
	form_begin(p, "/unlock", "aside");
	h(p, "<input type=\"hidden\" name=\"aside\" value=\"1\">");
	if (p->err.code && strcmp(p->err.field, "sure") == 0)
		h(p, "<p class=\"field-error\" id=\"err-sure\">%s</p>", p->err.msg);
	h(p, "<p><label><input type=\"checkbox\" name=\"sure\" value=\"1\"> %s</label></p>",
	  _("I want to start again; keep my locked notes aside"));
	form_end(p, _("Start again, empty"));
	h(p, "</details>");
	page_end(p);
}

/* Change the passphrase (the one in use asked first), or remove it. */
static void change(struct page *p, bool removing)
{
	const char *old = fval(p, removing ? "current" : "old");
	const char *pass = fval(p, "passphrase"), *again = fval(p, "again");

	if (app_check_passphrase(p->app, p->local->db_path, old, old ? strlen(old) : 0, &p->err)) {
		if (removing)	/* the field of the form it came from */
			snprintf(p->err.field, sizeof p->err.field, "current");
		return;
	}
	if (removing && !fchecked(p, "sure", "1")) {
		nb_error_set(&p->err, NB_EINVAL, "sure", "%s",
			     _("Tick the box first: without a passphrase, anyone who can read your files can read your notes."));
		return;
	}
	if (!removing && (!pass || !again || strcmp(pass, again) != 0)) {
		nb_error_set(&p->err, NB_EINVAL, "again", "%s", _("The two new passphrases differ. Nothing was changed."));
		return;
	}
	if (app_protect(p->app, p->local->db_path, removing ? NULL : pass, removing ? 0 : strlen(pass), &p->err))
		return;
	page_new_session(p);	/* a browser that had the old one is out */
	page_redirect(p, removing ? "/protect?removed=1" : "/protect?changed=1");
}

void page_protect(struct page *p)
{
	const char *pass = fval(p, "passphrase"), *again = fval(p, "again");
	const char *done = kvs_get(&p->req->query, "changed") ? _("Your passphrase is changed. From now on, nabij opens with the new one.")
			 : kvs_get(&p->req->query, "removed") ? _("The passphrase is removed. Your notes are all still here, now stored without encryption.")
			 : NULL;
	bool encrypted = app_encrypted(p->app, p->local->db_path), removing = fval(p, "remove") != NULL;

	if (p->posted && encrypted) {
		change(p, removing);
		wipe(p, "old");
		wipe(p, "current");
		wipe(p, "passphrase");
		wipe(p, "again");
		if (!p->err.code)
			return;
		p->resp->status = 422;
	} else if (p->posted) {
		if (!pass || !again || strcmp(pass, again) != 0)
			nb_error_set(&p->err, NB_EINVAL, "again", "%s", _("The two passphrases differ. Nothing was changed."));
		else if (!app_protect(p->app, p->local->db_path, pass, strlen(pass), &p->err)) {
			wipe(p, "passphrase");
			wipe(p, "again");
			page_new_session(p);
			page_redirect(p, "/protect?set=1");
			return;
		}
		wipe(p, "passphrase");
		wipe(p, "again");
		p->resp->status = 422;
	}
	p->secret = true;
	page_begin(p, _("Protect your notes"), "");
	h(p, "<h1>%s</h1>", _("Protect your notes"));
	if (done)
		h(p, "<p class=\"saved\" role=\"status\">%s %s</p>", done,
		  _("Any other browser that was signed in to nabij is signed out now."));
	if (encrypted) {
		bool on_remove = p->err.code && removing;
		h(p, "<p class=\"intro\">%s</p>",
		  _("Your notes are encrypted with your passphrase. Someone who gets this computer's disk, or a backup of it, cannot read them without it."));
		if (kvs_get(&p->req->query, "set"))
			h(p, "<p class=\"saved\" role=\"status\">%s</p>",
			  _("Your notes are encrypted now. Keep the passphrase somewhere safe, such as a password manager."));
		h(p, "<h2>%s</h2>", _("Choose another passphrase"));
		if (!on_remove)
			form_errors(p);
		form_begin(p, "/protect", "protect");
		w_secret(p, "old", _("The passphrase you use now"), NULL, "current-password");
		w_secret(p, "passphrase", _("New passphrase"), _("At least 8 characters; a few words you remember work well."),
			 "new-password");
		w_secret(p, "again", _("The same new passphrase once more"), NULL, "new-password");
		form_end(p, _("Change the passphrase"));
		h(p, "<details%r><summary>%s</summary><p>%s</p>", on_remove ? " open" : "",
		  _("Remove the passphrase"),
		  _("Your notes stay, but are stored without encryption again: anyone who can read your files, or a backup of them, can read them."));
		if (on_remove)
			form_errors(p);
		form_begin(p, "/protect", "unprotect");
		h(p, "<input type=\"hidden\" name=\"remove\" value=\"1\">");
		w_secret(p, "current", _("The passphrase you use now"), NULL, "current-password");
		if (p->err.code && strcmp(p->err.field, "sure") == 0)
			h(p, "<p class=\"field-error\" id=\"err-sure\">%s</p>", p->err.msg);
		h(p, "<p><label><input type=\"checkbox\" name=\"sure\" value=\"1\"> %s</label></p>",
		  _("Yes, store my notes without a passphrase"));
		form_end(p, _("Remove the passphrase"));
		h(p, "</details>");
		page_end(p);
		return;
	}
	h(p, "<p class=\"intro\">%s</p><p>%s</p>",
	  _("Your notes stay on this computer. With a passphrase they are also encrypted, so that someone who gets the disk, or a backup of it, cannot read them."),
	  _("nabij will ask for it each time it opens. Without it nobody can read the notes, not even you: keep it somewhere safe, such as a password manager."));
	form_errors(p);
	form_begin(p, "/protect", "protect");
	w_secret(p, "passphrase", _("New passphrase"), _("At least 8 characters; a few words you remember work well."),
		 "new-password");
	w_secret(p, "again", _("The same passphrase once more"), NULL, "new-password");
	form_end(p, _("Encrypt my notes"));
	h(p, "<p class=\"quiet\">%s</p>", _("This is a choice, not a must: nabij works the same without it."));
	page_end(p);
}
