/*
 * The libmicrohttpd side of nabij ui: bind to the loopback addresses only,
 * collect each request into a struct web_req (MHD parses headers, cookies,
 * the query and POST bodies, urlencoded or multipart), hand it to
 * web_handle, and send the answer with the security headers every response
 * carries. Requests are served one at a time: one SQLite connection, one
 * language and zone setting (the statics here, and why they are safe, in
 * docs/ARCHITECTURE.md, "Mutable statics: src/web").
 */
#include "web.h"
#include "place.h"
#include "core/i18n.h"
#include "core/uid.h"
#include "core/xalloc.h"

#include <microhttpd.h>

#include <dlfcn.h>
#include <sodium.h>

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_PORT 7419

/*
 * libmicrohttpd is loaded when "nabij ui" starts, not when any nabij
 * command starts: it pulls in GnuTLS and eight more libraries whose loading
 * would double the start-up time of every quick terminal command. The
 * header still types every call; only the addresses come from dlsym.
 */
static struct {
	enum MHD_Result (*get_connection_values)(struct MHD_Connection *, enum MHD_ValueKind,
						 MHD_KeyValueIterator, void *);
	int (*get_connection_values_n)(struct MHD_Connection *, enum MHD_ValueKind,
				       MHD_KeyValueIteratorN, void *);
	struct MHD_PostProcessor *(*create_post_processor)(struct MHD_Connection *, size_t,
							   MHD_PostDataIterator, void *);
	enum MHD_Result (*post_process)(struct MHD_PostProcessor *, const char *, size_t);
	enum MHD_Result (*destroy_post_processor)(struct MHD_PostProcessor *);
	struct MHD_Response *(*create_response_from_buffer)(size_t, void *, enum MHD_ResponseMemoryMode);
	enum MHD_Result (*add_response_header)(struct MHD_Response *, const char *, const char *);
	enum MHD_Result (*queue_response)(struct MHD_Connection *, unsigned int, struct MHD_Response *);
	void (*destroy_response)(struct MHD_Response *);
	struct MHD_Daemon *(*start_daemon)(unsigned int, uint16_t, MHD_AcceptPolicyCallback, void *,
					   MHD_AccessHandlerCallback, void *, ...);
	const union MHD_DaemonInfo *(*get_daemon_info)(struct MHD_Daemon *, enum MHD_DaemonInfoType, ...);
	const union MHD_ConnectionInfo *(*get_connection_info)(struct MHD_Connection *,
								enum MHD_ConnectionInfoType, ...);
	void (*stop_daemon)(struct MHD_Daemon *);
	enum MHD_Result (*run_wait)(struct MHD_Daemon *, int32_t);
} mhd;

static bool load_mhd(void)
{
	void *h = dlopen("libmicrohttpd.so.12", RTLD_NOW | RTLD_LOCAL);
	const struct {
		const char *name;
		void **slot;
	} syms[] = {
		{ "MHD_get_connection_values", (void **)&mhd.get_connection_values },
		{ "MHD_get_connection_values_n", (void **)&mhd.get_connection_values_n },
		{ "MHD_create_post_processor", (void **)&mhd.create_post_processor },
		{ "MHD_post_process", (void **)&mhd.post_process },
		{ "MHD_destroy_post_processor", (void **)&mhd.destroy_post_processor },
		{ "MHD_create_response_from_buffer", (void **)&mhd.create_response_from_buffer },
		{ "MHD_add_response_header", (void **)&mhd.add_response_header },
		{ "MHD_queue_response", (void **)&mhd.queue_response },
		{ "MHD_destroy_response", (void **)&mhd.destroy_response },
		{ "MHD_start_daemon", (void **)&mhd.start_daemon },
		{ "MHD_get_daemon_info", (void **)&mhd.get_daemon_info },
		{ "MHD_get_connection_info", (void **)&mhd.get_connection_info },
		{ "MHD_stop_daemon", (void **)&mhd.stop_daemon },
		{ "MHD_run_wait", (void **)&mhd.run_wait },
	};

	if (!h) {
		fprintf(stderr, _("nabij: the web UI needs libmicrohttpd (Debian: libmicrohttpd12): %s\n"),
			dlerror());
		return false;
	}
	for (size_t i = 0; i < sizeof syms / sizeof syms[0]; i++)
		if (!(*syms[i].slot = dlsym(h, syms[i].name))) {
			fprintf(stderr, _("nabij: the web UI needs libmicrohttpd (Debian: libmicrohttpd12): %s\n"),
				dlerror());
			return false;
		}
	return true;
}

