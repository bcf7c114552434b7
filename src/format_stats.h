/*
 * format_stats.h - writing call-out statistics (callout_stats.h) out,
 * for roster callout stats: a table for reading, CSV and JSON for other
 * programs.  Names and agencies are written as the screen shows them
 * (width.h) in the table and CSV, escaped in JSON.
 *
 * Memory: output goes to a caller-owned FILE; nothing is kept.
 */
#ifndef ROSTER_FORMAT_STATS_H
#define ROSTER_FORMAT_STATS_H

#include <stdio.h>

#include "callout_stats.h"

enum stats_format { STATS_TABLE, STATS_CSV, STATS_JSON };

void	format_stats(const struct callout_stats *, enum stats_format, FILE *);

#endif
