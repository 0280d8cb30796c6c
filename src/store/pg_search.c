/*
 * The words of the hosted store's search, made in C so that PostgreSQL
 * sees the same words the SQLite store's FTS5 index sees: a record's text
 * and a person's words are split into words the same way (letters and
 * digits; FTS5's unicode61), folded to lower case without diacritics
 * (remove_diacritics: "rivér" finds "river"), and written back separated
 * by spaces, so that PostgreSQL's parser has nothing left to split
 * otherwise (it would read "06-12345678" as a number with a sign). Each
 * word of a search matches as the start of a word, as FTS5's "word"*
 * does; the stemmed words of the record's language come on top
 * (pg_records.c).
 *
 * The snippet of a hit is cut here from the record's own text: the twelve
 * words around the most words of the search, each match between \x02 and
 * \x03, "…" where the text goes on.
 */
#include "pg.h"
#include "core/buf.h"
#include "core/xalloc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* U+00C0 to U+017F without their marks, in lower case ('.': not a letter) */
static const char latin[] =
	"aaaaaaaceeeeiiiidnooooo.ouuuuytsaaaaaaaceeeeiiiidnooooo.ouuuuyty"
	"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll"
	"lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/* The length of the UTF-8 character at s (1 for a stray byte): valid as
 * PostgreSQL takes it (shortest form, no surrogates, at most U+10FFFF), or
 * a byte that is no word's, so that no word sent holds what it refuses. */
