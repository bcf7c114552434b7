#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bulk.h"
#include "date.h"
#include "demo.h"
#include "demo_names.h"
#include "fts.h"
#include "person.h"
#include "refdata.h"
#include "strbuf.h"
#include "utf8.h"
#include "vocab.h"

#define DEMO_VOCAB	64	/* theme and skill sets are 64-bit masks */
#define DEMO_SERVICES	4
#define DEMO_UNAVAIL	2
#define DEMO_LANGS	8
#define DEMO_WEIGHT	12	/* largest of c->nation_weight: 4 for EU, x3 */

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * xoshiro256** seeded through splitmix64, as its authors advise: fast,
 * good enough for any demo, and the same on every platform, which rand()
 * is not.
 */
struct demo_rng {
	uint64_t	s[4];
};

struct demo_vocab {
	char	*slug[DEMO_VOCAB];	/* strcmp order, the writer's */
	size_t	 n;
};

struct demo_mission {
	char		*name;
	char		 country[3];
	int		 start_year, end_year;	/* end_year INT_MAX: running */
	int		 first;			/* day number of 1 January */
	uint64_t	 themes;		/* bits of c->themes */
	int		 weight;
	const char	*working, *local;	/* see host_langs */
};

static const struct {
	const char	*name;
	const char	*skill;	/* a skill the role builds, or NULL */
	const char	*theme;	/* missions with this theme need the role */
	int		 only;	/* ...and only they have it */
	int		 weight;
} roles[] = {
	{ "Strategic Advisor", "mentoring", NULL, 0, 14 },
	{ "Mentor", "mentoring", NULL, 0, 14 },
	{ "Investigator", "interviewing", "investigations", 0, 12 },
	{ "Border Management Expert", "liaison", "border-management", 1,
	    10 },
	{ "Team Leader", "leadership", NULL, 0, 8 },
	{ "Monitor", "report-writing", "monitoring", 1, 12 },
	{ "Training Officer", "training-delivery", NULL, 0, 10 },
	{ "Liaison Officer", "liaison", NULL, 0, 8 },
	{ "Head of Unit", "leadership", NULL, 0, 4 },
	{ "Analyst", "data-analysis", "criminal-intelligence", 0, 8 },
};

struct demo_ctx {
	struct demo_rng		 rng;
	int			 today, year0, nyears;
	struct demo_vocab	 themes, skills;
	struct demo_mission	*missions;
	size_t			 nmissions;
	/* Missions running in year0 + y: active[off[y]] to active[off[y+1]]. */
	size_t			*active, *off;
	int			*nation_weight;	/* nation x mission */
	/* Indexes of roles[].skill and .theme in the vocabularies, or -1. */
	int			 role_skill[NELEM(roles)];
	int			 role_theme[NELEM(roles)];
	const volatile sig_atomic_t *stop;	/* demo_fill_until's */
};

/* One person being made; every string they borrow lives here. */
struct demo_row {
	struct person		 p;
	char			 family[128], email[256], phone[32];
	char			 notes[160];
	struct service		 sv[DEMO_SERVICES];
	const struct demo_mission *svm[DEMO_SERVICES];
	size_t			 nsv;
	struct unavail		 un[DEMO_UNAVAIL];
	char			 reason[DEMO_UNAVAIL][96];
	size_t			 nun;
	uint64_t		 mission_themes;
};

/*
 * Languages of the host countries, in the two-letters-and-a-space form of
 * demo_nation.extra: the working language that missions there often
 * require (French in the Sahel, Arabic in Libya, Russian in Georgia), and
 * local ones that only a few internationals pick up.
 */
static const struct {
	char		 country[3];
	const char	*working, *local;
} host_langs[] = {
	{ "AF", "", "fa " }, { "AL", "", "sq " }, { "AM", "ru ", "" },
	{ "BA", "", "bs " }, { "BI", "fr ", "" }, { "CD", "fr ", "" },
	{ "CF", "fr ", "" }, { "CI", "fr ", "" }, { "CY", "", "el " },
	{ "GE", "ru ", "" }, { "GT", "es ", "" }, { "GW", "pt ", "" },
	{ "HN", "es ", "" }, { "HR", "", "hr " }, { "HT", "fr ", "" },
	{ "IQ", "ar ", "" }, { "LY", "ar ", "" }, { "MD", "ru ", "ro " },
	{ "ME", "", "sr " }, { "MK", "", "mk " }, { "ML", "fr ", "" },
	{ "NE", "fr ", "" }, { "PS", "ar ", "" }, { "RS", "", "sr " },
	{ "RU", "ru ", "" }, { "SD", "ar ", "" }, { "SO", "", "so " },
	{ "TD", "fr ar ", "" }, { "TL", "pt ", "" }, { "UA", "ru ", "uk " },
	{ "XK", "", "sq sr " },
};

static const struct {
	const char	*text;
	int		 open;	/* may run with no end in sight */
} reasons[] = {
	{ "parental leave", 1 }, { "training course", 0 }, { "medical", 1 },
	{ "secondment", 1 }, { "exam period", 0 }, { "annual leave", 0 },
	{ "court hearings", 0 }, { "family reasons", 1 },
	{ "home-unit operation", 0 }, { "sabbatical", 1 },
};

