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
};

enum place_state {
	PLACE_NONE,		/* no file (or a database in memory) */
	PLACE_OK,
	PLACE_FOREIGN,		/* a file nabij did not write or does not trust */
};

#define PLACE_PROOF_LEN 65	/* an HMAC-SHA256 in hex, terminated */

/* Read one line of that file; false for anything nabij did not write. */
bool place_parse(const char *line, struct place *pl);
/* Read the file beside the database: only a regular file of this user
 * that nobody else can read, never through a link or from a pipe. */
enum place_state place_load(const char *db_path, struct place *pl);
/* Write it (0600, into a new file renamed into place); false for a
 * database in memory or when it cannot be written, and then the file is
 * removed, so that no later start takes the last place again. */
bool place_save(const char *db_path, const struct place *pl);
/* Remove it: the next start draws a new address and secret. */
void place_forget(const char *db_path);

/* The lock file beside the database, opened (made when missing) only
 * when it is ours and private; -1 with errno otherwise (EPERM: one is
 * there that is not; EACCES or EROFS: a folder nabij cannot write). */
int place_lock_open(const char *db_path);
/* Whether a nabij ui serves the database now: the holder of its lock
 * (as place_lock_holder), 0 when none (no lock file is made). */
pid_t place_serving(const char *db_path);
/* Take the lock, without waiting; held until this process ends or closes fd. */
bool place_lock_take(int fd);
/* The process holding the lock: 0 when none does, -1 when one does that
 * cannot be named (another PID namespace). */
pid_t place_lock_holder(int fd);

/* What the server answers to /proof?nonce=N: HMAC-SHA256 of the nonce
 * under the session secret, in hex. */
void place_proof(const char *token, const char *nonce, char out[PLACE_PROOF_LEN]);
/* Whether the server at pl's address proves that it knows pl's secret
 * (asked with a fresh nonce; three seconds at most). */
bool place_prove(const struct place *pl);

/* The address to open, with or without the secret that signs a browser in. */
void place_url(const struct place *pl, bool with_token, char *out, size_t size);

#endif
