/* Numbers written the way the reader's language writes them. */
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *dec(double v, int places, char buf[NB_DEC_LEN])
{
	/* TRANSLATORS: the decimal separator of your language, as in 1.5 */
	const char *mark = _("decimal point");
	double half = places == 1 ? 0.05 : 0.005;
	char *dot;

	if (v > -half && v < half)
		v = 0;	/* no "-0.0" */
	snprintf(buf, NB_DEC_LEN, "%.*f", places, v);
	if (strcmp(mark, "decimal point") != 0 && strlen(mark) == 1 && (dot = strchr(buf, '.')))
		*dot = mark[0];
	return buf;
}

const char *nb_dec1(double v, char buf[NB_DEC_LEN])
{
	return dec(v, 1, buf);
}

const char *nb_dec2(double v, char buf[NB_DEC_LEN])
{
	return dec(v, 2, buf);
}
