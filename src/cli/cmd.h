/*
 * cmd.h - the command line of roster(1): global options, then a command.
 *
 * Every command, and every deploy subcommand, is one struct cmd_entry (in
 * the style of tmux's cmd_entry) in cmd_table.  The table drives dispatch,
 * roster --help, roster CMD --help, usage errors and the argument-count
 * checks, and tests/unit/test_cli.c holds it against roster(1).
 *
 * One convention: an exec returns an exit status (error.h): 0 success, 1
 * no match or refused, 2 bad input or usage, 3 database trouble; on
 * failure it writes the message into err, and cli_main alone prints it,
 * as "roster: MSG" on stderr.  An empty message prints nothing (search
 * that finds nobody, like grep).  Results go to stdout, notes to stderr.
 *
 * Memory: argv is borrowed, and struct cli_args points into it; cli_parse
 * allocates the arrays of cli_args and cli_args_free releases them.
 * Commands free what they allocate.
 */
#ifndef ROSTER_CMD_H
#define ROSTER_CMD_H

#include <limits.h>

#include "error.h"
#include "store.h"
#include "strbuf.h"

/* What the global options say, for every command. */
struct cli {
	const char	*db;		/* --db, or NULL for the default */
	int		 read_only;
	int		 today;		/* a day number: date_today() */
	/* The database was opened read-only: the user may not write it
	 * (store's read_only_why), told once the command is done. */
	char		 opened_read_only[1024];
};

enum {
	CLI_VALUE = 0x1,	/* --name VALUE or --name=VALUE, else a flag */
	CLI_REPEAT = 0x2,	/* may be given more than once */
	CLI_REQUIRED = 0x4,	/* a usage error without it */
	CLI_SHORT = 0x8,	/* also -X, X its first letter: -o FILE */
};

/* One long option of a command. */
struct cli_opt {
	const char	*name;		/* without the "--" */
	int		 flags;		/* CLI_* */
	const char	*expect;	/* said when the value is missing, or NULL */
	const char	*choices;	/* "table|csv|json|ids", or NULL for any */
};

/* One option as given. */
struct cli_value {
	const struct cli_opt	*opt;
	const char		*value;		/* "" for a flag */
};

/* A command line parsed against its entry. */
struct cli_args {
	const struct cmd_entry	 *entry;
	char			**words;	/* not options, in order */
	int			  nwords;
	struct cli_value	 *values;	/* in the order given */
	int			  nvalues;
};

struct cmd_entry {
	const char		*name;		/* "search", "deploy add" */
	const char		*usage;		/* what follows the name */
	const char		*note;		/* after the usage, or NULL */
	int			 lower;		/* fewest words */
	int			 upper;		/* most words, -1 for any */
	const struct cli_opt	*opts;		/* ends with a NULL name */
	int			(*exec)(struct cli *, const struct cli_args *,
				    struct error *);
};

/* Every command, in the order roster --help lists them; NULL-terminated. */
extern const struct cmd_entry *const cmd_table[];

/*
 * Runs the command line; with no command, interactive (the full-screen
 * interface, which lives outside the core) gets the database.
 */
int	cli_main(int argc, char **argv,
	    int (*interactive)(struct store *, int today, int read_only,
	    struct error *err));

/*
 * Parses a command's arguments against its entry: its options, and
 * everything else (and everything after "--") as words, in order; then
 * checks the number of words and the required options.  Words that begin
 * with a single '-' are not options: they are filter negations such as
 * -lang:fr.  On failure there is nothing to free.
 */
int	cli_parse(const struct cmd_entry *, int argc, char **argv,
	    struct cli_args *, struct error *err);
void	cli_args_free(struct cli_args *);

/* The nth value of option name (0 for the first), or NULL. */
const char *cli_value(const struct cli_args *, const char *name, int n);
/* How many times option name was given. */
int	cli_count(const struct cli_args *, const char *name);
/* Whether flag name was given. */
int	cli_flag(const struct cli_args *, const char *name);

/* Adds "roster NAME USAGE", and the note after it, as one line. */
void	cli_usage(const struct cmd_entry *, struct strbuf *);
/* "usage: roster NAME USAGE": sets err, returns RC_INPUT. */
int	cli_usage_error(const struct cmd_entry *, struct error *err);

struct format_from;

/*
 * Writes the people from gives (NULL: those search_collect gathered) to
 * stdout in format: table (also for NULL), csv, json or ids; flags as
 * format.h's, and a note of the contacts csv and json leave out
 * (cli_note_left_out).
 */
int	cli_print_people(struct store *, const struct format_from *from,
	    const char *format, int today, int flags, struct error *err);
/* Says on stderr that the contacts of n people who left the service were
 * left out, and how to have them; nothing when n is 0. */
void	cli_note_left_out(long long n);

/*
 * Writes to stderr what fmt formats, its control characters escaped as
 * the screen shows them (width_escape): every message and note goes
 * through here, so that no argument or file can drive the terminal.
 */
void	cli_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * The person arg names, as person_resolve finds them, with errors after
 * "cmd: "; an id nobody has that was erased is said to be, with the day,
 * not merely unknown (still RC_REFUSED).
 */
int	cli_person(struct store *, const char *cmd, const char *arg,
	    long long *pk, struct error *err);
/*
 * Opens the database the global options name, with cli_set_wait; one
 * the user may not write is opened read-only and noted in the cli.
 */
int	cli_open(struct cli *, int flags, struct store **, struct error *err);
/* A write that finds another roster's lock waits, saying so on stderr
 * after a second, and gives up after STORE_BUSY_MS (store_set_wait). */
void	cli_set_wait(struct store *);
/*
 * What a command that may create the database found at its path (which
 * the caller fills, by cli_db_path): whether it existed, was an empty
 * file, and the first directory opening it will make ("" for none).
 */
struct cli_before {
	char	path[PATH_MAX];
	char	made[PATH_MAX];
	int	existed;
	int	empty;
};
void	cli_before_look(struct cli_before *);
/*
 * A refused command leaves the path as it found it: a file it made is
 * removed with its -wal and -shm and the directories made for it, an
 * empty file it began to fill is empty again.
 */
void	cli_before_undo(const struct cli_before *);
/*
 * cli_open with flags (STORE_CREATE: the pool is made if need be), b
 * first noting what the path was, for cli_before_undo when the command
 * fails.  Before the path is known, b undoes nothing.
 */
int	cli_open_noted(struct cli *, int flags, struct cli_before *b,
	    struct store **, struct error *err);
struct merge_report;
/* A merge's report (merge.h) on stdout, or, refused for vocabulary the
 * pool lacks, what it lacks on stderr: for roster merge and apply. */
void	cli_merge_print(const char *cmd, int rc, const struct merge_report *,
	    int dry_run);
/* The path of that database, into path (len bytes). */
int	cli_db_path(const struct cli *, char *path, size_t len,
	    struct error *err);

#endif