static pthread_mutex_t one_at_a_time = PTHREAD_MUTEX_INITIALIZER;
static bool fixed_clock;	/* NABIJ_NOW: set before the daemons start */

/*
 * Slow clients. libmicrohttpd's own timeout counts idle time only, and it
 * restarts with every byte: a few connections that each send a header line
 * now and then would hold every place. So each request must arrive whole
 * within REQUEST_SECONDS of its connection (or of the previous answer on
 * it), and when the connections come near CONN_MAX, the one that has been
 * arriving longest makes way, so that there is always room for a real
 * request. A watchdog thread sweeps every second. libmicrohttpd tells
 * NOTIFY_CLOSED before it closes a socket, and that notice waits for
 * lanes_lock: so while the lock is held, every descriptor in a lane is still
 * the connection's own, and shutdown() on it lets libmicrohttpd close it the
 * ordinary way.
 */
#define CONN_MAX 256		/* libmicrohttpd's limit */
#define CONN_ROOM 32		/* places kept free for new requests */
#define REQUEST_SECONDS 15	/* for a request to arrive whole */
#define IDLE_SECONDS 15		/* between bytes, libmicrohttpd's own */
#define WORKER_REQUEST_SECONDS 120	/* nabij serve: for a page to be made (a report is the longest) */

struct conn {
	struct conn *prev, *next;
	int fd;
	double since;		/* when this request began to arrive */
	bool arriving;		/* not yet arrived whole */
	bool doomed;		/* shut down; libmicrohttpd will close it */
};

struct lane {			/* the connections of one daemon */
	struct conn head;	/* of a circular list, oldest first */
	int n;
};

static pthread_mutex_t lanes_lock = PTHREAD_MUTEX_INITIALIZER;
static struct lane lanes[2];	/* IPv4 and IPv6 */
static atomic_bool watching;	/* the watchdog runs while set */

static double mono(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Close what took too long, and make room when the lane is nearly full.
 * With lanes_lock held. */
static void doom(struct conn *c)
{
	shutdown(c->fd, SHUT_RDWR);
	c->doomed = true;
	c->arriving = false;
}

static void sweep(struct lane *l)
{
	double now = mono();
	int live = 0;

	for (struct conn *c = l->head.next; c != &l->head; c = c->next) {
		if (c->arriving && now - c->since > REQUEST_SECONDS)
			doom(c);
		live += !c->doomed;
	}
	/* near the limit, the request that has been arriving longest makes
	 * way, one at a time, until there is room again */
	while (live > CONN_MAX - CONN_ROOM) {
		struct conn *oldest = NULL;

		for (struct conn *c = l->head.next; c != &l->head; c = c->next)
			if (c->arriving && (!oldest || c->since < oldest->since))
				oldest = c;
		if (!oldest)
			break;	/* all are being answered or idle between requests */
		doom(oldest);
		live--;
	}
}

static void notify(void *cls, struct MHD_Connection *conn, void **socket_context,
		   enum MHD_ConnectionNotificationCode code)
{
	struct lane *l = cls;
	struct conn *c = *socket_context;
	const union MHD_ConnectionInfo *info;

	pthread_mutex_lock(&lanes_lock);
	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		sweep(l);
		info = mhd.get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
		c = xcalloc(1, sizeof *c);
		c->fd = info ? info->connect_fd : -1;
		c->since = mono();
		c->arriving = c->fd >= 0;
		c->prev = l->head.prev;
		c->next = &l->head;
		l->head.prev->next = c;
		l->head.prev = c;
		l->n++;
		*socket_context = c;
	} else if (c) {
		c->prev->next = c->next;
		c->next->prev = c->prev;
		l->n--;
		free(c);
		*socket_context = NULL;
	}
	pthread_mutex_unlock(&lanes_lock);
}

/* Mark the request on conn arrived whole, or (again) arriving from now. */
static void mark(struct MHD_Connection *conn, bool arriving)
{
	const union MHD_ConnectionInfo *info =
		mhd.get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	struct conn *c = info ? info->socket_context : NULL;

	pthread_mutex_lock(&lanes_lock);
	if (c && !c->doomed) {
		c->since = mono();
		c->arriving = arriving;
	}
	pthread_mutex_unlock(&lanes_lock);
}

static void *watchdog(void *unused)
{
	(void)unused;
	while (watching) {
		sleep(1);
		pthread_mutex_lock(&lanes_lock);
		for (int i = 0; i < 2; i++)
			if (lanes[i].head.next)
				sweep(&lanes[i]);
		pthread_mutex_unlock(&lanes_lock);
	}
	return NULL;
}

