#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "keys.h"

#define CTRL(c)	((c) & 0x1f)
#define F	1	/* a function key */
/* Where j, k and q do as in a list: side by side they skip to the
 * fields that differ, and q drops the pair undecided. */
#define KC_LINES	(KC_PAGES & ~KC_TWIN)

/*
 * Bindings follow mutt, tig and less: j/k and arrows move, / filters, ?
 * helps, q goes back.  The first binding of an action carries its help
 * text; the others are listed beside it.
 */
const struct key keys[] = {
	{ 'q', 0, KC_LINES, ACT_BACK, "back; quit from the list" },
	{ 'q', 0, KC_TWIN, ACT_BACK, "back to the pairs, nothing done" },
	{ 'Q', 0, KC_PAGES, ACT_QUIT, "quit at once" },
	{ 'j', 0, KC_LINES, ACT_DOWN, "next line" },
	{ KEY_DOWN, F, KC_LINES, ACT_DOWN, NULL },
	{ CTRL('n'), 0, KC_LINES, ACT_DOWN, NULL },
	{ 'j', 0, KC_TWIN, ACT_DOWN, "next field that differs" },
	{ KEY_DOWN, F, KC_TWIN, ACT_DOWN, NULL },
	{ CTRL('n'), 0, KC_TWIN, ACT_DOWN, NULL },
	{ 'k', 0, KC_LINES, ACT_UP, "previous line" },
	{ KEY_UP, F, KC_LINES, ACT_UP, NULL },
	{ CTRL('p'), 0, KC_LINES, ACT_UP, NULL },
	{ 'k', 0, KC_TWIN, ACT_UP, "previous field that differs" },
	{ KEY_UP, F, KC_TWIN, ACT_UP, NULL },
	{ CTRL('p'), 0, KC_TWIN, ACT_UP, NULL },
	{ KEY_NPAGE, F, KC_PAGES, ACT_PAGE_DOWN, "next page" },
	{ ' ', 0, KC_PAGES, ACT_PAGE_DOWN, NULL },
	{ CTRL('f'), 0, KC_PAGES, ACT_PAGE_DOWN, NULL },
	{ KEY_PPAGE, F, KC_PAGES, ACT_PAGE_UP, "previous page" },
	{ CTRL('b'), 0, KC_PAGES, ACT_PAGE_UP, NULL },
	{ CTRL('d'), 0, KC_PAGES, ACT_HALF_DOWN, "half a page down" },
	{ CTRL('u'), 0, KC_PAGES, ACT_HALF_UP, "half a page up" },
	{ 'g', 0, KC_PAGES, ACT_TOP, "first line" },
	{ KEY_HOME, F, KC_PAGES, ACT_TOP, NULL },
	{ 'G', 0, KC_PAGES, ACT_BOTTOM, "last line" },
	{ KEY_END, F, KC_PAGES, ACT_BOTTOM, NULL },
	{ '\n', 0, KC_LIST, ACT_OPEN, "open the person" },
	{ KEY_ENTER, F, KC_LIST, ACT_OPEN, NULL },
	{ '\n', 0, KC_FACETS, ACT_OPEN, "add the value to the filter" },
	{ KEY_ENTER, F, KC_FACETS, ACT_OPEN, NULL },
	{ '-', 0, KC_FACETS, ACT_EXCLUDE, "exclude the value (-term)" },
	{ '!', 0, KC_FACETS, ACT_EXCLUDE, NULL },
	{ '/', 0, KC_LIST | KC_FACETS, ACT_FILTER, "edit the filter" },
	{ '\\', 0, KC_LIST | KC_FACETS, ACT_CLEAR_FILTER,
	    "clear the filter (everyone)" },
	{ 'f', 0, KC_LIST | KC_FACETS, ACT_FACETS, "show or hide the facets" },
	{ '\t', 0, KC_LIST | KC_FACETS, ACT_FOCUS,
	    "move between the list and the facets" },
	{ 't', 0, KC_LIST, ACT_TAG, "tag or untag the person" },
	{ 'T', 0, KC_LIST, ACT_TAG_ALL, "tag every match" },
	{ 'U', 0, KC_LIST, ACT_UNTAG_ALL, "untag everyone" },
	{ ';', 0, KC_LIST, ACT_TAG_APPLY, "act on the tagged people" },
	{ 'O', 0, KC_LIST, ACT_SORT,
	    "sort by the next key: name, agency, notice, last mission" },
	{ 'r', 0, KC_LIST, ACT_REVERSE, "reverse the order" },
	{ 'D', 0, KC_LIST, ACT_DEPLOYS, "the deployments" },
	{ 'a', 0, KC_LIST, ACT_ADD_PERSON, "add a person, in a form" },
	{ '=', 0, KC_LIST, ACT_DUPES,
	    "the same person twice? the probable duplicates" },
	{ 'e', 0, KC_LIST | KC_DETAIL, ACT_EDIT, "edit the person, in a form" },
	{ '\n', 0, KC_DEPLOYS, ACT_OPEN,
	    "open the deployment (or add the tagged people to it)" },
	{ KEY_ENTER, F, KC_DEPLOYS, ACT_OPEN, NULL },
	{ 'n', 0, KC_DEPLOYS, ACT_NEW,
	    "create a deployment, a question at a time" },
	{ 27, 0, KC_DEPLOYS, ACT_CANCEL,
	    "give up adding the tagged people (as q)" },
	{ 's', 0, KC_DEPLOY, ACT_STATUS,
	    "set the member's status: then p, c, C, d, r, x or w" },
	{ '!', 0, KC_DEPLOY, ACT_FORCE,
	    "book a refused member anyway (a double booking)" },
	{ 'X', 0, KC_DEPLOY, ACT_REMOVE, "take the member off the list" },
	{ 'S', 0, KC_DEPLOY, ACT_SUGGEST, "suggest a team for the needs" },
	{ 'P', 0, KC_DEPLOY, ACT_SHEET,
	    "write the call-out sheet to a file, to print" },
	{ 'e', 0, KC_DEPLOY, ACT_EDIT,
	    "change the deployment: name, dates, kind, status, needs" },
	{ 'c', 0, KC_DEPLOY, ACT_DESK,
	    "the call-out desk: who was called, who answered" },
	{ '\n', 0, KC_DEPLOY | KC_SUGGEST | KC_DESK, ACT_OPEN,
	    "open the person" },
	{ KEY_ENTER, F, KC_DEPLOY | KC_SUGGEST | KC_DESK, ACT_OPEN, NULL },
	{ 'y', 0, KC_DESK, ACT_REPLY_YES,
	    "the member said yes on the phone (a note is asked)" },
	{ 'n', 0, KC_DESK, ACT_REPLY_NO,
	    "the member said no on the phone (a note is asked)" },
	{ 'm', 0, KC_DESK, ACT_REPLY_MAYBE,
	    "the member said maybe on the phone (a note is asked)" },
	{ 'W', 0, KC_DESK, ACT_WAVE,
	    "call the next wave for the needs still open, after a question" },
	{ '\n', 0, KC_DUPES, ACT_OPEN, "review the pair side by side" },
	{ KEY_ENTER, F, KC_DUPES, ACT_OPEN, NULL },
	{ 'h', 0, KC_TWIN, ACT_TWIN_LEFT,
	    "keep the left value of the field" },
	{ KEY_LEFT, F, KC_TWIN, ACT_TWIN_LEFT, NULL },
	{ 'l', 0, KC_TWIN, ACT_TWIN_RIGHT,
	    "keep the right value of the field" },
	{ KEY_RIGHT, F, KC_TWIN, ACT_TWIN_RIGHT, NULL },
	{ 's', 0, KC_TWIN, ACT_TWIN_SWAP,
	    "swap which record is kept (the other's id becomes an alias)" },
	{ 'm', 0, KC_TWIN, ACT_TWIN_MERGE,
	    "merge the two, after a question naming both" },
	{ 'n', 0, KC_TWIN, ACT_TWIN_APART,
	    "not the same person: remember it, after a question" },
	{ 'h', 0, KC_DETAIL, ACT_HISTORY,
	    "the person's history: every change, newest first" },
	{ 'X', 0, KC_DETAIL, ACT_ERASE,
	    "erase the person for good, after a question" },
	{ 27, 0, KC_HELP, ACT_CANCEL, "back from the help or a history (as q)" },
	{ 'R', 0, KC_DETAIL, ACT_REVIEW,
	    "mark the record reviewed today (checked and current)" },
	{ 'a', 0, KC_SUGGEST, ACT_ACCEPT, "put the person on the list" },
	{ 'A', 0, KC_SUGGEST, ACT_ACCEPT_ALL,
	    "put every suggested person on the list" },
	{ 'a', 0, KC_TAGGED, ACT_TAGGED_ADD, "add them to a deployment" },
	{ 'e', 0, KC_TAGGED, ACT_TAGGED_EXPORT, "export them to a CSV file" },
	{ 'u', 0, KC_TAGGED, ACT_UNTAG_ALL, "untag them" },
	{ 'p', 0, KC_STATUS, ACT_PROPOSED, "proposed" },
	{ 'c', 0, KC_STATUS, ACT_CONTACTED, "contacted" },
	{ 'C', 0, KC_STATUS, ACT_CONFIRMED, "confirmed" },
	{ 'd', 0, KC_STATUS, ACT_DEPLOYED, "deployed" },
	{ 'r', 0, KC_STATUS, ACT_RETURNED, "returned" },
	{ 'x', 0, KC_STATUS, ACT_DECLINED, "declined" },
	{ 'w', 0, KC_STATUS, ACT_WITHDRAWN, "withdrawn" },
	{ 'y', 0, KC_YES, ACT_YES,
	    "yes, to a question that ends in (y/n); any other key is no" },
	{ 'o', 0, KC_EXISTS, ACT_OVERWRITE, "overwrite the file that exists" },
	{ 'r', 0, KC_EXISTS, ACT_RENAME, "type another name for the file" },
	{ '?', 0, KC_PAGES, ACT_HELP, "this help" },
	{ CTRL('l'), 0, KC_PAGES | KC_BAR | KC_FORM | KC_MERGE, ACT_REDRAW,
	    "redraw the screen" },
	{ '\n', 0, KC_BAR, ACT_BAR_ACCEPT, "keep the filter" },
	{ KEY_ENTER, F, KC_BAR, ACT_BAR_ACCEPT, NULL },
	{ 27, 0, KC_BAR, ACT_BAR_CANCEL, "restore the previous filter" },
	{ CTRL('g'), 0, KC_BAR, ACT_BAR_CANCEL, NULL },
	{ KEY_LEFT, F, KC_BAR | KC_FORM, ACT_BAR_LEFT, "character left" },
	{ CTRL('b'), 0, KC_BAR | KC_FORM, ACT_BAR_LEFT, NULL },
	{ KEY_RIGHT, F, KC_BAR | KC_FORM, ACT_BAR_RIGHT, "character right" },
	{ CTRL('f'), 0, KC_BAR | KC_FORM, ACT_BAR_RIGHT, NULL },
	{ CTRL('a'), 0, KC_BAR | KC_FORM, ACT_BAR_HOME, "start of the line" },
	{ KEY_HOME, F, KC_BAR | KC_FORM, ACT_BAR_HOME, NULL },
	{ CTRL('e'), 0, KC_BAR | KC_FORM, ACT_BAR_END, "end of the line" },
	{ KEY_END, F, KC_BAR | KC_FORM, ACT_BAR_END, NULL },
	{ KEY_BACKSPACE, F, KC_BAR | KC_FORM, ACT_BAR_BACKSPACE,
	    "delete the character before the cursor" },
	{ 127, 0, KC_BAR | KC_FORM, ACT_BAR_BACKSPACE, NULL },
	{ CTRL('h'), 0, KC_BAR | KC_FORM, ACT_BAR_BACKSPACE, NULL },
	{ KEY_DC, F, KC_BAR | KC_FORM, ACT_BAR_DELETE,
	    "delete the character under the cursor" },
	{ CTRL('d'), 0, KC_BAR | KC_FORM, ACT_BAR_DELETE, NULL },
	{ CTRL('u'), 0, KC_BAR | KC_FORM, ACT_BAR_KILL_START,
	    "delete to the start of the line" },
	{ CTRL('k'), 0, KC_BAR | KC_FORM, ACT_BAR_KILL_END, "delete to the end of the line" },
	{ CTRL('w'), 0, KC_BAR | KC_FORM, ACT_BAR_KILL_WORD, "delete the word before the cursor" },
	{ KEY_UP, F, KC_BAR, ACT_BAR_OLDER, "older filter from the history" },
	{ CTRL('p'), 0, KC_BAR, ACT_BAR_OLDER, NULL },
	{ KEY_DOWN, F, KC_BAR, ACT_BAR_NEWER, "newer filter from the history" },
	{ CTRL('n'), 0, KC_BAR, ACT_BAR_NEWER, NULL },
	{ '\t', 0, KC_FORM, ACT_FORM_TAB,
	    "complete the value; with nothing to complete, the next field" },
	{ KEY_DOWN, F, KC_FORM | KC_MERGE, ACT_FORM_NEXT, "next field" },
	{ CTRL('n'), 0, KC_FORM | KC_MERGE, ACT_FORM_NEXT, NULL },
	{ KEY_UP, F, KC_FORM | KC_MERGE, ACT_FORM_PREV, "previous field" },
	{ KEY_BTAB, F, KC_FORM, ACT_FORM_PREV, NULL },
	{ CTRL('p'), 0, KC_FORM | KC_MERGE, ACT_FORM_PREV, NULL },
	{ '\n', 0, KC_FORM, ACT_FORM_ENTER,
	    "next field; on an add line, add the row" },
	{ KEY_ENTER, F, KC_FORM, ACT_FORM_ENTER, NULL },
	{ CTRL('o'), 0, KC_FORM, ACT_FORM_ADD,
	    "add a mission (a window when among the windows)" },
	{ CTRL('r'), 0, KC_FORM, ACT_FORM_REMOVE,
	    "remove the mission or window under the cursor" },
	{ KEY_F(2), F, KC_FORM | KC_MERGE, ACT_FORM_SAVE, "save the person" },
	{ CTRL('x'), 0, KC_FORM | KC_MERGE, ACT_FORM_SAVE, NULL },
	{ 27, 0, KC_FORM, ACT_FORM_CANCEL,
	    "leave the form, asking first when something changed" },
	{ CTRL('g'), 0, KC_FORM, ACT_FORM_CANCEL, NULL },
	{ 'y', 0, KC_MERGE, ACT_MERGE_YOURS, "keep your value of the field" },
	{ 't', 0, KC_MERGE, ACT_MERGE_THEIRS, "keep their value of the field" },
	{ 'Y', 0, KC_MERGE, ACT_MERGE_ALL_YOURS, "keep all your values" },
	{ 'T', 0, KC_MERGE, ACT_MERGE_ALL_THEIRS, "keep all their values" },
	{ 27, 0, KC_MERGE, ACT_MERGE_BACK, "back to the form, nothing saved" },
};
const size_t nkeys = sizeof keys / sizeof keys[0];

