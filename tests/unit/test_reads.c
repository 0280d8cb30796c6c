/* reads: how many SQL statements each page of the route table and each
 * command that reads runs on a full day (14 records today, thirty days
 * behind it, a circle and a running experiment), counted where they run
 * (the store's own count, its ops count_statements and statements:
 * sqlite3_trace_v2 in the SQLite store, not calls of the store's ops, so
 * that a loop over records inside one op shows). Each stays within its
 * bound (docs/ARCHITECTURE.md, "Reading: one transaction, statements that
 * do not grow"), and none grows when the day
 * and its history hold twice as much: a page or a command reads its
 * records a kind at a time, not one at a time.
 *
 * The pages run in-process through web_handle, as a browser's GET; the
 * commands run as the nabij binary (argv[1]) with NABIJ_SQL_COUNT, which
 * has the store say its count on closing (the opening included). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/xalloc.h"
#include "report/report.h"
#include "web/web.h"

#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOW 1795204800	/* 2026-11-20T21:00:00+01:00, a Friday evening */
#define NOW_TEXT "2026-11-20T21:00:00+01:00"
#define DAY 86400
#define HISTORY_DAYS 30
#define PORT 7419
#define WORD "river"	/* in the notes of every check-in: what search finds */

/*
 * The bounds. base is what the route or command may run whatever the
 * records; per_hit what each hit of a search may add (the search's records
 * read one by one, until db_search loads them with sq_load: issue 26's
 * search index, then 0); per_batch what each 256 records of an export add
 * (EACH_BATCH in store/sqlite.c: a statement per kind and one for lists).
 */
struct bound {
	const char *what;	/* a path (with its query) or a command line */
	int base, per_hit, per_batch;
};

static const struct bound pages[] = {
	{ "/", 28, 0, 0 },
	{ "/checkin", 5, 0, 0 },
	{ "/moment", 0, 0, 0 },
	{ "/trigger", 4, 0, 0 },
	{ "/trigger/ID", 0, 0, 0 },
	{ "/circle", 5, 0, 0 },
	{ "/circle/ID", 0, 0, 0 },
	{ "/card", 5, 0, 0 },
	{ "/beside", 3, 0, 0 },
	{ "/exercises", 0, 0, 0 },
	{ "/exercise/breath", 0, 0, 0 },
	{ "/reflect", 4, 0, 0 },
	{ "/attachment", 3, 0, 0 },
	{ "/week", 14, 0, 0 },
	{ "/phases", 4, 0, 0 },
	{ "/history", 11, 0, 0 },
	{ "/history?q=" WORD, 16, 0, 0 },
	{ "/r/ID", 5, 0, 0 },
	{ "/undo", 4, 0, 0 },
	{ "/charts", 4, 0, 0 },
	{ "/charts?days=365", 4, 0, 0 },
	{ "/insights", 3, 0, 0 },
	{ "/insights/how", 0, 0, 0 },
	{ "/report.pdf", 7, 0, 0 },
	{ "/data", 0, 0, 0 },
	{ "/export.json", 13, 0, 0 },
	{ "/export.csv", 13, 0, 0 },
	{ "/help", 0, 0, 0 },
	{ "/help/beside", 0, 0, 0 },
	{ "/help/experiment", 0, 0, 0 },
	{ "/experiment", 13, 0, 0 },
	{ "/lang", 0, 0, 0 },
	{ "/unlock", 0, 0, 0 },
	{ "/protect", 0, 0, 0 },
	{ "/static/style.css", 0, 0, 0 },
};

/* a command's count holds its opening: 5 statements to open and check the
 * schema (6 for one that may write: the search words' prints too), 3 to
 * see whether a deleted record waited its time */
static const struct bound commands[] = {
	{ "today", 31, 0, 0 },
	{ "week", 24, 0, 0 },
	{ "list", 18, 0, 0 },
	{ "show ID", 13, 0, 0 },
	{ "insights", 11, 0, 0 },
	{ "report --out r.pdf", 15, 0, 0 },
	{ "export --out e.json", 21, 0, 8 },
	{ "search " WORD, 24, 0, 0 },
	{ "suggest", 31, 0, 0 },
	{ "circle list", 15, 0, 0 },
};

