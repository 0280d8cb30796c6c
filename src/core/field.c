/*
 * The fields of every record kind and the measures of a day; see field.h.
 * A const table rather than X-macros: the tables are data that code walks
 * at run time (to bind SQL, write JSON, ask questions), and a row reads as
 * a row. Only the measures are a macro list, because arrays and an enum
 * are sized by them at compile time.
 */
#include "field.h"
#include "care.h"
#include "i18n.h"
#include "parse.h"
#include "describe.h"
#include "experiment.h"
#include "xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define AT(member) offsetof(struct nb_entry, u.member)

/* The mood's five values in words, 1 to 5. */
static const char *const mood_words[] = {
	N_("very low"), N_("low"), N_("so-so"), N_("good"), N_("very good"),
};

/* The fold of the check-in's form that holds the body, energy and sleep. */
#define FOLD_BODY N_("Body, energy and sleep")

/* The check-in's form asks its first scales, where one is, the feelings and
 * the needs, then in a fold the body, energy and sleep, then the tags and a
 * note (.order); a craving first for a person who has noted one before. */
static const struct nb_field checkin[] = {
	{ .id = "body", .key = "body", .column = "body",
	  .type = NB_FT_ITEMS, .offset = AT(checkin.body), .vocab = NB_VOCAB_SENSATION,
	  .flags = NB_FF_SEARCH,
	  .name = N_("body"), .label = N_("Body"),
	  .ask = N_("Body: what do you feel, and where? For example: tension in my shoulders, tiredness"),
	  .question = N_("What do you feel in your body, and where?"),
	  .hint = N_("In your own words, like: tension in my shoulders, tiredness"),
	  .order = 4, .fold = FOLD_BODY,
	  .arg = N_("SENSATION[@PLACE]"), .help = N_("e.g. tension@shoulders (repeatable, or a, b)"),
	  .sum = { .at = 10, .flags = NB_FS_ELSE } },
	{ .id = "emotion", .key = "emotions", .column = "emotion",
	  .type = NB_FT_ITEMS, .offset = AT(checkin.emotions), .vocab = NB_VOCAB_EMOTION,
	  .flags = NB_FF_SEARCH | NB_FF_CHOICES,
	  .name = N_("emotion"), .label = N_("Emotions"),
	  .other = N_("Other emotions"), .hint = N_("In your own words, like: restless, a bit sad"),
	  .ask = N_("Emotion: which emotions are here? Add :1-5 for how strong, e.g. sadness:3"),
	  .question = N_("Which emotions are here?"), .order = 2,
	  .arg = N_("NAME[:1-5]"), .help = N_("an emotion and how strong it is (repeatable)"),
	  .sum = { .at = 6 } },
	{ .id = "need", .key = "needs", .column = "need",
	  .type = NB_FT_TERMS, .offset = AT(checkin.needs), .vocab = NB_VOCAB_NEED,
	  .flags = NB_FF_SEARCH | NB_FF_CHOICES,
	  .name = N_("need"), .label = N_("Needs"),
	  .other = N_("Other needs"),
	  .ask = N_("Need: what do you need today?"),
	  .question = N_("What do you need today?"), .order = 3,
	  .arg = N_("NAME"), .help = N_("what you need today (repeatable)"),
	  .sum = { .at = 7, .fmt = N_("needs %s") } },
	{ .id = "state", .key = "state", .column = "state",
	  .type = NB_FT_TERM, .offset = AT(checkin.state), .vocab = NB_VOCAB_STATE,
	  .name = N_("state"), .label = N_("State"),
	  .ask = N_("Where are you right now?"), .order = 1,
	  .arg = N_("STATE"), .help = N_("calm, activated or shutdown"),
	  .sum = { .at = 8 } },
	{ .id = "mood", .key = "mood", .column = "mood",
	  .type = NB_FT_SCALE, .offset = AT(checkin.mood), .lo = NB_SCALE_MIN, .hi = NB_SCALE_MAX,
	  .flags = NB_FF_FIRST | NB_FF_FACES,
	  .name = N_("mood"), .label = N_("Mood"),
	  .low = N_("1 very low"), .high = N_("5 very good"), .words = mood_words,
	  .ask = N_("Mood, 1 (very low) to 5 (very good): "),
	  .sum = { .at = 1, .fmt = N_("mood %s") } },
	{ .id = "energy", .key = "energy", .column = "energy",
	  .type = NB_FT_SCALE, .offset = AT(checkin.energy), .lo = NB_SCALE_MIN, .hi = NB_SCALE_MAX,
	  .name = N_("energy"), .label = N_("Energy"),
	  .low = N_("1 empty"), .high = N_("5 full"),
	  .ask = N_("Energy, 1 (empty) to 5 (full): "),
	  .order = 5, .fold = FOLD_BODY,
	  .sum = { .at = 11, .flags = NB_FS_ELSE, .fmt = N_("energy %s") } },
	{ .id = "tension", .key = "tension", .column = "tension",
	  .type = NB_FT_SCALE, .offset = AT(checkin.tension), .lo = NB_SCALE_MIN, .hi = NB_SCALE_MAX,
	  .flags = NB_FF_FIRST,
	  .name = N_("tension"), .label = N_("Tension"),
	  .low = N_("1 relaxed"), .high = N_("5 very tense"),
	  .ask = N_("Tension, 1 (relaxed) to 5 (very tense): "),
	  .sum = { .at = 2, .fmt = N_("tension %s") } },
	/* how connected one felt today (--connection): the outcome the practice is about */
	{ .id = "connection", .key = "connection", .column = "connection",
	  .since = { 3, 2 },
	  .type = NB_FT_SCALE, .offset = AT(checkin.connection), .lo = NB_SCALE_MIN, .hi = NB_SCALE_MAX,
	  .flags = NB_FF_FIRST,
	  .name = N_("connection"), .label = N_("Connection"),
	  .low = N_("1 alone or cut off"), .high = N_("5 close and connected"),
	  .ask = N_("Connection: how connected you felt today, 1 (alone, cut off) to 5 (close, connected): "),
	  .sum = { .at = 3, .fmt = N_("connected %s") } },
	{ .id = "sleep-hours", .key = "sleep_minutes", .csv = "sleep_hours", .column = "sleep_minutes",
	  .type = NB_FT_MINUTES, .offset = AT(checkin.sleep_minutes), .lo = 0, .hi = 24 * 60,
	  .name = N_("sleep hours"), .label = N_("Sleep"),
	  .ask = N_("Sleep last night, in hours (e.g. 7.5): "),
	  .question = N_("Sleep last night, in hours"), .hint = N_("For example 7.5 or 7:30"),
	  .order = 7, .fold = FOLD_BODY,
	  .arg = N_("HOURS"), .help = N_("last night's sleep, e.g. 7.5 or 7:30"),
	  .sum = { .at = 4, .fmt = N_("slept %s") } },
	{ .id = "sleep-quality", .key = "sleep_quality", .column = "sleep_quality",
	  .type = NB_FT_SCALE, .offset = AT(checkin.sleep_quality), .lo = NB_SCALE_MIN, .hi = NB_SCALE_MAX,
	  .name = N_("sleep quality"), .label = N_("Sleep quality"),
	  .low = N_("1 poor"), .high = N_("5 good"),
	  .ask = N_("Sleep quality, 1 (poor) to 5 (good): "),
	  .order = 6, .fold = FOLD_BODY,
	  .sum = { .at = 12, .flags = NB_FS_ELSE, .fmt = N_("sleep quality %s") } },
	/* for recovery (--craving): how strong an urge to use or drink was today;
	 * not asked of everyone: a flag, and on the page with the first scales
	 * or once "craving" is ticked among the emotions */
	{ .id = "craving", .key = "craving", .column = "craving",
	  .since = { 5, 3 },
	  .type = NB_FT_SCALE, .offset = AT(checkin.craving), .lo = NB_SCALE_MIN, .hi = NB_SCALE_MAX,
	  .flags = NB_FF_NOTED,
	  .name = N_("craving"), .label = N_("Craving or urge"),
	  .low = N_("1 none"), .high = N_("5 very strong"),
	  .under = "emotion",
	  .sum = { .at = 5, .fmt = N_("craving %s") } },
	{ .id = "tag", .key = "tags", .column = "tag",
	  .type = NB_FT_TERMS, .offset = AT(checkin.tags), .vocab = NB_VOCAB_FREE,
	  .flags = NB_FF_SEARCH,
	  .name = N_("tag"), .label = N_("Tags"),
	  .ask = N_("Tags, such as what you did (comma separated): "),
	  .question = N_("Tags"), .hint = N_("What you did, like: a walk, a call with my sister"),
	  .order = 8,
	  .arg = N_("TEXT"), .help = N_("what you did, or anything to find back (repeatable)"),
	  .sum = { .at = 13, .flags = NB_FS_ELSE } },
	{ .id = "note", .key = "note", .column = "note",
	  .type = NB_FT_TEXT, .offset = AT(checkin.note),
	  .flags = NB_FF_SEARCH,
	  .name = N_("note"), .label = N_("Note"),
	  .ask = N_("A note, if you like: "),
	  .question = N_("A note, if you like"), .order = 9,
	  .arg = N_("TEXT"), .help = N_("a free note"),
	  .sum = { .at = 9, .cut = 40 } },
};

