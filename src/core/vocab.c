/* The vocabulary tables. Ids never change once released: they are in
 * people's databases and exports. Add new terms at the end of a list (a
 * catch-all "other" stays last). */
#include "vocab.h"
#include "field.h"
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
	{ "jealousy", N_("jealousy") },
	{ "insecurity", N_("insecurity") },
	{ "longing", N_("longing") },
	{ "irritability", N_("irritability") },
	{ "craving", N_("craving") },
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
	{ "racing-heart", N_("racing heart") },
	{ "knot", N_("knot in the stomach") },
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
	{ "activated", N_("racing and restless (activated)") },
	{ "shutdown", N_("numb and far away (shut down)") },
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
	{ "close", N_("sitting or leaning close") },
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
	{ "heartbeat", N_("heartbeat calmed") },
	{ "muscles", N_("muscles let go") },
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
	{ "urge", N_("riding an urge") },
};

static const struct nb_term phases[] = {
	{ "start", N_("an intense start") },
	{ "distance", N_("fear and distance") },
	{ "clash", N_("a clash of longing and withdrawal") },
	{ "turning", N_("a turning point") },
};

/* A personal experiment (core/experiment.h): the practice tried and where
 * it stands. The outcome it watches is a measure of the check-in: the
 * measures' rows (core/field.c, .outcome) are that vocabulary. */
static const struct nb_term practices[] = {
	{ "embrace", N_("a daily hug or sitting close, with a friend or a grandchild") },
	{ "evening-breath", N_("the breathing exercise in the evening") },
	{ "reach-out", N_("a message or call to someone of your circle") },
	{ "self-touch", N_("self-touch before sleep") },
	{ "own", N_("something in your own words") },
};

static const struct nb_term exp_states[] = {
	{ "running", N_("running") },
	{ "paused", N_("paused") },
	{ "stopped", N_("stopped") },
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
	[NB_VOCAB_PRACTICE] = LIST(practices),
	[NB_VOCAB_EXP_STATE] = LIST(exp_states),
};

const struct nb_term *vocab_terms(enum nb_vocab v, size_t *n)
{
	if (v >= NB_VOCAB__COUNT) {
		*n = 0;
		return NULL;
	}
	if (v == NB_VOCAB_OUTCOME)
		return measure_outcomes(n);
	*n = lists[v].n;
	return lists[v].terms;
}

