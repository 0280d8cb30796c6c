/*
 * The suggestion rules, in order: the first that applies decides.
 * Safety first (the lowest end of a check-in), then a need for contact
 * unless the nervous system is racing or shut down, then the nervous-system
 * state (activated or tense: a calming practice, the one that calmed this
 * person before when there is one; shut down: grounding), then what the
 * person said they feel and need (a craving, even a mild one, is met with
 * riding the urge), then how long since a wanted touch. "You seem steady"
 * only for a mood of 3 or more with no craving: a feeling noted without a
 * mood is not steadiness. An
 * exercise just done since the check-in is not suggested again: the next
 * rule that fits decides.
 */
#include "suggest.h"
#include "care.h"
#include "exercise.h"
#include "i18n.h"
#include "vocab.h"

#include <stdio.h>
#include <string.h>

static bool has(const struct nb_items *l, const char *term)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].term, term) == 0)
			return true;
	return false;
}

/* The calming exercise that lowered tension most for this person, if any
 * did so clearly enough. Words exercises (meeting, closeness) do not count. */
static const struct nb_exercise_stat *best_calming(const struct nb_suggest_in *in)
{
	const struct nb_exercise_stat *best = NULL;

	for (size_t i = 0; i < in->nstats; i++) {
		const struct nb_exercise_stat *s = &in->stats[i];
		const struct nb_exercise *x = exercise_find(s->exercise);

		if (!x || x->guide == NB_GUIDE_WORDS || s->n < NB_CALMED_MIN_N ||
		    s->drop < NB_CALMED_MIN_DROP)
			continue;
		if (!best || s->drop > best->drop || (s->drop == best->drop && s->n > best->n))
			best = s;
	}
	return best;
}

static void pick(struct nb_suggestion *out, enum nb_suggest_kind kind, const char *exercise,
		 enum nb_suggest_rule rule)
{
	out->kind = kind;
	out->exercise = exercise;
	out->rule = rule;
}

bool suggest_wants_stats(const struct nb_checkin *c)
{
	return c && !care_needs_help(c) &&
	       ((c->state && strcmp(c->state, "activated") == 0) || c->tension >= 4);
}

static bool wants_contact(const struct nb_checkin *c)
{
	return has(&c->needs, "contact") || has(&c->needs, "connection") ||
	       has(&c->needs, "appreciation") || has(&c->emotions, "loneliness");
}

/* Steady: a mood of 3 or more, and no craving. */
static bool steady(const struct nb_checkin *c)
{
	return c->mood >= 3 && !care_craving_present(c);
}

/* The rules in order; an exercise equal to skip (the one just done) does
 * not apply, so the next rule that fits decides. */
static void choose(const struct nb_suggest_in *in, const char *skip, struct nb_suggestion *out)
{
	const struct nb_checkin *c = in->checkin;
	bool activated = c && c->state && strcmp(c->state, "activated") == 0;
	bool shutdown = c && c->state && strcmp(c->state, "shutdown") == 0;
#define OK(ex) ((!skip || strcmp((ex), skip) != 0) && (!in->not_today || strcmp((ex), in->not_today) != 0))

	memset(out, 0, sizeof *out);
	if (!c) {
		pick(out, NB_SUGGEST_CHECKIN, NULL, NB_RULE_NO_CHECKIN);
	} else if (care_needs_help(c) && (in->circle == 0 || OK("closeness"))) {
		if (in->circle > 0)
			pick(out, NB_SUGGEST_EXERCISE, "closeness", NB_RULE_LOWEST);
		else
			pick(out, NB_SUGGEST_CIRCLE, NULL, NB_RULE_LOWEST);
	} else if (care_strong_craving(c) && OK("urge")) {
		pick(out, NB_SUGGEST_EXERCISE, "urge", NB_RULE_CRAVING);
	} else if (!care_needs_help(c) && wants_contact(c) && !activated && !shutdown &&
		   (in->circle == 0 || OK("closeness"))) {
		/* a need for contact is heard on any day, before tension (a racing or
		 * shut-down nervous system is calmed or grounded first) */
		if (in->circle > 0)
			pick(out, NB_SUGGEST_EXERCISE, "closeness", NB_RULE_CONTACT);
		else
			pick(out, NB_SUGGEST_CIRCLE, NULL, NB_RULE_CONTACT);
	} else if ((activated || c->tension >= 4) &&
		   ((best_calming(in) && OK(exercise_find(best_calming(in)->exercise)->id)) || OK("breath"))) {
		const struct nb_exercise_stat *best = best_calming(in);

		if (best && OK(exercise_find(best->exercise)->id)) {
			pick(out, NB_SUGGEST_EXERCISE, exercise_find(best->exercise)->id,
			     NB_RULE_CALMED_BEFORE);
			out->stat = best;
		} else {
			pick(out, NB_SUGGEST_EXERCISE, "breath",
			     activated ? NB_RULE_ACTIVATED : NB_RULE_TENSE);
		}
	} else if (c->state && strcmp(c->state, "shutdown") == 0 && OK("grounding")) {
		pick(out, NB_SUGGEST_EXERCISE, "grounding", NB_RULE_SHUTDOWN);
	} else if ((has(&c->emotions, "shame") || has(&c->emotions, "guilt")) && OK("compassion")) {
		pick(out, NB_SUGGEST_EXERCISE, "compassion", NB_RULE_SHAME);
	} else if (has(&c->needs, "safety") && OK("place")) {
		pick(out, NB_SUGGEST_EXERCISE, "place", NB_RULE_SAFETY);
	} else if (wants_contact(c) && (in->circle == 0 || OK("closeness"))) {
		if (in->circle > 0)
			pick(out, NB_SUGGEST_EXERCISE, "closeness", NB_RULE_CONTACT);
		else
			pick(out, NB_SUGGEST_CIRCLE, NULL, NB_RULE_CONTACT);
	} else if (care_craving_present(c) && OK("urge")) {
		pick(out, NB_SUGGEST_EXERCISE, "urge", NB_RULE_CRAVING_NOTED);
	} else if (in->days_since_touch >= 7 && OK("memory")) {
		pick(out, NB_SUGGEST_EXERCISE, "memory", NB_RULE_TOUCH);
	} else if (has(&c->needs, "rest") && OK("breath")) {
		pick(out, NB_SUGGEST_EXERCISE, "breath", NB_RULE_REST);
	} else if (has(&c->needs, "softness") && OK("compassion")) {
		pick(out, NB_SUGGEST_EXERCISE, "compassion", NB_RULE_SOFTNESS);
	} else if (skip && exercise_find(skip)) {
		pick(out, NB_SUGGEST_REFLECT, NULL, NB_RULE_DONE);
		out->done = exercise_find(skip)->id;	/* the catalogue's, not today's */
	} else {
		pick(out, NB_SUGGEST_REFLECT, NULL, steady(c) ? NB_RULE_STEADY : NB_RULE_FELT);
	}
#undef OK
}