#define NPAGES (sizeof pages / sizeof pages[0])
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const char *nabij;	/* the binary, argv[1] */

struct fixture {
	char dir[64], path[96];
	struct nb_app app;
	struct web w;
	int64_t checkin, trigger, member;	/* ids the paths name */
	int counts[2][NPAGES + NCOMMANDS];	/* per round */
	size_t records;
};

/* A new record of kind t at when, with a uid of its own (an import keeps
 * the uids it is given). */
static struct nb_entry *at(enum nb_type t, int64_t when)
{
	static unsigned n = 100;
	struct nb_entry *e = entry_new(t);

	entry_set_time(e, nb_stamp_local(when));
	snprintf(e->uid, sizeof e->uid, "%032x", n++);
	return e;
}

static const char *const members[] = { "Sam", "Noor", "The bench by the river" };

/* A member's uid, fixed so that moments can name them in the same import. */
static void member_uid(int i, char uid[NB_UID_LEN])
{
	snprintf(uid, NB_UID_LEN, "%032x", i + 1);
}

static struct nb_entry *a_checkin(int64_t when, int k)
{
	struct nb_entry *e = at(NB_CHECKIN, when);
	struct nb_checkin *c = &e->u.checkin;
	static const char *const emotions[] = { "sadness", "calm", "joy", "fear", "loneliness" };
	static const char *const needs[] = { "rest", "contact", "movement", "safety" };

	c->mood = 1 + k % 5;
	c->tension = 1 + (k + 2) % 5;
	c->energy = 1 + (k + 1) % 5;
	c->connection = 1 + (k + 3) % 5;
	c->sleep_minutes = 360 + 15 * (k % 8);
	c->sleep_quality = 1 + (k + 4) % 5;
	c->state = xstrdup("calm");
	items_add(&c->emotions, emotions[k % 5], NULL, 1 + k % 5);
	items_add(&c->emotions, emotions[(k + 2) % 5], NULL, 0);
	items_add(&c->needs, needs[k % 4], NULL, 0);
	items_add(&c->body, "tension", "shoulders", 0);
	items_add(&c->tags, k % 2 ? "work" : "home", NULL, 0);
	c->note = xasprintf("A walk by the %s, then tea; day %d.", WORD, k);
	return e;
}

static struct nb_entry *a_moment(int64_t when, int k)
{
	struct nb_entry *e = at(NB_MOMENT, when);
	struct nb_moment *m = &e->u.moment;
	static const char *const kinds[] = { "hug", "self", "talk", "hand" };
	char uid[NB_UID_LEN];

	m->kind = xstrdup(kinds[k % 4]);
	m->safe = xstrdup(k % 5 ? "yes" : "unsure");
	m->seconds = 30 + k;
	if (k % 4 != 1) {	/* not a self-touch: with someone of the circle */
		member_uid(k % 2, uid);
		m->with = xstrdup(members[k % 2]);
		m->member_uid = xstrdup(uid);
	}
	items_add(&m->effects, "warmth", NULL, 0);
	items_add(&m->effects, "breath", NULL, 0);
	m->note = xstrdup("Close for a moment.");
	return e;
}

static struct nb_entry *a_session(int64_t when, int k)
{
	struct nb_entry *e = at(NB_SESSION, when);
	struct nb_session *s = &e->u.session;

	s->exercise = xstrdup(k % 3 ? "breath" : "grounding");
	s->seconds = 180;
	s->tension_before = 4;
	s->tension_after = 2;
	if (k % 3)
		s->pattern = xstrdup("4-2-6");
	return e;
}

static struct nb_entry *a_trigger(int64_t when, int k)
{
	struct nb_entry *e = at(NB_TRIGGER, when);
	struct nb_trigger *t = &e->u.trigger;

	t->situation = xasprintf("A message left unanswered (%d).", k);
	t->reaction = xstrdup("I went quiet.");
	t->emotion = xstrdup("fear");
	t->need = xstrdup("safety");
	if (k % 2)
		t->outcome = xstrdup("It passed by the evening.");
	return e;
}

