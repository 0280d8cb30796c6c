/*
 * nabij help, and the --help text of every command. Texts are written for
 * a person reading them on a calm day or a hard one: short and plain.
 */
#include "cli.h"
#include "core/care.h"
#include "core/field.h"
#include "core/insight.h"
#include "core/i18n.h"

#include <stdio.h>
#include <string.h>

static const struct {
	const char *cmd;
	const char *text;
} texts[] = {
	{ "checkin", N_(
"Usage: nabij checkin [FLAGS]\n"
"\n"
"A check-in: how your body feels, which emotions are here, what you need,\n"
"and a few quick scales. In a terminal without flags, nabij asks you one\n"
"question at a time; press Enter to skip any of them.\n"
"\n") },
	{ "moment", N_(
"Usage: nabij moment KIND [FLAGS]\n"
"\n"
"A moment of connection or safe touch. Small moments count.\n"
"KIND is one of: hug, hand, arm, self, animal, talk, gesture, massage, close, other.\n"
"\n") },
	{ "trigger", N_(
"Usage: nabij trigger [FLAGS]\n"
"       nabij trigger outcome ID TEXT\n"
"\n"
"The trigger diary: when a strong reaction comes, note what happened, what\n"
"it did, the need under it and one small thing you could try. Later, note\n"
"how it went. Over time, what returns becomes visible.\n"
"\n") },
	{ "circle", N_(
"Usage: nabij circle add NAME [--place] [--reach TEXT] [--helps TEXT] [--first]\n"
"       nabij circle list\n"
"       nabij circle edit ID [--name TEXT] [--reach TEXT] [--helps TEXT]\n"
"                            [--place | --person] [--first | --not-first]\n"
"       nabij circle remove ID [--yes]\n"
"       nabij circle card\n"
"       nabij circle beside [--text TEXT | --print]\n"
"\n"
"Your support circle: three to five people or places to turn to when things\n"
"get hard. \"card\" prints it as a card to hang somewhere you will see it.\n"
"\"beside\" helps you write what helps you when you are low, for the people\n"
"in your circle; it is printed on the back of the card. --first marks the\n"
"one to call first when it is hard, such as a sponsor or a buddy: after a\n"
"check-in with a strong craving, nabij names them. There is one at a time:\n"
"marking someone takes the place of the one before, and nabij says so.\n"
"\n") },
	{ "today", N_(
"Usage: nabij today\n"
"\n"
"What you recorded today, when you last had a wanted touch, your mood over\n"
"the last two weeks, and one question for the day.\n") },
	{ "list", N_(
"Usage: nabij list [--since DAY] [--until DAY] [--type KIND] [--limit N] [--all]\n"
"\n"
"Your records, oldest first. Without a period, the last 20.\n"
"KIND: checkin, moment, trigger, member, session, reflection, attachment,\n"
"phase (or several: a,b).\n"
"DAY: 2026-11-20.\n") },
	{ "show", N_(
"Usage: nabij show ID\n"
"\n"
"One record in full. The numbers are shown by \"nabij list\".\n") },
	{ "edit", N_(
"Usage: nabij edit ID FLAGS\n"
"\n"
"Change a record, with the same flags that made it (see the --help of its\n"
"command). A list flag, like --emotion, replaces the list. To clear a field,\n"
"give it an empty value or \"none\", like --mood none.\n") },
	{ "delete", N_(
"Usage: nabij delete ID [--yes]\n"
"\n"
"Delete a record, with everything that belongs to it. In a terminal nabij\n"
"asks first, unless you give --yes. It is gone at once from every list,\n"
"search, chart and export; for ten minutes nabij undo brings it back whole,\n"
"and after that it is gone for good (nabij forget: at once).\n") },
	{ "undo", N_(
"Usage: nabij undo [ID]\n"
"\n"
"Bring back what you deleted in the last ten minutes: the record deleted last,\n"
"or record ID. It comes back whole, with the same number, and a circle member\n"
"with the moments that name them. After ten minutes a deleted record is gone\n"
"for good.\n") },
	{ "search", N_(
"Usage: nabij search WORDS [--limit N]\n"
"\n"
"Search all your text: notes, tags, situations, names. Every word must\n"
"appear (as a word or the start of one). Best matches first.\n") },
	{ "export", N_(
"Usage: nabij export [--format json|csv|daylio] [--out FILE]\n"
"       nabij export --per-type FOLDER\n"
"\n"
"All your data, to standard output or to FILE. JSON is complete and can be\n"
"imported again; CSV is for spreadsheets (--per-type: one file per kind of\n"
"record); daylio writes your check-ins as Daylio's CSV, for other apps. Your\n"
"data stays yours: export it whenever you like.\n") },
	{ "import", N_(
"Usage: nabij import FILE [--from nabij|daylio|daylio-backup|jrnl] [--dry-run]\n"
"                         [--mood-map NAME=1-5,...] [--moments]\n"
"\n"
"Read an export of nabij, Daylio (its CSV or its .daylio backup) or jrnl.\n"
"Without --from, nabij tells them apart by name and content. Records that are\n"
"already here are left alone, so importing a file twice adds nothing twice.\n"
"If anything in the file is wrong, nothing is imported and nabij says where.\n"
"\n"
"  --dry-run     only count what would be imported, per kind and period\n"
"  --mood-map    a level for Daylio moods you renamed, e.g. \"great=5,fine=3\"\n"
"  --moments     Daylio activities that are contact (hug, friends, family,\n"
"                date) also become moments of connection\n") },
	{ "insights", N_(
"Usage: nabij insights [--since DAY] [--until DAY] [--json]\n"
"\n"
"Does your mood, connection, tension, energy or sleep differ on days with a\n"
"moment of connection, a wanted touch, an exercise, time with someone of your\n"
"circle, a need, a trigger; that day and the next? Only the differences that\n"
"stand out among everything compared are shown (Benjamini-Hochberg at a false\n"
"discovery rate of 10%), each with an interval widened for the selection and\n"
"for days that follow each other, with the days it rests on, and only with at\n"
"least 5 days on each side. Patterns in your own days, not proof of a cause.\n"
"Also: how tension changed around each exercise, the trend of the last\n"
"weeks (the mean of the five weeks around each week), and the needs and\n"
"trigger emotions that come back most.\n") },
	{ "report", N_(
"Usage: nabij report --out FILE.pdf [--from DAY] [--until DAY]\n"
"                    [--with-notes] [--with-circle]\n"
"\n"
"A PDF on A4 of a period (the last 90 days unless you say): your check-ins\n"
"over time, moments of connection per week, needs that came back, exercises\n"
"and your tension, and the insights with their intervals. To read yourself\n"
"or to bring to a therapist. Your notes and your circle are in it only\n"
"when you ask:\n"
"\n"
"  --with-notes    the notes of your check-ins and moments\n"
"  --with-circle   the people and places of your circle\n") },
	{ "forget", N_(
"Usage: nabij forget [--all [--yes]]\n"
"\n"
"Without --all: remove for good, now, what you deleted in the last ten\n"
"minutes and nabij undo could still bring back, so that nothing of it stays\n"
"on the disk.\n"
"\n"
"With --all: delete everything you wrote in nabij, for good, and rewrite the\n"
"database so that nothing of it stays on the disk. In a terminal nabij asks\n"
"you to type a word first; from a script give --yes. Export first if you want\n"
"a copy.\n") },
	{ "backup", N_(
"Usage: nabij backup FILE\n"
"\n"
"A whole copy of the database in FILE, made with SQLite's online backup while\n"
"nabij may be in use. When the database is encrypted, the copy is too, with\n"
"the same passphrase, and FILE.header belongs to it. FILE must be new.\n") },
	{ "restore", N_(
"Usage: nabij restore FILE\n"
"\n"
"Put a backup back in place of the database. nabij first copies it beside\n"
"the database, opens it (asking its passphrase when it is encrypted) and\n"
"checks every page; only then does it take the place of the database. The\n"
"database as it was is kept beside it, ending in .before-restore. This also\n"
"works when the database is damaged and no longer opens (its passphrase is\n"
"still asked).\n") },
	{ "check", N_(
"Usage: nabij check\n"
"\n"
"Check that the database is whole: the file's structure (SQLite's integrity\n"
"check), the seal of every page when it is encrypted, the search index, and\n"
"the links between records. nabij says what it found and, when something is\n"
"wrong, what you can do; it shows how many records there are of each kind,\n"
"never what they say. It only reads, so it also works on a read-only disk\n"
"and while nabij ui is open. Exit status 0 when all is well, 1 when not.\n") },
	{ "passphrase", N_(
"Usage: nabij passphrase set|change|remove\n"
"\n"
"Encrypt everything you wrote with a passphrase (SQLCipher, a key from the\n"
"passphrase with Argon2id), choose a new one, or store without one again.\n"
"nabij then asks for it each time it opens the database; the web UI shows an\n"
"unlock page. Without the passphrase nobody can read your notes, not even\n"
"you: keep it somewhere safe. It is asked without echo, or, for scripts, read\n"
"as one line from the file descriptor named by NABIJ_PASSPHRASE_FD; never\n"
"from the command line.\n") },
	{ "suggest", N_(
"Usage: nabij suggest\n"
"\n"
"One practice that may fit now, from your latest check-in and from what has\n"
"helped you before, with one sentence of why. A suggestion, never a command.\n"
"Every check-in ends with one.\n") },
	{ "exercise", N_(
"Usage: nabij exercise list\n"
"       nabij exercise show ID\n"
"       nabij exercise start ID [--tension-before 1-5] [--tension-after 1-5]\n"
"       nabij exercise start urge [--urge-before 1-5] [--urge-after 1-5]\n"
"\n"
"Guided exercises of two to a few minutes: breath, compassion, grounding,\n"
"memory, place, meeting, closeness, urge. Each session keeps how long it\n"
"lasted and, if you like, how tense you were before and after, so you can\n"
"see over weeks what calms you. Riding an urge (urge) keeps how strong the\n"
"urge was before and after instead.\n"
"\n") },
	{ "breathe", N_(
"Usage: nabij breathe [--in 4] [--hold 2] [--out 6] [--rest 0] [--minutes 3]\n"
"\n"
"Paced breathing: breathe in, hold gently, and breathe out longer than in.\n"
"A bar fills as you breathe in and empties as you breathe out. Ctrl-C stops\n"
"early and keeps the time you did. Over weeks you can lengthen it, slowly.\n"
"\n") },
	{ "reflect", N_(
"Usage: nabij reflect [--text TEXT] [--prompt ID]\n"
"       nabij reflect --closeness\n"
"\n"
"A short question for today (a new one each day) and your answer. With\n"
"--closeness, the three questions about closeness together, each with a\n"
"gentle hint.\n"
"\n") },
	{ "week", N_(
"Usage: nabij week [--date DAY] [--intention TEXT]\n"
"\n"
"A calm look back at a week, Monday to Sunday. It opens with one or two\n"
"things worth noticing (a heavier day and what followed it, an urge ridden\n"
"down, a moment that came back, the exercise after which your tension was\n"
"lowest, your intention for the week), then the numbers: check-ins, moments\n"
"of connection, exercises and their effect, triggers, needs that came back,\n"
"reflections. In a terminal it asks for one intention for the coming week;\n"
"the next week shows it.\n") },
	{ "attachment", N_(
"Usage: nabij attachment [--answers A,B,...]\n"
"\n"
"Twelve statements about closeness, answered 1 to 7, placed on two axes:\n"
"anxiety about closeness and avoidance of closeness. It shows where you\n"
"stand now and what changed since last time. A reflection, not a diagnosis;\n"
"take it every few months.\n"
"\n") },
	{ "phase", N_(
"Usage: nabij phase PHASE --with NAME [--note TEXT] [--at TIME]\n"
"       nabij phase list [--with NAME]\n"
"\n"
"Note where a relationship stands: with a friend, a child, a sister or a\n"
"partner. PHASE is one of: start (an intense start), distance (fear and\n"
"distance), clash (a clash of longing and withdrawal), turning (a turning\n"
"point).\n") },
	{ "experiment", N_(
"Usage: nabij experiment start PRACTICE --outcome OUTCOME [--pairs N] [--days N]\n"
"                        [--baseline N] [--washout N] [--words TEXT] [--report]\n"
"                        [--seed HEX] [--day DAY]\n"
"       nabij experiment [result | plan]\n"
"       nabij experiment yes|no [--day DAY]\n"
"       nabij experiment pause | resume | stop\n"
"\n"
"Try one practice on your own life: pairs of periods with it and without it,\n"
"the order within each pair drawn by chance, and then how the outcome\n"
"compared. PRACTICE: embrace (a daily hug or sitting close, with a friend or\n"
"a grandchild), evening-breath, reach-out (a message or call to someone of\n"
"your circle), self-touch (before sleep) or own (with --words). OUTCOME:\n"
"%s, from your check-ins.\n"
"\n") },
	{ "ui", N_(
"Usage: nabij ui [--port N] [--no-open] [--address] [--stop]\n"
"\n"
"Starts nabij in your browser. It listens on this computer only; no page or\n"
"program elsewhere can reach it. Ctrl-C stops it. The next start takes the\n"
"same address again, so a bookmark keeps working (when another program has\n"
"taken it, a new address and a new sign-in). When nabij already runs,\n"
"\"nabij ui\" opens that one instead of a second. --no-open opens no browser;\n"
"--address prints the address that signs a browser in (it holds a secret:\n"
"keep it to yourself). --stop stops the one that runs. --port 0 picks any\n"
"free port.\n") },
	{ "help", N_(
"Usage: nabij help [COMMAND | beside | alone | loss | touch]\n"
"\n"
"How to use nabij, or one of its commands. \"nabij help beside\" is a page\n"
"for the people who stand beside someone who is low; \"nabij help alone\"\n"
"for living alone; \"nabij help loss\" for when you lost someone; \"nabij\n"
"help touch\" for when touch feels unsafe.\n") },
};

