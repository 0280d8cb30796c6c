/*
 * Two people on one nabij serve never meet. Amber and Basil each sign up
 * from an invitation and write records of every kind, each with words of
 * their own ("amberwoud", "basaltrivier") and a circle member of their own
 * (Amberina, Basilio); Basil writes more than Amber, so some of his record
 * numbers are not Amber's at all, and the others are hers too (a record's
 * number counts within a person's records). Then every route of the route
 * table is asked for as Amber, with each of the record numbers that exist
 * (and some that do not), the searches for Basil's words, the exports, the
 * report, the charts, insights and week: nothing of Basil's ever appears
 * (404, or a page without it). A positive control asks the same of Basil,
 * who does see his own. Amber's forms against Basil's numbers (edit,
 * delete, undo) change nothing of his.
 *
 * Through web_handle in the hosted mode (struct web_hosted), on the
 * PostgreSQL of tests/hosted/with-pg.sh, as the app role: the pages, the
 * use-cases and the store as nabij serve runs them, without its sockets
 * (those are tests/hosted/serve.sh's).
 */
#include "app/account.h"
#include "app/app.h"
#include "core/xalloc.h"
#include "report/report.h"
#include "store/hosted.h"
#include "web/web.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#define HOST "nabij.test"
#define NOW 1796893200	/* 2026-12-09 09:00 UTC */

struct person {
	const char *name, *word, *member;
	int64_t id;
	char session[NB_TOKEN_LEN + 1];
	int64_t last;	/* their highest record number */
};

static struct person amber = { "amber", "amberwoud", "Amberina", 0, "", 0 };
static struct person basil = { "basil", "basaltrivier", "Basilio", 0, "", 0 };
static struct nb_pg *pg;
static struct web_hosted hd;
static struct web w;
static struct nb_app clock_app;
static int pages_asked;

static void add(struct person *who, struct nb_entry *e)
{
	struct nb_app a;
	struct nb_error err = { 0 };

	e->at = nb_stamp_local(NOW - 3600 * (int64_t)(who->last + 1));
	account_app(&a, pg, who->id, NOW);
	if (app_add(&a, e, &err) != NB_OK)
		fail_msg("%s: %s", who->name, err.msg);
	if (e->id > who->last)
		who->last = e->id;
	app_close(&a);
	entry_free(e);
}

/* One record of each kind that holds words, in who's words. */
static void write_records(struct person *who, int rounds)
{
	for (int i = 0; i < rounds; i++) {
		struct nb_entry *c = entry_new(NB_CHECKIN), *m = entry_new(NB_MOMENT), *t = entry_new(NB_TRIGGER),
				*s = entry_new(NB_SESSION), *r = entry_new(NB_REFLECTION);

		if (i == 0) {
			struct nb_entry *p = entry_new(NB_MEMBER);

			p->u.member.name = xstrdup(who->member);
			p->u.member.reach = xasprintf("%s op dinsdag", who->word);
			add(who, p);
		}
		c->u.checkin.mood = 2 + i % 3;
		c->u.checkin.tension = 3;
		c->u.checkin.note = xasprintf("Een ochtend bij de %s", who->word);
		items_add(&c->u.checkin.needs, "rest", NULL, 0);
		add(who, c);
		m->u.moment.kind = xstrdup("hug");
		m->u.moment.with = xstrdup(who->member);
		m->u.moment.safe = xstrdup("yes");
		m->u.moment.note = xasprintf("warm, %s", who->word);
		add(who, m);
		t->u.trigger.situation = xasprintf("Geen antwoord bij de %s", who->word);
		t->u.trigger.need = xstrdup("connection");
		add(who, t);
		s->u.session.exercise = xstrdup("breath");
		s->u.session.seconds = 120;
		s->u.session.tension_before = 4;
		s->u.session.tension_after = 2;
		add(who, s);
		r->u.reflection.prompt = xstrdup("felt-safe");
		r->u.reflection.text = xasprintf("Veilig bij de %s", who->word);
		add(who, r);
	}
}

static void sign_up(struct person *who)
{
	char invite[NB_TOKEN_LEN + 1];
	struct nb_error err = { 0 };

	assert_int_equal(account_invite(pg, false, NOW - 600, invite, &err), NB_OK);
	if (account_signup(pg, invite, who->name, "een lange zin van mij", "Europe/Amsterdam", NOW - 500, &who->id,
			   who->session, &err) != NB_OK)
		fail_msg("sign-up of %s: %s", who->name, err.msg);
}

