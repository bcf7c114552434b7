/*
 * The same person twice: the pairs dupes_find lists, rebuilt whenever
 * the pool changes (a pair merged in another terminal goes rather than
 * being acted on), and the pair open side by side, read again likewise;
 * a merge or a "not the same" only on a y to a question naming both,
 * with the versions the user saw.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "strbuf.h"
#include "twin.h"

int
app_dupes_load(struct app *a, struct error *err)
{
	struct dupes_list list = { 0 };
	int rc;

	if ((rc = dupes_find(a->store, &list, err)) != RC_OK)
		return rc;
	dupes_list_free(&a->dupes.list);
	a->dupes.list = list;
	view_set_size(&a->dupes.view, (long long)list.n, a->dupes.view.height);
	return RC_OK;
}

int
app_dupes_open(struct app *a, struct error *err)
{
	int rc;

	if ((rc = app_dupes_load(a, err)) != RC_OK)
		return rc;
	view_go(&a->dupes.view, 0);
	a->screen = SCREEN_DUPES;
	return RC_OK;
}

static void
twin_close(struct app *a)
{
	if (a->dupes.twin != NULL)
		twin_free(a->dupes.twin);
	a->dupes.twin = NULL;
}

void
app_dupes_free(struct app *a)
{
	twin_close(a);
	dupes_list_free(&a->dupes.list);
}

/* "Anna de Wit (KMar)": the name as stored, the pool it came from; and
 * the short id, when id is not NULL. */
static char *
twin_name(const struct edit_record *r, const char *origin, const char *id)
{
	struct strbuf b = { 0 };
	int any = origin != NULL && *origin != '\0';

	strbuf_addf(&b, "%s %s", r->value[EF_GIVEN_NAME],
	    r->value[EF_FAMILY_NAME]);
	if (any || id != NULL)
		strbuf_addf(&b, " (%s%s%.8s)", any ? origin : "",
		    any && id != NULL ? ", " : "", id != NULL ? id : "");
	return strbuf_steal(&b);
}

/* Side i read as stored now: RC_REFUSED when they are gone (their row
 * perhaps given to someone new since). */
static int
twin_load(struct app *a, struct twin *t, int i, struct error *err)
{
	struct edit_record *r;
	char id[PERSON_ID_LEN];
	int rc, f;

	if (strcmp(person_id(a->store, t->pk[i], id), t->id[i]) != 0)
		return error_set(err, RC_REFUSED, "%s is no longer in the pool "
		    "(merged or erased meanwhile)", t->name[i]);
	if ((rc = edit_load(a->store, t->pk[i], &r, err)) != RC_OK)
		return rc;
	/* A choice between values one of which has changed since is no
	 * choice about what is there now. */
	for (f = 0; t->rec[i] != NULL && f < EF_N; f++)
		if (strcmp(t->rec[i]->value[f], r->value[f]) != 0)
			t->touched &= ~(1u << f);
	edit_free(t->rec[i]);
	t->rec[i] = r;
	free(t->name[i]);
	t->name[i] = twin_name(r, t->origin[i], NULL);
	return RC_OK;
}

static int
twin_load_both(struct app *a, struct twin *t, struct error *err)
{
	int rc, i;

	if ((rc = twin_load(a, t, TWIN_LEFT, err)) != RC_OK ||
	    (rc = twin_load(a, t, TWIN_RIGHT, err)) != RC_OK)
		return rc;
	/* One name from one pool twice: "Merge Anna de Wit into Anna de
	 * Wit?" would not say which is kept; the short ids do. */
	if (strcmp(t->name[TWIN_LEFT], t->name[TWIN_RIGHT]) == 0)
		for (i = TWIN_LEFT; i <= TWIN_RIGHT; i++) {
			free(t->name[i]);
			t->name[i] = twin_name(t->rec[i], t->origin[i],
			    t->id[i]);
		}
	twin_defaults(t);
	if ((rc = twin_unite(a->store, t, err)) != RC_OK)
		return rc;
	/* The field under the cursor may differ no more: the next that
	 * does, else the last. */
	if (!twin_differs(t, t->at) && (t->at = twin_next(t, t->at, 1)) < 0)
		t->at = twin_next(t, EF_N, -1);
	return RC_OK;
}

int
app_twin_open(struct app *a, struct error *err)
{
	const struct dupes_pair *p;
	struct twin *t;
	int rc;

	if (a->dupes.view.cursor >= (long long)a->dupes.list.n)
		return RC_OK;
	p = &a->dupes.list.pairs[a->dupes.view.cursor];
	t = xcalloc(1, sizeof *t);
	t->pk[TWIN_LEFT] = p->pk_a;
	t->pk[TWIN_RIGHT] = p->pk_b;
	memcpy(t->id[TWIN_LEFT], p->a, PERSON_ID_LEN);
	memcpy(t->id[TWIN_RIGHT], p->b, PERSON_ID_LEN);
	t->origin[TWIN_LEFT] = xstrdup(p->origin_a != NULL ? p->origin_a : "");
	t->origin[TWIN_RIGHT] = xstrdup(p->origin_b != NULL ? p->origin_b :
	    "");
	t->name[TWIN_LEFT] = xstrdup(p->name_a);
	t->name[TWIN_RIGHT] = xstrdup(p->name_b);
	t->evidence = xstrdup(p->evidence);
	t->keep = TWIN_LEFT;
	/* Gone since the list was made: the poll makes it again. */
	if ((rc = twin_load_both(a, t, err)) != RC_OK) {
		twin_free(t);
		return rc;
	}
	twin_close(a);
	a->dupes.twin = t;
	a->screen = SCREEN_TWIN;
	return RC_OK;
}

