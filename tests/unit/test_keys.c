/*
 * roster(1) against the key table: the Keys subsection of the manual must
 * name every key of tui/keys.c, list each action's keys together as the
 * help screen does ("j , Down , C-n"), describe it with the first words of
 * its help text, and name no key that the table does not have.  So the
 * manual cannot drift from the table.
 *
 * The second key of a two-key action (after ';', after 's') is named in
 * the description of the first key instead: "Set the member's status:
 * then p, c, C, d, r, x or w".  The help lists them under their own
 * title, and their prompts are made from the table.
 *
 * And per screen: the Keys subsection is in parts, each starting with a
 * comment ".\" keys: deploy" naming the screen (a KC_* context) it
 * describes; each part must name every key bound on its screen, in its
 * list with that action's help, or in its prose (".Ic q", "the keys of
 * the list that move") when the key does there what a list describes.
 *
 * The manual is read from $top_srcdir/man/roster.1 (make check exports
 * top_srcdir).
 */
#include <ctype.h>
#include <pwd.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <curses.h>

#include "keys.h"
#include "app.h"
#include "filter.h"

/* How many words of a help text the manual's description must hold. */
#define HELP_WORDS	3
#define MAX_NAMES	8
/* The subsection of roster(1) read here, which the help names. */
#define KEYS_SS		"Keys"

/* One ".It" of the Keys subsection: its key names and its text. */
struct item {
	char	*names[MAX_NAMES];
	size_t	 nnames;
	char	*raw;		/* escapes undone, spaces single */
	char	*text;		/* and lower case */
	unsigned where;		/* KC_* of its part, 0 before the first */
};

/* The screens the parts of the Keys subsection name; the second keys
 * (KC_TAGGED, KC_STATUS) are in their first key's description. */
static const struct {
	const char	*name;
	unsigned	 where;
} screens[] = {
	{ "list", KC_LIST }, { "facets", KC_FACETS }, { "detail", KC_DETAIL },
	{ "help", KC_HELP }, { "bar", KC_BAR }, { "deploys", KC_DEPLOYS },
	{ "deploy", KC_DEPLOY }, { "suggest", KC_SUGGEST }, { "yes", KC_YES },
	{ "exists", KC_EXISTS }, { "form", KC_FORM }, { "merge", KC_MERGE },
	{ "desk", KC_DESK }, { "dupes", KC_DUPES }, { "twin", KC_TWIN },
};
#define NSCREENS	(sizeof screens / sizeof screens[0])

/* What a part says between its lists: the keys it names with ".Ic",
 * and its other lines, for "the keys of the list that move". */
struct part {
	char	 names[1024];
	char	 prose[4096];
	int	 found;
};

struct manual {
	struct item	*items;
	size_t		 nitems;
	struct part	 parts[NSCREENS];
};

static struct manual man;

/* mdoc macros that may stand in a key list or a description line. */
static int
is_macro(const char *w)
{
	static const char *const macros[] = {
		"It", "Ic", "Cm", "Li", "Ar", "Fl", "Ql", "Sq", "Dq", "Pq",
		"Po", "Pc", "Xr", "Sx", "Ns", "No", "Em", "Sy", "Pa", "Ev",
		"Dv", "Xo", "Xc", NULL,
	};
	size_t i;

	for (i = 0; macros[i] != NULL; i++)
		if (strcmp(w, macros[i]) == 0)
			return 1;
	return 0;
}

/* Undoes the roff escapes a key name or a help text may need. */
static char *
unescape(const char *s, size_t len)
{
	char *out = malloc(len + 1), *o = out;
	size_t i;

	assert_non_null(out);
	for (i = 0; i < len; i++) {
		if (s[i] != '\\' || i + 1 == len) {
			*o++ = s[i];
			continue;
		}
		switch (s[++i]) {
		case '&':
			break;
		case 'e':
			*o++ = '\\';
			break;
		case '-':
			*o++ = '-';
			break;
		case '(':
			if (i + 2 < len && strncmp(s + i + 1, "aq", 2) == 0)
				*o++ = '\'';
			else if (i + 2 < len && strncmp(s + i + 1, "dq", 2) == 0)
				*o++ = '"';
			i += 2;
			break;
		default:
			*o++ = s[i];
		}
	}
	*o = '\0';
	return out;
}

