/*
 * inbox.h - reading replies to call-outs from a mailbox (roster(1),
 * "callout inbox"): a Maildir (its cur/ and new/) or an mbox file, parsed
 * with GMime, each message read by reply_read and kept by reply_record
 * (callout.h).  The mailbox is only read, never changed; a message kept
 * before (by its Message-ID) is kept once.
 *
 * Memory: the strings of struct inbox_item are valid during the call of
 * the callback only.
 */
#ifndef ROSTER_INBOX_H
#define ROSTER_INBOX_H

#include "callout.h"

/* What was done with one message. */
struct inbox_item {
	const char		*file;		/* "new/1700.M1.host", "message 3" */
	const char		*sender;	/* "" when it had none */
	const char		*code;		/* the reply code found, or "" */
	enum reply_answer	 answer;	/* as read */
	const struct reply_out	*out;		/* NULL in a dry run or unread */
	int			 unread;	/* no mail message: not kept */
};

struct inbox_totals {
	long	read, kept, duplicate, unclear;
};

/*
 * Reads every message of the mailbox at path, calling fn for each; with
 * dry_run set nothing is recorded.  RC_INPUT when path is neither a
 * Maildir nor a file; a message GMime cannot parse is reported unread
 * and not kept.
 */
int	inbox_read(struct store *, const char *path, int dry_run,
	    void (*fn)(const struct inbox_item *, void *), void *arg,
	    struct inbox_totals *, struct error *err);

#endif
