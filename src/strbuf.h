/*
 * strbuf.h - a growable string, for building SQL and output.
 *
 * Memory: the strbuf owns its buffer; strbuf_free releases it, and
 * strbuf_steal hands it to the caller (free()).  Allocation failure aborts:
 * there is no sensible way to go on without memory.
 */
#ifndef ROSTER_STRBUF_H
#define ROSTER_STRBUF_H

#include <stddef.h>

struct strbuf {
	char	*s;	/* always NUL-terminated once anything is added */
	size_t	 len;
	size_t	 cap;
};

void	 strbuf_add(struct strbuf *, const char *s, size_t len);
void	 strbuf_adds(struct strbuf *, const char *s);
void	 strbuf_addf(struct strbuf *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* n with a comma between thousands: "1,234". */
void	 strbuf_thousands(struct strbuf *, long long n);
void	 strbuf_reset(struct strbuf *);
char	*strbuf_steal(struct strbuf *);
void	 strbuf_free(struct strbuf *);
/* The contents, "" when nothing was added. */
const char *strbuf_str(const struct strbuf *);

/* malloc/calloc/strdup that abort on failure, for the same reason. */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);
/* Frees n strings and the array that holds them. */
void	 strv_free(char **, size_t n);

#endif
