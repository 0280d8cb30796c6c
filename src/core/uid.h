/* Stable record ids: 128 random bits as 32 lowercase hex digits. */
#ifndef NB_UID_H
#define NB_UID_H

#include "record.h"

#include <stdbool.h>

void uid_new(char out[NB_UID_LEN]);
/* Whether s has the form of a uid. */
bool uid_valid(const char *s);

#endif
