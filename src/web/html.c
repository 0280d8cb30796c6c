/*
 * HTML for the pages: the escaping formatter, the layout every page shares,
 * and the form widgets. Modelled on cgit's html.c: text goes out escaped by
 * default, markup only where this file says so.
 */
#include "page.h"
#include "core/care.h"
#include "core/field.h"
#include "core/i18n.h"
#include "core/describe.h"
#include "core/parse.h"
#include "core/xalloc.h"

#include <stdarg.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void html_escape(struct nb_buf *b, const char *s)
{
	while (s && *s) {
		size_t n = strcspn(s, "&<>\"'");	/* what needs no escaping, at once */

		buf_addn(b, s, n);
		s += n;
		switch (*s) {
		case '&': buf_add(b, "&amp;"); break;
		case '<': buf_add(b, "&lt;"); break;
		case '>': buf_add(b, "&gt;"); break;
		case '"': buf_add(b, "&quot;"); break;
		case '\'': buf_add(b, "&#39;"); break;
		default: continue;	/* the end */
		}
		s++;
	}
}

static void vh(struct nb_buf *b, const char *fmt, va_list ap)
{
	for (const char *f = fmt; *f; f++) {
		if (*f != '%') {	/* the markup up to the next conversion, at once */
			size_t n = strcspn(f, "%");
			buf_addn(b, f, n);
			f += n - 1;
			continue;
		}
		switch (*++f) {
		case 's':
			html_escape(b, va_arg(ap, const char *));
			break;
		case 'r':
			buf_add(b, va_arg(ap, const char *));
			break;
		case 'd':
			buf_addi(b, va_arg(ap, int));
			break;
		case 'l':
			buf_addi(b, (long long)va_arg(ap, int64_t));
			break;
		case 'u':
			buf_addf(b, "%zu", va_arg(ap, size_t));
			break;
		case '%':
			buf_addc(b, '%');
			break;
		default:
			abort();	/* a format this file does not know is our bug */
		}
	}
}

void h(struct page *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vh(p->b, fmt, ap);
	va_end(ap);
}

void h_buf(struct nb_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vh(b, fmt, ap);
	va_end(ap);
}

/* The menu. On a wide screen the pages of every day stand in a row and the
 * rest are behind "More"; on a phone the daily ones (today, a check-in, a
 * moment, breathing, help) sit in a bar at the bottom, within a thumb's
 * reach, and the rest are behind "More" at the top (style.css shows the
 * one or the other). Each has an icon of icon.c beside its word. */
enum { TOP = 1, BAR = 2 };
static const struct {
	const char *path, *label, *icon;
	unsigned where;		/* TOP: in the wide row; BAR: in the phone's bar */
	const char *bar;	/* NC_(): its word in the bar, when shorter there */
} nav[] = {
	{ "/", N_("Today"), "today", TOP | BAR, NULL },
	{ "/checkin", N_("Check-in"), "checkin", TOP | BAR, NC_("bar", "Check in") },
	{ "/moment", N_("Moment"), "moment", TOP | BAR, NULL },
	{ "/exercise/breath", N_("Breathe"), "breathe", BAR, NULL },
	{ "/exercises", N_("Exercises"), "exercises", TOP, NULL },
	{ "/circle", N_("Circle"), "circle", TOP, NULL },
	{ "/week", N_("Week"), "week", TOP, NULL },
	{ "/trigger", N_("Trigger diary"), "trigger", 0, NULL },
	{ "/charts", N_("Charts"), "charts", 0, NULL },
	{ "/insights", N_("Insights"), "insights", 0, NULL },
	{ "/history", N_("History"), "history", 0, NULL },
	{ "/data", N_("Your data"), "data", 0, NULL },
	{ "/help", N_("Help"), "help", TOP | BAR, NULL },
};

/* Whether the item at path is the page one is on; in the wide menu, which
 * has no "Breathe", breathing counts as the exercises. */
static bool current(const char *active, const char *path, bool wide)
{
	return strcmp(active, path) == 0 ||
	       (wide && strcmp(path, "/exercises") == 0 && strcmp(active, "/exercise/breath") == 0);
}

static void nav_item(struct page *p, size_t i, const char *active, bool bar, bool wide)
{
	h(p, "<li><a href=\"%s\"%r>", nav[i].path, current(active, nav[i].path, wide) ? " aria-current=\"page\"" : "");
	icon(p, nav[i].icon);
	h(p, "<span>%s</span></a></li>", bar && nav[i].bar ? C_("bar", nav[i].bar) : _(nav[i].label));
}

