/* The use-cases of app.h over the store interface. */
#include "app.h"
#include "scope.h"
#include "core/field.h"
#include "core/i18n.h"
#include "core/uid.h"
#include "core/xalloc.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OPS(a) ((a)->store.ops)
#define DB(a) ((a)->store.db)

/*
 * One first to call at a time: when e is a circle member marked as the
 * first to call, the member marked before is unmarked, inside the caller's
 * transaction, and noted in a->first_before for the face to say so. One,
 * because in a hard moment there should be one name to reach for, not a
 * choice; the pages and the terminal show that one (care_first_to_call).
 */
static enum nb_err unmark_first_before(struct nb_app *a, const struct nb_entry *e,
				       struct nb_error *err)
{
	struct nb_query q = { .types = NB_TYPE_BIT(NB_MEMBER) };
	struct nb_entries l = { 0 };
	enum nb_err rc;

	if (e->type != NB_MEMBER || !e->u.member.first)
		return NB_OK;
	if ((rc = OPS(a)->list(DB(a), &q, &l, err)))
		return rc;
	for (size_t i = 0; i < l.n && !rc; i++) {
		struct nb_entry *m = l.v[i];
		if (!m->u.member.first || m->id == e->id || strcmp(m->uid, e->uid) == 0)
			continue;
		m->u.member.first = false;
		m->updated = a->now;
		if (!(rc = OPS(a)->put(DB(a), m, err))) {
			a->first_before.id = m->id;
			snprintf(a->first_before.name, sizeof a->first_before.name, "%s", m->u.member.name);
		}
	}
	entries_free(&l);
	return rc;
}

/* Run put inside a transaction of its own. */
static enum nb_err put_one(struct nb_app *a, struct nb_entry *e, struct nb_error *err)
{
	enum nb_err rc;

	memset(&a->first_before, 0, sizeof a->first_before);
	if ((rc = OPS(a)->begin(DB(a), err)))
		return rc;
	if ((rc = unmark_first_before(a, e, err)) || (rc = OPS(a)->put(DB(a), e, err)) ||
	    (rc = OPS(a)->commit(DB(a), err))) {
		OPS(a)->rollback(DB(a));
		memset(&a->first_before, 0, sizeof a->first_before);
	}
	return rc;
}

/*
 * Link a record that names someone (a moment, an exercise's words, a
 * relationship phase) to the circle member of that name, or check the link
 * it has. An import only checks: what the file says is kept as it is.
 */
static enum nb_err link_member(struct nb_app *a, char **member_uid, const char *with,
			       bool by_name, struct nb_error *err)
{
	char uid[NB_UID_LEN];
	bool found;
	int64_t id;
	enum nb_err rc;

	if (*member_uid) {
		if ((rc = OPS(a)->find_uid(DB(a), *member_uid, &id, err)))
			return rc;
		if (!id)
			return nb_error_set(err, NB_EINVAL, "with",
					    _("The circle member this record names (%s) is not in the database."),
					    *member_uid);
		return NB_OK;
	}
	if (!with || !by_name)
		return NB_OK;
	if ((rc = OPS(a)->member_by_name(DB(a), with, uid, &found, err)))
		return rc;
	if (found)
		*member_uid = xstrdup(uid);
	return NB_OK;
}

/* The link of e to a circle member, for the kinds that have one. */
static enum nb_err link_entry(struct nb_app *a, struct nb_entry *e, bool by_name,
			      struct nb_error *err)
{
	size_t n;
	const struct nb_field *f = fields_of(e->type, &n), *with = NULL;

	for (size_t i = 0; i < n; i++)	/* the row that names the member */
		if (f[i].flags & NB_FF_NAMES)
			with = &f[i];
	for (size_t i = 0; i < n; i++)
		if (f[i].type == NB_FT_MEMBER && with)
			return link_member(a, field_str(e, &f[i]), field_str_of(e, with), by_name, err);
	return NB_OK;
}

enum nb_err app_add(struct nb_app *a, struct nb_entry *e, struct nb_error *err)
{
	enum nb_err rc;

