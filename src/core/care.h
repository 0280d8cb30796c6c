/*
 * Care and safety (PRACTICES section 11): when to show where help is, and
 * the texts that say so. The faces show these texts; the rule lives here.
 */
#ifndef NB_CARE_H
#define NB_CARE_H

#include "record.h"

#include <stdbool.h>
#include <stddef.h>

/* A check-in at the lowest end: mood 1, or tension 5 with mood 1 or 2. */
bool care_needs_help(const struct nb_checkin *c);

/* Where to find help now, in parts (the pages set them apart) or as one text
 * for the terminal in buf (NB_HELP_TEXT_LEN bytes); the card has its short
 * form, care_card_help. The one source of these words. */
enum nb_help_part {
	NB_HELP_OPENING,
	NB_HELP_LINE,	/* 113 Zelfmoordpreventie */
	NB_HELP_LISTEN,	/* De Luisterlijn, to talk to someone who listens */
	NB_HELP_EMERGENCY, NB_HELP_ABROAD,
	NB_HELP_CARD,	/* the card's one line, and every page's footer */
	NB_HELP__COUNT
};
#define NB_HELP_TEXT_LEN 1024
#define NB_HELP_PART_LEN 512
/* One part in the current language with its numbers written in, in buf
 * (NB_HELP_PART_LEN bytes), which it returns. */
const char *care_help_part_in(enum nb_help_part part, char buf[NB_HELP_PART_LEN]);
/* The same in a buffer of the caller's own (a compound literal, which lives
 * until the caller's block ends): two requests in two languages never
 * share one. */
#define care_help_part(part) care_help_part_in((part), (char[NB_HELP_PART_LEN]){ 0 })
/* The same words with a "%s" where each number goes, and those numbers in
 * order (NULL after the last): for a page that makes each one a link. A
 * number has dial; a web address (113.nl, its chat) has url instead. */
struct nb_phone {
	const char *written, *dial, *url;
};
const char *care_help_format(enum nb_help_part part);
const struct nb_phone *care_help_number(enum nb_help_part part, size_t i);
/* When "how to reach" is written as a phone number ("06-12345678", "+31 6
 * 1234 5678", "020 123 4567", "0800-0113", "112"), the number to dial into
 * dial (at most 24 bytes), true; else false, also for what only looks like
 * digits: a date ("2024-03-05", "05-03-2024") or an IP address. The faces
 * make a link to call only from this. */
bool care_phone_number(const char *reach, char dial[24]);
/* Whether a check-in at the lowest end asks for someone: a need for contact
 * or connection, or loneliness. Then the pages offer to call a member. */
bool care_wants_someone(const struct nb_checkin *c);
/*
 * Which line the help names first, NB_HELP_LINE (113) or NB_HELP_LISTEN
 * (De Luisterlijn): 113 where the check-in c is at its lowest
 * (care_needs_help), whatever else it says; De Luisterlijn where loneliness
 * is the need: a check-in that asks for someone (care_wants_someone), or a
 * place about being alone or loss (lonely); 113 everywhere else. c may be
 * NULL: no check-in in view.
 */
enum nb_help_part care_first_line(const struct nb_checkin *c, bool lonely);
/* The help for the terminal, its lines in the order above (first is
 * NB_HELP_LINE or NB_HELP_LISTEN), in buf. */
const char *care_help_text(enum nb_help_part first, char *buf, size_t size);

/* For the people beside someone who is low: point i (translated), or NULL
 * after the last. */
const char *care_beside_point(size_t i);

/* nabij is a companion, not a replacement for professional help. */
const char *care_not_therapy_text(bool browser);
/*
 * A craving is a craving, wherever it is noted: on its own scale (1 none to
 * 5 very strong) or as the feeling "craving" among the emotions.
 * A strong craving: the scale at NB_CRAVING_STRONG or more, or the feeling
 * ticked while the scale is unanswered (whoever ticks "craving" without
 * saying how strong is offered the urge box rather than nothing). Then the
 * circle's first to call, and riding the urge, are one tap away.
 */
