/* Paced breathing as pure functions of time; see breath.h. */
#include "breath.h"
#include "i18n.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

enum nb_err breath_validate(const struct nb_breath *b, struct nb_error *err)
{
	if (b->in < 2 || b->in > 10)
		return nb_error_set(err, NB_EINVAL, "in",
				    _("Breathing in lasts from 2 to 10 seconds (you gave %d)."), b->in);
	if (b->hold < 0 || b->hold > 10)
		return nb_error_set(err, NB_EINVAL, "hold",
				    _("Holding lasts from 0 to 10 seconds (you gave %d)."), b->hold);
	if (b->out < 3 || b->out > 15)
		return nb_error_set(err, NB_EINVAL, "out",
				    _("Breathing out lasts from 3 to 15 seconds (you gave %d)."), b->out);
	if (b->rest < 0 || b->rest > 10)
		return nb_error_set(err, NB_EINVAL, "rest",
				    _("The rest after breathing out lasts from 0 to 10 seconds (you gave %d)."),
				    b->rest);
	if (b->out <= b->in)
		return nb_error_set(err, NB_EINVAL, "out",
				    _("Let the out-breath be longer than the in-breath: that is what calms. Try --out %d."),
				    b->in + 2 <= 15 ? b->in + 2 : 15);
	if (b->minutes < 1 || b->minutes > 30)
		return nb_error_set(err, NB_EINVAL, "minutes",
				    _("A session lasts from 1 to 30 minutes (you gave %d). Two or three is a good start."),
				    b->minutes);
	return NB_OK;
}

int breath_cycle(const struct nb_breath *b)
{
	return b->in + b->hold + b->out + b->rest;
}

int breath_total(const struct nb_breath *b)
{
	int cycle = breath_cycle(b), want = b->minutes * 60;

	return cycle > 0 ? (want + cycle - 1) / cycle * cycle : 0;
}

void breath_at(const struct nb_breath *b, double t, struct nb_pace *out)
{
	int cycle = breath_cycle(b), total = breath_total(b);
	double in_cycle, end;

	memset(out, 0, sizeof *out);
	if (t < 0)
		t = 0;
	if (cycle <= 0 || t >= total) {
		out->phase = NB_DONE;
		out->cycle = cycle > 0 ? total / cycle : 0;
		return;
	}
	out->cycle = (int)(t / cycle) + 1;
	out->left = (int)ceil(total - t);
	in_cycle = fmod(t, cycle);
	if (in_cycle < b->in) {
		out->phase = NB_IN;
		out->fill = in_cycle / b->in;
		end = b->in;
	} else if (in_cycle < b->in + b->hold) {
		out->phase = NB_HOLD;
		out->fill = 1;
		end = b->in + b->hold;
	} else if (in_cycle < b->in + b->hold + b->out) {
		out->phase = NB_OUT;
		out->fill = 1 - (in_cycle - b->in - b->hold) / b->out;
		end = b->in + b->hold + b->out;
	} else {
		out->phase = NB_REST;
		out->fill = 0;
		end = cycle;
	}
	out->count = (int)ceil(end - in_cycle);
}

void breath_pattern(const struct nb_breath *b, char *out, size_t size)
{
	if (b->rest)
		snprintf(out, size, "%d-%d-%d-%d", b->in, b->hold, b->out, b->rest);
	else
		snprintf(out, size, "%d-%d-%d", b->in, b->hold, b->out);
}

void breath_words(const struct nb_breath *b, char *out, size_t size)
{
	if (b->hold && b->rest)
		snprintf(out, size, _("in %d, hold %d, out %d, rest %d seconds"), b->in, b->hold, b->out, b->rest);
	else if (b->hold)
		snprintf(out, size, _("in %d, hold %d, out %d seconds"), b->in, b->hold, b->out);
	else if (b->rest)
		snprintf(out, size, _("in %d, out %d, rest %d seconds"), b->in, b->out, b->rest);
	else
		snprintf(out, size, _("in %d, out %d seconds"), b->in, b->out);
}

void breath_pattern_words(const char *pattern, char *out, size_t size)
{
	struct nb_breath b = { 0 };
	struct nb_error err;

	if (breath_parse_pattern(pattern, &b, &err) == NB_OK)
		breath_words(&b, out, size);
	else
		snprintf(out, size, "%s", pattern ? pattern : "");
}

enum nb_err breath_parse_pattern(const char *s, struct nb_breath *b, struct nb_error *err)
{
	int v[4] = { 0, 0, 0, 0 }, n = 0, used = 0;
	struct nb_breath t = *b;

	if (s && sscanf(s, "%2d-%2d-%2d%n", &v[0], &v[1], &v[2], &used) == 3) {
		n = 3;
		if (s[used] == '-' && sscanf(s + used, "-%2d%n", &v[3], &n) == 1)
			used += n, n = 4;
		else
			n = 3;
	}
	if (n < 3 || s[used] != '\0')
		return nb_error_set(err, NB_EINVAL, "pattern",
				    _("A breathing rhythm looks like 4-2-6 (in, hold, out) or 4-2-6-2 (with a rest); \"%s\" is not one."),
				    nb_shown(s));
	t.in = v[0];
	t.hold = v[1];
	t.out = v[2];
	t.rest = v[3];
	if (t.minutes < 1)
		t.minutes = 1;
	*b = t;
	return breath_validate(b, err);
}

bool breath_progress(const struct nb_session *const *recent, size_t n,
		     const struct nb_breath *now, struct nb_breath *next)
{
	char want[32];
	size_t same = 0;

	breath_pattern(now, want, sizeof want);
	for (size_t i = 0; i < n && same < 3; i++) {
		const struct nb_session *s = recent[i];

		if (!s->pattern || strcmp(s->pattern, want) != 0)
			break;
		if (s->seconds < 120)	/* stopped early: stay with this rhythm */
			return false;
		if (s->tension_before && s->tension_after && s->tension_after > s->tension_before)
			return false;
		same++;
	}
	if (same < 3 || now->out >= 12)
		return false;
	*next = *now;
	next->out = now->out + 1;
	return true;
}
