/* Parsers for field values people type; see parse.h. */
#include "parse.h"
#include "i18n.h"
#include "xalloc.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *trim_dup(const char *s)
{
	size_t n;

	if (!s)
		return NULL;
	while (isspace((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	return n ? xstrndup(s, n) : NULL;
}

static bool is_none(const char *s)
{
	char *t = trim_dup(s);
	bool none = !t || strcmp(t, "-") == 0 || strcmp(t, "none") == 0;

	free(t);
	return none;
}

/* A whole decimal number filling all of s (after trimming), within int. */
static bool whole_number(const char *s, long *v)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	if (!isdigit((unsigned char)*s) && !((*s == '-' || *s == '+') && isdigit((unsigned char)s[1])))
		return false;
	errno = 0;
	*v = strtol(s, &end, 10);
	while (isspace((unsigned char)*end))
		end++;
	return !errno && *end == '\0' && *v >= -1000000000L && *v <= 1000000000L;
}

enum nb_err parse_scale(const char *field, const char *s, int lo, int hi,
			int *out, struct nb_error *err)
{
	long v;

	if (is_none(s)) {
		*out = 0;
		return NB_OK;
	}
	if (!whole_number(s, &v) || v < lo || v > hi)
		return nb_error_set(err, NB_EINVAL, field,
				    _("%s must be a whole number from %d to %d (you gave \"%s\")."),
				    field_label(field), lo, hi, nb_shown(s));
	*out = (int)v;
	return NB_OK;
}

enum nb_err parse_sleep(const char *s, int *minutes, struct nb_error *err)
{
	int h = 0, m = 0, frac = 0, fd = 0, n = 0;
	const char *p = s;

	if (is_none(s)) {
		*minutes = -1;
		return NB_OK;
	}
	while (isspace((unsigned char)*p))
		p++;
	while (isdigit((unsigned char)*p) && n < 3) {
		h = h * 10 + (*p++ - '0');
		n++;
	}
	if (!n)
		goto bad;
	if (*p == ':') {
		p++;
		if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]))
			goto bad;
		m = (p[0] - '0') * 10 + (p[1] - '0');
		p += 2;
		if (m > 59)
			goto bad;
	} else if (*p == '.' || *p == ',') {
		p++;
		while (isdigit((unsigned char)*p) && fd < 2) {
			frac = frac * 10 + (*p++ - '0');
			fd++;
		}
		if (!fd)
			goto bad;
		m = fd == 1 ? frac * 6 : (frac * 60 + 50) / 100;
	}
	while (isspace((unsigned char)*p))
		p++;
	if (*p || h * 60 + m > 24 * 60)
		goto bad;
	*minutes = h * 60 + m;
	return NB_OK;
bad:
	return nb_error_set(err, NB_EINVAL, "sleep-hours",
			    _("%s must be a number of hours from 0 to 24, like 7.5 or 7:30 (you gave \"%s\")."),
			    field_label("sleep-hours"), nb_shown(s));
}

/* The seconds a unit word stands for (English and Dutch), 0 when none. */
static long unit_seconds(const char *w, size_t n)
{
	static const struct {
		const char *word;
		long seconds;
	} units[] = {
		{ "s", 1 }, { "sec", 1 }, { "secs", 1 }, { "second", 1 }, { "seconds", 1 },
		{ "seconde", 1 }, { "seconden", 1 }, { "sec.", 1 },
		{ "m", 60 }, { "min", 60 }, { "mins", 60 }, { "minute", 60 }, { "minutes", 60 },
		{ "minuut", 60 }, { "minuten", 60 }, { "min.", 60 }, { "minuutjes", 60 },
		{ "secondje", 1 }, { "secondjes", 1 }, { "tellen", 1 },
		{ "h", 3600 }, { "hr", 3600 }, { "hrs", 3600 }, { "hour", 3600 }, { "hours", 3600 },
		{ "u", 3600 }, { "uur", 3600 }, { "uren", 3600 }, { "uurtje", 3600 }, { "uurtjes", 3600 },
		{ "kwartier", 900 }, { "kwartiertje", 900 }, { "halfuur", 1800 }, { "halfuurtje", 1800 },
	};

	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (strlen(units[i].word) == n && strncmp(units[i].word, w, n) == 0)
			return units[i].seconds;
	return 0;
}

