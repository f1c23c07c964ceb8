CREATE SCHEMA billing;

-- Unqualified names now create in, and resolve through, billing first.
SET search_path TO billing, public;
CREATE TYPE invoice_status AS ENUM ('open', 'paid');
CREATE TABLE invoices (
    id bigserial PRIMARY KEY,
    status invoice_status NOT NULL DEFAULT 'open',
    total_cents bigint NOT NULL
);

-- pg_dump's preamble empties the path and qualifies everything after it.
SELECT pg_catalog.set_config('search_path', '', false);
CREATE TABLE public.customers (id bigserial PRIMARY KEY, name text NOT NULL);

RESET search_path;
-- Back on public: this is public.payments, referring to billing's type by its full name.
CREATE TABLE payments (
    id bigserial PRIMARY KEY,
    invoice_id bigint NOT NULL,
    status billing.invoice_status NOT NULL
);
