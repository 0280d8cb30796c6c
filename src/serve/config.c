/*
 * The configuration of nabij serve: one table of keys, each with the check
 * of its value, read from a file of `key = value` lines and from flags
 * alike (config.h). A mistake names the key, the value's problem and, in
 * a file, the line; never a value that may be a secret (database).
 */
#include "config.h"
#include "core/i18n.h"
#include "core/xalloc.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define VALUE_MAX 1024		/* bytes of a value */
#define FILE_MAX (1 << 20)	/* bytes of a configuration file */

enum kind { K_TEXT, K_PORT, K_WORKERS, K_LANG, K_BOOL, K_ZONE, K_ADDR };

static const struct key {
	const char *name;
	enum kind kind;
	size_t at;		/* offsetof in struct serve_conf */
} keys[] = {
	{ "listen", K_ADDR, offsetof(struct serve_conf, listen) },
	{ "port", K_PORT, offsetof(struct serve_conf, port) },
	{ "url", K_TEXT, offsetof(struct serve_conf, url) },
	{ "database", K_TEXT, offsetof(struct serve_conf, database) },
	{ "tls-cert", K_TEXT, offsetof(struct serve_conf, tls_cert) },
	{ "tls-key", K_TEXT, offsetof(struct serve_conf, tls_key) },
	{ "workers", K_WORKERS, offsetof(struct serve_conf, workers) },
	{ "zone", K_ZONE, offsetof(struct serve_conf, zone) },
	{ "lang", K_LANG, offsetof(struct serve_conf, lang) },
	{ "trust-proxy", K_BOOL, offsetof(struct serve_conf, trust_proxy) },
};

static bool number(const char *s, long lo, long hi, int *out)
{
	char *end;
	long v;

	if (!*s || !isdigit((unsigned char)*s))
		return false;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || v < lo || v > hi)
		return false;
	*out = (int)v;
	return true;
}

static bool printable(const char *s)
{
	for (const unsigned char *c = (const unsigned char *)s; *c; c++)
		if (*c < 0x20 || *c == 0x7f)
			return false;
	return true;
}

