/* web: pages rendered in-process, without a socket. The central checks
 * (Host, session secret, form token, same origin), escaping of hostile text
 * in every field on every page, and forms that keep the input on error. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/xalloc.h"
#include "report/report.h"
#include "web/page.h"
#include "web/place.h"
#include "web/web.h"

#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOW 1795201200	/* 2026-11-20T19:00:00Z */
#define PORT 7419

static const char *const hostile[] = {
	"<script>alert(1)</script>",
	"\"><img src=x onerror=alert(2)>",
	"' onmouseover='alert(3)",
	"</textarea><b>x</b>",
};

struct fixture {
	struct nb_app app;
	struct web w;
};

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	struct nb_error err;

	setenv("TZ", "Europe/Amsterdam", 1);
	if (local_open(":memory:", NULL, NB_LOCAL_WRITE, &f->app.store, &err))
		return -1;
	f->app.now = NOW;
	web_init(&f->w, &f->app, PORT, "en");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	store_close(&f->app.store);
	free(f);
	report_release();	/* the fonts of a report a page drew (/report.pdf) */
	return 0;
}

/* A request as a browser of this session would send it. */
static void req_init(struct web_req *r, const struct web *w, const char *method, const char *path)
{
	char host[64], cookie[64];

	memset(r, 0, sizeof *r);
	r->method = method;
	r->path = path;
	snprintf(host, sizeof host, "127.0.0.1:%d", PORT);
	kvs_add(&r->headers, "host", host, strlen(host));
	snprintf(cookie, sizeof cookie, "%s", w->token);
	kvs_add(&r->cookies, "nabij_session", cookie, strlen(cookie));
	if (strcmp(method, "POST") == 0) {
		char origin[64];
		snprintf(origin, sizeof origin, "http://127.0.0.1:%d", PORT);
		kvs_add(&r->headers, "origin", origin, strlen(origin));
		kvs_add(&r->form, "csrf", w->csrf, strlen(w->csrf));
	}
}

static void req_free(struct web_req *r)
{
	kvs_free(&r->headers);
	kvs_free(&r->cookies);
	kvs_free(&r->query);
	kvs_free(&r->form);
}

static void form(struct web_req *r, const char *k, const char *v)
{
	kvs_add(&r->form, k, v, strlen(v));
}

/* Run req, return the status; the body is left in *body (caller frees). */
static int run(struct fixture *f, struct web_req *r, char **body)
{
	struct web_resp resp = { 0 };
	int status;

	web_handle(&f->w, r, &resp);
	status = resp.status;
	if (body)
		*body = buf_detach(&resp.body);
	web_resp_free(&resp);
	return status;
}

static int get(struct fixture *f, const char *path, char **body)
{
	struct web_req r;
	int status;

	req_init(&r, &f->w, "GET", path);
	status = run(f, &r, body);
	req_free(&r);
	return status;
}

static void host_and_secret(void **state)
{
	struct fixture *f = *state;
	struct web_req r;
	struct web_resp resp = { 0 };
	char *body;

	req_init(&r, &f->w, "GET", "/");
	kvs_free(&r.headers);
	kvs_add(&r.headers, "host", "evil.example:7419", 17);
	assert_int_equal(run(f, &r, NULL), 421);	/* DNS rebinding */
	kvs_free(&r.headers);
	kvs_add(&r.headers, "host", "127.0.0.1:9999", 14);
	assert_int_equal(run(f, &r, NULL), 421);	/* another port */
	kvs_free(&r.headers);
	kvs_add(&r.headers, "host", "localhost:7419", 14);
	assert_int_equal(run(f, &r, NULL), 200);
	/* on an address of its own, only that address is ours */
	snprintf(f->w.host, sizeof f->w.host, "127.9.1.2");
	assert_int_equal(run(f, &r, NULL), 421);
	kvs_free(&r.headers);
	kvs_add(&r.headers, "host", "127.0.0.1:7419", 14);
	assert_int_equal(run(f, &r, NULL), 421);
	kvs_free(&r.headers);
	kvs_add(&r.headers, "host", "127.9.1.2:7419", 14);
	assert_int_equal(run(f, &r, NULL), 200);
	kvs_free(&r.headers);
	kvs_add(&r.headers, "host", "127.9.1.2:7418", 14);
	assert_int_equal(run(f, &r, NULL), 421);
	snprintf(f->w.host, sizeof f->w.host, "127.0.0.1");
	kvs_free(&r.headers);
	kvs_add(&r.headers, "host", "localhost:7419", 14);
	kvs_free(&r.cookies);
	assert_int_equal(run(f, &r, &body), 403);	/* no session cookie */
	assert_non_null(strstr(body, "nabij ui"));	/* installed: the menu and the command */
	assert_null(strstr(body, f->w.csrf));	/* no form token without the session */
	assert_null(strstr(body, "name=\"csrf\""));
	assert_non_null(strstr(body, "applications menu"));
	free(body);
	f->w.installed = false;	/* run from its folder: as it was started */
	assert_int_equal(run(f, &r, &body), 403);
	assert_null(strstr(body, "applications menu"));
	assert_non_null(strstr(body, "make run"));
	free(body);
	f->w.installed = true;
	kvs_add(&r.cookies, "nabij_session", "0123456789abcdef0123456789abcdef", 32);
	assert_int_equal(run(f, &r, NULL), 403);	/* a wrong one */
	kvs_add(&r.query, "token", f->w.token, strlen(f->w.token));
	web_handle(&f->w, &r, &resp);
	assert_int_equal(resp.status, 303);
	assert_string_equal(resp.location, "/");
	assert_int_equal(resp.ncookies, 1);
	assert_non_null(strstr(resp.cookies[0], "HttpOnly"));
	assert_non_null(strstr(resp.cookies[0], "SameSite=Strict"));
	web_resp_free(&resp);
	req_free(&r);
	/* the style sheet is not secret, but still only for our Host */
	req_init(&r, &f->w, "GET", "/static/style.css");
	kvs_free(&r.cookies);
	memset(&resp, 0, sizeof resp);
	web_handle(&f->w, &r, &resp);
	assert_int_equal(resp.status, 200);
	assert_non_null(strstr(resp.type, "text/css"));
	web_resp_free(&resp);
	req_free(&r);
	/* the security headers every response carries */
	bool csp = false;
	for (int i = 0; web_security_headers[i]; i += 2)
		if (strcmp(web_security_headers[i], "Content-Security-Policy") == 0 &&
		    strstr(web_security_headers[i + 1], "default-src 'none'") &&
		    strstr(web_security_headers[i + 1], "frame-ancestors 'none'"))
			csp = true;
	assert_true(csp);
}

static void posts_are_checked(void **state)
{
	struct fixture *f = *state;
	struct web_req r;
	char *body;

	req_init(&r, &f->w, "POST", "/checkin");
	form(&r, "mood", "3");
	assert_int_equal(run(f, &r, NULL), 303);
	req_free(&r);

	req_init(&r, &f->w, "POST", "/checkin");	/* no form token */
	kvs_free(&r.form);
	form(&r, "mood", "3");
	assert_int_equal(run(f, &r, &body), 403);
	assert_non_null(strstr(body, "nothing was changed"));
	free(body);
	req_free(&r);

	req_init(&r, &f->w, "POST", "/checkin");	/* another site */
	kvs_free(&r.headers);
	kvs_add(&r.headers, "host", "127.0.0.1:7419", 14);
	kvs_add(&r.headers, "origin", "http://evil.example", 19);
	form(&r, "mood", "3");
	assert_int_equal(run(f, &r, NULL), 403);
	req_free(&r);

	req_init(&r, &f->w, "POST", "/checkin");	/* Origin null, browser says cross-site */
	kvs_free(&r.headers);
	kvs_add(&r.headers, "host", "127.0.0.1:7419", 14);
	kvs_add(&r.headers, "origin", "null", 4);
	kvs_add(&r.headers, "sec-fetch-site", "cross-site", 10);
	assert_int_equal(run(f, &r, NULL), 403);
	req_free(&r);

	req_init(&r, &f->w, "POST", "/checkin");	/* Origin null from our own page */
	kvs_free(&r.headers);
	kvs_add(&r.headers, "host", "127.0.0.1:7419", 14);
	kvs_add(&r.headers, "origin", "null", 4);
	kvs_add(&r.headers, "sec-fetch-site", "same-origin", 11);
	form(&r, "mood", "4");
	assert_int_equal(run(f, &r, NULL), 303);
	req_free(&r);

	req_init(&r, &f->w, "POST", "/checkin");	/* neither Origin nor Referer */
	kvs_free(&r.headers);
	kvs_add(&r.headers, "host", "127.0.0.1:7419", 14);
	assert_int_equal(run(f, &r, NULL), 403);
	req_free(&r);

	req_init(&r, &f->w, "POST", "/history");	/* a page that takes no POST */
	assert_int_equal(run(f, &r, NULL), 405);
	req_free(&r);

	req_init(&r, &f->w, "POST", "/checkin");
	r.too_large = true;
	assert_int_equal(run(f, &r, NULL), 413);
	req_free(&r);

	/* a zero byte is refused with the field named, never cut silently */
	req_init(&r, &f->w, "POST", "/checkin");
	kvs_add(&r.form, "note", "before\0after", 12);
	assert_int_equal(run(f, &r, &body), 400);
	assert_non_null(strstr(body, "note"));
	free(body);
	req_free(&r);
	assert_int_equal(get(f, "/history", &body), 200);
	assert_null(strstr(body, "before"));
	free(body);
	req_init(&r, &f->w, "POST", "/checkin");	/* the form token must match whole */
	kvs_free(&r.form);
	kvs_add(&r.form, "csrf", f->w.csrf, strlen(f->w.csrf));
	r.form.v[0].value = xrealloc(r.form.v[0].value, strlen(f->w.csrf) + 6);
	memcpy(r.form.v[0].value + strlen(f->w.csrf), "\0junk", 6);
	r.form.v[0].len += 5;
	form(&r, "mood", "3");
	assert_int_equal(run(f, &r, NULL), 403);
	req_free(&r);
	req_init(&r, &f->w, "GET", "/history");
	kvs_add(&r.query, "q", "a\0b", 3);
	assert_int_equal(run(f, &r, NULL), 400);
	req_free(&r);

	/* after choosing a language: back to a page of ours only */
	static const struct {
		const char *back, *to;
	} backs[] = {
		{ "/history?q=x", "/history?q=x" }, { "/checkin", "/checkin" },
		{ "/\\evil.com", "/" }, { "//evil.com", "/" }, { "/%2F/evil.com", "/" },
		{ "https://evil.com", "/" }, { "/no/such/page", "/" }, { "/\tx", "/" },
	};
	for (size_t i = 0; i < sizeof backs / sizeof backs[0]; i++) {
		struct web_resp resp = { 0 };

		req_init(&r, &f->w, "POST", "/lang");
		form(&r, "lang", "nl");
		form(&r, "back", backs[i].back);
		web_handle(&f->w, &r, &resp);
		assert_int_equal(resp.status, 303);
		assert_string_equal(resp.location, backs[i].to);
		web_resp_free(&resp);
		req_free(&r);
	}

	req_init(&r, &f->w, "DELETE", "/");
	assert_int_equal(run(f, &r, NULL), 405);
	req_free(&r);
	assert_int_equal(get(f, "/no/such/page", NULL), 404);
	assert_int_equal(get(f, "/r/999", NULL), 404);
	assert_int_equal(get(f, "/exercise/yoga", NULL), 404);
}