#define NB_CRAVING_STRONG 4
bool care_strong_craving(const struct nb_checkin *c);
/* Whether a check-in tells of a heavy day: the lowest end, a low mood,
 * high tension or a strong craving. */
bool care_heavy(const struct nb_checkin *c);
/*
 * One kind line about yesterday for a person who comes back to today: after
 * a heavy check-in, or a moment of connection (the last wanted one), or
 * both; NULL when yesterday holds neither. It never counts what is missing.
 */
const char *care_yesterday_line(const struct nb_entries *yesterday, char *buf, size_t size);
/* Whether a check-in says anything about a craving: its scale answered
 * (1 "none" too) or the feeling ticked. */
bool care_craving_answered(const struct nb_checkin *c);
/* Whether a craving is here: the scale at 2 or more, or the feeling ticked.
 * Such a check-in is never answered with "you seem steady". */
bool care_craving_present(const struct nb_checkin *c);
/* The feeling ticked without a strength and the scale unanswered: a face
 * that can ask, asks how strong. */
bool care_craving_unrated(const struct nb_checkin *c);
/* For a person who has noted a craving before (among checkins, their
 * newest NB_CRAVING_LOOKBACK check-ins), the craving scale is asked with
 * the first scales instead of further down. */
#define NB_CRAVING_LOOKBACK 90
bool care_craving_first(const struct nb_entries *checkins);
/* The urge box stays while the urge may: of today's records (oldest
 * first), the newest check-in that says anything about a craving decides;
 * when its craving is strong, that check-in, else NULL. A later check-in
 * that says nothing of a craving does not say the urge has gone. */
const struct nb_entry *care_urge_now(const struct nb_entries *today);
/* The part of the help about urges (/help, nabij help urge): a title and
 * paragraphs (translated), NULL after the last. */
const char *care_urge_part(size_t i);
/* The circle's member marked as the first to call, or NULL. There is one
 * at a time: marking another takes the place of the one before (app_add). */
const struct nb_member *care_first_to_call(const struct nb_entries *circle);
/* The word after marking now_first took the place of before, in buf. */
const char *care_first_moved_text(const char *now_first, const char *before, char *buf, size_t size);
/* Beside the choice on a form, who is the first to call now, in buf. */
const char *care_first_now_text(const char *first, char *buf, size_t size);
const char *care_craving_text(void);
/* Where help with an addiction is found, beside the circle. (A Dutch help
 * line's number is not named: it could not be checked at its source when
 * this was written; see the note at phones[] in care.c.) */
const char *care_addiction_help_text(void);
/*
 * What follows the saving of a new record, the same in both faces: the
 * rule is here, each face shows it in its own way (cli/rec.c, page_notice
 * in web/page_today.c). After a check-in at the lowest end, where to find
 * help now, and when it asks for someone (care_wants_someone) and no strong
 * craving has its own box, the people of the circle one can call; after a
 * check-in that asks for someone without being at the lowest end, someone
 * who listens; after a moment that did not feel safe, a word that the no
 * counts too. (A strong craving's first to call and riding the urge follow
 * a check-in in both faces as well, from care_strong_craving.)
 */
struct nb_care_after {
	bool help;		/* where to find help now (care_help_text, NB_HELP_LINE first) */
	bool call;		/* the circle's people who can be called (care_callable) */
	bool listen;		/* someone who listens: NB_HELP_LISTEN alone */
	const char *word;	/* a word after it (translated), or NULL */
};
void care_after(const struct nb_entry *e, struct nb_care_after *out);
/* Whether member m can be called now: a person whose way to reach them is
 * a phone number, which goes into dial. */
bool care_callable(const struct nb_member *m, char dial[24]);

/* A kind word for a record just saved, in the voice of PRACTICES.md. */
const char *care_saved_word(const struct nb_entry *e);	/* the browser's words, or the terminal's */

