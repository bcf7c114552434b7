/* roster pool, roster pool name: this pool's name, id and change number,
 * the pools it has taken records from, and naming it. */
#include <stdio.h>

#include "cmd.h"
#include "pool.h"
#include "width.h"

/* The widest pool name, in columns, the table of known pools gives. */
#define POOL_COLS	POOL_NAME_MAX

static void
pool_print_known(const struct pool_info *p)
{
	struct strbuf b = { 0 };
	size_t i;

	if (p->nknown == 0) {
		printf("known pools: none\n");
		return;
	}
	printf("known pools:\n");
	width_fit(&b, "NAME", POOL_COLS, 1);
	printf("  %s  %-36s  %6s  %s\n", strbuf_str(&b), "ID", "MARK",
	    "WHEN");
	for (i = 0; i < p->nknown; i++) {
		strbuf_reset(&b);
		width_fit(&b, p->known[i].name, POOL_COLS, 1);
		printf("  %s  %-36s  %6lld  ", strbuf_str(&b),
		    p->known[i].id, p->known[i].mark);
		strbuf_reset(&b);
		width_escape(&b, p->known[i].at);
		printf("%s\n", strbuf_str(&b));
	}
	strbuf_free(&b);
}

static int
cmd_pool_exec(struct cli *c, const struct cli_args *a, struct error *err)
{
	struct store *s = NULL;
	struct pool_info p;
	int rc;

	(void)a;
	if ((rc = cli_open(c, 0, &s, err)) != RC_OK)
		return rc;
	if ((rc = pool_info_get(s, &p, err)) == RC_OK) {
		if (p.name[0] != '\0')
			printf("name: %s\n", p.name);
		else
			printf("name: none (give it one: roster pool name "
			    "NAME)\n");
		printf("id: %s\nchange: %lld\n", p.id, p.change);
		pool_print_known(&p);
	}
	pool_info_free(&p);
	store_close(s);
	return rc;
}

static const struct cli_opt pool_opts[] = {
	{ NULL, 0, NULL, NULL },
};

const struct cmd_entry cmd_pool_entry = {
	.name = "pool",
	.usage = "",
	.lower = 0,
	.upper = 0,
	.opts = pool_opts,
	.exec = cmd_pool_exec,
};

static int
cmd_pool_name_exec(struct cli *c, const struct cli_args *a,
    struct error *err)
{
	const char *name = a->words[0];
	struct pool_naming n;
	struct cli_before before;
	struct store *s = NULL;
	int rc;

	/* A bad name is told before the database is opened, or made. */
	if ((rc = pool_name_check(name, err)) != RC_OK)
		return rc;
	/* Naming is the first thing done to a new hub's pool: it is made
	 * if need be, and taken away again if the naming fails. */
	if ((rc = cli_open_noted(c, c->read_only ? 0 : STORE_CREATE, &before,
	    &s, err)) == RC_OK)
		rc = pool_name_set(s, name, cli_flag(a, "rename"), &n, err);
	store_close(s);
	if (rc != RC_OK) {
		cli_before_undo(&before);
		return rc;
	}
	if (n.same)
		cli_note("roster: the pool is called %s already; nothing "
		    "changed\n", name);
	else if (n.old[0] != '\0')
		cli_note("roster: the pool %s is now called %s (%lld %s and "
		    "%lld deployment%s renamed)\n", n.old, name, n.people,
		    n.people == 1 ? "person" : "people", n.deployments,
		    n.deployments == 1 ? "" : "s");
	else
		cli_note("roster: the pool is called %s (%lld %s and %lld "
		    "deployment%s made here took the name)\n", name, n.people,
		    n.people == 1 ? "person" : "people", n.deployments,
		    n.deployments == 1 ? "" : "s");
	return RC_OK;
}

static const struct cli_opt pool_name_opts[] = {
	{ "rename", 0, NULL, NULL },
	{ NULL, 0, NULL, NULL },
};

const struct cmd_entry cmd_pool_name_entry = {
	.name = "pool name",
	.usage = "name [--rename]",
	.lower = 1,
	.upper = 1,
	.opts = pool_name_opts,
	.exec = cmd_pool_name_exec,
};
