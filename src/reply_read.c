/*
 * reply_read.c - reading an answer out of a reply (callout.h), the way a
 * duty officer would, but never guessing.
 *
 * The reply is cut first: quoted lines ("> ..."), and everything from an
 * attribution ("On ... wrote:", "Le ... a écrit :"), a forwarded or
 * original message's header, or a signature ("-- ") on, is the message
 * being answered, not the answer.  What is left is read word by word:
 * words that say yes, no or maybe in the languages of the pool, answer
 * numbers (1 yes, 2 no, 3 maybe, alone or as "A 3", first), the reply
 * code (letters then digits, "IRMA2", or capitals, "IRMA"), and
 * negations.  Two kinds of answer, a yes or maybe with a negation ("not
 * available", "can't"), or nothing known, is ANSWER_UNCLEAR: a person
 * decides.
 *
 * Memory: reply_text and reply_html_text return strings the caller frees.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "callout.h"
#include "strbuf.h"

/* Lines from which on the rest is what is being answered. */
static const char *const cut_prefixes[] = {
	"-----original message", "----- original message",
	"-------- original message", "---------- forwarded message",
	"-------- forwarded message", "-----ursprüngliche nachricht",
	"-------- message original", "________________",
	"from:", "von:", "de :", "de:", "van:", "sent:", "envoyé :",
	"gesendet:", "verzonden:",
};
/* Attributions end so, in the languages of the pool. */
static const char *const cut_suffixes[] = {
	"wrote:", "a écrit :", "a écrit:", "schrieb:", "schreef:",
	"escribió:", "ha scritto:", "escreveu:",
};

/* Letters of a code written without digits, at most (callout send makes
 * them of the deployment's name, six at most). */
#define CALLOUT_CODE_CAPS	6

enum word_kind { W_NONE, W_YES, W_NO, W_MAYBE, W_NOT, W_ABOUT };

static const struct {
	const char	*word;
	enum word_kind	 kind;
} words[] = {
	{ "yes", W_YES }, { "y", W_YES }, { "yeah", W_YES }, { "yep", W_YES },
	{ "yup", W_YES }, { "ok", W_YES }, { "okay", W_YES }, { "oké", W_YES },
	{ "oke", W_YES }, { "sure", W_YES }, { "available", W_YES },
	{ "confirm", W_YES }, { "confirmed", W_YES }, { "oui", W_YES },
	{ "ouais", W_YES }, { "ja", W_YES }, { "jawel", W_YES },
	{ "jawohl", W_YES }, { "si", W_YES }, { "sí", W_YES },
	{ "sì", W_YES }, { "sim", W_YES }, { "tak", W_YES },
	{ "no", W_NO }, { "n", W_NO }, { "nope", W_NO }, { "nee", W_NO },
	{ "nein", W_NO }, { "non", W_NO }, { "não", W_NO }, { "nao", W_NO },
	{ "nie", W_NO }, { "decline", W_NO }, { "unavailable", W_NO },
	{ "maybe", W_MAYBE }, { "perhaps", W_MAYBE }, { "possibly", W_MAYBE },
	{ "probably", W_MAYBE }, { "peut-être", W_MAYBE },
	{ "peut-etre", W_MAYBE }, { "vielleicht", W_MAYBE },
	{ "misschien", W_MAYBE }, { "wellicht", W_MAYBE },
	{ "quizás", W_MAYBE }, { "quizas", W_MAYBE }, { "talvez", W_MAYBE },
	{ "forse", W_MAYBE },
	{ "not", W_NOT }, { "cannot", W_NOT }, { "cant", W_NOT },
	{ "dont", W_NOT }, { "wont", W_NOT }, { "unable", W_NOT },
	{ "never", W_NOT }, { "pas", W_NOT }, { "nicht", W_NOT },
	{ "kein", W_NOT }, { "keine", W_NOT }, { "niet", W_NOT },
	{ "geen", W_NOT }, { "ne", W_NOT },
	/* "No problem", "pas de souci": after a no or a negation, these
	 * take it back. */
	{ "problem", W_ABOUT }, { "problems", W_ABOUT },
	{ "problème", W_ABOUT }, { "probleme", W_ABOUT },
	{ "probleem", W_ABOUT }, { "souci", W_ABOUT }, { "soucis", W_ABOUT },
	{ "worries", W_ABOUT }, { "prob", W_ABOUT }, { "probs", W_ABOUT },
	{ "doubt", W_ABOUT }, { "problemo", W_ABOUT },
};

