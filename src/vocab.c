#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "vocab.h"

static const char *const deploy_kinds[] = { "hurricane", "earthquake",
    "flood", "air-disaster", "civil-unrest", "pandemic", "other", NULL };
static const char *const deploy_statuses[] = { "planning", "active",
    "closed", NULL };
static const char *const person_statuses[] = { "active", "inactive", "left",
    NULL };
static const char *const dnc_reasons[] = { "leave", "illness", "personal",
    "other", NULL };
static const char *const genders[] = { "f", "m", "x", NULL };
static const char *const member_statuses[] = { "proposed", "contacted",
    "confirmed", "deployed", "returned", "declined", "withdrawn", NULL };
static const char *const levels[] = { "A1", "A2", "B1", "B2", "C1", "C2",
    "native", NULL };

const struct vocab_list vocab_deploy_kinds = { deploy_kinds };
const struct vocab_list vocab_deploy_statuses = { deploy_statuses };
const struct vocab_list vocab_person_statuses = { person_statuses };
const struct vocab_list vocab_genders = { genders };
const struct vocab_list vocab_dnc_reasons = { dnc_reasons };
const struct vocab_list vocab_member_statuses = { member_statuses };
const struct vocab_list vocab_levels = { levels };

int
vocab_find(const struct vocab_list *v, const char *word)
{
	int i;

	for (i = 0; v->words[i] != NULL; i++)
		if (strcasecmp(word, v->words[i]) == 0)
			return i;
	return -1;
}

const char *
vocab_expected(const struct vocab_list *v, int style, char *buf, size_t len)
{
	const char *sep = (style & VOCAB_SPACED) ? " " : ", ";
	const char *last = (style & VOCAB_NO_OR) ? sep : " or ";
	size_t n, i, at = 0;
	int w;

	for (n = 0; v->words[n] != NULL; n++)
		;
	buf[0] = '\0';
	for (i = 0; i < n && at < len; i++) {
		w = snprintf(buf + at, len - at, "%s%s", i == 0 ? "" :
		    i + 1 < n || (style & VOCAB_OR_EMPTY) ? sep : last,
		    v->words[i]);
		at += w > 0 ? (size_t)w : 0;
	}
	if ((style & VOCAB_OR_EMPTY) && at < len)
		snprintf(buf + at, len - at, "%sempty", last);
	return buf;
}
