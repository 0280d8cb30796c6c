/* What the importers share: uids from source keys, Daylio notes as text,
 * moods by name, and the report of what an import holds. */
#include "import.h"
#include "core/buf.h"
#include "core/xalloc.h"
#include "io.h"

#include <sodium.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void import_uid(const char *source, const char *key, char out[NB_UID_LEN])
{
	unsigned char h[16];
	crypto_generichash_state st;

	if (sodium_init() < 0)
		abort();	/* libsodium cannot work on this machine at all */
	crypto_generichash_init(&st, NULL, 0, sizeof h);
	crypto_generichash_update(&st, (const unsigned char *)source, strlen(source) + 1);
	crypto_generichash_update(&st, (const unsigned char *)key, strlen(key));
	crypto_generichash_final(&st, h, sizeof h);
	for (size_t i = 0; i < sizeof h; i++)
		snprintf(out + 2 * i, 3, "%02x", h[i]);
}

/* Append code point cp as UTF-8. */
static void utf8(struct nb_buf *b, unsigned long cp)
{
	char s[5] = { 0 };

	if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return;
	if (cp < 0x80) {
		s[0] = (char)cp;
	} else if (cp < 0x800) {
		s[0] = (char)(0xc0 | cp >> 6);
		s[1] = (char)(0x80 | (cp & 0x3f));
	} else if (cp < 0x10000) {
		s[0] = (char)(0xe0 | cp >> 12);
		s[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		s[2] = (char)(0x80 | (cp & 0x3f));
	} else {
		s[0] = (char)(0xf0 | cp >> 18);
		s[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		s[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		s[3] = (char)(0x80 | (cp & 0x3f));
	}
	buf_add(b, s);
}

char *import_note_text(const char *html)
{
	static const struct {
		const char *name;
		unsigned long cp;
	} entities[] = { { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
			 { "apos", '\'' }, { "nbsp", 0xa0 } };
	struct nb_buf b = { 0 };
	const char *p = html;

	while (*p) {
		if (*p == '<') {
			const char *end = strchr(p, '>');
			if (!end)
				break;
			if (strncasecmp(p, "<br", 3) == 0 || strncasecmp(p, "<p", 2) == 0 ||
			    strncasecmp(p, "</p", 3) == 0)
				if (b.len && b.s[b.len - 1] != '\n')
					buf_addc(&b, '\n');
			p = end + 1;
		} else if (*p == '&') {
			const char *semi = strchr(p, ';');
			bool done = false;
			if (semi && semi - p < 12) {
				if (p[1] == '#') {
					char *e;
					unsigned long cp = p[2] == 'x' || p[2] == 'X' ? strtoul(p + 3, &e, 16)
										     : strtoul(p + 2, &e, 10);
					if (e == semi) {
						utf8(&b, cp);
						done = true;
					}
				} else {
					for (size_t i = 0; i < sizeof entities / sizeof entities[0]; i++)
						if ((size_t)(semi - p - 1) == strlen(entities[i].name) &&
						    strncmp(p + 1, entities[i].name, strlen(entities[i].name)) == 0) {
							utf8(&b, entities[i].cp);
							done = true;
						}
				}
			}
			if (done) {
				p = semi + 1;
			} else {
				buf_addc(&b, *p++);
			}
		} else {
			buf_addc(&b, *p == '\r' ? '\n' : *p);
			p++;
		}
	}
	while (b.len && isspace((unsigned char)b.s[b.len - 1]))
		b.s[--b.len] = '\0';
	return buf_detach(&b);
}

void import_report_count(const struct nb_entries *l, struct nb_import_report *r)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct nb_entry *e = l->v[i];
		r->by_type[e->type]++;
		if (!r->first[0] || strcmp(e->day, r->first) < 0)
			memcpy(r->first, e->day, NB_DAY_LEN);
		if (!r->last[0] || strcmp(e->day, r->last) > 0)
			memcpy(r->last, e->day, NB_DAY_LEN);
	}
}

const char *import_detect(const char *name, const char *text, size_t len)
{
	const char *dot = name ? strrchr(name, '.') : NULL;
	size_t head = len < 4096 ? len : 4096;

	if (len >= 4 && memcmp(text, "PK\x03\x04", 4) == 0)
		return "daylio-backup";
	if (dot && strcasecmp(dot, ".csv") == 0)
		return "daylio";
	if (memmem(text, head, "\"format\"", 8))
		return "nabij";
	if (memmem(text, head, "\"entries\"", 9))
		return "jrnl";
	if (memmem(text, head < 1024 ? head : 1024, "full_date", 9) ||
	    memmem(text, head < 1024 ? head : 1024, "mood", 4))
		return "daylio";
	return "nabij";
}

enum nb_err import_any(const char *from, const char *text, size_t len,
		       const struct nb_import_opts *o, struct nb_entries *out,
		       struct nb_import_report *r, struct nb_error *err)
{
	memset(r, 0, sizeof *r);
	if (strcmp(from, "daylio") == 0)
		return io_daylio_csv(text, len, o, out, r, err);
	if (strcmp(from, "daylio-backup") == 0)
		return io_daylio_backup(text, len, o, out, r, err);
	if (strcmp(from, "jrnl") == 0)
		return io_jrnl(text, len, out, r, err);
	return io_json_read(text, len, out, err);
}
