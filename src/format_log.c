#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "csv.h"
#include "format_log.h"
#include "person.h"
#include "strbuf.h"
#include "utf8.h"
#include "width.h"

struct log_out {
	struct store	*store;
	enum log_format	 format;
	FILE		*fp;
	size_t		 n;		/* lines written */
	struct strbuf	 line;
	char		 name[256];	/* the person named, or "" */
};

/* A deployment's line about a member starts "person=ID". */
#define LOG_MEMBER	"person="
#define LOG_MEMBER_LEN	(sizeof LOG_MEMBER - 1 + PERSON_ID_LEN - 1)

/*
 * Who a person's line, or a deployment's line about a member, is about,
 * while they exist: "" otherwise.
 */
static void
log_name(struct log_out *o, const struct audit_entry *e)
{
	sqlite3_stmt *st;
	struct error err;
	char id[PERSON_ID_LEN];

	o->name[0] = '\0';
	if (strcmp(e->entity, "person") == 0)
		snprintf(id, sizeof id, "%s", e->id);
	else if (e->fields != NULL &&
	    strncmp(e->fields, LOG_MEMBER, strlen(LOG_MEMBER)) == 0)
		snprintf(id, sizeof id, "%s", e->fields + strlen(LOG_MEMBER));
	else
		return;
	/* An id merged into another's is that person's (alias.h). */
	if (store_cached(o->store, &st, "SELECT given_name || ' ' ||"
	    " family_name FROM person WHERE id = ?1 OR id = (SELECT id FROM"
	    " person_alias WHERE alias = ?1)", &err) != RC_OK)
		return;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(o->name, sizeof o->name, "%s",
		    sqlite3_column_text(st, 0));
	sqlite3_reset(st);
}

/* "2026-11-23T09:30:00Z" as "2026-11-23 09:30:00". */
static void
log_when(const char *at, char out[20])
{
	snprintf(out, 20, "%s", at);
	if (strlen(out) > 10 && out[10] == 'T')
		out[10] = ' ';
}

/* A field's value: "(none)" when it did not exist, "" when empty. */
static void
table_value(struct strbuf *b, const char *value)
{
	if (value == NULL)
		strbuf_adds(b, "(none)");
	else if (value[0] == '\0')
		strbuf_adds(b, "\"\"");
	else
		width_fit(b, value, 200, 0);
}

/*
 * Whether the values say all the fields text does: not for a line
 * without values, nor for a deployment member's line that names them
 * ("person=ID changed=status") when no value holds them (a status set).
 */
static int
values_say_all(const struct audit_entry *e)
{
	size_t i;

	if (e->nchanges == 0)
		return 0;
	if (strncmp(e->fields, "person=", 7) != 0)
		return 1;
	for (i = 0; i < e->nchanges; i++)
		if (strcmp(e->changes[i].field, "person") == 0)
			return 1;
	return 0;
}

/* The fields said, when the values do not say it all, then each changed
 * field on a line of its own. */
static void
log_changes(const struct audit_entry *e, struct strbuf *b)
{
	size_t i;

	if (e->fields[0] != '\0' && !values_say_all(e)) {
		strbuf_adds(b, "\n    ");
		width_fit(b, e->fields, 200, 0);
	}
	for (i = 0; i < e->nchanges; i++) {
		strbuf_adds(b, "\n    ");
		width_fit(b, e->changes[i].field, 40, 0);
		strbuf_adds(b, ": ");
		table_value(b, e->changes[i].old);
		strbuf_adds(b, " \u2192 ");
		table_value(b, e->changes[i].new);
	}
}

void
format_log_entry(const struct audit_entry *e, struct strbuf *b)
{
	char when[20];

	log_when(e->at, when);
	strbuf_adds(b, when);
	strbuf_adds(b, "  ");
	width_fit(b, e->who, 40, 0);
	strbuf_adds(b, "  ");
	width_fit(b, e->action, 40, 0);
	log_changes(e, b);
}