	if (e->at.utc == 0)
		entry_set_time(e, nb_stamp_local(a->now));
	else
		nb_day_key(e->at, e->day);
	if (!e->uid[0])
		uid_new(e->uid);
	e->id = 0;
	e->created = e->updated = a->now;
	entry_settle(e);
	if ((rc = entry_validate(e, a->now, err)))
		return rc;
	if ((rc = link_entry(a, e, true, err)))
		return rc;
	return put_one(a, e, err);
}

enum nb_err app_update(struct nb_app *a, struct nb_entry *e, struct nb_error *err)
{
	enum nb_err rc;

	nb_day_key(e->at, e->day);
	e->updated = a->now;
	entry_settle(e);
	if ((rc = entry_validate(e, a->now, err)))
		return rc;
	if ((rc = link_entry(a, e, true, err)))
		return rc;
	return put_one(a, e, err);
}

enum nb_err app_read_begin(struct nb_app *a, struct nb_error *err)
{
	return OPS(a) ? OPS(a)->read_begin(DB(a), err) : NB_OK;
}

void app_read_end(struct nb_app *a)
{
	if (OPS(a))
		OPS(a)->read_end(DB(a));
}

enum nb_err app_get(struct nb_app *a, int64_t id, struct nb_entry **out,
		    struct nb_error *err)
{
	APP_READ(a, OPS(a)->get(DB(a), id, out, err));
}

/* The last moment of deletion that is past its time to wait for undo:
 * a record deleted at t waits while now < t + NB_UNDO_SECONDS. */
static int64_t expired_before(const struct nb_app *a)
{
	return a->now - NB_UNDO_SECONDS;
}

enum nb_err app_delete(struct nb_app *a, int64_t id, struct nb_error *err)
{
	enum nb_err rc;

	if ((rc = OPS(a)->begin(DB(a), err)))
		return rc;
	if ((rc = OPS(a)->purge(DB(a), expired_before(a), 0, NULL, err)) ||
	    (rc = OPS(a)->del(DB(a), id, a->now, err)) || (rc = OPS(a)->commit(DB(a), err)))
		OPS(a)->rollback(DB(a));
	return rc;
}

enum nb_err app_undo(struct nb_app *a, int64_t id, struct nb_entry **out, struct nb_error *err)
{
	struct nb_entries l = { 0 };
	struct nb_entry *e = NULL;
	enum nb_err rc;

	if (out)
		*out = NULL;
	memset(&a->first_before, 0, sizeof a->first_before);
	if ((rc = OPS(a)->begin(DB(a), err)))
		return rc;
	if ((rc = OPS(a)->purge(DB(a), expired_before(a), 0, NULL, err)) ||
	    (rc = OPS(a)->waiting(DB(a), &l, err)))
		goto fail;
	if (id) {	/* that one, when it still waits */
		bool waits = false;
		for (size_t i = 0; i < l.n; i++)
			waits = waits || l.v[i]->id == id;
		if (!waits) {
			rc = nb_error_set(err, NB_ENOTFOUND, "id", _("Record #%lld cannot be brought back: it was not deleted, or it was deleted more than %d minutes ago and is gone for good."),
					  (long long)id, NB_UNDO_SECONDS / 60);
			goto fail;
		}
	}
	for (size_t i = 0; !id && i < l.n; i++)	/* the one deleted last */
		id = l.v[i]->id;
	if (!id) {
		rc = nb_error_set(err, NB_ENOTFOUND, "id", _("Nothing waits to be undone: what is deleted can be brought back for %d minutes."),
				  NB_UNDO_SECONDS / 60);
		goto fail;
	}
	if ((rc = OPS(a)->undo(DB(a), id, err)) || (rc = OPS(a)->get(DB(a), id, &e, err)) ||
	    (rc = unmark_first_before(a, e, err)) || (rc = OPS(a)->commit(DB(a), err)))
		goto fail;
	entries_free(&l);
	if (out)
		*out = e;
	else
		entry_free(e);
	return NB_OK;
fail:
	OPS(a)->rollback(DB(a));
	memset(&a->first_before, 0, sizeof a->first_before);
	entries_free(&l);
	entry_free(e);
	return rc;
}

static enum nb_err waiting_read(struct nb_app *a, unsigned types, struct nb_entries *out,
				struct nb_error *err)
{
	struct nb_entries l = { 0 };
	enum nb_err rc;

