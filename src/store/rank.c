/*
 * The ranking of a search, in one walk of the index. FTS5 ranks with
 * bm25() when asked ORDER BY rank, and for a common word that took three
 * walks of its matches (the newest of the window, the ranking, the count),
 * each merging the lists of every word that begins with the query's, and a
 * fourth inside bm25() for the word's weight. Here one statement walks the
 * matches newest first, the newest window of them and one more (which
 * tells that more match than were ranked): a function of nabij's own
 * (nb_gather, an FTS5 auxiliary function) keeps what bm25() reads of each
 * (its id and how often each phrase stands in it; its length in tokens is
 * read after the walk, in one statement). The score is then bm25()'s, step
 * by step as fts5Bm25Function of SQLite 3.51 (fts5_aux.c) makes it, with a
 * phrase's count of matches, for a query of one phrase, taken from the
 * walk itself. The hits are ordered as FTS5 orders them (the score, then
 * the id); tests/unit/test_sqlite.c holds both side by side.
 */
#include "db.h"
#include "core/buf.h"
#include "core/xalloc.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct gather {
	size_t window;		/* rank the newest this many */
	size_t count;		/* matches walked */
	int nphrase, ncol;
	double avgdl;		/* tokens in a row, on average */
	int64_t nrow;
	double *idf;		/* each phrase's weight, from its own walk when
				 * there are more than one */
	int64_t *id;		/* the rows in the window, newest first */
	double *len;		/* their length in tokens */
	double *freq;		/* and nphrase counts for each */
	size_t n, cap;
	int rc;
};

static int count_cb(const Fts5ExtensionApi *api, Fts5Context *fts, void *ctx)
{
	(void)api;
	(void)fts;
	(*(int64_t *)ctx)++;
	return SQLITE_OK;
}

static double idf_of(int64_t nrow, int64_t hits)
{
	double idf = log(((double)nrow - (double)hits + 0.5) / ((double)hits + 0.5));

	return idf <= 0.0 ? 1e-6 : idf;
}

/* The first match: what holds for the whole query (fts5Bm25GetData). */
static int gather_start(const Fts5ExtensionApi *api, Fts5Context *fts, struct gather *g)
{
	sqlite3_int64 nrow = 0, ntok = 0;
	int rc;

	g->nphrase = api->xPhraseCount(fts);
	g->ncol = api->xColumnCount(fts);
	g->idf = xcalloc((size_t)g->nphrase + 1, sizeof *g->idf);
	if ((rc = api->xRowCount(fts, &nrow)) != SQLITE_OK ||
	    (rc = api->xColumnTotalSize(fts, -1, &ntok)) != SQLITE_OK)
		return rc;
	g->nrow = nrow;
	g->avgdl = (double)ntok / (double)nrow;
	/* one phrase matches where the query does: its count is the walk's */
	for (int i = 0; g->nphrase > 1 && i < g->nphrase; i++) {
		int64_t hits = 0;
		if ((rc = api->xQueryPhrase(fts, i, &hits, count_cb)) != SQLITE_OK)
			return rc;
		g->idf[i] = idf_of(nrow, hits);
	}
	return SQLITE_OK;
}

static int gather_row(const Fts5ExtensionApi *api, Fts5Context *fts, struct gather *g)
{
	int rc, ninst = 0;
	double *freq;

	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 256;
		g->id = xrealloc(g->id, g->cap * sizeof *g->id);
		g->len = xrealloc(g->len, g->cap * sizeof *g->len);
		g->freq = xrealloc(g->freq, g->cap * (size_t)g->nphrase * sizeof *g->freq);
	}
	freq = g->freq + g->n * (size_t)g->nphrase;
	memset(freq, 0, (size_t)g->nphrase * sizeof *freq);
	if ((rc = api->xInstCount(fts, &ninst)) != SQLITE_OK)
		return rc;
	for (int i = 0; i < ninst; i++) {
		int ip, ic, io;
		if ((rc = api->xInst(fts, i, &ip, &ic, &io)) != SQLITE_OK)
			return rc;
		freq[ip] += 1.0;
	}
	g->id[g->n] = api->xRowid(fts);
	g->len[g->n] = -1;	/* read after the walk (lengths) */
	g->n++;
	return SQLITE_OK;
}

/* nb_gather(entry_fts, state): called for each match, newest first */
static void gather_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
		      int nval, sqlite3_value **val)
{
	struct gather *g = nval == 1 ? sqlite3_value_pointer(val[0], "nb_gather") : NULL;
	int rc = SQLITE_OK;

	if (!g) {
		sqlite3_result_error(ctx, "nb_gather: no state given", -1);
		return;
	}
	if (++g->count > g->window)
		return;
	if (g->count == 1)
		rc = gather_start(api, fts, g);
	if (rc == SQLITE_OK)
		rc = gather_row(api, fts, g);
	if (rc != SQLITE_OK)
		sqlite3_result_error_code(ctx, rc);
}

enum nb_err rank_ready(struct db *d, fts5_api *api, struct nb_error *err)
{
	if (api->xCreateFunction(api, "nb_gather", NULL, gather_fn, NULL) != SQLITE_OK)
		return nb_error_set(err, NB_EDB, "", "%s", "The search's ranking could not be made.");
	(void)d;
	return NB_OK;
}

