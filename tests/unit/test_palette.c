/* The style sheet's palette, in the light and the dark scheme: every pair
 * of colours that people read or use passes WCAG AA (text 4.5:1; the edges
 * of fields and chips, the focus ring and graphics 3:1). The colours are
 * read from the style sheet itself, so a changed colour is checked. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAMES 64

struct palette {
	char name[NAMES][32];
	unsigned rgb[NAMES];
	int n;
};

static char css[1 << 17];
static struct palette light, dark, own;	/* own: what the dark scheme names itself */

/* Read "--name: #rrggbb;" declarations from the block starting at from. */
static void read_block(const char *from, struct palette *p)
{
	const char *end = strchr(from, '}');

	for (const char *c = from; c && c < end && (c = strstr(c, "--")) && c < end; c += 2) {
		char name[32];
		unsigned rgb;
		int i;

		if (sscanf(c, "--%31[a-z0-9-]: #%6x;", name, &rgb) != 2)
			continue;
		for (i = 0; i < p->n && strcmp(p->name[i], name) != 0; i++)
			;
		if (i == p->n && p->n < NAMES)
			snprintf(p->name[p->n++], sizeof p->name[0], "%s", name);
		p->rgb[i] = rgb;
	}
}

static unsigned colour(const struct palette *p, const char *name)
{
	for (int i = 0; i < p->n; i++)
		if (strcmp(p->name[i], name) == 0)
			return p->rgb[i];
	fail_msg("no --%s in the palette", name);
	return 0;
}

static double channel(unsigned v)
{
	double c = v / 255.0;
	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(unsigned rgb)
{
	return 0.2126 * channel(rgb >> 16 & 255) + 0.7152 * channel(rgb >> 8 & 255) + 0.0722 * channel(rgb & 255);
}

static double contrast(unsigned a, unsigned b)
{
	double la = luminance(a), lb = luminance(b);
	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

static const struct pair {
	const char *fg, *bg;
	double min;
} pairs[] = {
	/* text */
	{ "ink", "bg", 4.5 }, { "ink", "card", 4.5 }, { "ink", "soft", 4.5 }, { "ink", "field", 4.5 },
	{ "ink", "care-bg", 4.5 }, { "ink", "saved-bg", 4.5 }, { "ink", "waiting-bg", 4.5 }, { "ink", "mark", 4.5 },
	{ "muted", "bg", 4.5 }, { "muted", "card", 4.5 }, { "muted", "soft", 4.5 }, { "muted", "field", 4.5 },
	{ "accent", "soft", 4.5 },	/* the page one is on, in the menu */
	{ "accent", "bg", 4.5 }, { "accent", "card", 4.5 }, { "accent", "care-bg", 4.5 },
	{ "accent-ink", "accent", 4.5 },
	{ "warn", "bg", 4.5 }, { "warn", "card", 4.5 }, { "warn", "error-bg", 4.5 }, { "warn", "field", 4.5 },
	/* the edges of controls, the focus ring, graphics that carry meaning */
	{ "control", "bg", 3 }, { "control", "card", 3 }, { "control", "field", 3 },
	{ "focus", "bg", 3 }, { "focus", "card", 3 },
	{ "accent", "field", 3 },
	/* a face's eyes and mouth on its colour */
	{ "ink", "mood1", 3 }, { "ink", "mood2", 3 }, { "ink", "mood3", 3 }, { "ink", "mood4", 3 }, { "ink", "mood5", 3 }, { "bar", "card", 3 }, { "breath", "card", 3 }, { "ok", "care-bg", 3 },
};

static void check(const struct palette *p, const char *scheme)
{
	int bad = 0;

	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		double c = contrast(colour(p, pairs[i].fg), colour(p, pairs[i].bg));
		if (c < pairs[i].min) {
			printf("%s: --%s on --%s is %.2f:1, needs %.1f:1\n", scheme, pairs[i].fg, pairs[i].bg, c,
			       pairs[i].min);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

static void light_scheme(void **state)
{
	(void)state;
	check(&light, "light");
}

static void dark_scheme(void **state)
{
	(void)state;
	assert_true(own.n > 20);	/* the dark scheme names (nearly) every colour itself */
	check(&dark, "dark");
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(light_scheme),
		cmocka_unit_test(dark_scheme),
	};
	FILE *f = argc > 1 ? fopen(argv[1], "r") : NULL;
	const char *root, *media;

	if (!f) {
		fprintf(stderr, "usage: test_palette style.css\n");
		return 1;
	}
	css[fread(css, 1, sizeof css - 1, f)] = '\0';
	fclose(f);
	if (!(root = strstr(css, ":root {")) || !(media = strstr(css, "@media (prefers-color-scheme: dark)")) ||
	    !strstr(root, "color-scheme: light dark")) {
		fprintf(stderr, "the style sheet declares no light and dark palette\n");
		return 1;
	}
	read_block(root, &light);
	dark = light;	/* what the dark scheme does not name stays */
	read_block(strstr(media, ":root {"), &own);
	for (int i = 0; i < own.n; i++) {
		int j;
		for (j = 0; j < dark.n && strcmp(dark.name[j], own.name[i]) != 0; j++)
			;
		if (j == dark.n)
			snprintf(dark.name[dark.n++], sizeof dark.name[0], "%s", own.name[i]);
		dark.rgb[j] = own.rgb[i];
	}
	return cmocka_run_group_tests_name("palette", tests, NULL, NULL);
}
