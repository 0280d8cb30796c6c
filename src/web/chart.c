/*
 * Charts as SVG drawn here, readable at a glance and on a narrow screen.
 * Each has a title and a description for screen readers and a data table
 * (in a <details>) with the same numbers, so nothing lives only in a shape.
 */
#include "page.h"
#include "core/i18n.h"

#include <stdio.h>

#define W 600
#define H 180
#define PAD 28

void chart_line(struct page *p, const char *title, const double *v, int n, double lo,
		double hi, const char *first_day, const char *unit)
{
	static int seq;
	int id = ++seq, shown = 0;
	double step = n > 1 ? (double)(W - 2 * PAD) / (n - 1) : 0;
	char num[32];

	for (int i = 0; i < n; i++)
		shown += v[i] > 0;
	h(p, "<figure class=\"chart\"><figcaption id=\"c%d\">%s</figcaption>", id, title);
	if (!shown) {
		h(p, "<p class=\"quiet\">%s</p></figure>", _("Nothing to show yet for this period."));
		return;
	}
	h(p, "<svg viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"c%d\" preserveAspectRatio=\"none\">",
	  W, H, id);
	for (double g = lo; g <= hi; g += (hi - lo) / 4) {
		double y = H - PAD - (g - lo) / (hi - lo) * (H - 2 * PAD);
		snprintf(num, sizeof num, "%g", g);
		h(p, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>"
		     "<text class=\"axis\" x=\"4\" y=\"%d\">%s</text>", PAD, W - PAD, (int)y, (int)y,
		  (int)y + 4, num);
	}
	h(p, "<polyline class=\"line\" points=\"");
	for (int i = 0; i < n; i++)
		if (v[i] > 0)
			h(p, "%d,%d ", (int)(PAD + i * step),
			  (int)(H - PAD - (v[i] - lo) / (hi - lo) * (H - 2 * PAD)));
	h(p, "\"/>");
	for (int i = 0; i < n; i++)
		if (v[i] > 0)
			h(p, "<circle class=\"dot\" cx=\"%d\" cy=\"%d\" r=\"4\"/>", (int)(PAD + i * step),
			  (int)(H - PAD - (v[i] - lo) / (hi - lo) * (H - 2 * PAD)));
	h(p, "</svg><details><summary>%s</summary><table><thead><tr><th scope=\"col\">%s</th>"
	     "<th scope=\"col\">%s</th></tr></thead><tbody>", _("The numbers"), _("Day"),
	  unit ? unit : title);
	for (int i = 0; i < n; i++) {
		char day[NB_DAY_LEN];
		if (v[i] <= 0)
			continue;
		if (first_day)
			nb_day_add(first_day, i, day);
		else
			snprintf(day, sizeof day, "%d", i + 1);
		snprintf(num, sizeof num, "%.1f", v[i]);
		h(p, "<tr><td>%s</td><td>%s</td></tr>", day, num);
	}
	h(p, "</tbody></table></details></figure>");
}

void chart_bars(struct page *p, const char *title, const char *const *labels,
		const int *values, int n)
{
	static int seq;
	int id = ++seq, max = 0, row = 26;

	for (int i = 0; i < n; i++)
		max = values[i] > max ? values[i] : max;
	h(p, "<figure class=\"chart\"><figcaption id=\"b%d\">%s</figcaption>", id, title);
	if (!max) {
		h(p, "<p class=\"quiet\">%s</p></figure>", _("Nothing to show yet for this period."));
		return;
	}
	h(p, "<svg viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"b%d\">", W, n * row + 8, id);
	for (int i = 0; i < n; i++) {
		int w = values[i] * (W - 220) / max;
		h(p, "<text class=\"label\" x=\"0\" y=\"%d\">%s</text>"
		     "<rect class=\"bar\" x=\"200\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"3\"/>"
		     "<text class=\"value\" x=\"%d\" y=\"%d\">%d</text>",
		  i * row + 18, labels[i], i * row + 5, w > 0 ? w : 1, row - 8, 206 + w, i * row + 18,
		  values[i]);
	}
	h(p, "</svg><details><summary>%s</summary><table><tbody>", _("The numbers"));
	for (int i = 0; i < n; i++)
		h(p, "<tr><th scope=\"row\">%s</th><td>%d</td></tr>", labels[i], values[i]);
	h(p, "</tbody></table></details></figure>");
}
