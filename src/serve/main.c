/*
 * nabij-serve: nabij for many people on PostgreSQL (docs/HOSTING.md), the
 * program that "nabij serve" runs. A program of its own so that nabij, the
 * local program, never links libpq or the accounts. Three commands:
 *   nabij-serve [--config FILE] [--KEY VALUE ...]   serve
 *   nabij-serve migrate --database OWNER --app-role ROLE
 *   nabij-serve invite --database CONNINFO [--url URL] [--admin]
 * Serving (docs/ARCHITECTURE.md, "Concurrency"): the parent reads the
 * configuration, checks the database role (pg_check_role), opens the
 * listening socket and forks single-threaded workers that share it, each
 * with its own connection opened after the fork; it restarts a worker that
 * dies, waiting longer when they die again and again, and stops them all
 * on SIGTERM or SIGINT. It holds no connection and nothing of a person.
 */
#include "config.h"
#include "app/account.h"
#include "core/i18n.h"
#include "core/time.h"
#include "core/xalloc.h"
#include "report/report.h"
#include "store/hosted.h"
#include "vault/vault.h"
#include "web/web.h"

#include <sodium.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <netdb.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef NB_LOCALEDIR
#define NB_LOCALEDIR "/usr/local/share/locale"
#endif
#ifndef NB_VERSION
#define NB_VERSION "0"
#endif

#define WORKERS_MAX 256
#define WORKER_CONNECTIONS 8	/* a worker's connections at a time */
#define PEM_MAX (256 << 10)

/* The message catalogue beside the program in a build tree wins, as in nabij. */
static void set_language(void)
{
	char exe[PATH_MAX], *dir = NULL, *mo;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	const char *env = getenv("NABIJ_LOCALEDIR");
	const char *loc = setlocale(LC_ALL, "");
	const char *lang = getenv("LANGUAGE");
	struct stat st;

	if (!loc || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0)
		setlocale(LC_ALL, "C.UTF-8");
	if (!lang || !*lang) {
		const char *l = getenv("LC_ALL");

		if (!l || !*l)
			l = getenv("LC_MESSAGES");
		if (!l || !*l)
			l = getenv("LANG");
		setenv("LANGUAGE", l && strncmp(l, "nl", 2) == 0 ? "nl" : "en", 1);
	}
	if (env && *env) {
		bindtextdomain("nabij", env);
	} else if (n > 0) {
		exe[n] = '\0';
		*strrchr(exe, '/') = '\0';
		dir = xasprintf("%s/po", exe);
		mo = xasprintf("%s/nl/LC_MESSAGES/nabij.mo", dir);
		bindtextdomain("nabij", stat(mo, &st) == 0 ? dir : NB_LOCALEDIR);
		free(mo);
	} else {
		bindtextdomain("nabij", NB_LOCALEDIR);
	}
	free(dir);
	bind_textdomain_codeset("nabij", "UTF-8");
	textdomain("nabij");
}

static int fail(const struct nb_error *err)
{
	fprintf(stderr, "nabij serve: %s\n", err->msg);
	return err->code == NB_EINVAL || err->code == NB_EUSAGE ? 2 : 1;
}