bool vocab_is_closed(enum nb_vocab v)
{
	return v == NB_VOCAB_STATE || v == NB_VOCAB_MOMENT_KIND ||
	       v == NB_VOCAB_SAFE || v == NB_VOCAB_EXERCISE || v == NB_VOCAB_PHASE ||
	       v == NB_VOCAB_PRACTICE || v == NB_VOCAB_OUTCOME || v == NB_VOCAB_EXP_STATE;
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

/* The label up to " (", so "racing and restless" finds "racing and restless (activated)". */
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

/*
 * The words people use for a term, in English and Dutch, beside its label:
 * "verbondenheid" is the need connection, "huidhonger" belongs to
 * loneliness. Comma-separated; matched like labels, whole and ignoring case.
 */
static const struct {
	enum nb_vocab v;
	const char *id;
	const char *words;
} synonyms[] = {
	{ NB_VOCAB_EMOTION, "anger", "angry,mad,furious,rage,boos,woede,kwaad,woedend" },
	{ NB_VOCAB_EMOTION, "sadness", "sad,grief,verdriet,verdrietig,droevig,rouw" },
	{ NB_VOCAB_EMOTION, "joy", "happy,glad,blij,vreugde,blijdschap,plezier" },
	{ NB_VOCAB_EMOTION, "fear", "afraid,scared,anxious,anxiety,bang,angst,angstig" },
	{ NB_VOCAB_EMOTION, "calm", "peaceful,at ease,kalm,rust,rustig,kalmte" },
	{ NB_VOCAB_EMOTION, "emptiness", "empty,hollow,leeg,leegte" },
	{ NB_VOCAB_EMOTION, "shame", "ashamed,embarrassed,schaamte,beschaamd,schaam" },
	{ NB_VOCAB_EMOTION, "loneliness", "lonely,alone,isolated,skin hunger,eenzaam,eenzaamheid,alleen,huidhonger" },
	{ NB_VOCAB_EMOTION, "tenderness", "tender,affection,teder,tederheid,genegenheid" },
	{ NB_VOCAB_EMOTION, "guilt", "guilty,schuld,schuldig,schuldgevoel" },
	{ NB_VOCAB_EMOTION, "hope", "hopeful,hoop,hoopvol" },
	{ NB_VOCAB_EMOTION, "gratitude", "grateful,thankful,dankbaar,dankbaarheid" },
	{ NB_VOCAB_EMOTION, "jealousy", "jealous,envy,jaloers,jaloezie,afgunst" },
	{ NB_VOCAB_EMOTION, "insecurity", "insecure,unsure of myself,onzeker,onzekerheid" },
	{ NB_VOCAB_EMOTION, "longing", "yearning,missing someone,verlangen,gemis,heimwee" },
	{ NB_VOCAB_EMOTION, "craving", "urge,cravings,the urge to drink,the urge to use,hunger for it,trek,drang,zucht,hunkering,verlangen naar drank,drang om te gebruiken" },
	{ NB_VOCAB_STATE, "activated", "activated,racing,restless,geactiveerd,opgejaagd,onrustig" },
	{ NB_VOCAB_STATE, "shutdown", "shut down,numb,far away,afgesloten,verdoofd,ver weg" },
	{ NB_VOCAB_EMOTION, "irritability", "irritated,irritable,annoyed,prikkelbaar,geirriteerd,geïrriteerd,irritatie" },
	{ NB_VOCAB_NEED, "rest", "sleep,a break,rust,uitrusten,slaap,pauze" },
	{ NB_VOCAB_NEED, "contact", "company,people,gezelschap,mensen,aanspraak" },
	{ NB_VOCAB_NEED, "movement", "exercise,a walk,beweging,bewegen,wandelen,sporten" },
	{ NB_VOCAB_NEED, "boundaries", "limits,space,grenzen,ruimte" },
	{ NB_VOCAB_NEED, "softness", "gentleness,comfort,zachtheid,troost" },
	{ NB_VOCAB_NEED, "safety", "security,feeling safe,veiligheid,veilig" },
	{ NB_VOCAB_NEED, "connection", "belonging,closeness,verbondenheid,verbinding,nabijheid,erbij horen" },
	{ NB_VOCAB_NEED, "appreciation", "recognition,being seen,waardering,erkenning,gezien worden" },
	{ NB_VOCAB_SENSATION, "tension", "tense,tight,gespannen,spanning,strak" },
	{ NB_VOCAB_SENSATION, "relaxation", "relaxed,loose,ontspannen,ontspanning" },
	{ NB_VOCAB_SENSATION, "energy", "energetic,energie,energiek" },
	{ NB_VOCAB_SENSATION, "tiredness", "tired,exhausted,fatigue,moe,moeheid,vermoeidheid,uitgeput" },
	{ NB_VOCAB_SENSATION, "restlessness", "restless,jittery,onrust,onrustig,opgejaagd" },
	{ NB_VOCAB_SENSATION, "heaviness", "heavy,zwaar,zwaarte" },
	{ NB_VOCAB_SENSATION, "warmth", "warm,warmte" },
	{ NB_VOCAB_SENSATION, "pain", "ache,hurt,sore,pijn,zeer" },
	{ NB_VOCAB_SENSATION, "numbness", "numb,verdoofd,gevoelloos,verdoving" },
	{ NB_VOCAB_SENSATION, "racing-heart", "heart racing,palpitations,pounding heart,hartkloppingen,bonzend hart,hartkloppen" },
	{ NB_VOCAB_SENSATION, "knot", "knot,knot in my stomach,butterflies,knoop,knoop in mijn maag,knoop in de maag" },
	{ NB_VOCAB_PLACE, "head", "my head,hoofd,mijn hoofd,hoofdpijn" },
	{ NB_VOCAB_PLACE, "jaw", "kaak,kaken" },
	{ NB_VOCAB_PLACE, "throat", "keel" },
	{ NB_VOCAB_PLACE, "neck", "nek" },
	{ NB_VOCAB_PLACE, "shoulders", "shoulder,schouder,schouders" },
	{ NB_VOCAB_PLACE, "chest", "heart,borst,borstkas,hart" },
	{ NB_VOCAB_PLACE, "belly", "stomach,tummy,buik,maag" },
	{ NB_VOCAB_PLACE, "back", "rug,onderrug" },
	{ NB_VOCAB_PLACE, "arms", "arm,armen" },
	{ NB_VOCAB_PLACE, "hands", "hand,handen" },
	{ NB_VOCAB_PLACE, "legs", "leg,been,benen" },
	{ NB_VOCAB_PLACE, "whole", "everywhere,all over,overal,heel mijn lijf,hele lichaam" },
	{ NB_VOCAB_EFFECT, "heartbeat", "heart calmed,heart slowed,hartslag rustiger,rustiger hart,hart kwam tot rust" },
	{ NB_VOCAB_EFFECT, "muscles", "muscles relaxed,muscles softened,spieren ontspanden,spieren lieten los" },
	{ NB_VOCAB_MOMENT_KIND, "close", "sitting close,leaning,leaning close,cuddle on the sofa,dicht bij,tegen iemand aan,leunen,naast elkaar" },
	{ NB_VOCAB_MOMENT_KIND, "hug", "embrace,cuddle,knuffel,knuffelen,omhelzing,omhelzen" },
	{ NB_VOCAB_MOMENT_KIND, "self", "hand on my heart,hugging myself,zelfaanraking,hand op mijn hart" },
	{ NB_VOCAB_MOMENT_KIND, "animal", "pet,dog,cat,huisdier,hond,kat,poes" },
	{ NB_VOCAB_MOMENT_KIND, "talk", "conversation,call,gesprek,praten,bellen" },
	{ NB_VOCAB_MOMENT_KIND, "massage", "body care,hairdresser,kapper,lichaamsverzorging" },
};

/* Whether word is one of the comma-separated words of list. */
static bool in_words(const char *word, const char *list)
{
	char one[96];

	while (*list) {
		size_t n = strcspn(list, ",");
		if (n < sizeof one) {
			memcpy(one, list, n);
			one[n] = '\0';
			if (same_word(word, one))
				return true;
		}
		list += n + (list[n] == ',');
	}
	return false;
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
	for (size_t k = 0; k < sizeof synonyms / sizeof synonyms[0]; k++)
		if (synonyms[k].v == v && in_words(word, synonyms[k].words))
			for (size_t i = 0; i < n; i++)
				if (strcmp(t[i].id, synonyms[k].id) == 0)
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

void vocab_words(enum nb_vocab v, const char *id, struct nb_buf *out)
{
	for (size_t k = 0; k < sizeof synonyms / sizeof synonyms[0]; k++)
		if (synonyms[k].v == v && strcmp(synonyms[k].id, id) == 0)
			for (const char *p = synonyms[k].words; *p; p++)
				buf_addc(out, *p == ',' ? ' ' : *p);
}
