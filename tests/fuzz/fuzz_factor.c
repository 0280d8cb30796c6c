/* Fuzz harness: what a person types at the second factor (app/factor.c)
 * before anything reaches the store: a code from the app (its shape, then
 * RFC 6238's check against a fixed key at a time of the input's), and a
 * recovery code (its shape). The first byte picks; for a code checked, the
 * next four bytes are the time. No database is reached. */
#include "canary.h"
#include "app/account.h"
#include "core/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const unsigned char key[] = "12345678901234567890";
	char digits[NB_FACTOR_DIGITS + 1], norm[9], *s;
	int64_t counter, now = 0;

	if (size < 1)
		return 0;
	if (data[0] % 3 == 2 && size >= 5) {
		for (int i = 1; i < 5; i++)
			now = now << 8 | data[i];
		s = xstrndup((const char *)data + 5, size - 5);
	} else {
		s = xstrndup((const char *)data + 1, size - 1);	/* stops at a NUL, like a form's value */
	}
	switch (data[0] % 3) {
	case 0:
		if (factor_code_shape(s, digits) && strlen(digits) != NB_FACTOR_DIGITS)
			abort();
		break;
	case 1:
		/* met by the seed "k7m2-9qx4" */
		CANARY(factor_recovery_shape(s, norm) && norm[0] == 'k');
		if (factor_recovery_shape(s, norm) && strlen(norm) != 8)
			abort();
		break;
	case 2:
		if (factor_code_shape(s, digits) &&
		    factor_totp_check(key, 20, now, NB_FACTOR_DIGITS, NB_FACTOR_WINDOW, digits, &counter) &&
		    (counter < now / 30 - 1 || counter > now / 30 + 1))
			abort();	/* accepted outside the window */
		break;
	}
	free(s);
	return 0;
}
