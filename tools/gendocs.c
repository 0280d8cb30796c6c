/*
 * The parts of the man page, the bash completion and docs/FORMAT.md that
 * follow from the field rows (core/field.c): the flags of each record
 * command with their values, the words the completion offers after a
 * flag, and the table of each kind's JSON keys. Each part stands in its
 * file between two marker lines,
 *
 *	.\" generated from the field rows: begin NAME      (troff)
 *	# generated from the field rows: begin NAME         (bash)
 *	<!-- generated from the field rows: begin NAME -->  (markdown)
 *
 * and a line with "generated from the field rows: end"; what stands
 * around them is written by hand. The marker's own comment style says
 * which kind of text NAME is made in.
 *
 *	gendocs --check FILE...	exit 1, saying where, when a part differs
 *	gendocs --write FILE...	write the parts anew (make docs)
 *
 * It links only the core library and prints in English: the docs are.
 */
#include "core/buf.h"
#include "core/field.h"
#include "core/record.h"
#include "core/vocab.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BEGIN "generated from the field rows: begin "
#define END "generated from the field rows: end"

/* The kinds whose rows are flags of a command (nabij checkin, nabij moment,
 * ..., and all of them for nabij edit), in the order edit lists them. */
static const enum nb_type flag_kinds[] = {
	NB_CHECKIN, NB_MOMENT, NB_TRIGGER, NB_MEMBER, NB_SESSION, NB_REFLECTION, NB_PHASE,
};

/* The kinds with a command of their own whose flags are their rows (nabij
 * circle add and edit for a member). Not the phase: nabij phase wants its
 * phase as an operand even when --phase is given. */
static const enum nb_type command_kinds[] = { NB_CHECKIN, NB_MOMENT, NB_TRIGGER, NB_MEMBER };

/* The experiment's own flags (cmd_experiment.c) that are named as its rows. */
static const char *const experiment_flags[] = { "outcome", "words" };

/* Whether row f of kind t is a flag a person gives. */
static bool is_flag(enum nb_type t, const struct nb_field *f)
{
	if (f->flags & NB_FF_KEPT)
		return false;
	if (t != NB_EXPERIMENT)
		return true;
	for (size_t i = 0; i < sizeof experiment_flags / sizeof experiment_flags[0]; i++)
		if (strcmp(experiment_flags[i], f->id) == 0)
			return true;
	return false;
}

/* The words the completion offers after row f's flag, space-separated
 * into b; false when none (a text, an open list of own words). */
static bool flag_words(const struct nb_field *f, struct nb_buf *b)
{
	size_t n;
	const struct nb_term *t;

	if (f->type == NB_FT_SCALE) {
		for (int v = f->lo; v <= f->hi; v++)
			buf_addf(b, v > f->lo ? " %d" : "%d", v);
		return true;
	}
	if ((f->type != NB_FT_TERM && f->type != NB_FT_TERMS && f->type != NB_FT_ITEMS) ||
	    f->vocab == NB_VOCAB_FREE || !(t = vocab_terms(f->vocab, &n)) || !n)
		return false;
	for (size_t i = 0; i < n; i++)
		buf_addf(b, i ? " %s" : "%s", t[i].id);
	return true;
}

/* --- the man page -------------------------------------------------------- */

/* A flag's name for troff: every '-' as \-. */
static void man_flag(struct nb_buf *b, const char *id)
{
	buf_add(b, "\\-\\-");
	for (const char *p = id; *p; p++)
		if (*p == '-')
			buf_add(b, "\\-");
		else
			buf_addc(b, *p);
}

static bool arg_italic(char c)
{
	return isupper((unsigned char)c) || isdigit((unsigned char)c) || c == '-';
}

/* An argument such as "SENSATION[@PLACE]" as ".IR SENSATION [@ PLACE ],":
 * its words in italics, what joins them upright, a comma after. */
static void man_arg(struct nb_buf *b, const char *arg)
{
	bool it = true;
	const char *p = arg;

	buf_add(b, ".IR");
	if (!arg_italic(*p))
		buf_add(b, " \"\"");
	while (*p) {
		const char *q = p;
		while (*q && arg_italic(*q) == it)
			q++;
		buf_addf(b, " %.*s", (int)(q - p), p);
		p = q;
		it = !it;
	}
	buf_add(b, it ? ",\n" : " ,\n");	/* the comma upright */
}