static const char *const notes[] = {
	"Prefers francophone postings.",
	"Former DVI team lead at MH17 identification.",
	"Holds a valid UN driving permit.",
	"Trained trainer for HEAT courses.",
	"Worked on Hurricane Irma relief in Sint Maarten (2017).",
	"Seconded to Europol 2019-2021.",
	"Not deployable to high-altitude areas (medical).",
	"Knows EU procurement rules well.",
	"Team leader profile; good with host-nation counterparts.",
	"Background in maritime police; certified boat operator.",
	"Interested in gender advisor roles.",
	"Prefers missions of at least 12 months.",
	"Part-time contract; deployable for 3 months at most.",
	"Certified crime-scene investigator.",
	"Has EU SECRET security clearance.",
	"No deployments longer than 6 months (family).",
	"Contact through home unit only.",
	"Former liaison officer at the embassy in Bamako.",
	"Excellent report writer; drafted the mission's SOPs.",
	"Qualified armoured-vehicle driver.",
	"Learned Russian during the OSCE SMM posting.",
	"Interpol DVI certified.",
	"Good network in the Kosovo judiciary.",
	"Needs two weeks to hand over current cases.",
	"Cyber forensics: mobile devices and cloud.",
	"Wants to go back to the Sahel.",
	"Trainer on the CEPOL pre-deployment course.",
	"Returned early from last mission for family reasons.",
	"Recommended by Head of Mission for a senior role.",
	"EU Civil Protection team, Türkiye earthquake (2023).",
	"Experience with mass-casualty coordination.",
	"Not available during school holidays.",
	"Speaks some Tetum (Timor-Leste).",
	"Arbeitet Teilzeit; Einsatz höchstens 6 Monate.",
	"Préfère les missions en Afrique de l'Ouest.",
	"Ervaring met grensbewaking op Schiphol.",
	"Experienced negotiator in hostage situations.",
	"Firearms instructor, also for armoured vehicles.",
};

static uint64_t
demo_splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void
demo_seed(struct demo_rng *r, unsigned long long seed)
{
	uint64_t x = seed;
	size_t i;

	for (i = 0; i < NELEM(r->s); i++)
		r->s[i] = demo_splitmix(&x);
}

static uint64_t
demo_rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t
demo_next(struct demo_rng *r)
{
	uint64_t *s = r->s, result = demo_rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = demo_rotl(s[3], 45);
	return result;
}

/* [0, n) by multiply and shift: its bias is far below what a demo shows. */
static unsigned
demo_below(struct demo_rng *r, size_t n)
{
	return (unsigned)(((demo_next(r) >> 32) * (uint64_t)n) >> 32);
}

static int
demo_between(struct demo_rng *r, int lo, int hi)
{
	return lo + (int)demo_below(r, (size_t)(hi - lo + 1));
}

static int
demo_percent(struct demo_rng *r, unsigned p)
{
	return demo_below(r, 100) < p;
}

/* An index drawn with the given weights. */
static size_t
demo_weighted(struct demo_rng *r, const int *w, size_t n)
{
	unsigned total = 0, x;
	size_t i;

	for (i = 0; i < n; i++)
		total += (unsigned)w[i];
	x = demo_below(r, total);
	for (i = 0; i + 1 < n && x >= (unsigned)w[i]; i++)
		x -= (unsigned)w[i];
	return i;
}

/* The nth (from 0) set bit of mask, which has more than n set. */
static size_t
demo_nth_bit(uint64_t mask, unsigned n)
{
	size_t i;

	for (i = 0; i < 64; i++)
		if ((mask >> i) & 1 && n-- == 0)
			return i;
	return 0;
}

static size_t
demo_random_bit(struct demo_rng *r, uint64_t mask)
{
	return demo_nth_bit(mask, demo_below(r,
	    (size_t)__builtin_popcountll(mask)));
}

/*
 * Adds members of a vocabulary of n to the set have until it holds want,
 * drawing from prefer most of the time, since people's own themes follow
 * their missions.
 */
static uint64_t
demo_grow_set(struct demo_rng *r, uint64_t have, uint64_t prefer, size_t n,
    size_t want)
{
	size_t tries;

	if (want > n)
		want = n;
	for (tries = 0; tries < 32 &&
	    (size_t)__builtin_popcountll(have) < want; tries++)
		have |= (uint64_t)1 << (prefer && demo_percent(r, 70) ?
		    demo_random_bit(r, prefer) : demo_below(r, n));
	return have;
}

/* The slugs of mask in vocabulary order, which is the writer's order. */
static size_t
demo_slugs(const struct demo_vocab *v, uint64_t mask,
    const char *out[PERSON_MAX_LIST])
{
	size_t i, n = 0;

	for (i = 0; i < v->n; i++)
		if ((mask >> i) & 1)
			out[n++] = v->slug[i];
	return n;
}

static int
demo_year(int day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	return y;
}

static int
demo_vocab_index(const struct demo_vocab *v, const char *slug)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		if (strcmp(v->slug[i], slug) == 0)
			return (int)i;
	return -1;
}

/*
 * A version 4 UUID from the demo's own generator rather than libuuid, so
 * that the same seed gives the same ids.
 */
static void
demo_uuid(struct demo_rng *r, char out[PERSON_ID_LEN])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char b[16];
	uint64_t hi = demo_next(r), lo = demo_next(r);
	size_t i, j;

	for (i = 0; i < 8; i++) {
		b[i] = (unsigned char)(hi >> (56 - 8 * i));
		b[i + 8] = (unsigned char)(lo >> (56 - 8 * i));
	}
	b[6] = (b[6] & 0x0f) | 0x40;
	b[8] = (b[8] & 0x3f) | 0x80;
	for (i = j = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[j++] = '-';
		out[j++] = hex[b[i] >> 4];
		out[j++] = hex[b[i] & 15];
	}
	out[j] = '\0';
}