const char *cmd_help_text(const char *cmd)
{
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (strcmp(texts[i].cmd, cmd) == 0)
			return _(texts[i].text);
	return NULL;
}

/* A line of --help for one of a command's own options. */
struct own_line {
	const char *flag;	/* as written: "--at", "-i, --interactive" */
	const char *arg;	/* N_(): its value, or NULL */
	const char *help;	/* N_() */
};

static const struct own_line circle_own[] = {
	{ "--yes", NULL, N_("remove without asking first") },
	{ "--text", N_("TEXT"), N_("beside: what helps you, without the questions") },
	{ "--print", NULL, N_("beside: the text alone, to share") },
	{ "-i, --interactive", NULL, N_("ask the questions even when not in a terminal") },
	{ 0 },
};

static const struct own_line experiment_own[] = {
	{ "--day", N_("DAY"), N_("start: the plan's first day, today (the default) or up to\n"
				 "30 days ahead; yes, no: another day of the plan") },
	{ "-i, --interactive", NULL, N_("ask the questions even when not in a terminal") },
	{ 0 },
};

static const struct own_line exercise_own[] = {
	{ "-i, --interactive", NULL, N_("guide even when not in a terminal") },
	{ 0 },
};

static const struct own_line breathe_own[] = {
	{ "--in, --out", N_("SECONDS"), N_("breathing in and out (out longer than in)") },
	{ "--hold, --rest", N_("SECONDS"), N_("a pause after breathing in, and after out") },
	{ "--minutes", N_("N"), N_("1 to 30") },
	{ 0 },
};

