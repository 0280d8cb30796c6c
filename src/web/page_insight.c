/*
 * Insights (/insights): what goes with the person's better and harder
 * days, as plain sentences, each with a drawing of its 95% interval around
 * "no difference". The numbers come from core/insight.c, the same as the
 * terminal's "nabij insights".
 */
#include "page.h"
#include "core/i18n.h"
#include "core/insight.h"
#include "core/series.h"
#include "core/vocab.h"
#include "report/report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* x of a value on a 0..W axis with 0 in the middle and +-span at the ends */
static double xpos(double v, double span)
{
	return 160 + v / span * 150;
}

/* The interval as a bar, the difference as a dot, the line of no difference. */
static void interval(struct page *p, const struct nb_difference *d, double span)
{
	char x0[32], x1[32], xd[32];

	snprintf(x0, sizeof x0, "%.1f", xpos(d->low, span));
	snprintf(x1, sizeof x1, "%.1f", xpos(d->high, span) - xpos(d->low, span));
	snprintf(xd, sizeof xd, "%.1f", xpos(d->diff, span));
	h(p, "<svg class=\"interval\" viewBox=\"0 0 320 24\" aria-hidden=\"true\" focusable=\"false\">"
	     "<line class=\"zero\" x1=\"160\" y1=\"1\" x2=\"160\" y2=\"23\"/>"
	     "<rect class=\"range\" x=\"%r\" y=\"8\" width=\"%r\" height=\"8\" rx=\"4\"/>"
	     "<circle class=\"dot\" cx=\"%r\" cy=\"12\" r=\"6\"/></svg>", x0, x1, xd);
}

/* Terms with their counts as bars, labelled from a vocabulary. */
static void term_bars(struct page *p, const char *title, enum nb_vocab v,
		      const struct nb_term_count *t, size_t n)
{
	const char *labels[16];
	int values[16];

	if (!n)
		return;
	for (size_t i = 0; i < n && i < 16; i++) {
		labels[i] = vocab_label(v, t[i].term);
		values[i] = t[i].n;
	}
	chart_bars(p, title, labels, values, (int)(n < 16 ? n : 16));
}

/* The check-in scales week by week, and the needs and triggers that come back. */
static void trends(struct page *p, const struct nb_charts *c, const char *since)
{
	struct nb_trend t;

	trend_build(c->days, c->ndays, since, p->today, &t);
	if (t.weeks) {
		h(p, "<h2>%s</h2><p>%s</p>", _("Week by week"),
		  _("The small dots are the mean of each week's check-ins; the line is the trend: the mean of the five weeks around each week, so that one hard or easy week does not hide the direction."));
		for (int s = 0; s < NB_M__COUNT; s++) {
			double lo, hi;
			int any = 0;
			for (int k = 0; k < t.weeks; k++)
				any += t.days[s][k];
			if (!any)	/* a scale not answered in this period */
				continue;
			series_range((enum nb_measure)s, &lo, &hi);
			chart_trend(p, series_label((enum nb_measure)s), t.mean[s], t.smooth[s], t.days[s], t.weeks,
				    lo, hi, t.monday);
		}
	}
	if (c->terms.n[NB_TERMS_NEEDS] || c->terms.n[NB_TERMS_TRIGGER_EMOTIONS] || c->terms.n[NB_TERMS_TRIGGER_NEEDS]) {
		h(p, "<h2>%s</h2>", _("What comes back"));
		term_bars(p, _("Needs you named, in check-ins and triggers"), NB_VOCAB_NEED, c->terms.v[NB_TERMS_NEEDS], c->terms.n[NB_TERMS_NEEDS]);
		term_bars(p, _("Emotions in the trigger diary"), NB_VOCAB_EMOTION, c->terms.v[NB_TERMS_TRIGGER_EMOTIONS],
			  c->terms.n[NB_TERMS_TRIGGER_EMOTIONS]);
		term_bars(p, _("Needs under the triggers"), NB_VOCAB_NEED, c->terms.v[NB_TERMS_TRIGGER_NEEDS], c->terms.n[NB_TERMS_TRIGGER_NEEDS]);
	}
	trend_free(&t);
}

/* /insights/how: how to read the insights, the words of core. */
void page_insights_how(struct page *p)
{
	page_begin(p, _("How to read the insights"), "/insights");
	h(p, "<h1>%s</h1>", _("How to read the insights"));
	for (size_t i = 0; insights_howto(i).title; i++)
		h(p, "<h2>%s</h2><p>%s</p>", insights_howto(i).title, insights_howto(i).text);
	h(p, "<p><a href=\"/insights\">%s</a></p>", _("Back to the insights"));
	page_end(p);
}

