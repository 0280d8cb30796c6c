/* The SQL that follows from the field rows; see sqlgen.h. */
#include "sqlgen.h"
#include "core/insight.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct sql_dialect sql_sqlite = {
	.name = "sqlite",
	.numbered = false,
	.replace = "INSERT OR REPLACE INTO",
	/* json_each walks the array in its order; CROSS JOIN keeps it the
	 * outer loop (without statistics the planner might start at the
	 * kind's table) */
	.ids = "json_each(%s) j",
	.then_join = "CROSS JOIN",
	.text_agg = "group_concat(%s, char(31))",
	.real = "REAL",
	.big = "INTEGER",
	.link = "INTEGER REFERENCES entry(id) ON DELETE SET NULL",
	.keyed = " WITHOUT ROWID",
	.person = NULL,	/* a file is one person's */
	.list = "SELECT value FROM json_each(%s)",
	.texts = "SELECT value FROM json_each(%s)",
	.ids_j = "json_each(%s) j",
	.has = "instr(%s, %s) > 0",
	.nocase = "%s = %s COLLATE NOCASE",
	.plain = "+%s",
	.as = "",	/* a subquery in FROM needs no name */
};

const struct sql_dialect sql_postgresql = {
	.name = "postgresql",
	.numbered = true,
	.replace = NULL,
	.ids = "unnest(%s::bigint[]) AS j(value)",
	.then_join = "JOIN",
	.text_agg = "string_agg(%s, chr(31))",
	.real = "double precision",
	.big = "bigint",
	.link = "bigint",	/* its reference names the person too (link_key) */
	.keyed = "",
	/* many people's records, each table's rows by person first: a person's
	 * reading walks their own part of every index (the policies of row
	 * level security leave it at that), and a sharded database (Citus)
	 * can keep each person's rows on one node */
	.person = "bigint",
	.who = "(select nullif(current_setting('nabij.person', true), '')::bigint)",
	.list = "SELECT unnest(%s::bigint[])",
	.texts = "SELECT unnest(%s::text[])",
	.ids_j = "unnest(%s::bigint[]) AS j(value)",
	.has = "strpos(%s, %s) > 0",
	.nocase = "lower(%s) = lower(%s)",
	.plain = "%s",
	.as = " AS %s",
};

static const char *const tables[NB_TYPE__COUNT] = {
	[NB_CHECKIN] = "checkin", [NB_MOMENT] = "moment", [NB_TRIGGER] = "trigger_entry",
	[NB_MEMBER] = "member", [NB_SESSION] = "session", [NB_REFLECTION] = "reflection",
	[NB_ATTACHMENT] = "attachment", [NB_PHASE] = "phase", [NB_EXPERIMENT] = "experiment",
};

const char *sql_table(enum nb_type t)
{
	return tables[t];
}

/* The n-th placeholder (from 1): $n, or ?n where explicit, or ?. */
static void param(const struct sql_dialect *d, struct nb_buf *q, int n, bool explicit)
{
	if (d->numbered)
		buf_addf(q, "$%d", n);
	else if (explicit)
		buf_addf(q, "?%d", n);
	else
		buf_addc(q, '?');
}

static bool has_column(const struct nb_field *f)
{
	return ftype_ops(f->type)->cell != NB_CELL_NONE;
}

void sql_kind(const struct sql_dialect *d, enum nb_type t, enum sql_kind_use use, struct nb_buf *q)
{
	size_t n;
	const struct nb_field *f = fields_of(t, &n);
	struct nb_buf values = { 0 }, set = { 0 };
	int next = 1;

	if (use != SQL_KIND_PUT) {
		buf_add(q, "SELECT k.entry_id");
		for (size_t i = 0; i < n; i++) {
			if (!has_column(&f[i]))
				continue;
			if (ftype_ops(f[i].type)->names_record)
				buf_addf(q, ", (SELECT uid FROM entry WHERE %s%s%sid = k.%s AND deleted IS NULL)",
					 d->person ? "person = " : "", d->person ? d->who : "", d->person ? " AND " : "",
					 f[i].column);
			else
				buf_addf(q, ", k.%s", f[i].column);
		}
		if (use == SQL_KIND_RANGE) {
			buf_addf(q, " FROM %s k WHERE ", tables[t]);
			if (d->person)
				buf_addf(q, "k.person = %s AND ", d->who);
			buf_add(q, "k.entry_id BETWEEN ");
			param(d, q, 1, false);
			buf_add(q, " AND ");
			param(d, q, 2, false);
		} else {
			struct nb_buf one = { 0 };

			param(d, &one, 1, false);
			buf_add(q, " FROM ");
			buf_addf(q, d->ids, one.s);
			buf_addf(q, " %s %s k ON ", d->then_join, tables[t]);
			if (d->person)
				buf_addf(q, "k.person = %s AND ", d->who);
			buf_add(q, "k.entry_id = j.value");
			buf_free(&one);
		}
		return;
	}
	buf_addf(q, "%s %s(%sentry_id", d->replace ? d->replace : "INSERT INTO", tables[t],
		 d->person ? "person, " : "");
	if (d->person)
		buf_addf(&values, "%s, ", d->who);
	param(d, &values, next++, false);
	for (size_t i = 0; i < n; i++) {
		if (!has_column(&f[i]))
			continue;
		buf_addf(q, ", %s", f[i].column);
		if (ftype_ops(f[i].type)->names_record) {
			buf_add(&values, ", (SELECT id FROM entry WHERE ");
			if (d->person)
				buf_addf(&values, "person = %s AND ", d->who);
			buf_add(&values, "uid = ");
			param(d, &values, next++, false);
			buf_add(&values, " AND type = 'member')");
		} else {
			buf_add(&values, ", ");
			param(d, &values, next++, false);
		}
		buf_addf(&set, "%s%s = excluded.%s", set.len ? ", " : "", f[i].column, f[i].column);
	}
	buf_addf(q, ") VALUES (%s)", values.s);
	if (!d->replace)
		buf_addf(q, " ON CONFLICT (%sentry_id) DO %s%s", d->person ? "person, " : "",
			 set.len ? "UPDATE SET " : "NOTHING",
			 set.len ? set.s : "");
	buf_free(&values);
	buf_free(&set);
}