static const struct nb_field moment[] = {
	{ .id = "kind", .key = "kind", .column = "kind",
	  .type = NB_FT_TERM, .offset = AT(moment.kind), .vocab = NB_VOCAB_MOMENT_KIND,
	  .flags = NB_FF_REQUIRED | NB_FF_SEARCH,
	  .name = N_("kind of moment"), .label = N_("Kind"),
	  .ask = N_("What kind of moment was it?"),
	  .sum = { .at = 1 } },
	{ .id = "with", .key = "with", .column = "with_whom",
	  .type = NB_FT_LINE, .offset = AT(moment.with),
	  .flags = NB_FF_SEARCH | NB_FF_NAMES,
	  .name = N_("with whom"), .label = N_("With"),
	  .question = N_("With whom?"), .hint = N_("A name, an animal, or yourself"),
	  .ask = N_("With whom? (a name, an animal, or yourself): "),
	  .arg = N_("NAME"), .help = N_("with whom (a name from your circle links to it)"),
	  .sum = { .at = 2, .flags = NB_FS_JOINED, .fmt = N_(" with %s") } },
	{ .id = "member", .key = "member", .csv = "", .column = "member_id",
	  .type = NB_FT_MEMBER, .offset = AT(moment.member_uid),
	  .flags = NB_FF_KEPT,
	  .name = N_("circle member") },
	{ .id = "seconds", .key = "seconds", .column = "seconds",
	  .type = NB_FT_SECONDS, .offset = AT(moment.seconds), .lo = 0, .hi = NB_MOMENT_SECONDS_MAX,
	  .name = N_("duration"), .label = N_("How long"),
	  .question = N_("How long, roughly?"),
	  .ask = N_("How long, roughly? (e.g. 30 seconds, 5 minutes): "),
	  .arg = N_("TIME"), .help = N_("how long, e.g. 10, 90s, 2m or 1:30"),
	  .sum = { .at = 3 } },
	{ .id = "safe", .key = "safe", .column = "safe",
	  .type = NB_FT_TERM, .offset = AT(moment.safe), .vocab = NB_VOCAB_SAFE,
	  .name = N_("felt safe"), .label = N_("Felt safe"),
	  .ask = N_("Did it feel safe and wanted?"),
	  .arg = N_("ANSWER"), .help = N_("did it feel safe and wanted: yes, no or unsure"),
	  .sum = { .at = 4, .fmt = N_("felt safe: %s") } },
	{ .id = "effect", .key = "effects", .column = "effect",
	  .type = NB_FT_TERMS, .offset = AT(moment.effects), .vocab = NB_VOCAB_EFFECT,
	  .flags = NB_FF_SEARCH | NB_FF_CHOICES,
	  .name = N_("body effect"), .label = N_("In the body"),
	  .other = N_("Something else your body did"),
	  .ask = N_("What did your body do?"),
	  .arg = N_("NAME"),
	  .help = N_("what your body did, e.g. breath, shoulders, sigh,\n"
		    "warmth, space, tears, stiffening, pulling-back"),
	  .sum = { .at = 5 } },
	{ .id = "note", .key = "note", .column = "note",
	  .type = NB_FT_TEXT, .offset = AT(moment.note),
	  .flags = NB_FF_SEARCH,
	  .name = N_("note"), .label = N_("Note"),
	  .question = N_("A note, if you like"),
	  .ask = N_("A note, if you like: "),
	  .arg = N_("TEXT"), .help = N_("a free note") },
};

static const struct nb_field trigger[] = {
	{ .id = "situation", .key = "situation", .column = "situation",
	  .type = NB_FT_TEXT, .offset = AT(trigger.situation),
	  .flags = NB_FF_REQUIRED | NB_FF_SEARCH,
	  .name = N_("situation"), .label = N_("Situation"),
	  .question = N_("What happened?"),
	  .ask = N_("What happened? (the situation): "),
	  .arg = N_("TEXT"), .help = N_("what happened"),
	  .sum = { .at = 1, .cut = 50 } },
	{ .id = "reaction", .key = "reaction", .column = "reaction",
	  .type = NB_FT_TEXT, .offset = AT(trigger.reaction),
	  .flags = NB_FF_SEARCH,
	  .name = N_("reaction"), .label = N_("Reaction"),
	  .question = N_("How did you react?"),
	  .ask = N_("How did you react? "),
	  .arg = N_("TEXT"), .help = N_("how you reacted") },
	{ .id = "emotion", .key = "emotion", .column = "emotion",
	  .type = NB_FT_TERM, .offset = AT(trigger.emotion), .vocab = NB_VOCAB_EMOTION,
	  .flags = NB_FF_SEARCH,
	  .name = N_("emotion"), .label = N_("Emotion"),
	  .hint = N_("For example fear, anger, shame"),
	  .ask = N_("Which emotion was strongest?"),
	  .arg = N_("NAME"), .help = N_("the strongest emotion") },
	{ .id = "need", .key = "need", .column = "need",
	  .type = NB_FT_TERM, .offset = AT(trigger.need), .vocab = NB_VOCAB_NEED,
	  .flags = NB_FF_SEARCH,
	  .name = N_("need"), .label = N_("Need"),
	  .hint = N_("For example safety, connection, appreciation"),
	  .ask = N_("What did you need underneath?"),
	  .arg = N_("NAME"), .help = N_("the need underneath") },
	{ .id = "alternative", .key = "alternative", .column = "alternative",
	  .type = NB_FT_TEXT, .offset = AT(trigger.alternative),
	  .flags = NB_FF_SEARCH,
	  .name = N_("alternative"), .label = N_("Alternative"),
	  .question = N_("One small thing you could try next time"),
	  .ask = N_("One small thing you could try next time: "),
	  .arg = N_("TEXT"), .help = N_("one small, feasible alternative") },
	{ .id = "outcome", .key = "outcome", .column = "outcome",
	  .type = NB_FT_TEXT, .offset = AT(trigger.outcome),
	  .flags = NB_FF_SEARCH | NB_FF_LATER,
	  .name = N_("outcome"), .label = N_("How it went"),
	  .question = N_("How it went"),
	  .sum = { .at = 2, .fmt = N_("how it went: %s"), .cut = 30 } },
};

/* A member is a person or a place, chosen on the page between these. */
static const char *const member_is[] = { N_("a person"), N_("a place") };

