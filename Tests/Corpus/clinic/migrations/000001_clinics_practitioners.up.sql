CREATE TABLE clinics (
    id           bigserial PRIMARY KEY,
    slug         varchar(64) NOT NULL UNIQUE,
    name         text NOT NULL,
    timezone     text NOT NULL DEFAULT 'UTC',
    country      char(2) NOT NULL,
    phone        varchar(32),
    address      jsonb NOT NULL DEFAULT '{}'::jsonb,
    opening_hours jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at   timestamptz NOT NULL DEFAULT now(),
    archived_at  timestamptz
);

CREATE TABLE specialties (
    id    serial PRIMARY KEY,
    code  varchar(32) NOT NULL UNIQUE,
    name  text NOT NULL
);

CREATE TABLE practitioners (
    id                    bigserial PRIMARY KEY,
    clinic_id             bigint NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
    external_id           uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    full_name             text NOT NULL,
    title                 varchar(32),
    email                 text NOT NULL,
    license_number        varchar(64) NOT NULL,
    default_slot_minutes  smallint NOT NULL DEFAULT 30 CHECK (default_slot_minutes BETWEEN 5 AND 240),
    accepts_new_patients  boolean NOT NULL DEFAULT true,
    languages             text[] NOT NULL DEFAULT '{}',
    bio                   text,
    created_at            timestamptz NOT NULL DEFAULT now(),
    deactivated_at        timestamptz
);

CREATE UNIQUE INDEX practitioners_clinic_email_key ON practitioners (clinic_id, lower(email));
CREATE INDEX practitioners_clinic_idx ON practitioners (clinic_id) WHERE deactivated_at IS NULL;

CREATE TABLE practitioner_specialties (
    practitioner_id  bigint NOT NULL REFERENCES practitioners (id) ON DELETE CASCADE,
    specialty_id     integer NOT NULL REFERENCES specialties (id) ON DELETE RESTRICT,
    is_primary       boolean NOT NULL DEFAULT false,
    certified_on     date,
    PRIMARY KEY (practitioner_id, specialty_id)
);

CREATE UNIQUE INDEX practitioner_specialties_one_primary
    ON practitioner_specialties (practitioner_id) WHERE is_primary;

-- Weekly recurring availability. Minutes are counted from local midnight.
CREATE TABLE availability_rules (
    id               bigserial PRIMARY KEY,
    practitioner_id  bigint NOT NULL REFERENCES practitioners (id) ON DELETE CASCADE,
    weekday          smallint NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    start_minute     integer NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute       integer NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
    valid_from       date NOT NULL DEFAULT current_date,
    valid_until      date,
    CHECK (end_minute > start_minute),
    CHECK (valid_until IS NULL OR valid_until >= valid_from)
);

CREATE INDEX availability_rules_practitioner_idx ON availability_rules (practitioner_id, weekday);

CREATE TABLE time_off (
    id               bigserial PRIMARY KEY,
    practitioner_id  bigint NOT NULL REFERENCES practitioners (id) ON DELETE CASCADE,
    starts_at        timestamptz NOT NULL,
    ends_at          timestamptz NOT NULL,
    reason           text NOT NULL DEFAULT '',
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at)
);

CREATE INDEX time_off_practitioner_idx ON time_off (practitioner_id, starts_at);

CREATE TABLE patients (
    id                bigserial PRIMARY KEY,
    public_id         uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    clinic_id         bigint NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
    first_name        text NOT NULL,
    last_name         text NOT NULL,
    date_of_birth     date NOT NULL,
    sex               char(1) CHECK (sex IN ('F', 'M', 'X')),
    email             text,
    phone             varchar(32),
    insurance_number  varchar(64),
    allergies         text[] NOT NULL DEFAULT '{}',
    metadata          jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    deleted_at        timestamptz
);

CREATE INDEX patients_clinic_name_idx ON patients (clinic_id, lower(last_name), lower(first_name));
CREATE UNIQUE INDEX patients_clinic_insurance_key ON patients (clinic_id, insurance_number)
    WHERE insurance_number IS NOT NULL AND deleted_at IS NULL;
