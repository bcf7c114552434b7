#include <stdlib.h>

#include "bitmap.h"
#include "error.h"
#include "fold.h"
#include "sqlfunc.h"
#include "strbuf.h"

typedef void (*sqlfunc_fn)(sqlite3_context *, int, sqlite3_value **);

static void
fold_run(sqlite3_context *ctx, sqlite3_value **argv, int for_index)
{
	const unsigned char *in = sqlite3_value_text(argv[0]);
	struct strbuf b = { 0 };
	struct error err;

	if (in == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	if (fold_text(sqlite3_user_data(ctx), (const char *)in, for_index, &b,
	    &err) != RC_OK) {
		strbuf_free(&b);
		sqlite3_result_error(ctx, err.msg, -1);
		return;
	}
	sqlite3_result_text(ctx, b.s, (int)b.len, free);
}

static void
fold_func(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	fold_run(ctx, argv, 0);
}

static void
fold_index_func(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	fold_run(ctx, argv, 1);
}

static void
bitmap_add_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct bitmap *b = sqlite3_value_pointer(argv[0], SQLFUNC_BITMAP);

	(void)ctx;
	(void)argc;
	if (b != NULL && sqlite3_value_type(argv[1]) == SQLITE_INTEGER)
		bitmap_set(b, sqlite3_value_int64(argv[1]));
}

static void
bitmap_has_func(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct bitmap *b = sqlite3_value_pointer(argv[0],
	    SQLFUNC_BITMAP);

	(void)argc;
	sqlite3_result_int(ctx, b != NULL &&
	    bitmap_get(b, sqlite3_value_int64(argv[1])));
}

static void
pkmax_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct pkmax *k = sqlite3_value_pointer(argv[0], SQLFUNC_PKMAX);
	long long pk = sqlite3_value_int64(argv[1]);
	long long v = sqlite3_value_int64(argv[2]);

	(void)ctx;
	(void)argc;
	if (k == NULL || pk < 0 || (size_t)pk >= k->n)
		return;
	if (v < 0)
		v = 0;
	if (v > UINT16_MAX)
		v = UINT16_MAX;
	if (v > k->v[pk])
		k->v[pk] = (uint16_t)v;
}

/* roster_erasing(): the flag the caller registered, read at each call. */
static void
erasing_func(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const int *erasing = sqlite3_user_data(ctx);

	(void)argc;
	(void)argv;
	sqlite3_result_int(ctx, erasing != NULL && *erasing);
}

/* The aggregates work by their side effect; their value is NULL. */
static void
null_final(sqlite3_context *ctx)
{
	sqlite3_result_null(ctx);
}

/* Whether a function reads the connection's fold, and which frees it. */
enum { NO_FOLD, FOLD_OWNER, FOLD_USER };

static const struct {
	const char	*name;
	int		 nargs;
	int		 flags;		/* besides SQLITE_UTF8 */
	int		 fold;
	sqlfunc_fn	 func;		/* a scalar, or */
	sqlfunc_fn	 step;		/* an aggregate */
	void		(*final)(sqlite3_context *);
} funcs[] = {
	/* First: SQLite frees the fold with it, even if this fails. */
	{ "fold", 1, SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, FOLD_OWNER,
	    fold_func, NULL, NULL },
	{ "fold_index", 1, SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, FOLD_USER,
	    fold_index_func, NULL, NULL },
	{ "bitmap_add", 2, SQLITE_DIRECTONLY, NO_FOLD, NULL, bitmap_add_step,
	    null_final },
	{ "bitmap_has", 2, SQLITE_DIRECTONLY, NO_FOLD, bitmap_has_func, NULL,
	    NULL },
	{ "pkmax_put", 3, SQLITE_DIRECTONLY, NO_FOLD, NULL, pkmax_step,
	    null_final },
};

static void
fold_destroy(void *p)
{
	fold_free(p);
}

int
sqlfunc_register(sqlite3 *db, const int *erasing, struct error *err)
{
	struct fold *fold = fold_new();
	size_t i;

	for (i = 0; i < sizeof funcs / sizeof funcs[0]; i++)
		if (sqlite3_create_function_v2(db, funcs[i].name,
		    funcs[i].nargs, SQLITE_UTF8 | funcs[i].flags,
		    funcs[i].fold != NO_FOLD ? fold : NULL, funcs[i].func,
		    funcs[i].step, funcs[i].final, funcs[i].fold == FOLD_OWNER ?
		    fold_destroy : NULL) != SQLITE_OK)
			return error_set(err, RC_DB, "SQL function %s: %s",
			    funcs[i].name, sqlite3_errmsg(db));
	/* Not SQLITE_DIRECTONLY: the audit's triggers ask it. */
	if (sqlite3_create_function_v2(db, "roster_erasing", 0, SQLITE_UTF8 |
	    SQLITE_INNOCUOUS, (void *)erasing, erasing_func, NULL, NULL,
	    NULL) != SQLITE_OK)
		return error_set(err, RC_DB, "SQL function roster_erasing: %s",
		    sqlite3_errmsg(db));
	return RC_OK;
}
