/*
 * The database file of the local mode (local.h): opening it (for writing,
 * or only for reading, with a key or without), bringing its schema up to
 * date, copying it under another key, backing it up, and checking it
 * whole. The file itself is never opened outside SQLite while a
 * connection is open (see local_encrypted).
 */
#include "db.h"
#include "local.h"
#include "schema.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/xalloc.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The schema number of the open database (PRAGMA user_version). */
static enum nb_err schema_version(struct db *d, int *version, struct nb_error *err)
{
	sqlite3_stmt *st;

	*version = 0;
	if (sqlite3_prepare_v2(d->h, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return sq_error(d, err);
	if (sqlite3_step(st) == SQLITE_ROW)
		*version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return NB_OK;
}

/*
 * Bring the schema to the newest version, all steps in one transaction:
 * a crash halfway leaves the database as it was. What the code fills in
 * (the search index, the summary of the days) is filled after the last
 * step, with the statements of the newest schema.
 */
static enum nb_err migrate(struct db *d, struct nb_error *err)
{
	int version, n = schema_latest();
	char pragma[64];
	enum nb_err rc;

	if ((rc = schema_version(d, &version, err)))
		return rc;
	if (version < 0)	/* never written by nabij: refuse before any step runs */
		return nb_error_set(err, NB_EDB, "", "%s",
				    _("This file is not a nabij database, or it was changed outside nabij (its schema number is below zero). Nothing was changed."));
	if (version > n)
		return nb_error_set(err, NB_EDB, "",
				    _("This database was made by a newer version of nabij (schema %d, this one knows %d). Please update nabij."),
				    version, n);
	if (version == n)	/* the search index made with this vocabulary's words */
		return sq_search_print(d, false, err);
	if ((rc = sq_exec(d, "BEGIN IMMEDIATE", err)))
		return rc;
	for (int v = version + 1; v <= n && !rc; v++) {
		struct nb_buf step = { 0 };

		schema_step(v, &step);
		rc = sq_exec(d, step.s ? step.s : "", err);
		buf_free(&step);
	}
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", n);
	if (rc || (rc = sq_exec(d, pragma, err)) ||
	    (version < NB_SCHEMA_REINDEX && (rc = sq_reindex(d, err))) ||
	    (rc = sq_search_print(d, version < NB_SCHEMA_REINDEX, err)) ||
	    (rc = days_refresh(d, err)) || (rc = sq_exec(d, "COMMIT", err))) {
		sq_rollback(d);
		return rc;
	}
	if (version < NB_SCHEMA_SCRUB)	/* the index written anew: the old pages out of the log */
		sq_scrub(d);
	return NB_OK;
}

/* For a reader: the schema must be this nabij's own, since a reader
 * cannot migrate (then the database is opened for writing instead). */
static enum nb_err current(struct db *d, struct nb_error *err)
{
	int version;
	enum nb_err rc;

	if ((rc = schema_version(d, &version, err)))
		return rc;
	return version == schema_latest() ? NB_OK : nb_error_set(err, NB_EDB, "", "%s", "schema");
}

/* mkdir -p for the folder holding path, private to the person (0700). */
static enum nb_err make_parent(const char *path, struct nb_error *err)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');

	if (slash && slash != dir) {
		*slash = '\0';
		for (char *p = dir + 1; *p; p++) {
			if (*p != '/')
				continue;
			*p = '\0';
			if (mkdir(dir, 0700) != 0 && errno != EEXIST)
				goto fail;
			*p = '/';
		}
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			goto fail;
	}
	free(dir);
	return NB_OK;
fail:
	nb_error_set(err, NB_EIO, "db", _("Cannot create the folder %s: %s."), dir,
		     strerror(errno));
	free(dir);
	return NB_EIO;
}

/* The connection of a store that local_open gave (and no other backend's). */
static struct db *local_db(const struct nb_store *s)
{
	assert(s->ops == &sq_ops);
	return s->db;
}

enum nb_err local_copy(struct nb_store *s, const char *dest, const char *dest_key, struct nb_error *err)
{
	struct db *d = local_db(s);
	sqlite3_stmt *st = NULL;
	char pragma[64];
	int version = 0, fd;
	enum nb_err rc;

