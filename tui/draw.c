#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "strbuf.h"
#include "width.h"

enum { PAIR_ERROR = 1, PAIR_YES, PAIR_WARN, PAIR_CURSOR, PAIR_TAG };

void
draw_init(struct app *a)
{
	const char *no = getenv("NO_COLOR");
	locale_t user;

	/* Block characters only where the user's locale is UTF-8: roster
	 * itself runs in one whatever it is (main.c). */
	user = newlocale(LC_CTYPE_MASK, "", (locale_t)0);
	if (user != (locale_t)0) {
		a->blocks = strcmp(nl_langinfo_l(CODESET, user), "UTF-8") == 0;
		freelocale(user);
	}

	/* https://no-color.org: present and not empty. */
	a->color = has_colors() && (no == NULL || *no == '\0');
	if (!a->color)
		return;
	start_color();
	use_default_colors();
	init_pair(PAIR_ERROR, COLOR_RED, -1);
	init_pair(PAIR_YES, COLOR_GREEN, -1);
	init_pair(PAIR_WARN, COLOR_YELLOW, -1);
	init_pair(PAIR_CURSOR, COLOR_BLACK, COLOR_CYAN);
	init_pair(PAIR_TAG, COLOR_MAGENTA, -1);
}

int
draw_attr(const struct app *a, enum role r)
{
	switch (r) {
	case ROLE_HEADER:
		return A_BOLD | A_REVERSE;
	case ROLE_STATUS:
		return A_REVERSE;
	case ROLE_CURSOR:
		return a->color ? COLOR_PAIR(PAIR_CURSOR) : A_REVERSE;
	case ROLE_ERROR:
		return A_BOLD | (a->color ? COLOR_PAIR(PAIR_ERROR) : 0);
	case ROLE_YES:
		return a->color ? COLOR_PAIR(PAIR_YES) : 0;
	case ROLE_WARN:
		return a->color ? COLOR_PAIR(PAIR_WARN) | A_BOLD : A_BOLD;
	case ROLE_TAG:
		return A_BOLD | (a->color ? COLOR_PAIR(PAIR_TAG) : 0);
	}
	return 0;
}

void
draw_text(int y, int x, int cols, const char *s, int attr)
{
	struct strbuf b = { 0 };

	if (cols <= 0 || y < 0 || y >= LINES || x >= COLS)
		return;
	if (x + cols > COLS)
		cols = COLS - x;
	width_fit(&b, s != NULL ? s : "", (size_t)cols, 1);
	attrset(attr);
	mvaddstr(y, x, strbuf_str(&b));
	attrset(A_NORMAL);
	strbuf_free(&b);
}

size_t
draw_cut(const char *s, int cols)
{
	size_t cut, sp;

	if (width_of(s) <= (size_t)cols)
		return strlen(s);
	if ((cut = width_cut(s, (size_t)(cols > 0 ? cols : 1))) == 0)
		return strlen(s);
	for (sp = cut; sp > 1 && s[sp - 1] != ' '; sp--)
		continue;
	return sp > 1 ? sp : cut;
}

const char *
draw_wrap(const char *s, int cols, int part, int lines, size_t *len)
{
	int i;

	for (i = 0; i < part && *s != '\0'; i++)
		s += draw_cut(s, cols);
	*len = part + 1 < lines ? draw_cut(s, cols) : strlen(s);
	return s;
}

int
draw_message_extra(const struct app *a)
{
	const char *p = a->message;
	int n = 0;

	if (app_bar_open(a))
		return 0;
	while (*p != '\0' && n < MESSAGE_LINES) {
		p += draw_cut(p, COLS);
		n++;
	}
	return n > 1 ? n - 1 : 0;
}

void
draw_message(const struct app *a, int y, const char *hint)
{
	struct strbuf b = { 0 };
	const char *p = a->message;
	int attr = a->message_error ? draw_attr(a, ROLE_ERROR) : 0;
	size_t cut;

	if (*p == '\0') {
		draw_text(y, 0, COLS, hint, A_DIM);
		return;
	}
	/* Whole lines, the last cut with an ellipsis if need be. */
	for (; y < LINES - 1 && *p != '\0'; y++, p += cut) {
		cut = draw_cut(p, COLS);
		strbuf_reset(&b);
		strbuf_add(&b, p, cut);
		draw_text(y, 0, COLS, strbuf_str(&b), attr);
	}
	draw_text(y, 0, COLS, p, attr);
	strbuf_free(&b);
}
