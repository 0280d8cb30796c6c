/* Fuzz harness: nabij JSON import (io_json_read), then validation and
 * writing back of whatever was accepted. */
#include "canary.h"
#include "core/record.h"
#include "io/io.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nb_entries l = { 0 };
	struct nb_error err;
	FILE *devnull;

	if (io_json_read((const char *)data, size, &l, &err) != NB_OK)
		return 0;
	CANARY(l.n >= 3);
	for (size_t i = 0; i < l.n; i++)
		entry_validate(l.v[i], INT64_MAX / 2, &err);
	devnull = fopen("/dev/null", "w");
	if (devnull) {
		io_json_write(devnull, &l, 0, &err);
		io_csv_write(devnull, &l, &err);
		fclose(devnull);
	}
	entries_free(&l);
	return 0;
}