static const struct own_line reflect_own[] = {
	{ "--closeness", NULL, N_("the three questions about closeness together") },
	{ 0 },
};

static const struct own_line when_and_ask[] = {
	{ "--at", N_("TIME"), N_("when, if not now") },
	{ "-i, --interactive", NULL, N_("ask instead") },
	{ 0 },
};

/* The commands whose flags are the rows of a kind (core/field.c): their
 * text, a line for each row a person gives that has words for --help (a
 * scale has its range and its ends), their own options, then the rest.
 * The meanings stand in a column after the widest flag and two spaces, or
 * at col. */
static const struct {
	const char *cmd;
	enum nb_type fields;
	int col;
	const struct own_line *own;
	const char *tail;
} with_fields[] = {
	{ "checkin", NB_CHECKIN, 26, NULL, N_(
"  --at TIME                 for a moment earlier, e.g. 21:30 or 2026-11-20T21:30\n"
"  -i, --interactive         ask the questions even when not in a terminal\n"
"\n"
"Your own words are welcome wherever a list is shown.\n") },
	{ "moment", NB_MOMENT, 0, when_and_ask, N_(
"\n"
"Touch is an invitation, never an obligation. A \"no\" is worth noting too.\n") },
	{ "trigger", NB_TRIGGER, 0, when_and_ask, NULL },
	{ "exercise", NB_SESSION, 0, exercise_own, N_(
"\n"
"The breath exercise takes the options of \"nabij breathe\".\n") },
	{ "breathe", NB_SESSION, 0, breathe_own, NULL },
	{ "reflect", NB_REFLECTION, 0, reflect_own, NULL },
	{ "attachment", NB_ATTACHMENT, 0, NULL, NULL },
	{ "circle", NB_MEMBER, 0, circle_own, NULL },
	{ "experiment", NB_EXPERIMENT, 0, experiment_own, N_(
"\n"
"One experiment runs at a time. What you did is read from your moments and\n"
"exercises; where they cannot tell, say it with \"nabij experiment yes\" or\n"
"\"no\". Without an argument: today's kind of day; \"result\" gives the answer\n"
"(provisional while it runs). A day without is never a day of doing without:\n"
"if you need closeness, take it; that day simply counts as it went.\n") },
};

