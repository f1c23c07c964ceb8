DROP TABLE IF EXISTS alerts;
DROP TABLE IF EXISTS alert_rules;
DROP TYPE IF EXISTS alert_op;
DROP TABLE IF EXISTS measurements_hourly;