	if ((rc = OPS(a)->waiting(DB(a), &l, err)))
		return rc;
	for (size_t i = 0; i < l.n; i++) {
		if (l.v[i]->deleted > expired_before(a) && (!types || (types & NB_TYPE_BIT(l.v[i]->type)))) {
			entries_push(out, l.v[i]);
			l.v[i] = NULL;
		}
	}
	entries_free(&l);
	return NB_OK;
}

enum nb_err app_waiting(struct nb_app *a, unsigned types, struct nb_entries *out,
			struct nb_error *err)
{
	APP_READ(a, waiting_read(a, types, out, err));
}

/* Remove for good, in one transaction, what was deleted at or before. */
static enum nb_err purge_one(struct nb_app *a, int64_t before, int64_t *n, struct nb_error *err)
{
	enum nb_err rc;

	if ((rc = OPS(a)->begin(DB(a), err)))
		return rc;
	if ((rc = OPS(a)->purge(DB(a), before, 0, n, err)) || (rc = OPS(a)->commit(DB(a), err)))
		OPS(a)->rollback(DB(a));
	return rc;
}

bool app_expire_due(struct nb_app *a)
{
	struct nb_entries l = { 0 };
	bool due = false;

	/* one statement, a read transaction of its own (the store's) */
	if (OPS(a)->waiting(DB(a), &l, NULL))
		return false;
	for (size_t i = 0; i < l.n; i++)
		due = due || l.v[i]->deleted <= expired_before(a);
	entries_free(&l);
	return due;
}

enum nb_err app_expire(struct nb_app *a, struct nb_error *err)
{
	return app_expire_due(a) ? purge_one(a, expired_before(a), NULL, err) : NB_OK;
}

enum nb_err app_forget_waiting(struct nb_app *a, int64_t *n, struct nb_error *err)
{
	return purge_one(a, INT64_MAX, n, err);
}

enum nb_err app_list(struct nb_app *a, const struct nb_query *q,
		     struct nb_entries *out, struct nb_error *err)
{
	APP_READ(a, OPS(a)->list(DB(a), q, out, err));
}

enum nb_err app_search(struct nb_app *a, const char *words, int limit,
		       struct nb_hits *out, struct nb_error *err)
{
	APP_READ(a, OPS(a)->search(DB(a), words, limit, out, err));
}

enum nb_err app_trigger_outcome(struct nb_app *a, int64_t id, const char *text,
				struct nb_error *err)
{
	struct nb_entry *e;
	enum nb_err rc;

	if ((rc = app_get(a, id, &e, err)))
		return rc;
	if (e->type != NB_TRIGGER) {
		rc = nb_error_set(err, NB_EINVAL, "id",
				  _("Record #%lld is a %s, not a trigger."), (long long)id,
				  entry_type_label(e->type));
	} else {
		xstrset(&e->u.trigger.outcome, text);
		if (!e->u.trigger.outcome || !*e->u.trigger.outcome)
			rc = nb_error_set(err, NB_EINVAL, "outcome", _("%s is needed here."),
					  field_label("outcome"));
		else
			rc = app_update(a, e, err);
	}
	entry_free(e);
	return rc;
}

enum nb_err app_circle(struct nb_app *a, struct nb_entries *out, struct nb_error *err)
{
	struct nb_query q = { .types = NB_TYPE_BIT(NB_MEMBER) };
	bool scope = !app_read_begin(a, NULL);
	enum nb_err rc = OPS(a)->list(DB(a), &q, out, err);

	if (scope)
		app_read_end(a);
	return rc;
}

enum nb_err app_count(struct nb_app *a, enum nb_type t, int64_t *n, struct nb_error *err)
{
	*n = 0;
	return OPS(a)->count(DB(a), t, n, err);
}

static int imax(int a, int b)
{
	return a > b ? a : b;
}

static enum nb_err today_read(struct nb_app *a, struct nb_today *t, struct nb_error *err)
{
	struct nb_query q = { 0 };
	struct nb_entries both = { 0 }, yesterday = { 0 };
	struct nb_day_stat *days = NULL;
	size_t ndays;
	char first[NB_DAY_LEN], before[NB_DAY_LEN];
	uint64_t version = 0;
	bool known, kept;
	enum nb_err rc;

