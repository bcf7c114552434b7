/*
 * The person editor (edit.h): a record of text values, each checked by
 * cell.h as import checks the same cell and kept in its normal spelling,
 * then saved through person.h in one transaction, against the version it
 * was loaded at.  Missions and windows are compared with what is stored
 * and only the differences are written and audited.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "edit.h"
#include "edit_int.h"
#include "vocab.h"

const char *const edit_field_names[EF_N] = { "family_name", "given_name",
    "agency", "rank", "gender", "email", "phone", "status", "notice_days",
    "passport_expiry", "medical_expiry", "heat_expiry", "languages",
    "themes", "skills", "notes", "dnc", "dnc_until", "reviewed" };

static const char load_sql[] = "SELECT id, version, family_name,"
    " given_name, agency, rank, gender, email, phone, status, notice_days,"
    " coalesce(passport_expiry, ''), coalesce(medical_expiry, ''),"
    " coalesce(heat_expiry, ''), " PERSON_LANGS_SQL("?1") ", "
    PERSON_SLUGS_SQL("person_theme", "person", "?1") ", "
    PERSON_SLUGS_SQL("person_skill", "person", "?1") ","
    " notes, dnc, coalesce(dnc_until, ''), coalesce(reviewed, '')"
    " FROM person WHERE pk = ?1";
static const char missions_sql[] = "SELECT m.name, s.country, s.start,"
    " coalesce(s.end, ''), s.role, "
    PERSON_SLUGS_SQL("service_theme", "service", "s.pk")
    " FROM service s JOIN mission m ON m.pk = s.mission"
    " WHERE s.person = ? ORDER BY s.start, m.name";
static const char windows_sql[] = "SELECT start, coalesce(end, ''), reason"
    " FROM unavailability WHERE person = ? ORDER BY start";

int
edit_field_find(const char *name)
{
	int f;

	for (f = 0; f < EF_N; f++)
		if (strcmp(edit_field_names[f], name) == 0)
			return f;
	return -1;
}

static void
set_value(char **slot, char *v)
{
	free(*slot);
	*slot = v;
}

struct edit_record *
edit_new(void)
{
	struct edit_record *r = xcalloc(1, sizeof *r);
	int f;

	for (f = 0; f < EF_N; f++)
		r->value[f] = xstrdup(f == EF_STATUS ? "active" :
		    f == EF_NOTICE_DAYS ? "0" : "");
	return r;
}

static void
mission_free(struct edit_mission *m)
{
	free(m->mission);
	free(m->country);
	free(m->start);
	free(m->end);
	free(m->role);
	free(m->themes);
}

static void
window_free(struct edit_window *w)
{
	free(w->from);
	free(w->to);
	free(w->reason);
}

void
edit_free(struct edit_record *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < EF_N; i++)
		free(r->value[i]);
	for (i = 0; i < r->nmissions; i++)
		mission_free(&r->missions[i]);
	for (i = 0; i < r->nwindows; i++)
		window_free(&r->windows[i]);
	free(r->missions);
	free(r->windows);
	free(r);
}

void
edit_mission_values(const struct edit_mission *m, const char *v[MISSION_NFIELDS])
{
	v[0] = m->mission;
	v[1] = m->country;
	v[2] = m->start;
	v[3] = m->end;
	v[4] = m->role;
	v[5] = m->themes;
}

void
edit_window_values(const struct edit_window *w, const char *v[WINDOW_NFIELDS])
{
	v[0] = w->from;
	v[1] = w->to;
	v[2] = w->reason;
}

static void
mission_append(struct edit_record *r, const char *const *v)
{
	struct edit_mission *m;

	r->missions = xrealloc(r->missions, (r->nmissions + 1) *
	    sizeof *r->missions);
	m = &r->missions[r->nmissions++];
	m->mission = xstrdup(v[0]);
	m->country = xstrdup(v[1]);
	m->start = xstrdup(v[2]);
	m->end = xstrdup(v[3]);
	m->role = xstrdup(v[4]);
	m->themes = xstrdup(v[5]);
}

static void
window_append(struct edit_record *r, const char *const *v)
{
	struct edit_window *w;

	r->windows = xrealloc(r->windows, (r->nwindows + 1) *
	    sizeof *r->windows);
	w = &r->windows[r->nwindows++];
	w->from = xstrdup(v[0]);
	w->to = xstrdup(v[1]);
	w->reason = xstrdup(v[2]);
}

/* Runs sql (one ? for pk) and appends each row's n columns with add. */
static int
load_rows(struct store *s, const char *sql, long long pk, size_t n,
    struct edit_record *r, void (*add)(struct edit_record *,
    const char *const *), struct error *err)
{
	const char *v[MISSION_NFIELDS];
	sqlite3_stmt *st;
	size_t i;
	int rc;

	if ((rc = store_prepare(s, &st, sql, err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, pk);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < n; i++) {
			v[i] = (const char *)sqlite3_column_text(st, (int)i);
			if (v[i] == NULL)
				v[i] = "";
		}
		add(r, v);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, err, "person");
	return RC_OK;
}

