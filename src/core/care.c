/* The care rules and texts, the circle advice and the daily prompts. */
#include "care.h"
#include "i18n.h"
#include "vocab.h"

#include <stdio.h>
#include <string.h>

bool care_needs_help(const struct nb_checkin *c)
{
	return c->mood == 1 || (c->tension == 5 && c->mood >= 1 && c->mood <= 2);
}

/* The help numbers, as written and as dialled, and the one web address.
 *
 * The rule: a number is added here with its source and the date it was
 * checked there, or with two independent dated sources, written beside it.
 *
 * 113 Zelfmoordpreventie answers on its short number 113 and for free on
 * 0800-0113; its chat is at 113.nl.
 *
 * De Luisterlijn, 088 0767 000, day and night: this number as given in
 * dated national news of 2021 and of 2023, unchanged since the line was
 * renamed from Sensoor in 2018. It could not be checked at the line's own
 * site from the machine this was written on (it reaches only Debian's and
 * npm's package registries); check it there when you can, and write the
 * date here.
 *
 * A number for help with addiction belongs here too once it is checked so;
 * until then care_addiction_help_text names the way in that does not
 * change: the GP and addiction care. */
static const struct nb_phone phones[] = {
	{ "113", "113", NULL }, { "0800-0113", "08000113", NULL }, { "112", "112", NULL },
	{ "088\xc2\xa0" "0767\xc2\xa0" "000", "0880767000", NULL },	/* no-break spaces: one number on one line */
	{ "113.nl", NULL, "https://113.nl" },
};
enum { PHONE_113, PHONE_FREE, PHONE_112, PHONE_LISTEN, SITE_113 };

/* Each part's words, with a %s where a number goes, and those numbers in
 * order: the terminal writes them in, a page makes each one a link. */
static const struct {
	const char *text;
	signed char phone[5];	/* -1 after the last */
} help_parts[NB_HELP__COUNT] = {
	[NB_HELP_OPENING] = { N_("If things are very heavy right now, you do not have to carry this alone."),
			      { -1 } },
	[NB_HELP_LINE] = { N_("You can call 113 Zelfmoordpreventie day and night on %s, or for free on %s. You can also chat at %s."),
			   { PHONE_113, PHONE_FREE, SITE_113, -1 } },
	[NB_HELP_LISTEN] = { N_("If you would like to talk to someone who listens, call De Luisterlijn, day and night, on %s."),
			     { PHONE_LISTEN, -1 } },
	[NB_HELP_EMERGENCY] = { N_("In an emergency, call %s."), { PHONE_112, -1 } },
	[NB_HELP_ABROAD] = { N_("Outside the Netherlands, call your local emergency number."), { -1 } },
	[NB_HELP_CARD] = { N_("Help now: 113 Zelfmoordpreventie, %s or %s (free), or %s. To talk to someone: De Luisterlijn, %s. Emergency: %s."),
			   { PHONE_113, PHONE_FREE, SITE_113, PHONE_LISTEN, PHONE_112 } },
};

const char *care_help_format(enum nb_help_part part)
{
	return _(help_parts[part].text);
}

const struct nb_phone *care_help_number(enum nb_help_part part, size_t i)
{
	if (i >= sizeof help_parts[0].phone || help_parts[part].phone[i] < 0)
		return NULL;
	return &phones[help_parts[part].phone[i]];
}

const char *care_help_part_in(enum nb_help_part part, char out[NB_HELP_PART_LEN])
{
	const char *f = care_help_format(part);
	size_t n = 0, k = 0;

	for (; *f && n + 1 < NB_HELP_PART_LEN; f++) {
		const struct nb_phone *ph;
		if (f[0] == '%' && f[1] == 's' && (ph = care_help_number(part, k++))) {
			n += (size_t)snprintf(out + n, NB_HELP_PART_LEN - n, "%s", ph->written);
			n = n < NB_HELP_PART_LEN ? n : NB_HELP_PART_LEN - 1;
			f++;
		} else {
			out[n++] = *f;
		}
	}
	out[n] = '\0';
	return out;
}

