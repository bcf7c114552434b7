-- Schema version 1.  CHECKs spell out their choices with OR: SQLite 3.40
-- builds a temporary index for every row checked against an IN list.
-- Dates are ISO 8601 text (YYYY-MM-DD), which sorts and
-- compares correctly as text; an empty date is NULL.  Every table that a
-- person owns is keyed by the person's integer pk so that filters intersect
-- integer sets, and the UUID stays the stable id seen by users and files.

CREATE TABLE country(code TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE country_alias(
	alias TEXT PRIMARY KEY COLLATE NOCASE,
	code TEXT NOT NULL REFERENCES country(code)
) WITHOUT ROWID;
CREATE TABLE language(code TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE theme(slug TEXT PRIMARY KEY, label TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE skill(slug TEXT PRIMARY KEY, label TEXT NOT NULL) WITHOUT ROWID;
-- CEFR levels in order, then native: "at least B2" is n >= 4.
CREATE TABLE level(n INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
INSERT INTO level VALUES (1, 'A1'), (2, 'A2'), (3, 'B1'), (4, 'B2'),
    (5, 'C1'), (6, 'C2'), (7, 'native');
CREATE TABLE mission_catalogue(
	name TEXT PRIMARY KEY,
	org TEXT NOT NULL CHECK (org = 'EU' OR org = 'UN' OR org = 'OSCE' OR
	    org = 'NATO' OR org = 'other'),
	country TEXT NOT NULL REFERENCES country(code),
	start_year INTEGER NOT NULL,
	end_year INTEGER,
	themes TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE person(
	pk INTEGER PRIMARY KEY,
	id TEXT NOT NULL UNIQUE,
	family_name TEXT NOT NULL,
	given_name TEXT NOT NULL,
	agency TEXT NOT NULL DEFAULT '',
	rank TEXT NOT NULL DEFAULT '',
	gender TEXT NOT NULL DEFAULT '' CHECK (gender = '' OR gender = 'f' OR
	    gender = 'm' OR gender = 'x'),
	email TEXT NOT NULL DEFAULT '',
	phone TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL DEFAULT 'active' CHECK (status = 'active' OR
	    status = 'inactive' OR status = 'left'),
	notice_days INTEGER NOT NULL DEFAULT 0 CHECK (notice_days >= 0),
	passport_expiry TEXT,
	medical_expiry TEXT,
	heat_expiry TEXT,
	notes TEXT NOT NULL DEFAULT '',
	created TEXT NOT NULL,
	updated TEXT NOT NULL,
	version INTEGER NOT NULL DEFAULT 1,
	-- The day readiness ends: the earliest of the three, '' if one is
	-- missing, so that ready:D is one index range.
	ready_until TEXT GENERATED ALWAYS AS (min(coalesce(passport_expiry, ''),
	    coalesce(medical_expiry, ''), coalesce(heat_expiry, ''))) VIRTUAL
);
-- Each filter term reads one index.  The name order ends in id, so that a
-- walk of this index gives the list's default order and needs no sort;
-- the other orders sort their matches.
CREATE INDEX person_name ON person(family_name COLLATE NOCASE,
    given_name COLLATE NOCASE, id);
CREATE INDEX person_agency ON person(agency COLLATE NOCASE);
CREATE INDEX person_avail ON person(status, notice_days);
CREATE INDEX person_notice ON person(notice_days);
CREATE INDEX person_gender ON person(gender);
CREATE INDEX person_ready ON person(ready_until);

CREATE TABLE person_language(
	person INTEGER NOT NULL REFERENCES person(pk) ON DELETE CASCADE,
	code TEXT NOT NULL REFERENCES language(code),
	level INTEGER NOT NULL REFERENCES level(n),
	PRIMARY KEY (person, code)
) WITHOUT ROWID;
CREATE INDEX person_language_code ON person_language(code, level, person);

CREATE TABLE person_theme(
	person INTEGER NOT NULL REFERENCES person(pk) ON DELETE CASCADE,
	slug TEXT NOT NULL REFERENCES theme(slug),
	PRIMARY KEY (person, slug)
) WITHOUT ROWID;
CREATE INDEX person_theme_slug ON person_theme(slug, person);

CREATE TABLE person_skill(
	person INTEGER NOT NULL REFERENCES person(pk) ON DELETE CASCADE,
	slug TEXT NOT NULL REFERENCES skill(slug),
	PRIMARY KEY (person, slug)
) WITHOUT ROWID;
CREATE INDEX person_skill_slug ON person_skill(slug, person);

-- Mission names are interned so that mission:m searches the few distinct
-- names rather than every service record.
CREATE TABLE mission(
	pk INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE
);

CREATE TABLE service(
	pk INTEGER PRIMARY KEY,
	person INTEGER NOT NULL REFERENCES person(pk) ON DELETE CASCADE,
	mission INTEGER NOT NULL REFERENCES mission(pk),
	country TEXT NOT NULL REFERENCES country(code),
	start TEXT NOT NULL,
	end TEXT,
	role TEXT NOT NULL DEFAULT '',
	CHECK (end IS NULL OR end >= start),
	UNIQUE (person, mission, start)
);
CREATE INDEX service_country ON service(country, person);
CREATE INDEX service_mission ON service(mission, person);

-- person is repeated from service so that theme:t reads one index; rows
-- go when their service goes.  The key's columns come first: SQLite
-- 3.40's integrity_check misreads a WITHOUT ROWID table whose NOT NULL
-- column stands between them.
CREATE TABLE service_theme(
	service INTEGER NOT NULL REFERENCES service(pk) ON DELETE CASCADE,
	slug TEXT NOT NULL REFERENCES theme(slug),
	person INTEGER NOT NULL,
	PRIMARY KEY (service, slug)
) WITHOUT ROWID;
CREATE INDEX service_theme_slug ON service_theme(slug, person);

CREATE TABLE unavailability(
	pk INTEGER PRIMARY KEY,
	person INTEGER NOT NULL REFERENCES person(pk) ON DELETE CASCADE,
	start TEXT NOT NULL,
	end TEXT,
	reason TEXT NOT NULL DEFAULT '',
	CHECK (end IS NULL OR end >= start),
	UNIQUE (person, start)
);
-- Availability asks which windows reach into [D1, D2]: those that have not
-- ended before D1; ended windows are most rows and are skipped by the index.
CREATE INDEX unavailability_end ON unavailability(end, start, person);

CREATE TABLE deployment(
	pk INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,
	kind TEXT NOT NULL DEFAULT 'other' CHECK (kind = 'hurricane' OR
	    kind = 'earthquake' OR kind = 'flood' OR kind = 'air-disaster' OR
	    kind = 'civil-unrest' OR kind = 'pandemic' OR kind = 'other'),
	country TEXT NOT NULL REFERENCES country(code),
	start TEXT NOT NULL,
	end TEXT,
	status TEXT NOT NULL DEFAULT 'planning' CHECK (status = 'planning' OR
	    status = 'active' OR status = 'closed'),
	needs TEXT NOT NULL DEFAULT '',
	created TEXT NOT NULL,
	CHECK (end IS NULL OR end >= start)
);

CREATE TABLE assignment(
	pk INTEGER PRIMARY KEY,
	deployment INTEGER NOT NULL REFERENCES deployment(pk) ON DELETE CASCADE,
	person INTEGER NOT NULL REFERENCES person(pk) ON DELETE CASCADE,
	role TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL DEFAULT 'proposed' CHECK (status = 'proposed' OR
	    status = 'contacted' OR status = 'confirmed' OR
	    status = 'deployed' OR status = 'returned' OR
	    status = 'declined' OR status = 'withdrawn'),
	UNIQUE (deployment, person)
);
CREATE INDEX assignment_person ON assignment(person, status);

-- Every status an assignment has had, with when it was set.
CREATE TABLE assignment_history(
	assignment INTEGER NOT NULL REFERENCES assignment(pk) ON DELETE CASCADE,
	status TEXT NOT NULL,
	at TEXT NOT NULL
);
CREATE INDEX assignment_history_assignment ON assignment_history(assignment);

CREATE TABLE audit(
	pk INTEGER PRIMARY KEY,
	who TEXT NOT NULL,
	at TEXT NOT NULL,
	entity TEXT NOT NULL,
	entity_id TEXT NOT NULL,
	action TEXT NOT NULL,
	fields TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_entity ON audit(entity_id);

-- Words: names, agency, rank, notes and mission names, folded for case and
-- diacritics, matched by prefix.  rowid is person.pk.
CREATE VIRTUAL TABLE person_fts USING fts5(names, agency, title, notes,
    missions, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3',
    columnsize = 0);
