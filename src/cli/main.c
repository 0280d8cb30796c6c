/*
 * nabij's entry point: global options, language, the clock, the database
 * path, and the table of commands. Exit statuses are mapped here and only
 * here (cli_exit).
 */
#include "cli.h"
#include "vault/vault.h"
#include "core/i18n.h"
#include "core/time.h"
#include "core/xalloc.h"

#include <limits.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef NB_LOCALEDIR
#define NB_LOCALEDIR "/usr/local/share/locale"
#endif
#ifndef NB_VERSION
#define NB_VERSION "0"
#endif

struct command {
	const char *name;
	int (*run)(struct cli *c, int argc, char **argv);
	const char *summary;	/* English; translated when shown */
	bool asks;		/* may ask questions on a terminal: the database is
				 * opened (and unlocked) before them, so that nothing
				 * typed is lost to a wrong passphrase */
	bool reads;		/* only reads: opened read-only where it can be, so
				 * that a full or read-only disk still lets a person
				 * read and take out their data */
};

static const struct command commands[] = {
	{ "ui", cmd_ui, N_("the local web UI in your browser"), false, false },
	{ "serve", cmd_serve, N_("nabij for many people, on PostgreSQL (nabij-serve)"), false, false },
	{ "checkin", cmd_checkin, N_("a five-minute check-in: body, emotion, need, mood, sleep"), true, false },
	{ "moment", cmd_moment, N_("log a moment of connection or safe touch"), true, false },
	{ "trigger", cmd_trigger, N_("write in the trigger diary; later, how it went"), true, false },
	{ "circle", cmd_circle, N_("your support circle: add, list, edit, remove, card"), true, false },
	{ "today", cmd_today, N_("what you recorded today, and a question for the day"), false, true },
	{ "suggest", cmd_suggest, N_("one practice that may fit now, and why"), false, true },
	{ "exercise", cmd_exercise, N_("guided exercises: list, show, start"), true, false },
	{ "breathe", cmd_breathe, N_("paced breathing with a calm pacer"), true, false },
	{ "reflect", cmd_reflect, N_("answer today's question"), true, false },
	{ "insights", cmd_insights, N_("what goes with your better and harder days"), false, true },
	{ "report", cmd_report, N_("a PDF of a period, to read or to bring along"), false, true },
	{ "week", cmd_week, N_("a calm look back at the week, and one intention"), true, false },
	{ "attachment", cmd_attachment, N_("the attachment reflection, every few months"), true, false },
	{ "phase", cmd_phase, N_("note where a relationship stands"), true, false },
	{ "experiment", cmd_experiment, N_("try one practice on your own life, in periods with and without"), false, false },
	{ "list", cmd_list, N_("list records by date and kind"), false, true },
	{ "show", cmd_show, N_("show one record in full"), false, true },
	{ "edit", cmd_edit, N_("change a record"), false, false },
	{ "delete", cmd_delete, N_("delete a record (nabij undo brings it back for a while)"), false, false },
	{ "undo", cmd_undo, N_("bring back what was deleted a moment ago"), false, false },
	{ "search", cmd_search, N_("search all your text"), false, true },
	{ "export", cmd_export, N_("write all your data as JSON or CSV"), false, true },
	{ "import", cmd_import, N_("read an export of nabij, Daylio or jrnl"), false, false },
	{ "forget", cmd_forget, N_("remove for good what waits for undo; with --all, everything"), false, false },
	{ "backup", cmd_backup, N_("a whole copy of the database, encrypted when it is"), false, true },
	{ "restore", cmd_restore, N_("put a backup back, after checking it; the old one is kept"), false, false },
	{ "check", cmd_check, N_("check that the database is whole, and say what was found"), false, true },
	{ "passphrase", cmd_passphrase, N_("encrypt your notes with a passphrase: set, change, remove"), false, false },
	{ "help", cmd_help, N_("how to use nabij, and what it is not"), false, false },
};

int cli_exit(enum nb_err rc)
{
	switch (rc) {
	case NB_OK:
		return 0;
	case NB_EINVAL:
	case NB_EUSAGE:
		return 2;
	default:
		return 1;
	}
}

