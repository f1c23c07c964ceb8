DROP TABLE IF EXISTS patients;
DROP TABLE IF EXISTS time_off;
DROP TABLE IF EXISTS availability_rules;
DROP TABLE IF EXISTS practitioner_specialties;
DROP TABLE IF EXISTS practitioners;
DROP TABLE IF EXISTS specialties;
DROP TABLE IF EXISTS clinics;