void sql_kind_rows(const struct sql_dialect *d, enum nb_type t, struct nb_buf *q)
{
	size_t n;
	const struct nb_field *f = fields_of(t, &n);
	struct nb_buf sel = { 0 }, args = { 0 }, names = { 0 }, set = { 0 };
	int next = 1, link = 0, cols = 1;

	if (!d->person || !d->numbered)
		abort();	/* PostgreSQL's alone */
	for (size_t i = 0; i < n; i++)
		cols += has_column(&f[i]);
	buf_addf(q, "INSERT INTO %s(person, entry_id", tables[t]);
	buf_addf(&sel, "SELECT %s, u.c1::bigint", d->who);
	buf_add(&args, "$1::text[]");
	buf_add(&names, "c1");
	for (size_t i = 0; i < n; i++) {
		if (!has_column(&f[i]))
			continue;
		next++;
		buf_addf(q, ", %s", f[i].column);
		buf_addf(&args, ", $%d::text[]", next);
		buf_addf(&names, ", c%d", next);
		if (ftype_ops(f[i].type)->names_record) {
			/* the number given, else looked up by the uid given */
			link++;
			buf_addf(&sel, ", coalesce(u.r%d::bigint, CASE WHEN u.c%d IS NOT NULL THEN (SELECT id FROM entry"
				       " WHERE person = %s AND uid = u.c%d AND type = 'member') END)",
				 link, next, d->who, next);
		} else if (ftype_ops(f[i].type)->cell == NB_CELL_INT) {
			buf_addf(&sel, ", u.c%d::bigint", next);
		} else {
			buf_addf(&sel, ", u.c%d", next);
		}
		buf_addf(&set, "%s%s = excluded.%s", set.len ? ", " : "", f[i].column, f[i].column);
	}
	for (int j = 1; j <= link; j++) {
		buf_addf(&args, ", $%d::text[]", cols + j);
		buf_addf(&names, ", r%d", j);
	}
	buf_addf(q, ") %s FROM unnest(%s) AS u(%s) ON CONFLICT (person, entry_id) DO %s%s", sel.s, args.s, names.s,
		 set.len ? "UPDATE SET " : "NOTHING", set.len ? set.s : "");
	buf_free(&sel);
	buf_free(&args);
	buf_free(&names);
	buf_free(&set);
}

/* The reference of column c to a record of the same person, which goes
 * when the record goes (PostgreSQL 15 sets c alone to NULL, not the
 * person). */
static void link_key(struct nb_buf *q, const char *c)
{
	buf_addf(q, "FOREIGN KEY (person, %s) REFERENCES entry(person, id) ON DELETE SET NULL (%s)", c, c);
}

const char *sql_column_type(const struct sql_dialect *d, const struct nb_field *f)
{
	const struct nb_ftype_ops *o = ftype_ops(f->type);

	if (o->names_record)	/* a link to the record, which may go */
		return d->link;
	if (o->cell == NB_CELL_INT)	/* a number kept even as 0 (a flag) has no NULL */
		return f->flags & NB_FF_NOTNULL ? "INTEGER NOT NULL DEFAULT 0" : "INTEGER";
	return "TEXT";
}

void sql_kind_create(const struct sql_dialect *d, enum nb_type t, struct nb_buf *q)
{
	size_t n;
	const struct nb_field *f = fields_of(t, &n);

	if (d->person)
		buf_addf(q, "CREATE TABLE %s (person %s NOT NULL, entry_id %s NOT NULL", tables[t], d->person,
			 d->big);
	else
		buf_addf(q, "CREATE TABLE %s (entry_id %s PRIMARY KEY REFERENCES entry(id) ON DELETE CASCADE",
			 tables[t], d->big);
	for (size_t i = 0; i < n; i++) {
		const char *type;

		if (!has_column(&f[i]))
			continue;
		type = sql_column_type(d, &f[i]);
		buf_addf(q, ", %s %s%s", f[i].column, type,
			 (f[i].flags & NB_FF_REQUIRED) && !(f[i].flags & NB_FF_NOTNULL) ? " NOT NULL" : "");
	}
	if (d->person) {
		buf_add(q, ", PRIMARY KEY (person, entry_id),"
			   " FOREIGN KEY (person, entry_id) REFERENCES entry(person, id) ON DELETE CASCADE");
		for (size_t i = 0; i < n; i++)
			if (has_column(&f[i]) && ftype_ops(f[i].type)->names_record) {
				buf_add(q, ", ");
				link_key(q, f[i].column);
			}
	}
	buf_add(q, ");");
}

