CREATE TABLE receipts (
    id bigserial PRIMARY KEY,
    amount money NOT NULL,
    detail xml
);
