/* The files beside the database, read as outside input: a link, a pipe,
 * another user's file or one others may read is refused, and writing
 * never follows a link nor writes over something that was there. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "app/app.h"
#include "core/xalloc.h"
#include "vault/vault.h"
#include "web/place.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char dir[] = "/tmp/nabij-beside-XXXXXX";

static char *in_dir(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static void put(const char *path, const char *text, mode_t mode)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	chmod(path, mode);
}

static char *slurp(const char *path)
{
	char buf[256] = "";
	FILE *f = fopen(path, "r");

	assert_non_null(f);
	buf[fread(buf, 1, sizeof buf - 1, f)] = '\0';
	fclose(f);
	return xstrdup(buf);
}

static void reads_only_a_private_file_of_ours(void **state)
{
	char *p = in_dir("a"), *link = in_dir("link"), *fifo = in_dir("fifo"), buf[64];

	(void)state;
	put(p, "hello\n", 0600);
	assert_int_equal(vault_beside_read(p, buf, sizeof buf, true), 6);
	assert_string_equal(buf, "hello\n");
	chmod(p, 0644);	/* others may read it: not for a secret */
	assert_int_equal(vault_beside_read(p, buf, sizeof buf, true), -1);
	assert_int_equal(errno, EPERM);
	assert_int_equal(vault_beside_read(p, buf, sizeof buf, false), 6);	/* the key header may be read by others */
	chmod(p, 0666);	/* others may change it */
	assert_int_equal(vault_beside_read(p, buf, sizeof buf, false), -1);
	chmod(p, 0600);
	assert_int_equal(symlink(p, link), 0);
	assert_int_equal(vault_beside_read(link, buf, sizeof buf, true), -1);
	assert_int_equal(errno, ELOOP);
	assert_int_equal(mkfifo(fifo, 0600), 0);	/* never waits on a pipe */
	assert_int_equal(vault_beside_read(fifo, buf, sizeof buf, true), -1);
	assert_int_equal(errno, EINVAL);
	assert_int_equal(vault_beside_read(p, buf, 4, true), -1);	/* larger than expected */
	assert_int_equal(errno, EFBIG);
	if (geteuid() == 0) {	/* another user's file */
		assert_int_equal(chown(p, 65534, 65534), 0);
		assert_int_equal(vault_beside_read(p, buf, sizeof buf, true), -1);
		assert_int_equal(errno, EPERM);
	}
	unlink(p);
	unlink(link);
	unlink(fifo);
	assert_int_equal(vault_beside_read(p, buf, sizeof buf, true), -1);
	assert_int_equal(errno, ENOENT);
	free(p);
	free(link);
	free(fifo);
}

