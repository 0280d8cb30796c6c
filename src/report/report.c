/*
 * The report as a PDF: a small page layout (a cursor going down A4 pages,
 * words wrapped to the measure) and the drawings, on cairo's PDF surface.
 * The numbers come from the app layer, the same as on screen.
 */
#include "report.h"
#include "core/buf.h"
#include "core/describe.h"
#include "core/i18n.h"
#include "core/insight.h"
#include "core/series.h"
#include "core/week.h"
#include "core/xalloc.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <dlfcn.h>
#include <fontconfig/fontconfig.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * cairo and fontconfig are opened when the first report is drawn, not
 * linked: with X11 among them they are some twenty libraries, which every
 * other command would load at its start for nothing.
 */
#define CAIRO_CALLS(X) \
	X(cairo_arc) \
	X(cairo_create) \
	X(cairo_debug_reset_static_data) \
	X(cairo_destroy) \
	X(cairo_fill) \
	X(cairo_line_to) \
	X(cairo_move_to) \
	X(cairo_new_path) \
	X(cairo_pdf_surface_create_for_stream) \
	X(cairo_pdf_surface_set_metadata) \
	X(cairo_rectangle) \
	X(cairo_select_font_face) \
	X(cairo_set_font_size) \
	X(cairo_set_line_join) \
	X(cairo_set_line_width) \
	X(cairo_set_source_rgb) \
	X(cairo_show_page) \
	X(cairo_show_text) \
	X(cairo_stroke) \
	X(cairo_tag_begin) \
	X(cairo_tag_end) \
	X(cairo_surface_destroy) \
	X(cairo_surface_finish) \
	X(cairo_surface_status) \
	X(cairo_text_extents) \
	X(FcFini)

static struct {
#define SLOT(f) __typeof__(f) *f;
	CAIRO_CALLS(SLOT)
#undef SLOT
} lib;

static enum nb_err cairo_ready(struct nb_error *err)
{
	static bool ready;
	void *cairo;

