/*
 * vocab.h - the fixed word lists of roster: deployment kinds and statuses,
 * person statuses, genders, a member's statuses on a deployment, language
 * levels.  Each is spelled once, here; look-ups and the "(expected ...)"
 * part of error messages are made from the table, so a word added to it
 * reaches every check and message.  (Themes and skills are data, kept in
 * the database: refdata.h.)
 *
 * The schema's CHECK constraints (db/001-schema.sql) spell the same words
 * again, as the safety net under these checks.
 *
 * Memory: the tables are static and read-only; vocab_expected writes into
 * a caller-owned buffer.
 */
#ifndef ROSTER_VOCAB_H
#define ROSTER_VOCAB_H

#include <stddef.h>

struct vocab_list {
	const char *const	*words;	/* NULL-terminated, in their order */
};

extern const struct vocab_list vocab_deploy_kinds;	/* ..., other */
extern const struct vocab_list vocab_deploy_statuses;	/* planning, ... */
extern const struct vocab_list vocab_person_statuses;	/* active, ... */
extern const struct vocab_list vocab_genders;		/* f, m, x */
extern const struct vocab_list vocab_dnc_reasons;	/* leave, ... */
extern const struct vocab_list vocab_member_statuses;	/* enum member_status */
extern const struct vocab_list vocab_levels;		/* A1..C2, native */

/* The index of word in the list, ignoring the case of A to Z; -1 if none. */
int	vocab_find(const struct vocab_list *, const char *word);

/* How vocab_expected joins the words. */
enum {
	VOCAB_SPACED = 1 << 0,	/* "a b c", not "a, b, c" */
	VOCAB_NO_OR = 1 << 1,	/* no "or" before the last */
	VOCAB_OR_EMPTY = 1 << 2,	/* "empty" is the last alternative */
};
/* Enough for any list above, in any style. */
#define VOCAB_EXPECTED_LEN 256

/*
 * The words as an error message offers them, "a, b or c" by default;
 * returns buf, which is cut short (still NUL-terminated) if too small.
 */
const char *vocab_expected(const struct vocab_list *, int style, char *buf,
	    size_t len);

#endif