	memset(t, 0, sizeof *t);
	nb_day_key(nb_stamp_local(a->now), t->day);
	nb_day_add(t->day, -(NB_SPARK_DAYS - 1), first);
	nb_day_add(t->day, -1, before);
	/* the line about yesterday as said before, while nothing changed (the
	 * version is known once the read scope has read something) */
	if ((rc = OPS(a)->count(DB(a), NB_MEMBER, &t->circle, err)))
		goto fail;
	known = OPS(a)->version && OPS(a)->version(DB(a), &version);
	kept = known && a->yesterday.kept && a->yesterday.version == version &&
	       strcmp(a->yesterday.day, t->day) == 0 && strcmp(a->yesterday.lang, nb_lang_now()) == 0;
	/* yesterday and today in one reading: today's records, and yesterday's
	 * check-ins and moments for one kind line for a person who comes back */
	q.since = kept ? t->day : before;
	q.until = t->day;
	q.by_day = true;	/* each day's apart below, in time order */
	if ((rc = OPS(a)->list(DB(a), &q, &both, err)))
		goto fail;
	for (size_t i = 0; i < both.n; i++) {
		struct nb_entry *e = both.v[i];

		if (strcmp(e->day, t->day) == 0)
			entries_push(&t->entries, e);
		else if (e->type == NB_CHECKIN || e->type == NB_MOMENT)
			entries_push(&yesterday, e);
		else
			entry_free(e);
	}
	free(both.v);
	if (kept) {
		snprintf(t->yesterday_buf, sizeof t->yesterday_buf, "%s", a->yesterday.line);
		t->yesterday = a->yesterday.said ? t->yesterday_buf : NULL;
	} else {
		t->yesterday = care_yesterday_line(&yesterday, t->yesterday_buf, sizeof t->yesterday_buf);
		a->yesterday.kept = known;
		a->yesterday.said = t->yesterday != NULL;
		a->yesterday.version = version;
		snprintf(a->yesterday.day, sizeof a->yesterday.day, "%s", t->day);
		snprintf(a->yesterday.lang, sizeof a->yesterday.lang, "%s", nb_lang_now());
		snprintf(a->yesterday.line, sizeof a->yesterday.line, "%s", t->yesterday ? t->yesterday : "");
	}
	entries_free(&yesterday);
	for (size_t i = 0; i < t->entries.n; i++) {
		if (t->entries.v[i]->type != NB_CHECKIN)
			continue;
		t->checked_in = true;
		t->needs_care = t->needs_care || care_needs_help(&t->entries.v[i]->u.checkin);
	}
	/* the mean mood of each day from the summary per day, not the
	 * check-ins of two weeks read whole */
	if ((rc = OPS(a)->day_means(DB(a), first, t->day, &days, &ndays, err)))
		goto fail;
	for (size_t i = 0; i < ndays; i++) {
		int d = nb_day_diff(first, days[i].day);
		double mood = days[i].v[NB_M_MOOD];

		if (d >= 0 && d < NB_SPARK_DAYS && !isnan(mood))
			t->moods[d] = mood;
	}
	free(days);
	if ((rc = OPS(a)->last_touch(DB(a), false, &t->last_touch, err)) ||
	    (rc = OPS(a)->last_touch(DB(a), true, &t->last_self_touch, err)))
		goto fail;
	t->touch = (struct nb_touch){	/* a record can only lie in the past; 0 at the least */
		t->last_touch, t->last_self_touch,
		t->last_touch ? imax(0, nb_day_diff(t->last_touch->day, t->day)) : -1,
		t->last_self_touch ? imax(0, nb_day_diff(t->last_self_touch->day, t->day)) : -1,
	};
	t->days_since_touch = care_touch_days(&t->touch);
	t->lasting_low = care_lasting_low(t->moods, NB_SPARK_DAYS);
	t->prompt = prompt_for_day(t->day);
	t->urge = care_urge_now(&t->entries);
	return NB_OK;
fail:
	today_free(t);
	return rc;
}

enum nb_err app_today(struct nb_app *a, struct nb_today *t, struct nb_error *err)
{
	APP_READ(a, today_read(a, t, err));
}