/* A gentle word about the size of the support circle, or NULL when it has
 * three to five members. */
const char *circle_advice(size_t members, char *buf, size_t size);
/* The same on today's page and in nabij today, only while the circle is
 * empty: a person with one or two does not hear every day what is missing. */
const char *circle_advice_today(size_t members, char *buf, size_t size);

/* The help line of the printed circle card, for both faces' cards. */
#define care_card_help() care_help_part(NB_HELP_CARD)

/*
 * Touch, said gently. Touch from someone else (a person, an animal) and
 * self-touch (a hand on one's own heart, arms around oneself) are told
 * apart and shown side by side; both count for the soft line and for the
 * suggestions, since for a person who lives alone self-touch is the safe
 * step the practice names. After NB_TOUCH_LONG_DAYS no day count is shown.
 */
#define NB_TOUCH_LONG_DAYS 30
struct nb_touch {
	const struct nb_entry *other, *self;	/* the newest of each, or NULL */
	int days_other, days_self;		/* days since; -1 when none */
};
/* The days since any wanted touch, self-touch included; -1 when none. */
int care_touch_days(const struct nb_touch *t);
/* The lines about touch for today (at most NB_TOUCH_LINES, each of
 * NB_TOUCH_LINE_LEN bytes); returns how many. None when nothing was noted. */
#define NB_TOUCH_LINES 3
#define NB_TOUCH_LINE_LEN 600
size_t care_touch_lines(const struct nb_touch *t, char lines[NB_TOUCH_LINES][NB_TOUCH_LINE_LEN]);

/* Short texts for a person who lives alone, for a person who lost someone,
 * and for a person to whom touch feels unsafe: a title and paragraphs
 * (translated), NULL after the last. */
const char *care_alone_part(size_t i);
const char *care_loss_part(size_t i);
const char *care_unsafe_touch_part(size_t i);

/*
 * Low mood that lasts: of the days with a mood in the last NB_LOW_DAYS
 * days (moods[i], 0 for a day without), at least NB_LOW_MIN had a mood of
 * NB_LOW_MOOD or less. Then today and the week say once, calmly, that a GP
 * or therapist can help, with the help numbers below it.
 */
#define NB_LOW_DAYS 14
#define NB_LOW_MIN 10
#define NB_LOW_MOOD 2.0
bool care_lasting_low(const double *moods, int n);
const char *care_lasting_low_text(void);

#define NB_TOUCH_GENTLE_DAYS 3	/* from this many days on, the soft line below */
/* The sentence about the last wanted touch (touch, days since it), the same
 * in both faces: "Last wanted touch: yesterday (a hug with Sam)." into buf.
 * touch is not NULL and days >= 0. */
const char *care_last_touch(const struct nb_entry *touch, int days, char *buf, size_t size);
/* The soft line shown below it after some days, or NULL: information,
 * never a score. */
const char *care_touch_gentle(int days);

/* A reflection prompt for a day, the same all day, changing day by day. */
struct nb_prompt {
	const char *id;
	const char *text;	/* English; translate with gettext */
};
const struct nb_prompt *prompt_for_day(const char *day);
/* The three questions about closeness (in the body, the thought that stops
 * one asking, a moment for one safe touch), also asked together as one short
 * reflection: their prompt ids; *n is 3. */
const char *const *prompt_closeness(size_t *n);
/* A gentle hint of a typical answer to a prompt of that set, or NULL. */
const char *prompt_hint(const char *id);
const struct nb_prompt *prompt_all(size_t *n);
/* The prompt of prompt_all() with this id, or NULL. */
const struct nb_prompt *prompt_find(const char *id);
/* Whether id names a question nabij asks: one of its prompts, or the
 * week's intention or the words for the people beside one, which nabij
 * writes itself. */
bool prompt_known(const char *id);
/* The translated text of the prompt with this id; other ids (such as the
 * week's intention) get a title of their own; NULL stays NULL. */
const char *prompt_text(const char *id);

#endif
