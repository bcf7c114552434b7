/*
 * The help: drawn from the key table, so it cannot disagree with what the
 * keys do (nor, through the test that checks it, with roster(1)).
 */
#include <stdio.h>
#include <string.h>

#include "keys.h"
#include "strbuf.h"
#include "tui.h"

static const struct {
	unsigned	 where;
	const char	*title;
} sections[] = {
	{ KC_LIST, "The pool list" },
	{ KC_FACETS, "The facet panel (f shows it, Tab moves to it)" },
	{ KC_DEPLOYS, "The deployments (D)" },
	{ KC_DEPLOY, "A deployment" },
	{ KC_SUGGEST, "A suggested team (S)" },
	{ KC_DETAIL, "A person, and this help" },
	{ KC_BAR, "The filter bar (/)" },
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

void
screen_help_lines(struct app *a)
{
	struct strbuf line = { 0 }, keys_of = { 0 };
	size_t s, i;

	app_close_page(a);
	for (s = 0; s < sizeof sections / sizeof sections[0]; s++) {
		if (s > 0)
			app_page_add(a, "", 0);
		app_page_add(a, sections[s].title, strlen(sections[s].title));
		for (i = 0; i < nkeys; i++) {
			if (keys[i].help == NULL ||
			    !(keys[i].where & sections[s].where))
				continue;
			strbuf_reset(&keys_of);
			names(&keys[i], sections[s].where, &keys_of);
			strbuf_reset(&line);
			strbuf_addf(&line, "  %-22s %s", strbuf_str(&keys_of),
			    keys[i].help);
			app_page_add(a, strbuf_str(&line), line.len);
		}
	}
	strbuf_free(&line);
	strbuf_free(&keys_of);
	a->screen = SCREEN_HELP;
	view_go(&a->page, 0);
}
