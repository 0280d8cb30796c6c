/*
 * The reading of a period from the rows of a summary per day, whatever the
 * backend that keeps them: the store steps its rows and reads their
 * columns, this file parses the packed facts, interns their terms and
 * fills the days, outcomes, facts, sessions and counted terms (see
 * period.h). It is on the path of the insights over years of records, so
 * it counts and parses by hand and grows its arrays by doubling.
 */
#include "period.h"
#include "time.h"
#include "xalloc.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* The first n bytes of src into dst of size bytes, cut to fit. */
static void copy_span(char *dst, size_t size, const char *src, size_t n)
{
	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = 0;
}

/* term_pool_intern, inlined where the facts are read: found again by
 * its hash and length before its bytes are compared */
static inline const char *intern(struct nb_term_pool *pool, const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t slot;
	char *t;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	for (slot = h % NB_TERM_SLOTS; pool->slot[slot]; slot = (slot + 1) % NB_TERM_SLOTS) {
		const struct nb_pool_term *u = &pool->terms[pool->slot[slot] - 1];
		if (u->hash == h && u->len == n && memcmp(u->s, s, n) == 0)
			return u->s;
	}
	t = xmalloc(n + 1);
	copy_span(t, n + 1, s, n);
	pool->terms = xrealloc(pool->terms, (pool->nterms + 1) * sizeof *pool->terms);
	pool->terms[pool->nterms++] = (struct nb_pool_term){ .s = t, .len = n, .hash = h };
	if (pool->nterms < NB_TERM_SLOTS / 2)	/* beyond that, kept but not found again */
		pool->slot[slot] = (uint32_t)pool->nterms;
	return t;
}

const char *term_pool_intern(struct nb_term_pool *pool, const char *s, size_t n)
{
	return intern(pool, s, n);
}

void term_pool_free(struct nb_term_pool *pool)
{
	for (size_t i = 0; i < pool->nterms; i++)
		free(pool->terms[i].s);
	free(pool->terms);
	memset(pool, 0, sizeof *pool);
}

/* A count summed in 64 bits, held at INT_MAX once summed: the counts of a
 * damaged summary (each up to INT_MAX) may not overflow an int. */
static int held(long long n)
{
	return n > INT_MAX ? INT_MAX : (int)n;
}

/* A term's running count in one list of a period. */
struct nb_tally {
	const char *term;	/* interned */
	long long n;
};

static int by_count(const void *a, const void *b)
{
	const struct nb_tally *x = a, *y = b;

	return x->n != y->n ? (x->n < y->n ? 1 : -1) : strcmp(x->term, y->term);
}

static void tally(struct nb_period_reading *r, int list, const char *term, int n)
{
	size_t i = 0;

	while (i < r->nt[list] && r->t[list][i].term != term)
		i++;
	if (i == r->nt[list]) {
		r->t[list] = xrealloc(r->t[list], (r->nt[list] + 1) * sizeof *r->t[list]);
		r->t[list][r->nt[list]++] = (struct nb_tally){ term, 0 };
	}
	r->t[list][i].n += n;
}

static void add_fact(struct nb_period_reading *r, int day, char kind, const char *term)
{
	struct nb_period *p = r->p;

	if (p->nfacts == r->fcap) {
		r->fcap = r->fcap ? r->fcap * 2 : 64;
		p->facts = xrealloc(p->facts, r->fcap * sizeof *p->facts);
	}
	p->facts[p->nfacts++] = (struct nb_fact){ .day = day, .kind = kind, .term = term };
}

/* n sessions of "exercise before after". */
static void add_sessions(struct nb_period_reading *r, const char *text, size_t len, long n)
{
	struct nb_period *p = r->p;
	char ex[32], *end;
	const char *sp = memchr(text, ' ', len);
	long before, after;

	if (!sp || (size_t)(sp - text) >= sizeof ex)
		return;
	copy_span(ex, sizeof ex, text, (size_t)(sp - text));
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
 * One fact of a day, "kind count term" (len bytes at s), into the facts of
 * the insights and the counted lists; returns the moments it adds to the
 * day.
 */
static int add_entry(struct nb_period_reading *r, int day, const char *s, size_t len)
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
	term = intern(r->pool, end + 1, len);
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

struct nb_day_stat *day_stats_add(struct nb_day_stat **days, size_t *n, size_t *cap,
				  const char *day, const double v[NB_M__COUNT])
{
	struct nb_day_stat *ds;
	size_t len = 0;

	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*days = xrealloc(*days, *cap * sizeof **days);
	}
	ds = &(*days)[(*n)++];
	while (day && len < NB_DAY_LEN - 1 && day[len])
		len++;
	memcpy(ds->day, day ? day : "", len);
	ds->day[len] = 0;
	memcpy(ds->v, v, sizeof ds->v);
	ds->moments = 0;
	return ds;
}

void period_read_begin(struct nb_period_reading *r, struct nb_period *out, struct nb_term_pool *pool)
{
	memset(out, 0, sizeof *out);
	*r = (struct nb_period_reading){ .pool = pool, .p = out };
}

void period_read_day(struct nb_period_reading *r, const char *day, int checkins,
		     const double v[NB_M__COUNT], const char *facts)
{
	struct nb_period *p = r->p;
	int n = nb_day_number(day);
	struct nb_day_stat *ds = day_stats_add(&p->days, &p->ndays, &r->dcap, day, v);
	long long moments = 0;

	if (checkins > 0) {
		struct nb_day_outcome *o;
		if (p->noutcomes == r->ocap) {
			r->ocap = r->ocap ? r->ocap * 2 : 16;
			p->outcomes = xrealloc(p->outcomes, r->ocap * sizeof *p->outcomes);
		}
		o = &p->outcomes[p->noutcomes++];
		o->day = n;
		memcpy(o->v, ds->v, sizeof o->v);
	}
	while (facts && *facts) {
		size_t len = (size_t)(strchrnul(facts, '\x1f') - facts);
		if (len)
			moments += add_entry(r, n, facts, len);
		facts += len + (facts[len] != 0);
	}
	ds->moments = held(moments);
}

void period_read_end(struct nb_period_reading *r)
{
	struct nb_period *out = r->p;

	for (int l = 0; l < NB_TERMS__COUNT; l++) {
		if (r->nt[l])
			qsort(r->t[l], r->nt[l], sizeof *r->t[l], by_count);
		for (size_t i = 0; i < r->nt[l] && i < NB_TERMS_MAX; i++) {
			struct nb_term_count *c = &out->terms.v[l][i];
			copy_span(c->term, sizeof c->term, r->t[l][i].term, strlen(r->t[l][i].term));
			c->n = held(r->t[l][i].n);
			out->terms.n[l]++;
		}
		free(r->t[l]);
		r->t[l] = NULL;
		r->nt[l] = 0;
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
