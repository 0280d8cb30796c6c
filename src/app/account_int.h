/*
 * What account.c lends factor.c (the second factor's part of signing in):
 * not for any other file.
 */
#ifndef NB_APP_ACCOUNT_INT_H
#define NB_APP_ACCOUNT_INT_H

#include "account.h"

/* A new session of person at now, its token into session. */
enum nb_err account_session_begin(struct nb_pg *c, int64_t person, int64_t now, char session[NB_TOKEN_LEN + 1],
				  struct nb_error *err);
/* A key of the sign-in limits (prefix "a:" or "ip:" and what it limits). */
void account_limit_key(char out[101], const char *prefix, const char *what);
/* NB_EINVAL on "wait": too many failures, the oldest at first. */
enum nb_err account_wait_error(int64_t first, int64_t now, struct nb_error *err);
/* Whether pass is the password of hash (Argon2id). */
bool account_password_verify(const char *hash, const char *pass);

/* factor.c, for account_signin: whether person has the factor on. */
enum nb_err factor_wanted(struct nb_pg *c, int64_t person, bool *on, struct nb_error *err);
/* A sign-in of person that waits for its code: NB_EINVAL on "code", the
 * pending token in pending (or the store's error). */
enum nb_err factor_pending(struct nb_pg *c, int64_t person, int64_t now, char pending[NB_TOKEN_LEN + 1],
			   struct nb_error *err);

#endif
