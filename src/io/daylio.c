/*
 * Daylio: the CSV export (four known layouts, told apart by their header
 * names) and the .daylio backup (a ZIP holding backup.daylio, which is
 * base64 of JSON). A row or entry becomes a check-in: mood, activities as
 * tags, the note as text; with --moments, activities that are contact also
 * become moments of connection.
 *
 * Moods are names in the CSV, in the phone's language and possibly renamed:
 * the five default names in English, German and Dutch map to 5..1, others
 * come from --mood-map or are reported, never guessed. The backup carries
 * each mood's group (1 best .. 5 worst), so renamed moods import exactly.
 */
#include "import.h"
#include "jload.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/parse.h"
#include "core/xalloc.h"

#include <csv.h>
#include <jansson.h>
#include <sodium.h>
#include <zip.h>

#include <dlfcn.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define FAR_FUTURE ((int64_t)1 << 40)	/* times are checked by app_import */
#define MAX_FIELDS 16
/* A backup's backup.daylio, unpacked: at most this, and at most this many
 * times the ZIP (plus a megabyte for tiny ones). */
#define UNPACK_MAX ((zip_uint64_t)256 << 20)
#define UNPACK_RATIO 64

static const struct {
	const char *name;
	int level;
} default_moods[] = {
	{ "rad", 5 }, { "good", 4 }, { "meh", 3 }, { "bad", 2 }, { "awful", 1 },
	{ "super", 5 }, { "gut", 4 }, { "ok", 3 }, { "schlecht", 2 }, { "lausig", 1 },
	{ "geweldig", 5 }, { "goed", 4 }, { "matig", 3 }, { "slecht", 2 }, { "verschrikkelijk", 1 },
};

/* Activities that are contact, and the kind of moment they become. */
static const struct {
	const char *name;
	const char *kind;
} contact[] = {
	{ "hug", "hug" }, { "hugs", "hug" }, { "cuddle", "hug" }, { "knuffel", "hug" }, { "knuffelen", "hug" },
	{ "date", "talk" }, { "friends", "talk" }, { "family", "talk" }, { "partner", "talk" },
	{ "vrienden", "talk" }, { "familie", "talk" }, { "massage", "massage" }, { "pet", "animal" },
	{ "huisdier", "animal" },
};

/* The level of a mood name: --mood-map first, then the default names. */
static int mood_level(const char *name, const char *map)
{
	size_t n = strlen(name);

	for (const char *p = map; p && *p;) {
		const char *eq = strchr(p, '='), *comma = strchr(p, ',');
		if (!eq)
			break;
		if ((size_t)(eq - p) == n && strncasecmp(p, name, n) == 0)
			return atoi(eq + 1);
		p = comma ? comma + 1 : p + strlen(p);
	}
	for (size_t i = 0; i < sizeof default_moods / sizeof default_moods[0]; i++)
		if (strcasecmp(default_moods[i].name, name) == 0)
			return default_moods[i].level;
	return 0;
}

static void add_unknown(struct nb_import_report *r, const char *name)
{
	char quoted[128];

	snprintf(quoted, sizeof quoted, "\"%s\"", name);
	if (strstr(r->unknown, quoted))
		return;
	if (r->unknown[0])
		strncat(r->unknown, ", ", sizeof r->unknown - strlen(r->unknown) - 1);
	strncat(r->unknown, quoted, sizeof r->unknown - strlen(r->unknown) - 1);
}

/* Check a --mood-map: name=level pairs with levels 1 to 5. */
static enum nb_err check_map(const char *map, struct nb_error *err)
{
	for (const char *p = map; p && *p;) {
		const char *eq = strchr(p, '='), *comma = strchr(p, ',');
		int v;
		if (!eq || eq == p || (comma && comma < eq) || (v = atoi(eq + 1)) < 1 || v > 5)
			return nb_error_set(err, NB_EUSAGE, "mood-map",
					    _("--mood-map takes name=level pairs with levels 1 to 5, like \"great=5,fine=3\"."));
		p = comma ? comma + 1 : p + strlen(p);
	}
	return NB_OK;
}

