#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "audit.h"

void
audit_user(char *out, size_t len)
{
	struct passwd *pw = getpwuid(getuid());
	const char *user = getenv("USER");

	/* $USER can be anything; the password database is who logged in. */
	if (pw != NULL && pw->pw_name != NULL)
		user = pw->pw_name;
	snprintf(out, len, "%s", user != NULL ? user : "unknown");
}
