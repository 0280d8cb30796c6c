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

const char *nb_shown_in(const char *s, char b[NB_SHOWN_MAX + 4])
{
	size_t n;

	if (!s)
		return "";
	if ((n = strlen(s)) <= NB_SHOWN_MAX)
		return s;
	n = NB_SHOWN_MAX;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;	/* not inside a UTF-8 character */
	memcpy(b, s, n);
	memcpy(b + n, "...", 4);
	return b;
}
