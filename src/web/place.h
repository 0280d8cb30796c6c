/* Where a running nabij ui is found, and where the next one listens. */
#ifndef NB_PLACE_H
#define NB_PLACE_H

#include "web.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct place {
	uint32_t ip;			/* in 127.0.0.0/8, host order */
	int port;
	char token[WEB_TOKEN_LEN];	/* the session secret */
	pid_t pid;			/* the process serving it; 0 when stopped */
};

/* Read one line of that file; false for anything nabij did not write. */
bool place_parse(const char *line, struct place *pl);
/* Read the file beside the database; false when there is none or it is not
 * one nabij wrote. */
bool place_load(const char *db_path, struct place *pl);
/* Write it (owner only, whole or not at all). */
bool place_save(const char *db_path, const struct place *pl);
/* Whether its process still runs and answers on its address. */
bool place_alive(const struct place *pl);
/* The address to open, with or without the secret that signs a browser in. */
void place_url(const struct place *pl, bool with_token, char *out, size_t size);

#endif