/* Appends a text or macro line to an item's text, macros left out. */
static void
add_text(struct item *it, const char *line)
{
	const char *p = line, *w;
	size_t len = strlen(it->raw);
	char *word, *c;

	if (*p == '.')
		p++;
	while (*p != '\0') {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		for (w = p; *p != '\0' && *p != ' ' && *p != '\t'; p++)
			;
		word = unescape(w, (size_t)(p - w));
		if (!(line[0] == '.' && is_macro(word))) {
			it->raw = realloc(it->raw, len + strlen(word) + 2);
			assert_non_null(it->raw);
			if (len > 0)
				it->raw[len++] = ' ';
			strcpy(it->raw + len, word);
			len += strlen(word);
		}
		free(word);
	}
	free(it->text);
	it->text = strdup(it->raw);
	assert_non_null(it->text);
	for (c = it->text; *c != '\0'; c++)
		*c = (char)tolower((unsigned char)*c);
}

/* ".It Ic j , Down , C-n": the names j, Down and C-n. */
static struct item *
add_item(const char *line)
{
	struct item *it;
	const char *p = line + 3, *w;
	char *word;

	man.items = realloc(man.items, (man.nitems + 1) * sizeof *man.items);
	assert_non_null(man.items);
	it = &man.items[man.nitems++];
	memset(it, 0, sizeof *it);
	it->raw = calloc(1, 1);
	it->text = calloc(1, 1);
	assert_non_null(it->raw);
	assert_non_null(it->text);
	while (*p != '\0') {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		for (w = p; *p != '\0' && *p != ' ' && *p != '\t'; p++)
			;
		word = unescape(w, (size_t)(p - w));
		if (is_macro(word) || strcmp(word, ",") == 0) {
			free(word);
			continue;
		}
		if (it->nnames == MAX_NAMES)
			fail_msg("roster.1: too many keys on one line: %s", line);
		it->names[it->nnames++] = word;
	}
	return it;
}

/* ".\" keys: deploy": the part that begins, or -1 for another line. */
static int
part_start(const char *line)
{
	size_t s;

	if (strncmp(line, ".\\\" keys: ", 10) != 0)
		return -1;
	for (s = 0; s < NSCREENS; s++)
		if (strcmp(line + 10, screens[s].name) == 0)
			return (int)s;
	fprintf(stderr, "test_keys: roster.1: no screen '%s'\n", line + 10);
	return -1;
}

/* A line of a part outside its items: " q Q " for ".Ic q" and ".Ic Q ,",
 * the text as it is otherwise. */
static void
part_add(struct part *p, const char *line)
{
	char *word;
	size_t len;

	if (strncmp(line, ".Ic ", 4) == 0) {
		len = strcspn(line + 4, " ");
		word = unescape(line + 4, len);
		snprintf(p->names + strlen(p->names), sizeof p->names -
		    strlen(p->names), " %s ", word);
		free(word);
	} else
		snprintf(p->prose + strlen(p->prose), sizeof p->prose -
		    strlen(p->prose), " %s ", line);
}

/* Reads the Keys subsection of roster(1) into man. */
static int
setup(void **state)
{
	const char *top = getenv("top_srcdir");
	char path[4096], line[4096];
	struct item *cur = NULL;
	int in_keys = 0, found = 0, part = -1, s;
	size_t len;
	FILE *fp;

	(void)state;
	if (top == NULL || *top == '\0') {
		fprintf(stderr, "test_keys: top_srcdir is not set; run it with "
		    "make check, or set top_srcdir to the source directory\n");
		return -1;
	}
	snprintf(path, sizeof path, "%s/man/roster.1", top);
	if ((fp = fopen(path, "r")) == NULL) {
		fprintf(stderr, "test_keys: cannot open %s\n", path);
		return -1;
	}
	while (fgets(line, sizeof line, fp) != NULL) {
		len = strlen(line);
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (strcmp(line, ".Ss " KEYS_SS) == 0) {
			in_keys = found = 1;
			continue;
		}
		if (strncmp(line, ".Ss ", 4) == 0 || strncmp(line, ".Sh ", 4) == 0)
			in_keys = 0;
		if (in_keys && (s = part_start(line)) >= 0) {
			part = s;
			man.parts[s].found = 1;
		}
		if (!in_keys || strncmp(line, ".\\\"", 3) == 0)
			continue;
		if (strncmp(line, ".It ", 4) == 0) {
			cur = add_item(line);
			cur->where = part >= 0 ? screens[part].where : 0;
		} else if (strncmp(line, ".El", 3) == 0 ||
		    strncmp(line, ".Bl", 3) == 0 || strncmp(line, ".Pp", 3) == 0)
			cur = NULL;	/* the end of an item's text */
		else if (cur != NULL)
			add_text(cur, line);
		else if (part >= 0)
			part_add(&man.parts[part], line);
	}
	fclose(fp);
	if (!found) {
		fprintf(stderr, "test_keys: %s has no '.Ss " KEYS_SS "'\n",
		    path);
		return -1;
	}
	return 0;
}