/* Whether item i is behind "More" when the items of shown stand in the
 * row; breathing, which has a place only in the phone's bar, is among the
 * exercises on a wide screen. */
static bool behind_more(size_t i, unsigned shown)
{
	return !(nav[i].where & shown) && !(shown == TOP && nav[i].where == BAR);
}

/* "More": the pages that are not in the row (or the bar), behind a
 * summary that works without a script. */
static void nav_more(struct page *p, const char *active, unsigned shown)
{
	bool in = false, wide = shown == TOP;

	for (size_t i = 0; i < sizeof nav / sizeof nav[0]; i++)
		in = in || (behind_more(i, shown) && current(active, nav[i].path, wide));
	h(p, "<details><summary%r>", in ? " aria-current=\"page\"" : "");
	icon(p, "more");
	h(p, "<span>%s</span></summary><ul>", _("More"));
	for (size_t i = 0; i < sizeof nav / sizeof nav[0]; i++)
		if (behind_more(i, shown))
			nav_item(p, i, active, false, wide);
	if (p->hosted && p->csrf)	/* nabij serve: the account's own */
		h(p, "<li><a href=\"/account/factor\"%r><span>%s</span></a></li>",
		  strcmp(active ? active : "", "/account/factor") == 0 ? " aria-current=\"page\"" : "", _("Two-step sign-in"));
	if (p->hosted && p->csrf)	/* nabij serve: one's own account */
		h(p, "<li><a href=\"/account\"%r><span>%s</span></a></li>",
		  strcmp(active, "/account") == 0 ? " aria-current=\"page\"" : "", _("Your account"));
	if (p->hosted && p->csrf && p->w->hosted && p->w->hosted->admin)	/* nabij serve: an admin's */
		h(p, "<li><a href=\"/admin\"%r><span>%s</span></a></li>",
		  strcmp(active ? active : "", "/admin") == 0 ? " aria-current=\"page\"" : "", _("Running this nabij"));
	if (p->hosted && p->csrf)	/* nabij serve: a form, since signing out changes something */
		h(p, "<li><form method=\"post\" action=\"/signout\" class=\"signout\">"
		     "<input type=\"hidden\" name=\"csrf\" value=\"%s\">"
		     "<button class=\"link\" type=\"submit\">%s</button></form></li>",
		  p->csrf, _("Sign out"));
	h(p, "</ul></details>");
}

void page_begin(struct page *p, const char *title, const char *active)
{
	h(p, "<!doctype html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
	     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
	     "<meta name=\"color-scheme\" content=\"light dark\">"
	     "<title>%s · nabij</title>"
	     "<link rel=\"stylesheet\" href=\"/static/style.css\">"
	     "<link rel=\"icon\" href=\"/static/icon.svg\" type=\"image/svg+xml\">"
	     "<script src=\"/static/app.js\" defer></script></head><body%r>",
	  p->lang, title, active ? " class=\"with-bar\"" : "");
	h(p, "<a class=\"skip\" href=\"#main\">%s</a>", _("Skip to the content"));
	if (active) {
		h(p, "<header><a class=\"brand\" href=\"/\">nabij</a><nav class=\"wide\" aria-label=\"%s\"><ul>",
		  _("Main"));
		for (size_t i = 0; i < sizeof nav / sizeof nav[0]; i++)
			if (nav[i].where & TOP)
				nav_item(p, i, active, false, true);
		h(p, "<li class=\"more\">");
		nav_more(p, active, TOP);
		h(p, "</li></ul></nav><nav class=\"narrow more\" aria-label=\"%s\">", _("More pages"));
		nav_more(p, active, BAR);
		h(p, "</nav><nav class=\"narrow bar\" aria-label=\"%s\"><ul>", _("Every day"));
		for (size_t i = 0; i < sizeof nav / sizeof nav[0]; i++)
			if (nav[i].where & BAR)
				nav_item(p, i, active, true, false);
		h(p, "</ul></nav></header>");
	}
	h(p, "<main id=\"main\">");
}



