/*
 * The key of an encrypted database (docs/SECURITY.md). A passphrase becomes
 * a 256-bit key with Argon2id (libsodium's crypto_pwhash, MODERATE limits);
 * the salt and the limits live in a small plaintext header beside the
 * database (nabij.db.header), never the key. Passphrases and keys are kept
 * only in locked memory from vault_secret and wiped by vault_free.
 */
#ifndef NB_VAULT_H
#define NB_VAULT_H

#include "core/err.h"

#include <sodium.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct vault_header {
	unsigned long long opslimit;
	size_t memlimit;
	unsigned char salt[crypto_pwhash_SALTBYTES];
};

/* Once at start: libsodium ready, no core dumps (RLIMIT_CORE 0, not
 * dumpable), so that a crash never writes a key or a note to the disk. */
enum nb_err vault_harden(struct nb_error *err);

/* Locked, guarded memory for a secret of n bytes (zeroed); vault_free
 * wipes and releases it. Out of memory ends the program. */
char *vault_secret(size_t n);
void vault_free(char *secret);

/* The header's path beside db (a new string). */
char *vault_header_path(const char *db);
/* A new header: a random salt and the MODERATE limits. */
void vault_header_new(struct vault_header *h);
enum nb_err vault_header_read(const char *path, struct vault_header *h, struct nb_error *err);
/* Write h to path through a temporary file, flushed and renamed, 0600. */
enum nb_err vault_header_write(const char *path, const struct vault_header *h,
			       struct nb_error *err);

/*
 * The database key of a passphrase under h, as SQLCipher's raw-key text
 * x'<64 hex digits>' in vault_secret memory (*key; vault_free it). Takes
 * about half a second by design.
 */
enum nb_err vault_key(const char *pass, size_t len, const struct vault_header *h, char **key,
		      struct nb_error *err);
/*
 * The small files beside the database, read as outside input. Open one
 * without following a link or waiting on a pipe, only when it is a regular
 * file of this user that others cannot write (private: nor read, mode 0600);
 * -1 with errno otherwise (ENOENT none, ELOOP a link, EINVAL not a regular
 * file, EPERM another user's or open to others; what open() says else).
 */
int vault_beside_open(const char *path, int flags, bool private);
/* Read such a file whole into buf (terminated); its length, or -1 with
 * errno (EFBIG when it does not fit in size - 1 bytes). */
ssize_t vault_beside_read(const char *path, char *buf, size_t size, bool private);
/* Write path whole: a new file beside it (never one that was there, never
 * through a link; 0600), flushed, then renamed into place. */
bool vault_beside_write(const char *path, const char *data, size_t len);

/* Whether two keys are the same, in a time that does not tell where they differ. */
bool vault_same_key(const char *a, const char *b);

#endif