	sq_read_pause(d);	/* ATTACH needs no transaction open */
	if (sqlite3_prepare_v2(d->h, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return sq_error(d, err);
	if (sqlite3_step(st) == SQLITE_ROW)
		version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(d->h, "ATTACH DATABASE ?1 AS copy KEY ?2", -1, &st, NULL) != SQLITE_OK)
		return sq_error(d, err);
	sqlite3_bind_text(st, 1, dest, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, dest_key ? dest_key : "", -1, SQLITE_STATIC);
	rc = sqlite3_step(st) == SQLITE_DONE ? NB_OK : sq_error(d, err);
	sqlite3_finalize(st);
	if (rc)
		return rc;
	snprintf(pragma, sizeof pragma, "PRAGMA copy.user_version = %d", version);
	if ((rc = sq_exec(d, "SELECT sqlcipher_export('copy')", err)) || (rc = sq_exec(d, pragma, err))) {
		sq_exec(d, "DETACH DATABASE copy", NULL);
		return rc;
	}
	if ((rc = sq_exec(d, "DETACH DATABASE copy", err)))
		return rc;
	if ((fd = open(dest, O_RDONLY | O_CLOEXEC)) < 0 || fsync(fd) != 0) {
		rc = nb_error_set(err, NB_EIO, "", _("Cannot write %s: %s."), dest, strerror(errno));
		if (fd >= 0)
			close(fd);
		return rc;
	}
	close(fd);
	return NB_OK;
}

/*
 * Every page of an encrypted database carries a MAC; check them all once
 * at unlock, so that a page changed outside nabij stops it before anything
 * is shown, not halfway through a list. A page that does not match is an
 * error on the field "damaged" (restore puts a backup in place of it).
 */
static enum nb_err verify_pages(struct db *d, struct nb_error *err)
{
	sqlite3_stmt *st;
	int rc, bad = 0;

	if (sqlite3_prepare_v2(d->h, "PRAGMA cipher_integrity_check", -1, &st, NULL) != SQLITE_OK)
		return sq_error(d, err);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		bad++;
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sq_error(d, err);
	if (bad)
		return nb_error_set(err, NB_EDB, "damaged", "%s",
				    _("The database file is damaged, was changed outside nabij, or is not a nabij database (a page does not match its check). nabij shows nothing rather than part of it; a backup can be restored with nabij restore."));
	return NB_OK;
}

enum nb_err local_backup(struct nb_store *s, const char *dest, const char *key, struct nb_error *err)
{
	struct db *d = local_db(s);
	sqlite3 *to = NULL;
	sqlite3_backup *b;
	int rc, fd;

	if (sqlite3_open_v2(dest, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXCLUSIVE,
			    NULL) != SQLITE_OK ||
	    (key && sqlite3_key_v2(to, "main", key, (int)strlen(key)) != SQLITE_OK)) {
		nb_error_set(err, NB_EIO, "out", _("Cannot write %s: %s."), dest,
			     to ? sqlite3_errmsg(to) : strerror(errno));
		sqlite3_close(to);
		return NB_EIO;
	}
	if (!(b = sqlite3_backup_init(to, "main", d->h, "main"))) {
		nb_error_set(err, NB_EIO, "out", _("Cannot write %s: %s."), dest, sqlite3_errmsg(to));
		sqlite3_close(to);
		return NB_EIO;
	}
	while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		sqlite3_sleep(rc == SQLITE_OK ? 0 : 20);
	sqlite3_backup_finish(b);
	rc = rc == SQLITE_DONE ? sqlite3_errcode(to) : rc;
	sqlite3_close(to);
	if (rc != SQLITE_OK) {
		unlink(dest);
		return nb_error_set(err, NB_EIO, "out", _("Cannot write %s: %s."), dest, sqlite3_errstr(rc));
	}
	if ((fd = open(dest, O_RDONLY | O_CLOEXEC)) >= 0) {
		fsync(fd);
		close(fd);
	}
	return NB_OK;
}

enum nb_err local_integrity(struct nb_store *s, struct nb_error *err)
{
	struct db *d = local_db(s);
	sqlite3_stmt *st;
	bool ok = false;

