/*
 * The summary per day (schema 2): triggers on entry and member note the
 * days a write changed in day_dirty; days_refresh recomputes those days'
 * facts (day_fact) and their packed row (day_summary) before every commit.
 * days_period reads a period back in one pass: the store steps the rows and
 * reads their columns, core/period.c parses the packed facts and fills the
 * days for charts and trends, the outcomes and facts for the insights and
 * the counted terms (the same for any backend).
 */
#include "db.h"
#include "sqlgen.h"
#include "core/buf.h"
#include "core/field.h"
#include "core/period.h"
#include "core/series.h"

#include <stdlib.h>
#include <string.h>

/* Recompute the summary of the days the triggers marked as changed. */
enum nb_err days_refresh(struct db *d, struct nb_error *err)
{
	static const enum stmt steps[] = { S_REFRESH_FACT_DEL, S_REFRESH_FACT_INS,
					   S_REFRESH_DAY_DEL, S_REFRESH_DAY_INS, S_REFRESH_DONE };
	sqlite3_stmt *st = sq_stmt(d, S_DIRTY_ANY, err);
	struct nb_buf kinds = { 0 };
	size_t nk;
	const char *const *k = moment_touch_kinds(&nk);
	enum nb_err rc = NB_OK;
	int step;

	if (!st)
		return NB_EDB;
	step = sqlite3_step(st);
	sqlite3_reset(st);
	if (step != SQLITE_ROW)
		return step == SQLITE_DONE ? NB_OK : sq_error(d, err);
	buf_add(&kinds, "[");
	for (size_t i = 0; i < nk; i++)
		buf_addf(&kinds, "%s\"%s\"", i ? "," : "", k[i]);
	buf_add(&kinds, "]");
	for (size_t i = 0; i < sizeof steps / sizeof steps[0] && !rc; i++) {
		if (!(st = sq_stmt(d, steps[i], err))) {
			rc = NB_EDB;
			break;
		}
		if (steps[i] == S_REFRESH_FACT_INS)
			sqlite3_bind_text(st, 1, kinds.s, -1, SQLITE_STATIC);
		rc = sq_run(d, st, err);
		sqlite3_clear_bindings(st);
	}
	buf_free(&kinds);
	return rc;
}

enum nb_err days_period(void *h, const char *since, const char *until, struct nb_period *out,
			     struct nb_error *err)
{
	struct db *d = h;
	struct nb_period_reading r;
	sqlite3_stmt *st = sq_stmt(d, S_PERIOD, err);
	double v[NB_M__COUNT];
	int rc;

	memset(out, 0, sizeof *out);
	if (!st)
		return NB_EDB;
	sqlite3_bind_text(st, 1, since, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, until, -1, SQLITE_STATIC);
	period_read_begin(&r, out, &d->terms);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int m = 0; m < NB_M__COUNT; m++)
			v[m] = sq_col_double(st, 3 + m);
		period_read_day(&r, (const char *)sqlite3_column_text(st, 0), sqlite3_column_int(st, 1),
				v, (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_reset(st);
	period_read_end(&r);
	if (rc != SQLITE_DONE) {
		period_free(out);
		return sq_error(d, err);
	}
	return NB_OK;
}

enum nb_err days_means(void *h, const char *since, const char *until, struct nb_day_stat **out,
		       size_t *n, struct nb_error *err)
{
	struct db *d = h;
	sqlite3_stmt *st = sq_stmt(d, S_DAY_MEANS, err);
	struct nb_day_stat *v = NULL;
	double mv[NB_M__COUNT];
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return NB_EDB;
	sqlite3_bind_text(st, 1, since, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, until, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int m = 0; m < NB_M__COUNT; m++)
			mv[m] = sq_col_double(st, 1 + m);
		day_stats_add(&v, n, &cap, (const char *)sqlite3_column_text(st, 0), mv);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(v);
		*n = 0;
		return sq_error(d, err);
	}
	*out = v;
	return NB_OK;
}
