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

enum nb_err parse_seconds(const char *field, const char *s, int max,
			  int *out, struct nb_error *err)
{
	long v = 0, mins = 0;
	char *copy = trim_dup(s), *colon, *num;
	size_t n;
	bool ok = false;

	if (!copy)
		goto done;
	n = strlen(copy);
	if ((colon = strchr(copy, ':'))) {
		*colon = '\0';
		ok = whole_number(copy, &mins) && strlen(colon + 1) == 2 &&
		     whole_number(colon + 1, &v) && mins >= 0 && v >= 0 && v < 60;
		v += mins * 60;
	} else if (n > 1 && (copy[n - 1] == 'm' || copy[n - 1] == 's')) {
		num = xstrndup(copy, n - 1);
		ok = whole_number(num, &v);
		if (copy[n - 1] == 'm')
			v *= 60;
		free(num);
	} else {
		ok = whole_number(copy, &v);
	}
	ok = ok && v >= 1 && v <= max;
done:
	free(copy);
	if (!ok && max >= 3600)
		return nb_error_set(err, NB_EINVAL, field,
				    _("%s must be from 1 second to %d hours, like 90, 90s, 2m or 1:30 (you gave \"%s\")."),
				    field_label(field), max / 3600, nb_shown(s));
	if (!ok)
		return nb_error_set(err, NB_EINVAL, field,
				    _("%s must be from 1 second to %d minutes, like 90, 90s, 2m or 1:30 (you gave \"%s\")."),
				    field_label(field), max / 60, nb_shown(s));
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

enum nb_err parse_body(const char *s, struct nb_items *l, struct nb_error *err)
{
	char *where, *what = split_last(s, '@', &where), *id = NULL, *place = NULL;
	enum nb_err rc;

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
