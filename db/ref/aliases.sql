-- Abbreviations of themes and skills that filters take as values
-- (alias, slug); roster(5) lists them beside the vocabularies.
INSERT INTO theme_alias(alias, slug) VALUES
('OC','organised-crime'),
('CT','counter-terrorism'),
('THB','human-trafficking'),
('HT','human-trafficking'),
('SOM','migrant-smuggling'),
('IBM','border-management'),
('AC','anti-corruption'),
('ROL','rule-of-law'),
('HR','human-rights'),
('CRIMINT','criminal-intelligence'),
('DVI','disaster-victim-identification'),
('SSR','security-sector-reform'),
('AML','money-laundering');
INSERT INTO skill_alias(alias, slug) VALUES
('4WD','4x4-driving'),
('PM','project-management'),
('GPS','navigation');