int cli_fail(const struct nb_error *err)
{
	fflush(stdout);	/* what was said before the error comes before it */
	fprintf(stderr, "nabij: %s\n", err->msg[0] ? err->msg : _("something went wrong."));
	return cli_exit(err->code ? err->code : NB_EIO);
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("nabij: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (cmd)
		fprintf(stderr, _("See \"nabij %s --help\".\n"), cmd);
	else
		fputs(_("See \"nabij --help\".\n"), stderr);
	return 2;
}

bool cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return false;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return true;
	}
	return false;
}

int cli_print_help(const char *cmd)
{
	cmd_help_print(cmd);
	return 0;
}

/* The database path: --db, then NABIJ_DB, then the XDG data folder. */
static char *db_path(const char *opt)
{
	const char *env = getenv("NABIJ_DB"), *xdg = getenv("XDG_DATA_HOME"),
		   *home = getenv("HOME");

	if (opt && *opt)
		return xstrdup(opt);
	if (env && *env)
		return xstrdup(env);
	if (xdg && *xdg == '/')
		return xasprintf("%s/nabij/nabij.db", xdg);
	return xasprintf("%s/.local/share/nabij/nabij.db", home && *home ? home : ".");
}

/*
 * The first time nabij makes its database and a person is at the terminal
 * (not a script), it offers once to lock it with a passphrase: opt-in at
 * first use (docs/SECURITY.md). Whatever the answer, the command goes on;
 * the database then exists, so the question does not come back, and
 * nabij passphrase set does it later.
 */
static bool first_use(const struct cli *c)
{
	const char *fd = getenv("NABIJ_PASSPHRASE_FD");

	return !c->no_offer && !c->json && c->tty_in && c->tty_out && !(fd && *fd) &&
	       strcmp(c->db_path, ":memory:") != 0 && access(c->db_path, F_OK) != 0;
}

static void offer_passphrase(struct cli *c)
{
	printf(_("nabij keeps what you write in one file on this computer:\n  %s\n"), c->db_path);
	out_wrapped(stdout, _("You can lock it with a passphrase: then nobody can read it without the passphrase, not even you if you forget it. You can also do this later, with nabij passphrase set."),
		    0, 76);
	if (!prompt_yes(_("Lock it with a passphrase now? [y/N] "), false)) {
		puts(_("Fine: it stays unlocked for now.\n"));
		return;
	}
	for (int tries = 0; tries < 3; tries++) {
		struct nb_error err = { 0 };
		size_t len = 0;
		char *pass = cli_new_passphrase(&len, &err);
		enum nb_err rc = pass ? app_protect(&c->app, c->db_path, pass, len, &err) : err.code;

		vault_free(pass);
		if (!rc) {
			out_wrapped(stdout, _("Locked. Keep the passphrase somewhere safe, such as a password manager: without it nobody can read your notes, not even you."),
				    0, 76);
			puts("");
			return;
		}
		out_wrapped(stdout, err.msg, 0, 76);
		if (rc != NB_EINVAL)	/* no passphrase typed: they changed their mind */
			break;
	}
	puts(_("It stays unlocked for now; nabij passphrase set locks it later.\n"));
}

enum nb_err cli_open(struct cli *c, struct nb_error *err)
{
	enum nb_err rc;
	bool fresh;

	if (c->db_open)
		return NB_OK;
	fresh = first_use(c);
	if ((rc = app_check_file(c->db_path, err)))
		return rc;
	if (app_encrypted(&c->app, c->db_path)) {
		size_t len = 0;
		char *pass = cli_passphrase(_("Passphrase: "), &len, err);
		if (!pass)
			return err->code;
		rc = app_open(&c->app, c->db_path, pass, len, err);
		vault_free(pass);
	} else {
		rc = app_open(&c->app, c->db_path, NULL, 0, err);
	}
	if (rc)
		return rc;
	c->db_open = true;
	if (fresh)
		offer_passphrase(c);
	/* a check reads the file itself, not the records */
	if (c->app.reading && !c->app.checking)
		c->read_scope = app_read_begin(&c->app, NULL) == NB_OK;
	return NB_OK;
}

