/*
 * The accounts of the hosted store: their tables and the SECURITY DEFINER
 * functions that reach them. The accounts' part comes with app/account.c;
 * until then each schema step has nothing of theirs.
 */
#include "pg.h"

enum nb_err pg_account_migrate(struct nb_pg *c, int step, const char *app_role, struct nb_error *err)
{
	(void)c;
	(void)step;
	(void)app_role;
	(void)err;
	return NB_OK;	/* the accounts' part comes with app/account.c */
}