static int setup(void **state)
{
	struct nb_error err = { 0 };

	(void)state;
	if (!getenv("NABIJ_PG_OWNER") || !getenv("NABIJ_PG_APP")) {
		print_message("no PostgreSQL of the test's own (run through tests/hosted/with-pg.sh)\n");
		exit(77);
	}
	if (pg_migrate(getenv("NABIJ_PG_OWNER"), "nabij_app", &err) != NB_OK)
		fail_msg("migrate: %s", err.msg);
	if (pg_connect(getenv("NABIJ_PG_APP"), &pg, &err) != NB_OK)
		fail_msg("connect: %s", err.msg);
	if (pg_check_role(pg, &err) != NB_OK)
		fail_msg("check: %s", err.msg);
	sign_up(&amber);
	sign_up(&basil);
	write_records(&amber, 1);
	write_records(&basil, 3);	/* more numbers than Amber has */
	clock_app.now = NOW;
	web_init(&w, &clock_app, 443, "en");
	w.local = false;
	w.installed = false;
	w.scheme = "https";
	snprintf(w.host, sizeof w.host, "%s", HOST);
	web_hosted_init(&hd, pg);
	hd.https = true;
	w.hosted = &hd;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	pg_disconnect(pg);
	report_release();	/* the fonts of the reports the pages drew (/report.pdf) */
	return 0;
}

static void req_init(struct web_req *r, const struct person *who, const char *method, const char *path)
{
	char *q;

	memset(r, 0, sizeof *r);
	r->method = method;
	r->path = xstrdup(path);
	if ((q = strchr(r->path, '?'))) {	/* the server splits the query off */
		*q++ = '\0';
		for (char *kv = strtok(q, "&"); kv; kv = strtok(NULL, "&")) {
			char *eq = strchr(kv, '=');

			if (eq)
				*eq++ = '\0';
			kvs_add(&r->query, kv, eq ? eq : "", eq ? strlen(eq) : 0);
		}
	}
	kvs_add(&r->headers, "host", HOST, strlen(HOST));
	kvs_add(&r->cookies, WEB_SESSION_COOKIE(true), who->session, strlen(who->session));
	if (strcmp(method, "POST") == 0) {
		kvs_add(&r->headers, "origin", "https://" HOST, strlen("https://" HOST));
		kvs_add(&r->headers, "sec-fetch-site", "same-origin", strlen("same-origin"));
	}
}

static void req_free(struct web_req *r)
{
	free((char *)r->path);
	kvs_free(&r->headers);
	kvs_free(&r->cookies);
	kvs_free(&r->query);
	kvs_free(&r->form);
}

/* The text of a response as a person would read it: a PDF through
 * pdftotext (its streams are compressed), anything else as it is. */
static char *readable(const struct web_resp *resp)
{
	char pdf[] = "/tmp/nabij-isolation-XXXXXX";
	char cmd[128];
	struct nb_buf out = { 0 };
	FILE *f;
	int fd;
	char chunk[4096];
	size_t n;

	if (!resp->type || !strstr(resp->type, "pdf"))
		return xstrndup(resp->body.s ? resp->body.s : "", resp->body.len);
	assert_true((fd = mkstemp(pdf)) >= 0);
	assert_int_equal(write(fd, resp->body.s, resp->body.len), (ssize_t)resp->body.len);
	close(fd);
	snprintf(cmd, sizeof cmd, "pdftotext -q %s -", pdf);
	assert_non_null(f = popen(cmd, "r"));
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_addn(&out, chunk, n);
	if (pclose(f) != 0)
		fail_msg("pdftotext could not read the report");
	unlink(pdf);
	buf_addc(&out, '\0');
	return out.s;
}

/* Ask for path as who; the status, and the readable body in *text. */
static int ask(const struct person *who, const char *method, const char *path, const char *const *form,
	       char **text)
{
	struct web_req r;
	struct web_resp resp = { 0 };
	int status;

	req_init(&r, who, method, path);
	for (size_t i = 0; form && form[i]; i += 2)
		kvs_add(&r.form, form[i], form[i + 1], strlen(form[i + 1]));
	web_handle(&w, &r, &resp);
	status = resp.status;
	*text = readable(&resp);
	web_resp_free(&resp);
	req_free(&r);
	pages_asked++;
	return status;
}