struct ctx {
	struct web_req req;
	struct MHD_PostProcessor *pp;
	size_t body;
	size_t limit;
	char *path;
};

static enum MHD_Result collect(void *cls, enum MHD_ValueKind kind, const char *key,
			       const char *value)
{
	struct web_kvs *l = cls;
	char *lower = xstrdup(key);

	if (kind == MHD_HEADER_KIND)
		for (char *c = lower; *c; c++)
			*c = (char)tolower((unsigned char)*c);
	kvs_add(l, lower, value, value ? strlen(value) : 0);
	free(lower);
	return MHD_YES;
}

/* The query with each value's length: a %00 in it stays visible, so that
 * web_handle can refuse it instead of reading a value cut short. */
static enum MHD_Result collect_n(void *cls, enum MHD_ValueKind kind, const char *key,
				 size_t key_size, const char *value, size_t value_size)
{
	(void)kind, (void)key_size;
	kvs_add(cls, key, value, value ? value_size : 0);
	return MHD_YES;
}

static enum MHD_Result post_field(void *cls, enum MHD_ValueKind kind, const char *key,
				  const char *filename, const char *type, const char *encoding,
				  const char *data, uint64_t off, size_t size)
{
	struct ctx *c = cls;

	(void)kind, (void)type, (void)encoding;
	if (off == 0 && filename) {
		char *name = xasprintf("%s.filename", key);
		kvs_add(&c->req.form, name, filename, strlen(filename));
		free(name);
	}
	if (off == 0)
		kvs_add(&c->req.form, key, data, size);
	else
		kvs_append(&c->req.form, key, data, size);
	return MHD_YES;
}

static void completed(void *cls, struct MHD_Connection *conn, void **con_cls,
		      enum MHD_RequestTerminationCode toe)
{
	struct ctx *c = *con_cls;

	(void)cls, (void)toe;
	mark(conn, true);	/* the next request on this connection begins to arrive */
	if (!c)
		return;
	if (c->pp)
		mhd.destroy_post_processor(c->pp);
	kvs_free(&c->req.headers);
	kvs_free(&c->req.cookies);
	kvs_free(&c->req.query);
	kvs_free(&c->req.form);
	free(c->path);
	free(c);
	*con_cls = NULL;
}

/* The client's address as text, for the sign-in limit of nabij serve. */
static void peer_of(struct MHD_Connection *conn, char *out, size_t size)
{
	const union MHD_ConnectionInfo *info = mhd.get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *sa = info ? info->client_addr : NULL;

	out[0] = '\0';
	if (sa && sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out, (socklen_t)size);
	else if (sa && sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, out, (socklen_t)size);
}

