/* Numbers written the way the reader's language writes them. */
#include "i18n.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* gettext caches its lookups; this counter tells it the language changed. */
extern int _nl_msg_cat_cntr;

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

const char *nb_capital(const char *s, char *buf, size_t size)
{
	snprintf(buf, size, "%s", s ? s : "");
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	return buf;
}

bool nb_catalogue_present(const char *lang)
{
	char path[4096];
	const char *dir = bindtextdomain("nabij", NULL);
	FILE *f;

	if (strcmp(lang, "en") == 0)
		return true;	/* the source strings */
	if (!dir || (size_t)snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/nabij.mo", dir, lang) >= sizeof path)
		return false;
	if (!(f = fopen(path, "r")))
		return false;
	fclose(f);
	return true;
}

const char *nb_pgettext(const char *ctx, const char *msgid)
{
	char key[256];
	const char *t;

	if ((size_t)snprintf(key, sizeof key, "%s\004%s", ctx, msgid) >= sizeof key)
		return msgid;
	t = gettext(key);
	return t == key ? msgid : t;
}

const char *nb_lang_now(void)
{
	/* the message the decimal mark is asked by: translated only when the
	 * Dutch catalogue is the one that answers */
	return strcmp(_("decimal point"), "decimal point") != 0 ? "nl" : "en";
}

char *nb_lang_use(const char *lang)
{
	const char *now = getenv("LANGUAGE");
	char *was = now ? xstrdup(now) : NULL;

	if (!now || strcmp(now, lang) != 0) {
		setenv("LANGUAGE", lang, 1);
		++_nl_msg_cat_cntr;
	}
	return was;
}

void nb_lang_back(char *was)
{
	const char *now = getenv("LANGUAGE");

	if (was ? !now || strcmp(now, was) != 0 : now != NULL) {
		if (was)
			setenv("LANGUAGE", was, 1);
		else
			unsetenv("LANGUAGE");
		++_nl_msg_cat_cntr;
	}
	free(was);
}
