/*
 * cell.h - checking one cell of the people, missions and unavailability
 * files (roster(5)): the rules and the messages that import and the
 * person editor share, so that a value is refused in the same words
 * wherever it is typed.
 *
 * Each check reports every problem it finds through the checker's
 * callback, as text without file, line or column (import puts those in
 * front, the editor the field's name), and returns RC_OK or RC_INPUT.
 *
 * Memory: nothing is allocated; values are borrowed for the call, and
 * outputs are caller-owned buffers (lists point into buf).
 */
#ifndef ROSTER_CELL_H
#define ROSTER_CELL_H

#include <stddef.h>

#include "date.h"
#include "person.h"
#include "refdata.h"
#include "store.h"
#include "vocab.h"

/* Room for a ';'-list cell: PERSON_MAX_LIST of the longest slug is 2 KiB. */
#define CELL_LIST_MAX 4096

struct cell_check {
	struct store	*store;		/* for the vocabularies */
	void		(*problem)(void *arg, const char *msg);
	void		*arg;
};

/* Plain text: UTF-8 without control characters, which would reach
 * terminals (tabs and line ends too unless multiline). */
int	cell_text(struct cell_check *, const char *v, int multiline);
/* Not empty: "missing WHAT". */
int	cell_present(struct cell_check *, const char *v, const char *what);
/* A date YYYY-MM-DD into out ("" when v is empty and not required). */
int	cell_date(struct cell_check *, const char *v, int required,
	    char out[DATE_LEN]);
/* A UUID, into out in lower case. */
int	cell_uuid(struct cell_check *, const char *v, char out[PERSON_ID_LEN]);
/* A word of list (any case), as the list spells it; dflt when empty. */
int	cell_choice(struct cell_check *, const char *v,
	    const struct vocab_list *, const char *dflt, const char **out);
int	cell_email(struct cell_check *, const char *v);
int	cell_phone(struct cell_check *, const char *v);
/* Days of notice, 0 to 3650 (0 when empty). */
int	cell_notice(struct cell_check *, const char *v, int *out);
/* A country code, out in upper case ("ML"). */
int	cell_country(struct cell_check *, const char *v, char out[3]);
/* An end on or after the start, or empty. */
int	cell_window(struct cell_check *, const char *start, const char *end);
/* A dnc_until needs a dnc reason. */
int	cell_dnc(struct cell_check *, const char *dnc, const char *until);
/* "code:level;..." into p->langs, sorted by code. */
int	cell_languages(struct cell_check *, const char *v, struct person *p);
/*
 * A list of themes or skills into out[] (at most PERSON_MAX_LIST), lower
 * case, sorted, each once; buf (CELL_LIST_MAX bytes) holds the strings.
 */
int	cell_vocab(struct cell_check *, const char *v, enum vocab,
	    char *buf, const char **out, size_t *n);

#endif