static enum MHD_Result answer(const struct web *w, struct MHD_Connection *conn, struct web_resp *r)
{
	/* the page's buffer is handed over, not copied; MHD frees it */
	size_t len = r->body.len;
	char *body = r->body.s ? buf_detach(&r->body) : NULL;
	struct MHD_Response *resp =
		body ? mhd.create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE)
		     : mhd.create_response_from_buffer(0, (char *)"", MHD_RESPMEM_PERSISTENT);
	enum MHD_Result ret;

	if (!resp) {
		free(body);
		return MHD_NO;
	}

	for (int i = 0; web_security_headers[i]; i += 2)
		mhd.add_response_header(resp, web_security_headers[i], web_security_headers[i + 1]);
	if (w->hosted && w->hosted->https)	/* this host over https only, for a year */
		mhd.add_response_header(resp, "Strict-Transport-Security", "max-age=31536000");
	mhd.add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, r->type);
	mhd.add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL,
				r->cache ? "private, max-age=3600" : "no-store");
	if (r->status == 405 && r->allow)
		mhd.add_response_header(resp, "Allow", r->allow);
	if (r->status == 303 || r->status == 302 || r->status == 301)
		mhd.add_response_header(resp, MHD_HTTP_HEADER_LOCATION, r->location);
	for (int i = 0; i < r->ncookies; i++)
		mhd.add_response_header(resp, MHD_HTTP_HEADER_SET_COOKIE, r->cookies[i]);
	if (r->filename[0]) {
		char disp[128];
		snprintf(disp, sizeof disp, "attachment; filename=\"%s\"", r->filename);
		mhd.add_response_header(resp, MHD_HTTP_HEADER_CONTENT_DISPOSITION, disp);
	}
	ret = mhd.queue_response(conn, (unsigned)r->status, resp);
	mhd.destroy_response(resp);
	return ret;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *conn, const char *url,
			      const char *method, const char *version, const char *upload,
			      size_t *upload_size, void **con_cls)
{
	struct web *w = cls;
	struct ctx *c = *con_cls;
	struct web_resp resp = { 0 };
	enum MHD_Result ret;

	(void)version;
	if (!c) {
		const char *length;

		c = xcalloc(1, sizeof *c);
		c->path = xstrdup(url);
		c->req.method = method;
		c->req.path = c->path;
		c->limit = strcmp(url, "/data") == 0 ? WEB_UPLOAD_MAX : w->body_max;
		mhd.get_connection_values(conn, MHD_HEADER_KIND, collect, &c->req.headers);
		mhd.get_connection_values(conn, MHD_COOKIE_KIND, collect, &c->req.cookies);
		mhd.get_connection_values_n(conn, MHD_GET_ARGUMENT_KIND, collect_n, &c->req.query);
		peer_of(conn, c->req.peer, sizeof c->req.peer);
		*con_cls = c;
		/* refused before a byte of the body is read: a wrong Host,
		 * session or origin, or a body larger than the page takes */
		length = kvs_get(&c->req.headers, "content-length");
		if (length && strtoull(length, NULL, 10) > c->limit)
			c->req.too_large = true;
		if (strcmp(method, "POST") == 0 && (c->req.too_large || !web_admit(w, &c->req)))
			goto respond;
		if (strcmp(method, "POST") == 0)
			c->pp = mhd.create_post_processor(conn, 64 * 1024, post_field, c);
		return MHD_YES;
	}
	if (*upload_size) {
		size_t n = *upload_size;

		*upload_size = 0;
		c->body += n;
		if (c->body > c->limit) {	/* answered now; the rest is not read */
			c->req.too_large = true;
			goto respond;
		}
		if (c->pp)
			mhd.post_process(c->pp, upload, n);
		return MHD_YES;
	}
	if (c->pp) {	/* the last field arrives when the processor is done */
		mhd.destroy_post_processor(c->pp);
		c->pp = NULL;
	}
respond:
	mark(conn, false);	/* whole: now it is our turn */
	pthread_mutex_lock(&one_at_a_time);
	if (!fixed_clock)
		w->app->now = (int64_t)time(NULL);
	if (w->hosted) {	/* the person's app is made for the request (page_account.c) */
		/* a request that runs past its limit ends its worker (SIGALRM),
		 * which the parent replaces; PostgreSQL rolls its transaction back */
		alarm(WORKER_REQUEST_SECONDS);
		web_handle(w, &c->req, &resp);
		alarm(0);
	} else {	/* a page's one read transaction takes in the check before it */
		bool reading = !w->locked && strcmp(method, "POST") != 0 && !app_read_begin(w->app, NULL);

		if (!w->locked)	/* what was deleted and waited its time goes for good (app_expire) */
			app_expire(w->app, NULL);
		web_handle(w, &c->req, &resp);
		if (reading)
			app_read_end(w->app);
	}
	ret = answer(w, conn, &resp);
	pthread_mutex_unlock(&one_at_a_time);
	web_resp_free(&resp);
	return ret;
}

/* Listen on the IPv4 loopback address ip (host order) or, when v6, on ::1. */
static struct MHD_Daemon *start(struct web *w, int port, uint32_t ip, bool v6)
{
	struct sockaddr_in a4 = { 0 };
	struct sockaddr_in6 a6 = { 0 };
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL | (v6 ? MHD_USE_IPv6 : 0);
	struct lane *l = &lanes[v6];

	pthread_mutex_lock(&lanes_lock);
	l->head.next = l->head.prev = &l->head;
	pthread_mutex_unlock(&lanes_lock);
	a4.sin_family = AF_INET;
	a4.sin_port = htons((uint16_t)port);
	a4.sin_addr.s_addr = htonl(ip);
	a6.sin6_family = AF_INET6;
	a6.sin6_port = htons((uint16_t)port);
	a6.sin6_addr = in6addr_loopback;
	return mhd.start_daemon(flags, (uint16_t)port, NULL, NULL, handle, w,
				MHD_OPTION_SOCK_ADDR, v6 ? (struct sockaddr *)&a6 : (struct sockaddr *)&a4,
				MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
				MHD_OPTION_NOTIFY_CONNECTION, notify, l,
				MHD_OPTION_CONNECTION_LIMIT, (unsigned)CONN_MAX,
				MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)IDLE_SECONDS,
				MHD_OPTION_END);
}

