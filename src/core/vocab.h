/*
 * The vocabularies of the practice (emotions, needs, body sensations and
 * places, nervous-system states, kinds of moment, body effects, the answer
 * to "did it feel safe", exercises) as data. Each term has a stable id that
 * is stored and exported, and an English label that is the gettext msgid
 * of its translation. Open vocabularies accept a person's own words beside
 * the listed terms; closed ones accept only their terms.
 */
#ifndef NB_VOCAB_H
#define NB_VOCAB_H

#include "buf.h"

#include <stdbool.h>
#include <stddef.h>

enum nb_vocab {
	NB_VOCAB_EMOTION,
	NB_VOCAB_NEED,
	NB_VOCAB_SENSATION,
	NB_VOCAB_PLACE,
	NB_VOCAB_STATE,
	NB_VOCAB_MOMENT_KIND,
	NB_VOCAB_EFFECT,
	NB_VOCAB_SAFE,
	NB_VOCAB_EXERCISE,
	NB_VOCAB_PHASE,
	NB_VOCAB_PRACTICE,	/* what a personal experiment tests */
	NB_VOCAB_OUTCOME,	/* what it watches: a measure of the check-in */
	NB_VOCAB_EXP_STATE,	/* running, paused, stopped */
	NB_VOCAB__COUNT,
	NB_VOCAB_FREE = NB_VOCAB__COUNT	/* no list: only the person's own words (tags) */
};

struct nb_term {
	const char *id;
	const char *label;	/* English; translate with gettext */
};

/* The terms of v, in display order; *n receives their number (0 for
 * NB_VOCAB_FREE). */
const struct nb_term *vocab_terms(enum nb_vocab v, size_t *n);

/* Whether v accepts only its own terms. */
bool vocab_is_closed(enum nb_vocab v);

/* The term whose id, English label or translated label (or the part of
 * it before " (") is word, ignoring case and surrounding space; or NULL. */
const struct nb_term *vocab_find(enum nb_vocab v, const char *word);

/* The translated label of a stored value: for a known id its label, for a
 * person's own words the words themselves. NULL stays NULL. */
const char *vocab_label(enum nb_vocab v, const char *stored);
/* Append the synonyms of term id of v (English and Dutch), space-separated. */
void vocab_words(enum nb_vocab v, const char *id, struct nb_buf *out);

#endif
