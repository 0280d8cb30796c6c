/*
 * Reading a passphrase: from the terminal without echo, or, for scripts,
 * one line from the file descriptor named by NABIJ_PASSPHRASE_FD. Never
 * from the command line or the environment itself, which other users and
 * shell histories can see. The text lives in locked memory (vault_secret).
 */
#include "cli.h"
#include "core/i18n.h"
#include "vault/vault.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#define PASS_MAX 1024

/* One line from fd into a new secret, without its newline; NULL at once
 * at the end of input. */
static char *read_line(int fd, size_t *len)
{
	char *s = vault_secret(PASS_MAX + 1);
	size_t n = 0;
	char ch;
	ssize_t r;

	while ((r = read(fd, &ch, 1)) == 1 || (r < 0 && errno == EINTR)) {
		if (r < 0)
			continue;
		if (ch == '\n')
			break;
		if (n < PASS_MAX)
			s[n++] = ch;
	}
	if (r == 0 && n == 0) {
		vault_free(s);
		return NULL;
	}
	if (n && s[n - 1] == '\r')
		n--;
	s[n] = 0;
	*len = n;
	return s;
}

char *cli_passphrase(const char *question, size_t *len, struct nb_error *err)
{
	const char *fd_text = getenv("NABIJ_PASSPHRASE_FD");
	struct termios old, quiet;
	char *s;
	int tty;

	if (fd_text && *fd_text) {
		char *end;
		long fd = strtol(fd_text, &end, 10);
		if (*end || fd < 0 || fd > 1024) {
			nb_error_set(err, NB_EUSAGE, "NABIJ_PASSPHRASE_FD", "%s",
				     _("NABIJ_PASSPHRASE_FD must be the number of an open file descriptor."));
			return NULL;
		}
		if (!(s = read_line((int)fd, len)))
			nb_error_set(err, NB_EUSAGE, "NABIJ_PASSPHRASE_FD", "%s",
				     _("No passphrase could be read from NABIJ_PASSPHRASE_FD."));
		return s;
	}
	if ((tty = open("/dev/tty", O_RDWR | O_CLOEXEC)) < 0) {
		nb_error_set(err, NB_EUSAGE, "passphrase", "%s",
			     _("This needs a passphrase: run nabij in a terminal, or give it on a file descriptor named by NABIJ_PASSPHRASE_FD."));
		return NULL;
	}
	if (write(tty, question, strlen(question)) < 0 || tcgetattr(tty, &old) != 0) {
		close(tty);
		nb_error_set(err, NB_EIO, "passphrase", "%s", _("The terminal cannot be read."));
		return NULL;
	}
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
	quiet.c_lflag |= ICANON;
	tcsetattr(tty, TCSAFLUSH, &quiet);
	s = read_line(tty, len);
	tcsetattr(tty, TCSAFLUSH, &old);
	ssize_t done = write(tty, "\n", 1);	/* the line the person ended */
	(void)done;
	close(tty);
	if (!s)
		nb_error_set(err, NB_EUSAGE, "passphrase", "%s", _("No passphrase was given."));
	return s;
}

char *cli_new_passphrase(size_t *len, struct nb_error *err)
{
	const char *fd = getenv("NABIJ_PASSPHRASE_FD");
	char *pass = cli_passphrase(_("New passphrase: "), len, err), *again;
	size_t alen = 0;

	if (!pass || (fd && *fd))
		return pass;
	if (!(again = cli_passphrase(_("The same passphrase once more: "), &alen, err))) {
		vault_free(pass);
		return NULL;
	}
	if (alen != *len || sodium_memcmp(pass, again, alen) != 0) {
		nb_error_set(err, NB_EINVAL, "passphrase", "%s",
			     _("The two passphrases differ. Nothing was changed."));
		vault_free(pass);
		pass = NULL;
	}
	vault_free(again);
	return pass;
}
