#include <langinfo.h>
#include <locale.h>
#include <string.h>

#include "cli.h"

int
main(int argc, char **argv)
{
	/* Widths are measured with wcwidth, which needs an UTF-8 locale. */
	if (setlocale(LC_CTYPE, "") == NULL ||
	    strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	return cli_main(argc, argv);
}