	if (ready)
		return NB_OK;
	/* fontconfig comes with cairo: its calls are found through cairo's
	 * handle, which searches cairo's own dependencies too */
	if (!(cairo = dlopen("libcairo.so.2", RTLD_NOW | RTLD_LOCAL)))
		return nb_error_set(err, NB_EIO, "", _("The report needs cairo (Debian: libcairo2): %s"), dlerror());
#define LOAD(f)                                                                                    \
	if (!(*(void **)&lib.f = dlsym(cairo, #f)))                                                \
		return nb_error_set(err, NB_EIO, "", _("The report needs cairo (Debian: libcairo2): %s"), \
				    dlerror());
	CAIRO_CALLS(LOAD)
#undef LOAD
	ready = true;
	return NB_OK;
}

#define PAGE_W 595.28	/* A4 in points */
#define PAGE_H 841.89
#define MARGIN 56.0
#define MEASURE (PAGE_W - 2 * MARGIN)
#define FONT "DejaVu Sans"

struct pdf {
	cairo_t *cr;
	double y;
	int page;
	const char *footer;
	const char *tag;	/* the structure tag of the next text: P, H1, H2 */
};

static void ink(struct pdf *p, double grey)
{
	lib.cairo_set_source_rgb(p->cr, grey, grey * 0.97, grey * 0.94);
}

static void font(struct pdf *p, double size, bool bold)
{
	lib.cairo_select_font_face(p->cr, FONT, CAIRO_FONT_SLANT_NORMAL,
			       bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	lib.cairo_set_font_size(p->cr, size);
}

static void footer(struct pdf *p)
{
	char n[32];

	font(p, 8, false);
	ink(p, 0.4);
	snprintf(n, sizeof n, "%d", p->page);
	lib.cairo_move_to(p->cr, MARGIN, PAGE_H - 30);
	lib.cairo_show_text(p->cr, p->footer);
	lib.cairo_move_to(p->cr, PAGE_W - MARGIN - 10, PAGE_H - 30);
	lib.cairo_show_text(p->cr, n);
}

/* Room for h more points on this page, or a new page. */
static void room(struct pdf *p, double h)
{
	if (p->y + h <= PAGE_H - MARGIN)
		return;
	footer(p);
	lib.cairo_show_page(p->cr);
	p->page++;
	p->y = MARGIN;
}

/* Text wrapped to the measure from x; returns the lines written. */
static int text(struct pdf *p, const char *s, double size, bool bold, double x, double grey)
{
	double width = MEASURE - (x - MARGIN), lead = size * 1.4;
	char *copy = strdup(s), *word, *save = NULL;
	struct nb_buf line = { 0 };
	int lines = 0;

	font(p, size, bold);
	ink(p, grey);
	/* tagged, so that a screen reader reads the report in order */
	lib.cairo_tag_begin(p->cr, p->tag ? p->tag : "P", NULL);
	for (word = strtok_r(copy, " \n", &save);; word = strtok_r(NULL, " \n", &save)) {
		cairo_text_extents_t e = { 0 };
		if (word) {
			struct nb_buf probe = { 0 };
			buf_addf(&probe, "%s%s%s", line.s ? line.s : "", line.len ? " " : "", word);
			lib.cairo_text_extents(p->cr, probe.s, &e);
			buf_free(&probe);
		}
		if (line.len && (!word || e.x_advance > width)) {
			room(p, lead);
			font(p, size, bold);
			ink(p, grey);
			lib.cairo_move_to(p->cr, x, p->y + size);
			if (word)	/* a wrapped line ends in a space, so that read aloud its words stay apart */
				buf_add(&line, " ");
			lib.cairo_show_text(p->cr, line.s);
			p->y += lead;
			lines++;
			line.len = 0;
			line.s[0] = 0;
		}
		if (!word)
			break;
		buf_addf(&line, "%s%s", line.len ? " " : "", word);
	}
	lib.cairo_tag_end(p->cr, p->tag ? p->tag : "P");
	buf_free(&line);
	free(copy);
	return lines;
}

/* A table of terms and how often they came: a header row, then a row
 * for each, tagged as a table (Table, TR, TH, TD) so that a screen reader
 * reads it cell by cell, in order. */
static void term_table(struct pdf *p, const char *what, const char *count, enum nb_vocab v,
		       const struct nb_term_count *t, size_t n)
{
	const double x1 = MARGIN + 14, x2 = MARGIN + 14 + 260, lead = 10 * 1.45;
	char num[16];

	lib.cairo_tag_begin(p->cr, "Table", NULL);
	for (size_t i = 0; i <= n; i++) {
		const char *cell[2];
		const double x[2] = { x1, x2 };

		room(p, lead);
		if (i == 0) {
			cell[0] = what;
			cell[1] = count;
		} else {
			snprintf(num, sizeof num, "%d", t[i - 1].n);
			cell[0] = vocab_label(v, t[i - 1].term);
			cell[1] = num;
		}
		font(p, 10, i == 0);
		ink(p, i == 0 ? 0.3 : 0.15);
		lib.cairo_tag_begin(p->cr, "TR", NULL);
		for (int k = 0; k < 2; k++) {
			lib.cairo_tag_begin(p->cr, i == 0 ? "TH" : "TD", NULL);
			lib.cairo_move_to(p->cr, x[k], p->y + 10);
			lib.cairo_show_text(p->cr, cell[k]);
			lib.cairo_tag_end(p->cr, i == 0 ? "TH" : "TD");
		}
		lib.cairo_tag_end(p->cr, "TR");
		p->y += lead;
	}
	lib.cairo_tag_end(p->cr, "Table");
	p->y += 4;
}

static void heading(struct pdf *p, const char *s)
{
	room(p, 80);
	p->y += 14;
	p->tag = "H2";
	text(p, s, 14, true, MARGIN, 0.15);
	p->tag = NULL;
	p->y += 4;
}

/* Weekly means as small dots and the smoothed trend as a line (core/series.h). */
static void chart_trend(struct pdf *p, const struct nb_trend *t, enum nb_measure which, const char *last)
{
	const double h = 90, x0 = MARGIN + 24, w = MEASURE - 24;
	const double *mean = t->mean[which], *smooth = t->smooth[which];
	double lo, hi;
	char label[32];
	bool down = false, any = false;

	for (int i = 0; i < t->weeks; i++)
		any |= t->days[which][i] > 0;
	if (!any)
		return;
	series_range(which, &lo, &hi);
	room(p, h + 44);
	text(p, series_label(which), 10, true, MARGIN, 0.2);
	p->y += 4;
	lib.cairo_set_line_width(p->cr, 0.5);
	font(p, 8, false);
	for (double g = lo; g <= hi + 1e-9; g += (hi - lo) / 4) {
		double y = p->y + h - (g - lo) / (hi - lo) * h;
		ink(p, 0.85);
		lib.cairo_move_to(p->cr, x0, y);
		lib.cairo_line_to(p->cr, x0 + w, y);
		lib.cairo_stroke(p->cr);
		ink(p, 0.4);
		snprintf(label, sizeof label, "%g", g);
		lib.cairo_move_to(p->cr, MARGIN, y + 3);
		lib.cairo_show_text(p->cr, label);
	}
	lib.cairo_set_source_rgb(p->cr, 0.79, 0.64, 0.56);
	lib.cairo_new_path(p->cr);	/* the labels leave a current point behind */
	for (int i = 0; i < t->weeks; i++) {
		double x = x0 + (t->weeks > 1 ? w * i / (t->weeks - 1) : w / 2);
		if (!t->days[which][i])
			continue;
		lib.cairo_arc(p->cr, x, p->y + h - (mean[i] - lo) / (hi - lo) * h, t->weeks > 60 ? 0.9 : 1.6, 0,
			  2 * M_PI);
		lib.cairo_fill(p->cr);
	}
	lib.cairo_set_source_rgb(p->cr, 0.55, 0.29, 0.2);
	lib.cairo_set_line_width(p->cr, 1.6);
	lib.cairo_set_line_join(p->cr, CAIRO_LINE_JOIN_ROUND);
	for (int i = 0; i < t->weeks; i++) {
		double x = x0 + (t->weeks > 1 ? w * i / (t->weeks - 1) : w / 2), y;
		if (isnan(smooth[i])) {
			down = false;
			continue;
		}
		y = p->y + h - (smooth[i] - lo) / (hi - lo) * h;
		if (down)
			lib.cairo_line_to(p->cr, x, y);
		else
			lib.cairo_move_to(p->cr, x, y);
		down = true;
	}
	lib.cairo_stroke(p->cr);
	font(p, 8, false);
	ink(p, 0.4);
	lib.cairo_move_to(p->cr, x0, p->y + h + 12);
	lib.cairo_show_text(p->cr, t->monday);
	lib.cairo_move_to(p->cr, x0 + w - 50, p->y + h + 12);
	lib.cairo_show_text(p->cr, last);
	p->y += h + 22;
}

/* "title: term n, term n, ..." for one list of terms. */
static void term_line(struct pdf *p, const char *title, enum nb_vocab v, const struct nb_term_count *t,
		      size_t n)
{
	char line[600];
	size_t len;

	if (!n)
		return;
	len = (size_t)snprintf(line, sizeof line, "%s:", title);
	for (size_t i = 0; i < n && i < 8 && len < sizeof line; i++)
		len += (size_t)snprintf(line + len, sizeof line - len, "%s %s %d", i ? "," : "",
					vocab_label(v, t[i].term), t[i].n);
	text(p, line, 10, false, MARGIN + 14, 0.15);
}

static void chart_bars(struct pdf *p, const char *title, const int *v, int n, const char *first)
{
	const double h = 80, x0 = MARGIN + 24, w = MEASURE - 24;
	int max = 1;
	char label[32];

	room(p, h + 50);
	text(p, title, 10, true, MARGIN, 0.2);
	p->y += 6;
	for (int i = 0; i < n; i++)
		if (v[i] > max)
			max = v[i];
	font(p, 8, false);
	ink(p, 0.4);
	snprintf(label, sizeof label, "%d", max);
	lib.cairo_move_to(p->cr, MARGIN, p->y + 8);
	lib.cairo_show_text(p->cr, label);
	lib.cairo_move_to(p->cr, MARGIN, p->y + h);
	lib.cairo_show_text(p->cr, "0");
	lib.cairo_set_source_rgb(p->cr, 0.71, 0.47, 0.36);
	for (int i = 0; i < n; i++) {
		double bw = w / n, bh = h * v[i] / max;
		lib.cairo_rectangle(p->cr, x0 + i * bw + bw * 0.15, p->y + h - bh, bw * 0.7, bh);
	}
	lib.cairo_fill(p->cr);
	font(p, 8, false);
	ink(p, 0.4);
	lib.cairo_move_to(p->cr, x0, p->y + h + 12);
	lib.cairo_show_text(p->cr, first);
	p->y += h + 22;
}

/* The difference as a dot, its interval as a bar, no difference as a line. */
static void interval(struct pdf *p, const struct nb_difference *d, double span)
{
	const double x0 = MARGIN + 14 + 120, half = 110;
	double lo = x0 + d->low / span * half, hi = x0 + d->high / span * half;

	room(p, 16);
	lib.cairo_set_source_rgb(p->cr, 0.85, 0.72, 0.65);
	lib.cairo_rectangle(p->cr, lo, p->y + 3, hi - lo, 6);
	lib.cairo_fill(p->cr);
	ink(p, 0.1);
	lib.cairo_set_line_width(p->cr, 1);
	lib.cairo_move_to(p->cr, x0, p->y);
	lib.cairo_line_to(p->cr, x0, p->y + 12);
	lib.cairo_stroke(p->cr);
	lib.cairo_set_source_rgb(p->cr, 0.47, 0.22, 0.13);
	lib.cairo_arc(p->cr, x0 + d->diff / span * half, p->y + 6, 3.5, 0, 2 * M_PI);
	lib.cairo_fill(p->cr);
	p->y += 18;
}

static void findings(struct pdf *p, const struct nb_insights *in)
{
	char line[600];
	size_t shown = insights_shown(in);
	double span = insights_span(in);

	heading(p, _("What goes with your days"));
	if (!in->tried) {
		insights_wait_sentence(line, sizeof line);
		text(p, line, 10, false, MARGIN, 0.2);
		return;
	}
	if (shown) {
		text(p, insights_drawing_sentence(), 9, false, MARGIN, 0.35);
		p->y += 4;
	}
	for (size_t i = 0; i < shown; i++) {
		room(p, 50);
		finding_sentence(in, &in->findings[i], line, sizeof line);
		text(p, line, 10, false, MARGIN + 14, 0.15);
		interval(p, &in->findings[i].d, span);
	}
	insights_tried_sentence(in, line, sizeof line);
	text(p, line, 9, false, MARGIN, 0.35);
}

/* The newest personal experiment the person chose to show, with its
 * answer (or provisional look); nothing when none was chosen. */
static void experiment(struct pdf *p, struct nb_app *a)
{
	struct nb_query q = { .types = NB_TYPE_BIT(NB_EXPERIMENT), .newest_first = true };
	struct nb_entries l = { 0 };
	struct nb_error err = { 0 };
	const struct nb_entry *e = NULL;

	if (app_list(a, &q, &l, &err))
		return;
	for (size_t i = 0; i < l.n && !e; i++)
		if (l.v[i]->u.experiment.in_report)
			e = l.v[i];
	if (e) {
		const struct nb_experiment *x = &e->u.experiment;
		const char *outcome = vocab_label(NB_VOCAB_OUTCOME, x->outcome);
		struct nb_exp_plan plan;
		struct nb_exp_result r;
		struct nb_exp_obs *obs;
		char line[600], today[NB_DAY_LEN];
		int n = 0;
		bool complete;

		exp_plan_of(x, &plan);
		obs = xcalloc((size_t)exp_plan_days(&plan), sizeof *obs);
		nb_day_key(nb_stamp_local(a->now), today);
		complete = exp_index(e, today) >= exp_plan_days(&plan);
		if (!app_experiment_days(a, e, obs, &n, &err)) {
			exp_analyse(&plan, obs, n, &r);
			heading(p, _("A personal experiment"));
			snprintf(line, sizeof line, "%s → %s (%s, %s)", exp_practice_text(x), outcome, e->day,
				 vocab_label(NB_VOCAB_EXP_STATE, x->state));
			text(p, line, 10, true, MARGIN, 0.15);
			text(p, complete ? _("The answer") : _("A provisional look (the plan is not done yet)"), 9, false,
			     MARGIN, 0.35);
			text(p, exp_estimate_text(_("As planned"), &r.planned, outcome, line, sizeof line), 10, false,
			     MARGIN, 0.15);
			if (r.differ)
				text(p, exp_estimate_text(_("As done"), &r.done, outcome, line, sizeof line), 10, false,
				     MARGIN, 0.15);
			text(p, exp_basis_text(&r, line, sizeof line), 9, false, MARGIN, 0.35);
			text(p, exp_meaning_text(&r, complete, outcome, line, sizeof line), 9, false, MARGIN, 0.35);
		}
		free(obs);
	}
	entries_free(&l);
}

/* How to read the findings, in the words of the insights page. */
static void howto(struct pdf *p)
{
	heading(p, _("How to read this"));
	for (size_t i = 0; insights_howto(i).title; i++) {
		room(p, 60);
		text(p, insights_howto(i).title, 10, true, MARGIN, 0.15);
		text(p, insights_howto(i).text, 9, false, MARGIN, 0.25);
	}
}

static void exercises(struct pdf *p, const struct nb_insights *in)
{
	char line[600];

	if (!in->nexercises)
		return;
	heading(p, _("Exercises and your tension"));
	for (size_t i = 0; i < in->nexercises; i++) {
		exercise_sentence(&in->exercises[i], line, sizeof line);
		text(p, line, 10, false, MARGIN + 14, 0.15);
	}
}

static void circle(struct pdf *p, struct nb_app *a, struct nb_error *err)
{
	struct nb_entries m = { 0 };

	if (app_circle(a, &m, err))
		return;
	heading(p, _("Your circle"));
	for (size_t i = 0; i < m.n; i++) {
		const struct nb_member *x = &m.v[i]->u.member;
		struct nb_buf b = { 0 };
		buf_addf(&b, "%s", x->name);
		if (x->helps && *x->helps)
			buf_addf(&b, " — %s", x->helps);
		text(p, b.s, 10, false, MARGIN + 14, 0.15);
		buf_free(&b);
	}
	entries_free(&m);
}

static void notes(struct pdf *p, struct nb_app *a, const struct nb_report_opts *o,
		  struct nb_error *err)
{
	struct nb_query q = { .since = o->since, .until = o->until };
	struct nb_entries l = { 0 };

	if (app_list(a, &q, &l, err))
		return;
	heading(p, _("Notes"));
	for (size_t i = 0; i < l.n; i++) {
		const struct nb_entry *e = l.v[i];
		const char *note = e->type == NB_CHECKIN ? e->u.checkin.note
				 : e->type == NB_MOMENT ? e->u.moment.note
				 : NULL;
		char day[64];
		if (!note || !*note)
			continue;
		describe_day(e->day, day, sizeof day);
		room(p, 40);
		text(p, day, 9, true, MARGIN, 0.35);
		text(p, note, 10, false, MARGIN + 14, 0.15);
	}
	entries_free(&l);
}

/* "Needs that came back: rest (12), contact (8)." from the first three. */
static void came_back(struct pdf *p, const char *label, enum nb_vocab v, const struct nb_term_count *t,
		      size_t n)
{
	struct nb_buf b = { 0 };

	if (!n)
		return;
	buf_addf(&b, "%s: ", label);
	for (size_t i = 0; i < n && i < 3; i++)
		buf_addf(&b, "%s%s (%d)", i ? ", " : "", vocab_label(v, t[i].term), t[i].n);
	buf_add(&b, ".");
	text(p, b.s, 11, false, MARGIN, 0.1);
	buf_free(&b);
}

/*
 * The first page at a glance, for a reader with two minutes: each scale's
 * mean against the period before, moments a week, the exercises, what came
 * back, and the few findings; in text, readable when printed in black and
 * white. The detail follows on the next pages.
 */
static void glance(struct pdf *p, struct nb_app *a, const struct nb_report_opts *o,
		   const struct nb_charts *c, const struct nb_insights *in)
{
	struct nb_charts before = { 0 };
	struct nb_error err;
	enum nb_measure order[NB_M__COUNT];
	size_t n = measures_in_checkin_order(order);
	int period = nb_day_diff(o->since, o->until) + 1, days, days_before;
	char line[600], first[NB_DAY_LEN], last[NB_DAY_LEN], a1[NB_DEC_LEN], a2[NB_DEC_LEN];
	bool has_before;

	nb_day_add(o->since, -1, last);
	nb_day_add(last, -(period - 1), first);
	has_before = strcmp(o->since, "2000-01-01") > 0 &&
		     !app_charts(a, first, last, &before, &err) && before.ndays > 0;
	heading(p, _("At a glance"));
	for (size_t i = 0; i < n; i++) {
		double now = series_mean(c->days, c->ndays, order[i], &days);
		double then = has_before ? series_mean(before.days, before.ndays, order[i], &days_before) : NAN;
		series_glance_sentence(order[i], now, days, then, has_before ? days_before : 0, period,
				       line, sizeof line);
		if (*line)
			text(p, line, 11, false, MARGIN, 0.1);
	}
	nb_dec1(series_moments_per_week(c->days, c->ndays, period), a1);
	if (has_before) {
		nb_dec1(series_moments_per_week(before.days, before.ndays, period), a2);
		snprintf(line, sizeof line, _("Moments of connection: %s a week (the %d days before: %s)."),
			 a1, period, a2);
	} else {
		snprintf(line, sizeof line, _("Moments of connection: %s a week."), a1);
	}
	text(p, line, 11, false, MARGIN, 0.1);
	if (in->nexercises) {
		p->y += 4;
		text(p, _("Exercises and your tension"), 11, true, MARGIN, 0.1);
	}
	for (size_t i = 0; i < in->nexercises && i < 3; i++) {
		exercise_sentence(&in->exercises[i], line, sizeof line);
		text(p, line, 11, false, MARGIN + 14, 0.1);
	}
	p->y += 4;
	came_back(p, _("Needs that came back"), NB_VOCAB_NEED, c->terms.v[NB_TERMS_NEEDS],
		  c->terms.n[NB_TERMS_NEEDS]);
	came_back(p, _("Emotions in the trigger diary"), NB_VOCAB_EMOTION, c->terms.v[NB_TERMS_TRIGGER_EMOTIONS],
		  c->terms.n[NB_TERMS_TRIGGER_EMOTIONS]);
	came_back(p, _("Needs under the triggers"), NB_VOCAB_NEED, c->terms.v[NB_TERMS_TRIGGER_NEEDS],
		  c->terms.n[NB_TERMS_TRIGGER_NEEDS]);
	p->y += 4;
	if (in->tried) {
		text(p, _("What goes with your days"), 11, true, MARGIN, 0.1);
		insights_tried_sentence(in, line, sizeof line);
		text(p, line, 11, false, MARGIN, 0.1);
	}
	for (size_t i = 0; i < insights_shown(in) && i < 3; i++) {
		finding_sentence(in, &in->findings[i], line, sizeof line);
		text(p, line, 11, false, MARGIN + 14, 0.1);
	}
	charts_free(&before);
}

static cairo_status_t to_file(void *closure, const unsigned char *data, unsigned int n)
{
	return fwrite(data, 1, n, closure) == n ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

enum nb_err report_pdf(struct nb_app *a, const struct nb_report_opts *o, FILE *f,
		       int *pages, struct nb_error *err)
{
	struct nb_charts c = { 0 };
	struct nb_insights in = { 0 };
	struct nb_trend t;
	cairo_surface_t *s;
	struct pdf p = { 0 };
	char line[600], from[64], to[64], monday[NB_DAY_LEN];
	int weeks, *per;
	enum nb_err rc;

	if ((rc = cairo_ready(err)) || (rc = app_overview(a, o->since, o->until, &c, &in, err)))
		return rc;
	s = lib.cairo_pdf_surface_create_for_stream(to_file, f, PAGE_W, PAGE_H);
	if (lib.cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		lib.cairo_surface_destroy(s);
		charts_free(&c);
		insights_free(&in);
		return nb_error_set(err, NB_EIO, "out", "%s", _("Could not write the report."));
	}
	lib.cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, _("nabij report"));
	lib.cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "nabij");
	p.cr = lib.cairo_create(s);
	lib.cairo_tag_begin(p.cr, "Document", NULL);
	p.page = 1;
	p.y = MARGIN + 20;
	describe_day(o->since, from, sizeof from);
	describe_day(o->until, to, sizeof to);
	snprintf(line, sizeof line, _("%s to %s"), from, to);
	p.footer = _("nabij — personal, from your own notes");
	/* the cover */
	p.tag = "H1";
	text(&p, _("What helps me"), 28, true, MARGIN, 0.12);
	p.tag = NULL;
	text(&p, line, 14, false, MARGIN, 0.3);
	p.y += 20;
	snprintf(line, sizeof line,
		 ngettext("%zu day with a check-in in this period.", "%zu days with a check-in in this period.", in.days),
		 in.days);
	text(&p, line, 11, false, MARGIN, 0.2);
	p.y += 10;
	text(&p, _("These pages show how my days went, what I did for connection and calm, and what seems to go with better and harder days. They are patterns in my own notes, not a diagnosis and not proof of what causes what."),
	     11, false, MARGIN, 0.2);
	glance(&p, a, o, &c, &in);
	footer(&p);
	lib.cairo_show_page(p.cr);
	p.page++;
	p.y = MARGIN;
	/* scales over time: week by week, with the trend */
	heading(&p, _("Check-ins over time"));
	trend_build(c.days, c.ndays, o->since, o->until, &t);
	if (t.weeks) {
		char last[NB_DAY_LEN];
		nb_day_add(t.monday, 7 * (t.weeks - 1), last);
		text(&p, _("Dots: the mean of each week's check-ins. Line: the trend, the mean of the five weeks around each week."),
		     9, false, MARGIN, 0.35);
		p.y += 4;
		for (int k = 0; k < NB_M__COUNT; k++)
			chart_trend(&p, &t, (enum nb_measure)k, last);
	} else {
		text(&p, _("No check-ins in this period."), 10, false, MARGIN, 0.35);
	}
	trend_free(&t);
	/* moments per week */
	week_monday(o->since, monday);
	weeks = nb_day_diff(monday, o->until) / 7 + 1;
	per = calloc((size_t)weeks, sizeof *per);
	series_weekly(c.days, c.ndays, monday, weeks, per);
	heading(&p, _("Moments of connection"));
	chart_bars(&p, _("Moments of connection per week (from Monday)"), per, weeks, monday);
	free(per);
	if (c.terms.n[NB_TERMS_KINDS])
		term_table(&p, _("Kind of moment"), _("Times"), NB_VOCAB_MOMENT_KIND, c.terms.v[NB_TERMS_KINDS],
			   c.terms.n[NB_TERMS_KINDS]);
	if (c.terms.n[NB_TERMS_NEEDS]) {
		heading(&p, _("Needs that come back"));
		term_table(&p, _("Need"), _("Times"), NB_VOCAB_NEED, c.terms.v[NB_TERMS_NEEDS], c.terms.n[NB_TERMS_NEEDS]);
	}
	if (c.terms.n[NB_TERMS_TRIGGER_EMOTIONS] || c.terms.n[NB_TERMS_TRIGGER_NEEDS]) {
		heading(&p, _("Triggers that come back"));
		term_line(&p, _("Emotions in the trigger diary"), NB_VOCAB_EMOTION,
			  c.terms.v[NB_TERMS_TRIGGER_EMOTIONS], c.terms.n[NB_TERMS_TRIGGER_EMOTIONS]);
		term_line(&p, _("Needs under the triggers"), NB_VOCAB_NEED, c.terms.v[NB_TERMS_TRIGGER_NEEDS],
			  c.terms.n[NB_TERMS_TRIGGER_NEEDS]);
	}
	exercises(&p, &in);
	findings(&p, &in);
	experiment(&p, a);
	howto(&p);
	if (o->circle)
		circle(&p, a, err);
	if (o->notes)
		notes(&p, a, o, err);
	footer(&p);
	lib.cairo_tag_end(p.cr, "Document");
	lib.cairo_show_page(p.cr);
	lib.cairo_destroy(p.cr);
	lib.cairo_surface_finish(s);
	rc = lib.cairo_surface_status(s) == CAIRO_STATUS_SUCCESS ? NB_OK
	     : nb_error_set(err, NB_EIO, "out", "%s", _("Could not write the report."));
	lib.cairo_surface_destroy(s);
	charts_free(&c);
	insights_free(&in);
	if (pages)
		*pages = p.page;
	return err && err->code ? err->code : rc;
}

void report_release(void)
{
	if (!lib.FcFini)
		return;
	lib.cairo_debug_reset_static_data();
	lib.FcFini();
}