static int
teardown(void **state)
{
	size_t i, j;

	(void)state;
	for (i = 0; i < man.nitems; i++) {
		for (j = 0; j < man.items[i].nnames; j++)
			free(man.items[i].names[j]);
		free(man.items[i].raw);
		free(man.items[i].text);
	}
	free(man.items);
	return 0;
}

/*
 * Every key bound to k's action where k applies, in table order, each name
 * once: what the help screen shows beside k's help text.
 */
static size_t
action_names(const struct key *k, char names[][16], size_t max)
{
	char buf[16];
	const char *name;
	size_t i, j, n = 0;

	for (i = 0; i < nkeys; i++) {
		if (keys[i].action != k->action || !(keys[i].where & k->where))
			continue;
		name = keys_name(&keys[i], buf);
		for (j = 0; j < n; j++)
			if (strcmp(names[j], name) == 0)
				break;
		if (j < n || n == max)
			continue;
		snprintf(names[n++], 16, "%s", name);
	}
	return n;
}

/* The first HELP_WORDS words of a help text, in lower case. */
static void
first_words(const char *help, char *out, size_t size)
{
	size_t n = 0, words = 0;

	for (; *help != '\0' && n + 1 < size; help++) {
		if (*help == ' ' && ++words == HELP_WORDS)
			break;
		out[n++] = (char)tolower((unsigned char)*help);
	}
	out[n] = '\0';
}

/* The two-key action whose second key k is, or NULL. */
static const struct key_then *
second_of(const struct key *k)
{
	size_t t;

	for (t = 0; t < nkeys_then; t++)
		if (k->where & keys_then[t].where)
			return &keys_then[t];
	return NULL;
}

/* Whether the words of a text (trailing ',' or '.' aside) include w. */
static int
text_has_word(const char *text, const char *w)
{
	size_t len = strlen(w), n;
	const char *p;

	for (p = text; *p != '\0'; p += n) {
		p += strspn(p, " ");
		n = strcspn(p, " ");
		if (n > 1 && (p[n - 1] == ',' || p[n - 1] == '.') && n - 1 ==
		    len && strncmp(p, w, len) == 0)
			return 1;
		if (n == len && strncmp(p, w, len) == 0)
			return 1;
	}
	return 0;
}

static int
item_has_name(const struct item *it, const char *name)
{
	size_t j;

	for (j = 0; j < it->nnames; j++)
		if (strcmp(it->names[j], name) == 0)
			return 1;
	return 0;
}

static void
test_every_key_named(void **state)
{
	char buf[16];
	const char *name;
	size_t i, j, missing = 0;

	(void)state;
	assert_true(nkeys > 0);
	assert_true(man.nitems > 0);
	for (i = 0; i < nkeys; i++) {
		name = keys_name(&keys[i], buf);
		/* keys_name's "?" for a function key it cannot name. */
		if (keys[i].fkey && strcmp(name, "?") == 0)
			fail_msg("keys.c: function key %d has no name",
			    keys[i].code);
		/* test_second_keys checks those. */
		if (second_of(&keys[i]) != NULL)
			continue;
		for (j = 0; j < man.nitems; j++)
			if (item_has_name(&man.items[j], name))
				break;
		if (j == man.nitems) {
			print_error("roster.1: key %s is missing from the Keys "
			    "subsection\n", name);
			missing++;
		}
	}
	assert_int_equal(missing, 0);
}