void page_end(struct page *p)
{
	const char *other = strcmp(p->lang, "nl") == 0 ? "en" : "nl";

	h(p, "</main><footer>");
	/* the form token is for those who have the session; before signing
	 * in to nabij serve, the pre-session's (/language, page_account.c) */
	if (p->csrf || p->pre)
		h(p, "<form method=\"post\" action=\"%s\" class=\"inline\">"
		     "<input type=\"hidden\" name=\"csrf\" value=\"%s\">"
		     "<input type=\"hidden\" name=\"lang\" value=\"%s\">"
		     "<input type=\"hidden\" name=\"back\" value=\"%s\">"
		     "<button class=\"link\" type=\"submit\" lang=\"%s\">%s</button></form>",
		  p->csrf ? "/lang" : "/language", p->csrf ? p->csrf : p->pre, other, p->back ? p->back : p->req->path,
		  other,
		  strcmp(other, "nl") != 0 ? "English"
		  : nb_catalogue_present("nl") ? "Nederlands"
		  : "Nederlands (the Dutch words are not installed with this nabij)");
	if (p->csrf || !p->hosted)	/* in nabij serve, for the signed-in */
		h(p, "%r<a href=\"/data\">%s</a> · <a href=\"/help\">%s</a>", p->csrf ? " · " : "", _("Your data"),
		  _("Help"));
	h(p, "<p class=\"help-now\">");	/* on every page, the locked ones too: a tap away */
	page_phones(p, NB_HELP_CARD);
	h(p, "</p><p class=\"quiet\">%s</p></footer></body></html>\n",
	  p->hosted ? _("No other account can read what you write here. nabij is a companion, not a replacement for professional help.")
		    : _("nabij keeps everything on this computer. It is a companion, not a replacement for professional help."));
}

void page_redirect(struct page *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(p->resp->location, sizeof p->resp->location, fmt, ap);
	va_end(ap);
	p->resp->status = 303;
	buf_reset(p->b);
}

void url_encode(struct nb_buf *b, const char *s)
{
	for (const unsigned char *c = (const unsigned char *)s; *c; c++)
		if (isalnum(*c) || strchr("-._~", *c))
			buf_addn(b, (const char *)c, 1);
		else
			buf_addf(b, "%%%02X", *c);
}

bool page_ok(struct page *p, enum nb_err rc, const struct nb_error *err)
{
	if ((rc == NB_EDB || rc == NB_EIO) && !p->failed.code)
		p->failed = *err;
	return rc == NB_OK;
}

void page_fail(struct page *p, int status, const char *message)
{
	buf_reset(p->b);
	p->resp->status = status;
	page_begin(p, _("Something is not right"), NULL);
	h(p, "<h1>%s</h1><p>%s</p><p><a href=\"/\">%s</a></p>", _("Something is not right"),
	  message, _("Back to today"));
	page_end(p);
}

/* A part of the help words with its numbers as links a phone can call. */
void page_phones_as(struct page *p, enum nb_help_part part, const char *klass)
{
	const char *f = care_help_format(part);
	size_t k = 0;

	while (*f) {
		const char *at = strstr(f, "%s");
		const struct nb_phone *ph = at ? care_help_number(part, k++) : NULL;
		char *before;

		if (!ph) {
			h(p, "%s", f);
			return;
		}
		before = xstrndup(f, (size_t)(at - f));
		if (ph->dial)
			h(p, "%s<a%r%s%r href=\"tel:%s\">%s</a>", before, klass ? " class=\"" : "", klass ? klass : "",
			  klass ? "\"" : "", ph->dial, ph->written);
		else	/* a site of its own: no address of this page goes with it */
			h(p, "%s<a%r%s%r href=\"%s\" rel=\"noopener noreferrer\">%s</a>", before, klass ? " class=\"" : "",
			  klass ? klass : "", klass ? "\"" : "", ph->url, ph->written);
		free(before);
		f = at + 2;
	}
}

void page_phones(struct page *p, enum nb_help_part part)
{
	page_phones_as(p, part, NULL);
}

void page_care_first(struct page *p, enum nb_help_part first)
{
	enum nb_help_part second = first == NB_HELP_LISTEN ? NB_HELP_LINE : NB_HELP_LISTEN;

	first = second == NB_HELP_LINE ? NB_HELP_LISTEN : NB_HELP_LINE;
	h(p, "<section class=\"care\" role=\"note\" aria-label=\"%s\"><p>%s</p><ul><li>", _("Help"),
	  care_help_part(NB_HELP_OPENING));
	page_phones_as(p, first, "button secondary call");
	h(p, "</li><li>");
	page_phones_as(p, second, "button secondary call");
	h(p, "</li><li>");
	page_phones_as(p, NB_HELP_EMERGENCY, "button secondary call");
	h(p, "</li></ul><p>%s</p></section>", care_help_part(NB_HELP_ABROAD));
}