static enum nb_err craving_first_read(struct nb_app *a, bool *first, struct nb_error *err)
{
	struct nb_entries l = { 0 };
	enum nb_err rc = app_latest(a, NB_CHECKIN, NB_CRAVING_LOOKBACK, &l, err);

	*first = !rc && care_craving_first(&l);
	entries_free(&l);
	return rc;
}

enum nb_err app_craving_first(struct nb_app *a, bool *first, struct nb_error *err)
{
	APP_READ(a, craving_first_read(a, first, err));
}

void today_free(struct nb_today *t)
{
	entries_free(&t->entries);
	entry_free(t->last_touch);
	entry_free(t->last_self_touch);
	t->last_touch = t->last_self_touch = NULL;
	t->urge = NULL;
}

static enum nb_err export_read(struct nb_app *a, struct nb_entries *out, struct nb_error *err)
{
	struct nb_query q = { 0 };
	enum nb_err rc;

	if ((rc = app_circle(a, out, err)))
		return rc;
	return OPS(a)->list(DB(a), &q, out, err);
}

enum nb_err app_export(struct nb_app *a, struct nb_entries *out, struct nb_error *err)
{
	APP_READ(a, export_read(a, out, err));
}

static enum nb_err export_each_read(struct nb_app *a, nb_each_fn fn, void *ctx, struct nb_error *err)
{
	struct nb_query members = { .types = NB_TYPE_BIT(NB_MEMBER) }, dated = { 0 };
	enum nb_err rc;

	if ((rc = OPS(a)->each(DB(a), &members, fn, ctx, err)))
		return rc;
	return OPS(a)->each(DB(a), &dated, fn, ctx, err);
}

enum nb_err app_export_each(struct nb_app *a, nb_each_fn fn, void *ctx, struct nb_error *err)
{
	APP_READ(a, export_each_read(a, fn, ctx, err));
}

/* One experiment runs at a time: one that would run beside another (in
 * the database or earlier in the same import) comes in stopped. */
static enum nb_err beside_running(struct nb_app *a, struct nb_entry *e, struct nb_import_result *r,
				  struct nb_error *err)
{
	struct nb_entry *running = NULL;
	enum nb_err rc;

	if (e->type != NB_EXPERIMENT || !e->u.experiment.state || strcmp(e->u.experiment.state, "stopped") == 0)
		return NB_OK;
	if ((rc = app_experiment(a, &running, err)) || !running)
		return rc;
	entry_free(running);
	xstrset(&e->u.experiment.state, "stopped");
	r->stopped++;
	return NB_OK;
}

enum nb_err app_import(struct nb_app *a, struct nb_entries *in, bool dry_run,
		       struct nb_import_result *r, struct nb_error *err)
{
	enum nb_err rc;
	size_t i;

	memset(r, 0, sizeof *r);
	if ((rc = OPS(a)->begin(DB(a), err)))
		return rc;
	for (i = 0; i < in->n; i++) {
		struct nb_entry *e = in->v[i];
		int64_t id;

		if ((rc = OPS(a)->find_uid(DB(a), e->uid, &id, err)))
			break;
		if (id) {
			r->present++;
			continue;
		}
		nb_day_key(e->at, e->day);
		e->id = 0;
		if ((rc = entry_validate(e, a->now, err)) ||
		    (rc = beside_running(a, e, r, err)) ||
		    (rc = link_entry(a, e, false, err)) ||
		    (rc = unmark_first_before(a, e, err)) ||
		    (rc = OPS(a)->put(DB(a), e, err)))
			break;
		r->added++;
	}
	memset(&a->first_before, 0, sizeof a->first_before);	/* an import names no one */
	if (rc) {
		struct nb_error inner;

		OPS(a)->rollback(DB(a));
		if (err) {
			inner = *err;
			nb_error_set(err, rc, inner.field, _("record %zu (%s): %s Nothing was imported."),
				     i + 1, entry_type_id(in->v[i]->type), inner.msg);
		}
		return rc;
	}
	if (dry_run) {
		OPS(a)->rollback(DB(a));
		return NB_OK;
	}
	if ((rc = OPS(a)->commit(DB(a), err)))
		OPS(a)->rollback(DB(a));
	return rc;
}