void suggest(const struct nb_suggest_in *in, struct nb_suggestion *out)
{
	choose(in, NULL, out);
	/* not the same exercise twice in a row: the next rule that fits */
	if (in->just_done && out->kind == NB_SUGGEST_EXERCISE && strcmp(out->exercise, in->just_done) == 0)
		choose(in, in->just_done, out);
}

const char *suggest_why(const struct nb_suggestion *s, char *buf, size_t size)
{
	const char *text = "";
	char dec[NB_DEC_LEN];

	switch (s->rule) {
	case NB_RULE_NO_CHECKIN:
		text = _("There is no check-in yet today; a short one helps nabij suggest something that fits.");
		break;
	case NB_RULE_LOWEST:
		text = s->kind == NB_SUGGEST_CIRCLE
			       ? _("Today is heavy. You do not have to carry it alone: think of one person or place you could turn to.")
			       : _("Today is heavy. Reaching out to one person from your circle can make it a little lighter; this helps you put it into words.");
		break;
	case NB_RULE_CALMED_BEFORE:
		snprintf(buf, size,
			 ngettext("You feel tense, and this has calmed you before: your tension was %s lower afterwards, over %d time.",
				  "You feel tense, and this has calmed you before: your tension was %s lower afterwards, on average over %d times.",
				  s->stat->n),
			 nb_dec1(s->stat->drop, dec), s->stat->n);
		return buf;
	case NB_RULE_ACTIVATED:
		text = _("You feel racing and restless; a slow breath with a long out-breath helps the calmer part of your mind take over.");
		break;
	case NB_RULE_TENSE:
		text = _("Your body holds a lot of tension; a slow breath with a long out-breath can soften it.");
		break;
	case NB_RULE_SHUTDOWN:
		text = _("You feel far away; your senses can bring you gently back to here and now.");
		break;
	case NB_RULE_SHAME:
		text = _("Shame and guilt are heavy to carry; a kind word to yourself gives the part of you that hurts some room.");
		break;
	case NB_RULE_SAFETY:
		text = _("You need safety; a safe place in your mind gives your body somewhere to rest.");
		break;
	case NB_RULE_CONTACT:
		text = s->kind == NB_SUGGEST_CIRCLE
			       ? _("You long for contact. A first step can be to think of one person or place for your support circle.")
			       : _("You long for contact; putting a wish for closeness into words makes it easier to ask someone.");
		break;
	case NB_RULE_TOUCH:
		text = _("It has been a while since a wanted touch; remembering a moment of safe closeness lets your body feel some of it again. Living alone? Your own hand on your heart, an animal or a friend's hand count too.");
		break;
	case NB_RULE_REST:
		text = _("You need rest; a few minutes of slow breathing is rest you can take right now.");
		break;
	case NB_RULE_SOFTNESS:
		text = _("You need softness; a self-compassion pause is a way to give some to yourself.");
		break;
	case NB_RULE_STEADY:
		text = _("You seem steady today; a short reflection can help you notice what does you good.");
		break;
	case NB_RULE_CRAVING:
		text = _("The urge is strong right now. Breathing with it for a few minutes, watching it rise and ease, helps you ride it out; calling someone of your circle helps too.");
		break;
	case NB_RULE_CRAVING_NOTED:
		text = _("An urge is here. Riding it for a few minutes, breathing slowly and watching it rise and ease, helps before it grows; someone of your circle can help too.");
		break;
	case NB_RULE_FELT:
		text = _("Thank you for noting how you are. A short reflection can help you stay with it gently, whatever is here.");
		break;
	case NB_RULE_DONE:
		snprintf(buf, size,
			 _("You have just done %s; no need for another round. Notice how you feel now; a short reflection can help you keep it."),
			 vocab_label(NB_VOCAB_EXERCISE, s->done));
		return buf;
	}
	snprintf(buf, size, "%s", text);
	return buf;
}