static const struct nb_field member[] = {
	{ .id = "place", .key = "place", .column = "place",
	  .type = NB_FT_FLAG, .offset = AT(member.place),
	  .flags = NB_FF_NOTNULL | NB_FF_EITHER,
	  .name = N_("place"), .label = N_("Is a"),
	  .off = "person",
	  .low = N_("person"), .high = N_("place"), .words = member_is,
	  .question = N_("This is"),
	  .help = N_("a place rather than a person (or a person again)"),
	  .sum = { .at = 2, .flags = NB_FS_JOINED, .fmt = N_(" (place)") } },
	{ .id = "name", .key = "name", .column = "name",
	  .type = NB_FT_LINE, .offset = AT(member.name),
	  .flags = NB_FF_REQUIRED | NB_FF_SEARCH | NB_FF_FIRST,
	  .name = N_("name"), .label = N_("Name"),
	  .question = N_("Name of a person or a place"),
	  .ask = N_("Name of a person or a place: "),
	  .arg = N_("TEXT"), .help = N_("another name (circle edit)"),
	  .sum = { .at = 1 } },
	{ .id = "reach", .key = "reach", .column = "reach",
	  .type = NB_FT_LINE, .offset = AT(member.reach),
	  .flags = NB_FF_SEARCH,
	  .name = N_("how to reach"), .label = N_("How to reach"),
	  .question = N_("How to reach them, or how to get there"),
	  .ask = N_("How to reach them, or how to get there: "),
	  .arg = N_("TEXT"), .help = N_("a phone number, an address, how to get there"),
	  .sum = { .at = 3 } },
	{ .id = "helps", .key = "helps", .column = "helps",
	  .type = NB_FT_LINE, .offset = AT(member.helps),
	  .flags = NB_FF_SEARCH,
	  .name = N_("helps with"), .label = N_("Helps with"),
	  .question = N_("What they help with"),
	  .ask = N_("What they help with: "),
	  .arg = N_("TEXT"), .help = N_("what they help with") },
	{ .id = "first", .key = "first", .column = "call_first",
	  .since = { 5, 3 },
	  .type = NB_FT_FLAG, .offset = AT(member.first),
	  .flags = NB_FF_NOTNULL,
	  .name = N_("first to call"), .label = N_("First to call"),
	  .off = "not-first",
	  .low = N_("no"), .high = N_("yes"),
	  .question = N_("The first one to call when it is hard (such as a good friend, or someone from your recovery group)"),
	  .ask = N_("The first one to call when it is hard? [y/N] "),
	  .help = N_("the first one to call when it is hard (or not)") },
};

static const struct nb_field session[] = {
	{ .id = "exercise", .key = "exercise", .column = "exercise",
	  .type = NB_FT_TERM, .offset = AT(session.exercise), .vocab = NB_VOCAB_EXERCISE,
	  .flags = NB_FF_REQUIRED | NB_FF_SEARCH,
	  .name = N_("exercise"), .label = N_("Exercise"),
	  .sum = { .at = 1 } },
	{ .id = "seconds", .key = "seconds", .column = "seconds",
	  .type = NB_FT_SECONDS, .offset = AT(session.seconds), .lo = 0, .hi = NB_SESSION_SECONDS_MAX,
	  .flags = NB_FF_NOTNULL,
	  .name = N_("duration"), .label = N_("How long"),
	  .question = N_("How long, roughly?"),
	  .arg = N_("TIME"), .help = N_("record an exercise you did, without guiding"),
	  .sum = { .at = 2 } },
	{ .id = "tension-before", .key = "tension_before", .column = "tension_before",
	  .type = NB_FT_SCALE, .offset = AT(session.tension_before), .lo = NB_SCALE_MIN, .hi = NB_SCALE_MAX,
	  .name = N_("tension before"), .label = N_("Tension before"),
	  .low = N_("1 relaxed"), .high = N_("5 very tense"),
	  .ask = N_("How tense are you now, 1 (relaxed) to 5 (very tense)? Enter skips: "),
	  .sum = { .at = 5, .flags = NB_FS_PAIR, .fmt = N_("tension %s → %s") } },
	{ .id = "tension-after", .key = "tension_after", .column = "tension_after",
	  .type = NB_FT_SCALE, .offset = AT(session.tension_after), .lo = NB_SCALE_MIN, .hi = NB_SCALE_MAX,
	  .name = N_("tension after"), .label = N_("Tension after"),
	  .low = N_("1 relaxed"), .high = N_("5 very tense"),
	  .ask = N_("And now, how tense are you, 1 to 5? Enter skips: ") },
	/* riding an urge: the urge's strength before and after (--urge-before) */
	{ .id = "urge-before", .key = "urge_before", .column = "urge_before",
	  .since = { 9, 5 },
	  .type = NB_FT_SCALE, .offset = AT(session.urge_before), .lo = NB_SCALE_MIN, .hi = NB_SCALE_MAX,
	  .name = N_("urge before"), .label = N_("Urge before"),
	  .low = N_("1 none"), .high = N_("5 very strong"),
	  .ask = N_("How strong is the urge right now, 1 (none) to 5 (very strong)? Enter skips: "),
	  .sum = { .at = 6, .flags = NB_FS_PAIR, .fmt = N_("urge %s → %s") } },
	{ .id = "urge-after", .key = "urge_after", .column = "urge_after",
	  .since = { 9, 5 },
	  .type = NB_FT_SCALE, .offset = AT(session.urge_after), .lo = NB_SCALE_MIN, .hi = NB_SCALE_MAX,
	  .name = N_("urge after"), .label = N_("Urge after"),
	  .low = N_("1 none"), .high = N_("5 very strong"),
	  .ask = N_("And now, how strong is the urge, 1 to 5? Enter skips: ") },
	{ .id = "pattern", .key = "pattern", .column = "pattern",
	  .type = NB_FT_LINE, .offset = AT(session.pattern), .max = 32,
	  .flags = NB_FF_KEPT,
	  .name = N_("breathing rhythm"), .label = N_("Rhythm"),
	  .say = describe_pattern,
	  .sum = { .at = 4 } },
	{ .id = "with", .key = "with", .column = "with_whom",
	  .type = NB_FT_LINE, .offset = AT(session.with),
	  .flags = NB_FF_SEARCH | NB_FF_NAMES,
	  .name = N_("with whom"), .label = N_("With"),
	  .question = N_("With whom?"),
	  .arg = N_("NAME"), .help = N_("for meeting and closeness: whom it is about"),
	  .sum = { .at = 3, .flags = NB_FS_JOINED, .fmt = N_(" with %s") } },
	{ .id = "member", .key = "member", .csv = "", .column = "member_id",
	  .type = NB_FT_MEMBER, .offset = AT(session.member_uid),
	  .flags = NB_FF_KEPT,
	  .name = N_("circle member") },
	{ .id = "words", .key = "words", .column = "words",
	  .type = NB_FT_TEXT, .offset = AT(session.words),
	  .flags = NB_FF_SEARCH,
	  .name = N_("your words"), .label = N_("Your words"),
	  .question = N_("Your words"),
	  .arg = N_("TEXT"), .help = N_("for meeting and closeness: your own words"),
	  .sum = { .at = 7, .cut = 40 } },
};

static const struct nb_field reflection[] = {
	{ .id = "prompt", .key = "prompt", .column = "prompt",
	  .type = NB_FT_PROMPT, .offset = AT(reflection.prompt),
	  .name = N_("prompt"), .label = N_("Question"),
	  .arg = N_("ID"), .help = N_("answer another of nabij's questions, by its id") },
	{ .id = "text", .key = "text", .column = "text",
	  .type = NB_FT_TEXT, .offset = AT(reflection.text),
	  .flags = NB_FF_REQUIRED | NB_FF_SEARCH,
	  .name = N_("text"), .label = N_("Text"),
	  .arg = N_("TEXT"), .help = N_("your answer, without being asked"),
	  .question = N_("Your answer"), .hint = N_("Take a moment. Write as much or as little as you like."),
	  .sum = { .at = 1, .cut = 60 } },
};

static const struct nb_field attachment[] = {
	{ .id = "answers", .key = "answers", .column = "answers",
	  .type = NB_FT_ANSWERS, .offset = AT(attachment.answers), .lo = 1, .hi = 7,
	  .flags = NB_FF_REQUIRED,
	  .name = N_("answers"),
	  .arg = N_("A,B,..."), .help = N_("the twelve answers, 1 to 7, in their order"),
	  .sum = { .at = 1, .say = describe_attachment } },
};

