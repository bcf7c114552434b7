/*
 * Writing the changeset file: a session records the stage as
 * exchange_fill fills it, and its changeset is the file's body.
 */
/* Debian's libsqlite3 is built with the session extension; its
 * declarations in sqlite3.h are behind these. */
#define SQLITE_ENABLE_SESSION		1
#define SQLITE_ENABLE_PREUPDATE_HOOK	1
#include <sqlite3.h>

#include <sys/stat.h>

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "backup.h"
#include "changeset.h"
#include "export.h"

void
changeset_digest(const char *head, const void *body, size_t len,
    char hex[CHANGESET_HEX + 1])
{
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);

	g_checksum_update(sum, (const guchar *)head, -1);
	g_checksum_update(sum, body, (gssize)len);
	snprintf(hex, CHANGESET_HEX + 1, "%s", g_checksum_get_string(sum));
	g_checksum_free(sum);
}

int
changeset_begin(struct changeset *cs, struct error *err)
{
	int rc;

	cs->stage = NULL;
	cs->session = NULL;
	if ((rc = exchange_stage_open(&cs->stage, err)) != RC_OK)
		return rc;
	if (sqlite3session_create(cs->stage, "main", &cs->session) !=
	    SQLITE_OK || sqlite3session_attach(cs->session, NULL) !=
	    SQLITE_OK) {
		rc = error_set(err, RC_DB, "changeset: %s",
		    sqlite3_errmsg(cs->stage));
		changeset_end(cs);
	}
	return rc;
}

void
changeset_end(struct changeset *cs)
{
	if (cs->session != NULL)
		sqlite3session_delete(cs->session);
	sqlite3_close(cs->stage);
	cs->session = NULL;
	cs->stage = NULL;
}

/* The rows of one of the stage's tables. */
static int
count_rows(sqlite3 *stage, const char *sql, long long *n, struct error *err)
{
	sqlite3_stmt *st;
	int rc = RC_OK;

	if (sqlite3_prepare_v2(stage, sql, -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW)
		rc = error_set(err, RC_DB, "changeset: %s",
		    sqlite3_errmsg(stage));
	else
		*n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc;
}

static int
summarize(sqlite3 *stage, struct changeset_summary *sum, struct error *err)
{
	int rc;

	if ((rc = exchange_meta_read(stage, &sum->meta, err)) == RC_OK &&
	    (rc = count_rows(stage, "SELECT count(*) FROM x_person",
	    &sum->people, err)) == RC_OK &&
	    (rc = count_rows(stage, "SELECT count(*) FROM x_deployment",
	    &sum->deployments, err)) == RC_OK)
		rc = count_rows(stage, "SELECT count(*) FROM x_erased",
		    &sum->erased, err);
	return rc;
}

/* The header line and the body, into a file beside path, renamed over
 * it once whole; a signal to stop meanwhile leaves nothing. */
static int
put_file(const char *path, int schema, const void *body, int len,
    struct error *err)
{
	struct export_file f;
	struct export_hold hold;
	char head[96], hex[CHANGESET_HEX + 1];
	int rc;

	snprintf(head, sizeof head, "%s %d schema %d bytes %d", CHANGESET_MAGIC,
	    CHANGESET_VERSION, schema, len);
	changeset_digest(head, body, (size_t)len, hex);
	export_hold_signals(&hold);
	if ((rc = export_file_open(&f, path, 1, err)) != RC_OK) {
		export_release_signals(&hold);
		return rc;
	}
	fprintf(f.fp, "%s sha256 %s\n", head, hex);
	if (len > 0)
		fwrite(body, 1, (size_t)len, f.fp);
	rc = export_file_finish(&f, RC_OK, err);
	if (rc == RC_OK && export_stopped())
		rc = error_set(err, RC_INPUT, "%s: interrupted", path);
	rc = export_file_commit(&f, rc, err);
	export_release_signals(&hold);
	return rc;
}

int
changeset_is(const char *path)
{
	char head[sizeof CHANGESET_MAGIC];
	size_t n;
	FILE *fp;

	if ((fp = fopen(path, "rb")) == NULL)
		return 0;
	n = fread(head, 1, sizeof head, fp);
	fclose(fp);
	return n == sizeof head && memcmp(head, CHANGESET_MAGIC " ",
	    sizeof head) == 0;
}

/*
 * A file already at path is replaced only when it is a changeset (the
 * one cut last time) or empty: "-o kmar.db" typed for "-o kmar.changes"
 * must not put a changeset in the place of another pool's database.
 */
static int
check_replace(const char *path, struct error *err)
{
	struct stat sb;

	if (stat(path, &sb) == -1 || sb.st_size == 0 || changeset_is(path))
		return RC_OK;
	return error_set(err, RC_INPUT, "%s: is there already and is not a "
	    "changeset (refusing to overwrite it; give another file name)",
	    path);
}

int
changeset_save(struct changeset *cs, struct store *s, const char *path,
    struct changeset_summary *sum, struct error *err)
{
	void *body = NULL;
	int len = 0, rc;

	if ((rc = backup_check_target(s, path, "changeset", "pool.changes",
	    err)) != RC_OK || (rc = check_replace(path, err)) != RC_OK ||
	    (rc = summarize(cs->stage, sum, err)) != RC_OK)
		return rc;
	if (sqlite3session_changeset(cs->session, &len, &body) != SQLITE_OK)
		return error_set(err, RC_DB, "changeset: %s",
		    sqlite3_errmsg(cs->stage));
	rc = put_file(path, sum->meta.schema, body, len, err);
	sqlite3_free(body);
	return rc;
}

int
changeset_write(struct store *s, long long since, const char *path,
    struct changeset_summary *sum, struct error *err)
{
	struct changeset cs;
	int rc;

	if ((rc = changeset_begin(&cs, err)) != RC_OK)
		return rc;
	if ((rc = exchange_fill(s, cs.stage, since, err)) == RC_OK)
		rc = changeset_save(&cs, s, path, sum, err);
	changeset_end(&cs);
	return rc;
}
