/* Fuzz harness: nabij serve's configuration file (src/serve/config.c), as
 * an operator may write it, with any bytes: each line read and checked,
 * and then the whole checked as a start would (the public address, plain
 * HTTP on loopback only). */
#include "canary.h"
#include "serve/config.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct serve_conf c = { 0 };
	struct nb_error err = { 0 };
	enum nb_err rc = serve_conf_parse(&c, (const char *)data, size, "serve.conf", &err);

	if (rc == NB_OK)
		rc = serve_conf_check(&c, &err);
	/* met by the seed full: every key, TLS of its own, an https address */
	CANARY(rc == NB_OK && c.https && c.workers == 3 && c.tls_key && c.zone && c.lang);
	serve_conf_free(&c);
	return 0;
}