static void bad_form_keeps_input(void **state)
{
	struct fixture *f = *state;
	struct web_req r;
	char *body;

	req_init(&r, &f->w, "POST", "/checkin");
	form(&r, "mood", "3");
	form(&r, "emotion", "fear");
	form(&r, "sleep-hours", "seven");
	form(&r, "note", "a long note I do not want to lose");
	assert_int_equal(run(f, &r, &body), 422);
	assert_non_null(strstr(body, "a long note I do not want to lose"));
	assert_non_null(strstr(body, "value=\"seven\""));
	assert_non_null(strstr(body, "aria-invalid=\"true\""));
	assert_non_null(strstr(body, "name=\"mood\" value=\"3\" checked"));
	assert_non_null(strstr(body, "value=\"fear\" checked"));
	assert_non_null(strstr(body, "sleep hours must be a number of hours"));
	free(body);
	req_free(&r);
	get(f, "/history", &body);	/* and nothing was written */
	assert_non_null(strstr(body, "Nothing here yet."));
	free(body);
}

/* A words exercise asks its own questions, the same as in the terminal,
 * and keeps the answers one a line. */
static void exercise_asks_its_questions(void **state)
{
	struct fixture *f = *state;
	struct web_req r;
	struct web_resp resp = { 0 };
	struct nb_entry *e = NULL;
	struct nb_error err;
	char *body;
	const char *at;

	assert_int_equal(get(f, "/exercise/closeness", &body), 200);
	assert_non_null(strstr(body, "Whom would you like to ask?"));
	assert_non_null(strstr(body, "What would help you right now?"));
	assert_non_null(strstr(body, "How would you say it, in your own words?"));
	free(body);
	req_init(&r, &f->w, "POST", "/exercise/closeness");
	form(&r, "done", "1");
	form(&r, "with", "Sam");
	form(&r, "words0", "a hug");
	form(&r, "words1", "Would you hold me for a moment?");
	web_handle(&f->w, &r, &resp);
	assert_int_equal(resp.status, 303);
	assert_non_null(at = strstr(resp.location, "saved="));
	assert_int_equal(app_get(&f->app, atoll(at + 6), &e, &err), NB_OK);
	assert_string_equal(e->u.session.words, "a hug\nWould you hold me for a moment?");
	assert_string_equal(e->u.session.with, "Sam");
	entry_free(e);
	web_resp_free(&resp);
	req_free(&r);
}

/* How often needle stands in hay. */
static int count(const char *hay, const char *needle)
{
	int n = 0;

	for (const char *at = hay; (at = strstr(at, needle)); at += strlen(needle))
		n++;
	return n;
}

/* A search with more matches than the page shows says so, shows the best
 * few first and more on asking, as the history's list does. */
static void search_says_how_many(void **state)
{
	struct fixture *f = *state;
	struct web_req r;
	char *body;

	for (int i = 0; i < 105; i++) {
		req_init(&r, &f->w, "POST", "/checkin");
		form(&r, "mood", "3");
		form(&r, "note", "a heron by the water");
		assert_int_equal(run(f, &r, NULL), 303);
		req_free(&r);
	}
	req_init(&r, &f->w, "GET", "/history");
	kvs_add(&r.query, "q", "heron", 5);
	assert_int_equal(run(f, &r, &body), 200);
	assert_non_null(strstr(body, "best 30 of 105 matches"));
	assert_int_equal(count(body, "class=\"snippet\""), 30);
	assert_non_null(strstr(body, "href=\"/history?show=60&amp;q=heron\""));
	free(body);
	kvs_add(&r.query, "show", "90", 2);
	assert_int_equal(run(f, &r, &body), 200);
	assert_non_null(strstr(body, "best 90 of 105 matches"));
	assert_non_null(strstr(body, "href=\"/history?show=120&amp;q=heron\""));
	free(body);
	req_free(&r);
	req_init(&r, &f->w, "GET", "/history");
	kvs_add(&r.query, "q", "heron", 5);
	kvs_add(&r.query, "show", "120", 3);
	assert_int_equal(run(f, &r, &body), 200);
	assert_null(strstr(body, "best "));
	assert_int_equal(count(body, "class=\"snippet\""), 105);
	assert_null(strstr(body, "Show more"));
	free(body);
	req_free(&r);
}

/* Make one record of each kind with hostile text in every text field. */
static void hostile_records(struct fixture *f, const char *h)
{
	static const char *const posts[][12] = {
		{ "/checkin", "mood", "2", "note", "H", "tag", "H", "body", "H", "emotion_other", "H", NULL },
		{ "/moment", "kind", "hug", "with", "H", "note", "H", "effect_other", "H", NULL },
		{ "/trigger", "situation", "H", "reaction", "H", "alternative", "H", "emotion", "H", NULL },
		{ "/circle", "name", "H", "reach", "H", "helps", "H", NULL },
		{ "/reflect", "text", "H", NULL },
		{ "/phases", "phase", "clash", "with", "H", "note", "H", NULL },
		{ "/exercise/closeness", "with", "H", "words", "H", NULL },
		{ "/beside", "q0", "H", "q1", "H", NULL },
		{ "/week", "intention", "H", NULL },
	};

	for (size_t i = 0; i < sizeof posts / sizeof posts[0]; i++) {
		struct web_req r;
		char *body = NULL;
		int status;

		req_init(&r, &f->w, "POST", posts[i][0]);
		for (int k = 1; posts[i][k]; k += 2)
			form(&r, posts[i][k], strcmp(posts[i][k + 1], "H") == 0 ? h : posts[i][k + 1]);
		status = run(f, &r, &body);
		if (status != 303)
			fail_msg("%s answered %d: %.400s", posts[i][0], status, body ? strstr(body, "<main") : "");
		free(body);
		req_free(&r);
	}
}

static void hostile_text_stays_text(void **state)
{
	struct fixture *f = *state;
	static const char *const pages[] = {
		"/", "/history", "/circle", "/card", "/trigger", "/phases", "/reflect", "/beside", "/week",
		"/charts", "/r/1", "/r/2", "/r/3", "/r/4", "/r/5", "/r/6", "/r/7", "/r/8", "/r/9",
		"/r/1/edit", "/r/2/edit", "/r/3/edit", "/r/4/edit",
	};

	for (size_t k = 0; k < sizeof hostile / sizeof hostile[0]; k++) {
		hostile_records(f, hostile[k]);
		for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
			char *body = NULL;
			int status = get(f, pages[i], &body);
			if (status != 200 && status != 404)
				fail_msg("%s answered %d", pages[i], status);
			if (strstr(body, "<script>") || strstr(body, "<img") || strstr(body, "<b>") ||
			    strstr(body, "' onmouseover") || strstr(body, "</textarea><b>"))
				fail_msg("%s lets hostile text through as markup", pages[i]);
			free(body);
		}
		{
			char *body = NULL;
			get(f, "/history?q=alert", &body);
			assert_null(strstr(body, "<script>"));
			free(body);
		}
	}
}

/* A store whose every read fails, to see what the pages make of it. */
static int failed_reads;
#define FAIL_READ() (failed_reads++, nb_error_set(err, NB_EDB, "", "%s", "the store failed here"))
static enum nb_err f_get(void *db, int64_t id, struct nb_entry **out, struct nb_error *err)
{ (void)db, (void)id, (void)out; return FAIL_READ(); }
static enum nb_err f_find_uid(void *db, const char *uid, int64_t *id, struct nb_error *err)
{ (void)db, (void)uid, (void)id; return FAIL_READ(); }
static enum nb_err f_list(void *db, const struct nb_query *q, struct nb_entries *out, struct nb_error *err)
{ (void)db, (void)q, (void)out; return FAIL_READ(); }
static enum nb_err f_search(void *db, const char *w, int limit, struct nb_hits *out, struct nb_error *err)
{ (void)db, (void)w, (void)limit, (void)out; return FAIL_READ(); }
static enum nb_err f_last_touch(void *db, bool self, struct nb_entry **out, struct nb_error *err)
{ (void)db, (void)self, (void)out; return FAIL_READ(); }
static enum nb_err f_count(void *db, enum nb_type t, int64_t *out, struct nb_error *err)
{ (void)db, (void)t, (void)out; return FAIL_READ(); }
static enum nb_err f_member(void *db, const char *name, char uid[NB_UID_LEN], bool *found, struct nb_error *err)
{ (void)db, (void)name, (void)uid, (void)found; return FAIL_READ(); }
static enum nb_err f_stats(void *db, struct nb_exercise_stat **out, size_t *n, struct nb_error *err)
{ (void)db, (void)out, (void)n; return FAIL_READ(); }
static enum nb_err f_latest(void *db, const char *prompt, struct nb_entry **out, struct nb_error *err)
{ (void)db, (void)prompt, (void)out; return FAIL_READ(); }
static enum nb_err f_period(void *db, const char *since, const char *until, struct nb_period *out,
			    struct nb_error *err)
{ (void)db, (void)since, (void)until, (void)out; return FAIL_READ(); }

static enum nb_err f_waiting(void *db, struct nb_entries *out, struct nb_error *err)
{ (void)db, (void)out; return FAIL_READ(); }

static size_t count_of(const char *s, const char *what)
{
	size_t n = 0;

	for (const char *c = s; (c = strstr(c, what)); c++)
		n++;
	return n;
}

/* Under every route: a page whose read fails sends the error page alone
 * (500, the message), never part of itself. */