/* Phrases people use for a length of time, without a number. */
static long phrase_seconds(const char *s)
{
	static const struct {
		const char *words;
		long seconds;
	} phrases[] = {
		{ "a few seconds", 5 }, { "een paar seconden", 5 }, { "even", 10 }, { "a moment", 10 },
		{ "a minute", 60 }, { "one minute", 60 }, { "een minuut", 60 }, { "minuutje", 60 },
		{ "een minuutje", 60 },
		{ "a few minutes", 180 }, { "een paar minuten", 180 }, { "paar minuten", 180 },
		{ "a couple of minutes", 120 }, { "een kwartier", 900 }, { "a quarter of an hour", 900 },
		{ "half an hour", 1800 }, { "een half uur", 1800 }, { "half uur", 1800 },
		{ "an hour", 3600 }, { "een uur", 3600 }, { "an hour and a half", 5400 },
		{ "anderhalf uur", 5400 }, { "een moment", 10 }, { "een momentje", 10 }, { "a little while", 300 },
		{ "half a minute", 30 }, { "een halve minuut", 30 }, { "halve minuut", 30 },
		{ "a few hours", 10800 }, { "een paar uur", 10800 }, { "a couple of hours", 7200 },
	};

	for (size_t i = 0; i < sizeof phrases / sizeof phrases[0]; i++)
		if (strcmp(phrases[i].words, s) == 0)
			return phrases[i].seconds;
	return 0;
}

/*
 * Number words, up to NB_DURATION_WORD_MAX, as people write them in a
 * length of time. A compound is read whole, in its own language's order:
 * English "twenty-five", "twentyfive" (and, as two words, "twenty five");
 * Dutch "vijfentwintig", "vijf-en-twintig", "tweeëntwintig" and
 * "tweeentwintig" (and, as three words, "vijf en twintig").
 */
enum lang { LANG_EN = 1, LANG_NL = 2 };
static const char *const en_small[20] = { "zero", "one", "two", "three", "four", "five", "six",
	"seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
	"sixteen", "seventeen", "eighteen", "nineteen" };
static const char *const nl_small[20] = { "nul", "één", "twee", "drie", "vier", "vijf", "zes",
	"zeven", "acht", "negen", "tien", "elf", "twaalf", "dertien", "veertien", "vijftien",
	"zestien", "zeventien", "achttien", "negentien" };
static const char *const en_tens[8] = { "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
	"eighty", "ninety" };
static const char *const nl_tens[8] = { "twintig", "dertig", "veertig", "vijftig", "zestig",
	"zeventig", "tachtig", "negentig" };
static const char *const nl_one[] = { "een", "eén", "één" };	/* 1, with and without accents */

static bool word_is(const char *w, size_t n, const char *word)
{
	return strlen(word) == n && strncmp(w, word, n) == 0;
}

/* The Dutch unit 1 to 9 that w[0..n) is, or -1. */
static int nl_unit(const char *w, size_t n)
{
	for (size_t i = 0; i < sizeof nl_one / sizeof nl_one[0]; i++)
		if (word_is(w, n, nl_one[i]))
			return 1;
	for (int u = 2; u <= 9; u++)
		if (word_is(w, n, nl_small[u]))
			return u;
	return -1;
}

/* The number that the word w[0..n) is, and its language, or -1. */
static int number_word(const char *w, size_t n, enum lang *lang)
{
	for (int i = 0; i < 20; i++) {
		if (word_is(w, n, en_small[i]))
			return *lang = LANG_EN, i;
		if (word_is(w, n, nl_small[i]) || (i == 1 && nl_unit(w, n) == 1))
			return *lang = LANG_NL, i;
	}
	for (int t = 0; t < 8; t++) {
		size_t k = strlen(en_tens[t]);
		if (n >= k && strncmp(w, en_tens[t], k) == 0) {	/* twenty, twenty-five, twentyfive */
			const char *r = w + k;
			size_t rn = n - k;
			if (!rn)
				return *lang = LANG_EN, 20 + 10 * t;
			if (*r == '-')
				r++, rn--;
			for (int u = 1; u <= 9; u++)
				if (word_is(r, rn, en_small[u]))
					return *lang = LANG_EN, 20 + 10 * t + u;
		}
		k = strlen(nl_tens[t]);
		if (n >= k && strncmp(w + n - k, nl_tens[t], k) == 0) {	/* twintig, vijf(-)en(-)twintig */
			size_t hn = n - k;
			int u;
			if (!hn)
				return *lang = LANG_NL, 20 + 10 * t;
			if (w[hn - 1] == '-')
				hn--;
			if (hn >= 2 && strncmp(w + hn - 2, "en", 2) == 0 && !(hn >= 3 && w[hn - 3] == '\xc3'))
				hn -= 2;
			else if (hn >= 3 && strncmp(w + hn - 3, "\xc3\xabn", 3) == 0)	/* ën */
				hn -= 3;
			else
				continue;
			if (hn && w[hn - 1] == '-')
				hn--;
			/* "ën" is written after an e (tweeëntwintig), and understood after any unit */
			if ((u = nl_unit(w, hn)) > 0)
				return *lang = LANG_NL, 20 + 10 * t + u;
		}
	}
	return -1;
}

