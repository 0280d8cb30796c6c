/*
 * The rules of nabij serve's accounts (app/account.h): tokens and their
 * hashes, what a name and a password may be, hashing a password with
 * Argon2id, and the steps of signing up, in and out, each of which keeps
 * what it must in the hosted store (store/hosted.h). Nothing here writes
 * a password, a token or a name into a message or a log.
 */
#include "account.h"
#include "account_int.h"
#include "core/i18n.h"
#include "core/record.h"
#include "passwords.h"		/* data/common-passwords.txt, embedded by tools/embed.c */

#include <sodium.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Argon2id's limits for a new hash (docs/SECURITY.md, "Accounts"): a hash
 * made with lower ones is made anew at the next sign-in. */
#define PWHASH_OPS crypto_pwhash_OPSLIMIT_MODERATE
#define PWHASH_MEM crypto_pwhash_MEMLIMIT_MODERATE

/* A hash of no one's password with the same limits: a sign-in with a name
 * that has no account verifies against it, so that it takes as long as
 * one with a wrong password (the time does not tell which names exist). */
static const char dummy_hash[crypto_pwhash_STRBYTES] =
	"$argon2id$v=19$m=262144,t=3,p=1$QtT+fJwroFbcPbdLflpF7Q$winQasTlopEahBvBZt/y6X9AhksUVEZ+TM3j9h8K1po";

static void sodium_ready(void)
{
	if (sodium_init() < 0)
		abort();	/* no source of randomness: nothing here is safe */
}

void account_token_new(char out[NB_TOKEN_LEN + 1])
{
	unsigned char raw[32];

	sodium_ready();
	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(out, NB_TOKEN_LEN + 1, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof raw);
}

/* The 32 bytes of token s, when it is the shape of one (canonical
 * base64url: libsodium refuses stray bits in the last character). */
static bool token_bytes(const char *s, unsigned char raw[32])
{
	size_t n = 0;

	if (!s || strlen(s) != NB_TOKEN_LEN)
		return false;
	for (const char *p = s; *p; p++) {
		char ch = *p;

		if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' ||
		      ch == '_'))
			return false;
	}
	sodium_ready();
	return sodium_base642bin(raw, 32, s, NB_TOKEN_LEN, NULL, &n, NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) == 0 &&
	       n == 32;
}

bool account_token_valid(const char *s)
{
	unsigned char raw[32];
	bool ok = token_bytes(s, raw);

	sodium_memzero(raw, sizeof raw);
	return ok;
}

/* The hash kept of token s (BLAKE2b-256 of its 32 bytes); false when s is
 * not a token. */
static bool token_hash(const char *s, unsigned char hash[NB_PG_HASH_LEN])
{
	unsigned char raw[32];
	bool ok = token_bytes(s, raw);

	if (ok)
		crypto_generichash(hash, NB_PG_HASH_LEN, raw, sizeof raw, NULL, 0);
	sodium_memzero(raw, sizeof raw);
	return ok;
}

/* The character at s (valid UTF-8 as PostgreSQL takes it: shortest form,
 * no surrogates, at most U+10FFFF) and its bytes in *len; -1 and *len 1
 * for a byte that does not begin one. */
static long utf8_at(const unsigned char *s, size_t *len)
{
	static const long least[] = { 0, 0, 0x80, 0x800, 0x10000 };
	size_t n = s[0] < 0x80 ? 1 : (s[0] & 0xe0) == 0xc0 ? 2 : (s[0] & 0xf0) == 0xe0 ? 3 : (s[0] & 0xf8) == 0xf0 ? 4 : 0;
	long c;

	*len = 1;
	if (n == 0)
		return -1;
	c = n == 1 ? s[0] : s[0] & (0x7f >> n);
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		c = c << 6 | (s[i] & 0x3f);
	}
	if (c < least[n] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return -1;
	*len = n;
	return c;
}

/* Whether c shows as nothing, or as a space that is not the one space a
 * person types: such a character makes a name look like another's
 * (Unicode's Default_Ignorable_Code_Point, the other spaces of Zs and
 * Zl/Zp, the private and unassigned planes' tags). */
