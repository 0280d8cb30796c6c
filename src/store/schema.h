/* The database schema as a list of migrations; see schema.c. */
#ifndef NB_SCHEMA_H
#define NB_SCHEMA_H

#include <stddef.h>

/* Migration i brings a database from user_version i to i + 1. */
const char *const *schema_migrations(size_t *n);

#endif
