/*
 * Allocation that cannot fail: out of memory ends the program here, in one
 * place, with a message. Everything else in nabij may assume success.
 */
#ifndef NB_XALLOC_H
#define NB_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* xstrdup(NULL) returns NULL, so optional fields copy without a check. */
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Replace *dst with a copy of src (or NULL), freeing the old value. */
void xstrset(char **dst, const char *src);

#endif
