/*
 * The local mode's file: opening a database, locked or not, checking,
 * backing up and restoring it, setting it aside, and changing how it is
 * protected: a passphrase set, changed or removed (docs/SECURITY.md). The
 * one part of app/ that uses store/local.h; the other use-cases see only
 * the record store it opens.
 *
 * A change of the passphrase writes a full copy under the new key next to
 * the database and then puts it in place, so that a crash at any moment
 * leaves one database that opens: the header of the previous key is kept
 * as .header.old until the copy is in place, and opening tries it when the
 * current header does not fit.
 */
#include "app.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "store/local.h"
#include "vault/vault.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PASS_MIN 8	/* bytes; the passphrase's strength is up to the person */

bool app_encrypted(const struct nb_app *a, const char *path)
{
	if (a && a->store.ops)
		return a->key != NULL;
	return path && local_encrypted(path);
}

enum nb_err app_check_file(const char *path, struct nb_error *err)
{
	char *hpath, *old;
	bool known;

	if (!path || strcmp(path, ":memory:") == 0 || !local_encrypted(path))
		return NB_OK;
	hpath = vault_header_path(path);
	old = xasprintf("%s.old", hpath);
	known = access(hpath, F_OK) == 0 || access(old, F_OK) == 0;
	free(hpath);
	free(old);
	return known ? NB_OK
		     : nb_error_set(err, NB_EINVAL, "db",
				    _("%s is not a nabij database: it is not a SQLite file, and no key header of nabij lies beside it. Nothing was changed."),
				    path);
}

/* How a's database is opened: read-only where it can be when it only
 * reads (but to write when a deleted record waited its time and the file
 * can be written, see app_expire); for a check, never made anew and
 * without the check at unlock. */
static enum nb_err open_store(struct nb_app *a, const char *path, const char *key, struct nb_error *err)
{
	struct nb_store reader;
	enum nb_err rc;

	memset(&a->yesterday, 0, sizeof a->yesterday);	/* kept of another connection */
	if (a->checking && strcmp(path, ":memory:") != 0 && access(path, F_OK) != 0)
		return nb_error_set(err, NB_ENOTFOUND, "db",
				    _("There is no database at %s yet, so there is nothing to check."), path);
	if (a->checking)
		return local_open(path, key, NB_LOCAL_CHECK, &a->store, err);
	if (!a->reading)
		return local_open(path, key, NB_LOCAL_WRITE, &a->store, err);
	if ((rc = local_open(path, key, NB_LOCAL_READ, &a->store, err)) || !app_expire_due(a))
		return rc;
	/* what was deleted and waited its time goes for good (app_open) also
	 * when the command only reads, where the database can be written */
	reader = a->store;
	if (local_open(path, key, NB_LOCAL_WRITE, &a->store, NULL))
		a->store = reader;
	else
		store_close(&reader);
	app_expire(a, NULL);
	return NB_OK;
}

/* Open path with the key of pass under the header at hpath. */
static enum nb_err open_with(struct nb_app *a, const char *path, const char *hpath,
			     const char *pass, size_t len, struct nb_error *err)
{
	struct vault_header h;
	char *key = NULL;
	enum nb_err rc;

	if ((rc = vault_header_read(hpath, &h, err)) || (rc = vault_key(pass, len, &h, &key, err)))
		return rc;
	if ((rc = open_store(a, path, key, err)))
		vault_free(key);
	else
		a->key = key;	/* for a backup under the same key; wiped by app_close */
	return rc;
}

void app_close(struct nb_app *a)
{
	store_close(&a->store);
	memset(&a->yesterday, 0, sizeof a->yesterday);
	vault_free(a->key);
	a->key = NULL;
}

bool app_is_open(const struct nb_app *a)
{
	return a->store.ops != NULL;
}

enum nb_err app_check(struct nb_app *a, struct nb_check *out, struct nb_error *err)
{
	return local_check(&a->store, out, err);
}

