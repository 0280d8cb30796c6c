/* Asking on a terminal: one question, one line of answer. */
#include "cli.h"
#include "core/i18n.h"
#include "core/buf.h"
#include "core/parse.h"
#include "core/vocab.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool at_eof;

char *prompt_line(const char *question)
{
	char *line = NULL, *answer;
	size_t cap = 0;

	if (at_eof)
		return NULL;
	fputs(question, stdout);
	fflush(stdout);
	if (getline(&line, &cap, stdin) < 0) {
		at_eof = true;
		free(line);
		fputc('\n', stdout);
		return NULL;
	}
	if (!isatty(STDIN_FILENO))
		fputs(line, stdout);	/* so a transcript reads as a conversation */
	answer = trim_dup(line);
	free(line);
	return answer;
}

bool prompt_eof(void)
{
	return at_eof;
}

bool prompt_yes(const char *question, bool def)
{
	char *a = prompt_line(question);
	bool yes = def;

	if (a) {
		/* TRANSLATORS: the letters that mean yes in an answer */
		yes = strchr(_("yY"), a[0]) != NULL || strcmp(a, "yes") == 0;
		free(a);
	}
	return yes;
}

void prompt_until_ok(const char *question, answer_fn fn, void *ctx)
{
	for (;;) {
		struct nb_error err = { 0 };
		char *a = prompt_line(question);
		enum nb_err rc;

		if (!a)
			return;
		rc = fn(ctx, a, &err);
		free(a);
		if (!rc)
			return;
		printf("  %s\n", err.msg);
		if (prompt_eof())
			return;
	}
}

void prompt_say(const char *text)
{
	if (!at_eof)
		printf("%s\n", text);
}

void prompt_choices(enum nb_vocab v)
{
	size_t n;
	const struct nb_term *t = vocab_terms(v, &n);
	struct nb_buf b = { 0 };

	if (at_eof)
		return;
	buf_add(&b, "(");
	for (size_t i = 0; i < n; i++)
		buf_addf(&b, "%s%s", i ? ", " : "", _(t[i].label));
	buf_add(&b, ")");
	out_wrapped(stdout, b.s, 2, 76);
	buf_free(&b);
}
