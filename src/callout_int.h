/*
 * callout_int.h - what the parts of callout_send share: the wave being
 * sent, and its records (callout_record.c).
 *
 * Memory: struct wave owns its deployment, template and member list,
 * released by callout_send.
 */
#ifndef ROSTER_CALLOUT_INT_H
#define ROSTER_CALLOUT_INT_H

#include "callout.h"
#include "deliver.h"
#include "deploy.h"
#include "template.h"

struct wave {
	struct store			*s;
	const struct callout_request	*req;
	struct callout_result		*res;
	struct deployment		 d;
	int				 today;
	char				*text;		/* the template */
	char				 file[4200];	/* where it came from */
	char				 country[128], window[128];
	char				 from[512], sender[256];
	long long			 callout;	/* pk; 0: not yet */
	struct member			*m;
	size_t				 nm;
};

/* What became of one message. */
struct outcome {
	const char	*address;
	const char	*result;	/* "sent", "failed", "printed" */
	char		 why[DELIVER_WHY_LEN];
};

/* Records the call-out itself and takes its code into w->res->code. */
int	callout_record_new(struct wave *, struct error *err);
/* Records the message to member m, moving them from proposed to
 * contacted when it was not a failure nor a stand-down, in one short
 * transaction. */
int	callout_record_message(struct wave *, const struct member *m,
	    const struct outcome *, struct error *err);
/* Whether m had this wave of this deployment already (not a failure). */
int	callout_had_wave(struct wave *, const struct member *m, int *had,
	    struct error *err);
/* Whether m is marked do not call today. */
int	callout_dnc(struct wave *, const struct member *m, int *dnc,
	    struct error *err);

#endif
