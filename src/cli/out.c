/*
 * Printing for people: one-line summaries, full records, dates in the
 * current language, a sparkline. Colour only on a terminal and never with
 * NO_COLOR; the words always carry the meaning on their own.
 */
#include "cli.h"
#include "core/describe.h"
#include "core/attachment.h"
#include "core/buf.h"
#include "core/care.h"
#include "core/i18n.h"
#include "core/vocab.h"
#include "io/io.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

const char *style_bold(const struct cli *c)
{
	return c->color ? "\033[1m" : "";
}

const char *style_dim(const struct cli *c)
{
	return c->color ? "\033[2m" : "";
}

const char *style_reset(const struct cli *c)
{
	return c->color ? "\033[0m" : "";
}

/* Columns a UTF-8 text takes on a terminal. */
int out_text_width(const char *s)
{
	size_t n = mbstowcs(NULL, s, 0);
	wchar_t *w;
	int width;

	if (n == (size_t)-1)
		return (int)strlen(s);
	w = calloc(n + 1, sizeof *w);
	if (!w)
		return (int)strlen(s);
	mbstowcs(w, s, n + 1);
	width = wcswidth(w, n);
	free(w);
	return width < 0 ? (int)n : width;
}

void out_entry_line(const struct cli *c, const struct nb_entry *e)
{
	char summary[512], clock[8];
	const char *label = entry_type_label(e->type);

	describe_entry(e, summary, sizeof summary);
	nb_stamp_clock(e->at, clock);
	printf("%s#%-5lld%s %s %s  %s%s%s%*s  %s\n", style_dim(c), (long long)e->id,
	       style_reset(c), e->day, clock, style_bold(c), label, style_reset(c),
	       14 - out_text_width(label) > 0 ? 14 - out_text_width(label) : 0, "", summary);
}

/* "  Label:      value" with the labels of one record lined up. */
static void field(const char *label, const char *value)
{
	int pad = 16 - out_text_width(label);

	if (!value || !*value)
		return;
	printf("  %s:%*s ", label, pad > 0 ? pad : 0, "");
	if (strchr(value, '\n'))
		out_wrapped(stdout, value, 0, 0);
	else
		printf("%s\n", value);
}

void out_entry_full(const struct cli *c, const struct nb_entry *e)
{
	char day[96], clock[8];
	struct nb_rows rows;

	describe_day(e->day, day, sizeof day);
	nb_stamp_clock(e->at, clock);
	printf("%s#%lld · %s%s · %s, %s\n", style_bold(c), (long long)e->id,
	       entry_type_label(e->type), style_reset(c), day, clock);
	describe_rows(e, &rows);
	for (size_t i = 0; i < rows.n; i++)
		field(rows.v[i].label, rows.v[i].value);
	rows_free(&rows);
}

void out_json_entry(const struct nb_entry *e)
{
	char *s = io_json_entry(e);

	puts(s);
	free(s);
}

void out_json_entries(const struct nb_entries *l)
{
	char *s = io_json_entries(l);

	puts(s);
	free(s);
}

void out_sparkline(const struct cli *c, const double *v, int n)
{
	static const char *const bars[] = { "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };

	for (int i = 0; i < n; i++) {
		if (v[i] <= 0) {
			fputs(" ", stdout);
			continue;
		}
		int k = (int)((v[i] - 1) / 4 * 7 + 0.5);
		fputs(bars[k < 0 ? 0 : k > 7 ? 7 : k], stdout);
	}
	(void)c;
}

void out_hanging(FILE *f, const char *prefix, const char *text, int width)
{
	int indent = out_text_width(prefix);
	const char *p = text;
	int col = indent;

	fputs(prefix, f);
	while (*p) {
		const char *w;
		char *word;
		int len;

		while (*p == ' ')
			p++;
		w = p;
		while (*p && *p != ' ')
			p++;
		if (p == w)
			break;
		word = strndup(w, (size_t)(p - w));
		len = word ? out_text_width(word) : 0;
		if (col > indent && col + 1 + len > width) {
			fprintf(f, "\n%*s", indent, "");
			col = indent;
		} else if (col > indent) {
			fputc(' ', f);
			col++;
		}
		fputs(word ? word : "", f);
		col += len;
		free(word);
	}
	fputc('\n', f);
}

void out_wrapped(FILE *f, const char *text, int indent, int width)
{
	const char *p = text;
	int col = 0;
	bool first = true;

	if (width <= 0) {
		/* keep the person's own lines, indent the ones after the first */
		for (; *p; p++) {
			fputc(*p, f);
			if (*p == '\n' && p[1])
				fprintf(f, "%*s", 20, "");
		}
		fputc('\n', f);
		return;
	}
	while (*p) {
		const char *w = p;
		int len;

		while (*w == ' ')
			w++;
		p = w;
		while (*p && *p != ' ' && *p != '\n')
			p++;
		char *word = strndup(w, (size_t)(p - w));
		len = word ? out_text_width(word) : 0;
		if (first || col + 1 + len > width) {
			fprintf(f, "%s%*s", first ? "" : "\n", indent, "");
			col = indent;
		} else {
			fputc(' ', f);
			col++;
		}
		fputs(word ? word : "", f);
		col += len;
		free(word);
		first = false;
		if (*p == '\n') {
			p++;
			first = true;
			fputc('\n', f);
		}
	}
	fputc('\n', f);
}
