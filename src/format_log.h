/*
 * format_log.h - writing the audit out, for roster log: a table for
 * reading, CSV and JSON for other programs.  Each is written line by line
 * as audit_each walks the audit, so a long audit is never held whole.
 * A person who still exists is named beside their id.  No control
 * character of the data is written: the table and CSV show them as the
 * screen does (width.h), JSON escapes them.
 *
 * Memory: output goes to a caller-owned FILE; nothing is kept.
 */
#ifndef ROSTER_FORMAT_LOG_H
#define ROSTER_FORMAT_LOG_H

#include <stdio.h>

#include "audit.h"
#include "error.h"
#include "store.h"
#include "strbuf.h"

enum log_format {
	LOG_TABLE,
	LOG_CSV,
	LOG_JSON,
};

/*
 * The audit lines of entity id (a person's id or a deployment's name;
 * NULL: all) from day since (YYYY-MM-DD, UTC; NULL: all), oldest first.
 */
int	format_log(struct store *, const char *id, const char *since,
	    enum log_format, FILE *, struct error *err);

/*
 * Appends one audit line as a person's history shows it: "2026-11-23
 * 09:30:00  ann  update", then each changed field on a line of its own,
 * "    email: old -> new"; control characters shown, not sent.
 */
void	format_log_entry(const struct audit_entry *, struct strbuf *out);

/* A JSON string, or null for NULL, every control and invisible character
 * escaped (other JSON writers use it too). */
void	format_json_string(FILE *, const char *s);

#endif
