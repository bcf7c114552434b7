/*
 * fixture.h - a small pool every filter test agrees on, loaded through the
 * real import path.  "Today" for these tests is FIXTURE_TODAY.
 */
#ifndef ROSTER_FIXTURE_H
#define ROSTER_FIXTURE_H

#define FIXTURE_TODAY "2026-11-23"

static const char fixture_people[] =
    "id,family_name,given_name,agency,rank,gender,email,phone,status,"
    "notice_days,passport_expiry,medical_expiry,heat_expiry,languages,"
    "themes,skills,notes\n"
    "11111111-1111-4111-8111-111111111111,Dubois,Amélie,National Police,"
    "Inspector,f,amelie.dubois@police.example,+33 6 12 34 56 78,active,2,"
    "2030-01-01,2027-06-30,2027-01-01,fr:native;en:C1;ar:B1,"
    "border-management,first-aid,\"Speaks Bambara basics, \"\"fast\"\".\"\n"
    "22222222-2222-4222-8222-222222222222,de Vries,Jan,KMar,Major,m,,,"
    "active,7,2029-05-01,2027-01-01,2026-12-31,nl:native;en:B2;fr:B1,"
    "organised-crime,leadership;negotiation,\n"
    "33333333-3333-4333-8333-333333333333,Παπαδόπουλος,Γιώργος,"
    "Hellenic Police,Captain,m,,,inactive,0,2025-01-01,2028-01-01,"
    "2028-01-01,el:native;en:C2,disaster-victim-identification,"
    "interviewing,\n"
    "44444444-4444-4444-8444-444444444444,Müller,Jürgen,Bundespolizei,"
    "Polizeihauptkommissar,m,,,active,30,2031-01-01,2029-01-01,,"
    "de:native;fr:C2,,4x4-driving,\n"
    "55555555-5555-4555-8555-555555555555,Kowalska,Anna,Customs,Officer,f,"
    ",,left,1,,,,pl:native;ru:B2,drugs,,\n";

static const char fixture_missions[] =
    "person_id,mission,country,start,end,role,themes\n"
    "11111111-1111-4111-8111-111111111111,EUCAP Sahel Mali,ML,2018-03-01,"
    "2020-02-28,Border Management Expert,border-management\n"
    "22222222-2222-4222-8222-222222222222,EULEX Kosovo,XK,2015-01-15,"
    "2017-01-14,Investigator,organised-crime;rule-of-law\n"
    "44444444-4444-4444-8444-444444444444,EUCAP Sahel Niger,NE,2019-06-01,"
    "2021-05-31,Mentor,border-management\n";

#endif