static struct nb_entry *a_reflection(int64_t when, const char *prompt)
{
	struct nb_entry *e = at(NB_REFLECTION, when);

	e->u.reflection.prompt = xstrdup(prompt);
	e->u.reflection.text = xstrdup("Sitting close to my sister, by the water.");
	return e;
}

/* Round 0: the circle, an experiment that runs, thirty days of four
 * records a day and fourteen records today; round 1 as much again. */
static void fill(struct fixture *f, int round)
{
	struct nb_entries in = { 0 };
	struct nb_import_result r;
	struct nb_error err;
	int64_t today = NOW - 14 * 3600 + round * 600;	/* 07:00, then a little later */
	int k = round * 1000;

	if (round == 0) {
		for (int i = 0; i < 3; i++) {
			struct nb_entry *m = at(NB_MEMBER, NOW - (HISTORY_DAYS + 1) * DAY);
			member_uid(i, m->uid);
			m->u.member.name = xstrdup(members[i]);
			m->u.member.place = i == 2;
			m->u.member.reach = xstrdup(i == 2 ? "Along the water, past the bridge" : "06-12345678");
			m->u.member.helps = xstrdup("Listens without advice.");
			m->u.member.first = i == 0;
			entries_push(&in, m);
		}
		{
			struct nb_entry *x = at(NB_EXPERIMENT, NOW - 10 * DAY);
			struct nb_experiment *ex = &x->u.experiment;
			ex->practice = xstrdup("evening-breath");
			ex->outcome = xstrdup("tension");
			ex->pairs = NB_EXP_PAIRS_DEFAULT;
			ex->period_days = NB_EXP_DAYS_DEFAULT;
			ex->seed = xstrdup("00c0ffee00c0ffee");
			ex->state = xstrdup("running");
			entries_push(&in, x);
		}
	}
	for (int d = HISTORY_DAYS; d >= 1; d--) {
		int64_t base = NOW - d * DAY - 13 * 3600 + round * 600;	/* 08:00 */

		entries_push(&in, a_checkin(base, k++));
		entries_push(&in, a_moment(base + 3 * 3600, k++));
		entries_push(&in, d % 3 ? a_session(base + 6 * 3600, k++) : a_trigger(base + 6 * 3600, k++));
		entries_push(&in, d % 7 ? a_checkin(base + 11 * 3600, k++) : a_reflection(base + 11 * 3600, "closer"));
	}
	/* today: 14 records of six kinds, the last a strong craving (the urge
	 * box of today's page, with the first to call) */
	for (int i = 0; i < 5; i++)
		entries_push(&in, a_checkin(today + i * 2700, k++));
	for (int i = 0; i < 3; i++)
		entries_push(&in, a_moment(today + 15000 + i * 2700, k++));
	for (int i = 0; i < 2; i++)
		entries_push(&in, a_session(today + 25000 + i * 2700, k++));
	entries_push(&in, a_trigger(today + 32000, k++));
	entries_push(&in, a_reflection(today + 34000, "kind-friend"));
	{
		struct nb_entry *p = at(NB_PHASE, today + 36000);
		char uid[NB_UID_LEN];
		member_uid(1, uid);
		p->u.phase.phase = xstrdup("turning");
		p->u.phase.with = xstrdup(members[1]);
		p->u.phase.member_uid = xstrdup(uid);
		entries_push(&in, p);
	}
	{
		struct nb_entry *c = a_checkin(today + 45000, k++);
		c->u.checkin.craving = 4;
		entries_push(&in, c);
	}
	if (app_import(&f->app, &in, false, &r, &err) != NB_OK) {
		fprintf(stderr, "import: %s\n", err.msg);
		exit(1);
	}
	f->records += r.added;
	entries_free(&in);
}

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	struct nb_error err;
	struct nb_query q = { .types = NB_TYPE_BIT(NB_CHECKIN), .limit = 1, .newest_first = true };
	struct nb_entries l = { 0 };

	setenv("TZ", "Europe/Amsterdam", 1);
	snprintf(f->dir, sizeof f->dir, "/tmp/nabij-reads-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/nabij.db", f->dir);
	if (local_open(f->path, NULL, NB_LOCAL_WRITE, &f->app.store, &err)) {
		fprintf(stderr, "%s: %s\n", f->path, err.msg);
		return -1;
	}
	f->app.now = NOW;
	web_init(&f->w, &f->app, PORT, "en");
	f->w.db_path = f->path;
	fill(f, 0);
	if (app_list(&f->app, &q, &l, &err) || !l.n)
		return -1;
	f->checkin = l.v[0]->id;
	entries_free(&l);
	q.types = NB_TYPE_BIT(NB_TRIGGER);
	if (app_list(&f->app, &q, &l, &err) || !l.n)
		return -1;
	f->trigger = l.v[0]->id;
	entries_free(&l);
	if (app_circle(&f->app, &l, &err) || !l.n)
		return -1;
	f->member = l.v[0]->id;
	entries_free(&l);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char *cmd = xasprintf("rm -rf '%s'", f->dir);

	store_close(&f->app.store);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", f->dir);
	free(cmd);
	free(f);
	report_release();
	return 0;
}

