/*
 * A growable text buffer, for building output and queries piece by piece.
 * The buffer always holds a terminated string; buf.s may be handed to the
 * caller (buf_detach) or freed with buf_free.
 */
#ifndef NB_BUF_H
#define NB_BUF_H

#include <stddef.h>

struct nb_buf {
	char *s;
	size_t len;
	size_t cap;
};

void buf_add(struct nb_buf *b, const char *s);
void buf_addn(struct nb_buf *b, const char *s, size_t n);
void buf_addc(struct nb_buf *b, char c);
/* v in decimal, as "%lld" writes it. */
void buf_addi(struct nb_buf *b, long long v);
void buf_addf(struct nb_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_reset(struct nb_buf *b);
/* Room for n more bytes at once, for a text whose size is about known. */
void buf_reserve(struct nb_buf *b, size_t n);
/* Return the string (never NULL) and leave b empty; the caller frees it. */
char *buf_detach(struct nb_buf *b);
void buf_free(struct nb_buf *b);

#endif
