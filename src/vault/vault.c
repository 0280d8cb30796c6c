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
	FILE *f = fopen(path, "r");
	char magic[32] = "", kdf[32] = "", salt[2 * crypto_pwhash_SALTBYTES + 1] = "";
	unsigned long long ops = 0, mem = 0;
	size_t len = 0;
	int n;

	if (!f)
		return nb_error_set(err, NB_EIO, "db",
				    _("The key header %s cannot be read (%s); without it the database cannot be opened."),
				    path, strerror(errno));
	n = fscanf(f, "%31[^\n]\nkdf %31s\nopslimit %llu\nmemlimit %llu\nsalt %32s", magic, kdf, &ops,
		   &mem, salt);
	fclose(f);
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
	char salt[2 * crypto_pwhash_SALTBYTES + 1], *tmp = xasprintf("%s.tmp", path);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	bool ok;

	sodium_bin2hex(salt, sizeof salt, h->salt, sizeof h->salt);
	ok = f && fprintf(f, "%s\nkdf argon2id13\nopslimit %llu\nmemlimit %zu\nsalt %s\n", HEADER_MAGIC,
			  h->opslimit, h->memlimit, salt) > 0 && fflush(f) == 0 && fsync(fd) == 0;
	if (f)
		ok = fclose(f) == 0 && ok;
	else if (fd >= 0)
		close(fd);
	if (!ok || rename(tmp, path) != 0) {
		nb_error_set(err, NB_EIO, "db", _("Cannot write the key header %s: %s."), path,
			     strerror(errno));
		unlink(tmp);
		free(tmp);
		return NB_EIO;
	}
	free(tmp);
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
