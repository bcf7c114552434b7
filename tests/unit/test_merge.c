/*
 * Merging one pool into another (merge.h): the same id is the same
 * person, an identical record writes nothing, the later change wins with
 * the loser in the audit, erased people stay erased, aliases move ids,
 * vocabulary is refused or added, a renamed pool renames its origin, and
 * a dry run or a refusal leaves the pool as it was.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "alias.h"
#include "erase.h"
#include "exchange.h"
#include "import.h"
#include "merge.h"
#include "person.h"
#include "strbuf.h"
#include "testdb.h"
#include "vocab_db.h"

#define ANNA	"0f8fad5b-d9cb-469f-a165-70867728950e"
#define BERT	"9e1f0c3a-5b7d-4e2a-8c6f-1a2b3c4d5e6f"
#define CARL	"3b241101-e2bb-4255-8caf-4136c566a962"
#define DORA	"7c9e6679-7425-40de-944b-e07fc1f90ae7"
#define EMIL	"16fd2706-8baf-433b-82eb-8c7fada847da"

static const char people_ab[] = "id,family_name,given_name,phone,"
    "languages,themes\n"
    ANNA ",de Wit,Anna,+31 6 1111 1111,fr:B2;en:C1,drugs\n"
    BERT ",Jansen,Bert,,,\n";
static const char missions_a[] = "person_id,mission,country,start,end,role,"
    "themes\n" ANNA ",EULEX Kosovo,XK,2019-03-01,2019-09-30,adviser,drugs\n";
static const char people_c[] = "id,family_name,given_name\n"
    CARL ",Visser,Carl\n";

/* A new pool called name (NULL: no name). */
static struct store *
pool(const char *name)
{
	struct store *s = testdb_open();
	char sql[128];

	if (name != NULL) {
		snprintf(sql, sizeof sql, "INSERT OR REPLACE INTO setting"
		    "(key, value) VALUES ('pool_name', '%s')", name);
		testdb_exec(s, sql);
	}
	return s;
}

/*
 * Imports people (and missions) into pool s, whose records take its name
 * as their origin, as a named pool's do.
 */
static void
import(struct store *s, const char *people, const char *missions)
{
	testdb_import(s, people, missions);
	testdb_write(s, "UPDATE person SET origin = (SELECT value FROM setting"
	    " WHERE key = 'pool_name') WHERE origin = ''");
}

static sqlite3 *
stage_of(struct store *src)
{
	struct error err;
	sqlite3 *stage;

	assert_int_equal(exchange_stage_open(&stage, &err), RC_OK);
	if (exchange_fill(src, stage, 0, &err) != RC_OK)
		fail_msg("exchange_fill: %s", err.msg);
	return stage;
}

/* Merges all of src into dst: the status, err and report filled. */
static int
merge(struct store *dst, struct store *src, const struct merge_opts *o,
    struct merge_report *r, struct error *err)
{
	struct merge_opts none = { 0, 0, 0, NULL };
	sqlite3 *stage = stage_of(src);
	int rc;

	rc = merge_stage(dst, stage, o != NULL ? o : &none, r, err);
	sqlite3_close(stage);
	return rc;
}

static void
merge_ok(struct store *dst, struct store *src, struct merge_report *r)
{
	struct error err;

	if (merge(dst, src, NULL, r, &err) != RC_OK)
		fail_msg("merge: %s", err.msg);
}

static const struct merge_tally *
tally(const struct merge_report *r, const char *origin)
{
	size_t i;

	for (i = 0; i < r->ntally; i++)
		if (strcmp(r->tally[i].origin, origin) == 0)
			return &r->tally[i];
	fail_msg("no tally for %s", origin);
	return NULL;
}

