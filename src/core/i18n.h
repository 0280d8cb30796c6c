/*
 * Translation markers. Source strings are English; po/nl.po holds Dutch.
 * gettext is part of the C library, so core may use it without leaving libc.
 */
#ifndef NB_I18N_H
#define NB_I18N_H

#include <libintl.h>
#include <stdbool.h>
#include <stddef.h>

/* A message in the current language. s must not change while the program
 * runs (a literal, or a table's): its answer is remembered by its address
 * (nb_gettext). */
#define _(s) nb_gettext(s)
#define N_(s) (s)
/* A message in a context, for a word that a place of the page says
 * differently ("Check in" on the phone's bar); NC_ marks one in a table. */
#define C_(ctx, s) nb_pgettext(ctx, s)
#define NC_(ctx, s) (s)

#define NB_DEC_LEN 24

/* v with one decimal, with the decimal mark of the current language
 * ("1.5" in English, "1,5" in Dutch), in buf. */
const char *nb_dec1(double v, char buf[NB_DEC_LEN]);
/* The same with two decimals, for differences and their intervals. */
const char *nb_dec2(double v, char buf[NB_DEC_LEN]);
/* Whether the message catalogue of lang (bound with bindtextdomain) is
 * there: a program installed without it speaks English. */
bool nb_catalogue_present(const char *lang);
/* s with its first letter a capital, for a title ("asking for closeness"
 * → "Asking for closeness"); letters past ASCII are left as they are. */
const char *nb_capital(const char *s, char *buf, size_t size);

/* gettext of msgid, remembered: a page asks for hundreds of messages, and
 * gettext looks each up anew (the language from the environment, the
 * catalogue's tree), about 2,000 instructions a time. The answers are kept
 * by the message's address until the language changes (glibc's counter of
 * catalogue changes, which setlocale, textdomain and a change of LANGUAGE
 * made here move), each thread its own. */
const char *nb_gettext(const char *msgid) __attribute__((format_arg(1)));
/* gettext of msgid in context ctx (msgctxt), msgid itself when untranslated;
 * remembered as nb_gettext does. */
const char *nb_pgettext(const char *ctx, const char *msgid) __attribute__((format_arg(2)));

/*
 * A translated message said with its values, as snprintf would say it, at a
 * fraction of the cost (a page of a full day says a few hundred). fmt's
 * conversions are %s and %d, each perhaps numbered (%2$s, for a language
 * that puts them the other way round); v[i] is the i-th value as text
 * (nb_int for a number). Flags and widths are passed over; %% is a percent
 * sign. nb_say writes into out (cut as snprintf cuts), buf_say appends.
 */
void nb_say(char *out, size_t size, const char *fmt, const char *const *v, size_t n);
struct nb_buf;
void buf_say(struct nb_buf *b, const char *fmt, const char *const *v, size_t n);
/* v in decimal into buf, which it returns. */
const char *nb_int(long long v, char buf[24]);

/* The language messages come out in right now: "nl" when the Dutch
 * catalogue answers, "en" (the source strings) otherwise. */
const char *nb_lang_now(void);
/* Have messages come out in lang ("nl" or "en") from now on; returns what
 * LANGUAGE was before (the caller's, NULL when it was not set), for
 * nb_lang_back. Used to make again a text once made in another language. */
char *nb_lang_use(const char *lang);
/* LANGUAGE back to was (from nb_lang_use), which is freed. */
void nb_lang_back(char *was);

#endif