/* what: with ID the record the route or command names */
static void name_ids(const struct fixture *f, const char *what, char *out, size_t size)
{
	const char *id = strstr(what, "ID");
	int64_t n = strncmp(what, "/trigger/", 9) == 0 ? f->trigger
		    : strncmp(what, "/circle/", 8) == 0 ? f->member : f->checkin;

	if (!id)
		snprintf(out, size, "%s", what);
	else
		snprintf(out, size, "%.*s%lld%s", (int)(id - what), what, (long long)n, id + 2);
}

/* The statements a GET of path runs through web_handle. */
static int page_count(struct fixture *f, const char *path)
{
	struct web_req r = { 0 };
	struct web_resp resp = { 0 };
	char host[64], full[128];
	const char *q;
	uint64_t before;

	name_ids(f, path, full, sizeof full);
	q = strchr(full, '?');
	r.method = "GET";
	snprintf(host, sizeof host, "127.0.0.1:%d", PORT);
	kvs_add(&r.headers, "host", host, strlen(host));
	kvs_add(&r.cookies, "nabij_session", f->w.token, strlen(f->w.token));
	if (q) {	/* "name=value&...": the server would have split it */
		char *copy = xstrdup(q + 1), *save = NULL;
		for (char *kv = strtok_r(copy, "&", &save); kv; kv = strtok_r(NULL, "&", &save)) {
			char *eq = strchr(kv, '=');
			if (eq)
				*eq++ = '\0';
			kvs_add(&r.query, kv, eq ? eq : "", eq ? strlen(eq) : 0);
		}
		free(copy);
		full[q - full] = '\0';
	}
	r.path = full;
	before = f->app.store.ops->statements(f->app.store.db);
	web_handle(&f->w, &r, &resp);
	if (resp.status >= 500)
		fail_msg("%s answered %d", path, resp.status);
	web_resp_free(&resp);
	kvs_free(&r.headers);
	kvs_free(&r.cookies);
	kvs_free(&r.query);
	return (int)(f->app.store.ops->statements(f->app.store.db) - before);
}

/* The statements the command runs, from its opening of the database to
 * its closing (NABIJ_SQL_COUNT), in the fixture's folder (the files it
 * writes stay there). */
static int command_count(struct fixture *f, const char *what)
{
	char line[256], args[128], *cmd;
	FILE *p;
	int n = -1, status;

	name_ids(f, what, args, sizeof args);
	cmd = xasprintf("cd '%s' && NABIJ_SQL_COUNT=1 NABIJ_DB='%s' NABIJ_NOW=%s NO_COLOR=1 '%s' %s 2>&1 >/dev/null </dev/null",
			f->dir, f->path, NOW_TEXT, nabij, args);
	if (!(p = popen(cmd, "r")))
		fail_msg("cannot run %s", cmd);
	while (fgets(line, sizeof line, p))	/* the count is the last line */
		if (sscanf(line, "nabij: %d SQL statements", &n) != 1)
			n = -1;
	status = pclose(p);
	if (status != 0 || n < 0)
		fail_msg("%s: exit %d, count %d", cmd, status, n);
	free(cmd);
	return n;
}