/*
 * An address of its own in 127.0.0.0/8 for this start. Browsers keep
 * cookies per host name, not per port: on 127.0.0.1 the session cookie
 * would go to every other server there as well. 127.0.0.1 and 127.0.1.1
 * (Debian's name for the machine itself) are never drawn.
 */
static uint32_t draw_loopback(void)
{
	uint8_t b[3];
	uint32_t ip;

	do {
		nb_random(b, sizeof b);
		ip = 0x7f000000u | (uint32_t)b[0] << 16 | (uint32_t)b[1] << 8 | b[2];
	} while (b[2] == 0 || b[2] == 255 || (b[0] == 0 && b[1] <= 1));
	return ip;
}

static char opened_dir[4096];	/* the folder of the last page that opened a browser */

/* Remove that page and its folder, if they are still there. */
static void forget_opened(void)
{
	char file[4200];

	if (!opened_dir[0])
		return;
	snprintf(file, sizeof file, "%s/open.html", opened_dir);
	unlink(file);
	rmdir(opened_dir);
	opened_dir[0] = '\0';
}

/*
 * Open the address in a browser, when there is a desktop and a way, without
 * the secret ever being an argument of a program (every user can read
 * those in /proc): a small page in a new private folder (0700, the page
 * 0600) carries the browser on to the address, and the opener is given
 * the page's path. A child removes page and folder after a minute. True
 * when an opener was started.
 */
static bool open_browser(const char *url)
{
	char dir[4096], file[4200], page[1024];
	const char *base = getenv("XDG_RUNTIME_DIR");
	sigset_t none;
	pid_t pid;
	int fd, n;
	bool ok;

	if (!getenv("DISPLAY") && !getenv("WAYLAND_DISPLAY"))
		return false;
	if (!base || base[0] != '/' || access(base, W_OK | X_OK) != 0)
		base = getenv("TMPDIR");
	if (!base || base[0] != '/' || access(base, W_OK | X_OK) != 0)
		base = "/tmp";
	if ((size_t)snprintf(dir, sizeof dir, "%s/nabij-open-XXXXXX", base) >= sizeof dir || !mkdtemp(dir))
		return false;
	snprintf(file, sizeof file, "%s/open.html", dir);
	n = snprintf(page, sizeof page,
		     "<!doctype html><html><head><meta charset=\"utf-8\">"
		     "<meta http-equiv=\"refresh\" content=\"0;url=%s\"><title>nabij</title></head>"
		     "<body><p><a href=\"%s\">nabij</a></p></body></html>\n", url, url);
	fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	ok = fd >= 0 && n > 0 && (size_t)n < sizeof page && write(fd, page, (size_t)n) == n;
	if (fd >= 0)
		ok = close(fd) == 0 && ok;
	sodium_memzero(page, sizeof page);
	signal(SIGCHLD, SIG_IGN);	/* no zombie when the opener exits */
	if (!ok || (pid = fork()) < 0) {
		unlink(file);
		rmdir(dir);
		return false;
	}
	snprintf(opened_dir, sizeof opened_dir, "%s", dir);	/* the server removes it at its end too */
	if (pid == 0) {
		/* not the server's sockets, lock file or terminal, nor its
		 * blocked signals */
		int null = open("/dev/null", O_RDWR);

		if (null >= 0) {
			dup2(null, STDIN_FILENO);
			dup2(null, STDOUT_FILENO);
			dup2(null, STDERR_FILENO);
		}
		close_range(3, ~0U, 0);
		setsid();	/* a Ctrl-C to nabij's terminal leaves it to clean up */
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		if (fork() == 0) {
			signal(SIGCHLD, SIG_DFL);
			execlp("xdg-open", "xdg-open", file, (char *)NULL);
			_exit(127);
		}
		sleep(60);
		unlink(file);
		rmdir(dir);
		_exit(0);
	}
	return true;
}

/* Say where nabij is, open it in a browser when asked, and print the
 * address that signs a browser in only when it was asked for, or when no
 * browser was opened and a person reads this terminal. */
static void show(const struct web_opts *o, const struct place *pl, bool already)
{
	char plain[64], full[128];
	bool opened;

	place_url(pl, false, plain, sizeof plain);
	place_url(pl, true, full, sizeof full);
	opened = o->open_browser && open_browser(full);
	if (o->address || (!opened && isatty(STDOUT_FILENO)) || !o->db_path || strcmp(o->db_path, ":memory:") == 0)
		printf(already ? _("nabij is already open at:\n\n    %s\n\nOpen this address in your browser; it works only on this computer. It signs a browser in: keep it to yourself.\n")
			       : _("nabij is open at:\n\n    %s\n\nOpen this address in your browser; it works only on this computer. It signs a browser in: keep it to yourself.\n"),
		       full);
	else if (opened)
		printf(already ? _("nabij is already open; it opens in your browser now (%s).\n")
			       : _("nabij is open; it opens in your browser now (%s).\n"), plain);
	else
		printf(already ? _("nabij is already open at %s.\nTo open it in a browser, use the address that \"nabij ui --address\" prints.\n")
			       : _("nabij is open at %s.\nTo open it in a browser, use the address that \"nabij ui --address\" prints.\n"),
		       plain);
	sodium_memzero(full, sizeof full);
	fflush(stdout);
}