bool care_wants_someone(const struct nb_checkin *c)
{
	const struct nb_items *lists[] = { &c->needs, &c->emotions };
	static const char *const terms[] = { "contact", "connection", "loneliness" };

	for (size_t l = 0; l < 2; l++)
		for (size_t i = 0; i < lists[l]->n; i++)
			for (size_t k = 0; k < sizeof terms / sizeof terms[0]; k++)
				if (strcmp(lists[l]->v[i].term, terms[k]) == 0)
					return true;
	return false;
}

/* A group of digits as a number, for the shapes of dates and addresses. */
static long group_value(const char *d, size_t n)
{
	long v = 0;

	for (size_t i = 0; i < n; i++)
		v = v * 10 + (d[i] - '0');
	return v;
}

/* Three groups in a date's shape, with one kind of separator: a year,
 * month and day, or two groups of one or two digits and a year. */
static bool date_shaped(const char *d, const size_t *len, size_t groups, bool one_sep)
{
	long y, m, day;

	if (groups != 3 || !one_sep)
		return false;
	if (len[0] == 4 && len[1] <= 2 && len[2] <= 2) {	/* 2024-03-05, but not 0800 12 34 */
		y = group_value(d, len[0]);
		m = group_value(d + len[0], len[1]);
		day = group_value(d + len[0] + len[1], len[2]);
		return y >= 1900 && y < 2200 && m >= 1 && m <= 12 && day >= 1 && day <= 31;
	}
	return len[0] <= 2 && len[1] <= 2 && (len[2] == 4 || len[2] == 2);	/* no number is written so */
}

/* Numbers people call that are shorter than a subscriber's: emergencies
 * (112, and 911 and 999 for visitors), 113 and 116 123 (listening lines),
 * 144 (an animal in need), and 14 with an area code (a Dutch town hall). */
static bool short_number(const char *d, size_t n)
{
	static const char *const three[] = { "112", "113", "144", "911", "999" };

	for (size_t i = 0; n == 3 && i < sizeof three / sizeof three[0]; i++)
		if (memcmp(d, three[i], 3) == 0)
			return true;
	if (n == 6 && memcmp(d, "116", 3) == 0)
		return true;
	return (n == 5 || n == 6) && memcmp(d, "140", 3) == 0;
}

/*
 * Written as a phone number: digits in groups, with spaces, hyphens, dots
 * or brackets between them, and then one of: a + or 00 and a country's
 * number (8 to 15 digits, a "(0)" after the country not dialled); a number
 * within the country, from its 0 (10 or 11 digits: 06-12345678, 020 123
 * 4567, 07700 900123), or a free or paid service (0800, 0900, 0906, 0909:
 * 8 or 11 digits); or a short number people call (112, 113, ...). A date
 * (2024-03-05, 05-03-2024) or an address of a computer (192.168.1.10) has
 * digits and separators too: their shapes are never a phone number.
 */
bool care_phone_number(const char *reach, char dial[24])
{
	char d[20];	/* at most 17 digits are read: 00, then 15 */
	size_t n = 0, len[sizeof d] = { 0 }, groups = 0, dots = 0, skip;
	char sep = 0;
	bool plus = false, in_group = false, one_sep = true, trunk = false;
	const char *p = reach;

	if (!p)
		return false;
	while (*p == ' ')
		p++;
	if (*p == '+')
		plus = true, p++;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (n + 1 >= sizeof d)
				return false;
			d[n++] = *p;
			if (!in_group)
				groups++, in_group = true;
			len[groups - 1]++;
			continue;
		}
		if (plus && !trunk && groups == 1 && strncmp(p, "(0)", 3) == 0) {
			trunk = true;	/* +31 (0)6: the 0 is for calls within the country */
			p += 2;
			in_group = false;
			continue;
		}
		if (*p != ' ' && *p != '-' && *p != '.' && *p != '/' && *p != '(' && *p != ')')
			return false;	/* words, an e-mail, a time, a second plus: not a number */
		if (in_group && (*p != ' ' || p[1] != '\0')) {	/* the separator after a group */
			if (sep && sep != *p)
				one_sep = false;
			sep = *p;
		}
		dots += *p == '.';
		in_group = false;
	}
	d[n] = '\0';
	if (!n || date_shaped(d, len, groups, one_sep))
		return false;
	if (dots && groups == 4 && one_sep && sep == '.')
		return false;	/* 192.168.1.10 */
	if (plus || (n > 2 && d[0] == '0' && d[1] == '0')) {	/* +31 6 ..., 0031 6 ... */
		skip = plus ? 0 : 2;
		if (n - skip < 8 || n - skip > 15 || d[skip] == '0')
			return false;
	} else if (trunk) {
		return false;
	} else if (d[0] == '0') {
		bool service = n >= 4 && (memcmp(d, "0800", 4) == 0 || memcmp(d, "0900", 4) == 0 ||
					  memcmp(d, "0906", 4) == 0 || memcmp(d, "0909", 4) == 0);
		if (!(n == 10 || n == 11 || (service && n == 8)))
			return false;
	} else if (!short_number(d, n)) {
		return false;
	}
	snprintf(dial, 24, "%s%s", plus ? "+" : "", d);
	return true;
}