static void a_failed_read_fails_the_page(void **state)
{
	struct fixture *f = *state;
	const struct nb_store_ops *real = f->app.store.ops;
	struct nb_store_ops failing = *real;
	const char *path;
	size_t reading = 0;

	failing.get = f_get, failing.find_uid = f_find_uid, failing.list = f_list;
	failing.search = f_search, failing.last_touch = f_last_touch, failing.count = f_count;
	failing.member_by_name = f_member, failing.exercise_stats = f_stats;
	failing.reflection_latest = f_latest, failing.period = f_period, failing.waiting = f_waiting;
	f->app.store.ops = &failing;
	for (size_t i = 0; (path = web_route_path(i)); i++) {
		struct web_req r;
		struct web_resp resp = { 0 };
		char full[128];
		const char *body;
		size_t n = strlen(path);

		/* a prefix route gets an id of its own */
		snprintf(full, sizeof full, "%s%s", path,
			 n > 1 && path[n - 1] == '/' ? (strcmp(path, "/exercise/") == 0 ? "breath"
							: strcmp(path, "/static/") == 0 ? "style.css" : "1")
						     : "");
		req_init(&r, &f->w, "GET", full);
		if (strcmp(path, "/history") == 0)
			kvs_add(&r.query, "q", "river", 5);
		failed_reads = 0;
		web_handle(&f->w, &r, &resp);
		body = resp.body.s ? resp.body.s : "";
		if (failed_reads) {
			reading++;
			if (resp.status != 500 || !strstr(body, "the store failed here") ||
			    count_of(body, "<html") != 1 || count_of(body, "<h1") != 1 || resp.ncookies)
				fail_msg("%s answered %d with %.300s", full, resp.status,
					 strstr(body, "<main") ? strstr(body, "<main") : body);
		}
		web_resp_free(&resp);
		req_free(&r);
	}
	f->app.store.ops = real;
	assert_true(reading >= 15);	/* most pages read something */
}

/* POST a form of name/value pairs (NULL-ended) and return the new record's id. */
static int64_t made(struct fixture *f, const char *path, const char *const *kv)
{
	struct web_req r;
	struct web_resp resp = { 0 };
	const char *at;

	req_init(&r, &f->w, "POST", path);
	for (int i = 0; kv[i]; i += 2)
		form(&r, kv[i], kv[i + 1]);
	web_handle(&f->w, &r, &resp);
	assert_int_equal(resp.status, 303);
	at = strstr(resp.location, "saved=");
	web_resp_free(&resp);
	req_free(&r);
	return at ? atoll(at + 6) : 0;
}

/* The night in recovery, in-process: the feeling "craving" alone leads to
 * the urge box, which Today keeps (at its top, with the help lines) until
 * a later check-in says otherwise; riding the urge starts in one tap and
 * keeps the urge's strength; the check-in's craving scale moves up once a
 * craving was noted; /help has its part for urges. */
static void the_urge_box_stays(void **state)
{
	struct fixture *f = *state;
	struct web_req r;
	struct web_resp resp = { 0 };
	struct nb_entry *e = NULL;
	struct nb_error err;
	char *body;
	const char *at, *box, *noted;

	assert_int_equal(get(f, "/checkin", &body), 200);
	assert_non_null(strstr(body, "<div class=\"craving-ask\">"));	/* asked once ticked */
	assert_true(strstr(body, "name=\"craving\"") > strstr(body, "name=\"emotion\""));
	free(body);
	made(f, "/circle", (const char *const[]){ "name", "Jan", "reach", "+31 6 1111 2222", "first", "1", NULL });
	made(f, "/checkin", (const char *const[]){ "emotion", "craving", NULL });
	assert_int_equal(get(f, "/", &body), 200);	/* a cold start: no notice */
	assert_non_null(box = strstr(body, "A strong urge"));
	assert_non_null(noted = strstr(body, "Noted today"));
	assert_true(box < noted);
	assert_non_null(strstr(body, "href=\"tel:+31611112222\">Call Jan</a>"));
	assert_non_null(strstr(body, "href=\"/exercise/urge?start=1\""));
	assert_non_null(strstr(body, "aria-label=\"Help\""));
	assert_null(strstr(body, "You seem steady"));
	free(body);
	req_init(&r, &f->w, "GET", "/exercise/urge");	/* one tap: the pacer, first */
	kvs_add(&r.query, "start", "1", 1);
	assert_int_equal(run(f, &r, &body), 200);
	req_free(&r);
	assert_true(strstr(body, "class=\"pacer\"") < strstr(body, "Notice the urge."));
	assert_non_null(strstr(body, "How strong was the urge when you began?"));
	assert_non_null(strstr(body, "And now, how strong is the urge?"));
	free(body);
	req_init(&r, &f->w, "POST", "/exercise/urge");
	form(&r, "seconds", "200");
	form(&r, "urge-before", "5");
	form(&r, "urge-after", "3");
	web_handle(&f->w, &r, &resp);
	assert_int_equal(resp.status, 303);
	assert_non_null(at = strstr(resp.location, "saved="));
	assert_int_equal(app_get(&f->app, atoll(at + 6), &e, &err), NB_OK);
	assert_int_equal(e->u.session.urge_before, 5);
	assert_int_equal(e->u.session.urge_after, 3);
	assert_int_equal(e->u.session.tension_before, 0);
	entry_free(e);
	web_resp_free(&resp);
	req_free(&r);
	assert_int_equal(get(f, "/exercise/urge", &body), 200);	/* Start before the steps and the rhythm */
	assert_true(strstr(body, ">Start</button>") < strstr(body, "Notice the urge."));
	assert_true(strstr(body, ">Start</button>") < strstr(body, "<summary>Adjust</summary>"));
	free(body);
	assert_int_equal(get(f, "/checkin", &body), 200);	/* a craving noted before: with the first scales */
	assert_null(strstr(body, "craving-ask"));
	assert_true(strstr(body, "name=\"craving\"") < strstr(body, "name=\"emotion\""));
	free(body);
	made(f, "/checkin", (const char *const[]){ "craving", "2", NULL });
	assert_int_equal(get(f, "/", &body), 200);	/* said otherwise: the box goes */
	assert_null(strstr(body, "A strong urge"));
	free(body);
	assert_int_equal(get(f, "/help", &body), 200);
	assert_non_null(strstr(body, "id=\"urge\""));
	assert_non_null(strstr(body, "When an urge comes"));
	free(body);
}

/* Every route of the table answers a GET: pages with a whole page, the
 * downloads and the style sheet with their own types. */
static void every_route_answers(void **state)
{
	struct fixture *f = *state;
	char ids[3][32];
	const char *path;

	snprintf(ids[0], sizeof ids[0], "%lld",
		 (long long)made(f, "/checkin", (const char *const[]){ "mood", "3", "note", "river", NULL }));
	snprintf(ids[1], sizeof ids[1], "%lld",
		 (long long)made(f, "/trigger", (const char *const[]){ "situation", "no answer", NULL }));
	made(f, "/circle", (const char *const[]){ "name", "Sam", NULL });
	{
		struct nb_entries l = { 0 };
		struct nb_error err;

		assert_int_equal(app_circle(&f->app, &l, &err), NB_OK);
		assert_int_equal(l.n, 1);
		snprintf(ids[2], sizeof ids[2], "%lld", (long long)l.v[0]->id);
		entries_free(&l);
	}
	for (size_t i = 0; (path = web_route_path(i)); i++) {
		struct web_req r;
		struct web_resp resp = { 0 };
		char full[128];
		size_t n = strlen(path);
		const char *id = strcmp(path, "/exercise/") == 0 ? "breath"
				 : strcmp(path, "/static/") == 0 ? "style.css"
				 : strcmp(path, "/r/") == 0 ? ids[0]
				 : strcmp(path, "/trigger/") == 0 ? ids[1] : ids[2];

		snprintf(full, sizeof full, "%s%s", path, n > 1 && path[n - 1] == '/' ? id : "");
		req_init(&r, &f->w, "GET", full);
		web_handle(&f->w, &r, &resp);
		if (strcmp(path, "/lang") == 0) {	/* only ever posted to */
			assert_int_equal(resp.status, 400);
		} else if (strcmp(path, "/trigger/") == 0 || strcmp(path, "/circle/") == 0) {
			if (resp.status != 404)	/* form actions: POST only */
				fail_msg("%s answered %d", full, resp.status);
		} else if (strcmp(path, "/unlock") == 0) {	/* nothing to unlock */
			assert_true(resp.status == 200 || resp.status == 303);
		} else if (strstr(resp.type, "text/html")) {
			if (resp.status != 200 || !strstr(resp.body.s, "<main id=\"main\">") ||
			    !strstr(resp.body.s, "</html>"))
				fail_msg("%s answered %d", full, resp.status);
		} else {
			if (resp.status != 200 || !resp.body.len)
				fail_msg("%s answered %d (%s)", full, resp.status, resp.type);
		}
		web_resp_free(&resp);
		req_free(&r);
	}
}

static void every_page_renders(void **state)
{
	struct fixture *f = *state;
	/* pages with a query of their own; every route is visited by
	 * every_route_answers */
	static const char *const pages[] = {
		"/exercise/grounding", "/exercise/closeness", "/charts?days=365",
		"/exercise/breath?start=1&in=4&hold=2&out=6&minutes=1",
	};
	char *body;

	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		struct web_req r;
		char path[128], *q;

		snprintf(path, sizeof path, "%s", pages[i]);
		req_init(&r, &f->w, "GET", path);
		if ((q = strchr(path, '?'))) {	/* the server splits the query off */
			*q++ = '\0';
			for (char *kv = strtok(q, "&"); kv; kv = strtok(NULL, "&")) {
				char *eq = strchr(kv, '=');
				*eq = '\0';
				kvs_add(&r.query, kv, eq + 1, strlen(eq + 1));
			}
		}
		assert_int_equal(run(f, &r, &body), 200);
		assert_non_null(strstr(body, "</html>"));
		assert_non_null(strstr(body, "<main id=\"main\">"));
		free(body);
		req_free(&r);
	}
	assert_int_equal(get(f, "/export.json", &body), 200);
	assert_non_null(strstr(body, "\"format\": \"nabij\""));
	free(body);
}

static void dutch_on_request(void **state)
{
	struct fixture *f = *state;
	struct web_req r;
	char *body;

	if (!getenv("NABIJ_LOCALEDIR"))
		skip();
	setlocale(LC_ALL, "C.UTF-8");
	bindtextdomain("nabij", getenv("NABIJ_LOCALEDIR"));
	bind_textdomain_codeset("nabij", "UTF-8");
	textdomain("nabij");

	req_init(&r, &f->w, "GET", "/");
	kvs_add(&r.cookies, "nabij_lang", "nl", 2);
	run(f, &r, &body);
	assert_non_null(strstr(body, "lang=\"nl\""));
	assert_non_null(strstr(body, "Vandaag"));
	free(body);
	req_free(&r);
	req_init(&r, &f->w, "GET", "/");
	kvs_add(&r.headers, "accept-language", "nl-NL,nl;q=0.9", 14);
	run(f, &r, &body);
	assert_non_null(strstr(body, "Vandaag"));
	free(body);
	req_free(&r);
	get(f, "/", &body);
	assert_non_null(strstr(body, "lang=\"en\""));
	free(body);
}

