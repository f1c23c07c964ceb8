CREATE TYPE invoice_status AS ENUM ('draft', 'issued', 'paid', 'void');

CREATE TYPE payment_method AS ENUM ('cash', 'card', 'bank_transfer', 'insurance');

CREATE TYPE reminder_channel AS ENUM ('email', 'sms', 'letter');

CREATE TABLE invoices (
    id              bigserial PRIMARY KEY,
    clinic_id       bigint NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
    client_id       bigint NOT NULL REFERENCES clients (id),
    visit_id        bigint REFERENCES visits (id) ON DELETE SET NULL,
    number          varchar(20) UNIQUE,
    status          invoice_status NOT NULL DEFAULT 'draft',
    subtotal        numeric(12,2) NOT NULL DEFAULT 0,
    tax_total       numeric(12,2) NOT NULL DEFAULT 0,
    total           numeric(12,2) NOT NULL DEFAULT 0,
    issued_on       date,
    due_on          date,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX invoices_client_idx ON invoices (client_id, created_at DESC);

CREATE TABLE invoice_lines (
    id              bigserial PRIMARY KEY,
    invoice_id      bigint NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    visit_item_id   bigint REFERENCES visit_items (id) ON DELETE SET NULL,
    description     text NOT NULL,
    quantity        numeric(8,2) NOT NULL,
    unit_price      numeric(10,2) NOT NULL,
    vat_rate        numeric(4,3) NOT NULL,
    line_total      numeric(12,2) NOT NULL
);

CREATE TABLE payments (
    id              bigserial PRIMARY KEY,
    invoice_id      bigint NOT NULL REFERENCES invoices (id),
    method          payment_method NOT NULL,
    amount          numeric(12,2) NOT NULL CHECK (amount <> 0),
    reference       text,
    received_at     timestamptz NOT NULL DEFAULT now(),
    metadata        json
);

CREATE TABLE reminders (
    id              bigserial PRIMARY KEY,
    clinic_id       bigint NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
    client_id       bigint NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    pet_id          bigint REFERENCES pets (id) ON DELETE CASCADE,
    channel         reminder_channel NOT NULL DEFAULT 'email',
    kind            text NOT NULL,
    dedupe_key      text NOT NULL UNIQUE,
    payload         jsonb NOT NULL DEFAULT '{}',
    send_after      timestamptz NOT NULL,
    attempts        integer NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    sent_at         timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX reminders_pending_idx ON reminders (send_after) WHERE sent_at IS NULL;

CREATE TABLE insurance_policies (
    id              bigserial PRIMARY KEY,
    pet_id          bigint NOT NULL REFERENCES pets (id) ON DELETE CASCADE,
    insurer         text NOT NULL,
    policy_number   text NOT NULL,
    coverage_pct    smallint NOT NULL DEFAULT 80 CHECK (coverage_pct BETWEEN 0 AND 100),
    annual_limit    numeric(12,2),
    valid_from      date NOT NULL,
    valid_to        date NOT NULL,
    UNIQUE (insurer, policy_number)
);