static void
test_every_help_described(void **state)
{
	char names[MAX_NAMES][16], words[128], want[256];
	const struct item *it;
	size_t i, j, k, n, bad = 0;

	(void)state;
	for (i = 0; i < nkeys; i++) {
		if (keys[i].help == NULL || second_of(&keys[i]) != NULL)
			continue;
		n = action_names(&keys[i], names, MAX_NAMES);
		first_words(keys[i].help, words, sizeof words);
		for (j = 0; j < man.nitems; j++) {
			it = &man.items[j];
			if (it->nnames != n)
				continue;
			for (k = 0; k < n; k++)
				if (strcmp(it->names[k], names[k]) != 0)
					break;
			if (k == n && strstr(it->text, words) != NULL)
				break;
		}
		if (j < man.nitems)
			continue;
		want[0] = '\0';
		for (k = 0; k < n; k++) {
			strncat(want, names[k], sizeof want - strlen(want) - 1);
			if (k + 1 < n)
				strncat(want, " , ", sizeof want - strlen(want) - 1);
		}
		print_error("roster.1: no '.It Ic %s' saying \"%s\" in the Keys "
		    "subsection\n", want, words);
		bad++;
	}
	assert_int_equal(bad, 0);
}

/*
 * A second key is named in the description of the first ("then p, c,
 * ..."), case and all: c and C set different statuses.
 */
static void
test_second_keys(void **state)
{
	const struct key_then *t;
	const struct key *first;
	char buf[16], fbuf[16];
	const char *name, *fname;
	size_t i, f, j, bad = 0, seconds = 0;

	(void)state;
	for (i = 0; i < nkeys; i++) {
		if ((t = second_of(&keys[i])) == NULL)
			continue;
		seconds++;
		first = NULL;
		for (f = 0; f < nkeys && first == NULL; f++)
			if (keys[f].action == t->action && keys[f].help != NULL)
				first = &keys[f];
		if (first == NULL)
			fail_msg("keys.c: no key starts '%s'", t->title);
		name = keys_name(&keys[i], buf);
		fname = keys_name(first, fbuf);
		for (j = 0; j < man.nitems; j++)
			if (item_has_name(&man.items[j], fname) &&
			    text_has_word(man.items[j].raw, name))
				break;
		if (j == man.nitems) {
			print_error("roster.1: the Keys item of %s does not "
			    "name %s, its second key\n", fname, name);
			bad++;
		}
	}
	assert_true(seconds > 0);
	assert_int_equal(bad, 0);
}

/* The prompts of the second keys are made from the table, word for word
 * what they were when written out by hand. */
static void
test_hints(void **state)
{
	struct strbuf b = { 0 };

	(void)state;
	keys_hint(KC_STATUS, "  ", &b);
	assert_string_equal(strbuf_str(&b), "p proposed  c contacted  "
	    "C confirmed  d deployed  r returned  x declined  w withdrawn");
	strbuf_reset(&b);
	keys_hint(KC_TAGGED, ", ", &b);
	assert_string_equal(strbuf_str(&b), "a add them to a deployment, "
	    "e export them to a CSV file, u untag them");
	strbuf_free(&b);
}

/* ~ at the start of a typed path is the home directory, even with HOME
 * unset; anything else is left as typed. */
static void
test_app_path(void **state)
{
	struct strbuf b = { 0 }, want = { 0 };
	struct passwd *pw = getpwuid(getuid());

	(void)state;
	assert_non_null(pw);
	setenv("HOME", "/h/me", 1);
	app_path("~/out.csv", &b);
	assert_string_equal(strbuf_str(&b), "/h/me/out.csv");
	app_path("~", &b);
	assert_string_equal(strbuf_str(&b), "/h/me");
	app_path("~other/x", &b);
	assert_string_equal(strbuf_str(&b), "~other/x");
	app_path("a~/x", &b);
	assert_string_equal(strbuf_str(&b), "a~/x");
	unsetenv("HOME");
	app_path("~/out.csv", &b);
	strbuf_addf(&want, "%s/out.csv", pw->pw_dir);
	assert_string_equal(strbuf_str(&b), strbuf_str(&want));
	strbuf_free(&b);
	strbuf_free(&want);
}

/* The kind question of a new deployment lists the kinds from vocab.c,
 * word for word what it said when written out by hand. */
static void
test_new_kind_question(void **state)
{
	struct app a;
	char buf[256];

	(void)state;
	memset(&a, 0, sizeof a);
	a.dep.step = 4;
	assert_string_equal(app_deploy_new_question(&a, buf, sizeof buf),
	    "kind (hurricane, earthquake, flood, air-disaster, civil-unrest, "
	    "pandemic, other): ");
	a.dep.step = 0;
	assert_string_equal(app_deploy_new_question(&a, buf, sizeof buf),
	    "new deployment, name: ");
}