/* A check-in at st with mood, tags and note; moments for contact tags. */
static void add_checkin(struct nb_entries *out, const char *source, const char *key,
			struct nb_stamp st, int mood, const struct nb_items *tags, const char *note,
			const struct nb_import_opts *o)
{
	struct nb_entry *e = entry_new(NB_CHECKIN);

	import_uid(source, key, e->uid);
	entry_set_time(e, st);
	e->created = e->updated = st.utc;
	e->u.checkin.mood = mood;
	for (size_t i = 0; i < tags->n; i++)
		items_add(&e->u.checkin.tags, tags->v[i].term, NULL, 0);
	e->u.checkin.note = note && *note ? xstrdup(note) : NULL;
	entries_push(out, e);
	for (size_t i = 0; o->moments && i < tags->n; i++)
		for (size_t k = 0; k < sizeof contact / sizeof contact[0]; k++) {
			struct nb_entry *m;
			char *mkey;
			if (strcasecmp(tags->v[i].term, contact[k].name) != 0)
				continue;
			m = entry_new(NB_MOMENT);
			mkey = xasprintf("%s|moment|%s", key, tags->v[i].term);
			import_uid(source, mkey, m->uid);
			free(mkey);
			entry_set_time(m, st);
			m->created = m->updated = st.utc;
			m->u.moment.kind = xstrdup(contact[k].kind);
			m->u.moment.note = xstrdup(tags->v[i].term);
			entries_push(out, m);
			break;
		}
}

/* Leave out records whose uid came before (a row twice in the file). */
static void drop_duplicates(struct nb_entries *l, struct nb_import_report *r)
{
	size_t kept = 0;

	for (size_t i = 0; i < l->n; i++) {
		bool seen = false;
		for (size_t k = 0; k < kept && !seen; k++)
			seen = strcmp(l->v[k]->uid, l->v[i]->uid) == 0;
		if (seen) {
			entry_free(l->v[i]);
			r->duplicates++;
		} else {
			l->v[kept++] = l->v[i];
		}
	}
	l->n = kept;
}

/* The CSV, row by row through libcsv. */
struct csv_ctx {
	char *field[MAX_FIELDS];
	size_t nfields;
	size_t row;		/* 1 is the header */
	int col_full_date, col_year, col_date, col_time, col_mood, col_activities, col_title, col_note;
	size_t header_fields;
	const struct nb_import_opts *o;
	struct nb_entries *out;
	struct nb_import_report *r;
	struct nb_error *err;
	enum nb_err rc;
};

static void on_field(void *s, size_t len, void *data)
{
	struct csv_ctx *c = data;

	/* a zero byte would cut the text short where it is kept: refuse it */
	if (s && memchr(s, '\0', len) && !c->rc)
		c->rc = nb_error_set(c->err, NB_EINVAL, "row",
				     _("row %zu holds a zero byte, which nabij cannot keep as text."),
				     c->row + 1);
	if (c->nfields < MAX_FIELDS)
		c->field[c->nfields] = xstrndup(s, len);
	c->nfields++;
}

static int column(struct csv_ctx *c, const char *name)
{
	for (size_t i = 0; i < c->nfields && i < MAX_FIELDS; i++) {
		const char *f = c->field[i];
		if (i == 0 && strncmp(f, "\xef\xbb\xbf", 3) == 0)
			f += 3;	/* a byte order mark before the first name */
		if (strcasecmp(f, name) == 0)
			return (int)i;
	}
	return -1;
}

static const char *get(struct csv_ctx *c, int col)
{
	return col >= 0 && (size_t)col < c->nfields && col < MAX_FIELDS ? c->field[col] : "";
}

/* "22:13", "10:13 pm", "10:13 PM", "10:13 p.m." as hours and minutes. */
static bool parse_clock12(const char *s, int *h, int *m)
{
	char ampm[8] = "";
	int n = 0;

	if (sscanf(s, " %2d:%2d%n", h, m, &n) != 2)
		return false;
	s += n;
	while (*s == ' ')
		s++;
	for (size_t i = 0; *s && i < sizeof ampm - 1; s++)
		if (*s != '.')
			ampm[i++] = (char)tolower((unsigned char)*s);
	if (!ampm[0])
		return *h >= 0 && *h < 24 && *m >= 0 && *m < 60;
	if ((strcmp(ampm, "am") != 0 && strcmp(ampm, "pm") != 0) || *h < 1 || *h > 12 || *m < 0 || *m > 59)
		return false;
	*h = *h % 12 + (strcmp(ampm, "pm") == 0 ? 12 : 0);
	return true;
}