static void help_serve(FILE *f)
{
	fputs(_("Usage: nabij serve [--config FILE] [--KEY VALUE ...]\n"
		"       nabij serve migrate --database OWNER_CONNINFO --app-role ROLE\n"
		"       nabij serve invite --database CONNINFO [--url URL] [--admin]\n"
		"\n"
		"Serves nabij to many people, each with an account, their notes in\n"
		"PostgreSQL where no account can read another's. The same pages as\n"
		"\"nabij ui\". It runs the program nabij-serve, found beside nabij or in\n"
		"its installation's libexec folder.\n"
		"\n"
		"The settings come from /etc/nabij/serve.conf (or --config FILE): lines\n"
		"of key = value, # for a comment. Each is also a flag, which wins:\n"
		"  --listen ADDRESS   where to listen (default 127.0.0.1)\n"
		"  --port N           (default 8080)\n"
		"  --url URL          the address people open, such as https://nabij.example.org;\n"
		"                     its host is the only one answered, and https there means\n"
		"                     secure cookies and HSTS, also behind a proxy\n"
		"  --database CONN    the PostgreSQL connection (conninfo or URI) of the\n"
		"                     role that owns nothing (see migrate)\n"
		"  --tls-cert FILE, --tls-key FILE   HTTPS of its own (PEM)\n"
		"  --workers N        worker processes (default twice the cores)\n"
		"  --zone ZONE        the time zone of people who set none (Europe/Amsterdam)\n"
		"  --lang nl|en       the pages' language when the browser asks none\n"
		"  --trust-proxy yes  believe X-Forwarded-For and -Proto from a proxy on this\n"
		"                     machine (plain HTTP on a loopback address only)\n"
		"Plain HTTP is served only on a loopback address, for a proxy on the same\n"
		"machine that serves HTTPS; anywhere else nabij serve needs tls-cert and\n"
		"tls-key. It refuses to start when its database role could read past the\n"
		"row-level security (a superuser, BYPASSRLS, or the tables' owner).\n"
		"\n"
		"\"nabij serve migrate --help\" and \"nabij serve invite --help\" tell more.\n"),
	      f);
}

static void help_migrate(FILE *f)
{
	fputs(_("Usage: nabij serve migrate --database OWNER_CONNINFO --app-role ROLE\n"
		"\n"
		"Makes the database's tables, or brings them up to date, as the role that\n"
		"owns them (OWNER_CONNINFO), and lets ROLE, the role nabij serve connects\n"
		"as, use them and no more. Run it after every update of nabij.\n"),
	      f);
}

static void help_invite(FILE *f)
{
	fputs(_("Usage: nabij serve invite --database CONNINFO [--url URL] [--admin]\n"
		"\n"
		"Makes an invitation and prints its link, which can be used once to make\n"
		"an account. Send it to the person yourself. --url is the public address\n"
		"(default: url of the configuration); --admin makes the account an\n"
		"operator's.\n"),
	      f);
}

/* The flags of argv from i on into c (--key value, --key=value); the
 * others a command takes itself are in own (NULL-ended, each "name" for
 * a flag with a value or "name!" for one without), their values into got. */
static enum nb_err take_flags(struct serve_conf *c, int argc, char **argv, const char *const *own,
			      const char **got, bool *help, struct nb_error *err)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *value;
		char key[64];
		size_t n;
		int mine = -1;
		bool bare;

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			*help = true;
			continue;
		}
		if (strncmp(a, "--", 2) != 0 || !a[2])
			return nb_error_set(err, NB_EUSAGE, "", _("\"%s\" is not understood here; see --help."), nb_shown(a));
		n = strcspn(a + 2, "=");
		if (n >= sizeof key)
			return nb_error_set(err, NB_EUSAGE, "", _("\"%s\" is not understood here; see --help."), nb_shown(a));
		memcpy(key, a + 2, n);
		key[n] = '\0';
		for (int k = 0; own && own[k]; k++)
			if (strncmp(own[k], key, n) == 0 && (own[k][n] == '\0' || own[k][n] == '!'))
				mine = k;
		bare = mine >= 0 && own[mine][n] == '!';
		if (bare) {
			got[mine] = "yes";
			continue;
		}
		if (a[2 + n] == '=')
			value = a + 3 + n;
		else if (i + 1 < argc)
			value = argv[++i];
		else
			return nb_error_set(err, NB_EUSAGE, key, _("--%s needs a value."), key);
		if (mine >= 0)
			got[mine] = value;
		else if (serve_conf_set(c, key, value, err))
			return err->code;
	}
	return NB_OK;
}

/* The configuration file of --config (which must be there), else the
 * default (which may be missing). */
