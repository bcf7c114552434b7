-- Schema version 7.  Term bitmaps of the words index (terms.h): for each
-- word FTS5 holds, and for the first 1, 2 and 3 characters of each, the
-- people whose document has it, so that a short prefix that matches half
-- the pool is a few BLOB reads, not a merge of every word it starts.
-- fts.c keeps them as it writes the index; this vocabulary of the index
-- (each word and the documents that hold it) is what they are built and
-- checked from.  Not live until the next commit builds them.
CREATE VIRTUAL TABLE person_fts_words USING fts5vocab(person_fts, instance);
UPDATE term_state SET live = 0;

-- And bands of the name order (terms.h, family name): the people whose
-- family name starts with the same two characters, ASCII folded as
-- COLLATE NOCASE sorts them, so that a page of a search that matches a
-- few thousand people, all deep in the alphabet (muller), walks a band
-- of the name index, not all of it before them.
CREATE TRIGGER term_name_insert AFTER INSERT ON person
    WHEN (SELECT live FROM term_state)
BEGIN
	INSERT INTO term_dirty VALUES
	    ('name', lower(substr(NEW.family_name, 1, 2)), NEW.pk);
END;
CREATE TRIGGER term_name_update AFTER UPDATE OF pk, family_name ON person
    WHEN (SELECT live FROM term_state)
BEGIN
	INSERT INTO term_dirty VALUES
	    ('name', lower(substr(OLD.family_name, 1, 2)), OLD.pk),
	    ('name', lower(substr(NEW.family_name, 1, 2)), NEW.pk);
END;
CREATE TRIGGER term_name_delete AFTER DELETE ON person
    WHEN (SELECT live FROM term_state)
BEGIN
	INSERT INTO term_dirty VALUES
	    ('name', lower(substr(OLD.family_name, 1, 2)), OLD.pk);
END;
