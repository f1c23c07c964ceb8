CREATE TABLE sites (
    id        serial PRIMARY KEY,
    name      text NOT NULL UNIQUE,
    time_zone text NOT NULL DEFAULT 'UTC'
);

CREATE TABLE devices (
    id           bigserial PRIMARY KEY,
    site_id      integer     NOT NULL REFERENCES sites (id),
    serial       text        NOT NULL UNIQUE,
    kind         text        NOT NULL,
    installed_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz
);

CREATE TABLE measurements (
    ts        timestamptz      NOT NULL,
    device_id bigint           NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    metric    text             NOT NULL,
    value     double precision NOT NULL,
    PRIMARY KEY (device_id, metric, ts)
);

CREATE INDEX measurements_ts_idx ON measurements USING brin (ts);
