/*
 * The configuration of nabij serve: /etc/nabij/serve.conf (or --config
 * FILE), lines of `key = value` with `#` comments, and the same keys as
 * flags (--key value, --key=value), which win over the file. Every value
 * is checked as it is read, and a file's mistake is named with its line.
 * serve_conf_check then checks the whole: a public address, and plain HTTP
 * only on a loopback address (a proxy on the same machine in front).
 */
#ifndef NB_SERVE_CONFIG_H
#define NB_SERVE_CONFIG_H

#include "core/err.h"

#include <stdbool.h>
#include <stddef.h>

#define SERVE_CONF_DEFAULT "/etc/nabij/serve.conf"
#define SERVE_PORT_DEFAULT 8080

struct serve_conf {
	char *listen;		/* the address to listen on; default 127.0.0.1 */
	int port;		/* default SERVE_PORT_DEFAULT */
	char *url;		/* the public address, e.g. https://nabij.example.org */
	char *database;		/* libpq conninfo or URI */
	char *tls_cert, *tls_key;	/* PEM files; both or neither */
	int workers;		/* 0: twice the cores */
	char *zone;		/* the default time zone (a TZ value), NULL the system's */
	char *lang;		/* "nl" or "en": the pages' language when the browser names none */
	bool trust_proxy;	/* believe X-Forwarded-For/-Proto (plain HTTP on loopback only) */
	/* from url, by serve_conf_check */
	bool https;
	char host[256];		/* host[:port] as a browser sends it in Host */
};

/* Set key (without "--") to value; NB_EINVAL for an unknown key or a bad
 * value, in words that say what is allowed. */
enum nb_err serve_conf_set(struct serve_conf *c, const char *key, const char *value, struct nb_error *err);

/* Read the text of a configuration file (len bytes, name for messages):
 * every line `key = value`, `# comment` or blank. The first mistake is
 * NB_EINVAL with "NAME, line N: ...". */
enum nb_err serve_conf_parse(struct serve_conf *c, const char *text, size_t len, const char *name,
			     struct nb_error *err);

/* Read the file at path; when it is missing and !required, nothing. */
enum nb_err serve_conf_load(struct serve_conf *c, const char *path, bool required, struct nb_error *err);

/* Check the whole before a start, and fill https and host from url. */
enum nb_err serve_conf_check(struct serve_conf *c, struct nb_error *err);

/* Whether the address text (an IP address, or "localhost") is this
 * machine's loopback. */
bool serve_loopback(const char *addr);

void serve_conf_free(struct serve_conf *c);

#endif
