/* The vocabulary tables. Ids never change once released: they are in
 * people's databases and exports. Add new terms at the end of a list. */
#include "vocab.h"
#include "i18n.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static const struct nb_term emotions[] = {
	{ "anger", N_("anger") },
	{ "sadness", N_("sadness") },
	{ "joy", N_("joy") },
	{ "fear", N_("fear") },
	{ "calm", N_("calm") },
	{ "emptiness", N_("emptiness") },
	{ "shame", N_("shame") },
	{ "loneliness", N_("loneliness") },
	{ "tenderness", N_("tenderness") },
	{ "guilt", N_("guilt") },
	{ "hope", N_("hope") },
	{ "gratitude", N_("gratitude") },
};

static const struct nb_term needs[] = {
	{ "rest", N_("rest") },
	{ "contact", N_("contact") },
	{ "movement", N_("movement") },
	{ "boundaries", N_("boundaries") },
	{ "softness", N_("softness") },
	{ "safety", N_("safety") },
	{ "connection", N_("connection") },
	{ "appreciation", N_("appreciation") },
};

static const struct nb_term sensations[] = {
	{ "tension", N_("tension") },
	{ "relaxation", N_("relaxation") },
	{ "energy", N_("energy") },
	{ "tiredness", N_("tiredness") },
	{ "restlessness", N_("restlessness") },
	{ "heaviness", N_("heaviness") },
	{ "warmth", N_("warmth") },
	{ "pain", N_("pain") },
	{ "numbness", N_("numbness") },
};

static const struct nb_term places[] = {
	{ "head", N_("head") },
	{ "jaw", N_("jaw") },
	{ "throat", N_("throat") },
	{ "neck", N_("neck") },
	{ "shoulders", N_("shoulders") },
	{ "chest", N_("chest") },
	{ "belly", N_("belly") },
	{ "back", N_("back") },
	{ "arms", N_("arms") },
	{ "hands", N_("hands") },
	{ "legs", N_("legs") },
	{ "whole", N_("whole body") },
};

static const struct nb_term states[] = {
	{ "calm", N_("calm and connected") },
	{ "activated", N_("activated (racing, restless)") },
	{ "shutdown", N_("shut down (numb, far away)") },
};

static const struct nb_term kinds[] = {
	{ "hug", N_("hug") },
	{ "hand", N_("hand held or on a shoulder") },
	{ "arm", N_("arm around me") },
	{ "self", N_("self-touch") },
	{ "animal", N_("petting an animal") },
	{ "talk", N_("real conversation") },
	{ "gesture", N_("smile or kind gesture") },
	{ "massage", N_("massage or body care") },
	{ "other", N_("something else") },
};

static const struct nb_term effects[] = {
	{ "breath", N_("breath dropped") },
	{ "shoulders", N_("shoulders softened") },
	{ "sigh", N_("sigh") },
	{ "warmth", N_("warmth") },
	{ "space", N_("more space in chest or belly") },
	{ "tears", N_("tears") },
	{ "stiffening", N_("stiffening") },
	{ "pulling-back", N_("pulling back") },
};

static const struct nb_term safe[] = {
	{ "yes", N_("yes") },
	{ "no", N_("no") },
	{ "unsure", N_("unsure") },
};

static const struct nb_term exercises[] = {
	{ "breath", N_("self-soothing breath") },
	{ "compassion", N_("self-compassion pause") },
	{ "grounding", N_("here-and-now grounding") },
	{ "memory", N_("safe memory") },
	{ "place", N_("safe place") },
	{ "meeting", N_("preparing a real meeting") },
	{ "closeness", N_("asking for closeness") },
};

static const struct nb_term phases[] = {
	{ "start", N_("an intense start") },
	{ "distance", N_("fear and distance") },
	{ "clash", N_("a clash of longing and withdrawal") },
	{ "turning", N_("a turning point") },
};

#define LIST(a) { a, sizeof a / sizeof a[0] }

static const struct {
	const struct nb_term *terms;
	size_t n;
} lists[NB_VOCAB__COUNT] = {
	[NB_VOCAB_EMOTION] = LIST(emotions),
	[NB_VOCAB_NEED] = LIST(needs),
	[NB_VOCAB_SENSATION] = LIST(sensations),
	[NB_VOCAB_PLACE] = LIST(places),
	[NB_VOCAB_STATE] = LIST(states),
	[NB_VOCAB_MOMENT_KIND] = LIST(kinds),
	[NB_VOCAB_EFFECT] = LIST(effects),
	[NB_VOCAB_SAFE] = LIST(safe),
	[NB_VOCAB_EXERCISE] = LIST(exercises),
	[NB_VOCAB_PHASE] = LIST(phases),
};

const struct nb_term *vocab_terms(enum nb_vocab v, size_t *n)
{
	if (v >= NB_VOCAB__COUNT) {
		*n = 0;
		return NULL;
	}
	*n = lists[v].n;
	return lists[v].terms;
}

bool vocab_is_closed(enum nb_vocab v)
{
	return v == NB_VOCAB_STATE || v == NB_VOCAB_MOMENT_KIND ||
	       v == NB_VOCAB_SAFE || v == NB_VOCAB_EXERCISE || v == NB_VOCAB_PHASE;
}

/* Compare word (with surrounding space) to s, ignoring ASCII case. */
static bool same_word(const char *word, const char *s)
{
	size_t n;

	while (isspace((unsigned char)*word))
		word++;
	n = strlen(word);
	while (n && isspace((unsigned char)word[n - 1]))
		n--;
	return n == strlen(s) && strncasecmp(word, s, n) == 0;
}

/* The label up to " (", so "activated" finds "activated (racing, restless)". */
static bool same_head(const char *word, const char *label)
{
	const char *paren = strstr(label, " (");
	char head[128];

	if (!paren || (size_t)(paren - label) >= sizeof head)
		return false;
	memcpy(head, label, (size_t)(paren - label));
	head[paren - label] = '\0';
	return same_word(word, head);
}

const struct nb_term *vocab_find(enum nb_vocab v, const char *word)
{
	size_t n;
	const struct nb_term *t = vocab_terms(v, &n);

	if (!word)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (same_word(word, t[i].id))
			return &t[i];
	for (size_t i = 0; i < n; i++)
		if (same_word(word, _(t[i].label)) || same_word(word, t[i].label) ||
		    same_head(word, _(t[i].label)))
			return &t[i];
	return NULL;
}

const char *vocab_label(enum nb_vocab v, const char *stored)
{
	size_t n;
	const struct nb_term *t = vocab_terms(v, &n);

	if (!stored)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (strcmp(stored, t[i].id) == 0)
			return _(t[i].label);
	return stored;
}
