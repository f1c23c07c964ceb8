CREATE TYPE appointment_status AS ENUM (
    'requested', 'confirmed', 'checked_in', 'in_progress', 'completed', 'cancelled', 'no_show'
);

CREATE TABLE appointment_types (
    id          serial PRIMARY KEY,
    clinic_id   bigint NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
    name        text NOT NULL,
    duration    interval NOT NULL DEFAULT interval '30 minutes',
    price       numeric(10,2) NOT NULL DEFAULT 0,
    color       char(7) NOT NULL DEFAULT '#3366cc',
    is_virtual  boolean NOT NULL DEFAULT false,
    active      boolean NOT NULL DEFAULT true,
    UNIQUE (clinic_id, name)
);

CREATE TABLE appointments (
    id                   bigserial PRIMARY KEY,
    clinic_id            bigint NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
    practitioner_id      bigint NOT NULL REFERENCES practitioners (id) ON DELETE RESTRICT,
    patient_id           bigint NOT NULL REFERENCES patients (id) ON DELETE RESTRICT,
    appointment_type_id  integer REFERENCES appointment_types (id) ON DELETE SET NULL,
    starts_at            timestamptz NOT NULL,
    ends_at              timestamptz NOT NULL,
    status               appointment_status NOT NULL DEFAULT 'requested',
    reason               text NOT NULL DEFAULT '',
    booked_by            varchar(16) NOT NULL DEFAULT 'staff',
    cancellation_reason  text,
    cancelled_at         timestamptz,
    checked_in_at        timestamptz,
    completed_at         timestamptz,
    version              integer NOT NULL DEFAULT 1,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at),
    CHECK (booked_by IN ('patient', 'staff', 'waitlist'))
);

CREATE INDEX appointments_practitioner_time_idx ON appointments (practitioner_id, starts_at)
    WHERE status NOT IN ('cancelled', 'no_show');
CREATE INDEX appointments_patient_idx ON appointments (patient_id, starts_at DESC);
CREATE INDEX appointments_clinic_day_idx ON appointments (clinic_id, starts_at);

CREATE TABLE appointment_events (
    id              bigserial PRIMARY KEY,
    appointment_id  bigint NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    from_status     appointment_status,
    to_status       appointment_status NOT NULL,
    changed_by      text NOT NULL,
    note            text,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX appointment_events_appointment_idx ON appointment_events (appointment_id, created_at);

CREATE TABLE waitlist_entries (
    id                      bigserial PRIMARY KEY,
    clinic_id               bigint NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
    patient_id              bigint NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    practitioner_id         bigint REFERENCES practitioners (id) ON DELETE SET NULL,
    specialty_id            integer REFERENCES specialties (id) ON DELETE SET NULL,
    earliest_date           date NOT NULL DEFAULT current_date,
    latest_date             date,
    priority                smallint NOT NULL DEFAULT 0,
    notes                   text NOT NULL DEFAULT '',
    offered_appointment_id  bigint REFERENCES appointments (id) ON DELETE SET NULL,
    offered_at              timestamptz,
    resolved_at             timestamptz,
    created_at              timestamptz NOT NULL DEFAULT now(),
    CHECK (practitioner_id IS NOT NULL OR specialty_id IS NOT NULL)
);

CREATE UNIQUE INDEX waitlist_open_patient_practitioner_key
    ON waitlist_entries (patient_id, practitioner_id)
    WHERE resolved_at IS NULL AND practitioner_id IS NOT NULL;