/* A lowest check-in that asks for someone offers one tap to call them. */
static void lowest_asks_for_someone(void **state)
{
	struct fixture *f = *state;
	struct web_req r;
	struct web_resp resp = { 0 };
	struct nb_entry *e = entry_new(NB_MEMBER);
	struct nb_error err;
	char *body;

	e->u.member.name = xstrdup("Sam");
	e->u.member.reach = xstrdup("06-12345678");
	assert_int_equal(app_add(f->w.app, e, &err), NB_OK);
	entry_free(e);
	req_init(&r, &f->w, "POST", "/checkin");
	form(&r, "mood", "1");
	form(&r, "need", "contact");
	web_handle(&f->w, &r, &resp);
	assert_int_equal(resp.status, 303);
	req_free(&r);
	req_init(&r, &f->w, "GET", "/");
	kvs_add(&r.query, "saved", strchr(resp.location, '=') + 1, strlen(strchr(resp.location, '=') + 1));
	web_resp_free(&resp);
	run(f, &r, &body);
	assert_non_null(strstr(body, "<a class=\"button\" href=\"tel:0612345678\">Sam</a>"));
	free(body);
	req_free(&r);
}

/* In the circle, only a phone number is a link to call: a date or a
 * computer's address in "how to reach" stays text. */
static void circle_calls_only_phones(void **state)
{
	struct fixture *f = *state;
	static const char *const reach[][2] = {
		{ "Sam", "06-12345678" }, { "Noor", "192.168.1.10" }, { "Ellen", "05-03-2024" },
		{ "Jip", "2024-03-05" },
	};
	struct nb_error err;
	char *body;

	(void)state;
	for (size_t i = 0; i < sizeof reach / sizeof reach[0]; i++) {
		struct nb_entry *e = entry_new(NB_MEMBER);
		e->u.member.name = xstrdup(reach[i][0]);
		e->u.member.reach = xstrdup(reach[i][1]);
		assert_int_equal(app_add(f->w.app, e, &err), NB_OK);
		entry_free(e);
	}
	assert_int_equal(get(f, "/circle", &body), 200);
	assert_non_null(strstr(body, "<a href=\"tel:0612345678\">06-12345678</a>"));
	assert_null(strstr(body, "tel:19216811"));
	assert_null(strstr(body, "tel:05032024"));
	assert_null(strstr(body, "tel:20240305"));
	assert_non_null(strstr(body, "192.168.1.10"));	/* still shown, as text */
	assert_non_null(strstr(body, "2024-03-05"));
	free(body);
}

/* One first to call at a time: marking another says so, on the circle
 * and after a change, and only the new one is marked. */
static void one_first_to_call(void **state)
{
	struct fixture *f = *state;
	struct web_req r;
	struct web_resp resp = { 0 };
	struct nb_entry *e = entry_new(NB_MEMBER);
	struct nb_error err;
	char *body, path[64], location[512];
	int64_t sam;

	e->u.member.name = xstrdup("Sam");
	e->u.member.first = true;
	assert_int_equal(app_add(f->w.app, e, &err), NB_OK);
	sam = e->id;
	entry_free(e);
	req_init(&r, &f->w, "POST", "/circle");
	form(&r, "name", "Noor");
	form(&r, "first", "1");
	web_handle(&f->w, &r, &resp);
	assert_int_equal(resp.status, 303);
	snprintf(location, sizeof location, "%s", resp.location);
	web_resp_free(&resp);
	req_free(&r);
	req_init(&r, &f->w, "GET", "/circle");
	assert_non_null(strchr(location, '?'));
	kvs_add(&r.query, "moved", strchr(location, '=') + 1, strlen(strchr(location, '=') + 1));
	run(f, &r, &body);
	req_free(&r);
	assert_non_null(strstr(body, "Noor is now the first to call, instead of Sam."));
	assert_non_null(strstr(body, "<strong>Noor</strong> · the first to call"));
	assert_null(strstr(body, "<strong>Sam</strong> · the first to call"));
	assert_non_null(strstr(body, "Now the first to call: Noor. There is one at a time"));	/* beside the choice */
	free(body);

	/* Sam again, through the change form, which says who is first now */
	snprintf(path, sizeof path, "/r/%lld/edit", (long long)sam);
	assert_int_equal(get(f, path, &body), 200);
	assert_non_null(strstr(body, "Now the first to call: Noor."));
	free(body);
	req_init(&r, &f->w, "POST", path);
	form(&r, "name", "Sam");
	form(&r, "first", "1");
	web_handle(&f->w, &r, &resp);
	assert_int_equal(resp.status, 303);
	assert_non_null(strstr(resp.location, "moved="));
	snprintf(location, sizeof location, "%s", resp.location);
	web_resp_free(&resp);
	req_free(&r);
	snprintf(path, sizeof path, "/r/%lld", (long long)sam);
	req_init(&r, &f->w, "GET", path);
	kvs_add(&r.query, "changed", "1", 1);
	kvs_add(&r.query, "moved", strstr(location, "moved=") + 6, strlen(strstr(location, "moved=") + 6));
	run(f, &r, &body);
	req_free(&r);
	assert_non_null(strstr(body, "Sam is now the first to call, instead of Noor."));
	free(body);
	snprintf(path, sizeof path, "/r/%lld/edit", (long long)sam);
	assert_int_equal(get(f, path, &body), 200);
	assert_null(strstr(body, "Now the first to call"));	/* Sam is: nothing to say */
	free(body);
}

/* POST path with the form's pairs (NULL-ended); the status, the location
 * left in location. */
static int post(struct fixture *f, const char *path, const char *const *kv, char *location, size_t size)
{
	struct web_req r;
	struct web_resp resp = { 0 };
	int status;

	req_init(&r, &f->w, "POST", path);
	for (int i = 0; kv && kv[i]; i += 2)
		form(&r, kv[i], kv[i + 1]);
	web_handle(&f->w, &r, &resp);
	status = resp.status;
	snprintf(location, size, "%s", resp.location);
	web_resp_free(&resp);
	req_free(&r);
	return status;
}

/* GET path with one pair in its query. */
static int get_q(struct fixture *f, const char *path, const char *k, const char *v, char **body)
{
	struct web_req r;
	int status;

	req_init(&r, &f->w, "GET", path);
	kvs_add(&r.query, k, v, strlen(v));
	status = run(f, &r, body);
	req_free(&r);
	return status;
}

/* What follows a save is the terminal's too (care_after): a word after a
 * moment that did not feel safe, and after the lowest check-in that asks
 * for someone, the help and the people of the circle to call. */
static void care_after_a_save_on_the_page(void **state)
{
	struct fixture *f = *state;
	char *body, id[32];
	int64_t made_id;

	made_id = made(f, "/moment", (const char *const[]){ "kind", "hug", "safe", "no", NULL });
	snprintf(id, sizeof id, "%lld", (long long)made_id);
	assert_int_equal(get_q(f, "/", "saved", id, &body), 200);
	assert_non_null(strstr(body, "<p>Thank you for noting that. Your no counts as much as your yes.</p>"));
	free(body);
	made_id = made(f, "/moment", (const char *const[]){ "kind", "hug", "safe", "yes", NULL });
	snprintf(id, sizeof id, "%lld", (long long)made_id);
	assert_int_equal(get_q(f, "/", "saved", id, &body), 200);
	assert_null(strstr(body, "Your no counts"));
	free(body);
	made(f, "/circle", (const char *const[]){ "name", "Sam", "reach", "06-12345678", NULL });
	made_id = made(f, "/checkin", (const char *const[]){ "mood", "1", "need", "contact", NULL });
	snprintf(id, sizeof id, "%lld", (long long)made_id);
	assert_int_equal(get_q(f, "/", "saved", id, &body), 200);
	assert_non_null(strstr(body, "Someone of your circle, one tap away:"));
	assert_non_null(strstr(body, "href=\"tel:0612345678\">Sam</a>"));
	free(body);
}

/* Nothing removed by one stray tap: a member or a record deleted in the
 * browser is gone from the circle, the history and search at once, and the
 * next page offers Undo as a form (no script), which brings it back whole. */
static void undo_in_the_browser(void **state)
{
	struct fixture *f = *state;
	struct nb_entry *e = entry_new(NB_MEMBER), *m;
	struct nb_error err;
	char *body, path[64], location[512], id[24];
	int64_t ilse, hug;

	e->u.member.name = xstrdup("Ilse");
	e->u.member.reach = xstrdup("06-12345678");
	assert_int_equal(app_add(f->w.app, e, &err), NB_OK);
	ilse = e->id;
	m = e;
	e = entry_new(NB_MOMENT);
	e->u.moment.kind = xstrdup("hug");
	e->u.moment.with = xstrdup("Ilse");
	e->u.moment.note = xstrdup("zebrawarm");
	assert_int_equal(app_add(f->w.app, e, &err), NB_OK);
	hug = e->id;
	entry_free(e);
	assert_int_equal(app_get(f->w.app, hug, &e, &err), NB_OK);
	assert_string_equal(e->u.moment.member_uid, m->uid);	/* linked by name */
	entry_free(e);

	/* the circle's Remove: gone at once, Undo on the next page */
	snprintf(path, sizeof path, "/circle/%lld", (long long)ilse);
	assert_int_equal(post(f, path, NULL, location, sizeof location), 303);
	assert_non_null(strstr(location, "/circle"));
	assert_int_equal(get(f, "/circle", &body), 200);
	assert_null(strstr(body, "<li><p><strong>Ilse</strong>"));	/* out of the circle */
	assert_non_null(strstr(body, "Removed from your circle: <strong>Ilse</strong>"));
	assert_non_null(strstr(body, "action=\"/undo\""));
	snprintf(id, sizeof id, "value=\"%lld\"", (long long)ilse);
	assert_non_null(strstr(body, id));
	assert_non_null(strstr(body, "For 10 minutes Undo brings it back whole"));
	assert_null(strstr(body, "confirm("));
	free(body);
	assert_int_equal(get(f, "/card", &body), 200);
	assert_null(strstr(body, "Ilse"));
	free(body);
	snprintf(path, sizeof path, "/r/%lld", (long long)ilse);
	assert_int_equal(get(f, path, &body), 404);
	free(body);
	/* Undo: back whole, the same record, linked from the moment again */
	snprintf(id, sizeof id, "%lld", (long long)ilse);
	assert_int_equal(post(f, "/undo", (const char *const[]){ "id", id, NULL }, location, sizeof location), 303);
	assert_string_equal(location, "/circle");
	assert_int_equal(get(f, "/circle", &body), 200);
	assert_non_null(strstr(body, "<li><p><strong>Ilse</strong>"));
	assert_null(strstr(body, "action=\"/undo\""));
	free(body);
	assert_int_equal(app_get(f->w.app, hug, &e, &err), NB_OK);
	assert_string_equal(e->u.moment.member_uid, m->uid);
	entry_free(e);
	assert_int_equal(post(f, "/undo", (const char *const[]){ "id", id, NULL }, location, sizeof location), 404);

	/* a record deleted on its page: out of history and search, Undo there */
	snprintf(path, sizeof path, "/r/%lld", (long long)hug);
	assert_int_equal(get(f, path, &body), 200);
	assert_non_null(strstr(body, "For 10 minutes Undo brings it back whole"));
	free(body);
	snprintf(path, sizeof path, "/r/%lld/delete", (long long)hug);
	assert_int_equal(post(f, path, NULL, location, sizeof location), 303);
	assert_non_null(strstr(location, "/history?deleted="));
	assert_int_equal(get_q(f, "/history", "deleted", strchr(location, '=') + 1, &body), 200);
	assert_non_null(strstr(body, "Deleted:"));
	assert_non_null(strstr(body, "action=\"/undo\""));
	snprintf(path, sizeof path, "href=\"/r/%lld\"", (long long)hug);
	assert_null(strstr(body, path));
	free(body);
	assert_int_equal(get_q(f, "/history", "q", "zebrawarm", &body), 200);
	assert_non_null(strstr(body, "Nothing found."));
	free(body);
	assert_int_equal(get(f, "/undo", &body), 200);
	assert_non_null(strstr(body, "Deleted:"));
	free(body);
	/* no id: the one deleted last */
	assert_int_equal(post(f, "/undo", NULL, location, sizeof location), 303);
	snprintf(path, sizeof path, "/r/%lld?back=1", (long long)hug);
	assert_string_equal(location, path);
	snprintf(path, sizeof path, "/r/%lld", (long long)hug);
	assert_int_equal(get_q(f, path, "back", "1", &body), 200);
	assert_non_null(strstr(body, "It is back, whole, as it was."));
	free(body);
	assert_int_equal(get(f, "/undo", &body), 200);
	assert_non_null(strstr(body, "Nothing waits to be undone."));
	free(body);
	assert_int_equal(post(f, "/undo", NULL, location, sizeof location), 404);
	assert_int_equal(post(f, "/undo", (const char *const[]){ "id", "x", NULL }, location, sizeof location), 404);
	entry_free(m);
}

