/*
 * Sending call-outs: templates (placeholders, overrides, errors naming
 * file and line), reply codes unique among open call-outs, running the
 * delivery programs (exit, signal, missing program), the e-mail GMime
 * builds, and callout_send itself on the fixture pool: failures recorded
 * and the wave going on, the skip and --again, a dry run recording
 * nothing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "callout.h"
#include "callout_code.h"
#include "deliver.h"
#include "deploy.h"
#include "template.h"
#include "testdb.h"

static const char *const vals[TV_N] = {
	"Irma", "hurricane", "Sint Maarten (Dutch part)", "2–29 December",
	"medic", "Reply \"IRMA yes\".", "IRMA", "Amélie", "Dubois", "Duty",
};

static void
expand_all(void **state)
{
	struct strbuf out = { 0 };
	struct error err;

	(void)state;
	assert_int_equal(template_expand("{code} {deployment} {kind} "
	    "{country} {window} {role} {answer} {given} {family} {sender} "
	    "{{code}", "t", vals, &out, &err), RC_OK);
	assert_string_equal(strbuf_str(&out), "IRMA Irma hurricane Sint "
	    "Maarten (Dutch part) 2–29 December medic Reply \"IRMA yes\". "
	    "Amélie Dubois Duty {code}");
	strbuf_free(&out);
}

static void
expand_errors(void **state)
{
	struct strbuf out = { 0 };
	struct error err;

	(void)state;
	assert_int_equal(template_expand("a\nb\nDear {name},\n", "my.email",
	    vals, &out, &err), RC_INPUT);
	assert_string_equal(err.msg, "my.email, line 3: unknown placeholder "
	    "{name} (roster(5) lists them)");
	assert_int_equal(template_expand("a\n{code\n}", "f", NULL, NULL,
	    &err), RC_INPUT);
	assert_non_null(strstr(err.msg, "f, line 2: a placeholder '{' is "
	    "not closed"));
	strbuf_free(&out);
}

/* A directory of overrides made for the test, as XDG_CONFIG_HOME. */
static char dir[] = "/tmp/roster-callout.XXXXXX";
static int made;		/* dir is made */

static const char *
config_home(void)
{
	char path[256];

	if (!made++)
		assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/roster", dir);
	mkdir(path, 0700);
	setenv("XDG_CONFIG_HOME", dir, 1);
	return dir;
}

static void
write_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	FILE *fp;

	snprintf(path, sizeof path, "%s/roster/%s", dir, name);
	assert_non_null(fp = fopen(path, "w"));
	fputs(text, fp);
	fclose(fp);
}

static void
load_builtin(void **state)
{
	char *text, *subject, *body, file[512];
	struct error err;
	int w;

	(void)state;
	setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
	for (w = WAVE_INFO; w <= WAVE_STAND_DOWN; w++) {
		assert_int_equal(template_load(w, VIA_EMAIL, &text, file,
		    sizeof file, &err), RC_OK);
		assert_non_null(strstr(file, "built-in callout-"));
		assert_int_equal(template_subject(text, file, &subject, &body,
		    &err), RC_OK);
		assert_non_null(strstr(subject, "{code}"));
		free(text);
		assert_int_equal(template_load(w, VIA_SMS, &text, file,
		    sizeof file, &err), RC_OK);
		assert_non_null(strstr(text, "{code}"));
		free(text);
	}
}

static void
load_override(void **state)
{
	const char *dir = config_home();
	struct error err;
	char *text, file[512], want[512];

	(void)state;
	write_file(dir, "callout-alert.sms", "{code}: come? {answer}\n");
	assert_int_equal(template_load(WAVE_ALERT, VIA_SMS, &text, file,
	    sizeof file, &err), RC_OK);
	assert_string_equal(text, "{code}: come? {answer}\n");
	snprintf(want, sizeof want, "%s/roster/callout-alert.sms", dir);
	assert_string_equal(file, want);
	free(text);
	write_file(dir, "callout-deploy.email", "Subject: go\n\nHi {given},"
	    "\nleave on {date}.\n");
	assert_int_equal(template_load(WAVE_DEPLOY, VIA_EMAIL, &text, file,
	    sizeof file, &err), RC_INPUT);
	snprintf(want, sizeof want, "%s/roster/callout-deploy.email, line 4: "
	    "unknown placeholder {date} (roster(5) lists them)", dir);
	assert_string_equal(err.msg, want);
}

