CREATE TYPE vehicle_status AS ENUM ('active', 'in_maintenance', 'out_of_service', 'retired');
CREATE TYPE maintenance_kind AS ENUM ('oil_change', 'tires', 'brakes', 'inspection', 'repair', 'other');
CREATE TYPE shift_status AS ENUM ('scheduled', 'on_duty', 'completed', 'missed', 'cancelled');

CREATE TABLE depots (
    id          bigserial PRIMARY KEY,
    code        varchar(12) NOT NULL UNIQUE,
    name        text NOT NULL,
    address     text NOT NULL DEFAULT '',
    country     char(2) NOT NULL DEFAULT 'US',
    latitude    double precision NOT NULL,
    longitude   double precision NOT NULL,
    timezone    text NOT NULL DEFAULT 'UTC',
    capacity    integer NOT NULL DEFAULT 50 CHECK (capacity > 0),
    is_active   boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (latitude BETWEEN -90 AND 90),
    CHECK (longitude BETWEEN -180 AND 180)
);

CREATE TABLE vehicles (
    id                  bigserial PRIMARY KEY,
    depot_id            bigint NOT NULL REFERENCES depots (id),
    plate_number        varchar(16) NOT NULL UNIQUE,
    vin                 char(17) UNIQUE,
    make                text NOT NULL,
    model               text NOT NULL,
    model_year          smallint NOT NULL,
    status              vehicle_status NOT NULL DEFAULT 'active',
    capacity_kg         numeric(10,2) NOT NULL,
    capacity_m3         real NOT NULL DEFAULT 0,
    odometer_km         integer NOT NULL DEFAULT 0,
    fuel_tank_liters    numeric(6,2) NOT NULL DEFAULT 80,
    features            text[] NOT NULL DEFAULT '{}',
    acquired_on         date NOT NULL DEFAULT current_date,
    retired_at          timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX vehicles_depot_status_idx ON vehicles (depot_id, status);

CREATE TABLE maintenance_schedules (
    id                  bigserial PRIMARY KEY,
    vehicle_id          bigint NOT NULL REFERENCES vehicles (id) ON DELETE CASCADE,
    kind                maintenance_kind NOT NULL,
    interval_km         integer,
    interval_period     interval,
    last_done_at        timestamptz,
    last_done_km        integer,
    notes               text,
    UNIQUE (vehicle_id, kind),
    CHECK (interval_km IS NOT NULL OR interval_period IS NOT NULL)
);

CREATE TABLE maintenance_records (
    id              bigserial PRIMARY KEY,
    vehicle_id      bigint NOT NULL REFERENCES vehicles (id) ON DELETE CASCADE,
    kind            maintenance_kind NOT NULL,
    performed_at    timestamptz NOT NULL DEFAULT now(),
    odometer_km     integer NOT NULL,
    cost            numeric(10,2) NOT NULL DEFAULT 0,
    vendor          text,
    notes           text NOT NULL DEFAULT '',
    parts           jsonb NOT NULL DEFAULT '[]'
);

CREATE INDEX maintenance_records_vehicle_idx ON maintenance_records (vehicle_id, performed_at DESC);

CREATE TABLE drivers (
    id              bigserial PRIMARY KEY,
    external_id     uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    home_depot_id   bigint NOT NULL REFERENCES depots (id),
    full_name       text NOT NULL,
    phone           varchar(32) NOT NULL,
    email           text,
    license_number  varchar(32) NOT NULL UNIQUE,
    license_class   char(1) NOT NULL DEFAULT 'B',
    license_expires date NOT NULL,
    hired_on        date NOT NULL DEFAULT current_date,
    terminated_on   date,
    hourly_rate     numeric(8,2) NOT NULL DEFAULT 20.00,
    languages       text[] NOT NULL DEFAULT '{en}',
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX drivers_home_depot_idx ON drivers (home_depot_id) WHERE terminated_on IS NULL;

CREATE TABLE driver_shifts (
    id              bigserial PRIMARY KEY,
    driver_id       bigint NOT NULL REFERENCES drivers (id) ON DELETE CASCADE,
    vehicle_id      bigint REFERENCES vehicles (id) ON DELETE SET NULL,
    depot_id        bigint NOT NULL REFERENCES depots (id),
    status          shift_status NOT NULL DEFAULT 'scheduled',
    planned_start   timestamptz NOT NULL,
    planned_end     timestamptz NOT NULL,
    clock_in        timestamptz,
    clock_out       timestamptz,
    break_minutes   smallint NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (planned_end > planned_start)
);

CREATE INDEX driver_shifts_driver_start_idx ON driver_shifts (driver_id, planned_start DESC);
CREATE INDEX driver_shifts_depot_start_idx ON driver_shifts (depot_id, planned_start);