/* Stop the process that holds the lock fd: signal it only while it
 * holds the lock (a pidfd, so that the number cannot pass to another
 * process in between), and say the truth when it is still there. */
static int stop_holder(int fd, pid_t holder)
{
	char proc[64];
	struct stat st;
	int pidfd, sent = -1;

	if (holder < 0) {
		fprintf(stderr, "%s\n", _("nabij: nabij runs for this database, but from a place this terminal cannot stop. Stop it where it was started."));
		return 1;
	}
	pidfd = (int)syscall(SYS_pidfd_open, holder, 0);
	snprintf(proc, sizeof proc, "/proc/%ld", (long)holder);
	if (stat(proc, &st) == 0 && st.st_uid != getuid()) {
		if (pidfd >= 0)
			close(pidfd);
		fprintf(stderr, _("nabij: the process that holds nabij's lock for this database (%ld) is not yours, so nabij does not stop it.\n"),
			(long)holder);
		return 1;
	}
	if (place_lock_holder(fd) == holder) {
		if (pidfd >= 0)
			sent = (int)syscall(SYS_pidfd_send_signal, pidfd, SIGTERM, NULL, 0);
		else if (errno == ENOSYS)
			sent = kill(holder, SIGTERM);
	} else {
		sent = 0;	/* it stopped by itself meanwhile */
	}
	if (pidfd >= 0)
		close(pidfd);
	if (sent != 0) {
		fprintf(stderr, _("nabij: could not stop the nabij that is running (process %ld): %s.\n"), (long)holder,
			strerror(errno));
		return 1;
	}
	for (int i = 0; i < 100 && place_lock_holder(fd) != 0; i++)
		usleep(100 * 1000);	/* at most ten seconds to finish */
	if (place_lock_holder(fd) != 0) {
		fprintf(stderr, _("nabij: nabij is still running (process %ld): it did not stop within ten seconds. Nothing was changed; try again in a moment.\n"),
			(long)holder);
		return 1;
	}
	printf("%s\n", _("nabij has stopped. Everything you wrote is saved."));
	return 0;
}

/* Whether this program is the "nabij" found on the PATH, which the
 * applications menu and "nabij ui" start; not so for a build run from its
 * folder (make run). */
static bool installed(void)
{
	char self[PATH_MAX], found[PATH_MAX], *path = getenv("PATH") ? strdup(getenv("PATH")) : NULL;
	bool yes = false;

	if (!path || !realpath("/proc/self/exe", self)) {
		free(path);
		return false;
	}
	for (char *save = NULL, *d = strtok_r(path, ":", &save); d && !yes; d = strtok_r(NULL, ":", &save)) {
		char *cand = xasprintf("%s/nabij", d);
		yes = realpath(cand, found) && strcmp(found, self) == 0;
		free(cand);
	}
	free(path);
	return yes;
}

/* A file beside the database that nabij will not use. */
static void foreign(const char *db_path, const char *suffix, int e)
{
	fprintf(stderr, _("nabij: %s%s is not a file nabij made for you (%s), so nabij does not use it. If you did not put it there, someone else may have: remove it, then start nabij again.\n"),
		db_path, suffix, strerror(e));
}

