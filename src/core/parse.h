/*
 * Parsing what a person types into a field, shared by every face (command
 * line flags, interactive prompts, web forms). Each parser either fills its
 * output or returns NB_EINVAL with a message that names the field, what was
 * given and what is allowed. Field ids are those of field_label().
 */
#ifndef NB_PARSE_H
#define NB_PARSE_H

#include "err.h"
#include "record.h"
#include "vocab.h"

/* A scale from lo to hi; "", "-" and "none" mean not answered (0). */
enum nb_err parse_scale(const char *field, const char *s, int lo, int hi,
			int *out, struct nb_error *err);

/* Hours of sleep: "7", "7.5", "7,5", "7:30"; "" or "none" give -1. */
enum nb_err parse_sleep(const char *s, int *minutes, struct nb_error *err);

/* A duration as people write it, in Dutch or English: "30 seconds",
 * "5 min", "een paar minuten", "twee minuten", "twenty-five minutes",
 * "vijf en twintig minuten", "1 hour and 10 minutes", "90", "1:30"
 * (minutes:seconds); see parse.c for all it takes. Every word is read, or
 * the whole is refused with a message naming the words not understood (or
 * saying there are more than NB_DURATION_WORDS); nothing is read in part. */
#define NB_DURATION_WORDS 16	/* more words than this are refused, never dropped */
#define NB_DURATION_WORD_MAX 99	/* the largest number written in words */
enum nb_err parse_seconds(const char *field, const char *s, int max,
			  int *out, struct nb_error *err);

/* The few rough lengths a form offers as buttons before the free words:
 * NULL past the last; quick_length_find gives NULL for an unknown id. */
struct nb_quick_length {
	const char *id;
	int seconds;
	const char *label;	/* N_() */
};
const struct nb_quick_length *quick_length(size_t i);
const struct nb_quick_length *quick_length_find(const char *id);

/*
 * A term of vocabulary v: a listed id, an English or translated label, or
 * (for an open vocabulary) the person's own words. *out receives the id or
 * the trimmed words; the caller frees it.
 */
enum nb_err parse_term(const char *field, enum nb_vocab v, const char *s,
		       char **out, struct nb_error *err);

/* "NAME" or "NAME:1-5", added to l. */
enum nb_err parse_emotion(const char *s, struct nb_items *l, struct nb_error *err);
/* "SENSATION" or "SENSATION@PLACE", added to l. */
enum nb_err parse_body(const char *s, struct nb_items *l, struct nb_error *err);
/* A list "a, b, c" of terms of v (each through parse_term, or through
 * parse_emotion / parse_body for those vocabularies), added to l. */
enum nb_err parse_list(const char *field, enum nb_vocab v, const char *s,
		       struct nb_items *l, struct nb_error *err);

/* A record id as a person types it: "12" or "#12". */
enum nb_err parse_id(const char *s, int64_t *out, struct nb_error *err);

/* A copy of s without surrounding white space; NULL for an empty result. */
char *trim_dup(const char *s);

#endif
