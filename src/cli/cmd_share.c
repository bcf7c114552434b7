/* roster share: the pool shared with a group, or private again. */
#include <stdio.h>

#include "cmd.h"
#include "share.h"

static int
cmd_share_exec(struct cli *c, const struct cli_args *a, struct error *err)
{
	const char *group = cli_value(a, "group", 0);
	int private = cli_flag(a, "private");
	struct share_result r;
	struct store *s = NULL;
	char now[256];
	int rc;

	if (group != NULL && private)
		return error_set(err, RC_INPUT, "share: --group and --private "
		    "contradict each other");
	if ((rc = cli_open(c, 0, &s, err)) != RC_OK)
		return rc;
	if (group == NULL && !private) {
		if ((rc = share_get(s, now, sizeof now, err)) == RC_OK &&
		    *now != '\0')
			printf("%s: shared with group %s\n", s->path, now);
		else if (rc == RC_OK)
			printf("%s: private\n", s->path);
	} else if ((rc = share_set(s, group, &r, err)) == RC_OK) {
		if (group != NULL)
			cli_note("roster: %s: shared with group %s (mode "
			    "0660)\n", s->path, group);
		else
			cli_note("roster: %s: private (mode 0600)\n", s->path);
		if (r.unreachable[0] != '\0')
			cli_note("roster: note: the group cannot reach the "
			    "pool: %s is closed to it (chgrp %s and chmod g+x "
			    "it, or move the pool to a directory of the "
			    "group)\n", r.unreachable, group);
		else if (r.dir_closed)
			cli_note("roster: note: the pool's directory is not "
			    "the group's to write: should its -wal and -shm "
			    "files go, only you could make them again "
			    "(chgrp %s and chmod g+ws the directory)\n",
			    group);
	}
	store_close(s);
	return rc;
}

static const struct cli_opt share_opts[] = {
	{ "group", CLI_VALUE, "a group", NULL },
	{ "private", 0, NULL, NULL },
	{ NULL, 0, NULL, NULL },
};

const struct cmd_entry cmd_share_entry = {
	.name = "share",
	.usage = "[--group GROUP] [--private]",
	.lower = 0,
	.upper = 0,
	.opts = share_opts,
	.exec = cmd_share_exec,
};
