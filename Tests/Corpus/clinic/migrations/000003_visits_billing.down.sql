DROP TABLE IF EXISTS payments;
DROP TABLE IF EXISTS invoice_lines;
DROP TABLE IF EXISTS invoices;
DROP TABLE IF EXISTS prescriptions;
DROP TABLE IF EXISTS visit_notes;
DROP TYPE IF EXISTS payment_method;
DROP TYPE IF EXISTS invoice_status;
