/*
 * terms_window.h - unavailability windows kept as sorted arrays (the
 * "window" family of terms.h): one BLOB per 65,536 people, key the
 * block's number as %05d, each window 12 bytes (first day, last day or
 * open, person; little-endian), in order of first day, so that "who is
 * away on some day of D1..D2" is one sweep of each array.  A block with
 * a date that is not YYYY-MM-DD (another program wrote it) is the one
 * byte 'X': searches then read the rows.  terms.c stores, folds and
 * checks the BLOBs; this file makes and sweeps them.
 *
 * Memory: window_block returns a BLOB the caller frees.
 */
#ifndef ROSTER_TERMS_WINDOW_H
#define ROSTER_TERMS_WINDOW_H

#include <stddef.h>

#include "bitmap.h"
#include "error.h"
#include "store.h"

#define WINDOW_BLOCK_BITS	16

/* Block number's BLOB as the rows make it now (*n 0: no windows). */
int	window_block(struct store *, long long block, unsigned char **blob,
	    size_t *n, struct error *err);
/* The block numbers of the people who have windows, lowest first. */
int	window_blocks(struct store *, long long **blocks, size_t *n,
	    struct error *err);
/*
 * out := out OR the people of the BLOB away on some day of d1..d2;
 * returns 0 when the BLOB says to read the rows instead (or is not one of
 * these), 1 when swept.
 */
int	window_sweep(const unsigned char *blob, size_t n, int d1, int d2,
	    struct bitmap *out);

#endif