void page_care(struct page *p)
{
	page_care_first(p, care_first_line(NULL, false));
}

void form_begin(struct page *p, const char *action, const char *klass)
{
	h(p, "<form method=\"post\" action=\"%s\" class=\"%s\" novalidate>"
	     "<input type=\"hidden\" name=\"csrf\" value=\"%s\">",
	  action, klass ? klass : "", p->csrf);
}

void form_end(struct page *p, const char *button)
{
	h(p, "<p class=\"actions\"><button type=\"submit\">%s</button></p></form>", button);
}

const char *fval(struct page *p, const char *name)
{
	return p->posted ? kvs_get(&p->req->form, name) : NULL;
}

bool fchecked(struct page *p, const char *name, const char *value)
{
	for (size_t i = 0; p->posted && i < p->req->form.n; i++)
		if (strcmp(p->req->form.v[i].key, name) == 0 &&
		    strcmp(p->req->form.v[i].value, value) == 0)
			return true;
	return false;
}

void form_errors(struct page *p)
{
	if (!p->err.code)
		return;
	h(p, "<div class=\"error\" role=\"alert\" id=\"form-error\"><p>%s</p><p>%s</p></div>",
	  p->err.msg, p->secret ? _("The passphrase fields are empty again on purpose: nabij never puts a passphrase back into a page. Please type it again.")
				: _("Everything you wrote is still here; change what is marked and save again."));
}

/* The error text next to a field, when the refused field is this one. */
static bool field_error(struct page *p, const char *name)
{
	if (!p->err.code || strcmp(p->err.field, name) != 0)
		return false;
	h(p, "<p class=\"field-error\" id=\"err-%s\">%s</p>", name, p->err.msg);
	return true;
}

static const char *invalid(struct page *p, const char *name)
{
	return p->err.code && strcmp(p->err.field, name) == 0 ? " aria-invalid=\"true\"" : "";
}

/* A scale as radio buttons in a row; with words, each value says its word
 * (and with faces shows a face), as a large target of its own. */
static void scale(struct page *p, const char *name, const char *label, const char *low,
		  const char *high, int lo, int hi, const char *value, const char *const *words, bool faces)
{
	h(p, "<fieldset class=\"scale%r\"%r><legend>%s <span class=\"hint\">%s · %s</span></legend>",
	  faces ? " faces" : words ? " worded" : "", invalid(p, name), label, low, high);
	field_error(p, name);
	h(p, "<div class=\"options\">");
	for (int v = lo; v <= hi; v++) {
		char s[8];
		snprintf(s, sizeof s, "%d", v);
		h(p, "<label><input type=\"radio\" name=\"%s\" value=\"%d\"%r>", name, v,
		  value && strcmp(value, s) == 0 ? " checked" : "");
		if (faces)
			icon_face(p, v - lo + 1);
		h(p, "<span class=\"n\">%d</span>", v);
		if (words)
			h(p, "<span class=\"w\">%s</span>", _(words[v - lo]));
		h(p, "</label>");
	}
	h(p, "</div></fieldset>");
}

void w_scale(struct page *p, const char *name, const char *label, const char *low,
	     const char *high, int lo, int hi, const char *value)
{
	scale(p, name, label, low, high, lo, hi, value, NULL, false);
}

void w_scale_field(struct page *p, const struct nb_field *f, const char *value)
{
	scale(p, f->id, _(f->label), _(f->low), _(f->high), f->lo, f->hi, value, f->words,
	      (f->flags & NB_FF_FACES) && f->hi - f->lo == 4);
}

void w_text(struct page *p, const char *name, const char *label, const char *hint,
	    const char *value, bool multiline)
{
	h(p, "<p class=\"field\"><label for=\"f-%s\">%s</label>", name, label);
	if (hint)
		h(p, "<span class=\"hint\" id=\"h-%s\">%s</span>", name, hint);
	field_error(p, name);
	h(p, multiline ? "<textarea id=\"f-%s\" name=\"%s\" rows=\"3\"%r" : "<input id=\"f-%s\" name=\"%s\"%r",
	  name, name, invalid(p, name));
	if (hint)	/* the hint is read out with the field */
		h(p, " aria-describedby=\"h-%s\"", name);
	if (multiline)
		h(p, ">%s</textarea></p>", value ? value : "");
	else
		h(p, " value=\"%s\"></p>", value ? value : "");
}

