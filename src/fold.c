#include <stdlib.h>
#include <string.h>

#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "fold.h"
#include "strbuf.h"

/*
 * The spellings a word is indexed under.  The first is also how a typed
 * word is searched: ICU's general transliteration, ISO 9 for Cyrillic
 * (Шевченко is Sevcenko).  The others are how people write names from a
 * Latin keyboard: BGN/PCGN for Ukrainian (Shevchenko, Serhiy) and Russian
 * (Sergey), UNGEGN for Greek (Eleni).  Latin-ASCII then drops what is
 * left of diacritics and spells ß, ø, æ, ł, đ, þ as ss, o, ae, l, d, th.
 */
static const char *const spellings[FOLD_SPELLINGS] = {
	"Any-Latin; Latin-ASCII",
	"Ukrainian-Latin/BGN; Greek-Latin/UNGEGN; Any-Latin; Latin-ASCII",
	"Russian-Latin/BGN; Any-Latin; Latin-ASCII",
};

/* A word remembered: names repeat, and ICU takes microseconds a call. */
struct fold_memo {
	char	*word;
	char	*as[FOLD_SPELLINGS];
};

#define FOLD_MEMO	4096	/* a power of two */

struct fold {
	UTransliterator		*t[FOLD_SPELLINGS];
	struct fold_memo	 memo[FOLD_MEMO];
};

struct fold *
fold_new(void)
{
	return xcalloc(1, sizeof(struct fold));
}

/* Opened on the first word that is not ASCII: it takes milliseconds. */
static int
open_transliterators(struct fold *f, struct error *err)
{
	UChar id[128];
	UErrorCode status;
	int k;

	for (k = 0; k < FOLD_SPELLINGS; k++) {
		if (f->t[k] != NULL)
			continue;
		status = U_ZERO_ERROR;
		u_uastrcpy(id, spellings[k]);
		f->t[k] = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL,
		    &status);
		if (U_FAILURE(status)) {
			f->t[k] = NULL;
			return error_set(err, RC_DB, "ICU has no transliterator "
			    "'%s': %s", spellings[k], u_errorName(status));
		}
	}
	return RC_OK;
}

void
fold_free(struct fold *f)
{
	int i, k;

	if (f == NULL)
		return;
	for (i = 0; i < FOLD_MEMO; i++) {
		free(f->memo[i].word);
		for (k = 0; k < FOLD_SPELLINGS; k++)
			free(f->memo[i].as[k]);
	}
	for (k = 0; k < FOLD_SPELLINGS; k++)
		if (f->t[k] != NULL)
			utrans_close(f->t[k]);
	free(f);
}

/* One word through one transliterator, as UTF-8; NULL if ICU fails. */
static char *
translit(UTransliterator *t, const char *word, size_t len)
{
	UChar *u = NULL;
	char *s = NULL;
	int32_t n, limit, cap = (int32_t)len * 4 + 16, outlen;
	UErrorCode status;
	int try;

	/*
	 * A few characters grow a lot (U+FDFA is eighteen letters): when
	 * the guess is short ICU says how long the result is, but has cut
	 * the text, so it starts again from the word with that room.
	 */
	for (try = 0; try < 2; try++) {
		status = U_ZERO_ERROR;
		u = xrealloc(u, (size_t)cap * sizeof *u);
		u_strFromUTF8(u, cap, &n, word, (int32_t)len, &status);
		if (U_FAILURE(status))
			goto out;
		limit = n;
		utrans_transUChars(t, u, &n, cap, 0, &limit, &status);
		if (status != U_BUFFER_OVERFLOW_ERROR)
			break;
		cap = n + 1;
	}
	if (U_FAILURE(status))
		goto out;
	u_strToUTF8(NULL, 0, &outlen, u, n, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
		goto out;
	status = U_ZERO_ERROR;
	s = xmalloc((size_t)outlen + 1);
	u_strToUTF8(s, outlen + 1, NULL, u, n, &status);
	if (U_FAILURE(status)) {
		free(s);
		s = NULL;
	}
out:
	free(u);
	return s;
}

static char *
dup_n(const char *s, size_t len)
{
	char *d = xmalloc(len + 1);

	memcpy(d, s, len);
	d[len] = '\0';
	return d;
}

static size_t
hash(const char *s, size_t len)
{
	size_t h = 5381, i;

	for (i = 0; i < len; i++)
		h = h * 33 + (unsigned char)s[i];
	return h & (FOLD_MEMO - 1);
}

/* The word's spellings, from the memo or made and kept there; or NULL. */
static const struct fold_memo *
spell(struct fold *f, const char *word, size_t len, struct error *err)
{
	struct fold_memo *m = &f->memo[hash(word, len)];
	int k;

	if (m->word != NULL && strlen(m->word) == len &&
	    memcmp(m->word, word, len) == 0)
		return m;
	if (open_transliterators(f, err) != RC_OK)
		return NULL;
	free(m->word);
	m->word = dup_n(word, len);
	for (k = 0; k < FOLD_SPELLINGS; k++) {
		free(m->as[k]);
		m->as[k] = translit(f->t[k], word, len);
		if (m->as[k] == NULL)
			m->as[k] = dup_n(word, len);
	}
	return m;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int
fold_text(struct fold *f, const char *in, int for_index, struct strbuf *out,
    struct error *err)
{
	struct strbuf more = { 0 };
	const struct fold_memo *m;
	size_t i = 0, j, len = strlen(in);
	int ascii, k;

	while (i < len) {
		for (j = i; j < len && is_space(in[j]); j++)
			;
		strbuf_add(out, in + i, j - i);
		for (i = j, ascii = 1; j < len && !is_space(in[j]); j++)
			ascii &= (unsigned char)in[j] < 0x80;
		if (ascii) {
			strbuf_add(out, in + i, j - i);
			i = j;
			continue;
		}
		if ((m = spell(f, in + i, j - i, err)) == NULL) {
			strbuf_free(&more);
			return RC_DB;
		}
		strbuf_adds(out, m->as[0]);
		/* Other spellings go after the text, which they would
		 * otherwise split into phrases that never match. */
		for (k = 1; for_index && k < FOLD_SPELLINGS; k++)
			if (strcmp(m->as[k], m->as[0]) != 0 &&
			    (k == 1 || strcmp(m->as[k], m->as[1]) != 0))
				strbuf_addf(&more, " %s", m->as[k]);
		i = j;
	}
	if (more.s != NULL)
		strbuf_adds(out, more.s);
	strbuf_free(&more);
	if (out->s == NULL)
		strbuf_adds(out, "");
	return RC_OK;
}
