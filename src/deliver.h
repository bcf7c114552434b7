/*
 * deliver.h - handing a message to the software that delivers it: e-mail
 * to sendmail(8) ("/usr/sbin/sendmail -t -i", or $ROSTER_SENDMAIL), built
 * with GMime; SMS to a command run as "PROG TEXT NUMBER -text MESSAGE"
 * (gammu-smsd-inject, or $ROSTER_SMS).  Programs are run by fork and
 * exec, their command split at blanks with no shell, so no text from the
 * data is ever interpreted.
 *
 * A delivery that fails (a missing program, a non-zero exit, a signal)
 * returns -1 with the reason in why: the first line of what the program
 * said on its standard error, or how it ended.
 *
 * Memory: everything is borrowed for the call.
 */
#ifndef ROSTER_DELIVER_H
#define ROSTER_DELIVER_H

#include <stddef.h>

#define DELIVER_WHY_LEN	256

/* An e-mail message as it goes out. */
struct deliver_mail {
	const char	*from;		/* "Name <addr>" or "addr" */
	const char	*to_name, *to;
	const char	*subject, *body;
};

/* The From of call-outs: $ROSTER_FROM, else login@host, into out; the
 * name to sign with (the display name, else the address) into name. */
void	deliver_from(char *out, size_t len, char *name, size_t namelen);
/* The message as sendmail -t is given it, into out (free()). */
char	*deliver_mail_text(const struct deliver_mail *);
int	deliver_mail(const struct deliver_mail *, char why[DELIVER_WHY_LEN]);
int	deliver_sms(const char *number, const char *text,
	    char why[DELIVER_WHY_LEN]);
/*
 * Runs the command line cmd (split at blanks) with the arguments args
 * after it and input on its standard input: 0 when it exits 0, else -1
 * and why.
 */
int	deliver_run(const char *cmd, const char *const *args, size_t nargs,
	    const char *input, char why[DELIVER_WHY_LEN]);

#endif
