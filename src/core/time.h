/*
 * Time as nabij keeps it: an instant in UTC seconds plus the person's UTC
 * offset at that moment, and the "day" that instant belongs to in their own
 * calendar (a check-in at 23:30 belongs to that evening). Nothing here reads
 * the clock: the current time is always an argument. Local offsets come
 * from the C library's zone rules (TZ), which is what the person lives by.
 */
#ifndef NB_TIME_H
#define NB_TIME_H

#include "err.h"

#include <stdbool.h>
#include <stdint.h>

#define NB_DAY_LEN 11	/* "YYYY-MM-DD" and its terminator */
#define NB_STAMP_LEN 32
#define NB_YEAR_2000 946684800	/* 2000-01-01T00:00:00Z: nothing is recorded before it */

struct nb_stamp {
	int64_t utc;	/* seconds since 1970-01-01T00:00:00Z */
	int offset;	/* seconds east of UTC at that instant */
};

/* The local UTC offset in force at utc, from the zone rules (TZ). */
int nb_local_offset(int64_t utc);

/* The stamp of utc in the local zone. */
struct nb_stamp nb_stamp_local(int64_t utc);

/* The person's calendar day of a stamp, as "YYYY-MM-DD". */
void nb_day_key(struct nb_stamp st, char out[NB_DAY_LEN]);

/*
 * Parse a time a person gave: "YYYY-MM-DDTHH:MM[:SS]" (a space may stand for
 * the T) with an optional "Z" or "+HH:MM" offset, a bare date (taken as
 * noon), or "HH:MM" (today, relative to now). Without an offset the local
 * zone applies. Refuses times after now and before the year 2000.
 */
enum nb_err nb_time_parse(const char *s, int64_t now, const char *field,
			  struct nb_stamp *out, struct nb_error *err);

/* A stamp as nabij writes it: "YYYY-MM-DDTHH:MM[:SS]" with "Z" or an offset
 * required. Returns false for anything else. */
bool nb_stamp_parse(const char *s, struct nb_stamp *out);

/* "2026-11-20T21:30:00+01:00" */
void nb_stamp_format(struct nb_stamp st, char out[NB_STAMP_LEN]);
/* "2026-11-20T20:30:00Z" */
void nb_utc_format(int64_t utc, char out[NB_STAMP_LEN]);
/* "21:30" in the stamp's own offset */
void nb_stamp_clock(struct nb_stamp st, char out[8]);

/* Check that s is a real calendar day "YYYY-MM-DD". */
enum nb_err nb_day_parse(const char *s, const char *field, struct nb_error *err);

/* day plus n days (n may be negative). day must be valid. */
void nb_day_add(const char day[NB_DAY_LEN], int n, char out[NB_DAY_LEN]);

/* Whole days from a to b (b - a); both must be valid day keys. */
int nb_day_diff(const char *a, const char *b);
/* The days from 1970-01-01 to day (YYYY-MM-DD), for counting days apart. */
int nb_day_number(const char *day);

/* 0 = Monday ... 6 = Sunday, for a valid day key. */
int nb_day_weekday(const char *day);

#endif
