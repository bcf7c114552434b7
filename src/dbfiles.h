/*
 * dbfiles.h - the SQL of db/ (schema, migrations, reference data), compiled
 * into the binary by db/embed.sh.
 *
 * Memory: static, read-only.
 */
#ifndef ROSTER_DBFILES_H
#define ROSTER_DBFILES_H

struct db_file {
	const char	*name;	/* path below db/, e.g. "ref/countries.sql" */
	const char	*sql;
};

/* Terminated by an entry whose name is NULL. */
extern const struct db_file db_files[];

#endif