/* The examples of a row's help ("last night's sleep, e.g. 7.5 or 7:30"). */
static const char *examples(const struct nb_field *f)
{
	const char *eg = f->help ? strstr(f->help, "e.g. ") : NULL;

	return eg ? eg + 5 : NULL;
}

/* The flags of kind t for its command's paragraph: one or two lines a flag,
 * each ending in a comma (the page goes on with the command's own); the
 * scales of one range together where the first of them stands. */
static void man_flags(struct nb_buf *b, enum nb_type t)
{
	size_t n;
	const struct nb_field *f = fields_of(t, &n);
	bool done[64] = { false };

	for (size_t i = 0; i < n; i++) {
		if (done[i] || !is_flag(t, &f[i]))
			continue;
		if (f[i].type == NB_FT_SCALE) {
			size_t same[64], k = 0;
			for (size_t j = i; j < n; j++)
				if (f[j].type == NB_FT_SCALE && is_flag(t, &f[j]) && f[j].lo == f[i].lo &&
				    f[j].hi == f[i].hi)
					same[k++] = j;
			buf_add(b, k > 1 ? ".BR " : ".B ");
			for (size_t j = 0; j < k; j++) {
				if (j)
					buf_add(b, " \", \" ");
				man_flag(b, f[same[j]].id);
				done[same[j]] = true;
			}
			buf_addf(b, "\n.IR %d-%d ,\n", f[i].lo, f[i].hi);
			continue;
		}
		if (f[i].type == NB_FT_FLAG) {
			buf_add(b, ".BR ");
			man_flag(b, f[i].id);
			if (f[i].off) {
				buf_add(b, " \", \" ");
				man_flag(b, f[i].off);
			}
			buf_add(b, " ,\n");
			continue;
		}
		buf_add(b, ".B ");
		man_flag(b, f[i].id);
		buf_addc(b, '\n');
		if (f[i].type == NB_FT_TERM && vocab_is_closed(f[i].vocab)) {
			size_t nt;
			const struct nb_term *v = vocab_terms(f[i].vocab, &nt);
			buf_add(b, ".BR ");
			for (size_t k = 0; k < nt; k++)
				buf_addf(b, k ? " | %s" : "%s", v[k].id);
			buf_add(b, " ,\n");
		} else if ((f[i].type == NB_FT_MINUTES || f[i].type == NB_FT_SECONDS) && examples(&f[i])) {
			buf_addf(b, ".I %s\n(%s),\n", f[i].arg, examples(&f[i]));
		} else {
			man_arg(b, f[i].arg ? f[i].arg : "TEXT");
		}
	}
}

/* The outcomes an experiment may watch: "(tension, mood, ...),". */
static void man_outcomes(struct nb_buf *b)
{
	size_t n;
	const struct nb_term *t = measure_outcomes(&n);

	buf_addc(b, '(');
	for (size_t i = 0; i < n; i++)
		buf_addf(b, i ? ", %s" : "%s", t[i].id);
	buf_add(b, "),\n");
}

static bool man_part(const char *name, struct nb_buf *b)
{
	if (strcmp(name, "outcomes") == 0) {
		man_outcomes(b);
		return true;
	}
	for (size_t i = 0; i < sizeof flag_kinds / sizeof flag_kinds[0]; i++)
		if (strcmp(name, entry_type_id(flag_kinds[i])) == 0) {
			man_flags(b, flag_kinds[i]);
			return true;
		}
	return false;
}

/* --- the bash completion ------------------------------------------------- */

/* The flags of kind t (and off flags) not yet in seen, appended to b and
 * to seen (" --a --b "). */
static void bash_flags_of(enum nb_type t, struct nb_buf *b, struct nb_buf *seen)
{
	size_t n;
	const struct nb_field *f = fields_of(t, &n);
	char want[96];

	for (size_t i = 0; i < n; i++) {
		const char *ids[2] = { f[i].id, f[i].type == NB_FT_FLAG ? f[i].off : NULL };
		if (!is_flag(t, &f[i]))
			continue;
		for (int k = 0; k < 2 && ids[k]; k++) {
			snprintf(want, sizeof want, " --%s ", ids[k]);
			if (seen->s && strstr(seen->s, want))
				continue;
			buf_addf(b, b->len ? " --%s" : "--%s", ids[k]);
			buf_addf(seen, "%s--%s ", seen->len ? "" : " ", ids[k]);
		}
	}
}

