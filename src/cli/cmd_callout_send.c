/* roster callout send: a wave of a call-out, by e-mail, SMS or on paper. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "callout.h"
#include "cmd.h"
#include "strbuf.h"

static const char *const wave_words[] = { "info", "alert", "deploy",
    "stand-down" };
static const char *const via_words[] = { "email", "sms", "print" };

static int
word_index(const char *const *words, size_t n, const char *w, int dflt)
{
	size_t i;

	if (w == NULL)
		return dflt;
	for (i = 0; i < n; i++)
		if (strcmp(words[i], w) == 0)
			return (int)i;
	return dflt;
}

/* The --to values, each split at commas, into r->to (strv_free). */
static char **
to_words(const struct cli_args *a, size_t *n)
{
	char **v = NULL, *copy, *p, *last;
	int i;

	*n = 0;
	for (i = 0; i < cli_count(a, "to"); i++) {
		copy = xstrdup(cli_value(a, "to", i));
		for (p = strtok_r(copy, ", ", &last); p != NULL;
		    p = strtok_r(NULL, ", ", &last)) {
			v = xrealloc(v, (*n + 1) * sizeof *v);
			v[(*n)++] = xstrdup(p);
		}
		free(copy);
	}
	return v;
}

/* What was done, on stderr: the results of stdout are the messages. */
static void
summary(const struct callout_request *r, const struct callout_result *res)
{
	const char *p;
	size_t n;

	for (p = strbuf_str(&res->notes); *p != '\0'; p += n + 1) {
		n = strcspn(p, "\n");
		cli_note("roster: %.*s\n", (int)n, p);
	}
	cli_note("roster: %s of '%s', reply code %s: %ld %s, %ld failed",
	    wave_words[r->wave], r->deployment, res->code,
	    r->via == VIA_PRINT ? res->printed : res->sent,
	    r->dry_run ? "composed (dry run: nothing sent or recorded)" :
	    r->via == VIA_PRINT ? "printed" : "sent", res->failed);
	if (res->skipped > 0)
		cli_note(", %ld skipped (had it already; --again sends it "
		    "again)", res->skipped);
	cli_note("\n");
}

static int
cmd_callout_send_exec(struct cli *c, const struct cli_args *a,
    struct error *err)
{
	struct callout_request r;
	struct callout_result res;
	struct store *s;
	char **to;
	size_t nto;
	int rc;

	memset(&r, 0, sizeof r);
	r.deployment = a->words[0];
	r.wave = word_index(wave_words, 4, cli_value(a, "wave", 0),
	    WAVE_ALERT);
	r.via = word_index(via_words, 3, cli_value(a, "via", 0), VIA_EMAIL);
	r.again = cli_flag(a, "again");
	r.dry_run = cli_flag(a, "dry-run");
	r.out = stdout;
	to = to_words(a, &nto);
	r.to = (const char *const *)to;
	r.nto = nto;
	memset(&res, 0, sizeof res);
	if ((rc = cli_open(c, 0, &s, err)) == RC_OK) {
		rc = callout_send(s, &r, &res, err);
		fflush(stdout);
		if (rc == RC_OK) {
			summary(&r, &res);
			if (res.failed > 0 && !r.dry_run)
				rc = RC_REFUSED;
		}
		store_close(s);
	}
	strbuf_free(&res.notes);
	strv_free(to, nto);
	return rc;
}

static const struct cli_opt send_opts[] = {
	{ "wave", CLI_VALUE, NULL, "info|alert|deploy|stand-down" },
	{ "to", CLI_VALUE | CLI_REPEAT, "a status or a person", NULL },
	{ "via", CLI_VALUE, NULL, "email|sms|print" },
	{ "dry-run", 0, NULL, NULL },
	{ "again", 0, NULL, NULL },
	{ NULL, 0, NULL, NULL },
};

const struct cmd_entry cmd_callout_send_entry = {
	.name = "callout send",
	.usage = "NAME [--wave info|alert|deploy|stand-down] "
	    "[--to WHO]... [--via email|sms|print] [--dry-run] "
	    "[--again]",
	.lower = 1,
	.upper = 1,
	.opts = send_opts,
	.exec = cmd_callout_send_exec,
};