static bool unseen(long c)
{
	static const long ranges[][2] = {
		{ 0x00a0, 0x00a0 }, { 0x00ad, 0x00ad }, { 0x034f, 0x034f }, { 0x061c, 0x061c },
		{ 0x115f, 0x1160 }, { 0x1680, 0x1680 }, { 0x17b4, 0x17b5 }, { 0x180b, 0x180f },
		{ 0x2000, 0x200f }, { 0x2028, 0x202f }, { 0x205f, 0x206f }, { 0x2800, 0x2800 },
		{ 0x3000, 0x3000 }, { 0x3164, 0x3164 }, { 0xe000, 0xf8ff }, { 0xfe00, 0xfe0f },
		{ 0xfeff, 0xfeff }, { 0xffa0, 0xffa0 }, { 0xfff0, 0xfffb }, { 0x1bca0, 0x1bca3 },
		{ 0x1d173, 0x1d17a }, { 0xe0000, 0xe0fff }, { 0xf0000, 0x10ffff },
	};

	for (size_t i = 0; i < sizeof ranges / sizeof *ranges; i++)
		if (c >= ranges[i][0] && c <= ranges[i][1])
			return true;
	return false;
}

enum nb_err account_name_check(const char *name, struct nb_error *err)
{
	size_t n = name ? strlen(name) : 0;

	if (n == 0 || strspn(name, " ") == n)
		return nb_error_set(err, NB_EINVAL, "name", _("Please choose a name to sign in with."));
	if (n > NB_PG_NAME_MAX)
		return nb_error_set(err, NB_EINVAL, "name",
				    _("That name is too long: a name can have at most 64 bytes (about 60 letters)."));
	if (!nb_text_ok(name, false))
		return nb_error_set(err, NB_EINVAL, "name",
				    _("A name can hold letters, digits, spaces and signs, but no control characters."));
	/* a space at either end is not seen, and then not typed at sign-in */
	if (name[0] == ' ' || name[n - 1] == ' ')
		return nb_error_set(err, NB_EINVAL, "name", _("A name cannot begin or end with a space."));
	/* nor what cannot be seen or told from one space: a name that looks
	 * like another's (the store takes case and Unicode's compatible
	 * forms aside, NFKC) */
	for (const unsigned char *p = (const unsigned char *)name; *p;) {
		size_t len;
		long c = utf8_at(p, &len);

		if (c < 0 || unseen(c) || (c == ' ' && p[1] == ' '))
			return nb_error_set(err, NB_EINVAL, "name",
					    _("A name cannot hold invisible characters, unusual spaces or two spaces in a row, as they make it look like another name. Please use letters, digits, signs and single spaces."));
		p += len;
	}
	return NB_OK;
}

/* The alphabet of c among those whose letters look alike (a Latin "a", a
 * Cyrillic "а", a Greek "ο" and a Latin "o"): 1 Latin, 2 Greek, 3 Cyrillic,
 * 4 Armenian, 5 Cherokee; 0 for every other character (digits, signs,
 * spaces, marks, the other scripts). */
