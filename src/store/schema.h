/* The database schema as a list of migrations; see schema.c. */
#ifndef NB_SCHEMA_H
#define NB_SCHEMA_H

#include "core/buf.h"
#include "core/record.h"

#include <stddef.h>

/* The newest schema version: the released steps, and any later one that
 * the field rows ask for (their since.schema). */
int schema_latest(void);
/* The step that brings a database from version v - 1 to v, for v from 1
 * to schema_latest(): a released one as it was released, a later one
 * made from the rows (sql_add_columns in sqlgen.c). */
void schema_step(int v, struct nb_buf *out);
/* How many steps were released, kept as text in schema.c. */
int schema_released(void);

#endif
