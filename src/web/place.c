/*
 * Where nabij ui is found: two small files beside the database, like
 * SQLite's own "-wal".
 *
 * "nabij.db-ui" remembers the loopback address, the port and the session
 * secret of the last start, so that a bookmark and the browser's session
 * cookie keep working from one start to the next:
 *
 *     nabij-ui 2 <address> <port> <secret>
 *
 * The three are used only together: when that address and port cannot be
 * had again, the next start draws a new address and a new secret (a
 * browser sends its cookie to every port of a host, so a secret must never
 * follow to another port). The file is read as outside input: a link, a
 * pipe, another user's file or one that others may read is refused.
 *
 * "nabij.db-ui.lock" says whether a nabij ui serves the database: the
 * serving process holds an fcntl write lock on it for its whole life, and a
 * second start learns from F_GETLK which process that is. Nothing a file
 * says about a process is trusted: a pid in a file outlives its process,
 * and another user may have taken the number since. Before the secret goes
 * anywhere, the server at the remembered address proves that it knows it,
 * without receiving it: an HMAC over a nonce drawn for that one question.
 */
#include "place.h"
#include "core/uid.h"
#include "vault/vault.h"

#include <sodium.h>

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static bool file_of(const char *db_path, const char *suffix, char *out, size_t size)
{
	if (!db_path || strcmp(db_path, ":memory:") == 0 ||
	    (size_t)snprintf(out, size, "%s%s", db_path, suffix) >= size) {
		out[0] = '\0';
		return false;
	}
	return true;
}

bool place_parse(const char *line, struct place *pl)
{
	char ip[32], token[64], end[2];
	unsigned port;
	long pid;
	struct in_addr a;
	int n;

	memset(pl, 0, sizeof *pl);
	/* version 1 also named a process; it is not read any more */
	n = sscanf(line, "nabij-ui 2 %31s %u %63s %1s", ip, &port, token, end);
	if (n != 3 && sscanf(line, "nabij-ui 1 %31s %u %63s %ld %1s", ip, &port, token, &pid, end) != 4)
		return false;
	if (inet_pton(AF_INET, ip, &a) != 1 || (ntohl(a.s_addr) >> 24) != 127 || port == 0 ||
	    port > 65535 || !uid_valid(token))
		return false;
	pl->ip = ntohl(a.s_addr);
	pl->port = (int)port;
	memcpy(pl->token, token, sizeof pl->token);
	return true;
}

enum place_state place_load(const char *db_path, struct place *pl)
{
	char path[4096], text[256];

	memset(pl, 0, sizeof *pl);
	if (!file_of(db_path, "-ui", path, sizeof path))
		return PLACE_NONE;
	if (vault_beside_read(path, text, sizeof text, true) < 0)
		return errno == ENOENT ? PLACE_NONE : PLACE_FOREIGN;
	if (place_parse(text, pl))
		return PLACE_OK;
	errno = EINVAL;
	return PLACE_FOREIGN;
}

bool place_save(const char *db_path, const struct place *pl)
{
	char path[4096], line[128];
	int n;

	if (!file_of(db_path, "-ui", path, sizeof path))
		return false;
	n = snprintf(line, sizeof line, "nabij-ui 2 %u.%u.%u.%u %d %s\n", pl->ip >> 24, pl->ip >> 16 & 255,
		     pl->ip >> 8 & 255, pl->ip & 255, pl->port, pl->token);
	if (n > 0 && (size_t)n < sizeof line && vault_beside_write(path, line, (size_t)n))
		return true;
	/* never leave the last place behind: the next start would take its
	 * address and secret again (a full disk still lets a file go) */
	n = errno;
	unlink(path);
	errno = n;
	return false;
}

void place_forget(const char *db_path)
{
	char path[4096];

	if (file_of(db_path, "-ui", path, sizeof path))
		unlink(path);
}

int place_lock_open(const char *db_path)
{
	char path[4096];
	struct stat st;
	int fd;

	if (!file_of(db_path, "-ui.lock", path, sizeof path)) {
		errno = EINVAL;
		return -1;
	}
	fd = vault_beside_open(path, O_RDWR | O_CREAT, true);
	/* not allowed to open one that is there: another user's (in a sticky
	 * folder open() says EACCES), not a folder nabij cannot write */
	if (fd < 0 && (errno == EACCES || errno == EROFS) && lstat(path, &st) == 0)
		errno = EPERM;
	return fd;
}

