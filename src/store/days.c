/*
 * The summary per day (schema 2): triggers on entry and member note the
 * days a write changed in day_dirty; days_refresh recomputes those days'
 * facts (day_fact) and their packed row (day_summary) before every commit.
 * days_period reads a period back in one pass: the days for charts and
 * trends, the outcomes and facts for the insights, the counted terms.
 */
#include "db.h"
#include "sqlgen.h"
#include "core/buf.h"
#include "core/field.h"
#include "core/insight.h"
#include "core/series.h"
#include "core/time.h"
#include "core/xalloc.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
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

/* The term of n bytes at s, kept once for the life of the connection: a
 * few dozen distinct needs, kinds and names over years of facts, found
 * again through a small open-addressing table of their indexes. */
static const char *intern(struct db *d, const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t slot;
	char *t;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	for (slot = h % TERM_SLOTS; d->slot[slot]; slot = (slot + 1) % TERM_SLOTS) {
		const char *u = d->terms[d->slot[slot] - 1];
		if (strncmp(u, s, n) == 0 && !u[n])
			return u;
	}
	t = xmalloc(n + 1);
	sq_copy_span(t, n + 1, s, n);
	d->terms = xrealloc(d->terms, (d->nterms + 1) * sizeof *d->terms);
	d->terms[d->nterms++] = t;
	if (d->nterms < TERM_SLOTS / 2)	/* beyond that, kept but not found again */
		d->slot[slot] = (uint32_t)d->nterms;
	return t;
}

/* A term's running count in one list of a period. */
struct tally {
	const char *term;	/* interned */
	int n;
};

static int by_count(const void *a, const void *b)
{
	const struct tally *x = a, *y = b;

	return x->n != y->n ? (x->n < y->n ? 1 : -1) : strcmp(x->term, y->term);
}

/* A period being read, with the room of its arrays: from a little, doubled
 * as it fills (two weeks for today's page are 14 rows, ten years for the
 * insights some 3,600, which doubling reaches in a few steps). */
struct reading {
	struct db *d;
	struct nb_period *p;
	size_t dcap, ocap, fcap, scap;
	struct tally *t[NB_TERMS__COUNT];
	size_t nt[NB_TERMS__COUNT];
};

static void tally(struct reading *r, int list, const char *term, int n)
{
	size_t i = 0;

	while (i < r->nt[list] && r->t[list][i].term != term)
		i++;
	if (i == r->nt[list]) {
		r->t[list] = xrealloc(r->t[list], (r->nt[list] + 1) * sizeof *r->t[list]);
		r->t[list][r->nt[list]++] = (struct tally){ term, 0 };
	}
	r->t[list][i].n += n;
}

static void add_fact(struct reading *r, int day, char kind, const char *term)
{
	struct nb_period *p = r->p;

	if (p->nfacts == r->fcap) {
		r->fcap = r->fcap ? r->fcap * 2 : 64;
		p->facts = xrealloc(p->facts, r->fcap * sizeof *p->facts);
	}
	p->facts[p->nfacts++] = (struct nb_fact){ .day = day, .kind = kind, .term = term };
}

/* n sessions of "exercise before after". */
static void add_sessions(struct reading *r, const char *text, size_t len, long n)
{
	struct nb_period *p = r->p;
	char ex[32], *end;
	const char *sp = memchr(text, ' ', len);
	long before, after;

	if (!sp || (size_t)(sp - text) >= sizeof ex)
		return;
	sq_copy_span(ex, sizeof ex, text, (size_t)(sp - text));
	before = strtol(sp + 1, &end, 10);
	after = strtol(end, &end, 10);
	if (end != text + len)
		return;
	while (n-- > 0) {
		if (p->nsessions == r->scap) {
			r->scap = r->scap ? r->scap * 2 : 16;
			p->ex_ids = xrealloc(p->ex_ids, r->scap * sizeof *p->ex_ids);
			p->before = xrealloc(p->before, r->scap * sizeof *p->before);
			p->after = xrealloc(p->after, r->scap * sizeof *p->after);
		}
		p->ex_ids[p->nsessions] = xstrdup(ex);
		p->before[p->nsessions] = before;
		p->after[p->nsessions] = after;
		p->nsessions++;
	}
}

/*
 * One fact of a day, "kind count term" (schema 2), into the facts of the
 * insights and the counted lists; returns the moments it adds to the day.
 */