/* The help lists the second keys under their own title, as it lists the
 * others: "  p                      proposed". */
static void
test_help_lists_second_keys(void **state)
{
	struct app a;
	struct strbuf want = { 0 };
	char buf[16];
	size_t t, i, title, j;

	(void)state;
	memset(&a, 0, sizeof a);
	screen_help_open(&a);
	assert_int_equal(a.screen, SCREEN_HELP);
	for (t = 0; t < nkeys_then; t++) {
		for (title = 0; title < a.nlines; title++)
			if (strcmp(a.lines[title], keys_then[t].title) == 0)
				break;
		if (title == a.nlines)
			fail_msg("help: no section '%s'", keys_then[t].title);
		for (i = 0; i < nkeys; i++) {
			if (!(keys[i].where & keys_then[t].where))
				continue;
			strbuf_reset(&want);
			strbuf_addf(&want, "  %-22s %s", keys_name(&keys[i], buf),
			    keys[i].help);
			for (j = title + 1; j < a.nlines && a.lines[j][0] != '\0';
			    j++)
				if (strcmp(a.lines[j], strbuf_str(&want)) == 0)
					break;
			if (j == a.nlines || a.lines[j][0] == '\0')
				fail_msg("help: '%s' lacks \"%s\"",
				    keys_then[t].title, strbuf_str(&want));
		}
	}
	strbuf_free(&want);
	app_close_page(&a);
}

/*
 * The hint lines come from the table: each key they name is bound to
 * its action on that screen; the pool list's names D and ';'; each fits
 * in 80 columns.
 */
static void
test_hint_lines(void **state)
{
	static const enum hint all[] = { HINT_LIST, HINT_FACETS,
	    HINT_DEPLOYS, HINT_PICK, HINT_DEPLOY, HINT_SUGGEST, HINT_PAGE,
	    HINT_FORM, HINT_MERGE, HINT_HELP };
	struct strbuf b = { 0 };
	size_t h, i;

	(void)state;
	for (h = 0; h < nkey_hints; h++) {
		for (i = 0; i < nkeys; i++)
			if (keys[i].action == key_hints[h].action &&
			    (keys[i].where & key_hints[h].where))
				break;
		if (i == nkeys)
			fail_msg("keys.c: the hint '%s' has no key",
			    key_hints[h].label);
	}
	for (h = 0; h < sizeof all / sizeof all[0]; h++) {
		strbuf_reset(&b);
		keys_hint_line(all[h], &b);
		assert_true(b.len > 0);
		if (b.len > 80)
			fail_msg("hint line %zu is %zu columns: %s", h, b.len,
			    strbuf_str(&b));
	}
	strbuf_reset(&b);
	keys_hint_line(HINT_LIST, &b);
	assert_string_equal(strbuf_str(&b), "/ filter  Enter open  t tag  "
	    "; tagged  D deployments  f facets  ? help  q quit");
	strbuf_free(&b);
}

/* The line of the help that is its top when it opens. */
static const char *
help_top(enum mode screen, int facets)
{
	static char top[256];
	struct app a;

	memset(&a, 0, sizeof a);
	a.screen = screen;
	a.facets_focus = facets;
	screen_help_open(&a);
	assert_true(a.page_line >= 0 && (size_t)a.page_line < a.nlines);
	snprintf(top, sizeof top, "%s", a.lines[a.page_line]);
	app_close_page(&a);
	return top;
}

/* ? opens the help at the section of the screen it was pressed on. */
static void
test_help_at_section(void **state)
{
	(void)state;
	assert_string_equal(help_top(SCREEN_LIST, 0), "The pool list");
	assert_string_equal(help_top(SCREEN_LIST, 1),
	    "The facet panel (f shows it, Tab moves to it)");
	assert_string_equal(help_top(SCREEN_DEPLOYS, 0), "The deployments (D)");
	assert_string_equal(help_top(SCREEN_DEPLOY, 0), "A deployment");
	assert_string_equal(help_top(SCREEN_SUGGEST, 0),
	    "A suggested team (S)");
	assert_string_equal(help_top(SCREEN_DETAIL, 0),
	    "A person, and this help");
	assert_string_equal(help_top(SCREEN_FORM, 0),
	    "The person form (a adds, e edits)");
}

