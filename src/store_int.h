/*
 * store_int.h - between store.c and store_files.c only: who may write
 * the database's files, and a shared pool's files kept shared.
 *
 * Memory: the strings of store_not_writable and store_not_readable are
 * the caller's to free.
 */
#ifndef ROSTER_STORE_INT_H
#define ROSTER_STORE_INT_H

/* Not store.h, which store.c includes: the two are one module. */
struct store;
struct error;

/*
 * Why the user may read path but not write it ("FILE: you cannot write
 * this file (owner ann, group crisis, mode 0640)"), or NULL when they
 * may write it, or cannot read it either, or it is not there.
 */
char	*store_not_writable(const char *path);
/*
 * Why the user may not read path, a file that is there ("FILE: you
 * cannot read this file (owner ann, group crisis, mode 0660)", or a
 * directory on its way closed to them), or NULL.
 */
char	*store_not_readable(const char *path);

/* After opening for writing: a shared pool's -wal and -shm as they
 * should be, and its -wal kept after the last close; best effort. */
void	store_keep_shared(struct store *);

/*
 * Before a transaction that wrote commits (terms.c): the people noted in
 * term_dirty folded into the term bitmaps, or every bitmap built anew
 * when they are not kept (just upgraded, or a bulk load's terms_suspend).
 */
int	terms_fold(struct store *, struct error *err);

#endif