/* Every index of the shared tables, as the released steps made them
 * (schema 1, 7 and 8); in a dialect with a person, each leads with it. */
static const struct {
	const char *name, *table, *columns, *where;
	bool unique;
} indexes[] = {
	{ "entry_day", "entry", "day, at", NULL, false },
	{ "entry_type_at", "entry", "type, at", NULL, false },
	{ "entry_type_day", "entry", "type, day, at", NULL, false },
	{ "entry_at", "entry", "at", NULL, false },
	{ "item_term", "item", "field, term", NULL, false },
	{ "moment_touch", "moment", "safe, kind", NULL, false },
	{ "moment_member", "moment", "member_id", NULL, false },
	{ "session_exercise", "session", "exercise", NULL, false },
	{ "session_member", "session", "member_id", NULL, false },
	{ "session_tension", "session", "exercise, tension_before, tension_after", NULL, false },
	{ "reflection_prompt", "reflection", "prompt", NULL, false },
	{ "phase_member", "phase", "member_id", NULL, false },
	/* one experiment runs (or is paused) at a time, a person's */
	{ "experiment_one_running", "experiment", "(state <> 'stopped')", "state <> 'stopped'", true },
	/* the few records that wait for undo */
	{ "entry_deleted", "entry", "deleted", "deleted IS NOT NULL", false },
};

void sql_schema(const struct sql_dialect *d, struct nb_buf *q)
{
	char col[64] = "";	/* the person's column, first in each table */
	const char *p = d->person ? "person, " : "";

	if (d->person)
		snprintf(col, sizeof col, "person %s NOT NULL, ", d->person);
	buf_addf(q, "CREATE TABLE entry (%sid %s NOT NULL, uid TEXT NOT NULL, type TEXT NOT NULL,"
		    " at %s NOT NULL, utc_offset INTEGER NOT NULL, day TEXT NOT NULL, created %s NOT NULL,"
		    " updated %s NOT NULL, deleted %s, PRIMARY KEY (%sid), UNIQUE (%suid));",
		 col, d->big, d->big, d->big, d->big, d->big, p, p);
	for (int t = NB_CHECKIN; t < NB_TYPE__COUNT; t++)
		sql_kind_create(d, (enum nb_type)t, q);
	buf_addf(q, "CREATE TABLE item (%sentry_id %s NOT NULL, field TEXT NOT NULL, pos INTEGER NOT NULL,"
		    " term TEXT NOT NULL, place TEXT, intensity INTEGER, PRIMARY KEY (%sentry_id, field, pos),"
		    " FOREIGN KEY (%sentry_id) REFERENCES entry(%sid) ON DELETE CASCADE)%s;",
		 col, d->big, p, p, p, d->keyed);
	buf_addf(q, "CREATE TABLE day_fact (%sday TEXT NOT NULL, kind TEXT NOT NULL, term TEXT NOT NULL,"
		    " n INTEGER NOT NULL, PRIMARY KEY (%sday, kind, term))%s;", col, p, d->keyed);
	buf_addf(q, "CREATE TABLE day_summary (%sday TEXT NOT NULL, checkins INTEGER NOT NULL, facts TEXT NOT NULL",
		 col);
	for (int m = 0; m < NB_M__COUNT; m++)
		buf_addf(q, ", %s %s", measure_info((enum nb_measure)m)->id, d->real);
	buf_addf(q, ", PRIMARY KEY (%sday))%s;", p, d->keyed);
	buf_addf(q, "CREATE TABLE day_dirty (%sday TEXT NOT NULL, PRIMARY KEY (%sday))%s;", col, p, d->keyed);
	for (size_t i = 0; i < sizeof indexes / sizeof indexes[0]; i++) {
		buf_addf(q, "CREATE %sINDEX %s ON %s(%s%s)", indexes[i].unique ? "UNIQUE " : "", indexes[i].name,
			 indexes[i].table, p, indexes[i].columns);
		if (indexes[i].where)
			buf_addf(q, " WHERE %s", indexes[i].where);
		buf_add(q, ";");
	}
}

void sql_add_columns(const struct sql_dialect *d, int v, struct nb_buf *q)
{
	for (int t = 0; t < NB_TYPE__COUNT; t++) {
		size_t n;
		const struct nb_field *f = fields_of((enum nb_type)t, &n);

		for (size_t i = 0; i < n; i++) {
			const struct nb_measure_info *m;

			if (f[i].since.schema != v || !has_column(&f[i]))
				continue;
			buf_addf(q, "ALTER TABLE %s ADD COLUMN %s %s;", tables[t], f[i].column,
				 sql_column_type(d, &f[i]));
			if (d->person && ftype_ops(f[i].type)->names_record) {
				buf_addf(q, "ALTER TABLE %s ADD ", tables[t]);
				link_key(q, f[i].column);
				buf_add(q, ";");
			}
			if (t == NB_CHECKIN && (m = field_measure(&f[i])))
				buf_addf(q, "ALTER TABLE day_summary ADD COLUMN %s %s;", m->id, d->real);
		}
	}
}