/* What the words of a duration are read as. */
enum tok_kind { TOK_NUM, TOK_UNIT, TOK_AND, TOK_TO, TOK_OF, TOK_HALF };
struct tok {
	enum tok_kind kind;
	double v;		/* a number's value, a unit's seconds */
	int word;		/* the written word it came from */
	enum lang lang;		/* of a number word or "and"/"en"; 0 for digits */
	bool whole;		/* the token is its whole word */
	bool needs_unit;	/* "een", "a": only before a unit */
	bool colon;		/* "1:30": minutes (or hours) and a part */
};
#define MAX_TOKS (NB_DURATION_WORDS * 4)

struct reading {
	long seconds;
	bool too_many;			/* more than NB_DURATION_WORDS words */
	char bad[4 * (NB_SHOWN_MAX + 8)];	/* the words not understood, quoted, as typed */
};

/* "1:30": a whole number, a colon, two digits under 60; v in the unit before the colon. */
static bool colon_number(const char *w, size_t n, double *v)
{
	const char *c = memchr(w, ':', n);
	long whole = 0;

	if (!c || c == w || n - (size_t)(c - w) != 3 || c - w > 6)
		return false;
	for (const char *p = w; p < c; p++) {
		if (!isdigit((unsigned char)*p))
			return false;
		whole = whole * 10 + (*p - '0');
	}
	if (!isdigit((unsigned char)c[1]) || !isdigit((unsigned char)c[2]) || c[1] > '5')
		return false;
	*v = (double)whole + ((c[1] - '0') * 10 + (c[2] - '0')) / 60.0;
	return true;
}

/* One word into tokens; false when a part of it is not understood. */
static bool lex_word(const char *w, size_t n, int word, struct tok *t, size_t *nt)
{
	struct tok one = { .word = word, .whole = true };
	enum lang lang;
	int k;

#define PUSH(x) do { if (*nt >= MAX_TOKS) return false; t[(*nt)++] = (x); } while (0)
	if ((one.v = (double)unit_seconds(w, n)) > 0) {
		one.kind = TOK_UNIT;
	} else if (word_is(w, n, "and") || word_is(w, n, "en")) {
		one.kind = TOK_AND;
		one.lang = *w == 'a' ? LANG_EN : LANG_NL;
	} else if (word_is(w, n, "to") || word_is(w, n, "tot") || word_is(w, n, "-") ||
		   word_is(w, n, "\xe2\x80\x93")) {
		one.kind = TOK_TO;
	} else if (word_is(w, n, "of")) {
		one.kind = TOK_OF;
	} else if (word_is(w, n, "half") || word_is(w, n, "halve")) {
		one.kind = TOK_HALF;
	} else if (word_is(w, n, "a") || word_is(w, n, "an") || word_is(w, n, "een")) {
		one.kind = TOK_NUM, one.v = 1, one.needs_unit = true;
		one.lang = *w == 'a' ? LANG_EN : LANG_NL;
	} else if (word_is(w, n, "anderhalf") || word_is(w, n, "anderhalve")) {
		one.kind = TOK_NUM, one.v = 1.5, one.needs_unit = true, one.lang = LANG_NL;
	} else if ((k = number_word(w, n, &lang)) >= 0) {
		one.kind = TOK_NUM, one.v = k, one.lang = lang;
	} else if (colon_number(w, n, &one.v)) {
		one.kind = TOK_NUM, one.colon = true;
	} else {	/* "1h30", "90s", "5-10", "1,5": numbers and units run together */
		const char *p = w, *end = w + n;
		one.whole = false;
		while (p < end) {
			struct tok part = one;
			const char *q = p;
			if (isdigit((unsigned char)*p)) {
				char num[32];
				size_t len;
				while (q < end && isdigit((unsigned char)*q))
					q++;
				if (q + 1 < end && (*q == '.' || *q == ',') && isdigit((unsigned char)q[1]))
					for (q++; q < end && isdigit((unsigned char)*q); q++)
						;
				if ((len = (size_t)(q - p)) >= sizeof num)
					return false;
				memcpy(num, p, len);
				num[len] = '\0';
				for (char *c = num; *c; c++)
					if (*c == ',')
						*c = '.';
				part.kind = TOK_NUM;
				part.v = strtod(num, NULL);	/* digits and one point: nothing else to read */
			} else if (*p == '-' || (end - p >= 3 && strncmp(p, "\xe2\x80\x93", 3) == 0)) {
				q = p + (*p == '-' ? 1 : 3);	/* a hyphen or an en dash */
				part.kind = TOK_TO;
			} else {
				while (q < end && !isdigit((unsigned char)*q) && *q != '-' &&
				       !(end - q >= 3 && strncmp(q, "\xe2\x80\x93", 3) == 0))
					q++;
				if ((part.v = (double)unit_seconds(p, (size_t)(q - p))) > 0)
					part.kind = TOK_UNIT;
				else if ((k = number_word(p, (size_t)(q - p), &lang)) >= 0)
					part.kind = TOK_NUM, part.v = k, part.lang = lang;
				else
					return false;
			}
			PUSH(part);
			p = q;
		}
		return true;
	}
	PUSH(one);
	return true;
#undef PUSH
}