static int
starts_with(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);

	return len >= n && strncasecmp(s, prefix, n) == 0;
}

static int
ends_with(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);

	return len >= n && strncasecmp(s + len - n, suffix, n) == 0;
}

/* Whether the line (without its end, spaces trimmed) begins what is
 * answered. */
static int
cut_here(const char *s, size_t len)
{
	size_t i;

	if ((len == 2 || len == 3) && strncmp(s, "--", 2) == 0 &&
	    (len == 2 || s[2] == ' '))
		return 1;
	for (i = 0; i < sizeof cut_prefixes / sizeof cut_prefixes[0]; i++)
		if (starts_with(s, len, cut_prefixes[i]))
			return 1;
	for (i = 0; i < sizeof cut_suffixes / sizeof cut_suffixes[0]; i++)
		if (ends_with(s, len, cut_suffixes[i]))
			return 1;
	return 0;
}

char *
reply_text(const char *text)
{
	struct strbuf b = { 0 };
	const char *p, *end, *s;
	size_t len;

	strbuf_adds(&b, "");
	for (p = text; *p != '\0'; p = *end != '\0' ? end + 1 : end) {
		end = p + strcspn(p, "\n");
		/* "-- " is a signature's line as it is, trailing space too. */
		for (s = p; s < end && (*s == ' ' || *s == '\t'); s++)
			;
		len = end - s;
		while (len > 0 && (s[len - 1] == '\r' ||
		    (s[len - 1] == ' ' && !(len == 3 && s[0] == '-'))))
			len--;
		if (len > 0 && *s == '>')
			continue;
		if (cut_here(s, len))
			break;
		strbuf_add(&b, s, len);
		strbuf_adds(&b, "\n");
	}
	return strbuf_steal(&b);
}

/* The next word of text from *p on, folded (ASCII and Latin-1 letters to
 * lower case, ’ to ', "n't" to a plain negation): its length, 0 at the
 * end; *caps says whether it was written in capitals ("IRMA"). */
static size_t
next_word(const char **p, char *out, size_t size, int *caps)
{
	const unsigned char *s = (const unsigned char *)*p;
	size_t n = 0, upper = 0, lower = 0;

	while (*s != '\0' && !(isalnum(*s) || *s >= 0x80))
		s++;
	while (*s != '\0' && (isalnum(*s) || *s >= 0x80 || *s == '\'' ||
	    (*s == '-' && (isalnum(s[1]) || s[1] >= 0x80)))) {
		if (s[0] == 0xe2 && s[1] == 0x80 && (s[2] == 0x99 ||
		    s[2] == 0x9c || s[2] == 0x9d || s[2] == 0x98)) {
			/* A curly quote: an apostrophe in a word, else the
			 * word's end. */
			if (s[2] != 0x99)
				break;
			s += 3;
			if (n + 1 < size)
				out[n++] = '\'';
			continue;
		}
		if (isupper(*s))
			upper++;
		else if (islower(*s) || *s >= 0x80)
			lower++;
		if (n + 2 < size) {
			if (s[0] == 0xc3 && s[1] >= 0x80 && s[1] <= 0x9e &&
			    s[1] != 0x97) {
				out[n++] = (char)s[0];
				out[n++] = (char)(s[1] + 0x20);
				s += 2;
				continue;
			}
			out[n++] = (char)tolower(*s);
		}
		s++;
	}
	out[n] = '\0';
	*p = (const char *)s;
	*caps = upper >= 2 && lower == 0;
	/* "can't", "n'ai": a negation all the same. */
	if (n >= 3 && strcmp(out + n - 3, "n't") == 0)
		strcpy(out, "not");
	else if (strncmp(out, "n'", 2) == 0)
		strcpy(out, "ne");
	else if (strchr(out, '\'') != NULL && strchr(out, '\'')[1] == '\0')
		out[--n] = '\0';
	return strlen(out);
}

