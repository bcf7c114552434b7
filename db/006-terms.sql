-- Schema version 6.  Term bitmaps (terms.h): for each value a filter term
-- asks of a person (a language at a level, a country, a theme, ...), the
-- set of people who have it, as a roaring bitmap, so that a term costs a
-- few BLOB reads instead of a walk of an index range.
--
-- The rows are the truth; the bitmaps are kept from them.  Every write to
-- an indexed column notes (family, key, person) in term_dirty, here, by
-- trigger, whoever writes; roster folds the noted people into the bitmaps
-- before the same transaction commits (terms_fold), and a reader applies
-- what is still noted (a write by another program).  So the bitmaps agree
-- with the rows in every committed state, and a SIGKILL loses both or
-- neither.

CREATE TABLE term(
	family TEXT NOT NULL,
	key TEXT NOT NULL,
	bits BLOB NOT NULL,
	PRIMARY KEY (family, key)
);

CREATE TABLE term_dirty(
	family TEXT NOT NULL,
	key TEXT NOT NULL,
	person INTEGER NOT NULL
);

-- live 0: the bitmaps are not kept (a schema just upgraded, or a bulk
-- load in progress, which rebuilds them before it commits); searches read
-- the rows.
CREATE TABLE term_state(
	one INTEGER PRIMARY KEY CHECK (one = 1),
	live INTEGER NOT NULL
);
INSERT INTO term_state VALUES (1, 0);

-- The keys, as terms.c's families write them: agency and origin folded
-- for ASCII case as the filter's COLLATE NOCASE compares them, notice
-- zero-padded so that notice:N is one range of keys, a language as
-- code:level so that lang:fr>=B2 is one range too.
CREATE TRIGGER term_person_insert AFTER INSERT ON person
    WHEN (SELECT live FROM term_state)
BEGIN
	INSERT INTO term_dirty VALUES ('agency', lower(NEW.agency), NEW.pk),
	    ('origin', lower(NEW.origin), NEW.pk),
	    ('status', NEW.status, NEW.pk),
	    ('gender', NEW.gender, NEW.pk),
	    ('notice', printf('%010d', NEW.notice_days), NEW.pk);