/* Number words written apart that make one number: English "twenty five",
 * Dutch "vijf en twintig". Merged in place; the tokens that remain. */
static size_t join_compounds(struct tok *t, size_t n)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		const struct tok *a = &t[i], *b = i + 1 < n ? &t[i + 1] : NULL, *c = i + 2 < n ? &t[i + 2] : NULL;
		bool a_tens = a->kind == TOK_NUM && a->whole && a->lang && a->v >= 20 && (int)a->v % 10 == 0;
		bool a_unit = a->kind == TOK_NUM && a->whole && a->lang && a->v >= 1 && a->v <= 9;

		t[o] = *a;
		if (a_tens && a->lang == LANG_EN && b && b->kind == TOK_NUM && b->whole && b->lang == LANG_EN &&
		    !b->needs_unit && b->v >= 1 && b->v <= 9) {
			t[o].v += b->v;
			i++;
		} else if (a_unit && a->lang == LANG_NL && b && b->kind == TOK_AND && b->lang == LANG_NL && c &&
			   c->kind == TOK_NUM && c->whole && c->lang == LANG_NL && c->v >= 20 && (int)c->v % 10 == 0) {
			t[o].v += c->v;
			t[o].needs_unit = false;
			i += 2;
		}
		o++;
	}
	return o;
}

/*
 * Read the tokens as number, unit, number, unit, ... with "and"/"en"
 * between parts; a range ("5-10", "5 to 10") is its middle; "and a half"
 * adds a half. A number without a unit is seconds when it stands alone, and
 * minutes after hours ("1h30"). On failure, the token not understood.
 */