enum nb_help_part care_first_line(const struct nb_checkin *c, bool lonely)
{
	if (c && care_needs_help(c))
		return NB_HELP_LINE;
	if (lonely || (c && care_wants_someone(c)))
		return NB_HELP_LISTEN;
	return NB_HELP_LINE;
}

const char *care_help_text(enum nb_help_part first, char *buf, size_t size)
{
	enum nb_help_part second = first == NB_HELP_LISTEN ? NB_HELP_LINE : NB_HELP_LISTEN;

	first = second == NB_HELP_LINE ? NB_HELP_LISTEN : NB_HELP_LINE;
	snprintf(buf, size, "%s\n%s\n%s\n%s %s", care_help_part(NB_HELP_OPENING), care_help_part(first),
		 care_help_part(second), care_help_part(NB_HELP_EMERGENCY), care_help_part(NB_HELP_ABROAD));
	return buf;
}

const char *care_not_therapy_text(bool browser)
{
	if (browser)
		return _("nabij is a companion for daily practice, not a replacement for professional help. "
			 "If you are struggling, a GP, therapist or counsellor can help, and you can bring "
			 "your own data to them: a report or an export, under Your data.");
	return _("nabij is a companion for daily practice, not a replacement for professional help.\n"
		 "If you are struggling, a GP, therapist or counsellor can help, and you can bring\n"
		 "your own data to them with \"nabij export\".");
}

/* How strong the craving was: its scale; else the strength given with the
 * feeling ("craving:4", before entry_settle copies it); -1 for the feeling
 * ticked without a strength; 0 when nothing was said of a craving. */
static int craving_strength(const struct nb_checkin *c)
{
	int felt = 0;
	bool ticked = false;

	if (c->craving)
		return c->craving;
	for (size_t i = 0; i < c->emotions.n; i++)
		if (strcmp(c->emotions.v[i].term, "craving") == 0) {
			ticked = true;
			if (c->emotions.v[i].intensity > felt)
				felt = c->emotions.v[i].intensity;
		}
	return felt ? felt : ticked ? -1 : 0;
}

bool care_strong_craving(const struct nb_checkin *c)
{
	int s = craving_strength(c);

	return s >= NB_CRAVING_STRONG || s < 0;
}

bool care_craving_answered(const struct nb_checkin *c)
{
	return craving_strength(c) != 0;
}

bool care_craving_present(const struct nb_checkin *c)
{
	int s = craving_strength(c);

	return s > NB_SCALE_MIN || s < 0;
}

bool care_craving_unrated(const struct nb_checkin *c)
{
	return craving_strength(c) < 0;
}

bool care_craving_first(const struct nb_entries *checkins)
{
	for (size_t i = 0; i < checkins->n; i++)
		if (checkins->v[i]->type == NB_CHECKIN && care_craving_answered(&checkins->v[i]->u.checkin))
			return true;
	return false;
}

