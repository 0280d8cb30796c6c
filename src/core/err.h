/*
 * Errors as values. Every fallible function returns enum nb_err and, when
 * the caller passes one, fills a struct nb_error with a message meant for a
 * person (already translated) and the name of the field it is about. The
 * faces map codes to exit statuses or HTTP statuses, each in one place.
 */
#ifndef NB_ERR_H
#define NB_ERR_H

enum nb_err {
	NB_OK = 0,
	NB_EINVAL,	/* input a person gave is not acceptable */
	NB_EUSAGE,	/* a command was called the wrong way */
	NB_ENOTFOUND,	/* no record with that id */
	NB_EIO,		/* a file could not be read or written */
	NB_EDB,		/* the database refused or failed */
};

struct nb_error {
	enum nb_err code;
	char field[64];
	char msg[512];
};

/* Fill err (when not NULL) and return code, so callers can write
 * `return nb_error_set(err, NB_EINVAL, "mood", _("..."), v);`. */
enum nb_err nb_error_set(struct nb_error *err, enum nb_err code,
			 const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* What a person gave, for a message: at most NB_SHOWN_MAX bytes, cut at a
 * character and ended with "..." when longer, so that a long value never
 * pushes the reason out of the message. Returns s itself when it is short
 * enough, else buf (NB_SHOWN_MAX + 4 bytes) with the cut in it. */
#define NB_SHOWN_MAX 60
const char *nb_shown_in(const char *s, char buf[NB_SHOWN_MAX + 4]);
/* The same in a buffer of the caller's own (a compound literal, which lives
 * until the caller's block ends): any number in one message, and nothing
 * shared between calls, requests or threads. */
#define nb_shown(s) nb_shown_in((s), (char[NB_SHOWN_MAX + 4]){ 0 })


#endif
