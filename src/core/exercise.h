/*
 * The guided exercises of PRACTICES section 5, as data: for each a stable
 * id (the same as in the exercise vocabulary), why it may help, its steps,
 * a default length, whether it runs on a clock, and theme words in both
 * languages so a person who types "slaap" or "shame" finds it.
 */
#ifndef NB_EXERCISE_H
#define NB_EXERCISE_H

#include <stdbool.h>
#include <stddef.h>

#define NB_STEPS_MAX 8
#define NB_ASK_MAX 3
#define NB_EXAMPLES_MAX 4

enum nb_guide {
	NB_GUIDE_PACER,		/* a breathing pacer on the clock */
	NB_GUIDE_STEPS,		/* steps one by one, at the person's pace */
	NB_GUIDE_WORDS,		/* steps that end with the person's own words */
};

struct nb_exercise {
	const char *id;
	const char *why;			/* English; translate with gettext */
	const char *steps[NB_STEPS_MAX];	/* NULL after the last */
	int default_seconds;
	enum nb_guide guide;
	const char *themes;	/* comma-separated words, English and Dutch */
	/* NB_GUIDE_WORDS: whom it is about (kept as the session's "with"),
	 * then the questions whose answers are the person's own words */
	const char *ask_with;
	const char *ask[NB_ASK_MAX];	/* NULL after the last */
	/* sentences a person may take or adapt, shown beside their own */
	const char *examples[NB_EXAMPLES_MAX];	/* NULL after the last */
	/* NB_GUIDE_PACER: the steps are the practice itself (riding an urge),
	 * shown with the pacer rather than only as how it works */
	bool steps_with_pacer;
};

/* The person's answers to x's questions (n of them, any may be NULL or
 * empty) as the words a session keeps: one answer a line; NULL when all
 * are empty. The caller frees it. */
char *exercise_words(const struct nb_exercise *x, const char *const *answers, size_t n);

const struct nb_exercise *exercise_all(size_t *n);
const struct nb_exercise *exercise_find(const char *id);
/* The translated title (the label of the exercise vocabulary). */
const char *exercise_title(const struct nb_exercise *x);
/* Whether the exercise asks how strong the urge is, before and after
 * (riding an urge), instead of how tense the person is. */
bool exercise_asks_urge(const struct nb_exercise *x);
size_t exercise_steps(const struct nb_exercise *x);
/* Example i of x, translated, or NULL after the last. */
const char *exercise_example(const struct nb_exercise *x, size_t i);

/* Pages of text a theme search can also find. */
struct nb_page {
	const char *id;
	const char *title;	/* English; translate with gettext */
	const char *themes;
};
const struct nb_page *page_all(size_t *n);

/* A hit of a theme search: an exercise, a daily prompt or a page. */
enum nb_theme_kind { NB_THEME_EXERCISE, NB_THEME_PROMPT, NB_THEME_PAGE };
struct nb_theme_hit {
	enum nb_theme_kind kind;
	const char *id;
	const char *title;	/* English msgid */
};

/*
 * Practices whose theme words match every word of query (ignoring case and
 * Dutch or English, a word matching the start of a theme word). Fills at
 * most max hits; returns how many.
 */
size_t theme_search(const char *query, struct nb_theme_hit *hits, size_t max);

#endif
