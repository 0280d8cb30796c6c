/* Filling struct nb_error; see err.h. */
#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

enum nb_err nb_error_set(struct nb_error *err, enum nb_err code,
			 const char *field, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return code;
	err->code = code;
	snprintf(err->field, sizeof err->field, "%s", field ? field : "");
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return code;
}

void nb_error_clear(struct nb_error *err)
{
	if (!err)
		return;
	err->code = NB_OK;
	err->field[0] = '\0';
	err->msg[0] = '\0';
}
