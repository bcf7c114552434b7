/*
 * edit.h - changing one person: the one path by which the full-screen
 * forms and the `roster person` commands add and change people.  Values
 * are checked with import's rules and messages (the people, missions and
 * unavailability files of roster(5)); a save is one transaction, audited
 * field by field with old and new values, and refused when someone else
 * saved the person since the record was loaded (the version column).
 *
 * A record holds a person as text, field by field, in the spelling of
 * the people file ("fr:B2;en:C1", "drugs;forensics", dates YYYY-MM-DD,
 * "" for empty), plus their missions and unavailability windows.
 *
 * Memory: edit_new and edit_load return a record the caller frees with
 * edit_free; every string in it belongs to the record and is replaced
 * (and freed) only through the edit_* functions.
 */
#ifndef ROSTER_EDIT_H
#define ROSTER_EDIT_H

#include <stddef.h>

#include "error.h"
#include "person.h"
#include "store.h"

/*
 * The fields, by index: the people file's columns (but id), then dnc
 * (leave|illness|personal|other, "" for none), dnc_until (the mark's
 * last day, "" for indefinitely) and reviewed (a day, "" for never).
 */
enum edit_field { EF_FAMILY_NAME, EF_GIVEN_NAME, EF_AGENCY, EF_RANK,
    EF_GENDER, EF_EMAIL, EF_PHONE, EF_STATUS, EF_NOTICE_DAYS,
    EF_PASSPORT_EXPIRY, EF_MEDICAL_EXPIRY, EF_HEAT_EXPIRY, EF_LANGUAGES,
    EF_THEMES, EF_SKILLS, EF_NOTES, EF_DNC, EF_DNC_UNTIL, EF_REVIEWED,
    EF_N };

/* "family_name", ... by enum edit_field; edit_field_find: -1 if none. */
extern const char *const edit_field_names[EF_N];
int	edit_field_find(const char *name);

struct edit_mission {
	char	*mission, *country, *start, *end, *role, *themes;
};

struct edit_window {
	char	*from, *to, *reason;
};

struct edit_record {
	char			 id[PERSON_ID_LEN];	/* "" until saved */
	long long		 pk;			/* 0 until saved */
	long long		 version;		/* as loaded */
	char			*value[EF_N];		/* never NULL */
	struct edit_mission	*missions;
	size_t			 nmissions;
	struct edit_window	*windows;
	size_t			 nwindows;
};

/* A new person: every field empty but status "active" and notice 0. */
struct edit_record *edit_new(void);
/* Person pk as stored now: RC_REFUSED if there is none. */
int	edit_load(struct store *, long long pk, struct edit_record **,
	    struct error *err);
void	edit_free(struct edit_record *);

/*
 * Checks one value of field f as import checks the cell, and sets it in
 * its normal spelling ("fr:b2;EN:c1" becomes "en:C1;fr:B2"): RC_INPUT
 * with import's message (without file and line) and the record
 * unchanged when it is not allowed.
 */
int	edit_set(struct store *, struct edit_record *, enum edit_field f,
	    const char *text, struct error *err);
/* Adds or removes one item of a list field (languages, themes, skills):
 * "ar:A2" to add replaces the level of a language already there;
 * removing an item that is not there is RC_INPUT. */
int	edit_add_item(struct store *, struct edit_record *, enum edit_field,
	    const char *item, struct error *err);
int	edit_remove_item(struct store *, struct edit_record *,
	    enum edit_field, const char *item, struct error *err);

/*
 * Checks a mission or a window as the missions and unavailability files
 * are checked, normalises it and appends it to the record, in place of
 * one with the same key (mission and start; start) as an import would;
 * RC_INPUT names the column: "country: unknown country code 'QQ' ...".
 */
int	edit_add_mission(struct store *, struct edit_record *,
	    const struct edit_mission *, struct error *err);
int	edit_add_window(struct store *, struct edit_record *,
	    const struct edit_window *, struct error *err);
/* Removes mission or window i of the record. */
void	edit_remove_mission(struct edit_record *, size_t i);
void	edit_remove_window(struct edit_record *, size_t i);

/*
 * Checks the record as a whole (names given, the same rules as a people
 * row) and writes it in one transaction: a new person gets an id, a known
 * one is updated only if its version is still the loaded one.  When it is
 * not, nothing is written, *theirs (if not NULL) is the person as stored
 * now, for the caller to merge field by field, and RC_REFUSED is
 * returned; saving the merged record with theirs' version then succeeds.
 * On RC_OK the record's id, pk and version are the saved ones; the
 * version is unchanged when nothing differed from what is stored.
 * RC_INPUT names the field: "given_name: missing given name".
 */
int	edit_save(struct store *, struct edit_record *,
	    struct edit_record **theirs, struct error *err);

/* The same, inside the caller's transaction (a merge of two people,
 * dupes.h): RC_REFUSED, and the caller rolls back, on a version that
 * moved. */
int	edit_save_within(struct store *, struct edit_record *,
	    struct error *err);

/*
 * For a new person (pk 0): whether they are probably someone already in
 * the pool, by import's rule (the same names and e-mail or phone, dupe.h);
 * msg (len bytes) then says who, else it is "".
 */
int	edit_duplicate(struct store *, const struct edit_record *, char *msg,
	    size_t len, struct error *err);

/*
 * Completions of prefix for field f (countries, languages, themes,
 * skills) or for mission names (f = EF_N): calls fn with each candidate
 * value and its label, in order, until fn returns non-zero.  A mission's
 * country is f = EDIT_COUNTRIES; gender, status and dnc offer their
 * words; other fields have none.
 */
#define EDIT_MISSIONS	EF_N
#define EDIT_COUNTRIES	(EF_N + 1)
int	edit_complete(struct store *, int f, const char *prefix,
	    int (*fn)(const char *value, const char *label, void *), void *arg,
	    struct error *err);

#endif