/*
 * day_summary has a column per measure, named by its id, holding the mean
 * of its check-in field over the day ("avg(c.sleep_minutes) / 60.0"), and
 * the day's facts (day_fact) packed into one text.
 */
void sql_days(const struct sql_dialect *d, enum sql_days which, struct nb_buf *q)
{
	if (which == SQL_DAYS_PERIOD || which == SQL_DAYS_MEANS) {
		buf_add(q, which == SQL_DAYS_PERIOD ? "SELECT day, checkins, facts" : "SELECT day");
		for (int m = 0; m < NB_M__COUNT; m++)
			buf_addf(q, ", %s", measure_info((enum nb_measure)m)->id);
		buf_add(q, " FROM day_summary WHERE ");
		if (d->person)
			buf_addf(q, "person = %s AND ", d->who);
		buf_add(q, "day BETWEEN ");
		param(d, q, 1, true);
		buf_add(q, " AND ");
		param(d, q, 2, true);
		buf_add(q, " ORDER BY day");
		return;
	}
	buf_addf(q, "INSERT INTO day_summary(%sday, checkins, facts", d->person ? "person, " : "");
	for (int m = 0; m < NB_M__COUNT; m++)
		buf_addf(q, ", %s", measure_info((enum nb_measure)m)->id);
	buf_add(q, ") SELECT ");
	if (d->person)
		buf_addf(q, "%s, ", d->who);
	buf_add(q, "d.day, count(c.entry_id), coalesce((SELECT ");
	buf_addf(q, d->text_agg, "f.kind || f.n || ' ' || f.term");
	buf_add(q, "  FROM day_fact f WHERE ");
	if (d->person)
		buf_addf(q, "f.person = %s AND ", d->who);
	buf_add(q, "f.day = d.day), '')");
	for (int m = 0; m < NB_M__COUNT; m++) {
		const struct nb_measure_info *i = measure_info((enum nb_measure)m);

		buf_addf(q, ", avg(c.%s)", measure_field((enum nb_measure)m)->column);
		if (i->per != 1)
			buf_addf(q, " / %d.0", i->per);
	}
	if (d->person && which == SQL_DAYS_REFRESH_BY_DAY)	/* see by_day below */
		buf_addf(q, " FROM day_dirty d, LATERAL (SELECT e.id, e.type FROM entry e WHERE e.person = %s"
			    " AND e.day = d.day AND e.deleted IS NULL OFFSET 0) e"
			    " LEFT JOIN LATERAL (SELECT c.* FROM checkin c WHERE c.person = %s AND c.entry_id = e.id"
			    " AND e.type = 'checkin' OFFSET 0) c ON true WHERE d.person = %s GROUP BY d.day",
			 d->who, d->who, d->who);
	else if (d->person)
		buf_addf(q, " FROM day_dirty d %s entry e ON e.person = %s AND e.day = d.day AND e.deleted IS NULL"
			    " LEFT JOIN checkin c ON c.person = %s AND c.entry_id = e.id AND e.type = 'checkin'"
			    " WHERE d.person = %s GROUP BY d.day",
			 d->then_join, d->who, d->who, d->who);
	else
		buf_addf(q, " FROM day_dirty d %s entry e ON e.day = d.day AND e.deleted IS NULL"
			    " LEFT JOIN checkin c ON c.entry_id = e.id AND e.type = 'checkin' GROUP BY d.day",
			 d->then_join);
}

#define ENVELOPE "id, uid, type, at, utc_offset, day, created, updated"
#define ENVELOPE_E "e.id, e.uid, e.type, e.at, e.utc_offset, e.day, e.created, e.updated"

/*
 * The statements every store shares, written once for all dialects: a
 * placeholder is ? (or ?N, the N-th), CROSS JOIN is a join that keeps its
 * order, and a few words in braces are the dialect's:
 *   {list P}       the ids of one value P, as a subquery
 *   {texts P}      the texts of one value P, as a subquery
 *   {ids P}        the ids of one value P as a table j(value)
 *   {has P, X}     whether text P holds text X
 *   {nocase A, B}  A equals B, case aside
 *   {plain X}      X, kept from an index (SQLite's +X: the walk it should
 *                  take is another)
 *   {as X}         the name X of a subquery in FROM, where one needs it
 *   {live M}       the record M (a circle member) is not set aside: its
 *                  deleted is NULL, or it is gone (SQLite: a subquery of
 *                  it; where a database holds many people, NOT EXISTS, an
 *                  anti-join, which PostgreSQL hashes: the subquery, planned
 *                  without statistics of the person, walked all of their
 *                  records for each moment with someone)
 * and, where one database holds many people's records (d->person), the
 * person named in each statement (nothing in SQLite's):
 *   {who X}        "Xperson = <the person> AND ", X a table's alias and its
 *                  dot, or nothing: before each condition on a table, in
 *                  its WHERE or its join's ON
 *   {whose }       " WHERE person = <the person>", for a table without one
 *   {whocol }      "person, ", the first column an INSERT names
 *   {whoval }      "<the person>, ", its value
 * The search, ranking and transactions are a store's own (NULL here).
 */
