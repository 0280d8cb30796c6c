/*
 * nabij's icons: a few line drawings of its own, written into the page as
 * inline SVG (no icon font, nothing fetched). Each is drawn on a 24 by 24
 * grid in the colour of the text around it, and hidden from screen
 * readers: the word beside it says what it is.
 */
#include "page.h"

#include <string.h>

static const struct {
	const char *name, *d;
} icons[] = {
	/* the day: a sun */
	{ "today", "<circle cx=\"12\" cy=\"12\" r=\"4\"/><path d=\"M12 2.5v2.5M12 19v2.5M2.5 12H5M19 12h2.5"
		   "M5.3 5.3l1.8 1.8M16.9 16.9l1.8 1.8M5.3 18.7l1.8-1.8M16.9 7.1l1.8-1.8\"/>" },
	/* how it is: a heart */
	{ "checkin", "<path d=\"M12 20s-7.5-4.6-7.5-10.2A4.2 4.2 0 0 1 12 7.3a4.2 4.2 0 0 1 7.5 2.5C19.5 15.4 12 20 12 20z\"/>" },
	/* a moment of connection: two circles that meet */
	{ "moment", "<circle cx=\"9\" cy=\"12\" r=\"5.5\"/><circle cx=\"15\" cy=\"12\" r=\"5.5\"/>" },
	/* breathing: air that comes and goes */
	{ "breathe", "<path d=\"M3 9h10.5a2.8 2.8 0 1 0-2.8-2.8M3 13h15a2.8 2.8 0 1 1-2.8 2.8M3 17h6\"/>" },
	/* help: a lifebuoy */
	{ "help", "<circle cx=\"12\" cy=\"12\" r=\"8.5\"/><circle cx=\"12\" cy=\"12\" r=\"3.5\"/>"
		  "<path d=\"M6 6l3.5 3.5M14.5 14.5L18 18M18 6l-3.5 3.5M9.5 14.5L6 18\"/>" },
	/* the exercises: a leaf */
	{ "exercises", "<path d=\"M5 19C5 11 10 6 19.5 4.5 18.5 14 13.5 19 5 19z\"/><path d=\"M5 19l7.5-7.5\"/>" },
	/* the circle: three who hold each other */
	{ "circle", "<circle cx=\"12\" cy=\"5.5\" r=\"2.5\"/><circle cx=\"5.5\" cy=\"17.5\" r=\"2.5\"/>"
		    "<circle cx=\"18.5\" cy=\"17.5\" r=\"2.5\"/><path d=\"M10.6 7.7 7 15.3M13.4 7.7l3.6 7.6M8 17.5h8\"/>" },
	/* the trigger diary: a spark */
	{ "trigger", "<path d=\"M13 2.5 5.5 13.5h6l-1 8 8-11h-6z\"/>" },
	/* the week: a calendar */
	{ "week", "<rect x=\"3.5\" y=\"5\" width=\"17\" height=\"15\" rx=\"2\"/><path d=\"M3.5 10h17M8 3v4M16 3v4\"/>" },
	/* the charts: bars */
	{ "charts", "<path d=\"M3.5 20h17M7 20v-6M12 20V7M17 20v-9\"/>" },
	/* insights: a lamp */
	{ "insights", "<path d=\"M9.5 17.5h5M10.5 21h3M12 3a6 6 0 0 0-3.6 10.8c.7.6 1.1 1.3 1.1 2.2h5c0-.9.4-1.6 1.1-2.2A6 6 0 0 0 12 3z\"/>" },
	/* history: a clock turned back */
	{ "history", "<path d=\"M4 12a8 8 0 1 0 2.4-5.7L4 8.6\"/><path d=\"M4 4v4.6h4.6M12 8v4.5l3 2\"/>" },
	/* your data: a box */
	{ "data", "<rect x=\"3\" y=\"4\" width=\"18\" height=\"4\" rx=\"1\"/><path d=\"M4.5 8v10.5a1.5 1.5 0 0 0 1.5 1.5h12"
		  "a1.5 1.5 0 0 0 1.5-1.5V8M10 12h4\"/>" },
	/* more: three lines */
	{ "more", "<path d=\"M4 7h16M4 12h16M4 17h16\"/>" },
};

void icon(struct page *p, const char *name)
{
	for (size_t i = 0; i < sizeof icons / sizeof icons[0]; i++)
		if (strcmp(icons[i].name, name) == 0) {
			h(p, "<svg class=\"icon\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\">%r</svg>",
			  icons[i].d);
			return;
		}
}

/* A face for a mood from 1 (very low) to 5 (very good): the mouth bends
 * from down to up. */
void icon_face(struct page *p, int v)
{
	static const char *mouth[] = {
		"M8 16.8q4-3.6 8 0", "M8.5 16.2q3.5-1.8 7 0", "M8.5 15.5h7", "M8.5 15q3.5 1.8 7 0", "M8 14.6q4 3.6 8 0",
	};

	if (v < 1 || v > 5)
		return;
	h(p, "<svg class=\"face f%d\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\">"
	     "<circle class=\"skin\" cx=\"12\" cy=\"12\" r=\"9.5\"/><circle class=\"eye\" cx=\"9\" cy=\"10\" r=\"1\"/>"
	     "<circle class=\"eye\" cx=\"15\" cy=\"10\" r=\"1\"/><path d=\"%r\"/></svg>", v, mouth[v - 1]);
}
