/*
 * A request's app over a person's records in the hosted store: apart from
 * account.c, so that what uses the accounts alone (their tests) links
 * without the record store of PostgreSQL (pg_records.c).
 */
#include "account.h"
#include "app.h"

#include <string.h>

void account_app(struct nb_app *a, struct nb_pg *c, int64_t person, int64_t now)
{
	memset(a, 0, sizeof *a);
	pg_store(c, person, &a->store);
	a->now = now;
}