enum nb_err app_open(struct nb_app *a, const char *path, const char *pass, size_t len,
		     struct nb_error *err)
{
	char *hpath, *old;
	enum nb_err rc;

	if (!pass) {
		rc = open_store(a, path, NULL, err);
	} else {
		hpath = vault_header_path(path);
		old = xasprintf("%s.old", hpath);
		rc = open_with(a, path, hpath, pass, len, err);
		/* a change that stopped halfway: the database still has the old key */
		if (rc && access(old, F_OK) == 0 && !open_with(a, path, old, pass, len, NULL))
			rc = NB_OK;
		free(hpath);
		free(old);
	}
	/* what was deleted and has waited its time goes for good now (a busy
	 * or read-only database keeps it hidden until the next time; for a
	 * command that only reads, open_store saw to it) */
	if (!rc && !a->checking && !a->reading)
		app_expire(a, NULL);
	return rc;
}

enum nb_err app_check_passphrase(struct nb_app *a, const char *path, const char *pass, size_t len,
				 struct nb_error *err)
{
	char *hpath = vault_header_path(path), *key = NULL;
	struct vault_header h;
	enum nb_err rc;
	bool same;

	if (!pass || !len)
		return nb_error_set(err, NB_EINVAL, "old", "%s", _("Enter the passphrase you use now."));
	if ((rc = vault_header_read(hpath, &h, err)) || (rc = vault_key(pass, len, &h, &key, err))) {
		free(hpath);
		return rc;
	}
	same = vault_same_key(key, a->key);
	vault_free(key);
	free(hpath);
	return same ? NB_OK
		    : nb_error_set(err, NB_EINVAL, "old", "%s",
				   _("That is not the passphrase these notes open with now. Nothing was changed."));
}

/* Flush the folder holding path, so that a rename in it is on the disk. */
static void sync_folder(const char *path)
{
	char *copy = xstrdup(path);
	int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(copy);
}

enum nb_err app_set_aside(struct nb_app *a, const char *path, char **aside, struct nb_error *err)
{
	/* the database, its headers and SQLite's files beside it move together */
	static const char *const parts[] = { "", ".header", ".header.old", "-wal", "-shm" };
	char *to = NULL;
	size_t moved = 0;
	enum nb_err rc;

	*aside = NULL;
	if (a->store.ops || !path || strcmp(path, ":memory:") == 0)
		return nb_error_set(err, NB_EINVAL, "db", "%s", _("Only a locked database can be set aside."));
	/* a name of its own: renameat2's NOREPLACE never writes over anything
	 * there (a file, a link someone put in a shared folder) */
	for (int n = 1; !to && n < 1000; n++) {
		to = xasprintf("%s.locked-%d", path, n);
		if (renameat2(AT_FDCWD, path, AT_FDCWD, to, RENAME_NOREPLACE) != 0) {
			int e = errno;
			free(to);
			to = NULL;
			if (e != EEXIST)
				return nb_error_set(err, NB_EIO, "db", _("The database could not be set aside (%s). Nothing was changed."),
						    strerror(e));
		}
	}
	if (!to)
		return nb_error_set(err, NB_EIO, "db", "%s", _("There is no free name beside the database to set it aside. Nothing was changed."));
	for (moved = 1; moved < sizeof parts / sizeof parts[0]; moved++) {
		char *from = xasprintf("%s%s", path, parts[moved]), *dest = xasprintf("%s%s", to, parts[moved]);
		int bad = access(from, F_OK) == 0 &&
			  renameat2(AT_FDCWD, from, AT_FDCWD, dest, RENAME_NOREPLACE) != 0;
		free(from);
		free(dest);
		if (bad)
			break;
	}
	if (moved < sizeof parts / sizeof parts[0]) {	/* put back what moved */
		rc = nb_error_set(err, NB_EIO, "db", _("The database could not be set aside (%s). Nothing was changed."),
				  strerror(errno));
		while (moved-- > 0) {
			char *from = xasprintf("%s%s", to, parts[moved]), *dest = xasprintf("%s%s", path, parts[moved]);
			if (access(from, F_OK) == 0)
				(void)!rename(from, dest);
			free(from);
			free(dest);
		}
		free(to);
		return rc;
	}
	sync_folder(path);
	if ((rc = app_open(a, path, NULL, 0, err))) {
		free(to);
		return rc;
	}
	*aside = to;
	return NB_OK;
}