/* v, and "v (Anna de Wit)" when v is the member's id, into out. */
static const char *
member_value(struct log_out *o, const char *v, const char *id,
    struct strbuf *out)
{
	if (v == NULL || strcmp(v, id) != 0)
		return v;
	strbuf_addf(out, "%s (%s)", v, o->name);
	return strbuf_str(out);
}

/*
 * A deployment's line about a member: the member named beside the id,
 * in the fields said and in the person value.
 */
static void
member_changes(struct log_out *o, const struct audit_entry *e,
    struct strbuf *b)
{
	struct audit_entry named = *e;
	struct audit_change *ch;
	struct strbuf f = { 0 }, v[2] = { { 0 }, { 0 } };
	char id[PERSON_ID_LEN];
	size_t i;

	snprintf(id, sizeof id, "%s", e->fields + strlen(LOG_MEMBER));
	strbuf_addf(&f, "%.*s (%s)%s", (int)LOG_MEMBER_LEN, e->fields,
	    o->name, e->fields + LOG_MEMBER_LEN);
	named.fields = strbuf_str(&f);
	named.changes = ch = xcalloc(e->nchanges + 1, sizeof *ch);
	for (i = 0; i < e->nchanges; i++) {
		ch[i] = e->changes[i];
		if (strcmp(ch[i].field, "person") != 0)
			continue;
		ch[i].old = member_value(o, ch[i].old, id, &v[0]);
		ch[i].new = member_value(o, ch[i].new, id, &v[1]);
	}
	log_changes(&named, b);
	free(ch);
	strbuf_free(&f);
	strbuf_free(&v[0]);
	strbuf_free(&v[1]);
}

static void
table_line(struct log_out *o, const struct audit_entry *e)
{
	struct strbuf *b = &o->line;
	char when[20];

	log_when(e->at, when);
	strbuf_reset(b);
	width_fit(b, when, 19, 1);
	strbuf_adds(b, "  ");
	width_fit(b, e->who, 12, 1);
	strbuf_adds(b, "  ");
	width_fit(b, e->entity, 10, 1);
	strbuf_adds(b, "  ");
	/* "mission remove", the longest action. */
	width_fit(b, e->action, 14, 1);
	strbuf_adds(b, "  ");
	if (o->name[0] != '\0' && strcmp(e->entity, "person") == 0) {
		width_fit(b, o->name, 120, 0);
		strbuf_adds(b, " (");
		width_fit(b, e->id, 120, 0);
		strbuf_adds(b, ")");
	} else
		width_fit(b, e->id, 120, 0);
	if (o->name[0] != '\0' && strcmp(e->entity, "person") != 0)
		member_changes(o, e, b);
	else
		log_changes(e, b);
	fprintf(o->fp, "%s\n", strbuf_str(b));
}

/* A CSV cell with its control characters shown, never sent. */
static void
csv_cell(struct log_out *o, const char *s, int last)
{
	strbuf_reset(&o->line);
	width_fit(&o->line, s != NULL ? s : "", SIZE_MAX, 0);
	csv_write_field(o->fp, strbuf_str(&o->line), last);
}

static void
csv_header(FILE *fp)
{
	static const char *const cols[] = { "at", "who", "entity", "id",
	    "name", "action", "fields", "field", "old", "new" };
	size_t j, n = sizeof cols / sizeof cols[0];

	for (j = 0; j < n; j++)
		csv_write_field(fp, cols[j], j == n - 1);
}