static const char *const neutral[S__COUNT] = {
	[S_ENTRY_INS] = "INSERT INTO entry(uid, type, at, utc_offset, day, created, updated)"
			" VALUES (?, ?, ?, ?, ?, ?, ?)",
	[S_ENTRY_UPD] = "UPDATE entry SET at = ?, utc_offset = ?, day = ?, updated = ?"
			" WHERE {who }id = ? AND type = ? AND deleted IS NULL",
	[S_ENTRY_GET] = "SELECT " ENVELOPE " FROM entry WHERE {who }id = ? AND deleted IS NULL",
	[S_ENTRY_GET_ANY] = "SELECT " ENVELOPE " FROM entry WHERE {who }id = ?",
	[S_ENTRY_UID] = "SELECT id FROM entry WHERE {who }uid = ?",
	/* a deleted record waits for undo (schema 8): out of the index and of
	 * every reading, back whole, or gone for good once its time is over */
	[S_ENTRY_ASIDE] = "UPDATE entry SET deleted = ? WHERE {who }id = ? AND deleted IS NULL",
	[S_ENTRY_BACK] = "UPDATE entry SET deleted = NULL WHERE {who }id = ? AND deleted IS NOT NULL",
	[S_WAITING] = "SELECT " ENVELOPE ", deleted FROM entry WHERE {who }deleted IS NOT NULL"
		      " ORDER BY deleted DESC, id DESC",
	[S_PURGE] = "DELETE FROM entry WHERE {who }deleted IS NOT NULL AND deleted <= ?1 AND (?2 = 0 OR id = ?2)",
	[S_ITEMS_DEL] = "DELETE FROM item WHERE {who }entry_id = ?",
	[S_ITEM_INS] = "INSERT INTO item({whocol }entry_id, field, pos, term, place, intensity)"
		       " VALUES ({whoval }?, ?, ?, ?, ?, ?)",
	/* the lists of many records at once, by a JSON array of their ids:
	 * IN (SELECT ...) makes a sorted table of the ids, so the primary key
	 * is walked in its order and nothing is sorted afterwards (a join over
	 * json_each, as the records' own statements do, sorted every item of
	 * the page: twice the time) */
	[S_ITEMS_GET] = "SELECT i.entry_id, i.field, i.term, i.place, i.intensity FROM item i"
			" WHERE {who i.}i.entry_id IN ({list ?}) ORDER BY i.entry_id, i.field, i.pos",
	/* the same for ids that lie close together (a day, a page of the
	 * history): the primary key walked from the first to the last, the
	 * few rows between them of other records passed over; half the time */
	[S_ITEMS_RANGE] = "SELECT i.entry_id, i.field, i.term, i.place, i.intensity FROM item i"
			  " WHERE {who i.}i.entry_id BETWEEN ? AND ? ORDER BY i.entry_id, i.field, i.pos",
	[S_ENTRIES_GET] = "SELECT " ENVELOPE_E " FROM {ids ?} CROSS JOIN entry e ON e.id = j.value"
			  " WHERE {who e.}e.deleted IS NULL",
	/* Walk moments from the newest (index entry_type_at) and stop at the
	 * first wanted touch; the + keeps SQLite from starting at moment_touch
	 * and sorting every wanted touch ever recorded. The kinds come as one
	 * text, ",hug,hand,": an IN (SELECT ...) would make a table of them
	 * first, each time (a quarter of today's page on an empty day). */
	[S_LAST_TOUCH] = "SELECT " ENVELOPE_E " FROM entry e JOIN moment m ON {who m.}m.entry_id = e.id"
			 " WHERE {who e.}e.type = 'moment' AND e.deleted IS NULL AND {plain m.safe} = 'yes'"
			 " AND {has ?, ',' || m.kind || ','}"
			 " ORDER BY e.at DESC, e.id DESC LIMIT 1",
	[S_COUNT] = "SELECT count(*) FROM entry WHERE {who }type = ? AND deleted IS NULL",
	/* from the index on (exercise, tension_before, tension_after) alone:
	 * the few records that wait for undo are left out through theirs */
	[S_EXERCISE_STATS] = "SELECT exercise, avg(tension_before - tension_after), count(*)"
			     " FROM session WHERE {who }tension_before IS NOT NULL AND tension_after IS NOT NULL"
			     " AND entry_id NOT IN (SELECT id FROM entry WHERE {who }deleted IS NOT NULL)"
			     " GROUP BY exercise ORDER BY exercise",
	[S_REFLECTION_LATEST] = "SELECT " ENVELOPE_E " FROM entry e JOIN reflection r ON {who r.}r.entry_id = e.id"
				" WHERE {who e.}r.prompt = ? AND e.deleted IS NULL ORDER BY e.at DESC, e.id DESC LIMIT 1",
	/* the summary per day (schema 2), recomputed for the days that changed */
	[S_DIRTY_ANY] = "SELECT 1 FROM day_dirty{whose } LIMIT 1",
	[S_REFRESH_FACT_DEL] = "DELETE FROM day_fact WHERE {who }day IN (SELECT day FROM day_dirty{whose })",
	/* CROSS JOIN keeps the few changed days as the outer loop: without
	 * statistics the planner would walk every moment or need instead
	 * (SQLite; PostgreSQL's store runs it for many days without nested
	 * loops, and its own form for few: by_day_facts, pg_records.c) */
	[S_REFRESH_FACT_INS] =
		"INSERT INTO day_fact SELECT {whoval }day, kind, term, count(*) FROM ("
		" SELECT e.day, " NB_FACT_SQL_MOMENT " AS kind, m.kind AS term FROM day_dirty d"
		"  CROSS JOIN entry e ON {who e.}{who d.}e.type = 'moment' AND e.day = d.day AND e.deleted IS NULL CROSS JOIN moment m ON {who m.}m.entry_id = e.id"
		" UNION ALL SELECT e.day, " NB_FACT_SQL_TOUCH ", '' FROM day_dirty d"
		"  CROSS JOIN entry e ON {who e.}{who d.}e.type = 'moment' AND e.day = d.day AND e.deleted IS NULL CROSS JOIN moment m ON {who m.}m.entry_id = e.id"
		"  WHERE m.safe = 'yes' AND m.kind IN ({texts ?1})"
		" UNION ALL SELECT e.day, " NB_FACT_SQL_CONTACT ", mm.name FROM day_dirty d"
		"  CROSS JOIN entry e ON {who e.}{who d.}e.type = 'moment' AND e.day = d.day AND e.deleted IS NULL CROSS JOIN moment m ON {who m.}m.entry_id = e.id"
		"  CROSS JOIN member mm ON {who mm.}mm.entry_id = m.member_id"
		"  WHERE {live m.member_id}"
		" UNION ALL SELECT e.day, " NB_FACT_SQL_EXERCISE ", '' FROM day_dirty d"
		"  CROSS JOIN entry e ON {who e.}{who d.}e.type = 'session' AND e.day = d.day AND e.deleted IS NULL"
		" UNION ALL SELECT e.day, " NB_FACT_SQL_SESSION ", s.exercise || ' ' || s.tension_before || ' ' || s.tension_after"
		"  FROM day_dirty d CROSS JOIN entry e ON {who e.}{who d.}e.type = 'session' AND e.day = d.day AND e.deleted IS NULL"
		"  CROSS JOIN session s ON {who s.}s.entry_id = e.id"
		"  WHERE s.tension_before IS NOT NULL AND s.tension_after IS NOT NULL"
		" UNION ALL SELECT e.day, " NB_FACT_SQL_NEED ", i.term FROM day_dirty d"
		"  CROSS JOIN entry e ON {who e.}{who d.}e.type = 'checkin' AND e.day = d.day AND e.deleted IS NULL"
		"  CROSS JOIN item i ON {who i.}i.entry_id = e.id AND i.field = 'need'"
		" UNION ALL SELECT e.day, " NB_FACT_SQL_TRIGGER ", '' FROM day_dirty d"
		"  CROSS JOIN entry e ON {who e.}{who d.}e.type = 'trigger' AND e.day = d.day AND e.deleted IS NULL"
		" UNION ALL SELECT e.day, " NB_FACT_SQL_TRIGGER_EMOTION ", t.emotion FROM day_dirty d"
		"  CROSS JOIN entry e ON {who e.}{who d.}e.type = 'trigger' AND e.day = d.day AND e.deleted IS NULL"
		"  CROSS JOIN trigger_entry t ON {who t.}t.entry_id = e.id WHERE t.emotion IS NOT NULL"
		" UNION ALL SELECT e.day, " NB_FACT_SQL_TRIGGER_NEED ", t.need FROM day_dirty d"
		"  CROSS JOIN entry e ON {who e.}{who d.}e.type = 'trigger' AND e.day = d.day AND e.deleted IS NULL"
		"  CROSS JOIN trigger_entry t ON {who t.}t.entry_id = e.id WHERE t.need IS NOT NULL"
		"){as facts} GROUP BY day, kind, term",
	[S_REFRESH_DAY_DEL] = "DELETE FROM day_summary WHERE {who }day IN (SELECT day FROM day_dirty{whose })",
	[S_REFRESH_DONE] = "DELETE FROM day_dirty{whose }",
	[S_EXP_OTHER_RUNS] = "SELECT 1 FROM experiment JOIN entry e ON {who e.}e.id = entry_id"
			     " WHERE {who experiment.}state <> 'stopped' AND entry_id <> ? AND e.deleted IS NULL LIMIT 1",
	/* a deleted experiment that would run beside a new one gives way: it
	 * could not come back beside it (schema 7's unique index) */
	[S_EXP_ASIDE_PURGE] = "DELETE FROM entry WHERE {who }deleted IS NOT NULL AND id <> ?"
			      " AND id IN (SELECT entry_id FROM experiment WHERE {who }state <> 'stopped')",
	[S_MEMBER_NAME] = "SELECT e.uid FROM entry e JOIN member m ON {who m.}m.entry_id = e.id"
			  " WHERE {who e.}{nocase m.name, ?} AND e.deleted IS NULL ORDER BY e.id LIMIT 1",
};

