/*
 * Where nabij ui is found: one small file beside the database ("nabij.db-ui",
 * like SQLite's own "-wal"), readable by its owner only, holding the
 * loopback address, the port, the session secret and the process that
 * serves them. A second start finds the first one through it, and a later
 * start takes the same address, port and secret again, so that a bookmark
 * and the browser's session cookie keep working from one start to the next.
 *
 *     nabij-ui 1 <address> <port> <secret> <pid>
 *
 * The secret is as private as the database beside it: who can read the one
 * can read the other, and the unlock page still asks for the passphrase of
 * an encrypted database. Remove the file to draw a new address and secret.
 */
#include "place.h"
#include "core/uid.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void file_of(const char *db_path, char *out, size_t size)
{
	if ((size_t)snprintf(out, size, "%s-ui", db_path) >= size)
		out[0] = '\0';
}

bool place_parse(const char *line, struct place *pl)
{
	char ip[32], token[64];
	unsigned port;
	long pid;
	struct in_addr a;

	memset(pl, 0, sizeof *pl);
	if (sscanf(line, "nabij-ui 1 %31s %u %63s %ld", ip, &port, token, &pid) != 4 ||
	    inet_pton(AF_INET, ip, &a) != 1 || (ntohl(a.s_addr) >> 24) != 127 || port == 0 || port > 65535 ||
	    !uid_valid(token) || pid < 0 || pid > 0x7fffffffL)
		return false;
	pl->ip = ntohl(a.s_addr);
	pl->port = (int)port;
	memcpy(pl->token, token, sizeof pl->token);
	pl->pid = (pid_t)pid;
	return true;
}

bool place_load(const char *db_path, struct place *pl)
{
	char path[4096], line[256];
	FILE *f;
	bool ok;

	memset(pl, 0, sizeof *pl);
	file_of(db_path, path, sizeof path);
	if (!path[0] || !(f = fopen(path, "r")))
		return false;
	ok = fgets(line, sizeof line, f) && place_parse(line, pl);
	fclose(f);
	return ok;
}

bool place_save(const char *db_path, const struct place *pl)
{
	char path[4096], tmp[4200];
	FILE *f;
	int fd;
	bool ok;

	file_of(db_path, path, sizeof path);
	if (!path[0])
		return false;
	snprintf(tmp, sizeof tmp, "%s.%ld", path, (long)getpid());
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)) < 0)
		return false;
	if (!(f = fdopen(fd, "w"))) {
		close(fd);
		unlink(tmp);
		return false;
	}
	fprintf(f, "nabij-ui 1 %u.%u.%u.%u %d %s %ld\n", pl->ip >> 24, pl->ip >> 16 & 255,
		pl->ip >> 8 & 255, pl->ip & 255, pl->port, pl->token, (long)pl->pid);
	ok = fflush(f) == 0 && fsync(fileno(f)) == 0;
	ok = fclose(f) == 0 && ok;
	if (ok && rename(tmp, path) == 0)
		return true;
	unlink(tmp);
	return false;
}

bool place_alive(const struct place *pl)
{
	struct sockaddr_in a = { 0 };
	int fd;
	bool up;

	if (pl->pid <= 0 || pl->pid == getpid() || (kill(pl->pid, 0) != 0 && errno != EPERM))
		return false;
	if ((fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0)
		return false;
	a.sin_family = AF_INET;
	a.sin_port = htons((uint16_t)pl->port);
	a.sin_addr.s_addr = htonl(pl->ip);
	up = connect(fd, (struct sockaddr *)&a, sizeof a) == 0;
	close(fd);
	return up;
}

void place_url(const struct place *pl, bool with_token, char *out, size_t size)
{
	snprintf(out, size, "http://%u.%u.%u.%u:%d/%s%s", pl->ip >> 24, pl->ip >> 16 & 255,
		 pl->ip >> 8 & 255, pl->ip & 255, pl->port, with_token ? "?token=" : "",
		 with_token ? pl->token : "");
}