const struct key_then keys_then[] = {
	{ ACT_TAG_APPLY, KC_TAGGED, "After ; in the pool list" },
	{ ACT_STATUS, KC_STATUS, "After s on a deployment" },
};
const size_t nkeys_then = sizeof keys_then / sizeof keys_then[0];

/*
 * The hint lines: what a newcomer needs first on each screen, in at most
 * 80 columns; the rest is in the help.
 */
const struct key_hint key_hints[] = {
	{ HINT_LIST, KC_LIST, ACT_FILTER, "filter" },
	{ HINT_LIST, KC_LIST, ACT_OPEN, "open" },
	{ HINT_LIST, KC_LIST, ACT_TAG, "tag" },
	{ HINT_LIST, KC_LIST, ACT_TAG_APPLY, "tagged" },
	{ HINT_LIST, KC_LIST, ACT_DEPLOYS, "deployments" },
	{ HINT_LIST, KC_LIST, ACT_FACETS, "facets" },
	{ HINT_LIST, KC_LIST, ACT_HELP, "help" },
	{ HINT_LIST, KC_LIST, ACT_BACK, "quit" },
	{ HINT_FACETS, KC_FACETS, ACT_OPEN, "add" },
	{ HINT_FACETS, KC_FACETS, ACT_EXCLUDE, "exclude" },
	{ HINT_FACETS, KC_FACETS, ACT_FOCUS, "list" },
	{ HINT_FACETS, KC_FACETS, ACT_FILTER, "filter" },
	{ HINT_FACETS, KC_FACETS, ACT_HELP, "help" },
	{ HINT_FACETS, KC_FACETS, ACT_BACK, "back" },
	{ HINT_DEPLOYS, KC_DEPLOYS, ACT_OPEN, "open" },
	{ HINT_DEPLOYS, KC_DEPLOYS, ACT_NEW, "new" },
	{ HINT_DEPLOYS, KC_DEPLOYS, ACT_HELP, "help" },
	{ HINT_DEPLOYS, KC_DEPLOYS, ACT_BACK, "back" },
	{ HINT_PICK, KC_DEPLOYS, ACT_OPEN, "add the tagged people here" },
	{ HINT_PICK, KC_DEPLOYS, ACT_NEW, "new deployment for them" },
	{ HINT_PICK, KC_DEPLOYS, ACT_BACK, "cancel" },
	{ HINT_DEPLOY, KC_DEPLOY, ACT_STATUS, "status" },
	{ HINT_DEPLOY, KC_DEPLOY, ACT_REMOVE, "remove" },
	{ HINT_DEPLOY, KC_DEPLOY, ACT_EDIT, "edit" },
	{ HINT_DEPLOY, KC_DEPLOY, ACT_SUGGEST, "suggest" },
	{ HINT_DEPLOY, KC_DEPLOY, ACT_SHEET, "sheet" },
	{ HINT_DEPLOY, KC_DEPLOY, ACT_OPEN, "person" },
	{ HINT_DEPLOY, KC_DEPLOY, ACT_HELP, "help" },
	{ HINT_DEPLOY, KC_DEPLOY, ACT_BACK, "back" },
	{ HINT_DESK, KC_DESK, ACT_REPLY_YES, "yes" },
	{ HINT_DESK, KC_DESK, ACT_REPLY_NO, "no" },
	{ HINT_DESK, KC_DESK, ACT_REPLY_MAYBE, "maybe" },
	{ HINT_DESK, KC_DESK, ACT_WAVE, "next wave" },
	{ HINT_DESK, KC_DESK, ACT_OPEN, "person" },
	{ HINT_DESK, KC_DESK, ACT_HELP, "help" },
	{ HINT_DESK, KC_DESK, ACT_BACK, "back" },
	{ HINT_SUGGEST, KC_SUGGEST, ACT_ACCEPT, "accept" },
	{ HINT_SUGGEST, KC_SUGGEST, ACT_ACCEPT_ALL, "accept all" },
	{ HINT_SUGGEST, KC_SUGGEST, ACT_OPEN, "person" },
	{ HINT_SUGGEST, KC_SUGGEST, ACT_HELP, "help" },
	{ HINT_SUGGEST, KC_SUGGEST, ACT_BACK, "back" },
	{ HINT_PAGE, KC_DETAIL, ACT_REVIEW, "reviewed" },
	{ HINT_PAGE, KC_DETAIL, ACT_BACK, "back" },
	{ HINT_PAGE, KC_DETAIL, ACT_EDIT, "edit" },
	{ HINT_PAGE, KC_DETAIL, ACT_HELP, "help" },
	{ HINT_FORM, KC_FORM, ACT_FORM_SAVE, "save" },
	{ HINT_FORM, KC_FORM, ACT_FORM_CANCEL, "cancel" },
	{ HINT_FORM, KC_FORM, ACT_FORM_TAB, "complete" },
	{ HINT_FORM, KC_FORM, ACT_FORM_ADD, "add mission" },
	{ HINT_FORM, KC_FORM, ACT_FORM_REMOVE, "remove row" },
	{ HINT_MERGE, KC_MERGE, ACT_MERGE_YOURS, "yours" },
	{ HINT_MERGE, KC_MERGE, ACT_MERGE_THEIRS, "theirs" },
	{ HINT_MERGE, KC_MERGE, ACT_FORM_SAVE, "save" },
	{ HINT_MERGE, KC_MERGE, ACT_MERGE_BACK, "back to the form" },
	{ HINT_HELP, KC_HELP, ACT_BACK, "back" },
	{ HINT_DUPES, KC_DUPES, ACT_OPEN, "side by side" },
	{ HINT_DUPES, KC_DUPES, ACT_HELP, "help" },
	{ HINT_DUPES, KC_DUPES, ACT_BACK, "back" },
	{ HINT_TWIN, KC_TWIN, ACT_TWIN_LEFT, "left" },
	{ HINT_TWIN, KC_TWIN, ACT_TWIN_RIGHT, "right" },
	{ HINT_TWIN, KC_TWIN, ACT_TWIN_SWAP, "swap kept" },
	{ HINT_TWIN, KC_TWIN, ACT_TWIN_MERGE, "merge" },
	{ HINT_TWIN, KC_TWIN, ACT_TWIN_APART, "not the same" },
	{ HINT_TWIN, KC_TWIN, ACT_HELP, "help" },
	{ HINT_TWIN, KC_TWIN, ACT_BACK, "back" },
};
const size_t nkey_hints = sizeof key_hints / sizeof key_hints[0];

