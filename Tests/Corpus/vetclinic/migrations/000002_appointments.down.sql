DROP TABLE IF EXISTS waitlist_entries;
DROP TABLE IF EXISTS staff_shifts;
DROP TABLE IF EXISTS appointments;
DROP TABLE IF EXISTS appointment_types;
DROP TYPE IF EXISTS appointment_status;
