#include <stddef.h>

#include "demo_names.h"

/*
 * Names are common ones of each country, with the spelling its people
 * use: diacritics, Dutch tussenvoegsels, Irish fadas, Greek script.  Some
 * come from each country's immigrant families, because the pools do too.
 */

#define LIST(a)	(a), (sizeof(a) / sizeof((a)[0]))
/* Gendered family names must pair up one to one. */
#define PAIRED(m, f) \
	_Static_assert(sizeof(m) == sizeof(f), #f " does not match " #m)

/* Netherlands */
static const char *const nl_f[] = { "Anna", "Emma", "Sanne", "Lotte",
    "Fleur", "Iris", "Anouk", "Femke", "Marieke", "Esther", "Ingrid",
    "Linda", "Monique", "Petra", "Saskia", "Wilma", "Janneke", "Eline",
    "Roos", "Noor", "Maaike", "Inge", "Charlotte", "Annelies", "Karin",
    "Renée", "Floor", "Merel", "Hanneke", "Fatima" };
static const char *const nl_m[] = { "Jan", "Pieter", "Willem", "Hendrik",
    "Johan", "Kees", "Sander", "Bram", "Daan", "Joost", "Maarten", "Ruud",
    "Sjoerd", "Thijs", "Wouter", "Jeroen", "Bas", "Gert-Jan", "Erik",
    "Marco", "Dirk", "Rutger", "Koen", "Niels", "Stefan", "Frank", "Arjen",
    "René", "Mohamed", "Özcan" };
static const char *const nl_family[] = { "de Jong", "Jansen", "de Vries",
    "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit",
    "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters",
    "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra",
    "de Graaf", "van der Meer", "van der Linden", "van der Berg",
    "van 't Hof", "Huisman", "Kuipers", "Yılmaz", "El Amrani" };
static const struct demo_agency nl_agencies[] = {
	{ "National Police", "politie.nl.example", DEMO_POLICE, 50 },
	{ "KMar", "kmar.nl.example", DEMO_MILITARY, 22 },
	{ "Customs", "douane.nl.example", DEMO_CUSTOMS, 7 },
	{ "Ministry of Justice and Security", "minjenv.nl.example",
	    DEMO_CIVIL, 8 },
	{ "Public Prosecution Service", "om.nl.example", DEMO_CIVIL, 5 },
	{ "Netherlands Forensic Institute", "nfi.nl.example", DEMO_CIVIL, 4 },
};

/* Germany */
static const char *const de_f[] = { "Anna", "Katharina", "Julia", "Sabine",
    "Claudia", "Stefanie", "Sandra", "Nicole", "Petra", "Andrea", "Birgit",
    "Ute", "Jana", "Lena", "Sophie", "Miriam", "Kerstin", "Heike",
    "Susanne", "Franziska", "Johanna", "Annika", "Tanja", "Britta",
    "Jördis", "Lea", "Hannah", "Anke", "Dörte", "Bärbel" };
static const char *const de_m[] = { "Thomas", "Michael", "Andreas",
    "Stefan", "Markus", "Christian", "Jürgen", "Jörg", "Uwe", "Matthias",
    "Tobias", "Florian", "Sebastian", "Jan", "Lukas", "Klaus", "Dieter",
    "Günter", "Ralf", "Frank", "Holger", "Sven", "Björn", "Torsten", "Dirk",
    "Maximilian", "Jens", "Karsten", "Hans-Peter", "Mehmet" };
static const char *const de_family[] = { "Müller", "Schmidt", "Schneider",
    "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
    "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder",
    "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hartmann",
    "Lange", "Werner", "Krause", "Lehmann", "Günther", "Köhler", "Weiß",
    "Öztürk", "von Bülow" };
static const struct demo_agency de_agencies[] = {
	{ "Bundespolizei", "bundespolizei.de.example", DEMO_POLICE, 30 },
	{ "BKA", "bka.de.example", DEMO_POLICE, 12 },
	{ "Landespolizei", "polizei.de.example", DEMO_POLICE, 35 },
	{ "Zoll", "zoll.de.example", DEMO_CUSTOMS, 6 },
	{ "Ministry of the Interior", "bmi.de.example", DEMO_CIVIL, 6 },
	{ "Ministry of Justice", "bmj.de.example", DEMO_CIVIL, 4 },
	{ "THW", "thw.de.example", DEMO_CIVIL, 5 },
};

/* France */
static const char *const fr_f[] = { "Marie", "Camille", "Léa", "Chloé",
    "Manon", "Émilie", "Amélie", "Céline", "Nathalie", "Isabelle", "Sophie",
    "Valérie", "Sandrine", "Stéphanie", "Aurélie", "Hélène", "Élodie",
    "Claire", "Julie", "Anaïs", "Océane", "Mathilde", "Inès", "Margaux",
    "Françoise", "Geneviève", "Béatrice", "Agnès", "Noémie", "Laëtitia" };
static const char *const fr_m[] = { "Jean", "Pierre", "Jean-Pierre",
    "François", "Michel", "Philippe", "Nicolas", "Laurent", "Stéphane",
    "Sébastien", "Frédéric", "Julien", "Mathieu", "Olivier", "Thierry",
    "Éric", "Hervé", "Jérôme", "Benoît", "Guillaume", "Antoine", "Cédric",
    "Rémi", "Loïc", "Yannick", "Gaël", "Karim", "Mehdi", "Damien", "Bruno" };
static const char *const fr_family[] = { "Martin", "Bernard", "Dubois",
    "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
    "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "Bertrand", "Roux",
    "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont",
    "Lambert", "Bonnet", "Le Gall", "Rivière", "Chevalier", "Benali",
    "Haddad", "Gauthier" };
static const struct demo_agency fr_agencies[] = {
	{ "Police nationale", "interieur.fr.example", DEMO_POLICE, 40 },
	{ "Gendarmerie", "gendarmerie.fr.example", DEMO_MILITARY, 35 },
	{ "Douane", "douane.fr.example", DEMO_CUSTOMS, 6 },
	{ "Ministry of Justice", "justice.fr.example", DEMO_CIVIL, 6 },
	{ "Sécurité civile", "securite-civile.fr.example", DEMO_CIVIL, 5 },
	{ "Ministry of the Interior", "interieur.fr.example", DEMO_CIVIL, 5 },
};

/* Spain: people carry both parents' family names. */
static const char *const es_f[] = { "María", "Carmen", "Ana", "Isabel",
    "Laura", "Lucía", "Marta", "Cristina", "Elena", "Pilar", "Raquel",
    "Beatriz", "Rocío", "Nuria", "Sonia", "Silvia", "Patricia", "Paula",
    "Alba", "Sara", "Irene", "Inmaculada", "Begoña", "Montserrat", "Ainhoa",
    "Itziar", "Noelia", "Mercedes", "Maite", "María José" };
static const char *const es_m[] = { "José", "Antonio", "Manuel",
    "Francisco", "Juan", "David", "Javier", "Jesús", "Daniel", "Carlos",
    "Miguel", "Alejandro", "Rafael", "Pablo", "Sergio", "Fernando", "Jorge",
    "Alberto", "Álvaro", "Íñigo", "Rubén", "Óscar", "Andrés", "Joaquín",
    "Ramón", "Jordi", "Xavier", "Gonzalo", "Iker", "José Luis" };
static const char *const es_family[] = { "García", "Rodríguez", "González",
    "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín",
    "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez",
    "Romero", "Alonso", "Gutiérrez", "Navarro", "Torres", "Domínguez",
    "Vázquez", "Ramos", "Serrano", "Blanco", "Castaño", "Ibáñez",
    "Etxeberria", "Puig" };
static const struct demo_agency es_agencies[] = {
	{ "Policía Nacional", "policia.es.example", DEMO_POLICE, 40 },
	{ "Guardia Civil", "guardiacivil.es.example", DEMO_MILITARY, 38 },
	{ "Mossos d'Esquadra", "mossos.es.example", DEMO_POLICE, 5 },
	{ "Ertzaintza", "ertzaintza.es.example", DEMO_POLICE, 3 },
	{ "Vigilancia Aduanera", "aduanas.es.example", DEMO_CUSTOMS, 5 },
	{ "Ministry of the Interior", "interior.es.example", DEMO_CIVIL, 6 },
	{ "Ministry of Justice", "justicia.es.example", DEMO_CIVIL, 3 },
};

/* Portugal */
static const char *const pt_f[] = { "Maria", "Ana", "Joana", "Inês",
    "Beatriz", "Mariana", "Catarina", "Sofia", "Carolina", "Rita", "Sara",
    "Marta", "Filipa", "Teresa", "Leonor", "Patrícia", "Cláudia", "Sónia",
    "Fátima", "Conceição", "Graça", "Luísa", "Helena", "Raquel", "Vânia",
    "Andreia", "Susana", "Isabel", "Matilde", "Margarida" };
static const char *const pt_m[] = { "João", "José", "António", "Francisco",
    "Manuel", "Pedro", "Luís", "Miguel", "Rui", "Paulo", "Carlos", "Jorge",
    "Tiago", "Nuno", "Ricardo", "Bruno", "Hugo", "André", "Diogo",
    "Gonçalo", "Sérgio", "Vítor", "Fábio", "Rodrigo", "Duarte", "Márcio",
    "Joaquim", "Fernando", "Hélder", "Simão" };
static const char *const pt_family[] = { "Silva", "Santos", "Ferreira",
    "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins", "Jesus", "Sousa",
    "Fernandes", "Gonçalves", "Gomes", "Lopes", "Marques", "Alves",
    "Almeida", "Ribeiro", "Pinto", "Carvalho", "Teixeira", "Moreira",
    "Correia", "Mendes", "Nunes", "Soares", "Vieira", "Monteiro",
    "Magalhães", "Araújo", "Simões", "Brandão", "da Silva", "dos Santos" };
static const struct demo_agency pt_agencies[] = {
	{ "PSP", "psp.pt.example", DEMO_POLICE, 38 },
	{ "GNR", "gnr.pt.example", DEMO_MILITARY, 35 },
	{ "Polícia Judiciária", "pj.pt.example", DEMO_POLICE, 12 },
	{ "SEF", "sef.pt.example", DEMO_POLICE, 6 },
	{ "Ministry of Justice", "justica.pt.example", DEMO_CIVIL, 5 },
	{ "Customs", "at.pt.example", DEMO_CUSTOMS, 4 },
};

/* Italy */
static const char *const it_f[] = { "Giulia", "Francesca", "Chiara",
    "Sara", "Valentina", "Alessandra", "Federica", "Silvia", "Elisa",
    "Martina", "Giorgia", "Laura", "Paola", "Roberta", "Daniela", "Simona",
    "Antonella", "Manuela", "Cristina", "Serena", "Ilaria", "Beatrice",
    "Lucia", "Rosaria", "Carmela", "Donatella", "Gabriella", "Noemi",
    "Marta", "Teresa" };
static const char *const it_m[] = { "Marco", "Giuseppe", "Giovanni",
    "Antonio", "Francesco", "Luca", "Alessandro", "Andrea", "Matteo",
    "Lorenzo", "Davide", "Stefano", "Roberto", "Massimo", "Paolo",
    "Salvatore", "Fabrizio", "Nicola", "Riccardo", "Simone", "Emanuele",
    "Vincenzo", "Raffaele", "Gianluca", "Pierpaolo", "Niccolò", "Domenico",
    "Carmine", "Gaetano", "Mattia" };
static const char *const it_family[] = { "Rossi", "Russo", "Ferrari",
    "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
    "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano",
    "Rizzo", "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro",
    "Mariani", "Rinaldi", "Caruso", "Ferrara", "Martini", "Leone",
    "D'Angelo", "D'Amico", "Cannavò" };
static const struct demo_agency it_agencies[] = {
	{ "Polizia di Stato", "poliziadistato.it.example", DEMO_POLICE, 35 },
	{ "Carabinieri", "carabinieri.it.example", DEMO_MILITARY, 38 },
	{ "Guardia di Finanza", "gdf.it.example", DEMO_MILITARY, 12 },
	{ "Ministry of Justice", "giustizia.it.example", DEMO_CIVIL, 6 },
	{ "Protezione Civile", "protezionecivile.it.example", DEMO_CIVIL, 5 },
	{ "Customs", "adm.it.example", DEMO_CUSTOMS, 4 },
};

/* Poland: family names ending -ski and -cki take -ska and -cka. */
static const char *const pl_f[] = { "Anna", "Maria", "Katarzyna",
    "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Krystyna", "Magdalena",
    "Elżbieta", "Joanna", "Aleksandra", "Monika", "Zofia", "Teresa",
    "Danuta", "Natalia", "Karolina", "Marta", "Beata", "Dorota", "Justyna",
    "Jadwiga", "Paulina", "Iwona", "Grażyna", "Bożena", "Urszula", "Łucja",
    "Weronika" };
static const char *const pl_m[] = { "Piotr", "Krzysztof", "Andrzej",
    "Tomasz", "Paweł", "Jan", "Michał", "Marcin", "Jakub", "Adam", "Łukasz",
    "Marek", "Grzegorz", "Mateusz", "Wojciech", "Mariusz", "Dariusz",
    "Zbigniew", "Jerzy", "Maciej", "Rafał", "Kamil", "Robert", "Sławomir",
    "Przemysław", "Bartosz", "Jacek", "Wiesław", "Janusz", "Radosław" };
static const char *const pl_family[] = { "Nowak", "Kowalski", "Wiśniewski",
    "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński",
    "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur",
    "Wojciechowski", "Kwiatkowski", "Krawczyk", "Kaczmarek", "Piotrowski",
    "Grabowski", "Zając", "Pawłowski", "Michalski", "Król", "Wieczorek",
    "Jabłoński", "Wróbel", "Nowicki", "Majewski", "Stępień" };
static const char *const pl_family_f[] = { "Nowak", "Kowalska",
    "Wiśniewska", "Wójcik", "Kowalczyk", "Kamińska", "Lewandowska",
    "Zielińska", "Szymańska", "Woźniak", "Dąbrowska", "Kozłowska",
    "Jankowska", "Mazur", "Wojciechowska", "Kwiatkowska", "Krawczyk",
    "Kaczmarek", "Piotrowska", "Grabowska", "Zając", "Pawłowska",
    "Michalska", "Król", "Wieczorek", "Jabłońska", "Wróbel", "Nowicka",
    "Majewska", "Stępień" };
PAIRED(pl_family, pl_family_f);
static const struct demo_agency pl_agencies[] = {
	{ "Policja", "policja.pl.example", DEMO_POLICE, 50 },
	{ "Straż Graniczna", "strazgraniczna.pl.example", DEMO_MILITARY,
	    25 },
	{ "Żandarmeria Wojskowa", "zw.pl.example", DEMO_MILITARY, 6 },
	{ "National Revenue Administration", "kas.pl.example", DEMO_CUSTOMS,
	    6 },
	{ "Ministry of the Interior", "mswia.pl.example", DEMO_CIVIL, 8 },
};

/* Czech Republic: women's family names take -ová or -á. */
static const char *const cz_f[] = { "Jana", "Marie", "Eva", "Hana", "Anna",
    "Lenka", "Kateřina", "Lucie", "Věra", "Alena", "Petra", "Veronika",
    "Jaroslava", "Tereza", "Martina", "Michaela", "Zuzana", "Ivana",
    "Markéta", "Monika", "Barbora", "Klára", "Dagmar", "Šárka", "Radka",
    "Pavla", "Zdeňka", "Blanka", "Romana", "Kristýna" };
static const char *const cz_m[] = { "Jiří", "Jan", "Petr", "Josef", "Pavel",
    "Martin", "Tomáš", "Jaroslav", "Miroslav", "Zdeněk", "Václav", "Michal",
    "František", "Jakub", "Milan", "Karel", "Lukáš", "David", "Ondřej",
    "Vladimír", "Radek", "Aleš", "Stanislav", "Roman", "Marek", "Vojtěch",
    "Dušan", "Matěj", "Přemysl", "Libor" };
static const char *const cz_family[] = { "Novák", "Svoboda", "Novotný",
    "Dvořák", "Černý", "Procházka", "Kučera", "Veselý", "Horák", "Němec",
    "Marek", "Pospíšil", "Pokorný", "Hájek", "Král", "Jelínek", "Růžička",
    "Beneš", "Fiala", "Sedláček", "Doležal", "Zeman", "Kolář", "Navrátil",
    "Čermák", "Vaněk", "Urban", "Blažek", "Kříž", "Kovář" };
static const char *const cz_family_f[] = { "Nováková", "Svobodová",
    "Novotná", "Dvořáková", "Černá", "Procházková", "Kučerová", "Veselá",
    "Horáková", "Němcová", "Marková", "Pospíšilová", "Pokorná", "Hájková",
    "Králová", "Jelínková", "Růžičková", "Benešová", "Fialová",
    "Sedláčková", "Doležalová", "Zemanová", "Kolářová", "Navrátilová",
    "Čermáková", "Vaňková", "Urbanová", "Blažková", "Křížová", "Kovářová" };
PAIRED(cz_family, cz_family_f);
static const struct demo_agency cz_agencies[] = {
	{ "Policie ČR", "policie.cz.example", DEMO_POLICE, 60 },
	{ "Celní správa", "celnisprava.cz.example", DEMO_CUSTOMS, 10 },
	{ "Ministry of the Interior", "mvcr.cz.example", DEMO_CIVIL, 12 },
	{ "HZS ČR", "hzscr.cz.example", DEMO_CIVIL, 8 },
	{ "Military Police", "vp.cz.example", DEMO_MILITARY, 6 },
};

/* Sweden */
static const char *const se_f[] = { "Anna", "Maria", "Eva", "Karin",
    "Kristina", "Lena", "Sara", "Emma", "Ingrid", "Elin", "Malin", "Linnéa",
    "Sofia", "Johanna", "Åsa", "Märta", "Ebba", "Frida", "Ylva", "Annika",
    "Helena", "Camilla", "Louise", "Therese", "Matilda", "Maja", "Agneta",
    "Birgitta", "Lovisa", "Amina" };
static const char *const se_m[] = { "Lars", "Anders", "Johan", "Erik",
    "Per", "Karl", "Mikael", "Peter", "Jan", "Magnus", "Fredrik", "Henrik",
    "Mats", "Björn", "Gustav", "Oskar", "Jonas", "Niklas", "Daniel",
    "Andreas", "Håkan", "Göran", "Stefan", "Ola", "Åke", "Mattias",
    "Tobias", "Viktor", "Linus", "Ahmed" };
static const char *const se_family[] = { "Andersson", "Johansson",
    "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
    "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson",
    "Bengtsson", "Jönsson", "Lindberg", "Jakobsson", "Magnusson",
    "Lindström", "Lindqvist", "Åberg", "Öberg", "Söderberg", "Ström",
    "Holmgren", "Sjöberg", "Wallin", "Engström", "Bergström" };
static const struct demo_agency se_agencies[] = {
	{ "Polisen", "polisen.se.example", DEMO_POLICE, 55 },
	{ "Tullverket", "tullverket.se.example", DEMO_CUSTOMS, 8 },
	{ "MSB", "msb.se.example", DEMO_CIVIL, 12 },
	{ "Kriminalvården", "kriminalvarden.se.example", DEMO_CIVIL, 8 },
	{ "Folke Bernadotte Academy", "fba.se.example", DEMO_CIVIL, 8 },
	{ "Kustbevakningen", "kustbevakningen.se.example", DEMO_MILITARY, 5 },
};

/* Finland */
static const char *const fi_f[] = { "Anne", "Tuula", "Päivi", "Anna",
    "Riitta", "Leena", "Pirjo", "Sari", "Minna", "Johanna", "Tiina", "Satu",
    "Merja", "Hanna", "Laura", "Kaisa", "Eeva", "Helena", "Maria", "Aino",
    "Elina", "Heidi", "Niina", "Katja", "Sanna", "Jenni", "Marjatta",
    "Sirpa", "Outi", "Henna" };
static const char *const fi_m[] = { "Juha", "Timo", "Matti", "Kari",
    "Mikko", "Jari", "Antti", "Jukka", "Mika", "Markku", "Pekka", "Hannu",
    "Heikki", "Seppo", "Janne", "Ari", "Sami", "Petri", "Ville", "Tuomas",
    "Jussi", "Lauri", "Juho", "Olli", "Esa", "Harri", "Jyrki", "Teemu",
    "Veli-Matti", "Ilkka" };
static const char *const fi_family[] = { "Korhonen", "Virtanen", "Mäkinen",
    "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen", "Koskinen",
    "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen",
    "Niemi", "Heikkilä", "Kinnunen", "Salonen", "Turunen", "Salo",
    "Laitinen", "Tuominen", "Rantanen", "Karjalainen", "Jokinen", "Mattila",
    "Savolainen", "Lahtinen", "Ahonen" };
static const struct demo_agency fi_agencies[] = {
	{ "Poliisi", "poliisi.fi.example", DEMO_POLICE, 50 },
	{ "Rajavartiolaitos", "raja.fi.example", DEMO_MILITARY, 20 },
	{ "Tulli", "tulli.fi.example", DEMO_CUSTOMS, 8 },
	{ "CMC Finland", "cmcfinland.fi.example", DEMO_CIVIL, 10 },
	{ "Ministry of Justice", "oikeusministerio.fi.example", DEMO_CIVIL,
	    6 },
};

/* Romania */
static const char *const ro_f[] = { "Maria", "Elena", "Ioana", "Andreea",
    "Mihaela", "Ana", "Cristina", "Alexandra", "Gabriela", "Daniela",
    "Mariana", "Adriana", "Raluca", "Simona", "Roxana", "Irina", "Oana",
    "Alina", "Iuliana", "Loredana", "Ramona", "Corina", "Anca", "Ștefania",
    "Bianca", "Diana", "Carmen", "Georgiana", "Larisa", "Teodora" };
static const char *const ro_m[] = { "Ion", "Gheorghe", "Vasile",
    "Constantin", "Ioan", "Alexandru", "Andrei", "Mihai", "Nicolae",
    "Ștefan", "Florin", "Adrian", "Cristian", "Daniel", "Marius", "Bogdan",
    "Răzvan", "Gabriel", "Cătălin", "Dumitru", "Sorin", "Ciprian",
    "Valentin", "Lucian", "Ovidiu", "Radu", "Dragoș", "Costel", "Emil",
    "Petru" };
static const char *const ro_family[] = { "Popescu", "Popa", "Pop", "Radu",
    "Dumitru", "Stoica", "Stan", "Gheorghe", "Munteanu", "Constantin",
    "Ionescu", "Rusu", "Matei", "Ciobanu", "Mihai", "Șerban", "Lungu",
    "Florea", "Marin", "Toma", "Vasile", "Dinu", "Moldovan", "Barbu",
    "Nistor", "Cristea", "Tănase", "Dobre", "Mureșan", "Bălan",
    "Țurcanu" };
static const struct demo_agency ro_agencies[] = {
	{ "Poliția Română", "politiaromana.ro.example", DEMO_POLICE, 40 },
	{ "Jandarmeria Română", "jandarmeria.ro.example", DEMO_MILITARY, 25 },
	{ "Poliția de Frontieră", "politiadefrontiera.ro.example",
	    DEMO_POLICE, 18 },
	{ "Ministry of Internal Affairs", "mai.ro.example", DEMO_CIVIL, 8 },
	{ "IGSU", "igsu.ro.example", DEMO_CIVIL, 5 },
};

/* Croatia */
static const char *const hr_f[] = { "Ana", "Marija", "Ivana", "Petra",
    "Kristina", "Maja", "Martina", "Marina", "Ivona", "Tena", "Lucija",
    "Katarina", "Nikolina", "Mirjana", "Snježana", "Vesna", "Željka",
    "Dubravka", "Jasna", "Gordana", "Sanja", "Tanja", "Iva", "Lana", "Mia",
    "Antonija", "Božena", "Ljiljana", "Dijana", "Đurđica" };
static const char *const hr_m[] = { "Ivan", "Marko", "Josip", "Tomislav",
    "Stjepan", "Luka", "Ante", "Mario", "Davor", "Krešimir", "Goran",
    "Zoran", "Damir", "Dražen", "Hrvoje", "Željko", "Nikola", "Petar",
    "Matej", "Domagoj", "Dario", "Igor", "Robert", "Zvonimir", "Mladen",
    "Boris", "Branimir", "Vedran", "Tihomir", "Đuro" };
static const char *const hr_family[] = { "Horvat", "Kovačević", "Babić",
    "Marić", "Jurić", "Novak", "Kovačić", "Knežević", "Vuković", "Marković",
    "Petrović", "Matić", "Tomić", "Pavlović", "Kovač", "Božić", "Blažević",
    "Grgić", "Pavić", "Radić", "Perić", "Šarić", "Lovrić", "Vidović",
    "Perković", "Popović", "Jukić", "Bošnjak", "Ćosić", "Đurić" };
static const struct demo_agency hr_agencies[] = {
	{ "Croatian Police", "policija.hr.example", DEMO_POLICE, 55 },
	{ "Ministry of the Interior", "mup.hr.example", DEMO_CIVIL, 15 },
	{ "Customs", "carina.hr.example", DEMO_CUSTOMS, 8 },
	{ "Ministry of Justice", "pravosudje.hr.example", DEMO_CIVIL, 6 },
	{ "Military Police", "morh.hr.example", DEMO_MILITARY, 6 },
};

/* Greece: Greek script; women's family names take the genitive form. */
static const char *const gr_f[] = { "Μαρία", "Ελένη", "Αικατερίνη",
    "Βασιλική", "Σοφία", "Αγγελική", "Γεωργία", "Δήμητρα", "Κωνσταντίνα",
    "Παρασκευή", "Ιωάννα", "Χριστίνα", "Ευαγγελία", "Αναστασία", "Φωτεινή",
    "Ειρήνη", "Δέσποινα", "Αθηνά", "Θεοδώρα", "Ζωή", "Νικολέτα", "Κατερίνα",
    "Άννα", "Ευτυχία", "Σταυρούλα", "Χαρίκλεια", "Όλγα", "Μαρίνα",
    "Πηνελόπη", "Αλεξάνδρα" };
static const char *const gr_m[] = { "Γιώργος", "Γιάννης", "Κωνσταντίνος",
    "Δημήτρης", "Νικόλαος", "Παναγιώτης", "Βασίλειος", "Χρήστος",
    "Αθανάσιος", "Μιχάλης", "Ευάγγελος", "Σπύρος", "Αντώνης", "Ανδρέας",
    "Ηλίας", "Θεόδωρος", "Σταύρος", "Εμμανουήλ", "Πέτρος", "Αλέξανδρος",
    "Στέλιος", "Θανάσης", "Άγγελος", "Λευτέρης", "Κώστας", "Φώτης",
    "Σωτήρης", "Περικλής", "Αριστοτέλης", "Μάριος" };
static const char *const gr_family[] = { "Παπαδόπουλος", "Παπαδάκης",
    "Γεωργίου", "Οικονόμου", "Βασιλείου", "Νικολάου", "Κωνσταντίνου",
    "Ιωάννου", "Παπανικολάου", "Δημητρίου", "Αθανασίου", "Μακρής",
    "Αντωνίου", "Πετρόπουλος", "Καραγιάννης", "Παππάς", "Αλεξίου",
    "Χριστοδούλου", "Θεοδωρίδης", "Ζαχαρίου", "Μιχαηλίδης",
    "Σταματόπουλος", "Κυριακίδης", "Λαμπράκης", "Παπαγεωργίου",
    "Τσιρόπουλος", "Αναστασίου", "Γεωργιάδης", "Ραφαηλίδης", "Μαυρίδης" };
static const char *const gr_family_f[] = { "Παπαδοπούλου", "Παπαδάκη",
    "Γεωργίου", "Οικονόμου", "Βασιλείου", "Νικολάου", "Κωνσταντίνου",
    "Ιωάννου", "Παπανικολάου", "Δημητρίου", "Αθανασίου", "Μακρή",
    "Αντωνίου", "Πετροπούλου", "Καραγιάννη", "Παππά", "Αλεξίου",
    "Χριστοδούλου", "Θεοδωρίδου", "Ζαχαρίου", "Μιχαηλίδου",
    "Σταματοπούλου", "Κυριακίδου", "Λαμπράκη", "Παπαγεωργίου",
    "Τσιροπούλου", "Αναστασίου", "Γεωργιάδου", "Ραφαηλίδου", "Μαυρίδου" };
PAIRED(gr_family, gr_family_f);
static const struct demo_agency gr_agencies[] = {
	{ "Hellenic Police", "astynomia.gr.example", DEMO_POLICE, 60 },
	{ "Hellenic Coast Guard", "hcg.gr.example", DEMO_MILITARY, 15 },
	{ "Hellenic Fire Service", "fireservice.gr.example", DEMO_CIVIL, 8 },
	{ "Ministry of Citizen Protection", "mcp.gr.example", DEMO_CIVIL,
	    10 },
};

/* Ireland */
static const char *const ie_f[] = { "Aoife", "Siobhán", "Niamh", "Sinéad",
    "Orla", "Ciara", "Róisín", "Saoirse", "Áine", "Clodagh", "Gráinne",
    "Mary", "Catherine", "Deirdre", "Emer", "Fiona", "Sarah", "Claire",
    "Aisling", "Caoimhe", "Máire", "Síle", "Úna", "Laura", "Rachel",
    "Louise", "Sorcha", "Nuala", "Eimear", "Bríd" };
static const char *const ie_m[] = { "Seán", "Patrick", "Ciarán", "Conor",
    "Darragh", "Eoin", "Cian", "Pádraig", "Liam", "Declan", "Dónal", "Niall",
    "Brendan", "Colm", "Diarmuid", "Fergal", "Kevin", "Michael", "John",
    "Brian", "Ronan", "Shane", "Cathal", "Tadhg", "Oisín", "Dermot", "Aidan",
    "Kieran", "Éamonn", "Rory" };
static const char *const ie_family[] = { "Murphy", "Kelly", "O'Sullivan",
    "Walsh", "Smith", "O'Brien", "Byrne", "Ryan", "O'Connor", "O'Neill",
    "O'Reilly", "Doyle", "McCarthy", "Gallagher", "O'Doherty", "Kennedy",
    "Lynch", "Murray", "Quinn", "Moore", "McLoughlin", "Ó Súilleabháin",
    "Ó Briain", "Brennan", "Fitzgerald", "Nolan", "Flanagan", "Daly",
    "Keane", "Mac Giolla" };
static const struct demo_agency ie_agencies[] = {
	{ "An Garda Síochána", "garda.ie.example", DEMO_POLICE, 70 },
	{ "Revenue Customs", "revenue.ie.example", DEMO_CUSTOMS, 10 },
	{ "Department of Justice", "justice.ie.example", DEMO_CIVIL, 12 },
};

const struct demo_nation demo_nations[] = {
	{ "NL", "nl", "+31 6 DDDD DDDD", "de de de fr fr es ", "AF ML XK ",
	    9, 0, LIST(nl_f), LIST(nl_m), LIST(nl_family), NULL,
	    LIST(nl_agencies) },
	{ "DE", "de", "+49 1[567]D DDDDDDDD", "fr fr es ru ru it ", "AF XK GE ",
	    14, 0, LIST(de_f), LIST(de_m), LIST(de_family), NULL,
	    LIST(de_agencies) },
	{ "FR", "fr", "+33 [67] DD DD DD DD", "es es de it ar ",
	    "ML NE CF CD HT CI TD BI ",
	    13, 0, LIST(fr_f), LIST(fr_m), LIST(fr_family), NULL,
	    LIST(fr_agencies) },
	{ "ES", "es", "+34 6DD DDD DDD", "fr fr fr pt it ar ", "GT HN ML ",
	    10, 85, LIST(es_f), LIST(es_m), LIST(es_family), NULL,
	    LIST(es_agencies) },
	{ "PT", "pt", "+351 9[1236]D DDD DDD", "fr fr es es ", "GW TL CF ML ",
	    5, 35, LIST(pt_f), LIST(pt_m), LIST(pt_family), NULL,
	    LIST(pt_agencies) },
	{ "IT", "it", "+39 3[234589]D DDD DDDD", "fr fr es de ", "LY XK BA ",
	    11, 0, LIST(it_f), LIST(it_m), LIST(it_family), NULL,
	    LIST(it_agencies) },
	{ "PL", "pl", "+48 [5678]DD DDD DDD", "ru ru de de uk fr ", "UA GE MD ",
	    8, 0, LIST(pl_f), LIST(pl_m), LIST(pl_family), pl_family_f,
	    LIST(pl_agencies) },
	{ "CZ", "cs", "+420 [67]DD DDD DDD", "de de ru fr ", "XK UA GE ",
	    4, 0, LIST(cz_f), LIST(cz_m), LIST(cz_family), cz_family_f,
	    LIST(cz_agencies) },
	{ "SE", "sv", "+46 7[02369] DDD DD DD", "de fr fr es ", "GE AF SO ",
	    5, 0, LIST(se_f), LIST(se_m), LIST(se_family), NULL,
	    LIST(se_agencies) },
	{ "FI", "fi", "+358 4[0145] DDD DDDD", "sv sv sv de ru ", "GE XK AF ",
	    4, 0, LIST(fi_f), LIST(fi_m), LIST(fi_family), NULL,
	    LIST(fi_agencies) },
	{ "RO", "ro", "+40 7[2345]D DDD DDD", "fr fr it es ", "MD XK ",
	    6, 0, LIST(ro_f), LIST(ro_m), LIST(ro_family), NULL,
	    LIST(ro_agencies) },
	{ "HR", "hr", "+385 9[125789] DDD DDDD", "de de it ", "BA XK ME RS ",
	    3, 0, LIST(hr_f), LIST(hr_m), LIST(hr_family), NULL,
	    LIST(hr_agencies) },
	{ "GR", "el", "+30 69[0345789] DDD DDDD", "fr de de it ", "CY XK ",
	    5, 0, LIST(gr_f), LIST(gr_m), LIST(gr_family), gr_family_f,
	    LIST(gr_agencies) },
	{ "IE", "en", "+353 8[35679] DDD DDDD", "ga ga fr de es ", "XK CY AF ",
	    3, 0, LIST(ie_f), LIST(ie_m), LIST(ie_family), NULL,
	    LIST(ie_agencies) },
};
const size_t demo_nnations = sizeof demo_nations / sizeof demo_nations[0];

/* Ranks in English, as mission job descriptions spell them. */
static const struct demo_rank police_ranks[] = {
	{ "Police Officer", 6 }, { "Sergeant", 12 }, { "Senior Sergeant", 8 },
	{ "Inspector", 22 }, { "Chief Inspector", 18 },
	{ "Superintendent", 12 }, { "Chief Superintendent", 5 },
	{ "Commissioner", 3 }, { "Detective Inspector", 8 },
	{ "Detective Sergeant", 6 },
};
static const struct demo_rank military_ranks[] = {
	{ "Warrant Officer", 15 }, { "Adjudant", 8 }, { "Lieutenant", 18 },
	{ "Captain", 22 }, { "Major", 16 }, { "Lieutenant Colonel", 10 },
	{ "Colonel", 5 },
};
static const struct demo_rank customs_ranks[] = {
	{ "Customs Officer", 30 }, { "Senior Customs Officer", 25 },
	{ "Customs Inspector", 25 }, { "Expert", 12 }, { "Head of Unit", 5 },
};
static const struct demo_rank civil_ranks[] = {
	{ "Advisor", 22 }, { "Senior Advisor", 18 }, { "Expert", 20 },
	{ "Senior Expert", 10 }, { "Policy Officer", 12 },
	{ "Legal Officer", 8 }, { "Prosecutor", 5 }, { "Head of Unit", 5 },
};

const struct demo_ranks demo_ranks[DEMO_NKINDS] = {
	[DEMO_POLICE] = { LIST(police_ranks) },
	[DEMO_MILITARY] = { LIST(military_ranks) },
	[DEMO_CUSTOMS] = { LIST(customs_ranks) },
	[DEMO_CIVIL] = { LIST(civil_ranks) },
};
