#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "fts.h"
#include "terms.h"

struct checker {
	struct store		*store;
	void			(*problem)(const char *, void *);
	void			*arg;
	struct check_result	*r;
};

static void	found(struct checker *, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));

static void
found(struct checker *c, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	c->r->problems++;
	c->problem(msg, c->arg);
}

/* fts_check's and terms_check's problems, counted. */
static void
found_index(const char *msg, void *arg)
{
	found(arg, "%s", msg);
}

static void
check_schema(struct checker *c)
{
	struct error err;
	long long appid, version;

	if (store_int(c->store, "PRAGMA application_id", &appid, &err) !=
	    RC_OK || store_int(c->store, "PRAGMA user_version", &version,
	    &err) != RC_OK) {
		found(c, "schema: %s", err.msg);
		return;
	}
	if (appid != STORE_APPLICATION_ID)
		found(c, "schema: the application id is %lld, not roster's",
		    appid);
	if (version != store_schema_version())
		found(c, "schema: version %lld, expected %d", version,
		    store_schema_version());
}

/*
 * Runs a pragma whose rows are problems (each made a message by say);
 * one that fails is a problem too.  integrity_check stops at its
 * argument's count of lines: past a hundred, the file is wrecked.
 */
static void
check_pragma(struct checker *c, const char *sql,
    void (*say)(struct checker *, sqlite3_stmt *))
{
	sqlite3_stmt *st;
	struct error err;
	int rc;

	if (store_prepare(c->store, &st, sql, &err) != RC_OK) {
		found(c, "%s", err.msg);
		return;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		say(c, st);
	if (rc != SQLITE_DONE) {
		store_error(c->store, &err, "check");
		found(c, "%s", err.msg);
	}
	sqlite3_finalize(st);
}

/*
 * A row may hold many problems, a line each, after a heading of the
 * schema they are in ("*** in database main ***"): one problem a line.
 */
static void
say_integrity(struct checker *c, sqlite3_stmt *st)
{
	const char *text = (const char *)sqlite3_column_text(st, 0), *nl;
	int len;

	if (text == NULL || strcmp(text, "ok") == 0)
		return;
	for (; *text != '\0'; text = *nl != '\0' ? nl + 1 : nl) {
		nl = strchr(text, '\n');
		if (nl == NULL)
			nl = text + strlen(text);
		len = (int)(nl - text);
		if (len > 0 && strncmp(text, "***", 3) != 0)
			found(c, "integrity: %.*s", len, text);
	}
}

/* foreign_key_check's rows, counted by table and parent. */
static void
say_foreign_key(struct checker *c, sqlite3_stmt *st)
{
	long long n = sqlite3_column_int64(st, 2);

	found(c, "foreign key: %lld row%s of %s refer%s to a %s that does "
	    "not exist", n, n == 1 ? "" : "s",
	    (const char *)sqlite3_column_text(st, 0), n == 1 ? "s" : "",
	    (const char *)sqlite3_column_text(st, 1));
}

/*
 * FTS5's check of its index against its own content: an INSERT that
 * writes nothing, but that SQLite runs only in a write transaction,
 * rolled back at once.
 */
static void
check_index_itself(struct checker *c)
{
	struct error err;

	if (c->store->flags & STORE_READ_ONLY) {
		c->r->index_skipped = "it needs a database opened for writing";
		return;
	}
	/* Not the file's fault: the other writer's. */
	if (store_begin(c->store, &err) != RC_OK) {
		if ((sqlite3_errcode(c->store->db) & 0xff) == SQLITE_BUSY)
			c->r->index_skipped = "another roster kept the "
			    "database locked";
		else
			found(c, "words index: %s", err.msg);
		return;
	}
	if (store_exec(c->store, "INSERT INTO person_fts(person_fts, rank)"
	    " VALUES ('integrity-check', 1)", &err) != RC_OK)
		found(c, "words index: %s", err.msg);
	store_rollback(c->store);
}

int
check_pool(struct store *s, void (*problem)(const char *, void *),
    void *arg, struct check_result *r, struct error *err)
{
	struct checker c = { s, problem, arg, r };
	struct error qerr;
	int rc;

	memset(r, 0, sizeof *r);
	/* One snapshot for the reading checks, whoever writes meanwhile. */
	if ((rc = store_exec(s, "BEGIN", err)) != RC_OK)
		return rc;
	check_schema(&c);
	check_pragma(&c, "PRAGMA integrity_check(100)", say_integrity);
	check_pragma(&c, "SELECT \"table\", parent, count(*)"
	    " FROM pragma_foreign_key_check GROUP BY 1, 2 ORDER BY 1, 2",
	    say_foreign_key);
	if (fts_check(s, found_index, &c, &qerr) != RC_OK)
		found(&c, "%s", qerr.msg);
	if (terms_check(s, found_index, &c, &qerr) != RC_OK)
		found(&c, "%s", qerr.msg);
	if (store_int(s, "SELECT count(*) FROM person", &r->people, &qerr) !=
	    RC_OK)
		found(&c, "%s", qerr.msg);
	store_exec(s, "COMMIT", NULL);
	check_index_itself(&c);
	return RC_OK;
}

int
check_repair(struct store *s, struct error *err)
{
	int rc;

	if ((rc = store_begin(s, err)) != RC_OK)
		return rc;
	if ((rc = fts_refresh(s, 1, err)) != RC_OK ||
	    (rc = terms_rebuild(s, err)) != RC_OK) {
		store_rollback(s);
		return rc;
	}
	return store_commit(s, err);
}