#define HELP_LINES 32

/* The flag side of a line ("--mood 1-5", "--place, --person"), and its
 * meaning, of row f; false when the row has no line. */
static bool row_line(const struct nb_field *f, char *left, size_t size, const char **meaning,
		     char *range, size_t rsize)
{
	const char *name = field_flag_name(f);
	bool ends = f->type == NB_FT_SCALE && f->low;	/* a scale's meaning: its ends */

	bool terms = !f->help && f->arg && f->type == NB_FT_TERM && f->vocab != NB_VOCAB_FREE && vocab_is_closed(f->vocab);

	if ((f->flags & NB_FF_KEPT) || (!ends && !f->help && !terms))
		return false;
	if (f->type == NB_FT_SCALE)
		snprintf(left, size, "--%s %d-%d", name, f->lo, f->hi);
	else if (f->type == NB_FT_FLAG)
		snprintf(left, size, "--%s%s%s", name, f->off ? ", --" : "", f->off ? f->off : "");
	else
		snprintf(left, size, "--%s %s", name, f->arg ? _(f->arg) : "");
	if (ends) {
		snprintf(range, rsize, "%s, %s", _(f->low), _(f->high));
		*meaning = range;
	} else if (terms) {	/* a closed list without words of its own: its terms */
		struct nb_buf list = { 0 };
		cli_terms_text(f->vocab, &list);
		snprintf(range, rsize, "%s", list.s ? list.s : "");
		buf_free(&list);
		*meaning = range;
	} else {
		*meaning = _(f->help);
	}
	return true;
}