static void
subject_needed(void **state)
{
	char mail[] = "Hello\n\nbody", ok[] = "Subject: s\n\nbody\n";
	char *subject, *body;
	struct error err;

	(void)state;
	assert_int_equal(template_subject(mail, "x.email", &subject, &body,
	    &err), RC_INPUT);
	assert_non_null(strstr(err.msg, "x.email, line 1"));
	assert_int_equal(template_subject(ok, "x", &subject, &body, &err),
	    RC_OK);
	assert_string_equal(subject, "s");
	assert_string_equal(body, "body\n");
}

static void
code_stem(void **state)
{
	char code[CALLOUT_CODE_LEN];

	(void)state;
	callout_code_stem("Irma Sint Maarten", code);
	assert_string_equal(code, "IRMA");
	callout_code_stem("2026 floods", code);
	assert_string_equal(code, "FLOODS");
	callout_code_stem("Hurricane", code);
	assert_string_equal(code, "HURRIC");
	callout_code_stem("Σεισμός 2026", code);
	assert_string_equal(code, "CALL");
}

/* Codes already taken; closed ones, and those of closed deployments,
 * free again. */
static void
code_unique(void **state)
{
	struct store *s = *state;
	char code[CALLOUT_CODE_LEN];
	struct error err;

	testdb_deploy(s, "Irma", "hurricane", "SX", "2026-12-01", NULL, NULL,
	    NULL);
	assert_int_equal(callout_code_new(s, "Irma", code, &err), RC_OK);
	assert_string_equal(code, "IRMA");
	testdb_write(s, "INSERT INTO callout(deployment, code, wave, channel, "
	    "who, at) VALUES (1, 'irma', 'alert', 'email', 'x', 'y'), "
	    "(1, 'IRMA2', 'alert', 'email', 'x', 'y')");
	testdb_write(s, "INSERT INTO callout(deployment, code, wave, channel, "
	    "who, at, open) VALUES (1, 'IRMA3', 'alert', 'email', 'x', 'y', "
	    "0)");
	assert_int_equal(callout_code_new(s, "Irma floods", code, &err),
	    RC_OK);
	assert_string_equal(code, "IRMA3");
	/* A deployment closed: its code is free, and closed by _free. */
	testdb_deploy(s, "Ida", "hurricane", "SX", "2026-12-01", NULL, NULL,
	    NULL);
	testdb_write(s, "INSERT INTO callout(deployment, code, wave, channel, "
	    "who, at) VALUES (2, 'IRMA3', 'alert', 'email', 'x', 'y')");
	testdb_write(s, "UPDATE deployment SET status = 'closed' WHERE pk = 2");
	assert_int_equal(callout_code_new(s, "Irma", code, &err), RC_OK);
	assert_string_equal(code, "IRMA3");
	assert_int_equal(callout_code_free(s, &err), RC_OK);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM callout WHERE "
	    "open"), 2);
}

/* A program for deliver_run: sh script text in a new file. */
static const char *
script(const char *name, const char *text)
{
	static char path[4][512];
	static int n;
	const char *dir = config_home();
	FILE *fp;
	char *p = path[n++ % 4];

	snprintf(p, 512, "%s/%s", dir, name);
	assert_non_null(fp = fopen(p, "w"));
	fprintf(fp, "#!/bin/sh\n%s\n", text);
	fclose(fp);
	chmod(p, 0700);
	return p;
}

