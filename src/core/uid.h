/* Stable record ids: 128 random bits as 32 lowercase hex digits. */
#ifndef NB_UID_H
#define NB_UID_H

#include "record.h"

#include <stdbool.h>

void uid_new(char out[NB_UID_LEN]);
/* len bytes from the kernel's generator; ends the program when there are
 * none (nothing nabij makes may rest on guessable bytes). */
void nb_random(void *buf, size_t len);
/* Whether s has the form of a uid. */
bool uid_valid(const char *s);

#endif
