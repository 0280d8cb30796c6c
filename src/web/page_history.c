/*
 * History (/history: by period and kind, or a search) and one record
 * (/r/ID: shown in full, changed with the form that made it, deleted).
 */
#include "page.h"
#include "core/attachment.h"
#include "core/care.h"
#include "core/describe.h"
#include "core/i18n.h"
#include "core/exercise.h"
#include "core/parse.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void record_item(struct page *p, const struct nb_entry *e, const char *snippet)
{
	char summary[512], clock[8];

	describe_entry(e, summary, sizeof summary);
	nb_stamp_clock(e->at, clock);
	h(p, "<li><a href=\"/r/%l\"><span class=\"when\">%s %s</span> <strong>%s</strong> %s</a>",
	  e->id, e->day, clock, entry_type_label(e->type), summary);
	if (snippet) {
		/* the match is marked by the store with \x02 and \x03 */
		h(p, "<p class=\"snippet\">");
		for (const char *s = snippet; *s;) {
			size_t n = strcspn(s, "\x02\x03");
			char *run = xstrndup(s, n);

			h(p, "%s", run);
			free(run);
			s += n;
			if (*s)
				h(p, *s++ == '\x02' ? "<mark>" : "</mark>");
		}
		h(p, "</p>");
	}
	h(p, "</li>");
}

#define HISTORY_FEW 30	/* records on the page at first, and more each time */
#define HISTORY_MOST 600