enum nb_err app_protect(struct nb_app *a, const char *path, const char *pass, size_t len,
			struct nb_error *err)
{
	char *tmp = xasprintf("%s.new", path), *hpath = vault_header_path(path);
	char *old = xasprintf("%s.old", hpath), *wal = xasprintf("%s-wal", path), *key = NULL;
	struct vault_header h;
	enum nb_err rc;

	if (!path || strcmp(path, ":memory:") == 0) {	/* nothing on a disk to protect */
		rc = nb_error_set(err, NB_EINVAL, "db", "%s", _("This database lives in memory only; there is nothing to encrypt."));
		goto out;
	}
	unlink(tmp);
	if (pass && len < PASS_MIN) {
		rc = nb_error_set(err, NB_EINVAL, "passphrase",
				  _("A passphrase needs at least %d characters; a few words you remember are stronger than a short one with odd signs."),
				  PASS_MIN);
		goto out;
	}
	if (pass) {
		vault_header_new(&h);
		if ((rc = vault_key(pass, len, &h, &key, err)))
			goto out;
	}
	if ((rc = local_copy(&a->store, tmp, key, err)))
		goto out;
	store_close(&a->store);	/* the key of the old database stays in a->key until the swap */
	memset(&a->yesterday, 0, sizeof a->yesterday);
	if (access(wal, F_OK) == 0) {	/* someone else still has it open */
		rc = nb_error_set(err, NB_EDB, "", "%s",
				  _("Another nabij (perhaps nabij ui) still has the database open. Close it and try again; nothing was changed."));
		unlink(tmp);
		local_open(path, a->key, NB_LOCAL_WRITE, &a->store, NULL);
		goto out;
	}
	if (pass) {
		if (access(hpath, F_OK) == 0 && rename(hpath, old) != 0)
			goto io;
		if ((rc = vault_header_write(hpath, &h, err)))
			goto out;
	}
	if (rename(tmp, path) != 0)
		goto io;
	sync_folder(path);
	unlink(old);
	if (!pass)
		unlink(hpath);
	if (!(rc = local_open(path, key, NB_LOCAL_WRITE, &a->store, err))) {
		vault_free(a->key);
		a->key = key;
		key = NULL;
	}
	goto out;
io:
	rc = nb_error_set(err, NB_EIO, "db", _("Cannot put the new database in place: %s."), strerror(errno));
out:
	vault_free(key);
	free(tmp);
	free(hpath);
	free(old);
	free(wal);
	return rc;
}

/* Copy the file src to dest (new, 0600), flushed. */
static enum nb_err copy_file(const char *src, const char *dest, struct nb_error *err)
{
	char buf[1 << 16];
	int in = open(src, O_RDONLY | O_CLOEXEC), out = -1;
	ssize_t n = 0;