/* Whether text holds anything of who's: their word or their member's name
 * (case aside: a page may write a name with a capital). */
static bool holds(const char *text, const struct person *who)
{
	return strcasestr(text, who->word) || strcasestr(text, who->member);
}

/* The paths to ask for: every route, each prefix route with every record
 * number either person has and a few that nobody has, and the pages with a
 * query of their own. */
static void each_path(void (*fn)(const char *path, void *ctx), void *ctx)
{
	static const char *const extra[] = {
		"/history?q=basaltrivier", "/history?q=Basilio", "/history?q=amberwoud", "/history?q=basalt",
		"/history?q=rivier", "/history?kind=checkin", "/history?show=600&q=de",
		"/charts?days=365", "/insights", "/week?week=2026-12-07", "/week?week=2026-11-30",
		"/export.json", "/export.csv", "/report.pdf?notes=1&circle=1", "/report.pdf",
		"/circle", "/card", "/beside", "/undo", "/data", "/experiment", "/phases", "/reflect",
		"/attachment", "/help", "/trigger", "/", "/checkin", "/moment",
	};
	char path[160];
	const char *route;
	int64_t last = basil.last > amber.last ? basil.last : amber.last;

	for (size_t i = 0; (route = web_route_path(i)); i++) {
		size_t n = strlen(route);

		if (n > 1 && route[n - 1] == '/') {
			if (strcmp(route, "/static/") == 0 || strcmp(route, "/exercise/") == 0) {
				snprintf(path, sizeof path, "%s%s", route,
					 strcmp(route, "/static/") == 0 ? "style.css" : "breath");
				fn(path, ctx);
				continue;
			}
			for (int64_t id = 0; id <= last + 2; id++) {
				snprintf(path, sizeof path, "%s%lld", route, (long long)id);
				fn(path, ctx);
				snprintf(path, sizeof path, "%s%lld/edit", route, (long long)id);
				fn(path, ctx);
			}
			continue;
		}
		fn(route, ctx);
	}
	for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
		fn(extra[i], ctx);
}

/* The pages that must show the asker's own words (the positive control:
 * a page that showed nothing at all would pass the check for the other's). */
static bool must_show_own(const char *path, const struct person *who)
{
	static const char *const own[] = {
		"/export.json", "/export.csv", "/report.pdf?notes=1&circle=1", "/circle", "/card", "/history",
		"/r/1", "/r/2", "/r/3", "/r/4", "/r/6",	/* 5 is an exercise, without words */
	};
	char search[64];

	snprintf(search, sizeof search, "/history?q=%s", who->word);
	if (strcmp(path, search) == 0)
		return true;
	for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
		if (strcmp(path, own[i]) == 0)
			return true;
	return false;
}

struct seen {
	const struct person *asker, *other;
	int own;	/* pages that showed the asker's own words */
	int paths;
};

/* A search page says what was searched for: those words are the asker's
 * own, and are blanked out before the page is read for the other's. */
static void blank_query(const char *path, char *text)
{
	const char *q = strstr(path, "q=");
	char word[64];
	char *at;

	if (!q)
		return;
	snprintf(word, sizeof word, "%.*s", (int)strcspn(q + 2, "&"), q + 2);
	if (!*word)
		return;
	while ((at = strcasestr(text, word)))
		memset(at, '_', strlen(word));
}

static void look(const char *path, void *ctx)
{
	struct seen *s = ctx;
	char *text;
	int status = ask(s->asker, "GET", path, NULL, &text);

	blank_query(path, text);
	s->paths++;
	if (status >= 500)
		fail_msg("%s as %s: %d", path, s->asker->name, status);
	if (holds(text, s->other))
		fail_msg("%s as %s (%d) shows %s's words", path, s->asker->name, status, s->other->name);
	if (holds(text, s->asker))
		s->own++;
	else if (must_show_own(path, s->asker))
		fail_msg("%s as %s (%d) does not show their own records", path, s->asker->name, status);
	free(text);
}

/* Nothing of Basil's on any page Amber asks for, and the other way round;
 * each sees their own on many of them (the positive control). */
