/*
 * Translation markers. Source strings are English; po/nl.po holds Dutch.
 * gettext is part of the C library, so core may use it without leaving libc.
 */
#ifndef NB_I18N_H
#define NB_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

#endif
