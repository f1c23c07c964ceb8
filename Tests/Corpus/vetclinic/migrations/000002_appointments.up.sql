CREATE TYPE appointment_status AS ENUM ('requested', 'booked', 'checked_in', 'in_progress', 'completed', 'cancelled', 'no_show');

CREATE TABLE appointment_types (
    id                  serial PRIMARY KEY,
    clinic_id           bigint NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
    name                text NOT NULL,
    default_duration    interval NOT NULL DEFAULT interval '15 minutes',
    requires_surgery_room boolean NOT NULL DEFAULT false,
    color               char(7) NOT NULL DEFAULT '#3366cc',
    UNIQUE (clinic_id, name)
);

CREATE TABLE appointments (
    id              bigserial PRIMARY KEY,
    clinic_id       bigint NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
    pet_id          bigint NOT NULL REFERENCES pets (id) ON DELETE CASCADE,
    vet_id          integer REFERENCES staff (id) ON DELETE SET NULL,
    room_id         integer REFERENCES rooms (id) ON DELETE SET NULL,
    type_id         integer NOT NULL REFERENCES appointment_types (id),
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz NOT NULL,
    status          appointment_status NOT NULL DEFAULT 'booked',
    reason          text,
    booked_online   boolean NOT NULL DEFAULT false,
    checked_in_at   timestamptz,
    cancelled_at    timestamptz,
    cancel_reason   text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at)
);

CREATE INDEX appointments_vet_time_idx ON appointments (vet_id, starts_at);
CREATE INDEX appointments_clinic_time_idx ON appointments (clinic_id, starts_at);
CREATE INDEX appointments_pet_idx ON appointments (pet_id, starts_at DESC);

CREATE TABLE staff_shifts (
    id          bigserial PRIMARY KEY,
    staff_id    integer NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    shift_date  date NOT NULL,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    on_call     boolean NOT NULL DEFAULT false,
    UNIQUE (staff_id, shift_date, starts_at)
);

CREATE TABLE waitlist_entries (
    id              bigserial PRIMARY KEY,
    clinic_id       bigint NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
    pet_id          bigint NOT NULL REFERENCES pets (id) ON DELETE CASCADE,
    type_id         integer NOT NULL REFERENCES appointment_types (id),
    preferred_vet_id integer REFERENCES staff (id) ON DELETE SET NULL,
    earliest_date   date NOT NULL DEFAULT current_date,
    priority        smallint NOT NULL DEFAULT 0,
    offered_appointment_id bigint REFERENCES appointments (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (pet_id, type_id)
);
