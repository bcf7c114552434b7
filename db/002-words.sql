-- Schema version 2.  Abbreviations of themes and skills, which filters
-- take as values beside slugs and labels (theme:DVI); ref/aliases.sql
-- holds them.  And the words index rebuilt: its documents are now folded
-- by fold_index() (src/fold.h), which transliterates names to ASCII and
-- adds their other spellings, so that weiss finds Weiß and shevchenko
-- finds Шевченко.  The document is fts.c's.
CREATE TABLE theme_alias(
	alias TEXT PRIMARY KEY COLLATE NOCASE,
	slug TEXT NOT NULL REFERENCES theme(slug)
) WITHOUT ROWID;
CREATE TABLE skill_alias(
	alias TEXT PRIMARY KEY COLLATE NOCASE,
	slug TEXT NOT NULL REFERENCES skill(slug)
) WITHOUT ROWID;

DELETE FROM person_fts;
INSERT INTO person_fts(rowid, names, agency, title, notes, missions)
    SELECT p.pk, fold_index(p.given_name || ' ' || p.family_name),
    fold_index(p.agency), fold_index(p.rank), fold_index(p.notes),
    fold_index((SELECT group_concat(m.name, ' ') FROM service s
    JOIN mission m ON m.pk = s.mission WHERE s.person = p.pk))
    FROM person p;
