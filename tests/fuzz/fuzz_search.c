/* Fuzz harness: search, the snippet cut from a record's own text (schema
 * 10, store/snippet.c) against FTS5's own snippet() of the same text in a
 * table that keeps it. The input is a person's search words, a newline,
 * and the note of a check-in; every hit's snippet must be FTS5's, byte for
 * byte, and every hit FTS5's, in its order. */
#include "canary.h"
#include "app/app.h"
#include "core/buf.h"
#include "core/field.h"
#include "core/xalloc.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct nb_app a = { .now = 1795201200 };
static sqlite3 *ref;
static int added;

static void fresh(void)
{
	struct nb_error err;

	if (a.store.ops)
		store_close(&a.store);
	if (ref)
		sqlite3_close(ref);
	if (local_open(":memory:", NULL, NB_LOCAL_WRITE, &a.store, &err) != NB_OK || sqlite3_open(":memory:", &ref) != SQLITE_OK ||
	    sqlite3_exec(ref, "CREATE VIRTUAL TABLE ref USING fts5(body, words, tokenize = 'unicode61 remove_diacritics 2')",
			 NULL, NULL, NULL) != SQLITE_OK)
		abort();
	added = 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nb_error err;
	struct nb_hits hits = { 0 };
	struct nb_buf t = { 0 }, w = { 0 }, fq = { 0 };
	struct nb_entry *e;
	sqlite3_stmt *st;
	char *in = xstrndup((const char *)data, size), *note = strchr(in, '\n'), *p;
	size_t k = 0;

	if (!note || !note[1]) {
		free(in);
		return 0;
	}
	*note++ = 0;
	if (!a.store.ops || added >= 64)	/* a few records at a time, each run anew */
		fresh();
	e = entry_new(NB_CHECKIN);
	e->u.checkin.mood = 3;
	e->u.checkin.note = xstrdup(note);
	fields_search_text(e, &t, &w);
	if (app_add(&a, e, &err) != NB_OK) {	/* a note refused (too long, not UTF-8) is not indexed */
		entry_free(e);
		goto out;
	}
	if (sqlite3_prepare_v2(ref, "INSERT INTO ref(rowid, body, words) VALUES (?, ?, ?)", -1, &st, NULL) != SQLITE_OK)
		abort();
	sqlite3_bind_int64(st, 1, e->id);
	sqlite3_bind_text(st, 2, t.s ? t.s : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, w.s ? w.s : "", -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		abort();
	sqlite3_finalize(st);
	entry_free(e);
	added++;
	for (p = in; *p;) {	/* the query as the store makes it (fts_query) */
		const char *start;
		while (*p && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\v' || *p == '\f' || *p == '\r' || *p == '"'))
			p++;
		start = p;
		while (*p && !(*p == ' ' || *p == '\t' || *p == '\n' || *p == '\v' || *p == '\f' || *p == '\r' || *p == '"'))
			p++;
		if (p > start)
			buf_addf(&fq, "%s\"%.*s\"*", fq.len ? " " : "", (int)(p - start), start);
	}
	if (!fq.s || app_search(&a, in, 0, &hits, &err) != NB_OK)
		goto out;
	if (sqlite3_prepare_v2(ref, "SELECT rowid, snippet(ref, 0, char(2), char(3), '…', 12) FROM ref"
			       " WHERE ref MATCH ? ORDER BY rank", -1, &st, NULL) != SQLITE_OK)
		abort();
	sqlite3_bind_text(st, 1, fq.s, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *want = (const char *)sqlite3_column_text(st, 1);
		if (k >= hits.n || hits.v[k].entry->id != sqlite3_column_int64(st, 0) ||
		    strcmp(want ? want : "", hits.v[k].snippet) != 0) {
			fprintf(stderr, "search %s: hit %zu differs from FTS5's\n  FTS5: %s\n  ours: %s\n", in, k,
				want ? want : "", k < hits.n ? hits.v[k].snippet : "(none)");
			abort();
		}
		CANARY(strlen(hits.v[k].snippet) > 40 && strchr(hits.v[k].snippet, '\x02') && k == 1);
		k++;
	}
	sqlite3_finalize(st);
	if (k != hits.n)
		abort();
out:
	hits_free(&hits);
	buf_free(&t);
	buf_free(&w);
	buf_free(&fq);
	free(in);
	return 0;
}
