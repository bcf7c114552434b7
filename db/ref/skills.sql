-- Controlled vocabulary of skills (slug, human label).
INSERT INTO skill(slug, label) VALUES
('leadership','Leadership'),
('crowd-management','Crowd management'),
('mentoring','Mentoring and advising'),
('training-delivery','Training delivery'),
('negotiation','Negotiation and mediation'),
('intercultural','Intercultural communication'),
('liaison','Liaison and coordination'),
('project-management','Project management'),
('first-aid','First aid'),
('4x4-driving','4x4 driving'),
('firearms-instruction','Firearms instruction'),
('interviewing','Investigative interviewing'),
('report-writing','Report writing'),
('radio-communications','Radio communications'),
('data-analysis','Data analysis'),
('navigation','Map and GPS navigation');