static size_t char_len(const unsigned char *s)
{
	static const unsigned least[] = { 0, 0, 0x80, 0x800, 0x10000 };
	size_t n = *s >= 0xf8 ? 1 : *s >= 0xf0 ? 4 : *s >= 0xe0 ? 3 : *s >= 0xc0 ? 2 : 1;
	unsigned cp = n == 4 ? *s & 0x07u : n == 3 ? *s & 0x0fu : *s & 0x1fu;

	if (n == 1)
		return 1;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 1;
		cp = cp << 6 | (s[i] & 0x3fu);
	}
	if (cp < least[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 1;
	return n;
}

/* Whether the character at s of n bytes is part of a word: a letter or a
 * digit of ASCII, or a character past it but for the punctuation of
 * Latin-1 (U+0080 to U+00BF, U+00D7, U+00F7) and of U+2000 to U+206F. */
static bool in_word(const unsigned char *s, size_t n)
{
	unsigned cp;

	if (n == 1)
		return *s < 0x80 && isalnum(*s);
	if (n == 2) {
		cp = (unsigned)(s[0] & 0x1f) << 6 | (s[1] & 0x3f);
		return cp >= 0xc0 && cp != 0xd7 && cp != 0xf7;
	}
	if (n == 3) {
		cp = (unsigned)(s[0] & 0x0f) << 12 | (unsigned)(s[1] & 0x3f) << 6 | (s[2] & 0x3f);
		return !(cp >= 0x2000 && cp <= 0x206f) && cp != 0x3000 && cp != 0xfeff;
	}
	return true;
}

/* The character at s of n bytes, folded, onto out. */
static void fold_char(const unsigned char *s, size_t n, struct nb_buf *out)
{
	if (n == 1) {
		buf_addc(out, (char)tolower(*s));
		return;
	}
	if (n == 2) {
		unsigned cp = (unsigned)(s[0] & 0x1f) << 6 | (s[1] & 0x3f);

		if (cp >= 0xc0 && cp < 0x180 && latin[cp - 0xc0] != '.') {
			buf_addc(out, latin[cp - 0xc0]);
			if (cp == 0xdf)	/* ß */
				buf_addc(out, 's');
			return;
		}
	}
	buf_addn(out, (const char *)s, n);
}

/* The next word of text at *p: its bytes from *start for *n; false at the
 * end. */
static bool next_word(const char **p, const char **start, size_t *n)
{
	const unsigned char *s = (const unsigned char *)*p;
	size_t k;

	while (*s && !in_word(s, char_len(s)))
		s += char_len(s);
	if (!*s) {
		*p = (const char *)s;
		return false;
	}
	*start = (const char *)s;
	while (*s && in_word(s, (k = char_len(s))))
		s += k;
	*n = (size_t)((const char *)s - *start);
	*p = (const char *)s;
	return true;
}

static void fold_span(const char *s, size_t n, struct nb_buf *out)
{
	const unsigned char *u = (const unsigned char *)s, *end = u + n;

	while (u < end) {
		size_t k = char_len(u);

		fold_char(u, k, out);
		u += k;
	}
}

void pg_words(const char *text, struct nb_buf *out)
{
	const char *p = text, *start;
	size_t n;

	while (next_word(&p, &start, &n)) {
		if (out->len)
			buf_addc(out, ' ');
		fold_span(start, n, out);
	}
}

char *pg_query_text(const char *words)
{
	struct nb_buf folded = { 0 }, q = { 0 };
	const char *p, *start;
	size_t n;

	pg_words(words ? words : "", &folded);
	p = folded.s ? folded.s : "";
	while (next_word(&p, &start, &n)) {
		buf_add(&q, q.len ? " & '" : "'");
		buf_addn(&q, start, n);
		buf_add(&q, "':*");
	}
	buf_free(&folded);
	return q.len ? buf_detach(&q) : (buf_free(&q), NULL);
}

struct word {
	size_t start, end;	/* its bytes in the text */
	bool hit;
	int which;		/* the word of the search it matches, or -1 */
};

char *pg_snippet(const char *text, const char *words, int ntok)
{
	struct nb_buf folded = { 0 }, one = { 0 }, out = { 0 };
	const char *p = text, *start, **q = NULL;
	size_t n, *qlen = NULL;
	struct word *w = NULL;
	int nw = 0, nq = 0, best = 0, best_score = -1;

	pg_words(words ? words : "", &folded);
	for (const char *f = folded.s ? folded.s : ""; next_word(&f, &start, &n); nq++) {
		q = xrealloc(q, (size_t)(nq + 1) * sizeof *q);
		qlen = xrealloc(qlen, (size_t)(nq + 1) * sizeof *qlen);
		q[nq] = start;
		qlen[nq] = n;
	}
	while (next_word(&p, &start, &n)) {
		w = xrealloc(w, (size_t)(nw + 1) * sizeof *w);
		w[nw] = (struct word){ (size_t)(start - text), (size_t)(start - text) + n, false, -1 };
		buf_reset(&one);
		fold_span(start, n, &one);
		for (int i = 0; i < nq && one.s; i++)
			if (one.len >= qlen[i] && memcmp(one.s, q[i], qlen[i]) == 0) {
				w[nw].hit = true;
				w[nw].which = i;
				break;
			}
		nw++;
	}
	/* the window of ntok words with the most different words of the search */
	for (int s = 0; s == 0 || s + ntok <= nw; s++) {
		int score = 0;
		unsigned long long seen = 0;

		for (int i = s; i < s + ntok && i < nw; i++)
			if (w[i].hit && !(seen & (1ull << (w[i].which % 64)))) {
				seen |= 1ull << (w[i].which % 64);
				score += 1000;
			} else if (w[i].hit) {
				score++;
			}
		if (score > best_score) {
			best_score = score;
			best = s;
		}
	}
	if (nw) {
		int end = best + ntok < nw ? best + ntok : nw;
		size_t at = best ? w[best].start : 0;

		if (best)
			buf_add(&out, "…");
		for (int i = best; i < end; i++) {
			buf_addn(&out, text + at, w[i].start - at);
			if (w[i].hit)
				buf_addc(&out, '\x02');
			buf_addn(&out, text + w[i].start, w[i].end - w[i].start);
			if (w[i].hit)
				buf_addc(&out, '\x03');
			at = w[i].end;
		}
		if (end < nw)
			buf_add(&out, "…");
		else
			buf_add(&out, text + at);
	}
	buf_free(&folded);
	buf_free(&one);
	free(q);
	free(qlen);
	free(w);
	return out.len ? buf_detach(&out) : xstrdup("");
}
