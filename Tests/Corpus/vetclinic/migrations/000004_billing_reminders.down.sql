DROP TABLE IF EXISTS insurance_policies;
DROP TABLE IF EXISTS reminders;
DROP TABLE IF EXISTS payments;
DROP TABLE IF EXISTS invoice_lines;
DROP TABLE IF EXISTS invoices;
DROP TYPE IF EXISTS reminder_channel;
DROP TYPE IF EXISTS payment_method;
DROP TYPE IF EXISTS invoice_status;
