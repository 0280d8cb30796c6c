/* What the use-cases of src/app/ share among themselves, not the faces. */
#ifndef NB_APP_SCOPE_H
#define NB_APP_SCOPE_H

#include "app.h"

#include <stdbool.h>

/*
 * The body of a use-case that reads: call, within one read scope of its
 * own unless its caller holds one already (app_read_begin: they nest), and
 * return what call returned.
 */
#define APP_READ(a, call)                                         \
	do {                                                      \
		bool scope_ = !app_read_begin((a), NULL);         \
		enum nb_err rc_ = (call);                         \
                                                                  \
		if (scope_)                                       \
			app_read_end(a);                          \
		return rc_;                                       \
	} while (0)

#endif
