/* Numbers written the way the reader's language writes them. */
#include "i18n.h"

#include <stdio.h>
#include <string.h>

const char *nb_dec1(double v, char buf[NB_DEC_LEN])
{
	/* TRANSLATORS: the decimal separator of your language, as in 1.5 */
	const char *mark = _("decimal point");
	char *dot;

	snprintf(buf, NB_DEC_LEN, "%.1f", v);
	if (strcmp(mark, "decimal point") != 0 && strlen(mark) == 1 && (dot = strchr(buf, '.')))
		*dot = mark[0];
	return buf;
}
