/* The exercise catalogue, the pages and the theme search; see exercise.h. */
#include "exercise.h"
#include "buf.h"
#include "care.h"
#include "i18n.h"
#include "vocab.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static const struct nb_exercise exercises[] = {
	{
		"breath",
		N_("A longer out-breath tells your body it is safe enough, so the calmer, planning part of the mind can take over again."),
		{ N_("Sit or lie so that your body is supported."),
		  N_("Breathe in through your nose, counting slowly."),
		  N_("Hold the breath gently for a moment."),
		  N_("Breathe out slowly, longer than you breathed in."),
		  N_("Keep going for two or three minutes. Over the weeks you can make it a little longer."),
		  NULL },
		180, NB_GUIDE_PACER,
		"breath,breathing,calm,panic,anxiety,fear,stress,tension,restless,sleep,heart,"
		"adem,ademhaling,ademen,rust,kalm,paniek,angst,stress,spanning,onrustig,slaap,hart",
		NULL, { NULL },
		{ NULL },
		false,
	},
	{
		"compassion",
		N_("When the inner critic is loud, a kind word to yourself gives the part of you that hurts some room."),
		{ N_("Notice the critical voice. You do not have to argue with it."),
		  N_("Put a hand on your heart, or wherever touch feels comforting."),
		  N_("Say to yourself: this is hard right now."),
		  N_("Remember that other people feel this too. You are not alone in it."),
		  N_("Say one kind sentence to yourself, in your own words."),
		  NULL },
		120, NB_GUIDE_STEPS,
		"shame,guilt,critic,inner critic,self,kindness,failure,sad,sadness,touch,heart,"
		"schaamte,schuld,criticus,innerlijke criticus,zelf,vriendelijkheid,falen,verdriet,aanraking,hart",
		NULL, { NULL },
		{ N_("Recovery is not a straight line. I am allowed to learn, to stumble, and to be kind to myself while I do."), NULL },
		false,
	},
	{
		"grounding",
		N_("When you feel far away or flooded, your senses bring you back to this moment and to where you can find your footing."),
		{ N_("Feel the ground under your feet. Press them down a little."),
		  N_("Take three slow breaths."),
		  N_("Name five things you can see."),
		  N_("Name three things you can hear."),
		  N_("Name one thing you can smell or taste."),
		  N_("Notice that you are here, now."),
		  NULL },
		120, NB_GUIDE_STEPS,
		"numb,far away,dissociation,shut down,empty,emptiness,panic,flashback,present,here,now,"
		"verdoofd,ver weg,dissociatie,afgesloten,leeg,leegte,paniek,herbeleving,hier,nu",
		NULL, { NULL },
		{ NULL },
		false,
	},
	{
		"memory",
		N_("Remembering a moment of real closeness lets your body feel some of that safety again, even when you are alone."),
		{ N_("Breathe slowly for a few breaths."),
		  N_("Think of a moment when you felt close to someone, and safe."),
		  N_("Who was there? Where were you?"),
		  N_("What did you hear, and what did you do? What did you feel on your skin?"),
		  N_("Stay with it while you breathe slowly. Let the feeling spread a little."),
		  NULL },
		180, NB_GUIDE_STEPS,
		"lonely,loneliness,alone,closeness,love,warmth,memory,touch,hug,skin hunger,"
		"eenzaam,eenzaamheid,alleen,nabijheid,liefde,warmte,herinnering,aanraking,knuffel,huidhonger",
		NULL, { NULL },
		{ NULL },
		false,
	},
	{
		"place",
		N_("A place you can return to in your mind gives your nervous system somewhere to rest when tension rises."),
		{ N_("Close your eyes if that feels safe, or rest them on one spot."),
		  N_("Imagine a place, real or imagined, where you feel completely safe."),
		  N_("What do you see there? Which colours, which light?"),
		  N_("What do you hear there, and what do you smell?"),
		  N_("Rest there for a while. You can come back whenever tension rises."),
		  NULL },
		180, NB_GUIDE_STEPS,
		"safety,safe,unsafe,tension,fear,anxiety,rest,sleep,place,nature,"
		"veiligheid,veilig,onveilig,spanning,angst,rust,slaap,plek,natuur",
		NULL, { NULL },
		{ NULL },
		false,
	},
	{
		"meeting",
		N_("Closeness grows in small, real meetings; a little preparation makes one feel less risky."),
		{ N_("Choose one person who feels safe enough."),
		  N_("Plan a moment: when, where, and for how long."),
		  N_("Speak from \"I\": I feel, I notice."),
		  N_("Listen without interrupting or giving advice."),
		  N_("Close by naming together what you felt."),
		  NULL },
		300, NB_GUIDE_WORDS,
		"meeting,meet,conversation,talk,friend,contact,lonely,loneliness,connection,relationship,"
		"ontmoeting,afspreken,gesprek,praten,vriend,vriendin,contact,eenzaam,eenzaamheid,verbinding,relatie",
		N_("Who feels safe enough to meet? "),
		{ N_("When and where could you meet? "),
		  N_("What would you like to share? Start with \"I feel\" or \"I notice\": "), NULL },
		{ NULL },
		false,
	},
	{
		"closeness",
		N_("Asking is hard, and it is how closeness becomes possible. Putting the wish into words first makes it easier to say."),
		{ N_("Think of someone you trust."),
		  N_("What would help you right now? A hug, a call, someone sitting with you?"),
		  N_("Put it plainly, and say that asking is hard for you."),
		  N_("Their answer may be yes or no. Asking was brave either way."),
		  NULL },
		180, NB_GUIDE_WORDS,
		"touch,hug,ask,asking,closeness,need,contact,skin hunger,lonely,support,"
		"aanraking,knuffel,vragen,nabijheid,behoefte,contact,huidhonger,eenzaam,steun",
		N_("Whom would you like to ask? (a name from your circle, or anyone): "),
		{ N_("What would help you right now? "),
		  N_("How would you say it, in your own words? You may add that asking is hard for you: "), NULL },
		{ N_("Today is a hard day. Could you hold me for a minute?"),
		  N_("A hug would really help me right now."),
		  N_("This is hard for me to ask: could you sit with me for a while?"), NULL },
		false,
	},
	/* riding an urge (urge surfing), for recovery */
	{
		"urge",
		N_("An urge is like a wave: it rises, peaks and eases again, even when it feels as if it never will. Watching it with slow breaths, without acting on it and without fighting it, lets you ride it out."),
		{ N_("Notice the urge. You do not have to act on it, and you do not have to fight it."),
		  N_("Where do you feel it in your body? Your mouth, your chest, your hands, your stomach?"),
		  N_("How strong is it right now, from 1 to 5? Just notice the number."),
		  N_("Breathe slowly, with a long out-breath, and watch the urge like a wave: it rises, it peaks."),
		  N_("Stay with it, breath by breath, and notice how it begins to ease."),
		  N_("How strong is it now? Whatever the number, you rode this wave. Calling someone from your circle can help with the next one."),
		  NULL },
		300, NB_GUIDE_PACER,
		"craving,urge,cravings,addiction,recovery,drink,drinking,alcohol,drugs,using,relapse,sober,wave,"
		"trek,drang,hunkering,verslaving,herstel,drinken,alcohol,drugs,gebruiken,terugval,nuchter,golf",
		NULL, { NULL },
		{ NULL },
		true,
	},
};

