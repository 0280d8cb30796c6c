/*
 * Charts (/charts) and the person's data (/data: export, import). The data
 * leaves nabij ui's file, or nabij serve's database, only when the person
 * downloads it.
 */
#include "page.h"
#include "core/describe.h"
#include "core/i18n.h"
#include "core/series.h"
#include "core/week.h"
#include "core/suggest.h"
#include "io/import.h"
#include "io/io.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void page_charts(struct page *p)
{
	const char *range = kvs_get(&p->req->query, "days");
	int days = range ? atoi(range) : 30;
	char first[NB_DAY_LEN], title[128];
	struct nb_charts c;
	struct nb_error err;
	struct nb_exercise_stat *stats = NULL;
	size_t nstats = 0;
	double *v;
	const char *labels[16];
	int values[16];

	if (days != 7 && days != 30 && days != 90 && days != 365)
		days = 30;
	nb_day_add(p->today, -(days - 1), first);
	if (app_charts(p->app, first, p->today, &c, &err)) {
		page_fail(p, 500, err.msg);
		return;
	}
	v = calloc((size_t)days, sizeof *v);
	page_begin(p, _("Charts"), "/charts");
	h(p, "<h1>%s</h1><p class=\"pager\">", _("Charts"));
	static const int ranges[] = { 7, 30, 90, 365 };
	for (int i = 0; i < 4; i++) {
		snprintf(title, sizeof title, ngettext("%d day", "%d days", ranges[i]), ranges[i]);
		if (ranges[i] == days)
			h(p, "<strong aria-current=\"true\">%s</strong> ", title);
		else
			h(p, "<a href=\"/charts?days=%d\">%s</a> ", ranges[i], title);
	}
	h(p, "</p>");
	for (int m = 0; m < NB_M__COUNT; m++) {	/* the measures drawn day by day */
		double lo, hi;
		if (!(measure_info((enum nb_measure)m)->flags & NB_MF_CHART))
			continue;
		bool any = false;
		series_daily(c.days, c.ndays, first, days, (enum nb_measure)m, v);
		for (int i = 0; i < days && !any; i++)
			any = v[i] > 0;
		if (!any && (measure_info((enum nb_measure)m)->flags & NB_MF_NOTED))
			continue;	/* not everyone notes it: no empty chart of it */
		series_range((enum nb_measure)m, &lo, &hi);
		chart_line(p, series_label((enum nb_measure)m), v, days, lo, hi, first,
			   series_label((enum nb_measure)m));
	}
	{
		/* moments per week, the weeks of the period (up to 13 on the screen) */
		int weeks = days / 7 < 1 ? 1 : days / 7 > 13 ? 13 : days / 7, per[13];
		char monday[NB_DAY_LEN], start[NB_DAY_LEN], day[NB_DAY_LEN], label[13][48];
		const char *wl[13];
		week_monday(p->today, monday);
		nb_day_add(monday, -7 * (weeks - 1), start);
		series_weekly(c.days, c.ndays, start, weeks, per);
		for (int i = 0; i < weeks; i++) {
			nb_day_add(start, 7 * i, day);
			describe_day_short(day, label[i], sizeof label[i]);
			wl[i] = label[i];
		}
		chart_bars(p, _("Moments of connection per week (from Monday)"), wl, per, weeks);
	}
	for (size_t i = 0; i < c.terms.n[NB_TERMS_KINDS]; i++) {
		labels[i] = vocab_label(NB_VOCAB_MOMENT_KIND, c.terms.v[NB_TERMS_KINDS][i].term);
		values[i] = c.terms.v[NB_TERMS_KINDS][i].n;
	}
	chart_bars(p, _("Moments of connection, by kind"), labels, values, (int)c.terms.n[NB_TERMS_KINDS]);
	for (size_t i = 0; i < c.terms.n[NB_TERMS_NEEDS]; i++) {
		labels[i] = vocab_label(NB_VOCAB_NEED, c.terms.v[NB_TERMS_NEEDS][i].term);
		values[i] = c.terms.v[NB_TERMS_NEEDS][i].n;
	}
	chart_bars(p, _("Needs that come back"), labels, values, (int)c.terms.n[NB_TERMS_NEEDS]);
	if (page_ok(p, app_exercise_stats(p->app, &stats, &nstats, &err), &err) && nstats) {
		h(p, "<figure class=\"chart\"><figcaption>%s</figcaption><table><thead><tr><th scope=\"col\">%s</th>"
		     "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		  _("Exercises: tension before and after, all time"), _("Exercise"), _("Tension lower afterwards, on average"),
		  _("Times"));
		for (size_t i = 0; i < nstats; i++) {
			char d[NB_DEC_LEN];
			h(p, "<tr><td>%s</td><td>%s</td><td>%d</td></tr>", vocab_label(NB_VOCAB_EXERCISE, stats[i].exercise),
			  nb_dec1(stats[i].drop, d), stats[i].n);
		}
		h(p, "</tbody></table></figure>");
	}
	h(p, "<p class=\"quiet\">%s</p>", _("These are your own days, shown as they are. A pattern here is not proof of a cause."));
	free(stats);
	free(v);
	charts_free(&c);
	page_end(p);
}

