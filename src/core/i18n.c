/* Numbers written the way the reader's language writes them. */
#include "i18n.h"
#include "buf.h"
#include "xalloc.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* gettext caches its lookups; this counter tells it the language changed. */
extern int _nl_msg_cat_cntr;

/* "%.*f" of v, digit by digit, when its rounding is clear (a chart says
 * a few dozen of these): v far from a tie between two roundings, where
 * printf rounds the exact binary value and a product by ten could err. */
static bool fast_dec(double v, int places, char buf[NB_DEC_LEN])
{
	double scaled = v * (places == 1 ? 10 : 100);
	long long k;
	char digits[24];
	size_t len;

	if (!(scaled > -1e15 && scaled < 1e15))
		return false;
	k = llround(scaled);
	if (fabs(scaled - (double)k) > 0.49)
		return false;
	nb_int(k < 0 ? -k : k, digits);
	len = strlen(digits);
	while (len <= (size_t)places) {	/* 5 → "05" for 0.05 */
		memmove(digits + 1, digits, len + 1);
		digits[0] = '0';
		len++;
	}
	if (k < 0)
		*buf++ = '-';
	memcpy(buf, digits, len - (size_t)places);
	buf += len - (size_t)places;
	*buf++ = '.';
	memcpy(buf, digits + len - places, (size_t)places + 1);	/* and its end */
	return true;
}

static const char *dec(double v, int places, char buf[NB_DEC_LEN])
{
	/* TRANSLATORS: the decimal separator of your language, as in 1.5 */
	const char *mark = _("decimal point");
	double half = places == 1 ? 0.05 : 0.005;
	char *dot;

	if (v > -half && v < half)
		v = 0;	/* no "-0.0" */
	if (!fast_dec(v, places, buf))
		snprintf(buf, NB_DEC_LEN, "%.*f", places, v);
	if (strcmp(mark, "decimal point") != 0 && strlen(mark) == 1 && (dot = strchr(buf, '.')))
		*dot = mark[0];
	return buf;
}

const char *nb_dec1(double v, char buf[NB_DEC_LEN])
{
	return dec(v, 1, buf);
}

const char *nb_dec2(double v, char buf[NB_DEC_LEN])
{
	return dec(v, 2, buf);
}

const char *nb_capital(const char *s, char *buf, size_t size)
{
	snprintf(buf, size, "%s", s ? s : "");
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	return buf;
}

