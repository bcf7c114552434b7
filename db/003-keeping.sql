-- Schema version 3.  Keeping the pool true: a person may be marked "do
-- not call" (until a day, or indefinitely), records carry the day a
-- coordinator last confirmed them, the audit keeps every changed field's
-- old and new value, an erased person's id is remembered so that an old
-- file cannot bring them back, and the pool keeps a few settings.

-- dnc is why not to call ('' when they may be called); dnc_until is the
-- last day of the mark, NULL with a reason for "until further notice".
ALTER TABLE person ADD COLUMN dnc TEXT NOT NULL DEFAULT '' CHECK (dnc = ''
    OR dnc = 'leave' OR dnc = 'illness' OR dnc = 'personal' OR
    dnc = 'other');
ALTER TABLE person ADD COLUMN dnc_until TEXT;
-- The day the record was last confirmed as current; NULL: never.
ALTER TABLE person ADD COLUMN reviewed TEXT;
CREATE INDEX person_dnc ON person(dnc, dnc_until);
CREATE INDEX person_reviewed ON person(reviewed);

-- One row per field an audited change touched.  old is NULL for a value
-- that did not exist (a create), new NULL for one that no longer does.
CREATE TABLE audit_change(
	audit INTEGER NOT NULL REFERENCES audit(pk) ON DELETE CASCADE,
	field TEXT NOT NULL,
	old TEXT,
	new TEXT,
	PRIMARY KEY (audit, field)
) WITHOUT ROWID;
CREATE INDEX audit_at ON audit(at);
-- A deployment's lines are kept under the name it had then; its renames
-- (their new names) lead roster log from a name back to the earlier ones.
CREATE INDEX audit_change_name ON audit_change(new) WHERE field = 'name';

-- The audit is written, never rewritten: only erasing a person (which
-- sets roster_erasing() on its own connection, sqlfunc.h) may remove the
-- lines and values that name them.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
	SELECT RAISE(ABORT, 'the audit cannot be changed');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    WHEN NOT roster_erasing()
BEGIN
	SELECT RAISE(ABORT, 'the audit cannot be changed');
END;
CREATE TRIGGER audit_change_no_update BEFORE UPDATE ON audit_change
BEGIN
	SELECT RAISE(ABORT, 'the audit cannot be changed');
END;
CREATE TRIGGER audit_change_no_delete BEFORE DELETE ON audit_change
    WHEN NOT roster_erasing()
BEGIN
	SELECT RAISE(ABORT, 'the audit cannot be changed');
END;

-- Ids of erased people (UUIDs only: no personal data).
CREATE TABLE erased(
	id TEXT PRIMARY KEY,
	at TEXT NOT NULL
) WITHOUT ROWID;

-- Settings of this pool ("share_group": the group it is shared with).
CREATE TABLE setting(
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;
