DROP TABLE IF EXISTS waitlist_entries;
DROP TABLE IF EXISTS appointment_events;
DROP TABLE IF EXISTS appointments;
DROP TABLE IF EXISTS appointment_types;
DROP TYPE IF EXISTS appointment_status;
