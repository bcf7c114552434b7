/*
 * edit_int.h - what the person editor's files share (edit.c checks and
 * holds a record, edit_save.c writes it): not for other modules.
 *
 * Memory: as edit.h; struct edit_row is the caller's.
 */
#ifndef ROSTER_EDIT_INT_H
#define ROSTER_EDIT_INT_H

#include "cell.h"
#include "error.h"
#include "person.h"
#include "store.h"
#include "strbuf.h"

struct edit_mission;
struct edit_window;

#define MISSION_NFIELDS 6
#define WINDOW_NFIELDS 3

/* A record parsed as person_put takes it, with room for the lists. */
struct edit_row {
	struct person	p;
	char		themes[CELL_LIST_MAX], skills[CELL_LIST_MAX];
};

/*
 * Checks v as field f (enum edit_field) and, when it is allowed, puts it in row (if not
 * NULL) and its normal spelling in out; RC_INPUT with the first problem.
 */
int	edit_check_field(struct store *, int f, const char *v,
	    struct edit_row *row, struct strbuf *out, struct error *err);

/* The values of a mission or a window, in the order of their columns. */
void	edit_mission_values(const struct edit_mission *,
	    const char *v[MISSION_NFIELDS]);
void	edit_window_values(const struct edit_window *,
	    const char *v[WINDOW_NFIELDS]);

#endif