int web_running(struct web_opts *o)
{
	struct place pl;
	pid_t holder = 0;
	int fd;

	o->lock_fd = -1;
	if (!o->db_path || strcmp(o->db_path, ":memory:") == 0) {
		if (!o->stop)
			return -1;
		printf("%s\n", _("nabij is not running for this database."));
		return 0;
	}
	if ((fd = place_lock_open(o->db_path)) < 0) {
		if (errno == ENOENT || errno == EROFS || errno == EACCES) {
			/* no folder yet, or one nabij cannot write: nothing
			 * runs there (web_serve says what it can) */
			if (!o->stop)
				return -1;
			printf("%s\n", _("nabij is not running for this database."));
			return 0;
		}
		foreign(o->db_path, "-ui.lock", errno);
		return 1;
	}
	for (int i = 0; i < 3 && holder == 0; i++) {
		if (place_lock_take(fd)) {
			if (o->stop) {
				close(fd);
				printf("%s\n", _("nabij is not running for this database."));
				return 0;
			}
			o->lock_fd = fd;	/* this process serves */
			return -1;
		}
		holder = place_lock_holder(fd);
	}
	if (o->stop) {
		int rc = stop_holder(fd, holder);
		close(fd);
		return rc;
	}
	/* it may have just started: give it a few seconds to listen */
	for (int i = 0; i < 50; i++) {
		if (place_load(o->db_path, &pl) == PLACE_OK && place_prove(&pl)) {
			close(fd);
			if (o->port > 0 && o->port != pl.port)
				printf(_("nabij is already open on another port; to use port %d, stop it first (nabij ui --stop).\n"),
				       o->port);
			show(o, &pl, true);
			return 0;
		}
		if (place_lock_holder(fd) == 0)
			break;
		usleep(100 * 1000);
	}
	close(fd);
	fprintf(stderr, _("nabij: nabij is already running for this database (process %ld), but it does not answer at the address it wrote down, so your sign-in is not sent there. Stop it with \"nabij ui --stop\", then start it again.\n"),
		(long)holder);
	return 1;
}

/* Listen on ip: on the port asked for (--port N), on any free port
 * (--port 0), or on the default one and the next ones. */
static struct MHD_Daemon *listen_on(struct web *w, uint32_t ip, int asked)
{
	struct MHD_Daemon *d = NULL;

	if (asked != 0)
		return start(w, asked > 0 ? asked : 0, ip, false);
	for (int i = 0; !d && i < 20; i++)
		d = start(w, DEFAULT_PORT + i, ip, false);
	return d;
}

int web_serve(struct nb_app *app, const struct web_opts *o)
{
	struct web w;
	struct MHD_Daemon *d4 = NULL, *d6 = NULL;
	const union MHD_DaemonInfo *info;
	struct place pl;
	enum place_state state;
	sigset_t stop;
	bool had, moved = false;
	int port = o->port > 0 ? o->port : DEFAULT_PORT, sig, lock = o->lock_fd;
	uint32_t ip;
	pthread_t dog;

	if (!load_mhd())
		return 1;
	/* the database's folder may have been made only now */
	if (lock < 0 && o->db_path && strcmp(o->db_path, ":memory:") != 0) {
		if ((lock = place_lock_open(o->db_path)) < 0 && errno != EROFS && errno != EACCES) {
			foreign(o->db_path, "-ui.lock", errno);
			return 1;
		}
		if (lock >= 0 && !place_lock_take(lock)) {
			close(lock);
			fprintf(stderr, "%s\n", _("nabij: another nabij started for this database at the same moment; use that one (nabij ui opens it)."));
			return 1;
		}
	}
	fixed_clock = getenv("NABIJ_NOW") && *getenv("NABIJ_NOW");
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);	/* the server threads inherit this */
	signal(SIGPIPE, SIG_IGN);
	web_init(&w, app, 0, o->lang);
	w.installed = installed();
	w.db_path = o->db_path;
	w.locked = o->locked;
	/*
	 * The address, port and secret of the last start, so that a bookmark
	 * and the browser's session keep working; but only the three together.
	 * When that address and port cannot be had (another program took the
	 * port, or another port was asked for), a browser would carry the
	 * cookie to whoever listens there: a new address and a new secret.
	 */
	state = place_load(o->db_path, &pl);
	if (state == PLACE_FOREIGN)
		foreign(o->db_path, "-ui", errno);
	had = state == PLACE_OK;
	if (had && (o->port <= 0 || o->port == pl.port)) {
		d4 = start(&w, pl.port, pl.ip, false);
		moved = !d4;
	}
	if (d4) {
		ip = pl.ip;
		web_set_token(&w, pl.token);
	} else {
		ip = draw_loopback();
		if (!(d4 = listen_on(&w, ip, o->port)))	/* a system without all of 127.0.0.0/8 */
			d4 = listen_on(&w, ip = INADDR_LOOPBACK, o->port);
	}
	sodium_memzero(pl.token, sizeof pl.token);
	if (!d4) {
		fprintf(stderr, _("nabij: cannot listen on 127.0.0.1:%d; is another program using it? Try --port.\n"), port);
		if (lock >= 0)
			close(lock);
		return 1;
	}
	if (moved) {
		char old[64];

		place_url(&pl, false, old, sizeof old);
		printf(_("The address nabij had last time (%s) is taken by another program now. So that your sign-in never goes there, nabij opens at a new address and signs you in anew: a bookmark of the old address no longer works. Open nabij from your applications menu, or with \"nabij ui\".\n\n"),
		       old);
	}
	snprintf(w.host, sizeof w.host, "%u.%u.%u.%u", ip >> 24, ip >> 16 & 255, ip >> 8 & 255, ip & 255);
	info = mhd.get_daemon_info(d4, MHD_DAEMON_INFO_BIND_PORT);
	w.port = info ? info->port : port;
	if (ip == INADDR_LOOPBACK)
		d6 = start(&w, w.port, ip, true);	/* ::1 too, where the machine has it */
	pl.ip = ip;
	pl.port = w.port;
	memcpy(pl.token, w.token, sizeof pl.token);
	if (o->db_path && strcmp(o->db_path, ":memory:") != 0 && !place_save(o->db_path, &pl))
		fprintf(stderr, _("nabij: the address could not be noted beside the database (%s), so the next start will open at a new address and sign you in anew.\n"),
			strerror(errno));
	show(o, &pl, false);
	sodium_memzero(pl.token, sizeof pl.token);
	printf("%s\n", _("Press Ctrl-C here to stop nabij."));
	fflush(stdout);
	watching = true;
	if (pthread_create(&dog, NULL, watchdog, NULL) != 0)
		watching = false;
	sigwait(&stop, &sig);
	if (watching) {
		watching = false;
		pthread_join(dog, NULL);
	}
	forget_opened();
	printf("\n%s\n", o->db_path && strcmp(o->db_path, ":memory:") == 0
				  ? _("nabij has stopped. It kept nothing: this database lived in memory only.")
				  : _("nabij has stopped. Everything you wrote is saved."));
	mhd.stop_daemon(d4);
	if (d6)
		mhd.stop_daemon(d6);
	if (lock >= 0)
		close(lock);	/* the last: only now may another start serve */
	return 0;
}