static const struct nb_field phase[] = {
	{ .id = "phase", .key = "phase", .column = "phase",
	  .type = NB_FT_TERM, .offset = AT(phase.phase), .vocab = NB_VOCAB_PHASE,
	  .flags = NB_FF_REQUIRED,
	  .name = N_("phase"), .label = N_("Phase"),
	  .question = N_("Phase"), .order = 2,
	  .sum = { .at = 2, .flags = NB_FS_JOINED, .fmt = ": %s" } },
	{ .id = "with", .key = "with", .column = "with_whom",
	  .type = NB_FT_LINE, .offset = AT(phase.with),
	  .flags = NB_FF_REQUIRED | NB_FF_SEARCH | NB_FF_NAMES,
	  .name = N_("with whom"), .label = N_("With"),
	  .question = N_("With whom?"), .hint = N_("A friend, a daughter, a neighbour, a partner"), .order = 1,
	  .sum = { .at = 1 } },
	{ .id = "member", .key = "member", .csv = "", .column = "member_id",
	  .type = NB_FT_MEMBER, .offset = AT(phase.member_uid),
	  .flags = NB_FF_KEPT,
	  .name = N_("circle member") },
	{ .id = "note", .key = "note", .column = "note",
	  .type = NB_FT_TEXT, .offset = AT(phase.note),
	  .flags = NB_FF_SEARCH,
	  .name = N_("note"), .label = N_("Note"),
	  .question = N_("A note, if you like"), .order = 3,
	  .sum = { .at = 3, .cut = 40 } },
};

static const struct nb_field experiment[] = {
	{ .id = "practice", .key = "practice", .column = "practice",
	  .since = { 6, 4 },
	  .type = NB_FT_TERM, .offset = AT(experiment.practice), .vocab = NB_VOCAB_PRACTICE,
	  .flags = NB_FF_REQUIRED | NB_FF_SEARCH,
	  .name = N_("practice"), .label = N_("Practice"),
	  .question = N_("Which practice would you like to try?"),
	  .ask = N_("Which practice would you like to try?"),
	  .missing = N_("Choose a practice to try."),
	  .sum = { .at = 1, .say = describe_practice } },
	{ .id = "words", .key = "words", .column = "words",
	  .since = { 6, 4 },
	  .type = NB_FT_LINE, .offset = AT(experiment.words),
	  .flags = NB_FF_SEARCH,
	  .name = N_("in your own words"), .label = N_("In your own words"),
	  .question = N_("In your own words (for your own practice)"),
	  .ask = N_("In your own words, for a practice of your own (Enter skips): "),
	  .arg = N_("TEXT"), .help = N_("your own practice in a few words (with own)") },
	{ .id = "outcome", .key = "outcome", .column = "outcome",
	  .since = { 6, 4 },
	  .type = NB_FT_TERM, .offset = AT(experiment.outcome), .vocab = NB_VOCAB_OUTCOME,
	  .flags = NB_FF_REQUIRED,
	  .name = N_("outcome"), .label = N_("Watched"),
	  .question = N_("What would you like to watch? It comes from your check-ins."),
	  .ask = N_("What would you like to watch? It comes from your check-ins."),
	  .arg = N_("OUTCOME"),	/* its --help line: the outcomes, from the measures' rows */
	  .sum = { .at = 2, .flags = NB_FS_JOINED, .fmt = " → %s" } },
	{ .id = "pairs", .key = "pairs", .column = "pairs",
	  .since = { 6, 4 },
	  .type = NB_FT_SCALE, .offset = AT(experiment.pairs), .lo = NB_EXP_PAIRS_MIN, .hi = NB_EXP_PAIRS_MAX,
	  .flags = NB_FF_REQUIRED,
	  .name = N_("pairs of periods"), .label = N_("Pairs of periods"),
	  .question = N_("Pairs of periods"),
	  .help = N_("pairs of periods, with it and without it (3)") },
	{ .id = "period-days", .flag = "days", .key = "period_days", .column = "period_days",
	  .since = { 6, 4 },
	  .type = NB_FT_SCALE, .offset = AT(experiment.period_days), .lo = NB_EXP_DAYS_MIN, .hi = NB_EXP_DAYS_MAX,
	  .flags = NB_FF_REQUIRED,
	  .name = N_("days of a period"), .label = N_("Days of a period"),
	  .question = N_("Days in each period"),
	  .help = N_("days in each period (5)") },
	/* none, 0, or from 1; on the page a box for a week (NB_EXP_BASELINE_ASKED) */
	{ .id = "baseline-days", .flag = "baseline", .key = "baseline_days", .column = "baseline_days",
	  .since = { 6, 4 },
	  .type = NB_FT_SCALE, .offset = AT(experiment.baseline_days), .lo = 0, .hi = NB_EXP_BASELINE_MAX,
	  .box = NB_EXP_BASELINE_ASKED,
	  .name = N_("days of baseline"), .label = N_("Days of baseline"),
	  .question = N_("First a week of just noticing, without the practice"),
	  .help = N_("days of just noticing first, without the practice (0)") },
	{ .id = "washout-days", .flag = "washout", .key = "washout_days", .column = "washout_days",
	  .since = { 6, 4 },
	  .type = NB_FT_SCALE, .offset = AT(experiment.washout_days), .lo = 0, .hi = NB_EXP_WASHOUT_MAX,
	  .name = N_("days of settling"), .label = N_("Days of settling"),
	  .question = N_("Days of settling after each change (not compared)"),
	  .help = N_("days of settling after each change, not compared (0)") },
	{ .id = "seed", .key = "seed", .column = "seed",
	  .since = { 6, 4 },
	  .type = NB_FT_LINE, .offset = AT(experiment.seed),
	  .flags = NB_FF_REQUIRED,
	  .name = N_("seed"), .label = N_("Seed of the schedule"),
	  .arg = N_("HEX"), .help = N_("the order drawn again from a seed of 16 hexadecimal digits") },
	{ .id = "state", .key = "state", .column = "state",
	  .since = { 6, 4 },
	  .type = NB_FT_TERM, .offset = AT(experiment.state), .vocab = NB_VOCAB_EXP_STATE,
	  .flags = NB_FF_REQUIRED | NB_FF_KEPT,
	  .name = N_("state"), .label = N_("State"),
	  .sum = { .at = 3 } },
	{ .id = "answer", .key = "answers", .column = "answer",
	  .since = { 6, 4 },
	  .type = NB_FT_TERMS, .offset = AT(experiment.answers), .vocab = NB_VOCAB_FREE,
	  .hi = NB_EXP_PLAN_DAYS_MAX,	/* one a day: the plan's days, not the cap of other lists */
	  .flags = NB_FF_KEPT,
	  .name = N_("answer"), .label = N_("Did you do it?") },
	{ .id = "in-report", .flag = "report", .key = "in_report", .column = "in_report",
	  .since = { 6, 4 },
	  .type = NB_FT_FLAG, .offset = AT(experiment.in_report),
	  .flags = NB_FF_NOTNULL,
	  .name = N_("in the report"), .label = N_("In the report"),
	  .low = N_("no"), .high = N_("yes"),
	  .question = N_("Show it in the report, to talk it over with someone"),
	  .ask = N_("Show it in the report, to talk it over with someone? [y/N] "),
	  .help = N_("show it in the report, to talk it over with someone") },
	{ .id = "note", .key = "note", .column = "note",
	  .since = { 6, 4 },
	  .type = NB_FT_TEXT, .offset = AT(experiment.note),
	  .flags = NB_FF_SEARCH,
	  .name = N_("note"), .label = N_("Note") },
};

#define KIND(t, a) [t] = { a, sizeof a / sizeof a[0] }