const struct nb_entry *care_urge_now(const struct nb_entries *today)
{
	for (size_t i = today->n; i-- > 0;) {
		const struct nb_entry *e = today->v[i];
		if (e->type != NB_CHECKIN || !care_craving_answered(&e->u.checkin))
			continue;
		return care_strong_craving(&e->u.checkin) ? e : NULL;
	}
	return NULL;
}

const char *care_urge_part(size_t i)
{
	static const char *const parts[] = {
		N_("When an urge comes"),
		N_("A craving or an urge to drink or use rises, peaks and eases again, like a wave, even when it feels as if it never will. You do not have to act on it, and you do not have to fight it."),
		N_("Riding the urge: breathe slowly with a long out-breath and watch the urge rise and ease, for a few minutes. Note how strong it is before and after; over time you see that it passes. It is among the exercises, and on Today after a strong craving."),
		N_("The first to call: mark one person in your circle, such as a sponsor or a buddy, as the first to call. After a strong craving nabij shows them at the top of Today, one tap away, until a later check-in says the urge has eased."),
		N_("Addiction care (verslavingszorg) helps too, without judgement. Your GP can refer you, and can help with what comes with stopping."),
		N_("At night, when nobody you know can be reached, you can call a help line:"),
	};	/* the faces put the help parts (care_help_part) after the last */
	return i < sizeof parts / sizeof parts[0] ? _(parts[i]) : NULL;
}

bool care_heavy(const struct nb_checkin *c)
{
	return care_needs_help(c) || (c->mood >= 1 && c->mood <= 2) || c->tension >= 4 ||
	       care_strong_craving(c);
}

const char *care_yesterday_line(const struct nb_entries *yesterday, char *buf, size_t size)
{
	const struct nb_moment *m = NULL;
	bool heavy = false;
	char what[160];

	for (size_t i = 0; i < yesterday->n; i++) {
		const struct nb_entry *e = yesterday->v[i];

		if (e->type == NB_CHECKIN && care_heavy(&e->u.checkin))
			heavy = true;
		else if (e->type == NB_MOMENT && !(e->u.moment.safe && strcmp(e->u.moment.safe, "no") == 0))
			m = &e->u.moment;	/* the last one wanted */
	}
	if (!heavy && !m)
		return NULL;
	if (m && m->with && *m->with)
		snprintf(what, sizeof what, _("with %s (%s)"), m->with, vocab_label(NB_VOCAB_MOMENT_KIND, m->kind));
	else if (m)
		snprintf(what, sizeof what, "(%s)", vocab_label(NB_VOCAB_MOMENT_KIND, m->kind));
	if (heavy && m)
		snprintf(buf, size, _("Yesterday was a heavy day, and there was also a moment of connection %s. It is good that you are here again today."),
			 what);
	else if (heavy)
		snprintf(buf, size, "%s", _("Yesterday was a heavy day. It is good that you are here again today; go gently with yourself."));
	else
		snprintf(buf, size, _("Yesterday you had a moment of connection %s."), what);
	return buf;
}

const struct nb_member *care_first_to_call(const struct nb_entries *circle)
{
	for (size_t i = 0; i < circle->n; i++)
		if (circle->v[i]->type == NB_MEMBER && circle->v[i]->u.member.first)
			return &circle->v[i]->u.member;
	return NULL;
}

const char *care_first_moved_text(const char *now_first, const char *before, char *buf, size_t size)
{
	snprintf(buf, size,
		 _("%s is now the first to call, instead of %s. There is one at a time, so that in a hard moment there is nothing to choose; %s stays in your circle."),
		 now_first, before, before);
	return buf;
}

const char *care_first_now_text(const char *first, char *buf, size_t size)
{
	snprintf(buf, size, _("Now the first to call: %s. There is one at a time; marking someone else takes their place."),
		 first);
	return buf;
}

const char *care_craving_text(void)
{
	return _("A strong urge rises, peaks and eases again, like a wave. You do not have to ride it alone.");
}

const char *care_addiction_help_text(void)
{
	return _("Addiction care (verslavingszorg) helps too, without judgement; your GP can refer you.");
}

