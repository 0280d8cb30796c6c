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

/* Number words up to sixty, as people write them in a duration. */
static int number_word(const char *w)
{
	static const char *const en[] = { "zero", "one", "two", "three", "four", "five", "six", "seven",
		"eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
		"seventeen", "eighteen", "nineteen", "twenty" };
	static const char *const nl[] = { "nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven",
		"acht", "negen", "tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien",
		"zeventien", "achttien", "negentien", "twintig" };
	static const struct { const char *word; int n; } tens[] = {
		{ "thirty", 30 }, { "forty", 40 }, { "fifty", 50 }, { "sixty", 60 }, { "dertig", 30 },
		{ "veertig", 40 }, { "vijftig", 50 }, { "zestig", 60 }, { "een", 1 }, { "eén", 1 },
	};

	for (int i = 0; i <= 20; i++)
		if (strcmp(w, en[i]) == 0 || strcmp(w, nl[i]) == 0)
			return i;
	for (size_t i = 0; i < sizeof tens / sizeof tens[0]; i++)
		if (strcmp(w, tens[i].word) == 0)
			return tens[i].n;
	return -1;
}

static bool is_number(const char *w)
{
	bool digit = false;

	for (; *w; w++)
		if (isdigit((unsigned char)*w))
			digit = true;
		else if (*w != '.' && *w != ',')
			return false;
	return digit;
}

/*
 * Rewrite the words of a duration into numbers and units, in place: number
 * words become digits ("twee minuten", "ten minutes"), "a", "an" and "een"
 * before a unit become 1 ("a second", "een halfuur"), "and" and "en" between
 * parts go ("1 hour and 10 minutes"), a range becomes its middle ("5-10 min",
 * "5 to 10 minutes"), and the Dutch "een minuut of vijf" (about five
 * minutes) becomes "5 minuut". The result is never longer than s.
 */
static void normalize_words(char *s)
{
	char *w[16], out[128] = "", *save = NULL;
	size_t n = 0, len = strlen(s);

	if (len >= sizeof out)
		return;	/* too long to be a duration: left as it was */
	for (char *t = strtok_r(s, " ", &save); t && n < sizeof w / sizeof w[0]; t = strtok_r(NULL, " ", &save))
		w[n++] = t;
	if (n == 4 && number_word(w[0]) == 1 && unit_seconds(w[1], strlen(w[1])) &&
	    strcmp(w[2], "of") == 0 && (is_number(w[3]) || number_word(w[3]) >= 0)) {	/* "een minuut of 5" */
		char *unit = w[1];
		w[0] = w[3], w[1] = unit, n = 2;
	}
	for (size_t i = 0; i < n; i++) {
		char num[24];
		char *dash;
		int k = number_word(w[i]);
		bool unit_next = i + 1 < n && unit_seconds(w[i + 1], strlen(w[i + 1]));

		if ((strcmp(w[i], "and") == 0 || strcmp(w[i], "en") == 0) && i > 0 && i + 1 < n)
			continue;
		if ((strcmp(w[i], "a") == 0 || strcmp(w[i], "an") == 0) && unit_next)
			k = 1;
		if (k >= 0 && (k != 1 || unit_next || strcmp(w[i], "een") != 0)) {
			snprintf(num, sizeof num, "%d", k);
			w[i] = num;
		}
		/* a range: "5-10", or "5 to 10", "5 tot 10" */
		if ((dash = strchr(w[i], '-')) && dash != w[i] && dash[1]) {
			*dash = '\0';
			if (is_number(w[i]) && is_number(dash + 1)) {
				snprintf(num, sizeof num, "%g", (atof(w[i]) + atof(dash + 1)) / 2);
				w[i] = num;
			} else {
				*dash = '-';
			}
		} else if (i + 2 < n && is_number(w[i]) &&
			   (strcmp(w[i + 1], "to") == 0 || strcmp(w[i + 1], "tot") == 0)) {
			int hi = number_word(w[i + 2]);
			double top = hi >= 0 ? hi : is_number(w[i + 2]) ? atof(w[i + 2]) : -1;
			if (top >= 0) {
				snprintf(num, sizeof num, "%g", (atof(w[i]) + top) / 2);
				w[i] = num;
				i += 2;
				if (strlen(out) + strlen(num) + 2 < sizeof out) {
					strcat(out, *out ? " " : "");
					strcat(out, num);
				}
				continue;
			}
		}
		if (strlen(out) + strlen(w[i]) + 2 >= sizeof out)
			return;
		strcat(out, *out ? " " : "");
		strcat(out, w[i]);
	}
	if (strlen(out) <= len)
		memcpy(s, out, strlen(out) + 1);
}