/* Greek lower-case letters α to ω, ς included, in Latin letters. */
static const char *const greek[] = { "a", "v", "g", "d", "e", "z", "i",
    "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s", "s", "t", "y",
    "f", "ch", "ps", "o" };

/* The Greek letter of an accented or diaeresis form, as 0x3b1 + index. */
static uint32_t
demo_greek_base(uint32_t cp)
{
	switch (cp) {
	case 0x386: case 0x3ac: return 0x3b1;			/* ά */
	case 0x388: case 0x3ad: return 0x3b5;			/* έ */
	case 0x389: case 0x3ae: return 0x3b7;			/* ή */
	case 0x38a: case 0x3af: case 0x390: case 0x3aa: case 0x3ca:
		return 0x3b9;					/* ί */
	case 0x38c: case 0x3cc: return 0x3bf;			/* ό */
	case 0x38e: case 0x3cd: case 0x3b0: case 0x3ab: case 0x3cb:
		return 0x3c5;					/* ύ */
	case 0x38f: case 0x3ce: return 0x3c9;			/* ώ */
	}
	if (cp >= 0x391 && cp <= 0x3a9)
		return cp + 0x20;
	return cp;
}

/*
 * A mail-address spelling of a name: Latin letters lose their diacritics,
 * Greek is transliterated (ου gives ou, αυ and ευ av and ev, γγ ng, as in
 * Evangelos), and anything but letters, digits and hyphens goes, so
 * "van 't Hof" gives "vanthof".
 */
/*
 * The ASCII spelling of one Latin code point, written into buf (4 bytes)
 * or returned as a literal; "" when it has none.
 */
static const char *
demo_latin(uint32_t cp, char *buf)
{
	/* U+00C0 to U+00DF, also for U+00E0 to U+00FE; '?' more letters. */
	static const char latin1[] = "aaaaaa?ceeeeiiiidnooooo_ouuuuy??";
	static const char ext_a[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhh"
	    "iiiiiiiiii??jjkkkllllllllllnnnnnnnnnoooooo??rrrrrrsssssssstttttt"
	    "uuuuuuuuuuuuwwyyyzzzzzzs";

	_Static_assert(sizeof ext_a == 0x80 + 1, "U+0100 to U+017F");
	buf[0] = buf[1] = buf[2] = '\0';
	if (cp < 0x80) {
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ||
		    cp == '-')
			buf[0] = (char)cp;
		else if (cp >= 'A' && cp <= 'Z')
			buf[0] = (char)(cp - 'A' + 'a');
	} else if (cp == 0xc6 || cp == 0xe6)
		return "ae";
	else if (cp == 0xde || cp == 0xfe)
		return "th";
	else if (cp == 0xdf)
		return "ss";
	else if (cp == 0xff)
		return "y";
	else if (cp >= 0xc0 && cp <= 0xfe)
		buf[0] = latin1[(cp & ~0x20u) - 0xc0];
	else if (cp == 0x132 || cp == 0x133)
		return "ij";
	else if (cp == 0x152 || cp == 0x153)
		return "oe";
	else if (cp >= 0x100 && cp <= 0x17f)
		buf[0] = ext_a[cp - 0x100];
	else if (cp == 0x218 || cp == 0x219)
		return "s";
	else if (cp == 0x21a || cp == 0x21b)
		return "t";
	if (buf[0] == '?' || buf[0] == '_')
		buf[0] = '\0';
	return buf;
}

static void
demo_ascii(const char *name, char *out, size_t len)
{
	char buf[4];
	const char *add;
	size_t n, o = 0, k, rest = strlen(name);
	uint32_t cp, base, prev = 0;

	while (rest > 0 && (n = utf8_decode(name, rest, &cp)) != 0) {
		name += n;
		rest -= n;
		add = demo_latin(cp, buf);
		if (*add == '\0' && (base = demo_greek_base(cp)) >= 0x3b1 &&
		    base <= 0x3c9) {
			add = greek[base - 0x3b1];
			if (base == 0x3c5 && prev == 0x3bf)
				add = "u";
			else if (base == 0x3c5 && (prev == 0x3b1 ||
			    prev == 0x3b5))
				add = "v";
			else if (base == 0x3b3 && prev == 0x3b3 && o > 0)
				out[o - 1] = 'n';
			cp = base;
		}
		for (k = 0; add[k] != '\0' && o + 1 < len; k++)
			out[o++] = add[k];
		prev = cp;
	}
	out[o] = '\0';
}

/* Fills a phone pattern (demo_nation.phone). */
static void
demo_phone(struct demo_rng *r, const char *pattern, char *out, size_t len)
{
	const char *end;
	size_t o = 0;

	for (; *pattern != '\0' && o + 1 < len; pattern++) {
		if (*pattern == 'D')
			out[o++] = (char)('0' + demo_below(r, 10));
		else if (*pattern == '[' &&
		    (end = strchr(pattern, ']')) != NULL && end > pattern + 1) {
			out[o++] = pattern[1 + demo_below(r,
			    (size_t)(end - pattern - 1))];
			pattern = end;
		} else
			out[o++] = *pattern;
	}
	out[o] = '\0';
}

static int
demo_load_vocab(struct store *s, const char *table, struct demo_vocab *v,
    struct error *err)
{
	sqlite3_stmt *st;
	char sql[80];
	int rc;