/* The oldest layout has "year" and a "date" like "November 20" or
 * "20 nov." in the phone's language. */
static bool parse_month_day(const char *year, const char *date, char out[NB_DAY_LEN])
{
	static const char *const months[3][12] = {
		{ "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" },
		{ "jan", "feb", "maa", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec" },
		{ "jan", "feb", "mär", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "dez" },
	};
	int month = 0, day = 0, y = atoi(year);
	const char *p = date;
	struct nb_error err;

	while (*p) {
		if (isdigit((unsigned char)*p)) {
			day = atoi(p);
			while (isdigit((unsigned char)*p))
				p++;
		} else if (isalpha((unsigned char)*p) || (unsigned char)*p >= 0x80) {
			for (int l = 0; l < 3 && !month; l++)
				for (int k = 0; k < 12; k++)
					if (strncasecmp(p, months[l][k], strlen(months[l][k])) == 0)
						month = k + 1;
			while (*p && !isspace((unsigned char)*p) && *p != ',')
				p++;
		} else {
			p++;
		}
	}
	char s[48];

	snprintf(s, sizeof s, "%04d-%02d-%02d", y, month, day);
	snprintf(out, NB_DAY_LEN, "%.10s", s);
	return month && day && strlen(s) == 10 && nb_day_parse(out, "date", &err) == NB_OK;
}

static void on_row(int term, void *data)
{
	struct csv_ctx *c = data;
	char day[NB_DAY_LEN], at[32], *key = NULL, *note = NULL;
	struct nb_items tags = { 0 };
	struct nb_stamp st;
	struct nb_error e2;
	const char *mood_name;
	int h, m, level;

	(void)term;
	c->row++;
	if (c->rc)
		goto out;
	if (c->row == 1) {
		c->col_full_date = column(c, "full_date");
		c->col_year = column(c, "year");
		c->col_date = column(c, "date");
		c->col_time = column(c, "time");
		c->col_mood = column(c, "mood");
		c->col_activities = column(c, "activities");
		c->col_title = column(c, "note_title");
		c->col_note = column(c, "note");
		c->header_fields = c->nfields;
		if (c->col_mood < 0 || c->col_time < 0 ||
		    (c->col_full_date < 0 && (c->col_year < 0 || c->col_date < 0)))
			c->rc = nb_error_set(c->err, NB_EINVAL, "header",
					     _("This CSV has no Daylio header (it needs full_date or year and date, time and mood)."));
		goto out;
	}
	if (c->nfields == 1 && !c->field[0][0])
		goto out;	/* an empty line */
	if (c->nfields != c->header_fields) {
		c->rc = nb_error_set(c->err, NB_EINVAL, "row",
				     _("row %zu has %zu fields where the header has %zu."), c->row,
				     c->nfields, c->header_fields);
		goto out;
	}
	if (c->col_full_date >= 0) {
		snprintf(day, sizeof day, "%s", get(c, c->col_full_date));
		if (strlen(get(c, c->col_full_date)) != 10 || nb_day_parse(day, "full_date", &e2)) {
			c->rc = nb_error_set(c->err, NB_EINVAL, "full_date",
					     _("row %zu: full_date \"%s\" is not a date like 2026-11-20."), c->row,
					     get(c, c->col_full_date));
			goto out;
		}
	} else if (!parse_month_day(get(c, c->col_year), get(c, c->col_date), day)) {
		c->rc = nb_error_set(c->err, NB_EINVAL, "date",
				     _("row %zu: the date \"%s %s\" cannot be read."), c->row,
				     get(c, c->col_date), get(c, c->col_year));
		goto out;
	}
	if (!parse_clock12(get(c, c->col_time), &h, &m)) {
		c->rc = nb_error_set(c->err, NB_EINVAL, "time",
				     _("row %zu: the time \"%s\" is not like 22:13 or 10:13 pm."), c->row,
				     get(c, c->col_time));
		goto out;
	}
	snprintf(at, sizeof at, "%sT%02d:%02d", day, h, m);
	if (nb_time_parse(at, FAR_FUTURE, "time", &st, &e2)) {
		c->rc = nb_error_set(c->err, NB_EINVAL, "time", _("row %zu: %s"), c->row, e2.msg);
		goto out;
	}
	mood_name = get(c, c->col_mood);
	if (!(level = mood_level(mood_name, c->o->mood_map)))
		add_unknown(c->r, mood_name);
	{
		char *copy = xstrdup(get(c, c->col_activities)), *save = NULL;
		for (char *t = strtok_r(copy, "|", &save); t; t = strtok_r(NULL, "|", &save)) {
			char *w = trim_dup(t);
			if (w)
				items_add(&tags, w, NULL, 0);
			free(w);
		}
		free(copy);
	}
	{
		char *title = import_note_text(get(c, c->col_title)), *body = import_note_text(get(c, c->col_note));
		note = *title && *body ? xasprintf("%s\n%s", title, body) : xstrdup(*title ? title : body);
		free(title);
		free(body);
	}
	{
		/* the key uses the activities as read, so spacing does not matter */
		struct nb_buf acts = { 0 };
		for (size_t i = 0; i < tags.n; i++)
			buf_addf(&acts, "%s%s", i ? "|" : "", tags.v[i].term);
		key = xasprintf("%s|%02d:%02d|%s|%s|%s", day, h, m, mood_name, acts.s ? acts.s : "", note);
		buf_free(&acts);
	}
	add_checkin(c->out, "daylio", key, st, level, &tags, note, c->o);
out:
	for (size_t i = 0; i < c->nfields && i < MAX_FIELDS; i++)
		free(c->field[i]);
	c->nfields = 0;
	items_clear(&tags);
	free(key);
	free(note);
}

/* After reading: unknown moods stop a real import; a dry run reports them. */
static enum nb_err finish(struct nb_entries *got, const struct nb_import_opts *o,
			  struct nb_entries *out, struct nb_import_report *r, struct nb_error *err)
{
	drop_duplicates(got, r);
	if (r->unknown[0] && !o->dry_run) {
		nb_error_set(err, NB_EINVAL, "mood",
			     _("These moods have no level in nabij: %s. Give one for each with --mood-map, like --mood-map \"great=5,fine=3\"."),
			     r->unknown);
		entries_free(got);
		return NB_EINVAL;
	}
	import_report_count(got, r);
	for (size_t i = 0; i < got->n; i++)
		entries_push(out, got->v[i]);
	free(got->v);
	return NB_OK;
}

enum nb_err io_daylio_csv(const char *text, size_t len, const struct nb_import_opts *o,
			  struct nb_entries *out, struct nb_import_report *r, struct nb_error *err)
{
	struct csv_parser p;
	struct nb_entries got = { 0 };
	struct csv_ctx c = { .o = o, .out = &got, .r = r, .err = err };
	enum nb_err rc;

	memset(r, 0, sizeof *r);
	if ((rc = check_map(o->mood_map, err)))
		return rc;
	/* strict at the end: a quoted field that never closes is a cut file */
	if (csv_init(&p, CSV_APPEND_NULL | CSV_STRICT | CSV_STRICT_FINI) != 0)
		return nb_error_set(err, NB_EIO, "", _("Could not start reading the CSV."));
	if (csv_parse(&p, text, len, on_field, on_row, &c) != len && !c.rc)
		c.rc = nb_error_set(err, NB_EINVAL, "row", _("row %zu is not CSV that can be read (%s)."),
				    c.row + 1, csv_strerror(csv_error(&p)));
	if (!c.rc && csv_fini(&p, on_field, on_row, &c) != 0)
		c.rc = nb_error_set(err, NB_EINVAL, "row",
				    _("row %zu ends in the middle of a quoted field: the file seems cut short."),
				    c.row + 1);
	csv_free(&p);
	for (size_t i = 0; i < c.nfields && i < MAX_FIELDS; i++)
		free(c.field[i]);
	if (!c.rc && c.row < 1)
		c.rc = nb_error_set(err, NB_EINVAL, "", _("This file is empty."));
	if (c.rc) {
		entries_free(&got);
		return c.rc;
	}
	return finish(&got, o, out, r, err);
}

/*
 * libzip is opened when a backup is read, not linked: it brings OpenSSL's
 * libcrypto along, whose loading would slow the start of every command.
 * The header still types every call.
 */
static struct {
	void (*error_init)(zip_error_t *);
	void (*error_fini)(zip_error_t *);
	const char *(*error_strerror)(zip_error_t *);
	zip_source_t *(*source_buffer_create)(const void *, zip_uint64_t, int, zip_error_t *);
	void (*source_free)(zip_source_t *);
	zip_t *(*open_from_source)(zip_source_t *, int, zip_error_t *);
	int (*stat)(zip_t *, const char *, zip_flags_t, zip_stat_t *);
	zip_file_t *(*fopen)(zip_t *, const char *, zip_flags_t);
	zip_int64_t (*fread)(zip_file_t *, void *, zip_uint64_t);
	int (*fclose)(zip_file_t *);
	int (*close)(zip_t *);
} lz;

static bool load_libzip(struct nb_error *err)
{
	static void *h;
	const struct {
		const char *name;
		void **slot;
	} syms[] = {
		{ "zip_error_init", (void **)&lz.error_init },
		{ "zip_error_fini", (void **)&lz.error_fini },
		{ "zip_error_strerror", (void **)&lz.error_strerror },
		{ "zip_source_buffer_create", (void **)&lz.source_buffer_create },
		{ "zip_source_free", (void **)&lz.source_free },
		{ "zip_open_from_source", (void **)&lz.open_from_source },
		{ "zip_stat", (void **)&lz.stat },
		{ "zip_fopen", (void **)&lz.fopen },
		{ "zip_fread", (void **)&lz.fread },
		{ "zip_fclose", (void **)&lz.fclose },
		{ "zip_close", (void **)&lz.close },
	};

	if (!h && !(h = dlopen("libzip.so.4", RTLD_NOW | RTLD_LOCAL))) {
		nb_error_set(err, NB_EIO, "", _("Reading a Daylio backup needs libzip (Debian: libzip4): %s"), dlerror());
		return false;
	}
	for (size_t i = 0; i < sizeof syms / sizeof syms[0]; i++)
		if (!(*syms[i].slot = dlsym(h, syms[i].name))) {
			nb_error_set(err, NB_EIO, "", _("Reading a Daylio backup needs libzip (Debian: libzip4): %s"), dlerror());
			return false;
		}
	return true;
}

/* backup.daylio from the ZIP, base64-decoded into JSON text. */
static char *unpack_backup(const char *data, size_t len, size_t *out_len, struct nb_error *err)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;
	zip_file_t *f;
	zip_stat_t st;
	char *b64 = NULL, *json = NULL;

	if (!load_libzip(err))
		return NULL;
	lz.error_init(&ze);
	if (!(src = lz.source_buffer_create(data, len, 0, &ze)) ||
	    !(z = lz.open_from_source(src, ZIP_RDONLY, &ze))) {
		nb_error_set(err, NB_EINVAL, "", _("This is not a Daylio backup: it is not a ZIP file (%s)."),
			     lz.error_strerror(&ze));
		if (src)
			lz.source_free(src);
		lz.error_fini(&ze);
		return NULL;
	}
	if (lz.stat(z, "backup.daylio", 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
		nb_error_set(err, NB_EINVAL, "", _("This ZIP holds no backup.daylio, so it is not a Daylio backup."));
		lz.close(z);
		return NULL;
	}
	/* what it unpacks to is bounded by what it is: a real backup packs a
	 * few times smaller, a ZIP bomb a thousand times */
	if (st.size > UNPACK_MAX || st.size > (zip_uint64_t)len * UNPACK_RATIO + ((zip_uint64_t)1 << 20)) {
		nb_error_set(err, NB_EINVAL, "",
			     _("This ZIP says its backup.daylio unpacks to %llu MB from a file of %zu kB: far more than a Daylio backup ever holds, so nabij does not unpack it."),
			     (unsigned long long)(st.size >> 20), (len + 1023) >> 10);
		lz.close(z);
		return NULL;
	}
	if (!(f = lz.fopen(z, "backup.daylio", 0))) {
		nb_error_set(err, NB_EINVAL, "", _("backup.daylio could not be read from the ZIP."));
		lz.close(z);
		return NULL;
	}
	b64 = xmalloc((size_t)st.size + 1);
	if (lz.fread(f, b64, st.size) != (zip_int64_t)st.size) {
		nb_error_set(err, NB_EINVAL, "", _("backup.daylio could not be read from the ZIP."));
		free(b64);
		b64 = NULL;
	}
	lz.fclose(f);
	lz.close(z);
	if (!b64)
		return NULL;
	json = xmalloc((size_t)st.size + 1);
	if (sodium_base642bin((unsigned char *)json, (size_t)st.size, b64, (size_t)st.size, " \r\n",
			      out_len, NULL, sodium_base64_VARIANT_ORIGINAL) != 0) {
		nb_error_set(err, NB_EINVAL, "", _("backup.daylio is not the base64 text a Daylio backup holds."));
		free(json);
		json = NULL;
	} else {
		json[*out_len] = '\0';
	}
	free(b64);
	return json;
}

enum nb_err io_daylio_backup(const char *data, size_t len, const struct nb_import_opts *o,
			     struct nb_entries *out, struct nb_import_report *r,
			     struct nb_error *err)
{
	size_t jlen, i;
	char *text;
	json_t *root, *days, *moods, *tags, *v;
	struct nb_entries got = { 0 };
	enum nb_err rc = NB_OK;

	memset(r, 0, sizeof *r);
	if (!(text = unpack_backup(data, len, &jlen, err)))
		return err ? err->code : NB_EINVAL;
	root = io_json_load(text, jlen, 0, "backup.daylio", err);
	free(text);
	if (!root)
		return NB_EINVAL;
	days = json_object_get(root, "dayEntries");
	moods = json_object_get(root, "customMoods");
	tags = json_object_get(root, "tags");
	if (!json_is_array(days) || !json_is_array(moods)) {
		json_decref(root);
		return nb_error_set(err, NB_EINVAL, "dayEntries",
				    _("This Daylio backup has no dayEntries or customMoods."));
	}
	json_array_foreach(days, i, v) {
		json_t *dt = json_object_get(v, "datetime"), *tz = json_object_get(v, "timeZoneOffset");
		json_t *mood = json_object_get(v, "mood"), *etags = json_object_get(v, "tags"), *t;
		const char *note = json_string_value(json_object_get(v, "note"));
		const char *title = json_string_value(json_object_get(v, "note_title"));
		struct nb_items names = { 0 };
		struct nb_stamp st;
		int level = 0;
		size_t k;
		char *nt, *nb, *full, *key;

		if (!json_is_object(v) || !json_is_integer(dt) || !json_is_integer(mood) ||
		    (tz && !json_is_integer(tz)) || (etags && !json_is_array(etags))) {
			rc = nb_error_set(err, NB_EINVAL, "dayEntries",
					  _("Daylio entry %zu: datetime and mood must be numbers, tags a list."), i + 1);
			break;
		}
		st.utc = json_integer_value(dt) / 1000;
		st.offset = tz ? (int)(json_integer_value(tz) / 1000) : 0;
		json_array_foreach(moods, k, t) {
			json_t *group = json_object_get(t, "mood_group_id");
			if (json_integer_value(json_object_get(t, "id")) == json_integer_value(mood) &&
			    json_is_integer(group) && json_integer_value(group) >= 1 && json_integer_value(group) <= 5)
				level = 6 - (int)json_integer_value(group);
		}
		if (!level) {
			rc = nb_error_set(err, NB_EINVAL, "mood",
					  _("Daylio entry %zu: mood %lld is not among the backup's moods."), i + 1,
					  (long long)json_integer_value(mood));
			break;
		}
		json_array_foreach(etags, k, t) {
			size_t m;
			json_t *tag;
			json_array_foreach(tags, m, tag)
				if (json_equal(json_object_get(tag, "id"), t) &&
				    json_is_string(json_object_get(tag, "name")))
					items_add(&names, json_string_value(json_object_get(tag, "name")), NULL, 0);
		}
		nt = import_note_text(title ? title : "");
		nb = import_note_text(note ? note : "");
		full = *nt && *nb ? xasprintf("%s\n%s", nt, nb) : xstrdup(*nt ? nt : nb);
		key = xasprintf("%lld|%lld", (long long)json_integer_value(dt), (long long)json_integer_value(mood));
		add_checkin(&got, "daylio", key, st, level, &names, full, o);
		items_clear(&names);
		free(nt);
		free(nb);
		free(full);
		free(key);
	}
	json_decref(root);
	if (rc) {
		entries_free(&got);
		return rc;
	}
	return finish(&got, o, out, r, err);
}
