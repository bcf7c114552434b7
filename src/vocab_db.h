/*
 * vocab_db.h - the vocabularies kept in the database: themes and skills,
 * which a coordinator may extend (roster vocab add), and the countries,
 * languages and missions filters and files name, listed (roster vocab
 * list).  What is added here is at once what filters, import and their
 * "did you mean" know (refdata.h reads the same tables).  The fixed word
 * lists of the program are vocab.h's, not these.
 *
 * Memory: nothing is kept; the strings handed to vocab_db_each's
 * function are valid during the call only.
 */
#ifndef ROSTER_VOCAB_DB_H
#define ROSTER_VOCAB_DB_H

#include "error.h"
#include "refdata.h"
#include "store.h"

/* The lists vocab_db_each walks, in the order "all" lists them. */
enum vocab_db_list {
	VOCAB_DB_THEME,
	VOCAB_DB_SKILL,
	VOCAB_DB_COUNTRY,
	VOCAB_DB_LANGUAGE,
	VOCAB_DB_MISSION,
	VOCAB_DB_NLISTS,
};

/* "theme", "skill", "country", "language", "mission". */
const char *vocab_db_name(enum vocab_db_list);
/* The list a name says (exactly, lower case); -1 if none. */
int	vocab_db_find(const char *name);

/*
 * Adds a theme or skill, audited (entity "theme" or "skill", action
 * "add", its label as the new value).  slug is lower-case ASCII letters,
 * digits and '-' (neither first nor last), at most VOCAB_DB_SLUG_MAX
 * bytes; label plain text, at most VOCAB_DB_LABEL_MAX bytes; a slug the
 * vocabulary has is refused.  Bad input is RC_INPUT, nothing changed.
 */
#define VOCAB_DB_SLUG_MAX	40
#define VOCAB_DB_LABEL_MAX	80
int	vocab_db_add(struct store *, enum vocab, const char *slug,
	    const char *label, struct error *err);
/* The same inside the caller's transaction (a merge's). */
int	vocab_db_add_in(struct store *, enum vocab, const char *slug,
	    const char *label, struct error *err);

/*
 * Calls fn with each entry of list, by code: a slug and its label, a
 * code and its English name, a mission's name and where and by whom it
 * was run ("EU, XK"; "" for one of the pool's own, not in the
 * catalogue).  A non-zero return from fn stops the walk and is returned.
 */
int	vocab_db_each(struct store *, enum vocab_db_list,
	    int (*fn)(const char *code, const char *label, void *arg),
	    void *arg, struct error *err);

#endif
