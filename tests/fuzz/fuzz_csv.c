/*
 * fuzz_csv.c - libFuzzer harness for the CSV reader.
 *
 * The first byte of the input picks the chunk sizes; the rest is the CSV.
 * It is read once whole and once in those chunks, and the two readings,
 * records and error alike, must be the same.  A record whose first field
 * is "STOP" makes the callback stop the reader, so that path is fuzzed too.
 *
 * `make fuzz` runs it under libFuzzer; make check replays the e2e
 * fixtures through driver.c.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "error.h"
#include "utf8.h"

#define STOPPED	42

/* One reading: every record, then how it ended. */
struct reading {
	FILE	*out;
	char	*text;
	size_t	 len;
};

static int
record_cb(const struct csv_record *rec, void *arg, struct error *err)
{
	struct reading	*rd = arg;
	size_t		 i;

	fprintf(rd->out, "%lu %zu\n", rec->line, rec->nfields);
	for (i = 0; i < rec->nfields; i++) {
		/* The reader promises C strings of valid UTF-8. */
		if (strlen(rec->fields[i]) != rec->lengths[i] ||
		    !utf8_valid(rec->fields[i], rec->lengths[i], NULL))
			abort();
		fprintf(rd->out, "%zu:", rec->lengths[i]);
		fwrite(rec->fields[i], 1, rec->lengths[i], rd->out);
		putc('\n', rd->out);
	}
	if (strcmp(rec->fields[0], "STOP") == 0)
		return error_set(err, STOPPED, "stopped at %lu", rec->line);
	return RC_OK;
}

/*
 * Feeds in[0..len) in chunks whose sizes, from 1 to 16 bytes, follow a
 * sequence seeded by seed; seed 0 feeds everything at once.
 */
static void
read_csv(const uint8_t *in, size_t len, unsigned seed, struct reading *rd)
{
	struct csv_reader	*r = csv_reader_new("fuzz.csv");
	struct error		 err;
	size_t			 off = 0, n;
	unsigned		 x = seed;
	int			 rc = RC_OK;

	if ((rd->out = open_memstream(&rd->text, &rd->len)) == NULL)
		abort();
	while (rc == RC_OK && off < len) {
		if (seed == 0)
			n = len;
		else {
			x = x * 1103515245 + 12345;
			n = 1 + (x >> 16) % 16;
			if (n > len - off)
				n = len - off;
		}
		rc = csv_feed(r, (const char *)in + off, n, record_cb, rd,
		    &err);
		off += n;
	}
	if (rc == RC_OK)
		rc = csv_finish(r, record_cb, rd, &err);
	if (rc != RC_OK)
		fprintf(rd->out, "error %d: %s\n", rc, err.msg);
	if (fclose(rd->out) != 0)
		abort();
	csv_reader_free(r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct reading	whole, chunked;

	if (size == 0)
		return 0;
	read_csv(data + 1, size - 1, 0, &whole);
	read_csv(data + 1, size - 1, data[0] + 1u, &chunked);
	if (whole.len != chunked.len ||
	    memcmp(whole.text, chunked.text, whole.len) != 0) {
		fprintf(stderr, "whole:\n%s\nchunked:\n%s\n", whole.text,
		    chunked.text);
		abort();
	}
	free(whole.text);
	free(chunked.text);
	return 0;
}
