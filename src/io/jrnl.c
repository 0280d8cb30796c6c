/*
 * jrnl's JSON export: {"tags": {...}, "entries": [{"title", "body", "date",
 * "time", "tags", "starred"}]}. An entry becomes a check-in with the title
 * and body as its note and the tags as tags ("@work" as "work"); exports
 * from older jrnl have no tags per entry, so they are taken from the text
 * (words that start with @ or #). A starred entry gets the tag "starred".
 */
#include "import.h"
#include "jload.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/xalloc.h"

#include <jansson.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FAR_FUTURE ((int64_t)1 << 40)

static bool has_tag(const struct nb_items *l, const char *t)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].term, t) == 0)
			return true;
	return false;
}

static void add_tag(struct nb_items *l, const char *t, size_t n)
{
	char *w;

	while (n && (*t == '@' || *t == '#'))
		t++, n--;
	while (n && (ispunct((unsigned char)t[n - 1]) && t[n - 1] != '-' && t[n - 1] != '_'))
		n--;
	if (!n)
		return;
	w = xstrndup(t, n);
	if (!has_tag(l, w))
		items_add(l, w, NULL, 0);
	free(w);
}

/* Words of text that start with @ or # (and are more than that sign). */
static void tags_from_text(struct nb_items *l, const char *text)
{
	for (const char *p = text; p && *p; p++) {
		const char *w;
		if ((*p != '@' && *p != '#') || (p > text && !isspace((unsigned char)p[-1])))
			continue;
		w = p;
		while (*p && !isspace((unsigned char)*p))
			p++;
		if (p - w > 1)
			add_tag(l, w, (size_t)(p - w));
		if (!*p)
			break;
	}
}

enum nb_err io_jrnl(const char *text, size_t len, struct nb_entries *out,
		    struct nb_import_report *r, struct nb_error *err)
{
	json_t *root = io_json_load(text, len, 0, NULL, err), *entries, *v;
	struct nb_entries got = { 0 };
	enum nb_err rc = NB_OK;
	size_t i;

	memset(r, 0, sizeof *r);
	if (!root)
		return NB_EINVAL;
	entries = json_object_get(root, "entries");
	if (!json_is_array(entries)) {
		json_decref(root);
		return nb_error_set(err, NB_EINVAL, "entries", _("This is not a jrnl export: it has no list \"entries\"."));
	}
	json_array_foreach(entries, i, v) {
		const char *title = json_string_value(json_object_get(v, "title"));
		const char *body = json_string_value(json_object_get(v, "body"));
		const char *date = json_string_value(json_object_get(v, "date"));
		const char *time = json_string_value(json_object_get(v, "time"));
		json_t *tags = json_object_get(v, "tags"), *t;
		struct nb_entry *e;
		struct nb_stamp st;
		struct nb_error e2;
		char at[48], *key;
		size_t k;

		if (!json_is_object(v) || !date || (tags && !json_is_array(tags))) {
			rc = nb_error_set(err, NB_EINVAL, "entries",
					  _("jrnl entry %zu: it needs a \"date\", and \"tags\" must be a list."), i + 1);
			break;
		}
		snprintf(at, sizeof at, "%sT%s", date, time ? time : "12:00");
		if (nb_time_parse(at, FAR_FUTURE, "date", &st, &e2)) {
			rc = nb_error_set(err, NB_EINVAL, "date",
					  _("jrnl entry %zu: \"%s %s\" is not a date and time like 2026-11-20 21:30."),
					  i + 1, date, time ? time : "");
			break;
		}
		e = entry_new(NB_CHECKIN);
		entry_set_time(e, st);
		e->created = e->updated = st.utc;
		if (title && *title && body && *body)
			e->u.checkin.note = xasprintf("%s\n%s", title, body);
		else
			e->u.checkin.note = xstrdup(title && *title ? title : body && *body ? body : NULL);
		json_array_foreach(tags, k, t)
			if (json_is_string(t))
				add_tag(&e->u.checkin.tags, json_string_value(t), json_string_length(t));
		if (!tags) {	/* older exports: the tags are in the text */
			tags_from_text(&e->u.checkin.tags, title);
			tags_from_text(&e->u.checkin.tags, body);
		}
		if (json_is_true(json_object_get(v, "starred")))
			add_tag(&e->u.checkin.tags, "starred", 7);
		key = xasprintf("%s|%s|%s|%s", date, time ? time : "", title ? title : "", body ? body : "");
		import_uid("jrnl", key, e->uid);
		free(key);
		entries_push(&got, e);
	}
	json_decref(root);
	if (rc) {
		entries_free(&got);
		return rc;
	}
	/* the same entry twice in a file is read once */
	for (size_t a = 0; a < got.n; a++)
		for (size_t b = a + 1; b < got.n; b++)
			if (strcmp(got.v[a]->uid, got.v[b]->uid) == 0) {
				entry_free(got.v[b]);
				got.v[b--] = got.v[--got.n];
				r->duplicates++;
			}
	import_report_count(&got, r);
	for (i = 0; i < got.n; i++)
		entries_push(out, got.v[i]);
	free(got.v);
	return NB_OK;
}
