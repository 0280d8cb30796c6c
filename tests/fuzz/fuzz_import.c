/* Fuzz harness: the importers from other apps. The first byte picks Daylio
 * CSV, the Daylio backup or jrnl, and whether contact becomes moments. */
#include "canary.h"
#include "io/import.h"

#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nb_import_opts o = { .mood_map = "blij=4,great=5" };
	struct nb_import_report r;
	struct nb_entries l = { 0 };
	struct nb_error err;
	const char *text = (const char *)data + 1;

	if (size < 1)
		return 0;
	o.moments = data[0] & 4;
	o.dry_run = data[0] & 8;
	switch (data[0] % 3) {
	case 0:
		io_daylio_csv(text, size - 1, &o, &l, &r, &err);
		break;
	case 1:
		io_daylio_backup(text, size - 1, &o, &l, &r, &err);
		break;
	default:
		io_jrnl(text, size - 1, &l, &r, &err);
		break;
	}
	CANARY(l.n >= 2 && data[0] % 3 == 0);	/* Daylio CSV rows read */
	for (size_t i = 0; i < l.n; i++)
		entry_validate(l.v[i], INT64_MAX / 2, &err);
	entries_free(&l);
	return 0;
}
