/* Fuzz harness: the checks of nabij serve's accounts on what arrives from
 * outside before anything else (app/account.c): the shape of a token (a
 * cookie, a link), a name, and a password with its name. The first byte
 * picks the check; for a password, the rest is the name, a newline, and
 * the password; the fourth, a browser's User-Agent as a session keeps its
 * short description ("Firefox on Android") and as /account says it. No
 * database is reached: these checks come first. */
#include "canary.h"
#include "app/account.h"
#include "core/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nb_error err;
	char *s, *pass, said[256];
	char browser[NB_PG_BROWSER_MAX + 1];

	if (size < 1)
		return 0;
	s = xstrndup((const char *)data + 1, size - 1);	/* stops at a NUL, like a form's value */
	switch (data[0] % 4) {
	case 0:
		/* met by the seed token: a token's shape, and a name's too */
		CANARY(account_token_valid(s) && account_name_check(s, &err) == NB_OK && s[0] == 'Q');
		break;
	case 1:
		/* a new name's rules are the old ones and more */
		if (account_name_new_check(s, &err) == NB_OK && account_name_check(s, &err) != NB_OK)
			abort();
		break;
	case 2:
		pass = strchr(s, '\n');
		if (pass)
			*pass++ = '\0';
		account_password_check(s, pass ? pass : s, &err);
		break;
	case 3:
		account_browser(s, browser);
		account_browser_say(browser, said, sizeof said);
		break;
	}
	free(s);
	return 0;
}