	if (sqlite3_prepare_v2(d->h, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK)
		return sq_error(d, err);
	if (sqlite3_step(st) == SQLITE_ROW)
		ok = strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
	sqlite3_finalize(st);
	return ok ? NB_OK : nb_error_set(err, NB_EDB, "", "%s",
					 _("The database file is damaged, was changed outside nabij, or is not a nabij database (its integrity check failed)."));
}

/* Whether SQLite's code rc says that part of the file could not be read
 * (damaged, or a page that does not match its seal), rather than that a
 * check could not run at all. */
static bool unreadable(int rc)
{
	rc &= 0xff;
	return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB || rc == SQLITE_IOERR;
}

/* Count the rows of sql in *rows, except a row that says just "ok"; rows
 * that name the search index (entry_fts) count in *index when it is given.
 * A part too damaged to be read counts one in *damage. */
static enum nb_err count_rows(struct db *d, const char *sql, int64_t *rows, int64_t *index,
			      int64_t *damage, struct nb_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = sqlite3_prepare_v2(d->h, sql, -1, &st, NULL)) != SQLITE_OK) {
		if (!unreadable(rc))
			return sq_error(d, err);
		(*damage)++;
		return NB_OK;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(st, 0);
		if (line && strcmp(line, "ok") == 0)
			continue;
		(*(index && line && strstr(line, "entry_fts") ? index : rows))++;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return NB_OK;
	if (!unreadable(rc))
		return sq_error(d, err);
	(*damage)++;
	return NB_OK;
}

/* The number sql gives, added to *out; a part too damaged to be read
 * counts one in *damage instead. */
static enum nb_err count_value(struct db *d, const char *sql, int64_t *out, int64_t *damage,
			       struct nb_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = sqlite3_prepare_v2(d->h, sql, -1, &st, NULL)) == SQLITE_OK) {
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			*out += sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE)
		return NB_OK;
	if (!unreadable(rc))
		return sq_error(d, err);
	(*damage)++;
	return NB_OK;
}

/*
 * The search index's own check (FTS5's integrity-check command): whether
 * its pages hold together (the index keeps no text since schema 10, so
 * there is none to compare; local_check counts its rows against the records
 * beside it). It is written as an INSERT, which a
 * read-only connection refuses before FTS5 sees it; PRAGMA integrity_check
 * asks FTS5 the same (SQLite 3.44 and later), so nothing is missed then.
 */
static enum nb_err check_fts(struct db *d, struct nb_check *out, struct nb_error *err)
{
	int rc;

	if (sqlite3_exec(d->h, "INSERT INTO entry_fts(entry_fts) VALUES ('integrity-check')", NULL, NULL,
			 NULL) == SQLITE_OK)
		return NB_OK;
	rc = sqlite3_extended_errcode(d->h);
	if ((rc & 0xff) == SQLITE_READONLY)
		return NB_OK;
	if ((rc & 0xff) == SQLITE_CORRUPT && rc != SQLITE_CORRUPT)
		out->index++;	/* SQLITE_CORRUPT_VTAB: the index, not the file */
	else if (unreadable(rc))
		out->damage++;
	else
		return sq_error(d, err);
	return NB_OK;
}

/* The records of each kind; a part that cannot be read counts as damage. */
static enum nb_err count_records(struct db *d, struct nb_check *out, struct nb_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = sqlite3_prepare_v2(d->h, "SELECT type, count(*) FROM entry WHERE deleted IS NULL GROUP BY type", -1, &st,
				     NULL)) == SQLITE_OK) {
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			enum nb_type t = entry_type_parse((const char *)sqlite3_column_text(st, 0));
			if (t != NB_TYPE_NONE)
				out->records[t] += sqlite3_column_int64(st, 1);
		}
		sqlite3_finalize(st);
	}
	if (rc == SQLITE_DONE) {
		out->counted = true;
		return NB_OK;
	}
	if (!unreadable(rc))
		return sq_error(d, err);
	out->damage++;
	return NB_OK;
}

enum nb_err local_check(struct nb_store *s, struct nb_check *out, struct nb_error *err)
{
	struct db *d = local_db(s);
	enum nb_err rc;