static enum nb_err load_config(struct serve_conf *c, int argc, char **argv, struct nb_error *err)
{
	const char *path = NULL;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--config") == 0 && i + 1 < argc)
			path = argv[i + 1];
		else if (strncmp(argv[i], "--config=", 9) == 0)
			path = argv[i] + 9;
	}
	return serve_conf_load(c, path ? path : SERVE_CONF_DEFAULT, path != NULL, err);
}

static int cmd_migrate(int argc, char **argv)
{
	struct serve_conf c = { 0 };
	struct nb_error err = { 0 };
	const char *own[] = { "app-role", "database", "config", NULL };
	const char *got[3] = { 0 };
	bool help = false;
	int status = 0;

	if (take_flags(&c, argc, argv, own, got, &help, &err)) {
		status = fail(&err);
	} else if (help) {
		help_migrate(stdout);
	} else if (!got[0] || !got[1]) {
		fprintf(stderr, "nabij serve: %s\n", _("migrate needs --database (the owner's connection) and --app-role."));
		status = 2;
	} else if (pg_migrate(got[1], got[0], &err)) {
		status = fail(&err);
	} else {
		printf("%s\n", _("The database is up to date."));
	}
	serve_conf_free(&c);
	return status;
}

static int cmd_invite(int argc, char **argv)
{
	struct serve_conf c = { 0 };
	struct nb_error err = { 0 };
	const char *own[] = { "admin!", "config", NULL };
	const char *got[2] = { 0 };
	char token[NB_TOKEN_LEN + 1], until[NB_STAMP_LEN], days[24];
	struct nb_pg *pg = NULL;
	bool help = false;
	int64_t now = (int64_t)time(NULL);
	int status = 0;
	const char *fixed = getenv("NABIJ_NOW");
	struct nb_stamp st;

	if (fixed && *fixed && nb_stamp_parse(fixed, &st))
		now = st.utc;
	if (load_config(&c, argc, argv, &err) || take_flags(&c, argc, argv, own, got, &help, &err)) {
		status = fail(&err);
		goto done;
	}
	if (help) {
		help_invite(stdout);
		goto done;
	}
	if (!c.database) {
		fprintf(stderr, "nabij serve: %s\n", _("invite needs --database (or database in the configuration)."));
		status = 2;
		goto done;
	}
	if (pg_connect(c.database, &pg, &err) || account_invite(pg, got[0] != NULL, now, token, &err)) {
		status = fail(&err);
		goto done;
	}
	nb_stamp_format(nb_stamp_local(now + (int64_t)NB_INVITE_DAYS * 86400), until);
	{
		const char *v[] = { nb_int(NB_INVITE_DAYS, days), until };
		char line[200];

		nb_say(line, sizeof line, _("An invitation, valid for %s days (until %s), to be used once:"), v, 2);
		printf("%s\n\n", line);
	}
	if (c.url) {
		size_t n = strlen(c.url);

		printf("    %.*s/signup?invite=%s\n\n", (int)(n && c.url[n - 1] == '/' ? n - 1 : n), c.url, token);
	} else {
		printf("    /signup?invite=%s\n\n%s\n", token,
		       _("(Put the public address of nabij serve before it, or give --url.)"));
	}
	printf("%s\n", _("Send it to the person yourself: whoever has the link can make the account."));
	sodium_memzero(token, sizeof token);
done:
	pg_disconnect(pg);
	serve_conf_free(&c);
	return status;
}

static char *read_pem(const char *path, struct nb_error *err)
{
	FILE *f = fopen(path, "rb");
	char *text;
	size_t n;

	if (!f) {
		nb_error_set(err, NB_EIO, "tls", _("nabij serve cannot read %s: %s."), path, strerror(errno));
		return NULL;
	}
	text = xmalloc(PEM_MAX + 1);
	n = fread(text, 1, PEM_MAX, f);
	fclose(f);
	text[n] = '\0';
	if (n == 0 || !strstr(text, "-----BEGIN ")) {
		nb_error_set(err, NB_EINVAL, "tls", _("%s is not a PEM file (a certificate or a key)."), path);
		free(text);
		return NULL;
	}
	return text;
}

