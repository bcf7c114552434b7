/*
 * template.h - the texts of call-out messages (roster(5), "Call-out
 * templates"): one per wave and channel, compiled in, each of which a
 * file under $XDG_CONFIG_HOME/roster/ (callout-alert.email,
 * callout-deploy.sms...) replaces, with {placeholders} filled in per
 * member.  An e-mail's text begins with a "Subject: " line and a blank
 * line.
 *
 * Memory: template_load's text is the caller's to free; expansions are
 * appended to a caller-owned strbuf.
 */
#ifndef ROSTER_TEMPLATE_H
#define ROSTER_TEMPLATE_H

#include <stddef.h>

#include "callout.h"
#include "error.h"
#include "strbuf.h"

/* The placeholders, in the order template_names lists them. */
enum template_var { TV_DEPLOYMENT, TV_KIND, TV_COUNTRY, TV_WINDOW,
    TV_ROLE, TV_ANSWER, TV_CODE, TV_GIVEN, TV_FAMILY, TV_SENDER, TV_N };

/* "deployment", "kind"...: what goes between the braces. */
const char	*template_name(enum template_var);
const char	*callout_wave_name(enum callout_wave);
const char	*callout_via_name(enum callout_via);

/*
 * The text for the wave on the channel (VIA_EMAIL or VIA_SMS) into
 * *text: the override file if there is one (its path into file), else
 * the one compiled in (file "built-in callout-WAVE.CHANNEL").  The
 * placeholders are checked: an unknown one is RC_INPUT naming the file
 * and line.
 */
int	template_load(enum callout_wave, enum callout_via, char **text,
	    char *file, size_t len, struct error *err);
/*
 * Appends text to out with each {name} replaced by vals[name] and {{ by
 * a brace; vals NULL checks only.  RC_INPUT naming file and line at an
 * unknown or unclosed placeholder.
 */
int	template_expand(const char *text, const char *file,
	    const char *const vals[TV_N], struct strbuf *out,
	    struct error *err);
/*
 * Splits an expanded e-mail into its subject (the text after "Subject: "
 * on the first line) and body, in place; RC_INPUT naming file when the
 * first line is not a subject.
 */
int	template_subject(char *mail, const char *file, char **subject,
	    char **body, struct error *err);

#endif
