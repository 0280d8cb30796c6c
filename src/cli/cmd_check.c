/*
 * nabij check: whether the database is whole (the pages of an encrypted
 * file, the file's structure, the search index, the links between
 * records), said in words with what a person can do when it is not. It
 * only reads, so it works on a read-only disk and beside a running nabij
 * ui, and it never shows what the records say: only how many there are.
 */
#include "cli.h"
#include "core/i18n.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>

#define WIDTH 76

static void print_json(const struct nb_check *k)
{
	printf("{\n  \"ok\": %s,\n  \"encrypted\": %s,\n", check_found(k) ? "false" : "true",
	       k->encrypted ? "true" : "false");
	printf("  \"pages\": %lld,\n  \"structure\": %lld,\n  \"index\": %lld,\n  \"links\": %lld",
	       (long long)k->pages, (long long)k->damage, (long long)k->index, (long long)k->links);
	if (k->counted) {
		printf(",\n  \"records\": {");
		for (int t = NB_CHECKIN; t < NB_TYPE__COUNT; t++)
			printf("%s\n    \"%s\": %lld", t == NB_CHECKIN ? "" : ",", entry_type_id((enum nb_type)t),
			       (long long)k->records[t]);
		printf("\n  }");
	}
	printf("\n}\n");
}

/* One point of a list, wrapped under its dash; text is freed. */
static void point(char *text)
{
	out_hanging(stdout, "  - ", text, WIDTH);
	free(text);
}

static void print_well(const struct nb_check *k)
{
	bool any = false;

	out_wrapped(stdout, _("All is well: nabij checked the whole database and found nothing wrong."), 0, WIDTH);
	out_wrapped(stdout, k->encrypted
		    ? _("Checked: the seal of every page (the database is encrypted), the file's structure, the search index, and the links between records.")
		    : _("Checked: the file's structure, the search index, and the links between records."),
		    0, WIDTH);
	for (int t = NB_CHECKIN; t < NB_TYPE__COUNT; t++)
		any = any || k->records[t] > 0;
	if (!any) {
		puts(_("It holds no records yet."));
		return;
	}
	puts(_("It holds:"));
	for (int t = NB_CHECKIN; t < NB_TYPE__COUNT; t++)
		if (k->records[t] > 0)
			printf("  %-22s %lld\n", entry_type_label((enum nb_type)t), (long long)k->records[t]);
}

static void print_found(const struct cli *c, const struct nb_check *k)
{
	unsigned long n;
	bool file = k->pages || k->damage;

	out_wrapped(stdout, _("nabij found something wrong in the database:"), 0, WIDTH);
	if ((n = (unsigned long)k->pages))
		point(xasprintf(ngettext("%lu page of the encrypted file does not match its seal: it was damaged, or changed outside nabij.",
					 "%lu pages of the encrypted file do not match their seal: they were damaged, or changed outside nabij.",
					 n), n));
	if ((n = (unsigned long)k->damage))
		point(xasprintf(ngettext("The file's structure is damaged in %lu place.",
					 "The file's structure is damaged in %lu places.", n), n));
	if ((n = (unsigned long)k->index))
		point(xasprintf(ngettext("The search index does not match your records in %lu place: a search may miss a record, or find one that is gone.",
					 "The search index does not match your records in %lu places: a search may miss a record, or find one that is gone.",
					 n), n));
	if ((n = (unsigned long)k->links))
		point(xasprintf(ngettext("%lu part of a record points to a record that is no longer there.",
					 "%lu parts of records point to a record that is no longer there.", n), n));
	out_wrapped(stdout, _("Nothing was changed, and nothing of what you wrote is shown here."), 0, WIDTH);
	printf("\n%s\n", _("What you can do:"));
	point(xasprintf(k->encrypted ? _("First keep a copy of the database as it is, with its .header: %s")
				     : _("First keep a copy of the database as it is: %s"),
			c->db_path));
	if (!file) {
		point(xstrdup(_("Your records themselves can still be read. To make the search index and the links anew: nabij export --out FILE, then nabij --db NEW import FILE, then nabij restore NEW, which puts the new database in place and keeps this one beside it.")));
		if (k->encrypted)
			point(xstrdup(_("If the new database has no passphrase, nabij passphrase set locks it again.")));
		return;
	}
	point(xstrdup(_("If you have a backup, check it with nabij --db BACKUP check, and put it back with nabij restore BACKUP; the database as it is now is kept beside it.")));
	if (k->pages)
		point(xstrdup(_("Without a backup, nabij does not open this database: it shows nothing rather than a part that may have been changed.")));
	else
		point(xstrdup(_("Without a backup, try nabij export --out FILE. When it succeeds, nabij --db NEW import FILE makes a new, whole database of what could be read, and nabij restore NEW puts it in place.")));
	if (k->encrypted && !k->pages)
		point(xstrdup(_("If the new database has no passphrase, nabij passphrase set locks it again.")));
}

int cmd_check(struct cli *c, int argc, char **argv)
{
	struct nb_error err = { 0 };
	struct nb_check k;

	(void)argv;
	if (argc != 1)
		return cli_usage("check", "%s", _("Usage: nabij check"));
	c->no_offer = true;	/* a check makes no database, so it offers nothing */
	c->app.checking = true;
	if (cli_open(c, &err) || app_check(&c->app, &k, &err))
		return cli_fail(&err);
	if (c->json)
		print_json(&k);
	else if (check_found(&k))
		print_found(c, &k);
	else
		print_well(&k);
	return check_found(&k) ? cli_exit(NB_EDB) : 0;
}
