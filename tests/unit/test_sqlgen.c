/*
 * The SQL every store shares, made from the field rows (store/sqlgen.c),
 * as text: a kind's statements in both dialects, and PostgreSQL's tables,
 * whose every key leads with the person. (test_sqlite.c holds SQLite's
 * text against the released steps, in SQLite.)
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/buf.h"
#include "store/schema.h"
#include "store/sqlgen.h"
#include "who_check.h"

#include <string.h>

/* The statements of a kind's row, made from its rows for SQLite (as the
 * store has used them) and for PostgreSQL. */
static void kind_statements_from_the_rows(void **state)
{
	struct nb_buf q = { 0 };
	struct sql_dialect pg = sql_postgresql;

	(void)state;
	pg.who = "7";	/* a hosted store's person */
	sql_kind(&sql_sqlite, NB_REFLECTION, SQL_KIND_PUT, &q);
	assert_string_equal(q.s, "INSERT OR REPLACE INTO reflection(entry_id, prompt, text) VALUES (?, ?, ?)");
	buf_reset(&q);
	sql_kind(&pg, NB_REFLECTION, SQL_KIND_PUT, &q);
	assert_string_equal(q.s, "INSERT INTO reflection(person, entry_id, prompt, text) VALUES (7, $1, $2, $3)"
				 " ON CONFLICT (person, entry_id) DO UPDATE SET prompt = excluded.prompt, text = excluded.text");
	buf_reset(&q);
	sql_kind(&sql_sqlite, NB_REFLECTION, SQL_KIND_GET, &q);
	assert_string_equal(q.s, "SELECT k.entry_id, k.prompt, k.text FROM json_each(?) j CROSS JOIN reflection k"
				 " ON k.entry_id = j.value");
	buf_reset(&q);
	sql_kind(&pg, NB_REFLECTION, SQL_KIND_GET, &q);
	assert_string_equal(q.s, "SELECT k.entry_id, k.prompt, k.text FROM unnest($1::bigint[]) AS j(value) JOIN"
				 " reflection k ON k.person = 7 AND k.entry_id = j.value");
	buf_reset(&q);
	sql_kind(&pg, NB_REFLECTION, SQL_KIND_RANGE, &q);
	assert_string_equal(q.s, "SELECT k.entry_id, k.prompt, k.text FROM reflection k"
				 " WHERE k.person = 7 AND k.entry_id BETWEEN $1 AND $2");
	/* a member is given by uid, kept as the id of their record */
	buf_reset(&q);
	sql_kind(&pg, NB_MOMENT, SQL_KIND_PUT, &q);
	assert_non_null(strstr(q.s, ", (SELECT id FROM entry WHERE person = 7 AND uid = $4 AND type = 'member')"));
	buf_reset(&q);
	sql_days(&pg, SQL_DAYS_REFRESH, &q);
	assert_non_null(strstr(q.s, "string_agg(f.kind || f.n || ' ' || f.term, chr(31))"));
	assert_null(strstr(q.s, "CROSS JOIN"));
	buf_reset(&q);
	sql_days(&sql_sqlite, SQL_DAYS_PERIOD, &q);
	assert_non_null(strstr(q.s, " FROM day_summary WHERE day BETWEEN ?1 AND ?2 ORDER BY day"));
	buf_free(&q);
}

/* How many times key stands in ddl, each followed by the person first in
 * the columns of its parenthesis (past a name or a table, not past a
 * comma: the parenthesis is its own). */
static int led_by_person(const char *ddl, const char *key)
{
	int n = 0;

	for (const char *p = ddl; (p = strstr(p, key)); p += strlen(key)) {
		const char *open = strchr(p + strlen(key), '(');

		if (!open || memchr(p, ',', (size_t)(open - p)) || strncmp(open, "(person, ", 9) != 0)
			fail_msg("%s without the person first: %.100s", key, p);
		n++;
	}
	return n;
}

/* In PostgreSQL, where one database holds many people's records, each
 * table starts with the person, who leads its primary key, every index,
 * every unique key and every reference to a record, also of the columns a
 * later schema adds; SQLite's tables, one person's, have no person. */
static void every_key_leads_with_the_person(void **state)
{
	struct nb_buf q = { 0 };
	int tables = 0;

	(void)state;
	sql_schema(&sql_postgresql, &q);
	for (int v = 1; v <= schema_latest(); v++)
		sql_add_columns(&sql_postgresql, v, &q);
	for (const char *p = q.s; (p = strstr(p, "CREATE TABLE ")); p++) {
		if (strncmp(strchr(p, '('), "(person bigint NOT NULL, ", 25) != 0)
			fail_msg("a table without the person first: %.100s", p);
		tables++;
	}
	assert_int_equal(tables, 5 + NB_TYPE__COUNT - NB_CHECKIN);	/* entry, item, the day's three, the kinds */
	assert_int_equal(led_by_person(q.s, "PRIMARY KEY"), tables);
	assert_int_equal(led_by_person(q.s, "INDEX "), 14);
	assert_int_equal(led_by_person(q.s, "UNIQUE"), 2);	/* the uid, the experiment that runs */
	assert_int_equal(led_by_person(q.s, "REFERENCES"), led_by_person(q.s, "FOREIGN KEY"));
	assert_true(led_by_person(q.s, "REFERENCES") > NB_TYPE__COUNT);	/* each kind, the lists, the links */
	buf_reset(&q);
	sql_schema(&sql_sqlite, &q);
	assert_null(strstr(q.s, "person"));
	buf_free(&q);
}

/* Every statement PostgreSQL's dialect makes names the person for each
 * table it reads or writes (who_check.h says how that is decided), and
 * SQLite's names none. */
static void every_statement_names_the_person(void **state)
{
	struct nb_buf q = { 0 };
	struct sql_dialect pg = sql_postgresql;
	char why[256];
	int n = 0;

	(void)state;
	pg.who = "7";
	for (int pass = 0; pass < 2; pass++) {
		const struct sql_dialect *d = pass ? &sql_sqlite : &pg;

		for (int s = 0; s < S__COUNT; s++) {
			buf_reset(&q);
			if (!sql_statement(d, (enum stmt)s, &q))
				continue;
			if (!pass && !who_named(q.s, "7", why, sizeof why))
				fail_msg("%s: %s", why, q.s);
			if (pass)
				assert_null(strstr(q.s, "person"));
			n++;
		}
		for (int t = NB_CHECKIN; t < NB_TYPE__COUNT; t++)
			for (int u = SQL_KIND_PUT; u <= SQL_KIND_RANGE; u++) {
				buf_reset(&q);
				sql_kind(d, (enum nb_type)t, (enum sql_kind_use)u, &q);
				if (!pass && !who_named(q.s, "7", why, sizeof why))
					fail_msg("%s: %s", why, q.s);
			}
	}
	assert_true(n > 50);	/* both dialects' shared statements */
	buf_free(&q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kind_statements_from_the_rows),
		cmocka_unit_test(every_key_leads_with_the_person),
		cmocka_unit_test(every_statement_names_the_person),
	};

	return cmocka_run_group_tests_name("sqlgen", tests, NULL, NULL);
}
