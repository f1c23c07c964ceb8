CREATE TABLE treatments (
    id              serial PRIMARY KEY,
    clinic_id       bigint NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
    code            varchar(16) NOT NULL,
    name            text NOT NULL,
    category        text NOT NULL,
    unit_price      numeric(10,2) NOT NULL CHECK (unit_price >= 0),
    vat_rate        numeric(4,3) NOT NULL DEFAULT 0.200,
    is_vaccine      boolean NOT NULL DEFAULT false,
    booster_after   interval,
    active          boolean NOT NULL DEFAULT true,
    UNIQUE (clinic_id, code)
);

CREATE TABLE visits (
    id              bigserial PRIMARY KEY,
    appointment_id  bigint UNIQUE REFERENCES appointments (id) ON DELETE SET NULL,
    pet_id          bigint NOT NULL REFERENCES pets (id) ON DELETE CASCADE,
    vet_id          integer NOT NULL REFERENCES staff (id),
    visited_at      timestamptz NOT NULL DEFAULT now(),
    weight_kg       numeric(6,2),
    temperature_c   real,
    heart_rate      smallint,
    subjective      text,
    assessment      text,
    plan            text,
    vitals          jsonb NOT NULL DEFAULT '{}',
    signed_at       timestamptz
);

CREATE INDEX visits_pet_idx ON visits (pet_id, visited_at DESC);

CREATE TABLE visit_items (
    id              bigserial PRIMARY KEY,
    visit_id        bigint NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
    treatment_id    integer NOT NULL REFERENCES treatments (id),
    quantity        numeric(8,2) NOT NULL DEFAULT 1 CHECK (quantity > 0),
    unit_price      numeric(10,2) NOT NULL,
    discount_pct    numeric(5,2) NOT NULL DEFAULT 0,
    notes           text,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE vaccinations (
    id              bigserial PRIMARY KEY,
    pet_id          bigint NOT NULL REFERENCES pets (id) ON DELETE CASCADE,
    treatment_id    integer NOT NULL REFERENCES treatments (id),
    visit_id        bigint REFERENCES visits (id) ON DELETE SET NULL,
    batch_number    text,
    given_on        date NOT NULL,
    due_on          date,
    UNIQUE (pet_id, treatment_id, given_on)
);

CREATE TABLE prescriptions (
    id              bigserial PRIMARY KEY,
    pet_id          bigint NOT NULL REFERENCES pets (id) ON DELETE CASCADE,
    visit_id        bigint REFERENCES visits (id) ON DELETE SET NULL,
    prescribed_by   integer NOT NULL REFERENCES staff (id),
    drug_name       text NOT NULL,
    dosage          text NOT NULL,
    frequency_per_day smallint NOT NULL DEFAULT 1,
    duration_days   integer NOT NULL,
    refills_allowed integer NOT NULL DEFAULT 0,
    refills_used    integer NOT NULL DEFAULT 0,
    controlled      boolean NOT NULL DEFAULT false,
    starts_on       date NOT NULL DEFAULT current_date,
    revoked_at      timestamptz,
    CHECK (refills_used <= refills_allowed)
);

CREATE TABLE attachments (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    visit_id        bigint NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
    file_name       text NOT NULL,
    content_type    text NOT NULL,
    byte_size       bigint NOT NULL,
    sha256          bytea NOT NULL,
    tags            text[] NOT NULL DEFAULT '{}',
    uploaded_at     timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'UTC')
);
