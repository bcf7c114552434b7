/*
 * Reading replies to call-outs: a table of replies as people write them
 * (several languages, quoted history, signatures, HTML-only mail,
 * auto-replies), each with the answer and the reply code it must give.
 * Whatever cannot be read for sure must be unclear, never guessed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "callout.h"
#include "testdb.h"

#define Y ANSWER_YES
#define N ANSWER_NO
#define M ANSWER_MAYBE
#define U ANSWER_UNCLEAR

static const struct {
	int			 html;	/* the text is an HTML-only mail's */
	const char		*text;
	enum reply_answer	 answer;
	const char		*code;
} replies[] = {
	{ 0, "yes", Y, "" },
	{ 0, "Yes!", Y, "" },
	{ 0, "y", Y, "" },
	{ 0, "OK", Y, "" },
	{ 0, "Oui", Y, "" },
	{ 0, "Ja, ik kom.", Y, "" },
	{ 0, "Sí", Y, "" },
	{ 0, "si", Y, "" },
	{ 0, "yes I can come", Y, "" },
	{ 0, "IRMA2 yes", Y, "IRMA2" },
	{ 0, "irma2 YES", Y, "IRMA2" },
	{ 0, "IRMA2 1", Y, "IRMA2" },
	{ 0, "1", Y, "" },
	{ 0, "IRMA2 2", N, "IRMA2" },
	{ 0, "IRMA2 3", M, "IRMA2" },
	{ 0, "IRMA yes", Y, "IRMA" },
	{ 0, "IRMA 2", N, "IRMA" },
	{ 0, "Re: [IRMA] Can you deploy?", U, "IRMA" },
	{ 0, "RE: AW: FW: IRMA3 maybe", M, "IRMA3" },
	{ 0, "OK", Y, "" },
	{ 0, "irma 1", U, "" },
	{ 0, "IRMA yes\n\nOn Mon, 23 Nov 2026, Duty <duty@example.org> wrote:"
	    "\n> Reply \"IRMA yes\", \"IRMA no\" or \"IRMA maybe\".\n", Y,
	    "IRMA" },
	{ 0, "A 3", M, "" },
	{ 0, "a3", M, "" },
	{ 0, "A1", Y, "" },
	{ 0, "no", N, "" },
	{ 0, "Nee", N, "" },
	{ 0, "Nein, leider nicht.", N, "" },
	{ 0, "Non, désolé", N, "" },
	{ 0, "No, sorry, I can't make it this time.", N, "" },
	{ 0, "maybe", M, "" },
	{ 0, "Peut-être, je dois vérifier avec mon chef.", M, "" },
	{ 0, "Vielleicht", M, "" },
	{ 0, "Misschien, ik bel je vanavond.", M, "" },
	{ 0, "I'm available.", Y, "" },
	{ 0, "not available", U, "" },
	{ 0, "I can't", U, "" },
	{ 0, "I can’t come, sorry", U, "" },
	{ 0, "Yes. No problem, see you at the airport.", Y, "" },
	{ 0, "Oui, pas de souci.", Y, "" },
	{ 0, "yes no", U, "" },
	{ 0, "Yes, maybe", U, "" },
	{ 0, "Hello, I will call you back.", U, "" },
	{ 0, "", U, "" },
	{ 0, "I will be back on 3 May", U, "" },
	{ 0, "Yes\n\nOn Mon, 30 Nov 2026 at 09:12, Duty Officer"
	    " <duty@example.org> wrote:\n> Hurricane Irma: can you come?\n"
	    "> Reply IRMA2 1 (yes), IRMA2 2 (no), IRMA2 3 (maybe)\n", Y, "" },
	{ 0, "no\n\n> IRMA2: reply yes or no\n> yes = you come\n", N, "" },
	{ 0, "Ja\n\nAm 30.11.2026 um 09:12 schrieb Duty Officer:\n"
	    "> Antworten Sie mit IRMA2 1 (ja)\n", Y, "" },
	{ 0, "oui\n\nLe lun. 30 nov. 2026 à 09:12, Duty Officer a écrit :\n"
	    "> Répondez non si vous ne pouvez pas\n", Y, "" },
	{ 0, "Yes\n-- \nAnna de Wit\nNo 1 Police Street\n", Y, "" },
	{ 0, "Nee\n\nVerzonden vanaf mijn iPhone\n", N, "" },
	{ 0, "Yes, count me in.\n\n-----Original Message-----\nFrom: Duty"
	    "\nSubject: IRMA2\nCan you come? yes/no/maybe\n", Y, "" },
	{ 0, "Yes\n________________________________\nFrom: duty@example.org"
	    "\nSent: Monday\nno\n", Y, "" },
	{ 0, "I am out of the office until Monday 7 December with limited"
	    " access to e-mail.", U, "" },
	{ 0, "Je suis absent du bureau et n'ai pas accès à mes e-mails.",
	    U, "" },
	{ 0, "Ik ben afwezig tot en met 4 december.", U, "" },
	{ 0, "Automatic reply: I am not available until 12 December.", U,
	    "" },
	{ 1, "<html><body><div>Yes, I can come.</div><div class=\"gmail_quote"
	    "\">On Mon wrote:<blockquote>Reply no if not</blockquote></div>"
	    "</body></html>", Y, "" },
	{ 1, "<p>S&iacute;, claro</p>", Y, "" },
	{ 1, "<html><head><style>p{x:no}</style></head><body><p>IRMA2&nbsp;2"
	    "</p><blockquote>yes?</blockquote></body></html>", N, "IRMA2" },
	{ 1, "<div>Peut-&ecirc;tre</div><div id=\"divRplyFwdMsg\">De : Duty"
	    "<br>oui</div>", M, "" },
	{ 1, "<p>I&#39;m not available</p>", U, "" },
};

