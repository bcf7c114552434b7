/*
 * date.h - calendar dates as day numbers.
 *
 * A date is an int: days since 1970-01-01 in the proleptic Gregorian
 * calendar.  Text is ISO 8601 YYYY-MM-DD, years 1000 to 9999 only, so that
 * text order is date order in the database.
 *
 * Memory: nothing here allocates.
 */
#ifndef ROSTER_DATE_H
#define ROSTER_DATE_H

#include <stddef.h>

#include "error.h"

#define DATE_LEN 11	/* "YYYY-MM-DD" and its NUL */
/* The days YYYY-MM-DD can write: 1000-01-01 and 9999-12-31.  Parsers
 * keep every day they make between them. */
#define DATE_FIRST	(-354285)
#define DATE_LAST	2932896

/* Returns 1 and sets *day for a real date in exactly YYYY-MM-DD, else 0. */
int	date_parse(const char *s, int *day);
/*
 * Reads a date written as people write them, for "did you mean": day,
 * month, year as Europeans write them (03/12/2026, 3.12.2026, 3-12-2026)
 * or year, month, day (2026/12/03), with one of / . - between.  Returns 1
 * and sets *day for a real date, else 0.
 */
int	date_guess(const char *s, int *day);
/* A day outside DATE_FIRST..DATE_LAST is a bug of its caller: it is
 * written as the nearest of the two, never as year 0000, and never
 * ends the program. */
void	date_format(int day, char out[DATE_LEN]);
int	date_from_ymd(int y, int m, int d);
void	date_to_ymd(int day, int *y, int *m, int *d);

/* Today: $ROSTER_TODAY when set (it must be a valid date), else local. */
int	date_today(int *day, struct error *err);

/* The current time as UTC "YYYY-MM-DDTHH:MM:SSZ", for timestamps. */
void	date_now_utc(char out[21]);

#endif