int sq_varint(const unsigned char *p, int n, uint64_t *v)
{
	int k = 0;

	*v = 0;
	while (k < n && k < 9) {
		unsigned char b = p[k++];
		if (k == 9) {
			*v = (*v << 8) | b;
			break;
		}
		*v = (*v << 7) | (b & 0x7f);
		if (!(b & 0x80))
			return k;
	}
	return k == 9 ? 9 : 0;
}

static int by_id_desc(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x > y ? -1 : x < y;
}

/*
 * The length in tokens of each row in the window, as xColumnSize(-1) gives
 * it (the sum of its columns' counts in entry_fts_docsize), in one
 * statement: the rows from the oldest to the newest when they lie close
 * together, else the rows by their ids. Reading them one by one while
 * walking cost a statement each.
 */
static enum nb_err lengths(struct db *d, struct gather *g, struct nb_error *err)
{
	int64_t lo = g->id[g->n - 1], hi = g->id[0];
	bool range = (uint64_t)hi - (uint64_t)lo < 8 * (uint64_t)g->n + 16;
	struct nb_buf list = { 0 };
	sqlite3_stmt *st = sq_stmt(d, range ? S_SEARCH_SIZES_RANGE : S_SEARCH_SIZES, err);
	enum nb_err rc = NB_OK;
	int step;

	if (!st)
		return NB_EDB;
	if (range) {
		sqlite3_bind_int64(st, 1, lo);
		sqlite3_bind_int64(st, 2, hi);
	} else {
		for (size_t r = 0; r < g->n; r++) {
			buf_addc(&list, r ? ',' : '[');
			buf_addi(&list, g->id[r]);
		}
		buf_addc(&list, ']');
		sqlite3_bind_text(st, 1, list.s, (int)list.len, SQLITE_STATIC);
	}
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		const unsigned char *p = sqlite3_column_blob(st, 1);
		int n = sqlite3_column_bytes(st, 1), at = 0, k = 0;
		int64_t *row = bsearch(&id, g->id, g->n, sizeof *g->id, by_id_desc);
		uint64_t sum = 0, v;

		if (!row)
			continue;
		for (int c = 0; c < g->ncol; c++, at += k) {
			if (!p || !(k = sq_varint(p + at, n - at, &v))) {	/* no sizes: damaged */
				rc = nb_error_set(err, NB_EDB, "", "%s", "The search index is damaged: run nabij check.");
				break;
			}
			sum += v;
		}
		g->len[row - g->id] = (double)(int)sum;
	}
	if (!rc && step != SQLITE_DONE)
		rc = sq_error(d, err);
	sqlite3_reset(st);
	buf_free(&list);
	for (size_t r = 0; !rc && r < g->n; r++)
		if (g->len[r] < 0)
			rc = nb_error_set(err, NB_EDB, "", "%s", "The search index is damaged: run nabij check.");
	return rc;
}

struct scored {
	double rank;		/* bm25()'s value: lower is better */
	int64_t id;
};

static int by_rank(const void *a, const void *b)
{
	const struct scored *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

enum nb_err rank_search(struct db *d, const char *query, size_t window, size_t limit,
			int64_t **ids, size_t *n, size_t *total, bool *over, struct nb_error *err)
{
	const double k1 = 1.2, b = 0.75;	/* bm25()'s constants */
	struct gather g = { .window = window };
	sqlite3_stmt *st;
	struct scored *s;
	enum nb_err rc = NB_OK;
	int step;

	*ids = NULL;
	*n = *total = 0;
	*over = false;
	if (!(st = sq_stmt(d, S_SEARCH_WALK, err)))
		return NB_EDB;
	sqlite3_bind_pointer(st, 1, &g, "nb_gather", NULL);
	sqlite3_bind_text(st, 2, query, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, window < INT64_MAX ? (int64_t)window + 1 : -1);
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		;
	if (step != SQLITE_DONE)
		rc = sq_error(d, err);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (!rc && g.n)
		rc = lengths(d, &g, err);
	if (!rc && g.n) {
		/* the weight of the only phrase: bm25() counts all its matches,
		 * which are the walk's when it went to the end (else the score's
		 * order is the same for any weight: it is one factor of all) */
		if (g.nphrase == 1)
			g.idf[0] = idf_of(g.nrow, (int64_t)g.count);
		s = xmalloc(g.n * sizeof *s);
		for (size_t r = 0; r < g.n; r++) {
			const double *freq = g.freq + r * (size_t)g.nphrase;
			double score = 0.0;
			for (int i = 0; i < g.nphrase; i++)
				score += g.idf[i] * ((freq[i] * (k1 + 1.0)) /
						     (freq[i] + k1 * (1 - b + b * g.len[r] / g.avgdl)));
			s[r].rank = -1.0 * score;
			s[r].id = g.id[r];
		}
		qsort(s, g.n, sizeof *s, by_rank);
		*n = limit && limit < g.n ? limit : g.n;
		*ids = xmalloc(*n * sizeof **ids);
		for (size_t r = 0; r < *n; r++)
			(*ids)[r] = s[r].id;
		free(s);
		*over = g.count > g.window;
		*total = *over ? g.window : g.count;
	}
	free(g.idf);
	free(g.id);
	free(g.len);
	free(g.freq);
	return rc;
}