void w_secret(struct page *p, const char *name, const char *label, const char *hint,
	      const char *autocomplete)
{
	h(p, "<p class=\"field\"><label for=\"f-%s\">%s</label>", name, label);
	if (hint)
		h(p, "<span class=\"hint\" id=\"h-%s\">%s</span>", name, hint);
	field_error(p, name);
	/* what was typed is never sent back into the page */
	h(p, "<input id=\"f-%s\" name=\"%s\" type=\"password\" autocomplete=\"%s\"%r", name, name,
	  autocomplete, invalid(p, name));
	if (hint)
		h(p, " aria-describedby=\"h-%s\"", name);
	h(p, "></p>");
}

void w_datetime(struct page *p, const char *name, const char *label, const char *value)
{
	h(p, "<p class=\"field\"><label for=\"f-%s\">%s</label>"
	     "<span class=\"hint\">%s</span>", name, label, _("Leave empty for now."));
	field_error(p, name);
	h(p, "<input id=\"f-%s\" name=\"%s\" type=\"datetime-local\" value=\"%s\"%r></p>", name, name,
	  value ? value : "", invalid(p, name));
}

/* Whether term is among the chosen items. */
static bool has(const struct nb_items *l, const char *term)
{
	for (size_t i = 0; l && i < l->n; i++)
		if (strcmp(l->v[i].term, term) == 0)
			return true;
	return false;
}

void w_choices(struct page *p, const char *name, const char *label, enum nb_vocab v,
	       bool many, const struct nb_items *chosen, const char *one)
{
	size_t n;
	const struct nb_term *t = vocab_terms(v, &n);

	h(p, "<fieldset class=\"choices\"%r><legend>%s</legend>", invalid(p, name), label);
	field_error(p, name);
	for (size_t i = 0; i < n; i++) {
		bool on = p->posted ? fchecked(p, name, t[i].id)
				    : (many ? has(chosen, t[i].id) : one && strcmp(one, t[i].id) == 0);
		h(p, "<label><input type=\"%r\" name=\"%s\" value=\"%s\"%r><span>%s</span></label>",
		  many ? "checkbox" : "radio", name, t[i].id, on ? " checked" : "", _(t[i].label));
	}
	h(p, "</fieldset>");
}

void w_box(struct page *p, const char *name, const char *label, bool checked)
{
	h(p, "<p><label><input type=\"checkbox\" name=\"%s\" value=\"1\"%r> %s</label></p>", name,
	  checked ? " checked" : "", label);
}

void w_number(struct page *p, const char *name, const char *label, int lo, int hi, int value)
{
	const char *posted = p->posted ? fval(p, name) : NULL;

	h(p, "<p class=\"field\"><label for=\"f-%s\">%s</label><select id=\"f-%s\" name=\"%s\">", name, label, name, name);
	for (int v = lo; v <= hi; v++)
		h(p, "<option value=\"%d\"%r>%d</option>", v, (posted ? atoi(posted) == v : v == value) ? " selected" : "", v);
	h(p, "</select></p>");
}

void w_length(struct page *p, const char *label, int seconds)
{
	const struct nb_quick_length *q, *preset = NULL;
	char words[48] = "";

	for (size_t i = 0; !p->posted && (q = quick_length(i)); i++)
		if (q->seconds == seconds)
			preset = q;
	if (seconds && !preset) {	/* as it reads, and as it may be typed back: "5 min" */
		struct nb_buf d = { 0 };
		describe_duration(&d, seconds);
		snprintf(words, sizeof words, "%s", d.s);
		buf_free(&d);
	}
	h(p, "<fieldset class=\"choices\"%r><legend>%s</legend>", invalid(p, "seconds"), label);
	field_error(p, "seconds");
	for (size_t i = 0; (q = quick_length(i)); i++) {
		bool on = p->posted ? fchecked(p, "length", q->id) : q == preset;
		h(p, "<label><input type=\"radio\" name=\"length\" value=\"%s\"%r><span>%s</span></label>",
		  q->id, on ? " checked" : "", _(q->label));
	}
	h(p, "</fieldset>");
	w_text(p, "seconds", _("Or in your own words"), _("Like 20 seconds, 5 minutes or half an hour"),
	       p->posted ? fval(p, "seconds") : words, false);
}

int64_t path_id(const char *path, const char *prefix)
{
	size_t n = strlen(prefix);
	char *end;
	long long v;

	if (strncmp(path, prefix, n) != 0)
		return 0;
	v = strtoll(path + n, &end, 10);
	if (end == path + n || (*end && *end != '/') || v < 1)
		return 0;
	return v;
}