static bool read_parts(const struct tok *t, size_t n, double *total, size_t *at)
{
	double last_unit = 0;
	size_t i = 0, parts = 0;

	*total = 0;
	if (n && (t[n - 1].kind == TOK_AND || t[n - 1].kind == TOK_TO))
		return *at = n - 1, false;
	if (n == 4 && t[0].kind == TOK_NUM && t[0].lang && t[0].v == 1 && t[1].kind == TOK_UNIT &&
	    t[2].kind == TOK_OF && t[3].kind == TOK_NUM && !t[3].needs_unit && !t[3].colon) {
		*total = t[3].v * t[1].v;	/* "een minuut of vijf": about five minutes */
		return true;
	}
	while (i < n) {
		size_t num = i;
		double v;

		if (t[i].kind != TOK_NUM)
			return *at = i, false;
		v = t[i++].v;
		if (i + 1 < n && t[i].kind == TOK_TO && t[i + 1].kind == TOK_NUM && !t[num].colon &&
		    !t[i + 1].colon && !t[i + 1].needs_unit && !t[num].needs_unit) {
			v = (v + t[i + 1].v) / 2;	/* a range: its middle */
			i += 2;
		}
		if (i + 2 < n && t[i].kind == TOK_AND && t[i + 1].kind == TOK_NUM && t[i + 1].needs_unit &&
		    t[i + 1].v == 1 && t[i + 2].kind == TOK_HALF && !t[num].colon) {
			v += 0.5;	/* "two and a half", "twee en een half" */
			i += 3;
		}
		if (i < n && t[i].kind == TOK_UNIT) {
			if (t[num].colon && t[i].v < 60)
				return *at = num, false;
			last_unit = t[i++].v;
			*total += v * last_unit;
			if (i + 2 < n && t[i].kind == TOK_AND && t[i + 1].kind == TOK_NUM && t[i + 1].needs_unit &&
			    t[i + 1].v == 1 && t[i + 2].kind == TOK_HALF) {
				*total += last_unit / 2;	/* "an hour and a half" */
				i += 3;
			}
		} else if (t[num].needs_unit) {
			return *at = num, false;
		} else if (t[num].colon && !parts && i == n) {
			*total += v * 60;	/* "1:30": minutes and seconds */
		} else if (!parts && i == n) {
			*total += v;	/* a bare number is seconds */
		} else if (last_unit == 3600 && i == n) {
			*total += v * 60;	/* "1h30": the minutes after the hours */
		} else {	/* what follows the number, when it is not a number or a unit */
			return *at = i < n && t[i].kind != TOK_NUM && t[i].kind != TOK_AND ? i : num, false;
		}
		parts++;
		if (i < n && t[i].kind == TOK_AND)
			i++;
	}
	return parts > 0;
}

/* Lower case, for ASCII and for the capitals of Latin-1 in UTF-8 (Ë, É),
 * so that "DRIEËNTWINTIG" reads; the length stays the same. */
static void lower(char *s)
{
	for (unsigned char *p = (unsigned char *)s; *p; p++) {
		if (p[0] == 0xc3 && p[1] >= 0x80 && p[1] <= 0x9e && p[1] != 0x97)
			p[1] += 0x20, p++;
		else
			*p = (unsigned char)tolower(*p);
	}
}

/*
 * A length of time as people write it: "90", "90s", "2m", "1:30"
 * (minutes:seconds), "5 min", "30 seconds", "2 min 30 s", "1h30", "1,5
 * uur", "about 20 minutes", "een paar minuten", "twee minuten", "a second",
 * "twenty-five minutes", "vijf en twintig minuten", "1 hour and 10
 * minutes", "two and a half hours", "5-10 min", "een minuut of vijf", "5
 * minutes or so". A number without a unit is seconds. Every word is read or
 * the whole is refused: r says which words were not understood, or that
 * there were more than NB_DURATION_WORDS.
 */
static bool duration(const char *text, struct reading *r)
{
	static const char *const about[] = { "about ", "around ", "roughly ", "almost ", "ongeveer ",
					     "zo'n ", "circa ", "ca. ", "bijna ", "ruim ", "~", "± ", "±",
					     "approximately ", "nearly ", "just over ", "less than ",
					     "over ", "more than ", "meer dan ", "minder dan ", "net " };
	static const char *const after[] = { " or so", " of zo", " ongeveer", " or something",
					     " ofzo", " or less", " of minder", " at most", " hooguit",
					     " lang", " long" };
	char *typed = trim_dup(text), *copy, *p, *save = NULL, *word[NB_DURATION_WORDS];
	bool bad[NB_DURATION_WORDS] = { false }, any_bad = false;
	struct tok t[MAX_TOKS];
	size_t nt = 0, nw = 0, at = 0;
	double total = 0;
	bool ok = false;

	memset(r, 0, sizeof *r);
	if (!typed)
		return false;
	copy = xstrdup(typed);
	lower(copy);	/* the same length: a word's place in copy is its place in typed */
	p = copy;
	for (size_t i = 0; i < sizeof about / sizeof about[0]; i++)
		if (strncmp(p, about[i], strlen(about[i])) == 0) {
			p += strlen(about[i]);
			break;
		}
	for (size_t i = 0; i < sizeof after / sizeof after[0]; i++) {
		size_t n = strlen(p), k = strlen(after[i]);
		if (n > k && strcmp(p + n - k, after[i]) == 0) {
			p[n - k] = '\0';
			break;
		}
	}
	if ((total = (double)phrase_seconds(p))) {
		ok = true;
		goto out;
	}
	for (char *w = strtok_r(p, " \t\n\r\f\v", &save); w; w = strtok_r(NULL, " \t\n\r\f\v", &save)) {
		if (nw == NB_DURATION_WORDS) {
			r->too_many = true;	/* never read in part */
			goto out;
		}
		word[nw] = w;
		if (!lex_word(w, strlen(w), (int)nw, t, &nt))
			bad[nw] = any_bad = true;
		nw++;
	}
	if (any_bad)
		goto out;
	nt = join_compounds(t, nt);
	if (!(ok = read_parts(t, nt, &total, &at)) && nt)
		bad[t[at].word] = any_bad = true;
out:
	for (size_t i = 0; any_bad && i < nw; i++) {	/* name them as they were typed */
		char *w;
		size_t len = strlen(r->bad);
		if (!bad[i])
			continue;
		w = xstrndup(typed + (word[i] - copy), strlen(word[i]));
		if (len + strlen(nb_shown(w)) + 5 < sizeof r->bad)
			snprintf(r->bad + len, sizeof r->bad - len, "%s\"%s\"", len ? ", " : "", nb_shown(w));
		free(w);
	}
	free(typed);
	free(copy);
	r->seconds = total > 1e9 ? 1000000000L : (long)(total + 0.5);
	return ok;
}

