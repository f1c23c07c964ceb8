CREATE TABLE measurements_hourly (
    bucket    timestamptz      NOT NULL,
    device_id bigint           NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    metric    text             NOT NULL,
    samples   integer          NOT NULL,
    min_value double precision NOT NULL,
    max_value double precision NOT NULL,
    avg_value double precision NOT NULL,
    sum_value double precision NOT NULL,
    PRIMARY KEY (device_id, metric, bucket)
);

CREATE TYPE alert_op AS ENUM ('gt', 'lt', 'absent');

CREATE TABLE alert_rules (
    id         serial PRIMARY KEY,
    site_id    integer REFERENCES sites (id),
    metric     text             NOT NULL,
    op         alert_op         NOT NULL,
    threshold  double precision,
    for_window interval         NOT NULL DEFAULT '5 minutes',
    enabled    boolean          NOT NULL DEFAULT true
);

CREATE TABLE alerts (
    id          bigserial PRIMARY KEY,
    rule_id     integer     NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
    device_id   bigint      NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    started_at  timestamptz NOT NULL,
    resolved_at timestamptz,
    peak_value  double precision
);

CREATE UNIQUE INDEX alerts_open_idx ON alerts (rule_id, device_id) WHERE resolved_at IS NULL;
