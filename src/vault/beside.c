/*
 * The small files nabij keeps beside the database (the key header, the
 * place of nabij ui and its lock) are outside input: the folder may be
 * shared, and another user may have put a link, a pipe or a file of their
 * own where nabij expects its file. So they are opened without following a
 * link and without waiting on a pipe, taken only when they are a regular
 * file of this user, and written whole into a new file that is then
 * renamed into place.
 */
#include "vault.h"
#include "core/uid.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Whether st is a regular file of ours that others cannot write (and,
 * when private, cannot read either); errno says why not. */
static bool ours(const struct stat *st, bool private)
{
	if (!S_ISREG(st->st_mode))
		errno = EINVAL;
	else if (st->st_uid != geteuid())
		errno = EPERM;
	else if ((st->st_mode & (private ? 077 : 022)) != 0)
		errno = EPERM;
	else
		return true;
	return false;
}

int vault_beside_open(const char *path, int flags, bool private)
{
	struct stat st;
	int fd = open(path, flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0600);

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !ours(&st, private)) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

ssize_t vault_beside_read(const char *path, char *buf, size_t size, bool private)
{
	int fd = vault_beside_open(path, O_RDONLY, private);
	size_t got = 0;
	ssize_t n = 0;

	if (fd < 0 || size == 0)
		return fd < 0 ? -1 : 0;
	while (got < size && (n = read(fd, buf + got, size - got)) > 0)
		got += (size_t)n;
	close(fd);
	if (n < 0)
		return -1;
	if (got == size) {	/* larger than any file nabij writes there */
		errno = EFBIG;
		return -1;
	}
	buf[got] = '\0';
	return (ssize_t)got;
}

bool vault_beside_write(const char *path, const char *data, size_t len)
{
	char tmp[4200], tag[NB_UID_LEN];
	ssize_t n = 0;
	size_t put = 0;
	int fd = -1, e;

	/* a name nobody could have prepared: O_EXCL refuses anything there,
	 * a link included */
	for (int tries = 0; fd < 0 && tries < 4; tries++) {
		uid_new(tag);
		if ((size_t)snprintf(tmp, sizeof tmp, "%s.%.12s.tmp", path, tag) >= sizeof tmp) {
			errno = ENAMETOOLONG;
			return false;
		}
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			return false;
	}
	if (fd < 0)
		return false;
	while (put < len && (n = write(fd, data + put, len - put)) > 0)
		put += (size_t)n;
	if (put == len && fsync(fd) == 0 && close(fd) == 0) {
		fd = -1;
		if (rename(tmp, path) == 0)
			return true;
	}
	e = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	errno = e;
	return false;
}