static void
test_table(void **state)
{
	char code[CALLOUT_CODE_LEN], *text;
	enum reply_answer a;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof replies / sizeof replies[0]; i++) {
		text = replies[i].html ? reply_html_text(replies[i].text) :
		    strdup(replies[i].text);
		a = reply_read(text, code);
		if (a != replies[i].answer || strcmp(code, replies[i].code)) {
			fprintf(stderr, "reply %zu %s: %d, code '%s'\n", i,
			    replies[i].text, a, code);
			fail();
		}
		free(text);
	}
	assert_true(i >= 40);
}

/* The answer as kept: quotes and signature cut, the answer left. */
static void
test_text(void **state)
{
	char *t;

	(void)state;
	t = reply_text("Yes\r\n> quoted\r\nsee you\r\n-- \r\nAnna\r\n");
	assert_string_equal(t, "Yes\nsee you\n");
	free(t);
	t = reply_html_text("<p>a &amp; b</p><script>x</script>c&#x41;");
	assert_string_equal(t, "\na & b\nc" "A");
	free(t);
}

#define PEOPLE "id,family_name,given_name,agency,rank,gender,email,phone," \
    "status,notice_days,passport_expiry,medical_expiry,heat_expiry," \
    "languages,themes,skills,notes\n" \
    "00000000-0000-4000-8000-000000000001,de Wit,Anna,Police,,," \
    "anna@example.org,,active,2,,,,,,,\n"

/* A pool with Anna contacted on Irma by the call-out IRMA2. */
static struct store *
called(void)
{
	struct store *s = testdb_open();

	testdb_import(s, PEOPLE, NULL);
	testdb_deploy(s, "Irma", "hurricane", "SX", "2026-12-01", NULL, NULL,
	    NULL);
	testdb_write(s, "INSERT INTO assignment(deployment, person, role,"
	    " status) VALUES (1, 1, '', 'contacted');"
	    " INSERT INTO callout(deployment, code, wave, channel, who, at)"
	    " VALUES (1, 'IRMA2', 'alert', 'email', 'duty',"
	    " '2026-11-23T08:00:00Z');"
	    " INSERT INTO callout_message(callout, person, address, at, result)"
	    " VALUES (1, 1, 'anna@example.org', '2026-11-23T08:00:00Z',"
	    " 'sent')");
	return s;
}

