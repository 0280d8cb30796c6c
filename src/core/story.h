/*
 * The week as a story: one or two things worth noticing at the top of the
 * weekly moment (PRACTICES section 8), chosen by rules over the week and
 * the records it was built from (this week and the week before). Both
 * faces show the same words (story_text) and the JSON the same facts.
 *
 * The rules, in their order of priority; the first two that hold are told:
 *   1. a heavier day and what followed it: the first day with a strong
 *      craving (the first with something after it, when there is one),
 *      else the day of the lowest mood when it is at least NB_STORY_GAP
 *      below the week's mean; then what the next day held: a wanted
 *      moment, else an exercise (not the one rule 2 tells of), else a
 *      lighter check-in (a higher mood; after a craving, a weaker urge);
 *      else only that noting it was good;
 *   2. an urge ridden down: riding an urge with the urge on average at
 *      least NB_STORY_DROP weaker afterwards;
 *   3. a moment that came back: a person from the circle after a week
 *      without a moment with them (unless that one moment is what rule 1
 *      tells followed), else a person from the circle NB_STORY_OFTEN
 *      times or more, else a kind of moment as often (a moment that did
 *      not feel safe is not counted; "after a week without" only when the
 *      week before holds moments);
 *   4. the exercise after which tension was lowest: on average at least
 *      NB_STORY_DROP lower (not the one rule 2 tells of);
 *   5. the intention set for this week, in the person's own words.
 * When none holds and something was noted: a kind word that is true of
 * any week (NB_STORY_NOTED). An empty week without an intention has no
 * story. Nothing in it counts what is missing, and nothing says "steady".
 * Said after, never because of: no rule claims a cause.
 */
#ifndef NB_STORY_H
#define NB_STORY_H

#include "week.h"

#include <stdbool.h>
#include <stddef.h>

#define NB_STORY_MAX 2
#define NB_STORY_DROP 1.0	/* a real drop: a whole point on the 1-5 scale, on average */
#define NB_STORY_GAP 1.0	/* a heavier day: its mood this far below the week's mean */
#define NB_STORY_OFTEN 3	/* "again and again": this many moments in one week */

enum nb_story_kind {
	NB_STORY_HEAVY,		/* day; low_mood, craving; after, after_term, after_with */
	NB_STORY_URGE,		/* term: the exercise; n sessions with both values; change < 0 */
	NB_STORY_PERSON_BACK,	/* name, member_uid; n moments; term: the first one's kind, day */
	NB_STORY_PERSON_OFTEN,	/* name, member_uid; n moments */
	NB_STORY_KIND_OFTEN,	/* term: the kind of moment; n */
	NB_STORY_CALMED,	/* term: the exercise; n sessions with both values; change < 0 */
	NB_STORY_INTENTION,	/* text */
	NB_STORY_NOTED,		/* nothing stood out */
	NB_STORY__COUNT
};

/* What the day after a heavier day held. */
enum nb_story_after {
	NB_AFTER_NONE,		/* nothing noted, or the day after is not in this week */
	NB_AFTER_MOMENT,	/* after_term: its kind; after_with: with whom, or NULL */
	NB_AFTER_EXERCISE,	/* after_term: the exercise */
	NB_AFTER_LIGHTER,	/* a check-in with a higher mood, or (for a craving) a weaker urge */
};

struct nb_story_item {
	enum nb_story_kind kind;
	char day[NB_DAY_LEN];	/* HEAVY, PERSON_BACK; "" otherwise */
	const char *term;	/* borrowed from the records */
	const char *name;	/* borrowed: the person as the newest moment writes them */
	const char *member_uid;	/* borrowed */
	const char *text;	/* borrowed: the intention */
	int n;
	double change;		/* the mean change after minus before */
	bool low_mood, craving;
	enum nb_story_after after;
	const char *after_term, *after_with;	/* borrowed */
	const struct nb_entry *after_record;	/* borrowed: what followed, or NULL */
};

struct nb_story {
	struct nb_story_item v[NB_STORY_MAX];
	size_t n;
};

/*
 * The story of the week w, built by week_build from the records l (which
 * hold this week and the week before). Deterministic: ties go to the
 * earlier day, then the larger count, then the id. Pointers in s borrow
 * from l.
 */
void week_story(const struct nb_week *w, const struct nb_entries *l, struct nb_story *s);

/* Whether the story tells of kind k (a face that shows the intention
 * elsewhere leaves it out when the story quotes it). */
bool story_has(const struct nb_story *s, enum nb_story_kind k);

/* One item in words, in the current language, into buf: one or two
 * sentences. The person's own words are put in as they are; a page
 * escapes the whole. */
const char *story_text(const struct nb_story_item *it, char *buf, size_t size);

/* The stable ids of the JSON ("urge_ridden", "heavier_day", ...). */
const char *story_kind_id(enum nb_story_kind k);
const char *story_after_id(enum nb_story_after a);

#endif