static const struct {
	const struct nb_field *v;
	size_t n;
} kinds[NB_TYPE__COUNT] = {
	KIND(NB_CHECKIN, checkin), KIND(NB_MOMENT, moment), KIND(NB_TRIGGER, trigger),
	KIND(NB_MEMBER, member), KIND(NB_SESSION, session), KIND(NB_REFLECTION, reflection),
	KIND(NB_ATTACHMENT, attachment), KIND(NB_PHASE, phase), KIND(NB_EXPERIMENT, experiment),
};

/* The measures; .outcome: the experiment may watch it, in this order. */
static const struct nb_measure_info measures[NB_M__COUNT] = {
	[NB_M_MOOD] = { "mood", "mood", 1, NB_SCALE_MIN, NB_SCALE_MAX, NB_MF_CHART,
			N_("Mood"), N_("mood"), N_(" · mood %s"), .outcome = 2 },
	[NB_M_CONNECTION] = { "connection", "connection", 1, NB_SCALE_MIN, NB_SCALE_MAX, NB_MF_CHART,
			      N_("Connection"), N_("connection"), N_(" · connection %s"), .outcome = 5 },
	[NB_M_TENSION] = { "tension", "tension", 1, NB_SCALE_MIN, NB_SCALE_MAX, NB_MF_CHART,
			   N_("Tension"), N_("tension"), N_(" · tension %s"), .outcome = 1 },
	[NB_M_ENERGY] = { "energy", "energy", 1, NB_SCALE_MIN, NB_SCALE_MAX, 0, N_("Energy"), N_("energy"),
			  N_(" · energy %s"), .outcome = 4 },
	[NB_M_SLEEP_QUALITY] = { "sleep_quality", "sleep-quality", 1, NB_SCALE_MIN, NB_SCALE_MAX, 0,
				 N_("Sleep quality"), N_("sleep quality"), N_(" (quality %s)"), .outcome = 3 },
	[NB_M_SLEEP_HOURS] = { "sleep_hours", "sleep-hours", 60, 0, 12, NB_MF_CHART,
			       N_("Sleep, hours"), N_("sleep in hours"), N_(" · sleep %s h"), .outcome = 0 },
	[NB_M_CRAVING] = { "craving", "craving", 1, NB_SCALE_MIN, NB_SCALE_MAX, NB_MF_CHART | NB_MF_NOTED,
			   N_("Craving or urge"), N_("craving"), N_(" · craving %s"), .outcome = 0 },
};

int nb_format_version(void)
{
	int v = 1;

	for (int t = 0; t < NB_TYPE__COUNT; t++)
		for (size_t i = 0; i < kinds[t].n; i++)
			if (kinds[t].v[i].since.format > v)
				v = kinds[t].v[i].since.format;
	return v;
}

const struct nb_field *fields_of(enum nb_type t, size_t *n)
{
	if (t <= NB_TYPE_NONE || t >= NB_TYPE__COUNT) {
		*n = 0;
		return NULL;
	}
	*n = kinds[t].n;
	return kinds[t].v;
}

const char *field_flag_name(const struct nb_field *f)
{
	return f->flag ? f->flag : f->id;
}

const struct nb_field *field_find(enum nb_type t, const char *id)
{
	size_t n;
	const struct nb_field *f = fields_of(t, &n);

	for (size_t i = 0; id && i < n; i++)
		if (strcmp(f[i].id, id) == 0)
			return &f[i];
	return NULL;
}

const char *field_name(const char *id)
{
	for (int t = NB_CHECKIN; t < NB_TYPE__COUNT; t++) {
		const struct nb_field *f = field_find((enum nb_type)t, id);
		if (f)
			return _(f->name);
	}
	return NULL;
}

int *field_int(struct nb_entry *e, const struct nb_field *f)
{
	return (int *)((char *)e + f->offset);
}

char **field_str(struct nb_entry *e, const struct nb_field *f)
{
	return (char **)((char *)e + f->offset);
}

struct nb_items *field_items(struct nb_entry *e, const struct nb_field *f)
{
	return (struct nb_items *)((char *)e + f->offset);
}

bool *field_flag(struct nb_entry *e, const struct nb_field *f)
{
	return (bool *)((char *)e + f->offset);
}

int field_int_of(const struct nb_entry *e, const struct nb_field *f)
{
	return *(const int *)((const char *)e + f->offset);
}

const char *field_str_of(const struct nb_entry *e, const struct nb_field *f)
{
	return *(char *const *)((const char *)e + f->offset);
}

const struct nb_items *field_items_of(const struct nb_entry *e, const struct nb_field *f)
{
	return (const struct nb_items *)((const char *)e + f->offset);
}

bool field_flag_of(const struct nb_entry *e, const struct nb_field *f)
{
	return *(const bool *)((const char *)e + f->offset);
}

const int *field_answers_of(const struct nb_entry *e, const struct nb_field *f)
{
	return (const int *)((const char *)e + f->offset);
}

void field_answers_text(const struct nb_entry *e, const struct nb_field *f, char sep, struct nb_buf *b)
{
	const int *a = field_answers_of(e, f);

	for (int i = 0; i < NB_ATTACHMENT_ITEMS; i++) {
		if (i)
			buf_addc(b, sep);
		buf_addi(b, a[i]);
	}
}

void fields_init(struct nb_entry *e)
{
	size_t n;
	const struct nb_field *f = fields_of(e->type, &n);

	memset(&e->u, 0, sizeof e->u);
	for (size_t i = 0; i < n; i++)
		if (ftype_ops(f[i].type)->unset)
			*field_int(e, &f[i]) = ftype_ops(f[i].type)->unset;
}

void fields_free(struct nb_entry *e)
{
	size_t n;
	const struct nb_field *f = fields_of(e->type, &n);

	for (size_t i = 0; i < n; i++)
		if (ftype_ops(f[i].type)->release)
			ftype_ops(f[i].type)->release(e, &f[i]);
}

void fields_reset(struct nb_entry *e)
{
	fields_free(e);
	fields_init(e);
}

/* --- checking ------------------------------------------------------------ */

static const char *named(const char *id)
{
	return field_label(id);
}

static enum nb_err check_scale(const char *id, int v, int lo, int hi, bool optional,
			       struct nb_error *err)
{
	char given[24];

	if ((optional && v == 0) || (v >= lo && v <= hi))
		return NB_OK;
	snprintf(given, sizeof given, "%d", v);
	return nb_error_set(err, NB_EINVAL, id,
			    _("%s must be a whole number from %d to %d (you gave \"%s\")."),
			    named(id), lo, hi, nb_shown(given));
}

static enum nb_err check_text(const char *id, const char *s, bool required, size_t max,
			      bool multiline, struct nb_error *err)
{
	if (!s || !*s) {
		if (!required)
			return NB_OK;
		return nb_error_set(err, NB_EINVAL, id, _("%s is needed here."), named(id));
	}
	if (strlen(s) > max)
		return nb_error_set(err, NB_EINVAL, id,
				    _("%s is too long: at most %zu bytes, this is %zu."),
				    named(id), max, strlen(s));
	if (!nb_text_ok(s, multiline))
		return nb_error_set(err, NB_EINVAL, id,
				    _("%s contains characters that are not text (invalid UTF-8 or control characters)."),
				    named(id));
	return NB_OK;
}

static enum nb_err check_term(const char *id, enum nb_vocab v, const char *s, bool required,
			      struct nb_error *err)
{
	enum nb_err rc = check_text(id, s, required, NB_NAME_MAX, false, err);
	char allowed[512] = "";
	size_t n;
	const struct nb_term *t;

	if (rc || !s || !vocab_is_closed(v))
		return rc;
	t = vocab_terms(v, &n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, t[i].id) == 0)
			return NB_OK;
	for (size_t i = 0; i < n; i++) {
		strncat(allowed, t[i].id, sizeof allowed - strlen(allowed) - 1);
		if (i + 1 < n)
			strncat(allowed, ", ", sizeof allowed - strlen(allowed) - 1);
	}
	return nb_error_set(err, NB_EINVAL, id, _("%s: \"%s\" is not one of: %s."), named(id),
			    nb_shown(s), allowed);
}