/* The circle's edit form changes a person into a place. */
static void member_becomes_a_place(void **state)
{
	struct fixture *f = *state;
	struct web_req r;
	struct web_resp resp = { 0 };
	struct nb_entry *e;
	struct nb_error err;
	char path[32], *body;
	int64_t id;

	e = entry_new(NB_MEMBER);
	e->u.member.name = xstrdup("The bench by the river");
	assert_int_equal(app_add(f->w.app, e, &err), NB_OK);
	id = e->id;
	entry_free(e);
	snprintf(path, sizeof path, "/r/%lld/edit", (long long)id);
	get(f, path, &body);
	assert_non_null(strstr(body, "value=\"person\" checked"));
	free(body);
	req_init(&r, &f->w, "POST", path);
	form(&r, "name", "The bench by the river");
	form(&r, "place", "place");
	web_handle(&f->w, &r, &resp);
	assert_int_equal(resp.status, 303);
	web_resp_free(&resp);
	req_free(&r);
	assert_int_equal(app_get(f->w.app, id, &e, &err), NB_OK);
	assert_true(e->u.member.place);
	entry_free(e);
}

/* Help: the part on loss, De Luisterlijn first (loneliness is the need
 * here), and in every footer beside 113 and 112. */
static void help_names_loss_and_a_listening_line(void **state)
{
	struct fixture *f = *state;
	struct web_req r;
	char *body, *box, *listen, *line, *foot;

	req_init(&r, &f->w, "GET", "/help");
	run(f, &r, &body);
	assert_non_null(strstr(body, "<h2 id=\"loss-h\">If you lost someone</h2>"));
	assert_non_null(strstr(body, "<h2 id=\"alone-h\">If you live alone</h2>"));
	assert_null(strstr(body, "no partner"));
	box = strstr(body, "class=\"care\"");
	assert_non_null(box);
	listen = strstr(box, "href=\"tel:0880767000\"");
	line = strstr(box, "href=\"tel:113\"");
	assert_true(listen && line && listen < line);
	foot = strstr(body, "<footer>");
	assert_non_null(foot);
	assert_non_null(strstr(foot, "<a href=\"tel:0880767000\">088\xc2\xa0" "0767\xc2\xa0" "000</a>"));
	assert_non_null(strstr(foot, "<a href=\"tel:113\">113</a>"));
	assert_non_null(strstr(foot, "<a href=\"tel:112\">112</a>"));
	assert_non_null(strstr(foot, "<a href=\"https://113.nl\" rel=\"noopener noreferrer\">113.nl</a>"));
	free(body);
	req_free(&r);
	{	/* a check-in asking for contact, one step above the lowest: someone who listens, no 113 box */
		struct web_resp resp = { 0 };
		req_init(&r, &f->w, "POST", "/checkin");
		form(&r, "mood", "2");
		form(&r, "need", "contact");
		web_handle(&f->w, &r, &resp);
		assert_int_equal(resp.status, 303);
		req_free(&r);
		req_init(&r, &f->w, "GET", "/");
		kvs_add(&r.query, "saved", strchr(resp.location, '=') + 1, strlen(strchr(resp.location, '=') + 1));
		web_resp_free(&resp);
		run(f, &r, &body);
		assert_non_null(strstr(body, "<p class=\"listen\">"));
		assert_non_null(strstr(strstr(body, "<p class=\"listen\">"), "<a class=\"button secondary call\" href=\"tel:0880767000\">"));
		assert_null(strstr(body, "class=\"care\""));
		free(body);
		req_free(&r);
	}
}

static void lowest_checkin_shows_help(void **state)
{
	struct fixture *f = *state;
	struct web_req r;
	struct web_resp resp = { 0 };
	char *body;

	req_init(&r, &f->w, "POST", "/checkin");
	form(&r, "mood", "1");
	web_handle(&f->w, &r, &resp);
	assert_int_equal(resp.status, 303);
	req_free(&r);
	req_init(&r, &f->w, "GET", "/");
	kvs_add(&r.query, "saved", strchr(resp.location, '=') + 1, strlen(strchr(resp.location, '=') + 1));
	web_resp_free(&resp);
	run(f, &r, &body);
	assert_non_null(strstr(body, "class=\"care\""));
	assert_non_null(strstr(body, "<a href=\"tel:08000113\">0800-0113</a>"));	/* a phone can call it */
	assert_non_null(strstr(body, "<a href=\"tel:112\">112</a>"));
	assert_non_null(strstr(body, "<a href=\"tel:113\">113</a>"));	/* the short number too */
	{	/* once, not twice */
		char *first = strstr(body, "class=\"care\"");
		assert_null(strstr(first + 1, "class=\"care\""));
	}
	{	/* in the box the numbers are buttons, 113 first at the lowest end */
		char *box = strstr(body, "class=\"care\"");
		char *line = strstr(box, "<a class=\"button secondary call\" href=\"tel:113\">113</a>");
		char *listen = strstr(box, "<a class=\"button secondary call\" href=\"tel:0880767000\">");
		assert_non_null(line);
		assert_non_null(listen);
		assert_true(line < listen);
		assert_non_null(strstr(box, "<a class=\"button secondary call\" href=\"https://113.nl\" rel=\"noopener noreferrer\">113.nl</a>"));
	}
	assert_non_null(strstr(body, "check-in of 20 November</a>"));	/* the record by its day, */
	assert_null(strstr(body, "check-in #"));			/* not by a number */
	free(body);
	req_free(&r);
	/* after an exercise (another record saved), today's lowest check-in still shows the help */
	req_init(&r, &f->w, "POST", "/moment");
	form(&r, "kind", "hug");
	web_handle(&f->w, &r, &resp);
	assert_int_equal(resp.status, 303);
	req_free(&r);
	req_init(&r, &f->w, "GET", "/");
	kvs_add(&r.query, "saved", strchr(resp.location, '=') + 1, strlen(strchr(resp.location, '=') + 1));
	web_resp_free(&resp);
	run(f, &r, &body);
	assert_non_null(strstr(body, "class=\"care\""));
	free(body);
	req_free(&r);
}

/* The week opens with its story (core/story.c), the numbers below under a
 * heading of their own; the intention it quotes is the person's text,
 * escaped, and not said twice. */
static void the_week_tells_its_story(void **state)
{
	struct fixture *f = *state;
	struct web_req r;
	char *body, *story, *numbers, location[256];

	assert_int_equal(post(f, "/checkin", (const char *const[]){ "mood", "3", "craving", "5", NULL },
			      location, sizeof location), 303);
	assert_int_equal(post(f, "/week", (const char *const[]){ "intention", hostile[0], NULL },
			      location, sizeof location), 303);
	assert_int_equal(get(f, "/week", &body), 200);
	story = strstr(body, "<section class=\"story\"><p>On Friday a strong urge came. It is good that you noted it.</p></section>");
	numbers = strstr(body, "<h2>The week in numbers</h2>");
	assert_non_null(story);
	assert_non_null(numbers);
	assert_true(story < numbers);
	assert_true(strstr(body, "</h1>") < story);
	assert_null(strstr(body, "steady"));
	free(body);
	/* the next week: the intention set this week, quoted in the story only */
	req_init(&r, &f->w, "GET", "/week");
	kvs_add(&r.query, "date", "2026-11-23", 10);
	assert_int_equal(run(f, &r, &body), 200);
	req_free(&r);
	assert_non_null(strstr(body, "<section class=\"story\"><p>Your intention for this week, in your own words: "
				 "“&lt;script&gt;alert(1)&lt;/script&gt;” — a moment to look back at it"));
	assert_null(strstr(body, "<script>"));
	assert_null(strstr(body, "Your intention for this week:"));
	assert_null(strstr(body, "The week in numbers"));	/* nothing noted in it yet */
	free(body);
}

/* A moment's length from a button, or from the person's own words (which
 * win); shown back as a button, or as minutes, never as bare seconds. */