static void every_route_keeps_each_to_their_own(void **state)
{
	struct seen a = { &amber, &basil, 0, 0 }, b = { &basil, &amber, 0, 0 };

	(void)state;
	each_path(look, &a);
	each_path(look, &b);
	print_message("%d paths each; %d of Amber's and %d of Basil's showed their own words, none the other's\n",
		      a.paths, a.own, b.own);
	assert_true(a.own >= 20);
	assert_true(b.own > a.own);	/* more of his records have pages */
}

/* The record pages: a number both have shows each their own record; one
 * only Basil has is no page for Amber. */
static void record_numbers_are_each_persons(void **state)
{
	char path[64], *text;

	(void)state;
	for (int64_t id = 1; id <= basil.last; id++) {
		snprintf(path, sizeof path, "/r/%lld", (long long)id);
		if (ask(&basil, "GET", path, NULL, &text) != 200)
			fail_msg("Basil's own %s: not found", path);
		free(text);
		int status = ask(&amber, "GET", path, NULL, &text);

		if (id <= amber.last)
			assert_int_equal(status, 200);
		else if (status != 404)
			fail_msg("%s as Amber: %d, not 404", path, status);
		assert_false(holds(text, &basil));
		free(text);
	}
}

/* The form token of who's session, from a page's form. */
static char *form_token(const struct person *who)
{
	char *text, *at, *end, *tok;

	assert_int_equal(ask(who, "GET", "/checkin", NULL, &text), 200);
	assert_non_null(at = strstr(text, "name=\"csrf\" value=\""));
	at += strlen("name=\"csrf\" value=\"");
	assert_non_null(end = strchr(at, '"'));
	tok = xstrndup(at, (size_t)(end - at));
	free(text);
	return tok;
}

/* Amber's forms with Basil's numbers: deleting, editing and bringing back
 * change nothing of his; his records are all there afterwards. */
static void forms_cannot_reach_the_other(void **state)
{
	char *csrf = form_token(&amber), *text, path[64];
	char *before, *after;

	(void)state;
	assert_int_equal(ask(&basil, "GET", "/export.json", NULL, &before), 200);
	for (int64_t id = amber.last + 1; id <= basil.last; id++) {
		snprintf(path, sizeof path, "/r/%lld/delete", (long long)id);
		assert_int_equal(ask(&amber, "POST", path, (const char *const[]){ "csrf", csrf, NULL }, &text), 404);
		free(text);
		snprintf(path, sizeof path, "/r/%lld/edit", (long long)id);
		assert_int_equal(ask(&amber, "POST", path,
				     (const char *const[]){ "csrf", csrf, "note", "overschreven", "text", "overschreven",
							    "situation", "overschreven", NULL },
				     &text),
				 404);
		free(text);
		{
			char num[24];

			snprintf(num, sizeof num, "%lld", (long long)id);
			assert_int_equal(ask(&amber, "POST", "/undo", (const char *const[]){ "csrf", csrf, "id", num, NULL },
					     &text),
					 404);
			free(text);
		}
	}
	/* a number both have: Amber deletes her own, and Basil's stays */
	assert_int_equal(ask(&amber, "POST", "/r/2/delete", (const char *const[]){ "csrf", csrf, NULL }, &text), 303);
	free(text);
	assert_int_equal(ask(&basil, "GET", "/r/2", NULL, &text), 200);
	assert_true(holds(text, &basil));
	free(text);
	/* and her undo brings back hers, not his */
	assert_int_equal(ask(&amber, "POST", "/undo", (const char *const[]){ "csrf", csrf, NULL }, &text), 303);
	free(text);
	assert_int_equal(ask(&basil, "GET", "/export.json", NULL, &after), 200);
	assert_string_equal(before, after);
	assert_false(strstr(after, "overschreven"));
	free(before);
	free(after);
	/* Basil's form token is no good in Amber's session */
	{
		char *his = form_token(&basil);
		int status = ask(&amber, "POST", "/r/1/delete", (const char *const[]){ "csrf", his, NULL }, &text);

		assert_true(status == 403 || status == 409);
		free(text);
		free(his);
	}
	free(csrf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_route_keeps_each_to_their_own),
		cmocka_unit_test(record_numbers_are_each_persons),
		cmocka_unit_test(forms_cannot_reach_the_other),
	};
	int failed = cmocka_run_group_tests_name("isolation", tests, setup, teardown);

	print_message("%d requests asked\n", pages_asked);
	return failed;
}