const struct nb_exercise *exercise_all(size_t *n)
{
	*n = sizeof exercises / sizeof exercises[0];
	return exercises;
}

const struct nb_exercise *exercise_find(const char *id)
{
	size_t n;
	const struct nb_exercise *x = exercise_all(&n);
	const struct nb_term *t = vocab_find(NB_VOCAB_EXERCISE, id);

	for (size_t i = 0; t && i < n; i++)
		if (strcmp(x[i].id, t->id) == 0)
			return &x[i];
	return NULL;
}

bool exercise_asks_urge(const struct nb_exercise *x)
{
	return x && strcmp(x->id, "urge") == 0;
}

const char *exercise_title(const struct nb_exercise *x)
{
	return vocab_label(NB_VOCAB_EXERCISE, x->id);
}

char *exercise_words(const struct nb_exercise *x, const char *const *answers, size_t n)
{
	struct nb_buf b = { 0 };

	for (size_t i = 0; i < n && i < NB_ASK_MAX && x->ask[i]; i++)
		if (answers[i] && *answers[i])
			buf_addf(&b, "%s%s", b.len ? "\n" : "", answers[i]);
	if (b.len)
		return buf_detach(&b);
	buf_free(&b);
	return NULL;
}

const char *exercise_example(const struct nb_exercise *x, size_t i)
{
	for (size_t k = 0; k < NB_EXAMPLES_MAX && x->examples[k]; k++)
		if (k == i)
			return _(x->examples[k]);
	return NULL;
}

