/*
 * demo_names.h - the nationalities of the demo pool: given and family names
 * in their own spelling and script, native language, home agencies and
 * their ranks, and the shape of a mobile number.
 *
 * Memory: everything here is static and read-only.
 */
#ifndef ROSTER_DEMO_NAMES_H
#define ROSTER_DEMO_NAMES_H

#include <stddef.h>

/* What kind of service an agency is, which decides its ranks. */
enum demo_kind {
	DEMO_POLICE,
	DEMO_MILITARY,		/* gendarmeries and border guards */
	DEMO_CUSTOMS,
	DEMO_CIVIL,		/* ministries, prosecutors, civil protection */
	DEMO_NKINDS
};

struct demo_agency {
	const char	*name;
	const char	*domain;	/* mail domain, ASCII, under .example */
	enum demo_kind	 kind;
	int		 weight;
};

struct demo_rank {
	const char	*name;
	int		 weight;
};

struct demo_ranks {
	const struct demo_rank	*ranks;
	size_t			 n;
};

struct demo_nation {
	const char		 *country;	/* ISO 3166-1 alpha-2 */
	const char		 *lang;		/* ISO 639-1, spoken natively */
	/* A mobile number: 'D' is any digit, "[67]" one of 6 and 7. */
	const char		 *phone;
	/*
	 * Languages they learn besides English, as "de fr ru": two letters
	 * and a space each, repeated for weight.
	 */
	const char		 *extra;
	/* Host countries their agencies send people to more than others. */
	const char		 *affinity;
	int			  weight;	/* share of the pool */
	int			  double_family;	/* percent with two */
	const char *const	 *given_f;
	size_t			  ngiven_f;
	const char *const	 *given_m;
	size_t			  ngiven_m;
	const char *const	 *family;	/* the masculine or only form */
	size_t			  nfamily;
	/* Feminine forms in the same order as family, or NULL. */
	const char *const	 *family_f;
	const struct demo_agency *agencies;
	size_t			  nagencies;
};

extern const struct demo_nation	demo_nations[];
extern const size_t		demo_nnations;
extern const struct demo_ranks	demo_ranks[DEMO_NKINDS];

#endif
