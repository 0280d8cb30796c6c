/* Fuzz harness: the web face. The input is a request: the first byte picks
 * GET or POST, the first line is the path with its query, the other lines
 * are form fields as key=value. The request carries a valid session and
 * form token, so it reaches the pages themselves. */
#include "canary.h"
#include "web_fixture.h"
#include "core/xalloc.h"
#include "web/web.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static struct nb_app app;
static struct web w;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct web_req req = { 0 };
	struct web_resp resp = { 0 };
	char *text, *line, *save = NULL, *path, *q;

	if (!web_fixture(&app, &w))
		return 0;
	if (size < 2)
		return 0;
	text = xstrndup((const char *)data + 1, size - 1);
	req.method = data[0] & 1 ? "POST" : "GET";
	path = strtok_r(text, "\n", &save);
	if (!path || path[0] != '/') {
		free(text);
		return 0;
	}
	if ((q = strchr(path, '?'))) {
		*q++ = '\0';
		for (char *s2 = NULL, *kv = strtok_r(q, "&", &s2); kv; kv = strtok_r(NULL, "&", &s2)) {
			char *eq = strchr(kv, '=');
			if (eq)
				*eq++ = '\0';
			kvs_add(&req.query, kv, eq ? eq : "", eq ? strlen(eq) : 0);
		}
	}
	req.path = path;
	kvs_add(&req.headers, "host", "127.0.0.1:7419", 14);
	kvs_add(&req.headers, "origin", "http://127.0.0.1:7419", 21);
	kvs_add(&req.cookies, "nabij_session", w.token, strlen(w.token));
	kvs_add(&req.form, "csrf", w.csrf, strlen(w.csrf));
	while ((line = strtok_r(NULL, "\n", &save))) {
		char *eq = strchr(line, '=');
		if (!eq)
			continue;
		*eq++ = '\0';
		kvs_add(&req.form, line, eq, strlen(eq));
	}
	web_handle(&w, &req, &resp);
	CANARY(resp.status == 303 && strcmp(req.method, "POST") == 0 && strcmp(path, "/moment") == 0);
	web_resp_free(&resp);
	kvs_free(&req.headers);
	kvs_free(&req.cookies);
	kvs_free(&req.query);
	kvs_free(&req.form);
	free(text);
	return 0;
}