	if (in < 0)
		return nb_error_set(err, NB_EIO, "file", _("Cannot read %s: %s."), src, strerror(errno));
	if ((out = open(dest, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0) {
		close(in);
		return nb_error_set(err, NB_EIO, "file", _("Cannot write %s: %s."), dest, strerror(errno));
	}
	while ((n = read(in, buf, sizeof buf)) > 0)
		if (write(out, buf, (size_t)n) != n) {
			n = -1;
			break;
		}
	if (n < 0 || fsync(out) != 0) {
		nb_error_set(err, NB_EIO, "file", _("Cannot write %s: %s."), dest, strerror(errno));
		close(in);
		close(out);
		unlink(dest);
		return NB_EIO;
	}
	close(in);
	close(out);
	return NB_OK;
}

enum nb_err app_backup(struct nb_app *a, const char *path, const char *dest, struct nb_error *err)
{
	char *hpath, *dheader;
	enum nb_err rc;

	if (access(dest, F_OK) == 0)
		return nb_error_set(err, NB_EINVAL, "file",
				    _("%s is there already; nabij does not write over a file. Choose another name."), dest);
	if ((rc = local_backup(&a->store, dest, a->key, err)) || !a->key)
		return rc;
	hpath = vault_header_path(path);
	dheader = vault_header_path(dest);
	unlink(dheader);
	if ((rc = copy_file(hpath, dheader, err)))
		unlink(dest);
	free(hpath);
	free(dheader);
	return rc;
}

/* Remove the database file at path and what SQLite kept beside it. */
static void remove_db(const char *path)
{
	char *side = xasprintf("%s-wal", path);

	unlink(path);
	unlink(side);
	memcpy(side + strlen(side) - 3, "shm", 3);
	unlink(side);
	free(side);
}

/* rename, or say what stopped it */
static enum nb_err move(const char *from, const char *to, struct nb_error *err)
{
	if (rename(from, to) == 0)
		return NB_OK;
	return nb_error_set(err, NB_EIO, "db", _("Cannot put the new database in place: %s."), strerror(errno));
}

enum nb_err app_restore(struct nb_app *a, const char *path, const char *src, const char *pass,
			size_t len, struct nb_error *err)
{
	char *tmp = xasprintf("%s.restore", path), *theader = vault_header_path(tmp);
	char *sheader = vault_header_path(src), *hpath = vault_header_path(path);
	char *kept = xasprintf("%s.before-restore", path), *kheader = vault_header_path(kept);
	char *wal = xasprintf("%s-wal", path);
	struct nb_app check = { .now = a->now };
	struct stat from, to;
	bool encrypted;
	enum nb_err rc;

	/* the open database itself: reading it here would drop its locks */
	if (stat(src, &from) == 0 && stat(path, &to) == 0 && from.st_dev == to.st_dev &&
	    from.st_ino == to.st_ino) {
		rc = nb_error_set(err, NB_EINVAL, "file", _("%s is the database itself, not a backup of it."), src);
		goto out;
	}
	encrypted = local_encrypted(src);
	remove_db(tmp);
	unlink(theader);
	if ((rc = copy_file(src, tmp, err)) || (encrypted && (rc = copy_file(sheader, theader, err))))
		goto out;
	/* the copy must open, with its own passphrase, and be whole */
	if ((rc = app_open(&check, tmp, encrypted ? pass : NULL, len, err)) ||
	    (rc = local_integrity(&check.store, err))) {
		app_close(&check);
		remove_db(tmp);
		unlink(theader);
		goto out;
	}
	app_close(&check);
	app_close(a);
	if (access(wal, F_OK) == 0) {
		rc = nb_error_set(err, NB_EDB, "", "%s",
				  _("Another nabij (perhaps nabij ui) still has the database open. Close it and try again; nothing was changed."));
		remove_db(tmp);
		unlink(theader);
		goto out;
	}
	unlink(kept);
	unlink(kheader);
	if (access(path, F_OK) == 0 && (rc = move(path, kept, err)))
		goto out;
	if (access(hpath, F_OK) == 0 && (rc = move(hpath, kheader, err)))
		goto out;
	if ((encrypted && (rc = move(theader, hpath, err))) || (rc = move(tmp, path, err)))
		goto out;
	sync_folder(path);
	rc = app_open(a, path, encrypted ? pass : NULL, len, err);
out:
	free(tmp);
	free(theader);
	free(sheader);
	free(hpath);
	free(kept);
	free(kheader);
	free(wal);
	return rc;
}