static enum nb_err suggest_today_read(struct nb_app *a, const struct nb_today *t,
				      struct nb_suggest_result *r, struct nb_error *err)
{
	struct nb_suggest_in in = { 0 };
	const struct nb_checkin *latest = NULL;
	enum nb_err rc;

	memset(r, 0, sizeof *r);
	for (size_t i = 0; i < t->entries.n; i++) {	/* oldest first */
		if (t->entries.v[i]->type == NB_CHECKIN) {
			latest = &t->entries.v[i]->u.checkin;
			in.just_done = NULL;
		} else if (t->entries.v[i]->type == NB_SESSION && latest) {
			in.just_done = t->entries.v[i]->u.session.exercise;
		}
	}
	if (suggest_wants_stats(latest) &&
	    (rc = OPS(a)->exercise_stats(DB(a), &r->stats, &r->nstats, err)))
		return rc;
	in.checkin = latest;
	in.days_since_touch = t->days_since_touch;
	in.circle = (size_t)t->circle;
	in.stats = r->stats;
	in.nstats = r->nstats;
	{	/* a day without of a personal experiment: not its practice */
		struct nb_entry *x = NULL;
		if (!app_experiment(a, &x, NULL) && x && strcmp(x->u.experiment.state, "running") == 0) {
			struct nb_exp_plan plan;
			exp_plan_of(&x->u.experiment, &plan);
			if (exp_day(&plan, exp_index(x, t->day)).kind == NB_EXP_WITHOUT)
				in.not_today = exp_practice_exercise(x->u.experiment.practice);
		}
		entry_free(x);
	}
	suggest(&in, &r->s);	/* the suggestion keeps no pointer into today */
	return NB_OK;
}

enum nb_err app_suggest_today(struct nb_app *a, const struct nb_today *t,
			      struct nb_suggest_result *r, struct nb_error *err)
{
	APP_READ(a, suggest_today_read(a, t, r, err));
}

static enum nb_err suggest_read(struct nb_app *a, struct nb_suggest_result *r, struct nb_error *err)
{
	struct nb_today t;
	enum nb_err rc;

	if ((rc = app_today(a, &t, err)))
		return rc;
	rc = app_suggest_today(a, &t, r, err);
	today_free(&t);
	return rc;
}

enum nb_err app_suggest(struct nb_app *a, struct nb_suggest_result *r, struct nb_error *err)
{
	APP_READ(a, suggest_read(a, r, err));
}

void suggest_result_free(struct nb_suggest_result *r)
{
	free(r->stats);
	memset(r, 0, sizeof *r);
}

enum nb_err app_latest(struct nb_app *a, enum nb_type t, int limit, struct nb_entries *out,
		       struct nb_error *err)
{
	struct nb_query q = { .types = NB_TYPE_BIT(t), .limit = limit, .newest_first = true };
	bool scope = !app_read_begin(a, NULL);
	enum nb_err rc = OPS(a)->list(DB(a), &q, out, err);

	if (scope)
		app_read_end(a);
	return rc;
}

static enum nb_err recent_sessions_read(struct nb_app *a, const char *exercise, int limit,
					struct nb_entries *out, struct nb_error *err)
{
	struct nb_entries all = { 0 };
	enum nb_err rc;

	/* Sessions of other exercises in between are few; a short window does. */
	if ((rc = app_latest(a, NB_SESSION, limit * 10, &all, err)))
		return rc;
	for (size_t i = 0; i < all.n; i++) {
		if ((int)out->n < limit && strcmp(all.v[i]->u.session.exercise, exercise) == 0) {
			entries_push(out, all.v[i]);
			all.v[i] = NULL;
		}
	}
	entries_free(&all);
	return NB_OK;
}

enum nb_err app_recent_sessions(struct nb_app *a, const char *exercise, int limit,
				struct nb_entries *out, struct nb_error *err)
{
	APP_READ(a, recent_sessions_read(a, exercise, limit, out, err));
}

/* The day of one record at an end of all (the oldest, or the newest on or
 * before until), in day; "" when there is none. */
static enum nb_err end_day(struct nb_app *a, const char *until, bool newest, char day[NB_DAY_LEN],
			   struct nb_error *err)
{
	struct nb_query q = { .until = until, .limit = 1, .newest_first = newest };
	struct nb_entries one = { 0 };
	enum nb_err rc;