const char keys_manual[] = "more in man 1 roster, subsection Keys";

const char *
keys_name(const struct key *k, char buf[16])
{
	static const struct {
		int		 code;
		const char	*name;
	} fkeys[] = {
		{ KEY_DOWN, "Down" }, { KEY_UP, "Up" }, { KEY_LEFT, "Left" },
		{ KEY_RIGHT, "Right" }, { KEY_NPAGE, "PgDn" },
		{ KEY_PPAGE, "PgUp" }, { KEY_HOME, "Home" }, { KEY_END, "End" },
		{ KEY_ENTER, "Enter" }, { KEY_BACKSPACE, "Backspace" },
		{ KEY_DC, "Delete" }, { KEY_BTAB, "S-Tab" }, { KEY_F(2), "F2" },
	};
	size_t i;

	if (k->fkey) {
		for (i = 0; i < sizeof fkeys / sizeof fkeys[0]; i++)
			if (fkeys[i].code == k->code)
				return fkeys[i].name;
		return "?";
	}
	switch (k->code) {
	case '\n':
		return "Enter";
	case '\t':
		return "Tab";
	case ' ':
		return "Space";
	case 27:
		return "Esc";
	case 127:
		return "Backspace";
	}
	if (k->code < 32)
		snprintf(buf, 16, "C-%c", k->code + 'a' - 1);
	else
		snprintf(buf, 16, "%c", k->code);
	return buf;
}