void page_insights(struct page *p)
{
	const char *range = kvs_get(&p->req->query, "days");
	int days = range ? atoi(range) : 0;
	char since[NB_DAY_LEN], line[600];
	struct nb_insights in;
	struct nb_charts c;
	struct nb_error err;
	size_t shown = 0;

	if (days != 90 && days != 365)
		days = 0;	/* all of it */
	if (days)
		nb_day_add(p->today, -(days - 1), since);
	else
		snprintf(since, sizeof since, "0000-01-01");
	if (app_overview(p->app, since, p->today, &c, &in, &err)) {
		page_fail(p, 500, err.msg);
		return;
	}
	page_begin(p, _("Insights"), "/insights");
	h(p, "<h1>%s</h1><p class=\"pager\">", _("What goes with your days"));
	{
		static const int ranges[] = { 90, 365, 0 };
		for (int i = 0; i < 3; i++) {
			char title[64];
			if (ranges[i])
				snprintf(title, sizeof title, ngettext("%d day", "%d days", ranges[i]), ranges[i]);
			else
				snprintf(title, sizeof title, "%s", _("all days"));
			if (ranges[i] == days)
				h(p, "<strong aria-current=\"true\">%s</strong> ", title);
			else
				h(p, "<a href=\"/insights?days=%d\">%s</a> ", ranges[i], title);
		}
	}
	h(p, "</p><p>");
	h(p, ngettext("Based on %u day with a check-in.", "Based on %u days with a check-in.", in.days), in.days);
	h(p, "</p>");
	shown = insights_shown(&in);
	if (!in.tried) {
		insights_wait_sentence(line, sizeof line);
		h(p, "<p class=\"gentle\">%s</p>", line);
	} else {
		double span = insights_span(&in);
		if (shown)
			h(p, "<p>%s</p><ol class=\"findings\">", insights_drawing_sentence());
		for (size_t i = 0; i < shown; i++) {
			finding_sentence(&in, &in.findings[i], line, sizeof line);
			h(p, "<li><p>%s</p>", line);
			interval(p, &in.findings[i].d, span);
			h(p, "</li>");
		}
		insights_tried_sentence(&in, line, sizeof line);
		h(p, "%r<p>%s</p>", shown ? "</ol>" : "", line);
	}
	h(p, "<p><a href=\"/insights/how\">%s</a> · <a href=\"/experiment\">%s</a></p>", _("How to read this"),
	  _("Try it yourself: a personal experiment"));
	if (in.nexercises) {
		h(p, "<h2>%s</h2><ul>", _("Exercises and your tension"));
		for (size_t i = 0; i < in.nexercises; i++) {
			exercise_sentence(&in.exercises[i], line, sizeof line);
			h(p, "<li>%s</li>", line);
		}
		h(p, "</ul>");
	}
	trends(p, &c, since);
	insights_caveat_sentence(line, sizeof line);
	h(p, "<p class=\"gentle\">%s</p>", line);
	h(p, "<h2>%s</h2><p>%s</p><form method=\"get\" action=\"/report.pdf\">"
	     "<label for=\"r-days\">%s</label><select id=\"r-days\" name=\"days\">"
	     "<option value=\"90\">%s</option><option value=\"365\">%s</option><option value=\"0\">%s</option></select>"
	     "<p><label><input type=\"checkbox\" name=\"notes\" value=\"1\"> %s</label></p>"
	     "<p><label><input type=\"checkbox\" name=\"circle\" value=\"1\"> %s</label></p>"
	     "<button type=\"submit\">%s</button></form>",
	  _("Report"),
	  _("A PDF of a period, to read yourself or to bring to a therapist: your check-ins over time, moments of connection, needs, exercises and these insights."),
	  _("Period"), _("the last 90 days"), _("the last year"), _("all days"),
	  _("with my notes"), _("with my circle"), _("Download the report"));
	insights_free(&in);
	charts_free(&c);
	page_end(p);
}

/* /report.pdf?days=90&notes=1&circle=1: the report as a download. */
void page_report(struct page *p)
{
	const char *range = kvs_get(&p->req->query, "days"), *v;
	int days = range ? atoi(range) : 90, pages;
	char since[NB_DAY_LEN];
	struct nb_report_opts o = { .until = p->today };
	struct nb_error err = { 0 };
	char *pdf = NULL;
	size_t len = 0;
	enum nb_err rc;
	FILE *f;

	o.notes = (v = kvs_get(&p->req->query, "notes")) && strcmp(v, "1") == 0;
	o.circle = (v = kvs_get(&p->req->query, "circle")) && strcmp(v, "1") == 0;
	if (days != 90 && days != 365)
		days = 0;
	if (days)
		nb_day_add(p->today, -(days - 1), since);
	else {	/* all days: from the oldest record */
		struct nb_query q = { .limit = 1 };
		struct nb_entries l = { 0 };
		snprintf(since, sizeof since, "%s", p->today);
		if (page_ok(p, app_list(p->app, &q, &l, &err), &err) && l.n && strcmp(l.v[0]->day, since) < 0)
			snprintf(since, sizeof since, "%s", l.v[0]->day);
		entries_free(&l);
	}
	o.since = since;
	if (!(f = open_memstream(&pdf, &len))) {
		page_fail(p, 500, _("Could not write the report."));
		return;
	}
	rc = report_pdf(p->app, &o, f, &pages, &err);
	if (fclose(f) || rc) {	/* the stream is closed either way */
		free(pdf);
		page_fail(p, 500, rc ? err.msg : _("Could not write the report."));
		return;
	}
	buf_addn(p->b, pdf, len);
	free(pdf);
	p->resp->type = "application/pdf";
	snprintf(p->resp->filename, sizeof p->resp->filename, "nabij-report-%s.pdf", p->today);
}
