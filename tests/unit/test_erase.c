/*
 * Erasing a person (erase.h): nothing of theirs left in the tables, the
 * words index, the audit or the bytes of the file and its WAL; and the
 * audit read back (audit_each).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "audit.h"
#include "strbuf.h"
#include "testdb.h"

/* What audit_each handed over, one line of text per audit line. */
static int
collect(const struct audit_entry *e, void *arg)
{
	struct strbuf *b = arg;
	size_t i;

	strbuf_addf(b, "%s %s %s %s %s [%s]", e->who, e->at, e->entity, e->id,
	    e->action, e->fields);
	for (i = 0; i < e->nchanges; i++)
		strbuf_addf(b, " %s:%s>%s", e->changes[i].field,
		    e->changes[i].old ? e->changes[i].old : "(none)",
		    e->changes[i].new ? e->changes[i].new : "(none)");
	strbuf_adds(b, "\n");
	return 0;
}

static int
stop_at_first(const struct audit_entry *e, void *arg)
{
	(void)e;
	(*(int *)arg)++;
	return 7;
}

static void
test_audit_each(void **state)
{
	struct store *s = *state;
	static const struct audit_change two[] = {
		{ "phone", "+31 6 1", NULL },
		{ "email", NULL, "a@new.example" },
	};
	struct audit_entry lines[] = {
		{ "ann", "2026-11-20T09:00:00Z", "person", "p-1", "create", "",
		    NULL, 0 },
		{ "bob", "2026-11-22T10:00:00Z", "deployment", "Ida", "close",
		    "", NULL, 0 },
		{ "ann", "2026-11-23T11:00:00Z", "person", "p-1", "update",
		    "email,phone", two, 2 },
	};
	struct strbuf b = { 0 };
	struct error err;
	size_t i;
	int calls = 0;

	testdb_exec(s, "BEGIN");
	for (i = 0; i < sizeof lines / sizeof lines[0]; i++)
		assert_int_equal(audit_write(s, &lines[i], &err), RC_OK);
	testdb_exec(s, "COMMIT");
	assert_int_equal(audit_each(s, NULL, NULL, collect, &b, &err), RC_OK);
	assert_string_equal(strbuf_str(&b),
	    "ann 2026-11-20T09:00:00Z person p-1 create []\n"
	    "bob 2026-11-22T10:00:00Z deployment Ida close []\n"
	    "ann 2026-11-23T11:00:00Z person p-1 update [email,phone]"
	    " email:(none)>a@new.example phone:+31 6 1>(none)\n");
	strbuf_reset(&b);
	/* One entity, from a day on (the day itself included). */
	assert_int_equal(audit_each(s, "p-1", "2026-11-23", collect, &b, &err),
	    RC_OK);
	assert_string_equal(strbuf_str(&b),
	    "ann 2026-11-23T11:00:00Z person p-1 update [email,phone]"
	    " email:(none)>a@new.example phone:+31 6 1>(none)\n");
	strbuf_reset(&b);
	assert_int_equal(audit_each(s, "nobody", NULL, collect, &b, &err),
	    RC_OK);
	assert_string_equal(strbuf_str(&b), "");
	/* The function's non-zero return stops the walk and is returned. */
	assert_int_equal(audit_each(s, NULL, NULL, stop_at_first, &calls,
	    &err), 7);
	assert_int_equal(calls, 1);
	strbuf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		testdb_test(test_audit_each),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