void page_history(struct page *p)
{
	const char *q = kvs_get(&p->req->query, "q"), *type = kvs_get(&p->req->query, "type");
	const char *since = kvs_get(&p->req->query, "since"), *until = kvs_get(&p->req->query, "until");
	const char *show_s = kvs_get(&p->req->query, "show");
	int show = show_s ? atoi(show_s) : 0;	/* how many to show: a few, and more on asking */
	struct nb_query query = { .newest_first = true };
	struct nb_entries l = { 0 };
	struct nb_hits hits = { 0 };
	struct nb_error err = { 0 };
	struct nb_theme_hit themes[12];
	size_t nthemes = 0;

	show = show < HISTORY_FEW ? HISTORY_FEW : show > HISTORY_MOST ? HISTORY_MOST : show;
	query.limit = show + 1;	/* one more tells whether there are more */
	if (type && *type && entry_type_parse(type) != NB_TYPE_NONE)
		query.types = NB_TYPE_BIT(entry_type_parse(type));
	if (since && *since && !nb_day_parse(since, "since", &err))
		query.since = since;
	if (until && *until && !nb_day_parse(until, "until", &err))
		query.until = until;
	page_begin(p, _("History"), "/history");
	h(p, "<h1>%s</h1>", _("History"));
	if (kvs_get(&p->req->query, "deleted"))	/* a word back after a deletion */
		h(p, "<p class=\"saved\" role=\"status\">%s</p>",
		  _("Deleted. What you keep here is always yours to choose."));
	page_waiting(p, ~NB_TYPE_BIT(NB_MEMBER));	/* under the heading: what waits for undo */
	h(p, "<form method=\"get\" action=\"/history\" class=\"search\" role=\"search\">"
	     "<p class=\"field\"><label for=\"q\">%s</label><input id=\"q\" name=\"q\" type=\"search\" value=\"%s\"></p>"
	     "<details%r><summary>%s</summary>"
	     "<p class=\"field\"><label for=\"type\">%s</label><select id=\"type\" name=\"type\"><option value=\"\">%s</option>",
	  _("Search your notes, or a theme like sleep or shame"), q ? q : "",
	  (type && *type) || (since && *since) || (until && *until) ? " open" : "", _("One kind, or some days"),
	  _("Kind"), _("all"));
	for (int t = NB_CHECKIN; t < NB_TYPE__COUNT; t++)
		h(p, "<option value=\"%s\"%r>%s</option>", entry_type_id((enum nb_type)t),
		  type && strcmp(type, entry_type_id((enum nb_type)t)) == 0 ? " selected" : "",
		  entry_type_label((enum nb_type)t));
	h(p, "</select></p><p class=\"field\"><label for=\"since\">%s</label><input id=\"since\" name=\"since\" type=\"date\" value=\"%s\"></p>"
	     "<p class=\"field\"><label for=\"until\">%s</label><input id=\"until\" name=\"until\" type=\"date\" value=\"%s\"></p></details>"
	     "<p class=\"actions\"><button type=\"submit\">%s</button></p></form>",
	  _("From"), query.since ? query.since : "", _("Until"), query.until ? query.until : "", _("Show"));
	if (err.code)
		h(p, "<p class=\"error\" role=\"alert\">%s</p>", err.msg);
	if (q && *q) {
		nthemes = theme_search(q, themes, 12);
		if (nthemes) {
			h(p, "<h2>%s</h2><ul class=\"records\">", _("Practices that may fit:"));
			for (size_t i = 0; i < nthemes; i++) {
				const char *href = themes[i].kind == NB_THEME_EXERCISE ? "/exercise/"
						   : themes[i].kind == NB_THEME_PAGE ? "/help" : "/reflect";
				const char *id = themes[i].kind == NB_THEME_EXERCISE ? themes[i].id
						 : themes[i].kind == NB_THEME_PAGE && strcmp(themes[i].id, "beside") == 0 ? "/beside" : "";
				h(p, "<li><a href=\"%s%s\">%s</a></li>", href, id, _(themes[i].title));
			}
			h(p, "</ul>");
		}
		/* the best few, and more on asking, as the history's list */
		if (!page_ok(p, app_search(p->app, q, show, &hits, &err), &err) && err.code == NB_EINVAL)
			h(p, "<p class=\"error\">%s</p>", err.msg);
		h(p, "<h2>%s</h2>", _("In your notes"));
		if (!hits.n)
			h(p, "<p>%s</p>", _("Nothing found."));
		if (hits.total > hits.n || hits.over) {
			char line[200];

			if (hits.over)
				snprintf(line, sizeof line,
					 _("These are the best %zu of more than %zu matches; more words find fewer."),
					 hits.n, hits.total);
			else
				snprintf(line, sizeof line,
					 ngettext("These are the best %zu of %zu matches; more words find fewer.",
						  "These are the best %zu of %zu matches; more words find fewer.", hits.total),
					 hits.n, hits.total);
			h(p, "<p class=\"quiet\" role=\"status\">%s</p>", line);
		}
		h(p, "<ul class=\"records\">");
		for (size_t i = 0; i < hits.n; i++)
			record_item(p, hits.v[i].entry, hits.v[i].snippet);
		h(p, "</ul>");
		if ((hits.total > hits.n || hits.over) && show < HISTORY_MOST) {
			struct nb_buf u = { 0 };

			buf_addf(&u, "/history?show=%d&q=", show + HISTORY_FEW);
			url_encode(&u, q);
			h(p, "<p><a class=\"button secondary\" href=\"%s\">%s</a></p>", u.s, _("Show more"));
			buf_free(&u);
		}
	} else if (page_ok(p, app_list(p->app, &query, &l, &err), &err)) {
		if (!l.n)
			h(p, "<p>%s</p>", _("Nothing here yet."));
		h(p, "<ul class=\"records\">");
		for (size_t i = 0; i < l.n && i < (size_t)show; i++)
			record_item(p, l.v[i], NULL);
		h(p, "</ul>");
		if (l.n > (size_t)show && show < HISTORY_MOST) {	/* the rest, on asking */
			struct nb_buf u = { 0 };
			buf_addf(&u, "/history?show=%d", show + HISTORY_FEW);
			if (query.types) {
				buf_add(&u, "&type=");
				url_encode(&u, type);
			}
			if (query.since)
				buf_addf(&u, "&since=%s", query.since);
			if (query.until)
				buf_addf(&u, "&until=%s", query.until);
			h(p, "<p><a class=\"button secondary\" href=\"%s\">%s</a></p>", u.s, _("Show earlier ones"));
			buf_free(&u);
		} else if (l.n > (size_t)show) {
			h(p, "<p class=\"quiet\">%s</p>", _("For what is further back, choose some days or search."));
		}
	}
	hits_free(&hits);
	entries_free(&l);
	page_end(p);
}

