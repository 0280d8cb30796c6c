/* Statements and scoring of the attachment reflection; see attachment.h. */
#include "attachment.h"
#include "i18n.h"

static const struct nb_statement statements[NB_ATTACHMENT_ITEMS] = {
	{ N_("I worry that people I care about will lose interest in me."), NB_AXIS_ANXIETY, false },
	{ N_("I find it hard to lean on other people."), NB_AXIS_AVOIDANCE, false },
	{ N_("When someone I love is out of reach, I feel uneasy until I hear from them."), NB_AXIS_ANXIETY, false },
	{ N_("When someone comes very close, part of me wants to step back."), NB_AXIS_AVOIDANCE, false },
	{ N_("I trust that the people close to me will still be there tomorrow."), NB_AXIS_ANXIETY, true },
	{ N_("I feel at ease sharing what goes on inside me."), NB_AXIS_AVOIDANCE, true },
	{ N_("I often wonder whether I matter as much to others as they matter to me."), NB_AXIS_ANXIETY, false },
	{ N_("I would rather sort things out alone, even when help is offered."), NB_AXIS_AVOIDANCE, false },
	{ N_("A short or late reply can make me fear that something is wrong between us."), NB_AXIS_ANXIETY, false },
	{ N_("Being held or comforted feels good to me."), NB_AXIS_AVOIDANCE, true },
	{ N_("When I ask for closeness, I expect it to be welcome."), NB_AXIS_ANXIETY, true },
	{ N_("I keep some distance so that I cannot be hurt."), NB_AXIS_AVOIDANCE, false },
};

const struct nb_statement *attachment_statements(void)
{
	return statements;
}

void attachment_score(const struct nb_attachment *a, struct nb_attachment_score *out)
{
	double sum[2] = { 0, 0 };
	int n[2] = { 0, 0 };

	for (int i = 0; i < NB_ATTACHMENT_ITEMS; i++) {
		int v = a->answers[i];
		enum nb_axis axis = statements[i].axis;

		if (v < 1 || v > 7)
			continue;
		sum[axis] += statements[i].reverse ? 8 - v : v;
		n[axis]++;
	}
	out->anxiety = n[NB_AXIS_ANXIETY] ? sum[NB_AXIS_ANXIETY] / n[NB_AXIS_ANXIETY] : NB_AXIS_MIDPOINT;
	out->avoidance = n[NB_AXIS_AVOIDANCE] ? sum[NB_AXIS_AVOIDANCE] / n[NB_AXIS_AVOIDANCE] : NB_AXIS_MIDPOINT;
	if (out->anxiety <= NB_AXIS_MIDPOINT)
		out->pattern = out->avoidance <= NB_AXIS_MIDPOINT ? NB_SECURE : NB_AVOIDANT;
	else
		out->pattern = out->avoidance <= NB_AXIS_MIDPOINT ? NB_ANXIOUS : NB_DISORGANISED;
}

const char *attachment_pattern_name(enum nb_pattern p)
{
	switch (p) {
	case NB_SECURE: return _("secure");
	case NB_ANXIOUS: return _("anxious");
	case NB_AVOIDANT: return _("avoidant");
	default: return _("disorganised");
	}
}

const char *attachment_support_text(void)
{
	return _("Whatever pattern you recognise, a coach or therapist can help you explore it and find more room in it, at your own pace.");
}

const char *attachment_pattern_text(enum nb_pattern p)
{
	switch (p) {
	case NB_SECURE:
		return _("Closeness feels mostly safe to you, and so does some distance. That is something you learned, and it can carry you through hard times.");
	case NB_ANXIOUS:
		return _("You long for closeness and fear it may not be enough, or may end. Staying alert to others once helped you keep the contact you needed.");
	case NB_AVOIDANT:
		return _("You keep some distance to protect yourself from being hurt. Relying on yourself once helped you get through; it may now also keep good things away.");
	default:
		return _("You long for closeness and pull back from it, both at once. When closeness and fear once came together, doing both helped you survive. It makes sense, and it can soften.");
	}
}