static int alphabet(long c)
{
	static const struct { long lo, hi; int script; } ranges[] = {
		{ 0x0041, 0x005a, 1 }, { 0x0061, 0x007a, 1 }, { 0x00aa, 0x00aa, 1 }, { 0x00ba, 0x00ba, 1 },
		{ 0x00c0, 0x00d6, 1 }, { 0x00d8, 0x00f6, 1 }, { 0x00f8, 0x02af, 1 },
		{ 0x0370, 0x0373, 2 }, { 0x0376, 0x037d, 2 }, { 0x037f, 0x0383, 2 }, { 0x0386, 0x0386, 2 },
		{ 0x0388, 0x03ff, 2 },
		{ 0x0400, 0x0482, 3 }, { 0x048a, 0x052f, 3 },
		{ 0x0531, 0x0588, 4 },
		{ 0x13a0, 0x13ff, 5 },
		{ 0x1c80, 0x1c8f, 3 },
		{ 0x1d00, 0x1d25, 1 }, { 0x1d2c, 0x1d5c, 1 }, { 0x1d62, 0x1d65, 1 }, { 0x1d6b, 0x1d77, 1 },
		{ 0x1d79, 0x1dbe, 1 }, { 0x1d26, 0x1d2a, 2 }, { 0x1d5d, 0x1d61, 2 }, { 0x1d66, 0x1d6a, 2 },
		{ 0x1d2b, 0x1d2b, 3 }, { 0x1d78, 0x1d78, 3 },
		{ 0x1e00, 0x1eff, 1 }, { 0x1f00, 0x1fff, 2 },
		{ 0x2c60, 0x2c7f, 1 }, { 0xa640, 0xa69f, 3 }, { 0xa720, 0xa7ff, 1 }, { 0xab30, 0xab5a, 1 },
		{ 0xab5c, 0xab64, 1 }, { 0xab70, 0xabbf, 5 },
		{ 0xff21, 0xff3a, 1 }, { 0xff41, 0xff5a, 1 },
		/* letters that NFKC (the store's comparison of names) makes
		 * plain Latin or Greek ones: letterlike signs (the Kelvin K,
		 * the Ohm Ω), circled and bracketed letters, ligatures, the
		 * mathematical alphabets */
		{ 0x2071, 0x2071, 1 }, { 0x207f, 0x207f, 1 }, { 0x2090, 0x209c, 1 },
		{ 0x2102, 0x2102, 1 }, { 0x2107, 0x2107, 1 }, { 0x210a, 0x2113, 1 }, { 0x2115, 0x2115, 1 },
		{ 0x2119, 0x211d, 1 }, { 0x2124, 0x2124, 1 }, { 0x2126, 0x2126, 2 }, { 0x2128, 0x2128, 1 },
		{ 0x212a, 0x212d, 1 }, { 0x212f, 0x2134, 1 }, { 0x2139, 0x2139, 1 }, { 0x213c, 0x213f, 2 },
		{ 0x2145, 0x2149, 1 }, { 0x249c, 0x24e9, 1 }, { 0xfb00, 0xfb06, 1 }, { 0xfb13, 0xfb17, 4 },
		{ 0x1d400, 0x1d6a5, 1 }, { 0x1d6a8, 0x1d7cb, 2 },
	};

	for (size_t i = 0; i < sizeof ranges / sizeof *ranges; i++)
		if (c >= ranges[i].lo && c <= ranges[i].hi)
			return ranges[i].script;
	return 0;
}

enum nb_err account_name_new_check(const char *name, struct nb_error *err)
{
	enum nb_err rc = account_name_check(name, err);
	int first = 0;

	if (rc != NB_OK)
		return rc;
	for (const unsigned char *p = (const unsigned char *)name; *p;) {
		size_t len;
		int a = alphabet(utf8_at(p, &len));

		if (a && first && a != first)
			return nb_error_set(err, NB_EINVAL, "name",
					    _("A name cannot mix the letters of two alphabets, such as Latin and Cyrillic, as it can then look like another name. Please write it in one alphabet."));
		if (a)
			first = a;
		p += len;
	}
	return NB_OK;
}

/* Characters of UTF-8 text s (bytes that do not continue one). */
static size_t characters(const char *s)
{
	size_t n = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		n += (*p & 0xc0) != 0x80;
	return n;
}

/* The embedded list: after its lines of comment ('#'), one password a
 * line, sorted by bytes. */
static int line_cmp(const char *w, size_t n, const char *line, size_t len)
{
	int c = memcmp(w, line, n < len ? n : len);

	return c ? c : (n > len) - (n < len);
}

static bool common_has(const char *w, size_t n)
{
	const char *s = (const char *)static_files[0].data, *end = s + static_files[0].size;
	const char *lo, *hi;

	while (s < end && *s == '#') {
		const char *nl = memchr(s, '\n', (size_t)(end - s));

		s = nl ? nl + 1 : end;
	}
	/* lo and hi each at the start of a line (hi perhaps at the end) */
	lo = s;
	hi = end;
	while (lo < hi) {
		const char *mid = lo + (hi - lo) / 2, *eol;
		int c;

		while (mid > lo && mid[-1] != '\n')
			mid--;
		eol = memchr(mid, '\n', (size_t)(end - mid));
		if (!eol)
			eol = end;
		c = line_cmp(w, n, mid, (size_t)(eol - mid));
		if (c == 0)
			return true;
		if (c < 0)
			hi = mid;
		else
			lo = eol < end ? eol + 1 : end;
	}
	return false;
}

/* Whether a and b are the same text, ASCII letters' case aside. */
static bool same_case_aside(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a, y = *b;

		if (x >= 'A' && x <= 'Z')
			x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (char)(y - 'A' + 'a');
		if (x != y)
			return false;
	}
	return *a == *b;
}

enum nb_err account_password_check(const char *name, const char *pass, struct nb_error *err)
{
	char low[NB_PASSWORD_MAX + 1];
	size_t n = pass ? strlen(pass) : 0;
	bool common;

