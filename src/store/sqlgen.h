/*
 * The SQL that follows from the field rows, made in one place for every
 * store: each kind's table and its statements, the columns a schema step
 * adds, and the summary per day. What differs between two databases is
 * said once, in a dialect (sqlgen.c holds SQLite's, which the store uses,
 * and PostgreSQL's, which a hosted store will use). A store keeps in files
 * of its own only what is truly its own: its search and its ranking.
 */
#ifndef NB_SQLGEN_H
#define NB_SQLGEN_H

#include "core/buf.h"
#include "core/field.h"
#include "core/record.h"

#include <stdbool.h>

struct sql_dialect {
	const char *name;
	bool numbered;		/* placeholders $1, $2 (else ?, or ?1 where numbered) */
	const char *replace;	/* how a kind's row is written whole: "INSERT OR REPLACE INTO"
				 * (NULL: INSERT ... ON CONFLICT (entry_id) DO UPDATE) */
	const char *ids;	/* a list of ids bound as one value, as a table j(value):
				 * printf format with %s for the placeholder */
	const char *then_join;	/* a join that keeps the order of its tables */
	const char *text_agg;	/* texts joined by U+001F: format with %s for the text */
	const char *real;	/* the type of a mean */
	const char *big;	/* the type of a record's number and of a time */
	const char *link;	/* the type of a column that names another record
				 * (and its reference, in a dialect without person) */
	const char *keyed;	/* after a table that is found by its key alone */
	/* Where one database holds many people's records: the type of the
	 * person column each table starts with, first in its primary key, in
	 * every index and in every reference to a record; NULL where a
	 * database is one person's (no such column). */
	const char *person;
	/* The person as SQL, named in each statement of a dialect with a
	 * person (a column in each WHERE, for each table, and in each INSERT):
	 * the hosted store sets the number of its own person in its copy of
	 * the dialect (pg_records.c); sql_postgresql's reads the setting of
	 * the transaction. */
	const char *who;
	/* the words in braces of the shared statements (sqlgen.c), as formats */
	const char *list, *texts, *ids_j, *has, *nocase, *plain, *as;
};

/* The statements a store prepares, by name. */
enum stmt {
	S_BEGIN, S_COMMIT,
	S_ENTRY_INS, S_ENTRY_UPD, S_ENTRY_GET, S_ENTRY_GET_ANY, S_ENTRY_UID, S_ENTRY_ASIDE, S_ENTRY_BACK, S_WAITING, S_PURGE,
	S_ITEMS_DEL, S_ITEM_INS, S_ITEMS_GET, S_ITEMS_RANGE, S_ENTRIES_GET, S_READ,
	S_FTS_DEL, S_FTS_INS, S_FTS_LANG, S_FTS_SIZE, S_SEARCH_WALK, S_SEARCH_SIZES, S_SEARCH_SIZES_RANGE, S_SEARCH_LANG, S_LAST_TOUCH, S_COUNT, S_MEMBER_NAME,
	S_EXERCISE_STATS, S_REFLECTION_LATEST, S_PERIOD, S_DAY_MEANS,
	S_DIRTY_ANY, S_REFRESH_FACT_DEL, S_REFRESH_FACT_INS, S_REFRESH_DAY_DEL, S_REFRESH_DAY_INS,
	S_REFRESH_DONE, S_EXP_OTHER_RUNS, S_EXP_ASIDE_PURGE,
	S__COUNT
};

/* Statement s in dialect d into q; false when s is a store's own (its
 * transactions, its search), which it writes itself. */
bool sql_statement(const struct sql_dialect *d, enum stmt s, struct nb_buf *q);

extern const struct sql_dialect sql_sqlite, sql_postgresql;

/* The statements of a kind's row. */
enum sql_kind_use {
	SQL_KIND_PUT,	/* writes one record's row whole: entry_id, then each column */
	SQL_KIND_GET,	/* reads the rows of a list of ids (one value, d->ids) */
	SQL_KIND_RANGE,	/* reads the rows of the ids from one to another */
};

/* The table of kind t's own fields. */
const char *sql_table(enum nb_type t);
/* The statement of kind t's row for use into q. Columns in the order of
 * the rows, lists left out (they live in item); a member is kept as the
 * id of their record and given and read as its uid. */
void sql_kind(const struct sql_dialect *d, enum nb_type t, enum sql_kind_use use, struct nb_buf *q);
/* PostgreSQL's: the rows of many records of kind t written at once, each
 * column (entry_id first, then as SQL_KIND_PUT's) one text[] value,
 * unnested in order ($1 the ids, $2 the first column's values, ...);
 * after them, for each column that names a record (a circle member), its
 * number where the caller knows it (else NULL, and the member is looked
 * up by the uid in the column's own values, or none when that is NULL). */
void sql_kind_rows(const struct sql_dialect *d, enum nb_type t, struct nb_buf *q);
/* CREATE TABLE of kind t from its rows, for a database made anew. */
void sql_kind_create(const struct sql_dialect *d, enum nb_type t, struct nb_buf *q);
/* The type of field f's column. */
const char *sql_column_type(const struct sql_dialect *d, const struct nb_field *f);
/* The tables every store shares and their indexes, for a database made
 * anew in dialect d: the envelope (entry), each kind's table, the lists
 * (item) and the summary per day (day_fact, day_summary, day_dirty); not
 * what is a store's own (its search, what notes the changed days). The
 * SQLite store makes its schema by its released steps (schema.c), which
 * the same tables in SQLite's dialect match. */
void sql_schema(const struct sql_dialect *d, struct nb_buf *q);
/* The columns that the rows of since.schema v add, as ALTER TABLE
 * statements: each field's column in its kind's table, and for a measure
 * of the check-in its mean in day_summary. */
void sql_add_columns(const struct sql_dialect *d, int v, struct nb_buf *q);

/* The statements of the summary per day, from the measures. */
enum sql_days {
	SQL_DAYS_PERIOD,	/* day, checkins, facts and each measure's mean, of ?1 to ?2 */
	SQL_DAYS_MEANS,		/* day and each measure's mean, of ?1 to ?2 */
	SQL_DAYS_REFRESH,	/* the rows of the days in day_dirty made again */
	SQL_DAYS_REFRESH_BY_DAY,	/* the same, day by day (a dialect with a person) */
};
void sql_days(const struct sql_dialect *d, enum sql_days which, struct nb_buf *q);

/* The rebuild of a few changed days' summary (S_REFRESH_FACT_INS or
 * S_REFRESH_DAY_INS) in a dialect with a person, each day's records and
 * their rows looked up by key in the order written (LATERAL), which
 * PostgreSQL plans well without statistics; false otherwise. */
bool sql_refresh_by_day(const struct sql_dialect *d, enum stmt s, struct nb_buf *q);

#endif
