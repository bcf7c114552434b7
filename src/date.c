#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"

/* Howard Hinnant's days_from_civil: exact for the whole proleptic range. */
int
date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
date_to_ymd(int day, int *y, int *m, int *d)
{
	int z, era, doe, yoe, doy, mp;

	z = day + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp + (mp < 10 ? 3 : -9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int
days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

int
date_parse(const char *s, int *day)
{
	int i, y, m, d;

	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return 0;
		} else if (s[i] < '0' || s[i] > '9')
			return 0;
	}
	if (s[10] != '\0')
		return 0;
	y = atoi(s);
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1000 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return 0;
	*day = date_from_ymd(y, m, d);
	return 1;
}

/* Reads 1 to max digits at *s; returns the number, or -1. */
static int
digits(const char **s, int max)
{
	int n = 0, i;

	for (i = 0; i < max && **s >= '0' && **s <= '9'; i++, (*s)++)
		n = n * 10 + (**s - '0');
	return i == 0 ? -1 : n;
}

int
date_guess(const char *s, int *day)
{
	const char *p = s;
	int a, b, c, y, m, d;
	size_t alen;
	char sep;

	if ((a = digits(&p, 4)) < 0 || *p == '\0' || strchr("/.-", *p) == NULL)
		return 0;
	alen = (size_t)(p - s);
	sep = *p++;
	if ((b = digits(&p, 2)) < 0 || *p++ != sep || (c = digits(&p, 4)) < 0 ||
	    *p != '\0')
		return 0;
	/* Year first (2026/12/03), else day first as Europeans write it. */
	y = alen == 4 ? a : c;
	m = b;
	d = alen == 4 ? c : a;
	if (alen == 3 || y < 1000 || m < 1 || m > 12 || d < 1 ||
	    d > days_in_month(y, m))
		return 0;
	*day = date_from_ymd(y, m, d);
	return 1;
}

void
date_format(int day, char out[DATE_LEN])
{
	int y, m, d;

	if (day < DATE_FIRST)
		day = DATE_FIRST;
	else if (day > DATE_LAST)
		day = DATE_LAST;
	date_to_ymd(day, &y, &m, &d);
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

int
date_today(int *day, struct error *err)
{
	const char *env = getenv("ROSTER_TODAY");
	struct tm tm;
	time_t now;

	if (env != NULL && *env != '\0') {
		if (!date_parse(env, day))
			return error_set(err, RC_INPUT, "ROSTER_TODAY: '%s' is "
			    "not a date (expected YYYY-MM-DD)", env);
		/*
		 * Notice, windows and +N dates reach a century past today;
		 * all of it must stay writable as YYYY-MM-DD.
		 */
		if (*day < date_from_ymd(1900, 1, 1) ||
		    *day > date_from_ymd(9899, 12, 31))
			return error_set(err, RC_INPUT, "ROSTER_TODAY: '%s' is "
			    "out of range (expected a date from 1900-01-01 to "
			    "9899-12-31)", env);
		return RC_OK;
	}
	now = time(NULL);
	localtime_r(&now, &tm);
	*day = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	return RC_OK;
}

void
date_now_utc(char out[21])
{
	struct tm tm;
	time_t now = time(NULL);

	gmtime_r(&now, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