static void moment_length(void **state)
{
	struct fixture *f = *state;
	static const struct { const char *button, *words; int seconds; const char *shown; } cases[] = {
		{ "few", "", 180, "value=\"few\" checked" },
		{ "moment", "een paar minuten", 180, "value=\"few\" checked" },
		{ NULL, "5 minuten", 300, "value=\"5 min\"" },
		{ NULL, "about 30 seconds", 30, "value=\"30 s\"" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct web_req r;
		struct web_resp resp = { 0 };
		struct nb_entry *e;
		struct nb_error err;
		char path[64], *body;
		const char *at;

		req_init(&r, &f->w, "POST", "/moment");
		form(&r, "kind", "hug");
		if (cases[i].button)
			form(&r, "length", cases[i].button);
		form(&r, "seconds", cases[i].words);
		web_handle(&f->w, &r, &resp);
		assert_int_equal(resp.status, 303);
		assert_non_null(at = strstr(resp.location, "saved="));
		assert_int_equal(app_get(&f->app, atoll(at + 6), &e, &err), NB_OK);
		assert_int_equal(e->u.moment.seconds, cases[i].seconds);
		snprintf(path, sizeof path, "/r/%lld/edit", (long long)e->id);
		entry_free(e);
		web_resp_free(&resp);
		req_free(&r);
		get(f, path, &body);
		if (!strstr(body, cases[i].shown))
			fail_msg("case %zu: no %s in the edit form", i, cases[i].shown);
		assert_null(strstr(body, "value=\"300\""));
		free(body);
	}
}

/* A reflection, a relationship phase and an exercise are changed in the
 * browser by the form their rows make, as the other kinds are. */
static void every_kind_changed_in_the_browser(void **state)
{
	struct fixture *f = *state;
	struct nb_entry *refl = entry_new(NB_REFLECTION), *ph = entry_new(NB_PHASE), *ex = entry_new(NB_SESSION), *e;
	struct nb_error err;
	struct web_req r;
	char path[64], *body;

	refl->u.reflection.prompt = xstrdup("kind-friend");
	refl->u.reflection.text = xstrdup("a walk wiht Noor");
	ph->u.phase.phase = xstrdup("distance");
	ph->u.phase.with = xstrdup("Sam");
	ex->u.session.exercise = xstrdup("grounding");
	ex->u.session.seconds = 300;
	ex->u.session.tension_before = 4;
	assert_int_equal(app_add(&f->app, refl, &err), NB_OK);
	assert_int_equal(app_add(&f->app, ph, &err), NB_OK);
	assert_int_equal(app_add(&f->app, ex, &err), NB_OK);

	snprintf(path, sizeof path, "/r/%lld", (long long)refl->id);
	assert_int_equal(get(f, path, &body), 200);
	assert_non_null(strstr(body, "/edit\">Change</a>"));
	free(body);
	snprintf(path, sizeof path, "/r/%lld/edit", (long long)refl->id);
	assert_int_equal(get(f, path, &body), 200);
	assert_non_null(strstr(body, ">a walk wiht Noor</textarea>"));
	free(body);
	req_init(&r, &f->w, "POST", path);	/* emptied: the answer is what it is for */
	form(&r, "text", "");
	assert_int_equal(run(f, &r, &body), 422);
	free(body);
	req_free(&r);
	req_init(&r, &f->w, "POST", path);
	form(&r, "text", "a walk with Noor");
	assert_int_equal(run(f, &r, NULL), 303);
	req_free(&r);
	assert_int_equal(app_get(&f->app, refl->id, &e, &err), NB_OK);
	assert_string_equal(e->u.reflection.text, "a walk with Noor");
	assert_string_equal(e->u.reflection.prompt, "kind-friend");	/* kept */
	entry_free(e);

	snprintf(path, sizeof path, "/r/%lld/edit", (long long)ph->id);
	assert_int_equal(get(f, path, &body), 200);
	assert_non_null(strstr(body, "value=\"Sam\""));
	free(body);
	req_init(&r, &f->w, "POST", path);
	form(&r, "with", "Sam");
	form(&r, "phase", "turning");
	form(&r, "note", "we talked");
	assert_int_equal(run(f, &r, NULL), 303);
	req_free(&r);
	assert_int_equal(app_get(&f->app, ph->id, &e, &err), NB_OK);
	assert_string_equal(e->u.phase.phase, "turning");
	assert_string_equal(e->u.phase.note, "we talked");
	entry_free(e);

	snprintf(path, sizeof path, "/r/%lld/edit", (long long)ex->id);
	assert_int_equal(get(f, path, &body), 200);
	assert_non_null(strstr(body, "Tension after"));
	free(body);
	req_init(&r, &f->w, "POST", path);
	form(&r, "tension-before", "4");
	form(&r, "tension-after", "2");
	form(&r, "seconds", "5 min");
	assert_int_equal(run(f, &r, NULL), 303);
	req_free(&r);
	assert_int_equal(app_get(&f->app, ex->id, &e, &err), NB_OK);
	assert_int_equal(e->u.session.tension_after, 2);
	assert_string_equal(e->u.session.exercise, "grounding");	/* kept */
	assert_int_equal(e->u.session.seconds, 300);
	entry_free(e);
	entry_free(refl);
	entry_free(ph);
	entry_free(ex);
}

/* A personal experiment in the browser: set up, today's kind of day on the
 * experiment's page and on today's, an answer, a stop without reproach. */
static void experiment_in_the_browser(void **state)
{
	struct fixture *f = *state;
	struct web_req r;
	struct web_resp resp = { 0 };
	struct nb_entry *e;
	struct nb_error err;
	char *body;
	const char *at;

	assert_int_equal(get(f, "/experiment", &body), 200);
	assert_non_null(strstr(body, "drawn by chance"));
	assert_non_null(strstr(body, "Set up the experiment"));
	free(body);
	req_init(&r, &f->w, "POST", "/experiment");	/* no practice chosen: said, nothing saved */
	form(&r, "do", "start");
	form(&r, "outcome", "tension");
	assert_int_equal(run(f, &r, &body), 422);
	assert_non_null(strstr(body, "Choose a practice to try."));
	free(body);
	req_free(&r);
	req_init(&r, &f->w, "POST", "/experiment");
	form(&r, "do", "start");
	form(&r, "practice", "evening-breath");
	form(&r, "outcome", "sleep-quality");
	form(&r, "pairs", "3");
	form(&r, "days", "5");
	form(&r, "washout", "1");
	web_handle(&f->w, &r, &resp);
	assert_int_equal(resp.status, 303);
	assert_non_null(at = strstr(resp.location, "saved="));
	assert_int_equal(app_get(&f->app, atoll(at + 6), &e, &err), NB_OK);
	assert_string_equal(e->u.experiment.practice, "evening-breath");
	assert_string_equal(e->u.experiment.state, "running");
	assert_int_equal(strlen(e->u.experiment.seed), 16);
	entry_free(e);
	web_resp_free(&resp);
	req_free(&r);
	get(f, "/experiment", &body);
	assert_non_null(strstr(body, "Experiment, day 1 of 30"));
	assert_non_null(strstr(body, "A provisional look"));
	assert_non_null(strstr(body, "Did you do it today?"));
	free(body);
	get(f, "/", &body);
	assert_non_null(strstr(body, "Experiment, day 1 of 30"));
	assert_non_null(strstr(body, "still open"));
	free(body);
	req_init(&r, &f->w, "POST", "/checkin");	/* the one question comes with the check-in */
	form(&r, "mood", "3");
	web_handle(&f->w, &r, &resp);
	assert_int_equal(resp.status, 303);
	req_free(&r);
	req_init(&r, &f->w, "GET", "/");
	kvs_add(&r.query, "saved", strchr(resp.location, '=') + 1, strlen(strchr(resp.location, '=') + 1));
	web_resp_free(&resp);
	run(f, &r, &body);
	req_free(&r);
	assert_non_null(strstr(body, "Did you do it today?"));
	assert_non_null(strstr(body, "the breathing exercise in the evening"));
	free(body);
	req_init(&r, &f->w, "POST", "/experiment");
	form(&r, "do", "yes");
	assert_int_equal(run(f, &r, NULL), 303);
	req_free(&r);
	get(f, "/experiment", &body);
	assert_non_null(strstr(body, "You said: yes."));
	free(body);
	req_init(&r, &f->w, "POST", "/experiment");	/* a second one waits for the first */
	form(&r, "do", "start");
	form(&r, "practice", "embrace");
	assert_int_equal(run(f, &r, NULL), 422);
	req_free(&r);
	req_init(&r, &f->w, "POST", "/experiment");
	form(&r, "do", "stop");
	assert_int_equal(run(f, &r, NULL), 303);
	req_free(&r);
	req_init(&r, &f->w, "GET", "/experiment");
	kvs_add(&r.query, "stop", "1", 1);
	run(f, &r, &body);
	req_free(&r);
	assert_non_null(strstr(body, "nothing to make up for"));
	assert_non_null(strstr(body, "Set up the experiment"));	/* a new one may begin */
	assert_non_null(strstr(body, "Your last experiment"));	/* and the last one's look stays */
	assert_non_null(strstr(body, "was stopped"));
	assert_null(strstr(body, "value=\"pause\""));
	free(body);
}

static void import_from_daylio(void **state)
{
	struct fixture *f = *state;
	struct web_req r;
	char *body;
	static const char csv[] = "full_date,date,weekday,time,mood,activities,note\n"
				  "2026-11-19,x,y,21:40,rad,hug | friends,A <b>warm</b> evening\n";

	req_init(&r, &f->w, "POST", "/data");
	kvs_add(&r.form, "file.filename", "daylio_export.csv", 17);
	kvs_add(&r.form, "file", csv, sizeof csv - 1);
	form(&r, "moments", "1");
	assert_int_equal(run(f, &r, NULL), 303);
	req_free(&r);
	get(f, "/history", &body);
	assert_non_null(strstr(body, "A warm evening"));	/* the markup is gone, the words stay */
	assert_non_null(strstr(body, "moment"));
	free(body);
	req_init(&r, &f->w, "POST", "/data");	/* a broken file: refused, said why */
	kvs_add(&r.form, "file.filename", "x.csv", 5);
	kvs_add(&r.form, "file", "full_date,time,mood\n2026-13-01,10:00,rad\n", 40);
	assert_int_equal(run(f, &r, &body), 422);
	assert_non_null(strstr(body, "2026-13-01"));
	free(body);
	req_free(&r);
}


/* A form of ours with a form token from before (a sign-out, an older
 * start): nothing is saved, the words come back with the current token. */
static void an_old_form_comes_back(void **state)
{
	struct fixture *f = *state;
	struct web_req r;
	char *body, want[128];

	req_init(&r, &f->w, "POST", "/moment");
	kvs_free(&r.form);
	form(&r, "csrf", "0123456789abcdef0123456789abcdef");
	form(&r, "kind", "talk");
	form(&r, "note", "<b>a walk with Mieke</b>");
	assert_int_equal(run(f, &r, &body), 409);
	assert_non_null(strstr(body, "&lt;b&gt;a walk with Mieke&lt;/b&gt;"));
	assert_null(strstr(body, "<b>a walk"));
	snprintf(want, sizeof want, "name=\"csrf\" value=\"%s\"", f->w.csrf);
	assert_non_null(strstr(body, want));
	assert_non_null(strstr(body, "action=\"/moment\""));
	free(body);
	req_free(&r);
	assert_int_equal(get(f, "/history", &body), 200);
	assert_null(strstr(body, "a walk with Mieke"));	/* not saved */
	free(body);

	/* a passphrase is never sent back */
	req_init(&r, &f->w, "POST", "/protect");
	kvs_free(&r.form);
	form(&r, "csrf", "0123456789abcdef0123456789abcdef");
	form(&r, "passphrase", "correct horse battery");
	form(&r, "again", "correct horse battery");
	assert_int_equal(run(f, &r, &body), 409);
	assert_null(strstr(body, "correct horse"));
	free(body);
	req_free(&r);
}

/* The form token follows from the session secret: the same secret after
 * a restart gives the same token; a new secret another one. */
static void the_form_token_follows_the_session(void **state)
{
	struct fixture *f = *state;
	struct web again;
	char token[WEB_TOKEN_LEN], csrf[WEB_TOKEN_LEN];

	web_init(&again, &f->app, PORT, "en");
	assert_string_not_equal(again.csrf, f->w.csrf);
	web_set_token(&again, f->w.token);
	assert_string_equal(again.csrf, f->w.csrf);
	assert_string_not_equal(again.csrf, again.token);
	memcpy(token, f->w.token, sizeof token);
	memcpy(csrf, f->w.csrf, sizeof csrf);
	{
		struct web_resp resp = { 0 };

		web_new_session(&f->w, &resp);
		assert_int_equal(resp.ncookies, 1);
		assert_non_null(strstr(resp.cookies[0], f->w.token));
		web_resp_free(&resp);
	}
	assert_string_not_equal(f->w.token, token);
	assert_string_not_equal(f->w.csrf, csrf);
}

/* Signing every other browser out, on the data page. */
static void sign_out_every_other_browser(void **state)
{
	struct fixture *f = *state;
	struct web_req r;
	struct web_resp resp = { 0 };
	char old[WEB_TOKEN_LEN], *body;

	assert_int_equal(get(f, "/data", &body), 200);
	assert_non_null(strstr(body, "Sign out every other browser"));
	free(body);
	memcpy(old, f->w.token, sizeof old);
	req_init(&r, &f->w, "POST", "/data");
	form(&r, "signout", "1");
	web_handle(&f->w, &r, &resp);
	assert_int_equal(resp.status, 303);
	assert_non_null(strstr(resp.cookies[0], f->w.token));
	assert_string_not_equal(f->w.token, old);
	web_resp_free(&resp);
	req_free(&r);
	req_init(&r, &f->w, "GET", "/");	/* the old session is out */
	kvs_free(&r.cookies);
	kvs_add(&r.cookies, "nabij_session", old, strlen(old));
	assert_int_equal(run(f, &r, NULL), 403);
	req_free(&r);
	req_init(&r, &f->w, "GET", "/data");
	kvs_add(&r.query, "signedout", "1", 1);
	assert_int_equal(run(f, &r, &body), 200);
	assert_non_null(strstr(body, "Every other browser is signed out now"));
	free(body);
	req_free(&r);
}

/* /proof answers a nonce with an HMAC under the secret, never the secret,
 * and without a session; anything but a nonce is refused. */
static void the_server_proves_it_knows_the_secret(void **state)
{
	struct fixture *f = *state;
	struct web_req r;
	char *body, want[PLACE_PROOF_LEN];
	const char *nonce = "00112233445566778899aabbccddeeff";

	req_init(&r, &f->w, "GET", "/proof");
	kvs_free(&r.cookies);
	kvs_add(&r.query, "nonce", nonce, strlen(nonce));
	assert_int_equal(run(f, &r, &body), 200);
	place_proof(f->w.token, nonce, want);
	assert_string_equal(body, want);
	assert_null(strstr(body, f->w.token));
	free(body);
	req_free(&r);
	req_init(&r, &f->w, "GET", "/proof");
	kvs_add(&r.query, "nonce", "../../etc", 9);
	assert_int_equal(run(f, &r, NULL), 400);
	req_free(&r);
	req_init(&r, &f->w, "GET", "/proof");
	kvs_free(&r.headers);
	kvs_add(&r.headers, "host", "evil.example:7419", 17);
	kvs_add(&r.query, "nonce", nonce, strlen(nonce));
	assert_int_equal(run(f, &r, NULL), 421);
	req_free(&r);
}


/* The opening address: a redirect where the navigation began with the
 * person; from nabij's page in a private folder (cross-site) a page of
 * this address moves on, so that the Strict cookie goes along. */
static void the_opening_address_signs_in(void **state)
{
	struct fixture *f = *state;
	struct web_req r;
	struct web_resp resp = { 0 };

	req_init(&r, &f->w, "GET", "/");
	kvs_free(&r.cookies);
	kvs_add(&r.query, "token", f->w.token, strlen(f->w.token));
	kvs_add(&r.headers, "sec-fetch-site", "none", 4);
	web_handle(&f->w, &r, &resp);
	assert_int_equal(resp.status, 303);
	assert_non_null(strstr(resp.cookies[0], "SameSite=Strict"));
	web_resp_free(&resp);
	req_free(&r);
	memset(&resp, 0, sizeof resp);
	req_init(&r, &f->w, "GET", "/");
	kvs_free(&r.cookies);
	kvs_add(&r.query, "token", f->w.token, strlen(f->w.token));
	kvs_add(&r.headers, "sec-fetch-site", "cross-site", 10);
	web_handle(&f->w, &r, &resp);
	assert_int_equal(resp.status, 200);
	assert_int_equal(resp.ncookies, 1);
	assert_non_null(strstr(resp.body.s, "http-equiv=\"refresh\" content=\"0;url=/\""));
	assert_null(strstr(resp.body.s, f->w.token));
	web_resp_free(&resp);
	req_free(&r);
}


/* The icon answers without a session, at the name browsers ask for too. */
static void the_icon_is_there(void **state)
{
	struct fixture *f = *state;
	struct web_req r;
	struct web_resp resp = { 0 };

	req_init(&r, &f->w, "GET", "/favicon.ico");
	kvs_free(&r.cookies);
	web_handle(&f->w, &r, &resp);
	assert_int_equal(resp.status, 200);
	assert_string_equal(resp.type, "image/svg+xml");
	assert_non_null(strstr(resp.body.s, "<svg"));
	web_resp_free(&resp);
	req_free(&r);
	/* nor is anything sent to it, as web_admit, asked before a body is
	 * read, says (found by fuzz_headers) */
	req_init(&r, &f->w, "POST", "/favicon.ico");
	web_handle(&f->w, &r, &resp);
	assert_int_equal(resp.status, 405);
	assert_string_equal(resp.allow, "GET, HEAD");	/* what it does take */
	web_resp_free(&resp);
	req_free(&r);
	req_init(&r, &f->w, "POST", "/static/style.css");
	kvs_free(&r.cookies);
	assert_false(web_admit(&f->w, &r));
	assert_int_equal(run(f, &r, NULL), 405);
	req_free(&r);
}

/* A request carries its context: the zone a page's day is in comes with
 * the request (here the one person's), applied before the page runs. */
static void the_zone_comes_with_the_request(void **state)
{
	struct fixture *f = *state;
	char *body;

	assert_int_equal(get(f, "/", &body), 200);	/* 20:00 in Amsterdam */
	assert_non_null(strstr(body, "<h1>Friday 20 November 2026</h1>"));
	free(body);
	f->w.zone = "Pacific/Kiritimati";	/* UTC+14: already the next morning */
	assert_int_equal(get(f, "/", &body), 200);
	assert_non_null(strstr(body, "<h1>Saturday 21 November 2026</h1>"));
	free(body);
	f->w.zone = "Europe/Amsterdam";
	assert_int_equal(get(f, "/", &body), 200);
	assert_non_null(strstr(body, "<h1>Friday 20 November 2026</h1>"));
	free(body);
}

/* The rows of the local mode (the database file and its passphrase) are
 * no pages at all where the server has no file of its own; the pages that
 * exist there say nothing of a passphrase. */
static void routes_of_the_local_mode(void **state)
{
	struct fixture *f = *state;
	struct web_req r;
	struct web_resp resp = { 0 };
	char *body;

	assert_int_equal(get(f, "/protect", NULL), 200);
	assert_int_equal(get(f, "/", &body), 200);	/* the first visit offers a passphrase */
	assert_non_null(strstr(body, "href=\"/protect\""));
	free(body);
	f->w.local = false;
	assert_int_equal(get(f, "/protect", NULL), 404);
	assert_int_equal(get(f, "/unlock", NULL), 404);
	assert_int_equal(get(f, "/", &body), 200);
	assert_null(strstr(body, "/protect"));
	free(body);
	assert_int_equal(get(f, "/data", &body), 200);
	assert_null(strstr(body, "/protect"));
	free(body);
	req_init(&r, &f->w, "POST", "/lang");	/* nor a page to go back to */
	form(&r, "lang", "en");
	form(&r, "back", "/protect");
	web_handle(&f->w, &r, &resp);
	assert_int_equal(resp.status, 303);
	assert_string_equal(resp.location, "/");
	web_resp_free(&resp);
	req_free(&r);
	req_init(&r, &f->w, "GET", "/static/style.css");	/* what needs no person still answers */
	kvs_free(&r.cookies);
	assert_int_equal(run(f, &r, NULL), 200);
	req_free(&r);
	f->w.local = true;
}

/* The same origin is our public address's: its scheme, and a host that may
 * be IPv6 in brackets as well as dotted IPv4. */
static void the_origin_has_our_scheme(void **state)
{
	struct fixture *f = *state;
	struct web_req r;
	const char *host = "[fd00::7]:7419";

	f->w.scheme = "https";
	req_init(&r, &f->w, "POST", "/checkin");	/* Origin http://127.0.0.1:7419 */
	form(&r, "mood", "3");
	assert_int_equal(run(f, &r, NULL), 403);
	kvs_free(&r.headers);
	kvs_add(&r.headers, "host", "127.0.0.1:7419", 14);
	kvs_add(&r.headers, "origin", "https://127.0.0.1:7419", 22);
	assert_int_equal(run(f, &r, NULL), 303);
	req_free(&r);
	snprintf(f->w.host, sizeof f->w.host, "[fd00::7]");
	req_init(&r, &f->w, "GET", "/");
	kvs_free(&r.headers);
	kvs_add(&r.headers, "host", host, strlen(host));
	assert_int_equal(run(f, &r, NULL), 200);
	kvs_free(&r.headers);
	kvs_add(&r.headers, "host", "[FD00::7]:7419", 14);
	assert_int_equal(run(f, &r, NULL), 200);
	kvs_free(&r.headers);
	kvs_add(&r.headers, "host", "127.0.0.1:7419", 14);	/* not ours on this address */
	assert_int_equal(run(f, &r, NULL), 421);
	kvs_free(&r.headers);
	kvs_add(&r.headers, "host", "[fd00::7]:7418", 14);
	assert_int_equal(run(f, &r, NULL), 421);
	req_free(&r);
	req_init(&r, &f->w, "POST", "/checkin");
	kvs_free(&r.headers);
	kvs_add(&r.headers, "host", host, strlen(host));
	kvs_add(&r.headers, "referer", "https://[fd00::7]:7419/checkin", 30);
	form(&r, "mood", "4");
	assert_int_equal(run(f, &r, NULL), 303);
	kvs_free(&r.headers);
	kvs_add(&r.headers, "host", host, strlen(host));
	kvs_add(&r.headers, "referer", "https://[fd00::7]:74190/checkin", 31);
	assert_int_equal(run(f, &r, NULL), 403);
	req_free(&r);
	snprintf(f->w.host, sizeof f->w.host, "127.0.0.1");
	f->w.scheme = "http";
}

/* A page is the same each time it is asked for: nothing of an earlier
 * request (a chart's id) stays behind in the process. */
static void a_page_reads_the_same_again(void **state)
{
	struct fixture *f = *state;
	static const char *const paths[] = { "/", "/charts", "/week", "/insights" };
	char *first, *again;

	made(f, "/checkin", (const char *const[]){ "mood", "3", NULL });	/* something to draw */
	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
		assert_int_equal(get(f, paths[i], &first), 200);
		assert_int_equal(get(f, paths[i], &again), 200);
		assert_string_equal(first, again);
		free(first);
		free(again);
	}
	assert_int_equal(get(f, "/charts", &first), 200);
	assert_non_null(strstr(first, "aria-labelledby=\"c1\""));
	free(first);
}

