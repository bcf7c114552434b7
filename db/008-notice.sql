-- Schema version 8.  The notice bitmaps' key of a notice_days that is
-- not a whole number (written by hand with sqlite3): notice:N asks
-- notice_days <= N, so a fraction is keyed by the next whole number up
-- and text, which SQLite sorts after every number, by '~', after every
-- key a filter asks for.  Not live until the next commit rebuilds them.
DROP TRIGGER term_person_insert;
DROP TRIGGER term_person_update;
DROP TRIGGER term_person_delete;
CREATE TRIGGER term_person_insert AFTER INSERT ON person
    WHEN (SELECT live FROM term_state)
BEGIN
	INSERT INTO term_dirty VALUES ('agency', lower(NEW.agency), NEW.pk),
	    ('origin', lower(NEW.origin), NEW.pk),
	    ('status', NEW.status, NEW.pk),
	    ('gender', NEW.gender, NEW.pk),
	    ('notice', CASE typeof(NEW.notice_days)
		WHEN 'integer' THEN printf('%010d', NEW.notice_days)
		WHEN 'real' THEN printf('%010d', CAST(NEW.notice_days AS INTEGER)
		    + (NEW.notice_days > CAST(NEW.notice_days AS INTEGER)))
		ELSE '~' END, NEW.pk);
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
	    ('notice', CASE typeof(OLD.notice_days)
		WHEN 'integer' THEN printf('%010d', OLD.notice_days)
		WHEN 'real' THEN printf('%010d', CAST(OLD.notice_days AS INTEGER)
		    + (OLD.notice_days > CAST(OLD.notice_days AS INTEGER)))
		ELSE '~' END, OLD.pk),
	    ('agency', lower(NEW.agency), NEW.pk),
	    ('origin', lower(NEW.origin), NEW.pk),
	    ('status', NEW.status, NEW.pk),
	    ('gender', NEW.gender, NEW.pk),
	    ('notice', CASE typeof(NEW.notice_days)
		WHEN 'integer' THEN printf('%010d', NEW.notice_days)
		WHEN 'real' THEN printf('%010d', CAST(NEW.notice_days AS INTEGER)
		    + (NEW.notice_days > CAST(NEW.notice_days AS INTEGER)))
		ELSE '~' END, NEW.pk);
END;
CREATE TRIGGER term_person_delete AFTER DELETE ON person
    WHEN (SELECT live FROM term_state)
BEGIN
	INSERT INTO term_dirty VALUES ('agency', lower(OLD.agency), OLD.pk),
	    ('origin', lower(OLD.origin), OLD.pk),
	    ('status', OLD.status, OLD.pk),
	    ('gender', OLD.gender, OLD.pk),
	    ('notice', CASE typeof(OLD.notice_days)
		WHEN 'integer' THEN printf('%010d', OLD.notice_days)
		WHEN 'real' THEN printf('%010d', CAST(OLD.notice_days AS INTEGER)
		    + (OLD.notice_days > CAST(OLD.notice_days AS INTEGER)))
		ELSE '~' END, OLD.pk);
END;
UPDATE term_state SET live = 0;
