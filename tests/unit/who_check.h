/*
 * Whether a statement of the hosted store names its person for each table
 * it reads or writes, as a sharded database (Citus) needs to route it to
 * one node (test_sqlgen.c on the dialect's text, test_pg.c on every
 * statement the store runs). Decided on the text, without a parser of
 * SQL, by the keywords the store writes in capitals:
 * - each table after FROM, JOIN, UPDATE or DELETE FROM (not a subquery, a
 *   function such as unnest(...) or a name the statement gives with
 *   WITH) must be named with the person: when it
 *   has an alias A, "A.person = WHO" stands in the statement; without one,
 *   "T.person = WHO" or a bare "person = WHO" (one for each such table);
 * - each INSERT INTO T names the person first: "T(person, " with WHO
 *   first among its values ("VALUES (WHO, " or "SELECT WHO, "), or, with
 *   no list of columns, "SELECT WHO, " right after the table.
 * Include after cmocka.h.
 */
#ifndef NB_TEST_WHO_CHECK_H
#define NB_TEST_WHO_CHECK_H

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static bool who_word_at(const char *s, const char *at, const char *word)
{
	size_t n = strlen(word);

	return strncmp(at, word, n) == 0 && (at == s || !(isalnum((unsigned char)at[-1]) || at[-1] == '_')) &&
	       !(isalnum((unsigned char)at[n]) || at[n] == '_');
}

/* The identifier at p into out (empty when none); past it. */
static const char *who_ident(const char *p, char *out, size_t size)
{
	size_t n = 0;

	while (*p == ' ')
		p++;
	while ((isalnum((unsigned char)*p) || *p == '_') && n + 1 < size)
		out[n++] = *p++;
	out[n] = 0;
	return p;
}

static int who_count(const char *s, const char *pattern, bool bare)
{
	int n = 0;
	size_t len = strlen(pattern);

	for (const char *p = s; (p = strstr(p, pattern)); p += len)
		if (!bare || (p > s && p[-1] == ' ' && p[-2] != '.'))
			n++;
	return n;
}

static bool who_named(const char *sql, const char *who, char *why, size_t size)
{
	static const char *const keys[] = { "FROM", "JOIN", "UPDATE", "INTO" };
	static const char *const not_alias[] = { "WHERE", "JOIN", "ON", "LEFT", "CROSS", "GROUP", "ORDER", "LIMIT",
						 "SET", "VALUES", "SELECT", "USING", "RETURNING", "UNION", "" };
	char pat[256], table[64], alias[64];
	int bare_needed = 0;

	for (const char *p = sql; *p; p++) {
		int k;
		const char *q;

		for (k = 0; k < 4; k++)
			if (who_word_at(sql, p, keys[k]))
				break;
		if (k == 4)
			continue;
		q = who_ident(p + strlen(keys[k]), table, sizeof table);
		if (!table[0] || strcmp(table, "SET") == 0 || strcmp(table, "LATERAL") == 0 || (*q == '(' && k != 3))
			continue;	/* a subquery, a function, DO UPDATE SET */
		if (k == 3) {	/* INSERT INTO table */
			if (strncmp(q, "(person, ", 9) == 0) {
				snprintf(pat, sizeof pat, "VALUES (%s, ", who);
				if (strstr(q, pat))
					continue;
				snprintf(pat, sizeof pat, "SELECT %s, ", who);
				if (strstr(q, pat))
					continue;
			} else {
				snprintf(pat, sizeof pat, " SELECT %s, ", who);
				if (strncmp(q, pat, strlen(pat)) == 0)
					continue;
			}
			snprintf(why, size, "INSERT INTO %s without its person first", table);
			return false;
		}
		snprintf(pat, sizeof pat, "WITH %s AS (", table);
		if (strstr(sql, pat))
			continue;	/* a query's own name (a CTE) */
		snprintf(pat, sizeof pat, ", %s AS (SELECT ", table);
		if (strstr(sql, pat))
			continue;
		q = who_ident(q, alias, sizeof alias);
		if (strcmp(alias, "AS") == 0)
			q = who_ident(q, alias, sizeof alias);
		for (int i = 0; alias[0] && not_alias[i][0]; i++)
			if (strcmp(alias, not_alias[i]) == 0)
				alias[0] = 0;
		if (alias[0]) {
			snprintf(pat, sizeof pat, "%s.person = %s", alias, who);
			if (!strstr(sql, pat)) {
				snprintf(why, size, "%.60s %.60s without its person", table, alias);
				return false;
			}
			continue;
		}
		snprintf(pat, sizeof pat, "%s.person = %s", table, who);
		if (!strstr(sql, pat))
			bare_needed++;
	}
	snprintf(pat, sizeof pat, "person = %s", who);
	if (who_count(sql, pat, true) < bare_needed) {
		snprintf(why, size, "%d tables without an alias, fewer bare \"person = %.60s\"", bare_needed, who);
		return false;
	}
	return true;
}

#endif
