/*
 * deliver_mail.c - call-outs by e-mail: the message built with GMime
 * (headers encoded per RFC 2047, the body in UTF-8, quoted-printable
 * where it is not ASCII) and piped to sendmail -t -i, which finds the
 * recipient in To.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gmime/gmime.h>

#include "audit.h"
#include "deliver.h"
#include "strbuf.h"

#define DELIVER_SENDMAIL	"/usr/sbin/sendmail -t -i"

/*
 * GMime is set up once per process and never shut down: g_mime_init
 * counts its calls, and a GMime shut down cannot be set up again (its
 * charset tables stay freed), which a second wave from the desk would
 * need.
 */
static void
mime_init(void)
{
	g_mime_init();
}

void
deliver_from(char *out, size_t len, char *name, size_t namelen)
{
	InternetAddressList *l;
	InternetAddress *a;
	const char *env = getenv("ROSTER_FROM"), *n;
	char user[256], host[256];

	if (env == NULL || *env == '\0') {
		audit_user(user, sizeof user);
		if (gethostname(host, sizeof host) != 0)
			strcpy(host, "localhost");
		host[sizeof host - 1] = '\0';
		snprintf(out, len, "%s@%s", user, host);
		snprintf(name, namelen, "%s", user);
		return;
	}
	snprintf(out, len, "%s", env);
	snprintf(name, namelen, "%s", env);
	mime_init();
	if ((l = internet_address_list_parse(NULL, env)) != NULL) {
		if (internet_address_list_length(l) > 0) {
			a = internet_address_list_get_address(l, 0);
			n = internet_address_get_name(a);
			if ((n == NULL || *n == '\0') &&
			    INTERNET_ADDRESS_IS_MAILBOX(a))
				n = internet_address_mailbox_get_addr(
				    INTERNET_ADDRESS_MAILBOX(a));
			if (n != NULL && *n != '\0')
				snprintf(name, namelen, "%s", n);
		}
		g_object_unref(l);
	}
}

/* The domain of the From address, for the Message-ID. */
static const char *
domain_of(const char *from)
{
	const char *at = strrchr(from, '@');

	return at != NULL ? at + 1 : "localhost";
}

/*
 * The body as UTF-8 text/plain: g_mime_text_part_set_text would convert
 * it to the smallest charset that holds it (ISO-8859-1 for "Amélie"),
 * and the templates are UTF-8 as they are.
 */
static GMimeTextPart *
body_part(const char *body)
{
	GMimeTextPart *part;
	GMimeDataWrapper *content;
	GMimeStream *stream;

	part = g_mime_text_part_new_with_subtype("plain");
	stream = g_mime_stream_mem_new_with_buffer(body, strlen(body));
	content = g_mime_data_wrapper_new_with_stream(stream,
	    GMIME_CONTENT_ENCODING_DEFAULT);
	g_object_unref(stream);
	g_mime_part_set_content(GMIME_PART(part), content);
	g_object_unref(content);
	g_mime_text_part_set_charset(part, "UTF-8");
	return part;
}

char *
deliver_mail_text(const struct deliver_mail *m)
{
	InternetAddressList *from;
	GMimeMessage *msg;
	GMimeTextPart *part;
	GDateTime *now;
	char *id, *text, *out, dom[256], *gt;

	mime_init();
	msg = g_mime_message_new(TRUE);
	if ((from = internet_address_list_parse(NULL, m->from)) != NULL) {
		internet_address_list_append(g_mime_message_get_from(msg),
		    from);
		g_object_unref(from);
	}
	g_mime_message_add_mailbox(msg, GMIME_ADDRESS_TYPE_TO, m->to_name,
	    m->to);
	g_mime_message_set_subject(msg, m->subject, "utf-8");
	now = g_date_time_new_now_local();
	g_mime_message_set_date(msg, now);
	g_date_time_unref(now);
	snprintf(dom, sizeof dom, "%s", domain_of(m->from));
	if ((gt = strchr(dom, '>')) != NULL)
		*gt = '\0';
	id = g_mime_utils_generate_message_id(dom);
	g_mime_message_set_message_id(msg, id);
	g_free(id);
	part = body_part(m->body);
	g_mime_message_set_mime_part(msg, GMIME_OBJECT(part));
	g_object_unref(part);
	g_mime_object_encode(GMIME_OBJECT(msg), GMIME_ENCODING_CONSTRAINT_7BIT);
	text = g_mime_object_to_string(GMIME_OBJECT(msg), NULL);
	out = xstrdup(text);
	g_free(text);
	g_object_unref(msg);
	return out;
}

int
deliver_mail(const struct deliver_mail *m, char why[DELIVER_WHY_LEN])
{
	const char *cmd = getenv("ROSTER_SENDMAIL");
	char *text;
	int rc;

	if (cmd == NULL || *cmd == '\0')
		cmd = DELIVER_SENDMAIL;
	text = deliver_mail_text(m);
	rc = deliver_run(cmd, NULL, 0, text, why);
	free(text);
	return rc;
}