static enum nb_err check_items(const char *id, enum nb_vocab v, const struct nb_items *l, int max,
			       struct nb_error *err)
{
	enum nb_err rc;

	if (l->n > (size_t)max)
		return nb_error_set(err, NB_EINVAL, id, _("%s: at most %d, you gave %zu."), named(id),
				    max, l->n);
	for (size_t i = 0; i < l->n; i++) {
		if ((rc = check_term(id, v, l->v[i].term, true, err)) ||
		    (rc = check_term("place", NB_VOCAB_PLACE, l->v[i].place, false, err)) ||
		    (rc = check_scale("intensity", l->v[i].intensity, NB_SCALE_MIN, NB_SCALE_MAX, true, err)))
			return rc;
	}
	return NB_OK;
}

/* --- from and to words --------------------------------------------------- */

static bool no_answer(const char *s)
{
	return !*s || strcmp(s, "-") == 0 || strcmp(s, "none") == 0;
}

/* --- each type of field -------------------------------------------------
 *
 * What a field does by its type, one function of each kind per type and the
 * table that joins them (ftype_ops): its value answered or not, freed,
 * kept in a store's row, checked, read from a person's words and said.
 * The faces and the store ask the table; no switch over the types is
 * written elsewhere.
 */

/* whole numbers: a scale, a duration, hours of sleep */

static bool int_answered(const struct nb_entry *e, const struct nb_field *f)
{
	return field_int_of(e, f) != field_unset(f);
}

static void int_to_cell(const struct nb_entry *e, const struct nb_field *f, struct nb_value *v,
			struct nb_buf *tmp)
{
	(void)tmp;
	v->i = field_int_of(e, f);
	v->null = !(f->flags & NB_FF_NOTNULL) && v->i == field_unset(f);
}

static void int_from_cell(struct nb_entry *e, const struct nb_field *f, const struct nb_value *v)
{
	*field_int(e, f) = v->null ? field_unset(f) : (int)v->i;
}

static enum nb_err scale_check(const struct nb_entry *e, const struct nb_field *f, struct nb_error *err)
{
	return check_scale(f->id, field_int_of(e, f), f->lo, f->hi, !(f->flags & NB_FF_REQUIRED), err);
}

static enum nb_err seconds_check(const struct nb_entry *e, const struct nb_field *f, struct nb_error *err)
{
	int v = field_int_of(e, f);
	char given[24];

	if ((!(f->flags & NB_FF_REQUIRED) && v == 0) || (v >= 1 && v <= f->hi))
		return NB_OK;
	snprintf(given, sizeof given, "%d", v);
	return nb_error_set(err, NB_EINVAL, f->id,
			    _("%s must be from 1 second to %d hours, in seconds (you gave %s)."),
			    named(f->id), f->hi / 3600, given);
}

static enum nb_err minutes_check(const struct nb_entry *e, const struct nb_field *f, struct nb_error *err)
{
	int v = field_int_of(e, f);
	char given[24];

	if (v >= -1 && v <= f->hi)
		return NB_OK;
	snprintf(given, sizeof given, "%d", v);
	return nb_error_set(err, NB_EINVAL, f->id,
			    _("%s must be a number of hours from 0 to 24, like 7.5 or 7:30 (you gave \"%s\")."),
			    named(f->id), nb_shown(given));
}

static enum nb_err scale_parse(struct nb_entry *e, const struct nb_field *f, const char *s,
			       struct nb_error *err)
{
	return parse_scale(f->id, s, f->lo, f->hi, field_int(e, f), err);
}

static enum nb_err seconds_parse(struct nb_entry *e, const struct nb_field *f, const char *s,
				 struct nb_error *err)
{
	if (no_answer(s)) {
		*field_int(e, f) = 0;
		return NB_OK;
	}
	return parse_seconds(f->id, s, f->hi, field_int(e, f), err);
}

static enum nb_err minutes_parse(struct nb_entry *e, const struct nb_field *f, const char *s,
				 struct nb_error *err)
{
	return parse_sleep(s, field_int(e, f), err);
}

static void scale_describe(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b)
{
	buf_addf(b, _("%d of %d"), field_int_of(e, f), f->hi);
}

static void seconds_describe(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b)
{
	describe_duration(b, field_int_of(e, f));
}

static void minutes_describe(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b)
{
	int v = field_int_of(e, f);

	buf_addf(b, _("%d:%02d hours"), v / 60, v % 60);
}

static bool scale_sum(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b)
{
	buf_addi(b, field_int_of(e, f));
	return true;
}

static bool seconds_sum(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b)
{
	describe_duration(b, field_int_of(e, f));
	return true;
}

static bool minutes_sum(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b)
{
	int n = field_int_of(e, f);

	buf_addf(b, "%d:%02d", n / 60, n % 60);
	return true;
}

static void scale_typed(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b)
{
	buf_addi(b, field_int_of(e, f));
}

static void minutes_typed(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b)
{
	minutes_sum(e, f, b);
}

/* texts: a term, a line, a text, a prompt, a member */

static bool str_answered(const struct nb_entry *e, const struct nb_field *f)
{
	const char *s = field_str_of(e, f);

	return s && *s;
}

static void str_release(struct nb_entry *e, const struct nb_field *f)
{
	free(*field_str(e, f));
}

static void str_to_cell(const struct nb_entry *e, const struct nb_field *f, struct nb_value *v,
			struct nb_buf *tmp)
{
	(void)tmp;
	v->s = field_str_of(e, f);
	v->null = !v->s;
}

static void str_from_cell(struct nb_entry *e, const struct nb_field *f, const struct nb_value *v)
{
	*field_str(e, f) = v->null || !v->s ? NULL : xstrdup(v->s);
}

static enum nb_err term_check(const struct nb_entry *e, const struct nb_field *f, struct nb_error *err)
{
	return check_term(f->id, f->vocab, field_str_of(e, f), f->flags & NB_FF_REQUIRED, err);
}

static enum nb_err line_check(const struct nb_entry *e, const struct nb_field *f, struct nb_error *err)
{
	return check_text(f->id, field_str_of(e, f), f->flags & NB_FF_REQUIRED, f->max ? f->max : NB_NAME_MAX,
			  false, err);
}

static enum nb_err prompt_check(const struct nb_entry *e, const struct nb_field *f, struct nb_error *err)
{
	return check_text(f->id, field_str_of(e, f), f->flags & NB_FF_REQUIRED, NB_NAME_MAX, false, err);
}

static enum nb_err text_check(const struct nb_entry *e, const struct nb_field *f, struct nb_error *err)
{
	return check_text(f->id, field_str_of(e, f), f->flags & NB_FF_REQUIRED, NB_TEXT_MAX, true, err);
}

static enum nb_err term_parse(struct nb_entry *e, const struct nb_field *f, const char *s,
			      struct nb_error *err)
{
	char *id = NULL;
	enum nb_err rc;

	if (no_answer(s)) {
		xstrset(field_str(e, f), NULL);
		return NB_OK;
	}
	if ((rc = parse_term(f->id, f->vocab, s, &id, err)))
		return rc;
	free(*field_str(e, f));
	*field_str(e, f) = id;
	return NB_OK;
}

static enum nb_err str_parse(struct nb_entry *e, const struct nb_field *f, const char *s,
			     struct nb_error *err)
{
	(void)err;
	xstrset(field_str(e, f), *s ? s : NULL);
	return NB_OK;
}

static enum nb_err prompt_parse(struct nb_entry *e, const struct nb_field *f, const char *s,
				struct nb_error *err)
{
	if (*s && !prompt_known(s))
		return nb_error_set(err, NB_EINVAL, f->id, _("\"%s\" is not one of nabij's prompts."), nb_shown(s));
	return str_parse(e, f, s, err);
}

static void term_describe(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b)
{
	buf_add(b, vocab_label(f->vocab, field_str_of(e, f)));
}

static void prompt_describe(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b)
{
	buf_add(b, prompt_text(field_str_of(e, f)));
}

