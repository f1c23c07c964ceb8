DROP TABLE IF EXISTS reminders;
ALTER TABLE patients
    DROP COLUMN IF EXISTS reminder_opt_out,
    DROP COLUMN IF EXISTS preferred_channel;
DROP TYPE IF EXISTS reminder_channel;