size_t exercise_steps(const struct nb_exercise *x)
{
	size_t n = 0;

	while (n < NB_STEPS_MAX && x->steps[n])
		n++;
	return n;
}

static const struct nb_page pages[] = {
	{ "beside", N_("For the people beside me"),
	  "support,supporter,partner,friend,family,help,helping,beside,touch,ask,"
	  "steun,naaste,partner,vriend,familie,helpen,naast,aanraking,vragen" },
	{ "help", N_("Where to find help now"),
	  "help,crisis,suicide,emergency,therapist,doctor,gp,113,112,"
	  "hulp,crisis,zelfmoord,suïcide,nood,therapeut,huisarts,113,112" },
};

const struct nb_page *page_all(size_t *n)
{
	*n = sizeof pages / sizeof pages[0];
	return pages;
}

/* Theme words of the daily prompts, in the order of prompt_all(). */
static const char *const prompt_themes[] = {
	"body,closeness,touch,lichaam,nabijheid,aanraking",
	"thought,asking,closeness,fear,gedachte,vragen,nabijheid,angst",
	"closeness,touch,today,safe,nabijheid,aanraking,vandaag,veilig",
	"closer,friend,connection,dichterbij,vriend,verbinding",
	"kindness,friend,critic,shame,vriendelijkheid,vriend,criticus,schaamte",
	"safe,safety,small,veilig,veiligheid,klein",
	"need,needs,behoefte,behoeften",
};

/* Whether word starts one of the comma-separated theme words. */
static bool theme_has(const char *themes, const char *word, size_t len)
{
	const char *p = themes;

	while (*p) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (n >= len && strncasecmp(p, word, len) == 0)
			return true;
		/* also the second word of a two-word theme ("skin hunger") */
		for (size_t i = 0; i + 1 < n; i++)
			if (p[i] == ' ' && n - i - 1 >= len && strncasecmp(p + i + 1, word, len) == 0)
				return true;
		if (!end)
			break;
		p = end + 1;
	}
	return false;
}

/* Whether every word of query is among themes. */
static bool matches(const char *themes, const char *query)
{
	const char *p = query;
	bool any = false;

	while (*p) {
		const char *w;

		while (*p && (isspace((unsigned char)*p) || *p == ','))
			p++;
		w = p;
		while (*p && !isspace((unsigned char)*p) && *p != ',')
			p++;
		if (p == w)
			continue;
		if (p - w < 3 || !theme_has(themes, w, (size_t)(p - w)))
			return false;
		any = true;
	}
	return any;
}

size_t theme_search(const char *query, struct nb_theme_hit *hits, size_t max)
{
	size_t n, found = 0, np;
	const struct nb_exercise *x = exercise_all(&n);
	const struct nb_prompt *prompts = prompt_all(&np);
	const struct nb_page *pg;

	for (size_t i = 0; i < n && found < max; i++)
		if (matches(x[i].themes, query))
			hits[found++] = (struct nb_theme_hit){ NB_THEME_EXERCISE, x[i].id,
				vocab_find(NB_VOCAB_EXERCISE, x[i].id)->label };
	pg = page_all(&n);
	for (size_t i = 0; i < n && found < max; i++)
		if (matches(pg[i].themes, query))
			hits[found++] = (struct nb_theme_hit){ NB_THEME_PAGE, pg[i].id, pg[i].title };
	for (size_t i = 0; i < np && i < sizeof prompt_themes / sizeof prompt_themes[0] && found < max; i++)
		if (matches(prompt_themes[i], query))
			hits[found++] = (struct nb_theme_hit){ NB_THEME_PROMPT, prompts[i].id, prompts[i].text };
	return found;
}