static const struct nb_quick_length quick[] = {
	{ "moment", 10, N_("A moment") },
	{ "minute", 60, N_("About a minute") },
	{ "few", 180, N_("A few minutes") },
	{ "longer", 600, N_("Longer") },
};

const struct nb_quick_length *quick_length(size_t i)
{
	return i < sizeof quick / sizeof quick[0] ? &quick[i] : NULL;
}

const struct nb_quick_length *quick_length_find(const char *id)
{
	for (size_t i = 0; id && i < sizeof quick / sizeof quick[0]; i++)
		if (strcmp(quick[i].id, id) == 0)
			return &quick[i];
	return NULL;
}

enum nb_err parse_seconds(const char *field, const char *s, int max,
			  int *out, struct nb_error *err)
{
	struct reading r = { 0 };
	bool read = s && duration(s, &r);
	long v = r.seconds;

	if (r.too_many)
		return nb_error_set(err, NB_EINVAL, field,
				    _("%s: \"%s\" has more words than nabij reads in a length of time (at most %d). Write it shorter, like \"25 minutes\"."),
				    field_label(field), nb_shown(s), NB_DURATION_WORDS);
	if (read && v > max && max >= 3600)
		return nb_error_set(err, NB_EINVAL, field,
				    _("%s: \"%s\" is longer than nabij keeps here; at most %d hours."),
				    field_label(field), nb_shown(s), max / 3600);
	if (read && v > max)
		return nb_error_set(err, NB_EINVAL, field,
				    _("%s: \"%s\" is longer than nabij keeps here; at most %d minutes."),
				    field_label(field), nb_shown(s), max / 60);
	if (!read && r.bad[0])
		return nb_error_set(err, NB_EINVAL, field,
				    _("%s: \"%s\" is not a length of time nabij understands (not understood: %s). Write it as you would say it, like \"30 seconds\", \"5 minutes\" or \"a few minutes\"."),
				    field_label(field), nb_shown(s), r.bad);
	if (!read || v < 1)
		return nb_error_set(err, NB_EINVAL, field,
				    _("%s: \"%s\" is not a length of time nabij understands. Write it as you would say it, like \"30 seconds\", \"5 minutes\" or \"a few minutes\"."),
				    field_label(field), nb_shown(s ? s : ""));
	*out = (int)v;
	return NB_OK;
}

enum nb_err parse_term(const char *field, enum nb_vocab v, const char *s,
		       char **out, struct nb_error *err)
{
	const struct nb_term *t = vocab_find(v, s);
	char *words;

	if (t) {
		*out = xstrdup(t->id);
		return NB_OK;
	}
	words = trim_dup(s);
	if (!words)
		return nb_error_set(err, NB_EINVAL, field, _("%s is needed here."),
				    field_label(field));
	if (vocab_is_closed(v)) {
		size_t n;
		const struct nb_term *all = vocab_terms(v, &n);
		char allowed[512] = "";

		for (size_t i = 0; i < n; i++) {
			strncat(allowed, all[i].id, sizeof allowed - strlen(allowed) - 1);
			if (i + 1 < n)
				strncat(allowed, ", ", sizeof allowed - strlen(allowed) - 1);
		}
		nb_error_set(err, NB_EINVAL, field, _("%s: \"%s\" is not one of: %s."),
			     field_label(field), nb_shown(words), allowed);
		free(words);
		return NB_EINVAL;
	}
	if (strlen(words) > NB_NAME_MAX || !nb_text_ok(words, false)) {
		nb_error_set(err, NB_EINVAL, field,
			     _("%s: \"%s\" is too long or holds characters that are not text."),
			     field_label(field), nb_shown(s));
		free(words);
		return NB_EINVAL;
	}
	*out = words;
	return NB_OK;
}