static int add_entry(struct reading *r, int day, const char *s, size_t len)
{
	char kind = s[0];
	const char *end = s + 1, *term;
	long n = 0;

	/* the count by hand: strtol showed in the profile of ten years */
	while (end < s + len && *end >= '0' && *end <= '9' && n <= INT_MAX)
		n = n * 10 + (*end++ - '0');
	if (end == s + 1 || end >= s + len || *end != ' ' || n <= 0 || n > INT_MAX)
		return 0;
	len -= (size_t)(end + 1 - s);
	if (kind == NB_FACT_SESSION) {
		add_sessions(r, end + 1, len, n);
		return 0;
	}
	term = intern(r->d, end + 1, len);
	switch (kind) {
	case NB_FACT_MOMENT:
		tally(r, NB_TERMS_KINDS, term, (int)n);
		add_fact(r, day, kind, term);
		return (int)n;
	case NB_FACT_NEED:
		tally(r, NB_TERMS_NEEDS, term, (int)n);
		add_fact(r, day, kind, term);
		break;
	case NB_FACT_TRIGGER_NEED:
		tally(r, NB_TERMS_NEEDS, term, (int)n);
		tally(r, NB_TERMS_TRIGGER_NEEDS, term, (int)n);
		break;
	case NB_FACT_TRIGGER_EMOTION:
		tally(r, NB_TERMS_TRIGGER_EMOTIONS, term, (int)n);
		break;
	default:	/* touch, contact, exercise, trigger */
		add_fact(r, day, kind, term);
	}
	return 0;
}

/* One row of day_summary: the day's means, its outcome when it had a
 * check-in, and its facts (separated by U+001F). */
static void add_day(struct reading *r, sqlite3_stmt *st)
{
	struct nb_period *p = r->p;
	const char *text = (const char *)sqlite3_column_text(st, 0);
	const char *facts = (const char *)sqlite3_column_text(st, 2);
	int day = nb_day_number(text);
	struct nb_day_stat *ds;

	if (p->ndays == r->dcap) {
		r->dcap = r->dcap ? r->dcap * 2 : 16;
		p->days = xrealloc(p->days, r->dcap * sizeof *p->days);
	}
	ds = &p->days[p->ndays++];
	sq_copy_span(ds->day, NB_DAY_LEN, text, (size_t)sqlite3_column_bytes(st, 0));
	for (int m = 0; m < NB_M__COUNT; m++)
		ds->v[m] = sq_col_double(st, 3 + m);
	ds->moments = 0;
	if (sqlite3_column_int(st, 1) > 0) {
		struct nb_day_outcome *o;
		if (p->noutcomes == r->ocap) {
			r->ocap = r->ocap ? r->ocap * 2 : 16;
			p->outcomes = xrealloc(p->outcomes, r->ocap * sizeof *p->outcomes);
		}
		o = &p->outcomes[p->noutcomes++];
		o->day = day;
		memcpy(o->v, ds->v, sizeof o->v);
	}
	while (facts && *facts) {
		size_t len = strcspn(facts, "\x1f");
		if (len)
			ds->moments += add_entry(r, day, facts, len);
		facts += len + (facts[len] != 0);
	}
}

void period_free(struct nb_period *p)
{
	for (size_t i = 0; i < p->nsessions; i++)
		free(p->ex_ids[i]);
	free(p->ex_ids);
	free(p->before);
	free(p->after);
	free(p->days);
	free(p->outcomes);
	free(p->facts);
	memset(p, 0, sizeof *p);
}

enum nb_err days_period(void *h, const char *since, const char *until, struct nb_period *out,
			     struct nb_error *err)
{
	struct db *d = h;
	struct reading r = { .d = d, .p = out };
	sqlite3_stmt *st = sq_stmt(d, S_PERIOD, err);
	int rc;

	memset(out, 0, sizeof *out);
	if (!st)
		return NB_EDB;
	sqlite3_bind_text(st, 1, since, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, until, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		add_day(&r, st);
	sqlite3_reset(st);
	for (int l = 0; l < NB_TERMS__COUNT; l++) {
		if (r.nt[l])
			qsort(r.t[l], r.nt[l], sizeof *r.t[l], by_count);
		for (size_t i = 0; i < r.nt[l] && i < NB_TERMS_MAX; i++) {
			sq_copy_text(out->terms.v[l][i].term, sizeof out->terms.v[l][i].term, r.t[l][i].term);
			out->terms.v[l][i].n = r.t[l][i].n;
			out->terms.n[l]++;
		}
		free(r.t[l]);
	}
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
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return NB_EDB;
	sqlite3_bind_text(st, 1, since, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, until, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			v = xrealloc(v, cap * sizeof *v);
		}
		sq_copy_span(v[*n].day, NB_DAY_LEN, (const char *)sqlite3_column_text(st, 0),
			     (size_t)sqlite3_column_bytes(st, 0));
		for (int m = 0; m < NB_M__COUNT; m++)
			v[*n].v[m] = sq_col_double(st, 1 + m);
		v[*n].moments = 0;
		(*n)++;
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