/* "local checkin_flags=..." for each command whose flags are rows, and
 * edit's, which are all of them. */
static void bash_flags(struct nb_buf *b)
{
	struct nb_buf all = { 0 }, seen = { 0 };

	for (size_t i = 0; i < sizeof command_kinds / sizeof command_kinds[0]; i++) {
		struct nb_buf one = { 0 }, none = { 0 };
		bash_flags_of(command_kinds[i], &one, &none);
		buf_addf(b, "\tlocal %s_flags=\"%s\"\n", entry_type_id(command_kinds[i]), one.s);
		buf_free(&one);
		buf_free(&none);
	}
	for (size_t i = 0; i < sizeof flag_kinds / sizeof flag_kinds[0]; i++)
		bash_flags_of(flag_kinds[i], &all, &seen);
	buf_addf(b, "\tlocal edit_flags=\"%s\"\n", all.s);
	buf_free(&all);
	buf_free(&seen);
}

/* The case of $prev for every flag that has words: flags with the same
 * words share a line, where the first of them comes. */
static void bash_words(struct nb_buf *b)
{
	struct { const char *id; char *words; } w[128];
	size_t nw = 0;
	enum nb_type kinds[sizeof flag_kinds / sizeof flag_kinds[0] + 1];
	bool done[128] = { false };

	memcpy(kinds, flag_kinds, sizeof flag_kinds);
	kinds[sizeof kinds / sizeof kinds[0] - 1] = NB_EXPERIMENT;
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		size_t n;
		const struct nb_field *f = fields_of(kinds[k], &n);
		for (size_t i = 0; i < n && nw < 128; i++) {
			struct nb_buf words = { 0 };
			bool dup = false;
			if (!is_flag(kinds[k], &f[i]) || !flag_words(&f[i], &words)) {
				buf_free(&words);
				continue;
			}
			for (size_t j = 0; j < nw; j++)
				dup |= strcmp(w[j].id, f[i].id) == 0;
			if (dup) {
				buf_free(&words);
				continue;
			}
			w[nw].id = f[i].id;
			w[nw++].words = words.s;
		}
	}
	for (size_t i = 0; i < nw; i++) {
		if (done[i])
			continue;
		buf_add(b, "\t");
		for (size_t j = i; j < nw; j++)
			if (strcmp(w[j].words, w[i].words) == 0) {
				buf_addf(b, "%s--%s", j > i ? "|" : "", w[j].id);
				done[j] = true;
			}
		buf_addf(b, ") COMPREPLY=($(compgen -W \"%s\" -- \"$cur\")); return ;;\n", w[i].words);
	}
	for (size_t i = 0; i < nw; i++)
		free(w[i].words);
}

static bool bash_part(const char *name, struct nb_buf *b)
{
	if (strcmp(name, "words") == 0)
		bash_words(b);
	else if (strcmp(name, "flags") == 0)
		bash_flags(b);
	else
		return false;
	return true;
}

/* --- docs/FORMAT.md ------------------------------------------------------ */

/* Its type in JSON. */
static void md_type(struct nb_buf *b, const struct nb_field *f)
{
	size_t n;
	const struct nb_term *t;

	switch (f->type) {
	case NB_FT_SCALE:
	case NB_FT_SECONDS:
	case NB_FT_MINUTES:
		buf_add(b, "whole number");
		return;
	case NB_FT_TERM:
		if (!vocab_is_closed(f->vocab))
			break;
		t = vocab_terms(f->vocab, &n);
		for (size_t i = 0; i < n; i++)
			buf_addf(b, i ? ", `%s`" : "`%s`", t[i].id);
		return;
	case NB_FT_ITEMS:
		buf_addf(b, "list of `{\"name\", \"%s\"?}`",
			 f->arg && strchr(f->arg, '@') ? "place" : "intensity");
		return;
	case NB_FT_TERMS:
		buf_add(b, "list of text");
		return;
	case NB_FT_FLAG:
		buf_add(b, "`true` or `false`");
		return;
	case NB_FT_MEMBER:
		buf_add(b, "uid");
		return;
	case NB_FT_ANSWERS:
		buf_addf(b, "list of %d whole numbers", NB_ATTACHMENT_ITEMS);
		return;
	case NB_FT_LINE:
	case NB_FT_TEXT:
	case NB_FT_PROMPT:
	case NB_FT__COUNT:
		break;
	}
	buf_add(b, "text");
}

