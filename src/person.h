/*
 * person.h - people and what they own (languages, themes, skills, service
 * history, unavailability), and writing them to the store.
 *
 * Values are validated before they reach this layer (by cell.h's checks,
 * in import.c and edit.c; demo.c makes only valid ones); the schema's
 * constraints are the safety net, not the validation.
 *
 * Memory: the strings in struct person, struct service and struct unavail
 * are borrowed from the caller and must outlive the put call; the writer
 * owns its prepared statements and is released with person_writer_free.
 */
#ifndef ROSTER_PERSON_H
#define ROSTER_PERSON_H

#include <stddef.h>

#include "date.h"
#include "error.h"
#include "store.h"

#define PERSON_ID_LEN	37	/* a UUID and its NUL */
#define PERSON_MAX_LIST	64	/* languages, themes or skills of one row */

struct person_lang {
	char	code[3];
	int	level;		/* 1..7, refdata_level */
};

/*
 * The fields of a person that a file may give or leave out, as bits of
 * masks; the order is the one of audit's field lists.
 */
enum person_field { PF_FAMILY_NAME, PF_GIVEN_NAME, PF_AGENCY, PF_RANK,
    PF_GENDER, PF_EMAIL, PF_PHONE, PF_STATUS, PF_NOTICE_DAYS,
    PF_PASSPORT_EXPIRY, PF_MEDICAL_EXPIRY, PF_HEAT_EXPIRY, PF_NOTES,
    PF_LANGUAGES, PF_THEMES, PF_SKILLS, PF_DNC, PF_DNC_UNTIL, PF_REVIEWED,
    PF_N };

/* The column name of a field ("passport_expiry"). */
const char *person_field_name(enum person_field);

struct person {
	char			 id[PERSON_ID_LEN];
	/*
	 * Bits (1 << PF_...) of the fields an update leaves as stored: the
	 * columns a file does not have.  A new person gets what the struct
	 * says whatever keep is.
	 */
	unsigned		 keep;
	/*
	 * Bits of the fields given empty, which an update clears even where
	 * the empty stands for a default (status active, notice_days 0).
	 */
	unsigned		 blank;
	const char		*family_name, *given_name, *agency, *rank;
	const char		*gender, *email, *phone, *status, *notes;
	const char		*dnc;		/* NULL or "": none */
	/* The pool the person was first recorded in, for a new person;
	 * NULL or "": this pool's name.  An update never changes it. */
	const char		*origin;
	/* An update only of this version (0: whatever is stored). */
	long long		 version;
	int			 notice_days;
	char			 passport_expiry[DATE_LEN];	/* "" = none */
	char			 medical_expiry[DATE_LEN];
	char			 heat_expiry[DATE_LEN];
	char			 dnc_until[DATE_LEN];		/* "" = none */
	char			 reviewed[DATE_LEN];		/* "" = never */
	struct person_lang	 langs[PERSON_MAX_LIST];
	size_t			 nlangs;
	const char		*themes[PERSON_MAX_LIST];
	size_t			 nthemes;
	const char		*skills[PERSON_MAX_LIST];
	size_t			 nskills;
};

struct service {
	const char	*mission, *role;
	char		 country[3];
	char		 start[DATE_LEN], end[DATE_LEN];	/* end "" = open */
	const char	*themes[PERSON_MAX_LIST];
	size_t		 nthemes;
};

struct unavail {
	char		 start[DATE_LEN], end[DATE_LEN];	/* end "" = open */
	const char	*reason;
};

struct person_writer;

enum {
	WRITER_AUDIT = 1 << 0,	/* record creates and updates in audit */
	/*
	 * Every person put is new to the pool (a bulk load, bulk.h): no
	 * look-up by id, and no note of whose words to index again, as
	 * the caller indexes everyone's (fts_refresh).
	 */
	WRITER_NEW = 1 << 2,
	/* WRITER_NEW, and so is every service record: no look-ups at all. */
	WRITER_FRESH = 1 << 1,
};

int	person_writer_new(struct store *, int flags, struct person_writer **,
	    struct error *err);
void	person_writer_free(struct person_writer *);

/* What person_put did. */
struct person_change {
	enum { PERSON_ADDED, PERSON_UPDATED, PERSON_UNCHANGED } outcome;
	unsigned	changed;	/* bits of the fields an update changed */
	unsigned	cleared;	/* of those, the ones given empty */
};

