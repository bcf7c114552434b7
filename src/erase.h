/*
 * erase.h - erasing a person on request (GDPR Art. 17): their rows, their
 * words in the full-text index, the audit's lines and values that name
 * them, and, with secure_delete and a checkpoint, the bytes of the file
 * and its WAL.  What remains is one audit line with the id and the word
 * "erased", and the id in the erased table, so that an old file cannot
 * bring the person back (import refuses it).
 *
 * Memory: nothing is allocated for the caller.
 */
#ifndef ROSTER_ERASE_H
#define ROSTER_ERASE_H

#include "date.h"
#include "error.h"
#include "store.h"

/*
 * The setting that holds the highest row an erased person had: a new
 * person's row is above it (person.c), so that a screen or a tag holding
 * the erased person's row never finds someone else there.
 */
#define ERASE_ROW_FLOOR	"person_row_floor"

/* Erases person pk in one transaction: RC_REFUSED if there is none. */
int	erase_person(struct store *, long long pk, struct error *err);
/* The same inside the caller's transaction (a merge's). */
int	erase_person_in(struct store *, long long pk, struct error *err);
/* Remembers id as erased elsewhere at at (NULL: now) when it is not
 * here, so that no later file brings them in; inside the caller's
 * transaction. */
int	erase_tombstone(struct store *, const char *id, const char *at,
	    struct error *err);

/* Whether id (a person's UUID) was erased from this pool: RC_OK and *yes. */
int	erase_known(struct store *, const char *id, int *yes,
	    struct error *err);
/* The day (YYYY-MM-DD, UTC) id was erased, for messages; "" if never. */
int	erase_day(struct store *, const char *id, char day[DATE_LEN],
	    struct error *err);

#endif