pid_t place_serving(const char *db_path)
{
	char path[4096];
	pid_t holder;
	int fd;

	if (!file_of(db_path, "-ui.lock", path, sizeof path) ||
	    (fd = vault_beside_open(path, O_RDWR, true)) < 0)
		return 0;
	holder = place_lock_holder(fd);
	close(fd);
	return holder;
}

bool place_lock_take(int fd)
{
	struct flock l = { .l_type = F_WRLCK, .l_whence = SEEK_SET };

	return fcntl(fd, F_SETLK, &l) == 0;
}

pid_t place_lock_holder(int fd)
{
	struct flock l = { .l_type = F_WRLCK, .l_whence = SEEK_SET };

	if (fcntl(fd, F_GETLK, &l) != 0 || l.l_type == F_UNLCK)
		return 0;
	return l.l_pid > 0 ? l.l_pid : -1;	/* -1: held, by a process we cannot name */
}

void place_proof(const char *token, const char *nonce, char out[PLACE_PROOF_LEN])
{
	static const char what[] = "nabij-ui proof ";
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	crypto_auth_hmacsha256_state st;

	crypto_auth_hmacsha256_init(&st, (const unsigned char *)token, strlen(token));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)what, sizeof what - 1);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)nonce, strlen(nonce));
	crypto_auth_hmacsha256_final(&st, mac);
	sodium_bin2hex(out, PLACE_PROOF_LEN, mac, sizeof mac);
	sodium_memzero(&st, sizeof st);
}

/* Wait at most until deadline (CLOCK_MONOTONIC, ms) for events on fd. */
static bool wait_for(int fd, short events, int64_t deadline)
{
	struct timespec t;
	struct pollfd p = { .fd = fd, .events = events };
	int64_t now;

	clock_gettime(CLOCK_MONOTONIC, &t);
	now = (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
	return now < deadline && poll(&p, 1, (int)(deadline - now)) == 1 && (p.revents & events);
}

bool place_prove(const struct place *pl)
{
	struct sockaddr_in a = { 0 };
	struct timespec t;
	char nonce[NB_UID_LEN], want[PLACE_PROOF_LEN], req[256], resp[1024];
	const char *body;
	size_t got = 0;
	ssize_t n;
	int64_t deadline;
	int fd, len;
	bool ok = false;

	uid_new(nonce);
	place_proof(pl->token, nonce, want);
	clock_gettime(CLOCK_MONOTONIC, &t);
	deadline = (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000 + 3000;
	if ((fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0)) < 0)
		return false;
	a.sin_family = AF_INET;
	a.sin_port = htons((uint16_t)pl->port);
	a.sin_addr.s_addr = htonl(pl->ip);
	len = snprintf(req, sizeof req,
		       "GET /proof?nonce=%s HTTP/1.0\r\nHost: %u.%u.%u.%u:%d\r\nConnection: close\r\n\r\n", nonce,
		       pl->ip >> 24, pl->ip >> 16 & 255, pl->ip >> 8 & 255, pl->ip & 255, pl->port);
	if ((connect(fd, (struct sockaddr *)&a, sizeof a) != 0 && errno != EINPROGRESS) ||
	    !wait_for(fd, POLLOUT, deadline) || send(fd, req, (size_t)len, MSG_NOSIGNAL) != len)
		goto out;
	while (got < sizeof resp - 1 && wait_for(fd, POLLIN, deadline) &&
	       (n = recv(fd, resp + got, sizeof resp - 1 - got, 0)) > 0)
		got += (size_t)n;
	resp[got] = '\0';
	body = strstr(resp, "\r\n\r\n");
	ok = strncmp(resp, "HTTP/1.", 7) == 0 && strncmp(resp + 8, " 200 ", 5) == 0 && body &&
	     strlen(body + 4) >= PLACE_PROOF_LEN - 1 &&
	     sodium_memcmp(body + 4, want, PLACE_PROOF_LEN - 1) == 0;
out:
	close(fd);
	return ok;
}

void place_url(const struct place *pl, bool with_token, char *out, size_t size)
{
	snprintf(out, size, "http://%u.%u.%u.%u:%d/%s%s", pl->ip >> 24, pl->ip >> 16 & 255,
		 pl->ip >> 8 & 255, pl->ip & 255, pl->port, with_token ? "?token=" : "",
		 with_token ? pl->token : "");
}