/* The listening socket, non-blocking (the workers race for connections). */
static int open_socket(const struct serve_conf *c, struct nb_error *err)
{
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM, .ai_flags = AI_PASSIVE | AI_NUMERICSERV };
	struct addrinfo *res = NULL;
	char port[16];
	int fd = -1, one = 1, rc, e = 0;

	snprintf(port, sizeof port, "%d", c->port);
	if ((rc = getaddrinfo(c->listen, port, &hints, &res)) != 0) {
		nb_error_set(err, NB_EINVAL, "listen", _("nabij serve cannot listen on %s: %s."), nb_shown(c->listen),
			     gai_strerror(rc));
		return -1;
	}
	for (struct addrinfo *a = res; a && fd < 0; a = a->ai_next) {
		fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
		if (fd < 0)
			continue;
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
		if (bind(fd, a->ai_addr, a->ai_addrlen) != 0 || listen(fd, 128) != 0) {
			e = errno;
			close(fd);
			fd = -1;
		}
	}
	freeaddrinfo(res);
	if (fd < 0) {
		nb_error_set(err, NB_EIO, "listen", _("nabij serve cannot listen on %s port %d: %s."), nb_shown(c->listen),
			     c->port, strerror(e ? e : errno));
		return -1;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	return fd;
}

/* A worker: its own connection, then requests until told to stop. */
static int worker(const struct serve_conf *c, int fd, const char *cert, const char *key)
{
	struct nb_app clock = { 0 };
	struct web_hosted hd;
	struct web w;
	struct web_worker o = { .fd = fd, .tls_cert = cert, .tls_key = key, .conn_limit = WORKER_CONNECTIONS };
	struct nb_error err = { 0 };
	struct nb_pg *pg;
	const char *fixed = getenv("NABIJ_NOW");
	struct nb_stamp st;
	int status;

	if (pg_connect(c->database, &pg, &err))
		return fail(&err);
	clock.now = fixed && *fixed && nb_stamp_parse(fixed, &st) ? st.utc : (int64_t)time(NULL);
	web_init(&w, &clock, c->port, c->lang ? c->lang : "en");
	w.local = false;
	w.installed = false;
	w.scheme = c->https ? "https" : "http";
	snprintf(w.host, sizeof w.host, "%s", c->host);
	w.zone = c->zone;
	web_hosted_init(&hd, pg);
	hd.https = c->https;
	hd.trust_proxy = c->trust_proxy;
	hd.zone = c->zone;
	w.hosted = &hd;
	status = web_serve_worker(&w, &o);
	report_release();	/* the fonts of any report the pages drew */
	pg_disconnect(pg);
	return status;
}

static volatile sig_atomic_t stopping;

static void on_stop(int sig)
{
	(void)sig;
	stopping = 1;
}

static void on_child(int sig)
{
	(void)sig;	/* only wakes the parent's sleep */
}