/* The help sums up the filter language, every key of filter.h's table
 * included, in one screen (24 lines). */
static void
test_help_filter_language(void **state)
{
	struct app a;
	char want[64];
	size_t title, i, j;

	(void)state;
	memset(&a, 0, sizeof a);
	screen_help_open(&a);
	for (title = 0; title < a.nlines; title++)
		if (strncmp(a.lines[title], "The filter language", 19) == 0)
			break;
	if (title == a.nlines)
		fail_msg("help: no filter language");
	assert_true(a.nlines - title <= 23);
	for (i = 0; i < filter_nkeys; i++) {
		snprintf(want, sizeof want, "  %s:", filter_keys[i].name);
		for (j = title; j < a.nlines; j++)
			if (strncmp(a.lines[j], want, strlen(want)) == 0)
				break;
		if (j == a.nlines)
			fail_msg("help: the filter language lacks %s", want);
	}
	app_close_page(&a);
}

/* The help names the page and the subsection read here, which exists
 * (setup fails without it). */
static void
test_help_names_the_manual(void **state)
{
	const char *want = "man 1 roster, subsection " KEYS_SS;

	(void)state;
	assert_true(strlen(keys_manual) >= strlen(want));
	assert_string_equal(keys_manual + strlen(keys_manual) - strlen(want),
	    want);
}

/* A key typed that the table does not bind is named in its message. */
static void
test_typed(void **state)
{
	char buf[16];

	(void)state;
	assert_string_equal(keys_typed('z', 0, buf), "z");
	assert_string_equal(keys_typed(7, 0, buf), "C-g");
	assert_string_equal(keys_typed(KEY_DOWN, 1, buf), "Down");
	assert_string_equal(keys_typed(KEY_F(1), 1, buf), "KEY_F(1)");
}

/* The other way: the manual names no key the table does not bind. */
static void
test_no_stale_key(void **state)
{
	char buf[16];
	size_t i, j, k, bad = 0;

	(void)state;
	for (j = 0; j < man.nitems; j++)
		for (k = 0; k < man.items[j].nnames; k++) {
			for (i = 0; i < nkeys; i++)
				if (strcmp(keys_name(&keys[i], buf),
				    man.items[j].names[k]) == 0)
					break;
			if (i == nkeys) {
				print_error("roster.1: the Keys subsection "
				    "names %s, which is bound to nothing\n",
				    man.items[j].names[k]);
				bad++;
			}
		}
	assert_int_equal(bad, 0);
}

/* The actions "the keys of the list that move" stand for, and those
 * of "the keys of the filter bar that edit the text". */
static int
moves(enum action a)
{
	return a == ACT_UP || a == ACT_DOWN || a == ACT_PAGE_UP ||
	    a == ACT_PAGE_DOWN || a == ACT_HALF_UP || a == ACT_HALF_DOWN ||
	    a == ACT_TOP || a == ACT_BOTTOM;
}

static int
edits(enum action a)
{
	return a >= ACT_BAR_LEFT && a <= ACT_BAR_KILL_WORD;
}

/* The item of a screen's part that names a key, or NULL. */
static const struct item *
part_item(unsigned where, const char *name)
{
	size_t j;

	for (j = 0; j < man.nitems; j++)
		if (man.items[j].where == where &&
		    item_has_name(&man.items[j], name))
			return &man.items[j];
	return NULL;
}

/* Whether the prose of a part names k, one way or the other. */
static int
prose_names(const struct part *p, const struct key *k, const char *name)
{
	char want[32];

	snprintf(want, sizeof want, " %s ", name);
	if (strstr(p->names, want) != NULL)
		return 1;
	if (moves(k->action) && (k->where & KC_LIST) &&
	    strstr(p->prose, "keys of the list that move") != NULL)
		return 1;
	return edits(k->action) && (k->where & KC_BAR) &&
	    strstr(p->prose, "keys of the filter bar that edit") != NULL;
}

/* Whether the list of another screen's part describes k's key doing k's
 * action: what "work as in the list" promises. */
static int
listed_elsewhere(const struct key *k, unsigned here)
{
	char buf[16], kbuf[16];
	const char *name = keys_name(k, kbuf);
	size_t i, s;

	for (i = 0; i < nkeys; i++) {
		if (keys[i].action != k->action ||
		    strcmp(keys_name(&keys[i], buf), name) != 0)
			continue;
		for (s = 0; s < NSCREENS; s++)
			if (screens[s].where != here &&
			    (keys[i].where & screens[s].where) &&
			    part_item(screens[s].where, name) != NULL)
				return 1;
	}
	return 0;
}