	/* Binary order is strcmp order, which is the writer's. */
	snprintf(sql, sizeof sql, "SELECT slug FROM %s ORDER BY slug LIMIT %d",
	    table, DEMO_VOCAB);
	if ((rc = store_prepare(s, &st, sql, err)) != RC_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		v->slug[v->n++] = xstrdup((const char *)
		    sqlite3_column_text(st, 0));
	if (rc != SQLITE_DONE)
		rc = store_error(s, err, table);
	else if (v->n == 0)
		rc = error_set(err, RC_DB, "the %s vocabulary is empty",
		    table);
	else
		rc = RC_OK;
	sqlite3_finalize(st);
	return rc;
}

static uint64_t
demo_theme_mask(const struct demo_vocab *v, const char *list)
{
	char slug[64];
	const char *end;
	uint64_t mask = 0;
	size_t n;
	int i;

	for (; *list != '\0'; list = *end ? end + 1 : end) {
		if ((end = strchr(list, ';')) == NULL)
			end = list + strlen(list);
		if ((n = (size_t)(end - list)) >= sizeof slug)
			continue;
		memcpy(slug, list, n);
		slug[n] = '\0';
		/* A slug the vocabulary lacks is left out, not invented. */
		if ((i = demo_vocab_index(v, slug)) >= 0)
			mask |= (uint64_t)1 << i;
	}
	return mask;
}

/* Whether code is one of the "XX " tokens of list. */
static int
demo_listed(const char *list, const char *code)
{
	for (; list[0] != '\0' && list[1] != '\0'; list += list[2] ? 3 : 2)
		if (list[0] == code[0] && list[1] == code[1])
			return 1;
	return 0;
}

static int
demo_load_missions(struct demo_ctx *c, struct store *s, struct error *err)
{
	static const struct {
		const char	*org;
		int		 weight;
	} orgs[] = { { "EU", 4 }, { "UN", 3 }, { "OSCE", 2 }, { "NATO", 2 } };
	struct demo_mission *m;
	sqlite3_stmt *st;
	size_t cap = 0, i;
	const char *org;
	int rc;

	if ((rc = store_prepare(s, &st, "SELECT name, country, org, "
	    "start_year, coalesce(end_year, 0), themes FROM mission_catalogue "
	    "ORDER BY name", err)) != RC_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (c->nmissions == cap) {
			cap = cap ? 2 * cap : 64;
			c->missions = xrealloc(c->missions,
			    cap * sizeof *c->missions);
		}
		m = &c->missions[c->nmissions++];
		memset(m, 0, sizeof *m);
		m->name = xstrdup((const char *)sqlite3_column_text(st, 0));
		snprintf(m->country, sizeof m->country, "%s",
		    (const char *)sqlite3_column_text(st, 1));
		org = (const char *)sqlite3_column_text(st, 2);
		m->weight = 1;
		for (i = 0; i < NELEM(orgs); i++)
			if (strcmp(org, orgs[i].org) == 0)
				m->weight = orgs[i].weight;
		m->start_year = sqlite3_column_int(st, 3);
		m->end_year = sqlite3_column_int(st, 4);
		if (m->end_year == 0)
			m->end_year = INT_MAX;
		m->first = date_from_ymd(m->start_year, 1, 1);
		m->themes = demo_theme_mask(&c->themes,
		    (const char *)sqlite3_column_text(st, 5));
		for (i = 0; i < NELEM(host_langs); i++)
			if (strcmp(host_langs[i].country, m->country) == 0) {
				m->working = host_langs[i].working;
				m->local = host_langs[i].local;
			}
	}
	if (rc != SQLITE_DONE)
		rc = store_error(s, err, "mission catalogue");
	else
		rc = RC_OK;
	sqlite3_finalize(st);
	return rc;
}

/*
 * Indexes the missions by the years they ran, up to today, and weighs them
 * for each nationality: countries send most people to EU missions, and
 * more to where their language or history takes them.
 */
static void
demo_index_missions(struct demo_ctx *c)
{
	const struct demo_mission *m;
	size_t i, n, y;
	int year, last = demo_year(c->today);

	c->year0 = INT_MAX;
	for (i = 0; i < c->nmissions; i++)
		if (c->missions[i].start_year < c->year0)
			c->year0 = c->missions[i].start_year;
	c->nyears = c->nmissions > 0 && last >= c->year0 ?
	    last - c->year0 + 1 : 0;
	c->off = xcalloc((size_t)c->nyears + 1, sizeof *c->off);
	c->active = xcalloc(c->nmissions * (size_t)c->nyears + 1,
	    sizeof *c->active);
	for (n = 0, y = 0; y < (size_t)c->nyears; y++) {
		year = c->year0 + (int)y;
		c->off[y] = n;
		for (i = 0; i < c->nmissions; i++) {
			m = &c->missions[i];
			if (m->start_year <= year && year <= m->end_year)
				c->active[n++] = i;
		}
	}
	c->off[c->nyears] = n;
	c->nation_weight = xcalloc(demo_nnations * c->nmissions + 1,
	    sizeof *c->nation_weight);
	for (n = 0; n < demo_nnations; n++)
		for (i = 0; i < c->nmissions; i++)
			c->nation_weight[n * c->nmissions + i] =
			    c->missions[i].weight * (demo_listed(
			    demo_nations[n].affinity,
			    c->missions[i].country) ? 3 : 1);
	for (i = 0; i < NELEM(roles); i++) {
		c->role_skill[i] = roles[i].skill ?
		    demo_vocab_index(&c->skills, roles[i].skill) : -1;
		c->role_theme[i] = roles[i].theme ?
		    demo_vocab_index(&c->themes, roles[i].theme) : -1;
	}
}

static void
demo_free(struct demo_ctx *c)
{
	size_t i;

	for (i = 0; i < c->themes.n; i++)
		free(c->themes.slug[i]);
	for (i = 0; i < c->skills.n; i++)
		free(c->skills.slug[i]);
	for (i = 0; i < c->nmissions; i++)
		free(c->missions[i].name);
	free(c->missions);
	free(c->active);
	free(c->off);
	free(c->nation_weight);
}

/* A mission running in year, weighed for the nationality; NULL if none. */
static const struct demo_mission *
demo_pick_mission(struct demo_ctx *c, size_t nation, int year)
{
	size_t off, n, i = 0, tries;
	int y = year - c->year0;

	if (y < 0 || y >= c->nyears)
		return NULL;
	off = c->off[y];
	if ((n = c->off[y + 1] - off) == 0)
		return NULL;
	/* Rejection sampling: the weights are small and the lists short. */
	for (tries = 0; tries < 64; tries++) {
		i = c->active[off + demo_below(&c->rng, n)];
		if ((int)demo_below(&c->rng, DEMO_WEIGHT) <
		    c->nation_weight[nation * c->nmissions + i])
			break;
	}
	return &c->missions[i];
}

static const char *
demo_role(struct demo_ctx *c, const struct demo_mission *m, size_t *which)
{
	int weights[NELEM(roles)];
	size_t i, fit[NELEM(roles)], nfit = 0;

	/* Monitoring missions want monitors, border missions border experts. */
	for (i = 0; i < NELEM(roles); i++)
		if (c->role_theme[i] >= 0 &&
		    (m->themes >> c->role_theme[i]) & 1)
			fit[nfit++] = i;
	if (nfit > 0 && demo_percent(&c->rng, 40))
		i = fit[demo_below(&c->rng, nfit)];
	else {
		for (i = 0; i < NELEM(roles); i++)
			weights[i] = roles[i].only && (c->role_theme[i] < 0 ||
			    !((m->themes >> c->role_theme[i]) & 1)) ? 0 :
			    roles[i].weight;
		i = demo_weighted(&c->rng, weights, NELEM(roles));
	}
	*which = i;
	return roles[i].name;
}

/* Adds one service record; themes are 1 to 3 of the mission's. */
static void
demo_add_service(struct demo_ctx *c, struct demo_row *row,
    const struct demo_mission *m, int start, int end, size_t *role)
{
	struct service *sv = &row->sv[row->nsv];
	uint64_t mask = 0;
	int want, have = __builtin_popcountll(m->themes);

	row->svm[row->nsv++] = m;
	sv->mission = m->name;
	memcpy(sv->country, m->country, sizeof sv->country);
	date_format(start, sv->start);
	if (end < 0)
		sv->end[0] = '\0';
	else
		date_format(end, sv->end);
	sv->role = demo_role(c, m, role);
	want = demo_between(&c->rng, 1, 3);
	if (want > have)
		want = have;
	while (__builtin_popcountll(mask) < want)
		mask |= (uint64_t)1 << demo_random_bit(&c->rng, m->themes);
	sv->nthemes = demo_slugs(&c->themes, mask, sv->themes);
	row->mission_themes |= m->themes;
}

/*
 * Service history, made backwards from today so that no two missions
 * overlap and the most recent return is the likeliest one; a deployed
 * person's last mission is still running and has no end.
 */
static void
demo_services(struct demo_ctx *c, struct demo_row *row, size_t nation,
    int deployed, uint64_t *skills)
{
	static const int counts[] = { 8, 35, 30, 17, 10 };
	const struct demo_mission *m, *ms[DEMO_SERVICES];
	int starts[DEMO_SERVICES], ends[DEMO_SERVICES];
	int want, cursor, start, tries;
	size_t n = 0, role;

	want = (int)demo_weighted(&c->rng, counts, NELEM(counts));
	cursor = c->today - (int)demo_below(&c->rng, 3650) / 2 -
	    (int)demo_below(&c->rng, 1000);
	if (deployed &&
	    (m = demo_pick_mission(c, nation, demo_year(c->today))) != NULL) {
		start = c->today - demo_between(&c->rng, 20, 540);
		if (start < m->first)
			start = m->first + (c->today - m->first) / 2;
		ms[n] = m;
		starts[n] = start;
		ends[n++] = -1;
		cursor = start - demo_between(&c->rng, 60, 1500);
	}
	while ((int)n < want) {
		for (m = NULL, tries = 0; m == NULL && tries < 4; tries++) {
			m = demo_pick_mission(c, nation, demo_year(cursor));
			if (m == NULL)
				break;
			/*
			 * Six to twenty-four months, cut short by the start of
			 * the mission (whose day the catalogue does not know).
			 */
			start = cursor - demo_between(&c->rng, 182, 730);
			if (start < m->first)
				start = m->first + demo_between(&c->rng, 0, 60);
			if (cursor - start < 90)
				m = NULL;
		}
		if (m == NULL)
			break;
		ms[n] = m;
		starts[n] = start;
		ends[n++] = cursor;
		cursor = start - demo_between(&c->rng, 30, 1500);
	}
	row->nsv = 0;
	row->mission_themes = 0;
	while (n-- > 0) {
		demo_add_service(c, row, ms[n], starts[n], ends[n], &role);
		/* Mentors learn mentoring, team leaders leadership. */
		if (c->role_skill[role] >= 0 && demo_percent(&c->rng, 50))
			*skills |= (uint64_t)1 << c->role_skill[role];
	}
}

static void
demo_add_lang(struct person *p, const char *code, int level)
{
	size_t i;

	for (i = 0; i < p->nlangs; i++)
		if (strcmp(p->langs[i].code, code) == 0) {
			if (level > p->langs[i].level)
				p->langs[i].level = level;
			return;
		}
	if (p->nlangs == DEMO_LANGS)
		return;
	memcpy(p->langs[p->nlangs].code, code, 2);
	p->langs[p->nlangs].code[2] = '\0';
	p->langs[p->nlangs++].level = level;
}

/* Picks one "xx " token of a language list. */
static const char *
demo_token(struct demo_rng *r, const char *list, char out[3])
{
	size_t n = (strlen(list) + 1) / 3;
	const char *t = list + 3 * demo_below(r, n);

	out[0] = t[0];
	out[1] = t[1];
	out[2] = '\0';
	return out;
}

static void
demo_languages(struct demo_ctx *c, struct demo_row *row,
    const struct demo_nation *nat)
{
	static const int english[] = { 20, 35, 30, 15 };	/* B1 to C2 */
	static const int extras[] = { 45, 40, 15 };		/* 0 to 2 */
	static const int cefr[] = { 10, 20, 25, 22, 15, 8 };	/* A1 to C2 */
	struct person *p = &row->p;
	struct person_lang t;
	const char *l;
	char code[3];
	size_t i, j, n;

	demo_add_lang(p, nat->lang, LEVEL_NATIVE);
	if (demo_percent(&c->rng, 93))
		demo_add_lang(p, "en", 3 + (int)demo_weighted(&c->rng,
		    english, NELEM(english)));
	else if (demo_percent(&c->rng, 50))
		demo_add_lang(p, "en", 2);
	n = demo_weighted(&c->rng, extras, NELEM(extras));
	for (i = 0; i < n; i++)
		demo_add_lang(p, demo_token(&c->rng, nat->extra, code),
		    1 + (int)demo_weighted(&c->rng, cefr, NELEM(cefr)));
	for (i = 0; i < row->nsv; i++) {
		if ((l = row->svm[i]->working) != NULL)
			for (; l[0] != '\0'; l += l[2] ? 3 : 2)
				if (demo_percent(&c->rng, 55)) {
					memcpy(code, l, 2);
					code[2] = '\0';
					demo_add_lang(p, code, demo_between(
					    &c->rng, 2, 5));
				}
		if ((l = row->svm[i]->local) != NULL)
			for (; l[0] != '\0'; l += l[2] ? 3 : 2)
				if (demo_percent(&c->rng, 8)) {
					memcpy(code, l, 2);
					code[2] = '\0';
					demo_add_lang(p, code, demo_between(
					    &c->rng, 1, 3));
				}
	}
	for (i = 1; i < p->nlangs; i++) {
		t = p->langs[i];
		for (j = i; j > 0 && strcmp(p->langs[j - 1].code, t.code) > 0;
		    j--)
			p->langs[j] = p->langs[j - 1];
		p->langs[j] = t;
	}
}

/*
 * A document's expiry: mostly valid for up to five more years, about one
 * in seven already expired, a few never recorded.
 */
static void
demo_expiry(struct demo_ctx *c, char out[DATE_LEN], unsigned missing)
{
	if (demo_percent(&c->rng, missing))
		out[0] = '\0';
	else if (demo_percent(&c->rng, 15))
		date_format(c->today - demo_between(&c->rng, 1, 730), out);
	else
		date_format(c->today + demo_between(&c->rng, 0, 5 * 365), out);
}

static void
demo_unavailability(struct demo_ctx *c, struct demo_row *row)
{
	struct unavail *u;
	size_t n, i, k;
	int start, end = 0, open;

	row->nun = 0;
	/* Someone on a mission now cannot be sent elsewhere. */
	if (row->nsv > 0 && row->sv[row->nsv - 1].end[0] == '\0') {
		u = &row->un[row->nun];
		memcpy(u->start, row->sv[row->nsv - 1].start, DATE_LEN);
		u->end[0] = '\0';
		snprintf(row->reason[row->nun], sizeof row->reason[0],
		    "deployed with %s", row->sv[row->nsv - 1].mission);
		u->reason = row->reason[row->nun++];
		return;
	}
	if (!demo_percent(&c->rng, 20))
		return;
	n = demo_percent(&c->rng, 70) ? 1 : 2;
	start = c->today + demo_between(&c->rng, -60, 180);
	for (i = 0; i < n && start <= c->today + 180; i++) {
		k = demo_below(&c->rng, NELEM(reasons));
		open = reasons[k].open && demo_percent(&c->rng, 30);
		u = &row->un[row->nun++];
		u->reason = reasons[k].text;
		date_format(start, u->start);
		if (open) {
			u->end[0] = '\0';
			break;
		}
		end = start + demo_between(&c->rng, 3, 120);
		date_format(end, u->end);
		start = end + demo_between(&c->rng, 7, 90);
	}
}

static void
demo_notes(struct demo_ctx *c, struct demo_row *row)
{
	const struct service *last;
	int y, m, d, day;

	row->p.notes = "";
	if (!demo_percent(&c->rng, 30))
		return;
	if (row->nsv > 0 && demo_percent(&c->rng, 25)) {
		last = &row->sv[row->nsv - 1];
		if (last->end[0] != '\0' && date_parse(last->end, &day)) {
			date_to_ymd(day, &y, &m, &d);
			snprintf(row->notes, sizeof row->notes, "Returned from "
			    "%s in %d; debriefed.", last->mission, y);
		} else
			snprintf(row->notes, sizeof row->notes,
			    "Currently with %s; ask the mission before "
			    "contacting.", last->mission);
		row->p.notes = row->notes;
		return;
	}
	row->p.notes = notes[demo_below(&c->rng, NELEM(notes))];
}

static const struct demo_agency *
demo_agency(struct demo_rng *r, const struct demo_nation *nat)
{
	int w[16];
	size_t i, n = nat->nagencies < NELEM(w) ? nat->nagencies : NELEM(w);

	for (i = 0; i < n; i++)
		w[i] = nat->agencies[i].weight;
	return &nat->agencies[demo_weighted(r, w, n)];
}

static const char *
demo_rank(struct demo_rng *r, enum demo_kind kind)
{
	const struct demo_ranks *rk = &demo_ranks[kind];
	int w[16];
	size_t i, n = rk->n < NELEM(w) ? rk->n : NELEM(w);

	for (i = 0; i < n; i++)
		w[i] = rk->ranks[i].weight;
	return rk->ranks[demo_weighted(r, w, n)].name;
}

/* The person's gender and names (row->p), by the nation's customs. */
static void
demo_name(struct demo_rng *r, struct demo_row *row,
    const struct demo_nation *nat)
{
	/*
	 * Genders m, f, x and none (indexes into vocab_genders), in the
	 * generator's order, which a seed depends on.
	 */
	static const int genders[] = { 63, 35, 1, 1 };
	static const int gender_word[] = { 1, 0, 2, -1 };
	const char *family, *second;
	size_t i, k;
	int gender, female;

	gender = (int)demo_weighted(r, genders, NELEM(genders));
	row->p.gender = gender_word[gender] < 0 ? "" :
	    vocab_genders.words[gender_word[gender]];
	female = gender == 1 || (gender > 1 && demo_percent(r, 50));
	row->p.given_name = female ?
	    nat->given_f[demo_below(r, nat->ngiven_f)] :
	    nat->given_m[demo_below(r, nat->ngiven_m)];
	k = demo_below(r, nat->nfamily);
	family = female && nat->family_f ? nat->family_f[k] : nat->family[k];
	if (nat->double_family &&
	    demo_percent(r, (unsigned)nat->double_family)) {
		i = demo_below(r, nat->nfamily);
		second = female && nat->family_f ? nat->family_f[i] :
		    nat->family[i];
		if (i != k) {
			snprintf(row->family, sizeof row->family, "%s %s",
			    family, second);
			family = row->family;
		}
	}
	row->p.family_name = family;
}

/* E-mail at the agency's domain, and a phone for all but a few. */
static void
demo_contact(struct demo_rng *r, struct demo_row *row,
    const struct demo_nation *nat, const struct demo_agency *ag, long index)
{
	char g[64], f[96];

	demo_ascii(row->p.given_name, g, sizeof g);
	demo_ascii(row->p.family_name, f, sizeof f);
	if (g[0] == '\0' || f[0] == '\0')
		snprintf(row->email, sizeof row->email, "person%ld@%s",
		    index + 1, ag->domain);
	else
		snprintf(row->email, sizeof row->email, "%s.%s@%s", g, f,
		    ag->domain);
	row->p.email = row->email;
	if (demo_percent(r, 3))
		row->phone[0] = '\0';
	else
		demo_phone(r, nat->phone, row->phone, sizeof row->phone);
	row->p.phone = row->phone;
}

/* Makes one person into row; nothing here allocates. */
static void
demo_person(struct demo_ctx *c, struct demo_row *row, long index)
{
	/* Statuses in the order of vocab_person_statuses. */
	static const int statuses[] = { 85, 10, 5 };
	static const int notice_w[] = { 6, 8, 12, 14, 14, 16, 14, 10, 6 };
	static const int notice_days[] = { 0, 1, 2, 3, 5, 7, 14, 30, 60 };
	int nation_w[32];
	struct demo_rng *r = &c->rng;
	struct person *p = &row->p;
	const struct demo_nation *nat;
	const struct demo_agency *ag;
	uint64_t themes, skills = 0;
	size_t i, nation;
	int deployed;

	memset(p, 0, sizeof *p);
	for (i = 0; i < demo_nnations && i < NELEM(nation_w); i++)
		nation_w[i] = demo_nations[i].weight;
	nation = demo_weighted(r, nation_w, i);
	nat = &demo_nations[nation];
	demo_uuid(r, p->id);

	demo_name(r, row, nat);

	ag = demo_agency(r, nat);
	p->agency = ag->name;
	p->rank = demo_rank(r, ag->kind);
	p->status = vocab_person_statuses.words[demo_weighted(r, statuses,
	    NELEM(statuses))];
	p->notice_days = notice_days[demo_weighted(r, notice_w,
	    NELEM(notice_w))];
	demo_expiry(c, p->passport_expiry, 2);
	demo_expiry(c, p->medical_expiry, 4);
	demo_expiry(c, p->heat_expiry, 8);

	/* About 5% of everyone, so a little more of the active ones. */
	deployed = strcmp(p->status, "active") == 0 && demo_percent(r, 6);
	demo_services(c, row, nation, deployed, &skills);
	demo_languages(c, row, nat);

	themes = demo_grow_set(r, 0, row->mission_themes, c->themes.n,
	    1 + demo_below(r, 4));
	p->nthemes = demo_slugs(&c->themes, themes, p->themes);
	skills = demo_grow_set(r, skills, 0, c->skills.n, 1 + demo_below(r, 4));
	p->nskills = demo_slugs(&c->skills, skills, p->skills);

	demo_unavailability(c, row);
	demo_notes(c, row);

	demo_contact(r, row, nat, ag, index);
}

static int
demo_write(struct person_writer *w, struct demo_row *row, struct error *err)
{
	long long pk;
	size_t i;
	int rc;

	if ((rc = person_put(w, &row->p, &pk, NULL, err)) != RC_OK)
		return rc;
	for (i = 0; i < row->nsv; i++)
		if ((rc = service_put(w, pk, &row->sv[i], err)) != RC_OK)
			return rc;
	for (i = 0; i < row->nun; i++)
		if ((rc = unavail_put(w, pk, &row->un[i], err)) != RC_OK)
			return rc;
	return RC_OK;
}

/* The pool would mix with real people; demo wants a database of its own. */
static int
demo_check_empty(struct store *s, struct error *err)
{
	sqlite3_stmt *st;
	int rc, any;

	if ((rc = store_prepare(s, &st, "SELECT EXISTS (SELECT 1 FROM person)",
	    err)) != RC_OK)
		return rc;
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = store_error(s, err, "person");
		sqlite3_finalize(st);
		return rc;
	}
	any = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (any)
		return error_set(err, RC_INPUT, "the database already holds "
		    "people; a demo pool needs a new one");
	return RC_OK;
}