static void
csv_line(struct log_out *o, const struct audit_entry *e)
{
	const struct audit_change none = { NULL, NULL, NULL };
	const struct audit_change *c;
	size_t i;

	/* A row per changed field; a line without values is one row. */
	for (i = 0; i == 0 || i < e->nchanges; i++) {
		c = e->nchanges > 0 ? &e->changes[i] : &none;
		csv_cell(o, e->at, 0);
		csv_cell(o, e->who, 0);
		csv_cell(o, e->entity, 0);
		csv_cell(o, e->id, 0);
		csv_cell(o, o->name, 0);
		csv_cell(o, e->action, 0);
		csv_cell(o, e->fields, 0);
		csv_cell(o, c->field, 0);
		csv_cell(o, c->old, 0);
		csv_cell(o, c->new, 1);
	}
}

/* A JSON string (or null): every control, C1 and invisible character
 * escaped, so the text reads back whole and shows nothing raw. */
void
format_json_string(FILE *fp, const char *s)
{
	size_t len, n;
	uint32_t cp;

	if (s == NULL) {
		fputs("null", fp);
		return;
	}
	fputc('"', fp);
	for (len = strlen(s); len > 0; s += n, len -= n) {
		if ((n = utf8_decode(s, len, &cp)) == 0) {
			fputs("\\ufffd", fp);	/* not UTF-8: one byte */
			n = 1;
		} else if (cp == '"' || cp == '\\')
			fprintf(fp, "\\%c", (char)cp);
		else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ||
		    utf8_invisible(cp)) {
			if (cp > 0xffff)
				fprintf(fp, "\\u%04x\\u%04x",
				    0xd800 + ((cp - 0x10000) >> 10),
				    0xdc00 + ((cp - 0x10000) & 0x3ff));
			else
				fprintf(fp, "\\u%04x", (unsigned)cp);
		} else
			fwrite(s, 1, n, fp);
	}
	fputc('"', fp);
}

static void
json_field(FILE *fp, const char *sep, const char *key, const char *value)
{
	fprintf(fp, "%s\"%s\":", sep, key);
	format_json_string(fp, value);
}

static void
json_line(struct log_out *o, const struct audit_entry *e)
{
	size_t i;

	fputs(o->n == 0 ? "[\n" : ",\n", o->fp);
	json_field(o->fp, "{", "at", e->at);
	json_field(o->fp, ",", "who", e->who);
	json_field(o->fp, ",", "entity", e->entity);
	json_field(o->fp, ",", "id", e->id);
	json_field(o->fp, ",", "name", o->name[0] ? o->name : NULL);
	json_field(o->fp, ",", "action", e->action);
	json_field(o->fp, ",", "fields", e->fields);
	fputs(",\"changes\":[", o->fp);
	for (i = 0; i < e->nchanges; i++) {
		json_field(o->fp, i ? ",{" : "{", "field", e->changes[i].field);
		json_field(o->fp, ",", "old", e->changes[i].old);
		json_field(o->fp, ",", "new", e->changes[i].new);
		fputc('}', o->fp);
	}
	fputs("]}", o->fp);
}

static int
log_line(const struct audit_entry *e, void *arg)
{
	struct log_out *o = arg;

	log_name(o, e);
	if (o->format == LOG_CSV)
		csv_line(o, e);
	else if (o->format == LOG_JSON)
		json_line(o, e);
	else
		table_line(o, e);
	o->n++;
	return 0;
}

int
format_log(struct store *s, const char *id, const char *since,
    enum log_format format, FILE *fp, struct error *err)
{
	struct log_out o = { s, format, fp, 0, { 0 }, "" };
	int rc;

	/* The header even of no lines: an empty answer reads as one. */
	if (format == LOG_CSV)
		csv_header(fp);
	else if (format == LOG_TABLE)
		fprintf(fp, "%-19s  %-12s  %-10s  %-14s  %s\n", "WHEN (UTC)",
		    "WHO", "ENTITY", "ACTION", "ID");
	rc = audit_each(s, id, since, log_line, &o, err);
	strbuf_free(&o.line);
	if (rc == RC_OK && format == LOG_JSON)
		fputs(o.n == 0 ? "[]\n" : "\n]\n", fp);
	return rc;
}