	day[0] = '\0';
	if ((rc = OPS(a)->list(DB(a), &q, &one, err)))
		return rc;
	if (one.n)
		snprintf(day, NB_DAY_LEN, "%s", one.v[0]->day);
	entries_free(&one);
	return NB_OK;
}

/* The records of the week holding day and the week before, built into w. */
static enum nb_err week_of(struct nb_app *a, const char *day, struct nb_entries *records,
			   struct nb_week *w, struct nb_error *err)
{
	char monday[NB_DAY_LEN], since[NB_DAY_LEN], until[NB_DAY_LEN];
	struct nb_query q = { 0 };
	enum nb_err rc;

	week_monday(day, monday);
	nb_day_add(monday, -7, since);
	nb_day_add(monday, 6, until);
	q.since = since;
	q.until = until;
	if ((rc = OPS(a)->list(DB(a), &q, records, err)))
		return rc;
	week_build(records, monday, w);
	return NB_OK;
}

static enum nb_err week_read(struct nb_app *a, const char *day, bool latest, struct nb_entries *records,
			     struct nb_week *w, struct nb_error *err)
{
	char first[NB_DAY_LEN], before[NB_DAY_LEN], last[NB_DAY_LEN];
	enum nb_err rc;

	if ((rc = end_day(a, NULL, false, first, err)) || (rc = week_of(a, day, records, w, err)))
		return rc;
	if (latest && week_empty(w)) {
		nb_day_add(w->monday, -1, before);
		if ((rc = end_day(a, before, true, last, err)))
			return rc;
		if (last[0]) {
			entries_free(records);
			if ((rc = week_of(a, last, records, w, err)))
				return rc;
			w->earlier = true;
		}
	}
	snprintf(w->first, sizeof w->first, "%s", first);
	return NB_OK;
}

enum nb_err app_week(struct nb_app *a, const char *day, bool latest, struct nb_entries *records,
		     struct nb_week *w, struct nb_error *err)
{
	APP_READ(a, week_read(a, day, latest, records, w, err));
}

enum nb_err app_reflection_latest(struct nb_app *a, const char *prompt, struct nb_entry **out,
				  struct nb_error *err)
{
	APP_READ(a, OPS(a)->reflection_latest(DB(a), prompt, out, err));
}

enum nb_err app_exercise_stats(struct nb_app *a, struct nb_exercise_stat **out, size_t *n,
			       struct nb_error *err)
{
	APP_READ(a, OPS(a)->exercise_stats(DB(a), out, n, err));
}

enum nb_err app_charts(struct nb_app *a, const char *since, const char *until,
		       struct nb_charts *c, struct nb_error *err)
{
	return app_overview(a, since, until, c, NULL, err);
}

void charts_free(struct nb_charts *c)
{
	free(c->days);
	c->days = NULL;
	c->ndays = 0;
}

enum nb_err app_forget_all(struct nb_app *a, int64_t *deleted, struct nb_error *err)
{
	return OPS(a)->forget_all(DB(a), deleted, err);
}

static enum nb_err overview_read(struct nb_app *a, const char *since, const char *until,
				 struct nb_charts *c, struct nb_insights *in, struct nb_error *err)
{
	struct nb_period p;
	enum nb_err rc;

	if (c)
		memset(c, 0, sizeof *c);
	if (in)
		memset(in, 0, sizeof *in);
	if ((rc = OPS(a)->period(DB(a), since, until, &p, err)))
		return rc;
	if (in)
		insights_build(p.outcomes, p.noutcomes, p.facts, p.nfacts, (const char *const *)p.ex_ids,
			       p.before, p.after, p.nsessions, in);
	if (c) {	/* the days move over to the charts */
		c->days = p.days;
		c->ndays = p.ndays;
		c->terms = p.terms;
		p.days = NULL;
	}
	period_free(&p);
	return NB_OK;
}

enum nb_err app_overview(struct nb_app *a, const char *since, const char *until,
			 struct nb_charts *c, struct nb_insights *in, struct nb_error *err)
{
	APP_READ(a, overview_read(a, since, until, c, in, err));
}
