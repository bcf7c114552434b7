/*
 * cmd_callout_reply.c - replies to call-outs (roster(1), "Call-outs"):
 * callout reply, one taken by phone (or a kept reply decided), and
 * callout inbox, the replies in a Maildir or an mbox.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "callout.h"
#include "cmd.h"
#include "inbox.h"
#include "person.h"
#include "width.h"

/*
 * --at as UTC YYYY-MM-DDTHH:MM:SSZ: that form itself, or a local time
 * "YYYY-MM-DD HH:MM", "YYYY-MM-DDTHH:MM" or "HH:MM" (today).
 */
static int
at_parse(const char *text, char out[21], struct error *err)
{
	static const char *const local[] = { "%Y-%m-%d %H:%M",
	    "%Y-%m-%dT%H:%M", "%H:%M" };
	struct tm tm;
	const char *end;
	time_t t;
	size_t i;

	memset(&tm, 0, sizeof tm);
	if ((end = strptime(text, "%Y-%m-%dT%H:%M:%SZ", &tm)) != NULL &&
	    *end == '\0') {
		t = timegm(&tm);
		strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
		return RC_OK;
	}
	for (i = 0; i < sizeof local / sizeof local[0]; i++) {
		t = time(NULL);
		localtime_r(&t, &tm);
		if ((end = strptime(text, local[i], &tm)) == NULL ||
		    *end != '\0')
			continue;
		tm.tm_sec = 0;
		tm.tm_isdst = -1;
		t = mktime(&tm);
		strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
		return RC_OK;
	}
	return error_set(err, RC_INPUT, "callout reply: --at '%s' is not a "
	    "time (YYYY-MM-DD HH:MM, HH:MM today, or YYYY-MM-DDTHH:MM:SSZ)",
	    text);
}

static int
answer_parse(const char *text, enum reply_answer *a, struct error *err)
{
	enum reply_answer i;

	for (i = ANSWER_YES; i < ANSWER_UNCLEAR; i++)
		if (strcmp(text, reply_answer_name(i)) == 0) {
			*a = i;
			return RC_OK;
		}
	return error_set(err, RC_INPUT, "callout reply: unknown answer '%s' "
	    "(expected yes, no or maybe)", text);
}

static int
cmd_callout_reply_exec(struct cli *c, const struct cli_args *a,
    struct error *err)
{
	struct reply_in in = { a->words[0], NULL, 0, "", NULL, REPLY_PHONE,
	    ANSWER_UNCLEAR, cli_value(a, "note", 0), "", NULL };
	const char *at = cli_value(a, "at", 0), *n = cli_value(a, "reply", 0);
	struct reply_out out;
	struct store *s;
	char when[21], name[256], *end;
	long long pk = 0;
	int rc;

	if ((rc = answer_parse(a->words[2], &in.answer, err)) != RC_OK)
		return rc;
	if (at != NULL && (rc = at_parse(at, when, err)) != RC_OK)
		return rc;
	in.at = at != NULL ? when : NULL;
	if (n != NULL && ((pk = strtoll(n, &end, 10)) <= 0 || *end != '\0'))
		return error_set(err, RC_INPUT, "callout reply: --reply '%s' "
		    "is not a reply's number", n);
	if ((rc = cli_open(c, 0, &s, err)) != RC_OK)
		return rc;
	if ((rc = cli_person(s, "callout reply", a->words[1], &in.person,
	    err)) == RC_OK)
		rc = pk != 0 ? reply_decide(s, pk, &in, &out, err) :
		    reply_record(s, &in, &out, err);
	/* A refused yes is kept, and said as a refusal. */
	if (rc == RC_OK && strncmp(out.outcome, "booked on ", 10) == 0)
		rc = error_set(err, RC_REFUSED, "callout reply: %s said yes, "
		    "but is %s: the reply is kept, the booking refused",
		    person_name(s, in.person, name, sizeof name),
		    out.outcome);
	else if (rc == RC_OK)
		cli_note("roster: %s: %s on '%s': %s\n", person_name(s,
		    in.person, name, sizeof name), reply_answer_name(in.answer),
		    a->words[0], out.outcome);
	store_close(s);
	return rc;
}

static const struct cli_opt reply_opts[] = {
	{ "at", CLI_VALUE, "a time", NULL },
	{ "note", CLI_VALUE, "a note", NULL },
	{ "reply", CLI_VALUE, "a reply's number", NULL },
	{ NULL, 0, NULL, NULL },
};

const struct cmd_entry cmd_callout_reply_entry = {
	.name = "callout reply",
	.usage = "NAME ID yes|no|maybe [--at TIME] [--note TEXT] [--reply N]",
	.lower = 3,
	.upper = 3,
	.opts = reply_opts,
	.exec = cmd_callout_reply_exec,
};

/* Adds s to b, its control characters escaped, then sep. */
static void
field(struct strbuf *b, const char *s, const char *sep)
{
	width_escape(b, s[0] != '\0' ? s : "-");
	strbuf_adds(b, sep);
}

static void
inbox_line(const struct inbox_item *it, void *arg)
{
	struct strbuf b = { 0 };

	(void)arg;
	field(&b, it->file, "  ");
	field(&b, it->sender, "  ");
	field(&b, it->code, "  ");
	field(&b, reply_answer_name(it->answer), "  ");
	if (it->unread)
		strbuf_adds(&b, "not read: not a mail message");
	else if (it->out == NULL)
		strbuf_adds(&b, "not recorded (dry run)");
	else if (it->out->duplicate)
		strbuf_adds(&b, "kept before");
	else
		field(&b, it->out->outcome, "");
	fprintf(stdout, "%s\n", strbuf_str(&b));
	strbuf_free(&b);
}

static int
cmd_callout_inbox_exec(struct cli *c, const struct cli_args *a,
    struct error *err)
{
	struct inbox_totals t;
	struct store *s;
	int rc;

	if ((rc = cli_open(c, 0, &s, err)) != RC_OK)
		return rc;
	rc = inbox_read(s, a->words[0], cli_flag(a, "dry-run"), inbox_line,
	    NULL, &t, err);
	if (rc == RC_OK)
		printf("%ld read, %ld kept, %ld kept before, %ld unclear\n",
		    t.read, t.kept, t.duplicate, t.unclear);
	store_close(s);
	return rc;
}

static const struct cli_opt inbox_opts[] = {
	{ "dry-run", 0, NULL, NULL },
	{ NULL, 0, NULL, NULL },
};

const struct cmd_entry cmd_callout_inbox_entry = {
	.name = "callout inbox",
	.usage = "MAILDIR|MBOX [--dry-run]",
	.lower = 1,
	.upper = 1,
	.opts = inbox_opts,
	.exec = cmd_callout_inbox_exec,
};
