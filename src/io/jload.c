/*
 * jansson with a budget: its allocation functions are global, so they are
 * set only for the length of one parse (nabij parses one file at a time:
 * the terminal is one thread and the web server serves one request at a
 * time) and counted against that parse's own budget. Freeing goes to
 * free() as always, so a tree made under the budget is released the
 * ordinary way.
 */
#include "jload.h"
#include "core/i18n.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

/* jansson's tree of a real export takes about four times its text */
#define JSON_BUDGET_PER_BYTE 8
#define JSON_BUDGET_BASE ((size_t)8 << 20)

struct budget {
	size_t left;
	bool over;
};

/* The budget of the parse under way, on io_json_load's stack: jansson's
 * allocation functions take no context, so they find it here, and only
 * while json_loadb runs. */
static struct budget *counting;

static void *counted(size_t n)
{
	if (n > counting->left) {
		counting->over = true;
		return NULL;
	}
	counting->left -= n;
	return malloc(n);
}

json_t *io_json_load(const char *text, size_t len, size_t flags, const char *name,
		     struct nb_error *err)
{
	json_malloc_t was_malloc;
	json_free_t was_free;
	json_error_t je;
	json_t *root;
	struct budget b = {
		.left = len > (SIZE_MAX - JSON_BUDGET_BASE) / JSON_BUDGET_PER_BYTE
				? SIZE_MAX : JSON_BUDGET_BASE + len * JSON_BUDGET_PER_BYTE,
	};

	json_get_alloc_funcs(&was_malloc, &was_free);
	counting = &b;
	json_set_alloc_funcs(counted, free);
	root = json_loadb(text, len, flags, &je);
	json_set_alloc_funcs(was_malloc, was_free);
	counting = NULL;
	if (root)
		return root;
	if (b.over)
		nb_error_set(err, NB_EINVAL, "", "%s%s%s", name ? name : "", name ? ": " : "",
			     _("this JSON holds far more, for its size, than any export does (it would take too much memory)."));
	else if (je.line < 0)	/* no place in the text: say what jansson says */
		nb_error_set(err, NB_EINVAL, "", "%s%s%s", name ? name : "", name ? ": " : "", je.text);
	else if (name)
		nb_error_set(err, NB_EINVAL, "", _("%s, line %d, column %d: this is not valid JSON (%s)."),
			     name, je.line, je.column, je.text);
	else
		nb_error_set(err, NB_EINVAL, "", _("line %d, column %d: this is not valid JSON (%s)."),
			     je.line, je.column, je.text);
	return NULL;
}