int
edit_load(struct store *s, long long pk, struct edit_record **out,
    struct error *err)
{
	struct edit_record *r;
	sqlite3_stmt *st;
	int f, rc;

	*out = NULL;
	if ((rc = store_prepare(s, &st, load_sql, err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, pk);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE)
			return error_set(err, RC_REFUSED, "that person is no "
			    "longer in the pool");
		return store_error(s, err, "person");
	}
	r = xcalloc(1, sizeof *r);
	snprintf(r->id, sizeof r->id, "%s", sqlite3_column_text(st, 0));
	r->pk = pk;
	r->version = sqlite3_column_int64(st, 1);
	for (f = 0; f < EF_N; f++)
		r->value[f] = store_text(st, f + 2);
	sqlite3_finalize(st);
	if ((rc = load_rows(s, missions_sql, pk, MISSION_NFIELDS, r,
	    mission_append, err)) == RC_OK)
		rc = load_rows(s, windows_sql, pk, WINDOW_NFIELDS, r,
		    window_append, err);
	if (rc != RC_OK) {
		edit_free(r);
		return rc;
	}
	*out = r;
	return RC_OK;
}

/* A check's first problem, which is the one told. */
struct first {
	char	msg[sizeof ((struct error *)0)->msg];
	int	n;
};

static void
first_problem(void *arg, const char *msg)
{
	struct first *fp = arg;

	if (fp->n++ == 0)
		snprintf(fp->msg, sizeof fp->msg, "%s", msg);
}

static void
join_langs(const struct person *p, struct strbuf *out)
{
	size_t i;

	for (i = 0; i < p->nlangs; i++)
		strbuf_addf(out, "%s%s:%s", i ? ";" : "", p->langs[i].code,
		    refdata_level_name(p->langs[i].level));
}

static void
join_words(const char *const *w, size_t n, struct strbuf *out)
{
	size_t i;

	for (i = 0; i < n; i++)
		strbuf_addf(out, "%s%s", i ? ";" : "", w[i]);
}

/* A text field's checks: plain text, and for some more. */
static void
check_text_field(struct cell_check *c, enum edit_field f, const char *v)
{
	if (cell_text(c, v, f == EF_NOTES) != RC_OK)
		return;
	if (f == EF_FAMILY_NAME)
		cell_present(c, v, "family name");
	else if (f == EF_EMAIL)
		cell_email(c, v);
	else if (f == EF_PHONE)
		cell_phone(c, v);
}

int
edit_check_field(struct store *s, int f, const char *v,
    struct edit_row *row, struct strbuf *out, struct error *err)
{
	static const struct vocab_list *const choices[EF_N] = {
		[EF_GENDER] = &vocab_genders,
		[EF_STATUS] = &vocab_person_statuses,
		[EF_DNC] = &vocab_dnc_reasons,
	};
	struct first fp = { "", 0 };
	struct cell_check c = { s, first_problem, &fp };
	struct edit_row *tmp = row != NULL ? row : xcalloc(1, sizeof *tmp);
	struct person *p = &tmp->p;
	char date[DATE_LEN];
	const char *word;
	int days;

	switch (f) {
	case EF_GENDER:
	case EF_STATUS:
	case EF_DNC:
		cell_choice(&c, v, choices[f], f == EF_STATUS ? "active" : "",
		    &word);
		strbuf_adds(out, word);
		break;
	case EF_NOTICE_DAYS:
		cell_notice(&c, v, &days);
		strbuf_addf(out, "%d", days);
		break;
	case EF_PASSPORT_EXPIRY:
	case EF_MEDICAL_EXPIRY:
	case EF_HEAT_EXPIRY:
	case EF_DNC_UNTIL:
	case EF_REVIEWED:
		cell_date(&c, v, 0, date);
		strbuf_adds(out, date);
		break;
	case EF_LANGUAGES:
		cell_languages(&c, v, p);
		join_langs(p, out);
		break;
	case EF_THEMES:
		cell_vocab(&c, v, VOCAB_THEME, tmp->themes, p->themes,
		    &p->nthemes);
		join_words(p->themes, p->nthemes, out);
		break;
	case EF_SKILLS:
		cell_vocab(&c, v, VOCAB_SKILL, tmp->skills, p->skills,
		    &p->nskills);
		join_words(p->skills, p->nskills, out);
		break;
	default:
		check_text_field(&c, f, v);
		strbuf_adds(out, v);
		break;
	}
	if (tmp != row)
		free(tmp);
	if (fp.n > 0)
		return error_set(err, RC_INPUT, "%s", fp.msg);
	return RC_OK;
}

