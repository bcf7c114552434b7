/*
 * format_dupes.h - writing the probable duplicates (dupes.h) out, for
 * roster dupes: a table for reading, one pair a line, CSV and JSON for
 * other programs.  Names, origins and evidence are written as the screen
 * shows them (width.h) in the table and CSV, escaped in JSON.
 *
 * Memory: output goes to a caller-owned FILE; nothing is kept.
 */
#ifndef ROSTER_FORMAT_DUPES_H
#define ROSTER_FORMAT_DUPES_H

#include <stdio.h>

#include "dupes.h"

enum dupes_format { DUPES_TABLE, DUPES_CSV, DUPES_JSON };

void	format_dupes(const struct dupes_list *, enum dupes_format, FILE *);

#endif