	if (n > NB_PASSWORD_MAX)
		return nb_error_set(err, NB_EINVAL, "password",
				    _("That password is too long: it can have at most 1024 bytes (about 1000 letters)."));
	if (characters(pass ? pass : "") < NB_PASSWORD_MIN)
		return nb_error_set(err, NB_EINVAL, "password",
				    _("A password needs at least 10 characters. A few words together make one that is strong and easy to remember."));
	if (name && same_case_aside(name, pass))
		return nb_error_set(err, NB_EINVAL, "password",
				    _("A password cannot be the same as your name. Please choose another one."));
	for (size_t i = 0; i <= n; i++)
		low[i] = pass[i] >= 'A' && pass[i] <= 'Z' ? (char)(pass[i] - 'A' + 'a') : pass[i];
	common = common_has(low, n);
	sodium_memzero(low, sizeof low);
	if (common)
		return nb_error_set(err, NB_EINVAL, "password",
				    _("That password is one of the most common ones, which others try first. Please choose another; a few words together work well."));
	return NB_OK;
}

/* Whether zone names a time zone of the system's (a TZif file under
 * /usr/share/zoneinfo), without leaving that folder. */
static bool zone_known(const char *zone)
{
	char path[128], magic[4];
	struct stat st;
	FILE *f;
	bool ok;

	if (!zone || !*zone || strlen(zone) > NB_PG_ZONE_MAX || zone[0] == '/' || strstr(zone, ".."))
		return false;
	for (const char *p = zone; *p; p++) {
		char ch = *p;

		if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '/' ||
		      ch == '_' || ch == '-' || ch == '+'))
			return false;
	}
	snprintf(path, sizeof path, "/usr/share/zoneinfo/%s", zone);
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || !(f = fopen(path, "rb")))
		return false;
	ok = fread(magic, 1, 4, f) == 4 && memcmp(magic, "TZif", 4) == 0;
	fclose(f);
	return ok;
}

static enum nb_err invite_unusable(struct nb_error *err)
{
	return nb_error_set(err, NB_EINVAL, "invite",
			    _("This invitation cannot be used: it was used already, it has expired, or it is not known. Please ask for a new one."));
}

enum nb_err account_invite(struct nb_pg *c, bool admin, int64_t now, char token[NB_TOKEN_LEN + 1],
			   struct nb_error *err)
{
	unsigned char hash[NB_PG_HASH_LEN];
	enum nb_err rc;

	account_token_new(token);
	token_hash(token, hash);
	rc = pg_invite_add(c, hash, now + (int64_t)NB_INVITE_DAYS * 86400, admin, now, err);
	if (rc != NB_OK)
		sodium_memzero(token, NB_TOKEN_LEN + 1);
	return rc;
}

enum nb_err account_invite_check(struct nb_pg *c, const char *invite, int64_t now, struct nb_error *err)
{
	unsigned char hash[NB_PG_HASH_LEN];
	bool valid = false;
	enum nb_err rc;

	if (!token_hash(invite, hash))
		return invite_unusable(err);
	if ((rc = pg_invite_valid(c, hash, now, &valid, err)) != NB_OK)
		return rc;
	return valid ? NB_OK : invite_unusable(err);
}

/* A new session of person at now, its token into session. */
static enum nb_err session_begin(struct nb_pg *c, int64_t person, int64_t now, char session[NB_TOKEN_LEN + 1],
				 struct nb_error *err)
{
	unsigned char hash[NB_PG_HASH_LEN];
	enum nb_err rc;
	bool disabled = true;

	session[0] = '\0';
	/* a disabled account gets no session (and the store makes none) */
	if ((rc = pg_account_disabled(c, person, &disabled, err)) != NB_OK)
		return rc;
	if (disabled)
		return account_disabled_error(err);
	account_token_new(session);
	token_hash(session, hash);
	rc = pg_session_add(c, person, hash, now, now + NB_SESSION_IDLE, now + NB_SESSION_MAX, err);
	if (rc != NB_OK)
		sodium_memzero(session, NB_TOKEN_LEN + 1);
	return rc;
}

static enum nb_err hash_password(const char *pass, char out[crypto_pwhash_STRBYTES], struct nb_error *err)
{
	if (crypto_pwhash_str(out, pass, strlen(pass), PWHASH_OPS, PWHASH_MEM) != 0)
		return nb_error_set(err, NB_EIO, "",
				    _("nabij could not protect the password just now (the server is short of memory). Nothing was saved; please try again in a moment."));
	return NB_OK;
}

