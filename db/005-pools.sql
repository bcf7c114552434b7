-- Schema version 5.  One pool from many: where each person and
-- deployment was first recorded, ids for deployments so that they meet
-- across pools as people do, people found to be one (the other id kept
-- as an alias), pairs a coordinator said are not the same, the pools
-- this one has taken people from, and a change sequence from which
-- changesets are cut (roster(1), POOLS).

-- The pool a record was first made in: its short name (setting
-- 'pool_name' of that pool), '' where the pool had no name yet.
ALTER TABLE person ADD COLUMN origin TEXT NOT NULL DEFAULT '';
CREATE INDEX person_origin ON person(origin COLLATE NOCASE);
ALTER TABLE deployment ADD COLUMN origin TEXT NOT NULL DEFAULT '';

-- A deployment's id (a UUID) and the time it or its members last
-- changed, which decides between two pools' versions of it.
ALTER TABLE deployment ADD COLUMN id TEXT;
ALTER TABLE deployment ADD COLUMN updated TEXT;
UPDATE deployment SET updated = created, id = lower(hex(randomblob(4))) ||
    '-' || lower(hex(randomblob(2))) || '-4' ||
    substr(lower(hex(randomblob(2))), 2) || '-' ||
    substr('89ab', 1 + abs(random() % 4), 1) ||
    substr(lower(hex(randomblob(2))), 2) || '-' ||
    lower(hex(randomblob(6)));
CREATE UNIQUE INDEX deployment_id ON deployment(id);
-- Writers that do not give an id or a time get one here, so that no
-- deployment is left without them.
CREATE TRIGGER deployment_made AFTER INSERT ON deployment
    WHEN NEW.id IS NULL OR NEW.updated IS NULL
BEGIN
	UPDATE deployment SET updated = coalesce(NEW.updated, NEW.created),
	    id = coalesce(NEW.id, lower(hex(randomblob(4))) || '-' ||
	    lower(hex(randomblob(2))) || '-4' ||
	    substr(lower(hex(randomblob(2))), 2) || '-' ||
	    substr('89ab', 1 + abs(random() % 4), 1) ||
	    substr(lower(hex(randomblob(2))), 2) || '-' ||
	    lower(hex(randomblob(6)))) WHERE pk = NEW.pk;
END;
CREATE TRIGGER deployment_touched AFTER UPDATE ON deployment
    WHEN NEW.updated IS OLD.updated
BEGIN
	UPDATE deployment SET updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
	    WHERE pk = NEW.pk;
END;