static void
run_outcomes(void **state)
{
	const char *args[] = { "a b", "-text", "$HOME;`x`" };
	char why[DELIVER_WHY_LEN], cmd[600];
	const char *sh;
	FILE *fp;
	char line[256];

	(void)state;
	assert_int_equal(dup2(1, 42), 42);
	sh = script("ok", "printf '%s|' \"$@\" > \"$0.args\"; cat > \"$0.in\"; "
	    "ls /proc/$$/fd > \"$0.fds\"");
	assert_int_equal(deliver_run(sh, args, 3, "the message\n", why), 0);
	snprintf(cmd, sizeof cmd, "%s.args", sh);
	assert_non_null(fp = fopen(cmd, "r"));
	assert_non_null(fgets(line, sizeof line, fp));
	fclose(fp);
	/* No shell: each argument arrives as it was, spaces and all. */
	assert_string_equal(line, "a b|-text|$HOME;`x`|");
	/* Nothing of ours is left open in it (fd 42, as a database's). */
	snprintf(cmd, sizeof cmd, "%s.fds", sh);
	assert_non_null(fp = fopen(cmd, "r"));
	while (fgets(line, sizeof line, fp) != NULL)
		assert_string_not_equal(line, "42\n");
	fclose(fp);
	close(42);
	sh = script("fail", "echo 'relay refused: 554' >&2; echo more >&2; "
	    "exit 3");
	assert_int_equal(deliver_run(sh, NULL, 0, "x", why), -1);
	assert_string_equal(why, "relay refused: 554");
	sh = script("quiet", "exit 4");
	assert_int_equal(deliver_run(sh, NULL, 0, "x", why), -1);
	assert_non_null(strstr(why, "exited with status 4"));
	sh = script("killed", "kill -9 $$");
	assert_int_equal(deliver_run(sh, NULL, 0, "x", why), -1);
	assert_non_null(strstr(why, "killed by signal 9"));
	assert_int_equal(deliver_run("/nonexistent/sendmail -t", NULL, 0, "x",
	    why), -1);
	assert_string_equal(why, "cannot run /nonexistent/sendmail: No such "
	    "file or directory");
	/* A program that reads nothing and exits 0 is a delivery. */
	assert_int_equal(deliver_run("true", NULL, 0, "", why), 0);
}

static void
mail_headers(void **state)
{
	struct deliver_mail m = {
		.from = "Duty Officer <duty@crisis.example>",
		.to_name = "Amélie Dubois", .to = "amelie@police.example",
		.subject = "[IRMA] Can you deploy? Irma, Curaçao",
		.body = "Dear Amélie,\n\nReply \"IRMA yes\".\n",
	};
	char *t;

	(void)state;
	t = deliver_mail_text(&m);
	assert_non_null(strstr(t, "From: Duty Officer <duty@crisis.example>"));
	assert_non_null(strstr(t, "<amelie@police.example>"));
	/* Not ASCII: encoded (RFC 2047), never raw in a header. */
	assert_null(strstr(t, "Subject: [IRMA] Can you deploy? Irma, Curaçao"));
	assert_non_null(strstr(t, "Subject: [IRMA] Can you deploy? Irma, =?"));
	assert_non_null(strstr(t, "Date: "));
	assert_non_null(strstr(t, "\nMessage-Id: <"));
	assert_non_null(strstr(t, "@crisis.example>"));
	assert_non_null(strstr(t, "\nMIME-Version: 1.0"));
	assert_non_null(strstr(t, "Content-Type: text/plain; charset=UTF-8"));
	assert_non_null(strstr(t, "Content-Transfer-Encoding: "
	    "quoted-printable"));
	assert_non_null(strstr(t, "Dear Am=C3=A9lie,"));
	free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(expand_all),
		cmocka_unit_test(expand_errors),
		cmocka_unit_test(load_builtin),
		cmocka_unit_test(load_override),
		cmocka_unit_test(subject_needed),
		cmocka_unit_test(code_stem),
		testdb_test(code_unique),
		cmocka_unit_test(run_outcomes),
		cmocka_unit_test(mail_headers),
	};

	char rm[128];
	int rc;

	rc = cmocka_run_group_tests(tests, NULL, NULL);
	if (made) {
		snprintf(rm, sizeof rm, "rm -rf %s", dir);
		if (system(rm) != 0)
			rc = 1;
	}
	return rc;
}