enum nb_err account_password_hash(const char *pass, char out[NB_PG_PWHASH_MAX], struct nb_error *err)
{
	sodium_ready();
	return hash_password(pass, out, err);
}

bool account_token_hash(const char *token, unsigned char hash[NB_PG_HASH_LEN])
{
	sodium_ready();
	return token_hash(token, hash);
}

enum nb_err account_signup(struct nb_pg *c, const char *invite, const char *name, const char *pass,
			   const char *zone, int64_t now, int64_t *person, char session[NB_TOKEN_LEN + 1], struct nb_error *err)
{
	unsigned char hash[NB_PG_HASH_LEN];
	char pwhash[crypto_pwhash_STRBYTES];
	enum nb_err rc;

	*person = 0;
	session[0] = '\0';
	sodium_ready();
	if (!token_hash(invite, hash))
		return invite_unusable(err);
	if ((rc = account_name_new_check(name, err)) != NB_OK || (rc = account_password_check(name, pass, err)) != NB_OK)
		return rc;
	/* a made-up or spent invitation costs no Argon2id */
	if ((rc = account_invite_check(c, invite, now, err)) != NB_OK)
		return rc;
	if ((rc = hash_password(pass, pwhash, err)) != NB_OK)
		return rc;
	rc = pg_signup(c, hash, name, pwhash, zone_known(zone) ? zone : "", now, person, err);
	sodium_memzero(pwhash, sizeof pwhash);
	if (rc != NB_OK)
		return rc;
	return session_begin(c, *person, now, session, err);
}

/* A key of the sign-in limits: prefix and what it limits, cut to the
 * store's 100 bytes at a character, each byte that is not UTF-8 written as
 * '?' (a name or an address of such bytes is counted, not refused by the
 * database); the store compares keys case and compatible forms aside. */
static void limit_key(char out[101], const char *prefix, const char *what)
{
	size_t p = strlen(prefix);
	const unsigned char *w = (const unsigned char *)(what ? what : "");

	memcpy(out, prefix, p);
	while (*w) {
		size_t len;

		if (utf8_at(w, &len) < 0) {
			if (p + 1 > 100)
				break;
			out[p++] = '?';
		} else {
			if (p + len > 100)
				break;	/* a character cut in two is left out */
			memcpy(out + p, w, len);
			p += len;
		}
		w += len;
	}
	out[p] = '\0';
}

/* NB_EINVAL on "wait": too many failures, the oldest at first. */
static enum nb_err wait_error(int64_t first, int64_t now, struct nb_error *err)
{
	int64_t left = first + NB_SIGNIN_WINDOW - now;
	int minutes = left <= 60 ? 1 : (int)((left + 59) / 60);

	return nb_error_set(err, NB_EINVAL, "wait",
			    ngettext("There have been too many tries to sign in. Please wait %d minute, then try again.",
				     "There have been too many tries to sign in. Please wait %d minutes, then try again.",
				     (unsigned long)minutes),
			    minutes);
}