-- An id merged into another person's record: a file or changeset that
-- still names it reaches the kept person (id, not pk: aliases travel).
CREATE TABLE person_alias(
	alias TEXT PRIMARY KEY,
	id TEXT NOT NULL,
	at TEXT NOT NULL,
	seq INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX person_alias_id ON person_alias(id);

-- Two people a coordinator said are not the same (a < b).
CREATE TABLE not_same(
	a TEXT NOT NULL,
	b TEXT NOT NULL,
	who TEXT NOT NULL,
	at TEXT NOT NULL,
	PRIMARY KEY (a, b),
	CHECK (a < b)
) WITHOUT ROWID;

-- The pools whose people this one holds: their id (their setting
-- 'pool_id'), the name they last went by, the last of their change
-- numbers applied here, when they made it (their clock), and this
-- pool's own change number then (seen): a record changed here after
-- seen was changed here since the two pools last met.
CREATE TABLE pool(
	id TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	mark INTEGER NOT NULL DEFAULT 0,
	at TEXT NOT NULL,
	seen INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
INSERT INTO setting(key, value) VALUES ('pool_id', lower(hex(randomblob(4))) ||
    '-' || lower(hex(randomblob(2))) || '-4' ||
    substr(lower(hex(randomblob(2))), 2) || '-' ||
    substr('89ab', 1 + abs(random() % 4), 1) ||
    substr(lower(hex(randomblob(2))), 2) || '-' ||
    lower(hex(randomblob(6))));

-- The change sequence.  store_commit() counts every transaction that
-- wrote in change_counter; the triggers below note, for each person and
-- deployment a transaction touched, the number it will have (n + 1), so
-- that "what changed since N" is one index range whatever path wrote it.  kind is 'p'
-- (ref a person's pk) or 'd' (a deployment's pk).
CREATE TABLE change_counter(n INTEGER NOT NULL);
INSERT INTO change_counter VALUES (0);
CREATE TABLE changed(
	kind TEXT NOT NULL,
	ref INTEGER NOT NULL,
	seq INTEGER NOT NULL,
	PRIMARY KEY (kind, ref)
) WITHOUT ROWID;
CREATE INDEX changed_seq ON changed(seq);
ALTER TABLE erased ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER erased_seq AFTER INSERT ON erased
BEGIN
	UPDATE erased SET seq = (SELECT n + 1 FROM change_counter)
	    WHERE id = NEW.id;
END;
CREATE TRIGGER person_alias_seq AFTER INSERT ON person_alias
BEGIN
	UPDATE person_alias SET seq = (SELECT n + 1 FROM change_counter)
	    WHERE alias = NEW.alias;
END;

-- Every table a person or a deployment owns notes its owner as changed,
-- once a transaction (an import writes many rows of one person).
CREATE TRIGGER person_changed_insert AFTER INSERT ON person
    WHEN NOT EXISTS (SELECT 1 FROM changed, change_counter WHERE
    kind = 'p' AND ref = NEW.pk AND seq = n + 1)
BEGIN
	INSERT INTO changed(kind, ref, seq) SELECT 'p', NEW.pk, n + 1
	    FROM change_counter WHERE 1
	    ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER person_changed_update AFTER UPDATE ON person
    WHEN NOT EXISTS (SELECT 1 FROM changed, change_counter WHERE
    kind = 'p' AND ref = NEW.pk AND seq = n + 1)
BEGIN
	INSERT INTO changed(kind, ref, seq) SELECT 'p', NEW.pk, n + 1
	    FROM change_counter WHERE 1
	    ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER person_language_changed_insert AFTER INSERT ON person_language
    WHEN NOT EXISTS (SELECT 1 FROM changed, change_counter WHERE
    kind = 'p' AND ref = NEW.person AND seq = n + 1)
BEGIN
	INSERT INTO changed(kind, ref, seq) SELECT 'p', NEW.person, n + 1
	    FROM change_counter WHERE 1
	    ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER person_language_changed_update AFTER UPDATE ON person_language
    WHEN NOT EXISTS (SELECT 1 FROM changed, change_counter WHERE
    kind = 'p' AND ref = NEW.person AND seq = n + 1)
BEGIN
	INSERT INTO changed(kind, ref, seq) SELECT 'p', NEW.person, n + 1
	    FROM change_counter WHERE 1
	    ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER person_language_changed_delete AFTER DELETE ON person_language
    WHEN NOT EXISTS (SELECT 1 FROM changed, change_counter WHERE
    kind = 'p' AND ref = OLD.person AND seq = n + 1)
BEGIN
	INSERT INTO changed(kind, ref, seq) SELECT 'p', OLD.person, n + 1
	    FROM change_counter WHERE 1
	    ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER person_theme_changed_insert AFTER INSERT ON person_theme
    WHEN NOT EXISTS (SELECT 1 FROM changed, change_counter WHERE
    kind = 'p' AND ref = NEW.person AND seq = n + 1)
BEGIN
	INSERT INTO changed(kind, ref, seq) SELECT 'p', NEW.person, n + 1
	    FROM change_counter WHERE 1
	    ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER person_theme_changed_update AFTER UPDATE ON person_theme
    WHEN NOT EXISTS (SELECT 1 FROM changed, change_counter WHERE
    kind = 'p' AND ref = NEW.person AND seq = n + 1)
BEGIN
	INSERT INTO changed(kind, ref, seq) SELECT 'p', NEW.person, n + 1
	    FROM change_counter WHERE 1
	    ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER person_theme_changed_delete AFTER DELETE ON person_theme
    WHEN NOT EXISTS (SELECT 1 FROM changed, change_counter WHERE
    kind = 'p' AND ref = OLD.person AND seq = n + 1)
BEGIN
	INSERT INTO changed(kind, ref, seq) SELECT 'p', OLD.person, n + 1
	    FROM change_counter WHERE 1
	    ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER person_skill_changed_insert AFTER INSERT ON person_skill
    WHEN NOT EXISTS (SELECT 1 FROM changed, change_counter WHERE
    kind = 'p' AND ref = NEW.person AND seq = n + 1)
BEGIN
	INSERT INTO changed(kind, ref, seq) SELECT 'p', NEW.person, n + 1
	    FROM change_counter WHERE 1
	    ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER person_skill_changed_update AFTER UPDATE ON person_skill
    WHEN NOT EXISTS (SELECT 1 FROM changed, change_counter WHERE
    kind = 'p' AND ref = NEW.person AND seq = n + 1)
BEGIN
	INSERT INTO changed(kind, ref, seq) SELECT 'p', NEW.person, n + 1
	    FROM change_counter WHERE 1
	    ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER person_skill_changed_delete AFTER DELETE ON person_skill
    WHEN NOT EXISTS (SELECT 1 FROM changed, change_counter WHERE
    kind = 'p' AND ref = OLD.person AND seq = n + 1)
BEGIN
	INSERT INTO changed(kind, ref, seq) SELECT 'p', OLD.person, n + 1
	    FROM change_counter WHERE 1
	    ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER service_changed_insert AFTER INSERT ON service
    WHEN NOT EXISTS (SELECT 1 FROM changed, change_counter WHERE
    kind = 'p' AND ref = NEW.person AND seq = n + 1)
BEGIN
	INSERT INTO changed(kind, ref, seq) SELECT 'p', NEW.person, n + 1
	    FROM change_counter WHERE 1
	    ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER service_changed_update AFTER UPDATE ON service
    WHEN NOT EXISTS (SELECT 1 FROM changed, change_counter WHERE
    kind = 'p' AND ref = NEW.person AND seq = n + 1)
BEGIN
	INSERT INTO changed(kind, ref, seq) SELECT 'p', NEW.person, n + 1
	    FROM change_counter WHERE 1
	    ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER service_changed_delete AFTER DELETE ON service
    WHEN NOT EXISTS (SELECT 1 FROM changed, change_counter WHERE
    kind = 'p' AND ref = OLD.person AND seq = n + 1)
BEGIN
	INSERT INTO changed(kind, ref, seq) SELECT 'p', OLD.person, n + 1
	    FROM change_counter WHERE 1
	    ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER unavailability_changed_insert AFTER INSERT ON unavailability
    WHEN NOT EXISTS (SELECT 1 FROM changed, change_counter WHERE
    kind = 'p' AND ref = NEW.person AND seq = n + 1)
BEGIN
	INSERT INTO changed(kind, ref, seq) SELECT 'p', NEW.person, n + 1
	    FROM change_counter WHERE 1
	    ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER unavailability_changed_update AFTER UPDATE ON unavailability
    WHEN NOT EXISTS (SELECT 1 FROM changed, change_counter WHERE
    kind = 'p' AND ref = NEW.person AND seq = n + 1)
BEGIN
	INSERT INTO changed(kind, ref, seq) SELECT 'p', NEW.person, n + 1
	    FROM change_counter WHERE 1
	    ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER unavailability_changed_delete AFTER DELETE ON unavailability
    WHEN NOT EXISTS (SELECT 1 FROM changed, change_counter WHERE
    kind = 'p' AND ref = OLD.person AND seq = n + 1)
BEGIN
	INSERT INTO changed(kind, ref, seq) SELECT 'p', OLD.person, n + 1
	    FROM change_counter WHERE 1
	    ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER deployment_changed_insert AFTER INSERT ON deployment
    WHEN NOT EXISTS (SELECT 1 FROM changed, change_counter WHERE
    kind = 'd' AND ref = NEW.pk AND seq = n + 1)
BEGIN
	INSERT INTO changed(kind, ref, seq) SELECT 'd', NEW.pk, n + 1
	    FROM change_counter WHERE 1
	    ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER deployment_changed_update AFTER UPDATE ON deployment
    WHEN NOT EXISTS (SELECT 1 FROM changed, change_counter WHERE
    kind = 'd' AND ref = NEW.pk AND seq = n + 1)
BEGIN
	INSERT INTO changed(kind, ref, seq) SELECT 'd', NEW.pk, n + 1
	    FROM change_counter WHERE 1
	    ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER assignment_changed_insert AFTER INSERT ON assignment
    WHEN NOT EXISTS (SELECT 1 FROM changed, change_counter WHERE
    kind = 'd' AND ref = NEW.deployment AND seq = n + 1)
BEGIN
	INSERT INTO changed(kind, ref, seq) SELECT 'd', NEW.deployment, n + 1
	    FROM change_counter WHERE 1
	    ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER assignment_changed_update AFTER UPDATE ON assignment
    WHEN NOT EXISTS (SELECT 1 FROM changed, change_counter WHERE
    kind = 'd' AND ref = NEW.deployment AND seq = n + 1)
BEGIN
	INSERT INTO changed(kind, ref, seq) SELECT 'd', NEW.deployment, n + 1
	    FROM change_counter WHERE 1
	    ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER assignment_changed_delete AFTER DELETE ON assignment
    WHEN NOT EXISTS (SELECT 1 FROM changed, change_counter WHERE
    kind = 'd' AND ref = OLD.deployment AND seq = n + 1)
BEGIN
	INSERT INTO changed(kind, ref, seq) SELECT 'd', OLD.deployment, n + 1
	    FROM change_counter WHERE 1
	    ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq;
END;

-- A deployment's members are part of it: a change to them is a change
-- to the deployment.
CREATE TRIGGER assignment_touched_insert AFTER INSERT ON assignment
BEGIN
	UPDATE deployment SET updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
	    WHERE pk = NEW.deployment;
END;
CREATE TRIGGER assignment_touched_update AFTER UPDATE ON assignment
BEGIN
	UPDATE deployment SET updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
	    WHERE pk = NEW.deployment;
END;
CREATE TRIGGER assignment_touched_delete AFTER DELETE ON assignment
BEGIN
	UPDATE deployment SET updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
	    WHERE pk = OLD.deployment;
END;