/* What a write would change: the change number, the audit, the rows. */
static char *
dump(struct store *s)
{
	sqlite3_stmt *st;
	char *d;

	assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT (SELECT n FROM"
	    " change_counter) || '|' || (SELECT count(*) FROM audit) || '|' ||"
	    " (SELECT count(*) FROM audit_change) || '|' || (SELECT"
	    " group_concat(id || family_name || phone || origin || updated ||"
	    " version, ',') FROM person) || '|' || (SELECT count(*) FROM"
	    " service) || (SELECT count(*) FROM theme) || coalesce((SELECT"
	    " group_concat(id || name || mark || at) FROM pool), '')", -1, &st,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	d = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return d;
}

static long long
count(struct store *s, const char *sql)
{
	return testdb_int(s, sql);
}

/* Two pools overlapping: nobody lost, nobody doubled. */
static void
test_two_pools(void **state)
{
	struct store *a = pool("KMar"), *b = pool("Politie");
	struct merge_report r;

	(void)state;
	import(a, people_ab, missions_a);
	import(b, people_c, NULL);
	merge_ok(b, a, &r);
	assert_int_equal(tally(&r, "KMar")->added, 2);
	merge_report_free(&r);
	merge_ok(a, b, &r);
	assert_int_equal(tally(&r, "Politie")->added, 1);
	assert_int_equal(tally(&r, "KMar")->unchanged, 2);
	assert_int_equal(r.nconflicts, 0);
	merge_report_free(&r);
	assert_int_equal(count(a, "SELECT count(*) FROM person"), 3);
	assert_int_equal(count(b, "SELECT count(*) FROM person"), 3);
	assert_int_equal(count(b, "SELECT count(*) FROM person WHERE origin ="
	    " 'KMar'"), 2);
	assert_int_equal(count(b, "SELECT count(*) FROM service"), 1);
	/* The words index knows the newcomers. */
	assert_int_equal(testdb_count(b, "wit", testdb_today()), 1);
	testdb_close(a);
	testdb_close(b);
}

/* Three pools, each meeting the others' people once. */
static void
test_three_pools(void **state)
{
	struct store *a = pool("KMar"), *b = pool("Politie"), *c = pool("FIOD");
	struct merge_report r;

	(void)state;
	import(a, people_ab, missions_a);
	import(b, people_c, NULL);
	import(c, "id,family_name,given_name\n" DORA ",Bakker,Dora\n",
	    NULL);
	merge_ok(b, a, &r);
	merge_report_free(&r);
	merge_ok(c, a, &r);
	merge_report_free(&r);
	merge_ok(c, b, &r);
	assert_int_equal(tally(&r, "KMar")->unchanged, 2);
	assert_int_equal(tally(&r, "Politie")->added, 1);
	merge_report_free(&r);
	assert_int_equal(count(c, "SELECT count(*) FROM person"), 4);
	assert_int_equal(count(c, "SELECT count(DISTINCT id) FROM person"), 4);
	testdb_close(a);
	testdb_close(b);
	testdb_close(c);
}

/* An identical record writes nothing, however often pools meet. */
static void
test_identical_writes_nothing(void **state)
{
	struct store *a = pool("KMar"), *b = pool("Politie");
	struct merge_report r;
	char *before, *after;

	(void)state;
	import(a, people_ab, missions_a);
	merge_ok(b, a, &r);
	merge_report_free(&r);
	merge_ok(a, b, &r);
	merge_report_free(&r);
	before = dump(b);
	merge_ok(b, a, &r);
	assert_int_equal(tally(&r, "KMar")->unchanged, 2);
	assert_int_equal(tally(&r, "KMar")->updated, 0);
	merge_report_free(&r);
	after = dump(b);
	assert_string_equal(before, after);
	free(before);
	free(after);
	testdb_close(a);
	testdb_close(b);
}

/* Both pools change Anna: the later change wins, the other is in the
 * audit, and the conflict is listed. */
static void
test_conflict_newer_wins(void **state)
{
	struct store *a = pool("KMar"), *b = pool("Politie");
	struct merge_report r;
	const struct merge_conflict *c;

	(void)state;
	import(a, people_ab, missions_a);
	merge_ok(b, a, &r);
	merge_report_free(&r);
	testdb_write(a, "UPDATE person SET phone = '+31 6 2222 2222',"
	    " updated = '2099-01-01T10:00:00Z' WHERE id = '" ANNA "'");
	testdb_write(b, "UPDATE person SET phone = '+31 6 3333 3333',"
	    " updated = '2099-01-02T10:00:00Z' WHERE id = '" ANNA "'");
	merge_ok(a, b, &r);
	assert_int_equal(tally(&r, "KMar")->updated, 1);
	assert_int_equal(tally(&r, "KMar")->conflicting, 1);
	assert_int_equal(r.nconflicts, 1);
	c = &r.conflicts[0];
	assert_string_equal(c->name, "Anna de Wit");
	assert_string_equal(c->field, "phone");
	assert_string_equal(c->kept, "+31 6 3333 3333");
	assert_string_equal(c->kept_from, "Politie");
	assert_string_equal(c->lost, "+31 6 2222 2222");
	assert_string_equal(c->lost_from, "KMar");
	merge_report_free(&r);
	/* The winner's time is kept, not the merge's. */
	assert_int_equal(count(a, "SELECT count(*) FROM person WHERE id = '"
	    ANNA "' AND phone = '+31 6 3333 3333' AND updated ="
	    " '2099-01-02T10:00:00Z'"), 1);
	assert_int_equal(count(a, "SELECT count(*) FROM audit_change WHERE"
	    " field = 'phone' AND old = '+31 6 2222 2222'"), 1);
	/* The other way the pool's own, later, value stays; the stage's is
	 * in the audit. */
	testdb_write(b, "UPDATE person SET phone = '+31 6 4444 4444',"
	    " updated = '2099-01-01T00:00:00Z' WHERE id = '" ANNA "'");
	merge_ok(a, b, &r);
	assert_int_equal(tally(&r, "KMar")->unchanged, 2);
	assert_int_equal(r.nconflicts, 1);
	assert_string_equal(r.conflicts[0].kept, "+31 6 3333 3333");
	assert_string_equal(r.conflicts[0].kept_from, "KMar");
	merge_report_free(&r);
	assert_int_equal(count(a, "SELECT count(*) FROM audit_change WHERE"
	    " field = 'phone' AND old = '+31 6 4444 4444'"), 1);
	testdb_close(a);
	testdb_close(b);
}

/* A mission removed on the winning side is removed here. */
static void
test_lists_follow_winner(void **state)
{
	struct store *a = pool("KMar"), *b = pool("Politie");
	struct merge_report r;

	(void)state;
	import(a, people_ab, missions_a);
	merge_ok(b, a, &r);
	merge_report_free(&r);
	testdb_write(b, "DELETE FROM service");
	testdb_write(b, "UPDATE person SET updated = '2099-01-01T00:00:00Z'"
	    " WHERE id = '" ANNA "'");
	merge_ok(a, b, &r);
	assert_int_equal(tally(&r, "KMar")->updated, 1);
	merge_report_free(&r);
	assert_int_equal(count(a, "SELECT count(*) FROM service"), 0);
	testdb_close(a);
	testdb_close(b);
}

/* Erased here: not brought back by another pool's copy. */
static void
test_erased_not_back(void **state)
{
	struct store *a = pool("KMar"), *b = pool("Politie");
	struct merge_report r;
	struct error err;
	long long pk;

	(void)state;
	import(a, people_ab, missions_a);
	merge_ok(b, a, &r);
	merge_report_free(&r);
	assert_int_equal(person_find(a, BERT, &pk, &err), RC_OK);
	assert_int_equal(erase_person(a, pk, &err), RC_OK);
	testdb_write(b, "UPDATE setting SET value = 'Politie' WHERE key ="
	    " 'pool_name'");
	/* b's own copy of Bert, as if b had never heard of the erasure. */
	testdb_write(b, "DELETE FROM erased");
	merge_ok(a, b, &r);
	assert_int_equal(tally(&r, "KMar")->refused, 1);
	merge_report_free(&r);
	assert_int_equal(count(a, "SELECT count(*) FROM person WHERE id = '"
	    BERT "'"), 0);
	testdb_close(a);
	testdb_close(b);
}

/* The other pool erased Bert: he is erased here too. */
static void
test_stage_erases(void **state)
{
	struct store *a = pool("KMar"), *b = pool("Politie");
	struct merge_report r;
	struct error err;
	long long pk;

	(void)state;
	import(a, people_ab, missions_a);
	merge_ok(b, a, &r);
	merge_report_free(&r);
	assert_int_equal(person_find(b, BERT, &pk, &err), RC_OK);
	assert_int_equal(erase_person(b, pk, &err), RC_OK);
	merge_ok(a, b, &r);
	assert_int_equal(tally(&r, "KMar")->erased, 1);
	merge_report_free(&r);
	assert_int_equal(count(a, "SELECT count(*) FROM person WHERE id = '"
	    BERT "'"), 0);
	assert_int_equal(count(a, "SELECT count(*) FROM erased WHERE id = '"
	    BERT "'"), 1);
	assert_int_equal(count(a, "SELECT count(*) FROM person"), 1);
	testdb_close(a);
	testdb_close(b);
}

/* A stage of b with one alias added: alias stands for id. */
static sqlite3 *
stage_alias(struct store *b, const char *alias, const char *id)
{
	sqlite3 *stage = stage_of(b);
	char sql[256];

	snprintf(sql, sizeof sql, "INSERT INTO x_alias(alias, id, at) VALUES"
	    " ('%s', '%s', '2099-01-01T00:00:00Z'); UPDATE x_meta SET value ="
	    " (SELECT count(*) FROM x_alias) WHERE key = 'count_x_alias'",
	    alias, id);
	assert_int_equal(sqlite3_exec(stage, sql, NULL, NULL, NULL), SQLITE_OK);
	return stage;
}

/* The alias is here, the id it stands for is not: the person takes it. */
static void
test_alias_moves_id(void **state)
{
	struct store *a = pool("KMar"), *b = pool("Politie");
	struct merge_opts o = { 0, 0, 0, NULL };
	struct merge_report r;
	struct error err;
	char kept[PERSON_ID_LEN];
	sqlite3 *stage;
	int found;

	(void)state;
	import(a, people_ab, missions_a);
	import(b, people_c, NULL);
	stage = stage_alias(b, BERT, EMIL);
	assert_int_equal(merge_stage(a, stage, &o, &r, &err), RC_OK);
	merge_report_free(&r);
	sqlite3_close(stage);
	assert_int_equal(count(a, "SELECT count(*) FROM person WHERE id = '"
	    EMIL "' AND given_name = 'Bert'"), 1);
	assert_int_equal(alias_resolve(a, BERT, kept, &found, &err), RC_OK);
	assert_true(found);
	assert_string_equal(kept, EMIL);
	testdb_close(a);
	testdb_close(b);
}

/*
 * Both the alias and the id it stands for are here: two records another
 * pool found to be one.  Refused until dupes_fold (branch i14-dupes)
 * joins them; then this test expects one person.
 */
static void
test_alias_both_here(void **state)
{
	struct store *a = pool("KMar"), *b = pool("Politie");
	struct merge_opts o = { 0, 0, 0, NULL };
	struct merge_report r;
	struct error err;
	sqlite3 *stage;
	char *before, *after;

	(void)state;
	import(a, people_ab, missions_a);
	import(b, people_c, NULL);
	before = dump(a);
	stage = stage_alias(b, BERT, ANNA);
	assert_int_equal(merge_stage(a, stage, &o, &r, &err), RC_REFUSED);
	assert_non_null(strstr(err.msg, "Bert Jansen"));
	assert_non_null(strstr(err.msg, "Anna de Wit"));
	merge_report_free(&r);
	sqlite3_close(stage);
	after = dump(a);
	assert_string_equal(before, after);
	free(before);
	free(after);
	testdb_close(a);
	testdb_close(b);
}

/* A theme the pool lacks: refused, nothing written; or added. */
static void
test_vocabulary(void **state)
{
	struct store *a = pool("KMar"), *b = pool("Politie");
	struct merge_opts o = { 0, 0, 0, NULL };
	struct merge_report r;
	struct error err;
	char *before, *after;

	(void)state;
	import(a, people_ab, missions_a);
	assert_int_equal(vocab_db_add(b, VOCAB_THEME, "sea-rescue",
	    "Sea rescue", &err), RC_OK);
	import(b, "id,family_name,given_name,themes\n" CARL
	    ",Visser,Carl,sea-rescue\n", NULL);
	before = dump(a);
	assert_int_equal(merge(a, b, &o, &r, &err), RC_INPUT);
	assert_non_null(strstr(err.msg, "--add-vocabulary"));
	assert_int_equal(r.nmissing, 1);
	assert_string_equal(r.missing[0], "theme:sea-rescue");
	merge_report_free(&r);
	after = dump(a);
	assert_string_equal(before, after);
	free(after);
	o.add_vocabulary = 1;
	assert_int_equal(merge(a, b, &o, &r, &err), RC_OK);
	assert_true(r.vocabulary_added);
	merge_report_free(&r);
	assert_int_equal(count(a, "SELECT count(*) FROM person_theme WHERE"
	    " slug = 'sea-rescue'"), 1);
	assert_int_equal(count(a, "SELECT count(*) FROM audit WHERE entity ="
	    " 'theme' AND entity_id = 'sea-rescue'"), 1);
	free(before);
	testdb_close(a);
	testdb_close(b);
}

/* A known pool under a new name: its people's origin follows. */
static void
test_renamed_pool(void **state)
{
	struct store *a = pool("KMar"), *b = pool("Politie");
	struct merge_report r;

	(void)state;
	import(b, people_c, NULL);
	merge_ok(a, b, &r);
	merge_report_free(&r);
	assert_int_equal(count(a, "SELECT count(*) FROM person WHERE origin ="
	    " 'Politie'"), 1);
	testdb_write(b, "UPDATE setting SET value = 'NP' WHERE key ="
	    " 'pool_name'");
	testdb_write(b, "UPDATE person SET origin = 'NP'");
	merge_ok(a, b, &r);
	assert_non_null(r.renamed);
	assert_string_equal(r.renamed, "Politie is now called NP");
	assert_int_equal(tally(&r, "NP")->unchanged, 1);
	merge_report_free(&r);
	assert_int_equal(count(a, "SELECT count(*) FROM person WHERE origin ="
	    " 'NP'"), 1);
	assert_int_equal(count(a, "SELECT count(*) FROM pool WHERE name ="
	    " 'NP'"), 1);
	testdb_close(a);
	testdb_close(b);
}

/* A dry run says what it would do and changes nothing. */
static void
test_dry_run(void **state)
{
	struct store *a = pool("KMar"), *b = pool("Politie");
	struct merge_opts o = { 1, 0, 0, NULL };
	struct merge_report r;
	struct error err;
	char *before, *after;

	(void)state;
	import(a, people_ab, missions_a);
	import(b, people_c, NULL);
	before = dump(a);
	assert_int_equal(merge(a, b, &o, &r, &err), RC_OK);
	assert_int_equal(tally(&r, "Politie")->added, 1);
	merge_report_free(&r);
	after = dump(a);
	assert_string_equal(before, after);
	free(before);
	free(after);
	testdb_close(a);
	testdb_close(b);
}

/* A changeset's order, its own pool and a newer schema are checked. */
static void
test_changeset_checks(void **state)
{
	struct store *a = pool("KMar"), *b = pool("Politie");
	struct merge_opts o = { 0, 0, 1, NULL };
	struct merge_report r;
	struct error err;
	sqlite3 *stage;

	(void)state;
	import(a, people_ab, missions_a);
	import(b, people_c, NULL);
	assert_int_equal(merge(a, b, &o, &r, &err), RC_OK);
	merge_report_free(&r);
	assert_int_equal(merge(a, b, &o, &r, &err), RC_REFUSED);
	assert_non_null(strstr(err.msg, "already applied"));
	merge_report_free(&r);
	/* Changes after a mark this pool has not reached. */
	import(b, "id,family_name,given_name\n" DORA ",Bakker,Dora\n",
	    NULL);
	import(b, "id,family_name,given_name\n" EMIL ",Smit,Emil\n",
	    NULL);
	assert_int_equal(exchange_stage_open(&stage, &err), RC_OK);
	assert_int_equal(exchange_fill(b, stage, count(b, "SELECT n FROM"
	    " change_counter") - 1, &err), RC_OK);
	assert_int_equal(merge_stage(a, stage, &o, &r, &err), RC_INPUT);
	assert_non_null(strstr(err.msg, "out of order"));
	merge_report_free(&r);
	sqlite3_exec(stage, "UPDATE x_meta SET value = '99' WHERE key ="
	    " 'schema'", NULL, NULL, NULL);
	assert_int_equal(merge_stage(a, stage, &o, &r, &err), RC_INPUT);
	assert_non_null(strstr(err.msg, "newer"));
	merge_report_free(&r);
	sqlite3_close(stage);
	/* A pool's own records. */
	assert_int_equal(merge(a, a, &o, &r, &err), RC_INPUT);
	assert_non_null(strstr(err.msg, "this pool itself"));
	merge_report_free(&r);
	testdb_close(a);
	testdb_close(b);
}

/* Imports deployment and assignment files (CSV text) into s. */
static void
import_deploy(struct store *s, const char *deployments,
    const char *assignments)
{
	struct import_stats stats;
	struct strbuf report = { 0 };
	struct error err;
	char *files[2];

	files[0] = (char *)testdb_file(5, "deployments.csv", deployments);
	files[1] = (char *)testdb_file(6, "assignments.csv", assignments);
	if (import_files(s, files, 2, 0, &stats, &report, &err) != RC_OK)
		fail_msg("%s\n%s", err.msg, strbuf_str(&report));
	strbuf_free(&report);
}

/* Deployments meet by id; a different one of the same name is renamed. */
static void
test_deployments(void **state)
{
	struct store *a = pool("KMar"), *b = pool("Politie");
	struct merge_report r;

	(void)state;
	import(a, people_ab, missions_a);
	import(b, people_c, NULL);
	import_deploy(a, "name,kind,country,start,end,status,needs\n"
	    "Irma,hurricane,SX,2017-09-06,,active,\n",
	    "deployment,person_id,role,status,history\n"
	    "Irma," ANNA ",lead,confirmed,\n");
	import_deploy(b, "name,kind,country,start,end,status,needs\n"
	    "Irma,hurricane,SX,2017-09-07,,planning,\n",
	    "deployment,person_id,role,status,history\n"
	    "Irma," CARL ",,proposed,\n");
	merge_ok(b, a, &r);
	assert_int_equal(r.deployments_added, 1);
	assert_int_equal(r.ndeploy_renamed, 1);
	assert_string_equal(r.deploy_renamed[0], "Irma (KMar)");
	merge_report_free(&r);
	assert_int_equal(count(b, "SELECT count(*) FROM deployment d JOIN"
	    " assignment a ON a.deployment = d.pk JOIN person p ON p.pk ="
	    " a.person WHERE d.name = 'Irma (KMar)' AND p.id = '" ANNA "'"
	    " AND a.status = 'confirmed'"), 1);
	/* Met again: the same, nothing to do; changed in a: updated. */
	merge_ok(b, a, &r);
	assert_int_equal(r.deployments_updated, 0);
	merge_report_free(&r);
	testdb_write(a, "UPDATE assignment SET status = 'deployed'");
	testdb_write(a, "UPDATE deployment SET updated ="
	    " '2099-01-01T00:00:00Z'");
	merge_ok(b, a, &r);
	assert_int_equal(r.deployments_updated, 1);
	merge_report_free(&r);
	assert_int_equal(count(b, "SELECT count(*) FROM assignment a JOIN"
	    " deployment d ON d.pk = a.deployment WHERE d.name ="
	    " 'Irma (KMar)' AND a.status = 'deployed' AND d.updated ="
	    " '2099-01-01T00:00:00Z'"), 1);
	testdb_close(a);
	testdb_close(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_pools),
		cmocka_unit_test(test_three_pools),
		cmocka_unit_test(test_identical_writes_nothing),
		cmocka_unit_test(test_conflict_newer_wins),
		cmocka_unit_test(test_lists_follow_winner),
		cmocka_unit_test(test_erased_not_back),
		cmocka_unit_test(test_stage_erases),
		cmocka_unit_test(test_alias_moves_id),
		cmocka_unit_test(test_alias_both_here),
		cmocka_unit_test(test_vocabulary),
		cmocka_unit_test(test_renamed_pool),
		cmocka_unit_test(test_dry_run),
		cmocka_unit_test(test_changeset_checks),
		cmocka_unit_test(test_deployments),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
