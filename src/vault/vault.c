/* Keys from passphrases, the header beside the database; see vault.h. */
#include "vault.h"
#include "core/i18n.h"
#include "core/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#define HEADER_MAGIC "nabij-key 1"

enum nb_err vault_harden(struct nb_error *err)
{
	struct rlimit none = { 0, 0 };

	if (sodium_init() < 0)
		return nb_error_set(err, NB_EIO, "", "%s", _("The cryptography library could not start."));
	setrlimit(RLIMIT_CORE, &none);
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	return NB_OK;
}

char *vault_secret(size_t n)
{
	char *p = sodium_malloc(n);

	if (!p) {
		fputs("nabij: out of memory\n", stderr);
		abort();
	}
	sodium_memzero(p, n);
	return p;
}

bool vault_same_key(const char *a, const char *b)
{
	size_t n = a ? strlen(a) : 0;

	return a && b && n == strlen(b) && sodium_memcmp(a, b, n) == 0;
}

void vault_free(char *secret)
{
	if (secret)
		sodium_free(secret);	/* wipes, unlocks, releases */
}

char *vault_header_path(const char *db)
{
	return xasprintf("%s.header", db);
}

void vault_header_new(struct vault_header *h)
{
	h->opslimit = crypto_pwhash_OPSLIMIT_MODERATE;
	h->memlimit = crypto_pwhash_MEMLIMIT_MODERATE;
	randombytes_buf(h->salt, sizeof h->salt);
}

enum nb_err vault_header_read(const char *path, struct vault_header *h, struct nb_error *err)
{
	char text[512], magic[32] = "", kdf[32] = "", salt[2 * crypto_pwhash_SALTBYTES + 1] = "";
	unsigned long long ops = 0, mem = 0;
	size_t len = 0;
	int n;

	if (vault_beside_read(path, text, sizeof text, false) < 0)
		return nb_error_set(err, NB_EIO, "db",
				    errno == ENOENT || errno == EIO || errno == EFBIG
					    ? _("The key header %s cannot be read (%s); without it the database cannot be opened.")
					    : _("The key header %s is not a file of yours that only you can change (%s), so nabij does not trust it. Nothing was opened."),
				    path, strerror(errno));
	n = sscanf(text, "%31[^\n]\nkdf %31s\nopslimit %llu\nmemlimit %llu\nsalt %32s", magic, kdf, &ops,
		   &mem, salt);
	if (n != 5 || strcmp(magic, HEADER_MAGIC) != 0 || strcmp(kdf, "argon2id13") != 0 ||
	    ops < crypto_pwhash_OPSLIMIT_MIN || ops > crypto_pwhash_OPSLIMIT_MAX ||
	    mem < crypto_pwhash_MEMLIMIT_MIN || mem > crypto_pwhash_MEMLIMIT_MAX ||
	    sodium_hex2bin(h->salt, sizeof h->salt, salt, strlen(salt), NULL, &len, NULL) != 0 ||
	    len != sizeof h->salt)
		return nb_error_set(err, NB_EIO, "db",
				    _("The key header %s is damaged; without it the database cannot be opened."),
				    path);
	h->opslimit = ops;
	h->memlimit = (size_t)mem;
	return NB_OK;
}

enum nb_err vault_header_write(const char *path, const struct vault_header *h,
			       struct nb_error *err)
{
	char salt[2 * crypto_pwhash_SALTBYTES + 1], text[512];
	int n;

	sodium_bin2hex(salt, sizeof salt, h->salt, sizeof h->salt);
	n = snprintf(text, sizeof text, "%s\nkdf argon2id13\nopslimit %llu\nmemlimit %zu\nsalt %s\n",
		     HEADER_MAGIC, h->opslimit, h->memlimit, salt);
	if (n < 0 || (size_t)n >= sizeof text || !vault_beside_write(path, text, (size_t)n))
		return nb_error_set(err, NB_EIO, "db", _("Cannot write the key header %s: %s."), path,
				    strerror(errno));
	return NB_OK;
}

enum nb_err vault_key(const char *pass, size_t len, const struct vault_header *h, char **key,
		      struct nb_error *err)
{
	unsigned char *raw = (unsigned char *)vault_secret(32);
	char *text = vault_secret(2 + 64 + 2);

	*key = NULL;
	if (crypto_pwhash(raw, 32, pass, len, h->salt, h->opslimit, h->memlimit,
			  crypto_pwhash_ALG_ARGON2ID13) != 0) {
		vault_free((char *)raw);
		vault_free(text);
		return nb_error_set(err, NB_EIO, "", "%s",
				    _("Not enough memory to derive the key from the passphrase."));
	}
	memcpy(text, "x'", 2);
	sodium_bin2hex(text + 2, 65, raw, 32);
	memcpy(text + 66, "'", 2);
	vault_free((char *)raw);
	*key = text;
	return NB_OK;
}
