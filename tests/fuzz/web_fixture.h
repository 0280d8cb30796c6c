/* The server state the web harnesses share: an in-memory database at a
 * fixed time and a server on port 7419, made on the first input. */
#ifndef NB_FUZZ_WEB_FIXTURE_H
#define NB_FUZZ_WEB_FIXTURE_H

#include "web/web.h"

#include <stdbool.h>

static bool web_fixture(struct nb_app *app, struct web *w)
{
	struct nb_error err;

	if (app->store.ops)
		return true;
	if (local_open(":memory:", NULL, NB_LOCAL_WRITE, &app->store, &err))
		return false;
	app->now = 1795201200;
	web_init(w, app, 7419, "en");
	return true;
}

#endif