int
edit_set(struct store *s, struct edit_record *r, enum edit_field f,
    const char *text, struct error *err)
{
	struct strbuf v = { 0 };
	int rc;

	if ((rc = edit_check_field(s, f, text, NULL, &v, err)) == RC_OK)
		set_value(&r->value[f], strbuf_steal(&v));
	strbuf_free(&v);
	return rc;
}

/* The items of a normalised list value, and whether one matches key. */
static int
item_key_is(const char *item, size_t len, const char *key)
{
	size_t klen = strcspn(item, ":;");

	if (klen > len)
		klen = len;
	return strlen(key) == klen && strncasecmp(item, key, klen) == 0;
}

/*
 * The list of field f without the item keyed key (a language's code, a
 * slug) into out; whether it was there.
 */
static int
list_without(const char *list, const char *key, struct strbuf *out)
{
	const char *p = list;
	size_t len;
	int found = 0;

	strbuf_adds(out, "");
	while (*p != '\0') {
		len = strcspn(p, ";");
		if (item_key_is(p, len, key))
			found = 1;
		else
			strbuf_addf(out, "%s%.*s", out->len ? ";" : "",
			    (int)len, p);
		p += len + (p[len] == ';');
	}
	return found;
}

static int
is_list(enum edit_field f)
{
	return f == EF_LANGUAGES || f == EF_THEMES || f == EF_SKILLS;
}

int
edit_add_item(struct store *s, struct edit_record *r, enum edit_field f,
    const char *item, struct error *err)
{
	struct strbuf one = { 0 }, rest = { 0 };
	char key[64];
	int rc;

	if (!is_list(f))
		return error_set(err, RC_INPUT, "%s is not a list",
		    edit_field_names[f]);
	if ((rc = edit_check_field(s, f, item, NULL, &one, err)) == RC_OK &&
	    one.len > 0) {
		/* A language already there takes the new level. */
		snprintf(key, sizeof key, "%.*s", (int)strcspn(one.s, ":"),
		    one.s);
		list_without(r->value[f], key, &rest);
		strbuf_addf(&rest, "%s%s", rest.len ? ";" : "", one.s);
		rc = edit_set(s, r, f, rest.s, err);
	}
	strbuf_free(&one);
	strbuf_free(&rest);
	return rc;
}

int
edit_remove_item(struct store *s, struct edit_record *r, enum edit_field f,
    const char *item, struct error *err)
{
	struct strbuf rest = { 0 };
	char key[64];
	size_t len;
	int rc;

	(void)s;
	if (!is_list(f))
		return error_set(err, RC_INPUT, "%s is not a list",
		    edit_field_names[f]);
	/* Trimmed, as the items of a list given whole are. */
	while (isspace((unsigned char)*item))
		item++;
	len = strcspn(item, ":");
	while (len > 0 && isspace((unsigned char)item[len - 1]))
		len--;
	if (len == 0)
		return error_set(err, RC_INPUT, "no item to remove (expected "
		    "one, as in -%s=%s)", edit_field_names[f], f ==
		    EF_LANGUAGES ? "fr" : f == EF_THEMES ? "drugs" :
		    "first-aid");
	snprintf(key, sizeof key, "%.*s", (int)len, item);
	if (!list_without(r->value[f], key, &rest))
		rc = error_set(err, RC_INPUT, "'%s' is not in the list (%s)",
		    item, *r->value[f] != '\0' ? r->value[f] : "it is empty");
	else {
		set_value(&r->value[f], strbuf_steal(&rest));
		rc = RC_OK;
	}
	strbuf_free(&rest);
	return rc;
}

/* "country: " and the first problem of a mission's or window's column. */
static int
item_error(const char *column, const struct first *fp, struct error *err)
{
	return error_set(err, RC_INPUT, "%s: %s", column, fp->msg);
}

/*
 * Checks a mission as a missions row is checked; its normal spelling
 * into v (strings owned by bufs).
 */
static int
check_mission(struct store *s, const struct edit_mission *m,
    struct strbuf bufs[MISSION_NFIELDS], struct error *err)
{
	struct first fp = { "", 0 };
	struct cell_check c = { s, first_problem, &fp };
	const char *themes[PERSON_MAX_LIST];
	char tbuf[CELL_LIST_MAX], country[3], start[DATE_LEN], end[DATE_LEN];
	size_t n;