/* Inside the transaction: size people, written and indexed. */
static int
demo_generate(struct store *s, struct demo_ctx *c, long size,
    struct error *err)
{
	struct person_writer *w;
	struct demo_row *row;
	struct bulk *b = NULL;
	long i;
	int rc;

	if ((rc = demo_check_empty(s, err)) != RC_OK ||
	    (rc = demo_load_vocab(s, "theme", &c->themes, err)) != RC_OK ||
	    (rc = demo_load_vocab(s, "skill", &c->skills, err)) != RC_OK ||
	    (rc = demo_load_missions(c, s, err)) != RC_OK ||
	    (size > 0 && (rc = bulk_begin(s, &b, err)) != RC_OK))
		return rc;
	demo_index_missions(c);
	if ((rc = person_writer_new(s, WRITER_FRESH, &w, err)) != RC_OK) {
		bulk_free(b);
		return rc;
	}
	row = xcalloc(1, sizeof *row);
	for (i = 0; i < size && rc == RC_OK; i++) {
		if (c->stop != NULL && *c->stop) {
			rc = error_set(err, RC_INPUT, "interrupted");
			break;
		}
		demo_person(c, row, i);
		rc = demo_write(w, row, err);
	}
	if (rc == RC_OK)
		rc = fts_refresh(s, 1, err);
	if (rc == RC_OK && b != NULL)
		rc = bulk_end(b, err);
	person_writer_free(w);
	bulk_free(b);
	free(row);
	return rc;
}

