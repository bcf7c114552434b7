/*
 * A pair side by side, worked out: which fields differ, whose value each
 * keeps, and what the merge unites (dupes_merge's rules, dupes.h:
 * languages at the higher level, themes, skills, missions and windows
 * put together), so that the screen shows what the merge will write.
 */
#include <stdlib.h>
#include <string.h>

#include "refdata.h"
#include "strbuf.h"
#include "twin.h"

int
twin_united(int f)
{
	return f == EF_LANGUAGES || f == EF_THEMES || f == EF_SKILLS;
}

int
twin_differs(const struct twin *t, int f)
{
	return f >= 0 && f < EF_N && !twin_united(f) &&
	    strcmp(t->rec[TWIN_LEFT]->value[f], t->rec[TWIN_RIGHT]->value[f]) !=
	    0;
}

int
twin_next(const struct twin *t, int f, int dir)
{
	for (f += dir; f >= 0 && f < EF_N; f += dir)
		if (twin_differs(t, f))
			return f;
	return -1;
}

void
twin_defaults(struct twin *t)
{
	int f;

	for (f = 0; f < EF_N; f++)
		if (!(t->touched & 1u << f))
			t->side[f] = *t->rec[t->keep]->value[f] == '\0' &&
			    *t->rec[!t->keep]->value[f] != '\0' ? !t->keep :
			    t->keep;
}

/* A do-not-call mark and its last day are one choice. */
static int
partner(int f)
{
	return f == EF_DNC ? EF_DNC_UNTIL : f == EF_DNC_UNTIL ? EF_DNC : -1;
}

void
twin_choose(struct twin *t, int side)
{
	int p = partner(t->at);

	if (!twin_differs(t, t->at))
		return;
	t->side[t->at] = side;
	t->touched |= 1u << t->at;
	if (p >= 0) {
		t->side[p] = side;
		t->touched |= 1u << p;
	}
}

unsigned
twin_take(const struct twin *t)
{
	unsigned take = 0;
	int f;

	for (f = 0; f < EF_N; f++)
		if (twin_differs(t, f) && t->side[f] != t->keep)
			take |= 1u << f;
	return take;
}

/* The level of "fr:B2" in list, 0 if the language is not there. */
static int
level_in(const char *list, const char *code, size_t len)
{
	const char *p;

	for (p = list; *p != '\0'; p += strcspn(p, ";"), p += *p == ';')
		if (strncmp(p, code, len) == 0 && p[len] == ':')
			return refdata_level(p + len + 1);
	return 0;
}

/* The other side's items added to u's list field f: a language only
 * when at a higher level.  Items the checks refuse (vocabulary gone
 * since) are left out, as the merge cannot keep them either. */
static int
unite_list(struct store *s, struct edit_record *u, const char *other, int f,
    struct error *err)
{
	struct strbuf item = { 0 };
	const char *p;
	size_t len, code;
	int rc = RC_OK;

	for (p = other; *p != '\0' && rc != RC_DB; p += len + (p[len] == ';')) {
		len = strcspn(p, ";");
		strbuf_reset(&item);
		strbuf_add(&item, p, len);
		code = strcspn(item.s, ":");
		if (f == EF_LANGUAGES && refdata_level(item.s + code + 1) <=
		    level_in(u->value[f], item.s, code))
			continue;
		rc = edit_add_item(s, u, f, item.s, err);
	}
	strbuf_free(&item);
	return rc == RC_DB ? rc : RC_OK;
}

/* Missions (by name and start) and windows (by start) u lacks. */
static int
unite_rows(struct store *s, struct edit_record *u,
    const struct edit_record *o, struct error *err)
{
	const struct edit_mission *m;
	size_t i, j;
	int rc = RC_OK;

	for (i = 0; i < o->nmissions && rc != RC_DB; i++) {
		m = &o->missions[i];
		for (j = 0; j < u->nmissions; j++)
			if (strcmp(u->missions[j].mission, m->mission) == 0 &&
			    strcmp(u->missions[j].start, m->start) == 0)
				break;
		if (j == u->nmissions)
			rc = edit_add_mission(s, u, m, err);
	}
	for (i = 0; i < o->nwindows && rc != RC_DB; i++) {
		for (j = 0; j < u->nwindows; j++)
			if (strcmp(u->windows[j].from, o->windows[i].from) == 0)
				break;
		if (j == u->nwindows)
			rc = edit_add_window(s, u, &o->windows[i], err);
	}
	return rc == RC_DB ? rc : RC_OK;
}

int
twin_unite(struct store *s, struct twin *t, struct error *err)
{
	const struct edit_record *o = t->rec[!t->keep];
	struct edit_record *u;
	int rc, f;

	if ((rc = edit_load(s, t->pk[t->keep], &u, err)) != RC_OK)
		return rc;
	for (f = 0; f < EF_N && rc == RC_OK; f++)
		if (twin_united(f))
			rc = unite_list(s, u, o->value[f], f, err);
	if (rc == RC_OK)
		rc = unite_rows(s, u, o, err);
	if (rc != RC_OK) {
		edit_free(u);
		return rc;
	}
	edit_free(t->united);
	t->united = u;
	return RC_OK;
}

void
twin_free(struct twin *t)
{
	int i;

	for (i = 0; i < 2; i++) {
		free(t->origin[i]);
		free(t->name[i]);
		edit_free(t->rec[i]);
	}
	edit_free(t->united);
	free(t->evidence);
	free(t);
}
