/* Fuzz harness: every parser of typed field values. The first byte picks
 * the parser; the rest is the text a person might have typed. */
#include "canary.h"
#include "core/parse.h"
#include "core/time.h"
#include "core/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nb_error err;
	struct nb_items l = { 0 };
	struct nb_stamp st;
	char *s, *out = NULL;
	int v;
	int64_t id;

	if (size < 1)
		return 0;
	s = xstrndup((const char *)data + 1, size - 1);	/* stops at a NUL, like argv */
	switch (data[0] % 11) {
	case 0: nb_time_parse(s, 1795201200, "at", &st, &err); break;
	case 1: nb_stamp_parse(s, &st); break;
	case 2:
		CANARY(parse_scale("mood", s, 1, 5, &v, &err) == NB_OK && v == 4 && strlen(s) > 2);
		break;
	case 3: parse_sleep(s, &v, &err); break;
	case 4: parse_seconds("seconds", s, 86400, &v, &err); break;
	case 5: parse_emotion(s, &l, &err); break;
	case 6: parse_body(s, &l, &err); break;
	case 7: parse_list("need", NB_VOCAB_NEED, s, &l, &err); break;
	case 8: parse_id(s, &id, &err); break;
	case 9: nb_day_parse(s, "since", &err); break;
	case 10:
		if (parse_term("state", NB_VOCAB_STATE, s, &out, &err) == NB_OK)
			free(out);
		break;
	}
	items_clear(&l);
	free(s);
	return 0;
}