/*
 * Where PostgreSQL plans a shared statement badly before it has
 * statistics of a person's rows, its own text (in the same words).
 *
 * The rebuild of a few changed days (sql_refresh_by_day): without statistics of the person (a minute after an import, or when it
 * saw only other people's rows) the planner thinks the person has a row or
 * so in each table, and joined each record to all of the person's moments
 * (needs, sessions, ...) with the join as a filter: quadratic in the
 * person's records. The rebuild of 2,400 imported records' days went
 * through 5 million rows, a second person's 10 million, past the two
 * minutes of a request at 10,000 records (bench/RESULTS.md, issue 29).
 * So each row is looked up by its key for each row before it, in a
 * subquery of its own (LATERAL, OFFSET 0: PostgreSQL turns it into no
 * join), in the order the statement gives: the changed days, each day's
 * records of a kind (index on type and day), each record's row of its kind
 * and its lists (primary keys; a list's field is asked of its rows after,
 * or the index on field and term would serve as well for what it thinks
 * is a row, and walk all of the person's needs for each check-in). Rows in proportion to the records of the
 * changed days: for a check-in's day a few dozen, where the shared
 * statement, planned as above, walked all of the person's moments for each
 * of their moments (3.6 million rows for 2,400 records). Even so the
 * planner may look up a row by another index that starts with the person
 * (it thinks each holds a row of theirs) and filter all of the person's
 * rows of that kind for each record: for many days the store plans the
 * shared statement without nested loops instead (pg_records.c).
 *
 * The last wanted touch: a moment's row looked up by its key as a value of
 * the record's row (a subquery), and the time of the last wanted touch
 * found first, on the walk of the moments from the newest in the order of
 * the index on (type, at), which stops at the first (no sort, which the
 * planner would choose for what it thinks is a row: a sort of every
 * moment); then the one with the highest number among those of that
 * time, as SQLite's order says.
 */
