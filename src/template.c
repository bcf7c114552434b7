/*
 * template.c - call-out texts: the ones compiled in, the files that
 * replace them, and filling in their placeholders.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "template.h"

static const char *const names[TV_N] = {
	"deployment", "kind", "country", "window", "role", "answer", "code",
	"given", "family", "sender",
};

static const char *const waves[] = { "info", "alert", "deploy",
    "stand-down" };
static const char *const vias[] = { "email", "sms", "print" };

/* The texts compiled in, by wave then channel (e-mail, SMS), with the
 * deployment's details in the same words in each e-mail.  An SMS stays
 * short: one or two messages of 160 characters. */
#define DETAILS(role) \
	"  Deployment:   {deployment}\n" \
	"  What:         {kind} in {country}\n" \
	"  When:         {window}\n" \
	"  " role "{role}\n\n" \
	"{answer}\n\n" \
	"Regards,\n{sender}\n"
static const char *const builtin[][2] = {
	[WAVE_INFO] = {
	    "Subject: [{code}] For information: {deployment}, {kind} in "
	    "{country}\n\n"
	    "Dear {given} {family},\n\n"
	    "This is early notice of a possible deployment. Nothing is "
	    "decided yet.\n\n"
	    DETAILS("Asked of you: "),
	    "{code}: early notice, {kind} in {country}, {window}, as {role}. "
	    "{answer} {sender}",
	},
	[WAVE_ALERT] = {
	    "Subject: [{code}] Can you deploy? {deployment}, {kind} in "
	    "{country}\n\n"
	    "Dear {given} {family},\n\n"
	    "We are putting a team together and would like to know whether "
	    "you can go.\n\n"
	    DETAILS("Asked of you: "),
	    "{code}: can you deploy? {kind} in {country}, {window}, as "
	    "{role}. {answer} {sender}",
	},
	[WAVE_DEPLOY] = {
	    "Subject: [{code}] Deployment confirmed: {deployment}, {kind} "
	    "in {country}\n\n"
	    "Dear {given} {family},\n\n"
	    "You are on the team. Please get ready to leave.\n\n"
	    DETAILS("Your role:    "),
	    "{code}: you deploy to {kind} in {country}, {window}, as {role}. "
	    "{answer} {sender}",
	},
	[WAVE_STAND_DOWN] = {
	    "Subject: [{code}] Stand down: {deployment}\n\n"
	    "Dear {given} {family},\n\n"
	    "The deployment {deployment} ({kind} in {country}, {window}) "
	    "no longer needs you. Thank you for being ready.\n\n"
	    "{answer}\n\n"
	    "Regards,\n{sender}\n",
	    "{code}: stand down, {deployment} no longer needs you. Thank "
	    "you. {answer} {sender}",
	},
};

const char *
template_name(enum template_var v)
{
	return names[v];
}

const char *
callout_wave_name(enum callout_wave w)
{
	return waves[w];
}

const char *
callout_via_name(enum callout_via v)
{
	return vias[v];
}

/* The directory of overrides, $XDG_CONFIG_HOME/roster or
 * ~/.config/roster, into dir; 0 when there is none to look in. */
static int
config_dir(char *dir, size_t len)
{
	const char *env, *home;

	if ((env = getenv("XDG_CONFIG_HOME")) != NULL && *env == '/')
		return snprintf(dir, len, "%s/roster", env) < (int)len;
	if ((home = getenv("HOME")) != NULL && *home != '\0')
		return snprintf(dir, len, "%s/.config/roster", home) <
		    (int)len;
	return 0;
}

/* The whole file into *text: RC_OK, RC_REFUSED when it is missing. */
static int
read_file(const char *path, char **text, struct error *err)
{
	struct strbuf b = { 0 };
	char buf[4096];
	size_t n;
	FILE *fp;

	if ((fp = fopen(path, "r")) == NULL) {
		if (errno == ENOENT)
			return RC_REFUSED;
		return error_set(err, RC_INPUT, "%s: %s", path,
		    strerror(errno));
	}
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		strbuf_add(&b, buf, n);
	if (ferror(fp)) {
		fclose(fp);
		strbuf_free(&b);
		return error_set(err, RC_INPUT, "%s: read error", path);
	}
	fclose(fp);
	if (memchr(strbuf_str(&b), '\0', b.len) != NULL) {
		strbuf_free(&b);
		return error_set(err, RC_INPUT, "%s: not a text file", path);
	}
	strbuf_adds(&b, "");
	*text = strbuf_steal(&b);
	return RC_OK;
}

int
template_load(enum callout_wave w, enum callout_via v, char **text,
    char *file, size_t len, struct error *err)
{
	char dir[4096];
	int rc;

	*text = NULL;
	if (config_dir(dir, sizeof dir)) {
		snprintf(file, len, "%s/callout-%s.%s", dir, waves[w], vias[v]);
		if ((rc = read_file(file, text, err)) == RC_INPUT)
			return rc;
	}
	if (*text == NULL) {
		snprintf(file, len, "built-in callout-%s.%s", waves[w],
		    vias[v]);
		*text = xstrdup(builtin[w][v == VIA_SMS]);
	}
	if ((rc = template_expand(*text, file, NULL, NULL, err)) != RC_OK) {
		free(*text);
		*text = NULL;
	}
	return rc;
}

/* The placeholder named by the len bytes at s, or TV_N. */
static enum template_var
lookup(const char *s, size_t len)
{
	int v;

	for (v = 0; v < TV_N; v++)
		if (strlen(names[v]) == len && strncmp(s, names[v], len) == 0)
			return v;
	return TV_N;
}

int
template_expand(const char *text, const char *file,
    const char *const vals[TV_N], struct strbuf *out, struct error *err)
{
	const char *p, *end;
	enum template_var v;
	long line = 1;

	for (p = text; *p != '\0'; p++) {
		if (*p == '\n')
			line++;
		if (*p != '{') {
			if (out != NULL)
				strbuf_add(out, p, 1);
			continue;
		}
		if (p[1] == '{') {
			if (out != NULL)
				strbuf_add(out, p++, 1);
			continue;
		}
		end = strpbrk(p + 1, "}\n");
		if (end == NULL || *end != '}')
			return error_set(err, RC_INPUT, "%s, line %ld: a "
			    "placeholder '{' is not closed on its line "
			    "(write {{ for a brace)", file, line);
		if ((v = lookup(p + 1, end - p - 1)) == TV_N)
			return error_set(err, RC_INPUT, "%s, line %ld: unknown "
			    "placeholder {%.*s} (roster(5) lists them)", file,
			    line, (int)(end - p - 1 > 40 ? 40 : end - p - 1),
			    p + 1);
		if (out != NULL && vals != NULL)
			strbuf_adds(out, vals[v]);
		p = end;
	}
	return RC_OK;
}

int
template_subject(char *mail, const char *file, char **subject, char **body,
    struct error *err)
{
	char *nl;

	if (strncmp(mail, "Subject: ", 9) != 0 ||
	    (nl = strchr(mail, '\n')) == NULL)
		return error_set(err, RC_INPUT, "%s, line 1: an e-mail "
		    "template begins with \"Subject: \" and a blank line",
		    file);
	*nl = '\0';
	*subject = mail + 9;
	*body = nl + 1;
	if (**body == '\n')
		(*body)++;
	return RC_OK;
}
