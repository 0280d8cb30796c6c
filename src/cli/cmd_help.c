/*
 * nabij help, and the --help text of every command. Texts are written for
 * a person reading them on a calm day or a hard one: short and plain.
 */
#include "cli.h"
#include "core/care.h"
#include "core/i18n.h"

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
"\n"
"  --body SENSATION[@PLACE]  e.g. tension@shoulders (repeatable, or a, b)\n"
"  --emotion NAME[:1-5]      an emotion and how strong it is (repeatable)\n"
"  --need NAME               what you need today (repeatable)\n"
"  --state STATE             calm, activated or shutdown\n"
"  --mood 1-5                1 very low, 5 very good\n"
"  --energy 1-5              1 empty, 5 full\n"
"  --tension 1-5             1 relaxed, 5 very tense\n"
"  --sleep-hours HOURS       last night's sleep, e.g. 7.5 or 7:30\n"
"  --sleep-quality 1-5       1 poor, 5 good\n"
"  --tag TEXT                what you did, or anything to find back (repeatable)\n"
"  --note TEXT               a free note\n"
"  --at TIME                 for a moment earlier, e.g. 21:30 or 2026-11-20T21:30\n"
"  -i, --interactive         ask the questions even when not in a terminal\n"
"\n"
"Your own words are welcome wherever a list is shown.\n") },
	{ "moment", N_(
"Usage: nabij moment KIND [FLAGS]\n"
"\n"
"A moment of connection or safe touch. Small moments count.\n"
"KIND is one of: hug, hand, arm, self, animal, talk, gesture, massage, other.\n"
"\n"
"  --with NAME        with whom (a name from your circle links to it)\n"
"  --seconds TIME     how long, e.g. 10, 90s, 2m or 1:30\n"
"  --safe ANSWER      did it feel safe and wanted: yes, no or unsure\n"
"  --effect NAME      what your body did, e.g. breath, shoulders, sigh,\n"
"                     warmth, space, tears, stiffening, pulling-back\n"
"  --note TEXT        a free note\n"
"  --at TIME          when, if not now\n"
"  -i, --interactive  ask instead\n"
"\n"
"Touch is an invitation, never an obligation. A \"no\" is worth noting too.\n") },
	{ "trigger", N_(
"Usage: nabij trigger [FLAGS]\n"
"       nabij trigger outcome ID TEXT\n"
"\n"
"The trigger diary: when a strong reaction comes, note what happened, what\n"
"it did, the need under it and one small thing you could try. Later, note\n"
"how it went. Over time, what returns becomes visible.\n"
"\n"
"  --situation TEXT    what happened\n"
"  --reaction TEXT     how you reacted\n"
"  --emotion NAME      the strongest emotion\n"
"  --need NAME         the need underneath\n"
"  --alternative TEXT  one small, feasible alternative\n"
"  --at TIME           when, if not now\n"
"  -i, --interactive   ask instead\n") },
	{ "circle", N_(
"Usage: nabij circle add NAME [--place] [--reach TEXT] [--helps TEXT]\n"
"       nabij circle list\n"
"       nabij circle edit ID [--name TEXT] [--reach TEXT] [--helps TEXT]\n"
"                            [--place | --person]\n"
"       nabij circle remove ID [--yes]\n"
"       nabij circle card\n"
"\n"
"Your support circle: three to five people or places to turn to when things\n"
"get hard. \"card\" prints it as a card to hang somewhere you will see it.\n") },
	{ "today", N_(
"Usage: nabij today\n"
"\n"
"What you recorded today, when you last had a wanted touch, your mood over\n"
"the last two weeks, and one question for the day.\n") },
	{ "list", N_(
"Usage: nabij list [--since DAY] [--until DAY] [--type KIND] [--limit N] [--all]\n"
"\n"
"Your records, oldest first. Without a period, the last 20.\n"
"KIND: checkin, moment, trigger, member, session, reflection (or a, b).\n"
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
"Delete a record for good, with everything that belongs to it. In a terminal\n"
"nabij asks first, unless you give --yes.\n") },
	{ "search", N_(
"Usage: nabij search WORDS [--limit N]\n"
"\n"
"Search all your text: notes, tags, situations, names. Every word must\n"
"appear (as a word or the start of one). Best matches first.\n") },
	{ "export", N_(
"Usage: nabij export [--format json|csv] [--out FILE]\n"
"\n"
"All your data, to standard output or to FILE. JSON is complete and can be\n"
"imported again; CSV is for spreadsheets. Your data stays yours: export it\n"
"whenever you like.\n") },
	{ "import", N_(
"Usage: nabij import FILE [--dry-run]\n"
"\n"
"Read a nabij JSON export. Records that are already here are left alone,\n"
"so importing a file twice adds nothing twice. If anything in the file is\n"
"wrong, nothing is imported and nabij says where. --dry-run only counts.\n") },
	{ "help", N_(
"Usage: nabij help [COMMAND]\n"
"\n"
"How to use nabij, or one of its commands.\n") },
};

const char *cmd_help_text(const char *cmd)
{
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (strcmp(texts[i].cmd, cmd) == 0)
			return _(texts[i].text);
	return NULL;
}

int cmd_help(struct cli *c, int argc, char **argv)
{
	(void)c;
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
	printf("\n%s\n\n", _("\"nabij --help\" lists every command. Missing a day is normal; come back whenever you like."));
	printf("%s\n\n", care_not_therapy_text());
	printf("%s\n", care_help_text());
	return 0;
}
