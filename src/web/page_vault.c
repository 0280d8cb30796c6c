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

/* Overwrite a posted field's value, once it has been used. */
static void wipe(struct page *p, const char *name)
{
	const struct web_kv *kv = kvs_find(&p->req->form, name);

	if (kv && kv->value)
		sodium_memzero(kv->value, kv->len);
}

void page_unlock(struct page *p)
{
	const char *pass = fval(p, "passphrase");

	if (!p->w->locked) {
		page_redirect(p, "/");
		return;
	}
	if (p->posted) {
		if (!pass || !*pass) {
			nb_error_set(&p->err, NB_EINVAL, "passphrase", "%s", _("Enter your passphrase."));
		} else if (!app_open(p->w->app, p->w->db_path, pass, strlen(pass), &p->err)) {
			wipe(p, "passphrase");
			p->w->locked = false;
			page_redirect(p, "/");
			return;
		}
		wipe(p, "passphrase");
		p->resp->status = 403;
	}
	page_begin(p, _("Unlock nabij"), NULL);
	h(p, "<h1>%s</h1><p class=\"intro\">%s</p>", _("Unlock nabij"),
	  _("Your notes are encrypted with your passphrase. Enter it to open them; it stays on this computer."));
	form_errors(p);
	form_begin(p, "/unlock", "unlock");
	w_secret(p, "passphrase", _("Passphrase"), NULL, "current-password");
	form_end(p, _("Unlock"));
	h(p, "<p class=\"quiet\">%s</p>",
	  _("Forgot it? Then the notes cannot be opened, by anyone; that is what keeps them private. A new start is possible with a new database."));
	page_end(p);
}

void page_protect(struct page *p)
{
	const char *pass = fval(p, "passphrase"), *again = fval(p, "again");
	bool encrypted = app_encrypted(p->w->app, p->w->db_path);

	if (p->posted && !encrypted) {
		if (!pass || !again || strcmp(pass, again) != 0)
			nb_error_set(&p->err, NB_EINVAL, "again", "%s", _("The two passphrases differ. Nothing was changed."));
		else if (!app_protect(p->w->app, p->w->db_path, pass, strlen(pass), &p->err)) {
			wipe(p, "passphrase");
			wipe(p, "again");
			page_redirect(p, "/protect");
			return;
		}
		wipe(p, "passphrase");
		wipe(p, "again");
		p->resp->status = 422;
	}
	page_begin(p, _("Protect your notes"), "");
	h(p, "<h1>%s</h1>", _("Protect your notes"));
	if (encrypted) {
		h(p, "<p class=\"intro\">%s</p><p>%s</p>",
		  _("Your notes are encrypted with your passphrase. Someone who gets this computer's disk, or a backup of it, cannot read them without it."),
		  _("To choose another passphrase or to remove it, use \"nabij passphrase change\" or \"nabij passphrase remove\" in a terminal."));
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
