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
 * made from the rows (schema_columns). */
void schema_step(int v, struct nb_buf *out);
/* The columns that the rows of since.schema v add, as ALTER TABLE
 * statements: each field's column in its kind's table, and for a measure
 * of the check-in its mean in day_summary. */
void schema_columns(int v, struct nb_buf *out);
/* The SQL type of field f's column ("INTEGER", "TEXT", ...). */
struct nb_field;
const char *schema_column_type(const struct nb_field *f);
/* The table of kind t's own fields. */
const char *schema_table(enum nb_type t);
/* How many steps were released, kept as text in schema.c. */
int schema_released(void);

#endif