/* The help text of k's action on a screen (its first binding's). */
static const char *
help_of(const struct key *k, unsigned where)
{
	size_t i;

	for (i = 0; i < nkeys; i++)
		if (keys[i].action == k->action && (keys[i].where & where) &&
		    keys[i].help != NULL)
			return keys[i].help;
	fail_msg("keys.c: action %d has no help text", (int)k->action);
	return NULL;
}

/* Each screen's part of the manual names every key bound on it. */
static void
test_each_screen_names_its_keys(void **state)
{
	char buf[16], words[128];
	const struct item *it;
	const char *name, *screen;
	unsigned where;
	size_t s, i, bad = 0;

	(void)state;
	for (s = 0; s < NSCREENS; s++) {
		screen = screens[s].name;
		where = screens[s].where;
		if (!man.parts[s].found) {
			print_error("roster.1: the Keys subsection has no part "
			    "'.\\\" keys: %s'\n", screen);
			bad++;
			continue;
		}
		for (i = 0; i < nkeys; i++) {
			if (!(keys[i].where & where))
				continue;
			name = keys_name(&keys[i], buf);
			if ((it = part_item(where, name)) != NULL) {
				first_words(help_of(&keys[i], where), words,
				    sizeof words);
				if (strstr(it->text, words) != NULL)
					continue;
				print_error("roster.1: the item of %s in the "
				    "part '%s' does not say \"%s\"\n", name,
				    screen, words);
			} else if (prose_names(&man.parts[s], &keys[i], name)) {
				if (listed_elsewhere(&keys[i], where))
					continue;
				print_error("roster.1: the part '%s' says %s "
				    "works as elsewhere; no list says so\n",
				    screen, name);
			} else
				print_error("roster.1: key %s of the screen '%s' "
				    "is missing from its part of the Keys "
				    "subsection\n", name, screen);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

/* And no part lists a key that its screen does not bind. */
static void
test_each_part_lists_only_its_keys(void **state)
{
	char buf[16];
	const struct item *it;
	size_t i, j, k, bad = 0;

	(void)state;
	for (j = 0; j < man.nitems; j++) {
		it = &man.items[j];
		for (k = 0; it->where != 0 && k < it->nnames; k++) {
			for (i = 0; i < nkeys; i++)
				if ((keys[i].where & it->where) &&
				    strcmp(keys_name(&keys[i], buf),
				    it->names[k]) == 0)
					break;
			if (i < nkeys)
				continue;
			print_error("roster.1: a part of the Keys subsection "
			    "lists %s, which its screen does not bind\n",
			    it->names[k]);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

/* y, n and m on the desk all ask for a note: each help says so, not
 * only y's (the help is all a tired duty officer reads). */
static void
test_phone_keys_say_the_note(void **state)
{
	size_t i, n = 0;

	(void)state;
	for (i = 0; i < nkeys; i++) {
		if (keys[i].action != ACT_REPLY_YES &&
		    keys[i].action != ACT_REPLY_NO &&
		    keys[i].action != ACT_REPLY_MAYBE)
			continue;
		n++;
		if (strstr(keys[i].help, "(a note is asked)") == NULL)
			fail_msg("'%c': \"%s\" does not say a note is asked",
			    keys[i].code, keys[i].help);
	}
	assert_int_equal(n, 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_key_named),
		cmocka_unit_test(test_every_help_described),
		cmocka_unit_test(test_second_keys),
		cmocka_unit_test(test_hints),
		cmocka_unit_test(test_new_kind_question),
		cmocka_unit_test(test_app_path),
		cmocka_unit_test(test_help_lists_second_keys),
		cmocka_unit_test(test_no_stale_key),
		cmocka_unit_test(test_hint_lines),
		cmocka_unit_test(test_help_at_section),
		cmocka_unit_test(test_help_filter_language),
		cmocka_unit_test(test_typed),
		cmocka_unit_test(test_help_names_the_manual),
		cmocka_unit_test(test_each_screen_names_its_keys),
		cmocka_unit_test(test_each_part_lists_only_its_keys),
		cmocka_unit_test(test_phone_keys_say_the_note),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
