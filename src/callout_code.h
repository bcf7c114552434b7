/*
 * callout_code.h - reply codes: the letters of a deployment's name and a
 * number (IRMA, IRMA2, IRMA3...), unique among the open call-outs (the
 * callout_code index of db/004-callout.sql) so that a reply quoting one
 * finds its call-out.
 *
 * Memory: the code is written into a caller-owned buffer.
 */
#ifndef ROSTER_CALLOUT_CODE_H
#define ROSTER_CALLOUT_CODE_H

#include "callout.h"
#include "error.h"
#include "store.h"

/* Letters of a code taken from the name, at most; short for SMS. */
#define CALLOUT_CODE_LETTERS	6

/* The stem: the ASCII letters of the name's first word that has any,
 * in upper case, at most CALLOUT_CODE_LETTERS of them; "CALL" when the
 * name has none. */
void	callout_code_stem(const char *name, char code[CALLOUT_CODE_LEN]);
/*
 * Closes (open = 0) the call-outs of closed deployments, freeing their
 * codes: a deployment may be closed by deploy close, deploy edit or an
 * import, and this is where it matters, before a code is handed out.
 */
int	callout_code_free(struct store *, struct error *err);
/* The first of STEM, STEM2, STEM3... no open call-out of a deployment
 * still open has, in the caller's transaction for it to stay free until
 * the insert (after callout_code_free). */
int	callout_code_new(struct store *, const char *name,
	    char code[CALLOUT_CODE_LEN], struct error *err);

#endif
