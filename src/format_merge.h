/*
 * format_merge.h - the report of a merge (merge.h) for reading: per
 * origin what became of its people, the deployments, each conflict with
 * the value kept and the value lost and whose each was, the vocabulary
 * missing or added, and a pool's new name.  No control character of the
 * data is written: they are shown as the screen shows them (width.h).
 *
 * Memory: output goes to a caller-owned FILE; nothing is kept.
 */
#ifndef ROSTER_FORMAT_MERGE_H
#define ROSTER_FORMAT_MERGE_H

#include <stdio.h>

#include "merge.h"

void	format_merge_report(FILE *, const struct merge_report *, int dry_run);

#endif
