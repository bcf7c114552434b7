-- Schema version 4.  The call-out desk: each call-out (a wave of messages
-- about one deployment, with a reply code), each message sent to a
-- member, and each reply however it came (mail, SMS, phone).  Times are
-- UTC, YYYY-MM-DDTHH:MM:SSZ, so that they sort and subtract as text.

CREATE TABLE callout(
	pk INTEGER PRIMARY KEY,
	deployment INTEGER NOT NULL REFERENCES deployment(pk) ON DELETE CASCADE,
	-- What replies quote ("IRMA2"); unique among open call-outs.
	code TEXT NOT NULL,
	wave TEXT NOT NULL CHECK (wave = 'info' OR wave = 'alert' OR
	    wave = 'deploy' OR wave = 'stand-down'),
	channel TEXT NOT NULL CHECK (channel = 'email' OR channel = 'sms' OR
	    channel = 'print'),
	who TEXT NOT NULL,
	at TEXT NOT NULL,
	-- 0 once the deployment is closed: its code may then be used again.
	open INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX callout_code ON callout(code COLLATE NOCASE) WHERE open;
CREATE INDEX callout_deployment ON callout(deployment);

-- One message to one member in one call-out, and how its delivery went.
CREATE TABLE callout_message(
	pk INTEGER PRIMARY KEY,
	callout INTEGER NOT NULL REFERENCES callout(pk) ON DELETE CASCADE,
	person INTEGER NOT NULL REFERENCES person(pk) ON DELETE CASCADE,
	address TEXT NOT NULL DEFAULT '',	-- the e-mail or number used
	at TEXT NOT NULL,
	result TEXT NOT NULL CHECK (result = 'sent' OR result = 'failed' OR
	    result = 'printed'),
	error TEXT NOT NULL DEFAULT '',
	UNIQUE (callout, person)
);
CREATE INDEX callout_message_person ON callout_message(person);

-- A reply, kept whatever it says.  callout and person are NULL when the
-- reply could not be matched to them for sure; answer 'unclear' waits
-- for a person to decide (decided then says what they chose).
CREATE TABLE reply(
	pk INTEGER PRIMARY KEY,
	callout INTEGER REFERENCES callout(pk) ON DELETE CASCADE,
	person INTEGER REFERENCES person(pk) ON DELETE CASCADE,
	at TEXT NOT NULL,			-- when they answered
	received TEXT NOT NULL,			-- when roster recorded it
	channel TEXT NOT NULL CHECK (channel = 'email' OR channel = 'sms' OR
	    channel = 'phone'),
	answer TEXT NOT NULL CHECK (answer = 'yes' OR answer = 'no' OR
	    answer = 'maybe' OR answer = 'unclear'),
	decided TEXT NOT NULL DEFAULT '' CHECK (decided = '' OR
	    decided = 'yes' OR decided = 'no' OR decided = 'maybe' OR
	    decided = 'ignored'),
	-- What the reply did: '' (nothing yet), 'confirmed', 'declined',
	-- 'contacted', or why it was refused ("booked on Ida").
	outcome TEXT NOT NULL DEFAULT '',
	note TEXT NOT NULL DEFAULT '',
	sender TEXT NOT NULL DEFAULT '',
	text TEXT NOT NULL DEFAULT '',		-- the answer as read, quotes cut
	message_id TEXT				-- a mail read twice is kept once
);
CREATE UNIQUE INDEX reply_message ON reply(message_id)
    WHERE message_id IS NOT NULL;
CREATE INDEX reply_callout ON reply(callout, person);
CREATE INDEX reply_person ON reply(person);
