/*
 * csv.h - the project's own RFC 4180 reader and writer.
 *
 * The reader is push based: feed it chunks of any size (down to one byte)
 * and it calls back once per complete record, so the result never depends
 * on how the input was split.  Quoted fields may hold commas, quotes ("")
 * and newlines; records end in CRLF or LF; a UTF-8 byte order mark at the
 * very start is skipped; invalid UTF-8 is an error; a final record without
 * a line ending is accepted; an empty line is a record with one empty
 * field only when it is inside the data (blank lines are skipped).
 *
 * A cell that starts with = + - @ tab or CR is one a spreadsheet would run
 * as a formula: the writer puts a single quote before it (and before a cell
 * that starts with a quote, so that the mark can be told from the data),
 * and the reader drops a quote followed by one of these seven characters.
 * Every value reads back as written; a quote before anything else is data.
 *
 * Memory: the reader owns everything it hands to the callback; a record and
 * its fields are valid only during the callback.  csv_reader_free releases
 * the reader.  The writer writes straight to a caller-owned FILE.
 */
#ifndef ROSTER_CSV_H
#define ROSTER_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "error.h"
#include "strbuf.h"

struct csv_record {
	size_t		 nfields;
	const char	**fields;	/* NUL-terminated, UTF-8 checked */
	const size_t	*lengths;	/* byte lengths of fields */
	unsigned long	 line;		/* line where the record starts (1-based) */
};

/*
 * Called per record; a non-zero return stops the reader and is returned by
 * csv_feed/csv_finish as it is (the callback fills err itself).
 */
typedef int (*csv_record_cb)(const struct csv_record *, void *arg,
    struct error *err);

struct csv_reader;

/* name is used in messages ("people.csv:12: ..."); it is copied. */
struct csv_reader	*csv_reader_new(const char *name);
void			 csv_reader_free(struct csv_reader *);
/*
 * Reads sep between fields instead of a comma, as spreadsheets that use
 * commas in numbers write (';'); sep is ASCII and not '"', CR or LF.
 */
void			 csv_reader_separator(struct csv_reader *, char sep);
/*
 * The separator's name for messages, "comma", "semicolon" or "tab": a
 * quoted tab would put a raw tab in the message.
 */
const char		*csv_separator_name(char sep);

/*
 * Feeds len bytes.  Returns RC_OK, RC_INPUT with err set to
 * "NAME:LINE: column C: what was expected" on malformed input, or the
 * callback's non-zero return.  After an error the reader must not be fed
 * again.
 */
int	csv_feed(struct csv_reader *, const char *buf, size_t len,
	    csv_record_cb cb, void *arg, struct error *err);
/* Ends the input: flushes a last record, or reports an open quote. */
int	csv_finish(struct csv_reader *, csv_record_cb cb, void *arg,
	    struct error *err);

/*
 * Feeds what is left of f in fixed-size chunks, then ends the input unless
 * the callback stopped it.  With keep, every chunk read is also added to
 * it, so that a caller that stops early can give the same bytes to a new
 * reader: a pipe cannot be read twice.
 */
int	csv_feed_file(struct csv_reader *, FILE *f, struct strbuf *keep,
	    csv_record_cb cb, void *arg, struct error *err);

/*
 * Reads a whole file, with sep between fields, through the reader in
 * fixed-size chunks.
 */
int	csv_read_file(const char *path, char sep, csv_record_cb cb, void *arg,
	    struct error *err);

/*
 * Writes one field, quoted only when it holds a comma, quote, CR or LF or
 * starts like a formula (then after a single quote, see above);
 * last ends the record with CRLF (RFC 4180), otherwise a comma follows.
 */
void	csv_write_field(FILE *, const char *s, int last);

#endif