void care_after(const struct nb_entry *e, struct nb_care_after *out)
{
	const struct nb_checkin *c = &e->u.checkin;

	*out = (struct nb_care_after){ 0 };
	if (e->type == NB_CHECKIN && care_needs_help(c)) {
		out->help = true;
		out->call = care_wants_someone(c) && !care_strong_craving(c);
	} else if (e->type == NB_CHECKIN && care_first_line(c, false) == NB_HELP_LISTEN) {
		out->listen = true;	/* loneliness is the need: someone who listens */
	} else if (e->type == NB_MOMENT && e->u.moment.safe && strcmp(e->u.moment.safe, "no") == 0) {
		out->word = _("Thank you for noting that. Your no counts as much as your yes.");
	}
}

bool care_callable(const struct nb_member *m, char dial[24])
{
	return !m->place && m->reach && care_phone_number(m->reach, dial);
}

const char *care_saved_word(const struct nb_entry *e)
{
	switch (e->type) {
	case NB_CHECKIN:
		return e->u.checkin.mood >= 1 && e->u.checkin.mood <= 2
			       ? _("Thank you for checking in, on a heavy day too.")
			       : _("Thank you for taking these minutes for yourself.");
	case NB_MOMENT:
		return _("Kept. A moment like this counts, however short it was.");
	case NB_TRIGGER:
		return _("Noticing what happened is already a step. Go gently with yourself.");
	case NB_MEMBER:
		return _("Good to know who and what you can turn to.");
	case NB_SESSION:
		return _("Well done for giving yourself this time.");
	case NB_REFLECTION:
		return _("Thank you for putting this into words.");
	case NB_ATTACHMENT:
		return _("Thank you for looking at this with care. There are no wrong answers here.");
	case NB_PHASE:
		return _("Noted. Every relationship moves through phases; this is one of them.");
	case NB_EXPERIMENT:
		return _("Your experiment is set. Try it gently; whatever it shows, you learn something about yourself.");
	case NB_TYPE_NONE:
	case NB_TYPE__COUNT:
		break;
	}
	return "";
}

const char *care_last_touch(const struct nb_entry *touch, int days, char *buf, size_t size)
{
	char what[NB_NAME_MAX * 2 + 64];
	const struct nb_moment *m = &touch->u.moment;

	snprintf(what, sizeof what, "%s", vocab_label(NB_VOCAB_MOMENT_KIND, m->kind));
	if (m->with)
		snprintf(what + strlen(what), sizeof what - strlen(what), _(" with %s"), m->with);
	if (days == 0)
		snprintf(buf, size, _("Last wanted touch: today (%s)."), what);
	else if (days == 1)
		snprintf(buf, size, _("Last wanted touch: yesterday (%s)."), what);
	else
		snprintf(buf, size, ngettext("Last wanted touch: %d day ago (%s).", "Last wanted touch: %d days ago (%s).", days),
			 days, what);
	return buf;
}

const char *care_touch_gentle(int days)
{
	return days >= NB_TOUCH_GENTLE_DAYS
		? _("That is just information, not a score. A hand on your own heart, or a message to someone in your circle, can be a small step when you want one.")
		: NULL;
}

int care_touch_days(const struct nb_touch *t)
{
	if (t->days_other < 0)
		return t->days_self;
	if (t->days_self < 0)
		return t->days_other;
	return t->days_other < t->days_self ? t->days_other : t->days_self;
}

