/* Random uids from the kernel's generator. */
#include "uid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

void nb_random(void *buf, size_t len)
{
	unsigned char *b = buf;
	size_t got = 0;

	while (got < len) {
		ssize_t n = getrandom(b + got, len - got, 0);
		if (n < 0) {
			fputs("nabij: no randomness available\n", stderr);
			abort();
		}
		got += (size_t)n;
	}
}

void uid_new(char out[NB_UID_LEN])
{
	unsigned char b[16];

	nb_random(b, sizeof b);
	for (size_t i = 0; i < sizeof b; i++)
		snprintf(out + 2 * i, 3, "%02x", b[i]);
}

bool uid_valid(const char *s)
{
	if (!s || strlen(s) != NB_UID_LEN - 1)
		return false;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
			return false;
	return true;
}