int
app_twin_close(struct app *a, struct error *err)
{
	twin_close(a);
	app_modal_set(a, KEYS_NORMAL);
	a->screen = SCREEN_DUPES;
	return app_dupes_load(a, err);
}

int
app_twin_reload(struct app *a, struct error *err)
{
	struct twin *t = a->dupes.twin;
	long long v[2];
	int rc;

	a->screen = SCREEN_TWIN;
	if (t == NULL)
		return app_twin_close(a, err);
	v[0] = t->rec[0]->version;
	v[1] = t->rec[1]->version;
	if ((rc = twin_load_both(a, t, err)) == RC_REFUSED) {
		app_message(a, 1, "%s", err->msg);
		return app_twin_close(a, err);
	}
	if (rc != RC_OK)
		return rc;
	/* A question asked about what was on screen is not answered
	 * about what is there now. */
	if (v[0] != t->rec[0]->version || v[1] != t->rec[1]->version) {
		app_modal_set(a, KEYS_NORMAL);
		app_message(a, 1, "changed by another roster meanwhile: shown "
		    "again as stored");
	}
	return RC_OK;
}

void
app_twin_swap(struct app *a)
{
	struct twin *t = a->dupes.twin;
	struct error err;

	t->keep = !t->keep;
	twin_defaults(t);
	if (twin_unite(a->store, t, &err) != RC_OK)
		app_message(a, 1, "%s", err.msg);
	else
		app_message(a, 0, "%s keeps their id; %s's becomes an alias",
		    t->name[t->keep], t->name[!t->keep]);
}

void
app_twin_ask(struct app *a, enum modal question)
{
	struct twin *t = a->dupes.twin;

	if (a->read_only) {
		app_message(a, 1, "read-only: %s (roster was started with "
		    "--read-only)", question == KEYS_MERGE ? "nothing can be "
		    "merged" : "nothing can be remembered");
		return;
	}
	if (question == KEYS_MERGE)
		app_message(a, 0, "Merge %s into %s? (y/n)",
		    t->name[!t->keep], t->name[t->keep]);
	else
		app_message(a, 0, "%s and %s are two people: remember that? "
		    "(y/n)", t->name[TWIN_LEFT], t->name[TWIN_RIGHT]);
	app_modal_set(a, question);
	/* A y typed ahead, before the question showed, decides nothing. */
	a->drop_typed = 1;
}

/* After a merge or a "not the same": the pool and the pairs anew. */
static int
twin_done(struct app *a, struct error *err)
{
	twin_close(a);
	a->screen = SCREEN_DUPES;
	return app_changed(a, err);
}

int
app_twin_merge(struct app *a, struct error *err)
{
	struct twin *t = a->dupes.twin;
	struct error why;
	char *kept, *other;
	int k = t->keep, rc;

	rc = dupes_merge(a->store, t->pk[k], t->rec[k]->version, t->pk[!k],
	    t->rec[!k]->version, twin_take(t), &why);
	if (rc == RC_REFUSED) {
		/* Changed since it was shown: shown again, nothing merged
		 * (or the pairs, when one of them is gone). */
		if ((rc = app_twin_reload(a, err)) != RC_OK)
			return rc;
		if (a->screen == SCREEN_TWIN)
			app_message(a, 1, "%s; the pair is shown again as "
			    "stored", why.msg);
		return RC_OK;
	}
	if (rc != RC_OK)
		return error_set(err, rc, "%s", why.msg);
	kept = xstrdup(t->name[k]);
	other = xstrdup(t->name[!k]);
	if ((rc = twin_done(a, err)) == RC_OK)
		app_message(a, 0, "merged %s into %s", other, kept);
	free(kept);
	free(other);
	return rc;
}

int
app_twin_apart(struct app *a, struct error *err)
{
	struct twin *t = a->dupes.twin;
	char *left, *right;
	int rc;

	if ((rc = dupes_not_same(a->store, t->id[TWIN_LEFT],
	    t->id[TWIN_RIGHT], err)) != RC_OK)
		return rc;
	left = xstrdup(t->name[TWIN_LEFT]);
	right = xstrdup(t->name[TWIN_RIGHT]);
	if ((rc = twin_done(a, err)) == RC_OK)
		app_message(a, 0, "%s and %s are remembered as two people",
		    left, right);
	free(left);
	free(right);
	return rc;
}
