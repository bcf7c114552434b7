/*
 * callout_code.c - reply codes unique among open call-outs.
 */
#include <stdio.h>
#include <string.h>

#include "callout_code.h"

/* Numbers a stem takes, short enough to fit any compiler's idea of it. */
#define CALLOUT_CODE_MAX	60000

void
callout_code_stem(const char *name, char code[CALLOUT_CODE_LEN])
{
	size_t n = 0;

	/* The first word with letters: "Irma Sint Maarten" is IRMA. */
	for (; *name != '\0' && n < CALLOUT_CODE_LETTERS; name++) {
		if (*name >= 'a' && *name <= 'z')
			code[n++] = *name - 'a' + 'A';
		else if (*name >= 'A' && *name <= 'Z')
			code[n++] = *name;
		else if (n > 0 && (*name == ' ' || *name == '\t'))
			break;
	}
	code[n] = '\0';
	if (n == 0)
		strcpy(code, "CALL");
}

int
callout_code_free(struct store *s, struct error *err)
{
	return store_exec(s, "UPDATE callout SET open = 0 WHERE open AND "
	    "deployment IN (SELECT pk FROM deployment WHERE status = "
	    "'closed')", err);
}

int
callout_code_new(struct store *s, const char *name,
    char code[CALLOUT_CODE_LEN], struct error *err)
{
	sqlite3_stmt *st;
	char stem[CALLOUT_CODE_LEN];
	long n;
	int rc;

	callout_code_stem(name, stem);
	if ((rc = store_cached(s, &st, "SELECT 1 FROM callout c JOIN "
	    "deployment d ON d.pk = c.deployment WHERE c.open AND d.status <> "
	    "'closed' AND c.code = ? COLLATE NOCASE", err)) != RC_OK)
		return rc;
	for (n = 1; n < CALLOUT_CODE_MAX; n++) {
		if (n == 1)
			snprintf(code, CALLOUT_CODE_LEN, "%s", stem);
		else
			snprintf(code, CALLOUT_CODE_LEN, "%.*s%hu",
			    CALLOUT_CODE_LETTERS, stem, (unsigned short)n);
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
		if ((rc = sqlite3_step(st)) == SQLITE_DONE)
			break;
		if (rc != SQLITE_ROW) {
			sqlite3_reset(st);
			return store_error(s, err, "callout");
		}
	}
	sqlite3_reset(st);
	if (n == CALLOUT_CODE_MAX)
		return error_set(err, RC_REFUSED, "no reply code is free for "
		    "'%s'", name);
	return RC_OK;
}
