/* Stamps, day keys and the parsing of times people type; see time.h. */
#include "time.h"
#include "i18n.h"
#include "record.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>


int nb_local_offset(int64_t utc)
{
	time_t t = (time_t)utc;
	struct tm tm;

	if (!localtime_r(&t, &tm))
		return 0;
	return (int)tm.tm_gmtoff;
}

struct nb_stamp nb_stamp_local(int64_t utc)
{
	struct nb_stamp st = { utc, nb_local_offset(utc) };

	return st;
}

static void civil(int64_t t, struct tm *tm)
{
	time_t tt = (time_t)t;

	gmtime_r(&tt, tm);
}

/* "YYYY-MM-DDTHH:MM:SS" of tm at out, digit by digit: an export writes
 * three of these per record, and printf was a tenth of its time (and the
 * day keys of a page's charts half of theirs). */
static char *put_digits(char *out, int v, int width)
{
	for (int i = width - 1; i >= 0; i--, v /= 10)
		out[i] = (char)('0' + v % 10);
	return out + width;
}

static char *put_date(char *p, const struct tm *tm)
{
	int year = tm->tm_year + 1900;

	p = put_digits(p, year < 0 ? 0 : year > 9999 ? 9999 : year, 4);
	*p++ = '-';
	p = put_digits(p, tm->tm_mon + 1, 2);
	*p++ = '-';
	return put_digits(p, tm->tm_mday, 2);
}

void nb_day_key(struct nb_stamp st, char out[NB_DAY_LEN])
{
	struct tm tm;

	civil(st.utc + st.offset, &tm);
	*put_date(out, &tm) = '\0';
}

static char *put_civil(char *p, const struct tm *tm)
{
	p = put_date(p, tm);
	*p++ = 'T';
	p = put_digits(p, tm->tm_hour, 2);
	*p++ = ':';
	p = put_digits(p, tm->tm_min, 2);
	*p++ = ':';
	return put_digits(p, tm->tm_sec, 2);
}

void nb_stamp_format(struct nb_stamp st, char out[NB_STAMP_LEN])
{
	struct tm tm;
	int off = st.offset < 0 ? -st.offset : st.offset;
	char *p;

	civil(st.utc + st.offset, &tm);
	p = put_civil(out, &tm);
	*p++ = st.offset < 0 ? '-' : '+';
	p = put_digits(p, (off / 3600) % 100, 2);
	*p++ = ':';
	p = put_digits(p, (off / 60) % 60, 2);
	*p = '\0';
}

void nb_utc_format(int64_t utc, char out[NB_STAMP_LEN])
{
	struct tm tm;
	char *p;

	civil(utc, &tm);
	p = put_civil(out, &tm);
	*p++ = 'Z';
	*p = '\0';
}

void nb_stamp_clock(struct nb_stamp st, char out[8])
{
	struct tm tm;

	civil(st.utc + st.offset, &tm);	/* digit by digit: a page says many */
	out[0] = (char)('0' + tm.tm_hour / 10 % 10);
	out[1] = (char)('0' + tm.tm_hour % 10);
	out[2] = ':';
	out[3] = (char)('0' + tm.tm_min / 10 % 10);
	out[4] = (char)('0' + tm.tm_min % 10);
	out[5] = '\0';
}

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && is_leap(y) ? 29 : d[m - 1];
}

/* Read exactly n digits at *p into *v and advance; 0 when they are not there. */
static int digits(const char **p, int n, int *v)
{
	int x = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return 0;
		x = x * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*v = x;
	return 1;
}

static int parse_date(const char **p, struct tm *tm)
{
	int y, m, d;

	if (!digits(p, 4, &y) || **p != '-')
		return 0;
	(*p)++;
	if (!digits(p, 2, &m) || **p != '-')
		return 0;
	(*p)++;
	if (!digits(p, 2, &d))
		return 0;
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return 0;
	tm->tm_year = y - 1900;
	tm->tm_mon = m - 1;
	tm->tm_mday = d;
	return 1;
}

static int parse_clock(const char **p, struct tm *tm)
{
	int h, mi, s = 0;

	if (!digits(p, 2, &h) || **p != ':')
		return 0;
	(*p)++;
	if (!digits(p, 2, &mi))
		return 0;
	if (**p == ':') {
		(*p)++;
		if (!digits(p, 2, &s))
			return 0;
	}
	if (h > 23 || mi > 59 || s > 59)
		return 0;
	tm->tm_hour = h;
	tm->tm_min = mi;
	tm->tm_sec = s;
	return 1;
}

/* "Z", "+HH:MM", "+HHMM", "+HH"; sets *has to 1 when an offset is present. */
static int parse_offset(const char **p, int *has, int *offset)
{
	int sign, h, m = 0;

	*has = 0;
	if (**p == '\0')
		return 1;
	if (**p == 'Z' || **p == 'z') {
		(*p)++;
		*has = 1;
		*offset = 0;
		return **p == '\0';
	}
	if (**p != '+' && **p != '-')
		return 0;
	sign = **p == '-' ? -1 : 1;
	(*p)++;
	if (!digits(p, 2, &h))
		return 0;
	if (**p == ':')
		(*p)++;
	if (**p && !digits(p, 2, &m))
		return 0;
	if (**p != '\0' || h > 14 || m > 59)
		return 0;
	*has = 1;
	*offset = sign * (h * 3600 + m * 60);
	return 1;
}

