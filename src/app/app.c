/* The use-cases of app.h over the store interface. */
#include "app.h"
#include "core/i18n.h"
#include "core/uid.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OPS(a) ((a)->store.ops)
#define DB(a) ((a)->store.db)

/* Run put inside a transaction of its own. */
static enum nb_err put_one(struct nb_app *a, struct nb_entry *e, struct nb_error *err)
{
	enum nb_err rc;

	if ((rc = OPS(a)->begin(DB(a), err)))
		return rc;
	if ((rc = OPS(a)->put(DB(a), e, err)) || (rc = OPS(a)->commit(DB(a), err)))
		OPS(a)->rollback(DB(a));
	return rc;
}

/* Link a moment to the circle member it names, or check its link. An
 * import only checks: what the file says is kept as it is. */
static enum nb_err link_member(struct nb_app *a, struct nb_moment *m, bool by_name,
			       struct nb_error *err)
{
	char uid[NB_UID_LEN];
	bool found;
	int64_t id;
	enum nb_err rc;

	if (m->member_uid) {
		if ((rc = OPS(a)->find_uid(DB(a), m->member_uid, &id, err)))
			return rc;
		if (!id)
			return nb_error_set(err, NB_EINVAL, "with",
					    _("The circle member this moment names (%s) is not in the database."),
					    m->member_uid);
		return NB_OK;
	}
	if (!m->with || !by_name)
		return NB_OK;
	if ((rc = OPS(a)->member_by_name(DB(a), m->with, uid, &found, err)))
		return rc;
	if (found)
		m->member_uid = xstrdup(uid);
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
	if ((rc = entry_validate(e, a->now, err)))
		return rc;
	if (e->type == NB_MOMENT && (rc = link_member(a, &e->u.moment, true, err)))
		return rc;
	return put_one(a, e, err);
}

enum nb_err app_update(struct nb_app *a, struct nb_entry *e, struct nb_error *err)
{
	enum nb_err rc;

	nb_day_key(e->at, e->day);
	e->updated = a->now;
	if ((rc = entry_validate(e, a->now, err)))
		return rc;
	if (e->type == NB_MOMENT && (rc = link_member(a, &e->u.moment, true, err)))
		return rc;
	return put_one(a, e, err);
}

enum nb_err app_get(struct nb_app *a, int64_t id, struct nb_entry **out,
		    struct nb_error *err)
{
	return OPS(a)->get(DB(a), id, out, err);
}

enum nb_err app_delete(struct nb_app *a, int64_t id, struct nb_error *err)
{
	enum nb_err rc;

	if ((rc = OPS(a)->begin(DB(a), err)))
		return rc;
	if ((rc = OPS(a)->del(DB(a), id, err)) || (rc = OPS(a)->commit(DB(a), err)))
		OPS(a)->rollback(DB(a));
	return rc;
}

enum nb_err app_list(struct nb_app *a, const struct nb_query *q,
		     struct nb_entries *out, struct nb_error *err)
{
	return OPS(a)->list(DB(a), q, out, err);
}

enum nb_err app_search(struct nb_app *a, const char *words, int limit,
		       struct nb_hits *out, struct nb_error *err)
{
	return OPS(a)->search(DB(a), words, limit, out, err);
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

	return OPS(a)->list(DB(a), &q, out, err);
}

enum nb_err app_today(struct nb_app *a, struct nb_today *t, struct nb_error *err)
{
	struct nb_query q = { 0 };
	struct nb_entries recent = { 0 };
	char first[NB_DAY_LEN];
	int count[NB_SPARK_DAYS] = { 0 };
	enum nb_err rc;

	memset(t, 0, sizeof *t);
	nb_day_key(nb_stamp_local(a->now), t->day);
	nb_day_add(t->day, -(NB_SPARK_DAYS - 1), first);
	q.since = t->day;
	q.until = t->day;
	if ((rc = OPS(a)->list(DB(a), &q, &t->entries, err)))
		goto fail;
	q.types = NB_TYPE_BIT(NB_CHECKIN);
	q.since = first;
	if ((rc = OPS(a)->list(DB(a), &q, &recent, err)))
		goto fail;
	for (size_t i = 0; i < recent.n; i++) {
		const struct nb_checkin *c = &recent.v[i]->u.checkin;
		int d = nb_day_diff(first, recent.v[i]->day);

		if (d >= 0 && d < NB_SPARK_DAYS && c->mood) {
			t->moods[d] += c->mood;
			count[d]++;
		}
		if (d == NB_SPARK_DAYS - 1 && care_needs_help(c))
			t->needs_care = true;
	}
	for (int d = 0; d < NB_SPARK_DAYS; d++)
		if (count[d])
			t->moods[d] /= count[d];
	entries_free(&recent);
	if ((rc = OPS(a)->last_touch(DB(a), &t->last_touch, err)) ||
	    (rc = OPS(a)->count(DB(a), NB_MEMBER, &t->circle, err)))
		goto fail;
	t->days_since_touch = t->last_touch ? nb_day_diff(t->last_touch->day, t->day) : -1;
	t->prompt = prompt_for_day(t->day);
	return NB_OK;
fail:
	entries_free(&recent);
	today_free(t);
	return rc;
}

void today_free(struct nb_today *t)
{
	entries_free(&t->entries);
	entry_free(t->last_touch);
	t->last_touch = NULL;
}

enum nb_err app_export(struct nb_app *a, struct nb_entries *out, struct nb_error *err)
{
	struct nb_query q = { 0 };
	enum nb_err rc;

	if ((rc = app_circle(a, out, err)))
		return rc;
	return OPS(a)->list(DB(a), &q, out, err);
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
		    (e->type == NB_MOMENT && (rc = link_member(a, &e->u.moment, false, err))) ||
		    (rc = OPS(a)->put(DB(a), e, err)))
			break;
		r->added++;
	}
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
