/*
 * Charts as SVG drawn here, readable at a glance and on a narrow screen.
 * The drawing stretches to the width it gets; its strokes do not
 * (vector-effect in the style sheet), and a dot is a zero-length stroke
 * with round ends, so it stays round.
 * Each has a title and a description for screen readers and a data table
 * (in a <details>) with the same numbers, so nothing lives only in a shape.
 * A drawing's id (its aria-labelledby) counts the charts of its page
 * (p->charts), so that a page reads the same each time it is asked for.
 */
#include "page.h"
#include "core/describe.h"
#include "core/i18n.h"

#include <math.h>
#include <stdio.h>

#define W 600
#define H 180
#define PAD 28

/* y of a value between lo and hi */
static int ypos(double v, double lo, double hi)
{
	return (int)(H - PAD - (v - lo) / (hi - lo) * (H - 2 * PAD));
}

/* The figure, its title and the grid of a chart of values from lo to hi;
 * false (the figure closed with a quiet line) when there is nothing. */
static bool chart_open(struct page *p, const char *id, const char *title, bool shown, double lo,
		       double hi)
{
	h(p, "<figure class=\"chart\"><figcaption id=\"%r\">%s</figcaption>", id, title);
	if (!shown) {
		h(p, "<p class=\"quiet\">%s</p></figure>", _("Nothing to show yet for this period."));
		return false;
	}
	h(p, "<div class=\"plot\"><svg viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"%r\" preserveAspectRatio=\"none\">",
	  W, H, id);
	for (int k = 0; k <= 4; k++) {
		int y = ypos(lo + (hi - lo) * k / 4, lo, hi);
		h(p, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>", PAD, W - PAD, y, y);
	}
	return true;
}

/*
 * Close the drawing, with its scale and time axis as text beside it: text
 * inside a stretched SVG would be squeezed on a phone, so the numbers of
 * the grid (at its five lines: classes y0 to y4 in the style sheet) and the
 * first, middle and last day are set in the page's own font.
 */
static void chart_axes(struct page *p, double lo, double hi, const char *first, const char *mid,
		       const char *last)
{
	char num[32], day[64];

	h(p, "</svg>");
	for (int k = 0; k <= 4; k++) {
		double at = lo + (hi - lo) * k / 4;

		if (at == (double)(long long)at && fabs(at) < 1e15)	/* "%g" of a whole number */
			nb_int((long long)at, num);
		else
			snprintf(num, sizeof num, "%g", at);
		h(p, "<span class=\"y y%d\" aria-hidden=\"true\">%s</span>", k, num);
	}
	h(p, "</div>");
	if (!first)
		return;
	h(p, "<p class=\"xaxis\" aria-hidden=\"true\">");
	for (const char *const *d = (const char *const[]){ first, mid, last, NULL }; *d; d++) {
		describe_day_short(*d, day, sizeof day);
		h(p, "%r<span>%s</span>", *d == first ? "" : " ", day);	/* apart, also as text */
	}
	h(p, "</p>");
}

void chart_line(struct page *p, const char *title, const double *v, int n, double lo,
		double hi, const char *first_day, const char *unit)
{
	int shown = 0;
	double step = n > 1 ? (double)(W - 2 * PAD) / (n - 1) : 0;
	char id[16];

	for (int i = 0; i < n; i++)
		shown += v[i] > 0;
	snprintf(id, sizeof id, "c%d", ++p->charts);
	if (!chart_open(p, id, title, shown, lo, hi))
		return;
	h(p, "<polyline class=\"line\" points=\"");
	for (int i = 0; i < n; i++)
		if (v[i] > 0)
			h(p, "%d,%d ", (int)(PAD + i * step), ypos(v[i], lo, hi));
	h(p, "\"/>");
	for (int i = 0; i < n; i++)
		if (v[i] > 0)
			h(p, "<path class=\"dot\" d=\"M%d %dh0\"/>", (int)(PAD + i * step), ypos(v[i], lo, hi));
	if (first_day) {
		char mid[NB_DAY_LEN], last[NB_DAY_LEN];
		nb_day_add(first_day, (n - 1) / 2, mid);
		nb_day_add(first_day, n - 1, last);
		chart_axes(p, lo, hi, first_day, mid, last);
	} else {
		chart_axes(p, lo, hi, NULL, NULL, NULL);
	}
	h(p, "<details><summary>%s</summary><table><thead><tr><th scope=\"col\">%s</th>"
	     "<th scope=\"col\">%s</th></tr></thead><tbody>", _("The numbers"), _("Day"),
	  unit ? unit : title);
	for (int i = 0; i < n; i++) {
		char key[NB_DAY_LEN], day[64], dec[NB_DEC_LEN];
		if (v[i] <= 0)
			continue;
		if (first_day) {
			nb_day_add(first_day, i, key);
			describe_day_short(key, day, sizeof day);
		} else {
			snprintf(day, sizeof day, "%d", i + 1);
		}
		h(p, "<tr><td>%s</td><td>%s</td></tr>", day, nb_dec1(v[i], dec));
	}
	h(p, "</tbody></table></details></figure>");
}

/* Bars as a list: the label and the number are text, so they stay
 * readable on a narrow screen; only the bar itself is drawn. */
void chart_bars(struct page *p, const char *title, const char *const *labels,
		const int *values, int n)
{
	int max = 0;

	for (int i = 0; i < n; i++)
		max = values[i] > max ? values[i] : max;
	h(p, "<figure class=\"chart\"><figcaption>%s</figcaption>", title);
	if (!max) {
		h(p, "<p class=\"quiet\">%s</p></figure>", _("Nothing to show yet for this period."));
		return;
	}
	h(p, "<ol class=\"bars\">");
	for (int i = 0; i < n; i++) {
		int w = values[i] * 100 / max;
		h(p, "<li><span class=\"label\">%s</span>"
		     "<svg viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\">"
		     "<rect class=\"bar\" x=\"0\" y=\"1\" width=\"%d\" height=\"8\"/></svg>"
		     "<span class=\"value\">%d</span></li>",
		  labels[i], w > 0 ? w : 1, values[i]);
	}
	h(p, "</ol></figure>");
}

void chart_trend(struct page *p, const char *title, const double *mean, const double *smooth,
		 const int *days, int n, double lo, double hi, const char *monday)
{
	int shown = 0;
	double step = n > 1 ? (double)(W - 2 * PAD) / (n - 1) : 0;
	char id[16];
	bool down = false;

	for (int i = 0; i < n; i++)
		shown += days[i] > 0;
	snprintf(id, sizeof id, "t%d", ++p->charts);
	if (!chart_open(p, id, title, shown, lo, hi))
		return;
	for (int i = 0; i < n; i++)
		if (days[i] > 0)
			h(p, "<path class=\"week%r\" d=\"M%d %dh0\"/>", n > 60 ? " many" : "",
			  (int)(PAD + (n > 1 ? i * step : (W - 2 * PAD) / 2.0)), ypos(mean[i], lo, hi));
	h(p, "<path class=\"trend\" d=\"");
	for (int i = 0; i < n; i++) {
		if (isnan(smooth[i])) {
			down = false;
			continue;
		}
		h(p, "%r%d %d ", down ? "L" : "M", (int)(PAD + (n > 1 ? i * step : (W - 2 * PAD) / 2.0)),
		  ypos(smooth[i], lo, hi));
		down = true;
	}
	h(p, "\"/>");
	{
		char mid[NB_DAY_LEN], last[NB_DAY_LEN];
		nb_day_add(monday, 7 * ((n - 1) / 2), mid);
		nb_day_add(monday, 7 * (n - 1), last);
		chart_axes(p, lo, hi, monday, mid, last);
	}
	h(p, "<details><summary>%s</summary><table><thead><tr><th scope=\"col\">%s</th>"
	     "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	  _("The numbers"), _("Week from"), _("Mean"), _("Trend"), _("Days"));
	for (int i = 0; i < n; i++) {
		char key[NB_DAY_LEN], day[64], dm[NB_DEC_LEN], dt[NB_DEC_LEN];
		if (!days[i])
			continue;
		nb_day_add(monday, 7 * i, key);
		describe_day_short(key, day, sizeof day);
		h(p, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%d</td></tr>", day, nb_dec1(mean[i], dm),
		  nb_dec1(smooth[i], dt), days[i]);
	}
	h(p, "</tbody></table></details></figure>");
}
