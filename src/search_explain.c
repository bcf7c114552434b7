/*
 * search_explain.c - why a filter matches nobody: its top-level terms
 * taken one at a time until the people left run out.
 *
 * Memory: the parse tree, the compiled filter and the results are freed
 * here; the caller owns the strbuf the sentence goes into.
 */
#include <stdint.h>
#include <stdlib.h>

#include "search.h"
#include "width.h"

static void node_text(const struct filter_node *, struct strbuf *);

/* A term of an AND: OR binds less tightly, so it needs parentheses. */
static void
operand_text(const struct filter_node *n, struct strbuf *b)
{
	if (n->op == OP_OR)
		strbuf_adds(b, "(");
	node_text(n, b);
	if (n->op == OP_OR)
		strbuf_adds(b, ")");
}

/* A term as the filter language writes it, for the message. */
static void
node_text(const struct filter_node *n, struct strbuf *b)
{
	const char *q;

	switch (n->op) {
	case OP_TERM:
		q = n->quoted ? "\"" : "";
		if (n->key != KEY_WORD)
			strbuf_addf(b, "%s:", filter_key_name(n->key));
		/* What was typed goes back to a terminal: no escapes. */
		strbuf_adds(b, q);
		width_fit(b, n->value, SIZE_MAX, 0);
		strbuf_adds(b, q);
		break;
	case OP_NOT:
		strbuf_adds(b, "-");
		if (n->left->op != OP_TERM)
			strbuf_adds(b, "(");
		node_text(n->left, b);
		if (n->left->op != OP_TERM)
			strbuf_adds(b, ")");
		break;
	case OP_AND:
		operand_text(n->left, b);
		strbuf_adds(b, " ");
		operand_text(n->right, b);
		break;
	case OP_OR:
		node_text(n->left, b);
		strbuf_adds(b, " OR ");
		node_text(n->right, b);
		break;
	}
}

/*
 * The operands of the top-level AND, in order, from the parse tree and
 * from the compiled one, which has the same shape there (an AND term for
 * an AND node): n[i] compiled is set[i].  Returns how many.
 */
static size_t
operands(const struct filter_node *root, const struct filter_set *sroot,
    const struct filter_node ***n, const struct filter_set ***set)
{
	const struct filter_node *p;
	const struct filter_set *q;
	size_t count = 1, i;

	for (p = root; p->op == OP_AND; p = p->left)
		count++;
	*n = xcalloc(count, sizeof **n);
	*set = xcalloc(count, sizeof **set);
	for (p = root, q = sroot, i = count; p->op == OP_AND;
	    p = p->left, q = q->a) {
		(*n)[--i] = p->right;
		(*set)[i] = q->b;
	}
	(*n)[0] = p;
	(*set)[0] = q;
	return count;
}

static void
say(struct strbuf *out, const struct filter_node *const *n, size_t k,
    long long before)
{
	size_t i;

	if (k == 0) {
		strbuf_adds(out, "nobody matches ");
		operand_text(n[0], out);
		return;
	}
	strbuf_addf(out, "%lld match%s ", before, before == 1 ? "es" : "");
	for (i = 0; i < k; i++) {
		if (i > 0)
			strbuf_adds(out, " ");
		operand_text(n[i], out);
	}
	strbuf_adds(out, before == 1 ? "; they do not also match " :
	    "; none of them also match ");
	operand_text(n[k], out);
}

int
search_explain_empty(struct store *s, const char *text, int today,
    struct search_cache *cache, struct strbuf *out, struct error *err)
{
	struct filter_node *root = NULL;
	struct filter *f = NULL;
	struct search_result *r = NULL;
	const struct filter_node **n = NULL;
	const struct filter_set **set = NULL;
	struct search_cache *own = NULL;
	size_t count = 0, k;
	long long before;
	int rc;

	if ((rc = filter_parse(text, &root, err)) != RC_OK ||
	    (rc = filter_compile(s, text, today, &f, err)) != RC_OK)
		goto out;
	if (root == NULL || root->op != OP_AND) {
		strbuf_adds(out, "no match");
		goto out;
	}
	count = operands(root, filter_root(f), &n, &set);
	/* The terms are looked up again, one at a time: once each. */
	if (cache == NULL)
		cache = own = search_cache_new();
	/* Everyone, then each term in turn. */
	if ((rc = search_text(s, "", today, cache, &r, err)) != RC_OK)
		goto out;
	for (k = 0; k < count; k++) {
		before = search_result_count(r);
		if ((rc = search_narrow(s, f, set[k], cache, r, err)) != RC_OK)
			goto out;
		if (search_result_count(r) == 0) {
			say(out, n, k, before);
			goto out;
		}
	}
	strbuf_adds(out, "no match");
out:
	free(n);
	free(set);
	search_result_free(r);
	search_cache_free(own);
	filter_free(f);
	filter_node_free(root);
	return rc;
}
