/* Fuzz harness: the packed facts of a day in the summary per day, as a
 * store hands them to core/period.c (a damaged database can hold any
 * text there). The input is one day's facts, read for two days so that
 * terms are found again in the pool and counted twice. A fact's count of
 * more than two digits is not tried: n sessions take n times the memory
 * by design, and the counts held at INT_MAX are the unit test's
 * (period_from_rows in tests/unit/test_insight.c). */
#include "canary.h"
#include "core/period.h"
#include "core/xalloc.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nb_term_pool pool = { 0 };
	struct nb_period_reading r;
	struct nb_period p;
	double v[NB_M__COUNT];
	char *facts = xstrndup((const char *)data, size);	/* stops at a NUL, like a column */

	for (const char *f = facts; *f; f++) {
		if ((f == facts || f[-1] == '\x1f') && f[1] && strspn(f + 1, "0123456789") > 2) {
			free(facts);
			return 0;
		}
	}
	for (int m = 0; m < NB_M__COUNT; m++)
		v[m] = NAN;
	period_read_begin(&r, &p, &pool);
	period_read_day(&r, "2024-03-04", 1, v, facts);
	period_read_day(&r, "2024-03-05", 0, v, facts);
	period_read_end(&r);
	/* met by the seed every-kind, read whole (a session, its tension after,
	 * a moment's kind), as the other harnesses' canaries are: a run that
	 * had to find it by chance missed it in 30 s on a busy machine */
	CANARY(p.nsessions > 0 && p.after[0] == 2 && p.terms.n[NB_TERMS_KINDS] > 0);
	period_free(&p);
	term_pool_free(&pool);
	free(facts);
	return 0;
}