/* The hits a search of WORD shows (a page 30, the terminal 50). */
static int hits(struct fixture *f, int limit)
{
	struct nb_hits h = { 0 };
	struct nb_error err;
	int n;

	if (app_search(&f->app, WORD, limit, &h, &err))
		fail_msg("search: %s", err.msg);
	n = (int)h.n;
	hits_free(&h);
	return n;
}

static int allowed(const struct fixture *f, const struct bound *b, int nhits)
{
	return b->base + b->per_hit * nhits + b->per_batch * (int)((f->records + 255) / 256);
}

static void measure(struct fixture *f, int round)
{
	int page_hits = hits(f, 30), cli_hits = hits(f, 50);
	int over = 0;

	printf("(%d hits of " WORD " on a page, %d in the terminal)\n", page_hits, cli_hits);
	for (size_t i = 0; i < NPAGES; i++) {
		int n = page_count(f, pages[i].what), max = allowed(f, &pages[i], page_hits);
		f->counts[round][i] = n;
		printf("  %-22s %4d statements (bound %d)\n", pages[i].what, n, max);
		if (n > max) {
			fprintf(stderr, "%s: %d statements, above its bound %d\n", pages[i].what, n, max);
			over++;
		}
	}
	for (size_t i = 0; i < NCOMMANDS; i++) {
		int n = command_count(f, commands[i].what), max = allowed(f, &commands[i], cli_hits);
		f->counts[round][NPAGES + i] = n;
		printf("  nabij %-16s %4d statements (bound %d)\n", commands[i].what, n, max);
		if (n > max) {
			fprintf(stderr, "nabij %s: %d statements, above its bound %d\n", commands[i].what, n, max);
			over++;
		}
	}
	assert_int_equal(over, 0);
}

/* Every route of the route table has its bound here. */
static void every_route_is_counted(void **state)
{
	const char *path;

	(void)state;
	for (size_t i = 0; (path = web_route_path(i)); i++) {
		size_t n = strlen(path);
		bool prefix = n > 1 && path[n - 1] == '/', found = false;

		for (size_t j = 0; j < NPAGES && !found; j++)
			found = prefix ? strncmp(pages[j].what, path, n) == 0 && pages[j].what[n]
				       : strncmp(pages[j].what, path, n) == 0 &&
						 (!pages[j].what[n] || pages[j].what[n] == '?');
		if (!found)
			fail_msg("the route %s has no bound in tests/unit/test_reads.c", path);
	}
}

/* Within the bounds on a full day, and the same with twice as much. */
static void a_full_day_within_bounds(void **state)
{
	struct fixture *f = *state;
	int grew = 0;

	f->app.store.ops->count_statements(f->app.store.db);
	printf("a day of 14 records, %zu in all:\n", f->records);
	measure(f, 0);
	fill(f, 1);
	printf("a day of 28 records, %zu in all:\n", f->records);
	measure(f, 1);
	for (size_t i = 0; i < NPAGES + NCOMMANDS; i++) {
		const struct bound *b = i < NPAGES ? &pages[i] : &commands[i - NPAGES];
		if (!b->per_hit && !b->per_batch && f->counts[1][i] > f->counts[0][i]) {
			fprintf(stderr, "%s: %d statements, %d with half the records\n", b->what,
				f->counts[1][i], f->counts[0][i]);
			grew++;
		}
	}
	assert_int_equal(grew, 0);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_route_is_counted),
		cmocka_unit_test_setup_teardown(a_full_day_within_bounds, setup, teardown),
	};

	if (argc < 2) {
		fprintf(stderr, "usage: test_reads NABIJ\n");
		return 2;
	}
	nabij = argv[1];
	/* the program's catalogue, so that the fixture's search index is made
	 * with the words the program has (sq_search_print) */
	setlocale(LC_ALL, "C.UTF-8");
	bindtextdomain("nabij", getenv("NABIJ_LOCALEDIR"));
	bind_textdomain_codeset("nabij", "UTF-8");
	textdomain("nabij");
	return cmocka_run_group_tests_name("reads", tests, NULL, NULL);
}