	memset(out, 0, sizeof *out);
	out->encrypted = d->keyed;
	/* a page that does not match its seal cannot be read, so what the
	 * other checks would say of it adds nothing */
	if (d->keyed && ((rc = count_rows(d, "PRAGMA cipher_integrity_check", &out->pages, NULL, &out->pages, err)) ||
			 out->pages))
		return rc;
	if (d->broken) {	/* nothing past the file's header can be read */
		out->damage = 1;
		return NB_OK;
	}
	if ((rc = count_rows(d, "PRAGMA integrity_check", &out->damage, &out->index, &out->damage, err)) ||
	    (rc = check_fts(d, out, err)) ||
	    /* every record has its row in the index, and every row its record
	     * (a deleted one that waits for undo has none). The index keeps no
	     * text to compare (schema 10) and FTS5's check of a contentless
	     * table looks at its pages only, so its rows are counted in both
	     * tables FTS5 keeps of them: the language of each (entry_fts_content,
	     * whose ids are the rowids of entry_fts) and the number of its words
	     * (entry_fts_docsize, which ranking reads); a record counts once */
	    (rc = count_value(d, "SELECT (SELECT count(*) FROM entry WHERE deleted IS NULL"
				 "  AND (id NOT IN (SELECT id FROM entry_fts_content) OR id NOT IN (SELECT id FROM entry_fts_docsize)))"
				 " + (SELECT count(*) FROM (SELECT id FROM entry_fts_content UNION SELECT id FROM entry_fts_docsize)"
				 "  WHERE id NOT IN (SELECT id FROM entry WHERE deleted IS NULL))",
			      &out->index, &out->damage, err)) ||
	    (rc = count_rows(d, "PRAGMA foreign_key_check", &out->links, NULL, &out->damage, err)))
		return rc;
	return count_records(d, out, err);
}

bool local_encrypted(const char *path)
{
	char head[16];
	FILE *f = fopen(path, "rb");
	size_t n = f ? fread(head, 1, sizeof head, f) : 0;

	if (f)
		fclose(f);
	return n == sizeof head && memcmp(head, "SQLite format 3", 16) != 0;
}

/* path as a file: URI for SQLite, with the parameter q ("immutable=1") */
static char *file_uri(const char *path, const char *q)
{
	struct nb_buf b = { 0 };

	buf_add(&b, "file:");
	for (const char *c = path; *c; c++)
		if (*c == '%' || *c == '?' || *c == '#')
			buf_addf(&b, "%%%02X", (unsigned char)*c);
		else
			buf_addn(&b, c, 1);
	buf_addf(&b, "?%s", q);
	return buf_detach(&b);
}

/*
 * Before writing: the database and what SQLite keeps beside it must be the
 * person's own files that nobody else can change. In a shared folder
 * another user could have put an empty database or a -wal file of their
 * own there, and would then read every note written into it.
 */
static enum nb_err own_files(const char *path, struct nb_error *err)
{
	static const char *const sides[] = { "", "-wal", "-shm", "-journal" };
	struct stat st;

	for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++) {
		char *f = xasprintf("%s%s", path, sides[i]);
		bool bad = stat(f, &st) == 0 &&
			   (!S_ISREG(st.st_mode) || st.st_uid != geteuid() || (st.st_mode & 022));

		if (bad) {
			nb_error_set(err, NB_EIO, "db",
				     _("%s is not a file of yours that only you can change, so nabij does not write your notes into it. Keep the database in a folder of your own (the default one is)."),
				     f);
			free(f);
			return NB_EIO;
		}
		free(f);
	}
	return NB_OK;
}

/*
 * Open the database at path: for writing (created when needed, its schema
 * brought up to date), or, when reading, read-only and only when it is
 * there and of the current schema; immutable also tells SQLite that no one
 * writes to it, so that it needs no -shm file (a read-only disk). verify:
 * check every page of an encrypted one first (only nabij check, which
 * counts them itself, opens without).
 */