enum nb_err serve_conf_set(struct serve_conf *c, const char *key, const char *value, struct nb_error *err)
{
	const struct key *k = NULL;
	void *at;

	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (strcmp(keys[i].name, key) == 0)
			k = &keys[i];
	if (!k)
		return nb_error_set(err, NB_EINVAL, "key",
				    _("\"%s\" is not a setting of nabij serve; the settings are listen, port, url, database, tls-cert, tls-key, workers, zone, lang and trust-proxy."),
				    nb_shown(key));
	at = (char *)c + k->at;
	if (!*value)
		return nb_error_set(err, NB_EINVAL, k->name, _("%s needs a value."), k->name);
	if (strlen(value) > VALUE_MAX || !printable(value))
		return nb_error_set(err, NB_EINVAL, k->name,
				    _("The value of %s is too long or holds a control character."), k->name);
	switch (k->kind) {
	case K_PORT:
		if (!number(value, 1, 65535, at))
			return nb_error_set(err, NB_EINVAL, k->name, _("port takes a number from 1 to 65535, not \"%s\"."),
					    nb_shown(value));
		return NB_OK;
	case K_WORKERS:
		if (!number(value, 1, 256, at))
			return nb_error_set(err, NB_EINVAL, k->name, _("workers takes a number from 1 to 256, not \"%s\"."),
					    nb_shown(value));
		return NB_OK;
	case K_LANG:
		if (strcmp(value, "nl") != 0 && strcmp(value, "en") != 0)
			return nb_error_set(err, NB_EINVAL, k->name, _("lang takes nl or en, not \"%s\"."), nb_shown(value));
		break;
	case K_BOOL:
		if (strcmp(value, "yes") == 0 || strcmp(value, "true") == 0 || strcmp(value, "1") == 0)
			*(bool *)at = true;
		else if (strcmp(value, "no") == 0 || strcmp(value, "false") == 0 || strcmp(value, "0") == 0)
			*(bool *)at = false;
		else
			return nb_error_set(err, NB_EINVAL, k->name, _("%s takes yes or no, not \"%s\"."), k->name,
					    nb_shown(value));
		return NB_OK;
	case K_ZONE:
		if (strlen(value) > 63 || value[0] == '/' || strstr(value, "..") ||
		    strspn(value, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/_+-") != strlen(value))
			return nb_error_set(err, NB_EINVAL, k->name,
					    _("zone takes a time zone such as Europe/Amsterdam, not \"%s\"."), nb_shown(value));
		break;
	case K_ADDR:
		if (strlen(value) > 255 || strpbrk(value, " \t/"))
			return nb_error_set(err, NB_EINVAL, k->name,
					    _("listen takes an address such as 127.0.0.1, ::1 or 0.0.0.0, not \"%s\"."),
					    nb_shown(value));
		break;
	case K_TEXT:
		break;
	}
	free(*(char **)at);
	*(char **)at = xstrdup(value);
	return NB_OK;
}

/* s without the blanks at either end, in place. */
static char *trim(char *s)
{
	char *e = s + strlen(s);

	while (*s == ' ' || *s == '\t')
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

enum nb_err serve_conf_parse(struct serve_conf *c, const char *text, size_t len, const char *name,
			     struct nb_error *err)
{
	struct nb_error one = { 0 };
	char *copy, *line, *next;
	int n = 0;
	enum nb_err rc = NB_OK;

	if (memchr(text, '\0', len))
		return nb_error_set(err, NB_EINVAL, "config", _("%s holds a zero byte: it is not a text file."), name);
	copy = xstrndup(text, len);
	for (line = copy; line && !rc; line = next) {
		char *key, *value, *eq;

		n++;
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		key = trim(line);
		if (!*key || *key == '#')
			continue;
		if (!(eq = strchr(key, '='))) {
			rc = nb_error_set(err, NB_EINVAL, "config",
					  _("%s, line %d: a setting is written as key = value, and this line has no \"=\"."), name, n);
			break;
		}
		*eq = '\0';
		key = trim(key);
		value = trim(eq + 1);
		if (!*key) {
			rc = nb_error_set(err, NB_EINVAL, "config", _("%s, line %d: there is no key before the \"=\"."), name, n);
			break;
		}
		if (serve_conf_set(c, key, value, &one)) {
			rc = nb_error_set(err, NB_EINVAL, one.field, _("%s, line %d: %s"), name, n, one.msg);
			break;
		}
	}
	free(copy);
	return rc;
}

enum nb_err serve_conf_load(struct serve_conf *c, const char *path, bool required, struct nb_error *err)
{
	FILE *f = fopen(path, "rb");
	char *text;
	size_t len;
	enum nb_err rc;

	if (!f) {
		if (errno == ENOENT && !required)
			return NB_OK;
		return nb_error_set(err, NB_EIO, "config", _("nabij serve cannot read its configuration %s: %s."), path,
				    strerror(errno));
	}
	text = xmalloc(FILE_MAX + 1);
	len = fread(text, 1, FILE_MAX + 1, f);
	if (ferror(f))
		rc = nb_error_set(err, NB_EIO, "config", _("nabij serve cannot read its configuration %s: %s."), path,
				  strerror(errno));
	else if (len > FILE_MAX)
		rc = nb_error_set(err, NB_EINVAL, "config", _("%s is larger than a configuration can be (1 MiB)."), path);
	else
		rc = serve_conf_parse(c, text, len, path, err);
	fclose(f);
	free(text);
	return rc;
}

bool serve_loopback(const char *addr)
{
	struct in_addr a4;
	struct in6_addr a6;

	if (strcasecmp(addr, "localhost") == 0)
		return true;
	if (inet_pton(AF_INET, addr, &a4) == 1)
		return (ntohl(a4.s_addr) >> 24) == 127;
	if (inet_pton(AF_INET6, addr, &a6) == 1)
		return IN6_IS_ADDR_LOOPBACK(&a6);
	return false;
}

/* Fill c->https and c->host from c->url: http or https, a host (a name,
 * an IPv4 address, or an IPv6 one in brackets), perhaps a port, no path. */
static enum nb_err parse_url(struct serve_conf *c, struct nb_error *err)
{
	const char *u = c->url, *h, *end;
	size_t n;

	if (strncasecmp(u, "https://", 8) == 0)
		c->https = true, h = u + 8;
	else if (strncasecmp(u, "http://", 7) == 0)
		c->https = false, h = u + 7;
	else
		goto bad;
	end = h + strcspn(h, "/?#");
	if (*end && strcmp(end, "/") != 0)
		goto bad;	/* nabij is served at the root of its host */
	n = (size_t)(end - h);
	if (n == 0 || n >= sizeof c->host)
		goto bad;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)h[i];

		if (!isalnum(ch) && !strchr(".-:[]", ch))
			goto bad;
	}
	if (h[0] == '[' ? !memchr(h, ']', n) : memchr(h, '[', n) || memchr(h, ']', n))
		goto bad;
	for (size_t i = 0; i < n; i++)
		c->host[i] = (char)tolower((unsigned char)h[i]);
	c->host[n] = '\0';
	{	/* a port written out must be a number: host:PORT */
		const char *colon = strrchr(c->host, ':');
		const char *bracket = strrchr(c->host, ']');
		int port;

		if (colon && (!bracket || colon > bracket) && !number(colon + 1, 1, 65535, &port))
			goto bad;
		if (colon && c->host[0] != '[' && strchr(c->host, ':') != colon)
			goto bad;
	}
	return NB_OK;
bad:
	return nb_error_set(err, NB_EINVAL, "url",
			    _("url is the address people open, such as https://nabij.example.org (http or https, a host, perhaps a port, no path), not \"%s\"."),
			    nb_shown(c->url));
}

enum nb_err serve_conf_check(struct serve_conf *c, struct nb_error *err)
{
	enum nb_err rc;
	bool loop;