/*
 * nabij serve's worker (docs/ARCHITECTURE.md, "Concurrency"): one thread,
 * libmicrohttpd driven from this loop on the socket every worker shares
 * (MHD_OPTION_LISTEN_SOCKET; the parent made it non-blocking, so a worker
 * that loses the race for a connection gets EAGAIN and waits again), a few
 * connections at a time so that the rest wait in the socket's queue for a
 * worker that is free. The slow-client sweep runs here at least once a
 * second instead of in a thread. No lock: one request at a time by itself.
 */
static volatile sig_atomic_t worker_stop;

static void worker_signal(int sig)
{
	(void)sig;
	worker_stop = 1;
}

int web_serve_worker(struct web *w, const struct web_worker *o)
{
	struct sigaction sa = { .sa_handler = worker_signal };
	struct lane *l = &lanes[0];
	struct MHD_Daemon *d;
	/* no MHD_USE_ERROR_LOG: its words may name what a request asked for */
	unsigned flags = o->tls_cert ? MHD_USE_TLS : 0;

	if (!load_mhd())
		return 1;
	fixed_clock = getenv("NABIJ_NOW") && *getenv("NABIJ_NOW");
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	l->head.next = l->head.prev = &l->head;
	if (o->tls_cert)
		d = mhd.start_daemon(flags, 0, NULL, NULL, handle, w,
				     MHD_OPTION_LISTEN_SOCKET, o->fd,
				     MHD_OPTION_HTTPS_MEM_CERT, o->tls_cert,
				     MHD_OPTION_HTTPS_MEM_KEY, o->tls_key,
				     MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
				     MHD_OPTION_NOTIFY_CONNECTION, notify, l,
				     MHD_OPTION_CONNECTION_LIMIT, o->conn_limit,
				     MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)IDLE_SECONDS,
				     MHD_OPTION_END);
	else
		d = mhd.start_daemon(flags, 0, NULL, NULL, handle, w,
				     MHD_OPTION_LISTEN_SOCKET, o->fd,
				     MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
				     MHD_OPTION_NOTIFY_CONNECTION, notify, l,
				     MHD_OPTION_CONNECTION_LIMIT, o->conn_limit,
				     MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)IDLE_SECONDS,
				     MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "%s\n", _("nabij-serve: a worker could not start its web server (is the TLS certificate and key a pair?)."));
		return 1;
	}
	while (!worker_stop) {
		mhd.run_wait(d, 1000);
		pthread_mutex_lock(&lanes_lock);
		sweep(l);
		pthread_mutex_unlock(&lanes_lock);
	}
	mhd.stop_daemon(d);
	return 0;
}
