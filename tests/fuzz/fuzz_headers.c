/* Fuzz harness: nabij's own handling of the request around the pages: the
 * Host check, the session cookie, the opening token, the Origin and
 * Sec-Fetch-Site checks of a POST, the language from cookie or
 * Accept-Language, and the locked state before /unlock. Each input line is
 * "h:NAME=VALUE" (a header), "c:NAME=VALUE" (a cookie), "q:" or "f:" (a
 * query or form field); the first line is the path, the first byte picks
 * the method, whether the database waits for its passphrase, and whether
 * the real session cookie and form token are added. web_admit, asked
 * before a POST's body is read, must never admit less than web_handle.
 * The same text is also read as the line of nabij.db-ui (place_parse). */
#include "canary.h"
#include "web_fixture.h"
#include "web/place.h"
#include "web/web.h"
#include "core/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static struct nb_app app;
static struct web w;

static struct web_kvs *list_of(struct web_req *req, char kind)
{
	switch (kind) {
	case 'h': return &req->headers;
	case 'c': return &req->cookies;
	case 'q': return &req->query;
	case 'f': return &req->form;
	default: return NULL;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct web_req req = { 0 };
	struct web_resp resp = { 0 };
	char *text, *line, *save = NULL, *path;

	if (!web_fixture(&app, &w))
		return 0;
	w.db_path = ":memory:";
	if (size < 2)
		return 0;
	text = xstrndup((const char *)data + 1, size - 1);
	{	/* what lies beside the database is outside input too */
		struct place pl;
		if (place_parse(text, &pl) && (pl.port < 1 || pl.port > 65535 || (pl.ip >> 24) != 127))
			abort();
	}
	req.method = data[0] & 1 ? "POST" : data[0] & 16 ? "PUT" : "GET";
	w.locked = data[0] & 2;
	path = strtok_r(text, "\n", &save);
	req.path = path && path[0] == '/' ? path : "/";
	if (data[0] & 4)
		kvs_add(&req.cookies, "nabij_session", w.token, strlen(w.token));
	if (data[0] & 8)
		kvs_add(&req.form, "csrf", w.csrf, strlen(w.csrf));
	while ((line = strtok_r(NULL, "\n", &save))) {
		struct web_kvs *l = strlen(line) > 2 && line[1] == ':' ? list_of(&req, line[0]) : NULL;
		char *eq = l ? strchr(line + 2, '=') : NULL;
		if (!eq)
			continue;
		*eq++ = '\0';
		kvs_add(l, line + 2, eq, strlen(eq));
	}
	web_handle(&w, &req, &resp);
	/* what server.c refuses before reading a body, web_handle refuses too
	 * (or, while locked, sends to /unlock): the early check may never turn
	 * away a request a page would take */
	if (strcmp(req.method, "POST") == 0 && !web_admit(&w, &req) && resp.status < 400 &&
	    !(w.locked && resp.status == 303 && strcmp(resp.location, "/unlock") == 0))
		abort();
	/* a page served to a request that chose its own Host header */
	CANARY(resp.status == 200 && !w.locked && kvs_get(&req.headers, "host") &&
	       strncmp(kvs_get(&req.headers, "host"), "localhost", 9) == 0);
	web_resp_free(&resp);
	kvs_free(&req.headers);
	kvs_free(&req.cookies);
	kvs_free(&req.query);
	kvs_free(&req.form);
	free(text);
	return 0;
}
