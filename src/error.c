#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "error.h"

int
error_set(struct error *e, int code, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return code;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return code;
}

void
error_prefix(struct error *e, const char *fmt, ...)
{
	char prefix[256], rest[sizeof e->msg];
	va_list ap;

	if (e == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof prefix, fmt, ap);
	va_end(ap);
	memcpy(rest, e->msg, sizeof rest);
	/* A message cut to fit is still worth showing. */
	if (snprintf(e->msg, sizeof e->msg, "%s: %s", prefix, rest) < 0)
		e->msg[0] = '\0';
}
