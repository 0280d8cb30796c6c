/*
 * A period read from a store's summary per day (schema 2), the same for
 * every backend: the store steps its rows of day_summary and hands each
 * row's plain values to period_read_day; this module parses the packed
 * facts and fills the days for charts and trends, the outcomes, facts and
 * exercise sessions for the insights, and the counted terms.
 *
 * The packed facts of a day are "kind count term" (the kind one letter of
 * enum nb_fact_kind, the count a positive decimal number, one space, the
 * term), separated by U+001F; a session's term is "exercise before after".
 */
#ifndef NB_PERIOD_H
#define NB_PERIOD_H

#include "field.h"
#include "insight.h"
#include "series.h"

#include <stddef.h>
#include <stdint.h>

/*
 * The terms of the facts, each kept once for as long as the pool lives (a
 * store keeps one per connection): a few dozen distinct needs, kinds and
 * names over years of facts, so that equal terms share one pointer (the
 * insights compare them by it). Zeroed before its first use.
 */
#define NB_TERM_SLOTS 1024

struct nb_pool_term {
	char *s;
	size_t len;
	uint32_t hash;	/* FNV-1a of its bytes */
};

struct nb_term_pool {
	struct nb_pool_term *terms;
	size_t nterms;
	uint32_t slot[NB_TERM_SLOTS];	/* 1 + index into terms, 0 when free */
};

/* The term of n bytes at s, kept in pool (the pool owns it). */
const char *term_pool_intern(struct nb_term_pool *pool, const char *s, size_t n);
/* Free every term of pool; the pool may be used again. */
void term_pool_free(struct nb_term_pool *pool);

/*
 * A period as a store reads it. All arrays are the caller's (free with
 * period_free); the terms of the facts belong to the term pool it was read
 * with, that is to the store, and stay until it closes.
 */
struct nb_period {
	/* each day with any record, in day order: charts and trends */
	struct nb_day_stat *days;
	size_t ndays;
	struct nb_term_lists terms;
	/* for the insights: the outcomes of each day with a check-in, the
	 * facts of each day, and the exercise sessions with tension before
	 * and after (parallel arrays) */
	struct nb_day_outcome *outcomes;
	size_t noutcomes;
	struct nb_fact *facts;
	size_t nfacts;
	char **ex_ids;
	double *before, *after;
	size_t nsessions;
};

void period_free(struct nb_period *p);

struct nb_tally;

/* A period being read, with the room of its arrays and the running counts
 * of its terms; on the reader's stack, used only through the calls below.
 * The arrays grow from a little, doubled as they fill (two weeks for
 * today's page are 14 rows, ten years for the insights some 3,600, which
 * doubling reaches in a few steps). */
struct nb_period_reading {
	struct nb_term_pool *pool;
	struct nb_period *p;
	size_t dcap, ocap, fcap, scap;
	struct nb_tally *t[NB_TERMS__COUNT];
	size_t nt[NB_TERMS__COUNT];
};

/* Begin reading a period into out (emptied first), its terms kept in pool. */
void period_read_begin(struct nb_period_reading *r, struct nb_period *out, struct nb_term_pool *pool);
/*
 * One row of the summary, the rows in day order: the day ("YYYY-MM-DD"),
 * how many check-ins it had (an outcome when more than none), the means of
 * its measures (NAN when none was answered) and its packed facts (NULL or
 * "" when none). A fact that cannot be read is left out.
 */
void period_read_day(struct nb_period_reading *r, const char *day, int checkins,
		     const double v[NB_M__COUNT], const char *facts);
/* End the reading: the counted terms, most often first, into the period.
 * Also after a failed read, before period_free. */
void period_read_end(struct nb_period_reading *r);

/* Append the day (cut to a day key; NULL as "") with the means v and no
 * moments to *days (*n of them, room for *cap, grown as needed); returns
 * it. For the store op day_means, and for each row of a period. */
struct nb_day_stat *day_stats_add(struct nb_day_stat **days, size_t *n, size_t *cap,
				  const char *day, const double v[NB_M__COUNT]);

#endif
