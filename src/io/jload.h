/*
 * JSON text parsed with a memory budget. A small file can describe a huge
 * tree ("[{},{},...]" costs jansson about fifty times its text), so every
 * file nabij reads goes through io_json_load, which refuses a tree that
 * would take more than a fixed multiple of the text's size.
 */
#ifndef NB_JLOAD_H
#define NB_JLOAD_H

#include "core/err.h"

#include <jansson.h>

/*
 * Parse len bytes of text with jansson's flags. On failure returns NULL and
 * sets err: what is wrong and where, with name (the file's part, may be
 * NULL) before it, or that the file holds more than nabij unpacks. The tree
 * belongs to the caller (json_decref).
 */
json_t *io_json_load(const char *text, size_t len, size_t flags, const char *name,
		     struct nb_error *err);

#endif