/* How long a deleted record waits for undo, in words. */
static const char *undo_words(char *buf, size_t size)
{
	int minutes = NB_UNDO_SECONDS / 60;

	snprintf(buf, size,
		 ngettext("A deleted record is gone at once from every list, search and chart. For %d minute Undo brings it back whole; after that it is gone for good.",
			  "A deleted record is gone at once from every list, search and chart. For %d minutes Undo brings it back whole; after that it is gone for good.",
			  (unsigned long)minutes),
		 minutes);
	return buf;
}

void page_waiting(struct page *p, unsigned types)
{
	struct nb_entries l = { 0 };
	struct nb_error err;
	char words[512], day[96], clock[8], id[24];

	if (!page_ok(p, app_waiting(p->app, types, &l, &err), &err) || !l.n) {
		entries_free(&l);
		return;
	}
	h(p, "<section class=\"waiting\" role=\"status\"><ul>");
	for (size_t i = 0; i < l.n; i++) {
		const struct nb_entry *e = l.v[i];

		const char *what = e->type == NB_MEMBER ? e->u.member.name : entry_type_label(e->type);

		h(p, "<li>");
		if (e->type == NB_MEMBER) {
			h(p, "%s ", _("Removed from your circle:"));
			h(p, "<strong>%s</strong>", e->u.member.name);
		} else {
			describe_day(e->day, day, sizeof day);
			nb_stamp_clock(e->at, clock);
			h(p, "%s ", _("Deleted:"));
			h(p, "<strong>%s</strong> ", entry_type_label(e->type));
			h(p, "%s, %s", day, clock);
		}
		snprintf(id, sizeof id, "%lld", (long long)e->id);
		form_begin(p, "/undo", "inline-form");
		h(p, "<input type=\"hidden\" name=\"id\" value=\"%s\"><button type=\"submit\" aria-label=\"%s %s\">%s</button></form></li>",
		  id, _("Undo"), what, _("Undo"));
	}
	h(p, "</ul><p class=\"quiet\">%s</p></section>", undo_words(words, sizeof words));
	entries_free(&l);
}

/* /undo: POST brings back the record of the form's id (none: the one
 * deleted last) and goes to where it lives; GET shows what waits. */
void page_undo(struct page *p)
{
	const char *id = fval(p, "id");
	struct nb_entry *e = NULL;
	struct nb_error err;
	int64_t n = 0;

	if (p->posted) {
		if (id && *id && parse_id(id, &n, &err))
			page_fail(p, 404, err.msg);
		else if (app_undo(p->app, n, &e, &err))
			page_fail(p, err.code == NB_ENOTFOUND ? 404 : 500, err.msg);
		else if (e->type == NB_MEMBER && p->app->first_before.id)
			page_redirect(p, "/circle?moved=%lld", (long long)p->app->first_before.id);
		else if (e->type == NB_MEMBER)
			page_redirect(p, "/circle");
		else
			page_redirect(p, "/r/%lld?back=1", (long long)e->id);
		entry_free(e);
		return;
	}
	page_begin(p, _("Undo"), "/history");
	h(p, "<h1>%s</h1>", _("Undo"));
	{
		struct nb_entries l = { 0 };
		char words[512];
		if (page_ok(p, app_waiting(p->app, 0, &l, &err), &err) && !l.n)
			h(p, "<p>%s</p><p class=\"quiet\">%s</p>", _("Nothing waits to be undone."),
			  undo_words(words, sizeof words));
		entries_free(&l);
	}
	page_waiting(p, 0);
	page_end(p);
}

/* The rows of a record, as the terminal shows them (core/describe.c). */
static void show(struct page *p, const struct nb_entry *e)
{
	struct nb_rows rows;

	describe_rows(e, &rows);
	h(p, "<dl class=\"record\">");
	for (size_t i = 0; i < rows.n; i++)
		h(p, "<dt>%s</dt><dd class=\"pre\">%s</dd>", rows.v[i].label, rows.v[i].value);
	h(p, "</dl>");
	rows_free(&rows);
}

/* The form of a kind that has no page of its own to change it: its rows. */
static void kind_form(struct page *p, const struct nb_entry *e, const char *action)
{
	const struct rows_look look = { .klass = entry_type_id(e->type), .button = _("Save"), .when = true };

	rows_form(p, e, e->type, action, &look);
}

