/*
 * The SQL every store shares, made from the field rows (store/sqlgen.c),
 * as text: PostgreSQL's tables, whose every key leads with the person.
 * (test_store.c holds SQLite's text against the released steps, in
 * SQLite.)
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/buf.h"
#include "store/schema.h"
#include "store/sqlgen.h"

#include <string.h>

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_key_leads_with_the_person),
	};

	return cmocka_run_group_tests_name("sqlgen", tests, NULL, NULL);
}
