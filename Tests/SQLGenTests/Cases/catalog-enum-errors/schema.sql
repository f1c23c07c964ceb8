CREATE TYPE currency AS ENUM ('USD', 'EUR');
CREATE TYPE currency AS ENUM ('CAD');

ALTER TYPE currency ADD VALUE 'EUR';
ALTER TYPE currency ADD VALUE 'CAD' AFTER 'GBP';
ALTER TYPE currency RENAME VALUE 'YEN' TO 'JPY';
ALTER TYPE curency ADD VALUE 'CHF';

CREATE TABLE accounts (
    id bigserial PRIMARY KEY,
    currency currency NOT NULL
);