#define PG_DAYS(t) " FROM day_dirty d, LATERAL (SELECT e.id, e.day FROM entry e" \
		   " WHERE {who e.}e.type = '" t "' AND e.day = d.day AND e.deleted IS NULL OFFSET 0) e"
#define PG_ROW(table, a, cols, key) ", LATERAL (SELECT " cols " FROM " table " " a \
		   " WHERE {who " a ".}" a ".entry_id = " key " OFFSET 0) " a
#define PG_MOMENT PG_DAYS("moment") PG_ROW("moment", "m", "m.kind, m.safe, m.member_id", "e.id")
#define PG_SESSION PG_DAYS("session") PG_ROW("session", "s", "s.exercise, s.tension_before, s.tension_after", "e.id")
#define PG_TRIGGER PG_DAYS("trigger") PG_ROW("trigger_entry", "t", "t.emotion, t.need", "e.id")
#define PG_WANTED(e) "(SELECT m.safe = 'yes' AND {has ?1, ',' || m.kind || ','}" \
		     " FROM moment m WHERE {who m.}m.entry_id = " e ".id)"
static const char *const by_day_facts =
		"INSERT INTO day_fact SELECT {whoval }day, kind, term, count(*) FROM ("
		" SELECT e.day, " NB_FACT_SQL_MOMENT " AS kind, m.kind AS term" PG_MOMENT " WHERE {who d.}true"
		" UNION ALL SELECT e.day, " NB_FACT_SQL_TOUCH ", ''" PG_MOMENT
		"  WHERE {who d.}m.safe = 'yes' AND m.kind = ANY (?1::text[])"
		" UNION ALL SELECT e.day, " NB_FACT_SQL_CONTACT ", mm.name" PG_MOMENT
		PG_ROW("member", "mm", "mm.name", "m.member_id")
		"  WHERE {who d.}{live m.member_id}"
		" UNION ALL SELECT e.day, " NB_FACT_SQL_EXERCISE ", ''" PG_DAYS("session") " WHERE {who d.}true"
		" UNION ALL SELECT e.day, " NB_FACT_SQL_SESSION ", s.exercise || ' ' || s.tension_before || ' ' || s.tension_after"
		PG_SESSION " WHERE {who d.}s.tension_before IS NOT NULL AND s.tension_after IS NOT NULL"
		" UNION ALL SELECT e.day, " NB_FACT_SQL_NEED ", i.term" PG_DAYS("checkin")
		PG_ROW("item", "i", "i.field, i.term", "e.id") " WHERE {who d.}i.field = 'need'"
		" UNION ALL SELECT e.day, " NB_FACT_SQL_TRIGGER ", ''" PG_DAYS("trigger") " WHERE {who d.}true"
		" UNION ALL SELECT e.day, " NB_FACT_SQL_TRIGGER_EMOTION ", t.emotion" PG_TRIGGER
		" WHERE {who d.}t.emotion IS NOT NULL"
		" UNION ALL SELECT e.day, " NB_FACT_SQL_TRIGGER_NEED ", t.need" PG_TRIGGER " WHERE {who d.}t.need IS NOT NULL"
		"){as facts} GROUP BY day, kind, term";

static const char *const pg_own[S__COUNT] = {
	[S_LAST_TOUCH] = "SELECT " ENVELOPE_E " FROM entry e"
			 " WHERE {who e.}e.type = 'moment' AND e.deleted IS NULL AND e.at = ("
			 "SELECT t.at FROM entry t WHERE {who t.}t.type = 'moment' AND t.deleted IS NULL"
			 " AND " PG_WANTED("t") " ORDER BY t.at DESC LIMIT 1)"
			 " AND " PG_WANTED("e") " ORDER BY e.id DESC LIMIT 1",
};