static void writes_never_through_a_link(void **state)
{
	char *target = in_dir("target"), *p = in_dir("file"), *text;
	struct stat st;

	(void)state;
	put(target, "keep", 0600);
	assert_int_equal(symlink(target, p), 0);
	assert_true(vault_beside_write(p, "new\n", 4));
	text = slurp(target);
	assert_string_equal(text, "keep");	/* the link's target untouched */
	free(text);
	assert_int_equal(lstat(p, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(st.st_mode & 07777, 0600);
	text = slurp(p);
	assert_string_equal(text, "new\n");
	free(text);
	unlink(p);
	unlink(target);
	free(p);
	free(target);
}

static void the_place_file(void **state)
{
	char db[256], ui[256];	/* on the stack: the children below end with _exit */
	struct place pl = { .ip = 0x7f2a0b0cu, .port = 7421 }, back;
	int fd, other;

	(void)state;
	snprintf(db, sizeof db, "%s/nabij.db", dir);
	snprintf(ui, sizeof ui, "%s/nabij.db-ui", dir);
	memcpy(pl.token, "0123456789abcdef0123456789abcdef", WEB_TOKEN_LEN);
	assert_int_equal(place_load(db, &back), PLACE_NONE);
	assert_true(place_save(db, &pl));
	assert_int_equal(place_load(db, &back), PLACE_OK);
	assert_int_equal(back.ip, pl.ip);
	assert_int_equal(back.port, 7421);
	assert_string_equal(back.token, pl.token);
	chmod(ui, 0640);
	assert_int_equal(place_load(db, &back), PLACE_FOREIGN);	/* others may read it */
	chmod(ui, 0600);
	/* the lines nabij wrote, and nothing else */
	assert_true(place_parse("nabij-ui 2 127.1.2.3 7419 0123456789abcdef0123456789abcdef\n", &back));
	assert_true(place_parse("nabij-ui 1 127.1.2.3 7419 0123456789abcdef0123456789abcdef 4242\n", &back));
	assert_false(place_parse("nabij-ui 2 127.1.2.3 7419 0123456789abcdef0123456789abcdef extra", &back));
	assert_false(place_parse("nabij-ui 2 10.0.0.1 7419 0123456789abcdef0123456789abcdef", &back));
	assert_false(place_parse("nabij-ui 2 127.1.2.3 0 0123456789abcdef0123456789abcdef", &back));
	assert_false(place_parse("nabij-ui 2 127.1.2.3 7419 XYZ", &back));
	/* a place that cannot be written (here: no byte may be written, as on
	 * a full disk) is not left as it was: the file goes, so that no later
	 * start takes the old address and secret again */
	if (fork() == 0) {
		struct rlimit none = { 0, 0 };
		struct place other = pl;

		signal(SIGXFSZ, SIG_IGN);
		setrlimit(RLIMIT_FSIZE, &none);
		other.port = 7500;
		_exit(!place_save(db, &other) && access(ui, F_OK) != 0 ? 0 : 1);
	}
	{
		int status = 1;
		wait(&status);
		assert_int_equal(status, 0);
	}
	assert_int_equal(place_load(db, &back), PLACE_NONE);
	assert_true(place_save(db, &pl));
	/* a database in memory has no files beside it */
	assert_false(place_save(":memory:", &pl));
	assert_int_equal(place_load(":memory:", &back), PLACE_NONE);
	/* the lock: one holder; another process sees it (here: a child) */
	fd = place_lock_open(db);
	assert_true(fd >= 0);
	assert_int_equal(place_lock_holder(fd), 0);
	assert_true(place_lock_take(fd));
	if (fork() == 0) {
		int c = place_lock_open(db);
		_exit(c >= 0 && !place_lock_take(c) && place_lock_holder(c) == getppid() ? 0 : 1);
	}
	{
		int status = 1;
		wait(&status);
		assert_int_equal(status, 0);
	}
	close(fd);
	other = place_lock_open(db);	/* released with its descriptor */
	assert_true(other >= 0);
	assert_int_equal(place_lock_holder(other), 0);
	close(other);
	unlink(ui);
	snprintf(ui, sizeof ui, "%s/nabij.db-ui.lock", dir);
	unlink(ui);
}

/* Setting locked notes aside never writes over what has the name it
 * would take: a link there stays, and the next name is taken. */
static void set_aside_takes_a_free_name(void **state)
{
	char *db = in_dir("locked.db"), *taken = in_dir("locked.db.locked-1"), *victim = in_dir("victim");
	char *aside = NULL, *text;
	struct nb_app a = { 0 };
	struct nb_error err = { 0 };
	struct stat st;

	(void)state;
	put(db, "not really a database", 0600);
	put(victim, "keep", 0600);
	assert_int_equal(symlink(victim, taken), 0);
	assert_int_equal(app_set_aside(&a, db, &aside, &err), NB_OK);
	assert_non_null(strstr(aside, "locked.db.locked-2"));
	assert_int_equal(lstat(taken, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	text = slurp(victim);
	assert_string_equal(text, "keep");
	free(text);
	text = slurp(aside);
	assert_string_equal(text, "not really a database");
	free(text);
	app_close(&a);
	free(aside);
	free(db);
	free(taken);
	free(victim);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_only_a_private_file_of_ours),
		cmocka_unit_test(writes_never_through_a_link),
		cmocka_unit_test(the_place_file),
		cmocka_unit_test(set_aside_takes_a_free_name),
	};
	int rc;

	umask(077);
	if (!mkdtemp(dir))
		return 1;
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	if (fork() == 0) {
		execlp("rm", "rm", "-rf", dir, (char *)NULL);
		_exit(127);
	}
	wait(NULL);
	return rc;
}
