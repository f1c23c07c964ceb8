CREATE TYPE route_status AS ENUM ('draft', 'planned', 'in_progress', 'completed', 'cancelled');
CREATE TYPE stop_kind AS ENUM ('pickup', 'dropoff', 'depot_return');
CREATE TYPE shipment_status AS ENUM (
    'created', 'awaiting_pickup', 'picked_up', 'in_transit', 'out_for_delivery',
    'delivered', 'failed_attempt', 'returned', 'cancelled'
);

CREATE TABLE routes (
    id              bigserial PRIMARY KEY,
    depot_id        bigint NOT NULL REFERENCES depots (id),
    shift_id        bigint REFERENCES driver_shifts (id) ON DELETE SET NULL,
    service_date    date NOT NULL,
    code            varchar(20) NOT NULL,
    status          route_status NOT NULL DEFAULT 'draft',
    planned_km      numeric(8,2),
    actual_km       numeric(8,2),
    started_at      timestamptz,
    finished_at     timestamptz,
    metadata        jsonb NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (depot_id, service_date, code)
);

CREATE TABLE shipments (
    id                  bigserial PRIMARY KEY,
    tracking_code       uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    reference           varchar(64),
    origin_depot_id     bigint NOT NULL REFERENCES depots (id),
    status              shipment_status NOT NULL DEFAULT 'created',
    recipient_name      text NOT NULL,
    recipient_phone     varchar(32),
    address             text NOT NULL,
    postal_code         varchar(12) NOT NULL,
    latitude            double precision,
    longitude           double precision,
    weight_kg           numeric(8,3) NOT NULL,
    volume_m3           real,
    declared_value      numeric(12,2),
    cod_amount          numeric(10,2) NOT NULL DEFAULT 0,
    priority            smallint NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
    requires_signature  boolean NOT NULL DEFAULT false,
    window_start        timestamptz,
    window_end          timestamptz,
    attempts            integer NOT NULL DEFAULT 0,
    tags                text[] NOT NULL DEFAULT '{}',
    proof_of_delivery   bytea,
    attributes          jsonb NOT NULL DEFAULT '{}',
    promised_date       date,
    delivered_at        timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX shipments_status_idx ON shipments (origin_depot_id, status);
CREATE INDEX shipments_created_idx ON shipments (created_at DESC, id DESC);

CREATE TABLE route_stops (
    id              bigserial PRIMARY KEY,
    route_id        bigint NOT NULL REFERENCES routes (id) ON DELETE CASCADE,
    shipment_id     bigint REFERENCES shipments (id) ON DELETE SET NULL,
    sequence        integer NOT NULL,
    kind            stop_kind NOT NULL DEFAULT 'dropoff',
    latitude        double precision NOT NULL,
    longitude       double precision NOT NULL,
    eta             timestamptz,
    arrived_at      timestamptz,
    departed_at     timestamptz,
    service_time    interval NOT NULL DEFAULT interval '5 minutes',
    notes           text,
    UNIQUE (route_id, sequence) DEFERRABLE INITIALLY DEFERRED
);

CREATE INDEX route_stops_shipment_idx ON route_stops (shipment_id);

CREATE TABLE shipment_events (
    id              bigserial PRIMARY KEY,
    shipment_id     bigint NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
    status          shipment_status NOT NULL,
    occurred_at     timestamptz NOT NULL DEFAULT now(),
    depot_id        bigint REFERENCES depots (id),
    driver_id       bigint REFERENCES drivers (id),
    latitude        double precision,
    longitude       double precision,
    note            text,
    payload         json
);

CREATE INDEX shipment_events_shipment_idx ON shipment_events (shipment_id, occurred_at DESC, id DESC);