static void text_describe(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b)
{
	buf_add(b, field_str_of(e, f));
}

static bool term_sum(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b)
{
	buf_add(b, vocab_label(f->vocab, field_str_of(e, f)));
	return true;
}

static bool text_sum(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b)
{
	if (f->sum.cut)
		describe_cut(b, field_str_of(e, f), (size_t)f->sum.cut);
	else
		buf_add(b, field_str_of(e, f));
	return true;
}

/* lists: items {name, place, intensity} and plain terms */

static bool items_answered(const struct nb_entry *e, const struct nb_field *f)
{
	return field_items_of(e, f)->n > 0;
}

static void items_release(struct nb_entry *e, const struct nb_field *f)
{
	items_clear(field_items(e, f));
}

static enum nb_err items_check(const struct nb_entry *e, const struct nb_field *f, struct nb_error *err)
{
	return check_items(f->id, f->vocab, field_items_of(e, f), f->hi ? f->hi : NB_ITEMS_MAX, err);
}

static enum nb_err items_parse(struct nb_entry *e, const struct nb_field *f, const char *s,
			       struct nb_error *err)
{
	return *s ? parse_list(f->id, f->vocab, s, field_items(e, f), err) : NB_OK;
}

static void items_describe(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b)
{
	describe_items(b, f->vocab, field_items_of(e, f));
}

static bool items_sum(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b)
{
	describe_items(b, f->vocab, field_items_of(e, f));
	return true;
}

/* by the words of its terms and their places: "tension in shoulders,
 * tiredness"; a strength is left out, as the page's box of a list has
 * always shown it (the strengths of feelings are typed in .other's box) */
static void items_typed(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b)
{
	const struct nb_items *l = field_items_of(e, f);

	for (size_t i = 0; i < l->n; i++) {
		buf_add(b, i ? ", " : "");
		buf_add(b, vocab_label(f->vocab, l->v[i].term));
		if (l->v[i].place)
			buf_say(b, _(" in %s"), (const char *[]){ vocab_label(NB_VOCAB_PLACE, l->v[i].place) }, 1);
	}
}

/* a flag: yes or no, in words of its own (.low, .high) */

static bool always_answered(const struct nb_entry *e, const struct nb_field *f)
{
	(void)e, (void)f;
	return true;
}

static void flag_to_cell(const struct nb_entry *e, const struct nb_field *f, struct nb_value *v,
			 struct nb_buf *tmp)
{
	(void)tmp;
	v->null = false;
	v->i = field_flag_of(e, f);
}

static void flag_from_cell(struct nb_entry *e, const struct nb_field *f, const struct nb_value *v)
{
	*field_flag(e, f) = !v->null && v->i != 0;
}

static enum nb_err flag_parse(struct nb_entry *e, const struct nb_field *f, const char *s,
			      struct nb_error *err)
{
	(void)err;
	*field_flag(e, f) = strcmp(s, "yes") == 0 || strcmp(s, "1") == 0 || strcmp(s, "on") == 0;
	return NB_OK;
}

static void flag_describe(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b)
{
	buf_add(b, _(field_flag_of(e, f) ? f->high : f->low));
}

static bool flag_sum(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b)
{
	(void)b;
	return field_flag_of(e, f);	/* its words are the summary's (sum.fmt) */
}

/* the answers of the attachment reflection, each from lo to hi */

static bool answers_answered(const struct nb_entry *e, const struct nb_field *f)
{
	const int *a = field_answers_of(e, f);

	for (int i = 0; i < NB_ATTACHMENT_ITEMS; i++)
		if (!a[i])
			return false;
	return true;
}

static void answers_to_cell(const struct nb_entry *e, const struct nb_field *f, struct nb_value *v,
			    struct nb_buf *tmp)
{
	field_answers_text(e, f, ',', tmp);
	v->null = false;
	v->s = tmp->s ? tmp->s : "";
}

static void answers_from_cell(struct nb_entry *e, const struct nb_field *f, const struct nb_value *v)
{
	int *a = field_int(e, f);
	const char *p = v->null ? NULL : v->s;

	for (int k = 0; p && k < NB_ATTACHMENT_ITEMS; k++) {
		a[k] = atoi(p);
		p = strchr(p, ',');
		p = p ? p + 1 : NULL;
	}
}

static enum nb_err answers_check(const struct nb_entry *e, const struct nb_field *f, struct nb_error *err)
{
	const int *a = field_answers_of(e, f);
	enum nb_err rc;

	for (int i = 0; i < NB_ATTACHMENT_ITEMS; i++)
		if ((rc = check_scale(f->id, a[i], f->lo, f->hi, false, err)))
			return rc;
	return NB_OK;
}

/* "4,2,6,...": every answer, each from lo to hi */
static enum nb_err answers_parse(struct nb_entry *e, const struct nb_field *f, const char *s,
				 struct nb_error *err)
{
	int *a = field_int(e, f), i = 0;
	char *copy = xstrdup(s), *save = NULL;
	enum nb_err rc = NB_OK;

	for (char *tok = strtok_r(copy, ",", &save); tok && !rc; tok = strtok_r(NULL, ",", &save), i++)
		if (i < NB_ATTACHMENT_ITEMS)
			rc = parse_scale(f->id, tok, f->lo, f->hi, &a[i], err);
	free(copy);
	if (!rc && i != NB_ATTACHMENT_ITEMS)
		rc = nb_error_set(err, NB_EINVAL, f->id,
				  _("--%s takes %d answers from %d to %d, separated by commas (you gave %d)."),
				  field_flag_name(f), NB_ATTACHMENT_ITEMS, f->lo, f->hi, i);
	if (!rc && !answers_answered(e, f))
		rc = nb_error_set(err, NB_EINVAL, f->id, _("Every statement needs an answer from 1 to 7."));
	return rc;
}

static const struct nb_ftype_ops ftypes[NB_FT__COUNT] = {
	[NB_FT_SCALE] = { NB_CELL_INT, false, 0, int_answered, NULL, int_to_cell, int_from_cell,
			  scale_check, scale_parse, scale_describe, scale_sum, scale_typed },
	[NB_FT_SECONDS] = { NB_CELL_INT, false, 0, int_answered, NULL, int_to_cell, int_from_cell,
			    seconds_check, seconds_parse, seconds_describe, seconds_sum, seconds_describe },
	[NB_FT_MINUTES] = { NB_CELL_INT, false, -1, int_answered, NULL, int_to_cell, int_from_cell,
			    minutes_check, minutes_parse, minutes_describe, minutes_sum, minutes_typed },
	[NB_FT_TERM] = { NB_CELL_TEXT, false, 0, str_answered, str_release, str_to_cell, str_from_cell,
			 term_check, term_parse, term_describe, term_sum, term_describe },
	[NB_FT_LINE] = { NB_CELL_TEXT, false, 0, str_answered, str_release, str_to_cell, str_from_cell,
			 line_check, str_parse, text_describe, text_sum, text_describe },
	[NB_FT_TEXT] = { NB_CELL_TEXT, false, 0, str_answered, str_release, str_to_cell, str_from_cell,
			 text_check, str_parse, text_describe, text_sum, text_describe },
	[NB_FT_PROMPT] = { NB_CELL_TEXT, false, 0, str_answered, str_release, str_to_cell, str_from_cell,
			   prompt_check, prompt_parse, prompt_describe, text_sum, text_describe },
	[NB_FT_ITEMS] = { NB_CELL_NONE, false, 0, items_answered, items_release, NULL, NULL,
			  items_check, items_parse, items_describe, items_sum, items_typed },
	[NB_FT_TERMS] = { NB_CELL_NONE, false, 0, items_answered, items_release, NULL, NULL,
			  items_check, items_parse, items_describe, items_sum, items_typed },
	[NB_FT_FLAG] = { NB_CELL_INT, false, 0, always_answered, NULL, flag_to_cell, flag_from_cell,
			 NULL, flag_parse, flag_describe, flag_sum, NULL },
	/* a member is named by the uid of their record: kept, not typed */
	[NB_FT_MEMBER] = { NB_CELL_TEXT, true, 0, str_answered, str_release, str_to_cell, str_from_cell,
			   NULL, str_parse, NULL, NULL, NULL },
	[NB_FT_ANSWERS] = { NB_CELL_TEXT, false, 0, answers_answered, NULL, answers_to_cell, answers_from_cell,
			    answers_check, answers_parse, NULL, NULL, NULL },
};