/* Split s at the last occurrence of sep into a name and a suffix. */
static char *split_last(const char *s, char sep, char **suffix)
{
	const char *at = strrchr(s, sep);

	*suffix = NULL;
	if (!at)
		return xstrdup(s);
	*suffix = xstrdup(at + 1);
	return xstrndup(s, (size_t)(at - s));
}

enum nb_err parse_emotion(const char *s, struct nb_items *l, struct nb_error *err)
{
	char *suffix, *name = split_last(s, ':', &suffix), *id = NULL;
	int intensity = 0;
	enum nb_err rc;

	if (suffix && (rc = parse_scale("intensity", suffix, NB_SCALE_MIN, NB_SCALE_MAX, &intensity, err)))
		goto out;
	if ((rc = parse_term("emotion", NB_VOCAB_EMOTION, name, &id, err)))
		goto out;
	items_add(l, id, NULL, intensity);
out:
	free(id);
	free(name);
	free(suffix);
	return rc;
}

/*
 * "tension in my shoulders", "spanning in mijn schouders": a sensation and a
 * place of the list, as people write them. Into what and where (owned), or
 * false when s does not read so (then it is a sensation in its own words).
 */
static bool in_place(const char *s, char **what, char **where)
{
	static const char *const in[] = { " in my ", " in the ", " in mijn ", " in de ", " in het ", " in " };
	char *low = xstrdup(s);

	for (char *p = low; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
		const char *at = strstr(low, in[i]);
		if (at && at > low && vocab_find(NB_VOCAB_PLACE, s + (at - low) + strlen(in[i]))) {
			char *head = xstrndup(s, (size_t)(at - low));
			*what = trim_dup(head);
			free(head);
			if (!*what)
				continue;
			*where = xstrdup(s + (at - low) + strlen(in[i]));
			free(low);
			return true;
		}
	}
	free(low);
	return false;
}

enum nb_err parse_body(const char *s, struct nb_items *l, struct nb_error *err)
{
	char *where, *what = split_last(s, '@', &where), *id = NULL, *place = NULL;
	enum nb_err rc;

	if (!where) {	/* no @: perhaps "tension in my shoulders" */
		char *w, *p;
		if (what && in_place(what, &w, &p)) {
			free(what);
			what = w;
			where = p;
		}
	}

	if ((rc = parse_term("body", NB_VOCAB_SENSATION, what, &id, err)))
		goto out;
	if (where && (rc = parse_term("place", NB_VOCAB_PLACE, where, &place, err)))
		goto out;
	items_add(l, id, place, 0);
out:
	free(id);
	free(place);
	free(what);
	free(where);
	return rc;
}

enum nb_err parse_list(const char *field, enum nb_vocab v, const char *s,
		       struct nb_items *l, struct nb_error *err)
{
	char *copy = xstrdup(s), *save = NULL, *tok;
	enum nb_err rc = NB_OK;

	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char *one = trim_dup(tok), *id = NULL;

		if (!one)
			continue;
		if (v == NB_VOCAB_EMOTION)
			rc = parse_emotion(one, l, err);
		else if (v == NB_VOCAB_SENSATION)
			rc = parse_body(one, l, err);
		else if (!(rc = parse_term(field, v, one, &id, err)))
			items_add(l, id, NULL, 0);
		free(id);
		free(one);
		if (rc)
			break;
	}
	free(copy);
	return rc;
}

enum nb_err parse_id(const char *s, int64_t *out, struct nb_error *err)
{
	long v;

	if (s && *s == '#')
		s++;
	if (!s || !whole_number(s, &v) || v < 1)
		return nb_error_set(err, NB_EUSAGE, "id",
				    _("\"%s\" is not a record number. Numbers are shown by \"nabij list\"."),
				    nb_shown(s));
	*out = v;
	return NB_OK;
}
