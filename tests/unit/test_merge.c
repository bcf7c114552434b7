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

/* Two pools: KMar holding Anna (with a mission) and Bert, and Politie. */
struct pair {
	struct store	*a, *b;
};

static int
pair_setup(void **state)
{
	struct pair *p = calloc(1, sizeof *p);

	assert_non_null(p);
	p->a = pool("KMar");
	p->b = pool("Politie");
	import(p->a, people_ab, missions_a);
	*state = p;
	return 0;
}

static int
pair_teardown(void **state)
{
	struct pair *p = *state;

	testdb_close(p->a);
	testdb_close(p->b);
	free(p);
	return 0;
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

/* s is as dump said it was before, which is freed. */
static void
unchanged(struct store *s, char *before)
{
	char *after = dump(s);

	assert_string_equal(before, after);
	free(before);
	free(after);
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
	struct pair *p = *state;
	struct store *a = p->a, *b = p->b;
	struct merge_report r;

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
}

/* Three pools, each meeting the others' people once. */
static void
test_three_pools(void **state)
{
	struct pair *p = *state;
	struct store *a = p->a, *b = p->b, *c = pool("FIOD");
	struct merge_report r;

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
	testdb_close(c);
}

/* An identical record writes nothing, however often pools meet. */
static void
test_identical_writes_nothing(void **state)
{
	struct pair *p = *state;
	struct store *a = p->a, *b = p->b;
	struct merge_report r;
	char *before;

	merge_ok(b, a, &r);
	merge_report_free(&r);
	merge_ok(a, b, &r);
	merge_report_free(&r);
	before = dump(b);
	merge_ok(b, a, &r);
	assert_int_equal(tally(&r, "KMar")->unchanged, 2);
	assert_int_equal(tally(&r, "KMar")->updated, 0);
	merge_report_free(&r);
	unchanged(b, before);
}

/* Both pools change Anna: the later change wins, the other is in the
 * audit, and the conflict is listed. */
static void
test_conflict_newer_wins(void **state)
{
	struct pair *p = *state;
	struct store *a = p->a, *b = p->b;
	struct merge_report r;
	const struct merge_conflict *c;

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
}

/*
 * Changed again within the same second (updated alike): the change this
 * pool has not seen wins, whichever text is greater.
 */
static void
test_same_second(void **state)
{
	struct pair *p = *state;
	struct merge_report r;

	merge_ok(p->b, p->a, &r);
	merge_report_free(&r);
	testdb_write(p->a, "UPDATE person SET phone = '+31 6 0000 0000',"
	    " updated = updated WHERE id = '" ANNA "'");
	merge_ok(p->b, p->a, &r);
	assert_int_equal(tally(&r, "KMar")->updated, 1);
	assert_int_equal(r.nconflicts, 0);
	merge_report_free(&r);
	assert_int_equal(count(p->b, "SELECT count(*) FROM person WHERE"
	    " phone = '+31 6 0000 0000'"), 1);
}

/*
 * Both pools change Anna in the same second and swap their records at
 * once: the two must end alike (the same one wins on both sides) and
 * both list the conflict; neither takes the other's and leaves the
 * pools disagreeing for good.
 */
static void
test_same_second_both(void **state)
{
	struct pair *p = *state;
	struct merge_report r;
	struct error err;
	struct merge_opts none = { 0, 0, 0, NULL };
	sqlite3 *from_a, *from_b;

	merge_ok(p->b, p->a, &r);
	merge_report_free(&r);
	merge_ok(p->a, p->b, &r);
	merge_report_free(&r);
	testdb_write(p->a, "UPDATE person SET phone = '+31 6 1111 1111',"
	    " updated = '2099-01-01T10:00:00Z' WHERE id = '" ANNA "'");
	testdb_write(p->b, "UPDATE person SET phone = '+31 6 2222 2222',"
	    " updated = '2099-01-01T10:00:00Z' WHERE id = '" ANNA "'");
	/* And in the second the pools last met: times cannot tell. */
	testdb_write(p->a, "UPDATE pool SET at = '2099-01-01T10:00:00Z'");
	testdb_write(p->b, "UPDATE pool SET at = '2099-01-01T10:00:00Z'");
	from_a = stage_of(p->a);
	from_b = stage_of(p->b);
	assert_int_equal(merge_stage(p->a, from_b, &none, &r, &err), RC_OK);
	assert_int_equal(r.nconflicts, 1);
	merge_report_free(&r);
	assert_int_equal(merge_stage(p->b, from_a, &none, &r, &err), RC_OK);
	assert_int_equal(r.nconflicts, 1);
	merge_report_free(&r);
	sqlite3_close(from_a);
	sqlite3_close(from_b);
	assert_int_equal(count(p->a, "SELECT count(*) FROM person WHERE id = '"
	    ANNA "' AND phone = '+31 6 2222 2222'"), 1);
	assert_int_equal(count(p->b, "SELECT count(*) FROM person WHERE id = '"
	    ANNA "' AND phone = '+31 6 2222 2222'"), 1);
}

/* A mission removed on the winning side is removed here. */
static void
test_lists_follow_winner(void **state)
{
	struct pair *p = *state;
	struct store *a = p->a, *b = p->b;
	struct merge_report r;

	merge_ok(b, a, &r);
	merge_report_free(&r);
	testdb_write(b, "DELETE FROM service");
	testdb_write(b, "UPDATE person SET updated = '2099-01-01T00:00:00Z'"
	    " WHERE id = '" ANNA "'");
	merge_ok(a, b, &r);
	assert_int_equal(tally(&r, "KMar")->updated, 1);
	merge_report_free(&r);
	assert_int_equal(count(a, "SELECT count(*) FROM service"), 0);
}

/* Erased here: not brought back by another pool's copy. */
static void
test_erased_not_back(void **state)
{
	struct pair *p = *state;
	struct store *a = p->a, *b = p->b;
	struct merge_report r;
	struct error err;
	long long pk;

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
}

/* The other pool erased Bert: he is erased here too. */
static void
test_stage_erases(void **state)
{
	struct pair *p = *state;
	struct store *a = p->a, *b = p->b;
	struct merge_report r;
	struct error err;
	long long pk;

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
}

/*
 * Merges b into a with one alias added to the stage, alias standing for
 * id, and checks that a now takes alias for kept.
 */
static void
merge_alias(struct store *a, struct store *b, const char *alias,
    const char *id, const char *kept)
{
	struct merge_opts o = { 0, 0, 0, NULL };
	struct merge_report r;
	struct error err;
	char sql[256], now[PERSON_ID_LEN];
	sqlite3 *stage = stage_of(b);
	int found;

	snprintf(sql, sizeof sql, "INSERT INTO x_alias(alias, id, at) VALUES"
	    " ('%s', '%s', '2099-01-01T00:00:00Z'); UPDATE x_meta SET value ="
	    " (SELECT count(*) FROM x_alias) WHERE key = 'count_x_alias'",
	    alias, id);
	assert_int_equal(sqlite3_exec(stage, sql, NULL, NULL, NULL), SQLITE_OK);
	if (merge_stage(a, stage, &o, &r, &err) != RC_OK)
		fail_msg("merge: %s", err.msg);
	merge_report_free(&r);
	sqlite3_close(stage);
	assert_int_equal(alias_resolve(a, alias, now, &found, &err), RC_OK);
	assert_true(found);
	assert_string_equal(now, kept);
}

/* The alias is here, the id it stands for is not: the person takes it. */
static void
test_alias_moves_id(void **state)
{
	struct pair *p = *state;

	merge_alias(p->a, p->b, BERT, EMIL, EMIL);
	assert_int_equal(count(p->a, "SELECT count(*) FROM person WHERE id = '"
	    EMIL "' AND given_name = 'Bert'"), 1);
}

/*
 * Both the alias and the id it stands for are here: two records another
 * pool found to be one, folded into the kept one (dupes_fold).
 */
static void
test_alias_both_here(void **state)
{
	struct pair *p = *state;

	merge_alias(p->a, p->b, BERT, ANNA, ANNA);
	assert_int_equal(count(p->a, "SELECT count(*) FROM person WHERE id IN"
	    " ('" ANNA "', '" BERT "')"), 1);
	assert_int_equal(count(p->a, "SELECT count(*) FROM person WHERE id = '"
	    ANNA "' AND given_name = 'Anna'"), 1);
	assert_int_equal(testdb_count(p->a, "jansen", testdb_today()), 0);
}

/* A theme the pool lacks: refused, nothing written; or added. */
static void
test_vocabulary(void **state)
{
	struct pair *p = *state;
	struct store *a = p->a, *b = p->b;
	struct merge_opts o = { 0, 0, 0, NULL };
	struct merge_report r;
	struct error err;
	char *before;

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
	unchanged(a, before);
	o.add_vocabulary = 1;
	assert_int_equal(merge(a, b, &o, &r, &err), RC_OK);
	assert_true(r.vocabulary_added);
	merge_report_free(&r);
	assert_int_equal(count(a, "SELECT count(*) FROM person_theme WHERE"
	    " slug = 'sea-rescue'"), 1);
	assert_int_equal(count(a, "SELECT count(*) FROM audit WHERE entity ="
	    " 'theme' AND entity_id = 'sea-rescue'"), 1);
}

static void	import_deploy(struct store *, const char *, const char *);

/* A known pool under a new name: its people's and deployments' origin
 * follows. */
static void
test_renamed_pool(void **state)
{
	struct pair *p = *state;
	struct store *a = p->a, *b = p->b;
	struct merge_report r;

	import(b, people_c, NULL);
	import_deploy(b, "name,kind,country,start,end,status,needs\n"
	    "Irma,hurricane,SX,2017-09-06,,active,\n",
	    "deployment,person_id,role,status,history\n");
	testdb_write(b, "UPDATE deployment SET updated ="
	    " '2020-01-01T00:00:00Z'");
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
	/* The deployment's origin follows, its time does not move. */
	assert_int_equal(count(a, "SELECT count(*) FROM deployment WHERE"
	    " origin = 'NP' AND updated = '2020-01-01T00:00:00Z'"), 1);
}

/* A dry run says what it would do and changes nothing. */
static void
test_dry_run(void **state)
{
	struct pair *p = *state;
	struct store *a = p->a, *b = p->b;
	struct merge_opts o = { 1, 0, 0, NULL };
	struct merge_report r;
	struct error err;
	char *before;

	import(b, people_c, NULL);
	before = dump(a);
	assert_int_equal(merge(a, b, &o, &r, &err), RC_OK);
	assert_int_equal(tally(&r, "Politie")->added, 1);
	merge_report_free(&r);
	unchanged(a, before);
}

/* A changeset's order, its own pool and a newer schema are checked. */
static void
test_changeset_checks(void **state)
{
	struct pair *p = *state;
	struct store *a = p->a, *b = p->b;
	struct merge_opts o = { 0, 0, 1, NULL };
	struct merge_report r;
	struct error err;
	sqlite3 *stage;

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
	struct pair *p = *state;
	struct store *a = p->a, *b = p->b;
	struct merge_report r;

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
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_two_pools, pair_setup,
		    pair_teardown),
		cmocka_unit_test_setup_teardown(test_three_pools, pair_setup,
		    pair_teardown),
		cmocka_unit_test_setup_teardown(test_identical_writes_nothing, pair_setup,
		    pair_teardown),
		cmocka_unit_test_setup_teardown(test_conflict_newer_wins, pair_setup,
		    pair_teardown),
		cmocka_unit_test_setup_teardown(test_same_second, pair_setup,
		    pair_teardown),
		cmocka_unit_test_setup_teardown(test_same_second_both,
		    pair_setup, pair_teardown),
		cmocka_unit_test_setup_teardown(test_lists_follow_winner, pair_setup,
		    pair_teardown),
		cmocka_unit_test_setup_teardown(test_erased_not_back, pair_setup,
		    pair_teardown),
		cmocka_unit_test_setup_teardown(test_stage_erases, pair_setup,
		    pair_teardown),
		cmocka_unit_test_setup_teardown(test_alias_moves_id, pair_setup,
		    pair_teardown),
		cmocka_unit_test_setup_teardown(test_alias_both_here, pair_setup,
		    pair_teardown),
		cmocka_unit_test_setup_teardown(test_vocabulary, pair_setup,
		    pair_teardown),
		cmocka_unit_test_setup_teardown(test_renamed_pool, pair_setup,
		    pair_teardown),
		cmocka_unit_test_setup_teardown(test_dry_run, pair_setup,
		    pair_teardown),
		cmocka_unit_test_setup_teardown(test_changeset_checks, pair_setup,
		    pair_teardown),
		cmocka_unit_test_setup_teardown(test_deployments, pair_setup,
		    pair_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
