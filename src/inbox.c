/*
 * inbox.c - replies from a Maildir or an mbox (inbox.h), parsed by GMime:
 * the sender from From, the time from Date (else the file's time), the
 * reply code from Subject (else the body), the answer from the first
 * text/plain part (else text/html made text), and the Message-ID (else a
 * digest of its sender, date, subject and text) so that a second run
 * keeps nothing twice.
 * Auto-replies (Auto-Submitted, X-Autoreply) are kept unclear.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gmime/gmime.h>

#include "inbox.h"
#include "strbuf.h"

struct inbox {
	struct store		*store;
	int			 dry_run;
	void			(*fn)(const struct inbox_item *, void *);
	void			*arg;
	struct inbox_totals	*totals;
};

/* The first text part that is not an attachment, of each kind. */
struct bodies {
	GMimeTextPart	*plain, *html;
};

static void
body_find(GMimeObject *parent, GMimeObject *part, gpointer data)
{
	struct bodies *b = data;
	const char *disp;

	(void)parent;
	if (!GMIME_IS_TEXT_PART(part))
		return;
	disp = g_mime_object_get_disposition(part);
	if (disp != NULL && g_ascii_strcasecmp(disp, "attachment") == 0)
		return;
	if (b->plain == NULL && g_mime_content_type_is_type(
	    g_mime_object_get_content_type(part), "text", "plain"))
		b->plain = GMIME_TEXT_PART(part);
	if (b->html == NULL && g_mime_content_type_is_type(
	    g_mime_object_get_content_type(part), "text", "html"))
		b->html = GMIME_TEXT_PART(part);
}

/* The answer's text, text/plain preferred (the caller frees it). */
static char *
body_text(GMimeMessage *m)
{
	struct bodies b = { NULL, NULL };
	char *text, *out;

	if (GMIME_IS_TEXT_PART(g_mime_message_get_mime_part(m)))
		body_find(NULL, g_mime_message_get_mime_part(m), &b);
	else
		g_mime_message_foreach(m, body_find, &b);
	if (b.plain != NULL && (text = g_mime_text_part_get_text(b.plain))
	    != NULL) {
		out = xstrdup(text);
		g_free(text);
		return out;
	}
	if (b.html != NULL && (text = g_mime_text_part_get_text(b.html))
	    != NULL) {
		out = reply_html_text(text);
		g_free(text);
		return out;
	}
	return xstrdup("");
}

static int
auto_reply(GMimeMessage *m)
{
	GMimeObject *o = GMIME_OBJECT(m);
	const char *v;

	if ((v = g_mime_object_get_header(o, "Auto-Submitted")) != NULL) {
		v += strspn(v, " \t");
		if (g_ascii_strncasecmp(v, "no", 2) != 0 ||
		    (v[2] != '\0' && strchr(" \t;(", v[2]) == NULL))
			return 1;
	}
	if (g_mime_object_get_header(o, "X-Autoreply") != NULL ||
	    g_mime_object_get_header(o, "X-Autorespond") != NULL)
		return 1;
	v = g_mime_object_get_header(o, "Precedence");
	return v != NULL && strstr(v, "auto_reply") != NULL;
}

/* When it was sent, UTC, from Date, else mtime. */
static void
sent_at(GMimeMessage *m, time_t mtime, char out[21])
{
	GDateTime *d = g_mime_message_get_date(m), *utc;
	struct tm tm;
	char *s;

	if (d != NULL && (utc = g_date_time_to_utc(d)) != NULL) {
		s = g_date_time_format(utc, "%Y-%m-%dT%H:%M:%SZ");
		snprintf(out, 21, "%s", s);
		g_free(s);
		g_date_time_unref(utc);
		return;
	}
	gmtime_r(&mtime, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static const char *
sender_of(GMimeMessage *m)
{
	InternetAddressList *from = g_mime_message_get_from(m);
	InternetAddress *a;

	if (from == NULL || internet_address_list_length(from) == 0)
		return "";
	a = internet_address_list_get_address(from, 0);
	if (!INTERNET_ADDRESS_IS_MAILBOX(a))
		return "";
	return internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a));
}

