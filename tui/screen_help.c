/*
 * The help: drawn from the key table, so it cannot disagree with what the
 * keys do (nor, through the test that checks it, with roster(1)).
 */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "filter.h"
#include "keys.h"
#include "strbuf.h"

/* The filter language on one screen, above its keys (from filter.h's
 * table); roster(5) has the rest. */
static const char *const filter_help[][2] = {
	{ "lang:fr theme:border", "terms side by side must all hold" },
	{ "(a OR b) -c, NOT d", "either, grouped; not (operators in "
	    "capitals)" },
	{ "agency:\"Nat Police\"", "double quotes keep spaces" },
	{ "word", "a name or word anywhere in the record" },
	{ "dates", "2026-12-01, today, tomorrow, +3d, +2w" },
};

static const struct {
	unsigned	 where;
	const char	*title;
} sections[] = {
	{ KC_LIST, "The pool list" },
	{ KC_FACETS, "The facet panel (f shows it, Tab moves to it)" },
	{ KC_DEPLOYS, "The deployments (D)" },
	{ KC_DEPLOY, "A deployment" },
	{ KC_SUGGEST, "A suggested team (S)" },
	{ KC_DESK, "The call-out desk (c on a deployment)" },
	{ KC_DUPES, "The same person twice? (= in the list)" },
	{ KC_TWIN, "A pair side by side (Enter on a pair)" },
	{ KC_DETAIL | KC_HELP, "A person, and this help" },
	{ KC_BAR, "The filter bar (/)" },
	{ KC_FORM, "The person form (a adds, e edits)" },
	{ KC_MERGE, "Saved by someone else meanwhile: yours or theirs" },
	{ KC_YES, "A question that ends in (y/n)" },
	{ KC_EXISTS, "When the file named exists (Esc cancels)" },
};

/* "j, Down, C-n": every key bound to k's action where k applies. */
static void
names(const struct key *k, unsigned where, struct strbuf *out)
{
	char buf[16], seen[16][16];
	const char *name;
	size_t i, j, nseen = 0;

	for (i = 0; i < nkeys; i++) {
		if (keys[i].action != k->action || !(keys[i].where & where))
			continue;
		name = keys_name(&keys[i], buf);
		/* Backspace has two codes; name it once. */
		for (j = 0; j < nseen && strcmp(seen[j], name) != 0; j++)
			continue;
		if (j < nseen || nseen == sizeof seen / sizeof seen[0])
			continue;
		snprintf(seen[nseen++], sizeof seen[0], "%s", name);
		if (nseen > 1)
			strbuf_adds(out, ", ");
		strbuf_adds(out, name);
	}
}

/* A title, then each key of the context with its help. */
static void
section(struct app *a, unsigned where, const char *title)
{
	struct strbuf line = { 0 }, keys_of = { 0 };
	size_t i;

	if (a->nlines > 0)
		app_page_add(a, "", 0);
	app_page_add(a, title, strlen(title));
	for (i = 0; i < nkeys; i++) {
		if (keys[i].help == NULL || !(keys[i].where & where))
			continue;
		strbuf_reset(&keys_of);
		names(&keys[i], where, &keys_of);
		strbuf_reset(&line);
		strbuf_addf(&line, "  %-22s %s", strbuf_str(&keys_of),
		    keys[i].help);
		app_page_add(a, strbuf_str(&line), line.len);
	}
	strbuf_free(&line);
	strbuf_free(&keys_of);
}

/* Whether a key of the context starts the two-key action t. */
static int
leads(const struct key_then *t, unsigned where)
{
	size_t i;

	for (i = 0; i < nkeys; i++)
		if (keys[i].action == t->action && (keys[i].where & where))
			return 1;
	return 0;
}

/* The filter language: its grammar by example, then every key. */
static void
filter_section(struct app *a)
{
	static const char title[] = "The filter language (roster(5) has all "
	    "of it)";
	struct strbuf line = { 0 }, key = { 0 };
	char want[256];
	size_t i;

	app_page_add(a, "", 0);
	app_page_add(a, title, strlen(title));
	for (i = 0; i < sizeof filter_help / sizeof filter_help[0]; i++) {
		strbuf_reset(&line);
		strbuf_addf(&line, "  %-22s %s", filter_help[i][0],
		    filter_help[i][1]);
		app_page_add(a, strbuf_str(&line), line.len);
	}
	for (i = 0; i < filter_nkeys; i++) {
		strbuf_reset(&key);
		strbuf_addf(&key, "%s:", filter_keys[i].name);
		strbuf_reset(&line);
		strbuf_addf(&line, "  %-22s %s", strbuf_str(&key),
		    filter_key_expected(&filter_keys[i], want, sizeof want));
		app_page_add(a, strbuf_str(&line), line.len);
	}
	strbuf_free(&line);
	strbuf_free(&key);
}

void
screen_help_open(struct app *a)
{
	unsigned here = app_keys_where(a);
	long long at = 0;
	size_t s, t;

	app_close_page(a);
	for (s = 0; s < sizeof sections / sizeof sections[0]; s++) {
		/* The help opens at the section of the screen it came from. */
		if (sections[s].where & here)
			at = (long long)a->nlines + (a->nlines > 0);
		section(a, sections[s].where, sections[s].title);
		/* The second keys right after the first's context. */
		for (t = 0; t < nkeys_then; t++)
			if (leads(&keys_then[t], sections[s].where))
				section(a, keys_then[t].where,
				    keys_then[t].title);
	}
	/* Last, so that G shows it whole. */
	filter_section(a);
	app_help_shown(a, at);
}