static enum nb_err open_db(const char *path, const char *key, bool reading, bool immutable,
			   bool verify, struct nb_store *out, struct nb_error *err)
{
	struct db *d;
	bool memory = strcmp(path, ":memory:") == 0;
	int flags = reading ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	char *uri = immutable ? file_uri(path, "immutable=1") : NULL;
	enum nb_err rc;

	out->ops = NULL;
	out->db = NULL;
	if (!memory && !reading && ((rc = make_parent(path, err)) || (rc = own_files(path, err))))
		return rc;
	d = xcalloc(1, sizeof *d);
	/* one thread at a time uses a connection (the web server takes turns) */
	rc = sqlite3_open_v2(uri ? uri : path, &d->h, flags | SQLITE_OPEN_NOMUTEX | (uri ? SQLITE_OPEN_URI : 0),
			     NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		rc = nb_error_set(err, NB_EDB, "db", _("Cannot open the database %s: %s."), path,
				  d->h ? sqlite3_errmsg(d->h) : "out of memory");
		sq_close(d);
		return rc;
	}
	sqlite3_extended_result_codes(d->h, 1);
	sqlite3_busy_timeout(d->h, 3000);
	if (getenv("NABIJ_SQL_COUNT") && *getenv("NABIJ_SQL_COUNT")) {
		d->say_each = strcmp(getenv("NABIJ_SQL_COUNT"), "each") == 0;
		sq_count(d);
	}
	d->keyed = key != NULL;
	if ((key && sqlite3_key_v2(d->h, "main", key, (int)strlen(key)) != SQLITE_OK) ||
	    sqlite3_exec(d->h, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) != SQLITE_OK) {
		/* a check says what it finds of a schema it cannot read (but a
		 * first page that does not open is a wrong key, or no database) */
		if (!verify && (sqlite3_extended_errcode(d->h) & 0xff) == SQLITE_CORRUPT) {
			d->broken = true;
			out->ops = &sq_ops;
			out->db = d;
			return NB_OK;
		}
		rc = (sqlite3_extended_errcode(d->h) & 0xff) == SQLITE_NOTADB
			? nb_error_set(err, NB_EDB, key ? "passphrase" : "db", "%s",
				       key ? _("This passphrase does not open the database (or the file was changed outside nabij). Nothing was shown or changed.")
					   : _("This file is not a nabij database (nor an encrypted one). Nothing was shown or changed."))
			: sq_error(d, err);
		sq_close(d);
		return rc;
	}
	if (key && verify && (rc = verify_pages(d, err))) {
		sq_close(d);
		return rc;
	}
	if ((rc = sq_exec(d, "PRAGMA foreign_keys = ON", err)) ||
	    (!memory && !reading && (rc = sq_exec(d, "PRAGMA journal_mode = WAL", err))) ||
	    (rc = sq_exec(d, "PRAGMA synchronous = FULL", err)) ||
	    /* a plain database is read through a map of the file, which spares
	     * copying each page into SQLite's cache (an encrypted one must be
	     * decrypted page by page, so SQLCipher reads it the usual way) */
	    (!key && (rc = sq_exec(d, MMAP_PRAGMA, err))) ||
	    (rc = reading ? current(d, err) : migrate(d, err))) {
		sq_close(d);
		return rc;
	}
	d->say_count = d->statements > 0;	/* counted since the opening: the store handed out */
	out->ops = &sq_ops;
	out->db = d;
	return NB_OK;
}

/*
 * Whether no connection can have the database at path open: an open one in
 * WAL mode keeps a -wal file and a -shm of at least 32 KiB. A write that
 * failed on a full disk leaves an empty -wal and a -shm it could not grow.
 */
static bool unused(const char *path)
{
	char *side = xasprintf("%s-wal", path);
	struct stat wal, shm;
	bool none;

	none = stat(side, &wal) != 0;
	if (!none && wal.st_size == 0) {
		memcpy(side + strlen(side) - 3, "shm", 3);
		none = stat(side, &shm) != 0 || shm.st_size < 32768;
	}
	free(side);
	return none;
}

enum nb_err local_open(const char *path, const char *key, enum nb_local_use use, struct nb_store *out,
		       struct nb_error *err)
{
	bool verify = use != NB_LOCAL_CHECK;

	if (use == NB_LOCAL_WRITE || strcmp(path, ":memory:") == 0 || access(path, F_OK) != 0)
		return open_db(path, key, false, false, verify, out, err);
	if (!open_db(path, key, true, false, verify, out, NULL))
		return NB_OK;
	/* SQLite could not set up its shared memory (a read-only or full disk):
	 * when nobody has the database open, read the file as it is */
	if (unused(path) && !open_db(path, key, true, true, verify, out, NULL))
		return NB_OK;
	return open_db(path, key, false, false, verify, out, err);	/* its message says why */
}