/* The kinds a page can change, and how. */
static const struct {
	enum nb_err (*from)(struct page *, struct nb_entry *);
	void (*form)(struct page *, const struct nb_entry *, const char *);
} editors[NB_TYPE__COUNT] = {
	[NB_CHECKIN] = { entry_from_form, checkin_form },
	[NB_MOMENT] = { entry_from_form, moment_form },
	[NB_TRIGGER] = { entry_from_form, trigger_form },
	[NB_MEMBER] = { entry_from_form, member_form },
	[NB_SESSION] = { entry_from_form, kind_form },
	[NB_REFLECTION] = { entry_from_form, kind_form },
	[NB_PHASE] = { entry_from_form, kind_form },
};

void page_record(struct page *p)
{
	int64_t id = path_id(p->req->path, "/r/");
	const char *rest;
	struct nb_entry *e = NULL;
	struct nb_error err;
	char day[96], clock[8], action[64], words[512];
	enum nb_err (*from)(struct page *, struct nb_entry *) = NULL;
	void (*form)(struct page *, const struct nb_entry *, const char *) = NULL;

	if (!id || !page_ok(p, app_get(p->app, id, &e, &err), &err)) {
		page_fail(p, 404, _("There is no such record. It may have been deleted."));
		return;
	}
	rest = strchr(p->req->path + 3, '/');
	from = editors[e->type].from;
	form = editors[e->type].form;
	if (p->posted && rest && strcmp(rest, "/delete") == 0) {
		if (app_delete(p->app, id, &err))
			page_fail(p, 500, err.msg);
		else	/* the next page offers Undo (page_waiting) */
			page_redirect(p, "%s", e->type == NB_MEMBER ? "/circle" : "/history?deleted=1");
		entry_free(e);
		return;
	}
	if (p->posted && rest && strcmp(rest, "/edit") == 0 && from) {
		if (!from(p, e) && !app_update(p->app, e, &p->err)) {
			if (p->app->first_before.id)	/* one first to call at a time: said on the page */
				page_redirect(p, "/r/%lld?changed=1&moved=%lld", (long long)id,
					      (long long)p->app->first_before.id);
			else
				page_redirect(p, "/r/%lld?changed=1", (long long)id);
			entry_free(e);
			return;
		}
		p->resp->status = 422;
	} else if (rest && strcmp(rest, "/edit") != 0) {
		page_fail(p, 404, _("There is no such page in nabij."));
		entry_free(e);
		return;
	}
	describe_day(e->day, day, sizeof day);
	nb_stamp_clock(e->at, clock);
	page_begin(p, entry_type_label(e->type), e->type == NB_MEMBER ? "/circle" : "/history");
	h(p, "<h1>%s</h1><p class=\"quiet\">%s, %s</p>", entry_type_label(e->type), day, clock);
	if (!rest && kvs_get(&p->req->query, "changed"))	/* a word back after a change */
		h(p, "<p class=\"saved\" role=\"status\">%s</p>",
		  _("Changed and kept. It is fine to look back and put things differently."));
	if (!rest && kvs_get(&p->req->query, "back"))	/* a word back after an undo */
		h(p, "<p class=\"saved\" role=\"status\">%s</p>", _("It is back, whole, as it was."));
	if (!rest && e->type == NB_MEMBER && kvs_get(&p->req->query, "moved")) {
		struct nb_entries circle = { 0 };
		if (page_ok(p, app_circle(p->app, &circle, &err), &err))
			page_first_moved(p, &circle);
		entries_free(&circle);
	}
	snprintf(action, sizeof action, "/r/%lld/edit", (long long)id);
	if (rest && form) {
		form(p, e, action);
	} else {
		show(p, e);
		if (form)
			h(p, "<p><a class=\"button\" href=\"%s\">%s</a></p>", action, _("Change"));
		snprintf(action, sizeof action, "/r/%lld/delete", (long long)id);
		h(p, "<details class=\"danger\"><summary>%s</summary><p>%s</p>", _("Delete"), undo_words(words, sizeof words));
		form_begin(p, action, "inline-form");
		h(p, "<button type=\"submit\" class=\"danger\">%s</button></form></details>", _("Delete this record"));
	}
	entry_free(e);
	page_end(p);
}