	if (cell_text(&c, m->mission, 0) == RC_OK)
		cell_present(&c, m->mission, "mission name");
	if (fp.n > 0)
		return item_error("mission", &fp, err);
	if (cell_country(&c, m->country, country) != RC_OK)
		return item_error("country", &fp, err);
	if (cell_date(&c, m->start, 1, start) != RC_OK)
		return item_error("start", &fp, err);
	if (cell_date(&c, m->end, 0, end) != RC_OK ||
	    cell_window(&c, start, end) != RC_OK)
		return item_error("end", &fp, err);
	if (cell_text(&c, m->role, 0) != RC_OK)
		return item_error("role", &fp, err);
	if (cell_vocab(&c, m->themes, VOCAB_THEME, tbuf, themes, &n) != RC_OK)
		return item_error("themes", &fp, err);
	strbuf_adds(&bufs[0], m->mission);
	strbuf_adds(&bufs[1], country);
	strbuf_adds(&bufs[2], start);
	strbuf_adds(&bufs[3], end);
	strbuf_adds(&bufs[4], m->role);
	strbuf_adds(&bufs[5], "");
	join_words(themes, n, &bufs[5]);
	return RC_OK;
}

static int
check_window(struct store *s, const struct edit_window *w,
    struct strbuf bufs[WINDOW_NFIELDS], struct error *err)
{
	struct first fp = { "", 0 };
	struct cell_check c = { s, first_problem, &fp };
	char from[DATE_LEN], to[DATE_LEN];

	if (cell_date(&c, w->from, 1, from) != RC_OK)
		return item_error("from", &fp, err);
	if (cell_date(&c, w->to, 0, to) != RC_OK ||
	    cell_window(&c, from, to) != RC_OK)
		return item_error("to", &fp, err);
	if (cell_text(&c, w->reason, 0) != RC_OK)
		return item_error("reason", &fp, err);
	strbuf_adds(&bufs[0], from);
	strbuf_adds(&bufs[1], to);
	strbuf_adds(&bufs[2], w->reason);
	return RC_OK;
}

static void
bufs_values(struct strbuf *bufs, size_t n, const char **v)
{
	size_t i;

	for (i = 0; i < n; i++)
		v[i] = strbuf_str(&bufs[i]);
}

static void
bufs_free(struct strbuf *bufs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		strbuf_free(&bufs[i]);
}

int
edit_add_mission(struct store *s, struct edit_record *r,
    const struct edit_mission *m, struct error *err)
{
	struct strbuf bufs[MISSION_NFIELDS];
	const char *v[MISSION_NFIELDS], *o[MISSION_NFIELDS];
	size_t i;
	int rc;

	memset(bufs, 0, sizeof bufs);
	if ((rc = check_mission(s, m, bufs, err)) == RC_OK) {
		bufs_values(bufs, MISSION_NFIELDS, v);
		/* The same mission from the same day is the one replaced,
		 * as an import would. */
		for (i = 0; i < r->nmissions; i++) {
			edit_mission_values(&r->missions[i], o);
			if (strcmp(o[0], v[0]) == 0 && strcmp(o[2], v[2]) == 0)
				break;
		}
		if (i < r->nmissions)
			edit_remove_mission(r, i);
		mission_append(r, v);
	}
	bufs_free(bufs, MISSION_NFIELDS);
	return rc;
}

int
edit_add_window(struct store *s, struct edit_record *r,
    const struct edit_window *w, struct error *err)
{
	struct strbuf bufs[WINDOW_NFIELDS];
	const char *v[WINDOW_NFIELDS];
	size_t i;
	int rc;

	memset(bufs, 0, sizeof bufs);
	if ((rc = check_window(s, w, bufs, err)) == RC_OK) {
		bufs_values(bufs, WINDOW_NFIELDS, v);
		for (i = 0; i < r->nwindows; i++)
			if (strcmp(r->windows[i].from, v[0]) == 0)
				break;
		if (i < r->nwindows)
			edit_remove_window(r, i);
		window_append(r, v);
	}
	bufs_free(bufs, WINDOW_NFIELDS);
	return rc;
}

void
edit_remove_mission(struct edit_record *r, size_t i)
{
	if (i >= r->nmissions)
		return;
	mission_free(&r->missions[i]);
	memmove(&r->missions[i], &r->missions[i + 1], (r->nmissions - i - 1) *
	    sizeof *r->missions);
	r->nmissions--;
}

void
edit_remove_window(struct edit_record *r, size_t i)
{
	if (i >= r->nwindows)
		return;
	window_free(&r->windows[i]);
	memmove(&r->windows[i], &r->windows[i + 1], (r->nwindows - i - 1) *
	    sizeof *r->windows);
	r->nwindows--;
}
