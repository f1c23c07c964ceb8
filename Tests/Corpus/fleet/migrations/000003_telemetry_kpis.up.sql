CREATE TYPE fuel_type AS ENUM ('diesel', 'petrol', 'electric', 'cng');
CREATE TYPE dispatch_state AS ENUM ('pending', 'claimed', 'done', 'failed');

CREATE TABLE gps_pings (
    id              bigserial PRIMARY KEY,
    vehicle_id      bigint NOT NULL REFERENCES vehicles (id) ON DELETE CASCADE,
    driver_id       bigint REFERENCES drivers (id) ON DELETE SET NULL,
    recorded_at     timestamptz NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    latitude        double precision NOT NULL,
    longitude       double precision NOT NULL,
    speed_kmh       real,
    heading         smallint,
    accuracy_m      real,
    ignition_on     boolean NOT NULL DEFAULT true
);

CREATE INDEX gps_pings_vehicle_time_idx ON gps_pings (vehicle_id, recorded_at DESC);

CREATE TABLE fuel_logs (
    id              bigserial PRIMARY KEY,
    vehicle_id      bigint NOT NULL REFERENCES vehicles (id) ON DELETE CASCADE,
    driver_id       bigint REFERENCES drivers (id) ON DELETE SET NULL,
    fueled_at       timestamptz NOT NULL DEFAULT now(),
    fuel            fuel_type NOT NULL DEFAULT 'diesel',
    liters          numeric(7,2) NOT NULL CHECK (liters > 0),
    price_per_liter numeric(6,3) NOT NULL,
    odometer_km     integer NOT NULL,
    station         text,
    receipt_image   bytea,
    full_tank       boolean NOT NULL DEFAULT true
);

CREATE INDEX fuel_logs_vehicle_idx ON fuel_logs (vehicle_id, fueled_at);

CREATE TABLE driver_ratings (
    id              bigserial PRIMARY KEY,
    driver_id       bigint NOT NULL REFERENCES drivers (id) ON DELETE CASCADE,
    shipment_id     bigint NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
    score           smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment         text,
    rated_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (shipment_id)
);

CREATE INDEX driver_ratings_driver_idx ON driver_ratings (driver_id, rated_at DESC);

CREATE TABLE daily_kpis (
    depot_id            bigint NOT NULL REFERENCES depots (id) ON DELETE CASCADE,
    day                 date NOT NULL,
    shipments_created   integer NOT NULL DEFAULT 0,
    shipments_delivered integer NOT NULL DEFAULT 0,
    failed_attempts     integer NOT NULL DEFAULT 0,
    on_time_rate        numeric(5,4),
    km_driven           numeric(10,2) NOT NULL DEFAULT 0,
    fuel_liters         numeric(10,2) NOT NULL DEFAULT 0,
    avg_rating          real,
    computed_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (depot_id, day)
);

CREATE TABLE dispatch_jobs (
    id              bigserial PRIMARY KEY,
    depot_id        bigint NOT NULL REFERENCES depots (id) ON DELETE CASCADE,
    shipment_id     bigint NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
    state           dispatch_state NOT NULL DEFAULT 'pending',
    priority        integer NOT NULL DEFAULT 0,
    run_after       timestamptz NOT NULL DEFAULT now(),
    claimed_by      text,
    claimed_at      timestamptz,
    attempts        integer NOT NULL DEFAULT 0,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX dispatch_jobs_pending_idx ON dispatch_jobs (depot_id, priority DESC, run_after) WHERE state = 'pending';
CREATE UNIQUE INDEX dispatch_jobs_open_shipment_key ON dispatch_jobs (shipment_id) WHERE state IN ('pending', 'claimed');