/*
 * Creates or updates (by id) a person and, unless kept, replaces their
 * languages, themes and skills; *pk is their row and *change (if not NULL)
 * what was done.  An empty id makes a new UUID v4.  An update of a person
 * whose version is no longer p->version (when not 0) writes nothing and
 * is RC_REFUSED.  With WRITER_AUDIT the audit line has each changed
 * field's old and new value (every field given, for a new person).
 */
int	person_put(struct person_writer *, struct person *, long long *pk,
	    struct person_change *change, struct error *err);
/*
 * Creates, or updates by (person, mission, start), one service record.
 * With WRITER_AUDIT one that is stored as given is left alone, and the
 * audit has the others as "mission add" or "mission update" with their
 * fields' old and new values; likewise windows ("away add", ...).
 */
int	service_put(struct person_writer *, long long person,
	    const struct service *, struct error *err);
/* Creates, or updates by (person, start), one unavailability window. */
int	unavail_put(struct person_writer *, long long person,
	    const struct unavail *, struct error *err);
/* Removes a person's service record (mission, start), or window (start),
 * if there is one; audited as "mission remove", "away remove". */
int	service_remove(struct person_writer *, long long person,
	    const char *mission, const char *start, struct error *err);
int	unavail_remove(struct person_writer *, long long person,
	    const char *start, struct error *err);

/* The row of the person with this id: RC_OK, or RC_REFUSED if none. */
int	person_find(struct store *, const char *id, long long *pk,
	    struct error *err);
/* How many people the pool holds. */
int	person_count(struct store *, long long *n, struct error *err);
/* "Anna de Wit", to name a person in a message (never a bare id); "?"
 * when the row is gone. */
const char *person_name(struct store *, long long pk, char *buf, size_t len);
/* "Anna de Wit (Police)": the name and, once pools have merged, the
 * pool the person came from; "?" when the row is gone. */
const char *person_label(struct store *, long long pk, char *buf, size_t len);
/* The person's id, "?" when the row is gone. */
const char *person_id(struct store *, long long pk, char out[PERSON_ID_LEN]);

/* A fresh random UUID v4, lower case. */
/*
 * A person by whole id or an unambiguous prefix of at least 4 characters,
 * in either case: RC_REFUSED when nobody has it, RC_INPUT when it is
 * malformed, too short or ambiguous (the message naming whom it could be).
 */
/*
 * SQL for a person's languages as "code:level" separated by spaces, best
 * first (then by code), for person pk (an SQL expression) and the level
 * name (an SQL expression over l.name, to shorten "native").
 */
#define PERSON_LANGUAGES(pk, level) \
    "coalesce((SELECT group_concat(code || ':' || name, ' ') FROM" \
    " (SELECT pl.code, " level " AS name FROM person_language pl" \
    " JOIN level l ON l.n = pl.level WHERE pl.person = " pk \
    " ORDER BY pl.level DESC, pl.code)), '')"

/*
 * The contacts of people who left the service (status left) are kept for
 * the history but written out only when asked for (roster(1)): column col
 * (email, phone) of person p, or '' for someone who left unless with (an
 * SQL expression) is true; and whether p has contacts it would leave out.
 */
#define PERSON_CONTACT_SQL(p, col, with) \
    "CASE WHEN " p ".status = 'left' AND NOT (" with ") THEN '' ELSE " \
    p "." col " END"
#define PERSON_LEFT_OUT_SQL(p) \
    " " p ".status = 'left' AND (" p ".email <> '' OR " p ".phone <> '')"

/*
 * A person's (or a service's) list as the people and missions files spell
 * it, sorted, so that export, the editor and the audit's comparison of
 * old and new values agree: "fr:B2;en:C1" of person pk, the slugs of
 * table whose column key is pk.  '' for none.
 */
#define PERSON_LANGS_SQL(pk) \
    "coalesce((SELECT group_concat(code || ':' || name, ';') FROM" \
    " (SELECT pl.code, l.name FROM person_language pl JOIN level l" \
    " ON l.n = pl.level WHERE pl.person = " pk " ORDER BY pl.code)), '')"
#define PERSON_SLUGS_SQL(table, key, pk) \
    "coalesce((SELECT group_concat(slug, ';') FROM (SELECT slug FROM " \
    table " WHERE " key " = " pk " ORDER BY slug)), '')"

int	person_resolve(struct store *, const char *id, long long *pk,
	    struct error *err);
void	person_new_id(char out[PERSON_ID_LEN]);

#endif
