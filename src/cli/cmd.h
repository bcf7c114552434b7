/*
 * cli.h - the command line of roster(1): global options, then a command.
 *
 * Every command returns an exit status (error.h): 0 success, 1 no match or
 * refused, 2 bad input or usage, 3 database trouble.  Messages go to
 * stderr, results to stdout.
 *
 * Memory: argv is borrowed; commands free what they allocate.
 */
#ifndef ROSTER_CLI_H
#define ROSTER_CLI_H

#include "error.h"
#include "store.h"

struct cli {
	const char	*db;		/* --db, or NULL for the default */
	int		 read_only;
	int		 today;		/* a day number: date_today() */
};

/* One long option of a command: --name VALUE, --name=VALUE or --name. */
struct cli_opt {
	const char	 *name;
	const char	**value;	/* NULL for a flag */
	int		 *flag;
	int		  repeat;	/* may be given more than once */
};

/*
 * Runs the command line; with no command, interactive (the full-screen
 * interface, which lives outside the core) gets the database.
 */
int	cli_main(int argc, char **argv,
	    int (*interactive)(struct store *, int today, int read_only,
	    struct error *err));

/*
 * Parses a command's options; everything else (and everything after "--")
 * lands in rest, in order.  Words that begin with a single '-' are not
 * options: they are filter negations such as -lang:fr.
 */
int	cli_parse(const char *cmd, int argc, char **argv,
	    const struct cli_opt *opts, char **rest, int *nrest,
	    struct error *err);

/* Opens the database the global options name. */
int	cli_open(const struct cli *, int flags, struct store **,
	    struct error *err);

/* Reports err on stderr as "roster: ..." and returns rc. */
int	cli_fail(int rc, const struct error *err);

int	cmd_demo(struct cli *, int argc, char **argv);
int	cmd_import(struct cli *, int argc, char **argv);
int	cmd_export(struct cli *, int argc, char **argv);
int	cmd_search(struct cli *, int argc, char **argv);
int	cmd_show(struct cli *, int argc, char **argv);
int	cmd_deploy(struct cli *, int argc, char **argv);

/* roster deploy's subcommands and their usage lines (cli_deploy.c). */
struct deploy_sub {
	const char	*name;
	const char	*usage;
};
extern const struct deploy_sub deploy_usage[];
/* "usage: roster deploy SUB ...": sets err, returns RC_INPUT. */
int	deploy_usage_error(const char *sub, struct error *err);
/* deploy suggest (cli_suggest.c): returns a status, message in err. */
int	cli_suggest(struct cli *, int argc, char **argv, struct error *err);

#endif