int
demo_fill(struct store *s, const struct demo_opts *o, struct error *err)
{
	return demo_fill_until(s, o, NULL, err);
}

int
demo_fill_until(struct store *s, const struct demo_opts *o,
    const volatile sig_atomic_t *stop, struct error *err)
{
	struct demo_ctx c;
	int rc, bulk = (s->flags & STORE_BULK) != 0, fk;

	if (o->size < 0)
		return error_set(err, RC_INPUT, "demo: size %ld: must be 0 or "
		    "more", o->size);
	/* Expiries run five years ahead; dates must stay four-digit. */
	if (o->today < date_from_ymd(1000, 1, 1) ||
	    o->today > date_from_ymd(9990, 1, 1))
		return error_set(err, RC_INPUT, "demo: today is out of range");
	memset(&c, 0, sizeof c);
	demo_seed(&c.rng, o->seed);
	c.today = o->today;
	c.stop = stop;
	/*
	 * A bulk store is a new file that a failed load leaves for deleting,
	 * and every key drawn here comes from the database's own vocabularies
	 * and catalogue (the unit tests load with the checks on), so a bulk
	 * load skips them: at a million people they cost a third of the time.
	 * The pragma is a no-op inside a transaction, hence out here.
	 */
	if (bulk && (rc = store_exec(s, "PRAGMA foreign_keys = OFF", err))
	    != RC_OK)
		return rc;
	if ((rc = store_begin(s, err)) != RC_OK)
		goto out;
	if ((rc = demo_generate(s, &c, o->size, err)) == RC_OK)
		rc = store_commit(s, err);
	/*
	 * The planner needs statistics to choose between the indexes; a bulk
	 * store has none yet, and store_bulk_end analyses once it has.
	 */
	if (rc == RC_OK && !bulk)
		rc = store_exec(s, "ANALYZE", err);
out:
	if (rc != RC_OK)
		store_rollback(s);
	if (bulk && (fk = store_exec(s, "PRAGMA foreign_keys = ON",
	    rc == RC_OK ? err : NULL)) != RC_OK && rc == RC_OK)
		rc = fk;
	if (rc != RC_OK)
		error_prefix(err, "demo");
	demo_free(&c);
	return rc;
}
