/*
 * twin.h - the same person recorded twice: the pairs dupes_find lists
 * (the duplicates screen, = on the pool list) and one pair side by side
 * (Enter on a pair), where a person chooses each differing field and
 * merges them, or says they are two people.  Nothing is merged but on a
 * y to a question naming both.  app_dupes.c keeps the state and calls
 * the core (dupes.h), twin.c works out the choices, screen_dupes.c and
 * screen_twin.c draw them and read their keys.
 *
 * Memory: the app owns its pairs (app->dupes) and the pair open
 * (app->dupes.twin), released by app_dupes_free; the twin owns its two
 * records, its united record and its names.
 */
#ifndef ROSTER_TWIN_H
#define ROSTER_TWIN_H

#include "app.h"
#include "dupes.h"
#include "edit.h"

/* The two sides on screen: the pair's a on the left, its b on the right. */
enum { TWIN_LEFT, TWIN_RIGHT };

struct twin {
	long long		 pk[2];
	char			 id[2][PERSON_ID_LEN];
	char			*origin[2];
	char			*name[2];	/* "Anna de Wit (KMar)" */
	char			*evidence;	/* why they may be one */
	struct edit_record	*rec[2];	/* as loaded */
	int			 keep;		/* the side whose id stays */
	int			 side[EF_N];	/* whose value each keeps */
	unsigned		 touched;	/* 1 << f: chosen by the user */
	/* What the merge keeps of the united fields (languages, themes,
	 * skills, missions, windows): the kept record with the other's
	 * added. */
	struct edit_record	*united;
	int			 at;		/* the field under the cursor */
	struct view		 view;		/* over the lines on screen */
	int			 cols, lines;	/* the size last drawn at */
};

/* twin.c */
/* Whether field f is one the merge unites rather than choosing a side's
 * (languages, themes, skills). */
int	twin_united(int f);
/* Whether field f is chosen (not united) and differs. */
int	twin_differs(const struct twin *, int f);
/* The first differing field from f on in direction dir (1, -1), or -1. */
int	twin_next(const struct twin *, int f, int dir);
/* The default choices (the kept side's value, the other's where the
 * kept one is empty) for the fields the user has not chosen. */
void	twin_defaults(struct twin *);
/* The field under the cursor takes side's value (with its partner:
 * dnc and dnc_until go together). */
void	twin_choose(struct twin *, int side);
/* The united record made again for the kept side. */
int	twin_unite(struct store *, struct twin *, struct error *err);
/* The fields the kept record takes from the other (dupes_merge). */
unsigned twin_take(const struct twin *);
void	twin_free(struct twin *);

/* app_dupes.c (the pairs' list and its reloading are in app.h) */
/* The pair under the cursor side by side. */
int	app_twin_open(struct app *, struct error *err);
/* Back to the pairs, rebuilt. */
int	app_twin_close(struct app *, struct error *err);
void	app_twin_swap(struct app *);
/* Asks (KEYS_MERGE, KEYS_APART), naming both; the answer y does it. */
void	app_twin_ask(struct app *, enum modal);
int	app_twin_merge(struct app *, struct error *err);
int	app_twin_apart(struct app *, struct error *err);

/* screen_dupes.c, screen_twin.c */
void	screen_dupes_draw(struct app *);
unsigned screen_dupes_key(struct app *, enum action);
void	screen_twin_draw(struct app *);
unsigned screen_twin_key(struct app *, enum action);
/* The key after m or n: only y does it. */
unsigned screen_twin_answer(struct app *, int code, int fkey);

#endif