/* The words that name the person ({who X}, {whose }, {whocol }, {whoval }):
 * nothing in a dialect without one. Whether name is one of them. */
static bool who_word(const struct sql_dialect *d, const char *name, size_t len, const char *a, struct nb_buf *q)
{
	if (len == 3 && strncmp(name, "who", 3) == 0) {
		if (d->person)
			buf_addf(q, "%sperson = %s AND ", a, d->who);
	} else if (len == 5 && strncmp(name, "whose", 5) == 0) {
		if (d->person)
			buf_addf(q, " WHERE person = %s", d->who);
	} else if (len == 6 && strncmp(name, "whocol", 6) == 0) {
		if (d->person)
			buf_add(q, "person, ");
	} else if (len == 6 && strncmp(name, "whoval", 6) == 0) {
		if (d->person)
			buf_addf(q, "%s, ", d->who);
	} else {
		return false;
	}
	return true;
}

/* Expand the neutral text t (up to its end, or to a '}' or ", " at depth 0
 * when stop) into q, in dialect d; n counts the placeholders. Returns where
 * it stopped. */
static const char *expand(const struct sql_dialect *d, const char *t, struct nb_buf *q, int *n, bool stop)
{
	while (*t) {
		if (stop && (*t == '}' || (t[0] == ',' && t[1] == ' ')))
			return t;
		if (*t == '?') {
			int at = 0;

			t++;
			while (isdigit((unsigned char)*t))
				at = at * 10 + (*t++ - '0');
			if (d->numbered)
				buf_addf(q, "$%d", at ? at : ++*n);
			else if (at)
				buf_addf(q, "?%d", at);
			else
				buf_addc(q, '?');
			continue;
		}
		if (strncmp(t, "CROSS JOIN", 10) == 0) {
			buf_add(q, d->then_join);
			t += 10;
			continue;
		}
		if (*t == '{') {
			struct nb_buf a = { 0 }, b = { 0 };
			const char *fmt = NULL, *name = t + 1;
			size_t len = strcspn(name, " ");

			t = expand(d, name + len + 1, &a, n, true);
			if (t[0] == ',' && t[1] == ' ')
				t = expand(d, t + 2, &b, n, true);
			if (*t == '}')
				t++;
			if (len == 4 && strncmp(name, "live", 4) == 0) {
				if (d->person)
					buf_addf(q, "NOT EXISTS (SELECT 1 FROM entry x WHERE x.person = %s AND x.id = %s"
						    " AND x.deleted IS NOT NULL)", d->who, a.s ? a.s : "");
				else
					buf_addf(q, "(SELECT deleted FROM entry WHERE id = %s) IS NULL", a.s ? a.s : "");
				buf_free(&a);
				buf_free(&b);
				continue;
			}
			if (len == 4 && strncmp(name, "list", 4) == 0)
				fmt = d->list;
			else if (len == 5 && strncmp(name, "texts", 5) == 0)
				fmt = d->texts;
			else if (len == 3 && strncmp(name, "ids", 3) == 0)
				fmt = d->ids_j;
			else if (len == 3 && strncmp(name, "has", 3) == 0)
				fmt = d->has;
			else if (len == 6 && strncmp(name, "nocase", 6) == 0)
				fmt = d->nocase;
			else if (len == 5 && strncmp(name, "plain", 5) == 0)
				fmt = d->plain;
			else if (len == 2 && strncmp(name, "as", 2) == 0)
				fmt = d->as;
			else if (who_word(d, name, len, a.s ? a.s : "", q))
				fmt = "";
			if (!fmt)
				abort();	/* a word of our own misspelt */
			buf_addf(q, fmt, a.s ? a.s : "", b.s ? b.s : "");
			buf_free(&a);
			buf_free(&b);
			continue;
		}
		buf_addc(q, *t++);
	}
	return t;
}

bool sql_refresh_by_day(const struct sql_dialect *d, enum stmt s, struct nb_buf *q)
{
	int n = 0;

	if (!d->person)
		return false;
	if (s == S_REFRESH_DAY_INS)
		sql_days(d, SQL_DAYS_REFRESH_BY_DAY, q);
	else if (s == S_REFRESH_FACT_INS)
		expand(d, by_day_facts, q, &n, false);
	else
		return false;
	return true;
}

bool sql_statement(const struct sql_dialect *d, enum stmt s, struct nb_buf *q)
{
	int n = 0;

	switch (s) {	/* the summary's, made from the measures */
	case S_PERIOD:
		sql_days(d, SQL_DAYS_PERIOD, q);
		return true;
	case S_DAY_MEANS:
		sql_days(d, SQL_DAYS_MEANS, q);
		return true;
	case S_REFRESH_DAY_INS:
		sql_days(d, SQL_DAYS_REFRESH, q);
		return true;
	default:
		break;
	}
	/* where a database holds many people, a record's number counts within
	 * its person's records: the store numbers it (pg_records.c) */
	if (!neutral[s] || (s == S_ENTRY_INS && d->person))
		return false;
	expand(d, d->person && pg_own[s] ? pg_own[s] : neutral[s], q, &n, false);
	return true;
}
