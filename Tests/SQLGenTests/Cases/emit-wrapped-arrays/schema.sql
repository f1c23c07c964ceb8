CREATE TABLE invoices (
    id bigserial PRIMARY KEY,
    amounts numeric[] NOT NULL,
    attachments bytea[],
    notes jsonb[]
);