bool nb_catalogue_present(const char *lang)
{
	char path[4096];
	const char *dir = bindtextdomain("nabij", NULL);
	FILE *f;

	if (strcmp(lang, "en") == 0)
		return true;	/* the source strings */
	if (!dir || (size_t)snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/nabij.mo", dir, lang) >= sizeof path)
		return false;
	if (!(f = fopen(path, "r")))
		return false;
	fclose(f);
	return true;
}

/* The answers remembered: an open table by the message's address (and its
 * context's), emptied when the language changes or when it is three
 * quarters full. */
enum { SEEN_SLOTS = 2048 };

struct seen {
	const char *ctx, *id, *said;
};

static _Thread_local struct {
	struct seen slot[SEEN_SLOTS];
	size_t used;
	int counter;	/* _nl_msg_cat_cntr when the table was begun */
	bool begun;
} seen;

static struct seen *seen_slot(const char *ctx, const char *id)
{
	uintptr_t k = (uintptr_t)id ^ ((uintptr_t)ctx * 31);
	size_t i = (size_t)((k >> 3) * 0x9E3779B97F4A7C15ull >> 52) & (SEEN_SLOTS - 1);

	if (!seen.begun || seen.counter != _nl_msg_cat_cntr || seen.used >= SEEN_SLOTS / 4 * 3) {
		memset(seen.slot, 0, sizeof seen.slot);
		seen.used = 0;
		seen.counter = _nl_msg_cat_cntr;
		seen.begun = true;
	}
	while (seen.slot[i].id && (seen.slot[i].id != id || seen.slot[i].ctx != ctx))
		i = (i + 1) & (SEEN_SLOTS - 1);
	return &seen.slot[i];
}

static const char *seen_keep(struct seen *s, const char *ctx, const char *id, const char *said)
{
	/* gettext may have loaded a catalogue and moved the counter */
	if (seen.counter == _nl_msg_cat_cntr) {
		*s = (struct seen){ ctx, id, said };
		seen.used++;
	}
	return said;
}

const char *nb_gettext(const char *msgid)
{
	struct seen *s;

	if (!msgid)
		return NULL;
	s = seen_slot(NULL, msgid);
	return s->id ? s->said : seen_keep(s, NULL, msgid, gettext(msgid));
}

const char *nb_pgettext(const char *ctx, const char *msgid)
{
	char key[256];
	const char *t;
	struct seen *s = seen_slot(ctx, msgid);

	if (s->id)
		return s->said;
	if ((size_t)snprintf(key, sizeof key, "%s\004%s", ctx, msgid) >= sizeof key)
		return msgid;
	t = gettext(key);
	return seen_keep(s, ctx, msgid, t == key ? msgid : t);
}

const char *nb_lang_now(void)
{
	/* the message the decimal mark is asked by: translated only when the
	 * Dutch catalogue is the one that answers */
	return strcmp(_("decimal point"), "decimal point") != 0 ? "nl" : "en";
}

char *nb_lang_use(const char *lang)
{
	const char *now = getenv("LANGUAGE");
	char *was = now ? xstrdup(now) : NULL;

	if (!now || strcmp(now, lang) != 0) {
		setenv("LANGUAGE", lang, 1);
		++_nl_msg_cat_cntr;
	}
	return was;
}

void nb_lang_back(char *was)
{
	const char *now = getenv("LANGUAGE");

	if (was ? !now || strcmp(now, was) != 0 : now != NULL) {
		if (was)
			setenv("LANGUAGE", was, 1);
		else
			unsetenv("LANGUAGE");
		++_nl_msg_cat_cntr;
	}
	free(was);
}

/* Hand each piece of fmt said with v to put, in order. */
static void say(const char *fmt, const char *const *v, size_t n,
		void (*put)(void *ctx, const char *s, size_t len), void *ctx)
{
	size_t next = 0;
	const char *from = fmt, *p;

	while ((p = strchr(from, '%'))) {
		const char *q = p + 1, *val;
		size_t num = 0, k;

		put(ctx, from, (size_t)(p - from));
		if (*q == '%') {
			put(ctx, "%", 1);
			from = q + 1;
			continue;
		}
		while (*q >= '0' && *q <= '9')
			num = num * 10 + (size_t)(*q++ - '0');
		if (*q == '$' && num) {
			k = num - 1;
			q++;
		} else {
			k = next++;
			q = p + 1;
		}
		while (*q && strchr("-+ #0123456789.", *q))
			q++;
		if (*q != 's' && *q != 'd') {	/* not one of ours: as it stands */
			put(ctx, p, 1);
			from = p + 1;
			continue;
		}
		val = k < n && v[k] ? v[k] : "";
		put(ctx, val, strlen(val));
		from = q + 1;
	}
	put(ctx, from, strlen(from));
}

struct said {
	char *out;
	size_t size, len;
};

static void put_out(void *ctx, const char *s, size_t len)
{
	struct said *o = ctx;

	if (o->len + 1 < o->size) {
		size_t room = o->size - 1 - o->len;

		memcpy(o->out + o->len, s, len < room ? len : room);
		o->len += len < room ? len : room;
	}
}

void nb_say(char *out, size_t size, const char *fmt, const char *const *v, size_t n)
{
	struct said o = { out, size, 0 };

	if (!size)
		return;
	say(fmt, v, n, put_out, &o);
	out[o.len] = '\0';
}

static void put_buf(void *ctx, const char *s, size_t len)
{
	buf_addn(ctx, s, len);
}

void buf_say(struct nb_buf *b, const char *fmt, const char *const *v, size_t n)
{
	say(fmt, v, n, put_buf, b);
}

const char *nb_int(long long v, char buf[24])
{
	char digits[24], *p = digits + sizeof digits;
	unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;

	*--p = '\0';
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	memcpy(buf, p, (size_t)(digits + sizeof digits - p));
	return buf;
}