/*
 * The message catalogue next to a binary in the build tree wins over the
 * installed one, so that a build works before it is installed.
 */
static void bind_catalogue(void)
{
	char exe[PATH_MAX], *dir = NULL;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	const char *env = getenv("NABIJ_LOCALEDIR");
	struct stat st;

	if (env && *env) {
		bindtextdomain("nabij", env);
	} else if (n > 0) {
		exe[n] = '\0';
		*strrchr(exe, '/') = '\0';
		dir = xasprintf("%s/po", exe);
		char *mo = xasprintf("%s/nl/LC_MESSAGES/nabij.mo", dir);
		bindtextdomain("nabij", stat(mo, &st) == 0 ? dir : NB_LOCALEDIR);
		free(mo);
	} else {
		bindtextdomain("nabij", NB_LOCALEDIR);
	}
	free(dir);
	bind_textdomain_codeset("nabij", "UTF-8");
	textdomain("nabij");
}

/* The language from the environment's first of LC_ALL, LC_MESSAGES, LANG. */
static const char *env_language(void)
{
	const char *names[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

	for (size_t i = 0; i < 3; i++) {
		const char *v = getenv(names[i]);
		if (v && *v)
			return v;
	}
	return "";
}

/*
 * Choose the language. gettext ignores LANGUAGE under the "C" locale and
 * many machines have no Dutch locale installed, so when the environment's
 * locale is missing or plain C, nabij runs under C.UTF-8 (always present in
 * glibc) and names the language through LANGUAGE itself.
 */
static void set_language(const char *lang)
{
	const char *loc = setlocale(LC_ALL, "");
	const char *language = getenv("LANGUAGE");

	if (!loc || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0)
		setlocale(LC_ALL, "C.UTF-8");
	if (lang)
		setenv("LANGUAGE", lang, 1);
	else if (!language || !*language)
		setenv("LANGUAGE", strncmp(env_language(), "nl", 2) == 0 ? "nl" : "en", 1);
	bind_catalogue();
	/* a nabij built or copied without its Dutch words: say so, once */
	if (getenv("LANGUAGE") && strncmp(getenv("LANGUAGE"), "nl", 2) == 0 && !nb_catalogue_present("nl"))
		fprintf(stderr, "nabij: the Dutch words of nabij are not installed with this program (no nl/LC_MESSAGES/nabij.mo under %s), so it speaks English. \"make install\" puts them in place.\n",
			bindtextdomain("nabij", NULL));
}

/* NABIJ_NOW fixes the clock (for tests and reproducible examples). */
/* The clock, or NABIJ_NOW (for tests); -1 when that cannot be read. */
static int64_t clock_now(void)
{
	const char *fixed = getenv("NABIJ_NOW");
	struct nb_stamp st;

	if (fixed && *fixed)
		return nb_stamp_parse(fixed, &st) ? st.utc : -1;
	return (int64_t)time(NULL);
}

static void usage(FILE *f)
{
	fprintf(f, "%s\n\n", _("Usage: nabij [--db PATH] [--lang nl|en] [--json] COMMAND [ARGS]"));
	fprintf(f, "%s\n", _("nabij helps you practise connection day by day and see what helps you."));
	fprintf(f, "\n%s\n", _("Commands:"));
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  %-11s %s\n", commands[i].name, _(commands[i].summary));
	fprintf(f, "\n%s\n", _("Options for every command:"));
	fprintf(f, "  --db PATH      %s\n", _("the database (default: $XDG_DATA_HOME/nabij/nabij.db; or NABIJ_DB)"));
	fprintf(f, "  --lang nl|en   %s\n", _("the language (default: from LANGUAGE, LC_ALL or LANG)"));
	fprintf(f, "  --json         %s\n", _("output for programs instead of people"));
	fprintf(f, "  --help         %s\n", _("help for nabij or for one command"));
	fprintf(f, "  --version      %s\n", _("the version of nabij"));
	fprintf(f, "\n%s\n", _("\"nabij COMMAND --help\" tells more about a command."));
}

/*
 * Take the global options out of argv, wherever they stand before "--",
 * so "nabij checkin --lang nl" works as well as "nabij --lang nl checkin".
 */
static int take_globals(int *argc, char **argv, const char **db, const char **lang,
			bool *json, bool *version)
{
	int out = 1;

	for (int i = 1; i < *argc; i++) {
		const char *a = argv[i];
		const char **slot = NULL;
		const char *eq = NULL;

		if (strcmp(a, "--") == 0) {
			while (i < *argc)
				argv[out++] = argv[i++];
			break;
		}
		if (strcmp(a, "--json") == 0) {
			*json = true;
			continue;
		}
		if (strcmp(a, "--version") == 0 && out == 1) {
			*version = true;
			continue;
		}
		if (strncmp(a, "--db", 4) == 0 && (a[4] == '\0' || a[4] == '='))
			slot = db, eq = a[4] ? a + 5 : NULL;
		else if (strncmp(a, "--lang", 6) == 0 && (a[6] == '\0' || a[6] == '='))
			slot = lang, eq = a[6] ? a + 7 : NULL;
		if (!slot) {
			argv[out++] = argv[i];
			continue;
		}
		if (eq) {
			*slot = eq;
		} else if (i + 1 < *argc) {
			*slot = argv[++i];
		} else {
			return -1;
		}
	}
	argv[out] = NULL;
	*argc = out;
	return 0;
}

int main(int argc, char **argv)
{
	struct cli c = { 0 };
	struct nb_error err = { 0 };
	const char *db = NULL, *lang = NULL, *nocolor = getenv("NO_COLOR");
	bool version = false;
	int status = 2;
	char *path = NULL;

	umask(077);	/* the data is private: files 0600, folders 0700 */
	if (vault_harden(NULL) != NB_OK) {
		fputs("nabij: the cryptography library could not start\n", stderr);
		return 1;
	}
	if (take_globals(&argc, argv, &db, &lang, &c.json, &version) != 0) {
		set_language(NULL);
		return cli_usage(NULL, "%s", _("--db and --lang need a value."));
	}
	if (lang && strcmp(lang, "nl") != 0 && strcmp(lang, "en") != 0) {
		set_language(NULL);
		return cli_usage(NULL, _("--lang takes nl or en, not \"%s\"."), lang);
	}
	set_language(lang);
	c.lang = lang;
	if (version) {
		printf("nabij %s\n", NB_VERSION);
		return 0;
	}
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	c.tty_in = isatty(STDIN_FILENO);
	c.tty_out = isatty(STDOUT_FILENO);
	c.color = c.tty_out && !(nocolor && *nocolor) && !c.json;
	if ((c.app.now = clock_now()) < 0) {
		status = cli_usage(NULL, _("NABIJ_NOW is \"%s\", which is not a moment nabij can read; give one like 2026-11-20T20:00:00+01:00, or leave it empty for the clock."),
				   nb_shown(getenv("NABIJ_NOW")));
		goto done;
	}
	c.fixed_clock = getenv("NABIJ_NOW") && *getenv("NABIJ_NOW");
	path = db_path(db);
	c.db_path = path;
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		if (strcmp(argv[1], commands[i].name) != 0)
			continue;
		c.app.reading = commands[i].reads;
		/* nabij serve's help is nabij-serve's, in the language set here */
		if (cli_wants_help(argc - 1, argv + 1) && commands[i].run != cmd_serve)
			status = cli_print_help(commands[i].name);
		else if (commands[i].asks && c.tty_in && !c.json && cli_open(&c, &err))
			status = cli_fail(&err);
		else
			status = commands[i].run(&c, argc - 1, argv + 1);
		goto done;
	}
	status = cli_usage(NULL, _("\"%s\" is not a nabij command."), argv[1]);
done:
	if (c.read_scope)
		app_read_end(&c.app);
	if (c.db_open)
		app_close(&c.app);
	free(path);
	return status;
}
