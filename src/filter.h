/*
 * filter.h - the filter language of roster(5), shared by the full-screen
 * filter bar and the command line.
 *
 * filter_parse turns text into a syntax tree and needs no database;
 * filter_compile also resolves countries, languages and vocabulary against
 * the database and yields a tree of parameterised set queries, with every
 * user value as a bound parameter (search.h runs it).
 *
 * Errors read "column C: what was wrong (what was expected)", C being the
 * 1-based character position in the filter text.  A term that names no
 * known country, language, theme or skill is an error, never an empty
 * result.
 *
 * Memory: filter_parse and filter_compile return trees and filters the
 * caller releases with filter_node_free and filter_free.
 */
#ifndef ROSTER_FILTER_H
#define ROSTER_FILTER_H

#include <stddef.h>

#include <sqlite3.h>

#include "error.h"
#include "store.h"
#include "strbuf.h"

/*
 * The bounds of a filter, in roster(5); beyond them filter_parse refuses
 * it.  A need or search written by a person has a few dozen terms; a
 * thousand, each a set query, are still evaluated in well under a second,
 * and 32 KiB leaves room for a thousand long terms.  Bounding the terms
 * and the nesting bounds the depth of the trees, which are walked
 * recursively, so that no input can exhaust the stack.
 */
#define FILTER_MAX_BYTES	32768
#define FILTER_MAX_TERMS	1000
#define FILTER_MAX_DEPTH	64

enum filter_key {
	KEY_WORD,	/* a bare word */
	KEY_COUNTRY,
	KEY_LANG,
	KEY_THEME,
	KEY_SKILL,
	KEY_AGENCY,
	KEY_ORIGIN,
	KEY_MISSION,
	KEY_STATUS,
	KEY_GENDER,
	KEY_NOTICE,
	KEY_AVAIL,
	KEY_READY,
	KEY_PASSPORT,
	KEY_MEDICAL,
	KEY_HEAT,
	KEY_DNC,
	KEY_REVIEWED,
};

enum filter_op { OP_AND, OP_OR, OP_NOT, OP_TERM };

struct filter_node;
struct filter_set;
struct filter_compiler;		/* filter_sql.c's, while compiling */
struct vocab_list;

/*
 * One key of the filter language, a row of the one key table (in
 * filter_sql.c, beside the functions that compile each key), which the
 * parser, the compiler, "did you mean" and the test of roster(5) read.
 */
struct filter_keydef {
	const char		*name;		/* as typed, lower case */
	enum filter_key		 key;
	/* Its values when they are a fixed list (vocab.h), else NULL. */
	const struct vocab_list	*choices;
	/* What a value looks like, for messages; NULL: one of choices. */
	const char		*expected;
	/* Turns a term of this key into its set. */
	int	(*compile)(struct filter_compiler *,
		    const struct filter_keydef *, const struct filter_node *,
		    struct filter_set **);
	/* For a value bound as it is: the set query, one parameter. */
	const char		*sql;
};

/* The keys, in the order roster(5) and messages list them. */
extern const struct filter_keydef filter_keys[];
extern const size_t filter_nkeys;

/* The key of that name (lower case), or NULL. */
const struct filter_keydef *filter_key_find(const char *name);
/* The key nearest to an unknown name, if it is a plausible typo; or NULL. */
const struct filter_keydef *filter_key_nearest(const char *name);
/* What a value of the key looks like, as messages say it; returns buf. */
const char *filter_key_expected(const struct filter_keydef *, char *buf,
	    size_t len);

struct filter_node {
	enum filter_op		 op;
	struct filter_node	*left, *right;	/* NOT uses left only */
	enum filter_key		 key;		/* OP_TERM */
	char			*value;		/* OP_TERM: unquoted value */
	int			 quoted;	/* value was quoted */
	int			 column;	/* where the term starts */
	int			 vcolumn;	/* where its value starts */
};

/*
 * A compiled filter is a tree of sets: SET_QUERY is a SELECT yielding the
 * pks of the people who match one term (with its own parameters), joined
 * by AND, OR and NOT.
 */
enum filter_set_op { SET_QUERY, SET_AND, SET_OR, SET_NOT };

/*
 * A SET_QUERY whose people are also the union of term bitmaps (terms.h):
 * of family, the keys lo..hi of each range (hi NULL: every key from lo),
 * or the keys that keys_sql yields with the set's parameters.  search.c
 * reads the bitmaps when the pool keeps them and runs sql when it does
 * not; both give the same people.
 */
struct filter_range {
	char	*lo, *hi;
};

struct filter_set {
	enum filter_set_op	 op;
	struct filter_set	*a, *b;		/* NOT uses a only */
	char			*sql;		/* SET_QUERY */
	size_t			 first, nparams; /* SET_QUERY's parameters */
	const char		*family;	/* NULL: sql alone */
	struct filter_range	*ranges;
	size_t			 nranges;
	const char		*keys_sql;	/* NULL: ranges */
};

struct filter;

/* *out is NULL for an empty filter (which matches everyone). */
int	filter_parse(const char *text, struct filter_node **out,
	    struct error *err);
void	filter_node_free(struct filter_node *);
const char *filter_key_name(enum filter_key);

/*
 * Relative dates (+Nd, +Nw, today) count from today, a day number
 * (date.h), so tests and training exercises can fix it.
 */
int	filter_compile(struct store *, const char *text, int today,
	    struct filter **out, struct error *err);
void	filter_free(struct filter *);
/* Its terms, as FILTER_MAX_TERMS counts them. */
size_t	filter_terms(const struct filter *);

/*
 * The set tree (NULL for an empty filter).  A set query yields one column,
 * pk, and uses only anonymous parameters; filter_bind_set binds them from
 * index first.
 */
const struct filter_set *filter_root(const struct filter *);
void	filter_bind_set(const struct filter *, const struct filter_set *,
	    sqlite3_stmt *, int first);
/* A set query with its values, as text: equal keys, equal results. */
void	filter_set_key(const struct filter *, const struct filter_set *,
	    struct strbuf *key);

/*
 * Parses a date as the filter language writes it: YYYY-MM-DD, today, now,
 * tomorrow, +Nd or +Nw.  Returns 1 and sets *day, or 0.
 */
int	filter_date(const char *text, int today, int *day);
/*
 * For a text filter_date refused, what to say in brackets after "'TEXT'
 * is not a date": "did you mean 2026-12-03?" for 03/12/2026 and other
 * dates written otherwise (date_guess), returning 1; else "expected
 * YYYY-MM-DD, today, tomorrow, +Nd or +Nw", returning 0.
 */
int	filter_date_hint(const char *text, char *buf, size_t len);

#endif
