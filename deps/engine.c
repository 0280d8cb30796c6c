/*
 * The SQLite engine as nabij builds it: SQLCipher's amalgamation
 * (deps/sqlcipher, checked by its sha256 in meson.build), with one change.
 *
 * SQLCipher takes its random bytes (each page's IV, the salt of a new
 * database, the seed of its in-memory shield) from OpenSSL's RAND_bytes.
 * It asks for some when SQLite initialises, so every start of nabij,
 * encrypted database or not, brought up OpenSSL's generator and its
 * providers: about 3 ms of a 9 ms command. Here those bytes come from
 * libsodium's randombytes_buf instead, which reads the kernel's generator
 * (getrandom) and which the vault already uses for its salts. The cipher,
 * the HMAC and the key derivation stay OpenSSL's.
 *
 * RAND_add (PRAGMA cipher_add_random, never used by nabij) has nothing to
 * feed then: the kernel's generator takes no entropy from a process. It
 * accepts the bytes and drops them.
 */
#include <stdint.h>
#include <sodium.h>

static int nabij_random_bytes(unsigned char *buf, int num);
static void nabij_random_add(const void *buf, int num, double entropy);

#define RAND_bytes(buf, num) nabij_random_bytes(buf, num)
#define RAND_add(buf, num, entropy) nabij_random_add(buf, num, entropy)

#include "sqlite3.c"

/* 1 on success, 0 on failure, as RAND_bytes answers. */
static int nabij_random_bytes(unsigned char *buf, int num)
{
	if (num < 0 || sodium_init() < 0)
		return 0;
	randombytes_buf(buf, (size_t)num);
	return 1;
}

static void nabij_random_add(const void *buf, int num, double entropy)
{
	(void)buf;
	(void)num;
	(void)entropy;
}