/*
 * The hosted mode of web_handle (nabij serve) without PostgreSQL: the
 * accounts' functions are pointers (struct web_hosted), so a fake one
 * here takes the cookie "nabij_session=good" for the fixture's person.
 */
static int hosted_calls;

static bool fake_open(struct page *p)
{
	const char *c = kvs_get(&p->req->cookies, "__Host-nabij_session");

	if (!c || strcmp(c, "good") != 0)
		return false;
	p->csrf = "0123456789abcdef0123456789abcdef";
	return true;	/* p->app: the fixture's, already */
}

static void fake_close(struct page *p)
{
	(void)p;
}

static void fake_page(struct page *p)
{
	hosted_calls++;
	page_begin(p, "account", NULL);
	page_end(p);
}

static void hosted_req(struct web_req *r, const char *method, const char *path, bool session)
{
	memset(r, 0, sizeof *r);
	r->method = method;
	r->path = path;
	snprintf(r->peer, sizeof r->peer, "192.0.2.7");
	kvs_add(&r->headers, "host", "nabij.example", 13);
	if (session)
		kvs_add(&r->cookies, "__Host-nabij_session", "good", 4);
	if (strcmp(method, "POST") == 0) {
		kvs_add(&r->headers, "origin", "https://nabij.example", 21);
		kvs_add(&r->form, "csrf", "0123456789abcdef0123456789abcdef", 32);
	}
}