/* "  --mood 1-5                1 very low, 5 very good": left, then the
 * meaning at col, its later lines under it. */
static void help_line(const char *left, const char *meaning, int col)
{
	int w = out_text_width(left);

	printf("  %s%*s", left, col - w > 0 ? col - w : 1, "");
	for (const char *p = meaning; *p; p++) {
		putchar(*p);
		if (*p == '\n' && p[1])
			printf("%*s", col + 2, "");
	}
	printf("\n");
}

static void field_lines(enum nb_type t, int col, const struct own_line *own)
{
	size_t n;
	const struct nb_field *f = fields_of(t, &n);
	char left[HELP_LINES][64], ranges[HELP_LINES][160];
	const char *meaning[HELP_LINES];
	size_t k = 0;
	int widest = 0;

	for (size_t i = 0; i < n && k < HELP_LINES; i++)
		if (row_line(&f[i], left[k], sizeof left[k], &meaning[k], ranges[k], sizeof ranges[k]))
			k++;
	for (size_t i = 0; own && own[i].flag && k < HELP_LINES; i++, k++) {
		snprintf(left[k], sizeof left[k], "%s%s%s", own[i].flag, own[i].arg ? " " : "",
			 own[i].arg ? _(own[i].arg) : "");
		meaning[k] = _(own[i].help);
	}
	for (size_t i = 0; i < k; i++)
		if (out_text_width(left[i]) + 2 > widest)
			widest = out_text_width(left[i]) + 2;
	for (size_t i = 0; i < k; i++)
		help_line(left[i], meaning[i], col > widest ? col : widest);
}

/* A command's help text; the experiment's names the outcomes where its
 * %s stands (the measures' rows say which). */
static void help_text(const char *cmd, const char *text)
{
	const char *at = strcmp(cmd, "experiment") == 0 ? strstr(text, "%s") : NULL;
	struct nb_buf list = { 0 };

	if (!at) {
		fputs(text, stdout);
		return;
	}
	/* the paragraph that holds the list wrapped anew: the list grows
	 * with the measures' rows */
	const char *para = at, *end = strstr(at, "\n\n");
	struct nb_buf joined = { 0 };

	while (para > text && !(para[-1] == '\n' && para - 1 > text && para[-2] == '\n'))
		para--;
	end = end ? end : at + strlen(at);
	cli_outcomes_text(&list);
	buf_addf(&joined, "%.*s%s%.*s", (int)(at - para), para, list.s, (int)(end - at - 2), at + 2);
	for (char *q = joined.s; *q; q++)
		if (*q == '\n')
			*q = ' ';
	printf("%.*s", (int)(para - text), text);
	out_wrapped(stdout, joined.s, 0, 76);	/* its line's end */
	fputs(*end ? end + 1 : end, stdout);
	buf_free(&joined);
	buf_free(&list);
}

