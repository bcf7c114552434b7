/*
 * The filter language's lexer and parser: text to syntax tree, and the
 * look-ups of the key table.  Resolving values against the database,
 * emitting set queries and the key table itself are filter_sql.c.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "filter.h"
#include "refdata.h"
#include "strbuf.h"
#include "utf8.h"
#include "vocab.h"

enum tok_type { T_WORD, T_LPAREN, T_RPAREN, T_OR, T_AND, T_NOT, T_MINUS,
    T_END };

struct token {
	enum tok_type	 type;
	char		*text;		/* T_WORD: quotes removed */
	int		 quoted;
	long		 colon;		/* index of the key's ':' in text, or -1 */
	size_t		 off;		/* byte offset in the input */
	size_t		 voff;		/* byte offset of the value */
	int		 col, vcol;	/* their columns */
};

struct parser {
	const char	*input;
	struct token	*toks;
	size_t		 ntoks, cap, pos;
	size_t		 nterms;
	int		 depth;		/* of parentheses and NOTs, now */
	struct error	*err;
};

const char *
filter_key_name(enum filter_key key)
{
	size_t i;

	for (i = 0; i < filter_nkeys; i++)
		if (filter_keys[i].key == key)
			return filter_keys[i].name;
	return "word";
}

const struct filter_keydef *
filter_key_find(const char *name)
{
	size_t i;

	for (i = 0; i < filter_nkeys; i++)
		if (strcmp(name, filter_keys[i].name) == 0)
			return &filter_keys[i];
	return NULL;
}

const struct filter_keydef *
filter_key_nearest(const char *name)
{
	const struct filter_keydef *near = NULL;
	size_t i, d, best = 3;

	for (i = 0; i < filter_nkeys; i++) {
		d = refdata_distance(name, filter_keys[i].name);
		if (d < best) {
			best = d;
			near = &filter_keys[i];
		}
	}
	return near;
}

const char *
filter_key_expected(const struct filter_keydef *k, char *buf, size_t len)
{
	if (k->choices != NULL)
		return vocab_expected(k->choices, 0, buf, len);
	snprintf(buf, len, "%s", k->expected);
	return buf;
}

static int
column(const char *input, size_t off)
{
	return (int)utf8_count(input, off) + 1;
}

static int
fail_col(struct parser *p, int col, const char *fmt, const char *arg)
{
	char what[768];

	snprintf(what, sizeof what, fmt, arg);
	return error_set(p->err, RC_INPUT, "column %d: %s", col, what);
}

/* Counts from the start: for errors, which end the parse. */
static int
fail(struct parser *p, size_t off, const char *fmt, const char *arg)
{
	return fail_col(p, column(p->input, off), fmt, arg);
}

