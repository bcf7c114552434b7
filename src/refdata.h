/*
 * refdata.h - the reference data compiled into every database: countries,
 * languages, CEFR levels, and the theme and skill vocabularies.
 *
 * Look-ups return RC_OK when found, RC_REFUSED when not (err then says what
 * was expected and, when one is close, suggests it), or RC_DB.
 *
 * Memory: outputs are caller-owned buffers, except refdata_prefix's list,
 * which the caller frees with strv_free (strbuf.h).
 */
#ifndef ROSTER_REFDATA_H
#define ROSTER_REFDATA_H

#include <stddef.h>

#include "error.h"
#include "store.h"

enum vocab { VOCAB_THEME, VOCAB_SKILL };

#define LEVEL_NATIVE 7

/* A country by ISO 3166-1 alpha-2 code or English name; out is "ML". */
int	refdata_country(struct store *, const char *text, char out[3],
	    struct error *err);
/* A language by ISO 639-1 code or English name; out is "fr". */
int	refdata_language(struct store *, const char *text, char out[3],
	    struct error *err);
/*
 * A CEFR level A1..C2, "native" or its short "N" (any case) as 1..7; 0 if
 * not one.  Files and filters both read levels through this.
 */
int	refdata_level(const char *text);
const char *refdata_level_name(int level);

/* Whether slug is in the vocabulary exactly. */
int	refdata_vocab(struct store *, enum vocab, const char *slug,
	    struct error *err);
/*
 * Every slug of the vocabulary whose slug or label starts with prefix, or
 * whose abbreviation it is (case-insensitive).
 */
int	refdata_prefix(struct store *, enum vocab, const char *prefix,
	    char ***slugs, size_t *n, struct error *err);

const char *refdata_vocab_name(enum vocab);

/* Levenshtein distance, for "did you mean" suggestions. */
size_t	refdata_distance(const char *a, const char *b);

#endif
