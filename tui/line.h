/*
 * line.h - the filter bar's text: a one-line editor in the manner of
 * readline, working on whole UTF-8 characters, with a history.
 *
 * Memory: a line owns its text and its history; line_free releases both.
 * line_text's pointer is valid until the next change.
 */
#ifndef ROSTER_LINE_H
#define ROSTER_LINE_H

#include <stddef.h>

#include "filter.h"
#include "strbuf.h"

#define LINE_HISTORY	100
/* The longest text, in bytes: more is no filter (filter_compile). */
#define LINE_MAX_BYTES	FILTER_MAX_BYTES

struct line {
	struct strbuf	 text;
	size_t		 cursor;	/* a byte offset, on a character */
	char		*history[LINE_HISTORY];	/* oldest first */
	size_t		 nhistory;
	size_t		 browsing;	/* history index shown; nhistory: none */
	char		*draft;		/* the text before browsing began */
};

void		 line_set(struct line *, const char *text);
const char	*line_text(const struct line *);
void		 line_free(struct line *);

/* -1, the line unchanged, when it would grow past LINE_MAX_BYTES. */
int	line_insert(struct line *, const char *utf8, size_t len);
void	line_left(struct line *);
void	line_right(struct line *);
void	line_home(struct line *);
void	line_end(struct line *);
void	line_backspace(struct line *);
void	line_delete(struct line *);
void	line_kill_start(struct line *);	/* C-u */
void	line_kill_end(struct line *);	/* C-k */
void	line_kill_word(struct line *);	/* C-w: back over spaces, then a word */

/* Remembers text (not empty, not a repeat of the newest entry). */
void	line_remember(struct line *, const char *text);
/* Shows an older or newer entry; the newest step returns to the draft. */
void	line_older(struct line *);
void	line_newer(struct line *);

#endif