	if (!c->listen)
		c->listen = xstrdup("127.0.0.1");
	if (!c->port)
		c->port = SERVE_PORT_DEFAULT;
	if (!c->url)
		return nb_error_set(err, NB_EINVAL, "url",
				    _("nabij serve needs its public address: url = https://... in the configuration, or --url."));
	if ((rc = parse_url(c, err)))
		return rc;
	if (!c->database)
		return nb_error_set(err, NB_EINVAL, "database",
				    _("nabij serve needs its database: database = (a PostgreSQL connection) in the configuration, or --database."));
	if (!c->tls_cert != !c->tls_key)
		return nb_error_set(err, NB_EINVAL, c->tls_cert ? "tls-key" : "tls-cert",
				    _("HTTPS needs both tls-cert and tls-key."));
	loop = serve_loopback(c->listen);
	if (!c->tls_cert && !loop)
		return nb_error_set(err, NB_EINVAL, "listen",
				    _("nabij serve does not serve plain HTTP on %s: people's passwords and notes would cross the network unencrypted. Give it tls-cert and tls-key, or listen on 127.0.0.1 behind a proxy on this machine that serves HTTPS."),
				    nb_shown(c->listen));
	if (c->trust_proxy && (c->tls_cert || !loop))
		return nb_error_set(err, NB_EINVAL, "trust-proxy",
				    _("trust-proxy is only for plain HTTP on a loopback address, behind a proxy on this machine."));
	return NB_OK;
}

void serve_conf_free(struct serve_conf *c)
{
	free(c->listen);
	free(c->url);
	free(c->database);
	free(c->tls_cert);
	free(c->tls_key);
	free(c->zone);
	free(c->lang);
	memset(c, 0, sizeof *c);
}