/* n with a comma between thousands: 10,000. */
static void thousands(struct nb_buf *b, long n)
{
	if (n >= 1000) {
		thousands(b, n / 1000);
		buf_addf(b, ",%03ld", n % 1000);
	} else {
		buf_addf(b, "%ld", n);
	}
}

/* What it means and holds: its name, required, its range, the words at
 * the ends of a scale, and the format version that brought it. */
static void md_meaning(struct nb_buf *b, const struct nb_field *f)
{
	buf_add(b, f->name);
	if (f->flags & NB_FF_REQUIRED)
		buf_add(b, "; required");
	switch (f->type) {
	case NB_FT_SCALE:
		buf_addf(b, "; %d–%d", f->lo, f->hi);
		if (f->low && f->high)
			buf_addf(b, ", %s to %s", f->low, f->high);
		break;
	case NB_FT_SECONDS:
		buf_addf(b, "; 1–%d seconds", f->hi);
		break;
	case NB_FT_MINUTES:
		buf_addf(b, "; %d–%d minutes", f->lo, f->hi);
		break;
	case NB_FT_ANSWERS:
		buf_addf(b, "; each %d–%d", f->lo, f->hi);
		break;
	case NB_FT_ITEMS:
		if (f->arg && strchr(f->arg, '@'))
			buf_add(b, "; `place`: where, an id of the places in the body or own words");
		else
			buf_addf(b, "; `intensity` %d–%d", NB_SCALE_MIN, NB_SCALE_MAX);
		/* fall through */
	case NB_FT_TERMS:
		buf_addf(b, "; at most %d", f->hi ? f->hi : NB_ITEMS_MAX);
		break;
	case NB_FT_LINE:
		buf_add(b, "; up to ");
		thousands(b, (long)(f->max ? f->max : NB_NAME_MAX));
		buf_add(b, " bytes");
		break;
	case NB_FT_TEXT:
		buf_add(b, "; up to ");
		thousands(b, NB_TEXT_MAX);
		buf_add(b, " bytes");
		break;
	case NB_FT_FLAG:
		buf_addf(b, "; `true`: %s, `false`: %s", f->high, f->low);
		break;
	case NB_FT_MEMBER:
		buf_add(b, "; the uid of a member in the file or the database");
		break;
	case NB_FT_TERM:
	case NB_FT_PROMPT:
	case NB_FT__COUNT:
		break;
	}
	if ((f->type == NB_FT_TERM || f->type == NB_FT_TERMS || f->type == NB_FT_ITEMS) &&
	    f->vocab != NB_VOCAB_FREE && !vocab_is_closed(f->vocab))
		buf_add(b, "; an id of its vocabulary (below) or the person's own words");
	if (f->since.format > 1)
		buf_addf(b, " (version %d)", f->since.format);
}

static void md_table(struct nb_buf *b, enum nb_type t)
{
	size_t n;
	const struct nb_field *f = fields_of(t, &n);

	buf_add(b, "| field | type | meaning |\n| --- | --- | --- |\n");
	for (size_t i = 0; i < n; i++) {
		buf_addf(b, "| `%s` | ", f[i].key);
		md_type(b, &f[i]);
		buf_add(b, " | ");
		md_meaning(b, &f[i]);
		buf_add(b, " |\n");
	}
}

/* The open vocabularies whose ids the records hold, with their titles. */
static const struct {
	enum nb_vocab v;
	const char *title;
} vocabularies[] = {
	{ NB_VOCAB_EMOTION, "emotions" },
	{ NB_VOCAB_NEED, "needs" },
	{ NB_VOCAB_SENSATION, "body sensations" },
	{ NB_VOCAB_PLACE, "places in the body" },
	{ NB_VOCAB_EFFECT, "body effects" },
};

static void md_vocabularies(struct nb_buf *b)
{
	buf_add(b, "| vocabulary | ids |\n| --- | --- |\n");
	for (size_t i = 0; i < sizeof vocabularies / sizeof vocabularies[0]; i++) {
		size_t n;
		const struct nb_term *t = vocab_terms(vocabularies[i].v, &n);
		buf_addf(b, "| %s | ", vocabularies[i].title);
		for (size_t k = 0; k < n; k++)
			buf_addf(b, k ? ", %s" : "%s", t[k].id);
		buf_add(b, " |\n");
	}
}

