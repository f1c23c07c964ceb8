CREATE TYPE invoice_status AS ENUM ('draft', 'issued', 'paid', 'void');
CREATE TYPE payment_method AS ENUM ('cash', 'card', 'insurance', 'transfer');

CREATE TABLE visit_notes (
    id               bigserial PRIMARY KEY,
    appointment_id   bigint NOT NULL UNIQUE REFERENCES appointments (id) ON DELETE CASCADE,
    practitioner_id  bigint NOT NULL REFERENCES practitioners (id),
    subjective       text NOT NULL DEFAULT '',
    objective        text NOT NULL DEFAULT '',
    assessment       text NOT NULL DEFAULT '',
    plan             text NOT NULL DEFAULT '',
    vitals           jsonb NOT NULL DEFAULT '{}'::jsonb,
    diagnosis_codes  text[] NOT NULL DEFAULT '{}',
    follow_up_in     interval,
    signed_at        timestamptz,
    signature        bytea,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE prescriptions (
    id               bigserial PRIMARY KEY,
    visit_note_id    bigint NOT NULL REFERENCES visit_notes (id) ON DELETE CASCADE,
    patient_id       bigint NOT NULL REFERENCES patients (id),
    practitioner_id  bigint NOT NULL REFERENCES practitioners (id),
    drug_name        text NOT NULL,
    strength         varchar(32) NOT NULL DEFAULT '',
    dosage           text NOT NULL,
    quantity         integer NOT NULL CHECK (quantity > 0),
    refills          smallint NOT NULL DEFAULT 0 CHECK (refills >= 0),
    refills_used     smallint NOT NULL DEFAULT 0,
    prescribed_at    timestamptz NOT NULL DEFAULT now(),
    expires_on       date NOT NULL,
    revoked_at       timestamptz,
    revoke_reason    text
);

CREATE INDEX prescriptions_patient_idx ON prescriptions (patient_id, prescribed_at DESC);

CREATE TABLE invoices (
    id              bigserial PRIMARY KEY,
    clinic_id       bigint NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
    patient_id      bigint NOT NULL REFERENCES patients (id),
    appointment_id  bigint REFERENCES appointments (id) ON DELETE SET NULL,
    number          varchar(20) NOT NULL,
    status          invoice_status NOT NULL DEFAULT 'draft',
    currency        char(3) NOT NULL DEFAULT 'EUR',
    total           numeric(12,2) NOT NULL DEFAULT 0,
    issued_on       date,
    due_on          date,
    notes           text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (clinic_id, number)
);

CREATE INDEX invoices_patient_idx ON invoices (patient_id, created_at DESC);

CREATE TABLE invoice_lines (
    id           bigserial PRIMARY KEY,
    invoice_id   bigint NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    position     integer NOT NULL,
    description  text NOT NULL,
    quantity     integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
    unit_price   numeric(10,2) NOT NULL,
    tax_rate     numeric(5,4) NOT NULL DEFAULT 0,
    UNIQUE (invoice_id, position)
);

CREATE TABLE payments (
    id           bigserial PRIMARY KEY,
    invoice_id   bigint NOT NULL REFERENCES invoices (id) ON DELETE RESTRICT,
    amount       numeric(12,2) NOT NULL CHECK (amount > 0),
    method       payment_method NOT NULL,
    reference    text,
    received_at  timestamptz NOT NULL DEFAULT now(),
    refunded_at  timestamptz
);

CREATE INDEX payments_invoice_idx ON payments (invoice_id);
