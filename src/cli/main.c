#include <langinfo.h>
#include <locale.h>
#include <string.h>

#include <sqlite3.h>

#include "cmd.h"
#include "tui.h"

int
main(int argc, char **argv)
{
	/* Widths are measured with wcwidth, which needs an UTF-8 locale. */
	if (setlocale(LC_CTYPE, "") == NULL ||
	    strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	/*
	 * One thread per connection: SQLite's memory statistics and mutexes
	 * would only add a lock to every allocation.
	 */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
	return cli_main(argc, argv, tui_main);
}
