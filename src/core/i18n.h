/*
 * Translation markers. Source strings are English; po/nl.po holds Dutch.
 * gettext is part of the C library, so core may use it without leaving libc.
 */
#ifndef NB_I18N_H
#define NB_I18N_H

#include <libintl.h>
#include <stdbool.h>
#include <stddef.h>

#define _(s) gettext(s)
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

/* gettext of msgid in context ctx (msgctxt), msgid itself when untranslated. */
const char *nb_pgettext(const char *ctx, const char *msgid);

#endif
