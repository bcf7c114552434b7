/*
 * callout.h - the call-out desk (db/004-callout.sql): waves of messages
 * to a deployment's members, each with a reply code, delivered through
 * sendmail(8), an SMS command or on paper, and the replies to them.
 *
 * Memory: the strings of the request and reply structs are borrowed for
 * the call; results are filled into caller-owned structs.
 */
#ifndef ROSTER_CALLOUT_H
#define ROSTER_CALLOUT_H

#include <stddef.h>
#include <stdio.h>

#include "error.h"
#include "store.h"
#include "strbuf.h"

enum callout_wave { WAVE_INFO, WAVE_ALERT, WAVE_DEPLOY, WAVE_STAND_DOWN };
enum callout_via { VIA_EMAIL, VIA_SMS, VIA_PRINT };

#define CALLOUT_CODE_LEN	16

struct callout_request {
	const char		*deployment;	/* its name, in any case */
	enum callout_wave	 wave;
	enum callout_via	 via;
	/* Statuses (proposed, contacted...) or person ids; none: proposed. */
	const char *const	*to;
	size_t			 nto;
	int			 again;		/* resend this wave to them */
	int			 dry_run;	/* compose, record nothing */
	FILE			*out;		/* print and dry run write here */
};

struct callout_result {
	char	code[CALLOUT_CODE_LEN];		/* "IRMA2" */
	long	sent, failed, printed;
	long	skipped;			/* already had this wave */
	/* A line per member not sent to (left, do not call) or whose
	 * delivery failed, naming them and why; the caller frees it
	 * (strbuf_free). */
	struct strbuf notes;
};

/*
 * Sends one wave: one message per member from the wave's template, each
 * recorded with its delivery result (a failure is recorded and the wave
 * goes on), proposed members moved to contacted, all in the audit.
 * RC_REFUSED when nobody is left to send to (all had it: --again).
 */
int	callout_send(struct store *, const struct callout_request *,
	    struct callout_result *, struct error *err);

enum reply_answer { ANSWER_YES, ANSWER_NO, ANSWER_MAYBE, ANSWER_UNCLEAR };
enum reply_channel { REPLY_EMAIL, REPLY_SMS, REPLY_PHONE };
/* "yes", "no", "maybe", "unclear": as the reply table keeps them. */
const char *reply_answer_name(enum reply_answer);

/*
 * Reads an answer tolerantly ("yes", "y", "ok", "oui", "ja", "sí",
 * "A 3", "IRMA2 yes"; quoted text and signatures ignored): the answer,
 * ANSWER_UNCLEAR when it cannot be read for sure, and the reply code
 * found in the text (or "") into code.
 */
enum reply_answer reply_read(const char *text, char code[CALLOUT_CODE_LEN]);
/* The answer as reply_read reads it: the text without quoted lines, the
 * quoted message ("On ... wrote:" on) and the signature ("-- " on). */
char	*reply_text(const char *text);
/* The text of an HTML-only reply, its quoted history left out. */
char	*reply_html_text(const char *html);

struct reply_in {
	const char		*deployment;	/* its name, or NULL: by code */
	const char		*code;		/* or NULL: the latest call-out */
	long long		 person;	/* 0: by sender */
	const char		*sender;	/* the e-mail or number */
	const char		*at;		/* when they answered; NULL: now */
	enum reply_channel	 channel;
	enum reply_answer	 answer;
	const char		*note, *text, *message_id;
};

struct reply_out {
	int	 duplicate;			/* message_id already kept */
	char	 outcome[128];			/* "confirmed", "booked on Ida" */
};

/*
 * Keeps one reply and applies it: yes confirms (a double booking is
 * refused, and the refused yes kept and shown), no declines, maybe
 * leaves the member contacted with the note, unclear waits for a person.
 */
int	reply_record(struct store *, const struct reply_in *,
	    struct reply_out *, struct error *err);
/*
 * Decides the kept reply pk, unclear or not matched to a call-out or a
 * member: in->answer (ANSWER_UNCLEAR: ignored) applied as reply_record
 * applies it, to in->person on in->deployment when given (else the
 * reply's), and kept in its decided column with in->note.  RC_REFUSED
 * when it was read for sure or decided already, or for an answer when
 * the reply has no member and in names none.
 */
int	reply_decide(struct store *, long long pk, const struct reply_in *,
	    struct reply_out *, struct error *err);

#endif