size_t care_touch_lines(const struct nb_touch *t, char lines[NB_TOUCH_LINES][NB_TOUCH_LINE_LEN])
{
	size_t n = 0;
	int days = care_touch_days(t);

	if (t->other && t->days_other <= NB_TOUCH_LONG_DAYS)
		care_last_touch(t->other, t->days_other, lines[n++], NB_TOUCH_LINE_LEN);
	else if (t->other)	/* no growing count after a long gap */
		snprintf(lines[n++], NB_TOUCH_LINE_LEN, "%s",
			 _("It has been some time since a wanted touch from someone else. That happens in a life, and it can change again."));
	if (t->self && t->days_self <= NB_TOUCH_LONG_DAYS) {
		const char *what = vocab_label(NB_VOCAB_MOMENT_KIND, t->self->u.moment.kind);
		if (t->days_self == 0)
			snprintf(lines[n++], NB_TOUCH_LINE_LEN, _("You were gentle with yourself today (%s)."), what);
		else if (t->days_self == 1)
			snprintf(lines[n++], NB_TOUCH_LINE_LEN, _("You were gentle with yourself yesterday (%s)."), what);
		else
			snprintf(lines[n++], NB_TOUCH_LINE_LEN,
				 ngettext("You were gentle with yourself %d day ago (%s).",
					  "You were gentle with yourself %d days ago (%s).", t->days_self),
				 t->days_self, what);
	}
	if (days >= NB_TOUCH_GENTLE_DAYS)
		snprintf(lines[n++], NB_TOUCH_LINE_LEN, "%s", care_touch_gentle(days));
	return n;
}

static const char *const alone[] = {
	N_("If you live alone"),
	N_("Touch does not have to come from a partner. A friend's hand on your arm, a long hug when you meet, a grandchild on your lap, an animal beside you, a massage or a visit to the hairdresser, and your own hand on your heart all count as safe touch."),
	N_("Self-touch is a real step, not a lesser one: a hand on your chest while you breathe out slowly, your arms around yourself, rubbing your own shoulders. nabij counts it beside touch from others."),
	N_("If you want more, your circle is a place to start: one person you could ask for a walk, a hug or just sitting close."),
};

/* For a person who lost someone: the touch that was there for years, the
 * closeness that need not come from a partner, the first holidays, and
 * when grief needs a GP. */
static const char *const loss[] = {
	N_("If you lost someone"),
	N_("When someone you love has died, much goes missing at once: a voice, the habits of every day, and often a touch that was there for years. Missing that touch is not strange. Your body remembers it too."),
	N_("Closeness does not have to come from a partner. A friend's hand, a hug from a grandchild, an animal against you, a massage, your own hand on your heart while you breathe out slowly: each of these counts. None of them replaces the person you miss, and they do not have to."),
	N_("The first holidays, birthdays and anniversaries are often the hardest. It can help to decide beforehand what you will do that day and with whom, and to tell someone in your circle that the day is coming."),
	N_("Grief comes in waves, and it has no timetable. If after many months the days stay very heavy, if you hardly sleep or eat, or if you no longer see why you would go on, your GP can help. You do not have to explain it well."),
};

static const char *const unsafe[] = {
	N_("If touch feels unsafe to you"),
	N_("You set the pace. Short moments that you choose yourself are enough, and you may stop at any moment; a no is always fine, also halfway."),
	N_("Start where it is easiest: your own hand, an animal, a touch you can see coming. Notice what your body says, and keep what feels safe."),
	N_("If touch brings back old fear, a therapist can help you find your own way with it, at your pace."),
};

const char *care_alone_part(size_t i)
{
	return i < sizeof alone / sizeof alone[0] ? _(alone[i]) : NULL;
}

const char *care_loss_part(size_t i)
{
	return i < sizeof loss / sizeof loss[0] ? _(loss[i]) : NULL;
}

const char *care_unsafe_touch_part(size_t i)
{
	return i < sizeof unsafe / sizeof unsafe[0] ? _(unsafe[i]) : NULL;
}

bool care_lasting_low(const double *moods, int n)
{
	int low = 0;

	for (int i = n > NB_LOW_DAYS ? n - NB_LOW_DAYS : 0; i < n; i++)
		if (moods[i] > 0 && moods[i] <= NB_LOW_MOOD)
			low++;
	return low >= NB_LOW_MIN;
}

const char *care_lasting_low_text(void)
{
	return _("Many of your days have been low for a while now. When low days go on, talking to your GP or a therapist can help; you do not have to wait until it gets worse, and you do not have to explain it well.");
}

const char *circle_advice_today(size_t members, char *buf, size_t size)
{
	return members == 0 ? circle_advice(members, buf, size) : NULL;
}