/* A phone reply for someone erased meanwhile (the desk asked the note
 * first): refused with a message, not a foreign-key error; nothing kept. */
static void
test_record_erased(void **state)
{
	struct store *s = called();
	struct reply_in in = { "Irma", NULL, 42, NULL, NULL, REPLY_PHONE,
	    ANSWER_YES, "on his way", NULL, NULL };
	struct reply_out out;
	struct error err;

	(void)state;
	assert_int_equal(reply_record(s, &in, &out, &err), RC_REFUSED);
	assert_non_null(strstr(err.msg, "erased"));
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM reply"), 0);
	testdb_close(s);
}

/* Kept, applied and audited once; a stranger's reply waits, and a
 * person may set it aside. */
static void
test_record(void **state)
{
	struct store *s = called();
	struct reply_in in = { NULL, "irma2", 0, "Anna@Example.org",
	    "2026-11-23T09:00:00Z", REPLY_EMAIL, ANSWER_YES, NULL, "yes",
	    "m1@example.org" };
	struct reply_out out;
	struct error err;

	(void)state;
	assert_int_equal(reply_record(s, &in, &out, &err), RC_OK);
	assert_string_equal(out.outcome, "confirmed");
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM assignment"
	    " WHERE status = 'confirmed'"), 1);
	assert_int_equal(reply_record(s, &in, &out, &err), RC_OK);
	assert_true(out.duplicate);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM reply"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit WHERE"
	    " action = 'reply'"), 1);
	in.sender = "zed@example.net";
	in.message_id = "m2@example.org";
	assert_int_equal(reply_record(s, &in, &out, &err), RC_OK);
	assert_string_equal(out.outcome, "unclear: not called");
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM reply WHERE"
	    " answer = 'unclear' AND person IS NULL AND note = 'not called'"),
	    1);
	/* Read for sure: not to be decided. */
	in.answer = ANSWER_UNCLEAR;
	assert_int_equal(reply_decide(s, 1, &in, &out, &err), RC_REFUSED);
	/* An answer needs a member; setting it aside does not. */
	in.answer = ANSWER_NO;
	assert_int_equal(reply_decide(s, 2, &in, &out, &err), RC_REFUSED);
	in.answer = ANSWER_UNCLEAR;
	assert_int_equal(reply_decide(s, 2, &in, &out, &err), RC_OK);
	assert_string_equal(out.outcome, "ignored");
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM reply WHERE"
	    " decided = 'ignored'"), 1);
	assert_int_equal(reply_decide(s, 2, &in, &out, &err), RC_REFUSED);
	testdb_close(s);
}

/*
 * A phone reply answers the call-out the member was sent, not a later
 * wave to others: IRMA3 went to someone else after Anna's IRMA2.
 */
static void
test_record_phone_callout(void **state)
{
	struct store *s = called();
	struct reply_in in = { "Irma", NULL, 1, NULL, "2026-11-23T09:30:00Z",
	    REPLY_PHONE, ANSWER_YES, NULL, NULL, NULL };
	struct reply_out out;
	struct error err;

	(void)state;
	testdb_write(s, "INSERT INTO callout(deployment, code, wave, channel,"
	    " who, at) VALUES (1, 'IRMA3', 'alert', 'email', 'duty',"
	    " '2026-11-23T09:00:00Z')");
	assert_int_equal(reply_record(s, &in, &out, &err), RC_OK);
	assert_int_equal(testdb_int(s, "SELECT c.code = 'IRMA2' FROM reply r"
	    " JOIN callout c ON c.pk = r.callout"), 1);
	testdb_close(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_record),
		cmocka_unit_test(test_record_erased),
		cmocka_unit_test(test_record_phone_callout),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
