/* The text a store's search index is fed; see search.h. */
#include "search.h"
#include "core/field.h"
#include "core/i18n.h"

#include <string.h>

void store_search_text(const struct nb_entry *e, const char *lang, struct nb_buf *text, struct nb_buf *words)
{
	char *was = NULL;
	bool other = strcmp(lang, nb_lang_now()) != 0;

	if (other)
		was = nb_lang_use(lang);
	fields_search_text(e, text, words);
	if (other)
		nb_lang_back(was);
}