const char *circle_advice(size_t members, char *buf, size_t size)
{
	if (members >= 3 && members <= 5)
		return NULL;
	if (members == 0)
		snprintf(buf, size, "%s",
			 _("Your circle is still empty. Think of three to five people or places you could turn to when things get hard. One is a good start."));
	else if (members < 3)
		snprintf(buf, size,
			 ngettext("Your circle has %zu person or place. Three to five gives you more than one door to knock on; add someone when you are ready.",
				  "Your circle has %zu people or places. Three to five gives you more than one door to knock on; add someone when you are ready.",
				  members),
			 members);
	else
		snprintf(buf, size,
			 _("Your circle has %zu people or places. Three to five is easier to keep in view when things are hard; you might choose the ones you turn to first."),
			 members);
	return buf;
}

static const struct nb_prompt prompts[] = {
	{ "body-closeness", N_("Where in your body do you notice that closeness does you good?") },
	{ "stopping-thought", N_("Which thought stops you from asking for closeness?") },
	{ "safe-moment", N_("In which situation today could you allow one small moment of safe closeness?") },
	{ "closer", N_("Who did you feel a little closer to lately, and what did they do?") },
	{ "kind-friend", N_("What would a kind friend say to you about today?") },
	{ "felt-safe", N_("What small thing helped you feel safe today?") },
	{ "need-back", N_("Which need keeps coming back, and how could you meet it a little?") },
};

const struct nb_prompt *prompt_all(size_t *n)
{
	*n = sizeof prompts / sizeof prompts[0];
	return prompts;
}

static const char *const closeness[] = { "body-closeness", "stopping-thought", "safe-moment" };
static const char *const closeness_hints[] = {
	N_("For example: a warmth in my chest, my shoulders letting go, a calmer breath."),
	N_("For example: \"I will be a burden\", \"they will say no\", \"I should manage alone\"."),
	N_("For example: a friend's hand on my arm, a hug from a grandchild, an animal against me, my own hand on my heart before sleep."),
};

const char *const *prompt_closeness(size_t *n)
{
	*n = sizeof closeness / sizeof closeness[0];
	return closeness;
}

const char *prompt_hint(const char *id)
{
	for (size_t i = 0; id && i < sizeof closeness / sizeof closeness[0]; i++)
		if (strcmp(closeness[i], id) == 0)
			return _(closeness_hints[i]);
	return NULL;
}

const struct nb_prompt *prompt_find(const char *id)
{
	size_t n;
	const struct nb_prompt *p = prompt_all(&n);

	for (size_t i = 0; id && i < n; i++)
		if (strcmp(p[i].id, id) == 0)
			return &p[i];
	return NULL;
}

bool prompt_known(const char *id)
{
	return prompt_find(id) || (id && (strcmp(id, "intention") == 0 || strcmp(id, "beside-me") == 0));
}

const char *prompt_text(const char *id)
{
	const struct nb_prompt *p = prompt_find(id);

	if (!id)
		return NULL;
	if (p)
		return _(p->text);
	if (strcmp(id, "intention") == 0)
		return _("An intention for the week");
	if (strcmp(id, "beside-me") == 0)
		return _("For the people beside me");
	return id;
}

const struct nb_prompt *prompt_for_day(const char *day)
{
	int days = nb_day_diff("2000-01-01", day);
	int n = (int)(sizeof prompts / sizeof prompts[0]);

	return &prompts[((days % n) + n) % n];
}

const char *care_beside_point(size_t i)
{
	static const char *const points[] = {
		N_("Ask before you touch or hold. A no is an answer, not a rejection of you."),
		N_("Presence counts: sitting together, a walk, a short message. You do not have to fix anything."),
		N_("Listen more than you speak, and give advice only when it is asked for."),
		N_("Let them set the pace. Small, regular contact means more than one big gesture."),
		N_("You are not their therapist. If you worry about their safety, help them reach their GP or 113 Zelfmoordpreventie (0800-0113, 113.nl). In an emergency, call 112."),
		N_("Look after yourself too. You can stay beside someone longer when you also rest."),
	};

	return i < sizeof points / sizeof points[0] ? _(points[i]) : NULL;
}