/* Local wall-clock time to UTC by the zone rules. A time the clock skips
 * (the night it goes forward) does not exist: *gap is then set, and tm
 * holds the time the zone makes of it (an hour later). */
static int64_t from_local(struct tm *tm, bool *gap)
{
	int hour = tm->tm_hour, min = tm->tm_min;
	int64_t utc;

	tm->tm_isdst = -1;
	utc = (int64_t)mktime(tm);
	*gap = tm->tm_hour != hour || tm->tm_min != min;
	return utc;
}

enum nb_err nb_time_parse(const char *s, int64_t now, const char *field,
			  struct nb_stamp *out, struct nb_error *err)
{
	struct tm tm;
	const char *p = s;
	int has_offset = 0, offset = 0;
	bool gap = false;
	int64_t utc;

	memset(&tm, 0, sizeof tm);
	if (strlen(s) == 5 && s[2] == ':') {
		/* "HH:MM" today */
		struct nb_stamp n = nb_stamp_local(now);
		time_t local = (time_t)(n.utc + n.offset);
		gmtime_r(&local, &tm);
		if (!parse_clock(&p, &tm) || *p)
			goto bad;
		utc = from_local(&tm, &gap);
	} else {
		if (!parse_date(&p, &tm))
			goto bad;
		if (*p == '\0') {
			tm.tm_hour = 12;
		} else {
			if (*p != 'T' && *p != 't' && *p != ' ')
				goto bad;
			p++;
			if (!parse_clock(&p, &tm))
				goto bad;
			if (*p == '.') {	/* fractions of a second are dropped */
				p++;
				while (isdigit((unsigned char)*p))
					p++;
			}
			if (!parse_offset(&p, &has_offset, &offset))
				goto bad;
		}
		if (has_offset) {
			utc = (int64_t)timegm(&tm) - offset;
		} else {
			utc = from_local(&tm, &gap);
		}
	}
	if (gap)
		return nb_error_set(err, NB_EINVAL, field,
				    _("%s: \"%s\" does not exist here: the clocks go forward that night. Perhaps you mean %02d:%02d."),
				    field_label(field), nb_shown(s), tm.tm_hour, tm.tm_min);
	if (utc < NB_YEAR_2000)
		return nb_error_set(err, NB_EINVAL, field,
				    _("%s: \"%s\" is before the year 2000; please give a date from 2000 on."),
				    field_label(field), nb_shown(s));
	if (utc > now)
		return nb_error_set(err, NB_EINVAL, field,
				    _("%s: \"%s\" lies in the future; you can only record what has already happened."),
				    field_label(field), nb_shown(s));
	out->utc = utc;
	out->offset = has_offset ? offset : nb_local_offset(utc);
	return NB_OK;
bad:
	return nb_error_set(err, NB_EINVAL, field,
			    _("%s: \"%s\" is not a time nabij understands. Use for example 2026-11-20T21:30, 2026-11-20 or 21:30."),
			    field_label(field), nb_shown(s));
}

bool nb_stamp_parse(const char *s, struct nb_stamp *out)
{
	struct tm tm;
	const char *p = s;
	int has = 0, offset = 0;

	memset(&tm, 0, sizeof tm);
	if (!parse_date(&p, &tm) || (*p != 'T' && *p != 't' && *p != ' '))
		return false;
	p++;
	if (!parse_clock(&p, &tm) || !parse_offset(&p, &has, &offset) || !has)
		return false;
	out->utc = (int64_t)timegm(&tm) - offset;
	out->offset = offset;
	return true;
}

enum nb_err nb_day_parse(const char *s, const char *field, struct nb_error *err)
{
	struct tm tm;
	const char *p = s;

	if (!parse_date(&p, &tm) || *p)
		return nb_error_set(err, NB_EINVAL, field,
				    _("%s: \"%s\" is not a date. Use the form 2026-11-20."),
				    field_label(field), nb_shown(s));
	return NB_OK;
}

/* Days since 1970-01-01 of a proleptic Gregorian date: count from a March
 * year, so that the leap day falls at the end of it. Arithmetic only, as
 * insights turn tens of thousands of day keys into indexes. */
static int64_t civil_days(int y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int64_t day_noon(const char *day)
{
	struct tm tm;
	const char *p = day;

	memset(&tm, 0, sizeof tm);
	if (!parse_date(&p, &tm))
		return 0;
	return civil_days(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) * 86400 + 12 * 3600;
}

void nb_day_add(const char day[NB_DAY_LEN], int n, char out[NB_DAY_LEN])
{
	struct nb_stamp st = { day_noon(day) + (int64_t)n * 86400, 0 };

	nb_day_key(st, out);
}

int nb_day_number(const char *day)
{
	return (int)(day_noon(day) / 86400);
}

int nb_day_diff(const char *a, const char *b)
{
	return (int)((day_noon(b) - day_noon(a)) / 86400);
}

int nb_day_weekday(const char *day)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	int64_t days = day_noon(day) / 86400;

	return (int)(((days % 7) + 7 + 3) % 7);
}
