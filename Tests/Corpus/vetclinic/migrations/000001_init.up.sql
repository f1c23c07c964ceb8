CREATE TYPE species AS ENUM ('dog', 'cat', 'rabbit', 'bird', 'reptile', 'other');

CREATE TYPE staff_role AS ENUM ('veterinarian', 'nurse', 'receptionist', 'manager');

CREATE TABLE clinics (
    id          bigserial PRIMARY KEY,
    code        varchar(12) NOT NULL UNIQUE,
    name        text NOT NULL,
    timezone    text NOT NULL DEFAULT 'UTC',
    phone       text,
    slot_minutes smallint NOT NULL DEFAULT 15 CHECK (slot_minutes > 0),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE clients (
    id              bigserial PRIMARY KEY,
    clinic_id       bigint NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
    first_name      text NOT NULL,
    last_name       text NOT NULL,
    email           text,
    phone           text,
    postal_code     varchar(10),
    marketing_opt_in boolean NOT NULL DEFAULT false,
    notes           text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    archived_at     timestamptz
);

CREATE UNIQUE INDEX clients_clinic_email_key ON clients (clinic_id, lower(email)) WHERE email IS NOT NULL;
CREATE INDEX clients_clinic_name_idx ON clients (clinic_id, last_name, first_name);

CREATE TABLE pets (
    id              bigserial PRIMARY KEY,
    public_id       uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    client_id       bigint NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    name            text NOT NULL,
    species         species NOT NULL,
    breed           text,
    sex             char(1) CHECK (sex IN ('M', 'F', 'U')),
    neutered        boolean NOT NULL DEFAULT false,
    birth_date      date,
    microchip       varchar(15) UNIQUE,
    weight_kg       numeric(6,2),
    allergies       text[] NOT NULL DEFAULT '{}',
    deceased_on     date,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX pets_client_id_idx ON pets (client_id);

CREATE TABLE staff (
    id          serial PRIMARY KEY,
    clinic_id   bigint NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
    full_name   text NOT NULL,
    role        staff_role NOT NULL,
    license_no  varchar(20),
    email       text NOT NULL UNIQUE,
    active      boolean NOT NULL DEFAULT true,
    hired_on    date NOT NULL DEFAULT current_date,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE rooms (
    id          serial PRIMARY KEY,
    clinic_id   bigint NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
    name        text NOT NULL,
    is_surgery  boolean NOT NULL DEFAULT false,
    UNIQUE (clinic_id, name)
);
