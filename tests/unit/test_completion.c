/* The bash completion offers every word of the vocabularies it completes:
 * a feeling, need, body word or effect that nabij knows is never missing
 * from the Tab key. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/exercise.h"
#include "core/vocab.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char text[1 << 16];

/* The words of the compgen -W list on the first line that holds key. */
static const char *words_after(const char *key, char *out, size_t size)
{
	const char *line = strstr(text, key), *w, *end;

	if (!line)
		return NULL;
	if (!(w = strstr(line, "-W \"")) || !(end = strchr(w + 4, '"')) || (size_t)(end - w - 4) >= size - 2)
		return NULL;
	snprintf(out, size, " %.*s ", (int)(end - w - 4), w + 4);
	return out;
}

static void offers_every_term(const char *key, enum nb_vocab v)
{
	char words[4096], want[128];
	size_t n;
	const struct nb_term *t = vocab_terms(v, &n);

	if (!words_after(key, words, sizeof words))
		fail_msg("no completion list at %s", key);
	for (size_t i = 0; i < n; i++) {
		snprintf(want, sizeof want, " %s ", t[i].id);
		if (!strstr(words, want))
			fail_msg("%s does not offer \"%s\"", key, t[i].id);
	}
}

static void vocabularies(void **state)
{
	(void)state;
	offers_every_term("\t--emotion)", NB_VOCAB_EMOTION);
	offers_every_term("\t--need)", NB_VOCAB_NEED);
	offers_every_term("\t--body)", NB_VOCAB_SENSATION);
	offers_every_term("\t--effect)", NB_VOCAB_EFFECT);
	offers_every_term("\t--state)", NB_VOCAB_STATE);
	offers_every_term("\t--safe)", NB_VOCAB_SAFE);
	offers_every_term("\t--outcome)", NB_VOCAB_OUTCOME);
	offers_every_term("COMPREPLY=($(compgen -W \"hug ", NB_VOCAB_MOMENT_KIND);
}

static void exercises(void **state)
{
	char words[4096], want[128];
	size_t n;
	const struct nb_exercise *x = exercise_all(&n);

	(void)state;
	assert_non_null(words_after("\texercise)", words, sizeof words));
	for (size_t i = 0; i < n; i++) {
		snprintf(want, sizeof want, " %s ", x[i].id);
		if (!strstr(words, want))
			fail_msg("exercise does not offer \"%s\"", x[i].id);
	}
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(vocabularies),
		cmocka_unit_test(exercises),
	};
	FILE *f = argc > 1 ? fopen(argv[1], "r") : NULL;

	if (!f) {
		fprintf(stderr, "usage: test_completion completion/nabij.bash\n");
		return 1;
	}
	text[fread(text, 1, sizeof text - 1, f)] = '\0';
	fclose(f);
	return cmocka_run_group_tests_name("completion", tests, NULL, NULL);
}
