/* The fixed word lists: look-up and the lists error messages offer. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "deploy.h"
#include "refdata.h"
#include "vocab.h"

static void
test_find(void **state)
{
	(void)state;
	assert_int_equal(vocab_find(&vocab_genders, "f"), 0);
	assert_int_equal(vocab_find(&vocab_genders, "X"), 2);
	assert_int_equal(vocab_find(&vocab_genders, ""), -1);
	assert_int_equal(vocab_find(&vocab_deploy_kinds, "Air-Disaster"), 3);
	assert_int_equal(vocab_find(&vocab_deploy_kinds, "air"), -1);
	assert_int_equal(vocab_find(&vocab_levels, "NATIVE") + 1,
	    LEVEL_NATIVE);
	/* The member statuses are enum member_status, in order. */
	assert_int_equal(vocab_find(&vocab_member_statuses, "withdrawn"),
	    MS_WITHDRAWN);
	assert_null(vocab_member_statuses.words[MS_N]);
}

static void
test_expected(void **state)
{
	char buf[VOCAB_EXPECTED_LEN];

	(void)state;
	assert_string_equal(vocab_expected(&vocab_genders, 0, buf,
	    sizeof buf), "f, m or x");
	assert_string_equal(vocab_expected(&vocab_person_statuses,
	    VOCAB_OR_EMPTY, buf, sizeof buf),
	    "active, inactive, left or empty");
	assert_string_equal(vocab_expected(&vocab_levels, VOCAB_SPACED, buf,
	    sizeof buf), "A1 A2 B1 B2 C1 C2 or native");
	assert_string_equal(vocab_expected(&vocab_levels, VOCAB_SPACED |
	    VOCAB_NO_OR, buf, sizeof buf), "A1 A2 B1 B2 C1 C2 native");
	assert_string_equal(vocab_expected(&vocab_deploy_kinds, 0, buf,
	    sizeof buf), "hurricane, earthquake, flood, air-disaster, "
	    "civil-unrest, pandemic or other");
	/* As the screen's question for a new deployment lists them. */
	assert_string_equal(vocab_expected(&vocab_deploy_kinds, VOCAB_NO_OR,
	    buf, sizeof buf), "hurricane, earthquake, flood, air-disaster, "
	    "civil-unrest, pandemic, other");
	assert_string_equal(vocab_expected(&vocab_member_statuses, 0, buf,
	    sizeof buf), "proposed, contacted, confirmed, deployed, returned, "
	    "declined or withdrawn");
	/* Too small a buffer is cut short, never overrun. */
	assert_string_equal(vocab_expected(&vocab_genders, 0, buf, 5),
	    "f, m");
}

static void
test_deploy_kind_any_case(void **state)
{
	(void)state;
	assert_string_equal(deploy_kind("civil-unrest"), "civil-unrest");
	/* Any case, as files take it; stored in lower case. */
	assert_string_equal(deploy_kind("Civil-Unrest"), "civil-unrest");
	assert_string_equal(deploy_kind("HURRICANE"), "hurricane");
	assert_null(deploy_kind("riot"));
	assert_null(deploy_kind("civil"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_expected),
		cmocka_unit_test(test_deploy_kind_any_case),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