static double mono(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int serve(int argc, char **argv)
{
	struct serve_conf c = { 0 };
	struct nb_error err = { 0 };
	struct nb_pg *pg = NULL;
	char *cert = NULL, *key = NULL;
	pid_t *pids = NULL;
	double *born = NULL;
	int fd = -1, n, status = 0, quick = 0;
	bool help = false;
	const char *own[] = { "config", NULL };
	const char *got[1] = { 0 };
	struct sigaction sa = { 0 };

	if (load_config(&c, argc, argv, &err) || take_flags(&c, argc, argv, own, got, &help, &err)) {
		status = fail(&err);
		goto done;
	}
	if (help) {
		help_serve(stdout);
		goto done;
	}
	if (serve_conf_check(&c, &err)) {
		status = fail(&err);
		goto done;
	}
	if (c.tls_cert && (!(cert = read_pem(c.tls_cert, &err)) || !(key = read_pem(c.tls_key, &err)))) {
		status = fail(&err);
		goto done;
	}
	if (c.zone) {	/* the process's zone: the one of people who set none */
		setenv("TZ", c.zone, 1);
		tzset();
	}
	/* the role may serve only when it cannot read past the policies */
	if (pg_connect(c.database, &pg, &err) || pg_check_role(pg, &err)) {
		status = fail(&err);
		goto done;
	}
	pg_disconnect(pg);	/* the parent holds no connection */
	pg = NULL;
	if ((fd = open_socket(&c, &err)) < 0) {
		status = fail(&err);
		goto done;
	}
	n = c.workers ? c.workers : 2 * (int)sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		n = 2;
	if (n > WORKERS_MAX)
		n = WORKERS_MAX;
	pids = xcalloc((size_t)n, sizeof *pids);
	born = xcalloc((size_t)n, sizeof *born);
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = on_child;
	sigaction(SIGCHLD, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	{
		char workers[24], port[24];
		const char *v[] = { c.url, c.listen, nb_int(c.port, port), nb_int(n, workers) };
		char line[600];

		nb_say(line, sizeof line, _("nabij serve is open at %s (listening on %s port %s, %s workers)."), v, 4);
		printf("%s\n", line);
		fflush(stdout);
	}
	while (!stopping) {
		double now = mono();
		pid_t pid;
		int ws;

		/* a worker for every empty place, unless they die too fast */
		for (int i = 0; i < n && !stopping; i++) {
			if (pids[i] > 0)
				continue;
			if (quick > 3 && now - born[i] < (quick > 7 ? 30 : 1 << (quick - 3)))
				continue;	/* backoff: wait before the next fork */
			born[i] = now;
			pid = fork();
			if (pid == 0) {
				free(pids);
				free(born);
				sa.sa_handler = SIG_DFL;
				sigaction(SIGTERM, &sa, NULL);
				sigaction(SIGINT, &sa, NULL);
				sigaction(SIGCHLD, &sa, NULL);
				_exit(worker(&c, fd, cert, key));
			}
			if (pid > 0)
				pids[i] = pid;
		}
		/* wait for a worker to end or a signal (either cuts the sleep
		 * short); a second at most */
		if (!stopping)
			nanosleep(&(struct timespec){ 1, 0 }, NULL);
		while ((pid = waitpid(-1, &ws, WNOHANG)) > 0) {
			for (int i = 0; i < n; i++) {
				if (pids[i] != pid)
					continue;
				pids[i] = 0;
				if (stopping)
					break;
				/* which worker and how: never anything of a request */
				if (WIFSIGNALED(ws))
					fprintf(stderr, _("nabij serve: worker %d (process %ld) ended by signal %d; another starts.\n"),
						i + 1, (long)pid, WTERMSIG(ws));
				else
					fprintf(stderr, _("nabij serve: worker %d (process %ld) ended with status %d; another starts.\n"),
						i + 1, (long)pid, WEXITSTATUS(ws));
				quick = mono() - born[i] < 10 ? quick + 1 : 0;
			}
		}
	}
	for (int i = 0; i < n; i++)
		if (pids[i] > 0)
			kill(pids[i], SIGTERM);
	for (int i = 0; i < n; i++)
		if (pids[i] > 0)
			waitpid(pids[i], NULL, 0);
	printf("%s\n", _("nabij serve has stopped."));
done:
	if (fd >= 0)
		close(fd);
	pg_disconnect(pg);
	if (key)
		sodium_memzero(key, strlen(key));
	free(cert);
	free(key);
	free(pids);
	free(born);
	serve_conf_free(&c);
	return status;
}

int main(int argc, char **argv)
{
	umask(077);
	set_language();
	if (vault_harden(NULL) != NB_OK) {
		fputs("nabij serve: the cryptography library could not start\n", stderr);
		return 1;
	}
	if (argc > 1 && strcmp(argv[1], "--version") == 0) {
		printf("nabij-serve %s\n", NB_VERSION);
		return 0;
	}
	if (argc > 1 && strcmp(argv[1], "migrate") == 0)
		return cmd_migrate(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "invite") == 0)
		return cmd_invite(argc - 1, argv + 1);
	return serve(argc, argv);
}