const char *
keys_typed(int code, int fkey, char buf[16])
{
	struct key k = { code, fkey, 0, ACT_NONE, NULL };
	const char *name;
	mbstate_t ps;
	size_t n;

	if (!fkey && code >= 128) {
		memset(&ps, 0, sizeof ps);
		if ((n = wcrtomb(buf, (wchar_t)code, &ps)) == (size_t)-1 ||
		    n >= 16)
			return "?";
		buf[n] = '\0';
		return buf;
	}
	name = keys_name(&k, buf);
	if (fkey && strcmp(name, "?") == 0 && keyname(code) != NULL)
		return keyname(code);
	return name;
}

void
keys_hint_line(enum hint hint, struct strbuf *out)
{
	char buf[16];
	size_t h, i, n = 0;

	for (h = 0; h < nkey_hints; h++) {
		if (key_hints[h].hint != hint)
			continue;
		for (i = 0; i < nkeys; i++)
			if (keys[i].action == key_hints[h].action &&
			    (keys[i].where & key_hints[h].where))
				break;
		if (i == nkeys)
			continue;
		strbuf_addf(out, "%s%s %s", n++ > 0 ? "  " : "",
		    keys_name(&keys[i], buf), key_hints[h].label);
	}
}

void
keys_hint(unsigned where, const char *sep, struct strbuf *out)
{
	char buf[16];
	size_t i, n = 0;

	for (i = 0; i < nkeys; i++) {
		if (keys[i].help == NULL || !(keys[i].where & where))
			continue;
		strbuf_addf(out, "%s%s %s", n++ > 0 ? sep : "",
		    keys_name(&keys[i], buf), keys[i].help);
	}
}

enum action
keys_find(int code, int fkey, unsigned where)
{
	size_t i;

	if (!fkey && code == '\r')
		code = '\n';
	for (i = 0; i < nkeys; i++)
		if (keys[i].code == code && keys[i].fkey == fkey &&
		    (keys[i].where & where))
			return keys[i].action;
	return ACT_NONE;
}
