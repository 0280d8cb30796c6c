/*
 * The local mode's database file: one person's records in one SQLite
 * (SQLCipher) file. Opening it, with a key or without, for writing, for a
 * command that only reads, or for nabij check; copying and backing it up;
 * whether it is encrypted; its checks. What the use-cases read and write
 * goes through the record store an opening gives (struct nb_store_ops,
 * store.h), which a hosted store offers too; what is here only the local
 * mode uses (app/protect.c), and it takes only a store local_open gave.
 */
#ifndef NB_STORE_LOCAL_H
#define NB_STORE_LOCAL_H

#include "store.h"
#include "core/err.h"
#include "core/record.h"

#include <stdbool.h>
#include <stdint.h>

/* How a file is opened. */
enum nb_local_use {
	/* for writing: made when needed (with its folder), its schema brought
	 * up to date; ":memory:" for a database in memory only */
	NB_LOCAL_WRITE,
	/* for a command that only reads: read-only where the database is there
	 * and current, so that a person can read and export their data on a
	 * full or read-only disk (immutable when the disk is read-only and
	 * nobody has it open); otherwise as NB_LOCAL_WRITE */
	NB_LOCAL_READ,
	/* for nabij check: as NB_LOCAL_READ, and an encrypted file without its
	 * pages checked at unlock, since local_check counts those itself; a
	 * file whose schema cannot be read opens, for local_check alone */
	NB_LOCAL_CHECK,
};

/*
 * Open the database at path for use into out. key is SQLCipher's raw-key
 * text (vault_key), NULL for a plain file; a wrong key is an error, never
 * an empty database, and so is a page that does not match its seal (NB_EDB
 * on the field "damaged", as for any damage SQLite finds).
 */
enum nb_err local_open(const char *path, const char *key, enum nb_local_use use, struct nb_store *out,
		       struct nb_error *err);

/* Whether the file at path is there and is not a plain SQLite database
 * (an encrypted one starts with random bytes, not "SQLite format 3").
 * Only for a file this process has not opened through SQLite: reading it
 * opens and closes a descriptor, and that close drops SQLite's locks. */
bool local_encrypted(const char *path);

/* A page-for-page copy of the open database s into the new file dest with
 * SQLite's online backup, under the same key (NULL when unencrypted). */
enum nb_err local_backup(struct nb_store *s, const char *dest, const char *key, struct nb_error *err);

/*
 * A full copy of the open database s into the new file dest, encrypted with
 * dest_key (raw-key text) or plain when dest_key is NULL, flushed to disk
 * (sqlcipher_export). dest must not exist.
 */
enum nb_err local_copy(struct nb_store *s, const char *dest, const char *dest_key, struct nb_error *err);

/* Whether the open database s is whole (PRAGMA integrity_check): NB_OK, or
 * NB_EDB saying that it is damaged. */
enum nb_err local_integrity(struct nb_store *s, struct nb_error *err);

/* What a check of the database found: each number counts the problems of
 * one kind (0 when all is well), never what the records say. */
struct nb_check {
	bool encrypted;		/* the pages' seals (MACs) were checked too */
	int64_t pages;		/* pages of an encrypted file whose seal does not match */
	int64_t damage;		/* places where the file's structure is damaged */
	int64_t index;		/* places where the search index does not match the records */
	int64_t links;		/* rows pointing to a record that is not there */
	bool counted;		/* whether records could be counted */
	int64_t records[NB_TYPE__COUNT];	/* records of each kind */
};

/* Whether a check found anything wrong. */
static inline bool check_found(const struct nb_check *c)
{
	return c->pages || c->damage || c->index || c->links;
}

/* Check the open database s whole (nabij check): the pages of an encrypted
 * file, the file's structure, the search index against the records, the
 * links between records, and count the records of each kind. NB_OK when
 * the checks could run, whatever they found; a part too damaged to be read
 * counts as damage. */
enum nb_err local_check(struct nb_store *s, struct nb_check *out, struct nb_error *err);

#endif
