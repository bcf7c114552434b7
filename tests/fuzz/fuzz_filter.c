/*
 * libFuzzer harness for the filter parser: any bytes must give a tree or a
 * "column C: ..." message whose column lies within the text, never a crash
 * or a leak.
 *
 * `make fuzz` runs it under libFuzzer; make check replays its seeds
 * (filter-seeds.txt) through driver.c.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "utf8.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct filter_node *n;
	struct error err;
	char *text;
	long col;

	if ((text = malloc(size + 1)) == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (filter_parse(text, &n, &err) == RC_OK)
		filter_node_free(n);
	else {
		if (strncmp(err.msg, "column ", 7) != 0)
			abort();
		col = strtol(err.msg + 7, NULL, 10);
		if (col < 1 || (size_t)col > utf8_count(text, strlen(text)) + 1)
			abort();
	}
	free(text);
	return 0;
}