enum nb_err account_signin(struct nb_pg *c, const char *name, const char *pass, const char *address,
			   int64_t now, int64_t *person, char session[NB_TOKEN_LEN + 1], struct nb_error *err)
{
	char akey[101], ipkey[101], pwhash[NB_PG_PWHASH_MAX];
	int count = 0;
	int64_t first = 0, found_person = 0;
	bool found = false, ok = false, taken = false, by_address = address && *address;
	size_t len = pass ? strlen(pass) : 0;
	enum nb_err rc;

	*person = 0;
	session[0] = '\0';
	sodium_ready();
	limit_key(akey, "a:", name);
	limit_key(ipkey, "ip:", address);
	/* the limits first, each try counted as a failure before its password
	 * is checked (in one step of the store's, so that tries at once in
	 * other workers cannot all pass the count); past one, no password is
	 * checked. A success takes its count back. */
	if ((rc = pg_attempt_take(c, akey, now, NB_SIGNIN_WINDOW, NB_SIGNIN_PER_ACCOUNT, &taken, &count, &first,
				  err)) != NB_OK)
		return rc;
	if (!taken)
		return wait_error(first, now, err);
	if (by_address) {
		if ((rc = pg_attempt_take(c, ipkey, now, NB_SIGNIN_WINDOW, NB_SIGNIN_PER_ADDRESS, &taken, &count, &first,
					  err)) != NB_OK)
			return rc;
		if (!taken) {
			/* not tried: the account's count goes back */
			(void)pg_attempt_return(c, akey, now, NULL);
			return wait_error(first, now, err);
		}
	}
	if (account_name_check(name, NULL) == NB_OK &&
	    (rc = pg_account_find(c, name, &found, &found_person, pwhash, err)) != NB_OK)
		return rc;
	if (len > NB_PASSWORD_MAX) {
		ok = false;	/* never one that was accepted: not worth hashing */
	} else if (found) {
		ok = crypto_pwhash_str_verify(pwhash, pass ? pass : "", len) == 0;
	} else {
		/* the same time as a wrong password of an account that exists */
		volatile int spent = crypto_pwhash_str_verify(dummy_hash, pass ? pass : "", len);

		(void)spent;
		ok = false;
	}
	if (!ok) {	/* counted already */
		sodium_memzero(pwhash, sizeof pwhash);
		if (found)	/* in the account's own log (a failure to write it is not the sign-in's) */
			(void)account_log(c, found_person, NB_ACCESS_SIGNIN_FAILED, address, now, NULL);
		return nb_error_set(err, NB_EINVAL, "signin",
				    _("That name and password do not match an account. Please check both and try again."));
	}
	/* limits raised since the hash was made: a new one, now that the
	 * password is known; a failure here does not stop the sign-in */
	if (crypto_pwhash_str_needs_rehash(pwhash, PWHASH_OPS, PWHASH_MEM) != 0) {
		char fresh[crypto_pwhash_STRBYTES];

		if (hash_password(pass, fresh, NULL) == NB_OK)
			pg_account_rehash(c, found_person, fresh, NULL);
		sodium_memzero(fresh, sizeof fresh);
	}
	sodium_memzero(pwhash, sizeof pwhash);
	/* a disabled account: said only once the password is right, so that
	 * a guess learns nothing of it; no code is asked then */
	if ((rc = pg_account_disabled(c, found_person, &found, err)) != NB_OK)
		return rc;
	if (found) {
		if (by_address)
			(void)pg_attempt_return(c, ipkey, now, NULL);
		return account_disabled_error(err);
	}
	/* with a second factor on, no session yet but a sign-in that waits for
	 * its code (factor.c); the account's try stays counted until then */
	if ((rc = factor_wanted(c, found_person, &found, err)) != NB_OK)
		return rc;
	if (found) {
		if (by_address && (rc = pg_attempt_return(c, ipkey, now, err)) != NB_OK)
			return rc;
		return factor_pending(c, found_person, now, session, err);
	}
	if ((rc = pg_attempts_clear(c, akey, err)) != NB_OK ||
	    (by_address && (rc = pg_attempt_return(c, ipkey, now, err)) != NB_OK))
		return rc;
	if ((rc = session_begin(c, found_person, now, session, err)) != NB_OK)
		return rc;
	*person = found_person;
	(void)account_log(c, found_person, NB_ACCESS_SIGNIN, address, now, NULL);
	return NB_OK;
}

enum nb_err account_session(struct nb_pg *c, const char *token, int64_t now, struct nb_who *who,
			    struct nb_error *err)
{
	unsigned char hash[NB_PG_HASH_LEN];

	memset(who, 0, sizeof *who);
	sodium_ready();
	if (!token_hash(token, hash))
		return NB_OK;
	return pg_session_find(c, hash, now, now + NB_SESSION_IDLE, &who->person, &who->admin, who->name, who->zone,
			       err);
}

enum nb_err account_signout(struct nb_pg *c, const char *token, struct nb_error *err)
{
	unsigned char hash[NB_PG_HASH_LEN];

	sodium_ready();
	if (!token_hash(token, hash))
		return NB_OK;
	return pg_session_end(c, hash, err);
}

/* account_int.h: what factor.c borrows */
enum nb_err account_session_begin(struct nb_pg *c, int64_t person, int64_t now, char session[NB_TOKEN_LEN + 1],
				  struct nb_error *err)
{
	return session_begin(c, person, now, session, err);
}

void account_limit_key(char out[101], const char *prefix, const char *what)
{
	limit_key(out, prefix, what);
}

enum nb_err account_wait_error(int64_t first, int64_t now, struct nb_error *err)
{
	return wait_error(first, now, err);
}

bool account_password_verify(const char *hash, const char *pass)
{
	size_t len = pass ? strlen(pass) : 0;

	sodium_ready();
	if (len > NB_PASSWORD_MAX)
		return false;
	return crypto_pwhash_str_verify(hash, pass ? pass : "", len) == 0;
}