static enum word_kind
word_kind(const char *w)
{
	size_t i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(words[i].word, w) == 0)
			return words[i].kind;
	return W_NONE;
}

/*
 * A reply code as call-outs are made: letters (two or more) then digits
 * ("IRMA2"), or the first code of a deployment, letters alone, when
 * written in capitals ("IRMA") and not an answer ("OK") nor a subject's
 * "RE:" or "FW:".
 */
static int
is_code(const char *w, int caps)
{
	static const char *const prefixes[] = { "re", "fw", "fwd", "aw",
	    "wg", "tr", "sv", "vs", "antw", "odp", "rif", "ref" };
	size_t letters = 0, digits = 0, i;

	while (isalpha((unsigned char)w[letters]))
		letters++;
	while (isdigit((unsigned char)w[letters + digits]))
		digits++;
	if (letters < 2 || w[letters + digits] != '\0' ||
	    letters + digits >= CALLOUT_CODE_LEN)
		return 0;
	if (digits > 0)
		return 1;
	for (i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
		if (strcmp(w, prefixes[i]) == 0)
			return 0;
	return caps && letters <= CALLOUT_CODE_CAPS &&
	    word_kind(w) == W_NONE;
}

/* An answer number: "1", "2", "3", or "a3" (its "A 3" is two words). */
static enum word_kind
number_kind(const char *w)
{
	if (w[0] == 'a' && w[1] != '\0')
		w++;
	if (w[0] >= '1' && w[0] <= '3' && w[1] == '\0')
		return w[0] == '1' ? W_YES : w[0] == '2' ? W_NO : W_MAYBE;
	return W_NONE;
}

enum reply_answer
reply_read(const char *text, char code[CALLOUT_CODE_LEN])
{
	char *cut = reply_text(text), w[64];
	const char *p = cut;
	enum word_kind k, last = W_NONE;
	int seen[W_ABOUT + 1] = { 0 }, first = 1, kinds, since = 0, caps;
	size_t i;

	code[0] = '\0';
	while (next_word(&p, w, sizeof w, &caps) > 0) {
		if (is_code(w, caps)) {
			for (i = 0; code[0] == '\0' && w[i] != '\0'; i++)
				w[i] = (char)toupper((unsigned char)w[i]);
			if (code[0] == '\0')
				memcpy(code, w, strlen(w) + 1);
			continue;
		}
		/* An answer number counts first only: "back on 3 May". */
		if (first && strcmp(w, "a") == 0)
			continue;
		k = first ? number_kind(w) : W_NONE;
		if (k == W_NONE)
			k = word_kind(w);
		first = 0;
		/* "No problem", "pas de souci": a word between at most. */
		if (k == W_ABOUT && (last == W_NO || last == W_NOT) &&
		    since <= 1)
			seen[last]--;
		else if (k != W_ABOUT)
			seen[k]++;
		if (k != W_NONE) {
			last = k;
			since = 0;
		} else
			since++;
	}
	free(cut);
	kinds = (seen[W_YES] > 0) + (seen[W_NO] > 0) + (seen[W_MAYBE] > 0);
	if (kinds != 1 || (seen[W_NOT] > 0 && seen[W_NO] == 0))
		return ANSWER_UNCLEAR;
	return seen[W_YES] > 0 ? ANSWER_YES : seen[W_NO] > 0 ? ANSWER_NO :
	    ANSWER_MAYBE;
}
