/*
 * keys.h - the one table of key bindings.  The main loop looks keys up
 * here, the help screen is drawn from it, and roster(1) documents it (a
 * test checks that every key listed here appears in the manual).
 *
 * Memory: the table is static; nothing is allocated.
 */
#ifndef ROSTER_KEYS_H
#define ROSTER_KEYS_H

#include <stddef.h>

#include "strbuf.h"

/* Where a binding applies. */
enum {
	KC_LIST = 1 << 0,	/* the pool list */
	KC_FACETS = 1 << 1,	/* the facet panel, when it has the focus */
	KC_DETAIL = 1 << 2,	/* one person */
	KC_HELP = 1 << 3,
	KC_BAR = 1 << 4,	/* the filter bar, while editing */
	KC_DEPLOYS = 1 << 5,	/* the list of deployments */
	KC_DEPLOY = 1 << 6,	/* one deployment and its members */
	KC_SUGGEST = 1 << 7,	/* the team suggested for it */
	/* The second key of a two-key action (see keys_then). */
	KC_TAGGED = 1 << 8,	/* after ';' in the list */
	KC_STATUS = 1 << 9,	/* after 's' on a deployment */
	/* The answer to a question: "(y/n)", or a file that exists. */
	KC_YES = 1 << 10,
	KC_EXISTS = 1 << 11,
	KC_FORM = 1 << 12,	/* the person form (a, e) */
	KC_MERGE = 1 << 13,	/* its two saves at once, field by field */
	KC_DESK = 1 << 14,	/* the call-out desk of a deployment */
	KC_DUPES = 1 << 15,	/* the same person twice? the pairs */
	KC_TWIN = 1 << 16,	/* a pair side by side */
	KC_PAGES = KC_LIST | KC_FACETS | KC_DETAIL | KC_HELP | KC_DEPLOYS |
	    KC_DEPLOY | KC_SUGGEST | KC_DESK | KC_DUPES | KC_TWIN,
};

enum action {
	ACT_NONE, ACT_QUIT, ACT_BACK, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN,
	ACT_HALF_UP, ACT_HALF_DOWN, ACT_TOP, ACT_BOTTOM, ACT_OPEN, ACT_FILTER,
	ACT_CLEAR_FILTER, ACT_HELP, ACT_TAG, ACT_TAG_ALL, ACT_UNTAG_ALL, ACT_TAG_APPLY,
	ACT_SORT, ACT_REVERSE, ACT_FACETS, ACT_FOCUS, ACT_EXCLUDE, ACT_REDRAW,
	ACT_DEPLOYS, ACT_STATUS, ACT_REMOVE, ACT_SUGGEST, ACT_FORCE,
	ACT_ACCEPT, ACT_ACCEPT_ALL, ACT_NEW, ACT_SHEET, ACT_EDIT, ACT_CANCEL,
	ACT_HISTORY, ACT_ERASE, ACT_REVIEW, ACT_DESK, ACT_REPLY_YES,
	ACT_REPLY_NO, ACT_REPLY_MAYBE, ACT_WAVE, ACT_DUPES, ACT_TWIN_LEFT,
	ACT_TWIN_RIGHT, ACT_TWIN_SWAP, ACT_TWIN_MERGE, ACT_TWIN_APART,
	/* answers */
	ACT_YES, ACT_OVERWRITE, ACT_RENAME,
	/* after ';' */
	ACT_TAGGED_ADD, ACT_TAGGED_EXPORT,
	/* after 's': the member's new status */
	ACT_PROPOSED, ACT_CONTACTED, ACT_CONFIRMED, ACT_DEPLOYED, ACT_RETURNED,
	ACT_DECLINED, ACT_WITHDRAWN,
	/* the filter bar */
	ACT_BAR_ACCEPT, ACT_BAR_CANCEL, ACT_BAR_LEFT, ACT_BAR_RIGHT, ACT_BAR_HOME,
	ACT_BAR_END, ACT_BAR_BACKSPACE, ACT_BAR_DELETE, ACT_BAR_KILL_START,
	ACT_BAR_KILL_END, ACT_BAR_KILL_WORD, ACT_BAR_OLDER, ACT_BAR_NEWER,
	/* the person form, and its conflict screen */
	ACT_ADD_PERSON, ACT_FORM_NEXT, ACT_FORM_PREV, ACT_FORM_TAB,
	ACT_FORM_ENTER, ACT_FORM_ADD, ACT_FORM_REMOVE, ACT_FORM_SAVE,
	ACT_FORM_CANCEL, ACT_MERGE_YOURS, ACT_MERGE_THEIRS, ACT_MERGE_ALL_YOURS,
	ACT_MERGE_ALL_THEIRS, ACT_MERGE_BACK,
};

struct key {
	int		 code;		/* a character, or a KEY_* of curses */
	int		 fkey;		/* code is a KEY_* */
	unsigned	 where;		/* KC_* */
	enum action	 action;
	const char	*help;		/* NULL: shown with the binding above */
};

extern const struct key keys[];
extern const size_t nkeys;

/* A key that waits for a second one, and where that one is looked up:
 * the help lists those under the first, and roster(1) names them in the
 * first key's description. */
struct key_then {
	enum action	 action;	/* of the first key */
	unsigned	 where;		/* KC_* of the second */
	const char	*title;		/* for the help */
};

extern const struct key_then keys_then[];
extern const size_t nkeys_then;

/* The hint line at the foot of a screen: its main keys, each with a
 * word or two, the keys named as the table binds them. */
enum hint { HINT_LIST, HINT_FACETS, HINT_DEPLOYS, HINT_PICK, HINT_DEPLOY,
    HINT_SUGGEST, HINT_DESK, HINT_PAGE, HINT_FORM, HINT_MERGE, HINT_HELP,
    HINT_DUPES, HINT_TWIN };

struct key_hint {
	enum hint	 hint;
	unsigned	 where;		/* KC_* of the key */
	enum action	 action;
	const char	*label;
};

extern const struct key_hint key_hints[];
extern const size_t nkey_hints;

/* Where the help sends the reader for more: the subsection of roster(1)
 * that describes every key of every screen. */
extern const char keys_manual[];

/* A key's name as help and roster(1) show it: "j", "Down", "C-u". */
const char	*keys_name(const struct key *, char buf[16]);
/* Any key typed, named for a message: keys_name's, or curses' name of a
 * function key, or the character. */
const char	*keys_typed(int code, int fkey, char buf[16]);
/* "/ filter  Enter open  ...  q quit". */
void		keys_hint_line(enum hint, struct strbuf *out);

/* "p proposed  c contacted ...": each key of a context that has a help
 * text, with it, sep between them; for the prompt of a second key. */
void		keys_hint(unsigned where, const char *sep, struct strbuf *out);

/* The action of a key (a function key when fkey is set) in a context. */
enum action	keys_find(int code, int fkey, unsigned where);

#endif
