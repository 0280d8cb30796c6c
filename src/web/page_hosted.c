/*
 * What nabij serve's own forms share (signing in and up, /account,
 * /account/factor, /admin): the refusal of the last post in one box above
 * the form's fields, and the refused field marked and described by it,
 * beside its hint. A password typed is never sent back into a page.
 * Linked into nabij-serve alone, with the pages that use it.
 */
#include "page.h"

#include <stdio.h>
#include <string.h>

static const struct nb_error none;

const struct nb_error *hosted_refusal(struct page *p, const char *act)
{
	const char *done = p->posted ? fval(p, "do") : NULL;

	return p->err.code && done && strcmp(done, act) == 0 ? &p->err : &none;
}

void hosted_error(struct page *p, const struct nb_error *err)
{
	if (err->code)
		h(p, "<div class=\"error\" role=\"alert\" id=\"form-error\"><p>%s</p></div>", err->msg);
}

void hosted_marks(struct page *p, const struct nb_error *err, const char *field, const char *hint_id)
{
	bool bad = err->code && strcmp(err->field, field) == 0;

	if (bad)
		h(p, " aria-invalid=\"true\"");
	if (bad || hint_id)
		h(p, " aria-describedby=\"%r%r%r\"", bad ? "form-error" : "", bad && hint_id ? " " : "",
		  hint_id ? hint_id : "");
}

void hosted_password(struct page *p, const struct nb_error *err, const struct hosted_field *f)
{
	/* the hint's id: "h-" and the field's id without its "f-" */
	const char *stem = strncmp(f->id, "f-", 2) == 0 ? f->id + 2 : f->id;

	h(p, "<p class=\"field\"><label for=\"%s\">%s</label>", f->id, f->label);
	if (f->hint)
		h(p, "<span class=\"hint\" id=\"h-%s\">%s</span>", stem, f->hint);
	h(p, "<input id=\"%s\" name=\"%s\" type=\"password\" autocomplete=\"%s\" required", f->id, f->name,
	  f->autocomplete);
	if (f->hint) {
		char hint_id[80];

		snprintf(hint_id, sizeof hint_id, "h-%s", stem);
		hosted_marks(p, err, f->field, hint_id);
	} else {
		hosted_marks(p, err, f->field, NULL);
	}
	h(p, "></p>");
}
