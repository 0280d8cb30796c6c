/*
 * The snippet of a search hit, made from the record's own text. The search
 * index keeps no copy of the text (schema 10: a contentless FTS5 table), so
 * FTS5's snippet() has nothing to cut from; this is the same cut, made here
 * from the text the index was fed (fields_search_text): FTS5's own
 * tokenizer (unicode61, remove_diacritics 2, asked through its fts5_api)
 * splits the text and the query's words alike, a word of the query matches
 * where its tokens stand in a row (the last as the start of a word, as the
 * query's "*" says), and the choice of the window and the marking follow
 * fts5SnippetFunction and fts5HighlightCb of SQLite 3.51 (fts5_aux.c) step
 * by step, so the snippets are the ones snippet(entry_fts, 0, char(2),
 * char(3), '…', 12) gave. tests/unit/test_store.c holds both side by side.
 */
#include "db.h"
#include "core/buf.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* FTS5 cuts a longer token to this many bytes, in the index and in a query
 * (FTS5_MAX_TOKEN_SIZE) */
#define TOKEN_MAX 32768

struct tok {
	size_t s;		/* in the pool, as the tokenizer gives it (folded) */
	int n;
	int start, end;		/* its bytes in the text */
};

struct toks {
	struct tok *v;
	int n, cap;
	char *pool;		/* the tokens, one after the other */
	size_t used, room;
	const char *text;
};

struct phrase {
	struct toks t;		/* no tokens: a word of only marks matches nothing here */
};

struct snip_query {
	struct phrase *p;
	int n;
};

static int take(void *ctx, int flags, const char *token, int n, int start, int end)
{
	struct toks *t = ctx;

	if (flags & FTS5_TOKEN_COLOCATED)
		return SQLITE_OK;
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->v = xrealloc(t->v, (size_t)t->cap * sizeof *t->v);
	}
	if (n > TOKEN_MAX)
		n = TOKEN_MAX;
	if (t->used + (size_t)n > t->room) {
		t->room = (t->used + (size_t)n) * 2 + 256;
		t->pool = xrealloc(t->pool, t->room);
	}
	memcpy(t->pool + t->used, token, (size_t)n);
	t->v[t->n].s = t->used;
	t->used += (size_t)n;
	t->v[t->n].n = n;
	t->v[t->n].start = start;
	t->v[t->n].end = end;
	t->n++;
	return SQLITE_OK;
}

static void toks_free(struct toks *t)
{
	free(t->pool);
	free(t->v);
	memset(t, 0, sizeof *t);
}

/* The index's tokenizer, made once per connection from FTS5's own, and
 * the search's ranking (rank.c) given to FTS5. */
enum nb_err snip_ready(struct db *d, struct nb_error *err)
{
	static const char *const args[] = { "remove_diacritics", "2" };
	fts5_api *api = NULL;
	sqlite3_stmt *st;
	void *user = NULL;