static bool md_part(const char *name, struct nb_buf *b)
{
	if (strcmp(name, "vocabularies") == 0) {
		md_vocabularies(b);
		return true;
	}
	for (int t = NB_TYPE_NONE + 1; t < NB_TYPE__COUNT; t++)
		if (strcmp(name, entry_type_id((enum nb_type)t)) == 0) {
			md_table(b, (enum nb_type)t);
			return true;
		}
	return false;
}

/* --- the files ----------------------------------------------------------- */

static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	struct nb_buf b = { 0 };
	char chunk[4096];
	size_t got;

	if (!fp)
		return NULL;
	while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_addf(&b, "%.*s", (int)got, chunk);
	fclose(fp);
	return b.s ? b.s : calloc(1, 1);
}

/* The text of path with every part made anew into out; false (and a
 * message) when a part is unknown or has no end. */
static bool remake(const char *path, const char *text, struct nb_buf *out)
{
	const char *p = text;
	int line = 1;

	while (*p) {
		const char *eol = strchr(p, '\n'), *mark;
		size_t len = eol ? (size_t)(eol - p + 1) : strlen(p);
		char name[64];
		bool ok;
		struct nb_buf part = { 0 };

		const char *start = p;

		buf_addn(out, p, len);
		mark = memmem(p, len, BEGIN, strlen(BEGIN));
		p += len;
		line++;
		if (!mark)
			continue;
		if (sscanf(mark + strlen(BEGIN), "%63[a-z_-]", name) != 1) {
			fprintf(stderr, "%s:%d: a part without a name\n", path, line - 1);
			return false;
		}
		if (strncmp(start, ".\\\"", 3) == 0)
			ok = man_part(name, &part);
		else if (*start == '#' || (*start == '\t' && start[1] == '#'))
			ok = bash_part(name, &part);
		else if (strncmp(start, "<!--", 4) == 0)
			ok = md_part(name, &part);
		else
			ok = false;
		if (!ok) {
			fprintf(stderr, "%s:%d: no part \"%s\" is made here\n", path, line - 1, name);
			buf_free(&part);
			return false;
		}
		if (!strstr(p, END)) {
			fprintf(stderr, "%s:%d: the part \"%s\" has no end\n", path, line - 1, name);
			buf_free(&part);
			return false;
		}
		for (;;) {	/* skip the old part to its end line */
			const char *e = strchr(p, '\n');
			size_t l = e ? (size_t)(e - p + 1) : strlen(p);
			bool end = memmem(p, l, END, strlen(END)) != NULL;
			if (end)
				break;
			p += l;
			line++;
		}
		if (part.s)
			buf_add(out, part.s);
		buf_free(&part);
	}
	return true;
}

int main(int argc, char **argv)
{
	bool write = argc > 1 && strcmp(argv[1], "--write") == 0;
	int status = 0;

	if (argc < 3 || (!write && strcmp(argv[1], "--check") != 0)) {
		fprintf(stderr, "usage: gendocs --check|--write FILE...\n");
		return 2;
	}
	for (int i = 2; i < argc; i++) {
		char *text = slurp(argv[i]);
		struct nb_buf out = { 0 };

		if (!text) {
			fprintf(stderr, "%s: cannot be read\n", argv[i]);
			return 2;
		}
		if (!remake(argv[i], text, &out)) {
			status = 2;
		} else if (strcmp(text, out.s ? out.s : "") != 0) {
			if (write) {
				FILE *fp = fopen(argv[i], "wb");
				if (!fp || fputs(out.s, fp) == EOF || fclose(fp) != 0) {
					fprintf(stderr, "%s: cannot be written\n", argv[i]);
					status = 2;
				} else {
					printf("%s: written anew from the field rows\n", argv[i]);
				}
			} else {
				const char *a = text, *b = out.s;
				int line = 1;
				while (*a && *a == *b) {
					line += *a == '\n';
					a++, b++;
				}
				fprintf(stderr, "%s:%d: differs from what the field rows make; "
					"run \"make docs\" (ninja -C build docs)\n", argv[i], line);
				status = 1;
			}
		}
		free(text);
		buf_free(&out);
	}
	return status;
}