/*
 * A length of time as people write it: "90", "90s", "2m", "1:30"
 * (minutes:seconds), "5 min", "30 seconds", "2 min 30 s", "1h30", "1,5
 * uur", "about 20 minutes", "een paar minuten", "twee minuten", "a second",
 * "1 hour and 10 minutes", "5-10 min", "een minuut of vijf", "5 minutes or
 * so". A number without a unit is seconds. Returns false for anything else.
 */
static bool duration(const char *text, long *out)
{
	static const char *const about[] = { "about ", "around ", "roughly ", "almost ", "ongeveer ",
					     "zo'n ", "circa ", "ca. ", "bijna ", "ruim ", "~", "± ", "±",
					     "approximately ", "nearly ", "just over ", "less than ",
					     "over ", "more than ", "meer dan ", "minder dan ", "net " };
	static const char *const after[] = { " or so", " of zo", " ongeveer", " or something",
					     " ofzo", " or less", " of minder", " at most", " hooguit",
					     " lang", " long" };
	char *copy = trim_dup(text), *p, *colon;
	long total = 0, mins = 0, secs = 0;
	bool ok = false, any = false;

	if (!copy)
		return false;
	for (p = copy; *p; p++)
		*p = (char)tolower((unsigned char)*p);
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
	if ((total = phrase_seconds(p))) {
		ok = true;
		goto out;
	}
	if ((colon = strchr(p, ':'))) {
		*colon = '\0';
		ok = whole_number(p, &mins) && strlen(colon + 1) == 2 && whole_number(colon + 1, &secs) &&
		     mins >= 0 && secs >= 0 && secs < 60;
		total = mins * 60 + secs;
		goto out;
	}
	normalize_words(p);
	while (*p) {	/* number, unit, number, unit, ... */
		char *end;
		double v;
		long unit;
		size_t n;

		while (*p == ' ')
			p++;
		if (!*p)
			break;
		if (!isdigit((unsigned char)*p))
			goto out;
		for (end = p; isdigit((unsigned char)*end) || *end == '.' || *end == ','; end++)
			if (*end == ',')
				*end = '.';
		errno = 0;
		v = strtod(p, &end);
		if (errno || v < 0 || v > 1e7)
			goto out;
		while (*end == ' ')
			end++;
		n = strcspn(end, " 0123456789");
		unit = n ? unit_seconds(end, n) : 0;
		if (n && !unit)
			goto out;
		if (!n) {
			if (any && total % 3600 == 0 && total)
				unit = 60;	/* "1h30": the minutes after the hours */
			else if (!any)
				unit = 1;	/* a bare number is seconds */
			else
				goto out;
		}
		total += (long)(v * unit + 0.5);
		any = true;
		p = end + n;
	}
	ok = any;
out:
	free(copy);
	*out = total;
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
	long v = 0;
	bool read = s && duration(s, &v);

	if (read && v > max && max >= 3600)
		return nb_error_set(err, NB_EINVAL, field,
				    _("%s: \"%s\" is longer than nabij keeps here; at most %d hours."),
				    field_label(field), nb_shown(s), max / 3600);
	if (read && v > max)
		return nb_error_set(err, NB_EINVAL, field,
				    _("%s: \"%s\" is longer than nabij keeps here; at most %d minutes."),
				    field_label(field), nb_shown(s), max / 60);
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