	if (d->tok)
		return NB_OK;
	if (sqlite3_prepare_v2(d->h, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return sq_error(d, err);
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (!api || api->xFindTokenizer(api, "unicode61", &user, &d->tk) != SQLITE_OK ||
	    d->tk.xCreate(user, (const char **)args, 2, &d->tok) != SQLITE_OK) {
		d->tok = NULL;
		return nb_error_set(err, NB_EDB, "", "%s", "FTS5's tokenizer unicode61 is not there.");
	}
	return rank_ready(d, api, err);
}

static enum nb_err split(struct db *d, int flags, const char *s, int n, struct toks *out,
			 struct nb_error *err)
{
	out->text = s;
	if (d->tk.xTokenize(d->tok, out, flags, s, n, take) != SQLITE_OK)
		return nb_error_set(err, NB_EDB, "", "%s", "The search words could not be split.");
	return NB_OK;
}

/* How many words FTS5 counts in text, as its _docsize row keeps them. */
enum nb_err snip_count(struct db *d, const char *text, int *n, struct nb_error *err)
{
	struct toks t = { 0 };
	enum nb_err rc;

	*n = 0;
	if ((rc = snip_ready(d, err)) || (rc = split(d, FTS5_TOKENIZE_DOCUMENT, text, (int)strlen(text), &t, err)))
		return rc;
	*n = t.n;
	toks_free(&t);
	return NB_OK;
}

void snip_query_free(struct snip_query *q)
{
	if (!q)
		return;
	for (int i = 0; i < q->n; i++)
		toks_free(&q->p[i].t);
	free(q->p);
	free(q);
}

/* The phrases of a person's words as fts_query (sqlite.c) makes them:
 * each run of characters between spaces and double quotes, in order. */
enum nb_err snip_query_new(struct db *d, const char *words, struct snip_query **out,
			   struct nb_error *err)
{
	struct snip_query *q;
	const char *p = words, *start;
	size_t n;
	enum nb_err rc;

	*out = NULL;
	if ((rc = snip_ready(d, err)))
		return rc;
	q = xcalloc(1, sizeof *q);
	while ((start = sq_next_word(&p, &n))) {	/* the words as the query has them */
		q->p = xrealloc(q->p, (size_t)(q->n + 1) * sizeof *q->p);
		memset(&q->p[q->n], 0, sizeof q->p[q->n]);
		if ((rc = split(d, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX, start, (int)n,
				&q->p[q->n++].t, err))) {
			snip_query_free(q);
			return rc;
		}
	}
	*out = q;
	return NB_OK;
}

/* Whether phrase ph stands at token i of doc: every token the same, the
 * last the start of one (the query's "*"). */
static bool at(const struct toks *doc, int i, const struct phrase *ph)
{
	const struct toks *t = &ph->t;

	if (t->n == 0 || i + t->n > doc->n)
		return false;
	for (int j = 0; j < t->n; j++) {
		const struct tok *a = &doc->v[i + j], *b = &t->v[j];
		if (j == t->n - 1 ? a->n < b->n : a->n != b->n)
			return false;
		if (memcmp(doc->pool + a->s, t->pool + b->s, (size_t)b->n) != 0)
			return false;
	}
	return true;
}

/* A match of a phrase (xInst): in the order FTS5 gives them, by position
 * and then by phrase. */
struct inst {
	int phrase, pos;
};

struct cinst {		/* CInstIter: overlapping matches as one */
	const struct inst *v;
	const struct snip_query *q;
	int n, i;
	int start, end;
};

static void cinst_next(struct cinst *c)
{
	c->start = c->end = -1;
	while (c->i < c->n) {
		const struct inst *in = &c->v[c->i];
		int end = in->pos - 1 + c->q->p[in->phrase].t.n;
		if (c->start < 0) {
			c->start = in->pos;
			c->end = end;
		} else if (in->pos <= c->end) {
			if (end > c->end)
				c->end = end;
		} else {
			break;
		}
		c->i++;
	}
}

/* fts5SnippetScore */
static int score(const struct inst *v, int n, const struct snip_query *q, int ndoc, unsigned char *seen,
		 int pos, int ntok, int *adj)
{
	int first = -1, last = 0, s = 0;
	long long end = (long long)pos + ntok;

	for (int i = 0; i < n; i++)
		if (v[i].pos >= pos && v[i].pos < end) {
			s += seen[v[i].phrase] ? 1 : 1000;
			seen[v[i].phrase] = 1;
			if (first < 0)
				first = v[i].pos;
			last = v[i].pos + q->p[v[i].phrase].t.n;
		}
	if (adj) {
		long long a = first - (ntok - (last - first)) / 2;
		if (a + ntok > ndoc)
			a = ndoc - ntok;
		if (a < 0)
			a = 0;
		*adj = (int)a;
	}
	return s;
}

struct mark {		/* HighlightContext */
	int range_start, range_end;
	const char *in;
	struct cinst it;
	int pos, off;
	bool open;
	struct nb_buf out;
};

/* fts5HighlightCb, for the token t */
static void mark_token(struct mark *m, const struct tok *t)
{
	int pos = m->pos++;

	if (pos < m->range_start || pos > m->range_end)
		return;
	if (m->range_start && pos == m->range_start)
		m->off = t->start;
	if (m->open && (pos <= m->it.start || m->it.start < 0) && t->start > m->off) {
		buf_addc(&m->out, '\x03');
		m->open = false;
	}
	if (pos == m->it.start && !m->open) {
		buf_addn(&m->out, m->in + m->off, (size_t)(t->start - m->off));
		buf_addc(&m->out, '\x02');
		m->off = t->start;
		m->open = true;
	}
	if (pos == m->it.end) {
		if (!m->open) {
			buf_addc(&m->out, '\x02');
			m->open = true;
		}
		buf_addn(&m->out, m->in + m->off, (size_t)(t->end - m->off));
		m->off = t->end;
		cinst_next(&m->it);
	}
	if (pos == m->range_end) {
		if (m->open) {
			if (m->it.start >= 0 && pos >= m->it.start) {
				buf_addn(&m->out, m->in + m->off, (size_t)(t->end - m->off));
				m->off = t->end;
			}
			buf_addc(&m->out, '\x03');
			m->open = false;
		}
		buf_addn(&m->out, m->in + m->off, (size_t)(t->end - m->off));
		m->off = t->end;
	}
}

/*
 * The snippet of text for q: at most ntok tokens around the best window of
 * matches, the matches between \x02 and \x03, ellipsis where text was
 * left out (fts5SnippetFunction for one column). The caller frees it.
 */
char *snip_make(struct db *d, const struct snip_query *q, const char *text, int ntok, const char *ellipsis)
{
	struct toks doc = { 0 };
	struct inst *v = NULL;
	int n = 0, *first = NULL, nfirst = 0;
	int best_start = 0, best_score = 0;
	unsigned char *seen = xcalloc((size_t)q->n + 1, 1);
	struct mark m = { 0 };
	struct nb_error err = { 0 };

	if (split(d, FTS5_TOKENIZE_DOCUMENT, text, (int)strlen(text), &doc, &err)) {
		free(seen);
		return xstrdup("");
	}
	/* the matches, and the first token of each sentence (fts5SentenceFinderCb) */
	first = xmalloc(((size_t)doc.n + 1) * sizeof *first);
	for (int i = 0; i < doc.n; i++) {
		if (i == 0) {
			first[nfirst++] = 0;
		} else {
			int k;
			char c = 0;
			for (k = doc.v[i].start - 1; k >= 0; k--) {
				c = text[k];
				if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
					break;
			}
			if (k != doc.v[i].start - 1 && (c == '.' || c == ':'))
				first[nfirst++] = i;
		}
		for (int p = 0; p < q->n; p++)
			if (at(&doc, i, &q->p[p])) {
				v = xrealloc(v, (size_t)(n + 1) * sizeof *v);
				v[n].phrase = p;
				v[n].pos = i;
				n++;
			}
	}
	for (int ii = 0; ii < n; ii++) {
		int io = v[ii].pos, adj, s, jj;

		memset(seen, 0, (size_t)q->n + 1);
		s = score(v, n, q, doc.n, seen, io, ntok, &adj);
		if (s > best_score) {
			best_score = s;
			best_start = adj;
		}
		if (nfirst && doc.n > ntok) {
			for (jj = 0; jj < nfirst - 1; jj++)
				if (first[jj + 1] > io)
					break;
			if (first[jj] < io) {
				memset(seen, 0, (size_t)q->n + 1);
				s = score(v, n, q, doc.n, seen, first[jj], ntok, NULL);
				s += first[jj] == 0 ? 120 : 100;
				if (s > best_score) {
					best_score = s;
					best_start = first[jj];
				}
			}
		}
	}
	m.in = text;
	m.range_start = best_start;
	m.range_end = best_start + ntok - 1;
	m.it.v = v;
	m.it.n = n;
	m.it.q = q;
	cinst_next(&m.it);
	if (best_start > 0)
		buf_add(&m.out, ellipsis);
	while (m.it.start >= 0 && m.it.start < best_start)
		cinst_next(&m.it);
	for (int i = 0; i < doc.n; i++)
		mark_token(&m, &doc.v[i]);
	if (m.open)
		buf_addc(&m.out, '\x03');
	if (m.range_end >= doc.n - 1)
		buf_add(&m.out, text + m.off);
	else
		buf_add(&m.out, ellipsis);
	toks_free(&doc);
	free(v);
	free(first);
	free(seen);
	return m.out.s ? buf_detach(&m.out) : (buf_free(&m.out), xstrdup(""));
}