void cmd_help_print(const char *cmd)
{
	bool insights = strcmp(cmd, "insights") == 0;

	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (strcmp(texts[i].cmd, cmd) == 0)
			help_text(cmd, _(texts[i].text));
	for (size_t i = 0; i < sizeof with_fields / sizeof with_fields[0]; i++)
		if (strcmp(with_fields[i].cmd, cmd) == 0) {
			field_lines(with_fields[i].fields, with_fields[i].col, with_fields[i].own);
			if (with_fields[i].tail)
				fputs(_(with_fields[i].tail), stdout);
		}
	for (size_t i = 0; insights && insights_howto(i).title; i++) {	/* how to read them */
		printf("\n%s\n", insights_howto(i).title);
		out_wrapped(stdout, insights_howto(i).text, 0, 76);
	}
}

/* The page for someone who stands beside a person who is low. */
static int beside(void)
{
	out_wrapped(stdout, _("For the people beside someone who is low"), 0, 76);
	printf("\n");
	out_wrapped(stdout, _("Being there matters more than having the right words."), 0, 76);
	printf("\n");
	for (size_t i = 0; care_beside_point(i); i++)
		out_hanging(stdout, "  - ", care_beside_point(i), 76);
	return 0;
}

/* nabij help alone, nabij help touch: a title and its paragraphs. */
static int parts(const char *(*part)(size_t))
{
	out_wrapped(stdout, part(0), 0, 76);
	for (size_t i = 1; part(i); i++) {
		printf("\n");
		out_wrapped(stdout, part(i), 0, 76);
	}
	return 0;
}

int cmd_help(struct cli *c, int argc, char **argv)
{
	(void)c;
	if (argc > 1 && strcmp(argv[1], "beside") == 0)
		return beside();
	if (argc > 1 && strcmp(argv[1], "alone") == 0)
		return parts(care_alone_part);
	if (argc > 1 && strcmp(argv[1], "touch") == 0)
		return parts(care_unsafe_touch_part);
	if (argc > 1 && (strcmp(argv[1], "urge") == 0 || strcmp(argv[1], "craving") == 0)) {
		parts(care_urge_part);	/* its last part leads into the help lines */
		out_wrapped(stdout, care_help_part(NB_HELP_LINE), 0, 76);
		out_wrapped(stdout, care_help_part(NB_HELP_LISTEN), 0, 76);
		printf("\n%s\n", _("Ride the urge, a few minutes: nabij exercise start urge"));
		return 0;
	}
	if (argc > 1 && strcmp(argv[1], "loss") == 0) {	/* and someone who listens */
		parts(care_loss_part);
		printf("\n");
		out_wrapped(stdout, care_help_part(NB_HELP_LISTEN), 0, 76);
		return 0;
	}
	if (argc > 1 && strcmp(argv[1], "experiment") == 0) {	/* how it works, then how to use it */
		parts(exp_help_part);
		printf("\n");
		return cli_print_help("experiment");
	}
	if (argc > 1) {
		if (!cmd_help_text(argv[1]))
			return cli_usage(NULL, _("\"%s\" is not a nabij command."), argv[1]);
		return cli_print_help(argv[1]);
	}
	printf("%s\n\n", _("nabij helps you practise connection, day by day, and see over weeks what helps you."));
	printf("%s\n", _("A day with nabij might look like this:"));
	printf("  nabij checkin                  %s\n", _("five minutes: body, emotion, need"));
	printf("  nabij moment hug --with Sam    %s\n", _("a moment of closeness"));
	printf("  nabij circle card              %s\n", _("your circle, to hang up"));
	printf("  nabij today                    %s\n", _("a calm look at the day"));
	printf("\n%s\n", _("\"nabij --help\" lists every command. Missing a day is normal; come back whenever you like."));
	printf("%s\n", _("If you live alone: nabij help alone. If you lost someone: nabij help loss. If touch feels unsafe: nabij help touch."));
	printf("%s\n\n", _("When an urge or a craving comes: nabij help urge."));
	printf("%s\n\n", care_not_therapy_text(false));
	printf("%s\n", care_help_text(care_first_line(NULL, true), (char[NB_HELP_TEXT_LEN]){ 0 }, NB_HELP_TEXT_LEN));
	return 0;
}