static void hosted_mode(void **state)
{
	struct fixture *f = *state;
	struct web_hosted hd = { .https = true, .open = fake_open, .close = fake_close, .signin = fake_page,
				 .signup = fake_page, .signout = fake_page };
	struct web_req r;
	struct web_resp resp = { 0 };
	char *body;

	/* in nabij ui the hosted routes are no pages */
	assert_int_equal(get(f, "/signin", NULL), 404);
	f->w.hosted = &hd;
	f->w.local = false;
	f->w.scheme = "https";
	snprintf(f->w.host, sizeof f->w.host, "nabij.example");

	hosted_req(&r, "GET", "/", true);
	assert_int_equal(run(f, &r, NULL), 200);
	req_free(&r);
	hosted_req(&r, "GET", "/", true);	/* the listening address is not the public host */
	kvs_free(&r.headers);
	kvs_add(&r.headers, "host", "127.0.0.1:7419", 14);
	assert_int_equal(run(f, &r, NULL), 421);
	req_free(&r);
	hosted_req(&r, "GET", "/", false);	/* no session: to sign in */
	web_handle(&f->w, &r, &resp);
	assert_int_equal(resp.status, 303);
	assert_string_equal(resp.location, "/signin");
	web_resp_free(&resp);
	req_free(&r);
	hosted_req(&r, "POST", "/checkin", false);	/* no session: a POST is refused */
	assert_int_equal(run(f, &r, NULL), 403);
	req_free(&r);
	hosted_req(&r, "GET", "/protect", true);	/* the local mode's routes are not there */
	assert_int_equal(run(f, &r, NULL), 404);
	req_free(&r);
	/* the data page says where the records are kept in this mode, and
	 * nothing of the local mode's file, passphrase or browsers */
	hosted_req(&r, "GET", "/data", true);
	assert_int_equal(run(f, &r, &body), 200);
	assert_non_null(strstr(body, "kept by the people who run this nabij"));
	assert_null(strstr(body, "this computer"));
	assert_null(strstr(body, "only you can read"));
	assert_null(strstr(body, "passphrase"));
	assert_null(strstr(body, "Signed-in browsers"));
	assert_null(strstr(body, "name=\"signout\""));
	free(body);
	req_free(&r);
	if (getenv("NABIJ_LOCALEDIR")) {	/* and in Dutch */
		setlocale(LC_ALL, "C.UTF-8");
		bindtextdomain("nabij", getenv("NABIJ_LOCALEDIR"));
		bind_textdomain_codeset("nabij", "UTF-8");
		textdomain("nabij");
		hosted_req(&r, "GET", "/data", true);
		kvs_add(&r.headers, "accept-language", "nl", 2);
		assert_int_equal(run(f, &r, &body), 200);
		assert_non_null(strstr(body, "bewaard door de mensen die deze nabij draaien"));
		assert_null(strstr(body, "deze computer"));
		assert_null(strstr(body, "wachtzin"));
		free(body);
		req_free(&r);
	}
	hosted_req(&r, "GET", "/signin", false);
	assert_int_equal(run(f, &r, NULL), 200);
	assert_int_equal(hosted_calls, 1);
	req_free(&r);
	hosted_req(&r, "POST", "/signin", false);	/* a foreign origin never reaches the page */
	kvs_free(&r.headers);
	kvs_add(&r.headers, "host", "nabij.example", 13);
	kvs_add(&r.headers, "origin", "http://nabij.example", 20);
	assert_int_equal(run(f, &r, NULL), 403);
	assert_int_equal(hosted_calls, 1);
	req_free(&r);
	hosted_req(&r, "POST", "/signout", true);
	assert_int_equal(run(f, &r, NULL), 200);
	assert_int_equal(hosted_calls, 2);
	req_free(&r);
	hosted_req(&r, "POST", "/checkin", true);	/* the session's form token */
	kvs_add(&r.form, "mood", "4", 1);
	assert_int_equal(run(f, &r, NULL), 303);
	req_free(&r);
	hosted_req(&r, "POST", "/checkin", true);
	kvs_free(&r.form);
	kvs_add(&r.form, "csrf", "not-this-one", 12);
	assert_int_equal(run(f, &r, NULL), 403);
	req_free(&r);

	/* the proxy's words count only when it is trusted */
	hosted_req(&r, "GET", "/history", true);
	kvs_add(&r.headers, "x-forwarded-for", "203.0.113.9, 198.51.100.4", 25);
	kvs_add(&r.headers, "x-forwarded-proto", "http", 4);
	assert_string_equal(web_peer(&f->w, &r), "192.0.2.7");
	assert_int_equal(run(f, &r, NULL), 200);
	hd.trust_proxy = true;
	assert_string_equal(web_peer(&f->w, &r), "198.51.100.4");
	web_handle(&f->w, &r, &resp);
	assert_int_equal(resp.status, 301);
	assert_string_equal(resp.location, "https://nabij.example/history");
	web_resp_free(&resp);
	req_free(&r);
	f->w.hosted = NULL;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(host_and_secret, setup, teardown),
		cmocka_unit_test_setup_teardown(hosted_mode, setup, teardown),
		cmocka_unit_test_setup_teardown(moment_length, setup, teardown),
		cmocka_unit_test_setup_teardown(the_week_tells_its_story, setup, teardown),
		cmocka_unit_test_setup_teardown(experiment_in_the_browser, setup, teardown),
		cmocka_unit_test_setup_teardown(every_kind_changed_in_the_browser, setup, teardown),
		cmocka_unit_test_setup_teardown(posts_are_checked, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_form_keeps_input, setup, teardown),
		cmocka_unit_test_setup_teardown(hostile_text_stays_text, setup, teardown),
		cmocka_unit_test_setup_teardown(every_page_renders, setup, teardown),
		cmocka_unit_test_setup_teardown(dutch_on_request, setup, teardown),
		cmocka_unit_test_setup_teardown(lowest_checkin_shows_help, setup, teardown),
		cmocka_unit_test_setup_teardown(help_names_loss_and_a_listening_line, setup, teardown),
		cmocka_unit_test_setup_teardown(member_becomes_a_place, setup, teardown),
		cmocka_unit_test_setup_teardown(circle_calls_only_phones, setup, teardown),
		cmocka_unit_test_setup_teardown(one_first_to_call, setup, teardown),
		cmocka_unit_test_setup_teardown(undo_in_the_browser, setup, teardown),
		cmocka_unit_test_setup_teardown(lowest_asks_for_someone, setup, teardown),
		cmocka_unit_test_setup_teardown(import_from_daylio, setup, teardown),
		cmocka_unit_test_setup_teardown(search_says_how_many, setup, teardown),
		cmocka_unit_test_setup_teardown(a_failed_read_fails_the_page, setup, teardown),
		cmocka_unit_test_setup_teardown(every_route_answers, setup, teardown),
		cmocka_unit_test_setup_teardown(exercise_asks_its_questions, setup, teardown),
		cmocka_unit_test_setup_teardown(the_urge_box_stays, setup, teardown),
		cmocka_unit_test_setup_teardown(care_after_a_save_on_the_page, setup, teardown),
		cmocka_unit_test_setup_teardown(an_old_form_comes_back, setup, teardown),
		cmocka_unit_test_setup_teardown(the_icon_is_there, setup, teardown),
		cmocka_unit_test_setup_teardown(the_opening_address_signs_in, setup, teardown),
		cmocka_unit_test_setup_teardown(the_form_token_follows_the_session, setup, teardown),
		cmocka_unit_test_setup_teardown(sign_out_every_other_browser, setup, teardown),
		cmocka_unit_test_setup_teardown(the_server_proves_it_knows_the_secret, setup, teardown),
		cmocka_unit_test_setup_teardown(the_zone_comes_with_the_request, setup, teardown),
		cmocka_unit_test_setup_teardown(routes_of_the_local_mode, setup, teardown),
		cmocka_unit_test_setup_teardown(the_origin_has_our_scheme, setup, teardown),
		cmocka_unit_test_setup_teardown(a_page_reads_the_same_again, setup, teardown),
	};

	return cmocka_run_group_tests_name("web", tests, NULL, NULL);
}