END;
-- A writer that sets every column (roster's does) notes nothing unless a
-- value a bitmap holds changed.
CREATE TRIGGER term_person_update AFTER UPDATE OF pk, agency, origin,
    status, gender, notice_days ON person
    WHEN (SELECT live FROM term_state) AND (OLD.pk IS NOT NEW.pk OR
    lower(OLD.agency) IS NOT lower(NEW.agency) OR
    lower(OLD.origin) IS NOT lower(NEW.origin) OR
    OLD.status IS NOT NEW.status OR OLD.gender IS NOT NEW.gender OR
    OLD.notice_days IS NOT NEW.notice_days)
BEGIN
	INSERT INTO term_dirty VALUES ('agency', lower(OLD.agency), OLD.pk),
	    ('origin', lower(OLD.origin), OLD.pk),
	    ('status', OLD.status, OLD.pk),
	    ('gender', OLD.gender, OLD.pk),
	    ('notice', printf('%010d', OLD.notice_days), OLD.pk),
	    ('agency', lower(NEW.agency), NEW.pk),
	    ('origin', lower(NEW.origin), NEW.pk),
	    ('status', NEW.status, NEW.pk),
	    ('gender', NEW.gender, NEW.pk),
	    ('notice', printf('%010d', NEW.notice_days), NEW.pk);
END;
CREATE TRIGGER term_person_delete AFTER DELETE ON person
    WHEN (SELECT live FROM term_state)
BEGIN
	INSERT INTO term_dirty VALUES ('agency', lower(OLD.agency), OLD.pk),
	    ('origin', lower(OLD.origin), OLD.pk),
	    ('status', OLD.status, OLD.pk),
	    ('gender', OLD.gender, OLD.pk),
	    ('notice', printf('%010d', OLD.notice_days), OLD.pk);
END;

CREATE TRIGGER term_language_insert AFTER INSERT ON person_language
    WHEN (SELECT live FROM term_state)
BEGIN
	INSERT INTO term_dirty VALUES
	    ('lang', NEW.code || ':' || NEW.level, NEW.person);
END;
CREATE TRIGGER term_language_update AFTER UPDATE ON person_language
    WHEN (SELECT live FROM term_state)
BEGIN
	INSERT INTO term_dirty VALUES
	    ('lang', OLD.code || ':' || OLD.level, OLD.person),
	    ('lang', NEW.code || ':' || NEW.level, NEW.person);
END;
CREATE TRIGGER term_language_delete AFTER DELETE ON person_language
    WHEN (SELECT live FROM term_state)
BEGIN
	INSERT INTO term_dirty VALUES
	    ('lang', OLD.code || ':' || OLD.level, OLD.person);
END;

CREATE TRIGGER term_theme_insert AFTER INSERT ON person_theme
    WHEN (SELECT live FROM term_state)
BEGIN
	INSERT INTO term_dirty VALUES ('theme', NEW.slug, NEW.person);
END;
CREATE TRIGGER term_theme_update AFTER UPDATE ON person_theme
    WHEN (SELECT live FROM term_state)
BEGIN
	INSERT INTO term_dirty VALUES ('theme', OLD.slug, OLD.person),
	    ('theme', NEW.slug, NEW.person);
END;
CREATE TRIGGER term_theme_delete AFTER DELETE ON person_theme
    WHEN (SELECT live FROM term_state)
BEGIN
	INSERT INTO term_dirty VALUES ('theme', OLD.slug, OLD.person);
END;

CREATE TRIGGER term_service_theme_insert AFTER INSERT ON service_theme
    WHEN (SELECT live FROM term_state)
BEGIN
	INSERT INTO term_dirty VALUES ('theme', NEW.slug, NEW.person);
END;
CREATE TRIGGER term_service_theme_update AFTER UPDATE ON service_theme
    WHEN (SELECT live FROM term_state)
BEGIN
	INSERT INTO term_dirty VALUES ('theme', OLD.slug, OLD.person),
	    ('theme', NEW.slug, NEW.person);
END;
CREATE TRIGGER term_service_theme_delete AFTER DELETE ON service_theme
    WHEN (SELECT live FROM term_state)
BEGIN
	INSERT INTO term_dirty VALUES ('theme', OLD.slug, OLD.person);
END;

CREATE TRIGGER term_skill_insert AFTER INSERT ON person_skill
    WHEN (SELECT live FROM term_state)
BEGIN
	INSERT INTO term_dirty VALUES ('skill', NEW.slug, NEW.person);
END;
CREATE TRIGGER term_skill_update AFTER UPDATE ON person_skill
    WHEN (SELECT live FROM term_state)
BEGIN
	INSERT INTO term_dirty VALUES ('skill', OLD.slug, OLD.person),
	    ('skill', NEW.slug, NEW.person);
END;
CREATE TRIGGER term_skill_delete AFTER DELETE ON person_skill
    WHEN (SELECT live FROM term_state)
BEGIN
	INSERT INTO term_dirty VALUES ('skill', OLD.slug, OLD.person);
END;

CREATE TRIGGER term_service_insert AFTER INSERT ON service
    WHEN (SELECT live FROM term_state)
BEGIN
	INSERT INTO term_dirty VALUES ('country', NEW.country, NEW.person),
	    ('mission', NEW.mission, NEW.person);
END;
CREATE TRIGGER term_service_update AFTER UPDATE OF person, country,
    mission ON service WHEN (SELECT live FROM term_state)
BEGIN
	INSERT INTO term_dirty VALUES ('country', OLD.country, OLD.person),
	    ('mission', OLD.mission, OLD.person),
	    ('country', NEW.country, NEW.person),
	    ('mission', NEW.mission, NEW.person);
END;
CREATE TRIGGER term_service_delete AFTER DELETE ON service
    WHEN (SELECT live FROM term_state)
BEGIN
	INSERT INTO term_dirty VALUES ('country', OLD.country, OLD.person),
	    ('mission', OLD.mission, OLD.person);
END;

-- The month a date falls in ('2027-03'), for ready:, passport:, medical:
-- and heat: ('' when the date is missing, as is ready_until then).
CREATE TRIGGER term_dates_insert AFTER INSERT ON person
    WHEN (SELECT live FROM term_state)
BEGIN
	INSERT INTO term_dirty VALUES
	    ('ready', coalesce(substr(NEW.ready_until, 1, 7), ''), NEW.pk),
	    ('passport', coalesce(substr(NEW.passport_expiry, 1, 7), ''), NEW.pk),
	    ('medical', coalesce(substr(NEW.medical_expiry, 1, 7), ''), NEW.pk),
	    ('heat', coalesce(substr(NEW.heat_expiry, 1, 7), ''), NEW.pk);
END;
CREATE TRIGGER term_dates_update AFTER UPDATE OF pk, passport_expiry,
    medical_expiry, heat_expiry ON person
    WHEN (SELECT live FROM term_state) AND (OLD.pk IS NOT NEW.pk OR
    substr(OLD.passport_expiry, 1, 7) IS NOT substr(NEW.passport_expiry, 1, 7)
    OR substr(OLD.medical_expiry, 1, 7) IS NOT substr(NEW.medical_expiry, 1, 7)
    OR substr(OLD.heat_expiry, 1, 7) IS NOT substr(NEW.heat_expiry, 1, 7))
BEGIN
	INSERT INTO term_dirty VALUES
	    ('ready', coalesce(substr(OLD.ready_until, 1, 7), ''), OLD.pk),
	    ('passport', coalesce(substr(OLD.passport_expiry, 1, 7), ''), OLD.pk),
	    ('medical', coalesce(substr(OLD.medical_expiry, 1, 7), ''), OLD.pk),
	    ('heat', coalesce(substr(OLD.heat_expiry, 1, 7), ''), OLD.pk),
	    ('ready', coalesce(substr(NEW.ready_until, 1, 7), ''), NEW.pk),
	    ('passport', coalesce(substr(NEW.passport_expiry, 1, 7), ''), NEW.pk),
	    ('medical', coalesce(substr(NEW.medical_expiry, 1, 7), ''), NEW.pk),
	    ('heat', coalesce(substr(NEW.heat_expiry, 1, 7), ''), NEW.pk);
END;
CREATE TRIGGER term_dates_delete AFTER DELETE ON person
    WHEN (SELECT live FROM term_state)
BEGIN
	INSERT INTO term_dirty VALUES
	    ('ready', coalesce(substr(OLD.ready_until, 1, 7), ''), OLD.pk),
	    ('passport', coalesce(substr(OLD.passport_expiry, 1, 7), ''), OLD.pk),
	    ('medical', coalesce(substr(OLD.medical_expiry, 1, 7), ''), OLD.pk),
	    ('heat', coalesce(substr(OLD.heat_expiry, 1, 7), ''), OLD.pk);
END;

-- Unavailability windows are kept as sorted arrays, a BLOB per 65,536
-- people (terms_window.c), so that avail: sweeps them.
CREATE TRIGGER term_window_insert AFTER INSERT ON unavailability
    WHEN (SELECT live FROM term_state)
BEGIN
	INSERT INTO term_dirty VALUES
	    ('window', printf('%05d', NEW.person >> 16), NEW.person);
END;
CREATE TRIGGER term_window_update AFTER UPDATE OF person, start, end
    ON unavailability WHEN (SELECT live FROM term_state)
BEGIN
	INSERT INTO term_dirty VALUES
	    ('window', printf('%05d', OLD.person >> 16), OLD.person),
	    ('window', printf('%05d', NEW.person >> 16), NEW.person);
END;
CREATE TRIGGER term_window_delete AFTER DELETE ON unavailability
    WHEN (SELECT live FROM term_state)
BEGIN
	INSERT INTO term_dirty VALUES
	    ('window', printf('%05d', OLD.person >> 16), OLD.person);
END;