void page_export(struct page *p)
{
	struct nb_entries l = { 0 };
	struct nb_error err;
	bool csv = strcmp(p->req->path, "/export.csv") == 0;
	char *text = NULL;
	size_t len = 0;
	FILE *f;

	if (app_export(p->app, &l, &err)) {
		page_fail(p, 500, err.msg);
		return;
	}
	f = open_memstream(&text, &len);
	if (!f || (csv ? io_csv_write(f, &l, &err) : io_json_write(f, &l, p->app->now, &err))) {
		if (f)
			fclose(f);
		free(text);
		entries_free(&l);
		page_fail(p, 500, _("Could not write the export."));
		return;
	}
	fclose(f);
	page_access(p, WEB_ACCESS_EXPORT);
	buf_addn(p->b, text, len);
	free(text);
	p->resp->type = csv ? "text/csv; charset=utf-8" : "application/json";
	snprintf(p->resp->filename, sizeof p->resp->filename, "nabij-%s.%s", p->today, csv ? "csv" : "json");
	entries_free(&l);
}

void page_data(struct page *p)
{
	const char *result = kvs_get(&p->req->query, "imported");

	if (p->posted && p->local && fval(p, "signout")) {	/* every other browser out (the local mode's) */
		page_new_session(p);
		page_redirect(p, "/data?signedout=1");
		return;
	}
	if (p->posted) {
		const struct web_kv *file = kvs_find(&p->req->form, "file");
		struct nb_entries l = { 0 };
		struct nb_import_result r;
		struct nb_import_report rep;
		struct nb_import_opts o = { .dry_run = fchecked(p, "dry", "1"), .moments = fchecked(p, "moments", "1"),
					    .mood_map = fval(p, "mood-map") };
		bool dry = o.dry_run;

		if (o.mood_map && !*o.mood_map)
			o.mood_map = NULL;
		if (!file || !file->len) {
			nb_error_set(&p->err, NB_EINVAL, "file", _("Choose a file to import first."));
		} else if (!import_any(import_detect(fval(p, "file.filename"), file->value, file->len),
				       file->value, file->len, &o, &l, &rep, &p->err) &&
			   !app_import(p->app, &l, dry, &r, &p->err)) {
			if (!dry)
				page_access(p, WEB_ACCESS_IMPORT);
			page_redirect(p, "/data?imported=%zu&present=%zu&stopped=%zu&dry=%d", r.added, r.present, r.stopped, dry);
			entries_free(&l);
			return;
		}
		entries_free(&l);
		p->resp->status = 422;
	}
	page_begin(p, _("Your data"), "");	/* not one of the menu's */
	/* where the records are kept: nabij ui's file, or nabij serve's database */
	h(p, "<h1>%s</h1><p class=\"intro\">%s</p>", _("Your data"),
	  p->local ? _("Everything you write stays on this computer, in one file only you can read. You can take it with you at any time, and bring it back.")
		   : _("What you write is kept by the people who run this nabij, in their database, where no other account can read it. You can take it out whole at any time, in the same file nabij on a computer reads, and bring it back."));
	if (p->local) {	/* a passphrase is the local file's */
		bool encrypted = app_encrypted(p->app, p->local->db_path);

		h(p, "<p>%s <a href=\"/protect\">%s</a></p>",
		  encrypted ? _("Your notes are encrypted with your passphrase.")
			    : _("Your notes are not encrypted with a passphrase."),
		  encrypted ? _("Change or remove the passphrase") : _("Protect your notes"));
	}
	if (result) {
		const char *present = kvs_get(&p->req->query, "present"), *stopped;
		const char *dry = kvs_get(&p->req->query, "dry");
		char line[256];
		int added = atoi(result), there = present ? atoi(present) : 0;
		if (dry && strcmp(dry, "1") == 0)
			snprintf(line, sizeof line, ngettext("Would import %d record", "Would import %d records", added), added);
		else
			snprintf(line, sizeof line, ngettext("Imported %d record", "Imported %d records", added), added);
		h(p, "<p class=\"saved\" role=\"status\">%s", line);
		snprintf(line, sizeof line, ngettext(" (%d was already there).", " (%d were already there).", there), there);
		h(p, "%s", line);
		if ((stopped = kvs_get(&p->req->query, "stopped")) && atoi(stopped) > 0) {	/* one runs at a time */
			size_t n = (size_t)atoi(stopped);
			snprintf(line, sizeof line,
				 dry && strcmp(dry, "1") == 0
				 ? ngettext("%zu experiment would come in stopped: one experiment runs at a time.",
					    "%zu experiments would come in stopped: one experiment runs at a time.", n)
				 : ngettext("%zu experiment came in stopped: one experiment runs at a time.",
					    "%zu experiments came in stopped: one experiment runs at a time.", n),
				 n);
			h(p, " %s", line);
		}
		h(p, "</p>");
	}
	if (kvs_get(&p->req->query, "signedout"))
		h(p, "<p class=\"saved\" role=\"status\">%s</p>",
		  _("Every other browser is signed out now. This one stays signed in."));
	h(p, "<h2>%s</h2><p><a class=\"button\" href=\"/export.json\" download>%s</a> "
	     "<a class=\"button secondary\" href=\"/export.csv\" download>%s</a></p><p class=\"quiet\">%s</p>",
	  _("Export"), _("Download everything (JSON)"), _("Download for a spreadsheet (CSV)"),
	  p->local ? _("JSON is complete and can be imported again; CSV is for reading in a spreadsheet. The downloaded file is not encrypted, even when nabij is: keep it somewhere only you can reach, and delete it when you no longer need it.")
		   : _("JSON is complete and can be imported again, here or in nabij on a computer; CSV is for reading in a spreadsheet. The downloaded file is not encrypted: keep it somewhere only you can reach, and delete it when you no longer need it."));
	h(p, "<h2>%s</h2>", _("Import"));
	h(p, "<form method=\"post\" action=\"/data\" enctype=\"multipart/form-data\" class=\"import\">"
	     "<input type=\"hidden\" name=\"csrf\" value=\"%s\">", p->csrf);
	form_errors(p);
	h(p, "<p class=\"field\"><label for=\"f-file\">%s</label><input id=\"f-file\" name=\"file\" type=\"file\" accept=\".json,.csv,.daylio\"></p>"
	     "<p><label><input type=\"checkbox\" name=\"dry\" value=\"1\"> %s</label></p>"
	     "<p><label><input type=\"checkbox\" name=\"moments\" value=\"1\"> %s</label></p>"
	     "<p class=\"field\"><label for=\"f-mood-map\">%s</label><span class=\"hint\">%s</span>"
	     "<input id=\"f-mood-map\" name=\"mood-map\"></p>"
	     "<p class=\"actions\"><button type=\"submit\">%s</button></p></form><p class=\"quiet\">%s</p>",
	  _("An export of nabij (JSON), Daylio (CSV or .daylio backup) or jrnl (JSON)"), _("Only count, write nothing"),
	  _("Daylio activities that are contact become moments too"), _("Daylio moods you renamed"),
	  _("A level for each, like great=5,fine=3"), _("Import"),
	  _("Records that are already here are left alone, so importing a file twice adds nothing twice. If anything in the file is wrong, nothing is imported and nabij says where."));
	if (p->local) {	/* nabij ui's one session; nabij serve's accounts sign in and out themselves */
		h(p, "<h2>%s</h2><p>%s</p>", _("Signed-in browsers"),
		  _("A browser that once opened nabij stays signed in, also after nabij restarts. If another browser or another person may have had nabij open, sign them all out: only this browser stays signed in. Changing the passphrase does the same."));
		form_begin(p, "/data", "signout");
		h(p, "<input type=\"hidden\" name=\"signout\" value=\"1\">");
		form_end(p, _("Sign out every other browser"));
	}
	page_end(p);
}