const struct nb_ftype_ops *ftype_ops(enum nb_ftype t)
{
	return &ftypes[t];
}

int field_unset(const struct nb_field *f)
{
	return ftypes[f->type].unset;
}

bool field_answered(const struct nb_entry *e, const struct nb_field *f)
{
	return ftypes[f->type].answered(e, f);
}

void field_to_cell(const struct nb_entry *e, const struct nb_field *f, struct nb_value *v, struct nb_buf *tmp)
{
	memset(v, 0, sizeof *v);
	v->null = true;
	if (ftypes[f->type].to_cell)
		ftypes[f->type].to_cell(e, f, v, tmp);
}

void field_from_cell(struct nb_entry *e, const struct nb_field *f, const struct nb_value *v)
{
	if (ftypes[f->type].from_cell)
		ftypes[f->type].from_cell(e, f, v);
}

enum nb_err fields_validate(const struct nb_entry *e, struct nb_error *err)
{
	size_t n;
	const struct nb_field *f = fields_of(e->type, &n);
	enum nb_err rc;

	if (!f)
		return nb_error_set(err, NB_EINVAL, "type", _("Unknown kind of record."));
	for (size_t i = 0; i < n; i++)
		if (ftypes[f[i].type].check && (rc = ftypes[f[i].type].check(e, &f[i], err)))
			return rc;
	return NB_OK;
}

enum nb_err field_parse(struct nb_entry *e, const struct nb_field *f, const char *s,
			struct nb_error *err)
{
	if (ftypes[f->type].parse)
		return ftypes[f->type].parse(e, f, s ? s : "", err);
	return nb_error_set(err, NB_EINVAL, f->id, _("%s cannot be given this way."), named(f->id));
}

enum nb_err field_set(struct nb_entry *e, const struct nb_field *f, const char *s,
		      struct nb_error *err)
{
	const struct nb_field *kind;
	size_t n;
	char *was = (f->flags & NB_FF_NAMES) && field_str_of(e, f) ? xstrdup(field_str_of(e, f)) : NULL;
	enum nb_err rc = field_parse(e, f, s, err);

	if (!rc && (f->flags & NB_FF_NAMES) && (!was || !field_str_of(e, f) || strcmp(was, field_str_of(e, f)) != 0)) {
		kind = fields_of(e->type, &n);
		for (size_t i = 0; i < n; i++)
			if (kind[i].type == NB_FT_MEMBER)
				xstrset(field_str(e, &kind[i]), NULL);
	}
	free(was);
	return rc;
}

bool fields_complete(const struct nb_entry *e)
{
	size_t n;
	const struct nb_field *f = fields_of(e->type, &n);

	for (size_t i = 0; i < n; i++)
		if ((f[i].flags & NB_FF_REQUIRED) && !field_answered(e, &f[i]))
			return false;
	return true;
}

void field_describe(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b)
{
	if (f->label && ftypes[f->type].describe && field_answered(e, f))
		ftypes[f->type].describe(e, f, b);
}

bool field_sum(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b)
{
	return ftypes[f->type].sum && ftypes[f->type].sum(e, f, b);
}

void field_typed(const struct nb_entry *e, const struct nb_field *f, struct nb_buf *b)
{
	if (ftypes[f->type].typed && field_answered(e, f))
		ftypes[f->type].typed(e, f, b);
}

/* The words of term in vocab v for the index: its id, its label in English
 * and in the language of the moment, and its synonyms. */
static void term_words(enum nb_vocab v, const char *term, struct nb_buf *words)
{
	const struct nb_term *t = v == NB_VOCAB_FREE ? NULL : vocab_find(v, term);

	if (!t)
		return;
	buf_addf(words, "%s %s %s ", t->id, t->label, _(t->label));
	vocab_words(v, t->id, words);
	buf_addc(words, ' ');
}

void fields_search_vocab(struct nb_buf *b)
{
	for (int v = 0; v < NB_VOCAB__COUNT; v++) {
		size_t n;
		const struct nb_term *t = vocab_terms((enum nb_vocab)v, &n);
		for (size_t i = 0; i < n; i++) {
			buf_addf(b, "%d %s ", v, _(t[i].label));
			term_words((enum nb_vocab)v, t[i].id, b);
			buf_addc(b, '\n');
		}
	}
}

void fields_search_text(const struct nb_entry *e, struct nb_buf *b, struct nb_buf *words)
{
	size_t n;
	const struct nb_field *f = fields_of(e->type, &n);

	for (size_t i = 0; i < n; i++) {
		const struct nb_items *l;
		if (!(f[i].flags & NB_FF_SEARCH) || (f[i].type != NB_FT_ITEMS && f[i].type != NB_FT_TERMS))
			continue;
		l = field_items_of(e, &f[i]);
		for (size_t j = 0; j < l->n; j++) {
			buf_add(b, vocab_label(f[i].vocab, l->v[j].term));
			buf_addc(b, ' ');
			term_words(f[i].vocab, l->v[j].term, words);
			if (l->v[j].place) {
				buf_add(b, vocab_label(NB_VOCAB_PLACE, l->v[j].place));
				buf_addc(b, ' ');
				term_words(NB_VOCAB_PLACE, l->v[j].place, words);
			}
		}
	}
	for (size_t i = 0; i < n; i++) {
		const char *s;
		if (!(f[i].flags & NB_FF_SEARCH) || f[i].type == NB_FT_ITEMS || f[i].type == NB_FT_TERMS)
			continue;
		if (!(s = field_str_of(e, &f[i])))
			continue;
		if (f[i].type == NB_FT_TERM) {	/* a kind of moment, an exercise: by its label */
			buf_add(b, vocab_label(f[i].vocab, s));
			term_words(f[i].vocab, s, words);
		} else {
			buf_add(b, s);
		}
		buf_addc(b, '\n');
	}
}

/* --- the measures of a day ----------------------------------------------- */

const struct nb_measure_info *measure_info(enum nb_measure m)
{
	return &measures[m];
}

size_t measures_in_checkin_order(enum nb_measure out[NB_M__COUNT])
{
	size_t n, k = 0;
	const struct nb_field *f = fields_of(NB_CHECKIN, &n);

	for (size_t i = 0; i < n; i++)
		for (int m = 0; m < NB_M__COUNT; m++)
			if (strcmp(measures[m].field, f[i].id) == 0)
				out[k++] = (enum nb_measure)m;
	return k;
}

const struct nb_term *measure_outcomes(size_t *n)
{
	/* made once from the rows: a vocabulary is a list of terms */
	static struct nb_term terms[NB_M__COUNT];
	static size_t count;
	static bool made;

	for (int k = 1; !made && k <= NB_M__COUNT; k++)
		for (int m = 0; m < NB_M__COUNT; m++)
			if (measures[m].outcome == k)
				terms[count++] = (struct nb_term){ measures[m].field, measures[m].name };
	made = true;
	*n = count;
	return terms;
}

const struct nb_field *measure_field(enum nb_measure m)
{
	return field_find(NB_CHECKIN, measures[m].field);
}

const struct nb_measure_info *field_measure(const struct nb_field *f)
{
	for (int m = 0; m < NB_M__COUNT; m++)
		if (measure_field((enum nb_measure)m) == f)
			return &measures[m];
	return NULL;
}

double measure_of(const struct nb_entry *c, enum nb_measure m)
{
	const struct nb_field *f = measure_field(m);

	if (!f || c->type != NB_CHECKIN || !field_answered(c, f))
		return NAN;
	return (double)field_int_of(c, f) / measures[m].per;
}