static int
starts_term(const struct token *t)
{
	return t->type == T_WORD || t->type == T_LPAREN ||
	    t->type == T_MINUS || t->type == T_NOT;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
lex_word(struct parser *p, size_t *i, struct token *t)
{
	const char *s = p->input;
	struct strbuf b = { 0 };
	size_t quote_off = 0;
	int in_quote = 0;

	t->type = T_WORD;
	t->colon = -1;
	t->off = *i;
	t->voff = *i;
	for (; s[*i] != '\0'; (*i)++) {
		char c = s[*i];

		if (c == '"') {
			in_quote = !in_quote;
			quote_off = *i;
			t->quoted = 1;
			continue;
		}
		if (!in_quote && (is_space(c) || c == '(' || c == ')'))
			break;
		if (!in_quote && c == ':' && t->colon < 0 && !t->quoted) {
			t->colon = (long)b.len;
			t->voff = *i + 1;
		}
		strbuf_add(&b, &c, 1);
	}
	if (in_quote) {
		strbuf_free(&b);
		return fail(p, quote_off, "%sunterminated quote (expected a "
		    "closing '\"')", "");
	}
	t->text = strbuf_steal(&b);
	if (!t->quoted && t->colon < 0) {
		if (strcmp(t->text, "OR") == 0)
			t->type = T_OR;
		else if (strcmp(t->text, "AND") == 0)
			t->type = T_AND;
		else if (strcmp(t->text, "NOT") == 0)
			t->type = T_NOT;
	}
	return RC_OK;
}

/*
 * A lower-case (or mixed-case) or, and, not where an operator could stand
 * would silently search the word: "lang:fr or lang:en" finds nobody.  At
 * an edge (first or last, after '(' or before ')') it is as likely a
 * slip ("lang:fr not", "and lang:fr").  The operators are capitals only,
 * so ask for them, or for quotes; only "-or" is plainly the word.
 */
static int
check_lower_ops(struct parser *p)
{
	static const struct {
		const char	*word, *hint;
	} ops[] = {
		{ "or", "write OR, or \"%s\" to search the word" },
		{ "and", "terms side by side must all hold already, so leave "
		    "it out, or write \"%s\" to search the word" },
		{ "not", "write NOT or -, or \"%s\" to search the word" },
	};
	const struct token *t, *next;
	char hint[128], what[256];
	enum tok_type prev;
	size_t i, k;
	int after_term, edge;

	for (i = 0; i < p->ntoks; i++) {
		t = &p->toks[i];
		if (t->type != T_WORD || t->quoted || t->colon >= 0)
			continue;
		for (k = 0; k < sizeof ops / sizeof ops[0]; k++)
			if (strcasecmp(t->text, ops[k].word) == 0)
				break;
		next = &p->toks[i + 1];	/* T_END is last */
		prev = i > 0 ? p->toks[i - 1].type : T_LPAREN;
		after_term = prev == T_WORD || prev == T_RPAREN;
		edge = prev == T_LPAREN || next->type == T_END ||
		    next->type == T_RPAREN;
		/* "or" and "and" after a term, even last: the rest is
		 * probably still being typed; "not" before one. */
		if (k == sizeof ops / sizeof ops[0] || prev == T_MINUS ||
		    (!edge && (k < 2 ? !after_term : !starts_term(next))))
			continue;
		snprintf(hint, sizeof hint, ops[k].hint, t->text);
		snprintf(what, sizeof what, "'%s' would be searched as a word; "
		    "%s", t->text, hint);
		return fail(p, t->off, "%s", what);
	}
	return RC_OK;
}

/* The column of byte off, counted on from the last one asked: linear. */
static int
column_at(const char *s, size_t off, size_t *at, int *col)
{
	*col += (int)utf8_count(s + *at, off - *at);
	*at = off;
	return *col;
}

static struct token *
tok_new(struct parser *p)
{
	struct token *t;

	if (p->ntoks == p->cap) {
		p->cap = p->cap == 0 ? 16 : p->cap * 2;
		p->toks = xrealloc(p->toks, p->cap * sizeof *p->toks);
	}
	t = &p->toks[p->ntoks++];
	memset(t, 0, sizeof *t);
	return t;
}

static int
lex(struct parser *p)
{
	const char *s = p->input;
	size_t i = 0, len = strlen(s), bad, at = 0;
	struct token *t;
	int rc, col = 1;

	if (!utf8_valid(s, len, &bad))
		return error_set(p->err, RC_INPUT, "column %d: invalid UTF-8",
		    column(s, bad));
	if (len > FILTER_MAX_BYTES)
		return error_set(p->err, RC_INPUT, "column %d: longer than %d "
		    "bytes", column(s, FILTER_MAX_BYTES), FILTER_MAX_BYTES);
	for (;;) {
		while (is_space(s[i]))
			i++;
		t = tok_new(p);
		t->off = i;
		if (s[i] == '\0') {
			t->type = T_END;
			t->col = t->vcol = column_at(s, i, &at, &col);
			return check_lower_ops(p);
		}
		if (s[i] == '(') {
			t->type = T_LPAREN;
			i++;
		} else if (s[i] == ')') {
			t->type = T_RPAREN;
			i++;
		} else if (s[i] == '-') {
			t->type = T_MINUS;
			i++;
		} else if ((rc = lex_word(p, &i, t)) != RC_OK)
			return rc;
		t->col = column_at(s, t->off, &at, &col);
		t->vcol = t->type == T_WORD ? column_at(s, t->voff, &at, &col) :
		    t->col;
		if (t->type == T_WORD && ++p->nterms > FILTER_MAX_TERMS)
			return error_set(p->err, RC_INPUT, "column %d: more "
			    "than %d terms", t->col, FILTER_MAX_TERMS);
	}
}

static struct filter_node *
node_new(enum filter_op op, struct filter_node *l, struct filter_node *r)
{
	struct filter_node *n = xcalloc(1, sizeof *n);

	n->op = op;
	n->left = l;
	n->right = r;
	return n;
}

void
filter_node_free(struct filter_node *n)
{
	if (n == NULL)
		return;
	filter_node_free(n->left);
	filter_node_free(n->right);
	free(n->value);
	free(n);
}

static struct token *
peek(struct parser *p)
{
	return &p->toks[p->pos];
}

static const char *
tok_name(const struct token *t)
{
	switch (t->type) {
	case T_OR:
		return "'OR'";
	case T_AND:
		return "'AND'";
	case T_NOT:
		return "'NOT'";
	case T_MINUS:
		return "'-'";
	case T_LPAREN:
		return "'('";
	case T_RPAREN:
		return "')'";
	default:
		return "the end";
	}
}

/* "unknown key 'NAME' (expected one of KEY KEY ...)", the keys of the table. */
static int
unknown_key(struct parser *p, size_t off, const char *name)
{
	struct strbuf b = { 0 };
	size_t i;
	int rc;

	strbuf_addf(&b, "unknown key '%s' (expected one of", name);
	for (i = 0; i < filter_nkeys; i++)
		strbuf_addf(&b, " %s", filter_keys[i].name);
	strbuf_adds(&b, ")");
	rc = fail(p, off, "%s", strbuf_str(&b));
	strbuf_free(&b);
	return rc;
}

static int
make_term(struct parser *p, struct token *t, struct filter_node **out)
{
	const struct filter_keydef *k, *near;
	struct filter_node *n;
	char name[64], what[512], expected[VOCAB_EXPECTED_LEN];
	size_t i, klen;

	n = node_new(OP_TERM, NULL, NULL);
	n->column = t->col;
	n->vcolumn = t->vcol;
	n->quoted = t->quoted;
	if (t->colon < 0) {
		n->key = KEY_WORD;
		n->value = xstrdup(t->text);
		*out = n;
		return RC_OK;
	}
	klen = (size_t)t->colon;
	if (klen == 0 || klen >= sizeof name) {
		free(n);
		return fail(p, t->off, "%sexpected a key before ':' (such as "
		    "country: or lang:)", "");
	}
	for (i = 0; i < klen; i++)
		name[i] = (char)tolower((unsigned char)t->text[i]);
	name[klen] = '\0';
	if ((k = filter_key_find(name)) == NULL) {
		free(n);
		if ((near = filter_key_nearest(name)) != NULL) {
			snprintf(what, sizeof what, "unknown key '%s' (did you "
			    "mean '%s'?)", name, near->name);
			return fail(p, t->off, "%s", what);
		}
		return unknown_key(p, t->off, name);
	}
	n->key = k->key;
	if (t->text[klen + 1] == '\0') {
		free(n);
		snprintf(what, sizeof what, "'%s:' needs a value (expected %s)",
		    k->name, filter_key_expected(k, expected, sizeof expected));
		return fail(p, t->voff, "%s", what);
	}
	n->value = xstrdup(t->text + klen + 1);
	*out = n;
	return RC_OK;
}

static int parse_or(struct parser *, struct filter_node **);
static int parse_unary(struct parser *, struct filter_node **);

static int
parse_nested(struct parser *p, struct token *t, struct filter_node **out)
{
	struct filter_node *inner;
	size_t open;
	int rc;

	switch (t->type) {
	case T_MINUS:
	case T_NOT:
		p->pos++;
		if (!starts_term(peek(p)))
			return fail(p, peek(p)->off, "expected a term after %s",
			    tok_name(t));
		if ((rc = parse_unary(p, &inner)) != RC_OK)
			return rc;
		*out = node_new(OP_NOT, inner, NULL);
		return RC_OK;
	case T_LPAREN:
		open = t->off;
		p->pos++;
		if (peek(p)->type == T_RPAREN)
			return fail(p, peek(p)->off, "%sempty parentheses "
			    "(expected a term)", "");
		if ((rc = parse_or(p, &inner)) != RC_OK)
			return rc;
		if (peek(p)->type != T_RPAREN) {
			filter_node_free(inner);
			return fail(p, open, "%s'(' is never closed (expected "
			    "')')", "");
		}
		p->pos++;
		*out = inner;
		return RC_OK;
	case T_WORD:
		p->pos++;
		return make_term(p, t, out);
	case T_RPAREN:
		return fail(p, t->off, "%sunexpected ')' (no '(' to close)",
		    "");
	default:
		return fail(p, t->off, "expected a term before %s",
		    tok_name(t));
	}
}

/*
 * Each '(' and NOT recurses here, and the trees built are walked
 * recursively by the compiler and the evaluator: the depth bound keeps
 * their stacks small, as the term bound does for chains of ANDs and ORs.
 */
static int
parse_unary(struct parser *p, struct filter_node **out)
{
	struct token *t = peek(p);
	int rc;

	if ((t->type == T_MINUS || t->type == T_NOT || t->type == T_LPAREN) &&
	    p->depth == FILTER_MAX_DEPTH)
		return error_set(p->err, RC_INPUT, "column %d: %s nested deeper "
		    "than %d parentheses and NOTs", t->col, tok_name(t),
		    FILTER_MAX_DEPTH);
	p->depth++;
	rc = parse_nested(p, t, out);
	p->depth--;
	return rc;
}

static int
parse_and(struct parser *p, struct filter_node **out)
{
	struct filter_node *left, *right;
	struct token *t;
	int rc;

	if ((rc = parse_unary(p, &left)) != RC_OK)
		return rc;
	for (;;) {
		t = peek(p);
		if (t->type == T_END || t->type == T_RPAREN ||
		    t->type == T_OR)
			break;
		if (t->type == T_AND) {
			p->pos++;
			if (!starts_term(peek(p))) {
				filter_node_free(left);
				return fail(p, peek(p)->off, "expected a term "
				    "after %s", tok_name(t));
			}
		}
		if ((rc = parse_unary(p, &right)) != RC_OK) {
			filter_node_free(left);
			return rc;
		}
		left = node_new(OP_AND, left, right);
	}
	*out = left;
	return RC_OK;
}

static int
parse_or(struct parser *p, struct filter_node **out)
{
	struct filter_node *left, *right;
	struct token *t;
	int rc;

	if ((rc = parse_and(p, &left)) != RC_OK)
		return rc;
	while ((t = peek(p))->type == T_OR) {
		p->pos++;
		if (!starts_term(peek(p))) {
			filter_node_free(left);
			return fail(p, peek(p)->off, "expected a term after %s",
			    tok_name(t));
		}
		if ((rc = parse_and(p, &right)) != RC_OK) {
			filter_node_free(left);
			return rc;
		}
		left = node_new(OP_OR, left, right);
	}
	*out = left;
	return RC_OK;
}

int
filter_parse(const char *text, struct filter_node **out, struct error *err)
{
	struct parser p = { .input = text, .err = err };
	struct filter_node *root = NULL;
	size_t i;
	int rc;

	*out = NULL;
	if ((rc = lex(&p)) != RC_OK)
		goto done;
	if (peek(&p)->type == T_END)
		goto done;
	if ((rc = parse_or(&p, &root)) != RC_OK)
		goto done;
	if (peek(&p)->type != T_END) {
		filter_node_free(root);
		root = NULL;
		rc = fail(&p, peek(&p)->off, "%sunexpected ')' (no '(' to "
		    "close)", "");
		goto done;
	}
	*out = root;
done:
	for (i = 0; i < p.ntoks; i++)
		free(p.toks[i].text);
	free(p.toks);
	return rc;
}