/* What stands for a missing Message-ID: a digest of the sender, date,
 * subject and text, so that two people who answer the same word are two
 * replies (the caller g_frees it). */
static char *
message_digest(GMimeMessage *m, const char *text)
{
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	GMimeObject *o = GMIME_OBJECT(m);
	const char *h[] = { "From", "Date", "Subject" }, *v;
	char *out;
	size_t i;

	for (i = 0; i < sizeof h / sizeof h[0]; i++) {
		if ((v = g_mime_object_get_header(o, h[i])) != NULL)
			g_checksum_update(sum, (const guchar *)v, -1);
		g_checksum_update(sum, (const guchar *)"\n", 1);
	}
	g_checksum_update(sum, (const guchar *)text, -1);
	out = g_strdup(g_checksum_get_string(sum));
	g_checksum_free(sum);
	return out;
}

/* Whether code is an open call-out's (a closed deployment's call-outs
 * are closed, whether or not callout_code_free has run since). */
static int
code_open(struct store *s, const char *code)
{
	sqlite3_stmt *st;
	int found;

	if (code[0] == '\0' || store_prepare(s, &st, "SELECT 1 FROM callout"
	    " WHERE code = ? COLLATE NOCASE AND open AND deployment IN"
	    " (SELECT pk FROM deployment WHERE status <> 'closed')", NULL)
	    != RC_OK)
		return 0;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

/* Keeps one message (NULL: one GMime could not parse). */
static int
message(struct inbox *ib, const char *file, GMimeMessage *m, time_t mtime,
    struct error *err)
{
	struct reply_in in = { NULL, NULL, 0, "", NULL, REPLY_EMAIL,
	    ANSWER_UNCLEAR, NULL, NULL, NULL };
	struct inbox_item item = { file, "", "", ANSWER_UNCLEAR, NULL,
	    m == NULL };
	struct reply_out out;
	char at[21], code[CALLOUT_CODE_LEN] = "", body[CALLOUT_CODE_LEN];
	char *text = NULL, *cut = NULL, *digest = NULL;
	const char *subject;
	int rc = RC_OK;

	ib->totals->read++;
	if (m != NULL) {
		in.sender = item.sender = sender_of(m);
		sent_at(m, mtime, at);
		in.at = at;
		text = body_text(m);
		in.answer = reply_read(text, body);
		if ((subject = g_mime_message_get_subject(m)) != NULL)
			reply_read(subject, code);
		/* The Subject's code, unless only the body's is open. */
		if (code[0] == '\0' || (!code_open(ib->store, code) &&
		    code_open(ib->store, body)))
			memcpy(code, body, sizeof code);
		if (auto_reply(m)) {
			in.answer = ANSWER_UNCLEAR;
			in.note = "auto-reply";
		}
		in.code = item.code = code;
		in.text = cut = reply_text(text);
		in.message_id = g_mime_message_get_message_id(m);
		if (in.message_id == NULL)
			in.message_id = digest = message_digest(m, text);
		item.answer = in.answer;
	}
	if (!ib->dry_run && m != NULL) {
		if ((rc = reply_record(ib->store, &in, &out, err)) == RC_OK) {
			item.out = &out;
			if (out.duplicate)
				ib->totals->duplicate++;
			else
				ib->totals->kept++;
			if (!out.duplicate && strncmp(out.outcome, "unclear",
			    7) == 0)
				ib->totals->unclear++;
		}
	}
	if (rc == RC_OK)
		ib->fn(&item, ib->arg);
	free(text);
	free(cut);
	g_free(digest);
	return rc;
}

/* Reads the file at path: one message, or an mbox's messages. */
static int
file_read(struct inbox *ib, const char *path, const char *name, int mbox,
    struct error *err)
{
	GMimeStream *stream;
	GMimeParser *parser;
	GMimeMessage *m;
	GError *gerr = NULL;
	struct stat sb;
	char label[32];
	long n = 0;
	int rc = RC_OK;

	if (stat(path, &sb) == -1 ||
	    (stream = g_mime_stream_fs_open(path, O_RDONLY, 0, &gerr)) ==
	    NULL) {
		if (gerr != NULL)
			g_error_free(gerr);
		return error_set(err, RC_INPUT, "callout inbox: %s: cannot "
		    "read it", path);
	}
	/* An mbox begins with its first message's "From " line. */
	if (mbox && sb.st_size > 0 && (g_mime_stream_read(stream, label, 5)
	    != 5 || strncmp(label, "From ", 5) != 0 ||
	    g_mime_stream_reset(stream) == -1)) {
		g_object_unref(stream);
		return error_set(err, RC_INPUT, "callout inbox: %s: not an "
		    "mbox (it does not begin with 'From ')", path);
	}
	parser = g_mime_parser_new_with_stream(stream);
	g_mime_parser_set_format(parser, mbox ? GMIME_FORMAT_MBOX :
	    GMIME_FORMAT_MESSAGE);
	while (rc == RC_OK && !g_mime_parser_eos(parser)) {
		m = g_mime_parser_construct_message(parser, NULL);
		if (mbox && m == NULL)
			break;
		snprintf(label, sizeof label, "message %ld", ++n);
		rc = message(ib, mbox ? label : name, m, sb.st_mtime, err);
		if (m != NULL)
			g_object_unref(m);
		if (!mbox)
			break;
	}
	g_object_unref(parser);
	g_object_unref(stream);
	return rc;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The messages of a Maildir's sub (cur or new), in the order of their
 * names (a Maildir name begins with its delivery time). */
static int
maildir_read(struct inbox *ib, const char *path, const char *sub,
    struct error *err)
{
	struct strbuf dir = { 0 }, file = { 0 }, name = { 0 };
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, i;
	DIR *d;
	int rc = RC_OK;

	strbuf_addf(&dir, "%s/%s", path, sub);
	if ((d = opendir(strbuf_str(&dir))) != NULL) {
		while ((de = readdir(d)) != NULL)
			if (de->d_name[0] != '.') {
				names = xrealloc(names, (n + 1) *
				    sizeof *names);
				names[n++] = xstrdup(de->d_name);
			}
		closedir(d);
	}
	if (n > 0)
		qsort(names, n, sizeof *names, by_name);
	for (i = 0; i < n && rc == RC_OK; i++) {
		strbuf_reset(&file);
		strbuf_addf(&file, "%s/%s", strbuf_str(&dir), names[i]);
		strbuf_reset(&name);
		strbuf_addf(&name, "%s/%s", sub, names[i]);
		rc = file_read(ib, strbuf_str(&file), strbuf_str(&name), 0,
		    err);
	}
	strv_free(names, n);
	strbuf_free(&dir);
	strbuf_free(&file);
	strbuf_free(&name);
	return rc;
}

int
inbox_read(struct store *s, const char *path, int dry_run,
    void (*fn)(const struct inbox_item *, void *), void *arg,
    struct inbox_totals *totals, struct error *err)
{
	struct inbox ib = { s, dry_run, fn, arg, totals };
	struct strbuf sub = { 0 };
	struct stat sb;
	int rc;

	memset(totals, 0, sizeof *totals);
	if (stat(path, &sb) == -1)
		return error_set(err, RC_INPUT, "callout inbox: %s: no such "
		    "Maildir or mbox", path);
	g_mime_init();
	if (S_ISDIR(sb.st_mode)) {
		strbuf_addf(&sub, "%s/cur", path);
		if (stat(strbuf_str(&sub), &sb) == -1 ||
		    !S_ISDIR(sb.st_mode))
			rc = error_set(err, RC_INPUT, "callout inbox: %s: "
			    "not a Maildir (it has no cur/)", path);
		else if ((rc = maildir_read(&ib, path, "cur", err)) == RC_OK)
			rc = maildir_read(&ib, path, "new", err);
		strbuf_free(&sub);
	} else
		rc = file_read(&ib, path, path, 1, err);
	g_mime_shutdown();
	return rc;
}
